"""misspelled-name (NL201): near misses of interviewers' names, of the
company, and wrong job titles; short forms, dropped diacritics and other
people's names are fine."""

import pytest

INTERVIEW = """\
company: Acme Robotics
role: Product Development Manager
interviewers:
  - name: Maria Gonzalez
    title: Director of Marketing
  - name: Rajesh Patel
    title: VP of Engineering
  - name: Katarzyna Wójcik
    title: HR Business Partner
  - name: Robert Lindqvist
    title: Senior Engineer
"""


def note(body: str, to: str = "Maria Gonzalez") -> dict[str, str]:
    return {
        "app/interview.yaml": INTERVIEW,
        "app/note.md": f"---\nto: {to}\nsent: 2026-11-21T09:00\n---\n{body}",
    }


def found(lint, body: str, to: str = "Maria Gonzalez"):
    return [
        f for f in lint(note(body, to), select=("misspelled-name",)) if f.path.endswith("note.md")
    ]


# body, (line, column, end_column), replacement, message fragment
BAD = [
    (
        "Dear Ms. Gonzales,\n\nThanks.\n",
        (5, 10, 18),
        "Gonzalez",
        "'Gonzales' looks like a misspelling of the interviewer's name 'Gonzalez'",
    ),
    ("Hello Maria Gonzales,\n\nThanks.\n", (5, 13, 21), "Gonzalez", "'Gonzales'"),
    ("Dear Maria,\n\nI enjoyed meeting Rajesh Patell today.\n", (7, 26, 32), "Patel", "'Patell'"),
    (
        "Dear Maria,\n\nAs Lindqvst explained, the arm is modular.\n",
        (7, 4, 12),
        "Lindqvist",
        "'Lindqvst'",
    ),
    (
        "Dear Maria,\n\nI would love to join Acme Robotic next year.\n",
        (7, 27, 34),
        "Robotics",
        "company name 'Acme Robotics'",
    ),
    (
        "Dear Maria,\n\nYour perspective as Director of Sales was valuable.\n",
        (7, 21, 38),
        "Director of Marketing",
        "'Director of Sales' is not the title of Maria Gonzalez",
    ),
    (
        "Dear Maria,\n\nI also met Rajesh Patel, CTO, after lunch.\n",
        (7, 26, 29),
        "VP of Engineering",
        "not the title of Rajesh Patel",
    ),
]

GOOD = [
    "Dear Ms. Wojcik,\n\nThanks.\n",  # a dropped diacritic
    "Dear Maria,\n\nRaj showed me the robot arm, and Bob walked me to the lab.\n",  # short forms
    "Dear Ms. Gonzalez,\n\nMy mentor Marie Curie-Smith and my colleague Mario built one.\n",
    "Dear Maria,\n\nAt Acme and at Acme Robotics' lab, Gonzalez is a name I won't forget.\n",
    "Dear Maria,\n\nThank you.\n\nBest regards,\nMaria Gonzaga\n",  # the sender's own signature
    "Dear Maria,\n\nAs Director of Marketing, you bring customers in early.\n",  # right title
    "Dear Maria,\n\nAs Product Development Manager I would own the roadmap.\n",  # the role applied for
    "Dear Maria,\n\nYour role as hiring manager made the day easy.\n",  # a function, not a title
    "Dear Maria,\n\nI read about it in the Financial Times.\n",
]


@pytest.mark.parametrize("body, where, replacement, message", BAD)
def test_flags_near_misses(lint, body, where, replacement, message):
    findings = found(lint, body)
    assert len(findings) == 1, findings
    finding = findings[0]
    assert (finding.line, finding.column, finding.end_column) == where
    assert finding.fix is not None and finding.fix.replacement == replacement
    assert message in finding.message
    assert str(finding.severity) == "warning"


@pytest.mark.parametrize("body", GOOD)
def test_leaves_right_names_alone(lint, body):
    assert found(lint, body) == []


def test_silent_without_interview(lint):
    files = {"loose/note.md": "Dear Ms. Gonzales,\n\nThanks.\n"}
    assert lint(files, select=("misspelled-name",)) == []


def test_titles_option_switches_the_title_check_off(lint):
    body = "Dear Maria,\n\nYour perspective as Director of Sales was valuable.\n"
    findings = lint(
        note(body), select=("misspelled-name",), rules={"misspelled-name": {"titles": False}}
    )
    assert findings == []


def test_a_wrong_title_after_the_company_possessive(lint):
    interview = (
        "company: Bramblecourt Housing\ninterviewers:\n"
        "  - name: Bartholomew Ekwueme\n    title: Director of Housing\n"
    )
    note = (
        "---\nto: Bartholomew Ekwueme\n---\nDear Bart,\n\nIt was a privilege to hear how you, "
        "as Bramblecourt's Chief Executive, see the consumer standards.\n\nBest,\nJo\n"
    )
    findings = lint(
        {"app/interview.yaml": interview, "app/b.md": note}, select=("misspelled-name",)
    )
    assert [(f.message, f.fix.replacement) for f in findings] == [
        (
            "'Chief Executive' is not the title of Bartholomew Ekwueme in interview.yaml: 'Director of Housing'",
            "Director of Housing",
        )
    ]
    right = note.replace("Chief Executive", "Director of Housing")
    assert lint({"app/b.md": right}, select=("misspelled-name",)) == []


