"""Bad input is a precise `unreadable-input` finding on that file, with its
line; every other file is still linted."""

from __future__ import annotations

import sys

import pytest

GOOD_INTERVIEW = """
company: Acme Robotics
round: 1
interviewed_at: 2026-11-20T14:00
interviewers:
  - name: Maria Gonzalez
    role: hiring-manager
"""
GOOD_NOTE = "---\nto: Maria Gonzalez\n---\nDear Maria,\n\nThank you.\n"


def problems(lint, files, **config):
    findings = lint(files, select=("unreadable-input",), **config)
    return [(f.path.rsplit("/", 1)[-1], f.line, f.message) for f in findings]


@pytest.mark.parametrize(
    "interview, line, fragment",
    [
        (
            GOOD_INTERVIEW.replace("role: hiring-manager", "role: hiring manger"),
            6,
            "interviewers[0].role: 'hiring manger' is not a role; did you mean 'hiring-manager'?",
        ),
        (GOOD_INTERVIEW + "compnay: Acme\n", 7, "unknown key 'compnay'; did you mean 'company'?"),
        (GOOD_INTERVIEW.replace("company: Acme Robotics\n", ""), 1, "'company' is required"),
        (
            GOOD_INTERVIEW.replace("2026-11-20T14:00", "2026-02-30"),
            3,
            "interviewed_at: '2026-02-30' is not a date",
        ),
        (
            GOOD_INTERVIEW.replace("round: 1", "round: first"),
            2,
            "round: 'first' is not a round number",
        ),
        (GOOD_INTERVIEW + "  - title: CTO\n", 7, "'name' is required"),
        ("- just\n- a list\n", 1, "interview.yaml must be a mapping"),
        ("company: [unclosed\n", 2, "expected ',' or ']'"),
        (
            "company: !!python/object/apply:os.system [echo hi]\n",
            1,
            "could not determine a constructor",
        ),
    ],
)
def test_bad_interview_yaml(lint, interview, line, fragment):
    found = problems(lint, {"app/interview.yaml": interview, "app/maria.md": GOOD_NOTE})
    assert len(found) == 1
    name, got_line, message = found[0]
    assert (name, got_line) == ("interview.yaml", line)
    assert fragment in message


@pytest.mark.parametrize(
    "note, line, fragment",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00binary", 3, "binary file, not text (NUL byte at line 3)"),
        ("Dear Maria,\ncaf\xe9\n".encode("latin-1"), 2, "not UTF-8 text: byte 0xe9 at line 2"),
        (b"---\nto: Maria Gonzalez\nDear Maria,\n", 1, "never closed"),
        (b"---\n- a\n- b\n---\nHi\n", 1, "front matter must be a mapping"),
        (b"---\nto: Maria Gonzalez\n\tsent: x\n---\nHi\n", 3, "tab"),
        (
            b"---\nto: Maria Gonzalez\nsnet: 2026-11-21\n---\nHi\n",
            3,
            "unknown key 'snet'; did you mean 'sent'?",
        ),
        (b"---\nto: Maria Gonzalez\nkind: thankyou\n---\nHi\n", 3, "did you mean 'thank-you'?"),
        (
            b"---\nto: Maria Gonzalez\nsent: 2026-13-01\n---\nHi\n",
            3,
            "sent: '2026-13-01' is not a date",
        ),
        (b"---\nto: Marla Gonzales\n---\nHi\n", 2, "to: 'Marla Gonzales' is not an interviewer"),
        (b"This is not an e-mail at all.\n", 1, "not an e-mail"),
    ],
)
def test_bad_note_next_to_good_ones(lint, note, line, fragment):
    name = "bad.eml" if b"not an e-mail" in note else "bad.md"
    files = {"app/interview.yaml": GOOD_INTERVIEW, "app/maria.md": GOOD_NOTE, f"app/{name}": note}
    found = problems(lint, files)
    assert [(n, at) for n, at, _ in found] == [(name, line)], found
    assert fragment in found[0][2]


