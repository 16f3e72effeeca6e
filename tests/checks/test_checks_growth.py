"""A change that its own two amounts contradict."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tickerwire.checks.growth import check_growth, find_growth_claims
from tickerwire.records import Event

MakeEvent = Callable[..., Event]


def _whys(text: str) -> list[str]:
    return [c.why for c in check_growth([], text)]


def test_a_percentage_matching_its_amounts_is_not_flagged() -> None:
    assert _whys("Orchard Foods said sales rose 33% to $12 billion from $9 billion.") == []
    assert _whys("Its operating profit fell 20% to $8 million from $10 million.") == []


def test_a_percentage_contradicting_its_amounts_is_flagged() -> None:
    text = "Orchard Foods said sales rose 20% to $12 billion from $9 billion last year."
    [conflict] = check_growth([], text)
    assert conflict.field == "change_pct"
    assert conflict.values[0].evidence == "rose 20% to $12 billion from $9 billion"
    assert (
        conflict.why
        == "a move from $9 billion to $12 billion is a rise of 33.3%, not a rise of 20%"
    )
    assert conflict.values[0].value["implied_change_pct"] == pytest.approx(33.33, abs=0.01)


def test_a_fall_that_was_a_rise_is_flagged() -> None:
    [why] = _whys("Net income dropped 25% to $10 million from $8 million.")
    assert why == "a move from $8 million to $10 million is a rise of 25.0%, not a fall of 25%"


@pytest.mark.parametrize(
    "text",
    [
        "Revenue climbed 20% from $9 billion to $12 billion.",
        "Revenue rose to $12 billion from $9 billion, up 20%.",
        "Revenue rose to $12 billion from $9 billion (an increase of 20%).",
        "The group posted a 20% increase to $12 billion from $9 billion.",
        "Revenue rose 20% to 12 billion yuan from 9 billion yuan.",
        # The bare "9" takes the scale and currency of "12 billion yuan".
        "Revenue rose 20% from 9 to 12 billion yuan.",
    ],
)
def test_the_other_word_orders_are_read(text: str) -> None:
    assert len(_whys(text)) == 1


def test_rounding_of_the_amounts_and_truncation_of_the_percentage_are_allowed() -> None:
    # 1.25 / 1.1 is 13.6%, and "$1.1 billion" may be 1.05 to 1.15: 8.7% to 19% all fit "14%".
    assert _whys("Deliveries revenue rose 14% to $1.25 billion from $1.1 billion.") == []
    # 15.79% written as "15%": truncated, not contradicted.
    assert _whys("Fees rose 15% to $22.00 million from $19.00 million.") == []


def test_percentage_points_between_two_percentages() -> None:
    assert _whys("Gross margin rose 2 percentage points to 45% from 43%.") == []
    [why] = _whys("Gross margin rose 5 percentage points to 45% from 43%.")
    assert why == "a move from 43% to 45% is a rise of 2.0 points, not a rise of 5 points"
    # "%" used loosely for points is accepted as either reading.
    assert _whys("Gross margin rose 2% to 45% from 43%.") == []


def test_hedged_percentages_and_years_are_left_alone() -> None:
    assert find_growth_claims("Sales grew more than 20% to $12 billion from $9 billion.") == []
    assert find_growth_claims("Sales rose about 20% to $12 billion from $9 billion.") == []
    assert find_growth_claims("Sales rose 20% to $12 billion from 2021.") == []


def test_amounts_in_different_currencies_are_not_compared() -> None:
    assert find_growth_claims("Sales rose 20% to $12 billion from 9 billion yuan.") == []


def test_a_bare_amount_borrows_its_partner_s_scale_only_when_it_fits() -> None:
    [claim] = find_growth_claims("Revenue rose 33% from 9 to 12 billion yuan.")
    assert (claim.start_amount.value, claim.start_amount.currency) == (9e9, "CNY")
    assert _whys("Revenue rose 33% from 9 to 12 billion yuan.") == []
    # 9,000 billion would be 750 times 12 billion: not one amount written short.
    assert find_growth_claims("Revenue rose 33% from 9,000 to 12 billion yuan.") == []


def test_an_amount_given_only_by_the_event(metric_event: MakeEvent) -> None:
    # The sentence names the amount reached, then other figures, then "rose 80% from $0.84";
    # only the event says which figure the 80% belongs to.
    text = (
        "Lakeside Tools posted adjusted EPS of $2.10 for the quarter, ahead of the $1.90 that "
        "analysts had pencilled in, and said the figure rose 80% from $0.84 a year before."
    )
    event = metric_event(
        text, text, entity="lakeside", metric="eps", value=2.10, currency="USD", change_pct=80.0
    )
    [conflict] = check_growth([event], text)
    assert conflict.entity == "lakeside"
    assert conflict.values[0].evidence.startswith("$2.10 for the quarter")
    assert conflict.values[0].evidence.endswith("rose 80% from $0.84")
    assert conflict.why == "a move from $0.84 to $2.10 is a rise of 150.0%, not a rise of 80%"
    consistent = text.replace("$0.84", "$1.17")
    event = metric_event(
        consistent, consistent, metric="eps", value=2.10, currency="USD", change_pct=80.0
    )
    assert check_growth([event], consistent) == []
