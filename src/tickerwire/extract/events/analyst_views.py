"""`analyst_view`: a research firm's or an analyst's view of a company.

Who speaks is found by structure (events.analyst_speakers: a firm next to an analyst word, a
broker with a view verb, analysts without a firm, a rating). The view is about the company its
claim names ("Nomura said Alibaba's ..." is a view of Alibaba by Nomura), not the firm; a claim
that names no company and does not refer to one ("the stock", "the company") is no view of a
company and is left out.
The stance is the claim's tone, read by the sentiment scorer (a rating word decides first).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import regex

from tickerwire.extract.document import EntityGroup
from tickerwire.extract.events.analyst_speakers import (
    BROKERS,
    RATING,
    anonymous_speaker,
    firm_speaker,
    rating_speaker,
)
from tickerwire.extract.events.drafts import Draft
from tickerwire.extract.events.policy import SECTOR_GROUP
from tickerwire.extract.events.scan import REFERENCE_PENALTY, SentenceScan
from tickerwire.records import AnalystViewAttributes
from tickerwire.score import NEUTRAL_BAND, SentenceScorer

__all__ = ["BROKERS", "CLAIM_WORDS", "analyst_view_drafts", "estimator_speaks"]

# Research houses and data providers (reference ids): a forecast or a value they give is an
# estimate of another company's figure ("LSEG expects revenue from the segment to rise",
# "Wedbush sees a $4 trillion market cap"), not their own, unless the article is about them.
_ESTIMATORS = frozenset(
    {
        *BROKERS,
        *("lseg", "factset", "gartner", "sp-global", "moodys", "fitch-ratings", "bloomberg"),
        *("msci", "idc", "counterpoint", "canalys", "visible-alpha"),
    }
)
Stance = Literal["positive", "negative", "neutral"]
CLAIM_WORDS = 30  # a claim is the view in a sentence's words, cut like a summary but longer
# A view of a sector is less sure to be read right than one of a named company (its subject is a
# group the text may name loosely): a reference's penalty.
SECTOR_VIEW_PENALTY = REFERENCE_PENALTY

_POSITIVE_RATING = regex.compile(
    r"\b(?:upgrad|raised|lifted|boosted|hiked|buy|outperform|overweight|bullish)", regex.I
)
_NEGATIVE_RATING = regex.compile(
    r"\b(?:downgrad|cut|lowered|trimmed|slashed|sell|underperform|underweight|bearish)", regex.I
)
_NEUTRAL_RATING = regex.compile(r"\b(?:hold|neutral|equal[\s-]weight)\b", regex.I)
_REFERS_TO_COMPANY = regex.compile(
    r"\b(?:the\s+stock|the\s+shares|its\s+shares|the\s+company|it|its|the\s+firm|the\s+group|"
    r"the\s+(?:[\w-]+\s+)?giant|(?-i:[A-Z]{2,5})\s+stock)\b",
    regex.IGNORECASE,
)
# A Zacks Rank told without its word: #1 and #2 are buys, #3 a hold, #4 and #5 sells.
_ZACKS_STANCE: dict[str, Stance] = {
    "1": "positive",
    "2": "positive",
    "3": "neutral",
    "4": "negative",
    "5": "negative",
}
_MODEL_STANCE: dict[str, Stance] = {
    **dict.fromkeys(("highest", "high", "well", "best"), "positive"),
    **dict.fromkeys(("poorly", "lowest", "low", "worst"), "negative"),
}
_CLAIM_END = regex.compile(r",\s*(?:while|but|whereas)\b|;", regex.IGNORECASE)


@lru_cache(maxsize=1)
def _scorer() -> SentenceScorer:
    """The sentiment scorer that reads a claim's stance (its lexicon is read once)."""
    return SentenceScorer()


def estimator_speaks(scan: SentenceScan, entity_id: str | None) -> bool:
    """Whether an event's actor is a broker or a data provider telling of someone else's
    figures (not the company the article is about)."""
    return entity_id in _ESTIMATORS and entity_id != scan.ctx.main_company


