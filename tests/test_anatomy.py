"""A letter's anatomy (notelint/analysis/anatomy.py), as tables: each case a body and
the text every part should hold (None: the note has no such part)."""

import pytest

from notelint.analysis.anatomy import parse
from notelint.inputs.notes import own_prose, quoted_reply


def part(body: str, name: str) -> str | None:
    span = getattr(parse(body), name)
    return None if span is None else body[span[0] : span[1]].strip()


LETTER = """\
Jane Smith
456 Oak Drive
Anytown, TX 75001
jane.smith@mailbox.example
October 7, 2025
Mark Johnson
Nurse Manager
City Hospital
789 Pine Road
Anytown, TX 75001
Dear Mr. Johnson,
Thank you for walking me through the new telemetry unit.
Warm regards,
Jane Smith
"""

NO_DATE = """\
Paul Ashley
Harbour Charities
525 West 8th St.
Price Hill, OH 45212

Dear Mr. Ashley:

The volunteer rota you showed me was a clever fix.

Sincerely,
Ana Ruiz
"""

BLANK_LINES = """\
Nina Sanders

368 Hill Street
Mansfield, OH 44907

Daniel Calvin

Zoo Administrator

Bayside Zoo

Dear Sir,

RE: Thank you for the interview

The tour of the reptile house was wonderful.
"""

CASES = [
    # (body, part, expected text)
    (LETTER, "sender", "Jane Smith\n456 Oak Drive\nAnytown, TX 75001\njane.smith@mailbox.example"),
    (LETTER, "date", "October 7, 2025"),
    (
        LETTER,
        "recipient",
        "Mark Johnson\nNurse Manager\nCity Hospital\n789 Pine Road\nAnytown, TX 75001",
    ),
    (LETTER, "greeting", "Dear Mr. Johnson,"),
    (LETTER, "content", "Thank you for walking me through the new telemetry unit."),
    (LETTER, "closing", "Warm regards,"),
    (LETTER, "signature", "Warm regards,\nJane Smith"),
    (
        NO_DATE,
        "recipient",
        "Paul Ashley\nHarbour Charities\n525 West 8th St.\nPrice Hill, OH 45212",
    ),
    (NO_DATE, "sender", None),
    (NO_DATE, "greeting", "Dear Mr. Ashley:"),
    (BLANK_LINES, "sender", "Nina Sanders\n\n368 Hill Street\nMansfield, OH 44907"),
    (BLANK_LINES, "recipient", "Daniel Calvin\n\nZoo Administrator\n\nBayside Zoo"),
    (BLANK_LINES, "subject", "RE: Thank you for the interview"),
    (BLANK_LINES, "content", "The tour of the reptile house was wonderful."),
    # a plain note: a greeting, no header
    ("Hi Sam,\n\nGreat chat about the roadmap.\n\nBest,\nAlex\n", "header", None),
    ("Hi Sam,\n\nGreat chat about the roadmap.\n\nBest,\nAlex\n", "signature", "Best,\nAlex"),
    # a closing and the name on one line
    (
        "Dear Ms. Lee,\n\nThanks for the demo.\n\nBest regards, Simon Potter\n",
        "closing",
        "Best regards, Simon Potter",
    ),
    # a sentence that opens with a closing word is no closing
    ("Hi Sam,\n\nThank you for your time and the tour.\n", "signature", None),
    # a letter typed as one run-on line
    (
        "Michael Wilson November 18, 2009 Laura Scott Dear Ms. Scott: I am writing about the editor role. Yours truly, Michael Wilson",
        "greeting",
        "Dear Ms. Scott:",
    ),
    (
        "Michael Wilson November 18, 2009 Laura Scott Dear Ms. Scott: I am writing about the editor role. Yours truly, Michael Wilson",
        "closing",
        "Yours truly, Michael Wilson",
    ),
    # a greeting with a sentence running on after it
    (
        "Dear So And So, I really enjoyed meeting you and would like this job very much.\n",
        "greeting",
        "Dear So And So,",
    ),
    # greetings and closings in other languages
    (
        "Bonjour Geneviève,\n\nMerci pour la visite.\n\nCordialement,\nLuc Martin\n",
        "greeting",
        "Bonjour Geneviève,",
    ),
    (
        "Bonjour Geneviève,\n\nMerci pour la visite.\n\nCordialement,\nLuc Martin\n",
        "signature",
        "Cordialement,\nLuc Martin",
    ),
    (
        "Sehr geehrte Frau Weber,\n\nDanke.\n\nMit freundlichen Grüßen,\nJonas Keller\n",
        "greeting",
        "Sehr geehrte Frau Weber,",
    ),
    (
        "Sehr geehrte Frau Weber,\n\nDanke.\n\nMit freundlichen Grüßen,\nJonas Keller\n",
        "closing",
        "Mit freundlichen Grüßen,",
    ),
    ("Estimada Sra. Ruiz:\n\nGracias.\n\nAtentamente,\nPablo Díaz\n", "closing", "Atentamente,"),
    (
        "Prezado Sr. Costa,\n\nObrigado.\n\nCom os melhores cumprimentos,\nAna Lima\n",
        "closing",
        "Com os melhores cumprimentos,",
    ),
    (
        "Gentile Dott. Rossi,\n\nGrazie.\n\nCordiali saluti,\nMarco Bianchi\n",
        "greeting",
        "Gentile Dott. Rossi,",
    ),
    (
        "Beste Jan,\n\nDank je.\n\nMet vriendelijke groet,\nSanne de Vries\n",
        "closing",
        "Met vriendelijke groet,",
    ),
    # what a phone adds under the signature
    (
        "Hi Sam,\n\nThanks for the tour.\n\nBest,\nAlex\n\nSent from my iPhone\n",
        "footer",
        "Sent from my iPhone",
    ),
    (
        "Hi Sam,\n\nThanks for the tour.\n\nSent from my iPhone\n",
        "signature",
        "Sent from my iPhone",
    ),
    # an e-mail signature after "-- "
    (
        "Hi Sam,\n\nThanks for the tour of the depot.\n\n-- \nAlex Kim\n+1 555 0100\n",
        "signature",
        "-- \nAlex Kim\n+1 555 0100",
    ),
]


