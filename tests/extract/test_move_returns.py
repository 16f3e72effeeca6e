"""Moves told as returns over a stretch: a second predicate after a score, "having gained",
a bracketed pair after a comparison verb, a pronoun for the shares of the sentence before, the
move after the previous results, and the listing whose ticker the article writes.

Each shape has look-alikes that must give no move (forecasts, options-implied moves, targets,
a company's figures).
"""

from __future__ import annotations

import datetime as dt

from extract_helpers import ENTITIES, AliasLinker, bracket_tickers

from tickerwire.extract import extract_events
from tickerwire.link import link_document, load_reference
from tickerwire.records import CleanDocument, Event

THURSDAY = dt.date(2024, 2, 1)
_LINKER = AliasLinker(ENTITIES)


def run(text: str, published: dt.date | None = THURSDAY) -> list[Event]:
    linked = bracket_tickers(_LINKER.link(text, published))
    return extract_events(linked, _LINKER.reference)


def moves(events: list[Event]) -> list[tuple[str, float, str]]:
    return [
        (e.attributes["listing"], e.attributes["change_pct"], e.attributes["period"])
        for e in events
        if e.type == "price_move"
    ]


# -- a second predicate after a score or a rating ------------------------------------------------


def test_a_second_predicate_after_a_score_keeps_the_subject():
    text = "Microsoft has a Value Score of B and has climbed 12% over the past three months."
    assert moves(run(text)) == [("MSFT", 12.0, "other")]


def test_the_stock_with_a_score_is_the_company_of_the_sentence_before():
    text = (
        "Meta Platforms reports on Thursday. "
        "The stock carries a Momentum Score of A and has gained 9% over the past three months."
    )
    assert moves(run(text)) == [("META", 9.0, "other")]


def test_a_name_after_the_and_is_still_the_subject_we_do_not_know():
    assert moves(run("Apple beat Samsung in phone sales and Foxconn rose 4% on Thursday.")) == []
    assert moves(run("Apple has a Growth Score of A and Foxconn has risen 4% this year.")) == []


# -- "appreciated" ----------------------------------------------------------------------------


def test_shares_that_appreciated_over_a_year():
    events = run("Meta shares appreciated about 40% over the past year.")
    assert moves(events) == [("META", 40.0, "year_over_year")]
    assert events[0].attributes["approximate"] is True and events[0].date is None


def test_a_currency_that_appreciated_is_no_listing():
    assert moves(run("The yen appreciated 2% against the dollar on Thursday.")) == []


# -- "having gained" ----------------------------------------------------------------------------


def test_having_gained_takes_the_subject_of_the_sentence():
    text = (
        "Amazon shares are trading lower, though that may be profit-taking after "
        "having rallied 15% year to date."
    )
    events = run(text)
    assert moves(events) == [("AMZN", 15.0, "year_to_date")]
    assert events[0].date is None


def test_having_grown_after_a_figure_is_no_move():
    text = "Revenue at Amazon, though slower now, is strong after having grown 11% last year."
    assert moves(run(text)) == []


# -- a bracketed pair of returns ----------------------------------------------------------------


def test_a_bracketed_pair_gives_the_subject_its_return():
    text = "Shares of Apple have outperformed the industry over the past year (+21.4% vs. +12.0%)."
    events = run(text)
    assert moves(events) == [("AAPL", 21.4, "year_over_year")]  # the industry is no listing
    assert events[0].date is None


def test_a_bracketed_pair_with_a_loss():
    text = "Apple stock has underperformed the S&P 500 over the past year (-4.5% vs. +21.0%)."
    events = run(text)
    assert moves(events) == [("AAPL", -4.5, "year_over_year")]
    index = [e for e in events if e.type == "index_move"]
    assert [(e.attributes["index"], e.attributes["change_pct"]) for e in index] == [("SPX", 21.0)]


def test_former_and_latter_name_both_returns():
    text = (
        "Microsoft stock has more than doubled Apple's return over the past year "
        "(48% for the former versus 21% for the latter)."
    )
    assert moves(run(text)) == [("MSFT", 48.0, "year_over_year"), ("AAPL", 21.0, "year_over_year")]


