"""Who speaks in an analyst's view, and where the claim they make is (events.analyst_views).

A speaker is found by structure: a firm next to an analyst word ("Barclays analysts",
"analysts at Jefferies", "Bernstein analyst Mark Shmulik"), a broker with a view verb ("Nomura
said in a note", "Barclays reports that"), a forecast attributed to a broker ("according to
forecasts by Nomura"), a titled person with a speech verb ("said Jane Roe, senior analyst at
..."), analysts without a firm ("Analysts expect ..."), or a rating ("Zacks Rank #2 (Buy)",
"raised its price target"). Each finder gives a `Speaker`: the firm, the analyst, the cue's
span, the claim's span and the confidence.
"""

from __future__ import annotations

import regex

from tickerwire.extract.document import EntityGroup
from tickerwire.extract.events.generic import STRONG, WEAK
from tickerwire.extract.events.scan import SentenceScan
from tickerwire.extract.prefiltered import prefiltered

# Brokers and research houses whose name alone, with a view verb, makes a view (reference ids).
BROKERS = frozenset(
    {
        *("barclays", "nomura", "jefferies", "jpmorgan", "goldman-sachs", "morgan-stanley"),
        *("citigroup", "bank-of-america", "wells-fargo", "ubs", "hsbc", "deutsche-bank"),
        *("macquarie", "mizuho", "daiwa-securities", "evercore", "keycorp", "oppenheimer"),
        *("piper-sandler", "raymond-james", "stifel", "truist", "alliancebernstein", "wedbush"),
        *("morningstar", "cicc", "citic-securities", "bnp-paribas", "societe-generale"),
        *("royal-bank-of-canada", "td-bank", "ubp", "hargreaves-lansdown", "zacks"),
    }
)
_ROLE = (
    r"(?:analysts?|strategists?|economists?|research(?:ers)?|equity\s+(?:research|advis[eo]r|"
    r"analysts?)|advis[eo]rs?|portfolio\s+managers?|fund\s+managers?|brokers?)"
)
_VIEW_VERB = (
    r"(?:said|says|say|wrote|writes|noted|notes|note|believes?|believe|expects?|expect|sees?|see|"
    r"estimates?|estimate|predicts?|predict|predicting|forecasts?|reports?|argued|argues|praised|"
    r"praises|dubbed|raised|lifted|cut|lowered|trimmed|upgraded|downgraded|initiated|reiterated|"
    r"rates|rated|maintained|kept|set|called|recommended|added|warned|cautioned|agreed|think|"
    r"thinks|view|views|are\s+(?:bullish|bearish|positive|negative|cautious|optimistic)|"
    r"is\s+(?:bullish|bearish|positive|negative|cautious|optimistic)|remain\w*|have\s+noted|"
    r"has\s+noted|highlighted|pointed\s+out|told)"
)
_ROLE_STEMS = ("analyst", "strategist", "economist", "research", "advis", "manager", "broker")
# "Barclays analysts", "Bernstein's senior analyst"; not "Microsoft beat analyst estimates"
_ROLE_AFTER_FIRM = regex.compile(
    rf"^(?:'s?)?\s+(?:(?:equity|research|senior|chief|lead|principal|market|investment|"
    rf"technology|tech|sector)\s+)?{_ROLE}\b(?!\s+(?:estimates?|expectations?|forecasts?|"
    rf"consensus|views?|targets?|polls?|surveys?))",
    regex.IGNORECASE,
)
_ROLE_BEFORE_FIRM = regex.compile(
    rf"\b{_ROLE}\s+(?:[\w-]+\s+){{0,2}}?(?:at|from|with|of)\s+(?:the\s+)?$", regex.IGNORECASE
)
_VERB_AFTER_FIRM = regex.compile(
    rf"^(?:'s?)?(?:\s+(?:[\w-]+\s+){{0,3}}?{_ROLE})?(?:\s*,[^,]{{0,80}},)?\s+(?:also\s+)?"
    rf"{_VIEW_VERB}\b",
    regex.IGNORECASE,
)
_SOURCE_BEFORE_FIRM = regex.compile(
    r"\b(?:(?:forecasts?|estimates?|analysis|research|notes?|reports?|calculations)\s+"
    r"(?:by|from)|according\s+to)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
# Analysts without a firm: a plural subject and a verb that agrees with it ("Analysts
# estimate", "analysts predicting"), not the noun phrase "analyst estimates of $9.30 billion".
_ANONYMOUS = regex.compile(
    r"\b(?P<who>(?:(?:Wall\s+Street|some|many|most|several|other|\d+)\s+)?analysts)\s+"
    r"(?:(?:also|only|now|still|widely|generally|broadly|(?:who\s+were\s+)?(?:consulted|"
    r"polled|surveyed)\s+[^,;.]{0,40}?)\s+)?(?:unanimously\s+)?"
    r"(?P<verb>said|say|expect|expected|estimate|forecast|predict|predicting|see|"
    r"believe|noted|have\s+noted|agreed|agree|project|anticipate|think|warned|cautioned|"
    r"praised|dubbed|remain|are\s+(?:bullish|bearish|positive|negative|cautious|optimistic)|"
    r"point\s+out|pointed\s+out|wrote|argue|argued|called|view)\b(?!\s+of\b)",
    regex.IGNORECASE,
)
RATING = prefiltered(
    regex.compile(
        r"\b(?:(?P<action>(?:upgrad|downgrad)(?:ed|es|e|ing)\s+(?:[\w.&'-]+\s+){0,4}?(?:to|from)\s+"
        r"(?:a\s+)?(?:buy|sell|hold|neutral|overweight|underweight|outperform|underperform|"
        r"equal[\s-]weight|market[\s-]perform|sector[\s-]perform|positive|negative)|"
        r"(?:raised|lifted|cut|lowered|trimmed|boosted|hiked|"
        r"slashed)\s+(?:\w+\s+){0,3}?(?:price\s+target|target\s+price|rating))|Zacks\s+Rank\s+"
        r"\#(?P<rank>[1-5])(?:\s*\((?P<zacks>(?:Strong\s+)?(?:Buy|Sell|Hold))\))?(?![\d.%])|"
        r"(?P<word>(?:Strong\s+)?(?:Buy|Sell|Hold|"
        r"Outperform|Underperform|Overweight|Underweight|Neutral|Equal[\s-]weight)['\"]?\s+"
        r"ratings?)|(?:rates|rated|ranks|ranked|scores|scored)\s+(?P<model>highest|high|well|best|"
        r"poorly|lowest|low|worst)\s+(?:using|under|on|with|in|according\s+to)\s+(?:our|the|its|"
        r"their)\s+(?:[\w-]+\s+){0,5}?(?:model|strategy|screen|methodology))",
        regex.IGNORECASE,
    )
)
_POLLED = regex.compile(r"\b(?:polled|surveyed|consulted)\b", regex.IGNORECASE)
_SPEAKER_CLOSES = regex.compile(r"[\s.\"']*$")
_RATED_AFTER = regex.compile(r"[\s-]*rated\b", regex.IGNORECASE)
_SPEAKER_AT_END = regex.compile(r",[\"']?\s*$")
_ROLE_WORD = regex.compile(_ROLE, regex.IGNORECASE)
# A titled person's speech verb, before the name or after the title: "said Jane Roe, ...".
_SAID_BEFORE = regex.compile(r"\b(?:said|says|according\s+to|wrote|noted)\s+$")
_SAID_AFTER = regex.compile(r"[^.;]{0,80}?,\s*(?:said|says|wrote|noted)\b")
_QUOTE = regex.compile(r"\"([^\"]{20,})\"")

Speaker = tuple[EntityGroup | None, EntityGroup | None, int, int, int, int, float]
# "an Apple analyst", "popular Tesla analyst Jane Roe": the company an analyst covers, named
# like an employer ("a Needham analyst"). A listed company that is no broker is read as the
# one covered; a private research house (not listed) stays the employer.
_DESCRIBED_ANALYST_BEFORE = regex.compile(
    r"\b(?:an?|the|popular|longtime|long-time|veteran|well-known|prominent|top|star|renowned|"
    r"influential|noted)\s+$",
    regex.IGNORECASE,
)
_ONE_ANALYST_AFTER = regex.compile(r"^(?:'s)?\s+analyst\b(?!s)", regex.IGNORECASE)


def _covered_company(scan: SentenceScan, group: EntityGroup, before: str, after: str) -> bool:
    """Whether `group` names the company an analyst covers, not the analyst's firm."""
    if not (_DESCRIBED_ANALYST_BEFORE.search(before) and _ONE_ANALYST_AFTER.match(after)):
        return False
    entity = scan.ctx.entities.get(group.entity_id)
    return entity is not None and entity.type == "company" and bool(entity.tickers)


def firm_speaker(scan: SentenceScan) -> Speaker | None:
    """A firm that speaks: named with an analyst word, or a broker with a view verb or as a
    forecast's source; else a titled person whose firm is not linked."""
    text = scan.text
    sentence = scan.sentence
    for group in scan.groups:
        if group.entity_type not in ("company", "organization"):
            continue
        # "31 Wall Street analysts": a count of analysts, whose firms the text does not name
        counted = scan.text[group.start].isdigit()
        broker = group.entity_id in BROKERS and not counted
        near = scan.lowered_text[max(sentence.start, group.start - 40) : group.end + 40]
        if not broker and not any(map(near.__contains__, _ROLE_STEMS)):
            continue  # neither a broker nor a firm named with an analyst word
        after = text[group.end : min(sentence.end, group.end + 140)]
        before = text[max(sentence.start, group.start - 40) : group.start]
        role_after = _ROLE_AFTER_FIRM.match(after)
        role_before = _ROLE_BEFORE_FIRM.search(before)
        verb_after = _VERB_AFTER_FIRM.match(after)
        source_before = _SOURCE_BEFORE_FIRM.search(before)
        if not (role_after or role_before or (broker and (verb_after or source_before))):
            continue
        # "an Apple analyst": the analyst speaks; the firm is not named
        counted = counted or (
            not broker and not role_before and _covered_company(scan, group, before, after)
        )
        analyst = _analyst_near(scan, group)
        if verb_after is not None:
            cue_end = group.end + verb_after.end()
        elif role_after is not None:
            cue_end = group.end + role_after.end()
        else:
            cue_end = group.end
        # the claim: the words after the speaker, or before it when it closes the sentence
        # ("We see ..., Barclays wrote in a note to clients")
        head = text[sentence.start : (analyst.start if analyst else group.start)]
        if _SPEAKER_AT_END.search(head) and len(head) > 30:
            claim_start, claim_end = sentence.start, len(head.rstrip(" ,\"'")) + sentence.start
        else:
            claim_start, claim_end = cue_end, sentence.end
        if claim_end - claim_start < 15:
            quote = _previous_quote(scan)
            if quote is None:
                continue
            claim_start, claim_end = quote
        start = min(group.start, analyst.start) if analyst else group.start
        firm = None if counted else group
        return firm, analyst, start, cue_end, claim_start, claim_end, STRONG
    return _titled_person_speaker(scan)


def _analyst_near(scan: SentenceScan, firm: EntityGroup) -> EntityGroup | None:
    """The person named with the firm: "Bernstein analyst Jane Roe", "John Doe, a
    senior equity advisor at UBP", "JPMorgan analysts including Alex Yao"."""
    for group in scan.groups:
        if group.entity_type != "person":
            continue
        if group.start >= firm.end and group.start - firm.end <= 45:
            between = scan.text[firm.end : group.start]
            if _ROLE_WORD.search(between) and "." not in between:
                return group
        if group.end <= firm.start and firm.start - group.end <= 70:
            between = scan.text[group.end : firm.start]
            if _ROLE_WORD.search(between) and between.lstrip().startswith(","):
                return group
    return None


_TITLED_PERSON = regex.compile(
    rf",\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){{0,3}}?{_ROLE}\b(?:\s+(?:at|with|of|for)\s+)?",
    regex.IGNORECASE,
)


def _titled_person_speaker(scan: SentenceScan) -> Speaker | None:
    """'said Jane Roe, senior equity analyst at Harbour Research' and the like, where
    the firm is not linked as a company: the person speaks, the firm is unknown."""
    for group in scan.groups:
        if group.entity_type != "person":
            continue
        titled = _TITLED_PERSON.match(scan.text, group.end, scan.sentence.end)
        if titled is None:
            continue
        said_before = _SAID_BEFORE.search(
            scan.text[max(scan.sentence.start, group.start - 20) : group.start]
        )
        said_after = _SAID_AFTER.match(scan.text[titled.end() : scan.sentence.end])
        if not (said_before or said_after):
            continue
        quote = _QUOTE.search(scan.text, scan.sentence.start, scan.sentence.end)
        if quote is not None:
            claim = quote.span(1)
        else:
            previous = _previous_quote(scan)
            if previous is None:
                continue
            claim = previous
        return None, group, group.start, titled.end(), claim[0], claim[1], WEAK
    return None


def _previous_quote(scan: SentenceScan) -> tuple[int, int] | None:
    """A quote closing the previous sentence of the paragraph (a speaker told after it)."""
    index = scan.sentence.index
    if index == 0:
        return None
    previous = scan.ctx.sentences[index - 1]
    if previous.paragraph != scan.sentence.paragraph or '"' not in previous.text:
        return None
    return previous.start, previous.end


def anonymous_speaker(scan: SentenceScan) -> Speaker | None:
    """Analysts without a firm ("Analysts expect ...", "..., 13 analysts polled agreed")."""
    match = _ANONYMOUS.search(scan.text, scan.sentence.start, scan.sentence.end)
    if match is None:
        return None
    start, end = match.span()
    if match.group("verb").lower() == "expected" and not _POLLED.search(match.group(0)):
        return None  # "better than analysts expected": a comparison, not a view
    if (
        _SPEAKER_CLOSES.match(scan.text, end, scan.sentence.end)
        and start - scan.sentence.start > 30
    ):
        # "Microsoft's lead will grow, 13 analysts polled by Reuters agreed": the claim before
        claim_end = scan.sentence.start + len(scan.text[scan.sentence.start : start].rstrip(" ,"))
        return None, None, start, end, scan.sentence.start, claim_end, WEAK
    return None, None, start, end, end, scan.sentence.end, WEAK


def rating_speaker(scan: SentenceScan) -> Speaker | None:
    """A rating or a rating action ("Zacks Rank #2 (Buy)", "raised its price target"), with
    the last firm named before it that is a broker or told with an analyst word."""
    match = RATING.search(scan.text, scan.sentence.start, scan.sentence.end)
    if match is None:
        return None
    firm = None
    for group in scan.groups:
        if (
            group.end <= match.start()
            and group.entity_type in ("company", "organization")
            and (
                group.entity_id in BROKERS
                or _ROLE_AFTER_FIRM.match(scan.text[group.end : group.end + 40])
            )
        ):
            firm = group
    start, end = match.span()
    if match.group("rank") and _RATED_AFTER.match(scan.text, end, scan.sentence.end):
        # "Zacks Rank #2 (Buy)-rated Cardinal Health ...": the company rated comes after
        return firm, None, start, end, end, scan.sentence.end, WEAK
    return firm, None, start, end, scan.sentence.start, scan.sentence.end, WEAK
