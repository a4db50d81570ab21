"""The text layer (notelint/core/text.py): every normalisation, the tokenizer, the
near-miss policy and look-alike letters, tested directly."""

import pytest

from notelint.core import text

FOLDED = [
    ("O’Neill", "o'neill"),  # Word's apostrophe
    ("O‘Neill", "o'neill"),
    ("Oʼneill", "o'neill"),  # modifier letter apostrophe
    ("Wójcik", "wojcik"),
    ("Łukasz", "lukasz"),
    ("Søren", "soren"),
    ("Straße", "strasse"),
    ("Zoë", "zoe"),
    ("Zoe\u0308", "zoe"),  # a combining diaeresis (NFD) folds like the composed letter
    ("Ma\u00a0ria", "ma ria"),  # a no-break space is a space
    ("Ma\u200bria", "maria"),  # a zero-width space is nothing
    ("Ma\u00adria", "maria"),  # a soft hyphen is nothing
    ("Smith\u2013Jones", "smith-jones"),  # en dash
    ("  Anna   Lee ", "anna lee"),  # spaces collapse
    ("“Quoted”", '"quoted"'),
]


@pytest.mark.parametrize("given, folded", FOLDED)
def test_fold(given, folded):
    assert text.fold(given) == folded


def test_normalize_keeps_case_and_accents():
    assert text.normalize("Zoë O’Neill\u00a0") == "Zoë O'Neill "


def test_spellings_write_out_umlauts():
    assert text.spellings("Müller") == {"muller", "mueller"}


@pytest.mark.parametrize(
    "given, words",
    [
        ("Siobhan O’Brien's notes", ["Siobhan", "O’Brien", "notes"]),  # possessive dropped
        ("Smith-Jones", ["Smith", "Jones"]),  # hyphens split
        ("don't", ["don't"]),
        ("Dr. Patel, 2026", ["Dr", "Patel"]),  # no digits
    ],
)
def test_words(given, words):
    assert [w.text for w in text.words(given)] == words


def test_words_keep_offsets():
    found = text.words("Hi Zoë,", offset=10)
    assert [(w.start, w.end, w.key) for w in found] == [(10, 12, "hi"), (13, 16, "zoe")]


@pytest.mark.parametrize(
    "written, meant, near",
    [
        ("gonzales", "gonzalez", True),  # one letter
        ("lindqvst", "lindqvist", True),  # a dropped letter of a long name
        ("maintenence", "maintenance", True),
        ("pwtel", "patel", True),  # five letters: one edit
        ("pxtxl", "patel", False),  # two edits of a five-letter word
        ("ian", "ann", False),  # under four letters every edit is another name
        ("gonzalez", "gonzalez", False),  # the same is no miss
        ("robertson", "roberts", False),  # an ending of its own: another name
        ("johnson", "jackson", False),
    ],
)
def test_near_miss(written, meant, near):
    assert text.near_miss(written, meant) is near


@pytest.mark.parametrize("length, edits", [(3, 0), (4, 1), (5, 1), (6, 2), (12, 2)])
def test_max_edits_grow_with_length(length, edits):
    assert text.max_edits(length) == edits


def test_foreign_letters_are_named():
    assert text.describe_foreign("M\u0430ria") == "'M\u0430ria' contains a Cyrillic '\u0430'"
    assert text.describe_foreign("Maria") == ""
    assert text.describe_foreign("Мария") == ""  # wholly Cyrillic: a name, not a trick


# -- a term, however it is typed -----------------------------------------------

TYPED = [
    "Project Nightjar",  # the term as listed; every other line types it otherwise
    "project nightjar",
    "PROJECT NIGHTJAR",
    "Project\u2011Nightjar",  # non-breaking hyphen, as word processors insert
    "Project\u00a0Nightjar",  # no-break space
    "Project\u200bNightjar",  # zero-width space instead of the space
    "ProjectNightjar",
    "Project Nigh\u00adtjar",  # a soft hyphen inside a word
    "project-nightjar",  # URL slug
    "project_nightjar",
    "Project%20Nightjar",
    "Project=20Nightjar",  # quoted-printable
    "Project&nbsp;Nightjar",  # HTML
    "Proje\u0301ct Nightjar",  # a combining accent
    "Project Nightjars",  # plural
]


@pytest.mark.parametrize("typed", TYPED)
def test_a_term_is_found_however_it_is_typed(typed):
    written = f"Before {typed}, after."
    spans = text.Skeleton.of(written).find("Project Nightjar")
    assert len(spans) == 1
    start, end = spans[0]
    assert written[start:end] == typed  # exactly the term's characters


@pytest.mark.parametrize(
    "written", ["Projection Nightjars", "a project; the nightjar", "Nightjarring", "Projects"]
)
def test_a_term_is_not_found_inside_other_words(written):
    assert text.Skeleton.of(written).find("Project Nightjar") == []


def test_every_occurrence_is_found():
    written = "I led Project Nightjar, and Project Nightjar shipped."
    assert [written[s:e] for s, e in text.Skeleton.of(written).find("Project Nightjar")] == [
        "Project Nightjar",
        "Project Nightjar",
    ]
