"""Who does an event: acts told as nouns, "the company" after an opening phrase, and acts tied
to a year long past.

"its announced acquisition of ..." is its owner's act; "Earlier this year, the company struck
..." is the article's company's when no company is named before it; "jumped in fiscal 2021 when
it released ..." is background. The sentences are written for these tests in the style of
market news.
"""

from __future__ import annotations

import datetime as dt

from event_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 2, 2)


def of_type(text: str, event_type: str) -> list[Event]:
    return [e for e in run(text, DAY) if e.type == event_type]


def test_an_act_told_as_a_noun_is_its_owner_s():
    text = (
        "Apple reported results on Monday. Investors weighed its announced acquisition of "
        "Pinterest for $20 billion."
    )
    [deal] = of_type(text, "acquisition")
    assert (deal.entity, deal.attributes["target"]) == ("apple", "Pinterest Inc")


def test_a_plan_told_as_a_noun_is_no_act():
    plan = "Traders cheered news of Alibaba's efforts to design new server chips of its own."
    act = "Traders cheered news of Alibaba's launch of new server chips."
    assert of_type(plan, "product_launch") == []
    assert [e.entity for e in of_type(act, "product_launch")] == ["alibaba"]


def test_the_company_after_an_opening_phrase_is_the_article_s_company():
    text = (
        "Tencent shares rose 3% on Friday. Tencent beat estimates for the quarter.\n\n"
        "Earlier this year, the company struck a licensing agreement with Samsung for its game "
        "engine."
    )
    [deal] = of_type(text, "partnership")
    assert (deal.entity, deal.attributes["partner"]) == ("tencent", "Samsung Electronics")


def test_an_act_tied_to_a_year_long_past_is_background():
    old = "Apple's sales jumped in fiscal 2021 when it released its first 5G handsets."
    new = "Apple's shares rose on Tuesday as it launched a cheaper iPhone."
    assert of_type(old, "product_launch") == []
    assert [e.entity for e in of_type(new, "product_launch")] == ["apple"]
