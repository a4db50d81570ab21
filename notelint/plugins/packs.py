"""YAML rule packs: word lists that built-in rules read, and declarative
rules a coach can add without writing Python.

```yaml
lists:                      # named lists; packs that share a name extend it
  stock-phrases: [thank you for take the time]
rules:
  - slug: no-sorry
    kind: existence         # existence | substitution
    message: "Drop the apology: '{match}'"
    severity: info
    tokens: [sorry to bother you]
    lemmas: true
```
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from notelint.config import parse_severity
from notelint.core import patterns
from notelint.core.store import digest
from notelint.inputs import yamlio
from notelint.inputs.datafiles import ANALYSIS_LISTS, PATTERN_LISTS, builtin_folder
from notelint.inputs.schema import InputError, check_keys, require_mapping, suggest, texts
from notelint.plugins.kinds import Existence, Substitution
from notelint.rule import Rule

KINDS = {"existence": Existence, "substitution": Substitution}
PACK_KEYS = ("lists", "rules")
RULE_KEYS = (
    "slug",
    "code",
    "kind",
    "message",
    "severity",
    "description",
    "tokens",
    "patterns",
    "swap",
    "ignore_case",
    "lemmas",
)
SLUG = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*")


class PackError(Exception):
    """A rule pack that cannot be used: the run stops with exit 2."""


@dataclass
class Packs:
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    rules: list[type[Rule]] = field(default_factory=list)


def load(folders: tuple[Path, ...], readers: frozenset[str] = frozenset()) -> Packs:
    """The built-in packs, then the packs of `folders`. The built-in packs
    declare the list names; a user's pack may extend a declared list (or one
    a plugin rule `reads`), never invent one nor extend one the analysis
    layer reads at start-up."""
    packs = Packs()
    declared: frozenset[str] | None = None  # the built-in packs declare
    for folder in (builtin_folder(), *folders):
        if not folder.is_dir():
            raise PackError(f"{folder}: rule pack folder does not exist")
        for path in sorted(folder.glob("*.y*ml")):
            try:
                _load_pack(path, packs, declared)
            except InputError as error:
                where = f"{path}:{error.line}" if error.line else str(path)
                raise PackError(f"{where}: {error}") from None
            except (OSError, UnicodeDecodeError) as error:
                raise PackError(f"{path}: cannot read: {error}") from None
        if declared is None:
            declared = frozenset(packs.lists) | readers
    return packs


def fingerprint(folders: tuple[Path, ...]) -> str:
    """The text of every pack `load(folders)` reads, as one digest."""
    return digest(
        *(
            part
            for folder in (builtin_folder(), *folders)
            if folder.is_dir()
            for path in sorted(folder.glob("*.y*ml"))
            for part in (str(path), path.read_bytes())
        )
    )


def _load_pack(path: Path, packs: Packs, declared: frozenset[str] | None) -> None:
    """Read a pack with libyaml (fast: packs are long word lists); a pack that
    fails is read again keeping lines, so that the error can name one."""
    text = path.read_text(encoding="utf-8")
    try:
        _read_pack(yamlio.load(text, lines=False), packs, declared)
    except InputError:
        _read_pack(yamlio.load(text), Packs(), declared)
        raise


def _read_pack(data: Any, packs: Packs, declared: frozenset[str] | None) -> None:
    data = require_mapping(data, "a rule pack")
    check_keys(data, PACK_KEYS, "")
    lists = require_mapping(
        data.get("lists") or yamlio.Mapping(), "lists", yamlio.line_of(data, "lists")
    )
    for name in lists:
        if declared is not None:
            _check_list_name(str(name), declared, yamlio.line_of(lists, name))
        entries = texts(lists, name, "lists: ")
        if name in PATTERN_LISTS:
            for index, pattern in enumerate(entries):
                _check_pattern(pattern, f"lists: {name}", yamlio.line_of(lists[name], index))
        packs.lists[name] = packs.lists.get(name, ()) + entries
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        raise InputError("rules must be a list", yamlio.line_of(data, "rules"))
    for index, spec in enumerate(rules):
        packs.rules.append(_rule(spec, f"rules[{index}].", yamlio.line_of(rules, index)))


def _check_list_name(name: str, declared: frozenset[str], line: int | None) -> None:
    if name in ANALYSIS_LISTS:
        raise InputError(
            f"lists: '{name}' is read by notelint's analysis at start-up and cannot be "
            "extended by a pack; change it in notelint's own rules/ folder",
            line,
        )
    if name not in declared:
        raise InputError(f"lists: unknown list '{name}'{suggest(name, sorted(declared))}", line)


def _check_pattern(pattern: str, where: str, line: int | None) -> None:
    reason = patterns.problem(pattern)
    if reason is not None:
        raise InputError(f"{where}: '{pattern}': {reason}", line)


PLACEHOLDERS = {"existence": {"match"}, "substitution": {"match", "replacement"}}


def _message(message: str, kind: str, where: str, line: int | None) -> str:
    """A message whose only placeholders are those its kind fills in."""
    try:
        fields = {name for _, name, _, _ in string.Formatter().parse(message) if name is not None}
    except ValueError as error:
        raise InputError(f"{where}: {error}", line) from None
    unknown = sorted(fields - PLACEHOLDERS[kind])
    if unknown:
        allowed = ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS[kind]))
        raise InputError(f"{where}: unknown placeholder '{{{unknown[0]}}}' (use {allowed})", line)
    return message


def _rule(spec: Any, where: str, line: int | None) -> type[Rule]:
    spec = require_mapping(spec, where.rstrip("."), line)
    check_keys(spec, RULE_KEYS, where)

    def at(key: str) -> int | None:
        return yamlio.line_of(spec, key)

    slug = str(spec.get("slug", ""))
    if not SLUG.fullmatch(slug):
        raise InputError(
            f"{where}slug: '{slug}' must be lower-case words joined by '-'", at("slug")
        )
    kind = spec.get("kind")
    if kind not in KINDS:
        raise InputError(
            f"{where}kind: '{kind}' is not a kind{suggest(str(kind), KINDS)}", at("kind")
        )
    attributes: dict[str, Any] = {
        "slug": slug,
        "code": str(spec.get("code", slug)),
        "severity": parse_severity(spec.get("severity", "warning"), at("severity")),
        "ignore_case": bool(spec.get("ignore_case", True)),
        "lemmas": bool(spec.get("lemmas", False)),
        "__doc__": str(spec.get("description", f"House rule {slug}.")),
        "__module__": __name__,
    }
    if "message" in spec:
        attributes["message"] = _message(
            str(spec["message"]), kind, f"{where}message", at("message")
        )
    if attributes["lemmas"]:
        attributes["requires"] = frozenset({"lemma"})
    if kind == "existence":
        attributes["tokens"] = texts(spec, "tokens", where)
        attributes["patterns"] = texts(spec, "patterns", where)
        for index, pattern in enumerate(attributes["patterns"]):
            _check_pattern(
                pattern,
                f"{where}patterns",
                yamlio.line_of(spec["patterns"], index) or at("patterns"),
            )
        if not attributes["tokens"] and not attributes["patterns"]:
            raise InputError(f"{where}an existence rule needs tokens or patterns", line)
    else:
        swap = require_mapping(spec.get("swap"), f"{where}swap", at("swap") or line)
        attributes["swap"] = {str(k): str(v) for k, v in swap.items()}
    name = "".join(part.title() for part in slug.split("-"))
    return type(name, (KINDS[kind],), attributes)
