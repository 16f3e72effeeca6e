"""The DuckDB schema, as numbered migrations applied in order.

`schema_version` holds one row per applied migration. Opening a database for writing applies the
missing ones, each in its own transaction, so a database from any earlier tickerwire version is
brought up to date (and a failed migration leaves it at the previous version). Opening one
read-only leaves it as it is: the previous version's is read as the latest (`read_as_latest`),
older ones are refused until migrated.

No table declares a PRIMARY KEY or UNIQUE constraint: DuckDB backs them with ART indexes that
must fit in memory and that turn updates of list columns into delete+insert pairs that clash
within one transaction. Uniqueness of article ids, URL versions and the rest is kept by the store,
which checks the database before each batch (`duckdb_batch.py`); tests check it holds.

The tables (the article shape follows records.Article; one row per stored thing):
  articles            one row per distinct clean text (id = records' hash of that text), with
                      `seq` (storage order), its near-duplicate group and `published_at` (the
                      publication moment as ISO 8601 text, or null)
  article_versions    url -> the texts seen there, numbered 1, 2, ... (the old ones are kept)
  entities, events    per article, with their position in the record; events also carry
                      what places them in a story (metric, segment, period_end, groupable),
                      their article's near-duplicate group, publication day and storage order
                      and their entity's tickers
  conflicts           in-article conflicts (article_id set) and, later, cross-source ones
                      (story_id set); `value_list` holds [{"article", "value", "evidence"}]
  duplicate_groups    one row per near-duplicate group: first article, size
  minhash_signatures, minhash_bands
                      persisted LSH state so later ingests group with earlier ones
  stories, story_members
                      reports of one event across sources (filled by the stories slice)
  story_reports       every report grouped into an open-period metric story
  ingest_runs, ingest_errors
                      each `tickerwire ingest` and the inputs it could not read
  store_meta          key/value facts about the database (near-duplicate parameters)
  price_files, prices one row per loaded price file and per (file, day): files of one ticker
                      are kept apart (spliced on returns when read, see market/series.py)
  verifications       the verdict of each stored price/index-move claim (`tickerwire verify`)
  inferred_dates      market dating of undated articles: the date (null when several or no
                      sessions fit), its evidence and confidence
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import duckdb


@dataclass(frozen=True)
class Migration:
    """One step of the schema's history. Its SQL is frozen: later changes are new migrations."""

    number: int
    description: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


