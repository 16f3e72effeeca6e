"""Reference data: companies, indices, their listings and aliases (facts, kept in CSV files).

This is the interface the linker and the extractors share. `ReferenceData` is built once per
process (it is immutable) and answers: which entity is this id, which listing is this ticker, and
which listing of a company is meant when the text says "Hong Kong shares" or "U.S.-listed".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

from tickerwire.records import EntityType

_Derived = TypeVar("_Derived")


@dataclass(frozen=True)
class FormerTicker:
    """A ticker a listing traded under before: `ticker` was in use up to the session before
    `until`, the first day of trading under the next ticker (Facebook's `FB` until 2022-06-09)."""

    ticker: str
    until: dt.date


@dataclass(frozen=True)
class Listing:
    """One line of a company's shares (or an index code).

    `ticker` is exchange-suffixed outside the US (`9988.HK`, `7201.T`) and plain for US listings
    (`BABA`) and indices (`HSI`): the ticker in use today. `exchange` is the ISO 10383 MIC that
    exchange_calendars knows (`XHKG`, `XNYS`, `XNAS`, `XTKS`, ...); `country` is ISO 3166 alpha-2.
    `former` holds the tickers the same line traded under before, oldest first.
    """

    ticker: str
    exchange: str
    currency: str
    country: str
    primary: bool = False
    former: tuple[FormerTicker, ...] = ()

    def ticker_on(self, day: dt.date | None) -> str:
        """The ticker in use on `day` (today's ticker when `day` is None or after every change).

        An article writes the ticker of its own day: a February 2024 story about New York
        Community Bancorp says `NYCB`, the listing that trades as `FLG` since 2024-10-25.
        """
        if day is not None:
            for former in self.former:
                if day < former.until:
                    return former.ticker
        return self.ticker

    @property
    def all_tickers(self) -> tuple[str, ...]:
        """Today's ticker, then the former ones (every name this one line traded under)."""
        return (self.ticker, *(former.ticker for former in self.former))


@dataclass(frozen=True)
class DatedAlias:
    """A name that names the entity from `since` on, and another company before that day.

    A firm the entity took over ("Merrill Lynch", Bank of America's since 2009-01-01: in 1987 it
    was Merrill Lynch & Co, listed on its own), or a business that listed later as this entity
    ("Citizens Financial Group", a unit of RBS until its own listing on 2014-09-24).
    """

    alias: str
    since: dt.date


@dataclass(frozen=True)
class ReferenceEntity:
    """A company, index, organisation, person or government body that the text may name.

    `aliases` are matched as written (see link/README.md for the case rules);
    `ambiguous_aliases` are ordinary words too ("Apple", "Target", "Meta") and only count when
    capitalised and in a business context. `dated_aliases` are the aliases that name the entity
    only from a day on (each is in `aliases` too).
    """

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...] = ()
    listings: tuple[Listing, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()
    dated_aliases: tuple[DatedAlias, ...] = ()

    def names_other_firm(self, written: str, day: dt.date | None) -> bool:
        """Whether `written`, one of this entity's aliases as found in a text of `day`, named
        another company on that day (an acquired firm's name before the takeover).

        Undated text reads as today's (as tickers do): the name is this entity's.
        """
        if day is None or not self.dated_aliases:
            return False
        key = " ".join(written.split()).casefold()
        return any(day < item.since and item.alias.casefold() == key for item in self.dated_aliases)

    @property
    def tickers(self) -> list[str]:
        return [listing.ticker for listing in self.listings]

    def tickers_on(self, day: dt.date | None) -> list[str]:
        """The tickers of the entity's listings as they were on `day` (today's when None).

        Two lines that shared a ticker in turn give it once: before 2014-04-03 Alphabet's class A
        shares traded as `GOOG`, the ticker of its class C shares today.
        """
        tickers: list[str] = []
        for listing in self.listings:
            ticker = listing.ticker_on(day)
            if ticker not in tickers:
                tickers.append(ticker)
        return tickers

    @property
    def primary_listing(self) -> Listing | None:
        for listing in self.listings:
            if listing.primary:
                return listing
        return self.listings[0] if self.listings else None


# Words that name a venue in text, mapped to the countries whose listings they select.
VENUE_COUNTRIES: Mapping[str, str] = {
    "hong kong": "HK",
    "hk": "HK",
    "u.s.": "US",
    "us": "US",
    "u.s": "US",
    "american": "US",
    "new york": "US",
    "nyse": "US",
    "nasdaq": "US",
    "wall street": "US",
    "tokyo": "JP",
    "japan": "JP",
    "london": "GB",
    "shanghai": "CN",
    "shenzhen": "CN",
    "taiwan": "TW",
    "taipei": "TW",
}


@dataclass(frozen=True)
class ReferenceData:
    """All known entities, indexed by id and by ticker. Build with `load_reference` (link stage)."""

    entities: tuple[ReferenceEntity, ...] = ()
    _by_id: dict[str, ReferenceEntity] = field(default_factory=dict, repr=False, compare=False)
    _by_ticker: dict[str, tuple[ReferenceEntity, Listing]] = field(
        default_factory=dict, repr=False, compare=False
    )

    _by_alias: dict[str, ReferenceEntity] = field(default_factory=dict, repr=False, compare=False)
    # Structures built from the entities on first use and kept for the life of this object (the
    # gazetteer automaton of the link stage): built once per process, never per document.
    _derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for entity in self.entities:
            self._by_id[entity.id] = entity
            for listing in entity.listings:
                self._by_ticker.setdefault(listing.ticker.upper(), (entity, listing))
            for alias in (entity.name, *entity.aliases, *entity.ambiguous_aliases):
                self._by_alias.setdefault(alias.casefold(), entity)
        # Former tickers after every current one: a ticker in use today names today's listing
        # (Alphabet's `GOOG` is its class C line, though class A traded as `GOOG` until 2014).
        for entity in self.entities:
            for listing in entity.listings:
                for former in listing.former:
                    self._by_ticker.setdefault(former.ticker.upper(), (entity, listing))

    @classmethod
    def from_entities(cls, entities: Iterable[ReferenceEntity]) -> ReferenceData:
        return cls(entities=tuple(entities))

    def entity(self, entity_id: str) -> ReferenceEntity | None:
        return self._by_id.get(entity_id)

    def by_ticker(self, ticker: str) -> tuple[ReferenceEntity, Listing] | None:
        """The entity and listing of an exact ticker (`9988.HK`, `BABA`, `HSI`), any case.

        A former ticker finds the listing that traded under it (`NYCB` -> Flagstar's `FLG` line);
        a ticker in use today wins over a former ticker of another line.
        """
        return self._by_ticker.get(ticker.upper())

    def by_alias(self, name: str) -> ReferenceEntity | None:
        """The entity whose name or alias is exactly `name` (case-insensitive), else None.

        For names already cut out of the text ("Nomura", "JPMorgan Chase"); to find names in
        running text use `tickerwire.link.link_document`.
        """
        return self._by_alias.get(name.strip().casefold())

    def derived(self, key: str, build: Callable[[ReferenceData], _Derived]) -> _Derived:
        """`build(self)`, computed on the first call for `key` and reused afterwards."""
        if key not in self._derived:
            self._derived[key] = build(self)
        value: _Derived = self._derived[key]
        return value

    def listing_for(self, entity_id: str, venue: str | None = None) -> Listing | None:
        """The listing of `entity_id` that `venue` words select ("Hong Kong", "U.S.").

        Without venue words, the primary listing. With venue words that select none of the
        company's listings, None: the text names a line we do not know, so we do not guess.
        """
        entity = self._by_id.get(entity_id)
        if entity is None:
            return None
        if venue is None:
            return entity.primary_listing
        country = VENUE_COUNTRIES.get(venue.strip().lower())
        if country is None:
            return entity.primary_listing
        for listing in entity.listings:
            if listing.country == country:
                return listing
        return None
