"""Nothing leaks: a confidential match never appears in any output format,
unless --show-confidential asks for it."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from notelint.cli import main
from notelint.core.masking import mask_terms
from notelint.core.text import fold
from tests.conftest import write

SECRETS = ("Heron", "jane.roe@globex.example", "4.2 million")
FILES = {
    "app/interview.yaml": """
        company: Acme Robotics
        current_employer: Globex
        confidential: [Project Heron]
        interviewers:
          - name: Maria Gonzalez
            role: hiring-manager
            points: [launch planning]
    """,
    "app/maria-gonzalez.md": """
        ---
        to: Maria Gonzalez
        sent: 2026-11-21T09:00
        ---
        Dear Ms. Gonzalez,

        Our launch planning talk reminded me of Project Heron, which
        brought Globex $4.2 million last year. My colleague Jane Roe
        (jane.roe@globex.example) can tell you more.

        Best regards,
        Jordan Lee
    """,
}


@pytest.fixture
def notes(tmp_path, monkeypatch):
    write(tmp_path, FILES)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str):
    result = CliRunner().invoke(main, ["check", "app", "--select", "confidential-content", *args])
    assert result.exit_code == 1, result.output
    return result.stdout + result.stderr


@pytest.mark.parametrize("format_", ["text", "json", "sarif", "github", "rdjson", "junit"])
def test_no_format_shows_a_confidential_match(notes, format_):
    output = run("--format", format_)
    assert "confidential" in output.lower() or "C*" in output or "NL301" in output
    for secret in SECRETS:
        assert secret not in output, f"{secret!r} leaked in {format_}"


def test_statistics_and_diff_do_not_leak(notes):
    for args in (["--statistics"], ["--diff"]):
        result = CliRunner().invoke(
            main, ["check", "app", "--select", "confidential-content", *args]
        )
        for secret in SECRETS:
            assert secret not in result.stdout + result.stderr


def test_show_confidential_reveals(notes):
    output = run("--format", "json", "--show-confidential")
    assert "Project Heron" in output


REPEATED = {
    "app/interview.yaml": """
        company: Acme Robotics
        confidential: [Project Nightjar]
        interviewers:
          - name: Maria Gonzalez
            role: hiring-manager
            points: [hiring for the support desk]
          - name: Raj Patel
            points: [the Project Nightjar launch plan]
    """,
    "app/maria-gonzalez.md": """
        ---
        to: Maria Gonzalez
        sent: 2026-11-21T09:00
        ---
        Dear Maria,

        I led Project Nightjar, and Project Nightjar shipped on time. I enjoyed
        our talk about hiring.
    """,
    "app/raj-patel.md": """
        ---
        to: Raj Patel
        sent: 2026-11-21T09:00
        ---
        Dear Raj,

        Thank you for the tour of the test lab and the gripper demo.

        Best regards,
        Jordan Lee
    """,
}


@pytest.mark.parametrize("format_", ["text", "json", "sarif", "github", "rdjson", "junit"])
def test_every_rule_and_every_occurrence_is_masked(tmp_path, monkeypatch, format_):
    """The term written twice in one sentence, and quoted by another rule's
    message (missing-interview-point suggests the point that holds it), is
    masked everywhere: one redaction step for the whole report."""
    write(tmp_path, REPEATED)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "app", "--format", format_])
    output = result.stdout + result.stderr
    assert "NL103" in output or "missing-interview-point" in output
    assert "Nightjar" not in output


# -- every way of typing a term, in every output --------------------------------

VARIANTS = (
    "Project\u2011Nightjar",  # a non-breaking hyphen
    "Project\u200bNightjar",  # a zero-width space
    "PROJECT NIGHTJAR",
    "Proje\u0301ct Nigh\u00adtjar",  # a combining accent and a soft hyphen
    "project\u00a0nightjar",
)
TYPED = {
    "app/interview.yaml": REPEATED["app/interview.yaml"],
    "app/maria-gonzalez.md": "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n"
    "Dear Maria,\n\n"
    + "".join(f"I led {v}, and {v} shipped on time.\n" for v in VARIANTS)
    + "The retro is at https://wiki.example/project-nightjar/retro and Project%20Nightjar.\n"
    "I enjoyed our talk about hiring for the support desk.\n\nJordan Lee\n",
    "app/maria.eml": "From: Jordan Lee <jordan@example.com>\nTo: Maria Gonzalez <m@acme.example>\n"
    "Subject: Project Nightjar, as promised\nDate: Sat, 21 Nov 2026 09:00:00 -0500\n"
    "Content-Type: text/html; charset=utf-8\n\n"
    "<p>Project&nbsp;Nightjar was mine.</p><p>Thanks for the talk about hiring, Maria.</p>\n",
}


def _shows_the_term(output: str) -> bool:
    """The oracle, independent of the masking code: the term's rare word in
    the output once every non-letter is gone."""
    return "nightjar" in re.sub(r"[^a-z]", "", fold(output))


@pytest.mark.parametrize(
    "args",
    [["--format", f] for f in ("text", "json", "sarif", "github", "rdjson", "junit")]
    + [["--statistics"], ["--diff"]],
)
def test_no_way_of_typing_a_term_shows_in_any_output(tmp_path, monkeypatch, args):
    write(tmp_path, TYPED)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "app", *args])
    output = result.stdout + result.stderr
    assert "NL301" in output or "confidential-content" in output or args == ["--diff"]
    assert not _shows_the_term(output), output


def test_each_way_of_typing_a_term_is_a_finding(lint):
    found = lint(TYPED, select=("confidential-content",))
    lines = {f.line for f in found if f.path.endswith(".md")}
    assert lines == set(range(7, 7 + len(VARIANTS) + 1))  # each variant line, and the link line
    in_md = [f for f in found if f.path.endswith(".md")]
    assert len(in_md) == 2 * len(VARIANTS) + 2  # every occurrence, the URL slug too
    subject = [f for f in found if f.path.endswith(".eml") and f.line == 3]
    assert subject and "subject line" in subject[0].message


@given(
    case=st.sampled_from([str.lower, str.upper, str.title]),
    between=st.sampled_from([" ", "\u00a0", "\u200b", "-", "\u2011", "_", "%20", ""]),
    inside=st.sampled_from(["", "\u00ad", "\u200b", "\u0301"]),
    at=st.integers(min_value=1, max_value=7),
    around=st.sampled_from(["", "(", "'", " ", "/"]),
)
def test_masking_hides_every_typing_of_a_term(case, between, inside, at, around):
    word = case("nightjar")
    typed = case("project") + between + word[:at] + inside + word[at:]
    text_ = f"Before {around}{typed}{around[::-1]} and after."
    assert not _shows_the_term(mask_terms(text_, ["Project Nightjar"]))
    assert mask_terms(text_, ["Project Nightjar"]).startswith("Before ")


def test_an_error_about_a_file_does_not_show_its_confidential_terms(tmp_path, monkeypatch):
    """A note that cannot be read, and an interview.yaml that does not
    validate: their messages quote the file, and the terms are masked."""
    write(
        tmp_path,
        {
            "a/interview.yaml": REPEATED["app/interview.yaml"],
            "a/raj.md": "---\nto: Raj Patel\nsent: Project Nightjar launch day\n---\nDear Raj,\n",
            "b/interview.yaml": "company: Acme\nconfidential: [Project Nightjar]\n"
            "interviewers:\n  - name: Raj Patel\n    role: boss-of-project-nightjar\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    for format_ in ("text", "json", "github"):
        result = CliRunner().invoke(main, ["check", "a", "b", "--format", format_])
        output = result.stdout + result.stderr
        assert output.count("NL001") >= 2 or format_ == "json"
        assert not _shows_the_term(output), output


def test_a_crash_does_not_show_the_term_it_quotes(tmp_path, monkeypatch):
    """A plugin rule that fails with the note's text in its exception: the
    error line on stderr, and the traceback of --verbose, mask the term."""
    from notelint.app import runner
    from notelint.plugins.registry import Registry
    from notelint.rule import Rule
    from notelint.rules.inputs.unreadable_input import UnreadableInput

    class Quoting(Rule):
        slug = "quoting"
        code = "T950"

        def check(self, note, context):
            raise ValueError(f"cannot judge {note.body.strip()!r}")

    def registry(packs=()):
        found = Registry()
        for rule in (UnreadableInput, Quoting):
            found.add(rule, "tests/test_leaks.py")
        return found

    monkeypatch.setattr(runner, "discover", registry)
    write(tmp_path, {**REPEATED, "app/.notelint.yaml": "model: blank\n"})
    monkeypatch.chdir(tmp_path)
    for args in ([], ["--verbose"]):
        result = CliRunner().invoke(main, ["check", "app", *args])
        assert result.exit_code == 2 and "crashed on" in result.stderr
        assert not _shows_the_term(result.stdout + result.stderr), result.stderr


def test_a_masked_marker_keeps_its_label(tmp_path, monkeypatch):
    """The word masked where the message quotes it, not in the rule's own
    label: "confidential marker 'c***********'"."""
    write(
        tmp_path,
        {
            "app/interview.yaml": REPEATED["app/interview.yaml"],
            "app/maria-gonzalez.md": "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n"
            "Dear Maria,\n\nThe pricing plan is confidential, but I enjoyed our talk about hiring.\n",
        },
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["check", "app", "--select", "confidential-content"])
    assert "confidential marker 'c***********'" in result.stdout
