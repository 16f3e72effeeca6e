"""Reading one sentence for an event: its clauses, who acts, the counterpart, amounts, summary.

`SentenceScan` answers the questions every event type asks of a cued sentence. The actor of an
event is the subject of the clause that holds the cue, not the first name of the sentence: a
reporting frame ("Nomura said", "The Information reported that") and a cause clause ("after",
"as", "following") start a new clause, a name after a preposition ("a deal with Samsung",
"shares of Apple") is not a subject, and a back-reference at the clause start ("it", "its",
"the company", "the chipmaker") stands for the company named last before it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from tickerwire.extract.document import DocumentContext, EntityGroup
from tickerwire.extract.lazy import cached_property
from tickerwire.extract.literals import leading_strings, required_literals
from tickerwire.extract.prefiltered import finditer_at, prefiltered_re, starts_of
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence

# Confidence given up when the actor is found by reference ("it", "the company") rather than
# by name, and when it is only the article's main company; the same sizes as the move
# extractor's (owners.py), chosen by reading the seed and FNSPID outputs.
REFERENCE_PENALTY = 0.1
FALLBACK_PENALTY = 0.25

_REPORTING_VERB = (
    r"(?:said|says|reported|reports|noted|notes|wrote|writes|told\s+\w+|added|adds|believes?|"
    r"thinks?|argued|argues|announced|announces|disclosed|confirmed|stated|revealed|explained|"
    r"indicated|highlighted|suggested|predicted|expects?|estimated?|forecast)"
)
# Where a new clause starts: punctuation, contrast and cause words, a reporting frame.
# Read on the lower-cased sentence with the standard library's engine, which runs this
# alternation of plain words about three times faster than `regex` with IGNORECASE. The word
# branches share one `\b`: the engine tries the pattern at every character, and inside a word
# one failed boundary test ends the try where four did (no two branches match at one place).
_CLAUSE_WORDS = r"""\b(?:
        (?:but|while|whereas|although|though|however|after|following|because|since|when|
          amid|despite|before|until|unless|whether|if|thanks\s+to|due\s+to|on\s+the\s+back\s+of|
          driven\s+by|fuell?ed\s+by|boosted\s+by|helped\s+by|led\s+by|weighed\s+(?:down\s+)?by|
          dragged\s+(?:down\s+)?by|sending|pushing|lifting|leaving)\b(?!-)
      | as\b(?!\s+(?:well|much|many|part|a\s+result|of|to|such|long|high|low|early|far|the\s+\w+
          \s+of))
      | (?:news|reports?|word|announcement|confirmation|speculation|hopes?|fears?|concerns?)
          \s+that\b
      | (?P<relative>(?:which|who)\b))
