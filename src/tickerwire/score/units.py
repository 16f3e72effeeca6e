"""A sentence as a row of units (lexicon phrases, other words, numbers, punctuation) with its
structure marked: clauses, contrast weights, negation scopes, intensities, past references.

This runs on every sentence of every article, so it is written for speed: one pass over the
tokens builds the units and the index of each kind, and the later passes visit only the units
of the kind they need.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

import regex

from tickerwire.score.lexicon import Lexicon, LexiconEntry
from tickerwire.score.text_units import TOKEN_PATTERN, normalise_word

# --- tuned constants (development split: PhraseBank 75Agree lines not in AllAgree) -----------

# Sentence-opening calls in tips and headlines ("Buy Infosys, target Rs 1,200").
IMPERATIVE_CALLS: dict[str, float] = {"buy": 0.5, "accumulate": 0.4, "sell": -0.5, "avoid": -0.4}

# Clause weights: before the last "but"/"however" a clause counts half, after it one and a
# half times; a clause opened by "although"/"despite" counts half. The usual weights of lexicon
# scorers, kept after a sweep on the development split (PhraseBank 75Agree minus AllAgree):
# before 0.3..1.0, after 1.0..2.0 and concession 0.3..1.0 moved macro-F1 by under 0.004.
CONTRAST_BEFORE = 0.5
CONTRAST_AFTER = 1.5
CONCESSION_WEIGHT = 0.5
# How many units after a negator it reaches ("did not quite miss", "no longer expects a loss");
# 2 or 4 left the development split unchanged.
NEGATION_SCOPE = 3

_FIRST_WORD = regex.compile(r"\W*(\w+)")
# A figure followed by a comparison: "EUR 5 mn (EUR 4 mn)", "to 5 from 4", "5 compared with 4".
_FIGURE_COMPARISON = regex.compile(
    r"\d.*?(?:\(|\bfrom\b|\bto\b|\bcompared\b|\bversus\b|\bvs\b|\bagainst\b)|\bfrom\b.*?\d"
)
_CLAUSE_PUNCT = frozenset((";", ":", "--", "—", "–"))
_CLAUSE_OPENERS = frozenset(("contrast", "concession", "boundary"))
_SCOPE_ENDS = frozenset(("punct", "contrast", "concession", "boundary", "negator"))
TONE_KINDS = frozenset(("polar", "direction", "quantity"))


class Unit:
    """One unit of a sentence: a lexicon phrase (with its `entry`) or a plain token."""

    __slots__ = (
        "bound",
        "capitalised",
        "clause",
        "end",
        "entry",
        "kind",
        "multiplier",
        "negated",
        "reference",
        "start",
        "text",
        "weight",
    )

    def __init__(
        self, kind: str, entry: LexiconEntry | None, text: str, start: int, end: int, clause: int
    ) -> None:
        self.kind = kind
        self.entry = entry
        self.text = text
        self.start = start
        self.end = end
        self.clause = clause
        self.weight = 1.0
        self.multiplier = 1.0
        self.negated = False
        self.bound = False  # a quantity some direction acts on
        self.reference = False  # a quantity after "from"/"compared with": the past
        self.capitalised = False  # a plain word written with a capital, not sentence-first

    @property
    def value(self) -> float:
        return self.entry.value if self.entry is not None else 0.0

    def is_tone(self) -> bool:
        """A polar phrase, direction or quantity with a non-zero value."""
        return self.entry is not None and self.kind in TONE_KINDS and self.entry.value != 0.0

    def __repr__(self) -> str:
        return f"Unit({self.kind}, {self.text!r}, {self.start}-{self.end})"


@dataclass
class SentenceUnits:
    """The units of one sentence, where each kind of unit is, and the clauses."""

    units: list[Unit]
    positions: dict[str, list[int]]
    clause_starts: list[int]
    clause_kinds: list[str]
    figure_markers: list[int] = field(default_factory=list)

    def at(self, kind: str) -> list[int]:
        """Indices of the units of `kind`, in order."""
        return self.positions.get(kind, [])


def read_units(lexicon: Lexicon, text: str, lowered: str, start: int, end: int) -> SentenceUnits:
    """The units of `text[start:end]`; `lowered` is `lower_text(text)` (same offsets).

    A sentence in which no phrase can give a tone (datelines, descriptions, quotes without
    judgement) is returned without units.
    """
    words, kinds, starts, ends = _tokens(lowered, start, end)
    count = len(words)
    match, openers = lexicon.match, lexicon.by_first_token
    toned = count > 0 and words[0] in IMPERATIVE_CALLS
    has_quantity = False
    title_case: bool | None = None
    units: list[Unit] = []
    positions: dict[str, list[int]] = {}
    clause_starts = [start]
    clause_kinds = ["start"]
    figure_markers: list[int] = []
    clause = 0
    position = 0
    while position < count:
        word, kind, token_start = words[position], kinds[position], starts[position]
        # two words in three open no phrase: the dict test spares them the call
        entry = match(words, position) if kind == "word" and word in openers else None
        if entry is not None and position > 0 and text[token_start].isupper():
            if title_case is None:
                title_case = _is_title_case(text, kinds, starts)
            if not title_case and _starts_a_name(text, kinds, starts, position, entry):
                entry = None  # "Advanced Micro Devices", "Best Buy": a name, not a tone
        if entry is None:
            unit = Unit(kind, None, word, token_start, ends[position], clause)
            if kind == "word" and position > 0:
                unit.capitalised = text[token_start].isupper()
            position += 1
        else:
            last = position + len(entry.phrase) - 1
            kind = entry.kind
            toned = toned or _gives_tone(entry)
            has_quantity = has_quantity or kind == "quantity"
            if kind in _CLAUSE_OPENERS and units:
                clause += 1
                clause_starts.append(token_start)
                clause_kinds.append(kind)
            unit = Unit(kind, entry, entry.text, token_start, ends[last], clause)
            positions.setdefault(kind, []).append(len(units))
            position = last + 1
        if kind == "reference" or word == "to" or word == "(":
            figure_markers.append(len(units))
        units.append(unit)
        if kind == "punct" and word in _CLAUSE_PUNCT and position < count:
            clause += 1
            clause_starts.append(starts[position])
            clause_kinds.append("punct")
    if not toned and not (has_quantity and "num" in kinds):
        return SentenceUnits([], {}, [start], ["start"])
    sentence = SentenceUnits(units, positions, clause_starts, clause_kinds, figure_markers)
    _weigh_clauses(sentence)
    _mark_negation(sentence)
    _apply_intensifiers(sentence)
    _mark_references(sentence)
    return sentence


def _tokens(
    lowered: str, start: int, end: int
) -> tuple[list[str], list[str], list[int], list[int]]:
    """Words (as the lexicon spells them), kinds, start and end offsets of the tokens.

    Most of a sentence is plain words between spaces ("shares", "the"): such a piece is one
    word token, taken as it is; the token pattern only reads the runs of other pieces ("3.5%",
    "(nasdaq:", "year-over-year,"). A token never spans a space but "5 %", whose two pieces
    are in one such run, so the tokens are those the pattern finds over the whole sentence.
    """
    words: list[str] = []
    kinds: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    find = lowered.find
    offset = start
    run_start = run_end = -1  # the run of pieces that are not plain words, if any
    for piece in lowered[start:end].split():
        offset = find(piece, offset)
        if piece.isascii() and piece.isalpha():
            if run_start >= 0:
                _pattern_tokens(lowered, run_start, run_end, words, kinds, starts, ends)
                run_start = -1
            words.append(piece)
            kinds.append("word")
            starts.append(offset)
            offset += len(piece)
            ends.append(offset)
        else:
            if run_start < 0:
                run_start = offset
            offset += len(piece)
            run_end = offset
    if run_start >= 0:
        _pattern_tokens(lowered, run_start, run_end, words, kinds, starts, ends)
    return words, kinds, starts, ends


def _pattern_tokens(
    lowered: str,
    start: int,
    end: int,
    words: list[str],
    kinds: list[str],
    starts: list[int],
    ends: list[int],
) -> None:
    """Append the tokens of `TOKEN_PATTERN` in lowered[start:end] to the four lists."""
    # findall and str.find cost half of finditer's match objects; tokens are consecutive, so
    # the next occurrence of a token's text is the token itself
    find = lowered.find
    offset = start
    for word, number, punct in TOKEN_PATTERN.findall(lowered, start, end):
        token = word or number or punct
        offset = find(token, offset)
        starts.append(offset)
        offset += len(token)
        ends.append(offset)
        if word:
            kinds.append("word")
            words.append(normalise_word(word) if word[0].isdigit() else word)
        else:
            kinds.append("num" if number else "punct")
            words.append(token)


def sentences_with_tone_words(
    lexicon: Lexicon, lowered: str, spans: Sequence[tuple[int, int]]
) -> list[bool]:
    """For each sentence span of `lowered`, whether it holds a word that may give a tone.

    One Aho-Corasick pass over the text; a hit counts when it is not inside a longer word. A
    quantity alone counts when the sentence compares figures; the first word of a sentence
    counts when it is a call ("Buy ...").
    """
    starts = [start for start, _ in spans]
    flags = [False] * len(spans)
    quantities = [False] * len(spans)
    length = len(lowered)
    for end, (key_length, quantity_only) in lexicon.tone_keys.iter(lowered):
        begin = end - key_length + 1
        if (begin > 0 and lowered[begin - 1].isalnum()) or (
            end + 1 < length and lowered[end + 1].isalnum()
        ):
            continue
        index = bisect.bisect_right(starts, begin) - 1
        if index >= 0 and begin < spans[index][1]:
            if quantity_only:
                quantities[index] = True
            else:
                flags[index] = True
    for index, (start, end) in enumerate(spans):
        if flags[index]:
            continue
        if quantities[index] and _FIGURE_COMPARISON.search(lowered, start, end):
            flags[index] = True
            continue
        first = _FIRST_WORD.match(lowered, start, end)
        flags[index] = first is not None and first.group(1) in IMPERATIVE_CALLS
    return flags


def _is_title_case(text: str, kinds: list[str], starts: list[int]) -> bool:
    """A headline written In Title Case: capitals then say nothing about names."""
    capitals = words = 0
    for kind, begin in zip(kinds, starts, strict=True):
        if kind == "word":
            words += 1
            capitals += text[begin].isupper()
    return words >= 4 and capitals >= 0.6 * words


def _starts_a_name(
    text: str, kinds: list[str], starts: list[int], position: int, entry: LexiconEntry
) -> bool:
    """A capitalised phrase inside a sentence, followed by another capitalised word."""
    following = position + len(entry.phrase)
    return (
        following < len(kinds) and kinds[following] == "word" and text[starts[following]].isupper()
    )


def _gives_tone(entry: LexiconEntry) -> bool:
    """Whether a phrase can make a cue by itself (a quantity needs a direction or a figure)."""
    if entry.kind in ("polar", "negator"):
        return entry.value != 0.0
    if entry.kind == "quantity":
        return entry.extra != 0.0
    return entry.kind in ("direction", "state_change")


def _weigh_clauses(sentence: SentenceUnits) -> None:
    units = sentence.units
    contrasts = [i for i in sentence.at("contrast") if i > 0]
    if contrasts:
        pivot = contrasts[-1]
        for index, unit in enumerate(units):
            unit.weight *= CONTRAST_BEFORE if index < pivot else CONTRAST_AFTER
    for index in sentence.at("concession"):
        for inner in units[index + 1 :]:
            if inner.text in (",", ";") or inner.kind in ("contrast", "boundary"):
                break
            inner.weight *= CONCESSION_WEIGHT


def _mark_negation(sentence: SentenceUnits) -> None:
    units = sentence.units
    for index in sentence.at("negator"):
        for inner in units[index + 1 : index + 1 + NEGATION_SCOPE]:
            if inner.kind in _SCOPE_ENDS:
                break
            inner.negated = not inner.negated


def _apply_intensifiers(sentence: SentenceUnits) -> None:
    """Scale the nearest tone unit: the next two units first ("sharply higher"), then the two
    before ("rose sharply")."""
    units = sentence.units
    for index in sentence.at("intensifier"):
        factor = units[index].value
        after = [u for u in units[index + 1 : index + 3] if u.kind != "punct"]
        before = [u for u in reversed(units[max(0, index - 2) : index]) if u.kind != "punct"]
        for candidate in (*after, *before):
            if candidate.is_tone():
                candidate.multiplier *= factor
                break


def _mark_references(sentence: SentenceUnits) -> None:
    units = sentence.units
    for index in sentence.at("reference"):
        for inner in units[index + 1 : index + 4]:
            if inner.kind == "quantity":
                inner.reference = True
                break
