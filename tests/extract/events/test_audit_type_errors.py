"""Wrong non-move events a precision audit found, each as a general rule with a look-alike.

The sentences are written for these tests in the style of market news.
"""

from __future__ import annotations

from event_helpers import of_type, run

from tickerwire.extract.causes import cause_categories
from tickerwire.extract.events.scan import capitalised


def test_an_amount_belongs_to_the_act_it_qualifies():
    events = run(
        "Meta unveiled its first quarterly dividend along with a $50 billion stock buyback."
    )
    assert [e.attributes["amount"] for e in of_type(events, "dividend")] == [None]
    assert [e.attributes["amount"] for e in of_type(events, "buyback")] == [50e9]
    swapped = run("Apple raised its dividend and announced a $110 billion share repurchase.")
    assert [e.attributes["amount"] for e in of_type(swapped, "dividend")] == [None]
    # look-alike: the dividend's own amount stays
    own = run("Meta declared a $0.50 quarterly dividend and a $50 billion buyback.")
    assert [e.attributes["amount"] for e in of_type(own, "dividend")] == [0.5]
    assert [e.attributes["amount"] for e in of_type(own, "buyback")] == [50e9]


def test_a_charge_s_amount_is_not_the_act_s():
    events = run(
        "Nvidia took a charge for the repeal of a chip subsidy and a writedown of $40 million "
        "on older plants."
    )
    assert all(e.attributes.get("amount") is None for e in events if e.type != "financial_metric")


def test_paying_dividends_as_a_habit_is_no_dividend_event():
    text = "Meta bought the shares long ago and has let them grow and pay dividends for decades."
    assert of_type(run(text), "dividend") == []
    assert of_type(run("Apple pays dividends and buys back shares every year."), "dividend") == []
    # look-alikes: an amount, or a decision told ahead, is an event
    assert of_type(run("Apple pays a quarterly dividend of $0.24 per share."), "dividend")
    decided = of_type(run("Tencent said it would pay dividends to foreign holders."), "dividend")
    assert [e.attributes["fact_level"] for e in decided] == ["forecast"]


def test_a_group_of_companies_reports_no_one_company_s_results():
    lead = "Nvidia led the group of megacaps this year. "
    aggregate = "In aggregate, these six companies are expected to report earnings growth of 40%."
    assert of_type(run(lead + aggregate), "earnings") == []
    several = "These seven companies reported strong quarterly results on Thursday."
    assert of_type(run(lead + several), "earnings") == []
    # look-alike: one company's results
    assert of_type(run("Nvidia reported strong quarterly results on Thursday."), "earnings")


def test_a_consensus_figure_is_no_results_release():
    text = "Wall Street projects that Apple will post earnings of $2.10 per share."
    assert of_type(run(text), "earnings") == []
    # look-alike: a results date is still a schedule
    dated = of_type(run("Apple will report its quarterly results on Thursday."), "earnings")
    assert [e.entity for e in dated] == ["apple"]


def test_a_track_record_of_beats_is_no_release():
    for text in (
        "Nvidia, a Zacks Rank #2 (Buy), has a strong track record of beating earnings estimates.",
        "Nvidia has a solid earnings surprise history.",
        "Nvidia has topped profit estimates in three of the last four quarters.",
        "Its earnings topped estimates in each of the trailing four quarters, Nvidia said.",
        "Nvidia posted a 6.1% average earnings surprise over that stretch.",
    ):
        assert of_type(run(text), "earnings") == [], text
    # look-alikes: one quarter's beat, and "record" results
    assert of_type(run("Nvidia beat earnings estimates in the fourth quarter."), "earnings")
    assert of_type(run("Nvidia posted record earnings, beating estimates."), "earnings")


def test_naming_a_term_is_no_analyst_view():
    text = (
        "The nickname was coined by Barclays analyst Jane Doe and is used to describe Apple, "
        "Meta and Nvidia."
    )
    assert of_type(run(text), "analyst_view") == []
    said = run("Barclays analyst Jane Doe said Apple's services arm would keep growing.")
    assert [e.entity for e in of_type(said, "analyst_view")] == ["apple"]


def test_it_after_two_companies_is_the_subject():
    text = (
        "Nvidia overtook Apple in market value last month, and analysts expect it to widen "
        "that gap this year."
    )
    assert [e.entity for e in of_type(run(text), "analyst_view")] == ["nvidia"]
    # look-alike: the subject is the other one
    other = "Apple lost ground to Nvidia last month, and analysts expect it to recover this year."
    assert [e.entity for e in of_type(run(other), "analyst_view")] == ["apple"]


def test_partner_as_a_title_is_no_partnership():
    appointed = "after naming Elliott Management partner Jane Roe to its board of directors"
    assert cause_categories(appointed) == ["management"]
    assert cause_categories("after naming a partner at Elliott to its board") == ["management"]
    # look-alikes: a tie-up told as a cause
    assert cause_categories("after a partnership with Nvidia") == ["partnership"]
    assert cause_categories("on news it will partner with Ford") == ["partnership"]


def test_a_launch_noun_before_a_verb_names_no_product():
    text = (
        "Apple's security updates, the release of the Vision Pro, and other product releases "
        "could lift sales this year."
    )
    launches = of_type(run(text), "product_launch")
    assert [e.attributes["product"] for e in launches] == ["Vision Pro"]


def test_a_summary_keeps_a_name_with_an_inner_capital():
    text = (
        "While iPhone sales slightly missed expectations at Apple, services revenue hit a record."
    )
    summaries = [e.attributes["summary"] for e in of_type(run(text), "earnings")]
    assert summaries and summaries[0].startswith("iPhone")
    assert capitalised("iPhone sales rose") == "iPhone sales rose"
    assert capitalised("eBay sales rose") == "eBay sales rose"
    assert capitalised("shares rose") == "Shares rose"


def test_a_company_naming_a_pay_package_is_its_party():
    text = "Nvidia fell 1% after a judge voided Ryan Cohen's $20 million GameStop pay package."
    assert [e.entity for e in of_type(run(text), "management")] == ["gamestop"]
    # look-alike: no company named with it, the person's
    alone = "Ryan Cohen's pay package was voided by a judge."
    assert [e.entity for e in of_type(run(alone), "management")] == ["ryan-cohen"]


def test_a_planned_deal_completed_is_a_fact():
    done = of_type(
        run("Meta said it completed its planned acquisition of Pinterest."), "acquisition"
    )
    assert [e.attributes["fact_level"] for e in done] == ["fact"]
    ahead = of_type(run("Meta plans to acquire Pinterest."), "acquisition")
    assert [e.attributes["fact_level"] for e in ahead] == ["forecast"]


def test_a_banking_statistic_is_no_sector_move():
    text = "Deposits by commercial banks at the central bank rose by 3.1 billion francs last week."
    assert of_type(run(text), "sector") == []
    assert of_type(run("Regional lenders fell sharply after the report on Tuesday."), "sector")
