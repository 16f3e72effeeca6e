"""Tickers in the text joined to their companies: "Apple (NASDAQ: AAPL)", "Meta META.O",
"Alphabet GOOGL", "Align Technology (ALGN)", "MSFT stock"; an unknown ticker in a structured form
creates a company named from the words before it.

`TickerMentions` does these steps for the `Linker` (linker.py), which holds one; the mention and
new-entity records under construction are shared with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import regex

from tickerwire.link.bracket_tickers import (
    CAPITALISED_NAME,
    bracket_symbols,
    capitalised_words_before,
    company_name_before,
    is_abbreviation,
    name_agrees,
    name_spelled_as_ticker,
    never_a_ticker,
)
from tickerwire.link.gazetteer import AliasRule
from tickerwire.link.names import Occupied, clean_org_span, in_headline
from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.link.tickers import TickerHit
from tickerwire.records import EntityType

# A name with one of these words is a fund, not a company.
_FUND_WORD = regex.compile(r"\b(?:ETF|Fund|Trust|SPDR|iShares)\b")
# What may stand between a company's name and its ticker: "Meta META.O", "Apple (NASDAQ: AAPL)",
# "Microsoft's MSFT.O".
_NAME_TICKER_GAP = regex.compile(r"(?:'s|’s)?[ \t]*[(\[]?[ \t]*")
# Between two tickers of one bracket: "(NYSE: BABA, HKG: 9988)".
_TICKER_TICKER_GAP = regex.compile(r"[ \t]*[,;/][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
_CLOSING = regex.compile(r"[ \t]*[)\]]")
# Bare ticker right after the company's name: "Alphabet GOOGL", "Visa (V)".
_BARE_AFTER_NAME = regex.compile(r"[ ]\(?(?P<sym>[A-Z]{1,5}(?:[.\-][A-Z])?)\)?(?![\w.\-])")
# Bare all-caps token that may be a ticker of a company already named: "MSFT stock".
_BARE_TICKER = regex.compile(r"(?<![\w$.\-/&])(?P<sym>[A-Z]{1,5}(?:[.\-][A-Z])?)(?![\w\-&]|\.\w)")
_STOCK_AFTER = regex.compile(r"(?:'s|’s)?[ ](?:stock|shares)\b")
# Name before an unknown ticker: "Brookfield Asset Management (NYSE: BAM)", "iRobot IRBT.O".
_NAME_BEFORE = regex.compile(
    rf"(?<![\w.])(?P<name>{CAPITALISED_NAME})\.?(?:'s|’s)?[ \t]*[(\[]?[ \t]*$"
)
_SLUG_JUNK = regex.compile(r"[^a-z0-9]+")


@dataclass
class FoundMention:
    """A mention under construction, with the facts the linker needs about it."""

    start: int
    end: int
    entity_id: str
    kind: str
    ticker: str | None = None
    rule: AliasRule | None = None
    validated: bool = True
    byline: bool = False


@dataclass
class NewEntity:
    """An entity the text names that the reference list does not have."""

    name: str
    type: EntityType
    tickers: list[str] = field(default_factory=list)


class TickerMentions:
    """The ticker steps of the link stage. Build once per ReferenceData (the `Linker` does)."""

    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        # Bare forms of every ticker of an entity ("BRK-B" also as "BRK.B"), for "Name TICKER".
        self._bare_tickers: dict[str, dict[str, str]] = {}
        for entity in reference.entities:
            forms: dict[str, str] = {}
            for listing in entity.listings:
                # Former tickers too ("NYCB shares" in a 2024 story): each names this line.
                for ticker in listing.all_tickers:
                    if "." not in ticker:
                        forms.setdefault(ticker, ticker)
                        forms.setdefault(ticker.replace("-", "."), ticker)
            self._bare_tickers[entity.id] = forms

    def join(
        self,
        text: str,
        found: list[FoundMention],
        ticker_hits: list[TickerHit],
        new_entities: dict[str, NewEntity],
        extra_tickers: dict[str, list[str]],
    ) -> list[FoundMention]:
        """Attach each inline ticker to the name before it, or resolve it on its own."""
        by_end = {f.end: f for f in found}
        result = list(found)
        previous: tuple[TickerHit, str | None] | None = None
        for hit in ticker_hits:
            named = self._name_before(text, hit, by_end)
            if named is None and previous is not None:
                prev_hit, prev_entity = previous
                if _TICKER_TICKER_GAP.fullmatch(text, prev_hit.end, hit.start):
                    named_entity = prev_entity
                else:
                    named_entity = None
            else:
                named_entity = named.entity_id if named else None
            entity_id = self._resolve_ticker(
                text, hit, named, named_entity, new_entities, extra_tickers, result
            )
            previous = (hit, entity_id)
        return result

    def _name_before(
        self, text: str, hit: TickerHit, by_end: dict[int, FoundMention]
    ) -> FoundMention | None:
        """The alias mention that ends right before `hit` ("Meta META.O"), if any."""
        for end in range(hit.start, max(-1, hit.start - 6), -1):
            item = by_end.get(end)
            if item is not None and _NAME_TICKER_GAP.fullmatch(text, end, hit.start):
                return item
        return None

    def _resolve_ticker(
        self,
        text: str,
        hit: TickerHit,
        named: FoundMention | None,
        named_entity: str | None,
        new_entities: dict[str, NewEntity],
        extra_tickers: dict[str, list[str]],
        result: list[FoundMention],
    ) -> str | None:
        if hit.form == "non_equity":
            return None
        known = self.reference.by_ticker(hit.ticker) if hit.ticker else None
        known_id = known[0].id if known else None
        end = hit.end
        closing = _CLOSING.match(text, end)
        if closing and text[hit.start - 1 : hit.start] in "([" and named is not None:
            end = closing.end()
        if hit.strict and known_id is None:
            return None  # "U.S" after "Bloomberg": initials, not a ticker
        if hit.after_name:
            return self._glued_to_name(text, hit, known, result)
        if named is not None and named.entity_id == (known_id or named.entity_id):
            # One mention for "Meta Platforms META.O": the name with its ticker.
            named.end = max(named.end, end)
            named.kind = "ticker"
            named.ticker = hit.ticker
            named.validated = True
            if known_id is None and hit.ticker:  # a strict one returned above
                self._add_ticker(named.entity_id, hit.ticker, new_entities, extra_tickers)
            return named.entity_id
        if known_id is not None:
            if hit.strict:
                return None
            result.append(FoundMention(hit.start, hit.end, known_id, "ticker", hit.ticker))
            return known_id
        if named_entity is not None and hit.ticker and not hit.strict:
            # Second ticker of one bracket: "(NYSE: BABA, HKG: 9988)".
            result.append(FoundMention(hit.start, hit.end, named_entity, "ticker", hit.ticker))
            self._add_ticker(named_entity, hit.ticker, new_entities, extra_tickers)
            return named_entity
        return self._create_from_ticker(text, hit, new_entities, result)

    def _glued_to_name(
        self,
        text: str,
        hit: TickerHit,
        known: tuple[ReferenceEntity, Listing] | None,
        result: list[FoundMention],
    ) -> str | None:
        """ "Exxon MobilXOM.N": one mention of the name and its glued ticker, when the text
        before the ticker ends with a name of the ticker's company (else nothing)."""
        if known is None:
            return None
        entity = known[0]
        names = (entity.name, *entity.aliases, *entity.ambiguous_aliases)
        written = [name for name in names if text.endswith(name, 0, hit.start)]
        if not written:
            return None
        start = hit.start - max(len(name) for name in written)
        if start > 0 and text[start - 1].isalnum():
            return None  # the name is itself the tail of a longer word
        result.append(FoundMention(start, hit.end, entity.id, "ticker", hit.ticker))
        return entity.id

    def _create_from_ticker(
        self,
        text: str,
        hit: TickerHit,
        new_entities: dict[str, NewEntity],
        result: list[FoundMention],
    ) -> str | None:
        """An entity for a ticker we do not know, when the form leaves no doubt."""
        if hit.strict:
            return None
        if hit.form == "exchange" and not hit.bracketed:
            return None
        if hit.form == "cashtag":
            return None
        match = _NAME_BEFORE.search(text, max(0, hit.start - 80), hit.start)
        name_span = clean_org_span(text, match.start("name"), match.end("name")) if match else None
        if hit.form == "ric" and name_span is None:
            return None  # a RIC needs the company's name before it
        if name_span is None:
            if hit.ticker is None:
                return None
            name, start = hit.ticker, hit.start
        else:
            name, start = text[name_span[0] : name_span[1]], name_span[0]
        entity_id = self.new_company(name, hit.ticker, new_entities)
        closing = _CLOSING.match(text, hit.end) if hit.bracketed else None
        end = closing.end() if closing and name_span is not None else hit.end
        # The longest name wins: "MSCI China ETF (NASDAQ: MCHI)" is the fund, not MSCI.
        result[:] = [f for f in result if not (start <= f.start and f.end <= hit.start)]
        result.append(FoundMention(start, end, entity_id, "ticker", hit.ticker))
        return entity_id

    def new_company(self, name: str, ticker: str | None, new_entities: dict[str, NewEntity]) -> str:
        """The id of the unlisted company (a fund when its name says so) written `name` with
        `ticker`, made on its first mention; the ticker is added to it."""
        entity_type: EntityType = "product" if _FUND_WORD.search(name) else "company"
        for known_id, known in new_entities.items():
            if ticker and ticker in known.tickers:
                return known_id  # named another way before: "Tractor Supply Company", "... Co."
        entity_id = new_entity_id(self.reference, name)
        entity = new_entities.setdefault(entity_id, NewEntity(name, entity_type))
        if ticker and ticker not in entity.tickers:
            entity.tickers.append(ticker)
        return entity_id

    def _add_ticker(
        self,
        entity_id: str,
        ticker: str,
        new_entities: dict[str, NewEntity],
        extra_tickers: dict[str, list[str]],
    ) -> None:
        if entity_id in new_entities:
            tickers = new_entities[entity_id].tickers
        else:
            tickers = extra_tickers.setdefault(entity_id, [])
        if ticker not in tickers:
            tickers.append(ticker)

    def bare_tickers_found(
        self, text: str, found: list[FoundMention], occupied: Occupied
    ) -> list[FoundMention]:
        """Tickers written without exchange or suffix, for companies the text has named."""
        named_ids = {f.entity_id for f in found}
        # Right after the name: "Alphabet GOOGL", "Visa (V)".
        for item in found:
            forms = self._bare_tickers.get(item.entity_id)
            if item.kind != "alias" or not forms:
                continue  # the pattern is not tried for names without a listing (the Fed)
            match = _BARE_AFTER_NAME.match(text, item.end)
            if not match:
                continue
            ticker = forms.get(match["sym"])
            if ticker and not occupied.overlaps(item.end, match.end()):
                occupied.add(item.end, match.end())
                item.end, item.kind, item.ticker = match.end(), "ticker", ticker
        # Elsewhere, for a company already named: "MSFT stock", "shares of AAPL".
        lookup = {
            form: (entity_id, ticker)
            for entity_id in named_ids
            for form, ticker in self._bare_tickers.get(entity_id, {}).items()
        }
        extra = []
        for sym, (entity_id, ticker) in lookup.items():
            for position, end in bare_ticker_spans(text, sym):
                if not occupied.overlaps(position, end):
                    occupied.add(position, end)
                    extra.append(FoundMention(position, end, entity_id, "ticker", ticker))
        return extra

    def bracket_tickers_found(
        self,
        text: str,
        found: list[FoundMention],
        occupied: Occupied,
        new_entities: dict[str, NewEntity],
    ) -> list[FoundMention]:
        """ "Align Technology (ALGN)": a bare ticker in brackets after a name the list does not
        hold as written (see bracket_tickers.py for when the bracket is a ticker)."""
        candidates = [c for c in bracket_symbols(text) if not occupied.overlaps(c[0], c[1])]
        if not candidates:
            return []
        extra: list[FoundMention] = []
        unknown = []
        for start, end, symbol in candidates:
            ticker = symbol.replace(".", "-")
            known = self.reference.by_ticker(ticker)
            if known is None and never_a_ticker(symbol):
                continue  # "(AI)": the name before it is not looked for
            span = company_name_before(text, start)
            if span is None and known is not None:
                span = name_spelled_as_ticker(text, start, symbol)  # "Nov (NOV)"
            if span is None or occupied.overlaps(span[0], start):
                continue
            if known is None:
                unknown.append((span, end, symbol, ticker))
            elif name_agrees(text[span[0] : span[1]], known[0]):
                occupied.add(span[0], end)
                extra.append(FoundMention(span[0], end, known[0].id, "ticker", ticker))
        # An unknown symbol counts only in an article that writes tickers (its house style): one
        # is linked already.
        if not any(item.kind == "ticker" for item in (*found, *extra)):
            return extra
        for span, end, symbol, ticker in unknown:
            name = text[span[0] : span[1]]
            # The whole capitalised run counts: "Daily Active Users (DAU)" is an abbreviation
            # even where "Daily" is no part of a name.
            words = capitalised_words_before(text, span[0] + len(name) + 1)
            written = text[words[0] : span[1]] if words else name
            if len(symbol) < 2 or is_abbreviation(symbol, written) or in_headline(text, end):
                # A headline capitalises every word: where its name starts is unknown.
                continue
            entity_id = self.new_company(name, ticker, new_entities)
            occupied.add(span[0], end)
            extra.append(FoundMention(span[0], end, entity_id, "ticker", ticker))
        return extra


