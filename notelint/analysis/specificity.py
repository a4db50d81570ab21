"""How specific a note is, and which points of the conversation it echoes.

Shared by `generic-phrasing`, `duplicate-note`, `missing-interview-point` and
`hiring-manager-detail`, so that "specific" means one thing everywhere.

A point of the conversation ("usability testing with older users") is
*echoed* when the note's content (greeting and signature set aside) says
something close to it:

- its key words: content-word lemmas of the point, minus the words every
  template uses (`generic-words`), matched on lemmas, on a shared stem
  ("collaborate" / "collaboration", "hour" / "hourly") or as a near
  spelling (rapidfuzz); one matched noun, proper noun or number is enough;
  a verb, an adjective, a word of the company, the role or a title (they
  are in every note of the application) or a synonym from the `synonyms`
  list counts half;
- one of its noun chunks, or the whole point, found nearly verbatim in the
  note (rapidfuzz partial ratio);
- when the pipeline has word vectors, a sentence of the note close in
  meaning to the point.

A note's *specific content* is what a template could not have said: echoed
points, named entities other than the company, the role and the
interviewers (a product, a place, another organisation, a figure), numbers,
and distinct nouns that are neither generic nor part of a stock phrase.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from rapidfuzz import fuzz

from notelint.analysis.anatomy import HONORIFICS, anatomy
from notelint.analysis.words import SameWords
from notelint.core.model import Interview, Interviewer, Note
from notelint.core.text import words as text_words
from notelint.inputs.datafiles import builtin_list
from notelint.nlp import phrase_matcher

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

T = TypeVar("T")
TEMPLATE_VERBS = builtin_list("template-verbs")  # what a template says the candidate did
DURATION_UNITS = builtin_list("duration-units")
STOCK_PHRASES = "stock-phrases"
TEMPLATE_SENTENCES = "template-sentences"
CONVERSATION_CUES = "conversation-cues"
TEMPLATE_GRAM = 3  # words in a row that, found in a template sentence, are template
GENERIC_WORDS = "generic-words"
SYNONYMS = "synonyms"
SYNONYM_WEIGHT = 0.5  # a key word found only through a synonym counts half

CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "NUM"}
STRONG_POS = {"NOUN", "PROPN", "NUM"}  # one match of these echoes a point
SPECIFIC_ENTITIES = {
    "PERSON",
    "ORG",
    "PRODUCT",
    "EVENT",
    "WORK_OF_ART",
    "LAW",
    "LANGUAGE",
    "FAC",
    "GPE",
    "LOC",
    "NORP",
    "MONEY",
    "PERCENT",
    "QUANTITY",
    "CARDINAL",
}
ROLE_HEADS = builtin_list("role-nouns")
# Weights of the specificity score: an echoed point weighs most.
POINT_WEIGHT = 3.0
ENTITY_WEIGHT = 2.0
NUMBER_WEIGHT = 1.0
NOUN_WEIGHT = 1.0


def weighted(points, names, figures, noun_score: float) -> float:
    """One score for what is specific: an echoed point weighs most, then a
    name, then a figure, then the nouns' own weight."""
    return (
        POINT_WEIGHT * len(points)
        + ENTITY_WEIGHT * len(names)
        + NUMBER_WEIGHT * len(figures)
        + noun_score
    )


@dataclass(frozen=True)
class Specificity:
    """What in a note is specific to its conversation."""

    points: tuple[str, ...] = ()  # the interview's points the note echoes
    entities: tuple[str, ...] = ()  # named things other than company, role, interviewers
    numbers: tuple[str, ...] = ()  # figures written with digits
    nouns: tuple[str, ...] = ()  # distinct specific noun lemmas
    stock: tuple[tuple[int, int], ...] = field(default=(), compare=False)  # stock phrase spans
    noun_score: float = 0.0  # the nouns' weight (a noun of the role's words counts half)

    @property
    def score(self) -> float:
        return weighted(self.points, self.entities, self.numbers, self.noun_score)

    def describe(self) -> str:
        """A short account of the specifics, for messages."""
        parts = []
        if self.points:
            parts.append(
                f"{len(self.points)} point{'s' * (len(self.points) > 1)} of the conversation"
            )
        if self.entities or self.numbers:
            n = len(self.entities) + len(self.numbers)
            parts.append(f"{n} name{'s' * (n > 1)} or figure{'s' * (n > 1)}")
        if self.nouns:
            parts.append(f"{len(self.nouns)} specific term{'s' * (len(self.nouns) > 1)}")
        return ", ".join(parts) or "nothing specific"


