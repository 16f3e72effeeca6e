"""What governments, courts, central banks and whole sectors do.

`government_policy` (subsidies, stimulus, tariffs, leaders' calls), `regulation` (crackdowns,
probes, fines, approvals, export curbs), `legal` (lawsuits, rulings), `macro` (data releases and
central-bank decisions) and `sector` (a group of stocks moving together). A cue alone does not
make one: "dividend policy" is no policy, "monetary policy" is macro, "the economy" in passing is
nothing; each needs its structure (an actor and an act, an indicator and its reading, a sector
noun and a move).
"""

from __future__ import annotations

from tickerwire.extract.events.generic import WEAK, GenericRule, compile_rule

# Names of governments and leaders, in lower case (rules read the lower-cased text); each
# branch starts with a word, so that the engine skips most positions at once.
_GOVERNMENT = (
    r"(?:\b(?:chinese|japanese|u\.s\.|us|federal|central|local|hong\s+kong|indian|german|"
    r"french|british|korean|taiwanese|european)\s+government|\bgovernment|\bbeijing|"
    r"\bwashington|\b(?:biden|trump)\s+administration|\bwhite\s+house|\bcongress|"
    r"\bstate\s+council|\b(?:[\w-]+\s+)?ministry(?:\s+of\s+\w+)?|\bpresident\s+\w+"
    r"(?:\s+\w+)?|\bpremier\s+\w+|\bxi(?:\s+jinping)?|\btrump)"
)
_POLICY_ACT = (
    r"(?:allocat\w+|announc\w+|unveil\w+|pledg\w+|approv\w+|impos\w+|introduc\w+|launch\w+|"
    r"expand\w+|extend\w+|urg\w+|encourag\w+|order\w+|ban(?:s|ned|ning)?|offer\w+|provid\w+|"
    r"rais\w+|lift\w*|eas\w+|promis\w+|vow\w+|call(?:s|ed)\s+(?:on|for)|back(?:s|ed|ing)|"
    r"support\w*|boost\w*|stimulat\w+|roll(?:s|ed)?\s+out|set\s+aside|earmark\w+|"
    r"intends?\s+to\s+impose|threaten\w*)"
)
GOVERNMENT_POLICY = (
    GenericRule(
        "government_policy",
        compile_rule(
            rf"""(?P<obj>{_GOVERNMENT})(?:'s)?\s+(?:\w+\s+){{0,2}}?(?P<cue>{_POLICY_ACT})\b"""
        ),
        role="authority",
        actor_types=(),
    ),
    GenericRule(
        "government_policy",
        compile_rule(
            r"""(?P<cue>\b(?:(?:trade-in|consumption|consumer|EV|car|property|housing|chip|
            farm|energy|green|government|state)\s+subsid(?:y|ies)|subsid(?:y|ies|ised|ized)\s+
            (?:program(?:me)?s?|schemes?|plans?|for|to)|stimulus\s+(?:measures|package|plans?|
            policies|programs?|spending|steps)|(?:government|state|policy|official)\s+
            (?:initiatives?|support|policies|programs?|funding|stimulus|backing|measures)|
            tax\s+(?:cuts?|credits?|breaks?|incentives|hikes?|rebates?)|
            impos\w+\s+(?:\w+\s+){0,2}?tariffs|tariffs?\s+(?:on|of)\s+(?:\w+\s+){0,2}?
            (?:imports|goods|products|chips|semiconductors|\d)|(?:trade-in|equipment\s+upgrade)
            \s+(?:\w+\s+)?(?:policies|programs?|schemes?)))\b"""
        ),
        actor_types=(),
        confidence=WEAK,
    ),
)

