"""Who a reference points to: "its", "the stock", a sentence that names nobody.

`ReferenceResolver` holds one sentence and answers, for the owner questions of `owners.py`, which
company a pronoun or an unnamed figure refers to: a company named before in the sentence or just
before it (not one named in passing, "rivals like X"), the subject of the sentences before, or the
article's main company, each with a confidence penalty; and nobody when the text around is about a
company we do not know.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tickerwire.extract.document import DocumentContext, EntityGroup
from tickerwire.extract.metric_terms import canonical_segment
from tickerwire.extract.owner_cues import (
    ANALYSTS_AT,
    COMPANY_LIKE,
    DEMONYM,
    PLAIN_CAPITALS,
    POSSESSIVE_NAME,
    SENTENCE_END,
    SOURCE_BEFORE,
)
from tickerwire.extract.sentences import Sentence

# Confidence penalties for owners found by reference rather than by name. Chosen by reading the
# seed and FNSPID outputs: a pronoun is usually right (small penalty); the article's main
# company for a bare "the stock" is right less often (larger penalty).
PRONOUN_PENALTY = 0.1
FALLBACK_PENALTY = 0.25
# How far back a sentence without a company looks for the subject of the text around it: three
# sentences, about two short paragraphs of news prose.
_SUBJECT_LOOKBACK = 3
_SUBJECT_LOOKBACK_CHARS = 600
_IN_PASSING = regex.compile(
    r"\b(?:like|likes\s+of|such\s+as|including|than|versus|vs\.?|rivals?|competitors?|peers?|"
    # "new competition in the space from Eli Lilly", "competing with AMD": a counterpart
    r"competition\s+(?:[\w-]+\s+){0,4}?(?:from|with)|competing\s+(?:with|against)|"
    r"compared\s+(?:with|to))\s+(?:[\w.&'-]+(?:\s+|,\s*)){0,4}?(?:(?:and|or)\s+)?$",
    regex.IGNORECASE,
)
_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:for|to|by|against)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
_COORDINATION = regex.compile(r"\s*(?:,\s*and|,|and|&|as\s+well\s+as|plus)\s*$", regex.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Owner:
    """The company (or index) a change belongs to, and how sure the attribution is."""

    entity_id: str
    ticker: str | None = None
    penalty: float = 0.0


class ReferenceResolver:
    """Reference questions about one sentence (the base of `owners.OwnerResolver`)."""

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

    def _pronoun_owners(self, position: int, plural: bool) -> tuple[Owner, ...]:
        before = self._companies(self.sentence.start, position)
        if before:
            chain = self._coordinated(before[-1]) if plural else [before[-1]]
            return tuple(Owner(g.entity_id, g.ticker, PRONOUN_PENALTY) for g in chain)
        owner = self._previous_company(PRONOUN_PENALTY)
        return (owner,) if owner else ()

    def referred_company(self) -> Owner | None:
        """The company a subject that names none ("It", "The bank") refers to: the subject of
        the sentence before (the company it opens with), else the one company it names; None
        when it names several and opens with none, or none at all."""
        index = self.sentence.index
        if index == 0:
            return None
        previous = self.ctx.sentences[index - 1]
        named = self._companies(previous.start, previous.end)
        opening = self._opening_company(previous)
        if opening is None:
            if len({g.entity_id for g in named}) != 1:
                return None
            opening = named[0].entity_id
        elif len(named) > 1 and _COORDINATION.match(self.text, named[0].end, named[1].start):
            return None  # "Snap and Pinterest report today. It is worth ...": which one?
        return Owner(opening, None, PRONOUN_PENALTY)

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
        if COMPANY_LIKE.search(text):
            return True
        for match in POSSESSIVE_NAME.finditer(text):
            plain = match.group("name").rstrip(".").lower()
            if plain in PLAIN_CAPITALS or canonical_segment(plain) or DEMONYM.search(plain):
                continue
            return True
        return False

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
        found = _PREPOSITION_BEFORE.search(self.text, max(0, group.start - 12), group.start)
        # a sentence that opens on the preposition is about the company: "For Amazon to join
        # the club, it must double", "For Apple, the quarter was strong"
        return found is not None and not self.text[found.start()].isupper()

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
        return bool(SOURCE_BEFORE.search(before) or ANALYSTS_AT.search(before))
