import datetime as dt
from dataclasses import replace

from tickerwire.clean import clean_document, clean_text
from tickerwire.records import RawDocument


def test_a_one_line_post_that_looks_like_furniture_is_kept_not_emptied():
    post = "Morning links: chip stocks to watch $NVDA $AMD $INTC http://t.co/abc123"
    cleaned = clean_text(post)
    assert cleaned.text == post
    assert cleaned.removed == ()


def test_the_publication_moment_is_kept_only_with_its_own_date():
    moment = dt.datetime(2024, 2, 1, 18, 4, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    body = "Example Mining shares fell 5% in extended trading after it cut its copper forecast."
    stated = RawDocument("t", text=body, published=dt.date(2024, 2, 1), published_at=moment)
    kept = clean_document(stated)
    assert (kept.published, kept.published_at) == (dt.date(2024, 2, 1), moment)
    # a date given over the input's own (a command-line flag, a gold file) drops its time
    replaced = clean_document(replace(stated, published=dt.date(2024, 2, 2)))
    assert (replaced.published, replaced.published_at) == (dt.date(2024, 2, 2), None)
