"""missing-interview-point: a warning when a thank-you note echoes none of its
recipient's points (paraphrases count), info listing the points left out."""

from dataclasses import replace
from pathlib import Path

import pytest

from notelint.core.model import Severity
from tests.conftest import NOW

RULE = "missing-interview-point"
INTERVIEW = """\
company: Oriel & Finch
role: Senior Product Designer
round: 1
interviewed_at: 2026-03-18T10:30
interviewers:
  - name: Nadia Kowalczyk
    role: hiring-manager
    points:
      - the mobile checkout redesign and the drop-off at the payment step
      - usability testing with older users
  - name: Tom Ashby
    role: recruiter
"""


def note(body, to="Nadia Kowalczyk", kind="thank-you"):
    return (
        f"---\nto: {to}\nsent: 2026-03-18T18:00\nkind: {kind}\n---\n"
        f"Dear Nadia,\n\n{body}\n\nBest wishes,\nMei-Ling Soh\n"
    )


def run(lint, body, **kwargs):
    files = {"app/interview.yaml": INTERVIEW, "app/note.md": note(body, **kwargs)}
    return [f for f in lint(files, select=(RULE,)) if f.rule == RULE]


def test_no_point_echoed_is_a_warning_listing_the_points(lint):
    [finding] = run(
        lint,
        "Thank you for meeting with me. I enjoyed our conversation and I am excited\n"
        "about the opportunity to join your design team.",
    )
    assert finding.severity is Severity.WARNING
    assert (finding.line, finding.column) == (6, 1)
    assert "none of the points you discussed with Nadia Kowalczyk" in finding.message
    assert "'usability testing with older users'" in finding.message
    assert "'the mobile checkout redesign and the drop-off at the payment step'" in finding.message


@pytest.mark.parametrize(
    "body",
    [
        # the same words
        "Thank you for walking me through the checkout redesign.",
        # other forms and a paraphrase: "test" / "testing", "elderly" / "older"
        "I keep thinking about how you test prototypes with elderly customers.",
        # near-verbatim wording of the whole point
        "Usability testing with older users is close to my heart.",
        # a typo in the key word
        "Your story about the chekout flow was a great example.",
    ],
)
def test_an_echo_is_enough(lint, body):
    assert [f.severity for f in run(lint, body)] in ([], [Severity.INFO])


def test_info_lists_the_points_left_out(lint):
    [finding] = run(lint, "Thank you for walking me through the checkout redesign.")
    assert finding.severity is Severity.INFO
    assert "'usability testing with older users'" in finding.message
    assert "checkout redesign and" not in finding.message


def test_all_points_echoed_is_silent(lint):
    body = (
        "Thank you for walking me through the checkout redesign. Testing it with\n"
        "older users is exactly what I did at my last job."
    )
    assert run(lint, body) == []


def test_list_unmentioned_off(lint):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/note.md": note("Thank you for walking me through the checkout redesign."),
    }
    assert lint(files, select=(RULE,), rules={RULE: {"list_unmentioned": False}}) == []


def test_generic_words_never_echo(lint):
    # "design" is the role's own word and "team" a template word: no echo
    [finding] = run(lint, "I loved hearing about the design team and its goals.")
    assert finding.severity is Severity.WARNING


@pytest.mark.parametrize(
    "kwargs",
    [
        {"to": "Tom Ashby"},  # recipient without points
        {"to": "Someone Else"},  # unknown recipient (unreadable-input reports it)
        {"kind": "follow-up"},
        {"kind": "rejection-reply"},
    ],
)
def test_silent_without_points_or_for_other_kinds(lint, kwargs):
    assert run(lint, "Thank you for the opportunity.", **kwargs) == []


def test_silent_without_interview(lint):
    files = {"app/note.md": note("Thank you for the opportunity.")}
    assert [f for f in lint(files, select=(RULE,)) if f.rule == RULE] == []


