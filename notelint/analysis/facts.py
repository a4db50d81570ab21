"""What the engine knows of one run, computed once and handed to every rule
through its context: no rule keeps parse state of its own, and nothing is
kept in module globals or caches keyed by object identity."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import TYPE_CHECKING

from notelint.core.model import Application

if TYPE_CHECKING:
    from spacy.language import Language

    from notelint.analysis.specificity import Analyzer


class Facts:
    """The run's shared analysis: the pipeline, the rule packs' word lists
    and the specificity analyzer built from them."""

    def __init__(self, nlp: Language, lists: Mapping[str, Sequence[str]]):
        self.nlp = nlp
        self.lists = lists

    @cached_property
    def specificity(self) -> Analyzer:
        from notelint.analysis.specificity import Analyzer

        return Analyzer(self.nlp, self.lists)

    def parse_points(self, applications: Iterable[Application]) -> None:
        """Every interview point of the run, parsed in one stream."""
        points = [
            point
            for application in applications
            if application.interview is not None
            for person in application.interview.interviewers
            for point in person.points
        ]
        self.specificity.parse_points(points)
