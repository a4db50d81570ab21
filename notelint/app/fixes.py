"""Applies the safe fixes of a run to the files: `--fix` writes them,
`--diff` shows them.

Safe means: the finding carries a fix, its rule is `fixable`, and its span
maps exactly onto the file (an `.eml` body in quoted-printable or base64 is
left alone). Fixes that overlap are never both applied: the first one (by
position) wins, the next pass of `--fix` looks again. A file is rewritten
only when it still holds the text that was checked, and atomically: the new
bytes go to a temporary file in the same folder, which then replaces the
file; its line endings, encoding (BOM included) and permissions are kept.
"""

from __future__ import annotations

import codecs
import difflib
import os
import stat
import tempfile
from collections.abc import Iterable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field

from notelint.core.display import printable
from notelint.core.masking import mask, mask_spans
from notelint.core.model import LINE_BREAK, Finding
from notelint.inputs.notes import decode, parse_note
from notelint.inputs.schema import InputError
from notelint.report.formatters.common import SourceTexts
from notelint.report.redaction import Secrets

MAX_PASSES = 10  # --fix checks again after each pass, this many times at most


@dataclass
class FileFix:
    """The fixes planned for one file."""

    path: str
    original: str
    fixed: str
    data: bytes  # the fixed text, encoded as the file was
    applied: list[Finding] = field(default_factory=list)
    edits: list[tuple[int, int, str]] = field(default_factory=list)  # offsets in `original`
    masked_original: str = ""  # for showing: sensitive spans masked
    masked_fixed: str = ""


@dataclass
class Plan:
    files: list[FileFix] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # why a file was left alone

    @property
    def count(self) -> int:
        return sum(len(f.applied) for f in self.files)


def plan(
    findings: Iterable[Finding],
    sources: Mapping[str, str],
    fixable: Iterable[str],
    shown: Mapping[str, str] | None = None,
    secrets: Mapping[str, Secrets] | None = None,
    inside: Iterable[str] | None = None,
    given: Mapping[str, bytes] | None = None,
) -> Plan:
    """What `--fix` would change, file by file. `shown` and `secrets` are the
    report's redaction (the file texts as they may be shown, what was masked
    in each): the diff shows nothing the report would not. With `inside` (the
    files and folders named on the command line), a file whose real path is
    elsewhere (a symlink out) is left alone, and so is a read-only file.
    `given` (path -> bytes: standard input, an editor's buffer) is fixed
    instead of the file on disk, which is never written."""
    given = given or {}
    roots = [os.path.realpath(p) for p in inside] if inside is not None else None
    fixable = set(fixable)
    texts = SourceTexts(sources)
    by_path: dict[str, list[Finding]] = {}
    for finding in findings:
        by_path.setdefault(finding.path, []).append(finding)
    result = Plan()
    for path, found in sorted(by_path.items()):
        candidates = [f for f in found if f.fix is not None and f.rule in fixable]
        if not candidates:
            continue
        refused = None if path in given else _refused(path, roots)
        if refused:
            result.skipped.append(f"{path}: not fixed: {refused}")
            continue
        spans = [span for f in found if f.sensitive and (span := texts.offsets(f))]
        masked = (shown or {}).get(path) or mask_spans(sources[path], spans)
        hidden = (secrets or {}).get(path)
        raw = given.get(path)
        planned = _plan_file(path, raw, texts, candidates, masked, hidden, result.skipped)
        if planned is not None:
            result.files.append(planned)
    return result


def _refused(path: str, roots: list[str] | None) -> str | None:
    """Why a file may not be rewritten: it is read-only, or (with `roots`) it
    lies outside them through a symlink."""
    real = os.path.realpath(path)
    if roots is not None and not any(
        real == root or real.startswith(root.rstrip(os.sep) + os.sep) for root in roots
    ):
        return f"it is a link to {real}, outside the paths being checked"
    try:
        mode = os.stat(real).st_mode
    except OSError:
        return None  # reading it again says what is wrong
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(real, os.W_OK):
        return "the file is read-only"
    return None


