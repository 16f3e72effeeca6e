"""Periods written by code after a figure's name, spans of years ahead, and the business line
"the segment" refers to; with look-alikes that must not take another figure's period or line."""

import datetime as dt

from extract_helpers import metric_rows, run

from tickerwire.records import Event

DAY = dt.date(2024, 2, 1)


def test_a_quarter_code_between_the_name_and_its_verb() -> None:
    text = (
        "Microsoft posted its results. Its gross margin in Q2 2024 was 68.4%. Revenue in FY2023 "
        "was $211.9 billion."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "gross_margin", None, 68.4, None, "Q2 2024"),
        ("microsoft", "revenue", None, 211.9e9, None, "FY2023"),
    ]


def test_a_prior_quarter_code_still_parts_name_and_value() -> None:
    text = "Microsoft posted its results. Revenue in the year-ago Q2 was $56.2 billion."
    assert metric_rows(run(text, DAY)) == []


def test_growth_over_the_next_years_is_not_the_next_figures_year() -> None:
    text = (
        "Microsoft expects 14% annualized sales growth over the next three years alongside 20% "
        "earnings growth in 2026."
    )
    assert metric_rows(run(text, DAY)) == [
        ("microsoft", "revenue", None, None, 14.0, "next three years"),
        ("microsoft", "eps", None, None, 20.0, "2026"),
    ]


def test_the_segment_is_the_line_named_as_a_unit_not_its_listed_parts() -> None:
    text = (
        "Apple leans on its services segment this year. Apple expects sales from the segment, "
        "including advertising and cloud storage, to grow. The segment's gross margin was about "
        "70%."
    )
    assert [f[:4] for f in metric_rows(run(text, DAY))] == [
        ("apple", "gross_margin", "services", 70.0)
    ]


def test_the_segment_after_a_list_of_lines_and_no_unit_is_unknown() -> None:
    text = (
        "Apple sells iPhones, iPads and Macs across the world. The segment's gross margin in Q4 "
        "2023 was about 36%."
    )
    assert [f[2] for f in metric_rows(run(text, DAY))] in ([], [None])


def estimates(events: list[Event]) -> list[tuple]:
    return [
        (e.entity, e.attributes["metric"], e.attributes["value"], e.attributes["is_estimate"])
        for e in events
        if e.type == "financial_metric"
    ]


def test_estimates_in_the_next_sentence_take_the_figures_named_before() -> None:
    text = (
        "Microsoft forecast revenue and adjusted profit of $61 billion and $2.82 per share for "
        "the third quarter. That compares with analysts' estimates of $60.2 billion and $2.79 "
        "per share, according to LSEG data."
    )
    found = estimates(run(text, DAY))
    assert found[2:] == [
        ("microsoft", "revenue", 60.2e9, True),
        ("microsoft", "adjusted_eps", 2.79, True),
    ]


def test_a_single_estimate_in_the_next_sentence() -> None:
    text = "Meta forecast revenue of $36 billion for the quarter. Analysts expected $35.2 billion."
    assert estimates(run(text, DAY))[1:] == [("meta", "revenue", 35.2e9, True)]


def test_next_sentence_estimates_that_do_not_fit_give_nothing() -> None:
    texts = [
        # a per-share amount where a total was named
        "Meta forecast net income of $15 billion. Analysts had expected $4.50 per share.",
        # two amounts for one figure
        "Meta forecast revenue of $36 billion. Analysts had expected $35.2 billion and $1 billion.",
        # another company's forecast
        "Meta forecast revenue of $36 billion. Snap investors had expected $35.2 billion.",
        # a paragraph apart
        "Meta forecast revenue of $36 billion.\n\nAnalysts had expected $35.2 billion.",
        # an amount that is no estimate
        "Meta forecast revenue of $36 billion. It paid $35 billion for a startup.",
    ]
    for text in texts:
        assert estimates(run(text, DAY))[1:] == [], text


def test_after_the_results_is_no_estimate_told_just_before() -> None:
    text = (
        "Meta posted revenue of $40.1 billion for the quarter. Meta forecast revenue of $36 "
        "billion for the current quarter. Analysts had expected $35.2 billion. Meta shares were "
        "up 6% in extended trading after the results."
    )
    events = run(text, DAY)
    move = next(e for e in events if e.type == "price_move")
    drivers = [events[i] for i in move.attributes["drivers"]]
    assert drivers and not any(d.attributes.get("is_estimate") for d in drivers)


def priors(events: list[Event]) -> list[tuple]:
    return [
        (e.entity, e.attributes["metric"], e.attributes["value"], e.attributes["period"])
        for e in events
        if e.type == "financial_metric"
    ]


def test_a_year_ago_figure_named_as_such_is_the_prior_periods() -> None:
    text = (
        "Apple posted EPS of $2.18 in Q4 2023. This compares to year-ago EPS of $1.88. Revenue "
        "was in line with the prior-year sales of $117.2 billion."
    )
    assert priors(run(text, DAY))[1:] == [
        ("apple", "eps", 1.88, "Q4 2022"),
        ("apple", "revenue", 117.2e9, "Q4 2022"),
    ]


def test_year_ago_look_alikes_give_no_prior_figure() -> None:
    texts = [
        # no period to count back from
        "Apple posted strong results. This compares to year-ago revenues of $117 billion.",
        # a part of the figure
        "Apple posted EPS of $2.18 in Q4 2023. Its sales, including year-ago sales of $2 billion "
        "from a unit it sold, rose.",
        # last year's revenue beside a quarter may be the full year's
        "Apple posted EPS of $2.18 in Q4 2023. Last year's revenue of $383 billion was a record.",
    ]
    for text in texts:
        assert [p for p in priors(run(text, DAY)) if p[2] != 2.18] == [], text


def test_a_level_reached_past_a_surprise_is_the_reported_figure() -> None:
    text = (
        "Apple topped forecasts in its fiscal Q1, with quarterly revenues +1.4% from the Wall "
        "Street consensus to $119.6 billion."
    )
    assert estimates(run(text, DAY)) == [("apple", "revenue", 119.6e9, False)]


def test_a_surprise_without_a_level_gives_no_figure() -> None:
    texts = [
        "Apple topped forecasts, with quarterly revenues +1.4% from the Zacks consensus.",
        "Apple topped forecasts, with quarterly revenues +1.4% from the consensus to a record.",
    ]
    for text in texts:
        assert [f for f in estimates(run(text, DAY)) if f[2] is not None] == [], text
