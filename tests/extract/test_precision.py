"""Precision fixes: facts a reader would call wrong (a borrowed level, a period taken from a
scheduled release, a metric under the wrong name) must not come out."""

from __future__ import annotations

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

FRIDAY = dt.date(2024, 8, 16)


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


TUESDAY = dt.date(2024, 8, 13)


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
