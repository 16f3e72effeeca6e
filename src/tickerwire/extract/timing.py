"""When a move happened: its period (session, year-to-date, since a date, ...) and its day.

The words that time a move sit right around its number ("jumped 15% in Hong Kong on Friday",
"has climbed 31 percent since touching a low on Oct. 2", "a year-to-date gain of 12%").
A day is given only to moves of one session (session, intraday, premarket, after_hours); when the
text names no day and the publication date is known, a session move is dated to the listing's last
trading day on or before publication, with lower confidence. Pre-market and after-hours moves
told without a day are dated from the publication's time of day when the input states it (see
`market_hours`); an after-hours move is never dated from the publication date alone. Without a
publication date, relative day words resolve to nothing: the date stays null.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import regex

from tickerwire.extract.article_frame import (
    paragraph_day,
    publication_day,
    reads_clock,
    under_way_frame,
)
from tickerwire.extract.changes import Change
from tickerwire.extract.dates import DateMention
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.lexicon import (
    MOVE_CONTEXT,
    PERIOD_PATTERNS,
    RANKED_MEMBERS,
    SAME_PERIOD,
    TOLD_CLOSED,
)
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.release_words import move_period_match, planned
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.trading_days import is_session, last_session_on_or_before

# A one-session move this large is rare; told without day or period words it is more likely a
# longer move whose period the writer left out, so it is neither dated to the publication's
# session nor called a session's (its period is "other").
MAX_INFERRED_SESSION_PCT = 50.0
DATED_PERIODS = frozenset({"session", "intraday", "premarket", "after_hours"})

# "lost 30% of its value since January": the since-words follow the value words.
_OF_VALUE = r"(?:of\s+(?:its|their)\s+(?:market\s+)?value\s+)?"
_SINCE = regex.compile(r"\W*" + _OF_VALUE + r"(?:\w+\W+){0,1}?since\b[^,;]*", regex.IGNORECASE)
_SINCE_AFTER = regex.compile(r"^\W*" + _OF_VALUE + r"(?:\w+\W+){0,1}?since\b", regex.IGNORECASE)
_IN_YEAR = regex.compile(r"\b(?:in|during)\s+((?:19|20)\d{2})\b(?!\s*[-/]\d)", regex.IGNORECASE)
_COMPARED = regex.compile(
    r"\b(?:compared\s+(?:with|to)|versus|vs\.?|than|outpacing|lagging|exceeding|beating|"
    r"underperforming|outperforming)\b",
    regex.IGNORECASE,
)
_FROM_LOW = regex.compile(
    r"\W*(?:\w+\W+){0,1}?from\s+(?:its|a|the|their)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:low|lows|bottom|trough|high|highs|peak|level|levels)\b",
    regex.IGNORECASE,
)
_BARE_YEAR = regex.compile(r"[^.;]{0,6}?\b((?:19|20)\d{2})\b(?![-/]\d)(?!\s+(?:low|high))")
# a copula right before: "are rising 3%", "was +1.25%"
_COPULA_BEFORE = regex.compile(r"\b(?:is|are|was|were)\s+$", regex.IGNORECASE)
_PERFECT = regex.compile(r"\b(?:has|have|had)\s+(?:\w+\s+)?(?:been\s+)?\w+\s*$", regex.IGNORECASE)
# A participle that goes on from a finite move verb of its clause: "gained some lost ground,
# rising 0.9%", "fell sharply, losing 5%": the figure is that verb's, told in the past tense.
_FINITE_MOVE_BEFORE = regex.compile(
    r"(?<!\b(?:has|have|had)\s)\b(?:rose|gained|climbed|jumped|rallied|advanced|surged|soared|"
    r"recovered|rebounded|regained|"
    r"fell|dropped|declined|slid|sank|slumped|tumbled|lost|added|shed)\b[^,.;:%\d]{0,40},\s*$",
    regex.IGNORECASE,
)
_VALUE_ON_DAY = prefiltered(
    regex.compile(
        r"(?<=[,;]\s*|\band\s+)(?:adding|added|erasing|erased|wiping|wiped|shedding|lopping)\b"
        r"[^.;%]{0,50}?\b(?:stock\s+)?market\s+(?:value|capitali[sz]ation|cap)\s+"
        r"(?P<day>on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday)|yesterday)\b",
        regex.IGNORECASE,
    )
)
_RIGHT_CUT = regex.compile(
    r"[;]|(?<!respectively),(?!\s*(?:year[\s-]to[\s-]date|so\s+far|on\s+the\s+(?:day|week)|"
    r"respectively\b))"
    # a subordinate clause gives the cause, not the period: "up 14% on news that ... this year"
    r"|\b(?:after(?!\s+the\s+(?:close|bell|closing\s+bell)|[\s-]hours?|[\s-]market)|as|"
    r"following|amid|because|on\s+news|on\s+reports?|that|which|when|despite|thanks\s+to|"
    r"due\s+to|while)\b"
)
_SENTENCE_DAY = regex.compile(
    r"^(?:On|Late\s+on|Early\s+on|Yesterday|Today|Earlier\s+today|On\s+\w+day)\b", regex.IGNORECASE
)
_AS_MUCH_AS = frozenset({"as much as", "up to"})
# "... sank 6% and was the biggest percentage decliner on the Dow": an index ranks its
# members by the regular session only, so a move told with such a rank is a session's, even in
# a pre-market report (which recalls the session before).
_INDEX_RANK = prefiltered(
    regex.compile(
        r"\b(?:top|biggest|best|worst|largest|leading)\s+(?:percentage\s+|point\s+)?"
        r"(?:" + RANKED_MEMBERS + r")\s+(?:on|in|among)\s+"
        r"(?:the\s+)?(?:S&P|Dow|Nasdaq|Russell|Stoxx|Euro\s+Stoxx|FTSE|DAX|CAC|Nikkei|"
        r"Hang\s+Seng|Topix|benchmark)",
        regex.IGNORECASE,
    )
)
_SPAN_WORDS = prefiltered(
    regex.compile(r"\b(?:this|last|past|earlier\s+this)\s+(?:week|month)\b", regex.IGNORECASE)
)
# A move told as the change over a span that closed: "finished the month down", "ended the
# week 3% higher", "closed out the quarter up".
_ENDED_PERIOD = prefiltered(
    regex.compile(
        r"\b(?:end(?:ed|s|ing)?|finish(?:ed|es|ing)?|clos(?:ed|es|ing)(?:\s+out)?|"
        r"wrapp(?:ed|ing)(?:\s+up)?)\s+the\s+(?P<span>week|month|quarter|year)\b",
        regex.IGNORECASE,
    )
)
_ENDED_SPANS = frozenset({"week", "month"})  # periods of the contract; a closed year is "other"
# "recovered 2.9% after Wednesday's 38% slump": an earlier move of the same subject told as a
# noun with its own day; the day is that move's, not the one the sentence's verb tells.
PRIOR_DAY_MOVE = regex.compile(
    r"\b(?:after|following|from|extending|reversing|erasing|paring)\s+(?:(?:its|their|the)\s+)?"
    r"(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri)day|yesterday)['’]s\s+"
    r"(?:(?:near|nearly|about|roughly|more\s+than|almost)\s+)?$",
    regex.IGNORECASE,
)
_PRIOR_DAY_IN_SENTENCE = regex.compile(
    PRIOR_DAY_MOVE.pattern.removesuffix("$")
    + r"[+\-−]?\d[\d,.]*\s?(?:%|percent|per\s+cent)\s+(?:[\w-]+\s+)?"
    r"(?:slump|slide|drop|fall|plunge|decline|loss|rally|jump|gain|surge|rise|tumble|selloff|"
    r"sell-off|rout|advance|climb)\b",
    regex.IGNORECASE,
)
# "Since its inception in 2004, ...", "Since the March low, ...": a since-phrase opening the
# sentence, closed by a comma before the move.
_SINCE_OPENING = regex.compile(r"\s*Since\s+(?P<phrase>[^,;:.]{3,60}),", regex.IGNORECASE)
_SINCE_YEAR_START = regex.compile(
    r"\bsince\s+the\s+(?:start|beginning)\s+of\s+(?P<year>(?:19|20)\d\d)\b", regex.IGNORECASE
)
_SINCE_BEFORE = regex.compile(r"\b(?:since|from|until|before)\s+$", regex.IGNORECASE)
# "on Thursday", "on May 23", "yesterday": words that put a move on one named day.
_ON_BEFORE = regex.compile(r"\b(?:on|late\s+on|early\s+on)\s+$", regex.IGNORECASE)
# Words after a move that put it on the session before the one being told ("its 6% slide the
# day before", "after losing 6% a day earlier").
_EARLIER_DAY = regex.compile(
    r"\b(?:the\s+(?:day|session)\s+before|the\s+(?:previous|prior|preceding)\s+"
    r"(?:day|session|trading\s+day)|a\s+day\s+(?:earlier|before))\b",
    regex.IGNORECASE,
)
# A period word that opens another number's change noun ("the weekly gain to 1.2%", "a monthly
# drop of 3%"): it times that number, not a later move of the sentence.
_OWN_NUMBER_AFTER = regex.compile(
    r"\s+(?:gains?|loss(?:es)?|rises?|falls?|drops?|declines?|advances?|increases?|"
    r"decreases?|jumps?|slides?|rall(?:y|ies)|climbs?|surges?|rebounds?|slumps?)\s+"
    r"(?:of|to|at)\s+(?:about\s+|around\s+|nearly\s+|almost\s+|more\s+than\s+)?[-+]?\d",
    regex.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Timing:
    period: str
    since: dt.date | None = None
    date: dt.date | None = None
    date_text: str | None = None
    date_inferred: bool = False
    period_defaulted: bool = False
    context: str | None = None


def windows(
    ctx: DocumentContext, change: Change, subject_end: int, next_start: int
) -> tuple[int, int, int]:
    """(left_start, right_end, context_end) of the words that time `change`."""
    q = change.quantity
    text = ctx.text
    right_limit = min(next_start, change.sentence.end)
    cut = _RIGHT_CUT.search(text, q.end, right_limit)
    right_end = cut.start() if cut is not None else right_limit
    if change.kind == "noun_after":
        right_end = max(right_end, change.trigger_end)
    left_start = change.trigger_start if change.trigger_start < q.start else q.start
    if change.kind == "noun_before":
        comma = text.rfind(",", change.sentence.start, change.trigger_start)
        left_start = max(comma + 1, change.trigger_start - 40, change.sentence.start)
    elif (
        subject_end > 0
        and subject_end <= left_start
        and not _number_between(ctx, subject_end, left_start)
    ):
        # The words between a shared subject and the verb time this move, unless an earlier
        # move of the subject stands there ("rose 4% this year and has climbed 18% over twelve
        # months": the year-to-date words belong to the first move).
        left_start = subject_end
    return left_start, right_end, right_limit


def _number_between(ctx: DocumentContext, start: int, end: int) -> bool:
    return any(q.kind == "percent" for q in ctx.quantities_in(start, end))


def move_timing(
    ctx: DocumentContext,
    change: Change,
    subject_end: int,
    next_start: int,
    mic: str | None,
    previous: Timing | None,
    only_change_in_sentence: bool,
    told_as_reaction: bool = False,
) -> Timing:
    """The period, since-date, day and context of one move. `told_as_reaction`: the move is
    given bare as the market's answer to the news ("...: -2.3% on the news"), a current fact
    whatever the form of its words."""
    text = ctx.text
    q = change.quantity
    left_start, right_end, context_end = windows(ctx, change, subject_end, next_start)
    window_text = text[left_start:right_end]
    context_match = MOVE_CONTEXT.search(text, q.end, context_end)
    context = context_match.group(0).strip() if context_match else None

    prior = prior_day_phrase(ctx, change)
    if prior is not None:
        # an earlier move told with its own day ("after Wednesday's 38% slump"): that day's
        # session, whatever the sentence's own move words say. The session is read from the
        # day, not from period words (so it does not tell the article's trading period).
        prior_days = [d for d in ctx.dates_in(*prior) if d.kind in ("weekday", "relative")]
        day = _session_day(ctx, prior_days[0], mic) if prior_days else None
        return Timing(
            "session",
            None,
            day,
            ctx.original[prior_days[0].start : prior_days[0].end] if day is not None else None,
            context=context,
            period_defaulted=True,
        )
    compared = previous is not None and _COMPARED.search(
        text, max(change.sentence.start, left_start - 40), q.start
    )
    if previous is not None and (SAME_PERIOD.search(text, q.end, right_end) or compared):
        # "in the same period", "compared with the S&P 500's 2% increase": the earlier period
        return Timing(
            previous.period,
            previous.since,
            previous.date,
            previous.date_text,
            previous.date_inferred,
            context=context,
        )

    period, defaulted = _period(ctx, window_text, change, left_start)
    since_year = _since_year_start(ctx, window_text) if period == "year_to_date" else None
    if since_year is not None:
        # "since the beginning of 2016" in a 2024 article: eight years, not year-to-date
        return Timing("since", since_year, context=context)
    opening = (
        _SINCE_OPENING.match(text, change.sentence.start, change.trigger_start)
        if defaulted
        and text[change.sentence.start : change.sentence.start + 12].lstrip()[:5].lower() == "since"
        else None
    )
    if (
        opening is not None  # (only read for a move without period words)
        # "Since the start of the year, ...": a period of its own (year-to-date)
        and not _sentence_periods(opening.group(0), text, opening.start())
        and not any(
            d.kind in ("day", "weekday", "relative") for d in ctx.dates_in(left_start, right_end)
        )
    ):
        # "Since its 2004 inception, the index has returned 326%": the opening phrase times
        # the sentence's moves told without period words or a day of their own
        first = _first_day(ctx.dates_in(*opening.span("phrase")))
        day = first.date if first is not None and first.kind != "month" else None
        return Timing("since", day, context=context)
    if defaulted and _INDEX_RANK.search(text, q.end, change.sentence.end):
        period, defaulted = "session", False
    if period == "other" and defaulted and _on_named_day(ctx, left_start, right_end):
        # A perfect with a day ("had already climbed 6.1% in New York on Thursday") tells
        # that day's session, as the simple past would.
        period, defaulted = "session", False
    if defaulted:
        before = text[change.sentence.start : change.trigger_start]
        named = _sentence_periods(before, text, change.sentence.start)
        if len(named) == 1 and next(iter(named)) not in ("session", "intraday"):
            period, defaulted = named.pop(), False
        elif not named and (year := _IN_YEAR.search(before)) is not None:
            same = ctx.published is not None and int(year.group(1)) == ctx.published.year
            period, defaulted = ("year_to_date" if same else "other"), False
    if defaulted:
        bare_year = _BARE_YEAR.match(text, q.end, context_end)
        if bare_year is not None:
            same = ctx.published is not None and int(bare_year.group(1)) == ctx.published.year
            period, defaulted = ("year_to_date" if same else "other"), False
    since: dt.date | None = None
    since_span: tuple[int, int] | None = None
    if defaulted and _FROM_LOW.match(text, q.end, right_end):
        return Timing("since", None, context=context)  # "up 38% from its low point in 2022"
    if period == "since" or (period == "session" and defaulted):
        since_match = _SINCE.match(text, q.end, right_end)
        if since_match is not None:
            since_span = since_match.span()
            first = _first_day(ctx.dates_in(*since_span))
            period, defaulted = "since", False
            since = first.date if first is not None else None
    frame: tuple[int, int] | None = None
    if period == "session" and (defaulted or _on_the_day_only(ctx, window_text, left_start)):
        frame = _under_way(ctx, change, mic)
        if frame is not None:
            period, defaulted = "intraday", False
    if period not in DATED_PERIODS:
        return Timing(period, since, context=context, period_defaulted=defaulted)

    mentions = [
        d
        for d in ctx.dates_in(left_start, right_end)
        if d.kind in ("day", "weekday", "relative")
        and not d.future
        and not (since_span and since_span[0] <= d.start < since_span[1])
        and not planned(ctx.text, d.start)
    ]
    if not mentions and frame is not None and change.sentence.start <= frame[0]:
        # "In early trading on Wednesday, shares of Boeing ...": the frame's day
        mentions = [
            d
            for d in ctx.dates_in(*frame)
            if d.kind in ("weekday", "relative", "day") and not d.future
        ]
    if not mentions and period == "session" and not _names_another_day(ctx, change, None, None):
        # "In Thursday's trading session, Wall Street closed higher. Etsy climbed 9% ...": the
        # day the paragraph opens on, for a move whose sentence names none
        opening_day = paragraph_day(ctx, change.sentence)
        if opening_day is not None:
            mentions = [d for d in ctx.dates_in(*opening_day) if d.kind in ("weekday", "relative")]
    if not mentions and only_change_in_sentence:
        head = text[change.sentence.start : change.sentence.start + 30]
        if _SENTENCE_DAY.match(head):
            mentions = [
                d
                for d in ctx.dates_in(change.sentence.start, change.sentence.start + 30)
                if d.kind in ("weekday", "relative", "day")
                and not d.future
                and not planned(ctx.text, d.start)
            ]
    if not mentions:
        # ", adding a combined $280 billion in market value on Thursday": the value the move
        # added or erased, told with the day it was added on, is the move's day too.
        value_day = _VALUE_ON_DAY.search(text, q.end, change.sentence.end)
        if value_day is not None:
            mentions = [
                d
                for d in ctx.dates_in(value_day.start("day"), value_day.end("day"))
                if d.kind in ("weekday", "relative", "day") and not d.future
            ]
    if mentions:
        mention = min(mentions, key=lambda d: abs(d.start - q.end))
        day = _session_day(ctx, mention, mic)
        return Timing(
            period,
            since,
            day,
            ctx.original[mention.start : mention.end],
            context=context,
            period_defaulted=defaulted,
        )
    plausible = abs(q.value) < MAX_INFERRED_SESSION_PCT
    if not plausible and period == "session" and defaulted:
        # "the stock price surged over 57%" with no day and no period words: not one session
        # told without its day, but a longer move whose span the writer left out
        return Timing("other", since, context=context, period_defaulted=True)
    day = publication_day(ctx, period, mic) if plausible else None
    # A move whose words name pre-market or after-hours trading is of one such session whatever
    # its verb's form ("with shares surging 15% in after-hours trading"), so the clock dates it;
    # a move dated by the publication date alone must be told as a finished or current fact.
    named_hours = not defaulted and reads_clock(ctx, period, mic)
    if day is not None and (named_hours or told_as_reaction or _finite(ctx, change)):
        if (
            _names_another_day(ctx, change, day, since_span)
            or _SPAN_WORDS.search(text, change.sentence.start, change.sentence.end)
            or _EARLIER_DAY.search(text, q.end, right_end)
        ):
            # "The Dow shed 0.8% and the Nasdaq-100 added 2% on Jan 31": the sentence's day
            # may be this move's too; "shares down 10% after it reported this week": the move
            # may span days; "its 6% slide the day before": the session before an unnamed
            # day. The publication's session would be a guess against the text.
            if (
                defaulted
                and period == "session"
                and _SPAN_WORDS.search(text, change.sentence.start, change.sentence.end)
            ):
                period = "other"  # a move over days told with "this week": no one session
            return Timing(period, since, context=context, period_defaulted=defaulted)
        return Timing(
            period,
            since,
            day,
            None,
            date_inferred=True,
            context=context,
            period_defaulted=defaulted,
        )
    return Timing(period, since, context=context, period_defaulted=defaulted)


_SESSION_WORDS = dict(PERIOD_PATTERNS)["session"]


def _on_the_day_only(ctx: DocumentContext, window_text: str, window_start: int) -> bool:
    """Whether the session words of a move are "on the day" alone: said of a session under way
    as well as of one closed."""
    match = move_period_match("session", _SESSION_WORDS, window_text, ctx.text, window_start)
    return match is not None and " ".join(match.group(0).lower().split()) == "on the day"


def _under_way(ctx: DocumentContext, change: Change, mic: str | None) -> tuple[int, int] | None:
    """The span of the words that set a session move in a session under way (see
    `article_frame.under_way_frame`), unless its sentence tells a close, a span of days, or a
    day other than the frame's ("In early trading on Wednesday, ..." does not time a move
    "on Tuesday")."""
    sentence = change.sentence
    start = min(change.trigger_start, change.quantity.start)
    frame = under_way_frame(ctx, sentence, start, mic)
    if frame is None:
        return None
    text = ctx.text
    if (
        TOLD_CLOSED.search(text, sentence.start, sentence.end)
        or _SPAN_WORDS.search(text, sentence.start, sentence.end)
        or _EARLIER_DAY.search(text, sentence.start, sentence.end)
    ):
        return None
    for mention in ctx.dates_in(sentence.start, sentence.end):
        if mention.future or frame[0] <= mention.start < frame[1]:
            continue
        if mention.kind in ("day", "weekday", "relative") and mention.text.lower() != "today":
            return None
    return frame


def prior_day_phrase(ctx: DocumentContext, change: Change) -> tuple[int, int] | None:
    """The span of the day of an earlier move told as a noun ("after Wednesday's 38% slump")
    when `change` is that move; None otherwise."""
    if change.kind != "noun_after":
        return None
    q = change.quantity
    lead = max(change.sentence.start, q.start - 45)
    if "'s" not in ctx.text[lead : q.start] and "’s" not in ctx.text[lead : q.start]:
        return None
    match = PRIOR_DAY_MOVE.search(ctx.text, lead, q.start)
    return match.span("day") if match is not None else None


def _prior_day_mentions(ctx: DocumentContext, sentence: Sentence) -> list[tuple[int, int]]:
    """The days of the sentence's earlier moves told as nouns ("Wednesday's 38% slump")."""
    if "day's" not in sentence.text and "day’s" not in sentence.text:
        return []  # (a cheap test first: most sentences hold no possessive day)
    spans = []
    for match in _PRIOR_DAY_IN_SENTENCE.finditer(ctx.text, sentence.start, sentence.end):
        spans.append(match.span("day"))
    return spans


