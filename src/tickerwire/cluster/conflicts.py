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


def _pct_agree(a: float, b: float, ma: StoryMember, mb: StoryMember) -> bool:
    approximate = bool(
        ma.report.event.attributes.get("approximate")
        or mb.report.event.attributes.get("approximate")
    )
    return percentages_agree(abs(a), abs(b), approximate) and (a >= 0) == (b >= 0)


def _amount_agree(a: float, b: float, ma: StoryMember, mb: StoryMember) -> bool:
    if ma.report.event.attributes.get("currency") != mb.report.event.attributes.get("currency"):
        return True  # not comparable here (a conversion is checked within its article)
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b))


def story_conflicts(story: BuiltStory) -> list[Conflict]:
    """The disagreements between the reports of one story (empty when they agree)."""
    found: list[Conflict] = []
    clusters = _clusters(story.members, "change_pct", _pct_agree)
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
        clusters = _clusters(story.members, "value", _amount_agree)
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
