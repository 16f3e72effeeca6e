"""A sentence as a row of units (lexicon phrases, other words, numbers, punctuation) with its
structure marked: clauses, contrast weights, negation scopes, intensities, past references.

This runs on every sentence of every article, so it is written for speed. A sentence has ~25
tokens but only a few lexicon phrases, and the later passes read the other units only in short
windows around the phrases: so a unit is not an object but an index into parallel lists (kind,
text, offsets, clause, marks), built with list operations that run at C speed, and the Python
loops visit only the tokens that may open a phrase and the units of the kind a pass needs.
"""

from __future__ import annotations

from itertools import compress, count

from tickerwire.score.lexicon import Lexicon, LexiconEntry, gives_tone
from tickerwire.score.tokens import sentence_tokens

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

_CLAUSE_PUNCT = frozenset((";", ":", "--", "—", "–"))
# Plain words that may open a comparison of figures (with "reference" phrases).
_FIGURE_MARKERS = frozenset(("to", "("))
_CLAUSE_OPENERS = frozenset(("contrast", "concession", "boundary"))
_SCOPE_ENDS = frozenset(("punct", "contrast", "concession", "boundary", "negator"))
TONE_KINDS = frozenset(("polar", "direction", "quantity"))


class SentenceUnits:
    """The units of one sentence as parallel lists indexed by unit: a unit is a lexicon phrase
    (its `entries` item is the entry) or a plain token (entry None, kind "word"/"num"/"punct").

    `weights` (contrast and concession), `multipliers` (intensifiers), `negated`, `bound` (a
    quantity some direction acts on) and `reference` (a quantity after "from"/"compared with":
    the past) are marks the passes set. `positions` holds the indices of each lexicon kind.
    """

    __slots__ = (
        "bound",
        "clause_kinds",
        "clause_starts",
        "clauses",
        "ends",
        "entries",
        "figure_markers",
        "kinds",
        "multipliers",
        "negated",
        "positions",
        "reference",
        "starts",
        "text",
        "texts",
        "weights",
    )

    def __init__(
        self,
        text: str,
        kinds: list[str],
        texts: list[str],
        entries: list[LexiconEntry | None],
        starts: list[int],
        ends: list[int],
        clauses: list[int],
        positions: dict[str, list[int]],
        clause_starts: list[int],
        clause_kinds: list[str],
        figure_markers: list[int],
    ) -> None:
        unit_count = len(kinds)
        self.text = text
        self.kinds = kinds
        self.texts = texts
        self.entries = entries
        self.starts = starts
        self.ends = ends
        self.clauses = clauses
        self.positions = positions
        self.clause_starts = clause_starts
        self.clause_kinds = clause_kinds
        self.figure_markers = figure_markers
        self.weights = [1.0] * unit_count
        self.multipliers = [1.0] * unit_count
        self.negated = [False] * unit_count
        self.bound = [False] * unit_count
        self.reference = [False] * unit_count

    def at(self, kind: str) -> list[int]:
        """Indices of the units of `kind`, in order."""
        return self.positions.get(kind, [])

    def value(self, index: int) -> float:
        """The lexicon value of a unit (0.0 for a plain token)."""
        entry = self.entries[index]
        return entry.value if entry is not None else 0.0

    def is_tone(self, index: int) -> bool:
        """A polar phrase, direction or quantity with a non-zero value."""
        entry = self.entries[index]
        return entry is not None and entry.kind in TONE_KINDS and entry.value != 0.0

    def capitalised(self, index: int) -> bool:
        """A plain word written with a capital, not sentence-first."""
        return (
            index > 0
            and self.kinds[index] == "word"
            and self.entries[index] is None
            and self.text[self.starts[index]].isupper()
        )


def _no_units(text: str, start: int) -> SentenceUnits:
    return SentenceUnits(text, [], [], [], [], [], [], {}, [start], ["start"], [])


