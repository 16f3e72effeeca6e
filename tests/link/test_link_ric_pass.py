"""The RIC pattern opens with its dot (the symbol in a lookbehind): the same matches as the
pattern that opens with the symbol, which is kept here as the reference."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.link.tickers import _RIC, find_ticker_hits

_SUFFIXES = _RIC.pattern.split(r"\.", 1)[1]
_SYMBOL_FIRST = regex.compile(r"(?<![\w.$/@\-])(?P<sym>[A-Z0-9]{1,6}[a-z]?)\." + _SUFFIXES)

_PIECES = [
    *("META", "9988", "SNAP", "BRKb", "C", "U", "S", "ABCDEFG", "x", "é", "7201"),
    *(".", ".O", ".N", ".HK", ".T", ".OQ", ".UL", ".S", ".Nand", "and", "-", "$", "/", "@"),
    *(" ", "(", ")", ",", "\n", "_", "US", "3"),
]


def _matches(pattern: regex.Pattern[str], text: str) -> list[tuple[int, int, str, str, str]]:
    return [
        (m.start("sym"), m.end(), m["sym"], m["suf"], m["glued"]) for m in pattern.finditer(text)
    ]


@settings(max_examples=800, deadline=None, database=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_dot_first_pattern_finds_what_the_symbol_first_pattern_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _matches(_RIC, text) == _matches(_SYMBOL_FIRST, text)


def test_ric_hits_start_at_the_symbol() -> None:
    text = "Shares of Snap (SNAP.N) and Alibaba (9988.HK) rose in the U.S. session."
    hits = sorted((h.start, h.end, h.ticker) for h in find_ticker_hits(text) if h.form == "ric")
    assert [(text[start:end], ticker) for start, end, ticker in hits] == [
        ("SNAP.N", "SNAP"),
        ("9988.HK", "9988.HK"),
    ]
