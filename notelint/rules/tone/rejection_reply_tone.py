from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from notelint.core.model import Hit, Note, Severity
from notelint.nlp import phrase_finder
from notelint.rule import Context, Rule

BITTER = "rejection-bitter"
GOOD_WISHES = "rejection-good-wishes"
KEEP_IN_MIND = "rejection-keep-in-mind"
THANKS = "rejection-thanks"


class RejectionReplyTone(Rule):
    """A rejection reply that is bitter, argues the decision, or forgets thanks or the future.

    A reply to a rejection should thank them and ask to be kept in mind.

    Why: the reply to a "no" is the last impression you leave, and the
    runner-up is often the first call when the chosen candidate falls through
    or the next role opens. A gracious reply thanks them for the news and the
    time, and asks to be kept in mind for future roles. Arguing the decision
    ("I don't understand why", "you made a mistake", "I was clearly the best
    candidate", "please reconsider") cannot change it and closes that door.
    Disappointment said plainly ("I was disappointed, of course") is fine.
    Only `kind: rejection-reply` notes are checked.

    Bad:

        I don't understand why you chose someone else. I was clearly the
        best candidate, and I think you made a mistake.

    Good:

        Thank you for letting me know, and for your time over three rounds.
        I was disappointed, of course, but I enjoyed meeting the team;
        please keep me in mind for future roles in the design studio.

    Options: none. The phrases are the `rejection-bitter`,
    `rejection-keep-in-mind`, `rejection-thanks` and `rejection-good-wishes`
    lists of rules/tone.yaml (matched on lemmas; extend them in a rule pack).
    """

    slug = "rejection-reply-tone"
    code = "NL602"
    severity = Severity.WARNING
    requires = frozenset({"lemma", "dep"})  # "keep my profile in mind", read from the parse

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.matcher = phrase_finder(
            nlp, {k: lists.get(k, ()) for k in (BITTER, KEEP_IN_MIND, THANKS, GOOD_WISHES)}
        )

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        if note.kind != "rejection-reply" or note.doc is None:
            return
        doc = note.doc
        found: dict[str, list[tuple[int, int]]] = {
            BITTER: [],
            KEEP_IN_MIND: [],
            THANKS: [],
            GOOD_WISHES: [],
        }
        for label, start, end in self.matcher(doc):
            found[label].append((start, end))
        wished = {doc[start].sent.start for start, _ in found[GOOD_WISHES]}
        taken_until = -1
        for start, end in sorted(found[BITTER], key=lambda m: (m[0], -m[1])):
            if start < taken_until:
                continue  # inside a longer phrase already reported
            taken_until = end
            span = doc[start:end]
            if span.sent.start in wished and any(t.lemma_ in ("hope", "luck") for t in span):
                continue  # "I hope whoever you hire works out well": a good wish
            yield Hit(
                f"'{span.text}' argues the decision or sounds bitter; accept it "
                "gracefully and leave the door open",
                span.start_char,
                span.end_char,
            )
        missing = []
        if not found[THANKS]:
            missing.append("does not thank them")
        if not found[KEEP_IN_MIND] and not _asks_to_be_remembered(doc):
            missing.append("does not ask to be kept in mind for future roles")
        if missing:
            yield Hit(
                f"this reply to a rejection {' and '.join(missing)}; a gracious reply "
                "thanks them for the news and their time and asks to be considered "
                "for future openings"
            )


# What the candidate asks to be kept in or on: "keep my profile in mind".
_KEPT_IN = {("in", "mind"), ("on", "file"), ("in", "view")}
# A future opening, however worded: "if a position opens in the future".
_OPENINGS = {"position", "opening", "role", "opportunity", "vacancy", "job", "post"}


def _asks_to_be_remembered(doc) -> bool:
    """Read from the parse what the phrase list cannot spell out: "keep my
    profile / CV / details in mind", "bear us in mind", and a sentence about
    an opening in the future ("if a position opens in the future, I would
    be glad to hear from you")."""
    for token in doc:
        if token.lemma_.lower() in ("keep", "bear", "hold"):
            kept = any(
                (c.lower_, g.lower_) in _KEPT_IN
                for c in token.children
                if c.dep_ == "prep"
                for g in c.children
                if g.dep_ == "pobj"
            )
            mine = any(
                c.dep_ == "dobj"
                and (c.lower_ in ("me", "us") or any(p.lower_ == "my" for p in c.children))
                for c in token.children
            )
            if kept and mine:
                return True
    return any(
        any(t.lemma_.lower() == "future" for t in sentence)
        and any(t.lemma_.lower() in _OPENINGS for t in sentence)
        for sentence in doc.sents
    )
