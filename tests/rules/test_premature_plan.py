"""premature-plan: a 30/60/90-day plan, in the text or attached, after a
first-round interview."""

import pytest

RULE = "premature-plan"


def run(lint, body, round_=1, attachments=None, kind="thank-you"):
    front = "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n"
    if attachments:
        front += f"attachments: [{', '.join(attachments)}]\n"
    front += f"kind: {kind}\n---\n"
    files = {
        "app/interview.yaml": (
            f"company: Acme Robotics\nround: {round_}\ninterviewed_at: 2026-11-20T10:00\n"
            "interviewers:\n  - name: Maria Gonzalez\n    role: hiring-manager\n"
        ),
        "app/maria-gonzalez.md": front + "Dear Maria,\n\n" + body + "\n",
    }
    return [f for f in lint(files, select=(RULE,)) if f.rule == RULE]


def fired(findings):
    return [f for f in findings if str(f.severity) != "info"]


BAD = [
    ("I have drafted a 30/60/90-day plan for the QC lab.", "30/60/90-day plan"),
    ("As promised, I have attached the 30-60-90 day plan we discussed.", "30-60-90 day plan"),
    ("Here is my 90-day plan for the clinic.", "90-day plan"),
    ("I put together a plan for my first 90 days.", "plan for my first 90 days"),
    ("I have sketched a first-90-days plan.", "first-90-days plan"),
    ("My thirty-sixty-ninety day roadmap is below.", "thirty-sixty-ninety day roadmap"),
    ("A 100-day action plan is attached.", "100-day action plan"),
    ("I'd love to walk you through my 30-60-90 day plan.", "30-60-90 day plan"),
    ("I have written a roadmap for my first quarter, attached.", "roadmap for my first quarter"),
    ("My first-quarter plan is below.", "first-quarter plan"),
    (
        "In my first month I would listen in on calls. By day 60 I would move the top three "
        "reasons to self-service. By day 90 I would set a baseline.",
        "first month I would listen in on calls. By day 60 I would move the top three "
        "reasons to self-service. By day 90",
    ),
]


@pytest.mark.parametrize("body, span", BAD)
def test_plan_in_text_round_one(lint, body, span):
    (finding,) = fired(run(lint, body))
    column = body.index(span) + 1
    assert (finding.line, finding.column, finding.end_column) == (8, column, column + len(span))
    assert "later round" in finding.message


def test_plan_laid_out_by_days(lint):
    body = (
        "In the first 30 days I would review every deviation; by day 60 I would run "
        "a mock inspection; by day 90 I would have a trending report."
    )
    assert len(fired(run(lint, body))) == 1


GOOD = [
    "In my first few months I would mostly listen to the charge nurses.",
    "In my first 90 days I would meet every nurse on the unit.",
    "Your 90-day onboarding plan for new managers sounded thorough.",
    "Most punch items appear in the 90-day defects period after handover.",
    "I think your 60-day cancellation window is fair.",
    "We have check-ins at 30, 60 and 90 days.",
    "The 30-day return policy is generous.",
    "I enjoyed hearing about the company's 100-day plan for the merger.",
]


@pytest.mark.parametrize("body", GOOD)
def test_no_plan(lint, body):
    assert run(lint, body) == []


@pytest.mark.parametrize("round_", [2, 3])
def test_later_rounds_are_fine(lint, round_):
    body = "I have attached my 30/60/90-day plan."
    assert run(lint, body, round_, attachments=["30-60-90-day-plan.pdf"]) == []


@pytest.mark.parametrize(
    "name, fires",
    [
        ("30-60-90-day-plan.pdf", True),
        ("first-90-days-plan.pdf", True),
        ("90_day_plan.docx", True),
        ("30 60 90 Plan.docx", True),
        ("first-quarter-roadmap.pdf", True),
        ("portfolio.pdf", False),
        ("Q3-90-day-results.pdf", False),
    ],
)
def test_attachment(lint, name, fires):
    findings = fired(run(lint, "Thank you for the tour.", attachments=[name]))
    assert bool(findings) is fires
    if fires:
        assert f"attachment '{name}'" in findings[0].message


def test_any_kind_of_note(lint):
    assert fired(run(lint, "Thank you.", attachments=["30-60-90-day-plan.pdf"], kind="follow-up"))


def test_offer_for_later_is_info(lint):
    body = (
        "If it would help, I would be happy to put together a 30/60/90-day plan for the next round."
    )
    (finding,) = run(lint, body)
    assert str(finding.severity) == "info"


def test_no_interview_file_no_finding(lint):
    note = "---\nto: Maria\n---\nHere is my 30/60/90-day plan.\n"
    assert not [f for f in lint({"n.md": note}, select=(RULE,)) if f.rule == RULE]
