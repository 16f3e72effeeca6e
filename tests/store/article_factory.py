"""Small Article records for store tests (our own sentences, in the style of news)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tickerwire.records import Article, Entity, Event, Evidence

ALIBABA = Entity(
    id="alibaba",
    name="Alibaba Group Holding Ltd",
    type="company",
    tickers=["9988.HK", "BABA"],
    mentions=3,
    relevance=1.0,
)
TENCENT = Entity(
    id="tencent", name="Tencent Holdings", type="company", tickers=["0700.HK"], mentions=1
)


def move(listing: str, pct: float, day: dt.date | None, entity: str = "alibaba") -> Event:
    sentence = f"The {listing} shares moved {pct:+g}% in the session."
    return Event(
        type="price_move",
        entity=entity,
        date=day,
        evidence=Evidence(start=0, end=len(sentence), text=sentence),
        confidence=0.8,
        attributes={
            "listing": listing,
            "direction": "up" if pct > 0 else "down",
            "change_pct": pct,
            "period": "session",
        },
    )


def figure(entity: str, sentence: str, confidence: float = 0.7, **attributes: object) -> Event:
    """A `financial_metric` event read from `sentence`, with these attributes."""
    return Event(
        type="financial_metric",
        entity=entity,
        evidence=Evidence(start=0, end=len(sentence), text=sentence),
        confidence=confidence,
        attributes=attributes,
    )


def metric(entity: str, value: float) -> Event:
    sentence = f"Cloud revenue reached {value:,.0f} yuan."
    return figure(entity, sentence, metric="revenue", segment="cloud", value=value, currency="CNY")


# The columns of `events` that place an event in a story (schema migrations 7 and 8).
STORY_KEY_COLUMNS = (
    "metric",
    "segment",
    "period_end",
    "groupable",
    "duplicate_group",
    "entity_tickers",
    "published",
    "seq",
)


def drop_story_key_columns(connection: Any) -> None:
    """Make a database's events table as it was before schema migration 7 (the caller removes
    migrations 7 and up from `schema_version`)."""
    for column in STORY_KEY_COLUMNS:
        connection.execute(f"ALTER TABLE events DROP COLUMN {column}")


def article(
    text: str,
    *,
    url: str | None = None,
    published: dt.date | None = None,
    source: str | None = "Example Wire",
    entities: list[Entity] | None = None,
    events: list[Event] | None = None,
) -> Article:
    from tickerwire.pipeline import article_id

    return Article(
        id=article_id(text),
        url=url,
        source=source,
        published=published,
        published_basis="metadata" if published else None,
        text=text,
        entities=entities or [],
        events=events or [],
        pipeline_version="0.1.0",
    )


# A report and a light rewrite of it by another outlet (a new opening, two changed words), and an
# unrelated report: for near-duplicate grouping.
REPORT = (
    "Lindqvist Foods agreed on Tuesday to sell its frozen desserts unit to a private equity firm "
    "for 640 million euros, as the Swedish group narrows its focus to dairy and plant-based "
    "drinks. The sale is expected to close in the first quarter and will cut the group's debt "
    "by about a third, finance chief Maja Holm said on a call with reporters. Lindqvist shares "
    "gained 3.4% in Stockholm, their best day since March. The desserts business, which runs "
    "three factories in Sweden and Poland, had sales of 410 million euros last year but has "
    "struggled with rising sugar and energy costs. Unions said they would seek talks with the "
    "buyer about jobs at the Polish plants."
)
REWRITE = (
    "Swedish group Lindqvist Foods agreed on Tuesday to sell its frozen desserts unit to a "
    "private equity firm for 640 million euros, as it narrows its focus to dairy and plant-based "
    "drinks. The sale is expected to close in the first quarter and will cut the group's debt "
    "by about a third, finance chief Maja Holm told reporters on a call. Lindqvist shares "
    "gained 3.4% in Stockholm, their best day since March. The desserts business, which runs "
    "three factories in Sweden and Poland, had sales of 410 million euros last year but has "
    "struggled with rising sugar and energy costs. Unions said they would seek talks with the "
    "buyer about jobs at the Polish plants."
)
OTHER_REPORT = (
    "Regional rail operator Nordbahn said passenger numbers rose 12% in the summer months, "
    "helped by a cheap monthly ticket, and it plans to lease 40 more trains by 2027."
)