def _names_another_day(
    ctx: DocumentContext,
    change: Change,
    day: dt.date | None,
    since_span: tuple[int, int] | None,
) -> bool:
    """Whether the move's sentence names a past day other than `day` (a day after publication
    is a plan, "its worst day since Oct 25" names the start of a comparison, and "after
    Wednesday's 38% slump" the day of an earlier move)."""
    prior_days = _prior_day_mentions(ctx, change.sentence)
    for mention in ctx.dates_in(change.sentence.start, change.sentence.end):
        if mention.future or mention.kind == "month" or mention.date is None:
            continue
        if any(a <= mention.start < b for a, b in prior_days):
            continue
        if ctx.published is not None and mention.date > ctx.published:
            continue
        if since_span and since_span[0] <= mention.start < since_span[1]:
            continue
        if _SINCE_BEFORE.search(ctx.text, max(0, mention.start - 8), mention.start):
            continue
        if planned(ctx.text, mention.start):
            continue
        if mention.date != day:
            return True
    return False


def _on_named_day(ctx: DocumentContext, start: int, end: int) -> bool:
    """Whether [start, end) puts the move on one named past day ("on Thursday", "yesterday")."""
    for mention in ctx.dates_in(start, end):
        if mention.future or mention.kind == "month":
            continue
        low = mention.text.lower()
        if low.startswith(("on ", "late on ", "early on ")) or low == "yesterday":
            return True
        if mention.kind == "day" and _ON_BEFORE.search(
            ctx.text, max(0, mention.start - 12), mention.start
        ):
            return True
    return False


