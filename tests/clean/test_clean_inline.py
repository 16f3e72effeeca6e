"""Furniture run into article lines: cut out of them, the article's own words kept."""

from __future__ import annotations

import pytest

from tickerwire.clean import clean_text
from tickerwire.clean.inline import inline_cuts


def _clean(*lines: str) -> tuple[str, list[str]]:
    cleaned = clean_text("\n".join(lines), title="Test page")
    return cleaned.text, [r.text for r in cleaned.removed if r.kind == "boilerplate"]


def test_a_cross_link_in_parentheses_is_cut_and_its_sentence_kept():
    text, removed = _clean(
        "The Example Semiconductor ETF holds 40 chip makers, with Acme at 9% of assets "
        "(read: Three Chip ETFs Rallying on AI Hopes). It charges 35 bps a year.",
        "Trading volume is light at about 20,000 shares a day (See: all the Energy ETFs here).",
    )
    assert text == (
        "The Example Semiconductor ETF holds 40 chip makers, with Acme at 9% of assets. "
        "It charges 35 bps a year.\n"
        "Trading volume is light at about 20,000 shares a day."
    )
    assert removed == [
        "(read: Three Chip ETFs Rallying on AI Hopes)",
        "(See: all the Energy ETFs here)",
    ]


@pytest.mark.parametrize(
    "line",
    [
        "Acme shares fell 3% (see chart below) after the warning.",
        "Beta Corp (NYSE: BETA) rose 2% on Tuesday.",
        "Revenue rose in two units (read more in the filing) while costs fell.",
        "The ratio held at 1.2 (note: figures are unaudited).",
    ],
)
def test_parentheses_without_a_link_label_and_colon_stay(line):
    assert inline_cuts(line) == []


def test_a_related_story_label_and_headline_closing_a_line_is_cut():
    text, removed = _clean(
        "Example Foods Inc. (EXF) is up 0.12 at $41.10, with 812,400 shares traded. "
        "Smarter Analyst Reports: Regulator Clears Example Foods' Snack Deal: Report",
        "Gamma Corp (GAM) is unchanged at $12.05.",
    )
    assert text.startswith(
        "Example Foods Inc. (EXF) is up 0.12 at $41.10, with 812,400 shares traded.\n"
    )
    assert "Regulator" not in text
    assert removed == [
        "Smarter Analyst Reports: Regulator Clears Example Foods' Snack Deal: Report"
    ]


@pytest.mark.parametrize(
    "line",
    [
        # the label inside a sentence, not opening one
        "The firm cut its Research Reports: budget by half, it said.",
        # what follows the label is sentences, not a headline
        "Sales rose 4%. Analyst Reports: the team upgraded the stock. It now sees $50 a share.",
    ],
)
def test_report_words_in_prose_stay(line):
    assert inline_cuts(line) == []


def test_newsroom_codes_closing_sentences_or_alone_are_cut():
    text, removed = _clean(
        "Oil rose on Monday as supply worries returned to the market. O/R",
        "Gold was steady near record highs as the dollar eased. GOL/ MET/L",
        "Canada's main index closed 0.4% higher, led by miners. .TO",
        "US crude CLc1: $71.20; +0.6% O/R",
        "RESF/US",
    )
    assert text == (
        "Oil rose on Monday as supply worries returned to the market.\n"
        "Gold was steady near record highs as the dollar eased.\n"
        "Canada's main index closed 0.4% higher, led by miners.\n"
        "US crude CLc1: $71.20; +0.6%"
    )
    assert removed == ["O/R", "GOL/ MET/L", ".TO", "O/R", "RESF/US"]


@pytest.mark.parametrize(
    "line",
    [
        # a listing joined to its company's name is a ticker, not a code
        "Results are due from Meta META.O.",
        "Shares of the lender slid after the report, said Acme AB ACME.ST",
        # slash abbreviations of prose and tables
        "Dividend yield for the quarter: N/A",
        "The stock trades at 14 times earnings. P/E",
        "EUR/USD",
        # a code that does not close a sentence
        "The S&P/TSX index .GSPTSE rose 0.5%",
        "Sales were flat in the U.S.",
    ],
)
def test_tickers_and_slash_words_stay(line):
    assert inline_cuts(line) == []


