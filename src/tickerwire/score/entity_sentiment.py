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
_SOURCE_BEFORE = regex.compile(
    r"\b(?:according to|reported by|referenced by|cited by|quoted by|told|interview with|"
    r"speaking to|said to|note to|data from|figures from)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
# A quote or report's attribution at the end of its sentence: the name(s) in it are where the
# words come from, not what they are about. Inverted ("..., said Bob Smith at Acme Research.",
# '"...," commented analyst Jo Lee') for any name; plain ('..., Morgan Stanley said in a note.',
# '..., Finance Minister Jean Roux said.') for people, organisations and governments, and for
# companies when the tail shows a broker's research ("in a note", "analysts").
_SPEECH_VERB = r"(?:said|says|commented|noted|added|wrote|told\s+\w+)"
_SPEECH_WORDS = ("said", "says", "commented", "noted", "added", "wrote", "told")
_HINT_OVERRUN = 12  # "\nsaid" and a speaker's appositive cut by a line break
# Lower-case pieces of which every source rule below needs one in its sentence: a sentence
# without any (most) skips the rules.
_SOURCE_HINTS = (
    "said",
    "says",
    "comment",
    "noted",
    "added",
    "wrote",
    "told",
    " -",
    "analyst",
    "economist",
    "strategist",
    "researcher",
    "report",
    "data",
    "survey",
    "poll",
    "study",
    "pmi",
    "warned",
    "argued",
    "explained",
    "stated",
    "estimate",
    "found",
    "show",
)
_INVERTED_ATTRIBUTION = regex.compile(
    r"[,\"”’]\s*" + _SPEECH_VERB + r"\s+(?=[\w(])[^\"“”]*$", regex.IGNORECASE
)
# the speaker, with at most one appositive ("Jo Lee, an analyst at Acme, said"); no other
# comma, so "..., and Initech gained, Acme said" keeps Initech out of the attribution
_TRAILING_ATTRIBUTION = regex.compile(
    r"[,\"”’]\s*[^\"“”,]{1,60}?(?:,[^\"“”,]{1,80},)?\s*\b"
    + _SPEECH_VERB
    + r"(?:\s+(?:in|on|at|during|to)\b[^\"“”,;]{0,40})?\s*[.!]?\s*$",
    regex.IGNORECASE,
)
# the longest closing attribution: a name, an appositive, "said" and a short complement
_TAIL_REACH = 200
_RESEARCH_TAIL = regex.compile(r"\b(?:note|analysts?|research|strategists?|economists?)\b", regex.I)
# Names followed by who speaks for them or what they publish: "Acme analysts forecast ...",
# "the Acme jobs report showed ..."; the tone is the forecast's or the data's subject's. The words
# between a publisher and its "report" name the report ("jobs", "National Employment"); a
# company's own results or deliveries are its news, and a function word means a phrase
# ("criticised Acme for the weak report"), so those keep the name a subject. Read from the
# words after the name (a word test costs a tenth of a pattern with look-aheads).
_VOICES = frozenset(
    {
        "analyst",
        "analysts",
        "economist",
        "economists",
        "strategist",
        "strategists",
        "researcher",
        "researchers",
    }
)
_PUBLICATIONS = frozenset({"report", "data", "survey", "poll", "study", "pmi"})
_PUBLISHED = frozenset({"showed", "shows", "said", "says", "found", "finds"})
_NOT_A_REPORT_NAME = frozenset(
    {
        "earnings",
        "results",
        "quarterly",
        "annual",
        "sales",
        "delivery",
        "deliveries",
        "production",
        "financial",
        "trading",
        "for",
        "the",
        "a",
        "an",
        "of",
        "in",
        "on",
        "to",
        "with",
        "and",
        "or",
        "after",
        "by",
        "from",
        "its",
        "their",
        "his",
        "her",
        "this",
        "that",
    }
)
_VOICE_REACH = 64  # three words and the noun: "National Employment report showed"
_WORD_EDGES = ".,;:!?\"“”'’()"
# A research house's name before a reporting verb ("Kestrel Research reported that ...").
_RESEARCH_NAMES = ("research", "analytics", "intelligence", "insights")
_REPORTS_AFTER = regex.compile(
    r"\s+(?:reported|reports|said|says|estimated|estimates|found|showed|shows|noted)\b",
    regex.IGNORECASE,
)
# A person, organisation or government that speaks ("Jean Roux said the target ...", "Jo Lee,
# an analyst at Acme, told ..."): what it says is about something else. A company that speaks
# ("Globex said profit rose") mostly speaks of itself, so companies stay subjects.
_SPEECH_AFTER = regex.compile(
    r"(?:,[^\"“”,]{1,80},)?(?:\s+(?:also|later|then|separately))?\s+(?:said|says|told|noted|"
    r"added|wrote|warned|argued|explained|"
    r"commented|stated)\b",
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
    if _hinted(text, sentence):
        sources = _Sources(text, sentence, speakers)
        kept = [s for s in spans if not sources.holds(s)]
    else:
        kept = [s for s in spans if not _is_source(text, sentence.start, s)]
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


def _names_a_voice(after: str) -> bool:
    """Whether the words `after` a name make it a speaker or a publisher: "analysts forecast",
    "'s jobs report", "National Employment report", "survey showed"."""
    if not after[:1].isspace() and not after.startswith(("'s ", "’s ")):
        return False
    words = [word.strip(_WORD_EDGES) for word in after.lower().split()[:5]]
    if words and words[0] in ("'s", "’s", "s"):
        words = words[1:]
    if not words:
        return False
    if words[0] in _VOICES:
        return True
    if words[0] in _PUBLICATIONS:
        return len(words) > 1 and words[1] in _PUBLISHED
    for index, word in enumerate(words[:3]):
        if word in _NOT_A_REPORT_NAME or not word:
            return False
        if index + 1 < len(words) and words[index + 1] in _PUBLICATIONS:
            return True
    return False


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


def _hinted(text: str, sentence: SentenceSentiment) -> bool:
    # a little past the end: a hard-wrapped "..., Jo Lee\nsaid." has its verb there
    lowered = text[sentence.start : sentence.end + _HINT_OVERRUN].lower()
    return any(word in lowered for word in _SOURCE_HINTS)


def _is_source(text: str, sentence_start: int, span: EntitySpan) -> bool:
    return bool(_SOURCE_BEFORE.search(text, max(sentence_start, span.start - 30), span.start))


class _Sources:
    """Which mentions of one sentence are the source of its words, not their subject."""

    __slots__ = (
        "_end",
        "_inverted",
        "_research",
        "_speakers",
        "_start",
        "_text",
        "_trailing",
    )

    def __init__(self, text: str, sentence: SentenceSentiment, speakers: Collection[str]):
        self._text = text
        self._start = sentence.start
        self._end = sentence.end
        self._speakers = speakers
        self._inverted = -1  # where the attributions start; -1: not read yet
        self._trailing = -1
        self._research = False

    def _read_attributions(self) -> None:
        """Find the closing attributions (read on the first mention that needs them)."""
        text, start, end = self._text, self._start, self._end
        self._inverted = self._trailing = end
        # most sentences quote nobody: a substring test spares the anchored searches
        words = text[start:end]
        first = min((i for i in (words.find(verb) for verb in _SPEECH_WORDS) if i >= 0), default=-1)
        if first < 0:
            return
        # the inverted form puts a comma or a quote right before the verb; the plain form ends
        # the sentence within a speaker's name, an appositive and a short complement
        inverted = _INVERTED_ATTRIBUTION.search(text, max(start, start + first - 4), end)
        if inverted:
            self._inverted = inverted.start()
        trailing = _TRAILING_ATTRIBUTION.search(text, max(start, end - _TAIL_REACH), end)
        if trailing:
            self._trailing = trailing.start()
            self._research = _RESEARCH_TAIL.search(trailing.group()) is not None

    def holds(self, span: EntitySpan) -> bool:
        """Whether `span` names where the sentence's words come from."""
        text = self._text
        if _is_source(text, self._start, span):
            return True
        if text.startswith(" -", span.start - 2):
            return True  # a wire headline's tag: "Payrolls miss forecasts -ADP"
        if self._inverted < 0:
            self._read_attributions()
        if span.start >= self._inverted:
            return True
        speaker = span.entity_id in self._speakers
        if span.start >= self._trailing and (self._research or speaker):
            return True
        if speaker and _SPEECH_AFTER.match(text, span.end):
            return True
        if _names_a_voice(text[span.end : span.end + _VOICE_REACH]):
            return True
        name = text[span.start : span.end].rstrip().lower()
        return name.endswith(_RESEARCH_NAMES) and _REPORTS_AFTER.match(text, span.end) is not None


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