_REGULATOR = (
    r"(?:regulators?|authorities|watchdogs?|sec|ftc|samr|csrc|cac|doj|fda|eu|"
    r"European\s+Commission|Justice\s+Department|antitrust\s+\w+|competition\s+\w+)"
)
# An approval named as a condition of a deal ("subject to shareholder and regulatory
# approval", "pending antitrust clearance") is the deal's term, no regulator's act.
_DEAL_CONDITION = compile_rule(
    r"""\b(?:subject\s+to|pending|conditional\s+(?:on|upon)|contingent\s+(?:on|upon)|
    receipt\s+of|customary|requires?|required|needs?|await(?:s|ed|ing)?|seek(?:s|ing)?|sought|
    expects?|expected|anticipates?|hopes?\s+(?:for|to\s+(?:win|get|receive|obtain)))\s+
    (?:[\w,-]+\s+){0,4}?(?:regulatory|
    antitrust)\s+(?:approvals?|reviews?|clearances?)\b"""
)
REGULATION = (
    GenericRule(
        "regulation",
        compile_rule(
            # not the last of a list of kinds ("its macro, competitive, and regulatory
            # challenges"): a list of risks in general, no regulator's act
            # nor one of a pair of kinds ("faces legal and regulatory challenges"); nor an
            # approval still to come ("regulatory approval for the drug is expected in May")
            r"""(?P<cue>\b(?:(?<!,\s+(?:and\s+|or\s+)?)(?<!\b(?:legal|political|economic|
            competitive|operational|geopolitical|financial|macro|legislative|tax)\s+(?:and|or)\s+)
            (?:regulatory|antitrust|anti-monopoly)\s+(?:crackdown|clampdown|
            scrutiny|probes?|investigations?|pressures?|hurdles?|challenges|headwinds|actions?|
            reviews?|approvals?(?!\s+(?:for\s+(?:[\w-]+\s+){1,5}?)?(?:is|are|was|were)\s+
            (?:still\s+|now\s+|also\s+)?(?:expected|anticipated|pending|likely|needed|required|
            due|sought))|fines?|penalt(?:y|ies)|constraints|concerns|issues|uncertainty|
            stances?|friction|overhang|environment|allegations|charges|rules|laws?|risks?)|
            (?:crackdown|clampdown)\s+(?:on|by)|(?:forced|ordered|fined|penali[sz]ed|
            approved|cleared|blocked)\s+by\s+(?:\w+\s+)?(?:regulators?|authorities|watchdogs?)|
            landscape\s+of\s+regulations|(?:export|chip|technology|trade)\s+(?:restrictions|
            controls|curbs|bans?)|restrictions\s+on\s+(?:\w+\s+){0,3}?(?:exports?|imports?|
            sales|chips|semiconductors)))\b"""
        ),
        actor_types=("company",),
        require_actor=False,
        confidence=WEAK,
        skip_hedged=True,
        reject=_DEAL_CONDITION,
    ),
    GenericRule(
        "regulation",
        compile_rule(
            rf"""(?P<obj>\b{_REGULATOR})\s+(?:\w+\s+){{0,2}}?(?P<cue>(?:fined|approved|blocked|
            probed|investigat\w+|ordered|forced|cleared|banned|rejected|charged|penali[sz]ed|
            opened\s+(?:a|an)\s+(?:probe|investigation)|launched\s+(?:a|an)\s+(?:probe|
            investigation)))\b"""
        ),
        role="authority",
        actor_types=(),
    ),
)

