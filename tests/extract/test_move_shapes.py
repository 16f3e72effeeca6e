"""Move shapes of market wraps: names with their exchange tickers, full index names, e-mini
futures, a second figure for the week, "those of", a span that closed, glued Reuters codes.

Each shape has a look-alike that must not give a move.
"""

import datetime as dt

from extract_helpers import ENTITIES, US, AliasLinker, bracket_tickers

from tickerwire.extract import extract_events
from tickerwire.extract.tokens import Tokens
from tickerwire.link.reference import Listing, ReferenceEntity
from tickerwire.records import Event

THURSDAY = dt.date(2024, 2, 1)

_MORE = (
    ReferenceEntity(
        "nikkei-225",
        "Nikkei 225",
        "index",
        ("Nikkei 225", "Nikkei"),
        (Listing("N225", "XTKS", "JPY", "JP"),),
    ),
    ReferenceEntity(
        "nasdaq-100", "Nasdaq 100", "index", ("Nasdaq 100",), (Listing("NDX", "XNAS", "USD", "US"),)
    ),
    ReferenceEntity("nike", "Nike Inc", "company", ("Nike",), (US("NKE"),)),
    ReferenceEntity("tesla", "Tesla Inc", "company", ("Tesla",), (US("TSLA"),)),
)
_LINKER = AliasLinker((*ENTITIES, *_MORE))


def run(text: str, published: dt.date | None = THURSDAY) -> list[Event]:
    linked = bracket_tickers(_LINKER.link(text, published))
    return extract_events(linked, _LINKER.reference)


def moves(events: list[Event]) -> list[tuple[str, float, str]]:
    return [
        (
            e.attributes.get("listing") or e.attributes["index"],
            e.attributes["change_pct"],
            e.attributes["period"],
        )
        for e in events
        if e.type in ("price_move", "index_move")
    ]


def test_shares_of_a_name_with_its_exchange_ticker():
    events = run("Shares of Alibaba (NYSE: BABA) rose 5% on Thursday after its cloud unit grew.")
    assert moves(events) == [("BABA", 5.0, "session")]
    assert events[0].date == THURSDAY


def test_shares_in_a_name_with_its_ticker_over_a_year():
    events = run("Shares in Microsoft (NASDAQ: MSFT) are up more than 40% year over year.")
    assert moves(events) == [("MSFT", 40.0, "year_over_year")]
    assert events[0].date is None and events[0].attributes["approximate"] is True


def test_a_colon_outside_a_name_still_ends_the_clause():
    text = "Alibaba (NYSE: BABA) said in a filing: sales at its Taobao unit rose 5% last quarter."
    assert moves(run(text)) == []


def test_an_index_named_in_full_with_stock_index():
    events = run("Japan's Nikkei 225 Stock Index (NIK) closed up +0.41%.")
    assert moves(events) == [("N225", 0.41, "session")]
    assert events[0].date == THURSDAY  # the Tokyo session of the publication day


def test_a_volatility_gauge_named_after_an_index_is_not_the_index():
    assert moves(run("The Nikkei Volatility Index closed up +3.30% to 19.39.")) == []
    assert moves(run("The Nikkei 225 stocks index members rose 2% on average.")) == []


def test_e_mini_futures_with_contract_codes():
    events = run(
        "Before the bell, June S&P 500 E-Mini futures (ESM24) gained 0.2% while June "
        "Nasdaq 100 E-Mini futures (NQM24) slipped 0.4%."
    )
    assert moves(events) == [("SPX", 0.2, "premarket"), ("NDX", -0.4, "premarket")]
    assert all(e.attributes["instrument"] == "futures" for e in events)


def test_futures_of_an_unknown_sub_index_are_not_the_index():
    assert moves(run("Nasdaq 100 Biotech futures rose 1% on Thursday.")) == []


def test_a_second_figure_for_the_week_after_a_named_day():
    events = run("Japan's Nikkei 225 rose 1.1% on Thursday and was up 2.3% on the week.")
    assert moves(events) == [("N225", 1.1, "session"), ("N225", 2.3, "week")]
    assert events[0].date == THURSDAY and events[1].date is None


def test_a_second_figure_after_another_name_is_not_inherited():
    events = run("Apple rose 1.1% on Thursday and Foxconn was up 2.3%.")
    assert moves(events) == [("AAPL", 1.1, "session")]


def test_those_of_another_company_after_shares():
    events = run("Shares of Apple closed 2.5% lower, while those of Microsoft fell 1.7%.")
    assert moves(events) == [("AAPL", -2.5, "session"), ("MSFT", -1.7, "session")]


