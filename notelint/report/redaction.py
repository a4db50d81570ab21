"""One redaction step between the engine and everything a user sees.

Every sensitive finding carries the text it found (`Finding.secret`), and
every note's interview lists its confidential terms. Before any formatter,
snippet, diff or log line sees the report, each such text is masked once,
however it is typed (`Skeleton.find`): in the file texts the snippets are cut
from (every occurrence, not only the finding's own span) and in the message
of every finding of that file, whichever rule wrote it. A term's rare words
are masked on their own too: "Nightjar" gives "Project Nightjar" away.
The redacted findings no longer carry their secret. `--show-confidential`
(a rule's `reveal` option) leaves a finding unredacted by not marking it
sensitive in the first place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from notelint.analysis.specificity import rarity
from notelint.core.masking import mask_spans, mask_terms
from notelint.core.model import Finding, LineIndex
from notelint.core.text import WORD, Skeleton

RARE = 0.9  # a term's word at least this rare (`rarity`) is masked on its own
_OPENING_QUOTES = frozenset("'\"‘“{[<(")


@dataclass
class Secrets:
    """What must not be shown in one file's outputs."""

    terms: set[str] = field(default_factory=set)  # masked wherever they stand
    words: set[str] = field(default_factory=set)  # single common words: quoted only in messages

    def add(self, found: str) -> None:
        if " " in found or any(c.isdigit() for c in found) or len(WORD.findall(found)) > 1:
            self.terms.add(found)
        else:
            self.words.add(found)

    def in_file(self, text: str) -> str:
        """A file text: every occurrence of two characters or more (the
        finding's own span is masked whatever its length)."""
        return mask_terms(text, [t for t in self.terms | self.words if len(t) > 1])

    def in_message(self, text: str) -> str:
        """A message: a single common word (a marker, 'confidential') masked
        where the message quotes it, not in its own label."""
        skeleton = Skeleton.of(text)
        spans = [s for t in self.terms for s in skeleton.find(t)]
        spans += [
            s
            for w in self.words
            for s in skeleton.find(w)
            if text[s[0] - 1 : s[0]] in _OPENING_QUOTES
        ]
        return mask_spans(text, spans)


def term_secrets(terms: tuple[str, ...]) -> Secrets:
    """An interview's confidential terms, with their rare words."""
    secrets = Secrets(terms=set(terms))
    secrets.terms |= {
        w for term in terms for w in WORD.findall(term) if len(w) > 2 and rarity(w) >= RARE
    }
    return secrets


def redact(
    findings: list[Finding],
    sources: dict[str, str],
    terms: dict[str, tuple[str, ...]] | None = None,
) -> tuple[list[Finding], dict[str, str], dict[str, Secrets]]:
    """The findings and file texts with every sensitive text masked, and what
    was masked per file. `terms` (path -> its interview's `confidential:`
    terms) are masked wherever a message quotes them ("pick up 'the Project
    Falcon launch'"). Masks keep every text's length, so a masked file text
    lines up with the original character for character."""
    secrets = {path: term_secrets(found) for path, found in (terms or {}).items()}
    shown = dict(sources)
    for finding in findings:
        if not finding.sensitive:
            continue
        if finding.secret:
            secrets.setdefault(finding.path, Secrets()).add(finding.secret)
        text = shown.get(finding.path)
        if text is not None:  # the span itself, whatever the file's encoding
            lines = LineIndex.of(text)
            start = lines.offset(finding.line, finding.column)
            end = lines.offset(finding.end_line, finding.end_column)
            shown[finding.path] = mask_spans(text, [(start, end)])
    for path, found in secrets.items():
        if path in shown:
            shown[path] = found.in_file(shown[path])
    redacted = [
        replace(f, message=secrets[f.path].in_message(f.message), secret=None)
        if f.path in secrets
        else replace(f, secret=None)
        for f in findings
    ]
    return redacted, shown, secrets
