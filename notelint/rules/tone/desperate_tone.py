from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from notelint.analysis.anatomy import anatomy
from notelint.core.model import Hit, Interview, Note, Severity
from notelint.core.patterns import Pattern
from notelint.nlp import phrase_finder
from notelint.rule import Context, Rule

PATTERNS = "tone-patterns"
# Cues harmless alone, anxious together (in two sentences or more).
NEEDY = (
    "needy-availability",
    "needy-self-doubt",
    "needy-anything",
    "needy-hardship",
    "needy-chasing",
)
KINDS = {
    "tone-pleading": "pleading",
    "tone-pressure": "pressure",
    "tone-guilt": "guilt",
}
# "!!", "??" or three marks in a row ("?!?"); a lone "?!" is fine.
REPEATED = re.compile(r"[!?]*(?:!!|\?\?)[!?]*|[!?]{3,}")
# A shouted word: four or more capitals, no lower case.
SHOUTED = re.compile(r"[A-Z][A-Z'’]{3,}")
VOWELS = re.compile(r"[AEIOUY]")


# A template's field; an opening bracket ends the search, so "[[[[" is linear.
BRACKETED = re.compile(r"\[[^\[\]\n]*\]|\{[^{}\n]*\}|<[^<>\n]*>")
ADVICE = "say what you offer, not what you need"


class DesperateTone(Rule):
    """Pleading, pressure, guilt, repeated "!!" or "??", or shouting in capitals.

    Why: a note that begs for the job ("I really need this job"), demands an
    answer ("I need an answer by Friday"), reproaches the reader ("I have been
    waiting for two weeks"), or raises its voice ("!!", "PLEASE CALL ME")
    tells the reader the candidate is anxious, not that they are the right
    hire. Confidence reads as competence. Enthusiasm is welcome: one cheerful
    "!", "I'm really excited about this role", "Please let me know if you need
    anything else" and a polite nudge ("I'd be grateful for an update") are
    fine. Shouting needs two or more words of four or more capitals that are
    not acronyms (organisations, the words of interview.yaml, the
    `known-acronyms` list).

    Bad:

        Thank you so much!!! I really need this job, and I need an answer
        by Friday because I have another offer. PLEASE CALL ME.

    Good:

        Thank you for Tuesday's conversation! I'm really excited about the
        role, and I'd be glad to send anything else that would help.

    Neediness no one phrase shows is read from cues that are harmless alone
    and anxious together: two or more sentences with a cue of the
    `needy-availability`, `needy-self-doubt`, `needy-anything`,
    `needy-hardship` or `needy-chasing` lists ("I can cancel all my plans",
    "I'll keep my phone with me") give one finding for the note.

    Options: none. The phrases are the `tone-pleading`, `tone-pressure`,
    `tone-guilt` and `known-acronyms` lists of rules/tone.yaml (matched on
    lemmas; extend them in a rule pack), and `tone-patterns`, regular
    expressions for what a phrase cannot spell out ("nobody wants this more
    than I do", "did you get my last three e-mails?").
    """

    slug = "desperate-tone"
    code = "NL601"
    severity = Severity.WARNING
    requires = frozenset({"lemma", "ents", "dep"})

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.matcher = phrase_finder(nlp, {k: lists.get(k, ()) for k in KINDS})
        self.needy = phrase_finder(nlp, {k: lists.get(k, ()) for k in NEEDY})
        self.acronyms = {a.upper() for a in lists.get("known-acronyms", ())}
        self.patterns = [Pattern(p) for p in lists.get(PATTERNS, ())]
        self.demand_verbs = set(lists.get("demand-verbs", ()))
        self.demanded = set(lists.get("demanded-things", ()))
        self.deadline_words = set(lists.get("deadline-words", ()))
        self.words = _dictionary(nlp)

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        hits = [*self._phrases(note), *self._repeated(note), *self._shouting(note, context)]
        hits += [
            h
            for h in self._patterns(note)
            if not any(h.start < o.end and o.start < h.end for o in hits)
        ]
        for more in (self._demands(note), self._needy(note)):
            hits += [h for h in more if not any(h.start < o.end and o.start < h.end for o in hits)]
        return sorted(hits, key=lambda h: (h.start, h.end))

    def _patterns(self, note: Note) -> Iterator[Hit]:
        """The `tone-patterns` of the rule packs, in the note's own prose."""
        parts = anatomy(note)
        end = parts.signature[0] if parts.signature else len(note.body)
        taken: list[tuple[int, int]] = []
        for pattern in self.patterns:
            for match in pattern.finditer(note.body, parts.content[0], end):
                if any(s < match.end() and match.start() < e for s, e in taken):
                    continue  # two patterns on one phrase: one finding
                taken.append(match.span())
                yield Hit(
                    f"pleading: '{match.group()}' sounds desperate; {ADVICE}",
                    match.start(),
                    match.end(),
                )

    def _demands(self, note: Note) -> Iterator[Hit]:
        """Pressure the phrase list cannot spell out, read from the parse: "I
        need/expect an answer (from you) by Friday", "I need your decision today"."""
        for token in note.doc or ():
            if token.lemma_ not in self.demand_verbs or token.pos_ not in ("VERB", "AUX"):
                continue
            subject = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ == "i"]
            if not subject or _reported(token):
                continue
            wanted = [c for c in token.children if c.dep_ == "dobj" and c.lemma_ in self.demanded]
            deadline = [t for t in token.subtree if t.lower_ in self.deadline_words]
            if wanted and deadline:
                # "Today I need an answer": the deadline may come first.
                involved = [*subject, token, *wanted, *deadline]
                start = min(t.idx for t in involved)
                end = max(t.idx + len(t) for t in involved)
                yield Hit(
                    f"pressure: '{note.body[start:end]}' sounds desperate; {ADVICE}",
                    start,
                    end,
                )

    def _needy(self, note: Note) -> Iterator[Hit]:
        """Neediness no one phrase shows: cues of the `needy-*` lists in two
        sentences or more of the note's own prose ("I can cancel all my other
        plans", "I will keep my phone with me"), reported once, at the first."""
        if note.doc is None:
            return
        start, end = anatomy(note).content
        cues = [
            note.doc[s:e]
            for _, s, e in self.needy(note.doc)
            if start <= note.doc[s].idx and note.doc[e - 1].idx < end
        ]
        if len({cue.sent.start for cue in cues}) < 2:
            return
        shown = ", ".join(f"'{cue.text}'" for cue in cues[:3])
        first = cues[0]
        yield Hit(
            f"needy: {shown} together sound anxious; {ADVICE}",
            first.start_char,
            first.end_char,
        )

    def _phrases(self, note: Note) -> Iterator[Hit]:
        if note.doc is None:
            return
        doc = note.doc
        taken_until = -1
        for label, start, end in self.matcher(doc):
            if start < taken_until:
                continue  # inside a longer phrase already reported
            taken_until = end
            kind = KINDS[label]
            span = doc[start:end]
            yield Hit(
                f"{kind}: '{span.text}' sounds desperate; {ADVICE}",
                span.start_char,
                span.end_char,
            )

    def _repeated(self, note: Note) -> Iterator[Hit]:
        for match in REPEATED.finditer(note.body):
            yield Hit(
                f"repeated punctuation '{_shortened(match.group())}': one '!' or '?' is enough",
                match.start(),
                match.end(),
            )

    def _shouting(self, note: Note, context: Context) -> Iterator[Hit]:
        parts = anatomy(note)
        end_of_text = parts.signature[0] if parts.signature else len(note.body)
        start_of_text = parts.header[1] if parts.header else 0  # a letter's address block
        interview = context.interview
        known = context.of_run(  # the words in capitals that are no shouting, once a run
            f"desperate-tone:known:{interview.path if interview else ''}",
            lambda: self.acronyms | _interview_words(interview),
        )
        bracketed = [m.span() for m in BRACKETED.finditer(note.body)]
        shouted = []
        for match in SHOUTED.finditer(note.body, start_of_text, end_of_text):
            word = match.group().rstrip("'’")
            start, end = match.span()
            if any(s <= start < e for s, e in bracketed):
                continue  # "[COMPANY NAME]": a template's field, template-placeholder's to flag
            if start > 0 and (note.body[start - 1].isalnum() or note.body[start - 1] in "-_/@.&"):
                continue  # part of a code, a path or an address
            if end < len(note.body) and (note.body[end].isalnum() or note.body[end] in "-_/@&"):
                continue
            if word in known or word.rstrip("S") in known or not VOWELS.search(word):
                continue
            if self.words is not None and not self._is_word(word.lower()):
                continue  # not an English word: an acronym or a code
            shouted.append((start, start + len(word)))
        if len(shouted) >= 2:
            start, end = shouted[0][0], shouted[-1][1]
            if "\n" in note.body[start:end] or "\r" in note.body[start:end]:
                end = shouted[0][1]  # a span on one line: the first shouted word
            words = ", ".join(f"'{note.body[s:e]}'" for s, e in shouted[:4])
            yield Hit(f"shouting in capitals ({words}): write in sentence case", start, end)

    def _is_word(self, word: str) -> bool:
        stems = {word, word[:-1], word[:-2], word[:-3], word[:-3] + "e", word[:-2] + "e"}
        return any(stem in self.words for stem in stems if len(stem) >= 3)


