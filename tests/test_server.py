"""The language server, driven by a real LSP client (pygls' LanguageClient)
over stdio, as an editor drives it; and its position arithmetic."""

from __future__ import annotations

import asyncio
import json
import os
import re
import sys
import tomllib
from pathlib import Path

import pytest
from lsprotocol import types
from pygls.lsp.client import LanguageClient

from notelint.lsp.positions import UTF8, UTF16, UTF32, Positions
from tests.conftest import write
from tests.test_cli import CRASHING, install_plugin

TIMEOUT = 120  # the first check loads the spaCy pipeline
README = Path(__file__).resolve().parent.parent / "README.md"


def readme_snippets() -> dict[str, str]:
    """The code blocks of the README's editor section, by language."""
    section = README.read_text(encoding="utf-8").split("## In the editor", 1)[1]
    section = section.split("\n## ", 1)[0]
    return dict(re.findall(r"```(\w+)\n(.*?)```", section, re.S))


# The server this test drives is started as the README tells editors to start it.
SERVER = tomllib.loads(readme_snippets()["toml"])["language-server"]["notelint"]

INTERVIEW = """
    company: Acme Robotics
    interviewed_at: 2026-11-20T14:00
    confidential: [Project Nightjar]
    interviewers:
      - name: Maria Gonzalez
        role: other-department
        points: [collaboration between marketing and product development]
"""
# An emoji (two UTF-16 code units, one code point) before the finding on its line.
NOTE = (
    "---\nto: Maria Gonzalez\nsent: 2026-11-21T09:00\n---\n"
    "👋 Dear Ms. Gonzales,\n\n"
    "Thank you for our talk about collaboration between marketing and product "
    "development; I keep thinking about how your team brings marketing in early. "
    "At Globex I ran the reviews for Project Nightjar.\n\n"
    "Best,\nAlex\n"
)


# -- positions ------------------------------------------------------------------
@pytest.mark.parametrize(
    "encoding, character", [(UTF16, 12), (UTF8, 14), (UTF32, 11)]
)  # 👋 is 2 UTF-16 units, 4 UTF-8 bytes, 1 code point
def test_a_column_after_an_emoji_counts_in_the_agreed_units(encoding, character):
    shown = Positions("---\n👋 Dear Ms. Gonzales,\n", encoding)
    assert shown.of(2, 12) == (1, character)  # notelint: line 2, column 12 ('G')
    assert shown.at(len("---\n👋 Dear Ms. ")) == (1, character)


@pytest.mark.parametrize("text", ["a\r\nb🎉c\r\n", "a\rb🎉c\r", "a\nb🎉c"])
def test_every_line_break_counts_as_one_line(text):
    shown = Positions(text)
    assert shown.of(2, 3) == (1, 3)  # 'c' after the emoji
    assert shown.at(text.index("c")) == (1, 3)


def test_a_column_past_the_end_of_its_line_stays_on_the_line():
    shown = Positions("ab\r\ncd\n")
    assert shown.of(1, 9) == (0, 2)  # never inside the line break, never on the next line
    assert shown.at(3) == (0, 2)  # between \r and \n: the end of the line
    assert shown.of(9, 1) == (2, 0)  # past the last line: the last line


def test_every_editor_snippet_of_the_readme_starts_the_same_server():
    snippets = readme_snippets()
    command = [SERVER["command"], *SERVER["args"]]
    assert command == ["notelint", "server"]
    languages = {entry["name"]: entry for entry in tomllib.loads(snippets["toml"])["language"]}
    assert all("notelint" in entry["language-servers"] for entry in languages.values())
    assert {"markdown", "yaml"} <= set(languages) and {"txt", "eml"} <= set(
        languages["note"]["file-types"]
    )
    vscode = json.loads(snippets["json"])
    assert [vscode["glspc.server.command"], *vscode["glspc.server.commandArguments"]] == command
    assert {"markdown", "plaintext", "yaml"} <= set(vscode["glspc.server.languageId"])
    neovim = snippets["lua"]
    listed = {
        name: re.search(rf"{name} = \{{(.*?)\}}", neovim).group(1) for name in ("cmd", "pattern")
    }
    assert re.findall(r'"([^"]+)"', listed["cmd"]) == command
    assert {"markdown", "text", "mail", "yaml"} <= set(re.findall(r'"(\w+)"', listed["pattern"]))
    assert "vim.lsp.start(" in neovim


