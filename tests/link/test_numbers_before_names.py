"""A number before a capitalised phrase counts something ("31 Wall Street analysts") or ends an
earlier figure ("in January 1986, Bank of Korea"): it is no word of an organisation's name."""

from __future__ import annotations

import functools

import pytest

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.records import CleanDocument


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _names(text: str) -> dict[str, list[str]]:
    linked = link_document(CleanDocument("test", text), _reference())
    return {e.name: e.tickers for e in linked.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Based on the ratings of 28 Wall Street analysts, the average price target is $310.",
        "The consensus of 12 Wall Street strategists calls for a 6% gain next year.",
        "A poll of 40 Main Street economists sees two rate cuts.",
    ],
)
def test_a_count_before_analysts_makes_no_organisation(text: str) -> None:
    assert not any(name[0].isdigit() for name in _names(text))
    assert not any("Street" in name for name in _names(text))


def test_a_count_before_a_firms_analysts_is_dropped_with_the_name_unknown() -> None:
    # "180 Degree Capital analysts" could be a count of Degree Capital's analysts or a firm
    # named with a number: neither name is given.
    assert _names("Nine of 14 Redwood Capital analysts expect a dividend increase.") == {}


def test_the_tail_of_a_larger_number_is_cut_from_the_name_after_it() -> None:
    names = _names("The initial offering of 612,450 Marlow Homes Corp units is priced at 8 dlrs.")
    assert "Marlow Homes" in names
    assert not any(name[0].isdigit() for name in names)


def test_a_year_before_a_comma_is_no_part_of_a_bank_name() -> None:
    names = _names("The deficit was 410 mln in March 1986, Bank of Ruritania figures showed.")
    assert not any("1986" in name for name in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("said Ana Ruiz, chief investment officer at 50 Park Investments.", "50 Park Investments"),
        ("3M analysts said demand for masks was weak.", "3M Co"),
        ("7-Eleven Inc said its convenience store sales rose 4%.", "7-Eleven"),
    ],
)
def test_names_that_open_with_figures_keep_them(text: str, name: str) -> None:
    assert name in _names(text)
