"""Linking a cause phrase to events: the events told in it, the ones it points back to, or
the kind of event it names (found in the article or made from the phrase).

`CauseArticle` holds the records and where each is told; `link` is the one entry the cause
finders of `drivers` call with a move and the span of its cause.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import regex

from tickerwire.extract.causes import POINTER, category_spans
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.events.scan import SUMMARY_WORDS, capitalised
from tickerwire.extract.sentences import Sentence
from tickerwire.records import (
    AnalystViewAttributes,
    EarningsAttributes,
    Event,
    Evidence,
    GenericEventAttributes,
)

# Confidence of an event made from a cause phrase alone ("after forecasting a drop in sales"):
# the phrase names the event but tells little of it. Chosen below the weak patterns' 0.65.
CREATED_CONFIDENCE = 0.5
# Types that cannot be a cause: moves are effects, market value restates a move.
_NOT_DRIVERS = frozenset({"price_move", "index_move", "market_value"})
_MARKET_WIDE = frozenset({"government_policy", "regulation", "macro", "sector"})
# Types of the results family: one cause category ("earnings") whichever of them is told.
_RESULT_TYPES = ("earnings", "financial_metric", "guidance")
# The article's events a phrase naming a category may stand for (else those of the category's
# own type). Results ("a narrower quarterly loss") are not the forecast told elsewhere ("defers
# its outlook"): a phrase that names results without an earnings event to take makes its own.
_EXISTING_TYPES = {"earnings": ("earnings", "financial_metric")}
ONE_DAY = frozenset({"session", "premarket", "after_hours", "intraday"})
_DOWNGRADE = regex.compile(r"\b(?:downgrad\w*|cut|lowered|trimmed|slashed)\b", regex.I)
CLAIM_WORDS = 30  # as analyst_views.CLAIM_WORDS
# Kinds of event a cause phrase cannot make alone: a stake needs its holder.
_NOT_CREATED = frozenset({"stake_change", "market_value"})
_BEAT_WORDS = regex.compile(r"\b(?:beat|topped|exceeded|above|better-than-expected)\b", regex.I)
_MISS_WORDS = regex.compile(r"\b(?:miss(?:ed)?|below|short\s+of|worse-than-expected)\b", regex.I)
# An event whose cue follows another's within this many characters, with no "and" or comma
# between, is part of the first one's object ("a judge tossed out Musk's pay package").
_OBJECT_REACH = 80
# How far a verb may stand before the event's cue it governs ("projected higher AI-related
# spending": 28 characters); two or three modifiers, read off the FNSPID cause phrases.
_VERB_REACH = 40
# A cause phrase that is a worry ("on concerns over its sales in China") names no results that
# were reported: no earnings event is made from it.
_WORRY = regex.compile(
    r"\W*(?:(?:renewed|growing|fresh|mounting|lingering)\s+)?(?:concerns?|worries|worry|fears?|"
    r"jitters|doubts|uncertainty|nervousness|anxiety)\s+(?:over|about|around|of|on|that)\b",
    regex.IGNORECASE,
)
_RELATIVE = regex.compile(r"\b(?:that|which)\b", regex.IGNORECASE)
_SEPARATE = regex.compile(r",|;|\band\b|\balong\s+with\b|\bas\s+well\s+as\b", regex.IGNORECASE)


@dataclass(frozen=True)
class Told:
    """One mention of an event in the text: which record, where its cue stands."""

    record: int
    type: str
    entity: str | None
    sentence: Sentence
    start: int
    end: int


@dataclass
class CauseArticle:
    ctx: DocumentContext
    records: list[Event]
    told: list[Told]
    cued: dict[str, list[Sentence]]  # sentences holding each kind of cue word (events.cues)
    lowered: str  # the text in lower case, same offsets (the cause patterns read it)
    drivers: dict[int, list[int]] = field(default_factory=dict)
    created: dict[tuple[Any, ...], int] = field(default_factory=dict)

    @property
    def moves(self) -> list[Told]:
        return [t for t in self.told if t.type == "price_move"]


# -- targets --------------------------------------------------------------------------------------


def last_move_before(article: CauseArticle, sentence: Sentence) -> Told | None:
    """The move a back-reference points to: the last one told before, in the paragraph or the
    one before it; else the main company's main move."""
    earlier = [m for m in article.moves if m.sentence.index < sentence.index]
    if earlier and earlier[-1].sentence.paragraph >= sentence.paragraph - 1:
        last_sentence = earlier[-1].sentence.index
        return next(m for m in earlier if m.sentence.index == last_sentence)  # its first move
    main = article.ctx.main_company
    return main_move(article, main) if main else None