def analyst_view_drafts(scan: SentenceScan) -> list[Draft]:
    """The analyst view of one sentence, if it holds one (one per sentence)."""
    speaker = firm_speaker(scan)
    anonymous = False
    if speaker is None:
        speaker = anonymous_speaker(scan)
        anonymous = speaker is not None
    rank_holder: tuple[str, float] | None = None
    if speaker is None:
        speaker = rating_speaker(scan)
        if speaker is not None and scan.lowered_text.startswith("zacks rank", speaker[2]):
            holder = _rank_holder(scan, speaker[2])
            if holder is False:
                return []
            if holder is None:  # "IP, which carried a Zacks Rank #1 into its report": after
                speaker = (*speaker[:4], speaker[3], scan.sentence.end, speaker[6])
            else:
                rank_holder = holder
    if speaker is None:
        return []
    firm, analyst, cue_start, cue_end, claim_start, claim_end, confidence = speaker
    if _AUTHOR_OF_A_TERM.search(scan.lowered_text, scan.sentence.start, cue_start):
        return []  # "the term was coined by BofA analyst X": naming a thing is no view of it
    claim_cut = _CLAIM_END.search(scan.text, claim_start, claim_end)
    # "..., while investors will watch X": not the claim. A claim told before its speaker
    # ("X is likely, but the plan is unlikely, analysts said") is all the speaker's.
    told_before = claim_end <= cue_start
    if claim_cut is not None and claim_cut.start() - claim_start > 15 and not told_before:
        claim_end = claim_cut.start()
    about: tuple[str | None, float] | None = rank_holder or _about(
        scan, claim_start, claim_end, firm
    )
    if about is None and anonymous:
        about = _figure_owner(scan, claim_start, claim_end)
    if about is None and firm is not None and _about_a_sector(scan, claim_start, claim_end):
        # "analysts at Oppenheimer said bank stocks are undervalued": a named firm's view of a
        # sector is a view of no one company
        about = (None, SECTOR_VIEW_PENALTY)
    if about is None:
        return []
    entity_id, penalty = about
    claim = _claim(scan, claim_start, claim_end)
    if not claim:
        return []
    attributes = AnalystViewAttributes(
        firm=scan.entity_name(firm.entity_id) if firm is not None else None,
        analyst=scan.entity_name(analyst.entity_id) if analyst is not None else None,
        stance=_stance(scan, claim_start, claim_end, cue_start, cue_end),
        claim=claim,
    ).model_dump(mode="json")
    return [
        Draft(
            "analyst_view",
            entity_id,
            scan.sentence,
            cue_start,
            cue_end,
            attributes,
            confidence - penalty,
            "opinion",
            key=(attributes["firm"], attributes["analyst"], scan.sentence.index),
        )
    ]


def _rank_holder(scan: SentenceScan, position: int) -> tuple[str, float] | Literal[False] | None:
    """Who holds the rating at `position` when a rank is told after its holder ("Apple
    carries a Zacks Rank #3", "Microsoft remains a Zacks Rank #2"): the sentence's subject.
    False when the subject is a fund ("... Technology Index ETF ... carry a Zacks Rank #1"):
    the rating is the fund's, no company's. None when the sentence names no subject."""
    # The sentence's subject, not the clause's: finding clauses costs more than a rating
    # sentence needs ("IP, which carried a Zacks Rank #1" is IP's all the same).
    actor = scan.named_subject(scan.sentence.start, position, ("company",))
    if actor is None:
        owner = scan.possessor(position)  # "solidified Amazon's Zacks Rank #2"
        if owner is not None:
            return owner, 0.0
        if any(g.start < position for g in scan.groups):
            return None
        # "The company has a Zacks Rank #3": a back-reference names the holder
        actor = scan.actor(position, ("company",))
        return (actor.entity_id, actor.penalty) if actor is not None else None
    if _IN_A_FUND_NAME.match(scan.text, actor.end, position) or _FUND_NAMED.search(
        scan.text, scan.sentence.start, actor.start
    ):
        return False  # "... Technology ETF VGT ... have Apple as the top holding and carry a"
    return actor.entity_id, actor.penalty


def _about(
    scan: SentenceScan, start: int, end: int, firm: EntityGroup | None
) -> tuple[str, float] | None:
    """The company a claim is about: the first company it names (not the firm), else the one
    'the stock' or 'the company' refers to."""
    firm_id = firm.entity_id if firm is not None else None
    for group in scan.ctx.groups_in(start, end):
        source = regex.search(
            r"\b(?:according\s+to|data\s+from|from|by|per)\s+(?:the\s+)?(?:data\s+from\s+)?$",
            scan.text[max(start, group.start - 25) : group.start],
            regex.IGNORECASE,
        )
        if source is not None:
            continue  # a data provider quoted for the figures, not the company discussed
        if _IN_A_FUND_NAME.match(scan.text, group.end, end):
            continue  # "MSCI Information Technology Index ETF": a fund, not the company
        if group.entity_type == "company" and group.entity_id != firm_id:
            if group.entity_id in BROKERS and firm is None:
                continue
            return group.entity_id, 0.1 if group.coref else 0.0
    reference = _REFERS_TO_COMPANY.search(scan.text, start, end)
    if reference is not None and not any(
        g.entity_type in ("organization", "government")
        for g in scan.ctx.groups_in(start, reference.start())
    ):  # "OPEC may have to readdress its output pact": "its" is OPEC's
        named = [
            g
            for g in scan.groups
            if g.end <= start and g.entity_type == "company" and g.entity_id not in BROKERS
        ]
        if named and reference.group(0).lower() in ("it", "its") and len(named) > 1:
            # "X edged ahead of Y, and analysts expect it to cement that lead": a pronoun
            # stands for the subject, not for the object named last
            subject = scan.named_subject(scan.sentence.start, start, ("company",))
            if subject is not None:
                return subject.entity_id, 0.1
        if named:  # "Macy's rose after Citi upgraded the stock": the company named before
            return named[-1].entity_id, 0.1
        earlier = scan.company_before(start)
        if earlier is not None and earlier.entity_id != firm_id:
            return earlier.entity_id, earlier.penalty
        fallback = scan.fallback_company()
        if fallback is not None and fallback.entity_id != firm_id:
            return fallback.entity_id, fallback.penalty
    return None


