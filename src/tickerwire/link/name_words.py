"""Word lists for finding people and organisations that are not in the reference list.

These are closed lists of ordinary English words, places and job titles; they tell a name
("Andy Wong", "Solomons Group") from a capitalised phrase that is not one ("In Hong Kong",
"Wall Street analysts", "Equity Research").
"""

from __future__ import annotations


def word_set(block: str) -> frozenset[str]:
    """The words of `block` (split on white space), for the word lists of the link stage."""
    return frozenset(block.split())


def _phrases(block: str) -> frozenset[str]:
    return frozenset(p.strip() for p in block.split("|") if p.strip())


# Capitalised words that never start or form a person's or an organisation's name: sentence
# openers, pronouns, calendar words, job titles, demonyms, generic market nouns.
STOP_WORDS: frozenset[str] = word_set(
    """
    The A An This That These Those There Here It Its He She His Her Him They Them Their We Our Us
    You Your I My Me In On At For From With By As But And Or Nor If When While After Before Since
    Until During Despite Although Though Because So Yet Still Also However Meanwhile Moreover
    Furthermore Overall Today Yesterday Tomorrow Last Next First Second Third Fourth Fifth Then
    Shares Share Stock Stocks Analysts Analyst Investors Investor Traders Trader Markets Market
    Chinese American European Asian Japanese British Korean Taiwanese Indian German French
    Canadian Australian Swiss Dutch Russian Global International National Federal State Wall
    Street Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
    May June July August September October November December Jan Feb Mar Apr Jun Jul Aug Sep
    Sept Oct Nov Dec Q1 Q2 Q3 Q4 H1 H2 FY CEO CFO COO CTO CIO AI EV EVs IPO ETF ETFs EPS GDP CPI
    Chief Executive Officer President Chairman Chairwoman Director Manager Senior Vice Head
    Managing Partner Founder Co-founder Mr Mrs Ms Dr Sir Prof Some Many Most Other Others Several
    Both Each Every All Any No Not Such What Which Who Whom Whose Why How Where According Read More
    Source Image Photo Related Click See Sign Subscribe Data Note Notes Update Breaking Report
    Reports Reporting Editing Writing Company Companies Industry Sector Tech Technology Business
    Economy Big Top High Low Key Major Leading Largest Biggest Strong Weak Total Net
    Revenue Sales Profit Earnings Quarter Year Week Day Month Fiscal Annual Quarterly Daily Morning
    Afternoon Evening Premarket Sell-side Buy-side Bottom Line Why What's Here's It's That's
    Let's Don't Isn't Aren't Can Could Should Would Will Shall May Might Must Do Does Did Is Are
    Was Were Be Been Being Have Has Had Per Via Vs Versus Amid Among Across Over Under Above Below
    Into Onto Upon About Around Through Throughout Without Within Against Along Following Ahead
    Once Even Just Only Much Very Well Again Already Always Never Now Soon Often Perhaps Rather
    Thus Hence Therefore Nevertheless Nonetheless Instead Otherwise Indeed Finally Additionally
    Similarly Likewise Plus Investing Investment Nasdaq Dow Fed Federal Reserve Treasury
    Government Congress Senate House White Capitol Motley Fool Zacks InvestorPlace Validea Image
    Premium Free Video Watch Listen Podcast Newsletter Disclosure Disclaimer Advertisement
    Sponsored Contact Terms Privacy Policy Copyright Rights Reserved Inc Corp Ltd LLC PLC
    Political Technical Military Diplomatic
    """
)

# Words that open a sentence or a clause and so are capitalised without being part of a name:
# cut off the front of a candidate organisation name ("When Powerchip Technology").
OPENERS: frozenset[str] = word_set(
    """
    The A An This That These Those There Here It Its He She His Her Him They Them Their We Our Us
    You Your I My Me In On At For From With By As But And Or Nor If When While After Before Since
    Until During Despite Although Though Because So Yet Still Also However Meanwhile Moreover
    Furthermore Overall Today Yesterday Tomorrow Then Monday Tuesday Wednesday Thursday Friday
    Saturday Sunday January February March April May June July August September October November
    December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Some Many Most Other Others Several
    Both Each Every All Any No Not Such What Which Who Whom Whose Why How Where According Read See
    Click Sign Subscribe Update Breaking Shares Analysts Investors Traders Per Via Vs Versus Amid
    Among Across Over Under Above Below Into Onto Upon About Around Through Throughout Without
    Within Against Along Following Ahead Once Even Just Only Much Very Well Again Already Always
    Never Now Soon Often Perhaps Rather Thus Hence Therefore Nevertheless Nonetheless Instead
    Otherwise Indeed Finally Additionally Similarly Likewise Plus Is Are Was Were Be Been Has Have
    Had Do Does Did Can Could Should Would Will Shall Might Must Let's It's That's Here's What's
    Image Source Photo Related
    """
)

