"""Index coverage with the bundled reference data: Reuters index codes (".N225", ".SPLRCL",
"=USD"), S&P 500 sector indices, industry and regional indices, the dollar index.

Each shape has a look-alike that must not give an index move: a sector named without "index"
or a code is a group of stocks; a currency's move against another is no index's move; a number
that opens a noun phrase ("the 9% drop in ...") is not the previous subject's.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tickerwire.pipeline import Pipeline
from tickerwire.records import Article, RawDocument

FRIDAY = dt.date(2024, 3, 8)


def process(pipeline: Pipeline, text: str, published: dt.date | None = FRIDAY) -> Article:
    return pipeline.process(RawDocument(origin="test", text=text, published=published))


def index_moves(article: Article) -> list[tuple[str, float, str]]:
    return [
        (e.attributes["index"], e.attributes["change_pct"], e.attributes["period"])
        for e in article.events
        if e.type == "index_move"
    ]


def entity_ids(article: Article) -> set[str]:
    return {e.id for e in article.entities}


def test_reuters_codes_name_regional_indices(pipeline):
    article = process(
        pipeline,
        "Asian stocks firmed on Friday. South Korea's benchmark .KS11 climbed 1.3%, and the "
        "MSCI-compiled broadest index of Asia-Pacific shares outside Japan gained 0.8%.",
    )
    assert index_moves(article) == [("KOSPI", 1.3, "session"), ("MIAPJ0000PUS", 0.8, "session")]
    # MSCI, the index provider, is still named
    assert "msci" in entity_ids(article)


def test_a_period_that_names_another_numbers_gain_does_not_time_a_later_move(pipeline):
    article = process(
        pipeline,
        "Tokyo's Nikkei .N225 rose 0.4%, taking its weekly gain to 2.2%, whereas the regional "
        "gauge .MIAPJ0000PUS advanced 0.9% today and stood 1.5% higher for the week.",
    )
    assert index_moves(article) == [
        ("N225", 0.4, "session"),
        ("N225", 2.2, "week"),
        ("MIAPJ0000PUS", 0.9, "session"),
        ("MIAPJ0000PUS", 1.5, "week"),
    ]


def test_a_name_and_its_code_are_one_mention(pipeline):
    article = process(pipeline, "Japan's Nikkei .N225 slipped 0.6% as exporters lost ground.")
    nikkei = next(e for e in article.entities if e.id == "nikkei-225")
    assert nikkei.mentions == 1


def test_euro_stoxx_futures_written_as_one_word(pipeline):
    article = process(
        pipeline, "European markets looked set for a firm open, with EUROSTOXX 50 futures up 0.7%."
    )
    assert index_moves(article) == [("SX5E", 0.7, "premarket")]


def test_sector_index_by_code_and_by_full_name(pipeline):
    article = process(
        pipeline,
        "Meta jumped 9%, and its gain sent the S&P 500 communication services sector .SPLRCL "
        "up 2.4%. "
        "The S&P 500 energy index fell 1.8% as crude prices slid. "
        "Utilities .SPLRCU lost 1.2%, the weakest of the sectors.",
    )
    assert index_moves(article) == [
        ("SPLRCL", 2.4, "session"),
        ("SPNY", -1.8, "session"),
        ("SPLRCU", -1.2, "session"),
    ]


def test_a_sector_without_index_wording_is_no_index(pipeline):
    article = process(
        pipeline,
        "The energy sector fell 1.8% as crude prices slid, while materials stocks rose 0.5% "
        "and the communication services group gained 1.1%.",
    )
    assert index_moves(article) == []
    assert not {e.id for e in article.entities if e.type == "index"}


def test_industry_indices_and_a_noun_phrase_number_after_them(pipeline):
    article = process(
        pipeline,
        "Lenders struggled: KBW's regional bank gauge .KRX sank 2.6%, dragged down by the 9.4% "
        "drop in Valley National's shares. The Philadelphia semiconductor index .SOX rose 3.1%.",
    )
    assert index_moves(article) == [("KRX", -2.6, "session"), ("SOX", 3.1, "session")]


def test_a_move_on_the_day_before_gets_no_inferred_date(pipeline):
    article = process(
        pipeline,
        "Regional lenders' gauge .KRX shed 1.5% today, after its 5% slump the day before.",
    )
    moves = [e for e in article.events if e.type == "index_move"]
    assert [(e.attributes["change_pct"], e.date) for e in moves] == [
        (-1.5, FRIDAY),
        (-5.0, None),
    ]


def test_dollar_index_with_level(pipeline):
    article = process(pipeline, "The dollar index fell 0.4% to 102.85 after the jobs data.")
    assert index_moves(article) == [("DXY", -0.4, "session")]
    move = next(e for e in article.events if e.type == "index_move")
    assert move.attributes["level"] == 102.85


@pytest.mark.parametrize(
    "text",
    [
        "The dollar fell 0.5% against the yen after the jobs data.",
        "The U.S. dollar slipped 0.3% to 148.20 yen.",
        "The Invesco DB US Dollar Index Bullish Fund fell 0.4% on Friday.",
    ],
)
def test_a_currency_move_is_no_dollar_index_move(pipeline, text):
    article = process(pipeline, text)
    assert index_moves(article) == []
    assert "us-dollar-index" not in entity_ids(article)


def test_words_of_index_names_alone_are_no_entities(pipeline):
    article = process(
        pipeline,
        "World leaders met on energy and materials policy as the dollar held firm, and the "
        "technology industry lobbied for real estate tax breaks.",
    )
    assert not {e.id for e in article.entities if e.type == "index"}
