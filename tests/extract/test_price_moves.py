import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

TUESDAY = dt.date(2024, 5, 14)


def moves(events: list[Event]) -> list[tuple[str, float, str]]:
    return [
        (e.attributes["listing"], e.attributes["change_pct"], e.attributes["period"])
        for e in events
        if e.type == "price_move"
    ]


def test_two_listings_of_one_company_in_one_sentence():
    events = run(
        "Alibaba's Hong Kong shares climbed 4% on Tuesday while its American depositary "
        "receipts gained 3.5% in New York.",
        TUESDAY,
    )
    assert moves(events) == [("9988.HK", 4.0, "session"), ("BABA", 3.5, "session")]
    assert events[0].date == TUESDAY and events[0].date_text == "on Tuesday"


def test_a_fall_is_negative():
    events = run("Tencent slumped 3.5% in Hong Kong on Monday after weak game sales.", TUESDAY)
    assert moves(events) == [("0700.HK", -3.5, "session")]
    assert events[0].attributes["direction"] == "down"
    assert events[0].date == dt.date(2024, 5, 13)


def test_relative_day_without_publication_date_is_null():
    events = run("Tencent slumped 3.5% in Hong Kong on Monday after weak game sales.")
    assert moves(events) == [("0700.HK", -3.5, "session")]
    assert events[0].date is None


def test_undated_session_move_gets_publication_trading_day_with_lower_confidence():
    dated = run("Shares of Baidu jumped 6% in Hong Kong on Tuesday.", TUESDAY)[0]
    undated = run("Shares of Baidu jumped 6% in Hong Kong.", dt.date(2024, 5, 12))[0]  # a Sunday
    assert undated.date == dt.date(2024, 5, 10) and undated.date_text is None
    assert undated.confidence < dated.confidence


def test_as_much_as_is_intraday():
    events = run("Nissan shares rose as much as 8 percent in Tokyo on Tuesday.", TUESDAY)
    assert moves(events) == [("7201.T", 8.0, "intraday")]
    assert events[0].attributes["approximate"] is False


def test_move_since_a_date():
    events = run(
        "Baidu's Hong Kong-listed stock has rallied 31 percent since hitting a 2024 low on Jan. 22."
    )
    assert moves(events) == [("9888.HK", 31.0, "since")]
    assert events[0].attributes["since"] == "2024-01-22"
    assert events[0].date is None


def test_year_to_date():
    events = run("Meta stock is up 38% so far this year.", TUESDAY)
    assert moves(events) == [("META", 38.0, "year_to_date")]
    assert events[0].date is None


def test_repeated_move_is_one_event():
    text = (
        "Alibaba shares soared 12% in Hong Kong on Tuesday. The 12% surge was the stock's "
        "best day in a year. Analysts said the 12% jump reflected cloud demand."
    )
    events = [e for e in run(text, TUESDAY) if e.type == "price_move"]
    assert len(events) == 1
    assert events[0].date == TUESDAY


def test_relative_move_against_the_other_market_is_not_a_move():
    text = (
        "Alibaba jumped 9% in Hong Kong on Tuesday. That is another 2% rise from its close "
        "in the U.S. market on Monday."
    )
    assert moves(run(text, TUESDAY)) == [("9988.HK", 9.0, "session")]


def test_another_company_in_the_sentence_keeps_its_own_move():
    text = "Alibaba rose 2% in Hong Kong, while Nissan shares rose as much as 6 percent in Tokyo."
    assert moves(run(text)) == [("9988.HK", 2.0, "session"), ("7201.T", 6.0, "intraday")]


def test_respectively_pairs_numbers_and_companies():
    text = "Snap and Pinterest fell 4.1% and 2.2%, respectively, in premarket trading."
    assert moves(run(text, TUESDAY)) == [("SNAP", -4.1, "premarket"), ("PINS", -2.2, "premarket")]


