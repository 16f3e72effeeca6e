"""Article records to table rows and back (pure computation, no database).

Rows are built column-wise (`Columns`: column name -> list of values) because the store inserts a
batch with one statement per table. Event attributes and removed parts travel as JSON text; on the
way back they are parsed again, so a stored article equals the original in its JSON form
(`model_dump(mode="json")`): dates inside `Event.attributes` come back as ISO strings, exactly as
`tickerwire extract` prints them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pydantic_core

from tickerwire.cluster.stories import NOT_FACT_LEVELS
from tickerwire.records import Article, Conflict, Entity, Event, Removed, Sentiment

Columns = dict[str, list[Any]]


def _to_json(value: Any) -> str:
    return pydantic_core.to_json(value).decode("utf-8")


def event_listing(event: Event) -> str | None:
    """The listing or index an event is explicitly about (price and index moves name one)."""
    if event.type == "price_move":
        listing = event.attributes.get("listing")
    elif event.type == "index_move":
        listing = event.attributes.get("index")
    else:
        return None
    return str(listing) if listing else None


def event_tickers(event: Event, entity_tickers: Mapping[str, Sequence[str]]) -> list[str]:
    """The tickers a query by ticker finds this event under.

    A move names the line that moved, and only that line (a Hong Kong move is not a New York
    one). Other events are about the company, so they count for each of its listings; a price move
    whose line the text leaves open counts only when the company has a single listing.
    """
    listing = event_listing(event)
    if listing:
        return [listing]
    tickers = list(entity_tickers.get(event.entity or "", ()))
    if event.type == "price_move" and len(tickers) != 1:
        return []
    return tickers


def attribute_text(value: Any) -> str | None:
    """An attribute as DuckDB's `attributes->>'name'` reads it from the stored JSON: strings as
    they are, other values as their JSON text, null as None."""
    if value is None or isinstance(value, str):
        return value
    text = _to_json(value)
    # Dates and the like serialise to JSON strings: ->> gives them without the quotes.
    return str(json.loads(text)) if text.startswith('"') else text


def is_groupable(event: Event) -> bool:
    """Whether the event may join a story: a statement of fact, and no metric estimate
    (`cluster.stories` leaves the others out; stored as events.groupable)."""
    fact_level = event.attributes.get("fact_level")  # stored as events.fact_level: str()
    if fact_level is not None and str(fact_level) in NOT_FACT_LEVELS:
        return False
    estimate = attribute_text(event.attributes.get("is_estimate"))
    return not (event.type == "financial_metric" and estimate == "true")


@dataclass
class ArticleRows:
    """Column-wise rows of a batch of new articles, one `Columns` per table."""

    articles: Columns = field(default_factory=dict)
    entities: Columns = field(default_factory=dict)
    events: Columns = field(default_factory=dict)
    conflicts: Columns = field(default_factory=dict)


ARTICLE_COLUMNS: dict[str, str] = {
    "id": "VARCHAR",
    "seq": "BIGINT",
    "url": "VARCHAR",
    "source": "VARCHAR",
    "title": "VARCHAR",
    "published": "DATE",
    "published_basis": "VARCHAR",
    "language": "VARCHAR",
    "text": "VARCHAR",
    "removed": "JSON",
    "sentiment_score": "DOUBLE",
    "sentiment_label": "VARCHAR",
    "pipeline_version": "VARCHAR",
    "first_ingested": "TIMESTAMP",
    "run_id": "INTEGER",
    "duplicate_group": "VARCHAR",
    "duplicate_of": "VARCHAR",
    "duplicate_similarity": "DOUBLE",
    # ISO 8601 text with the offset as written (schema migration 9), as the record prints it.
    "published_at": "VARCHAR",
}
ENTITY_COLUMNS: dict[str, str] = {
    "article_id": "VARCHAR",
    "position": "INTEGER",
    "entity_id": "VARCHAR",
    "name": "VARCHAR",
    "type": "VARCHAR",
    "tickers": "VARCHAR[]",
    "mentions": "INTEGER",
    "relevance": "DOUBLE",
    "sentiment": "DOUBLE",
}
EVENT_COLUMNS: dict[str, str] = {
    "article_id": "VARCHAR",
    "position": "INTEGER",
    "type": "VARCHAR",
    "entity": "VARCHAR",
    "listing": "VARCHAR",
    "tickers": "VARCHAR[]",
    "date": "DATE",
    "day": "DATE",
    "date_text": "VARCHAR",
    "evidence_start": "INTEGER",
    "evidence_end": "INTEGER",
    "evidence_text": "VARCHAR",
    "confidence": "DOUBLE",
    "fact_level": "VARCHAR",
    "attributes": "JSON",
    # Story keys (schema migration 7): see `attribute_text` and `is_groupable`.
    "metric": "VARCHAR",
    "segment": "VARCHAR",
    "period_end": "VARCHAR",
    "groupable": "BOOLEAN",
    "duplicate_group": "VARCHAR",
    "entity_tickers": "VARCHAR[]",
    # The article's publication day and storage order (schema migration 8), for the same reason.
    "published": "DATE",
    "seq": "BIGINT",
}
CONFLICT_COLUMNS: dict[str, str] = {
    "id": "VARCHAR",
    "story_id": "VARCHAR",
    "article_id": "VARCHAR",
    "position": "INTEGER",
    "entity": "VARCHAR",
    "field": "VARCHAR",
    "value_list": "JSON",
    "why": "VARCHAR",
    "run_id": "INTEGER",
}


@dataclass(frozen=True)
class DuplicateInfo:
    """The near-duplicate group an article was put in, and the article it matched."""

    group: str
    matched: str | None = None
    similarity: float | None = None


def article_rows(
    articles: Sequence[Article],
    *,
    first_seq: int,
    run_id: int,
    now: dt.datetime,
    duplicates: Mapping[str, DuplicateInfo],
) -> ArticleRows:
    """Rows for new articles and their entities, events and in-article conflicts."""
    rows = ArticleRows(
        articles={name: [] for name in ARTICLE_COLUMNS},
        entities={name: [] for name in ENTITY_COLUMNS},
        events={name: [] for name in EVENT_COLUMNS},
        conflicts={name: [] for name in CONFLICT_COLUMNS},
    )
    for offset, article in enumerate(articles):
        dup = duplicates.get(article.id, DuplicateInfo(article.id))
        _append(
            rows.articles,
            id=article.id,
            seq=first_seq + offset,
            url=article.url,
            source=article.source,
            title=article.title,
            published=article.published,
            published_basis=article.published_basis,
            language=article.language,
            text=article.text,
            removed=_to_json([r.model_dump(mode="json") for r in article.removed]),
            sentiment_score=article.sentiment.score,
            sentiment_label=article.sentiment.label,
            pipeline_version=article.pipeline_version,
            first_ingested=now,
            run_id=run_id,
            duplicate_group=dup.group,
            duplicate_of=dup.matched,
            duplicate_similarity=dup.similarity,
            published_at=published_at_text(article),
        )
        entity_tickers = {e.id: e.tickers for e in article.entities}
        for position, entity in enumerate(article.entities):
            _append(
                rows.entities,
                article_id=article.id,
                position=position,
                entity_id=entity.id,
                name=entity.name,
                type=entity.type,
                tickers=list(entity.tickers),
                mentions=entity.mentions,
                relevance=entity.relevance,
                sentiment=entity.sentiment,
            )
        for position, event in enumerate(article.events):
            fact_level = event.attributes.get("fact_level")
            _append(
                rows.events,
                article_id=article.id,
                position=position,
                type=event.type,
                entity=event.entity,
                listing=event_listing(event),
                tickers=event_tickers(event, entity_tickers),
                date=event.date,
                day=event.date or article.published,
                date_text=event.date_text,
                evidence_start=event.evidence.start,
                evidence_end=event.evidence.end,
                evidence_text=event.evidence.text,
                confidence=event.confidence,
                fact_level=str(fact_level) if fact_level is not None else None,
                attributes=_to_json(event.attributes),
                metric=attribute_text(event.attributes.get("metric")),
                segment=attribute_text(event.attributes.get("segment")),
                period_end=attribute_text(event.attributes.get("period_end")),
                groupable=is_groupable(event),
                duplicate_group=dup.group,
                entity_tickers=_entity_tickers(article.entities, event.entity),
                published=article.published,
                seq=first_seq + offset,
            )
        for position, conflict in enumerate(article.conflicts):
            _append(
                rows.conflicts,
                id=f"{article.id}:{position}",
                story_id=conflict.story,
                article_id=article.id,
                position=position,
                entity=conflict.entity,
                field=conflict.field,
                value_list=_to_json([v.model_dump(mode="json") for v in conflict.values]),
                why=conflict.why,
                run_id=run_id,
            )
    return rows


def published_at_text(article: Article) -> str | None:
    """The article's publication moment as the record prints it (ISO 8601, offset as written)."""
    moment = article.model_dump(mode="json", include={"published_at"})["published_at"]
    return str(moment) if moment is not None else None


