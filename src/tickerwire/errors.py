"""One exception tree. Every error names the input it concerns and the reason, with a stable code.

Readers never raise on a bad input: they yield a `records.ReadError` so one bad file cannot stop a
batch. These exceptions are for bad usage and for failures that end a whole command.
"""

from __future__ import annotations


class TickerwireError(Exception):
    """Base of every error tickerwire raises on purpose."""

    code = "TW000"

    def __init__(self, subject: str, reason: str) -> None:
        super().__init__(f"{subject}: {reason}")
        self.subject = subject
        self.reason = reason

    def __str__(self) -> str:
        return f"[{self.code}] {self.subject}: {self.reason}"


class UsageError(TickerwireError):
    """The command was called with arguments that cannot work (exit status 2)."""

    code = "TW001"


class InputError(TickerwireError):
    """An input file or record could not be read (the batch goes on without it)."""

    code = "TW010"


class ReferenceDataError(TickerwireError):
    """A company/listing reference file is malformed."""

    code = "TW020"


class GoldFileError(TickerwireError):
    """A gold annotation file for `tickerwire eval` is malformed."""

    code = "TW030"


class StoreError(TickerwireError):
    """The database could not be opened, migrated or written."""

    code = "TW040"


class IngestError(TickerwireError):
    """An ingest could not go on (a worker process died); the batches committed stay stored."""

    code = "TW041"


class PriceDataError(TickerwireError):
    """A price file could not be read or has no usable date/close columns."""

    code = "TW050"


class CalendarError(TickerwireError):
    """No trading calendar answers: an unknown exchange or ticker suffix, or a date out of range."""

    code = "TW051"
