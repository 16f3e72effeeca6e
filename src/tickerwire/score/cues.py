"""The rules that turn a sentence's units into cues of tone.

Tone comes from:

- polar phrases ("beat estimates" +, "bankruptcy" -);
- a direction acting on a quantity: "operating loss widened" is up x bad = negative, "costs
  decreased" down x bad = positive, "raised its guidance" up x good = positive. The quantity is
  looked for right after the direction ("cut costs", "rise in sales"), then before it in the same
  clause ("sales rose"); a direction without a quantity keeps a smaller tone of its own ("Apple
  rose 3%": the subject of a price verb is usually the company or its shares);
- a change stated only by figures ("to EUR 5 mn from EUR 4 mn", "EUR 5 mn (EUR 4 mn)");
- a state reached ("swung to a loss", "returned to profit", "profit, compared with a loss");
- a quantity named alone ("posted a net loss" leans negative).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tickerwire.score.lexicon import Target
from tickerwire.score.units import IMPERATIVE_CALLS, SentenceUnits

# --- tuned constants --------------------------------------------------------------------------
# Swept one at a time on the development split (PhraseBank 75Agree lines not in AllAgree,
# 1,188 sentences; macro-F1 0.805 with the values below). The split holds few negations and
# contrasts, so those weights barely move it and keep the usual values of lexicon scorers.

# A negated cue keeps three quarters of its size with the sign flipped ("did not miss" is good
# news but weaker than "beat"). -0.5..-1.0 all gave 0.805..0.806.
NEGATION_FACTOR = -0.75
# A quantity after "from"/"compared with" is the past: its own tone counts reversed and halved
# ("compared with a loss of EUR 1 mn" leans positive). 0 gave 0.804, -1 gave 0.806.
REFERENCE_FACTOR = -0.5
# Tone of "swung to a loss" / "returned to profit" and of a change stated only by figures:
# a little under a plain "profit rose" (1.0), as the words do not say how large the change is.
# 0.6..1.0 gave 0.805..0.807.
STATE_CHANGE_STRENGTH = 0.8
FIGURES_STRENGTH = 0.8
# How far a direction looks for its quantity, in units: to the right only through a short
# noun phrase ("increased its full-year dividend"), to the left through a subject with a
# figure in between ("Operating profit totalled EUR 21.1 mn, up from ..."). Right 3 gave
# 0.802 (4 or 5: 0.805); left 6 gave 0.793, 10 0.805, 14 0.806.
RIGHT_WINDOW = 4
LEFT_WINDOW = 10


def _word_set(words: str) -> frozenset[str]:
    """The words of a space-separated list."""
    return frozenset(words.split())


CueKind = Literal["polar", "change", "figures", "state", "quantity", "negator", "call"]

# Words that end the search to the right of a direction: what follows them is not its object
# ("rose on higher sales", "increased to EUR 5 mn").
_RIGHT_STOP_WORDS = _word_set(
    "on after as amid due thanks following because with while from to at than for and or "
    "but was were is are be been has have had will would said says"
)
_RIGHT_PASSABLE = frozenset(("word", "num", "intensifier"))
# Words that do not make a new subject between a quantity and its verb ("profit, as expected,
# rose" keeps "profit"; "banks, metals down" does not reach back past "metals").
_FUNCTION_WORDS = _word_set(
    "the a an its their his her our has have had was were is are been be also all both "
    "each respectively by of in for to and than as expected year-on-year year-over-year "
    "yoy excluding including"
)
# Tone words that are something else right after an amount ("5 trillion won", "$190 strike").
_AFTER_AMOUNTS_NO_TONE = frozenset(("won", "strike", "strikes"))
# Words that end an amount ("5 trillion won").
_AMOUNT_WORDS = frozenset(("million", "billion", "trillion", "bn", "mn", "tn", "thousand"))
# Directions that say where, not what grows: "below record highs" is no fall of highs.
_PLACE_DIRECTIONS = frozenset(("below", "above", "up", "down", "up from", "down from"))
_DETERMINERS = frozenset(("the", "a", "an", "its", "their"))
# Words between "swung to" and the state it reached ("swung to a small net loss").
_STATE_FILLERS = frozenset(("a", "an", "the", "its", "their", "full-year", "quarterly", "annual"))
# "fell into the red", "swung back into the black".
_STATE_WORDS: dict[str, float] = {"red": -1.0, "black": 1.0}
_SCALES: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "mio": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
# Words that name the currency of the figure after them ("EUR 5 mn", "Rs 1,200 crore").
_CURRENCY_WORDS = _word_set(
    "eur euro euros usd dollars dollar us sek nok dkk gbp pounds pound rs inr rupees cad "
    "aud chf jpy yen rmb cny yuan hkd won krw"
)
_COMPARISON_WORDS = frozenset(("compared with", "compared to", "versus", "vs", "against"))


# Not frozen, though never changed: one is built per cue of every sentence, and frozen=True
# makes building cost three times as much (object.__setattr__ per field); unsafe_hash keeps
# the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class Cue:
    """One piece of tone in a sentence.

    `start`/`end` cover the words that carry it, `anchor` is where its subject (or object, by
    `target`) is looked for when it is attributed to an entity, `clause` the clause it is in,
    `kind` where the tone came from (a polar phrase, a change of a quantity, ...).
    """

    start: int
    end: int
    anchor: int
    value: float
    target: Target
    clause: int
    text: str
    kind: CueKind


def find_cues(sentence: SentenceUnits) -> list[Cue]:
    """Every cue of a sentence, in text order."""
    cues: list[Cue] = []
    if not sentence.kinds:
        return cues
    # each rule starts from units of its kinds; most sentences have none of some kinds
    positions = sentence.positions
    if "state_change" in positions:
        _state_change_cues(sentence, cues)
    if "direction" in positions:
        _direction_cues(sentence, cues)
    if sentence.figure_markers:
        _figures_cues(sentence, cues)
    _polar_cues(sentence, cues)
    if "quantity" in positions:
        _quantity_cues(sentence, cues)
    if "negator" in positions:
        _negator_cues(sentence, cues)
    if len(cues) > 1:
        cues.sort(key=_cue_start)
    return cues


def _cue_start(cue: Cue) -> int:
    return cue.start


def _modified(sentence: SentenceUnits, value: float, *units: int) -> float:
    """`value` after the weights, intensities and negations of the units that make the cue."""
    negated = False
    for unit in units:
        value *= sentence.multipliers[unit]
        negated = negated or sentence.negated[unit]
    value *= sentence.weights[units[0]]
    return value * NEGATION_FACTOR if negated else value


def _cue(
    sentence: SentenceUnits,
    kind: CueKind,
    first: int,
    last: int,
    anchor: int,
    value: float,
    target: Target = "subject",
) -> Cue:
    texts, starts, ends = sentence.texts, sentence.starts, sentence.ends
    text = texts[first] if first == last else f"{texts[first]} … {texts[last]}"
    start, end = min(starts[first], starts[last]), max(ends[first], ends[last])
    return Cue(start, end, anchor, value, target, sentence.clauses[first], text, kind)


def _state_change_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    kinds, texts = sentence.kinds, sentence.texts
    for index in sentence.at("state_change"):
        start = sentence.starts[index]
        for inner in range(index + 1, min(len(kinds), index + 5)):
            polarity = None
            if kinds[inner] == "quantity" and sentence.value(inner) != 0:
                polarity = sentence.value(inner)
                sentence.bound[inner] = True
            elif kinds[inner] == "word" and texts[inner] in _STATE_WORDS:
                polarity = _STATE_WORDS[texts[inner]]
            if polarity is not None:
                value = _modified(sentence, STATE_CHANGE_STRENGTH * polarity, index, inner)
                cues.append(_cue(sentence, "state", index, inner, start, value))
                break
            if not (kinds[inner] == "intensifier" or texts[inner] in _STATE_FILLERS):
                break  # "moved to ease concerns": a verb between, not a state reached
        else:
            if sentence.value(index):
                value = _modified(sentence, sentence.value(index), index)
                cues.append(_cue(sentence, "state", index, index, start, value))


def _right_stops(sentence: SentenceUnits, unit: int) -> bool:
    kind = sentence.kinds[unit]
    if kind in _RIGHT_PASSABLE:
        return kind == "word" and sentence.texts[unit] in _RIGHT_STOP_WORDS
    return not (kind == "polar" and sentence.value(unit) == 0.0)


def _find_quantity(
    sentence: SentenceUnits, index: int, look_right: bool
) -> tuple[int | None, bool]:
    """The quantity a direction at `index` acts on, and whether it was found to the right.

    Only a direction word (`look_right`) stops at a name right before it or at a list item:
    figures follow their currency ("EUR 5 mn") or an aside, not a subject."""
    kinds, texts, clauses = sentence.kinds, sentence.texts, sentence.clauses
    clause = clauses[index]
    if look_right:
        tone_object = texts[index] not in _PLACE_DIRECTIONS
        for distance, inner in enumerate(
            range(index + 1, min(len(kinds), index + 1 + RIGHT_WINDOW))
        ):
            if kinds[inner] == "quantity":
                return inner, True
            if tone_object and kinds[inner] == "polar" and sentence.value(inner) and distance == 0:
                return inner, True  # "rising challenges": the tone word is what grows
            if _right_stops(sentence, inner):
                break
            tone_object = tone_object and texts[inner] in _DETERMINERS
    saw_word = False
    for distance, inner in enumerate(range(index - 1, max(0, index - LEFT_WINDOW) - 1, -1)):
        if clauses[inner] != clause:
            break
        if (
            kinds[inner] == "quantity"
            and not sentence.reference[inner]
            and not sentence.negated[inner]
        ):
            return inner, False  # not "snub concerns, surge 3%": a negated object
        if look_right:
            if distance == 0 and sentence.capitalised(inner):
                break  # a name right before the verb is its subject: "..., Barclays falls"
            if texts[inner] == "," and saw_word:
                break  # a list item of its own: "capital goods, banks, metals down"
            saw_word = saw_word or (kinds[inner] == "word" and texts[inner] not in _FUNCTION_WORDS)
    return None, False


def _direction_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    entries, kinds, starts = sentence.entries, sentence.kinds, sentence.starts
    for index in sentence.at("direction"):
        quantity, _ = _find_quantity(sentence, index, look_right=True)
        if quantity is None or entries[quantity] is None:
            entry = entries[index]
            if entry is not None and entry.extra:
                value = _modified(sentence, entry.extra, index)
                cues.append(_cue(sentence, "change", index, index, starts[index], value))
            continue
        sentence.bound[quantity] = True
        quantity_value = sentence.value(quantity)
        if quantity_value == 0.0:
            continue  # prices, rates: whether a rise is good depends on who pays
        polarity = quantity_value
        if kinds[quantity] == "polar":  # its sign only: more of a worry is as bad as more cost
            polarity = 1.0 if quantity_value > 0 else -1.0
        value = _modified(sentence, sentence.value(index) * polarity, index, quantity)
        # Anchored at the quantity: its owner is named next to it ("Apple's revenue rose",
        # "raised its price target on Apple"); the anchor is after the cue's start only when
        # the quantity follows the direction.
        quantity_entry = entries[quantity]
        target: Target = "subject"
        if kinds[quantity] == "quantity" and quantity_entry is not None:
            target = quantity_entry.target
        cues.append(_cue(sentence, "change", index, quantity, starts[quantity], value, target))


def _polar_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    entries, kinds, texts, starts = (
        sentence.entries,
        sentence.kinds,
        sentence.texts,
        sentence.starts,
    )
    for index in sentence.at("polar"):
        entry = entries[index]
        if entry is None or not entry.value or sentence.bound[index]:
            continue
        if (
            texts[index] in _AFTER_AMOUNTS_NO_TONE
            and index > 0
            and (kinds[index - 1] == "num" or texts[index - 1] in _AMOUNT_WORDS)
        ):
            continue  # "5 billion won": a currency; "the $190 strike": an option
        value = _modified(sentence, entry.value, index)
        cues.append(_cue(sentence, "polar", index, index, starts[index], value, entry.target))
    if kinds and kinds[0] == "word" and texts[0] in IMPERATIVE_CALLS:
        value = _modified(sentence, IMPERATIVE_CALLS[texts[0]], 0)
        cues.append(_cue(sentence, "call", 0, 0, starts[0], value, "object"))


def _quantity_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    quantities = sentence.at("quantity")
    reference, bound = sentence.reference, sentence.bound
    for index in quantities:
        if reference[index] and not bound[index]:
            _past_state_cue(sentence, index, cues)
    for index in quantities:
        entry = sentence.entries[index]
        if bound[index] or entry is None or not entry.extra:
            continue
        value = entry.extra * (REFERENCE_FACTOR if reference[index] else 1.0)
        value = _modified(sentence, value, index)
        cues.append(_cue(sentence, "quantity", index, index, sentence.starts[index], value))


def _past_state_cue(sentence: SentenceUnits, index: int, cues: list[Cue]) -> None:
    """ "a profit of EUR 5 mn, compared with a loss of EUR 2 mn": the state changed sides."""
    clauses, kinds = sentence.clauses, sentence.kinds
    past_value = sentence.value(index)
    for inner in range(index - 1, max(0, index - LEFT_WINDOW) - 1, -1):
        if clauses[inner] != clauses[index]:
            return
        if kinds[inner] != "quantity" or sentence.reference[inner]:
            continue
        inner_value = sentence.value(inner)
        if inner_value * past_value >= 0:
            return
        sentence.bound[inner] = sentence.bound[index] = True
        sign = 1.0 if inner_value > 0 else -1.0
        value = _modified(sentence, STATE_CHANGE_STRENGTH * sign, inner)
        cues.append(_cue(sentence, "state", inner, index, sentence.starts[inner], value))
        return


def _negator_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    """A negator with nothing to negate keeps its own tone ("the talks failed to ...")."""
    count = len(sentence.kinds)
    for index in sentence.at("negator"):
        value = sentence.value(index)
        if not value:
            continue
        if not any(sentence.is_tone(inner) for inner in range(index + 1, min(count, index + 4))):
            value *= sentence.weights[index]
            cues.append(_cue(sentence, "negator", index, index, sentence.starts[index], value))


# --- changes stated by figures ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Figure:
    value: float
    percent: bool
    currency: str | None


def _figure_at(sentence: SentenceUnits, index: int | None) -> _Figure | None:
    """The amount a number unit states (with its scale and currency words), or None for a year."""
    if index is None or sentence.kinds[index] != "num":
        return None
    texts = sentence.texts
    text = texts[index]
    try:
        value = float(text.replace(",", "").replace("%", "").strip())
    except ValueError:
        return None
    percent = text.endswith("%")
    scaled = index + 1 < len(texts) and texts[index + 1] in _SCALES
    if scaled:
        value *= _SCALES[texts[index + 1]]
    before = texts[index - 1] if index > 0 else ""
    currency = before if before in _CURRENCY_WORDS else None
    if not (percent or scaled or currency) and value.is_integer() and 1900 <= value <= 2100:
        return None  # a year, not an amount
    if before == "-":
        value = -value
    return _Figure(value, percent, currency)


def _next_number(sentence: SentenceUnits, index: int, limit: int = 3) -> int | None:
    """Index of the first number within `limit` units after `index` (currency words between)."""
    kinds = sentence.kinds
    for inner in range(index + 1, min(len(kinds), index + 1 + limit)):
        if kinds[inner] == "num":
            return inner
        if kinds[inner] != "word":
            return None
    return None


def _figures_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    """Changes stated only by figures: "from A to B", "B compared with A", "B (A)"."""
    for index in sentence.figure_markers:
        pair = _figure_pair(sentence, index)
        if pair is None:
            continue
        first_index, now, before = pair
        if now == before or _has_direction_before(sentence, first_index):
            continue
        quantity, _ = _find_quantity(sentence, first_index, look_right=False)
        if quantity is None or sentence.entries[quantity] is None:
            continue
        quantity_value = sentence.value(quantity)
        if quantity_value == 0.0:
            continue
        sentence.bound[quantity] = True
        sign = 1.0 if now > before else -1.0
        value = _modified(sentence, FIGURES_STRENGTH * sign * quantity_value, first_index, quantity)
        start = sentence.starts[first_index]
        cues.append(_cue(sentence, "figures", quantity, first_index, start, value))


def _figure_pair(sentence: SentenceUnits, index: int) -> tuple[int, float, float] | None:
    """(index of the first figure, current value, earlier value) of a comparison at `index`."""
    kinds, texts = sentence.kinds, sentence.texts
    text = texts[index]
    if text in ("from", "to"):
        first = _next_number(sentence, index)
        if first is None:
            return None
        other_word = "to" if text == "from" else "from"
        for middle in range(first + 1, min(len(texts), first + 5)):
            if texts[middle] == other_word:
                second = _next_number(sentence, middle)
                return _ordered(sentence, first, second, current_first=text == "to")
        return None
    if text in _COMPARISON_WORDS:
        return _ordered(
            sentence, _figure_before(sentence, index), _next_number(sentence, index), True
        )
    if text == "(" and index + 1 < len(texts):
        # "EUR 5.1 mn ( EUR 4.2 mn )": the earlier period in brackets, as Nordic releases write
        # it; "( approximately EUR 27 mn )" is a conversion, so only a figure may open it.
        inside = index + 1 if kinds[index + 1] == "num" else index + 2
        if inside < len(texts) and kinds[inside] == "num":
            return _ordered(sentence, _figure_before(sentence, index, window=3), inside, True)
    return None


def _figure_before(sentence: SentenceUnits, index: int, window: int = 12) -> int | None:
    kinds, clauses = sentence.kinds, sentence.clauses
    clause = clauses[index]
    for back in range(index - 1, max(-1, index - 1 - window), -1):
        if clauses[back] != clause:
            return None
        if kinds[back] == "num" and _figure_at(sentence, back) is not None:
            return back
    return None


def _ordered(
    sentence: SentenceUnits, first: int | None, second: int | None, current_first: bool
) -> tuple[int, float, float] | None:
    a, b = _figure_at(sentence, first), _figure_at(sentence, second)
    if first is None or a is None or b is None or a.percent != b.percent:
        return None  # a percent compared with an amount is not a change
    if a.currency and b.currency and a.currency != b.currency:
        return None  # a currency conversion, not a change
    return (first, a.value, b.value) if current_first else (first, b.value, a.value)


def _has_direction_before(sentence: SentenceUnits, index: int) -> bool:
    kinds, clauses = sentence.kinds, sentence.clauses
    clause = clauses[index]
    for inner in range(index - 1, max(0, index - 8) - 1, -1):
        if clauses[inner] != clause:
            return False
        if kinds[inner] in ("direction", "state_change"):
            return True
    return False
