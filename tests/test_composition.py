"""Configuration that composes: `extend:`, `per_file_ignores:`, code prefixes
in `select`/`ignore`, every mistake reported at once, and where each setting
came from."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint.config import COMMAND_LINE, FORMATS, ConfigError, load
from notelint.core.model import Severity
from notelint.plugins.registry import discover
from tests.conftest import write


def test_extend_inherits_and_resolves_paths_against_the_extended_file(tmp_path: Path):
    write(
        tmp_path,
        {
            "shared/base.yaml": "fail_on: error\nrule_packs: [house]\njobs: 2\n"
            "rules:\n  late-thank-you: {hours: 72}\n  duplicate-note: {threshold: 80}\n",
            "coach/.notelint.yaml": "extend: ../shared/base.yaml\njobs: 3\n"
            "rules:\n  duplicate-note: {threshold: 90}\n",
        },
    )
    config = load(tmp_path / "coach" / ".notelint.yaml")
    assert config.rule_packs == ((tmp_path / "shared" / "house").resolve(),)
    assert (config.fail_on, config.jobs) == (Severity.ERROR, 3)
    assert config.rules == {"late-thank-you": {"hours": 72}, "duplicate-note": {"threshold": 90}}
    assert config.extends == (tmp_path / "coach" / ".." / "shared" / "base.yaml",)
    assert config.origin("fail_on").endswith("base.yaml:1")
    assert config.origin("jobs") == f"{tmp_path / 'coach' / '.notelint.yaml'}:2"
    assert config.origin("rules.late-thank-you").endswith("base.yaml:5")
    assert config.origin("model") == "default"


def test_an_extend_chain_with_a_cycle_is_an_error(tmp_path: Path):
    write(tmp_path, {"a.yaml": "extend: b.yaml\n", "b.yaml": "jobs: 2\nextend: a.yaml\n"})
    with pytest.raises(ConfigError) as error:
        load(tmp_path / "a.yaml")
    assert str(error.value).startswith(f"{tmp_path / 'b.yaml'}:2: extend: a cycle: ")
    assert str(error.value).endswith(f"{tmp_path / 'a.yaml'}")


def test_extend_of_a_missing_file_names_the_line(tmp_path: Path):
    write(tmp_path, {".notelint.yaml": "jobs: 2\nextend: nowhere.yaml\n"})
    with pytest.raises(ConfigError, match=r"\.notelint\.yaml:2: extend: .*nowhere\.yaml is not"):
        load(tmp_path / ".notelint.yaml")


def test_extend_reads_a_pyproject_table(tmp_path: Path):
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.notelint]\nfail_on = "info"\n',
            "notes/.notelint.yaml": "extend: ../pyproject.toml\n",
        },
    )
    assert load(tmp_path / "notes" / ".notelint.yaml").fail_on is Severity.INFO


def test_every_mistake_is_reported_at_once_with_its_file_and_line(tmp_path: Path):
    write(
        tmp_path,
        {
            "base.yaml": "fail_on: warn\n",
            ".notelint.yaml": "extend: base.yaml\njobs: -1\nselct: [x]\nformat: xml\n",
        },
    )
    with pytest.raises(ConfigError) as error:
        load(tmp_path / ".notelint.yaml")
    here = tmp_path / ".notelint.yaml"
    assert str(error.value).splitlines() == [
        f"{tmp_path / 'base.yaml'}:1: 'warn' is not a severity (error, warning, info); did you mean 'warning'?",
        f"{here}:2: jobs: expected a whole number, 0 or more, got -1",
        f"{here}:3: unknown setting 'selct'; did you mean 'select'?",
        f"{here}:4: format: 'xml' is not one of {', '.join(FORMATS)}",
    ]


def test_pyproject_errors_name_the_line_of_the_key(tmp_path: Path):
    write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "x"\n\n[tool.notelint]\nignore = ["NL1"]\n'
            'fail-on = "eror"\n\n[tool.notelint.rules]\nlate-thank-you = {hours = 3}\n'
        },
    )
    with pytest.raises(ConfigError) as error:
        load(tmp_path / "pyproject.toml")
    assert str(error.value).startswith(f"{tmp_path / 'pyproject.toml'}:6: 'eror' is not")
    write(
        tmp_path,
        {
            "pyproject.toml": '[tool.notelint]\nfail-on = "error"\n\n[tool.notelint.rules]\nlate-thank-you = {hours = 3}\n'
        },
    )
    config = load(tmp_path / "pyproject.toml")
    assert config.origin("fail_on").endswith("pyproject.toml:2")
    assert config.origin("rules").endswith("pyproject.toml:4")


def test_command_line_values_say_so():
    config = load(None).merged(fail_on=Severity.INFO, jobs=None)
    assert (config.origin("fail_on"), config.origin("jobs")) == (COMMAND_LINE, "default")


# -- selecting rules by code prefix ------------------------------------------------


def selected(**settings) -> list[str]:
    from notelint.config import Config

    registry = discover()
    return [r.code for r in registry.selected(Config(**settings))]


def test_a_code_prefix_selects_exactly_its_block():
    registry = discover()
    tone = sorted(r.code for r in registry.rules.values() if r.code.startswith("NL6"))
    assert tone == ["NL601", "NL602"]
    assert selected(select=("NL6",)) == ["NL001", *tone]  # unreadable-input stays on
    assert selected(select=("NL6",), ignore=("unreadable-input",)) == tone
    names = sorted(r.code for r in registry.rules.values() if r.code.startswith("NL2"))
    assert selected(ignore=("NL2",)) == sorted(
        r.code for r in registry.rules.values() if r.code not in names
    )


def test_the_more_specific_selector_wins_as_in_ruff():
    assert selected(select=("NL6",), ignore=("NL601", "NL0")) == ["NL602"]
    assert selected(select=("NL601",), ignore=("NL6", "NL0")) == ["NL601"]
    assert selected(select=("NL", "desperate-tone"), ignore=("NL6",))[-1] == "NL601"


def test_an_unknown_prefix_is_the_did_you_mean_error(tmp_path: Path):
    from notelint.config import Config

    with pytest.raises(ConfigError, match="unknown rule 'NL9'"):
        discover().active(Config(select=("NL9",)))
    with pytest.raises(ConfigError, match="did you mean 'desperate-tone'"):
        discover().active(Config(ignore=("desperate-tnoe",)))


def test_prefixes_work_in_the_configuration_and_name_their_line(tmp_path: Path):
    write(tmp_path, {".notelint.yaml": "select: [NL6]\nignore: [NL7, NL8]\n"})
    config = load(tmp_path / ".notelint.yaml")
    assert [a.rule.code for a in discover().active(config.merged(ignore=("NL0",)))] == [
        "NL601",
        "NL602",
    ]
    with pytest.raises(ConfigError) as error:
        discover().active(config)
    assert str(error.value).splitlines() == [
        f"{tmp_path / '.notelint.yaml'}:2: unknown rule 'NL7'",
        f"{tmp_path / '.notelint.yaml'}:2: unknown rule 'NL8'",
    ]


# -- per-file ignores ----------------------------------------------------------------


PLACEHOLDER = "Dear [Interviewer Name],\n\nThank you.\n"


def test_per_file_ignores_switch_rules_off_for_matching_files(tmp_path: Path):
    from datetime import datetime

    from notelint.app.runner import RunOptions, run

    write(
        tmp_path,
        {
            ".notelint.yaml": "model: blank\nselect: [NL3]\n"
            "per_file_ignores:\n  'templates/*.md': [NL302]\n  other.md: [desperate-tone]\n",
            "templates/thank-you.md": PLACEHOLDER,
            "templates/deep/x.md": PLACEHOLDER,  # `templates/*.md` is one level
            "notes/a.md": PLACEHOLDER,
        },
    )
    config = load(tmp_path / ".notelint.yaml")
    report = run([(config, [str(tmp_path)])], RunOptions(now=datetime(2026, 11, 21)))
    flagged = sorted(Path(f.path).relative_to(tmp_path).as_posix() for f in report.findings)
    assert flagged == ["notes/a.md", "templates/deep/x.md"]


def test_per_file_ignores_with_an_unknown_rule_name_the_line(tmp_path: Path):
    write(tmp_path, {".notelint.yaml": "per_file_ignores:\n  'a/*': [NL302]\n  'b/*': [nope]\n"})
    with pytest.raises(ConfigError, match=r"\.notelint\.yaml:3: unknown rule 'nope'"):
        discover().active(load(tmp_path / ".notelint.yaml"))


def test_unknown_rules_and_bad_rule_options_are_reported_together(tmp_path: Path):
    write(
        tmp_path,
        {".notelint.yaml": "select: [NL9]\nrules:\n  late-thank-you: {hourz: 3}\n  NL999: {}\n"},
    )
    with pytest.raises(ConfigError) as error:
        discover().active(load(tmp_path / ".notelint.yaml"))
    here = tmp_path / ".notelint.yaml"
    assert str(error.value).splitlines() == [
        f"{here}:1: unknown rule 'NL9'",
        f"{here}:4: unknown rule 'NL999'",
        f"{here}:3: rules: late-thank-you: unknown option 'hourz'; did you mean 'hours'?",
    ]


def test_the_readme_configuration_snippets_load_and_name_every_setting(tmp_path: Path):
    """The README's `.notelint.yaml` and `pyproject.toml` examples are valid,
    and the YAML one documents every setting there is."""
    import re

    from notelint.config import SETTINGS

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    yaml_text = re.search(r"```yaml\n(# \.notelint\.yaml\n.*?)```", readme, re.S).group(1)
    toml_text = re.search(r"```toml\n(# pyproject\.toml\n.*?)```", readme, re.S).group(1)
    write(tmp_path, {"shared/coach.yaml": "fail_on: error\n"})
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / ".notelint.yaml").write_text(yaml_text, encoding="utf-8")
    (tmp_path / "pyproject.toml").write_text(toml_text, encoding="utf-8")
    config = load(tmp_path / "notes" / ".notelint.yaml")
    assert config.extends == (tmp_path / "notes" / ".." / "shared" / "coach.yaml",)
    assert {key for key in SETTINGS if config.origin(key) == "default"} == set()
    assert load(tmp_path / "pyproject.toml").exclude[0].lines == ("clients/*/drafts",)
