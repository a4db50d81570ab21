"""Nothing leaks: a confidential match never appears in any output format,
unless --show-confidential asks for it."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from notelint.cli import main
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
