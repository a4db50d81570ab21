"""Findings point at the exact line and column on disk: after front matter,
with CRLF or CR line endings, in e-mail drafts, plain or quoted-printable."""

from __future__ import annotations

import pytest

from notelint.core.model import LineIndex

PACK = """
rules:
  - slug: house-gonzales
    kind: existence
    message: "found '{match}'"
    tokens: [Gonzales]
"""

NOTE = "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n\nDear Ms. Gonzales,\n\nThanks.\n"


@pytest.fixture
def spans(lint, tmp_path):
    """Lint `files` with only the house rule; return (path name, line, col, end_col)."""

    def run(files):
        (tmp_path / "packs").mkdir(exist_ok=True)
        (tmp_path / "packs" / "house.yaml").write_text(PACK, encoding="utf-8")
        findings = lint(files, select=("house-gonzales",), rule_packs=(tmp_path / "packs",))
        return [
            (f.path.rsplit("/", 1)[-1], f.line, f.column, f.end_line, f.end_column)
            for f in findings
        ]

    return run


def test_markdown_with_front_matter(spans):
    assert spans({"n.md": NOTE}) == [("n.md", 6, 10, 6, 18)]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_other_line_endings(spans, newline):
    assert spans({"n.md": NOTE.replace("\n", newline).encode()}) == [("n.md", 6, 10, 6, 18)]


def test_utf8_bom_and_wide_characters(spans):
    text = "\ufeff" + NOTE.replace("Dear Ms.", "Dear Señora Ms.")
    assert spans({"n.md": text.encode("utf-8")}) == [("n.md", 6, 17, 6, 25)]


def test_plain_email(spans):
    eml = (
        "To: Maria Gonzalez <m@acme.example>\nFrom: Jo <jo@example.com>\n"
        "Subject: Thank you\nDate: Sat, 21 Nov 2026 09:00:00 +0000\n\n"
        "Dear Ms. Gonzales,\n"
    )
    assert spans({"n.eml": eml}) == [("n.eml", 6, 10, 6, 18)]


def test_quoted_printable_email_maps_back_to_raw_lines(spans):
    eml = (
        "To: m@acme.example\nSubject: Thanks\nDate: Sat, 21 Nov 2026 09:00:00 +0000\n"
        "MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n\n"
        "Dear Se=C3=B1ora Gonzales, a long line that is wrapped by a soft line br=\neak. "
        "Ms. Gonzales again.\n"
    )
    assert spans({"n.eml": eml}) == [("n.eml", 8, 18, 8, 26), ("n.eml", 9, 10, 9, 18)]


def test_base64_email_points_at_first_body_line(spans):
    import base64

    payload = base64.b64encode(b"Dear Ms. Gonzales,\n").decode()
    eml = (
        "To: m@acme.example\nSubject: Thanks\nDate: Sat, 21 Nov 2026 09:00:00 +0000\n"
        "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        f"{payload}\n"
    )
    assert [s[:3] for s in spans({"n.eml": eml})] == [("n.eml", 7, 1)]


@pytest.mark.parametrize(
    "text, offset, expected",
    [
        ("a\nb", 2, (2, 1)),
        ("a\r\nb", 3, (2, 1)),
        ("a\rb", 2, (2, 1)),
        ("ab", 1, (1, 2)),
        ("a\n\n", 2, (2, 1)),
    ],
)
def test_line_index(text, offset, expected):
    assert LineIndex.of(text).position(offset) == expected
