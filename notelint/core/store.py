"""The cache folder: entries written whole or not at all, read back only when
intact, and sealed, because what notelint keeps (a note's parse, findings that
quote a confidential term) is the note's own text.

Each entry is sealed with a key derived from what it was computed from (a
note's bytes): the folder tells nothing to whoever does not already have the
note. Entries are compressed (zlib), then sealed: a SHAKE-256 keystream over the data and a keyed BLAKE2b tag
over the result (both from hashlib), so an entry cut short, edited or written
by another version reads as absent, never as wrong data.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import zlib
from pathlib import Path

NONCE, TAG = 16, 32


def digest(*parts: str | bytes) -> str:
    """One hex name for `parts` (an entry's key, or part of one)."""
    hashed = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hashed.update(len(data).to_bytes(8, "little") + data)
    return hashed.hexdigest()


def key_of(*parts: str | bytes) -> bytes:
    """The key that seals what was computed from `parts` (a note's text):
    only whoever has them can open it."""
    return bytes.fromhex(digest("seal", *parts))


def seal(key: bytes, data: bytes) -> bytes:
    nonce = os.urandom(NONCE)
    body = _xor(data, hashlib.shake_256(key + nonce).digest(len(data)))
    return nonce + body + _tag(key, nonce + body)


def unseal(key: bytes, sealed: bytes) -> bytes | None:
    """The data, or None when `sealed` is not an intact entry sealed with `key`."""
    if len(sealed) < NONCE + TAG:
        return None
    nonce, body, tag = sealed[:NONCE], sealed[NONCE:-TAG], sealed[-TAG:]
    if not hmac.compare_digest(tag, _tag(key, nonce + body)):
        return None
    return _xor(body, hashlib.shake_256(key + nonce).digest(len(body)))


def _tag(key: bytes, data: bytes) -> bytes:
    return hashlib.blake2b(data, key=hashlib.sha256(key).digest(), digest_size=TAG).digest()


def _xor(data: bytes, stream: bytes) -> bytes:
    size = len(data)
    return (int.from_bytes(data, "little") ^ int.from_bytes(stream, "little")).to_bytes(
        size, "little"
    )


class Store:
    """Sealed entries under `folder/kind/`, named by their key. Reading never
    fails (a missing, unreadable or corrupt entry is None) and writing never
    fails a run (a read-only folder just keeps nothing). Two runs may share
    the folder: an entry is written to a temporary file and renamed over the
    old one, so a reader sees one whole entry or the other."""

    def __init__(self, folder: Path):
        self.folder = folder
        self._ready = False

    def get(self, kind: str, name: str, key: bytes) -> bytes | None:
        try:
            sealed = (self.folder / kind / name).read_bytes()
        except OSError:
            return None
        data = unseal(key, sealed)
        try:
            return None if data is None else zlib.decompress(data)
        except zlib.error:
            return None

    def put(self, kind: str, name: str, key: bytes, data: bytes) -> None:
        path = self.folder / kind / name
        temporary = path.with_name(f".{name}.{os.getpid()}.tmp")
        try:
            self._prepare(path.parent)
            temporary.write_bytes(seal(key, zlib.compress(data, 1)))
            os.replace(temporary, path)
        except OSError:
            with contextlib.suppress(OSError):
                temporary.unlink(missing_ok=True)

    def _prepare(self, folder: Path) -> None:
        """The kind's folder, and a .gitignore that keeps the cache out of
        the user's repository."""
        folder.mkdir(parents=True, exist_ok=True)
        if not self._ready:
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# written by notelint\n*\n", encoding="utf-8")
            self._ready = True
