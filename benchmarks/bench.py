"""How fast notelint is, as ratios measured in one run on this machine.

    python benchmarks/bench.py [--notes 2000] [--applications 300] [--repeat 3]
                               [--scale 20000] [--write]

It writes a deterministic coach's repository (`repository.py`), then times
fresh processes, as a shell user or a pre-commit hook sees them, Python
start-up included. The commands take turns round by round, so that a slow
moment of a shared machine weighs on all of them alike; each figure is the
median of `--repeat` rounds:

- bare parse: load the same pipeline (the same components) and `nlp.pipe`
  the same note bodies, nothing else;
- `notelint check` cold (an empty cache) with `--jobs 1` and `--jobs 2`;
- warm: the same check again, nothing changed, and with one note changed;
- a hook: one note checked, as pre-commit does after that note was edited
  (with the repository's cache, and with `--no-cache`), against loading the
  pipeline and parsing one sentence;
- `notelint rules` and `notelint --help`;
- peak memory of the cold `--jobs 1` run.

Then it shows that nothing is quadratic across applications: the checks
that compare applications (`wrong-company`, `wrong-recipient`) on a
repository of `--scale` notes against one of `--notes`, with the blank
pipeline so that the parse does not hide them. `--write` puts the table in
docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import repository  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs" / "performance.md"
NOW = "2027-01-15T09:00"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
BARE = """
import json, sys
from notelint import nlp
pipeline = nlp.load(None, frozenset(sys.argv[2].split(",")))
bodies = json.load(open(sys.argv[1], encoding="utf-8"))
for _ in nlp.parse(pipeline, bodies):
    pass
"""
SENTENCE = """
import sys
from notelint import nlp
nlp.load(None, frozenset(sys.argv[1].split(",")))("Dear Maria, thank you for the conversation.")
"""


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, int]:
    """Seconds and peak memory (KiB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"failed: {' '.join(command)}\n{process.stderr.read().decode()}")
    return took, usage.ru_maxrss


def notes_of(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".md", ".txt", ".eml"))


def bodies_and_needs(root: Path) -> tuple[list[str], str]:
    """The bodies notelint parses, and the annotations its rules need."""
    from notelint.config import Config
    from notelint.inputs import sources
    from notelint.plugins.registry import discover

    active = discover().active(Config())
    needs = sorted(frozenset().union(*(a.rule.requires for a in active)))
    loaded = sources.load([str(root)])
    return [n.body for a in loaded.applications for n in a.notes], ",".join(needs)


class Bench:
    def __init__(self, work: Path, notes: int, applications: int):
        self.python = sys.executable
        self.repo = work / "repository"
        self.count = repository.write(self.repo, notes, applications)
        bodies, self.needs = bodies_and_needs(self.repo)
        self.bodies = work / "bodies.json"
        self.bodies.write_text(json.dumps(bodies), encoding="utf-8")
        self.warm = work / "warm-cache"
        self.fresh = work / "cold-caches"
        self.edited = notes_of(self.repo)[0]
        self.rounds = 0

    def check(self, *arguments: str) -> list[str]:
        return [self.python, "-m", "notelint", "check", *arguments, "--format", "json"]

    def cold_cache(self, name: str) -> dict[str, str]:
        """A cache folder with no results or parses: only the rule data
        (phrase lemmas) that every run after the first finds."""
        folder = self.fresh / name
        shutil.copytree(self.warm / "lemmas", folder / "lemmas")
        return {"NOTELINT_CACHE_DIR": str(folder)}

    def commands(self) -> dict[str, tuple[list[str], dict[str, str]]]:
        """This round's commands; each cold run gets a cache folder of its own."""
        self.rounds += 1
        cold = self.cold_cache(f"{self.rounds}")
        cold2 = self.cold_cache(f"{self.rounds}-2")
        warm = {"NOTELINT_CACHE_DIR": str(self.warm)}
        repo, now = str(self.repo), ("--now", NOW)
        return {
            "bare": ([self.python, "-c", BARE, str(self.bodies), self.needs], {}),
            "cold1": (self.check(repo, "--jobs", "1", *now), cold),
            "cold2": (self.check(repo, "--jobs", "2", *now), cold2),
            "warm": (self.check(repo, *now), warm),
            "changed": (self.check(repo, *now), warm),
            "hook": (self.check(str(self.edited), *now), warm),
            "hook_cold": (self.check(str(self.edited), *now, "--no-cache"), {}),
            "sentence": ([self.python, "-c", SENTENCE, self.needs], {}),
            "rules": ([self.python, "-m", "notelint", "rules"], {}),
            "help": ([self.python, "-m", "notelint", "--help"], {}),
        }

    def edit(self) -> None:
        """Change one note, differently each time (so its old entry never fits)."""
        text = self.edited.read_text(encoding="utf-8")
        text = re.sub(r"\nP\.S\. .*\n$", "\n", text) + f"P.S. Edited {time.time_ns()}.\n"
        self.edited.write_text(text, encoding="utf-8")

    def measure(self, repeat: int) -> dict[str, tuple[float, int]]:
        timed(self.check(str(self.repo), "--now", NOW), {"NOTELINT_CACHE_DIR": str(self.warm)})
        times: dict[str, list[tuple[float, int]]] = {}
        for _ in range(repeat):
            for name, (command, env) in self.commands().items():
                if name == "warm":  # settle what the last round's edits left to check
                    timed(command, env)
                if name in ("changed", "hook"):
                    self.edit()
                times.setdefault(name, []).append(timed(command, env))
        return {
            name: (statistics.median(t for t, _ in found), max(m for _, m in found))
            for name, found in times.items()
        }


