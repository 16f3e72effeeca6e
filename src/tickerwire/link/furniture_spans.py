"""Page furniture in a clean text that names companies without being about them: picture and
data credits, news-agency datelines, and the reporting credits at the foot of wire copy. The
linker looks for no mention inside these spans.
"""

from __future__ import annotations

import regex

_CREDIT_LINE_START = regex.compile(
    r"[ \t]*(?i:(?:photo|image|chart|video|data|graphic)[ ]?(?:source|credit)s?|source|photo|"
    r"credit)[ \t]*:"
)
_DATELINE = regex.compile(r"\((?:Reuters|Bloomberg|AP|AFP|Xinhua|Dow[ ]Jones)\)[ ]?[-–—]")
_WIRE_CREDITS = regex.compile(
    r"\((?:(?:Additional[ ])?[Rr]eporting|Writing|Editing|Compiled)[ ]by[^)]*\)+|"
    r"\(\([^)\n]*@[^)\n]*\)\)"
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Spans of page furniture in `text`, where no mention is looked for."""
    spans = []
    line_start = 0
    for line in text.split("\n"):
        # every credit line holds a colon: the pattern is not tried on other lines
        if ":" in line and _CREDIT_LINE_START.match(line):
            spans.append((line_start, line_start + len(line)))
        line_start += len(line) + 1
    spans += [m.span() for m in _DATELINE.finditer(text)]
    spans += [m.span() for m in _WIRE_CREDITS.finditer(text)]
    return spans
