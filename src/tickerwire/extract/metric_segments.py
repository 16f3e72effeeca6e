"""The business line a financial figure is of: named with it ("cloud revenue"), by the sentence
("its cloud computing division", "In China, sales fell 13%"), by reference ("this segment") or by
a product written before it ("Ozempic sales"); or the whole company.
"""

from __future__ import annotations

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_fact import CLAUSE, MetricFact
from tickerwire.extract.metric_line_names import line_name_before
from tickerwire.extract.metric_terms import (
    SEGMENT_ALT,
    SEGMENT_ANAPHORA,
    SEGMENT_NAME,
    canonical_segment,
    find_metric_terms,
    segment_units,
)
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.sentences import Sentence

# Units of a product counted, then the revenue they bring ("plans to ship 400,000 Surface Pro
# units, generating sales of about $1.4 billion"): the product's revenue, not the
# company's. The product is named by the capitalised words before the unit noun.
_UNITS_THEN_REVENUE = regex.compile(
    r"\b(?:sell|sells|sold|selling|ship|ships|shipped|shipping|deliver|delivers|delivered)\s+"
    r"(?:(?:about|around|roughly|nearly|some|over|more\s+than)\s+)?[\d,.]+"
    r"(?:\s+(?:million|thousand|billion|mln))?\s+(?P<product>(?:[A-Z][\w-]*\s+){0,3})"
    r"(?:units|devices|vehicles|phones|handsets|headsets|cars|consoles)\b[^.;]{0,40}?,\s+"
    r"(?:bringing\s+in|generating|which\s+(?:would\s+|could\s+)?(?:bring|generate)s?(?:\s+in)?|"
    r"translating\s+(?:in)?to|worth)\s+(?:[\w-]+\s+){0,2}$"
)
# Words that make a line's figure the whole company's ("total revenue", "its net sales").
_TOTAL_BEFORE = regex.compile(
    r"\b(?:total|overall|company-wide|consolidated|group|net|its|the\s+company's)\s+"
    r"(?:[\w-]+\s+)?[\w-]*$",
    regex.IGNORECASE,
)
# Words that make a figure the whole company's whatever line the sentence names.
_WHOLE_BEFORE = regex.compile(
    r"\b(?:total|overall|company-wide|consolidated|group-wide)\s+(?:[\w-]+\s+)?[\w-]+$",
    regex.IGNORECASE,
)
_THERE_AFTER = regex.compile(r"\s+there\b", regex.IGNORECASE)
# Words that open a clause set against the one before ("ad revenue fell short, even as sales
# rose 13%"): a figure named after them is not the first line's.
_CONTRAST = regex.compile(
    r"\b(?:as|although|though|despite|whereas|however|yet)\b", regex.IGNORECASE
)
_OWN_FIGURE = regex.compile(r"\b(?:its|their)\b", regex.IGNORECASE)
_UNPLACED = "?"
_LINE_SUBJECT = prefiltered(
    regex.compile(
        rf"(?<![\w-])(?P<seg>{SEGMENT_ALT})(?:['’]s)?\s+(?:(?:region|segment|unit|business|"
        r"division|market)\s+)?(?:generated|brought\s+in|contributed|delivered|posted|reported|"
        r"recorded|made|accounted)\b",
        regex.IGNORECASE,
    )
)
# A sentence whose subject is a business line ("Its growing services, mainly iCloud, have
# shown ...", "The cloud business grew ..."), not one of a list ("Its iPhone, Mac and iPad").
_OPENING_LINE = regex.compile(
    rf"(?:(?:its|their|the|the\s+company['’]s|[A-Z][\w.&-]*['’]s)\s+)?"
    r"(?:(?!(?:in|outside|across|from|at|for|of|beyond|than|despite|except|excluding|with|to|"
    r"on|by|like|unlike|besides)\b)[\w-]+\s+){0,2}?"
    rf"(?P<seg>{SEGMENT_ALT})(?![\w-])(?!\s*(?:,|and|&)\s*(?:the\s+)?(?:{SEGMENT_ALT})(?![\w-]))"
    r"(?=\s*,|\s+(?:business|segment|unit|division|arm)\b|\s+(?:(?:has|have|had|also)\s+)?"
    r"(?:grew|grown|rose|risen|fell|fallen|jumped|climbed|declined|showed|shown|saw|seen|"
    r"posted|generated|delivered)\b)",
    regex.IGNORECASE,
)
_FRONTED_PLACE = regex.compile(
    r"(?P<prep>In|Across|Outside(?:\s+of)?)\s+(?:the\s+)?(?P<place>[^,;.]{2,60}?),\s"
)
# Countries and regions that news names as a company's market. A figure the sentence sets in
# one ("struggling in China, with sales falling 13%", "sales fell 5% to $9 billion in Europe")
# is that market's, not the company's total; the list is the markets results news reports by.
_PLACE_NAMES = (
    r"U\.S\.|US|USA|United\s+States|America|Americas|North\s+America|Latin\s+America|"
    r"South\s+America|Europe|EMEA|Asia|Asia[\s-]Pacific|APAC|Southeast\s+Asia|Greater\s+China|"
    r"(?:mainland\s+)?China|Hong\s+Kong|Taiwan|Japan|India|(?:South\s+)?Korea|Germany|France|"
    r"Britain|U\.K\.|UK|Canada|Mexico|Brazil|Russia|Australia|Africa|Middle\s+East|Indonesia|"
    r"Vietnam|Italy|Spain|Turkey|Saudi\s+Arabia"
)
_IN_PLACE_TEXT = (
    rf"(?<![\w-])(?:in|across|throughout)\s+(?:the\s+)?(?P<place>{_PLACE_NAMES})"
    r"(?![\w-])(?!\s+(?:dollars?|terms|currency)\b)"
)
_IN_PLACE = prefiltered(regex.compile(_IN_PLACE_TEXT))
_IN_PLACE_NEXT = regex.compile(rf"\s+{_IN_PLACE_TEXT}")
# Words before a place that do not set the figure in it ("despite weakness in China",
# "excluding sales in Europe", "more than in Japan").
_NOT_THERE = regex.compile(
    r"\b(?:despite|although|though|except|excluding|beyond|outside|other\s+than|than|unlike|"
    r"apart\s+from|besides)\b",
    regex.IGNORECASE,
)
# Words before a place that make it where shares trade or a company sits, not a market whose
# figures follow ("rose 3% in Hong Kong, as revenue climbed", "a company based in Japan").
_MARKET_PLACE = regex.compile(
    r"%|\b(?:percent|shares|share\s+price|stocks?|trad(?:e|es|ed|ing)|listed|listing|based|headquartered)\b",
    regex.IGNORECASE,
)
# What may stand between a place and the figure it scopes: ", with sales falling", ", as
# revenue fell", ", where its sales".
_PLACE_TO_FIGURE = regex.compile(
    r"[\s,:\u2013\u2014-]*(?:(?:with|as|where|and)\s+)?(?:(?:its|their|the)\s+)?",
    regex.IGNORECASE,
)
_CAPITAL_WORD = regex.compile(r"\b[A-Z][\w-]*")
# A country before a business line's figure ("U.S. ad revenue", "China iPhone sales"): the
# figure is the line's in that country, which no segment name says; it is not kept.
_COUNTRY_BEFORE_LINE = regex.compile(
    r"(?<![\w.])(?:U\.S\.|US|U\.K\.|UK|China|Chinese|Europe|European|Japan|Japanese|India|"
    r"Indian|Korea|Korean|Germany|German|domestic|overseas)\s+(?:[\w-]+\s+){1,2}$"
)
# A plural owner right before a figure's name ("Products' gross margin", "Wearables' sales").
_PLURAL_POSSESSIVE = regex.compile(r"(?<![\w'’-])[A-Z][\w-]*s['’]\s+(?:[\w-]+\s+)?$")
# A sentence whose subject is a part of the company named by a unit word ("Lead and zinc
# operations incurred a net loss of", "Its trucking unit posted", "Coal activities resulted in a
# net profit of"): the figure is that part's; when no segment name says which, it is not kept.
_UNIT_OPENING = regex.compile(
    # (after "Amazon said (that)": the speaker is not the subject)
    r"(?:[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s+(?:said|says|reported)\s+(?:that\s+)?)?"
    r"(?P<words>(?:[\w-]+,?\s+){1,8}?)(?:operations|activities|divisions?|units?|businesses|"
    r"business|segments?|subsidiar(?:y|ies)|arms?)\s+(?:(?:also|has|have|had)\s+)?"
    r"(?:incurred|resulted\s+in|posted|earned|reported|recorded|made|contributed|generated|"
    r"returned|showed|had)\b",
    regex.IGNORECASE,
)
# Words that leave a unit subject the whole company's ("Its continuing operations posted").
_WHOLE_UNIT_WORDS = frozenset(
    [
        "its",
        "the",
        "their",
        "our",
        "company's",
        "group's",
        "overall",
        "total",
        "worldwide",
        "global",
        "continuing",
        "combined",
        "consolidated",
        "core",
    ]
)
# A capitalised word right before a figure's name ("Ozempic sales").
_CAPITALISED_BEFORE = regex.compile(r"(?<![\w'’-])(?P<word>[A-Z][\w-]*)(?:['’]s)?\s+$")
_MONTH_OR_QUARTER = regex.compile(
    r"(?:Q[1-4]|H[12]|FY\d*|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*)$"
)
# Capitalised words before a figure's name that qualify it and name no business line: a
# sentence's first word, a period, a kind of figure.
_NOT_A_LINE_TEXT = (
    "the it its their our his her this that these those a an and but total net gross quarterly "
    "annual annualized overall adjusted organic reported record global worldwide international "
    "domestic consolidated core underlying operating fiscal full-year first-quarter "
    "second-quarter third-quarter fourth-quarter holiday product products services segment "
    "company group higher lower strong weak weaker stronger rising falling combined comparable "
    "same-store like-for-like expected estimated projected forecast consensus gaap non-gaap ttm "
    "yoy us u.s eps sales revenue revenues earnings profit income both while although whereas "
    "zacks street wall "
    "with as so also meanwhile however still yet"
)
_NOT_A_LINE = frozenset(_NOT_A_LINE_TEXT.split())


