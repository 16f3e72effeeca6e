"""Openings of other articles at the tail of a page go as `off_topic`, one entry per teaser;
real closing paragraphs stay."""

from __future__ import annotations

import pytest

from tickerwire.clean import clean_text

MAIN = [
    "Harbor Rail shares jumped 12% on Tuesday after the freight operator agreed to buy a smaller "
    "regional rival for $3.4 billion in cash.",
    "Harbor Rail said the deal would add about 1,900 miles of track in the Midwest and lift its "
    "earnings within two years.",
    "Analysts at Example Securities said Harbor Rail was paying a fair price given the overlap "
    "between the two networks.",
    "Harbor Rail expects the purchase to close in the fourth quarter, subject to approval by "
    "federal regulators.",
]
TEASER_KICKER = (
    "ENERGY SHIFT: Utilities across the northern plains are racing to add wind capacity as "
    "state mandates tighten The push has drawn in turbine makers and pension funds alike, and "
    "lawmakers in two capitals are weighing tax credits that would"
)
TEASER_PLAIN = (
    "Coffee futures climbed to their highest level in a decade as dry weather in Brazil and "
    "Vietnam threatened the coming harvests. Roasters including several European chains have "
    "warned customers that retail prices could rise again before the"
)


def test_two_teasers_after_the_article_are_split_off_one_entry_each():
    page = "\n".join([*MAIN, TEASER_KICKER, TEASER_PLAIN])
    result = clean_text(page)
    assert result.text == "\n".join(MAIN)
    assert [(p.kind, p.text) for p in result.removed] == [
        ("off_topic", TEASER_KICKER),
        ("off_topic", TEASER_PLAIN),
    ]


def test_a_cut_off_closing_paragraph_about_the_main_company_stays():
    cut_own = (
        "Harbor Rail chief executive Nora Quinn said the combined company would keep both "
        "maintenance yards open and hire about 300 more workers over the next"
    )
    result = clean_text("\n".join([*MAIN, cut_own]))
    assert result.removed == ()
    assert result.text.endswith("over the next")


def test_a_closing_paragraph_on_another_subject_that_ends_properly_stays():
    shift = (
        "Elsewhere in the sector, coffee futures climbed to their highest level in a decade as "
        "dry weather in Brazil threatened the coming harvest."
    )
    result = clean_text("\n".join([*MAIN, shift]))
    assert result.removed == ()


def test_a_teaser_before_a_real_closing_paragraph_is_not_tail():
    result = clean_text("\n".join([*MAIN[:3], TEASER_PLAIN, MAIN[3]]))
    assert result.removed == ()


def test_too_short_a_page_has_no_tail_to_cut():
    result = clean_text("\n".join([MAIN[0], TEASER_PLAIN]))
    assert result.removed == ()


def test_off_topic_detection_can_be_switched_off():
    from tickerwire.clean import CleanOptions

    page = "\n".join([*MAIN, TEASER_PLAIN])
    result = clean_text(page, options=CleanOptions(remove_off_topic=False))
    assert result.text == page


# A short wire story, hard-wrapped, whose names are each said once or twice.
SHORT_MAIN = [
    "Lumen Textiles shares gained 4.1% in Milan on Thursday after the fabric maker raised",
    "its full-year margin goal and said orders from fashion houses had picked up in June.",
    "The company now targets an operating margin of 14%, up from 12% before, helped by",
    "lower energy bills at its two spinning mills.",
    "Chief financial officer Paolo Renzi told analysts that pricing had held up well.",
]
OTHER_STORY = [
    "Glacier Brewing cuts jobs as summer beer sales fall short",
    "Glacier Brewing said on Thursday it would shed about 400 staff across its Canadian",
    "breweries after a wet summer left volumes 6% below plan, and its shares slid 3%...",
]


@pytest.mark.parametrize(
    "heading",
    [
        "Read next",
        "Related stories",
        "More from Example Wire:",
        "Most read",
        "• Recommended for you",
    ],
)
def test_an_article_on_another_subject_after_a_recommendation_heading_is_off_topic(heading):
    result = clean_text("\n".join([*SHORT_MAIN, heading, *OTHER_STORY]))
    assert result.text == "\n".join(SHORT_MAIN)
    assert ("boilerplate", heading) in [(p.kind, p.text) for p in result.removed]
    assert ("off_topic", "\n".join(OTHER_STORY)) in [(p.kind, p.text) for p in result.removed]


def test_text_after_a_recommendation_heading_that_names_the_subject_stays():
    own = [
        "Lumen Textiles sets out plan to open a third mill in Portugal",
        "Lumen Textiles said the new site would cost about 90 million euros and start work",
        "in 2026, once the two existing mills run at full capacity.",
    ]
    result = clean_text("\n".join([*SHORT_MAIN, "Read next", *own]))
    assert result.text == "\n".join([*SHORT_MAIN, *own])
    assert [p.kind for p in result.removed] == ["boilerplate"]


def test_a_recommendation_heading_before_the_article_has_enough_text_cuts_nothing():
    result = clean_text("\n".join([*SHORT_MAIN[:2], "Related", *OTHER_STORY]))
    assert all(p.kind != "off_topic" for p in result.removed)
    assert OTHER_STORY[1] in result.text
