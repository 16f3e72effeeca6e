"""Read queries of the DuckDB store: articles back as records, events, a listing's timeline.

Functions of a connection, so that the store class stays about opening, writing and lifetime.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

import duckdb

from tickerwire.records import Article, Conflict, Entity, Event
from tickerwire.store.base import EventFilter, StoredEvent, TimelineDay
from tickerwire.store.rows import (
    article_from_rows,
    conflict_from_row,
    entity_from_row,
    event_from_row,
    moment_from_text,
)


def fetch_dicts(
    con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()
) -> list[dict[str, Any]]:
    """Rows of a query as dicts keyed by column name."""
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def load_articles(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[Article]:
    """The stored articles with these ids, in the order given (unknown ids are left out)."""
    if not ids:
        return []
    params = [list(ids)]
    in_ids = "IN (SELECT unnest($1::VARCHAR[]))"
    rows = {
        r["id"]: r for r in fetch_dicts(con, f"SELECT * FROM articles WHERE id {in_ids}", params)
    }
    entities: dict[str, list[Entity]] = {}
    for r in fetch_dicts(
        con,
        f"SELECT * FROM entities WHERE article_id {in_ids} ORDER BY article_id, position",
        params,
    ):
        entities.setdefault(r["article_id"], []).append(entity_from_row(r))
    events: dict[str, list[Event]] = {}
    for r in fetch_dicts(
        con,
        f"SELECT * FROM events WHERE article_id {in_ids} ORDER BY article_id, position",
        params,
    ):
        events.setdefault(r["article_id"], []).append(event_from_row(r))
    conflicts: dict[str, list[Conflict]] = {}
    for r in fetch_dicts(
        con,
        f"SELECT * FROM conflicts WHERE article_id {in_ids} AND position IS NOT NULL "
        "ORDER BY article_id, position",
        params,
    ):
        conflicts.setdefault(r["article_id"], []).append(conflict_from_row(r))
    return [
        article_from_rows(rows[i], entities.get(i, []), events.get(i, []), conflicts.get(i, []))
        for i in ids
        if i in rows
    ]


def query_events(con: duckdb.DuckDBPyConnection, filters: EventFilter) -> list[StoredEvent]:
    """Stored events matching `filters`, by day, then publication, then storage order."""
    conditions: list[str] = []
    params: list[Any] = []
    if filters.ticker:
        conditions.append("list_contains(e.tickers, ?)")
        params.append(filters.ticker.upper())
    if filters.type:
        conditions.append("e.type = ?")
        params.append(filters.type)
    if filters.entity:
        conditions.append("e.entity = ?")
        params.append(filters.entity)
    if filters.since:
        conditions.append("e.day >= ?")
        params.append(filters.since)
    if filters.until:
        conditions.append("e.day <= ?")
        params.append(filters.until)
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    limit = f"LIMIT {int(filters.limit)}" if filters.limit is not None else ""
    rows = fetch_dicts(
        con,
        f"""SELECT e.*, a.published, a.published_at, a.source, a.url, a.title,
                   a.duplicate_group
            FROM events AS e JOIN articles AS a ON a.id = e.article_id
            {where}
            ORDER BY e.day NULLS LAST, a.published NULLS LAST, a.seq, e.position
            {limit}""",
        params,
    )
    return [
        StoredEvent(
            article_id=r["article_id"],
            index=r["position"],
            event=event_from_row(r),
            listing=r["listing"],
            tickers=tuple(r["tickers"] or ()),
            day=r["day"],
            published=r["published"],
            source=r["source"],
            url=r["url"],
            title=r["title"],
            duplicate_group=r["duplicate_group"],
            published_at=moment_from_text(r["published_at"]),
        )
        for r in rows
    ]


def query_timeline(
    con: duckdb.DuckDBPyConnection,
    listing: str,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> list[TimelineDay]:
    """A listing's events grouped by day, with the number of stories of each day."""
    by_day: dict[dt.date, list[StoredEvent]] = {}
    for stored in query_events(con, EventFilter(ticker=listing, since=since, until=until)):
        if stored.day is not None:
            by_day.setdefault(stored.day, []).append(stored)
    story_counts: dict[dt.date, int] = {
        r[0]: int(r[1])
        for r in con.execute(
            """SELECT date, count(*) FROM stories
               WHERE upper(listing) = ? AND date IS NOT NULL
                 AND (?::DATE IS NULL OR date >= ?) AND (?::DATE IS NULL OR date <= ?)
               GROUP BY date""",
            [listing.upper(), since, since, until, until],
        ).fetchall()
    }
    days = sorted(set(by_day) | set(story_counts))
    return [
        TimelineDay(
            date=day,
            events=tuple(by_day.get(day, ())),
            articles=len({e.article_id for e in by_day.get(day, ())}),
            stories=story_counts.get(day, 0),
            type_counts=dict(Counter(e.event.type for e in by_day.get(day, ()))),
        )
        for day in days
    ]
