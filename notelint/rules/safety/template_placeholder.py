from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from notelint.analysis.anatomy import HONORIFICS, SALUTATIONS, anatomy
from notelint.core.model import Fix, Hit, Interview, Interviewer, Note, Severity
from notelint.core.text import fold
from notelint.rule import Context, Rule

# [slot] (not a Markdown link "[text](url)" / "[text][ref]" / "[ref]: url"),
# <slot>, {slot}, {{slot}}.
SQUARE = re.compile(r"\[([^\[\]\r\n]{1,60})\](?![(\[:])")
ANGLE = re.compile(r"<([^<>\r\n]{1,60})>")
CURLY = re.compile(r"\{\{?([^{}\r\n]{1,60})\}?\}")
# XX, XXX, 20XX, $XX,XXX, XX%, "X years": digits or amounts left to fill.
EXES = re.compile(
    r"(?<![\w$])(?:\$\s?)?(?:\d*X{2,}|\d*x{2,})(?:[,.](?:X+|x+))*%?(?![\w])"
    r"|(?<![\w])\$X\b|(?<![\w])X%|(?<![\w])X\+?(?=\s+(?:years?|months?|weeks?|days?|people|"
    r"clients|projects|percent|times|hours)\b)"
)
BLANK = re.compile(r"_{3,}")
INSERT_HERE = re.compile(r"\binsert\b[^.!?\r\n]{0,60}?\bhere\b", re.IGNORECASE)
HTML_TAG = re.compile(
    r"/?([A-Za-z][A-Za-z0-9]*)(?:\s+[\w:-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*\s*/?"
)
HTML_TAGS = {
    "a",
    "b",
    "i",
    "u",
    "s",
    "p",
    "br",
    "hr",
    "em",
    "strong",
    "div",
    "span",
    "ul",
    "ol",
    "li",
    "img",
    "sub",
    "sup",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "table",
    "tr",
    "td",
    "th",
    "blockquote",
    "code",
    "pre",
    "small",
    "font",
    "center",
    "html",
    "body",
    "head",
    "title",
}
CHECKBOX = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]+$")
EDITORIAL = {"sic", "...", "…", "sic!"}


