"""`notelint server`: the language server an editor starts once, over stdio.

Diagnostics on open and save at once, on change after a short pause (the
`debounce` initialization option, in milliseconds); a change of a note
re-checks the other open notes of its application, a change of an
interview.yaml (its buffer or, watched, its file) the open notes below it,
and a change of a configuration or a rule pack every open note. Code actions
apply a finding's fix (or all safe fixes, `source.fixAll.notelint`); a hover
on a finding shows its rule's explanation. Checking runs in the server's one
thread, so a rule's time budget (`note_timeout`) can interrupt it; a rule
that crashes or a file that cannot be read becomes a diagnostic and a log
line, never the end of the server.
"""

from __future__ import annotations

import asyncio
import logging
import os
import traceback
from collections.abc import Iterable

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from notelint import __version__
from notelint.core.model import Finding, Severity
from notelint.inputs.sources import interview_file_of
from notelint.lsp import positions
from notelint.lsp.linting import (
    Linted,
    Linter,
    Outcome,
    edits,
    fixable,
    is_interview,
    is_note,
    is_settings,
)

DEBOUNCE_MS = 50  # after the last change; a check that is running finishes first
FIX_ALL = f"{types.CodeActionKind.SourceFixAll.value}.notelint"
SEVERITIES = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
WATCHED = ("**/interview.yaml", "**/.notelint.yaml", "**/pyproject.toml", "**/*.yaml")


class NotelintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__(
            "notelint", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Full
        )
        self.linter = Linter()
        self.debounce = DEBOUNCE_MS / 1000
        self.linted: dict[str, Linted] = {}  # path -> its last check
        self.diagnosed: set[str] = set()  # files not open that were given diagnostics
        self.due: set[str] = set()
        self.timer: asyncio.TimerHandle | None = None
        self.logged: set[str] = set()

    # -- buffers -------------------------------------------------------------
    def buffers(self) -> dict[str, str]:
        """path -> text of every open note and interview.yaml."""
        found = {}
        for document in self.workspace.text_documents.values():
            path = _path(document.uri)
            if path is not None and (is_note(path) or is_interview(path)):
                found[path] = document.source
        return found

    def document(self, path: str):
        for document in self.workspace.text_documents.values():
            if _path(document.uri) == path:
                return document
        return None

    def open_notes(self) -> list[str]:
        return [p for p in self.buffers() if is_note(p)]

    def affected(self, path: str) -> list[str]:
        """The open notes whose findings a change of `path` may change."""
        notes = self.open_notes()
        if is_settings(path):
            self.linter.forget_settings()
            return notes
        if is_interview(path):
            folder = os.path.dirname(path) + os.sep
            return [n for n in notes if n.startswith(folder)]
        if is_note(path):
            governing = interview_file_of(path)
            siblings = [n for n in notes if governing and interview_file_of(n) == governing]
            return sorted({path, *siblings} & set(notes))
        return []

    # -- checking --------------------------------------------------------------
    def schedule(self, paths: Iterable[str], delay: float) -> None:
        """Check `paths` after `delay` seconds without another change."""
        self.due |= set(paths)
        if self.timer is not None:
            self.timer.cancel()
        self.timer = asyncio.get_running_loop().call_later(delay, self.check_due)

    def check_due(self) -> None:
        self.timer = None
        due, self.due = self.due, set()
        try:
            self.check(due)
        except Exception as error:  # noqa: BLE001 - never die: say it and go on
            where = traceback.extract_tb(error.__traceback__)[
                -1
            ]  # no values: they may quote a note
            self.log(
                f"notelint: internal error: {type(error).__name__} at {where.filename}:{where.lineno}",
                types.MessageType.Error,
            )

    def check(self, paths: Iterable[str]) -> None:
        buffers = self.buffers()
        paths = [p for p in paths if p in buffers and is_note(p)]
        if not paths:
            return
        outcome = self.linter.lint(paths, buffers)
        self.publish(outcome)

    def publish(self, outcome: Outcome) -> None:
        for message in outcome.log:
            if message not in self.logged:  # once per session, not once per keystroke
                self.logged.add(message)
                self.log(message, types.MessageType.Error)
        encoding = self.encoding()
        for path, linted in outcome.notes.items():
            self.linted[path] = linted
            document = self.document(path)
            if document is None:
                continue
            shown = positions.Positions(linted.text, encoding)
            diagnostics = [_diagnostic(f, shown) for f in linted.findings]
            diagnostics += [_problem(message) for message in linted.crashes]
            if linted.failure is not None:
                diagnostics.append(_problem(f"notelint: {linted.failure}"))
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(document.uri, diagnostics, document.version)
            )
        for path, found in outcome.others.items():  # an interview.yaml that does not read
            if not found and path not in self.diagnosed:
                continue
            self.diagnosed.discard(path)
            if found:
                self.diagnosed.add(path)
            document = self.document(path)
            text = document.source if document is not None else _read(path)
            shown = positions.Positions(text, encoding)
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    document.uri if document is not None else from_fs_path(path),
                    [_diagnostic(f, shown) for f in found],
                    document.version if document is not None else None,
                )
            )

    def log(self, message: str, kind: types.MessageType) -> None:
        self.window_log_message(types.LogMessageParams(type=kind, message=message))

    def workspace_edit(self, document, found, shown: positions.Positions) -> types.WorkspaceEdit:
        """Edits of one buffer, tied to its version when the client can say
        "this buffer changed since" (documentChanges)."""
        text_edits = [
            types.TextEdit(
                types.Range(types.Position(*shown.at(start)), types.Position(*shown.at(end))),
                replacement,
            )
            for start, end, replacement in found
        ]
        workspace = self.client_capabilities.workspace
        editing = workspace.workspace_edit if workspace else None
        if editing is None or not editing.document_changes:
            return types.WorkspaceEdit(changes={document.uri: text_edits})
        identifier = types.OptionalVersionedTextDocumentIdentifier(document.uri, document.version)
        return types.WorkspaceEdit(
            document_changes=[types.TextDocumentEdit(identifier, text_edits)]
        )

    def encoding(self) -> str:
        """The position encoding agreed at initialization (UTF-16 unless said)."""
        agreed = self.workspace.position_encoding
        return getattr(agreed, "value", agreed) or positions.UTF16


