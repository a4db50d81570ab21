"""The machine formats: SARIF (validated against the official schema),
GitHub workflow commands, reviewdog's rdjson, JUnit XML, and --statistics.

The runs use the small rules of tests/fake_rules.py, so what is checked here
is the format, not the judgement of the real rules."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.cli import main
from notelint.core.model import Finding, Fix, Severity
from notelint.report.formatters import Summary, formatter
from notelint.report.formatters.github import escape_data, escape_property
from tests import fake_rules

SCHEMA = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"

INTERVIEW = "company: Acme Robotics\ninterviewers:\n  - name: Maria Gonzalez\n  - name: Raj Patel\n"
NOTE = (
    "---\nto: Maria Gonzalez\n---\nDear Ms. Gonzales,\n\n"
    "Thank you for teh talk about Project Falcon!\n"
)


@pytest.fixture
def notes(tmp_path, monkeypatch):
    """A notes folder in the current directory, linted with the fake rules."""
    fake_rules.use(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".notelint.yaml").write_text("model: blank\n", encoding="utf-8")
    folder = tmp_path / "notes" / "acme"
    folder.mkdir(parents=True)
    (folder / "interview.yaml").write_text(INTERVIEW, encoding="utf-8")
    (folder / "maria-gonzalez.md").write_text(NOTE, encoding="utf-8", newline="")
    return tmp_path


def check(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["check", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def sarif(*args: str) -> dict:
    status, out, err = check("--format", "sarif", *args)
    assert status == 1, err
    return json.loads(out)


# --- SARIF --------------------------------------------------------------------


def test_sarif_validates_against_the_official_schema(notes):
    if not SCHEMA.is_file():
        pytest.skip(
            f"the SARIF 2.1.0 schema is not at {SCHEMA} (../shared/schemas from the repository)"
        )
    jsonschema = pytest.importorskip("jsonschema", reason="jsonschema is in the 'test' extra")
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    document = sarif("notes")
    jsonschema.validate(document, schema, cls=jsonschema.Draft7Validator)
    assert document["version"] == "2.1.0"


def test_sarif_describes_every_active_rule(notes):
    driver = sarif("notes")["runs"][0]["tool"]["driver"]
    assert driver["name"] == "notelint" and driver["version"] and driver["informationUri"]
    rules = {r["id"]: r for r in driver["rules"]}
    assert set(rules) == {r.slug for r in fake_rules.RULES}
    speller = rules["house-spelling"]
    assert speller["name"] == "HouseSpelling"
    assert speller["shortDescription"]["text"] == fake_rules.Speller.summary()
    assert speller["fullDescription"]["text"] == fake_rules.Speller.doc()
    assert "Bad: Thank you for teh talk." in speller["help"]["text"]
    assert speller["defaultConfiguration"]["level"] == "warning"
    assert rules["secret-term"]["defaultConfiguration"]["level"] == "error"
    assert rules["house-shouting"]["defaultConfiguration"]["level"] == "note"


def test_sarif_results_point_at_their_rule_and_span(notes):
    run = sarif("notes")["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = run["results"]
    assert [r["ruleId"] for r in results] == [
        "house-spelling",
        "house-spelling",
        "secret-term",
        "house-shouting",
    ]
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
    first = results[0]
    assert first["level"] == "warning"
    assert first["message"]["text"] == "write 'Gonzalez', not 'Gonzales'"
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "notes/acme/maria-gonzalez.md"
    assert location["region"] == {
        "startLine": 4,
        "startColumn": 10,
        "endLine": 4,
        "endColumn": 18,
        "snippet": {"text": "Gonzales"},
    }
    fix = first["fixes"][0]["artifactChanges"][0]["replacements"][0]
    assert fix["insertedContent"]["text"] == "Gonzalez"
    assert fix["deletedRegion"] == {
        "startLine": 4,
        "startColumn": 10,
        "endLine": 4,
        "endColumn": 18,
    }
    assert results[3]["level"] == "note"


def test_sarif_never_shows_a_sensitive_span_or_its_fix(notes):
    status, out, _ = check("--format", "sarif", "notes")
    assert fake_rules.SECRET not in out and "our new project" not in out
    result = next(r for r in json.loads(out)["runs"][0]["results"] if r["ruleId"] == "secret-term")
    assert "fixes" not in result
    assert "snippet" not in result["locations"][0]["physicalLocation"]["region"]
    assert result["message"]["text"] == "confidential: 'P****** F*****'"


def fingerprints(document: dict) -> list[tuple[str, int, str]]:
    return [
        (
            r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["partialFingerprints"]["notelintSpanHash/v1"],
        )
        for r in document["runs"][0]["results"]
    ]


def test_sarif_fingerprints_stay_when_lines_above_move(notes):
    before = fingerprints(sarif("notes"))
    note = notes / "notes" / "acme" / "maria-gonzalez.md"
    note.write_text(
        NOTE.replace("---\n\nDear", "---\n\nHello again.\n\n\nDear").replace(
            "---\nDear", "---\nA new first line.\n\nDear"
        ),
        encoding="utf-8",
    )
    after = fingerprints(sarif("notes"))
    assert [line for _, line, _ in after] == [line + 2 for _, line, _ in before]
    assert [(rule, print_) for rule, _, print_ in after] == [
        (rule, print_) for rule, _, print_ in before
    ]
    assert len({print_ for _, _, print_ in after}) == len(after)


def test_sarif_fingerprints_tell_repeated_text_apart(notes):
    (notes / "notes" / "acme" / "maria-gonzalez.md").write_text(
        "---\nto: Maria Gonzalez\n---\nteh one\nteh two\n", encoding="utf-8"
    )
    found = fingerprints(sarif("notes"))
    assert len(found) == 2 and found[0][2] != found[1][2]


# --- GitHub workflow commands ---------------------------------------------------


def test_github_escaping():
    assert escape_data("100% done\r\nnext") == "100%25 done%0D%0Anext"
    assert escape_data("a: b, c") == "a: b, c"
    assert escape_property("a,b:c%\n") == "a%2Cb%3Ac%25%0A"


def finding(**changes) -> Finding:
    values = dict(
        path="notes/acme/maria.md",
        line=4,
        column=10,
        end_line=4,
        end_column=18,
        rule="house-spelling",
        code="T100",
        severity=Severity.WARNING,
        message="write 'Gonzalez'",
        fix=Fix("Gonzalez"),
    )
    values.update(changes)
    return Finding(**values)


def render(name: str, findings: list[Finding], files: int = 1, **options) -> str:
    stream = io.StringIO()
    out = formatter(name, stream, rules=[], **options)
    out.start()
    for found in findings:
        out.handle(found)
    out.finish(Summary(files, findings))
    return stream.getvalue()


def test_github_commands_carry_the_location_and_escape_everything():
    text = render(
        "github",
        [
            finding(path="notes/a,b:c/n.md", message="50% off\nnext line\r"),
            finding(severity=Severity.ERROR, rule="secret-term", code="T200"),
            finding(severity=Severity.INFO),
        ],
    )
    lines = text.splitlines()
    assert lines[0] == (
        "::warning file=notes/a%2Cb%3Ac/n.md,line=4,col=10,endLine=4,endColumn=18,"
        "title=notelint T100 [house-spelling]::50%25 off%0Anext line%0D"
    )
    assert lines[1].startswith("::error file=notes/acme/maria.md,")
    assert "title=notelint T200 [secret-term]::" in lines[1]
    assert lines[2].startswith("::notice ")
    assert lines[3] == "notelint: 3 findings (1 error, 1 warning, 1 info) in 1 file"


def test_github_through_the_command_line_masks_secrets(notes):
    status, out, _ = check("--format", "github", "notes")
    assert status == 1
    commands = [line for line in out.splitlines() if line.startswith("::")]
    assert len(commands) == 4
    assert commands[0].startswith(
        "::warning file=notes/acme/maria-gonzalez.md,line=4,col=10,endLine=4,endColumn=18,"
    )
    assert fake_rules.SECRET not in out


# --- reviewdog rdjson ------------------------------------------------------------


def test_rdjson_diagnostics_and_suggestions(notes):
    note = notes / "notes" / "acme" / "maria-gonzalez.md"
    note.write_text(
        "---\nto: Maria Gonzalez\n---\nCafé crème, teh best. Project Falcon\n", encoding="utf-8"
    )
    status, out, _ = check("--format", "rdjson", "notes")
    assert status == 1
    document = json.loads(out)
    assert document["source"]["name"] == "notelint"
    spelling, secret = document["diagnostics"]
    assert spelling["severity"] == "WARNING"
    assert spelling["code"]["value"] == "house-spelling"
    assert spelling["location"]["path"] == "notes/acme/maria-gonzalez.md"
    # Character column 13; "Café crème, " is 14 bytes in UTF-8: rdjson counts bytes.
    expected = {"start": {"line": 4, "column": 15}, "end": {"line": 4, "column": 18}}
    assert spelling["location"]["range"] == expected
    assert spelling["suggestions"] == [{"range": expected, "text": "the"}]
    assert secret["severity"] == "ERROR" and "suggestions" not in secret
    assert fake_rules.SECRET not in out and "our new project" not in out


# --- JUnit -----------------------------------------------------------------------


def test_junit_one_testcase_per_finding_grouped_by_file():
    text = render(
        "junit",
        [
            finding(path="a.md"),
            finding(path="a.md", line=5, severity=Severity.INFO, message="calm down", fix=None),
            finding(path="b.md", message="bad \x0b control <&>"),
        ],
        files=3,
    )
    root = ET.fromstring(text)
    assert root.tag == "testsuites"
    assert (root.get("tests"), root.get("failures")) == ("3", "2")
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["a.md", "b.md"]
    cases = root.findall(".//testcase")
    assert len(cases) == 3
    assert cases[0].get("classname") == "a.md" and cases[0].find("failure") is not None
    # Info is below --fail-on (warning by default): advice, not a failure.
    assert cases[1].find("failure") is None and "calm down" in cases[1].find("system-out").text
    assert cases[2].find("failure").get("message") == "bad \ufffd control <&>"


def test_junit_respects_fail_on_and_a_clean_run_is_one_passing_case():
    strict = ET.fromstring(
        render("junit", [finding(severity=Severity.INFO)], fail_on=Severity.INFO)
    )
    assert strict.get("failures") == "1"
    clean = ET.fromstring(render("junit", [], files=4))
    cases = clean.findall(".//testcase")
    assert len(cases) == 1 and cases[0].find("failure") is None
    assert "4 files checked" in cases[0].get("name")


def test_junit_through_the_command_line(notes):
    status, out, _ = check("--format", "junit", "notes")
    assert status == 1
    root = ET.fromstring(out)
    assert root.get("tests") == "4" and root.get("failures") == "3"
    assert fake_rules.SECRET not in out


# --- every format ------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sarif", "github", "rdjson", "junit"])
def test_no_format_prints_a_sensitive_span(notes, name):
    status, out, err = check("--format", name, "notes")
    assert status == 1
    assert fake_rules.SECRET not in out + err
    assert "our new project" not in out + err


# --- statistics ----------------------------------------------------------------------


def test_statistics_counts_per_rule(notes):
    status, out, _ = check("--statistics", "notes")
    assert status == 1
    assert out.splitlines() == [
        "Findings by rule:",
        "  2  T100  house-spelling  [*]",
        "  1  T200  secret-term     [*]",
        "  1  T400  house-shouting",
        "[*] fixable with `notelint check --fix`",
    ]


def test_statistics_table_per_application(notes):
    other = notes / "notes" / "initech"
    other.mkdir()
    (other / "interview.yaml").write_text(
        "company: Initech\ninterviewers:\n  - name: Bill Lumbergh\n", encoding="utf-8"
    )
    (other / "bill-lumbergh.md").write_text("Thank you!\n", encoding="utf-8")
    (other / "bill-lumbergh-2.md").write_text("Thank you.\n", encoding="utf-8")
    status, out, _ = check("--statistics", "notes")
    assert status == 1
    table = out.split("\n\n", 1)[1].splitlines()
    assert [line.split() for line in table] == [
        ["Application", "Notes", "Findings", "Error", "Warning", "Info"],
        ["notes/acme", "1", "4", "1", "2", "1"],
        ["notes/initech", "2", "1", "0", "0", "1"],
        ["Total", "3", "5", "1", "2", "2"],
    ]


def test_statistics_go_to_stderr_beside_a_machine_format(notes):
    status, out, err = check("--statistics", "--format", "json", "notes")
    assert json.loads(out)["summary"]["findings"] == 4
    assert "Findings by rule:" in err


FORGED = "acme\n::error file=x::pwned"


@pytest.mark.parametrize(
    "args", [["--format", "text"], ["--format", "github"], ["--statistics"], ["--diff"]]
)
def test_a_path_with_a_line_break_cannot_forge_an_output_line(tmp_path, monkeypatch, args):
    """A folder and a file named with a newline and a workflow command: no
    line of stdout or stderr starts with the forged command, in any format."""
    fake_rules.use(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".notelint.yaml").write_text("model: blank\n", encoding="utf-8")
    for folder in (tmp_path / FORGED, tmp_path / "other"):
        folder.mkdir()
        (folder / "interview.yaml").write_text(INTERVIEW, encoding="utf-8")
        (folder / "maria\n::warning::x.md").write_text(NOTE + "Thanks!\x1b[2J\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["check", ".", *args])
    lines = (result.stdout + result.stderr).splitlines()
    assert lines and result.exit_code == 1
    assert not [line for line in lines if line.startswith(("::error file=x", "::warning::x"))]
    if args != ["--diff"]:  # a diff shows the lines as they are, to stay applicable
        assert "\x1b" not in result.stdout + result.stderr
    if args == ["--format", "text"]:
        assert "acme\\n::error file=x::pwned/maria\\n::warning::x.md:" in result.stdout
