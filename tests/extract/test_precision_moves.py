"""Precision fixes of moves: a level, a period or a day a reader would call wrong must not
come out (a borrowed index level, a period named for a scheduled release, a guessed day)."""

from __future__ import annotations

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

FRIDAY = dt.date(2024, 8, 16)
TUESDAY = dt.date(2024, 8, 13)
WEDNESDAY = dt.date(2024, 8, 14)


def index_levels(events: list[Event]) -> dict[str, float | None]:
    return {e.attributes["index"]: e.attributes["level"] for e in events if e.type == "index_move"}


def test_a_level_stated_for_one_index_is_not_given_to_the_next_clause():
    events = run(
        "The Hang Seng Index rose 1.2% to 17,430 while the Hang Seng Tech Index added 2.1%.",
        FRIDAY,
    )
    assert index_levels(events) == {"HSI": 17430.0, "HSTECH": None}


def test_a_level_before_the_second_index_is_not_its_own():
    events = run(
        "The Hang Seng Index ended at 17,430.16, and the Hang Seng Tech Index gained 2.1% on "
        "Friday.",
        FRIDAY,
    )
    assert index_levels(events) == {"HSTECH": None}


def test_a_level_before_the_move_in_its_own_clause_stays():
    events = run("The Hang Seng Tech Index closed at 3,610.02, up 2.1% on Friday.", FRIDAY)
    assert index_levels(events) == {"HSTECH": 3610.02}


def moves(events: list[Event]) -> list[tuple[str, float, str, dt.date | None]]:
    return [
        (e.attributes["listing"], e.attributes["change_pct"], e.attributes["period"], e.date)
        for e in events
        if e.type == "price_move"
    ]


def test_a_pluperfect_with_a_named_day_is_that_days_session():
    text = (
        "Baidu's American depositary receipts had already jumped 4.5% in New York on Thursday, "
        "hours after the search company reported its results."
    )
    assert moves(run(text, FRIDAY)) == [("BIDU", 4.5, "session", dt.date(2024, 8, 15))]
    # Without a publication date the day word resolves to nothing: still a session, no date.
    assert moves(run(text)) == [("BIDU", 4.5, "session", None)]


def test_a_perfect_without_a_named_day_stays_undated():
    text = "Baidu's American depositary receipts had already climbed 9% by the time trading ended."
    assert moves(run(text, FRIDAY)) == [("BIDU", 9.0, "other", None)]


def test_a_scheduled_release_after_the_bell_does_not_time_any_move():
    text = (
        "Microsoft shares rose 1.5% on Tuesday as investors bought software names. Traders have "
        "been adding Microsoft stock ahead of quarterly results due after the bell, and it has "
        "gained about 9% so far this year."
    )
    assert moves(run(text, TUESDAY)) == [
        ("MSFT", 1.5, "session", TUESDAY),
        ("MSFT", 9.0, "year_to_date", None),
    ]


def test_a_move_before_a_release_due_after_the_close_is_a_session_move():
    text = "Apple climbed 2% ahead of earnings due after the close on Tuesday."
    assert [m[2] for m in moves(run(text, TUESDAY))] == ["session"]


def test_premarket_words_for_a_release_are_not_the_moves_period():
    text = "Snap will post its results before the opening bell on Wednesday; its shares fell 3%."
    assert [m[2] for m in moves(run(text, TUESDAY))] == ["session"]


def test_a_release_reported_after_the_bell_still_times_the_move_that_followed():
    text = "Snap reported results after the bell, and its shares jumped 9%."
    assert [m[2] for m in moves(run(text, TUESDAY))] == ["after_hours"]


def test_an_after_hours_report_gives_its_period_only_to_moves_without_their_own_day():
    text = (
        "Snap shares jumped 9% in extended trading after the company reported results. "
        "Pinterest gained 3%. Microsoft rose 1% on Tuesday before the report came out."
    )
    found = moves(run(text, TUESDAY))
    assert [(m[0], m[2]) for m in found] == [
        ("SNAP", "after_hours"),
        ("PINS", "after_hours"),
        ("MSFT", "session"),
    ]
    assert found[2][3] == TUESDAY


def test_over_the_last_year_before_the_move_is_twelve_months_not_last_year():
    text = (
        "Meta's stock has been among the best performers over the last year, with shares "
        "soaring 180%."
    )
    assert [m[2] for m in moves(run(text, FRIDAY))] == ["year_over_year"]


def test_a_second_move_of_one_subject_does_not_take_the_first_ones_period():
    text = "Apple stock is up 4% so far in 2024 and has gained 27% in the last 12 months."
    assert [(m[1], m[2]) for m in moves(run(text, FRIDAY))] == [
        (4.0, "year_to_date"),
        (27.0, "year_over_year"),
    ]


def test_an_index_level_after_higher_at_is_read():
    events = run("The Hang Seng Index closed 0.8% higher at 17,430.16 on Friday.", FRIDAY)
    assert index_levels(events) == {"HSI": 17430.16}


def test_no_publication_day_is_guessed_for_a_move_whose_sentence_names_another_day():
    text = "Apple fell 1.2% and Microsoft rose 0.8% on Aug. 12, 2024."
    assert moves(run(text, TUESDAY)) == [
        ("AAPL", -1.2, "session", None),
        ("MSFT", 0.8, "session", dt.date(2024, 8, 12)),
    ]


def test_a_planned_day_or_a_comparison_day_does_not_stop_the_inference():
    planned = "Microsoft rose 0.8% on news that it will hold a product event on Aug. 20."
    assert moves(run(planned, TUESDAY))[0][3] == TUESDAY
    record = "Apple shares fell 4.1%, their worst day since Aug. 5."
    assert moves(run(record, TUESDAY))[0][3] == TUESDAY


def test_the_day_of_a_planned_release_is_not_the_day_of_a_move():
    text = "Microsoft, due to report earnings on Tuesday, slipped 2.1%."
    found = moves(run(text, WEDNESDAY))
    assert [(m[0], m[1]) for m in found] == [("MSFT", -2.1)]
    assert found[0][3] != dt.date(2024, 8, 13)


def test_an_index_move_told_twice_keeps_the_telling_with_its_level():
    text = (
        "Indexes: S&P 500 off 0.68%\nAt 9:48 a.m. ET, the S&P 500 was down 33.37 points, or "
        "0.68%, at 4,891.60."
    )
    (event,) = [e for e in run(text, FRIDAY) if e.type == "index_move"]
    assert event.attributes["level"] == 4891.6
    assert "4,891.60" in event.evidence.text


def test_no_publication_day_is_guessed_for_a_move_told_with_this_week():
    # nor one session: the move may span the days since the report
    text = "Snap shares were down 12% after the company reported results this week."
    assert moves(run(text, FRIDAY)) == [("SNAP", -12.0, "other", None)]


def test_an_article_set_before_the_open_gives_its_frame_to_moves_without_period_words():
    text = (
        "Ahead of today's open, a handful of large companies reported results.\n"
        "Snap shares are trading down 2% on the news, while Pinterest is up 1%."
    )
    assert [(m[0], m[2]) for m in moves(run(text, FRIDAY))] == [
        ("SNAP", "premarket"),
        ("PINS", "premarket"),
    ]


def test_an_opening_about_a_release_due_before_the_bell_sets_no_frame():
    text = (
        "Snap is scheduled to report results before the bell on Friday.\n"
        "Snap shares fell 2% on Thursday as investors waited."
    )
    assert [m[2] for m in moves(run(text, FRIDAY))] == ["session"]
