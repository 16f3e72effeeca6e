"""Former tickers: a listing keeps one identity, and an article gets the ticker of its own day."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from tickerwire.errors import ReferenceDataError
from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.link.reference import FormerTicker, Listing
from tickerwire.pipeline import Pipeline
from tickerwire.records import CleanDocument, Entity, RawDocument


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


@functools.lru_cache(maxsize=1)
def _pipeline() -> Pipeline:
    return Pipeline()


def _entities(text: str, published: dt.date | None) -> dict[str, Entity]:
    doc = CleanDocument("test", text, published=published)
    return {e.id: e for e in link_document(doc, _reference()).entities}


def _moves(text: str, published: dt.date | None) -> list[tuple[str | None, str, float]]:
    article = _pipeline().process(RawDocument("test", text=text, published=published))
    return [
        (e.entity, e.attributes["listing"], e.attributes["change_pct"])
        for e in article.events
        if e.type == "price_move"
    ]


def test_ticker_on_walks_a_chain_of_changes() -> None:
    listing = Listing(
        "NEW",
        "XNYS",
        "USD",
        "US",
        True,
        (FormerTicker("OLDEST", dt.date(2010, 5, 3)), FormerTicker("MIDDLE", dt.date(2018, 1, 2))),
    )
    assert listing.ticker_on(dt.date(2009, 12, 31)) == "OLDEST"
    assert listing.ticker_on(dt.date(2010, 5, 3)) == "MIDDLE"  # first day of the next ticker
    assert listing.ticker_on(dt.date(2017, 12, 29)) == "MIDDLE"
    assert listing.ticker_on(dt.date(2018, 1, 2)) == "NEW"
    assert listing.ticker_on(None) == "NEW"
    assert listing.all_tickers == ("NEW", "OLDEST", "MIDDLE")


def test_former_ticker_finds_the_listing_and_a_current_ticker_wins() -> None:
    reference = _reference()
    found = reference.by_ticker("NYCB")
    assert found is not None and found[0].id == "flagstar-financial"
    assert found[1].ticker == "FLG"
    meta = reference.by_ticker("fb")
    assert meta is not None and meta[0].id == "meta"
    # GOOG was Alphabet's class A ticker until 2014; today it is the class C line.
    goog = reference.by_ticker("GOOG")
    assert goog is not None and goog[1].ticker == "GOOG"
    assert reference.by_ticker("NOSUCH") is None


def test_entity_tickers_are_those_of_the_publication_day() -> None:
    text = "New York Community Bancorp NYCB.N slid 11% after the lender cut its dividend."
    assert _entities(text, dt.date(2024, 2, 1))["flagstar-financial"].tickers == ["NYCB"]
    assert _entities(text, dt.date(2024, 10, 25))["flagstar-financial"].tickers == ["FLG"]
    assert _entities(text, None)["flagstar-financial"].tickers == ["FLG"]


def test_former_ticker_in_an_exchange_bracket_links_the_company_without_a_new_entity() -> None:
    text = "Facebook (NASDAQ: FB) said on Wednesday that daily users rose to 1.9 billion."
    entities = _entities(text, dt.date(2021, 7, 28))
    assert entities["meta"].tickers == ["FB"]
    assert [e.id for e in entities.values() if e.type == "company"] == ["meta"]


def test_shared_ticker_of_two_lines_appears_once_before_the_split() -> None:
    text = "Alphabet's Google unit said ad sales grew 20%, and its shares rose."
    assert _entities(text, dt.date(2013, 10, 18))["alphabet"].tickers == ["GOOG"]
    assert _entities(text, dt.date(2024, 2, 1))["alphabet"].tickers == ["GOOGL", "GOOG"]


def test_bare_former_ticker_after_the_name_is_counted() -> None:
    text = "Block Inc said payment volume grew. SQ shares rose 5% in New York on Friday."
    entities = _entities(text, dt.date(2024, 2, 23))
    assert entities["block"].tickers == ["SQ"]
    assert entities["block"].mentions == 2


def test_a_former_ticker_alone_is_not_a_mention() -> None:
    # Two letters, no company named, no "shares" after it: not a ticker here.
    entities = _entities("The FB group of funds rose 2% in the week.", dt.date(2021, 3, 1))
    assert "meta" not in entities


def test_price_move_listing_is_the_ticker_of_the_article_day() -> None:
    text = (
        "Shares of New York Community Bancorp NYCB.N fell 11% on Wednesday after it cut "
        "its dividend."
    )
    assert _moves(text, dt.date(2024, 2, 1)) == [("flagstar-financial", "NYCB", -11.0)]
    assert _moves(text, dt.date(2024, 11, 4)) == [("flagstar-financial", "FLG", -11.0)]
    assert _moves(text, None) == [("flagstar-financial", "FLG", -11.0)]


def _write(tmp_path: Path, content: str) -> Path:
    path = tmp_path / "user.csv"
    path.write_text(content, encoding="utf-8")
    return path


def test_user_listing_row_adds_former_tickers(tmp_path: Path) -> None:
    entities = _write(tmp_path, "id,name,type,aliases\nacme,Acme Corp,company,Acme Corp\n")
    listings = tmp_path / "listings.csv"
    listings.write_text(
        "entity_id,ticker,exchange,currency,country,primary,former_tickers\n"
        "acme,ACME,XNYS,USD,US,true,AC:2019-06-03|ACMQ:2012-01-03\n",
        encoding="utf-8",
    )
    reference = load_reference([entities, listings])
    found = reference.by_ticker("AC")
    assert found is not None and found[0].id == "acme"
    assert found[1].former == (
        FormerTicker("ACMQ", dt.date(2012, 1, 3)),
        FormerTicker("AC", dt.date(2019, 6, 3)),
    )
    assert found[1].ticker_on(dt.date(2015, 1, 2)) == "AC"


def test_user_correction_without_the_column_keeps_former_tickers(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "entity_id,ticker,exchange,currency,country,primary\n"
        "flagstar-financial,FLG,XNYS,USD,US,true\n",
    )
    found = load_reference([path]).by_ticker("NYCB")
    assert found is not None and found[1].ticker == "FLG"


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("ACM-2019-06-03", "TICKER:YYYY-MM-DD"),
        ("ACM:2019-13-03", "date"),
        ("acm x:2019-06-03", "TICKER:YYYY-MM-DD"),
        ("ACME:2019-06-03", "the listing's own"),
        ("FB:2019-06-03", "already belongs to entity 'meta'"),
        ("AC:2019-06-03|AD:2019-06-03", "same day"),
    ],
)
def test_malformed_former_tickers_are_reference_errors(
    tmp_path: Path, cell: str, reason: str
) -> None:
    entities = _write(tmp_path, "id,name,type,aliases\nacme,Acme Corp,company,Acme Corp\n")
    listings = tmp_path / "bad.csv"
    listings.write_text(
        "entity_id,ticker,exchange,currency,country,primary,former_tickers\n"
        f"acme,ACME,XNYS,USD,US,true,{cell}\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceDataError) as caught:
        load_reference([entities, listings])
    assert "bad.csv:2" in str(caught.value)
    assert reason in str(caught.value)
