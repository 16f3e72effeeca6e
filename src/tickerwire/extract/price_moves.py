"""`price_move` and `index_move` events from changes whose topic is a listing or an index."""

from __future__ import annotations

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.dedupe import Found
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.lexicon import SUBJECT_TABLE, VENUE, VENUE_KEYS
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.subject_scan import Topic
from tickerwire.extract.timing import Timing, move_timing, windows
from tickerwire.records import Event, Evidence, IndexMoveAttributes, PriceMoveAttributes

# Confidence of a move read from a named subject, a verb and a number in one clause; the
# penalties below were set by reading the seed and FNSPID outputs (an inferred day or a
# defaulted period is right most of the time, but not always).
BASE_CONFIDENCE = 0.9
INFERRED_DATE_PENALTY = 0.1
DEFAULT_PERIOD_PENALTY = 0.05
LIST_PENALTY = 0.05
# Index-futures reports in news come before the cash open (FNSPID gold labels them premarket).
FUTURES_DEFAULT_PERIOD = "premarket"
# The index a futures contract named after a market follows: "Nasdaq futures" are the Nasdaq
# 100 contracts (NQ); no Nasdaq Composite futures trade. (ticker, entity id) by index ticker.
_FUTURES_INDEX = {"COMP": ("NDX", "nasdaq-100")}

_LEVEL_AFTER = regex.compile(
    r"\s*(?:higher|lower)?\s*,?\s*(?:to|at)\s+(?:a\s+)?(?:(?:record|new)\s+)?$", regex.I
)
_LEVEL_BEFORE = regex.compile(r"\b(?:at|to)\s+$", regex.IGNORECASE)
# A new clause between a level and a later move: the level is the earlier clause's ("closed at
# 18,868.71, and the tech index advanced 2.1%").
_CLAUSE_BREAK = regex.compile(
    r"[;]|,?\s+\b(?:and|while|whereas|but|as|with)\s+(?:the\s+)?[A-Z]", regex.IGNORECASE
)

# "fell 0.5% against its peers and held near the bottom of its range at 103.03", "rose 0.3% on
# the day, at 104.2": a level told later in the move's own clause chain ends it with "at". The
# words on the way must name no other subject (a name, a share noun, "the euro"), hold no other
# number and open no clause of another kind ("while ...", "which ...").
_LATER_LEVEL_GAP = regex.compile(r"[^;%$€£¥()\d]{0,100}?\bat\s+$")
_LATER_LEVEL_BREAK = regex.compile(
    r"\b(?:while|whereas|but|as|after|when|which|who|compared|versus|vs|than|from|since|"
    r"following|amid|with)\b",
    regex.IGNORECASE,
)
# The basket a currency index is measured against ("against a basket of six currencies").
_AGAINST_BASKET = regex.compile(
    r"\bagainst\s+(?:[\w-]+\s+){0,5}?(?:currencies|peers|rivals)\b", regex.IGNORECASE
)
# "fell 1.6%, or 79.3 points, to end at 4,845.65": the points after "or" restate the move.
_POINTS_OR = regex.compile(r"\s*,?\s*or\s+(?:about\s+|nearly\s+|roughly\s+)?", regex.IGNORECASE)
_CLOCK_AFTER = regex.compile(r"\s*(?:a\.?m\b|p\.?m\b|ET\b|GMT\b|:\d)", regex.IGNORECASE)


# A clause that tells why a stock moved ("after weak sales in the U.S.", "following losses
# linked to U.S. property"): a place named there is not where the shares traded. "on" opens a
# cause ("on a U.S. recall") unless a market or a debut follows it ("on the Nasdaq", "on its
# Hong Kong debut").
_CAUSE_OPENING = regex.compile(
    r"\b(?:after|following|amid|despite|due\s+to|because\s+of|thanks\s+to|"
    r"on(?!\s+(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}?(?:NYSE|Nasdaq|Wall\s+Street|"
    r"New\s+York|London|Tokyo|Hong\s+Kong|Shanghai|Shenzhen|exchange|market|debut|trading)\b))\b",
    regex.IGNORECASE,
)
# What ends a cause: another clause with its own subject (a cause may run on past a comma:
# "following the loss, attributed to bad U.S. loans").
_CLAUSE_END = regex.compile(r";|,?\s+(?:but|while|whereas|and\s+(?:its|the|their))\s")
# The rest of a dotted quote code after its symbol ("ADS" + ".D.DX").
_DOTTED_CODE = regex.compile(r"\.[A-Z]{1,3}\b")


def evidence(ctx: DocumentContext, start: int, end: int) -> Evidence:
    """The evidence span [start, end) quoted from the clean text."""
    return Evidence(start=start, end=end, text=ctx.original[start:end])


