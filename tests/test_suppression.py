"""Suppression comments and front-matter ignores, exactly as the contract
spells them."""

from __future__ import annotations

import pytest

PACK = "rules:\n  - slug: house-word\n    code: HW1\n    kind: existence\n    tokens: [synergy]\n"


@pytest.fixture
def lines(lint, tmp_path):
    def run(body: str, front: str = "") -> list[int]:
        (tmp_path / "packs").mkdir(exist_ok=True)
        (tmp_path / "packs" / "p.yaml").write_text(PACK)
        note = (f"---\n{front}---\n" if front else "") + body
        findings = lint({"n.md": note}, select=("house-word",), rule_packs=(tmp_path / "packs",))
        return [f.line for f in findings]

    return run


BODY = "synergy 1\n<!-- notelint-disable house-word -->\nsynergy 3\n<!-- notelint-enable -->\nsynergy 5\n"


def test_disable_until_enable(lines):
    assert lines(BODY) == [1, 5]


def test_disable_by_code_and_without_rules(lines):
    assert lines(BODY.replace("house-word", "HW1")) == [1, 5]
    assert lines("synergy\n<!-- notelint-disable -->\nsynergy\nsynergy\n") == [1]


def test_disable_other_rule_keeps_this_one(lines):
    assert lines(BODY.replace("house-word", "generic-phrasing")) == [1, 3, 5]


def test_disable_next_line(lines):
    body = "synergy\n<!-- notelint-disable-next-line house-word -->\nsynergy\nsynergy\n"
    assert lines(body) == [1, 4]


def test_front_matter_ignore(lines):
    assert lines("synergy\n", front="notelint: {ignore: [house-word]}\n") == []
    assert lines("synergy\n", front="notelint: {ignore: [generic-phrasing]}\n") == [4]


def test_comment_text_is_not_linted(lines):
    assert lines("<!-- synergy in a comment -->\nfine\n") == []


def test_a_misspelled_rule_name_is_reported_not_ignored(lint, tmp_path):
    (tmp_path / "packs").mkdir(exist_ok=True)
    (tmp_path / "packs" / "p.yaml").write_text(PACK)
    note = "---\nnotelint: {ignore: [house-wrod]}\n---\nsynergy\n<!-- notelint-disable-next-line HW2 -->\nsynergy\n"
    findings = lint({"n.md": note}, select=("house-word",), rule_packs=(tmp_path / "packs",))
    assert [(f.rule, f.line) for f in findings] == [
        ("unreadable-input", 2),
        ("house-word", 4),
        ("unreadable-input", 5),
        ("house-word", 6),
    ]
    assert "'house-wrod' is not a rule; did you mean 'house-word'?" in findings[0].message
