"""template-placeholder (NL302): unfilled template slots, filled by the fix
when the interview knows the value."""

import pytest

INTERVIEW = """\
company: Acme Robotics
role: Product Development Manager
interviewers:
  - name: Maria Gonzalez
    title: Director of Marketing
"""


def found(lint, body: str):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/note.md": f"---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n{body}",
    }
    return lint(files, select=("template-placeholder",))


# line 7 of the file is the body's third line
BAD = [
    ("Hi [Interviewer Name],\n\nThanks.\n", (5, 4, 22), "Maria"),
    ("Dear Ms. [Last Name],\n\nThanks.\n", (5, 10, 21), "Gonzalez"),
    ("Dear Maria,\n\nI would love to join [Company].\n", (7, 22, 31), "Acme Robotics"),
    ("Dear Maria,\n\nI would love to join <Company Name>.\n", (7, 22, 36), "Acme Robotics"),
    (
        "Dear Maria,\n\nI am excited about the {role} role.\n",
        (7, 24, 30),
        "Product Development Manager",
    ),
    (
        "Dear Maria,\n\nI am excited about the {{job_title}}.\n",
        (7, 24, 37),
        "Product Development Manager",
    ),
    (
        "Dear Maria,\n\nYour work as [their title] impressed me.\n",
        (7, 14, 27),
        "Director of Marketing",
    ),
    (
        "Dear Maria,\n\nI applied for the ____ position.\n",
        (7, 19, 23),
        "Product Development Manager",
    ),
    ("Dear Maria,\n\nI have XX years of experience.\n", (7, 8, 10), None),
    ("Dear Maria,\n\nWe grew sales by $XX,XXX last year.\n", (7, 18, 25), None),
    ("Dear Maria,\n\nI started there in 20XX.\n", (7, 20, 24), None),
    ("Dear Maria,\n\nI loved [insert specific detail here].\n", (7, 9, 38), None),
    ("Dear Maria,\n\nI loved insert a detail here and more.\n", (7, 9, 29), None),
    ("Dear Maria,\n\nI loved (mention a project) most.\n", (7, 9, 28), None),
    ("Dear Maria,\n\nMy portfolio: [link].\n", (7, 15, 21), None),
    # fill-ins printed without brackets
    ("Dear Mr./Ms. Gonzalez,\n\nThanks.\n", (5, 6, 13), None),
    ("Dear Maria,\n\nI would love to join Company Name soon.\n", (7, 22, 34), "Acme Robotics"),
    ("Dear Maria,\n\nI would love to join COMPANY NAME soon.\n", (7, 22, 34), "Acme Robotics"),
    ("Dear NAME,\n\nThanks.\n", (5, 6, 10), "Maria Gonzalez"),
    ("Dear Maria,\n\nThank you for the interview on (date).\n", (7, 32, 38), None),
    (
        "Dear Maria,\n\nThanks for the feedback on the (name position).\n",
        (7, 32, 47),
        "Product Development Manager",
    ),
    (
        "Dear Maria,\n\nI enjoyed the Specific Position talk.\n",
        (7, 15, 32),
        "Product Development Manager",
    ),
    ("Dear Maria,\n\nThanks.\n\nSincerely,\nYour Name\n", (10, 1, 10), None),
    ("Dear Maria,\n\nThanks.\n\nSincerely,\nSam\nPhone Number: [phone]\n", (11, 1, 13), None),
]

GOOD = [
    "Dear Maria,\n\nSee [my portfolio](https://example.com) and [the deck][1].\n\n[1]: https://example.com\n",
    "Dear Maria,\n\nAs noted in the report [1], and in [^2], costs fell.\n",
    "Dear Maria,\n\n- [x] sent the deck\n- [ ] send the plan\n",
    "Dear Maria,\n\nMy site is <https://example.com/me> and my mail <me@example.com>.\n",
    "Dear Maria,\n\nLine one<br>line two, <b>bold</b>.\n",
    "Dear Maria,\n\nWe sold XXL jackets and watched Super Bowl XX.\n",
    "Dear Maria,\n\nThanks.\n\n___\n\nBest,\nSam\n",
    "Dear Maria,\n\nThe attached deck (see attached) has the numbers.\n",
    # the same words in ordinary prose, lower case
    "Dear Maria,\n\nYour name came up twice, and the company name is catchy.\n",
    "Dear Maria,\n\nI led the migration (the team and I) in a week.\n",
    # a label with its value is filled in
    "Dear Maria,\n\nThanks.\n\nBest,\nSam Lee\nPhone Number: (555) 010-2000\nEmail Address: sam@mail.example\n",
    # placeholders inside code and URLs are not prose
    "Dear Maria,\n\nBook me at https://cal.example/{name} or see `[Company]`.\n",
]


@pytest.mark.parametrize("body, where, fill", BAD)
def test_flags_placeholders(lint, body, where, fill):
    findings = found(lint, body)
    assert len(findings) == 1, findings
    finding = findings[0]
    assert (finding.line, finding.column, finding.end_column) == where
    assert "unfilled template placeholder" in finding.message
    assert str(finding.severity) == "error"
    if fill is None:
        assert finding.fix is None
    else:
        assert finding.fix is not None and finding.fix.replacement == fill


@pytest.mark.parametrize("body", GOOD)
def test_leaves_real_text_alone(lint, body):
    assert found(lint, body) == []


def test_no_fill_without_interview(lint):
    files = {"loose/note.md": "Hi [Name],\n\nI would love to join [Company].\n"}
    findings = lint(files, select=("template-placeholder",))
    assert len(findings) == 2 and all(f.fix is None for f in findings)
