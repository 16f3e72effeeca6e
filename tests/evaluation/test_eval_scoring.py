"""The scorer on synthetic gold and predictions whose tp/fp/fn are known by construction."""

from __future__ import annotations

import pytest
from eval_builders import article, company, event, gold

from tickerwire.evaluation import EvalReport, score_document
from tickerwire.evaluation.matching import names_match
from tickerwire.records import Conflict, ConflictValue

TEXT = (
    "Harbour Robotics shares jumped 12.5% in Hong Kong on Tuesday, while the New York line "
    "rose 11% overnight. The stock is up 30% this year. Rival Kestrel Motors slid 4%."
)
HK, US, RIVAL = "2868.HK", "HRBT", "KSTL"


def _report(*results):
    return EvalReport(gold_name="synthetic.gold.json", corpus=".", documents=list(results))


def _moves_gold(published="2024-03-06"):
    return gold(
        published=published,
        price_moves=[
            {"listing": HK, "direction": "up", "change_pct": 12.5, "date": "2024-03-05",
             "period": "session"},
            {"listing": US, "direction": "up", "change_pct": 11, "date": "2024-03-04",
             "period": "session"},
            {"listing": US, "direction": "up", "change_pct": 30, "date": None,
             "period": "year_to_date"},
            {"listing": RIVAL, "direction": "down", "change_pct": 4, "date": "2024-03-05",
             "period": "session"},
        ],
    )  # fmt: skip


def _moves_article():
    return article(
        TEXT,
        events=[
            event(TEXT, "jumped 12.5%", "price_move", "harbour", listing=HK, direction="up",
                  change_pct=12.5, period="session", date="2024-03-05"),
            # Right move, wrong day: an error.
            event(TEXT, "rose 11%", "price_move", "harbour", listing=US, direction="up",
                  change_pct=11.0, period="session", date="2024-03-05"),
            # Right move, wrong period.
            event(TEXT, "up 30%", "price_move", "harbour", listing=US, direction="up",
                  change_pct=30.0, period="session"),
            # Wrong direction: spurious, and the gold rival move is missed.
            event(TEXT, "slid 4%", "price_move", "kestrel", listing=RIVAL, direction="up",
                  change_pct=4.0, period="session"),
            # Wrong size: spurious.
            event(TEXT, "jumped 12.5%", "price_move", "harbour", listing=HK, direction="up",
                  change_pct=12.0, period="session"),
        ],
    )  # fmt: skip


def test_price_moves_counts_periods_and_dates():
    result = score_document(_moves_gold(), _moves_article())
    counts = result.fields["price_moves"].counts
    assert (counts.tp, counts.fp, counts.fn) == (3, 2, 1)
    assert counts.precision == pytest.approx(3 / 5)
    assert counts.recall == pytest.approx(3 / 4)
    assert (result.periods["price_moves"].correct, result.periods["price_moves"].wrong) == (2, 1)
    assert (result.dates.correct, result.dates.wrong) == (1, 1)
    assert result.fields["price_moves"].missed == ["KSTL down 4% [session] on 2024-03-05"]
    assert len(result.fields["price_moves"].spurious) == 2

    figures = _report(result).figures()
    assert figures["dates.errors"] == 1
    assert figures["dates.precision"] == pytest.approx(0.5)
    assert figures["price_moves.period_accuracy"] == pytest.approx(2 / 3)


def test_a_prediction_is_matched_at_most_once():
    doc = gold(price_moves=[{"listing": US, "direction": "up", "change_pct": 11}])
    twice = [
        event(TEXT, "rose 11%", "price_move", "h", listing=US, direction="up", change_pct=11.0)
        for _ in range(2)
    ]
    counts = score_document(doc, article(TEXT, twice)).fields["price_moves"].counts
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 0)


def test_same_size_moves_pair_with_the_prediction_of_their_own_period():
    doc = gold(
        price_moves=[
            {"listing": US, "direction": "up", "change_pct": 5, "period": "session"},
            {"listing": US, "direction": "up", "change_pct": 5, "period": "year_to_date"},
        ]
    )
    predicted = [
        event(TEXT, "up 30%", "price_move", "h", listing=US, direction="up", change_pct=5.0,
              period=period)
        for period in ("year_to_date", "session")
    ]  # fmt: skip
    result = score_document(doc, article(TEXT, predicted))
    assert result.fields["price_moves"].counts.tp == 2
    assert (result.periods["price_moves"].correct, result.periods["price_moves"].wrong) == (2, 0)


