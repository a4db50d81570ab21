"""Safe by construction: no network, no code from notes or configuration."""

from __future__ import annotations

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
