"""Column tables (a "METRIC" heading, period labels, then a figure's name and one value per
period, a cell a line): each cell one figure of the company the text before the table names."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import run

from tickerwire.extract.metric_column_tables import find_column_figures

DAY = dt.date(2024, 2, 2)

_TABLE = "METRIC\nFY 2021\nFY 2022\nFY 2023 (FORECAST)\nRevenue growth\n18%\n(4%)\n7.5%\n"


def rows(text: str) -> list[tuple[str, str, float | None, float | None, str | None, bool]]:
    return [
        (
            e.entity,
            e.attributes["metric"],
            e.attributes["value"],
            e.attributes["change_pct"],
            e.attributes["period"],
            e.attributes["is_estimate"],
        )
        for e in run(text, DAY)
        if e.type == "financial_metric"
    ]


def test_a_growth_row_gives_one_change_per_period_of_the_company_named_before():
    text = (
        "Microsoft's sales growth cooled after the pandemic boom.\n"
        + _TABLE
        + "The slowdown did not last long.\n"
    )
    assert rows(text) == [
        ("microsoft", "revenue", None, 18.0, "FY 2021", False),
        ("microsoft", "revenue", None, -4.0, "FY 2022", False),
        ("microsoft", "revenue", None, 7.5, "FY 2023", True),
    ]


def test_the_company_is_read_past_a_lead_in_that_names_none():
    text = (
        "That is why Amazon's revenue growth slowed sharply.\n"
        "Its founder had warned of this years before.\n"
        "METRIC\n2022\n2023\nRevenue\n$514 billion\n$575 billion\nOperating margin\n2.4%\n6.4%\n"
    )
    assert rows(text) == [
        ("amazon", "revenue", 514e9, None, "2022", False),
        ("amazon", "revenue", 575e9, None, "2023", False),
        ("amazon", "operating_margin", 2.4, None, "2022", False),
        ("amazon", "operating_margin", 6.4, None, "2023", False),
    ]


@pytest.mark.parametrize(
    "lead",
    [
        # two companies before the table: whose figures they are is not said
        "Amazon grew its revenue faster than Microsoft did.\n",
        # a company named without a figure: the table may be of anything
        "Microsoft launched a new laptop this week.\n",
        # no company at all
        "Growth slowed across the industry.\n",
    ],
)
def test_a_table_whose_company_is_not_clear_gives_nothing(lead):
    assert rows(lead + _TABLE) == []


@pytest.mark.parametrize(
    "table",
    [
        # a row missing a value: cells and periods no longer line up
        "METRIC\n2022\n2023\nRevenue growth\n9%\nEPS growth\n12%\n15%\n",
        # a business line's figure, which the table does not say is the company's total
        "METRIC\n2022\n2023\nCloud revenue growth\n29%\n21%\n",
        # amounts without a scale: in what unit?
        "METRIC\n2022\n2023\nRevenue\n$514\n$575\n",
        # a single period: no column table
        "METRIC\n2023\nRevenue growth\n9%\n",
        # no heading
        "2022\n2023\nRevenue growth\n9%\n12%\n",
    ],
)
def test_rows_that_do_not_read_as_one_figure_per_period_give_nothing(table):
    assert find_column_figures("Microsoft's revenue grew.\n" + table) == []
