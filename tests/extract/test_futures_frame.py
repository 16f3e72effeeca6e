"""A report that opens on Wall Street's index futures (or on where it is set to open) and is
stamped before New York's opening bell is a pre-market report: its stock moves told without
period words are pre-market moves of the publication day. Both the lead and the early stamp
are needed; a move told with its own day or period keeps it."""

from __future__ import annotations

import datetime as dt

import pytest
from published_files import from_sidecar, move_dates

from tickerwire.records import RawDocument

THURSDAY = dt.date(2024, 2, 1)

FUTURES_LEAD = (
    "U.S. stock index futures edged up on Thursday as traders waited for big technology "
    "results. Merck shares climbed 2.4% after its quarterly profit beat forecasts. "
    "Qualcomm fell 1.8% on worries about handset demand in China."
)
OPEN_LEAD = (
    "Wall Street's main indexes looked set for a firmer open on Thursday after a rough Wednesday. "
    "Merck shares climbed 2.4% after its quarterly profit beat forecasts."
)


@pytest.mark.parametrize("text", [FUTURES_LEAD, OPEN_LEAD])
def test_moves_of_a_futures_report_stamped_before_the_open_are_premarket(pipeline, tmp_path, text):
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-01T07:40-05:00")
    dates = move_dates(article)
    assert dates and all(period == "premarket" and day == THURSDAY for _, period, day in dates)
    assert ("MRK", "premarket", THURSDAY) in dates


@pytest.mark.parametrize(
    "published",
    [
        "2024-02-01T11:15-05:00",  # during the session: the moves may be the session's
        "2024-02-01",  # no time of day: the stamp does not say before the open
        "2024-02-03T08:00-05:00",  # a Saturday: no open that morning
    ],
)
def test_the_same_report_without_an_early_stamp_keeps_its_session_moves(
    pipeline, tmp_path, published
):
    article = from_sidecar(pipeline, tmp_path, FUTURES_LEAD, published)
    assert {period for _, period, _ in move_dates(article)} == {"session"}


def test_an_early_report_without_a_futures_lead_keeps_its_session_moves(pipeline, tmp_path):
    text = (
        "Investors weighed a busy week of company results on Thursday. "
        "Merck shares climbed 2.4% after its quarterly profit beat forecasts."
    )
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-01T07:40-05:00")
    assert [period for _, period, _ in move_dates(article)] == ["session"]


def test_a_move_with_its_own_day_keeps_its_session(pipeline, tmp_path):
    text = (
        "U.S. stock index futures edged up on Thursday as traders waited for big technology "
        "results. Qualcomm fell 1.8% on Wednesday on worries about handset demand in China."
    )
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-01T07:40-05:00")
    assert move_dates(article) == [("QCOM", "session", dt.date(2024, 1, 31))]


RANKED_REPORT = (
    "Stock index futures pointed higher on Thursday morning. "
    "Boeing shares climbed 5.3% and were the top percentage gainer on the Dow after a narrower "
    "loss. Macy's shares rose 1.2% in pre-market trading after a broker upgrade."
)


def test_a_move_ranked_on_an_index_is_a_sessions_even_in_a_premarket_report(pipeline, tmp_path):
    # an index ranks its members by the regular session: Boeing's 5.3% is the session before
    # (the report does not name its day, and stamped before the open it is not Thursday's)
    article = from_sidecar(pipeline, tmp_path, RANKED_REPORT, "2024-02-01T07:40-05:00")
    dates = move_dates(article)
    assert ("BA", "session", None) in dates
    assert ("M", "premarket", THURSDAY) in dates


def test_a_lead_on_another_markets_futures_keeps_session_moves(pipeline, tmp_path):
    # futures of European shares say nothing of New York's coming open
    text = (
        "European stock futures pointed higher on Thursday ahead of a run of bank results. "
        "Merck shares climbed 2.4% after its quarterly profit beat forecasts."
    )
    article = from_sidecar(pipeline, tmp_path, text, "2024-02-01T07:40-05:00")
    assert [period for _, period, _ in move_dates(article)] == ["session"]


@pytest.mark.parametrize(
    ("text", "index"),
    [
        ("March futures on the S&P/TSX index were up 0.4% at 7:10 a.m. ET on Thursday.", "GSPTSE"),
        ("June futures on the Nasdaq 100 fell 0.6% early on Thursday ahead of the data.", "NDX"),
    ],
)
def test_a_contract_month_before_futures_makes_a_futures_move(pipeline, text, index):
    article = pipeline.process(RawDocument("test", text=text, published=THURSDAY))
    moves = [e.attributes for e in article.events if e.type == "index_move"]
    assert [(m["index"], m["instrument"]) for m in moves] == [(index, "futures")]


def test_a_month_before_an_index_without_futures_stays_the_index(pipeline):
    text = "In March the Nasdaq 100 fell 4.1%, its worst month since December."
    article = pipeline.process(RawDocument("test", text=text, published=THURSDAY))
    assert all(
        e.attributes["instrument"] == "index" for e in article.events if e.type == "index_move"
    )