_AUTHOR_OF_A_TERM = regex.compile(
    r"\b(?:coined|dubbed|termed|nicknamed|christened|populari[sz]ed)\s+by\s+(?:the\s+)?$"
)
_IN_A_FUND_NAME = regex.compile(
    r"\s+(?:[\w&-]+\s+){0,3}?(?:ETFs?|Funds?|Index|Trust)\b", regex.IGNORECASE
)
# A fund named by its capitalised name before the company: the sentence's subject is the fund.
_FUND_NAMED = regex.compile(r"\b[A-Z][\w&.\-]*(?:[ ][A-Z0-9][\w&.\-]*){0,6}[ ](?:ETFs?|Fund)\b")
_FIGURE_WORDS = regex.compile(
    r"\b(?:earnings|revenues?|sales|EPS|profits?|margins?|free\s+cash\s+flow)\b", regex.IGNORECASE
)
# Figures of a market, an index or the economy: not one company's, whatever the paragraph.
_WIDER_THAN_A_COMPANY = regex.compile(
    r"\b(?:S&P|index|indices|companies|sector|industry|market|stocks|economy|GDP|members)\b",
    regex.IGNORECASE,
)


def _figure_owner(scan: SentenceScan, start: int, end: int) -> tuple[str, float] | None:
    """'Analysts forecast annual earnings growth of about 15%': a forecast of a company's
    figure that names no one is about the company the paragraph is telling of."""
    if not _FIGURE_WORDS.search(scan.text, start, end):
        return None
    if scan.ctx.groups_in(start, end) or _WIDER_THAN_A_COMPANY.search(scan.text, start, end):
        return None
    if scan.ctx.groups_in(scan.sentence.start, start):
        return None  # "Bernstein analysts forecast iPhone sales ...": the firm, not the company
    earlier = scan.company_before(scan.sentence.start)
    if earlier is None or earlier.entity_id in BROKERS:
        return None
    return earlier.entity_id, max(earlier.penalty, REFERENCE_PENALTY)


def _about_a_sector(scan: SentenceScan, start: int, end: int) -> bool:
    """Whether a claim that names no company names a sector or a trade."""
    return scan.holds(SECTOR_GROUP, start, end)


def _claim(scan: SentenceScan, start: int, end: int) -> str:
    phrase = " ".join(scan.ctx.original[start:end].split()).strip(" ,.;:\"'")
    phrase = regex.sub(r"^(?:that|in\s+a\s+(?:research\s+)?note(?:\s+on\s+\w+)?)\s+", "", phrase)
    words = phrase.split(" ")
    return " ".join(words[:CLAIM_WORDS]) if phrase else ""


# A speaker's verb that is itself the view ("analysts are bullish about X"): the claim after
# it ("about X's prospects") holds no tone of its own.
_STANCE_CUE = regex.compile(
    r"\b(?:are|is|remain\w*)\s+(?:(?P<positive>bullish|optimistic|positive)|"
    r"(?P<negative>bearish|pessimistic|negative))\b",
    regex.IGNORECASE,
)


def _stance(scan: SentenceScan, start: int, end: int, cue_start: int, cue_end: int) -> Stance:
    claim = scan.text[start:end]
    rating = RATING.search(scan.text, scan.sentence.start, scan.sentence.end)
    if rating is not None:
        if rating.group("rank") and not rating.group("zacks"):
            return _ZACKS_STANCE[rating.group("rank")]
        if rating.group("model"):
            # "rates highest using our momentum model": a quant model's verdict
            return _MODEL_STANCE[rating.group("model").lower()]
        words = rating.group(0)
        if words.lower().startswith("upgrad"):
            return "positive"  # an upgrade is good news whatever the new rating's name
        if words.lower().startswith("downgrad"):
            return "negative"
        if _NEUTRAL_RATING.search(words):
            return "neutral"
        if _POSITIVE_RATING.search(words):
            return "positive"
        if _NEGATIVE_RATING.search(words):
            return "negative"
    cue = _STANCE_CUE.search(scan.text, cue_start, cue_end)
    if cue is not None:
        return "positive" if cue.group("positive") else "negative"
    score = _scorer().score(claim).score
    if score > NEUTRAL_BAND:
        return "positive"
    if score < -NEUTRAL_BAND:
        return "negative"
    return "neutral"
