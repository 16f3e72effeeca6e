"""The shapes of news that tell the non-numeric event types, each with look-alikes.

Ratings told after their holder ("carries a Zacks Rank #3"), analysts speaking after their
claim, company outlooks ("expects GAAP EPS of ..."), groups of companies moving together
("Chipmakers ... climbed"), market values told before their noun ("a $3 trillion market
capitalization"), the economy as a condition ("as high inflation squeezed spending"), acts told
as nouns ("its announced acquisition of ..."), and "the company" after an opening phrase. The
sentences are written for these tests in the style of market news.
"""

from __future__ import annotations

import datetime as dt

from event_helpers import us_company
from extract_helpers import AliasLinker

from tickerwire.extract import extract_events
from tickerwire.records import Event

DAY = dt.date(2024, 2, 2)


_LINKER = AliasLinker(
    (
        us_company("apple", "Apple Inc", "Apple", "AAPL"),
        us_company("amazon", "Amazon.com Inc", "Amazon", "AMZN"),
        us_company("meta", "Meta Platforms", "Meta", "META"),
        us_company("microsoft", "Microsoft Corp", "Microsoft", "MSFT"),
        us_company("nvidia", "Nvidia Corp", "Nvidia", "NVDA"),
        us_company("amd", "Advanced Micro Devices", "AMD"),
        us_company("snap", "Snap Inc", "Snap", "SNAP"),
        us_company("pinterest", "Pinterest Inc", "Pinterest", "PINS"),
        us_company("dolby", "Dolby Laboratories", "Dolby", "DLB"),
        us_company("woodward", "Woodward Inc", "Woodward", "WWD"),
        us_company("moodys", "Moody's Corp", "Moody's", "MCO"),
        us_company("samsung", "Samsung Electronics", "Samsung", "SSNLF"),
        us_company("msci", "MSCI Inc", "MSCI"),
        us_company("lseg", "London Stock Exchange Group", "LSEG"),
        us_company("wedbush", "Wedbush Securities", "Wedbush"),
    ),
    other_relevance=0.1,
)


def run(text: str, published: dt.date = DAY) -> list[Event]:
    return extract_events(_LINKER.link(text, published), _LINKER.reference)


def of_type(text: str, event_type: str) -> list[Event]:
    return [e for e in run(text) if e.type == event_type]


def test_a_rank_told_after_its_holder_is_the_holder_s_view():
    # the words around the rank read positive: a neutral stance can come only from the #3
    [view] = of_type(
        "Dolby has a positive Earnings ESP of +1.2% and a Zacks Rank #3 at present.",
        "analyst_view",
    )
    assert (view.entity, view.attributes["stance"]) == ("dolby", "neutral")
    [owned] = of_type("The upbeat report cemented Amazon's Zacks Rank #2 (Buy).", "analyst_view")
    assert (owned.entity, owned.attributes["stance"]) == ("amazon", "positive")


def test_a_rank_of_a_method_or_of_a_fund_is_no_company_s_view():
    method = "A positive Earnings ESP and a Zacks Rank #1, 2 or 3 raise the odds of a beat."
    fund = "The MSCI Technology Index ETF holds Apple and carries a Zacks Rank #1 (Strong Buy)."
    assert of_type(method, "analyst_view") == []
    assert of_type(fund, "analyst_view") == []


def test_a_quant_model_s_rating_is_a_view():
    [view] = of_type(
        "Of the 20 strategies we track, AAPL rates highest using our Momentum Investor model.",
        "analyst_view",
    )
    assert (view.entity, view.attributes["stance"]) == ("apple", "positive")
    assert of_type("Apple rates highest among phone brands in a survey.", "analyst_view") == []


def test_analysts_speaking_after_their_claim():
    text = (
        "Microsoft will probably widen its lead over Apple in the coming years, 12 analysts "
        "polled by Reuters unanimously agreed."
    )
    [view] = of_type(text, "analyst_view")
    assert view.entity == "microsoft"
    assert view.attributes["claim"].startswith("Microsoft will probably widen its lead")
    assert (
        of_type("Apple earned $2.18 a share, better than analysts expected.", "analyst_view") == []
    )


def test_a_claim_told_before_its_speaker_is_not_cut_at_but():
    text = (
        "There was talk that Apple might split its stock, but such a move looks unlikely soon, "
        "analysts said."
    )
    [view] = of_type(text, "analyst_view")
    assert view.attributes["claim"].endswith("looks unlikely soon")


