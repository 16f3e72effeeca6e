"""Reading reference CSV files (the bundled list and the user's own) into `ReferenceData`.

Two kinds of file, told apart by their header:

- entities: `id,name,type,aliases[,ambiguous_aliases][,dated_aliases]`; aliases separated
  by "|". `dated_aliases` are names that are the entity's only from a day on (a firm it took
  over, a unit that listed later), each with that day: `Merrill Lynch:2009-01-01`; a text
  published before that day does not link the name here.
- listings: `entity_id,ticker,exchange,currency,country[,primary][,former_tickers]`;
  `former_tickers` lists the tickers the line traded under before, each with the first day of
  its next ticker: `FB:2022-06-09` (several separated by "|").

A user file may add entities, or extend a bundled one: a row whose id already exists adds its
aliases (and, when given, replaces the name and type); a listing row adds a listing to any known
entity. Lines starting with "#" are comments. Every malformed row raises ReferenceDataError naming
the file, the line and the reason.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import get_args

import regex

from tickerwire.errors import ReferenceDataError
from tickerwire.link.reference import (
    DatedAlias,
    FormerTicker,
    Listing,
    ReferenceData,
    ReferenceEntity,
)
from tickerwire.records import EntityType

ENTITY_REQUIRED = ("id", "name", "type", "aliases")
ENTITY_OPTIONAL = ("ambiguous_aliases", "dated_aliases")
LISTING_REQUIRED = ("entity_id", "ticker", "exchange", "currency", "country")
LISTING_OPTIONAL = ("primary", "former_tickers")
BUNDLED_FILES = ("entities.csv", "listings.csv")

_ENTITY_TYPES: frozenset[str] = frozenset(get_args(EntityType))
_SLUG = regex.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TICKER = regex.compile(r"^[A-Z0-9][A-Z0-9.\-]{0,15}$")
_MIC = regex.compile(r"^[A-Z0-9]{4}$")
_CURRENCY = regex.compile(r"^[A-Z]{3}$")
_COUNTRY = regex.compile(r"^[A-Z]{2}$")
_HAS_WORD = regex.compile(r"[\p{L}\p{N}]")
_FORMER_TICKER = regex.compile(r"^(?P<ticker>[^:\s]+)[ ]*:[ ]*(?P<until>\d{4}-\d{2}-\d{2})$")
_DATED_ALIAS = regex.compile(r"^(?P<alias>.+?)[ ]*:[ ]*(?P<since>\d{4}-\d{2}-\d{2})$")
_TRUE = frozenset({"true", "yes", "1", "y"})
_FALSE = frozenset({"false", "no", "0", "n", ""})
MAX_ALIAS_LENGTH = 120


@dataclass
class _Row:
    source: str
    line: int
    values: dict[str, str]

    def fail(self, reason: str) -> ReferenceDataError:
        return ReferenceDataError(f"{self.source}:{self.line}", reason)


@dataclass
class _ParsedFile:
    source: str
    kind: str  # "entities" or "listings"
    rows: list[_Row]


@dataclass
class _EntityDraft:
    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    dated: list[DatedAlias] = field(default_factory=list)
    listings: list[Listing] = field(default_factory=list)


def parse_reference_text(text: str, source: str) -> _ParsedFile:
    """Split one CSV text into typed rows, checking the header. `source` names it in errors."""
    # Comment lines become blank lines so that csv's line numbers stay those of the file.
    lines = ["" if line.lstrip().startswith("#") else line for line in text.splitlines()]
    reader = csv.reader(io.StringIO("\n".join(lines)))
    header: list[str] | None = None
    rows: list[_Row] = []
    kind = ""
    for fields in reader:
        if not fields or all(not value.strip() for value in fields):
            continue
        if header is None:
            header = [name.strip().lower() for name in fields]
            kind = _file_kind(header, source, reader.line_num)
            continue
        if len(fields) != len(header):
            raise ReferenceDataError(
                f"{source}:{reader.line_num}",
                f"row has {len(fields)} fields, the header has {len(header)}",
            )
        values = {name: value.strip() for name, value in zip(header, fields, strict=True)}
        rows.append(_Row(source, reader.line_num, values))
    if header is None:
        raise ReferenceDataError(f"{source}:1", "empty file: no header row")
    return _ParsedFile(source, kind, rows)


def _file_kind(header: Sequence[str], source: str, line: int) -> str:
    required: tuple[str, ...]
    optional: tuple[str, ...]
    if "entity_id" in header:
        kind, required, optional = "listings", LISTING_REQUIRED, LISTING_OPTIONAL
    elif "id" in header:
        kind, required, optional = "entities", ENTITY_REQUIRED, ENTITY_OPTIONAL
    else:
        raise ReferenceDataError(
            f"{source}:{line}",
            "header names neither an entities file (id,name,type,aliases) nor a listings file "
            "(entity_id,ticker,exchange,currency,country,primary)",
        )
    missing = [name for name in required if name not in header]
    if missing:
        raise ReferenceDataError(f"{source}:{line}", f"missing column(s): {', '.join(missing)}")
    unknown = [name for name in header if name not in required and name not in optional]
    if unknown:
        raise ReferenceDataError(f"{source}:{line}", f"unknown column(s): {', '.join(unknown)}")
    if len(set(header)) != len(header):
        raise ReferenceDataError(f"{source}:{line}", "a column is named twice")
    return kind


class _Builder:
    """Accumulates entity and listing rows, checking each against what came before."""

    def __init__(self) -> None:
        self.entities: dict[str, _EntityDraft] = {}
        self.alias_owner: dict[str, str] = {}
        self.ticker_owner: dict[str, str] = {}
        self.former_owner: dict[str, str] = {}

    def add_entity_row(self, row: _Row, ids_in_file: dict[str, int]) -> None:
        values = row.values
        entity_id = values["id"]
        if not _SLUG.match(entity_id):
            raise row.fail(f"id {entity_id!r} is not a slug (lower-case letters, digits, '-')")
        if entity_id in ids_in_file:
            raise row.fail(f"id {entity_id!r} already defined on line {ids_in_file[entity_id]}")
        ids_in_file[entity_id] = row.line
        entity_type = values["type"]
        if entity_type and entity_type not in _ENTITY_TYPES:
            allowed = ", ".join(sorted(_ENTITY_TYPES))
            raise row.fail(f"type {entity_type!r} is not one of: {allowed}")
        draft = self.entities.get(entity_id)
        if draft is None:
            if not values["name"]:
                raise row.fail(f"new entity {entity_id!r} needs a name")
            if not entity_type:
                raise row.fail(f"new entity {entity_id!r} needs a type")
            draft = _EntityDraft(entity_id, values["name"], entity_type)  # type: ignore[arg-type]
            self.entities[entity_id] = draft
        else:
            draft.name = values["name"] or draft.name
            draft.type = entity_type or draft.type  # type: ignore[assignment]
        self._claim_alias(row, draft.name, entity_id)
        for alias in _split_aliases(row, values["aliases"]):
            self._claim_alias(row, alias, entity_id)
            if alias not in draft.aliases:
                draft.aliases.append(alias)
        for alias in _split_aliases(row, values.get("ambiguous_aliases", "")):
            self._claim_alias(row, alias, entity_id)
            if alias not in draft.ambiguous:
                draft.ambiguous.append(alias)
        for dated in _dated_aliases(row, values.get("dated_aliases", "")):
            self._claim_alias(row, dated.alias, entity_id)
            if dated.alias not in draft.aliases:
                draft.aliases.append(dated.alias)
            draft.dated = [a for a in draft.dated if a.alias != dated.alias]
            draft.dated.append(dated)

    def _claim_alias(self, row: _Row, alias: str, entity_id: str) -> None:
        key = alias.casefold()
        owner = self.alias_owner.setdefault(key, entity_id)
        if owner != entity_id:
            raise row.fail(f"alias {alias!r} already names entity {owner!r}")

    def add_listing_row(self, row: _Row) -> None:
        values = row.values
        entity_id = values["entity_id"]
        draft = self.entities.get(entity_id)
        if draft is None:
            raise row.fail(f"unknown entity_id {entity_id!r} (define it in an entities file)")
        ticker = values["ticker"]
        if not _TICKER.match(ticker):
            raise row.fail(
                f"ticker {ticker!r} is not upper-case letters, digits, '.' and '-' (e.g. 9988.HK)"
            )
        if not _MIC.match(values["exchange"]):
            raise row.fail(f"exchange {values['exchange']!r} is not a 4-character MIC (e.g. XHKG)")
        if not _CURRENCY.match(values["currency"]):
            raise row.fail(f"currency {values['currency']!r} is not an ISO 4217 code (e.g. HKD)")
        if not _COUNTRY.match(values["country"]):
            raise row.fail(f"country {values['country']!r} is not an ISO 3166 code (e.g. HK)")
        primary_text = values.get("primary", "").lower()
        if primary_text not in _TRUE and primary_text not in _FALSE:
            raise row.fail(f"primary {values.get('primary')!r} is not true or false")
        owner = self.ticker_owner.setdefault(ticker, entity_id)
        if owner != entity_id:
            raise row.fail(f"ticker {ticker!r} already belongs to entity {owner!r}")
        former = self._former_tickers(row, ticker, entity_id)
        replaced = [old for old in draft.listings if old.ticker == ticker]
        if not former and replaced:
            former = replaced[0].former  # a correction without the column keeps them
        listing = Listing(
            ticker=ticker,
            exchange=values["exchange"],
            currency=values["currency"],
            country=values["country"],
            primary=primary_text in _TRUE,
            former=former,
        )
        # A repeated ticker of the same entity replaces the earlier line (a user correction).
        draft.listings = [old for old in draft.listings if old.ticker != ticker] + [listing]

    def _former_tickers(self, row: _Row, ticker: str, entity_id: str) -> tuple[FormerTicker, ...]:
        """The `former_tickers` cell: `FB:2022-06-09|...`, oldest first once sorted."""
        found: list[FormerTicker] = []
        for piece in row.values.get("former_tickers", "").split("|"):
            piece = piece.strip()
            if not piece:
                continue
            match = _FORMER_TICKER.match(piece)
            if match is None:
                raise row.fail(
                    f"former ticker {piece!r} is not TICKER:YYYY-MM-DD (the first day of the next "
                    "ticker, e.g. FB:2022-06-09)"
                )
            former = match["ticker"]
            if not _TICKER.match(former) or former == ticker:
                raise row.fail(f"former ticker {former!r} is malformed or the listing's own")
            try:
                until = dt.date.fromisoformat(match["until"])
            except ValueError as exc:
                raise row.fail(f"former ticker date {match['until']!r}: {exc}") from exc
            owner = self.former_owner.setdefault(former, entity_id)
            if owner != entity_id:
                raise row.fail(f"former ticker {former!r} already belongs to entity {owner!r}")
            found.append(FormerTicker(former, until))
        found.sort(key=lambda item: item.until)
        if len({item.until for item in found}) != len(found):
            raise row.fail("two former tickers of one listing end on the same day")
        return tuple(found)

    def build(self) -> ReferenceData:
        return ReferenceData.from_entities(
            ReferenceEntity(
                id=draft.id,
                name=draft.name,
                type=draft.type,
                aliases=tuple(draft.aliases),
                listings=tuple(draft.listings),
                ambiguous_aliases=tuple(draft.ambiguous),
                dated_aliases=tuple(draft.dated),
            )
            for draft in self.entities.values()
        )


def _split_aliases(row: _Row, cell: str) -> list[str]:
    aliases = []
    for piece in cell.split("|"):
        alias = " ".join(piece.split())
        if not alias:
            continue
        if not _HAS_WORD.search(alias):
            raise row.fail(f"alias {alias!r} has no letter or digit")
        if len(alias) > MAX_ALIAS_LENGTH:
            raise row.fail(f"alias {alias[:30]!r}... is longer than {MAX_ALIAS_LENGTH} characters")
        aliases.append(alias)
    return aliases


def _dated_aliases(row: _Row, cell: str) -> list[DatedAlias]:
    """The `dated_aliases` cell: `Merrill Lynch:2009-01-01|...`."""
    found = []
    for piece in _split_aliases(row, cell):
        match = _DATED_ALIAS.match(piece)
        if match is None:
            raise row.fail(
                f"dated alias {piece!r} is not NAME:YYYY-MM-DD (the first day the name is the "
                "entity's, e.g. Merrill Lynch:2009-01-01)"
            )
        if not _HAS_WORD.search(match["alias"]):
            raise row.fail(f"dated alias {piece!r} has no name before its date")
        try:
            since = dt.date.fromisoformat(match["since"])
        except ValueError as exc:
            raise row.fail(f"dated alias date {match['since']!r}: {exc}") from exc
        found.append(DatedAlias(match["alias"], since))
    return found


def build_reference(files: Iterable[_ParsedFile]) -> ReferenceData:
    """Merge parsed files: every entities file first (in order), then every listings file."""
    parsed = list(files)
    builder = _Builder()
    for parsed_file in parsed:
        if parsed_file.kind == "entities":
            ids_in_file: dict[str, int] = {}
            for row in parsed_file.rows:
                builder.add_entity_row(row, ids_in_file)
    for parsed_file in parsed:
        if parsed_file.kind == "listings":
            for row in parsed_file.rows:
                builder.add_listing_row(row)
    return builder.build()


def read_reference_file(path: Path) -> _ParsedFile:
    """Read and parse one user CSV file."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ReferenceDataError(str(path), f"cannot read: {exc}") from exc
    return parse_reference_text(text, str(path))


def read_bundled_files() -> list[_ParsedFile]:
    """The reference list shipped with tickerwire (link/data/*.csv)."""
    data = resources.files("tickerwire.link").joinpath("data")
    return [
        parse_reference_text(data.joinpath(name).read_text(encoding="utf-8-sig"), name)
        for name in BUNDLED_FILES
    ]


def load_reference_files(extra_csvs: Iterable[Path | str] = ()) -> ReferenceData:
    """The bundled reference list extended by the user's CSV files, in the order given."""
    files = read_bundled_files() + [read_reference_file(Path(path)) for path in extra_csvs]
    return build_reference(files)
