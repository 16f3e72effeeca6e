"""Link: reference data of companies, listings and aliases + gazetteer matching -> Entity."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tickerwire.link.linker import Linker
from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.link.reference_files import load_reference_files
from tickerwire.records import CleanDocument, LinkedDocument

__all__ = [
    "Linker",
    "Listing",
    "ReferenceData",
    "ReferenceEntity",
    "link_document",
    "linker_for",
    "load_reference",
]

_LINKER_KEY = "link.linker"


def load_reference(extra_csvs: Iterable[Path | str] = ()) -> ReferenceData:
    """The bundled reference list, extended by the user's CSV files (same formats).

    Raises ReferenceDataError naming the file, line and reason for a malformed row. Build it once
    per process and pass it to every `link_document` call.
    """
    return load_reference_files(extra_csvs)


def linker_for(reference: ReferenceData) -> Linker:
    """The Linker of `reference`, built on first use and cached on the ReferenceData object."""
    return reference.derived(_LINKER_KEY, Linker)


def link_document(doc: CleanDocument, reference: ReferenceData) -> LinkedDocument:
    """Find the entities named in `doc.text`: mentions with offsets, Entity records by relevance.

    Example: `link_document(doc, load_reference()).entities[0].tickers == ["9988.HK", "BABA"]`
    for an article about Alibaba's Hong Kong shares.
    """
    return linker_for(reference).link(doc)
