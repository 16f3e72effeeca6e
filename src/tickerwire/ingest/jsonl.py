"""JSON Lines: one article per line, streamed in constant memory however large the file.

Each line is an object with `text` or `html` and optional `url`, `title`, `published`, `source`.
A bad line (malformed JSON, not UTF-8, over the size limit, no text or html) is a ReadError with
origin `FILE:LINE` (1-based) and the lines after it are still read. Blank lines are skipped.
When a line has both `text` and `html`, the html is kept: the clean stage reads the page's
structure and publication meta tags from it, which the text has lost.

The size limit applies to each line (each article), never to the file.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO, cast

from tickerwire.config import IngestOptions
from tickerwire.ingest.decode import Refusal, size_refusal
from tickerwire.ingest.files import os_error_reason
from tickerwire.ingest.metadata import metadata_from_mapping
from tickerwire.records import RawDocument, ReadError

# How much of an over-long line is read at a time while skipping it: small enough to keep memory
# flat, large enough that skipping a multi-megabyte line takes few calls.
_SKIP_CHUNK_BYTES = 1 << 16

_BOM = b"\xef\xbb\xbf"

# A file whose start holds a NUL byte is binary as a whole (an image, an archive): one error for
# the file rather than one per "line". 8 KB is what `file` and git look at to tell binary apart.
_SNIFF_BYTES = 8192


class _TooLong:
    """Marks a line that was longer than the limit (its bytes were skipped, never held)."""

    def __init__(self, size: int) -> None:
        self.size = size


def _bounded_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | _TooLong]]:
    """Yield (line number, line bytes) with no line held in memory past `limit` bytes."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith(b"\n"):
            size = len(line)
            while True:
                rest = stream.readline(_SKIP_CHUNK_BYTES)
                size += len(rest)
                if not rest or rest.endswith(b"\n"):
                    break
            yield number, _TooLong(size)
            continue
        yield number, line


def parse_jsonl_line(origin: str, line: bytes) -> RawDocument | Refusal:
    """One JSONL line -> its article, or why the line is not one."""
    if b"\x00" in line:
        return Refusal("binary content (NUL bytes)")
    try:
        decoded = line.decode("utf-8")
    except UnicodeDecodeError as error:
        return Refusal(f"not UTF-8 text: invalid byte at column {error.start + 1}")
    try:
        record = json.loads(decoded)
    except json.JSONDecodeError as error:
        return Refusal(f"malformed JSON: {error.msg} at column {error.colno}")
    if not isinstance(record, dict):
        return Refusal(f"a JSON {type(record).__name__}, not an object with 'text' or 'html'")
    html, text = record.get("html"), record.get("text")
    html = html if isinstance(html, str) and html.strip() else None
    text = text if isinstance(text, str) and text.strip() else None
    if html is None and text is None:
        return Refusal("no article: neither a non-empty 'text' nor 'html' string")
    meta = metadata_from_mapping(record)
    return RawDocument(
        origin=origin,
        text=None if html is not None else text,
        html=html,
        url=meta.url,
        title=meta.title,
        published=meta.published,
        source=meta.source,
        published_at=meta.published_at,
    )


def _read_lines(
    path: Path, options: IngestOptions, opener: Callable[[Path], BinaryIO]
) -> Iterator[RawDocument | ReadError]:
    origin = str(path)
    limit = options.max_input_bytes
    seen_content = False
    number = 0
    try:
        with opener(path) as stream:
            if b"\x00" in stream.read(_SNIFF_BYTES):
                yield ReadError(origin, "binary content (NUL bytes): not a JSON Lines file")
                return
            stream.seek(0)
            for number, line in _bounded_lines(stream, limit):
                where = f"{origin}:{number}"
                if isinstance(line, _TooLong):
                    seen_content = True
                    refusal = size_refusal(line.size, limit)
                    yield ReadError(where, refusal.reason if refusal else "too large")
                    continue
                if number == 1:
                    line = line.removeprefix(_BOM)
                if not line.strip():
                    continue
                seen_content = True
                item = parse_jsonl_line(where, line)
                yield ReadError(where, item.reason) if isinstance(item, Refusal) else item
    except OSError as error:
        # Includes gzip.BadGzipFile; a failure after some lines keeps the lines already read.
        where = f"{origin}:{number + 1}" if number else origin
        yield ReadError(where, os_error_reason(error))
        return
    except (EOFError, zlib.error) as error:
        yield ReadError(f"{origin}:{number + 1}", f"truncated or corrupt compressed data ({error})")
        return
    if not seen_content:
        yield ReadError(origin, "empty file" if number == 0 else "empty: nothing but white space")


def _open_plain(path: Path) -> BinaryIO:
    return path.open("rb")


def _open_gzip(path: Path) -> BinaryIO:
    return cast(BinaryIO, gzip.open(path, "rb"))


def read_jsonl(path: Path, options: IngestOptions) -> Iterator[RawDocument | ReadError]:
    """Read a JSON Lines file, one article per line, in constant memory."""
    return _read_lines(path, options, _open_plain)


def read_jsonl_gz(path: Path, options: IngestOptions) -> Iterator[RawDocument | ReadError]:
    """Read a gzip-compressed JSON Lines file, one article per line, in constant memory."""
    return _read_lines(path, options, _open_gzip)
