"""Figures of the column tables personal-finance sites print, one cell a line:

    METRIC
    FY 2021
    FY 2022
    FY 2023 (FORECAST)
    Revenue growth
    33%
    8%
    (3%)

A "METRIC" heading, two or more period labels, then rows: a figure's name and exactly one
value per period (a negative one in brackets). Only rows whose shape leaves no doubt are read:
a growth row of percentages, a margin row of percentages, or a row of amounts each written with
its scale ("$12.4 billion"). The company is not printed with the table (its "Data source" line
is cleaned away as boilerplate): it is the one company the text right before names together
with the row's figure ("That is why Amazon's revenue growth slowed"); with none or several the
table is not attributed.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_facts import PERCENT_METRICS
from tickerwire.extract.metric_terms import find_metric_terms
from tickerwire.extract.price_moves import evidence
from tickerwire.records import Event, FinancialMetricAttributes

_HEADING = regex.compile(r"(?m)^(?:METRIC|Metric)[ \t]*$")
_PERIOD = regex.compile(
    r"(?P<label>(?:(?:Q[1-4]|H[12])\s+)?(?:FY\s?|Fiscal\s+)?(?:19|20)\d{2})"
    r"(?:\s*\((?P<forecast>forecast|estimated?|estimates?|est\.?|projected|E)\)|(?P<e>E))?",
    regex.IGNORECASE,
)
_PERCENT_CELL = regex.compile(r"(?P<neg>\()?(?P<sign>[-+−])?(?P<num>\d+(?:\.\d+)?)%(?(neg)\))")
_AMOUNT_CELL = regex.compile(
    r"(?P<neg>\()?(?P<sign>[-−])?\$(?P<num>\d+(?:\.\d+)?)\s*(?P<scale>billion|million|B|M)"
    r"(?(neg)\))",
    regex.IGNORECASE,
)
_SCALES = {"billion": 1e9, "b": 1e9, "million": 1e6, "m": 1e6}
# A row's name that gives the figure's change ("Revenue growth", "EPS growth (YOY)").
_GROWTH_LABEL = regex.compile(r"\s+(?:growth|change)(?:\s*\((?:YOY|YoY|y/y|annual)\))?$")
_AMOUNT_METRICS = frozenset({"revenue", "net_income", "operating_income", "free_cash_flow"})
# How many sentences before the table are read for its company: the lead-in and the one before.
_OWNER_LOOKBACK = 2
# A table row is unambiguous about its figure; its company is read from the text before it.
COLUMN_TABLE_CONFIDENCE = 0.6


@dataclass(frozen=True, slots=True)
class ColumnFigure:
    """One cell of a column table: its figure, value or change, period label and row span."""

    metric: str
    value: float | None
    change_pct: float | None
    currency: str | None
    period: str
    is_estimate: bool
    start: int  # the row's span: its name through its last value
    end: int
    heading: int  # where the table's "METRIC" heading starts


def find_column_figures(text: str) -> list[ColumnFigure]:
    """The cells of the column tables in `text` that read as one figure each."""
    if "METRIC" not in text and "Metric" not in text:
        return []
    figures: list[ColumnFigure] = []
    for heading in _HEADING.finditer(text):
        figures += _table(text, heading.start(), heading.end())
    return figures


def _lines(text: str, position: int) -> list[tuple[int, int]]:
    """The spans of the lines after `position` (at the end of a line), stripped."""
    spans = []
    start = position + 1
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end == -1 else end
        left, right = start, end
        while left < right and text[left].isspace():
            left += 1
        while right > left and text[right - 1].isspace():
            right -= 1
        spans.append((left, right))
        start = end + 1
    return spans


def _table(text: str, heading: int, heading_end: int) -> list[ColumnFigure]:
    lines = _lines(text, heading_end)
    periods: list[tuple[str, bool]] = []
    index = 0
    while index < len(lines):
        found = _PERIOD.fullmatch(text, *lines[index])
        if found is None:
            break
        label = " ".join(found.group("label").split())
        periods.append((label, bool(found.group("forecast") or found.group("e"))))
        index += 1
    if len(periods) < 2:
        return []
    figures: list[ColumnFigure] = []
    width = len(periods)
    while index + width < len(lines):
        name_start, name_end = lines[index]
        cells = lines[index + 1 : index + 1 + width]
        row = _row(text, name_start, name_end, cells, periods, heading)
        if row is None:
            break
        figures += row
        index += 1 + width
    return figures


def _row(
    text: str,
    name_start: int,
    name_end: int,
    cells: list[tuple[int, int]],
    periods: list[tuple[str, bool]],
    heading: int,
) -> list[ColumnFigure] | None:
    """One row's figures, or None when the row is not one figure per period."""
    name = text[name_start:name_end]
    growth = _GROWTH_LABEL.search(name)
    head = name[: growth.start()] if growth else name
    terms = find_metric_terms(head, 0, len(head))
    if len(terms) != 1 or terms[0].segment is not None or terms[0].end != len(head.rstrip()):
        return None  # not one whole-company figure's name ("iPhone revenue", "Revenue per user")
    metric = terms[0].metric
    if metric in ("earnings", "adjusted_net_income"):
        metric = "net_income"
    percent = growth is not None or metric in PERCENT_METRICS
    if not percent and metric not in _AMOUNT_METRICS:
        return None
    values = [_cell(text, start, end, percent) for start, end in cells]
    if any(v is None for v in values):
        return None
    row_end = cells[-1][1]
    figures = []
    for value, (label, forecast) in zip(values, periods, strict=True):
        assert value is not None
        figures.append(
            ColumnFigure(
                metric=metric,
                value=None if growth else value,
                change_pct=value if growth else None,
                currency=None if percent else "USD",
                period=label,
                is_estimate=forecast,
                start=name_start,
                end=row_end,
                heading=heading,
            )
        )
    return figures