def test_an_empty_note_is_a_finding_not_silence(lint):
    """An empty file, front matter alone, a body of a comment only and an
    e-mail without text: each is "empty", at the line where its body starts."""
    files = {
        "empty.md": b"",
        "only.md": b"---\nkind: follow-up\n---\n",
        "comment.md": b"<!-- write to Maria -->\n\n",
        "blank.eml": b"To: Maria <m@acme.example>\nSubject: Thanks\n\n\n",
        "real.md": b"Dear Maria, thank you for the tour.\n",
    }
    found = problems(lint, files)
    assert sorted((name, line) for name, line, _ in found) == [
        ("blank.eml", 4),
        ("comment.md", 1),
        ("empty.md", 1),
        ("only.md", 4),
    ]
    assert all(message == "this note is empty: nothing to check" for *_, message in found)


def test_file_over_the_size_limit(lint):
    found = problems(lint, {"big.md": "x" * 2_000})
    assert found == []
    findings = lint({"big.md": "x" * 2_000}, select=("unreadable-input",), max_file_size=1_000)
    assert "over the limit of 1,000" in findings[0].message


def test_yaml_alias_bomb_is_refused_quickly(lint):
    bomb = "company: Acme\na: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"b{i}: &b{i} [*{'a' if i == 0 else f'b{i - 1}'}, *{'a' if i == 0 else f'b{i - 1}'}]\n"
        for i in range(80)
    )
    found = problems(lint, {"app/interview.yaml": bomb, "app/maria.md": GOOD_NOTE})
    assert found and "aliases" in found[0][2]


def test_deeply_nested_yaml(lint):
    deep = "company: " + "[" * 500 + "]" * 500 + "\n"
    found = problems(lint, {"app/interview.yaml": deep})
    assert found and "nested deeper" in found[0][2]


def test_symlink_loop_is_not_followed(lint, tmp_path):
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "loop").symlink_to(tmp_path / "app", target_is_directory=True)
    assert problems(lint, {"app/maria.md": GOOD_NOTE}) == []


def test_unreadable_file(lint, monkeypatch):
    from pathlib import Path

    read_bytes = Path.read_bytes

    def refuse(path):  # as for a file without read permission (root reads every file)
        if path.name == "secret.md":
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    found = problems(lint, {"secret.md": "Hi", "other.md": "Hello"})
    assert found == [("secret.md", 1, "cannot read: Permission denied")]


def test_utf16_is_read(lint):
    note = GOOD_NOTE.encode("utf-16")
    assert problems(lint, {"app/interview.yaml": GOOD_INTERVIEW, "app/maria.md": note}) == []


def test_nested_interviews_govern_their_own_folders(tmp_path):
    from notelint.inputs.sources import load
    from tests.conftest import write

    write(
        tmp_path,
        {
            "a/interview.yaml": "company: Alpha\ninterviewers: [{name: Ann Lee}]\n",
            "a/ann-lee.md": "Hi Ann\n",
            "a/b/interview.yaml": "company: Beta\ninterviewers: [{name: Bo Chan}]\n",
            "a/b/bo.md": "---\nto: bo chan\n---\nHi Bo\n",
        },
    )
    loaded = load([str(tmp_path)])
    companies = {
        a.interview.company: [(n.path.rsplit("/", 1)[-1], n.recipient.name) for n in a.notes]
        for a in loaded.applications
    }
    assert companies == {"Alpha": [("ann-lee.md", "Ann Lee")], "Beta": [("bo.md", "Bo Chan")]}


def test_a_million_character_line_is_refused_not_parsed(lint):
    found = problems(lint, {"long.md": "Dear Maria, " + "a" * 999_000 + "\n", "ok.md": "Hi\n"})
    assert found == [
        (
            "long.md",
            1,
            "the note is 999,013 characters long, over the limit of 200,000 (option max_note_chars)",
        )
    ]


