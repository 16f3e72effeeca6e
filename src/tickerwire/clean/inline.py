"""Furniture inside an article line: pieces cut out of a line whose other words stay.

Syndicated copy carries furniture run into the article's own sentences:

- a cross-link in parentheses after a sentence: "... rose 4% (read: Five ETFs for a Rate Cut)."
  The parenthesis goes, the sentence keeps its words and its full stop.
- a promotional headline run onto the end of a paragraph: "... Analyst Reports: <headline>" (a
  publisher's related-story label and the other story's title, to the line's end).
- a show's standing notice opening a paragraph of its talk (its guests may hold the stocks
  they discuss; the listener should not trade on what they say).
- newsroom codes at the end of a sentence or on a line of their own: Reuters topic codes
  ("O/R", "GOL/", "MET/L", "RESF/US") and bare market codes (".N", ".TO", ".SS") that name no
  company. A code joined to a symbol ("META.O") is a listing and is never touched.

`inline_cuts` finds the pieces; `Page.cut_spans` takes them out and lists them in `removed`.
Everything is a compiled pattern behind a substring gate: most lines hold none of the gates.
"""

from __future__ import annotations

import re

from tickerwire.clean import shapes
from tickerwire.clean import vocabulary as vocab

# A cross-link in parentheses: a reading verb, a colon, the linked title. The colon is what
# tells a link ("(see: all the tech ETFs here)") from a reference in prose ("(see chart)").
# The pattern opens on its bracket (a search then skips from bracket to bracket); the white
# space before it is taken by `inline_cuts`.
_LINK_PARENS = re.compile(
    r"\((?:also\s+)?(?:read|see)(?:\s+(?:more|also|here))?\s*:\s*[^()\n]{2,200}\)",
    re.IGNORECASE,
)
# A related-story label and its headline, opening a sentence and running to the line's end:
# "Smarter Analyst Reports: <headline>", "Research Reports: <headline>". One or two words of a
# brand may precede the label; the headline is a title, not sentences (checked below).
_REPORTS_TAIL = re.compile(
    r"(?:(?<=[.!?])|(?<=[.!?][\"”’)])|^)(?P<cut>\s*(?:[A-Z][\w'’&-]*\s+){0,2}"
    r"(?:Analyst|Research)\s+Reports?\s*:\s+(?P<headline>\S.{3,200}))$"
)
# A headline holds no full stop followed by another sentence.
_SENTENCE_INSIDE = re.compile(r"[.!?][\"”’)]?\s+[A-Z][a-z]")
# Newsroom codes: a topic code of capitals with slashes ("O/R", "GOL/", "MET/LGOL/", "RESF/US"),
# or a bare market code after a dot (".N", ".TO", ".SS"), which no symbol precedes.
_CODE = r"(?:[A-Z]{1,6}/(?:[A-Z]{1,6}/?)*|\.[A-Z]{1,3})"
# Codes close a sentence (after its punctuation or a figure's per cent sign) to the line's end.
_CODES_TAIL = re.compile(rf"(?<=[.!?%;\"”’)])(?P<cut>(?:\s+{_CODE})+)\s*$")
_CODES_LINE = re.compile(rf"^{_CODE}(?:\s+{_CODE})*$")
_CODE_WORD = re.compile(rf"{_CODE}$")
# Slash abbreviations of prose and tables that look like topic codes.
_NOT_CODES = frozenset({"N/A", "P/E", "A/S", "S/A", "I/O", "W/O", "C/O", "A/C", "P/B", "P/S"})
# A pair of three-letter codes alone on a line is a currency pair heading ("EUR/USD").
_CURRENCY_PAIR = re.compile(r"^[A-Z]{3}/[A-Z]{3}$")


def inline_cuts(line: str, sentence_words: bool | None = None) -> list[tuple[int, int]]:
    """The spans of `line` that are furniture run into it, in order and not overlapping.

    A span may cover the whole line (a line of codes alone). Each span takes the white space
    before it, so that what is left reads as the sentence did without the piece.
    `sentence_words` is False when the line is known to hold none of
    `vocabulary.SENTENCE_TRIGGERS` (the furniture rules' verdict says so): no notice is looked for.
    """
    spans: list[tuple[int, int]] = []
    if "(" in line and ":" in line:
        for link in _LINK_PARENS.finditer(line):
            start = link.start()
            while start > 0 and line[start - 1].isspace():
                start -= 1
            spans.append((start, link.end()))
    if "Reports" in line:
        label = _REPORTS_TAIL.search(line)
        if label and not _SENTENCE_INSIDE.search(label["headline"]):
            spans.append(label.span("cut"))
    if sentence_words is not False:
        low = line.lower()
        if any(word in low for word in vocab.STANDING_NOTICE_TRIGGERS):
            head = _notice_head(line)
            if head:
                spans.append((0, head))
    # Codes end the line: its last word is one (cheap tests before any search; a code ends in
    # a capital or a slash, and most lines end in a full stop).
    last = line[-1:]
    if (last == "/" or last.isupper()) and _CODE_WORD.match(line.rpartition(" ")[2]):
        if _codes_line(line):
            return [(0, len(line))]
        codes = _CODES_TAIL.search(line)
        if codes and _all_codes(codes["cut"]):
            spans.append(codes.span("cut"))
    return _disjoint(spans)


def _notice_head(line: str) -> int:
    """The end of the standing notices (`vocabulary.STANDING_NOTICE`) that open `line`, when
    article text follows them in the line; 0 when the line opens otherwise (or holds only
    notices, which the line rules take whole)."""
    end = 0
    for sentence in shapes.split_sentences(line):
        if not vocab.STANDING_NOTICE.search(sentence):
            break
        found = line.find(sentence, end)
        if found < 0:
            return 0
        end = found + len(sentence)
    else:
        return 0
    return end


def _codes_line(line: str) -> bool:
    """Whether the line is newsroom codes alone ("O/R", ".N .TO")."""
    return (
        _CODES_LINE.match(line) is not None
        and _all_codes(line)
        and _CURRENCY_PAIR.match(line) is None
    )


def _all_codes(text: str) -> bool:
    return not any(token in _NOT_CODES for token in text.split())


def _disjoint(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` sorted, without any that overlaps one before it."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end))
    return kept
