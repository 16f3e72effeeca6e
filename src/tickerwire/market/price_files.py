"""Reading daily price files (CSV or Parquet) into `PriceTable`s.

Accepted shapes: Yahoo-style `Date,Open,High,Low,Close,Adj Close,Volume` (and yfinance's
`...,Dividends,Stock Splits`), and plain `date,close`. Column names are matched case-insensitively.
Returns use `Adj Close` when the file has it; `Close` is kept as the quoted level.

Dates are trading days as the file writes them: `2020-01-02 00:00:00+08:00` is 2 January, the
date in the file's own offset (a Hong Kong file says +08:00; converting to UTC would move every
row to the previous day). Parquet stores zone-aware timestamps as instants, so those are read in
the listing's exchange time zone.

The parsing functions (`parse_price_csv`, `parse_price_rows`) are pure; `read_price_file` does I/O.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

from tickerwire.errors import CalendarError, PriceDataError
from tickerwire.market.calendars import TradingCalendars, trading_calendars
from tickerwire.market.series import PriceBar, PriceTable

# Header spellings, after `_normalise_header` (lower case, "_" and "." read as spaces).
DATE_COLUMNS = ("date", "datetime", "timestamp", "time", "day", "trade date", "trading date")
CLOSE_COLUMNS = ("close", "close price", "closing price", "last", "last price", "price")
ADJ_CLOSE_COLUMNS = ("adj close", "adjclose", "adjusted close", "adj close price")
OPEN_COLUMNS = ("open", "open price")
HIGH_COLUMNS = ("high", "high price")
LOW_COLUMNS = ("low", "low price")
VOLUME_COLUMNS = ("volume", "vol")
DIVIDEND_COLUMNS = ("dividends", "dividend")

MISSING_VALUES = frozenset({"", "null", "nan", "na", "n/a", "none", "-", "--"})

# Yahoo's index symbols and the short codes of CONTRACT.md.
INDEX_SYMBOLS = {
    "^HSI": "HSI",
    "HSI": "HSI",
    "^HSCE": "HSCEI",
    "HSTECH.HK": "HSTECH",
    "^HSTECH": "HSTECH",
    "^GSPC": "SPX",
    "^SPX": "SPX",
    "^IXIC": "COMP",
    "^NDX": "NDX",
    "^DJI": "DJI",
    "^RUT": "RUT",
    "^N225": "N225",
    "^FTSE": "FTSE",
    "000001.SS": "SSEC",
}

# A file named after its ticker: upper case as written (`AAPL.csv`, `9988.HK.csv`, `^HSI.csv`).
# Lower-case stems (`prices.csv`, `aapl_price_raw.csv`) are not taken for tickers: a word that
# happens to fit the pattern would silently become a listing.
_TICKER_STEM = re.compile(r"^\^?[A-Z0-9][A-Z0-9\-]{0,9}(?:\.[A-Z]{1,3})?$")
_ISO_DATE = re.compile(r"^(\d{4})[-/](\d{2})[-/](\d{2})(?:$|[ T])")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
_HK_CODE = re.compile(r"^0*(\d{1,5})\.HK$")
_PRICE_SUFFIXES = (".csv", ".csv.gz", ".parquet", ".pq")


def normalise_ticker(text: str) -> str:
    """A ticker in the contract's spelling: `^HSI` -> `HSI`, `700.hk` -> `0700.HK`."""
    code = text.strip().upper()
    if code in INDEX_SYMBOLS:
        return INDEX_SYMBOLS[code]
    match = _HK_CODE.match(code)
    if match:
        return f"{int(match.group(1)):04d}.HK"
    return code


def _file_stem(path: Path) -> str:
    name = path.name
    for suffix in _PRICE_SUFFIXES:
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return path.stem


def ticker_from_filename(path: str | Path) -> str | None:
    """The ticker a file is named after (`9988.HK.csv` -> `9988.HK`), or None when it is not."""
    stem = _file_stem(Path(path))
    if not _TICKER_STEM.match(stem):
        return None
    return normalise_ticker(stem)


def _normalise_header(name: str) -> str:
    cleaned = name.replace("\ufeff", "").strip().lower().replace("_", " ").replace(".", " ")
    return " ".join(cleaned.split())


def _find_column(header: Sequence[str], names: Sequence[str]) -> int | None:
    for wanted in names:
        for index, name in enumerate(header):
            if name == wanted:
                return index
    return None


