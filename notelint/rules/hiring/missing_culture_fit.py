from __future__ import annotations

import math

from notelint.analysis.anatomy import has_content
from notelint.analysis.words import MIN_STEM, same_stem
from notelint.core.model import Hit, Severity
from notelint.nlp import phrase_matcher
from notelint.rule import Rule

ROLES = {"hiring-manager": "the hiring manager", "hiring-manager-boss": "the hiring manager's boss"}
# Parts of speech that carry no meaning of their own inside a value.
FUNCTION_POS = {"DET", "ADP", "CCONJ", "SCONJ", "PART", "PUNCT", "PRON", "AUX", "SPACE", "SYM"}
WINDOW = 6  # extra tokens allowed around the words of one value


class MissingCultureFit(Rule):
    """A thank-you to the hiring manager or their boss that says nothing of the
    company's culture, values or mission.

    Why: the people who decide want to know you will fit, not only that you
    can do the work. Echo a value you heard (the interview's `values:`) or
    say what draws you to their mission. The note passes when it names one
    of the values, even in another form ("collaborative" for
    "collaboration", "getting it right the first time" for "right first
    time"), or speaks of culture, values or mission in its own words
    (`rules/culture.yaml`). Applies to `kind: thank-you` notes whose
    recipient's role is `hiring-manager` or `hiring-manager-boss`.

    Bad (values: [collaboration, customer obsession]):

        Thank you for walking me through the gripper roadmap. I have shipped
        two grippers for food handling and would enjoy the tolerance work.

    Good:

        Thank you for walking me through the gripper roadmap. The way your
        engineers and sales team collaborate on customer pilots is exactly
        how I like to work.

    Options: none.
    """

    slug = "missing-culture-fit"
    code = "NL503"
    severity = Severity.WARNING
    requires = frozenset({"lemma", "pos", "dep"})

    def prepare(self, nlp, options, lists):
        self.culture = phrase_matcher(nlp, {"culture": lists.get("culture-language", ())}, True)
        self.subjects = {w.lower() for w in lists.get("culture-subjects", ())}
        self.preferences = {w.lower() for w in lists.get("culture-preferences", ())}
        self.workings = {w.lower() for w in lists.get("culture-workings", ())}
        self.places = {w.lower() for w in lists.get("culture-places", ())}

    def check(self, note, context):
        interview = context.interview
        recipient = note.recipient
        if (
            note.kind != "thank-you"
            or interview is None
            or recipient is None
            or recipient.role not in ROLES
            or note.doc is None
            or not has_content(note)  # a greeting or a signature alone
        ):
            return
        if (
            self.culture(note.doc)
            or _company_values(note.doc, interview.company, self.subjects)
            or self._chooses_how_they_work(note.doc)
            or self._mentions_a_value(note.doc, [context.doc(v) for v in interview.values])
        ):
            return
        whom = ROLES[recipient.role]
        if interview.values:
            advice = f"echo a value you heard, such as '{interview.values[0]}'"
        else:
            advice = "say what draws you to how they work or what they stand for"
        yield Hit(
            f"the note to {whom} says nothing of {_possessive(interview.company)} culture, values "
            f"or mission; {advice}"
        )

    def _chooses_how_they_work(self, doc) -> bool:
        """A sentence in which the candidate says what kind of place they
        want to work in (see `culture-preferences` in rules/culture.yaml)."""
        for sentence in doc.sents:
            lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
            verbs = {t.lemma_.lower() for t in sentence if t.pos_ in ("VERB", "AUX")}
            speaks = any(t.lower_ == "i" and t.dep_ in ("nsubj", "nsubjpass") for t in sentence)
            if (
                speaks
                and lemmas & self.preferences
                and verbs & self.workings
                and lemmas & self.places
            ):
                return True
        return False

    def _mentions_a_value(self, doc, values) -> bool:
        """Whether the note (`doc`) mentions one of the values (their parses)."""
        if not values:
            return False
        forms = _NoteForms(doc)
        return any(self._mentions(forms, value) for value in values)

    def _mentions(self, note: _NoteForms, value) -> bool:
        """Whether enough of the value's words stand close together in the note."""
        words = _value_words(value)
        if not words:
            return False
        need = len(words) if len(words) <= 3 else math.ceil(len(words) * 2 / 3)
        found = sorted((i, index) for index, forms in enumerate(words) for i in note.like(forms))
        width = len(words) + WINDOW
        for start, _ in found:
            near = {index for i, index in found if start <= i < start + width}
            if len(near) >= need:
                return True
        return False


class _NoteForms:
    """The forms of a note's words (`_forms`), indexed by their first
    letters: `same_stem` needs two forms equal or sharing a stem of
    `MIN_STEM` letters, so a value's word is compared only with the forms
    that begin as it does."""

    def __init__(self, doc):
        self.at: dict[str, set[int]] = {}  # form -> the token indexes with it
        for token in doc:
            if token.is_alpha:
                for form in _forms(token):
                    self.at.setdefault(form, set()).add(token.i)
        self.by_start: dict[str, list[str]] = {}
        for form in self.at:
            if len(form) >= MIN_STEM:
                self.by_start.setdefault(form[:MIN_STEM], []).append(form)

    def like(self, forms: set[str]) -> set[int]:
        """The indexes of the tokens one of whose forms is one of `forms`
        in another form (`same_stem`)."""
        found: set[int] = set()
        for a in forms:
            candidates = {a, *self.by_start.get(a[:MIN_STEM], ())} if len(a) >= MIN_STEM else {a}
            for b in candidates:
                if b in self.at and same_stem(a, b):
                    found |= self.at[b]
        return found


def _company_values(doc, company: str, subjects: set[str]) -> bool:
    """Whether the parse says the company (or "you", "your team") values,
    prizes or cherishes something: "how Initech values careful work"."""
    company_words = {w.lower() for w in company.split()}
    for token in doc:
        if token.pos_ == "VERB" and token.lemma_ in ("value", "prize", "cherish", "champion"):
            for child in token.children:
                if child.dep_ == "nsubj" and (
                    child.lower_ in subjects or child.lower_ in company_words
                ):
                    return True
    return False


def _value_words(value) -> list[set[str]]:
    """The meaningful words of a value's parse, each as its surface and lemma forms."""
    words = [
        _forms(t) for t in value if t.pos_ not in FUNCTION_POS and not t.is_punct and t.text.strip()
    ]
    return words or [_forms(t) for t in value if t.is_alpha]  # function words only: all


def _forms(token) -> set[str]:
    """A token's surface and lemma, with British "-our" also spelled "-or"."""
    forms = {token.lower_, token.lemma_.lower()}
    return forms | {f.replace("our", "or") for f in forms if len(f) > 5}


def _possessive(name: str) -> str:
    return name + ("'" if name.endswith("s") else "'s")
