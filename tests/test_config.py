"""Configuration: discovery walking up, pyproject.toml, merging with the
command line, and a precise error for every bad key."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint.config import Config, ConfigError, discover, load
from notelint.core.model import Severity


def test_nearest_file_wins(tmp_path: Path):
    (tmp_path / ".notelint.yaml").write_text("fail_on: error\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert discover(deep) == tmp_path / ".notelint.yaml"
    (tmp_path / "a" / "pyproject.toml").write_text(
        "[tool.notelint]\nignore = ['generic-phrasing']\n"
    )
    assert discover(deep) == tmp_path / "a" / "pyproject.toml"
    assert load(discover(deep)).ignore == ("generic-phrasing",)


def test_pyproject_without_a_notelint_table_is_skipped(tmp_path: Path):
    (tmp_path / ".notelint.yaml").write_text("jobs: 2\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[tool.ruff]\nline-length = 99\n")
    assert discover(tmp_path / "sub") == tmp_path / ".notelint.yaml"


def test_values_are_typed_and_paths_resolved(tmp_path: Path):
    path = tmp_path / ".notelint.yaml"
    path.write_text(
        "select: [NL201, generic-phrasing]\nfail_on: info\nrule_packs: [house]\n"
        "max-file-size: 5000\nrules:\n  duplicate-note: {threshold: 80}\n"
    )
    config = load(path)
    assert config.select == ("NL201", "generic-phrasing")
    assert config.fail_on is Severity.INFO
    assert config.rule_packs == ((tmp_path / "house").resolve(),)
    assert config.max_file_size == 5000
    assert config.rules == {"duplicate-note": {"threshold": 80}}


def test_command_line_wins():
    config = Config(fail_on=Severity.ERROR, jobs=3).merged(fail_on=Severity.INFO, jobs=None)
    assert (config.fail_on, config.jobs) == (Severity.INFO, 3)


@pytest.mark.parametrize(
    "text, message",
    [
        (
            "fail_on: warning\nselct: [x]\n",
            ".notelint.yaml:2: unknown setting 'selct'; did you mean 'select'?",
        ),
        (
            "fail_on: warn\n",
            ".notelint.yaml:1: 'warn' is not a severity (error, warning, info); did you mean 'warning'?",
        ),
        ("jobs: -1\n", ".notelint.yaml:1: jobs: expected a whole number, 0 or more, got -1"),
        ("format: xml\n", ".notelint.yaml:1: format: 'xml' is not one of"),
        ("rules: [a]\n", ".notelint.yaml:1: rules: expected a mapping"),
        ("[unclosed\n", ".notelint.yaml:2:"),
    ],
)
def test_bad_config_names_file_and_line(tmp_path: Path, text, message):
    path = tmp_path / ".notelint.yaml"
    path.write_text(text)
    with pytest.raises(ConfigError) as error:
        load(path)
    assert str(error.value).startswith(str(tmp_path / message.split(":")[0]))
    assert message in str(error.value)


def test_an_unrelated_broken_pyproject_is_skipped(tmp_path: Path):
    (tmp_path / ".notelint.yaml").write_text("jobs: 2\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "pyproject.toml").write_text("[tool.black\nbroken")
    assert discover(tmp_path / "sub") == tmp_path / ".notelint.yaml"
    (tmp_path / "sub" / "pyproject.toml").write_text("[tool.notelint\nbroken")
    with pytest.raises(ConfigError, match="pyproject.toml"):
        discover(tmp_path / "sub")


def test_empty_optional_text_is_none(tmp_path: Path):
    from notelint.inputs.interview import parse_interview

    interview = parse_interview(
        tmp_path / "interview.yaml", "company: Acme\ncurrent_employer: ''\nrole: ' '\n"
    )
    assert (interview.current_employer, interview.role) == (None, None)
