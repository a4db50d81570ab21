from notelint.analysis import specificity
from notelint.analysis.anatomy import has_content
from notelint.core.model import Hit, Severity
from notelint.rule import Rule


class GenericPhrasing(Rule):
    """A thank-you note with nothing specific to the conversation it thanks for.

    Why: a note that could have gone to anyone tells the reader you were not
    listening. What makes a note memorable is what only this conversation
    could have produced: a point you discussed, a name, a figure, your own
    concrete experience. The note as a whole is judged (see
    notelint/analysis/specificity.py): it warns only when the note echoes none of the
    interview's points and names nothing a template could not have named
    (the company, the role and the interviewer's name do not count). A stock
    phrase inside an otherwise specific note is only advice (info), and the
    opening thanks and the closing line are left alone. Applies to
    `kind: thank-you` notes; follow-ups and rejection replies are short and
    conventional by nature. Works without interview.yaml too (then only
    names, figures and specific terms count).

    Bad:

        Thank you for taking the time to speak with me today. I enjoyed
        learning more about the position and the team. I believe my skills
        and experience make me a strong fit, and I look forward to hearing
        from you.

    Good:

        Thank you for taking the time to speak with me today. Your point
        about pairing designers with front-end developers stuck with me: at
        Pellucid I ran a weekly ninety-minute pairing session for six months,
        and the "not what the mock-up said" tickets dropped by half.

    Options:

    - `min_score` (default 3.0): the personal content a note needs not to be
      generic, when it echoes none of its recipient's points: a name counts
      2, a figure 1, each specific noun outside template wording by its
      rarity (0.25 for "team" to 1.5 for "sequencer"), times 1.5 when its
      sentence points back at the conversation or tells what you did and
      0.4 otherwise. An echoed point always suffices.
    - `min_words` (default 12): a note whose content is shorter ("Thanks!")
      says nothing specific unless what it says scores.
    - `stock_phrase_info` (default true): in a specific note, report stock
      phrases in the middle of the note as info.
    """

    slug = "generic-phrasing"
    code = "NL101"
    severity = Severity.WARNING
    requires = frozenset({"pos", "lemma", "dep", "ents"})
    options = {"min_score": 3.0, "min_words": 12, "stock_phrase_info": True}

    def check(self, note, context):
        if not context.specificity.usable:
            return
        if note.kind != "thank-you" or note.doc is None:
            return
        if not has_content(note):
            return  # a greeting or a signature alone: nothing to judge
        personal = context.specificity.personal(note, context.interview)
        if not personal.points and personal.score < context.options["min_score"]:
            short = personal.words < context.options["min_words"]
            yield Hit(self._message(note, context, short))
            return
        if context.options["stock_phrase_info"]:
            found = context.specificity.specificity(note, context.interview)
            yield from self._stock_phrases(note, found, context)

    def _message(self, note, context, short: bool) -> str:
        recipient = note.recipient
        points = specificity.points_of(recipient)
        interview = context.interview
        if interview is not None and not points:
            points = tuple(p for person in interview.interviewers for p in person.points)
        who = f" with {recipient.name}" if recipient is not None else ""
        if short:
            message = "this note is too short to say anything only your conversation could"
        else:
            message = (
                "this note could have gone to anyone: it is template wording, echoes no "
                f"point of your conversation{who} and names no project, figure or "
                "experience of your own"
            )
        if points:
            return message + f"; mention something you discussed, e.g. '{points[0]}'"
        return message + (
            "; mention something you discussed: a problem they described, a question "
            "they asked, and how your own experience bears on it"
        )

    def _stock_phrases(self, note, found, context):
        """Stock phrases between the first and the last sentence of the content."""
        content = {t.i for t in context.specificity.content_tokens(note) if t.is_alpha}
        sentences = [s for s in note.doc.sents if any(t.i in content for t in s)]
        if len(sentences) < 3:
            return
        middle = (sentences[1].start_char, sentences[-2].end_char)
        for start, end in found.stock:
            if middle[0] <= start < middle[1]:
                yield Hit(
                    f"'{note.body[start:end]}' is a stock phrase; say something only this "
                    "conversation could have produced instead",
                    start,
                    end,
                    severity=Severity.INFO,
                )
