"""Precision fixes that need the bundled reference data (real names and listings): each text is
run through the whole pipeline, and what a reader would call wrong must not come out."""

from __future__ import annotations

import datetime as dt

from tickerwire.pipeline import Pipeline
from tickerwire.records import Article, RawDocument

TUESDAY = dt.date(2024, 8, 13)


def process(pipeline: Pipeline, text: str, published: dt.date | None = TUESDAY) -> Article:
    return pipeline.process(RawDocument(origin="test", text=text, published=published))


def index_moves(article: Article) -> list[tuple[str, float, str]]:
    return [
        (e.attributes["index"], e.attributes["change_pct"], e.attributes["instrument"])
        for e in article.events
        if e.type == "index_move"
    ]


def test_nasdaq_futures_are_the_nasdaq_100_contracts(pipeline):
    article = process(
        pipeline,
        "Nasdaq futures rose 0.6% early on Tuesday as traders waited for chip earnings, "
        "while the Nasdaq Composite had closed 1.1% higher the day before.",
    )
    assert index_moves(article) == [("NDX", 0.6, "futures"), ("COMP", 1.1, "index")]
    assert next(e.entity for e in article.events if e.type == "index_move") == "nasdaq-100"
