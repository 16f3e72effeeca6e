"""Keeping stored stories up to date after each batch, by rebuilding only the windows it touches.

A batch's new reports name the stories they may change (`cluster.story_windows`): the trading
days of their price moves (widened through near-duplicate groups of undated moves), the period
ends and publication windows of their metric figures, and, for open-period figures, the stretch
of publication days from the earliest new one to the next long gap (regrouped from the groups
stored as open when it began: `story_reports`). Those stories are rebuilt (`cluster.stories`,
a pure function) and replace the old ones, with their members and cross-source conflicts,
inside the batch's transaction. The cost of a batch then depends on the stories it touches,
not on how many reports the corpus holds for the same companies. `rebuild_all_stories`
rebuilds everything (the reference the incremental refresh is tested against).

Story ids hash what defines the story, so a rebuild keeps them, and ingesting the same articles
again changes nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from typing import Any

import duckdb

from tickerwire.cluster.conflicts import cross_source_conflicts
from tickerwire.cluster.stories import (
    OPEN_PERIOD_WINDOW_DAYS,
    STORY_EVENT_TYPES,
    Report,
    build_stories,
    closed_story_id,
    closed_window_days,
)
from tickerwire.cluster.story_windows import (
    ClosedMetricKey,
    MoveScope,
    OpenMetricScope,
    RefreshPlan,
    closed_metric_key,
    move_scope,
    open_metric_scope,
    plan_refresh,
    replay_end,
)
from tickerwire.records import Article, Event, Evidence
from tickerwire.store.duckdb_stories import fetch_rows, insert_conflicts, insert_stories
from tickerwire.store.rows import attribute_text

# Reports with what grouping needs of their article (stored with each event: its publication
# day, storage order and near-duplicate group); `{where}` filters events `e`. Joining the
# articles table instead made every load build a hash table of the whole corpus's articles, or
# of every event of the kind asked for, which grew past the writer's memory limit.
# Statements that are no facts, and metric estimates, join no story (`cluster.stories`): left in
# the database (events.groupable is false), they would only cost reading. The filters use the
# events' story-key columns (schema migration 7), never their JSON attributes: parsing those for
# every stored event made each batch's refresh cost grow with the corpus.
_REPORTS_SQL = """
    SELECT e.article_id, e.position, e.type, e.entity, e.date, e.date_text, e.evidence_start,
           e.evidence_end, e.evidence_text, e.confidence, e.attributes, e.entity_tickers,
           e.published, e.seq, e.duplicate_group
    FROM events AS e {join}
    WHERE ({where}) AND e.groupable
    ORDER BY e.seq, e.position"""
# Price moves whose article is in a near-duplicate group, by (entity, listing).
_GROUPED_MOVES = """(SELECT coalesce(e.entity, '') AS entity, e.listing, e.date,
        e.duplicate_group AS grp
    FROM events AS e
    WHERE e.type = 'price_move' AND e.duplicate_group IS NOT NULL)"""
_IN_TRIPLES = "IN (SELECT (unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::{}[])))"
# Metric figures without a period end, in the scopes (and publication windows) passed as arrays.
_OPEN_METRIC = """e.type = 'financial_metric' AND coalesce(e.period_end, '') = ''
    AND e.published IS NOT NULL"""
_OPEN_WINDOWS = """(SELECT unnest($1::VARCHAR[]) AS entity, unnest($2::VARCHAR[]) AS metric,
        unnest($3::VARCHAR[]) AS segment, unnest($4::DATE[]) AS lo, unnest($5::DATE[]) AS hi)"""
# The reports grouped into the stories whose ids are passed as $1.
_GROUPED_REPORTS_SQL = """
    SELECT r.story_id, e.article_id, e.position, e.type, e.entity, e.date, e.date_text,
           e.evidence_start, e.evidence_end, e.evidence_text, e.confidence, e.attributes,
           e.entity_tickers, e.published, e.seq, e.duplicate_group
    FROM story_reports AS r
    JOIN events AS e ON e.article_id = r.article_id AND e.position = r.event_position
    WHERE r.story_id IN (SELECT unnest($1::VARCHAR[]))
    ORDER BY e.seq, e.position"""
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


def _event(row: dict[str, Any]) -> Event:
    # The rows were validated when stored: building the records unchecked is several times
    # faster, and a refresh reads every report of the stories it rebuilds.
    return Event.model_construct(
        type=row["type"],
        entity=row["entity"],
        date=row["date"],
        date_text=row["date_text"],
        evidence=Evidence.model_construct(
            start=row["evidence_start"], end=row["evidence_end"], text=row["evidence_text"]
        ),
        confidence=row["confidence"],
        attributes=json.loads(row["attributes"]) if row["attributes"] else {},
    )


def _report(row: dict[str, Any]) -> Report:
    return Report(
        article=row["article_id"],
        position=row["position"],
        event=_event(row),
        published=row["published"],
        order=row["seq"],
        duplicate_group=row["duplicate_group"],
        entity_tickers=tuple(row["entity_tickers"] or ()),
    )


def _reports(rows: list[dict[str, Any]]) -> list[Report]:
    """Reports from event rows. The tickers of their entities are stored with the events
    (events.entity_tickers): looking them up in the entities table scanned all of it per batch,
    and joining it made DuckDB build a hash table of every stored entity."""
    return [_report(r) for r in rows]


# What places a report in a story (see `cluster.story_windows`), without its evidence.
_KEY_ATTRIBUTES = ("listing", "metric", "segment", "period_end")


def stored_report_keys(con: duckdb.DuckDBPyConnection, article_ids: Sequence[str]) -> list[Report]:
    """The story-type reports of these articles with only what says which stories they touch
    (reading whole reports twice, here and in the windows, would double a refresh's cost)."""
    attributes = ", ".join(f"e.attributes->>'{name}'" for name in _KEY_ATTRIBUTES)
    rows = con.execute(
        f"""SELECT e.article_id, e.position, e.type, e.entity, e.date, a.published, a.seq,
                   a.duplicate_group, {attributes}
            FROM events AS e JOIN articles AS a ON a.id = e.article_id
            WHERE e.article_id IN (SELECT unnest($1::VARCHAR[]))
              AND e.type IN (SELECT unnest($2::VARCHAR[]))""",
        [list(article_ids), list(STORY_EVENT_TYPES)],
    ).fetchall()
    return [_key_report(row) for row in rows]


def new_report_keys(
    articles: Sequence[Article], seqs: Sequence[int], groups: Sequence[str]
) -> list[Report]:
    """What `stored_report_keys` reads back from the database, from the records of a batch being
    stored (with their storage order and near-duplicate group): a batch's refresh then need not
    scan every stored event for its own."""
    rows = [
        (
            article.id,
            position,
            event.type,
            event.entity,
            event.date,
            article.published,
            seq,
            group,
            *(attribute_text(event.attributes.get(name)) for name in _KEY_ATTRIBUTES),
        )
        for article, seq, group in zip(articles, seqs, groups, strict=True)
        for position, event in enumerate(article.events)
        if event.type in STORY_EVENT_TYPES
    ]
    return [_key_report(row) for row in rows]


def _key_report(row: Sequence[Any]) -> Report:
    """A report with only what places it in a story, from a row of `stored_report_keys`'s query:
    article, position, type, entity, date, published, seq, group, then `_KEY_ATTRIBUTES`."""
    return Report(
        article=row[0],
        position=row[1],
        event=Event.model_construct(
            type=row[2],
            entity=row[3],
            date=row[4],
            evidence=Evidence.model_construct(start=0, end=0, text=""),
            confidence=0.0,
            attributes={
                name: value
                for name, value in zip(_KEY_ATTRIBUTES, row[8:], strict=True)
                if value is not None
            },
        ),
        published=row[5],
        order=row[6],
        duplicate_group=row[7],
    )


def _load_reports(
    con: duckdb.DuckDBPyConnection, where: str, params: Sequence[Any], join: str = ""
) -> list[Report]:
    return _reports(fetch_rows(con, _REPORTS_SQL.format(where=where, join=join), params))


def _delete_stories(con: duckdb.DuckDBPyConnection, story_ids: Sequence[str]) -> None:
    if not story_ids:
        return
    ids = [sorted(set(story_ids))]
    subquery = "SELECT unnest($1::VARCHAR[])"
    con.execute(f"DELETE FROM conflicts WHERE story_id IN ({subquery})", ids)
    con.execute(f"DELETE FROM story_members WHERE story_id IN ({subquery})", ids)
    con.execute(f"DELETE FROM story_reports WHERE story_id IN ({subquery})", ids)
    con.execute(f"DELETE FROM stories WHERE id IN ({subquery})", ids)


def _store_rebuilt(
    con: duckdb.DuckDBPyConnection,
    old_ids: Sequence[str],
    reports: list[Report],
    run_id: int,
    open_seeds: Sequence[Sequence[Report]] = (),
) -> int:
    built = build_stories(reports, open_seeds)
    _delete_stories(con, old_ids)
    insert_stories(con, built, run_id)
    insert_conflicts(con, cross_source_conflicts(built), run_id)
    return len(built)


# -- price moves -----------------------------------------------------------------------------


def _triples(items: Iterable[tuple[MoveScope, Any]]) -> list[list[Any]]:
    rows = sorted(items, key=lambda item: (item[0], str(item[1])))
    return [[s[0] for s, _ in rows], [s[1] for s, _ in rows], [v for _, v in rows]]


def _dated_triples(items: Iterable[tuple[MoveScope, dt.date]]) -> list[Any]:
    """`_triples` of (scope, day) pairs, then $4 and $5, their first and last day: as constants,
    DuckDB skips the stored row groups whose dates all lie outside them (an archive is stored
    roughly in date order), where the triples alone make every batch read every price move."""
    triples = _triples(items)
    return [*triples, min(triples[2]), max(triples[2])]


def _widen_move_windows(
    con: duckdb.DuckDBPyConnection, plan: RefreshPlan
) -> dict[MoveScope, tuple[set[dt.date], set[str]]]:
    """Per (entity, listing): the days to rebuild and the groups whose undated moves go with
    them, closed so that every day holding a dated move of such a group is among the days.

    Each round asks the database about the days and groups found in the round before, so the
    writer never holds more than the windows themselves."""
    days = {(s, d) for s, found in plan.move_days.items() for d in found}
    groups = {(s, g) for s, found in plan.move_groups.items() for g in found}
    pending_days, pending_groups = set(days), set(groups)
    while pending_days or pending_groups:
        found_days: set[tuple[MoveScope, dt.date]] = set()
        if pending_groups:
            found_days = {
                ((str(r[0]), str(r[1])), r[2])
                for r in con.execute(
                    f"""SELECT DISTINCT m.entity, m.listing, m.date FROM {_GROUPED_MOVES} AS m
                        WHERE m.date IS NOT NULL
                          AND (m.entity, m.listing, m.grp) {_IN_TRIPLES.format("VARCHAR")}""",
                    _triples(pending_groups),
                ).fetchall()
            }
        found_groups: set[tuple[MoveScope, str]] = set()
        if pending_days:
            # Only groups that also have undated moves here can tie other days to these.
            found_groups = {
                ((str(r[0]), str(r[1])), str(r[2]))
                for r in con.execute(
                    f"""SELECT DISTINCT d.entity, d.listing, d.grp FROM {_GROUPED_MOVES} AS d
                        WHERE (d.entity, d.listing, d.date) {_IN_TRIPLES.format("DATE")}
                          AND d.date BETWEEN $4 AND $5
                          AND EXISTS (SELECT 1 FROM {_GROUPED_MOVES} AS u
                                      WHERE u.date IS NULL AND u.entity = d.entity
                                        AND u.listing = d.listing AND u.grp = d.grp)""",
                    _dated_triples(pending_days),
                ).fetchall()
            }
        pending_days = found_days - days
        pending_groups = found_groups - groups
        days |= pending_days
        groups |= pending_groups
    windows: dict[MoveScope, tuple[set[dt.date], set[str]]] = {}
    for scope, day in days:
        windows.setdefault(scope, (set(), set()))[0].add(day)
    for scope, group in groups:
        windows.setdefault(scope, (set(), set()))[1].add(group)
    return windows


def _move_reports(
    con: duckdb.DuckDBPyConnection, windows: dict[MoveScope, tuple[set[dt.date], set[str]]]
) -> tuple[list[Report], list[str]]:
    """The reports of the move windows and the ids of the stories stored for them now."""
    scope_days = {(s, d) for s, (days, _) in windows.items() for d in days}
    scope_groups = {(s, g) for s, (_, groups) in windows.items() for g in groups}
    reports: list[Report] = []
    old_ids: list[str] = []
    if scope_days:
        reports += _load_reports(
            con,
            "e.type = 'price_move' AND e.date BETWEEN $4 AND $5 "
            "AND (coalesce(e.entity, ''), e.listing, e.date) " + _IN_TRIPLES.format("DATE"),
            _dated_triples(scope_days),
        )
        old_ids = [
            str(row[0])
            for row in con.execute(
                "SELECT id FROM stories WHERE type = 'price_move' AND date BETWEEN $4 AND $5 "
                "AND (coalesce(entity, ''), listing, date) " + _IN_TRIPLES.format("DATE"),
                _dated_triples(scope_days),
            ).fetchall()
        ]
    if scope_groups:
        reports += _load_reports(
            con,
            "e.type = 'price_move' AND e.date IS NULL "
            "AND (coalesce(e.entity, ''), e.listing, e.duplicate_group) "
            + _IN_TRIPLES.format("VARCHAR"),
            _triples(scope_groups),
        )
    kept = [
        r
        for r in reports
        if (scope := move_scope(r)) is not None
        and (
            (scope, r.event.date) in scope_days
            if r.event.date is not None
            else (scope, r.duplicate_group) in scope_groups
        )
    ]
    return kept, old_ids


# -- metric figures --------------------------------------------------------------------------


def _closed_metric_reports(
    con: duckdb.DuckDBPyConnection, keys: set[ClosedMetricKey]
) -> tuple[list[Report], list[str]]:
    """The reports of these closed-period stories (each only those published in its window, so
    a figure reported for years costs one window's reports) and the ids of the stories."""
    if not keys:
        return [], []
    ordered = sorted(keys, key=lambda k: (k[0], k[1], k[2] or "", k[3], k[4]))
    days = [closed_window_days(dt.date.fromisoformat(k[3]), k[4]) for k in ordered]
    reports = _load_reports(
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


def _open_metric_reports(
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
    found = _load_reports(
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
        rows = fetch_rows(con, _GROUPED_REPORTS_SQL, [sorted(seed_start)])
        for row, report in zip(rows, _reports(rows), strict=True):
            story = str(row["story_id"])
            if report.published is not None and report.published < seed_start[story]:
                seeds.setdefault(story, []).append(report)
    return reports, list(seeds.values()), old_ids


# -- refresh ---------------------------------------------------------------------------------


def refresh_stories(
    con: duckdb.DuckDBPyConnection,
    article_ids: Sequence[str],
    run_id: int,
    former_published: Iterable[dt.date] = (),
    new_reports: Sequence[Report] | None = None,
) -> int:
    """Rebuild the stories (and their conflicts) that the events of these articles can change;
    return how many stories were rebuilt. Runs inside the caller's transaction.

    `former_published`: publication days these articles had before (market dating changes
    them), so that the open-period stories they left are rebuilt too. `new_reports`: the
    articles' report keys when the caller has them (`new_report_keys`), else they are read.
    """
    if not article_ids:
        return 0
    if new_reports is None:
        new_reports = stored_report_keys(con, article_ids)
    plan = plan_refresh(new_reports)
    former = set(former_published)
    if former:
        for scope in {s for r in new_reports if (s := open_metric_scope(r)) is not None}:
            plan.open_metric_days.setdefault(scope, set()).update(former)
    if plan.is_empty():
        return 0
    moves, old_moves = _move_reports(con, _widen_move_windows(con, plan))
    closed, old_closed = _closed_metric_reports(con, plan.closed_metrics)
    open_reports, open_seeds, old_open = _open_metric_reports(con, plan.open_metric_days)
    return _store_rebuilt(
        con,
        old_moves + old_closed + old_open,
        moves + closed + open_reports,
        run_id,
        open_seeds,
    )


def rebuild_all_stories(con: duckdb.DuckDBPyConnection, run_id: int) -> int:
    """Rebuild every story from every stored report (the reference for `refresh_stories`, and
    a repair for a database whose stories were made by an older tickerwire)."""
    reports = _load_reports(
        con, "e.type IN (SELECT unnest($1::VARCHAR[]))", [list(STORY_EVENT_TYPES)]
    )
    old_ids = [str(row[0]) for row in con.execute("SELECT id FROM stories").fetchall()]
    return _store_rebuilt(con, old_ids, reports, run_id)
