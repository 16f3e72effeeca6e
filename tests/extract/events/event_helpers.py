"""A small hand-built reference and alias matching for the event-type and driver tests.

Like tests/extract/extract_helpers.py, the tests build mentions themselves from the aliases
below, so a change in the bundled reference list or in the linker cannot change what they
assert. Ids of the brokers are those of the bundled list (the analyst-view extractor knows
brokers by id).
"""

from __future__ import annotations

import datetime as dt

import regex

from tickerwire.extract import extract_events
from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.records import CleanDocument, Entity, EntityType, Event, LinkedDocument, Mention

HK = lambda t: Listing(t, "XHKG", "HKD", "HK", primary=True)  # noqa: E731
US = lambda t, primary=True: Listing(t, "XNAS", "USD", "US", primary=primary)  # noqa: E731


def _company(id_: str, name: str, aliases: tuple[str, ...], *listings: Listing) -> ReferenceEntity:
    return ReferenceEntity(id_, name, "company", aliases, tuple(listings))


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
REFERENCE = ReferenceData.from_entities(ENTITIES)
_ALIASES = {alias: e.id for e in ENTITIES for alias in e.aliases}
_PATTERN = regex.compile(
    r"(?<!\w)(?:"
    + "|".join(regex.escape(a) for a in sorted(_ALIASES, key=len, reverse=True))
    + r")(?!\w)"
)


def link(text: str, published: dt.date | None = None, title: str | None = None) -> LinkedDocument:
    """Mentions of the aliases above; companies' relevance by share of mentions."""
    mentions = [
        Mention(_ALIASES[m.group(0)], m.start(), m.end(), m.group(0))
        for m in _PATTERN.finditer(text)
    ]
    counts: dict[str, int] = {}
    for mention in mentions:
        counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
    top = max(counts.values(), default=1)
    entities = []
    for entity_id, count in counts.items():
        ref = REFERENCE.entity(entity_id)
        assert ref is not None
        entities.append(
            Entity(
                id=entity_id,
                name=ref.name,
                type=ref.type,
                tickers=ref.tickers,
                mentions=count,
                relevance=count / top if ref.type == "company" else 0.1,
            )
        )
    doc = CleanDocument(origin="test", text=text, published=published, title=title)
    return LinkedDocument(doc=doc, mentions=mentions, entities=entities)


def run(text: str, published: dt.date | None = None, title: str | None = None) -> list[Event]:
    return extract_events(link(text, published, title), REFERENCE)


def of_type(events: list[Event], event_type: str) -> list[Event]:
    return [e for e in events if e.type == event_type]


def driver_types(events: list[Event], move: Event) -> list[str]:
    """The types of the events a move names as its drivers, in order."""
    return [events[i].type for i in move.attributes["drivers"]]
