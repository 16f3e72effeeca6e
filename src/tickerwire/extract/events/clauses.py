"""Where the clauses of a sentence start and end, and the sentence's text to read them on.

`ClauseScan` is the base of `SentenceScan` (events.scan): it holds the sentence, its text
lower-cased once per article, the gated pattern searches every event rule makes, and the clause
boundaries. A reporting frame ("Nomura said", "The Information reported that") and a cause
clause ("after", "as", "following") start a new clause, so the subject of the clause that holds
a cue (events.actors) is not taken from the frame or the cause.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from tickerwire.extract.document import DocumentContext, EntityGroup
from tickerwire.extract.lazy import cached_property
from tickerwire.extract.literals import leading_strings, required_literals
from tickerwire.extract.prefiltered import finditer_at, prefiltered_re, starts_of
from tickerwire.extract.sentences import Sentence

_REPORTING_VERB = (
    r"(?:said|says|reported|reports|noted|notes|wrote|writes|told\s+\w+|added|adds|believes?|"
    r"thinks?|argued|argues|announced|announces|disclosed|confirmed|stated|revealed|explained|"
    r"indicated|highlighted|suggested|predicted|expects?|estimated?|forecast)"
)
# Where a new clause starts: punctuation, contrast and cause words, a reporting frame.
# Read on the lower-cased sentence with the standard library's engine, which runs this
# alternation of plain words about three times faster than `regex` with IGNORECASE. The word
# branches share one `\b`: the engine tries the pattern at every character, and inside a word
# one failed boundary test ends the try where four did (no two branches match at one place).
# "such as" gives examples ("markets such as PCs, with partners such as Dell"), no clause.
_CLAUSE_WORDS = r"""\b(?:
        (?:but|while|whereas|although|though|however|after|following|because|since|when|
          amid|despite|before|until|unless|whether|if|thanks\s+to|due\s+to|on\s+the\s+back\s+of|
          driven\s+by|fuell?ed\s+by|boosted\s+by|helped\s+by|led\s+by|weighed\s+(?:down\s+)?by|
          dragged\s+(?:down\s+)?by|sending|pushing|lifting|leaving)\b(?!-)
      | (?<!such\s)as\b(?!\s+(?:well|much|many|part|a\s+result|of|to|such|long|high|low|early|far|
          the\s+\w+\s+of))
      | (?:news|reports?|word|announcement|confirmation|speculation|hopes?|fears?|concerns?)
          \s+that\b
      | (?P<relative>(?:which|who)\b))
