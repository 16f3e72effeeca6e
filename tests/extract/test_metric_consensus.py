"""Consensus earnings per share told without the figure's name ("The consensus estimate is
pegged at 50 cents per share") or without a currency (the "most active stocks" template)."""

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 1, 29)


def metrics(events: list[Event]) -> list[tuple]:
    return [
        (
            e.entity,
            e.attributes["metric"],
            e.attributes["value"],
            e.attributes["currency"],
            e.attributes["change_pct"],
            e.attributes["is_estimate"],
        )
        for e in events
        if e.type == "financial_metric"
    ]


def test_a_consensus_per_share_is_earnings_per_share() -> None:
    text = (
        "Microsoft is due to report on Tuesday. The Zacks Consensus Estimate is pegged at "
        "$2.77 per share, indicating growth of 18% from the year-ago figure."
    )
    assert metrics(run(text, DAY)) == [("microsoft", "eps", 2.77, "USD", 18.0, True)]


def test_a_consensus_in_cents_with_its_change_after_a_comma() -> None:
    text = (
        "Snap reports next week. The consensus estimate stands at 9 cents per share, up 8.7% "
        "from the year-ago quarter."
    )
    assert metrics(run(text, DAY)) == [("snap", "eps", 0.09, "USD", 8.7, True)]


def test_the_template_consensus_is_in_dollars_for_a_us_listing_and_has_no_change() -> None:
    text = (
        "Microsoft Corp (MSFT) is +0.41 at $405.10, with 912,300 shares traded. MSFT will "
        "report its quarter on 1/30/2024. The consensus earnings per share forecast is 2.81 per "
        "share, which represents a 281 percent increase over the year-ago EPS."
    )
    assert metrics(run(text, DAY)) == [("microsoft", "eps", 2.81, "USD", None, True)]


def test_the_template_consensus_of_a_company_listed_elsewhere_is_not_kept() -> None:
    text = (
        "Tencent will report its quarter on 3/20/2024. The consensus earnings per share "
        "forecast is 4.1 per share, which represents a 12 percent increase over the year-ago EPS."
    )
    assert metrics(run(text, DAY)) == []


def test_per_share_amounts_that_are_not_an_earnings_consensus() -> None:
    for text in (
        "Microsoft trades at $410 per share. The consensus price target is $450 per share.",
        "Apple is due to report. Its consensus rating is a buy, with shares at $190 per share.",
        "Microsoft is due to report on Tuesday. The consensus estimate of 12 analysts is that "
        "the stock will trade at $450 per share.",
    ):
        assert [m for m in metrics(run(text, DAY)) if m[1] == "eps"] == [], text


def test_the_year_ago_figure_after_a_consensus_is_the_prior_periods_actual() -> None:
    text = (
        "Snap reports fourth-quarter results next week. The consensus estimate stands at 9 "
        "cents per share, indicating a 12.5% rise from the year-ago reported figure of 8 cents."
    )
    found = [
        (e.attributes["value"], e.attributes["is_estimate"], e.attributes["period"])
        for e in run(text, DAY)
        if e.type == "financial_metric"
    ]
    assert found == [(0.09, True, "fourth-quarter"), (0.08, False, "year-ago fourth-quarter")]