def cross_applications(work: Path, small: int, large: int) -> tuple[float, float]:
    """Seconds per note of the checks that compare applications, on `small`
    and on `large` notes (seven notes an application), blank pipeline."""
    per_note = []
    for notes in (small, large):
        root = work / f"scale-{notes}"
        repository.write(root, notes, max(1, notes // 7))
        command = [sys.executable, "-m", "notelint", "check", str(root), "--no-cache"]
        command += ["--model", "blank", "--select", "wrong-company,wrong-recipient"]
        took, _ = timed(command)
        per_note.append(took / notes)
    return per_note[0], per_note[1]


def table(found: dict[str, tuple[float, int]], notes: int, scale, large: int) -> str:
    t = {name: seconds for name, (seconds, _) in found.items()}
    memory = found["cold1"][1] / 1024
    rows = [
        ("bare parse: load the pipeline, `nlp.pipe` the bodies", t["bare"], "1.00", ""),
        (
            "`check`, cold, `--jobs 1`",
            t["cold1"],
            f"{t['cold1'] / t['bare']:.2f} × bare parse",
            "≤ 1.10",
        ),
        (
            "`check`, cold, `--jobs 2`",
            t["cold2"],
            f"{t['cold1'] / t['cold2']:.2f} × faster than `--jobs 1`",
            "≥ 1.7",
        ),
        (
            "`check`, warm, nothing changed",
            t["warm"],
            f"{100 * t['warm'] / t['cold1']:.1f} % of cold",
            "≤ 5 %",
        ),
        (
            "`check`, warm, one note changed",
            t["changed"],
            f"{100 * t['changed'] / t['cold1']:.1f} % of cold",
            "≤ 10 %",
        ),
        (
            "load the pipeline, parse one sentence",
            t["sentence"],
            "1.00",
            "",
        ),
        (
            "a hook: one edited note, with the cache",
            t["hook"],
            f"{t['hook'] / t['sentence']:.2f} × one sentence",
            "≤ 1.15",
        ),
        (
            "a hook: one note, `--no-cache`",
            t["hook_cold"],
            f"{t['hook_cold'] / t['sentence']:.2f} × one sentence",
            "",
        ),
        ("`notelint rules`", t["rules"], "", "< 0.3 s"),
        ("`notelint --help`", t["help"], "", "< 0.3 s"),
    ]
    lines = [
        f"{notes} notes, {notes / t['cold1']:.0f} notes/s cold at `--jobs 1`, "
        f"{notes / t['cold2']:.0f} at `--jobs 2`; peak memory of the cold `--jobs 1` run "
        f"{memory:.0f} MiB (goal < 1 GiB).",
        "",
        "| what | time | ratio | goal |",
        "|---|---|---|---|",
        *(
            f"| {what} | {seconds:.2f} s | {ratio} | {goal} |"
            for what, seconds, ratio, goal in rows
        ),
    ]
    if scale:
        small, big = scale
        lines += [
            "",
            f"Across applications (`wrong-company`, `wrong-recipient`, blank pipeline): "
            f"{1000 * small:.1f} ms a note on {notes} notes, {1000 * big:.1f} ms a note on "
            f"{large} notes ({large * big:.1f} s in all).",
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--applications", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--scale", type=int, default=20000, help="0: skip the scale run")
    parser.add_argument("--write", action="store_true", help="rewrite docs/performance.md")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        bench = Bench(work, options.notes, options.applications)
        found = bench.measure(options.repeat)
        scale = cross_applications(work, options.notes, options.scale) if options.scale else None
    shown = table(found, bench.count, scale, options.scale)
    print(shown)
    if options.write:
        text = DOCS.read_text(encoding="utf-8")
        before, _, rest = text.partition(START)
        _, _, after = rest.partition(END)
        stamp = f"Measured {time.strftime('%Y-%m-%d')}, `--repeat {options.repeat}`:"
        DOCS.write_text(f"{before}{START}\n{stamp}\n\n{shown}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    main()