def test_a_forecast_of_a_figure_naming_no_one_is_the_paragraph_company_s():
    text = (
        "Moody's trades at a premium to its peers. Analysts forecast annual earnings growth "
        "of about 14% over the next five years."
    )
    [view] = of_type(text, "analyst_view")
    assert view.entity == "moodys"
    wider = "Moody's trades at a premium. Analysts forecast S&P 500 earnings growth of 8% in 2024."
    assert of_type(wider, "analyst_view") == []


def test_company_outlooks():
    told = [
        ("Woodward raised most of its key financial guidance for fiscal 2025.", "woodward"),
        ("Dolby expects GAAP EPS of 40-55 cents for the fiscal first quarter.", "dolby"),
        ("Apple offered lower-than-expected holiday sales guidance on Thursday.", "apple"),
    ]
    for text, entity in told:
        assert [e.entity for e in of_type(text, "guidance")] == [entity], text


def test_outlooks_of_others_are_not_guidance():
    assert of_type("The school hired a new guidance counselor in January.", "guidance") == []
    estimate = "LSEG expects revenue from the services segment of Apple to rise 11%."
    assert of_type(estimate, "guidance") == []


def test_groups_of_companies_moving_together():
    told = [
        "Chipmakers Nvidia NVDA.O and AMD both climbed about 2% in extended trade.",
        "Other social media firms Snap and Pinterest rose nearly 5% each.",
        "Concerns about the health of regional lenders resurfaced on Thursday.",
        "As the smartphone industry slowly recovers, Apple faces stiffer competition.",
    ]
    for text in told:
        assert len(of_type(text, "sector")) == 1, text


def test_trade_words_without_a_group_move_are_no_sector():
    for text in (
        "Central banks fell short of their inflation goals last year.",
        "Chipmakers need more water than most factories do.",
        "Apple is a leader in the smartphone industry.",
    ):
        assert of_type(text, "sector") == [], text


def test_market_values_told_before_their_noun_and_combined():
    [alone] = of_type(
        "Microsoft is the only company with a $3 trillion market capitalization.", "market_value"
    )
    assert (alone.entity, alone.attributes["amount"]) == ("microsoft", 3e12)
    [combined] = of_type(
        "Meta and Amazon added a combined $280 billion in market value on Thursday.",
        "market_value",
    )
    assert (combined.entity, combined.attributes["amount"]) == (None, 280e9)
    [club] = of_type(
        "Amid the recent rise in Meta shares - it rejoined the $1 trillion club - the stock "
        "trades near its mean target.",
        "market_value",
    )
    assert club.entity == "meta"


def test_values_of_others_are_not_the_company_s_market_value():
    ratio = (
        "The surge in Meta's market capitalization was equivalent to five times the $26 billion "
        "value of Snap."
    )
    assert [e.attributes["amount"] for e in of_type(ratio, "market_value")] == []
    broker = "Wedbush sees a $4 trillion market cap as possible for Apple by the end of 2025."
    assert of_type(broker, "market_value") == []


def test_the_economy_as_a_condition():
    for text in (
        "Total revenue fell 3% to $383 billion as high inflation squeezed consumer spending.",
        "With inflation declining, the year ahead should be kinder to bank stocks.",
        "Shipments were lower on macroeconomic weakness in Europe.",
    ):
        assert len(of_type(text, "macro")) == 1, text


def test_the_rate_of_a_loan_is_not_the_economy():
    for text in (
        "AGNC borrows short-term money at lower interest rates to buy bonds that pay higher "
        "interest rates.",
        "Lower interest rates on its existing loans helped Apple cut costs.",
    ):
        assert of_type(text, "macro") == [], text


def test_sales_or_shipments_starting_are_a_launch():
    [start] = of_type(
        "Apple starts U.S. sales of its Vision Pro headset on Friday.", "product_launch"
    )
    assert (start.entity, start.attributes["product"]) == ("apple", "Vision Pro headset")
    [shipping] = of_type("Nvidia began shipping its newest AI chips this week.", "product_launch")
    assert shipping.entity == "nvidia"
    assert (
        of_type("Apple said U.S. sales of iPhones fell 5% in the quarter.", "product_launch") == []
    )
