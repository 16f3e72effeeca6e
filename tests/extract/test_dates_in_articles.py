"""Dates and periods read through the whole pipeline: a year written near a day or a quarter
belongs to it only when the words say so."""

from __future__ import annotations

import datetime as dt

from tickerwire.pipeline import Pipeline
from tickerwire.records import Article, RawDocument

FRIDAY = dt.date(2025, 2, 7)


def process(pipeline: Pipeline, text: str, published: dt.date | None = FRIDAY) -> Article:
    return pipeline.process(RawDocument(origin="test", text=text, published=published))


def move_days(article: Article) -> list[dt.date | None]:
    return [e.date for e in article.events if e.type == "price_move"]


def test_a_reported_quarters_year_does_not_date_the_move(pipeline):
    article = process(pipeline, "After a Q4 2024 beat, Nvidia rose 6% on Feb. 6.")
    assert move_days(article) == [dt.date(2025, 2, 6)]


def test_a_year_told_for_the_day_still_dates_it(pipeline):
    # look-alike: the year is the day's own ("a 2023 low on Oct. 26" names that Oct. 26)
    article = process(pipeline, "Nvidia has climbed 90% since hitting a 2023 low on Oct. 26.")
    since = [e.attributes.get("since") for e in article.events if e.type == "price_move"]
    assert since == ["2023-10-26"]


def test_the_period_of_a_quarter_of_a_fiscal_year(pipeline):
    text = "Oracle reported second-quarter fiscal 2025 earnings of $1.47 per share."
    periods = [
        e.attributes.get("period")
        for e in process(pipeline, text).events
        if e.type == "financial_metric"
    ]
    assert periods == ["second-quarter fiscal 2025"]
