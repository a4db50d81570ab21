"""The indexes the rules use instead of comparing every word with every
word answer exactly what the comparisons would."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from notelint.analysis.names import People, _short_form, capitalised_runs, note_runs
from notelint.analysis.words import same_stem
from notelint.core.model import Interviewer
from notelint.core.text import fold, spellings
from notelint.inputs.notes import parse_note
from notelint.rules.hiring.missing_culture_fit import _forms, _NoteForms
from notelint.rules.safety.confidential_content import _PublicNames, _similar, _similar_forms

WORD = st.text(alphabet="aeinorstu", min_size=1, max_size=9)
DIGITS = st.text(alphabet="ae1r", min_size=1, max_size=6)


@settings(max_examples=300, deadline=None)
@given(texts=st.sets(WORD | st.just("")), name=WORD | st.just(""))
def test_public_names_agree_with_each_text(texts, name):
    index = _PublicNames(set(texts))
    assert index.hold(name) is any(name in text for text in texts)
    assert index.within(name) is any(text in name for text in texts)


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.tuples(WORD | DIGITS, WORD | DIGITS)), part=WORD | DIGITS)
def test_similar_forms_agree_with_each_form(words, part):
    forms = [frozenset(pair) for pair in words]
    expected = {f for pair in forms for f in pair if _similar(f, part, 85)}
    assert _similar_forms(forms, part, 85) == expected


@settings(max_examples=300, deadline=None)
@given(words=st.lists(st.tuples(WORD, WORD)), value=st.sets(WORD, min_size=1, max_size=3))
def test_note_forms_agree_with_every_pair(words, value):
    doc = [
        SimpleNamespace(i=i, is_alpha=True, lower_=text, lemma_=lemma)
        for i, (text, lemma) in enumerate(words)
    ]
    expected = {t.i for t in doc if any(same_stem(a, b) for a in value for b in _forms(t))}
    assert _NoteForms(doc).like(value) == expected


def test_people_index_agrees_with_each_name_word():
    people = People(
        (Interviewer("Katherine Müller"), Interviewer("Kat O'Neill"), Interviewer("Raj Patel")),
        {"katherine": {"kate"}},
    )
    for key in ("katherine", "kate", "kat", "mueller", "muller", "o'neill", "raj", "patel", "x"):
        expected = {
            part.person
            for part in people.parts
            if key in spellings(part.text)
            or part.first
            and _short_form(key, fold(part.text), people.nicknames)
        }
        assert people.exact(key) == expected
        assert people.exact(key) == expected  # asked again: the same answer


def test_note_runs_leave_the_signature_out():
    raw = b"Dear Ana,\n\nI enjoyed meeting Acme Robotics, then Blue Harbor.\n\nBest,\nJo Smith\n"
    note = parse_note("ana.md", raw)
    runs = [" ".join(w.text for w in run) for run in note_runs(note)]
    assert "Acme Robotics" in runs and "Blue Harbor" in runs
    assert not any("Smith" in run for run in runs)
    everywhere = [" ".join(w.text for w in run) for run in capitalised_runs(note.body)]
    assert any("Smith" in run for run in everywhere)
