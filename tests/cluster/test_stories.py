"""Stories and cross-source conflicts as pure functions of reports (no database)."""

import datetime as dt

import pytest

from tickerwire.cluster.conflicts import cross_source_conflicts
from tickerwire.cluster.stories import (
    NEAR_DUPLICATE_FACTOR,
    NOVELTY_DECAY,
    Report,
    build_stories,
    percentages_agree,
    story_id,
)
from tickerwire.records import Event, Evidence

FRI, MON, TUE = dt.date(2025, 2, 21), dt.date(2025, 2, 24), dt.date(2025, 2, 25)


def _evidence(text: str) -> Evidence:
    return Evidence(start=0, end=len(text), text=text)


def move(
    pct: float,
    day: dt.date | None,
    listing: str = "9988.HK",
    said: str = "Hong Kong-listed shares closed {pct:+g}% higher.",
    **extra: object,
) -> Event:
    return Event(
        type="price_move",
        entity="alibaba",
        date=day,
        evidence=_evidence(said.format(pct=pct)),
        confidence=0.8,
        attributes={
            "listing": listing,
            "direction": "up" if pct > 0 else "down",
            "change_pct": pct,
            "period": "session",
            **extra,
        },
    )


def growth(
    pct: float,
    *,
    period_end: str | None = None,
    period: str | None = None,
    segment: str | None = "cloud",
) -> Event:
    return Event(
        type="financial_metric",
        entity="alibaba",
        evidence=_evidence(f"Cloud sales grew {pct:g}% from a year earlier."),
        confidence=0.8,
        attributes={
            "metric": "revenue",
            "segment": segment,
            "change_pct": pct,
            "period": period,
            "period_end": period_end,
            "is_estimate": False,
        },
    )


def report(
    article: str, event: Event, published: dt.date | None, order: int, group: str | None = None
) -> Report:
    return Report(article, 0, event, published, order, group or article, ("9988.HK", "BABA"))


def test_two_sources_on_one_move_make_one_story_first_report_first():
    stories = build_stories(
        [
            report("late", move(15.0, FRI), FRI, order=1),
            report("early", move(15.0, FRI), FRI, order=0),
            report("next-day", move(15.0, FRI), MON, order=2),
        ]
    )
    assert len(stories) == 1
    story = stories[0].story
    assert (story.listing, story.date, story.first_seen) == ("9988.HK", FRI, FRI)
    assert story.articles == ["early", "late", "next-day"]
    assert story.novelty == {"early": 1.0, "late": NOVELTY_DECAY, "next-day": NOVELTY_DECAY**2}
    assert story.consensus_pct == 15.0


def test_moves_of_two_days_never_share_a_story_even_with_equal_figures():
    stories = build_stories(
        [report("a", move(4.0, FRI), FRI, 0), report("b", move(4.0, MON), MON, 1)]
    )
    assert sorted((s.story.date, tuple(s.story.articles)) for s in stories) == [
        (FRI, ("a",)),
        (MON, ("b",)),
    ]


def test_an_undated_move_joins_only_the_story_its_text_near_duplicates():
    dated = report("wire", move(6.0, MON), MON, 0, group="g1")
    copy = report("mirror", move(6.0, None), None, 1, group="g1")
    stranger = report("blog", move(6.0, None), TUE, 2)
    stories = build_stories([dated, copy, stranger])
    assert [s.story.articles for s in stories] == [["wire", "mirror"]]
    # The mirror is later and a near-duplicate: decayed, then halved.
    assert stories[0].story.novelty["mirror"] == pytest.approx(
        NOVELTY_DECAY * NEAR_DUPLICATE_FACTOR
    )


def test_an_undated_copy_with_another_figure_stays_out():
    stories = build_stories(
        [
            report("wire", move(6.0, MON), MON, 0, "g1"),
            report("copy", move(9.0, None), MON, 1, "g1"),
        ]
    )
    assert [s.story.articles for s in stories] == [["wire"]]


def test_other_listings_and_periods_are_other_stories():
    stories = build_stories(
        [
            report("a", move(15.0, FRI), FRI, 0),
            report("b", move(15.0, FRI, listing="BABA"), FRI, 1),
            report("c", move(20.0, FRI, period="intraday"), FRI, 2),
        ]
    )
    assert len(stories) == 3


def test_disagreeing_claims_give_a_conflict_rounding_does_not():
    stories = build_stories(
        [
            report("a", move(9.18, FRI, said="The stock closed up {pct:g}% in Hong Kong."), FRI, 0),
            report("b", move(9.2, FRI, said="Alibaba added {pct:g}% by the close."), FRI, 1),
            report("c", move(15.0, FRI, said="A {pct:g}% jump took it to a high."), FRI, 2),
        ]
    )
    conflicts = cross_source_conflicts(stories)
    assert len(conflicts) == 1
    assert conflicts[0].story == stories[0].story.id
    assert [(v.article, v.value) for v in conflicts[0].values] == [
        ("a", 9.18),
        ("b", 9.2),
        ("c", 15.0),
    ]
    assert "+9.18% vs +15%" in conflicts[0].why
    assert conflicts[0].values[2].evidence.startswith("A 15% jump")


