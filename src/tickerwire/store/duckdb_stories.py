"""Stories and cross-source conflicts in the DuckDB store: written (by `story_refresh`, after
each batch) and read back for `tickerwire stories` and `tickerwire conflicts`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import duckdb

from tickerwire.cluster.stories import BuiltStory
from tickerwire.records import Conflict, Story, StoryClaim
from tickerwire.store.base import StoredConflict, StoryFilter
from tickerwire.store.rows import conflict_from_row


def fetch_rows(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]
) -> list[dict[str, Any]]:
    """The rows of a query as dicts keyed by column name."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def insert_stories(
    con: duckdb.DuckDBPyConnection, built: Sequence[BuiltStory], run_id: int
) -> None:
    """Store built stories with their members (the caller has removed the old ones)."""
    if not built:
        return
    s = [b.story for b in built]
    con.execute(
        """INSERT INTO stories (id, type, entity, listing, date, first_seen, first_article,
               consensus_pct, updated_run, period, metric, segment, tickers)
           SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[]),
                  unnest($4::VARCHAR[]), unnest($5::DATE[]), unnest($6::DATE[]),
                  unnest($7::VARCHAR[]), unnest($8::DOUBLE[]), $9, unnest($10::VARCHAR[]),
                  unnest($11::VARCHAR[]), unnest($12::VARCHAR[]), unnest($13::VARCHAR[][])""",
        [
            [x.id for x in s],
            [x.type for x in s],
            [x.entity for x in s],
            [x.listing for x in s],
            [x.date for x in s],
            [x.first_seen for x in s],
            [x.articles[0] for x in s],
            [x.consensus_pct for x in s],
            run_id,
            [x.period for x in s],
            [x.metric for x in s],
            [x.segment for x in s],
            [list(b.tickers) for b in built],
        ],
    )
    grouped = [(b.story.id, r) for b in built for r in b.grouped]
    if grouped:
        con.execute(
            """INSERT INTO story_reports SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]),
                   unnest($3::INTEGER[])""",
            [
                [sid for sid, _ in grouped],
                [r.article for _, r in grouped],
                [r.position for _, r in grouped],
            ],
        )
    members = [(b.story.id, m) for b in built for m in b.members]
    con.execute(
        """INSERT INTO story_members
           SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::INTEGER[]),
                  unnest($4::INTEGER[]), unnest($5::DOUBLE[]), unnest($6::DOUBLE[])""",
        [
            [sid for sid, _ in members],
            [m.report.article for _, m in members],
            [m.report.position for _, m in members],
            [m.rank for _, m in members],
            [m.report.event.attributes.get("change_pct") for _, m in members],
            [m.novelty for _, m in members],
        ],
    )


def insert_conflicts(
    con: duckdb.DuckDBPyConnection, conflicts: Sequence[Conflict], run_id: int
) -> None:
    """Store cross-source conflicts of rebuilt stories."""
    if not conflicts:
        return
    con.execute(
        """INSERT INTO conflicts (id, story_id, entity, field, value_list, why, run_id)
           SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), unnest($3::VARCHAR[]),
                  unnest($4::VARCHAR[]), unnest($5::JSON[]), unnest($6::VARCHAR[]), $7""",
        [
            [f"{c.story}:{c.field}" for c in conflicts],
            [c.story for c in conflicts],
            [c.entity for c in conflicts],
            [c.field for c in conflicts],
            [json.dumps([v.model_dump(mode="json") for v in c.values]) for c in conflicts],
            [c.why for c in conflicts],
            run_id,
        ],
    )


def _story_conditions(filters: StoryFilter, alias: str) -> tuple[list[str], list[Any]]:
    conditions: list[str] = []
    params: list[Any] = []
    if filters.ticker:
        conditions.append(f"list_contains({alias}.tickers, ?)")
        params.append(filters.ticker.upper())
    if filters.type:
        conditions.append(f"{alias}.type = ?")
        params.append(filters.type)
    if filters.entity:
        conditions.append(f"{alias}.entity = ?")
        params.append(filters.entity)
    day = f"coalesce({alias}.date, {alias}.first_seen)"
    if filters.since:
        conditions.append(f"{day} >= ?")
        params.append(filters.since)
    if filters.until:
        conditions.append(f"{day} <= ?")
        params.append(filters.until)
    return conditions, params


