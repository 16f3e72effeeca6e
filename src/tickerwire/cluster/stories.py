"""Stories: the reports of one event grouped across sources, with consensus and novelty.

A pure function of stored reports (`Report`: an event with the article it came from). Two kinds:

- price-move stories: one listing, one entity, one period kind (`session`, `intraday`, ...),
  one trading day. The day is the event's own `date` (the extractor already dates a session move
  told without day words to the listing's last trading day on or before publication, with lower
  confidence). Moves of different days never share a story, whatever their figures. A move with
  no date joins a story only through near-duplicate text: when its article shares a
  `duplicate_group` with a member of exactly one story of that listing and period, and its
  figure agrees with that member's; otherwise it is left out (precision first).
- metric stories: one entity, metric, segment and reporting period. The period is the event's
  `period_end` when known, and then reports of it share a story only when published in one
  window of `CLOSED_PERIOD_WINDOW_DAYS` (the first begins `CLOSED_PERIOD_LEAD_DAYS` before the
  period end, see `closed_period_window`); a report of the same figure years later (a
  retrospective, a copy) is another story. Reports without one (a press piece saying "cloud
  revenue grew 26%") are grouped when published within `OPEN_PERIOD_WINDOW_DAYS` of the story's
  first report and their period words, when both have some, are the same. Estimates and
  forecasts are not facts about a period, so they form no story.

Novelty (in the spirit of RavenPack's Event Novelty Score, which gives the first story about an
event 100 and similar later stories a decaying score): for the article at rank k (0 = first
report) novelty = NOVELTY_DECAY ** k, and a report whose text is a near-duplicate of an earlier
member (same duplicate_group) is multiplied once more by NEAR_DUPLICATE_FACTOR.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tickerwire.records import Event, Story, StoryClaim

# 0.75 per earlier report: RavenPack's published ENS ladder (100, 75, 56, 42, 31, ...) is this
# geometric decay; we keep it so scores read the same way.
NOVELTY_DECAY = 0.75
# A mirror or light rewrite of an earlier report tells a reader nothing new: half again.
NEAR_DUPLICATE_FACTOR = 0.5
# Results coverage of one release lands within days of it; a week keeps two different quarters
# (about 90 days apart) well apart while catching late write-ups.
OPEN_PERIOD_WINDOW_DAYS = 7
# Reports of a closed-period figure (Q3 revenue) come with the results, published within weeks of
# the period's end (US filers have 40-45 days for a quarterly report, 60-90 for an annual one),
# and their coverage follows within days; a company may pre-announce in the last weeks of the
# period. So the results story of a period takes the reports published from two weeks before its
# end to 120 days after it (106 days past the end: an annual report filed on day 90 and two weeks
# of write-ups). Later reports of the same figure (a look back, "revenue grew 26% in Q3 last
# year", or a copy republished years on) are other stories, one per further window of 120 days.
# Fixed windows anchored on the period end (not on a story's first report) keep the rule local:
# which story a report joins depends on its own dates only, so a batch rebuilds the stories of
# its windows from the reports published in them, however many years of reports the figure has.
CLOSED_PERIOD_LEAD_DAYS = 14
CLOSED_PERIOD_WINDOW_DAYS = 120
# Moves for which a story is one trading day (longer periods also need the same `since`).
DAY_PERIODS = frozenset({"session", "intraday", "premarket", "after_hours"})
# Fact levels of statements that are not facts about what happened (no story is made of them).
NOT_FACT_LEVELS = frozenset({"forecast", "opinion"})
# The event types stories are made of.
STORY_EVENT_TYPES: tuple[str, ...] = ("price_move", "financial_metric")


@dataclass(frozen=True)
class Report:
    """One stored event and what grouping needs to know of its article."""

    article: str
    position: int
    event: Event
    published: dt.date | None
    order: int  # ingest order of the article (storage sequence)
    duplicate_group: str | None = None
    entity_tickers: tuple[str, ...] = ()


@dataclass(frozen=True)
class StoryMember:
    """One article's report in a story: its rank (0 = first report) and novelty."""

    report: Report
    rank: int
    novelty: float


@dataclass(frozen=True)
class BuiltStory:
    """A Story record with its members (for storage and for conflict finding).

    `grouped`: for an open-period metric story, every report grouped into it (members keep one
    per article); a later incremental rebuild restarts the grouping from these (see
    `metric_stories`' `open_seeds`).
    """

    story: Story
    members: tuple[StoryMember, ...]
    tickers: tuple[str, ...]
    grouped: tuple[Report, ...] = ()


