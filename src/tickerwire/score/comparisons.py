"""Which mention of a sentence is on the other side of a comparison from a cue's subject.

News compares: "Microsoft overtook Apple", "unlike Google, which ...", "the top gainer on the
Dow", "Apple lost its crown to Microsoft". The mention compared with, overtaken, won over or
ranked on is the foil of the sentence: the tone near it belongs to the other side, so it takes
none (`is_foil`), and a cue is not carried forward to it (`PASSED_OR_NEW_CLAUSE`,
`turns_to_another`).
"""

from __future__ import annotations

import regex

# Between a cue about what follows it and a later mention: a rival or the one compared with.
_RIVALS = regex.compile(
    r"\b(?:unlike|than|versus|vs|rivals?|peers?|competitors?)\b", regex.IGNORECASE
)
# After a cue's words and before a later mention: the mention is the one overtaken or compared
# with ("its rise let it overtake Apple"), or a new coordinated clause starts (", and the rise
# of Microsoft": what comes before the comma is not Microsoft's).
PASSED_OR_NEW_CLAUSE = regex.compile(
    r"\b(?:overtak\w*|overtook|surpass\w*|outpac\w*|outperform\w*|outsold|outsell\w*|"
    r"beat|beats|beating|dethron\w*|unseat\w*|oust\w*|displac\w*|leapfrog\w*)\b"
    r"|,\s*(?:and|but|while|whereas)\b",
    regex.IGNORECASE,
)
# Before a mention: the entity is the foil of a comparison ("unlike Google, which ...", "faster
# than Microsoft", "ahead of Apple's results", "fell behind rivals like IBM"); the tone around it
# is not its own.
_FOIL_BEFORE = regex.compile(
    r"\b(?:unlike|than|versus|vs\.?|compared (?:with|to)|relative to|instead of|ahead of|"
    r"(?:fell|falls?|falling|fallen|lags?|lagged|lagging|trails?|trailed|trailing|left)\s+behind)"
    r"\s+(?:(?:the|its|their|larger|bigger|rivals?|peers?|competitors?|like|such as)\s+)*$",
    regex.IGNORECASE,
)
_FOIL_REACH = 40  # "fell behind larger competitors such as "
_FOIL_HINTS = (
    "than",
    "unlike",
    "vs",
    "versus",
    "compared",
    "relative",
    "instead",
    "ahead",
    "behind",
)
# Before a mention: the winner a loss went to ("Initech lost its crown to Globex", "ceded the top
# spot to Globex"); the words around it are the loser's.
_LOST_TO = regex.compile(
    r"\b(?:lost|lose|loses|losing|ceded?|cedes|ceding|relinquish(?:ed|es|ing)?|"
    r"surrender(?:ed|s|ing)?|gave up|give up|gives up|giving up)\b[^.;:!?]*\bto\s+$",
    regex.IGNORECASE,
)
_LOST_TO_REACH = 90  # "relinquished the title of the world's largest company by value to "
# Before a mention: the index or market where a stock ranks or trades ("the top gainer on the
# Dow", "stocks in the S&P 500"); it is the setting of the sentence, not its subject.
_SETTING_BEFORE = regex.compile(
    r"\b(?:gainers?|losers?|performers?|decliners?|advancers?|laggards?|stocks?|shares|"
    r"members?|components?|constituents?|names|companies|company|sectors?)\s+"
    r"(?:on|in|across|among|within)\s+the\s+$",
    regex.IGNORECASE,
)
_SETTING_REACH = 32  # "constituents within the " and a little space


def is_foil(text: str, sentence_start: int, start: int) -> bool:
    """Whether the mention at `start` is what something is compared with ("unlike Google",
    "faster than Microsoft", "fell behind rivals like IBM", "ahead of Apple's results") or
    where a stock ranks or trades ("the top gainer on the Dow", "names in the S&P 500")."""
    window = text[max(sentence_start, start - _FOIL_REACH) : start].lower()
    # most mentions have none of the words a foil needs: substring tests spare the search
    if any(word in window for word in _FOIL_HINTS) and _FOIL_BEFORE.search(window):
        return True
    if text.startswith("to ", start - 3) and _LOST_TO.search(
        text, max(sentence_start, start - _LOST_TO_REACH), start
    ):
        return True
    if not text.startswith("the ", start - 4):
        return False  # most mentions (a substring test spares the search)
    reach = max(sentence_start, start - _SETTING_REACH)
    return _SETTING_BEFORE.search(text, reach, start) is not None


def turns_to_another(text: str, start: int, end: int) -> bool:
    """Whether the words between a cue about what follows it (ending at `start`) and a later
    mention (at `end`) turn to a rival, the one compared with or overtaken, or a new clause:
    "weigh on margins amid competition from rivals like Tencent"; not "a lawsuit against Acme"
    nor "fines on firms like Acme"."""
    return bool(_RIVALS.search(text, start, end) or PASSED_OR_NEW_CLAUSE.search(text, start, end))
