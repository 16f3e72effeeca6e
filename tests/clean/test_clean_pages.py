"""Whole pages through `clean_document`: what stays, what goes, and with which kind."""

from __future__ import annotations

import datetime as dt

from tickerwire.clean import clean_document
from tickerwire.records import RawDocument

TITLE = "Northwind Foods lifts dividend as quarterly profit tops forecasts"
LEDE = (
    "Northwind Foods raised its quarterly dividend by 8% on Wednesday after reporting a jump in "
    "third-quarter profit that beat analyst estimates, helped by lower grain costs and firmer "
    "demand for its frozen meals."
)
BODY = [
    LEDE,
    "Net income rose to $412 million, or $1.05 a share, from $356 million a year earlier. "
    "Revenue climbed 4% to $6.2 billion.",
    "Chief financial officer Dana Whitfield told analysts the company expected input costs to "
    "stay flat into next year.",
    "Shares of the Omaha-based company gained 3.1% in morning trading.",
]
NOISY_PAGE = "\n".join(
    [
        "MarketPulse",
        "Home | Markets | Companies | Opinion",
        "  • Sign in",
        "  • Español",
        "",
        TITLE,
        "",
        LEDE[:131],
        "",
        BODY[0],
        TITLE,
        *BODY[1:],
        "",
        "Get the MarketPulse Morning Briefing newsletter",
        "Sign up for our free newsletter and get the day's market news delivered to your inbox.",
        "By subscribing you agree to our privacy policy and terms of use.",
        "Subscribe   ",
        "",
        "Disclaimer: This article is for information only and does not constitute investment "
        "advice.",
    ]
)


def kinds(doc) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for piece in doc.removed:
        found.setdefault(piece.kind, []).append(piece.text)
    return found


def test_noisy_page_keeps_exactly_the_article_with_metadata_title():
    doc = clean_document(RawDocument(origin="p.txt", text=NOISY_PAGE, title=TITLE))
    assert doc.text == "\n".join(BODY)
    removed = kinds(doc)
    assert removed["duplicate"] == [TITLE, LEDE[:131], TITLE]
    assert "MarketPulse" in removed["boilerplate"]
    assert "Home | Markets | Companies | Opinion" in removed["boilerplate"]
    assert any("newsletter" in text for text in removed["boilerplate"])
    assert removed["boilerplate"][-1].startswith("Disclaimer:")
    assert doc.title == TITLE


def test_noisy_page_without_metadata_detects_the_title_and_drops_its_repeat():
    doc = clean_document(RawDocument(origin="p.txt", text=NOISY_PAGE))
    assert doc.title == TITLE
    # A detected title stays as the first line; its second printing goes.
    assert doc.text == "\n".join([TITLE, *BODY])
    assert kinds(doc)["duplicate"] == [LEDE[:131], TITLE]


def test_everything_removed_is_accounted_for():
    doc = clean_document(RawDocument(origin="p.txt", text=NOISY_PAGE, title=TITLE))
    kept_words = doc.text.split()
    removed_words = [w for piece in doc.removed for w in piece.text.split()]
    assert sorted(kept_words + removed_words) == sorted(NOISY_PAGE.split())


WIRE = """By Maria Olsen and Tomas Reyes
LONDON, March 4 (Reuters) - Shares of Example Bank rose 2.4% on Monday after the lender said \
first-quarter lending had grown faster than expected.
The bank said mortgage approvals were up 11% from a year earlier.
"Demand has surprised us," chief executive Leo Brandt told reporters.
(Reporting by Maria Olsen in London and Tomas Reyes in Madrid; Additional reporting by Ana Kim;
Editing by Paul Greer)
((maria.olsen@example.com; +44 20 5550 0100))
"""


def test_wire_byline_and_sign_off_go_and_the_dateline_stays():
    doc = clean_document(RawDocument(origin="wire.txt", text=WIRE))
    assert doc.text.startswith("LONDON, March 4 (Reuters) - Shares of Example Bank rose 2.4%")
    assert doc.text.endswith("chief executive Leo Brandt told reporters.")
    removed = kinds(doc)["boilerplate"]
    assert removed[0] == "By Maria Olsen and Tomas Reyes"
    assert any(text.startswith("(Reporting by") for text in removed)
    assert "Editing by Paul Greer)" in removed
    assert removed[-1].startswith("((")
    # "March 4" has no year: the date is not guessed.
    assert doc.published is None and doc.published_basis is None


def test_a_short_genuine_closing_sentence_stays_before_the_disclaimer():
    text = (
        "Coastal Power said on Tuesday it would close two coal units by 2027 and replace them "
        "with battery storage and a gas plant.\n"
        "The utility expects the change to cut its emissions by about a third.\n"
        "Regulators must still approve the plan.\n"
        "The opinions expressed here belong to the writer and do not necessarily represent "
        "Example Media or its staff."
    )
    doc = clean_document(RawDocument(origin="c.txt", text=text))
    assert doc.text.endswith("Regulators must still approve the plan.")
    assert [p.kind for p in doc.removed] == ["boilerplate"]


