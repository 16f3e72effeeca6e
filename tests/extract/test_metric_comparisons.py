"""Figures stated beside a reported one: the forecast it is set against and the same figure a
year earlier. Each is the same company's same metric, marked as an estimate or given the prior
period; an amount whose role the words do not make plain gives nothing."""

from __future__ import annotations

import pytest
from extract_helpers import run

from tickerwire.extract.metric_comparisons import year_earlier_period

Row = tuple[str, str | None, float, bool, str | None]


def figures(text: str) -> list[Row]:
    """(entity, metric, value, is_estimate, period) of each figure with a value."""
    return [
        (
            e.entity or "",
            e.attributes["metric"],
            float(f"{e.attributes['value']:.6g}"),  # "$2.14 billion" read as 2140000000.0000002
            e.attributes["is_estimate"],
            e.attributes["period"],
        )
        for e in run(text)
        if e.type == "financial_metric" and e.attributes["value"] is not None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "versus X that had been expected"
            "Microsoft posted fiscal Q2 EPS of $2.93 versus $2.78 that had been expected.",
            [
                ("microsoft", "eps", 2.93, False, "fiscal Q2"),
                ("microsoft", "eps", 2.78, True, "fiscal Q2"),
            ],
        ),
        (  # "beat the X expected", "earnings of X per share": the forecast is per share too
            "In the fourth quarter Apple had earnings of $2.18 per share, beating the $2.10 "
            "expected.",
            [
                ("apple", "eps", 2.18, False, "fourth quarter"),
                ("apple", "eps", 2.10, True, "fourth quarter"),
            ],
        ),
        (  # an amount then the consensus noun after it
            "Meta said Q4 revenue came to $40.1 billion, topping the $39.2 billion consensus.",
            [
                ("meta", "revenue", 40.1e9, False, "Q4"),
                ("meta", "revenue", 39.2e9, True, "Q4"),
            ],
        ),
        (  # "X that analysts expected", in cents
            "Snap's EPS was 8 cents in the fourth quarter, above the 6 cents that analysts "
            "expected.",
            [
                ("snap", "eps", 0.08, False, "fourth quarter"),
                ("snap", "eps", 0.06, True, "fourth quarter"),
            ],
        ),
        (  # a value reached by a change, then the forecast named before its amount
            "Amazon said Q3 net sales rose 13% to $143.1 billion, beating estimates of $141.6 "
            "billion.",
            [
                ("amazon", "revenue", 143.1e9, False, "Q3"),
                ("amazon", "revenue", 141.6e9, True, "Q3"),
            ],
        ),
    ],
)
def test_forecast_beside_a_reported_figure(text: str, expected: list[Row]) -> None:
    assert figures(text) == [(*row[:2], float(f"{row[2]:.6g}"), *row[3:]) for row in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # a stated period after the prior amount
            "Microsoft's EPS rose 33% to $2.93 in Q2 2024 from EPS of $2.20 in Q2 2023.",
            [
                ("microsoft", "eps", 2.93, False, "Q2 2024"),
                ("microsoft", "eps", 2.20, False, "Q2 2023"),
            ],
        ),
        (  # "in the year-ago quarter" beside a quarter named without its year
            "Apple posted Q1 earnings of $2.18 a share, up from $1.88 a share in the year-ago "
            "quarter.",
            [
                ("apple", "eps", 2.18, False, "Q1"),
                ("apple", "eps", 1.88, False, "year-ago Q1"),
            ],
        ),
        (  # "a year earlier" beside a quarter with its year: the year before, named
            "Meta reported revenue of $40.1 billion for Q4 2023, compared with $32.2 billion a "
            "year earlier.",
            [
                ("meta", "revenue", 40.1e9, False, "Q4 2023"),
                ("meta", "revenue", 32.2e9, False, "Q4 2022"),
            ],
        ),
        (  # "last year's" before the amount; the forecast keeps its own flag
            "Snap's fourth-quarter EPS of 8 cents topped the 6 cents expected, and was above last "
            "year's 7 cents.",
            [
                ("snap", "eps", 0.08, False, "fourth-quarter"),
                ("snap", "eps", 0.06, True, "fourth-quarter"),
                ("snap", "eps", 0.07, False, "year-ago fourth-quarter"),
            ],
        ),
        (  # a prior figure in a forecast sentence is still a reported one
            "Analysts expect Amazon to post Q4 EPS of $0.80, up from $0.03 in the prior-year "
            "quarter.",
            [
                ("amazon", "eps", 0.80, True, "Q4"),
                ("amazon", "eps", 0.03, False, "year-ago Q4"),
            ],
        ),
        (  # newswire style: the amount and its per-share restatement both a year earlier
            "Apple said net income for the second quarter was $21.6 billion, or $1.40 a share, "
            "versus $18.2 billion, or $1.17 a share, a year earlier.",
            [
                ("apple", "net_income", 21.6e9, False, "second quarter"),
                ("apple", "eps", 1.40, False, "second quarter"),
                ("apple", "net_income", 18.2e9, False, "year-ago second quarter"),
                ("apple", "eps", 1.17, False, "year-ago second quarter"),
            ],
        ),
    ],
)
def test_prior_period_figure(text: str, expected: list[Row]) -> None:
    assert figures(text) == [(*row[:2], float(f"{row[2]:.6g}"), *row[3:]) for row in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # versus a bare amount: forecast or last year's? not said
            "Meta reported Q4 revenue of $40.1 billion versus $39.2 billion.",
            [("meta", "revenue", 40.1e9, False, "Q4")],
        ),
        (  # the sequential quarter is another period
            "Meta reported Q4 revenue of $40.1 billion, up from $34.1 billion in the previous "
            "quarter.",
            [("meta", "revenue", 40.1e9, False, "Q4")],
        ),
        (  # "a year ago" beside a figure whose period is not known
            "Apple said revenue reached $90 billion, up from $85 billion a year ago.",
            [("apple", "revenue", 90e9, False, None)],
        ),
        (  # a forecast of another period, not of the reported one
            "Microsoft reported Q2 revenue of $62 billion versus $240 billion expected for 2025.",
            [("microsoft", "revenue", 62e9, False, "Q2")],
        ),
        (  # another figure's amount after a clause break
            "Amazon reported Q3 revenue of $143 billion, while its market value rose from $1.3 "
            "trillion a year ago.",
            [("amazon", "revenue", 143e9, False, "Q3")],
        ),
        (  # a share price is no forecast of a per-share profit... nor of a revenue
            "Apple reported Q1 revenue of $119.6 billion versus $185 that analysts expected.",
            [("apple", "revenue", 119.6e9, False, "Q1")],
        ),
        (  # a prior amount named as another figure
            "Meta reported Q4 revenue of $40.1 billion, up from EPS of $1.76 in Q4 2022.",
            [("meta", "revenue", 40.1e9, False, "Q4")],
        ),
    ],
)
def test_amounts_whose_role_is_not_plain_give_nothing(text: str, expected: list[Row]) -> None:
    assert figures(text) == [(*row[:2], float(f"{row[2]:.6g}"), *row[3:]) for row in expected]


