"""Link: reference data of companies, listings and aliases + gazetteer matching -> Entity."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.records import CleanDocument, LinkedDocument

__all__ = ["Listing", "ReferenceData", "ReferenceEntity", "link_document", "load_reference"]


def load_reference(extra_csvs: Iterable[Path] = ()) -> ReferenceData:
    """The bundled reference list, extended by the user's CSV files (placeholder: empty)."""
    return ReferenceData()


def link_document(doc: CleanDocument, reference: ReferenceData) -> LinkedDocument:
    """Find the entities named in `doc.text`."""
    return LinkedDocument(doc=doc)
