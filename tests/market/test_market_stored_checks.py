"""Prices in the store, `tickerwire verify`, market dating of stored articles, `explain`."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tickerwire.cli import main
from tickerwire.market.calendars import trading_calendars
from tickerwire.market.explanation import (
    DayArticle,
    explain_move,
    rank_drivers,
    render_explanation,
)
from tickerwire.market.price_files import parse_price_csv
from tickerwire.market.provider import FilePriceProvider
from tickerwire.market.stored_claims import ArticleEvents, check_event, date_article_by_market
from tickerwire.pipeline import article_id
from tickerwire.records import Article, Entity, Event, Evidence, Verification
from tickerwire.store import DuckDBStore
from tickerwire.store.duckdb_market import StoredPriceProvider, load_price_tables

# A made-up Hong Kong listing over six sessions of March 2025: +1.00% on the 4th, +11.88% on the
# 5th, and the index beside it (+0.50% on the 5th).
STOCK_CSV = """Date,Open,High,Low,Close,Adj Close,Volume
2025-03-03,99,101,98,100,100,1000
2025-03-04,100,102,99,101,101,1000
2025-03-05,102,114,101,113,113,3000
2025-03-06,113,114,110,112,112,1500
2025-03-07,112,114,111,113.5,113.5,1200
2025-03-10,113,113,109,110,110,900
"""
INDEX_CSV = "date,close\n2025-03-03,20000\n2025-03-04,20100\n2025-03-05,20200.5\n"
# The same listing from another vendor, in another adjustment base (half the level), with one
# more session: +11.90% on the 11th, a second day that fits "+12%".
OTHER_BASE_CSV = "Date,Close\n2025-03-07,56.75\n2025-03-10,55\n2025-03-11,61.545\n"


def sentence_event(kind: str, text: str, **attributes: object) -> Event:
    return Event(
        type=kind,  # type: ignore[arg-type]
        entity="harbourtech",
        evidence=Evidence(start=0, end=len(text), text=text),
        confidence=0.8,
        attributes=dict(attributes),
    )


def move(pct: float, day: dt.date | None, drivers: list[int] | None = None) -> Event:
    text = f"Harbour Tech shares moved {pct:+g}% in the session."
    return Event(
        type="price_move",
        entity="harbourtech",
        date=day,
        evidence=Evidence(start=0, end=len(text), text=text),
        confidence=0.8,
        attributes={
            "listing": "9999.HK",
            "direction": "up" if pct > 0 else "down",
            "change_pct": pct,
            "period": "session",
            "drivers": drivers or [],
        },
    )


def make_article(text: str, events: list[Event], published: dt.date | None) -> Article:
    return Article(
        id=article_id(text),
        source="Example Wire",
        published=published,
        published_basis="metadata" if published else None,
        text=text,
        events=events,
        pipeline_version="0.1.0",
    )


def store_articles(db: Path, articles: list[Article]) -> None:
    with DuckDBStore(db) as store:
        run = store.start_run(["fixture"], "0.1.0")
        store.write_batch(articles, run)
        store.finish_run(run, "completed")


@pytest.fixture
def price_files(tmp_path: Path) -> dict[str, Path]:
    files = {"stock": tmp_path / "9999.HK.csv", "index": tmp_path / "hsi_close.csv"}
    files["stock"].write_text(STOCK_CSV, encoding="utf-8")
    files["index"].write_text(INDEX_CSV, encoding="utf-8")
    return files


def load(db: Path, files: dict[str, Path]) -> None:
    assert main(["prices", "load", str(files["stock"]), "--db", str(db)]) == 0
    assert main(["prices", "load", str(files["index"]), "--ticker", "HSI", "--db", str(db)]) == 0


def test_prices_load_stores_files_apart_and_reloading_replaces(tmp_path, price_files):
    db = tmp_path / "t.duckdb"
    load(db, price_files)
    load(db, price_files)  # the same files again: their rows are replaced, not doubled
    other = tmp_path / "other_vendor.csv"
    other.write_text(OTHER_BASE_CSV, encoding="utf-8")
    assert main(["prices", "load", str(other), "--ticker", "9999.hk", "--db", str(db)]) == 0
    with DuckDBStore(db, read_only=True) as store:
        counts = store.table_counts()
        assert counts["prices"] == 6 + 3 + 3 and counts["price_files"] == 3
        tables = load_price_tables(store.connection, ["9999.HK"])
        assert sorted(len(t.bars) for t in tables) == [3, 6]
        series = StoredPriceProvider(store.connection).series("9999.hk")
        assert series is not None
        # Levels come from one file; the return to the 11th is chained across the seam.
        assert series.bar(dt.date(2025, 3, 10)).close == 110  # type: ignore[union-attr]
        ratio = series.close_ratio(dt.date(2025, 3, 5), dt.date(2025, 3, 11))
        assert ratio == pytest.approx((110 / 113) * (61.545 / 55))


def test_verify_gives_each_verdict_and_stores_it(tmp_path, price_files, capsys):
    db = tmp_path / "t.duckdb"
    load(db, price_files)
    right = make_article("Harbour Tech jumped.", [move(12, dt.date(2025, 3, 5))], None)
    wrong = make_article("Harbour Tech soared.", [move(9, dt.date(2025, 3, 5))], None)
    no_prices = make_article("Harbour Tech later.", [move(3, dt.date(2025, 4, 2))], None)
    store_articles(db, [right, wrong, no_prices])
    capsys.readouterr()
    assert main(["verify", "--db", str(db), "--format", "json"]) == 0
    rows = {r["article"]: r for r in map(json.loads, capsys.readouterr().out.splitlines())}
    assert rows[right.id]["verdict"] == "consistent"
    assert rows[right.id]["actual_pct"] == pytest.approx(100 * (113 / 101 - 1))
    # Abnormal: minus the index's change that day.
    assert rows[right.id]["abnormal_pct"] == pytest.approx(100 * (113 / 101 - 20200.5 / 20100))
    assert rows[wrong.id]["verdict"] == "inconsistent"
    assert rows[no_prices.id]["verdict"] == "unverifiable"
    assert "2025-04-02" in rows[no_prices.id]["why"] or "no price" in rows[no_prices.id]["why"]
    with DuckDBStore(db, read_only=True) as store:
        assert store.table_counts()["verifications"] == 3


def test_market_dating_picks_the_one_fitting_day_and_abstains_on_two():
    calendars = trading_calendars()
    stock = parse_price_csv(STOCK_CSV, source="a", ticker="9999.HK")
    prices = FilePriceProvider([stock])
    undated = ArticleEvents("a1", None, [move(12, None)])
    found = date_article_by_market(undated, prices, calendars)
    assert found is not None and found[1].date == dt.date(2025, 3, 5)
    assert found[1].confidence > 0 and "2025-03-05" in found[1].evidence
    other = parse_price_csv(OTHER_BASE_CSV, source="b", ticker="9999.HK")
    both = FilePriceProvider([stock, other])
    found = date_article_by_market(undated, both, calendars)
    assert found is not None and found[1].date is None
    assert "2025-03-05" in found[1].evidence and "2025-03-11" in found[1].evidence


def test_verify_dates_an_undated_article_that_explain_then_finds(tmp_path, price_files, capsys):
    db = tmp_path / "t.duckdb"
    load(db, price_files)
    cause = sentence_event("product_launch", "Harbour Tech unveiled a new chip.", summary="chip")
    undated = make_article("Harbour Tech jumped on its chip.", [cause, move(12, None, [0])], None)
    store_articles(db, [undated])
    assert main(["verify", "--db", str(db)]) == 0
    with DuckDBStore(db, read_only=True) as store:
        stored = store.article(undated.id)
        assert stored is not None
        assert stored.published == dt.date(2025, 3, 5) and stored.published_basis == "inferred"
    capsys.readouterr()
    assert main(["explain", "9999.HK", "2025-03-05", "--db", str(db), "--format", "json"]) == 0
    explanation = json.loads(capsys.readouterr().out)
    assert [d["category"] for d in explanation["drivers"]] == ["product_launch"]
    assert explanation["move"]["abnormal_pct"] is not None
    assert explanation["verifications"][0]["verdict"] == "consistent"
    assert explanation["source_details"] == [
        {
            "article": undated.id,
            "source": "Example Wire",
            "url": None,
            "title": None,
            "published": "2025-03-05",  # as verify dated it
            "published_at": None,
        }
    ]


def _day_article(text: str, group: str, causes: list[Event]) -> DayArticle:
    events = [*causes, move(12, None, list(range(len(causes))))]
    return DayArticle(make_article(text, events, None), group, (len(causes),))


def test_drivers_rank_by_independent_sources():
    results = sentence_event("financial_metric", "Cloud revenue rose 20%.", metric="revenue")
    chip = sentence_event("product_launch", "It showed a chip.", summary="chip")
    policy = sentence_event("regulation", "A rule eased.", summary="rule")
    articles = [
        # The regulation cause is told by two rewrites of one report: one independent source.
        _day_article("first report", "g1", [policy, chip]),
        _day_article("first report, rewritten", "g1", [policy]),
        _day_article("second outlet", "g2", [results, chip]),
        _day_article("third outlet", "g3", [results]),
    ]
    drivers = rank_drivers(articles)
    assert [d.category for d in drivers] == ["earnings", "product_launch", "regulation"]
    assert [d.weight for d in drivers] == [2, 2, 1]
    assert len(drivers[2].sources) == 2


def test_an_undated_move_in_a_dated_article_is_the_latest_or_previous_session():
    calendars = trading_calendars()
    prices = FilePriceProvider([parse_price_csv(STOCK_CSV, source="a", ticker="9999.HK")])
    # Published on Thursday the 6th: +12% was Wednesday's close (the previous session).
    thursday = ArticleEvents("a1", dt.date(2025, 3, 6), [move(12, None)])
    check = check_event(thursday, 0, prices, calendars)
    assert check is not None and check.record.verdict == "consistent"
    assert check.record.date == dt.date(2025, 3, 5) and "previous XHKG session" in check.record.why
    # Published on Sunday the 9th: the latest session is Friday the 7th (+1.34%); +12% is neither
    # Friday's nor Thursday's move, and the verdict is Friday's.
    sunday = ArticleEvents("a2", dt.date(2025, 3, 9), [move(12, None)])
    check = check_event(sunday, 0, prices, calendars)
    assert check is not None and check.record.verdict == "inconsistent"
    assert check.record.date == dt.date(2025, 3, 7)


def test_explain_text_names_drivers_verdicts_and_unknown_prices():
    chip = sentence_event("product_launch", "It showed a chip.", summary="a new chip")
    item = _day_article("only outlet", "g1", [chip])
    verdict = Verification(
        article=item.article.id,
        listing="9999.HK",
        date=dt.date(2025, 3, 5),
        claimed_pct=12,
        actual_pct=11.9,
        abnormal_pct=None,
        verdict="consistent",
        why="fits",
    )
    text = render_explanation(explain_move("9999.HK", dt.date(2025, 3, 5), [item], [verdict]))
    assert "1. product_launch: a new chip" in text
    assert "actual:   +11.90%" in text and "abnormal: unknown (no market index" in text
    assert "consistent:" in text and "none found" in text


def test_explain_cites_each_source_with_its_outlet_address_and_moment():
    chip = sentence_event("product_launch", "It showed a chip.", summary="a new chip")
    item = _day_article("wire copy", "g1", [chip])
    morning = dt.datetime(2025, 3, 5, 7, 5, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    cited = item.article.model_copy(
        update={"url": "https://example.com/a", "title": "Chip lifts Harbour"}
        | {"published_at": morning}
    )
    plain = _day_article("second copy", "g2", [chip])
    explanation = explain_move(
        "9999.HK",
        dt.date(2025, 3, 5),
        [DayArticle(cited, "g1", item.move_positions), plain],
        [],
    )
    shown = explanation.model_dump(mode="json")
    assert [s["article"] for s in shown["source_details"]] == shown["sources"]
    assert shown["source_details"][0] == {
        "article": cited.id,
        "source": "Example Wire",
        "url": "https://example.com/a",
        "title": "Chip lifts Harbour",
        "published": None,
        "published_at": "2025-03-05T07:05:00-05:00",
    }
    assert shown["source_details"][1]["url"] is None


def test_market_dating_window_starts_at_the_latest_day_the_article_names():
    prices = FilePriceProvider([parse_price_csv(STOCK_CSV, source="a", ticker="9999.HK")])
    looking_back = sentence_event(
        "price_move", "Up 2% since March 6.", listing="9999.HK", change_pct=2.0,
        period="since", since="2025-03-06",
    )  # fmt: skip
    article = ArticleEvents("a1", None, [looking_back, move(12, None)])
    found = date_article_by_market(article, prices, trading_calendars())
    # The only +12% day, the 5th, lies before the day the text looks back at.
    assert found is not None and found[1].date is None
    assert found[1].window_start == dt.date(2025, 3, 6)


US_CSV = "Date,Close\n2025-03-03,50\n2025-03-04,50.5\n2025-03-05,51\n2025-03-06,57\n"


def test_explain_finds_a_us_move_on_the_day_the_verifier_gave_it(tmp_path, capsys):
    db = tmp_path / "t.duckdb"
    us_file = tmp_path / "HBTC.csv"
    us_file.write_text(US_CSV, encoding="utf-8")
    assert main(["prices", "load", str(us_file), "--db", str(db)]) == 0
    us_move = move(11.8, None).model_copy(
        update={"attributes": {**move(11.8, None).attributes, "listing": "HBTC"}}
    )
    # Published on Friday the 7th (Hong Kong): the undated New York move is Thursday's close.
    store_articles(
        db, [make_article("Harbour Tech's ADRs jumped.", [us_move], dt.date(2025, 3, 7))]
    )
    assert main(["verify", "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["explain", "HBTC", "2025-03-06", "--db", str(db), "--format", "json"]) == 0
    explanation = json.loads(capsys.readouterr().out)
    assert [c["change_pct"] for c in explanation["move"]["claimed"]] == [11.8]
    assert explanation["move"]["actual_pct"] == pytest.approx(100 * (57 / 51 - 1))
    assert main(["explain", "HBTC", "2025-03-07", "--db", str(db), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["move"]["claimed"] == []


def cloud_growth(pct: float) -> Event:
    return sentence_event(
        "financial_metric",
        f"Cloud revenue at Harbour Tech grew {pct:g}% in the fourth quarter.",
        metric="revenue",
        segment="cloud",
        value=None,
        currency=None,
        change_pct=pct,
        period="fourth quarter",
        period_end=None,
        is_estimate=False,
    )


def test_market_dating_lets_an_article_join_the_stories_of_its_day(tmp_path, price_files, capsys):
    db = tmp_path / "t.duckdb"
    load(db, price_files)
    dated = make_article(
        "Harbour Tech rallied as cloud grew.",
        [move(12, dt.date(2025, 3, 5)), cloud_growth(20)],
        dt.date(2025, 3, 5),
    )
    undated = make_article(
        "Harbour Tech soared; cloud up.", [move(12, None), cloud_growth(8)], None
    )
    company = Entity(id="harbourtech", name="Harbour Tech", type="company", tickers=["9999.HK"])
    store_articles(db, [a.model_copy(update={"entities": [company]}) for a in (dated, undated)])

    def cloud_conflicts() -> list[list[float]]:
        capsys.readouterr()
        assert main(["explain", "9999.HK", "2025-03-05", "--db", str(db), "--format", "json"]) == 0
        conflicts = json.loads(capsys.readouterr().out)["conflicts"]
        return [sorted(v["value"] for v in c["values"]) for c in conflicts]

    assert cloud_conflicts() == []  # the undated report belongs to no day yet
    assert main(["verify", "--db", str(db)]) == 0
    assert cloud_conflicts() == [[8.0, 20.0]]
