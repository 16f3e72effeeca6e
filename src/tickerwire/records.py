"""The record vocabulary shared by every stage, and the implementation of CONTRACT.md.

Public records (what tickerwire prints, stores and serves) are pydantic models so that
`tickerwire schema` can export their JSON Schema. Internal hand-offs between stages
(`RawDocument`, `CleanDocument`, `Mention`) are frozen dataclasses: cheap to build, never printed.

Event attributes travel as a plain dict in `Event.attributes` (the contract's shape). The typed
models below (`PriceMoveAttributes`, ...) say which keys each event type carries; extractors build
them and call `.model_dump()`, so a misspelt key fails at construction time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, field_serializer

# ---------------------------------------------------------------------------------------------
# Closed vocabularies
# ---------------------------------------------------------------------------------------------

EntityType = Literal["company", "index", "organization", "person", "product", "government"]
RemovedKind = Literal["boilerplate", "off_topic", "duplicate"]
PublishedBasis = Literal["metadata", "html", "text", "inferred"]
SentimentLabel = Literal["positive", "negative", "neutral"]
Direction = Literal["up", "down"]
FactLevel = Literal["fact", "forecast", "opinion"]
MovePeriod = Literal[
    "session",
    "intraday",
    "premarket",
    "after_hours",
    "week",
    "month",
    "year_to_date",
    "year_over_year",
    "since",
    "other",
]

EVENT_TYPES: tuple[str, ...] = (
    "price_move",
    "index_move",
    "financial_metric",
    "earnings",
    "analyst_view",
    "stake_change",
    "product_launch",
    "partnership",
    "acquisition",
    "investment_plan",
    "government_policy",
    "regulation",
    "legal",
    "listing",
    "market_value",
    "management",
    "sector",
    "dividend",
    "buyback",
    "guidance",
    "macro",
    "supply_chain",
)

METRIC_NAMES: tuple[str, ...] = (
    "revenue",
    "net_income",
    "adjusted_net_income",
    "eps",
    "adjusted_eps",
    "operating_income",
    "gross_margin",
    "operating_margin",
    "free_cash_flow",
    "dividend_per_share",
    "buyback",
    "market_cap",
)


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------------------------
# Article record and its parts
# ---------------------------------------------------------------------------------------------


class Removed(_Record):
    """A piece of the page that is not the article: page furniture, another article, a repeat."""

    kind: RemovedKind
    text: str


class Evidence(_Record):
    """Where a fact comes from: character offsets into `Article.text` and the text they cover."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Entity(_Record):
    id: str
    name: str
    type: EntityType
    tickers: list[str] = Field(default_factory=list)
    mentions: int = 0
    relevance: float = Field(default=0.0, ge=0.0, le=1.0)
    sentiment: float = Field(default=0.0, ge=-1.0, le=1.0)


class Event(_Record):
    type: str
    entity: str | None
    date: dt.date | None = None
    date_text: str | None = None
    evidence: Evidence
    confidence: float = Field(ge=0.0, le=1.0)
    attributes: dict[str, Any] = Field(default_factory=dict)


class Sentiment(_Record):
    score: float = Field(default=0.0, ge=-1.0, le=1.0)
    label: SentimentLabel = "neutral"


class ConflictValue(_Record):
    article: str | None = None
    value: Any
    evidence: str


class Conflict(_Record):
    """Figures that disagree: within one article, or between sources about one fact."""

    story: str | None = None
    entity: str | None = None
    field: str
    values: list[ConflictValue]
    why: str


class Article(_Record):
    id: str
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: dt.date | None = None
    published_basis: PublishedBasis | None = None
    # The moment of publication when the input states a time of day with its zone (see
    # `CleanDocument.published_at`); None for a date alone or a time without a zone.
    published_at: AwareDatetime | None = None
    language: str = "en"
    text: str
    removed: list[Removed] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    sentiment: Sentiment = Field(default_factory=Sentiment)
    conflicts: list[Conflict] = Field(default_factory=list)
    pipeline_version: str

    @field_serializer("published_at", when_used="json-unless-none")
    def _offset_as_numbers(self, moment: dt.datetime) -> str:
        # "+00:00" rather than pydantic's "Z": one form for every zone, which
        # `datetime.fromisoformat` reads before Python 3.11 too.
        return moment.isoformat()


# ---------------------------------------------------------------------------------------------
# Typed event attributes (kept in Event.attributes as dicts)
# ---------------------------------------------------------------------------------------------


class PriceMoveAttributes(_Record):
    listing: str | None
    direction: Direction
    change_pct: float
    period: MovePeriod
    since: dt.date | None = None
    approximate: bool = False
    context: str | None = None
    drivers: list[int] = Field(default_factory=list)
    fact_level: FactLevel | None = None


class IndexMoveAttributes(_Record):
    index: str
    direction: Direction
    change_pct: float | None
    level: float | None = None
    period: MovePeriod
    since: dt.date | None = None
    approximate: bool = False
    instrument: Literal["index", "futures"] = "index"
    fact_level: FactLevel | None = None


class StatedConversion(_Record):
    value: float
    currency: str


class FinancialMetricAttributes(_Record):
    metric: str
    segment: str | None = None
    value: float | None = None
    # A figure stated as a range ("$300 million to $330 million"): its ends, in the units of
    # `value`, which is then null (a midpoint is a figure the text never states).
    value_low: float | None = None
    value_high: float | None = None
    currency: str | None = None
    stated_conversion: StatedConversion | None = None
    change_pct: float | None = None
    period: str | None = None
    period_end: dt.date | None = None
    is_estimate: bool = False
    fact_level: FactLevel | None = None


