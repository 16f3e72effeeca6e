"""Golden tests: an article written for the tests and the events expected from it.

Run `pytest tests/extract --update-golden` after a deliberate change to rewrite the
expectations, then read the diff before committing it.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from extract_helpers import run

GOLDEN = Path(__file__).parent / "golden"
CASES = {"cloud_rally": dt.date(2024, 11, 21)}


def _records(name: str) -> list[dict]:
    text = (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")
    events = run(text, CASES[name])
    return [
        {
            "type": e.type,
            "entity": e.entity,
            "date": e.date.isoformat() if e.date else None,
            "date_text": e.date_text,
            "evidence": e.evidence.text,
            "attributes": e.attributes,
        }
        for e in events
    ]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden(name: str, request: pytest.FixtureRequest) -> None:
    actual = _records(name)
    expected_path = GOLDEN / f"{name}.json"
    if request.config.getoption("--update-golden", default=False):
        expected_path.write_text(
            json.dumps(actual, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected, strict=True):
        for key in want:
            assert got[key] == want[key], (key, got["evidence"])
