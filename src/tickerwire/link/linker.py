"""The link stage: mentions of companies, indices, people and organisations -> Entity records.

Order of work on one document (each step leaves the spans it took to the next):

1. inline tickers ("(NASDAQ: AMD)", "META.O", "$AAPL");
2. gazetteer aliases, longest first, extended over legal forms and bracketed Chinese names;
3. ambiguous aliases ("Apple", "Target") kept only with a business context
   (ambiguous_aliases.py);
4. tickers joined to the company named right before them; unknown tickers in a structured form
   create an entity named from the text;
5. bare tickers of companies already named ("Alphabet GOOGL", "MSFT stock");
6. people and organisations outside the list (names.py);
7. entities with mention counts and relevance.

A `Linker` holds the automaton and lookup tables; build it once per ReferenceData.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import regex

from tickerwire.link.ambiguous_aliases import in_name_context, ordinary_word_after
from tickerwire.link.bracket_tickers import (
    bracket_symbols,
    capitalised_words_before,
    company_name_before,
    is_abbreviation,
    name_agrees,
    never_a_ticker,
)
from tickerwire.link.company_short_names import ShortNames, short_name_spans
from tickerwire.link.furniture_spans import furniture_spans
from tickerwire.link.gazetteer import (
    AliasEntry,
    AliasRule,
    Gazetteer,
    cjk_bracket_end,
    fold_for_matching,
    suffix_end,
)
from tickerwire.link.names import (
    Cue,
    NameFinder,
    NameHit,
    Occupied,
    clean_org_span,
    in_headline,
)
from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.link.relevance import EntityStats, lead_end, relevance_scores
from tickerwire.link.short_forms import short_form_hits
from tickerwire.link.tickers import TickerHit, find_ticker_hits
from tickerwire.link.word_starts import WordStarts
from tickerwire.records import CleanDocument, Entity, EntityType, LinkedDocument, Mention

# A name with one of these words is a fund, not a company.
_FUND_WORD = regex.compile(r"\b(?:ETF|Fund|Trust|SPDR|iShares)\b")
# What may stand between a company's name and its ticker: "Meta META.O", "Apple (NASDAQ: AAPL)",
# "Microsoft's MSFT.O".
_NAME_TICKER_GAP = regex.compile(r"(?:'s|’s)?[ \t]*[(\[]?[ \t]*")
# The first character of a quote-code alias (Reuters index codes ".N225", ".SPLRCL"; the dollar
# index "=USD"): written right after the index's name, it joins that mention.
_QUOTE_CODE_MARKS = frozenset(".=")
# Between two tickers of one bracket: "(NYSE: BABA, HKG: 9988)".
_TICKER_TICKER_GAP = regex.compile(r"[ \t]*[,;/][ \t]*(?:and[ \t]+)?|[ \t]+and[ \t]+")
_CLOSING = regex.compile(r"[ \t]*[)\]]")
# Bare ticker right after the company's name: "Alphabet GOOGL", "Visa (V)".
_BARE_AFTER_NAME = regex.compile(r"[ ]\(?(?P<sym>[A-Z]{1,5}(?:[.\-][A-Z])?)\)?(?![\w.\-])")
# Bare all-caps token that may be a ticker of a company already named: "MSFT stock".
_BARE_TICKER = regex.compile(r"(?<![\w$.\-/&])(?P<sym>[A-Z]{1,5}(?:[.\-][A-Z])?)(?![\w\-&]|\.\w)")
_STOCK_AFTER = regex.compile(r"(?:'s|’s)?[ ](?:stock|shares)\b")
# Name before an unknown ticker: up to six capitalised words ("Brookfield Asset Management"); a
# word may open with a small letter before a capital ("iRobot IRBT.O", "eHealth EHTH.O").
_NAME_BEFORE = regex.compile(
    r"(?<![\w.])(?P<name>(?:[A-Z0-9][\w&'’\-]*\w|[A-Z]|[a-z][A-Z][\w&'’\-]*)"
    r"(?:[ ](?:&[ ]|of[ ]|and[ ])?(?:[A-Z0-9][\w&'’\-]*\w|[A-Z]|[a-z][A-Z][\w&'’\-]*)){0,5})"
    r"\.?(?:'s|’s)?[ \t]*[(\[]?[ \t]*$"
)
_SLUG_JUNK = regex.compile(r"[^a-z0-9]+")
# A minister's title after a company's name makes the name his remit: "Saudi Arabian Oil
# Minister", "the Oil Ministry" (Reuters-21578 and OPEC reports write them so).
_MINISTER_AFTER = regex.compile(r"[ ]Minist(?:er|ry)\b")


@dataclass
class _Found:
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
class _NewEntity:
    """An entity the text names that the reference list does not have."""

    name: str
    type: EntityType
    tickers: list[str] = field(default_factory=list)


class Linker:
    """Finds the entities of a document. Build once per ReferenceData (see `link_document`)."""

    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        self.gazetteer = Gazetteer(reference)
        self.names = NameFinder()
        self.word_starts = WordStarts(self.gazetteer, self.names)
        self.short_names = ShortNames(reference)
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

    def link(self, doc: CleanDocument) -> LinkedDocument:
        """Mentions and entities of `doc` (offsets into `doc.text`)."""
        text = doc.text
        folded = " " + fold_for_matching(text)
        occupied = Occupied(len(text))
        new_entities: dict[str, _NewEntity] = {}
        extra_tickers: dict[str, list[str]] = {}
        for span in furniture_spans(text):
            occupied.add(*span)
        ticker_hits = sorted(
            (h for h in find_ticker_hits(text) if not occupied.overlaps(h.start, h.end)),
            key=lambda h: h.start,
        )
        for hit in ticker_hits:
            occupied.add(hit.start, hit.end)
        alias_matches, cue_matches = self.word_starts.matches(folded)
        found = self._alias_mentions(text, folded, occupied, alias_matches)
        found = self._join_tickers(text, found, ticker_hits, new_entities, extra_tickers)
        found = self._validate_ambiguous(text, found)
        for item in found:
            occupied.add(item.start, item.end)
        found += self._short_forms_found(text, occupied)
        found += self._bare_tickers_found(text, found, occupied)
        found += self._bracket_tickers_found(text, found, occupied, new_entities)
        found += self._short_names_found(text, found, occupied, new_entities)
        found += self._names_found(text, occupied, new_entities, cue_matches)
        found.sort(key=lambda f: (f.start, f.end))
        mentions = [
            Mention(f.entity_id, f.start, f.end, text[f.start : f.end], f.kind, f.ticker)
            for f in found
        ]
        title_ids = self._title_entity_ids(doc.title, new_entities, {f.entity_id for f in found})
        entities = self._entities(
            text, found, new_entities, extra_tickers, title_ids, doc.published
        )
        return LinkedDocument(doc=doc, mentions=mentions, entities=entities)

    # -- aliases ------------------------------------------------------------------------------

    def _alias_mentions(
        self,
        text: str,
        folded: str,
        occupied: Occupied,
        matches: list[tuple[int, tuple[AliasEntry, ...]]],
    ) -> list[_Found]:
        hits = self.gazetteer.find(text, folded, matches)
        hits = [h for h in hits if not occupied.overlaps(h.start, h.end)]
        found: list[_Found] = []
        index = 0
        while index < len(hits):
            hit = hits[index]
            index += 1
            following = hits[index] if index < len(hits) else None
            limit = following.start if following else len(text)
            entity = self.reference.entity(hit.entity_id)
            end = hit.end
            if entity is not None and entity.type == "company":
                if text.startswith(" Minist", end) and _MINISTER_AFTER.match(text, end):
                    continue  # "Saudi Arabian Oil Minister": a government's remit, no company
                end = suffix_end(text, end)
            if end > limit or occupied.overlaps(hit.end, end):
                end = hit.end
            bracket_end = cjk_bracket_end(text, end)
            if following and following.start >= end and following.end <= bracket_end:
                # "Tencent Holdings Ltd (騰訊)": one naming, whatever the bracket holds.
                if following.entity_id == hit.entity_id:
                    end, index = bracket_end, index + 1
            elif bracket_end <= limit and not occupied.overlaps(end, bracket_end):
                end = bracket_end
            following = hits[index] if index < len(hits) else None
            if (
                following is not None
                and following.entity_id == hit.entity_id
                and text[following.start] in _QUOTE_CODE_MARKS
                and text[end : following.start].isspace()
            ):
                # "Japan's Nikkei .N225": the name and its quote code are one naming.
                end, index = following.end, index + 1
            # An ambiguous alias followed by a legal form is a company name: "Apple Inc".
            validated = hit.rule is not AliasRule.AMBIGUOUS or end > hit.end
            found.append(_Found(hit.start, end, hit.entity_id, "alias", None, hit.rule, validated))
        return found

    def _validate_ambiguous(self, text: str, found: list[_Found]) -> list[_Found]:
        """Keep ambiguous aliases that are capitalised names here, not ordinary words."""
        anchored = {f.entity_id for f in found if f.validated}
        pending = [f for f in found if not f.validated]
        for item in pending:
            if ordinary_word_after(text, item.end):
                continue
            entity = self.reference.entity(item.entity_id)
            is_person = entity is not None and entity.type == "person"
            if item.entity_id in anchored or in_name_context(text, item.start, item.end, is_person):
                item.validated = True
                anchored.add(item.entity_id)
        return [f for f in found if f.validated]

    def _short_forms_found(self, text: str, occupied: Occupied) -> list[_Found]:
        """Short forms that their context makes a company's name ("S&P downgraded ...")."""
        found = []
        for start, end, alias in short_form_hits(text):
            entity = self.reference.by_alias(alias)
            if entity is None or occupied.overlaps(start, end):
                continue
            occupied.add(start, end)
            found.append(_Found(start, end, entity.id, "alias"))
        return found

    # -- tickers ------------------------------------------------------------------------------

    def _join_tickers(
        self,
        text: str,
        found: list[_Found],
        ticker_hits: list[TickerHit],
        new_entities: dict[str, _NewEntity],
        extra_tickers: dict[str, list[str]],
    ) -> list[_Found]:
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

    def _name_before(self, text: str, hit: TickerHit, by_end: dict[int, _Found]) -> _Found | None:
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
        named: _Found | None,
        named_entity: str | None,
        new_entities: dict[str, _NewEntity],
        extra_tickers: dict[str, list[str]],
        result: list[_Found],
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
            if known_id is None and hit.ticker and not hit.strict:
                tickers = extra_tickers.setdefault(named.entity_id, [])
                if hit.ticker not in tickers:
                    tickers.append(hit.ticker)
            return named.entity_id
        if known_id is not None:
            if hit.strict:
                return None
            result.append(_Found(hit.start, hit.end, known_id, "ticker", hit.ticker))
            return known_id
        if named_entity is not None and hit.ticker and not hit.strict:
            # Second ticker of one bracket: "(NYSE: BABA, HKG: 9988)".
            result.append(_Found(hit.start, hit.end, named_entity, "ticker", hit.ticker))
            self._add_ticker(named_entity, hit.ticker, new_entities, extra_tickers)
            return named_entity
        return self._create_from_ticker(text, hit, new_entities, result)

    def _glued_to_name(
        self,
        text: str,
        hit: TickerHit,
        known: tuple[ReferenceEntity, Listing] | None,
        result: list[_Found],
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
        result.append(_Found(start, hit.end, entity.id, "ticker", hit.ticker))
        return entity.id

    def _create_from_ticker(
        self,
        text: str,
        hit: TickerHit,
        new_entities: dict[str, _NewEntity],
        result: list[_Found],
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
        entity_type: EntityType = "product" if _FUND_WORD.search(name) else ("company")
        entity_id = self._new_id(name, new_entities)
        entity = new_entities.setdefault(entity_id, _NewEntity(name, entity_type))
        if hit.ticker and hit.ticker not in entity.tickers:
            entity.tickers.append(hit.ticker)
        closing = _CLOSING.match(text, hit.end) if hit.bracketed else None
        end = closing.end() if closing and name_span is not None else hit.end
        # The longest name wins: "MSCI China ETF (NASDAQ: MCHI)" is the fund, not MSCI.
        result[:] = [f for f in result if not (start <= f.start and f.end <= hit.start)]
        result.append(_Found(start, end, entity_id, "ticker", hit.ticker))
        return entity_id

    def _add_ticker(
        self,
        entity_id: str,
        ticker: str,
        new_entities: dict[str, _NewEntity],
        extra_tickers: dict[str, list[str]],
    ) -> None:
        if entity_id in new_entities:
            tickers = new_entities[entity_id].tickers
        else:
            tickers = extra_tickers.setdefault(entity_id, [])
        if ticker not in tickers:
            tickers.append(ticker)

    def _new_id(self, name: str, new_entities: dict[str, _NewEntity]) -> str:
        slug = _SLUG_JUNK.sub("-", name.casefold()).strip("-") or "entity"
        if self.reference.entity(slug) is not None:
            slug = f"x-{slug}"
        return slug

    def _bare_tickers_found(
        self, text: str, found: list[_Found], occupied: Occupied
    ) -> list[_Found]:
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
            position = text.find(sym)
            while position != -1:
                end = position + len(sym)
                # Most finds of "T" or "GE" are inside words: those are not tried with the pattern
                match = _BARE_TICKER.match(text, position) if _apart(text, position, end) else None
                if (
                    match
                    and match["sym"] == sym
                    and not occupied.overlaps(position, end)
                    and (len(sym) >= 3 or _STOCK_AFTER.match(text, end))
                ):
                    occupied.add(position, end)
                    extra.append(_Found(position, end, entity_id, "ticker", ticker))
                position = text.find(sym, end)
        return extra

    def _bracket_tickers_found(
        self,
        text: str,
        found: list[_Found],
        occupied: Occupied,
        new_entities: dict[str, _NewEntity],
    ) -> list[_Found]:
        """ "Align Technology (ALGN)": a bare ticker in brackets after a name the list does not
        hold as written (see bracket_tickers.py for when the bracket is a ticker)."""
        candidates = [c for c in bracket_symbols(text) if not occupied.overlaps(c[0], c[1])]
        if not candidates:
            return []
        extra: list[_Found] = []
        unknown = []
        for start, end, symbol in candidates:
            ticker = symbol.replace(".", "-")
            known = self.reference.by_ticker(ticker)
            if known is None and never_a_ticker(symbol):
                continue  # "(AI)": the name before it is not looked for
            span = company_name_before(text, start)
            if span is None or occupied.overlaps(span[0], start):
                continue
            if known is None:
                unknown.append((span, end, symbol, ticker))
            elif name_agrees(text[span[0] : span[1]], known[0]):
                occupied.add(span[0], end)
                extra.append(_Found(span[0], end, known[0].id, "ticker", ticker))
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
            entity_id = self._new_id(name, new_entities)
            entity_type: EntityType = "product" if _FUND_WORD.search(name) else "company"
            entity = new_entities.setdefault(entity_id, _NewEntity(name, entity_type))
            if ticker not in entity.tickers:
                entity.tickers.append(ticker)
            occupied.add(span[0], end)
            extra.append(_Found(span[0], end, entity_id, "ticker", ticker))
        return extra

    def _short_names_found(
        self,
        text: str,
        found: list[_Found],
        occupied: Occupied,
        new_entities: dict[str, _NewEntity],
    ) -> list[_Found]:
        """ "Brookfield" after "Brookfield Asset Management (NYSE:BAM)": the first word of a
        company named in full (company_short_names.py says when)."""
        first_sure: dict[str, int] = {}
        for item in found:
            first_sure.setdefault(item.entity_id, item.start)
        candidates: dict[str, str] = {}
        first_words: dict[str, set[str]] = {}
        for entity_id in first_sure:
            if entity_id in new_entities:
                new = new_entities[entity_id]
                word = self.short_names.short_name(new.name, None) if new.tickers else None
                words: tuple[str, ...] = (new.name.split(" ")[0],)
            else:
                word = self.short_names.by_entity.get(entity_id)
                words = self.short_names.first_words.get(entity_id, ())
            if word is not None:
                candidates.setdefault(word, entity_id)
            for first in words:
                first_words.setdefault(first, set()).add(entity_id)
        if not candidates:
            return []
        # Names found later in the text (people, organisations) may share the word too.
        for entity_id, entity in new_entities.items():
            first_words.setdefault(entity.name.split(" ")[0], set()).add(entity_id)
        # A word that starts the names of two entities of the article is no one's short name.
        candidates = {w: e for w, e in candidates.items() if first_words.get(w, set()) <= {e}}
        extra = []
        for start, end, entity_id in short_name_spans(text, candidates, first_sure):
            if not occupied.overlaps(start, end):
                occupied.add(start, end)
                extra.append(_Found(start, end, entity_id, "coref"))
        return extra

    # -- people and organisations ---------------------------------------------------------------

    def _names_found(
        self,
        text: str,
        occupied: Occupied,
        new_entities: dict[str, _NewEntity],
        cue_matches: list[tuple[int, Cue]],
    ) -> list[_Found]:
        found = []
        for hit in self.names.find(text, occupied, cue_matches=cue_matches):
            entity_id = self._name_entity(hit, new_entities)
            end = cjk_bracket_end(text, hit.end)
            if end > hit.end and occupied.overlaps(hit.end, end):
                end = hit.end
            written = text[hit.start : hit.end].replace("\n", " ")
            kind = "coref" if hit.name != written else "pattern"
            found.append(_Found(hit.start, end, entity_id, kind, byline=hit.byline))
        return found

    def _name_entity(self, hit: NameHit, new_entities: dict[str, _NewEntity]) -> str:
        known = self.reference.by_alias(hit.name)
        if known is not None:
            return known.id
        for entity_id, entity in new_entities.items():
            if entity.name.casefold() == hit.name.casefold():
                return entity_id
        entity_id = self._new_id(hit.name, new_entities)
        new_entities.setdefault(entity_id, _NewEntity(hit.name, hit.type))
        return entity_id

    # -- entities -------------------------------------------------------------------------------

    def _title_entity_ids(
        self, title: str | None, new_entities: dict[str, _NewEntity], body_ids: set[str]
    ) -> set[str]:
        if not title:
            return set()
        ids = {
            h.entity_id
            for h in self.gazetteer.find(title)
            if h.rule is not AliasRule.AMBIGUOUS or h.entity_id in body_ids
        }
        for hit in find_ticker_hits(title):
            known = self.reference.by_ticker(hit.ticker) if hit.ticker else None
            if known:
                ids.add(known[0].id)
        ids |= {i for i, e in new_entities.items() if e.name in title}
        return ids

    def _entities(
        self,
        text: str,
        found: list[_Found],
        new_entities: dict[str, _NewEntity],
        extra_tickers: dict[str, list[str]],
        title_ids: set[str],
        published: dt.date | None,
    ) -> list[Entity]:
        lead = lead_end(text)
        counts: dict[str, int] = {}
        first: dict[str, int] = {}
        in_lead: set[str] = set()
        not_byline = {item.entity_id for item in found if not item.byline}
        for item in found:
            counts[item.entity_id] = counts.get(item.entity_id, 0) + 1
            first.setdefault(item.entity_id, item.start)
            if item.start < lead:
                in_lead.add(item.entity_id)
        described = {
            entity_id: self._describe(entity_id, new_entities, published) for entity_id in counts
        }
        stats = [
            EntityStats(
                entity_id,
                described[entity_id][1],
                counts[entity_id],
                first[entity_id],
                entity_id in title_ids,
                entity_id in in_lead,
                entity_id not in not_byline,
            )
            for entity_id in counts
        ]
        scores = relevance_scores(stats, len(text))
        entities = []
        for entity_id in counts:
            name, entity_type, tickers = described[entity_id]
            for ticker in extra_tickers.get(entity_id, []):
                if ticker not in tickers:
                    tickers.append(ticker)
            entities.append(
                Entity(
                    id=entity_id,
                    name=name,
                    type=entity_type,
                    tickers=tickers,
                    mentions=counts[entity_id],
                    relevance=scores[entity_id],
                )
            )
        entities.sort(key=lambda e: (-e.relevance, first[e.id]))
        return entities

    def _describe(
        self, entity_id: str, new_entities: dict[str, _NewEntity], published: dt.date | None
    ) -> tuple[str, EntityType, list[str]]:
        known = self.reference.entity(entity_id)
        if known is not None:
            # The tickers of the article's day: a 2021 story about Facebook gives `FB`.
            return known.name, known.type, known.tickers_on(published)
        new = new_entities[entity_id]
        return new.name, new.type, list(new.tickers)


def _apart(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] has no ASCII letter or digit right before or after it (a bare
    ticker needs that and more; this test is the cheap part)."""
    before, after = text[start - 1 : start] if start else "", text[end : end + 1]
    return not (before.isascii() and before.isalnum()) and not (after.isascii() and after.isalnum())
