"""A figure's scope: the market or business line the sentence sets it in, the change its verb
really gives, the names a list of changes pairs with, and the company whose figure a data
provider's estimate is."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import ENTITIES, US, AliasLinker, run

from tickerwire.extract import extract_events
from tickerwire.link.reference import ReferenceEntity
from tickerwire.records import Event

DAY = dt.date(2024, 2, 2)


def figures(events: list[Event]) -> list[tuple[str, str, str | None, float | None, float | None]]:
    return [
        (
            e.entity,
            e.attributes["metric"],
            e.attributes["segment"],
            e.attributes["value"],
            e.attributes["change_pct"],
        )
        for e in events
        if e.type == "financial_metric"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the sentence is about a market: the figure is that market's
        (
            "Apple keeps losing ground in China, with sales down 11.5% to $21.3 billion.",
            [("apple", "revenue", "greater_china", 21.3e9, -11.5)],
        ),
        (
            "Apple said sales slipped 4% to $24.1 billion in Europe.",
            [("apple", "revenue", "europe", 24.1e9, -4.0)],
        ),
        (
            "Amazon is growing fast in Japan, as revenue climbed 9% to $7.2 billion.",
            [("amazon", "revenue", "japan", 7.2e9, 9.0)],
        ),
        # a market with no segment name: not the company's total, and not kept
        ("Apple said sales rose 7% to $6.1 billion in India.", []),
        ("Apple is gaining share in India, with sales up 33% to $8 billion.", []),
        ("Outside China, Apple's sales rose 3% to $98.8 billion.", []),
        ("Demand in Brazil softened and sales fell 6% to $1.2 billion at Amazon.", []),
    ],
)
def test_a_figure_set_in_a_market_is_that_markets_or_nothing(text, expected):
    assert figures(run(text, DAY)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the place does not set the figure: it stays the company's total
        "Apple beat forecasts despite weakness in China, with revenue up 2% to $119.6 billion.",
        "Apple, the top phone seller in China, said its revenue rose 2% to $119.6 billion.",
        "Apple reported revenue of $5.8 billion in U.S. dollars.",
        # where the shares trade is no market of the company's figures
        "Tencent shares rose 3% in Hong Kong, as revenue climbed 9% to 160 billion yuan.",
    ],
)
def test_a_place_that_does_not_set_the_figure_leaves_it_the_companys(text):
    found = figures(run(text, DAY))
    assert found and all(segment is None for _, _, segment, _, _ in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb set against a growth figure by "despite" is not that figure's change
        (
            "Meta reported on Tuesday. Ad revenue fell short of estimates, leading to a share "
            "price dip despite a 13% YoY sales growth.",
            [],
        ),
        ("Meta's ad revenue slipped despite 13% growth in users.", []),
        # a figure named after "as"/"even as" is not the business line named first
        (
            "Meta's ad revenue missed forecasts as sales rose 13%.",
            [("meta", "revenue", None, None, 13.0)],
        ),
        (
            "Meta's ad revenue fell short, sending the shares down even as sales rose 13%.",
            [("meta", "revenue", None, None, 13.0)],
        ),
        # a line's figure elaborated with "with" stays the line's
        (
            "Apple said iPhone revenue grew, with sales rising 6% to $69.7 billion.",
            [("apple", "revenue", "iphone", 69.7e9, 6.0)],
        ),
    ],
)
def test_a_change_belongs_to_the_figure_its_verb_gives(text, expected):
    assert figures(run(text, DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Meta's revenue and EPS rose 5% and 9%.",
            [("meta", "revenue", None, None, 5.0), ("meta", "eps", None, None, 9.0)],
        ),
        (
            "Meta's revenue, EPS and free cash flow rose 5%, 9% and 12%.",
            [
                ("meta", "revenue", None, None, 5.0),
                ("meta", "eps", None, None, 9.0),
                ("meta", "free_cash_flow", None, None, 12.0),
            ],
        ),
        # more changes than names: which is whose is not said
        ("Meta's revenue and EPS rose 5%, 9% and 12%.", []),
    ],
)
def test_changes_listed_after_listed_names_pair_in_order(text, expected):
    assert figures(run(text, DAY)) == expected


_PROVIDER = ReferenceEntity("lseg", "LSEG", "company", ("LSEG",), (US("LSEG"),))
_GEN = ReferenceEntity("gen-digital", "Gen Digital", "company", ("Gen Digital",), (US("GEN"),))
_LINKER = AliasLinker((*ENTITIES, _PROVIDER, _GEN))


def test_the_last_word_of_a_company_name_is_no_business_line():
    text = "Gen Digital's ARPU rose by 30 cents to $7.28 in the quarter."
    linked = _LINKER.link(text, DAY)
    assert figures(extract_events(linked, _LINKER.reference)) == [
        ("gen-digital", "other:arpu", None, 7.28, None)
    ]


def test_a_data_provider_that_expects_a_figure_is_its_source_not_its_owner():
    text = (
        "Apple reports on Thursday. Apple's iPhone sales are the focus, and Apple's Mac sales "
        "are seen flat. Apple shares rose 1%. For the quarter, LSEG expects revenue from "
        "services to climb 11% to $23.3 billion."
    )
    linked = _LINKER.link(text, DAY)
    assert figures(extract_events(linked, _LINKER.reference)) == [
        ("apple", "revenue", "services", 23.3e9, 11.0)
    ]


def test_a_data_provider_whose_data_show_a_figure_is_its_source_not_its_owner():
    text = (
        "Apple reports on Thursday. Apple's iPhone sales are the focus, and Apple's Mac sales "
        "are seen flat. Apple shares rose 1%. LSEG data show revenue from services is seen "
        "rising 11% to $23.3 billion."
    )
    linked = _LINKER.link(text, DAY)
    assert figures(extract_events(linked, _LINKER.reference)) == [
        ("apple", "revenue", "services", 23.3e9, 11.0)
    ]


def test_a_company_that_forecasts_its_own_figure_still_owns_it():
    text = "LSEG expects its revenue to climb 6% to $2.3 billion this year."
    linked = _LINKER.link(text, DAY)
    assert figures(extract_events(linked, _LINKER.reference)) == [
        ("lseg", "revenue", None, 2.3e9, 6.0)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a plural owner before the figure: the line's figure, named when we know the line
        (
            "Apple said Services' gross margin was 72.8%.",
            [("apple", "gross_margin", "services", 72.8, None)],
        ),
        ("Apple said Products' gross margin rose to 39.4%.", []),
        # a line the sentence opens with is the subject of its figures
        (
            "Apple's growing services, mainly iCloud and Music, have shown strong revenue "
            "growth, which surged 9% this past quarter.",
            [("apple", "revenue", "services", None, 9.0)],
        ),
        # "total" makes the figure the company's whatever line the sentence names
        (
            "Apple is diversifying. Its services business grew, while total revenue rose 2% "
            "to $119.6 billion.",
            [("apple", "revenue", None, 119.6e9, 2.0)],
        ),
        # a list of lines, or a line that is no subject of a result, sets no line
        (
            "Apple is diversifying. Cloud computing is hot, and revenue rose 2%.",
            [("apple", "revenue", None, None, 2.0)],
        ),
    ],
)
def test_a_figure_takes_the_line_its_sentence_gives_it(text, expected):
    assert figures(run(text, DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a figure in a clause set before the main one is the main clause's subject's
        (
            "Meta reported results. Even though quarterly revenue slid 9% to $1.2 billion, "
            "chipmaker Apple beat forecasts on orders.",
            [("apple", "revenue", None, 1.2e9, -9.0)],
        ),
        # a company we do not know, named with its ticker after the figure, owns it
        (
            "Apple reported results. Even though quarterly revenue slid 9% to $1.2 billion, "
            "builder Meritage (MTH) beat forecasts on orders.",
            [],
        ),
        (
            "Meta reported results. Although revenue rose 5% to $40 billion, the stock fell as "
            "Apple gained.",
            [("meta", "revenue", None, 40e9, 5.0)],
        ),
    ],
)
def test_a_figure_before_the_main_clause_is_its_subjects(text, expected):
    assert figures(run(text, DAY)) == expected


def test_an_amount_added_to_a_figure_is_not_the_figure():
    text = (
        "Analysts at one bank think Apple could add another $9 billion in revenue by 2026. "
        "Meta authorized an additional $50 billion in share repurchases."
    )
    assert figures(run(text, DAY)) == [("meta", "buyback", None, 50e9, None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a researcher that estimates a market's sales does not own them
        (
            "Market researcher Meta estimates that sales of customized chips totaled about "
            "4.5 billion dlrs worldwide last year.",
            [],
        ),
        (
            "Apple reported on Thursday. Market researcher Meta estimates that sales of iPhones "
            "totaled about 45 billion dlrs last quarter.",
            [("apple", "revenue", "iphone", 45e9, None)],
        ),
        # a company estimating its own figure owns it
        (
            "Apple estimates that its revenue rose 5% to $90 billion.",
            [("apple", "revenue", None, 90e9, 5.0)],
        ),
        # an airline's traffic in revenue passenger miles is no revenue
        (
            "Traffic at Meta Air in February rose 11 pct to 1.50 billion revenue passenger "
            "miles and rose 7.8 pct in the two months.",
            [],
        ),
    ],
)
def test_an_estimator_or_a_traffic_count_gives_no_companys_revenue(text, expected):
    assert figures(run(text, DAY)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a part of the company named by a unit word opens the sentence: not the company's figure
        (
            "Amazon said its grocery and freight operations incurred a net loss of $1.1 billion.",
            [],
        ),
        ("Amazon said device activities resulted in a net profit of $0.4 billion.", []),
        # the whole company's operations, or a line we can name, keep the figure
        (
            "Amazon said its continuing operations posted net income of $30.4 billion.",
            [("amazon", "net_income", None, 30.4e9, None)],
        ),
    ],
)
def test_a_part_of_the_company_as_subject_makes_the_figure_that_parts(text, expected):
    assert figures(run(text, DAY)) == expected


def test_the_year_of_a_base_amount_named_by_what_it_was_is_not_the_figures_period():
    text = "Amazon said net income rose to $30.4 billion, against a $2.7 billion loss in 2022."
    periods = [e.attributes["period"] for e in run(text, DAY) if e.type == "financial_metric"]
    assert periods and "2022" not in periods
