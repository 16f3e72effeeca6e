"""The incremental story refresh rebuilds only what a batch touches, and gives what a full
rebuild gives, whatever the batches and their order."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from article_factory import REPORT, article, drop_story_key_columns, figure, move

from tickerwire.cluster.stories import Report
from tickerwire.records import Article, Entity, Event
from tickerwire.store import DuckDBStore
from tickerwire.store.duckdb_market import InferredDate, store_inferred_date
from tickerwire.store.duckdb_schema import LATEST_VERSION, schema_version
from tickerwire.store.stored_reports import new_report_keys, stored_report_keys
from tickerwire.store.story_refresh import rebuild_all_stories

NORD = Entity(
    id="nordkap", name="Nordkap Shipping ASA", type="company", tickers=["NKS.OL"], mentions=2
)
# A second long report, so that its rewrites form a near-duplicate group of their own.
FERRY_REPORT = (
    "Nordkap Shipping said on Thursday it would order six battery-hybrid ferries from a yard in "
    "western Norway, its largest order in a decade, as coastal routes face stricter emission "
    "rules from 2026. The company did not give a price, but analysts at a Bergen broker put the "
    "value near four billion crowns. Chief executive Ingrid Solberg told a news conference that "
    "the first vessels should enter service on the Lofoten routes within three years, and that "
    "the older diesel ships would be sold to operators outside Europe. Freight volumes on its "
    "cargo lines were flat over the summer, the company added."
)
_VOCABULARY = (
    "harbour tanker freight crane quay route cargo vessel charter fleet bunker tonnage pilot "
    "dock berth hull keel ballast deck cabin galley anchor rudder mast sail stern bow port "
    "starboard wake swell tide current channel strait fjord island coast beacon lighthouse "
    "buoy chart compass sextant radar sonar winch hawser bollard gangway hatch hold container "
    "pallet forklift terminal depot customs manifest invoice ledger tariff levy duty toll fee"
)
DAYS = [dt.date(2025, 3, d) for d in (3, 4, 5, 6, 7, 10, 11, 24, 25)]


def _salad(rng: random.Random) -> str:
    words = _VOCABULARY.split()
    return " ".join(rng.choice(words) for _ in range(60)) + "."


def _metric(pct: float, period: str | None, period_end: str | None, confidence: float) -> Event:
    sentence = f"Freight revenue rose {pct:g}% in the period."
    attributes: dict[str, object] = {"metric": "revenue", "segment": "freight", "change_pct": pct}
    if period:
        attributes["period"] = period
    if period_end:
        attributes["period_end"] = period_end
    return figure("nordkap", sentence, confidence, **attributes)


def corpus(seed: int = 7) -> list[Article]:
    """Reports of one company over a few weeks: dated and undated session moves (some in
    near-duplicate texts of dated ones), metric figures with and without a period end, and
    articles without a publication date."""
    rng = random.Random(seed)
    items: list[Article] = []
    for i in range(48):
        kind = i % 6
        day = DAYS[rng.randrange(len(DAYS))]
        published: dt.date | None = day if i % 11 else None
        pct = rng.choice([2.0, 2.04, 2.5, 3.1, 4.0])
        if kind in (0, 1):
            base = REPORT if kind == 0 else FERRY_REPORT
            text = f"{base} Desk note {i}."
            # Undated moves in copies of a report tie together the days its dated moves are on.
            date = None if i % 4 == 1 else day
            events = [move("NKS.OL", pct, date, entity="nordkap")]
        elif kind == 2:
            text = _salad(rng)
            events = [move("NKS.OL", pct, day, entity="nordkap"), move("NKS.OL", -pct, day)]
        elif kind == 3:
            text = _salad(rng)
            # A fiscal quarter ended 20 November: its results window ends on 5 March, so the
            # reports of later days make a second story of the same figure.
            events = [_metric(pct, "second quarter", "2024-11-20", 0.8)]
        else:
            text = _salad(rng)
            period = rng.choice(["second quarter", "first quarter", None, "fiscal 2025"])
            events = [_metric(pct, period, None, rng.choice([0.7, 0.8]))]
            if kind == 5:
                events.append(_metric(pct + 1, None, None, 0.75))
        items.append(
            article(
                text,
                url=f"https://news.example/{i}",
                published=published,
                source=f"Outlet {i % 5}",
                entities=[NORD],
                events=events,
            )
        )
    return items


def _snapshot(store: DuckDBStore) -> dict[str, list[tuple[object, ...]]]:
    con = store.connection
    return {
        "stories": con.execute(
            "SELECT id, type, entity, listing, date, first_seen, first_article, consensus_pct, "
            "period, metric, segment, tickers FROM stories ORDER BY id"
        ).fetchall(),
        "members": con.execute(
            "SELECT * FROM story_members ORDER BY story_id, rank, article_id"
        ).fetchall(),
        "conflicts": con.execute(
            "SELECT id, story_id, entity, field, value_list, why FROM conflicts "
            "WHERE story_id IS NOT NULL ORDER BY id"
        ).fetchall(),
    }


def _ingest(db: Path, items: list[Article], batch_size: int) -> DuckDBStore:
    store = DuckDBStore(db)
    run = store.start_run(["fixture"], "0.1.0")
    for start in range(0, len(items), batch_size):
        store.write_batch(items[start : start + batch_size], run)
    store.finish_run(run, "completed")
    return store


def _orders() -> list[object]:
    items = corpus()
    shuffled = list(items)
    random.Random(3).shuffle(shuffled)
    by_day = sorted(items, key=lambda a: (a.published or dt.date.max, a.id))
    return [
        pytest.param(items, 5, id="as written, batches of 5"),
        pytest.param(items[::-1], 7, id="reversed, batches of 7"),
        pytest.param(shuffled, 4, id="shuffled, batches of 4"),
        pytest.param(by_day, 6, id="by publication day, batches of 6"),
        pytest.param(shuffled[::-1], 1, id="one at a time"),
    ]


@pytest.mark.parametrize(("items", "batch_size"), _orders())
def test_incremental_refresh_equals_a_full_rebuild(tmp_path, items, batch_size):
    with _ingest(tmp_path / "corpus.duckdb", items, batch_size) as store:
        incremental = _snapshot(store)
        rebuilt_count = rebuild_all_stories(store.connection, run_id=0)
        rebuilt = _snapshot(store)
    assert rebuilt_count == len(rebuilt["stories"]) > 0
    assert incremental == rebuilt


def test_the_fixture_exercises_every_kind_of_window(tmp_path):
    with _ingest(tmp_path / "corpus.duckdb", corpus(), 8) as store:
        con = store.connection
        undated_members = con.execute(
            """SELECT count(*) FROM story_members AS m
               JOIN events AS e ON e.article_id = m.article_id AND e.position = m.event_position
               WHERE e.type = 'price_move' AND e.date IS NULL"""
        ).fetchone()
        kinds = dict(
            con.execute(
                """SELECT CASE WHEN type = 'price_move' THEN 'move'
                               WHEN date IS NULL THEN 'open' ELSE 'closed' END, count(*)
                   FROM stories GROUP BY 1"""
            ).fetchall()
        )
        open_sizes = con.execute(
            """SELECT max(n) FROM (SELECT count(*) AS n FROM story_members AS m
               JOIN stories AS s ON s.id = m.story_id WHERE s.date IS NULL GROUP BY m.story_id)"""
        ).fetchone()
    assert undated_members is not None and undated_members[0] > 0  # joined by duplicate text
    assert kinds.get("move", 0) > 3 and kinds.get("closed") == 2 and kinds.get("open", 0) > 1
    assert open_sizes is not None and open_sizes[0] > 1


def test_a_batch_rebuilds_only_the_stories_of_its_days(tmp_path):
    monday, friday = dt.date(2025, 3, 3), dt.date(2025, 3, 28)
    first = [
        article(
            _salad(random.Random(i)),
            published=monday,
            entities=[NORD],
            events=[move("NKS.OL", 2.0 + i / 10, monday, entity="nordkap")],
        )
        for i in range(3)
    ]
    later = [
        article(
            _salad(random.Random(10 + i)),
            published=friday,
            entities=[NORD],
            events=[move("NKS.OL", -1.5, friday, entity="nordkap")],
        )
        for i in range(2)
    ]
    with DuckDBStore(tmp_path / "corpus.duckdb") as store:
        run = store.start_run(["monday"], "0.1.0")
        store.write_batch(first, run)
        store.finish_run(run, "completed")
        second = store.start_run(["friday"], "0.1.0")
        store.write_batch(later, second)
        store.finish_run(second, "completed")
        updated = dict(store.connection.execute("SELECT date, updated_run FROM stories").fetchall())
    assert updated == {monday: run.id, friday: second.id}


def test_a_late_report_of_a_closed_period_leaves_the_results_story_alone(tmp_path):
    results_day, year_on = dt.date(2025, 2, 6), dt.date(2026, 2, 5)

    def reports(day: dt.date, count: int, seed: int) -> list[Article]:
        return [
            article(
                _salad(random.Random(seed + i)),
                published=day,
                entities=[NORD],
                events=[_metric(4.0 + i, "fourth quarter", "2024-12-31", 0.8)],
            )
            for i in range(count)
        ]

    with DuckDBStore(tmp_path / "corpus.duckdb") as store:
        run = store.start_run(["results"], "0.1.0")
        store.write_batch(reports(results_day, 3, seed=40), run)
        store.finish_run(run, "completed")
        later = store.start_run(["a year on"], "0.1.0")
        store.write_batch(reports(year_on, 2, seed=50), later)
        store.finish_run(later, "completed")
        stories = store.connection.execute(
            """SELECT s.first_seen, s.updated_run, count(*) FROM stories AS s
               JOIN story_members AS m ON m.story_id = s.id
               GROUP BY ALL ORDER BY s.first_seen"""
        ).fetchall()
    assert stories == [(results_day, run.id, 3), (year_on, later.id, 2)]


def test_a_database_from_before_story_reports_is_regrouped_then_refreshed(tmp_path):
    db = tmp_path / "corpus.duckdb"
    items = corpus(seed=11)
    with _ingest(db, items[:30], 6) as store:
        # As schema version 5 left it: stories, but not the reports of open-period groups.
        store.connection.execute("DROP TABLE story_reports")
        store.connection.execute("DELETE FROM schema_version WHERE version >= 6")
        drop_story_key_columns(store.connection)
    with _ingest(db, items[30:], 5) as store:
        assert schema_version(store.connection) == LATEST_VERSION
        grouped = store.connection.execute("SELECT count(*) FROM story_reports").fetchone()
        incremental = _snapshot(store)
        rebuild_all_stories(store.connection, run_id=0)
        assert _snapshot(store) == incremental
    assert grouped is not None and grouped[0] > 0


def _key_tuple(report: Report) -> tuple[object, ...]:
    event = report.event
    return (
        report.article,
        report.position,
        event.type,
        event.entity,
        event.date,
        sorted(event.attributes.items()),
        report.published,
        report.order,
        report.duplicate_group,
    )


def test_a_batch_gives_the_report_keys_the_database_holds_for_it(tmp_path):
    items = corpus(seed=5)
    with _ingest(tmp_path / "corpus.duckdb", items, 9) as store:
        con = store.connection
        stored = dict(con.execute("SELECT id, seq FROM articles").fetchall())
        groups = {a.id: store.duplicate_group(a.id) or a.id for a in items}
        from_records = new_report_keys(
            items, [stored[a.id] for a in items], [groups[a.id] for a in items]
        )
        from_database = stored_report_keys(con, [a.id for a in items])
    assert len(from_records) > 40
    assert sorted(map(_key_tuple, from_records), key=repr) == sorted(
        map(_key_tuple, from_database), key=repr
    )


def test_a_market_dated_article_moves_its_reports_and_the_refresh_follows(tmp_path):
    items = corpus(seed=5)
    undated = next(a for a in items if a.published is None and a.events)
    with _ingest(tmp_path / "corpus.duckdb", items, 8) as store:
        con = store.connection
        day = DAYS[2]
        store_inferred_date(con, InferredDate(undated.id, 0, "NKS.OL", day, 0.6, "close fits"))
        published = con.execute(
            "SELECT DISTINCT published FROM events WHERE article_id = ?", [undated.id]
        ).fetchall()
        incremental = _snapshot(store)
        rebuild_all_stories(con, run_id=0)
        assert _snapshot(store) == incremental
    assert published == [(day,)]
