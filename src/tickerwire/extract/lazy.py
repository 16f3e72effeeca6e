"""`cached_property` without a lock: a value computed on first read and kept on the instance.

Python 3.11's `functools.cached_property` takes a lock on every first read (3.12 dropped it as
useless). The extractors build many short-lived objects per sentence whose lazy values are each
read at least once, and there the lock cost about as much as a cheap value itself (1% of the
extract stage). The behaviour is the same: the value goes into the instance's `__dict__`, so
later reads never reach the descriptor.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar, overload

T = TypeVar("T")


class cached_property(Generic[T]):
    """Compute `func(instance)` on the first read of the attribute, then keep it."""

    def __init__(self, func: Callable[[Any], T]) -> None:
        self.func = func
        self.name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> cached_property[T]: ...

    @overload
    def __get__(self, instance: object, owner: type | None = None) -> T: ...

    def __get__(self, instance: object | None, owner: type | None = None) -> Any:
        if instance is None:
            return self
        value = self.func(instance)
        instance.__dict__[self.name] = value
        return value
