"""Stated currency conversions against the month's average rate."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from tickerwire.checks import check_article
from tickerwire.checks.conversions import (
    ArticleDates,
    check_conversions,
    find_conversion_claims,
)
from tickerwire.checks.fx_rates import FxTable, load_fx_table
from tickerwire.records import Conflict, Event

MakeEvent = Callable[..., Event]

MARCH = dt.date(2024, 3, 14)


def _conflicts(
    text: str, table: FxTable, published: dt.date | None = MARCH, **dates: dt.date
) -> list[Conflict]:
    return check_conversions([], text, ArticleDates(published=published, **dates), table)


def test_a_correct_conversion_is_not_flagged(small_table: FxTable) -> None:
    # 70 / 10 = 7.00 yuan per dollar, exactly the month's average.
    text = "Harbor Cloud booked revenue of 70 billion yuan ($10 billion) in the quarter."
    assert _conflicts(text, small_table) == []


def test_a_conversion_within_rounding_and_spot_drift_is_not_flagged(small_table: FxTable) -> None:
    # 7.35 per dollar is 5% off the average, inside 5% + the rounding of "$10.0 billion".
    text = "Sales reached 73.5 billion yuan ($10.0 billion)."
    assert _conflicts(text, small_table) == []


def test_a_wrong_conversion_is_flagged_with_the_quote_and_why(small_table: FxTable) -> None:
    text = "Harbor Cloud booked revenue of 63 billion yuan ($10 billion) in the quarter."
    [conflict] = _conflicts(text, small_table)
    assert conflict.field == "stated_conversion"
    assert conflict.values[0].evidence == "63 billion yuan ($10 billion)"
    assert conflict.why.startswith("implies 6.30 CNY per USD; the average in 2024-03")
    assert "was 7.00" in conflict.why
    assert conflict.why.endswith("10% off")
    assert conflict.values[0].value["implied_rate"] == pytest.approx(6.3)


def test_an_order_of_magnitude_slip_is_flagged_as_a_factor(small_table: FxTable) -> None:
    text = "The unit's sales rose to 15 billion yuan ($21 billion)."
    [conflict] = _conflicts(text, small_table)
    assert "implies 0.714 CNY per USD" in conflict.why
    assert conflict.why.endswith("off by a factor of 9.8")


def test_no_rate_near_the_period_means_no_verdict(small_table: FxTable) -> None:
    # The small table's CNY stops in 2024-06; 2025-01 is more than three months away.
    text = "Profit came to 1 billion yuan ($900 million)."
    assert _conflicts(text, small_table, published=dt.date(2025, 1, 10)) == []
    # A currency the table does not carry at all is not checked either.
    assert _conflicts("It raised 50 billion rupiah ($1 billion).", small_table) == []


def test_yen_amounts_without_decimals(small_table: FxTable) -> None:
    right = "Kitsune Motors earned 450,000,000,000 yen ($3 billion) in the half."
    wrong = "Kitsune Motors earned 450,000,000,000 yen ($4.5 billion) in the half."
    assert _conflicts(right, small_table) == []
    [conflict] = _conflicts(wrong, small_table)
    assert "implies 100 JPY per USD" in conflict.why
    assert "was 150" in conflict.why


def test_hong_kong_dollars_to_us_dollars(small_table: FxTable) -> None:
    right = "The lender sold HK$7.8 billion (US$1 billion) of notes."
    wrong = "The lender sold HK$7.8 billion (US$1.2 billion) of notes."
    assert _conflicts(right, small_table) == []
    [conflict] = _conflicts(wrong, small_table)
    assert conflict.values[0].evidence == "HK$7.8 billion (US$1.2 billion)"
    assert "implies 6.50 HKD per USD" in conflict.why


def test_a_conversion_written_the_other_way_round(small_table: FxTable) -> None:
    assert _conflicts("It paid $2 billion (14 billion yuan) for the stake.", small_table) == []
    [conflict] = _conflicts("It paid $2 billion (20 billion yuan) for the stake.", small_table)
    assert "implies 10.00 CNY per USD" in conflict.why


def test_a_cross_rate_between_two_non_dollar_currencies(small_table: FxTable) -> None:
    # 7.80 HKD per USD and 0.90 EUR per USD make 8.67 HKD per EUR.
    assert _conflicts("a fee of €2.5 billion (HK$21.7 billion)", small_table) == []
    [conflict] = _conflicts("a fee of €2.5 billion (HK$30 billion)", small_table)
    assert "implies 12.00 HKD per EUR" in conflict.why
    assert "was 8.67" in conflict.why


def test_a_one_digit_amount_is_read_as_the_rough_figure_it_is(small_table: FxTable) -> None:
    # "€1 billion" may be anything from 0.5 to 1.5 billion: 12 HKD per EUR is within reach.
    assert _conflicts("a fee of €1 billion (HK$12 billion)", small_table) == []


def test_the_period_end_month_rescues_a_conversion_at_the_period_end_rate(
    metric_event: MakeEvent,
) -> None:
    # Company figures are converted at the rate of the period's last day; the article may come
    # out months later when the rate has moved on.
    table = FxTable.from_rows([("2024-03", "CNY", 7.0, "x"), ("2024-09", "CNY", 8.0, "x")])
    text = "Net income was 70 billion yuan ($10 billion) for the quarter."
    event = metric_event(
        text,
        text,
        value=70e9,
        currency="CNY",
        stated_conversion={"value": 10e9, "currency": "USD"},
        period_end=dt.date(2024, 3, 31),
    )
    september = ArticleDates(published=dt.date(2024, 9, 20))
    assert check_conversions([event], text, september, table) == []
    # Without the period end, only September's rate applies, and 7.00 is 12.5% off 8.00.
    assert len(check_conversions([], text, september, table)) == 1


def test_an_event_conversion_takes_its_quote_from_the_text(
    small_table: FxTable, metric_event: MakeEvent
) -> None:
    text = "Harbor Cloud booked revenue of 63 billion yuan ($10 billion) in the quarter."
    event = metric_event(
        text,
        text,
        entity="harbor-cloud",
        value=63e9,
        currency="CNY",
        stated_conversion={"value": 10e9, "currency": "USD"},
    )
    [conflict] = check_conversions([event], text, ArticleDates(published=MARCH), small_table)
    assert conflict.entity == "harbor-cloud"
    assert conflict.values[0].evidence == "63 billion yuan ($10 billion)"


def test_an_event_is_matched_only_to_a_pair_inside_its_evidence(
    small_table: FxTable, metric_event: MakeEvent
) -> None:
    first = "Unit A earned 63 billion yuan ($10 billion)."
    text = f"{first} Unit B earned 63 billion yuan ($10 billion) too."
    event = metric_event(
        text,
        first,
        entity="unit-a",
        value=63e9,
        currency="CNY",
        stated_conversion={"value": 10e9, "currency": "USD"},
    )
    conflicts = check_conversions([event], text, ArticleDates(published=MARCH), small_table)
    # Each pair once: the first with the event's company, the second with none.
    assert [c.entity for c in conflicts] == ["unit-a", None]


def test_an_event_conversion_absent_from_the_text_is_still_checked(
    small_table: FxTable, metric_event: MakeEvent
) -> None:
    sentence = "Revenue was sixty-three billion yuan, or ten billion dollars."
    event = metric_event(
        sentence,
        sentence,
        value=63e9,
        currency="CNY",
        stated_conversion={"value": 10e9, "currency": "USD"},
    )
    [conflict] = check_conversions([event], sentence, ArticleDates(published=MARCH), small_table)
    assert conflict.values[0].evidence == sentence


def test_bounds_are_not_conversions() -> None:
    text = "Capex of 70 billion yuan (more than $20 billion) is planned."
    assert find_conversion_claims(text) == []


def test_a_comma_or_conversion_is_read_only_like_for_like(small_table: FxTable) -> None:
    [claim] = find_conversion_claims("Profit was 7 billion yuan, or $1 billion, in the year.")
    assert claim.quote == "7 billion yuan, or $1 billion"
    # A total and a per-share price joined by "or" are two different quantities.
    assert find_conversion_claims("It paid $2 billion, or HK$5 a share, for the rest.") == []
    assert find_conversion_claims("It paid $2 billion, or HK$150 per share.") == []


def test_undated_articles_are_compared_with_the_latest_year(small_table: FxTable) -> None:
    # The small table's last 12 months of CNY are 2024-01..2024-06 at 7.00.
    [conflict] = _conflicts(
        "Sales were 63 billion yuan ($10 billion).", small_table, published=None
    )
    assert "the article gives no date" in conflict.why
    assert "2024-01 to 2024-06" in conflict.why
    assert (
        _conflicts("Sales were 70 billion yuan ($10 billion).", small_table, published=None) == []
    )


def test_undated_articles_are_not_checked_in_a_currency_whose_rows_stopped_early() -> None:
    # TWD rows end in 2017 while the table runs to 2024: 2017's rates say nothing about an
    # undated article's year.
    rows = [(f"2017-{m:02d}", "TWD", 30.0, "x") for m in range(1, 13)]
    rows += [(f"2024-{m:02d}", "EUR", 0.9, "x") for m in range(1, 13)]
    table = FxTable.from_rows(rows)
    text = "a plant worth NT$60 billion (US$1.5 billion)"
    assert _conflicts(text, table, published=None) == []
    assert len(_conflicts(text, table, published=dt.date(2017, 6, 1))) == 1


def test_an_event_date_or_a_hint_stands_in_for_a_missing_publication_date(
    small_table: FxTable,
) -> None:
    text = "Sales were 63 billion yuan ($10 billion)."
    [by_hint] = _conflicts(text, small_table, published=None, date_hint=dt.date(2024, 2, 1))
    assert "2024-02, the month of the date given for the article" in by_hint.why
    [by_event] = _conflicts(
        text, small_table, published=None, latest_event_date=dt.date(2024, 5, 2)
    )
    assert "2024-05, the month of the article's events" in by_event.why


def test_a_fallback_month_is_named_and_widens_the_tolerance(small_table: FxTable) -> None:
    # JPY has only 2024-03; in 2024-05 that is two months away, tolerance 5% + 5.5% + rounding.
    may = dt.date(2024, 5, 20)
    assert _conflicts("earned 1.6 trillion yen ($10 billion)", small_table, published=may) == []
    [conflict] = _conflicts("earned 1.8 trillion yen ($10 billion)", small_table, published=may)
    assert "nearest month with a rate" in conflict.why


def test_real_rates_pass_a_correct_and_flag_a_wrong_yuan_conversion() -> None:
    # Monthly averages of the shipped table: about 7.17 yuan per dollar in August 2025.
    august = dt.date(2025, 8, 29)
    right = "Quarterly revenue was 247.7 billion yuan ($34.6 billion), the company said."
    wrong = "Quarterly revenue was 247.7 billion yuan ($39.4 billion), the company said."
    assert check_article([], right, august) == []
    [conflict] = check_article([], wrong, august, article_id="a1")
    assert conflict.values[0].article == "a1"
    assert "the average in 2025-08, the publication month, was 7.17" in conflict.why
    assert load_fx_table().rate("CNY", "2025-08") is not None
