"""Which paths a run leaves out: gitignore-style patterns (`exclude:`,
`per_file_ignores:`, `.gitignore` files), each anchored at the folder of the
file that wrote it, matched with `pathspec` (imported when a run first
matches, so `notelint rules` never pays for it).

A pattern without a slash (`drafts-*`, `README.md`) matches a name at any
depth, as in git; one with a slash (`clients/*/drafts`) matches from its
folder down, and a path outside that folder never matches it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path, PurePosixPath

GITIGNORE = ".gitignore"


@dataclass(frozen=True)
class Patterns:
    """Gitignore-style patterns read from one place; `base` is the folder
    they are relative to (None: anywhere, as the built-in excludes)."""

    lines: tuple[str, ...]
    base: Path | None = None

    @cached_property
    def _spec(self):
        import pathspec

        return pathspec.GitIgnoreSpec.from_lines(self.lines)

    def matches(self, path: Path, is_dir: bool = False) -> bool:
        """Whether `path` (absolute, its folders resolved) is matched."""
        relative = _relative(path, self.base)
        if relative is None:
            return False
        return self._spec.match_file(relative + "/" if is_dir else relative)


def _relative(path: Path, base: Path | None) -> str | None:
    """`path` as a pattern sees it: relative to `base`; outside it (or with
    no base) the whole path, so that only a pattern with no slash matches."""
    if base is not None:
        try:
            return PurePosixPath(path.relative_to(base)).as_posix() or None
        except ValueError:
            pass
    parts = path.parts[1:] if path.is_absolute() else path.parts
    return "/".join(parts) or None


@dataclass
class Excluder:
    """Every pattern that leaves a path out of a run, `.gitignore` files
    included when `gitignore` is set (each read once)."""

    patterns: tuple[Patterns, ...] = ()
    gitignore: bool = False
    # Outside a git repository, .gitignore files are read up to the highest
    # of these folders (those named on the command line, the configuration's).
    tops: set[Path] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._gitignores: dict[Path, Patterns | None] = {}
        self._chains: dict[Path, list[Path]] = {}

    def excluded(self, path: Path, is_dir: bool = False) -> bool:
        return any(p.matches(path, is_dir) for p in self._all(path))

    def _all(self, path: Path) -> Iterable[Patterns]:
        yield from self.patterns
        if self.gitignore:
            if path.parent not in self._chains:
                self._chains[path.parent] = self._folders(path.parent)
            for folder in self._chains[path.parent]:
                found = self._read(folder)
                if found is not None:
                    yield found

    def _folders(self, folder: Path) -> list[Path]:
        """`folder` and its parents whose .gitignore applies: up to the top of
        its git repository, else up to the highest of `tops` above it."""
        chain = [folder, *folder.parents]
        for index, candidate in enumerate(chain):
            if (candidate / ".git").exists():
                return chain[: index + 1]
        highest = max((i for i, c in enumerate(chain) if c in self.tops), default=0)
        return chain[: highest + 1]

    def _read(self, folder: Path) -> Patterns | None:
        if folder not in self._gitignores:
            try:
                text = (folder / GITIGNORE).read_text(encoding="utf-8", errors="replace")
            except OSError:
                text = None
            self._gitignores[folder] = Patterns(tuple(text.splitlines()), folder) if text else None
        return self._gitignores[folder]