def test_revenue_growth_is_not_a_price_move():
    events = run("Alibaba said revenue rose 8% in the quarter.", TUESDAY)
    assert moves(events) == []
    assert [e.attributes["metric"] for e in events] == ["revenue"]


def test_forecast_is_not_a_move():
    assert moves(run("Analysts expect Alibaba shares to rise 20% over the next year.")) == []


def test_index_move_with_level_and_futures():
    events = run("The Hang Seng Index rose 1.2% to 17,520.44 on Tuesday.", TUESDAY)
    assert events[0].type == "index_move"
    assert events[0].attributes["index"] == "HSI"
    assert events[0].attributes["level"] == 17520.44
    futures = run("S&P 500 futures were up 12 points, or 0.3%, before the bell.", TUESDAY)
    assert futures[0].attributes["instrument"] == "futures"
    assert futures[0].attributes["change_pct"] == 0.3
    assert futures[0].attributes["period"] == "premarket"


def test_evidence_points_into_the_text():
    text = "Markets were quiet.\nTencent gained 1.5% on Tuesday."
    event = run(text, TUESDAY)[0]
    assert text[event.evidence.start : event.evidence.end] == event.evidence.text
    assert event.evidence.text == "Tencent gained 1.5% on Tuesday."


def test_no_text_no_events():
    assert run("   ") == []


def test_an_unrelated_article_appended_to_the_page_gives_no_events():
    """After cleaning, the opening of another article carried below the main one is gone, and
    none of its figures are attributed to the main article's company."""
    from extract_helpers import REFERENCE, link

    from tickerwire.clean import clean_document
    from tickerwire.extract import extract_events
    from tickerwire.records import RawDocument

    page = "\n".join(
        [
            "Alibaba shares climbed 6% in Hong Kong on Tuesday after the group said its cloud "
            "arm would cut prices for business clients.",
            "Alibaba has spent heavily on data centres this year as demand for AI services grows.",
            "Analysts at several brokers said Alibaba could gain market share from smaller rivals.",
            "Alibaba is due to report quarterly results next week.",
            "FACTORY NEWS: Nissan shares rose as much as 4 percent after the carmaker named a new "
            "chief operating officer and said it would review its plants in Europe and the United "
            "States over the coming months while it talks with",
        ]
    )
    clean = clean_document(RawDocument(origin="page", text=page, published=TUESDAY))
    assert "Nissan" not in clean.text
    linked = link(clean.text, TUESDAY)
    events = extract_events(linked, REFERENCE)
    assert moves(events) == [("9988.HK", 6.0, "session")]


def test_a_premarket_report_times_its_other_moves_premarket():
    text = (
        "Meta jumped 9% in premarket trading on Tuesday after its results. "
        "Snap rose 3.2% and Pinterest slipped 1.1%. "
        "Tencent shares gained 2% in Hong Kong."
    )
    found = moves(run(text, TUESDAY))
    assert found == [
        ("META", 9.0, "premarket"),
        ("SNAP", 3.2, "premarket"),
        ("PINS", -1.1, "premarket"),
        ("0700.HK", 2.0, "session"),  # another market keeps its session
    ]


def test_a_hypothetical_move_is_not_a_move():
    assert moves(run("If Tencent shares fell 20%, the index would lose about 2%.", TUESDAY)) == []


def test_a_bounce_is_a_rise():
    assert moves(
        run("Tencent bounced 2.4% in Hong Kong on Monday after a weak week.", TUESDAY)
    ) == [("0700.HK", 2.4, "session")]
    events = run("Apple shares bounced back 1.5% on Monday after a three-day slide.", TUESDAY)
    assert moves(events) == [("AAPL", 1.5, "session")]
    events = run("The Hang Seng Index got a 0.9% bounce on Monday from property stocks.", TUESDAY)
    assert [(e.attributes["index"], e.attributes["change_pct"]) for e in events] == [("HSI", 0.9)]


def test_a_bounced_cheque_is_no_move():
    assert run("Apple said a customer's payment bounced twice before it cut off service.") == []