def read_units(lexicon: Lexicon, text: str, lowered: str, start: int, end: int) -> SentenceUnits:
    """The units of `text[start:end]`; `lowered` is `lower_text(text)` (same offsets).

    A sentence in which no phrase can give a tone (datelines, descriptions, quotes without
    judgement) is returned without units.
    """
    words, kinds, starts, ends = sentence_tokens(lowered, start, end)
    if not words:
        return _no_units(text, start)
    openers = lexicon.by_first_token
    # `Lexicon.match` inlined (two in three candidates match nothing: "to", "a", "in"; the
    # call would cost as much as the test)
    by_first_two, single_words = lexicon.phrases_by_first_two, lexicon.single_words
    last_token = len(words) - 1
    toned = words[0] in IMPERATIVE_CALLS
    has_quantity = False
    title_case: bool | None = None
    matches: list[tuple[int, int, LexiconEntry]] = []  # first token, last token, entry
    free = 0  # the first token not inside a phrase already matched
    single_tokens = True
    # two words in three open no phrase: map() over the dict test spares them the call
    for position in compress(count(), map(openers.__contains__, words)):
        if position < free or kinds[position] != "word":
            continue
        entry = None
        if position < last_token:
            for phrase_entry in by_first_two.get((words[position], words[position + 1]), ()):
                phrase = phrase_entry.phrase
                if tuple(words[position : position + len(phrase)]) == phrase:
                    entry = phrase_entry
                    break
        if entry is None:
            entry = single_words.get(words[position])
            if entry is None:
                continue
        if position > 0 and text[starts[position]].isupper():
            if title_case is None:
                title_case = _is_title_case(text, kinds, starts)
            if not title_case and _starts_a_name(text, kinds, starts, position, entry):
                continue  # "Advanced Micro Devices", "Best Buy": a name, not a tone
        free = position + len(entry.phrase)
        single_tokens = single_tokens and free == position + 1 and entry.text == words[position]
        matches.append((position, free - 1, entry))
        toned = toned or gives_tone(entry)
        has_quantity = has_quantity or entry.kind == "quantity"
    if not toned and not (has_quantity and "num" in kinds):
        return _no_units(text, start)
    sentence = _build_units(text, start, words, kinds, starts, ends, matches, single_tokens)
    # each pass starts from phrases of its kinds; most sentences have none of some kinds
    positions = sentence.positions
    if "contrast" in positions or "concession" in positions:
        _weigh_clauses(sentence)
    if "negator" in positions:
        _mark_negation(sentence)
    if "intensifier" in positions:
        _apply_intensifiers(sentence)
    if "reference" in positions:
        _mark_references(sentence)
    return sentence


