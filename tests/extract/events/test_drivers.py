"""Drivers: the events a text gives as the cause of a price move, and nothing else."""

from __future__ import annotations

import datetime as dt

from event_helpers import driver_types, of_type, run

FRIDAY = dt.date(2025, 3, 14)


def _move(events, listing):
    return next(e for e in events if e.type == "price_move" and e.attributes["listing"] == listing)


def test_move_with_two_drivers():
    text = (
        "Meta jumped 12% on Friday after it declared its first dividend and posted quarterly "
        "results that topped estimates."
    )
    events = run(text, FRIDAY)
    assert sorted(driver_types(events, _move(events, "META"))) == ["dividend", "earnings"]


def test_move_without_causal_words_has_no_drivers():
    text = (
        "Tencent rose 2% in Hong Kong on Friday. Alibaba launched a new reasoning model. "
        "Samsung agreed to acquire Pinterest for $20 billion."
    )
    events = run(text, FRIDAY)
    assert of_type(events, "product_launch") and of_type(events, "acquisition")
    assert _move(events, "0700.HK").attributes["drivers"] == []


def test_cause_in_the_next_sentence_of_the_paragraph():
    text = (
        "Alibaba's shares rose 5% in Hong Kong on Friday. The gain was driven by strong "
        "quarterly results in its cloud unit."
    )
    events = run(text, FRIDAY)
    assert driver_types(events, _move(events, "9988.HK")) == ["earnings"]


def test_headline_cause_goes_to_the_main_move_of_its_subject():
    text = (
        "Tencent jumped 8% in Hong Kong on Friday, its best day in a year.\n\n"
        "The company said earlier this week that it posted strong quarterly results."
    )
    title = "Tencent Shares Jump 8% on Strong Results"
    with_title = run(text, FRIDAY, title)
    assert driver_types(with_title, _move(with_title, "0700.HK")) == ["earnings"]
    without = run(text, FRIDAY)
    assert _move(without, "0700.HK").attributes["drivers"] == []


def test_cause_named_without_an_event_creates_it():
    events = run("Apple fell 3% on Friday after projecting weaker sales of its watches.", FRIDAY)
    move = _move(events, "AAPL")
    assert driver_types(events, move) == ["guidance"]
    guidance = events[move.attributes["drivers"][0]]
    assert guidance.entity == "apple"
    assert guidance.attributes["fact_level"] == "forecast"
    assert guidance.evidence.text.startswith("Apple fell 3%")


def test_a_cause_pointing_back_takes_the_news_told_before():
    text = (
        "Tencent posted quarterly results that beat analysts' expectations. "
        "Its shares rose 4% in Hong Kong on the news."
    )
    events = run(text, FRIDAY)
    assert driver_types(events, _move(events, "0700.HK")) == ["earnings"]


def test_result_clause_before_the_move():
    text = "Nvidia posted upbeat quarterly results, sending its shares up 6% on Friday."
    events = run(text, FRIDAY)
    assert driver_types(events, _move(events, "NVDA")) == ["earnings"]


def test_each_move_gets_its_own_cause():
    text = (
        "Apple lost 2% after a judge blocked its new watch, while Nvidia gained 3% after "
        "unveiling a faster chip."
    )
    events = run(text, FRIDAY)
    assert driver_types(events, _move(events, "AAPL")) == ["legal"]
    assert driver_types(events, _move(events, "NVDA")) == ["product_launch"]


def test_timing_words_are_not_causes():
    events = run("Apple rose 2% after the bell on Friday.", FRIDAY)
    assert _move(events, "AAPL").attributes["drivers"] == []


def test_drivers_list_each_event_once():
    text = (
        "Meta surged 15% on Friday after its first dividend. The rally was also driven by its "
        "first dividend."
    )
    events = run(text, FRIDAY)
    drivers = _move(events, "META").attributes["drivers"]
    assert len(drivers) == len(set(drivers)) == 1


def _driver_figures(events, move):
    return [
        (events[i].attributes["value"], events[i].attributes["is_estimate"])
        for i in move.attributes["drivers"]
        if events[i].type == "financial_metric"
    ]


def test_the_forecast_a_result_beat_is_not_a_driver():
    text = (
        "Shares of Nvidia rose 9% on Friday after it reported quarterly revenue of "
        "$9.4 billion, above the consensus of $9.2 billion."
    )
    events = run(text, FRIDAY)
    figures = [
        (e.attributes["value"], e.attributes["is_estimate"])
        for e in of_type(events, "financial_metric")
    ]
    assert (9.2e9, True) in figures  # the forecast is read, as an estimate
    assert _driver_figures(events, _move(events, "NVDA")) == [(9.4e9, False)]


