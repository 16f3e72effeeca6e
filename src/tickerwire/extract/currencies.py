"""Currency symbols and words -> ISO 4217 codes, and the context rule for the ambiguous `¥`."""

from __future__ import annotations

from collections.abc import Mapping

import regex

# The one table of currencies as news writes them, read by extraction and by the consistency
# checks alike (`checks/amounts.py`), so that the two never read one amount two ways.
#
# Written before the amount. Longest first in the patterns, so "HK$" wins over "$". ISO codes
# count before an amount in any case for extraction; the checks want them in capitals.
PREFIX_CURRENCIES: Mapping[str, str] = {
    "US$": "USD",
    "U.S.$": "USD",
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
    "R$": "BRL",
    "RMB": "CNY",
    "Rmb": "CNY",
    "CNY": "CNY",
    "EUR": "EUR",
    "GBP": "GBP",
    "JPY": "JPY",
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
    "¥": "",  # ambiguous (JPY or CNY): resolved from the document's context, never by the checks
}

# Written after the amount ("33.4 billion yuan", "15.3 mln dlrs", "20 EUR"), lower case: both
# readers match them in any case. Multi-word names first.
SUFFIX_CURRENCIES: Mapping[str, str] = {
    "hong kong dollars": "HKD",
    "hk dollars": "HKD",
    "new taiwan dollars": "TWD",
    "taiwan dollars": "TWD",
    "nt dollars": "TWD",
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "u.s. dlrs": "USD",
    "canadian dollars": "CAD",
    # newswire shorthand with the country ("12.5 mln Canadian dlrs", "1.28 billion H.K. dlrs")
    "canadian dlrs": "CAD",
    "australian dlrs": "AUD",
    "hong kong dlrs": "HKD",
    "h.k. dlrs": "HKD",
    "hk dlrs": "HKD",
    "singapore dlrs": "SGD",
    "taiwan dlrs": "TWD",
    "australian dollars": "AUD",
    "singapore dollars": "SGD",
    "swiss francs": "CHF",
    "pounds sterling": "GBP",
    "dollars": "USD",
    "dlrs": "USD",  # newswire shorthand ("15.3 mln dlrs")
    "dlr": "USD",
    "dls": "USD",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "euros": "EUR",
    "euro": "EUR",
    "pounds": "GBP",
    "yen": "JPY",
    "won": "KRW",
    "rupees": "INR",
    "francs": "CHF",
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
