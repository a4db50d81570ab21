"""The wheel carries the rule packs and registers every built-in rule, so a
plain `pip install .` works from any folder."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr
    (built,) = out.glob("notelint-*.whl")
    return zipfile.ZipFile(built)


def test_wheel_ships_every_rule_pack(wheel):
    names = set(wheel.namelist())
    packs = sorted(p.name for p in (ROOT / "rules").glob("*.yaml"))
    assert packs and all(f"notelint/packs/{name}" in names for name in packs)


def test_wheel_registers_every_builtin_rule(wheel):
    (entry_points,) = [n for n in wheel.namelist() if n.endswith("entry_points.txt")]
    text = wheel.read(entry_points).decode()
    modules = sorted(
        p.stem for p in (ROOT / "notelint" / "rules").glob("*.py") if p.stem != "__init__"
    )
    assert "[notelint.rules]" in text and "notelint = notelint.cli:main" in text
    assert all(f"notelint.rules.{module}:" in text for module in modules)
