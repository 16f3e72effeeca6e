"""Extraction and the consistency checks read an amount in the same currency.

Both read one table (`tickerwire.extract.currencies`); before, each kept its own, and "TWD 5
billion", "R$35 billion" or "20 euro" were money to one reader and not to the other.
"""

from __future__ import annotations

import pytest

from tickerwire.checks.amounts import find_money
from tickerwire.extract.currencies import PREFIX_CURRENCIES, SUFFIX_CURRENCIES
from tickerwire.extract.quantities import find_quantities


def _extracted(text: str) -> list[tuple[float, str | None]]:
    return [
        (q.value, q.currency)
        for q in find_quantities(text, None)
        if q.kind == "money" and not q.is_conversion
    ]


def _checked(text: str) -> list[tuple[float, str | None]]:
    return [(f.value, f.currency) for f in find_money(text)]


@pytest.mark.parametrize("written", sorted(w for w, code in PREFIX_CURRENCIES.items() if code))
def test_every_prefix_reads_the_same_in_both(written: str) -> None:
    space = " " if written[-1].isalpha() or written.endswith(".") else ""
    text = f"The lender booked {written}{space}5.3 billion of new loans in the quarter."
    expected = [(5.3e9, PREFIX_CURRENCIES[written])]
    assert _extracted(text) == expected
    assert _checked(text) == expected


@pytest.mark.parametrize("written", sorted(SUFFIX_CURRENCIES))
def test_every_suffix_reads_the_same_in_both(written: str) -> None:
    text = f"The utility set aside 740 million {written} for the new grid."
    expected = [(740e6, SUFFIX_CURRENCIES[written])]
    assert _extracted(text) == expected
    assert _checked(text) == expected


@pytest.mark.parametrize(
    ("text", "currency"),
    [
        ("Quarterly sales reached TWD 86 billion, the chipmaker said.", "TWD"),
        ("Its Zurich unit earned CHF 410 million last year.", "CHF"),
        ("The miner wrote down R$3.2 billion of assets.", "BRL"),
        ("Fines came to 900 million euro in all.", "EUR"),
    ],
)
def test_amounts_one_reader_used_to_miss(text: str, currency: str) -> None:
    assert [c for _, c in _extracted(text)] == [currency]
    assert [c for _, c in _checked(text)] == [currency]


def test_the_yen_sign_stays_unread_by_the_checks() -> None:
    text = "Revenue rose to ¥1.2 trillion on strong exports."
    assert _checked(text) == []
    assert _extracted(text) == [(1.2e12, None)]
