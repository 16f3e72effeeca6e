"""People and organisations that are not in the reference list, found from how the text names them.

Only strong cues count (precision first: a wrong entity is worse than a missing one):

- people: a byline ("By Ankika Biswas and ..."), a title before the name ("CEO Eddie Wu",
  "investment director Russ Mould"), or an apposition with a job after it ("Vey Sern Ling, a senior
  equity advisor at UBP");
- organisations: the employer in such a phrase ("... advisor at UBP", "director ... at Solomons
  Group"), a source ("according to Counterpoint Research", "polled by ..."), "X analysts",
  "X said in a note", and names that end in a legal form ("Gen Digital Inc.").

A person found once is also found by surname later ("Wong said").

The cue words are found with one Aho-Corasick pass; the name patterns then run only in a small
window beside each cue (running them over the whole text costs milliseconds per article).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import ahocorasick
import regex

from tickerwire.link.gazetteer import fold_for_matching
from tickerwire.link.name_words import (
    GENERIC_ORG_WORDS,
    LEGAL_FORMS,
    OPENERS,
    ORG_SUFFIX_WORDS,
    PLACES,
    ROLE_WORDS,
    STOP_WORDS,
    TITLE_WORDS,
)
from tickerwire.records import EntityType

_PERSON_TOKEN = (
    r"(?:Ma?c[A-Z][a-z]+|O['’][A-Z][a-z]+|[A-Z][a-z]+(?:[-'’][A-Z][a-z]+)?|[A-Z]{1,2}\.?)(?![\w'’])"
)
_PERSON = rf"{_PERSON_TOKEN}(?:[ ]{_PERSON_TOKEN}){{1,3}}"
# No dots inside: "RCIb.TOtopped" (a RIC run into the next word) is no name.
_ORG_TOKEN = r"(?:[A-Z0-9][\w&'’\-]*\w|[A-Z])"
_ORG = rf"(?:[Tt]he[ ])?{_ORG_TOKEN}(?:[ ](?:(?:&|of|and|de|for)[ ])?{_ORG_TOKEN}){{0,5}}"
_CJK_BRACKET = r"(?:\s?[(（][\p{Han}\p{Hiragana}\p{Katakana}·・ ]+[)）])?"

# What a cue key stands for: its length and the kinds of name it announces.
Cue = tuple[int, frozenset[str]]
# `take` in NameFinder.find: records a name span (and its type) unless already taken.
_Take = Callable[[tuple[int, int] | None, EntityType | None], None]

# Cue words, by what they announce. Matched case-insensitively, except legal forms.
_ANALYST_WORDS = ("analyst", "analysts", "strategist", "strategists", "economist", "economists")
_NOTE_PHRASES = tuple(
    f"in a {kind}{what}" for kind in ("", "research ", "client ") for what in ("note", "report")
)
_SOURCE_PHRASES = (
    "according to",
    "data from",
    "polled by",
    "compiled by",
    "a report from",
    "a report by",
    "a note from",
    "a note by",
    "reported by",
    "coverage from",
    "survey by",
    "estimates from",
)
_LEGAL_CUES = (
    "Inc",
    "Corp",
    "Corporation",
    "Ltd",
    "Limited",
    "LLC",
    "PLC",
    "plc",
    "AG",
    "GmbH",
    "KGaA",
    "NV",
    "SA",
    "SE",
)

# Last words of a firm's name: "Solomons Group", "Counterpoint Research", "Great Hill Capital".
_FIRM_WORDS = (
    "Group",
    "Holdings",
    "Capital",
    "Securities",
    "Bank",
    "Research",
    "Partners",
    "Management",
    "Advisors",
    "Advisers",
    "Investments",
    "Ventures",
    "University",
    "Institute",
    "Foundation",
)

# "Ministry of Finance", "Department of Energy": a government body named by its remit.
_GOVERNMENT_BODY = regex.compile(
    r"(?:Ministry|Department)[ ]of[ ](?:the[ ])?[A-Z][a-z]+(?:[ ](?:and[ ])?[A-Z][a-z]+){0,3}"
    r"(?![\w\-])"
)

# How far from its cue a name may start (characters): six or so words.
_WINDOW = 70
# A headline: a line of at most 150 characters with at least 80% of its words capitalised (a
# news sentence has far fewer: names, and the first word).
HEADLINE_MAX = 150
_HEADLINE_SHARE = 0.8
# Bylines sit in the first lines of an article.
_BYLINE_REACH = 600

# After a title: "CEO Eddie Wu".
_PERSON_AFTER = regex.compile(rf"[ ](?P<person>{_PERSON})")
# Before a job: "Vey Sern Ling, a senior equity advisor": the name ends at the comma, and the
# words between the comma and the job are few.
_PERSON_BEFORE_COMMA = regex.compile(rf"(?P<person>{_PERSON}){_CJK_BRACKET}$")
_APPOSITION_GAP = regex.compile(r",[ ](?:(?:a|an|the|who[ ]is)[ ])?(?:[\w&'’\-]+[ ]){0,6}")
# After a job: "advisor at UBP", "director for Asia Pacific at Solomons Group".
_EMPLOYER_AFTER = regex.compile(rf"[^.,;:()\n]{{0,50}}?[ ](?:at|with)[ ](?:the[ ])?(?P<org>{_ORG})")
# Before "analysts": "Bernstein analysts", "Barclays' analysts".
_ORG_BEFORE = regex.compile(rf"(?P<org>{_ORG})(?:'s|’s|')?[ ]$")
# Before "in a note": "Nomura said in a note".
_ORG_SAID_BEFORE = regex.compile(rf"(?P<org>{_ORG})[ ](?:said|wrote|noted)[ ]$")
# After a source phrase: "according to (data from) Counterpoint Research".
_SOURCE_AFTER = regex.compile(
    rf"[ ](?:(?:data|figures|estimates|a[ ]report|a[ ]note)[ ]from[ ])?(?P<org>{_ORG})"
)
# Before a legal form: "Gen Digital Inc.".
_LEGAL_NAME_BEFORE = regex.compile(
    rf"(?P<org>{_ORG_TOKEN}(?:[ ](?:&[ ]|of[ ]|and[ ])?{_ORG_TOKEN}){{0,4}}),?[ ]$"
)
# "By Ankika Biswas and Johann M Cherian" on a line of its own near the top.
_BYLINE = regex.compile(
    rf"(?m)^[ \t]*(?:By|BY|Written by|Written By)[ ]"
    rf"(?P<people>{_PERSON}(?:(?:,[ ]|[ ]and[ ]|[ ]&[ ]){_PERSON})*)[ \t]*$"
)
_PERSON_RE = regex.compile(_PERSON)
_NON_SPACE = regex.compile(r"\S+")
_NO_LETTER = regex.compile(r"[\d\W]+")
_TRAILING_FORMS = LEGAL_FORMS | {"Co"}
_NEXT_CAPITALISED = regex.compile(r"[ ][A-Z][a-z]")
_PREVIOUS_CAPITALISED = regex.compile(r"(?<![.!?:;]\s)\b[A-Z][a-z]+[ ]$")

# Lengths of the lines of hard-wrapped wire copy: Reuters-21578 wraps below 65 characters and
# most lines of a paragraph have 50 or more (looked up on the record dump). A line of this length
# that ends in a word is wrapped, not ended; web copy has longer paragraphs and shorter headings.
WRAP_MIN = 40
WRAP_MAX = 80
# The capitalised words that end a wrapped line, after a lower-case word ("... with Washington").
_WRAPPED_NAME_END = regex.compile(rf"[a-z,][ ](?P<words>{_ORG_TOKEN}(?:[ ]{_ORG_TOKEN}){{0,2}})$")

# A number before a name counts the things after the name ("31 Wall Street analysts", "833,334
# Schult Homes Corp units") or ends a larger number: it is no word of the name. A firm whose name
# opens with a number ("50 Park Investments", "180 Degree Capital") is written without such a
# noun after it.
_NUMERAL = regex.compile(r"\d[\d,.]*")
_COUNTED_AFTER = regex.compile(
    r"(?:,?[ ](?:Inc|Corp|Co|Ltd|LLC|plc|PLC|Group|Holdings)\.?)?[ ]"
    r"(?:analysts|economists|strategists|brokers|brokerages|banks|lenders|firms|companies|"
    r"stocks|shares|units|stores|restaurants|branches|outlets|offices|employees|workers|jobs|"
    r"members|clients|customers|users|subscribers|locations|vehicles|planes|aircraft|ratings|"
    r"estimates)\b"
)
# "Taichung-based", "Prize-winning": a description, not part of the name after it.
_DESCRIPTOR = regex.compile(r"-[a-z]+$")


@dataclass(frozen=True)
class NameHit:
    """A person or organisation named in the text, with the span of the name itself."""

    start: int
    end: int
    name: str
    type: EntityType
    byline: bool = False


class Occupied:
    """Which characters of a text already belong to a mention."""

    def __init__(self, length: int) -> None:
        self._mask = bytearray(length)

    def add(self, start: int, end: int) -> None:
        self._mask[start:end] = b"\x01" * (end - start)

    def overlaps(self, start: int, end: int) -> bool:
        return self._mask.find(1, start, end) != -1


def _clean_person(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim opener/calendar words off a candidate name; None when no person name remains."""
    tokens = [(m.start(), m.end()) for m in _NON_SPACE.finditer(text, start, end)]
    while tokens and text[tokens[0][0] : tokens[0][1]].rstrip(".") in STOP_WORDS:
        tokens.pop(0)
    while tokens and text[tokens[-1][0] : tokens[-1][1]].rstrip(".") in STOP_WORDS:
        tokens.pop()
    if len(tokens) < 2:
        return None
    words = [text[s:e] for s, e in tokens]
    if any(w.rstrip(".") in STOP_WORDS or w in ORG_SUFFIX_WORDS for w in words):
        return None
    if len(words[-1].rstrip(".")) < 2 or words[-1].isupper() or len(words[0].rstrip(".")) < 2:
        return None
    if any(" ".join(words[:n]) in PLACES for n in (1, 2, 3)):
        return None
    return tokens[0][0], tokens[-1][1]


