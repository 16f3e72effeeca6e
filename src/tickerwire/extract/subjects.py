"""What a percentage change is about: a listing's shares, an index, or a company's figure.

For each `Change` the reader's question is "what rose?". The answer is the nearest subject word
before the verb in the same clause ("Meta's stock surged 14%", "revenue rose 8%", "the Hang Seng
Index rose 1.94%"), the phrase after a noun ("a 13% gain in its U.S.-listed stock"), or the
word between the number and the noun ("a 19% share rally", "a 12% revenue increase"). Possessive
pronouns and bare "the stock" resolve to a company named earlier, with a confidence penalty, and
only when nothing else in the sentence could own the shares.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.lazy import cached_property
from tickerwire.extract.lexicon import SUBJECT_TABLE, VENUE
from tickerwire.extract.metric_terms import MetricTerm, find_metric_terms, metric_heads
from tickerwire.extract.owners import PRONOUN_PENALTY, Owner, OwnerResolver, Term
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.sentences import Sentence

TopicKind = Literal["share", "index", "metric", "none"]


_CLAUSE_BOUNDARY = prefiltered(
    regex.compile(
        r";|:(?=\s)|\s[-–—]\s|—|\b(?:while|whereas|but|although|though|compared\s+"
        r"(?:with|to)|versus|vs\.?|unlike)\b",
        regex.IGNORECASE,
    )
)
_AND_BETWEEN = regex.compile(r"\s*(?:,|and|&)\s*", regex.IGNORECASE)
_RESPECTIVELY = regex.compile(r"[^.;]{0,40}?\brespectively\b", regex.IGNORECASE)
_APPOSITIVE = regex.compile(
    r",\s*(?:another|a|an|one\s+of|which|who|whose|comprising|including|includes|such\s+as|"
    r"like|the\s+(?:world's|country's|company's)|"
    # "Apple, Meta and Amazon, set to report earnings on Thursday, fell 1% each"
    r"(?:set|due|scheduled|slated|expected|poised)\s+to)\b[^;:]{3,200}?,\s*(?:\w+\s+){0,2}$",
    regex.IGNORECASE,
)
# A name after a preposition modifies the noun before it ("earnings for the S&P 500 rose",
# "revenue at Alibaba"): it is not the subject of the verb.
_PREPOSITION_BEFORE = regex.compile(
    r"\b(?:for|of|in|at|from|among|across)\s+(?:the\s+)?$", regex.IGNORECASE
)
# "S&P 500 communication services sector", "Dow Jones components": part of an index, not it.
_INDEX_PART = regex.compile(
    r"\s+(?:[\w&-]+\s+){0,3}?(?:sector|sectors|members|companies|constituents|components|"
    r"component|stocks|firms|names|industry|index\s+members)\b",
    regex.IGNORECASE,
)
_DAY_AND_MONTH_NAMES = (
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("january", "february", "march", "april", "may", "june", "july", "august"),
    *("september", "october", "november", "december"),
)
# Capitalised words that do not name a company: a subject slot holding another capitalised
# word ("Dow flat, S&P up 0.5%") has a subject we do not know.
_NOT_NAMES = frozenset(
    {
        *("the", "its", "their", "shares", "stock", "hong", "kong", "new", "york", "u.s", "us"),
        *("inc", "corp", "ltd", "co", "group", "holdings", "holding", "class", "adrs", "adr"),
        *_DAY_AND_MONTH_NAMES,
        # words of an index's or a contract's full name around a name we link ("Japan's Nikkei
        # 225 Stock Index (NIK)", "S&P 500 E-Mini futures (ESH24)")
        *("index", "e-mini", "e-minis", "futures"),
    }
)
_OF_VALUE_AFTER = regex.compile(r"\s+of\s+(?:its|their)\s+(?:market\s+)?value\b", regex.I)
_THOSE_OF = regex.compile(r"\b(?:those|that)\s+of\s+$", regex.IGNORECASE)
_INDEX_NAME_ENDS = frozenset({"stock", "index", "stock index", "share index", "average"})
# Words that name a day or a month: no subject of their own between two numbers ("rose 1.1% on
# Friday and was up 2.3% on the week").
_CALENDAR_WORDS = frozenset(
    {*_DAY_AND_MONTH_NAMES, *("jan", "feb", "aug", "sept", "oct", "nov", "dec")}
)
_CAPITALISED = regex.compile(r"\b[A-Z][\w&.'-]*")
_FUTURES_LEAD = regex.compile(r"\W*(?:U\.?S\.?\s+)?(?:stock\s+)?(?:index\s+)?futures\b", regex.I)
# "weighed down by the 11.1% drop in ...", "an 8% gain for ...": a number opening a noun phrase
# has a subject of its own (named after it, or none we know); it does not continue the
# previous number's subject as a second verb does ("fell 2% and was down 3% on the week").
_ARTICLE_BEFORE = regex.compile(r"\b(?:the|an?)\s+$", regex.IGNORECASE)
_PER_SHARE_BEFORE = regex.compile(r"\b(?:per|a|an|each)\s+$", regex.IGNORECASE)
_PHRASE_STOP = regex.compile(r"[,;:]|\.(?=\s|$)")
_FUTURES = regex.compile(r"\W{0,3}(?:[\w.]+\s+){0,2}?(?:futures|e-?minis?)\b", regex.IGNORECASE)
_POSSESSIVE_GAP = regex.compile(r"^(?:'s?)?\s*(?:[\w-]+\s+){0,3}?(?:an?\s+|the\s+)?[\w\s.-]*$")
_RIGHT_PHRASE = regex.compile(r"\s+(?:in|of|for)\s+", regex.IGNORECASE)
# "..., having rallied 12% this year": a perfect participle takes the main clause's subject.
_HAVING = regex.compile(r"\bhaving\s+(?:(?:already|now|since)\s+)?$", regex.IGNORECASE)
# Words that may open a sentence before its subject ("The", "Its", "Meanwhile, the").
_SUBJECT_LEAD = regex.compile(
    r"^\s*(?:(?:meanwhile|however|still|but|and|also),?\s+)?(?:the|its|their)?\s*$", regex.I
)
# "Intel shares slid 2% on Friday. They rose 90% in 2023.": a pronoun that opens
# the sentence (after an opening phrase at most) as the subject of the move verb.
_PRONOUN_SUBJECT = regex.compile(
    r"\s*(?:[^,;:]{1,30},\s*)?(?P<pron>It|it|They|they)\s+(?:(?:also|then|has|have|had)\s+)?$"
)
_PLURAL_SHARE_WORDS = ("shares", "stocks", "adrs", "adss")
# Only an article may stand between a comparison verb and the listing it is compared with.
_OBJECT_LEAD = regex.compile(r"\s+(?:the\s+)?", regex.IGNORECASE)
# "Pfizer carries a Value Score of B and has fallen 9%": the subject's first predicate (a finite
# verb right after it) ends at an "and" that opens a second predicate of the move verb. The
# capitalised words inside the first predicate are its object, not another subject; the words
# after the "and" are still read ("Apple fell and Dell Technologies rose" keeps Dell's slot).
_FIRST_PREDICATE = regex.compile(
    r"^\s+(?:(?:also|now)\s+)?(?:has|have|had|is|are|was|were|holds|hold|carries|carry|boasts|"
    r"boast|sports|reported|posted|beat|topped|missed|announced|unveiled|won|received|earned)\b"
    r"[^;:()]*?,?\s+and\s+(?=(?:(?:has|have|had|is|are|was|were)\s+)?"
    r"(?:(?:also|since|already|now)\s+)?\S+\s*$)",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Topic:
    """The answer for one change: its kind, owner(s), and the subject phrase's span."""

    kind: TopicKind
    owners: tuple[Owner, ...] = ()
    metric: MetricTerm | None = None
    futures: bool = False
    subject_start: int = -1
    subject_end: int = -1
    extra: dict[str, object] = field(default_factory=dict)


