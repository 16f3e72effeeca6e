"""Runs the stages over one article or a stream: ingest -> clean -> link -> extract -> score.

A Pipeline holds what is expensive to build once (reference data, gazetteer automaton) and is
otherwise stateless: `process` is a pure function of the raw document.
"""

from __future__ import annotations

import gc
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
    Conflict,
    Event,
    LinkedDocument,
    RawDocument,
    ReadError,
)
from tickerwire.score import ArticleSentiment, ArticleSentimentScorer, with_entity_sentiment

_SPACE = regex.compile(r"\s+")
# str.split() also splits at these four separators, which `\s` does not match; on every other
# code point the two agree (checked over all of Unicode), so without them split() is exact.
_SPLIT_ONLY_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")


# The characters str.split() splits at besides " " and "\n" (the ASCII ones first; a test checks
# the list over all of Unicode), and the pairs of white space characters: a clean text holds none
# of them (its lines are stripped and joined by "\n", its odd spaces made plain).
_ASCII_SPACE_BUT_SPACE_AND_NEWLINE = ("\t", "\r", "\x0b", "\x0c", *_SPLIT_ONLY_SPACE)
_SPACE_BUT_SPACE_AND_NEWLINE = (
    *_ASCII_SPACE_BUT_SPACE_AND_NEWLINE,
    *("\x85", "\xa0", "\u1680", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000"),
    *(chr(code) for code in range(0x2000, 0x200B)),
)
_SPACE_PAIRS = ("  ", "\n\n", " \n", "\n ")


def article_id(text: str) -> str:
    """Stable id of an article: a hash of its clean text with case and white space normalised."""
    return hashlib.sha256(_normalised_space(text).casefold().encode("utf-8")).hexdigest()[:20]


def _normalised_space(text: str) -> str:
    """`text` with each run of white space made one space, and none at either end."""
    other_spaces = (
        _ASCII_SPACE_BUT_SPACE_AND_NEWLINE if text.isascii() else _SPACE_BUT_SPACE_AND_NEWLINE
    )
    if (
        not text[:1].isspace()
        and not text[-1:].isspace()
        and not any(space in text for space in other_spaces)
        and not any(pair in text for pair in _SPACE_PAIRS)
    ):
        # Every run is one space or one line break already: looking costs a half of splitting
        # (a tenth on ASCII text), replacing next to nothing.
        return text.replace("\n", " ")
    if any(separator in text for separator in _SPLIT_ONLY_SPACE):
        return _SPACE.sub(" ", text).strip()
    return " ".join(text.split())  # the same as the regex, at half its cost


def freeze_long_lived() -> None:
    """Move every object alive now out of the garbage collector's reach (`gc.freeze`).

    For a process that runs one Pipeline over many articles, once its first article is done:
    the reference data, automata and calendars built by then live as long as the process, and
    every full collection would walk them again (with the bundled reference, 2.4M of 60M
    machine instructions per FNSPID article: `benchmarks/stage_instructions.py 20 process`).
    Not for a caller that builds and drops pipelines: what is frozen is never collected until
    `gc.unfreeze()`, which a run calls when it ends (DuckDB's bindings report objects still
    frozen at exit as leaked). `tickerwire extract` and `demo` use it; ingest does not.
    """
    gc.collect()
    gc.freeze()


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
        identifier = article_id(clean.text)
        conflicts = check_article(events, clean.text, clean.published, article_id=identifier)
        return self._assemble(identifier, clean, linked, events, tone, conflicts)

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
        identifier: str,
        clean: CleanDocument,
        linked: LinkedDocument,
        events: list[Event],
        tone: ArticleSentiment,
        conflicts: list[Conflict],
    ) -> Article:
        return Article(
            id=identifier,
            url=clean.url,
            source=clean.source,
            title=clean.title,
            published=clean.published,
            published_basis=clean.published_basis,
            published_at=clean.published_at,
            language=clean.language,
            text=clean.text,
            removed=list(clean.removed),
            entities=with_entity_sentiment(linked.entities, tone.entity_scores),
            events=events,
            sentiment=tone.sentiment,
            conflicts=conflicts,
            pipeline_version=__version__,
        )


def process(raw: RawDocument, settings: Settings | None = None) -> Article:
    """Process one document with a fresh pipeline (convenient; use Pipeline for many)."""
    return Pipeline(settings).process(raw)
