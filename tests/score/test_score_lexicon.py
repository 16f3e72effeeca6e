"""The lexicon files and the text units the scorer reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.score.lexicon import (
    Lexicon,
    LexiconEntry,
    LexiconError,
    default_lexicon,
    parse_lexicon_csv,
)
from tickerwire.score.sentiment import SentenceScorer
from tickerwire.score.text_units import lower_text, split_sentences, tokenize
from tickerwire.score.tone_words import (
    _FIGURE_COMPARISON,
    _FIRST_WORD,
    _compares_figures,
    _opens_with_call,
    sentences_with_tone_words,
)
from tickerwire.score.units import IMPERATIVE_CALLS

DATA = Path(__file__).parents[2] / "src" / "tickerwire" / "score" / "data"


def test_bundled_lexicon_loads_with_each_kind() -> None:
    lexicon = default_lexicon()
    kinds = {entry.kind for entry in lexicon.entries.values()}
    assert kinds >= {"polar", "direction", "quantity", "negator", "intensifier", "contrast"}
    assert lexicon.entries[("beat", "estimates")].value > 0
    assert lexicon.entries[("liability",)].value == 0.0
    assert lexicon.entries[("operating", "loss")].value < 0  # more of it is bad
    assert lexicon.entries[("widened",)].value > 0  # a loss widening is "more loss"


def test_phrases_are_tokenised_like_text() -> None:
    lexicon = default_lexicon()
    assert lexicon.entries[("pre-tax", "profit")].kind == "quantity"
    assert lexicon.entries[("n-week", "high")].kind == "polar"
    words = [t.text for t in tokenize("Shares hit a 52-week high")]
    assert lexicon.match(words, 3) == lexicon.entries[("n-week", "high")]


def test_longest_phrase_wins() -> None:
    lexicon = default_lexicon()
    words = [t.text for t in tokenize("sales fell short of estimates")]
    assert lexicon.match(words, 1) == lexicon.entries[("fell", "short")]


def test_a_phrase_listed_twice_is_an_error() -> None:
    entry = LexiconEntry(("surge",), "direction", 1.5, 0.7)
    with pytest.raises(LexiconError, match="listed twice"):
        Lexicon.from_entries([entry, LexiconEntry(("surge",), "polar", 0.5)])


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("polar_terms.csv", "forms,weight,target\nboom,0.5,sideways\n", "target"),
        ("directions.csv", "forms,strength,unbound\nsoar,high,0.5\n", "data line 2"),
        ("quantities.csv", "forms,polarity,intrinsic,target\nprofit,1,0.1\n", "columns"),
        ("modifiers.csv", "forms,kind,value\nvery,amplifier,1.3\n", "modifier kind"),
    ],
)
def test_malformed_rows_name_the_file_and_line(name: str, text: str, message: str) -> None:
    with pytest.raises(LexiconError, match=message) as caught:
        list(parse_lexicon_csv(name, text))
    assert name in str(caught.value)


def test_data_files_have_no_duplicate_forms_within_a_row() -> None:
    for path in DATA.glob("*.csv"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#") or not line.strip():
                continue
            forms = line.split(",")[0].split("|")
            assert len(forms) == len(set(forms)), (path.name, line)


def test_sentences_split_at_stops_but_not_after_abbreviations() -> None:
    text = "Shares of Globex Inc. rose 2.5% on Monday. J. P. Morgan kept its view.\nNew line"
    parts = [text[s:e] for s, e in split_sentences(text)]
    assert parts == [
        "Shares of Globex Inc. rose 2.5% on Monday.",
        "J. P. Morgan kept its view.",
        "New line",
    ]


def test_lower_text_keeps_offsets() -> None:
    text = "İstanbul’s lira fell"
    lowered = lower_text(text)
    assert len(lowered) == len(text)
    assert lowered.endswith("'s lira fell")


def test_sentence_skip_changes_no_result() -> None:
    """Sentences the quick pass skips must be those that would give no cue anyway."""
    text = (
        "The annual meeting is in Espoo. Net sales were EUR 5.1 mn ( EUR 4.2 mn ). "
        "Buy Globex, says the desk. The stock split was approved. Doors open at nine. "
        "Costs, as expected, declined."
    )
    scorer = SentenceScorer()
    spans = split_sentences(text)
    flags = sentences_with_tone_words(scorer.lexicon, lower_text(text), spans)
    for (start, end), flag in zip(spans, flags, strict=True):
        full = scorer.score(text, start, end)
        assert flag or not full.cues, text[start:end]
    assert flags.count(False) == 2  # the meeting and the doors


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["buy", "sell", "b", "x", "_", "9", " ", '"', "é", "-"]), max_size=8
    ).map("".join),
    st.integers(0, 3),
)
def test_call_test_equals_the_first_word_pattern(text: str, cut: int) -> None:
    end = max(0, len(text) - cut)
    first = _FIRST_WORD.match(text, 0, end)
    expected = first is not None and first.group(1) in IMPERATIVE_CALLS
    assert _opens_with_call(text, 0, end) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(["5", "٣", " ", "to", "from", "x", "(", "vs", "against", "\n", "_", "é"]),
        max_size=10,
    ).map("".join),
    st.integers(0, 3),
    st.integers(0, 3),
)
def test_figure_comparison_test_equals_the_pattern(text: str, cut_start: int, cut_end: int) -> None:
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    expected = _FIGURE_COMPARISON.search(text, start, end) is not None
    assert _compares_figures(text, start, end) == expected


_LEXICON_PHRASES = sorted(entry.text for entry in default_lexicon().entries.values())
_OTHER_PIECES = [
    "Acme", "the", "5", "4.2", "%", "EUR", "mn", "(", ")", ",", "-", ".", ";", "from", "to",
    "vs", "naïve", "é", "“", "Buy", "52-week", "year-over-year", "\n", "Inc.",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(st.sampled_from(_LEXICON_PHRASES), st.sampled_from(_OTHER_PIECES)),
            st.sampled_from([" ", " ", "", "-", "  "]),
            st.booleans(),
        ),
        min_size=1,
        max_size=12,
    )
)
def test_a_skipped_sentence_gives_no_cue(pieces: list[tuple[str, str, bool]]) -> None:
    """Whatever the words, their joints and their case, a sentence the quick pass skips
    gives no cue when it is read in full."""
    text = "".join((piece.title() if title else piece) + joint for piece, joint, title in pieces)
    scorer = SentenceScorer()
    spans = split_sentences(text)
    flags = sentences_with_tone_words(scorer.lexicon, lower_text(text), spans)
    for (start, end), flag in zip(spans, flags, strict=True):
        assert flag or not scorer.score(text, start, end).cues, text[start:end]


def test_a_call_joined_to_a_figure_or_after_an_underscore_is_read() -> None:
    # the tokens read "Buy" in "Buy52-week" and in "_Buy": the quick pass must not skip them
    scorer = SentenceScorer()
    for text in ("Buy52-week lows", "_Buy the dip", "Sell_ now"):
        assert scorer.score(text).cues, text
        flags = sentences_with_tone_words(scorer.lexicon, lower_text(text), [(0, len(text))])
        assert flags == [True], text


def test_words_are_found_whole_and_in_hyphenated_words() -> None:
    scorer = SentenceScorer()
    text = "Profit-taking hit the stock. The execution went on. Pre-tax profit grew. It was sunny."
    spans = split_sentences(text)
    flags = sentences_with_tone_words(scorer.lexicon, lower_text(text), spans)
    # "cut" inside "execution" is no word of the text
    assert flags == [True, False, True, False]


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("The unit slipped into the red.", True),
        ("The red door was painted.", False),  # a word of "in the red" alone
        ("Q3profit rose.", True),  # a word token ends at a digit
        ("Shares hit a 52-week high.", True),  # "n-week high" needs "week" and "high"
        ("It was a 52-week trip.", False),
    ],
)
def test_a_phrase_needs_all_its_words(text: str, read: bool) -> None:
    scorer = SentenceScorer()
    spans = split_sentences(text)
    assert sentences_with_tone_words(scorer.lexicon, lower_text(text), spans) == [read]
    assert read == bool(scorer.score(text).cues)