def figure_segment(
    ctx: DocumentContext, sentence: Sentence, fact: MetricFact
) -> tuple[bool, str | None]:
    """The business line a figure is of: (True, its segment) or (True, None) for the whole
    company; (False, None) when the figure is of a part we cannot name ("U.S. ad revenue",
    "sales there fell 13%", "In the rest of Asia beyond China, ..."), which is not kept."""
    if fact.term.segment is not None and _COUNTRY_BEFORE_LINE.search(
        ctx.text, max(sentence.start, fact.term.start - 40), fact.term.start
    ):
        return False, None
    if fact.term.segment is None and fact.term.metric == "revenue":
        counted = _UNITS_THEN_REVENUE.search(
            ctx.text, max(sentence.start, fact.term.start - 160), fact.term.start
        )
        if counted is not None:
            product = "_".join(counted.group("product").lower().replace("-", " ").split())
            return (True, product) if product else (False, None)
    segment = fact.term.segment or _own_line_name(ctx, sentence, fact)
    segment = segment or _sentence_segment(ctx, sentence, fact)
    if segment is not None:
        return True, segment
    if _THERE_AFTER.match(ctx.text, fact.term.end):
        return False, None  # "sales there fell 13%": a region named elsewhere
    window = max(sentence.start, fact.term.start - 30)
    owner_words = (
        _PLURAL_POSSESSIVE.search(ctx.text, window, fact.term.start)
        if "s'" in ctx.text[window : fact.term.start] or "s’" in ctx.text[window : fact.term.start]
        else None
    )
    if owner_words is not None and not ctx.groups_in(owner_words.start(), owner_words.end()):
        return False, None  # "Products' gross margin": a part's figure we cannot name
    if _unnamed_unit_subject(ctx, sentence, fact):
        return False, None  # "Coal activities resulted in a net profit of 36.7 mln dlrs"
    place = _sentence_place(ctx, sentence)
    if place == _UNPLACED:
        return False, None  # "In the rest of Asia beyond China, sales hit $10 billion"
    if place is None:
        place = _place_scope(ctx, sentence, fact)
        if place == _UNPLACED:
            return False, None  # "Demand in India was weak and sales fell 5%"
    return True, place or _name_before(ctx, sentence, fact)


