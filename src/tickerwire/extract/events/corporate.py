"""What companies do: launches, deals, purchases, plans, listings, leadership, payouts.

Each type is a few structural patterns around its cue words (see `generic.GenericRule`). A cue
word alone is never enough: "since its launch in 2019" is no launch, "customer acquisition" no
purchase, "dividend policy" and "dividend yield" no payout, "investors" no investment plan.
"""

from __future__ import annotations

from tickerwire.extract.events.generic import WEAK, GenericRule, compile_rule

# Nouns that a launch can be about: a launch of "an investigation" or "a bid" is not a product.
_PRODUCT_NOUN = (
    r"(?:models?|chips?|processors?|semiconductors?|phones?|iPhones?|smartphones?|devices?|"
    r"headsets?|glasses|cars?|vehicles?|EVs?|SUVs?|drugs?|vaccines?|treatments?|therap(?:y|ies)|"
    r"apps?|applications?|platforms?|services?|features?|products?|tools?|assistants?|"
    r"chatbots?|bots?|software|systems?|technolog(?:y|ies)|versions?|editions?|laptops?|PCs?|"
    r"computers?|consoles?|games?|networks?|satellites?|cards?|subscriptions?|LLMs?|"
    r"agents?|robots?|robotaxis?|watch(?:es)?|tablets?|servers?|accelerators?|GPUs?|CPUs?|"
    r"lineup|line-up|range|family|series|offerings?|solutions?)"
)
_NAMED = r"(?-i:[A-Z][\w.+-]*\d[\w.+-]*|[A-Z][a-z]+[A-Z][\w.+-]*)"  # Qwen2.5-Max, iPhone-style
_OBJECT = r"(?P<obj>(?:[^,;.()]|\.(?=\d)){2,90}?)"
_LAUNCH_REJECT = compile_rule(
    r"\b(?:investigation|probe|inquiry|bid|offer|review|study|report|results|earnings|data|"
    r"statement|tariffs?|lawsuit|buyback|repurchase|IPO|campaign|attack|strike|appeal|"
    r"figures|numbers|guidance|forecast|outlook)\b|"
    # a launch someone else asks for ("a panel recommended the introduction of a new system")
    r"\b(?:recommend\w*|propos\w*|urg(?:ed|es|ing)|call(?:ed|s|ing)\s+for|suggest\w*)\s+"
    r"(?:the\s+|an?\s+)?(?:launch\w*|introduc\w*|unveil\w*|roll(?:out|ing\s+out)|release)"
)

PRODUCT_LAUNCH = (
    GenericRule(
        "product_launch",
        compile_rule(
            rf"""(?P<cue>\b(?:launch(?:ed|es)|unveil(?:ed|s)|introduc(?:ed|es)|
            roll(?:ed|s)\s+out|debut(?:ed|s)|open[\s-]sourced|releas(?:ed|es)|
            (?:began|begins|starts?|started)\s+(?:(?:U\.S\.|US|global|worldwide)\s+)?
            (?:selling|sales\s+of|shipping|shipments\s+of)|
            (?:will|would|(?:plans?|planning|aims?|intends?|is\s+set|are\s+set|expects?|
            (?:is\s+|are\s+)?expected|prepares?|preparing|hopes?|wants?|seeks?)\s+to)\s+
            (?:launch|unveil|introduce|
            roll\s+out|debut|release|start\s+selling)))\s+{_OBJECT}
            (?=[,;.()]|\s+(?:to|for|in|on|at|that|which|with|as|after|based|across|amid|
            this|next|later)\b|$)"""
        ),
        role="product",
        fallback=True,
        reject=_LAUNCH_REJECT,
    ),
    GenericRule(
        "product_launch",
        # "the launch of its Qwen model", "the startup's introduction of its V2 model"; not "since
        # its launch in 2019" (no object) and not a launch told as a past reference point.
        compile_rule(
            rf"""(?<!\b(?:since|after|before|until)\s+(?:the\s+|its\s+|their\s+)?)
            (?P<cue>\b(?:launch|unveiling|introduction|rollout|roll-out|debut|release))\s+of\s+
            {_OBJECT}(?=[,;.()]|\s+(?:signifies|marks|is|was|has|had|represents|shows|in|on|at|
            to|for|that|which|this|next|last)\b|$)"""
        ),
        confidence=WEAK,
        role="product",
        fallback=True,
        reject=_LAUNCH_REJECT,
    ),
    GenericRule(
        "product_launch",
        # "is developing an in-house server chip", "efforts to develop its own AI model"
        compile_rule(
            rf"""(?P<cue>(?:(?<!\bto\s)\b(?:develop(?:ing|s|ed)|design(?:ing|ed)|building|
            development\s+of|working\s+on)|\b(?:plans?|planning|aims?|intends?|efforts?|
            effort|set|expects?|prepares?|preparing|hopes?|wants?|seeks?)\s+to\s+(?:develop|
            design|build)))\s+(?P<obj>(?:its\s+own\s+|a\s+|an\s+|the\s+|new\s+|
            proprietary\s+|in-house\s+|custom(?:-designed)?\s+|next-generation\s+)+
            (?:[\w-]+\s+){{0,3}}?(?:{_PRODUCT_NOUN}|{_NAMED}))\b"""
        ),
        confidence=WEAK,
        role="product",
        fallback=True,
    ),
)

