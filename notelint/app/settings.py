"""`notelint check --show-settings PATH`: the settings in force for a path,
each with where its value came from (the default, a file and line, or the
command line), written as YAML a user could paste into `.notelint.yaml`."""

from __future__ import annotations

import enum
from typing import Any

from notelint.config import SETTINGS, Config, PerFileIgnore
from notelint.inputs.ignores import Patterns
from notelint.inputs.sources import DEFAULT_EXCLUDE


def render(config: Config, path: str) -> str:
    source = str(config.source) if config.source else "none (the defaults)"
    chain = "".join(f"\n#   extends {p}" for p in config.extends)
    lines = [f"# Resolved settings for: {path}", f"# Settings file: {source}{chain}"]
    rows = [(key, _shown(config, key), config.origin(key)) for key in SETTINGS]
    width = max(len(f"{key}: {value}") for key, value, _ in rows if key != "rules")
    for key, value, origin in rows:
        if key == "rules" and config.rules:
            lines.append(f"{'rules:':<{width}} # {origin}")
            for slug, settings in config.rules.items():
                row = f"  {slug}: {_value(settings)}"
                lines.append(f"{row:<{width}} # {config.origin(f'rules.{slug}')}")
            continue
        lines.append(f"{f'{key}: {value}':<{width}} # {origin}")
    lines.append(f"# always excluded: {_value(DEFAULT_EXCLUDE)}")
    return "\n".join(lines) + "\n"


def _shown(config: Config, key: str) -> str:
    if key == "per_file_ignores":  # a mapping in the file
        return "{" + ", ".join(_value(entry) for entry in config.per_file_ignores) + "}"
    return _value(getattr(config, key))


def _value(value: Any) -> str:
    """A setting as YAML flow text."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, Patterns):
        return ", ".join(value.lines)
    if isinstance(value, PerFileIgnore):
        return f"{_value(value.patterns)}: [{', '.join(value.rules)}]"
    if isinstance(value, (tuple, list)):
        return "[" + ", ".join(_value(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_value(v)}" for k, v in value.items()) + "}"
    return str(value)
