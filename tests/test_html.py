"""The HTML report without a browser: how a note is cut into highlighted
pieces, the passages duplicates share, and a page that fetches nothing and
masks what is confidential. (tests/test_browser.py checks it in Chromium.)"""

from __future__ import annotations

import io
import re

import pytest

from notelint.core.model import Finding, Severity
from notelint.report.formatters import Summary, formatter
from notelint.report.formatters.html import pieces
from notelint.report.passages import shared


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