def test_signed_change_hk_padding_and_listing_taken_from_a_single_listing_entity():
    doc = gold(
        price_moves=[
            {"listing": "0700.HK", "direction": "down", "change_pct": 4},
            {"listing": RIVAL, "direction": "down", "change_pct": 4},
            {"listing": US, "direction": "up", "change_pct": 11},
        ]
    )
    predicted = article(
        TEXT,
        events=[
            event(TEXT, "slid 4%", "price_move", "t", listing="700.hk", direction="down",
                  change_pct=-4.0),
            event(TEXT, "slid 4%", "price_move", "kestrel", listing=None, direction="down",
                  change_pct=-4.0),
            # Two listings: a null listing leaves the line in doubt, so no match.
            event(TEXT, "rose 11%", "price_move", "harbour", listing=None, direction="up",
                  change_pct=11.0),
        ],
        entities=[company("kestrel", "Kestrel", RIVAL), company("harbour", "Harbour", HK, US)],
    )  # fmt: skip
    counts = score_document(doc, predicted).fields["price_moves"].counts
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)


@pytest.mark.parametrize(("since", "right"), [("2025-01-13", 1), ("2025-01-14", 0)])
def test_since_period_compares_its_date(since, right):
    doc = gold(
        price_moves=[
            {"listing": US, "direction": "up", "change_pct": 46, "period": "since:2025-01-13"}
        ]
    )
    predicted = event(TEXT, "up 30%", "price_move", "h", listing=US, direction="up",
                      change_pct=46.0, period="since", since=since)  # fmt: skip
    result = score_document(doc, article(TEXT, [predicted]))
    assert result.fields["price_moves"].counts.tp == 1
    assert result.periods["price_moves"].correct == right


def test_null_date_on_undated_article_is_not_known_not_an_error():
    doc = gold(
        published=None,
        price_moves=[{"listing": US, "direction": "up", "change_pct": 11, "date": "2024-03-04"}],
    )
    predicted = event(TEXT, "rose 11%", "price_move", "h", listing=US, direction="up",
                      change_pct=11.0, date=None)  # fmt: skip
    result = score_document(doc, article(TEXT, [predicted]))
    assert (result.dates.not_known, result.dates.wrong, result.dates.missed) == (1, 0, 0)
    figures = _report(result).figures()
    assert figures["dates.errors"] == 0
    assert figures["dates.recall"] is None  # nothing that could have been known


def test_null_date_on_dated_article_is_a_miss_and_a_guess_is_an_error():
    doc = gold(
        published="2024-03-05",
        price_moves=[
            {"listing": US, "direction": "up", "change_pct": 11, "date": "2024-03-04"},
            {"listing": HK, "direction": "up", "change_pct": 12.5, "date": "2024-03-05"},
        ],
    )
    predicted = [
        event(TEXT, "rose 11%", "price_move", "h", listing=US, direction="up", change_pct=11.0),
        event(TEXT, "jumped 12.5%", "price_move", "h", listing=HK, direction="up",
              change_pct=12.5, date="2024-03-04"),
    ]  # fmt: skip
    result = score_document(doc, article(TEXT, predicted))
    assert (result.dates.missed, result.dates.wrong, result.dates.correct) == (1, 1, 0)
    figures = _report(result).figures()
    assert figures["dates.errors"] == 1
    assert figures["dates.recall"] == 0.0


