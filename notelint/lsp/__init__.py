"""The language server: editors' events in, the runner's reports out.

A front end beside the command line (`notelint server`): it reads no note
and formats no message itself; it hands buffers to `app.runner` as overrides
of the files on disk and turns the redacted report into LSP diagnostics,
code actions (`app.fixes`) and hovers.
"""
