"""Properties that hold for any input: the loader and the engine never crash,
and every finding's span lies inside its file at the right line and column."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from notelint.app.runner import RunOptions, run
from notelint.config import Config
from notelint.core.model import InputError, LineIndex
from notelint.inputs.notes import parse_note

PACK = "rules:\n  - slug: house-word\n    kind: existence\n    tokens: [synergy]\n    patterns: ['X{2,}']\n"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

line_endings = st.sampled_from(["\n", "\r\n", "\r"])
words = st.sampled_from(
    [
        "synergy",
        "XXX",
        "Dear",
        "Ms.",
        "Gonzalez",
        "ünïcode",
        "—",
        "!!",
        "\t",
        " ",
        "<!--",
        "-->",
        "---",
    ]
)
texts = st.lists(st.one_of(words, st.text(max_size=8), line_endings), max_size=40).map("".join)
front_matter = st.one_of(
    st.just(""),
    st.builds(lambda body, nl: f"---{nl}{body}{nl}---{nl}", st.text(max_size=40), line_endings),
    st.builds(
        lambda v, nl: f"---{nl}to: {v}{nl}sent: {v}{nl}---{nl}", st.text(max_size=12), line_endings
    ),
)


@SETTINGS
@given(front=front_matter, body=texts, suffix=st.sampled_from([".md", ".txt", ".eml"]))
def test_loader_never_crashes(front, body, suffix):
    raw = (front + body).encode("utf-8", errors="surrogatepass")
    try:
        note = parse_note("n" + suffix, raw)
    except InputError:
        return
    except UnicodeEncodeError:
        return
    if note.body_map is None:  # the body is the file's tail, comments blanked
        tail = note.text[note.body_start :]
        assert len(note.body) == len(tail)
        assert all(b == t or b == " " for b, t in zip(note.body, tail, strict=True))


def _line_text(text: str, line: int) -> str:
    index = LineIndex.of(text)
    start = index.starts[line - 1]
    end = index.starts[line] if line < len(index.starts) else len(text)
    return text[start:end]


@SETTINGS
@given(front=front_matter, body=texts, newline=line_endings)
def test_every_span_maps_to_the_text_it_names(front, body, newline):
    text = front + body.replace("\n", newline)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "packs").mkdir()
        (root / "packs" / "p.yaml").write_text(PACK)
        (root / "n.md").write_bytes(text.encode("utf-8", errors="replace"))
        on_disk = (root / "n.md").read_bytes().decode("utf-8")
        config = Config(
            select=("house-word", "unreadable-input"), rule_packs=(root / "packs",), model="blank"
        )
        report = run([(config, [str(root / "n.md")])], RunOptions(now=datetime(2026, 11, 21)))
    assert not report.crashes
    for finding in report.findings:
        if finding.rule != "house-word":
            continue
        assert finding.line == finding.end_line
        line = _line_text(on_disk, finding.line)
        matched = line[finding.column - 1 : finding.end_column - 1]
        assert matched.lower() == "synergy" or set(matched) == {"X"}, (matched, finding)


FIX_PACK = (
    "rules:\n  - slug: house-spelling\n    kind: substitution\n"
    "    swap: {teh: the, recieve: receive, 'acheive': achieve}\n"
)
fix_words = st.sampled_from(
    ["teh", "Teh", "TEH", "recieve", "the", "acheive", "x", " ", "\n", "\r\n", "—", "é"]
)


def _fix_once(root: Path, config: Config) -> None:
    from notelint.app import fixes

    report = run([(config, [str(root / "n.md")])], RunOptions(now=datetime(2026, 11, 21)))
    for file in fixes.plan(report.findings, report.sources, {"house-spelling"}).files:
        fixes.write(file)


@SETTINGS
@given(front=front_matter, body=st.lists(fix_words, max_size=30).map("".join))
def test_fixing_twice_equals_fixing_once(front, body):
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "packs").mkdir()
        (root / "packs" / "p.yaml").write_text(FIX_PACK)
        (root / "n.md").write_bytes((front + body).encode("utf-8", errors="replace"))
        config = Config(select=("house-spelling",), rule_packs=(root / "packs",), model="blank")
        _fix_once(root, config)
        once = (root / "n.md").read_bytes()
        _fix_once(root, config)
        assert (root / "n.md").read_bytes() == once
