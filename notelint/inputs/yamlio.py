"""Safe YAML that remembers where each key and item stood, so that every
complaint about an interview file, a front matter or a rule pack can name its
line.

Only PyYAML's safe constructors run: no tag can build a Python object. Dates
stay strings (the caller parses them and can then say which line is wrong),
and aliases are capped so that a "billion laughs" document cannot blow up.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import yaml

from notelint.core.model import InputError

MAX_ALIASES = 100
MAX_DEPTH = 50


T = TypeVar("T")


class YamlError(InputError):
    """A document that is not valid YAML; `line` is 1-based, or None."""


class Mapping(dict):
    """A dict that knows the line of itself and of each of its keys."""

    line: int = 1
    key_lines: dict[Any, int]


class Sequence(list):
    """A list that knows the line of itself and of each of its items."""

    line: int = 1
    item_lines: list[int]


class _Loader(yaml.SafeLoader):
    def __init__(self, stream: str, first_line: int = 1):
        super().__init__(stream)
        self.first_line = first_line
        self._aliases = 0
        self._depth = 0

    def compose_node(self, parent, index):  # type: ignore[override]
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                mark = self.peek_event().start_mark
                raise YamlError(f"more than {MAX_ALIASES} aliases", mark.line + self.first_line)
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                mark = self.peek_event().start_mark
                raise YamlError(
                    f"nested deeper than {MAX_DEPTH} levels", mark.line + self.first_line
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    result = Mapping()
    result.line = node.start_mark.line + loader.first_line
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise YamlError(
                "a mapping key must be a plain value", key_node.start_mark.line + loader.first_line
            ) from None
        line = key_node.start_mark.line + loader.first_line
        if key in result.key_lines:
            raise YamlError(f"duplicate key '{key}'", line)
        result[key] = loader.construct_object(value_node, deep=True)
        result.key_lines[key] = line
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> Sequence:
    result = Sequence(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + loader.first_line
    result.item_lines = [child.start_mark.line + loader.first_line for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_sequence)
_Loader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's safe loader, dates kept as text: for large trusted files."""


_FastLoader.add_constructor(
    "tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node)
)


def load(text: str, first_line: int = 1, lines: bool = True) -> Any:
    """Parse one YAML document; lines are counted from `first_line`. Without
    `lines`, plain dicts and lists come back, about ten times faster."""
    loader = None
    try:
        loader = _Loader(text, first_line) if lines else _FastLoader(text)
        return loader.get_single_data()
    except YamlError:
        raise
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = None if mark is None else mark.line + first_line
        reason = error.problem or error.context or "invalid YAML"
        if "'\\t'" in reason:
            reason = "a tab character: YAML indents with spaces, not tabs"
        raise YamlError(reason, line) from None
    except yaml.YAMLError as error:
        raise YamlError(str(error).splitlines()[0]) from None
    except RecursionError:
        raise YamlError(f"nested deeper than {MAX_DEPTH} levels") from None
    finally:
        if loader is not None:
            loader.dispose()


def load_checked(text: str, check: Callable[[Any], T], first_line: int = 1) -> T:
    """`check(load(text))`, the text read fast; one that fails is read again
    keeping lines, so that the error names its line (the common case, a
    valid file, pays for no line tracking)."""
    try:
        return check(load(text, first_line, lines=False))
    except InputError:
        return check(load(text, first_line))  # raises again, with the line


def line_of(data: Any, key: Any = None) -> int | None:
    """The line of `data` itself, or of its key / item `key`."""
    if key is None:
        return getattr(data, "line", None)
    if isinstance(data, Mapping):
        return data.key_lines.get(key, data.line)
    if isinstance(data, Sequence) and isinstance(key, int) and key < len(data.item_lines):
        return data.item_lines[key]
    return getattr(data, "line", None)
