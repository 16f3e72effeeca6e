"""Sentiment towards each entity, and of the whole article, from sentence cues and mentions.

Each cue of a sentence (see `sentiment.py`) is given to the entity it is about, by position:

- a cue about its subject goes to the nearest mention before it in its clause ("Apple rose 3%
  while Microsoft fell": "fell" is Microsoft's), else the nearest after it in the clause
  ("shares rose at Apple"), else the nearest in the sentence;
- a cue about its object ("Goldman upgraded Apple", "Buy Infosys") goes to the nearest mention
  after it in the clause, unless the verb is passive ("Apple was upgraded by Goldman");
- mentions joined by "," / "and" / "&" share their cue ("Infosys, TCS gain").

A sentence without a mention that opens with a back-reference ("It", "The company", "Shares")
right after a sentence about one entity counts for that entity. The headline and lede weigh more.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass

import regex

from tickerwire.records import Entity, Mention, Sentiment
from tickerwire.score.comparisons import PASSED_OR_NEW_CLAUSE, is_foil, turns_to_another
from tickerwire.score.sentiment import (
    Cue,
    SentenceScorer,
    SentenceSentiment,
    label_for,
    squash,
)
from tickerwire.score.sources import Sources, hinted, is_source
from tickerwire.score.text_units import split_sentences

# --- article weighting (set by judgement: there is no labelled article set to tune on) -------
# The headline states the story's tone on purpose; the first sentences (lede) repeat it.
TITLE_WEIGHT = 2.0
LEDE_WEIGHT = 1.5
LEDE_SENTENCES = 2
# A neutral sentence dilutes the tone of an article a quarter as much as a toned one counts, so
# one upbeat sentence in a long factual report gives a mild, not a full, positive.
NEUTRAL_SENTENCE_SHARE = 0.25

_GROUP_GAP = regex.compile(r"^[\s,&/\-]*(?:and|or|&)?[\s,]*$", regex.IGNORECASE)
_PASSIVE_BEFORE = regex.compile(r"\b(?:was|were|is|are|be|been|being|gets|got|get)\s*$", regex.I)
_PASSIVE_AFTER = regex.compile(r"^\s*(?:to|by|at)\b", regex.IGNORECASE)
_RATED_AFTER = regex.compile(
    r"^\s*(?:rating\s+|recommendation\s+)?(?:on|for)\s+(?:the\s+)?$", regex.I
)
_ACTOR_POSSESSIVE = regex.compile(r"\b(?:its|their)\b", regex.IGNORECASE)
# A broker's active rating verb with an object between its name and the rating ("Wells Fargo
# downgraded the streaming platform to equal weight"): the name is the broker. Not a passive
# ("Acme was cut to underweight") nor a headline's bare "Acme downgraded to neutral".
_RATING_ACTION = regex.compile(
    r"(?<!\b(?:was|were|is|are|be|been|being|gets|got|get)\s)"
    r"\b(?:upgrad|downgrad|reiterat|initiat|rais|cut|lower|lift|trimm|boost|reaffirm|maintain)"
    r"\w*\s+(?!(?:to|from|at|by|on)\b)\w",
    regex.IGNORECASE,
)
_COMPANY_SUFFIXES = regex.compile(
    r"(?:[\s,]+(?:plc|group|holdings?|ltd|limited|inc|incorporated|corp|corporation|co|"
    r"company|sa|ag|nv|se|asa|oyj|ab|llc|lp)\.?)+$",
    regex.IGNORECASE,
)
# A word before an action word that makes it a noun: "a downgrade", "on a rating upgrade".
_NOMINAL_BEFORE = regex.compile(
    r"\b(?:a|an|the|rating|credit|on|after|following|its|their|with|from|another|latest|"
    r"recent|double|two-notch)\s+$",
    regex.IGNORECASE,
)
# How far after a cue a mention may be and still be its subject (characters; a quantity and a
# figure fit: "revenue of $5.2 billion at Apple").
_FORWARD_REACH = 45
_NOT_THE_SUBJECT = regex.compile(
    r"\b(?:like|unlike|such as|including|than|from|against|versus|vs|rivals?|peers?|"
    r"competitors?)\b",
    regex.IGNORECASE,
)
_SPEAKER_TYPES = frozenset({"person", "organization", "government"})
_WORD_CHAR = regex.compile(r"\w")
_OWNER_GAP = regex.compile(r"^(?:['’]s?)?\s*$")
# "The company", or with a description between: "This once-thriving fitness business", "The
# Cupertino-based tech company" (up to five words, none of which points to another company).
_BACK_REFERENCE = regex.compile(
    r"[\"“']?(?:It|Its|It's|(?:The|This)\s(?:(?!(?:other|rival|two|both|another|second)\s)"
    r"[\w'’-]+\s){0,5}?(?:company|firm|group|stock|shares|bank|lender|carrier|retailer|"
    r"insurer|maker|chipmaker|automaker|miner|business|enterprise)|Shares|Its shares)\b"
)


# Not frozen, though never changed: one is built per mention of every sentence, and frozen=True
# makes building cost three times as much (object.__setattr__ per field); unsafe_hash keeps
# the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class EntitySpan:
    """Where an entity is named in the analysed text."""

    entity_id: str
    start: int
    end: int


# Not frozen, though never changed: one is built per group of mentions, and frozen=True
# makes building cost three times as much (object.__setattr__ per field); unsafe_hash keeps
# the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class _Group:
    entity_ids: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class ArticleSentiment:
    """The article's sentiment, the tone towards each entity, and the scored sentences."""

    sentiment: Sentiment
    entity_scores: dict[str, float]
    sentences: tuple[SentenceSentiment, ...]
    title: SentenceSentiment | None


