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
from collections.abc import Iterable, Sequence

import duckdb

from tickerwire.cluster.conflicts import cross_source_conflicts
from tickerwire.cluster.stories import STORY_EVENT_TYPES, Report, build_stories
from tickerwire.cluster.story_windows import open_metric_scope, plan_refresh
from tickerwire.store.duckdb_stories import insert_conflicts, insert_stories
from tickerwire.store.metric_story_windows import closed_metric_reports, open_metric_reports
from tickerwire.store.move_story_windows import move_reports, widen_move_windows
from tickerwire.store.stored_reports import load_reports, stored_report_keys


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
    articles' report keys when the caller has them (`stored_reports.new_report_keys`), else
    they are read.
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
    moves, old_moves = move_reports(con, widen_move_windows(con, plan))
    closed, old_closed = closed_metric_reports(con, plan.closed_metrics)
    open_reports, open_seeds, old_open = open_metric_reports(con, plan.open_metric_days)
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
    reports = load_reports(
        con, "e.type IN (SELECT unnest($1::VARCHAR[]))", [list(STORY_EVENT_TYPES)]
    )
    old_ids = [str(row[0]) for row in con.execute("SELECT id FROM stories").fetchall()]
    return _store_rebuilt(con, old_ids, reports, run_id)