def _build_units(
    text: str,
    start: int,
    words: list[str],
    kinds: list[str],
    starts: list[int],
    ends: list[int],
    matches: list[tuple[int, int, LexiconEntry]],
    single_tokens: bool,
) -> SentenceUnits:
    """The units of a sentence from its tokens and the phrases matched (in order): the tokens
    between phrases are copied as slices, each phrase becomes one unit. `single_tokens`: every
    phrase matched is one token long and written as its token (the token lists are then
    reused, not copied)."""
    positions: dict[str, list[int]] = {}
    openers: list[int] = []  # units opening a clause by their word ("but", "although")
    markers: list[int] = []  # phrases that may open a figure comparison
    if single_tokens:
        # every phrase is one word (most sentences): the token lists are the unit lists, with
        # the phrases' kinds and entries put in place (a one-word phrase's text is its word)
        unit_kinds, texts, unit_starts, unit_ends = kinds, words, starts, ends
        entries: list[LexiconEntry | None] = [None] * len(words)
        for index, _, entry in matches:
            kind = entry.kind
            if kind in _CLAUSE_OPENERS and index:
                openers.append(index)
            if kind == "reference" or entry.text == "to" or entry.text == "(":
                markers.append(index)
            positions.setdefault(kind, []).append(index)
            unit_kinds[index] = kind
            entries[index] = entry
    else:
        unit_kinds = []
        texts = []
        entries = []
        unit_starts = []
        unit_ends = []
        previous = 0
        for first, last, entry in matches:
            if first > previous:
                unit_kinds += kinds[previous:first]
                texts += words[previous:first]
                entries += [None] * (first - previous)
                unit_starts += starts[previous:first]
                unit_ends += ends[previous:first]
            index = len(unit_kinds)
            kind = entry.kind
            if kind in _CLAUSE_OPENERS and index:
                openers.append(index)
            if kind == "reference" or entry.phrase[0] == "to" or entry.phrase[0] == "(":
                markers.append(index)
            positions.setdefault(kind, []).append(index)
            unit_kinds.append(kind)
            texts.append(entry.text)
            entries.append(entry)
            unit_starts.append(starts[first])
            unit_ends.append(ends[last])
            previous = last + 1
        if previous < len(words):
            unit_kinds += kinds[previous:]
            texts += words[previous:]
            entries += [None] * (len(words) - previous)
            unit_starts += starts[previous:]
            unit_ends += ends[previous:]
    unit_count = len(unit_kinds)
    # plain "to" and "(" may open a figure comparison too ("to 5 from 4", "5 (4)")
    if "to" in words or "(" in words:
        plain_markers = [
            i
            for i in compress(count(), map(_FIGURE_MARKERS.__contains__, texts))
            if entries[i] is None
        ]
        markers = sorted({*markers, *plain_markers})
    # clause boundaries: the unit after a clause mark (";", ":", dashes), or a unit that opens
    # one ("but", "although"); a mark right before an opener makes two (as the sort keeps)
    boundaries = [(index, 1, unit_kinds[index]) for index in openers]
    if not _CLAUSE_PUNCT.isdisjoint(words):
        boundaries += [
            (i + 1, 0, "punct")
            for i in compress(count(), map(_CLAUSE_PUNCT.__contains__, texts))
            if unit_kinds[i] == "punct" and i + 1 < unit_count
        ]
        boundaries.sort()
    clause_starts = [start]
    clause_kinds = ["start"]
    if boundaries:
        clauses: list[int] = []
        previous = 0
        for clause, (index, _, opened_by) in enumerate(boundaries):
            clauses += [clause] * (index - previous)
            previous = index
            clause_starts.append(unit_starts[index])
            clause_kinds.append(opened_by)
        clauses += [len(boundaries)] * (unit_count - previous)
    else:
        clauses = [0] * unit_count
    return SentenceUnits(
        text,
        unit_kinds,
        texts,
        entries,
        unit_starts,
        unit_ends,
        clauses,
        positions,
        clause_starts,
        clause_kinds,
        markers,
    )


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


def _weigh_clauses(sentence: SentenceUnits) -> None:
    weights, kinds, texts = sentence.weights, sentence.kinds, sentence.texts
    unit_count = len(kinds)
    contrasts = [i for i in sentence.at("contrast") if i > 0]
    if contrasts:
        pivot = contrasts[-1]
        for index in range(unit_count):
            weights[index] *= CONTRAST_BEFORE if index < pivot else CONTRAST_AFTER
    for index in sentence.at("concession"):
        for inner in range(index + 1, unit_count):
            if texts[inner] in (",", ";") or kinds[inner] in ("contrast", "boundary"):
                break
            weights[inner] *= CONCESSION_WEIGHT


def _mark_negation(sentence: SentenceUnits) -> None:
    kinds, negated = sentence.kinds, sentence.negated
    for index in sentence.at("negator"):
        for inner in range(index + 1, min(len(kinds), index + 1 + NEGATION_SCOPE)):
            if kinds[inner] in _SCOPE_ENDS:
                break
            negated[inner] = not negated[inner]


def _apply_intensifiers(sentence: SentenceUnits) -> None:
    """Scale the nearest tone unit: the next two units first ("sharply higher"), then the two
    before ("rose sharply")."""
    kinds = sentence.kinds
    for index in sentence.at("intensifier"):
        factor = sentence.value(index)
        after = [i for i in range(index + 1, min(len(kinds), index + 3)) if kinds[i] != "punct"]
        before = [i for i in range(index - 1, max(0, index - 2) - 1, -1) if kinds[i] != "punct"]
        for candidate in (*after, *before):
            if sentence.is_tone(candidate):
                sentence.multipliers[candidate] *= factor
                break


def _mark_references(sentence: SentenceUnits) -> None:
    kinds = sentence.kinds
    for index in sentence.at("reference"):
        for inner in range(index + 1, min(len(kinds), index + 4)):
            if kinds[inner] == "quantity":
                sentence.reference[inner] = True
                break
