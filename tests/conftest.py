"""Fixtures shared by the tests of every stage."""

from __future__ import annotations

import pytest

from tickerwire.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One pipeline with the bundled reference data: it keeps no state between articles."""
    return Pipeline()