def _parse_number(value: object, source: str, row: int, column: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = float(value)
        return None if math.isnan(number) else number
    text = str(value).strip()
    if text.lower() in MISSING_VALUES:
        return None
    try:
        number = float(text.replace(",", ""))
    except ValueError:
        raise PriceDataError(source, f"row {row}: {column} {text!r} is not a number") from None
    return None if math.isnan(number) else number


def _parse_date(value: object, source: str, row: int, timezone: str | None) -> dt.date:
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return value.date()
        if timezone is None:
            raise PriceDataError(
                source,
                f"row {row}: a zone-aware timestamp needs the listing's exchange to know its "
                "trading day; give a ticker whose exchange is known",
            )
        return value.astimezone(ZoneInfo(timezone)).date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = _ISO_DATE.match(text) or _COMPACT_DATE.match(text)
    if match:
        try:
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            pass
    raise PriceDataError(source, f"row {row}: date {text!r} is not in YYYY-MM-DD form")


def parse_price_rows(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    source: str,
    ticker: str,
    timezone: str | None = None,
) -> PriceTable:
    """Build a PriceTable from a header and rows of cells (strings, numbers, dates).

    Rows without a close (empty, `null`) are skipped and counted: they are gaps, not zeros.
    Raises PriceDataError naming `source` and the reason for a file that cannot be read.
    """
    names = [_normalise_header(str(name)) for name in header]
    date_at = _find_column(names, DATE_COLUMNS)
    close_at = _find_column(names, CLOSE_COLUMNS)
    adj_at = _find_column(names, ADJ_CLOSE_COLUMNS)
    if date_at is None:
        raise PriceDataError(source, f"no date column (columns: {', '.join(map(str, header))})")
    if close_at is None and adj_at is None:
        raise PriceDataError(source, f"no close column (columns: {', '.join(map(str, header))})")
    optional = {
        "open": _find_column(names, OPEN_COLUMNS),
        "high": _find_column(names, HIGH_COLUMNS),
        "low": _find_column(names, LOW_COLUMNS),
        "volume": _find_column(names, VOLUME_COLUMNS),
        "dividend": _find_column(names, DIVIDEND_COLUMNS),
    }
    bars: dict[dt.date, PriceBar] = {}
    skipped = 0
    for number, cells in enumerate(rows, start=2):
        if not cells or all(str(c).strip() == "" for c in cells if c is not None):
            continue
        if len(cells) < len(names):
            raise PriceDataError(
                source, f"row {number}: {len(cells)} cells for {len(names)} columns"
            )
        day = _parse_date(cells[date_at], source, number, timezone)
        close = (
            _parse_number(cells[close_at], source, number, "close")
            if close_at is not None
            else None
        )
        adj = (
            _parse_number(cells[adj_at], source, number, "adj close")
            if adj_at is not None
            else None
        )
        if close is None and adj is None:
            skipped += 1
            continue
        level = close if close is not None else adj
        basis = adj if adj is not None else close
        assert level is not None and basis is not None
        if level <= 0 or basis <= 0:
            raise PriceDataError(source, f"row {number}: close {level:g} on {day} is not positive")
        values = {
            key: (None if at is None else _parse_number(cells[at], source, number, key))
            for key, at in optional.items()
        }
        bar = PriceBar(date=day, close=level, adj_close=basis, **values)
        previous = bars.get(day)
        if previous is not None:
            if previous.adj_close != bar.adj_close:
                raise PriceDataError(
                    source, f"row {number}: {day} appears twice with different closes"
                )
            continue
        bars[day] = bar
    if not bars:
        raise PriceDataError(source, "no price rows")
    return PriceTable(
        ticker=ticker,
        source=source,
        bars=tuple(bars[day] for day in sorted(bars)),
        has_adj_close=adj_at is not None,
        skipped_rows=skipped,
    )


def parse_price_csv(
    text: str, *, source: str, ticker: str, timezone: str | None = None
) -> PriceTable:
    """Parse the text of a CSV price file (comma, semicolon or tab separated)."""
    lines = text.lstrip("\ufeff").splitlines()
    if not lines:
        raise PriceDataError(source, "the file is empty")
    first = lines[0]
    delimiter = "," if "," in first else ";" if ";" in first else "\t" if "\t" in first else ","
    reader = csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)
    header = next(reader)
    return parse_price_rows(header, reader, source=source, ticker=ticker, timezone=timezone)


def _read_parquet(path: Path) -> tuple[list[str], list[tuple[object, ...]]]:
    import duckdb

    connection = duckdb.connect()
    try:
        # Instants come back in UTC; _parse_date moves them into the exchange's time zone.
        connection.execute("SET TimeZone = 'UTC'")
        result = connection.execute("SELECT * FROM read_parquet(?)", [str(path)])
        header = [column[0] for column in result.description]
        return header, result.fetchall()
    except duckdb.Error as exc:
        raise PriceDataError(str(path), f"not a readable Parquet file: {exc}") from None
    finally:
        connection.close()


def resolve_ticker(path: str | Path, ticker: str | None) -> str:
    """The ticker of a price file: `ticker` if given, else its name (PriceDataError if neither)."""
    if ticker:
        return normalise_ticker(ticker)
    found = ticker_from_filename(path)
    if found is None:
        raise PriceDataError(
            str(path),
            f"cannot tell the ticker from the file name {Path(path).name!r} (name the file after "
            "its ticker, e.g. 9988.HK.csv, or give --ticker)",
        )
    return found


def _exchange_timezone(ticker: str, calendars: TradingCalendars) -> str | None:
    try:
        return calendars.for_ticker(ticker).timezone
    except CalendarError:
        return None


def read_price_file(
    path: str | Path,
    ticker: str | None = None,
    *,
    calendars: TradingCalendars | None = None,
) -> PriceTable:
    """Read one CSV or Parquet price file; the ticker comes from `ticker` or the file's name."""
    file = Path(path)
    code = resolve_ticker(file, ticker)
    timezone = _exchange_timezone(code, calendars or trading_calendars())
    if not file.is_file():
        raise PriceDataError(str(file), "no such file")
    name = file.name.lower()
    if name.endswith((".parquet", ".pq")):
        header, rows = _read_parquet(file)
        return parse_price_rows(header, rows, source=str(file), ticker=code, timezone=timezone)
    try:
        raw = file.read_bytes()
        if name.endswith(".gz"):
            raw = gzip.decompress(raw)
        text = raw.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError, EOFError) as exc:
        raise PriceDataError(str(file), f"cannot read as UTF-8 text: {exc}") from None
    return parse_price_csv(text, source=str(file), ticker=code, timezone=timezone)
