"""confidential-content: markers, configured terms, the current employer's
figures, third parties' names and contact details, secret-like strings."""

import pytest

from notelint.core.masking import mask

RULE = "confidential-content"
INTERVIEW = """\
company: Acme Robotics
role: Product Manager
current_employer: Globex
confidential:
  - Project Falcon
  - Harlow site closure
interviewers:
  - name: Maria Gonzalez
    role: hiring-manager
    email: mgonzalez@acme.example
  - name: Raj Patel
    role: hr
"""
SIGNATURE = "\n\nBest regards,\nJane Doe\njane.doe@mailbox.example\n(614) 555-0187\n"


def run(lint, body, **options):
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/maria-gonzalez.md": (
            "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\nDear Maria,\n\n"
            + body
            + SIGNATURE
        ),
    }
    rules = {RULE: options} if options else {}
    return [f for f in lint(files, select=(RULE,), rules=rules) if f.rule == RULE]


BAD = [
    # markers
    ("This is confidential, but the launch slipped to May.", "confidential", "marker"),
    (
        "Our new pricing, which has not been announced yet, helps.",
        "has not been announced",
        "marker",
    ),
    ("Between you and me, the team is being restructured.", "Between you and me", "marker"),
    ("The design is still under NDA, so here is a sketch.", "under NDA", "marker"),
    # configured terms, inflected, reordered and misspelled
    ("I spent a month on Project Falcon at Globex.", "Project Falcon", "term"),
    ("I spent a month on the Falcon project.", "Falcon project", "term"),
    ("I am helping plan for closing the Harlow site.", "closing the Harlow site", "term"),
    ("I led the Projekt Falcon rollout.", "Projekt Falcon", "term"),
    # the current employer's figures
    ("At Globex our churn reached 14% last quarter.", "14%", "figure"),
    ("Our biggest client is leaving, which will cost us $2 million.", "$2 million", "figure"),
    ("Internally we expect revenue of $40 million.", "$40 million", "figure"),
    ("At Globex we lost 3 clients this spring.", "3", "figure"),
    # third parties
    ("My former manager, Dana Whitfield, will be a reference.", "Dana Whitfield", "third party"),
    ("Our client Harriet Okoro is unhappy with the rollout.", "Harriet Okoro", "third party"),
    ("At Globex, Peter Lindqvist runs the pricing desk.", "Peter Lindqvist", "third party"),
    (
        "You can write to her at dana.whitfield@globex.example.",
        "dana.whitfield@globex.example",
        "e-mail",
    ),
    ("Her direct line is +1 (555) 014-2290.", "+1 (555) 014-2290", "phone"),
    # secrets
    ("The staging password is Winter2026#.", "Winter2026#", "password"),
    (
        "The key sk_live_4eC39HqLyjWDarjtT1zdp7dc still works.",
        "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
        "secret",
    ),
    ("Use AKIAIOSFODNN7EXAMPLE for the demo bucket.", "AKIAIOSFODNN7EXAMPLE", "secret"),
]


@pytest.mark.parametrize("body, span, kind", BAD)
def test_flags(lint, body, span, kind):
    findings = run(lint, body)
    assert len(findings) == 1, [f.message for f in findings]
    (finding,) = findings
    column = body.index(span) + 1
    assert (finding.line, finding.column, finding.end_column) == (7, column, column + len(span))
    assert kind in finding.message
    assert finding.sensitive
    assert f"'{span}'" not in finding.message  # masked
    assert mask(span) in finding.message


