"""Currency symbols and words -> ISO 4217 codes, and the context rule for the ambiguous `¥`."""

from __future__ import annotations

from collections.abc import Mapping

import regex

# Written before the amount. Longest first in the pattern so "HK$" wins over "$".
PREFIX_CURRENCIES: Mapping[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
    "USD": "USD",
    "HK$": "HKD",
    "HKD": "HKD",
    "NT$": "TWD",
    "TWD": "TWD",
    "S$": "SGD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "R$": "BRL",
    "RMB": "CNY",
    "CNY": "CNY",
    "EUR": "EUR",
    "GBP": "GBP",
    "JPY": "JPY",
    "Rs.": "INR",
    "Rs": "INR",
    "€": "EUR",
    "£": "GBP",
    "₹": "INR",
    "₩": "KRW",
    "$": "USD",
    "¥": "",  # ambiguous (JPY or CNY): resolved from the document's context
}

# Written after the amount ("33.4 billion yuan", "45 cents"). Multi-word names first.
SUFFIX_CURRENCIES: Mapping[str, str] = {
    "hong kong dollars": "HKD",
    "hk dollars": "HKD",
    "taiwan dollars": "TWD",
    "nt dollars": "TWD",
    "new taiwan dollars": "TWD",
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "singapore dollars": "SGD",
    "dollars": "USD",
    "dlrs": "USD",
    "dlr": "USD",
    "dls": "USD",
    "yuan": "CNY",
    "renminbi": "CNY",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    "yen": "JPY",
    "won": "KRW",
    "rupees": "INR",
    "francs": "CHF",
    "swiss francs": "CHF",
}

# "cents" are hundredths of the dollar currency in force (US unless the text says otherwise).
CENT_WORDS = ("cents", "cent", "cts", "ct")

_JAPAN = regex.compile(r"\b(?:yen|Japan(?:ese)?|Tokyo|Nikkei|JPY)\b")
_CHINA = regex.compile(r"\b(?:yuan|renminbi|RMB|CNY|China|Chinese|Beijing|Shanghai|Shenzhen)\b")


def yen_sign_currency(text: str) -> str | None:
    """What `¥` means in `text`: JPY or CNY when the context says so, else None (unknown).

    >>> yen_sign_currency("Toyota earned ¥1.2 trillion as the yen weakened")
    'JPY'
    """
    japan = len(_JAPAN.findall(text))
    china = len(_CHINA.findall(text))
    if japan > china:
        return "JPY"
    if china > japan:
        return "CNY"
    return None