def test_that_of_another_company_after_a_figure_is_no_share_move():
    events = run("Revenue at Apple rose 12%, while that of Microsoft grew 17%.")
    assert [e for e in events if e.type == "price_move"] == []


def test_a_month_that_closed_is_the_move_s_period():
    events = run(
        "Among the laggards were Apple (NASDAQ: AAPL) and Microsoft (NASDAQ: MSFT), which "
        "finished the month down 12% and 5%, respectively."
    )
    assert moves(events) == [("AAPL", -12.0, "month"), ("MSFT", -5.0, "month")]
    assert all(e.date is None for e in events)  # a month is not one trading day


def test_a_year_that_closed_is_no_year_to_date_and_a_close_is_a_session():
    assert moves(run("Microsoft stock ended the year up 57%.")) == [("MSFT", 57.0, "other")]
    events = run("Apple shares closed 3% higher on Thursday.")
    assert moves(events) == [("AAPL", 3.0, "session")] and events[0].date == THURSDAY


def test_a_reuters_code_glued_to_its_verb():
    events = run("Apple AAPL.Ofell 3% on Thursday after weak China sales.")
    assert moves(events) == [("AAPL", -3.0, "session")]
    words = Tokens.of("Apple AAPL.Ofell 3%").words
    assert words == ["apple", "aapl.o", "fell"]


def test_dotted_words_that_are_no_reuters_code_stay_whole():
    assert Tokens.of("J.P.Morgan and X.Company and U.S.based").words == [
        "j.p.morgan",
        "and",
        "x.company",
        "and",
        "u.s.based",
    ]


def test_value_lost_is_the_share_move():
    events = run("Since the start of the year, Nike has lost about 18% of its value.")
    assert moves(events) == [("NKE", -18.0, "year_to_date")]
    events = run("Microsoft shares have shed 9% of their market value since January 5.")
    assert moves(events) == [("MSFT", -9.0, "since")]
    assert events[0].attributes["since"] == "2024-01-05"


def test_value_shares_of_a_whole_and_a_metric_s_value_are_no_move():
    assert moves(run("Apple said its services unit accounts for 22% of its value.")) == []
    text = "Tesla trailed its peers by market cap, losing about 25% of its value over a month."
    assert moves(run(text)) == []
    assert [e for e in run(text) if e.type == "financial_metric"] == []


def test_lower_by_before_its_number():
    events = run("In early trading Microsoft was off 0.8%, and Apple was lower by about 1.4%.")
    # (both told in the early trading that opens the sentence: the session under way)
    assert moves(events) == [("MSFT", -0.8, "intraday"), ("AAPL", -1.4, "intraday")]
    assert events[1].attributes["approximate"] is True


def test_lower_by_a_later_deadline_is_no_move():
    assert moves(run("Apple aims to cut costs 5% lower by the end of 2025 than planned.")) == []


def test_a_participle_after_a_finite_move_verb_takes_the_publication_session():
    events = run("Tesla recovered some of its losses, rising 1.5% after a slide over two days.")
    assert moves(events) == [("TSLA", 1.5, "session")]
    assert events[0].date == THURSDAY and events[0].date_text is None  # the session, inferred


def test_a_participle_alone_or_after_a_perfect_stays_undated():
    alone = run("Nike, surging 4% on hopes for a turnaround, led the gains among retailers.")
    perfect = run("Tesla has recovered some of its losses, rising 1.5% after a long slide.")
    assert [e.date for e in alone if e.type == "price_move"] == [None]
    assert [e.date for e in perfect if e.type == "price_move"] == [None]


def test_an_after_hours_move_on_a_named_day_is_dated_and_one_without_a_day_is_not():
    named = run("Tesla jumped 8% in after-hours trading on Wednesday after its results.")
    bare = run("Tesla jumped 8% in after-hours trading after its results.")
    assert moves(named) == [("TSLA", 8.0, "after_hours")]
    assert [e.date for e in named if e.type == "price_move"] == [dt.date(2024, 1, 31)]
    assert [e.date for e in bare if e.type == "price_move"] == [None]


def test_the_day_the_move_added_market_value_on_is_the_move_s_day():
    events = run(
        "Nike and Tesla impressed investors, with their shares surging 6% and 4% in extended "
        "trading, respectively, adding a combined $30 billion in market value on Wednesday."
    )
    assert {(e.attributes["listing"], e.date) for e in events if e.type == "price_move"} == {
        ("NKE", dt.date(2024, 1, 31)),
        ("TSLA", dt.date(2024, 1, 31)),
    }
