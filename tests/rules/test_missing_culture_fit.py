"""missing-culture-fit: the hiring manager's (or their boss's) thank-you must
say something of the company's values, culture or mission."""

import pytest

RULE = "missing-culture-fit"
SPECIFIC = (
    "Thank you for walking me through the gripper roadmap. I have shipped two "
    "grippers for food handling and would enjoy the tolerance work."
)


def run(
    lint,
    body,
    role="hiring-manager",
    kind="thank-you",
    values=("collaboration", "customer obsession", "right first time"),
):
    interview = (
        "company: Halcyon Robotics\nround: 2\n"
        + ("values:\n" + "".join(f"  - {v}\n" for v in values) if values else "")
        + f"interviewers:\n  - name: Maria Gonzalez\n    role: {role}\n"
    )
    files = {
        "app/interview.yaml": interview,
        "app/maria-gonzalez.md": f"---\nkind: {kind}\n---\nDear Maria,\n\n{body}\n\nBest,\nSam\n",
    }
    return [f for f in lint(files, select=(RULE,)) if f.rule == RULE]


@pytest.mark.parametrize("role", ["hiring-manager", "hiring-manager-boss"])
def test_fires_without_values(lint, role):
    (finding,) = run(lint, SPECIFIC, role=role)
    whom = "the hiring manager" if role == "hiring-manager" else "the hiring manager's boss"
    assert finding.message == (
        f"the note to {whom} says nothing of Halcyon Robotics' culture, values or mission; "
        "echo a value you heard, such as 'collaboration'"
    )
    assert (finding.line, finding.column) == (4, 1)


@pytest.mark.parametrize(
    "sentence",
    [
        "Your engineers are wonderfully collaborative.",  # collaboration
        "We collaborated closely with sales on every pilot.",
        "You are clearly obsessed with your customers.",  # customer obsession
        "Getting it right the first time matters to me.",  # right first time
        "The culture of your lab is what I want.",  # culture language
        "Your mission to automate food handling is why I applied.",
        "The values you described match how I work.",
        "Your commitment to safe automation stood out.",
    ],
)
def test_values_or_culture_named(lint, sentence):
    assert run(lint, SPECIFIC + " " + sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I could add value to the tolerance work.",  # "value" is not values
        "I hope to hear from you at the right time.",  # not "right first time"
        "Please tell the customer team I said hello.",  # one word of a value
    ],
)
def test_near_misses_still_fire(lint, sentence):
    assert len(run(lint, SPECIFIC + " " + sentence)) == 1


def test_no_values_given(lint):
    (finding,) = run(lint, SPECIFIC, values=())
    assert finding.message.endswith("say what draws you to how they work or what they stand for")
    assert run(lint, SPECIFIC + " I share your mission.", values=()) == []


@pytest.mark.parametrize("role", ["colleague", "hr", "recruiter", "other-department", "other"])
def test_other_roles_are_silent(lint, role):
    assert run(lint, SPECIFIC, role=role) == []


@pytest.mark.parametrize("kind", ["follow-up", "check-in", "rejection-reply"])
def test_only_thank_you_notes(lint, kind):
    assert run(lint, SPECIFIC, kind=kind) == []


def test_the_company_valuing_something_is_culture_talk(lint):
    interview = (
        "company: Initech\ninterviewers:\n  - name: Bill Lumbergh\n    role: hiring-manager\n"
    )
    note = (
        "---\nto: Bill Lumbergh\nsent: 2026-11-18T10:00\n---\nDear Mr. Lumbergh,\n\n"
        "I liked hearing how Initech values steady, careful work over heroics.\n"
    )
    assert (
        lint(
            {"app/interview.yaml": interview, "app/bill.md": note}, select=("missing-culture-fit",)
        )
        == []
    )
    mine = note.replace("how Initech values steady, careful work", "that I value steady work")
    assert [f.rule for f in lint({"app/bill.md": mine}, select=("missing-culture-fit",))] == [
        "missing-culture-fit"
    ]


@pytest.mark.parametrize(
    "text",
    ["---\nkind: thank-you\n---\nDear Maria,\n", "---\nkind: thank-you\n---\nBest,\nSam\n"],
    ids=["greeting-only", "signature-only"],
)
def test_silent_without_content(lint, text):
    """A greeting or a signature alone says nothing to judge (as in generic-phrasing)."""
    interview = "company: Halcyon Robotics\ninterviewers:\n  - name: Maria Gonzalez\n    role: hiring-manager\n"
    files = {"app/interview.yaml": interview, "app/maria-gonzalez.md": text}
    assert not [f for f in lint(files, select=(RULE,)) if f.rule == RULE]


@pytest.mark.parametrize(
    "sentence, speaks_of_culture",
    [
        ("I'd much rather work somewhere that ships a gripper only when it is ready.", True),
        ("That is the standard I would want my own work held to.", True),
        ("I liked how you talk about operators as partners in every test.", True),
        ("It told me a lot about how the engineers talk to each other.", True),
        ("The tolerance work sounds like exactly the kind of work I enjoy.", False),
        ("I would love to be part of the gripper team.", False),
    ],
)
def test_culture_in_the_candidates_own_words(lint, sentence, speaks_of_culture):
    assert (not run(lint, SPECIFIC + " " + sentence)) is speaks_of_culture