def test_results_that_outperformed_expectations_are_not_estimates() -> None:
    text = "Apple outperformed expectations in Q1, with earnings of $2.18 per share."
    assert figures(text) == [("apple", "eps", 2.18, False, "Q1")]


def test_a_base_amount_does_not_lend_its_period_to_the_figure() -> None:
    text = "Apple's quarterly EPS of $2.18 rose 16% from EPS of $1.88 in Q1 2023."
    rows = figures(text)
    assert rows[0] == ("apple", "eps", 2.18, False, None)
    assert rows[1] == ("apple", "eps", 1.88, False, "Q1 2023")


@pytest.mark.parametrize(
    ("period", "relative", "expected"),
    [
        ("Q4 2023", "year", "Q4 2022"),
        ("fiscal 2024", "year", "fiscal 2023"),
        ("Q2", "quarter", "year-ago Q2"),
        ("the December quarter", "year", "year-ago the December quarter"),
        ("latest quarter", "year", "year-ago quarter"),
        (None, "quarter", "year-ago quarter"),
        (None, "year", None),
        ("full-year", "year", None),
        ("2019-2023", "year", None),
    ],
)
def test_year_earlier_period(period: str | None, relative: str, expected: str | None) -> None:
    assert year_earlier_period(period, relative) == expected
