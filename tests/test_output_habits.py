"""The habits ruff and Vale users type without thinking: colour that obeys
NO_COLOR / FORCE_COLOR / --color, severities and `[*]` in the text report,
--exit-zero, --min-severity, --output-format, GitLab Code Quality, `rules
--format json`, links to the rule reference, and honest empty runs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from notelint.core.links import RULE_REFERENCE
from tests.conftest import notelint, write

ROOT = Path(__file__).resolve().parent.parent
PACK = """\
rules:
  - slug: house-word
    code: HW1
    severity: info
    kind: existence
    tokens: [synergy]
  - slug: house-spelling
    code: HW2
    severity: error
    kind: substitution
    message: "write '{replacement}', not '{match}'"
    swap: {e-mail: email}
"""
NOTE = "Dear Maria,\n\nOur synergy.\nPlease please please hire me.\nI will send an e-mail.\n"
ESCAPE = "\x1b["


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            ".notelint.yaml": "model: blank\nrule_packs: [packs]\n"
            "select: [house-word, house-spelling, desperate-tone]\n",
            "packs/house.yaml": PACK,
            "notes/app/maria.md": NOTE,
        },
    )
    return tmp_path


# -- colour ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "env, args, coloured",
    [
        ({"FORCE_COLOR": "1"}, [], True),
        ({"FORCE_COLOR": "1", "NO_COLOR": "1"}, [], False),
        ({"NO_COLOR": "1"}, ["--color", "always"], True),
        ({"FORCE_COLOR": "1"}, ["--color", "never"], False),
        ({"FORCE_COLOR": "1", "NO_COLOR": ""}, [], True),  # an empty NO_COLOR is not set
        ({}, [], False),  # not a terminal
    ],
)
def test_colour_follows_the_option_then_no_color_then_force_color(notes, env, args, coloured):
    result = notelint("check", "notes", *args, cwd=notes, env=env)
    assert result.stdout.strip()
    assert (ESCAPE in result.stdout) is coloured


def test_term_dumb_and_output_files_get_no_colour(monkeypatch):
    from notelint.cli import _colour

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "dumb")
    assert _colour("auto", None) is False
    assert _colour("always", None) is True
    monkeypatch.setenv("TERM", "xterm-256color")
    assert _colour("auto", None) is None  # click: colour on a terminal only
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert _colour("auto", "report.txt") is False
    assert _colour("always", "report.txt") is True


# -- the text report -------------------------------------------------------------------


def test_text_shows_each_severity_and_marks_what_fix_fixes(notes):
    result = notelint("check", "notes", "--quiet", cwd=notes)
    lines = result.stdout.splitlines()
    assert lines == [
        "notes/app/maria.md:3:5: HW1 [house-word] info: 'synergy'",
        "notes/app/maria.md:4:1: NL601 [desperate-tone] warning: "
        + lines[1].split("warning: ", 1)[1],
        "notes/app/maria.md:5:16: HW2 [*] [house-spelling] error: write 'email', not 'e-mail'",
    ]
    full = notelint("check", "notes", cwd=notes).stdout.splitlines()
    assert full[-2:] == [
        "Found 3 findings (1 error, 1 warning, 1 info) in 1 file.",
        "[*] 1 fixable with --fix.",
    ]


def test_a_fix_fix_cannot_write_is_not_marked(notes):
    (notes / "notes" / "app" / "maria.md").chmod(0o444)
    result = notelint("check", "notes", cwd=notes)
    assert "[*]" not in result.stdout and "fixable" not in result.stdout


def test_exit_zero_keeps_the_report_and_exit_2(notes):
    failing = notelint("check", "notes", cwd=notes)
    assert failing.returncode == 1
    zero = notelint("check", "notes", "--exit-zero", cwd=notes)
    assert zero.returncode == 0 and zero.stdout == failing.stdout
    assert notelint("check", "notes", "--diff", "--exit-zero", cwd=notes).returncode == 0
    broken = notelint("check", "notes", "--exit-zero", "--select", "nope", cwd=notes)
    assert broken.returncode == 2


@pytest.mark.parametrize("option", ["--min-severity", "--minAlertLevel"])
def test_min_severity_hides_lower_findings_from_report_summary_and_exit(notes, option):
    shown = notelint("check", "notes", option, "warning", "--format", "json", cwd=notes)
    document = json.loads(shown.stdout)
    assert sorted(f["severity"] for f in document["findings"]) == ["error", "warning"]
    assert document["summary"]["info"] == 0 and document["summary"]["findings"] == 2
    hidden = notelint(
        "check", "notes", option, "error", "--ignore", "house-spelling", "--fail-on", "info",
        cwd=notes,
    )  # fmt: skip
    assert hidden.returncode == 0, hidden.stdout  # hidden findings never fail a run
    assert "NL601" not in hidden.stdout and "HW1" not in hidden.stdout
    every = notelint("check", "notes", option, "suggestion", "--format", "json", cwd=notes)
    assert len(json.loads(every.stdout)["findings"]) == 3


def test_min_severity_in_the_configuration(notes):
    (notes / ".notelint.yaml").write_text(
        (notes / ".notelint.yaml").read_text() + "min_severity: error\n"
    )
    result = notelint("check", "notes", "--format", "json", cwd=notes)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["house-spelling"]


def test_output_format_is_format(notes):
    one = notelint("check", "notes", "--format", "json", cwd=notes)
    two = notelint("check", "notes", "--output-format", "json", cwd=notes)
    assert json.loads(one.stdout) == json.loads(two.stdout)


# -- GitLab Code Quality -----------------------------------------------------------------


CONFIDENTIAL_INTERVIEW = (
    "company: Acme Robotics\nconfidential: [Project Nightjar]\n"
    "interviewers:\n  - name: Maria Gonzalez\n"
)


def test_gitlab_code_quality(notes):
    write(notes, {"notes/app/interview.yaml": CONFIDENTIAL_INTERVIEW})
    (notes / ".notelint.yaml").write_text(
        "model: blank\nrule_packs: [packs]\n"
        "select: [house-word, house-spelling, desperate-tone, confidential-content]\n"
    )
    note = notes / "notes" / "app" / "maria.md"
    note.write_text(NOTE + "I led Project Nightjar at Globex.\n")
    first = json.loads(notelint("check", "notes", "--format", "gitlab", cwd=notes).stdout)
    assert "Nightjar" not in json.dumps(first)
    by_rule = {issue["check_name"]: issue for issue in first}
    assert set(by_rule) == {
        "house-word",
        "house-spelling",
        "desperate-tone",
        "confidential-content",
    }
    assert {k: v["severity"] for k, v in by_rule.items()} == {
        "house-word": "info",
        "house-spelling": "critical",
        "desperate-tone": "major",
        "confidential-content": "major",
    }
    spelling = by_rule["house-spelling"]
    assert spelling["description"] == "HW2 write 'email', not 'e-mail'"
    assert spelling["location"] == {"path": "notes/app/maria.md", "lines": {"begin": 5, "end": 5}}
    assert all(re.fullmatch(r"[0-9a-f]{32}", issue["fingerprint"]) for issue in first)
    assert len({issue["fingerprint"] for issue in first}) == len(first)
    # Lines inserted above: every issue keeps its fingerprint.
    note.write_text("Hello again.\n\n" + note.read_text())
    moved = json.loads(notelint("check", "notes", "--format", "gitlab", cwd=notes).stdout)
    assert [i["location"]["lines"]["begin"] for i in moved] == [
        i["location"]["lines"]["begin"] + 2 for i in first
    ]
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in first]


# -- rules and links -----------------------------------------------------------------------


def test_rules_as_json_link_each_rule_to_its_section(tmp_path):
    document = json.loads(notelint("rules", "--format", "json", cwd=tmp_path).stdout)
    assert len(document) == 16
    reference = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in document:
        assert set(rule) == {"code", "slug", "severity", "scope", "fixable", "summary", "url"}
        assert rule["url"] == f"{RULE_REFERENCE}#{rule['slug']}"
        assert f"\n## {rule['slug']}\n" in reference  # the anchor exists
    assert {r["slug"]: r["fixable"] for r in document}["misspelled-name"] is True


def test_sarif_and_rdjson_link_to_the_rule_reference_not_a_package_page(notes):
    (notes / ".notelint.yaml").write_text("model: blank\nselect: [desperate-tone]\n")
    sarif = json.loads(notelint("check", "notes", "--format", "sarif", cwd=notes).stdout)
    driver = sarif["runs"][0]["tool"]["driver"]
    assert "pypi.org" not in json.dumps(sarif)
    (rule,) = [r for r in driver["rules"] if r["id"] == "desperate-tone"]
    assert rule["helpUri"] == f"{RULE_REFERENCE}#desperate-tone"
    rdjson = json.loads(notelint("check", "notes", "--format", "rdjson", cwd=notes).stdout)
    assert "pypi.org" not in json.dumps(rdjson)
    assert rdjson["diagnostics"][0]["code"]["url"] == f"{RULE_REFERENCE}#desperate-tone"


def test_the_repository_url_is_written_once_and_the_readme_uses_it():
    from notelint.core.links import REPOSITORY

    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert f'Repository = "{REPOSITORY}"' in pyproject
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    repos = set(re.findall(r"https://github\.com/[^/\s]+/notelint\b", readme))
    assert repos == {REPOSITORY}


# -- honest empty runs -----------------------------------------------------------------------


@pytest.mark.parametrize("args", [[], ["--fail-on", "info"]])
def test_a_run_that_finds_no_notes_says_so_and_exits_0(tmp_path, args):
    write(tmp_path, {"notes/app/interview.yaml": CONFIDENTIAL_INTERVIEW, "notes/x.py": "x"})
    result = notelint("check", "notes", *args, cwd=tmp_path, env={"FORCE_COLOR": "1"})
    assert result.returncode == 0
    assert "All clear" not in result.stdout and result.stdout == ""
    assert result.stderr.startswith("notelint: warning: no notes found in notes")


def test_one_clean_note_is_still_all_clear(tmp_path):
    write(tmp_path, {".notelint.yaml": "model: blank\nselect: [desperate-tone]\n", "a.md": "Hi.\n"})
    result = notelint("check", ".", cwd=tmp_path)
    assert result.stdout == "All clear: 1 file checked, no findings.\n" and not result.stderr


def test_a_word_document_in_a_notes_folder_fails_the_run(tmp_path):
    write(tmp_path, {".notelint.yaml": "model: blank\n", "notes/app/maria.docx": b"PK\x03\x04"})
    result = notelint("check", "notes", "--format", "json", cwd=tmp_path)
    assert result.returncode == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["path"], finding["rule"], finding["message"]) == (
        "notes/app/maria.docx",
        "unreadable-input",
        "notelint reads .md, .txt and .eml; save this note as text",
    )


# -- settings --------------------------------------------------------------------------------


def test_show_settings_names_the_file_and_line_of_each_value(notes):
    write(notes, {"shared/base.yaml": "fail_on: error\nexclude: [drafts]\n"})
    config = notes / ".notelint.yaml"
    config.write_text("extend: shared/base.yaml\n" + config.read_text())
    result = notelint("check", "--show-settings", "--jobs", "2", "notes/app/maria.md", cwd=notes)
    assert result.returncode == 0 and "NL601" not in result.stdout  # nothing checked
    rows = {
        line.split(":", 1)[0]: line.rsplit("# ", 1)[1]
        for line in result.stdout.splitlines()
        if not line.startswith(("#", " ")) and "# " in line
    }
    assert rows["fail_on"] == f"{notes / 'shared' / 'base.yaml'}:1"
    assert rows["exclude"] == f"{notes / 'shared' / 'base.yaml'}:2"
    assert rows["select"] == f"{config}:4"
    assert rows["jobs"] == "command line"
    assert rows["min_severity"] == "default"
    assert "# Resolved settings for: notes/app/maria.md" in result.stdout
    assert f"#   extends {notes / 'shared' / 'base.yaml'}" in result.stdout


def test_every_configuration_mistake_is_one_error_line(notes):
    (notes / ".notelint.yaml").write_text("jobs: -1\nfail_on: warn\nselect: [NL9]\n")
    result = notelint("check", "notes", cwd=notes)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("notelint: error: ") for line in lines)
    assert ".notelint.yaml:1: jobs" in lines[0] and ".notelint.yaml:2: 'warn'" in lines[1]