# -- the server, over stdio -------------------------------------------------------
class Editor:
    """A minimal editor: a pygls LanguageClient that keeps what was published."""

    def __init__(self):
        self.client = LanguageClient("notelint-test", "1")
        self.published: asyncio.Queue = asyncio.Queue()
        self.logs: list[str] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            self.published.put_nowait(params)

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            self.logs.append(params.message)

    async def start(self, root: Path, encodings=None, env=None) -> types.InitializeResult:
        assert SERVER["command"] == "notelint"  # the console script of `python -m notelint`
        await self.client.start_io(
            sys.executable, "-m", "notelint", *SERVER["args"], cwd=str(root), env=env
        )
        capabilities = types.ClientCapabilities(
            general=types.GeneralClientCapabilities(position_encodings=encodings),
            workspace=types.WorkspaceClientCapabilities(
                workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True)
            ),
        )
        result = await asyncio.wait_for(
            self.client.initialize_async(
                types.InitializeParams(
                    capabilities=capabilities,
                    root_uri=root.as_uri(),
                    initialization_options={"debounce": 20},
                )
            ),
            TIMEOUT,
        )
        self.client.initialized(types.InitializedParams())
        return result

    async def diagnostics(self, uri: str, version: int | None = None):
        """The next diagnostics published for `uri` (of `version`, if given)."""
        while True:
            params = await asyncio.wait_for(self.published.get(), TIMEOUT)
            if params.uri == uri and (version is None or params.version == version):
                return params.diagnostics

    async def misspelled(self, uri: str, until=None):
        """The misspelled-name diagnostics published next for `uri` (the
        first that satisfy `until`, when given)."""
        while True:
            found = [d for d in await self.diagnostics(uri) if d.code == "NL201"]
            if until is None or until(found):
                return found

    def open(self, path: Path, text: str, version: int = 1) -> str:
        uri = path.as_uri()
        language = {".eml": "mail", ".txt": "plaintext"}.get(path.suffix, "markdown")
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, language, version, text))
        )
        return uri

    def change(self, uri: str, text: str, version: int) -> None:
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri),
                [types.TextDocumentContentChangeWholeDocument(text)],
            )
        )

    async def stop(self):
        await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
        self.client.exit(None)
        await self.client.stop()


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply LSP edits as an editor does: UTF-16 positions, last edit first."""

    def offset(position: types.Position) -> int:
        line = text.splitlines(keepends=True)[position.line]
        start = sum(len(x) for x in text.splitlines(keepends=True)[: position.line])
        units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
        return start + len(units)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def run(coroutine):
    return asyncio.run(asyncio.wait_for(coroutine, 4 * TIMEOUT))


def test_an_editor_sees_a_misspelled_name_fixes_it_and_sees_it_cleared(tmp_path: Path):
    write(tmp_path, {"acme/interview.yaml": INTERVIEW})
    note = tmp_path / "acme" / "maria-gonzalez.md"  # not on disk: a buffer not saved yet

    async def session():
        editor = Editor()
        result = await editor.start(tmp_path)
        assert result.capabilities.position_encoding in (None, UTF16)
        uri = editor.open(note, NOTE)
        found = await editor.diagnostics(uri, version=1)
        misspelled = [d for d in found if d.code == "NL201"]
        assert len(misspelled) == 1, [(d.code, d.message) for d in found]
        (diagnostic,) = misspelled
        # line 5 of the file (0-based 4); 'Gonzales' after "👋 Dear Ms. ": 11 code
        # points, 12 UTF-16 units, 8 characters long
        assert diagnostic.range == types.Range(types.Position(4, 12), types.Position(4, 20))
        assert diagnostic.severity == types.DiagnosticSeverity.Warning
        assert "Gonzalez" in diagnostic.message and diagnostic.source == "notelint"
        assert any(d.code == "NL301" for d in found)  # the confidential term, masked
        assert not any("Nightjar" in d.message for d in found)

        hover = await editor.client.text_document_hover_async(
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(4, 14))
        )
        assert "misspelled-name" in hover.contents.value
        assert "notelint explain misspelled-name" in hover.contents.value

        actions = await editor.client.text_document_code_action_async(
            types.CodeActionParams(
                types.TextDocumentIdentifier(uri),
                diagnostic.range,
                types.CodeActionContext(diagnostics=[diagnostic]),
            )
        )
        quick = [a for a in actions if a.kind == types.CodeActionKind.QuickFix]
        assert len(quick) == 1 and "Gonzalez" in quick[0].title
        (change,) = quick[0].edit.document_changes
        assert change.text_document.version == 1
        fixed = apply(NOTE, change.edits)
        assert fixed == NOTE.replace("Gonzales", "Gonzalez")

        editor.change(uri, fixed, version=2)
        after = await editor.diagnostics(uri, version=2)
        assert not [d for d in after if d.code == "NL201"]
        note.write_text(fixed, encoding="utf-8")  # saved: checked again, the same
        editor.client.text_document_did_save(
            types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
        )
        assert await editor.diagnostics(uri, version=2) == after
        await editor.stop()

    run(session())


def test_text_and_email_buffers_are_checked_too(tmp_path: Path):
    write(tmp_path, {"acme/interview.yaml": INTERVIEW})
    body = NOTE.split("---\n", 2)[2]
    buffers = {
        "maria-gonzalez.txt": (NOTE, 4),
        "maria.eml": (f"To: Maria Gonzalez <m@acme.example>\nSubject: Thank you\n\n{body}", 3),
    }

    async def session():
        editor = Editor()
        await editor.start(tmp_path)
        for name, (text, line) in buffers.items():
            uri = editor.open(tmp_path / "acme" / name, text)
            found = [d for d in await editor.diagnostics(uri) if d.code == "NL201"]
            assert [d.range.start for d in found] == [types.Position(line, 12)], name
        await editor.stop()

    run(session())


def test_interview_and_configuration_changes_relint_the_open_notes(tmp_path: Path):
    write(
        tmp_path,
        {
            "acme/interview.yaml": INTERVIEW,
            "acme/maria-gonzalez.md": NOTE.replace("Gonzales", "Gonzalez"),
        },
    )
    note = tmp_path / "acme" / "maria-gonzalez.md"
    interview = tmp_path / "acme" / "interview.yaml"
    misspelled = INTERVIEW.replace("Gonzalez", "Gonzales").replace("\n    ", "\n")

    def watched(path: Path, change: types.FileChangeType) -> types.DidChangeWatchedFilesParams:
        return types.DidChangeWatchedFilesParams([types.FileEvent(path.as_uri(), change)])

    async def session():
        editor = Editor()
        await editor.start(tmp_path, encodings=[UTF32, UTF16])
        uri = editor.open(note, note.read_text(encoding="utf-8"))
        assert not await editor.misspelled(uri)
        # typed in the interview.yaml buffer: the note's spelling is now the misspelling
        yaml_uri = editor.open(interview, interview.read_text(encoding="utf-8"))
        editor.change(yaml_uri, misspelled, 2)
        found = await editor.misspelled(uri, until=bool)
        assert found[0].range.start == types.Position(4, 11)  # UTF-32: the emoji counts one
        # the buffer closed unsaved: the file on disk governs again
        editor.client.text_document_did_close(
            types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(yaml_uri))
        )
        await editor.misspelled(uri, until=lambda found: not found)
        # the file changed on disk, as the editor's watcher reports it
        interview.write_text(misspelled, encoding="utf-8")
        editor.client.workspace_did_change_watched_files(
            watched(interview, types.FileChangeType.Changed)
        )
        await editor.misspelled(uri, until=bool)
        # a configuration appears that ignores the rule
        (tmp_path / ".notelint.yaml").write_text("ignore: [misspelled-name]\n", encoding="utf-8")
        editor.client.workspace_did_change_watched_files(
            watched(tmp_path / ".notelint.yaml", types.FileChangeType.Created)
        )
        await editor.misspelled(uri, until=lambda found: not found)
        await editor.stop()

    run(session())


def test_a_crashing_rule_an_empty_note_and_a_broken_interview_never_stop_it(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(site, "notelint_crashy", "notelint_crashy:Crashes", CRASHING)
    write(tmp_path, {"acme/interview.yaml": "company: [unclosed\n"})
    note = tmp_path / "acme" / "maria.md"

    async def session():
        editor = Editor()
        await editor.start(tmp_path, env={**os.environ, "PYTHONPATH": str(site)})
        uri = editor.open(note, "")
        found = await editor.diagnostics(uri, version=1)
        assert [(d.code, d.message) for d in found] == [
            ("NL001", "this note is empty: nothing to check")
        ]
        editor.change(uri, "Dear Maria,\n\nI brought you a banana from the market.\n", 2)
        found = await editor.diagnostics(uri, version=2)
        assert any("rule 'crashy' crashed: ZeroDivisionError" in d.message for d in found)
        yaml = await editor.diagnostics((tmp_path / "acme" / "interview.yaml").as_uri())
        # the file ends on line 2 (1-based) before the list closes
        assert [d.code for d in yaml] == ["NL001"] and yaml[0].range.start.line == 1
        # still serving: the crash was logged, and the next change is checked
        assert any("crashy" in line for line in editor.logs)
        editor.change(uri, "Dear Maria,\n\nI brought you an apple.\n", 3)
        found = await editor.diagnostics(uri, version=3)
        assert not any("crashed" in d.message for d in found)
        await editor.stop()

    run(session())


def test_a_configuration_that_does_not_load_is_said_on_each_note(tmp_path: Path):
    from notelint.lsp.linting import Linter

    write(tmp_path, {".notelint.yaml": "selct: [misspelled-name]\n"})
    paths = [str(tmp_path / "a.md"), str(tmp_path / "b.md")]
    outcome = Linter().lint(paths, {path: "Dear Maria,\n" for path in paths})
    for path in paths:
        linted = outcome.notes[path]
        assert ".notelint.yaml:1: unknown setting 'selct'" in linted.failure
        assert linted.findings == []
    assert len(outcome.log) == 1  # said once in the log, on every note it stops
