"""The sentiment tokeniser's fast path (plain words taken between spaces) gives exactly the
tokens of the token pattern run over the whole sentence."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.score.lexicon import default_lexicon
from tickerwire.score.text_units import (
    _TAIL_RUN,
    _WORD_BEFORE,
    ASCII_TOKEN_PATTERN,
    TOKEN_PATTERN,
    _plain_word_before,
    lower_text,
    normalise_word,
)
from tickerwire.score.tokens import sentence_tokens as _tokens


def _pattern_only(lowered: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    found = []
    for match in TOKEN_PATTERN.finditer(lowered, start, end):
        kind = match.lastgroup
        text = match.group()
        word = normalise_word(text) if kind == "word" and text[0].isdigit() else text
        found.append((word, kind, match.start(), match.end()))
    return found


def _fast(lowered: str, start: int, end: int) -> list[tuple[str, str, int, int]]:
    words, kinds, starts, ends = _tokens(lowered, start, end)
    return list(zip(words, kinds, starts, ends, strict=True))


# Letters, digits, the punctuation the pattern knows, spaces of several kinds (including the
# separators str.split() treats as space and the pattern does not) and non-ASCII letters.
_PIECES = st.sampled_from(
    [*"ab Z9.,%-'’&()\"“”;:!?$", "--", "—", "–", "\t", "\n", "\xa0", "\x1c", "é", "\u0301", "٣"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_fast_tokens_equal_pattern_tokens(text: str) -> None:
    lowered = lower_text(text)
    assert _fast(lowered, 0, len(lowered)) == _pattern_only(lowered, 0, len(lowered))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=40))
def test_ascii_pattern_finds_the_tokens_of_the_pattern(text: str) -> None:
    # every ASCII character, \x1c-\x1f included (spaces to `re`, not to `regex`)
    assert ASCII_TOKEN_PATTERN.findall(text) == TOKEN_PATTERN.findall(text)


def test_ascii_pattern_on_pieces_of_news() -> None:
    for text in ("5 % 5\x1c% 5\t%", "52-week 2-for-1 pre-tax s&p q3's", "-- (a) [b]; c: d! e? 'f'"):
        assert ASCII_TOKEN_PATTERN.findall(text) == TOKEN_PATTERN.findall(text)


# Pieces of ASCII sentences written one space apart (the path that reads plain words, joined
# words and numbers without the pattern): shapes that are one token and shapes that are not.
_ASCII_PIECES = st.sampled_from(
    [
        "rose",
        "q3",
        "s&p",
        "company's",
        "it's",
        "year-over-year",
        "a--b",
        "-a",
        "a-",
        "'a",
        "a'",
        "2023",
        "1,200",
        "9,",
        "3.5%",
        "3.5%,",
        ".5",
        "5.",
        "1.2.3",
        "$12.40",
        "+0.4%",
        "%",
        "52-week",
        "2-for-1",
        "(nasdaq:",
        "aapl)",
        "-",
        "--",
        "a&",
        "&a",
        "5%%",
        "12,5.",
        "0.5-point",
        "x9",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ASCII_PIECES, min_size=1, max_size=12).map(" ".join))
def test_spaced_ascii_tokens_equal_pattern_tokens(text: str) -> None:
    assert _fast(text, 0, len(text)) == _pattern_only(text, 0, len(text))


def test_joined_words_and_numbers_are_single_tokens() -> None:
    text = "apple's year-over-year sales at s&p rose 3.5% to 1,200 units, or 12.4 a share."
    tokens = _fast(text, 0, len(text))
    assert tokens == _pattern_only(text, 0, len(text))
    assert ("apple's", "word", 0, 7) in tokens
    at = text.index("3.5%")
    assert ("3.5%", "num", at, at + 4) in tokens


def test_tokens_of_a_news_sentence() -> None:
    text = "Shares of Acme (NASDAQ: ACME) rose 5 % to $12.40, a 52-week high; sales fell."
    lowered = lower_text(text)
    tokens = _fast(lowered, 0, len(lowered))
    assert tokens == _pattern_only(lowered, 0, len(lowered))
    five, week = text.index("5 %"), text.index("52-week")
    assert ("5 %", "num", five, five + 3) in tokens
    assert ("n-week", "word", week, week + 7) in tokens


def test_tokens_inside_a_window_keep_text_offsets() -> None:
    text = "Ignored words. Profits rose 12% this year."
    start = text.index("Profits")
    lowered = lower_text(text)
    tokens = _fast(lowered, start, len(text))
    assert tokens[0] == ("profits", "word", start, start + 7)
    assert tokens == _pattern_only(lowered, start, len(text))


def test_lexicon_match_prefers_the_longest_phrase() -> None:
    lexicon = default_lexicon()
    for phrase in list(lexicon.entries)[:400]:
        words = [*phrase, "x"]
        expected = max(
            (e for e in lexicon.entries.values() if tuple(words[: len(e.phrase)]) == e.phrase),
            key=lambda e: len(e.phrase),
        )
        assert lexicon.match(words, 0) is expected


_BEFORE_STOP = st.sampled_from(["Inc", "U.S", "rose", "J", "e", "!", "?", " ", "\t", "é", "A", "”"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_BEFORE_STOP, max_size=12).map("".join), st.integers(0, 30))
def test_plain_word_before_a_stop_is_what_the_patterns_find(before: str, back: int) -> None:
    text = before + ". Next"
    stop = len(before)
    window_start = max(0, stop - back)
    word = _plain_word_before(text, window_start, stop)
    if word is not None:
        tail = _TAIL_RUN.match(text, window_start, stop + 1)
        found = _WORD_BEFORE.search(text, tail.start() if tail else window_start, stop + 1)
        assert found is not None
        assert found.group(1).rstrip(".").lower() == word
