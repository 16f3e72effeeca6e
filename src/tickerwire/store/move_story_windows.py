"""The price-move windows a batch touches: the (entity, listing) days to rebuild, widened through
the near-duplicate groups of undated moves, and the stored reports and stories in them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import duckdb

from tickerwire.cluster.stories import Report
from tickerwire.cluster.story_windows import MoveScope, RefreshPlan, move_scope
from tickerwire.store.stored_reports import load_reports

# Price moves whose article is in a near-duplicate group, by (entity, listing).
_GROUPED_MOVES = """(SELECT coalesce(e.entity, '') AS entity, e.listing, e.date,
        e.duplicate_group AS grp
    FROM events AS e
    WHERE e.type = 'price_move' AND e.duplicate_group IS NOT NULL)"""
_IN_TRIPLES = "IN (SELECT (unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::{}[])))"


def _triples(items: Iterable[tuple[MoveScope, Any]]) -> list[list[Any]]:
    rows = sorted(items, key=lambda item: (item[0], str(item[1])))
    return [[s[0] for s, _ in rows], [s[1] for s, _ in rows], [v for _, v in rows]]


def _dated_triples(items: Iterable[tuple[MoveScope, dt.date]]) -> list[Any]:
    """`_triples` of (scope, day) pairs, then $4 and $5, their first and last day: as constants,
    DuckDB skips the stored row groups whose dates all lie outside them (an archive is stored
    roughly in date order), where the triples alone make every batch read every price move."""
    triples = _triples(items)
    return [*triples, min(triples[2]), max(triples[2])]


def widen_move_windows(
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


def move_reports(
    con: duckdb.DuckDBPyConnection, windows: dict[MoveScope, tuple[set[dt.date], set[str]]]
) -> tuple[list[Report], list[str]]:
    """The reports of the move windows and the ids of the stories stored for them now."""
    scope_days = {(s, d) for s, (days, _) in windows.items() for d in days}
    scope_groups = {(s, g) for s, (_, groups) in windows.items() for g in groups}
    reports: list[Report] = []
    old_ids: list[str] = []
    if scope_days:
        reports += load_reports(
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
        reports += load_reports(
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
