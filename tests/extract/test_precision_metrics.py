"""Precision fixes of financial figures: a figure under the wrong name, of the wrong company,
business line or period, or with the wrong sign must not come out."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import run

from tickerwire.records import Event

FRIDAY = dt.date(2024, 8, 16)
WEDNESDAY = dt.date(2024, 8, 14)


def metrics(events: list[Event]) -> list[tuple[str, float | None, float | None]]:
    return [
        (e.attributes["metric"], e.attributes["value"], e.attributes["change_pct"])
        for e in events
        if e.type == "financial_metric"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tencent's pretax profit rose 12% to 58.4 billion yuan in the quarter.",
            [("other:pretax_income", 58.4e9, 12.0)],
        ),
        (
            "Profit before tax at Tencent came to 58.4 billion yuan.",
            [("other:pretax_income", 58.4e9, None)],
        ),
        (
            "Nissan swung to a pretax loss of 30 billion yen in the half.",
            [("other:pretax_income", -30e9, None)],
        ),
        (
            "Amazon said comparable sales at its grocery stores rose 4.5% in the quarter.",
            [("other:comparable_sales", None, 4.5)],
        ),
        (
            "Amazon's same-store sales grew 4% while its net sales rose 12% to $170 billion.",
            [("other:comparable_sales", None, 4.0), ("revenue", 170e9, 12.0)],
        ),
        (
            "Apple's gross profit margin widened to 45.9% in the December quarter.",
            [("gross_margin", 45.9, None)],
        ),
        (
            "Meta's operating profit margin was 41% in the fourth quarter.",
            [("operating_margin", 41.0, None)],
        ),
        (
            "Microsoft's operating earnings rose 25% to $27 billion.",
            [("operating_income", 27e9, 25.0)],
        ),
        (
            "Tencent's interest income rose 20% to 3.1 billion yuan.",
            [("other:interest_income", 3.1e9, 20.0)],
        ),
        (
            "Amazon's income taxes rose to $2.1 billion in the quarter.",
            [("other:income_tax", 2.1e9, None)],
        ),
        (
            "Snap's adjusted EBITDA was $159 million, and its EBITDA margin reached 12%.",
            [("other:adjusted_ebitda", 159e6, None), ("other:ebitda_margin", 12.0, None)],
        ),
        (
            "Pinterest's average revenue per user rose 11% to $2.13.",
            [("other:arpu", 2.13, 11.0)],
        ),
        (
            "Meta's cash and cash equivalents rose to $41.9 billion at the end of the year.",
            [("other:cash", 41.9e9, None)],
        ),
        (
            "Microsoft's deferred revenue rose 12% to $53 billion.",
            [("other:deferred_revenue", 53e9, 12.0)],
        ),
        ("Apple's organic revenue grew 3% in the quarter.", [("other:organic_revenue", None, 3.0)]),
        (
            "Snap reported a net loss of 8 cents per share for the quarter.",
            [("eps", -0.08, None)],
        ),
    ],
)
def test_a_metric_is_named_as_the_text_names_it(text, expected):
    found = metrics(run(text, FRIDAY))
    assert [(m, v if v is None else pytest.approx(v), c) for m, v, c in expected] == found


def test_a_share_of_a_whole_after_a_change_is_not_another_change():
    text = (
        "Apple's services sales of $24.2 billion rose 14% from a year earlier and accounted "
        "for 20.5% of total sales."
    )
    assert metrics(run(text, FRIDAY)) == [("revenue", 24.2e9, 14.0)]


def test_a_ratio_told_after_a_participle_is_not_a_listed_change():
    text = "Snap's revenue growth came in at 16%, representing 210% of the sector median."
    assert metrics(run(text, FRIDAY)) == [("revenue", None, 16.0)]
    text = "Snap's revenue grew 16%, representing a 210% premium over its peers."
    assert metrics(run(text, FRIDAY)) == [("revenue", None, 16.0)]


def owned_metrics(text: str) -> list[tuple[str | None, str, float | None, float | None]]:
    return [
        (e.entity, e.attributes["metric"], e.attributes["value"], e.attributes["change_pct"])
        for e in run(text, FRIDAY)
        if e.type == "financial_metric"
    ]


def test_an_index_s_aggregate_earnings_are_no_company_s():
    text = (
        "Apple reported results on Thursday. Analysts expect aggregate S&P 500 earnings to "
        "grow 6% in the quarter."
    )
    assert owned_metrics(text) == []


def test_a_group_s_total_figures_are_no_company_s():
    text = (
        "Apple reported results on Thursday. Total fourth-quarter earnings for the "
        "'Magnificent Seven' are expected to rise 40% on 13% higher revenues."
    )
    assert owned_metrics(text) == []


def test_the_noun_after_higher_is_what_changed_and_an_owner_in_the_next_clause_is_not_its():
    text = (
        "Microsoft's earnings rose 26% on 18% higher revenues, while the same figures for "
        "Amazon rose 50% on 14% higher revenues."
    )
    assert owned_metrics(text) == [
        ("microsoft", "eps", None, 26.0),
        ("microsoft", "revenue", None, 18.0),
        ("amazon", "revenue", None, 14.0),
    ]


def test_a_company_quoted_as_a_source_is_not_the_subject_of_the_next_sentence():
    text = (
        "Baidu shares rose 3% on Tuesday after Baidu unveiled a new chatbot.\n"
        "According to analysts at Tencent, ad demand in China has steadied. The company "
        "generated 134.6 billion yuan in revenue last year."
    )
    assert owned_metrics(text) == [("baidu", "revenue", 134.6e9, None)]


def test_a_figure_after_paragraphs_about_another_company_is_not_the_main_company_s():
    text = (
        "Meta shares jumped 20% after Meta posted revenue of $40.1 billion. Meta also "
        "declared a dividend.\nApple posted quarterly revenue of $119.6 billion. Apple shares "
        "fell 3%.\nServices revenue rose 11% to $23.1 billion."
    )
    assert owned_metrics(text) == [
        ("meta", "revenue", 40.1e9, None),
        ("apple", "revenue", 119.6e9, None),
    ]


def test_a_figure_after_a_sentence_about_an_unknown_company_is_not_ours():
    text = (
        "Apple shares slipped 1% on Tuesday. Meta shares rose 2%.\nThe consensus estimate for "
        "Fabrinet's earnings is $2.04 per share. It is expected to report revenue of $700 million."
    )
    assert owned_metrics(text) == []


def test_companies_set_to_report_results_that_fell_made_a_price_move_not_a_metric():
    text = "Apple, Meta and Amazon, set to report results on Thursday, fell over 1% each."
    events = [e for e in run(text, WEDNESDAY) if e.type in ("price_move", "financial_metric")]
    assert [e.type for e in events] == ["price_move"] * 3
    # the Thursday is the day of the reports, after publication: not the day of the move
    assert {e.date for e in events} <= {WEDNESDAY, None}


def test_an_amount_named_by_the_noun_after_it_takes_that_noun_s_sign():
    text = (
        "Nissan said it expects a net loss of 30 billion yen for the year, compared with its "
        "earlier forecast of a 50 billion yen profit."
    )
    assert [(m, v) for m, v, _ in metrics(run(text, FRIDAY))] == [
        ("net_income", pytest.approx(-30e9)),
        ("net_income", pytest.approx(50e9)),
    ]


def test_an_amount_before_a_revenue_shortfall_is_not_revenue():
    text = "Apple guided to a $6 billion revenue shortfall against estimates."
    assert metrics(run(text, FRIDAY)) == []


def estimates(text: str) -> list[tuple[float | None, float | None, bool]]:
    return [
        (e.attributes["value"], e.attributes["change_pct"], e.attributes["is_estimate"])
        for e in run(text, FRIDAY)
        if e.type == "financial_metric"
    ]


def test_a_forecast_that_called_for_an_amount_is_an_estimate():
    text = (
        "Microsoft's revenue came to $62 billion, ahead of forecasts that called for $61.1 billion."
    )
    assert estimates(text) == [(62e9, None, False), (pytest.approx(61.1e9), None, True)]


def test_analysts_expecting_a_figure_make_it_an_estimate():
    text = "Analysts are expecting Apple to deliver quarterly earnings of $2.10 per share."
    assert estimates(text) == [(2.10, None, True)]


def test_a_beaten_estimate_does_not_make_the_next_figure_an_estimate():
    text = (
        "Baidu's adjusted earnings per share of $2.80 beat the $2.34 estimate, alongside a "
        "revenue increase of 3.3% to $4.72 billion."
    )
    assert estimates(text)[-1] == (pytest.approx(4.72e9), 3.3, False)


def test_a_change_in_the_next_clause_belongs_to_its_own_business_line():
    text = (
        "Apple said Mac sales rose slightly to $7.8 billion, while iPad sales fell 25% to "
        "$7 billion."
    )
    found = [
        (e.attributes["segment"], e.attributes["value"], e.attributes["change_pct"])
        for e in run(text, FRIDAY)
        if e.type == "financial_metric"
    ]
    assert found == [("mac", 7.8e9, None), ("ipad", 7e9, -25.0)]


def segments(text: str) -> list[tuple[str | None, float | None, float | None]]:
    return [
        (e.attributes["segment"], e.attributes["value"], e.attributes["change_pct"])
        for e in run(text, FRIDAY)
        if e.type == "financial_metric"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apple said sales of iPhones rose 6% to $69.7 billion.", [("iphone", 69.7e9, 6.0)]),
        ("Meta said Quest sales fell 10% in the quarter.", [("quest", None, -10.0)]),
        ("Amazon said sales made online rose 8% in the quarter.", [("online", None, 8.0)]),
        (
            "Tencent said revenue from games and related services rose 7% to 48 billion yuan.",
            [("games", 48e9, 7.0)],
        ),
        (
            "Apple reported results on Thursday. Europe generated $30.4 billion in sales, up "
            "9.8% from a year earlier.",
            [("europe", 30.4e9, 9.8)],
        ),
        ("In China, Apple's sales fell 13% to $20.8 billion.", [("greater_china", 20.8e9, -13.0)]),
        # a place we cannot name, or one named elsewhere: not the company's total
        ("In the rest of Asia beyond Japan, Apple's sales hit $10.2 billion.", []),
        ("Apple is losing ground in China, with sales there down 13% to $20.8 billion.", []),
    ],
)
def test_a_business_line_or_place_is_kept_with_its_figure(text, expected):
    assert segments(text) == [(s, v if v is None else pytest.approx(v), c) for s, v, c in expected]


def periods(text: str) -> list[tuple[float | None, str | None]]:
    return [
        (e.attributes["value"], e.attributes["period"])
        for e in run(text, FRIDAY)
        if e.type == "financial_metric"
    ]


def test_a_full_year_forecast_is_not_given_the_quarter_named_before_it():
    text = (
        "Amazon reported Q4 net sales of $170 billion, above the consensus of $166 billion, "
        "and forecast full-year sales of $700 billion, below the consensus of $710 billion."
    )
    assert periods(text) == [
        (170e9, "Q4"),
        (166e9, "Q4"),
        (700e9, "full-year"),
        (710e9, "full-year"),
    ]


def test_a_period_written_right_after_the_number_is_its_own():
    text = "Meta said its operating margin moved from 24% in Q1 to 39% in Q4."
    assert periods(text) == [(39.0, "Q4")]


def test_a_year_named_in_the_sentence_is_not_replaced_by_an_earlier_quarter():
    text = (
        "Microsoft's cloud revenue rose 20% in the fourth quarter. Analysts expect Azure "
        "revenue to grow 30% in 2025."
    )
    assert [p for _, p in periods(text)][-1] == "2025"


def test_a_period_in_another_clause_is_not_the_figure_s():
    text = (
        "Apple declared a dividend of 24 cents a share, and said it expected growth to "
        "resume this year."
    )
    assert periods(text) == [(0.24, None)]


def test_numbers_told_respectively_of_subjects_we_cannot_pair_are_no_one_s():
    text = (
        "Investors shrugged at the Microsoft and Apple reports, but they showed earnings growth "
        "of 33% and 16%, respectively."
    )
    assert owned_metrics(text) == []
    text = "For Apple, earnings and revenues are expected to fall 9% and 2%, respectively."
    assert owned_metrics(text) == []


def test_figures_told_respectively_of_business_lines_keep_their_lines():
    text = (
        "Our estimate for Apple's iPad and Mac sales is pegged at $7 billion and $7.8 billion, "
        "indicating a decline of 25% and 1%, respectively."
    )
    assert [(s, c) for s, _, c in segments(text)] == [("ipad", -25.0), ("mac", -1.0)]


def test_a_group_total_named_after_a_company_is_not_that_company_s():
    text = (
        "Counting forecasts for Meta, which reports on Thursday, the seven giants' total "
        "fourth-quarter earnings for the period should rise 40% on 14% higher revenues."
    )
    assert owned_metrics(text) == []


def test_a_comparison_ending_the_previous_sentence_does_not_hide_the_next_subject():
    text = (
        "Apple beat estimates by more than 2 to 1.\nTencent, a rival in games, is set to report "
        "next week.\nThe company is expected to post revenue of 155 billion yuan."
    )
    assert owned_metrics(text) == [("tencent", "revenue", 155e9, None)]


def test_a_sentence_opening_with_a_camel_case_name_is_a_new_sentence():
    from tickerwire.extract.sentences import split_sentences

    text = "Services revenue rose 11%. iPhone sales rose 6%."
    assert [s.text for s in split_sentences(text)] == [
        "Services revenue rose 11%.",
        "iPhone sales rose 6%.",
    ]


def test_a_business_line_that_is_the_sentence_s_subject_names_its_later_figures():
    text = (
        "Apple's iPhone revenues also grew, with $69.7 billion in quarterly revenue, 6% higher "
        "than a year earlier and ahead of estimates by 1.5%."
    )
    assert segments(text) == [("iphone", 69.7e9, 6.0)]


def test_an_amount_in_billions_is_no_figure_per_share():
    text = (
        "Apple reported adjusted EPS of $2.18, above the consensus of $2.10, and forecast a "
        "2024 figure of $3.5 billion, above the consensus of $3.56 billion."
    )
    assert [(m, v) for m, v, _ in metrics(run(text, FRIDAY))] == [
        ("adjusted_eps", 2.18),
        ("adjusted_eps", 2.10),
    ]


def test_the_total_in_another_clause_is_not_the_business_line_s():
    text = (
        "Tencent's cloud revenue rose 21% to 5.1 billion yuan, while total revenue fell 2% to "
        "33.1 billion yuan."
    )
    assert segments(text) == [("cloud", 5.1e9, 21.0), (None, 33.1e9, -2.0)]


def test_without_a_main_company_a_figure_is_the_subject_s_of_the_sentences_before():
    text = (
        "Meta shares jumped 20% after it posted revenue of $40.1 billion.\nApple posted "
        "revenue of $119.6 billion. Apple shares fell 3%, missing the gains seen at Meta.\n"
        "Services revenue rose 11% to $23.1 billion."
    )
    assert owned_metrics(text)[-1] == ("apple", "revenue", 23.1e9, 11.0)


def test_the_business_line_that_generated_a_figure_is_its_segment():
    text = "Within its cloud unit, Microsoft said advertising generated $12 billion in sales."
    assert segments(text) == [("advertising", 12e9, None)]


def test_two_business_lines_before_a_modifier_share_the_figures_in_order():
    text = "Apple's iPad and Mac product revenues were $7 billion and $7.8 billion, respectively."
    assert segments(text) == [("ipad", 7e9, None), ("mac", 7.8e9, None)]


def test_a_comparison_base_cut_onto_the_next_wrapped_line_is_no_figure():
    text = (
        "Snap Inc said on Monday that its loss for the first nine months\n"
        "of the year widened as advertising demand weakened, and that it\n"
        "lost 9,476,000 dlrs on revenues of 45.4 mln dlrs, compared with a\n"
        "1,784,000 dlr profit on revenues of 38.5 mln dlrs a year earlier.\n"
        "The company did not give a forecast for the current quarter."
    )
    assert [m for m, _, _ in metrics(run(text, FRIDAY))] == ["revenue"]
