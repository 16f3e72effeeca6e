"""The metric-figure windows a batch touches: closed-period stories by key and publication
window, and open-period stories from the earliest touched day to the next long gap (with the
groups open when that stretch began as seeds), and the stored reports and stories in them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import duckdb

from tickerwire.cluster.stories import (
    OPEN_PERIOD_WINDOW_DAYS,
    Report,
    closed_story_id,
    closed_window_days,
)
from tickerwire.cluster.story_windows import (
    ClosedMetricKey,
    OpenMetricScope,
    closed_metric_key,
    open_metric_scope,
    replay_end,
)
from tickerwire.store.duckdb_stories import fetch_rows
from tickerwire.store.stored_reports import GROUPED_REPORTS_SQL, load_reports, reports_from_rows

# Metric figures without a period end, in the scopes (and publication windows) passed as arrays.
_OPEN_METRIC = """e.type = 'financial_metric' AND coalesce(e.period_end, '') = ''
    AND e.published IS NOT NULL"""
_OPEN_WINDOWS = """(SELECT unnest($1::VARCHAR[]) AS entity, unnest($2::VARCHAR[]) AS metric,
        unnest($3::VARCHAR[]) AS segment, unnest($4::DATE[]) AS lo, unnest($5::DATE[]) AS hi)"""
# Closed-period stories by key and publication window (`cluster.stories.closed_period_window`):
# an undated report belongs to the results window (the one starting before the period end).
_CLOSED_WINDOWS = """(SELECT unnest($1::VARCHAR[]) AS entity, unnest($2::VARCHAR[]) AS metric,
        unnest($3::VARCHAR[]) AS segment, unnest($4::VARCHAR[]) AS period_end,
        unnest($5::DATE[]) AS lo, unnest($6::DATE[]) AS hi)"""
_IN_CLOSED_WINDOW = """w.entity = coalesce(e.entity, '') AND w.metric = e.metric
    AND w.segment = coalesce(e.segment, '') AND w.period_end = e.period_end
    AND (e.published BETWEEN w.lo AND w.hi
         OR (e.published IS NULL AND w.lo <= w.period_end::DATE AND w.period_end::DATE <= w.hi))"""
# How far before a stretch an open-period story may have begun and still take its reports.
OPEN_PERIOD_SPAN = dt.timedelta(days=OPEN_PERIOD_WINDOW_DAYS)
_IN_OPEN_SCOPE = """w.entity = coalesce(e.entity, '') AND w.metric = e.metric
    AND w.segment IS NOT DISTINCT FROM e.segment"""


def closed_metric_reports(
    con: duckdb.DuckDBPyConnection, keys: set[ClosedMetricKey]
) -> tuple[list[Report], list[str]]:
    """The reports of these closed-period stories (each only those published in its window, so
    a figure reported for years costs one window's reports) and the ids of the stories."""
    if not keys:
        return [], []
    ordered = sorted(keys, key=lambda k: (k[0], k[1], k[2] or "", k[3], k[4]))
    days = [closed_window_days(dt.date.fromisoformat(k[3]), k[4]) for k in ordered]
    reports = load_reports(
        con,
        """e.type = 'financial_metric' AND e.period_end IS NOT NULL
           AND (e.published IS NULL OR e.published BETWEEN $7 AND $8)""",
        [
            [k[0] for k in ordered],
            [k[1] for k in ordered],
            [k[2] or "" for k in ordered],
            [k[3] for k in ordered],
            [first for first, _ in days],
            [last for _, last in days],
            min(first for first, _ in days),
            max(last for _, last in days),
        ],
        join=f"JOIN {_CLOSED_WINDOWS} AS w ON {_IN_CLOSED_WINDOW}",
    )
    kept = [r for r in reports if closed_metric_key(r) in keys]
    old_ids = [closed_story_id(*key) for key in ordered]
    return kept, old_ids


def _window_params(windows: Sequence[tuple[OpenMetricScope, dt.date, dt.date]]) -> list[Any]:
    """Parameters $1-$5 of `_OPEN_WINDOWS`, then $6 and $7, the first and last day of all the
    windows: as constants, DuckDB filters rows by them while scanning, before the join, which
    otherwise meets every row of the companies' metrics."""
    return [
        [scope[0] for scope, _, _ in windows],
        [scope[1] for scope, _, _ in windows],
        [scope[2] for scope, _, _ in windows],
        [lo for _, lo, _ in windows],
        [hi for _, _, hi in windows],
        min(lo for _, lo, _ in windows),
        max(hi for _, _, hi in windows),
    ]


def open_metric_reports(
    con: duckdb.DuckDBPyConnection,
    touched: dict[OpenMetricScope, set[dt.date]],
) -> tuple[list[Report], list[list[Report]], list[str]]:
    """Per scope, the reports to group again (from its earliest touched day to the next gap
    after its last), the groups that were open when that stretch began (as seeds), and the ids
    of the stories stored for both now."""
    if not touched:
        return [], [], []
    scopes = sorted(touched, key=lambda s: (s[0], s[1], s[2] or ""))
    starts = {scope: min(touched[scope]) for scope in scopes}
    later_days: dict[OpenMetricScope, list[dt.date]] = {}
    for entity, metric, segment, published in con.execute(
        f"""SELECT DISTINCT w.entity, w.metric, w.segment, e.published
            FROM events AS e
            JOIN {_OPEN_WINDOWS} AS w ON {_IN_OPEN_SCOPE} AND e.published >= w.lo
            WHERE {_OPEN_METRIC} AND e.published BETWEEN $6 AND $7""",
        _window_params([(scope, starts[scope], dt.date.max) for scope in scopes]),
    ).fetchall():
        later_days.setdefault((entity, metric, segment), []).append(published)
    replay = [
        (scope, starts[scope], replay_end(later_days.get(scope, ()), max(touched[scope])))
        for scope in scopes
    ]
    # A join (one window per scope, so no report twice): written as a correlated EXISTS, this
    # query ran DuckDB out of its memory limit after 10,000 articles of the 100,000 benchmark.
    found = load_reports(
        con,
        _OPEN_METRIC + " AND e.published BETWEEN $6 AND $7",
        _window_params(replay),
        join=f"JOIN {_OPEN_WINDOWS} AS w ON {_IN_OPEN_SCOPE} AND e.published BETWEEN w.lo AND w.hi",
    )
    ends = {scope: end for scope, _, end in replay}
    reports = [
        r
        for r in found
        if (scope := open_metric_scope(r)) in starts
        and r.published is not None
        and starts[scope] <= r.published <= ends[scope]
    ]
    # Stored open stories starting from a window before each stretch to its end: those that
    # began before the stretch seed the grouping, all are replaced.
    stored = con.execute(
        f"""SELECT s.id, w.entity, w.metric, w.segment, s.first_seen FROM stories AS s
            JOIN {_OPEN_WINDOWS} AS w ON w.entity = coalesce(s.entity, '')
             AND w.metric = s.metric AND w.segment IS NOT DISTINCT FROM s.segment
             AND s.first_seen BETWEEN w.lo AND w.hi
            WHERE s.type = 'financial_metric' AND s.date IS NULL
              AND s.first_seen BETWEEN $6 AND $7""",
        _window_params([(scope, start - OPEN_PERIOD_SPAN, end) for scope, start, end in replay]),
    ).fetchall()
    old_ids = [str(row[0]) for row in stored]
    seed_start = {
        str(row[0]): starts[(row[1], row[2], row[3])]
        for row in stored
        if row[4] < starts[(row[1], row[2], row[3])]
    }
    seeds: dict[str, list[Report]] = {}
    if seed_start:
        rows = fetch_rows(con, GROUPED_REPORTS_SQL, [sorted(seed_start)])
        for row, report in zip(rows, reports_from_rows(rows), strict=True):
            story = str(row["story_id"])
            if report.published is not None and report.published < seed_start[story]:
                seeds.setdefault(story, []).append(report)
    return reports, list(seeds.values()), old_ids
