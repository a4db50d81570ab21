"""Hostile and odd input through every built-in rule with the full model:
no crash, every finding inside its file, and the other files still linted."""

from __future__ import annotations

import pytest

from notelint.core.model import Hit, LineIndex
from notelint.rule import Rule
from tests.conftest import NOW

INTERVIEW = """
company: Acme Robotics
role: Product Manager
current_employer: Globex
confidential: [Project Falcon]
values: [collaboration]
interviewers:
  - name: Łukasz Wójcik
    title: Director of Product
    role: hiring-manager
    email: lukasz@acme.example
    points: [roadmap planning]
  - name: Maria Gonzalez
    role: colleague
    email: m@acme.example
"""

GOOD = "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\nDear Maria,\n\nThanks for the roadmap planning chat.\n\nBest,\nJo\n"

HOSTILE = {
    "greeting-only.md": "---\nto: Maria Gonzalez\n---\nDear Maria,\n",
    "signature-only.md": "---\nto: Łukasz Wójcik\n---\nBest regards,\nJo Lee\njo@example.com\n",
    "emoji.md": "---\nto: maria gonzalez\n---\nHi Maria 👋🏽🎉!!\n\nThanks 🙏 for the roadmap planning talk ✨\n",
    "rtl.txt": "שלום Maria, شكرا جزيلا for the roadmap planning talk.\n",
    "long-word.md": "Dear Maria,\n\n" + "x" * 20_000 + "\n",
    "aware.md": "---\nto: lukasz@acme.example\nsent: 2026-11-21T09:00+05:30\nkind: follow-up\n---\nHi Lukasz,\n",
    "naive-date.md": "---\nto: Lukasz Wojcik\nsent: 2026-11-21\n---\nDear Mr. Wojcik,\n\nThank you!\n",
    "only-punctuation.md": "!!!???...\n---\n",
    "html.eml": (
        "To: Maria Gonzalez <m@acme.example>\nSubject: Thanks\nDate: Sat, 21 Nov 2026 09:00:00 +0000\n"
        "Content-Type: text/html; charset=utf-8\n\n<html><body><p>Dear Maria,</p><p>Thanks!</p></body></html>\n"
    ),
    "multipart.eml": (
        "To: m@acme.example\nSubject: Thanks\nDate: Sat, 21 Nov 2026 09:00:00 +0000\n"
        'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n'
        "--b\nContent-Type: text/plain; charset=utf-8\n\nDear Maria,\nThanks for the roadmap planning talk.\n"
        '--b\nContent-Type: application/pdf\nContent-Disposition: attachment; filename="30-60-90-plan.pdf"\n'
        "Content-Transfer-Encoding: base64\n\nJVBERi0=\n--b--\n"
    ),
    "weird-charset.eml": (
        "To: m@acme.example\nSubject: Thanks\nDate: Sat, 21 Nov 2026 09:00:00 +0000\n"
        "Content-Type: text/plain; charset=x-no-such-charset\nContent-Transfer-Encoding: quoted-printable\n\nHi=20there\n"
    ),
    "far-future.md": "---\nto: Maria Gonzalez\nsent: 9999-12-31T00:00\n---\nHi\n",
    "cr-only.md": "---\rto: Maria Gonzalez\r---\rDear Maria,\r\rThanks for the roadmap planning chat.\r",
    # Lines that once took minutes: one huge token, an unclosed comment
    # repeated, titles looked for after every article.
    "brackets.md": "Dear Maria,\n\n" + "[[[[" * 5_000 + "\n",
    "braces.md": "Dear Maria,\n\n" + "{{{{" * 5_000 + "\n",
    "bangs.md": "Dear Maria,\n\n" + "!!" * 10_000 + "\n",
    "comments.md": "Dear Maria,\n\n" + "<!--" * 10_000 + "\n",
    "articles.md": "Dear Maria,\n\n" + "a " * 10_000 + "\n",
}


