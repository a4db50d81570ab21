"""The result cache: the same findings as a run without it, invalidated by
everything a result depends on, harmless when spoiled, shared safely, and
never holding a note's text in clear. `--jobs` gives the same output too."""

from __future__ import annotations

import json
import multiprocessing
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from notelint import nlp as pipeline
from notelint.app import runner
from notelint.app.runner import RunOptions, run
from notelint.cli import main
from notelint.config import Config
from notelint.core.store import Store, seal, unseal
from tests.conftest import NOW, write

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SECRET = "Project Nightjar"
APPLICATION = {
    "acme/interview.yaml": f"""
        company: Acme Robotics
        interviewed_at: 2026-11-20T10:00
        confidential: [{SECRET}]
        interviewers:
          - name: Maria Gonzalez
            role: hiring-manager
            points: [the warehouse picking arm prototype]
          - name: Raj Patel
            role: colleague
            points: [customer discovery interviews]
        """,
    "acme/maria.md": f"""
        ---
        to: Maria Gonzalez
        sent: 2026-11-20T18:00
        ---
        Dear Ms. Gonzales,

        Thank you for showing me the warehouse picking arm prototype. At Globex I
        cut our prototype cycle from six weeks to three, and {SECRET} taught me how.

        Best regards,
        Jordan
        """,
    "acme/raj.md": """
        ---
        to: Raj Patel
        sent: 2026-11-23T09:00
        ---
        Dear Raj,

        Thank you for the opportunity to interview. It was great to learn more about
        the role and the company. I look forward to hearing from you.

        Best regards,
        Jordan
        """,
}


def check(root: Path, cache: Path | None, now=NOW, **config):
    """A run over `root` as the command line makes it, with a result cache in `cache`."""
    pipeline.keep_in(cache)
    return run([(Config(**config), [str(root)])], RunOptions(now=now, cache_dir=cache))


def shown(report) -> list[dict]:
    return [f.to_dict() for f in report.findings]


@pytest.fixture
def notes(tmp_path) -> Path:
    write(tmp_path / "notes", APPLICATION)
    return tmp_path / "notes"


@pytest.fixture
def cache(tmp_path):
    yield tmp_path / "cache"
    pipeline.keep_in(None)
    pipeline._kept_in.clear()


def test_a_warm_run_checks_nothing_and_reports_what_a_cold_one_does(notes, cache, monkeypatch):
    cold = check(notes, None)
    first = check(notes, cache)
    assert first.checked == 2 and shown(first) == shown(cold)
    monkeypatch.setattr(pipeline, "load", lambda *a: pytest.fail("a warm run loaded spaCy"))
    second = check(notes, cache)
    assert second.checked == 0 and shown(second) == shown(cold)
    assert {"misspelled-name", "confidential-content"} <= {f["rule"] for f in shown(second)}


