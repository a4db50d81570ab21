"""The word index answers exactly what comparing with every word would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from notelint.analysis.words import SameWords, same_word

# A small alphabet, so that shared beginnings, stems and near spellings occur.
WORD = st.text(alphabet="aeinorst", min_size=1, max_size=10)
FORMS = ["collaboration", "collaborative", "schedule", "scheduling", "safety", "hourly", "rota"]


@settings(max_examples=400, deadline=None)
@given(key=WORD | st.sampled_from(FORMS), words=st.lists(WORD | st.sampled_from(FORMS)))
def test_index_agrees_with_every_pair(key, words):
    assert (key in SameWords(words)) is any(same_word(key, w) for w in words)


def test_index_finds_each_kind_of_sameness():
    index = SameWords(["collaborative", "scheduling", "shcedule", "hourly", "team"])
    assert "collaboration" in index  # a stem and a family ending
    assert "schedule" in index  # a long shared beginning
    assert "schedules" in index  # a near spelling
    assert "hour" in index
    assert "tea" not in index and "integrate" not in index


def test_word_rarity_reads_wordfreqs_own_frequencies():
    """The list read from wordfreq's file holds what wordfreq itself says."""
    import math

    from wordfreq import get_frequency_dict

    from notelint.analysis.specificity import _zipf

    expected = get_frequency_dict("en", wordlist="small")
    found = _zipf()
    assert found.keys() == expected.keys()
    assert all(abs(found[w] - math.log10(expected[w] * 1e9)) < 1e-9 for w in list(expected)[::97])
