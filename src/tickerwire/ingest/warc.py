"""WARC archives (`.warc`, `.warc.gz`, as in CC-News): one article per HTML response record.

Records are streamed one at a time with `warcio`, so an archive of any size is read in constant
memory; the size limit applies to each record's page, never to the archive. Each article's origin
is `ARCHIVE@OFFSET`, the byte offset of its record (what `warcio extract ARCHIVE OFFSET` takes).

Only successful (2xx) `response` records and `resource` records whose content is HTML become
articles; requests, metadata, redirects, error pages and non-HTML payloads (images, scripts) are
skipped without a message. `url` is the record's WARC-Target-URI. `published` stays None:
WARC-Date is when the page was fetched, not when it was published, and no standard WARC or HTTP
header states the publication date (the clean stage reads it from the page's own meta tags).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tickerwire.config import IngestOptions
from tickerwire.ingest.decode import Refusal, decode_html, size_refusal
from tickerwire.ingest.files import os_error_reason
from tickerwire.records import RawDocument, ReadError

_HTML_TYPES = ("text/html", "application/xhtml+xml")

# Enough of a parser's message to recognise the problem, short enough for one line of stderr.
_DETAIL_CHARS = 120


def _media_type_and_charset(content_type: str | None) -> tuple[str | None, str | None]:
    """Split `text/html; charset=ISO-8859-1` into ("text/html", "iso-8859-1")."""
    if not content_type:
        return None, None
    media, *params = (part.strip() for part in content_type.split(";"))
    charset = None
    for param in params:
        name, _, value = param.partition("=")
        if name.strip().lower() == "charset" and value.strip():
            charset = value.strip().strip("\"'").lower()
    return media.lower() or None, charset


def _page_of(record: Any) -> tuple[str, str | None] | None:
    """(target URI, HTTP charset) when `record` holds an HTML page worth reading, else None."""
    if record.rec_type == "response" and record.http_headers is not None:
        status = record.http_headers.get_statuscode() or ""
        if not status.startswith("2"):
            return None
        content_type = record.http_headers.get_header("Content-Type")
    elif record.rec_type == "resource":
        content_type = record.content_type
    else:
        return None
    media, charset = _media_type_and_charset(content_type)
    if media not in _HTML_TYPES:
        return None
    return record.rec_headers.get_header("WARC-Target-URI") or "", charset


def _read_record(record: Any, charset: str | None, limit: int) -> str | Refusal:
    if record.length is not None and record.length > limit:
        # Checked on the stored size before reading; the page is at most that large unless
        # compressed, which the bounded read below catches.
        refusal = size_refusal(record.length, limit)
        assert refusal is not None
        return refusal
    data = record.content_stream().read(limit + 1)
    if not data:
        return Refusal("empty page")
    return size_refusal(len(data), limit) or decode_html(data, transport_charset=charset)


def read_warc(path: Path, options: IngestOptions) -> Iterator[RawDocument | ReadError]:
    """Read the HTML pages of a WARC archive (gzip-compressed or not), one per record."""
    origin = str(path)
    try:
        from warcio.archiveiterator import WARCIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield ReadError(origin, "reading WARC needs the 'warcio' package: pip install warcio")
        return
    pages = 0
    try:
        if path.stat().st_size == 0:
            yield ReadError(origin, "empty file")
            return
        with path.open("rb") as stream:
            records = WARCIterator(stream)
            for record in records:
                page = _page_of(record)
                if page is None:
                    continue
                url, charset = page
                html = _read_record(record, charset, options.max_input_bytes)
                # The offset is known once the record is read to its end (warcio drains it).
                where = f"{origin}@{records.get_record_offset()}"
                pages += 1
                if isinstance(html, Refusal):
                    yield ReadError(where, html.reason)
                else:
                    yield RawDocument(origin=where, html=html, url=url or None)
    except OSError as error:
        yield ReadError(origin, os_error_reason(error))
        return
    except (ArchiveLoadFailed, EOFError, zlib.error, ValueError) as error:
        # warcio's message quotes the offending first line; keep it short.
        detail = str(error)[:_DETAIL_CHARS]
        reason = f"not a WARC archive, or a corrupt one ({detail})"
        yield ReadError(origin, f"{reason} after {pages} pages" if pages else reason)
        return
    if pages == 0:
        yield ReadError(origin, "no HTML response records: no articles in this archive")