def test_a_draft_is_judged_at_each_runs_now(notes, cache):
    write(notes, {"acme/draft.md": "---\nto: Raj Patel\n---\nDear Raj,\n\nThank you!\n"})
    check(notes, cache, now=NOW)
    later = NOW.replace(day=28)
    late = check(notes, cache, now=later)
    assert late.checked == 1  # the draft alone: the others' findings never read the clock
    assert shown(late) == shown(check(notes, None, now=later))
    assert any(
        f["rule"] == "late-thank-you" and f["path"].endswith("draft.md") for f in shown(late)
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


CHANGES = {
    "the note": lambda root: edit(root / "acme" / "maria.md", "Gonzales", "Gonzalles"),
    "a sibling note": lambda root: edit(
        root / "acme" / "raj.md", "the opportunity to interview", "showing me the prototype"
    ),
    "its interview.yaml": lambda root: edit(
        root / "acme" / "interview.yaml", "Maria Gonzalez", "Maria Gonzales"
    ),
    "another application": lambda root: write(
        root,
        {
            "globex/interview.yaml": "company: Globex\ninterviewers: [{name: Ann Lee}]\n",
            "globex/ann.md": "---\nto: Ann Lee\nsent: 2026-11-20T18:00\n---\nDear Ann,\n\nThanks.\n",
        },
    ),
}


@pytest.mark.parametrize("change", CHANGES)
def test_a_change_to_what_a_result_reads_is_checked_again(notes, cache, change):
    """Both notes of the application, whichever changed: one compares the
    other; a new application changes what every note is compared with."""
    check(notes, cache)
    CHANGES[change](notes)
    again = check(notes, cache)
    assert again.checked == (3 if change == "another application" else 2)
    assert shown(again) == shown(check(notes, None))


SETTINGS = {
    "a rule's option": dict(rules={"duplicate-note": {"min_words": 5}}),
    "the rules enabled": dict(select=("misspelled-name", "confidential-content")),
    "a rule ignored": dict(ignore=("desperate-tone",)),
    "the time zone": dict(timezone="Asia/Tokyo"),
}


@pytest.mark.parametrize("setting", SETTINGS)
def test_each_setting_is_part_of_the_key(notes, cache, setting):
    check(notes, cache)
    again = check(notes, cache, **SETTINGS[setting])
    assert again.checked == 2
    assert shown(again) == shown(check(notes, None, **SETTINGS[setting]))


def test_a_new_rule_pack_word_is_part_of_the_key(notes, cache, tmp_path):
    check(notes, cache)
    pack = tmp_path / "pack"
    write(pack, {"extra.yaml": "lists:\n  known-acronyms: [ACME]\n"})
    assert check(notes, cache, rule_packs=(pack,)).checked == 2


def test_the_pipeline_and_notelints_code_are_part_of_the_key(notes, cache, monkeypatch):
    check(notes, cache)
    monkeypatch.setattr(pipeline, "identity", lambda model, requires: "en_other 9.9")
    assert check(notes, cache).checked == 2
    monkeypatch.setattr(runner, "__version__", "9.9.9")
    assert check(notes, cache).checked == 2


def test_the_cache_holds_no_note_text_in_clear(notes, cache):
    report = check(notes, cache)
    assert any(f.rule == "confidential-content" for f in report.findings)
    words = [SECRET, "Nightjar", "NIGHTJAR", "picking arm", "Gonzales", "Globex"]
    for path in cache.rglob("*"):
        if path.is_file() and path.name != ".gitignore":
            data = path.read_bytes()
            for word in words:
                for form in (word, word.lower(), word.upper()):
                    assert form.encode() not in data, (path, form)
                    assert form.encode("utf-16-le") not in data
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


SPOILERS = {
    "empty": lambda data: b"",
    "cut short": lambda data: data[: len(data) // 2],
    "one byte changed": lambda data: data[:-40] + bytes([data[-40] ^ 1]) + data[-39:],
    "not ours": lambda data: b'{"findings": [], "clock": []}',
}


@pytest.mark.parametrize("spoiler", SPOILERS)
def test_a_spoiled_cache_gives_the_findings_of_a_fresh_one(spoiler, tmp_path, monkeypatch):
    """Every entry (parses, results, phrase lemmas) spoiled: the command
    line's output is byte for byte that of a run with no cache."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(cache))
    monkeypatch.chdir(ROOT)
    arguments = ["check", "examples", "--format", "json", "--now", "2026-11-23T09:00"]
    fresh = CliRunner().invoke(main, [*arguments, "--no-cache"])
    CliRunner().invoke(main, arguments)
    entries = [p for p in cache.rglob("*") if p.is_file() and p.name != ".gitignore"]
    assert {p.parent.name for p in entries} == {"lemmas", "parses", "results"}
    for entry in entries:
        entry.write_bytes(SPOILERS[spoiler](entry.read_bytes()))
    spoiled = CliRunner().invoke(main, arguments)
    assert spoiled.exit_code == fresh.exit_code == 1
    assert spoiled.stdout == fresh.stdout


def test_no_cache_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("NOTELINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.chdir(ROOT)
    CliRunner().invoke(main, ["check", "examples", "--no-cache"])
    assert not (tmp_path / "cache").exists()


def test_cache_dir_in_the_configuration_is_relative_to_it(tmp_path, monkeypatch):
    monkeypatch.delenv("NOTELINT_CACHE_DIR", raising=False)
    shutil.copytree(EXAMPLES, tmp_path / "examples")
    (tmp_path / ".notelint.yaml").write_text("cache_dir: build/lint-cache\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "examples")
    CliRunner().invoke(main, ["check", "."])
    assert (tmp_path / "build" / "lint-cache" / "results").is_dir()
    assert not (tmp_path / "examples" / ".notelint_cache").exists()


# -- the store -------------------------------------------------------------------


def test_a_sealed_entry_opens_only_with_its_key():
    sealed = seal(b"key", b"the text of a note")
    assert unseal(b"key", sealed) == b"the text of a note"
    assert unseal(b"other key", sealed) is None
    assert b"the text" not in sealed
    assert seal(b"key", b"same") != seal(b"key", b"same")  # a fresh nonce each time


def test_a_read_only_cache_folder_keeps_nothing_and_fails_nothing(tmp_path):
    folder = tmp_path / "cache"
    folder.write_text("a file where the folder should be", encoding="utf-8")
    store = Store(folder)
    store.put("results", "entry", b"key", b"data")
    assert store.get("results", "entry", b"key") is None


def _write_many(folder: str, worker: int) -> None:
    store = Store(Path(folder))
    for round_ in range(200):
        store.put("results", "shared", b"key", f"{worker}:{round_}:".encode() * 500)


def test_two_runs_sharing_the_cache_never_read_a_torn_entry(tmp_path):
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=_write_many, args=(str(tmp_path), w)) for w in (1, 2)]
    for writer in writers:
        writer.start()
    store, seen = Store(tmp_path), set()
    while any(w.is_alive() for w in writers):
        data = store.get("results", "shared", b"key")
        if data is not None:
            unit = data[: len(data) // 500]
            assert data == unit * 500  # one writer's one round, whole
            seen.add(unit)
    for writer in writers:
        writer.join()
    assert seen  # the reader did read entries while they were being written


def test_a_phrase_lemma_entry_of_the_wrong_shape_is_recomputed(tmp_path, nlp):
    pipeline.keep_in(tmp_path)
    try:
        phrases = ("I be beg", "thank you for take the time")
        fresh = pipeline.phrase_lemmas(nlp, phrases)
        (entry,) = (tmp_path / "lemmas").iterdir()
        Store(tmp_path).put("lemmas", entry.name, entry.name.encode(), b'[["a"]]')
        assert pipeline.phrase_lemmas(nlp, phrases) == fresh
        kept = Store(tmp_path).get("lemmas", entry.name, entry.name.encode())
        assert json.loads(kept) == [list(map(list, p)) for p in fresh]
    finally:
        pipeline._kept_in.clear()


# -- jobs ------------------------------------------------------------------------


def test_two_jobs_give_the_output_of_one(tmp_path, monkeypatch):
    """Ten applications of the corpus and the examples, checked by two
    worker processes: the same bytes as one process."""
    monkeypatch.delenv("NOTELINT_CACHE_DIR", raising=False)
    for folder in sorted((ROOT / "tests" / "corpus").iterdir())[:10]:
        if folder.is_dir():
            shutil.copytree(folder, tmp_path / "notes" / folder.name)
    shutil.copytree(EXAMPLES, tmp_path / "notes" / "examples")
    arguments = ["check", str(tmp_path / "notes"), "--format", "json", "--no-cache"]
    arguments += ["--now", "2027-01-15"]
    one = CliRunner().invoke(main, [*arguments, "--jobs", "1"])
    two = CliRunner().invoke(main, [*arguments, "--jobs", "2"])
    every = CliRunner().invoke(main, [*arguments, "--jobs", "0"])
    assert one.exit_code == two.exit_code == every.exit_code == 1
    assert len(json.loads(one.stdout)["findings"]) > 20
    assert two.stdout == one.stdout and every.stdout == one.stdout
