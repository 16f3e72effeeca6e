"""Zacks footer lines ("Name (TICKER) : Free Stock Analysis Report", removed by the clean stage)
give the tickers of companies the reference list does not know to the body's mentions."""

from __future__ import annotations

import datetime as dt
import functools

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.records import CleanDocument, Entity, Removed

DAY = dt.date(2024, 2, 1)
BODY = (
    "Walmart WMT, Quillon Software QLLN and Pinterest PINS are better-ranked stocks to consider.\n"
    "Quillon Software shares have gained 14% in the past six months. QLLN reports on Feb 13.\n"
)


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _footer(*lines: str) -> tuple[Removed, ...]:
    return tuple(Removed(kind="boilerplate", text=line) for line in lines)


def _entities(text: str, removed: tuple[Removed, ...]) -> dict[str, Entity]:
    doc = CleanDocument("test", text, removed=removed, published=DAY)
    return {e.name: e for e in link_document(doc, _reference()).entities}


def test_a_footer_company_links_its_body_mentions_with_its_ticker() -> None:
    removed = _footer(
        "Walmart Inc. (WMT) : Free Stock Analysis Report",
        "Quillon Software (QLLN) : Free Stock Analysis Report",
    )
    entities = _entities(BODY, removed)
    quillon = entities["Quillon Software"]
    assert quillon.tickers == ["QLLN"]
    assert quillon.type == "company"
    assert quillon.mentions == 3  # "Quillon Software QLLN", "Quillon Software", "QLLN"


def test_the_footers_legal_form_and_the_bodys_bracket_form_are_one_company() -> None:
    text = "1.  Harrow Feed Co. (HRWF)\nHarrow Feed beat in three of the last four quarters.\n"
    entities = _entities(text, _footer("Harrow Feed Company (HRWF) : Free Stock Analysis Report"))
    assert [e.tickers for e in entities.values()] == [["HRWF"]]
    assert entities["Harrow Feed Company"].mentions == 2


def test_without_the_footer_line_the_name_alone_gets_no_ticker() -> None:
    text = "Quillon Software shares have gained 14% in the past six months."
    assert _entities(text, ()) == {}
    other_shape = _footer("Quillon Software (QLLN) - Get Free Report")
    assert _entities(text, other_shape) == {}


def test_a_one_word_footer_name_used_as_an_ordinary_word_needs_its_ticker() -> None:
    text = "Beacon BCNQ is a top pick. The beacon of the sector is cloud.\nBeacon rose 2%."
    entities = _entities(text, _footer("Beacon Inc. (BCNQ) : Free Stock Analysis Report"))
    assert entities["Beacon Inc."].mentions == 1


def test_a_footer_never_adds_a_ticker_to_a_known_company_or_makes_a_second_one() -> None:
    text = "Walmart shares rose 2% after the retailer's results."
    entities = _entities(text, _footer("Walmart Inc. (WMTX) : Free Stock Analysis Report"))
    assert entities["Walmart Inc"].tickers == ["WMT"]
    assert len(entities) == 1


def _mentions(text: str, removed: tuple[Removed, ...]) -> list[tuple[str, str, str | None]]:
    doc = CleanDocument("test", text, removed=removed, published=DAY)
    linked = link_document(doc, _reference())
    return [(m.entity_id, m.text, m.ticker) for m in linked.mentions]


HARROW_FOOTER = _footer("Harrow Feed Company (HRWF) : Free Stock Analysis Report")


def test_an_unlisted_name_and_the_footers_name_with_one_ticker_are_one_company() -> None:
    text = "Harrow Feed Holdings (NASDAQ: HRWF) raised its outlook.\nHarrow Feed beat estimates.\n"
    entities = _entities(text, HARROW_FOOTER)
    assert [(e.tickers, e.mentions) for e in entities.values()] == [(["HRWF"], 2)]


def test_two_unlisted_names_with_one_exchange_ticker_are_one_company() -> None:
    text = (
        "Harrow Feed Holdings (NASDAQ: HRWF) raised its outlook on Monday.\n"
        "Harrow Feed Co. (NASDAQ: HRWF) said grain costs eased.\n"
    )
    entities = _entities(text, ())
    assert [(e.tickers, e.mentions) for e in entities.values()] == [(["HRWF"], 2)]


def test_the_legal_form_the_body_writes_after_the_footers_short_name_is_part_of_it() -> None:
    # "Co." would read as the start of a longer name ("Harrow Feed Cooperative") without it
    text = "Harrow Feed Co. lifted its dividend by 5% on Tuesday."
    assert _mentions(text, HARROW_FOOTER) == [("harrow-feed-company", "Harrow Feed Co.", None)]
    text = "Harrow Feed, Inc. lifted its dividend by 5% on Tuesday."
    assert _mentions(text, HARROW_FOOTER) == [("harrow-feed-company", "Harrow Feed, Inc.", None)]


def test_a_footer_name_with_a_ticker_the_reference_holds_gets_no_ticker_from_the_footer() -> None:
    # WMT is Walmart's: a footer giving it to another name is not trusted
    text = "Bentonville Retail Group raised its prices in March."
    entities = _entities(
        text, _footer("Bentonville Retail Group (WMT) : Free Stock Analysis Report")
    )
    assert all("WMT" not in e.tickers for e in entities.values())


def test_a_footer_ticker_of_two_letters_alone_links_only_before_stock_or_shares() -> None:
    text = "Quarrel Labs beat estimates. QX is up 5% this year, and QX shares hit a high."
    doc = CleanDocument(
        "test",
        text,
        removed=_footer("Quarrel Labs (QX) : Free Stock Analysis Report"),
        published=DAY,
    )
    linked = link_document(doc, _reference())
    assert [(m.start, m.text) for m in linked.mentions] == [
        (0, "Quarrel Labs"),
        (text.index("QX shares"), "QX"),
    ]
