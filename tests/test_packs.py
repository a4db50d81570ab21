"""Declarative rules of a YAML pack: existence on lemmas catches inflections,
substitution offers a fix in the matched word's case, and `ignore_case:
false` matches only the spelling written in the pack."""

import pytest

PACK = """\
rules:
  - slug: house-apology
    kind: existence
    message: "Drop the apology: '{match}'"
    tokens: [apologize for the delay]
    lemmas: true
  - slug: house-swap
    kind: substitution
    swap: {utilize: use}
  - slug: house-exact
    kind: existence
    tokens: [GitHub]
    ignore_case: false
  - slug: house-exact-swap
    kind: substitution
    swap: {Github: GitHub}
    ignore_case: false
"""


@pytest.fixture
def found(lint, tmp_path):
    """Lint one note with the pack's rule `slug`: (matched text, fix) pairs."""

    def run(slug, body):
        (tmp_path / "packs").mkdir(exist_ok=True)
        (tmp_path / "packs" / "house.yaml").write_text(PACK, encoding="utf-8")
        text = f"Dear Raj,\n\n{body}\n\nBest,\nJo\n"
        findings = lint({"n.md": text}, select=(slug,), rule_packs=(tmp_path / "packs",))
        lines = text.splitlines()
        return [
            (
                lines[f.line - 1][f.column - 1 : f.end_column - 1],
                f.fix.replacement if f.fix else None,
            )
            for f in findings
            if f.rule == slug
        ]

    return run


def test_existence_on_lemmas_catches_inflections(found):
    assert found(
        "house-apology", "I apologized for the delay. Apologizing for the delay again."
    ) == [
        ("apologized for the delay", None),
        ("Apologizing for the delay", None),
    ]


def test_substitution_fixes_in_the_words_case(found):
    assert found("house-swap", "We utilize it. Utilize it. UTILIZE it.") == [
        ("utilize", "use"),
        ("Utilize", "Use"),
        ("UTILIZE", "USE"),
    ]


def test_existence_ignore_case_false_matches_the_spelling_only(found):
    assert found("house-exact", "GitHub, github and GITHUB.") == [("GitHub", None)]


def test_substitution_ignore_case_false_matches_the_spelling_only(found):
    assert found("house-exact-swap", "Github, github and GitHub.") == [("Github", "GitHub")]


@pytest.mark.parametrize(
    "message, error",
    [
        (
            "Use '{replacement}'",
            "rules[0].message: unknown placeholder '{replacement}' (use {match})",
        ),
        ("Odd {brace", "rules[0].message: "),
    ],
)
def test_a_message_with_unknown_placeholders_is_a_pack_error(tmp_path, message, error):
    from notelint.plugins.packs import PackError, load

    (tmp_path / "p.yaml").write_text(
        f'rules:\n  - slug: x\n    kind: existence\n    message: "{message}"\n    tokens: [y]\n'
    )
    with pytest.raises(PackError) as raised:
        load((tmp_path,))
    assert f"{tmp_path / 'p.yaml'}:4: {error}" in str(raised.value)


@pytest.mark.parametrize(
    "pack, line, error",
    [
        (
            "lists:\n  tone-pleeding: [I beg you]\n",
            2,
            "unknown list 'tone-pleeding'; did you mean 'tone-pleading'?",
        ),
        (
            "# house words\nlists:\n  stock-phrases: [warm thanks]\n  generic-wrods: [thing]\n",
            4,
            "did you mean 'generic-words'?",
        ),
        (
            "lists:\n  closings: [ciao for now]\n",
            2,
            "'closings' is read by notelint's analysis at start-up",
        ),
    ],
)
def test_list_names_are_checked(tmp_path, pack, line, error):
    from notelint.plugins.packs import PackError, load

    (tmp_path / "house.yaml").write_text(pack)
    with pytest.raises(PackError) as raised:
        load((tmp_path,))
    assert f"house.yaml:{line}:" in str(raised.value)
    assert error in str(raised.value)


def test_a_declared_list_is_extended_and_a_plugin_may_declare_its_own(tmp_path):
    from notelint.plugins.packs import load

    (tmp_path / "house.yaml").write_text("lists:\n  tone-pleading: [I beg you]\n  my-words: [x]\n")
    found = load((tmp_path,), readers=frozenset({"my-words"}))
    assert found.lists["tone-pleading"][-1] == "I beg you"
    assert found.lists["my-words"] == ("x",)


def test_every_list_of_the_built_in_packs_is_read():
    """No dead lists: each list name of rules/ appears in the code that reads it."""
    from pathlib import Path

    from notelint.inputs.datafiles import builtin_lists

    package = Path(__file__).resolve().parent.parent / "notelint"
    code = "\n".join(p.read_text() for p in package.rglob("*.py"))
    unread = [
        name for name in builtin_lists() if f'"{name}"' not in code and f"'{name}'" not in code
    ]
    assert unread == []


@pytest.mark.parametrize(
    "pack, line",
    [
        (
            "rules:\n  - slug: x\n    kind: existence\n    patterns:\n      - 'ok'\n      - '(a+)+$'\n",
            6,
        ),
        ("lists:\n  tone-patterns:\n    - '(\\w+\\s?)*!'\n", 3),
        ("lists:\n  secret-token-formats: ['((ab)*)*']\n", 2),
    ],
)
def test_a_pattern_that_backtracks_is_refused_naming_file_and_line(tmp_path, pack, line):
    from notelint.plugins.packs import PackError, load

    (tmp_path / "house.yaml").write_text(pack)
    with pytest.raises(PackError) as raised:
        load((tmp_path,))
    assert f"house.yaml:{line}:" in str(raised.value)
    assert "repeats a repetition" in str(raised.value)


@pytest.mark.parametrize(
    "pattern", [r"[a-z]+(?:-[a-z]+)*", r"(?:\w+\s+)*done", r"(a++)+", r"(?>a+)+", r"\bnobody\b"]
)
def test_patterns_that_cannot_backtrack_are_accepted(pattern):
    from notelint.core.patterns import problem

    assert problem(pattern) is None


def test_a_slow_pattern_is_stopped_and_reported_and_the_run_goes_on(lint, tmp_path):
    """'(a|aa)+$' passes the load-time check but takes exponential time on
    a run of a's: stopped after the time limit, a finding, the other rules run."""
    (tmp_path / "packs").mkdir()
    (tmp_path / "packs" / "slow.yaml").write_text(
        "rules:\n  - slug: slow\n    kind: existence\n    patterns: ['(a|aa)+$']\n"
    )
    body = "Dear Raj,\n\nThanks!! " + "a" * 60 + "!\n"
    found = lint({"n.md": body}, rule_packs=(tmp_path / "packs",))
    stopped = [f for f in found if f.rule == "unreadable-input"]
    assert len(stopped) == 1 and "rule slow stopped: the pattern '(a|aa)+$'" in stopped[0].message
    assert any(f.rule == "desperate-tone" for f in found)  # the rest of the rules ran
