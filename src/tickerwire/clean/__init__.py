"""Clean: HTML/text -> article body, metadata, and the removed parts (boilerplate, off-topic)."""

from __future__ import annotations

from tickerwire.records import CleanDocument, RawDocument


def clean_document(raw: RawDocument) -> CleanDocument:
    """Return the article body of `raw` with everything that is not the article in `removed`."""
    text = raw.text or raw.html or ""
    return CleanDocument(
        origin=raw.origin,
        text=text.strip(),
        title=raw.title,
        url=raw.url,
        source=raw.source,
        published=raw.published,
        published_basis="metadata" if raw.published else None,
    )
