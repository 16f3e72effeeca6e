"""Each event type: one sentence that tells it, and a near miss (its cue word without the event).

The sentences are written for these tests in the style of market news.
"""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import of_type, run

WEDNESDAY = dt.date(2025, 3, 12)

# (type, a sentence telling it, a sentence with its cue word that must not make it)
CASES = [
    (
        "product_launch",
        "Tencent unveiled a new AI chatbot for its messaging app on Tuesday.",
        "Since its launch in 2019, the messaging app has drawn 50 million users.",
    ),
    (
        "partnership",
        "Samsung signed a partnership with Meta to build smart glasses.",
        "Meta said its partner program for developers is growing.",
    ),
    (
        "acquisition",
        "Apple agreed to acquire Pinterest for $20 billion in cash.",
        "Pinterest said customer acquisition costs rose in the quarter.",
    ),
    (
        "investment_plan",
        "Alibaba plans to invest 380 billion yuan in AI infrastructure over the next three years.",
        "Investors in Alibaba cheered the quarterly figures.",
    ),
    (
        "listing",
        "Alibaba is preparing a Hong Kong listing of its logistics unit.",
        "Alibaba was forced to cancel the IPO of its payments affiliate in 2020.",
    ),
    (
        "management",
        "Meta named Susan Li as its new chief financial officer.",
        "Meta's chief executive spoke about demand at a conference.",
    ),
    (
        "dividend",
        "Apple declared a quarterly dividend of $0.25 per share.",
        "Apple kept its dividend policy unchanged.",
    ),
    (
        "buyback",
        "Meta authorized an additional $50 billion share buyback.",
        "Analysts asked Meta about buybacks during the call.",
    ),
    (
        "guidance",
        "Apple forecast first-quarter revenue below analysts' estimates.",
        "Analysts forecast revenue growth of 5% for Apple next year.",
    ),
    (
        "supply_chain",
        "Samsung signed a chip supply deal with Apple.",
        "Better planning could ease supply chain risks for Apple.",
    ),
    (
        "legal",
        "A federal judge dismissed the lawsuit against Meta on Monday.",
        "Meta's legal team grew to 2,000 people.",
    ),
    (
        "regulation",
        "Tencent faced a regulatory probe into its games business.",
        "Tencent is a regulated entity in several markets.",
    ),
    (
        "government_policy",
        "The Chinese government unveiled new subsidies for electric cars.",
        "Tencent kept its dividend policy unchanged.",
    ),
    (
        "macro",
        "The Federal Reserve held interest rates steady on Wednesday.",
        "The economy is a topic investors in Nvidia follow closely.",
    ),
    (
        "sector",
        "Chinese tech stocks rallied on Monday as investors returned.",
        "Tencent is a leader in the Chinese tech sector.",
    ),
    (
        "market_value",
        "Nvidia added $200 billion in market value on Thursday.",
        "Nvidia's market value is followed closely by fund managers.",
    ),
    (
        "earnings",
        "Tencent posted quarterly results that beat analysts' expectations.",
        "Tencent shares trade at 20 times forward earnings.",
    ),
    (
        "analyst_view",
        "Nomura said Alibaba's cloud business could double its revenue by 2027.",
        "Nomura reported a quarterly profit of 100 billion yen.",
    ),
    (
        "stake_change",
        "GameStop chief Ryan Cohen raised his stake in Alibaba to 2 million shares.",
        "Ryan Cohen owns 2 million shares of Alibaba.",
    ),
]


@pytest.mark.parametrize(("event_type", "told", "near_miss"), CASES, ids=[c[0] for c in CASES])
def test_event_type_told_and_near_miss(event_type: str, told: str, near_miss: str) -> None:
    found = of_type(run(told, WEDNESDAY), event_type)
    assert len(found) == 1, f"{event_type} not found in {told!r}"
    event = found[0]
    assert event.evidence.text == told
    assert 0.0 < event.confidence <= 1.0
    assert of_type(run(near_miss, WEDNESDAY), event_type) == []


def test_generic_event_attributes():
    launch = of_type(run(CASES[0][1]), "product_launch")[0]
    assert launch.entity == "tencent"
    assert "AI chatbot" in launch.attributes["product"]
    assert launch.attributes["summary"].startswith("Tencent unveiled")

    deal = of_type(run(CASES[1][1]), "partnership")[0]
    assert (deal.entity, deal.attributes["partner"]) == ("samsung", "Meta Platforms")

    purchase = of_type(run(CASES[2][1]), "acquisition")[0]
    assert purchase.entity == "apple"
    assert purchase.attributes["target"] == "Pinterest Inc"
    assert (purchase.attributes["amount"], purchase.attributes["currency"]) == (20e9, "USD")

    plan = of_type(run(CASES[3][1]), "investment_plan")[0]
    assert (plan.attributes["amount"], plan.attributes["currency"]) == (380e9, "CNY")

    payout = of_type(run(CASES[6][1]), "dividend")[0]
    assert (payout.entity, payout.attributes["amount"]) == ("apple", 0.25)

    policy = of_type(run(CASES[12][1]), "government_policy")[0]
    assert policy.attributes["authority"] == "Chinese government"


def test_summary_is_a_phrase_not_the_sentence():
    text = (
        "Meta authorized an additional $50 billion share buyback, a move that analysts said "
        "would support the stock through a difficult year for advertising."
    )
    buyback = of_type(run(text), "buyback")[0]
    assert (
        buyback.attributes["summary"] == "Meta authorized an additional $50 billion share buyback"
    )


def test_earnings_comparison_and_schedule():
    beat = of_type(run(CASES[16][1]), "earnings")[0]
    assert (beat.entity, beat.attributes["vs_expectations"]) == ("tencent", "beat")

    missed = of_type(run("Nvidia's data-center sales missed estimates."), "earnings")[0]
    assert missed.attributes["vs_expectations"] == "miss"

    due = of_type(
        run("Alibaba's quarterly results are scheduled for Thursday.", WEDNESDAY), "earnings"
    )
    assert due[0].attributes["scheduled"] == "2025-03-13"
    assert due[0].date == dt.date(2025, 3, 13)


def test_a_forecast_beating_estimates_is_guidance_not_a_result():
    events = run("Apple forecast first-quarter revenue above analysts' estimates.")
    assert [e.type for e in events] == ["guidance"]


def test_a_condition_is_not_an_event():
    assert run("If Tencent posts weak results, its shares could fall.") == []


def test_a_negated_cue_is_not_an_event():
    assert of_type(run("Apple did not announce a dividend."), "dividend") == []


def test_results_of_an_unlinked_owner_are_not_the_main_company_s():
    lead = "Nvidia shares rose 3% on Tuesday. Nvidia is the largest chip designer. "
    other = run(lead + "Stock futures climbed after strong quarterly results from Big Tech.")
    unnamed = run(lead + "Nvidia's peers gained too after strong quarterly results.")
    assert [e.entity for e in of_type(other, "earnings")] == []
    assert [e.entity for e in of_type(unnamed, "earnings")] == ["nvidia"]
