"""Sentiment as the pipeline sets it on the Article record."""

from __future__ import annotations

from tickerwire.pipeline import Pipeline
from tickerwire.records import RawDocument


def test_article_record_carries_the_article_sentiment() -> None:
    pipeline = Pipeline()
    upbeat = RawDocument(
        origin="upbeat.txt",
        title="Nordwind Energy lifts outlook after record quarter",
        text=(
            "Nordwind Energy raised its full-year guidance on Wednesday after quarterly profit "
            "jumped 31% on strong demand for its turbines.\n"
            "The company also announced a share buyback."
        ),
    )
    gloomy = RawDocument(
        origin="gloomy.txt",
        text=(
            "Harbor Freight Lines swung to a net loss in the third quarter and cut its dividend.\n"
            "The carrier said it will close two depots and lay off 300 workers."
        ),
    )
    assert pipeline.process(upbeat).sentiment.label == "positive"
    record = pipeline.process(gloomy)
    assert record.sentiment.label == "negative"
    assert -1.0 <= record.sentiment.score < 0