LEGAL = (
    GenericRule(
        "legal",
        compile_rule(
            r"""(?P<obj>\b(?:a|the)?\s*(?:[\w.-]+\s+){0,2}?(?:judge|court|jury|tribunal|
            arbitrator))\s+(?:\w+\s+){0,2}?(?P<cue>(?:ruled|rules|tossed\s+out|threw\s+out|
            struck\s+down|blocked|dismissed|ordered|found|rejected|sided|upheld|overturned|
            voided|invalidated|awarded|fined|approved)\b)"""
        ),
        role="authority",
        actor_types=(),
    ),
    GenericRule(
        "legal",
        compile_rule(
            r"""(?P<cue>\b(?:(?:filed|files|file|faces|facing|face|settled|settles|settle|won|
            lost|loses|wins)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,2}?(?:lawsuits?|suits?|
            complaints?|litigation|class\s+actions?|court\s+cases?)|sued|sues|suing|
            (?:antitrust|patent|class[\s-]action|securities|copyright)\s+(?:lawsuits?|suits?|
            trials?|litigation|cases?)|(?:settlement|verdict)\s+(?:with|of|in)\b))"""
        ),
        actor_types=("company", "person"),
        require_actor=False,
    ),
    GenericRule(
        "legal",
        # "agreed to pay $2 billion to resolve allegations that it ...", "steps to settle
        # accusations that its talc caused cancer": a claim against it being settled. Not
        # "settled insurance claims" (an insurer's business): "claims" and "charges" count only
        # when told as allegations ("claims that ...").
        compile_rule(
            r"""(?P<cue>\b(?:resolv(?:e|es|ed|ing)|settl(?:e|es|ed|ing)|resolution\s+of|
            settlement\s+of)\s+(?:the\s+|those\s+|these\s+)?(?:[\w-]+\s+){0,2}?
            (?:allegations|accusations|(?:claims|charges)\s+that))\b"""
        ),
        actor_types=("company",),
        fallback=True,
        require_actor=False,
    ),
)

_BANK = (
    r"(?:federal\s+reserve|fed|central\s+bank|ecb|boj|pboc|boe|fomc|bank\s+of\s+(?:japan|"
    r"england|canada|korea|china)|european\s+central\s+bank|people's\s+bank\s+of\s+china)"
)
_READING = (
    r"(?:rose|fell|increased|decreased|grew|jumped|climbed|dropped|declined|slowed|cooled|"
    r"accelerated|eased|came\s+in|ticked\s+(?:up|down)|missed|beat|topped|surged|slumped|"
    r"edged\s+(?:up|down)|held|stood|was|were|reached|hit|remained|showed|declining|rising|"
    r"falling|slowing|cooling|easing|accelerating|climbing|moderating)"
)
# Words without which the macro patterns cannot match (a cheap test before each pattern).
_INDICATOR_WORDS = (
    *("payroll", "job", "unemployment", "inflation", "price", "cpi", "ppi", "gdp", "pmi"),
    *("retail sales", "productivity", "labor cost", "yield", "economy", "output", "factory"),
    "consumer",
)
_BANK_WORDS = ("fed", "reserve", "central bank", "ecb", "boj", "pboc", "boe", "fomc", "bank of")
# Who forecasts a data release: "Economists expect ...", "economists polled by Reuters see",
# "a Reuters poll of economists forecast"; or the release "is expected to show".
_DATA_FORECAST = compile_rule(
    r"""\b(?:economists|forecasters|strategists|analysts)\s+(?:polled\s+by\s+[\w\s]{1,20}?\s+|
    surveyed\s+by\s+[\w\s]{1,20}?\s+)?(?:expect|expected|forecast|forecasted|predict|predicted|see|
    saw|estimate|estimated|project|projected)\b|\bpoll\s+of\s+economists\b|\b(?:is|are|was|were)
    \s+expected\s+to\s+(?:show|have|come|rise|fall|climb|drop|ease|hold|remain|tick)\b|
    \b(?:the|an?)\s+(?:expected|anticipated|forecast|projected)\s+(?:[\w-]+\s+)?(?:moderation|
    slowdown|slowing|recession|contraction|rebound|recovery|growth|cut|cuts|hike|hikes)\b"""
)
MACRO = (
    GenericRule(
        "macro",
        compile_rule(
            rf"""(?P<cue>\b(?:(?:non-farm\s+|private\s+)?payrolls?|jobs?\s+(?:report|data|
            figures|numbers|growth)|unemployment(?:\s+rate)?|jobless\s+(?:rate|claims)|
            inflation(?:\s+(?:rate|data|report|figures?|reading))?|(?:consumer|producer)\s+
            price\s+(?:index|inflation)|cpi|ppi|gdp|pmis?|retail\s+sales|job\s+openings|
            productivity|(?:unit\s+)?labor\s+costs|(?:treasury|bond)\s+yields?|
            (?:ten|10|two|2|30)[\s-]year\s+(?:treasury\s+)?yields?|economy|industrial\s+output|
            factory\s+activity|consumer\s+(?:confidence|sentiment))\b)\s+(?:\w+\s+){{0,3}}?
            {_READING}\b"""
        ),
        actor_types=(),
        anchors=(_INDICATOR_WORDS,),
        forecast_sentence=_DATA_FORECAST,
    ),
    GenericRule(
        "macro",
        compile_rule(
            rf"""(?P<obj>\b{_BANK})(?:'s)?\s+(?:\w+\s+){{0,4}}?(?P<cue>(?:decision|meeting|
            rate\s+(?:cut|hike|decision)s?|policy\s+(?:decision|meeting|statement)|hike[sd]?|
            cut(?:s|ting)?\s+rates|held|holds?\s+rates|raised|lowered|kept|quashed|signaled|
            signalled|paused|minutes)\b)"""
        ),
        role="authority",
        actor_types=(),
        anchors=(_BANK_WORDS,),
        # "until the Fed starts to lower rates": a future move, not a decision taken
        reject=compile_rule(r"\b(?:begins?|starts?|begin|start)\s+to\b"),
    ),
    GenericRule(
        "macro",
        # the economy as a condition: "rising rates forced companies to cut spending", "amid
        # sticky inflation", "lower shipments due to macroeconomic weakness"; not the rate of
        # loan or a product ("loans made at high interest rates", "lower interest rates on its
        # debt", "bonds that pay higher interest rates")
        compile_rule(
            r"""(?<!\b(?:at|with|pay|pays|paid|paying|charge|charges|charged|charging|offer|
            offers|offered|offering|earn|earns|earned|earning|carry|carries|carrying)\s)(?P<cue>\b(?:(?:rising|higher|high|elevated|soaring|surging|falling|
            lower|declining)\s+interest[\s-]rates(?!\s+on\b)|rising\s+rates|(?:rising|high|persistent|sticky|hot|
            cooling|easing|falling|elevated|soaring|stubborn|higher)\s+inflation|
            macro(?:economic)?\s+(?:weakness|headwinds|uncertainty|slowdown|downturn|environment\s+(?:improves|improved|worsens|worsened|weakens|
            weakened))))\b"""
        ),
        actor_types=(),
        anchors=(("rate", "inflation", "macro"),),
        confidence=WEAK,
    ),
    GenericRule(
        "macro",
        compile_rule(
            r"""(?P<cue>\b(?:interest[\s-]rate|rate)\s+(?:cuts?|hikes?|increases?|decisions?)|
            monetary\s+policy\s+(?:decision|meeting|easing|tightening)|(?:jobs|payrolls|
            inflation|CPI|GDP)\s+(?:report|data)\s+(?:showed|indicated|pointed))\b"""
        ),
        actor_types=(),
        anchors=(("rate", "monetary", "jobs", "payrolls", "inflation", "cpi", "gdp"),),
        confidence=WEAK,
        forecast_sentence=_DATA_FORECAST,
    ),
)

