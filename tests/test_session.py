"""A runner Session (what the language server keeps between runs) reuses
the prepared rules and parsed interviews, never a fact about a note."""

from __future__ import annotations

from pathlib import Path

from notelint.app.runner import RunOptions, Session, run
from notelint.config import Config
from tests.conftest import NOW, write
from tests.test_stdin import INTERVIEW

SPECIFIC = (
    "---\nto: Maria Gonzalez\n---\nDear Ms. Gonzales,\n\nThank you for our talk about "
    "collaboration between marketing and product development; at Globex I cut the "
    "prototype cycle from nine weeks to four.\n\nBest,\nAlex\n"
)
GENERIC = (
    "---\nto: Maria Gonzalez\n---\nDear Maria,\n\nThank you for your time today. I look "
    "forward to hearing from you about the next steps.\n\nBest,\nAlex\n"
)


def test_a_session_gives_every_run_the_findings_of_a_fresh_one(tmp_path: Path):
    write(tmp_path, {"acme/interview.yaml": INTERVIEW})
    path = str(tmp_path / "acme" / "maria-gonzalez.md")
    session = Session()

    def lint(text: str, interview: str, session: Session | None):
        overrides = {path: text.encode(), tmp_path / "acme" / "interview.yaml": interview.encode()}
        report = run([(Config(), [path])], RunOptions(now=NOW, overrides=overrides), session)
        return sorted((f.rule, f.line, f.column, f.message) for f in report.findings)

    other = INTERVIEW.replace("Gonzalez", "Gonzales")  # the interview changes too
    seen = set()
    for text, interview in ((SPECIFIC, INTERVIEW), (GENERIC, INTERVIEW), (SPECIFIC, other)):
        interview = interview.replace("\n    ", "\n")
        found = lint(text, interview, session)
        assert found == lint(text, interview, None)
        seen |= {rule for rule, *_ in found}
    assert {"generic-phrasing", "misspelled-name"} <= seen  # the runs differed
    assert len(session.setups) == 1  # one configuration: its rules prepared once
