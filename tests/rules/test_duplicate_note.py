"""duplicate-note: the same note to two interviewers once greetings, names and
signatures are masked; a paragraph pasted into several notes is info."""

from notelint.core.model import Severity

RULE = "duplicate-note"
INTERVIEW = """\
company: Bluefin Logistics
interviewers:
  - name: Kwame Boateng
    role: colleague
  - name: Ingrid Halvorsen
    role: colleague
  - name: Raj Patel
    role: hiring-manager
"""
BODY = """\
Thank you for showing me around the cross-dock in Rotterdam today, {first}. I
enjoyed hearing how your shift keeps trailers turning in under forty minutes,
and the way you use the yard screen to see which doors are about to free up.

At Kestrel I ran a similar yard with twenty-two doors, and I would be glad to
share how we cut the queue of waiting drivers at the gate.
"""
PASTED = """\
At Kestrel I ran a similar yard with twenty-two doors and a night shift of
fourteen people, and I would be glad to share how we cut the queue of waiting
drivers at the gate by booking slots a day ahead with every haulier.
"""


def note(to, first, body, kind="thank-you"):
    return (
        f"---\nto: {to}\nsent: 2026-11-20T18:00\nkind: {kind}\n---\n"
        f"Dear {first},\n\n{body}\nKind regards,\nSam Lee\n"
    )


def run(lint, files, **options):
    files = {"app/interview.yaml": INTERVIEW, **files}
    config = {"select": (RULE,)}
    if options:
        config["rules"] = {RULE: options}
    return sorted(
        (f for f in lint(files, **config) if f.rule == RULE), key=lambda f: (f.path, f.line)
    )


def test_same_note_with_names_swapped_is_reported_on_each(lint):
    findings = run(
        lint,
        {
            "app/kwame.md": note("Kwame Boateng", "Kwame", BODY.format(first="Kwame")),
            "app/ingrid.md": note("Ingrid Halvorsen", "Ingrid", BODY.format(first="Ingrid")),
        },
    )
    assert [(f.path.rsplit("/", 1)[1], f.severity, f.line, f.column) for f in findings] == [
        ("ingrid.md", Severity.WARNING, 6, 1),
        ("kwame.md", Severity.WARNING, 6, 1),
    ]
    assert "'kwame.md' (to Kwame Boateng)" in findings[0].message
    assert "'ingrid.md' (to Ingrid Halvorsen)" in findings[1].message
    assert "100%" in findings[0].message


def test_nearly_the_same_note(lint):
    other = BODY.replace("today", "this morning").replace("forty", "thirty-five")
    findings = run(
        lint,
        {
            "app/kwame.md": note("Kwame Boateng", "Kwame", BODY.format(first="Kwame")),
            "app/ingrid.md": note("Ingrid Halvorsen", "Ingrid", other.format(first="Ingrid")),
        },
    )
    assert len(findings) == 2 and all(f.severity is Severity.WARNING for f in findings)


def test_different_notes_are_fine(lint):
    other = (
        "Thank you for the hour on the transport planning desk. Your idea of\n"
        "routing the Hamburg loads through the night hub made a lot of sense to me,\n"
        "and I have been sketching how the carrier scorecards could feed it.\n"
    )
    assert (
        run(
            lint,
            {
                "app/kwame.md": note("Kwame Boateng", "Kwame", BODY.format(first="Kwame")),
                "app/ingrid.md": note("Ingrid Halvorsen", "Ingrid", other),
            },
        )
        == []
    )


FIRST = """\
Thank you for the tour of the cross-dock and the demo of the yard screen. Seeing
the dock doors light up as trailers were released made the forty-minute target
feel real, and your story about the snowed-in January week was a good lesson.
"""
SECOND = """\
Thank you for explaining the carrier scorecards and the plan for the Hamburg
hub. Weighting on-time collection above price is a brave call, and I liked how
you share the scores with the hauliers every month instead of hiding them.
"""


def test_pasted_paragraph_is_info_naming_the_other_note(lint):
    first, second = FIRST + "\n" + PASTED, SECOND + "\n" + PASTED
    findings = run(
        lint,
        {
            "app/kwame.md": note("Kwame Boateng", "Kwame", first),
            "app/ingrid.md": note("Ingrid Halvorsen", "Ingrid", second),
        },
    )
    assert [(f.severity, f.line, f.column, f.end_line) for f in findings] == [
        (Severity.INFO, 12, 1, 14),
        (Severity.INFO, 12, 1, 14),
    ]
    assert "'kwame.md'" in findings[0].message and "pasted" in findings[0].message


def test_paragraph_severity_option(lint):
    first, second = FIRST + "\n" + PASTED, SECOND + "\n" + PASTED
    findings = run(
        lint,
        {
            "app/kwame.md": note("Kwame Boateng", "Kwame", first),
            "app/ingrid.md": note("Ingrid Halvorsen", "Ingrid", second),
        },
        paragraph_severity="warning",
    )
    assert [f.severity for f in findings] == [Severity.WARNING, Severity.WARNING]


def test_threshold_option(lint):
    other = BODY.replace("today", "this morning").replace("forty", "thirty-five")
    findings = run(
        lint,
        {
            "app/kwame.md": note("Kwame Boateng", "Kwame", BODY.format(first="Kwame")),
            "app/ingrid.md": note("Ingrid Halvorsen", "Ingrid", other.format(first="Ingrid")),
        },
        threshold=99.5,
    )
    assert all(f.severity is Severity.INFO for f in findings)  # only the pasted paragraph


def test_same_recipient_or_other_kind_is_not_a_duplicate(lint):
    body = BODY.format(first="Kwame")
    assert (
        run(
            lint,
            {
                "app/kwame.md": note("Kwame Boateng", "Kwame", body),
                "app/kwame-follow-up.md": note("Kwame Boateng", "Kwame", body, kind="follow-up"),
                "app/ingrid-follow-up.md": note(
                    "Ingrid Halvorsen", "Ingrid", body, kind="check-in"
                ),
            },
        )
        == []
    )


def test_notes_of_different_applications_are_not_compared(lint):
    body = BODY.format(first="Kwame")
    files = {
        "a/interview.yaml": INTERVIEW,
        "a/kwame.md": note("Kwame Boateng", "Kwame", body),
        "b/interview.yaml": INTERVIEW.replace("Bluefin", "Juniper"),
        "b/ingrid.md": note("Ingrid Halvorsen", "Ingrid", body),
    }
    assert [f for f in lint(files, select=(RULE,)) if f.rule == RULE] == []


def test_many_copies_are_one_finding_per_note(lint):
    """Twenty-five copies to twenty-five interviewers: each note gets one
    finding that counts the others, not twenty-four."""
    people = [f"Person{chr(65 + i)} Lee{chr(65 + i)}" for i in range(25)]
    interview = "company: Bluefin Logistics\ninterviewers:\n" + "".join(
        f"  - name: {p}\n" for p in people
    )
    files = {"app/interview.yaml": interview}
    for person in people:
        first = person.split()[0]
        files[f"app/{first.lower()}.md"] = note(person, first, BODY.format(first=first))
    found = [f for f in lint(files, select=(RULE,)) if f.rule == RULE]
    assert sorted(f.path.rsplit("/", 1)[-1] for f in found) == sorted(
        f"{p.split()[0].lower()}.md" for p in people
    )
    assert all(
        "the same as 24 other notes (" in f.message and "and 21 more)" in f.message for f in found
    )
