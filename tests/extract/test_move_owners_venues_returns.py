"""Moves read with the bundled reference: whose shares a bare "the stock" or a description
names, which listing a venue word picks, moves told as returns, earlier moves with their own
day, and a summary line that contradicts the story.

Each rule has look-alikes that must keep their old reading or give nothing.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from tickerwire.extract import extract_events
from tickerwire.link import link_document, load_reference
from tickerwire.link.reference import ReferenceData
from tickerwire.records import CleanDocument, Event

THURSDAY = dt.date(2024, 2, 1)


@lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def run(
    text: str, published: dt.date | None = THURSDAY, at: dt.datetime | None = None
) -> list[Event]:
    doc = CleanDocument(origin="test", text=text, published=published, published_at=at)
    return extract_events(link_document(doc, _reference()), _reference())


def moves(events: list[Event]) -> list[tuple[str, float, str]]:
    return [
        (e.attributes["listing"], e.attributes["change_pct"], e.attributes["period"])
        for e in events
        if e.type == "price_move"
    ]


def dated_moves(events: list[Event]) -> list[tuple[str, float, str, dt.date | None]]:
    return [
        (e.attributes["listing"], e.attributes["change_pct"], e.attributes["period"], e.date)
        for e in events
        if e.type == "price_move"
    ]


# -- a bare "shares" never goes to a counterpart ---------------------------------------------


def test_a_competitor_named_before_does_not_own_the_bare_shares():
    text = (
        "Novo Nordisk leads the market for weight-loss drugs. "
        "It now faces fresh competition in that market from Eli Lilly (NYSE:LLY). "
        "Shares are up 40% over the past year."
    )
    assert moves(run(text)) == []


def test_a_rival_named_before_does_not_own_the_bare_shares():
    text = (
        "Novo Nordisk leads the market for weight-loss drugs. It has a strong rival in Eli "
        "Lilly. Shares are up 40% over the past year."
    )
    assert moves(run(text)) == []


def test_the_company_of_the_sentence_before_still_owns_the_bare_shares():
    text = (
        "Novo Nordisk raised its sales outlook on Wednesday. Shares are up 40% over the past year."
    )
    assert moves(run(text)) == [("NOVO-B.CO", 40.0, "year_over_year")]


def test_a_company_named_as_a_beneficiary_does_not_own_the_next_bare_stock():
    text = (
        "Warren Buffett first bought Apple shares in 2016. The bet has paid off handsomely for "
        "Berkshire Hathaway. The stock has gained about 600% since then."
    )
    assert [m for m in moves(run(text)) if m[0].startswith("BRK")] == []


# -- a description of a company must fit it --------------------------------------------------


def test_an_industry_description_does_not_stand_for_a_company_of_another_trade():
    text = (
        "Tesla reported quarterly results on Wednesday. The chipmaker's shares rose 4% on Thursday."
    )
    assert moves(run(text)) == []
    text = (
        "Tesla reported quarterly results on Wednesday. Shares of the world's most valuable "
        "chipmaker rose 4% on Thursday."
    )
    assert moves(run(text)) == []


def test_an_industry_description_the_text_gives_the_company_stands_for_it():
    text = (
        "Nvidia, the world's most valuable chipmaker, reported results on Wednesday. "
        "The chipmaker's stock rose 4% on Thursday."
    )
    assert moves(run(text)) == [("NVDA", 4.0, "session")]
    text = "Chipmaker Nvidia reported on Wednesday. Shares of the chipmaker rose 4% on Thursday."
    assert moves(run(text)) == [("NVDA", 4.0, "session")]


def test_a_description_in_the_sentence_of_the_company_stays_with_it():
    text = "Bristol-Myers Squibb beat forecasts, sending the drugmaker's shares up 2% on Thursday."
    assert moves(run(text)) == [("BMY", 2.0, "session")]


def test_a_generic_description_still_stands_for_the_company_before():
    text = (
        "Tesla reported quarterly results on Wednesday. The company's shares rose 4% on Thursday."
    )
    assert moves(run(text)) == [("TSLA", 4.0, "session")]


# -- a place in the cause is not the market of the move --------------------------------------


def test_a_country_in_the_cause_does_not_pick_the_foreign_listing():
    assert moves(run("Sony shares fell 5% after weak sales in the U.S.")) == [
        ("6758.T", -5.0, "session")
    ]
    assert moves(run("Toyota Motor fell 3% after a U.S. recall.")) == [("7203.T", -3.0, "session")]
    assert moves(run("BP rose 3% after it sold U.S. assets.")) == [("BP.L", 3.0, "session")]


def test_a_cause_that_runs_past_a_comma_keeps_its_place_words():
    text = (
        "Aozora Bank tumbled 15% following its warning of a loss, blamed on bad loans tied to "
        "U.S. office property."
    )
    assert moves(run(text)) == [("8304.T", -15.0, "session")]


def test_venue_words_that_say_where_the_shares_traded_still_pick_the_listing():
    assert moves(run("Sony's U.S.-listed shares fell 5% on Thursday.")) == [
        ("SONY", -5.0, "session")
    ]
    assert moves(run("Sony shares fell 5% on the NYSE after weak sales in Japan.")) == [
        ("SONY", -5.0, "session")
    ]


def test_a_dotted_quote_code_is_not_a_depositary_share():
    assert moves(run("Adidas (ADS.D.DX) fell 5% after it cut its outlook.")) == [
        ("ADS.DE", -5.0, "session")
    ]


# -- moves told as returns --------------------------------------------------------------------


def test_a_stock_that_returned_a_percentage():
    assert moves(run("Apple shares have returned 45% over the past year.")) == [
        ("AAPL", 45.0, "year_over_year")
    ]
    assert moves(run("Microsoft has delivered a return of roughly 21% over the past year.")) == [
        ("MSFT", 21.0, "year_over_year")
    ]
    assert moves(run("Microsoft has earned total returns of more than 129% over five years.")) == [
        ("MSFT", 129.0, "other")
    ]


def test_returns_that_are_no_move_of_the_stock():
    assert moves(run("Apple returned 90% of its free cash flow to shareholders.")) == []
    text = "Microsoft has delivered an annualized return of 14% over the past decade."
    assert moves(run(text)) == []
    assert moves(run("Analysts see an expected total return of 12% for Microsoft.")) == []


def test_since_the_start_of_an_earlier_year_is_not_year_to_date():
    events = run("Apple stock has gained roughly 700% since the beginning of 2016.")
    moves_since = [(e.attributes["period"], e.attributes["since"]) for e in events]
    assert moves_since == [("since", "2015-12-31")]
    events = run("Apple stock has gained 7% since the beginning of 2024.")
    assert moves(events) == [("AAPL", 7.0, "year_to_date")]


def test_a_since_phrase_opening_the_sentence_times_its_moves():
    text = "Since its 2016 listing, Apple has earned total returns of around 500%."
    assert moves(run(text)) == [("AAPL", 500.0, "since")]
    text = "Since the March low, Apple shares have gained about 40%."
    assert moves(run(text)) == [("AAPL", 40.0, "since")]
    # a move with its own day keeps its session
    assert moves(run("Since then, Apple shares rose 2% on Thursday.")) == [("AAPL", 2.0, "session")]


# -- an earlier move with its own day ---------------------------------------------------------


def test_an_earlier_move_named_with_its_day_is_a_move_of_that_day():
    events = run(
        "Apple shares rose 2.9% on Thursday after Wednesday's 38% slide on a dividend cut."
    )
    assert dated_moves(events) == [
        ("AAPL", 2.9, "session", THURSDAY),
        ("AAPL", -38.0, "session", dt.date(2024, 1, 31)),
    ]


def test_the_earlier_day_does_not_take_the_date_from_the_move_of_today():
    events = run("Apple shares recovered 2.9% in premarket trading after Wednesday's 38% slump.")
    assert dated_moves(events) == [
        ("AAPL", 2.9, "premarket", THURSDAY),
        ("AAPL", -38.0, "session", dt.date(2024, 1, 31)),
    ]


def test_a_slump_without_a_day_stays_unread():
    events = run("Apple shares rose 2.9% on Thursday after a 38% slide on a dividend cut.")
    assert dated_moves(events) == [("AAPL", 2.9, "session", THURSDAY)]


def test_a_move_told_with_this_week_is_no_single_session():
    events = run("Tesla stock was down 10 percent after the carmaker posted results this week.")
    assert dated_moves(events) == [("TSLA", -10.0, "other", None)]


# -- a summary line that contradicts the story ------------------------------------------------


def test_the_story_wins_over_a_summary_line_with_the_opposite_direction():
    text = (
        "Futures: Dow up 0.2%, Nasdaq up 1.1%\n"
        "At 7:05 a.m. ET, Dow e-minis were up 76 points, or 0.2%, and Nasdaq 100 e-minis were "
        "down 190 points, or 1.1%."
    )
    ndx = [
        (e.attributes["direction"], e.attributes["change_pct"])
        for e in run(text)
        if e.type == "index_move" and e.attributes["index"] == "NDX"
    ]
    assert ndx == [("down", -1.1)]


def test_two_opposite_moves_with_nothing_to_choose_give_neither():
    text = "Apple shares rose 1.2% on Thursday. Apple shares fell 1.2% on Thursday."
    assert moves(run(text)) == []


# -- the extended-hours indicator line --------------------------------------------------------


def index_moves(events: list[Event]) -> list[tuple[str, str, float | None, float | None, str]]:
    return [
        (
            e.attributes["index"],
            e.attributes["direction"],
            e.attributes["change_pct"],
            e.attributes["level"],
            e.attributes["period"],
        )
        for e in events
        if e.type == "index_move"
    ]


def test_the_after_hours_indicator_line_is_a_points_move_with_its_level():
    text = (
        "The NASDAQ 100 After Hours Indicator is down -12.40 to 17,410.25. The total After "
        "hours volume is currently 90,112,004 shares traded."
    )
    eastern = dt.timezone(dt.timedelta(hours=-5))
    events = run(text, at=dt.datetime(2024, 2, 1, 16, 29, tzinfo=eastern))
    assert index_moves(events) == [("NDX", "down", None, 17410.25, "after_hours")]
    assert [e.date for e in events if e.type == "index_move"] == [THURSDAY]
    # with no time of day the extended session's day is left open
    assert [e.date for e in run(text) if e.type == "index_move"] == [None]
    text = "The NASDAQ 100 Pre-Market Indicator is up 33.05 to 17,302.11."
    assert index_moves(run(text)) == [("NDX", "up", None, 17302.11, "premarket")]


def test_an_indicator_of_something_else_gives_no_index_move():
    text = "The NASDAQ 100 Volatility Indicator is up 1.2 to 18.5 after the Fed decision."
    assert index_moves(run(text)) == []
    text = "The Conference Board's leading indicator is down 0.4 to 103.1 in January."
    assert index_moves(run(text)) == []