def test_index_moves_need_the_gold_level_and_instrument():
    text = "The Hang Seng Index rose 1.94% to 25,829.91, and futures on it gained 1%."
    doc = gold(
        index_moves=[
            {"index": "HSI", "direction": "up", "change_pct": 1.94, "level": 25829.91},
            {"index": "HSI", "direction": "up", "change_pct": 1.0, "level": None,
             "instrument": "futures"},
        ]
    )  # fmt: skip
    without_level = event(text, "rose 1.94%", "index_move", None, index="HSI", direction="up",
                          change_pct=1.94, level=None)  # fmt: skip
    not_futures = event(text, "gained 1%", "index_move", None, index="HSI", direction="up",
                        change_pct=1.0)  # fmt: skip
    counts = (
        score_document(doc, article(text, [without_level, not_futures]))
        .fields["index_moves"]
        .counts
    )
    assert (counts.tp, counts.fp, counts.fn) == (0, 2, 2)

    with_level = event(text, "rose 1.94%", "index_move", None, index="hsi", direction="up",
                       change_pct=1.94, level=25829.91)  # fmt: skip
    futures = event(text, "gained 1%", "index_move", None, index="HSI", direction="up",
                    change_pct=1.0, instrument="futures")  # fmt: skip
    counts = score_document(doc, article(text, [with_level, futures])).fields["index_moves"].counts
    assert (counts.tp, counts.fp, counts.fn) == (2, 0, 0)

    # A level the gold does not give still matches, but is an error of its own.
    no_level = gold(index_moves=[{"index": "HSTECH", "direction": "up", "change_pct": 1.94}])
    borrowed = event(text, "rose 1.94%", "index_move", None, index="HSTECH", direction="up",
                     change_pct=1.94, level=25829.91)  # fmt: skip
    result = score_document(no_level, article(text, [borrowed]))
    assert result.fields["index_moves"].counts.tp == 1
    assert _report(result).figures()["index_moves.level_errors"] == 1

    # A gold move that does not say which instrument moved accepts either.
    unsaid = gold(index_moves=[{"index": "HSI", "direction": "up", "change_pct": 1.0}])
    counts = score_document(unsaid, article(text, [futures])).fields["index_moves"].counts
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_metrics_value_tolerance_owner_segment_and_null_change():
    text = "Cloud revenue grew 26% to 33.4 billion yuan; total revenue was 250 billion yuan."
    doc = gold(
        metrics=[
            {"listing": HK, "metric": "revenue", "segment": "cloud", "value": 33.4e9,
             "currency": "CNY", "change_pct": 26.0},
            {"listing": HK, "metric": "revenue", "segment": None, "value": 250e9,
             "currency": "CNY", "change_pct": None},
            {"listing": HK, "metric": "eps", "value": None, "value_low": 2.0, "value_high": 2.5},
        ]
    )  # fmt: skip
    entities = [company("harbour", "Harbour Robotics", HK, US), company("other", "Other", "OTHR")]
    predicted = [
        # 0.3 % off: within tolerance; the entity's Hong Kong listing is the gold listing.
        event(text, "Cloud revenue grew 26%", "financial_metric", "harbour", metric="revenue",
              segment="Cloud", value=33.5e9, change_pct=26.0),
        # A change gold does not give: no match.
        event(text, "total revenue was 250 billion", "financial_metric", "harbour",
              metric="revenue", segment=None, value=250e9, change_pct=5.0),
        # Inside the gold guidance range.
        event(text, "total revenue", "financial_metric", "harbour", metric="eps", value=2.2),
        # Right figure, wrong company.
        event(text, "Cloud revenue grew 26%", "financial_metric", "other", metric="revenue",
              segment="cloud", value=33.4e9, change_pct=26.0),
    ]  # fmt: skip
    counts = score_document(doc, article(text, predicted, entities)).fields["metrics"].counts
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 1)


def test_metric_value_two_percent_off_does_not_match():
    text = "Cloud revenue was 34 billion yuan."
    doc = gold(metrics=[{"listing": US, "metric": "revenue", "segment": "cloud", "value": 33.4e9}])
    predicted = event(text, "Cloud revenue", "financial_metric", "h", metric="revenue",
                      segment="cloud", value=34e9)  # fmt: skip
    entities = [company("h", "Harbour", US)]
    counts = score_document(doc, article(text, [predicted], entities)).fields["metrics"].counts
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_tickers_count_companies_for_precision_and_tickers_for_recall():
    doc = gold(about=[US], tickers_mentioned=[RIVAL, "ZZZZ"])
    entities = [
        company("harbour", "Harbour Robotics", HK, US),
        company("kestrel", "Kestrel Motors", RIVAL),
        company("other", "Otherco", "OTHR"),
        company("private", "Private Startup"),  # no listing: not scored as a ticker
        company("hsi", "Hang Seng Index", "HSI", kind="index"),
    ]
    result = score_document(doc, article(TEXT, entities=entities)).fields["tickers"]
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (2, 1, 1)
    assert result.counts.precision == pytest.approx(2 / 3)
    assert result.missed == ["ZZZZ"]


def test_without_tickers_mentioned_a_company_gold_names_is_not_spurious():
    doc = gold(about=[US], organizations=["Kestrel Motors"])
    entities = [company("kestrel", "Kestrel Motors Inc", RIVAL), company("o", "Otherco", "OTHR")]
    counts = score_document(doc, article(TEXT, entities=entities)).fields["tickers"].counts
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)


