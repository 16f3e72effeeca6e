"""Which mentions of a sentence are the source of its words, not their subject.

A source relays a tone; it is not what the tone is about: "as reported by CNBC", "told
Reuters", "..., said Jo Lee at Acme Research", "Morgan Stanley said in a note", "the ADP jobs
report showed". `Sources` reads a sentence's closing attributions once, on the first mention
that needs them; `hinted` spares most sentences (which quote nobody) every rule.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

import regex

if TYPE_CHECKING:
    from tickerwire.score.entity_sentiment import EntitySpan
    from tickerwire.score.sentiment import SentenceSentiment

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


def hinted(text: str, sentence: SentenceSentiment) -> bool:
    """Whether the sentence holds a word that some source rule needs (most hold none)."""
    # a little past the end: a hard-wrapped "..., Jo Lee\nsaid." has its verb there
    lowered = text[sentence.start : sentence.end + _HINT_OVERRUN].lower()
    return any(word in lowered for word in _SOURCE_HINTS)


def is_source(text: str, sentence_start: int, span: EntitySpan) -> bool:
    """Whether the mention follows a source's words: "according to", "told", "data from"."""
    return bool(_SOURCE_BEFORE.search(text, max(sentence_start, span.start - 30), span.start))


class Sources:
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
        if is_source(text, self._start, span):
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
