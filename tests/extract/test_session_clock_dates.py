"""A regular-session move told without a day is dated from the publication date, and that day is
checked against the publication time in the exchange's own zone and hours: a report stamped
before the day's open does not tell that day's session; a New York evening report can tell a
Tokyo or Hong Kong session under way on the next calendar day; a close told while the session
was still trading is an earlier session's. Texts are read from files written here, so the whole
path is tested: the sidecar's timestamp, the clean document, the move's date."""

from __future__ import annotations

import datetime as dt

import pytest
from published_files import from_sidecar, move_dates

from tickerwire.extract.market_hours import checked_session_day, opened_session

WEDNESDAY = dt.date(2024, 1, 31)
THURSDAY = dt.date(2024, 2, 1)
FRIDAY = dt.date(2024, 2, 2)

US_MOVE = "Intel shares fell 4% after the chipmaker gave a weak first-quarter forecast."
US_INTRADAY = "Intel shares fell as much as 6% after the chipmaker gave a weak forecast."
US_CLOSE = "The Nasdaq Composite slid 2.2% to close at 15,164.01, its worst day since October."
HK_MOVE = "Hong Kong's Hang Seng index rose 1.2%, led by property developers."
HK_CLOSE = "Hong Kong's Hang Seng index closed 1.2% higher, led by property developers."
TOKYO_MOVE = "Japan's Nikkei share average gained 0.8% as exporters rallied."


@pytest.mark.parametrize(
    "published",
    [
        "2024-02-01T08:00-05:00",  # Thursday morning, before the 09:30 open
        "2024-02-01T13:00+00:00",  # the same morning told in UTC (08:00 in New York)
        "2024-02-05T07:30-05:00",  # Monday morning: Monday's session had not begun
        "2024-07-31T09:10-04:00",  # a summer morning in New York's daylight-saving offset
        # at the opening bell and two minutes after it: written before the session
        "2024-02-01T09:30-05:00",
        "2024-02-01T09:32-05:00",
    ],
)
def test_a_session_move_stamped_before_the_open_gets_no_day(pipeline, tmp_path, published):
    # The day's session had not happened: the move is of the night's pre-market or of the
    # session before, and the words do not say which.
    article = from_sidecar(pipeline, tmp_path, US_MOVE, published)
    assert move_dates(article) == [("INTC", "session", None)]


@pytest.mark.parametrize(
    ("published", "day"),
    [
        ("2024-02-01T11:30-05:00", THURSDAY),  # during the session: the running one
        ("2024-02-01T09:40-05:00", THURSDAY),  # ten minutes into the session
        ("2024-02-01T17:05-05:00", THURSDAY),  # after the close
        ("2024-02-01", THURSDAY),  # no time stated: the date alone, as before
        ("2024-02-03T10:00-05:00", FRIDAY),  # a Saturday: Friday's session
        ("2024-02-01T23:30-08:00", THURSDAY),  # Pacific evening: 02:30 on Friday in New York
    ],
)
def test_a_session_move_stamped_during_or_after_the_session_keeps_its_day(
    pipeline, tmp_path, published, day
):
    article = from_sidecar(pipeline, tmp_path, US_MOVE, published)
    assert move_dates(article) == [("INTC", "session", day)]


def test_an_intraday_move_stamped_before_the_open_gets_no_day(pipeline, tmp_path):
    before = from_sidecar(pipeline, tmp_path, US_INTRADAY, "2024-02-01T08:00-05:00")
    during = from_sidecar(pipeline, tmp_path, US_INTRADAY, "2024-02-01T12:00-05:00")
    assert move_dates(before) == [("INTC", "intraday", None)]
    assert move_dates(during) == [("INTC", "intraday", THURSDAY)]


def test_a_close_told_while_the_session_trades_is_not_that_sessions(pipeline, tmp_path):
    # Stamped at 10:15, "to close at" tells the day before's close (or a text finished later
    # than its stamp): no day. Stamped that evening, it is the day's own close.
    morning = from_sidecar(pipeline, tmp_path, US_CLOSE, "2024-02-01T10:15-05:00")
    evening = from_sidecar(pipeline, tmp_path, US_CLOSE, "2024-02-01T18:00-05:00")
    assert move_dates(morning) == [("COMP", "session", None)]
    assert move_dates(evening) == [("COMP", "session", THURSDAY)]


@pytest.mark.parametrize(
    ("published", "day"),
    [
        # 00:52 in New York is 13:52 in Hong Kong: Friday's session is under way
        ("2024-02-02T00:52-05:00", FRIDAY),
        # 21:30 on Thursday in New York is 10:30 on Friday in Hong Kong: Friday's session
        # under way, though New York's date is still Thursday
        ("2024-02-01T21:30-05:00", FRIDAY),
        # 19:00 in New York is 08:00 in Hong Kong, before Friday's open: Thursday's session
        ("2024-02-01T19:00-05:00", THURSDAY),
        # a Hong Kong stamp in its own zone, in the afternoon
        ("2024-02-02T15:10+08:00", FRIDAY),
    ],
)
def test_a_hong_kong_move_is_dated_in_hong_kongs_zone_and_hours(pipeline, tmp_path, published, day):
    article = from_sidecar(pipeline, tmp_path, HK_MOVE, published)
    assert move_dates(article) == [("HSI", "session", day)]


def test_a_tokyo_move_in_a_new_york_evening_report_is_tokyos_running_session(pipeline, tmp_path):
    # 20:40 on Wednesday in New York is 10:40 on Thursday in Tokyo.
    article = from_sidecar(pipeline, tmp_path, TOKYO_MOVE, "2024-01-31T20:40-05:00")
    assert move_dates(article) == [("N225", "session", THURSDAY)]


