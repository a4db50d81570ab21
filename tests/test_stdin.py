"""`notelint check -`: standard input linted as if it were a file, with that
file's context, and the one mechanism behind it (sources' overrides), which
the language server shares."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint.cli import main
from notelint.config import FORMATS
from notelint.inputs import sources
from tests.conftest import write

INTERVIEW = """
    company: Acme Robotics
    interviewed_at: 2026-11-20T14:00
    interviewers:
      - name: Maria Gonzalez
        points: [collaboration between marketing and product development]
      - name: Raj Patel
"""
NOTE = (
    "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n"
    "👋 Dear Ms. Gonzales,\n\n"
    "Thank you for our talk about collaboration between marketing and product "
    "development; I keep thinking about how your team brings marketing in early.\n\n"
    "Best,\nAlex\n"
)
FIXED = NOTE.replace("Gonzales", "Gonzalez")
NAMED = "notes/acme/maria-gonzalez.md"


@pytest.fixture
def notes(tmp_path: Path, monkeypatch) -> Path:
    write(tmp_path, {"notes/acme/interview.yaml": INTERVIEW})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def check(*args: str, text: str | bytes = NOTE):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return CliRunner().invoke(main, ["check", "--now", "2026-11-21", *args], input=data)


def findings(result) -> list[tuple]:
    document = json.loads(result.stdout)
    return [(f["path"], f["line"], f["column"], f["rule"]) for f in document["findings"]]


def test_stdin_with_a_name_gets_that_files_interview(notes: Path):
    result = check("-", "--stdin-filename", NAMED, "--format", "json")
    assert result.exit_code == 1
    # the emoji is one column: 'Gonzales' starts at column 12 of line 5
    assert (NAMED, 5, 12, "misspelled-name") in findings(result)
    assert not (notes / NAMED).exists()  # nothing was written


@pytest.mark.parametrize("format_", FORMATS)
def test_every_format_reads_stdin_as_it_reads_the_file(notes: Path, format_: str):
    (notes / NAMED).write_text(NOTE, encoding="utf-8")
    from_file = check(NAMED, "--format", format_)
    from_stdin = check("--stdin-filename", NAMED, "--format", format_)  # no '-': implied
    assert from_stdin.exit_code == from_file.exit_code == 1
    assert from_stdin.stdout == from_file.stdout


def test_the_buffer_wins_over_the_file_on_disk(notes: Path):
    (notes / NAMED).write_text(NOTE, encoding="utf-8")  # the misspelling is on disk only
    result = check("-", "--stdin-filename", NAMED, "--format", "json", text=FIXED)
    assert "misspelled-name" not in {f[3] for f in findings(result)}
    assert (notes / NAMED).read_text(encoding="utf-8") == NOTE


def test_stdin_is_compared_with_its_sibling_notes_on_disk(notes: Path):
    write(notes, {"notes/acme/raj-patel.md": FIXED.replace("Maria Gonzalez", "Raj Patel")})
    result = check("-", "--stdin-filename", NAMED, "--format", "json", text=FIXED)
    assert any(f[0] == NAMED and f[3] == "duplicate-note" for f in findings(result))


def test_the_configuration_is_found_from_the_stdin_filename(notes: Path):
    write(notes, {"notes/.notelint.yaml": "ignore: [misspelled-name]\n"})
    result = check("-", "--stdin-filename", NAMED, "--format", "json")  # none in cwd
    assert result.exit_code == 0 and findings(result) == []  # the misspelling is ignored there


def test_fix_writes_the_fixed_text_to_stdout_and_nothing_to_disk(notes: Path):
    (notes / NAMED).write_text(NOTE, encoding="utf-8")
    result = check("-", "--stdin-filename", NAMED, "--fix", "--format", "json")
    assert result.stdout_bytes == FIXED.encode("utf-8")
    assert (notes / NAMED).read_text(encoding="utf-8") == NOTE
    remaining = json.loads(result.stderr[result.stderr.index("{") :])  # the report: stderr
    assert "misspelled-name" not in {f["rule"] for f in remaining["findings"]}
    assert "fixed 1 finding in 1 file" in result.stderr


def test_fix_keeps_the_encoding_and_line_endings_of_stdin(notes: Path):
    data = b"\xef\xbb\xbf" + NOTE.replace("\n", "\r\n").encode("utf-8")
    result = check("-", "--stdin-filename", NAMED, "--fix", text=data)
    assert result.stdout_bytes == data.replace(b"Gonzales", b"Gonzalez")


def test_diff_of_stdin_is_headed_by_its_name(notes: Path):
    result = check("-", "--stdin-filename", NAMED, "--diff")
    assert result.exit_code == 1
    assert f"--- {NAMED}" in result.stdout and "+👋 Dear Ms. Gonzalez," in result.stdout


@pytest.mark.parametrize("dash", ["-", "/dev/stdin"])
def test_stdin_without_a_name_has_no_interview_context(notes: Path, monkeypatch, dash: str):
    monkeypatch.chdir(notes / "notes" / "acme")  # an interview.yaml right here
    result = check(dash, "--format", "json")
    assert {f[0] for f in findings(result)} <= {"-"}
    assert "misspelled-name" not in {f[3] for f in findings(result)}  # nobody to misspell


@pytest.mark.parametrize(
    "args, message",
    [
        (["-", "notes"], "'-' (standard input) cannot be combined with other paths"),
        (["notes", "--stdin-filename", NAMED], "--stdin-filename goes with '-'"),
    ],
)
def test_stdin_mixed_with_paths_is_one_line_and_exit_2(notes: Path, args, message):
    result = check(*args)
    assert result.exit_code == 2
    assert message in result.stderr and "Traceback" not in result.stderr


def test_overrides_take_the_place_of_files_for_every_reader(tmp_path: Path):
    """One mechanism: an overridden interview.yaml governs, an overridden
    note is read, and a note that exists only as an override is context."""
    write(tmp_path, {"acme/interview.yaml": "company: Acme\n", "acme/old.md": "Hi\n"})
    acme = tmp_path / "acme"
    loaded = sources.load(
        [str(acme / "old.md")],
        overrides={
            acme / "interview.yaml": INTERVIEW.replace("\n    ", "\n").encode(),
            str(acme / "old.md"): b"Dear Raj,\nthanks.\n",
            acme / "unsaved.md": b"Dear Maria,\nthanks.\n",
        },
    )
    (application,) = loaded.applications
    assert application.interview.company == "Acme Robotics"
    assert [(Path(n.path).name, n.body) for n in application.notes] == [
        ("old.md", "Dear Raj,\nthanks.\n"),
        ("unsaved.md", "Dear Maria,\nthanks.\n"),
    ]
    assert loaded.reported == {str(acme / "old.md")}
    # the limits apply to overrides too
    too_big = sources.load(["x.md"], max_file_size=3, overrides={"x.md": b"Dear Raj"})
    assert "over the limit" in too_big.problems[0].message
