"""Consistency checks inside one article: figures that contradict themselves.

Four checks, each a pure function of the article's events, text and dates, each reporting a
`Conflict` with the figures quoted as written and a `why` a reader understands:

  - conversions: a stated currency conversion off the period's exchange rate
    ("33.4 billion yuan ($5.3 billion)" implies 6.30 yuan per dollar; the month's average was 7.17);
  - growth: a percentage change that contradicts its own two amounts
    ("rose 20% to $12 billion from $9 billion" is a 33% rise);
  - index_levels: a change in points, its percentage and the level reached that cannot all hold
    ("rose 400 points, or 2.5%, to 25,829" means a 1.57% rise);
  - directions: one move told with the same figure as a rise and as a fall ("Nasdaq up 1.16%"
    in the summary lines, "down 1.16%" in the body, for the same contract and day).

When a check cannot decide (an unknown currency, no exchange rate near the article's dates, a
hedged "more than 20%") it reports nothing: a missing flag is forgiven, an invented one is not.

Example:
    >>> from tickerwire.checks import check_article
    >>> conflicts = check_article([], "Sales rose 20% to $12 billion from $9 billion.", None)
    >>> conflicts[0].why
    'a move from $9 billion to $12 billion is a rise of 33.3%, not a rise of 20%'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from tickerwire.checks.amounts import find_figures
from tickerwire.checks.conversions import ArticleDates, check_conversions
from tickerwire.checks.directions import check_directions
from tickerwire.checks.fx_rates import FxTable, load_fx_table
from tickerwire.checks.growth import check_growth
from tickerwire.checks.index_levels import check_index_levels
from tickerwire.records import Conflict, Event

__all__ = ["ArticleDates", "FxTable", "check_article", "load_fx_table"]


def check_article(
    events: Sequence[Event],
    text: str,
    published: dt.date | None,
    *,
    article_id: str | None = None,
    date_hint: dt.date | None = None,
    fx_table: FxTable | None = None,
) -> list[Conflict]:
    """Every figure in one article that contradicts another figure of the same article.

    Args:
        events: the article's events (their evidence spans say which company a figure is about;
            a financial_metric's `stated_conversion` and `period_end` are checked).
        text: the clean article text that the events' offsets refer to.
        published: the publication date, when known.
        article_id: put into each conflict value's `article`.
        date_hint: a date known from outside the article (the first report of the same story),
            used for the exchange-rate month when `published` is unknown.
        fx_table: the exchange-rate table; the one shipped with the package by default.

    Returns conflicts in the order: conversions, growth, levels, directions; each in text order.
    """
    table = fx_table if fx_table is not None else load_fx_table()
    event_dates = [e.date for e in events if e.date is not None]
    dates = ArticleDates(
        published=published,
        date_hint=date_hint,
        latest_event_date=max(event_dates) if event_dates else None,
    )
    figures = find_figures(text)
    return [
        *check_conversions(events, text, dates, table, article_id, figures),
        *check_growth(events, text, article_id, figures),
        *check_index_levels(events, text, article_id, figures),
        *check_directions(events, article_id),
    ]
