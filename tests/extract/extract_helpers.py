"""A tiny test-only gazetteer: hand-built reference data and alias matching.

The extract tests do not depend on the linker: they build mentions themselves from the aliases
below, so a change in the bundled reference list cannot change what these tests assert.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import regex

from tickerwire.extract import extract_events
from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.records import CleanDocument, Entity, Event, LinkedDocument, Mention

HK = lambda t: Listing(t, "XHKG", "HKD", "HK", primary=True)  # noqa: E731
US = lambda t, primary=True: Listing(t, "XNYS", "USD", "US", primary=primary)  # noqa: E731

ENTITIES = (
    ReferenceEntity(
        "alibaba",
        "Alibaba Group",
        "company",
        ("Alibaba Group", "Alibaba"),
        (HK("9988.HK"), US("BABA", primary=False)),
    ),
    ReferenceEntity("tencent", "Tencent Holdings", "company", ("Tencent",), (HK("0700.HK"),)),
    ReferenceEntity(
        "baidu", "Baidu Inc", "company", ("Baidu",), (HK("9888.HK"), US("BIDU", False))
    ),
    ReferenceEntity("amazon", "Amazon.com Inc", "company", ("Amazon.com", "Amazon"), (US("AMZN"),)),
    ReferenceEntity("microsoft", "Microsoft Corp", "company", ("Microsoft",), (US("MSFT"),)),
    ReferenceEntity(
        "nissan",
        "Nissan Motor",
        "company",
        ("Nissan",),
        (Listing("7201.T", "XTKS", "JPY", "JP", True),),
    ),
    ReferenceEntity("apple", "Apple Inc", "company", ("Apple",), (US("AAPL"),)),
    ReferenceEntity("meta", "Meta Platforms", "company", ("Meta Platforms", "Meta"), (US("META"),)),
    ReferenceEntity("snap", "Snap Inc", "company", ("Snap",), (US("SNAP"),)),
    ReferenceEntity("pinterest", "Pinterest", "company", ("Pinterest",), (US("PINS"),)),
    ReferenceEntity(
        "hsi",
        "Hang Seng Index",
        "index",
        ("Hang Seng Index",),
        (Listing("HSI", "XHKG", "HKD", "HK"),),
    ),
    ReferenceEntity(
        "hstech",
        "Hang Seng Tech Index",
        "index",
        ("Hang Seng Tech Index",),
        (Listing("HSTECH", "XHKG", "HKD", "HK"),),
    ),
    ReferenceEntity(
        "spx", "S&P 500", "index", ("S&P 500",), (Listing("SPX", "XNYS", "USD", "US"),)
    ),
)


class AliasLinker:
    """Mentions of the aliases of a fixed list of entities, found by one pattern.

    Relevance is a company's share of the most mentioned entity's mentions; other entities get
    `other_relevance` when it is given (brokers and people are never the subject of a story).
    """

    def __init__(
        self, entities: tuple[ReferenceEntity, ...], other_relevance: float | None = None
    ) -> None:
        self.reference = ReferenceData.from_entities(entities)
        self._owners = {alias: e.id for e in entities for alias in e.aliases}
        self._pattern = regex.compile(
            r"(?<!\w)(?:"
            + "|".join(regex.escape(a) for a in sorted(self._owners, key=len, reverse=True))
            + r")(?!\w)"
        )
        self._other_relevance = other_relevance

    def link(
        self, text: str, published: dt.date | None = None, title: str | None = None
    ) -> LinkedDocument:
        """The document `text` with its mentions and entities."""
        mentions = [
            Mention(self._owners[m.group(0)], m.start(), m.end(), m.group(0))
            for m in self._pattern.finditer(text)
        ]
        counts: dict[str, int] = {}
        for mention in mentions:
            counts[mention.entity_id] = counts.get(mention.entity_id, 0) + 1
        top = max(counts.values(), default=1)
        entities = []
        for entity_id, count in counts.items():
            ref = self.reference.entity(entity_id)
            assert ref is not None
            relevance = count / top
            if self._other_relevance is not None and ref.type != "company":
                relevance = self._other_relevance
            entities.append(
                Entity(
                    id=entity_id,
                    name=ref.name,
                    type=ref.type,
                    tickers=ref.tickers,
                    mentions=count,
                    relevance=relevance,
                )
            )
        doc = CleanDocument(origin="test", text=text, published=published, title=title)
        return LinkedDocument(doc=doc, mentions=mentions, entities=entities)


_LINKER = AliasLinker(ENTITIES)
REFERENCE = _LINKER.reference


def link(text: str, published: dt.date | None = None) -> LinkedDocument:
    """Mentions of the aliases above; relevance by share of mentions."""
    return _LINKER.link(text, published)


def run(text: str, published: dt.date | None = None) -> list[Event]:
    return extract_events(link(text, published), REFERENCE)


# "Alibaba (NYSE: BABA)": a name's bracketed exchange ticker, as `bracket_tickers` reads it.
_EXCHANGE_BRACKET = regex.compile(r"\s*\((?:NYSE|NASDAQ|HKEX):\s?(?P<ticker>[A-Z0-9.]+)\)")


def bracket_tickers(linked: LinkedDocument) -> LinkedDocument:
    """`linked` with every mention that an exchange bracket follows ("Alibaba (NYSE: BABA)")
    made one ticker mention of the name and its bracket, as the real linker writes it."""
    text = linked.doc.text
    mentions = []
    for mention in linked.mentions:
        found = _EXCHANGE_BRACKET.match(text, mention.end)
        if found is not None:
            mention = dataclasses.replace(
                mention,
                end=found.end(),
                text=text[mention.start : found.end()],
                kind="ticker",
                ticker=found["ticker"],
            )
        mentions.append(mention)
    return dataclasses.replace(linked, mentions=mentions)


def metric_rows(events: list[Event]) -> list[tuple]:
    """(entity, metric, segment, value, change_pct, period) of each financial_metric event."""
    return [
        (
            e.entity,
            e.attributes["metric"],
            e.attributes["segment"],
            e.attributes["value"],
            e.attributes["change_pct"],
            e.attributes["period"],
        )
        for e in events
        if e.type == "financial_metric"
    ]
