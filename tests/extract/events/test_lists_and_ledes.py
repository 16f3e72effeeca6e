"""Outlooks told as reported speech, views of a sector, settlements of allegations, lists closed
by "respectively", and a sector's move told in the lede as the cause of its members' moves, each
with look-alikes that must give nothing. The sentences are written for these tests in the style
of market news.
"""

from __future__ import annotations

import datetime as dt

from event_helpers import us_company
from extract_helpers import AliasLinker

from tickerwire.extract import extract_events
from tickerwire.link.reference import Listing, ReferenceEntity
from tickerwire.records import Event

DAY = dt.date(2024, 1, 30)


_LINKER = AliasLinker(
    (
        us_company("apple", "Apple Inc", "Apple", "AAPL"),
        us_company("meta", "Meta Platforms", "Meta", "META"),
        us_company("microsoft", "Microsoft Corp", "Microsoft", "MSFT"),
        us_company("nvidia", "Nvidia Corp", "Nvidia", "NVDA"),
        us_company("amd", "Advanced Micro Devices", "AMD"),
        us_company("pinterest", "Pinterest Inc", "Pinterest", "PINS"),
        us_company("samsung", "Samsung Electronics", "Samsung", "SSNLF"),
        ReferenceEntity(
            "barclays",
            "Barclays PLC",
            "company",
            ("Barclays",),
            (Listing("BARC.L", "XLON", "GBP", "GB", primary=True),),
        ),
        ReferenceEntity("jon-doe", "Jon Doe", "person", ("Jon Doe",)),
    ),
    other_relevance=0.1,
)


def run(text: str, published: dt.date = DAY) -> list[Event]:
    return extract_events(_LINKER.link(text, published), _LINKER.reference)


def of_type(text: str, event_type: str) -> list[Event]:
    return [e for e in run(text) if e.type == event_type]


# -- guidance told as reported speech ---------------------------------------------------------


def test_a_company_saying_what_its_figures_will_be_gives_guidance():
    [capex] = of_type(
        "After the bell, Meta said its 2025 capital expenditures would land between $38 billion "
        "and $40 billion, up from its earlier plan.",
        "guidance",
    )
    assert capex.entity == "meta"
    assert capex.attributes["fact_level"] == "forecast"
    [sales] = of_type(
        "Microsoft says its cloud sales will grow about 30% this quarter.", "guidance"
    )
    assert sales.entity == "microsoft"


def test_reported_speech_that_is_no_outlook_gives_no_guidance():
    assert of_type("Apple said its results would be released on Feb. 1.", "guidance") == []
    assert (
        of_type("Nvidia said its revenue would have been higher without curbs.", "guidance") == []
    )
    assert of_type("Apple said its Vision Pro headset would go on sale Friday.", "guidance") == []
    assert of_type("Analysts said its margins would shrink next year.", "guidance") == []
    assert of_type("Meta said its shares would trade under a new ticker.", "guidance") == []


# -- launches told as expected, partners named ------------------------------------------------


def test_a_launch_the_company_is_expected_to_make_is_a_forecast_launch():
    [launch] = of_type(
        "Apple is expected to unveil its new iPad lineup on Tuesday.", "product_launch"
    )
    assert launch.entity == "apple"
    assert launch.attributes["fact_level"] == "forecast"
    assert (
        of_type("The tablet, expected to launch next year, has no price yet.", "product_launch")
        == []
    )


def test_partners_named_after_such_as_are_partners():
    [deal] = of_type(
        "Nvidia is moving into robotics with partners such as Samsung and several carmakers.",
        "partnership",
    )
    assert (deal.entity, deal.attributes["partner"]) == ("nvidia", "Samsung Electronics")
    assert of_type("Meta pays its advertising partners to reach more users.", "partnership") == []


# -- a named firm's view of a sector ------------------------------------------------------------


def test_a_named_firm_s_view_of_a_sector_is_a_view_of_no_one_company():
    [view] = of_type(
        "Last week, analysts at Barclays sent clients a note arguing that shares of regional "
        "lenders look deeply undervalued and are due for a rebound.",
        "analyst_view",
    )
    assert view.entity is None
    assert view.attributes["firm"] == "Barclays PLC"


def test_views_that_name_no_sector_or_no_firm_give_nothing():
    assert of_type("Barclays analysts said the winter would be mild.", "analyst_view") == []
    assert of_type("Analysts said bank stocks look cheap this year.", "analyst_view") == []


# -- settling allegations -----------------------------------------------------------------------


def test_settling_or_resolving_allegations_is_legal():
    [talc] = of_type(
        "Apple is still working to resolve accusations that its chargers started house fires.",
        "legal",
    )
    assert talc.entity == "apple"
    [privacy] = of_type(
        "Meta agreed to pay $725 million to settle claims that it let outside apps collect "
        "user data.",
        "legal",
    )
    assert privacy.entity == "meta"


