"""Alias matching: an Aho-Corasick automaton over every alias, with word-boundary and case rules.

The automaton runs over a lower-cased copy of the text (same length, so offsets carry over); each
hit is then checked against the text as written:

- `exact`: all-caps aliases ("AMD", "HSBC", "SEC") match only as written.
- `capitalised`: mixed-case aliases ("Alibaba", "JD.com", "eBay") match as written, in capitals
  ("ALIBABA", headlines), or for names of several words with the first letter as written
  ("Hang Seng index"). Never in lower case: "alibaba" in a URL is not a mention.
- `ambiguous`: ordinary words ("Apple", "Target", "Meta") match only as written; the linker then
  asks for a business context (see `linker.py`).
- `cjk`: Chinese/Japanese names match anywhere (no spaces between words in those scripts).

Overlapping hits resolve to the longest ("Alibaba Group Holding" over "Alibaba").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from enum import Enum

import ahocorasick
import regex

from tickerwire.link.name_words import PLACES, word_set
from tickerwire.link.reference import ReferenceData

# Legal-form words stripped from a name to give a further alias ("Alibaba Group Holding Ltd" ->
# "Alibaba Group Holding"), and accepted after a matched alias as part of the same mention.
LEGAL_SUFFIXES: tuple[str, ...] = (
    "Inc",
    "Inc.",
    "Incorporated",
    "Corp",
    "Corp.",
    "Corporation",
    "Co",
    "Co.",
    "Company",
    "Ltd",
    "Ltd.",
    "Limited",
    "LLC",
    "L.L.C.",
    "LP",
    "L.P.",
    "PLC",
    "plc",
    "Plc",
    "AG",
    "SA",
    "S.A.",
    "SE",
    "NV",
    "N.V.",
    "A/S",
    "SA/NV",
    "KGaA",
    "GmbH",
    "Companies",
)
_LEGAL_SUFFIX_SET = frozenset(LEGAL_SUFFIXES)

# A mention of a company may run on over its legal form: "Meta Platforms Inc", "Tencent Holdings
# Ltd", "JPMorgan Chase & Co", "Nasdaq, Inc.". A bare "Holdings"/"Group" counts too unless another
# capitalised word follows ("Alibaba Group Chairman" stays "Alibaba").
_LEGAL_FORMS_AFTER_NAME = (
    *("Inc", "Incorporated", "Corp", "Corporation", "Co", "Company", "Ltd", "Limited", "LLC"),
    *("LP", "PLC", "plc", "Plc", "AG", "SA", "SE", "NV", "GmbH", "KGaA", "A/S"),
)
_LEGAL_FORM = f"(?:{'|'.join(_LEGAL_FORMS_AFTER_NAME)})"
_SUFFIX_RUN = regex.compile(
    rf"(?:\s(?:Holdings?|Group))?(?:,?\s(?:&\s)?{_LEGAL_FORM}\.?(?![\w\-]))+"
    r"|\s(?:Holdings?|Group)(?![\w\-])(?!\s[A-Z])"
)
# The characters that open the word after the space in every match of `_SUFFIX_RUN` that does
# not start with a comma: most names are followed by a word that opens with none of them.
_SUFFIX_WORD_OPENERS = frozenset({"H", "G", "&", *(form[0] for form in _LEGAL_FORMS_AFTER_NAME)})
# Chinese/Japanese name in brackets after an English one: "Tencent Holdings Ltd (騰訊)".
_CJK_BRACKET = regex.compile(r"\s?[(（]\s*[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}·・ ]+\s*[)）]")
_CJK_CHAR = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}]")
_LOWER = regex.compile(r"\p{Ll}")

# Same-length replacements that make typographic variants match the aliases as typed.
_FOLD = str.maketrans({"’": "'", "‘": "'", "\u00a0": " ", "“": '"', "”": '"', "‐": "-"})
_NEEDS_FOLD = regex.compile("[’‘\u00a0“”‐]")
# The main automaton runs over an ASCII copy of the text in which punctuation and every non-ASCII
# character are spaces: each key starts with a space, so keys only match at the start of a word
# ("ge" of GE never fires inside "change"), and bytes.translate makes the copy in microseconds.
_ASCII_PUNCTUATION = bytes(c for c in range(128) if not chr(c).isalnum())
_TO_SPACE = bytes.maketrans(_ASCII_PUNCTUATION, b" " * len(_ASCII_PUNCTUATION))
# Names with letters outside ASCII ("阿里巴巴", "Nestlé") go to a second, small automaton that
# only runs on texts holding such letters: texts with non-ASCII characters besides these.
_NON_ASCII_NON_LETTERS = "’‘“”–—…•·\u00a0\u2009\u200b"


# A capitalised word joined by a hyphen right after a name: "Advanced Micro-Fabrication Equipment"
# is another, longer name (AMEC), not Advanced Micro Devices; "Alphabet-Owned" in a headline is a
# description of the name's owner. The descriptions below (read as lower case) are those that
# news writes after a company with a hyphen; any other capitalised word continues a longer name
# unless it is a place ("Apple-China talks") or itself a name of the list ("Apple-Google deal").
_HYPHEN_CONTINUATION = regex.compile(r"-(\p{Lu}\p{Ll}[\p{L}\d]*)(?:[ ](\p{Lu}\p{Ll}+))?")
_HYPHEN_DESCRIPTIONS = word_set(
    """
    owned backed made based led listed linked related branded funded controlled designed powered
    supplied sponsored built style like era free focused centric friendly specific only exclusive
    certified approved bound dependent affiliated held run operated partnered heavy weighted
    sized size level grade type class maker makers fueled driven inspired
    """
)

# Words of a name that writers often put in lower case.
_LOWERABLE_WORDS = frozenset({"Index", "Composite", "Average", "Industrials", "Tech"})


class AliasRule(Enum):
    EXACT = "exact"
    CAPITALISED = "capitalised"
    AMBIGUOUS = "ambiguous"
    CJK = "cjk"


@dataclass(frozen=True)
class AliasEntry:
    entity_id: str
    alias: str
    rule: AliasRule
    length: int


# Not frozen, though never changed: one is built per alias found, and frozen=True makes building
# cost three times as much (object.__setattr__ per field); unsafe_hash keeps the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class AliasHit:
    """An alias found in the text, before the linker's context checks."""

    start: int
    end: int
    entity_id: str
    rule: AliasRule


