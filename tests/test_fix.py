"""`--fix` and `--diff`: safe fixes only, atomic writes that keep the file's
line endings, encoding and mode, overlapping fixes never both applied, and a
second run that finds nothing more to change."""

from __future__ import annotations

import codecs
import os
import stat
import sys

import pytest
from click.testing import CliRunner

from notelint.app import fixes
from notelint.cli import main
from notelint.core.model import Finding, Fix, Severity
from tests import fake_rules

INTERVIEW = "company: Acme Robotics\ninterviewers:\n  - name: Maria Gonzalez\n"
NOTE = "---\nto: Maria Gonzalez\n---\nDear Ms. Gonzales,\n\nThank you for teh talk!\n"
FIXED = "---\nto: Maria Gonzalez\n---\nDear Ms. Gonzalez,\n\nThank you for the talk!\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    fake_rules.use(monkeypatch)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".notelint.yaml").write_text("model: blank\n", encoding="utf-8")
    acme = tmp_path / "notes" / "acme"
    acme.mkdir(parents=True)
    (acme / "interview.yaml").write_text(INTERVIEW, encoding="utf-8")
    return acme


def put(folder, name: str, content: str | bytes):
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def check(*args: str):
    result = CliRunner().invoke(main, ["check", *args])
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result


def test_fix_applies_the_fixes_and_reports_what_remains(folder):
    note = put(folder, "maria-gonzalez.md", NOTE)
    result = check("--fix", "notes")
    assert note.read_text(encoding="utf-8") == FIXED
    assert "fixed 2 findings in 1 file" in result.stderr
    # Only the finding that remains (an info, not fixable) is reported.
    assert "T400 [house-shouting]" in result.stdout
    assert "T100" not in result.stdout
    assert result.exit_code == 0  # info is below --fail-on warning


def test_a_second_fix_changes_nothing(folder):
    note = put(folder, "maria-gonzalez.md", NOTE)
    check("--fix", "notes")
    before = note.read_bytes(), note.stat().st_mtime_ns
    again = check("--fix", "notes")
    assert (note.read_bytes(), note.stat().st_mtime_ns) == before
    assert "fixed" not in again.stderr
    assert check("--diff", "notes").stdout == ""


def test_diff_prints_a_unified_diff_and_writes_nothing(folder):
    note = put(folder, "maria-gonzalez.md", NOTE)
    result = check("--diff", "notes")
    assert note.read_text(encoding="utf-8") == NOTE
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "--- notes/acme/maria-gonzalez.md",
        "+++ notes/acme/maria-gonzalez.md",
        "@@ -1,6 +1,6 @@",
        " ---",
        " to: Maria Gonzalez",
        " ---",
        "-Dear Ms. Gonzales,",
        "+Dear Ms. Gonzalez,",
        " ",
        "-Thank you for teh talk!",
        "+Thank you for the talk!",
    ]
    assert "would fix 2 findings in 1 file" in result.stderr


def test_diff_without_fixes_exits_clean(folder):
    put(folder, "maria-gonzalez.md", FIXED)
    result = check("--diff", "notes")
    assert (result.exit_code, result.stdout) == (0, "")


def test_diff_masks_sensitive_text_and_its_fix(folder):
    put(folder, "maria-gonzalez.md", NOTE.replace("teh talk", "teh talk on Project Falcon"))
    result = check("--diff", "notes")
    assert fake_rules.SECRET not in result.output and "our new project" not in result.output
    assert "-Thank you for teh talk on P****** F*****!" in result.stdout
    assert "+Thank you for the talk on o** n** p******!" in result.stdout


def test_crlf_line_endings_are_kept(folder):
    note = put(folder, "maria-gonzalez.md", NOTE.replace("\n", "\r\n"))
    check("--fix", "notes")
    assert note.read_bytes() == FIXED.replace("\n", "\r\n").encode("utf-8")


def test_a_utf8_bom_is_kept(folder):
    note = put(
        folder,
        "maria-gonzalez.md",
        codecs.BOM_UTF8 + NOTE.replace("Thank", "Merci, café. Thank").encode("utf-8"),
    )
    check("--fix", "notes")
    assert note.read_bytes() == codecs.BOM_UTF8 + FIXED.replace(
        "Thank", "Merci, café. Thank"
    ).encode("utf-8")


def test_utf16_keeps_its_byte_order(folder):
    note = put(folder, "maria-gonzalez.md", codecs.BOM_UTF16_BE + NOTE.encode("utf-16-be"))
    check("--fix", "notes")
    assert note.read_bytes() == codecs.BOM_UTF16_BE + FIXED.encode("utf-16-be")


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_the_file_mode_is_kept(folder):
    note = put(folder, "maria-gonzalez.md", NOTE)
    note.chmod(0o640)
    check("--fix", "notes")
    assert note.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(note.stat().st_mode) == 0o640


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_symlinked_note_stays_a_link(folder):
    target = put(folder, "real.txt", NOTE.replace("to: Maria Gonzalez\n", ""))
    link = folder / "maria-gonzalez.md"
    link.symlink_to(target.name)
    check("--fix", str(link.relative_to(folder.parents[1])))
    assert link.is_symlink() and "Gonzalez," in target.read_text(encoding="utf-8")


