"""Fixtures shared by the tests of every stage."""

from __future__ import annotations

import gc

import pytest

from tickerwire.pipeline import Pipeline


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    """One pipeline with the bundled reference data: it keeps no state between articles."""
    return Pipeline()


@pytest.fixture(autouse=True)
def _collectable_again():
    """`tickerwire extract` freezes what is alive after its first article (`gc.freeze`): give
    it back to the collector after each test, so that one test run does not keep every test's
    objects."""
    yield
    gc.unfreeze()