def _initial_corpus(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("CREATE TABLE store_meta (key VARCHAR NOT NULL, value VARCHAR)")
    con.execute(
        """CREATE TABLE ingest_runs (
            id INTEGER NOT NULL, started TIMESTAMP NOT NULL, finished TIMESTAMP,
            status VARCHAR NOT NULL, inputs JSON NOT NULL, pipeline_version VARCHAR NOT NULL,
            articles_read BIGINT NOT NULL DEFAULT 0, stored BIGINT NOT NULL DEFAULT 0,
            duplicates BIGINT NOT NULL DEFAULT 0, new_versions BIGINT NOT NULL DEFAULT 0,
            errors BIGINT NOT NULL DEFAULT 0)"""
    )
    con.execute("CREATE TABLE ingest_errors (run_id INTEGER, origin VARCHAR, reason VARCHAR)")
    con.execute(
        """CREATE TABLE articles (
            id VARCHAR NOT NULL, seq BIGINT NOT NULL, url VARCHAR, source VARCHAR, title VARCHAR,
            published DATE, published_basis VARCHAR, language VARCHAR, text VARCHAR NOT NULL,
            removed JSON, sentiment_score DOUBLE, sentiment_label VARCHAR,
            pipeline_version VARCHAR, first_ingested TIMESTAMP, run_id INTEGER)"""
    )
    con.execute(
        """CREATE TABLE article_versions (
            url VARCHAR NOT NULL, version INTEGER NOT NULL, article_id VARCHAR NOT NULL,
            first_seen TIMESTAMP NOT NULL, run_id INTEGER)"""
    )
    con.execute(
        """CREATE TABLE entities (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL, entity_id VARCHAR NOT NULL,
            name VARCHAR, type VARCHAR, tickers VARCHAR[], mentions INTEGER, relevance DOUBLE,
            sentiment DOUBLE)"""
    )
    # `day`: the event's date, or the article's publication date when the text gives none.
    con.execute(
        """CREATE TABLE events (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL, type VARCHAR NOT NULL,
            entity VARCHAR, listing VARCHAR, tickers VARCHAR[], date DATE, day DATE,
            date_text VARCHAR, evidence_start INTEGER, evidence_end INTEGER,
            evidence_text VARCHAR, confidence DOUBLE, fact_level VARCHAR, attributes JSON)"""
    )
    con.execute(
        """CREATE TABLE conflicts (
            id VARCHAR NOT NULL, story_id VARCHAR, article_id VARCHAR, position INTEGER,
            entity VARCHAR, field VARCHAR NOT NULL, value_list JSON NOT NULL, why VARCHAR,
            run_id INTEGER)"""
    )


def _near_duplicates(con: duckdb.DuckDBPyConnection) -> None:
    # Articles stored before this migration each start their own group; their signatures are
    # computed afterwards by the store (`duckdb_upkeep.backfill_signatures`), which needs the
    # near-duplicate parameters that the migration itself does not know.
    con.execute("ALTER TABLE articles ADD COLUMN duplicate_group VARCHAR")
    con.execute("ALTER TABLE articles ADD COLUMN duplicate_of VARCHAR")
    con.execute("ALTER TABLE articles ADD COLUMN duplicate_similarity DOUBLE")
    con.execute("UPDATE articles SET duplicate_group = id")
    con.execute("ALTER TABLE ingest_runs ADD COLUMN near_duplicates BIGINT NOT NULL DEFAULT 0")
    con.execute(
        """CREATE TABLE duplicate_groups (
            id VARCHAR NOT NULL, first_article VARCHAR NOT NULL, first_seen TIMESTAMP,
            size INTEGER NOT NULL)"""
    )
    con.execute(
        "INSERT INTO duplicate_groups SELECT id, id, first_ingested, 1 FROM articles ORDER BY seq"
    )
    con.execute(
        """CREATE TABLE minhash_signatures (
            article_id VARCHAR NOT NULL, duplicate_group VARCHAR NOT NULL,
            signature BLOB NOT NULL)"""
    )
    con.execute("CREATE TABLE minhash_bands (bucket BIGINT NOT NULL, article_id VARCHAR NOT NULL)")
    con.execute("INSERT INTO store_meta VALUES ('signatures_backfill', 'pending')")


def _stories(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """CREATE TABLE stories (
            id VARCHAR NOT NULL, type VARCHAR NOT NULL, entity VARCHAR, listing VARCHAR,
            date DATE, first_seen DATE, first_article VARCHAR, consensus_pct DOUBLE,
            updated_run INTEGER)"""
    )
    con.execute(
        """CREATE TABLE story_members (
            story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, event_position INTEGER,
            rank INTEGER NOT NULL, change_pct DOUBLE, novelty DOUBLE)"""
    )


def _market_checks(con: duckdb.DuckDBPyConnection) -> None:
    # Self-contained so that it can be renumbered when another migration lands first.
    con.execute(
        """CREATE TABLE price_files (
            ticker VARCHAR NOT NULL, source VARCHAR NOT NULL, has_adj_close BOOLEAN NOT NULL,
            skipped_rows INTEGER NOT NULL, loaded TIMESTAMP NOT NULL)"""
    )
    con.execute(
        """CREATE TABLE prices (
            ticker VARCHAR NOT NULL, source VARCHAR NOT NULL, date DATE NOT NULL, open DOUBLE,
            high DOUBLE, low DOUBLE, close DOUBLE NOT NULL, adj_close DOUBLE NOT NULL,
            volume DOUBLE, dividend DOUBLE)"""
    )
    con.execute(
        """CREATE TABLE verifications (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL, listing VARCHAR NOT NULL,
            date DATE, claimed_pct DOUBLE NOT NULL, actual_pct DOUBLE, abnormal_pct DOUBLE,
            verdict VARCHAR NOT NULL, why VARCHAR NOT NULL, checked TIMESTAMP NOT NULL)"""
    )
    con.execute(
        """CREATE TABLE inferred_dates (
            article_id VARCHAR NOT NULL, position INTEGER NOT NULL, listing VARCHAR NOT NULL,
            date DATE, confidence DOUBLE NOT NULL, evidence VARCHAR NOT NULL,
            inferred TIMESTAMP NOT NULL)"""
    )


def _story_keys(con: duckdb.DuckDBPyConnection) -> None:
    # What defines a story beyond type, entity, listing and date (records.Story), and the
    # tickers a query by ticker finds it under (a metric story has no listing of its own).
    con.execute("ALTER TABLE stories ADD COLUMN period VARCHAR")
    con.execute("ALTER TABLE stories ADD COLUMN metric VARCHAR")
    con.execute("ALTER TABLE stories ADD COLUMN segment VARCHAR")
    con.execute("ALTER TABLE stories ADD COLUMN tickers VARCHAR[]")


def _story_reports(con: duckdb.DuckDBPyConnection) -> None:
    # Every report grouped into an open-period metric story (story_members keeps one per
    # article): an incremental refresh restarts grouping from them. Filled by rebuilding every
    # story, as the refresh would from now on: the store does it once the schema is up to date
    # (`duckdb_upkeep.finish_pending_work`), since the refresh reads columns later migrations add.
    con.execute(
        """CREATE TABLE story_reports (
            story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL,
            event_position INTEGER NOT NULL)"""
    )
    _request_stories_rebuild(con)


def _story_key_columns(con: duckdb.DuckDBPyConnection) -> None:
    # What places a report in a story, as plain columns (see rows.py, which fills them): the
    # story refresh finds a batch's windows by them without parsing every stored event's JSON,
    # and without joining every article for its near-duplicate group (which is set once, when
    # the article is stored), nor every entity for the tickers of the report's entity.
    # `groupable`: a statement of fact that is no metric estimate (`cluster.stories` groups no
    # other report).
    for column, kind in (
        ("metric", "VARCHAR"),
        ("segment", "VARCHAR"),
        ("period_end", "VARCHAR"),
        ("groupable", "BOOLEAN"),
        ("duplicate_group", "VARCHAR"),
        ("entity_tickers", "VARCHAR[]"),
    ):
        con.execute(f"ALTER TABLE events ADD COLUMN {column} {kind}")
    con.execute(
        """UPDATE events SET metric = attributes->>'metric', segment = attributes->>'segment',
               period_end = attributes->>'period_end',
               groupable = coalesce(fact_level, '') NOT IN ('forecast', 'opinion')
                   AND NOT (type = 'financial_metric'
                            AND coalesce(attributes->>'is_estimate', 'false') = 'true')"""
    )
    con.execute(
        """UPDATE events SET duplicate_group = a.duplicate_group
           FROM articles AS a WHERE a.id = events.article_id"""
    )
    con.execute(
        """UPDATE events SET entity_tickers = n.tickers
           FROM entities AS n
           WHERE n.article_id = events.article_id AND n.entity_id = events.entity"""
    )


def _closed_period_windows(con: duckdb.DuckDBPyConnection) -> None:
    # The article's publication day and storage order on each event, so that the story refresh
    # reads reports from the events table alone (see stored_reports._REPORTS_SQL); the market
    # dating of an article updates both tables.
    con.execute("ALTER TABLE events ADD COLUMN published DATE")
    con.execute("ALTER TABLE events ADD COLUMN seq BIGINT")
    con.execute(
        """UPDATE events SET published = a.published, seq = a.seq
           FROM articles AS a WHERE a.id = events.article_id"""
    )
    # Reports of a closed-period figure now share a story only within a publication window
    # (`cluster.stories.closed_period_window`): stories stored before were grouped without it,
    # so every story is rebuilt once the schema is up to date (as for migration 6).
    _request_stories_rebuild(con)


def _publication_moment(con: duckdb.DuckDBPyConnection) -> None:
    # records.Article.published_at as its ISO 8601 text, offset as written ("2024-02-01T07:05:00
    # -05:00"): a TIMESTAMPTZ would keep the instant but not the zone the source wrote it in.
    # Articles stored before stay null: their inputs' time of day was not kept. IF NOT EXISTS:
    # a database whose recorded version was set back (tests do, to rerun later migrations)
    # already has the column.
    con.execute("ALTER TABLE articles ADD COLUMN IF NOT EXISTS published_at VARCHAR")


def _request_stories_rebuild(con: duckdb.DuckDBPyConnection) -> None:
    # Opening for writing rebuilds every story when it finds this mark (once, whichever
    # migrations asked for it).
    con.execute("DELETE FROM store_meta WHERE key = 'stories_rebuild'")
    con.execute("INSERT INTO store_meta VALUES ('stories_rebuild', 'pending')")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "articles, versions, entities, events, conflicts, ingest runs", _initial_corpus),
    Migration(2, "near-duplicate groups and persisted MinHash/LSH state", _near_duplicates),
    Migration(3, "stories and their members", _stories),
    Migration(4, "prices, verifications and dates inferred from the market", _market_checks),
    Migration(5, "story period, metric, segment and tickers", _story_keys),
    Migration(6, "reports grouped into open-period stories", _story_reports),
    Migration(7, "story keys of events as columns", _story_key_columns),
    Migration(
        8,
        "publication day and order on events; closed-period stories by publication window",
        _closed_period_windows,
    ),
    Migration(9, "publication moment of articles", _publication_moment),
)
LATEST_VERSION = MIGRATIONS[-1].number