def test_a_tokyo_move_in_a_sentence_naming_the_new_york_day_gets_no_day(pipeline, tmp_path):
    # 20:40 on Wednesday in New York is Thursday's session in Tokyo, but the sentence names
    # Wednesday (outside the move's own words): which session it tells is left open.
    named = TOKYO_MOVE.removesuffix(".") + " after the yen weakened on Wednesday."
    article = from_sidecar(pipeline, tmp_path, named, "2024-01-31T20:40-05:00")
    assert move_dates(article) == [("N225", "session", None)]


def test_a_close_told_in_a_report_stamped_during_the_next_session_gets_no_day(pipeline, tmp_path):
    # At 10:30 on Friday in Hong Kong "closed" is an earlier session's close: Thursday's,
    # or another; the words do not say.
    article = from_sidecar(pipeline, tmp_path, HK_CLOSE, "2024-02-01T21:30-05:00")
    assert move_dates(article) == [("HSI", "session", None)]


def test_a_premarket_report_keeps_the_day_of_its_premarket(pipeline, tmp_path):
    # The report's frame makes the moves pre-market ones: stamped before the open they are
    # that morning's pre-market, not left without a day.
    text = (
        "Shares of Merck rose 2% in premarket trading after upbeat quarterly results. "
        "Honeywell dropped 2.6% after a weak profit forecast."
    )
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-01T08:40-05:00")
    assert move_dates(article) == [("MRK", "premarket", THURSDAY), ("HON", "premarket", THURSDAY)]


def test_a_day_the_text_names_is_kept_whatever_the_clock(pipeline, tmp_path):
    # stamped during Thursday's session, which a move told without a day would be of
    text = "Intel shares fell 4% on Wednesday after the chipmaker gave a weak forecast."
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-01T12:00-05:00")
    assert move_dates(article) == [("INTC", "session", WEDNESDAY)]


def test_opened_session_reads_the_exchanges_zone_and_half_days():
    at = dt.datetime.fromisoformat
    # Thanksgiving Friday closes at 13:00: 13:30 is after that close
    assert opened_session(at("2023-11-24T13:30-05:00"), "XNYS") == (dt.date(2023, 11, 24), True)
    assert opened_session(at("2023-11-24T12:30-05:00"), "XNYS") == (dt.date(2023, 11, 24), False)
    # before the open on the Tuesday after Martin Luther King Jr. Day: the Friday before
    assert opened_session(at("2024-01-16T08:00-05:00"), "XNYS") == (dt.date(2024, 1, 12), True)
    # Xetra opens at 09:00 in Frankfurt: 08:30 UTC in winter is 09:30 there
    assert opened_session(at("2024-02-01T08:30+00:00"), "XETR") == (THURSDAY, False)
    assert opened_session(at("2024-02-01T08:30+00:00"), "NOPE") is None


def test_checked_session_day_names_a_day_only_the_text_allows():
    evening = dt.datetime.fromisoformat("2024-02-01T21:30-05:00")  # Friday 10:30 in Hong Kong
    check = checked_session_day
    assert check(THURSDAY, evening, "XHKG", told_closed=False, names_day=False) == FRIDAY
    # the sentence names a day: no other day than the one it was given
    assert check(THURSDAY, evening, "XHKG", told_closed=False, names_day=True) is None
    # an exchange whose hours are not known: the date stands
    assert check(THURSDAY, evening, "NOPE", told_closed=False, names_day=False) == THURSDAY


@pytest.mark.parametrize(
    "text",
    [
        "Intel shares are up 4% after the chipmaker gave an upbeat forecast.",
        "Intel beat estimates. Its shares are trading up a solid 4.2% on the report.",
        "Intel shares are currently 4% higher after the chipmaker gave an upbeat forecast.",
    ],
)
def test_a_move_told_as_under_way_after_the_close_is_after_hours(pipeline, tmp_path, text):
    # 18:20 in New York: the session closed at 16:00, after-hours trading runs to 20:00
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-01T18:20-05:00")
    assert move_dates(article) == [("INTC", "after_hours", THURSDAY)]


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # stamped during the session: the session's move
        (
            "Intel shares are up 4% after the chipmaker gave an upbeat forecast.",
            "2024-02-01T11:30-05:00",
            ("INTC", "session", THURSDAY),
        ),
        # told in the past tense, or as a close: the session's, told after it
        (
            "Intel shares rose 4% after the chipmaker gave an upbeat forecast.",
            "2024-02-01T18:20-05:00",
            ("INTC", "session", THURSDAY),
        ),
        # words that time it as the day's session, or as part of it
        (
            "Intel shares are up 4% on the day after an upbeat forecast.",
            "2024-02-01T18:20-05:00",
            ("INTC", "session", THURSDAY),
        ),
        (
            "Intel shares are up as much as 6% after an upbeat forecast.",
            "2024-02-01T18:20-05:00",
            ("INTC", "intraday", THURSDAY),
        ),
        # an exchange without evening trading, and an index (no after-hours of its own)
        (
            "Tencent shares are up 2% after the company unveiled a buyback.",
            "2024-02-02T18:20+08:00",
            ("0700.HK", "session", FRIDAY),
        ),
        (
            "The S&P 500 is up 1.2%, led by chipmakers.",
            "2024-02-01T18:20-05:00",
            ("SPX", "session", THURSDAY),
        ),
    ],
)
def test_a_session_move_keeps_its_session_unless_under_way_after_a_us_close(
    pipeline, tmp_path, text, published, expected
):
    article = from_sidecar(pipeline, tmp_path, text, published)
    assert move_dates(article) == [expected]