def test_names_fuzzy_one_to_one_and_own_company_not_spurious():
    doc = gold(about=[US], organizations=["JPMorgan Chase", "Nomura", "JD.com"], people=["Ada Lin"])
    entities = [
        company("jpm", "JPMorgan Chase & Co.", "JPM", kind="organization"),
        company("jpm2", "JPMorgan Chase", kind="organization"),  # a second copy: spurious
        company("ada", "ada lin", kind="person"),
        company("jd", "JD.com Inc", "JD"),
        company("barclays", "Barclays PLC", kind="organization"),
        company("harbour", "Harbour Robotics Holdings", HK, US),  # the gold's own `about`
        company("hsi", "Hang Seng Index", "HSI", kind="index"),  # not a named type
    ]
    result = score_document(doc, article(TEXT, entities=entities)).fields["names"]
    assert (result.counts.tp, result.counts.fp, result.counts.fn) == (3, 2, 1)
    assert result.missed == ["Nomura"]


def test_names_are_not_scored_when_gold_lists_none():
    doc = gold(about=[US])
    result = score_document(doc, article(TEXT, entities=[company("b", "Barclays", kind="person")]))
    assert "names" not in result.fields
    assert _report(result).figures()["names.precision"] is None


def test_boilerplate_and_off_topic_removal_and_off_topic_events():
    text = "Harbour rose 3%.\nSign up\nfor our  newsletter.\nKestrel Motors slid 4% in Tokyo."
    doc = gold(
        boilerplate=["Sign up for our newsletter", "Read more stories"],
        off_topic=["Kestrel Motors slid 4% in Tokyo", "Unrelated headline"],
    )
    leak = event(text, "Kestrel Motors slid 4% in Tokyo", "price_move", "k", listing=RIVAL,
                 direction="down", change_pct=4.0)  # fmt: skip
    result = score_document(doc, article(text, [leak]))
    assert result.boilerplate.leaked == ["Sign up for our newsletter"]
    assert result.off_topic.leaked == ["Kestrel Motors slid 4% in Tokyo"]
    figures = _report(result).figures()
    assert figures["boilerplate.removed_share"] == pytest.approx(0.5)
    assert figures["off_topic.removed_share"] == pytest.approx(0.5)
    assert figures["off_topic.event_errors"] == 1


def test_event_types_are_micro_averaged_over_documents():
    first = score_document(
        gold(event_types=["price_move", "earnings"]),
        article(TEXT, [event(TEXT, "up 30%", "price_move"), event(TEXT, "up 30%", "analyst_view"),
                       event(TEXT, "rose 11%", "price_move")]),
    )  # fmt: skip
    second = score_document(
        gold(doc="docs/b.txt", event_types=["index_move"]),
        article(TEXT, [event(TEXT, "up 30%", "index_move")]),
    )
    counts = _report(first, second).counts("event_types")
    assert counts is not None
    assert (counts.tp, counts.fp, counts.fn) == (2, 1, 1)


def test_drivers_are_na_until_a_move_carries_drivers_then_scored_by_category():
    doc = gold(drivers=["earnings", "product_launch"])
    plain = article(TEXT, [event(TEXT, "up 30%", "price_move", listing=US)])
    report = _report(score_document(doc, plain))
    assert report.counts("drivers") is None
    assert report.figures()["drivers.recall"] is None

    with_drivers = article(
        TEXT,
        [
            event(TEXT, "up 30%", "price_move", listing=US, drivers=[1, 2]),
            event(TEXT, "this year", "guidance"),
            event(TEXT, "Rival", "analyst_view"),
        ],
    )
    counts = _report(score_document(doc, with_drivers)).counts("drivers")
    assert counts is not None
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)  # earnings found; analyst_view extra


def test_consistency_flags_pair_with_conflicts_by_evidence():
    text = "Quick commerce revenue was 14.8 billion yuan ($22.6 billion)."
    doc = gold(
        consistency_flags=[
            {"what": "currency conversion", "evidence": "14.8 billion yuan ($22.6 billion)",
             "why": "rate is off"}
        ]
    )  # fmt: skip
    conflict = Conflict(
        field="stated_conversion",
        values=[ConflictValue(value=22.6e9, evidence="was 14.8 billion yuan ($22.6 billion).")],
        why="implies 0.65 CNY per USD",
    )
    predicted = article(text).model_copy(update={"conflicts": [conflict]})
    counts = _report(score_document(doc, predicted)).counts("consistency")
    assert counts is not None
    assert (counts.tp, counts.fp, counts.fn) == (1, 0, 0)