def _own_line_name(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> str | None:
    """A business line's own name before the figure ("its Consumer Security segment's
    revenues"), when no company we know is part of it."""
    term = fact.term
    line = line_name_before(ctx.text, sentence.start, term.start, term.end)
    if line is None or ctx.groups_in(line.start, term.start):
        return None
    return line.segment


def _place_scope(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> str | None:
    """The market a figure the sentence sets in a country or region is of: named right after
    it ("sales fell 5% to $9 billion in Europe") or before it with nothing but a joining word
    between ("Apple is struggling in China, with sales falling 13%"): its canonical segment,
    or `_UNPLACED` when the market has no segment name or more words stand between (which
    market the figure is of is not sure). None when no place sets it: "despite weakness in
    China", "shares rose 3% in Hong Kong, as revenue climbed", a clause break or the company's
    own figure between ("Apple reported revenue", "its revenue")."""
    text = ctx.text
    ends = [q.end for q in (fact.value, fact.change.quantity if fact.change else None) if q]
    for end in ends:
        after = _IN_PLACE_NEXT.match(text, end, sentence.end)
        if after is not None:
            return canonical_segment(after.group("place")) or _UNPLACED
    places = list(_IN_PLACE.finditer(text, sentence.start, fact.term.start))
    if not places:
        return None
    last = places[-1]
    lead = max(sentence.start, text.rfind(",", sentence.start, last.start()) + 1)
    if _NOT_THERE.search(text, lead, last.start()) or _MARKET_PLACE.search(
        text, lead, last.start()
    ):
        return None  # "despite weakness in China", "shares rose 3% in Hong Kong"
    if CLAUSE.search(text, last.end(), fact.term.start):
        return None  # "sales in China fell, while total revenue rose"
    gap = _PLACE_TO_FIGURE.match(text, last.end(), fact.term.start)
    if gap is not None and gap.end() == fact.term.start:
        return canonical_segment(last.group("place")) or _UNPLACED
    if ctx.groups_in(last.end(), fact.term.start) or _OWN_FIGURE.search(
        text, last.end(), fact.term.start
    ):
        return None  # "..., Apple reported revenue of", "its revenue": the company's own
    return _UNPLACED  # "Demand in India was weak and sales fell 5%": which market is not sure


def _unnamed_unit_subject(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> bool:
    """Whether the sentence opens with a part of the company as the subject of the figure
    ("Lead and zinc operations incurred a net loss of"), not the whole company ("Its continuing
    operations posted") nor a company we know ("Apple's services business generated")."""
    opening = _UNIT_OPENING.match(ctx.text, sentence.start, fact.term.start)
    if opening is None or ctx.groups_in(opening.start("words"), opening.end()):
        return False
    words = {w.strip(",").lower() for w in opening.group("words").split()}
    return not words <= _WHOLE_UNIT_WORDS


def _sentence_place(ctx: DocumentContext, sentence: Sentence) -> str | None:
    """A place the sentence opens with, which all its figures are about ("In China, sales fell
    13%"): its canonical segment, `_UNPLACED` for a place we cannot name, else None."""
    fronted = _FRONTED_PLACE.match(ctx.text, sentence.start, sentence.end)
    if fronted is None:
        return None
    if fronted.group("prep").startswith("Outside"):
        return _UNPLACED  # "Outside China, sales rose 5%": the rest of the world's figure
    place = fronted.group("place")
    segment = canonical_segment(place)
    if segment is not None:
        return segment
    names = [w for w in _CAPITAL_WORD.findall(place) if not _MONTH_OR_QUARTER.match(w)]
    return _UNPLACED if names else None


def _segment_subject(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> str | None:
    """'iPhone revenues also grew, with $69.7 billion in quarterly revenue': a sentence whose
    subject is a business line's figure tells that line's figures, unless one is called the
    total."""
    terms = find_metric_terms(ctx.text, sentence.start, fact.term.start)
    if not terms or terms[0].segment is None or terms[0].metric != fact.term.metric:
        return None
    if _TOTAL_BEFORE.search(ctx.text, max(sentence.start, fact.term.start - 25), fact.term.end):
        return None  # "total revenue", "its net sales": the whole company's
    if CLAUSE.search(ctx.text, terms[0].end, fact.term.start) or _CONTRAST.search(
        ctx.text, terms[0].end, fact.term.start
    ):
        return None  # "cloud revenue rose 21%, while total revenue fell": another clause
    return terms[0].segment


def _opening_line(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> str | None:
    """'Its growing services, mainly iCloud and Music, have shown revenue growth of 9%': a
    sentence that opens with a business line as its subject tells that line's figures, unless
    one is called the total or stands in a clause set against it."""
    opening = _OPENING_LINE.match(ctx.text, sentence.start, fact.term.start)
    if opening is None:
        return None
    if _TOTAL_BEFORE.search(ctx.text, max(sentence.start, fact.term.start - 25), fact.term.end):
        return None
    if CLAUSE.search(ctx.text, opening.end(), fact.term.start) or _CONTRAST.search(
        ctx.text, opening.end(), fact.term.start
    ):
        return None
    return canonical_segment(opening.group("seg"))


def _name_before(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> str | None:
    """A product or place named right before the figure that we do not know as a business line
    ("Ozempic sales", "Wegovy revenue"): the figure is that line's, named as written."""
    start = fact.term.start
    match = _CAPITALISED_BEFORE.search(ctx.text, max(sentence.start, start - 30), start)
    if match is None or any(
        g.end > match.start() for g in ctx.groups_in(sentence.start, match.end())
    ):
        return None  # nothing capitalised, or a company we know ("Apple sales", "Gen Digital's")
    word = match.group("word")
    low = word.lower()
    if low in _NOT_A_LINE or _MONTH_OR_QUARTER.match(word):
        return None
    return "_".join(low.replace("-", " ").split())


def _sentence_segment(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> str | None:
    """A business line named in the sentence ("its cloud computing division") or referred to
    ("this segment": the last one named in the two sentences before)."""
    # "Within its chip business, Qualcomm said mobile handsets generated $6.69 billion": the
    # line that generated the figure, before the unit the sentence is set in
    if _WHOLE_BEFORE.search(ctx.text, max(sentence.start, fact.term.start - 25), fact.term.end):
        return None  # "Its services business grew, while total revenue rose 2%"
    doer = _LINE_SUBJECT.search(ctx.text, sentence.start, fact.anchor)
    if doer is not None:
        return canonical_segment(doer.group("seg"))
    unit = _one_unit(ctx, sentence)
    if unit is not None:
        return unit
    subject = _segment_subject(ctx, sentence, fact) or _opening_line(ctx, sentence, fact)
    if subject is not None:
        return subject
    if not SEGMENT_ANAPHORA.search(ctx.text, sentence.start, fact.anchor):
        return None
    return _referred_segment(ctx, sentence)


def _referred_segment(ctx: DocumentContext, sentence: Sentence) -> str | None:
    """The business line 'this segment' refers to: in the nearest of the two sentences before
    that names one, the line named as a unit ("its Services segment"), else its one line. A
    sentence that itself says "the segment" passes the reference on ("revenue from the segment,
    including advertising and the App Store": the lines listed are parts, not the segment); a
    sentence naming several lines and no unit leaves it unknown."""
    for previous in reversed(ctx.sentences[max(0, sentence.index - 2) : sentence.index]):
        unit = _one_unit(ctx, previous)
        if unit is not None:
            return unit
        if SEGMENT_ANAPHORA.search(ctx.text, previous.start, previous.end):
            continue
        named = {
            canonical_segment(m.group("seg"))
            for m in SEGMENT_NAME.finditer(ctx.text, previous.start, previous.end)
        }
        named.discard(None)
        if named:
            return named.pop() if len(named) == 1 else None
    return None


def _one_unit(ctx: DocumentContext, sentence: Sentence) -> str | None:
    """The one business line `sentence` names as a unit ("its cloud computing division"), or
    None when it names none or several."""
    units = {
        canonical_segment(m.group("seg"))
        for m in segment_units(ctx.text, sentence.start, sentence.end)
    }
    units.discard(None)
    return units.pop() if len(units) == 1 else None