# Verbs that report what someone else said: "you told me I should expect an
# answer by the 13th" is their promise, not the candidate's demand.
SAYING = {"tell", "say", "mention", "promise", "explain", "write", "assure"}


def _reported(verb) -> bool:
    """The verb is inside what another person said, or says what the
    candidate was led to expect ("I should expect")."""
    if any(c.dep_ == "aux" and c.lower_ in ("should", "might") for c in verb.children):
        return True
    while verb.dep_ in ("ccomp", "xcomp", "conj") and verb.head is not verb:
        verb = verb.head
        if verb.lemma_.lower() in SAYING:
            return True
    return False


def _shortened(marks: str) -> str:
    return marks if len(marks) <= 6 else marks[:3] + "…"


def _dictionary(nlp) -> frozenset[str] | None:
    """English words: the lemmatizer's word index (WordNet) and stop words.
    An all-capitals token that is none of these is an acronym, not shouting."""
    if "lemmatizer" not in nlp.pipe_names:
        return None
    try:
        index = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")
    except (KeyError, AttributeError):
        return None
    # Acronyms hide among WordNet's short nouns (NASA, NIST, USDA): a noun
    # counts as a word only when it is not that short.
    words = {w for pos in ("verb", "adj", "adv") for w in index.get(pos, ())}
    words |= {w for w in index.get("noun", ()) if len(w) >= 6}
    return frozenset(words | set(nlp.Defaults.stop_words))


def _interview_words(interview: Interview | None) -> set[str]:
    """Every word written in capitals in interview.yaml: acronyms of the job."""
    if interview is None:
        return set()
    return {w for t in interview.texts() for w in re.findall(r"\w+", t) if w.isupper()}