def _venue(
    ctx: DocumentContext, change: Change, topic: Topic, next_start: int, alone: bool
) -> str | None:
    """Words that name the market of the move ("in Hong Kong", "U.S.-listed", "ADRs")."""
    text = ctx.text
    left_start, right_end, _ = windows(ctx, change, topic.subject_end, next_start)
    spans = []
    if topic.subject_start >= 0:
        spans.append((max(change.sentence.start, topic.subject_start - 5), topic.subject_end))
    spans.append((change.quantity.end, right_end))
    spans.append((left_start, change.quantity.start))
    if alone:
        spans.append((change.sentence.start, change.sentence.end))
    masked: list[tuple[int, int]] | None = None  # the cause clauses, read when first needed
    for start, end in spans:
        match = VENUE.search(text, start, end)
        while match is not None:
            if match.lastgroup is not None and not _DOTTED_CODE.match(text, match.end()):
                # ("Adidas (ADS.D.DX)": a quote code, not American depositary shares)
                if masked is None:
                    masked = _cause_spans(text, change.sentence.start, change.sentence.end)
                # "fell 3% after a U.S. recall": the cause's place, not the market's
                if not any(a <= match.start() < b for a, b in masked):
                    break
            match = VENUE.search(text, match.end(), end)
        if match is not None and match.lastgroup is not None:
            return VENUE_KEYS[match.lastgroup]
    return None


def _cause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The cause clauses of text[start:end] (see _CAUSE_OPENING), each to its clause's end."""
    spans = []
    for match in _CAUSE_OPENING.finditer(text, start, end):
        close = _CLAUSE_END.search(text, match.end(), end)
        spans.append((match.start(), close.start() if close is not None else end))
    return spans


def _confidence(base: float, penalty: float, timing: Timing, listed: bool) -> float:
    value = base - penalty
    if timing.date_inferred:
        value -= INFERRED_DATE_PENALTY
    if timing.period_defaulted:
        value -= DEFAULT_PERIOD_PENALTY
    if listed:
        value -= LIST_PENALTY
    return round(max(0.05, min(1.0, value)), 3)


def move_events(ctx: DocumentContext, changes: list[Change], topics: list[Topic]) -> list[Found]:
    """Price and index moves of one sentence, in text order."""
    events: list[Found] = []
    previous: Timing | None = None
    alone = len(changes) == 1
    for change, topic in zip(changes, topics, strict=True):
        if topic.kind not in ("share", "index") or change.hedged or change.relative:
            continue
        # The words after the last number of a list time every number of it ("rose 15% and 7%
        # in after-hours trading, respectively").
        last = max(j for j, other in enumerate(changes) if other.head == change.head)
        next_start = (
            changes[last + 1].quantity.start if last + 1 < len(changes) else change.sentence.end
        )
        listed = bool(topic.extra.get("list")) or len(topic.owners) > 1
        for owner in topic.owners:
            if topic.kind == "share":
                if not ctx.has_listings(owner.entity_id):
                    continue
                venue = _venue(ctx, change, topic, next_start, alone)
                ticker = ctx.ticker_of(owner.entity_id, venue, owner.ticker)
                if ticker is None:
                    continue
            else:
                ticker = ctx.ticker_of(owner.entity_id, None, owner.ticker) or owner.entity_id
            entity_id = owner.entity_id
            if topic.kind == "index" and topic.futures and ticker in _FUTURES_INDEX:
                ticker, entity_id = _FUTURES_INDEX[ticker]
            mic = ctx.exchange_of(ticker)
            reaction = bool(topic.extra.get("reaction"))
            timing = move_timing(
                ctx, change, topic.subject_end, next_start, mic, previous, alone, reaction
            )
            previous = timing
            q = change.quantity
            approximate = q.approximate and q.approx_word not in ("as much as", "up to")
            confidence = _confidence(BASE_CONFIDENCE, owner.penalty, timing, listed)
            if topic.kind == "share":
                attributes = PriceMoveAttributes(
                    listing=ticker,
                    direction="up" if change.direction == "up" else "down",
                    change_pct=change.pct,
                    period=timing.period,  # type: ignore[arg-type]
                    since=timing.since,
                    approximate=approximate,
                    context=timing.context,
                ).model_dump(mode="json")
                event_type = "price_move"
            else:
                period = timing.period
                if topic.futures and timing.period_defaulted and not topic.extra.get("prior_day"):
                    period = FUTURES_DEFAULT_PERIOD
                attributes = IndexMoveAttributes(
                    index=ticker,
                    direction="up" if change.direction == "up" else "down",
                    change_pct=change.pct,
                    level=_level(ctx, change, next_start, topic.subject_end, entity_id),
                    period=period,  # type: ignore[arg-type]
                    since=timing.since,
                    approximate=approximate,
                    instrument="futures" if topic.futures else "index",
                ).model_dump(mode="json")
                event_type = "index_move"
            event = Event(
                type=event_type,
                entity=entity_id,
                date=timing.date,
                date_text=timing.date_text,
                evidence=evidence(ctx, change.sentence.start, change.sentence.end),
                confidence=confidence,
                attributes=attributes,
            )
            explicit = timing.date is not None and not timing.date_inferred
            events.append(Found(event, explicit, change.quantity.start, timing.period_defaulted))
    return events


