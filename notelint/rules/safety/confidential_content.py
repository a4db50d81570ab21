from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process

from notelint.analysis import names
from notelint.analysis.anatomy import HONORIFICS, anatomy
from notelint.analysis.timing import country
from notelint.analysis.words import prefix_length
from notelint.core.model import Hit, Interview, Note, Severity
from notelint.core.patterns import Pattern
from notelint.core.text import Skeleton, fold, near_miss
from notelint.inputs.notes import URL
from notelint.nlp import phrase_finder
from notelint.rule import Context, Rule

MARKERS = "confidential-markers"
INTERNALS = "employer-internals"
TOKEN_FORMATS = "secret-token-formats"
METRICS = "internal-metrics"
HANDLING = "confidential-handling"
DISCRETION = "confidential-discretion"
DISCLOSURE = "public-disclosure"
DISCLOSURE_VERBS = "disclosure-verbs"
CLIENT_NOUNS = "client-nouns"
WORKS = "public-works"
EMPLOYER_PEOPLE = "employer-people"
ACHIEVEMENTS = "achievement-verbs"

EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Where a note's national numbers ("(614) 555-0187", "07700 900461") are read
# when the application's time zone names no country: the English-speaking
# countries. International ones ("+33 1 42 68 53 00") need no region.
ANY_REGION = ("US", "GB", "IE", "AU", "NZ", "IN", "ZA")
MIN_PHONE_DIGITS = 7  # "555-0187": shorter runs of digits are years, counts, extensions
# What a lenient phone matcher takes for a number: a span of years, a date.
NOT_PHONE = re.compile(
    r"(?:19|20)\d\d\s*[-–]\s*(?:19|20)?\d\d|\d{4}-\d\d-\d\d|\d\d?[./-]\d\d?[./-]\d{2,4}"
)
# "Reach me at ...", "my cell ...": the sender's own contact details.
OWN_CONTACT = re.compile(
    r"\b(?:(?:reach|contact|call|text|e-?mail|find|ring|phone)\s+me|me\s+(?:at|on)|"
    r"my\s+(?:(?:personal|work|direct|private)\s+)?(?:e-?mail|address|cell|phone|mobile|number|line))\b[^.!?\n]*$",
    re.IGNORECASE,
)
# A password, passcode or key written out in prose: "the password is Falcon#26".
CREDENTIAL = re.compile(
    r"\b(?:password|passcode|passphrase|passwd|pwd|pin code|api[ _-]?key|access (?:code|key|token)|"
    r"secret key|auth(?:entication)? token|token|login code)s?\b\s*(?:is|was|:|=|-)?\s*[\"'“‘`]?"
    r"(?P<value>[^\s\"'”’`]{6,})",
    re.IGNORECASE,
)
# After a name: it is quoted ("as Peter Drucker said"), not a contact shared.
QUOTED = re.compile(
    r"^(?:'s|’s)?\s*(?:once\s+)?(?:said|says|wrote|writes|put it|puts it|argued|argues|observed|noted|would say)\b",
    re.I,
)
# detect-secrets plugins that judge prose badly (random words look like entropy).
NOISY_DETECTORS = {
    "Base64HighEntropyString",
    "HexHighEntropyString",
    "IPPublicDetector",
    "KeywordDetector",
}
# Detectors that only keep some of their patterns' matches (a JWT that decodes).
MATCH_FILTERS = {"JwtTokenDetector"}
FIGURES = {"MONEY", "PERCENT"}
# The subject line of an e-mail or of a note's front matter.
SUBJECT = re.compile(r"^subject:[ \t]*(?P<text>[^\r\n]*)", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class _Found:
    start: int
    end: int
    what: str  # how the message names it
    advice: str


class ConfidentialContent(Rule):
    """Confidential markers and terms, the current employer's figures, third
    parties' names and contact details, and secret-like strings.

    Why: a thank-you note is forwarded, filed and read by people you never
    met. Anything you would not say to your current employer's face - a
    project marked confidential, the terms listed under `confidential:` in
    interview.yaml, your employer's revenue, churn or client figures, a
    colleague's full name or phone number, a password - tells the reader how
    you will treat their secrets. Public facts about your employer (its name,
    what it sells), interviewers' names and e-mail addresses, first names
    alone, and your own contact details in the signature are fine. A
    colleague named as a reference with permission is still a third party:
    the reader cannot know about the permission.

    Every finding is sensitive: its message masks the matched text
    ("P****** F*****") unless `reveal` is on (`--show-confidential`).

    Bad:

        At Globex our churn hit 14% last quarter, and Project Falcon (still
        confidential) will fix it. My manager, Dana Whitfield
        (dana.whitfield@globex.example), can tell you more.

    Good:

        At Globex I led the retention work for our subscription product,
        and I would be glad to talk through how we approached it.

    A third party's full name is flagged only where the note ties it to
    the current employer (names the employer, "my manager", "our client"),
    gives its contact details or marks it confidential. Never flagged: the
    recipient (greeting, inside address), the interviewers, the sender
    (letterhead, signature, in any language), people of the hiring company
    mentioned in passing, public figures quoted, and the hiring company
    itself. Without interview.yaml only markers, secrets, contact details
    outside the letterhead and signature and the current employer's figures
    are looked for: nothing that needs to know who the interviewers are. The
    candidate's own results ("I cut churn by 18%"), and figures the note
    says are published ("from our annual report"), are not the employer's
    figures.

    A `confidential:` term is found however it is typed: any case, accents,
    a non-breaking or zero-width space, any dash, a soft hyphen, a URL slug
    ("project-falcon"), and in the subject line. Phone numbers are read
    with libphonenumber (`phonenumbers`): international ones anywhere,
    national ones of the application's country (from its time zone) or,
    without one, of the English-speaking countries.

    Options:

    - `reveal` (default false): show matched text in clear in messages
      (`--show-confidential` sets it).
    - `fuzzy_threshold` (default 85): how close (0-100) a word must be to a
      word of a `confidential:` term to count as a near spelling.
    - `terms`, `markers`, `secrets`, `contacts`, `people`, `figures`
      (default true each): switch one detector off and keep the others.
    """

    slug = "confidential-content"
    code = "NL301"
    severity = Severity.WARNING
    requires = frozenset({"lemma", "dep", "ents"})
    options = {
        "reveal": False,
        "fuzzy_threshold": 85,
        "terms": True,
        "markers": True,
        "secrets": True,
        "contacts": True,
        "people": True,
        "figures": True,
    }
    DETECTORS = ("terms", "markers", "secrets", "contacts", "people", "figures")

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.markers = phrase_finder(nlp, {MARKERS: lists.get(MARKERS, ())})
        self.internals = phrase_finder(nlp, {INTERNALS: lists.get(INTERNALS, ())})
        self.metrics = {m.lower() for m in lists.get(METRICS, ())}
        self.handling = {v.lower() for v in lists.get(HANDLING, ())}
        self.works = {v.lower() for v in lists.get(WORKS, ())}
        self.discretion = phrase_finder(nlp, {DISCRETION: lists.get(DISCRETION, ())})
        self.disclosure = phrase_finder(nlp, {DISCLOSURE: lists.get(DISCLOSURE, ())})
        self.disclosure_verbs = {v.lower() for v in lists.get(DISCLOSURE_VERBS, ())}
        self.client_nouns = {v.lower() for v in lists.get(CLIENT_NOUNS, ())}
        self.common = {fold(w) for w in lists.get("company-common-words", ())}
        self.detectors = _detectors()
        self.screens = _screens(self.detectors)
        self.token_formats = [Pattern(p, ignore_case=False) for p in lists.get(TOKEN_FORMATS, ())]
        self.person_nouns = {w.lower() for w in lists.get("person-nouns", ())}
        self.employer_people = {w.lower() for w in lists.get(EMPLOYER_PEOPLE, ())}
        self.achievements = {w.lower() for w in lists.get(ACHIEVEMENTS, ())}
        self.measures = {w.lower() for w in lists.get("metric-measures", ())}
        self.magnitudes = {w.lower() for w in lists.get("magnitudes", ())}

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        if note.doc is None:
            return
        sent = _sent_text(note)
        # Contact details are found once: the contacts detector reports them,
        # and the people detector ties a name to the sentence that gives them.
        contacts = cache(lambda: list(self._contact_spans(note, context)))
        detectors = {
            "terms": lambda: self._terms(note, context, sent),
            "markers": lambda: self._markers(note),
            "secrets": lambda: self._secrets(note),
            "contacts": lambda: self._contacts(contacts()),
            "people": lambda: [
                *self._names(note, context, contacts()),
                *self._clients(note, context),
            ],
            "figures": lambda: self._figures(note, context),
        }
        found = [
            item
            for name in self.DETECTORS
            if context.options.get(name, True)
            for item in detectors[name]()
        ]
        taken: list[tuple[int, int]] = []
        for item in sorted(found, key=lambda f: (f.start, -f.end)):
            if any(s < item.end and item.start < e for s, e in taken):
                continue  # one finding per span: the first, widest reason
            taken.append((item.start, item.end))
            text = sent[item.start : item.end]
            yield Hit(f"{item.what} '{text}': {item.advice}", item.start, item.end, sensitive=True)
        if context.options.get("terms", True):
            yield from self._subject_terms(note, context)

    # --- the interview's confidential terms ---------------------------------

    def _terms(self, note: Note, context: Context, sent: str) -> Iterator[_Found]:
        """Each term as written (however typed, in prose and in links: `sent`)
        and in its other forms in one sentence ("closing the Harlow site")."""
        interview = context.interview
        if interview is None or not interview.confidential:
            return
        found = "confidential term"
        advice = "listed under `confidential:` in interview.yaml; leave it out"
        written = Skeleton.of(sent)
        for term in interview.confidential:
            for start, end in written.find(term):
                yield _Found(start, end, found, advice)
        threshold = int(context.options.get("fuzzy_threshold", 85))
        words = [t for t in note.doc if not (t.is_punct or t.is_space)]
        forms = [_forms(t) for t in words]
        for term in interview.confidential:
            parts = _term_words(context.doc(term))
            if not parts:
                continue
            first = _similar_forms(forms, parts[0], threshold)
            for i, token_forms in enumerate(forms):
                if not token_forms & first:
                    continue
                span = self._rest_of_term(words, forms, i, parts, threshold)
                if span is not None:
                    yield _Found(*span, found, advice)

    def _subject_terms(self, note: Note, context: Context) -> Iterator[Hit]:
        """The terms in the subject line, which the recipient reads first."""
        interview = context.interview
        subject = SUBJECT.search(note.text, 0, note.body_start)
        if interview is None or subject is None:
            return
        line = Skeleton.of(subject.group("text"))
        for term in interview.confidential:
            for start, end in line.find(term):
                start, end = start + subject.start("text"), end + subject.start("text")
                yield Hit(
                    f"confidential term '{note.text[start:end]}' in the subject line: "
                    "listed under `confidential:` in interview.yaml; leave it out",
                    start,
                    end,
                    sensitive=True,
                    in_file=True,
                )

    @staticmethod
    def _rest_of_term(
        words, forms, i: int, parts: list[str], threshold: int
    ) -> tuple[int, int] | None:
        """The other words of the term near word i, in one sentence, any order
        ("the Harlow site closure", "closing the Harlow site"); `forms`: each
        word's `_forms`."""
        if len(parts) == 1:
            return words[i].idx, words[i].idx + len(words[i].text)
        reach = 2 * len(parts) + 2
        sentence = words[i].sent
        window = [
            (w, forms[j])
            for j, w in enumerate(words[max(0, i - reach) : i + reach + 1], max(0, i - reach))
            if w.sent == sentence
        ]
        matched = [words[i]]
        for part in parts[1:]:
            hit = next(
                (
                    w
                    for w, w_forms in window
                    if w not in matched and any(_similar(f, part, threshold) for f in w_forms)
                ),
                None,
            )
            if hit is None:
                return None
            matched.append(hit)
        first = min(matched, key=lambda w: w.i)
        last = max(matched, key=lambda w: w.i)
        if last.i - first.i > reach:
            return None
        return first.idx, last.idx + len(last.text)

    # --- confidential markers -------------------------------------------------

    def _markers(self, note: Note) -> Iterator[_Found]:
        doc = note.doc
        discreet = {doc[s].sent.start for _, s, _ in self.discretion(doc)}
        signature = anatomy(note).signature
        spans = [doc[start:end] for _, start, end in self.markers(doc)]
        spans += [
            found
            for found in self._undisclosed(doc)
            if not any(s.start < found.end and found.start < s.end for s in spans)
        ]
        for span in spans:
            if span.sent.start in discreet or self._as_skill(span):
                continue
            if signature and span.start_char >= signature[0]:
                continue  # a mail disclaimer under the signature is no leak
            yield _Found(
                span.start_char,
                span.end_char,
                "confidential marker",
                "what it marks should not leave your current employer",
            )

    def _undisclosed(self, doc) -> Iterator:
        """A denied disclosure read from the parse: "nothing has been
        announced yet", "we have not disclosed the deal"; not the
        candidate's own ("I haven't published my portfolio yet")."""
        for token in doc:
            if token.pos_ != "VERB" or token.lemma_.lower() not in self.disclosure_verbs:
                continue
            subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
            denied = any(c.dep_ == "neg" for c in token.children) or any(
                c.lower_ in ("nothing", "none") for c in subjects
            )
            if not denied or any(c.lower_ in ("i", "me", "my") for c in subjects):
                continue
            words = [t for t in token.subtree if t.sent == token.sent and not t.is_punct]
            start = min([token, *subjects, *(c for c in token.children if c.dep_ == "neg")])
            end = max(t.i for t in words if t.i <= token.i + 2)
            yield doc[start.i : end + 1]

    def _as_skill(self, span) -> bool:
        """'I handled confidential records': a skill, not a secret."""
        if len(span) != 1:
            return False
        token = span[0]
        noun = token.head if token.dep_ in ("amod", "compound") else None
        if noun is None:
            return False
        verb = noun.head
        while verb.dep_ in ("conj", "prep", "pobj") and verb.head is not verb:
            verb = verb.head
        return verb.lemma_.lower() in self.handling or any(
            t.lemma_.lower() in self.handling for t in noun.sent if t.pos_ == "VERB"
        )

    # --- secrets --------------------------------------------------------------

    def _secrets(self, note: Note) -> Iterator[_Found]:
        body = note.body
        lines = list(_lines(body))
        screened = "\n".join(line for _, line in lines)
        if self.screens is not None and not any(s.search(screened) for s in self.screens):
            lines = []  # no detector can find anything in any line
        for line_start, line in lines:
            for value in _detected(self.detectors, line):
                at = line.find(value)
                if at < 0:
                    continue
                start, end = _word_around(line, at, at + len(value))
                yield _Found(
                    line_start + start,
                    line_start + end,
                    "secret-like string",
                    "never put keys, tokens or passwords in a note",
                )
        for pattern in self.token_formats:  # formats detect-secrets does not know yet
            for match in pattern.finditer(body):
                yield _Found(
                    match.start(),
                    match.end(),
                    "secret-like string",
                    "never put keys, tokens or passwords in a note",
                )
        for match in CREDENTIAL.finditer(body):
            value = match.group("value").rstrip(".,;:!?)")
            if not _looks_secret(value):
                continue
            start = match.start("value")
            yield _Found(
                start,
                start + len(value),
                "password or key",
                "never put keys, tokens or passwords in a note",
            )

    # --- contact details ------------------------------------------------------

    @staticmethod
    def _contacts(spans: list[tuple[int, int, str]]) -> Iterator[_Found]:
        for start, end, what in spans:
            yield _Found(start, end, what, "do not share other people's contact details")

    def _contact_spans(self, note: Note, context: Context) -> Iterator[tuple[int, int, str]]:
        """Third parties' e-mail addresses and phone numbers in the note's
        prose: not the letterhead, the inside address or the signature, not
        an interviewer's address, not the sender's own ("reach me at")."""
        body = note.body
        parts = anatomy(note)
        interview = context.interview
        emails = (
            {p.email.lower() for p in interview.interviewers if p.email} if interview else set()
        )
        surnames = _interviewer_surnames(interview)
        for match in EMAIL.finditer(body):
            address = match.group().rstrip(".")
            local = fold(address.split("@")[0])
            if address.lower() in emails or any(s in local for s in surnames if len(s) >= 4):
                continue
            if self._own(note, match.start(), address, parts):
                continue
            yield match.start(), match.start() + len(address), "a third party's e-mail address"
        region = country(interview.timezone if interview else None) or country(context.timezone)
        for start, end in _phone_numbers(body, (region,) if region else ANY_REGION):
            if self._own(note, start, body[start:end], parts):
                continue
            yield start, end, "a third party's phone number"

    @staticmethod
    def _own(note: Note, start: int, text: str, parts) -> bool:
        """The sender's own, or the recipient's business address: in the
        header or the signature, repeated there, or introduced as the
        sender's ("reach me at", "my cell")."""
        body = note.body
        if parts.outside_prose(start):
            return True
        if any(text in body[span[0] : span[1]] for span in (parts.header, parts.signature) if span):
            return True
        line_start = body.rfind("\n", 0, start) + 1
        before = body[max(line_start, start - 80) : start]
        return bool(OWN_CONTACT.search(before))

    # --- third parties' names -------------------------------------------------

    def _names(
        self, note: Note, context: Context, contact_spans: list[tuple[int, int, str]]
    ) -> Iterator[_Found]:
        """Full names of people the note ties to the current employer."""
        interview = context.interview
        if interview is None:
            return  # who is a third party needs to know who the interviewers are
        doc = note.doc
        parts = anatomy(note)
        known = _known_people(interview)
        public = _public_names(context)
        contacts = [(s, e) for s, e, _ in contact_spans]
        marked = {doc[s].sent.start for _, s, _ in self.markers(doc)}
        for ent in [*(e for e in doc.ents if e.label_ == "PERSON"), *self._described_people(doc)]:
            if (parts.greeting and ent.start_char < parts.greeting[1]) or parts.outside_prose(
                ent.start_char
            ):
                continue  # the recipient, the sender: in the greeting, header or signature
            tokens = [t for t in ent if not t.is_punct and t.text not in ("'s", "’s")]
            while tokens and tokens[0].text.lower().rstrip(".") in HONORIFICS:
                tokens = tokens[1:]
            tokens = [t for t in tokens if t.lower_ not in names.PARTICLES]
            named = [t for t in tokens if t.text[:1].isupper() and t.is_alpha]
            if len(named) < 2 or len(named) != len(tokens):
                continue  # a first name alone is too ambiguous to flag
            if any(t.pos_ != "PROPN" for t in named):
                continue
            name = " ".join(t.text for t in named)
            plain = fold(name)
            if _is_known(plain, known) or public.hold(plain):
                continue
            if self._public_figure(note.body, ent):
                continue
            sentence = ent.sent
            tied = (
                sentence.start in marked
                or any(sentence.start_char <= s < sentence.end_char for s, _ in contacts)
                or self._employer_person(sentence, interview)
            )
            if not tied:
                continue  # a colleague of the interviewer, an author: no harm in the name
            yield _Found(
                named[0].idx,
                named[-1].idx + len(named[-1].text),
                "the full name of a third party",
                "name only the interviewers; a first name is enough for anyone else",
            )

    def _clients(self, note: Note, context: Context) -> Iterator[_Found]:
        """Organisations the note calls the current employer's clients: "our
        client Halden Foods", "Bellmont, one of Tessera's biggest accounts"."""
        interview = context.interview
        if interview is None or not interview.current_employer:
            return
        parts = anatomy(note)
        public = _public_names(context)
        for ent in note.doc.ents:
            if ent.label_ != "ORG" or parts.outside_prose(ent.start_char):
                continue
            folded = fold(ent.text)
            if public.hold(folded) or public.within(folded):
                continue
            if self._names_employer(ent.text, interview.current_employer):
                continue
            if self._employer_client(ent, interview.current_employer):
                yield _Found(
                    ent.start_char,
                    ent.end_char,
                    "a client of your current employer",
                    "your employer's clients are its business; describe the kind of client instead",
                )

    def _employer_client(self, ent, employer: str) -> bool:
        """A client noun of the employer's ("our", "Tessera's") within three
        steps of the organisation in the parse."""
        for token in ent.sent:
            if token.lemma_.lower() not in self.client_nouns:
                continue
            owners = [c for c in token.children if c.dep_ == "poss"]
            if not any(
                o.lower_ in ("our", "my") or self._names_employer(o.text, employer) for o in owners
            ):
                continue
            if _near_in_parse(token, ent.root, 3):
                return True
        return False

    def _employer_person(self, sentence, interview: Interview) -> bool:
        """The sentence speaks of the current employer's people: it names
        the employer, or says "my manager", "our client"."""
        employer = interview.current_employer
        if employer and self._names_employer(sentence.text, employer):
            return True
        return any(
            token.lower_ in ("my", "our")
            and token.head.lower_ in self.employer_people
            and token.head.lower_ not in ("interviewer", "recruiter")
            for token in sentence
        )

    def _public_figure(self, body: str, ent) -> bool:
        """An author or a public figure quoted, not a contact shared: "as
        Peter Drucker said", "Atul Gawande's Checklist Manifesto", "the
        article by Amy Edmondson"."""
        before = body[max(0, ent.start_char - 12) : ent.start_char]
        after = body[ent.end_char : ent.end_char + 20]
        if QUOTED.search(after) and re.search(r"\b(?:as|like)\s+$", before, re.I):
            return True
        if re.match(r"(?:'s|’s)\s+[A-Z]", after) or re.search(r"(?:'s|’s)\s+$", before):
            return True  # an author's titled work, or the title itself
        return bool(re.search(r"\bby\s+$", before)) and any(
            t.lemma_.lower() in self.works for t in ent.sent
        )

    # --- the current employer's figures --------------------------------------

    def _figures(self, note: Note, context: Context) -> Iterator[_Found]:
        interview = context.interview
        employer = interview.current_employer if interview else None
        doc = note.doc
        cued = {doc[s].sent.start for _, s, _ in self.internals(doc)}
        public = self._public_sentences(doc)
        for sentence in doc.sents:
            figures = [
                e
                for e in sentence.ents
                if e.label_ in FIGURES
                or (
                    e.label_ == "CARDINAL"
                    and _sizeable(e, self.magnitudes)
                    and self._counts_a_metric(e, sentence)
                )
            ]
            if not figures:
                continue
            tied = (
                sentence.start in cued
                or (employer is not None and self._names_employer(sentence.text, employer))
                or self._our_metric(sentence)
            )
            if not tied or sentence.start in public:
                continue
            for ent in figures:
                if self._own_result(ent) and sentence.start not in cued:
                    continue
                yield _Found(
                    ent.start_char,
                    ent.end_char,
                    "a figure from your current employer",
                    "its numbers are internal; describe your part without them",
                )

    def _public_sentences(self, doc) -> set[int]:
        """The starts of sentences whose figures the note says are public:
        the sentence that says so, and the one before it ("... from 4.1% to
        2.3%. (That figure is from our published service report.)")."""
        sentences = list(doc.sents)
        public = set()
        for _, start, _ in self.disclosure(doc):
            sentence = doc[start].sent
            if any(t.dep_ == "neg" for t in sentence):
                continue  # "not published yet"
            at = next(i for i, s in enumerate(sentences) if s.start == sentence.start)
            public |= {s.start for s in sentences[max(0, at - 1) : at + 1]}
        return public

    def _own_result(self, ent) -> bool:
        """ "I cut our churn by 18%", "I led the team that grew sales 30%":
        the candidate's own achievement, a verb of results whose subject is
        "I", or which says what a thing "I" did achieved (a relative clause,
        or a clause joined to it by "and"); not "our refresh lifted sales
        14%, so I know ..."."""
        verb = next((t for t in [ent.root, *ent.root.ancestors] if t.pos_ in ("VERB", "AUX")), None)
        if verb is None:
            return False
        if verb.dep_ == "conj" and verb.head.lemma_.lower() in self.achievements:
            verb = verb.head  # "I built a track, and our median went from 47 days to 19"
        if verb.lemma_.lower() not in self.achievements:
            return False
        if any(c.dep_ == "nsubj" and c.lower_ == "we" for c in verb.children):
            joined = verb  # "I rebuilt the forecast, and we brought its error down from 12% to 4%"
            while joined.dep_ == "conj" and joined.head is not joined:
                joined = joined.head
                if joined.lemma_.lower() in self.achievements and any(
                    c.dep_ == "nsubj" and c.lower_ == "i" for c in joined.children
                ):
                    return True
        while True:
            if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "i" for c in verb.children):
                return True
            if verb.dep_ != "relcl":
                return False
            verb = verb.head.head  # "the team that grew ..." -> "led"
            if verb.pos_ not in ("VERB", "AUX"):
                return False

    def _described_people(self, doc) -> Iterator:
        """Names the entity recognizer missed but the parse shows are people:
        set beside a person noun ("my former manager, Beatriz Olmedo")."""
        for token in doc:
            if token.pos_ == "PROPN" and token.dep_ == "appos" and token.ent_type_ != "PERSON":
                if token.head.lemma_.lower() in self.person_nouns:
                    start = token.left_edge.i
                    while start < token.i and doc[start].pos_ != "PROPN":
                        start += 1
                    yield doc[start : token.i + 1]

    def _names_employer(self, text: str, employer: str) -> bool:
        """The sentence names the employer: in full, nearly, or by its first
        word ('Riverside' for 'Riverside General Hospital')."""
        runs = names.capitalised_runs(text)
        return bool(names.company_spans(runs, employer, self.common, near=True))

    def _counts_a_metric(self, number, sentence) -> bool:
        """A bare number counts when it counts a business metric of the
        company's ("we lost 3 clients"), not the sender's own work ("I handle
        40 client accounts") nor a team ("I run a squad of 7")."""
        counted = number.root.head
        return counted.lemma_.lower() in self.metrics and any(
            t.lower_ in ("we", "our", "us") for t in sentence
        )

    def _our_metric(self, sentence) -> bool:
        """'our churn', 'our biggest client': a metric the sender's employer owns."""
        for token in sentence:
            if token.lower_ == "our" and token.dep_ == "poss":
                noun = token.head
                if noun.lemma_.lower() in self.metrics or (
                    noun.lemma_.lower() in self.measures
                    and any(
                        c.lemma_.lower() in self.metrics
                        for c in noun.children
                        if c.dep_ == "compound"
                    )
                ):
                    return True  # "our churn", "our sales numbers"; not "our booking app"
        return False


