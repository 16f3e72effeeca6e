"""The first-character lookaheads of the number pattern change no match (they only skip
alternations that cannot match), and `_quantity` reads the groups in their order."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract import quantities
from tickerwire.extract.quantities import _QUANTITY, QUANTITY_GROUPS, find_quantities

# The pattern without its guards: each guard is a lookahead standing right before a group.
_UNGUARDED = re.compile(
    _QUANTITY.pattern.replace(f"(?=[{quantities._PREFIX_FIRST}])", "")
    .replace("(?=[tbm])", "")
    .replace(f"(?=\\s?[%pb]|\\s[{quantities._SUFFIX_FIRST}])", "")
    .replace(f"(?=[{quantities._SUFFIX_FIRST}])", ""),
    _QUANTITY.flags,
)

# A number with what may stand before and after it: every unit next to every lead.
_LEADS = st.sampled_from(
    ["", "$", "US$", "u.s.$", "HK$", "rmb ", "Rs.", "€", "¥", "+", "-", "+$", "(", "a ", "K"]
)
_NUMBERS = st.sampled_from(["5", "12.5", "1,200", ".75", "2024", "10:30"])
_UNITS = st.sampled_from(
    [
        *("", "m", "bn", "Billion", "trillion", "mln", "million", "thousand", "tn", "k"),
        *("\u212a", "%", "percent", "per cent", "pct", "pct points", "bps", "basis points"),
        *("points", "pts", "pp", "percentage points", "yuan", "cents", "cts", "Yen", "dls"),
        *("Hong Kong dollars", "euros", "won", "dlrs", "shares", "\u017fhares", "to", "-"),
    ]
)
_NUMBER_TEXTS = st.tuples(_LEADS, _NUMBERS, st.sampled_from(["", " ", "  "]), _UNITS).map("".join)


def test_guards_are_in_the_pattern() -> None:
    assert _UNGUARDED.pattern.count("(?=") == _QUANTITY.pattern.count("(?=") - 4


@settings(max_examples=300, deadline=None)
@given(st.lists(_NUMBER_TEXTS, min_size=1, max_size=4), st.sampled_from([" ", ", ", " and "]))
def test_guarded_pattern_matches_as_the_unguarded_one(numbers: list[str], join: str) -> None:
    text = join.join(numbers)
    for position in range(len(text)):
        guarded, plain = _QUANTITY.search(text, position), _UNGUARDED.search(text, position)
        assert (guarded and (guarded.span(), guarded.groups())) == (
            plain and (plain.span(), plain.groups())
        )


def test_groups_are_read_in_their_order() -> None:
    assert tuple(_QUANTITY.groupindex) == QUANTITY_GROUPS
    assert _QUANTITY.groups == len(QUANTITY_GROUPS)  # no unnamed group shifts them


def test_news_numbers_read_through_the_guards() -> None:
    text = (
        "Shares rose 4.5% to $12.30 after revenue of 33.4 billion yuan ($4.6 billion), "
        "margins up 120 bps and 1.5 percentage points, with the index 85 points higher."
    )
    found = [(q.kind, q.value, q.currency) for q in find_quantities(text)]
    assert found == [
        ("percent", 4.5, None),
        ("money", 12.3, "USD"),
        ("money", 33.4e9, "CNY"),
        ("money", 4.6e9, "USD"),
        ("pp", 1.2, None),
        ("pp", 1.5, None),
        ("index_points", 85.0, None),
    ]
