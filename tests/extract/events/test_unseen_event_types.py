"""Event types that unseen FNSPID articles tell in shapes the rules missed (session 11 audits):
market values, stake purchases, spending plans, the economy; with their look-alikes."""

from __future__ import annotations

import datetime as dt

from event_helpers import of_type, run

DAY = dt.date(2024, 2, 1)


def _types(text: str, event_type: str) -> list[tuple[str | None, str]]:
    return [(e.entity, e.attributes["fact_level"]) for e in of_type(run(text, DAY), event_type)]


# -- market value ---------------------------------------------------------------------------------


def test_the_one_passing_is_the_most_valuable():
    text = "Nvidia overtook Apple as the world's most valuable company on Thursday."
    assert _types(text, "market_value") == [("nvidia", "fact")]


def test_a_surge_that_helped_it_topple_a_rival():
    text = "Nvidia's stock surge has helped it topple Apple as the most valuable listed company."
    assert [e for e, _ in _types(text, "market_value")] == ["nvidia"]


def test_a_rank_of_another_kind_is_no_market_value():
    assert (
        _types("Nvidia overtook Apple as the largest buyer of Samsung memory.", "market_value")
        == []
    )


def test_a_market_cap_figure_is_also_a_market_value():
    text = "At a $1 trillion market capitalization, Meta Platforms is among the largest companies."
    values = of_type(run(text, DAY), "market_value")
    assert [(v.entity, v.attributes["amount"]) for v in values] == [("meta", 1e12)]


def test_a_market_cap_forecast_is_no_market_value():
    text = "Nvidia could reach a $4 trillion market capitalization by next year, Jane Roe wrote."
    assert of_type(run(text, DAY), "market_value") == []


# -- stake changes --------------------------------------------------------------------------------


def test_a_purchase_told_by_its_value_in_named_shares():
    text = "Ryan Cohen recently bought $200 million in GameStop shares."
    stakes = of_type(run(text, DAY), "stake_change")
    assert [(s.entity, s.attributes["holder"], s.attributes["value"]) for s in stakes] == [
        ("gamestop", "Ryan Cohen", 2e8)
    ]


def test_a_count_of_named_shares_bought():
    text = "Tencent bought 10 million Alibaba shares last quarter."
    stakes = of_type(run(text, DAY), "stake_change")
    assert [(s.entity, s.attributes["shares"]) for s in stakes] == [("alibaba", 1e7)]


def test_a_position_initiated():
    text = "Nomura initiated a position in Nvidia during the fourth quarter."
    stakes = of_type(run(text, DAY), "stake_change")
    assert [(s.entity, s.attributes["direction"]) for s in stakes] == [("nvidia", "buy")]


def test_the_month_may_is_no_hedge():
    text = "Ryan Cohen first bought 9 million shares of GameStop in May 2020."
    stakes = of_type(run(text, DAY), "stake_change")
    assert [(s.attributes["shares"], s.attributes["fact_level"]) for s in stakes] == [(9e6, "fact")]


def test_a_purchase_by_someone_named_earlier_in_a_clause_is_not_theirs():
    # the clause's name is the nearest one before the purchase: without the rule, its buyer
    text = (
        "The fund, which said it had hired Barclays to advise on the deal, said it bought "
        "$5 million in Nvidia shares."
    )
    stakes = of_type(run(text, DAY), "stake_change")
    assert all(s.attributes["holder"] != "Barclays PLC" for s in stakes)


def test_buying_a_sector_or_its_own_shares_is_no_stake():
    assert (
        of_type(run("Investors bought $2 billion in chip stocks last week.", DAY), "stake_change")
        == []
    )
    text = "Apple bought $90 billion of its own shares last year."
    assert of_type(run(text, DAY), "stake_change") == []


# -- investment plans -----------------------------------------------------------------------------


def test_money_a_company_plans_to_pour_into_data_centers():
    text = (
        "Meta Platforms beat revenue estimates on Thursday. Analysts want to know what revenue "
        "will flow from the billions the company intends to pour into server farms in 2024."
    )
    assert _types(text, "investment_plan") == [("meta", "forecast")]


def test_customers_funnelled_are_no_investment():
    assert (
        _types("Apple will funnel customers into its services business.", "investment_plan") == []
    )


# -- macro and sector ----------------------------------------------------------------------------


def test_the_economy_and_how_it_fares_is_macro():
    text = "The American economy seems to be showing more resilience than forecasters thought."
    assert _types(text, "macro") == [(None, "fact")]


def test_an_expected_slowdown_of_the_economy_is_a_forecast():
    text = (
        "Given the expected moderation in the U.S. economy's growth due to Fed tightening, "
        "estimates were cut."
    )
    assert _types(text, "macro") == [(None, "forecast")]


def test_an_economy_named_without_how_it_fares_is_no_event():
    text = "Apple makes up a big part of the U.S. economy, its chief executive said."
    assert _types(text, "macro") == []


def test_economists_expectations_are_forecasts():
    text = (
        "Economists expect the economy added 175,000 jobs in March, while the unemployment rate "
        "ticked down to 3.7% from 3.9%."
    )
    assert [level for _, level in _types(text, "macro")] == ["forecast"]


def test_labour_data_naming_sectors_is_no_sector_move():
    text = (
        "A separate survey showed job cut announcements in January climbed to a five-month high "
        "as employers in the retail and technology sectors trimmed staff."
    )
    assert _types(text, "sector") == []


def test_a_sector_that_moves_is_still_a_sector_event():
    assert [e for e, _ in _types("Tech stocks rose on Thursday as chipmakers gained.", "sector")]