def story_id(*parts: object) -> str:
    """Stable id: a hash of what defines the story."""
    text = "\x1f".join("" if p is None else str(p) for p in parts)
    return "s" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:19]


def closed_period_window(period_end: dt.date, published: dt.date | None) -> int:
    """Which publication window of a closed period a report falls in: 0 for the results
    window (from CLOSED_PERIOD_LEAD_DAYS before the period end; an undated report is counted
    there, its period being all that dates it), 1, 2, ... for later ones, negative for earlier.

    >>> end = dt.date(2025, 6, 30)
    >>> [closed_period_window(end, dt.date.fromisoformat(d)) for d in ("2025-06-16", "2025-10-13",
    ...  "2025-10-14", "2025-06-15")]
    [0, 0, 1, -1]
    """
    if published is None:
        return 0
    return ((published - period_end).days + CLOSED_PERIOD_LEAD_DAYS) // CLOSED_PERIOD_WINDOW_DAYS


def closed_window_days(period_end: dt.date, window: int) -> tuple[dt.date, dt.date]:
    """The first and last publication day of a closed period's `window`."""
    first = period_end + dt.timedelta(
        days=window * CLOSED_PERIOD_WINDOW_DAYS - CLOSED_PERIOD_LEAD_DAYS
    )
    return first, first + dt.timedelta(days=CLOSED_PERIOD_WINDOW_DAYS - 1)


def closed_story_id(
    entity: object, metric: object, segment: object, period_end: str, window: int
) -> str:
    """The id of a closed-period metric story (the results window keeps the id it had before
    windows existed)."""
    if window == 0:
        return story_id("financial_metric", entity, metric, segment, period_end)
    return story_id("financial_metric", entity, metric, segment, period_end, f"window {window}")


def _chronological(report: Report) -> tuple[int, dt.date, int, int]:
    # Publication date first, undated articles last, then ingest order.
    published = report.published or dt.date.max
    return (report.published is None, published, report.order, report.position)


def _is_fact(event: Event) -> bool:
    return event.attributes.get("fact_level") not in NOT_FACT_LEVELS


def _pct(event: Event) -> float | None:
    value = event.attributes.get("change_pct")
    return float(value) if isinstance(value, int | float) else None


def _decimals(value: float) -> int:
    text = f"{value:.6f}".rstrip("0")
    return len(text.split(".")[1]) if "." in text else 0


def percentages_agree(a: float, b: float, approximate: bool = False) -> bool:
    """Whether two stated percentages can be the same figure rounded differently.

    19 and 19.4 agree (19.4 rounds to 19); 9.18 and 15 do not. An approximate figure ("about
    20%") is given a point, or a tenth of its size, either side.
    """
    tolerance = 0.5 * 10 ** -min(_decimals(a), _decimals(b)) + 1e-9
    if approximate:
        tolerance = max(tolerance, 1.0, 0.1 * max(abs(a), abs(b)))
    return abs(a - b) <= tolerance


def _members(reports: Sequence[Report]) -> tuple[StoryMember, ...]:
    """One report per article, first report first, with novelty (see module docstring)."""
    chosen: dict[str, Report] = {}
    for report in sorted(reports, key=_chronological):
        best = chosen.get(report.article)
        # An article telling the move twice counts once: its most confident statement.
        if best is None or report.event.confidence > best.event.confidence:
            chosen[report.article] = report
    ordered = sorted(chosen.values(), key=_chronological)
    members: list[StoryMember] = []
    groups_seen: set[str] = set()
    for rank, report in enumerate(ordered):
        novelty = NOVELTY_DECAY**rank
        if report.duplicate_group and report.duplicate_group in groups_seen:
            novelty *= NEAR_DUPLICATE_FACTOR
        if report.duplicate_group:
            groups_seen.add(report.duplicate_group)
        members.append(StoryMember(report, rank, round(novelty, 4)))
    return tuple(members)


