"""Page furniture: judging single lines (and sentences) as article or not.

`FurnitureRules.classify` gives every line a verdict, STRONG or CONTENT:

- STRONG: furniture wherever it stands (a byline, a wire sign-off, "Subscribe", a disclaimer, a
  photo credit, a "... : Free Stock Analysis Report" link, a call to action ending in ">>").
- CONTENT: anything else. `FurnitureRules.weak_rule` then says whether a CONTENT line is WEAK:
  furniture only in company, inside the page's trailer next to STRONG lines. Short title-case
  link texts, newsletter blurbs, author bios and legal small print look like this; alone they
  could be article.

The patterns live in `vocabulary.py`; they are keyed on the shape and the wording of furniture
(second person, calls to action, legal formulas, wire conventions), never on one site's exact
strings. `trailing_furniture`
finds promotional or legal sentences that close an otherwise genuine paragraph.
"""

from __future__ import annotations

import bisect
import re
import re._constants as sre
import re._parser as sre_parse
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from typing import Any

import ahocorasick

from tickerwire.clean import shapes
from tickerwire.clean import vocabulary as vocab
from tickerwire.clean.metadata import is_time_stamp


class Strength(IntEnum):
    CONTENT = 0
    STRONG = 1


@dataclass(frozen=True)
class LineVerdict:
    """How a line looks: its strength as furniture and the rule that said so."""

    strength: Strength
    rule: str = ""
    # A call to action ("See the 10 stocks", "Get it free >>") that closes a promotional block.
    cta: bool = False
    # A heading that opens a furniture section: "links" (related/more-from lists) or
    # "disclosure" (a "Disclosure" heading whose few following lines are small print).
    opens: str | None = None
    # Whether the line holds one of the words that promotional and legal sentences need
    # (`vocabulary.SENTENCE_TRIGGERS`); None when the verdict was reached without looking.
    sentence_words: bool | None = None
    # The line's sentences, when classify split it (a line with such words and no list marker).
    sentences: tuple[str, ...] | None = None


CONTENT = LineVerdict(Strength.CONTENT)
_CONTENT_WITH_SENTENCE_WORDS = LineVerdict(Strength.CONTENT, sentence_words=True)
_CONTENT_WITHOUT_SENTENCE_WORDS = LineVerdict(Strength.CONTENT, sentence_words=False)


