"""`events` and `timeline`: filters, grouping by day, and the three output formats."""

import csv
import datetime as dt
import io
import json

import pytest
from article_factory import ALIBABA, TENCENT, article, metric, move

from tickerwire.cli import main
from tickerwire.store import DuckDBStore, EventFilter

MON, TUE, FRI = dt.date(2025, 9, 1), dt.date(2025, 9, 2), dt.date(2025, 2, 21)


@pytest.fixture
def corpus(db_file):
    items = [
        article(
            "Alibaba's Hong Kong shares jumped 19% on Monday.",
            url="https://a.test/1",
            published=MON,
            source="Wire A",
            entities=[ALIBABA],
            events=[move("9988.HK", 19.0, MON)],
        ),
        article(
            "Alibaba's US-listed shares rose 13% overnight; cloud revenue hit 33.4 billion yuan.",
            published=TUE,
            source="Wire B",
            entities=[ALIBABA],
            events=[move("BABA", 13.0, MON), metric("alibaba", 33.4e9)],
        ),
        article(
            "Tencent fell 2.5% in Hong Kong trading.",
            published=FRI,
            source="Wire C",
            entities=[TENCENT],
            # No date in the text: the event counts on the publication day.
            events=[move("0700.HK", -2.5, None, entity="tencent")],
        ),
    ]
    with DuckDBStore(db_file) as store:
        run = store.start_run(["fixture"], "0.1.0")
        store.write_batch(items, run)
        store.finish_run(run, "completed")
    return db_file


def _query(db, **filters):
    with DuckDBStore(db, read_only=True) as store:
        return [(e.event.type, e.listing, e.day) for e in store.events(EventFilter(**filters))]


def test_ticker_finds_the_line_that_moved_and_the_company_facts(corpus):
    # A move is the moving line's only; the revenue figure is the company's, so both lines'.
    assert _query(corpus, ticker="9988.hk") == [
        ("price_move", "9988.HK", MON),
        ("financial_metric", None, TUE),
    ]
    assert _query(corpus, ticker="BABA") == [
        ("price_move", "BABA", MON),
        ("financial_metric", None, TUE),
    ]
    assert _query(corpus, ticker="AAPL") == []


def test_type_entity_dates_and_limit_filter_events(corpus):
    assert [t for t, _, _ in _query(corpus)] == [
        "price_move",
        "price_move",
        "price_move",
        "financial_metric",
    ]
    assert _query(corpus, type="financial_metric") == [("financial_metric", None, TUE)]
    assert _query(corpus, entity="tencent") == [("price_move", "0700.HK", FRI)]
    assert _query(corpus, since=MON, until=MON) == [
        ("price_move", "9988.HK", MON),
        ("price_move", "BABA", MON),
    ]
    assert _query(corpus, since=TUE) == [("financial_metric", None, TUE)]
    assert len(_query(corpus, limit=2)) == 2


def test_timeline_groups_a_listings_events_by_day_with_story_counts(corpus):
    with DuckDBStore(corpus, read_only=True) as store:
        days = store.timeline("9988.HK")
        baba = store.timeline("BABA", since=TUE)
    # The Monday move is a story of its own (stored by the ingest); a metric story has no listing.
    assert [(d.date, len(d.events), d.articles, d.stories) for d in days] == [
        (MON, 1, 1, 1),
        (TUE, 1, 1, 0),
    ]
    assert [(d.date, d.type_counts) for d in baba] == [(TUE, {"financial_metric": 1})]


def test_events_command_prints_json_lines_csv_and_a_table(corpus, capsys):
    assert main(["events", "--ticker", "BABA", "--format", "json", "--db", str(corpus)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["type"], r["day"], r["source"]) for r in records] == [
        ("price_move", "2025-09-01", "Wire B"),
        ("financial_metric", "2025-09-02", "Wire B"),
    ]
    assert records[0]["attributes"]["change_pct"] == 13.0
    assert records[0]["evidence"]["text"].startswith("The BABA shares moved +13%")

    assert main(["events", "--format", "csv", "--type", "price_move", "--db", str(corpus)]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [(r["listing"], r["day"]) for r in rows] == [
        ("0700.HK", "2025-02-21"),
        ("9988.HK", "2025-09-01"),
        ("BABA", "2025-09-01"),
    ]
    assert json.loads(rows[1]["attributes"])["listing"] == "9988.HK"

    assert main(["events", "--db", str(corpus)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["day", "ticker", "type", "what", "conf", "source", "article"]
    assert "up +19% (session)" in table[3] and "Wire A" in table[3]


def test_timeline_command_prints_one_line_per_day(corpus, capsys):
    assert main(["timeline", "BABA", "--db", str(corpus)]) == 0
    lines = capsys.readouterr().out.splitlines()
    # The BABA move is a (one-report) story of its own.
    assert lines[2].split()[:4] == ["2025-09-01", "1", "1", "1"]
    assert "price_move +13%" in lines[2]
    assert lines[3].startswith("2025-09-02")
    assert main(["timeline", "9988.HK", "--format", "json", "--db", str(corpus)]) == 0
    days = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["date"], d["stories"], d["types"]) for d in days] == [
        ("2025-09-01", 1, {"price_move": 1}),
        ("2025-09-02", 0, {"financial_metric": 1}),
    ]
    assert days[0]["detail"][0]["listing"] == "9988.HK"


def test_query_without_a_database_fails_with_a_message(tmp_path, capsys):
    assert main(["events", "--db", str(tmp_path / "none.duckdb")]) == 1
    assert "no database" in capsys.readouterr().err
