"""eval/check_seed_stories.py: the check passes on the expected grouping and names what fails."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from tickerwire.pipeline import article_id
from tickerwire.records import Article, Event, Evidence
from tickerwire.store import DuckDBStore

CHECK = Path(__file__).resolve().parents[2] / "eval" / "check_seed_stories.py"
FEB, SEP = dt.date(2025, 2, 21), dt.date(2025, 9, 1)


@pytest.fixture(scope="module")
def seed_check():
    spec = importlib.util.spec_from_file_location("check_seed_stories", CHECK)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("check_seed_stories", module)
    spec.loader.exec_module(module)
    return module


def _event(kind: str, pct: float, day: dt.date | None, said: str) -> Event:
    text = f"{said} {pct:g}%."
    attributes = (
        {"listing": "9988.HK", "direction": "up", "change_pct": pct, "period": "session"}
        if kind == "price_move"
        else {"metric": "revenue", "segment": "cloud", "change_pct": pct}
    )
    return Event(
        type=kind,
        entity="alibaba",
        date=day,
        evidence=Evidence(start=0, end=len(text), text=text),
        confidence=0.8,
        attributes=attributes,
    )


def _seed(number: str, published: dt.date, events: list[Event]) -> Article:
    text = f"Seed stand-in {number}: Alibaba shares moved in Hong Kong."
    return Article(
        id=article_id(text),
        url=f"seed:{number}",
        published=published,
        text=text,
        events=events,
        pipeline_version="0.1.0",
    )


def _db(tmp_path: Path, day_of_001: dt.date) -> Path:
    items = [
        _seed("000", FEB, [_event("price_move", 9.18, FEB, "Shares closed higher by")]),
        _seed(
            "001",
            SEP,
            [
                _event("price_move", 19.0, day_of_001, "A rally of"),
                _event("financial_metric", 26.0, None, "Cloud sales rose"),
            ],
        ),
        _seed(
            "002",
            SEP,
            [
                _event("price_move", 19.0, SEP, "The stock jumped"),
                _event("financial_metric", 11.0, None, "The cloud unit grew revenue by"),
            ],
        ),
        _seed("004", FEB, [_event("price_move", 15.0, FEB, "Alibaba's Hong Kong line gained")]),
    ]
    db = tmp_path / "seeds.duckdb"
    with DuckDBStore(db) as store:
        run = store.start_run(["fixture"], "0.1.0")
        store.write_batch(items, run)
        store.finish_run(run, "completed")
    return db


def test_the_expected_grouping_passes(seed_check, tmp_path):
    assert seed_check.check(_db(tmp_path, SEP)) == []


def test_a_move_put_on_the_other_day_is_reported(seed_check, tmp_path):
    problems = seed_check.check(_db(tmp_path, FEB))
    assert any("mixes the two days" in p for p in problems)
    assert any("story on 2025-09-01" in p for p in problems)


def test_a_missing_shared_folder_skips(seed_check, tmp_path, capsys):
    assert seed_check.run_check(tmp_path) == 0
    assert "skipped" in capsys.readouterr().out