"""
_CLAUSE_PUNCTUATION = r""";|:\s|\s[-–—]\s|—|,\s*with\b"""
_CLAUSE_BOUNDARY = re.compile(f"{_CLAUSE_PUNCTUATION}|{_CLAUSE_WORDS}", re.VERBOSE)
# The pattern is tried only where a match can start (`_boundary_starts`), not at every
# character: there the engine's set-up per try cost more than the matching (callgrind on the
# sentences of 20 FNSPID articles: 90K machine instructions per sentence, about 35K so).
_CLAUSE_WORD_STARTS = leading_strings(re.compile(_CLAUSE_WORDS, re.VERBOSE))
_PUNCTUATION_STARTS = (";", ":", "—", ",")
_DASHES = ("-", "–", "—")  # "\s[-–—]\s" starts one character before its dash
# Read on the lower-cased sentence; a frame ending before a word (group `before`) counts only
# when that word is capitalised in the text ("Nomura said Alibaba ...").
_REPORTING_FRAME = prefiltered_re(
    re.compile(
        rf"\b{_REPORTING_VERB}\b(?:\s+(?:on\s+\w+|today|yesterday|last\s+week|earlier|"
        r"in\s+an?\s+(?:research\s+)?(?:note|statement|filing|report|interview)(?:\s+on\s+\w+)?|"
        r"to\s+\w+))?(?:\s+that\b|,|(?P<before>\s+)(?=\w))"
    )
)
_IGNORECASE = int(regex.IGNORECASE)


def _boundary_starts(lowered: str) -> list[int]:
    """Every place in a lower-cased sentence where `_CLAUSE_BOUNDARY` can start to match: a
    punctuation mark, the space before a dash, or one of the strings its words start with."""
    starts = starts_of(lowered, _PUNCTUATION_STARTS, 0, len(lowered))
    starts += [at - 1 for at in starts_of(lowered, _DASHES, 1, len(lowered))]
    if _CLAUSE_WORD_STARTS is None:  # never: the words are plain (tests/extract/events)
        return list(range(len(lowered)))
    starts += starts_of(lowered, _CLAUSE_WORD_STARTS, 0, len(lowered))
    return sorted(set(starts))


def lower_text(text: str, lowered: str | None = None) -> str:
    """`text` in lower case, with the same length (a letter whose lower case is longer, such
    as "İ", is kept as written), so that offsets found in it are offsets into `text`.
    `lowered` is `text.lower()`, when the caller has it already (one lower-casing per article
    serves the cue pass and every pattern that reads lower-cased text)."""
    if lowered is None:
        lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


class ClauseScan:
    """A sentence's text, its entities and its clauses, each computed once on demand."""

    def __init__(
        self,
        ctx: DocumentContext,
        sentence: Sentence,
        lowered_text: str | None = None,
        cues: frozenset[str] = frozenset(),
    ):
        self.ctx = ctx
        self.sentence = sentence
        self.text = ctx.text
        self.lowered_text = lowered_text if lowered_text is not None else lower_text(ctx.text)
        self.cues = cues  # the kinds of cue words the sentence holds (events.cues)

    @cached_property
    def lowered(self) -> str:
        return self.lowered_text[self.sentence.start : self.sentence.end]

    def source(self, pattern: regex.Pattern[str]) -> str:
        """The text a pattern reads: the text itself for a case-insensitive pattern, the
        lower-cased text for one compiled in lower case (`generic.compile_rule`)."""
        return self.text if pattern.flags & _IGNORECASE else self.lowered_text

    def may_match(self, pattern: regex.Pattern[str], start: int = -1, end: int = -1) -> bool:
        """False when `pattern` cannot match in [start, end) (the sentence by default): it
        holds none of the strings every match needs (`literals`), so the search is skipped."""
        literals = required_literals(pattern)
        if literals is None:
            return True
        if start < 0:
            start, end = self.sentence.start, self.sentence.end
        return literals.may_match(self.source(pattern), self.lowered_text, start, end)

    def holds(self, pattern: regex.Pattern[str], start: int = -1, end: int = -1) -> bool:
        """Whether `pattern` matches in [start, end) (the sentence by default), read on
        `source(pattern)`; the search skipped where `may_match` rules it out."""
        if start < 0:
            start, end = self.sentence.start, self.sentence.end
        return self.may_match(pattern, start, end) and (
            pattern.search(self.source(pattern), start, end) is not None
        )

    def finditer(self, pattern: regex.Pattern[str]) -> Iterator[regex.Match[str]]:
        """`pattern.finditer` over the sentence (on `source(pattern)`), the pattern tried only
        where one of the strings every match starts with stands (`literals.leading_strings`):
        the same matches, without the engine trying each branch at every character."""
        source = self.source(pattern)
        start, end = self.sentence.start, self.sentence.end
        leading = leading_strings(pattern)
        if leading is None:
            return pattern.finditer(source, start, end)
        if pattern.flags & _IGNORECASE and not self.text[start:end].isascii():
            # ignoring case, "k" matches the Kelvin sign too: only ASCII is sure to show
            # every start in the lower-cased text
            return pattern.finditer(source, start, end)
        starts = starts_of(self.lowered_text, leading, start, end)
        return finditer_at(pattern, source, starts, end)

    def has_words(self, anchors: tuple[tuple[str, ...], ...]) -> bool:
        """Whether the sentence holds, for each group of `anchors`, one of its strings: a
        pattern is run only on sentences that hold the words it cannot match without."""
        contains = self.lowered.__contains__
        return all(any(map(contains, group)) for group in anchors)

    @cached_property
    def groups(self) -> list[EntityGroup]:
        return self.ctx.groups_in(self.sentence.start, self.sentence.end)

    @cached_property
    def boundaries(self) -> list[tuple[int, int, bool]]:
        """Clause boundaries (and reporting frames) in the sentence, in order: start, end, and
        whether the boundary opens a relative clause ("who", "which")."""
        start = self.sentence.start
        spans = [
            (start + m.start(), start + m.end(), m.group("relative") is not None)
            for m in finditer_at(
                _CLAUSE_BOUNDARY, self.lowered, _boundary_starts(self.lowered), len(self.lowered)
            )
        ]
        text = self.text
        for m in _REPORTING_FRAME.finditer(self.lowered):
            if m.group("before") is None or text[start + m.end()].isupper():
                spans.append((start + m.start(), start + m.end(), False))
        return sorted(spans)

    def clause_start(self, position: int) -> int:
        """Where the clause holding `position` starts. A relative clause closed by a comma
        before `position` ("Cohen, who ... in 2021, also increased") is an aside: the clause
        goes on from before it."""
        start = self.sentence.start
        skip_until = -1
        for span_start, span_end, relative in self.boundaries:
            if span_end > position:
                break
            if span_start < skip_until:
                continue
            if relative:
                comma = self.text.find(",", span_end, position)
                if comma != -1:
                    skip_until = comma + 1
                    continue
            start = span_end
        return start

    def clause_end(self, position: int) -> int:
        """Where the clause holding `position` ends (the next boundary, else the sentence end)."""
        for span_start, _, _ in self.boundaries:
            if span_start >= position:
                return span_start
        return self.sentence.end