GOOD = [
    # a public fact about the current employer
    "Globex makes industrial sensors and sells them in 40 countries.",
    "At Globex I manage a team of 12 engineers.",
    "At Globex I handle 40 client accounts.",
    # a figure of the interviewing company, not of the employer
    "I enjoyed hearing about the 20% growth target for your team.",
    # interviewers, first names, the sender
    "I also enjoyed meeting Raj Patel and hearing from Maria Gonzalez about the roadmap.",
    "My former colleague Dana would say the same.",
    # confidentiality as a skill, and discretion
    "I handled confidential HR files for six years.",
    "I can't go into the details because the project is confidential, but I led the rollout.",
    # the sender's own contact details, introduced as such
    "You can reach me at 555-201-3344 or at jane.doe@gmail.com any time.",
    # the interviewer's address
    "I will copy mgonzalez@acme.example on the references.",
    # numbers that are not phones, words that are not passwords
    "I led the 2019-2023 redesign, saving 1,350 hours.",
    "My password manager habit is something I would bring to the team.",
    # a public figure quoted
    "As Peter Drucker said, culture eats strategy for breakfast.",
    # people of the hiring company, named in passing
    "I enjoyed meeting Priya Raman from your analytics team over lunch.",
    "Your colleague Tomas Berg walked me through the test rig.",
    # the candidate's own results
    "At Globex I cut our churn by 18% in a year.",
    "I led the team that grew sales 30% at Globex.",
    # the term's words scattered over different sentences
    "The Falcon mascot was fun. Every project needs one.",
]


@pytest.mark.parametrize("body", GOOD)
def test_silent(lint, body):
    assert run(lint, body) == []


def test_reveal_shows_the_text(lint):
    (finding,) = run(lint, "I spent a month on Project Falcon.", reveal=True)
    assert "'Project Falcon'" in finding.message


def test_mask_keeps_first_letters():
    assert mask("Project Falcon") == "P****** F*****"
    assert mask("$3.2 million") == "$*.* m******"


def test_silent_without_an_interview(lint):
    files = {"note.md": "---\nsent: 2026-11-21T09:00\n---\nI loved Globex's 14% growth.\n"}
    assert [f for f in lint(files, select=(RULE,)) if f.rule == RULE] == []


def test_small_counts_and_product_names_are_not_internal_figures(lint):
    interview = (
        "company: Oruvanta\ncurrent_employer: Pelliquin Travel\ninterviewers:\n  - name: Mei Chao\n"
    )
    body = (
        "Dear Mei,\n\nOur booking app had to work on ferries, so I am used to explaining "
        "conflicts when two edits meet.\n\nBest,\nJo\n"
    )
    findings = lint(
        {"app/interview.yaml": interview, "app/mei.md": body}, select=("confidential-content",)
    )
    assert findings == []
    leaky = body.replace("two edits meet", "our booking numbers fell by 12%")
    findings = lint({"app/mei.md": leaky}, select=("confidential-content",))
    assert [f.message for f in findings] and "12%" not in findings[0].message


@pytest.mark.parametrize(
    "sentence, flagged",
    [
        ("At Globex, which makes payroll cards, I run a squad of 7, and we learned a lot.", False),
        ("At Globex we lost 3 clients to that bug.", True),
        (
            "If it asks for a key, paste in sk-proj-4fQ9xT2mLwR8vB7nZk3HsJ1pYc6DgE0aUi5oNtW8 please.",
            True,
        ),
        ("The sk-learn library and a scikit-learn model helped.", False),
    ],
)
def test_counts_and_api_keys(lint, sentence, flagged):
    interview = "company: Acme\ncurrent_employer: Globex\ninterviewers:\n  - name: Mei Chao\n"
    note = f"Dear Mei,\n\n{sentence}\n\nBest,\nJo\n"
    findings = lint(
        {"app/interview.yaml": interview, "app/mei.md": note}, select=("confidential-content",)
    )
    assert bool(findings) is flagged, findings


@pytest.mark.parametrize(
    "body",
    [
        "The token for the demo:\nAKCp8jQ8tVxbNyWT2kX9\nwas shared with me.",  # `^` and `$`
        "First line.\r\nAKCp8jQ8tVxbNyWT2kX9",  # the last line, after a CRLF
        "Note this\u2028AKCp8jQ8tVxbNyWT2kX9 token.",  # a line separator Python splits on
    ],
)
def test_a_secret_alone_on_its_line_is_found(lint, body):
    """The detectors run line by line only when one of their patterns matches
    the whole note: a pattern anchored at a line's start or end still does."""
    found = run(lint, body)
    assert any("secret-like string" in f.message for f in found), found


