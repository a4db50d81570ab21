"""Which files a run reads: gitignore-style `exclude:` patterns anchored at
their configuration file, `.gitignore` files, `force_exclude` for files
named on the command line, word processors' files, and reports notelint
wrote itself."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from notelint.config import load
from notelint.inputs import sources
from notelint.inputs.ignores import Patterns
from tests.conftest import write

NOTE = "Dear Maria,\n\nThank you for the tour of the plant.\n"


def read(root: Path, *paths: str, config: str | None = None, **options) -> list[str]:
    """The notes a run would report on, relative to root."""
    if config is not None:
        write(root, {".notelint.yaml": config})
    settings = load(root / ".notelint.yaml") if (root / ".notelint.yaml").exists() else None
    loaded = sources.load(
        [str(root / p) for p in paths or (".",)],
        exclude=settings.exclude if settings else (),
        gitignore=settings.respect_gitignore if settings else True,
        force_exclude=settings.force_exclude if settings else False,
        top=root,
        **options,
    )
    return sorted(str(Path(p).relative_to(root)) for p in loaded.reported)


def test_a_pattern_with_a_slash_excludes_that_folder_and_not_its_namesakes(tmp_path):
    write(
        tmp_path,
        {
            "clients/ann/drafts/a.md": NOTE,
            "clients/ann/drafts-old/b.md": NOTE,
            "clients/ann/sent/c.md": NOTE,
            "elsewhere/clients/bob/drafts/d.md": NOTE,  # not under clients/ at the top
        },
    )
    found = read(tmp_path, config='exclude: ["clients/*/drafts"]\n')
    assert found == [
        "clients/ann/drafts-old/b.md",
        "clients/ann/sent/c.md",
        "elsewhere/clients/bob/drafts/d.md",
    ]


def test_plain_names_still_exclude_at_any_depth(tmp_path):
    write(tmp_path, {"a/drafts-1/x.md": NOTE, "a/b/drafts-2.md": NOTE, "a/keep.md": NOTE})
    assert read(tmp_path, config='exclude: ["drafts-*"]\n') == ["a/keep.md"]


def test_gitignore_is_respected_inside_and_outside_a_git_repository(tmp_path):
    write(
        tmp_path,
        {
            ".gitignore": "private/\n*.bak.md\n",
            "notes/app/private/x.md": NOTE,
            "notes/app/y.bak.md": NOTE,
            "notes/app/sub/.gitignore": "scratch.md\n",
            "notes/app/sub/scratch.md": NOTE,
            "notes/app/sub/keep.md": NOTE,
        },
    )

    def names(*paths: Path, top: Path | None = None) -> list[str]:
        loaded = sources.load([str(p) for p in paths], gitignore=True, top=top)
        return sorted(Path(p).name for p in loaded.reported)

    notes = tmp_path / "notes"
    # No .git anywhere: the .gitignore files up to the folder named are read,
    # or up to the configuration's folder (`top`).
    assert names(notes) == ["keep.md", "x.md", "y.bak.md"]
    assert names(notes, top=tmp_path) == ["keep.md"]
    (tmp_path / ".git").mkdir()  # in a repository: up to its top, whatever is named
    assert names(notes / "app" / "sub") == ["keep.md"]
    assert names(notes) == ["keep.md"]
    assert names(notes, top=tmp_path) == ["keep.md"]


def test_gitignore_can_be_switched_off(tmp_path):
    write(tmp_path, {".gitignore": "*.md\n", "n/a.md": NOTE, ".git/HEAD": ""})
    assert read(tmp_path, config="respect_gitignore: false\n") == ["n/a.md"]
    assert read(tmp_path, config="respect_gitignore: true\n") == []


def test_a_file_named_on_the_command_line_is_read_unless_force_exclude(tmp_path):
    write(tmp_path, {"drafts/a.md": NOTE})
    assert read(tmp_path, "drafts/a.md", config="exclude: [drafts]\n") == ["drafts/a.md"]
    forced = "exclude: [drafts]\nforce_exclude: true\n"
    assert read(tmp_path, "drafts/a.md", config=forced) == []


def test_excludes_in_an_extended_file_are_relative_to_it(tmp_path):
    write(
        tmp_path,
        {
            "shared/base.yaml": "exclude: [/archive]\n",  # anchored at shared/
            "shared/archive/x.md": NOTE,
            "archive/y.md": NOTE,
            ".notelint.yaml": "extend: shared/base.yaml\n",
        },
    )
    assert read(tmp_path) == ["archive/y.md"]


@pytest.mark.parametrize("name", ["cv.docx", "letter.odt", "note.rtf", "draft.pages"])
def test_a_word_processor_file_is_reported(tmp_path, name):
    write(tmp_path, {f"app/{name}": b"PK\x03\x04", "app/maria.md": NOTE})
    loaded = sources.load([str(tmp_path)])
    assert [(Path(p.path).name, p.message) for p in loaded.problems] == [
        (name, "notelint reads .md, .txt and .eml; save this note as text")
    ]


def test_a_pages_bundle_folder_is_reported_not_walked(tmp_path):
    write(tmp_path, {"app/note.pages/index.xml": "<x/>", "app/note.pages/preview.txt": NOTE})
    loaded = sources.load([str(tmp_path)])
    assert [Path(p.path).name for p in loaded.problems] == ["note.pages"]
    assert not loaded.reported


def test_a_document_a_note_attaches_is_no_note(tmp_path):
    write(
        tmp_path,
        {
            "app/resume.docx": b"PK\x03\x04",
            "app/maria.md": "---\nattachments: [resume.docx]\n---\n" + NOTE,
        },
    )
    assert sources.load([str(tmp_path)]).problems == []


def test_excluded_documents_are_not_reported(tmp_path):
    write(tmp_path, {"app/cv.docx": b"PK", "app/maria.md": NOTE})
    loaded = sources.load([str(tmp_path)], exclude=(Patterns(("*.docx",)),))
    assert loaded.problems == []


@pytest.mark.parametrize(
    "args",
    [
        ["--output", "notes/report.txt"],
        ["--format", "github", "--output", "notes/report.txt"],
        ["--color", "always", "--output", "notes/report.md"],
        ["--statistics", "--output", "notes/report.txt"],
    ],
)
def test_a_report_saved_among_the_notes_is_not_linted_next_time(tmp_path, args):
    write(
        tmp_path,
        {
            ".notelint.yaml": "model: blank\nselect: [template-placeholder]\n",
            "notes/app/maria.md": "Dear [Interviewer Name],\n\nThank you.\n",
        },
    )
    run = [sys.executable, "-m", "notelint", "check", "notes"]
    first = subprocess.run([*run, *args], cwd=tmp_path, capture_output=True, text=True)
    report = tmp_path / args[-1]
    assert first.returncode == 1 and "NL302" in report.read_text()
    again = subprocess.run([*run, "--format", "json"], cwd=tmp_path, capture_output=True, text=True)
    assert report.name not in again.stdout
    assert '"files": 1' in again.stdout
    rewritten = subprocess.run([*run, *args], cwd=tmp_path, capture_output=True, text=True)
    assert rewritten.returncode == 1 and report.name not in report.read_text()


def test_force_exclude_on_the_command_line_and_in_the_configuration(tmp_path):
    from tests.conftest import notelint

    write(
        tmp_path,
        {
            ".notelint.yaml": "model: blank\nselect: [template-placeholder]\nexclude: [drafts]\n",
            "drafts/a.md": "Dear [Interviewer Name],\n\nThank you.\n",
        },
    )
    named = notelint("check", "drafts/a.md", cwd=tmp_path)
    assert named.returncode == 1 and "NL302" in named.stdout
    forced = notelint("check", "--force-exclude", "drafts/a.md", cwd=tmp_path)
    assert forced.returncode == 0 and forced.stdout == ""
    assert "no notes found" in forced.stderr
    (tmp_path / ".notelint.yaml").write_text(
        (tmp_path / ".notelint.yaml").read_text() + "force_exclude: true\n"
    )
    assert notelint("check", "drafts/a.md", cwd=tmp_path).returncode == 0
    unforced = notelint("check", "--no-force-exclude", "drafts/a.md", cwd=tmp_path)
    assert unforced.returncode == 1