# A national or world economy named with a word of how it fares: "the U.S. economy appears to
# be demonstrating more resilience", "a moderation in the U.S. economy's growth trajectory",
# "fears that the Chinese economy is slowing". Not "Apple's services economy" (no country) nor
# "a big part of the U.S. economy" (no state of it told).
_ECONOMY_STATE = compile_rule(
    r"""\b(?:resilien(?:ce|t)|strength|robust(?:ness)?|slowdown|slow(?:s|ed|ing)|growth|
    moderat(?:ion|es|ed|ing)|recession(?:ary)?|soft\s+landing|hard\s+landing|contract(?:ion|s|
    ed|ing)|weak(?:ness|ening|ened|er)?|cool(?:s|ed|ing)|overheat(?:s|ed|ing)|expan(?:sion|ds|
    ded|ding)|rebound(?:s|ed|ing)?|recover(?:y|s|ed|ing)|stagnat(?:ion|es|ed|ing)|sputter(?:s|ed|
    ing)?|tightening)\b"""
)
MACRO_CONDITIONS = (
    GenericRule(
        "macro",
        compile_rule(
            r"""(?P<cue>\b(?:u\.s\.|us|american|global|world|chinese|china's|japanese|euro\s+zone|
            eurozone|european|german|british|uk|india's|indian)\s+econom(?:y|ies))\b"""
        ),
        near=_ECONOMY_STATE,
        actor_types=(),
        anchors=(("economy", "economies"),),
        confidence=WEAK,
        forecast_sentence=_DATA_FORECAST,
    ),
    GenericRule(
        "macro",
        compile_rule(
            # not "Fed easing" alone: told mostly as a hope ("no one is talking Fed easing")
            r"""(?P<cue>\b(?:(?:fed|federal\s+reserve|monetary(?:\s+policy)?|central\s+bank)\s+
            tightening|(?:tightening|easing|rate[\s-]hiking|rate[\s-]cutting)\s+cycle))\b"""
        ),
        actor_types=(),
        anchors=(("tightening", "easing", "cycle"),),
        confidence=WEAK,
        forecast_sentence=_DATA_FORECAST,
    ),
)
_SECTOR_NOUN = (
    r"(?:(?:Chinese|China's|Hong\s+Kong|U\.S\.|US|Asian|European|global|Japanese|broader|"
    r"domestic|regional|other)\s+)?(?:big\s+)?(?:tech|technology|chip|semiconductor|AI|"
    r"AI-related|AI-focused|bank|banking|energy|oil|auto|EV|property|real\s+estate|internet|"
    r"e-commerce|consumer|retail|financial|healthcare|health\s+care|pharma|biotech|software|"
    r"cloud|megacap|mega-cap|growth|utility|airline|travel|mining|steel|media|social\s+media|"
    r"telecom|communication\s+services|industrial|defen[cs]e|solar|gaming)[\s-]"
    r"(?:stocks|shares|sector|sectors|names|firms|companies|peers|giants|industry|index|"
    r"indices|space|plays|heavyweights|behemoths|counters|rally|selloff|sell-off|rout|"
    r"recovery|slump|rebound|resurgence|ecosystem|landscape)"
)
_SECTOR_MOVE = (
    r"(?:rall(?:y|ied|ies|ying)|rose|rising|fell|falling|gained|gains|lost|losses|surged?|"
    r"surging|slump(?:ed)?|recover(?:y|ed|ing)|rebound(?:ed)?|sell-?off|rout|declin(?:ed|e|ing)|"
    r"tumbl(?:ed|e)|dropped|climb(?:ed)?|boost(?:ed)?|lift(?:ed)?|catalyst|revival|resurgence|"
    r"upswing|momentum|optimism|frenzy|interest|outperform\w*|underperform\w*|jumped|soared|"
    r"sank|plunged|advanced|retreated|higher|lower|reawakening|headwinds)"
)
# A group of companies named by their trade, in the plural ("chipmakers", "regional lenders",
# "other social media firms"): with a move, a sector event. Not "central banks" or
# "investment banks" (a policy maker, a trade of advisers).
_TRADE_GROUP = (
    r"(?:(?:other|rival|fellow|peer|big|major|large|smaller|U\.S\.|US|Chinese|European|Asian|"
    r"Japanese|regional|mid-sized|midsize|global)\s+){0,2}(?<!\b(?:central|investment)\s)"
    r"(?:chipmakers|chip\s+makers|chip\s+designers|automakers|carmakers|drugmakers|airlines|"
    r"banks|lenders|miners|oil\s+majors|refiners|retailers|homebuilders|insurers|"
    r"social\s+media\s+(?:firms|companies|stocks|platforms|names))"
)
_GROUP_MOVE = (
    r"(?:rose|fell|gained|lost|climbed|dropped|slid|slumped|rallied|jumped|surged|tumbled|"
    r"declined|advanced|retreated|sank|plunged|soared|rebounded|edged\s+(?:up|down|higher|lower)|"
    r"(?:were|are)\s+(?:up|down|higher|lower)|(?:traded|trading|closed|ended)\s+(?:higher|lower))"
)
# A sector or a trade named anywhere ("bank stocks", "stocks of regional lenders"): what a
# view that names no company may be about.
SECTOR_GROUP = compile_rule(rf"\b(?:{_TRADE_GROUP}|{_SECTOR_NOUN})\b")

