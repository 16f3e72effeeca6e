"""The storage interface: what any engine behind tickerwire's corpus must do.

`Store` is the one interface the CLI, the API and the ingest runner talk to; `DuckDBStore` is the
default engine. Rows handed back by queries are the small read-only views below (an Event with
the article it came from, a day of a listing's timeline, an ingest run); the records themselves
are those of `tickerwire.records`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from types import TracebackType
from typing import Literal, Protocol

from tickerwire.cluster.near_duplicates import Fingerprint
from tickerwire.records import Article, Conflict, Event, ReadError, Story

RunStatus = Literal["running", "completed", "interrupted", "failed"]


@dataclass(frozen=True)
class PreparedArticle:
    """An article ready to store: the record and its near-duplicate fingerprint (computed by the
    worker that processed it, so the writing process does not have to)."""

    article: Article
    fingerprint: Fingerprint | None = None
    origin: str | None = None


@dataclass(frozen=True)
class IngestRun:
    """One `tickerwire ingest` invocation and what it did."""

    id: int
    started: dt.datetime
    inputs: tuple[str, ...]
    pipeline_version: str
    status: RunStatus = "running"
    finished: dt.datetime | None = None
    articles_read: int = 0
    stored: int = 0
    duplicates: int = 0
    new_versions: int = 0
    near_duplicates: int = 0
    errors: int = 0


@dataclass(frozen=True)
class BatchOutcome:
    """What one `write_batch` call stored.

    `duplicates`: articles already stored (same id) or repeated within the batch.
    `new_versions`: stored articles whose URL was already known with another text.
    `near_duplicates`: stored articles that joined an existing duplicate group.
    `stories_s`: seconds spent bringing the stories up to date (for benchmarks).
    """

    read: int
    stored: int
    duplicates: int
    new_versions: int
    near_duplicates: int
    errors: int
    stories_s: float = 0.0


@dataclass(frozen=True)
class ArticleVersion:
    """One text seen at a URL; version 1 is the first text stored for that URL."""

    url: str
    version: int
    article_id: str
    first_seen: dt.datetime
    run_id: int


@dataclass(frozen=True)
class EventFilter:
    """Which stored events a query returns. Dates compare with the event's date, or the
    article's publication date when the event has none."""

    ticker: str | None = None
    type: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    entity: str | None = None
    limit: int | None = None


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored: the Event record, where it sits, and the article it came from."""

    article_id: str
    index: int
    event: Event
    listing: str | None
    tickers: tuple[str, ...]
    day: dt.date | None
    published: dt.date | None
    source: str | None
    url: str | None
    title: str | None
    duplicate_group: str | None
    # The article's publication moment, when its input stated one (`Article.published_at`).
    published_at: dt.datetime | None = None


@dataclass(frozen=True)
class TimelineDay:
    """A listing's stored events on one day, with how many articles and stories report them."""

    date: dt.date
    events: tuple[StoredEvent, ...]
    articles: int
    stories: int
    type_counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StoryFilter:
    """Which stories (or conflicts) a query returns. Dates compare with the story's date, or its
    first report's publication date when it has none (an in-article conflict: the article's)."""

    ticker: str | None = None
    type: str | None = None
    entity: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    limit: int | None = None


@dataclass(frozen=True)
class StoredConflict:
    """A stored conflict, with the day it is about (story date or article publication)."""

    conflict: Conflict
    day: dt.date | None
    kind: str  # "cross_source" or "in_article"
    tickers: tuple[str, ...]


MidBatchHook = Callable[[], None]


class Store(Protocol):
    """The corpus store. Writers hold the database alone; readers open it read-only."""

    def start_run(self, inputs: Sequence[str], pipeline_version: str) -> IngestRun:
        """Record the start of an ingest run (committed at once) and return it."""
        ...

    def write_batch(
        self,
        articles: Sequence[Article | PreparedArticle],
        run: IngestRun,
        errors: Sequence[ReadError] = (),
        mid_batch: MidBatchHook | None = None,
    ) -> BatchOutcome:
        """Store a batch in one transaction: new articles with their entities, events,
        versions and duplicate groups, the batch's read errors, and the run's counters.
        Articles already stored are skipped. `mid_batch` runs inside the transaction, after
        the articles are written and before their parts are (lets a test interrupt a batch
        halfway and check that none of it remains)."""
        ...

    def finish_run(self, run: IngestRun, status: RunStatus) -> IngestRun:
        """Record how a run ended and return it with its final counters."""
        ...

    def runs(self) -> list[IngestRun]:
        """Every ingest run, oldest first."""
        ...

    def article(self, article_id: str) -> Article | None:
        """The stored Article with this id, or None."""
        ...

    def articles(self, *, url: str | None = None, limit: int | None = None) -> Iterator[Article]:
        """Stored articles (those seen at `url` if given), in publication order."""
        ...

    def versions(self, url: str) -> list[ArticleVersion]:
        """The texts seen at a URL, oldest first."""
        ...

    def duplicate_group(self, article_id: str) -> str | None:
        """The near-duplicate group of an article (its own id when it has no near-duplicate)."""
        ...

    def events(self, filters: EventFilter) -> list[StoredEvent]:
        """Stored events matching `filters`, by day, then article, then position."""
        ...

    def timeline(
        self, listing: str, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[TimelineDay]:
        """A listing's events grouped by day, oldest first."""
        ...

    def stories(self, filters: StoryFilter) -> list[Story]:
        """Stored stories matching `filters`, by day."""
        ...

    def conflicts(self, filters: StoryFilter) -> list[StoredConflict]:
        """Stored conflicts, cross-source and in-article, matching `filters`, by day."""
        ...

    def table_counts(self) -> dict[str, int]:
        """Row count of every table (for summaries and tests)."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Store: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None: ...
