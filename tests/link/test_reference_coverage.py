"""The bundled list covers the listed companies that market news names widely, and its short
names stay out of ordinary words."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.records import CleanDocument

DAY = dt.date(2024, 2, 2)


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _tickers(text: str, day: dt.date | None = DAY) -> dict[str, list[str]]:
    linked = link_document(CleanDocument("test", text, published=day), _reference())
    return {e.id: e.tickers for e in linked.entities}


@pytest.mark.parametrize(
    ("text", "entity_id", "tickers"),
    [
        (
            "Citizens Financial Group is expected to post EPS of 85 cents for the quarter.",
            "citizens-financial",
            ["CFG"],
        ),
        (
            "Analysts at Citizens JMP raised their price target on the chipmaker to $200.",
            "citizens-financial",
            ["CFG"],
        ),
        (
            "Bank of Montreal's BMO Capital Markets cut its rating on the railroad to hold.",
            "bank-of-montreal",
            ["BMO.TO", "BMO"],
        ),
        ("Scotiabank economists expect two rate cuts this year.", "scotiabank", ["BNS.TO", "BNS"]),
        ("Shares of Enbridge rose 1.1% in Toronto.", "enbridge", ["ENB.TO", "ENB"]),
        ("Methanex Corp jumped 4% after its results.", "methanex", ["MX.TO", "MEOH"]),
        ("Advantest Corp climbed 3% in Tokyo on chip demand.", "advantest", ["6857.T"]),
        ("Electrolux slid 5% after a gloomy demand outlook.", "electrolux", ["ELUX-B.ST"]),
        ("Illinois Tool Works reports before the bell on Friday.", "illinois-tool-works", ["ITW"]),
        ("Northrop Grumman won a $2 billion Air Force contract.", "northrop-grumman", ["NOC"]),
        ("PNC Financial lifted its quarterly dividend by 5 cents.", "pnc", ["PNC"]),
        ("Walgreens Boots Alliance cut its annual profit forecast.", "walgreens", ["WBA"]),
        ("Sea Limited shares rose 6% on its gaming unit's rebound.", "sea-ltd", ["SE"]),
        ("GSK said its shingles vaccine sales grew 12%.", "gsk", ["GSK.L", "GSK"]),
    ],
)
def test_listed_companies_of_market_news_link(
    text: str, entity_id: str, tickers: list[str]
) -> None:
    assert _tickers(text).get(entity_id) == tickers


def test_the_tsx_composite_under_its_short_names() -> None:
    text = "March futures on the S&P/TSX index were up 0.3% early on Friday."
    assert _tickers(text).get("sp-tsx-composite") == ["GSPTSE"]


def test_a_unit_is_its_listed_parents_only_from_its_own_listing() -> None:
    # Citizens was a unit of RBS until its listing in September 2014.
    text = "Citizens Financial Group said it would open 20 branches in Ohio."
    assert "citizens-financial" not in _tickers(text, dt.date(2013, 5, 6))
    assert _tickers(text, dt.date(2015, 5, 6))["citizens-financial"] == ["CFG"]


@pytest.mark.parametrize(
    "text",
    [
        "Citizens of the town voted against the new stadium on Tuesday.",
        "The carnival drew 40,000 visitors to the waterfront on Saturday.",
        "Sea levels rose faster than expected, the report said.",
        "Profits of Ing. C. Olivetti and C. SpA rose in 1986, the company said.",
        "Marriott was the first of the brothers to leave the village.",
    ],
)
def test_look_alikes_link_no_new_listing(text: str) -> None:
    new_ids = {"citizens-financial", "carnival", "sea-ltd", "ing", "marriott"}
    assert not new_ids & set(_tickers(text))


def test_names_of_companies_listed_later_than_the_text_do_not_link() -> None:
    text = "Marathon Petroleum Co said it cut its posted crude prices by one dlr a barrel."
    assert "marathon-petroleum" not in _tickers(text, dt.date(1987, 2, 26))
    text = "U.S. Steel said it would restart its Gary Works blast furnace next month."
    assert "us-steel" not in _tickers(text, dt.date(1987, 3, 2))
    assert _tickers(text, dt.date(2015, 3, 2))["us-steel"] == ["X"]


def test_mid_caps_of_earnings_calendars_link() -> None:
    text = (
        "Reporting on Thursday: Dolby Labs (DLB), NOV Inc (NOV), Post Holdings (POST), "
        "Vornado Realty Trust (VNO) and Fabrinet (FN)."
    )
    tickers = _tickers(text)
    assert tickers.get("nov-inc") == ["NOV"] and tickers.get("post-holdings") == ["POST"]
    assert tickers.get("vornado") == ["VNO"] and tickers.get("fabrinet") == ["FN"]


def test_a_company_renamed_after_a_takeover_has_the_ticker_of_its_day() -> None:
    text = "Eldorado Resorts said it would close two casinos in Nevada."
    assert _tickers(text, dt.date(2019, 6, 3))["caesars"] == ["ERI"]
    text = "Caesars Entertainment said it would close two casinos in Nevada."
    assert "caesars" not in _tickers(text, dt.date(2019, 6, 3))
    assert _tickers(text, dt.date(2023, 6, 5))["caesars"] == ["CZR"]