def moves_of_named(article: CauseArticle, start: int, end: int) -> list[Told]:
    """The main moves of the companies named in text[start:end] ("results from Meta and
    Amazon" is the cause of both moves)."""
    moves = []
    for group in article.ctx.groups_in(start, end):
        if group.entity_type == "company":
            move = main_move(article, group.entity_id)
            if move is not None and move not in moves:
                moves.append(move)
    return moves


def main_move(article: CauseArticle, entity: str | None, pct: float | None = None) -> Told | None:
    """The first one-day move told of `entity` (with that size when given), else its first."""
    moves = [m for m in article.moves if m.entity == entity]
    if pct is not None:
        sized = [
            m
            for m in moves
            if abs(abs(article.records[m.record].attributes["change_pct"]) - pct) < 0.01
        ]
        moves = sized or moves
    one_day = [m for m in moves if article.records[m.record].attributes["period"] in ONE_DAY]
    chosen = one_day or moves
    return chosen[0] if chosen else None


# -- linking ---------------------------------------------------------------------------------------


def link(article: CauseArticle, move: Told, sentence: Sentence, start: int, end: int) -> bool:
    """Link the events of the cause phrase text[start:end] to `move`; True if any."""
    if end - start < 3:
        return False
    inside = _events_in(article, start, end)
    phrase = article.ctx.text[start:end]
    if inside:
        add_drivers(article, move, inside)
        covered = {_category(article.records[r].type) for r in inside}
        _link_categories(article, move, sentence, start, end, covered)
        return True
    if POINTER.match(phrase):
        earlier = [
            r
            for r in _events_before(article, sentence, move.entity)
            if article.records[r].attributes.get("fact_level") != "opinion"
        ]
        of_results = regex.search(r"\b(?:results?|report|release|earnings)\b", phrase, regex.I)
        if of_results:
            # "after the results": not the analysts' estimates told just before
            earlier = [
                r
                for r in earlier
                if article.records[r].type in _RESULT_TYPES
                and not article.records[r].attributes.get("is_estimate")
            ]
        if earlier:
            add_drivers(article, move, earlier)
            return True
    return _link_categories(article, move, sentence, start, end, set())


def _category(event_type: str) -> str:
    return "earnings" if event_type in _RESULT_TYPES else event_type


def _link_categories(
    article: CauseArticle, move: Told, sentence: Sentence, start: int, end: int, covered: set[str]
) -> bool:
    """Link the kinds of events a cause phrase names and no event inside it covers: the
    article's event of that kind for the company, else one made from the phrase. A word in the
    object of an event found inside ("forecast higher costs to develop new features") names
    no cause of its own."""
    inside = [t for t in article.told if start <= t.start < end and t.type not in _NOT_DRIVERS]
    linked = []
    named = category_spans(
        article.ctx.text[start:end], lambda at: _governs_event(article, inside, start + at)
    )
    for category, at in named:
        if _category(category) in covered:
            continue
        position = start + at
        if any(
            t.end <= position <= t.end + _OBJECT_REACH
            and not _SEPARATE.search(article.ctx.text, t.end, position)
            for t in inside
        ):
            continue
        if any(
            earlier < at and _described_by_clause(article.ctx.text, start + earlier, position)
            for _, earlier in named
        ):
            continue
        entity = None if category in _MARKET_WIDE else move.entity
        record = existing_event(article, category, entity, sentence)
        if (
            record is None
            and category not in _NOT_CREATED
            and not (category == "earnings" and _WORRY.match(article.ctx.text, start, end))
        ):
            record = _create(article, category, entity, sentence, start, end)
        if record is not None:
            linked.append(record)
    if linked:
        add_drivers(article, move, linked)
    return bool(linked)


