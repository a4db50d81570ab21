import re
from bisect import bisect_left
from pathlib import Path

from rapidfuzz import fuzz

from notelint.analysis.anatomy import anatomy
from notelint.core.model import Hit, Severity
from notelint.rule import Rule

_PARAGRAPH = re.compile(r"\S(?:.*\S)?(?:\r?\n[ \t]*\S.*)*")  # lines up to a blank line
_SPACE = re.compile(r"\s+")
_NAME = "\x00"


class DuplicateNote(Rule):
    """The same or nearly the same note sent to different interviewers of one application.

    Why: interviewers compare notes. Two people who receive the same letter
    with the names swapped learn that neither was worth a tailored word, and
    it undoes the good the notes were meant to do. Notes are compared with
    their greeting, signature and people's names masked (rapidfuzz ratio), so
    swapping "Dear Maria" for "Dear Raj" does not make a note new. A whole
    paragraph pasted verbatim into several notes is reported too, as advice
    by default. The finding sits on each note and names the other (or
    counts them: "the same as 199 other notes"), one per note. Only
    notes of the same kind to different recipients are compared (a
    follow-up may well repeat the thank-you sent to the same person).

    Bad (to Maria Gonzalez, and the same text to Raj Patel):

        Dear Maria, thank you for meeting with me. I enjoyed our talk about
        the product roadmap and I am excited to bring my experience ...

    Good: each note picks up what was discussed with that person, and shares
    at most a sentence of thanks with the others.

    Options:

    - `threshold` (default 80.0): how alike (0-100, rapidfuzz ratio of the
      masked texts) two notes must be to count as the same note.
    - `min_words` (default 12): shorter notes are not compared.
    - `paragraph_min_words` (default 25): paragraphs shorter than this are
      not checked for pasting.
    - `paragraph_severity` (default "info"): severity of a paragraph pasted
      into another note (info, warning or error; never above the rule's own).
    """

    slug = "duplicate-note"
    code = "NL102"
    severity = Severity.WARNING
    scope = "application"
    requires = frozenset({"ents"})
    options = {
        "threshold": 80.0,
        "min_words": 12,
        "paragraph_min_words": 25,
        "paragraph_severity": Severity.INFO,
    }

    def prepare(self, nlp, options, lists):
        # a Severity: the registry checked it
        self.paragraph_severity = options["paragraph_severity"]

    def check(self, note, context):
        if note.doc is None:
            return
        options = context.options
        mine = self._masked_note(note, context)
        if len(mine.split()) < options["min_words"]:
            return
        paragraphs = self._paragraphs(note, context)
        same: list[tuple[float, str]] = []  # (how alike, the other note as named)
        pasted: dict[int, list[str]] = {}  # paragraph start -> the notes it is pasted into
        for other in context.application.others(note):
            if other.kind != note.kind or other.doc is None or note.same_recipient(other):
                continue
            theirs = self._masked_note(other, context)
            if len(theirs.split()) < options["min_words"]:
                continue
            named = f"'{Path(other.path).name}'" + (
                f" (to {other.recipient.name})" if other.recipient else ""
            )
            alike = fuzz.ratio(mine, theirs)
            if alike >= options["threshold"]:
                same.append((alike, named))
                continue
            their_paragraphs = [text for _, _, text in self._paragraphs(other, context)]
            for start, _, text in paragraphs:
                if any(fuzz.ratio(text, t) >= 95 for t in their_paragraphs):
                    pasted.setdefault(start, []).append(named)
        if same:
            alike, named = max(same)
            others = _listed([n for _, n in sorted(same, key=lambda s: (-s[0], s[1]))])
            what = (
                f"{alike:.0f}% the same as {named}"
                if len(same) == 1
                else (f"the same as {len(same)} other notes ({others})")
            )
            yield Hit(
                f"this note is {what} once greetings, names and signatures are set aside; "
                "write each interviewer their own note"
            )
        for start, end, _ in paragraphs:
            if start in pasted:
                yield Hit(
                    f"this paragraph is pasted into {_listed(pasted[start])} too; "
                    "tailor it to what you discussed with each of them",
                    start,
                    end,
                    severity=self.paragraph_severity,
                )

    def _masked_note(self, note, context):
        return context.of_note(note, "duplicate-note:masked", lambda: self._masked(note, context))

    def _masked(self, note, context, start=None, end=None):
        """The note's content (or body[start:end]), names masked, case and
        spacing folded."""
        if start is None:
            start, end = anatomy(note).content
        offsets, pieces = self._pieces(note, context)
        chosen = pieces[bisect_left(offsets, start) : bisect_left(offsets, end)]
        return _SPACE.sub(" ", "".join(chosen)).strip().lower()

    def _pieces(self, note, context) -> tuple[list[int], list[str]]:
        """Each token's offset and text as `_masked` joins it (names masked),
        read from the parse once per note."""

        def compute():
            names = context.specificity.name_words(context.interview)
            offsets, pieces = [], []
            for token in note.doc:
                offsets.append(token.idx)
                if token.ent_type_ == "PERSON" or token.lower_ in names:
                    pieces.append(_NAME + token.whitespace_)
                else:
                    pieces.append(token.text_with_ws)
            return offsets, pieces

        return context.of_note(note, "duplicate-note:pieces", compute)

    def _paragraphs(self, note, context) -> list[tuple[int, int, str]]:
        """The note's paragraphs long enough to count as pasted: (start, end,
        masked text), computed once per note."""

        def compute():
            start, end = anatomy(note).content
            minimum = context.options["paragraph_min_words"]
            return [
                (m.start(), m.end(), self._masked(note, context, m.start(), m.end()))
                for m in _PARAGRAPH.finditer(note.body, start, end)
                if len(m.group().split()) >= minimum
            ]

        return context.of_note(note, "duplicate-note:paragraphs", compute)


SHOWN = 3  # the other notes a finding names before it counts the rest


def _listed(names: list[str]) -> str:
    """ "'a.md'", "'a.md' and 'b.md'", "'a.md', 'b.md', 'c.md' and 4 more"."""
    if len(names) <= SHOWN:
        return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)
    return f"{', '.join(names[:SHOWN])} and {len(names) - SHOWN} more"
