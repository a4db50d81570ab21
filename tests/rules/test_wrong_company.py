"""wrong-company (NL203): another application's company named in a note that
never names its own."""

INTERVIEWS = {
    "acme/interview.yaml": "company: Acme Robotics\ncurrent_employer: Globex Corp\n"
    "interviewers:\n  - name: Maria Gonzalez\n",
    "initech/interview.yaml": "company: Initech Software\ninterviewers:\n  - name: Bill Lumbergh\n",
    "globex/interview.yaml": "company: Globex Corp\ninterviewers:\n  - name: Hank Scorpio\n",
    # an interview is an application of the run once a note stands beside it
    "initech/bill.md": "Dear Bill,\n\nThank you.\n",
    "globex/hank.md": "Dear Hank,\n\nThank you.\n",
}
FRONT = "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n"


def found(lint, body: str):
    files = dict(INTERVIEWS, **{"acme/maria.md": FRONT + body})
    return [f for f in lint(files, select=("wrong-company",)) if f.path.endswith("maria.md")]


def test_flags_another_applications_company(lint):
    (finding,) = found(lint, "Dear Maria,\n\nI would love to join Initech Software.\n")
    assert (finding.line, finding.column, finding.end_column) == (7, 22, 38)
    assert (
        "'Initech Software' is the company of another application (folder initech)"
        in finding.message
    )
    assert "never names Acme Robotics" in finding.message
    assert str(finding.severity) == "error"


def test_flags_a_distinctive_short_form(lint):
    (finding,) = found(lint, "Dear Maria,\n\nI would love to join the Initech team.\n")
    assert (finding.column, finding.end_column) == (26, 33)


def test_fine_beside_the_own_company(lint):
    assert (
        found(lint, "Dear Maria,\n\nUnlike Initech Software, Acme Robotics ships weekly.\n") == []
    )


def test_fine_beside_a_misspelled_own_company(lint):
    assert found(lint, "Dear Maria,\n\nUnlike Initech Software, Acme Robotic ships weekly.\n") == []


def test_current_employer_is_fine(lint):
    assert found(lint, "Dear Maria,\n\nAt Globex Corp I led two launches.\n") == []


def test_silent_without_other_applications(lint):
    files = {
        "acme/interview.yaml": INTERVIEWS["acme/interview.yaml"],
        "acme/maria.md": FRONT + "Dear Maria,\n\nInitech Software is big.\n",
    }
    assert lint(files, select=("wrong-company",)) == []


def test_the_current_employer_sharing_a_word_with_another_company(lint):
    files = {
        "a/interview.yaml": "company: Saltmarsh Energy\ncurrent_employer: Brackwater Engineering\ninterviewers: [{name: Henrik Berg}]\n",
        "a/henrik.md": "Dear Henrik,\n\nAt Brackwater Engineering I set up a weekly forecast call.\n\nBest,\nFiona\n",
        "b/interview.yaml": "company: Brackwater Civic Design\ninterviewers: [{name: Chiara Benedetti}]\n",
        "b/chiara.md": "Dear Chiara,\n\nThank you for the talk about Brackwater Civic Design's parks.\n",
    }
    assert lint(files, select=("wrong-company",)) == []
    files["a/henrik.md"] = files["a/henrik.md"].replace("Engineering I", "Civic Design I")
    assert [f.path.rsplit("/", 2)[-2] for f in lint(files, select=("wrong-company",))] == ["a"]


def test_a_code_name_and_the_longer_of_two_names(lint):
    files = {
        "a/interview.yaml": "company: Marrowgate Press\ncurrent_employer: Pellucid Books\ninterviewers: [{name: Jasper Quint}]\n",
        "a/jasper.md": "Dear Jasper,\n\nI am proud of Project Juniper at Pellucid Books.\n\nBest,\nJo\n",
        "b/interview.yaml": "company: Juniper Grove Foods\ninterviewers: [{name: Ann Lee}]\n",
        "c/interview.yaml": "company: Saltmarsh Energy\ninterviewers: [{name: Bo Chan}]\n",
        "d/interview.yaml": "company: Saltmarsh Hospitality\ninterviewers: [{name: Cy Diaz}]\n",
    }
    assert lint(files, select=("wrong-company",)) == []
    files["a/jasper.md"] = "Dear Jasper,\n\nI can't wait to join Saltmarsh Energy.\n\nBest,\nJo\n"
    (finding,) = lint(files, select=("wrong-company",))
    assert "'Saltmarsh Energy' is the company of another application (folder c)" in finding.message


def test_the_current_employer_by_its_first_word(lint):
    """ "At Kestrel" in a note of a candidate who works at Kestrel Parcel is
    the current employer, though another client applies to Kestrel Logistics."""
    files = {
        "a/interview.yaml": "company: Ostrander Health\ncurrent_employer: Kestrel Parcel\ninterviewers: [{name: Anna Berg}]\n",
        "a/anna.md": "Dear Anna,\n\nAt Kestrel I built the courier forecasts.\n\nBest,\nFi\n",
        "b/interview.yaml": "company: Kestrel Logistics\ninterviewers: [{name: Dan Wu}]\n",
    }
    assert lint(files, select=("wrong-company",)) == []
    files["a/anna.md"] = "Dear Anna,\n\nI look forward to joining Kestrel Logistics.\n\nBest,\nFi\n"
    assert len(lint(files, select=("wrong-company",))) == 1


def test_a_word_of_this_applications_own_points_is_not_another_company(lint):
    """'Ashgrove' is a game of this application's interview points, and the
    first word of another application's company: the note speaks of the game."""
    files = {
        "a/interview.yaml": "company: Vellichor Games\ninterviewers:\n"
        "  - {name: Anna Berg, points: [the Ashgrove early access launch]}\n",
        "a/anna.md": "Dear Anna,\n\nI hope the Ashgrove preparations are going well.\n\nBest,\nFi\n",
        "b/interview.yaml": "company: Ashgrove & Petrakis LLP\ninterviewers: [{name: Dan Wu}]\n",
    }
    assert lint(files, select=("wrong-company",)) == []
    files["a/anna.md"] = (
        "Dear Anna,\n\nI would love to join Ashgrove & Petrakis LLP.\n\nBest,\nFi\n"
    )
    assert len(lint(files, select=("wrong-company",))) == 1


def test_saint_of_a_quoted_author_is_no_company(lint):
    files = {
        "a/interview.yaml": "company: Vauclair Instruments\ninterviewers: [{name: Anna Berg}]\n",
        "a/anna.md": "Dear Anna,\n\nAs Antoine de Saint-Exupéry wrote, teach them to long for the sea.\n",
        "b/interview.yaml": "company: Saint Alder Children's Hospital\ninterviewers: [{name: Dan Wu}]\n",
    }
    assert lint(files, select=("wrong-company",)) == []