def _sentence_periods(sentence_text: str, text: str, offset: int) -> set[str]:
    """The periods named before a move in its sentence ("In the last 12 months, ... slumped
    2%"); a period named after a move belongs to a later number, not to this one, and so does
    a period that names another number's change ("bringing the weekly gain to 1.2%, while
    ... jumped 1.2%"). `sentence_text` starts at `offset` in `text`."""
    named = set()
    for name, pattern in PERIOD_PATTERNS:
        match = move_period_match(name, pattern, sentence_text, text, offset)
        while match is not None and _OWN_NUMBER_AFTER.match(sentence_text, match.end()):
            match = move_period_match(name, pattern, sentence_text, text, offset, match.end())
        if match is not None:
            named.add(name)
    return named


def _finite(ctx: DocumentContext, change: Change) -> bool:
    """Whether the move is told as a finished or current fact ("rose", "were up", "are trading
    down"), not as a participle or a perfect ("surging ...", "has gained"): only those are
    dated to the publication's trading day when the text names no day."""
    if change.kind == "sign":
        # "while the S&P 500 was +1.25%": a signed number told with a finite copula
        start = max(change.sentence.start, change.quantity.start - 12)
        return _COPULA_BEFORE.search(ctx.text, start, change.quantity.start) is not None
    if change.kind in ("list", "noun_before"):
        return change.kind == "list"
    word = ctx.text[change.trigger_start : change.trigger_end].lower()
    before = ctx.text[max(change.sentence.start, change.trigger_start - 20) : change.trigger_start]
    if _PERFECT.search(before + word):
        return False
    if word.endswith("ing"):
        if _COPULA_BEFORE.search(before):
            return True
        lead = ctx.text[
            max(change.sentence.start, change.trigger_start - 60) : change.trigger_start
        ]
        return _FINITE_MOVE_BEFORE.search(lead) is not None
    return True


