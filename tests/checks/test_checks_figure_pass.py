"""One pass finds each number with its unit: the figures are those of one pattern per unit.

`_reference_figures` is the finder as it was before the unit patterns became branches of the
number pattern: the number pattern alone, then the percent, suffix and plain patterns tried one
by one. The two must agree on any text.
"""

from __future__ import annotations

import functools

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.checks.amounts import (
    SCALES,
    SUFFIX_CURRENCIES,
    Figure,
    _patterns,
    _prefix_currency,
    _scale_factor,
    digits_half_unit,
    find_figures,
)


@functools.lru_cache(maxsize=1)
def _unit_patterns() -> tuple[regex.Pattern[str], ...]:
    """The percent, suffix and plain unit patterns, each alone, as the finder matched them."""
    return tuple(regex.compile(unit, regex.IGNORECASE) for unit in _patterns().unit_patterns)


def _reference_classify(text: str, start: int, end: int) -> Figure | None:
    p = _patterns()
    percent_unit, suffix_unit, plain_unit = _unit_patterns()
    written = text[start:end]
    value = float(written.replace(",", ""))
    percent = percent_unit.match(text, end)
    if percent is not None:
        points = (percent.group("pts") or "").casefold()
        if points and not points.startswith(("basis", "percentage")):
            half_unit = digits_half_unit(written, 1)
        else:
            decimals = len(written.split(".", 1)[1]) if "." in written else 0
            half_unit = 0.5 * 10.0**-decimals
        scale = 0.01 if points.startswith("basis") else 1.0
        unit = "%" if percent.group("pct") else "pts"
        stop = percent.end()
        return Figure(value * scale, half_unit * scale, unit, start, stop, text[start:stop])
    prefix = None
    before = text[max(0, start - 2) : start]
    # the finder's own test of the characters a prefix may end with, unchanged by the one pass
    if before and (
        before[-1] in p.prefix_ends or (before[-1] == " " and before[:1] in p.prefix_ends)
    ):
        prefix = p.prefix.search(text, max(0, start - 6), start)
    if prefix is not None:
        currency = _prefix_currency(prefix.group("prefix"))
        after = p.prefixed_scale.match(text, end)
        if currency is None or after is None:
            return None
        factor = _scale_factor(after)
        first, stop = prefix.start(), after.end()
        half_unit = digits_half_unit(written) * factor
        return Figure(value * factor, half_unit, currency, first, stop, text[first:stop], factor)
    if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "$€£₹₩"):
        return None
    suffix = suffix_unit.match(text, end)
    if suffix is not None:
        factor = _scale_factor(suffix)
        currency = SUFFIX_CURRENCIES[suffix.group("suffix").casefold()]
        stop = suffix.end()
        half_unit = digits_half_unit(written) * factor
        return Figure(value * factor, half_unit, currency, start, stop, text[start:stop], factor)
    plain = plain_unit.match(text, end)
    if plain is None:
        return None
    factor = SCALES[plain.group("scale").casefold()] if plain.group("scale") else 1.0
    stop = plain.end()
    half_unit = digits_half_unit(written) * factor
    return Figure(value * factor, half_unit, None, start, stop, text[start:stop], factor)


def _reference_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    stop = len(text) if end is None else end
    found = (
        _reference_classify(text, *m.span()) for m in _patterns().number.finditer(text, start, stop)
    )
    return [figure for figure in found if figure is not None]


_PIECES = [
    *("20", "5.3", "1,200", "12,345.67", "0.25", "400", "2024", "7"),
    *("%", " %", " percent", " Per cent", " PCT", " pct.", " percentage points", " point"),
    *(" basis points", " points", " pts", "m", "bn", "K", "\u212a", "b", " million", " bln"),
    *(" billion yuan", " ſwiss francs", " Swiss francs", " yen", " dollars", " dlrs", " Won"),
    *(" and", " shares", " to", " from", ", or ", " (", ")", ",", ".", "-", "\u00a0", "\n", " "),
    *("$", "US$", "HK$ ", "RMB ", "Rmb", "eur ", "EUR ", "€", "Rs.", "A", "Q", "rose ", "¥"),
]


@settings(max_examples=600, deadline=None, database=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12))
def test_one_pass_finds_the_figures_of_the_separate_patterns(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert find_figures(text) == _reference_figures(text)


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=12), st.data())
def test_a_part_of_a_text_keeps_the_units_past_its_end(
    pieces: list[str], data: st.DataObject
) -> None:
    text = "".join(pieces)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert find_figures(text, start, end) == _reference_figures(text, start, end)


def test_units_that_run_past_the_part_are_read() -> None:
    text = "It paid 20 billion yuan and rose 5%."
    part = find_figures(text, 0, text.index(" billion"))
    assert [(f.text, f.currency) for f in part] == [("20 billion yuan", "CNY")]