class TemplatePlaceholder(Rule):
    """An unfilled template placeholder: `[Interviewer Name]`, `<Company>`, `{role}`, `XX`, `____`.

    Why: a placeholder left in a sent note shows the reader a template, not
    a letter written to them; it undoes everything else the note says.
    Bracketed slots naming what belongs there ([Company], <Name>, {role},
    {{first_name}}), "XX" standing for a number, blanks (____) and
    instructions ("insert a detail here", "(mention a project)") are errors.
    When the interview knows the value (the company, the role, the
    recipient's name or title) the fix fills it in. Markdown links
    ([text](url)), footnotes ([1]), checkboxes, URLs and e-mail addresses
    in angle brackets, HTML tags and words that merely contain "xx" (XXL)
    are not placeholders.

    Bad:

        Hi [Interviewer Name],
        I have XX years of experience and would love to join {company}.

    Good:

        Hi Maria,
        I have eight years of experience and would love to join Acme Robotics.

    Options: none. The words that make a bracketed text a placeholder are the
    `placeholder-words` and `placeholder-instructions` lists of the rule packs.
    """

    slug = "template-placeholder"
    code = "NL302"
    severity = Severity.ERROR
    fixable = True

    def prepare(
        self, nlp, options: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]
    ) -> None:
        self.words = {fold(w) for w in lists.get("placeholder-words", ())}
        self.instructions = {fold(w) for w in lists.get("placeholder-instructions", ())}
        self.slot_nouns = {fold(w) for w in lists.get("slot-nouns", ())}
        verbs = "|".join(sorted(map(re.escape, self.instructions))) or "insert"
        self.parenthesis = re.compile(rf"\((?:{verbs})\b[^()\r\n]{{0,60}}\)", re.IGNORECASE)
        phrases = sorted(lists.get("placeholder-phrases", ()), key=len, reverse=True)
        self.phrases = (
            re.compile(
                r"(?<![\w'’])(?:" + "|".join(_phrase_pattern(p) for p in phrases) + r")(?![\w'’])",
                re.IGNORECASE,
            )
            if phrases
            else None
        )
        capitals = "|".join(map(re.escape, lists.get("placeholder-capitals", ())))
        self.capitals = re.compile(rf"(?<![\w'’])(?:{capitals})(?![\w'’])") if capitals else None

    def check(self, note: Note, context: Context) -> Iterable[Hit]:
        body = note.body
        signature = anatomy(note).signature
        hits: dict[tuple[int, int], Hit] = {}

        def in_signature(start: int) -> bool:
            return signature is not None and signature[0] <= start < signature[1]

        for start, end, slot in self._slots(body):
            fix = None if in_signature(start) else _fill(slot, body, start, note, context)
            hits.setdefault((start, end), _hit(body[start:end], start, end, fix))
        for match in EXES.finditer(body):
            text = match.group()
            if text.islower() and in_signature(match.start()):
                continue  # "xx" as kisses under a name
            if re.fullmatch(r"X{2,3}", text) and _after_proper_noun(body, match.start()):
                continue  # a numeral in real use: "Super Bowl XX"
            hits.setdefault(match.span(), _hit(text, *match.span(), None))
        for match in BLANK.finditer(body):
            line_start = body.rfind("\n", 0, match.start()) + 1
            line_end = body.find("\n", match.end())
            line = body[line_start : line_end if line_end >= 0 else len(body)]
            if not line.strip(" \t\r_-*="):
                continue  # a horizontal rule or a divider line
            fix = None
            after = re.match(r"[ \t]+(position|role|job)\b", body[match.end() :])
            if after and context.interview is not None and not in_signature(match.start()):
                fix = context.interview.role  # "the ____ position"
            hits.setdefault(match.span(), _hit(match.group(), *match.span(), fix))
        for start, end in self._fill_ins(body):
            fix = (
                None if in_signature(start) else _fill(body[start:end], body, start, note, context)
            )
            hits.setdefault((start, end), _hit(body[start:end], start, end, fix))
        for regex in (INSERT_HERE, self.parenthesis):
            for match in regex.finditer(body):
                rest = [fold(w) for w in re.findall(r"[A-Za-z]+", match.group())[1:]]
                if regex is self.parenthesis and not set(rest) & self.words:
                    continue  # "(add to that the new wing)": prose, not a slot
                if not any(s <= match.start() < e for s, e in hits):
                    hits.setdefault(match.span(), _hit(match.group(), *match.span(), None))
        # A hit inside another (an "XX" within "[XX years]") is one placeholder.
        kept = [
            hit
            for (s, e), hit in hits.items()
            if not any((s2 <= s and e <= e2) and (s2, e2) != (s, e) for s2, e2 in hits)
        ]
        yield from sorted(kept, key=lambda h: (h.start, h.end))

    def _slots(self, body: str) -> Iterator[tuple[int, int, str]]:
        for match in SQUARE.finditer(body):
            slot = match.group(1)
            if slot.strip().lower() in EDITORIAL or re.fullmatch(r"\s*\^?\d+\s*", slot):
                continue  # "[sic]", footnotes "[1]" "[^2]"
            if slot in (" ", "x", "X") and CHECKBOX.match(
                body[body.rfind("\n", 0, match.start()) + 1 : match.start()]
            ):
                continue  # a task-list checkbox
            if self._placeholder(slot):
                yield match.start(), match.end(), slot
        for match in ANGLE.finditer(body):
            slot = match.group(1)
            if re.search(r"@|://|^\s*(?:www\.|mailto:|!|/)", slot) or "=" in slot:
                continue  # a URL, an e-mail address, a comment, an HTML attribute
            tag = HTML_TAG.fullmatch(slot)
            if tag and tag.group(1).lower() in HTML_TAGS:
                continue
            if self._placeholder(slot):
                yield match.start(), match.end(), slot
        for match in CURLY.finditer(body):
            slot = match.group(1)
            if re.fullmatch(r"\s*[A-Za-z][\w .'-]*\s*", slot) and len(slot.split()) <= 5:
                yield match.start(), match.end(), slot

    def _fill_ins(self, body: str) -> Iterator[tuple[int, int]]:
        """Unbracketed fill-ins: "Mr./Ms. Last Name", "Company Name",
        "COMPANY NAME", "(organization's name)", "Dear NAME,"."""
        for match in HONORIFIC_CHOICE.finditer(body):
            yield match.span()
        if self.phrases is not None:
            for match in self.phrases.finditer(body):
                text = match.group()
                if LABEL.match(body, match.end()):
                    continue  # "Phone Number: 555-0100": a label with its value
                if text.isupper() or all(w[:1].isupper() for w in _significant(text)):
                    yield match.span()
        if self.capitals is not None:
            for match in self.capitals.finditer(body):
                line_start = body.rfind("\n", 0, match.start()) + 1
                line_end = body.find("\n", match.end())
                line_end = line_end if line_end >= 0 else len(body)
                rest = body[line_start : match.start()] + body[match.end() : line_end]
                if sum(c.islower() for c in rest) > sum(c.isupper() for c in rest):
                    yield match.span()  # a capital slot on a line that is not shouting
        for match in PARENTHESIS.finditer(body):
            keys = [fold(w) for w in re.findall(r"[^\W\d_]+", match.group(1))]
            keys = [k for k in keys if k not in CONNECTORS]
            if (
                len(keys) <= 4
                and all(k in self.words for k in keys)
                and set(keys) & self.slot_nouns
            ):
                yield match.span()

    def _placeholder(self, slot: str) -> bool:
        keys = [fold(w) for w in re.split(r"[^A-Za-z]+|(?<=[a-z])(?=[A-Z])", slot) if w]
        if not keys:
            return False
        if keys[0] in self.instructions or set(keys) & self.words:
            return True
        letters = re.sub(r"[^A-Za-z]", "", slot)
        return len(letters) >= 2 and letters.isupper() and len(keys) <= 4 and len(letters) > 3