"""
_CLAUSE_PUNCTUATION = r""";|:\s|\s[-–—]\s|—|,\s*with\b"""
_CLAUSE_BOUNDARY = re.compile(f"{_CLAUSE_PUNCTUATION}|{_CLAUSE_WORDS}", re.VERBOSE)
# The pattern is tried only where a match can start (`_boundary_starts`), not at every
# character: there the engine's set-up per try cost more than the matching (callgrind on the
# sentences of 20 FNSPID articles: 90K machine instructions per sentence, about 35K so).
_CLAUSE_WORD_STARTS = leading_strings(re.compile(_CLAUSE_WORDS, re.VERBOSE))
_PUNCTUATION_STARTS = (";", ":", "—", ",")
_DASHES = ("-", "–", "—")  # "\s[-–—]\s" starts one character before its dash
# Where a hedge stops reaching: "X will launch ..., but Y launched" keeps Y a fact.
# These word lists are read on the lower-cased text with the standard engine (faster).
_STRONG_BOUNDARY = prefiltered_re(
    re.compile(r";|:\s|\b(?:but|while|whereas|although|though|however|despite)\b")
)
_CONDITION = re.compile(r"\b(?:if|unless|assuming|provided\s+that|in\s+case|whether)\b")
# Read on the lower-cased sentence; a frame ending before a word (group `before`) counts only
# when that word is capitalised in the text ("Nomura said Alibaba ...").
_REPORTING_FRAME = prefiltered_re(
    re.compile(
        rf"\b{_REPORTING_VERB}\b(?:\s+(?:on\s+\w+|today|yesterday|last\s+week|earlier|"
        r"in\s+an?\s+(?:research\s+)?(?:note|statement|filing|report|interview)(?:\s+on\s+\w+)?|"
        r"to\s+\w+))?(?:\s+that\b|,|(?P<before>\s+)(?=\w))"
    )
)
_IGNORECASE = int(regex.IGNORECASE)
# A name after these words is an object or a modifier, not the clause's subject.
_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:of|for|at|in|from|with|to|by|on|against|than|like|unlike|including|as|over|into|behind|"
    r"among|versus|vs\.?|about|toward|towards|between|such\s+as|rivals?|peers?|competitors?|"
    r"and|or|outshining|eclipsing|beating|overtaking|topping)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$",
    regex.IGNORECASE,
)
_BACK_REFERENCE = regex.compile(
    r"^[\s,]*(?:(?:also|then|now|and|but)\s+)?(?:it|its|it's|they|their|the\s+(?:[\w.-]+\s+){0,3}?"
    r"(?:company|firm|group|giant|maker|chipmaker|drugmaker|carmaker|automaker|insurer|carrier|"
    r"parent|owner|pioneer|heavyweight|conglomerate|stalwart|retailer|lender|bank|business|"
    r"platform|operator|producer|manufacturer|designer|developer|provider|leader|player|"
    r"startup|start-up|unit|division|tech|e-commerce\s+\w+))(?:'s)?\b",
    regex.IGNORECASE,
)
_COMPANY_NOUN_REFERENCE = regex.compile(
    r"^[\s,]*(?:(?:also|then|now|and|but)\s+)?the\s+(?:company|firm|group)\b", regex.IGNORECASE
)
# "Earlier this month, the company agreed": an opening phrase before the subject.
_INTRODUCTION = regex.compile(
    r"^\s*(?:(?:in|on|at|during|for|over|last|this|earlier|later)\b[^,]{0,40},\s*)",
    regex.IGNORECASE,
)
# "the maker of iPhones": a description that could be any company, not a back-reference.
_EPITHET = regex.compile(r"^[\s,]*the\s+(?:[\w.-]+\s+){0,3}?[\w-]+\s+of\b", regex.IGNORECASE)
_PERSON_PRONOUN = regex.compile(r"^[\s,]*(?:he|she|his|her)\b", regex.IGNORECASE)
_TITLE_WORDS = regex.compile(
    r"\s*(?:'s\s+)?(?:[\w-]+\s+){0,2}?(?:CEO|chief|CFO|chairman|chairwoman|founder|"
    r"co-founder|president|analyst|analysts|strategist|economist|director|head|investor|"
    r"manager|officer|executive|boss|billionaire)\b[\w\s,-]{0,40}?$",
    regex.IGNORECASE,
)
_HEDGE = prefiltered_re(
    re.compile(
        r"\b(?:will|would|could|may|might|should|shall|plans?\s+to|planning\s+to|planned|set\s+to|"
        r"expects?\s+to|expected\s+to|aims?\s+to|aiming\s+to|intends?\s+to|going\s+to|likely|"
        r"poised\s+to|is\s+to|are\s+to|seeks?\s+to|seeking\s+to|considering|mulls?|mulling|"
        r"weighs|weighing|potential(?:ly)?|reportedly|prepares?\s+to|preparing\s+to|"
        r"in\s+talks|next\s+(?:week|month|year|quarter)|upcoming|scheduled|if|unless|assuming)\b"
    )
)
_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|denied|denies|deny|without|nor)\b(?:\s+[\w-]+){0,3}\s*$|n't\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
_NEGATION_WORDS = ("not", "never", "no longer", "denie", "deny", "without", "nor", "n't")
_SUMMARY_STOP = regex.compile(
    r"[;:(]|,\s|\s[-–—]\s|—|\.(?=\s|$)|\s(?:which|who|as|after|while|amid|following|according|"
    r"because|but|since|despite|although|though|whereas|sending|pushing)\b",
    regex.IGNORECASE,
)
_SPACES = regex.compile(r"\s+")
_LEADING_WORDS = regex.compile(
    r"^(?:however|meanwhile|also|additionally|moreover|furthermore|in\s+addition|and|but|so|"
    r"still|now|today|yesterday|separately|overall|indeed|for\s+now)\b[,\s]*",
    regex.IGNORECASE,
)
_CAPITALISED_NAME = regex.compile(
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?P<name>[A-Z0-9][\w.&'+-]*(?:\s+(?:[A-Z0-9][\w.&'+-]*|"
    r"of|de|and|&))*)"
)
_TIME_OPENER = re.compile(r"\bsince\s*$")
_TIED_CLAUSE = re.compile(r"\b(?:as|when)\s*$")
_YEAR = regex.compile(r"\b((?:19|20)\d{2})\b")
# A company named with its ticker in brackets: "Clorox Company (CLX)", "HP (NYSE:HPQ)".
_TICKERED_NAME = regex.compile(
    r"\b[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,4}\s*\((?:[A-Za-z]+\s*:\s*)?[A-Z]{1,5}"
    r"(?:\.[A-Z]{1,2})?\)"
)
# A sentence about a group of companies ("The following companies are expected to report",
# "Many retailers posted ..."): its acts are no one company's, the main one's least.
_GROUP_SUBJECT = regex.compile(
    r"\W*(?:(?:the|these|those|following|other|many|some|several|most|all|\d+)\s+){0,2}"
    r"(?:[\w-]+\s+)?(?:companies|firms|stocks|businesses|corporations|names|retailers|banks|"
    r"lenders|chipmakers|automakers|carmakers|insurers|airlines)\b",
    regex.IGNORECASE,
)
# How far back the company told last is looked for (about two short paragraphs), as the
# paragraph look-back of `_last_before`.
UNKNOWN_COMPANY_REACH = 400
_FIRST_NAME = regex.compile(r"\W*(?P<name>[A-Z][\w&.'-]+)")
# Capitalised words that open sentences without naming anyone.
_PLAIN_OPENERS = frozenset(
    {
        *("the", "a", "an", "its", "it", "their", "they", "this", "that", "these", "those", "in"),
        *("on", "at", "for", "after", "as", "but", "and", "however", "meanwhile", "shares"),
        *("analysts", "investors", "while", "with", "also", "still", "overall", "since", "by"),
        *("during", "despite", "although", "last", "this", "next", "earlier", "today", "when"),
        *("he", "she", "we", "i", "our", "his", "her", "stocks", "markets", "wall", "u.s"),
    }
)
_POSSESSIVE_BEFORE = regex.compile(
    r"(?:(?<=\w)'s?|\b(?P<pron>its|their))\s+(?:[\w.-]+\s+){0,2}$", regex.IGNORECASE
)
SUMMARY_WORDS = 16  # a summary is a phrase, not the sentence: about a headline's length


def _boundary_starts(lowered: str) -> list[int]:
    """Every place in a lower-cased sentence where `_CLAUSE_BOUNDARY` can start to match: a
    punctuation mark, the space before a dash, or one of the strings its words start with."""
    starts = starts_of(lowered, _PUNCTUATION_STARTS, 0, len(lowered))
    starts += [at - 1 for at in starts_of(lowered, _DASHES, 1, len(lowered))]
    if _CLAUSE_WORD_STARTS is None:  # never: the words are plain (tests/extract/events)
        return list(range(len(lowered)))
    starts += starts_of(lowered, _CLAUSE_WORD_STARTS, 0, len(lowered))
    return sorted(set(starts))


def lower_text(text: str, lowered: str | None = None) -> str:
    """`text` in lower case, with the same length (a letter whose lower case is longer, such
    as "İ", is kept as written), so that offsets found in it are offsets into `text`.
    `lowered` is `text.lower()`, when the caller has it already (one lower-casing per article
    serves the cue pass and every pattern that reads lower-cased text)."""
    if lowered is None:
        lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


@dataclass(frozen=True, slots=True)
class Actor:
    """Who an event is about or by: an entity, where it is named, and how sure we are."""

    entity_id: str
    start: int
    end: int
    entity_type: str
    penalty: float = 0.0


class SentenceScan:
    """Questions about one sentence, answered on demand (each answer computed once)."""

    def __init__(
        self,
        ctx: DocumentContext,
        sentence: Sentence,
        lowered_text: str | None = None,
        cues: frozenset[str] = frozenset(),
    ):
        self.ctx = ctx
        self.sentence = sentence
        self.text = ctx.text
        self.lowered_text = lowered_text if lowered_text is not None else lower_text(ctx.text)
        self.cues = cues  # the kinds of cue words the sentence holds (events.cues)

    @cached_property
    def lowered(self) -> str:
        return self.lowered_text[self.sentence.start : self.sentence.end]

    def source(self, pattern: regex.Pattern[str]) -> str:
        """The text a pattern reads: the text itself for a case-insensitive pattern, the
        lower-cased text for one compiled in lower case (`generic.compile_rule`)."""
        return self.text if pattern.flags & _IGNORECASE else self.lowered_text

    def may_match(self, pattern: regex.Pattern[str], start: int = -1, end: int = -1) -> bool:
        """False when `pattern` cannot match in [start, end) (the sentence by default): it
        holds none of the strings every match needs (`literals`), so the search is skipped."""
        literals = required_literals(pattern)
        if literals is None:
            return True
        if start < 0:
            start, end = self.sentence.start, self.sentence.end
        return literals.may_match(self.source(pattern), self.lowered_text, start, end)

    def holds(self, pattern: regex.Pattern[str], start: int = -1, end: int = -1) -> bool:
        """Whether `pattern` matches in [start, end) (the sentence by default), read on
        `source(pattern)`; the search skipped where `may_match` rules it out."""
        if start < 0:
            start, end = self.sentence.start, self.sentence.end
        return self.may_match(pattern, start, end) and (
            pattern.search(self.source(pattern), start, end) is not None
        )

    def finditer(self, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        """`pattern.finditer` over the sentence (on `source(pattern)`), the pattern tried only
        where one of the strings every match starts with stands (`literals.leading_strings`):
        the same matches, without the engine trying each branch at every character."""
        source = self.source(pattern)
        start, end = self.sentence.start, self.sentence.end
        leading = leading_strings(pattern)
        if leading is None:
            return pattern.finditer(source, start, end)
        if pattern.flags & _IGNORECASE and not self.text[start:end].isascii():
            # ignoring case, "k" matches the Kelvin sign too: only ASCII is sure to show
            # every start in the lower-cased text
            return pattern.finditer(source, start, end)
        starts = starts_of(self.lowered_text, leading, start, end)
        return finditer_at(pattern, source, starts, end)

    def has_words(self, anchors: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the sentence holds, for each group of `anchors`, one of its strings: a
        pattern is run only on sentences that hold the words it cannot match without."""
        contains = self.lowered.__contains__
        return all(any(map(contains, group)) for group in anchors)

    @cached_property
    def groups(self) -> list[EntityGroup]:
        return self.ctx.groups_in(self.sentence.start, self.sentence.end)

    @cached_property
    def boundaries(self) -> list[tuple[int, int, bool]]:
        """Clause boundaries (and reporting frames) in the sentence, in order: start, end, and
        whether the boundary opens a relative clause ("who", "which")."""
        start = self.sentence.start
        spans = [
            (start + m.start(), start + m.end(), m.group("relative") is not None)
            for m in finditer_at(
                _CLAUSE_BOUNDARY, self.lowered, _boundary_starts(self.lowered), len(self.lowered)
            )
        ]
        text = self.text
        for m in _REPORTING_FRAME.finditer(self.lowered):
            if m.group("before") is None or text[start + m.end()].isupper():
                spans.append((start + m.start(), start + m.end(), False))
        return sorted(spans)

    def clause_start(self, position: int) -> int:
        """Where the clause holding `position` starts. A relative clause closed by a comma
        before `position` ("Cohen, who ... in 2021, also increased") is an aside: the clause
        goes on from before it."""
        start = self.sentence.start
        skip_until = -1
        for span_start, span_end, relative in self.boundaries:
            if span_end > position:
                break
            if span_start < skip_until:
                continue
            if relative:
                comma = self.text.find(",", span_end, position)
                if comma != -1:
                    skip_until = comma + 1
                    continue
            start = span_end
        return start

    def clause_end(self, position: int) -> int:
        """Where the clause holding `position` ends (the next boundary, else the sentence end)."""
        for span_start, _, _ in self.boundaries:
            if span_start >= position:
                return span_start
        return self.sentence.end

    # -- who --------------------------------------------------------------------------------------

    def actor(
        self, position: int, types: tuple[str, ...] = ("company",), fallback: bool = False
    ) -> Actor | None:
        """The subject of the clause holding `position`, among entities of `types`.

        A named subject first; else a back-reference at the clause start ("it", "the firm"),
        resolved to the company named last before it; else, when `fallback` is asked, the
        company of the previous sentence or the article's main company, with a penalty.
        """
        clause = self.clause_start(position)
        named = self.named_subject(clause, position, types)
        if named is not None:
            return named
        head = _INTRODUCTION.sub("", self.text[clause:position], count=1)
        if "company" in types and _BACK_REFERENCE.match(head) and not _EPITHET.match(head):
            earlier = self.company_before(clause) or self._only_company_before(clause, head)
            if earlier is not None:
                return earlier
        if "person" in types and _PERSON_PRONOUN.match(head):
            person = self._last_before(clause, ("person",), window=400)
            if person is not None:
                return person
        if fallback and "company" in types:
            earlier = self.company_before(clause) if clause > self.sentence.start else None
            if earlier is not None:
                return Actor(earlier.entity_id, -1, -1, "company", FALLBACK_PENALTY)
            return self.fallback_company()
        return None

    def _only_company_before(self, clause: int, head: str) -> Actor | None:
        """What a back-reference stands for when no subject before it does: the one company
        the sentence names before it, even as an object ("the rise in Meta shares - it
        rejoined ..."); else, for "the company" (not a bare "it", which may be the market),
        the article's main company when the sentence names no company before it."""
        before = {
            g.entity_id for g in self.groups if g.end <= clause and g.entity_type == "company"
        }
        if len(before) == 1:
            only = next(g for g in self.groups if g.entity_id in before)
            return self._actor(only, REFERENCE_PENALTY)
        main = self.ctx.main_company
        if not before and main is not None and _COMPANY_NOUN_REFERENCE.match(head):
            return Actor(main, -1, -1, "company", FALLBACK_PENALTY)
        return None

    def named_subject(self, clause: int, position: int, types: tuple[str, ...]) -> Actor | None:
        """The first entity named in [clause, position) that is not an object (after a
        preposition), if it is of `types`; None when it is of another type."""
        candidates = [g for g in self.groups if clause <= g.start and g.end <= position]
        for index, group in enumerate(candidates):
            before = self.text[max(self.sentence.start, group.start - 25) : group.start]
            if group.start > clause and _PREPOSITION_BEFORE.search(before):
                continue
            if group.entity_type == "company" and "person" in types:
                # "GameStop CEO Ryan Cohen": the person holding a title at the company acts
                following = candidates[index + 1] if index + 1 < len(candidates) else None
                if (
                    following is not None
                    and following.entity_type == "person"
                    and _TITLE_WORDS.match(self.text, group.end, following.start)
                ):
                    return self._actor(following)
            if group.entity_type in types:
                return self._actor(group)
            if group.entity_type in ("company", "person", "government", "organization"):
                return None  # the subject is someone else
        return None

    def _actor(self, group: EntityGroup, penalty: float = 0.0) -> Actor:
        return Actor(
            group.entity_id,
            group.start,
            group.end,
            group.entity_type,
            penalty + (REFERENCE_PENALTY if group.coref else 0.0),
        )

    def company_before(self, position: int) -> Actor | None:
        """The company a back-reference at `position` stands for: the last one named before it
        in the sentence (not after a preposition), else the last one named in the paragraph."""
        in_sentence = [
            g
            for g in self.groups
            if g.end <= position
            and g.entity_type == "company"
            and not _PREPOSITION_BEFORE.search(
                self.text[max(self.sentence.start, g.start - 25) : g.start]
            )
        ]
        if in_sentence:
            return self._actor(in_sentence[-1], REFERENCE_PENALTY)
        return self._last_before(self.sentence.start, ("company",), window=400)

    def _last_before(self, position: int, types: tuple[str, ...], window: int) -> Actor | None:
        paragraph = self.sentence.paragraph
        floor = max(0, position - window)
        for sentence in reversed(self.ctx.sentences[: self.sentence.index + 1]):
            if sentence.paragraph != paragraph and sentence.index != self.sentence.index:
                break
            if sentence.end < floor:
                break
            named = [
                g
                for g in self.ctx.groups_in(sentence.start, min(sentence.end, position))
                if g.entity_type in types
                and not _PREPOSITION_BEFORE.search(
                    self.text[max(sentence.start, g.start - 25) : g.start]
                )
            ]
            if named:
                first = named[0] if sentence.index != self.sentence.index else named[-1]
                return self._actor(first, REFERENCE_PENALTY)
        return None

    def fallback_company(self) -> Actor | None:
        """The company of the previous sentence of the paragraph, else the main company."""
        earlier = self._last_before(self.sentence.start, ("company",), window=300)
        if earlier is not None:
            return Actor(earlier.entity_id, -1, -1, "company", FALLBACK_PENALTY)
        main = self.ctx.main_company
        if (
            main is not None
            and not any(g.entity_type == "company" for g in self.groups)
            and not self.unknown_subject()
            and not self.unknown_company_before()
            and not _GROUP_SUBJECT.match(self.text, self.sentence.start, self.sentence.end)
        ):
            return Actor(main, -1, -1, "company", FALLBACK_PENALTY)
        return None

    def unknown_company_before(self) -> bool:
        """'HP (HPQ), another stock in the industry, ... This printer maker is expected to
        ...': the company named last before the sentence is one we do not know (a name with
        its ticker that no entity covers), so the text goes on about it, not the main company."""
        floor = max(0, self.sentence.start - UNKNOWN_COMPANY_REACH)
        if "(" not in self.text[floor : self.sentence.start]:
            return False
        found = list(_TICKERED_NAME.finditer(self.text, floor, self.sentence.start))
        if not found:
            return False
        last = found[-1]
        return not any(
            g.entity_type == "company" and g.end > last.start()
            for g in self.ctx.groups_in(last.start(), self.sentence.start)
        )

    def unknown_subject(self) -> bool:
        """'Merck up after strong results' with Merck unknown: the sentence opens with a name
        we do not know, so its events are not the main company's."""
        first = _FIRST_NAME.match(self.text, self.sentence.start, self.sentence.end)
        if first is None:
            return False
        word = first.group("name").lower().rstrip(".")
        start, end = first.span("name")
        return word not in _PLAIN_OPENERS and not self.ctx.groups_in(start, end)

    def possessor(self, position: int) -> str | None:
        """Whose noun starts at `position`: "Meta's market value", "its market value"."""
        found = self.possessor_at(position)
        return found[0] if found is not None else None

    def possessor_at(self, position: int) -> tuple[str, int] | None:
        """`possessor`, with where its possessive ("its", "Meta") starts."""
        found = _POSSESSIVE_BEFORE.search(
            self.text, max(self.sentence.start, position - 40), position
        )
        if found is None:
            return None
        if found.group("pron"):
            earlier = self.company_before(found.start())
            return (earlier.entity_id, found.start()) if earlier is not None else None
        for group in reversed(self.groups):
            if found.start() - 2 <= group.end <= found.start() + 1:
                return (group.entity_id, group.start) if group.entity_type == "company" else None
        return None

    def group_after(
        self, position: int, limit: int, types: tuple[str, ...] = ("company",)
    ) -> EntityGroup | None:
        """The first entity of `types` named in [position, limit)."""
        for group in self.groups:
            if position <= group.start < limit and group.entity_type in types:
                return group
        return None

    def name_at(self, position: int, limit: int) -> str | None:
        """The entity or capitalised name that a phrase starting at `position` names."""
        group = self.group_after(
            position, min(limit, position + 30), ("company", "organization", "government")
        )
        if group is not None:
            return self.entity_name(group.entity_id)
        match = _CAPITALISED_NAME.match(self.text, position, limit)
        if match is None:
            return None
        name = match.group("name").strip(" .,'")
        name = regex.sub(r"(?:'s|\s+(?:of|de|and|&))$", "", name)
        return name or None

    def entity_name(self, entity_id: str) -> str:
        known = self.ctx.entities.get(entity_id)
        if known is not None:
            return known.name
        reference = self.ctx.reference.entity(entity_id)
        return reference.name if reference is not None else entity_id

    # -- what -------------------------------------------------------------------------------------

    def money_in(self, start: int, end: int, per_share: bool | None = False) -> Quantity | None:
        """The first amount of money in [start, end) (not a stated conversion of another)."""
        for quantity in self.ctx.quantities_in(start, end):
            if quantity.kind != "money" or quantity.is_conversion:
                continue
            if per_share is not None and quantity.per_share != per_share:
                continue
            return quantity
        return None

    def summary(self, start: int, cue_end: int) -> str:
        """A short phrase of the clause's core: from `start` (the actor or the clause start)
        through the cue and its object, cut at the next clause boundary."""
        stop = _SUMMARY_STOP.search(self.text, cue_end, min(self.sentence.end, cue_end + 120))
        end = stop.start() if stop is not None else min(self.sentence.end, cue_end + 120)
        phrase = _SPACES.sub(" ", self.ctx.original[start:end]).strip(" ,.;:'\"")
        phrase = _LEADING_WORDS.sub("", phrase)
        words = phrase.split(" ")
        if len(words) > SUMMARY_WORDS:
            phrase = " ".join(words[:SUMMARY_WORDS])
        return phrase[:1].upper() + phrase[1:] if phrase else phrase

    def hedged(self, position: int) -> bool:
        """Whether the words around `position`, back to the last strong boundary and a little
        beyond, tell a plan, a forecast or a possibility ("will launch", "could double")."""
        low = self.lowered_text
        start = self._strong_start(position)
        stop = min(self.sentence.end, position + 40)
        after = _STRONG_BOUNDARY.search(low, position, stop)
        if after is not None:
            stop = after.start()
        return bool(_HEDGE.search(low, start, stop))

    def _strong_start(self, position: int) -> int:
        start = self.sentence.start
        for boundary in _STRONG_BOUNDARY.finditer(self.lowered_text, start, position):
            start = boundary.end()
        return start

    def past_reference(self, position: int) -> bool:
        """'ever since the phone launched': the act is the time from which something else is
        told, not news ('after X unveiled ...' is news told as a cause, and stays)."""
        clause = self.clause_start(position)
        if "," in self.text[clause:position]:
            return False  # "After talks with X, Meta unveiled": the time phrase has ended
        before = self.lowered_text[max(self.sentence.start, clause - 8) : clause]
        return bool(_TIME_OPENER.search(before))

    def historic(self, position: int) -> bool:
        """A year two or more before publication named in the clause ('debuted in 1984')."""
        published = self.ctx.published
        if published is None:
            return False
        clause = self.clause_start(position)
        start = clause
        if _TIED_CLAUSE.search(self.lowered_text, max(self.sentence.start, clause - 6), clause):
            # "growth accelerated into fiscal 2021 as it launched ...": the act shares the
            # time of the clause it is tied to
            start = self.sentence.start
        for year in _YEAR.findall(self.text, start, self.clause_end(position)):
            if int(year) <= published.year - 2:
                return True
        return False

    def conditional(self, position: int) -> bool:
        """'If the company reports weak sales ...': a condition, not an event."""
        if not any(map(self.lowered.__contains__, ("if", "unless", "assum", "provided", "case"))):
            return False
        return bool(_CONDITION.search(self.lowered_text, self._strong_start(position), position))

    def paired_elsewhere(self, position: int, actor: Actor | None) -> bool:
        """'X and Y are poised to open higher after a strong quarter and activist action,
        respectively': the act at `position` belongs to one of the subjects by its place in a
        list that "respectively" closes, so a company found outside its clause (named before
        the clause, or by reference) is not known to be its owner."""
        if "respectively" not in self.lowered:
            return False
        found = self.lowered_text.find("respectively", position, self.sentence.end)
        if found == -1 or found > self.clause_end(position):
            return False
        return actor is None or actor.start < self.clause_start(position)

    def negated(self, position: int) -> bool:
        """'did not launch', 'has no plans to', 'denied reports': the cue is negated."""
        window = self.lowered_text[max(self.sentence.start, position - 40) : position]
        if not any(map(window.__contains__, _NEGATION_WORDS)):
            return False
        window = self.lowered_text[max(self.clause_start(position), position - 40) : position]
        return bool(_NEGATION.search(window))
