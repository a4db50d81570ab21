"""How long the language server takes to re-check a note as it is typed.

    python benchmarks/server.py [--changes 20] [--debounce 50] [NOTE]

Starts `notelint server` the way an editor does (pygls' LanguageClient over
stdio), opens NOTE (default: a note of examples/), waits for the first
diagnostics (the pipeline loads), then sends --changes edits one after the
other and times each from didChange to the publishDiagnostics of that
version: the pause (--debounce, in milliseconds) plus the check itself.
Prints the first check and the median and worst warm re-check.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
NOTE = ROOT / "examples" / "2026-11-acme-pm" / "maria-gonzalez.md"


async def measure(note: Path, changes: int, debounce: int) -> tuple[float, list[float]]:
    client = LanguageClient("notelint-benchmark", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        published.put_nowait((time.perf_counter(), params))

    async def diagnostics_of(version: int) -> float:
        while True:
            at, params = await asyncio.wait_for(published.get(), 120)
            if params.uri == uri and params.version == version:
                return at

    await client.start_io(sys.executable, "-m", "notelint", "server", cwd=str(ROOT))
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=ROOT.as_uri(),
            initialization_options={"debounce": debounce},
        )
    )
    client.initialized(types.InitializedParams())
    text = note.read_text(encoding="utf-8")
    uri = note.as_uri()
    started = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    first = await diagnostics_of(1) - started
    warm = []
    for version in range(2, changes + 2):
        text += " " if version % 2 else "x"  # what a keystroke does
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )
        warm.append(await diagnostics_of(version) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, warm


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("note", nargs="?", type=Path, default=NOTE)
    parser.add_argument("--changes", type=int, default=20)
    parser.add_argument("--debounce", type=int, default=50, help="milliseconds")
    args = parser.parse_args()
    first, warm = asyncio.run(measure(args.note.resolve(), args.changes, args.debounce))
    print(f"note: {args.note}")
    print(f"first check (pipeline loading): {first * 1000:.0f} ms")
    print(
        f"warm re-check, didChange to publishDiagnostics, debounce {args.debounce} ms: "
        f"median {statistics.median(warm) * 1000:.0f} ms, worst {max(warm) * 1000:.0f} ms "
        f"({len(warm)} changes)"
    )


if __name__ == "__main__":
    main()
