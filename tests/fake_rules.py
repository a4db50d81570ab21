"""Small rules for the output, fix and statistics tests: they depend on no
word list or model, so those tests do not move when the real rules change.

`use(monkeypatch)` makes every run in the test see only these rules (and
`unreadable-input`)."""

from __future__ import annotations

import re

from notelint.app import runner
from notelint.core.model import Fix, Hit, Severity
from notelint.plugins.registry import Registry
from notelint.rule import Rule
from notelint.rules.inputs.unreadable_input import UnreadableInput

SECRET = "Project Falcon"


class Speller(Rule):
    """Common misspellings, fixed in place.

    Why: a typo in a thank-you note reads as carelessness.

    Bad: Thank you for teh talk.
    Good: Thank you for the talk.
    """

    slug = "house-spelling"
    code = "T100"
    fixable = True
    SWAP = {"teh": "the", "recieve": "receive", "Gonzales": "Gonzalez"}

    def check(self, note, context):
        for match in re.finditer(r"\b(?:teh|recieve|Gonzales)\b", note.body):
            right = self.SWAP[match.group()]
            yield Hit(
                f"write '{right}', not '{match.group()}'", match.start(), match.end(), Fix(right)
            )


class Secret(Rule):
    """A confidential term (sensitive: no output may show it)."""

    slug = "secret-term"
    code = "T200"
    severity = Severity.ERROR
    fixable = True

    def check(self, note, context):
        for match in re.finditer(re.escape(SECRET), note.body):
            # A careless message, on purpose: the outputs must mask it anyway.
            yield Hit(
                f"confidential: '{match.group()}'",
                match.start(),
                match.end(),
                Fix("our new project"),
                sensitive=True,
            )


class Overlapping(Rule):
    """Two fixes for one phrase that overlap: never both applied."""

    slug = "house-phrase"
    code = "T300"
    fixable = True

    def check(self, note, context):
        for match in re.finditer(r"very very", note.body):
            yield Hit("say it once", match.start(), match.end(), Fix("very"))
            yield Hit("say it better", match.start() + 5, match.end(), Fix("truly"))


class Shouting(Rule):
    """Exclamation marks (info, not fixable)."""

    slug = "house-shouting"
    code = "T400"
    severity = Severity.INFO

    def check(self, note, context):
        for match in re.finditer(r"!+", note.body):
            yield Hit("calm down", match.start(), match.end())


RULES = (UnreadableInput, Speller, Secret, Overlapping, Shouting)


def registry(pack_folders=()) -> Registry:
    found = Registry()
    for rule in RULES:
        found.add(rule, "tests/fake_rules.py")
    return found


def use(monkeypatch) -> None:
    monkeypatch.setattr(runner, "discover", registry)