# Places: a name that is only a place is no organisation or person ("Hong Kong", "Silicon Valley").
PLACES: frozenset[str] = _phrases(
    """
    Hong Kong|China|Beijing|Shanghai|Shenzhen|Guangzhou|Hangzhou|Taiwan|Taipei|Japan|Tokyo|
    Osaka|Korea|South Korea|Seoul|Singapore|India|Mumbai|New Delhi|US|U.S.|USA|America|
    United States|New York|Washington|California|Silicon Valley|San Francisco|Los Angeles|
    Chicago|Boston|Seattle|Texas|Austin|Dallas|Houston|Florida|Miami|Atlanta|Denver|London|
    Britain|Great Britain|UK|U.K.|England|Scotland|Ireland|Dublin|Europe|Germany|Berlin|
    Frankfurt|Munich|France|Paris|Italy|Milan|Rome|Spain|Madrid|Switzerland|Zurich|Geneva|
    Netherlands|Amsterdam|Belgium|Brussels|Sweden|Stockholm|Norway|Oslo|Denmark|Copenhagen|
    Finland|Russia|Moscow|Ukraine|Kyiv|Israel|Gaza|Iran|Iraq|Saudi Arabia|Riyadh|Dubai|
    Abu Dhabi|Qatar|Canada|Toronto|Vancouver|Montreal|Mexico|Brazil|Argentina|Chile|Australia|
    Sydney|Melbourne|New Zealand|Asia|Asia Pacific|Asia-Pacific|Pacific|Africa|South Africa|
    Middle East|Latin America|North America|Bengaluru|Bangalore|Gdansk|Omaha|Cupertino|Redmond|
    Macau|Macao|Vietnam|Indonesia|Jakarta|Malaysia|Thailand|Bangkok|Philippines|Manila|Turkey|
    Egypt|Nigeria|Kenya|Pakistan|Bangladesh|Greater China|Mainland China|Wall Street|
    Main Street|Hong Kong SAR|Kowloon|Chicago Board
    """
)

# Single words that name a department or a kind of firm, not a firm ("Research", "Capital").
GENERIC_ORG_WORDS: frozenset[str] = word_set(
    """
    Research Sales Marketing Operations Strategy Strategies Investments Investment Technology
    Technologies Products Engineering Finance Financial Communications Management Capital
    Securities Bank Banks Banking Group Holdings Holding Markets Market Equity Equities Trading
    Wealth Asset Assets Fund Funds Partners Advisors Advisers Advisory Economics Analytics
    Insights Intelligence Data Consulting Risk Policy Global Digital Retail Commerce Cloud Board
    Council Committee Department Ministry University Institute School College Business Asia
    Pacific Americas Europe Journal News Media Times Post Daily Weekly Office Bureau Agency Fixed
    Income Credit Rates Macro Private Public Family Foundation Services Solutions Systems Labs
    International National Global Worldwide Associates Ventures Exchange Insurance Trust Bancorp
    Brokerage Broker Brokers Desk Team Division Unit Segment Platform Network Networks Index
    Indices Indexes Industries Industrial Energy Health Care Healthcare Consumer Sector Tech
    Semiconductor Semiconductors Chip Chips Software Hardware Internet Online Mobile Stock Stocks
    Top Additional Invested Supply Chain Street Central Reserve Price Prices Target Rating Ratings
    Advisor Adviser Analyst Analysts Report Reports FX Forex Currency Currencies Commodities
    Chinese American European Asian Japanese British Korean Taiwanese Indian German French
    Canadian Australian Swiss Dutch Russian Italian Spanish Brazilian Mexican Smarter Smart
    Wall Street Big Tech Magnificent Seven Mag Fed Federal Reserve
    """
)

# Last words that make a capitalised phrase an organisation rather than a person.
ORG_SUFFIX_WORDS: frozenset[str] = word_set(
    """
    Group Holdings Holding Capital Securities Bank Research Partners Management Advisors Advisers
    Advisory Investments Associates Ventures Fund Funds Institute University Foundation Exchange
    Insurance Financial Markets Labs Technologies Systems Solutions Media News Agency Services
    Trust Bancorp Consulting Analytics Intelligence Economics Strategies Asset Assets Wealth
    Brokerage Equities Commission Ministry Department Bureau Council Committee Authority
    Administration Association Federation Corporation Company Companies Inc Corp Ltd Limited LLC
    LP PLC plc AG SA SE NV GmbH KGaA Co Partnership Society Board Office Fed Reserve Review
    Journal Times Post Daily Weekly Herald Tribune Gazette Telegraph Economist Insider Street
    School College
    """
)

LEGAL_FORMS: frozenset[str] = word_set(
    "Inc Corp Corporation Ltd Limited LLC PLC plc AG SA SE NV GmbH KGaA"
)

# Job words: after a person's name ("Vey Sern Ling, a senior equity advisor at UBP") or before
# it ("investment director Russ Mould", "CEO Eddie Wu").
ROLE_WORDS: tuple[str, ...] = (
    "analyst",
    "analysts",
    "strategist",
    "strategists",
    "economist",
    "economists",
    "advisor",
    "adviser",
    "director",
    "manager",
    "officer",
    "executive",
    "CEO",
    "CFO",
    "COO",
    "CTO",
    "CIO",
    "chairman",
    "chairwoman",
    "chair",
    "president",
    "founder",
    "co-founder",
    "cofounder",
    "partner",
    "head",
    "chief",
    "principal",
    "professor",
    "researcher",
    "trader",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "governor",
    "secretary",
    "portfolio manager",
    "fund manager",
    "specialist",
    "vice president",
    "managing director",
    "associate",
    "fellow",
    "editor",
    "lawyer",
    "attorney",
    "commissioner",
    "senator",
    "lawmaker",
    "official",
)

# Titles written before a person's name.
TITLE_WORDS: tuple[str, ...] = (
    "CEO",
    "CFO",
    "COO",
    "CTO",
    "CIO",
    "Chief Executive Officer",
    "Chief Executive",
    "Chief Financial Officer",
    "Chief Operating Officer",
    "Chief Technology Officer",
    "Chief Investment Officer",
    "Chairman",
    "Chairwoman",
    "Chair",
    "President",
    "Vice President",
    "Vice Premier",
    "Premier",
    "Prime Minister",
    "Governor",
    "Secretary",
    "Minister",
    "Senator",
    "Sen.",
    "Rep.",
    "Commissioner",
    "Chancellor",
    "founder",
    "co-founder",
    "analyst",
    "analysts including",
    "strategist",
    "economist",
    "director",
    "manager",
    "investor",
    "billionaire",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "partner",
    "trader",
)
