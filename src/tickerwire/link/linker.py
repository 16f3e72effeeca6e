"""The link stage: mentions of companies, indices, people and organisations -> Entity records.

Order of work on one document (each step leaves the spans it took to the next):

1. inline tickers ("(NASDAQ: AMD)", "META.O", "$AAPL");
2. gazetteer aliases, longest first, extended over legal forms and bracketed Chinese names
   (none where the alias is a word of another name, other_names.py);
3. ambiguous aliases ("Apple", "Target") kept only with a business context
   (ambiguous_aliases.py);
4. tickers joined to the company named right before them; unknown tickers in a structured form
   create an entity named from the text (ticker_mentions.py);
5. short forms their context makes a name ("S&P downgraded ...", short_forms.py);
6. bare tickers of companies already named ("Alphabet GOOGL", "MSFT stock"), then bare tickers in
   brackets after a name ("Align Technology (ALGN)", bracket_tickers.py);
7. the first word of a company named in full ("Brookfield", company_short_names.py);
8. people and organisations outside the list (names.py);
9. entities with mention counts and relevance.

A `Linker` holds the automaton and lookup tables; build it once per ReferenceData.
"""

from __future__ import annotations

import datetime as dt

import regex

from tickerwire.link.ambiguous_aliases import (
    in_name_context,
    names_another_firm,
    ordinary_word_after,
)
from tickerwire.link.company_short_names import ShortNames, short_name_spans
from tickerwire.link.footer_tickers import footer_companies, footer_mentions
from tickerwire.link.furniture_spans import furniture_spans
from tickerwire.link.gazetteer import (
    AliasEntry,
    AliasRule,
    Gazetteer,
    cjk_bracket_end,
    fold_for_matching,
    suffix_end,
)
from tickerwire.link.index_futures import IndexFutures
from tickerwire.link.names import (
    Cue,
    NameFinder,
    NameHit,
    Occupied,
)
from tickerwire.link.other_names import another_name_here
from tickerwire.link.reference import ReferenceData, ReferenceEntity
from tickerwire.link.relevance import EntityStats, lead_end, relevance_scores
from tickerwire.link.short_forms import short_form_hits
from tickerwire.link.ticker_mentions import (
    FoundMention,
    NewEntity,
    TickerMentions,
    new_entity_id,
)
from tickerwire.link.tickers import find_ticker_hits
from tickerwire.link.word_starts import WordStarts
from tickerwire.records import CleanDocument, Entity, EntityType, LinkedDocument, Mention

# The first character of a quote-code alias (Reuters index codes ".N225", ".SPLRCL"; the dollar
# index "=USD"): written right after the index's name, it joins that mention.
_QUOTE_CODE_MARKS = frozenset(".=")
# An uppercase word as a ticker is written, not glued to what follows ("F-150" is no ticker).
_TICKER_WORD = regex.compile(r"[A-Z][A-Z.\-]*[A-Z](?![\w\-])")
# Between two names of a list: "Ford, Pepsi", "Ford and Pepsi", "Ford, and Pepsi".
_LIST_GAP = regex.compile(r",[ ](?:and[ ])?|[ ]and[ ]")


def _own_ticker_after(text: str, end: int, entity: ReferenceEntity) -> bool:
    """Whether the company's own ticker of two letters or more follows its name: "Amazon
    AMZN", "Apple AAPL" (Zacks lists companies so)."""
    if not text.startswith(" ", end):
        return False
    word = _TICKER_WORD.match(text, end + 1)
    return word is not None and len(word[0]) >= 2 and word[0] in entity.tickers


