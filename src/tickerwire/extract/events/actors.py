"""Who acts in a sentence: the subject of the clause that holds a cue, found by name or reference.

The actor of an event is the subject of the clause that holds the cue, not the first name of the
sentence: a name after a preposition ("a deal with Samsung", "shares of Apple") is not a
subject, and a back-reference at the clause start ("it", "its", "the company", "the chipmaker")
stands for the company named last before it. `ActorScan` adds these questions to `ClauseScan`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tickerwire.extract.document import EntityGroup
from tickerwire.extract.events.clauses import ClauseScan

# Confidence given up when the actor is found by reference ("it", "the company") rather than
# by name, and when it is only the article's main company; the same sizes as the move
# extractor's (owners.py), chosen by reading the seed and FNSPID outputs.
REFERENCE_PENALTY = 0.1
FALLBACK_PENALTY = 0.25
# How far back (in characters: about two short paragraphs) a reference looks for the name it
# stands for, and for the company told last.
_LOOK_BACK = 400
# A name after these words is an object or a modifier, not the clause's subject.
_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:of|for|at|in|from|with|to|by|on|against|than|like|unlike|including|as|over|into|behind|"
    r"among|versus|vs\.?|about|toward|towards|between|such\s+as|rivals?|peers?|competitors?|"
    r"and|or|outshining|eclipsing|beating|overtaking|topping)\s+(?:the\s+)?(?:[\w-]+\s+){0,1}$",
    regex.IGNORECASE,
)
_BACK_REFERENCE = regex.compile(
    r"^[\s,]*(?:(?:also|then|now|and|but)\s+)?(?:it|its|it's|they|their|the\s+(?:[\w.-]+,?\s+){0,3}?"
    r"(?:company|firm|group|giant|maker|chipmaker|drugmaker|carmaker|automaker|insurer|carrier|"
    r"parent|owner|pioneer|heavyweight|conglomerate|stalwart|retailer|lender|bank|business|"
    r"platform|operator|producer|manufacturer|designer|developer|provider|leader|player|"
    r"startup|start-up|unit|division|tech|e-commerce\s+\w+))(?:'s)?\b",
    regex.IGNORECASE,
)
# "the company", or the company told by its home ("the San Diego, California, company", "the
# Cupertino-based firm"): with no other company named before, the article's own. Not a
# country's ("the Chinese company", "the U.S.-based firm"): a stranger more often than not.
_COUNTRY = (
    r"(?:\w+(?:ese|ish|ian|ean|ic)|American|Mexican|German|Dutch|Swiss|Thai|Israeli|French|"
    r"Greek|European|Asian|African|U\.S\.?|US|U\.K\.?|UK|China|Japan|Korea|Taiwan|India|Europe|"
    r"Germany|Britain|Israel|France|Hong\s+Kong|Asia|Africa)"
)
_COMPANY_NOUN_REFERENCE = regex.compile(
    rf"""^[\s,]*(?:(?:also|then|now|and|but)\s+)?the\s+(?:(?:(?!{_COUNTRY}\b)(?-i:[A-Z])[\w.]*
    (?:,\s+|\s+|-based\s+)){{1,3}})?(?:company|firm|group)\b""",
    regex.IGNORECASE | regex.VERBOSE,
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
_CAPITALISED_NAME = regex.compile(
    r"(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}?(?P<name>[A-Z0-9][\w.&'+-]*(?:\s+(?:[A-Z0-9][\w.&'+-]*|"
    r"of|de|and|&))*)"
)
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


@dataclass(frozen=True, slots=True)
class Actor:
    """Who an event is about or by: an entity, where it is named, and how sure we are."""

    entity_id: str
    start: int
    end: int
    entity_type: str
    penalty: float = 0.0


class ActorScan(ClauseScan):
    """`ClauseScan` with the questions of who: the actor of a cue, the company a reference
    stands for, whose noun a phrase is, what a name is called."""

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
            earlier = self.company_before(clause, described=True) or self._only_company_before(
                clause, head
            )
            if earlier is not None:
                return earlier
        if "person" in types and _PERSON_PRONOUN.match(head):
            person = self._last_before(clause, ("person",), window=_LOOK_BACK)
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

    def company_before(self, position: int, described: bool = False) -> Actor | None:
        """The company a back-reference at `position` stands for: the last one named before it
        in the sentence (not after a preposition), else the last one named in the paragraph;
        else, when `described` is asked (a pronoun or "the company", not a guess for a clause
        without a subject), the article's company told as a noun earlier in the paragraph."""
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
        earlier = self._last_before(self.sentence.start, ("company",), window=_LOOK_BACK)
        if earlier is None and described:
            return self._described_before()
        return earlier

    def _described_before(self) -> Actor | None:
        """'But the San Diego company renewed a deal with Apple. It is also ...': no company is
        named before in the paragraph, but a sentence of it opens with the article's company
        told as a noun (`_COMPANY_NOUN_REFERENCE`), which the reference goes on about."""
        main = self.ctx.main_company
        if main is None:
            return None
        floor = max(0, self.sentence.start - _LOOK_BACK)
        for sentence in reversed(self.ctx.sentences[: self.sentence.index]):
            if sentence.paragraph != self.sentence.paragraph or sentence.end < floor:
                break
            head = _INTRODUCTION.sub("", sentence.text, count=1)
            if _COMPANY_NOUN_REFERENCE.match(head):
                return Actor(main, -1, -1, "company", FALLBACK_PENALTY)
        return None

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
        floor = max(0, self.sentence.start - _LOOK_BACK)
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
            earlier = self.company_before(found.start(), described=True)
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
