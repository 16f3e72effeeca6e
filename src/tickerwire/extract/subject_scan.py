"""The subject words of a sentence and the nearest one that owns a number.

`sentence_terms` lists a sentence's subject words in order: linked names, share nouns ("shares",
"the stock"), metric names ("revenue") and words that name something else ("payrolls").
`SubjectScanner` reads the one a verb takes: the nearest subject word before it in the same
clause ("Meta's stock surged 14%"), skipping names that modify a noun ("revenue at Alibaba") and
blocked by a capitalised word we do not know in the subject slot ("Dow flat, S&P up 0.5%"), and
turns it into a `Topic`: a listing's shares, an index, a figure, or nothing we can name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.document import DocumentContext, EntityGroup
from tickerwire.extract.lazy import cached_property
from tickerwire.extract.lexicon import RANKED_MEMBERS, SUBJECT_TABLE, VENUE
from tickerwire.extract.metric_terms import MetricTerm, find_metric_terms, metric_heads
from tickerwire.extract.owners import PRONOUN_PENALTY, Owner, OwnerResolver, Term
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.sentences import Sentence
from tickerwire.link.index_futures import FUTURES_AFTER, FUTURES_LEAD

TopicKind = Literal["share", "index", "metric", "none"]


_CLAUSE_BOUNDARY = prefiltered(
    regex.compile(
        r";|:(?=\s)|\s[-–—]\s|—|\b(?:while|whereas|but|although|though|compared\s+"
        r"(?:with|to)|versus|vs\.?|unlike)\b",
        regex.IGNORECASE,
    )
)
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
# "Nvidia led the S&P 500's gains, up 2%", "the biggest gainer on the Dow, rising 5%": an index
# that ranks the subject is the object of "led" or the field of a ranking noun, not what moved.
_LED_BEFORE = regex.compile(
    r"\b(?:led|leads|leading|topped|tops|topping|headed|heads|heading)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
_RANKED_IN_BEFORE = regex.compile(
    r"\b(?:" + RANKED_MEMBERS + r")\s+(?:on|in|of)\s+(?:the\s+)?$",
    regex.IGNORECASE,
)
# "topped the list of the day's best performing Dow components, trading up 3%": an index whose
# members are ranked is the field of the ranking, not what moved.
_RANKING_ADJECTIVE_BEFORE = regex.compile(
    r"\b(?:best|worst|top|strongest|weakest)(?:[\s-]+perform(?:ing|ers?))?\s+$", regex.IGNORECASE
)
RANKING_NOUN = (
    r"gains|gainers|advancers|advances|rally|declines|decliners|losers|losses|laggards|"
    r"selloff|sell-off|slide|retreat"
)
_RANKING_AFTER = regex.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+){0,1}?(?:" + RANKING_NOUN + r")\b", regex.IGNORECASE
)
# "Nvidia led the Nasdaq higher, rising 2%": whose 2% the words leave open; "led the Nasdaq
# higher with a 2% rise" is the subject's.
_LED_HIGHER = regex.compile(r"\s+(?:higher|lower)\b", regex.IGNORECASE)
_WITH_AFTER = regex.compile(r"\s*,?\s+with\s+(?:an?\s+|its\s+)?", regex.IGNORECASE)
_THOSE_OF = regex.compile(r"\b(?:those|that)\s+of\s+$", regex.IGNORECASE)
_INDEX_NAME_ENDS = frozenset({"stock", "index", "stock index", "share index", "average"})
# Words that name a day or a month: no subject of their own between two numbers ("rose 1.1% on
# Friday and was up 2.3% on the week").
_CALENDAR_WORDS = frozenset(
    {*_DAY_AND_MONTH_NAMES, *("jan", "feb", "aug", "sept", "oct", "nov", "dec")}
)
# Between two coordinated indices: "and", a comma, and one modifier of the second ("the Nasdaq
# and small-cap Russell 2000", "the Dow and the tech-heavy Nasdaq").
_INDEX_AND = regex.compile(r"\s*(?i:,\s*and|,|and|&)\s+(?i:the\s+)?(?:[a-z][\w-]*\s+)?")
# "For the week, the index sank 6.2%", "The benchmark index fell 1%": a bare "the index" as the
# subject of its clause (after an opening phrase at most).
_INDEX_REFERENCE = regex.compile(
    r"\s*(?:(?:[^,;:]{1,30},|meanwhile|also|and)\s+)?(?P<ref>(?i:the))\s+"
    r"(?:(?:benchmark|broader|main|key|blue-chip)\s+)?(?i:index)"
)
_EACH_AFTER_SUBJECT = regex.compile(r"\s*,?\s*(?:both|each|all)\b", regex.IGNORECASE)
_CAPITALISED = regex.compile(r"\b[A-Z][\w&.'-]*")
_PER_SHARE_BEFORE = regex.compile(r"\b(?:per|a|an|each)\s+$", regex.IGNORECASE)
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


class SubjectScanner(OwnerResolver):
    """The subject words of one sentence and the topic each gives a number."""

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
            ranked = self._ranked_index(term, anchor)
            if ranked == "skip":
                continue
            if ranked == "blocked":
                return BLOCKED
            if term.kind in ("entity", "share") and self._unknown_in_subject_slot(term.end, anchor):
                return BLOCKED
            return self._topic_from_term(term, anchor=anchor)
        return NO_TOPIC

    def _ranked_index(self, term: Term, anchor: int) -> str | None:
        """'skip' for an index that ranks the subject ("led the S&P 500's gains", "the top
        gainer on the Dow"), 'blocked' for one the subject led ("led the Nasdaq higher,
        rising 2%": the words leave open whose rise it is), else None."""
        if term.kind != "entity" or term.group is None or term.group.entity_type != "index":
            return None
        start = max(self.sentence.start, term.start - 30)
        if _RANKED_IN_BEFORE.search(self.text, start, term.start):
            return "skip"
        if _RANKING_ADJECTIVE_BEFORE.search(self.text, start, term.start) and _INDEX_PART.match(
            self.text, term.end, anchor
        ):
            return "skip"
        if not _LED_BEFORE.search(self.text, start, term.start):
            return None
        if _RANKING_AFTER.match(self.text, term.end, anchor):
            return "skip"
        higher = _LED_HIGHER.match(self.text, term.end, anchor)
        if higher is not None:
            with_after = _WITH_AFTER.fullmatch(self.text, higher.end(), anchor)
            return "skip" if with_after is not None else "blocked"
        return None

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

    def _index_named_before(self, term: Term) -> Topic | None:
        """'The Shanghai Composite closed 1.5% lower. For the week, the index sank 6.2%': "the
        index" as the subject of its clause (after an opening phrase at most) stands for the
        one index the sentence before names, when this sentence names none before it."""
        lead = _INDEX_REFERENCE.fullmatch(self.text, self.clause_start(term.start), term.end)
        if lead is None or self.sentence.index == 0:
            return None
        if any(
            g.entity_type == "index" for g in self.ctx.groups_in(self.sentence.start, term.start)
        ):
            return None
        previous = self.ctx.sentences[self.sentence.index - 1]
        named = [
            g for g in self.ctx.groups_in(previous.start, previous.end) if g.entity_type == "index"
        ]
        if len({g.entity_id for g in named}) != 1:
            return None
        group = named[0]
        return Topic(
            "index",
            (Owner(group.entity_id, group.ticker, PRONOUN_PENALTY),),
            subject_start=lead.start("ref"),
            subject_end=term.end,
        )

    def _coordinated_indices(self, last: EntityGroup, anchor: int) -> list[EntityGroup]:
        """'The Nasdaq and small-cap Russell 2000 both ended ...': the indices joined to `last`
        by and/commas, when "both", "each" or "all" before the verb (at `anchor`) says the
        number is each one's; else `last` alone (whose number the words leave open)."""
        if not _EACH_AFTER_SUBJECT.match(self.text, last.end, anchor):
            return [last]
        chain = [last]
        groups = self.ctx.groups_in(self.sentence.start, last.start)
        for group in reversed(groups):
            if group.entity_type != "index" or not _INDEX_AND.fullmatch(
                self.text, group.end, chain[0].start
            ):
                break
            chain.insert(0, group)
        return chain

    def _topic_from_term(self, term: Term, anchor: int) -> Topic:
        if term.kind == "blocker":
            return self._index_named_before(term) or BLOCKED
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
            futures = bool(FUTURES_AFTER.match(self.text, group.end, self.sentence.end)) or bool(
                FUTURES_LEAD.match(self.sentence.text)
            )
            if not futures and _INDEX_PART.match(self.text, group.end, self.sentence.end):
                return BLOCKED
            indices = self._coordinated_indices(group, anchor)
            return Topic(
                "index",
                tuple(Owner(g.entity_id, g.ticker) for g in indices),
                futures=futures,
                subject_start=indices[0].start,
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