def entity_tones(
    sentence: SentenceSentiment,
    text: str,
    spans: Sequence[EntitySpan],
    speakers: Collection[str] = (),
) -> dict[str, float]:
    """The raw tone (sum of cues) each entity named in `sentence` receives.

    `spans` are the entity mentions inside the sentence (offsets into `text`). Entities that get
    no cue are present with 0.0. `speakers` are the ids of entities that speak rather than act
    (people, organisations, governments): named in a closing "..., X said." they are its source.
    """
    tones = {span.entity_id: 0.0 for span in spans}
    if not sentence.cues:
        return tones  # nothing to give (most sentences: skip reading who is a source)
    # a source ("as reported by CNBC", "told Reuters", "..., said Jo Lee") relays the tone; it
    # is not about it
    if hinted(text, sentence):
        sources = Sources(text, sentence, speakers)
        kept = [s for s in spans if not sources.holds(s)]
    else:
        kept = [s for s in spans if not is_source(text, sentence.start, s)]
    groups = _groups(text, kept)
    if not groups:
        return tones
    clause_of = functools.partial(bisect.bisect_right, sentence.clause_starts)
    # the foil of a comparison ("unlike Google", "than Microsoft") and the index where a stock
    # ranks ("top gainer on the Dow") stay mentions, so that the cues near them are not carried
    # past them to another name ("names in the S&P 500 that hit record highs"), but take none
    foils: dict[int, bool] = {}  # by group start, read when a cue first reaches the group
    for cue in sentence.cues:
        group = _group_for(cue, sentence, text, groups, clause_of)
        if group is None:
            continue
        foil = foils.get(group.start)
        if foil is None:
            foil = foils[group.start] = is_foil(text, sentence.start, group.start)
        if not foil:
            for entity_id in group.entity_ids:
                tones[entity_id] += cue.value
    return tones


def _groups(text: str, spans: Sequence[EntitySpan]) -> list[_Group]:
    """Mentions in order, with coordinated ones ("Infosys, TCS and Wipro") in one group."""
    groups: list[_Group] = []
    for span in sorted(spans, key=lambda s: (s.start, s.end)):
        if groups and (
            span.start < groups[-1].end or _GROUP_GAP.match(text[groups[-1].end : span.start])
        ):
            last = groups[-1]
            ids = (
                last.entity_ids
                if span.entity_id in last.entity_ids
                else (
                    *last.entity_ids,
                    span.entity_id,
                )
            )
            groups[-1] = _Group(ids, last.start, max(last.end, span.end))
        else:
            groups.append(_Group((span.entity_id,), span.start, span.end))
    return groups


def _is_passive(text: str, sentence_start: int, cue_start: int, cue_end: int) -> bool:
    before = text[max(sentence_start, cue_start - 12) : cue_start]
    return bool(_PASSIVE_BEFORE.search(before) or _PASSIVE_AFTER.match(text[cue_end : cue_end + 6]))


