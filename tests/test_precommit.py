"""notelint as a pre-commit hook, driven by the real `pre-commit` package.

The hook repository is a snapshot of this checkout as it is on disk (the
tracked and untracked files that git does not ignore and that building the
package needs), committed into a fresh git repository, so the test sees uncommitted work locally and works the same in
CI on a fresh clone. The commit is made with fixed dates and author, so the
same tree gives the same revision, and pre-commit's environment (in
PRE_COMMIT_HOME under pytest's cache folder, when there is one) is reused by
the next run: only the first run installs notelint and spaCy.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from notelint.core.model import Hit
from notelint.rule import Rule

ROOT = Path(__file__).resolve().parents[1]

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
needs_pre_commit = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None,
    reason="the pre-commit package is not installed (pip install pre-commit)",
)

FIXED_DATE = "2026-01-01T00:00:00+00:00"
HOOK_PARTS = {"notelint", "rules", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml"}
SKIP_PARTS = {
    ".git",
    "__pycache__",
    ".pytest_cache",
    ".hypothesis",
    "venv",
    ".venv",
    "build",
    "dist",
}


def git(*args: str, cwd: Path, env: dict[str, str]) -> str:
    done = subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"git {' '.join(args)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict[str, str]:
    """git without the user's configuration, and a stable author."""
    home = tmp_path_factory.mktemp("home")
    (home / ".gitconfig").write_text("", encoding="utf-8")
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    environment.update(
        HOME=str(home),
        GIT_CONFIG_GLOBAL=str(home / ".gitconfig"),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="notelint tests",
        GIT_AUTHOR_EMAIL="tests@notelint.invalid",
        GIT_COMMITTER_NAME="notelint tests",
        GIT_COMMITTER_EMAIL="tests@notelint.invalid",
        GIT_AUTHOR_DATE=FIXED_DATE,
        GIT_COMMITTER_DATE=FIXED_DATE,
        NO_COLOR="1",
    )
    # Keep pip's download cache where the real home had it: reruns are faster.
    environment.setdefault("PIP_CACHE_DIR", str(Path.home() / ".cache" / "pip"))
    return environment


def source_files() -> list[Path]:
    """The checkout's files as a fresh clone plus the local changes would hold."""
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
    )
    if listed.returncode == 0:
        names = [n for n in listed.stdout.decode("utf-8").split("\0") if n]
    else:  # not a git checkout (an unpacked sdist): every file but the caches
        names = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()]
    return sorted(
        Path(n)
        for n in names
        if not SKIP_PARTS & set(Path(n).parts) and (ROOT / n).is_file() and _installed(Path(n))
    )


def _installed(name: Path) -> bool:
    """What building and installing the hook needs: a change to the tests or
    the docs does not make a new revision (and a new hook environment)."""
    return name.parts[0] in HOOK_PARTS or name.name.startswith("LICENSE")


@pytest.fixture(scope="module")
def cache_dir(request, tmp_path_factory) -> Path:
    cache = getattr(request.config, "cache", None)
    return (
        Path(cache.mkdir("notelint-pre-commit")) if cache else tmp_path_factory.mktemp("pre-commit")
    )


@pytest.fixture(scope="module")
def hook_repo(cache_dir: Path, env: dict[str, str]) -> tuple[Path, str]:
    """A git repository holding this checkout's current state; its revision."""
    files = source_files()
    digest = hashlib.sha256()
    for name in files:
        digest.update(str(name).encode() + b"\0" + (ROOT / name).read_bytes() + b"\0")
    repo = cache_dir / "repos" / digest.hexdigest()[:16]
    if not (repo / ".git").is_dir():
        # A new state of the code: the old snapshots and hook environments
        # (hundreds of MB each, with spaCy) will not be used again.
        shutil.rmtree(cache_dir / "repos", ignore_errors=True)
        shutil.rmtree(cache_dir / "home", ignore_errors=True)
        for name in files:
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, repo / name)
        git("init", "-q", cwd=repo, env=env)
        git("add", "-A", cwd=repo, env=env)
        git("commit", "-q", "--no-gpg-sign", "-m", "notelint snapshot", cwd=repo, env=env)
    return repo, git("rev-parse", "HEAD", cwd=repo, env=env).strip()


INTERVIEW = """\
company: Acme Robotics
interviewers:
  - name: Maria Gonzalez
  - name: Raj Patel
"""


def note(to: str) -> str:
    return textwrap.dedent(f"""\
        ---
        to: {to}
        ---
        Dear Ms. Gonzalez,

        Thank you for the conversation about marketing and product development.
        """)