def _cell(text: str, start: int, end: int, percent: bool) -> float | None:
    """A cell's value: a percentage or an amount with its scale; brackets make it negative."""
    found = (_PERCENT_CELL if percent else _AMOUNT_CELL).fullmatch(text, start, end)
    if found is None:
        return None
    value = float(found.group("num"))
    if not percent:
        value *= _SCALES[found.group("scale").lower()]
    negative = found.group("neg") is not None or found.group("sign") in ("-", "−")
    return -value if negative else value


def column_table_events(ctx: DocumentContext) -> list[Event]:
    """The figures of the article's column tables, each table's of the company the text right
    before it is about (none when that text names no company with a figure, or several)."""
    figures = find_column_figures(ctx.text)
    owners: dict[int, str | None] = {}
    events = []
    for figure in figures:
        if figure.heading not in owners:
            owners[figure.heading] = _table_owner(ctx, figure.heading)
        owner = owners[figure.heading]
        if owner is None:
            continue
        attributes = FinancialMetricAttributes(
            metric=figure.metric,
            value=figure.value,
            currency=figure.currency,
            change_pct=figure.change_pct,
            period=figure.period,
            is_estimate=figure.is_estimate,
        ).model_dump(mode="json")
        events.append(
            Event(
                type="financial_metric",
                entity=owner,
                evidence=evidence(ctx, figure.start, figure.end),
                confidence=COLUMN_TABLE_CONFIDENCE,
                attributes=attributes,
            )
        )
    return events


def _table_owner(ctx: DocumentContext, heading: int) -> str | None:
    """The one company the nearest sentence before the table that names a company names, when
    that sentence also names a figure ("That is why Amazon's revenue growth slowed")."""
    before = [s for s in ctx.sentences if s.end <= heading][-_OWNER_LOOKBACK:]
    for sentence in reversed(before):
        named = {
            g.entity_id
            for g in ctx.groups_in(sentence.start, sentence.end)
            if g.entity_type == "company"
        }
        if not named:
            continue
        if len(named) > 1 or not find_metric_terms(ctx.text, sentence.start, sentence.end):
            return None
        return named.pop()
    return None
