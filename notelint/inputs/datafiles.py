"""Where notelint's own data lives: the rule packs shipped in the wheel
(`notelint/packs`), or the repository's `rules/` folder in a checkout; and
the word lists of those built-in packs, for the analysis layer, which reads
them once at start-up (a rule reads its lists, extended by the user's packs,
in `prepare`)."""

from __future__ import annotations

from functools import cache
from pathlib import Path


def builtin_folder() -> Path:
    package = Path(__file__).resolve().parent.parent
    shipped = package / "packs"
    return shipped if shipped.is_dir() else package.parent / "rules"


# The lists whose entries are regular expressions (checked when a pack loads,
# run under a time limit: notelint.core.patterns).
PATTERN_LISTS = frozenset({"tone-patterns", "secret-token-formats"})

# The lists the analysis layer reads from the built-in packs at start-up (the
# letter's anatomy, names, specificity): a user's pack cannot extend them.
ANALYSIS_LISTS = frozenset(
    {
        "salutations",
        "closings",
        "honorifics",
        "mail-footers",
        "subject-prefixes",
        "legal-forms",
        "code-name-words",
        "name-particles",
        "name-suffixes",
        "title-abbreviations",
        "title-functions",
        "title-ranks",
        "role-nouns",
        "template-verbs",
        "duration-units",
    }
)


@cache
def builtin_lists() -> dict[str, tuple[str, ...]]:
    """Every list of the built-in packs, by name."""
    from notelint.inputs import yamlio

    found: dict[str, tuple[str, ...]] = {}
    for path in sorted(builtin_folder().glob("*.y*ml")):
        data = yamlio.load(path.read_text(encoding="utf-8"), lines=False) or {}
        for name, values in (data.get("lists") or {}).items():
            found[name] = found.get(name, ()) + tuple(str(v) for v in values or ())
    return found


def builtin_list(name: str) -> frozenset[str]:
    """One built-in list the analysis reads, lower-cased, as a set."""
    assert name in ANALYSIS_LISTS, f"declare '{name}' in ANALYSIS_LISTS"
    return frozenset(v.lower() for v in builtin_lists()[name])
