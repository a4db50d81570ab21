"""The command line as users and scripts see it: exit codes, the JSON
document of the contract, one-line errors, plugins, and a fast start."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CONTENT_SLUGS, CONTRACT_SLUGS, notelint, write

INTERVIEW = "company: Acme Robotics\ninterviewers:\n  - name: Maria Gonzalez\n"
PACK = "rules:\n  - slug: house-word\n    code: HW1\n    severity: info\n    kind: existence\n    tokens: [synergy]\n"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    write(
        tmp_path,
        {
            "notes/app/interview.yaml": INTERVIEW,
            "notes/app/maria.md": "---\nto: Maria Gonzalez\n---\nDear Maria,\nOur synergy.\n",
            "notes/app/broken.md": b"---\nto: [\n---\nHi\n",
            "packs/house.yaml": PACK,
            ".notelint.yaml": "rule_packs: [packs]\nselect: [house-word, unreadable-input]\n",
        },
    )
    return tmp_path


def test_json_output_matches_the_contract(notes: Path):
    result = notelint("check", "notes", "--format", "json", cwd=notes)
    assert result.returncode == 1, result.stderr
    document = json.loads(result.stdout)
    assert set(document) == {"notelint_version", "findings", "summary"}
    assert document["summary"] == {"files": 2, "findings": 2, "error": 1, "warning": 0, "info": 1}
    first, second = document["findings"]
    assert first["path"] == "notes/app/broken.md" and first["rule"] == "unreadable-input"
    assert second == {
        "path": "notes/app/maria.md",
        "line": 5,
        "column": 5,
        "end_line": 5,
        "end_column": 12,
        "rule": "house-word",
        "code": "HW1",
        "severity": "info",
        "message": "'synergy'",
        "fix": None,
    }


def test_exit_codes_follow_fail_on(notes: Path):
    assert notelint("check", "notes/app/maria.md", cwd=notes).returncode == 0
    assert notelint("check", "notes/app/maria.md", "--fail-on", "info", cwd=notes).returncode == 1
    assert notelint("check", "notes", "--ignore", "unreadable-input", cwd=notes).returncode == 0


def test_text_output_reads_like_ruff(notes: Path):
    result = notelint("check", "notes/app/maria.md", "--fail-on", "info", cwd=notes)
    assert result.stdout.splitlines()[:4] == [
        "notes/app/maria.md:5:5: HW1 [house-word] info: 'synergy'",
        "  |",
        "5 | Our synergy.",
        "  |     ^^^^^^^",
    ]
    assert result.stdout.rstrip().endswith("Found 1 finding (1 info) in 1 file.")
    assert "\x1b[" not in result.stdout  # no colour when not on a terminal


def test_quiet_and_output_file(notes: Path):
    result = notelint(
        "check", "notes", "-q", "--output", "report.json", "--format", "json", cwd=notes
    )
    assert result.stdout == ""
    assert json.loads((notes / "report.json").read_text())["summary"]["findings"] == 2


@pytest.mark.parametrize(
    "args, message",
    [
        (["check", "notes", "--select", "no-such-rule"], "unknown rule 'no-such-rule'"),
        (["check", "notes", "--select", "house-wrod"], "did you mean 'house-word'?"),
        (["check", "notes", "--now", "yesterday"], "'yesterday' is not a date"),
        (["check", "notes", "--format", "xml"], "'xml' is not one of"),
        (["check", "missing-folder"], "does not exist"),
        (["explain", "nope"], "unknown rule 'nope'"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(notes: Path, args, message):
    result = notelint(*args, cwd=notes)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_config_and_bad_pack_exit_2(notes: Path):
    (notes / "packs" / "bad.yaml").write_text("rules:\n  - slug: x\n    kind: existance\n")
    result = notelint("check", "notes", cwd=notes)
    assert result.returncode == 2
    assert (
        f"{notes / 'packs' / 'bad.yaml'}:3: rules[0].kind: 'existance' is not a kind; did you mean 'existence'?"
        in result.stderr
    )


def test_missing_model_is_one_line(notes: Path):
    result = notelint("check", "notes", "--model", "en_core_web_nope", cwd=notes)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "notelint: error: the spaCy pipeline 'en_core_web_nope' is not installed; "
        "install it with: pip install en_core_web_nope"
    )


@pytest.mark.parametrize(
    "command",
    [
        ["rules"],
        ["rules", "--format", "json"],
        ["explain", "unreadable-input"],
        ["--help"],
        ["check", "--help"],
    ],
)
def test_listing_commands_never_import_spacy(tmp_path: Path, command):
    code = (
        "import sys\nfrom notelint.cli import main\n"
        f"try:\n    main({command!r})\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
        "for heavy in ('spacy', 'pygls', 'lsprotocol', 'pathspec'):\n"
        "    assert heavy not in sys.modules, heavy + ' imported'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_rules_lists_every_contract_rule(tmp_path: Path):
    listed = notelint("rules", cwd=tmp_path).stdout
    slugs = {line.split()[1] for line in listed.splitlines()}
    assert slugs == CONTRACT_SLUGS


PLUGIN = '''
from notelint.core.model import Hit
from notelint.rule import Rule


class ShoutingSubject(Rule):
    """Flags notes whose body says 'URGENT'."""

    slug = "urgent-word"
    code = "PL100"

    def check(self, note, context):
        at = note.body.find("URGENT")
        if at >= 0:
            yield Hit("no urgency, please", at, at + 6)
'''


def install_plugin(site: Path, name: str, target: str, source: str | None) -> None:
    """A real distribution on sys.path: a module and a dist-info with an entry point."""
    if source is not None:
        (site / f"{name}.py").write_text(source)
    info = site / f"{name}-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text(f"[notelint.rules]\n{name} = {target}\n")


def test_third_party_plugin_is_listed_and_runs(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site, "notelint_urgent", "notelint_urgent:ShoutingSubject", PLUGIN)
    write(tmp_path, {"n.md": "Hi,\nthis is URGENT.\n"})
    env = {"PYTHONPATH": str(site)}
    assert "PL100  urgent-word" in notelint("rules", cwd=tmp_path, env=env).stdout
    result = notelint(
        "check", "n.md", "--select", "urgent-word", "--format", "json", cwd=tmp_path, env=env
    )
    (finding,) = json.loads(result.stdout)["findings"]
    assert (finding["rule"], finding["line"], finding["column"]) == ("urgent-word", 2, 9)


def test_broken_plugin_is_reported_and_skipped(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site, "notelint_broken", "notelint_broken_missing:Rule", None)
    write(tmp_path, {"n.md": "Hi\n"})
    env = {"PYTHONPATH": str(site)}
    listing = notelint("rules", cwd=tmp_path, env=env)
    assert listing.returncode == 0 and "unreadable-input" in listing.stdout
    assert "plugin 'notelint_broken'" in listing.stderr and "failed to load" in listing.stderr
    result = notelint("check", "n.md", "--select", "unreadable-input", cwd=tmp_path, env=env)
    assert result.returncode == 2 and "All clear" in result.stdout


CRASHING = '''
from notelint.core.model import Hit
from notelint.rule import Rule


class Crashes(Rule):
    """Crashes on notes that mention bananas."""

    slug = "crashy"
    code = "PL200"

    def check(self, note, context):
        if "banana" in note.body:
            raise ZeroDivisionError("division by banana")
        yield Hit("no bananas here")
'''


def test_a_crashing_rule_is_reported_and_the_run_completes(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site, "notelint_crashy", "notelint_crashy:Crashes", CRASHING)
    write(tmp_path, {"notes/a.md": "banana\n", "notes/b.md": "apple\n"})
    env = {"PYTHONPATH": str(site)}
    result = notelint(
        "check", "notes", "--select", "crashy", "--format", "json", cwd=tmp_path, env=env
    )
    assert result.returncode == 2
    assert [f["path"] for f in json.loads(result.stdout)["findings"]] == ["notes/b.md"]
    assert (
        "rule 'crashy' crashed on notes/a.md: ZeroDivisionError: division by banana"
        in result.stderr
    )
    assert "Traceback" not in result.stderr
    verbose = notelint("check", "notes", "--select", "crashy", "-v", cwd=tmp_path, env=env)
    assert "Traceback" in verbose.stderr


def test_output_into_a_missing_folder_is_one_line(notes: Path):
    result = notelint("check", "notes", "--output", "no/such/folder/report.json", cwd=notes)
    assert result.returncode == 2
    assert result.stderr.startswith("notelint: error: cannot write no/such/folder/report.json")
    assert "Traceback" not in result.stderr


def test_unreadable_input_stays_on_when_other_rules_are_selected(notes: Path):
    result = notelint("check", "notes", "--select", "house-word", "--format", "json", cwd=notes)
    rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
    assert rules == {"house-word", "unreadable-input"}
    ignored = notelint(
        "check", "notes", "--ignore", "unreadable-input", "--format", "json", cwd=notes
    )
    assert {f["rule"] for f in json.loads(ignored.stdout)["findings"]} == {"house-word"}


def test_rule_settings_by_code_apply(notes: Path):
    (notes / ".notelint.yaml").write_text("rule_packs: [packs]\nrules:\n  HW1: {severity: error}\n")
    result = notelint(
        "check", "notes/app/maria.md", "--select", "HW1", "--format", "json", cwd=notes
    )
    assert [f["severity"] for f in json.loads(result.stdout)["findings"]] == ["error"]
    assert result.returncode == 1


@pytest.mark.parametrize(
    "settings, message",
    [
        (
            "duplicate-note: {paragraph_severity: loud}",
            ":3: rules: duplicate-note: paragraph_severity: 'loud' is not one of info, warning, error",
        ),
        (
            "late-thank-you: {hours: -5}",
            ":3: rules: late-thank-you: hours: expected a number of 0 or more, got -5",
        ),
        (
            "late-thank-you: {hourz: 5}",
            ":3: rules: late-thank-you: unknown option 'hourz'; did you mean 'hours'?",
        ),
        ("NL999: {severity: error}", ":3: unknown rule 'NL999'"),
    ],
)
def test_bad_rule_settings_name_the_file_and_line(notes: Path, settings, message):
    (notes / ".notelint.yaml").write_text(f"rule_packs: [packs]\nrules:\n  {settings}\n")
    result = notelint("check", "notes", cwd=notes)
    assert result.returncode == 2
    assert f"notelint: error: {notes / '.notelint.yaml'}{message}" in result.stderr, result.stderr


def test_paths_whose_configurations_disagree_on_format(notes: Path):
    (notes / "notes" / "app" / ".notelint.yaml").write_text("format: json\n")
    result = notelint("check", "notes/app", "notes", cwd=notes)
    assert result.returncode == 2 and "pass --format" in result.stderr
    assert notelint("check", "notes/app", "notes", "--format", "json", cwd=notes).returncode == 1


def test_parallel_parsing_gives_the_same_report(tmp_path: Path):
    examples = Path(__file__).resolve().parent.parent / "examples"
    one = notelint("check", str(examples), "--format", "json", cwd=tmp_path)
    two = notelint("check", str(examples), "--format", "json", "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout)["findings"] and one.stdout == two.stdout


def test_examples_show_every_check_and_one_clean_application(tmp_path: Path):
    examples = Path(__file__).resolve().parent.parent / "examples"
    result = notelint("check", str(examples), "--format", "json", cwd=tmp_path)
    findings = json.loads(result.stdout)["findings"]
    shown = {f["rule"] for f in findings if f["severity"] != "info"}
    assert shown == CONTENT_SLUGS
    assert not [f for f in findings if "2026-12-northwind-ux" in f["path"]]
