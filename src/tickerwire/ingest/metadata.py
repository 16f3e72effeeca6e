"""Article metadata (url, title, published, source) from a JSON object: a sidecar or a JSONL line.

Only string values count; anything else (null, numbers, lists) is treated as absent, and an
unparseable `published` is None: metadata we cannot trust is worse than none.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from tickerwire.ingest.dates import parse_publication

# FNSPID sidecars leave `published` null where their scraper could not normalise the page's date,
# but keep the page's own words in `published_raw` ("FEB 2, 2024 9:32AM EST"); that is still the
# date the page states, so it is read when `published` gives none.
PUBLISHED_KEYS = ("published", "published_raw")


@dataclass(frozen=True)
class Metadata:
    """What an input says about its article; every field is None when not stated."""

    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    # The moment of publication, when the same value that gave `published` states a time of
    # day and its zone (an aware datetime whose own date is `published`).
    published_at: dt.datetime | None = None


def _string(record: Mapping[str, object], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, str):
        value = value.strip()
        return value or None
    return None


def metadata_from_mapping(record: Mapping[str, object]) -> Metadata:
    """Read the metadata keys of a JSON object; other keys are ignored."""
    published = published_at = None
    for key in PUBLISHED_KEYS:
        published, published_at = parse_publication(record.get(key))
        if published is not None:
            break
    return Metadata(
        url=_string(record, "url"),
        title=_string(record, "title"),
        published=published,
        source=_string(record, "source"),
        published_at=published_at,
    )
