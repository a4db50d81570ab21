"""generic-phrasing: warns on thank-you notes that as a whole lack specifics;
stock phrases inside a specific note are info at most."""

import pytest

from notelint.core.model import Severity

RULE = "generic-phrasing"
INTERVIEW = """\
company: Acme Robotics
role: Product Development Manager
round: 1
interviewed_at: 2026-11-20T14:00
interviewers:
  - name: Maria Gonzalez
    title: Director of Marketing
    role: other-department
    points:
      - collaboration between marketing and product development
      - usability testing of the warehouse picking arm
  - name: Raj Patel
    role: hiring-manager
"""
GENERIC = """\
Thank you so much for taking the time to speak with me today about the
Product Development Manager position at Acme Robotics. I really enjoyed our
conversation and learning more about the role and the team.

I believe my skills and experience make me a strong fit for this position,
and I am very excited about the opportunity. Please do not hesitate to
contact me if you need any further information.

I look forward to hearing from you soon.
"""
SPECIFIC = """\
Thank you for taking the time to meet with me today. Your account of the
usability testing on the picking arm stayed with me: at Globex I ran
fourteen sessions with night-shift pickers in 2024 and we cut mis-picks by
a third. I am confident that my skills and experience would help here, and
I would gladly share the test scripts we used.

I look forward to hearing from you.
"""
SHORT_SPECIFIC = """\
Thanks for the walk through the Denver plant and the demo of the
gripper prototype! I still think the suction cups could handle the
polybags.
"""


def note(body, to="Maria Gonzalez", kind="thank-you", greeting="Dear Maria,"):
    return (
        f"---\nto: {to}\nsent: 2026-11-20T18:00\nkind: {kind}\n---\n"
        f"{greeting}\n\n{body}\nBest regards,\nAlex Kim\n"
    )


def run(lint, body, with_interview=True, **kwargs):
    files = {"app/maria.md": note(body, **kwargs)}
    if with_interview:
        files["app/interview.yaml"] = INTERVIEW
    return [f for f in lint(files, select=(RULE,)) if f.rule == RULE]


def warnings(findings):
    return [f for f in findings if f.severity is Severity.WARNING]


def test_generic_note_warns_on_first_body_line_and_suggests_a_point(lint):
    [finding] = run(lint, GENERIC)
    assert finding.severity is Severity.WARNING
    assert (finding.line, finding.column) == (6, 1)  # "Dear Maria," is the first body line
    assert "could have gone to anyone" in finding.message
    assert "Maria Gonzalez" in finding.message
    assert "'collaboration between marketing and product development'" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        SPECIFIC,  # stock opening and closing around a specific middle
        SHORT_SPECIFIC,  # short, but names places and things
        "Thank you for meeting me. I keep thinking about how marketing could join\n"
        "product development at the first concept review.\n",  # echoes a point
    ],
)
def test_specific_notes_do_not_warn(lint, body):
    assert warnings(run(lint, body)) == []


def test_stock_phrase_in_the_middle_of_a_specific_note_is_info(lint):
    findings = run(lint, SPECIFIC)
    assert findings and all(f.severity is Severity.INFO for f in findings)
    [finding] = findings
    assert "stock phrase" in finding.message
    assert "'confident that my skills and experience'" in finding.message
    # the opening thanks and the closing line are left alone
    assert (finding.line, finding.column) == (11, 15)


def test_stock_phrase_info_can_be_switched_off(lint):
    files = {"app/interview.yaml": INTERVIEW, "app/maria.md": note(SPECIFIC)}
    findings = lint(files, select=(RULE,), rules={RULE: {"stock_phrase_info": False}})
    assert findings == []


def test_works_without_interview(lint):
    [finding] = warnings(run(lint, GENERIC, with_interview=False))
    assert "mention something you discussed" in finding.message
    assert warnings(run(lint, SPECIFIC, with_interview=False)) == []


@pytest.mark.parametrize("kind", ["follow-up", "check-in", "rejection-reply"])
def test_only_thank_you_notes(lint, kind):
    assert run(lint, GENERIC, kind=kind) == []


def test_min_score_option(lint):
    files = {"app/interview.yaml": INTERVIEW, "app/maria.md": note(SHORT_SPECIFIC)}
    findings = lint(files, select=(RULE,), rules={RULE: {"min_score": 50.0}})
    assert [f.severity for f in findings] == [Severity.WARNING]


def test_empty_note_is_left_to_other_rules(lint):
    assert run(lint, "") == []


@pytest.mark.parametrize(
    "body",
    [
        # field nouns without anything particular: still a template
        "Thank you for the interview yesterday. I was impressed by your commitment to\n"
        "innovation and by the friendly, supportive environment. The role sounds like a\n"
        "perfect match for my background in biology, and I would love to bring my\n"
        "passion for science to Acme Robotics.\n",
        "It was a pleasure meeting you today. I appreciated learning about your team's\n"
        "goals and the challenges you face this year. I believe my experience in\n"
        "fast-paced laboratories has prepared me well, and I am eager to contribute to\n"
        "your important work. I have connected with you on LinkedIn.\n",
    ],
)
def test_template_with_a_few_filled_in_words_is_still_generic(lint, body):
    assert [f.severity for f in run(lint, body)] == [Severity.WARNING]


def test_one_concrete_thing_is_enough(lint):
    body = "Thank you for the tour of the lab and for showing me the new sequencer.\n"
    assert warnings(run(lint, body)) == []


def test_a_note_too_short_to_say_anything_warns(lint):
    (finding,) = warnings(run(lint, "Thanks!\n"))
    assert "too short" in finding.message
    assert "usability testing" not in finding.message or "e.g." in finding.message


def test_stock_sentences_naming_company_and_role_are_still_generic(lint):
    body = (
        "Thank you for meeting with me about the Product Development Manager role at Acme "
        "Robotics. I enjoyed learning about Acme Robotics and its culture. I am confident my "
        "background makes me a strong fit for Acme Robotics, and I look forward to the next steps.\n"
    )
    assert len(warnings(run(lint, body))) == 1


def test_another_interviewers_point_does_not_make_the_note_personal(lint):
    """Raj's note echoing Maria's point is not personal to Raj."""
    interview = INTERVIEW.replace(
        "  - name: Raj Patel\n    role: hiring-manager\n",
        "  - name: Raj Patel\n    role: hiring-manager\n    points: [budget forecasting for Q3]\n",
    )
    body = (
        "Thank you for your time today. I enjoyed the collaboration between marketing and "
        "product development. I look forward to hearing from you.\n"
    )
    files = {
        "app/interview.yaml": interview,
        "app/raj.md": note(body, to="Raj Patel", greeting="Dear Raj,"),
    }
    findings = [f for f in lint(files, select=(RULE,)) if f.rule == RULE]
    assert len(warnings(findings)) == 1
    assert "budget forecasting for Q3" in findings[0].message


def test_an_inside_address_names_the_company_not_a_specific(lint):
    body = (
        "Mark Johnson\nNurse Manager\nHarbour Hospital Group\n12 Pine Road\n\nDear Mr. Johnson,\n\n"
        "Thank you for the interview for the nursing position at Harbour Hospital Group. I enjoyed "
        "learning more about the team, and I look forward to hearing from you.\n\nSincerely,\nJo\n"
    )
    findings = lint({"loose/note.md": body}, select=(RULE,))
    assert len(warnings(findings)) == 1