def test_points_of_template_words_only_cannot_be_judged(lint):
    files = {
        "app/interview.yaml": INTERVIEW.replace(
            "  - name: Tom Ashby\n    role: recruiter\n",
            "  - name: Tom Ashby\n    role: recruiter\n    points:\n      - the team culture\n",
        ),
        "app/note.md": note("Thank you for the opportunity.", to="Tom Ashby"),
    }
    assert [f for f in lint(files, select=(RULE,)) if f.rule == RULE] == []


@pytest.mark.parametrize(
    "text",
    [
        "---\nto: Nadia Kowalczyk\nkind: thank-you\n---\nDear Nadia,\n",
        "---\nto: Nadia Kowalczyk\nkind: thank-you\n---\nBest wishes,\nMei-Ling Soh\n",
    ],
    ids=["greeting-only", "signature-only"],
)
def test_silent_without_content(lint, text):
    """A greeting or a signature alone says nothing to judge (as in generic-phrasing)."""
    findings = lint({"app/interview.yaml": INTERVIEW, "app/n.md": text}, select=(RULE,))
    assert not [f for f in findings if f.rule == RULE]


def test_to_matches_an_interviewer_without_transliterated_letters(lint):
    """`to: Lukasz Wojcik` is the interviewer Łukasz Wójcik: ł, ø, æ, đ and ß
    fold as the name rules fold them."""
    interview = INTERVIEW.replace("Nadia Kowalczyk", "Łukasz Wójcik")
    text = "---\nto: Lukasz Wojcik\nkind: thank-you\n---\nDear Lukasz,\n\nThank you for your time.\n\nBest,\nMei\n"
    findings = lint({"app/interview.yaml": interview, "app/n.md": text}, select=(RULE,))
    (finding,) = [f for f in findings if f.rule == RULE]
    assert "Łukasz Wójcik" in finding.message


def test_word_vectors_recognise_a_paraphrase():
    """With a pipeline that has word vectors (en_core_web_md, say), a sentence
    close in meaning to a point echoes it even when no word is shared."""
    import numpy
    import spacy

    from notelint import nlp as nlp_module
    from notelint.analysis.facts import Facts
    from notelint.core.model import Application, Interview, Interviewer
    from notelint.inputs.notes import parse_note
    from notelint.plugins import packs
    from notelint.rule import Context
    from notelint.rules.content.missing_interview_point import MissingInterviewPoint

    pipeline = spacy.load(nlp_module.default_model())  # a private copy: vectors added below
    topic, other = numpy.zeros(8, dtype="float32"), numpy.zeros(8, dtype="float32")
    topic[0], other[1] = 1.0, 1.0
    for word in ("budget", "forecasting", "predicting", "spend", "money", "estimating"):
        pipeline.vocab.set_vector(word, topic)
    for word in ("garden", "weather", "holiday"):
        pipeline.vocab.set_vector(word, other)
    rule = MissingInterviewPoint()
    lists = packs.load(()).lists
    rule.prepare(pipeline, dict(rule.options), lists)
    facts = Facts(pipeline, lists)
    person = Interviewer("Ana Ruiz", role="colleague", points=("budget forecasting",))
    interview = Interview(path=Path("interview.yaml"), company="Acme", interviewers=(person,))

    def warnings(sentence: str) -> list:
        raw = f"---\nto: Ana Ruiz\n---\nDear Ana,\n\n{sentence}\n\nBest,\nJo\n".encode()
        note = parse_note("ana.md", raw)
        note = replace(note, recipient=person, doc=pipeline(note.body))
        context = Context(Application(interview, (note,)), (), dict(rule.options), NOW, facts=facts)
        return [h for h in rule.check(note, context) if h.severity is None]

    assert warnings("I keep thinking about predicting spend and estimating money.") == []
    assert len(warnings("I keep thinking about the garden and the holiday weather.")) == 1


@pytest.mark.parametrize(
    "a, b, same",
    [
        ("schedule", "scheduling", True),
        ("collaborate", "collaboration", True),
        ("control", "contribute", False),
        ("change", "changeover", False),
        ("analysis", "analytics", False),
    ],
)
def test_same_word(a, b, same):
    from notelint.analysis.words import same_word

    assert same_word(a, b) is same