def test_headings_and_lists_inside_the_article_stay():
    text = (
        "Factory data out of Asia was mixed on Thursday, with output in Japan slipping while "
        "South Korea's exporters reported their best month in a year.\n"
        "What to watch\n"
        "- Japan retail sales (March)\n"
        "- Korea trade balance (April)\n"
        "Markets\n"
        "Regional stocks traded in a narrow range, and the yen held near 151 per dollar.\n"
        "Asia markets chart https://example.com/c/9f2k\n"
        "(Editing by Ravi Menon)"
    )
    doc = clean_document(RawDocument(origin="a.txt", text=text))
    for kept in ("What to watch", "- Japan retail sales (March)", "Markets", "151 per dollar"):
        assert kept in doc.text
    assert {p.text for p in doc.removed} == {
        "Asia markets chart https://example.com/c/9f2k",
        "(Editing by Ravi Menon)",
    }


def test_promotion_closing_the_page_goes_with_its_headline_and_call_to_action():
    article = [
        "Granite Software shares fell 6% after the company trimmed its annual revenue forecast, "
        "citing longer sales cycles with large customers.",
        "The company now sees revenue of $2.1 billion to $2.15 billion for the year.",
    ]
    promo = [
        "Three Picks Our Analysts Love",
        "Our research team has singled out three overlooked small caps, and you can read about "
        "them free for a limited time.",
        "Get the free report >>",
    ]
    doc = clean_document(RawDocument(origin="g.txt", text="\n".join(article + promo)))
    assert doc.text == "\n".join(article)
    assert [p.text for p in doc.removed] == promo


def test_a_call_to_action_inside_the_article_does_not_take_the_article_with_it():
    text = "\n".join(
        [
            "Research Notes for Three Retailers",
            "Our analysts published fresh notes on Target, Costco and Dollar General today.",
            "Read all of today's notes here >>",
            "Costco's comparable sales rose 5% last month, helped by fuel and online orders.",
            "Dollar General cut its outlook as shoppers traded down.",
        ]
    )
    doc = clean_document(RawDocument(origin="n.txt", text=text))
    assert [p.text for p in doc.removed] == ["Read all of today's notes here >>"]
    assert "Our analysts published fresh notes" in doc.text


def test_promotional_and_disclaimer_sentences_are_cut_off_a_paragraph():
    text = (
        "Delta Apparel beat quarterly estimates and raised its outlook. You can see the full list "
        "of our top-ranked stocks here.\n"
        "Analysts expect revenue of $480 million next quarter."
    )
    doc = clean_document(RawDocument(origin="d.txt", text=text))
    assert doc.text == (
        "Delta Apparel beat quarterly estimates and raised its outlook.\n"
        "Analysts expect revenue of $480 million next quarter."
    )
    assert [p.text for p in doc.removed] == [
        "You can see the full list of our top-ranked stocks here."
    ]


def test_metadata_date_wins_over_a_date_in_the_text():
    text = (
        "Published: March 3, 2025\n"
        "Shares of Lumen Grid rose 4% after it won a state contract to upgrade transmission lines."
    )
    with_meta = clean_document(
        RawDocument(origin="m.txt", text=text, published=dt.date(2025, 3, 4))
    )
    assert (with_meta.published, with_meta.published_basis) == (dt.date(2025, 3, 4), "metadata")
    from_text = clean_document(RawDocument(origin="m.txt", text=text))
    assert (from_text.published, from_text.published_basis) == (dt.date(2025, 3, 3), "text")
    assert from_text.text.startswith("Shares of Lumen Grid")


def test_empty_and_blank_inputs_give_empty_text():
    assert clean_document(RawDocument(origin="e.txt", text="")).text == ""
    blank = clean_document(RawDocument(origin="e.txt", text=" \n\n \t\n"))
    assert blank.text == "" and blank.removed == ()


def test_output_has_single_newlines_and_no_trailing_spaces():
    text = "First paragraph of the story about Acme.   \n\n\n\nSecond paragraph follows here.  \n"
    doc = clean_document(RawDocument(origin="s.txt", text=text))
    assert doc.text == "First paragraph of the story about Acme.\nSecond paragraph follows here."


def test_hard_wrapped_wire_keeps_every_fragment_and_its_table():
    text = (
        "Example Realty Trust said its board raised the quarterly\n"
        "dividend and approved a plan to buy back up to 5 pct of its\n"
        "share.\n"
        "    Holders may subscribe to the new units, the trust said, and\n"
        "subscribe between May 1 and June 30 at a price set\n"
        "by Baker.\n"
        "Changes to the board were approved at the same\n"
        "meeting.\n"
        "    Qtly div 41 cts vs 38 cts prior\n"
        "    Pay April Two\n"
        "    Record March 20\n"
        "    (Example Realty Trust)\n"
        " Reuter\n"
    )
    doc = clean_document(RawDocument(origin="w.txt", text=text))
    assert [p.text for p in doc.removed] == ["Reuter"]
    assert doc.text.count("\n") == 11
    assert doc.text.endswith("(Example Realty Trust)")


def test_link_texts_closing_a_page_go_but_a_closing_list_of_names_stays():
    article = (
        "Summit Analytics rates Example Motors a buy under its momentum model, which looks for "
        "rising earnings estimates and strong six-month returns."
    )
    links = ["Detailed Analysis of EXAMPLE MOTORS", "EXMO Guru Analysis", "Model Portfolio Returns"]
    closing_names = ["Listed in New York", "Example Motors Holdings - New York"]
    sign_off = (
        "About Summit Analytics: Summit publishes model portfolios built on academic research."
    )
    with_links = clean_document(
        RawDocument(origin="v.txt", text="\n".join([article, *links, sign_off]))
    )
    assert with_links.text == article
    with_names = clean_document(
        RawDocument(origin="v.txt", text="\n".join([article, *closing_names, sign_off]))
    )
    assert with_names.text == "\n".join([article, *closing_names])
