"""JSON Schemas (draft 2020-12) of `interview.yaml` and `.notelint.yaml`,
made from the declarations the validators read (`inputs/fields.py`), for
editors: the VS Code YAML extension validates and completes a file as it is
typed. The package ships them as `notelint/schemas/*.schema.json`
(`python -m notelint.app.docgen` writes them)."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

from notelint.inputs import fields
from notelint.inputs.schema import YEARS

DRAFT = "https://json-schema.org/draft/2020-12/schema"
FILES = {"interview": "interview.schema.json", "config": "notelint.schema.json"}

_YEAR = "(?:19[7-9][0-9]|2[01][0-9]{2}|2200)"  # inputs.schema.YEARS
assert (YEARS.start, YEARS.stop) == (1970, 2201)
WHEN = (
    rf"^\s*{_YEAR}-[0-9]{{2}}-[0-9]{{2}}"
    r"(?:[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]+)?)?(?:Z|[+-][0-9]{2}:?[0-9]{2})?)?\s*$"
)
_SCALAR = {"type": ["string", "number"]}  # inputs.schema.text: a number is text too
# Kinds whose validator takes an empty value (`title:`) for an absent one.
_NULLABLE = {"text", "texts", "when", "zone", "choice", "people"}
_NAMES = {"type": "array", "items": {"type": "string"}}


def _kind(key: fields.Key) -> dict[str, Any]:
    kind = key.kind
    if kind == "text":
        return {**_SCALAR, "minLength": 1} if key.required else dict(_SCALAR)
    if kind == "texts":
        return {
            "anyOf": [_SCALAR, {"type": "array", "items": {"type": ["string", "number", "null"]}}]
        }
    if kind == "when":
        return {"type": "string", "pattern": WHEN}
    if kind in ("round", "count"):
        return {"type": "integer", "minimum": 1}
    if kind == "cores":
        return {"type": "integer", "minimum": 0}
    if kind == "folder":
        return {"type": "string", "minLength": 1}
    if kind == "zone":
        return {"type": "string", "examples": ["Europe/London", "America/New_York"]}
    if kind in ("choice", "severity"):
        found: dict[str, Any] = {"enum": list(key.choices)}
        if key.choice_descriptions:
            found["enumDescriptions"] = list(key.choice_descriptions)  # VS Code shows them
        return found
    if kind == "people":
        return {"type": "array", "items": _object(fields.INTERVIEWER)}
    if kind == "names":
        return {"anyOf": [{"type": "string"}, _NAMES]}
    if kind == "folders":
        return {"anyOf": [{"type": "string"}, _NAMES]}
    if kind == "settings":
        return {"type": "object", "additionalProperties": {"type": "object"}}
    if kind == "patterns":
        return {"anyOf": [{"type": "string"}, _NAMES]}
    if kind == "ignores":
        return {"type": "object", "additionalProperties": {"anyOf": [{"type": "string"}, _NAMES]}}
    if kind == "flag":
        return {"type": "boolean"}
    if kind == "file":
        return {"type": "string", "minLength": 1}
    raise AssertionError(kind)


def _object(keys: tuple[fields.Key, ...], aliases: bool = False) -> dict[str, Any]:
    properties = {}
    for key in keys:
        shape = _kind(key)
        if key.kind in _NULLABLE and not key.required and not aliases:
            shape = {"anyOf": [shape, {"type": "null"}]}
        properties[key.name] = {"description": key.description, **shape}
        if key.default is not None:
            properties[key.name]["default"] = key.default
        if aliases and "_" in key.name:  # the configuration reads max-file-size too
            properties[key.name.replace("_", "-")] = properties[key.name]
    found: dict[str, Any] = {
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }
    required = [key.name for key in keys if key.required]
    if required:
        found["required"] = required
    return found


def interview_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "title": "notelint interview.yaml",
        "description": "Who was met in one interview loop, and what was discussed.",
        **_object(fields.INTERVIEW),
    }


def config_schema() -> dict[str, Any]:
    return {
        "$schema": DRAFT,
        "title": "notelint .notelint.yaml",
        "description": "notelint's settings; options on the command line win.",
        **_object((fields.EXTEND, *fields.CONFIG), aliases=True),
    }


def render(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def shipped(name: str) -> str:
    """Where the installed package keeps a schema (`name`: interview or config), as a URI."""
    path = resources.files("notelint") / "schemas" / FILES[name]
    return path.as_uri() if hasattr(path, "as_uri") else str(path)
