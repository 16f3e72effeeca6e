"""Results tables of newswire earnings briefs: "Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs ...".

Wire services print quarterly results as label-value rows, the current period first and the
year-earlier figure after "vs". Rows come in sections: the headline's period first, then
"Year", "Nine mths", "12 mths" and so on. Each row gives one metric of the article's company
for the section's period; the comparison figure is not the metric. Amounts without a currency
word stay without a currency (the brief does not say which dollar it means).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tickerwire.extract.quantities import Quantity, find_quantities

# Row labels and the metric they report. "Oper" figures are before discontinued operations or
# one-off items, which is not what `adjusted_*` promises, so they keep their own names.
_LABELS = {
    "shr": "eps",
    "net": "net_income",
    "revs": "revenue",
    "revenues": "revenue",
    "sales": "revenue",
    "qtly div": "dividend_per_share",
    "div": "dividend_per_share",
    "oper shr": "other:operating_eps",
    "oper net": "other:operating_net_income",
}
_PAY_RECORD = regex.compile(r"^\s*(?:Pay|Payable|Record)\b", regex.MULTILINE)
_ROW = regex.compile(
    r"^\s*(?P<label>oper\s+shr|oper\s+net|qtly\s+div|shr|net|revs|revenues|sales|div)"
    r"(?:\s+(?:primary|diluted|fully\s+diluted|basic))?"
    r"(?:\s+(?P<sign>profit|loss))?\s+(?P<value>[^\n]+?)\s+vs\.?\s+(?P<rest>[^\n]*)$",
    regex.IGNORECASE | regex.MULTILINE,
)
_SECTION = regex.compile(
    r"^\s*(?P<period>(?:\d+|three|six|nine|twelve|3|6|9|12)\s+(?:mths|months|wks|weeks)|year|"
    r"qtr|(?:1st|2nd|3rd|4th|first|second|third|fourth)\s+(?:qtr|quarter)|"
    r"(?:six|nine)\s+months)\s*$",
    regex.IGNORECASE | regex.MULTILINE,
)
_HEADLINE_PERIOD = regex.compile(
    r"\b(?P<period>(?:1st|2nd|3rd|4th)\s+QTR|YEAR|(?:3|6|9|12|NINE|SIX)\s+MTHS|"
    r"(?:JAN|FEB|MARCH|APRIL|MAY|JUNE|JULY|AUG|SEPT|OCT|NOV|DEC)\b)\s+(?:NET|LOSS|OPER)",
    regex.IGNORECASE,
)
# Small numbers in words, as briefs write them ("Shr one dlr", "profit four cts").
_NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "eights": "8", "nine": "9", "ten": "10", "eleven": "11", "twelve": "12",
}  # fmt: skip
_NUMBER_WORD = regex.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b(?=\s+(?:cts?|cents?|dlrs?))")


@dataclass(frozen=True, slots=True)
class TableFigure:
    """One row's current figure: metric, value in base units, currency, period, row span."""

    metric: str
    value: float
    currency: str | None
    period: str | None
    start: int
    end: int


def find_table_figures(text: str, title: str | None = None) -> list[TableFigure]:
    """The current-period figures of the results rows in `text` (none when it has no rows);
    the rows before any section label are of the period the headline names (`title`, or a
    heading above the rows)."""
    if " vs " not in text:
        return []
    figures: list[TableFigure] = []
    first_row = _ROW.search(text)
    if first_row is None:
        return []
    # the heading above the rows, not a note below them ("latest 12 mths net includes ...")
    headline = _HEADLINE_PERIOD.search(title or "") or _HEADLINE_PERIOD.search(
        text, 0, min(300, first_row.start())
    )
    period = headline.group("period").lower() if headline else None
    sections = [(m.start(), m.group("period").lower()) for m in _SECTION.finditer(text)]
    # A dividend brief ("Shr 16 cts vs 13 cts / Pay April 15 / Record March 31") gives the
    # dividend per share on its "Shr" row.
    dividend_brief = bool(_PAY_RECORD.search(text))
    for row in _ROW.finditer(text):
        for start, name in sections:
            if start < row.start():
                period = name
        label = " ".join(row.group("label").lower().split())
        metric = _LABELS.get(label)
        if metric == "eps" and dividend_brief:
            metric = "dividend_per_share"
        quantity = _value(row.group("value"))
        if metric is None or quantity is None:
            continue
        per_share = metric in ("eps", "dividend_per_share", "other:operating_eps")
        if per_share and quantity.kind != "money" and (quantity.scaled or quantity.value >= 1000):
            continue  # "Oper shr profit 442,000": an amount on a per-share row is a misprint
        value = quantity.value
        if (row.group("sign") or "").lower() == "loss" or row.group("value").lower().startswith(
            "loss"
        ):
            value = -abs(value)
        currency = quantity.currency
        figures.append(TableFigure(metric, value, currency, period, row.start(), row.end()))
    return figures


def _value(text: str) -> Quantity | None:
    """The first amount of a row's current figure ("15 cts", "12.6 mln", "one dlr")."""
    written = _NUMBER_WORD.sub(lambda m: _NUMBER_WORDS[m.group(1).lower()], text)
    found = [q for q in find_quantities(written) if q.kind in ("money", "number")]
    return found[0] if found else None