@dataclass(frozen=True)
class _Point:
    text: str
    keys: tuple[tuple[str, float], ...]  # (lemma, weight)
    chunks: tuple[str, ...]  # lower-case noun chunks with two or more key words
    doc: Doc


class Analyzer:
    """Built once a run from the pipeline and the word lists of the rule
    packs (`Facts.specificity`); it keeps what it learns of each note of
    the run, by the note's path."""

    def __init__(
        self,
        nlp: Language,
        lists: Mapping[str, Sequence[str]],
        parse: Callable[[str], Doc] | None = None,
    ):
        self.nlp = nlp
        self.parse = parse or nlp  # the parse of an interview's text (Facts.doc)
        self.generic = frozenset(w.lower() for w in lists.get(GENERIC_WORDS, ()))
        phrases = tuple(lists.get(STOCK_PHRASES, ()))
        self.stock_matcher = (
            phrase_matcher(nlp, {STOCK_PHRASES: phrases}, True) if phrases else None
        )
        self.synonyms: dict[str, set[str]] = {}
        for line in lists.get(SYNONYMS, ()):
            group = {w.strip().lower() for w in line.split(",") if w.strip()}
            for word in group:
                self.synonyms.setdefault(word, set()).update(group - {word})
        # Without a tagger and a parser (a blank pipeline) nothing can be judged.
        self.usable = {"tagger", "parser"} <= set(nlp.pipe_names) or {
            "morphologizer",
            "parser",
        } <= set(nlp.pipe_names)
        self.has_vectors = (
            bool(nlp.vocab.vectors.shape[0]) if nlp.vocab.vectors is not None else False
        )
        self.cues = frozenset(w.lower() for w in lists.get(CONVERSATION_CUES, ()))
        self.template_grams = _grams(nlp, tuple(lists.get(TEMPLATE_SENTENCES, ())))
        self._points: dict[tuple[str, frozenset[str]], _Point] = {}

        self._cache: dict[tuple, object] = {}  # what it learned of the run's notes
        self._interview_words: dict[
            tuple[str, ...], frozenset[str]
        ] = {}  # interview texts -> words

    def for_next_run(self) -> Analyzer:
        """This analyzer for another run of a long session (the language
        server): what it built from the pipeline, the word lists and the
        interview points is kept; what it learned of each note is not."""
        fresh = copy.copy(self)
        fresh._cache = {}
        return fresh

    def _once(self, note: Note, what: tuple, compute: Callable[[], T]) -> T:
        """`compute()`, once a run for `what` of `note` (by its path and body:
        a caller that hands one path another text gets it judged again)."""
        key = (note.path, note.body, *what)
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]  # type: ignore[return-value]

    def _words_of(self, texts: Iterable[str]) -> frozenset[str]:
        """The folded words of an interview's texts, split once a run."""
        texts = tuple(texts)
        if texts not in self._interview_words:
            self._interview_words[texts] = frozenset(w for t in texts for w in _words(t))
        return self._interview_words[texts]

    # -- the interview's words ------------------------------------------------
    def context_words(self, interview: Interview | None) -> frozenset[str]:
        """Words of the company, the role and the interviewers' names and titles:
        every note of the application may use them, so alone they prove nothing."""
        if interview is None:
            return frozenset()
        texts = (
            "\0context",
            *interview.texts("company", "role", "current_employer", "name", "title"),
        )
        if texts not in self._interview_words:
            self._interview_words[texts] = self._words_of(texts[1:]) | HONORIFICS
        return self._interview_words[texts]

    def name_words(self, interview: Interview | None) -> frozenset[str]:
        if interview is None:
            return frozenset()
        return self._words_of(interview.texts("name"))

    def point(self, text: str, weak: frozenset[str]) -> _Point:
        key = (text, weak)
        found = self._points.get(key)
        if found is None:
            doc = self.parse(text)
            keys: dict[str, float] = {}
            for token in doc:
                lemma = _lemma(token)
                if not self._content(token):
                    continue
                weight = 1.0 if token.pos_ in STRONG_POS else 0.5
                if lemma in weak or token.lower_ in weak:
                    weight = 0.5  # the company's or the role's own words count half
                keys[lemma] = max(weight, keys.get(lemma, 0.0))
            chunks = tuple(
                chunk.text.lower()
                for chunk in _noun_chunks(doc)
                if sum(1 for t in chunk if _lemma(t) in keys) >= 2
            )
            found = _Point(text, tuple(keys.items()), chunks, doc)
            self._points[key] = found
        return found

    def judgeable(self, text: str, interview: Interview | None) -> bool:
        """A point with no key word ("the team culture") cannot be looked for."""
        return bool(self.point(text, self.context_words(interview)).keys)

    # -- a note ---------------------------------------------------------------
    def content_tokens(self, note: Note) -> list[Token]:
        """The tokens of the note's content (listed once a run)."""
        if note.doc is None:
            return []

        def compute():
            start, end = anatomy(note).content
            return [t for t in note.doc if start <= t.idx < end]

        return self._once(note, ("content",), compute)

    def stock_spans(self, note: Note) -> list[tuple[int, int]]:
        """Body offsets of the stock phrases in the note's content, merged."""
        if self.stock_matcher is None or note.doc is None:
            return []
        start, end = anatomy(note).content
        spans = sorted(
            (s.start_char, s.end_char)
            for s in self.stock_matcher(note.doc, as_spans=True)
            if start <= s.start_char < end
        )
        merged: list[tuple[int, int]] = []
        for s, e in spans:
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        return merged

    def echoes(
        self, note: Note, points: Iterable[str], interview: Interview | None
    ) -> tuple[str, ...]:
        """The points (in their order) that the note echoes."""
        points = tuple(points)
        if not points or note.doc is None:
            return ()
        weak = self.context_words(interview)
        return tuple(p for p in points if self._echoed(note, p, weak))

    def _echoed(self, note: Note, point: str, weak: frozenset[str]) -> bool:
        """Whether the note echoes one point (judged once a run)."""

        def compute():
            return self._echoes(self.point(point, weak), *self._said(note))

        return self._once(note, ("echoes", point, weak), compute)

    def _said(self, note: Note) -> tuple[SameWords, str, list[Token]]:
        """The note's content as points are looked for in it: its content
        words (lemmas and forms), its text in lower case, its tokens."""

        def compute():
            tokens = self.content_tokens(note)
            content = [t for t in tokens if self._content(t, generic=False)]
            words = SameWords({_lemma(t) for t in content} | {t.lower_ for t in content})
            return words, " ".join(t.lower_ for t in tokens), tokens

        return self._once(note, ("said",), compute)

    def _echoes(self, point: _Point, words: SameWords, text: str, tokens: list[Token]) -> bool:
        matched = 0.0
        for key, weight in point.keys:
            if key in words:
                if weight >= 1.0:
                    return True
                matched += weight
            elif self.synonyms.get(key, set()) & words.words:
                matched += weight * SYNONYM_WEIGHT
        if matched >= 1.0:
            return True
        # (a score under the cutoff is 0: rapidfuzz stops as soon as it cannot reach it)
        if any(fuzz.partial_ratio(chunk, text, score_cutoff=90) for chunk in point.chunks):
            return True
        if len(point.text) >= 12 and fuzz.partial_ratio(point.text.lower(), text, score_cutoff=90):
            return True
        if self.has_vectors and point.doc.has_vector and tokens:
            doc = tokens[0].doc
            for sent in doc.sents:
                if sent.has_vector and sent.vector_norm and point.doc.similarity(sent) >= 0.85:
                    return True
        return False

    def specificity(self, note: Note, interview: Interview | None) -> Specificity:
        """The specific content of a note (computed once a run)."""
        if note.doc is None:
            return Specificity()
        key = ("specificity", str(interview.path) if interview else None)
        return self._once(note, key, lambda: self._specificity(note, interview))

    def _specificity(self, note: Note, interview: Interview | None) -> Specificity:
        stock = self.stock_spans(note)
        tokens = [t for t in self.content_tokens(note) if not _inside(t.idx, stock)]
        known = self.context_words(interview)
        points = tuple(
            p for person in (interview.interviewers if interview else ()) for p in person.points
        )
        echoed = self.echoes(note, dict.fromkeys(points), interview)
        content = set(tokens)
        entities: dict[str, None] = {}
        skipped: set[int] = set()  # tokens of entities that prove nothing
        for ent in note.doc.ents:
            if ent.label_ not in SPECIFIC_ENTITIES or not all(t in content for t in ent):
                continue
            words = set(_words(ent.text))
            if (
                not words
                or words <= known | self.generic  # the company, the role, an interviewer
                or (interview is None and ent.label_ == "ORG")  # may be the company
                or any(_in_role_title(t) for t in ent)  # "the Product Manager position"
            ):
                skipped.update(t.i for t in ent)
                continue
            if (
                ent.label_ == "CARDINAL"
                and not any(c.isdigit() for c in ent.text)
                and len(ent) == 1
            ):
                continue  # "one of the things" / "two of my patients": too weak alone
            if ent.label_ == "CARDINAL" and _duration(ent):
                skipped.update(t.i for t in ent)
                continue  # "a 30-60-90 day plan", "a 90 day review": a template's figure
            entities[ent.text] = None
        numbers = {
            t.text: None
            for t in tokens
            if any(c.isdigit() for c in t.text)
            and t.i not in skipped
            and not any(t.text in e for e in entities)
        }
        company = frozenset(_words(interview.company)) if interview else frozenset()
        nouns: dict[str, float] = {}
        for t in tokens:
            lemma = _lemma(t)
            if (
                t.pos_ not in {"NOUN", "PROPN"}
                or not self._content(t)
                or not t.is_alpha
                or len(t.text) < 3
                or _in_role_title(t)
                or t.ent_type_ in {"DATE", "TIME", "ORDINAL"}
                or lemma in company
                or t.lower_ in company
                or t.i in skipped
            ):
                continue
            weight = NOUN_WEIGHT
            if lemma in known or t.lower_ in known or _bare(t):
                weight = NOUN_WEIGHT / 2  # the role's words; "a passion for science"
            nouns[lemma] = max(weight, nouns.get(lemma, 0.0))
        return Specificity(
            echoed,
            tuple(entities),
            tuple(numbers),
            tuple(nouns),
            tuple(stock),
            sum(nouns.values()),
        )

    def personal(self, note: Note, interview: Interview | None) -> Personal:
        """How much of the note only this conversation could have produced.

        Template words (three in a row found in a template sentence) count
        for nothing. What is left counts by how specific it is: a point of
        the recipient's conversation echoed, a name or a figure other than
        the company, the role and the interviewers, and the nouns outside
        the generic words, each by its rarity in English (`wordfreq`), double
        in a sentence that points back at the conversation ("you mentioned",
        "touring the plant")."""
        if note.doc is None:
            return Personal()
        tokens = [t for t in self.content_tokens(note) if not (t.is_punct or t.is_space)]
        covered = self._template_covered(tokens)
        found = self.specificity(note, interview)
        everyone = tuple(
            p for person in (interview.interviewers if interview else ()) for p in person.points
        )
        mine = note.recipient.points if note.recipient is not None else ()
        points = tuple(p for p in found.points if p in (mine or everyone))
        parts = anatomy(note)
        # The inside address names the recipient, the company and its street:
        # every note to them may say those words.
        header = frozenset(_words(note.body[slice(*parts.header)])) if parts.header else frozenset()
        known = self.context_words(interview) | header
        company = frozenset(_words(interview.company)) if interview else frozenset()
        free = [t for t in tokens if t.i not in covered]
        entities = tuple(
            e
            for e in found.entities
            if not set(_words(e)) <= header and any(c.isupper() or c.isdigit() for c in e)
        )
        named = {t.i for ent in note.doc.ents if ent.text in found.entities for t in ent}
        cued = {t.sent.start for t in tokens if _lemma(t) in self.cues or _own_deed(t)}
        nouns: dict[str, float] = {}
        for t in free:
            lemma = _lemma(t)
            if (
                t.pos_ not in {"NOUN", "PROPN"}
                or t.i in named
                or not self._content(t)
                or not t.is_alpha
                or len(t.text) < 3
                or _in_role_title(t)
                or t.ent_type_ in {"DATE", "TIME", "ORDINAL", "ORG"}
                or lemma in known
                or t.lower_ in known
                or lemma in company
            ):
                continue
            weight = rarity(lemma) * (CUED_WEIGHT if t.sent.start in cued else UNCUED_WEIGHT)
            nouns[lemma] = max(weight, nouns.get(lemma, 0.0))
        figures = [e for e in entities if any(c.isdigit() for c in e)] + list(found.numbers)
        names = [e for e in entities if not any(c.isdigit() for c in e)]
        return Personal(
            points=points,
            names=tuple(names),
            figures=tuple(figures),
            nouns=tuple(sorted(nouns, key=nouns.get, reverse=True)),
            noun_score=sum(nouns.values()),
            words=sum(1 for t in tokens if t.is_alpha),
            template_share=len(covered) / len(tokens) if tokens else 0.0,
        )

    def _template_covered(self, tokens: list[Token]) -> set[int]:
        """Indexes of the tokens inside a run of `TEMPLATE_GRAM` lemmas that
        a template sentence also has."""
        covered: set[int] = set()
        lemmas = [_lemma(t) for t in tokens]
        for i in range(len(lemmas) - TEMPLATE_GRAM + 1):
            if tuple(lemmas[i : i + TEMPLATE_GRAM]) in self.template_grams:
                covered.update(t.i for t in tokens[i : i + TEMPLATE_GRAM])
        return covered

    def _content(self, token: Token, generic: bool = True) -> bool:
        if token.pos_ not in CONTENT_POS or token.is_stop or token.is_punct:
            return False
        if not any(c.isalnum() for c in token.text):
            return False
        lemma = _lemma(token)
        return not (generic and (lemma in self.generic or token.lower_ in self.generic))