def moment_from_text(text: str | None) -> dt.datetime | None:
    """A stored publication moment (ISO 8601 text) as an aware datetime. Read by the standard
    library, which also takes the offsets in seconds of old local times that pydantic refuses."""
    return dt.datetime.fromisoformat(text) if text else None


def _entity_tickers(entities: Sequence[Entity], entity_id: str | None) -> list[str] | None:
    """The tickers of the event's entity (of its last entry, as a lookup by id finds it)."""
    found: list[str] | None = None
    for entity in entities:
        if entity.id == entity_id:
            found = list(entity.tickers)
    return found


def _append(columns: Columns, **values: Any) -> None:
    for name, value in values.items():
        columns[name].append(value)


def entity_from_row(row: Mapping[str, Any]) -> Entity:
    return Entity(
        id=row["entity_id"],
        name=row["name"],
        type=row["type"],
        tickers=list(row["tickers"] or []),
        mentions=row["mentions"],
        relevance=row["relevance"],
        sentiment=row["sentiment"],
    )


def event_from_row(row: Mapping[str, Any]) -> Event:
    return Event.model_validate(
        {
            "type": row["type"],
            "entity": row["entity"],
            "date": row["date"],
            "date_text": row["date_text"],
            "evidence": {
                "start": row["evidence_start"],
                "end": row["evidence_end"],
                "text": row["evidence_text"],
            },
            "confidence": row["confidence"],
            "attributes": json.loads(row["attributes"]) if row["attributes"] else {},
        }
    )


def conflict_from_row(row: Mapping[str, Any]) -> Conflict:
    return Conflict.model_validate(
        {
            "story": row["story_id"],
            "entity": row["entity"],
            "field": row["field"],
            "values": json.loads(row["value_list"]),
            "why": row["why"],
        }
    )


def article_from_rows(
    row: Mapping[str, Any],
    entities: Sequence[Entity],
    events: Sequence[Event],
    conflicts: Sequence[Conflict],
) -> Article:
    """Rebuild an Article from its row and its entities, events and conflicts (in order)."""
    return Article(
        id=row["id"],
        url=row["url"],
        source=row["source"],
        title=row["title"],
        published=row["published"],
        published_basis=row["published_basis"],
        published_at=moment_from_text(row["published_at"]),
        language=row["language"] or "en",
        text=row["text"],
        removed=[Removed.model_validate(r) for r in json.loads(row["removed"] or "[]")],
        entities=list(entities),
        events=list(events),
        sentiment=Sentiment(score=row["sentiment_score"], label=row["sentiment_label"]),
        conflicts=list(conflicts),
        pipeline_version=row["pipeline_version"],
    )
