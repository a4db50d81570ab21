"""The HTML report without a browser: how a note is cut into highlighted
pieces, the passages duplicates share, and a page that fetches nothing and
masks what is confidential. (tests/test_browser.py checks it in Chromium.)"""

from __future__ import annotations

import io
import re
from datetime import datetime
from pathlib import Path

import pytest

from notelint.app import overview
from notelint.app.runner import RunOptions, run
from notelint.config import Config
from notelint.core.model import Finding, Severity
from notelint.report.formatters import Summary, formatter
from notelint.report.formatters.html import pieces
from notelint.report.passages import shared
from tests.conftest import write


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([], [("Dear Maria,", ())]),
        ([(5, 10, 0)], [("Dear ", ()), ("Maria", (0,)), (",", ())]),
        # overlapping findings: the overlap is covered by both
        (
            [(0, 7, 0), (5, 10, 1)],
            [("Dear ", (0,)), ("Ma", (0, 1)), ("ria", (1,)), (",", ())],
        ),
        # an empty span is an empty piece where it stands
        ([(4, 4, 0)], [("Dear", ()), ("", (0,)), (" Maria,", ())]),
        ([(11, 11, 0)], [("Dear Maria,", ()), ("", (0,))]),
    ],
)
def test_a_note_is_cut_at_every_finding(spans, expected):
    cut = pieces("Dear Maria,", spans, ["warning", "error"])
    assert [(p.text, p.findings) for p in cut] == expected
    assert "".join(p.text for p in cut) == "Dear Maria,"


def test_a_piece_takes_the_colour_of_its_worst_finding():
    cut = pieces("Dear Maria,", [(0, 10, 0), (5, 10, 1)], ["info", "error"])
    assert [(p.text, p.severity, p.first) for p in cut] == [
        ("Dear ", "info", (0,)),
        ("Maria", "error", (1,)),
        (",", None, ()),
    ]


def test_shared_passages_are_runs_of_five_words_or_more():
    a = "Thank you. I enjoyed our talk about the product roadmap and your team."
    b = "Hello! I ENJOYED our talk about the product roadmap, truly. Your team."
    in_a, in_b = shared(a, b)
    assert [a[s:e] for s, e in in_a] == ["I enjoyed our talk about the product roadmap"]
    assert [b[s:e] for s, e in in_b] == ["I ENJOYED our talk about the product roadmap"]
    assert shared("your team is great", "your team is great") == ([], [])  # four words


def _page(text: str, finding: Finding) -> str:
    out = io.StringIO()
    html = formatter("html", out, sources={finding.path: text})
    html.start()
    html.handle(finding)
    html.finish(Summary(1, [finding]))
    return out.getvalue()


def test_the_page_is_self_contained_and_escapes_what_it_shows():
    text = 'Dear <Name>,\n\n<script src="https://evil.example/x.js"></script>\n'
    finding = Finding(
        "n.md", 1, 6, 1, 12, "template-placeholder", "NL302", Severity.ERROR, "fill <Name> in"
    )
    page = _page(text, finding)
    assert "<script src" not in page and "&lt;script src=" in page
    assert re.findall(r"<script\b", page) == ["<script"]  # the report's own, inline
    assert not re.search(r'(?:src|href)="(?:https?:)?//', page)
    assert "<link" not in page and "@import" not in page
    assert "&lt;Name&gt;</mark>" in page


# --- the page's context (app/overview.py) --------------------------------------


ROOT = Path(__file__).resolve().parent.parent
NOW = datetime(2026, 12, 10, 12, 0)


def _overview(paths, reveal=False, config=None):
    config = config or Config()
    report = run([(config, paths)], RunOptions(now=NOW, show_confidential=reveal))
    return report, overview.build(report, config, NOW, reveal)


def test_the_echoes_shown_are_the_ones_missing_interview_point_judges(nlp, monkeypatch):
    monkeypatch.chdir(ROOT)
    report, page = _overview(["examples"])
    judged = {}
    for finding in report.findings:
        if finding.rule == "missing-interview-point":
            judged[finding.path] = "none" if "none of the points" in finding.message else "some"
    checked = 0
    for application in page.applications:
        for note in application.notes:
            person = next((p for p in application.people if p.name == note.to), None)
            if person is None or not person.points or note.kind != "thank-you":
                continue
            echoed = [note.path in p.echoed_by for p in person.points]
            expected = {"none": not any(echoed), "some": any(echoed) and not all(echoed)}
            assert expected.get(judged.get(note.path), all(echoed)), note.path
            assert set(note.echoes) >= {p.text for p in person.points if note.path in p.echoed_by}
            checked += 1
    assert checked >= 5 and "none" in judged.values()


def test_the_timeline_is_the_timeline_commands(nlp, monkeypatch):
    from notelint.app import timeline

    monkeypatch.chdir(ROOT)
    _, page = _overview(["examples"])
    loaded = timeline.load(["examples"], Config())
    entries = timeline.build(loaded, NOW, None, timeline.timing_options(Config()))
    assert list(page.timeline) == [e.to_dict() for e in entries]


POINTED = {
    "acme/interview.yaml": """\
        company: Acme Robotics
        confidential: [Project Nightjar]
        interviewers:
          - name: Maria Gonzalez
            title: Director
            points: [the Project Nightjar launch, pricing]
        """,
}


def test_interview_texts_are_masked_unless_revealed(tmp_path, nlp, monkeypatch):
    # an application with no note naming the term: its points are masked all the same
    write(tmp_path, {**POINTED, "acme/maria-gonzalez.md": "Dear Maria,\n\nThanks for pricing.\n"})
    monkeypatch.chdir(tmp_path)
    _, page = _overview(["acme"])
    points = [p.text for p in page.applications[0].people[0].points]
    assert "Nightjar" not in " ".join(points) and points[1] == "pricing"
    _, revealed = _overview(["acme"], reveal=True)
    assert revealed.applications[0].people[0].points[0].text == "the Project Nightjar launch"
