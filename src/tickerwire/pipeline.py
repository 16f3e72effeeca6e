"""Runs the stages over one article or a stream: ingest -> clean -> link -> extract -> score.

A Pipeline holds what is expensive to build once (reference data, gazetteer automaton) and is
otherwise stateless: `process` is a pure function of the raw document.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

from tickerwire import __version__
from tickerwire.checks import check_article
from tickerwire.clean import clean_document
from tickerwire.config import Settings
from tickerwire.extract import extract_events
from tickerwire.ingest import DocumentOverrides, read_inputs
from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.records import (
    Article,
    CleanDocument,
    Event,
    LinkedDocument,
    RawDocument,
    ReadError,
)
from tickerwire.score import ArticleSentiment, ArticleSentimentScorer, with_entity_sentiment

_SPACE = regex.compile(r"\s+")


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its clean text with case and white space normalised."""
    normalised = _SPACE.sub(" ", text).strip().casefold()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:20]


class Pipeline:
    """The article pipeline with its reference data loaded once."""

    def __init__(self, settings: Settings | None = None, reference: ReferenceData | None = None):
        self.settings = settings or Settings()
        self.reference = reference or load_reference(self.settings.reference_csvs)
        self.sentiment = ArticleSentimentScorer()

    def process(self, raw: RawDocument) -> Article:
        """Turn one raw document into its Article record."""
        clean = clean_document(raw)
        linked = link_document(clean, self.reference)
        events = extract_events(linked, self.reference)
        tone = self.sentiment.score(clean.text, clean.title, linked.mentions, linked.entities)
        return self._assemble(clean, linked, events, tone)

    def process_paths(
        self, paths: Iterable[str | Path], overrides: DocumentOverrides | None = None
    ) -> Iterator[Article | ReadError]:
        """Read `paths` and yield an Article, or a ReadError, per input article, in input order."""
        for item in read_inputs(paths, self.settings.ingest, overrides):
            if isinstance(item, ReadError):
                yield item
                continue
            yield self.process(item)

    def _assemble(
        self,
        clean: CleanDocument,
        linked: LinkedDocument,
        events: list[Event],
        tone: ArticleSentiment,
    ) -> Article:
        identifier = article_id(clean.text)
        return Article(
            id=identifier,
            url=clean.url,
            source=clean.source,
            title=clean.title,
            published=clean.published,
            published_basis=clean.published_basis,
            language=clean.language,
            text=clean.text,
            removed=list(clean.removed),
            entities=with_entity_sentiment(linked.entities, tone.entity_scores),
            events=events,
            sentiment=tone.sentiment,
            conflicts=check_article(events, clean.text, clean.published, article_id=identifier),
            pipeline_version=__version__,
        )


def process(raw: RawDocument, settings: Settings | None = None) -> Article:
    """Process one document with a fresh pipeline (convenient; use Pipeline for many)."""
    return Pipeline(settings).process(raw)