NO_TOPIC = Topic("none")
# A subject was found and it is not a listing, an index or a figure ("payrolls rose 2%"): a
# later number in the sentence must not borrow the previous number's subject.
BLOCKED = Topic("none", extra={"blocked": True})


def sentence_terms(
    ctx: DocumentContext, sentence: Sentence, heads: list[regex.Match[str]] | None = None
) -> list[Term]:
    """Subject words of a sentence in order: entities, share nouns, metric names, blockers.
    `heads` are the sentence's `metric_heads`, when the caller has them already."""
    start, end = sentence.start, sentence.end
    terms: list[Term] = [Term(g.start, g.end, "entity", group=g) for g in ctx.groups_in(start, end)]
    terms += [
        Term(m.start, m.end, "metric", metric=m)
        for m in find_metric_terms(ctx.text, start, end, heads)
    ]
    tokens = ctx.tokens(sentence)
    lo, hi = 0, len(tokens.words)
    for match in SUBJECT_TABLE.find(tokens, lo, hi):
        if match.label == "share":
            if _PER_SHARE_BEFORE.search(ctx.text, max(start, match.start - 5), match.start):
                continue  # "$0.76 a share" is a unit, not a subject
            terms.append(Term(match.start, match.end, "share"))
        else:
            terms.append(Term(match.start, match.end, "blocker"))
    # A currency word inside an amount ("33.4 billion yuan") is not a subject.
    spans = [(q.start, q.end) for q in ctx.quantities_in(start, end)]
    terms = [t for t in terms if t.kind != "blocker" or not any(s <= t.start < e for s, e in spans)]
    # Overlaps: an entity name wins, then the longer term ("share prices" over "prices").
    rank = {"entity": 0, "share": 1, "metric": 1, "blocker": 2}
    terms.sort(key=lambda t: (t.kind != "entity", -(t.end - t.start), rank[t.kind], t.start))
    kept: list[Term] = []
    for term in terms:
        if any(term.start < k.end and k.start < term.end for k in kept):
            continue
        kept.append(term)
    kept.sort(key=lambda t: t.start)
    return _index_names_whole(ctx.text, kept)


