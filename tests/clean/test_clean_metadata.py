"""Dates and titles read from the text: only what the page states, never a guess."""

from __future__ import annotations

import datetime as dt

import pytest

from tickerwire.clean.metadata import detect_title, find_text_date, is_date_line, parse_date

BODY = "Shares of Example Mining fell 5% after the company cut its copper output forecast."


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Published: March 3, 2025 08:10 ET", BODY], dt.date(2025, 3, 3)),
        (["Posted on 14 February 2024", BODY], dt.date(2024, 2, 14)),
        (
            ["Chicago, IL – January 25, 2024 – Example Research said today " + BODY],
            dt.date(2024, 1, 25),
        ),
        (["NEW YORK, April 8, 2024 /Example Wire/ -- " + BODY], dt.date(2024, 4, 8)),
        (["Tuesday, January 30, 2024", BODY], dt.date(2024, 1, 30)),
        (["Updated 2024-11-02 10:30 UTC", BODY], dt.date(2024, 11, 2)),
        # A published line wins over an updated line.
        (["Updated: May 2, 2024", "Published: May 1, 2024", BODY], dt.date(2024, 5, 1)),
    ],
)
def test_stated_dates_are_found(lines: list[str], expected: dt.date):
    assert find_text_date(lines) == expected


@pytest.mark.parametrize(
    "lines",
    [
        ["Feb 2 (Reuters) - " + BODY],  # no year
        ["Updated at 7:07 a.m. ET/1207 GMT", BODY],  # no date
        [BODY, "The mine reopened on January 5, 2024, after floods.", "More text follows."],
        ["On June 3, 2024, the company said it would sell the smelter. " + BODY],
        [BODY] * 7 + ["Published: March 3, 2025"],  # too far down to be the page's own
        ["Published: February 30, 2024", BODY],  # not a real day
    ],
)
def test_no_date_is_guessed(lines: list[str]):
    assert find_text_date(lines) is None


def test_parse_date_forms():
    assert parse_date("Sept. 9, 2023") == dt.date(2023, 9, 9)
    assert parse_date("9th of September 2023") == dt.date(2023, 9, 9)
    assert parse_date("2023-09-09T10:00") == dt.date(2023, 9, 9)
    assert parse_date("in September") is None


def test_date_lines():
    assert is_date_line("February 02, 2024 — 09:16 am EST")
    assert is_date_line("Tue, Jan 30, 2024")
    assert not is_date_line("January 30, 2024 was a busy day for the market")


def test_title_is_a_headline_followed_by_prose():
    headline = "Example Mining cuts copper forecast as rains flood pits"
    assert detect_title([headline, BODY]) == 0
    assert detect_title(["Cigna rises after profit view", "Exxon gains after beat", BODY]) is None
    assert detect_title([BODY, headline]) is None
    assert detect_title(["Markets", BODY]) is None
    assert detect_title(["What to watch:", BODY]) is None
