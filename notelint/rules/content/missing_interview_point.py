from notelint.analysis import specificity
from notelint.analysis.anatomy import has_content
from notelint.core.model import Hit, Severity
from notelint.rule import Rule


class MissingInterviewPoint(Rule):
    """A thank-you note that refers to none of the points discussed with its recipient.

    Why: the strongest thank-you note picks up a thread of the conversation
    it thanks for: it proves you listened and gives the reader a reason to
    remember you. The recipient's `points` in interview.yaml are compared
    with what the note says (greeting and signature set aside): shared
    content words on lemmas and stems, noun chunks and near-verbatim wording
    (rapidfuzz), and word vectors when the pipeline has them, so a paraphrase
    counts. Words every template uses, and the company's and the role's own
    words, never count as an echo. A warning when no point is echoed; info
    listing the points left out when only some are. Silent when the
    recipient is unknown or has no points (or only points made of template
    words, such as "the team culture"), and for notes other than
    `kind: thank-you` (a follow-up or a rejection reply need not revisit the
    interview).

    Bad (points: "usability testing with older users"):

        Thank you for meeting with me. I enjoyed our conversation and I am
        excited about the opportunity to join your design team.

    Good:

        Thank you for meeting with me. Your story about testing the checkout
        with users over seventy reminded me of the sessions I ran at a
        pension provider last year.

    Options:

    - `list_unmentioned` (default true): when some points are echoed, report
      the others as info.
    """

    slug = "missing-interview-point"
    code = "NL103"
    severity = Severity.WARNING
    requires = frozenset({"pos", "lemma", "dep", "ents"})
    options = {"list_unmentioned": True}

    def check(self, note, context):
        if not context.specificity.usable:
            return
        points = specificity.points_of(note.recipient)
        if note.kind != "thank-you" or not points or note.doc is None:
            return
        if not has_content(note):
            return  # a greeting or a signature alone: nothing to judge
        if not any(context.specificity.judgeable(p, context.interview) for p in points):
            return  # only template words ("the team culture"): nothing to look for
        echoed = context.specificity.echoes(note, points, context.interview)
        name = note.recipient.name
        if not echoed:
            listed = "; ".join(f"'{p}'" for p in points)
            yield Hit(
                f"the note mentions none of the points you discussed with {name}; "
                f"pick up one of them: {listed}"
            )
        elif len(echoed) < len(points) and context.options["list_unmentioned"]:
            missing = "; ".join(f"'{p}'" for p in points if p not in echoed)
            yield Hit(
                f"points discussed with {name} that the note does not mention: {missing}",
                severity=Severity.INFO,
            )