@pytest.fixture
def project(tmp_path: Path, env: dict[str, str], hook_repo, cache_dir: Path):
    """A coach's repository using notelint through pre-commit."""
    repo, rev = hook_repo
    project = tmp_path / "coach"
    (project / "notes" / "acme").mkdir(parents=True)
    (project / ".pre-commit-config.yaml").write_text(
        textwrap.dedent(f"""\
        repos:
          - repo: {repo.as_posix()}
            rev: {rev}
            hooks:
              - id: notelint
        """),
        encoding="utf-8",
    )
    # Only the input checks: this test is about the hook, not the rules' judgement.
    (project / ".notelint.yaml").write_text(
        "select: [unreadable-input]\nmodel: blank\n", encoding="utf-8"
    )
    (project / "notes" / "acme" / "interview.yaml").write_text(INTERVIEW, encoding="utf-8")
    # A sibling with a mistake, committed without the hook: when only another
    # note changes, pre-commit does not pass it, and it must not be reported.
    (project / "notes" / "acme" / "raj-patel.md").write_text(note("Raj Patell"), encoding="utf-8")
    run_env = dict(env, PRE_COMMIT_HOME=str(cache_dir / "home"))
    git("init", "-q", cwd=project, env=run_env)
    git("add", "-A", cwd=project, env=run_env)
    git("commit", "-q", "--no-verify", "--no-gpg-sign", "-m", "start", cwd=project, env=run_env)
    installed = subprocess.run(
        [sys.executable, "-m", "pre_commit", "install"],
        cwd=project,
        env=run_env,
        capture_output=True,
        text=True,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return project, run_env


def commit(project: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    git("add", "-A", cwd=project, env=env)
    return subprocess.run(
        ["git", "commit", "--no-gpg-sign", "-m", "a note"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )


@needs_git
@needs_pre_commit
def test_a_bad_note_fails_the_commit_and_a_fixed_one_passes(project):
    project, env = project
    maria = project / "notes" / "acme" / "maria-gonzalez.md"
    maria.write_text(note("Mario Gonzales"), encoding="utf-8")
    refused = commit(project, env)
    output = refused.stdout + refused.stderr
    assert refused.returncode != 0, output
    assert "notelint" in output and "Failed" in output
    assert (
        "notes/acme/maria-gonzalez.md:2:1: NL001 [unreadable-input] "
        "error: to: 'Mario Gonzales' is not an interviewer"
    ) in output, output
    assert "did you mean 'Maria Gonzalez'?" in output
    assert "raj-patel.md" not in output  # not passed by pre-commit: not reported
    assert "Traceback" not in output

    maria.write_text(note("Maria Gonzalez"), encoding="utf-8")
    accepted = commit(project, env)
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert "Passed" in accepted.stdout + accepted.stderr


def test_the_hook_definition():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    hook = next(h for h in hooks if h["id"] == "notelint")
    assert hook["entry"] == "notelint check --force-exclude" and hook["language"] == "python"
    import re

    files, exclude = re.compile(hook["files"]), re.compile(hook["exclude"])

    def passed(path: str) -> bool:
        return bool(files.search(path)) and not exclude.search(path)

    assert all(
        passed(p)
        for p in ("n/a/x.md", "n/a/x.txt", "n/a/x.eml", "n/a/interview.yaml", "interview.yaml")
    )
    assert not any(
        passed(p)
        for p in ("README.md", "n/README.md", "n/a/other.yaml", "x.py", "n/my-interview.yaml")
    )


class Twin(Rule):
    """A note whose body another note of its application repeats."""

    slug = "house-twin"
    code = "T500"
    scope = "application"

    def check(self, note, context):
        if any(other.body == note.body for other in context.application.others(note)):
            yield Hit("another note of this application says the same")


def test_only_the_files_passed_are_reported_but_siblings_are_context(tmp_path, monkeypatch):
    """What pre-commit does: pass the changed files only. The notes that
    compare still see their siblings; only the passed files are reported."""
    from click.testing import CliRunner

    from notelint.app import runner
    from notelint.cli import main
    from tests import fake_rules

    def discover(pack_folders=()):
        found = fake_rules.registry()
        found.add(Twin, "tests")
        return found

    monkeypatch.setattr(runner, "discover", discover)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".notelint.yaml").write_text("model: blank\n", encoding="utf-8")
    acme = tmp_path / "notes" / "acme"
    acme.mkdir(parents=True)
    (acme / "interview.yaml").write_text(INTERVIEW, encoding="utf-8")
    (acme / "maria-gonzalez.md").write_text(note("Maria Gonzalez"), encoding="utf-8")
    (acme / "raj-patel.md").write_text(
        note("Raj Patel").replace("Raj Patel", "Maria Gonzalez"), encoding="utf-8"
    )
    result = CliRunner().invoke(
        main, ["check", "--select", "house-twin", "notes/acme/maria-gonzalez.md"]
    )
    assert "notes/acme/maria-gonzalez.md:4:1: T500 [house-twin]" in result.stdout
    assert "raj-patel" not in result.stdout
    assert "in 1 file." in result.stdout


@needs_git
@needs_pre_commit
def test_the_readme_rev_is_a_commit_that_autoupdate_freeze_moves_on(
    tmp_path, env, hook_repo, cache_dir
):
    """The README's snippet, pointed at this checkout: its `rev:` is a commit
    hash (there are no tags), and `pre-commit autoupdate --freeze` pins it to
    the newest commit of the hook repository."""
    import re

    import yaml

    from notelint.core.links import REPOSITORY

    repo, head = hook_repo
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    snippet = re.search(r"```yaml\n(# \.pre-commit-config\.yaml\n.*?)```", readme, re.S).group(1)
    (entry,) = yaml.safe_load(snippet)["repos"]
    assert entry["repo"] == REPOSITORY and re.fullmatch(r"[0-9a-f]{40}", entry["rev"])
    assert [hook["id"] for hook in entry["hooks"]] == ["notelint"]
    project = tmp_path / "coach"
    project.mkdir()
    git("init", "-q", cwd=project, env=env)
    config = project / ".pre-commit-config.yaml"
    config.write_text(snippet.replace(REPOSITORY, repo.as_posix()), encoding="utf-8")
    updated = subprocess.run(
        [sys.executable, "-m", "pre_commit", "autoupdate", "--freeze"],
        cwd=project,
        env=dict(env, PRE_COMMIT_HOME=str(cache_dir / "autoupdate-home")),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert updated.returncode == 0, updated.stdout + updated.stderr
    (entry,) = yaml.safe_load(config.read_text(encoding="utf-8"))["repos"]
    assert entry["rev"] == head
