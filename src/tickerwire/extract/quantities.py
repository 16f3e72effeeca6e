"""Numbers in news text: money, percentages, percentage points, index points, plain numbers.

`find_quantities` reads every number once per document and returns `Quantity` records with the
value in base units ("33.4 billion yuan" -> 33_400_000_000.0 CNY; "45.0 cents" -> 0.45 USD;
"19%" -> 19.0 percent), the approximate marker before it ("nearly", "more than"), a range it
belongs to ("5% to 7%", "44-59 cents"), a per-share flag, and a conversion the text states in
parentheses ("33.4 billion yuan ($5.3 billion)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

import regex

from tickerwire.extract.currencies import (
    CENT_WORDS,
    PREFIX_CURRENCIES,
    SUFFIX_CURRENCIES,
)

QuantityKind = Literal["percent", "pp", "index_points", "money", "number"]

_SCALES = {
    "trillion": 1e12,
    "tn": 1e12,
    "trn": 1e12,
    "t": 1e12,  # "$3T", written with a currency only (see `short_scale`)
    "billion": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "million": 1e6,
    "mln": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
}


def _alternation(words: object) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


def _first_chars(words: object) -> str:
    """A character class body of the first characters of `words`."""
    return "".join(sorted({re.escape(w[0].lower()) for w in words}))  # type: ignore[attr-defined]


_PREFIX = _alternation(PREFIX_CURRENCIES)
_PREFIX_FIRST = _first_chars(PREFIX_CURRENCIES)
_SUFFIX = _alternation(list(SUFFIX_CURRENCIES) + list(CENT_WORDS))
_SUFFIX_FIRST = _first_chars(list(SUFFIX_CURRENCIES) + list(CENT_WORDS))

# The standard library's engine runs this pattern about twice as fast as `regex`; the
# lookahead lets it skip positions that cannot start a number or a currency quickly. The
# engine enters every branch of an alternation to find that its first letter is not there:
# a lookahead of the first characters of the currency words and of the units skips the
# alternations where none stands (about a fifth of the pattern's cost, measured with
# callgrind on FNSPID numbers); each class holds the first character of every branch, so
# the matches are the same.
_QUANTITY = re.compile(
    rf"""
    (?=[-+0-9.{_PREFIX_FIRST}])
    (?<![\w.:/$€£¥₹₩])
    (?P<sign>[+-](?=[\d.$€£¥]|US\$|HK\$))?
    (?:(?=[{_PREFIX_FIRST}])(?P<pre>{_PREFIX})\s?)?
    (?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?![\d:/])
    (?:
        \s?(?=[tbm])(?P<scale>trillion|billion|million|thousand|tn|trn|bn|bln|mln|mn)\b
      | (?P<short_scale>[mMbBkKtT])(?![\w'])
    )?
    (?:(?=\s?[%pb]|\s[{_SUFFIX_FIRST}])
    (?:
        \s?(?P<percent>%|percent\b|per\s?cent\b|pct\b(?!\s+points?))
      | \s(?P<pp>percentage[\s-]points?|pct\s+points?|pp\b|ppts?\b)
      | \s?(?P<bps>bps\b|basis\s+points?)
      | \s(?P<points>points?\b|pts\b)
      | \s(?=[{_SUFFIX_FIRST}])(?P<suffix>{_SUFFIX})\b
    ))?
    (?![\w%])
    """,
    re.VERBOSE | re.IGNORECASE,
)

# `_QUANTITY` for lower-cased ASCII text, without IGNORECASE: the same matches with the same
# groups (in ASCII text ignoring case is only folding A-Z onto a-z). The engine skips the
# branches of an alternation by their first character only when it is matched exactly, so the
# currency and unit alternations cost less (measured with callgrind on FNSPID articles: -13%
# of the number scan). Lower-casing the pattern's text keeps its meaning as it writes no
# escape of a capital letter (`\S`, `\W`, `\D`: checked here) and only the group syntax
# "(?P<" holds one.
assert re.search(r"\\[A-Z]", _QUANTITY.pattern) is None
_QUANTITY_LOWER = re.compile(_QUANTITY.pattern.lower().replace("(?p<", "(?P<"), re.VERBOSE)

# Every quantity holds a digit, at most this many characters after its start: a sign, the
# longest currency prefix ("U.S.$"), a space and the point of ".5".
_MAX_LEAD = 1 + max(len(prefix) for prefix in PREFIX_CURRENCIES) + 1 + 1
_DIGIT = re.compile(r"\d")  # the same digits as `\d` in _QUANTITY (both `re`)
# In ASCII text `\d` is 0-9, which the engine skips to with a table look-up per character
# instead of a Unicode category test (the jump reads the whole text).
_ASCII_DIGIT = re.compile(r"[0-9]")

_PER_SHARE = regex.compile(
    r"\s?(?:per|a|an|/)\s?(?:diluted\s+|basic\s+)?(?:share|shr|ADS|ADR|unit|American\s+"
    r"depositary\s+(?:share|receipt))\b",
    regex.IGNORECASE,
)

APPROXIMATE_WORDS = (
    "nearly",
    "almost",
    "about",
    "around",
    "roughly",
    "approximately",
    "approx.",
    "some",
    "over",
    "more than",
    "less than",
    "under",
    "just over",
    "just under",
    "close to",
    "up to",
    "at least",
    "as much as",
    "as little as",
    "as many as",
    "upwards of",
    "north of",
    "in excess of",
    "an estimated",
    "slightly over",
    "slightly more than",
    "well over",
    "~",
)
_APPROX_SORTED = tuple(sorted(APPROXIMATE_WORDS, key=len, reverse=True))
_APPROX_LAST_WORDS = frozenset(w.split()[-1] for w in APPROXIMATE_WORDS)


def approximate_word_before(text: str, start: int) -> str | None:
    """The first of the approximate markers written right before `start` ("about almost 2%"
    gives "about"), skipping an article ("an estimated"); None when there is none.

    Plain string tests: this runs for every number, and a regex anchored at the end would be
    tried at every position of the window.
    """
    before = text[max(0, start - 40) : start].rstrip().lower()
    tail = before.rsplit(None, 1)[-1] if before else ""
    if tail not in _APPROX_LAST_WORDS and tail not in ("a", "an"):
        return None  # the common case, decided without trying every marker
    found: str | None = None
    while before:
        # one call tells whether any marker ends the text: after "to" or "of" mostly none does
        markers = _APPROX_SORTED if before.endswith(_APPROX_SORTED) else ()
        for word in markers:
            if before.endswith(word) and (
                len(before) == len(word) or not before[-len(word) - 1].isalnum()
            ):
                found = word
                before = before[: -len(word)].rstrip()
                break
        else:
            if found is None and before.endswith((" a", " an")):
                before = before.rsplit(" ", 1)[0].rstrip()
                continue
            break
    return found


_CONVERSION_OPEN = regex.compile(
    r"^\s*\(\s*(?:approximately|approx\.|about|around|roughly|nearly|some|or|~|equivalent to)?\s*$",
    regex.IGNORECASE,
)
_RANGE_JOIN = regex.compile(r"^\s?(?:-|–|to)\s?$")
_BETWEEN_JOIN = regex.compile(r"^\s+and\s+$")
_BETWEEN_BEFORE = regex.compile(r"\bbetween\s+$", regex.IGNORECASE)
_RANGE_CUE_BEFORE = regex.compile(
    r"\b(?:of|range|ranging from|from|between|expects?|sees|forecasts?|projects?|guid\w*|target)"
    r"\s+(?:\w+\s+)?$",
    regex.IGNORECASE,
)


_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")


@dataclass(frozen=True, slots=True)
class StatedAmount:
    """A conversion the text gives in parentheses: the value in base units and its currency."""

    value: float
    currency: str | None


# Not frozen, though never changed: one is built per number, and frozen=True makes building
# cost three times as much (object.__setattr__ per field); unsafe_hash keeps the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class Quantity:
    """One number in the text with what it measures. `value` is in base units."""

    kind: QuantityKind
    value: float
    start: int
    end: int
    text: str
    currency: str | None = None
    approximate: bool = False
    approx_word: str | None = None
    sign: int = 0  # +1 / -1 when the text writes a sign ("+8%", "-2%"), else 0
    per_share: bool = False
    scaled: bool = False  # written with a scale word ("billion", "bn", "m")
    low: float | None = None  # set on ranges ("5% to 7%"): value is then the low end
    high: float | None = None
    conversion: StatedAmount | None = None
    is_conversion: bool = False  # this amount is the parenthesised conversion of another

    @property
    def is_range(self) -> bool:
        return self.high is not None


def find_quantities(text: str, yen: str | None = None) -> list[Quantity]:
    """Every quantity in normalised `text`, in order; `yen` is what `¥` means here (or None).

    >>> q = find_quantities("revenue of 33.4 billion yuan ($5.3 billion)")[0]
    >>> (q.value, q.currency, q.conversion.value, q.conversion.currency)
    (33400000000.0, 'CNY', 5300000000.0, 'USD')
    """
    found = [q for m in _quantity_matches(text) if (q := _quantity(text, m, yen)) is not None]
    found = _merge_ranges(text, found)
    return _attach_conversions(text, found)


def _quantity_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of `_QUANTITY.finditer(text)`, found faster by jumping to the next digit
    (in ASCII text, those of `_QUANTITY_LOWER` in the lower-cased text: the same spans).

    No match starts more than `_MAX_LEAD` characters before its first digit, so a search from
    there finds the same next match as a scan from the previous one; the text between numbers
    (most of it) is skipped at the speed of a one-character search.
    """
    position = 0
    if text.isascii():
        # match in the lower-cased copy (same offsets); `_quantity` reads the one group
        # whose case matters, the currency prefix, from `text`
        text, digits, quantity = text.lower(), _ASCII_DIGIT, _QUANTITY_LOWER
    else:
        digits, quantity = _DIGIT, _QUANTITY
    while (digit := digits.search(text, position)) is not None:
        match = quantity.search(text, max(position, digit.start() - _MAX_LEAD))
        if match is None:
            return
        yield match
        position = match.end()


# The groups of `_QUANTITY` in order: `_quantity` reads them with one `groups()` call, not
# one `group(name)` call each (ten calls a number; a test checks the order).
QUANTITY_GROUPS = (
    *("sign", "pre", "num", "scale", "short_scale"),
    *("percent", "pp", "bps", "points", "suffix"),
)


def _quantity(text: str, match: re.Match[str], yen: str | None) -> Quantity | None:
    (sign_text, pre, num, scale, short_scale, percent, pp, bps, points, suffix) = match.groups()
    raw = num.replace(",", "")
    try:
        number = float(raw)
    except ValueError:
        return None
    scale_word = (scale or short_scale or "").lower()
    suffix = (suffix or "").lower()
    currency: str | None = None
    kind: QuantityKind = "number"
    if short_scale and not pre:
        return None  # "5m" without a currency is too often metres, months or a model name
    if pre:
        pre = text[match.start(2) : match.end(2)]  # as written: the match may be lower-cased
        code = PREFIX_CURRENCIES.get(pre.strip()) or PREFIX_CURRENCIES.get(pre.strip().upper())
        currency = (yen if pre.strip() == "¥" else code) or None
        kind = "money"
    if suffix:
        if suffix in CENT_WORDS:
            number /= 100.0
            currency = currency or "USD"
        else:
            currency = SUFFIX_CURRENCIES[suffix]
        kind = "money"
    if scale_word:
        number *= _SCALES[scale_word]
        # "67.82 billion" is 67820000000, not the binary product 67819999999.99999: a scaled
        # figure within a thousandth of a whole number is that number (written decimals are
        # far fewer than the scale's zeros)
        whole = round(number)
        if abs(number - whole) < 1e-3:
            number = float(whole)
    if percent:
        kind = "percent"
    elif pp:
        kind = "pp"
    elif bps:
        kind, number = "pp", number / 100.0
    elif points:
        kind = "index_points"
    start, end = match.span()
    sign = 0
    if sign_text:
        sign = -1 if sign_text == "-" else 1
        number = -number if sign < 0 else number
    approx = approximate_word_before(text, start)
    per_share = bool(kind == "money" and _PER_SHARE.match(text, end))
    return Quantity(
        kind=kind,
        value=number,
        start=start,
        end=end,
        text=text[start:end],
        currency=currency,
        approximate=approx is not None,
        approx_word=approx,
        sign=sign,
        per_share=per_share,
        scaled=bool(scale_word),
    )


def _merge_ranges(text: str, found: list[Quantity]) -> list[Quantity]:
    """Join "5 to 7%", "44-59 cents", "$300-$330 million", "between 5% and 7%" into ranges."""
    merged: list[Quantity] = []
    i = 0
    while i < len(found):
        first = found[i]
        second = found[i + 1] if i + 1 < len(found) else None
        if second is not None and _is_range(text, first, second):
            low, high = _range_ends(first, second)
            # "$300 million to 330 million euros": one range, but no one currency to give it
            mixed = first.kind == "money" and first.currency != second.currency
            merged.append(
                replace(
                    second,
                    value=low,
                    low=low,
                    high=high,
                    currency=None if mixed else second.currency,
                    start=first.start,
                    text=text[first.start : second.end],
                    approximate=first.approximate or second.approximate,
                    approx_word=first.approx_word or second.approx_word,
                    sign=first.sign,
                )
            )
            i += 2
            continue
        merged.append(first)
        i += 1
    return merged


def _is_range(text: str, first: Quantity, second: Quantity) -> bool:
    between = text[first.end : second.start]
    before = text[max(0, first.start - 30) : first.start]
    # Cheap tests first: the two joins need "and", or at most five characters (" to \n").
    if "and" in between and _BETWEEN_JOIN.match(between):
        return bool(_BETWEEN_BEFORE.search(before)) and first.kind in ("number", second.kind)
    if (
        len(between) > 5
        or not _RANGE_JOIN.match(between)
        or second.kind == "number"
        or second.sign < 0 < first.sign
    ):
        return False
    if first.kind == "number":
        return True  # "5 to 7%", "44-59 cents": the first number borrows the second's unit
    if first.kind == second.kind == "money" and not first.scaled and second.scaled:
        return True  # "$300-$330 million"
    # "rose 5% to 7%" is a move to a level; only a cue ("forecast of", "between") makes a range.
    return first.kind == second.kind and bool(_RANGE_CUE_BEFORE.search(before))


def _range_ends(first: Quantity, second: Quantity) -> tuple[float, float]:
    high = second.value
    low = first.value
    if first.kind == "number" or (first.kind == "money" and not first.scaled and second.scaled):
        # borrow unit and scale: "$300-$330 million", "44-59 cents", "5 to 7%"
        raw_second = float(_digits(second.text) or "nan")
        factor = second.value / raw_second if raw_second else 1.0
        raw_first = float(_digits(first.text) or "nan")
        # 15 significant digits drop the binary noise of the factor (8.9 * 1e9 / 9.7 * 9.7)
        low = float(f"{raw_first * factor:.15g}")
    return (low, high) if low <= high else (high, low)


def _digits(text: str) -> str:
    match = _NUMBER.search(text)
    return match.group(0).replace(",", "") if match else ""


def _attach_conversions(text: str, found: list[Quantity]) -> list[Quantity]:
    """`33.4 billion yuan ($5.3 billion)`: the dollar figure is the yuan figure's conversion."""
    result = list(found)
    for i in range(len(result) - 1):
        first, second = result[i], result[i + 1]
        if first.kind != "money" or second.kind != "money" or second.currency is None:
            continue
        if second.currency == first.currency:
            continue
        if not _CONVERSION_OPEN.match(text[first.end : second.start]):
            continue
        if not text[second.end : second.end + 3].lstrip().startswith(")"):
            continue
        result[i] = replace(first, conversion=StatedAmount(second.value, second.currency))
        result[i + 1] = replace(second, is_conversion=True)
    return result
