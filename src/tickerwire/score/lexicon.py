"""The finance sentiment lexicon: tone words, direction words, quantities and modifiers.

The word lists live in `score/data/*.csv`, written for tickerwire from knowledge of financial
news (no published list was copied; see each file's header for its columns). Weights were set
by judgement, then adjusted while reading the errors on development data only: PhraseBank
Sentences_75Agree lines not in Sentences_AllAgree, and the SEntFiN and SemEval-2017 items whose
id is a multiple of 4. AllAgree and the other items are held out for measurement.

Every entry is a phrase of one or more tokens, tokenised like the text, so that "pre-tax
profit" or "fell short" is matched as one unit and its words are not read alone.
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from tickerwire.errors import TickerwireError
from tickerwire.score.text_units import tokenize

EntryKind = Literal[
    "polar",
    "direction",
    "quantity",
    "negator",
    "intensifier",
    "contrast",
    "concession",
    "boundary",
    "state_change",
    "reference",
]
Target = Literal["subject", "object", "about", "rated"]

_MODIFIER_KINDS: frozenset[str] = frozenset(
    ("negator", "intensifier", "contrast", "concession", "boundary", "state_change", "reference")
)


class LexiconError(TickerwireError):
    """A lexicon file is malformed (names the file and line)."""

    code = "TW030"


@dataclass(frozen=True, slots=True)
class LexiconEntry:
    """One phrase of the lexicon and what it does.

    `value` means, by kind: polar - its tone (-1..1); direction - signed strength of the move;
    quantity - +1/-1/0, whether more of it is good; intensifier - a multiplier; negator - its own
    tone when nothing follows. `extra` is a direction's tone when it has no quantity and a
    quantity's tone when no direction acts on it.
    """

    phrase: tuple[str, ...]
    kind: EntryKind
    value: float
    extra: float = 0.0
    target: Target = "subject"
    text: str = field(default="", compare=False)  # the phrase as one string ("fell short")

    def __post_init__(self) -> None:
        if not self.text:
            object.__setattr__(self, "text", " ".join(self.phrase))


@dataclass(frozen=True)
class Lexicon:
    """Entries indexed by their first token, longest phrase first."""

    entries: dict[tuple[str, ...], LexiconEntry]
    by_first_token: dict[str, tuple[LexiconEntry, ...]] = field(repr=False)

    @classmethod
    def from_entries(cls, entries: Iterable[LexiconEntry]) -> Lexicon:
        """Index `entries`; a phrase listed twice is an error (it would have two meanings)."""
        table: dict[tuple[str, ...], LexiconEntry] = {}
        for entry in entries:
            if entry.phrase in table:
                raise LexiconError(
                    "sentiment lexicon", f"phrase listed twice: {' '.join(entry.phrase)!r}"
                )
            table[entry.phrase] = entry
        grouped: dict[str, list[LexiconEntry]] = {}
        for entry in table.values():
            grouped.setdefault(entry.phrase[0], []).append(entry)
        index = {
            first: tuple(sorted(group, key=lambda e: -len(e.phrase)))
            for first, group in grouped.items()
        }
        return cls(entries=table, by_first_token=index)

    @functools.cached_property
    def tone_words(self) -> ToneWords:
        """The words a sentence must hold to give a tone (see `ToneWords`)."""
        return ToneWords.of(
            entry
            for entry in self.entries.values()
            if gives_tone(entry) or entry.kind == "quantity"
        )

    @functools.cached_property
    def phrases_by_first_two(self) -> dict[tuple[str, str], tuple[LexiconEntry, ...]]:
        """Phrases of two words or more by their first two words, longest first.

        Function words open many phrases ("a blow to", "on the rocks", "in line with"): keyed
        on two words, a lookup tries only the phrases that can match, not all of them.
        """
        index: dict[tuple[str, str], list[LexiconEntry]] = {}
        for group in self.by_first_token.values():
            for entry in group:  # longest first, as in by_first_token
                if len(entry.phrase) > 1:
                    index.setdefault(entry.phrase[:2], []).append(entry)  # type: ignore[arg-type]
        return {key: tuple(entries) for key, entries in index.items()}

    @functools.cached_property
    def single_words(self) -> dict[str, LexiconEntry]:
        """The phrases of one word, by their word."""
        return {entry.phrase[0]: entry for entry in self.entries.values() if len(entry.phrase) == 1}

    def match(self, words: list[str], position: int) -> LexiconEntry | None:
        """The longest entry whose phrase starts at `words[position]`, if any (`units.read_units`
        has this inlined: keep the two alike)."""
        if position + 1 < len(words):
            for entry in self.phrases_by_first_two.get((words[position], words[position + 1]), ()):
                if tuple(words[position : position + len(entry.phrase)]) == entry.phrase:
                    return entry
        return self.single_words.get(words[position])


@dataclass(frozen=True)
class ToneWords:
    """The phrases that can give a tone, by the words of text they need, as `word_boundaries`
    splits text ("pre-tax profit" needs "pre", "tax" and "profit"; "52-week high" needs "week"
    and "high", as the tokens write "n-week"), to find at C speed the sentences worth reading.

    A sentence that holds all the words of no such phrase cannot give a cue, so skipping it
    changes no result (a superset: the words may be there in another order, or the phrase may
    sit in a longer, neutral one). A phrase "only names a quantity" when it is a quantity that
    gives no tone alone: a sentence gives a cue through it only by figures, "sales of EUR 5 mn
    (EUR 4 mn)".
    """

    words: frozenset[str]  # a word that is a whole phrase that gives a tone ("profit")
    quantity_words: frozenset[str]  # a word that is a whole phrase that only names a quantity
    # phrases of several words by one of them, the least common ("red" for "in the red"):
    # (the phrase's words, whether it only names a quantity)
    phrases: dict[str, tuple[tuple[frozenset[str], bool], ...]]
    phrase_keys: frozenset[str]

    @classmethod
    def of(cls, entries: Iterable[LexiconEntry]) -> ToneWords:
        """Index the entries that may give a tone."""
        words: set[str] = set()
        quantity_words: set[str] = set()
        phrases: dict[str, set[tuple[frozenset[str], bool]]] = {}
        for entry in entries:
            needed: list[str] = []
            for token in entry.phrase:
                parts = word_boundaries(token).split()
                # "n-week" stands for "52-week": any number
                needed += parts[1:] if token.startswith("n-") else parts
            if not needed:
                raise LexiconError("sentiment lexicon", f"no word in {entry.text!r}")
            only_quantity = entry.kind == "quantity" and entry.extra == 0.0
            if len(set(needed)) == 1:
                (quantity_words if only_quantity else words).add(needed[0])
            else:
                key = _key_word(tuple(needed))
                phrases.setdefault(key, set()).add((frozenset(needed), only_quantity))
        return cls(
            words=frozenset(words),
            quantity_words=frozenset(quantity_words - words),
            phrases={key: tuple(group) for key, group in phrases.items()},
            phrase_keys=frozenset(phrases),
        )


def gives_tone(entry: LexiconEntry) -> bool:
    """Whether a phrase can make a cue by itself (a quantity needs a direction or a figure)."""
    if entry.kind in ("polar", "negator"):
        return entry.value != 0.0
    if entry.kind == "quantity":
        return entry.extra != 0.0
    return entry.kind in ("direction", "state_change")


# Words too common to stand for a phrase in `ToneWords` (any other word of the phrase
# is used instead; the choice only affects speed).
_COMMON_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "in",
        "on",
        "to",
        "of",
        "for",
        "than",
        "with",
        "and",
        "or",
        "as",
        "at",
        "by",
        "all",
        "go",
        "goes",
        "went",
        "new",
        "year",
        "time",
        "back",
        "expected",
        "news",
        "before",
        "from",
        "into",
        "out",
        "off",
        "over",
        "under",
        "more",
        "less",
        "high",
        "low",
        "is",
        "it",
        "its",
        "not",
        "no",
        "stock",
        "stocks",
        "share",
        "shares",
        "market",
        "buy",
    ]
)


# Every byte but the ASCII lower-case letters made a space (see `word_boundaries`).
_BOUNDARY_BYTES = bytes(byte if 0x61 <= byte <= 0x7A else 0x20 for byte in range(256))


def word_boundaries(lowered: str) -> str:
    """`lowered` with a space before and after it, and every character that is not an ASCII
    lower-case letter made a space, so that its words split at every place where a word token
    may end: at digits too ("5bn" is the tokens "5" and "bn"). Offsets shift by one
    (character i is at i + 1).

    Non-ASCII letters become spaces too ("naïve" gives "na" and "ve": words that find a
    sentence to read for nothing, never one to skip); a byte string does this at C speed, one
    byte a character ("?" for each non-ASCII one).
    """
    ascii_text = lowered.encode("ascii", "replace").translate(_BOUNDARY_BYTES)
    return f" {ascii_text.decode('ascii')} "


def _key_word(phrase: tuple[str, ...]) -> str:
    """The word of a phrase to look for first: the longest uncommon one, the last on a tie."""
    words = [w for w in phrase if not w.startswith("n-") and w not in _COMMON_WORDS]
    words = words or [w for w in phrase if not w.startswith("n-")] or list(phrase)
    return max(reversed(words), key=len)


def parse_lexicon_csv(name: str, text: str) -> Iterator[LexiconEntry]:
    """Entries of one lexicon file (`name` chooses the columns' meaning; see data/*.csv)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for number, row in enumerate(csv.DictReader(lines), start=2):
        try:
            yield from _entries_of_row(name, row)
        except (KeyError, ValueError) as exc:
            raise LexiconError(name, f"data line {number}: {exc!r}") from exc


def _entries_of_row(name: str, row: dict[str, str]) -> Iterator[LexiconEntry]:
    missing = [column for column, value in row.items() if value is None]
    if missing or None in row:
        raise ValueError(f"wrong number of columns (missing {missing})")
    for form in row["forms"].split("|"):
        phrase = tuple(token.text for token in tokenize(form.strip()))
        if not phrase:
            raise ValueError(f"empty form in {row['forms']!r}")
        if name == "polar_terms.csv":
            target = row["target"].strip()
            if target not in ("subject", "object", "about", "rated"):
                raise ValueError(f"unknown target {target!r}")
            yield LexiconEntry(phrase, "polar", float(row["weight"]), target=target)  # type: ignore[arg-type]
        elif name == "directions.csv":
            yield LexiconEntry(phrase, "direction", float(row["strength"]), float(row["unbound"]))
        elif name == "quantities.csv":
            target = row["target"].strip()
            if target not in ("subject", "object"):
                raise ValueError(f"target must be subject or object, not {target!r}")
            yield LexiconEntry(
                phrase,
                "quantity",
                float(row["polarity"]),
                float(row["intrinsic"]),
                target,  # type: ignore[arg-type]
            )
        elif name == "modifiers.csv":
            kind = row["kind"].strip()
            if kind not in _MODIFIER_KINDS:
                raise ValueError(f"unknown modifier kind {kind!r}")
            yield LexiconEntry(phrase, kind, float(row["value"]))  # type: ignore[arg-type]
        else:
            raise ValueError(f"unknown lexicon file {name!r}")


LEXICON_FILES: tuple[str, ...] = (
    "polar_terms.csv",
    "directions.csv",
    "quantities.csv",
    "modifiers.csv",
)


@functools.lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The bundled lexicon, read once per process."""
    data = resources.files("tickerwire.score").joinpath("data")
    entries: list[LexiconEntry] = []
    for name in LEXICON_FILES:
        entries.extend(parse_lexicon_csv(name, data.joinpath(name).read_text(encoding="utf-8")))
    return Lexicon.from_entries(entries)
