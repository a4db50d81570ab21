"""One redaction step between the engine and everything a user sees.

Every sensitive finding carries the text it found (`Finding.secret`), and
every note's interview lists its confidential terms. Before
any formatter, snippet, diff or log line sees the report, each such text is
masked once: in the file texts the snippets are cut from (every occurrence,
not only the finding's own span) and in the message of every finding of that
file, whichever rule wrote it. The redacted findings no longer carry their
secret. `--show-confidential` (a rule's `reveal` option) leaves a finding
unredacted by not marking it sensitive in the first place.
"""

from __future__ import annotations

from dataclasses import replace

from notelint.core.masking import mask
from notelint.core.model import Finding, LineIndex


def redact(
    findings: list[Finding],
    sources: dict[str, str],
    terms: dict[str, tuple[str, ...]] | None = None,
) -> tuple[list[Finding], dict[str, str]]:
    """The findings and file texts with every sensitive text masked, and the
    `terms` (path -> its interview's `confidential:` terms) wherever a
    message quotes them ("pick up 'the Project Falcon launch'")."""
    secrets: dict[str, set[str]] = {path: set(found) for path, found in (terms or {}).items()}
    shown = dict(sources)
    for finding in findings:
        if not finding.sensitive:
            continue
        if finding.secret:
            secrets.setdefault(finding.path, set()).add(finding.secret)
        text = shown.get(finding.path)
        if text is not None:  # the span itself, whatever the file's encoding
            lines = LineIndex.of(text)
            start = lines.offset(finding.line, finding.column)
            end = lines.offset(finding.end_line, finding.end_column)
            shown[finding.path] = text[:start] + mask(text[start:end]) + text[end:]
    for path, found in secrets.items():
        if path in shown:
            shown[path] = masked_in(shown[path], found)
    redacted = [
        replace(f, message=masked_in(f.message, secrets.get(f.path, ()), quoted=True), secret=None)
        for f in findings
    ]
    return redacted, shown


def masked_in(text: str, secrets, quoted: bool = False) -> str:
    """`text` with each secret masked: a quotation of it ('Project Falcon')
    always, and with `quoted` off (file texts) every occurrence of two letters
    or more; in a message, a bare occurrence is masked only when it is no
    word of the message's own ("confidential marker 'confidential'")."""
    for secret in sorted(secrets, key=len, reverse=True):
        text = text.replace(f"'{secret}'", f"'{mask(secret)}'")
        if len(secret) > 1 and (not quoted or " " in secret or any(c.isdigit() for c in secret)):
            text = text.replace(secret, mask(secret))
    return text