def _names_the_subject(text: str, anchor: int, cue_end: int, group: _Group) -> bool:
    """A mention after a cue is its subject only when close and not an example, a rival or the
    one overtaken, nor past a new clause: "revenue at Apple rose", "sales rose 5%, Apple said";
    not "pressure on firms, and competition from rivals like Tencent", "its rise let it
    overtake Apple", "downside pressure, and the rise of Microsoft"."""
    between = text[anchor : group.start]
    return (
        len(between) <= _FORWARD_REACH
        and not _NOT_THE_SUBJECT.search(between)
        and not PASSED_OR_NEW_CLAUSE.search(text, max(anchor, cue_end), group.start)
    )


def _subject_group(
    text: str,
    groups: list[_Group],
    anchor: int,
    clause_of: functools.partial[int],
    kinds: Sequence[str],
    cue: Cue,
) -> _Group | None:
    """The nearest mention before the cue in its clause, else after it in the clause, else the
    nearest before it in the sentence unless a "while"/"whereas" clause lies between (that opens
    a new subject: in "X lifted while Y sinks", Y's fall is not X's). A later clause's mention
    is not reached back to ("WINNERS & LOSERS: Aviva gains" gives "losers" to nobody).

    A failure with nothing said to fail ("rivals were unable to oust Intel", "failed to") is its
    subject's: it is not given to a mention after it, the one the subject failed to act on (a
    refusal acting on what follows, "rejected Acme's offer", still is)."""
    clause = clause_of(anchor)
    for group in groups:
        if group.start <= anchor < group.end:
            return group  # the cue's words are part of the name: "casino stocks retreat"
    before = [g for g in groups if g.end <= anchor]
    if before and clause_of(before[-1].start) == clause:
        return before[-1]
    after = [g for g in groups if g.end > anchor]
    if (
        after
        and not (cue.kind == "negator" and cue.text.endswith(" to"))
        and clause_of(after[0].start) == clause
        and _names_the_subject(text, anchor, cue.end, after[0])
    ):
        return after[0]
    for group in before[-1:]:
        # clause numbers count from 1 (bisect_right); kinds[n - 1] opened clause n
        if all(kind != "boundary" for kind in kinds[clause_of(group.start) : clause]):
            return group
    return None


def _group_for(
    cue: Cue,
    sentence: SentenceSentiment,
    text: str,
    groups: list[_Group],
    clause_of: functools.partial[int],
) -> _Group | None:
    """The mention group a cue is about (see the module docstring), or None."""
    kinds = sentence.clause_kinds
    if cue.target == "rated":
        return _rated_group(text, groups, cue, clause_of, kinds)
    if cue.target == "subject" or (cue.kind == "change" and cue.anchor == cue.start):
        # a subject's cue, or an owned quantity named before its verb ("Apple's price target
        # was raised"): the owner is the subject
        return _subject_group(text, groups, cue.anchor, clause_of, kinds, cue)
    if cue.kind != "change" and _is_passive(text, sentence.start, cue.start, cue.end):
        return _subject_group(text, groups, cue.anchor, clause_of, kinds, cue)
    clause = clause_of(cue.anchor)
    for group in groups:
        if group.start >= cue.end and clause_of(group.start) == clause:
            if cue.target == "about" and turns_to_another(text, cue.end, group.start):
                break  # "weigh on margins amid competition from rivals like Tencent"
            return group  # "upgraded Apple", "its price target on Apple", "positive for Apple"
    before = [g for g in groups if g.end <= cue.anchor]
    if cue.kind == "change" and before and _OWNER_GAP.match(text[before[-1].end : cue.anchor]):
        return before[-1]  # "Apple's price target", "TCS target price"
    if cue.target == "about" or _NOMINAL_BEFORE.search(text, sentence.start, cue.start):
        # "Apple faces a lawsuit", "shares hit a high on a rating upgrade"
        return _subject_group(text, groups, cue.anchor, clause_of, kinds, cue)
    if before and before[0] is not before[-1]:
        return before[0]  # "Apple rose after Goldman upgraded it": the upgrade is Apple's
    return None  # "Goldman upgraded the stock": not Goldman's news


