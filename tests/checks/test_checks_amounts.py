"""The figure finder: what counts as money, a percentage or a plain number, and its precision."""

from __future__ import annotations

import pytest

from tickerwire.checks.amounts import digits_half_unit, find_figures, find_money, value_half_unit


@pytest.mark.parametrize(
    ("written", "value", "currency"),
    [
        ("HK$7.8 billion", 7.8e9, "HKD"),
        ("US$1.25 billion", 1.25e9, "USD"),
        ("NT$300 million", 3e8, "TWD"),
        ("$5.3bn", 5.3e9, "USD"),
        ("$45m", 45e6, "USD"),
        ("33.4 billion yuan", 33.4e9, "CNY"),
        ("RMB 12 billion", 12e9, "CNY"),
        ("1.2 trillion yen", 1.2e12, "JPY"),
        ("3,500 yen", 3500.0, "JPY"),
        ("640 billion won", 6.4e11, "KRW"),
        ("Rs 5,000 crore", 5e10, "INR"),
        ("€2.1 billion", 2.1e9, "EUR"),
        ("£900 million", 9e8, "GBP"),
        ("4.5 billion Hong Kong dollars", 4.5e9, "HKD"),
        ("15.3 mln dlrs", 15.3e6, "USD"),
    ],
)
def test_money_is_read_with_its_currency_and_scale(
    written: str, value: float, currency: str
) -> None:
    figures = find_money(f"The group reported {written} in the period.")
    assert len(figures) == 1
    assert figures[0].value == pytest.approx(value)
    assert figures[0].currency == currency
    assert figures[0].text == written


def test_yen_sign_is_not_guessed_and_lower_case_codes_are_not_currencies() -> None:
    # "¥" is written for yen and for yuan alike; "eur" in running text is not a currency code.
    assert find_money("a target of ¥500 billion") == []
    assert find_money("the eur 5 note") == []


def test_percentages_points_and_plain_numbers_are_told_apart() -> None:
    figures = find_figures("It rose 400 points, or 1.6%, to 25,829 after a 50 basis point cut.")
    kinds = [(f.text, f.currency) for f in figures]
    assert kinds == [
        ("400 points", "pts"),
        ("1.6%", "%"),
        ("25,829", None),
        ("50 basis point", "pts"),
    ]
    assert figures[3].value == pytest.approx(0.5)


def test_numbers_glued_to_words_are_not_figures() -> None:
    assert find_figures("Its Q3 update and the A380 order") == []


def test_precision_follows_the_written_digits() -> None:
    assert digits_half_unit("25,829.91") == pytest.approx(0.005)
    assert digits_half_unit("5.3") == pytest.approx(0.05)
    # Trailing zeros count until two significant digits: "$10 million" is 9.5 to 10.5 million.
    assert digits_half_unit("10") == pytest.approx(0.5)
    assert digits_half_unit("25,800") == pytest.approx(50)
    assert digits_half_unit("400", 1) == pytest.approx(50)
    money = find_money("sales of $5.3 billion")[0]
    assert money.half_unit == pytest.approx(0.05e9)
    assert money.relative_precision == pytest.approx(0.05 / 5.3)
    percent = find_figures("up 20% on the year")[0]
    assert percent.half_unit == pytest.approx(0.5)
    assert value_half_unit(5.3e9) == pytest.approx(0.05e9)
    assert value_half_unit(38.58e9) == pytest.approx(0.005e9)
