"""Shared helpers for the consistency-check tests: a small exchange-rate table and event makers.

The small table holds round, made-up rates so that each test can say exactly which rate it
expects; tests of the shipped table use real monthly averages.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tickerwire.checks.fx_rates import FxTable
from tickerwire.records import Event, Evidence


@pytest.fixture
def small_table() -> FxTable:
    """CNY 7.00 and HKD 7.80 in 2024-01..2024-06, JPY 150 in 2024-03 only, EUR 0.90 all year."""
    rows: list[tuple[str, str, float, str]] = []
    for month in range(1, 7):
        period = f"2024-{month:02d}"
        rows += [(period, "CNY", 7.00, "fed_h10"), (period, "HKD", 7.80, "fed_h10")]
    rows.append(("2024-03", "JPY", 150.0, "fed_h10"))
    rows += [(f"2024-{m:02d}", "EUR", 0.90, "ecb_cross") for m in range(1, 13)]
    return FxTable.from_rows(rows)


MakeEvent = Callable[..., Event]


@pytest.fixture
def metric_event() -> MakeEvent:
    """Make a financial_metric event: `(text, sentence, entity="acme", **attributes)`.

    The evidence is `sentence`, located in `text`.
    """

    def make(text: str, sentence: str, entity: str = "acme", **attributes: Any) -> Event:
        start = text.index(sentence)
        return Event(
            type="financial_metric",
            entity=entity,
            evidence=Evidence(start=start, end=start + len(sentence), text=sentence),
            confidence=0.9,
            attributes={"metric": "revenue", **attributes},
        )

    return make
