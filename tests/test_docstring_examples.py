"""The examples in docstrings are run, so that they stay true as the code changes."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import tickerwire


def _modules_with_examples() -> list[str]:
    names = []
    for info in pkgutil.walk_packages(tickerwire.__path__, prefix="tickerwire."):
        spec = importlib.util.find_spec(info.name)
        origin = spec.origin if spec is not None else None
        if origin and origin.endswith(".py"):
            with open(origin, encoding="utf-8") as source:
                if ">>> " in source.read():
                    names.append(info.name)
    return sorted(names)


MODULES = _modules_with_examples()


def test_the_examples_are_found_and_run():
    assert "tickerwire.extract.market_hours" in MODULES
    module = importlib.import_module("tickerwire.extract.market_hours")
    assert doctest.testmod(module).attempted >= 5


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples_hold(name):
    result = doctest.testmod(importlib.import_module(name), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0, f"{name}: {result.failed} of {result.attempted} examples failed"
