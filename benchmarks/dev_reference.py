"""A development stand-in for the linker: a small reference list and a regex gazetteer.

Used by the benchmark scripts until the real linker (`tickerwire.link`) ships its reference
list; then `extract_report.py --linker real` uses the pipeline's own linking instead.
"""

from __future__ import annotations

import regex

from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.records import CleanDocument, Entity, LinkedDocument, Mention


def _us(ticker: str, exchange: str = "XNAS") -> Listing:
    return Listing(ticker, exchange, "USD", "US", primary=True)


# id, name, aliases, listings
_COMPANIES: list[tuple[str, str, tuple[str, ...], tuple[Listing, ...]]] = [
    (
        "alibaba",
        "Alibaba Group Holding Ltd",
        ("Alibaba Group Holding Ltd.", "Alibaba Group Holding Ltd", "Alibaba Group", "Alibaba"),
        (
            Listing("9988.HK", "XHKG", "HKD", "HK", primary=True),
            Listing("BABA", "XNYS", "USD", "US"),
        ),
    ),
    (
        "tencent",
        "Tencent Holdings Ltd",
        ("Tencent Holdings Ltd", "Tencent"),
        (Listing("0700.HK", "XHKG", "HKD", "HK", True),),
    ),
    (
        "baidu",
        "Baidu Inc",
        ("Baidu Inc", "Baidu"),
        (Listing("9888.HK", "XHKG", "HKD", "HK"), _us("BIDU")),
    ),
    (
        "jd",
        "JD.com Inc",
        ("JD.com Inc", "JD.com"),
        (Listing("9618.HK", "XHKG", "HKD", "HK"), _us("JD")),
    ),
    (
        "nissan",
        "Nissan Motor Co",
        ("Nissan Motor Co", "Nissan"),
        (Listing("7201.T", "XTKS", "JPY", "JP", True),),
    ),
    ("apple", "Apple Inc", ("Apple Inc.", "Apple Inc", "Apple"), (_us("AAPL"),)),
    (
        "amazon",
        "Amazon.com Inc",
        ("Amazon.com Inc.", "Amazon.com, Inc.", "Amazon.com Inc", "Amazon.com", "Amazon"),
        (_us("AMZN"),),
    ),
    (
        "microsoft",
        "Microsoft Corp",
        ("Microsoft Corp", "Microsoft Corporation", "Microsoft"),
        (_us("MSFT"),),
    ),
    ("meta", "Meta Platforms Inc", ("Meta Platforms", "Meta"), (_us("META"),)),
    ("alphabet", "Alphabet Inc", ("Alphabet", "Google"), (_us("GOOGL"), _us("GOOG"))),
    ("nvidia", "Nvidia Corp", ("Nvidia", "NVIDIA"), (_us("NVDA"),)),
    (
        "amd",
        "Advanced Micro Devices",
        ("Advanced Micro Devices", "Advanced Micro", "AMD"),
        (_us("AMD"),),
    ),
    (
        "smci",
        "Super Micro Computer",
        ("Super Micro Computer", "Supermicro", "Super Micro"),
        (_us("SMCI"),),
    ),
    ("snap", "Snap Inc", ("Snap Inc", "Snap"), (_us("SNAP", "XNYS"),)),
    ("pinterest", "Pinterest", ("Pinterest",), (_us("PINS", "XNYS"),)),
    ("cigna", "Cigna", ("Cigna",), (_us("CI", "XNYS"),)),
    (
        "bms",
        "Bristol Myers Squibb",
        ("Bristol Myers Squibb", "Bristol-Myers Squibb"),
        (_us("BMY", "XNYS"),),
    ),
    ("microchip", "Microchip Technology", ("Microchip Technology", "Microchip"), (_us("MCHP"),)),
    ("skechers", "Skechers U.S.A", ("Skechers U.S.A", "Skechers"), (_us("SKX", "XNYS"),)),
    ("exxon", "Exxon Mobil", ("Exxon Mobil", "Exxon"), (_us("XOM", "XNYS"),)),
    ("chevron", "Chevron", ("Chevron",), (_us("CVX", "XNYS"),)),
    (
        "nycb",
        "New York Community Bancorp",
        ("New York Community Bank", "New York Community Bancorp"),
        (_us("NYCB", "XNYS"),),
    ),
    ("qualcomm", "Qualcomm", ("Qualcomm",), (_us("QCOM"),)),
    ("celestica", "Celestica", ("Celestica",), (_us("CLS", "XNYS"),)),
    ("woodward", "Woodward", ("Woodward",), (_us("WWD"),)),
    ("cardinal", "Cardinal Health", ("Cardinal Health",), (_us("CAH", "XNYS"),)),
    ("intpaper", "International Paper", ("International Paper",), (_us("IP", "XNYS"),)),
    (
        "honeywell",
        "Honeywell International",
        ("Honeywell International", "Honeywell"),
        (_us("HON"),),
    ),
    ("dolby", "Dolby Laboratories", ("Dolby Laboratories", "Dolby"), (_us("DLB", "XNYS"),)),
    ("expedia", "Expedia", ("Expedia",), (_us("EXPE"),)),
    ("moodys", "Moody's", ("Moody's",), (_us("MCO", "XNYS"),)),
    (
        "brookfield",
        "Brookfield Asset Management",
        ("Brookfield Asset Management", "Brookfield"),
        (_us("BAM", "XNYS"),),
    ),
    ("bakerhughes", "Baker Hughes", ("Baker Hughes",), (_us("BKR"),)),
    ("mondelez", "Mondelez International", ("Mondelez International", "Mondelez"), (_us("MDLZ"),)),
    ("tesla", "Tesla Inc", ("Tesla",), (_us("TSLA"),)),
    ("intel", "Intel Corp", ("Intel",), (_us("INTC"),)),
    ("ibm", "IBM", ("IBM",), (_us("IBM", "XNYS"),)),
    ("broadcom", "Broadcom", ("Broadcom",), (_us("AVGO"),)),
    ("boeing", "Boeing", ("Boeing",), (_us("BA", "XNYS"),)),
    ("rivian", "Rivian", ("Rivian",), (_us("RIVN"),)),
    ("jnj", "Johnson & Johnson", ("Johnson & Johnson",), (_us("JNJ", "XNYS"),)),
    ("kenvue", "Kenvue", ("Kenvue",), (_us("KVUE", "XNYS"),)),
    ("visa", "Visa", ("Visa",), (_us("V", "XNYS"),)),
    ("dell", "Dell", ("Dell Technologies", "Dell"), (_us("DELL", "XNYS"),)),
    ("marvell", "Marvell", ("Marvell Technology", "Marvell"), (_us("MRVL"),)),
    (
        "berkshire",
        "Berkshire Hathaway",
        ("Berkshire Hathaway", "Berkshire"),
        (_us("BRK-B", "XNYS"),),
    ),
    ("goldman", "Goldman Sachs", ("Goldman Sachs",), (_us("GS", "XNYS"),)),
    ("stryker", "Stryker", ("Stryker Corporation", "Stryker"), (_us("SYK", "XNYS"),)),
    ("cencora", "Cencora", ("Cencora",), (_us("COR", "XNYS"),)),
    ("pg", "Procter & Gamble", ("Procter & Gamble",), (_us("PG", "XNYS"),)),
    ("ups", "UPS", ("United Parcel Service", "UPS"), (_us("UPS", "XNYS"),)),
    ("gm", "General Motors", ("General Motors",), (_us("GM", "XNYS"),)),
    ("pfizer", "Pfizer", ("Pfizer",), (_us("PFE", "XNYS"),)),
    ("merck", "Merck", ("Merck",), (_us("MRK", "XNYS"),)),
    ("starbucks", "Starbucks", ("Starbucks",), (_us("SBUX"),)),
    ("netflix", "Netflix", ("Netflix",), (_us("NFLX"),)),
    ("paypal", "PayPal", ("PayPal",), (_us("PYPL"),)),
    (
        "samsung",
        "Samsung Electronics",
        ("Samsung Electronics", "Samsung"),
        (Listing("005930.KS", "XKRX", "KRW", "KR", True),),
    ),
    ("byd", "BYD", ("BYD",), (Listing("1211.HK", "XHKG", "HKD", "HK", True),)),
    ("mediatek", "MediaTek", ("MediaTek",), (Listing("2454.TW", "XTAI", "TWD", "TW", True),)),
    ("lenovo", "Lenovo", ("Lenovo",), (Listing("0992.HK", "XHKG", "HKD", "HK", True),)),
]
_INDICES: list[tuple[str, str, tuple[str, ...]]] = [
    ("HSI", "Hang Seng Index", ("Hang Seng Index", "Hang Seng index", "Hang Seng")),
    (
        "HSTECH",
        "Hang Seng Tech Index",
        ("Hang Seng Tech Index", "Hang Seng Tech", "Hang Seng TECH Index"),
    ),
    ("SPX", "S&P 500", ("S&P 500", "S&P500", "Standard & Poor's 500")),
    ("NDX", "Nasdaq 100", ("Nasdaq 100", "Nasdaq-100")),
    ("COMP", "Nasdaq Composite", ("Nasdaq Composite", "Nasdaq")),
    ("DJI", "Dow Jones Industrial Average", ("Dow Jones Industrial Average", "Dow Jones", "Dow")),
]


