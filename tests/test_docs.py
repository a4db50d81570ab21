"""The docs are part of the product: every rule documents itself, and the
README and docs/rules.md are generated from that documentation."""

from __future__ import annotations

import pytest

from notelint.app import docgen

RULES = docgen.builtin_rules()


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.slug)
def test_rule_documents_why_bad_good_and_options(rule):
    doc = rule.doc()
    summary = rule.summary()
    assert summary.endswith(".") and len(summary) <= 160, summary
    for section in ("Why:", "Bad", "Good", "Options:"):
        assert section in doc, f"{rule.slug} lacks '{section}'"
    for option in rule.options:
        assert option in doc.split("Options:", 1)[1], (
            f"{rule.slug} does not document option {option}"
        )


def test_codes_and_slugs_are_unique():
    assert len({r.code for r in RULES}) == len({r.slug for r in RULES}) == len(RULES) == 16


def test_readme_and_reference_are_up_to_date():
    assert docgen.main(["--check"]) == 0, "run: python -m notelint.app.docgen"
