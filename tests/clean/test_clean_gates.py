"""Cheap gates in the clean stage give the same results as the work they skip."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tickerwire.clean import shapes
from tickerwire.clean import vocabulary as vocab
from tickerwire.clean.furniture import _folds_to_ascii, _may_be_cta, furniture_rules
from tickerwire.clean.metadata import parse_date
from tickerwire.clean.page import split_lines

_ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
_GENERATION = settings(
    max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None
)


def _top_level_branches(pattern: str) -> list[str]:
    """The alternatives of a pattern's outermost `|` (outside groups and character classes)."""
    branches, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            branches.append(pattern[start:i])
            start = i + 1
        i += 1
    branches.append(pattern[start:])
    return branches


_GATED_BRANCHES = [
    (re.compile(branch, re.IGNORECASE), words)
    for pattern, words in (
        (vocab.PROMO_OPENING, vocab.PROMO_TRIGGERS),
        (vocab.PROMO_ANYWHERE, vocab.PROMO_ANYWHERE_TRIGGERS),
        (vocab.DISCLAIMER_SENTENCE, vocab.DISCLAIMER_TRIGGERS),
        (vocab.CTA, None),
    )
    for branch in _top_level_branches(pattern.pattern)
]


def test_branches_rebuild_the_patterns() -> None:
    for pattern in (
        vocab.PROMO_OPENING,
        vocab.PROMO_ANYWHERE,
        vocab.DISCLAIMER_SENTENCE,
        vocab.CTA,
    ):
        assert "|".join(_top_level_branches(pattern.pattern)) == pattern.pattern
    assert len(_GATED_BRANCHES) > 25


@pytest.mark.parametrize(("branch", "words"), _GATED_BRANCHES, ids=lambda b: str(b)[:40])
def test_every_gated_pattern_match_passes_its_gate(
    branch: re.Pattern[str], words: tuple[str, ...] | None
) -> None:
    """The promotional and disclaimer sentence patterns are only tried on sentences with one of
    their trigger words, the call-to-action pattern on lines `_may_be_cta` lets through: every
    text a branch matches must pass."""

    @_GENERATION
    @given(st.from_regex(branch, alphabet=_ASCII))
    def passes(text: str) -> None:
        if words is None:
            assert _may_be_cta(text, text.lower()), text
        else:
            assert any(word in text.lower() for word in words), text

    passes()


_WORDS = [
    "You",
    "can",
    "read",
    "more",
    "here",
    "Visit",
    "our",
    "free",
    "report",
    "The",
    "views",
    "are",
    "authors",
    "author's",
    "own",
    "shares",
    "rose",
    "ſubscribe",
    "VİSİT",
    "cliCK",
    ">>",
    "positions",
    "in",
    "the",
    "stocks",
    "mentioned",
    "Sales",
    "grew",
    "4%.",
    "Inc.",
    "free",
    "cash",
    "flow",
    "position",
    "Please",
    "Get",
    "report",
]


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=14))
def test_sentence_gate_agrees_with_the_patterns(words: list[str]) -> None:
    sentence = " ".join(words)
    searched = bool(
        vocab.PROMO_SENTENCE.search(sentence) or vocab.DISCLAIMER_SENTENCE.search(sentence)
    )
    assert furniture_rules()._is_furniture_sentence(sentence) is searched


def test_letters_that_ignorecase_folds_to_ascii_are_found() -> None:
    assert _folds_to_ascii("Pleaſe")
    assert _folds_to_ascii("VİSİT our site")
    assert not _folds_to_ascii("Café news")
    assert not _folds_to_ascii("plain ascii")


@given(st.text(alphabet=" .…:;,!?\"'’‘“”–—-aZ\u00a0\t\u2009ẞß", max_size=30))
def test_normalised_word_count_is_word_count(text: str) -> None:
    normalised = shapes.normalise_for_compare(text)
    assert shapes.normalised_word_count(normalised) == shapes.word_count(normalised)


_TRANSLATION = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})


@given(st.text(alphabet=" .…’‘“”–—-'\"aZé\n", max_size=30))
def test_normalise_for_compare_unifies_quotes_and_dashes(text: str) -> None:
    expected = " ".join(text.translate(_TRANSLATION).split()).casefold()
    assert shapes.normalise_for_compare(text) == expected.strip(" .…:;,!?\"'")


@given(st.text(alphabet=" .…’abc\u2009", max_size=20), st.sampled_from(["...", "…", "... ", "…  "]))
def test_a_closing_ellipsis_does_not_change_the_normalised_line(text: str, ellipsis: str) -> None:
    # duplicates.py compares lines without cutting a closing ellipsis first
    assert shapes.normalise_for_compare(text + ellipsis) == shapes.normalise_for_compare(text)


