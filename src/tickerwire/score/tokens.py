"""The word, number and punctuation tokens of one sentence, as the sentiment units read them.

Every toned sentence of every article is tokenised, so this is written for speed: plain words
between spaces are taken as they are, and only the other pieces go through the token pattern.
"""

from __future__ import annotations

from tickerwire.score.text_units import ASCII_TOKEN_PATTERN, TOKEN_PATTERN, normalise_word

# Marks that end a word ("rose,"), all single-character punctuation tokens of the pattern.
_TRAILING_PUNCT = frozenset(',.;:!?)]"')


def sentence_tokens(
    lowered: str, start: int, end: int
) -> tuple[list[str], list[str], list[int], list[int]]:
    """Words (as the lexicon spells them), kinds, start and end offsets of the tokens of
    lowered[start:end] (offsets into `lowered`).

    Most of a sentence is plain words between spaces ("shares", "the"): such a piece is one
    word token, taken as it is; the token pattern only reads the runs of other pieces ("3.5%",
    "(nasdaq:", "year-over-year,"). A token never spans a space but "5 %", whose two pieces
    are in one such run, so the tokens are those the pattern finds over the whole sentence.
    """
    sentence = lowered[start:end]
    pieces = sentence.split()
    # In an ASCII sentence whose pieces are one space apart (most), a piece's offset is the sum
    # of the lengths before it; elsewhere it is found with str.find, in the sentence, not the
    # article: one curly quote anywhere makes the whole article a two-byte string, and str.find
    # then widens every ASCII piece it looks for.
    one_space_apart = sentence.isascii() and " ".join(pieces) == sentence
    find = None if one_space_apart else sentence.find
    words: list[str] = []
    kinds: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    out = (words, kinds, starts, ends)
    offset = 0
    run_start = run_end = -1  # the run of pieces that are not plain words, if any
    run_piece = ""  # the run's piece when it has only one
    for piece in pieces:
        if find is not None:
            offset = find(piece, offset)
        if piece.isalpha() and piece.isascii():
            if run_start >= 0:
                _run_tokens(sentence, start, (run_start, run_end, run_piece), out)
                run_start = -1
            words.append(piece)
            kinds.append("word")
            starts.append(start + offset)
            offset += len(piece)
            ends.append(start + offset)
        else:
            if run_start < 0:
                run_start = offset
                run_piece = piece
            else:
                run_piece = ""
            offset += len(piece)
            run_end = offset
        offset += 1  # the space after it (at least one: str.find looks on from there)
    if run_start >= 0:
        _run_tokens(sentence, start, (run_start, run_end, run_piece), out)
    return words, kinds, starts, ends


def _run_tokens(
    sentence: str,
    base: int,
    run: tuple[int, int, str],
    out: tuple[list[str], list[str], list[int], list[int]],
) -> None:
    """Append the tokens of a run of pieces that are not plain words, sentence[start:end] with
    `run` = (start, end, its piece when it has only one), to the four lists of `out` (offsets
    plus `base`, where the sentence starts)."""
    start, end, piece = run
    words, kinds, starts, ends = out
    if piece and _is_word_and_mark(piece):
        # "rose," "year." alone: the word and its mark, without the pattern
        words += (piece[:-1], piece[-1])
        kinds += ("word", "punct")
        starts += (base + start, base + end - 1)
        ends += (base + end - 1, base + end)
    else:
        _pattern_tokens(sentence, base, start, end, words, kinds, starts, ends)


def _is_word_and_mark(piece: str) -> bool:
    """An ASCII word with one mark after it ("rose,"): the pattern's tokens are the two parts."""
    return piece[-1] in _TRAILING_PUNCT and piece.isascii() and piece[:-1].isalpha()


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
