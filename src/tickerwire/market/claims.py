"""Reported moves as the verifier reads them: `PriceClaim` (a listing) and `IndexClaim` (an index).

These are internal hand-offs built from extracted `Event`s (`from_event`) or directly by callers
(the store, benchmarks). Dates may arrive as ISO strings when events come back from JSON.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from tickerwire.records import Event, MovePeriod

# Words that make an intraday figure the day's extreme rather than a snapshot.
_PEAK_WORDS = re.compile(
    r"\bas (?:much|high|low|far) as\b|\bat (?:one point|its (?:peak|high|low))\b"
    r"|\bintraday (?:high|low)\b|\bpeak",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class PriceClaim:
    """One reported move of a listing, as the extractor read it (internal hand-off)."""

    article: str
    listing: str
    date: dt.date | None
    change_pct: float
    period: MovePeriod = "session"
    since: dt.date | None = None
    approximate: bool = False
    decimals: int | None = None
    peak: bool = False

    @classmethod
    def from_event(cls, article: str, event: Event) -> PriceClaim | None:
        """The claim of a `price_move` event, or None when it names no listing or change."""
        if event.type != "price_move":
            return None
        attributes = event.attributes
        listing, change = attributes.get("listing"), attributes.get("change_pct")
        if not listing or change is None:
            return None
        period: MovePeriod = attributes.get("period") or "session"
        return cls(
            article=article,
            listing=str(listing),
            date=event.date,
            change_pct=float(change),
            period=period,
            since=_as_date(attributes.get("since")),
            approximate=bool(attributes.get("approximate")),
            peak=period == "intraday" and bool(_PEAK_WORDS.search(event.evidence.text)),
        )


@dataclass(frozen=True)
class IndexClaim:
    """One reported index move: a change and, often, the level it closed at."""

    article: str
    index: str
    date: dt.date | None
    change_pct: float
    level: float | None = None
    approximate: bool = False
    period: MovePeriod = "session"
    since: dt.date | None = None

    @classmethod
    def from_event(cls, article: str, event: Event) -> IndexClaim | None:
        """The claim of an `index_move` event with a change, or None."""
        if event.type != "index_move":
            return None
        attributes = event.attributes
        if attributes.get("change_pct") is None or not attributes.get("index"):
            return None
        if attributes.get("instrument", "index") != "index":
            return None
        level = attributes.get("level")
        return cls(
            article=article,
            index=str(attributes["index"]),
            date=event.date,
            change_pct=float(attributes["change_pct"]),
            level=None if level is None else float(level),
            approximate=bool(attributes.get("approximate")),
            period=attributes.get("period") or "session",
            since=_as_date(attributes.get("since")),
        )

    def as_price_claim(self) -> PriceClaim:
        """The change part of the claim, checked like a listing's move (for multi-day periods)."""
        return PriceClaim(
            article=self.article,
            listing=self.index,
            date=self.date,
            change_pct=self.change_pct,
            period=self.period,
            since=self.since,
            approximate=self.approximate,
        )


def _as_date(value: object) -> dt.date | None:
    """A date attribute as stored: a date, an ISO string (from JSON), or nothing."""
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
