"""SARIF 2.1.0, for GitHub code scanning and every SARIF viewer.

One run: the tool driver lists every active rule (id = slug), each result
points at its rule by id and index, carries its level, message, physical
location, a fix where one is offered, and `partialFingerprints` computed from
the rule, the path and the finding's own text, so a finding keeps its
fingerprint when lines above it move. A sensitive finding shows neither its
text nor its fix, and its fingerprint is a hash.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import quote

from notelint import __version__
from notelint.core.links import HOMEPAGE, rule_url
from notelint.core.model import Finding
from notelint.report.formatters.base import Formatter, Summary
from notelint.report.formatters.common import Fingerprints, SourceTexts, shown_fix

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT = "notelintSpanHash/v1"
SRCROOT = "%SRCROOT%"


class SarifFormatter(Formatter):
    def start(self) -> None:
        self.sources = SourceTexts(self.options.get("sources"))

    def finish(self, summary: Summary) -> None:
        rules, index = self._rules(summary.findings)
        fingerprints = Fingerprints(self.sources)
        results = [self._result(f, index, fingerprints) for f in summary.findings]
        run: dict[str, Any] = {
            "tool": {
                "driver": {
                    "name": "notelint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": HOMEPAGE,
                    "rules": rules,
                }
            },
            "originalUriBaseIds": {SRCROOT: {"uri": Path.cwd().resolve().as_uri() + "/"}},
            "columnKind": "unicodeCodePoints",  # columns count characters, as notelint's do
            "results": results,
            "properties": {"files": summary.files, **summary.counts()},
        }
        document = {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}
        json.dump(document, self.stream, indent=2, ensure_ascii=False)
        self.stream.write("\n")

    # -- the tool's rules -------------------------------------------------------
    def _rules(self, findings: list[Finding]) -> tuple[list[dict], dict[str, int]]:
        descriptors: list[dict] = []
        index: dict[str, int] = {}
        for rule in sorted(self.rules, key=lambda r: (r.code, r.slug)):
            if rule.slug not in index:
                index[rule.slug] = len(descriptors)
                descriptors.append(_descriptor(rule))
        for finding in findings:  # a finding of a rule nobody described
            if finding.rule not in index:
                index[finding.rule] = len(descriptors)
                descriptors.append(
                    {
                        "id": finding.rule,
                        "name": _camel(finding.rule),
                        "properties": {"code": finding.code},
                    }
                )
        return descriptors, index

    # -- one result -------------------------------------------------------------
    def _result(self, finding: Finding, index: dict[str, int], fingerprints: Fingerprints) -> dict:
        location = {
            "artifactLocation": _artifact(finding.path),
            "region": {
                "startLine": finding.line,
                "startColumn": finding.column,
                "endLine": finding.end_line,
                "endColumn": finding.end_column,
            },
        }
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": index[finding.rule],
            "level": LEVELS[str(finding.severity)],
            "message": {"text": finding.message},
            "locations": [{"physicalLocation": location}],
            "partialFingerprints": {FINGERPRINT: fingerprints.of(finding)},
            "properties": {"code": finding.code},
        }
        if not finding.sensitive:
            snippet = self.sources.span(finding)
            if snippet:
                location["region"]["snippet"] = {"text": snippet}
        fix = shown_fix(finding)
        if fix is not None:
            result["fixes"] = [
                {
                    "description": {"text": f"Replace with '{fix.replacement}'"},
                    "artifactChanges": [
                        {
                            "artifactLocation": _artifact(finding.path),
                            "replacements": [
                                {
                                    "deletedRegion": {
                                        k: v
                                        for k, v in location["region"].items()
                                        if k != "snippet"
                                    },
                                    "insertedContent": {"text": fix.replacement},
                                }
                            ],
                        }
                    ],
                }
            ]
        return result


def _descriptor(rule: Any) -> dict:
    doc = rule.doc() or rule.slug
    summary = rule.summary() or rule.slug
    descriptor = {
        "id": rule.slug,
        "name": _camel(rule.slug),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc},
        "help": {"text": doc},
        "defaultConfiguration": {"level": LEVELS[str(rule.severity)]},
        "properties": {
            "code": rule.code,
            "scope": getattr(rule, "scope", "note"),
            "fixable": bool(getattr(rule, "fixable", False)),
        },
    }
    url = rule_url(rule)
    if url is not None:
        descriptor["helpUri"] = url
    return descriptor


def _artifact(path: str) -> dict:
    posix = PurePath(path).as_posix()
    if PurePath(path).is_absolute():
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(posix, safe="/"), "uriBaseId": SRCROOT}


def _camel(slug: str) -> str:
    return "".join(part.capitalize() for part in re.split(r"[-_]", slug) if part)
