"""Gold annotation files: read, check and turn into typed records.

A gold file is a JSON list with one object per annotated article (format: the corpus README and
`corpus/gold/seeds.gold.json`). Loading checks every field the scorer relies on and raises a
`GoldFileError` naming the file, the document and the field, so a typo in an annotation is caught
at load time rather than silently scored as a miss.

Fields the scorer does not use (`amounts`, `notes`, `period_text`, ...) are accepted and ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from tickerwire.errors import GoldFileError
from tickerwire.records import EVENT_TYPES, MovePeriod

MOVE_PERIODS: frozenset[str] = frozenset(get_args(MovePeriod))
SINCE_PREFIX = "since:"
DIRECTIONS = ("up", "down")
INSTRUMENTS = ("index", "futures")


@dataclass(frozen=True)
class GoldPriceMove:
    """A share-price move as annotated. `change_pct` is the magnitude as written (never signed)."""

    listing: str
    direction: str
    change_pct: float
    date: dt.date | None = None
    period: str | None = None  # "session", "year_to_date", "since:2025-01-13", ... or unknown
    evidence: str | None = None
    drivers: tuple[str, ...] | None = None  # driver categories of this move (None: not annotated)


@dataclass(frozen=True)
class GoldIndexMove:
    index: str
    direction: str
    change_pct: float | None
    level: float | None = None
    date: dt.date | None = None
    period: str | None = None
    instrument: str | None = None  # "index" or "futures" when the gold says; None: not annotated
    evidence: str | None = None


@dataclass(frozen=True)
class GoldMetric:
    """A reported figure. `value` is in base units; `change_pct` is signed."""

    listing: str | None
    metric: str
    segment: str | None = None
    value: float | None = None
    value_low: float | None = None
    value_high: float | None = None
    currency: str | None = None
    change_pct: float | None = None
    is_estimate: bool | None = None
    evidence: str | None = None


@dataclass(frozen=True)
class GoldConsistencyFlag:
    what: str
    evidence: str
    why: str


@dataclass(frozen=True)
class GoldDocument:
    """One annotated article.

    A tuple field set to None means the annotator did not give that field at all (the FNSPID gold
    has no `organizations`); the scorer then leaves the matching figure out for this document
    instead of counting every prediction as spurious.
    """

    doc: str
    published: dt.date | None
    about: tuple[str, ...] = ()
    tickers_mentioned: tuple[str, ...] | None = None
    price_moves: tuple[GoldPriceMove, ...] = ()
    index_moves: tuple[GoldIndexMove, ...] = ()
    metrics: tuple[GoldMetric, ...] = ()
    event_types: tuple[str, ...] = ()
    organizations: tuple[str, ...] | None = None
    people: tuple[str, ...] | None = None
    drivers: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    off_topic: tuple[str, ...] = ()
    consistency_flags: tuple[GoldConsistencyFlag, ...] | None = None

    @property
    def names(self) -> tuple[str, ...] | None:
        """Organisations and people together, or None when the gold lists neither."""
        if self.organizations is None and self.people is None:
            return None
        return (self.organizations or ()) + (self.people or ())


@dataclass(frozen=True)
class GoldFile:
    path: Path
    documents: tuple[GoldDocument, ...]

    @property
    def name(self) -> str:
        return self.path.name


class _Invalid(Exception):
    """A problem at one place in the gold file; turned into a GoldFileError by `load_gold`."""


class _Fields:
    """Typed access to one JSON object, raising `_Invalid` with the field's location."""

    def __init__(self, obj: object, where: str) -> None:
        if not isinstance(obj, Mapping):
            raise _Invalid(f"{where}: expected an object, got {type(obj).__name__}")
        self.obj: Mapping[str, Any] = obj
        self.where = where

    def has(self, key: str) -> bool:
        return key in self.obj

    def _fail(self, key: str, reason: str) -> _Invalid:
        return _Invalid(f"{self.where}.{key}: {reason}")

    def text(self, key: str, *, required: bool = False) -> str | None:
        value = self.obj.get(key)
        if value is None:
            if required:
                raise self._fail(key, "missing (a non-empty string is required)")
            return None
        if not isinstance(value, str) or not value.strip():
            raise self._fail(key, f"expected a non-empty string, got {value!r}")
        return value

    def required_text(self, key: str) -> str:
        value = self.text(key, required=True)
        assert value is not None
        return value

    def choice(self, key: str, allowed: tuple[str, ...], default: str | None = None) -> str:
        value = self.obj.get(key, default)
        if value not in allowed:
            raise self._fail(key, f"expected one of {', '.join(allowed)}, got {value!r}")
        assert isinstance(value, str)
        return value

    def number(self, key: str, *, magnitude: bool = False) -> float | None:
        value = self.obj.get(key)
        if value is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise self._fail(key, f"expected a number, got {value!r}")
        if magnitude and value < 0:
            raise self._fail(
                key, f"expected a magnitude (>= 0; direction says up/down), got {value}"
            )
        return float(value)

    def flag(self, key: str) -> bool | None:
        value = self.obj.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise self._fail(key, f"expected true, false or null, got {value!r}")

    def date(self, key: str) -> dt.date | None:
        value = self.obj.get(key)
        if value is None:
            return None
        return _parse_date(value, lambda reason: self._fail(key, reason))

    def strings(self, key: str) -> tuple[str, ...] | None:
        if key not in self.obj:
            return None
        value = self.obj[key]
        if value is None:
            return None
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            raise self._fail(key, "expected a list of non-empty strings")
        return tuple(value)

    def objects(self, key: str) -> list[_Fields]:
        value = self.obj.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self._fail(key, f"expected a list, got {type(value).__name__}")
        return [_Fields(item, f"{self.where}.{key}[{i}]") for i, item in enumerate(value)]

    def period(self) -> str | None:
        """The move's period in gold form: a contract period, or `since:YYYY-MM-DD`."""
        value = self.text("period")
        if value is None:
            return None
        if value.startswith(SINCE_PREFIX):
            _parse_date(value[len(SINCE_PREFIX) :], lambda reason: self._fail("period", reason))
            return value
        if value == "since" and self.date("since") is not None:
            return f"{SINCE_PREFIX}{self.date('since')}"
        if value not in MOVE_PERIODS:
            raise self._fail(
                "period", f"expected one of {', '.join(sorted(MOVE_PERIODS))} or since:DATE"
            )
        return value


