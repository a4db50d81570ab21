"""Output formats: each a small class fed by the CLI, unknown to the engine."""

from __future__ import annotations

import importlib
from typing import IO

from notelint.report.formatters.base import Formatter, Summary

__all__ = ["Formatter", "Summary", "formatter"]

_CLASSES = {
    "text": "notelint.report.formatters.text:TextFormatter",
    "json": "notelint.report.formatters.json:JsonFormatter",
    "sarif": "notelint.report.formatters.sarif:SarifFormatter",
    "github": "notelint.report.formatters.github:GithubFormatter",
    "rdjson": "notelint.report.formatters.rdjson:RdjsonFormatter",
    "junit": "notelint.report.formatters.junit:JunitFormatter",
    "gitlab": "notelint.report.formatters.gitlab:GitlabFormatter",
    "html": "notelint.report.formatters.html:HtmlFormatter",
}


def formatter(name: str, stream: IO[str], **options) -> Formatter:
    module, _, cls = _CLASSES[name].partition(":")
    return getattr(importlib.import_module(module), cls)(stream, **options)
