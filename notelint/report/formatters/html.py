"""A coach's report: one self-contained HTML page (inline CSS and a little
inline JavaScript, nothing fetched), rendered by Jinja2 with autoescaping,
so that no note, name or message can inject markup or script.

It shows a summary (applications, notes, findings by severity and rule, the
timeline), then per application its interviewers with the points each note
echoes and each note's masked text with every finding highlighted in place;
duplicates side by side with their shared passages marked. The context
beyond the findings (`overview`) comes from `app/overview.py`; without it
the page shows the notes the findings are on.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import pairwise
from pathlib import PurePath
from typing import Any

from notelint import __version__
from notelint.core.model import Finding
from notelint.report import passages
from notelint.report.formatters.base import Formatter, Summary
from notelint.report.formatters.common import SourceTexts, shown_fix
from notelint.report.overview import ApplicationInfo, NoteInfo, Overview

SEVERITIES = ("error", "warning", "info")
DUPLICATE = "duplicate-note"


@dataclass(frozen=True)
class Piece:
    """A run of a note's text and the findings (indexes) covering it."""

    text: str
    findings: tuple[int, ...] = ()
    first: tuple[int, ...] = ()  # the findings that start here (their anchor)
    severity: str | None = None  # the most severe finding covering it


class HtmlFormatter(Formatter):
    def start(self) -> None:
        self.sources = SourceTexts(self.options.get("sources"))

    def finish(self, summary: Summary) -> None:
        from jinja2 import Environment, PackageLoader, StrictUndefined

        environment = Environment(
            loader=PackageLoader("notelint.report", "templates"),
            autoescape=True,
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        page = environment.get_template("report.html.j2").render(**self._page(summary))
        self.stream.write(page)

    # -- what the page shows -----------------------------------------------------
    def _page(self, summary: Summary) -> dict[str, Any]:
        findings = summary.findings
        overview = self.options.get("overview") or _bare_overview(findings)
        by_path: dict[str, list[int]] = {}
        for index, finding in enumerate(findings):
            by_path.setdefault(finding.path, []).append(index)
        described = {r.slug: r for r in self.rules}
        by_rule = Counter(f.rule for f in findings)
        listed = {n.path for a in overview.applications for n in a.notes}
        return {
            "version": __version__,
            "now": overview.now,
            "files": summary.files,
            "counts": summary.counts(),
            "total": len(findings),
            "severities": SEVERITIES,
            "rules": [
                {
                    "slug": slug,
                    "code": findings[
                        next(i for i, f in enumerate(findings) if f.rule == slug)
                    ].code,
                    "summary": described[slug].summary() if slug in described else "",
                    "count": count,
                }
                for slug, count in sorted(by_rule.items())
            ],
            "findings": [self._finding(i, f) for i, f in enumerate(findings)],
            "timeline": overview.timeline,
            "notes_count": len(listed | set(by_path)),
            "applications": [
                self._application(a, findings, by_path) for a in overview.applications
            ],
            "others": [
                self._note(NoteInfo(path), findings, by_path[path])
                for path in sorted(set(by_path) - listed)
            ],
            "duplicates": self._duplicates(overview, findings),
        }

    def _finding(self, index: int, finding: Finding) -> dict[str, Any]:
        fix = shown_fix(finding)
        return {
            "index": index,
            "path": finding.path,
            "line": finding.line,
            "column": finding.column,
            "end_line": finding.end_line,
            "end_column": finding.end_column,
            "rule": finding.rule,
            "code": finding.code,
            "severity": str(finding.severity),
            "message": finding.message,
            "fix": None if fix is None else fix.replacement,
            "placed": self.sources.offsets(finding) is not None,
        }

    def _application(
        self, application: ApplicationInfo, findings: list[Finding], by_path
    ) -> dict[str, Any]:
        points = any(p.points for p in application.people)
        notes = [self._note(n, findings, by_path.get(n.path, [])) for n in application.notes]
        for note in notes:
            note["echo_known"] = points  # echoing was judged: "none" means none
        return {"info": application, "anchor": _anchor("app", application.folder), "notes": notes}

    def _note(self, note: NoteInfo, findings: list[Finding], indexes: list[int]) -> dict[str, Any]:
        text = self.sources.texts.get(note.path)
        spans = []
        for index in indexes:
            found = self.sources.offsets(findings[index])
            if found is not None:
                spans.append((*found, index))
        return {
            "info": note,
            "name": PurePath(note.path).name,
            "anchor": _anchor("note", note.path),
            "pieces": None
            if text is None
            else pieces(text, spans, [str(f.severity) for f in findings]),
            "findings": indexes,
            "echo_known": False,
        }

    def _duplicates(self, overview: Overview, findings: list[Finding]) -> list[dict[str, Any]]:
        """Each note a duplicate-note finding is on, beside the note of its
        application it is most alike, their shared passages marked."""
        flagged = {f.path for f in findings if f.rule == DUPLICATE}
        texts = self.sources.texts
        pairs: dict[frozenset[str], tuple[str, str]] = {}
        for application in overview.applications:
            paths = [n.path for n in application.notes if n.path in flagged and n.path in texts]
            for path in paths:
                others = [p for p in paths if p != path]
                if not others:
                    continue
                partner = max(others, key=lambda p: passages.alike(texts[path], texts[p]))
                pairs.setdefault(frozenset((path, partner)), (path, partner))
        shown = []
        for left, right in pairs.values():
            in_left, in_right = passages.shared(texts[left], texts[right])
            alike = passages.alike(texts[left], texts[right])
            shown.append(
                {
                    "alike": round(alike),
                    "sides": [
                        {
                            "path": left,
                            "name": PurePath(left).name,
                            "pieces": _shared(texts[left], in_left),
                        },
                        {
                            "path": right,
                            "name": PurePath(right).name,
                            "pieces": _shared(texts[right], in_right),
                        },
                    ],
                }
            )
        return shown


def pieces(text: str, spans: list[tuple[int, int, int]], severities: list[str]) -> list[Piece]:
    """`text` cut at every finding's start and end: each piece knows the
    findings covering it. A finding with an empty span is an empty piece of
    its own, where it stands."""
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[Piece] = []

    def points(at: int) -> None:
        out.extend(Piece("", (i,), (i,), severities[i]) for s, e, i in spans if s == e == at)

    for start, end in pairwise(bounds):
        points(start)
        covering = tuple(i for s, e, i in spans if s <= start and end <= e and s < e)
        first = tuple(i for s, e, i in spans if s == start and s < e)
        out.append(Piece(text[start:end], covering, first, _worst(covering, severities)))
    points(len(text))
    return out


def _shared(text: str, spans: list[tuple[int, int]]) -> list[Piece]:
    """`text` in pieces, those of a shared passage with `severity` 'shared'."""
    return [
        Piece(p.text, p.findings, p.first, "shared" if p.findings else None)
        for p in pieces(text, [(s, e, 0) for s, e in spans], ["shared"])
    ]


def _worst(indexes: tuple[int, ...], severities: list[str]) -> str | None:
    found = {severities[i] for i in indexes}
    return next((s for s in SEVERITIES if s in found), None)


def _anchor(kind: str, path: str) -> str:
    """An id for an element: the path's letters and digits, made unique by a hash."""
    import hashlib

    digest = hashlib.sha1(path.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    slug = "".join(c if c.isascii() and c.isalnum() else "-" for c in PurePath(path).name)
    return f"{kind}-{slug.strip('-')[:40]}-{digest}"


def _bare_overview(findings: list[Finding]) -> Overview:
    """Without the run's context: one application per folder with findings."""
    folders: dict[str, list[str]] = {}
    for finding in findings:
        folder = str(PurePath(finding.path).parent)
        if finding.path not in folders.setdefault(folder, []):
            folders[folder].append(finding.path)
    return Overview(
        applications=tuple(
            ApplicationInfo(folder=f, notes=tuple(NoteInfo(p) for p in paths))
            for f, paths in folders.items()
        )
    )
