"""Reports (the events that may join a story) read back from the events table for the story
refresh, and the keys that say which stories a batch's reports touch.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import duckdb

from tickerwire.cluster.stories import STORY_EVENT_TYPES, Report
from tickerwire.records import Article, Event, Evidence
from tickerwire.store.duckdb_stories import fetch_rows
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
# The reports grouped into the stories whose ids are passed as $1.
GROUPED_REPORTS_SQL = """
    SELECT r.story_id, e.article_id, e.position, e.type, e.entity, e.date, e.date_text,
           e.evidence_start, e.evidence_end, e.evidence_text, e.confidence, e.attributes,
           e.entity_tickers, e.published, e.seq, e.duplicate_group
    FROM story_reports AS r
    JOIN events AS e ON e.article_id = r.article_id AND e.position = r.event_position
    WHERE r.story_id IN (SELECT unnest($1::VARCHAR[]))
    ORDER BY e.seq, e.position"""


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


def reports_from_rows(rows: list[dict[str, Any]]) -> list[Report]:
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


def load_reports(
    con: duckdb.DuckDBPyConnection, where: str, params: Sequence[Any], join: str = ""
) -> list[Report]:
    """The groupable reports of the events `e` matching `where` (SQL over `e`, and over what
    `join` adds), in storage order."""
    return reports_from_rows(fetch_rows(con, _REPORTS_SQL.format(where=where, join=join), params))
