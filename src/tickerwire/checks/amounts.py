"""Numbers as written: money amounts, percentages and plain figures, with their precision.

The consistency checks compare figures that a writer rounded. To tell a contradiction from
rounding, every figure carries `half_unit`: half of the last written digit, in base units
("$5.3 billion" -> 0.05e9, "25,829.91" -> 0.005). Trailing zeros of a whole number are read
generously (see `digits_half_unit`), so that a check never accuses a writer of a precision they
did not claim.

Finding is one pass over the numbers of a text: each number is classified by the few characters
around it (a currency before or after, a percent sign, "points"), which is several times faster
than one large money pattern tried at every position.

This parser is local to the checks on purpose: it only needs to find the few shapes the checks
read ("33.4 billion yuan ($5.3 billion)", "rose 20% to $12 billion from $9 billion", "rose 400
points, or 1.6%, to 25,829"), and it must quote them exactly as written.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import regex

from tickerwire.extract.currencies import PREFIX_CURRENCIES as ALL_PREFIX_CURRENCIES
from tickerwire.extract.currencies import SUFFIX_CURRENCIES as ALL_SUFFIX_CURRENCIES

# The currencies are extraction's table (one table, so that a check never reads an amount in
# another currency than the event it checks). "¥" is left out here on purpose: it is written for
# both yen and yuan, and a check must not guess which.
PREFIX_CURRENCIES: dict[str, str] = {
    written: code for written, code in ALL_PREFIX_CURRENCIES.items() if code
}
SUFFIX_CURRENCIES: dict[str, str] = dict(ALL_SUFFIX_CURRENCIES)

SCALES: dict[str, float] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "crore": 1e7,
    "lakh": 1e5,
    "mln": 1e6,
    "mn": 1e6,
    "bln": 1e9,
    "bn": 1e9,
    "trn": 1e12,
    "tn": 1e12,
    "m": 1e6,
    "b": 1e9,
    "k": 1e3,
}

# Single letters are scales only when glued to the number ("$5.3b"), never after a space.
_GLUED_ONLY = {"m", "b", "k"}

NUMBER = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"


# Not frozen, though never changed: one is built per number, and frozen=True makes building
# cost three times as much (object.__setattr__ per field); unsafe_hash keeps the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class Figure:
    """One number as written: its value in base units, unit, precision and place in the text.

    `currency` is an ISO 4217 code for money, "%" for a percentage, "pts" for points and None
    for a plain number. `scale` is the factor of the scale word written after the number
    ("billion": 1e9; none: 1.0).
    """

    value: float
    half_unit: float
    currency: str | None
    start: int
    end: int
    text: str
    scale: float = 1.0

    @property
    def scaled(self) -> bool:
        """Whether a scale word was written ("$5 billion", not "$5")."""
        return self.scale != 1.0

    @property
    def relative_precision(self) -> float:
        """Half of the last written digit as a share of the value (0.0094 for "$5.3 billion")."""
        return self.half_unit / abs(self.value) if self.value else 1.0


def digits_half_unit(number: str, min_significant: int = 2) -> float:
    """Half of the last significant written digit of `number` ("5.3" -> 0.05, "25,800" -> 50).

    Trailing zeros of a whole number count as significant only until the number has
    `min_significant` significant digits: "$10 million" is read as 9.5 to 10.5 million, "25,800"
    as 25,750 to 25,850. Figures in the news are rarely rounded to fewer than two digits; a
    writer who rounds harder says "about". Pass 1 for the most generous reading ("400 points"
    as 350 to 450).

    >>> digits_half_unit("25,829.91")
    0.005
    """
    plain = number.replace(",", "")
    if "." in plain:
        decimals = len(plain.split(".", 1)[1])
        return 0.5 * 10.0**-decimals
    significant = plain.lstrip("0")
    stripped = significant.rstrip("0")
    if not stripped:
        return 0.5
    kept = max(len(stripped), min(min_significant, len(significant)))
    return 0.5 * 10.0 ** (len(significant) - kept)


def _alternation(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


class _Patterns:
    """The compiled patterns of the finder, built once per process (see `_patterns`)."""

    def __init__(self) -> None:
        prefix = _alternation(list(PREFIX_CURRENCIES))
        suffix = _alternation(list(SUFFIX_CURRENCIES))
        scale = _alternation([s for s in SCALES if s not in _GLUED_ONLY])
        glued = _alternation(sorted(_GLUED_ONLY))
        flags = regex.IGNORECASE
        # A number not glued to a digit, a decimal point or a thousands comma on its left.
        self.number = regex.compile(rf"(?<![\d.,])(?:{NUMBER})")
        # Searched in the few characters before a number: "US$", "HK$ ", "RMB ".
        self.prefix = regex.compile(rf"(?<![\w$€£₹₩.])(?P<prefix>{prefix})\s?$", flags)
        # The last characters a prefix can end with: a number after anything else has none, and
        # the search is skipped (most numbers follow a lower-case word: "rose 20%").
        self.prefix_ends = frozenset(
            end
            for key in PREFIX_CURRENCIES
            for end in (
                (key[-1],)
                if key.isupper() or not key[-1].isalpha()
                else (key[-1].lower(), key[-1].upper())
            )
        )
        # After a prefixed number: an optional scale ("$5.3bn", "$5.3 billion", "$5.3b").
        self.prefixed_scale = regex.compile(
            rf"(?:(?P<glued>{glued})\b|\s?(?P<scale>{scale})\b)?(?!\w)", flags
        )
        # The units a number may have, each a pattern text: a percentage or points, a currency
        # after the number ("33.4 billion yuan", "1,200 yen"), or a plain number with an
        # optional scale.
        percent = (
            r"\s?(?P<pct>%|percent\b|per\scent\b|pct\b)"
            r"|\s(?P<pts>percentage\spoints?|basis\spoints?|points?|pts)\b"
        )
        suffix_unit = rf"(?:(?P<glued>{glued})|\s(?P<scale>{scale}))?\s(?P<suffix>{suffix})\b"
        plain_scale = rf"(?:\s(?P<scale>{scale})\b)?(?![\w%]|\.\d)"
        self.unit_patterns = (percent, suffix_unit, plain_scale)  # kept for the tests
        # Every number with what follows it, in one pass: the units above, tried in the
        # order `_classify` needs them (a percentage first, then a currency after, then a plain
        # number), as the branches of one alternation; the empty last branch keeps numbers that
        # none fits. A branch is tried only where the ones before it failed, which is what
        # separate matches one after the other did, and the text a branch takes holds no digit,
        # so no number starts inside it and the pass finds the numbers `number` finds. One match
        # per number in C replaces up to three pattern calls and two gates in Python.
        unit = (
            rf"(?:{percent}|{_renamed(suffix_unit, 's')}|{_renamed(plain_scale, 'p')}(?P<plain>)|)"
        )
        self.figure = regex.compile(rf"(?<![\d.,])({NUMBER}){unit}", flags)
        # The same unit branches alone, for numbers found in a part of a text: their units may
        # run on past its end, where a pattern bounded by it could not look.
        self.unit = regex.compile(unit, flags)


def _renamed(pattern: str, prefix: str) -> str:
    """`pattern` with its group names prefixed, so that two copies can share one pattern."""
    return pattern.replace("(?P<", f"(?P<{prefix}")


@functools.lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    return _Patterns()


def _prefix_currency(written: str) -> str | None:
    """The currency of a prefix matched case-insensitively, or None when the case is wrong.

    Codes must be written as codes: "cad" or "eur" before a number is not a currency. Symbols
    ("HK$", "us$") and mixed-case names ("Rmb", "Rs") are accepted in any case.
    """
    if written in PREFIX_CURRENCIES:
        return PREFIX_CURRENCIES[written]
    for key, currency in PREFIX_CURRENCIES.items():
        if key.casefold() == written.casefold():
            return None if key.isalpha() and key.isupper() else currency
    return None


def _decimals(number: str) -> int:
    return len(number.split(".", 1)[1]) if "." in number else 0


def _scale_factor(match: regex.Match[str]) -> float:
    word = match.group("glued") or match.group("scale")
    return SCALES[word.casefold()] if word else 1.0


def _classify(
    text: str,
    start: int,
    end: int,
    units: tuple[str | None, ...],
    unit_end: int,
    p: _Patterns,
) -> Figure | None:
    """The Figure the number `text[start:end]` stands for, judged by the characters around it.

    `units` are the groups of `p.unit` matched at `end` (up to `unit_end`): which unit pattern
    fits what follows the number.
    """
    pct, pts, glued, scale, suffix, plain_scale, plain = units
    written = text[start:end]
    value = float(written.replace(",", ""))
    if pct is not None or pts is not None:
        points = (pts or "").casefold()
        # A percentage, percentage points and basis points are precise to their last written
        # digit ("20%" is 19.5 to 20.5); index points are read generously ("400 points" may be
        # a rounded 412).
        if points and not points.startswith(("basis", "percentage")):
            half_unit = digits_half_unit(written, 1)
        else:
            half_unit = 0.5 * 10.0 ** -_decimals(written)
        factor = 0.01 if points.startswith("basis") else 1.0
        unit = "%" if pct else "pts"
        return Figure(
            value * factor, half_unit * factor, unit, start, unit_end, text[start:unit_end]
        )
    prefix = None
    before = text[start - 2 : start] if start >= 2 else text[:start]
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
        first = prefix.start()
        return Figure(
            value * factor,
            digits_half_unit(written) * factor,
            currency,
            first,
            after.end(),
            text[first : after.end()],
            factor,
        )
    if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "$€£₹₩"):
        return None  # "Q3", "A380", "COVID19", an unknown currency symbol: not a figure
    if suffix is not None:
        word = glued or scale
        factor = SCALES[word.casefold()] if word else 1.0
        currency = SUFFIX_CURRENCIES[suffix.casefold()]
    elif plain is not None:
        factor = SCALES[plain_scale.casefold()] if plain_scale else 1.0
        currency = None
    else:
        return None
    return Figure(
        value * factor,
        digits_half_unit(written) * factor,
        currency,
        start,
        unit_end,
        text[start:unit_end],
        factor,
    )


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Money, percentages and plain numbers in `text[start:end]`, in order, offsets into `text`.

    `currency` is an ISO 4217 code for money, "%" for percentages, "pts" for points and None
    for plain numbers.
    """
    p = _patterns()
    figures: list[Figure] = []
    if end is None or end >= len(text):
        for match in p.figure.finditer(text, start):
            number_start, number_end = match.span(1)
            units = match.groups()[1:]
            figure = _classify(text, number_start, number_end, units, match.end(), p)
            if figure is not None:
                figures.append(figure)
        return figures
    for number in p.number.finditer(text, start, end):
        unit = p.unit.match(text, number.end())
        if unit is None:
            continue  # never: the last branch of `unit` is empty
        figure = _classify(text, number.start(), number.end(), unit.groups(), unit.end(), p)
        if figure is not None:
            figures.append(figure)
    return figures


def find_money(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Every money amount in `text[start:end]`, with offsets into `text`."""
    return [f for f in find_figures(text, start, end) if f.currency not in (None, "%", "pts")]


def value_half_unit(value: float) -> float:
    """Half of the last significant digit of a float that came from text (5.3e9 -> 0.05e9).

    Used when only an event's number is known, not how it was written.
    """
    if value == 0:
        return 0.5
    digits = f"{abs(value):.12g}"
    if "e" in digits:
        mantissa, exponent = digits.split("e")
        return digits_half_unit(mantissa) * 10.0 ** int(exponent)
    return digits_half_unit(digits)