@dataclass(frozen=True)
class Personal:
    """What in a note is personal to its recipient's conversation."""

    points: tuple[str, ...] = ()  # the recipient's points the note echoes
    names: tuple[str, ...] = ()  # named things other than company, role, interviewers
    figures: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()  # specific nouns outside template wording, most specific first
    noun_score: float = 0.0
    words: int = 0  # words of the content
    template_share: float = 0.0  # the share of the content that is template wording

    @property
    def score(self) -> float:
        return weighted(self.points, self.names, self.figures, self.noun_score)


CUED_WEIGHT, UNCUED_WEIGHT = 1.5, 0.4  # a noun said of the conversation, any other
COMMON_ZIPF, RARE_ZIPF = 5.5, 2.5  # "time", "team": common; "sequencer": rare
LEAST, MOST = 0.25, 1.5  # the weight of a common and of a rare word


def rarity(word: str) -> float:
    """How specific a word is, from 0.25 (as common as "time") to 1.5 (as
    rare as "sequencer"), by its frequency in English (wordfreq's Zipf
    scale: 5.5 and above common, 2.5 and below rare; the small word list
    knows words down to about 3, and rarer ones count as rare)."""
    zipf = _zipf().get(word.lower(), 0.0)
    share = min(1.0, max(0.0, (COMMON_ZIPF - zipf) / (COMMON_ZIPF - RARE_ZIPF)))
    return LEAST + share * (MOST - LEAST)


