"""Finds every rule — built-in ones and third-party plugins through the
`notelint.rules` entry-point group, declarative ones from YAML packs — then
selects the enabled ones and validates their settings. One plugin that fails
to load is reported and skipped; it never aborts the run."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib.metadata import entry_points
from typing import Any

from notelint import packs
from notelint.config import Config, ConfigError, parse_severity
from notelint.model import Severity
from notelint.rule import ANNOTATIONS, Rule
from notelint.schema import InputError, suggest

ENTRY_POINT_GROUP = "notelint.rules"


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
        if missing or unknown or rule.slug in self.rules:
            reason = (
                f"missing {', '.join(missing)}" if missing
                else f"requires unknown annotations {sorted(unknown)}" if unknown
                else f"the slug '{rule.slug}' is taken by another rule"
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

    def active(self, config: Config) -> list[ActiveRule]:
        """The enabled rules, each with its severity and validated options."""
        for slug in config.rules:
            self.find(slug)
        chosen = [self.find(n) for n in config.select] or list(self.rules.values())
        ignored = {self.find(n).slug for n in config.ignore}
        return [
            ActiveRule.configure(rule, config.rules.get(rule.slug, {}))
            for rule in sorted(chosen, key=lambda r: r.code)
            if rule.slug not in ignored
        ]


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
            raise ConfigError(f"rules: {rule.slug}: severity: {error}") from None
        options = dict(rule.options)
        for name, value in settings.items():
            if name not in rule.options:
                choices = [*rule.options, "severity"]
                raise ConfigError(
                    f"rules: {rule.slug}: unknown option '{name}'{suggest(name, choices)}"
                )
            options[name] = _typed(rule.slug, name, value, rule.options[name])
        return cls(rule(), severity, options)


def _typed(slug: str, name: str, value: Any, default: Any) -> Any:
    expected = type(default)
    if expected is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if expected in (list, tuple) and isinstance(value, list):
        return tuple(value)
    if isinstance(value, expected) and not (isinstance(value, bool) and expected is not bool):
        return value
    raise ConfigError(
        f"rules: {slug}: {name}: expected {expected.__name__}, got {value!r}"
    )


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
    found = packs.load(tuple(pack_folders))
    registry.lists = found.lists
    for rule in found.rules:
        registry.add(rule, f"rule pack rule '{rule.slug}'")
    return registry