def _story(
    identifier: str,
    event_type: str,
    entity: str | None,
    listing: str | None,
    date: dt.date | None,
    members: tuple[StoryMember, ...],
    tickers: Iterable[str],
    *,
    period: str | None = None,
    metric: str | None = None,
    segment: str | None = None,
    grouped: tuple[Report, ...] = (),
) -> BuiltStory:
    claims = [
        StoryClaim(article=m.report.article, change_pct=_pct(m.report.event)) for m in members
    ]
    figures = [c.change_pct for c in claims if c.change_pct is not None]
    return BuiltStory(
        story=Story(
            id=identifier,
            type=event_type,
            entity=entity,
            listing=listing,
            date=date,
            articles=[m.report.article for m in members],
            first_seen=members[0].report.published,
            claims=claims,
            consensus_pct=round(statistics.median(figures), 4) if figures else None,
            novelty={m.report.article: m.novelty for m in members},
            period=period,
            metric=metric,
            segment=segment,
        ),
        members=members,
        tickers=tuple(dict.fromkeys(tickers)),
        grouped=grouped,
    )


# -- price moves ---------------------------------------------------------------------------------


def _move_key(report: Report) -> tuple[str | None, str, str, str | None]:
    a = report.event.attributes
    since = a.get("since")
    return (report.event.entity, str(a["listing"]), str(a.get("period")), since and str(since))


def price_move_stories(reports: Iterable[Report]) -> list[BuiltStory]:
    """Group price-move reports into stories: same entity, listing, period and trading day."""
    dated: dict[tuple[object, ...], list[Report]] = {}
    undated: list[Report] = []
    for report in sorted(reports, key=_chronological):
        event = report.event
        a = event.attributes
        if event.type != "price_move" or not a.get("listing") or _pct(event) is None:
            continue
        if not _is_fact(event):
            continue
        if a.get("period") not in DAY_PERIODS and a.get("period") != "since":
            # Weeks, months, year-to-date: the span's start is not stated, so two reports of
            # "up 40% this year" on one day may measure different spans; no story.
            continue
        if event.date is None:
            undated.append(report)
        else:
            dated.setdefault((*_move_key(report), event.date), []).append(report)
    for report in undated:
        _attach_by_duplicate_text(report, dated)
    built: list[BuiltStory] = []
    for key, members in dated.items():
        entity, listing, period, since, day = key
        assert isinstance(day, dt.date)
        identifier = story_id("price_move", entity, listing, period, since, day.isoformat())
        built.append(
            _story(
                identifier,
                "price_move",
                entity if isinstance(entity, str) else None,
                str(listing),
                day,
                _members(members),
                [str(listing)],
                period=str(period),
            )
        )
    return built


def _attach_by_duplicate_text(
    report: Report, dated: dict[tuple[object, ...], list[Report]]
) -> None:
    """Add an undated move to the one story it near-duplicates, if there is exactly one."""
    if not report.duplicate_group:
        return
    pct = _pct(report.event)
    assert pct is not None
    prefix = _move_key(report)
    candidates = [
        key
        for key, members in dated.items()
        if key[:4] == prefix
        and any(
            m.duplicate_group == report.duplicate_group
            and m.article != report.article
            and (other := _pct(m.event)) is not None
            and percentages_agree(pct, other)
            for m in members
        )
    ]
    if len(candidates) == 1:
        dated[candidates[0]].append(report)


# -- financial metrics ---------------------------------------------------------------------------


_QUARTER_WORDS = (
    ("q1", "first quarter", "first-quarter"),
    ("q2", "second quarter", "second-quarter"),
    ("q3", "third quarter", "third-quarter"),
    ("q4", "fourth quarter", "fourth-quarter"),
)


def period_parts(words: str | None) -> dict[str, str]:
    """What period words pin down: `span` (quarter/year), `quarter` (q1..q4), `year` (20xx).

    >>> period_parts("Q1 2023")
    {'span': 'quarter', 'quarter': 'q1', 'year': '2023'}
    """
    if not words:
        return {}
    text = words.casefold()
    parts: dict[str, str] = {}
    for number, names in enumerate(_QUARTER_WORDS, start=1):
        if any(name in text for name in names):
            parts["span"], parts["quarter"] = "quarter", f"q{number}"
    if "span" not in parts and ("quarter" in text or "three months" in text):
        parts["span"] = "quarter"
    if "span" not in parts and ("year" in text or "annual" in text or "fiscal 20" in text):
        parts["span"] = "year"
    year = next((w for w in text.replace("-", " ").split() if w.isdigit() and len(w) == 4), None)
    if year is not None:
        parts["year"] = year
    return parts