server = NotelintServer()


@server.feature(types.INITIALIZE)
def initialize(ls: NotelintServer, params: types.InitializeParams) -> None:
    options = params.initialization_options
    if isinstance(options, dict) and isinstance(options.get("debounce"), int | float):
        ls.debounce = max(0, options["debounce"]) / 1000


@server.feature(types.INITIALIZED)
async def initialized(ls: NotelintServer, params: types.InitializedParams) -> None:
    watching = ls.client_capabilities.workspace
    watching = watching.did_change_watched_files if watching else None
    if watching is None or not watching.dynamic_registration:
        return  # the client may still send didChangeWatchedFiles on its own
    watchers = [types.FileSystemWatcher(glob_pattern=glob) for glob in WATCHED]
    registration = types.Registration(
        id="notelint-watched-files",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
    )
    try:
        await ls.client_register_capability_async(types.RegistrationParams([registration]))
    except Exception as error:  # noqa: BLE001 - checking works without it
        ls.log(f"notelint: cannot watch files: {error}", types.MessageType.Warning)


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: NotelintServer, params: types.DidOpenTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is not None:
        ls.schedule(ls.affected(path) if not is_settings(path) else [], 0)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: NotelintServer, params: types.DidChangeTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is not None and (is_note(path) or is_interview(path)):
        ls.schedule(ls.affected(path), ls.debounce)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
