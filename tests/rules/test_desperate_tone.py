"""desperate-tone: pleading, pressure, guilt, repeated "!!" or "??", shouting."""

import pytest

RULE = "desperate-tone"
INTERVIEW = """\
company: Acme Robotics
role: SCADA Engineer
interviewers:
  - name: Maria Gonzalez
    role: hiring-manager
    points:
      - migrating the OSIsoft PI historian
"""


def run(lint, body, kind="thank-you"):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/maria-gonzalez.md": (
            f"---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\nkind: {kind}\n---\n"
            "Dear Maria,\n\n" + body + "\n\nBest regards,\nJANE DOE\n"
        ),
    }
    return [f for f in lint(files, select=(RULE,)) if f.rule == RULE]


BAD = [
    ("Honestly, I really need this job.", "I really need this job", "pleading"),
    ("I'm begging you to consider my application.", "I'm begging", "pleading"),
    ("Please give me a chance to prove myself.", "Please give me a chance", "pleading"),
    ("I just need one chance.", "I just need one chance", "pleading"),
    ("I need an answer by Friday.", "I need an answer by", "pressure"),
    ("I have another offer and need to know this week.", "have another offer and need", "pressure"),
    ("Why haven't you responded to my last email", "Why haven't you responded", "pressure"),
    ("I am still waiting for a reply from anyone.", "I am still waiting", "guilt"),
    ("Nobody has gotten back to me since the interview.", "Nobody has gotten back to me", "guilt"),
    ("After all the effort I put in, I expected a reply.", "After all the effort I", "guilt"),
    ("Thank you so much for yesterday!!", "!!", "repeated"),
    ("Did you get my portfolio??", "??", "repeated"),
    ("Any news?!?", "?!?", "repeated"),
    ("I would LOVE to join and I am SO READY.", "LOVE to join and I am SO READY", "shouting"),
    ("PLEASE CALL ME.", "PLEASE CALL", "shouting"),
    # pressure without an exclamation mark
    (
        "You will not find anyone who wants this job more than I do.",
        "anyone who wants this job more than I do",
        "pleading",
    ),
    ("Waiting for a positive reply.", "Waiting for a positive reply", "pleading"),
    ("Sorry to bother you again about the role.", "Sorry to bother you again", "pleading"),
    ("Did you get my last three emails?", "Did you get my last three emails", "pleading"),
    ("I am available any time, day or night.", "any time, day or night", "pleading"),
    (
        "I will call your office every day until you decide.",
        "I will call your office every day",
        "pleading",
    ),
    ("I will wait until I hear back from you.", "until I hear back", "pleading"),
    ("My phone is on day and night.", "phone is on day and night", "pleading"),
    ("I would happily do a two-week trial unpaid first.", "trial unpaid", "pleading"),
    ("I can come in any time at all.", "any time at all", "pleading"),
]


@pytest.mark.parametrize("body, span, kind", BAD)
def test_flags(lint, body, span, kind):
    findings = run(lint, body)
    assert len(findings) == 1, [f.message for f in findings]
    (finding,) = findings
    column = body.index(span) + 1
    assert (finding.line, finding.column, finding.end_column) == (8, column, column + len(span))
    assert kind in finding.message


GOOD = [
    "Thank you for giving me the chance to meet the team!",
    "I'm really excited about this role and the PI historian migration.",
    "I would be grateful for an update when you are able.",
    "Please let me know if you need anything else from me.",
    "Please keep me in mind for future roles.",
    "You mentioned you would decide by Friday, so I wanted to check in.",
    "I have been waiting for a role like this for years.",
    "I worked with NASA, OSHA and HIPAA rules, SCADA and OSISOFT systems.",
    "I am REALLY excited.",  # one emphasised word is not shouting
    "What a great visit! I can't wait to hear more?",
    "I led the NIST and USDA audits.",
    "I need an answer to one question about the relocation package.",
    "Let me know by Friday if you need my references.",
    "I took a day off last week to visit your Whitby surgery as a patient.",
    "I will send the signed forms by end of day today.",
    "Did you get a chance to look at the portfolio link?",
    "I look forward to a positive working relationship with the team.",
    "Your point on handovers between day and night shifts stayed with me.",
    "I volunteered unpaid at the food bank for two years before nursing school.",
]