# --- helpers -----------------------------------------------------------------


def _sizeable(ent, magnitudes: set[str]) -> bool:
    """A count worth keeping internal: written in digits or with a magnitude
    ("3 clients", "two million users"); not "two edits" or "one of us"."""
    return any(c.isdigit() for c in ent.text) or any(t.lower_ in magnitudes for t in ent)


class _PublicNames:
    """What is nobody's secret: the interview's public words, and every
    company of the run (no person, no client of the employer), as folded
    texts, asked whether a name is inside one of them or holds one."""

    def __init__(self, texts: set[str]):
        self.texts = texts
        self.joined = "\0".join(texts)  # one search for "inside one of them"

    def hold(self, name: str) -> bool:
        """Whether `name` (folded) is part of one of the texts."""
        return bool(self.texts) and "\0" not in name and name in self.joined

    def within(self, name: str) -> bool:
        """Whether one of the texts is part of `name` (folded)."""
        if len(name) > MAX_PART_SEARCH:
            return any(text in name for text in self.texts)
        return any(
            name[i:j] in self.texts for i in range(len(name) + 1) for j in range(i, len(name) + 1)
        )


MAX_PART_SEARCH = 60  # a longer name is compared with each text instead of by its parts


def _public_names(context: Context) -> _PublicNames:
    """The public names of this note's application (built once a run)."""

    def companies():
        return {fold(a.interview.company) for a in context.corpus if a.interview is not None}

    interview = context.interview
    return context.of_run(
        f"confidential-content:public:{interview.path if interview else ''}",
        lambda: _PublicNames(
            _public_words(interview) | context.of_run("confidential-content:companies", companies)
        ),
    )


