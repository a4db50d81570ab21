"""Where notelint's own data lives: the rule packs shipped in the wheel
(`notelint/packs`), or the repository's `rules/` folder in a checkout."""

from __future__ import annotations

from pathlib import Path


def builtin_folder() -> Path:
    here = Path(__file__).parent
    shipped = here / "packs"
    return shipped if shipped.is_dir() else here.parent / "rules"