_PARTY_OBJECT = r"(?P<obj>[^,;.()]{2,60}?)(?=[,;.()]|\s+(?:to|for|in|on|that|which|as|after)\b|$)"
# A sentence telling a tie-up ended or given up ("planned a platform with Rivian but walked
# away", "scrapped its alliance with ...") tells no partnership.
_DEAL_ENDED = compile_rule(
    r"""\b(?:walk(?:ed|s|ing)?\s+away|pull(?:ed|s|ing)?\s+out|back(?:ed|s|ing)?\s+out|
    call(?:ed|s|ing)?\s+off|scrap(?:ped|s|ping)?|abandon(?:ed|s|ing)?|terminat(?:ed|es|ing)|
    dissolv(?:ed|es|ing)|sever(?:ed|s|ing)|cut\s+ties|br(?:oke|eaks?|eaking)\s+off|
    (?:ended|ends|ending|exited|exits|quit)\s+(?:the|its|their|a|an)\s+(?:[\w-]+\s+){0,3}?
    (?:partnership|collaboration|alliance|tie-up|joint\s+venture|deal|pact|agreement))\b"""
)
PARTNERSHIP = (
    GenericRule(
        "partnership",
        compile_rule(
            rf"""(?P<cue>\b(?:partner(?:ed|s|ing)?|team(?:ed|s|ing)?\s+up|
            collaborat(?:ed|es|ing)|(?:is|are|was|were|has\s+been|have\s+been)\s+working|
            (?:signed|reached|struck|inked|entered(?:\s+into)?|announced|formed|renewed|
            expanded|extended|agreed)\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){{0,3}}?
            (?:partnership|deal|agreement|pact|alliance|tie-up|joint\s+venture|collaboration)|
            (?:partnership|collaboration|alliance|tie-up|joint\s+venture)))\s+with\s+
            {_PARTY_OBJECT}"""
        ),
        role="partner",
        reject_sentence=_DEAL_ENDED,
        reject=compile_rule(r"\bsupply\s+(?:deal|agreement|contract|pact)\b"),
    ),
    GenericRule(
        "partnership",
        # "Sony and Honda have partnered to build ...": the partner is the other subject
        compile_rule(
            r"""(?-i:(?P<obj>\b[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}))\s+(?:have|has|had)\s+
            (?P<cue>(?:collaborated|partnered|teamed\s+up|joined\s+forces|formed\s+a\s+
            (?:partnership|joint\s+venture|alliance)))\b"""
        ),
        role="partner",
        reject_sentence=_DEAL_ENDED,
    ),
    GenericRule(
        "partnership",
        # "expanding into PCs, with partners such as Dell and Lenovo": the partners named
        compile_rule(
            r"""(?P<cue>\b(?:with|its|their)\s+(?:[\w-]+\s+)?partners\s+(?:such\s+as|including|
            like))\s+(?-i:(?P<obj>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,3}))"""
        ),
        role="partner",
        reject_sentence=_DEAL_ENDED,
        fallback=True,
    ),
)

_COMPANY_OBJECT = (
    r"(?P<obj>(?:a\s+|the\s+)?(?:[a-z-]+\s+){0,3}?[A-Z][^,;.()]{1,60}?)"
    r"(?=[,;.()]|\s+(?:for|in|at|from|to|that|which|as|after|last|this|and\s+said)\b|$)"
)
ACQUISITION = (
    GenericRule(
        "acquisition",
        compile_rule(
            rf"""(?P<cue>\b(?:acquir(?:e|es|ed|ing)|(?:agreed|agrees|agreeing|plans?|planning|
            offered|offers|moved|moves|deal|bid|bids|bidding)\s+to\s+(?:buy|acquire|purchase|
            take\s+over)|(?:buy(?:s|ing)?|bought)\s+out|took\s+over|takes\s+over|
            (?:acquisition|purchase|takeover|buyout|merger|tie-up)\s+(?:of|with)|
            merg(?:e|es|ed|ing)\s+with|(?:takeover|buyout)\s+(?:bid|offer|approach)\s+for))\s+
            {_COMPANY_OBJECT}"""
        ),
        role="target",
        # "approved the merger of a wholly-owned subsidiary of Emerson": the way a buyer's
        # unit absorbs the subject; the named company is the buyer, not the target.
        reject=compile_rule(
            r"\b(?:customers?|users?|talent|shares|stakes?|stock|land|costs?|subscribers?|"
            r"data|rights|licen[cs]es?|(?:merger|merg(?:e|es|ed|ing))\s+(?:of|with)\s+"
            r"(?:a|an|the|its)\s+(?:wholly[\s-]owned\s+)?(?:subsidiary|unit)\s+of)\b"
        ),
    ),
)