def _sent_text(note: Note) -> str:
    """The body as the recipient gets it: the prose the rules read, with the
    links back in (a term in a URL slug is sent too); comments and a quoted
    reply stay out. For an encoded e-mail body, the decoded prose."""
    if note.body_map is not None:
        return note.body
    raw = note.text[note.body_start : note.body_start + len(note.body)]
    sent = list(note.body)
    for link in URL.finditer(raw):
        if not note.body[link.start() : link.end()].strip():
            sent[link.start() : link.end()] = link.group()
    return "".join(sent)


def _term_words(doc) -> list[str]:
    """The folded lemmas of a confidential term's content words."""
    content = [t for t in doc if not (t.is_punct or t.is_space or t.is_stop)]
    return [fold(t.lemma_ or t.text) for t in content] or [
        fold(t.text) for t in doc if not t.is_punct
    ]


def _forms(token) -> frozenset[str]:
    """A word of the note as it is compared with a term's: lemma and text, folded."""
    return frozenset((fold(token.lemma_), fold(token.text)))


def _similar_forms(forms: list[frozenset[str]], part: str, threshold: int) -> set[str]:
    """The distinct forms among `forms` that `_similar` finds similar to a
    term's word: the near spellings in one call of rapidfuzz, the shared
    stems among the forms that begin as the word does."""
    distinct = set().union(*forms)
    found = {part} & distinct
    if len(part) <= 3 or _has_digit(part):
        return found
    comparable = [f for f in distinct if len(f) > 3 and not _has_digit(f)]
    near = process.extract(part, comparable, scorer=fuzz.ratio, score_cutoff=threshold, limit=None)
    found.update(form for form, _, _ in near)
    head = part[:4]
    found.update(
        form
        for form in comparable
        if form.startswith(head) and prefix_length(form, part) >= 0.7 * min(len(form), len(part))
    )
    return found


