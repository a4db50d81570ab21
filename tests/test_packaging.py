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
    rules = ROOT / "notelint" / "rules"
    modules = sorted(
        ".".join(p.relative_to(rules).with_suffix("").parts)
        for p in rules.rglob("*.py")
        if p.stem != "__init__"
    )
    assert len(modules) == 16
    assert "[notelint.rules]" in text and "notelint = notelint.cli:main" in text
    assert all(f"notelint.rules.{module}:" in text for module in modules)


def test_each_rule_family_folder_holds_one_block_of_codes():
    from notelint.plugins.registry import discover

    families = {
        "inputs": "0",
        "content": "1",
        "names": "2",
        "safety": "3",
        "timing": "4",
        "hiring": "5",
        "tone": "6",
    }
    builtin = [r for r in discover().rules.values() if r.__module__.startswith("notelint.rules.")]
    assert len(builtin) == 16
    for rule in builtin:
        family = rule.__module__.split(".")[2]
        assert rule.code[2] == families[family], (rule.slug, rule.code, family)


@pytest.mark.parametrize("folder", ["report/templates", "schemas"])
def test_wheel_ships_the_report_templates_and_the_schemas(wheel, folder):
    names = set(wheel.namelist())
    files = sorted(p.name for p in (ROOT / "notelint" / folder).iterdir())
    assert files and all(f"notelint/{folder}/{name}" in names for name in files)


def test_the_license_file_matches_pyproject_and_ships_in_the_wheel(wheel):
    import tomllib

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert declared["project"]["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "Permission is hereby granted" in text
    (shipped,) = [n for n in wheel.namelist() if n.endswith(".dist-info/licenses/LICENSE")]
    assert wheel.read(shipped).decode() == text


def test_the_changelog_keeps_an_unreleased_section():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert "keepachangelog.com" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## [Unreleased]", "## [0.1.0]"]