@pytest.mark.parametrize("body, name, expected", CASES)
def test_parts(body, name, expected):
    assert part(body, name) == expected


def test_header_holds_everything_before_the_greeting():
    assert parse(LETTER).header == (0, LETTER.index("Dear"))
    assert parse(LETTER).outside_prose(LETTER.index("456"))
    assert not parse(LETTER).outside_prose(LETTER.index("telemetry"))


QUOTED = [
    (
        "Dear Ana,\n\nThanks.\n\nOn Tue, 3 Nov 2026 at 10:02, Ana Ruiz <ana@x.example> wrote:\n> Hi\n",
        "On Tue",
    ),
    (
        "Hi,\nthanks\n\nFrom: Ana Ruiz <ana@x.example>\nSent: Tuesday, November 3, 2026 10:02 AM\n"
        "To: Jo <jo@y.example>\nSubject: Interview\n\nHi Jo, we regret\n",
        "From: Ana",
    ),
    (
        "Hallo Ana,\ndanke\n\nAm Di., 3. Nov. 2026 um 10:02 Uhr schrieb Ana Ruiz <ana@x.de>:\n> Hallo\n",
        "Am Di.",
    ),
    (
        "Bonjour,\nmerci\n\nLe mar. 3 nov. 2026 à 10:02, Ana Ruiz <ana@x.fr> a écrit :\n> Bonjour\n",
        "Le mar.",
    ),
]


@pytest.mark.parametrize("body, opening", QUOTED)
def test_quoted_reply_is_found_in_every_language(body, opening):
    at = quoted_reply(body)
    assert at is not None and body[at:].startswith(opening)
    prose = own_prose(body)
    assert len(prose) == len(body)  # blanked, so every offset stays
    assert opening not in prose and prose[:at] == body[:at]


def test_a_note_without_a_reply_is_left_whole():
    body = "Dear Ana,\n\nFrom our talk: the Sent: figures and the To: list.\n\nBest,\nJo\n"
    assert quoted_reply(body) is None
    assert own_prose(body) == body


@pytest.mark.parametrize(
    "body, hidden, kept",
    [
        ("See `[Company]` here.\n", "[Company]", "See"),
        ("Code:\n```\n{name} = 1\n```\nDone.\n", "{name}", "Done."),
        ("My portfolio: https://cal.example/{name} and more.\n", "{name}", "and more."),
        ("The [deck](https://x.example/Acme_Robotcs) is here.\n", "Acme_Robotcs", "deck"),
        ("Hi <!-- [Interviewer Name] --> Sam\n", "Interviewer", "Sam"),
    ],
)
def test_code_urls_and_comments_are_not_prose(body, hidden, kept):
    prose = own_prose(body)
    assert len(prose) == len(body)
    assert hidden not in prose and kept in prose


def test_the_reply_parser_never_sees_a_long_line(monkeypatch):
    """Its patterns take time by the square of a line's length (a 40,000
    character line took over a minute): long lines reach it blank, and a
    reply header under a long line is still found."""
    from mailparser_reply import EmailReplyParser

    from notelint.inputs import notes

    seen: list[int] = []
    read = EmailReplyParser.read

    def spy(self, text):
        seen.append(max(len(line) for line in text.split("\n")))
        return read(self, text=text)

    monkeypatch.setattr(EmailReplyParser, "read", spy)
    body = (
        "Hi,\n\n"
        + "On "
        + "so much prose " * 3000
        + ":\n\nOn Tue, 3 Nov 2026, Ana <a@x.example> wrote:\n> q\n"
    )
    at = notes.quoted_reply(body)
    assert seen and max(seen) <= notes.MAX_HEADER_LINE
    assert body[at:].startswith("On Tue, 3 Nov")