def _has_digit(word: str) -> bool:
    return any(map(str.isdigit, word))


def _similar(form: str, part: str, threshold: int) -> bool:
    """A word of the note (a form of it: see `_forms`) is a word of a term:
    same lemma or text, a near spelling, or the same stem ('closure' / 'closing')."""
    if form == part:
        return True
    if len(part) <= 3 or len(form) <= 3 or _has_digit(part + form):
        return False  # short words and numbers must match exactly
    if fuzz.ratio(form, part) >= threshold:
        return True
    common = prefix_length(form, part)
    return common >= 4 and common >= 0.7 * min(len(form), len(part))


def _known_people(interview: Interview | None) -> list[str]:
    return [fold(p.name) for p in interview.interviewers] if interview else []


def _interviewer_surnames(interview: Interview | None) -> set[str]:
    return {fold(p.name.split()[-1]) for p in interview.interviewers} if interview else set()


HYPHENS = re.compile(r"[\s\-‐–]+")


def _is_known(name: str, known: list[str]) -> bool:
    """An interviewer, however spelled or shortened ('Tomas Herrera', 'María
    José' for María José García-Herrera, 'Solberg-Aas')."""
    words = name.split()
    for person in known:
        theirs = person.split()
        if fuzz.token_sort_ratio(name, person) >= 80:
            return True
        if set(HYPHENS.split(name)) <= set(HYPHENS.split(person)):
            return True  # part of their name: their first names, or their surname
        if words[-1] == theirs[-1] or near_miss(words[-1], theirs[-1]):
            return True  # the surname of an interviewer: misspelled-name judges it
    return False