def dev_reference() -> ReferenceData:
    entities = [ReferenceEntity(i, n, "company", a, ls) for i, n, a, ls in _COMPANIES]
    entities += [
        ReferenceEntity(
            code.lower(),
            name,
            "index",
            aliases,
            (Listing(code, "XNYS" if code in ("SPX", "NDX", "COMP", "DJI") else "XHKG", "", ""),),
        )
        for code, name, aliases in _INDICES
    ]
    return ReferenceData.from_entities(entities)


def _alias_pattern(reference: ReferenceData) -> tuple[regex.Pattern[str], dict[str, str]]:
    owners: dict[str, str] = {}
    for entity in reference.entities:
        for alias in entity.aliases:
            owners.setdefault(alias, entity.id)
    alternation = "|".join(regex.escape(a) for a in sorted(owners, key=len, reverse=True))
    return regex.compile(rf"(?<![\w.])(?:{alternation})(?![\w])"), owners


_TICKER = regex.compile(
    r"(?:(?<=[a-z.])|\b)([A-Z]{1,5})\.(?:O|N|OQ|K)(?![a-z])|\((?:NASDAQ|NYSE|Nasdaq|NYSEARCA)?:?\s?([A-Z]{1,5}(?:-[A-Z])?)\)|\b([A-Z]{2,5})\b"
)