class EarningsAttributes(_Record):
    period: str | None = None
    vs_expectations: Literal["beat", "miss", "inline"] | None = None
    scheduled: dt.date | None = None
    summary: str
    fact_level: FactLevel | None = None


class AnalystViewAttributes(_Record):
    firm: str | None
    analyst: str | None = None
    stance: Literal["positive", "negative", "neutral"]
    claim: str
    fact_level: FactLevel | None = None


class StakeChangeAttributes(_Record):
    holder: str
    shares: float | None = None
    value: float | None = None
    currency: str | None = None
    direction: Literal["buy", "sell"]
    fact_level: FactLevel | None = None


class GenericEventAttributes(_Record):
    """Attributes of the remaining event types (product_launch, partnership, ...)."""

    summary: str
    amount: float | None = None
    currency: str | None = None
    partner: str | None = None
    target: str | None = None
    authority: str | None = None
    product: str | None = None
    fact_level: FactLevel | None = None


# ---------------------------------------------------------------------------------------------
# Corpus records (from the database)
# ---------------------------------------------------------------------------------------------


class StoryClaim(_Record):
    article: str
    change_pct: float | None


class Story(_Record):
    id: str
    type: str
    entity: str | None
    listing: str | None
    date: dt.date | None
    articles: list[str]
    first_seen: dt.date | None
    claims: list[StoryClaim] = Field(default_factory=list)
    consensus_pct: float | None = None
    novelty: dict[str, float] = Field(default_factory=dict)
    # What else defines the story: the move's period kind, or the metric, segment and period
    # words of a metric story (None where they do not apply).
    period: str | None = None
    metric: str | None = None
    segment: str | None = None


Verdict = Literal["consistent", "inconsistent", "unverifiable"]


class Verification(_Record):
    article: str
    listing: str
    date: dt.date | None
    claimed_pct: float
    actual_pct: float | None
    abnormal_pct: float | None
    verdict: Verdict
    why: str


class ExplanationDriver(_Record):
    category: str
    summary: str
    evidence: str
    sources: list[str]
    weight: float


class ExplanationMove(_Record):
    claimed: list[StoryClaim]
    actual_pct: float | None
    abnormal_pct: float | None


class ExplanationSource(_Record):
    """One article an Explanation rests on, as a reader would cite it."""

    article: str
    source: str | None
    url: str | None
    title: str | None
    published: dt.date | None
    published_at: AwareDatetime | None

    @field_serializer("published_at", when_used="json-unless-none")
    def _offset_as_numbers(self, moment: dt.datetime) -> str:
        return moment.isoformat()  # as Article.published_at: "+00:00", never "Z"


class Explanation(_Record):
    listing: str
    date: dt.date
    move: ExplanationMove
    drivers: list[ExplanationDriver]
    conflicts: list[Conflict]
    sources: list[str]
    # The stored verdicts of the day's claims about the listing (added by the verify slice).
    verifications: list[Verification] = Field(default_factory=list)
    # `sources` with what a citation needs (outlet, address, title, publication), same order.
    source_details: list[ExplanationSource] = Field(default_factory=list)


PUBLIC_RECORDS: tuple[type[BaseModel], ...] = (
    Article,
    Story,
    Conflict,
    Verification,
    Explanation,
    PriceMoveAttributes,
    IndexMoveAttributes,
    FinancialMetricAttributes,
    EarningsAttributes,
    AnalystViewAttributes,
    StakeChangeAttributes,
    GenericEventAttributes,
)


# ---------------------------------------------------------------------------------------------
# Internal hand-offs between stages
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawDocument:
    """One article as read from disk, before cleaning.

    `origin` names the input for messages ("feed.jsonl:17", "page.html"). Exactly one of
    `text` and `html` is set. Metadata fields are None when the input does not give them.
    """

    origin: str
    text: str | None = None
    html: str | None = None
    url: str | None = None
    title: str | None = None
    published: dt.date | None = None
    source: str | None = None
    # The moment of publication when the input states a time of day with its zone (an aware
    # datetime whose own date is `published`); None when it gives a date only or no zone.
    published_at: dt.datetime | None = None


@dataclass(frozen=True)
class CleanDocument:
    """The article body and what was removed from the page, with the best-known metadata."""

    origin: str
    text: str
    removed: tuple[Removed, ...] = ()
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: dt.date | None = None
    published_basis: PublishedBasis | None = None
    language: str = "en"
    # The input's publication moment, kept only while it agrees with `published` (see
    # `RawDocument.published_at`): extraction reads it to date after-hours moves.
    published_at: dt.datetime | None = None


@dataclass(frozen=True)
class Mention:
    """One place in the clean text where an entity is named.

    `kind` says how it was found: `alias` (gazetteer), `ticker` (inline ticker pattern),
    `pattern` (organisation/person heuristics) or `coref` (a short back-reference such as
    "the company").
    """

    entity_id: str
    start: int
    end: int
    text: str
    kind: str = "alias"
    ticker: str | None = None


@dataclass(frozen=True)
class ReadError:
    """An input that could not be read, with the reason; readers yield it instead of raising."""

    origin: str
    reason: str


@dataclass
class LinkedDocument:
    """A clean document with its entity mentions and resolved entities (link stage output)."""

    doc: CleanDocument
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
