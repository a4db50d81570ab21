from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from notelint.analysis import names
from notelint.analysis.anatomy import anatomy
from notelint.analysis.names import Mention, People
from notelint.analysis.words import prefix_length
from notelint.core.model import Hit, Interviewer, Note, Severity
from notelint.core.text import fold
from notelint.rule import Context, Rule

# Words that speak to someone in the sentence where a name stands alone
# between commas: "Thank you, Raj, for ..." "Great to meet you, Raj."
ADDRESS = {"you", "your", "yours", "thanks", "thank"}
NAME = r"[A-Z][^\W\d_]*(?:['’-][^\W\d_]+)*"
# "Dr. Patel", "Ms Gonzalez": an honorific before the name, its period no full stop.
TITLED = r"(?:(?:Mr|Mrs|Ms|Mx|Miss|Dr|Prof|Professor)\.?[ \t]+)?"
# A sentence: up to a full stop, not the period of an abbreviation ("Dr."),
# across the line breaks of a mail client's wrapping but not a blank line.
SENTENCE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|St|Jr|Sr)\.|[^.!?\n]|\n(?![ \t]*(?:\n|$)))+[.!?]*"
)
# "Raj, your point about ..." at the start of a sentence.
LEADING = re.compile(
    rf"\s*({TITLED}{NAME}(?:[ \t]+{NAME})?),[ \t]+"
    r"(?=[a-z]|I\b|I['’]|It\b|Thank|Your\b|You\b|What\b|How\b|Again\b)"
)
# The next word of a list or an apposition, not of a sentence spoken to someone.
NOT_SPOKEN_TO = re.compile(
    r"(?:who|whom|whose|which|the|a|an|our|my|his|her|their|and|or|along|together|as|like|"
    r"from|of|at|in|with|plus|both)\b"
)
# ", Raj," or ", Raj." after "you"/"thanks" in the same sentence.
TRAILING = re.compile(
    rf"(?<![&])(?<!\band),[ \t]+({TITLED}{NAME}(?:[ \t]+{NAME})?)[ \t]*(?=[,.!?;:—–]|[ \t]+-|$)",
    re.MULTILINE,
)