def title_findings(lint, sentence: str, title: str, role: str):
    """misspelled-name on one sentence to Mateus Silva, whose title is `title`."""
    interview = (
        f"company: Tidewright\nrole: {role}\ninterviewers:\n"
        f"  - name: Mateus Silva\n    title: {title}\n"
    )
    note = f"---\nto: Mateus Silva\n---\nDear Mateus,\n\n{sentence}\n\nBest,\nJo\n"
    return lint({"app/interview.yaml": interview, "app/m.md": note}, select=("misspelled-name",))


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        (
            "It's not often a Head of Marine Operations takes time to walk me through your surveys.",
            True,
        ),
        ("I'd love to grow into a Head of Product role, as you suggested.", False),
        ("As a Product Manager, I admired your roadmap.", False),
        ("You said you need a Senior Product Manager who can ship.", False),
        ("I once worked with a Head of Sales who kept a diary.", False),
        (
            "It's not often a Cable Installation Lead takes time to walk me through your surveys.",
            False,
        ),
    ],
)
def test_a_title_given_in_passing(lint, sentence, flagged):
    findings = title_findings(lint, sentence, "Cable Installation Lead", "Senior Product Manager")
    assert bool(findings) is flagged, findings


@pytest.mark.parametrize(
    "address, message",
    [
        (
            "Teodor Marsh, Senior Partner\nMarsh & Delgado LLP\n",
            "'Senior Partner' is not the title",
        ),
        (
            "Teodor Marsh\nManaging Partnre\nMarsh & Delgado LLP\n",
            "'Managing Partnre' misspells the title",
        ),
    ],
)
def test_the_title_in_the_inside_address(lint, address, message):
    interview = "company: Marsh & Delgado LLP\ninterviewers:\n  - name: Teodor Marsh\n    title: Managing Partner\n"
    note = f"---\nto: Teodor Marsh\n---\n{address}12 Quay Street\n\nDear Mr. Marsh,\n\nThank you.\n"
    findings = lint(
        {"app/interview.yaml": interview, "app/t.md": note}, select=("misspelled-name",)
    )
    assert [(message in f.message, f.fix.replacement) for f in findings] == [
        (True, "Managing Partner")
    ]


def test_a_curly_apostrophe_is_no_misspelling(lint):
    interview = "company: Acme\ninterviewers:\n  - name: Siobhan O'Neill\n"
    note = "---\nto: Siobhan O’Neill\n---\nDear Ms. O’Neill,\n\nThanks, Siobhan.\n"
    findings = lint({"app/interview.yaml": interview, "app/s.md": note})
    assert [f for f in findings if f.rule in ("misspelled-name", "unreadable-input")] == []


def test_a_lookalike_letter_is_named(lint):
    interview = "company: Acme\ninterviewers:\n  - name: Maria Gonzalez\n"
    note = "---\nto: Maria Gonzalez\n---\nDear M\u0430ria,\n\nThanks.\n"
    (finding,) = lint(
        {"app/interview.yaml": interview, "app/m.md": note}, select=("misspelled-name",)
    )
    assert "contains a Cyrillic '\u0430'" in finding.message


def test_a_misspelled_title_in_prose(lint):
    interview = "company: Larkspur\ninterviewers:\n  - name: Luis Ibáñez\n    title: Regional Operations Manager\n"
    note = "---\nto: Luis Ibáñez\n---\nHi Luis,\n\nIn your role as Regional Operations Manger you chase orders.\n"
    findings = lint(
        {"app/interview.yaml": interview, "app/l.md": note}, select=("misspelled-name",)
    )
    assert [(f.message.split(" the title")[0], f.fix.replacement) for f in findings] == [
        ("'Regional Operations Manger' misspells", "Regional Operations Manager")
    ]


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        # "the" + a title of the reader's field, in a sentence about the interview
        ("It was rare for the Head of Cable Operations to join a first-round interview.", True),
        ("It meant a lot that the Director of Cable Operations sat in on the panel.", True),
        ("I reported to the Head of Operations at Baltvik for six years.", False),
        ("The Head of Sales joined our interview briefly.", False),  # another field
        ("It was rare for the Senior Director of Cable Operations to join the interview.", False),
    ],
)
def test_a_title_given_to_the_reader_after_the(lint, sentence, flagged):
    findings = title_findings(lint, sentence, "Senior Director of Cable Operations", "Planner")
    assert bool(findings) is flagged, findings


@pytest.mark.parametrize(
    "given, right, differs",
    [
        ("Director of Marketing", "Senior Director of Marketing", True),  # a level off
        ("Head of Operations", "Vice President of Operations", True),
        ("VP of Operations", "Vice President of Operations", False),  # an abbreviation
        ("Director of Marketing", "Director of Marketing and Communications", False),  # shortened
        ("Senior Director", "Director", True),
    ],
)
def test_a_title_a_level_off_is_another_title(given, right, differs):
    from notelint.rules.names.misspelled_name import _differs

    assert _differs(given, right) is differs


def test_a_hyphenated_surname_in_the_inside_address(lint):
    interview = (
        "company: Saint Alder Hospital\ninterviewers:\n"
        "  - name: Adaeze Okonkwo-Hale\n    title: Chief Nursing Officer\n"
    )
    note = (
        "---\nto: Adaeze Okonkwo-Hale\n---\nMs. A. Okonkwo-Hale\nChief Medical Officer\n"
        "Saint Alder Hospital\n\nDear Ms. Okonkwo-Hale,\n\nThank you for Tuesday.\n\nDanielle\n"
    )
    (finding,) = lint(
        {"app/interview.yaml": interview, "app/a.md": note}, select=("misspelled-name",)
    )
    assert "'Chief Medical Officer' is not the title of Adaeze Okonkwo-Hale" in finding.message