def test_an_author_box_of_name_job_and_note_is_furniture():
    text, removed = _clean(
        "Example Bank shares have gained 12% this year on rising fee income.",
        "Jane Holloway",
        "Senior Editor",
        "Note: Raj Patel heads the Example Equity Research department and is a well-known expert "
        "on earnings. He is often quoted in the media.",
        "Featured Reports",
        "Example Bank Rides on Fee Growth",
        "Per the analyst, Example Bank gains from fee income while costs rise.",
    )
    assert removed[:3] == [
        "Jane Holloway",
        "Senior Editor",
        "Note: Raj Patel heads the Example Equity Research department and is a well-known expert "
        "on earnings. He is often quoted in the media.",
    ]
    assert "Per the analyst, Example Bank gains" in text


def test_a_name_above_a_plain_heading_is_no_author_box():
    text, _ = _clean(
        "Example Bank shares have gained 12% this year on rising fee income.",
        "Jane Holloway",
        "Outlook",
        "The bank expects fee income to grow again next year, its chief executive said.",
    )
    assert "Jane Holloway" in text


def test_an_author_bio_opening_on_the_job_goes_in_the_trailer():
    text, removed = _clean(
        "Example Bank shares have gained 12% this year on rising fee income and lower costs.",
        "As the income stock strategist at Example Research Ann Lee is focused on dividend payers",
        "Disclaimer: This column is for information only and is no advice to buy or sell.",
    )
    assert (
        text
        == "Example Bank shares have gained 12% this year on rising fee income and lower costs."
    )
    assert removed[0].startswith("As the income stock strategist")


def test_a_closing_paragraph_quoting_an_economist_is_kept():
    text, _ = _clean(
        "Example Bank shares have gained 12% this year on rising fee income and lower costs.",
        "As the chief economist at Example Bank, Ann Lee is focused on inflation data due Friday.",
        "Disclaimer: This column is for information only and is no advice to buy or sell.",
    )
    assert "Ann Lee is focused on inflation" in text


def test_a_chart_caption_by_the_author_is_furniture():
    text, removed = _clean(
        "Example Motors delivered 52,000 vehicles last year, up 30% from the year before.",
        "Chart by author. Data source: Example Motors delivery releases.",
        "The company expects deliveries to grow again this year.",
    )
    assert "Chart by author" not in text
    assert removed == ["Chart by author. Data source: Example Motors delivery releases."]


def test_a_sentence_about_an_author_is_kept():
    text, _ = _clean(
        "Example Books shares rose 6% after the publisher signed a deal with a bestselling author "
        "for three new novels, it said on Monday.",
    )
    assert "bestselling author" in text


def test_a_shows_standing_notice_is_cut_from_the_head_of_its_talk():
    notice = (
        "Our panel may have an interest in the companies we talk about, and the network may have "
        "recommendations for or against them. Do not buy or sell any stock based on this show."
    )
    text, removed = _clean(
        "Host: Welcome back. Chip stocks had a strong week after upbeat results from Acme.",
        notice + " Now, back to Acme and its guidance for the year.",
        "Guest: Acme raised its outlook, and margins beat by two points.",
    )
    assert "Now, back to Acme and its guidance for the year." in text.split("\n")
    assert "recommendations for or against" not in text
    assert removed == [notice]


@pytest.mark.parametrize(
    "line",
    [
        "Acme said analysts may have different views. Shares rose 3% on the news.",
        "Investors who buy or sell shares based on rumors often lose money, it said.",
        "The fund has an interest in the companies it backs, the filing said.",
    ],
)
def test_sentences_near_a_notice_stay(line):
    assert inline_cuts(line) == []