class Linker:
    """Finds the entities of a document. Build once per ReferenceData (see `link_document`)."""

    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        self.gazetteer = Gazetteer(reference)
        self.names = NameFinder()
        self.word_starts = WordStarts(self.gazetteer, self.names)
        self.short_names = ShortNames(reference)
        self.tickers = TickerMentions(reference)
        self.index_futures = IndexFutures(reference)

    def link(self, doc: CleanDocument) -> LinkedDocument:
        """Mentions and entities of `doc` (offsets into `doc.text`)."""
        text = doc.text
        folded = " " + fold_for_matching(text)
        occupied = Occupied(len(text))
        new_entities: dict[str, NewEntity] = {}
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
        found = self._alias_mentions(text, folded, occupied, alias_matches, doc.published)
        found = self.tickers.join(text, found, ticker_hits, new_entities, extra_tickers)
        found = self._validate_ambiguous(text, found)
        for item in found:
            occupied.add(item.start, item.end)
            # "Nasdaq futures" are the Nasdaq-100's (index_futures.py).
            item.entity_id = self.index_futures.entity_of(
                text, item.entity_id, item.start, item.end
            )
        found += self._footer_found(doc, occupied, new_entities)
        found += self._short_forms_found(text, occupied)
        found += self.tickers.bare_tickers_found(text, found, occupied)
        found += self.tickers.bracket_tickers_found(text, found, occupied, new_entities)
        found += self._short_names_found(text, found, occupied, new_entities)
        found += self._names_found(text, occupied, new_entities, cue_matches, doc.published)
        found.sort(key=lambda f: (f.start, f.end))
        mentions = [
            Mention(f.entity_id, f.start, f.end, text[f.start : f.end], f.kind, f.ticker)
            for f in found
        ]
        title_ids = self._title_entity_ids(
            doc.title, new_entities, {f.entity_id for f in found}, doc.published
        )
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
        published: dt.date | None,
    ) -> list[FoundMention]:
        hits = self.gazetteer.find(text, folded, matches)
        hits = [
            h
            for h in hits
            if not occupied.overlaps(h.start, h.end)
            and not self._names_other_firm(h.entity_id, text[h.start : h.end], published)
        ]
        found: list[FoundMention] = []
        index = 0
        while index < len(hits):
            hit = hits[index]
            index += 1
            following = hits[index] if index < len(hits) else None
            limit = following.start if following else len(text)
            entity = self.reference.entity(hit.entity_id)
            end = hit.end
            skip, occupy = another_name_here(text, hit, entity)
            if skip:
                if occupy:
                    occupied.add(hit.start, hit.end)  # no bare ticker there either ("MSCI")
                continue
            if entity is not None and entity.type == "company":
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
            found.append(
                FoundMention(hit.start, end, hit.entity_id, "alias", None, hit.rule, validated)
            )
        return found

    def _validate_ambiguous(self, text: str, found: list[FoundMention]) -> list[FoundMention]:
        """Keep ambiguous aliases that are capitalised names here, not ordinary words."""
        pending = [f for f in found if not f.validated]
        for item in pending:
            entity = self.reference.entity(item.entity_id)
            if entity is not None and _own_ticker_after(text, item.end, entity):
                item.validated = True  # "Amazon AMZN": the name and its own ticker
        anchored = {f.entity_id for f in found if f.validated}
        for item in pending:
            if item.validated:
                continue
            entity = self.reference.entity(item.entity_id)
            is_person = entity is not None and entity.type == "person"
            if ordinary_word_after(text, item.end, item.entity_id in anchored):
                continue
            if item.entity_id in anchored and not is_person:
                # Another mention names the company for sure, yet "Eaton Vance" after "Eaton
                # Corp" is still another firm: a longer name is no mention of this one.
                names = (entity.name, *entity.aliases) if entity is not None else ()
                item.validated = not names_another_firm(text, item.start, item.end, names)
            elif item.entity_id in anchored or in_name_context(
                text, item.start, item.end, is_person
            ):
                item.validated = True
                anchored.add(item.entity_id)
        if any(not f.validated for f in pending):
            self._validate_in_lists(text, found)
        return [f for f in found if f.validated]

    def _validate_in_lists(self, text: str, found: list[FoundMention]) -> None:
        """ "Disney, Caterpillar, Ford, Pepsi": an ambiguous company alias listed beside a
        company named for sure is one more company of the list."""
        ordered = sorted(found, key=lambda f: f.start)
        waiting = [
            index
            for index, item in enumerate(ordered)
            if not item.validated
            and self._is_company(item.entity_id)
            and not ordinary_word_after(text, item.end, False)
        ]
        changed = True
        while waiting and changed:
            changed = False
            for index in list(waiting):
                item = ordered[index]
                for left, right in ((index - 1, index), (index, index + 1)):
                    if left < 0 or right >= len(ordered):
                        continue
                    other = ordered[left if right == index else right]
                    if (
                        other.validated
                        and self._is_company(other.entity_id)
                        and _LIST_GAP.fullmatch(text, ordered[left].end, ordered[right].start)
                    ):
                        item.validated = changed = True
                        waiting.remove(index)
                        break

    def _footer_found(
        self, doc: CleanDocument, occupied: Occupied, new_entities: dict[str, NewEntity]
    ) -> list[FoundMention]:
        """The body's mentions of companies that only the page's footer lines give a ticker
        ("BlackLine (BL) : Free Stock Analysis Report", footer_tickers.py)."""
        companies = footer_companies(doc.removed, self.reference)
        if not companies:
            return []
        found = []
        for mention in footer_mentions(doc.text, companies, occupied):
            company = mention.company
            entity_id = self.tickers.new_company(company.name, company.ticker, new_entities)
            kind = "ticker" if mention.ticker else "alias"
            found.append(FoundMention(mention.start, mention.end, entity_id, kind, mention.ticker))
        return found

    def _is_company(self, entity_id: str) -> bool:
        entity = self.reference.entity(entity_id)
        return entity is None or entity.type == "company"

    def _short_forms_found(self, text: str, occupied: Occupied) -> list[FoundMention]:
        """Short forms that their context makes a company's name ("S&P downgraded ...")."""
        found = []
        for start, end, alias in short_form_hits(text):
            entity = self.reference.by_alias(alias)
            if entity is None or occupied.overlaps(start, end):
                continue
            occupied.add(start, end)
            found.append(FoundMention(start, end, entity.id, "alias"))
        return found

    # -- short names --------------------------------------------------------------------------

    def _short_names_found(
        self,
        text: str,
        found: list[FoundMention],
        occupied: Occupied,
        new_entities: dict[str, NewEntity],
    ) -> list[FoundMention]:
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
            else:
                word = self.short_names.by_entity.get(entity_id)
                for first in self.short_names.first_words.get(entity_id, ()):
                    first_words.setdefault(first, set()).add(entity_id)
            if word is not None:
                candidates.setdefault(word, entity_id)
        if not candidates:
            return []
        # Every entity made from a ticker so far (people and organisations come later) counts by
        # the first word of its name.
        for entity_id, entity in new_entities.items():
            first_words.setdefault(entity.name.split(" ")[0], set()).add(entity_id)
        # A word that starts the names of two entities of the article is no one's short name.
        candidates = {w: e for w, e in candidates.items() if first_words.get(w, set()) <= {e}}
        extra = []
        for start, end, entity_id in short_name_spans(text, candidates, first_sure):
            if not occupied.overlaps(start, end):
                occupied.add(start, end)
                extra.append(FoundMention(start, end, entity_id, "coref"))
        return extra

    # -- people and organisations ---------------------------------------------------------------

    def _names_found(
        self,
        text: str,
        occupied: Occupied,
        new_entities: dict[str, NewEntity],
        cue_matches: list[tuple[int, Cue]],
        published: dt.date | None,
    ) -> list[FoundMention]:
        found = []
        for hit in self.names.find(text, occupied, cue_matches=cue_matches):
            entity_id = self._name_entity(hit, new_entities, published)
            end = cjk_bracket_end(text, hit.end)
            if end > hit.end and occupied.overlaps(hit.end, end):
                end = hit.end
            written = text[hit.start : hit.end].replace("\n", " ")
            kind = "coref" if hit.name != written else "pattern"
            found.append(FoundMention(hit.start, end, entity_id, kind, byline=hit.byline))
        return found

    def _name_entity(
        self, hit: NameHit, new_entities: dict[str, NewEntity], published: dt.date | None
    ) -> str:
        known = self.reference.by_alias(hit.name)
        if known is not None and not known.names_other_firm(hit.name, published):
            return known.id
        for entity_id, entity in new_entities.items():
            if entity.name.casefold() == hit.name.casefold():
                return entity_id
        entity_id = new_entity_id(self.reference, hit.name)
        new_entities.setdefault(entity_id, NewEntity(hit.name, hit.type))
        return entity_id

    def _names_other_firm(self, entity_id: str, written: str, published: dt.date | None) -> bool:
        """An acquired firm's name in a text from before the takeover ("Merrill Lynch" in 1987):
        no mention of the acquirer."""
        if published is None:
            return False
        entity = self.reference.entity(entity_id)
        return entity is not None and entity.names_other_firm(written, published)

    # -- entities -------------------------------------------------------------------------------

    def _title_entity_ids(
        self,
        title: str | None,
        new_entities: dict[str, NewEntity],
        body_ids: set[str],
        published: dt.date | None,
    ) -> set[str]:
        if not title:
            return set()
        ids = {
            h.entity_id
            for h in self.gazetteer.find(title)
            if (h.rule is not AliasRule.AMBIGUOUS or h.entity_id in body_ids)
            and not self._names_other_firm(h.entity_id, title[h.start : h.end], published)
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
        found: list[FoundMention],
        new_entities: dict[str, NewEntity],
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
        self, entity_id: str, new_entities: dict[str, NewEntity], published: dt.date | None
    ) -> tuple[str, EntityType, list[str]]:
        known = self.reference.entity(entity_id)
        if known is not None:
            # The tickers of the article's day: a 2021 story about Facebook gives `FB`.
            return known.name, known.type, known.tickers_on(published)
        new = new_entities[entity_id]
        return new.name, new.type, list(new.tickers)
