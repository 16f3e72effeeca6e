"""Round trips, idempotency and URL versions against a real DuckDB file."""

import datetime as dt
import uuid

import pytest
from article_factory import ALIBABA, TENCENT, article, metric, move
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tickerwire.errors import StoreError
from tickerwire.records import (
    Article,
    Conflict,
    ConflictValue,
    Entity,
    Event,
    Evidence,
    Removed,
    Sentiment,
)
from tickerwire.store import DuckDBStore

# -- hypothesis strategies: any record the contract allows -----------------------------------

text = st.text(max_size=60)
unit = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)
signed_unit = st.floats(min_value=-1.0, max_value=1.0, allow_nan=False)
json_scalar = st.none() | st.booleans() | st.integers(-(2**53), 2**53) | text
json_scalar = json_scalar | st.floats(allow_nan=False, allow_infinity=False)
json_value = st.recursive(
    json_scalar,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(text, inner, max_size=3),
    max_leaves=8,
)
entities = st.builds(
    Entity,
    id=text,
    name=text,
    type=st.sampled_from(["company", "index", "organization", "person", "product", "government"]),
    tickers=st.lists(st.text(min_size=1, max_size=8), max_size=3),
    mentions=st.integers(0, 1000),
    relevance=unit,
    sentiment=signed_unit,
)
events = st.builds(
    Event,
    type=st.sampled_from(["price_move", "index_move", "financial_metric", "earnings", "legal"]),
    entity=st.none() | text,
    date=st.none() | st.dates(),
    date_text=st.none() | text,
    evidence=st.builds(Evidence, start=st.integers(0, 10**6), end=st.integers(0, 10**6), text=text),
    confidence=unit,
    attributes=st.dictionaries(text, json_value, max_size=5),
)
conflicts = st.builds(
    Conflict,
    story=st.none(),
    entity=st.none() | text,
    field=text,
    values=st.lists(
        st.builds(ConflictValue, article=st.none() | text, value=json_value, evidence=text),
        max_size=3,
    ),
    why=text,
)
# Publication moments in any whole-minute UTC offset up to 14 hours (as inputs state them).
moments = st.datetimes(
    min_value=dt.datetime(1990, 1, 1),
    max_value=dt.datetime(2100, 1, 1),
    timezones=st.integers(-14 * 60, 14 * 60).map(lambda m: dt.timezone(dt.timedelta(minutes=m))),
)
articles = st.builds(
    Article,
    id=st.just("placeholder"),
    url=st.none() | text,
    source=st.none() | text,
    title=st.none() | text,
    published=st.none() | st.dates(),
    published_basis=st.none() | st.sampled_from(["metadata", "html", "text", "inferred"]),
    published_at=st.none() | moments,
    language=st.sampled_from(["en", "de", "zh"]),
    text=st.text(max_size=400),
    removed=st.lists(
        st.builds(
            Removed, kind=st.sampled_from(["boilerplate", "off_topic", "duplicate"]), text=text
        ),
        max_size=3,
    ),
    entities=st.lists(entities, max_size=4),
    events=st.lists(events, max_size=4),
    sentiment=st.builds(
        Sentiment, score=signed_unit, label=st.sampled_from(["positive", "negative", "neutral"])
    ),
    conflicts=st.lists(conflicts, max_size=2),
    pipeline_version=st.just("0.1.0"),
)


def test_any_article_comes_back_as_it_was_stored(tmp_path):
    # One database for all examples (opening one per example would dominate the run time).
    with DuckDBStore(tmp_path / "roundtrip.duckdb") as store:
        run = store.start_run(["hypothesis"], "0.1.0")

        @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(batch=st.lists(articles, min_size=1, max_size=3))
        def check(batch):
            batch = [a.model_copy(update={"id": uuid.uuid4().hex}) for a in batch]
            store.write_batch(batch, run)
            for original in batch:
                stored = store.article(original.id)
                assert stored is not None
                # The contract is the JSON form: dates in attributes come back as ISO strings.
                assert stored.model_dump(mode="json") == original.model_dump(mode="json")

        check()


def _write(store, items, inputs=("test",)):
    run = store.start_run(list(inputs), "0.1.0")
    outcome = store.write_batch(items, run)
    store.finish_run(run, "completed")
    return outcome


def test_the_same_article_twice_is_stored_once(store):
    day = dt.date(2025, 9, 1)
    one = article(
        "Alibaba's Hong Kong shares jumped 19% on Monday.",
        url="https://a.test/1",
        published=day,
        entities=[ALIBABA],
        events=[move("9988.HK", 19.0, day)],
    )
    other = article("Tencent slipped 1.2% in Hong Kong.", published=day, entities=[TENCENT])
    first = _write(store, [one, one, other])
    assert (first.read, first.stored, first.duplicates) == (3, 2, 1)
    counts = store.table_counts()
    second = _write(store, [other, one])
    assert (second.stored, second.duplicates) == (0, 2)
    after = store.table_counts()
    assert {k: v for k, v in after.items() if k != "ingest_runs"} == {
        k: v for k, v in counts.items() if k != "ingest_runs"
    }
    ids = store.connection.execute("SELECT id, count(*) FROM articles GROUP BY id").fetchall()
    assert all(n == 1 for _, n in ids)


def test_new_text_at_a_known_url_is_a_new_version_and_the_old_one_is_kept(store):
    url = "https://news.test/alibaba-cloud"
    old = article("Alibaba cloud revenue grew 26% in the quarter.", url=url)
    new = article("Alibaba cloud revenue grew 26% in the June quarter, beating forecasts.", url=url)
    _write(store, [old])
    outcome = _write(store, [new])
    assert outcome.new_versions == 1
    versions = store.versions(url)
    assert [(v.version, v.article_id) for v in versions] == [(1, old.id), (2, new.id)]
    assert {a.id for a in store.articles(url=url)} == {old.id, new.id}
    assert store.article(old.id).text == old.text


def test_the_same_text_at_two_urls_is_one_article_seen_at_both(store):
    text = "Hang Seng index closed 1.1% higher, led by technology shares."
    a = article(text, url="https://one.test/x")
    b = article(text, url="https://mirror.test/y")
    outcome = _write(store, [a, b])
    assert (outcome.stored, outcome.duplicates, outcome.new_versions) == (1, 1, 0)
    assert [v.article_id for v in store.versions("https://mirror.test/y")] == [a.id]


def test_events_are_stored_with_the_tickers_they_are_about(store):
    day = dt.date(2025, 2, 21)
    stored = article(
        "Alibaba's Hong Kong shares rose 15%; cloud revenue reached 31.7 billion yuan.",
        published=day,
        entities=[ALIBABA],
        events=[move("9988.HK", 15.0, None), metric("alibaba", 31.7e9)],
    )
    _write(store, [stored])
    rows = store.connection.execute(
        "SELECT type, listing, tickers, day FROM events ORDER BY position"
    ).fetchall()
    # The move is the Hong Kong line's only; the revenue figure is the company's, so both lines.
    assert rows == [
        ("price_move", "9988.HK", ["9988.HK"], day),
        ("financial_metric", None, ["9988.HK", "BABA"], day),
    ]


def test_read_only_store_refuses_writes_and_a_missing_file(tmp_path, db_file):
    with pytest.raises(StoreError, match="no database"):
        DuckDBStore(tmp_path / "absent.duckdb", read_only=True)
    DuckDBStore(db_file).close()
    with DuckDBStore(db_file, read_only=True) as reader:
        run = reader.runs()
        assert run == []
        with pytest.raises(StoreError, match="read-only"):
            reader.write_batch([article("Some text.")], None)  # type: ignore[arg-type]
