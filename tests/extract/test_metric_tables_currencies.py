"""Newswire results tables: the headline's period from the title, a note's words no headline;
and dollar amounts whose dollar the text does not name for a company listed in another dollar."""

import datetime as dt

from extract_helpers import run

from tickerwire.extract.quantities import find_quantities
from tickerwire.extract.tables import find_table_figures

DAY = dt.date(2024, 2, 1)

BRIEF = (
    "Shr 18 cts vs 21 cts\n"
    "Net 4,210,000 vs 4,900,000\n"
    "12 mths\n"
    "Shr 2.40 dlrs vs 2.10 dlrs\n"
    "NOTE: latest 12 mths net includes a gain of 11 cts a share from a plant sale.\n"
)


def periods(title: str | None) -> list[tuple]:
    return [(f.metric, f.value, f.period) for f in find_table_figures(BRIEF, title)]


def test_rows_before_any_section_take_the_titles_period() -> None:
    assert periods("NORTHERN GAS CO <NGC> FEB NET") == [
        ("eps", 0.18, "feb"),
        ("net_income", 4_210_000.0, "feb"),
        ("eps", 2.40, "12 mths"),
    ]


def test_a_note_below_the_rows_is_no_headline() -> None:
    assert [p[2] for p in periods(None)] == [None, None, "12 mths"]


def test_newswire_dollars_with_their_country() -> None:
    text = "profit of 3.5 mln Canadian dlrs, sales of 1.28 billion H.K. dlrs, 2 Australian dlrs"
    assert [(q.value, q.currency) for q in find_quantities(text)] == [
        (3.5e6, "CAD"),
        (1.28e9, "HKD"),
        (2.0, "AUD"),
    ]


def currencies(text: str) -> list[tuple]:
    return [
        (e.entity, e.attributes["value"], e.attributes["currency"])
        for e in run(text, DAY)
        if e.type == "financial_metric"
    ]


def test_bare_dollars_of_a_company_listed_in_another_dollar_are_not_us_dollars() -> None:
    text = "Tencent reported net profit of 41.5 billion dlrs for the year."
    assert currencies(text) == [("tencent", 41.5e9, None)]


def test_dollars_written_with_a_sign_or_for_a_us_listing_stay_us_dollars() -> None:
    assert currencies("Tencent reported net profit of $5.3 billion for the year.") == [
        ("tencent", 5.3e9, "USD")
    ]
    assert currencies("Microsoft reported net profit of 21.9 billion dlrs for the year.") == [
        ("microsoft", 21.9e9, "USD")
    ]


def test_the_year_of_a_prior_amount_is_not_the_figures() -> None:
    text = "Microsoft said revenues rose to 1.94 billion dlrs from 1.34 billion dlrs in 1985."
    found = [
        (e.attributes["value"], e.attributes["period"])
        for e in run(text, DAY)
        if e.type == "financial_metric"
    ]
    assert found == [(1.94e9, None), (1.34e9, "1985")]
