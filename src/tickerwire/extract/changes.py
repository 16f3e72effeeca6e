"""Percentage changes: a percent with the words that make it a rise or a fall.

A `Change` is "19%" in "shares surged 19%", "a 19% surge", "an increase of 40%", "3% higher",
"were up 0.29%" or "+8%", and the later numbers of a list that share one verb ("rose 6.2% and
4.8%, respectively"). What changed (a listing, an index, a company's revenue) is decided by
`subjects.py`; this module only reads the trigger words around the number.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from tickerwire.extract.lexicon import (
    FORECAST_BEFORE,
    HIGHER_LOWER,
    MOVE_NOUN_ALT,
    MOVE_VERB_ALT,
    PAST_EARNINGS_MOVE,
    RELATIVE_CLOSE,
    VERB_TABLE,
    noun_direction,
    verb_direction,
)
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.tokens import Tokens

TriggerKind = Literal[
    "verb",
    "updown",
    "higher_lower",
    "noun_after",
    "noun_before",
    "sign",
    "list",
    "paired",
    "earnings_move",
]

# Words that may stand between a verb and its number: "soared by an impressive 19%",
# "have now rallied an astonishing +165%". A preposition such as "to" or "from" makes the
# number a level or a base ("rose to 3.7%", "up from 5%"), so it ends the search.
_GAP_DENY = frozenset(
    [
        "to",
        "from",
        "of",
        "at",
        "in",
        "on",
        "for",
        "and",
        "or",
        "than",
        "with",
        "as",
        "after",
        "before",
        "while",
        "since",
        "that",
        "which",
        "its",
        "their",
        "his",
        "her",
        "our",
        "your",
        "this",
        "these",
        "those",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
    ]
)
_APPROX_TAIL = regex.compile(
    r"(?:\b(?:nearly|almost|about|around|roughly|approximately|some|over|more\s+than|less\s+than|"
    r"under|just\s+over|just\s+under|close\s+to|up\s+to|at\s+least|as\s+much\s+as|as\s+little\s+as"
    r"|upwards\s+of|north\s+of|in\s+excess\s+of|slightly\s+over|slightly\s+more\s+than|well\s+over"
    r"|another|a\s+further|a\s+whopping|an?)\s*)+$",
    regex.IGNORECASE,
)
_WORD = regex.compile(r"[\w'.-]+")
# Up to two modifiers between the number and the noun ("a 19% share rally", "an 8%
# year-over-year increase"); a preposition or a participle ("following", "after") starts a
# phrase that is not the number's.
_NOUN_AFTER = regex.compile(
    r"\s+(?:(?!(?:in|of|to|from|at|on|for|and|or|by|with|than|as|the|a|an|which|that|after|"
    r"before|amid|despite|following|over|under|since)\b)(?![\w'-]*ing\b)[\w'-]+\s+){0,2}?"
    r"(?P<noun>" + MOVE_NOUN_ALT + r")\b",
    regex.IGNORECASE,
)
_NOUN_BEFORE = prefiltered(
    regex.compile(
        r"\b(?P<noun>" + MOVE_NOUN_ALT + r")(?:\s+(?:rate|figure))?"
        r"(?:\s+(?![\d])[\w'-]+){0,4}?\s+(?:of|to|at|by|was|were|is|are|came\s+in\s+at|stood\s+at)"
        r"\s+(?:[a-z]+\s+){0,3}$",
        regex.IGNORECASE,
    )
)
_LIST_GAP = regex.compile(
    r"^(?!.*\b(?:from|to|vs?\.?)\s*$)(?:[^;:.()\d%]|\.(?=\w)){0,90}$",
)
_LIST_CONNECTOR = regex.compile(
    r"\b(?:and|compared\s+(?:with|to)|versus|while|against)\b|,", regex.IGNORECASE
)
# "were down 64 points, or 0.17%": the verb governs the points and the percent after "or"; after
# a bare comma only a percent signed as the verb goes ("finished up +369 points, +0.97%").
_POINTS_OR = regex.compile(
    r"\b(?P<verb>up|down|" + MOVE_VERB_ALT + r")\s+(?:by\s+)?(?:about\s+|nearly\s+)?"
    r"[+\-−]?[\d.,]+\s+(?:points?|pts)"
    # "came down -317 points on the session, -0.82%", "shed 345 points today, or 2.2%"
    r"(?:\s+(?:on\s+the\s+(?:session|day)|today|on\s+(?:Mon|Tues|Wednes|Thurs|Fri)day))?\s*"
    r"(?:,?\s+or\s+(?:about\s+|nearly\s+|roughly\s+)?|(?P<comma>,)\s*)$",
    regex.IGNORECASE,
)


# "both ended the trading day +1.30%", "finished the session -0.4%": a signed number told as
# where a span ended is the move of the verb's subject over that span (its sign the direction).
_ENDED_SIGNED = regex.compile(
    r"\b(?P<verb>end(?:ed|s)|finish(?:ed|es)|clos(?:ed|es)|wrapped\s+up)\s+(?:out\s+)?the\s+"
    r"(?:trading\s+)?(?:day|session|week|month|quarter|year)\s+(?:at\s+)?$",
    regex.IGNORECASE,
)


# "ended nearly 1% down", "closed 2.3% up": up or down after the number of a verb that tells
# where a session ended or stood; not "a 20% down payment", "5% up from", "up to".
_UP_DOWN_AFTER = regex.compile(
    r"\s+(?P<word>up|down)\b(?!\s*(?:payments?|from|to|in|on)\b)", regex.IGNORECASE
)
_CLOSE_VERB_BEFORE = regex.compile(
    r"\b(?:end(?:ed|s|ing)|clos(?:ed|es|ing)|finish(?:ed|es|ing)|settl(?:ed|es|ing)|"
    r"open(?:ed|s|ing)|trad(?:ed|es|ing))\s+(?:(?:nearly|almost|about|around|roughly|some|"
    r"over|more\s+than|just|slightly)\s+)?$",
    regex.IGNORECASE,
)


# "lost 20% of its value" is the share price's fall, not a share of a whole.
_PROPORTION = regex.compile(
    r"\s+of\s+(?!the\s+(?:day|session|week|month|year)\b|(?:its|their)\s+(?:market\s+)?value\b)",
    regex.IGNORECASE,
)
# "expects revenue to rise 12.5%", "shares to gain 5%": an infinitive is a forecast.
_INFINITIVE = prefiltered(
    regex.compile(
        r"\bto\s+$|\b(?:expected|seen|forecast|projected|set|poised|likely|estimated)\s+to\s+be\s+$"
        r"|\b(?:expect\w*|forecast\w*|project\w*|predict\w*|anticipat\w*|estimat\w*|see[sn]?)\s+"
        r"(?:[\w'-]+\s+){0,4}?to\s+(?:\w+\s+){0,2}$",
        regex.IGNORECASE,
    )
)


_AUXILIARY = regex.compile(r"\b(?:is|are|was|were|has|have|had)\b")
# "growth was 12%, representing 140% of the peer median": a participle that makes the next
# number a ratio or a comparison, not another change told by the same verb.
_NOT_A_LIST = regex.compile(
    r"\b(?:representing|accounting|amounting|comprising|making|marking|equal(?:ling|ing)?|"
    r"translating|implying|reflecting|equivalent|exceed\w*|beat(?:ing|s)?|topp(?:ed|ing)|"
    r"miss(?:ed|ing)|surpass\w*|outpac\w*|ahead\s+of|shy\s+of)\b",
    regex.IGNORECASE,
)


# "Visa stock has outpaced its peer group over twelve months (+14.2% vs. +9.9%)", "Nvidia
# shares tripled Intel's return since 2022 (240% for the former against 80% for the latter)":
# two returns in brackets after a comparison verb, the first its subject's and the second its
# object's. A return written without a sign is a gain, as in
# the tables these sentences summarise (a loss carries its minus sign).
_PERCENT = r"[+\-−–]?\s?\d[\d,]*(?:\.\d+)?\s?%"
_PAIRED = prefiltered(
    regex.compile(
        r"\b(?P<verb>outperform(?:ed|ing|s)?|underperform(?:ed|ing|s)?|outpac(?:ed|ing|es)|"
        r"lagg(?:ed|ing)|trail(?:ed|ing)|(?:more\s+than\s+)?(?:doubled|tripled))\b"
        r"[^()%;:.]{0,120}?\(\s*(?:"
        rf"(?P<a>{_PERCENT})\s*,?\s*(?:vs\.?|versus|compared\s+(?:to|with)|against)\s*"
        rf"(?P<b>{_PERCENT})"
        rf"|(?P<a>{_PERCENT})\s+for\s+the\s+former\s*,?\s*(?:vs\.?|versus|compared\s+"
        rf"(?:to|with)|against|and|while)\s*(?P<b>{_PERCENT})\s+for\s+the\s+latter"
        r")\s*\)",
        regex.IGNORECASE,
    )
)


# "last quarter's earnings-related move of -2.1%": the words right before the number.
# Options tools print the sign of a fall, so a number without one is a rise.
_EARNINGS_MOVE_BEFORE = prefiltered(
    regex.compile(
        rf"\b(?:the\s+)?{PAST_EARNINGS_MOVE}\s+(?:of|was)\s+(?:about\s+|roughly\s+)?$",
        regex.IGNORECASE,
    )
)


# "Apple stock has returned roughly 700% since 2016", "has earned total returns of more than
# 129% over five years", "delivered a return of roughly 21% over the last twelve months": the
# return of a holding over a stretch, a rise unless signed. An annualised or average return is
# a yearly rate, not the move, and an expected, target or implied return is no move at all.
_RETURN_BEFORE = prefiltered(
    regex.compile(
        r"(?<!\b(?:expected|potential|implied|projected|target|annual|annuali[sz]ed|average|"
        r"required|estimated)\s)"
        r"\b(?P<verb>returned|(?:earned|delivered|generated|produced|posted)\s+(?:an?\s+)?"
        r"(?:total\s+)?returns?\s+of|total\s+returns?\s+of)\s+"
        r"(?:(?:about|around|roughly|nearly|almost|some|approximately|over|more\s+than|"
        r"close\s+to|just\s+over|just\s+under)\s+)?$",
        regex.IGNORECASE,
    )
)


def paired_returns(text: str, sentence: Sentence) -> dict[int, tuple[int, int, bool]]:
    """The numbers of bracketed return pairs in a sentence, by their start: the comparison
    verb's span and whether the number is the first (the subject's) of its pair."""
    if "(" not in sentence.text or "%" not in sentence.text:
        return {}
    found: dict[int, tuple[int, int, bool]] = {}
    for match in _PAIRED.finditer(text, sentence.start, sentence.end):
        verb = (match.start("verb"), match.end("verb"))
        found[match.start("a")] = (*verb, True)
        found[match.start("b")] = (*verb, False)
    return found


# "if the group plummets 50% so that the index falls 14%": a hypothetical, not a move.
_CONDITIONAL_CLAUSE = prefiltered(
    regex.compile(r"\b(?:if|unless|suppose|assuming)\b[^;.]*$", regex.I)
)


@dataclass(frozen=True, slots=True)
class Change:
    """A percentage with a direction and the words that give it."""

    quantity: Quantity
    direction: str  # "up" or "down"
    kind: TriggerKind
    trigger_start: int
    trigger_end: int
    sentence: Sentence
    head: int  # position in the sentence's changes of the change whose verb it shares (or own)
    hedged: bool = False  # "could rise 20%", "expected to jump": a forecast, not a move
    relative: bool = False  # "another 5% rise from its close in the U.S.": a cross-market gap

    @property
    def pct(self) -> float:
        """The signed change: +19.0 for a 19% rise, -3.5 for a 3.5% fall."""
        magnitude = abs(self.quantity.value)
        return magnitude if self.direction == "up" else -magnitude


def find_changes(
    text: str, tokens: Tokens, sentence: Sentence, percents: list[Quantity]
) -> list[Change]:
    """The percentage changes in one sentence, in text order; `percents` are its percentages."""
    changes: list[Change] = []
    previous_end = sentence.start
    paired = paired_returns(text, sentence)
    for i, quantity in enumerate(percents):
        left_start = previous_end
        previous_end = quantity.end
        right_end = percents[i + 1].start if i + 1 < len(percents) else sentence.end
        if _PROPORTION.match(text, quantity.end, right_end):
            continue  # "accounting for 6.5% of total sales": a share of a whole, never a change
        pair = paired.get(quantity.start)
        found: tuple[str, TriggerKind, int, int] | None
        earnings_move = _EARNINGS_MOVE_BEFORE.search(
            text, max(sentence.start, quantity.start - 90), quantity.start
        )
        if pair is not None:
            direction = "down" if quantity.sign < 0 else "up"
            found = direction, "paired", pair[0], pair[1]
        elif earnings_move is not None:
            direction = "down" if quantity.sign < 0 else "up"
            found = direction, "earnings_move", earnings_move.start(), earnings_move.end()
        elif (
            "return" in text[max(left_start, quantity.start - 50) : quantity.start]
            and (
                returned := _RETURN_BEFORE.search(
                    text, max(left_start, quantity.start - 50), quantity.start
                )
            )
            is not None
        ):
            direction = "down" if quantity.sign < 0 else "up"
            found = direction, "verb", returned.start("verb"), returned.end("verb")
        else:
            found = _trigger(text, tokens, quantity, left_start, right_end)
        if (found is None or found[1] == "sign") and changes:
            found = _list_member(text, tokens, quantity, changes[-1]) or found
        if found is None:
            continue
        direction, kind, t_start, t_end = found
        if quantity.sign and kind in ("sign", "list"):
            direction = "down" if quantity.sign < 0 else "up"
        head = changes[-1].head if kind == "list" else len(changes)
        hedge_end = min(t_start, quantity.start)  # "should see a 20 pct improvement"
        hedge_window = text[max(sentence.start, hedge_end - 60) : hedge_end]
        changes.append(
            Change(
                quantity=quantity,
                direction=direction,
                kind=kind,
                trigger_start=t_start,
                trigger_end=t_end,
                sentence=sentence,
                head=head,
                hedged=bool(FORECAST_BEFORE.search(hedge_window))
                or bool(_CONDITIONAL_CLAUSE.search(text, sentence.start, hedge_end))
                or bool(_INFINITIVE.search(text, max(sentence.start, t_start - 60), t_start))
                or (kind == "list" and changes[head].hedged if head < len(changes) else False),
                relative=bool(RELATIVE_CLOSE.match(text, quantity.end)),
            )
        )
    return changes


def _trigger(
    text: str, tokens: Tokens, quantity: Quantity, left_start: int, right_end: int
) -> tuple[str, TriggerKind, int, int] | None:
    if _PROPORTION.match(text, quantity.end, right_end):
        return None  # "84% of peers", "36 percent of Nissan's stock": a share of a whole
    after = HIGHER_LOWER.match(text, quantity.end, right_end)
    if after is not None:
        word = after.group(0).strip().lower()
        return ("up" if word == "higher" else "down"), "higher_lower", quantity.end, after.end()
    after = _UP_DOWN_AFTER.match(text, quantity.end, right_end)
    if after is not None and _CLOSE_VERB_BEFORE.search(
        text, max(left_start, quantity.start - 40), quantity.start
    ):
        return after.group("word").lower(), "higher_lower", quantity.end, after.end()
    left_from = max(left_start, quantity.start - 80)
    window = text[left_from : quantity.start]
    points = (
        _POINTS_OR.search(text, left_from, quantity.start)
        if "pt" in window or "point" in window
        else None
    )
    if points is not None:
        word = points.group("verb").lower()
        direction = word if word in ("up", "down") else verb_direction(word)
        if points.group("comma") and (
            not quantity.sign or (quantity.sign < 0) != (direction == "down")
        ):
            direction = None  # unsigned, or signed against the verb: not the points restated
        if direction is not None:
            kind: TriggerKind = "updown" if word in ("up", "down") else "verb"
            return direction, kind, points.start("verb"), points.end("verb")
    # A verb right before the number governs it ("rose 5.8% following a narrower loss"); a noun
    # after it only when no verb does ("a 19% surge").
    verb = _last_verb(text, tokens, left_from, quantity.start)
    if verb is not None:
        return verb
    noun = _NOUN_AFTER.match(text, quantity.end, right_end)
    if noun is not None:
        direction = noun_direction(noun.group("noun"))
        if direction is not None:
            return direction, "noun_after", noun.start("noun"), noun.end("noun")
    before = _NOUN_BEFORE.search(text, left_from, quantity.start)
    if before is not None:
        direction = noun_direction(before.group("noun"))
        if direction is not None:
            return direction, "noun_before", before.start("noun"), before.end("noun")
    if quantity.sign:
        direction = "down" if quantity.sign < 0 else "up"
        ended = _ENDED_SIGNED.search(text, left_from, quantity.start)
        if ended is not None:
            return direction, "verb", ended.start("verb"), ended.end("verb")
        return direction, "sign", quantity.start, quantity.start + 1
    return None


def _last_verb(
    text: str, tokens: Tokens, start: int, end: int
) -> tuple[str, TriggerKind, int, int] | None:
    """The move verb or up/down that governs the number at `end`, if the words between allow."""
    lo, hi = tokens.span(start, end)
    best = VERB_TABLE.last_before(tokens, lo, hi)
    if best is None:
        return None
    gap = text[best.end : end]
    approx = _APPROX_TAIL.search(gap)
    if approx is not None:
        gap = gap[: approx.start()]
    words = _WORD.findall(gap)
    if len(words) > 4 or any(w.lower() in _GAP_DENY or w.lower().endswith("ed") for w in words):
        return None
    if any(ch in gap for ch in ",;:()%$") or any(ch.isdigit() for ch in gap):
        return None
    kind, direction = best.label.split(":")
    return direction, "updown" if kind == "updown" else "verb", best.start, best.end


def _list_member(
    text: str, tokens: Tokens, quantity: Quantity, previous: Change
) -> tuple[str, TriggerKind, int, int] | None:
    """'rose 6.2% and 4.8%': a later number of a list shares the previous number's verb."""
    gap = text[previous.quantity.end : quantity.start]
    if not _LIST_GAP.match(gap) or not _LIST_CONNECTOR.search(gap):
        return None
    if _AUXILIARY.search(gap) or _NOT_A_LIST.search(gap):
        return None
    lo, hi = tokens.span(previous.quantity.end, quantity.start)
    if any(m.label.startswith("verb") for m in VERB_TABLE.find(tokens, lo, hi)):
        return None
    return previous.direction, "list", previous.trigger_start, previous.trigger_end
