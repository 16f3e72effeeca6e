"""Dated aliases: a firm's name links to its acquirer only in text from after the takeover."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from tickerwire.errors import ReferenceDataError
from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.records import CleanDocument, Entity


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _entities(
    text: str, published: dt.date | None, reference: ReferenceData | None = None
) -> dict[str, Entity]:
    doc = CleanDocument("test", text, published=published)
    return {e.id: e for e in link_document(doc, reference or _reference()).entities}


def _tickers(text: str, published: dt.date | None) -> dict[str, list[str]]:
    return {e.name: e.tickers for e in _entities(text, published).values() if e.tickers}


MERRILL = "Merrill Lynch and Co said on Monday it would underwrite the bond sale."


def test_merrill_lynch_before_its_takeover_is_no_bank_of_america() -> None:
    assert "bank-of-america" not in _entities(MERRILL, dt.date(1987, 3, 2))
    assert "bank-of-america" not in _entities(MERRILL, dt.date(2008, 12, 31))


def test_merrill_lynch_after_its_takeover_and_undated_is_bank_of_america() -> None:
    assert _entities(MERRILL, dt.date(2009, 1, 1))["bank-of-america"].tickers == ["BAC"]
    assert "bank-of-america" in _entities(MERRILL, None)


def test_an_analyst_of_merrill_lynch_found_by_pattern_is_not_the_acquirer_either() -> None:
    text = "Shares rose 2%, said Tom Reed, an analyst at Merrill Lynch, on Tuesday."
    old = _entities(text, dt.date(1987, 4, 7))
    assert "bank-of-america" not in old
    assert "bank-of-america" in _entities(text, dt.date(2012, 4, 10))


def test_the_acquirers_own_names_keep_linking_in_old_text() -> None:
    text = "Bank of America Corp said its quarterly profit rose 12 pct."
    assert _entities(text, dt.date(1987, 4, 7))["bank-of-america"].tickers == ["BAC"]


@pytest.mark.parametrize(
    ("text", "day", "entity_id"),
    [
        ("Raytheon Co shares rose 3 pct on a Pentagon missile contract.", "1987-03-05", "rtx"),
        ("Citibank cut its prime rate to 7-1/2 pct, the bank said.", "1987-03-05", "citigroup"),
        ("Broadcom Corp shares fell 4% after its chip forecast.", "2014-07-22", "broadcom"),
        ("Dow Chemical Co said it would raise polyethylene prices.", "1987-03-05", "dow-inc"),
        ("T-Mobile added 600,000 customers, Deutsche Telekom said.", "2012-11-08", "t-mobile"),
    ],
)
def test_other_acquired_names_before_the_takeover(text: str, day: str, entity_id: str) -> None:
    assert entity_id not in _entities(text, dt.date.fromisoformat(day))
    assert entity_id in _entities(text, None)


def test_former_names_of_the_same_line_link_with_the_ticker_of_their_day() -> None:
    text = "United Technologies Corp said its Pratt and Whitney unit won an engine order."
    assert _tickers(text, dt.date(1987, 3, 5)) == {"RTX Corp": ["UTX"]}
    text = "Avago Technologies shares rose 5% on its iPhone chip orders."
    assert _tickers(text, dt.date(2014, 7, 22)) == {"Broadcom Inc": ["AVGO"]}


def test_user_file_dates_an_alias(tmp_path: Path) -> None:
    entities = tmp_path / "entities.csv"
    entities.write_text(
        "id,name,type,aliases,dated_aliases\n"
        "acme-holdings,Acme Holdings Inc,company,Acme Holdings,Zenith Widgets:2015-06-01\n",
        encoding="utf-8",
    )
    listings = tmp_path / "listings.csv"
    listings.write_text(
        "entity_id,ticker,exchange,currency,country\nacme-holdings,ACMH,XNYS,USD,US\n",
        encoding="utf-8",
    )
    reference = load_reference([entities, listings])
    entity = reference.entity("acme-holdings")
    assert entity is not None and "Zenith Widgets" in entity.aliases
    text = "Zenith Widgets Inc said orders for its gear rose 8% in the quarter."
    assert "acme-holdings" not in _entities(text, dt.date(2015, 5, 29), reference)
    assert "acme-holdings" in _entities(text, dt.date(2015, 6, 1), reference)


@pytest.mark.parametrize("cell", ["Zenith Widgets", "Zenith Widgets:2015-13-01", ":2015-06-01"])
def test_malformed_dated_alias_is_a_reference_error(tmp_path: Path, cell: str) -> None:
    entities = tmp_path / "entities.csv"
    entities.write_text(
        f"id,name,type,aliases,dated_aliases\nacme,Acme Inc,company,Acme,{cell}\n",
        encoding="utf-8",
    )
    with pytest.raises(ReferenceDataError) as error:
        load_reference([entities])
    assert "entities.csv:2" in str(error.value)


def _relevance(title: str | None, published: dt.date) -> float:
    text = (
        "Wells Fargo cut its prime rate on Monday. Wells Fargo said its loan book grew.\n"
        "Bank of America Corp followed with a cut of its own.\n"
    )
    doc = CleanDocument("test", text, title=title, published=published)
    entities = {e.id: e for e in link_document(doc, _reference()).entities}
    return entities["bank-of-america"].relevance


def test_a_title_naming_merrill_lynch_before_the_takeover_does_not_lift_the_acquirer() -> None:
    title = "Merrill Lynch plans a large bond sale"
    old = dt.date(1987, 3, 2)
    assert _relevance(title, old) == _relevance(None, old)
    recent = dt.date(2012, 3, 2)
    assert _relevance(title, recent) > _relevance(None, recent)