def periods_compatible(a: str | None, b: str | None) -> bool:
    """Whether two period phrasings may name one period: nothing they both state differs."""
    pa, pb = period_parts(a), period_parts(b)
    return all(pa[k] == pb[k] for k in pa.keys() & pb.keys())


def _period_words(event: Event) -> str | None:
    period = event.attributes.get("period")
    return " ".join(str(period).casefold().split()) if period else None


def metric_stories(
    reports: Iterable[Report], open_seeds: Sequence[Sequence[Report]] = ()
) -> list[BuiltStory]:
    """Group reported figures: same entity, metric, segment and reporting period.

    `open_seeds`: open-period groups as they stood before the earliest of `reports` (each the
    reports grouped into it, in any order); grouping goes on from them as if the reports they
    hold had been passed too. Used to rebuild only the recent stretch of a scope.
    """
    closed: dict[tuple[object, ...], list[Report]] = {}
    open_groups: list[tuple[tuple[object, ...], list[Report]]] = []
    for seed in sorted((sorted(g, key=_chronological) for g in open_seeds if g), key=_seed_order):
        first = seed[0].event
        open_groups.append(
            ((first.entity, str(first.attributes["metric"]), first.attributes.get("segment")), seed)
        )
    for report in sorted(reports, key=_chronological):
        event = report.event
        a = event.attributes
        if event.type != "financial_metric" or not event.entity or not a.get("metric"):
            continue
        if a.get("is_estimate") or not _is_fact(event):
            continue
        if _pct(event) is None and not isinstance(a.get("value"), int | float):
            continue
        scope = (event.entity, str(a["metric"]), a.get("segment"))
        if a.get("period_end"):
            period_end = str(a["period_end"])
            window = closed_period_window(dt.date.fromisoformat(period_end), report.published)
            closed.setdefault((*scope, period_end, window), []).append(report)
            continue
        if report.published is None:
            continue  # no period and no date: nothing says which results it is about
        _join_open_group(report, scope, open_groups)
    built: list[BuiltStory] = []
    for key, members in closed.items():
        entity, metric, segment, end, publication_window = key
        ordered = _members(members)
        assert isinstance(publication_window, int)
        built.append(
            _story(
                closed_story_id(entity, metric, segment, str(end), publication_window),
                "financial_metric",
                str(entity),
                None,
                dt.date.fromisoformat(str(end)),
                ordered,
                [t for m in ordered for t in m.report.entity_tickers],
                period=_period_words(members[0].event),
                metric=str(metric),
                segment=None if segment is None else str(segment),
            )
        )
    for open_scope, members in open_groups:
        entity, metric, segment = open_scope
        ordered = _members(members)
        words = next((w for m in ordered if (w := _period_words(m.report.event))), None)
        built.append(
            _story(
                story_id(
                    "financial_metric", entity, metric, segment, "open", ordered[0].report.article
                ),
                "financial_metric",
                str(entity),
                None,
                None,
                ordered,
                [t for m in ordered for t in m.report.entity_tickers],
                period=words,
                metric=str(metric),
                segment=None if segment is None else str(segment),
                grouped=tuple(members),
            )
        )
    return built


def _seed_order(group: Sequence[Report]) -> tuple[int, dt.date, int, int]:
    return _chronological(group[0])


def _join_open_group(
    report: Report,
    scope: tuple[object, ...],
    open_groups: list[tuple[tuple[object, ...], list[Report]]],
) -> None:
    assert report.published is not None
    words = _period_words(report.event)
    for group_scope, members in open_groups:
        first = members[0].published
        if group_scope != scope or first is None:
            continue
        if (report.published - first).days > OPEN_PERIOD_WINDOW_DAYS:
            continue
        if not all(periods_compatible(words, _period_words(m.event)) for m in members):
            continue  # "second quarter" is not "first quarter", nor "fiscal 2023" a quarter
        members.append(report)
        return
    open_groups.append((scope, [report]))


def build_stories(
    reports: Iterable[Report], open_seeds: Sequence[Sequence[Report]] = ()
) -> list[BuiltStory]:
    """Every story (price moves, then metrics) the reports make, each sorted by first report
    (`open_seeds`: see `metric_stories`)."""
    pool = list(reports)
    built = price_move_stories(pool) + metric_stories(pool, open_seeds)
    return sorted(
        built, key=lambda b: (b.story.type, _chronological(b.members[0].report), b.story.id)
    )