def _public_words(interview: Interview | None) -> set[str]:
    """Names that are organisations or places of the application, not people."""
    if interview is None:
        return set()
    fields = ("company", "role", "current_employer", "title", "points", "values", "confidential")
    return {fold(t) for t in interview.texts(*fields)}


def _lines(text: str) -> Iterator[tuple[int, str]]:
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line.rstrip("\r\n")
        offset += len(line)


def _word_around(line: str, start: int, end: int) -> tuple[int, int]:
    """Widen a detected value to the whole non-blank word holding it."""
    while start > 0 and not line[start - 1].isspace() and line[start - 1] not in "\"'`(<[":
        start -= 1
    while end < len(line) and not line[end].isspace() and line[end] not in "\"'`)>]":
        end += 1
    while end > start and line[end - 1] in ".,;:!?":
        end -= 1
    return start, end


def _looks_secret(value: str) -> bool:
    """Letters mixed with digits or symbols, as passwords and keys are."""
    has_letter = any(c.isalpha() for c in value)
    has_other = any(c.isdigit() or not c.isalnum() for c in value)
    return has_letter and has_other and not value.lower().startswith(("http", "www."))


def _detectors() -> list:
    """The detect-secrets plugins that suit prose (imported only when a check runs)."""
    try:
        from detect_secrets.core.plugins.util import get_mapping_from_secret_type_to_class
    except ImportError:  # pragma: no cover - detect-secrets is a dependency
        return []
    detectors = []
    for plugin in get_mapping_from_secret_type_to_class().values():
        if plugin.__name__ in NOISY_DETECTORS:
            continue
        try:
            detectors.append(plugin())
        except TypeError:
            continue
    return detectors


