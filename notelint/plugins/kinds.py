"""Declarative kinds of rule, shared by YAML packs and Python rules (as Vale's
`extends: existence` / `substitution`): a rule is its data, the kind is the
code."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, ClassVar

from notelint.core.model import Fix, Hit, Note
from notelint.core.patterns import Pattern
from notelint.nlp import phrase_matcher
from notelint.rule import Context, Rule


class Existence(Rule):
    """Flags each phrase or pattern found in a note."""

    message: ClassVar[str] = "'{match}'"
    tokens: ClassVar[tuple[str, ...]] = ()  # phrases, matched on words
    patterns: ClassVar[tuple[str, ...]] = ()  # regular expressions, matched on text
    ignore_case: ClassVar[bool] = True
    lemmas: ClassVar[bool] = False  # match phrases on lemmas: one entry, every inflection

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.matcher = (
            phrase_matcher(nlp, {self.slug: self.tokens}, self.lemmas, not self.ignore_case)
            if self.tokens
            else None
        )
        self.regexes = [Pattern(p, self.ignore_case) for p in self.patterns]

    def matches(self, note: Note) -> Iterator[tuple[int, int]]:
        if self.matcher is not None and note.doc is not None:
            for span in self.matcher(note.doc, as_spans=True):
                yield span.start_char, span.end_char
        for regex in self.regexes:
            for match in regex.finditer(note.body):
                if match.end() > match.start():
                    yield match.start(), match.end()

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        seen = set()
        for start, end in sorted(self.matches(note)):
            if any(s <= start < e for s, e in seen):
                continue  # a phrase inside one already flagged
            seen.add((start, end))
            yield Hit(self.message.format(match=note.body[start:end]), start, end)


class Substitution(Rule):
    """Flags each wrong word or phrase and offers the right one as a fix."""

    message: ClassVar[str] = "use '{replacement}' instead of '{match}'"
    swap: ClassVar[Mapping[str, str]] = {}
    ignore_case: ClassVar[bool] = True
    lemmas: ClassVar[bool] = False
    fixable = True

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.matcher = phrase_matcher(
            nlp, {wrong: [wrong] for wrong in self.swap}, self.lemmas, not self.ignore_case
        )

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        if note.doc is None:
            return
        vocab = note.doc.vocab
        for match_id, start, end in self.matcher(note.doc):
            span = note.doc[start:end]
            right = _same_case(span.text, self.swap[vocab.strings[match_id]])
            yield Hit(
                self.message.format(match=span.text, replacement=right),
                span.start_char,
                span.end_char,
                Fix(right),
            )


def _same_case(original: str, replacement: str) -> str:
    if original.isupper() and len(original) > 1:
        return replacement.upper()
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement
