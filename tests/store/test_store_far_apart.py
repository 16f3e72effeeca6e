"""Lookups against what earlier batches stored find it however many batches lie between: the
same article again, a new text at a known URL, a rewrite of an early report, and an undated
move in that rewrite, which joins the early report's story through their near-duplicate group."""

from __future__ import annotations

import datetime as dt
import random

from article_factory import ALIBABA, OTHER_REPORT, REPORT, REWRITE, article, move

from tickerwire.store import DuckDBStore
from tickerwire.store.story_refresh import rebuild_all_stories

_VOCABULARY = (
    "quarter margin outlook dividend buyback guidance tariff supplier freight inventory "
    "demand pricing capacity factory contract merger listing bond yield currency forecast "
    "retail wholesale export import subsidy licence patent lawsuit recall strike audit"
)
TUESDAY = dt.date(2025, 3, 4)
URL = "https://wire.example/lindqvist-sale"


def _filler(n: int) -> list:
    """Unrelated articles (word salads of their own) to put batches between the lookups."""
    rng = random.Random(n)
    words = _VOCABULARY.split()
    return [
        article(" ".join(rng.choice(words) for _ in range(80)) + f" Item {n}-{i}.")
        for i in range(5)
    ]


def test_lookups_find_what_batches_long_before_stored(db_file):
    report = article(
        REPORT,
        url=URL,
        published=TUESDAY,
        entities=[ALIBABA],
        events=[move("9988.HK", 3.4, TUESDAY)],
    )
    rewrite = article(
        REWRITE,
        url="https://mirror.example/1",
        published=TUESDAY,
        entities=[ALIBABA],
        events=[move("9988.HK", 3.4, None)],
    )
    correction = article(OTHER_REPORT, url=URL)
    with DuckDBStore(db_file) as store:
        run = store.start_run(["far apart"], "0.1.0")
        first = store.write_batch([report], run)
        for n in range(12):
            store.write_batch(_filler(n), run)
        again = store.write_batch([report, rewrite, correction], run)
        back = store.write_batch([article(REPORT, url=URL)], run)
        con = store.connection
        versions = [(v.version, v.article_id) for v in store.versions(URL)]
        group = store.duplicate_group(rewrite.id)
        event_groups = con.execute(
            "SELECT DISTINCT duplicate_group FROM events WHERE article_id = ?", [rewrite.id]
        ).fetchall()
        members = con.execute(
            """SELECT m.article_id FROM story_members AS m JOIN stories AS s ON s.id = m.story_id
               WHERE s.type = 'price_move' ORDER BY m.rank"""
        ).fetchall()
        stories = con.execute("SELECT id, date FROM stories ORDER BY id").fetchall()
        rebuild_all_stories(con, run_id=0)
        rebuilt = con.execute("SELECT id, date FROM stories ORDER BY id").fetchall()
    assert (first.stored, again.stored, again.duplicates, again.near_duplicates) == (1, 2, 1, 1)
    assert (back.stored, back.duplicates, back.new_versions) == (0, 1, 0)
    assert versions == [(1, report.id), (2, correction.id)]
    assert group == report.id and event_groups == [(report.id,)]
    # The undated move of the rewrite is on the report's day, in the report's story.
    assert sorted(m[0] for m in members) == sorted([report.id, rewrite.id])
    assert [day for _, day in stories] == [TUESDAY] and rebuilt == stories