def clean_org_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Trim a candidate organisation name; None when it is a place, a department or a phrase."""
    words = text[start:end].split(" ")
    numeral = _last_numeral(words)
    if numeral is not None:
        numeral_start = start + sum(len(w) + 1 for w in words[:numeral])
        if numeral == 0 and _ends_a_number(text, numeral_start):
            start += len(words.pop(0)) + 1
        elif _COUNTED_AFTER.match(text, end):
            # "31 Wall Street analysts", "Nine of 14 Redwood Capital analysts": a count, or a
            # firm named with a number ("180 Degree Capital analysts"); which one is not known,
            # so no name.
            return None
    if words and words[-1].endswith(("'s", "’s")):
        words[-1] = words[-1][:-2]
    trailing = {"of", "and", "&", "de", "for", ""}
    while words and (
        words[-1] in trailing or (len(words) > 1 and words[-1].rstrip(".") in _TRAILING_FORMS)
    ):
        words.pop()
    # Keep what follows the last opener or descriptor: "Taiwan When Powerchip Technology",
    # "Taichung-based Tunghai University", "Nobel Prize-winning".
    for index in range(len(words) - 1, -1, -1):
        if index == 0 and words[0] in ("The", "the"):
            break
        word = words[index]
        if word in OPENERS or ("-" in word and _DESCRIPTOR.search(word)):
            start += sum(len(w) + 1 for w in words[: index + 1])
            words = words[index + 1 :]
            break
    # "Zacks Investment Research Brian Bolan": a firm's name runs into a person's; but
    # "Hartford Financial Services Group" goes on with firm words, no person's name.
    for index, word in enumerate(words[:-2]):
        if (
            word in ORG_SUFFIX_WORDS
            and index > 0
            and len(words) - index - 1 == 2
            and not any(w in ORG_SUFFIX_WORDS or w in GENERIC_ORG_WORDS for w in words[-2:])
        ):
            words = words[: index + 1]
            break
    while words and words[0] in ("The", "the"):
        start += len(words.pop(0)) + 1
    if not words:
        return None
    name = " ".join(words)
    significant = [w for w in words if w not in ("of", "and", "&", "de", "for")]
    if name in PLACES or all(
        w in GENERIC_ORG_WORDS or w in PLACES or w in STOP_WORDS for w in significant
    ):
        return None
    if _NO_LETTER.fullmatch(name) or len(name) < 2:
        return None
    end = start + len(name)
    if text[end : end + 1] == "." and text[end + 1 : end + 2].isalnum():
        return None  # "U" of "U.S.": the name goes on past a dot
    return start, end


def _last_numeral(words: list[str]) -> int | None:
    """The index of the last bare number among the words of a candidate name but its last."""
    for index in range(len(words) - 2, -1, -1):
        if _NUMERAL.fullmatch(words[index]):
            return index
    return None


def _ends_a_number(text: str, start: int) -> bool:
    """Whether the figures at `start` end a larger number ("334" of "833,334")."""
    return start >= 2 and text[start - 1] in ",." and text[start - 2].isdigit()


def _org_type(name: str) -> EntityType:
    return "company" if name.split(" ")[-1].rstrip(".") in LEGAL_FORMS else "organization"


def _looks_like_org(name: str) -> bool:
    words = name.split(" ")
    return words[-1] in ORG_SUFFIX_WORDS or (len(words) == 1 and name.isupper() and len(name) > 1)


class NameFinder:
    """People and organisations outside the reference list. Build once; `find` per document."""

    def __init__(self) -> None:
        # Keys start with a space and run over " " + fold_for_matching(text): word starts only.
        self._cues = ahocorasick.Automaton()
        kinds: dict[str, set[str]] = {}
        for word in ROLE_WORDS:
            kinds.setdefault(word.lower(), set()).add("role")
        for word in TITLE_WORDS:
            kinds.setdefault(word.lower(), set()).add("title")
        for word in _ANALYST_WORDS:
            kinds.setdefault(word, set()).add("analysts")
        for phrase in _NOTE_PHRASES:
            kinds.setdefault(phrase, set()).add("note")
        for phrase in _SOURCE_PHRASES:
            kinds.setdefault(phrase, set()).add("source")
        for form in _LEGAL_CUES:
            kinds.setdefault(form.lower(), set()).add("legal")
        for word in _FIRM_WORDS:
            kinds.setdefault(word.lower(), set()).add("firm")
        for word in ("Ministry", "Department"):
            kinds.setdefault(word.lower(), set()).add("government")
        # The keys with their values (`WordStarts` merges them with the gazetteer's).
        self.cue_keys: dict[str, Cue] = {
            " " + fold_for_matching(key): (len(key), frozenset(key_kinds))
            for key, key_kinds in kinds.items()
        }
        for key, cue in self.cue_keys.items():
            self._cues.add_word(key, cue)
        self._cues.make_automaton()

    @staticmethod
    def _cue_hits(
        text: str, matches: Iterable[tuple[int, Cue]]
    ) -> Iterator[tuple[int, int, frozenset[str]]]:
        size = len(text)
        for end, (length, kinds) in matches:
            # `folded` has one leading space more than `text`: its end index is text's end.
            if end < size and text[end].isalnum():
                continue
            yield end - length, end, kinds

    def find(
        self,
        text: str,
        occupied: Occupied,
        folded: str | None = None,
        cue_matches: Iterable[tuple[int, Cue]] | None = None,
    ) -> list[NameHit]:
        """People and organisations named in `text` outside the `occupied` spans, in text order.

        `occupied` is updated with the spans returned, so later steps do not take them again.
        `folded` is `" " + fold_for_matching(text)` when the caller has it already, and
        `cue_matches` those of the `cue_keys` in it, when the caller has found them.
        """
        hits: list[NameHit] = []

        def take(span: tuple[int, int] | None, entity_type: EntityType | None = None) -> None:
            if span is None:
                return
            start, end = span
            if end <= start or occupied.overlaps(start, end):
                return
            if entity_type != "person":
                start = _wrapped_name_start(text, start, occupied)
            name = text[start:end].replace("\n", " ")
            hits.append(NameHit(start, end, name, entity_type or _org_type(name)))
            occupied.add(start, end)

        for match in _BYLINE.finditer(text, 0, min(len(text), _BYLINE_REACH)):
            base = match.start("people")
            for person in _PERSON_RE.finditer(match["people"]):
                span = _clean_person(text, base + person.start(), base + person.end())
                if span and not occupied.overlaps(*span):
                    hits.append(NameHit(*span, text[span[0] : span[1]], "person", byline=True))
                    occupied.add(*span)
        if cue_matches is None:
            if folded is None:
                folded = " " + fold_for_matching(text)
            cue_matches = self._cues.iter(folded)
        cues = sorted(self._cue_hits(text, cue_matches))
        # People first (a person's name must not be taken for a firm), then organisations.
        for start, end, kinds in cues:
            if "title" in kinds:
                match = _PERSON_AFTER.match(text, end)
                if match:
                    take(_clean_person(text, match.start("person"), match.end("person")), "person")
            if "role" in kinds:
                take(_apposition(text, start), "person")
        for start, end, kinds in cues:
            if "role" in kinds:
                match = _EMPLOYER_AFTER.match(text, end)
                if match:
                    take(clean_org_span(text, match.start("org"), match.end("org")))
            if (
                "analysts" in kinds
                and text[start:end].islower()
                and text[end : end + 1]
                not in (
                    "'",
                    "’",
                )
            ):
                match = _ORG_BEFORE.search(text, max(0, start - _WINDOW), start)
                if match:
                    take(clean_org_span(text, match.start("org"), match.end("org")))
            if "note" in kinds:
                match = _ORG_SAID_BEFORE.search(text, max(0, start - _WINDOW), start)
                if match:
                    take(clean_org_span(text, match.start("org"), match.end("org")))
            if "source" in kinds:
                self._source(text, end, take)
            if "legal" in kinds and text[start:end] in _LEGAL_CUES:
                match = _LEGAL_NAME_BEFORE.search(text, max(0, start - _WINDOW), start)
                if match and not occupied.overlaps(match.start("org"), end):
                    org_start = match.start("org")
                    if in_headline(text, start):
                        # "Geopolitical Issues Ail AAR Corp.": every word of a headline is
                        # capitalised, so only the word before the legal form is the name.
                        org_start = text.rfind(" ", org_start, match.end("org")) + 1
                    take(clean_org_span(text, org_start, match.end("org")), "company")
            if "firm" in kinds and text[start:end] in _FIRM_WORDS:
                self._firm(text, start, end, take)
            if "government" in kinds and text[start].isupper():
                match = _GOVERNMENT_BODY.match(text, start)
                if match and not in_headline(text, start):
                    take(match.span(), "government")
        hits.extend(_repeats(text, hits, occupied))
        return sorted(hits, key=lambda h: h.start)

    @staticmethod
    def _firm(text: str, start: int, end: int, take: _Take) -> None:
        """A name of two words or more that ends in a firm word: "Solomons Group"."""
        if in_headline(text, start) or _NEXT_CAPITALISED.match(text, end):
            return  # a headline, or a longer name ("Hang Seng Bank Building")
        match = _LEGAL_NAME_BEFORE.search(text, max(0, start - _WINDOW), start)
        # A comma before the firm word ends what came before: "in January 1986, Bank of Korea".
        if match and text[match.end("org")] != ",":
            take(clean_org_span(text, match.start("org"), end), "organization")

    @staticmethod
    def _source(text: str, end: int, take: _Take) -> None:
        match = _SOURCE_AFTER.match(text, end)
        if not match:
            return
        span = clean_org_span(text, match.start("org"), match.end("org"))
        # "according to Andy Wong" could be a person: only names that look like a firm count.
        if span and (_looks_like_org(text[span[0] : span[1]]) or match["org"].startswith("The ")):
            take(span, None)


def _wrapped_name_start(text: str, start: int, occupied: Occupied) -> int:
    """Where an organisation's name starting a line starts when the line before is wrapped
    inside a sentence and ends with the first words of the name: "a loan from Washington\nSquare
    Capital Inc" is Washington Square Capital, not Square Capital."""
    if start == 0 or text[start - 1] != "\n":
        return start
    line_start = text.rfind("\n", 0, start - 1) + 1
    line = text[line_start : start - 1]
    # Hard-wrapped copy (Reuters wires) has lines of 60 to 80 characters that break anywhere; a
    # paragraph or a heading of web copy is longer or shorter, or ends with punctuation.
    if not WRAP_MIN <= len(line) <= WRAP_MAX or in_headline(text, line_start):
        return start
    match = _WRAPPED_NAME_END.search(line)
    if match is None:
        return start
    words = match["words"].split(" ")
    offset = line_start + match.start("words")
    while words and words[0] in OPENERS:
        offset += len(words.pop(0)) + 1
    if not words or not words[0][0].isalpha() or occupied.overlaps(offset, start - 1):
        return start
    return offset


