"""rejection-reply-tone: bitter or arguing replies to a rejection, and replies
that do not thank them or ask to be kept in mind."""

import pytest

RULE = "rejection-reply-tone"
INTERVIEW = """\
company: Acme Robotics
interviewers:
  - name: Maria Gonzalez
    role: hiring-manager
"""
GRACIOUS_END = " Thank you for your time, and please keep me in mind for future roles."


def run(lint, body, kind="rejection-reply"):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/maria-gonzalez.md": (
            f"---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\nkind: {kind}\n---\n"
            "Dear Maria,\n\n" + body + "\n\nBest,\nJane Doe\n"
        ),
    }
    return [f for f in lint(files, select=(RULE,)) if f.rule == RULE]


BITTER = [
    ("I don't understand why I was not chosen.", "I don't understand why"),
    ("I think you made a mistake.", "you made a mistake"),
    ("The process was unfair.", "unfair"),
    ("I was clearly the best candidate.", "I was clearly the best"),
    ("I am more qualified than the person you hired.", "I am more qualified than"),
    ("I would ask you to reconsider.", "reconsider"),
    ("I can only assume the decision was made before I walked in.", "I can only assume"),
    ("I find the decision hard to accept.", "hard to accept"),
    ("I hope whoever you hired is worth it.", "I hope whoever"),
]


@pytest.mark.parametrize("body, span", BITTER)
def test_bitter(lint, body, span):
    findings = run(lint, body + GRACIOUS_END)
    assert len(findings) == 1, [f.message for f in findings]
    (finding,) = findings
    column = body.index(span) + 1
    assert (finding.line, finding.column, finding.end_column) == (8, column, column + len(span))
    assert "argues the decision" in finding.message


MISSING = [
    ("Thank you for letting me know. I wish the team well.", "kept in mind", "thank them"),
    ("Please keep me in mind for future openings.", "thank them", "kept in mind"),
    ("I got your message. Good luck with the project.", "thank them and does not ask", None),
]


@pytest.mark.parametrize("body, wanted, unwanted", MISSING)
def test_missing(lint, body, wanted, unwanted):
    (finding,) = run(lint, body)
    assert finding.line == 6  # a whole-note finding sits on the first body line
    assert wanted in finding.message
    if unwanted:
        assert unwanted not in finding.message


GOOD = [
    "Thank you for letting me know. I was disappointed, of course, but please keep me in mind.",
    "Thanks for the call. I'd love to stay in touch if anything similar opens up.",
    "I appreciate the update. Should another role open up, I would be glad to apply again.",
    "I'm sure you chose the best candidate. Thank you, and do think of me for future openings.",
    "Thank you for your time. I would welcome any feedback, and I hope our paths cross again.",
    "Many thanks for letting me know. I'd be grateful if you would keep my CV on file.",
    "THANK YOU for the news. Please Keep Me In Mind for other roles.",
    # a good wish for whoever was hired is gracious
    "Thank you for letting me know. I hope whoever you hire works out well; please keep me in mind.",
]


@pytest.mark.parametrize("body", GOOD)
def test_gracious(lint, body):
    assert run(lint, body) == []


def test_only_rejection_replies(lint):
    assert run(lint, "I don't understand why it took so long.", kind="thank-you") == []


@pytest.mark.parametrize(
    "body, gracious",
    [
        (
            "Thank you for letting me know. I would be grateful if you kept my profile in mind.",
            True,
        ),
        (
            "Thank you for telling me. If a position opens in the future, I would love to hear.",
            True,
        ),
        ("I really enjoyed our hour. If anything opens up, please keep me in mind.", True),
        ("Thank you for letting me know. Good luck with the launch.", False),  # nothing asked
        ("Ok. Keep my profile in mind.", False),  # no thanks
    ],
)
def test_thanks_and_keep_in_mind_however_worded(lint, body, gracious):
    found = [f for f in run(lint, body) if "this reply to a rejection" in f.message]
    assert (not found) is gracious, found