def test_versions_of_one_wire_report_and_running_figures_are_no_conflict():
    wire = "Boeing rose {pct:g}% after a narrower loss, though it gave no forecast."
    updates = build_stories(
        [
            report("noon", move(3.6, FRI, said=wire), FRI, 0),
            report("close", move(5.8, FRI, said=wire), FRI, 1),
        ]
    )
    assert cross_source_conflicts(updates) == []
    # A midday figure against the close: within a fifth of the move.
    drift = build_stories(
        [
            report("a", move(-6.1, FRI, said="The shares were down {pct:g}% at midday."), FRI, 0),
            report("b", move(-6.9, FRI, said="Alphabet ended the day {pct:g}% lower."), FRI, 1),
        ]
    )
    assert cross_source_conflicts(drift) == []
    # Intraday highs are snapshots: no conflict whatever the figures.
    intraday = build_stories(
        [
            report(
                "a", move(9.0, FRI, period="intraday", said="It was up {pct:g}% early."), FRI, 0
            ),
            report("b", move(20.0, FRI, period="intraday", said="Gains reached {pct:g}%."), FRI, 1),
        ]
    )
    assert len(intraday) == 1 and cross_source_conflicts(intraday) == []


def test_opposite_directions_on_one_day_conflict():
    stories = build_stories(
        [
            report("a", move(2.0, FRI, said="Shares gained {pct:g}%."), FRI, 0),
            report("b", move(-2.0, FRI, said="The stock slipped {pct:g}% on the day."), FRI, 1),
        ]
    )
    assert [c.field for c in cross_source_conflicts(stories)] == ["change_pct"]


def test_percentages_agree_only_within_rounding():
    assert percentages_agree(19.0, 19.4)
    assert not percentages_agree(19.0, 19.6)
    assert not percentages_agree(9.18, 9.25)
    assert percentages_agree(20.0, 19.0, approximate=True)


def test_metric_reports_of_one_quarter_with_other_growth_conflict():
    stories = build_stories(
        [
            report("a", growth(26.0, period_end="2025-06-30"), dt.date(2025, 8, 29), 0),
            report("b", growth(11.0, period_end="2025-06-30"), dt.date(2025, 9, 1), 1),
            # Another quarter: a story of its own, no conflict with the first.
            report("c", growth(11.0, period_end="2025-03-31"), dt.date(2025, 5, 15), 2),
        ]
    )
    quarter = next(s for s in stories if s.story.date == dt.date(2025, 6, 30))
    assert (quarter.story.metric, quarter.story.segment) == ("revenue", "cloud")
    assert quarter.story.articles == ["a", "b"]
    conflicts = cross_source_conflicts(stories)
    assert [(c.field, [v.value for v in c.values]) for c in conflicts] == [
        ("change_pct", [26.0, 11.0])
    ]


def test_reports_of_a_closed_period_share_a_story_only_within_its_publication_window():
    end = dt.date(2025, 6, 30)
    q2 = "2025-06-30"
    stories = build_stories(
        [
            report("results", growth(26.0, period_end=q2), end + dt.timedelta(days=30), 0),
            report("late", growth(26.0, period_end=q2), end + dt.timedelta(days=105), 1),
            report("undated", growth(26.0, period_end=q2), None, 2),
            # Past the results window (106 days after the end): a look back, a story of its own
            # with its own figure, and no conflict with the results.
            report("look back", growth(11.0, period_end=q2), end + dt.timedelta(days=106), 3),
            report("a year on", growth(26.0, period_end=q2), end + dt.timedelta(days=400), 4),
            report("a year on too", growth(26.0, period_end=q2), end + dt.timedelta(days=410), 5),
        ]
    )
    assert sorted(s.story.articles for s in stories) == [
        ["a year on", "a year on too"],
        ["look back"],
        ["results", "late", "undated"],
    ]
    assert {s.story.date for s in stories} == {end}
    results = next(s for s in stories if s.story.articles[0] == "results")
    # The results story keeps the id it had before windows existed.
    assert results.story.id == story_id("financial_metric", "alibaba", "revenue", "cloud", q2)
    assert len({s.story.id for s in stories}) == 3
    assert cross_source_conflicts(stories) == []


def test_metric_reports_without_a_period_group_only_within_a_week_and_same_period_words():
    day = dt.date(2025, 9, 1)
    stories = build_stories(
        [
            report("a", growth(26.0, period="fiscal first quarter"), day, 0),
            report("b", growth(11.0), day + dt.timedelta(days=2), 1),
            report("c", growth(30.0, period="fiscal second quarter"), day, 2),
            report("d", growth(26.0), day + dt.timedelta(days=40), 3),
        ]
    )
    assert sorted(s.story.articles for s in stories) == [["a", "b"], ["c"], ["d"]]


def test_an_unsegmented_figure_without_a_period_end_raises_no_conflict():
    day = dt.date(2025, 9, 1)
    stories = build_stories(
        [
            report("a", growth(2.0, segment=None), day, 0),
            report("b", growth(-12.9, segment=None), day, 1),
        ]
    )
    assert len(stories) == 1 and cross_source_conflicts(stories) == []


def test_period_words_that_name_other_spans_or_years_do_not_group():
    day = dt.date(2024, 2, 1)
    stories = build_stories(
        [
            report("a", growth(11.0, period="fiscal first quarter"), day, 0),
            report("b", growth(-3.0, period="fiscal 2023"), day, 1),
            report("c", growth(6.4, period="Q1 2023"), day, 2),
            report("d", growth(9.0, period="Q1 2024"), day, 3),
        ]
    )
    assert sorted(s.story.articles for s in stories) == [["a", "c"], ["b"], ["d"]]


def test_estimates_make_no_metric_story():
    estimate = growth(9.0, period_end="2024-12-31")
    estimate = estimate.model_copy(
        update={"attributes": {**estimate.attributes, "is_estimate": True}}
    )
    assert build_stories([report("a", estimate, FRI, 0)]) == []