@pytest.mark.parametrize(
    "body, flagged",
    [
        ("Morning María —\n\nI enjoyed the talk with you and María José about notebooks.", False),
        ("Dear Ingrid,\n\nThe Veeva migration Dr. Solberg-Aas described was fascinating.", False),
        (
            "Dear Ingrid,\n\nMy former manager, Beatriz Olmedo, has agreed to act as a reference.",
            True,
        ),
        ("Dear Ingrid,\n\nI worked with my colleague Tomasz Wrona on the launch.", True),
    ],
)
def test_interviewers_names_in_pieces_and_people_the_parse_finds(lint, body, flagged):
    interview = (
        "company: Solenne\ninterviewers:\n  - name: María José García-Herrera\n"
        "  - name: Ingrid Solberg-Aas\n"
    )
    note = f"{body}\n\nBest,\nOlamide\n"
    findings = lint(
        {"app/interview.yaml": interview, "app/n.md": note}, select=("confidential-content",)
    )
    assert bool(findings) is flagged, findings


def test_another_applications_company_is_no_person(lint):
    files = {
        "a/interview.yaml": "company: Solenne Bio\ninterviewers: [{name: Yuki Tanabe}]\n",
        "a/yuki.md": "Dear Yuki,\n\nI am certain Brackenridge Freight is where I want to work.\n\nBest,\nJo\n",
        "b/interview.yaml": "company: Brackenridge Freight\ninterviewers: [{name: Jonah Feld}]\n",
    }
    assert lint(files, select=("confidential-content",)) == []


LETTER = """\
Jane Doe
12 Elm Road
Springfield, VA 22055
(703) 555-6805 | jane.doe@mailbox.example
April 9, 2026
Mr. Jim Peterman, Executive Director
Acme Robotics
538 Cameron Building, Suite 514
Washington, D.C. 20515
Dear Mr. Peterman:
Thank you for the tour of the assembly line.
Mit freundlichen Grüßen,
Hanna Vogel
+49 30 1234567
"""


def test_a_letter_header_and_signature_are_no_leak(lint):
    """The letterhead (the sender's own address, phone and e-mail), the inside
    address (the recipient's name and company) and a signature under a closing
    in another language are not third parties' details."""
    files = {
        "app/interview.yaml": INTERVIEW,
        "app/maria-gonzalez.md": "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n" + LETTER,
    }
    assert [f for f in lint(files, select=(RULE,)) if f.rule == RULE] == []


def test_without_an_interview_no_name_is_judged(lint):
    """Who is a third party needs to know who the interviewers are; contact
    details and markers are still found."""
    body = (
        "---\nsent: 2026-11-21T09:00\n---\nDear Ms. Reyes,\n\nMy manager Dana Whitfield agrees. "
        "Write to dana.whitfield@globex.example. This is confidential.\n\nBest,\nJo\n"
    )
    found = [f for f in lint({"note.md": body}, select=(RULE,)) if f.rule == RULE]
    assert sorted(f.message.split(" '")[0] for f in found) == [
        "a third party's e-mail address",
        "confidential marker",
    ]


@pytest.mark.parametrize(
    "detector, body",
    [
        ("terms", "I spent a month on Project Falcon."),
        ("markers", "This is confidential, but the launch slipped."),
        ("secrets", "The staging password is Winter2026#."),
        ("contacts", "You can write to her at dana.whitfield@globex.example."),
        ("people", "My former manager, Dana Whitfield, will be a reference."),
        ("figures", "At Globex our churn reached 14% last quarter."),
    ],
)
def test_each_detector_can_be_switched_off(lint, detector, body):
    assert len(run(lint, body)) == 1
    assert run(lint, body, **{detector: False}) == []


