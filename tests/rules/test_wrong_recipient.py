"""wrong-recipient (NL202): a greeting or a sentence spoken to another
interviewer than the note's recipient."""

import pytest

INTERVIEW = """\
company: Acme Robotics
interviewers:
  - name: Maria Gonzalez
  - name: Rajesh Patel
  - name: Zoë Fairweather
"""


def found(lint, body: str, to: str | None = "Rajesh Patel"):
    front = f"---\nto: {to}\nsent: 2026-11-21T09:00\n---\n" if to else ""
    files = {"app/interview.yaml": INTERVIEW, "app/draft.md": front + body}
    return lint(files, select=("wrong-recipient",))


BAD = [
    ("Dear Maria,\n\nThanks.\n", (5, 6, 11), "the greeting addresses 'Maria' (Maria Gonzalez)"),
    ("Dear Ms. Gonzalez,\n\nThanks.\n", (5, 10, 18), "but this note is to Rajesh Patel"),
    ("Hi Zoe,\n\nThanks.\n", (5, 4, 7), "Zoë Fairweather"),
    (
        "Hi Raj,\n\nThank you, Maria, for the tour.\n",
        (7, 12, 17),
        "this sentence speaks to 'Maria'",
    ),
    (
        "Hi Raj,\n\nMaria, your point about launches stuck with me.\n",
        (7, 1, 6),
        "speaks to 'Maria'",
    ),
]

GOOD = [
    "Hi Raj,\n\nMaria mentioned the launch calendar.\n",  # third person
    "Dear Rajesh,\n\nThank you for introducing me to your colleague, Maria.\n",  # apposition
    "Hi Raj and Maria,\n\nThanks to you both.\n",  # the recipient is among those greeted
    "Hi Raj,\n\nIt was great to meet you and Maria.\n",
    "Hi Raj,\n\nMaria, Zoë and I discussed your roadmap.\n",  # a list of people
    "Hi Raj,\n\nMaria, who leads marketing, told me you plan ahead.\n",
    "Dear Hiring Team,\n\nThanks.\n",
]


@pytest.mark.parametrize("body, where, message", BAD)
def test_flags_another_interviewer(lint, body, where, message):
    findings = found(lint, body)
    assert len(findings) == 1, findings
    finding = findings[0]
    assert (finding.line, finding.column, finding.end_column) == where
    assert message in finding.message
    assert str(finding.severity) == "error"


@pytest.mark.parametrize("body", GOOD)
def test_leaves_the_right_person_alone(lint, body):
    assert found(lint, body) == []


def test_silent_when_recipient_unknown(lint):
    assert found(lint, "Dear Maria,\n\nThanks.\n", to=None) == []


@pytest.mark.parametrize(
    "body, spoken",
    [
        ("Hi Raj,\n\nThank you, Ms. Gonzalez, for the tour.\n", "Gonzalez"),
        ("Hi Raj,\n\nThe tour was great. Thanks again, Ms. Gonzalez.\n", "Gonzalez"),
        ("Hi Raj,\n\nThank you, Dr. Fairweather, for the demo.\n", "Fairweather"),
    ],
)
def test_an_honorific_does_not_hide_who_is_spoken_to(lint, body, spoken):
    (finding,) = found(lint, body)
    assert f"this sentence speaks to '{spoken}'" in finding.message


def test_a_greeting_to_an_interviewer_of_another_application(lint):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/raj.md": "---\nto: Rajesh Patel\n---\nDear Ms. Lindqvist,\n\nThanks for the tour.\n",
        "other/interview.yaml": "company: Halcyon Robotics\ninterviewers:\n  - name: Greta Lindqvist\n",
    }
    (finding,) = lint(files, select=("wrong-recipient",))
    assert "'Lindqvist' (Greta Lindqvist, of Halcyon Robotics, folder other)" in finding.message


def test_a_name_after_a_wrapped_line_is_no_greeting(lint):
    """A mail client wraps at 72 characters: "... to\\nMaria, I ..." is one
    sentence that speaks of Maria, not to her."""
    body = (
        "Dear Rajesh,\n\nThank you for the tour. If you could pass my portfolio on to\n"
        "Maria, I would be glad to walk her through it.\n\nBest,\nJo\n"
    )
    assert found(lint, body) == []
    spoken = body.replace("on to\nMaria, I would", "on.\nMaria, you would")
    assert [f.line for f in found(lint, spoken)] == [8]  # after 4 lines of front matter


def test_a_name_set_between_commas_before_your_speaks_to_them(lint):
    body = (
        "Dear Rajesh,\n\nWhat stayed with me, Maria, is your insistence on outcomes.\n\nBest,\nJo\n"
    )
    (finding,) = found(lint, body)
    assert "speaks to 'Maria'" in finding.message
    listed = (
        "Dear Rajesh,\n\nI met Priya, Maria, and Tom, and your team impressed me.\n\nBest,\nJo\n"
    )
    assert found(lint, listed) == []


def test_a_nickname_of_the_recipient_is_no_greeting_to_another_loop(lint):
    """'Tomek' to Tomasz Wójcik, while another application has a Tom Ashby:
    a greeting that begins as the recipient's first name is theirs."""
    files = {
        "a/interview.yaml": "company: Lindqvist\ninterviewers: [{name: Tomasz Wójcik}]\n",
        "a/t.md": "---\nto: Tomasz Wójcik\n---\nHi Tomek,\n\nThanks for the depot tour.\n",
        "b/interview.yaml": "company: Oriel\ninterviewers: [{name: Tom Ashby}]\n",
    }
    assert lint(files, select=("wrong-recipient",)) == []
    files["a/t.md"] = files["a/t.md"].replace("Hi Tomek", "Hi Tom Ashby")
    assert len(lint(files, select=("wrong-recipient",))) == 1
