"""Link: reference data of companies, listings and aliases + gazetteer matching -> Entity."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from tickerwire.records import CleanDocument, LinkedDocument


class ReferenceData:
    """Companies, indices and their listings and aliases (placeholder until the linker lands)."""

    @classmethod
    def load(cls, extra_csvs: Iterable[Path] = ()) -> ReferenceData:
        return cls()


def link_document(doc: CleanDocument, reference: ReferenceData) -> LinkedDocument:
    """Find the entities named in `doc.text`."""
    return LinkedDocument(doc=doc)
