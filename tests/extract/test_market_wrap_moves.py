"""Shapes of market wraps: a signed number told as where a span ended ("both ended the day
+0.85%"), several indices given one number with "both"/"each", a signed number after a copula
("while the S&P 500 was +0.4%"), a ranked member of an index ("led the list of the day's best
performing Dow components, trading up 3%"), and a bare "the stock" in a paragraph about one
company of a report about several. Each has look-alikes that must not give the move (or not
to that owner)."""

from __future__ import annotations

import datetime as dt

import pytest
from published_files import from_sidecar

THURSDAY = dt.date(2024, 2, 1)
EVENING = "2024-02-01T18:10-05:00"  # Thursday, after New York's close


def _moves(pipeline, tmp_path, text: str) -> list[tuple[str, float, str, dt.date | None]]:
    article = from_sidecar(pipeline, tmp_path, text, EVENING)
    return [
        (
            str(e.attributes.get("listing") or e.attributes.get("index")),
            e.attributes["change_pct"],
            e.attributes["period"],
            e.date,
        )
        for e in article.events
        if e.type in ("price_move", "index_move")
    ]


def test_both_indices_that_ended_the_day_on_a_signed_number(pipeline, tmp_path):
    text = "The Nasdaq and the small-cap Russell 2000 both finished the trading day +0.85%."
    assert _moves(pipeline, tmp_path, text) == [
        ("COMP", 0.85, "session", THURSDAY),
        ("RUT", 0.85, "session", THURSDAY),
    ]


def test_a_signed_number_where_the_week_ended(pipeline, tmp_path):
    text = "The Russell 2000 ended the week -1.2%, its third weekly loss."
    assert _moves(pipeline, tmp_path, text) == [("RUT", -1.2, "week", None)]


def test_an_index_named_before_another_without_both_is_not_given_its_number(pipeline, tmp_path):
    # whose 0.85% the words leave to the nearest subject alone
    text = "The Nasdaq outpaced peers and the Russell 2000 finished the trading day +0.85%."
    assert _moves(pipeline, tmp_path, text) == [("RUT", 0.85, "session", THURSDAY)]


def test_a_signed_number_after_a_copula_is_dated_like_a_verb(pipeline, tmp_path):
    text = "The Dow closed up 0.3%, while the S&P 500 was +0.4%."
    assert _moves(pipeline, tmp_path, text) == [
        ("DJI", 0.3, "session", THURSDAY),
        ("SPX", 0.4, "session", THURSDAY),
    ]


def test_a_bare_signed_number_in_a_table_line_stays_undated(pipeline, tmp_path):
    # no verb and no copula: a figure of a list, not told as a fact of a day
    text = "Biggest movers: Intel -9.1%."
    assert [m[3] for m in _moves(pipeline, tmp_path, text)] in ([], [None])


def test_the_ranked_member_of_an_index_moved_not_the_index(pipeline, tmp_path):
    text = (
        "In afternoon trading on Thursday, shares of Intel topped the list of the day's worst "
        "performing S&P 500 components, trading down 3.4%."
    )
    assert _moves(pipeline, tmp_path, text) == [("INTC", -3.4, "intraday", THURSDAY)]


def test_the_index_part_alone_gives_no_move(pipeline, tmp_path):
    text = "The best performing S&P 500 components, trading up 3.4%, were energy producers."
    assert _moves(pipeline, tmp_path, text) == []


_REPORT = (
    "Meta Platforms and Amazon both beat estimates on Thursday, and Apple reports too.\n\n"
    "Intel reported fourth-quarter results after the bell. Revenue of $15.4 billion topped "
    "the $15.2 billion expected. Soft first-quarter guidance is helping the stock slide 9% in "
    "late trading."
)


def test_the_stock_of_the_company_the_paragraph_is_about(pipeline, tmp_path):
    moves = _moves(pipeline, tmp_path, _REPORT)
    assert ("INTC", -9.0, "after_hours", THURSDAY) in moves


def test_the_stock_after_a_sentence_naming_two_companies_has_no_owner(pipeline, tmp_path):
    text = _REPORT.replace(
        "Revenue of $15.4 billion topped the $15.2 billion expected.",
        "Revenue topped the figures of AMD and Nvidia.",
    )
    moves = _moves(pipeline, tmp_path, text)
    assert [m for m in moves if m[1] == -9.0] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The S&P 500 and the Nasdaq both closed the session -0.5%.", ["SPX", "COMP"]),
        (
            "The Dow, the S&P 500 and the Nasdaq each closed the session -0.5%.",
            ["DJI", "SPX", "COMP"],
        ),
    ],
)
def test_each_and_both_give_every_index_the_number(pipeline, tmp_path, text, expected):
    moves = _moves(pipeline, tmp_path, text)
    assert [m[0] for m in moves] == expected
    assert {m[1] for m in moves} == {-0.5}


def test_up_or_down_after_the_number_of_a_close(pipeline, tmp_path):
    text = "Canada's S&P/TSX composite index closed nearly 0.7% down, at 20,950.10."
    assert _moves(pipeline, tmp_path, text) == [("GSPTSE", -0.7, "session", THURSDAY)]


@pytest.mark.parametrize(
    "text",
    [
        # a down payment, a share of a whole, a level: no move
        "Buyers of the Intel campus put 20% down, at closing.",
        "The Russell 2000 closed 12% up from its October low.",
    ],
)
def test_up_or_down_after_a_number_look_alikes(pipeline, tmp_path, text):
    assert [m for m in _moves(pipeline, tmp_path, text) if m[2] == "session"] == []


def test_recovered_is_a_rise(pipeline, tmp_path):
    text = "Intel shares recovered 1.8% after Wednesday's 9% slide."
    assert ("INTC", 1.8) in [m[:2] for m in _moves(pipeline, tmp_path, text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Dow came down -250 points on the session, -0.65%.", [("DJI", -0.65)]),
        ("The Nasdaq shed 210 points today, -1.4%, on rate worries.", [("COMP", -1.4)]),
        # a percent signed against the verb is not the points restated
        ("The Nasdaq shed 210 points today, +1.4% for the month.", []),
    ],
)
def test_points_with_their_day_then_the_percent(pipeline, tmp_path, text, expected):
    assert [m[:2] for m in _moves(pipeline, tmp_path, text) if m[2] == "session"] == expected


def test_the_index_stands_for_the_one_index_of_the_sentence_before(pipeline, tmp_path):
    text = (
        "The Russell 2000 closed 0.6% lower on Thursday. For the week, the index lost 3.1%, "
        "its worst week since October."
    )
    assert ("RUT", -3.1, "week", None) in _moves(pipeline, tmp_path, text)


@pytest.mark.parametrize(
    "text",
    [
        # two indices before: which one the words leave open
        "The Russell 2000 and the Dow closed lower on Thursday. For the week, the index lost 3.1%.",
        # "the index" is not the subject of its clause
        "The Russell 2000 closed lower on Thursday. Profits of the small names outside the "
        "index fell 3.1%.",
        # this sentence names another index first: "the index" may be either
        "The Russell 2000 closed lower on Thursday. Against the Nasdaq, the index lost 3.1%.",
        # no sentence before to stand for (the index named after is not its antecedent)
        "For the week, the index lost 3.1%. The Russell 2000 closed lower on Thursday.",
    ],
)
def test_the_index_without_one_antecedent_subject_gives_no_move(pipeline, tmp_path, text):
    assert [m for m in _moves(pipeline, tmp_path, text) if m[1] == -3.1] == []