def test_a_podcast_promo_ending_on_its_transcript_note_is_furniture():
    text, removed = _clean(
        "In this episode, our hosts discuss chip earnings and the outlook for cloud spending.",
        "To hear every episode of our free shows, check out our podcast center. A full transcript "
        "follows the video.",
        "Host: Acme beat estimates this week, and its shares rose 8% after the report.",
    )
    assert "transcript" not in text
    assert len(removed) == 1 and removed[0].startswith("To hear every episode")


def test_a_transcript_mentioned_in_prose_stays():
    text, _ = _clean(
        "Acme shares fell after a transcript of the call showed weaker orders in Europe.",
        "Acme shares rose 2% on the day. The full transcript follows the format of past calls.",
        "Analysts expect margins to recover in the second half.",
    )
    assert "a transcript of the call" in text
    assert "The full transcript follows the format of past calls." in text


def test_a_graphic_caption_with_an_abbreviation_and_its_link_is_furniture():
    text, removed = _clean(
        "Big tech shares led the market higher on Thursday after strong results.",
        "U.S. megacaps since 2020 https://example.com/g/abc123",
        "The rally lifted the Nasdaq 1.2% by the close.",
    )
    assert "example.com" not in text
    assert removed == ["U.S. megacaps since 2020 https://example.com/g/abc123"]


def test_a_sentence_with_a_link_stays():
    text, _ = _clean(
        "Big tech shares led the market higher on Thursday after strong results.",
        "The company posted its results. Slides are at https://example.com/ir/q4",
        "The rally lifted the Nasdaq 1.2% by the close.",
    )
    assert "https://example.com/ir/q4" in text


def test_an_editors_note_on_the_source_of_the_text_is_furniture():
    text, removed = _clean(
        "Note: The following is an excerpt from our weekly outlook. To read the full outlook with "
        "every table, please click here>>>",
        "Profits of the index members that have reported so far are up 4% from a year earlier.",
    )
    assert (
        text
        == "Profits of the index members that have reported so far are up 4% from a year earlier."
    )
    assert removed[0].startswith("Note: The following is an excerpt")


def test_a_note_that_goes_on_with_the_article_keeps_it():
    text, _ = _clean(
        "Note: The following is an excerpt from our weekly outlook. Profits rose 4% last quarter.",
        "Revenue rose 2% over the same period.",
    )
    assert "Profits rose 4% last quarter." in text


def test_a_cross_link_inside_a_related_story_headline_is_cut_once_with_it():
    text, removed = _clean(
        "Example Foods shares rose 2% on Friday after the snack maker raised its full-year "
        "outlook. Smarter Analyst Reports: Snack Makers to Watch (read: Five Food ETFs)",
        "Gamma Corp (GAM) is unchanged at $12.05 in thin trading on Friday, dealers said.",
    )
    assert text.startswith("Example Foods shares rose 2% on Friday after the snack maker raised")
    assert "outlook.\nGamma Corp" in text
    assert removed == ["Smarter Analyst Reports: Snack Makers to Watch (read: Five Food ETFs)"]


def test_a_cross_link_inside_a_standing_notice_is_cut_once_with_it():
    text, removed = _clean(
        "Our guests may have formal recommendations for or against the stocks they discuss "
        "(see: our policy here). Acme Retail shares rose 2% today after the chain raised its "
        "outlook for the year.",
        "Gamma Corp (GAM) is unchanged at $12.05 in thin trading on Friday, dealers said.",
    )
    assert text.startswith("Acme Retail shares rose 2% today")
    assert removed == [
        "Our guests may have formal recommendations for or against the stocks they discuss "
        "(see: our policy here)."
    ]


def test_a_job_title_under_a_line_already_gone_as_other_furniture_is_no_author_box():
    # "Read More" has a name's shape but is a call to action: "Managing Editor" is the
    # article's own heading, not the job line of an author's box.
    text, removed = _clean(
        "Example Media shares rose 4% on Tuesday after the publisher named a new newsroom head.",
        "Read More",
        "Managing Editor",
        "The post goes to Ann Lee, who ran the paper's business desk for six years before.",
        "Example Media said the change takes effect in March, when the current editor retires.",
    )
    assert "\nManaging Editor\n" in text
    assert removed == ["Read More"]