def _governs_event(article: CauseArticle, inside: list[Told], position: int) -> bool:
    """Whether the word at `position` is the verb of an event found just after it ("projected
    higher AI-related spending" is the investment plan told, not guidance besides)."""
    return any(
        0 < t.start - position <= _VERB_REACH
        and not _SEPARATE.search(article.ctx.text, position, t.start)
        for t in inside
    )


def _described_by_clause(text: str, named_at: int, position: int) -> bool:
    """Whether the word at `position` stands in a relative clause about the cause named at
    `named_at` ("weak earnings that raised worries about its exposure to the property sector"):
    it tells what that cause did, not a second cause."""
    clause = _RELATIVE.search(text, named_at, position)
    return clause is not None and not _SEPARATE.search(text, named_at, position)


def _events_in(article: CauseArticle, start: int, end: int) -> list[int]:
    """Records of the events told inside text[start:end], an event's object left out."""
    inside = [t for t in article.told if start <= t.start < end and t.type not in _NOT_DRIVERS]
    kept: list[Told] = []
    for told in inside:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.record != told.record
            and told.start - previous.end <= _OBJECT_REACH
            and told.start >= previous.end
            and not _SEPARATE.search(article.ctx.text, previous.end, told.start)
            and previous.type not in ("financial_metric", "earnings")
        ):
            continue
        kept.append(told)
    return list(dict.fromkeys(t.record for t in kept))


def _events_before(article: CauseArticle, sentence: Sentence, entity: str | None) -> list[int]:
    """Events told in the nearest earlier sentence of the paragraph that tells any (else in
    the last sentence of the paragraph before), preferring those of `entity`."""
    candidates = [
        t
        for t in article.told
        if t.sentence.index < sentence.index
        and t.type not in _NOT_DRIVERS
        and (t.sentence.paragraph == sentence.paragraph or t.sentence.index == sentence.index - 1)
    ]
    if not candidates:
        return []
    nearest = max(t.sentence.index for t in candidates)
    chosen = [t for t in candidates if t.sentence.index == nearest]
    own = [t for t in chosen if t.entity == entity]
    return list(dict.fromkeys(t.record for t in (own or chosen)))


def existing_event(
    article: CauseArticle, category: str, entity: str | None, sentence: Sentence | None
) -> int | None:
    """The article's event of `category` about `entity`: in the paragraph first, then anywhere."""
    types = _EXISTING_TYPES.get(category, (category,))
    candidates = [
        t
        for t in article.told
        if t.type in types
        and (t.entity == entity or entity is None)
        and not article.records[t.record].attributes.get("is_estimate")
        and (
            article.records[t.record].attributes.get("fact_level", "fact") == "fact"
            or t.type in ("guidance", "investment_plan")
        )
    ]
    if not candidates:
        return None
    if sentence is not None:
        near = [t for t in candidates if t.sentence.paragraph == sentence.paragraph]
        if near:
            return min(near, key=lambda t: abs(t.start - sentence.start)).record
        if category in _MARKET_WIDE:
            return None  # a sector or policy named here is not one told elsewhere in the article
    ranked = sorted(candidates, key=lambda t: (types.index(t.type), t.start))
    return ranked[0].record


