"""Whose shares or whose figure: owners named, referred to ("its"), or the article's subject.

`OwnerResolver` answers for one sentence: the company of "shares of X", "X's shares", "its
stock", a bare "the stock", and the company of a figure ("X's revenue", "revenue at X", "its
revenue", or a sentence that names nobody). A reference resolves to a company named before, with
a confidence penalty, and never to our company when the sentence names a company we do not know.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.document import DocumentContext, EntityGroup
from tickerwire.extract.lexicon import VENUE
from tickerwire.extract.metric_terms import MetricTerm, canonical_segment
from tickerwire.extract.owner_cues import (
    AGGREGATE_SENTENCE,
    ANALYSTS_AT,
    CLAUSE_AFTER_NUMBER,
    HOLDER_NAME,
    PERIOD_WORDS,
    POSSESSIVE_NAME,
    SENTENCE_END,
)
from tickerwire.extract.sentences import Sentence

TermKind = Literal["entity", "share", "metric", "blocker"]

# Confidence penalties for owners found by reference rather than by name. Chosen by reading the
# seed and FNSPID outputs: a pronoun is usually right (small penalty); the article's main
# company for a bare "the stock" is right less often (larger penalty).
PRONOUN_PENALTY = 0.1
# Below this relevance a company that "expects" a figure is taken for an analyst or a data
# provider quoted in passing (the linker gives the article's subjects 0.5 and more).
SOURCE_RELEVANCE = 0.3
FALLBACK_PENALTY = 0.25
_SPACES = regex.compile(r"\s+")
# How far back a sentence without a company looks for the subject of the text around it: three
# sentences, about two short paragraphs of news prose.
_SUBJECT_LOOKBACK = 3
_SUBJECT_LOOKBACK_CHARS = 600
_POSSESSIVE_PRONOUN = regex.compile(
    r"\b(?P<pron>its|their|the\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|giant|maker|"
    r"drugmaker|chipmaker|carmaker|automaker|retailer|lender|bank|insurer|operator|"
    r"conglomerate|platform|tech|business|startup|miner|producer|manufacturer|airline)'s?|"
    r"the\s+(?:[\w-]+\s+){0,4}?[a-z][\w-]*'s)"
    r"\s+(?:[\w.-]+\s+){0,2}$",
    regex.IGNORECASE,
)
# Descriptions that name a company's industry ("the chipmaker", "the world's biggest lender"):
# one stands for a company only when the text calls that company so elsewhere ("chipmaker
# Nvidia", "Nvidia, the chipmaker"); generic nouns ("the company", "the giant") fit any company.
_INDUSTRY_DESCRIPTION = regex.compile(
    r"\bthe\s+(?:[\w'’-]+\s+){0,4}?(?P<noun>chipmaker|drugmaker|carmaker|automaker|retailer|"
    r"lender|bank|insurer|miner|airline)(?:'s|’s)?\s+(?:[\w.-]+\s+){0,2}$",
    regex.IGNORECASE,
)
# "Nvidia, the world's most valuable chipmaker", "Nvidia (NVDA), a chipmaker", "Nvidia is the
# chipmaker ...": a description set right after the name.
_APPOSITION = regex.compile(
    r"(?:\s*\([^()]{1,20}\))?(?:\s*,\s*|\s+is\s+)(?:the|a|an)\s+[^.;:,()]{0,50}",
    regex.IGNORECASE,
)
_OF_DESCRIPTION = regex.compile(
    r"(?:the\s+)(?:[\w'’-]+\s+){0,4}?(?P<noun>chipmaker|drugmaker|carmaker|automaker|"
    r"retailer|lender|bank|insurer|miner|airline)\b",
    regex.IGNORECASE,
)
_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:for|to|by|against)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
# A name with its bracketed ticker ("Meritage (MTH)", "Fabrinet (NYSE: FN)").
_TICKERED_NAME_TEXT = r"\b[A-Z][\w&.-]+\s*\((?:NYSE|NASDAQ|Nasdaq|NYSEARCA)?:?\s?[A-Z]{1,5}\)"
_TICKERED_NAME = regex.compile(_TICKERED_NAME_TEXT)
_COMPANY_LIKE = regex.compile(
    r"\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:Inc|Corp|Co|Ltd|Group|Holdings|PLC|plc|SA|AG|NV|"
    rf"LLC)\b|{_TICKERED_NAME_TEXT}|"
    r"\b[A-Z0-9]{2,5}\.[A-Z]{1,2}\b"
)
_VERB_NEXT = regex.compile(
    r"(?:anticipates|expects|reported|reports|posted|posts|said|says|has|had|delivered|"
    r"generated|forecasts|sees|booked|recorded|announced|saw|made)\b"
)
_DEMONYM = regex.compile(r"(?:ese|ian|ean|can|ish)$")
_NAME_TOKEN = regex.compile(r"(?<![\w'-])[A-Z][\w&.'-]*")
# Capitalised words of financial prose that name no company.
_PLAIN_CAPITALS = frozenset(
    {
        *("the", "a", "an", "in", "on", "at", "for", "of", "and", "but", "as", "its", "their"),
        *("this", "that", "these", "those", "it", "they", "we", "our", "i", "he", "she"),
        *("q1", "q2", "q3", "q4", "fy", "ceo", "cfo", "coo", "eps", "gaap", "non-gaap", "ai"),
        *("u.s", "us", "usa", "zacks", "consensus", "estimate", "estimates", "rank", "lseg"),
        *("wall", "street", "revenue", "revenues", "sales", "net", "gross", "operating", "total"),
        *("adjusted", "earnings", "income", "profit", "margin", "fiscal", "year", "quarter"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun"),
        *("jul", "aug", "sep", "sept", "oct", "nov", "dec", "ttm", "yoy", "analysts", "shares"),
        *("according", "data", "reuters", "visible", "alpha", "factset", "refinitiv"),
        *("cagr", "esp", "ebitda", "fx", "etf", "ipo", "aws", "capex", "r&d", "mln", "dlrs"),
    }
)
# Names after these are who said or estimated a figure, not whose figure it is.
_SOURCE_BEFORE = regex.compile(
    r"\b(?:by|according\s+to|per|from|via|polled\s+by|data\s+from)\s+(?:the\s+)?$", regex.I
)
_FORECAST_VERB = regex.compile(
    r"\s*(?:\w+\s+){0,2}?(?:expects?|estimates?|forecasts?|projects?|predicts?|sees|shows?|"
    r"showed)\b",
    regex.I,
)
# "Dataquest estimates that sales of chips totaled ...": who estimates, not whose figure.
_ESTIMATES_THAT = regex.compile(
    r"\s+(?:[\w-]+\s+){0,2}?(?:estimates?|estimated|calculates?|calculated|reckons?)\s+that\b",
    regex.IGNORECASE,
)
_OWN_FIGURE = regex.compile(r"\b(?:its|their|own)\b", regex.IGNORECASE)
# "Hartford Insurance Group, a unit of New York-based ITT Corp, said net income ...": the
# company named as a parent in an apposition is not the subject whose figure follows.
_PARENT_BEFORE = regex.compile(
    r"\b(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:unit|subsidiary|division|arm|affiliate)\s+of\s+"
    r"(?:[\w.-]+\s+){0,2}?$",
    regex.IGNORECASE,
)
_OF_IN = regex.compile(r"\s+(?:of|in)\s+")
_OF_NAME = regex.compile(r"(?:the\s+)?(?:[a-z-]+\s+){0,2}[A-Z]")
_AT_OF = regex.compile(r"\s+(?:at|of|for|from)\s+")
_GAP_WORD = regex.compile(r"[\w.-]+")
_NAME_WORD = regex.compile(r"[\w.&'-]+")
_IN_PASSING = regex.compile(
    r"\b(?:like|likes\s+of|such\s+as|including|than|versus|vs\.?|rivals?|competitors?|peers?|"
    # "new competition in the space from Eli Lilly", "competing with AMD": a counterpart
    r"competition\s+(?:[\w-]+\s+){0,4}?(?:from|with)|competing\s+(?:with|against)|"
    r"compared\s+(?:with|to))\s+(?:[\w.&'-]+(?:\s+|,\s*)){0,4}?(?:(?:and|or)\s+)?$",
    regex.IGNORECASE,
)
# What may stand right before a bare "shares"/"the stock" that we attribute by context: an
# article, a preposition, or nothing (clause start). Venue words are removed first.
_BARE_SHARE_START = regex.compile(
    r"(?:[,;]\s*|\b(?:the|its|and|with|as|in|of|sending|sent|leaving|lifting|pushing)\s+)"
    r"(?:(?:class\s+[AB]|common|ordinary|listed|traded)\s+)?$",
    regex.IGNORECASE,
)
_COORDINATION = regex.compile(r"\s*(?:,\s*and|,|and|&|as\s+well\s+as|plus)\s*$", regex.IGNORECASE)
_OWNER_GAP_STOP = frozenset(
    [
        "have",
        "has",
        "had",
        "are",
        "is",
        "was",
        "were",
        "and",
        "or",
        "but",
        "with",
        "while",
        "after",
        "as",
        "that",
        "which",
        "said",
        "says",
        "reported",
        "rose",
        "fell",
        "the",
        "a",
        "an",
    ]
)
# A clause set before the main one ("Even though revenue fell 18%, ...").
_FRONTED_SUBORDINATE = regex.compile(
    r"(?:Even\s+though|Although|Though|Despite|Whereas)\b[^,;]*$", regex.IGNORECASE
)
# Between the comma closing it and the main clause's subject: a description in lower case
# ("homebuilder", "the chipmaker").
_DESCRIPTOR_GAP = regex.compile(r"\s*(?:[a-z][\w-]*\s+){0,3}")
_AT_ENTITY = regex.compile(r"\b(?:at|for|of)\s+$", regex.IGNORECASE)


# A clause set against the one before, whose subject is a pronoun: it may be either company.
_CONTRAST_PRONOUN = regex.compile(
    r"\b(?:but|while|whereas|although|though|yet)\s+(?:it|they)\b", regex.IGNORECASE
)
# Words of a forecast of a figure, and of a company's results.
_FORECAST_WORD = regex.compile(
    r"\b(?:consensus|estimates?|estimated|expected|expects?|forecasts?|pegged|projected)\b",
    regex.IGNORECASE,
)
_RESULTS_WORD = regex.compile(
    r"\b(?:earnings|results|revenues?|sales|EPS|profits?|quarter|report(?:s|ed|ing)?)\b",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Owner:
    """The company (or index) a change belongs to, and how sure the attribution is."""

    entity_id: str
    ticker: str | None = None
    penalty: float = 0.0


# Not frozen, though never changed: one is built per subject word, and frozen=True makes building
# cost three times as much (object.__setattr__ per field); unsafe_hash keeps the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class Term:
    start: int
    end: int
    kind: TermKind
    group: EntityGroup | None = None
    metric: MetricTerm | None = None


class OwnerResolver:
    """Owner questions about one sentence (the base of `subject_scan.SubjectScanner`)."""

    def __init__(self, ctx: DocumentContext, sentence: Sentence):
        self.ctx = ctx
        self.sentence = sentence
        self.text = ctx.text

    def _companies(self, start: int, end: int) -> list[EntityGroup]:
        return [g for g in self.ctx.groups_in(start, end) if g.entity_type == "company"]

    def _coordinated(self, last: EntityGroup) -> list[EntityGroup]:
        """'Snap SNAP.N and Pinterest PINS.N': the companies joined to `last` by and/commas."""
        chain = [last]
        candidates = self._companies(self.sentence.start, last.start)
        for group in reversed(candidates):
            if group.entity_id == chain[0].entity_id and group.end + 15 >= chain[0].start:
                chain[0] = group  # "Meta Platforms ... META.O": one name written twice
            elif _COORDINATION.match(self.text, group.end, chain[0].start):
                chain.insert(0, group)
            else:
                break
        return chain

    def _coordinated_after(self, first: EntityGroup) -> list[EntityGroup]:
        chain = [first]
        for group in self._companies(first.end, self.sentence.end):
            if _COORDINATION.match(self.text, chain[-1].end, group.start):
                chain.append(group)
            else:
                break
        return chain

    def share_owners(self, term: Term) -> tuple[tuple[Owner, ...], int]:
        """Whose shares: 'shares of X', "X's shares", 'its shares', or a bare 'the stock'."""
        text = self.text
        after = _OF_IN.match(text, term.end, self.sentence.end)
        if after is not None:
            following = self._companies(after.end(), min(self.sentence.end, after.end() + 3))
            if following:
                chain = self._coordinated_after(following[0])
                return tuple(Owner(g.entity_id, g.ticker) for g in chain), term.start
            if _OF_NAME.match(text, after.end(), self.sentence.end):
                return (), term.start  # "shares of chipmaker AMDAMD.O": a company we do not know
            described = _OF_DESCRIPTION.match(text, after.end(), self.sentence.end)
            if described is not None:
                # "shares of the world's biggest chipmaker": the company the text calls so
                owners = self._pronoun_owners(term.start, plural=False)
                if self._companies(self.sentence.start, term.start):
                    return owners, term.start
                return self._described_as(owners, described.group("noun")), term.start
        before = self._companies(self.sentence.start, term.start)
        if before:
            nearest = before[-1]
            gap = text[nearest.end : term.start]
            if self._owner_gap(gap):
                chain = self._coordinated(nearest)
                return tuple(Owner(g.entity_id, g.ticker) for g in chain), chain[0].start
        pronoun = _POSSESSIVE_PRONOUN.search(
            text, max(self.sentence.start, term.start - 60), term.start
        )
        if pronoun is not None:
            plural = pronoun.group("pron").lower() == "their"
            owners = self._pronoun_owners(pronoun.start(), plural)
            described = _INDUSTRY_DESCRIPTION.search(text, pronoun.start(), term.start)
            if described is not None and not self._companies(self.sentence.start, term.start):
                # (a company named earlier in the same sentence is the one described: "X posted
                # results, sending the drugmaker's shares up 1%")
                owners = self._described_as(owners, described.group("noun"))
            return owners, pronoun.start()
        if self._unknown_name_before(term.start):
            return (), term.start
        window_start = max(self.sentence.start, term.start - 40)
        before_text = _SPACES.sub(" ", VENUE.sub(" ", text[window_start : term.start])).strip()
        at_sentence_start = window_start == self.sentence.start and not before_text
        if not at_sentence_start and not _BARE_SHARE_START.search(before_text + " "):
            return (), term.start
        owner = self._fallback_owner(term.start)
        return ((owner,) if owner else ()), term.start

    def _described_as(self, owners: tuple[Owner, ...], noun: str) -> tuple[Owner, ...]:
        """The owners the text elsewhere calls by the industry `noun` ("chipmaker Nvidia",
        "Nvidia, the world's biggest chipmaker"); none when it never does (no sector data says
        whether Tesla is a chipmaker, so only the text's own words may)."""
        text = self.text
        near = regex.compile(r"\b" + noun + r"s?\b", regex.IGNORECASE)
        fitting = []
        for owner in owners:
            for group in self.ctx.groups:
                if group.entity_id != owner.entity_id:
                    continue
                if near.search(text, group.start, group.end):
                    fitting.append(owner)  # "Aozora Bank", "American Airlines"
                    break
                before = text[max(0, group.start - 30) : group.start]
                after = _APPOSITION.match(text, group.end, min(len(text), group.end + 60))
                if (near.search(before) and not regex.search(r"[.;:!?]", before)) or (
                    after is not None and near.search(after.group())
                ):
                    fitting.append(owner)
                    break
        return tuple(fitting)

    def _owner_gap(self, gap: str) -> bool:
        """Whether only a possessive and venue/class words stand between a name and 'shares'."""
        if any(ch in gap for ch in ',;:()"') or len(gap) > 40:
            return False
        words = _GAP_WORD.findall(gap.strip().removeprefix("'s").removeprefix("'"))
        return len(words) <= 3 and not any(w.lower() in _OWNER_GAP_STOP for w in words)

    def _unknown_name_before(self, position: int) -> bool:
        """'Nissan shares' with Nissan unknown: a capitalised name owns them, not our company."""
        window = self.text[max(self.sentence.start, position - 30) : position]
        window = VENUE.sub(" ", window)
        words = _NAME_WORD.findall(window)[-2:]
        sentence_first = self.text[self.sentence.start : position].split()[:1]
        for word in words:
            if (
                word[:1].isupper()
                and word not in ("The", "Its", "Their")
                and [word] != sentence_first
            ):
                return True
        return False

    def _pronoun_owners(self, position: int, plural: bool) -> tuple[Owner, ...]:
        before = self._companies(self.sentence.start, position)
        if before:
            chain = self._coordinated(before[-1]) if plural else [before[-1]]
            return tuple(Owner(g.entity_id, g.ticker, PRONOUN_PENALTY) for g in chain)
        owner = self._previous_company(PRONOUN_PENALTY)
        return (owner,) if owner else ()

    def _previous_company(self, penalty: float) -> Owner | None:
        """The company a back-reference points to: the last one named before this sentence
        (nearby, and not named in passing: "rivals like X and Y"), else the main company."""
        index = self.sentence.index
        if index > 0:
            previous = self.ctx.sentences[index - 1]
            if not self._companies(previous.start, previous.end) and self._unknown_possessor(
                previous.start, previous.end
            ):
                return None  # "... for Fabrinet's earnings. It is estimated to ...": not ours
        window_start = max(0, self.sentence.start - 400)
        earlier = [
            g for g in self._companies(window_start, self.sentence.start) if not self._in_passing(g)
        ]
        if earlier:
            return Owner(earlier[-1].entity_id, None, penalty)
        if self.ctx.main_company is not None:
            return Owner(self.ctx.main_company, None, FALLBACK_PENALTY)
        return None

    def _unknown_possessor(self, start: int, end: int) -> bool:
        """Whether text[start:end] names a company we do not know with a company's marks: a
        suffix or a ticker ("Fabrinet Inc", "Fabrinet (FN)") or a possessive ("Fabrinet's")."""
        text = self._unlinked_text(start, end)
        if _COMPANY_LIKE.search(text):
            return True
        for match in POSSESSIVE_NAME.finditer(text):
            plain = match.group("name").rstrip(".").lower()
            if plain in _PLAIN_CAPITALS or canonical_segment(plain) or _DEMONYM.search(plain):
                continue
            return True
        return False

    def _main_clause_subject(self, position: int) -> Owner | None:
        """'Even though quarterly revenue fell 18%, builder Meritage beat forecasts': a
        figure in a clause set before the main one is of the main clause's subject, named
        right after the comma."""
        start = self.sentence.start
        if not _FRONTED_SUBORDINATE.match(self.text, start, position):
            return None
        comma = self.text.find(",", position, self.sentence.end)
        if comma == -1:
            return None
        groups = self._companies(comma, min(self.sentence.end, comma + 50))
        if not groups or not _DESCRIPTOR_GAP.fullmatch(self.text, comma + 1, groups[0].start):
            return None
        return Owner(groups[0].entity_id, groups[0].ticker)

    def _unknown_company_after(self, position: int) -> bool:
        """Whether the sentence names, after `position`, a company we do not know with its
        ticker ("builder Meritage (MTH)")."""
        start, end = position, self.sentence.end
        if self.text.find("(", start, end) == -1:
            return False  # no bracketed ticker (the only mark looked for here)
        return _TICKERED_NAME.search(self._unlinked_text(start, end)) is not None

    def _unlinked_text(self, start: int, end: int) -> str:
        """text[start:end] with the names we link blanked out (same length): what is left
        names no company we know."""
        text = self.text[start:end]
        for group in self.ctx.groups_in(start, end):
            a, b = group.start - start, group.end - start
            text = text[:a] + " " * (b - a) + text[b:]
        return text

    def _in_passing(self, group: EntityGroup) -> bool:
        """'players like Meituan and JD.com', 'more valuable than Apple': an example or a
        comparison, not the subject a later 'its' refers to."""
        before = self.text[max(0, group.start - 40) : group.start]
        ends = list(SENTENCE_END.finditer(before))
        if ends:
            before = before[ends[-1].end() :]  # "more than 2 to 1.\nHP (HPQ)": not "than HP"
        return bool(_IN_PASSING.search(before))

    def _prepositional_object(self, group: EntityGroup) -> bool:
        """'It has worked out well for Berkshire', 'sold its stake to Microsoft': a company
        named as a beneficiary, a recipient or an agent is not the topic a later bare 'the
        stock' takes up ("with" is left out: "late to the party with Amazon" is about Amazon)."""
        if self.text.startswith(("'s", "’s"), group.end):
            return False  # "the estimate for Meta's earnings": Meta is what the words are about
        return bool(_PREPOSITION_BEFORE.search(self.text, max(0, group.start - 12), group.start))

    def _fallback_owner(self, position: int) -> Owner | None:
        """Whose 'shares' when the sentence names no owner: the one company named before in
        the sentence, else the one company of the previous sentence, else the main company."""
        before = self._companies(self.sentence.start, position)
        if len({g.entity_id for g in before}) == 1:
            if self._in_passing(before[-1]):
                return None  # "more than Apple, shares ...": a counterpart owns no bare shares
            return Owner(before[-1].entity_id, None, PRONOUN_PENALTY)
        if self._companies(self.sentence.start, self.sentence.end):
            return None
        index = self.sentence.index
        if index > 0:
            previous = self.ctx.sentences[index - 1]
            if (
                previous.paragraph == self.sentence.paragraph
                or self.sentence.start - previous.end < 3
            ):
                # a company named there as a counterpart ("competition from Eli Lilly", "rivals
                # like AMD") is not the one whose shares the next sentence tells
                groups = self._companies(previous.start, previous.end)
                named = {
                    g.entity_id
                    for g in groups
                    if not self._in_passing(g) and not self._prepositional_object(g)
                }
                if len(named) == 1:
                    return Owner(named.pop(), None, PRONOUN_PENALTY)
        main = self.ctx.main_company
        if main is None:
            return self._paragraph_subject()
        earlier = [
            g
            for g in self._companies(max(0, self.sentence.start - 400), self.sentence.start)
            if not self._in_passing(g) and not self._prepositional_object(g)
        ]
        if earlier and earlier[-1].entity_id != main:
            return None  # the paragraph is about another company
        return Owner(main, None, FALLBACK_PENALTY)

    def _paragraph_subject(self) -> Owner | None:
        """In an article about no one company: the company the nearest of the few sentences
        before opens with, when they name no other ("Apple reported ... . Revenues of ... .
        ... helping the stock dip 1.9%")."""
        index = self.sentence.index
        for previous in reversed(self.ctx.sentences[max(0, index - _SUBJECT_LOOKBACK) : index]):
            if self.sentence.start - previous.end > _SUBJECT_LOOKBACK_CHARS:
                return None
            named = {g.entity_id for g in self._companies(previous.start, previous.end)}
            opening = self._opening_company(previous)
            if opening is not None and named == {opening}:
                return Owner(opening, None, FALLBACK_PENALTY)
            if named:
                return None
        return None

    def metric_owner(self, term: Term, anchor: int) -> Owner | None:
        """Whose figure: 'revenue at X', "X's revenue", 'X reported revenue', else 'its'.

        A figure of an index or of a group we cannot place ("aggregate S&P 500 earnings",
        "total earnings for the 'Mag 7'") belongs to no company: None.
        """
        at = _AT_OF.match(self.text, term.end, self.sentence.end)
        if at is not None:
            following = self._companies(at.end(), min(self.sentence.end, at.end() + 3))
            if following:
                return Owner(following[0].entity_id, following[0].ticker)
            if self._other_holder_follows(at.end()):
                return None
        if self._index_before(term.start):
            return None
        aggregate = AGGREGATE_SENTENCE.search(self.text, self.sentence.start, self.sentence.end)
        if aggregate is not None and aggregate.start() <= term.start:
            return None  # "... for Nvidia, ... total Q4 earnings for the group are up 14.5%"
        # "according to LSEG", "analysts polled by LSEG", "LSEG expects revenue ...": a data
        # provider telling an estimate is its source, not its owner; the figure is the
        # company the text is about
        named = self._companies(self.sentence.start, term.start)
        sources = {
            g.entity_id
            for g in named
            if self._is_source(g, term)
            or (
                _ESTIMATES_THAT.match(self.text, g.end, term.start)
                and not _OWN_FIGURE.search(self.text, g.end, term.start)
            )
        }
        before = [
            g
            for g in named
            if not _SOURCE_BEFORE.search(self.text, max(self.sentence.start, g.start - 25), g.start)
            and g.entity_id not in sources
        ]
        if before:
            nearest = before[-1]
            if _PARENT_BEFORE.search(
                self.text, max(self.sentence.start, nearest.start - 50), nearest.start
            ):
                return None  # the figure is the unit's, named before its parent
            if len({g.entity_id for g in before}) > 1 and _CONTRAST_PRONOUN.search(
                self.text, nearest.end, term.start
            ):
                # "The growth for Apple is below that of Microsoft, but it is in the $3T
                # market cap range": which company "it" is the sentence does not say
                return None
            return Owner(
                nearest.entity_id, nearest.ticker, PRONOUN_PENALTY if nearest.coref else 0.0
            )
        main_subject = self._main_clause_subject(term.start)
        if main_subject is not None:
            return main_subject
        if self._unknown_company_named(term.start):
            return None  # "HP's revenues", "Qorvo (QRVO) bested ...": a company we do not know
        if aggregate is not None:
            return None  # "total earnings for the Mag 7 ... on 13% higher revenues": a group's
        pronoun = _POSSESSIVE_PRONOUN.search(
            self.text, max(self.sentence.start, term.start - 60), term.start
        )
        if pronoun is not None:
            owner = self._previous_company(PRONOUN_PENALTY)
        elif self._unknown_company_after(term.end):
            return None  # "revenue slid 9%, builder Meritage (MTH) beat ...": its own
        else:
            owner = self._carried_forecast_subject(term) or self._article_subject()
        if owner is not None and owner.entity_id in sources:
            return None  # "researcher Dataquest estimates that chip sales totaled": a market's
        return owner

    def _carried_forecast_subject(self, term: Term) -> Owner | None:
        """A forecast of a whole company's figure opening a paragraph with no name ("The
        consensus estimate for second-quarter earnings stands at $1.10"), after a paragraph
        whose last sentence is about one company's results ("Apple's earnings beat estimates in
        each of the last four quarters."): that company's. Not a business line's or a market's
        figure ("Retail sales rose 0.6%"), nor after a sentence about anything but results."""
        index = self.sentence.index
        if index == 0 or (term.metric is not None and term.metric.segment is not None):
            return None
        previous = self.ctx.sentences[index - 1]
        if previous.paragraph != self.sentence.paragraph - 1:
            return None
        if not _FORECAST_WORD.search(self.text, self.sentence.start, self.sentence.end):
            return None
        if not _RESULTS_WORD.search(self.text, previous.start, previous.end):
            return None
        opening = self._opening_company(previous)
        named = {g.entity_id for g in self._companies(previous.start, previous.end)}
        if opening is None or named != {opening}:
            return None
        return Owner(opening, None, FALLBACK_PENALTY)

    def _index_before(self, position: int) -> bool:
        """'S&P 500 earnings', "the index's profit": an index named right before the figure."""
        groups = self.ctx.groups_in(self.sentence.start, position)
        if not groups or groups[-1].entity_type != "index":
            return False
        return self._owner_gap(self.text[groups[-1].end : position])

    def _other_holder_follows(self, position: int) -> bool:
        """'earnings for the "Mag 7"', 'revenue of Tesla's rivals': after "of/for/at", a name
        that is not a company we know (nor a month, a quarter or a business line)."""
        window = self.text[position : min(self.sentence.end, position + 30)]
        match = HOLDER_NAME.match(window)
        if match is None:
            return False
        if self.ctx.groups_in(position, position + match.end()):
            return True  # an index or another organisation we know
        word = match.group("word").removesuffix("'s").rstrip(".").lower()
        first = word.split("-")[0]  # "the April-June period"
        return not (first in _PLAIN_CAPITALS or first in PERIOD_WORDS or canonical_segment(word))

    def _is_source(self, group: EntityGroup, term: Term) -> bool:
        """A company the article barely mentions, telling a forecast of a figure that is not
        its own ("LSEG expects revenue from the segment to rise"): the source, not the owner."""
        between = self.text[group.end : term.start]
        if not _FORECAST_VERB.match(between) or _OWN_FIGURE.search(between):
            return False
        entity = self.ctx.entities.get(group.entity_id)
        return entity is not None and entity.relevance < SOURCE_RELEVANCE

    def _article_subject(self) -> Owner | None:
        """Whose figure a sentence without a name gives: the article's main company when the
        text around is about it, else the company named last before the sentence."""
        index = self.sentence.index
        if index > 0:
            previous = self.ctx.sentences[index - 1]
            if previous.paragraph == self.sentence.paragraph:
                # the previous sentence's subject: a company named at its start
                opening = self._opening_company(previous)
                if opening is not None:
                    return Owner(opening, None, FALLBACK_PENALTY)
            if not self._companies(previous.start, previous.end) and self._unknown_possessor(
                previous.start, previous.end
            ):
                return None  # the sentence before is about a company we do not know
        main = self.ctx.main_company
        recent = self._recent_subject()
        if main is not None:
            if recent is not None and recent != main:
                return None  # the sentences just before are about another company
            return Owner(main, None, FALLBACK_PENALTY)
        if recent is not None:
            return Owner(recent, None, FALLBACK_PENALTY)  # the subject of the text just before
        window_start = max(0, self.sentence.start - 400)
        earlier = [
            g for g in self._companies(window_start, self.sentence.start) if not self._in_passing(g)
        ]
        return Owner(earlier[-1].entity_id, None, FALLBACK_PENALTY) if earlier else None

    def _opening_company(self, sentence: Sentence) -> str | None:
        """The company a sentence opens with (its subject), if any."""
        opening = self._companies(sentence.start, min(sentence.end, sentence.start + 40))
        if (
            opening
            and not self._in_passing(opening[0])
            and not self._is_quoted(opening[0])
            and not self._prepositional_object(opening[0])  # "... paid off for Berkshire"
        ):
            return opening[0].entity_id
        return None

    def _recent_subject(self) -> str | None:
        """The subject company of the nearest of the few sentences before this one that opens
        with a company (across a paragraph break: a new paragraph often carries on)."""
        index = self.sentence.index
        for previous in reversed(self.ctx.sentences[max(0, index - _SUBJECT_LOOKBACK) : index]):
            if self.sentence.start - previous.end > _SUBJECT_LOOKBACK_CHARS:
                break
            opening = self._opening_company(previous)
            if opening is not None:
                return opening
        return None

    def _is_quoted(self, group: EntityGroup) -> bool:
        """'According to analysts from Bank of America': a source of the sentence, not its
        subject."""
        before = self.text[max(0, group.start - 30) : group.start]
        return bool(_SOURCE_BEFORE.search(before) or ANALYSTS_AT.search(before))

    def _unknown_company_named(self, position: int) -> bool:
        """Whether the sentence names, before `position`, a company that is not in the
        reference: a capitalised name with a company suffix or a ticker, an unknown possessive
        right before the figure, or a capitalised word past the first one that we cannot
        place. Figures of such sentences are not attributed to the article's company."""
        text = self._unlinked_text(self.sentence.start, position)
        if _COMPANY_LIKE.search(text):
            return True
        words = _NAME_TOKEN.findall(text)
        for index, word in enumerate(words):
            plain = word.removesuffix("'s").rstrip(".").lower()
            if index == 0 and not word.endswith("'s") and not (word.isupper() and len(word) > 1):
                # the sentence's first word is capitalised anyway, unless a verb follows it
                # ("Brookfield anticipates 17% growth")
                follows = text[text.find(word) + len(word) :].lstrip()
                if plain in _PLAIN_CAPITALS or not _VERB_NEXT.match(follows):
                    continue
            if plain in _PLAIN_CAPITALS or canonical_segment(plain) is not None:
                continue
            if _DEMONYM.search(plain):
                continue  # "The Chinese tech group", "European sales"
            return True
        return False

    def owner_after_number(self, change: Change, limit: int) -> Owner | None:
        """'9.7 percent from a year ago at Alibaba', '+61% for Meta': an owner after the number."""
        end = min(limit, change.quantity.end + 40)
        for group in self._companies(change.quantity.end, end):
            if CLAUSE_AFTER_NUMBER.search(self.text, change.quantity.end, group.start):
                break  # "up 17.6%, while the same for Alphabet": another clause's company
            if _AT_ENTITY.search(self.text, max(change.quantity.end, group.start - 6), group.start):
                return Owner(group.entity_id, group.ticker)
            break
        return None

    # -- lists ----------------------------------------------------------------------------------