def _parse_date(value: object, fail: Any) -> dt.date:
    if not isinstance(value, str):
        raise fail(f"expected a YYYY-MM-DD date, got {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"expected a YYYY-MM-DD date, got {value!r}") from None


def _event_types(fields: _Fields, key: str) -> tuple[str, ...]:
    values = fields.strings(key) or ()
    unknown = [v for v in values if v not in EVENT_TYPES]
    if unknown:
        raise _Invalid(f"{fields.where}.{key}: unknown event type(s) {', '.join(unknown)}")
    return values


def _price_move(f: _Fields) -> GoldPriceMove:
    change = f.number("change_pct", magnitude=True)
    if change is None:
        raise _Invalid(f"{f.where}.change_pct: missing (a price move needs its figure)")
    return GoldPriceMove(
        listing=f.required_text("listing"),
        direction=f.choice("direction", DIRECTIONS),
        change_pct=change,
        date=f.date("date"),
        period=f.period(),
        evidence=f.text("evidence"),
        drivers=_event_types(f, "drivers") if f.has("drivers") else None,
    )


def _index_move(f: _Fields) -> GoldIndexMove:
    move = GoldIndexMove(
        index=f.required_text("index"),
        direction=f.choice("direction", DIRECTIONS),
        change_pct=f.number("change_pct", magnitude=True),
        level=f.number("level"),
        date=f.date("date"),
        period=f.period(),
        instrument=f.choice("instrument", INSTRUMENTS) if f.has("instrument") else None,
        evidence=f.text("evidence"),
    )
    if move.change_pct is None and move.level is None:
        raise _Invalid(f"{f.where}: an index move needs change_pct or level")
    return move


def _metric(f: _Fields) -> GoldMetric:
    metric = GoldMetric(
        listing=f.text("listing"),
        metric=f.required_text("metric"),
        segment=f.text("segment"),
        value=f.number("value"),
        value_low=f.number("value_low"),
        value_high=f.number("value_high"),
        currency=f.text("currency"),
        change_pct=f.number("change_pct"),
        # The seed gold says `estimate`, the FNSPID gold `is_estimate`: same meaning.
        is_estimate=f.flag("is_estimate") if f.has("is_estimate") else f.flag("estimate"),
        evidence=f.text("evidence"),
    )
    if (metric.value_low is None) != (metric.value_high is None):
        raise _Invalid(f"{f.where}: value_low and value_high go together")
    return metric


def _flag(f: _Fields) -> GoldConsistencyFlag:
    return GoldConsistencyFlag(
        what=f.required_text("what"), evidence=f.required_text("evidence"), why=f.text("why") or ""
    )


def parse_document(obj: object, where: str) -> GoldDocument:
    """Check one gold object and return it typed (raises `_Invalid` with the location)."""
    f = _Fields(obj, where)
    doc = f.required_text("doc")
    f.where = f"{where} ({doc})"
    return GoldDocument(
        doc=doc,
        published=f.date("published"),
        about=f.strings("about") or (),
        tickers_mentioned=f.strings("tickers_mentioned"),
        price_moves=tuple(_price_move(item) for item in f.objects("price_moves")),
        index_moves=tuple(_index_move(item) for item in f.objects("index_moves")),
        metrics=tuple(_metric(item) for item in f.objects("metrics")),
        event_types=_event_types(f, "event_types"),
        organizations=f.strings("organizations"),
        people=f.strings("people"),
        drivers=_event_types(f, "drivers"),
        boilerplate=f.strings("boilerplate") or (),
        off_topic=f.strings("off_topic") or (),
        consistency_flags=(
            tuple(_flag(item) for item in f.objects("consistency_flags"))
            if f.has("consistency_flags")
            else None
        ),
    )


def parse_gold(data: object, path: Path) -> GoldFile:
    """Check already-decoded gold JSON. Raises GoldFileError naming `path` and the reason."""
    if not isinstance(data, list):
        raise GoldFileError(
            str(path), f"expected a JSON list of documents, got {type(data).__name__}"
        )
    if not data:
        raise GoldFileError(str(path), "the file lists no documents")
    documents = []
    seen: set[str] = set()
    for i, obj in enumerate(data):
        try:
            document = parse_document(obj, f"document {i}")
        except _Invalid as exc:
            raise GoldFileError(str(path), str(exc)) from None
        if document.doc in seen:
            raise GoldFileError(str(path), f"document {i}: {document.doc} is annotated twice")
        seen.add(document.doc)
        documents.append(document)
    return GoldFile(path=path, documents=tuple(documents))


def load_gold(path: str | Path) -> GoldFile:
    """Read and check a gold file. Raises GoldFileError naming the file and the reason."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(str(path), f"cannot read: {exc}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise GoldFileError(
            str(path), f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    return parse_gold(data, path)
