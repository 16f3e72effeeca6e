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

# Currency written before the number. Longest first so that "HK$" wins over "$". "¥" is left out
# on purpose: it is written for both yen and yuan, and a check must not guess which.
PREFIX_CURRENCIES: dict[str, str] = {
    "U.S.$": "USD",
    "US$": "USD",
    "USD": "USD",
    "HK$": "HKD",
    "HKD": "HKD",
    "NT$": "TWD",
    "TWD": "TWD",
    "S$": "SGD",
    "SGD": "SGD",
    "A$": "AUD",
    "AU$": "AUD",
    "AUD": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "CAD": "CAD",
    "RMB": "CNY",
    "Rmb": "CNY",
    "CNY": "CNY",
    "JPY": "JPY",
    "EUR": "EUR",
    "GBP": "GBP",
    "CHF": "CHF",
    "KRW": "KRW",
    "INR": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "₩": "KRW",
    "$": "USD",
}

# Currency written after the number ("33.4 billion yuan"). Multi-word names first.
SUFFIX_CURRENCIES: dict[str, str] = {
    "new taiwan dollars": "TWD",
    "taiwan dollars": "TWD",
    "hong kong dollars": "HKD",
    "singapore dollars": "SGD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "swiss francs": "CHF",
    "pounds sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "yen": "JPY",
    "won": "KRW",
    "rupees": "INR",
    "euros": "EUR",
    "pounds": "GBP",
    "dollars": "USD",
    "u.s. dlrs": "USD",
    "dlrs": "USD",  # newswire shorthand ("15.3 mln dlrs")
    "dlr": "USD",
    "usd": "USD",
    "cny": "CNY",
    "hkd": "HKD",
    "jpy": "JPY",
    "eur": "EUR",
    "gbp": "GBP",
    "krw": "KRW",
    "inr": "INR",
    "twd": "TWD",
    "sgd": "SGD",
    "cad": "CAD",
    "aud": "AUD",
    "chf": "CHF",
}

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
        self.percent = regex.compile(
            r"\s?(?P<pct>%|percent\b|per\scent\b|pct\b)"
            r"|\s(?P<pts>percentage\spoints?|basis\spoints?|points?|pts)\b",
            flags,
        )
        # After a prefixed number: an optional scale ("$5.3bn", "$5.3 billion", "$5.3b").
        self.prefixed_scale = regex.compile(
            rf"(?:(?P<glued>{glued})\b|\s?(?P<scale>{scale})\b)?(?!\w)", flags
        )
        # After a bare number: scale and currency ("33.4 billion yuan", "1,200 yen").
        self.suffix = regex.compile(
            rf"(?:(?P<glued>{glued})|\s(?P<scale>{scale}))?\s(?P<suffix>{suffix})\b", flags
        )
        self.plain_scale = regex.compile(rf"(?:\s(?P<scale>{scale})\b)?(?![\w%]|\.\d)", flags)
        # What `percent` and `suffix` can match first: a character, or white space and a
        # character. Most numbers are followed by neither ("2024 and", "5.3,"): the patterns are
        # not tried on them.
        self.percent_opening = _Opening("%p", "%pb")
        self.suffix_opening = _Opening(
            "".join(_GLUED_ONLY), "".join(word[0] for word in (*SCALES, *SUFFIX_CURRENCIES))
        )


class _Opening:
    """The characters a case-insensitive unit pattern can match first after a number: one of
    `first`, or white space and one of `after_space` (given in lower case)."""

    def __init__(self, first: str, after_space: str) -> None:
        self.first = _any_case(first)
        self.after_space = _any_case(after_space)

    def allows(self, text: str, end: int) -> bool:
        """Whether a match of the pattern may start at `end` in `text`."""
        following = text[end : end + 1]
        if following in self.first:
            return True
        return following.isspace() and text[end + 1 : end + 2] in self.after_space


def _any_case(letters: str) -> frozenset[str]:
    """`letters` in both cases, and the characters that IGNORECASE matches to them besides."""
    folded = {"s": "ſ", "k": "\u212a", "i": "\u0130"}
    return frozenset(
        variant
        for letter in letters
        for variant in (letter, letter.upper(), folded.get(letter, letter))
    )


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


def _classify(text: str, number: regex.Match[str], p: _Patterns) -> Figure | None:
    """The Figure a number stands for, judged by the characters around it."""
    written = number.group(0)
    start, end = number.span()
    value = float(written.replace(",", ""))
    percent = p.percent.match(text, end) if p.percent_opening.allows(text, end) else None
    if percent is not None:
        points = (percent.group("pts") or "").casefold()
        # A percentage, percentage points and basis points are precise to their last written
        # digit ("20%" is 19.5 to 20.5); index points are read generously ("400 points" may be
        # a rounded 412).
        if points and not points.startswith(("basis", "percentage")):
            half_unit = digits_half_unit(written, 1)
        else:
            half_unit = 0.5 * 10.0 ** -_decimals(written)
        scale = 0.01 if points.startswith("basis") else 1.0
        unit = "%" if percent.group("pct") else "pts"
        return Figure(
            value * scale,
            half_unit * scale,
            unit,
            start,
            percent.end(),
            text[start : percent.end()],
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
    suffix = p.suffix.match(text, end) if p.suffix_opening.allows(text, end) else None
    if suffix is not None:
        factor = _scale_factor(suffix)
        currency = SUFFIX_CURRENCIES[suffix.group("suffix").casefold()]
        return Figure(
            value * factor,
            digits_half_unit(written) * factor,
            currency,
            start,
            suffix.end(),
            text[start : suffix.end()],
            factor,
        )
    plain = p.plain_scale.match(text, end)
    if plain is None:
        return None
    factor = SCALES[plain.group("scale").casefold()] if plain.group("scale") else 1.0
    return Figure(
        value * factor,
        digits_half_unit(written) * factor,
        None,
        start,
        plain.end(),
        text[start : plain.end()],
        factor,
    )


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Money, percentages and plain numbers in `text[start:end]`, in order, offsets into `text`.

    `currency` is an ISO 4217 code for money, "%" for percentages, "pts" for points and None
    for plain numbers.
    """
    p = _patterns()
    stop = len(text) if end is None else end
    figures: list[Figure] = []
    for number in p.number.finditer(text, start, stop):
        figure = _classify(text, number, p)
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
