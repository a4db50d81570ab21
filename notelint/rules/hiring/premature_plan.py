import re
from pathlib import PurePath

from notelint.core.model import Hit, Severity
from notelint.rule import Rule

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n\s*\n")


class PrematurePlan(Rule):
    """A 30/60/90-day plan in a note after a first-round interview.

    Why: a first round decides whether you are worth a closer look; handing
    over a plan for your first three months presumes the job is yours and can
    read as over-stepping. Keep it for the second round or later, where it
    shows initiative. A plan counts when the text presents one ("my
    30/60/90-day plan", "a 90-day plan", "a plan for my first 90 days", or
    days 30, 60 and 90 laid out in turn) or an attachment is named like one
    (`30-60-90-day-plan.pdf`). Ideas for the first months without a plan are
    fine, and so is "your 90-day onboarding plan"; a mere offer to prepare
    one for a later round is info. Applies to every kind of note of an
    application whose interview.yaml says `round: 1` (the default).
    Patterns: `rules/plans.yaml`.

    Bad (round: 1):

        I have attached a 30/60/90-day plan for the Cardiac Step-Down Unit.

    Good:

        In my first months I would mostly listen to the charge nurses.

    Options: none.
    """

    slug = "premature-plan"
    code = "NL501"
    severity = Severity.WARNING

    def prepare(self, nlp, options, lists):
        def compiled(name):
            return [re.compile(p, re.IGNORECASE) for p in lists.get(name, ())]

        self.patterns = compiled("plan-patterns")
        self.attachments = compiled("plan-attachments")
        self.offers = compiled("plan-offers")
        self.delivered = compiled("plan-delivered")
        owners = "|".join(re.escape(o) for o in lists.get("plan-owners", ()))
        self.owner = (
            re.compile(rf"\b(?:{owners})\s+(?:[\w-]+\s+){{0,2}}$", re.IGNORECASE)
            if owners
            else None
        )

    def check(self, note, context):
        interview = context.interview
        if interview is None or interview.round != 1:
            return
        attached = [a for a in note.attachments if self._plan_file(a)]
        for name in attached:
            yield Hit(
                f"attachment '{name}' looks like a 30/60/90-day plan: after a first-round "
                "interview it over-steps; keep it for a later round"
            )
        for start, end in self._mentions(note.body):
            sentence = _sentence(note.body, start, end)
            offer = (
                not attached
                and any(p.search(sentence) for p in self.offers)
                and not any(p.search(sentence) for p in self.delivered)
            )
            if offer:
                yield Hit(
                    f"'{_short(note.body[start:end])}': offering a plan is fine, but keep "
                    "the plan itself for a later round",
                    start,
                    end,
                    severity=Severity.INFO,
                )
            else:
                yield Hit(
                    f"'{_short(note.body[start:end])}': a 30/60/90-day plan after a "
                    "first-round interview over-steps; keep it for a later round",
                    start,
                    end,
                )

    def _plan_file(self, name: str) -> bool:
        words = re.sub(r"[-_.\s]+", " ", PurePath(name).name.lower())
        return any(p.search(words) for p in self.attachments)

    def _mentions(self, text: str):
        """Non-overlapping spans that present a plan, first found first."""
        spans = []
        for pattern in self.patterns:
            for match in pattern.finditer(text):
                if self.owner is not None and self.owner.search(
                    text[max(0, match.start() - 60) : match.start()]
                ):
                    continue
                spans.append((match.start(), match.end()))
        taken = []
        for start, end in sorted(spans, key=lambda s: (s[0], -s[1])):
            if not any(s < end and start < e for s, e in taken):
                taken.append((start, end))
        return taken


def _sentence(text: str, start: int, end: int) -> str:
    begin = max((m.end() for m in _SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = _SENTENCE_END.search(text, end)
    return text[begin : stop.start() if stop else len(text)]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