def _index_names_whole(text: str, terms: list[Term]) -> list[Term]:
    """The words that finish a linked index's name ("Nikkei 225 Stock Index", "Nikkei Stock
    Average") are the index, not a share noun or a blocker after it."""
    result: list[Term] = []
    for term in terms:
        last = result[-1] if result else None
        if (
            last is not None
            and last.kind == "entity"
            and last.group is not None
            and last.group.entity_type == "index"
            and term.kind in ("share", "blocker")
            and not text[last.end : term.start].strip()
            and text[term.start : term.end].lower() in _INDEX_NAME_ENDS
        ):
            result[-1] = Term(last.start, term.end, "entity", group=last.group)
            continue
        result.append(term)
    return result


class TopicResolver(OwnerResolver):
    """Resolves the topics of the changes of one sentence."""

    @cached_property
    def metric_heads(self) -> list[regex.Match[str]]:
        """The words of the sentence that head metric names (`metric_terms.metric_heads`),
        read once: the metric extractor asks whether there is one, the terms read them."""
        return metric_heads(self.ctx.text, self.sentence.start, self.sentence.end)

    @cached_property
    def terms(self) -> list[Term]:
        """The sentence's subject words, read on first use (many sentences never need them)."""
        return sentence_terms(self.ctx, self.sentence, self.metric_heads)

    # -- clause limits ------------------------------------------------------------------------

    def clause_start(self, position: int, cross_dash: bool = False) -> int:
        start = self.sentence.start
        for match in _CLAUSE_BOUNDARY.finditer(self.text, self.sentence.start, position):
            if cross_dash and match.group(0).strip() in ("-", "–", "—"):
                continue
            if self._inside_name(match.start()):
                continue  # the colon of "Shares of Nvidia (NASDAQ: NVDA) rose 4%" is no clause
            start = match.end()
        return start

    def _inside_name(self, position: int) -> bool:
        """Whether `position` lies inside a linked name with its ticker ("Alibaba (NYSE: BABA)")."""
        return any(
            g.start < position < g.end for g in self.ctx.groups_in(self.sentence.start, position)
        )

    # -- the main entry -----------------------------------------------------------------------

    def resolve(self, changes: list[Change]) -> list[Topic]:
        topics: list[Topic] = []
        for i, change in enumerate(changes):
            if change.kind == "list":
                head_topic = topics[change.head]
                topics.append(self._list_member(change, head_topic))
                continue
            floor = (
                changes[i - 1].quantity.end
                if i > 0 and changes[i - 1].quantity.end <= change.trigger_start
                else None
            )
            topic = self._own_topic(change, floor)
            if (
                topic is NO_TOPIC
                and i > 0
                and not self._boundary_between(changes[i - 1], change)
                and not self._unknown_name_between(changes[i - 1], change)
                and not _ARTICLE_BEFORE.search(
                    self.text,
                    max(self.sentence.start, change.quantity.start - 4),
                    change.quantity.start,
                )
            ):
                previous = topics[i - 1]
                if previous.kind != "none":
                    topic = Topic(
                        previous.kind,
                        previous.owners,
                        previous.metric,
                        previous.futures,
                        previous.subject_start,
                        previous.subject_end,
                        {"inherited": True},
                    )
            topics.append(topic)
        return self._distribute(changes, topics)

    def _unknown_name_between(self, previous: Change, change: Change) -> bool:
        """'Dow up 0.15%, S&P off 0.68%': a name we do not know is this number's own subject."""
        end = (
            change.trigger_start
            if change.trigger_start > previous.quantity.end
            else change.quantity.start
        )
        gap = VENUE.sub(" ", self.text[max(previous.quantity.end, end - 25) : end])
        return any(
            word.lower().rstrip(".") not in _CALENDAR_WORDS for word in _CAPITALISED.findall(gap)
        )

    def _boundary_between(self, previous: Change, change: Change) -> bool:
        gap_end = (
            change.trigger_start
            if change.trigger_start > previous.quantity.end
            else change.quantity.start
        )
        return bool(_CLAUSE_BOUNDARY.search(self.text, previous.quantity.end, gap_end))

    def _own_topic(self, change: Change, floor: int | None = None) -> Topic:
        noun = self.text[change.trigger_start : change.trigger_end].lower()
        if change.kind in ("noun_after", "noun_before"):
            topic = self._noun_topic(change, floor)
            if noun == "growth" and topic.kind in ("share", "index"):
                return BLOCKED  # "growth" is said of a business, not of a share price
            return topic
        return self._verb_topic(change, floor)

    def _noun_topic(self, change: Change, floor: int | None) -> Topic:
        """'a 19% surge in its shares', "Alibaba's 19% surge", 'a 12% revenue increase'."""
        q = change.quantity
        if change.kind == "noun_before":
            topic = self._scan_left(change.trigger_start, floor)
            return topic if self._attached(topic, change.trigger_start) else BLOCKED
        if change.kind == "noun_after":
            between = [t for t in self.terms if q.end <= t.start and t.end <= change.trigger_start]
            if between:
                return self._topic_from_term(between[-1], anchor=q.start)
            right = self._right_phrase_topic(change.trigger_end)
            if right is not None:
                return right
            topic = self._scan_left(q.start, floor)
            return topic if self._attached(topic, q.start) else BLOCKED
        return NO_TOPIC

    def _attached(self, topic: Topic, position: int) -> bool:
        """A noun's subject named by a company must be its possessive ("Alibaba's 19% surge");
        a company that is the subject of another verb ("Apple brought in $23 billion, a 10%
        growth") is not what the noun measures."""
        if topic.kind not in ("share", "index") or not topic.extra.get("named"):
            return True
        gap = self.text[topic.subject_end : position]
        if not _POSSESSIVE_GAP.match(gap):
            return False
        return "," not in gap and len(gap.split()) <= 4

    def _verb_topic(self, change: Change, floor: int | None) -> Topic:
        q = change.quantity
        if change.kind == "paired":
            return self._paired_topic(change)
        if change.kind == "earnings_move":
            return self._earnings_move_topic(change)
        if change.kind == "sign":
            # "NVDA +198%", "Dow -0.5%": a bare signed number belongs only to a name right before
            subject = self._scan_left(q.start, floor)
            if (
                subject.subject_end >= 0
                and len(self.text[subject.subject_end : q.start].split()) <= 2
            ):
                return subject
            return BLOCKED
        if change.kind == "higher_lower":
            # "on +12.9% higher revenues": the noun after the comparative is what changed
            following = [t for t in self.terms if t.start >= change.trigger_end]
            if following and not self.text[change.trigger_end : following[0].start].strip():
                return self._topic_from_term(following[0], anchor=q.start)
            topic = self._scan_left(q.start, floor)
            if topic is NO_TOPIC:  # "revenues of $39.17 billion - 21.8% higher": across the dash
                topic = self._scan_left(q.start, floor, cross_dash=True)
            return topic
        topic = self._scan_left(change.trigger_start, floor)
        if topic is NO_TOPIC and floor is None:
            topic = self._pronoun_topic(change.trigger_start)
        having = _HAVING.search(
            self.text, max(self.sentence.start, change.trigger_start - 20), change.trigger_start
        )
        if having is not None and not (
            topic.subject_end >= 0 and not self.text[topic.subject_end : having.start()].strip()
        ):
            # "..., after having rallied 15%": the sentence's subject, not a noun on the way
            # ("profit-taking"); "with revenue having grown 3%" keeps its own subject
            main = self._main_subject(change.trigger_start)
            if main.kind == "share" or topic is NO_TOPIC:
                topic = main
        if topic.kind == "metric" and _OF_VALUE_AFTER.match(self.text, q.end):
            # "by market cap, losing 24.5% of its value": the value lost is the company's, but
            # whether as a share move or a market value the words leave open
            return BLOCKED
        return topic

    def _paired_topic(self, change: Change) -> Topic:
        """Whose return a bracketed pair's number is: the first number is the comparison
        verb's subject's ("Apple's shares have outperformed ..."), the second its object's, a
        listing or an index named right after the verb ("... the S&P 500 ...", "... Apple's
        performance ..."); an industry or a peer group is neither."""
        paren = self.text.rfind("(", change.trigger_end, change.quantity.start)
        first = "%" not in self.text[paren + 1 : change.quantity.start]
        if first:
            topic = self._scan_left(change.trigger_start)
            return topic if topic.kind == "share" else BLOCKED
        after = [t for t in self.terms if change.trigger_end <= t.start < paren]
        if not after or after[0].kind != "entity":
            return BLOCKED
        between = self.text[change.trigger_end : after[0].start]
        if not _OBJECT_LEAD.fullmatch(between):
            return BLOCKED
        topic = self._topic_from_term(after[0], anchor=after[0].start)
        return topic if topic.kind in ("share", "index") else BLOCKED

    def _pronoun_topic(self, position: int) -> Topic:
        """'They rose 90% in 2023' after a sentence that ends on a company's shares: the
        pronoun stands for those shares when they are the last subject word of the sentence
        before and agree in number ("It" for the stock, "They" for the shares)."""
        lead = _PRONOUN_SUBJECT.match(self.text, self.sentence.start, position)
        if lead is None or self.sentence.index == 0:
            return NO_TOPIC
        previous = self.ctx.sentences[self.sentence.index - 1]
        resolver = TopicResolver(self.ctx, previous)
        if not resolver.terms or resolver.terms[-1].kind != "share":
            return NO_TOPIC
        last = resolver.terms[-1]
        plural = self.text[last.start : last.end].lower() in _PLURAL_SHARE_WORDS
        if plural != (lead.group("pron").lower() == "they"):
            return NO_TOPIC
        topic = resolver._topic_from_term(last, anchor=last.end)
        if topic.kind != "share" or not topic.owners:
            return NO_TOPIC
        owners = tuple(Owner(o.entity_id, o.ticker, PRONOUN_PENALTY) for o in topic.owners)
        return Topic(
            "share", owners, subject_start=lead.start("pron"), subject_end=lead.end("pron")
        )

    def _earnings_move_topic(self, change: Change) -> Topic:
        """Whose earlier post-results move: a company the clause names, else the company the
        text around is about (these reports name it in the sentences before)."""
        topic = self._scan_left(change.trigger_start)
        if topic.kind == "share" and topic.owners:
            return topic
        if topic.kind in ("share", "index") or self._companies(
            self.sentence.start, self.sentence.end
        ):
            return BLOCKED  # another subject, or a company we cannot tell is the one
        owner = self._article_subject()
        if owner is None:
            return BLOCKED
        return Topic("share", (owner,))

    def _main_subject(self, position: int) -> Topic:
        """The subject that opens the sentence ("The stock slipped on Monday, perhaps on
        profit-taking after having rallied 12%"): its first subject word, with only an article
        or a linking adverb before it, when that word is a listing's name or its shares."""
        first = next((t for t in self.terms if t.start < position), None)
        if first is None or first.kind not in ("entity", "share"):
            return NO_TOPIC
        if not _SUBJECT_LEAD.match(self.text[self.sentence.start : first.start]):
            return NO_TOPIC
        topic = self._topic_from_term(first, anchor=first.end)
        return topic if topic.kind == "share" else NO_TOPIC

    def _right_phrase_topic(self, position: int) -> Topic | None:
        """'a 13% gain in its U.S.-listed stock', 'a 25% jump in revenue'."""
        phrase = _RIGHT_PHRASE.match(self.text, position, self.sentence.end)
        if phrase is None:
            return None
        limit = min(self.sentence.end, phrase.end() + 50)
        stop = _PHRASE_STOP.search(self.text, phrase.end(), limit)
        limit = stop.start() if stop is not None else limit
        for term in self.terms:
            if phrase.end() <= term.start < limit:
                return self._topic_from_term(term, anchor=term.start)
        return None

    def _scan_left(self, anchor: int, floor: int | None = None, cross_dash: bool = False) -> Topic:
        appositive = _APPOSITIVE.search(self.text, self.sentence.start, anchor)
        if appositive is not None:
            anchor = appositive.start()  # "Super Micro, another company that ..., dropped 3%"
        clause = self.clause_start(anchor, cross_dash)
        floor = max(clause, floor or 0)
        for term in reversed(self.terms):
            if term.end > anchor or term.start < floor:
                continue
            if (
                term.kind == "entity"
                and _PREPOSITION_BEFORE.search(
                    self.text, max(self.sentence.start, term.start - 12), term.start
                )
                and not self._shares_of_another(term)
            ):
                continue
            if term.kind in ("entity", "share") and self._unknown_in_subject_slot(term.end, anchor):
                return BLOCKED
            return self._topic_from_term(term, anchor=anchor)
        return NO_TOPIC

    def _shares_of_another(self, term: Term) -> bool:
        """'Shares of Alphabet fell 7%, while those of Microsoft slipped 3%': "those of" names
        the next company's shares when the sentence's last subject noun before it is shares."""
        those = _THOSE_OF.search(self.text, max(self.sentence.start, term.start - 12), term.start)
        if those is None or term.group is None or term.group.entity_type != "company":
            return False
        nouns = [t for t in self.terms if t.end <= those.start() and t.kind != "entity"]
        return bool(nouns) and nouns[-1].kind == "share"

    def _unknown_in_subject_slot(self, start: int, end: int) -> bool:
        """A capitalised word we do not know between the subject found and its verb."""
        gap = self.text[start:end]
        for group in self.ctx.groups_in(start, end):
            offset_start, offset_end = group.start - start, group.end - start
            gap = gap[:offset_start] + " " * (offset_end - offset_start) + gap[offset_end:]
        first = _FIRST_PREDICATE.match(gap)
        if first is not None:
            gap = gap[first.end() :]
        gap = VENUE.sub(" ", gap)
        for word in _CAPITALISED.findall(gap):
            if any(ch.isdigit() for ch in word):
                continue  # a quote code ("EScv1", "ESH24")
            if word.lower().rstrip(".") not in _NOT_NAMES and not word.isupper():
                return True
            if word.isupper() and len(word) > 1 and "&" in word:
                return True  # "S&P", "AT&T": an index or a company we do not know
        return False

    def _topic_from_term(self, term: Term, anchor: int) -> Topic:
        if term.kind == "blocker":
            return BLOCKED
        if term.kind == "metric":
            owner = self.metric_owner(term, anchor)
            owners: tuple[Owner, ...] = (owner,) if owner is not None else ()
            return Topic(
                "metric", owners, term.metric, subject_start=term.start, subject_end=term.end
            )
        if term.kind == "share":
            share_owners, start = self.share_owners(term)
            return Topic(
                "share", share_owners, subject_start=min(start, term.start), subject_end=term.end
            )
        group = term.group
        assert group is not None
        if group.entity_type == "index":
            futures = bool(_FUTURES.match(self.text, group.end, self.sentence.end)) or bool(
                _FUTURES_LEAD.match(self.sentence.text)
            )
            if not futures and _INDEX_PART.match(self.text, group.end, self.sentence.end):
                return BLOCKED
            return Topic(
                "index",
                (Owner(group.entity_id, group.ticker),),
                futures=futures,
                subject_start=group.start,
                subject_end=group.end,
                extra={"named": True},
            )
        if group.entity_type != "company":
            return BLOCKED
        groups = self._coordinated(group)
        named = tuple(
            Owner(g.entity_id, g.ticker, PRONOUN_PENALTY if g.coref else 0.0) for g in groups
        )
        return Topic(
            "share",
            named,
            subject_start=groups[0].start,
            subject_end=group.end,
            extra={"named": True},
        )

    def _list_member(self, change: Change, head: Topic) -> Topic:
        return Topic(
            head.kind,
            head.owners,
            head.metric,
            head.futures,
            head.subject_start,
            head.subject_end,
            {"list": True},
        )

    def _distribute(self, changes: list[Change], topics: list[Topic]) -> list[Topic]:
        """Give each change of a list its own owner ('respectively', 'each', 'at X')."""
        result = list(topics)
        heads: dict[int, list[int]] = {}
        for i, change in enumerate(changes):
            heads.setdefault(change.head, []).append(i)
        for members in heads.values():
            next_starts = [
                changes[i + 1].quantity.start if i + 1 < len(changes) else self.sentence.end
                for i in members
            ]
            own = [
                self.owner_after_number(changes[i], next_starts[k]) for k, i in enumerate(members)
            ]
            if any(o is not None for o in own):
                for k, i in enumerate(members):
                    topic = result[i]
                    if own[k] is not None:
                        result[i] = _with_owners(topic, (own[k],))  # type: ignore[arg-type]
                    elif k > 0:
                        result[i] = NO_TOPIC  # a later number with no owner of its own
                continue
            owners = result[members[0]].owners
            last = changes[members[-1]].quantity.end
            paired = bool(_RESPECTIVELY.match(self.text, last, self.sentence.end))
            if len(members) > 1 and paired and self._unpaired(changes, members, result):
                # "they came out with growth of 51.8% and 13.1%, respectively": one number per
                # subject, and we do not know each subject
                for i in members:
                    result[i] = NO_TOPIC
                continue
            if len(members) > 1 and len(owners) == len(members):
                for k, i in enumerate(members):
                    result[i] = _with_owners(result[i], (owners[k],))
            elif len(members) > 1 and not (
                len(owners) == 1 and result[members[0]].kind == "metric"
            ):
                # numbers and owners do not pair up: do not guess (one company's several figures
                # in a list, "down 7.9% and 25.6%", are fine)
                for i in members:
                    result[i] = NO_TOPIC
        return result

    def _unpaired(self, changes: list[Change], members: list[int], topics: list[Topic]) -> bool:
        """Whether the numbers of a "respectively" list cannot be paired with their subjects:
        a move's owners do not match the numbers one to one, or a figure's single owner stands
        for several companies or several figures named before ("Alphabet and Apple ...
        growth of 51.8% and 13.1%", "Earnings and revenues ... 49% and 5.4%")."""
        topic = topics[members[0]]
        if topic.kind in ("share", "index"):
            return len(topic.owners) != len(members)
        if topic.kind != "metric" or len(topic.owners) != 1 or topic.metric is None:
            return False
        first = changes[members[0]].quantity.start
        named = {g.entity_id for g in self._companies(self.sentence.start, first)}
        if len(named) > 1:
            return True
        metrics = [t for t in self.terms if t.kind == "metric" and t.end <= topic.metric.start]
        return bool(
            metrics and _AND_BETWEEN.fullmatch(self.text, metrics[-1].end, topic.metric.start)
        )


def _with_owners(topic: Topic, owners: tuple[Owner, ...]) -> Topic:
    return Topic(
        topic.kind,
        owners,
        topic.metric,
        topic.futures,
        topic.subject_start,
        topic.subject_end,
        topic.extra,
    )