def _session_day(ctx: DocumentContext, mention: DateMention, mic: str | None) -> dt.date | None:
    """The named day if it is a trading day on or before publication; else None (no guess)."""
    day = mention.date
    if day is None:
        return None
    if ctx.published is not None and day > ctx.published:
        return None
    if mention.kind == "relative" and mention.text.lower().startswith("yesterday"):
        day = last_session_on_or_before(mic, day)
    return day if is_session(mic, day) else None


def _since_year_start(ctx: DocumentContext, window_text: str) -> dt.date | None:
    """The last day before the year a 'since the start of <year>' names, when that is not the
    year of publication (the start of this year is year-to-date); None otherwise."""
    match = _SINCE_YEAR_START.search(window_text)
    if match is None or ctx.published is None:
        return None
    year = int(match.group("year"))
    # the base of a return since a year began is the close that ended the year before
    return dt.date(year - 1, 12, 31) if year < ctx.published.year else None


def _first_day(mentions: list[DateMention]) -> DateMention | None:
    for mention in mentions:
        if mention.kind in ("day", "weekday", "relative", "month"):
            return mention
    return None


def _period(
    ctx: DocumentContext, window_text: str, change: Change, window_start: int
) -> tuple[str, bool]:
    """The period named in the window (which starts at `window_start` in the text); 'session'
    (defaulted) when none is named."""
    approx_word = change.quantity.approx_word
    ended = _ENDED_PERIOD.search(window_text)
    if ended is not None:
        # "finished the month down 22%", "ended the week 3% higher": the whole span, whose
        # days the words do not fix (a year or quarter that ended is no year-to-date)
        span = ended.group("span").lower()
        return (span if span in _ENDED_SPANS else "other"), False
    for name, pattern in PERIOD_PATTERNS:
        match = move_period_match(name, pattern, window_text, ctx.text, window_start)
        if match is None:
            continue
        if name == "intraday" and match.group(0).lower().startswith(("as much as", "at one point")):
            return "intraday", False
        return name, False
    if approx_word in _AS_MUCH_AS:
        return "intraday", False
    year = _IN_YEAR.search(window_text)
    if year is not None:
        if ctx.published is not None and int(year.group(1)) == ctx.published.year:
            return "year_to_date", False
        return "other", False
    if _SINCE_AFTER.search(ctx.text[change.quantity.end : change.quantity.end + 30]):
        return "since", False
    before_trigger = ctx.text[
        max(change.sentence.start, change.trigger_start - 30) : change.trigger_start
    ]
    if change.kind == "verb" and _PERFECT.search(
        before_trigger + ctx.text[change.trigger_start : change.trigger_end]
    ):
        return "other", True
    return "session", True
