"""Every rule keeps precision >= 0.90 and recall >= 0.85 on the labeled
corpus (tests/corpus/README.md), and has positives there to be measured on."""

from __future__ import annotations

from pathlib import Path

import pytest

from notelint.app.evaluate import evaluate
from tests.conftest import CONTENT_SLUGS

CORPUS = Path(__file__).parent / "corpus"
MIN_PRECISION, MIN_RECALL, MIN_POSITIVES = 0.90, 0.85, 4


@pytest.fixture(scope="module")
def scores(nlp):
    return evaluate(CORPUS)


def test_every_rule_is_measured(scores):
    assert len(scores) == 15
    thin = {slug: len(s.true_positives) + len(s.false_negatives) for slug, s in scores.items()}
    assert all(n >= MIN_POSITIVES for n in thin.values()), thin


@pytest.mark.parametrize("slug", sorted(CONTENT_SLUGS))
def test_rule_accuracy(scores, slug):
    score = scores[slug]
    assert score.precision >= MIN_PRECISION, f"false positives: {score.false_positives}"
    assert score.recall >= MIN_RECALL, f"missed: {score.false_negatives}"