def test_a_failure_before_the_rename_leaves_the_original_intact(folder, monkeypatch):
    note = put(folder, "maria-gonzalez.md", NOTE)

    def broken(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken)
    result = check("--fix", "notes")
    assert result.exit_code == 2
    assert "cannot write the fixes" in result.stderr and "No space left on device" in result.stderr
    assert note.read_text(encoding="utf-8") == NOTE
    assert sorted(p.name for p in folder.iterdir()) == ["interview.yaml", "maria-gonzalez.md"]


def test_overlapping_fixes_are_never_both_applied(folder):
    put(folder, "maria-gonzalez.md", "---\nto: Maria Gonzalez\n---\nIt was very very good.\n")
    findings = [
        Finding(
            "notes/acme/maria-gonzalez.md",
            4,
            8,
            4,
            17,
            "house-phrase",
            "T300",
            Severity.WARNING,
            "say it once",
            Fix("very"),
        ),
        Finding(
            "notes/acme/maria-gonzalez.md",
            4,
            13,
            4,
            17,
            "house-phrase",
            "T300",
            Severity.WARNING,
            "say it better",
            Fix("truly"),
        ),
    ]
    text = (folder / "maria-gonzalez.md").read_text(encoding="utf-8")
    planned = fixes.plan(findings, {"notes/acme/maria-gonzalez.md": text}, {"house-phrase"})
    [file] = planned.files
    assert [f.message for f in file.applied] == ["say it once"]
    assert file.fixed.endswith("It was very good.\n")


def test_fix_through_the_command_line_with_overlaps_converges(folder):
    note = put(
        folder, "maria-gonzalez.md", "---\nto: Maria Gonzalez\n---\nIt was very very good.\n"
    )
    check("--fix", "notes")
    assert note.read_text(encoding="utf-8").endswith("It was very good.\n")
    assert check("--diff", "notes").exit_code == 0


def test_only_fixable_rules_are_applied(folder):
    text = NOTE
    finding = Finding(
        "notes/acme/maria-gonzalez.md",
        4,
        10,
        4,
        18,
        "not-fixable",
        "T900",
        Severity.WARNING,
        "?",
        Fix("Gonzalez"),
    )
    put(folder, "maria-gonzalez.md", text)
    assert fixes.plan([finding], {finding.path: text}, {"house-spelling"}).files == []


def test_a_file_changed_since_the_check_is_left_alone(folder):
    note = put(folder, "maria-gonzalez.md", NOTE)
    finding = Finding(
        "notes/acme/maria-gonzalez.md",
        4,
        10,
        4,
        18,
        "house-spelling",
        "T100",
        Severity.WARNING,
        "?",
        Fix("Gonzalez"),
    )
    planned = fixes.plan(
        [finding], {finding.path: NOTE.replace("Dear", "Hello")}, {"house-spelling"}
    )
    assert planned.files == [] and "changed since it was checked" in planned.skipped[0]
    assert note.read_text(encoding="utf-8") == NOTE


EML = (
    "To: Maria Gonzalez <mgonzalez@acme.example>\n"
    "Subject: Thank you\n"
    "Date: Sat, 21 Nov 2026 09:00:00 +0000\n"
    "Content-Type: text/plain; charset=utf-8\n"
    "Content-Transfer-Encoding: {encoding}\n"
    "\n"
    "{body}"
)


def test_a_plain_eml_body_is_fixed(folder):
    note = put(
        folder,
        "maria-gonzalez.eml",
        EML.format(encoding="7bit", body="Dear Ms. Gonzales,\n\nThanks.\n"),
    )
    check("--fix", "notes")
    assert note.read_text(encoding="utf-8") == EML.format(
        encoding="7bit", body="Dear Ms. Gonzalez,\n\nThanks.\n"
    )


def test_an_encoded_eml_body_is_left_alone(folder):
    body = "Dear Ms. Gonzales,\n\nThe caf=C3=A9 was teh best.\n"
    note = put(folder, "maria-gonzalez.eml", EML.format(encoding="quoted-printable", body=body))
    before = note.read_bytes()
    result = check("--fix", "notes")
    assert note.read_bytes() == before
    assert "body is encoded" in result.stderr
    assert "T100 [house-spelling]" in result.stdout  # still reported, just not fixed


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_fix_never_writes_through_a_link_out_of_the_checked_paths(folder):
    outside = folder.parents[1] / "elsewhere"
    outside.mkdir()
    target = put(outside, "maria.md", NOTE)
    (folder / "maria-gonzalez.md").symlink_to(target)
    result = check("--fix", "notes")
    assert target.read_text(encoding="utf-8") == NOTE  # untouched
    assert f"notes/acme/maria-gonzalez.md: not fixed: it is a link to {target}" in result.stderr
    assert result.exit_code == 1  # the findings remain


def test_a_read_only_note_is_reported_and_not_rewritten(folder):
    note = put(folder, "maria-gonzalez.md", NOTE)
    note.chmod(0o444)
    result = check("--fix", "notes")
    assert note.read_text(encoding="utf-8") == NOTE
    assert stat.S_IMODE(note.stat().st_mode) == 0o444
    assert "maria-gonzalez.md: not fixed: the file is read-only" in result.stderr
    assert result.exit_code == 1