def _rated_group(
    text: str,
    groups: list[_Group],
    cue: Cue,
    clause_of: functools.partial[int],
    kinds: Sequence[str],
) -> _Group | None:
    """The company a rating is about: "overweight on Apple", "rates Apple overweight", "Apple
    was cut to underweight"; not the broker in "Barclays cut its rating to underweight"."""
    clause = clause_of(cue.start)
    for group in groups:
        if group.start >= cue.end and clause_of(group.start) == clause:
            if _RATED_AFTER.match(text[cue.end : group.start]):
                return group
            break
    subject = _subject_group(text, groups, cue.start, clause_of, kinds, cue)
    if subject is None or subject.end > cue.start:
        return None
    between = text[subject.end : cue.start]
    if _ACTOR_POSSESSIVE.search(between) or _RATING_ACTION.search(between):
        return None  # the broker: "Barclays cut its rating", "Acme downgraded the stock to"
    return subject


def aggregate(weighted_scores: Iterable[tuple[float, float]], band: float) -> float:
    """Combine (weight, score) pairs: toned sentences count fully, neutral ones partly."""
    total = norm = 0.0
    for weight, score in weighted_scores:
        total += weight * score
        norm += weight if abs(score) >= band else weight * NEUTRAL_SENTENCE_SHARE
    return max(-1.0, min(1.0, total / norm)) if norm else 0.0


def aggregate_entity(weighted_scores: Iterable[tuple[float, float]]) -> float:
    """Combine the (weight, tone) pairs of the sentences naming one entity: a sentence that
    gives it any tone counts fully, one that names it without tone partly.

    Unlike `aggregate`, a weak tone is not counted as neutral in the norm: there, one weak cue
    ("launch", 0.1) in a single mention would come out four times as large (0.4).
    """
    total = norm = 0.0
    for weight, score in weighted_scores:
        total += weight * score
        norm += weight if score else weight * NEUTRAL_SENTENCE_SHARE
    return max(-1.0, min(1.0, total / norm)) if norm else 0.0


class ArticleSentimentScorer:
    """Scores an article and the entities it names (build once, reuse for every article)."""

    def __init__(self, sentence_scorer: SentenceScorer | None = None):
        self.sentence_scorer = sentence_scorer or SentenceScorer()

    def score(
        self,
        text: str,
        title: str | None,
        mentions: Sequence[Mention],
        entities: Sequence[Entity],
    ) -> ArticleSentiment:
        """Sentiment of the article `text` (with its `title`) and towards each of `entities`.

        `mentions` are the linker's mentions, offsets into `text`; the title's mentions are
        found again from the names they use.
        """
        band = self.sentence_scorer.neutral_band
        sentences = self.sentence_scorer.score_spans(text, split_sentences(text))
        title_sentence = self._title_sentence(text, title)
        article_parts: list[tuple[float, float]] = []
        entity_parts: dict[str, list[tuple[float, float]]] = {e.id: [] for e in entities}
        if title_sentence is not None and title is not None:
            article_parts.append((TITLE_WEIGHT, title_sentence.score))
            title_spans = _find_names(title, _surface_forms(mentions, entities))
            for entity_id, tone in entity_tones(title_sentence, title, title_spans).items():
                entity_parts.setdefault(entity_id, []).append((TITLE_WEIGHT, squash(tone)))
        speakers = frozenset(e.id for e in entities if e.type in _SPEAKER_TYPES)
        by_sentence = _mentions_by_sentence(sentences, mentions)
        previous_sole: str | None = None
        for index, sentence in enumerate(sentences):
            weight = LEDE_WEIGHT if index < LEDE_SENTENCES else 1.0
            article_parts.append((weight, sentence.score))
            spans = by_sentence[index]
            if not spans:
                if not (previous_sole and _BACK_REFERENCE.match(text, sentence.start)):
                    previous_sole = None
                    continue  # about no entity (most sentences): it counts for the article only
                spans = [EntitySpan(previous_sole, sentence.start, sentence.start)]
            for entity_id, tone in entity_tones(sentence, text, spans, speakers).items():
                entity_parts.setdefault(entity_id, []).append((weight, squash(tone)))
            named = {span.entity_id for span in spans}
            # "The company"/"It" after a sentence naming only a person or an organisation is not
            # that speaker ("..., said Jo Lee, analyst at Acme. The company flagged ...")
            previous_sole = next(iter(named)) if len(named) == 1 and not named & speakers else None
        article_score = aggregate(article_parts, band)
        return ArticleSentiment(
            sentiment=Sentiment(
                score=round(article_score, 4), label=label_for(article_score, band)
            ),
            entity_scores={
                entity_id: round(aggregate_entity(parts), 4)
                for entity_id, parts in entity_parts.items()
            },
            sentences=tuple(sentences),
            title=title_sentence,
        )

    def _title_sentence(self, text: str, title: str | None) -> SentenceSentiment | None:
        """The scored headline, unless the body already starts with it."""
        if not title or not title.strip():
            return None
        if text.lstrip().startswith(title.strip()):
            return None
        return self.sentence_scorer.score(title)


