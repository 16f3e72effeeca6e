"""Stories and conflicts in a real DuckDB file: kept after each batch, idempotent, queried."""

import datetime as dt
import json

from article_factory import ALIBABA, REPORT, REWRITE, article
from article_factory import move as factory_move

from tickerwire.cli import main
from tickerwire.cluster.stories import NEAR_DUPLICATE_FACTOR, NOVELTY_DECAY
from tickerwire.records import Event, Evidence
from tickerwire.store import DuckDBStore, StoryFilter

FRI, MON = dt.date(2025, 2, 21), dt.date(2025, 9, 1)


def move(listing: str, pct: float, day: dt.date, said: str = "") -> Event:
    """A session move whose evidence is the outlet's own sentence (`said`)."""
    event = factory_move(listing, pct, day)
    if not said:
        return event
    return event.model_copy(update={"evidence": Evidence(start=0, end=len(said), text=said)})


def cloud_growth(pct: float) -> Event:
    sentence = f"Revenue at the cloud unit rose {pct:g}% in the June quarter."
    return Event(
        type="financial_metric",
        entity="alibaba",
        evidence=Evidence(start=0, end=len(sentence), text=sentence),
        confidence=0.8,
        attributes={
            "metric": "revenue",
            "segment": "cloud",
            "change_pct": pct,
            "period": "June quarter",
            "period_end": "2025-06-30",
        },
    )


def _items():
    return [
        article(
            "Alibaba's Hong Kong stock jumped 15% on Friday to a three-year high.",
            published=FRI,
            source="Wire A",
            entities=[ALIBABA],
            events=[move("9988.HK", 15.0, FRI, "jumped 15% on Friday to a three-year high")],
        ),
        article(
            "Shares of Alibaba ended 9.18% higher in Hong Kong, led by AI optimism.",
            published=FRI,
            source="Wire B",
            entities=[ALIBABA],
            events=[move("9988.HK", 9.18, FRI, "ended 9.18% higher in Hong Kong, led by AI")],
        ),
        article(
            "Alibaba rallied 19% in Hong Kong on Monday; cloud revenue grew 26%.",
            published=MON,
            source="Wire C",
            entities=[ALIBABA],
            events=[move("9988.HK", 19.0, MON, "rallied 19% on Monday"), cloud_growth(26.0)],
        ),
        article(
            "Cloud sales up 11% lifted Alibaba, whose stock gained 19% in Hong Kong.",
            published=MON,
            source="Wire D",
            entities=[ALIBABA],
            events=[cloud_growth(11.0), move("9988.HK", 19.0, MON, "stock gained 19%")],
        ),
    ]


def _ingest(db, batches):
    with DuckDBStore(db) as store:
        run = store.start_run(["fixture"], "0.1.0")
        for batch in batches:
            store.write_batch(batch, run)
        store.finish_run(run, "completed")


def _snapshot(db):
    with DuckDBStore(db, read_only=True) as store:
        stories = [s.model_dump(mode="json") for s in store.stories(StoryFilter())]
        conflicts = [c.conflict.model_dump(mode="json") for c in store.conflicts(StoryFilter())]
        counts = store.table_counts()
    return stories, conflicts, (counts["stories"], counts["story_members"], counts["conflicts"])


def test_stories_are_built_across_batches_and_never_mix_days(db_file):
    items = _items()
    # One article per batch: the store extends stories incrementally.
    _ingest(db_file, [[item] for item in items])
    with DuckDBStore(db_file, read_only=True) as store:
        moves = store.stories(StoryFilter(ticker="9988.HK", type="price_move"))
    assert [(s.date, s.articles) for s in moves] == [
        (FRI, [items[0].id, items[1].id]),
        (MON, [items[2].id, items[3].id]),
    ]
    assert moves[0].novelty == {items[0].id: 1.0, items[1].id: NOVELTY_DECAY}
    assert moves[1].consensus_pct == 19.0


