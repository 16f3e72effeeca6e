"""Cue words of each event type, found in one pass over the article.

A cue alone is not an event ("launch" in "since its launch in 2019"): cues only select the
sentences that the type's patterns then read. One Aho-Corasick automaton over the lower-cased
text finds every cue of every type at once, so an article costs one scan however many types
there are; sentences without a cue are never read again.

A cue written with a trailing `*` matches any word that starts with it ("acqui*" finds
"acquire", "acquired", "acquisition"); the others must end at a word boundary.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from functools import lru_cache

import ahocorasick

from tickerwire.extract.sentences import Sentence


def _cues(text: str) -> tuple[str, ...]:
    return tuple(word.strip() for word in text.split(",") if word.strip())


CUES: Mapping[str, tuple[str, ...]] = {
    # Results ("earnings") are read only where one of these groups of words stands, and each
    # of their patterns asks for its own groups (events.earnings).
    "earn_result": _cues(
        "result*, earnings, numbers, profit*, report*, sales, quarter*, print, revenue*"
    ),
    "earn_compare": _cues(
        "expectation*, estimate*, forecasts, consensus, target*, projection*, views, "
        "the street, wall street"
    ),
    "earn_beat": _cues("beat, beats, miss, missed, surprise, than-expected, than expected"),
    "earn_release": _cues(
        "reported, posted, delivered, announced, released, unveiled, published, issued, "
        "turned in, put up, reporting, posting, delivering, booked, recorded"
    ),
    "earn_tone": _cues(
        "upbeat, strong, robust, stellar, solid, weak, disappointing, mixed, better, worse, "
        "blowout, impressive, downbeat, lacklust*, record, poor, dismal, soft, bumper, "
        "healthy, sluggish, tepid, forecast-beating, estimate-beating, encouraging, rosy, "
        "bleak, dour, gloomy, brisk, sturdy, resilient, stronger, weaker"
    ),
    "earn_schedule": _cues(
        "schedul*, due, slated, set, expected, will, ahead, before, is to, are to"
    ),
    "guidance": _cues(
        "forecast*, outlook*, guidance, projected, projecting, projection*, predicted, guided, "
        "warning, expects to, expected to post, targeting, expects, anticipates, "
        # the reported outlook's "said/says/say (that) its/their" (events.earnings), all six
        "said its, says its, say its, said their, says their, say their, said that its, "
        "says that its, say that its, said that their, says that their, say that their"
    ),
    "analyst_view": _cues(
        "analyst*, strategist*, note, rating*, rated, upgrade*, downgrade*, price target*, "
        "target price*, overweight, underweight, outperform, underperform, bullish, bearish, "
        "forecasts by, estimates by, reports that, advisor, adviser, zacks rank, praised, "
        "dubbed, economist*, rates highest, rates high, rates well, rates poorly, rates lowest, "
        "scores highest, scores well, scores poorly"
    ),
    "stake_change": _cues(
        "stake*, holding, holdings, shareholding, position, shares of, million shares, bet, bets, "
        "bought, purchased"
    ),
    "product_launch": _cues(
        "launch*, unveil*, introduc*, roll out, rolled out, rolls out, rolling out, debut*, "
        "open-sourced, open sourced, released, releases, unveiling, developing, develops, "
        "developed, starts sales, start sales, began selling, begins selling, starts selling, "
        "new model, new product, starts u.s. sales, started u.s. sales, began u.s. sales, "
        "begins u.s. sales, starts us sales, starts global sales, began shipping, begins shipping, "
        "starts shipping, started shipping, started selling"
    ),
    "partnership": _cues(
        "partner*, collaborat*, teamed up, team up, teams up, working with, works with, "
        "work with, alliance, joint venture, tie-up, deal with, agreement with, pact with"
    ),
    "acquisition": _cues(
        "acqui*, takeover*, take over, buyout*, merger*, merge with, to buy, agreed to buy, "
        "agreed to purchase, bid for"
    ),
    "investment_plan": _cues(
        "invest, invests, invested, investing, investment, investments, spend, spends, "
        "spending, capital expenditure*, capex, outlay*, funding, build-out, build out, "
        "costs to develop, costs to build, pour, pours, pouring, plow, plough, funnel, "
        "expansion plan*"
    ),
    "listing": _cues(
        "ipo, ipos, initial public offering*, listing, spin-off, spinoff, spin off, go public, "
        "went public, goes public, going public, debut*, spun off, spins off, spinning off, "
        "hive off, hived off, hives off, hiving off, carve out, carved out, carves out, "
        "carving out, demerg*"
    ),
    "management": _cues(
        "ceo, chief executive, cfo, chief financial, chairman, chairwoman, president, founder, "
        "board, appoint*, resign*, step down, steps down, stepped down, stepping down, "
        "departure, layoff*, lay off, laid off, job cuts, let go, cost cuts, cost-cutting, "
        "cost cutting, headcount, pay package, succeed*, restructur*, workforce"
    ),
    "dividend": _cues("dividend*, payout*"),
    "buyback": _cues("buyback*, buy back, bought back, buys back, repurchas*"),
    "supply_chain": _cues(
        "supplier*, supply deal*, supply agreement*, supply chain*, to supply, shortage*, supplies"
    ),
    "legal": _cues(
        "lawsuit*, sued, sues, suing, court, judge, jury, verdict, settle*, class action, "
        "class-action, litigation, trial, ruling, ruled, antitrust, resolv*, resolution of"
    ),
    "regulation": _cues(
        "regulat*, crackdown, clampdown, anti-monopoly, antitrust, probe, fined, fine of, "
        "investigation, scrutiny, approval, approved, sanction*, restriction*, forced by, "
        "banned, ban on"
    ),
    "government_policy": _cues(
        "government, subsid*, stimulus, policy, policies, tariff*, president, beijing, "
        "washington, white house, tax cut*, tax credit*, export control*, initiative*, "
        "trade-in, urged, encouraged, pledge*, state council, congress, ministry"
    ),
    "macro": _cues(
        "payroll*, jobs report, jobless, unemployment, inflation, consumer price*, cpi, gdp, "
        "interest rate*, rate cut*, rate hike*, federal reserve, fed, central bank, "
        "treasury yield*, yields, pmi, retail sales, economy, economic growth, recession, "
        "job openings, rates steady, monetary policy, productivity, labor costs, jobs data, "
        "rising rates, macroeconomic, macro headwinds, macro weakness, macro uncertainty, "
        "economies, tightening, easing cycle"
    ),
    "sector": _cues(
        "sector*, tech stocks, technology stocks, chip stocks, chipmakers, "
        "semiconductor stocks, bank stocks, stocks across, industry, peers, tech rally, "
        "tech shares, megacap*, tech firms, tech names, ai-related, ai stocks, related stocks, "
        "catalyst, social media, chip makers, chip designers, automakers, carmakers, drugmakers, "
        "airlines, banks, lenders, miners, oil majors, refiners, retailers, homebuilders, insurers"
    ),
    # Not event types: the words of the shapes a cause takes (see extract.causes).
    "cause_reference": _cues(
        "surge, rally, gain, gains, jump, rise, climb, advance, move, selloff, sell-off, drop, "
        "decline, fall, slump, rebound, ascent, uptick, revival, spike, run-up, pop, catalyst, "
        "reason, driver, trigger, behind, this came, this comes, that came, that comes"
    ),
    "cause_reaction": _cues("investors, investor, market's, markets, market, traders, wall street"),
    "cause_numberless": _cues("shares, stock, adrs"),
    "market_value": _cues(
        "market value, market cap, market capitalization, market capitalisation, valuation of, "
        "valued at, worth, most valuable, trillion club, trillion-dollar club"
    ),
}


CAUSE_CUE_TYPES = ("cause_reference", "cause_reaction", "cause_numberless")


class CueIndex:
    """The cue automaton, built once; `sentences` maps each event type to its cued sentences."""

    def __init__(self, cues: Mapping[str, tuple[str, ...]] = CUES):
        self._automaton = ahocorasick.Automaton()
        entries: dict[str, tuple[bool, set[str]]] = {}
        for event_type, words in cues.items():
            for word in words:
                prefix = word.endswith("*")
                key = word.rstrip("*")
                known_prefix, types = entries.get(key, (prefix, set()))
                types.add(event_type)
                entries[key] = (known_prefix and prefix, types)
        for key, (prefix, types) in entries.items():
            self._automaton.add_word(key, (len(key), prefix, frozenset(types)))
        self._automaton.make_automaton()

    def sentence_kinds(self, lowered: str, sentences: list[Sentence]) -> dict[int, set[str]]:
        """For each sentence holding a cue, by its index: the kinds of cue it holds. `lowered`
        is the text lower-cased by `str.lower` (the cues are lower case)."""
        starts = [s.start for s in sentences]
        kinds: dict[int, set[str]] = {}
        isalnum = str.isalnum
        for end, (length, prefix, types) in self._automaton.iter(lowered):
            start = end - length + 1
            if start > 0 and isalnum(lowered[start - 1]):
                continue
            if not prefix and isalnum(lowered[end + 1 : end + 2]):
                continue
            index = bisect.bisect_right(starts, start) - 1
            if index < 0 or start >= sentences[index].end:
                continue
            # One set union per hit: the hits of a sentence add their types to one set, not a
            # (type, sentence) pair each, and the lists by type are built once at the end.
            held = kinds.get(index)
            if held is None:
                kinds[index] = set(types)
            else:
                held |= types
        return kinds


def sentences_by_kind(
    kinds: dict[int, set[str]], sentences: list[Sentence]
) -> dict[str, list[Sentence]]:
    """`CueIndex.sentence_kinds` turned around: for each kind, its sentences in text order."""
    found: dict[str, list[Sentence]] = {}
    for index in sorted(kinds):
        sentence = sentences[index]
        for kind in kinds[index]:
            found.setdefault(kind, []).append(sentence)
    return found


@lru_cache(maxsize=1)
def cue_index() -> CueIndex:
    """The cue automaton of `CUES`, built on first use and shared for the process."""
    return CueIndex()
