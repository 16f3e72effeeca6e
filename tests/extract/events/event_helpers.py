"""A small hand-built reference and alias matching for the event-type and driver tests.

Like tests/extract/extract_helpers.py, the tests build mentions themselves from the aliases
below, so a change in the bundled reference list or in the linker cannot change what they
assert. Ids of the brokers are those of the bundled list (the analyst-view extractor knows
brokers by id).
"""

from __future__ import annotations

import datetime as dt

from extract_helpers import AliasLinker

from tickerwire.extract import extract_events
from tickerwire.link.reference import Listing, ReferenceEntity
from tickerwire.records import EntityType, Event, LinkedDocument

HK = lambda t: Listing(t, "XHKG", "HKD", "HK", primary=True)  # noqa: E731
US = lambda t, primary=True: Listing(t, "XNAS", "USD", "US", primary=primary)  # noqa: E731


def _company(id_: str, name: str, aliases: tuple[str, ...], *listings: Listing) -> ReferenceEntity:
    return ReferenceEntity(id_, name, "company", aliases, tuple(listings))


def us_company(id_: str, name: str, *aliases: str) -> ReferenceEntity:
    """A company with one US listing; its last alias is its ticker."""
    return _company(id_, name, aliases, US(aliases[-1]))


def _other(id_: str, name: str, kind: EntityType, aliases: tuple[str, ...]) -> ReferenceEntity:
    return ReferenceEntity(id_, name, kind, aliases)


ENTITIES = (
    _company("alibaba", "Alibaba Group", ("Alibaba",), HK("9988.HK"), US("BABA", False)),
    _company("tencent", "Tencent Holdings", ("Tencent",), HK("0700.HK")),
    _company("apple", "Apple Inc", ("Apple",), US("AAPL")),
    _company("meta", "Meta Platforms", ("Meta Platforms", "Meta"), US("META")),
    _company("nvidia", "Nvidia Corp", ("Nvidia",), US("NVDA")),
    _company("pinterest", "Pinterest Inc", ("Pinterest",), US("PINS")),
    _company(
        "samsung",
        "Samsung Electronics",
        ("Samsung Electronics", "Samsung"),
        Listing("005930.KS", "XKRX", "KRW", "KR", True),
    ),
    _company("gamestop", "GameStop Corp", ("GameStop",), US("GME")),
    _company("barclays", "Barclays PLC", ("Barclays",), Listing("BARC.L", "XLON", "GBP", "GB")),
    _company("nomura", "Nomura Holdings", ("Nomura",), Listing("8604.T", "XTKS", "JPY", "JP")),
    _other("ryan-cohen", "Ryan Cohen", "person", ("Ryan Cohen", "Cohen")),
    _other("susan-li", "Susan Li", "person", ("Susan Li",)),
    _other("federal-reserve", "Federal Reserve", "government", ("Federal Reserve", "Fed")),
)
# Brokers and people get a low relevance: they are never the subject of a story.
_LINKER = AliasLinker(ENTITIES, other_relevance=0.1)
REFERENCE = _LINKER.reference


def link(text: str, published: dt.date | None = None, title: str | None = None) -> LinkedDocument:
    """Mentions of the aliases above; companies' relevance by share of mentions."""
    return _LINKER.link(text, published, title)


def run(text: str, published: dt.date | None = None, title: str | None = None) -> list[Event]:
    return extract_events(link(text, published, title), REFERENCE)


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.type == event_type]


def driver_types(events: list[Event], move: Event) -> list[str]:
    """The types of the events a move names as its drivers, in order."""
    return [events[i].type for i in move.attributes["drivers"]]
