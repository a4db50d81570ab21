"""What the engine knows of one run, computed once and handed to every rule
through its context: no rule keeps parse state of its own, and nothing is
kept in module globals or caches keyed by object identity."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING, TypeVar

from notelint.core.model import Application
from notelint.nlp import parse

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.analysis.specificity import Analyzer


T = TypeVar("T")


class Facts:
    """The run's shared analysis: the pipeline, the rule packs' word lists
    and the specificity analyzer built from them."""

    def __init__(self, nlp: Language, lists: Mapping[str, Sequence[str]]):
        self.nlp = nlp
        self.lists = lists
        self._docs: dict[str, Doc] = {}
        self._of_notes: dict[tuple[str, str], object] = {}
        self._first: Facts | None = None  # in a session: the facts every run starts from

    @cached_property
    def specificity(self) -> Analyzer:
        if self._first is not None:
            return self._first.specificity.for_next_run()
        from notelint.analysis.specificity import Analyzer

        return Analyzer(self.nlp, self.lists, self.doc)

    def for_next_run(self) -> Facts:
        """These facts for another run of a long session (the language
        server): the parses of interview texts and the analyzer's word-list
        data are pure functions of their text, pipeline and lists, and are
        kept; every fact about a note is computed again."""
        fresh = Facts(self.nlp, self.lists)
        fresh._docs = self._docs
        fresh._first = self
        return fresh

    def parse_interviews(self, applications: Iterable[Application]) -> None:
        """Every point, confidential term and value of the run's interviews,
        parsed in one stream before the rules run."""
        texts = [
            text
            for application in applications
            if application.interview is not None
            for text in application.interview.texts("points", "confidential", "values")
        ]
        unparsed = [t for t in dict.fromkeys(texts) if t not in self._docs]
        self._docs.update(zip(unparsed, parse(self.nlp, unparsed), strict=True))

    def doc(self, text: str) -> Doc:
        """The parse of an interview's text (parsed now if the batch had not)."""
        if text not in self._docs:
            self._docs[text] = next(parse(self.nlp, [text]))
        return self._docs[text]

    def of_note(self, path: str, what: str, compute: Callable[[], T]) -> T:
        """A fact about one note (`what`: a name of the rule's own), computed
        once per run: a rule comparing every note of an application with
        every other computes each note's side once, not once per pair."""
        key = (path, what)
        if key not in self._of_notes:
            self._of_notes[key] = compute()
        return self._of_notes[key]  # type: ignore[return-value]

    def of_run(self, what: str, compute: Callable[[], T]) -> T:
        """A fact about the whole run (an index of its applications, say),
        computed once: `what` is a name of the rule's own."""
        return self.of_note("", what, compute)
