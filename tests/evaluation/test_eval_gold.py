"""Loading gold files: good ones become typed records, malformed ones name file and reason."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tickerwire.errors import GoldFileError
from tickerwire.evaluation import load_gold

GOOD = {
    "doc": "docs/a.txt",
    "published": "2024-03-05",
    "about": ["HRBT"],
    "price_moves": [
        {"listing": "HRBT", "direction": "up", "change_pct": 11, "date": "2024-03-05",
         "period": "since:2024-01-02"},
        {"listing": "HRBT", "direction": "down", "change_pct": 2, "period": "since",
         "since": "2024-02-01"},
    ],
    "metrics": [{"listing": "HRBT", "metric": "revenue", "value": 1e9, "estimate": True}],
    "event_types": ["price_move", "financial_metric"],
    "organizations": ["Nomura"],
    "amounts": [{"value": 3, "currency": "USD", "context": "not scored"}],
    "notes": "free text",
}  # fmt: skip


def _write(tmp_path, data, raw=None):
    path = tmp_path / "bad.gold.json"
    path.write_text(raw if raw is not None else json.dumps(data), encoding="utf-8")
    return path


def test_good_file_is_typed(tmp_path):
    gold = load_gold(_write(tmp_path, [GOOD]))
    (doc,) = gold.documents
    assert gold.name == "bad.gold.json"
    assert doc.published == dt.date(2024, 3, 5)
    assert [m.period for m in doc.price_moves] == ["since:2024-01-02", "since:2024-02-01"]
    assert doc.metrics[0].is_estimate is True
    assert doc.names == ("Nomura",)
    assert doc.tickers_mentioned is None  # not given, unlike an empty list
    assert doc.consistency_flags is None


def _with(**changes):
    return [{**GOOD, **changes}]


def _move(**changes):
    return _with(price_moves=[{**GOOD["price_moves"][0], **changes}])


@pytest.mark.parametrize(
    ("data", "raw", "reason"),
    [
        (None, "[{", "not valid JSON"),
        ({"doc": "x"}, None, "expected a JSON list"),
        ([], None, "lists no documents"),
        ([{**GOOD, "doc": None}], None, "doc: missing"),
        (_move(direction="rise"), None, "price_moves[0].direction: expected one of up, down"),
        (_move(change_pct=-3), None, "price_moves[0].change_pct: expected a magnitude"),
        (_move(change_pct="3%"), None, "price_moves[0].change_pct: expected a number"),
        (_move(date="05/03/2024"), None, "price_moves[0].date: expected a YYYY-MM-DD date"),
        (_move(period="daily"), None, "price_moves[0].period: expected one of"),
        (_with(published="yesterday"), None, "published: expected a YYYY-MM-DD date"),
        (_with(event_types=["price_moves"]), None, "unknown event type(s) price_moves"),
        (_with(price_moves={"listing": "X"}), None, "price_moves: expected a list"),
        (_with(index_moves=[{"index": "HSI", "direction": "up"}]), None, "needs change_pct or"),
        ([GOOD, GOOD], None, "docs/a.txt is annotated twice"),
    ],
)
def test_malformed_file_names_file_and_reason(tmp_path, data, raw, reason):
    path = _write(tmp_path, data, raw)
    with pytest.raises(GoldFileError) as caught:
        load_gold(path)
    assert caught.value.subject == str(path)
    assert reason in caught.value.reason
    assert str(path) in str(caught.value) and caught.value.code in str(caught.value)


def test_error_locates_the_document(tmp_path):
    second = {**GOOD, "doc": "docs/b.txt", "about": "HRBT"}
    with pytest.raises(GoldFileError, match=r"document 1 \(docs/b.txt\)\.about"):
        load_gold(_write(tmp_path, [GOOD, second]))


def test_missing_file(tmp_path):
    with pytest.raises(GoldFileError, match="cannot read"):
        load_gold(tmp_path / "absent.json")