# Columns that migrations from `READABLE_FROM` on only add to a table, each (version, table,
# column, type): a database that lacks them is read, without migrating it, as if they were null
# (`read_as_latest`). A query must not change a database, not even bring it up to date.
_ADDED_COLUMNS: tuple[tuple[int, str, str, str], ...] = (
    (9, "articles", "published_at", "VARCHAR"),
)
READABLE_FROM = 8


def schema_version(con: duckdb.DuckDBPyConnection) -> int:
    """The highest migration applied to this database (0 for an empty one)."""
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, target: int = LATEST_VERSION) -> list[int]:
    """Apply the migrations above the database's version up to `target`; return their numbers."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version "
        "(version INTEGER NOT NULL, description VARCHAR, applied TIMESTAMP)"
    )
    current = schema_version(con)
    applied: list[int] = []
    for migration in MIGRATIONS:
        if migration.number <= current or migration.number > target:
            continue
        con.begin()
        try:
            migration.apply(con)
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, current_timestamp::TIMESTAMP)",
                [migration.number, migration.description],
            )
            con.commit()
        except BaseException:
            con.rollback()
            raise
        applied.append(migration.number)
    return applied


def read_as_latest(con: duckdb.DuckDBPyConnection, version: int) -> None:
    """Let a read-only connection to a database at `version` (from `READABLE_FROM` on) be read
    as the latest schema: each table that lacks added columns is shadowed, for this connection
    only, by a temporary view that gives them as null."""
    if not READABLE_FROM <= version < LATEST_VERSION:
        raise ValueError(f"schema version {version} cannot be read as {LATEST_VERSION}")
    missing: dict[str, list[str]] = {}
    for number, table, column, kind in _ADDED_COLUMNS:
        if number > version:
            missing.setdefault(table, []).append(f'NULL::{kind} AS "{column}"')
    row = con.execute("SELECT current_database()").fetchone()
    catalog = str(row[0]).replace('"', '""') if row else "memory"
    for table, nulls in missing.items():
        # The view names the file's table in full: an unqualified name would be the view itself.
        con.execute(
            f'CREATE TEMPORARY VIEW "{table}" AS '
            f'SELECT *, {", ".join(nulls)} FROM "{catalog}".main."{table}"'
        )
