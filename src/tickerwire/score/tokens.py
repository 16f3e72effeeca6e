"""The word, number and punctuation tokens of one sentence, as the sentiment units read them.

Every toned sentence of every article is tokenised, so this is written for speed: plain words
between spaces are taken as they are, and only the other pieces go through the token pattern.
"""

from __future__ import annotations

import re

from tickerwire.score.text_units import ASCII_TOKEN_PATTERN, TOKEN_PATTERN, normalise_word

# Marks that end a word ("rose,"), all single-character punctuation tokens of the pattern.
_TRAILING_PUNCT = frozenset(',.;:!?)]"')
# Pieces of an ASCII sentence that are one token of the pattern, as it is: a word joined by
# ' & or - ("company's", "year-over-year", "s&p") and a number ("2023", "1,200", "3.5%").
# Tested before the pattern, they spare a third of its calls, each of which cost ~11,000
# instructions against ~1,000 for a test (the first 20 FNSPID articles: 63 calls an article).
_JOINED_WORD = re.compile(r"[a-z]+(?:[&'\-][a-z]+)+")
_NUMBER = re.compile(r"(?:\d[\d,]*(?:\.\d+)?|\.\d+)%?", re.ASCII)


def sentence_tokens(
    lowered: str, start: int, end: int
) -> tuple[list[str], list[str], list[int], list[int]]:
    """Words (as the lexicon spells them), kinds, start and end offsets of the tokens of
    lowered[start:end] (offsets into `lowered`).

    Most of a sentence is plain words between spaces ("shares", "the"): such a piece is one
    word token, taken as it is, and a word with one mark after it ("rose,", "year.") is the
    word and the mark; the token pattern only reads the runs of other pieces ("3.5%",
    "(nasdaq:", "year-over-year"). A token never spans a space but "5 %", whose two pieces
    are in one such run, so the tokens are those the pattern finds over the whole sentence.
    """
    sentence = lowered[start:end]
    pieces = sentence.split()
    # In an ASCII sentence whose pieces are one space apart (most), a piece's offset is the sum
    # of the lengths before it; elsewhere it is found with str.find, in the sentence, not the
    # article: one curly quote anywhere makes the whole article a two-byte string, and str.find
    # then widens every ASCII piece it looks for.
    ascii_sentence = sentence.isascii()
    one_space_apart = ascii_sentence and " ".join(pieces) == sentence
    if one_space_apart and " %" not in sentence:
        return _spaced_tokens(sentence, start, pieces)
    find = None if one_space_apart else sentence.find
    words: list[str] = []
    kinds: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    # where the piece starts in `lowered` (not in the sentence: two additions fewer a word)
    position = start
    run_start = run_end = -1  # the run of pieces that are not plain words, if any
    for piece in pieces:
        if find is not None:
            position = start + find(piece, position - start)
        # (a piece of an ASCII sentence is ASCII: the second tests only run elsewhere)
        if piece.isalpha() and (ascii_sentence or piece.isascii()):
            if run_start >= 0:
                _pattern_tokens(sentence, start, run_start, run_end, words, kinds, starts, ends)
                run_start = -1
            words.append(piece)
            kinds.append("word")
            starts.append(position)
            position += len(piece)
            ends.append(position)
        elif (
            piece[-1] in _TRAILING_PUNCT
            and piece[:-1].isalpha()
            and (ascii_sentence or piece.isascii())
        ):
            # "rose,": the pattern's tokens are the word and the mark (a mark ends a token, so
            # they are the same whether the piece is read alone or in a run)
            if run_start >= 0:
                _pattern_tokens(sentence, start, run_start, run_end, words, kinds, starts, ends)
                run_start = -1
            position += len(piece)
            words += (piece[:-1], piece[-1])
            kinds += ("word", "punct")
            starts += (position - len(piece), position - 1)
            ends += (position - 1, position)
        else:
            if run_start < 0:
                run_start = position - start
            position += len(piece)
            run_end = position - start
        position += 1  # the space after it (at least one: str.find looks on from there)
    if run_start >= 0:
        _pattern_tokens(sentence, start, run_start, run_end, words, kinds, starts, ends)
    return words, kinds, starts, ends


def _spaced_tokens(
    sentence: str, start: int, pieces: list[str]
) -> tuple[list[str], list[str], list[int], list[int]]:
    """`sentence_tokens` of an ASCII sentence whose pieces are one space apart, with no " %"
    (most sentences), in a loop that does less for each plain word.

    Only a number and a "%" after one space make a token across a space ("5 %"), so without
    " %" in the sentence no token spans two pieces: each other piece is read by the pattern
    alone, as it comes, and no run of such pieces is tracked (a test fewer a word).
    """
    words: list[str] = []
    kinds: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = start  # where the piece starts in `lowered`
    for piece in pieces:
        if piece.isalpha():
            kind = "word"
        elif piece[-1] in _TRAILING_PUNCT and piece[:-1].isalpha():
            position += len(piece)
            words += (piece[:-1], piece[-1])
            kinds += ("word", "punct")
            starts += (position - len(piece), position - 1)
            ends += (position - 1, position)
            position += 1  # the space after it
            continue
        elif _JOINED_WORD.fullmatch(piece):
            kind = "word"
        elif _NUMBER.fullmatch(piece):
            kind = "num"
        else:
            offset = position - start
            position += len(piece)
            _pattern_tokens(sentence, start, offset, position - start, words, kinds, starts, ends)
            position += 1
            continue
        # the piece is one token
        words.append(piece)
        kinds.append(kind)
        starts.append(position)
        position += len(piece)
        ends.append(position)
        position += 1  # the space after it
    return words, kinds, starts, ends


def _pattern_tokens(
    sentence: str,
    base: int,
    start: int,
    end: int,
    words: list[str],
    kinds: list[str],
    starts: list[int],
    ends: list[int],
) -> None:
    """Append the tokens of `TOKEN_PATTERN` in sentence[start:end] to the four lists (offsets
    plus `base`, where the sentence starts)."""
    run = sentence[start:end]
    # an ASCII run (nearly all) is read by the `re` twin of the pattern, a third of the cost
    pattern = ASCII_TOKEN_PATTERN if run.isascii() else TOKEN_PATTERN
    # findall and str.find cost half of finditer's match objects; tokens are consecutive, so
    # the next occurrence of a token's text is the token itself
    find = run.find
    offset = 0
    base += start
    for word, number, punct in pattern.findall(run):
        token = word or number or punct
        offset = find(token, offset)
        starts.append(base + offset)
        offset += len(token)
        ends.append(base + offset)
        if word:
            kinds.append("word")
            words.append(normalise_word(word) if word[0].isdigit() else word)
        else:
            kinds.append("num" if number else "punct")
            words.append(token)