_LINE_WORDS = [*_WORDS, "•", "-", "1.", "2)", "Please", "visit", "example.com.", "Shares", "fell."]


@settings(max_examples=300, deadline=None, database=None)
@given(st.lists(st.sampled_from(_LINE_WORDS), min_size=1, max_size=24))
def test_trailing_furniture_with_the_verdicts_words_is_unchanged(words: list[str]) -> None:
    """`_cut_trailing_sentences` passes what `classify` saw of the line's words."""
    rules = furniture_rules()
    line = " ".join(words)
    verdict = rules.classify(line)
    expected = rules.trailing_furniture(line)
    assert rules.trailing_furniture(line, verdict) == expected


@given(st.text(alphabet=" \t\u2003•·*–-—1٣².)aZ", max_size=8))
def test_strip_bullet_agrees_with_the_pattern(text: str) -> None:
    assert shapes.strip_bullet(text) == shapes._BULLET.sub("", text, count=1)


_OLD_ODD_SPACE = re.compile("[\u00a0\u2009\u202f\t]")
_OLD_INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff\u00ad]")


@given(st.text(alphabet="a \n\r\t\u00a0\u2009\u202f\u200b\u200c\u200d\ufeff\u00ad’", max_size=20))
def test_split_lines_cleans_as_the_patterns_did(text: str) -> None:
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _OLD_ODD_SPACE.sub(" ", _OLD_INVISIBLE.sub("", cleaned))
    expected = [line.strip() for line in cleaned.split("\n") if line.strip()]
    assert split_lines(text) == expected


_OLD_PROMO_SENTENCE = re.compile(
    r"^(?:today,?\s+)?you can (?:download|sign up|subscribe|access)\b|"
    r"^(?:today,?\s+)?you can (?:see|find|uncover|read|view|check|get|learn|explore|follow)\b.*"
    r"\b(?:here|our|free|click)\b|"
    r"^(?:to )?(?:learn|read|find out|see|discover) more\b.*\b(?:here|our|click|visit|at|on)\b|"
    r"^for more (?:on|about|information|details|news|coverage|analysis)\b.*\b(?:click|visit|see|"
    r"here|read|go to|view)\b|"
    r"^click (?:here|to|below|the link)\b|\bplease (?:click|visit|check out|view)\b|"
    r"^(?:please )?(?:visit|check out|view) our\b|\binvite you to (?:view|read|see|visit)\b|"
    r"\b(?:visit|check out|view|see|read) our\b.{0,60}\b(?:report|page|center|centre|channel|"
    r"coverage|newsletter|calendar|service|guide|tool)\b|"
    r"\bvisit [\w-]+\.(?:com|net|org|io)\b|"
    r"^stay on top of\b.*\bwith (?:the|our)\b|"
    r"^(?:download|get|claim|grab) (?:your |our |the |a |this )?free\b|"
    r"^(?:sign up|subscribe|register)\b|"
    r"^want (?:the latest|key|more|our|to (?:get|receive))\b.*\?|"
    r"\bclick to get\b|\bfree report\b|>>+\s*$",
    re.IGNORECASE,
)
_PROMO_WORDS = [
    *("You", "can", "download", "our", "app", "Today,", "see", "here", "To", "learn", "more"),
    *("For", "news", "click", "Click", "please", "visit", "view", "invite", "you", "to", "read"),
    *("report", "example.com", "Stay", "on", "top", "of", "with", "the", "Get", "free", "Sign"),
    *("up", "Want", "latest?", "Free", "Report", ">>", "shares", "rose"),
]


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(st.sampled_from(_PROMO_WORDS), min_size=1, max_size=12))
def test_promotional_sentence_parts_agree_with_the_one_pattern(words: list[str]) -> None:
    sentence = " ".join(words)
    expected = _OLD_PROMO_SENTENCE.search(sentence) is not None
    assert (vocab.PROMO_SENTENCE.search(sentence) is not None) is expected
    rules = furniture_rules()
    found = rules._sentence_triggers.all_found(sentence.lower())
    if not rules._promo_triggers.isdisjoint(found):
        assert rules._is_promotional_sentence(sentence, found) is expected
    else:
        assert not expected


@given(st.text(alphabet="JanuaryFebMch 0123456789,.-/th", max_size=24))
def test_a_date_is_read_only_with_19_or_20_in_the_text(text: str) -> None:
    # find_text_date skips the dateline pattern on lines holding neither
    if "19" not in text and "20" not in text:
        assert parse_date(text) is None
