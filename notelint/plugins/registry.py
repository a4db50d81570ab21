"""Finds every rule — built-in ones and third-party plugins through the
`notelint.rules` entry-point group, declarative ones from YAML packs — then
selects the enabled ones and validates their settings. One plugin that fails
to load is reported and skipped; it never aborts the run."""

from __future__ import annotations

import enum
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from notelint.config import Config, ConfigError, parse_severity
from notelint.core.model import Severity
from notelint.inputs.schema import InputError, suggest
from notelint.plugins import packs
from notelint.rule import ANNOTATIONS, Rule

ENTRY_POINT_GROUP = "notelint.rules"
UNREADABLE = "unreadable-input"


@dataclass
class Registry:
    rules: dict[str, type[Rule]] = field(default_factory=dict)  # slug -> rule
    lists: dict[str, tuple[str, ...]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # plugins that failed to load

    def add(self, rule: Any, origin: str) -> None:
        if not (isinstance(rule, type) and issubclass(rule, Rule)):
            self.errors.append(f"{origin}: not a notelint Rule class")
            return
        missing = [a for a in ("slug", "code") if not isinstance(getattr(rule, a, None), str)]
        unknown = set(rule.requires) - ANNOTATIONS
        taken = {r.slug for r in self.rules.values()} | {r.code for r in self.rules.values()}
        clash = next(
            (n for n in (getattr(rule, "slug", None), getattr(rule, "code", None)) if n in taken),
            None,
        )
        if missing or unknown or clash:
            reason = (
                f"missing {', '.join(missing)}"
                if missing
                else f"requires unknown annotations {sorted(unknown)}"
                if unknown
                else f"'{clash}' names another rule already"
            )
            self.errors.append(f"{origin}: rule skipped: {reason}")
            return
        self.rules[rule.slug] = rule

    def find(self, name: str) -> type[Rule]:
        """A rule by slug or code; an unknown name is a configuration error."""
        for rule in self.rules.values():
            if name in (rule.slug, rule.code):
                return rule
        raise ConfigError(f"unknown rule '{name}'{suggest(name, self.rules)}")

    def matching(self, selector: str) -> dict[str, int]:
        """The rules a selector names, as ruff reads one: a slug or a whole
        code (the most specific), or the start of codes (`NL6`: every NL6xx
        rule; longer prefixes are more specific). slug -> specificity. A
        selector that names no rule is a configuration error."""
        found = {
            rule.slug: EXACT if selector in (rule.slug, rule.code) else len(selector)
            for rule in self.rules.values()
            if selector in (rule.slug, rule.code)
            or (_PREFIX.fullmatch(selector) and rule.code.startswith(selector))
        }
        if not found:
            self.find(selector)  # raises, with a did-you-mean
        return found

    def problems(self, config: Config) -> list[str]:
        """Every rule name of `config` that names no rule, with where it is."""
        named = [(n, config.where("select"), self.matching) for n in config.select]
        named += [(n, config.where("ignore"), self.matching) for n in config.ignore]
        named += [(n, config.where(f"rules.{n}"), self.find) for n in config.rules]
        named += [
            (n, f"{entry.where}: ", self.matching)
            for entry in config.per_file_ignores
            for n in entry.rules
        ]
        found = []
        for name, where, look_up in named:
            try:
                look_up(name)
            except ConfigError as error:
                found.append(f"{where}{error}")
        return found

    def selected(self, config: Config) -> list[type[Rule]]:
        """The rules `select` and `ignore` leave on: a rule is on when the most
        specific selector naming it is in `select` (an empty `select` names
        every rule, least specifically), as in ruff: `--select NL6 --ignore
        NL601` keeps NL602, `--ignore NL6 --select NL601` keeps NL601.
        `unreadable-input` stays on unless `ignore` names it."""
        chosen = (
            _specificity(self, config.select) if config.select else dict.fromkeys(self.rules, 0)
        )
        ignored = _specificity(self, config.ignore)
        on = [
            rule
            for slug, rule in self.rules.items()
            if slug in chosen and chosen[slug] > ignored.get(slug, -1)
        ]
        if (
            UNREADABLE in self.rules
            and UNREADABLE not in ignored
            and self.rules[UNREADABLE] not in on
        ):
            on.append(self.rules[UNREADABLE])
        return sorted(on, key=lambda r: r.code)

    def slugs(self, names: Iterable[str]) -> set[str]:
        """The slugs of the rules `names` (slugs, codes, prefixes) name."""
        return set(_specificity(self, names))

    def active(self, config: Config) -> list[ActiveRule]:
        """The enabled rules, each with its severity and validated options.
        Every unknown rule name and every bad option is reported at once."""
        errors = self.problems(config)
        known = {rule.slug: rule for rule in self.rules.values()}
        known.update({rule.code: rule for rule in self.rules.values()})
        settings = {
            known[name].slug: (name, value) for name, value in config.rules.items() if name in known
        }
        active = []
        for rule in self.selected(config) if not errors else self.rules.values():
            name, values = settings.get(rule.slug, (rule.slug, {}))
            try:
                active.append(ActiveRule.configure(rule, values))
            except ConfigError as error:
                errors.append(f"{config.where(f'rules.{name}')}rules: {name}: {error}")
        if errors:
            raise ConfigError("\n".join(errors))
        return active


EXACT = 1000  # a slug or a whole code: more specific than any prefix
_PREFIX = re.compile(r"[A-Z]+[0-9]*")  # NL, NL6, NL60: the start of a code


def _specificity(registry: Registry, selectors: Iterable[str]) -> dict[str, int]:
    """slug -> the specificity of the most specific selector naming it."""
    found: dict[str, int] = {}
    for selector in selectors:
        for slug, score in registry.matching(selector).items():
            found[slug] = max(score, found.get(slug, -1))
    return found


@dataclass(frozen=True)
class ActiveRule:
    rule: Rule
    severity: Severity
    options: dict[str, Any]

    @classmethod
    def configure(cls, rule: type[Rule], settings: dict[str, Any]) -> ActiveRule:
        settings = dict(settings)
        try:
            severity = parse_severity(settings.pop("severity", rule.severity))
        except InputError as error:
            raise ConfigError(f"severity: {error}") from None
        options = dict(rule.options)
        for name, value in settings.items():
            if name not in rule.options:
                choices = [*rule.options, "severity"]
                raise ConfigError(f"unknown option '{name}'{suggest(name, choices)}")
            options[name] = _typed(name, value, rule.options[name])
        return cls(rule(), severity, options)


def _typed(name: str, value: Any, default: Any) -> Any:
    """A configured option value, of its default's type: an enum takes one of
    its values, a number must be finite and not negative."""
    expected = type(default)
    if isinstance(default, enum.Enum):
        try:
            return expected(value)
        except ValueError:
            choices = ", ".join(str(m.value) for m in expected)
            raise ConfigError(f"{name}: '{value}' is not one of {choices}") from None
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if expected in (list, tuple) and isinstance(value, list):
        return tuple(value)
    if not isinstance(value, expected) or (isinstance(value, bool) and expected is not bool):
        raise ConfigError(f"{name}: expected {expected.__name__}, got {value!r}")
    if expected in (int, float) and not (math.isfinite(value) and value >= 0):
        raise ConfigError(f"{name}: expected a number of 0 or more, got {value!r}")
    return value


def discover(pack_folders: Iterable = ()) -> Registry:
    """Every rule this installation knows, in a registry."""
    registry = Registry()
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name):
        origin = f"plugin '{entry_point.name}' ({entry_point.value})"
        try:
            loaded = entry_point.load()
        except Exception as error:  # a broken plugin must not stop the run
            registry.errors.append(f"{origin}: failed to load: {type(error).__name__}: {error}")
            continue
        for rule in loaded if isinstance(loaded, (list, tuple)) else [loaded]:
            registry.add(rule, origin)
    readers = frozenset().union(*(rule.reads for rule in registry.rules.values()))
    found = packs.load(tuple(pack_folders), readers)
    registry.lists = found.lists
    for rule in found.rules:
        registry.add(rule, f"rule pack rule '{rule.slug}'")
    return registry