def test_settling_business_claims_or_resolving_problems_is_not_legal():
    assert of_type("Pinterest settled insurance claims worth $5 million.", "legal") == []
    assert of_type("Nvidia resolved the supply shortage in March.", "legal") == []


# -- kinds of risk listed together --------------------------------------------------------------


def test_regulatory_as_one_of_a_list_of_risks_is_no_regulation_event():
    listed = (
        "The slowdown was made worse by its lasting macro, competitive, and regulatory "
        "challenges in China."
    )
    assert of_type(listed, "regulation") == []
    [scrutiny] = of_type("Apple faces regulatory scrutiny in Europe over its store.", "regulation")
    assert scrutiny.entity == "apple"


# -- lists closed by "respectively" -------------------------------------------------------------


def test_an_act_paired_by_respectively_is_not_given_to_a_company_outside_its_clause():
    text = (
        "Names under pressure include Apple and Pinterest, while Zeltor Labs (ZLTR) and Orvano "
        "Foods (ORVF) are set to open higher after a strong reported quarter and a buyout "
        "offer, respectively."
    )
    assert of_type(text, "earnings") == []


def test_an_act_outside_a_respectively_list_keeps_its_company():
    [results] = of_type(
        "Apple posted strong results, while Meta and Pinterest rose 2% and 3%, respectively.",
        "earnings",
    )
    assert results.entity == "apple"


# -- a sector's move told in the lede -----------------------------------------------------------

_LEDE = (
    "Jan 30 (Reuters) - AI-related companies lost $150 billion in market value late on Tuesday "
    "after Microsoft and AMD posted quarterly results that failed to impress investors.\n"
)


def _drivers(events: list[Event], entity: str) -> list[str]:
    [move] = [e for e in events if e.type == "price_move" and e.entity == entity]
    return [events[i].type for i in move.attributes["drivers"]]


def test_a_member_of_the_lede_s_sector_moving_with_it_has_the_sector_as_driver():
    events = run(
        _LEDE + "Nvidia, another company riding AI-related demand, dropped 2% in extended trade."
    )
    assert _drivers(events, "nvidia") == ["sector"]


def test_moves_not_tied_to_the_lede_s_sector_move_keep_no_driver():
    untied = run(_LEDE + "Pinterest slipped 1% in extended trade.")
    assert _drivers(untied, "pinterest") == []
    against = run(_LEDE + "Apple, an AI laggard, rose 1% in extended trade.")
    assert _drivers(against, "apple") == []
    named = run(_LEDE + "AMD, the AI chip designer, fell 6% in extended trade.")
    assert "sector" not in _drivers(named, "amd")
    longer = run(_LEDE + "Nvidia shares have lost 4% so far this year on AI worries.")
    assert _drivers(longer, "nvidia") == []


# -- who an act is not about --------------------------------------------------------------------


def test_counsel_speaking_of_a_case_is_no_party_to_it():
    [case] = of_type(
        "Jon Doe, a lawyer for the shoppers, said he looked forward to the next phase of the "
        "antitrust case against Apple.",
        "legal",
    )
    assert case.entity != "jon-doe"


def test_a_result_expected_of_a_company_is_the_consensus_not_its_guidance():
    text = "Apple is expected to post quarterly earnings of $2.10 per share in its next report."
    assert of_type(text, "guidance") == []
    [own] = of_type("Apple expects to post quarterly revenue of $90 billion.", "guidance")
    assert own.entity == "apple"


def test_a_company_we_do_not_know_named_last_is_not_the_main_company():
    text = (
        "Apple posted record iPhone sales in the quarter. Apple also raised its dividend.\n"
        "Corvel Tools (CVTL), a rival in the same industry, reports next week. "
        "The toolmaker is expected to forecast weaker sales for the year."
    )
    assert [e.entity for e in of_type(text, "guidance")] == []
    known = (
        "Apple posted record iPhone sales in the quarter. Apple also raised its dividend.\n"
        "The iPhone maker is set to forecast weaker sales for the year, its finance chief said."
    )
    assert [e.entity for e in of_type(known, "guidance")] == ["apple"]


def test_a_sentence_about_a_group_of_companies_is_not_the_main_company_s():
    text = (
        "Apple rose 2% on Friday after its results.\n"
        "The following companies are expected to report earnings after the close on Friday."
    )
    assert [e.entity for e in of_type(text, "earnings") if e.attributes["scheduled"]] != ["apple"]


def test_a_launch_of_nothing_named_is_no_launch():
    vague = (
        "Apple buyers keep returning to the iPhone whatever it costs or however long they "
        "must queue for the launch of the latest version."
    )
    assert of_type(vague, "product_launch") == []
    [named] = of_type(
        "Apple launched the latest version of its Vision Pro headset on Friday.", "product_launch"
    )
    assert named.entity == "apple"