def _screens(detectors: list) -> list[re.Pattern] | None:
    """One search of the whole note per pattern of the detectors, which run
    line by line only when one of them matches somewhere: a pattern that
    matches in a line matches in the lines joined by newlines, read with
    `^` and `$` at each line (their lookarounds test word characters, which
    a newline is not). None when a detector may find what its patterns
    do not match."""
    from detect_secrets.plugins.base import BasePlugin, RegexBasedDetector

    screens = []
    for detector in detectors:
        kind = type(detector)
        if (
            not isinstance(detector, RegexBasedDetector)
            or kind.analyze_line is not BasePlugin.analyze_line
            or not (
                kind.analyze_string is RegexBasedDetector.analyze_string
                or kind.__name__ in MATCH_FILTERS
            )
        ):
            return None
        screens.extend(re.compile(r.pattern, r.flags | re.MULTILINE) for r in detector.denylist)
    return screens


def _phone_numbers(text: str, regions: tuple[str, ...]) -> list[tuple[int, int]]:
    """The spans of phone numbers as the `phonenumbers` library (Google's
    libphonenumber) finds them: international ones anywhere, national ones
    of `regions`; not dates, amounts or reference numbers. Possible numbers,
    not only assigned ones: the 555 numbers of examples are phones to a reader."""
    import phonenumbers

    found: set[tuple[int, int]] = set()
    for region in regions:
        for match in phonenumbers.PhoneNumberMatcher(
            text, region, leniency=phonenumbers.Leniency.POSSIBLE
        ):
            digits = sum(c.isdigit() for c in match.raw_string)
            raw = match.raw_string
            if digits >= MIN_PHONE_DIGITS and "/" not in raw and not NOT_PHONE.fullmatch(raw):
                found.add((match.start, match.end))
    return [span for span in sorted(found) if not any(_inside(span, o) for o in found)]


def _near_in_parse(a, b, steps: int) -> bool:
    """One token is among the first `steps` heads of the other."""

    def heads(token):
        found = []
        while len(found) < steps and token.head is not token:
            token = token.head
            found.append(token)
        return found

    return b in heads(a) or a in heads(b)


def _inside(span: tuple[int, int], other: tuple[int, int]) -> bool:
    return span != other and other[0] <= span[0] and span[1] <= other[1]


def _detected(detectors: list, line: str) -> Iterator[str]:
    for detector in detectors:
        try:
            secrets = detector.analyze_line(filename="note.txt", line=line, line_number=1)
        except Exception:  # a detector that cannot read this line finds nothing
            continue
        for secret in secrets:
            if secret.secret_value:
                yield secret.secret_value
