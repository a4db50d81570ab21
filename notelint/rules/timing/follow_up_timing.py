from datetime import datetime, timedelta
from pathlib import Path

from notelint.analysis import timing
from notelint.core.model import Hit, Severity
from notelint.rule import Rule


class FollowUpTiming(Rule):
    """A follow-up sent too early, too late, or twice within a week.

    Why: a follow-up before they could have decided reads as pressure; one
    long after the promised date, with no word from them, lets the
    opportunity go cold. Applies to `kind: follow-up` notes:

    - with `decision_by`: too early when sent on or before the decision date;
      late when sent more than 48 hours after the decision date's end (00:00
      the day after; a date-time is its own end), unless an earlier
      follow-up already went to the same recipient;
    - without it: too early when sent less than 7 days after the thank-you
      to the same recipient (or the interview, when there is none);
    - two follow-ups to the same recipient less than 7 days apart: the later
      one is flagged.

    Each note is judged at its `sent` time, else at `--now`; times are
    compared as in `late-thank-you`.

    Bad (decision_by: 2026-12-04):

        kind: follow-up
        sent: 2026-12-02T09:00

    Good:

        kind: follow-up
        sent: 2026-12-05T09:00

    Options:

    - `days` (default 7): the least number of days between the thank-you (or
      interview) and a follow-up when no decision date was given, and between
      two follow-ups to one recipient.
    - `late_hours` (default 48): how long after the decision date's end a
      follow-up is still timely.
    """

    slug = "follow-up-timing"
    code = "NL402"
    scope = "application"
    severity = Severity.WARNING
    options = {"days": timing.FOLLOW_UP_DAYS, "late_hours": timing.FOLLOW_UP_LATE_HOURS}

    def check(self, note, context):
        if note.kind != "follow-up" or context.interview is None:
            return
        policy = context.policy(self)
        days = policy.follow_up_days
        now = lambda: context.now  # noqa: E731 - read only for a note not sent yet
        when = policy.reference(note, now)
        sent = "sent" if note.sent is not None else "not sent yet,"
        others = [
            (policy.reference(other, now), other)
            for other in context.application.others(note)
            if note.same_recipient(other)
        ]
        # Ordered by time, then path: of two follow-ups with one time (both
        # unsent, or sent together) only the later in that order is "second".
        earlier_follow_ups = sorted(
            (t, o.path, o)
            for t, o in others
            if o.kind == "follow-up" and (t, o.path) < (when, note.path)
        )
        thank_yous = [t for t, o in others if o.kind == "thank-you" and t <= when]
        window = policy.follow_up_window(context.interview, max(thank_yous, default=None))
        if window is not None and when < window.opens:
            yield Hit(_too_early(when, window, context.interview, sent, policy))
        elif (
            window is not None
            and window.closes is not None
            and when > window.closes
            and not earlier_follow_ups
        ):
            yield Hit(
                f"follow-up {sent} {timing.duration(when - window.opens)} after the promised "
                f"decision date passed; it was due by {timing.stamp(window.closes)}"
            )
        if earlier_follow_ups:
            previous, _, other = earlier_follow_ups[-1]
            if when - previous < timedelta(days=days):
                yield Hit(
                    f"second follow-up to the same person {timing.duration(when - previous)} "
                    f"after the one in {Path(other.path).name}; wait at least {days} days between them"
                )


def _too_early(when, window, interview, sent: str, policy) -> str:
    if window.after == "the decision date":
        promised = interview.decision_by
        if isinstance(promised, datetime):
            shown = timing.stamp(policy.local(promised))
        else:
            shown = promised.strftime("%a %Y-%m-%d")
        return (
            f"follow-up {sent} before the promised decision ({shown}) has passed; it reads "
            f"as pressure: send it from {timing.stamp(window.opens)}"
        )
    return (
        f"follow-up {sent} {timing.duration(when - window.since)} after {window.after}; "
        f"it reads as pressure: wait until {timing.stamp(window.opens)}"
    )
