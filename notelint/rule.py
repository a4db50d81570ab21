"""What a rule is. Built-in rules, YAML pack rules and third-party plugins all
subclass `Rule`; the engine stamps their bare hits with identity and severity.

A rule's class docstring is its documentation (`notelint explain` prints it):
a summary line, why the coaching principle matters, a bad and a good example,
and its options.
"""

from __future__ import annotations

import enum
import inspect
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Literal, TypeVar

from notelint.core.model import Application, Hit, Interview, Note, Severity

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from notelint.analysis.facts import Facts
    from notelint.analysis.specificity import Analyzer
    from notelint.analysis.timing import Policy

Scope = Literal["note", "application", "corpus"]
T = TypeVar("T")
# What a rule may read from the parse; each maps to pipeline components in nlp.py.
ANNOTATIONS = frozenset({"pos", "lemma", "dep", "ents", "vectors"})


@dataclass(frozen=True)
class Context:
    """Everything a rule may know while it checks one note."""

    application: Application
    corpus: tuple[Application, ...]
    options: Mapping[str, Any]
    at: datetime  # the run's reference time: read it as `now`
    timezone: str | None = None  # the configuration's `timezone` (None: the machine's)
    facts: Facts | None = None  # the run's shared analysis (None: a bare context in tests)
    _reads: set[str] = field(default_factory=set, compare=False, repr=False)

    @property
    def now(self) -> datetime:
        """The run's reference time (`--now`, else the clock). A rule that
        reads it on a note gives findings that change with the clock alone,
        so the result cache does not keep them: see `read_clock`."""
        self._reads.add("now")
        return self.at

    @property
    def read_clock(self) -> bool:
        return "now" in self._reads

    @property
    def specificity(self) -> Analyzer:
        """The run's specificity analyzer."""
        if self.facts is None:
            raise RuntimeError("this context has no facts: run the rule through the engine")
        return self.facts.specificity

    def doc(self, text: str) -> Doc:
        """The parse of an interview's text (a point, a term, a value)."""
        if self.facts is None:
            raise RuntimeError("this context has no facts: run the rule through the engine")
        return self.facts.doc(text)

    def of_note(self, note: Note, what: str, compute: Callable[[], T]) -> T:
        """`compute()`, once per run for `note` and `what` (see Facts.of_note)."""
        if self.facts is None:
            return compute()
        return self.facts.of_note(note.path, what, compute)

    def of_run(self, what: str, compute: Callable[[], T]) -> T:
        """`compute()`, once per run (see Facts.of_run)."""
        if self.facts is None:
            return compute()
        return self.facts.of_run(what, compute)

    def policy(self, rule: type[Rule] | Rule) -> Policy:
        """The timing policy of this application, with `rule`'s options."""
        from notelint.analysis.timing import Policy

        options = {(rule.slug, name): value for name, value in self.options.items()}
        return Policy.of(self.interview, self.timezone, options)

    @property
    def interview(self) -> Interview | None:
        return self.application.interview


class Rule:
    slug: ClassVar[str]
    code: ClassVar[str]
    # note: reads one note; application: compares the notes of one interview
    # loop; corpus: looks across every application of the run.
    scope: ClassVar[Scope] = "note"
    severity: ClassVar[Severity] = Severity.WARNING
    requires: ClassVar[frozenset[str]] = frozenset()
    options: ClassVar[Mapping[str, Any]] = {}  # name -> default (its type is the option's)
    fixable: ClassVar[bool] = False
    # Word lists a plugin rule reads from the packs beyond the built-in ones:
    # declaring them lets a user's pack extend them.
    reads: ClassVar[frozenset[str]] = frozenset()

    def prepare(
        self, nlp: Language, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        """Build matchers once per run from the run's pipeline, this rule's
        options and the word lists of the rule packs."""

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        raise NotImplementedError

    @classmethod
    def doc(cls) -> str:
        return inspect.getdoc(cls) or ""

    @classmethod
    def defaults(cls) -> dict[str, str]:
        """Each option's default as a user writes it in the configuration."""
        return {
            name: json.dumps(value.value if isinstance(value, enum.Enum) else value)
            for name, value in cls.options.items()
        }

    @classmethod
    def summary(cls) -> str:
        """The docstring's first paragraph, on one line."""
        return " ".join(cls.doc().split("\n\n", 1)[0].split())