def test_the_year_earlier_figure_is_not_a_driver():
    text = (
        "Shares of Nvidia fell 4% on Friday after it reported quarterly earnings of $2.11 a "
        "share, down from $2.50 a share in the year-ago quarter."
    )
    events = run(text, FRIDAY)
    figures = sorted(e.attributes["value"] for e in of_type(events, "financial_metric"))
    assert figures == [2.11, 2.5]
    assert _driver_figures(events, _move(events, "NVDA")) == [(2.11, False)]


def test_reported_results_are_not_the_forecast_told_elsewhere():
    # the loss named as the cause is the results, not the outlook cut told in another paragraph
    text = (
        "Apple lowers its annual revenue forecast.\n\n"
        "Apple shares rose 3.2% on Friday following a smaller-than-expected quarterly loss, "
        "though the company held back its delivery targets."
    )
    events = run(text, FRIDAY)
    assert of_type(events, "guidance")
    move = _move(events, "AAPL")
    assert driver_types(events, move) == ["earnings"]
    assert "smaller-than-expected" in events[move.attributes["drivers"][0]].attributes["summary"]


def test_results_cause_still_takes_the_articles_results():
    # a worry makes no results event of its own: the driver can only be the article's results
    text = (
        "Apple lowers its annual revenue forecast.\n\n"
        "Apple reported a quarterly loss of $2 billion.\n\n"
        "Apple shares fell 3.2% on Friday on worries over the quarterly loss."
    )
    events = run(text, FRIDAY)
    assert driver_types(events, _move(events, "AAPL")) == ["earnings"]


def test_a_sector_in_a_clause_about_the_cause_is_no_second_cause():
    # the sector word tells what the weak results stirred, not a cause of its own
    text = (
        "Nvidia shares climbed 4% on Friday and aided a 3% surge in the chip sector. "
        "Meta shares slid 3% after disappointing results that stirred fresh worries among "
        "investors about the company's exposure to the struggling digital advertising sector."
    )
    events = run(text, FRIDAY)
    assert driver_types(events, _move(events, "META")) == ["earnings"]


def test_a_sector_named_beside_the_results_is_still_a_cause():
    text = "Meta shares slid 3% on Friday after weak results and a selloff in tech stocks."
    events = run(text, FRIDAY)
    assert sorted(driver_types(events, _move(events, "META"))) == ["earnings", "sector"]


def test_a_worry_about_sales_is_no_reported_result():
    # a fall on worries names no results; the forecast in the concessive clause is no cause
    text = (
        "Apple shares fell 2.1% on Friday on concerns over iPhone sales in China, even though "
        "the company forecast quarterly profit above estimates."
    )
    events = run(text, FRIDAY)
    assert driver_types(events, _move(events, "AAPL")) == []
    assert not of_type(events, "earnings")


def test_a_cause_that_names_results_makes_its_event():
    text = "Apple shares fell 2.1% on Friday on weak iPhone sales in China."
    events = run(text, FRIDAY)
    assert driver_types(events, _move(events, "AAPL")) == ["earnings"]


def test_a_concession_without_a_comma_is_no_cause():
    for concession in ("though", "despite the fact that"):
        text = (
            f"Apple shares rose 3% on Friday after strong iPhone sales {concession} the company "
            "cut its annual revenue forecast."
        )
        events = run(text, FRIDAY)
        assert of_type(events, "guidance")
        assert driver_types(events, _move(events, "AAPL")) == ["earnings"]


def test_an_announcement_told_with_its_content_is_no_pointer_to_another_companys_news():
    # "the announcement by the retailer that ..." tells its own news: the retailer's fall is
    # not driven by the results of the chipmaker named in the sentence before.
    text = (
        "Wall Street ended higher on Friday. Nvidia rose 4% after the chipmaker cut its "
        "quarterly loss by half from a year earlier. Meanwhile, GameStop fell 6% "
        "following the announcement by the video game retailer that it would book its first "
        "annual loss in a decade."
    )
    events = run(text, FRIDAY)
    drivers = [events[i] for i in _move(events, "GME").attributes["drivers"]]
    assert [(d.type, d.entity) for d in drivers] == [("earnings", "gamestop")]


def test_the_announcement_alone_still_points_back():
    text = (
        "GameStop posted quarterly results that missed estimates on Friday. Its shares fell 6% "
        "after the announcement."
    )
    events = run(text, FRIDAY)
    drivers = [events[i] for i in _move(events, "GME").attributes["drivers"]]
    assert [(d.type, d.entity) for d in drivers] == [("earnings", "gamestop")]