@cache
def _zipf() -> dict[str, float]:
    """word -> its Zipf frequency, from wordfreq's small English list. The
    list is read from its file in wordfreq's documented cBpack format (a
    gzipped msgpack list: a header, then the words of each centibel band),
    because importing wordfreq costs a hook a tenth of a second for a
    tokenizer a lemma does not need; wordfreq's own reader is the fallback."""
    import gzip
    import importlib.util

    import msgpack

    try:
        spec = importlib.util.find_spec("wordfreq")
        folder = Path(next(iter(spec.submodule_search_locations)))  # type: ignore[union-attr]
        with gzip.open(folder / "data" / "small_en.msgpack.gz", "rb") as packed:
            header, *bands = msgpack.load(packed, raw=False)
        if header != {"format": "cB", "version": 1}:
            raise ValueError(f"unexpected header {header!r}")
    except (OSError, ValueError, TypeError, StopIteration):
        from wordfreq import get_frequency_list

        bands = get_frequency_list("en", "small")
    # a band's index is minus its frequency in centibels: Zipf is log10 of
    # the frequency per billion words
    return {word: 9 - index / 100 for index, band in enumerate(bands) for word in band}


def _own_deed(token: Token) -> bool:
    """ "I ran", "I've built": the candidate telling what they did."""
    if token.lower_ != "i" or token.dep_ != "nsubj":
        return False
    verb = token.head
    done = verb.tag_ == "VBD" or (
        verb.tag_ == "VBN" and any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
    )
    return done and verb.lemma_.lower() not in TEMPLATE_VERBS


