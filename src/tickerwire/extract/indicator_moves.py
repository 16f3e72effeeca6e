"""Index moves from the extended-hours indicator line of market-activity pages.

Nasdaq.com's "After Hours Most Active" and "Pre-Market Most Active" pages open with "The NASDAQ
100 After Hours Indicator is up 12.40 to 17,410.25": the Nasdaq 100's move in points during the
extended session under way, with its level. No percentage is given, so the move carries none
(`change_pct` null); its day is read from the publication like any extended-hours move.
"""

from __future__ import annotations

import regex

from tickerwire.extract.article_frame import publication_day
from tickerwire.extract.dedupe import Found
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.price_moves import BASE_CONFIDENCE, INFERRED_DATE_PENALTY, evidence
from tickerwire.records import Event, IndexMoveAttributes, MovePeriod

# A fixed template read word for word; its day comes from the publication, not the text, so the
# confidence is that of a clause-read move less the inferred-date penalty (0.9 - 0.1).
INDICATOR_CONFIDENCE = BASE_CONFIDENCE - INFERRED_DATE_PENALTY
_INDICATOR = regex.compile(
    r"\bThe\s+(?P<index>NASDAQ[\s-]100)\s+(?P<period>After[\s-]Hours|Pre[\s-]?Market)\s+"
    r"Indicator\s+is\s+(?P<direction>up|down)\s+[+\-−]?\d[\d,]*(?:\.\d+)?\s+to\s+"
    r"(?P<level>\d[\d,]*(?:\.\d+)?)(?!\d)",
    regex.IGNORECASE,
)
_ENTITY = "nasdaq-100"


def indicator_moves(ctx: DocumentContext) -> list[Found]:
    """The Nasdaq 100 extended-hours indicator moves the text states, in text order."""
    if "Indicator" not in ctx.text and "INDICATOR" not in ctx.text:
        return []
    found: list[Found] = []
    for match in _INDICATOR.finditer(ctx.text):
        named = ctx.groups_in(match.start("index"), match.end("index"))
        if not any(g.entity_id == _ENTITY for g in named):
            continue  # the index must be a linked entity of the record
        period: MovePeriod = (
            "after_hours" if match.group("period").lower().startswith("a") else "premarket"
        )
        ticker = ctx.ticker_of(_ENTITY, None, None) or "NDX"
        attributes = IndexMoveAttributes(
            index=ticker,
            direction="up" if match.group("direction").lower() == "up" else "down",
            change_pct=None,
            level=float(match.group("level").replace(",", "")),
            period=period,
            instrument="index",
        ).model_dump(mode="json")
        day = publication_day(ctx, period, ctx.exchange_of(ticker))
        event = Event(
            type="index_move",
            entity=_ENTITY,
            date=day,
            date_text=None,
            evidence=evidence(ctx, match.start(), match.end()),
            confidence=INDICATOR_CONFIDENCE,
            attributes=attributes,
        )
        found.append(Found(event, False, match.start(), False))
    return found
