"""Everything the extractors read about one document, computed once per document.

`DocumentContext` holds the normalised text, its sentences, the quantities, the entity mentions
grouped per place ("Meta Platforms" + "META.O" is one group), the main company, and (lazily) the
date expressions, so each extractor asks for what it needs and nothing is computed twice.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import regex

from tickerwire.extract.currencies import yen_sign_currency
from tickerwire.extract.dates import DateMention, PeriodMention, find_dates, find_periods
from tickerwire.extract.lazy import cached_property
from tickerwire.extract.quantities import Quantity, find_quantities
from tickerwire.extract.sentences import Sentence, normalise, split_sentences
from tickerwire.extract.tokens import Tokens
from tickerwire.link.reference import Listing, ReferenceData
from tickerwire.records import Entity, LinkedDocument, Mention

# Text allowed between two mentions of one entity for them to be one place: "Apple Inc. (AAPL)",
# "Meta PlatformsMETA.O", "Alibaba Group Holding Ltd (阿里巴巴)", "(NASDAQ: AAPL)".
_GROUP_GAP = regex.compile(
    r"[\s(]*(?:(?:NYSE|NASDAQ|Nasdaq|NYSEARCA|NYSEAMERICAN|OTC|HKEX|HKG|SEHK|TSE|LSE)\s*:\s*)?$"
)
_GROUP_TAIL = regex.compile(r"\s*(?:\([^()\n\d%$]{1,12}\)|\))")


# Not frozen, though never changed: one is built per entity mention, and frozen=True makes building
# cost three times as much (object.__setattr__ per field); unsafe_hash keeps the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class EntityGroup:
    """One place where an entity is named, possibly by several adjacent mentions."""

    entity_id: str
    start: int
    end: int
    entity_type: str
    ticker: str | None = None  # a ticker written in the text ("BABA", "9988.HK"), if any
    coref: bool = False  # a back-reference ("the company"), not the name itself


@dataclass
class DocumentContext:
    """The per-document state shared by the extractors (built by `build_context`)."""

    text: str  # normalised, same length as the clean text
    original: str
    published: dt.date | None
    reference: ReferenceData
    entities: dict[str, Entity]
    sentences: list[Sentence]
    quantities: list[Quantity]
    groups: list[EntityGroup]
    main_company: str | None
    published_at: dt.datetime | None = None  # the publication moment, when the input states it
    _quantity_starts: list[int] = field(default_factory=list, repr=False)
    _group_starts: list[int] = field(default_factory=list, repr=False)
    _periods: dict[int, list[PeriodMention]] = field(default_factory=dict, repr=False)
    _tokens: dict[int, Tokens] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self._quantity_starts = [q.start for q in self.quantities]
        self._group_starts = [g.start for g in self.groups]

    def quantities_in(self, start: int, end: int) -> list[Quantity]:
        """Quantities that start in [start, end)."""
        lo = bisect.bisect_left(self._quantity_starts, start)
        hi = bisect.bisect_left(self._quantity_starts, end)
        return self.quantities[lo:hi]

    def groups_in(self, start: int, end: int) -> list[EntityGroup]:
        """Entity groups that start in [start, end)."""
        lo = bisect.bisect_left(self._group_starts, start)
        hi = bisect.bisect_left(self._group_starts, end)
        return self.groups[lo:hi]

    def tokens(self, sentence: Sentence) -> Tokens:
        """The words of one sentence (read on first use, then kept): only sentences with
        numbers are ever read word by word."""
        found = self._tokens.get(sentence.index)
        if found is None:
            found = Tokens.of(self.text, sentence.start, sentence.end)
            self._tokens[sentence.index] = found
        return found

    @cached_property
    def dates(self) -> list[DateMention]:
        """Date expressions of the whole text (computed on first use)."""
        return find_dates(self.text, self.published)

    def dates_in(self, start: int, end: int) -> list[DateMention]:
        """Date expressions that start in [start, end) ("on Jan 31, 2024" may run past `end`)."""
        return [d for d in self.dates if start <= d.start < end]

    def periods_in(self, sentence: Sentence) -> list[PeriodMention]:
        """Reporting periods named in one sentence (read on first use, then kept)."""
        found = self._periods.get(sentence.index)
        if found is None:
            found = find_periods(self.text, self.published, sentence.start, sentence.end)
            self._periods[sentence.index] = found
        return found

    def entity_type(self, entity_id: str) -> str | None:
        known = self.entities.get(entity_id)
        if known is not None:
            return known.type
        reference = self.reference.entity(entity_id)
        return reference.type if reference is not None else None

    def has_listings(self, entity_id: str) -> bool:
        reference = self.reference.entity(entity_id)
        if reference is not None and reference.listings:
            return True
        known = self.entities.get(entity_id)
        return bool(known and known.tickers)

    @cached_property
    def written_tickers(self) -> dict[str, set[str]]:
        """The tickers the text writes for each entity ("Novo Nordisk A/S NVO")."""
        written: dict[str, set[str]] = {}
        for group in self.groups:
            if group.ticker:
                written.setdefault(group.entity_id, set()).add(group.ticker)
        return written

    def listing(self, entity_id: str, venue: str | None, ticker: str | None) -> Listing | None:
        """The listing a move refers to: a written ticker, else venue words, else the one
        listing whose ticker the article writes for the company, else the primary."""
        if ticker is None and venue is None:
            written = self.written_tickers.get(entity_id, set())
            ticker = next(iter(written)) if len(written) == 1 else None
        if ticker:
            found = self.reference.by_ticker(ticker)
            if found is not None and found[0].id == entity_id and venue is None:
                return found[1]
        return self.reference.listing_for(entity_id, venue)

    def ticker_of(self, entity_id: str, venue: str | None, ticker: str | None) -> str | None:
        """The ticker of that listing; for entities outside the reference, their only ticker."""
        listing = self.listing(entity_id, venue, ticker)
        if listing is not None:
            return listing.ticker_on(self.published)  # the ticker of the article's day
        if self.reference.entity(entity_id) is None and venue is None:
            known = self.entities.get(entity_id)
            if known is not None and len(known.tickers) == 1:
                return known.tickers[0]
        return None

    def exchange_of(self, ticker: str) -> str | None:
        found = self.reference.by_ticker(ticker)
        return found[1].exchange if found is not None else None


def _group_mentions(
    text: str, mentions: Sequence[Mention], types: Mapping[str, str]
) -> list[EntityGroup]:
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    groups: list[EntityGroup] = []
    for mention in ordered:
        kind = types.get(mention.entity_id, "company")
        ticker = mention.ticker if mention.kind == "ticker" or mention.ticker else None
        last = groups[-1] if groups else None
        if last is not None and mention.start < last.end:
            continue  # overlapping mention: the longer, earlier one stands
        if (
            last is not None
            and last.entity_id == mention.entity_id
            and _GROUP_GAP.match(text, last.end, mention.start) is not None
            and mention.start - last.end <= 12
        ):
            groups[-1] = EntityGroup(
                last.entity_id, last.start, mention.end, kind, last.ticker or ticker, last.coref
            )
            continue
        groups.append(
            EntityGroup(
                mention.entity_id, mention.start, mention.end, kind, ticker, mention.kind == "coref"
            )
        )
    # Swallow a short parenthesised aside or a closing bracket: "Ltd (阿里巴巴)", "(AAPL)".
    result = []
    for group in groups:
        tail = _GROUP_TAIL.match(text, group.end)
        end = tail.end() if tail is not None else group.end
        result.append(
            EntityGroup(
                group.entity_id, group.start, end, group.entity_type, group.ticker, group.coref
            )
        )
    return result


def _main_company(linked: LinkedDocument, groups: list[EntityGroup]) -> str | None:
    """The company the article is about: the linker's most relevant company, else the most named.

    A company counts as the article's subject only when it clearly leads (twice the mentions of
    the next one when relevance is not given), so an unclear article has no main company.
    """
    companies = [e for e in linked.entities if e.type == "company"]
    if companies and any(e.relevance > 0 for e in companies):
        ranked = sorted(companies, key=lambda e: -e.relevance)
        top = ranked[0]
        if len(ranked) == 1 or top.relevance >= 1.5 * ranked[1].relevance:
            return top.id
        return None
    counts: dict[str, int] = {}
    for group in groups:
        if group.entity_type == "company" and not group.coref:
            counts[group.entity_id] = counts.get(group.entity_id, 0) + 1
    if not counts:
        return None
    ranked_ids = sorted(counts, key=lambda k: -counts[k])
    if len(ranked_ids) == 1 or counts[ranked_ids[0]] >= 2 * counts[ranked_ids[1]]:
        return ranked_ids[0]
    return None


def build_context(linked: LinkedDocument, reference: ReferenceData) -> DocumentContext:
    """Read `linked` once: normalise, split, find quantities and group mentions."""
    original = linked.doc.text
    text = normalise(original)
    types = {e.id: e.type for e in linked.entities}
    for mention in linked.mentions:
        if mention.entity_id not in types:
            ref = reference.entity(mention.entity_id)
            types[mention.entity_id] = ref.type if ref is not None else "company"
    groups = _group_mentions(text, linked.mentions, types)
    yen = yen_sign_currency(text) if "¥" in text else None
    return DocumentContext(
        text=text,
        original=original,
        published=linked.doc.published,
        reference=reference,
        entities={e.id: e for e in linked.entities},
        sentences=split_sentences(text),
        quantities=find_quantities(text, yen),
        groups=groups,
        main_company=_main_company(linked, groups),
        published_at=linked.doc.published_at,
    )
