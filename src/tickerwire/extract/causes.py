"""How news says why a price moved: causal words, where the cause phrase is, what it names.

Four shapes carry a cause, all read with the patterns below:

* after the move, in its sentence: "climbed 6% following a holiday-quarter sales beat",
  "surged 17% as the first dividend declaration and robust results ...", "fell 3% on
  disappointing China sales", "driven by an 11% revenue increase";
* before the move, which follows as a result: "reported solid profit, sending the insurer's
  stock up 2%", "The reports pleased investors, with their stocks climbing 9%",
  "X, contributing to last week's 12% rally in its stock", "X drove the surge";
* in another sentence that refers back to the move: "The climb was driven by strong holiday
  sales", "This rally comes amid ...", "The stock slipped 1% on the news";
* in the headline: "Baidu Stock Climbs 7% on Cloud Orders and Chip Progress".

`cause_categories` reads what a cause phrase names when no event was found inside it ("after
the results" names earnings; "after projecting lower handset shipments" names guidance).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import regex

from tickerwire.extract.lexicon import MOVE_VERB_ALT
from tickerwire.extract.prefiltered import prefiltered_re

_I = regex.IGNORECASE | regex.VERBOSE
# Patterns read on the lower-cased text (`lower_text`) with the standard engine: faster for
# these lists of plain words. They hold no upper-case letters.
_LOW = re.VERBOSE

# "after" that times a move rather than explaining it: "after the bell", "after hours",
# "after falling 2% the previous day", "after hitting a record".
_NOT_A_CAUSE = re.compile(
    r"""\s*(?:the\s+(?:close|bell|closing\s+bell|open|opening\s+bell|session|market\s+close)|
    [\s-]?hours?\b|[\s-]?market\b|(?:a|the|its)\s+(?:[\w-]+\s+){0,2}?(?:session|day|week|month|
    year|rally|slump|decline|drop|gain|rise|surge|selloff|sell-off|run|streak|high|low)s?\b|
    (?:briefly\s+)?(?:hitting|touching|falling|rising|sliding|gaining|losing|dropping|climbing|
    jumping|surging|tumbling|slumping|closing|opening|more\s+than\s+tripling|tripling|doubling)\b|
    much|well|of|part|a\s+result|such|long|the\s+day|\d)""",
    _LOW,
)
# "after Wednesday's 38% slide on a dividend cut", "after a 5% drop on Monday on weak sales",
# "after falling 2% on weak sales": an earlier move, and every cause told after it is that
# move's, not the one being explained.
_MOVE_NOUNS_PAST = (
    r"(?:rally|slump|slide|decline|drop|fall|plunge|tumble|sell-?off|rout|gain|rise|surge|jump|"
    r"rebound)\b(?!\s+(?:in|of)\b)"  # not "a 10% rise in sales": a figure, maybe the cause
)
_EARLIER_MOVE = re.compile(
    rf"""\s*(?:(?:a|an|the|its|their|[\w.&-]+'s?)\s+(?:[\w.,-]+\s+){{0,2}}?\d[\d.,]*\s*(?:%|
    percent|per\s+cent)\s+(?:[\w-]+\s+)?{_MOVE_NOUNS_PAST}|(?:monday|tuesday|wednesday|
    thursday|friday|yesterday|last\s+week|the\s+previous\s+(?:day|session)|the\s+prior\s+
    (?:day|session))'s\s+(?:[\w%.,-]+\s+){{0,2}}?{_MOVE_NOUNS_PAST}|(?:briefly\s+)?(?:falling|
    rising|sliding|gaining|losing|dropping|climbing|jumping|surging|tumbling|slumping|plunging|
    soaring|sinking)\s+(?:more\s+than\s+|nearly\s+|about\s+|almost\s+)?\d)""",
    _LOW,
)
# A rank told between a move and its cause: "sank 4% and was the worst performer in the Dow
# following ...", ", making it the best performer in the S&P 500, after ...". Its "on"/"in"
# names where the move ranked, not why; the cause follows it.
_RANK_CLAUSE = re.compile(
    r"""\s*(?:,\s*|\s+and\s+)(?:was|is|were|are|became|ranked\s+as|making\s+it|to\s+become|
    to\s+be)\s+(?:the|a|among\s+the)\s+(?:[\w-]+\s+){0,3}?(?:gainers?|losers?|performers?|
    decliners?|advancers?)\s+(?:on|in|among|of)\s+(?:the\s+)?(?:[\w&.-]+\s+){0,3}?
    (?:[\w&.-]+)(?=,?\s+(?:after|following|on|as|amid|due\s+to|thanks\s+to)\b)""",
    _LOW,
)
CAUSE_AFTER = re.compile(
    r"""(?P<connector>\b(?:(?:driven|fuell?ed|boosted|helped|lifted|spurred|powered|propelled|
    buoyed|supported|underpinned|sparked|triggered|weighed(?:\s+down)?|dragged(?:\s+down)?|hit|
    hurt|pressured|led)\s+(?:higher\s+|lower\s+)?(?:largely\s+|mainly\s+|partly\s+)?by|
    after|following|on\s+the\s+back\s+of|thanks\s+to|due\s+to|because\s+of|amid(?:st)?|as|
    in\s+(?:response|reaction)\s+to|on(?=\s+(?:news|reports?|word|hopes?|optimism|fears?|
    concerns?|worries|expectations|speculation|the\s+news|the\s+announcement|its|their|the|a|
    an|upbeat|strong|robust|weak|disappointing|better|worse|solid|stellar|record|issuing|
    posting|reporting|forecasting|raising|cutting|announcing|declaring|lower|higher|
    [\w-]+-than-expected)\b))\b)""",
    _LOW,
)
_OTHER_CLAUSE = re.compile(
    r";|,?\s+(?:and|but)\s+(?:there|it|its|they|the\s+company|analysts|investors|we|i)\b|"
    r",\s*(?:but|while|and)\s|\b(?:despite|although|even\s+though|regardless\s+of|"
    r"notwithstanding)\b",
    0,
)
# Words that end a cause phrase: a new contrast or a concession ("though it delayed its
# forecast": told against the move, not as its cause), or a second, lower-level cause.
_CAUSE_END = re.compile(
    r";|\s[-–—]\s|—|,\s*(?:while|but|whereas|although|though|which|even\s+as|as|saying|"
    r"adding|noting)\b|"
    r"\b(?:while|whereas|although|though|despite|even\s+as|before\s+(?:paring|trimming|"
    r"giving))\b|"
    r"\s(?:as|after|amid|following)\s",
    0,
)
# A result clause after its cause: "..., sending the insurer's stock up 2%".
RESULT_BEFORE_MOVE = prefiltered_re(
    re.compile(
        r""",?\s*\b(?:sending|pushing|lifting|driving|boosting|dragging|knocking|leaving|helping|
    causing|prompting)\s+(?:(?:the|its|their|[\w.'&-]+'s?)\s+){0,2}(?:[\w-]+\s+){0,2}?
    (?:shares|stock|stocks)\b|,\s*with\s+(?:its|their|the\s+(?:company's|firm's|group's)|
    [\w.'&-]+'s?)\s+(?:[\w-]+\s+){0,2}?(?:shares|stock)\s+|,?\s*\bcontribut\w+\s+to\s+
    (?:the|its|a|this)\s+(?:[\w%.-]+\s+){0,4}?(?:surge|rally|gain|gains|jump|rise|climb|advance|
    selloff|sell-off|drop|decline|fall|slump|rebound|ascent)\b|\b(?:drove|fuell?ed|sparked|triggered|powered|propelled|spurred|lifted|boosted|
    weighed\s+on|dragged\s+down|drive|drives|fuels?)\s+(?:the|its|this|a)\s+(?:[\w%.-]+\s+){0,3}?
    (?:surge|rally|gain|gains|jump|rise|climb|advance|move|selloff|sell-off|drop|decline|fall|
    slump|rebound|ascent|shares|stock)\b""",
        _LOW,
    )
)
# A sentence about a move told before: "The rally was fueled by ...", "This surge comes amid".
_MOVE_NOUN = (
    r"(?:surge|rally|gain|gains|jump|rise|climb|advance|move|selloff|sell-off|drop|decline|fall|"
    r"slump|rebound|ascent|uptick|revival|spike|run-up|pop)"
)
BACK_REFERENCE = re.compile(
    rf"""^\W*(?P<intro>(?:along\s+with|besides|in\s+addition\s+to|apart\s+from)\s+[^,]{{3,60}},\s*)?
    (?:(?:the|this|that|these|its|their|[\w.'&-]+'s)\s+(?:[\w%.-]+\s+){{0,4}}?
    {_MOVE_NOUN}|(?:the\s+)?(?:stock|shares)(?:'s?)?\s+(?:[\w-]+\s+){{0,2}}?{_MOVE_NOUN}|
    (?P<pronoun>this|that)(?=\s+(?:came|comes)\s))
    (?:\s+(?:in|of)\s+[^,;.]{{1,40}}?)?\s+
    (?:(?:was|were|is|has\s+been|had\s+been|came|comes|come|also)\s+)?(?:(?:also|partly|largely|
    mainly|primarily|in\s+part)\s+)*(?P<connector>(?:fuell?ed|driven|sparked|triggered|boosted|
    helped|supported|spurred|powered|propelled|underpinned|led|caused|prompted)\s+by|
    (?:can\s+be\s+|may\s+be\s+)?(?:partly\s+|largely\s+)?attributed\s+to|follows|followed|
    came\s+(?:after|as|amid|on\s+the\s+back\s+of)|comes?\s+(?:after|as|amid(?:st)?|on\s+the\s+back\s+of)|
    (?:is|was)\s+(?:largely\s+|partly\s+)?due\s+to|reflects|reflected)\b""",
    _LOW,
)
BEHIND = re.compile(
    rf"""^\W*(?:behind\s+(?:the|this|its)\s+(?:[\w%.-]+\s+){{0,3}}?{_MOVE_NOUN}|(?:the\s+)?
    (?:[\w-]+\s+)?(?:catalyst|reason|driver|trigger)s?\s+(?:for|behind|of)\s+(?:the|this|its)\s+
    (?:[\w%.-]+\s+){{0,3}}?{_MOVE_NOUN}(?:\s+(?:higher|lower|up|down))?)\s+(?:is|are|was|were)\b""",
    _LOW,
)
REACTION = prefiltered_re(
    re.compile(
        r"""\b(?:investors|markets?|traders|wall\s+street)(?:'s?)?\s+(?:(?:have|had|also)\s+)?
    (?:\w+ly\s+)?(?:(?:reacted|responded)\s+(?:\w+ly\s+)?to|cheered|welcomed|applauded|
    celebrated|rewarded|(?:response|reaction)\s+to)\s+(?:the\s+)?(?:news\s+(?:that|of)\s+)?""",
        _LOW,
    )
)
# A phrase that only points back ("this achievement", "the news"): its events are the ones
# told just before.
# A noun whose content follows ("the announcement by the lender that it would report a loss",
# "the news that ...") is told here, not pointed back to: it is no pointer.
POINTER = regex.compile(
    r"^\W*(?:the|this|that|these|those)\s+(?:[\w-]+\s+){0,2}?(?:news|announcement|achievement|"
    r"development|developments|move|moves|results?|report|release|strengths?|performance|"
    r"milestone|decision|initiative|step|factors?|deal)\b"
    r"(?!\s+(?:by\s+(?:[\w.&'-]+\s+){1,5}?)?that\b)",
    regex.IGNORECASE,
)

# What a cause phrase names, when no event was found inside it. Categories are event types.
_CATEGORY_WORDS: tuple[tuple[str, regex.Pattern[str]], ...] = tuple(
    (name, regex.compile(pattern, regex.IGNORECASE))
    for name, pattern in (
        (
            "guidance",
            r"\b(?:forecast(?!-beating)\w*|outlook|guidance|projections?|projected|projecting|"
            r"profit\s+warning|"
            r"growth\s+warning|predict\w*)\b",
        ),
        (
            "earnings",
            r"\b(?:results?|earnings|revenues?|sales|profits?|quarter(?:ly)?|beat|miss|"
            r"EPS|numbers|financial\s+(?:milestones?|success|performance)|"
            r"(?:surprise|quarterly|annual|net|first|unexpected)\s+loss|"
            r"earnings-related|(?:earnings|quarterly|annual|results)\s+reports?\b|"
            r"release\b|Q[1-4]\b|"
            r"(?:business|businesses|cloud|e-commerce|segment|unit|division|services?|"
            r"operations)\s+(?:[\w-]+\s+)?(?:recovery|growth|rebound|momentum|strength|"
            r"gaining\s+steam|acceleration|revival)|(?:pickup|pick-up|improvement|"
            r"acceleration|slowdown|recovery|rebound|strength|weakness|growth)\s+in\s+"
            r"(?:its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:business|unit|division|"
            r"segment|operations))",
        ),
        ("dividend", r"\bdividends?\b"),
        ("buyback", r"\b(?:buy-?backs?|repurchases?)\b"),
        ("stake_change", r"\b(?:stake|\$[\d.,]+\s*(?:billion|million)\s+bet)\b"),
        ("acquisition", r"\b(?:acquisitions?|acquir\w+|takeover|buyout|merger)\b"),
        (
            "partnership",
            # not "partner" as a title: "Elliott partner Jane Roe", "a partner at X"
            r"\b(?:partnerships?|partner\w*(?!\s+(?-i:[A-Z][\w.'-]+\s+[A-Z])|\s+(?:at|of)\s)|"
            r"collaborat\w+|tie-up|alliance|working\s+with)\b",
        ),
        (
            "product_launch",
            r"\b(?:launch\w*|unveil\w*|new\s+(?:[\w-]+\s+)?(?:products?|models?|"
            r"chips?|phones?|devices?|features?)|(?:AI|proprietary)\s+chips?|"
            # "releasing its chatbot": a product released (not "released its results")
            r"releas(?:e|es|ed|ing)\s+(?:of\s+)?(?:its|their|a|an|the)\s+(?:new\s+)?(?:[\w-]+\s+)"
            r"{0,2}?(?:chatbots?|models?|apps?|phones?|devices?|headsets?|chips?|games?|software|"
            r"products?|features?|vehicles?|cars?))\b",
        ),
        ("legal", r"\b(?:judge|court|lawsuit|ruling|verdict|settlement|jury)\b"),
        ("regulation", r"\b(?:regulat\w+|antitrust|probe|crackdown)\b"),
        (
            "government_policy",
            r"\b(?:stimulus|subsid\w+|tariffs?|government\s+(?:support|"
            r"policy|policies))\b",
        ),
        (
            "macro",
            r"\b(?:rate\s+cuts?|inflation|jobs\s+report|payrolls|interest\s+rates|"
            r"economic\s+data)\b",
        ),
        (
            "management",
            r"\b(?:layoffs|job\s+cuts|cost\s+cuts|CEO\s+(?:change|departure)|"
            r"restructuring|appoint(?:s|ed|ing|ment)|(?:to|joins?|joined)\s+(?:its|the)\s+board)\b",
        ),
        ("analyst_view", r"\b(?:upgrade|downgrade|price\s+target)\b"),
        ("sector", r"\b(?:sector|peers|tech\s+stocks|chip\s+stocks|industry-wide)\b"),
    )
)
# Headline words joining a move to its cause: "Climbs 7% on Cloud Orders", "Jump ... as ...".
_TITLE_MOVE = regex.compile(
    rf"""\b(?:{MOVE_VERB_ALT}|up|down|higher|lower)\b(?P<rest>.*)""",
    regex.IGNORECASE,
)
_TITLE_CONNECTOR = regex.compile(
    r"\b(?:on|as|after|amid|following|thanks\s+to|driven\s+by|fuell?ed\s+by|over)\s+", _I
)


def cause_categories(phrase: str) -> list[str]:
    """The event types a cause phrase names ("after projecting lower handset shipments" names
    guidance), in the order of the lexicon; guidance wins over earnings for one phrase."""
    return [name for name, _ in category_spans(phrase)]


def category_spans(phrase: str, skip: Callable[[int], bool] | None = None) -> list[tuple[str, int]]:
    """(event type, where in `phrase` its word stands) for each type a cause phrase names.

    `skip(at)` tells a word that names no cause of its own (the verb of an event found in the
    phrase: "projected higher spending" is an investment plan, not guidance as well)."""
    found = []
    for name, pattern in _CATEGORY_WORDS:
        match = pattern.search(phrase)
        while match is not None and skip is not None and skip(match.start()):
            match = pattern.search(phrase, match.end())
        if match is not None:
            found.append((name, match.start()))
    names = {name for name, _ in found}
    if "guidance" in names and "earnings" in names:
        found = [(name, at) for name, at in found if name != "earnings"]
    return found


def cause_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The cause phrase after a move (from `start`, the end of its number, to `end`).

    The search stops at a new clause ("and more gains may follow as ...") and at a
    concession ("despite pressure on its sales"): what follows explains something else.
    """
    rank = _RANK_CLAUSE.match(text, start, end)
    if rank is not None:
        start = rank.end()
    other_clause = _OTHER_CLAUSE.search(text, start, end)
    if other_clause is not None:
        end = other_clause.start()
    for connector in CAUSE_AFTER.finditer(text, start, end):
        after = connector.end()
        if connector.group("connector") in ("after", "following") and _EARLIER_MOVE.match(
            text, after, end
        ):
            return None
        if _NOT_A_CAUSE.match(text, after, end):
            continue
        stop = _CAUSE_END.search(text, after + 1, end)
        return after, stop.start() if stop is not None else end
    return None


def title_cause(title: str) -> tuple[str, str] | None:
    """(the words before the move verb, the cause phrase) of a headline "X Surges 19% on Y"."""
    move = _TITLE_MOVE.search(title)
    if move is None:
        return None
    rest = move.group("rest")
    connector = _TITLE_CONNECTOR.search(rest)
    if connector is None:
        return None
    cause = rest[connector.end() :].strip(" .")
    return (title[: move.start()], cause) if cause else None