def _mentions_by_sentence(
    sentences: Sequence[SentenceSentiment], mentions: Sequence[Mention]
) -> list[list[EntitySpan]]:
    starts = [sentence.start for sentence in sentences]
    found: list[list[EntitySpan]] = [[] for _ in sentences]
    for mention in mentions:
        index = bisect.bisect_right(starts, mention.start) - 1
        if index >= 0 and mention.start < sentences[index].end:
            found[index].append(EntitySpan(mention.entity_id, mention.start, mention.end))
    return found


def _surface_forms(mentions: Sequence[Mention], entities: Sequence[Entity]) -> dict[str, set[str]]:
    """The names each entity goes by in this article (no back-references: "the company")."""
    forms: dict[str, set[str]] = {
        entity.id: {entity.name, short_name(entity.name), *entity.tickers} for entity in entities
    }
    for mention in mentions:
        if mention.kind != "coref" and len(mention.text.strip()) >= 2:
            forms.setdefault(mention.entity_id, set()).add(mention.text.strip())
    return forms


def short_name(name: str) -> str:
    """A company name without its legal or group suffixes ("Tesco PLC" -> "Tesco",
    "Alibaba Group Holding Ltd" -> "Alibaba"), as headlines write it."""
    shorter = _COMPANY_SUFFIXES.sub("", name.strip())
    return shorter if len(shorter) >= 2 else name.strip()


def _find_names(text: str, forms: Mapping[str, set[str]]) -> list[EntitySpan]:
    """Word-bounded, case-sensitive occurrences of each entity's names in `text`."""
    spans: list[EntitySpan] = []
    for entity_id, names in forms.items():
        for name in sorted(names, key=len, reverse=True):
            if not name:
                continue
            for start in _bounded_occurrences(text, name):
                if not any(s.start <= start < s.end for s in spans):
                    spans.append(EntitySpan(entity_id, start, start + len(name)))
    return spans


def _bounded_occurrences(text: str, name: str) -> list[int]:
    r"""Where `name` occurs in `text` with no word character on either side, as
    `regex.finditer(r"(?<!\w)" + regex.escape(name) + r"(?!\w)", text)` finds them; by
    str.find, since a pattern per name (new names in every article) would be compiled anew."""
    found: list[int] = []
    position = text.find(name)
    while position >= 0:
        end = position + len(name)
        if not (
            (position > 0 and _is_word_char(text[position - 1]))
            or (end < len(text) and _is_word_char(text[end]))
        ):
            found.append(position)
            position = text.find(name, end)
        else:
            position = text.find(name, position + 1)
    return found


def _is_word_char(char: str) -> bool:
    r"""`regex`'s \w for one character (its Unicode tables; ASCII without a call)."""
    if char.isascii():
        return char.isalnum() or char == "_"
    return _WORD_CHAR.match(char) is not None


@functools.lru_cache(maxsize=1)
def _default_scorer() -> ArticleSentimentScorer:
    return ArticleSentimentScorer()


def score_article(
    text: str, title: str | None, mentions: Sequence[Mention], entities: Sequence[Entity]
) -> tuple[Sentiment, dict[str, float]]:
    """The pipeline's entry point: the article's Sentiment and {entity_id: tone in -1..1}.

    >>> sentiment, _ = score_article("Acme beat estimates and raised its guidance.", None, [], [])
    >>> sentiment.label
    'positive'
    """
    result = _default_scorer().score(text, title, mentions, entities)
    return result.sentiment, result.entity_scores


def with_entity_sentiment(entities: Sequence[Entity], scores: Mapping[str, float]) -> list[Entity]:
    """Copies of `entities` with `sentiment` set from `scores` (others unchanged)."""
    return [
        entity.model_copy(update={"sentiment": scores[entity.id]})
        if entity.id in scores
        else entity
        for entity in entities
    ]