def test_one_batch_and_many_batches_give_the_same_stories(tmp_path):
    one, many = tmp_path / "one.duckdb", tmp_path / "many.duckdb"
    _ingest(one, [_items()])
    items = _items()
    # Monday's reports stored before Friday's: the order of publication still decides.
    _ingest(many, [[items[2]], [items[3]], [items[0]], [items[1]]])
    assert _snapshot(one) == _snapshot(many)


def test_ingesting_twice_does_not_duplicate_stories_or_conflicts(db_file):
    _ingest(db_file, [_items()])
    first = _snapshot(db_file)
    _ingest(db_file, [_items()])
    assert _snapshot(db_file) == first
    assert first[2] == (3, 6, 2)  # two moves and one metric story; six members; two conflicts


def test_conflicts_of_both_kinds_are_listed_by_the_command(db_file, capsys):
    _ingest(db_file, [_items()])
    assert main(["conflicts", "--format", "json", "--db", str(db_file)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["kind"], r["day"], [v["value"] for v in r["values"]]) for r in rows] == [
        ("cross_source", "2025-02-21", [15.0, 9.18]),
        ("cross_source", "2025-06-30", [26.0, 11.0]),
    ]
    assert main(["conflicts", "--since", "2025-03-01", "--db", str(db_file)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert len(table) == 3 and "cross_source" in table[2]


def test_in_article_conflicts_are_listed_with_cross_source_ones(db_file, capsys):
    from tickerwire.records import Conflict, ConflictValue

    flagged = article(
        "Alibaba said its cloud arm earned 30 billion yuan ($9 billion) in the quarter.",
        published=MON,
        entities=[ALIBABA],
    )
    flagged = flagged.model_copy(
        update={
            "conflicts": [
                Conflict(
                    entity="alibaba",
                    field="stated_conversion",
                    values=[ConflictValue(article=flagged.id, value=9e9, evidence="($9 billion)")],
                    why="implies 3.3 CNY per USD",
                )
            ]
        }
    )
    _ingest(db_file, [[*_items(), flagged]])
    assert main(["conflicts", "--ticker", "BABA", "--format", "csv", "--db", str(db_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [line.split(",")[0] for line in lines[1:]] == ["cross_source", "in_article"]
    assert main(["conflicts", "--ticker", "0700.HK", "--db", str(db_file)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2  # heading and rule only


def test_a_near_duplicate_report_gets_lower_novelty(db_file):
    day = dt.date(2025, 3, 4)
    items = [
        article(REPORT, published=day, source="Wire A", events=[move("LINDQ.ST", 3.4, day)]),
        article(REWRITE, published=day, source="Wire B", events=[move("LINDQ.ST", 3.4, day)]),
    ]
    _ingest(db_file, [items])
    with DuckDBStore(db_file, read_only=True) as store:
        assert store.duplicate_group(items[1].id) == items[0].id
        (story,) = store.stories(StoryFilter(ticker="LINDQ.ST"))
    assert story.novelty[items[1].id] == NOVELTY_DECAY * NEAR_DUPLICATE_FACTOR


def test_stories_command_filters_and_prints_three_formats(db_file, capsys):
    _ingest(db_file, [_items()])
    assert main(["stories", "--ticker", "9988.HK", "--format", "json", "--db", str(db_file)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    # The metric story counts for the company's listings; the moves for their own line.
    assert [(r["type"], r["date"]) for r in rows] == [
        ("price_move", "2025-02-21"),
        ("financial_metric", "2025-06-30"),
        ("price_move", "2025-09-01"),
    ]
    assert main(["stories", "--until", "2025-02-28", "--format", "csv", "--db", str(db_file)]) == 0
    csv_lines = capsys.readouterr().out.splitlines()
    assert csv_lines[0].startswith("id,type,entity,listing,date") and len(csv_lines) == 2
    assert main(["stories", "--type", "price_move", "--db", str(db_file)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:3] == ["day", "type", "subject"]
    assert "+15% / +9.18%" in table[2]
    assert main(["timeline", "9988.HK", "--format", "json", "--db", str(db_file)]) == 0
    days = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(d["date"], d["stories"]) for d in days if d["stories"]] == [
        ("2025-02-21", 1),
        ("2025-09-01", 1),
    ]