class _Triggers:
    """Does a lower-cased line contain any of a set of substrings? (one Aho-Corasick pass)"""

    def __init__(self, words: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        for word in words:
            self._automaton.add_word(word, word)
        self._automaton.make_automaton()

    def found(self, low: str) -> bool:
        return next(self._automaton.iter(low), None) is not None

    def all_found(self, low: str) -> set[str]:
        """The substrings `low` contains."""
        return {word for _, word in self._automaton.iter(low)}


class _RuleBand:
    """The line rules that allow lines of some length, in order, with one pattern that tells
    whether any rule anchored at the line's start (`^`) can match it.

    Most rules are anchored, and most lines open with none of their words: one `match` of the
    combined pattern then rules them all out, where a search per rule cost a call each. The
    rules that may match anywhere in a line (`searching`) are tried as before.
    """

    def __init__(self, rules: tuple[vocab.LineRule, ...]) -> None:
        self.rules = rules
        anchored = [rule for rule in rules if not rule.needs and _is_anchored(rule.pattern)]
        self.searching = tuple(rule for rule in rules if rule not in anchored)
        # each rule keeps its own case flag; an empty set matches nothing ("(?!)")
        self.opening = re.compile(
            "|".join(_scoped(rule.pattern) for rule in anchored) if anchored else "(?!)"
        )


def _scoped(pattern: re.Pattern[str]) -> str:
    """`pattern` as a group of a larger pattern, with its case flag scoped to the group."""
    case = "i" if pattern.flags & re.IGNORECASE else "-i"
    return f"(?{case}:{pattern.pattern})"


def _is_anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match of `pattern` starts with `^` (so a search can only match at the
    start), and it uses no flag but the case flag (`_scoped` keeps only that).

    The pattern is read with the standard library's parser, as `extract.literals` reads them.
    """
    if pattern.flags & ~(re.IGNORECASE | re.UNICODE):
        return False
    return _starts_at_line_start(list(sre_parse.parse(pattern.pattern, pattern.flags)))


def _starts_at_line_start(items: list[tuple[Any, Any]]) -> bool:
    """Whether a parsed sequence begins with `^`, itself or in every branch of its first part."""
    if not items:
        return False
    op, av = items[0]
    if op is sre.AT:
        return av is sre.AT_BEGINNING
    if op is sre.BRANCH:
        return all(_starts_at_line_start(list(branch)) for branch in av[1])
    if op is sre.SUBPATTERN:
        return _starts_at_line_start(list(av[3]))
    return False


class FurnitureRules:
    """The compiled furniture vocabulary; build once (see `furniture_rules`) and reuse."""

    def __init__(self) -> None:
        self._rules = vocab.build_line_rules()
        # The rules a line of so many words is tried against, in order: for each distinct word
        # limit, the rules that allow at least that many words (long lines skip most rules).
        self._word_limits = sorted({rule.max_words for rule in self._rules})
        self._rules_by_limit = [
            _RuleBand(tuple(rule for rule in self._rules if rule.max_words >= limit))
            for limit in self._word_limits
        ]
        # One pass for the words every rule needs, instead of a substring test per rule and line.
        self._sentence_triggers = _Triggers(vocab.SENTENCE_TRIGGERS)
        # One pass over a line finds both the words the rules need and the sentence triggers.
        self._line_words = _Triggers(
            [*(need for rule in self._rules for need in rule.needs), *vocab.SENTENCE_TRIGGERS]
        )
        self._sentence_trigger_set = frozenset(vocab.SENTENCE_TRIGGERS)
        self._promo_triggers = frozenset(vocab.PROMO_TRIGGERS)
        self._promo_anywhere_triggers = frozenset(vocab.PROMO_ANYWHERE_TRIGGERS)
        self._disclaimer_triggers = frozenset(vocab.DISCLAIMER_TRIGGERS)
        self._legal_triggers = _Triggers(vocab.LEGAL_TRIGGERS)
        self._feedback_triggers = _Triggers(vocab.FEEDBACK_TRIGGERS)
        self._chrome = re.compile(rf"^(?:{vocab.CHROME_LINE})\s*[:!]?$", re.IGNORECASE)
        self._section = re.compile(rf"^(?:{vocab.SECTION_WORD})$", re.IGNORECASE)
        self._menu_split = re.compile(r"\s+[|•·›»/]\s+")

    # -- single lines ----------------------------------------------------------------------

    def classify(self, line: str) -> LineVerdict:
        """The verdict on one stripped, non-empty line, judged alone."""
        bare = shapes.strip_bullet(line).strip()
        if not bare:
            return LineVerdict(Strength.STRONG, "bullet")
        count = shapes.word_count(bare)
        # A line opening in lower case continues a sentence from the line above (hard-wrapped
        # text): whatever words it holds, it is not a piece of furniture on its own.
        if vocab.CONTINUATION.match(bare):
            return CONTENT
        if count <= 6 and self._chrome.match(bare):
            opens = "disclosure" if bare.lower().rstrip(":").startswith("disclosure") else None
            return LineVerdict(Strength.STRONG, "chrome", opens=opens)
        if count <= 10 and vocab.LINKS_OPENER.match(bare):
            return LineVerdict(Strength.STRONG, "links_opener", opens="links")
        if count <= 20 and vocab.INLINE_LINK.match(bare):
            return LineVerdict(Strength.STRONG, "inline_link")
        if self._is_menu(bare):
            return LineVerdict(Strength.STRONG, "menu")
        low = bare.lower()
        line_words = self._line_words.all_found(low)
        band = self._rules_for(count)
        if band is not None:
            # most lines open with no rule's words: then only the rules that search the whole
            # line are tried, not every rule one by one (the first rule that holds still wins)
            rules = band.rules if band.opening.match(bare) else band.searching
            for rule in rules:
                if rule.needs and line_words.isdisjoint(rule.needs):
                    continue
                if rule.pattern.search(bare) and self._fits(rule, bare):
                    return LineVerdict(Strength.STRONG, rule.name)
        if count <= vocab.CTA_MAX_WORDS and _may_be_cta(bare, low) and vocab.CTA.search(bare):
            return LineVerdict(Strength.STRONG, "cta", cta=True)
        if "http" in low and self._is_caption_link(bare):
            return LineVerdict(Strength.STRONG, "url_caption")
        sentence_words = not self._sentence_trigger_set.isdisjoint(line_words)
        sentences: list[str] = []
        if sentence_words:
            sentences = shapes.split_sentences(bare)
            if sentences and all(self._is_furniture_sentence(s) for s in sentences):
                return LineVerdict(Strength.STRONG, "promo_sentences")
        if "newsletter" in low and count <= 15 and not any(ch.isdigit() for ch in bare):
            return LineVerdict(Strength.STRONG, "newsletter")
        if not sentence_words:
            return _CONTENT_WITHOUT_SENTENCE_WORDS
        if bare != line:  # a list marker: the sentences of the line itself are not these
            return _CONTENT_WITH_SENTENCE_WORDS
        # kept for `trailing_furniture`, which splits the same line
        return LineVerdict(Strength.CONTENT, sentence_words=True, sentences=tuple(sentences))

    def _rules_for(self, count: int) -> _RuleBand | None:
        """The rules that allow a line of `count` words (None: no rule does)."""
        band = bisect.bisect_left(self._word_limits, count)
        return self._rules_by_limit[band] if band < len(self._word_limits) else None

    def weak_rule(self, line: str) -> str | None:
        """Which WEAK shape a line that is not STRONG furniture has, if any: "title_case_link",
        "bio", "feedback_words", "legal_words" or "promo_question" (furniture in company)."""
        bare = shapes.strip_bullet(line).strip()
        return self._weak(bare, shapes.word_count(bare), bulleted=bare != line.strip())

    def is_weak(self, line: str) -> bool:
        return self.weak_rule(line) is not None

    def is_zone_chrome(self, line: str) -> bool:
        """A menu section name ("Markets", "Tech"): furniture only at a page's head or tail."""
        bare = shapes.strip_bullet(line).strip().rstrip(":")
        return shapes.word_count(bare) <= 3 and self._section.match(bare) is not None

    def is_site_name(self, line: str, source: str | None) -> bool:
        """A site name standing alone ("HawkInsight", "InvestorPlace - Stock Market News")."""
        bare = line.strip()
        if shapes.word_count(bare) > 14 or shapes.ends_with_period(bare):
            return False
        if source and _squash(bare).startswith(_squash(source)) and len(_squash(source)) >= 3:
            rest = bare[len(source) :] if bare.lower().startswith(source.lower()) else ""
            return shapes.word_count(rest) <= 10
        match = vocab.SITE_TAGLINE.match(bare)
        # CamelCase ("HawkInsight"): an all-caps token ("NVIDIA") is more likely a name or ticker.
        if not match or not any(ch.islower() for ch in match.group("name")):
            return False
        tag = match.group("tag")
        return tag is None or shapes.is_title_case(tag, 0.6)

    def is_update_note(self, line: str) -> bool:
        """A wire's revision note at the head of a story ("Adds details, background")."""
        return shapes.word_count(line) <= 12 and vocab.UPDATE_NOTE.match(line.strip()) is not None

    # -- sentences -------------------------------------------------------------------------

    def trailing_furniture(
        self, line: str, verdict: LineVerdict | None = None
    ) -> tuple[str, list[str]]:
        """Split `line` into its article part and the promotional/legal sentences that end it.

        Returns the kept text and the removed sentences (in order). When nothing ends the
        paragraph but article, the kept text is `line` unchanged and the list is empty.
        `verdict` is `classify`'s on the line, when the caller has it: the trigger words it found
        (a list marker holds none, so the line's bare text has the same) and the sentences it
        split the line into are not looked for again.
        """
        sentence_words = verdict.sentence_words if verdict is not None else None
        if sentence_words is None:
            sentence_words = self._sentence_triggers.found(line.lower())
        if not sentence_words:
            return line, []
        if verdict is not None and verdict.sentences is not None:
            sentences = list(verdict.sentences)
        else:
            sentences = shapes.split_sentences(line)
        if len(sentences) < 2:
            return line, []
        cut = len(sentences)
        while cut > 1 and self._is_furniture_sentence(sentences[cut - 1]):
            cut -= 1
        if cut == len(sentences):
            return line, []
        # A how-it-is-computed note belongs to the tool link that follows it.
        if (
            cut > 1
            and vocab.METHOD_SENTENCE.search(sentences[cut - 1])
            and not shapes.has_figures(sentences[cut - 1])
        ):
            cut -= 1
        return " ".join(sentences[:cut]), sentences[cut:]

    # -- helpers ---------------------------------------------------------------------------

    def _is_furniture_sentence(self, sentence: str) -> bool:
        if _folds_to_ascii(sentence):  # rare: its lower-case words may miss a match
            return bool(
                vocab.PROMO_SENTENCE.search(sentence) or vocab.DISCLAIMER_SENTENCE.search(sentence)
            )
        # Each pattern needs one of its trigger words, and most sentences of a paragraph that
        # holds one (in another sentence) hold none: one automaton pass, and a regex search
        # only for the pattern whose words are there ("free cash flow" is no disclaimer).
        words = self._sentence_triggers.all_found(sentence.lower())
        return bool(
            (
                not self._promo_triggers.isdisjoint(words)
                and self._is_promotional_sentence(sentence, words)
            )
            or (
                not self._disclaimer_triggers.isdisjoint(words)
                and vocab.DISCLAIMER_SENTENCE.search(sentence)
            )
        )

    def _is_promotional_sentence(self, sentence: str, words: set[str]) -> bool:
        """`vocabulary.PROMO_SENTENCE.search(sentence)`, for a sentence with the trigger `words`."""
        if vocab.PROMO_OPENING.match(sentence):
            return True
        return not self._promo_anywhere_triggers.isdisjoint(words) and bool(
            vocab.PROMO_ANYWHERE.search(sentence)
        )

    def _fits(self, rule: vocab.LineRule, line: str) -> bool:
        """Checks beyond the pattern: one statement for captions, enough digits for a phone."""
        if rule.one_sentence and len(shapes.split_sentences(line)) != 1:
            return False
        if rule.name == "update_stamp":
            match = rule.pattern.search(line)
            return match is not None and is_time_stamp(match.group("stamp"))
        return True

    def _is_menu(self, line: str) -> bool:
        if not any(mark in line for mark in vocab.MENU_MARKS):
            return False
        parts = [p.strip() for p in self._menu_split.split(line) if p.strip()]
        if len(parts) < 2:
            return False
        return (
            all(
                shapes.word_count(p) <= 6
                and not shapes.ends_with_period(p)
                and not shapes.has_figures(p)
                for p in parts
            )
            and sum(shapes.word_count(p) for p in parts) <= 24
        )

    def _is_caption_link(self, line: str) -> bool:
        match = vocab.URL_CAPTION.match(line)
        if not match:
            return False
        caption = match.group("caption")
        return shapes.word_count(caption) <= 24 and not vocab.CAPTION_BAD_END.search(caption)

    def _weak(self, line: str, count: int, bulleted: bool) -> str | None:
        """The name of the WEAK rule `line` matches, or None."""
        low = line.lower()
        if count <= 90 and vocab.BIO_START.match(line) and vocab.BIO_WORDS.search(line):
            return "bio"
        if count <= 60 and line.startswith("As ") and vocab.BIO_AS_JOB.match(line):
            return "bio"
        if count <= 40 and self._feedback_triggers.found(low):
            return "feedback_words"
        if self._legal_triggers.found(low) and len(vocab.LEGAL_WORDS.findall(line)) >= 2:
            return "legal_words"
        if count <= 8 and line.endswith("?") and vocab.PROMO_WORDS.search(line):
            return "promo_question"
        if (
            shapes.is_headline_shaped(line)
            and shapes.is_title_case(line)
            and ":" not in line
            and not shapes.is_all_caps(line)
            and not any(ch.isdigit() for ch in line)
            and not vocab.MONTH_NAME.search(line)
            and not shapes.has_ticker_in_parens(line)
            and not bulleted
        ):
            # Digits and month names mark data and dates ("Pay March 13", "Record March Two").
            return "title_case_link"
        return None


def is_link_text(line: str) -> bool:
    """Whether a short line uses the vocabulary of link texts to research and site sections."""
    return vocab.LINK_WORDS.search(line) is not None


def is_promotional(line: str) -> bool:
    """Whether a line speaks the language of promotional copy (second person, free, picks)."""
    return vocab.PROMO_WORDS.search(line) is not None


def is_link_item(line: str) -> bool:
    """A line that can be one entry of a list of links: a short headline or a label."""
    bare = shapes.strip_bullet(line).strip()
    count = shapes.word_count(bare)
    if not 0 < count <= 18 or len(bare) > 160:
        return False
    if len(shapes.split_sentences(bare)) > 2:
        return False
    return shapes.is_title_case(bare, 0.6) or (count <= 4 and not shapes.ends_with_period(bare))


# The characters that re's IGNORECASE matches to an ASCII letter ("ſ" to "s", "K" to "k") while
# str.lower() keeps them apart, so that a trigger found in lower case could miss a pattern's match.
_FOLDING_TO_ASCII = ("İ", "ı", "ſ", "K")


def _folds_to_ascii(text: str) -> bool:
    return not text.isascii() and any(ch in text for ch in _FOLDING_TO_ASCII)


def _may_be_cta(line: str, low: str) -> bool:
    """Whether `line` (`low` in lower case) may match `vocabulary.CTA` (cheap necessary test)."""
    return (
        low.startswith(vocab.CTA_VERBS)
        or any(mark in low for mark in vocab.CTA_MARKS)
        or _folds_to_ascii(line)
    )


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


@lru_cache(maxsize=1)
def furniture_rules() -> FurnitureRules:
    """The shared, immutable rule set (compiled once per process)."""
    return FurnitureRules()
