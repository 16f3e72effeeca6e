"""A move reported while its session is under way is intraday: told with words of the running
session ("so far today", "thus far on the day", "in midday trading"), or in a paragraph (or a
report) that opens on them ("In early trading on Tuesday, ..."). Look-alikes keep their session:
a close told in the sentence, another day named, another market's early trading, a Hong Kong
move in a New York morning report. Texts are read from files with a sidecar stamp, so the whole
path runs (the stamp, the clean text, the move's period and day)."""

from __future__ import annotations

import datetime as dt

import pytest
from published_files import from_sidecar, move_dates

WEDNESDAY = dt.date(2024, 1, 31)
NOON = "2024-01-31T12:05-05:00"  # Wednesday, during New York's session


@pytest.mark.parametrize(
    "text",
    [
        "So far today, Intel shares are down 2.2% after its forecast.",
        "Intel shares are down 2.2% so far today after its forecast.",
        "The weakest Nasdaq name thus far on the day is Intel, trading down 2.2%.",
        "In midday trading Intel was off 2.2%, its worst showing in a month.",
        "At midday, Intel shares were down 2.2%.",
        "Intel shares were down 2.2% in afternoon trading.",
    ],
)
def test_words_of_a_session_under_way_make_the_move_intraday(pipeline, tmp_path, text):
    article = from_sidecar(pipeline, tmp_path, text, NOON)
    assert move_dates(article) == [("INTC", "intraday", WEDNESDAY)]


def test_a_report_opening_on_early_trading_sets_its_later_paragraphs_in_it(pipeline, tmp_path):
    text = (
        "In early trading on Wednesday, shares of Intel led the day's best performing Dow "
        "components, trading up 2.6%. Year to date, Intel has lost 9% of its value.\n"
        "And the weakest Dow member thus far on the day is Boeing, trading down 1.7%.\n"
        "Two more members on the move today are Apple, trading down 0.9%, and Cisco Systems, "
        "trading up 0.4% on the day."
    )
    article = from_sidecar(pipeline, tmp_path, text, NOON)
    assert move_dates(article) == [
        ("INTC", "intraday", WEDNESDAY),
        ("INTC", "year_to_date", None),
        ("BA", "intraday", WEDNESDAY),
        ("AAPL", "intraday", WEDNESDAY),
        ("CSCO", "intraday", WEDNESDAY),
    ]


def test_the_opening_day_dates_the_moves_of_its_own_sentence(pipeline, tmp_path):
    # stamped the next morning: the day is the frame's, not the publication's
    text = "In early trading on Wednesday, shares of Intel were up 2.6%."
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-01T08:00-05:00")
    assert move_dates(article) == [("INTC", "intraday", WEDNESDAY)]
    (move,) = [e for e in article.events if e.type == "price_move"]
    assert move.date_text == "on Wednesday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a close told in the same paragraph's sentence: the session's end
        (
            "In early trading on Wednesday, chip stocks were weak. By the close, Intel shares "
            "were down 2.2%.",
            [("INTC", "session", WEDNESDAY)],
        ),
        # another day named for the move
        (
            "In early trading on Wednesday, chip stocks were weak. Intel shares fell 2.2% on "
            "Tuesday.",
            [("INTC", "session", dt.date(2024, 1, 30))],
        ),
        # early trading of another market opens the paragraph
        (
            "In early trading in Tokyo, exporters were weak. Intel shares fell 2.2%.",
            [("INTC", "session", WEDNESDAY)],
        ),
        # the words of another clause, after a turn
        (
            "Chip stocks were weak in early trading, while Intel fell 2.2% on the day.",
            [("INTC", "session", WEDNESDAY)],
        ),
        # no frame at all: a plain report of the session
        ("Intel shares fell 2.2% after its forecast.", [("INTC", "session", WEDNESDAY)]),
    ],
)
def test_look_alikes_keep_their_session(pipeline, tmp_path, text, expected):
    article = from_sidecar(pipeline, tmp_path, text, "2024-01-31T17:30-05:00")
    assert move_dates(article) == expected


def test_a_new_york_morning_frame_does_not_set_a_hong_kong_move(pipeline, tmp_path):
    # Hong Kong had closed hours before New York's early trading: its move is its session's
    text = (
        "In early trading on Wednesday, U.S. stocks were mixed.\n"
        "Hong Kong's Hang Seng Index fell 1.4%, dragged by property developers."
    )
    article = from_sidecar(pipeline, tmp_path, text, NOON)
    assert [(name, period) for name, period, _ in move_dates(article)] == [("HSI", "session")]


WEDNESDAY_MORNING = "2024-01-31T07:20-05:00"  # before the open: no session of the stamp's day


def test_a_paragraph_opening_on_a_named_session_dates_its_moves(pipeline, tmp_path):
    text = (
        "In Tuesday's trading session, Wall Street's main indices ended mixed. Intel climbed "
        "more than +3% after its results. Also, Apple slid over -1% on a downgrade.\n\n"
        "Boeing fell 2% in pre-market trading."
    )
    article = from_sidecar(pipeline, tmp_path, text, WEDNESDAY_MORNING)
    tuesday = dt.date(2024, 1, 30)
    assert move_dates(article) == [
        ("INTC", "session", tuesday),
        ("AAPL", "session", tuesday),
        ("BA", "premarket", WEDNESDAY),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # the day opens another paragraph
        "In Tuesday's trading session, Wall Street's main indices ended mixed.\n\n"
        "Intel climbed more than +3% after its results.",
        # the named session is not the paragraph's opening
        "Wall Street ended mixed in Tuesday's trading session. Intel climbed more than +3% "
        "after its results.",
        # the move's sentence names a day of its own, in the move's words or before its subject
        "In Tuesday's trading session, Wall Street ended mixed. Intel climbed more than +3% "
        "on Monday after its results.",
        "In Tuesday's trading session, Wall Street ended mixed. After a warning from rivals on "
        "Monday, Intel climbed more than +3% after its results.",
    ],
)
def test_a_named_session_outside_the_opening_does_not_date_the_move(pipeline, tmp_path, text):
    article = from_sidecar(pipeline, tmp_path, text, WEDNESDAY_MORNING)
    assert [d for name, _, d in move_dates(article) if name == "INTC"] != [dt.date(2024, 1, 30)]
