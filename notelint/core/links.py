"""Where notelint lives on the web, written once: the repository, and the
section of the rule reference (docs/rules.md, which the README's table of
rules links to) that documents each built-in rule. Machine formats (SARIF,
rdjson, `notelint rules --format json`) link there."""

from __future__ import annotations

from typing import Any

REPOSITORY = "https://github.com/notelint/notelint"
HOMEPAGE = f"{REPOSITORY}#readme"
RULE_REFERENCE = f"{REPOSITORY}/blob/main/docs/rules.md"


def rule_url(rule: Any) -> str | None:
    """The URL of a built-in rule's section; None for a plugin's or a pack's
    rule, which the reference does not document."""
    if not getattr(rule, "__module__", "").startswith("notelint.rules."):
        return None
    return f"{RULE_REFERENCE}#{rule.slug}"