@pytest.fixture(scope="module")
def outcome(tmp_path_factory, nlp):
    from notelint.app.runner import RunOptions, run
    from notelint.config import Config
    from tests.conftest import write

    root = tmp_path_factory.mktemp("hostile")
    write(
        root,
        {
            "app/interview.yaml": INTERVIEW,
            "app/good.md": GOOD,
            **{f"app/{name}": text for name, text in HOSTILE.items()},
            "bare/no-interview.md": "Dear Sir or Madam,\n\nThank you.\n",
        },
    )
    return root, run([(Config(), [str(root)])], RunOptions(now=NOW))


def test_no_rule_crashes(outcome):
    _, report = outcome
    assert report.crashes == []


def test_every_finding_lies_inside_its_file(outcome):
    root, report = outcome
    for finding in report.findings:
        text = report.sources.get(finding.path)
        if text is None:
            continue  # an unreadable file
        lines = LineIndex.of(text)
        assert 1 <= finding.line <= finding.end_line <= len(lines.starts)
        assert lines.offset(finding.end_line, finding.end_column) <= len(text)
        assert lines.offset(finding.line, finding.column) <= lines.offset(
            finding.end_line, finding.end_column
        )


def test_bad_files_are_findings_and_good_ones_are_still_linted(outcome):
    _, report = outcome
    unreadable = {
        f.path.rsplit("/", 1)[-1]: f.message
        for f in report.findings
        if f.rule == "unreadable-input"
    }
    assert "unknown charset 'x-no-such-charset'" in unreadable["weird-charset.eml"]
    assert "is not between 1970 and 2200" in unreadable["far-future.md"]
    assert set(unreadable) == {"weird-charset.eml", "far-future.md"}, unreadable
    reported = {path.rsplit("/", 1)[-1] for path in report.reported}
    assert set(HOSTILE) - set(unreadable) <= reported
    multipart = [f for f in report.findings if f.path.endswith("multipart.eml")]
    assert any(f.rule == "premature-plan" for f in multipart), "the attachment's name was read"


def test_a_long_run_of_characters_is_not_handed_to_the_tokenizer(nlp):
    from notelint.nlp import MAX_TOKEN, parsable

    text = "Dear Maria, " + "[" * (MAX_TOKEN + 1) + " thanks " + "x" * MAX_TOKEN
    shown = parsable(text)
    assert len(shown) == len(text)  # every offset stays
    assert "[" not in shown and shown.endswith("x" * MAX_TOKEN)
    assert [t.text for t in next(iter(nlp.pipe([shown])))][:4] == ["Dear", "Maria", ",", " " * 202]


class _Endless(Rule):
    """Never returns."""

    slug = "endless"
    code = "T900"

    def check(self, note, context):
        while True:
            pass


class _Next(Rule):
    """Runs after the endless rule."""

    slug = "next-rule"
    code = "T901"

    def check(self, note, context):
        yield Hit("checked", 0, 4)


def test_a_note_over_its_time_budget_is_a_finding_and_the_run_goes_on(tmp_path, monkeypatch):
    from notelint.app import runner
    from notelint.app.runner import RunOptions, run
    from notelint.config import Config
    from notelint.plugins.registry import Registry
    from notelint.rules.inputs.unreadable_input import UnreadableInput
    from tests.conftest import write

    def registry(packs=()):
        found = Registry()
        for rule in (UnreadableInput, _Endless, _Next):
            found.add(rule, "tests/test_hostile.py")
        return found

    monkeypatch.setattr(runner, "discover", registry)
    write(tmp_path, {"a.md": "Dear Maria,\n\nThanks.\n", "b.md": "Dear Raj,\n\nThanks.\n"})
    report = run([(Config(note_timeout=1), [str(tmp_path)])], RunOptions(now=NOW))
    stopped = sorted(
        f.path.rsplit("/", 1)[-1] for f in report.findings if f.rule == "unreadable-input"
    )
    assert stopped == ["a.md", "b.md"]  # each note stopped, neither stopped the run
    message = next(f.message for f in report.findings if f.rule == "unreadable-input")
    assert message == (
        "checking stopped after 1 s (option note_timeout), in rule endless; not checked: next-rule"
    )