def test_empty_prediction_gives_na_precision_and_zero_recall():
    result = score_document(_moves_gold(), article(TEXT))
    figures = _report(result).figures()
    assert figures["price_moves.precision"] is None
    assert figures["price_moves.recall"] == 0.0
    assert figures["index_moves.recall"] is None  # the gold has no index moves


@pytest.mark.parametrize(
    ("published", "errors", "unexpected"), [(None, 1, 0), ("2024-03-06", 0, 1)]
)
def test_a_day_where_gold_has_none_is_an_error_only_on_an_undated_article(
    published, errors, unexpected
):
    doc = gold(
        published=published,
        price_moves=[{"listing": US, "direction": "up", "change_pct": 30, "date": None}],
    )
    predicted = event(TEXT, "up 30%", "price_move", "h", listing=US, direction="up",
                      change_pct=30.0, date="2024-03-05")  # fmt: skip
    result = score_document(doc, article(TEXT, [predicted]))
    assert (result.dates.wrong, result.dates.unexpected) == (errors, unexpected)


@pytest.mark.parametrize(
    ("gold_name", "predicted_name", "same"),
    [
        ("UBP", "Union Bancaire Privee", True),
        ("JD.com", "JD.com Inc", True),
        ("Amazon Web Services", "Amazon.com Inc", True),
        ("Meta Platforms", "Meta Platforms Inc", True),
        ("Xi Jinping", "Xi Jinping", True),
        ("UBS", "Union Bancaire Privee", False),
        ("Nomura", "Barclays", False),
        ("Microsoft", "Micron Technology", False),
    ],
)
def test_name_matching(gold_name, predicted_name, same):
    assert names_match(gold_name, predicted_name) is same


def test_listings_of_gold_moves_and_metrics_count_as_gold_tickers():
    # The seeds give only `about`; a company the gold gives a figure for is still mentioned.
    doc = gold(
        about=[US],
        metrics=[{"listing": "MSFT", "metric": "revenue", "segment": "cloud", "change_pct": 31}],
        organizations=[],
    )
    entities = [company("msft", "Microsoft Corp", "MSFT"), company("h", "Harbour", US)]
    result = score_document(doc, article(TEXT, entities=entities))
    tickers, names = result.fields["tickers"].counts, result.fields["names"].counts
    assert (tickers.tp, tickers.fp, tickers.fn) == (2, 0, 0)
    assert (names.tp, names.fp, names.fn) == (0, 0, 0)


@pytest.mark.parametrize(
    ("predicted_attributes", "matched"),
    [
        ({"value": None, "value_low": 2.0, "value_high": 2.5}, True),
        ({"value": None, "value_low": 2.005, "value_high": 2.49}, True),  # both ends within 0.5 %
        ({"value": None, "value_low": 2.0, "value_high": 2.6}, False),  # one end off
        ({"value": None, "value_low": 2.1, "value_high": 2.4}, False),  # inside is not the range
        ({"value": 2.25}, True),  # a single value inside the gold range, as before
    ],
)
def test_a_predicted_range_matches_a_gold_range_end_for_end(predicted_attributes, matched):
    text = "Harbour expects EPS of $2.00 to $2.50 this year."
    doc = gold(metrics=[{"listing": US, "metric": "eps", "value": None, "value_low": 2.0,
                         "value_high": 2.5}])  # fmt: skip
    predicted = event(text, "EPS of $2.00 to $2.50", "financial_metric", "h", metric="eps",
                      **predicted_attributes)  # fmt: skip
    entities = [company("h", "Harbour", US)]
    counts = score_document(doc, article(text, [predicted], entities)).fields["metrics"].counts
    assert (counts.tp, counts.fp, counts.fn) == ((1, 0, 0) if matched else (0, 1, 1))


@pytest.mark.parametrize("gold_value", [2.25, None])
def test_a_predicted_range_never_matches_a_gold_item_without_one(gold_value):
    text = "Harbour expects EPS of $2.00 to $2.50, up 10%."
    doc = gold(metrics=[{"listing": US, "metric": "eps", "value": gold_value,
                         "change_pct": None if gold_value else 10.0}])  # fmt: skip
    predicted = event(text, "EPS of $2.00 to $2.50", "financial_metric", "h", metric="eps",
                      value=None, value_low=2.0, value_high=2.5,
                      change_pct=None if gold_value else 10.0)  # fmt: skip
    entities = [company("h", "Harbour", US)]
    counts = score_document(doc, article(text, [predicted], entities)).fields["metrics"].counts
    assert (counts.tp, counts.fp, counts.fn) == (0, 1, 1)