def _plan_file(
    path: str,
    raw: bytes | None,
    texts: SourceTexts,
    candidates: list[Finding],
    shown: str,
    secrets: Secrets | None,
    skipped: list[str],
) -> FileFix | None:
    try:
        raw = _read(path) if raw is None else raw
        text, encoding = decode(raw)
        note = parse_note(path, raw)
    except (OSError, InputError) as error:
        skipped.append(f"{path}: not fixed: cannot read it again: {error}")
        return None
    if text != texts.texts.get(path):
        skipped.append(f"{path}: not fixed: the file changed since it was checked")
        return None
    if note.body_map is not None:
        skipped.append(f"{path}: not fixed: its body is encoded (quoted-printable or base64)")
        return None
    if _encode(text, encoding, raw) != raw:
        skipped.append(f"{path}: not fixed: its bytes would not survive a rewrite")
        return None
    newline = _newline(text)
    edits: list[tuple[int, int, str, Finding]] = []
    for finding in sorted(candidates, key=lambda f: (*f.sort_key, f.end_line, f.end_column)):
        span = texts.offsets(finding)
        if span is None:
            continue
        start, end = span
        replacement = LINE_BREAK.sub(newline, finding.fix.replacement)
        if text[start:end] == replacement:
            continue  # nothing to change
        if edits and (start < edits[-1][1] or start == edits[-1][0]):
            continue  # overlaps a fix already taken: the next pass looks again
        edits.append((start, end, replacement, finding))
    if not edits:
        return None
    fixed, masked_fixed = _render(text, edits, shown)
    if secrets is not None:
        masked_fixed = secrets.in_file(masked_fixed)
    return FileFix(
        path=path,
        original=text,
        fixed=fixed,
        data=_encode(fixed, encoding, raw),
        applied=[e[3] for e in edits],
        edits=[e[:3] for e in edits],
        masked_original=shown,
        masked_fixed=masked_fixed,
    )


def _render(
    text: str, edits: list[tuple[int, int, str, Finding]], shown_text: str
) -> tuple[str, str]:
    """The fixed text, and the fixed text as it may be shown: built from the
    masked original (aligned with `text` character for character), with the
    fix of a sensitive finding masked too."""
    fixed: list[str] = []
    masked: list[str] = []
    position = 0
    for start, end, replacement, finding in edits:
        fixed += [text[position:start], replacement]
        masked += [
            shown_text[position:start],
            mask(replacement) if finding.sensitive else replacement,
        ]
        position = end
    fixed.append(text[position:])
    masked.append(shown_text[position:])
    return "".join(fixed), "".join(masked)


def _newline(text: str) -> str:
    found = LINE_BREAK.search(text)
    return found.group() if found else "\n"


def _read(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read()


def _encode(text: str, encoding: str, raw: bytes) -> bytes:
    if encoding == "utf-16":  # keep the byte order the file had
        if raw.startswith(codecs.BOM_UTF16_BE):
            return codecs.BOM_UTF16_BE + text.encode("utf-16-be")
        return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    return text.encode(encoding)


def diff(planned: Plan) -> str:
    """A unified diff of every planned change; sensitive text masked, each
    path on its one header line (control characters escaped)."""
    out: list[str] = []
    for file in planned.files:
        lines = difflib.unified_diff(
            file.masked_original.splitlines(keepends=True),
            file.masked_fixed.splitlines(keepends=True),
            fromfile=printable(file.path),
            tofile=printable(file.path),
        )
        for line in lines:
            out.append(
                line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n"
            )
    return "".join(out)


def write(file: FileFix) -> None:
    """Replace the file's content atomically, keeping its permissions. A
    failure at any point leaves the original untouched and no temporary file."""
    real = os.path.realpath(file.path)  # through a symlink: keep the link
    folder = os.path.dirname(real) or "."
    status = os.stat(real)
    descriptor, temporary = tempfile.mkstemp(
        dir=folder, prefix=f".{os.path.basename(real)}.", suffix=".notelint-tmp"
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(file.data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        if hasattr(os, "chown"):
            with suppress(OSError):
                os.chown(temporary, status.st_uid, status.st_gid)
        os.replace(temporary, real)
    except BaseException:
        with suppress(OSError):
            os.unlink(temporary)
        raise