def dev_link(doc: CleanDocument, reference: ReferenceData) -> LinkedDocument:
    pattern, owners = _alias_pattern(reference)
    text = doc.text.replace("\u2019", "'")
    mentions: list[Mention] = []
    for match in pattern.finditer(text):
        mentions.append(Mention(owners[match.group(0)], match.start(), match.end(), match.group(0)))
    taken = [(m.start, m.end) for m in mentions]
    for match in _TICKER.finditer(text):
        ticker = match.group(1) or match.group(2) or match.group(3)
        found = reference.by_ticker(ticker)
        if found is None or found[0].type != "company":
            continue
        start = match.start(1) if match.group(1) else match.start()
        if any(s < match.end() and start < e for s, e in taken):
            continue
        mentions.append(
            Mention(found[0].id, start, match.end(), text[start : match.end()], "ticker", ticker)
        )
    counts: dict[str, int] = {}
    for m in mentions:
        counts[m.entity_id] = counts.get(m.entity_id, 0) + 1
    total = max(counts.values()) if counts else 1
    entities = []
    for entity_id, n in counts.items():
        ref = reference.entity(entity_id)
        assert ref is not None
        entities.append(
            Entity(
                id=entity_id,
                name=ref.name,
                type=ref.type,
                tickers=ref.tickers,
                mentions=n,
                relevance=round(n / total, 3),
            )
        )
    return LinkedDocument(
        doc=doc, mentions=sorted(mentions, key=lambda m: m.start), entities=entities
    )
