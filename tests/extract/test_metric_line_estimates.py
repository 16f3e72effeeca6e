"""A business line named by the company's own capitalised name ("its Consumer Security
segment's revenues", "the company's Partner revenues", "$330 million for the Identity
Protection division"): the line's revenue, with its segment; never the company's total."""

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 1, 22)
LEAD = "Microsoft is due to report on Tuesday. "


def revenues(events: list[Event]) -> list[tuple]:
    return [
        (
            e.entity,
            e.attributes["segment"],
            e.attributes["value"],
            e.attributes["change_pct"],
            e.attributes["is_estimate"],
        )
        for e in events
        if e.type == "financial_metric" and e.attributes["metric"] == "revenue"
    ]


def test_a_segments_revenues_named_with_its_unit_word() -> None:
    text = LEAD + (
        "Our estimate for Microsoft's Productivity and Business Processes segment's revenues "
        "is pegged at $19.2 billion, indicating a year-over-year rise of 11.4%."
    )
    assert revenues(run(text, DAY)) == [
        ("microsoft", "productivity_and_business_processes", 19.2e9, 11.4, True)
    ]


def test_the_companys_line_revenues_are_its_own() -> None:
    text = LEAD + (
        "Our estimate for the company's Server Products revenues is pegged at $6.2 billion, "
        "which calls for a 12% increase from the year-ago quarter."
    )
    assert revenues(run(text, DAY)) == [("microsoft", "server_products", 6.2e9, 12.0, True)]


def test_an_estimate_for_a_division_with_no_figure_named_is_its_revenue() -> None:
    text = LEAD + (
        "Our estimate of $5.1 billion for the Search and News Advertising division implies "
        "growth of 7.5% from the year-ago quarter."
    )
    # the line a segment list knows, as "Search and News Advertising revenue" reads
    assert revenues(run(text, DAY)) == [("microsoft", "advertising", 5.1e9, 7.5, True)]


def test_a_consensus_for_a_segment_takes_the_line_a_segment_list_knows() -> None:
    text = LEAD + (
        "The consensus estimate for the Intelligent Cloud segment is pegged at $25.9 billion, "
        "suggesting a rise of 19% from the year-ago quarter."
    )
    assert revenues(run(text, DAY)) == [("microsoft", "cloud", 25.9e9, 19.0, True)]


def test_capitalised_words_that_name_no_line_of_ours() -> None:
    for text in (
        # a company we do not know, named before its revenues
        LEAD + "Hewlett Packard revenues rose 5% to $14 billion in the quarter.",
        # a deal, not a business line
        LEAD + "Our estimate of $25.9 billion for the Nuance Communications deal implies a "
        "premium of 9%.",
        # the figure of a line's profit is not its revenue
        LEAD + "Our estimate of $3.2 billion for the Gaming division's operating income "
        "implies growth of 9%.",
    ):
        assert revenues(run(text, DAY)) == [], text


def test_a_line_name_needs_a_unit_word_or_an_owner_and_no_title_case() -> None:
    from tickerwire.extract.metric_line_names import line_name_before

    def line(text: str, term: str) -> str | None:
        start = text.index(term)
        found = line_name_before(text, 0, start, start + len(term))
        return found.segment if found else None

    assert line("its Gaming Devices revenues fell", "revenues") == "gaming_devices"
    assert line("The Consumer Security segment's revenues rose", "revenues") == (
        "consumer_security"
    )
    assert line("Hewlett Packard revenues fell", "revenues") is None
    assert line("its Cloud Gaming Revenue Jumps", "Revenue") is None
    assert line("its December Quarter revenues fell", "revenues") is None
