from tickerwire.clean import clean_text


def test_a_one_line_post_that_looks_like_furniture_is_kept_not_emptied():
    post = "Morning links: chip stocks to watch $NVDA $AMD $INTC http://t.co/abc123"
    cleaned = clean_text(post)
    assert cleaned.text == post
    assert cleaned.removed == ()