_PLAN = (
    r"(?:will|would|plans?\s+to|planned|planning|set\s+to|committed\s+to|commits\s+to|"
    r"pledged\s+to|pledges\s+to|aims?\s+to|intends?\s+to|is\s+to|are\s+to|going\s+to|"
    r"expects?\s+to|projected|projects|forecast|budget(?:ed|s)?|earmark(?:ed|s)|"
    r"over\s+the\s+next|this\s+year|next\s+year|in\s+(?:the\s+)?coming|to\s+(?:boost|raise|"
    r"increase|double|ramp\s+up))"
)
INVESTMENT_PLAN = (
    GenericRule(
        "investment_plan",
        # a plan word in the clause before the cue: "committed to aggressively investing in AI",
        # "projected higher spending this year on servers", "its 2024 capital expenditures
        # would reach $30 billion", "set to begin its heaviest spending phase yet"
        compile_rule(
            rf"""(?:{_PLAN})\b[^;.]{{0,60}}?(?P<cue>\b(?:invest(?:s|ed|ing|ments?)?|
            spend(?:s|ing)?|capital\s+(?:expenditures?|spending)|capex|outlays?|
            (?:higher|rising|increased)\s+costs\s+to\s+(?:develop|build)|
            (?:planned\s+)?funding|
            # "plans to pour $10 billion into data centers", "the billions it plans to pour
            # into": money poured (not "funnel customers into its services")
            (?:pour|plow|plough|funnel|pump)(?:s|ing)?(?=\s+(?:[^;.]{{0,40}}?(?:\$|billion|
            million|money|cash|capital|dollars|funds)[^;.]{{0,30}}?\s+)?into\b))\b)(?!\s+(?:advice|director|bank|banking|research|firm|
            managers?|strategists?|officer|grade|thesis|case|portfolio|vehicles?|funds?|
            community|clients?|sentiment|returns?))"""
        ),
        fallback=True,
        fact_level="forecast",
    ),
    GenericRule(
        "investment_plan",
        # the plan word after the cue: "its spending on data centers would jump this year",
        # "its outlays on data centres in the coming two years would top all it spent before"
        compile_rule(
            r"""(?P<cue>\b(?:invest(?:ments?|ing)|spending|capital\s+(?:expenditures?|
            spending)|capex|outlays?|(?:planned\s+)?funding))\s+(?:on|in|for)?\s*
            [^;.]{0,60}?\b(?:would|will|is\s+set\s+to|are\s+set\s+to|to\s+(?:reach|rise|jump|
            exceed|double)|(?:is|are)\s+(?:likely|expected)\s+to)\s+(?:reach|rise|jump|exceed|
            double|increase|grow|climb|top|be)\b"""
        ),
        fallback=True,
        fact_level="forecast",
    ),
)

# What a company splits off as a company of its own.
_UNIT = r"(?:units?|business(?:es)?|divisions?|subsidiar(?:y|ies)|arms?|operations|segments?)\b"
LISTING = (
    GenericRule(
        "listing",
        compile_rule(
            rf"""(?P<cue>\b(?:(?-i:IPOs?)|initial\s+public\s+offerings?|(?:Hong\s+Kong|New\s+York|
            Nasdaq|NYSE|Shanghai|Shenzhen|London|U\.S\.|US|stock[\s-]market|public|secondary|
            dual|primary)\s+listing|listing\s+(?:in|on)\s+(?-i:[A-Z])|spin[\s-]?off|
            went\s+public|go(?:es|ing)?\s+public|(?:market|trading|stock[\s-]market)\s+debut|
            debut(?:ed|s)?\s+on\s+the|demerger|
            # a unit split off as a company of its own: "hived off its consumer health unit",
            # "spun off Kenvue", "plans to carve out its cloud business", "demerge its unit";
            # not "carved out a niche" nor "spun off from its parent" (told of the unit)
            (?:(?:spun|spins|spinning|hived?|hives|hiving)\s+off|carv(?:e|ed|es|ing)\s+out|
            demerg(?:e|ed|es|ing))\s+(?:(?:its|the|their|a)\s+(?:[\w&'-]+\s+){{0,4}}?
            {_UNIT}|(?-i:[A-Z])\w+)))"""
        ),
        confidence=WEAK,
        actor_types=("company",),
        fallback=True,
        require_actor=False,
        reject=compile_rule(
            r"\b(?:cancel\w*|scrap\w*|withdr[ae]w\w*|suspend\w*|halt\w*|shelv\w*|abort\w*|"
            r"pull\w*)\b"
        ),
    ),
)