# "Mr./Ms.", "Ms. / Mr.", "Mr./Mrs./Ms.": the template's choice left to make.
_HONORIFIC = r"(?:Mr|Mrs|Ms|Mx|Miss|Dr)\.?"
HONORIFIC_CHOICE = re.compile(rf"\b{_HONORIFIC}(?:[ \t]*/[ \t]*{_HONORIFIC})+")
# What follows a label that is filled in: "Phone Number: (555) 010-2000".
LABEL = re.compile(r"[ \t]*:[ \t]*[^\s\[\]<>{}_]")
# A parenthesis of a few words: "(organization's name)", "(date)", "(name position)".
PARENTHESIS = re.compile(r"\(([^()\r\n]{1,40})\)")
CONNECTORS = {"s", "of", "the", "a", "an", "and", "or", "my", "your", "their", "his", "her"}


def _phrase_pattern(phrase: str) -> str:
    """A phrase's regex: any space between words, any apostrophe."""
    words = [re.escape(w).replace("'", "['’]") for w in phrase.split()]
    return r"[ \t]+".join(words)


def _significant(text: str) -> list[str]:
    """The words of a phrase that a title capitalises."""
    return [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w.lower() not in CONNECTORS]


def _hit(text: str, start: int, end: int, fix: str | None) -> Hit:
    message = f"unfilled template placeholder '{text}'"
    if fix:
        message += f": fill in '{fix}'"
    return Hit(message, start, end, Fix(fix) if fix else None)


def _after_proper_noun(body: str, start: int) -> bool:
    """Whether a capitalised word that is not a salutation precedes `start`
    on its line, mid-sentence ("Super Bowl XX")."""
    before = re.search(r"([A-Za-z]+)[ \t]+$", body[:start])
    if before is None or not before.group(1)[:1].isupper():
        return False
    word = before.group(1).lower()
    if word in SALUTATIONS or word in HONORIFICS:
        return False
    preceding = body[: before.start()].rstrip(" \t")
    return bool(preceding) and preceding[-1] not in ".!?\n"


def _fill(slot: str, body: str, start: int, note: Note, context: Context) -> str | None:
    """The value the slot asks for, when the interview knows it."""
    interview: Interview | None = context.interview
    if interview is None:
        return None
    keys = {fold(w) for w in re.split(r"[^A-Za-z]+|(?<=[a-z])(?=[A-Z])", slot) if w}
    if keys & {
        "your",
        "my",
        "insert",
        "add",
        "mention",
        "something",
        "detail",
        "details",
        "example",
        "topic",
        "link",
        "url",
        "skill",
        "skills",
        "project",
        "date",
        "day",
        "time",
        "number",
        "years",
        "achievement",
        "point",
        "x",
        "xx",
    }:
        return None
    recipient: Interviewer | None = note.recipient
    personal = keys & {"interviewer", "interviewers", "their", "his", "her", "manager", "recipient"}
    if "title" in keys and personal:
        return recipient.title if recipient else None
    if keys & {"company", "companyname", "organization", "organisation", "employer", "firm", "org"}:
        return interview.company
    if keys & {"role", "position", "job", "jobtitle", "title"}:
        return interview.role
    if keys & {"name", "firstname", "lastname", "surname", "interviewer", "recipient"}:
        if recipient is None:
            return None
        parts = recipient.name.split()
        if keys & {"firstname"} or {"first", "name"} <= keys:
            return parts[0]
        if keys & {"lastname", "surname"} or {"last", "name"} <= keys:
            return parts[-1]
        line = body[body.rfind("\n", 0, start) + 1 : start].lower()
        previous = re.findall(r"[a-z]+", line)
        if previous and previous[-1] in HONORIFICS:
            return parts[-1]
        if previous and previous[0] in {"hi", "hello", "hey"}:
            return parts[0]
        return recipient.name
    return None