def query_stories(con: duckdb.DuckDBPyConnection, filters: StoryFilter) -> list[Story]:
    """Stored stories matching `filters`, by day, then type and id."""
    conditions, params = _story_conditions(filters, "s")
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    limit = f"LIMIT {int(filters.limit)}" if filters.limit is not None else ""
    rows = fetch_rows(
        con,
        f"""SELECT s.* FROM stories AS s {where}
            ORDER BY coalesce(s.date, s.first_seen) NULLS LAST, s.type, s.listing, s.metric, s.id
            {limit}""",
        params,
    )
    members: dict[str, list[dict[str, Any]]] = {}
    if rows:
        for m in fetch_rows(
            con,
            "SELECT * FROM story_members WHERE story_id IN (SELECT unnest($1::VARCHAR[])) "
            "ORDER BY story_id, rank",
            [[r["id"] for r in rows]],
        ):
            members.setdefault(m["story_id"], []).append(m)
    return [_story_from_rows(r, members.get(r["id"], [])) for r in rows]


def _story_from_rows(row: dict[str, Any], members: list[dict[str, Any]]) -> Story:
    return Story(
        id=row["id"],
        type=row["type"],
        entity=row["entity"],
        listing=row["listing"],
        date=row["date"],
        articles=[m["article_id"] for m in members],
        first_seen=row["first_seen"],
        claims=[StoryClaim(article=m["article_id"], change_pct=m["change_pct"]) for m in members],
        consensus_pct=row["consensus_pct"],
        novelty={m["article_id"]: m["novelty"] for m in members},
        period=row["period"],
        metric=row["metric"],
        segment=row["segment"],
    )


def query_conflicts(con: duckdb.DuckDBPyConnection, filters: StoryFilter) -> list[StoredConflict]:
    """Cross-source conflicts (from stories) and in-article ones, matching `filters`."""
    story_conditions, story_params = _story_conditions(filters, "s")
    story_rows = fetch_rows(
        con,
        f"""SELECT c.*, coalesce(s.date, s.first_seen) AS day, s.tickers AS tickers
            FROM conflicts AS c JOIN stories AS s ON s.id = c.story_id
            {"WHERE " + " AND ".join(story_conditions) if story_conditions else ""}""",
        story_params,
    )
    article_conditions: list[str] = ["c.article_id IS NOT NULL"]
    params: list[Any] = []
    # An in-article conflict is found under the tickers of its entity, or of the article's
    # entities when it names none.
    tickers = """(SELECT flatten(list(n.tickers)) FROM entities AS n
                  WHERE n.article_id = c.article_id
                    AND (c.entity IS NULL OR n.entity_id = c.entity))"""
    if filters.ticker:
        article_conditions.append(f"list_contains({tickers}, ?)")
        params.append(filters.ticker.upper())
    if filters.entity:
        article_conditions.append("c.entity = ?")
        params.append(filters.entity)
    if filters.since:
        article_conditions.append("a.published >= ?")
        params.append(filters.since)
    if filters.until:
        article_conditions.append("a.published <= ?")
        params.append(filters.until)
    article_rows = (
        []
        if filters.type
        else fetch_rows(
            con,
            f"""SELECT c.*, a.published AS day, {tickers} AS tickers
                FROM conflicts AS c JOIN articles AS a ON a.id = c.article_id
                WHERE {" AND ".join(article_conditions)}
                ORDER BY a.published NULLS LAST, a.seq, c.position""",
            params,
        )
    )
    found = [
        StoredConflict(conflict_from_row(r), r["day"], "cross_source", tuple(r["tickers"] or ()))
        for r in story_rows
    ] + [
        StoredConflict(conflict_from_row(r), r["day"], "in_article", tuple(r["tickers"] or ()))
        for r in article_rows
    ]
    found.sort(key=lambda c: (c.day is None, c.day or dt.date.min, c.kind, c.conflict.field))
    if filters.limit is not None:
        found = found[: filters.limit]
    return found
