"""Turns the paths a user gave into applications: every note grouped under
the `interview.yaml` that governs it (the nearest one in its folder or above).

Folders are walked for notes, leaving out what the exclude patterns and
`.gitignore` files say (`inputs/ignores.py`) and the reports notelint wrote
itself; a word processor's file is reported, never silently passed over.
Nothing here raises for bad input: a file that cannot be read becomes a
`Problem`, and every other file is still loaded. With `context=True` the
other notes of each application are loaded too, unreported, so that checks
comparing notes work when a pre-commit hook passes only the changed files.

`overrides` say what a file holds instead of what is on disk (standard input
given a name, an editor's unsaved buffer): the one place where a text that is
not on disk takes a file's place, with that file's context. `-` is standard
input without a name: a note with no folder, governed by no interview.yaml.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from notelint.core.display import shown as _shown
from notelint.core.model import Application, Interview, Note, Problem
from notelint.inputs.ignores import Excluder, Patterns
from notelint.inputs.interview import parse_interview
from notelint.inputs.notes import NOTE_SUFFIXES, decode, parse_note
from notelint.inputs.recipients import interviewer_named, interviewer_of_file
from notelint.inputs.schema import InputError, suggest

INTERVIEW_FILE = "interview.yaml"
DEFAULT_EXCLUDE = Patterns(("README.md", "CHANGELOG.md", "LICENSE*", "node_modules", "venv"))
# Word processors' files: a note saved in one cannot be checked, and says so.
DOCUMENT_SUFFIXES = (".docx", ".doc", ".pages", ".odt", ".rtf")
DOCUMENT_MESSAGE = "notelint reads .md, .txt and .eml; save this note as text"
# The first line of a report notelint wrote (the text and github formats,
# --statistics): a report saved with --output among the notes is no note.
_COLOUR = rb"(?:\x1b\[[0-9;]*m)*"  # a report written with --color always
_REPORT = re.compile(
    _COLOUR
    + rb"(?:\S+?:\d+:\d+:" + _COLOUR + rb" \S+ "  # path:line:col: CODE
    + rb"|::(?:error|warning|notice) file="  # the github format
    + rb"|Found \d+ findings? \(|All clear: \d+ files? checked"  # a summary
    + rb"|Findings by rule:|No findings in \d+ files?\.)"  # --statistics
)  # fmt: skip
STDIN = "-"  # standard input without a name: a note of no folder


@dataclass
class Loaded:
    applications: list[Application] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reported: set[str] = field(default_factory=set)  # display paths to report on
    # The other applications of the repository (interview.yaml only, no notes):
    # what rules comparing applications see when only a few notes are named.
    neighbours: list[Application] = field(default_factory=list)


def load(
    paths: Sequence[str],
    *,
    exclude: Iterable[Patterns] = (),
    max_file_size: int = 1_000_000,
    max_note_chars: int = 200_000,
    context: bool = True,
    neighbours: Path | None = None,
    overrides: Mapping[str | Path, bytes] | None = None,
    parsed: dict | None = None,
    gitignore: bool = False,
    force_exclude: bool = False,
    top: Path | None = None,
) -> Loaded:
    """The applications under `paths`; with `context`, every note of each
    application touched; with `neighbours` (a folder), the interview of
    every other application under it; `overrides` (path -> bytes) read
    instead of those files on disk. `parsed` keeps the interviews read, by
    file and content, for the next load (a language server's session).
    `exclude` (and, with `gitignore`, the .gitignore files up to the git
    repository's top, else up to `top` or the paths given) leaves files out
    of folders, and out of the files named too with `force_exclude`."""
    tops = {_real(Path(p)) for p in paths if p != STDIN} | ({top.resolve()} if top else set())
    loader = _Loader(
        Excluder((DEFAULT_EXCLUDE, *exclude), gitignore, tops),
        max_file_size,
        max_note_chars,
        force_exclude,
        {file_location(Path(path)): data for path, data in (overrides or {}).items()},
        parsed,
    )
    for given in paths:
        loader.add(given)
    if context:
        loader.add_context()
    loaded = loader.result()
    if neighbours is not None:
        loaded.neighbours = loader.neighbours(neighbours)
    return loaded


def git_root(path: Path) -> Path | None:
    """The top folder of the git repository that holds `path`, if any."""
    folder = _real(path)
    folder = folder if folder.is_dir() else folder.parent
    return next((c for c in (folder, *folder.parents) if (c / ".git").exists()), None)


def interview_file_of(path: str | Path) -> Path | None:
    """The interview.yaml that governs the note at `path` (the nearest one in
    its folder or above), whether or not the note is on disk yet."""
    return _Loader(Excluder(), 0, 0)._governs(file_location(Path(path)))


class _Loader:
    def __init__(
        self,
        excluder: Excluder,
        max_file_size: int,
        max_note_chars: int,
        force_exclude: bool = False,
        overrides: Mapping[Path, bytes] | None = None,
        parsed: dict | None = None,
    ):
        self.excluder = excluder
        self.force_exclude = force_exclude
        self.max_file_size = max_file_size
        self.max_note_chars = max_note_chars
        self.documents: list[tuple[str, Path]] = []  # word processors' files, to report
        self.overrides = dict(overrides or {})  # located path -> what it holds instead
        # (located, lines) -> (bytes, Interview): parsed before, reused while unchanged
        self.parsed = {} if parsed is None else parsed
        self.notes: dict[Path, Note] = {}  # where the file is (folder resolved, name kept) -> note
        self.interviews: dict[Path, Interview | None] = {}  # the same, for interview files
        self.governing: dict[Path, Path | None] = {}  # folder -> interview file
        self.loaded = Loaded()

    # -- walking --------------------------------------------------------------
    def add(self, given: str) -> None:
        """A folder: everything in it. An interview.yaml named alone (a hook
        passing the one file that changed): it and the notes it governs,
        whose findings may change with it."""
        path = Path(given)
        if path.is_dir() and file_location(path) not in self.overrides:
            for shown, located in self._walk(given):
                self._add_file(shown, located, report=True)
            return
        if self.force_exclude and given != STDIN and self.excluder.excluded(file_location(path)):
            return
        self._add_file(given, file_location(path), report=True, named=True)
        if path.name == INTERVIEW_FILE:
            for shown, located in self._walk(str(path.parent)):
                if located.name != INTERVIEW_FILE and self._governs(located) == file_location(path):
                    self._add_file(shown, located, report=True)

    def _walk(self, top: str) -> Iterator[tuple[str, Path]]:
        """The notes, interview files and word processors' files under `top`
        that no exclude pattern or .gitignore leaves out."""
        for folder, dirs, files in os.walk(top, onerror=self._walk_error):
            real = _real(Path(folder))
            kept = [d for d in dirs if not d.startswith(".") and not self._excluded(real / d, True)]
            bundles = [d for d in kept if d.lower().endswith(DOCUMENT_SUFFIXES)]  # .pages
            dirs[:] = sorted(set(kept) - set(bundles))
            for name in sorted(files + bundles):
                wanted = name == INTERVIEW_FILE or name.lower().endswith(
                    (*NOTE_SUFFIXES, *DOCUMENT_SUFFIXES)
                )
                if wanted and (name == INTERVIEW_FILE or not self._excluded(real / name)):
                    shown = os.path.normpath(os.path.join(folder, name))
                    yield shown, real / name

    def _walk_error(self, error: OSError) -> None:
        self.loaded.problems.append(
            Problem(str(error.filename), f"cannot read folder: {error.strerror}")
        )

    def _excluded(self, located: Path, is_dir: bool = False) -> bool:
        return self.excluder.excluded(located, is_dir)

    def add_context(self) -> None:
        """Load the unreported notes of every application already touched."""
        touched = {self._governs(located) for located in list(self.notes)} - {None}
        for interview_file in sorted(touched):
            for shown, located in self._walk(_shown(interview_file.parent)):
                if located not in self.notes and self._governs(located) == interview_file:
                    self._add_file(shown, located, report=False)
        for located in sorted(self.overrides):  # a buffer not saved yet is a note too
            if (
                located not in self.notes
                and located.name.lower().endswith(NOTE_SUFFIXES)
                and self._governs(located) in touched
            ):
                self._add_file(_shown(located), located, report=False)

    def neighbours(self, root: Path) -> list[Application]:
        """The interviews under `root` that no loaded note belongs to (their
        notes are not read)."""
        found: list[Application] = []
        for folder, dirs, files in os.walk(root, onerror=lambda error: None):
            real = _real(Path(folder))
            dirs[:] = sorted(
                d for d in dirs if not d.startswith(".") and not self._excluded(real / d, True)
            )
            if INTERVIEW_FILE not in files:
                continue
            located = file_location(Path(folder) / INTERVIEW_FILE)
            if located in self.interviews:
                continue
            problems = len(self.loaded.problems)
            interview = self._interview(located, lines=False)  # read for names only
            del self.loaded.problems[problems:]  # only the named files are reported on
            if interview is not None:
                found.append(Application(interview, ()))
        return found

    # -- reading ----------------------------------------------------------------
    def _add_file(self, shown: str, located: Path, report: bool, named: bool = False) -> None:
        if located.name == INTERVIEW_FILE:
            self._interview(located, shown)
            return
        if located in self.notes:
            return
        if located.name.lower().endswith(DOCUMENT_SUFFIXES):
            if report:
                self.documents.append((shown, located))
            return
        try:
            data = self._read(located)
            if not named and _REPORT.match(data[:300].lstrip(b"\xef\xbb\xbf")):
                return  # a report notelint wrote, not a note
            note = parse_note(shown, data, self.max_note_chars)
        except InputError as error:
            if report:
                self.loaded.problems.append(Problem(shown, str(error), error.line or 1))
            return
        except OSError as error:
            if report:
                self.loaded.problems.append(Problem(shown, f"cannot read: {error.strerror}"))
            return
        except Exception as error:  # a file the parsers choke on must not stop the run
            if report:
                self.loaded.problems.append(
                    Problem(shown, f"cannot parse: {type(error).__name__}: {error}")
                )
            return
        if not note.body.strip():
            if report:
                line = note.text.count("\n", 0, note.body_start) + 1
                self.loaded.problems.append(
                    Problem(shown, "this note is empty: nothing to check", line)
                )
            return
        self.notes[located] = note
        if report:
            self.loaded.reported.add(shown)

    def _read(self, located: Path) -> bytes:
        data = self.overrides.get(located)
        size = len(data) if data is not None else located.stat().st_size
        if size > self.max_file_size:
            raise InputError(
                f"file is {size:,} bytes, over the limit of {self.max_file_size:,} "
                "(option max_file_size)"
            )
        return data if data is not None else located.read_bytes()

    def _interview(
        self, located: Path, shown: str | None = None, lines: bool = True
    ) -> Interview | None:
        if located in self.interviews:
            return self.interviews[located]
        shown = shown or _shown(located)
        self.interviews[located] = None
        try:
            data = self._read(located)
            known = self.parsed.get((located, lines))
            if known is not None and known[0] == data:
                self.interviews[located] = known[1]
            else:
                text, _ = decode(data)
                self.interviews[located] = parse_interview(located, text, lines)
                self.parsed[(located, lines)] = (data, self.interviews[located])
        except InputError as error:
            self.loaded.problems.append(Problem(shown, str(error), error.line or 1))
        except OSError as error:
            self.loaded.problems.append(Problem(shown, f"cannot read: {error.strerror}"))
        return self.interviews[located]

    def _governs(self, note: Path) -> Path | None:
        """The interview.yaml nearest above a note, if any (standard input
        without a name has none)."""
        if not note.is_absolute():
            return None
        folder = note.parent
        chain = []
        while folder not in self.governing:
            chain.append(folder)
            candidate = folder / INTERVIEW_FILE
            if candidate.is_file() or candidate in self.overrides:
                self.governing[folder] = candidate
                break
            if folder.parent == folder:
                self.governing[folder] = None
                break
            folder = folder.parent
        found = self.governing[folder]
        for visited in chain:
            self.governing[visited] = found
        return found

    # -- grouping ---------------------------------------------------------------
    def result(self) -> Loaded:
        attached = {
            (located.parent, name)
            for located, note in self.notes.items()
            for name in note.attachments
        }
        self.loaded.problems.extend(
            Problem(shown, DOCUMENT_MESSAGE)
            for shown, located in self.documents
            if (located.parent, located.name) not in attached
        )
        groups: dict[object, list[Note]] = {}
        owners: dict[object, Interview | None] = {}
        for located, note in sorted(self.notes.items(), key=lambda item: item[1].path):
            interview_file = self._governs(located)
            interview = self._interview(interview_file) if interview_file else None
            key = interview_file or located.parent
            owners[key] = interview
            groups.setdefault(key, []).append(self._with_recipient(note, interview))
        self.loaded.applications = [
            Application(owners[key], tuple(notes)) for key, notes in groups.items()
        ] + [  # an interview with no note yet: every thank-you is still due
            Application(interview, ())
            for path, interview in self.interviews.items()
            if interview is not None and path not in groups
        ]
        return self.loaded

    def _with_recipient(self, note: Note, interview: Interview | None) -> Note:
        if interview is None or not interview.interviewers:
            return note
        people = interview.interviewers
        if note.to is None:
            return replace(note, recipient=interviewer_of_file(Path(note.path).stem, people))
        written = note.addressees or (note.to,)
        match = next((p for w in written if (p := interviewer_named(w, people))), None)
        if match is None and note.path in self.loaded.reported:
            self.loaded.problems.append(
                Problem(
                    note.path,
                    f"to: '{note.to}' is not an interviewer in {_shown(interview.path)}"
                    + suggest(note.to, [p.name for p in people]),
                    _to_line(note.text),
                )
            )
        return replace(note, recipient=match)


def file_location(path: Path) -> Path:
    """Where a file is: its folder resolved, its own name kept. A note that
    is a symlink belongs to the folder it is linked into, and is governed by
    that folder's interview.yaml, not by its target's. Standard input
    without a name is nowhere."""
    if str(path) == STDIN:
        return path
    return _real(path.parent) / path.name


def _real(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop
        return path.absolute()


def _to_line(text: str) -> int:
    match = re.search(r"^to:", text, re.I | re.M)
    return text.count("\n", 0, match.start()) + 1 if match else 1
