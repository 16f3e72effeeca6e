"""Which stories a batch of new reports can change: the windows an incremental refresh rebuilds.

`build_stories` is a pure function of all reports; rebuilding every story of each (event type,
entity) a batch touches costs more with every batch on a corpus that keeps naming the same
companies. The grouping rules are local, though, so only stories near the new reports can move:

- price moves: a dated report belongs to the story of its (entity, listing, period, trading
  day); an undated one joins, through its near-duplicate group, one of the days holding a dated
  report of that group. So the days to rebuild for an (entity, listing) are the new reports'
  days, closed under "a group with undated reports has dated reports on these days" (the store
  runs that closure in SQL), with the undated reports of the groups involved.
- metric reports with a period end: the story of that exact (entity, metric, segment, period end)
  and publication window (`closed_period_window`), made of the reports published in that window.
- metric reports without one (grouped in chronological order, each joining the first group of
  its scope begun at most OPEN_PERIOD_WINDOW_DAYS before it): grouping before the earliest new
  report is unchanged, so it is replayed from that day, starting from the groups begun within
  the window before it (as stored, every report they grouped), up to the first gap of more than
  the window after the last new report (no group reaches across such a gap).

Rebuilding these windows from every stored report in them gives exactly the stories a full
rebuild gives (tests compare the two on corpora ingested in several batches and orders).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from tickerwire.cluster.stories import OPEN_PERIOD_WINDOW_DAYS, Report, closed_period_window

# (entity or "", listing): price-move stories are rebuilt per listing and trading day.
MoveScope = tuple[str, str]
# (entity or "", metric, segment or None, period end, publication window)
ClosedMetricKey = tuple[str, str, str | None, str, int]
# (entity or "", metric, segment or None)
OpenMetricScope = tuple[str, str, str | None]


@dataclass
class RefreshPlan:
    """What the new reports of a batch touch, before the store widens it (see module doc)."""

    move_days: dict[MoveScope, set[dt.date]] = field(default_factory=dict)
    move_groups: dict[MoveScope, set[str]] = field(default_factory=dict)
    closed_metrics: set[ClosedMetricKey] = field(default_factory=set)
    open_metric_days: dict[OpenMetricScope, set[dt.date]] = field(default_factory=dict)

    def is_empty(self) -> bool:
        """True when no new report can belong to a story."""
        return not (
            self.move_days or self.move_groups or self.closed_metrics or self.open_metric_days
        )


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def move_scope(report: Report) -> MoveScope | None:
    """The (entity, listing) of a price-move report that may join a story, else None."""
    event = report.event
    listing = event.attributes.get("listing")
    if event.type != "price_move" or not listing:
        return None
    return (event.entity or "", str(listing))


def closed_metric_key(report: Report) -> ClosedMetricKey | None:
    """The story key of a metric report that states its period end, else None."""
    event = report.event
    a = event.attributes
    if event.type != "financial_metric" or not event.entity or not a.get("metric"):
        return None
    if not a.get("period_end"):
        return None
    period_end = str(a["period_end"])
    window = closed_period_window(dt.date.fromisoformat(period_end), report.published)
    return (event.entity, str(a["metric"]), _text(a.get("segment")), period_end, window)


def open_metric_scope(report: Report) -> OpenMetricScope | None:
    """The scope of a metric report without a period end (grouped by publication), else None."""
    event = report.event
    a = event.attributes
    if event.type != "financial_metric" or not event.entity or not a.get("metric"):
        return None
    if a.get("period_end") or report.published is None:
        return None
    return (event.entity, str(a["metric"]), _text(a.get("segment")))


def plan_refresh(new_reports: Iterable[Report]) -> RefreshPlan:
    """What a batch's new reports touch (a superset of the stories they can change is fine:
    a rebuilt story that did not change is written back the same)."""
    plan = RefreshPlan()
    for report in new_reports:
        scope = move_scope(report)
        if scope is not None:
            if report.event.date is not None:
                plan.move_days.setdefault(scope, set()).add(report.event.date)
            elif report.duplicate_group:
                plan.move_groups.setdefault(scope, set()).add(report.duplicate_group)
            continue
        closed = closed_metric_key(report)
        if closed is not None:
            plan.closed_metrics.add(closed)
            continue
        open_scope = open_metric_scope(report)
        if open_scope is not None and report.published is not None:
            plan.open_metric_days.setdefault(open_scope, set()).add(report.published)
    return plan


def replay_end(days: Iterable[dt.date], last_touched: dt.date) -> dt.date:
    """The last day an open-period regrouping must reach: `last_touched`, extended through the
    later publication `days` of the scope until a gap longer than OPEN_PERIOD_WINDOW_DAYS
    (no group started before such a gap takes a report after it).

    >>> d = dt.date.fromisoformat
    >>> replay_end([d("2025-01-05"), d("2025-01-12"), d("2025-01-25")], d("2025-01-01"))
    datetime.date(2025, 1, 12)
    """
    end = last_touched
    for day in sorted(set(days)):
        if day <= end:
            continue
        if (day - end).days > OPEN_PERIOD_WINDOW_DAYS:
            break
        end = day
    return end