class WrongRecipient(Rule):
    """A greeting or body addressed to another interviewer than the note's recipient.

    Why: a note that greets the wrong person ("Dear Hannah," in the note to
    Rosa) was copied from another note and not read again; the reader will
    notice it first, and the note does more harm than no note. The greeting
    and any sentence that speaks to someone by name ("Thank you, Raj, for
    ...") must name the note's recipient. Naming another interviewer in the
    third person ("Raj mentioned ...") is fine. A greeting to an interviewer
    of another application (a note copied from another loop) is flagged too.
    Silent when the note's recipient is not known.

    Bad (a note with `to: Maria Gonzalez`):

        Dear Raj,
        Thank you, Raj, for walking me through the roadmap.

    Good:

        Dear Maria,
        Raj mentioned that your team reviews every prototype.

    Options: none.
    """

    slug = "wrong-recipient"
    code = "NL202"
    scope = "corpus"  # a greeting may name an interviewer of another application
    severity = Severity.ERROR

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.nicknames = names.nickname_table(lists.get("name-nicknames", ()))
        self.stop = {fold(w) for w in lists.get("generic-addressees", ())} | names.HONORIFIC_KEYS
        self.person_nouns = {
            fold(w) for w in lists.get("person-nouns", ()) + lists.get("title-words", ())
        }

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        interview = context.interview
        recipient = note.recipient
        if interview is None or recipient is None:
            return
        people = context.of_run(
            f"wrong-recipient:people:{interview.path}",
            lambda: People(interview.interviewers, self.nicknames),
        )
        greeting = names.greeting_mentions(note, self.stop)
        if greeting and not any(recipient in self._who(m, people) for m in greeting):
            for mention in greeting:
                yield from self._wrong(mention, people, recipient, "the greeting addresses")
                if not self._who(mention, people):
                    yield from self._elsewhere(mention, context, recipient)
        for mention in self._addressed(note):
            yield from self._wrong(mention, people, recipient, "this sentence speaks to")

    def _who(self, mention: Mention, people: People) -> set[Interviewer]:
        """The interviewers a mention names: exactly, or by a near miss."""
        found = names.resolve(mention, people)
        if found:
            return found
        candidates: set[Interviewer] | None = None
        for word in mention.words:
            named = people.exact(word.key)
            if not named:
                close = people.near(word.key)
                named = {close.part.person} if close else set()
            candidates = named if candidates is None else candidates & named
        return candidates or set()

    def _elsewhere(
        self, mention: Mention, context: Context, recipient: Interviewer
    ) -> Iterator[Hit]:
        """A greeting to an interviewer of another application: a note copied
        from another loop. Not a first name alone that begins as the
        recipient's does ("Tomek" to Tomasz): a nickname of theirs."""
        first = fold(recipient.name.split()[0])
        if len(mention.words) == 1 and prefix_length(mention.words[0].key, first) >= 3:
            return
        if not mention.words:
            return
        applications = context.of_run(
            "wrong-recipient:applications",
            lambda: names.Applications(context.corpus, set(), self.nicknames),
        )
        for other in applications.by_person(mention.words[0].key):
            if other is context.interview or not other.interviewers:
                continue
            found = names.resolve(mention, People(other.interviewers, self.nicknames))
            if found:
                named = " or ".join(sorted(p.name for p in found))
                yield Hit(
                    f"the greeting addresses '{' '.join(w.text for w in mention.words)}' "
                    f"({named}, of {other.company}, folder {other.folder.name}), but this "
                    f"note is to {recipient.name}",
                    mention.words[0].start,
                    mention.words[-1].end,
                )
                return

    def _wrong(
        self, mention: Mention, people: People, recipient: Interviewer, what: str
    ) -> Iterator[Hit]:
        who = self._who(mention, people)
        if not who or recipient in who:
            return
        named = " or ".join(sorted(p.name for p in who))
        shown = " ".join(w.text for w in mention.words)
        yield Hit(
            f"{what} '{shown}' ({named}), but this note is to {recipient.name}",
            mention.words[0].start,
            mention.words[-1].end,
        )

    def _addressed(self, note: Note) -> Iterator[Mention]:
        """Names used to speak to someone in the body: "Raj, your ..." and
        "Thank you, Raj, ..."."""
        start, end = anatomy(note).content
        text = note.body[start:end]
        for sentence in SENTENCE.finditer(text):
            body = sentence.group()
            offset = start + sentence.start()
            lowered = {w.lower() for w in re.findall(r"[A-Za-z]+", body)}
            if not lowered & ADDRESS:
                continue
            lead = LEADING.match(body)
            if (
                lead
                and lowered & {"you", "your", "yours"}
                and not NOT_SPOKEN_TO.match(body, lead.end())
            ):
                yield _vocative(lead.group(1), offset + lead.start(1))
            for match in TRAILING.finditer(body):
                before = body[: match.start()].lower()
                # "Thank you, Raj." or, set between commas, "What stayed with
                # me, Renata, is your insistence ...": spoken to.
                between_commas = body[match.end() : match.end() + 1] == ","
                if not re.search(r"\b(?:you|thanks|thank)\b", before) and not (
                    between_commas and re.search(r"\b(?:you|your)\b", body[match.end() :].lower())
                ):
                    continue
                following = body[match.end() : match.end() + 40]
                if re.match(r",?\s*(?:and|or|&)\b|,\s*[A-Z][\w'’-]*\s*(?:,|and\b|&)", following):
                    continue  # a list of people: "you, Raj and Kim"
                noun = re.search(r"([A-Za-z'’-]+)\s*$", body[: match.start()])
                if noun and fold(noun.group(1)) in self.person_nouns:
                    continue  # an apposition: "your colleague, Maria,"
                yield _vocative(match.group(1), offset + match.start(1))


def _vocative(text: str, offset: int) -> Mention:
    """The name someone is spoken to by, its honorific set aside."""
    found = tuple(w for w in names.words(text, offset) if w.key not in names.HONORIFIC_KEYS)
    return Mention(found, "vocative", honorific=len(found) < len(names.words(text)))
