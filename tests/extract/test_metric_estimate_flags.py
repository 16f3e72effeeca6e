"""is_estimate: a reported figure compared with a forecast is a result; the forecast words of
another figure in the sentence do not make it one."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import run

DAY = dt.date(2024, 2, 2)


def flags(text: str) -> list[tuple[str, float | None, bool]]:
    return [
        (e.attributes["metric"], e.attributes["value"], e.attributes["is_estimate"])
        for e in run(text, DAY)
        if e.type == "financial_metric"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the consensus named with its own amount is that amount's forecast
        (
            "Apple posted earnings of $2.18 trouncing the $2.09 in the Zacks consensus, on "
            "revenues of $119.6 billion versus $117.9 billion expected.",
            [("eps", 2.18, False), ("revenue", 119.6e9, False), ("revenue", 117.9e9, True)],
        ),
        # a result that bested expectations is a result
        (
            "Apple bested December quarter expectations led by the 2.1% YoY increase in revenue "
            "to $119.6 billion.",
            [("revenue", 119.6e9, False)],
        ),
        # the latest company to report has reported
        (
            "Apple was the latest tech giant to report quarterly results, with earnings of "
            "$2.18 per share topping the $2.10 in the Zacks consensus.",
            [("eps", 2.18, False)],
        ),
    ],
)
def test_a_reported_figure_beside_a_forecast_is_no_estimate(text, expected):
    assert flags(text) == [(m, pytest.approx(v), e) for m, v, e in expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Apple is the next big company to report, with earnings of $2.10 per share expected.",
            [("eps", 2.10, True)],
        ),
        (
            "The consensus of $2.09 compares with Apple's forecast of revenue of $118 billion.",
            [("revenue", 118e9, True)],
        ),
    ],
)
def test_forecasts_stay_forecasts(text, expected):
    assert flags(text) == [(m, pytest.approx(v), e) for m, v, e in expected]