@pytest.mark.parametrize(
    "body, flagged",
    [
        (
            "At Globex we cut returns from 9% to 4%. The figure is in our published annual report.",
            False,
        ),
        ("At Globex we cut returns from 9% to 4%, as the press release said.", False),
        ("At Globex we cut returns from 9% to 4%. We have not published that yet.", True),
        ("At Globex we cut returns from 9% to 4%. Our CEO is proud of it.", True),
    ],
)
def test_a_figure_the_note_says_is_public(lint, body, flagged):
    assert bool(run(lint, body)) is flagged


@pytest.mark.parametrize(
    "number", ["+33 1 42 68 53 00", "+61 2 9374 4000", "+353 1 234 5678", "+81 3-1234-5678"]
)
def test_international_phone_numbers_of_third_parties(lint, number):
    found = run(lint, f"My former manager Dana Whitfield is happy to talk: {number}.")
    assert len([f for f in found if "phone number" in f.message]) == 1


@pytest.mark.parametrize(
    "body",
    [
        "From 2019-2023 I ran the night desk, 1,350 hours a year.",
        "My 30/60/90 thinking is below; the call is on 2026-11-21 at 10:00.",
        "We grew from 12 to 40 people in 2024.",
    ],
)
def test_years_dates_and_counts_are_no_phone_numbers(lint, body):
    assert not [f for f in run(lint, body) if "phone" in f.message]


def test_a_national_number_is_read_in_the_applications_country(lint):
    """'01632 960 123' is a British number: found with the interview's
    Europe/London time zone, and without any time zone (any English-speaking
    country), but not as an American number."""
    body = "My referee Dana Whitfield asked you to ring 01632 960 123."

    def phones(zone):
        interview = INTERVIEW + (f"timezone: {zone}\n" if zone else "")
        files = {
            "app/interview.yaml": interview,
            "app/maria-gonzalez.md": "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n"
            "Dear Maria,\n\n" + body + SIGNATURE,
        }
        found = lint(files, select=(RULE,))
        return [f for f in found if "phone" in f.message]

    assert phones("Europe/London") and phones(None)
    assert not phones("America/New_York")


def test_every_detect_secrets_hit_is_kept(lint):
    """A credential without a digit in it (basic auth in a connection string)."""
    found = run(lint, "The staging database is postgres://admin:hunterpass@db.example if useful.")
    assert any("secret" in f.message or "password" in f.message for f in found)


@pytest.mark.parametrize(
    "body, flagged",
    [
        ("Globex is in merger talks with Initech (nothing has been announced yet).", True),
        ("We have not announced the Harbor deal, but I led the diligence.", True),
        ("I haven't published my portfolio yet, but I can send it.", False),
        ("Your new Denver site was announced last week, which is exciting.", False),
    ],
)
def test_a_denied_announcement_marks_the_sentence(lint, body, flagged):
    assert bool([f for f in run(lint, body) if "marker" in f.message]) is flagged


@pytest.mark.parametrize(
    "body, flagged",
    [
        ("My toughest renewal was Halden Foods, one of Globex's biggest accounts.", True),
        ("Our client Halden Foods asked for a weekly report.", True),
        ("Your client Halden Foods sounds demanding.", False),  # the hiring company's
        ("I once shopped at Halden Foods.", False),
    ],
)
def test_a_client_of_the_current_employer(lint, body, flagged):
    assert bool([f for f in run(lint, body) if "client" in f.message]) is flagged


def test_a_result_joined_to_the_candidates_own_deed(lint):
    body = "At Globex I built a new onboarding track, and our median setup time went from 47 days to 19."
    assert not [f for f in run(lint, body) if "figure" in f.message]


@pytest.mark.parametrize(
    "body, flagged",
    [
        ("I rebuilt our forecast at Globex, and we brought its error down from 12% to 4%.", False),
        ("At Globex I run our newsletter (about 6,800 subscribers).", False),
        ("At Globex we are running 14% over budget, more than I managed to explain.", True),
    ],
)
def test_the_candidates_own_scope_and_results(lint, body, flagged):
    assert bool([f for f in run(lint, body) if "figure" in f.message]) is flagged
