"""Results and outlooks: `earnings` (a release, a beat or a miss, a date set) and `guidance`.

`earnings` is a statement about results that is not itself a figure ("strong quarterly profit that
topped forecasts", "posted upbeat results", "results are scheduled on
Thursday"): figures are `financial_metric` events. `vs_expectations` is read only from words
that compare with expectations (beat, topped, missed, fell short of, in line with): "upbeat" is
a tone, not a comparison. `guidance` is a company's own forecast ("forecast annual profit below
estimates", "raised its annual profit forecast", "a downbeat 2024 forecast"); an analyst's or
an economist's forecast is not guidance.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

import regex

from tickerwire.extract.dates import WEEKDAYS, find_dates, nearest_year
from tickerwire.extract.events.analyst_views import estimator_speaks
from tickerwire.extract.events.drafts import Draft
from tickerwire.extract.events.generic import (
    HEDGED_PENALTY,
    STRONG,
    WEAK,
    GenericRule,
    compile_rule,
    generic_drafts,
)
from tickerwire.extract.events.scan import Actor, SentenceScan
from tickerwire.records import EarningsAttributes

Comparison = Literal["beat", "miss", "inline"]

_TONE = (
    r"(?:upbeat|strong|robust|stellar|solid|weak|disappointing|mixed|better[\s-]than[\s-]expected|"
    r"worse[\s-]than[\s-]expected|blowout|impressive|downbeat|lackluster|lacklustre|record|"
    r"poor|dismal|soft|bumper|stronger|weaker|healthy|sluggish|tepid|forecast-beating|"
    r"estimate-beating|encouraging|upbeat|rosy|bleak|dour|gloomy|brisk|sturdy|resilient)"
)
_RESULT_NOUN = r"(?:results|earnings|numbers|profits?|(?:quarterly\s+)?reports?)"
_PERIOD_WORD = (
    r"(?:quarterly|annual|full-year|fiscal|holiday(?:-season|-quarter)?|(?:first|second|third|"
    r"fourth)-quarter|Q[1-4]|(?:December|March|June|September)-quarter|year-end|"
    r"interim|half-year|\d{4})"
)
_EXPECTATIONS = (
    r"(?:expectations|estimates|forecasts|consensus(?:\s+estimates?)?|targets|projections|"
    r"views|the\s+Street|Wall\s+Street)"
)
_BEAT = (
    r"(?:beat|beats|beating|topped|tops|topping|exceeded|exceeds|exceeding|surpassed|surpasses|"
    r"outpaced|outpacing|outperformed|came\s+in\s+(?:above|ahead\s+of)|ahead\s+of|above)"
)
_MISS = (
    r"(?:missed|misses|missing|miss|fell\s+short\s+of|falls\s+short\s+of|came\s+in\s+"
    r"(?:shy|short|below)\s+of|came\s+in\s+below|shy\s+of|short\s+of|below|under|"
    r"failed\s+to\s+(?:meet|match|impress))"
)
_INLINE = r"(?:in\s+line\s+with|met|meets|matched|matches)"

_RELEASE = compile_rule(
    rf"""(?P<cue>\b(?:reported|posted|delivered|announced|released|unveiled|published|issued|
    turned\s+in|put\s+up|reporting|posting|delivering)\s+
    (?:(?:its|their|the|a|an|{_TONE}|{_PERIOD_WORD}|latest|first|second|third|fourth|
    and|-)\s+){{0,4}}{_RESULT_NOUN})\b"""
)
# "has just reported sales of 12.4 billion euros for the three months to June": a release
# told by its figures (the figures themselves are financial_metric events).
_FIGURES = compile_rule(
    r"""(?P<cue>\b(?:(?:just|has|have|had)\s+)?(?:reported|posted|delivered|announced|booked|
    recorded)\s+(?:(?:its|their|a|an|the|record|quarterly|annual)\s+)?(?:[\w-]+\s+){0,3}?
    (?:revenues?|sales|net\s+income|(?:net\s+)?profits?|earnings|EPS|(?:net\s+)?loss(?:es)?))\b"""
)
_QUARTER_WORD = compile_rule(r"\b(?:quarter|quarterly|fiscal|annual|full-year|months\s+ended)\b")
_COMPARISON = compile_rule(
    rf"""(?P<cue>\b(?:(?P<beat>{_BEAT})|(?P<miss>{_MISS})|(?P<inline>{_INLINE}))\s+
    (?:the\s+|its\s+|their\s+)?(?:[\w'-]+\s+){{0,3}}?{_EXPECTATIONS})\b"""
)
_NOUN_COMPARISON = compile_rule(
    rf"""(?P<cue>\b(?:(?:revenue|profit|earnings|sales|top-line|bottom-line|EPS)\s+
    (?:and\s+(?:revenue|profit|earnings|sales)\s+)?(?P<beat>beat|surprise)|
    (?:revenue|profit|earnings|sales)\s+(?P<miss>miss)|(?P<beat2>better[\s-]than[\s-]expected)\s+
    (?:[\w-]+\s+){{0,3}}?{_RESULT_NOUN}|(?P<miss2>worse[\s-]than[\s-]expected)\s+
    (?:[\w-]+\s+){{0,3}}?{_RESULT_NOUN}))\b"""
)
_TONED_RESULTS = compile_rule(
    rf"""(?P<cue>\b{_TONE}\s+(?:[\w-]+\s+){{0,3}}?(?:results|earnings|profits|numbers|
    (?:quarterly\s+)?reports|sales|quarter))\b"""
)
_SCHEDULED = compile_rule(
    rf"""(?P<cue>\b(?:{_RESULT_NOUN}|financial\s+results)\s+(?:(?:are|is|were|was)\s+)?
    (?:scheduled|due|set|slated|expected)\s+(?:for|on|to\s+be\s+(?:released|published|out))|
    (?:will|set\s+to|scheduled\s+to|due\s+to|expected\s+to|slated\s+to|is\s+to|are\s+to)\s+
    (?:report|release|deliver|announce|post|publish)\s+(?:its|their)?\s*(?:[\w-]+\s+){{0,2}}?
    (?:results|earnings|numbers)|(?:ahead\s+of|before)\s+(?:its|their)\s+(?:[\w-]+\s+){{0,2}}?
    (?:earnings|results)\s+(?:report\s+|release\s+)?(?:on|this|next|later))"""
)
# Words that make a comparison something else: a forecast's comparison is guidance; a
# comparison told of an analyst's figure is no result.
_FORECAST_SUBJECT = compile_rule(
    # also right after a Reuters code that lost its space ("GOOS.TOforecast its revenue above")
    r"(?:\b|(?<=\.(?:to|oq|o|n|k)))(?:forecast(?:s|ed|ing)?|outlook|guidance|projections?|predictions?|targets?|"
    r"estimates?\s+for|predict(?:s|ed|ing)?|project(?:s|ed|ing)|guid(?:es|ed|ing)|expects?|"
    r"sees|saw|targeting|if|unless|assuming|should)\b"
)
_RESULT_SUBJECT = compile_rule(
    r"\b(?:results?|earnings|revenues?|sales|profits?|income|eps|margins?|growth|numbers|"
    r"quarter|report|figures|bookings|print|q[1-4])\b"
)
# "the odds of an earnings beat": a possibility, not a result
_POSSIBLE = compile_rule(
    r"\b(?:odds|chances?|likelihood|probability|potential|possible|possibility|hopes?|bets?|"
    r"risk)\s+(?:of|for)\s+(?:an?\s+)?$"
)
# Words that make a beat or a miss a prediction: "is predicting another earnings beat", "has
# what it takes to post an earnings beat", "analysts expect it to top".
_PREDICTED = compile_rule(
    # not "better-than-expected", "as expected": how a result compared, told of a result
    r"""(?<!-)(?<!than\s)(?<!as\s)\b(?:predict(?:s|ed|ing)?|expect(?:s|ed|ing)?|
    anticipat(?:es|ed|ing)|likely|poised|
    combination|(?:to|could|would|will|may|might|should)\s+(?:post|deliver|report|see|log|
    notch|score|beat|top|miss|exceed|surpass))\b"""
)
_PREDICTION_REACH = 80  # characters before the cue: the clause of "analysts expect X to beat"
_FIGURE_NEXT = compile_rule(r"\s*(?:of|at|was|were|rose|fell|grew|came\s+in\s+at)\s+[$\d]")
# A record of past beats is no release: "a stellar track record of exceeding earnings
# estimates", "a great earnings surprise track record", "its earnings surprise history", "a 4%
# average earnings surprise".
_RECORD_BEFORE = compile_rule(
    r"\b(?:track\s+record|history|habit|streak|reputation)\s+(?:of|for)\s+(?:[\w-]+\s+){0,2}$|"
    r"\btrack\s+$|\baverage\s+$"
)
_RECORD_AFTER = compile_rule(
    r"\s+(?:(?:surprise|beat)s?\s+)?(?:track\s+record|history|chart|streak|record)\b"
)
# "beat estimates in three of the past four quarters", "in each of the trailing four
# quarters", "in three consecutive quarters": a count of quarters is a record, not one release
_QUARTERS_COUNTED = compile_rule(
    r"""\b(?:in|for|over)\s+(?:each\s+of\s+|[\w-]+\s+of\s+|all\s+)?(?:the\s+|its\s+)?
    (?:(?:past|last|trailing|previous|prior|consecutive|straight|successive|[\w-]+)\s+){1,3}
    quarters\b"""
)
_FORECAST_FIGURE_NEXT = compile_rule(r"\s+(?:growth\b|(?:of|at)\s+(?:about\s+)?[$\d-])")
# A subject of many companies: what it reports is the group's ("in aggregate", "these six
# companies"), not any one member's. Not "the group": British news calls one company so.
_GROUP_SUBJECT = compile_rule(
    r"""\b(?:in\s+aggregate|collectively|taken\s+together|as\s+a\s+group|
    (?:these|those|the|all|over|more\s+than|some|about|nearly)\s+(?:[\d,]+|two|three|four|five|six|
    seven|eight|nine|ten|dozen|several|many|other)\s+(?:[\w-]+\s+){0,2}?(?:companies|firms|
    members|names|stocks|constituents|corporations))\b"""
)
_NO_RESULT = compile_rule(
    r"\b(?:times|price-to-earnings|P/E|forward|expected|per\s+share|growth\s+prospects|"
    r"call|calls|season|multiple|yield)\s*$"
)


# Each pattern with the cue groups (events.cues, "earn_*") a sentence must hold for it to be
# tried: most sentences with a results word hold no comparison, no release verb and no tone.
_PATTERNS: tuple[tuple[regex.Pattern[str], str, frozenset[str]], ...] = (
    (_SCHEDULED, "scheduled", frozenset({"earn_result", "earn_schedule"})),
    (_COMPARISON, "comparison", frozenset({"earn_compare"})),
    (_NOUN_COMPARISON, "noun", frozenset({"earn_beat"})),
    (_RELEASE, "release", frozenset({"earn_result", "earn_release"})),
    (_FIGURES, "figures", frozenset({"earn_release"})),
    (_TONED_RESULTS, "tone", frozenset({"earn_result", "earn_tone"})),
)


def earnings_drafts(scan: SentenceScan) -> list[Draft]:
    """Results releases, beats and misses, and results dates of one sentence."""
    drafts: list[Draft] = []
    taken: list[tuple[int, int]] = []
    for pattern, kind, needs in _PATTERNS:
        if not needs <= scan.cues or not scan.may_match(pattern):
            continue
        for match in scan.finditer(pattern):
            start, end = match.span("cue")
            if any(s < end and start < e for s, e in taken):
                continue
            draft = _earnings_draft(scan, match, kind)
            if draft is not None:
                drafts.append(draft)
                taken.append((start, end))
    return _one_per_entity(drafts)


def _one_per_entity(drafts: list[Draft]) -> list[Draft]:
    """A sentence tells one result of one company: "reported sales of $9.9 billion, above
    estimates" is one release that beat. Comparisons that disagree ("profit above, sales in
    line") leave the comparison unset."""
    merged: dict[str | None, Draft] = {}
    for draft in drafts:
        kept = merged.get(draft.entity)
        if kept is None:
            merged[draft.entity] = draft
            continue
        first, second = (kept, draft) if kept.start <= draft.start else (draft, kept)
        attributes = dict(first.attributes)
        comparisons = {d.attributes["vs_expectations"] for d in (first, second)} - {None}
        attributes["vs_expectations"] = comparisons.pop() if len(comparisons) == 1 else None
        for name in ("period", "scheduled"):
            attributes[name] = attributes[name] or second.attributes[name]
        merged[draft.entity] = Draft(
            first.type,
            first.entity,
            first.sentence,
            first.start,
            max(first.end, second.end),
            attributes,
            max(first.confidence, second.confidence),
            first.fact_level,
            (attributes["period"], attributes["vs_expectations"], attributes["scheduled"]),
            first.date,
            first.date_text,
            first.extra,
        )
    return sorted(merged.values(), key=lambda d: d.start)


def _comparison(match: regex.Match[str]) -> Comparison | None:
    groups = match.groupdict()
    if groups.get("beat") or groups.get("beat2"):
        return "beat"
    if groups.get("miss") or groups.get("miss2"):
        return "miss"
    if groups.get("inline"):
        return "inline"
    return None


def _earnings_draft(scan: SentenceScan, match: regex.Match[str], kind: str) -> Draft | None:
    start, end = match.span("cue")
    text = scan.lowered_text  # every pattern of this module is read in lower case
    clause = scan.clause_start(start)
    if (scan.negated(start) and kind != "comparison") or scan.conditional(start):
        return None
    vs: Comparison | None = None
    confidence = STRONG
    if kind == "comparison":
        vs = _comparison(match)
        if _FORECAST_SUBJECT.search(text, clause, start):
            return None  # "its forecast for revenue missed estimates": guidance
        if scan.negated(start):
            vs = {"beat": "miss", "miss": "beat"}.get(vs or "", vs)  # type: ignore[assignment]
        if start > scan.sentence.start and scan.text[start - 1] == "/":
            vs = None  # "above/below estimates" (the cue is "below"): both told, neither known
        if not _RESULT_SUBJECT.search(text, clause, start) and scan.actor(start) is None:
            return None  # "shares beat expectations" is no result
    elif kind == "noun":
        vs = _comparison(match)
        if _POSSIBLE.search(text, max(scan.sentence.start, start - 30), start):
            return None
    elif kind == "release":
        if _FIGURE_NEXT.match(text, end):
            return None  # "reported profit of $2 billion": a figure, a financial_metric
        if match.group(0).lower().startswith(("after", "following", "on")):
            confidence = WEAK  # "after the results": a reference, told in passing
    elif kind == "figures":
        figure = scan.money_in(end, min(scan.sentence.end, end + 40), per_share=None)
        if figure is None or not _QUARTER_WORD.search(text, scan.sentence.start, scan.sentence.end):
            return None  # a results release names its figures and its period
    elif kind == "tone":
        if _NO_RESULT.search(text, max(scan.sentence.start, start - 30), start):
            return None
        if _FORECAST_SUBJECT.search(text, clause, start):
            return None  # "projecting weaker sales": an outlook, not a result
        confidence = WEAK
    if kind != "scheduled" and _NO_RESULT.search(text, max(scan.sentence.start, start - 30), start):
        return None
    if (
        _RECORD_BEFORE.search(text, max(scan.sentence.start, start - 40), start)
        or _RECORD_AFTER.match(text, end)
        or _QUARTERS_COUNTED.search(text, end, min(scan.clause_end(end), end + 90))
    ):
        return None  # "a track record of beating estimates": a habit, not a release
    if kind == "scheduled" and _FORECAST_FIGURE_NEXT.match(text, end):
        return None  # "will post earnings of $2.10 a share": the consensus figure (a metric)
    if _GROUP_SUBJECT.search(text, clause, start):
        return None  # "these six companies are expected to report ...": no one company's
    # "results from Big Tech": the results are of someone the text names; when that is no
    # company we know, the article's main company is not its stand-in.
    named_owner = _NAMED_OWNER_AFTER.match(scan.text, end) is not None
    actor = scan.actor(start, fallback=not named_owner) or _owner_after(scan, end)
    if actor is None and kind != "scheduled":
        return None  # results of no company we know ("index members beating estimates")
    if actor is not None and scan.paired_elsewhere(start, actor):
        return None
    scheduled, date_text = _scheduled(scan, start) if kind == "scheduled" else (None, None)
    hedged = kind == "scheduled" or scan.hedged(start)
    if actor is not None:
        confidence -= actor.penalty
    if hedged and kind != "scheduled":
        confidence -= HEDGED_PENALTY
    summary_start = actor.start if actor is not None and clause <= actor.start < start else clause
    period = _period(scan, start)
    window = max(scan.sentence.start, start - _PREDICTION_REACH)
    if kind in ("comparison", "noun") and (hedged or _PREDICTED.search(text, window, end)):
        # "has what it takes to post an earnings beat", "expected to top estimates": a
        # prediction is no result, so it tells no comparison; with no period either it tells
        # nothing (a sentence naming several companies' chances is none of theirs).
        vs = None
        if period is None:
            return None
        hedged = True  # the results awaited: a forecast
    attributes = EarningsAttributes(
        period=period,
        vs_expectations=vs,
        scheduled=scheduled,
        summary=scan.summary(summary_start, end),
    ).model_dump(mode="json")
    return Draft(
        "earnings",
        actor.entity_id if actor is not None else None,
        scan.sentence,
        start,
        end,
        attributes,
        confidence,
        "forecast" if hedged and kind != "scheduled" else "fact",
        key=(period, vs, scheduled),
        date=scheduled,
        date_text=date_text,
        extra={"kind": kind},
    )


_PERIOD_WORDS = ("quarter", "month", "fiscal", "fy", "q1", "q2", "q3", "q4", "year", "half")


_NAMED_OWNER_AFTER = regex.compile(r"\s+(?:from|of|at|by)\s+(?:the\s+)?[A-Z]")
_OWNER_AFTER = compile_rule(r"\s+(?:from|of|at|by)\s+(?:[\w-]+\s+){0,2}$")


def _owner_after(scan: SentenceScan, end: int) -> Actor | None:
    """'robust quarterly results from Meta and Amazon': the company the results are of."""
    group = scan.group_after(end, min(scan.sentence.end, end + 40))
    if group is None or not _OWNER_AFTER.match(scan.lowered_text, end, group.start):
        return None
    return Actor(group.entity_id, group.start, group.end, group.entity_type)


def _period(scan: SentenceScan, position: int) -> str | None:
    if not any(map(scan.lowered.__contains__, _PERIOD_WORDS)):
        return None  # every reporting period names one of these (dates.find_periods)
    periods = scan.ctx.periods_in(scan.sentence)
    if not periods:
        return None
    nearest = min(periods, key=lambda p: abs(p.start - position))
    return " ".join(nearest.text.split())


def _scheduled(scan: SentenceScan, position: int) -> tuple[dt.date | None, str | None]:
    """The day results are due: a date named after the cue, resolved forward from publication."""
    published = scan.ctx.published
    # the sentence's own dates (the article's are not needed: a results date is told here)
    for mention in find_dates(scan.text[position : scan.sentence.end], published):
        text = scan.ctx.original[position + mention.start : position + mention.end]
        if mention.kind == "day" and mention.date is not None:
            day = mention.date
            if published is not None and not regex.search(r"\d{4}", mention.text):
                # "on Jan 30" without its year: the next such day, not a year named nearby
                day = nearest_year(day.month, day.day, published) or day
            return day, text
        if mention.kind == "weekday" and published is not None:
            name = next(w for w in WEEKDAYS if w in mention.text.lower())
            ahead = (WEEKDAYS.index(name) - published.weekday()) % 7
            if "next week" in mention.text.lower():
                ahead = 7 - published.weekday() + WEEKDAYS.index(name)
            return published + dt.timedelta(days=ahead), text
        return None, text
    return None, None


_COMPANY_FORECAST_VERB = (
    r"(?:forecast(?:s|ed|ing)?|project(?:ed|s|ing)|predict(?:ed|s|ing)|guided|sees|saw|"
    r"expects?|expected|expecting|targeting|targets|anticipates?|anticipated|estimated?)"
)
_GUIDED_FIGURE = (
    r"(?:(?:higher|lower|rising|increased|weaker|stronger|flat|fiscal|quarterly|annual|current-quarter|full-year|(?:first|second|third|fourth)"
    r"(?:-|\s)quarter|next-quarter|20\d\d|Q[1-4]|current|next|overall|same-store|adjusted|"
    r"GAAP|non-GAAP|annuali[sz]ed|organic|\d+(?:\.\d+)?%)\s+)*"
    r"(?:revenues?|sales|net\s+sales|profits?|earnings|EPS|margins?|growth|costs|spending|"
    r"shipments|deliveries|income|bookings|results|(?:a|an)\s+(?:drop|rise|decline|increase|"
    r"fall|jump|slowdown)\s+in)"
)
# What a company's outlook is about when told as reported speech ("said its 2024 capital
# expenditures would reach $37 billion"): figures of its own business, not "results" (a release
# told ahead) nor its shares.
_OUTLOOK_FIGURE = (
    r"(?:revenues?|sales|net\s+sales|profits?|earnings|EPS|(?:gross\s+|operating\s+)?margins?|"
    r"capital\s+(?:expenditures?|spending)|capex|spending|costs|expenses|shipments|deliveries|"
    r"(?:operating\s+|net\s+)?income|bookings|(?:free\s+)?cash\s+flow|production|output|growth)"
)
GUIDANCE = (
    GenericRule(
        "guidance",
        compile_rule(
            # not "is expected to post earnings of $0.89": the consensus, not the company's
            rf"""(?<!\b(?:is|are|was|were|be|being)\s)
            (?P<cue>\b{_COMPANY_FORECAST_VERB}\s+(?:to\s+(?:post|report|see|deliver)\s+)?
            (?:(?:a|an|the|its|their)\s+)?{_GUIDED_FIGURE})"""
        ),
        fact_level="forecast",
        fallback=True,
    ),
    GenericRule(
        "guidance",
        compile_rule(
            r"""(?P<cue>\b(?:rais(?:ed|es|ing)|lift(?:ed|s|ing)|boost(?:ed|s|ing)|lower(?:ed|s|ing)|
            cut(?:s|ting)?|trimm?(?:ed|s|ing)|reaffirm(?:ed|s|ing)|reiterat(?:ed|es|ing)|
            maintain(?:ed|s|ing)|withdr(?:ew|aws|awn)|suspend(?:ed|s|ing)|delay(?:ed|s|ing)|
            defer(?:red|s|ring)|issu(?:ed|es|ing)|gave|provid(?:ed|es)|slash(?:ed|es)|
            narrow(?:ed|s)|widen(?:ed|s)|updat(?:ed|es)|hik(?:ed|es)|offer(?:ed|s))\s+
            (?:(?:most|some|all|part|much)\s+of\s+)?(?:its\s+|their\s+|the\s+)?
            (?:[\w-]+\s+){0,4}?(?:forecasts?|outlook|guidance|targets?|projections?))\b"""
        ),
        fact_level="forecast",
        fallback=True,
    ),
    GenericRule(
        "guidance",
        compile_rule(
            rf"""(?P<cue>\b(?:{_TONE}|weak|cautious|conservative|lowered|raised|
            disappointing|(?:lower|higher)[\s-]than[\s-]expected)\s+(?:[\w-]+\s+){{0,3}}?(?:forecasts?|outlook|guidance|projections?)|
            (?:growth|profit|sales|revenue)\s+warning|(?:its|their)\s+(?:[\w-]+\s+){{0,3}}?
            (?:forecasts?|outlook|guidance)\s+(?:for\s+(?:[\w-]+\s+){{1,3}})?(?:missed|topped|
            beat|fell\s+short|came\s+in|spooked|disappointed|was|were|failed|exceeded|calls?\s+for)|
            (?:its|their)\s+(?:[\w-]+\s+){{0,2}}?(?:forecasts?|outlook|guidance)\s+(?:of|for)\s+
            (?:[\w-]+\s+){{0,3}}?(?:revenue|sales|profit|earnings|growth))\b"""
        ),
        fact_level="forecast",
        fallback=True,
        confidence=WEAK,
    ),
    # a forecast told as reported speech: "said its capital spending would reach ..."
    GenericRule(
        "guidance",
        compile_rule(
            rf"""(?P<cue>\b(?:said|says|say)\s+(?:that\s+)?(?:its|their)\s+(?:[\w-]+\s+){{0,3}}?
            {_OUTLOOK_FIGURE}\s+(?:(?:for|in|this|next|over)\s+(?:[\w-]+\s+){{1,3}}?)?
            (?:would|will|should|(?:is|are)\s+(?:expected|set|likely)\s+to)\s+(?!have\b|be\s+
            (?:released|published|announced|reported|due)\b)(?:reach|be|rise|fall|grow|increase|
            decline|drop|total|come\s+in|range|exceed|top|climb|jump|double|remain|stay|slow|
            accelerate|improve|shrink|contract|expand|land|hit))\b"""
        ),
        fact_level="forecast",
        anchors=(("would", "will", "should", "expected to", "set to", "likely to"),),
    ),
)


def guidance_drafts(scan: SentenceScan) -> list[Draft]:
    """Company forecasts of one sentence (not analysts', economists' or anyone else's)."""
    drafts = generic_drafts(scan, GUIDANCE)
    return [
        d
        for d in drafts
        if not _forecaster_is_outsider(scan, d.start) and not estimator_speaks(scan, d.entity)
    ]


_OUTSIDER = compile_rule(
    r"\b(?:analysts?|economists?|strategists?|brokers?|investors?|the\s+Street|Wall\s+Street|"
    r"consensus|observers|experts|we|I)\b[^;]{0,40}$"
)


def _forecaster_is_outsider(scan: SentenceScan, position: int) -> bool:
    """'Analysts expect revenue to rise', 'Economists forecast growth': not the company's."""
    clause = scan.clause_start(position)
    return bool(_OUTSIDER.search(scan.source(_OUTSIDER), clause, position))