def in_headline(text: str, index: int) -> bool:
    """Whether `index` lies in a short line whose words are nearly all capitalised."""
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if len(line) > HEADLINE_MAX:
        return False  # a paragraph: not split into words
    words = [w for w in line.split() if w[:1].isalpha()]
    if len(words) < 4:
        return False
    return sum(w[0].isupper() for w in words) >= _HEADLINE_SHARE * len(words)


def _apposition(text: str, role_start: int) -> tuple[int, int] | None:
    """The person named before ", a senior analyst" (the job starting at `role_start`)."""
    comma = text.rfind(",", max(0, role_start - 60), role_start)
    if comma == -1 or not _APPOSITION_GAP.fullmatch(text, comma, role_start):
        return None
    match = _PERSON_BEFORE_COMMA.search(text, max(0, comma - 60), comma)
    return _clean_person(text, match.start("person"), match.end("person")) if match else None


def _repeats(text: str, hits: list[NameHit], occupied: Occupied) -> Iterator[NameHit]:
    """Later mentions of names found once: the full name again, or a person's surname."""
    surnames: dict[str, list[NameHit]] = {}
    for hit in hits:
        if hit.type == "person":
            surname = hit.name.split(" ")[-1]
            if len(surname) >= 3 and surname not in STOP_WORDS:
                surnames.setdefault(surname, []).append(hit)
    patterns = [(hit.name, hit) for hit in hits]
    patterns += [(s, people[0]) for s, people in surnames.items() if len(people) == 1]
    for written, hit in patterns:
        position = text.find(written)
        while position != -1:
            end = position + len(written)
            if _standalone(text, position, end) and not occupied.overlaps(position, end):
                occupied.add(position, end)
                yield NameHit(position, end, hit.name, hit.type)
            position = text.find(written, end)


def _standalone(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is a whole name, not part of a word or of a longer name."""
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-"):
        return False
    if end < len(text) and (text[end].isalnum() or text[end] == "-"):
        return False
    # "Edison" in "Phillips Edison" or "Wong Kong Ltd": part of another capitalised name.
    return not _NEXT_CAPITALISED.match(text, end) and not _PREVIOUS_CAPITALISED.search(
        text, max(0, start - 30), start
    )
