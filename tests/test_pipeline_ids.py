"""Article ids: a hash of the clean text with white space and case normalised. The fast path
(str.split) must give the ids the regex definition gives, whatever the white space."""

from __future__ import annotations

import hashlib

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.pipeline import _SPACE_BUT_SPACE_AND_NEWLINE, article_id


def _defined_id(text: str) -> str:
    normalised = regex.sub(r"\s+", " ", text).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Acme",
                "rose",
                "ÉTÉ",
                "ß",
                " ",
                "  ",
                "\t",
                "\n",
                "\xa0",
                "\u2003",
                "\x1c",
                "\x1f",
                "’",
            ]
        ),
        max_size=20,
    ).map("".join)
)
def test_id_is_the_hash_of_the_normalised_text(text: str) -> None:
    assert article_id(text) == _defined_id(text)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["Acme", "rose", "5%.", " ", "\n", "\t", "\r", "\x0b", "\x0c", "\x1e"]),
        max_size=20,
    ).map("".join)
)
def test_id_of_an_ascii_text_is_the_hash_of_the_normalised_text(text: str) -> None:
    # ASCII texts with single spaces and line breaks take the replace-only path
    assert article_id(text) == _defined_id(text)


def test_white_space_and_case_do_not_change_the_id() -> None:
    assert article_id("Acme  rose\n5%.") == article_id(" acme rose 5%. ")
    assert article_id("Acme rose") != article_id("Acme fell")
    # U+001C is a separator to str.split() but not white space to the pattern: kept as written
    assert article_id("Acme\x1crose") != article_id("Acme rose")


def test_the_list_of_other_white_space_is_complete() -> None:
    split_at = {chr(code) for code in range(0x110000) if chr(code).isspace()}
    assert set(_SPACE_BUT_SPACE_AND_NEWLINE) == split_at - {" ", "\n"}