def did_save(ls: NotelintServer, params: types.DidSaveTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is not None:
        ls.schedule(ls.affected(path), 0)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NotelintServer, params: types.DidCloseTextDocumentParams) -> None:
    path = _path(params.text_document.uri)
    if path is None:
        return
    ls.linted.pop(path, None)
    if is_note(path):
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(params.text_document.uri, [])
        )
    ls.schedule(ls.affected(path), 0)  # the file on disk takes the buffer's place


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(ls: NotelintServer, params: types.DidChangeWatchedFilesParams) -> None:
    due: set[str] = set()
    for change in params.changes:
        path = _path(change.uri)
        if path is not None:
            due |= set(ls.affected(path))
    ls.schedule(due, 0)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
    ),
)
def code_action(ls: NotelintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    path = _path(params.text_document.uri)
    linted = ls.linted.get(path) if path else None
    document = ls.document(path) if path else None
    if linted is None or document is None:
        return []
    shown = positions.Positions(document.source, ls.encoding())
    wanted = params.context.only
    actions = []
    candidates = fixable(linted)
    if not wanted or any(k.startswith(types.CodeActionKind.QuickFix) for k in wanted):
        for finding in candidates:
            if not _overlaps(_range(finding, shown), params.range):
                continue
            found = edits(linted, path, [finding], document.source)
            if found:
                actions.append(
                    types.CodeAction(
                        title=f"notelint: {_fix_title(finding)}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[_diagnostic(finding, shown)],
                        is_preferred=True,
                        edit=ls.workspace_edit(document, found, shown),
                    )
                )
    if not wanted or any(FIX_ALL.startswith(k) for k in wanted):
        found = edits(linted, path, candidates, document.source)
        if found:
            actions.append(
                types.CodeAction(
                    title="notelint: apply every safe fix",
                    kind=FIX_ALL,
                    edit=ls.workspace_edit(document, found, shown),
                )
            )
    return actions


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: NotelintServer, params: types.HoverParams) -> types.Hover | None:
    path = _path(params.text_document.uri)
    linted = ls.linted.get(path) if path else None
    if linted is None or linted.report is None:
        return None
    shown = positions.Positions(linted.text, ls.encoding())
    at = (params.position.line, params.position.character)
    under = [f for f in linted.findings if _covers(_range(f, shown), at)]
    if not under:
        return None
    rules = {rule.slug: rule for rule in linted.report.rules}
    texts = [explanation(rules[f.rule], f) for f in under if f.rule in rules]
    return types.Hover(
        types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(dict.fromkeys(texts))),
        _range(under[0], shown),
    )


def explanation(rule, finding: Finding) -> str:
    """What `notelint explain RULE` says, short: the summary and why it matters."""
    paragraphs = [p for p in rule.doc().split("\n\n") if p.strip()]
    why = next((" ".join(p.split()) for p in paragraphs[1:] if p.startswith("Why")), "")
    return "\n\n".join(
        part
        for part in (
            f"**{rule.slug}** ({rule.code}, {finding.severity})",
            rule.summary(),
            why,
            f"`notelint explain {rule.slug}` shows examples and options.",
        )
        if part
    )


# -- conversions ---------------------------------------------------------------
def _path(uri: str) -> str | None:
    if not uri.startswith("file:"):
        return None  # an unsaved buffer has no folder, hence no context
    path = to_fs_path(uri)
    return os.path.abspath(path) if path else None


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def _range(finding: Finding, shown: positions.Positions) -> types.Range:
    start = shown.of(finding.line, finding.column)
    end = shown.of(finding.end_line, finding.end_column)
    return types.Range(types.Position(*start), types.Position(*end))


def _start(range_: types.Range) -> tuple[int, int]:
    return range_.start.line, range_.start.character


def _end(range_: types.Range) -> tuple[int, int]:
    return range_.end.line, range_.end.character


def _covers(found: types.Range, at: tuple[int, int]) -> bool:
    """Whether a hover at `at` is on the finding (an empty span: on its line)."""
    if _start(found) == _end(found):
        return at[0] == found.start.line
    return _start(found) <= at <= _end(found)


def _overlaps(found: types.Range, asked: types.Range) -> bool:
    return _start(found) <= _end(asked) and _start(asked) <= _end(found)


def _diagnostic(finding: Finding, shown: positions.Positions) -> types.Diagnostic:
    return types.Diagnostic(
        range=_range(finding, shown),
        message=finding.message,
        severity=SEVERITIES[finding.severity],
        code=finding.code,
        source="notelint",
        data={"rule": finding.rule},
    )


def _problem(message: str) -> types.Diagnostic:
    """The check could not run, or a rule crashed: said on the first line."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source="notelint",
    )


def _fix_title(finding: Finding) -> str:
    from notelint.core.display import printable

    return f"replace with '{printable(finding.fix.replacement)}' ({finding.rule})"


def serve() -> None:
    logging.getLogger("pygls").setLevel(logging.WARNING)
    server.start_io()
