"""Line verdicts: furniture recognised by shape and vocabulary, article lines left alone."""

from __future__ import annotations

import re

import pytest

from tickerwire.clean.furniture import (
    Strength,
    _is_anchored,
    furniture_rules,
)

STRONG_LINES = [
    "By Priya Nair and Jonas Berg",
    "Written by Victoria Lane",
    "(Reporting by Priya Nair in Mumbai; Editing by Sam Ford)",
    "Editing by Sam Ford)",
    "((priya.nair@example.com; +91 22 5550 1234))",
    "Photo: Example Agency",
    "Image source: Getty Images.",
    "Source: Jane Roe / Shutterstock.com",
    "Reuters",
    "Subscribe",
    "Contact Us",
    "Get the Daily Ledger newsletter delivered to your inbox",
    "By signing up you agree to receive offers from our partners.",
    "Notice an error?",
    "Advertise with Us",
    "Get our media kit",
    "Disclaimer: The author holds no shares in any company named here.",
    "The views expressed in this column are the writer's own and do not necessarily represent "
    "Example Media.",
    "On the date of publication, Sam Ford did not hold any positions in the securities mentioned.",
    "Growth Fund Inc. (GRWF) : Free Stock Analysis Report",
    "See the 12 stocks",
    "Unlock the full list now >>",
    "To read this story on example.com click here.",
    "Should you invest $5,000 in Acme right now?",
    "Before you buy stock in Acme, consider this:",
    "The post Three Dividend Stocks for Spring appeared first on Example Daily.",
    "Updated at 9:15 a.m. ET/1415 GMT",
    "For our live blog on European shares, click LIVE/ in your terminal.",
    "Home | Markets | Tech | Opinion",
    "European bank shares chart https://example.com/g/x1y2",
    "www.example.com",
    "More From Example Daily",
    "Share this article",
    "Last updated: Feb. 1, 2024 at 3:04 p.m. EST",
    "800-555-0199 ext. 12",
    "support@example.com",
]

CONTENT_LINES = [
    "By Friday, shares had recovered most of their losses.",
    "By comparison, rival Beta Corp grew sales 3%.",
    "Markets",
    "Bottom Line",
    "Cloud Computing: The Engine of Growth",
    "- South Korea trade balance (April)",
    "US crude CLc1: $76.26; +0.5%",
    "FINAL RANK: PASS",
    "Source: the company said the figures were preliminary and could be revised, and it declined "
    "to give a date for final numbers.",
    "To access the live webcast, log on to https://investors.example.com/events",
    "Acme is a leader in industrial robots and has been growing sales for a decade.",
    "The SEC said its new disclosure policy would take effect next year.",
    "Apple has positions in several chip start-ups through its venture arm.",
    "Subscribers to the streaming service rose 8% in the quarter to 41 million.",
    "Tesla (TSLA)",
    "Updated 2024 guidance calls for revenue of $5 billion.",
    "Posted a loss of $3 million in the quarter",
    "Reporting by the Financial Times; the company declined to comment.",
    "2019 2020 2021 2022 2023",
    "Amazon.com",
    "share.",
    "by Baker.",
    "subscribe between May 1 and June 30 at a price set",
]


@pytest.mark.parametrize("line", STRONG_LINES)
def test_furniture_lines_are_strong(line: str):
    assert furniture_rules().classify(line).strength is Strength.STRONG


@pytest.mark.parametrize("line", CONTENT_LINES)
def test_article_lines_are_not_strong_furniture(line: str):
    assert furniture_rules().classify(line).strength is not Strength.STRONG


def test_calls_to_action_are_marked_as_such():
    rules = furniture_rules()
    assert rules.classify("Get it free >>").cta
    assert not rules.classify("Subscribe").cta


def test_trailing_promotion_is_cut_but_a_paragraph_of_article_is_not():
    rules = furniture_rules()
    kept, cut = rules.trailing_furniture(
        "The expected move is 4%. The expected move is computed from option prices near expiry. "
        "Learn more about our options screener here."
    )
    assert kept == "The expected move is 4%."
    assert len(cut) == 2
    text = "Revenue rose 5%. You can see why margins matter in the table that follows."
    assert rules.trailing_furniture(text) == (text, [])


def test_site_names_standing_alone():
    rules = furniture_rules()
    assert rules.is_site_name("HawkLedger", None)
    assert rules.is_site_name("MarketDesk - Stock News, Tips & Analysis", None)
    assert rules.is_site_name("Daily Ledger", "Daily Ledger")
    assert not rules.is_site_name("Apple", None)
    assert not rules.is_site_name("NVIDIA", None)
    assert not rules.is_site_name("Shares of Apple fell.", None)


def test_anchoring_ignores_bars_inside_groups_and_classes():
    assert not _is_anchored(re.compile(r"^a|(?:b|c)d|[|\]]e|\|f"))
    assert _is_anchored(re.compile(r"^a|^[|\]]e|^(?:b|c)d"))
    assert not _is_anchored(re.compile(r"[]|]x|^y"))
    assert _is_anchored(re.compile(r"^(?:[]|]x|y)"))
    assert _is_anchored(re.compile(r"^by\b|^(?:a|b) c", re.IGNORECASE))
    assert not _is_anchored(re.compile(r"^by\b|\bclick here\b"))
    assert not _is_anchored(re.compile(r"^a", re.MULTILINE))


@pytest.mark.parametrize("line", [*STRONG_LINES, *CONTENT_LINES])
def test_the_opening_gate_matches_when_an_anchored_rule_does(line: str):
    # the gate must never rule out a line an anchored rule would flag (a skipped rule changes
    # the verdict), so it matches exactly when one of them does
    for band in furniture_rules()._rules_by_limit:
        anchored = [rule for rule in band.rules if rule not in band.searching]
        expected = any(rule.pattern.search(line) for rule in anchored)
        assert (band.opening.match(line) is not None) == expected