def test_a_forecast_pair_and_a_pair_of_figures_give_no_move():
    assert moves(run("Analysts expect Apple to outperform the industry (+10% vs. +6%).")) == []
    text = "Apple's revenue outpaced the industry's over the past year (+8% vs. +5%)."
    assert moves(run(text)) == []
    assert moves(run("Apple's shares may outperform Microsoft's this year (12% vs. 9%).")) == []


# -- a pronoun for the shares of the sentence before --------------------------------------------


def test_they_are_the_shares_of_the_sentence_before():
    events = run("Microsoft shares fell 1% on Thursday. They climbed 57% last year.")
    assert moves(events) == [("MSFT", -1.0, "session"), ("MSFT", 57.0, "other")]
    assert events[1].date is None and events[1].confidence < events[0].confidence


def test_it_is_the_stock_named_last_before():
    text = "Investors hope the new chief will revive Apple's stock. It fell nearly 14% last year."
    assert moves(run(text)) == [("AAPL", -14.0, "other")]


def test_a_pronoun_for_a_figure_or_in_the_wrong_number_is_no_move():
    text = "Apple reported higher revenue on Thursday. It climbed 8% from a year earlier."
    assert moves(run(text)) == []
    assert moves(run("Apple's shares rose 2% on Thursday. It rose 5% last year.")) == [
        ("AAPL", 2.0, "session")
    ]


# -- the move after the previous results ----------------------------------------------------------


def test_the_previous_quarters_earnings_move_is_a_past_move():
    text = (
        "Amazon stock has gained 60% in one year. "
        "Options traders are pricing in a +/- 5.2% move on earnings, above the previous "
        "quarter's earnings-related move of -1.8%."
    )
    events = run(text)
    assert moves(events) == [("AMZN", 60.0, "year_over_year"), ("AMZN", -1.8, "other")]
    past = events[[e.type for e in events].index("price_move", 1)]
    assert past.date is None
    drivers = [events[i] for i in past.attributes["drivers"]]
    assert [(d.type, d.entity) for d in drivers] == [("earnings", "amazon")]


def test_an_unsigned_earnings_move_is_a_rise():
    text = (
        "Apple reports next week. Traders price in a 3.7% move, below last quarter's "
        "post-earnings move of 4.1%."
    )
    assert moves(run(text)) == [("AAPL", 4.1, "other")]


def test_implied_moves_targets_and_forecasts_are_no_moves():
    for text in (
        "Apple reports next week. Options imply a 6% move on earnings.",
        "Apple reports next week. Traders are pricing in a +/- 6.5% move.",
        "Apple could fall 10% if the results disappoint.",
        "The price target on Apple implies 16% upside from current levels.",
        "Apple's revenue rose 8% in the quarter.",
        "Apple reports next week; analysts see the next earnings-related move at 5%.",
    ):
        assert moves(run(text)) == [], text


# -- the listing whose ticker the article writes ---------------------------------------------


def test_the_one_ticker_the_article_writes_is_the_listing():
    text = "Alibaba (NYSE: BABA) reported on Thursday. Shares of Alibaba rose 3% on Thursday."
    assert moves(run(text)) == [("BABA", 3.0, "session")]


def test_venue_words_and_two_written_tickers_keep_their_rules():
    text = "Alibaba (NYSE: BABA) reported. Hong Kong shares of Alibaba rose 3% on Thursday."
    assert moves(run(text)) == [("9988.HK", 3.0, "session")]
    text = (
        "Alibaba (NYSE: BABA) and Alibaba (HKEX: 9988.HK) reported. "
        "Shares of Alibaba rose 3% on Thursday."
    )
    assert moves(run(text)) == [("9988.HK", 3.0, "session")]  # the primary listing


# -- the bundled reference -------------------------------------------------------------------


def test_advanced_micro_without_devices_names_amd():
    text = "Chipmaker Advanced Micro slid 4% after hours on Thursday."
    doc = CleanDocument(origin="test", text=text, published=THURSDAY)
    linked = link_document(doc, load_reference())
    assert [m.entity_id for m in linked.mentions] == ["amd"]
