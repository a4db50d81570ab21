"""The JSON Schemas editors read come from the validators' own declarations
(`inputs/fields.py`): every interview.yaml of examples/ and tests/corpus
passes both, and what the validator refuses the schema refuses too."""

from __future__ import annotations

import json
import textwrap
from dataclasses import fields as dataclass_fields
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from notelint.config import SETTINGS, Config, ConfigError, load
from notelint.inputs import jsonschemas, yamlio
from notelint.inputs.interview import parse_interview
from notelint.inputs.schema import InputError

ROOT = Path(__file__).resolve().parent.parent
INTERVIEWS = sorted(
    p for folder in ("examples", "tests/corpus") for p in (ROOT / folder).rglob("interview.yaml")
)


def _shipped(name: str) -> Draft202012Validator:
    path = ROOT / "notelint" / "schemas" / jsonschemas.FILES[name]
    schema = json.loads(path.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


INTERVIEW = _shipped("interview")
CONFIG = _shipped("config")


def _yaml(text: str):
    """As notelint reads it (dates stay text), and as an editor sees it."""
    return yamlio.load(textwrap.dedent(text))


def test_the_shipped_schemas_are_the_generated_ones():
    for name, made in (
        ("interview", jsonschemas.interview_schema),
        ("config", jsonschemas.config_schema),
    ):
        shipped = (ROOT / "notelint" / "schemas" / jsonschemas.FILES[name]).read_text("utf-8")
        assert shipped == jsonschemas.render(made()), "run: python -m notelint.app.docgen"


def test_the_settings_declared_are_the_configurations_fields():
    unset = ("source", "origins", "extends")  # where the settings came from, not settings
    assert SETTINGS == tuple(f.name for f in dataclass_fields(Config) if f.name not in unset)


def test_the_corpus_is_large_enough_to_mean_something():
    assert len(INTERVIEWS) > 50


@pytest.mark.parametrize("path", INTERVIEWS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_interview_file_validates(path):
    text = path.read_text(encoding="utf-8-sig")
    parse_interview(path, text)  # the validator accepts it ...
    errors = [e.message for e in INTERVIEW.iter_errors(yamlio.load(text))]
    assert errors == []  # ... and so does the schema


GOOD = {
    "minimal": "company: Acme\n",
    "everything": """\
        company: Acme Robotics
        role: Product Manager
        round: 2
        interviewed_at: 2026-11-20T14:00
        decision_by: 2026-12-04
        timezone: Europe/London
        current_employer: Globex
        confidential: Project Falcon
        values: [collaboration, 42]
        interviewers:
          - name: Maria Gonzalez
            title:
            role: hiring-manager-boss
            email: m@acme.example
            points: [pricing]
        """,
    "a zone-aware time": "company: Acme\ninterviewed_at: 2026-11-20T14:00:00+01:00\n",
}

BAD = {
    "no company": "role: PM\n",
    "empty company": "company: ''\n",
    "an unknown key": "company: Acme\ncompnay: Acme\n",
    "point for points": "company: Acme\ninterviewers:\n  - name: Raj\n    point: pricing\n",
    "role HR in capitals": "company: Acme\ninterviewers:\n  - name: Raj\n    role: HR\n",
    "an interviewer without a name": "company: Acme\ninterviewers:\n  - title: VP\n",
    "round zero": "company: Acme\nround: 0\n",
    "round as text": "company: Acme\nround: first\n",
    "a date that is not one": "company: Acme\ninterviewed_at: next Friday\n",
    "a year that is a typo": "company: Acme\ninterviewed_at: 1926-11-20\n",
    "interviewers as a mapping": "company: Acme\ninterviewers:\n  name: Raj\n",
    "points as a mapping": "company: Acme\ninterviewers:\n  - name: Raj\n    points: {a: b}\n",
    "a title as a list": "company: Acme\ninterviewers:\n  - name: Raj\n    title: [VP]\n",
}


@pytest.mark.parametrize("text", GOOD.values(), ids=GOOD.keys())
def test_what_the_validator_accepts_the_schema_accepts(text):
    parse_interview(Path("interview.yaml"), textwrap.dedent(text))
    assert list(INTERVIEW.iter_errors(_yaml(text))) == []


@pytest.mark.parametrize("text", BAD.values(), ids=BAD.keys())
def test_what_the_validator_refuses_the_schema_refuses(text):
    with pytest.raises(InputError):
        parse_interview(Path("interview.yaml"), textwrap.dedent(text))
    assert list(INTERVIEW.iter_errors(_yaml(text))) != []


GOOD_CONFIG = {
    "the README's": """\
        select: []
        ignore: [hiring-manager-detail]
        fail_on: warning
        format: html
        model: en_core_web_sm
        rule_packs: [coach-rules]
        exclude: ["drafts-*"]
        max_file_size: 1000000
        note_timeout: 30
        jobs: 2
        timezone: Europe/London
        rules:
          duplicate-note: {threshold: 85}
        """,
    "dashes and a comma list": "fail-on: error\nignore: generic-phrasing,NL502\n",
}
BAD_CONFIG = {
    "an unknown setting": "fial_on: error\n",
    "a format that is not one": "format: xml\n",
    "a severity that is not one": "fail_on: fatal\n",
    "jobs below zero": "jobs: -1\n",
    "an empty cache folder": 'cache_dir: ""\n',
    "jobs as text": "jobs: many\n",
    "rules as a list": "rules: [duplicate-note]\n",
    "a rule's settings as text": "rules:\n  duplicate-note: strict\n",
    "select as a number": "select: 3\n",
}


def _config(tmp_path: Path, text: str) -> None:
    path = tmp_path / ".notelint.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    load(path)


@pytest.mark.parametrize("text", GOOD_CONFIG.values(), ids=GOOD_CONFIG.keys())
def test_configurations_the_validator_accepts_the_schema_accepts(tmp_path, text):
    _config(tmp_path, text)
    assert list(CONFIG.iter_errors(_yaml(text))) == []


@pytest.mark.parametrize("text", BAD_CONFIG.values(), ids=BAD_CONFIG.keys())
def test_configurations_the_validator_refuses_the_schema_refuses(tmp_path, text):
    with pytest.raises(ConfigError):
        _config(tmp_path, text)
    assert list(CONFIG.iter_errors(_yaml(text))) != []


def test_role_choices_are_described_for_the_editor():
    person = jsonschemas.interview_schema()["properties"]["interviewers"]["anyOf"][0]["items"]
    role = person["properties"]["role"]["anyOf"][0]
    assert role["enum"][0] == "hiring-manager"
    assert len(role["enumDescriptions"]) == len(role["enum"])