# A labour-market figure that moves: "planned layoffs climbed to a one-year high as employers
# in the technology sector ...". The move is the statistic's, so the sector named with it
# (where the jobs are) did not move: labour data, not a sector event.
_LABOUR_FIGURE = compile_rule(
    r"""\b(?:job[\s-]cuts?|layoffs|job\s+losses|job\s+openings|hiring|jobless\s+claims|
    payrolls|unemployment(?:\s+rate)?|employment)\s+(?:[\w-]+\s+){0,4}?(?:rose|fell|climbed|
    jumped|dropped|declined|surged|increased|decreased|hit|reached|slowed|accelerated|
    ticked\s+(?:up|down))\b"""
)
SECTOR = (
    GenericRule(
        "sector",
        compile_rule(rf"(?P<cue>\b{_SECTOR_NOUN}\b)"),
        # the sector must move or be moved: a move word near it in the sentence
        near=compile_rule(rf"\b{_SECTOR_MOVE}\b"),
        actor_types=(),
        confidence=WEAK,
        skip_hedged=True,
        reject_sentence=_LABOUR_FIGURE,
    ),
    GenericRule(
        "sector",
        compile_rule(
            r"""(?P<cue>\bsector(?:-wide|wide)\s+(?:rally|recovery|selloff|sell-off|rebound|
            slump|gains|losses|weakness|strength)|\bthe\s+sector(?:'s)?\s+(?:recovery|rally|
            rebound|selloff|slump|gains|losses)|\b(?:S&P\s+500|Nasdaq)\s+(?:[\w-]+\s+){1,3}
            sector\b)"""
        ),
        actor_types=(),
        confidence=WEAK,
    ),
    GenericRule(
        "sector",
        # "Chipmakers Nvidia and AMD both climbed about 2%", "other social media firms rose"
        compile_rule(
            rf"""(?P<cue>\b{_TRADE_GROUP})\b(?:\s+(?:such\s+as\s+|including\s+|like\s+)?
            (?:[^,;.]|\.(?=[^\s])){{1,80}}?)?\s+(?:(?:both|all|each|also|broadly)\s+)?
            {_GROUP_MOVE}\b"""
        ),
        actor_types=(),
        confidence=WEAK,
        skip_hedged=True,
        # "deposits by commercial banks rose": a banking statistic moved, not the trade's stocks
        reject=compile_rule(
            rf"""\b(?:deposits|loans|lending|borrowings?|reserves|assets|liabilities|credit|
            holdings|purchases|sales|demand)\s+(?:by|of|from|at|with|to)\s+(?:[\w-]+\s+)?
            {_TRADE_GROUP}\b"""
        ),
    ),
    GenericRule(
        "sector",
        # "concerns about the health of regional lenders resurfaced", "worries over U.S. banks"
        compile_rule(
            rf"""(?P<cue>\b(?:concerns?|worries|worry|fears?|jitters|anxiety|turmoil|stress)\s+
            (?:about|over|around|in|among)\s+(?:the\s+(?:health|state|stability|strength|
            outlook)\s+of\s+)?(?:the\s+)?(?:{_TRADE_GROUP}|{_SECTOR_NOUN}))\b"""
        ),
        actor_types=(),
        confidence=WEAK,
    ),
    GenericRule(
        "sector",
        # "as the smartphone industry slowly recovers", "the chip sector slumped"
        compile_rule(
            r"""(?P<cue>\b(?:[\w-]+\s+)?(?:industry|sector)\s+(?:\w+ly\s+)?(?:recover(?:s|ed)|
            rebound(?:s|ed)|slump(?:s|ed)|rall(?:y|ies|ied)|(?:is|was)\s+recovering|
            (?:is|was)\s+(?:struggling|slumping|booming)|struggled|boomed))\b"""
        ),
        actor_types=(),
        confidence=WEAK,
    ),
)