@pytest.mark.parametrize("body", GOOD)
def test_silent(lint, body):
    assert run(lint, body) == []


def test_signature_in_capitals_is_not_shouting(lint):
    assert run(lint, "Thank you for the tour of the plant.") == []


def test_every_kind_of_note(lint):
    assert len(run(lint, "I need an answer by Friday.", kind="follow-up")) == 1


@pytest.mark.parametrize(
    "sentence, fires",
    [
        ("I need an answer from you by Friday at the latest.", True),
        ("I would need your decision today, if possible.", True),
        ("I expect a response by Monday.", True),
        ("You said you need an answer from the board by Friday.", False),
        ("I need a day to think about the offer.", False),
        ("I look forward to your decision by the end of the month.", False),
    ],
)
def test_demands_read_from_the_parse(lint, sentence, fires):
    findings = lint({"n.md": f"Dear Raj,\n\n{sentence}\n\nBest,\nJo\n"}, select=("desperate-tone",))
    assert bool(findings) is fires, findings


def test_demand_after_its_deadline_spans_both(lint):
    """ "Today I need an answer": the deadline comes first; the span runs from
    it to the object, not backwards."""
    findings = lint({"n.md": "Dear Raj,\n\nToday I need an answer.\n\nBest,\nJo\n"}, select=(RULE,))
    (finding,) = [f for f in findings if f.rule == RULE]
    assert (finding.line, finding.column, finding.end_line, finding.end_column) == (3, 1, 3, 23)
    assert "'Today I need an answer'" in finding.message


def test_capitals_of_a_template_field_are_not_shouting(lint):
    note = "Dear Priya,\n\nI would love to join [COMPANY NAME] and help {TEAM NAME} ship.\n\nBest,\nJo\n"
    assert lint({"n.md": note}, select=("desperate-tone",)) == []
    shouting = note.replace("I would love to join", "I REALLY WANT TO join")
    assert [f.rule for f in lint({"n.md": shouting}, select=("desperate-tone",))] == [
        "desperate-tone"
    ]


@pytest.mark.parametrize(
    "body, fires",
    [
        # Two needy cues in two sentences: anxious together.
        ("I can come in at any hour. I'll keep my phone on all weekend.", True),
        ("Sorry to bother you again. Is there any news on the role?", True),
        ("I keep replaying my answers. I'm checking my inbox every hour.", True),
        ("I was laid off in May. I would take any role on your team.", True),
        ("I know I am not the most experienced. I promise I will never disappoint you.", True),
        # One cue alone is ordinary, and so are two in one sentence.
        ("I'm happy to work nights and weekends during the launch.", False),
        ("Is there any news on the timeline? I remain very interested in the role.", False),
        ("I was laid off when the plant closed, and I retrained in PLC programming.", False),
    ],
)
def test_needy_cues_count_together(lint, body, fires):
    found = run(lint, "Thank you for the talk about the OSIsoft PI historian. " + body)
    assert bool(found) is fires
    needy = [f for f in found if f.message.startswith("needy:")]
    assert len(needy) <= 1  # one finding for the note, not one per cue
    assert all(f.message.count("'") >= 4 for f in needy)  # naming two cues or more


def test_a_promise_reported_is_no_demand(lint):
    told = "After the second round you told me that I should expect an answer by the 13th."
    assert not [f for f in run(lint, told) if f.message.startswith("pressure")]
    assert [
        f for f in run(lint, "I expect an answer by the 13th.") if f.message.startswith("pressure")
    ]


def test_an_address_block_in_capitals_is_not_shouting(lint):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/maria-gonzalez.md": "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n"
        "MARIA GONZALEZ\nMANAGING PARTNER\nACME ROBOTICS\n300 COMMERCE STREET\n\nDear Maria,\n\n"
        "Thank you for the talk about the OSIsoft PI historian.\n\nBest regards,\nJo\n",
    }
    assert [f for f in lint(files, select=(RULE,)) if f.rule == RULE] == []
