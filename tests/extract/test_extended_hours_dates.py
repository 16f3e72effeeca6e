"""After-hours and pre-market moves told without a day are dated from the publication's time of
day, read from the input (a sidecar or a JSON Lines record) in the exchange's own zone, and only
where the time settles which session is meant. Every text is read from files written here, so
the whole path is tested: the input's timestamp, the clean document, the move's date."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from published_files import from_sidecar, move_dates

from tickerwire.records import Article

THURSDAY = dt.date(2024, 2, 1)
FRIDAY = dt.date(2024, 2, 2)

AFTER_HOURS = "Apple shares fell 3% in after-hours trading as iPhone sales in China disappointed."
PREMARKET = "Meta Platforms shares jumped 16% in premarket trading after the dividend news."
# A report whose second move, told without period words, takes the first's after-hours.
AFTER_HOURS_REPORT = (
    "Meta Platforms shares jumped 15% in after-hours trading after its first dividend. "
    "Apple fell 3% as iPhone sales in China disappointed."
)


@pytest.mark.parametrize(
    ("published", "day"),
    [
        # written that evening, after the 16:00 close: that day's extended trading
        ("2024-02-01T18:04-05:00", THURSDAY),
        # written in the small hours: the night before's
        ("2024-02-02T00:52-05:00", THURSDAY),
        # the same moment told in UTC: 05:52 UTC is 00:52 in New York
        ("2024-02-02T05:52+00:00", THURSDAY),
        # a Monday morning report: Friday's after-hours, across the weekend
        ("2024-02-05T07:00-05:00", FRIDAY),
        # the morning after Martin Luther King Jr. Day: the Friday before the holiday
        ("2024-01-16T07:00-05:00", dt.date(2024, 1, 12)),
        # the day after Thanksgiving closes at 13:00, so 14:30 is already after hours
        ("2023-11-24T14:30-05:00", dt.date(2023, 11, 24)),
        # a summer evening stamped in New York's daylight-saving offset
        ("2024-07-31T17:15-04:00", dt.date(2024, 7, 31)),
    ],
)
def test_an_after_hours_move_without_a_day_is_dated_from_the_publication_time(
    pipeline, tmp_path, published, day
):
    article = from_sidecar(pipeline, tmp_path, AFTER_HOURS, published)
    assert move_dates(article) == [("AAPL", "after_hours", day)]
    (event,) = article.events[:1]
    assert event.date_text is None  # the day is read, not written: lower confidence
    assert event.confidence < 0.9


@pytest.mark.parametrize(
    ("undated", "dated", "day"),
    [
        # during the regular session (last night's, or an earlier one) / after the close
        ("2024-02-01T11:30-05:00", "2024-02-01T16:30-05:00", THURSDAY),
        # no time of day (the article may be the next morning's) / the time stated
        ("2024-02-01", "2024-02-01T21:00-05:00", THURSDAY),
        # a time without a zone (whose 21:00?) / with New York's offset
        ("2024-02-01T21:00", "2024-02-01T21:00-05:00", THURSDAY),
        # a Saturday (no session to place it in) / the Monday morning after
        ("2024-02-03T10:00-05:00", "2024-02-05T08:00-05:00", FRIDAY),
        # the evening of a holiday (MLK Day: no session closed) / the morning after it
        ("2024-01-15T19:00-05:00", "2024-01-16T06:00-05:00", dt.date(2024, 1, 12)),
        # the half day after Thanksgiving, before its 13:00 close / after it
        ("2023-11-24T12:30-05:00", "2023-11-24T13:30-05:00", dt.date(2023, 11, 24)),
    ],
)
def test_an_after_hours_move_stays_undated_where_the_time_does_not_settle_the_day(
    pipeline, tmp_path, undated, dated, day
):
    assert move_dates(from_sidecar(pipeline, tmp_path, AFTER_HOURS, undated)) == [
        ("AAPL", "after_hours", None)
    ]
    assert move_dates(from_sidecar(pipeline, tmp_path, AFTER_HOURS, dated)) == [
        ("AAPL", "after_hours", day)
    ]


def test_a_day_the_text_names_wins_over_the_publication_time(pipeline, tmp_path):
    text = "Apple shares fell 3% in after-hours trading on Wednesday as iPhone sales slowed."
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-02T07:00-05:00")
    assert move_dates(article) == [("AAPL", "after_hours", dt.date(2024, 1, 31))]
    assert article.events[0].date_text is not None


def test_a_sentence_naming_another_day_leaves_the_after_hours_move_undated(pipeline, tmp_path):
    # Written on Friday morning, the sentence names Friday for the futures: the Apple move may
    # be Thursday night's or Friday's early trade, and the clock cannot tell. Without the
    # futures' day, the same move is Thursday night's.
    text = "Nasdaq futures rose 0.5%{day}, while Apple shares fell 3% in after-hours trading."
    named = from_sidecar(
        pipeline, tmp_path, text.format(day=" on Friday"), "2024-02-02T07:00-05:00"
    )
    bare = from_sidecar(pipeline, tmp_path, text.format(day=""), "2024-02-02T07:00-05:00")
    assert [m for m in move_dates(named) if m[0] == "AAPL"] == [("AAPL", "after_hours", None)]
    assert [m for m in move_dates(bare) if m[0] == "AAPL"] == [("AAPL", "after_hours", THURSDAY)]


@pytest.mark.parametrize(
    ("dated", "undated"),
    [
        # under way / the evening after the close: evening trade is for the next session
        ("2024-02-02T07:33-05:00", "2024-02-02T18:30-05:00"),
        # overnight, before the morning's trade / the Saturday after: which session is meant
        ("2024-02-02T00:52-05:00", "2024-02-03T09:00-05:00"),
        # stamped after the open: that morning's / stamped just after the close
        ("2024-02-02T10:18-05:00", "2024-02-02T16:00-05:00"),
    ],
)
def test_a_premarket_move_without_a_day_is_dated_from_the_publication_time(
    pipeline, tmp_path, dated, undated
):
    assert move_dates(from_sidecar(pipeline, tmp_path, PREMARKET, dated)) == [
        ("META", "premarket", FRIDAY)
    ]
    assert move_dates(from_sidecar(pipeline, tmp_path, PREMARKET, undated)) == [
        ("META", "premarket", None)
    ]


def test_a_move_given_the_after_hours_period_by_its_report_is_dated_by_the_clock(
    pipeline, tmp_path
):
    # Apple's move has no period words; the report's other move names after-hours trading,
    # so Apple's is after-hours too, and written on Friday morning it is Thursday's, not the
    # publication day's session.
    article = from_sidecar(pipeline, tmp_path, AFTER_HOURS_REPORT, "2024-02-02T07:00-05:00")
    assert move_dates(article) == [
        ("META", "after_hours", THURSDAY),
        ("AAPL", "after_hours", THURSDAY),
    ]


def test_a_move_given_the_after_hours_period_without_a_time_is_not_dated(pipeline, tmp_path):
    article = from_sidecar(pipeline, tmp_path, AFTER_HOURS_REPORT, "2024-02-02")
    assert move_dates(article) == [("META", "after_hours", None), ("AAPL", "after_hours", None)]


def test_a_participle_move_in_named_after_hours_trading_is_dated(pipeline, tmp_path):
    text = (
        "Results from Meta Platforms and Amazon pleased investors, with their shares rising "
        "15% and 7% in extended trading, respectively."
    )
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-02T03:00-05:00")
    assert move_dates(article) == [
        ("META", "after_hours", THURSDAY),
        ("AMZN", "after_hours", THURSDAY),
    ]


def test_a_json_lines_record_gives_its_time_too(pipeline, tmp_path):
    feed = tmp_path / "feed.jsonl"
    records = [
        {"text": AFTER_HOURS, "published": "2024-02-01T21:10-05:00"},
        {"text": AFTER_HOURS, "published": "2024-02-01T14:10-05:00"},
    ]
    feed.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    articles = [a for a in pipeline.process_paths([feed]) if isinstance(a, Article)]
    assert [move_dates(a) for a in articles] == [
        [("AAPL", "after_hours", THURSDAY)],
        [("AAPL", "after_hours", None)],
    ]
