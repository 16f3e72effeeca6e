"""One-article files: plain text (`.txt`) and HTML pages (`.html`, `.htm`), each with an optional
sidecar of metadata beside it (see `sidecar.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tickerwire.config import IngestOptions
from tickerwire.ingest.decode import Refusal, decode_html, decode_text
from tickerwire.ingest.files import read_bounded
from tickerwire.ingest.sidecar import read_sidecar
from tickerwire.records import RawDocument, ReadError


def _document(
    path: Path, options: IngestOptions, *, text: str | None, html: str | None
) -> RawDocument:
    meta = read_sidecar(path, options.max_input_bytes)
    return RawDocument(
        origin=str(path),
        text=text,
        html=html,
        url=meta.url,
        title=meta.title,
        published=meta.published,
        source=meta.source,
        published_at=meta.published_at,
    )


def read_text_file(path: Path, options: IngestOptions) -> Iterator[RawDocument | ReadError]:
    """Read a UTF-8 plain-text article and its sidecar."""
    data = read_bounded(path, options.max_input_bytes)
    text = decode_text(data) if isinstance(data, bytes) else data
    if isinstance(text, Refusal):
        yield ReadError(str(path), text.reason)
        return
    yield _document(path, options, text=text, html=None)


def read_html_file(path: Path, options: IngestOptions) -> Iterator[RawDocument | ReadError]:
    """Read an HTML page (UTF-8, or the charset it declares) and its sidecar."""
    data = read_bounded(path, options.max_input_bytes)
    html = decode_html(data) if isinstance(data, bytes) else data
    if isinstance(html, Refusal):
        yield ReadError(str(path), html.reason)
        return
    yield _document(path, options, text=None, html=html)