def _level(
    ctx: DocumentContext, change: Change, next_start: int, subject_end: int, entity_id: str
) -> float | None:
    """'rose 1.94% to 25,829.91' or 'closed at 25,829.91, up 1.94%': the index level.

    A level before the number belongs to this move only inside its clause: after the move's
    own subject (`subject_end`, -1 when the sentence names none) and with no new clause between
    them; otherwise it is another index's level.
    """
    sentence = change.sentence
    end = min(next_start, sentence.end)
    start = change.quantity.end
    following = ctx.quantities_in(start, end)
    if (
        following
        and following[0].kind == "index_points"
        and _POINTS_OR.fullmatch(ctx.text, start, following[0].start)
    ):
        # "slid 0.8% or 317 points to close at 38,150.30": the points restate the move
        start = following[0].end
        following = following[1:]
    for q in following:
        level_kind = q.kind in ("number", "index_points")  # "to 15,361.64 points"
        if level_kind and _LEVEL_AFTER.match(ctx.text, start, q.start):
            # "rose 1.2% at 10 a.m.": a clock time, no level
            return None if _CLOCK_AFTER.match(ctx.text, q.end) else q.value
        break
    later = _later_level(ctx, sentence, start, end, entity_id)
    if later is not None:
        return later
    before = [
        q
        for q in ctx.quantities_in(
            max(sentence.start, change.trigger_start - 40), change.trigger_start
        )
        if q.kind == "number"
    ]
    if not before:
        return None
    level = before[-1]
    if level.start < subject_end or _CLAUSE_BREAK.search(ctx.text, level.end, change.trigger_start):
        return None
    if _LEVEL_BEFORE.search(ctx.text, max(sentence.start, level.start - 6), level.start):
        return level.value
    return None


def _later_level(
    ctx: DocumentContext, sentence: Sentence, start: int, end: int, entity_id: str
) -> float | None:
    """The level told at the end of a later predicate of the move's clause (_LATER_LEVEL_GAP),
    read in [start, end) from the move's number on; a name on the way may only be the index's
    own (its quote code, "=USD")."""
    later = [q for q in ctx.quantities_in(start, end) if q.kind in ("number", "index_points")]
    if not later:
        return None
    level = later[0]
    text = ctx.text
    # (no number may stand on the way either: _LATER_LEVEL_GAP admits no digit)
    if (
        any(g.entity_id != entity_id for g in ctx.groups_in(start, level.start))
        or not _LATER_LEVEL_GAP.fullmatch(text, start, level.start)
        or _LATER_LEVEL_BREAK.search(text, start, level.start)
        or _CLOCK_AFTER.match(text, level.end)
        or level.value <= 0
    ):
        return None
    baskets = [m.span() for m in _AGAINST_BASKET.finditer(text, start, level.start)]
    tokens = ctx.tokens(sentence)
    lo, hi = tokens.span(start, level.start)
    for term in SUBJECT_TABLE.find(tokens, lo, hi):
        if not any(b_start <= term.start < b_end for b_start, b_end in baskets):
            return None
    return level.value


# "were down 203.5 points, or 1.16%": a move told with its points restates the figure in full.
_WITH_POINTS = regex.compile(r"\bpoints?\b|\bpts\b", regex.IGNORECASE)


def drop_contradicted_moves(found: list[Found]) -> list[Found]:
    """Drop a move that another move of the article contradicts: same listing or index, same
    size, period and day, the opposite direction ("Futures: ... Nasdaq up 1.16%" over a story
    that says the Nasdaq 100 e-minis were down 203.5 points, or 1.16%). The one told with a
    level or with its points is the story's and stays; when neither is, both go (which one is
    right the text leaves open)."""
    signed = {
        item.event.attributes.get("change_pct")
        for item in found
        if item.event.type in ("price_move", "index_move")
    }
    if not any(isinstance(pct, float) and pct > 0 and -pct in signed for pct in signed):
        return found  # no figure told both ways: the common case, decided cheaply
    groups: dict[tuple[object, ...], list[Found]] = {}
    for item in found:
        event = item.event
        if event.type not in ("price_move", "index_move"):
            continue
        at = event.attributes
        key = (
            event.type,
            event.entity,
            at.get("listing") or at.get("index"),
            abs(round(at.get("change_pct") or 0.0, 6)),
            at.get("period"),
            at.get("since"),
            at.get("instrument"),
            event.date,
        )
        groups.setdefault(key, []).append(item)
    dropped: set[int] = set()
    for items in groups.values():
        if len({f.event.attributes.get("direction") for f in items}) < 2:
            continue
        full = [f for f in items if _told_in_full(f.event)]
        kept_directions = {f.event.attributes.get("direction") for f in full}
        for item in items:
            if len(kept_directions) != 1 or item.event.attributes.get("direction") not in (
                kept_directions
            ):
                dropped.add(id(item))
    if not dropped:
        return found
    return [item for item in found if id(item) not in dropped]


def _told_in_full(event: Event) -> bool:
    """Whether a move comes with its level or its points (the story's telling of it)."""
    return event.attributes.get("level") is not None or bool(
        _WITH_POINTS.search(event.evidence.text)
    )