def fold_for_matching(text: str) -> str:
    """ASCII copy of `text` of the same length: lower case, punctuation and non-ASCII as spaces."""
    return _lower_same_length(text).encode("ascii", "replace").translate(_TO_SPACE).decode("ascii")


def _lower_same_length(text: str) -> str:
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    # A few characters lower-case to two ("İ"); keep those as they are.
    return "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)


def strip_legal_suffix(name: str) -> str:
    """`name` without trailing legal-form words: "Meta Platforms Inc" -> "Meta Platforms"."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and (words[-1] in _LEGAL_SUFFIX_SET or words[-1] == "&"):
        words.pop()
    return " ".join(words)


def alias_rule(alias: str, ambiguous: bool) -> AliasRule:
    if ambiguous:
        return AliasRule.AMBIGUOUS
    if _CJK_CHAR.search(alias):
        return AliasRule.CJK
    if not _LOWER.search(alias):
        return AliasRule.EXACT
    return AliasRule.CAPITALISED


class Gazetteer:
    """Every alias of the reference data in one automaton. Build once; `find` per document."""

    def __init__(self, reference: ReferenceData) -> None:
        entries: dict[str, list[AliasEntry]] = {}
        derived: dict[str, list[AliasEntry]] = {}
        for entity in reference.entities:
            explicit = [(entity.name, False), *((a, False) for a in entity.aliases)]
            explicit += [(a, True) for a in entity.ambiguous_aliases]
            for alias, ambiguous in explicit:
                self._add(entries, entity.id, alias, ambiguous)
            # Derived aliases: the name and aliases without their legal form, when that leaves
            # more than one word (a single word such as "Acme" may be an ordinary word).
            for alias in (entity.name, *entity.aliases):
                stripped = strip_legal_suffix(alias)
                if stripped != alias and " " in stripped:
                    self._add(derived, entity.id, stripped, False)
        for key, derived_entries in derived.items():
            owners = {entry.entity_id for entry in derived_entries}
            if key in entries or len(owners) > 1:
                continue  # an explicit alias, or two entities, claim it: skip the derived one
            entries[key] = derived_entries
        # Spellings that differ only in punctuation ("Nasdaq 100", "Nasdaq-100") share one key of
        # the ASCII automaton; the case check then tries each spelling.
        ascii_keys: dict[str, list[AliasEntry]] = {}
        self._unicode = ahocorasick.Automaton()
        for key, key_entries in entries.items():
            if key.isascii():
                ascii_keys.setdefault(" " + fold_for_matching(key), []).extend(key_entries)
            else:
                self._unicode.add_word(key, tuple(key_entries))
        # The keys of the main automaton with their entries (`WordStarts` merges them).
        self.ascii_keys = {key: tuple(key_entries) for key, key_entries in ascii_keys.items()}
        self._ascii = ahocorasick.Automaton()
        for key, alias_entries in self.ascii_keys.items():
            self._ascii.add_word(key, alias_entries)
        self._ascii.make_automaton()
        self._unicode.make_automaton()
        self.size = len(entries)

    @staticmethod
    def _add(table: dict[str, list[AliasEntry]], entity_id: str, alias: str, amb: bool) -> None:
        written = alias.translate(_FOLD)
        entry = AliasEntry(entity_id, written, alias_rule(alias, amb), len(alias))
        bucket = table.setdefault(_lower_same_length(written), [])
        if all(existing.alias != entry.alias for existing in bucket):
            bucket.append(entry)

    def find(
        self,
        text: str,
        folded: str | None = None,
        matches: Iterable[tuple[int, tuple[AliasEntry, ...]]] | None = None,
    ) -> list[AliasHit]:
        """Alias hits in `text` that pass the boundary and case rules, longest first wins.

        `folded` is `" " + fold_for_matching(text)` when the caller has it already (the leading
        space lets a key's own leading space meet the first word; offsets shift by one).
        `matches` are those of the `ascii_keys` in `folded`, when the caller has found them.
        """
        candidates: list[AliasHit] = []
        if folded is None:
            folded = " " + fold_for_matching(text)
        if matches is None:
            matches = self._ascii.iter(folded)
        self._collect(text, iter(matches), 0, candidates)
        if len(self._unicode) and not text.isascii() and _has_non_ascii_letter(text):
            lowered = _lower_same_length(text).translate(_FOLD)
            self._collect(text, self._unicode.iter(lowered), 1, candidates)
        if "-" in text:
            candidates = _without_hyphen_continuations(text, candidates)
        return select_longest(candidates, len(text))

    @staticmethod
    def _collect(
        text: str,
        matches: Iterator[tuple[int, tuple[AliasEntry, ...]]],
        shift: int,
        candidates: list[AliasHit],
    ) -> None:
        size = len(text)
        for end_index, key_entries in matches:
            end = end_index + shift
            start = end - key_entries[0].length
            if end < size and _is_word_char(text[end]) and not _is_cjk(text[end - 1]):
                continue
            surface = text[start:end]
            if not surface.isascii() and _NEEDS_FOLD.search(surface):
                surface = surface.translate(_FOLD)
            if "\n" in surface:
                # A name broken by a line wrap ("Newmont\nMining Corp") is read as one name.
                surface = surface.replace("\n", " ")
            for entry in key_entries:
                if _case_ok(entry, surface) and _boundary_ok(text, start, end):
                    candidates.append(AliasHit(start, end, entry.entity_id, entry.rule))
                    break


def _without_hyphen_continuations(text: str, candidates: list[AliasHit]) -> list[AliasHit]:
    """`candidates` without the hits that a hyphen and a capitalised word carry on into a longer
    name ("Advanced Micro-Fabrication Equipment"); two names of the list joined by a hyphen
    ("an Apple-Google deal") stay two mentions."""
    if not any(text.startswith("-", hit.end) for hit in candidates):
        return candidates
    starts = {hit.start for hit in candidates}
    kept = []
    for hit in candidates:
        if text.startswith("-", hit.end) and hit.end + 1 not in starts:
            match = _HYPHEN_CONTINUATION.match(text, hit.end)
            if match and _continues_name(match[1], match[2]):
                continue
        kept.append(hit)
    return kept


def _continues_name(word: str, next_word: str | None) -> bool:
    if word.lower() in _HYPHEN_DESCRIPTIONS or word in PLACES:
        return False
    return next_word is None or f"{word} {next_word}" not in PLACES


def _has_non_ascii_letter(text: str) -> bool:
    """Whether `text` holds a character outside ASCII but `_NON_ASCII_NON_LETTERS` (a few
    str.replace calls cost a tenth of a regex search through the text)."""
    for character in _NON_ASCII_NON_LETTERS:
        text = text.replace(character, "")
    return not text.isascii()


def _case_ok(entry: AliasEntry, surface: str) -> bool:
    alias = entry.alias
    if entry.rule is AliasRule.CJK or surface == alias:
        return True
    if entry.rule is not AliasRule.CAPITALISED:
        return False
    if surface.isupper() and len(alias) >= 4:
        return True
    # Index names are often written with a small letter: "Hang Seng index", "Nasdaq composite";
    # any other word as written ("a U.S. bank" is not U.S. Bank).
    written, wanted = surface.split(" "), alias.split(" ")
    return len(written) == len(wanted) > 1 and all(
        w == a or ((w[:1] == a[:1] or a in _LOWERABLE_WORDS) and w.lower() == a.lower())
        for w, a in zip(written, wanted, strict=True)
    )


def _is_cjk(ch: str) -> bool:
    # Every CJK, kana and hangul block lies above U+2E80; other scripts there are rare in news.
    return ch >= "\u2e80"


def _is_word_char(ch: str) -> bool:
    return ch.isalnum() and ch < "\u2e80"


def _boundary_ok(text: str, start: int, end: int) -> bool:
    if start > 0 and not _is_cjk(text[start]):
        before = text[start - 1]
        if _is_word_char(before) or before in "@/\\_$#":
            return False
        # "www.apple" or "T.Rowe": the alias continues a dotted word.
        if before == "." and start > 1 and _is_word_char(text[start - 2]):
            return False
    if end < len(text) and not _is_cjk(text[end - 1]):
        after = text[end]
        if _is_word_char(after) or after in "_@":
            return False
        following = text[end + 1] if end + 1 < len(text) else " "
        if after in ".'’" and _is_word_char(following):
            # "JD.com" is not "JD"; "Xi'an" is not "Xi"; but "Alibaba's" is Alibaba.
            possessive = after in "'’" and following in "sS"
            after_s = text[end + 2] if end + 2 < len(text) else " "
            if not (possessive and not _is_word_char(after_s)):
                return False
    return True


def select_longest(hits: list[AliasHit], size: int) -> list[AliasHit]:
    """Non-overlapping hits, preferring longer ones, then earlier ones; in text order."""
    chosen: list[AliasHit] = []
    taken = bytearray(size)
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        if taken.find(1, hit.start, hit.end) != -1:
            continue
        chosen.append(hit)
        taken[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
    return sorted(chosen, key=lambda h: h.start)


def suffix_end(text: str, end: int) -> int:
    """Where a company mention ending at `end` really ends, after its legal form, if any."""
    following = text[end : end + 1]
    if following != "," and not (
        following.isspace() and text[end + 1 : end + 2] in _SUFFIX_WORD_OPENERS
    ):
        return end  # the pattern cannot match: it is not tried
    match = _SUFFIX_RUN.match(text, end)
    return match.end() if match else end


def cjk_bracket_end(text: str, end: int) -> int:
    """Where a mention ending at `end` ends once a bracketed CJK name after it is included."""
    if "(" not in text[end : end + 2] and "（" not in text[end : end + 2]:
        return end
    match = _CJK_BRACKET.match(text, end)
    return match.end() if match else end


def iter_keys(gazetteer: Gazetteer) -> Iterator[str]:
    """Every alias key in the automata (for tests and diagnostics)."""
    yield from gazetteer._ascii.keys()
    yield from gazetteer._unicode.keys()
