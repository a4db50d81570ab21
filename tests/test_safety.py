"""Safe by construction: no network, no code from notes or configuration."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("notelint tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_check_runs_with_sockets_disabled(lint, no_network):
    findings = lint(
        {
            "app/interview.yaml": "company: Acme\ninterviewers: [{name: Maria Gonzalez, role: hiring-manager}]\n",
            "app/maria.md": "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\nDear Ms. Gonzales,\n\nThanks!\n",
        }
    )
    assert all(f.rule != "unreadable-input" for f in findings)


def test_yaml_tags_never_construct_objects(lint, tmp_path):
    marker = tmp_path / "pwned"
    findings = lint(
        {
            "app/interview.yaml": f"company: !!python/object/apply:os.system ['touch {marker}']\n",
            "app/n.md": "---\nto: !!python/object/apply:os.system ['touch {marker}']\n---\nHi\n".replace(
                "{marker}", str(marker)
            ),
        },
        select=("unreadable-input",),
    )
    assert not marker.exists()
    assert {f.path.rsplit("/", 1)[-1] for f in findings} == {"interview.yaml", "n.md"}


BAD_ENTRIES = ["null", "{}", "[]", '[["a"]]', '[[["x"], ["y"]], [["z"], []]]', "not json", ""]


@pytest.mark.parametrize("entry", BAD_ENTRIES)
def test_a_bad_cache_entry_is_ignored_and_rewritten(tmp_path, monkeypatch, nlp, entry):
    from notelint import nlp as pipeline

    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path))
    phrases = ("I be beg", "thank you for take the time")
    fresh = pipeline.phrase_lemmas(nlp, phrases)
    (cached,) = tmp_path.glob("lemmas-*.json")
    cached.write_text(entry, encoding="utf-8")
    assert pipeline.phrase_lemmas(nlp, phrases) == fresh
    assert json.loads(cached.read_text(encoding="utf-8")) == [list(map(list, p)) for p in fresh]


def test_every_rule_works_after_the_cache_is_spoiled(tmp_path, monkeypatch):
    """Each cache entry replaced by valid JSON of the wrong shape: the next
    run reports exactly what a run with a fresh cache does."""
    from click.testing import CliRunner

    from notelint.cli import main

    cache = tmp_path / "cache"
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(cache))
    monkeypatch.chdir(EXAMPLES.parent)
    first = CliRunner().invoke(main, ["check", "examples", "--format", "json"])
    entries = list(cache.glob("lemmas-*.json"))
    assert entries
    for number, entry in enumerate(entries):
        entry.write_text(BAD_ENTRIES[number % len(BAD_ENTRIES)], encoding="utf-8")
    second = CliRunner().invoke(main, ["check", "examples", "--format", "json"])
    assert second.exit_code == first.exit_code == 1
    assert second.stdout == first.stdout