def _grams(nlp: Language, sentences: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    """The lemma runs of `TEMPLATE_GRAM` words of the template sentences
    (lemmas through the cache of `nlp.phrase_lemmas`)."""
    if not sentences:
        return frozenset()
    from notelint.nlp import phrase_lemmas

    grams = set()
    for words, lemmas in phrase_lemmas(nlp, tuple(s.lower() for s in sentences)):
        kept = [
            (lemma or word).lower()
            for word, lemma in zip(words, lemmas, strict=True)
            if any(c.isalnum() for c in word)
        ]
        grams.update(
            tuple(kept[i : i + TEMPLATE_GRAM]) for i in range(len(kept) - TEMPLATE_GRAM + 1)
        )
    return frozenset(grams)


def points_of(recipient: Interviewer | None) -> tuple[str, ...]:
    return recipient.points if recipient is not None else ()


def _duration(ent: Span) -> bool:
    """A number that counts time ("30-60-90 day plan"), not a fact of the talk."""
    following = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return following is not None and following.lemma_.lower() in DURATION_UNITS


def _bare(token: Token) -> bool:
    """A common noun with no determiner or modifier: "experience in biology"."""
    if token.pos_ == "PROPN":
        return False
    return (
        not any(
            c.dep_ in {"det", "poss", "compound", "amod", "nummod", "nmod"} for c in token.children
        )
        and token.dep_ != "compound"
    )


def _in_role_title(token: Token) -> bool:
    """A word of a job title: a modifier of "position", "role", "job" ...
    ("the Product Manager position"), or what one is of or for ("the post of
    Zoo Administrative Assistant", "your opening for a sales associate")."""
    while token.dep_ in {"compound", "amod", "nmod"} and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() in ROLE_HEADS:
            return True
    preposition = token.head
    return (
        token.dep_ == "pobj"
        and preposition.lower_ in ("of", "for", "as")
        and preposition.head.lemma_.lower() in ROLE_HEADS
    )


def _lemma(token: Token) -> str:
    return (token.lemma_ or token.text).lower()


def _words(text: str) -> list[str]:
    """The folded words of `text` (the text layer's tokenizer)."""
    return [w.key for w in text_words(text)]


def _noun_chunks(doc: Doc) -> Iterable[Span]:
    try:
        return list(doc.noun_chunks)
    except ValueError:  # no parser in the pipeline
        return []


def _inside(offset: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= offset < e for s, e in spans)
