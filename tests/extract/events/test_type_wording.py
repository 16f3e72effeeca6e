"""Wordings of the non-numeric event types that news uses widely, each with look-alikes.

A unit split off as a company ("hived off", "spun off", "carve out", "demerge"), the article's
company told by its home ("the San Diego company") and a pronoun after it, a generic risk
phrase or an approval still to come (no regulator's act), an outlook in reported speech ("says
that its"), and a stake sold with a particle ("sold off", "pared back"). The sentences are
written for these tests in the style of market news.
"""

from __future__ import annotations

import datetime as dt

from event_helpers import of_type, run

from tickerwire.extract.events.clauses import _CLAUSE_BOUNDARY

DAY = dt.date(2024, 2, 2)


def _types(text: str, event_type: str) -> list[tuple[str | None, str]]:
    return [(e.entity, e.attributes["summary"]) for e in of_type(run(text, DAY), event_type)]


def test_a_unit_split_off_as_a_company_is_a_listing():
    hived = "Alibaba shares fell this year as it hived off its logistics unit into a new company."
    demerge = "Tencent said on Monday it would demerge its cloud business next year."
    carve = "Meta Platforms plans to carve out its virtual reality division, people said."
    assert [e for e, _ in _types(hived, "listing")] == ["alibaba"]
    assert [e for e, _ in _types(demerge, "listing")] == ["tencent"]
    assert [e for e, _ in _types(carve, "listing")] == ["meta"]


def test_a_niche_carved_out_or_a_company_spun_off_long_ago_is_no_listing():
    niche = "Pinterest carved out a niche in visual search that rivals find hard to copy."
    origin = "Pinterest was spun off from its parent many years before the deal with Meta."
    assert _types(niche, "listing") == []
    assert _types(origin, "listing") == []


_HOME = (
    "Apple reported its results on Thursday, and Apple shares rose 2% after hours.\n\n"
    "But the Cupertino, California, company last year renewed a licensing pact with Samsung. "
    "It is also expanding into other markets such as smart glasses, with partners such as "
    "Meta Platforms and Nvidia expected to show devices this year."
)


def test_the_company_told_by_its_home_and_the_pronoun_after_it_are_the_article_s():
    partners = of_type(run(_HOME, DAY), "partnership")
    assert [(e.entity, e.attributes["partner"]) for e in partners] == [
        ("apple", "Samsung Electronics"),
        ("apple", "Meta Platforms"),
    ]


def test_the_company_told_by_its_country_is_not_the_article_s():
    # a country's company is a stranger as often as not: no pronoun chain to the main one
    text = _HOME.replace("the Cupertino, California, company", "the Chinese company")
    assert of_type(run(text, DAY), "partnership") == []


def test_such_as_gives_examples_and_starts_no_clause():
    lowered = "it is expanding into markets such as phones, with partners such as meta"
    starts = [m.group(0) for m in _CLAUSE_BOUNDARY.finditer(lowered)]
    assert starts == [", with"]
    assert [m.group(0) for m in _CLAUSE_BOUNDARY.finditer("shares rose as investors bought")]


def test_a_risk_named_among_others_or_an_approval_to_come_is_no_regulation():
    pair = "Meta Platforms also faces some legal and regulatory challenges in Europe."
    coming = "Regulatory approval for the Tencent game is expected in the second half."
    awaited = "Alibaba awaits regulatory approval for its purchase of the logistics firm."
    assert _types(pair, "regulation") == []
    assert _types(coming, "regulation") == []
    assert _types(awaited, "regulation") == []
    # the act itself stays
    assert _types("Tencent won regulatory approval for the new game.", "regulation")
    assert _types("Meta Platforms faces regulatory scrutiny in Europe.", "regulation")


def test_an_outlook_in_reported_speech_is_guidance_whatever_its_frame():
    says = (
        "Nvidia reported results on Wednesday. The company says that its revenue in the "
        "current quarter will rise to a record."
    )
    their = "Meta Platforms said that their capital spending this year would reach $37 billion."
    assert [e for e, _ in _types(says, "guidance")] == ["nvidia"]
    assert [e for e, _ in _types(their, "guidance")] == ["meta"]
    # a release told ahead is no outlook
    ahead = "Nvidia says that its results will be released on Feb. 21."
    assert _types(ahead, "guidance") == []


def test_a_stake_sold_with_a_particle_is_a_sale():
    sold_off = "GameStop walked away from the plan and slowly sold off its stake in Pinterest."
    pared = "Nomura pared back its holding in Alibaba during the fourth quarter."
    [off] = of_type(run(sold_off, DAY), "stake_change")
    [back] = of_type(run(pared, DAY), "stake_change")
    assert (off.entity, off.attributes["holder"], off.attributes["direction"]) == (
        "pinterest",
        "GameStop Corp",
        "sell",
    )
    assert (back.entity, back.attributes["direction"]) == ("alibaba", "sell")
    # a price cut back is no stake
    assert of_type(run("Apple cut back its prices in China.", DAY), "stake_change") == []


def test_a_comparison_told_both_ways_knows_no_side():
    both = (
        "For the quarter, Nvidia said chip and licensing revenues were $8.4 billion and $1.5 "
        "billion, respectively, above/below analyst estimates of $8 billion and $1.6 billion."
    )
    one = "For the quarter, Nvidia said chip revenue was $8.4 billion, below analyst estimates."
    assert [e.attributes["vs_expectations"] for e in of_type(run(both, DAY), "earnings")] == [None]
    assert [e.attributes["vs_expectations"] for e in of_type(run(one, DAY), "earnings")] == ["miss"]


def test_a_forecast_glued_to_a_reuters_code_is_no_results_beat():
    # "PINS.Nforecast": a lost space; the company forecast its revenue, it reported nothing.
    text = (
        "In company news, Pinterest PINS.Nforecast its fourth-quarter revenue above expectations."
    )
    assert _types(text, "earnings") == []
    text = "In company news, Pinterest PINS.N reported fourth-quarter revenue above expectations."
    assert [entity for entity, _ in _types(text, "earnings")] == ["pinterest"]


def test_a_merger_with_a_buyers_subsidiary_names_no_target():
    text = (
        "GameStop said its holders approved the merger of a wholly-owned subsidiary of "
        "Nvidia, under which each GameStop share becomes 0.2 Nvidia share."
    )
    assert _types(text, "acquisition") == []
    text = "Nvidia agreed to acquire GameStop for $4 billion in cash."
    assert [entity for entity, _ in _types(text, "acquisition")] == ["nvidia"]


def test_bonds_bought_back_are_no_share_buyback():
    text = (
        "GameStop said it would redeem $40 million more of its 2030 bonds, debt it will buy back."
    )
    assert _types(text, "buyback") == []
    text = "GameStop said it will buy back up to $200 million of its shares this year."
    assert [entity for entity, _ in _types(text, "buyback")] == ["gamestop"]
