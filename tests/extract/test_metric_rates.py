"""Growth told as a yearly rate over a span of years ("its sales rose at a CAGR of 7% between
2018 and 2022"), and figures under a condition that is the forecast itself ("If Amazon meets
analysts' forecasts, ..."); with rates of a market, of a supposed case and of no figure, which
give none."""

import datetime as dt

from extract_helpers import metric_rows, run

DAY = dt.date(2024, 2, 1)


def test_a_yearly_growth_rate_is_the_figures_change_over_its_span() -> None:
    text = (
        "Amazon leads in cloud. Over the same years, Microsoft lifted its sales at a CAGR of 14% "
        "from fiscal 2018 to fiscal 2022. Analysts expect its sales to grow at a compound annual "
        "growth rate of 6% from 2024 to 2026. They also expect its EPS to rise at a CAGR of 12%."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, None, 14.0, "fiscal 2018-fiscal 2022"),
        ("microsoft", "revenue", None, None, 6.0, "2024-2026"),
        ("microsoft", "eps", None, None, 12.0, "2024-2026"),
    ]


def test_a_rate_read_as_a_change_gets_the_span_not_one_year() -> None:
    text = (
        "Microsoft is a leader. The Street sees its sales growing at a CAGR of 7% from fiscal "
        "2024 to fiscal 2027, with its EPS climbing at a CAGR of 11%."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, None, 7.0, "fiscal 2024-fiscal 2027"),
        ("microsoft", "eps", None, None, 11.0, "fiscal 2024-fiscal 2027"),
    ]


def test_rates_of_a_market_or_a_supposed_case_give_nothing() -> None:
    for text in (
        "Microsoft is a leader. The cloud market should reach $660 billion by 2030, a CAGR of 16%.",
        "Microsoft is a leader. Industry revenue is forecast to grow at a CAGR of 8% through "
        "2030, according to Gartner.",
        "Microsoft is a leader. Suppose Microsoft lifts its EPS at a CAGR of 18% until 2031: "
        "its market cap would reach $5.5 trillion.",
    ):
        assert metric_rows(run(text, DAY)) == [], text
    text = "Microsoft is a leader. Its revenue grew 40% while its headcount grew at a CAGR of 8%."
    assert metric_rows(run(text, DAY)) == [("microsoft", "revenue", None, None, 40.0, None)]


def test_a_condition_that_is_the_forecast_gives_its_figures_as_estimates() -> None:
    text = (
        "Amazon keeps growing. If Amazon meets analysts' forecasts for 2024, its sales will "
        "rise 11% in 2024."
    )
    events = [e for e in run(text, DAY) if e.type == "financial_metric"]
    assert metric_rows(events) == [("amazon", "revenue", None, None, 11.0, "2024")]
    assert [e.attributes["is_estimate"] for e in events] == [True]


def test_a_condition_beyond_the_forecast_is_a_supposed_case() -> None:
    for text in (
        "Amazon keeps growing. If Amazon meets analysts' estimates and keeps its multiple, its "
        "revenue would grow at a CAGR of 12% from 2024 to 2030.",
        "Amazon keeps growing. If Amazon keeps this pace, its revenue would be $700 billion by "
        "2026.",
    ):
        assert metric_rows(run(text, DAY)) == [], text
