"""Cross-source conflicts: one fact, different values, in the reports of one story.

A price-move story whose claimed changes cannot be the same figure rounded differently (9.18%
vs 15% for one listing and day), or that disagree on the direction; a metric story whose growth
rates or amounts (in one currency) disagree. Each conflict lists every distinct value with the
article and the evidence sentence that states it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from tickerwire.cluster.stories import BuiltStory, StoryMember, percentages_agree
from tickerwire.records import Conflict, ConflictValue

# A report written while the market is open gives the move so far, so two reports of one
# session can differ without either being wrong. Session moves conflict only when they differ by
# more than a fifth of the larger one: on the FNSPID sample most same-day pairs of US moves differ
# by less (a midday figure against the close), while 9.18% vs 15% (a 39% gap) is a real dispute.
SESSION_DRIFT = 0.2
# Moves before the open, during the day or after the close are snapshots of a running figure:
# different values are different moments, not a contradiction.
CONFLICTING_MOVE_PERIODS = frozenset({"session", "since"})
# A metric report without a stated period end is grouped by publication window; only statements
# the extractor is sure of (0.75: a figure with its metric named in the same clause) can be held
# against each other, so that a context sentence about another period raises no conflict.
OPEN_PERIOD_MIN_CONFIDENCE = 0.75
# Wire services update one story through the day ("Boeing rose 3.6%" at noon, "rose 5.8%" at the
# close) and outlets print each version: two claims whose sentences share this share of their
# words (figures left out) are versions of one report, not two sources. 0.6 joins such versions
# on the FNSPID sample and keeps apart different outlets' sentences about one move.
SAME_REPORT_WORDS = 0.6
# Amounts are often rounded to three significant figures (33.4bn for 33.38bn, ~0.1%) or to two
# (1.5bn for 1.54bn, ~3%); beyond 3% two amounts of one metric are different figures.
AMOUNT_TOLERANCE = 0.03


def _evidence(member: StoryMember) -> str:
    return member.report.event.evidence.text


def _clusters(members: Sequence[StoryMember], value: str, agree: object) -> list[list[StoryMember]]:
    """Members grouped by agreeing values (each joins the first cluster whose first agrees)."""
    clusters: list[list[StoryMember]] = []
    for member in members:
        figure = member.report.event.attributes.get(value)
        if not isinstance(figure, int | float):
            continue
        for cluster in clusters:
            head = cluster[0].report.event.attributes[value]
            if agree(float(figure), float(head), member, cluster[0]):  # type: ignore[operator]
                cluster.append(member)
                break
        else:
            clusters.append([member])
    return clusters


def _conflict(
    built: BuiltStory, field: str, clusters: list[list[StoryMember]], why: str
) -> Conflict:
    values = [
        ConflictValue(
            article=m.report.article,
            value=m.report.event.attributes.get(field),
            evidence=_evidence(m),
        )
        for cluster in clusters
        for m in cluster
    ]
    return Conflict(
        story=built.story.id, entity=built.story.entity, field=field, values=values, why=why
    )


def _describe(story: BuiltStory) -> str:
    s = story.story
    if s.type == "price_move":
        return f"{s.listing} {s.period or ''} move on {s.date}".replace("  ", " ")
    segment = f" ({s.segment})" if s.segment else ""
    period = s.date.isoformat() if s.date else (s.period or f"reports from {s.first_seen}")
    return f"{s.entity} {s.metric}{segment} for {period}"


def _words(text: str) -> set[str]:
    return {w for w in text.casefold().split() if not any(c.isdigit() for c in w)}


def same_report(a: str, b: str) -> bool:
    """Whether two evidence sentences are versions of one report (figures aside)."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= SAME_REPORT_WORDS


def _pct_agree(a: float, b: float, ma: StoryMember, mb: StoryMember) -> bool:
    approximate = bool(
        ma.report.event.attributes.get("approximate")
        or mb.report.event.attributes.get("approximate")
    )
    if (a >= 0) != (b >= 0):
        return False
    if ma.report.event.type == "price_move" and same_report(_evidence(ma), _evidence(mb)):
        return True
    if ma.report.event.type == "price_move" and abs(a - b) <= SESSION_DRIFT * max(abs(a), abs(b)):
        return True
    return percentages_agree(abs(a), abs(b), approximate)


def _comparable(story: BuiltStory) -> list[StoryMember]:
    """The members whose figures may be held against each other (see the constants above)."""
    s = story.story
    if s.type == "price_move" and s.period not in CONFLICTING_MOVE_PERIODS:
        return []
    if s.type == "financial_metric" and s.date is None:
        if s.segment is None:
            # Without a segment or a period end, a figure about a region or a product line that
            # the text left unattributed would be held against the company's total.
            return []
        return [m for m in story.members if m.report.event.confidence >= OPEN_PERIOD_MIN_CONFIDENCE]
    return list(story.members)


def _amount_agree(a: float, b: float, ma: StoryMember, mb: StoryMember) -> bool:
    if ma.report.event.attributes.get("currency") != mb.report.event.attributes.get("currency"):
        return True  # not comparable here (a conversion is checked within its article)
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b))


def story_conflicts(story: BuiltStory) -> list[Conflict]:
    """The disagreements between the reports of one story (empty when they agree)."""
    found: list[Conflict] = []
    members = _comparable(story)
    clusters = _clusters(members, "change_pct", _pct_agree)
    if len(clusters) > 1:
        figures = " vs ".join(f"{c[0].report.event.attributes['change_pct']:+g}%" for c in clusters)
        found.append(
            _conflict(
                story,
                "change_pct",
                clusters,
                f"sources disagree on the change of the {_describe(story)}: {figures} "
                "(more than rounding apart)",
            )
        )
    if story.story.type == "financial_metric":
        clusters = _clusters(members, "value", _amount_agree)
        if len(clusters) > 1:
            found.append(
                _conflict(
                    story,
                    "value",
                    clusters,
                    f"sources give different amounts for the {_describe(story)} "
                    f"(more than {AMOUNT_TOLERANCE:.0%} apart)",
                )
            )
    return found


def cross_source_conflicts(stories: Iterable[BuiltStory]) -> list[Conflict]:
    """Conflicts of every story that has reports from more than one article."""
    return [c for story in stories if len(story.members) > 1 for c in story_conflicts(story)]