_TITLE = (
    r"(?:CEO|chief\s+executive(?:\s+officer)?|CFO|chief\s+financial\s+officer|COO|CTO|"
    r"chairman|chairwoman|chair|president|head)"
)
# A sentence about the economy's labour figures tells layoffs as a statistic ("the ADP report
# and weekly jobless claims", "announced layoffs" in a calendar of data), no company's cut.
_LABOR_DATA = compile_rule(
    r"""\b(?:economic\s+(?:reports?|data|calendar|releases?|indicators?)|(?:jobs|employment|
    payrolls?|labou?r\s+market)\s+(?:reports?|data|figures|numbers)|private\s+payrolls|
    nonfarm\s+payrolls|jobless\s+claims|ADP\s+(?:report|data|survey|figures|national))\b"""
)
MANAGEMENT = (
    GenericRule(
        "management",
        compile_rule(
            rf"""(?P<cue>\b(?:appoint(?:ed|s)|nam(?:ed|es)|hir(?:ed|es)|promot(?:ed|es)|
            tapped|elevat(?:ed|es))\b)\s+[^;.]{{0,60}}?\b(?:as|to\s+be|its\s+new|new)\s+
            (?:its\s+)?(?:new\s+)?(?:interim\s+)?{_TITLE}\b"""
        ),
        fallback=True,
    ),
    GenericRule(
        "management",
        compile_rule(
            rf"""\b{_TITLE}\b[^;.]{{0,60}}?(?P<cue>\b(?:resign(?:ed|s)?|step(?:ped|s)?\s+down|
            stepping\s+down|retir(?:e|ed|es|ing)|(?:was|were|has\s+been)\s+(?:fired|ousted|
            replaced|dismissed)|depart(?:ed|s)|left\s+the\s+company|will\s+leave)\b)"""
        ),
        actor_types=("company", "person"),
        require_actor=False,
    ),
    GenericRule(
        "management",
        compile_rule(
            rf"""(?P<cue>\bdeparture\s+(?:from|of)\s+(?:the\s+|its\s+)?(?:\w+\s+)?{_TITLE}|
            {_TITLE}\s+(?:succession|departure|shake-?up|change))"""
        ),
        actor_types=("company", "person"),
        require_actor=False,
        confidence=WEAK,
    ),
    GenericRule(
        "management",
        # workforce cuts: "let go of about 8,000 workers", "laying off 5% of staff"
        compile_rule(
            r"""(?P<cue>\b(?:lay(?:s|ing)?\s+off|laid\s+off|let\s+go(?:\s+of)?|cut(?:s|ting)?|
            slash(?:ed|es|ing)|eliminat(?:ed|es|ing)|shed(?:s|ding)?)\s+(?:about\s+|nearly\s+|
            some\s+|roughly\s+|more\s+than\s+|over\s+|around\s+)?[\d,.]+%?\s*(?:\w+\s+){0,2}?
            (?:of\s+(?:its|their)\s+)?(?:jobs|employees|workers|staff|positions|roles|
            workforce|people|headcount)\b|\b(?:mass\s+)?layoffs\b|\bjob\s+cuts\b|
            \bworkforce\s+reduction\b|\bheadcount\s+(?:reduction|cuts?)\b|
            \b(?:aggressive\s+)?cost[\s-]cut(?:s|ting)\b|\brestructuring\s+(?:plan|program|
            effort|charges?)\b)"""
        ),
        fallback=True,
        confidence=WEAK,
        reject_sentence=_LABOR_DATA,
    ),
    GenericRule(
        "management",
        compile_rule(r"(?P<cue>\b(?:pay|compensation)\s+package)\b"),
        actor_types=("company", "person"),
        require_actor=False,
        confidence=WEAK,
    ),
)

