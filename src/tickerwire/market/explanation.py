"""'Why did it move': an Explanation record from a day's stored moves, drivers and verdicts.

Pure: the CLI gathers the articles, verdicts and conflicts from the store.

Drivers are the events that the articles' `price_move` events point to (`attributes.drivers`,
indices into the same article's events), grouped by category (the event type; financial metrics
and guidance count as earnings). They are ranked by how many independent sources give them
(articles of different near-duplicate groups: a rewrite is not a second witness), then by the
novelty of those articles when stories give one, then by event type (`CATEGORY_ORDER`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tickerwire.records import (
    Article,
    Conflict,
    Event,
    Explanation,
    ExplanationDriver,
    ExplanationMove,
    ExplanationSource,
    StoryClaim,
    Verification,
)

# Ties between equally attested drivers: company news before market-wide causes, since an
# explanation of a single listing's move is about what set it apart (the order follows how often
# each type was the stated cause of seed and FNSPID moves, company results first).
CATEGORY_ORDER = (
    "earnings",
    "product_launch",
    "analyst_view",
    "partnership",
    "acquisition",
    "investment_plan",
    "stake_change",
    "buyback",
    "dividend",
    "management",
    "legal",
    "regulation",
    "government_policy",
    "listing",
    "supply_chain",
    "sector",
    "macro",
)
# Weight added per unit of mean novelty: novelty only orders drivers given by as many sources.
NOVELTY_WEIGHT = 0.5


def driver_category(event_type: str) -> str:
    """CONTRACT.md: a driver's category is its event type, metrics and guidance are earnings."""
    return "earnings" if event_type in ("financial_metric", "guidance") else event_type


@dataclass(frozen=True)
class DayArticle:
    """An article reporting the listing's move on the day, with its near-duplicate group."""

    article: Article
    duplicate_group: str
    move_positions: tuple[int, ...]
    novelty: float | None = None


@dataclass
class _DriverTally:
    category: str
    summary: str
    evidence: str
    sources: list[str] = field(default_factory=list)
    groups: set[str] = field(default_factory=set)
    novelty: list[float] = field(default_factory=list)


def _summary(event: Event) -> str:
    a = event.attributes
    text = a.get("summary") or a.get("claim")
    if event.type == "financial_metric":
        segment = f" ({a['segment']})" if a.get("segment") else ""
        pct = a.get("change_pct")
        change = f" {pct:+g}%" if isinstance(pct, int | float) else ""
        text = f"{a.get('metric')}{segment}{change}"
    return str(text) if text else event.evidence.text


def _type_rank(category: str) -> int:
    return CATEGORY_ORDER.index(category) if category in CATEGORY_ORDER else len(CATEGORY_ORDER)


def rank_drivers(articles: Sequence[DayArticle]) -> list[ExplanationDriver]:
    """The drivers the day's moves point to, best attested first."""
    tallies: dict[str, _DriverTally] = {}
    for item in articles:
        events = item.article.events
        for move in item.move_positions:
            for index in events[move].attributes.get("drivers") or ():
                if not isinstance(index, int) or not 0 <= index < len(events):
                    continue
                cause = events[index]
                category = driver_category(cause.type)
                tally = tallies.setdefault(
                    category, _DriverTally(category, _summary(cause), cause.evidence.text)
                )
                if item.article.id not in tally.sources:
                    tally.sources.append(item.article.id)
                    if item.novelty is not None:
                        tally.novelty.append(item.novelty)
                tally.groups.add(item.duplicate_group)

    def weight(t: _DriverTally) -> float:
        novelty = sum(t.novelty) / len(t.novelty) if t.novelty else 0.0
        return len(t.groups) + NOVELTY_WEIGHT * novelty

    ranked = sorted(tallies.values(), key=lambda t: (-weight(t), _type_rank(t.category)))
    return [
        ExplanationDriver(
            category=t.category,
            summary=t.summary,
            evidence=t.evidence,
            sources=t.sources,
            weight=round(weight(t), 3),
        )
        for t in ranked
    ]


def explain_move(
    listing: str,
    date: dt.date,
    articles: Sequence[DayArticle],
    verifications: Sequence[Verification],
    conflicts: Sequence[Conflict] = (),
) -> Explanation:
    """The Explanation of `listing` on `date` from the articles that report its move."""
    claimed = [
        StoryClaim(
            article=item.article.id,
            change_pct=item.article.events[p].attributes.get("change_pct"),
        )
        for item in articles
        for p in item.move_positions
    ]
    own = [v for v in verifications if v.listing.upper() == listing.upper() and v.date == date]
    actual = next((v.actual_pct for v in own if v.actual_pct is not None), None)
    abnormal = next((v.abnormal_pct for v in own if v.abnormal_pct is not None), None)
    in_article = [c for item in articles for c in item.article.conflicts]
    return Explanation(
        listing=listing,
        date=date,
        move=ExplanationMove(claimed=claimed, actual_pct=actual, abnormal_pct=abnormal),
        drivers=rank_drivers(articles),
        conflicts=[*in_article, *conflicts],
        sources=[item.article.id for item in articles],
        verifications=list(own),
        source_details=[_source(item.article) for item in articles],
    )


def _source(article: Article) -> ExplanationSource:
    return ExplanationSource(
        article=article.id,
        source=article.source,
        url=article.url,
        title=article.title,
        published=article.published,
        published_at=article.published_at,
    )


def render_explanation(explanation: Explanation, titles: Mapping[str, str] | None = None) -> str:
    """The Explanation as text for a terminal."""
    titles = titles or {}
    move = explanation.move
    lines = [f"{explanation.listing} on {explanation.date}"]

    def pct(value: float | None, missing: str) -> str:
        return f"unknown ({missing})" if value is None else f"{value:+.2f}%"

    claims = ", ".join(
        f"{c.change_pct:+g}% ({c.article[:10]})" for c in move.claimed if c.change_pct is not None
    )
    lines.append(f"  claimed:  {claims or 'no article reports a move'}")
    lines.append(f"  actual:   {pct(move.actual_pct, 'no verdict with prices')} close to close")
    lines.append(
        f"  abnormal: {pct(move.abnormal_pct, 'no market index loaded')} "
        "(minus the market index's change)"
    )
    lines.append("drivers:")
    if not explanation.drivers:
        lines.append("  none given by the articles")
    for rank, driver in enumerate(explanation.drivers, start=1):
        lines.append(
            f"  {rank}. {driver.category}: {driver.summary} "
            f"(weight {driver.weight:g}; {len(driver.sources)} source(s))"
        )
        lines.append(f'     evidence: "{driver.evidence}"')
        lines.append(f"     sources:  {', '.join(s[:10] for s in driver.sources)}")
    lines.append("conflicts:")
    if not explanation.conflicts:
        lines.append("  none found")
    for conflict in explanation.conflicts:
        lines.append(f"  {conflict.field}: {conflict.why}")
        for value in conflict.values:
            shown = "" if isinstance(value.value, dict | list) else f"{value.value}: "
            where = f"{value.article[:10]}: " if value.article else ""
            lines.append(f'     {where}{shown}"{value.evidence}"')
    lines.append("verdicts:")
    if not explanation.verifications:
        lines.append("  none stored (run `tickerwire verify`)")
    for v in explanation.verifications:
        lines.append(f"  {v.verdict}: {v.article[:10]} claimed {v.claimed_pct:+g}%: {v.why}")
    lines.append("sources:")
    for source in explanation.sources:
        title = titles.get(source)
        lines.append(f"  {source[:10]}" + (f"  {title}" if title else ""))
    return "\n".join(lines)
