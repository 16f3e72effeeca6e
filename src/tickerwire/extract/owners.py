"""Whose shares or whose figure: owners named, referred to ("its"), or the article's subject.

`OwnerResolver` answers for one sentence: the company of "shares of X", "X's shares", "its
stock", a bare "the stock", and the company of a figure ("X's revenue", "revenue at X", "its
revenue", or a sentence that names nobody). A reference resolves (`owner_references`) to a company
named before, with a confidence penalty, and never to our company when the sentence names a
company we do not know.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.document import EntityGroup
from tickerwire.extract.lexicon import VENUE
from tickerwire.extract.metric_line_names import line_name_before
from tickerwire.extract.metric_terms import MetricTerm, canonical_segment
from tickerwire.extract.owner_cues import (
    AGGREGATE_SENTENCE,
    CLAUSE_AFTER_NUMBER,
    COMPANY_LIKE,
    DEMONYM,
    HOLDER_NAME,
    PERIOD_WORDS,
    PLAIN_CAPITALS,
    SOURCE_BEFORE,
    TICKERED_NAME,
)
from tickerwire.extract.owner_references import (
    FALLBACK_PENALTY,
    PRONOUN_PENALTY,
    Owner,
    ReferenceResolver,
)

__all__ = ["FALLBACK_PENALTY", "PRONOUN_PENALTY", "Owner", "OwnerResolver", "Term"]

TermKind = Literal["entity", "share", "metric", "blocker"]

# Below this relevance a company that "expects" a figure is taken for an analyst or a data
# provider quoted in passing (the linker gives the article's subjects 0.5 and more).
SOURCE_RELEVANCE = 0.3
_SPACES = regex.compile(r"\s+")
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
_INDUSTRY_NOUNS = (
    "chipmaker",
    "drugmaker",
    "carmaker",
    "automaker",
    "retailer",
    "lender",
    "bank",
    "insurer",
    "miner",
    "airline",
)
_INDUSTRY_NOUN = "(?P<noun>" + "|".join(_INDUSTRY_NOUNS) + ")"
# Each noun as the text may call a company by it ("chipmaker Nvidia", "Aozora Bank").
_INDUSTRY_WORD = {
    noun: regex.compile(r"\b" + noun + r"s?\b", regex.IGNORECASE) for noun in _INDUSTRY_NOUNS
}
_CLAUSE_MARK = regex.compile(r"[.;:!?]")
_INDUSTRY_DESCRIPTION = regex.compile(
    r"\bthe\s+(?:[\w'’-]+\s+){0,4}?" + _INDUSTRY_NOUN + r"(?:'s|’s)?\s+(?:[\w.-]+\s+){0,2}$",
    regex.IGNORECASE,
)
# "Nvidia, the world's most valuable chipmaker", "Nvidia (NVDA), a chipmaker", "Nvidia is the
# chipmaker ...": a description set right after the name.
_APPOSITION = regex.compile(
    r"(?:\s*\([^()]{1,20}\))?(?:\s*,\s*|\s+is\s+)(?:the|a|an)\s+[^.;:,()]{0,50}",
    regex.IGNORECASE,
)
_OF_DESCRIPTION = regex.compile(
    r"(?:the\s+)(?:[\w'’-]+\s+){0,4}?" + _INDUSTRY_NOUN + r"\b", regex.IGNORECASE
)
_VERB_NEXT = regex.compile(
    r"(?:anticipates|expects|reported|reports|posted|posts|said|says|has|had|delivered|"
    r"generated|forecasts|sees|booked|recorded|announced|saw|made)\b"
)
_NAME_TOKEN = regex.compile(r"(?<![\w'-])[A-Z][\w&.'-]*")
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
# What may stand right before a bare "shares"/"the stock" that we attribute by context: an
# article, a preposition, or nothing (clause start). Venue words are removed first.
_BARE_SHARE_START = regex.compile(
    r"(?:[,;]\s*|\b(?:the|its|and|with|as|in|of|sending|sent|leaving|lifting|pushing)\s+)"
    r"(?:(?:class\s+[AB]|common|ordinary|listed|traded)\s+)?$",
    regex.IGNORECASE,
)
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


# Not frozen, though never changed: one is built per subject word, and frozen=True makes building
# cost three times as much (object.__setattr__ per field); unsafe_hash keeps the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class Term:
    start: int
    end: int
    kind: TermKind
    group: EntityGroup | None = None
    metric: MetricTerm | None = None


class OwnerResolver(ReferenceResolver):
    """Owner questions about one sentence (the base of `subject_scan.SubjectScanner`)."""

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
        near = _INDUSTRY_WORD[noun.lower()]
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
                if (near.search(before) and not _CLAUSE_MARK.search(before)) or (
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
        return TICKERED_NAME.search(self._unlinked_text(start, end)) is not None

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
            if not SOURCE_BEFORE.search(self.text, max(self.sentence.start, g.start - 25), g.start)
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
        if self._unknown_company_named(self._line_name_start(term)):
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
        return not (first in PLAIN_CAPITALS or first in PERIOD_WORDS or canonical_segment(word))

    def _is_source(self, group: EntityGroup, term: Term) -> bool:
        """A company the article barely mentions, telling a forecast of a figure that is not
        its own ("LSEG expects revenue from the segment to rise"): the source, not the owner."""
        between = self.text[group.end : term.start]
        if not _FORECAST_VERB.match(between) or _OWN_FIGURE.search(between):
            return False
        entity = self.ctx.entities.get(group.entity_id)
        return entity is not None and entity.relevance < SOURCE_RELEVANCE

    def _line_name_start(self, term: Term) -> int:
        """Where the figure's name starts, with a business line's own name written before it
        ("the company's Partner revenues"): those capitalised words name no company."""
        metric = term.metric
        if metric is None or metric.segment is not None:
            return term.start
        line = line_name_before(self.text, self.sentence.start, term.start, term.end)
        return line.start if line is not None else term.start

    def _unknown_company_named(self, position: int) -> bool:
        """Whether the sentence names, before `position`, a company that is not in the
        reference: a capitalised name with a company suffix or a ticker, an unknown possessive
        right before the figure, or a capitalised word past the first one that we cannot
        place. Figures of such sentences are not attributed to the article's company."""
        text = self._unlinked_text(self.sentence.start, position)
        if COMPANY_LIKE.search(text):
            return True
        words = _NAME_TOKEN.findall(text)
        for index, word in enumerate(words):
            plain = word.removesuffix("'s").rstrip(".").lower()
            if index == 0 and not word.endswith("'s") and not (word.isupper() and len(word) > 1):
                # the sentence's first word is capitalised anyway, unless a verb follows it
                # ("Brookfield anticipates 17% growth")
                follows = text[text.find(word) + len(word) :].lstrip()
                if plain in PLAIN_CAPITALS or not _VERB_NEXT.match(follows):
                    continue
            if plain in PLAIN_CAPITALS or canonical_segment(plain) is not None:
                continue
            if DEMONYM.search(plain):
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
