"""Figures that are not the reported one: an earlier period's value named between a figure's name
and its verb, "sales" of units counted beside shipments, and a business line's growth told with
its line's name; with look-alikes that must keep the figure."""

import datetime as dt

from extract_helpers import metric_rows, run

DAY = dt.date(2024, 2, 1)


def test_an_earlier_periods_value_after_the_name_is_not_the_figure() -> None:
    for text in (
        "Microsoft posted its results. Revenue in the prior Q2 was $56.2 billion.",
        "Microsoft posted its results. Sales in the previous quarter were $56.2 billion.",
        "Microsoft posted its results. Net income in the prior fiscal year was $72.4 billion.",
        "Microsoft posted its results. Revenue for the same period was $56.2 billion.",
    ):
        assert metric_rows(run(text, DAY)) == [], text


def test_the_reported_periods_value_after_the_name_is_kept() -> None:
    text = "Microsoft posted its results. Revenue in the December quarter was $62.0 billion."
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, 62.0e9, None, "December quarter")
    ]
    text = "Microsoft posted annual results. Revenues last year rose to $211.9 billion."
    assert metric_rows(run(text, DAY)) == [("microsoft", "revenue", None, 211.9e9, None, None)]


def test_a_period_called_earlier_is_not_the_figures_period() -> None:
    text = (
        "Microsoft posted its results. Revenue rose 8% to $61 billion, beating the prior Q2 "
        "figure. Sales climbed 6% to $59 billion, topping last year's fourth quarter."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, 61.0e9, 8.0, None),
        ("microsoft", "revenue", None, 59.0e9, 6.0, None),
    ]


def test_a_period_named_as_the_figures_own_is_kept() -> None:
    text = "Microsoft posted its results. Revenue rose 8% to $61 billion in Q2."
    assert metric_rows(run(text, DAY)) == [("microsoft", "revenue", None, 61.0e9, 8.0, "Q2")]


def test_sales_beside_shipments_are_units_not_revenue() -> None:
    for text in (
        "Phone makers had a weak year. Microsoft's handset shipments fell 4% in the quarter, "
        "while Amazon's sales jumped 21%, research firm IDC said.",
        "Microsoft's sales rose 21% in the quarter, lifting its market share to 30%.",
    ):
        assert metric_rows(run(text, DAY)) == [], text


def test_revenue_or_an_amount_of_sales_beside_shipments_is_kept() -> None:
    text = (
        "Microsoft's revenue rose 12% while console shipments fell 4%. Amazon's sales rose 9% "
        "to $170 billion even as deliveries slowed."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, None, 12.0, None),
        ("amazon", "revenue", None, 170.0e9, 9.0, None),
    ]


def test_a_business_lines_growth_keeps_the_lines_name() -> None:
    text = (
        "Microsoft sees strong demand from cloud providers, which should lift networking revenue "
        "25% higher in 2024. Amazon said storage sales fell 8%."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", "networking", None, 25.0, "2024"),
        ("amazon", "revenue", "storage", None, -8.0, None),
    ]


def test_a_lines_name_elsewhere_in_the_sentence_leaves_the_total() -> None:
    text = "Microsoft said revenue rose 8%, as its networking gear sold well."
    assert metric_rows(run(text, DAY)) == [("microsoft", "revenue", None, None, 8.0, None)]


def test_a_consensus_after_the_figures_period_is_its_estimate() -> None:
    text = (
        "Microsoft posted results on Tuesday. Sales climbed 17% to $48 billion for the quarter "
        "ended March 31, compared with the average analyst estimate of $47.5 billion."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, 48e9, 17.0, "quarter ended March 31"),
        ("microsoft", "revenue", None, 47.5e9, None, "quarter ended March 31"),
    ]


def test_an_amount_after_the_figures_period_and_no_forecast_word_is_nothing() -> None:
    text = (
        "Microsoft posted results on Tuesday. Sales climbed 17% to $48 billion for the quarter "
        "ended March 31, compared with the $75 billion it paid for Activision."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, 48e9, 17.0, "quarter ended March 31")
    ]


def test_a_forecast_word_in_the_next_sentence_leaves_the_change_its_metric_rows() -> None:
    text = (
        "Microsoft reports soon. The consensus estimate for Microsoft's quarterly earnings is "
        "pegged at $2.76 per share, implying a year-over-year increase of 19%. The consensus "
        "mark for revenues is $61.1 billion."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "eps", None, 2.76, 19.0, None),
        ("microsoft", "revenue", None, 61.1e9, None, None),
    ]


def test_a_change_measured_against_the_consensus_is_no_change_of_the_figure() -> None:
    text = "Microsoft reported results. Its quarterly EPS of $2.93 came in 5% above the consensus."
    assert metric_rows(run(text, DAY)) == [("microsoft", "eps", None, 2.93, None, None)]


def test_the_year_ago_figure_named_as_a_figure_is_the_prior_periods() -> None:
    text = (
        "Microsoft reports soon. The consensus estimate for fourth-quarter revenues is pegged at "
        "$61.1 billion, indicating a 16% improvement from the year-ago quarter's figure of $52.7 "
        "billion."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, 61.1e9, 16.0, "fourth-quarter"),
        ("microsoft", "revenue", None, 52.7e9, None, "year-ago fourth-quarter"),
    ]


def test_a_year_ago_amount_of_another_kind_is_not_the_prior_figure() -> None:
    text = (
        "Microsoft reports soon. The consensus estimate for fourth-quarter revenues is pegged at "
        "$61.1 billion, indicating a 16% improvement from the year-ago quarter's figure of $2.32 "
        "per share."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, 61.1e9, 16.0, "fourth-quarter"),
    ]


def test_revenue_brought_in_by_units_sold_is_the_products() -> None:
    text = (
        "Microsoft launched a tablet. This year Microsoft hopes to ship 300,000 Surface Pro "
        "units, generating sales of at least $900 million."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", "surface_pro", 0.9e9, None, "This year"),
    ]


def test_revenue_of_unnamed_units_or_beside_a_count_stays_unsaid_or_total() -> None:
    text = (
        "Microsoft launched a tablet. Microsoft expects to sell 500,000 units, generating "
        "revenue of $1.75 billion."
    )
    assert metric_rows(run(text, DAY)) == []
    text = (
        "Microsoft posted results. Microsoft shipped 5 million consoles in the quarter, and "
        "revenue rose 3% to $62 billion."
    )
    assert metric_rows(run(text, DAY)) == [("microsoft", "revenue", None, 62e9, 3.0, None)]
