from pathlib import Path

from notelint.core.model import Hit, Severity
from notelint.rule import Rule


class HiringManagerDetail(Rule):
    """The hiring manager's thank-you note is not the most detailed note of the application.

    Why: the hiring manager decides. Their note should be the most specific
    and persuasive one you send, not a two-line courtesy while a future
    colleague gets the long, thoughtful letter. Notes are compared on
    specific content, not length (see notelint/analysis/specificity.py): points of
    the conversation each note echoes, names and
    figures, and specific terms. The warning sits on the note to the
    interviewer whose role is `hiring-manager` and names the richer note.
    Only `kind: thank-you` notes are compared: a follow-up or a rejection
    reply is short by design.

    Bad: to the hiring manager, "Thank you for meeting me about the role; I
    enjoyed hearing about the checkout redesign." and to a colleague, three
    paragraphs on design tokens, pairing sessions and your own results.

    Good: the hiring manager's note carries the most substance: the problems
    they described, how your experience answers them, and what you would
    bring.

    Options:

    - `ratio` (default 1.75): how many times richer another note must be.
    - `margin` (default 8.0): by how much, at least, on the specificity
      score (an echoed point counts 3, a name or figure 2, a number or a
      specific term 1, half for a word of the role or a bare noun).
    """

    slug = "hiring-manager-detail"
    code = "NL502"
    severity = Severity.WARNING
    scope = "application"
    requires = frozenset({"pos", "lemma", "dep", "ents"})
    options = {"ratio": 1.75, "margin": 8.0}

    def check(self, note, context):
        if not context.specificity.usable:
            return
        recipient = note.recipient
        if (
            note.kind != "thank-you"
            or recipient is None
            or recipient.role != "hiring-manager"
            or note.doc is None
        ):
            return
        analyzer, interview = context.specificity, context.interview
        mine = analyzer.specificity(note, interview)
        best = None
        for other in context.application.others(note):
            if other.kind != "thank-you" or other.doc is None or other.recipient == recipient:
                continue
            found = analyzer.specificity(other, interview)
            if best is None or found.score > best[0].score:
                best = (found, other)
        if best is None:
            return
        richer, other = best
        ratio, margin = context.options["ratio"], context.options["margin"]
        if richer.score >= mine.score * ratio and richer.score - mine.score >= margin:
            to = f" to {other.recipient.name}" if other.recipient else ""
            yield Hit(
                f"the note{to} ('{Path(other.path).name}') is richer in specifics "
                f"({richer.describe()}) than this one ({mine.describe()}); the hiring "
                "manager's note should be the most detailed: add the problems they described "
                "and how your experience answers them"
            )