def _create(
    article: CauseArticle,
    category: str,
    entity: str | None,
    sentence: Sentence,
    start: int,
    end: int,
) -> int:
    """An event made from a cause phrase that names it ("after forecasting a drop in sales")."""
    key = (category, entity, sentence.index)
    if key in article.created:
        return article.created[key]
    ctx = article.ctx
    words = " ".join(ctx.original[start:end].split()).strip(" ,.;:").split(" ")
    summary = " ".join(words[:SUMMARY_WORDS])
    summary = capitalised(summary)
    attributes: dict[str, Any]
    if category == "earnings":
        phrase = ctx.text[start:end]
        vs: Literal["beat", "miss"] | None = None
        if _BEAT_WORDS.search(phrase):
            vs = "beat"
        elif _MISS_WORDS.search(phrase):
            vs = "miss"
        attributes = EarningsAttributes(summary=summary, vs_expectations=vs).model_dump(mode="json")
    elif category == "analyst_view":
        phrase = ctx.text[start:end]
        stance: Literal["positive", "negative", "neutral"] = (
            "negative" if _DOWNGRADE.search(phrase) else "positive"
        )
        attributes = AnalystViewAttributes(
            firm=None, stance=stance, claim=" ".join(words[:CLAIM_WORDS])
        ).model_dump(mode="json")
    else:
        attributes = GenericEventAttributes(summary=summary).model_dump(mode="json")
    attributes["fact_level"] = {"guidance": "forecast", "analyst_view": "opinion"}.get(
        category, "fact"
    )
    event = Event(
        type=category,
        entity=entity,
        evidence=Evidence(
            start=sentence.start, end=sentence.end, text=ctx.original[sentence.start : sentence.end]
        ),
        confidence=CREATED_CONFIDENCE,
        attributes=attributes,
    )
    article.records.append(event)
    record = len(article.records) - 1
    article.told.append(Told(record, category, entity, sentence, start, end))
    article.told.sort(key=lambda t: t.start)
    article.created[key] = record
    return record


def link_named_results(article: CauseArticle, move: Told, start: int, end: int) -> None:
    """Link `move` to the results its own words name ("the previous quarter's earnings-related
    move"): an earnings event made from text[start:end], not the article's other results (the
    report ahead, a forecast), which did not move the stock then."""
    record = _create(article, "earnings", move.entity, move.sentence, start, end)
    add_drivers(article, move, [record])


def add_drivers(article: CauseArticle, move: Told, records: list[int]) -> None:
    drivers = article.drivers.setdefault(move.record, [])
    for record in records:
        if (
            record not in drivers
            and record != move.record
            and not _compared(article, record, drivers)
        ):
            drivers.append(record)


def _compared(article: CauseArticle, record: int, drivers: list[int]) -> bool:
    """Whether `record` is a figure set beside a reported one: the forecast it beat ("41 cents,
    above the 34 cents expected") or the year-earlier figure. The reported figure is the cause;
    the yardstick is not. A second figure of a metric already among the drivers is taken as
    such a yardstick (the reported figure is told first)."""
    event = article.records[record]
    if event.type != "financial_metric":
        return False
    if event.attributes.get("is_estimate"):
        return True
    key = (event.entity, event.attributes.get("metric"), event.attributes.get("segment"))
    return any(
        (other := article.records[d]).type == "financial_metric"
        and (other.entity, other.attributes.get("metric"), other.attributes.get("segment")) == key
        for d in drivers
    )


def link_previous_sentence(article: CauseArticle, move: Told) -> None:
    """'Intel posted strong results. The stock rose 4%.': a move told with a
    back-reference right after its company's news takes that news as its cause."""
    sentence = move.sentence
    if sentence.index == 0 or article.records[move.record].attributes["period"] not in ONE_DAY:
        return  # "The stock has gained 22% this year" is not explained by yesterday's news
    previous = article.ctx.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return
    if any(m.sentence.index == previous.index for m in article.moves):
        return  # the sentence before tells a move: this one goes on with the move story
    records = [
        t.record
        for t in article.told
        if t.sentence.index == previous.index
        and t.type not in _NOT_DRIVERS
        and t.entity == move.entity
    ]
    if records:
        add_drivers(article, move, list(dict.fromkeys(records)))