def test_the_note_length_limit_is_an_option(lint):
    long_note = "Dear Maria,\n\n" + "Thank you for the tour of the lab. " * 600
    assert problems(lint, {"long.md": long_note}) == []  # 21,000 characters
    (found,) = problems(lint, {"long.md": long_note}, max_note_chars=20_000)
    assert "over the limit of 20,000 (option max_note_chars)" in found[2]


def test_two_notes_to_the_same_recipient_are_both_linted(lint):
    second = GOOD_NOTE.replace("Thank you.", "Following up on our talk.")
    findings = lint(
        {"app/interview.yaml": GOOD_INTERVIEW, "app/maria.md": GOOD_NOTE, "app/maria-2.md": second}
    )
    assert not [f for f in findings if f.rule == "unreadable-input"]


REPLY = (
    "To: Sam Lee <sam@acme.example>\nSubject: Re: Your application\n"
    "Date: Tue, 03 Mar 2026 10:00:00 +0000\nX-Notelint-Kind: rejection-reply\n\n"
    "Dear Sam,\n\nThank you for letting me know, and for your time. Please keep me in mind\n"
    "for future roles.\n\nBest,\nJo\n\n"
    "On Tue, 3 Mar 2026 at 10:12, Sam Lee <sam@acme.example>\nwrote:\n"
    "> Unfortunately we went with Jane Roe!!! I think you made a mistake applying.\n"
)


def test_the_message_an_email_replies_to_is_not_linted(lint):
    from notelint.inputs.notes import parse_note

    note = parse_note("reply.eml", REPLY.encode())
    assert note.kind == "rejection-reply"
    assert "Unfortunately" not in note.body and "wrote" not in note.body
    assert len(note.body) == len(note.text) - note.body_start  # offsets kept
    interview = "company: Acme\ninterviewers:\n  - name: Sam Lee\n    email: sam@acme.example\n"
    findings = lint({"app/interview.yaml": interview, "app/reply.eml": REPLY})
    assert [f for f in findings if f.severity != "info"] == []


def test_an_interview_named_alone_brings_the_notes_it_governs(tmp_path):
    from notelint.inputs.sources import load
    from tests.conftest import write

    write(
        tmp_path,
        {
            "app/interview.yaml": GOOD_INTERVIEW,
            "app/maria.md": GOOD_NOTE,
            "app/nested/interview.yaml": "company: Other\ninterviewers: [{name: Bo Chan}]\n",
            "app/nested/bo.md": "Hi Bo\n",
        },
    )
    loaded = load([str(tmp_path / "app" / "interview.yaml")])
    assert {p.rsplit("/", 1)[-1] for p in loaded.reported} == {"maria.md"}


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_symlinked_note_belongs_to_the_folder_it_is_linked_into(tmp_path):
    from notelint.inputs.sources import load
    from tests.conftest import write

    write(
        tmp_path,
        {
            "alpha/interview.yaml": "company: Alpha\ninterviewers: [{name: Ann Lee}]\n",
            "alpha/ann.md": "---\nto: Ann Lee\n---\nHi Ann, thanks.\n",
            "beta/interview.yaml": "company: Beta\ninterviewers: [{name: Ann Lee}]\n",
        },
    )
    (tmp_path / "beta" / "ann.md").symlink_to(tmp_path / "alpha" / "ann.md")
    loaded = load([str(tmp_path)])
    notes = {
        a.interview.company: [n.path.rsplit("/", 2)[-2] for n in a.notes]
        for a in loaded.applications
    }
    assert notes == {"Alpha": ["alpha"], "Beta": ["beta"]}


def test_a_note_of_more_words_than_its_length_allows_is_refused_before_parsing(lint):
    """'a a a ...' under the character limit would still cost gigabytes to
    parse: the words are capped at max_note_chars / 5."""
    (found,) = problems(lint, {"many.md": "Dear Maria,\n\n" + "a " * 4_100}, max_note_chars=20_000)
    assert "the note has 4,103 words and marks, over the 4,000 that notelint parses" in found[2]
    assert problems(lint, {"prose.md": "Dear Maria,\n\n" + "Thank you, truly. " * 600}) == []
