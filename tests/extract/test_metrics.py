import datetime as dt

from extract_helpers import run

from tickerwire.records import Entity, Event, Mention


def metrics(events: list[Event]) -> list[dict]:
    return [dict(e.attributes, entity=e.entity) for e in events if e.type == "financial_metric"]


def test_value_with_stated_conversion_and_change():
    text = (
        "Baidu reported revenue of 34.4 billion yuan ($4.8 billion) for the three months ended "
        "June 30, a 3% decline from a year earlier."
    )
    [m] = metrics(run(text, dt.date(2024, 8, 22)))
    assert (m["entity"], m["metric"], m["value"], m["currency"]) == (
        "baidu",
        "revenue",
        34.4e9,
        "CNY",
    )
    assert m["stated_conversion"] == {"value": 4.8e9, "currency": "USD"}
    assert m["change_pct"] == -3.0
    assert m["period_end"] == "2024-06-30"
    assert m["is_estimate"] is False


def test_several_companies_in_one_sentence():
    text = (
        "Analysts estimate advertising revenue grew 11 percent at Meta and 6 percent at Snap, "
        "compared with 14 percent at Amazon and 9 percent at Microsoft."
    )
    found = [
        (m["entity"], m["segment"], m["change_pct"], m["is_estimate"]) for m in metrics(run(text))
    ]
    assert found == [
        ("meta", "advertising", 11.0, True),
        ("snap", "advertising", 6.0, True),
        ("amazon", "advertising", 14.0, True),
        ("microsoft", "advertising", 9.0, True),
    ]


def test_cents_per_share_dividend():
    [m] = metrics(run("Apple declared a quarterly dividend of 25 cents per share."))
    assert (m["entity"], m["metric"], m["value"], m["currency"]) == (
        "apple",
        "dividend_per_share",
        0.25,
        "USD",
    )


def test_percentage_points_are_not_a_percent_change():
    text = "Tencent said its gross margin widened 2.1 percentage points to 53%."
    found = metrics(run(text))
    assert [(m["metric"], m["value"], m["change_pct"]) for m in found] == [
        ("gross_margin", 53.0, None)
    ]


def test_eps_against_consensus():
    text = "Meta posted earnings of $5.33 per share, above estimates of $4.96 per share."
    found = [(m["metric"], m["value"], m["is_estimate"]) for m in metrics(run(text))]
    assert found == [("eps", 5.33, False), ("eps", 4.96, True)]


def test_pair_of_figures():
    text = "Amazon reported sales and adjusted profit of $143 billion and $1.02 per share."
    found = [(m["metric"], m["value"]) for m in metrics(run(text))]
    assert found == [("revenue", 143e9), ("adjusted_eps", 1.02)]


def test_segment_by_back_reference():
    text = (
        "Alibaba keeps spending on its cloud business. The segment posted a 7% revenue increase "
        "to 26.5 billion yuan."
    )
    [m] = metrics(run(text))
    assert (m["segment"], m["change_pct"], m["value"]) == ("cloud", 7.0, 26.5e9)


def test_comparison_base_and_difference_are_not_the_figure():
    text = (
        "Microsoft's market capitalization rose by $90 billion to $3.1 trillion, up from "
        "$2.2 trillion a year ago."
    )
    found = [(m["metric"], m["value"]) for m in metrics(run(text))]
    assert found == [("market_cap", 3.1e12)]


def test_hypothetical_figure_is_skipped():
    assert (
        metrics(run("If growth held, Apple's services revenue would be $120 billion by 2027."))
        == []
    )


def test_newswire_results_table():
    text = (
        "ACME TOOLS <ACT> 2ND QTR NET\n"
        "    Shr 42 cts vs 35 cts\n"
        "    Net 6,120,000 vs 5,030,000\n"
        "    Revs 88.4 mln vs 80.1 mln\n"
        "    Six mths\n"
        "    Shr loss five cts vs profit 61 cts\n"
    )
    from extract_helpers import REFERENCE, link

    from tickerwire.extract import extract_events
    from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity

    acme = ReferenceEntity("acme", "Acme Tools", "company", ("Acme Tools",),
                           (Listing("ACT", "XNYS", "USD", "US", True),))  # fmt: skip
    reference = ReferenceData.from_entities([*REFERENCE.entities, acme])
    linked = link(text)
    linked.mentions.append(Mention("acme", 0, 10, "ACME TOOLS"))
    linked.entities.append(Entity(id="acme", name="Acme Tools", type="company", relevance=1.0))
    found = [
        (e.attributes["metric"], e.attributes["value"], e.attributes["period"])
        for e in extract_events(linked, reference)
    ]
    assert found == [
        ("eps", 0.42, "2nd qtr"),
        ("net_income", 6_120_000.0, "2nd qtr"),
        ("revenue", 88_400_000.0, "2nd qtr"),
        ("eps", -0.05, "six mths"),
    ]


def test_prior_year_and_estimate_amounts_are_kept_apart():
    text = (
        "Microsoft posted revenue of $62 billion, compared with $52.7 billion a year earlier "
        "and estimates of $61.1 billion."
    )
    found = [(m["value"], m["is_estimate"]) for m in metrics(run(text))]
    assert found == [(62e9, False), (61.1e9, True)]


def test_figure_of_a_company_we_do_not_know_is_not_given_to_the_article_company():
    text = (
        "Tencent reported a rise in game sales on Wednesday. "
        "Rival NetEase Inc said its revenue grew 9% to 26.8 billion yuan."
    )
    assert metrics(run(text)) == []


def test_hard_wrapped_copy_reads_as_sentences():
    text = (
        "Tencent Holdings said on Wednesday that its net income for the\n"
        "second quarter rose 33 pct to 47.6 billion yuan, helped by strong\n"
        "demand for its online games and advertising services.\n"
        "    The company also said it would keep buying back its shares.\n"
    )
    [m] = metrics(run(text))
    assert (m["metric"], m["value"], m["change_pct"]) == ("net_income", 47.6e9, 33.0)