def new_entity_id(reference: ReferenceData, name: str) -> str:
    """The id of an entity the text names that `reference` lacks: its name as a slug, marked
    "x-" when a listed entity has that id already."""
    slug = _SLUG_JUNK.sub("-", name.casefold()).strip("-") or "entity"
    if reference.entity(slug) is not None:
        slug = f"x-{slug}"
    return slug


def ticker_right_after(text: str, end: int, ticker: str) -> int | None:
    """Where `ticker` ends when it is written right after a name ending at `end` ("Alphabet
    GOOGL", "Visa (V)"); None when it is not."""
    match = _BARE_AFTER_NAME.match(text, end)
    return match.end() if match is not None and match["sym"] == ticker else None


def bare_ticker_spans(text: str, sym: str) -> Iterator[tuple[int, int]]:
    """Where `sym` stands alone as a bare ticker of a company the text has named: three letters
    or more ("MSFT"), or followed by "stock"/"shares" ("GE shares")."""
    position = text.find(sym)
    while position != -1:
        end = position + len(sym)
        # Most finds of "T" or "GE" are inside words: those are not tried with the pattern
        match = _BARE_TICKER.match(text, position) if _apart(text, position, end) else None
        if match and match["sym"] == sym and (len(sym) >= 3 or _STOCK_AFTER.match(text, end)):
            yield position, end
        position = text.find(sym, end)


def _apart(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has no ASCII letter or digit right before or after it (a bare
    ticker needs that and more; this test is the cheap part)."""
    before, after = text[start - 1 : start] if start else "", text[end : end + 1]
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
