from notelint.analysis import timing
from notelint.core.model import Hit, Severity
from notelint.rule import Rule


class LateThankYou(Rule):
    """A thank-you note sent more than 48 hours after the interview.

    Why: a thank-you that arrives within two days shows interest while the
    interviewer still remembers you; after that, decisions are being made
    without it. An interview on a Friday may be thanked until Monday 12:00.
    The note is judged at its `sent` time (for an `.eml`, its Date header),
    else at `--now`. A date without a time means 00:00 for `sent` and 17:00
    (the end of the working day) for `interviewed_at`; times are compared
    in the application's `timezone` (interview.yaml, else the configuration,
    else the machine's), an `.eml` Date header converted into it. Applies to `kind: thank-you` notes of an
    application whose interview.yaml gives `interviewed_at`.

    Bad (interviewed_at: 2026-11-20T14:00, a Friday):

        sent: 2026-11-23T16:00

    Good:

        sent: 2026-11-23T09:00

    Options:

    - `hours` (default 48): how long after the interview a thank-you is on
      time (a Friday interview: until Monday 12:00 at the earliest).
    """

    slug = "late-thank-you"
    code = "NL401"
    severity = Severity.WARNING
    options = {"hours": timing.THANK_YOU_HOURS}

    def check(self, note, context):
        if note.kind != "thank-you":
            return
        policy = context.policy(self)
        interviewed = policy.interviewed_at(context.interview)
        if interviewed is None:
            return
        deadline = policy.thank_you_deadline(interviewed)
        sent = policy.sent_at(note)
        when = sent or policy.local(context.now)
        if when <= deadline:
            return
        after = timing.duration(when - interviewed)
        due = f"it was due by {timing.stamp(deadline)}"
        if sent is None:
            yield Hit(f"not sent yet, {after} after the interview; {due}")
        else:
            yield Hit(f"sent {after} after the interview; {due}")
