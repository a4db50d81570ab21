"""How fast notelint is, as ratios measured in one run on this machine.

    python benchmarks/bench.py [--repeat 3]

Each figure is the median of --repeat runs of a fresh process, so it
includes Python start-up, as a pre-commit hook or a shell user sees it. The
commands take turns within each round, so that a slow moment of a shared
machine weighs on all of them alike:

- baseline: load the spaCy pipeline and parse one note, nothing else;
- one note: `notelint check` on one note (a pre-commit hook's usual call);
- corpus: `notelint check` on the labeled corpus, and its cost per note;
- listing: `notelint rules`, which must not import spaCy.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
ONE_NOTE = next(iter(sorted(CORPUS.glob("a01*/*.md"))), None)
BASELINE = (
    "import spacy; from notelint.nlp import default_model; "
    "nlp = spacy.load(default_model()); nlp('Dear Maria, thank you for the conversation.')"
)


def timed(command: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=ROOT, capture_output=True, check=False)
    return time.perf_counter() - start


def medians(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """The median time of each command, the commands interleaved round by round."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(repeat):
        for name, command in commands.items():
            times[name].append(timed(command))
    return {name: statistics.median(values) for name, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    python = sys.executable
    notes = len(
        [
            p
            for p in CORPUS.rglob("*")
            if p.suffix in (".md", ".txt", ".eml") and p.name != "README.md"
        ]
    )
    took = medians(
        {
            "baseline": [python, "-c", BASELINE],
            "one": [python, "-m", "notelint", "check", str(ONE_NOTE)],
            "corpus": [python, "-m", "notelint", "check", str(CORPUS)],
            "listing": [python, "-m", "notelint", "rules"],
        },
        repeat,
    )
    baseline, one, corpus, listing = (took[k] for k in ("baseline", "one", "corpus", "listing"))
    print(f"baseline (load pipeline, parse 1 note): {baseline:6.2f} s")
    print(
        f"notelint check, 1 note:                 {one:6.2f} s  = {one / baseline:.2f} x baseline"
    )
    print(
        f"notelint check, corpus ({notes} notes):    {corpus:6.2f} s  = {corpus / baseline:.2f} x baseline, "
        f"{(corpus - one) / max(1, notes - 1) * 1000:.0f} ms per extra note"
    )
    print(
        f"notelint rules:                         {listing:6.2f} s  = {listing / baseline:.2f} x baseline"
    )


if __name__ == "__main__":
    main()
