"""Output formats: each a small class fed by the CLI, unknown to the engine."""

from __future__ import annotations

import importlib
from typing import IO

from notelint.formatters.base import Formatter, Summary

__all__ = ["Formatter", "Summary", "formatter"]

_CLASSES = {
    "text": "notelint.formatters.text:TextFormatter",
    "json": "notelint.formatters.json:JsonFormatter",
    "sarif": "notelint.formatters.sarif:SarifFormatter",
    "github": "notelint.formatters.github:GithubFormatter",
    "rdjson": "notelint.formatters.rdjson:RdjsonFormatter",
    "junit": "notelint.formatters.junit:JunitFormatter",
}


def formatter(name: str, stream: IO[str], **options) -> Formatter:
    module, _, cls = _CLASSES[name].partition(":")
    return getattr(importlib.import_module(module), cls)(stream, **options)
