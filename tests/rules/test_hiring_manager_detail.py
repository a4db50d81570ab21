"""hiring-manager-detail: the hiring manager's thank-you note should be the
richest in specifics of the application; compared on content, not length."""

from notelint.core.model import Severity

RULE = "hiring-manager-detail"
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
  - name: Lena Voss
    role: colleague
    points:
      - naming design tokens in the component library
      - pairing sessions between designers and front-end developers
"""
THIN = "Thank you for meeting me about the role. I enjoyed hearing about the checkout redesign.\n"
RICH = """\
Your approach to naming design tokens in the component library was clever.
Splitting them into three layers (raw values, semantic roles like
"surface-warning", and component overrides) is what we were missing when I
built a library for a fintech app in 2025: we had 140 colour tokens named
after the colours themselves, and every rebrand meant a week of renaming.

The pairing sessions between designers and front-end developers struck me
too. I ran something similar at Pellucid Labs for six months, one
ninety-minute session a week, and the "not what the mock-up said" tickets
dropped by a third.
"""
LONG_LOOSE = """\
Just a quick note to say thanks for a lovely afternoon. It was so nice to
chat, and I really felt at home from the moment I arrived. You clearly look
out for each other, you do not mind a bit of honest disagreement, and you
seem to enjoy the work, which is rarer than it should be. I came away feeling
that it would be a good team to be part of, and I hope we end up working
together. Thanks again for being so open and for answering all my questions
so patiently. It really was a lovely way to spend an afternoon.
"""
MEDIUM_HM = """\
Thank you for walking me through the checkout redesign. The drop-off at the
payment step reminded me of a wallet flow I fixed at Pellucid Labs, where
moving the address form before the basket cut abandonment by 12 percent.
Testing it with older users in your Bristol lab sounds like the right next step.
"""


def note(to, first, body, kind="thank-you"):
    return (
        f"---\nto: {to}\nsent: 2026-03-18T18:00\nkind: {kind}\n---\n"
        f"Dear {first},\n\n{body}\nBest wishes,\nMei-Ling Soh\n"
    )


def run(lint, hm_body, other_body, hm_kind="thank-you", other_kind="thank-you", **options):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/nadia.md": note("Nadia Kowalczyk", "Nadia", hm_body, hm_kind),
        "app/lena.md": note("Lena Voss", "Lena", other_body, other_kind),
    }
    config = {"select": (RULE,)}
    if options:
        config["rules"] = {RULE: options}
    return [f for f in lint(files, **config) if f.rule == RULE]


def test_thin_hiring_manager_note_names_the_richer_one(lint):
    [finding] = run(lint, THIN, RICH)
    assert finding.path.endswith("nadia.md")
    assert finding.severity is Severity.WARNING
    assert (finding.line, finding.column) == (6, 1)
    assert "'lena.md'" in finding.message and "Lena Voss" in finding.message


def test_longer_but_looser_note_does_not_count(lint):
    assert run(lint, MEDIUM_HM, LONG_LOOSE) == []


def test_richest_hiring_manager_note_is_fine(lint):
    assert run(lint, RICH.replace("naming design tokens", "the checkout redesign"), THIN) == []


def test_only_thank_you_notes_are_compared(lint):
    assert run(lint, THIN, RICH, hm_kind="follow-up") == []
    assert run(lint, THIN, RICH, other_kind="follow-up") == []


def test_margin_option(lint):
    assert run(lint, THIN, RICH, margin=1000.0) == []


def test_silent_without_other_notes(lint):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/nadia.md": note("Nadia Kowalczyk", "Nadia", THIN),
    }
    assert [f for f in lint(files, select=(RULE,)) if f.rule == RULE] == []
