"""Which windows a batch's reports touch, and regrouping open-period figures from seeds."""

import datetime as dt

from tickerwire.cluster.stories import OPEN_PERIOD_WINDOW_DAYS, Report, metric_stories
from tickerwire.cluster.story_windows import plan_refresh, replay_end
from tickerwire.records import Event, Evidence

D = dt.date(2025, 5, 5)


def _report(
    event: Event, article: str, published: dt.date | None, order: int, group: str | None = None
) -> Report:
    return Report(article, 0, event, published, order, duplicate_group=group)


def _growth(pct: float, period: str | None = None, period_end: str | None = None) -> Event:
    sentence = f"Subscription revenue grew {pct:g}%."
    attributes: dict[str, object] = {
        "metric": "revenue",
        "segment": "subscriptions",
        "change_pct": pct,
    }
    if period:
        attributes["period"] = period
    if period_end:
        attributes["period_end"] = period_end
    return Event(
        type="financial_metric",
        entity="spotify",
        evidence=Evidence(start=0, end=len(sentence), text=sentence),
        confidence=0.8,
        attributes=attributes,
    )


def _move(pct: float, day: dt.date | None) -> Event:
    sentence = f"Shares closed {pct:+g}%."
    return Event(
        type="price_move",
        entity="spotify",
        date=day,
        evidence=Evidence(start=0, end=len(sentence), text=sentence),
        confidence=0.8,
        attributes={"listing": "SPOT", "change_pct": pct, "period": "session"},
    )


def test_the_plan_names_days_groups_period_ends_and_open_days():
    plan = plan_refresh(
        [
            _report(_move(2.0, D), "a", D, 1),
            _report(_move(2.0, None), "b", D, 2, group="g1"),
            _report(_move(2.0, None), "c", D, 3),  # undated, no group: joins no story
            _report(_growth(11.0, "Q1 2025", "2025-03-31"), "d", D, 4),
            _report(_growth(12.0, "first quarter"), "e", D + dt.timedelta(days=1), 5),
            _report(_growth(13.0), "f", None, 6),  # no period end and no date: no story
        ]
    )
    assert plan.move_days == {("spotify", "SPOT"): {D}}
    assert plan.move_groups == {("spotify", "SPOT"): {"g1"}}
    assert plan.closed_metrics == {("spotify", "revenue", "subscriptions", "2025-03-31", 0)}
    assert plan.open_metric_days == {
        ("spotify", "revenue", "subscriptions"): {D + dt.timedelta(days=1)}
    }


def test_the_replay_runs_to_the_first_gap_longer_than_the_window():
    step = dt.timedelta(days=OPEN_PERIOD_WINDOW_DAYS)
    later = [D + step, D + 2 * step, D + 3 * step + dt.timedelta(days=1), D + 5 * step]
    assert replay_end(later, D) == D + 2 * step
    assert replay_end([], D) == D
    assert replay_end([D - step], D) == D


def test_grouping_from_seeds_equals_grouping_from_the_start():
    days = [D + dt.timedelta(days=n) for n in (0, 3, 6, 8, 9, 12, 15, 20)]
    periods = ["first quarter", None, "second quarter", None, "first quarter", None, None, None]
    reports = [
        _report(_growth(10.0 + n, period), f"r{n}", day, n)
        for n, (day, period) in enumerate(zip(days, periods, strict=True))
    ]
    whole = metric_stories(reports)
    restart = days[4]  # regroup from here, seeded with the groups begun a window before it
    seeds = [
        [r for r in b.grouped if r.published is not None and r.published < restart]
        for b in whole
        if b.members[0].report.published is not None
        and restart - dt.timedelta(days=OPEN_PERIOD_WINDOW_DAYS)
        <= b.members[0].report.published
        < restart
    ]
    replayed = metric_stories([r for r in reports if r.published and r.published >= restart], seeds)
    recent = {
        b.story.id: b.story
        for b in whole
        if b.story.first_seen is not None
        and b.story.first_seen >= restart - dt.timedelta(days=OPEN_PERIOD_WINDOW_DAYS)
    }
    assert len(whole) > 2 and seeds
    assert {b.story.id: b.story for b in replayed} == recent
