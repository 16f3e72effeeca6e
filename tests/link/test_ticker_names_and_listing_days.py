"""Names written as their ticker ("Nov (NOV)"), a listing's former ticker (Fiserv's FISV) and a
firm that listed after the text (Goldman Sachs, a partnership until its 1999 IPO)."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.records import CleanDocument


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _tickers(text: str, day: dt.date | None = dt.date(2024, 2, 1)) -> dict[str, list[str]]:
    linked = link_document(CleanDocument("test", text, published=day), _reference())
    return {e.id: e.tickers for e in linked.entities}


def test_one_word_names_spelled_as_their_ticker_in_a_list_link() -> None:
    text = (
        "Reporting this week: Dover (DOV), Nov (NOV), Post (POST) and Cummins (CMI) are "
        "expected to beat estimates."
    )
    tickers = _tickers(text)
    assert tickers["nov-inc"] == ["NOV"]
    assert tickers["post-holdings"] == ["POST"]


@pytest.mark.parametrize(
    "text",
    [
        "Sales fell in Nov and Dec, the retailer said.",
        "The Post reported that the merger talks had stalled.",
        "Post (PST) and Nov (NVX) are no listings of these firms.",
    ],
)
def test_the_ordinary_words_without_their_own_ticker_link_nothing(text: str) -> None:
    tickers = _tickers(text)
    assert "nov-inc" not in tickers
    assert "post-holdings" not in tickers


def test_fiserv_gets_its_ticker_of_the_day() -> None:
    assert _tickers("Fiserv (FI) shares rose 3% after its results.")["fiserv"] == ["FI"]
    old = _tickers("Fiserv Inc (NASDAQ: FISV) rose 2% on the bank deal.", dt.date(2019, 1, 16))
    assert old["fiserv"] == ["FISV"]


@pytest.mark.parametrize("name", ["Goldman Sachs and Co", "Goldman"])
def test_goldman_sachs_before_its_listing_gets_no_ticker(name: str) -> None:
    text = f"{name} said it would underwrite the 200 mln dlr bond offering."
    for day in (dt.date(1987, 3, 4), dt.date(1999, 5, 3)):
        assert not any("GS" in tickers for tickers in _tickers(text, day).values())


@pytest.mark.parametrize("day", [dt.date(1999, 5, 4), dt.date(2024, 2, 1), None])
def test_goldman_sachs_from_its_listing_day_on_and_undated_is_gs(day: dt.date | None) -> None:
    text = "Goldman Sachs analysts raised their price target on the chipmaker."
    assert _tickers(text, day)["goldman-sachs"] == ["GS"]
