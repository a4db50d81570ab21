"""The keys of `interview.yaml` and of the configuration, declared once: what
each holds, its choices and what it means. The validators
(`inputs/interview.py`, `config.py`), the JSON Schemas editors read
(`inputs/jsonschemas.py`) and the comments `notelint init` writes all come
from here, so none of them can know a key the others do not."""

from __future__ import annotations

from dataclasses import dataclass

from notelint.core.model import ROLES, Severity

# What a key holds. Interview files: text, texts (one or a list), when (a
# date or date-time), round, zone (IANA), choice, people (the interviewers).
# Configuration: names (a list, or a comma string), folders, severity,
# choice, text, count (a positive whole number), cores (0 or more: 0 is one
# per core), folder, zone, settings (rule -> its options), patterns
# (gitignore-style), ignores (pattern -> rules), flag (true or false), file.
KINDS = frozenset(
    {"text", "texts", "when", "round", "zone", "choice", "people", "names", "folders"}
    | {"severity", "count", "cores", "folder", "settings", "patterns", "ignores", "flag", "file"}
)


@dataclass(frozen=True)
class Key:
    name: str
    kind: str
    description: str
    required: bool = False
    choices: tuple[str, ...] = ()
    choice_descriptions: tuple[str, ...] = ()  # one per choice, in order
    default: object = None  # what an absent key means (None: nothing)

    def __post_init__(self) -> None:
        assert self.kind in KINDS, self.kind
        assert not self.choice_descriptions or len(self.choice_descriptions) == len(self.choices)


ROLE_DESCRIPTIONS = (
    "the person you would report to: their note should be the most detailed",
    "the hiring manager's own manager",
    "human resources (benefits, offer, process)",
    "a future teammate",
    "someone from another team you would work with",
    "the recruiter who set up the interview",
    "anyone else (the default)",
)
assert len(ROLE_DESCRIPTIONS) == len(ROLES)

INTERVIEWER = (
    Key("name", "text", "their name as they write it (the name notes are checked against)", True),
    Key("title", "text", "their job title (a misspelled title in a note is flagged)"),
    Key(
        "role",
        "choice",
        "what they are to the job (it decides which note must be the most detailed)",
        choices=ROLES,
        choice_descriptions=ROLE_DESCRIPTIONS,
        default="other",
    ),
    Key("email", "text", "their e-mail address (an .eml note's To: is matched by it)"),
    Key("points", "texts", "what you discussed with this person: each note should echo one"),
)

INTERVIEW = (
    Key("company", "text", "the company you interviewed with", True),
    Key("role", "text", "the job you applied for"),
    Key(
        "round",
        "round",
        "the interview round: 1, 2, 3 ... (30/60/90-day plans wait for 2)",
        default=1,
    ),
    Key("interviewed_at", "when", "when the interview was: a date or a date-time, in `timezone`"),
    Key("decision_by", "when", "the date they said they would decide by (follow-ups wait for it)"),
    Key("timezone", "zone", "the IANA time zone of the times above (e.g. Europe/London)"),
    Key("current_employer", "text", "your current employer (its internals stay out of notes)"),
    Key("confidential", "texts", "terms that must never leave the house: masked in every output"),
    Key("values", "texts", "the culture and mission words you heard"),
    Key("interviewers", "people", "everyone you met"),
)

FORMATS = ("text", "json", "sarif", "github", "rdjson", "junit", "gitlab", "html")
SEVERITIES = tuple(s.value for s in Severity)

CONFIG = (
    Key(
        "select",
        "names",
        "only these rules (slugs, codes or code prefixes such as NL6); empty: all",
    ),
    Key("ignore", "names", "skip these rules (slugs, codes or code prefixes)"),
    Key(
        "per_file_ignores",
        "ignores",
        "gitignore-style patterns (relative to this file) -> the rules switched off for those files",
    ),
    Key("fail_on", "severity", "the lowest severity that fails the run", choices=SEVERITIES),
    Key(
        "min_severity",
        "severity",
        "report nothing below this severity (not shown, not counted, never failing)",
        choices=SEVERITIES,
    ),
    Key("format", "choice", "the output format", choices=FORMATS),
    Key("model", "text", "an installed spaCy pipeline, or 'blank'"),
    Key("rule_packs", "folders", "folders of YAML rule packs (house rules)"),
    Key("exclude", "patterns", "gitignore-style patterns of files and folders to skip"),
    Key("respect_gitignore", "flag", "leave out what .gitignore files leave out", default=True),
    Key(
        "force_exclude",
        "flag",
        "apply exclude and .gitignore to files named on the command line too",
        default=False,
    ),
    Key("max_file_size", "count", "bytes; larger files are refused"),
    Key("max_note_chars", "count", "characters; a longer note is refused before it is read"),
    Key("note_timeout", "count", "seconds the rules may take on one note"),
    Key("jobs", "cores", "processes that check applications side by side (0: one per core)"),
    Key("cache_dir", "folder", "where results and parses are cached (default .notelint_cache)"),
    Key("timezone", "zone", "the IANA time zone of times written without one"),
    Key("rules", "settings", "per rule (slug): its severity and options"),
)


# Read from a configuration file but no setting of its own: the file whose
# settings this one's go on top of.
EXTEND = Key("extend", "file", "another configuration file to inherit, relative to this one")


def names(keys: tuple[Key, ...]) -> tuple[str, ...]:
    return tuple(key.name for key in keys)


def by_name(keys: tuple[Key, ...]) -> dict[str, Key]:
    return {key.name: key for key in keys}
