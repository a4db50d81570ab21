from notelint.core.model import Severity
from notelint.rule import Rule


class UnreadableInput(Rule):
    """A note or interview file that cannot be read or parsed.

    Why: a note notelint cannot read is a note nobody checked. A binary or
    non-UTF-8 file, broken front matter, an impossible date, an unknown key
    in interview.yaml (a typo must not silently switch a check off), a
    recipient who is not an interviewer, an empty note, or a note the rules
    ran out of time on is reported on that file, with its line, and every
    other file is still linted.

    Bad (interview.yaml):

        interviewers:
          - name: Maria Gonzalez
            role: hiring manger

    Good:

        interviewers:
          - name: Maria Gonzalez
            role: hiring-manager

    Options: none. In the configuration, `max_file_size` (bytes) and
    `max_note_chars` (characters) set the size over which a file or a note
    is refused, and `note_timeout` (seconds) the time the rules may take on
    one note.
    """

    slug = "unreadable-input"
    code = "NL001"
    severity = Severity.ERROR

    def check(self, note, context):
        return ()  # the loader reports these; see engine._unreadable