_AMOUNT_WORDS = r"(?:\$[\d.,]+|[\d.,]+\s*(?:cents?|dollars?)|US\$[\d.,]+)"
DIVIDEND = (
    GenericRule(
        "dividend",
        compile_rule(
            rf"""(?P<cue>\b(?:declar(?:ed|es|ing)|announc(?:ed|es)|initiat(?:ed|es|ing)|
            rais(?:ed|es|ing)|increas(?:ed|es)|hik(?:ed|es)|boost(?:ed|s)|cut(?:s|ting)?|
            slash(?:ed|es)|suspend(?:ed|s)|reinstat(?:ed|es)|issu(?:ed|es|ing)|pay(?:s)?|paid|
            approv(?:ed|es)|unveil(?:ed|s)|will\s+pay|(?:is|are)\s+paying)\s+
            (?:out\s+)?(?:(?:a|an|its|the|their|our|first|first-ever|maiden|quarterly|cash|
            special|regular|annual|increased|interim|final|semi-annual|higher|lower|small|tiny|
            growing|forward|modest|hefty|{_AMOUNT_WORDS}|but)\s+){{0,5}}dividends?)\b
            (?!\s+(?:policy|stocks?|investors?|aristocrats?|ETFs?|funds?|growth\s+investing))"""
        ),
        fallback=True,
        habitual=compile_rule(r"(?:pay(?:s|ing)?|paid|(?:is|are)\s+paying)\s+(?:out\s+)?dividends"),
    ),
    GenericRule(
        "dividend",
        compile_rule(
            r"""(?P<cue>\b(?:(?:first|first-ever|maiden|quarterly|special|increased|regular|
            cash|new)\s+dividend\s+(?:declaration|payment|plan|of\b|would|will|is\s+payable)|
            dividend\s+(?:of\s+(?=\$|\d)|increase|hike|cut|is\s+payable|payable|will\s+be\s+paid|
            would\s+be\s+(?=\$|\d)|declaration)))"""
        ),
        fallback=True,
        confidence=WEAK,
    ),
)

BUYBACK = (
    GenericRule(
        "buyback",
        compile_rule(
            r"""(?P<cue>\b(?:authoriz|authoris|approv|announc|unveil|launch|expand|boost|
            increas|add|complet|resum|suspend|plann?)(?:e|es|ed|s)?\s+(?:a\s+|an\s+|its\s+|the\s+)?
            (?:(?:additional|new|fresh|further|accelerated)\s+)?(?:(?:US)?\$[\d.,]+\s*
            (?:billion|million|bn|m|trillion)?\s+)?(?:(?:in|of|worth\s+of)\s+)?(?:share|stock)?
            \s*(?:buy-?backs?|repurchases?))\b"""
        ),
        fallback=True,
    ),
    GenericRule(
        "buyback",
        compile_rule(
            r"""(?P<cue>\b(?:bought|buys|(?:will|to|plans\s+to)\s+buy)\s+back\b)|
            (?P<cue>\b(?:share|stock)\s+(?:buy-?back|repurchase)\s+(?:program|plan|
            authori[sz]ation)s?\b)|(?P<cue>\$[\d.,]+\s*(?:billion|million|bn)\s+
            (?:share\s+|stock\s+)?(?:buy-?back|repurchase))"""
        ),
        # "the amount of bonds the utility will buy back": debt bought back is no share buyback
        reject=compile_rule(r"\b(?:bonds?|notes|debentures?|debt|loans?)\b"),
        fallback=True,
    ),
)

SUPPLY_CHAIN = (
    GenericRule(
        "supply_chain",
        compile_rule(
            r"""(?P<cue>\b(?:[\w-]+\s+)?supply\s+(?:deal|agreement|contract|pact)s?)\b
            (?:\s+with\s+(?P<obj>[^,;.()]{2,60}?)(?=[,;.()]|\s+(?:to|for|in|on|that|which|as)\b
            |$))?"""
        ),
        role="partner",
        fallback=True,
    ),
    GenericRule(
        "supply_chain",
        compile_rule(
            r"""(?P<cue>\b(?:(?:biggest|largest|major|key|main|sole|top|leading|primary)\s+
            supplier\s+(?:of|to)|supplier\s+(?:to|for)\s+(?-i:[A-Z])|to\s+supply\s+
            (?:[\w-]+\s+){0,3}?(?:chips|components|parts|batteries|displays|panels|modems|
            processors|semiconductors|cells|engines|screens)|supply[\s-]chain\s+(?:disruptions?|
            problems|issues|constraints|bottlenecks|shortages?|snarls?)|shortages?\s+of\s+
            (?:chips|semiconductors|components|parts|memory|materials)))\b"""
        ),
        fallback=True,
        require_actor=False,
    ),
)
