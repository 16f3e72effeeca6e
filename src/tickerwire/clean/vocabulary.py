"""The vocabulary of page furniture: line patterns, calls to action, promotional and legal
sentences, and the cheap substring triggers that gate the costlier patterns.

Everything here is compiled once at import and never changes; `furniture.py` applies it.
Patterns describe kinds of furniture (bylines, wire sign-offs, credits, newsletter boxes,
disclaimers, calls to action) by their shape and wording, not one site's exact strings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE

# A personal name as bylines write it: capitalised tokens, initials, particles.
NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|van|von|der|da|di|al|bin|le|la|du|dos))*"
NAMES = rf"{NAME}(?:\s*(?:,|\band\b|&)\s*{NAME})*"

# Site chrome that is furniture on any line that consists of it alone.
CHROME_LINE = (
    r"contact(?: us)?|about us|log ?in|log ?out|sign ?in|sign ?up|register|my account|"
    r"subscribe(?: now| today| for updates)?|unsubscribe|newsletters?|advertise(?: with us)?|"
    r"advertisement|advertising|sponsored(?: content| post)?|paid (?:content|post)|"
    r"partner content|(?:get )?(?:our )?media kit|privacy(?: policy| notice)?|"
    r"terms(?: of (?:use|service))?|terms (?:and|&) conditions|cookies?(?: policy| settings)?|"
    r"accessibility|sitemap|back to top|skip to (?:main )?content|share(?: this)?(?: article| story"
    r"| post| page)?|share on \w+|tweet|copy link|print(?: this)?(?: article| page)?|"
    r"e-?mail(?: this)?(?: article| story)?|comments?|leave a comment|download (?:the |our )?app|"
    r"get the app|open in app|app|english|español|deutsch|français|中文|简体中文|繁體中文|日本語|"
    r"read more|show more|load more|see more|view more|read next|more|next|previous|prev|"
    r"disclosures?|for immediate release|ready to get started\??|advertise|media contact"
)
# Section names of a site menu: furniture only at the head or tail of the page, or in a list.
SECTION_WORD = (
    r"home|markets?|news|latest|trending|popular|most read|opinion|business|tech|technology|"
    r"economy|world|politics|sports?|lifestyle|culture|finance|money|crypto|stocks|video|videos|"
    r"podcasts?|watch|listen|live|search|menu|topics|sections|help|faq|support|feedback|careers|"
    r"jobs|events|about|apps|analysis|insights|research|commodities|currencies|bonds|funds|etfs?|"
    r"personal finance|real estate|health|science|autos?|travel|energy|asia|europe|americas|"
    r"china|us|u\.s\.|uk|india|japan|companies|industries|earnings|ipos?|wealth|newsroom|press"
)
# Openers of a list of links to other pages.
LINKS_OPENER = re.compile(
    r"^(?:related(?: (?:articles|stories|news|coverage|content|links|posts|topics|reading|"
    r"quotes|videos))?|read more|read next|read also|also read|see also|also see|more on this"
    r"(?: story| topic)?|recommended(?: for you| reading| stories| articles)?|you (?:may|might) "
    r"also like|trending(?: now| stories)?|most (?:read|popular|viewed|shared)|popular "
    r"(?:stories|articles|posts|now)|top stories|latest (?:news|stories|articles)|more (?:stories|"
    r"articles|news|headlines|coverage|videos)|additional research links|further reading|"
    r"more from [\w .&'’-]{2,40}|more [\w .&'’-]{0,40} (?:news|stories|articles|coverage) from "
    r"[\w .&'’-]{2,40})\s*:?\s*$",
    _I,
)
INLINE_LINK = re.compile(
    r"^(?:related|read more|read also|also read|see also|read next|recommended|more|watch|listen)"
    r"\s*:\s*\S",
    _I,
)


@dataclass(frozen=True)
class LineRule:
    """One furniture pattern with the cheap checks that must pass before it runs."""

    name: str
    pattern: re.Pattern[str]
    # Longer lines are article paragraphs that merely contain the phrase.
    max_words: int = 10_000
    # Lower-case substrings, one of which the line must contain (a prefilter: regex searches
    # over every line of every page are the stage's main cost).
    needs: tuple[str, ...] = ()
    # Captions and credits are a single short statement.
    one_sentence: bool = False


def _rule(
    name: str,
    pattern: str,
    flags: int = _I,
    max_words: int = 10_000,
    needs: tuple[str, ...] = (),
    one_sentence: bool = False,
) -> LineRule:
    return LineRule(name, re.compile(pattern, flags), max_words, needs, one_sentence)


def build_line_rules() -> tuple[LineRule, ...]:
    return (
        # -- bylines and wire conventions ----------------------------------------------------
        _rule(
            "byline",
            # Capitalised "By": a line opening with "by" continues a hard-wrapped sentence.
            rf"^(?:By|BY|(?:Written|Reported|Words|Story|Posted|Edited) [Bb]y)\s+{NAMES}"
            r"(?:\s*(?:,|\||–|—|-)\s*[A-Z][\w'’.&-]*(?:\s+[\w'’.&-]+){0,4})?$",
            flags=0,
            max_words=14,
        ),
        _rule("wire_contact", r"^\(\(.*\)\)$", flags=0),
        _rule(
            "wire_note",
            r"^\((?:by\s+(?-i:[A-Z])|"
            r"(?:additional reporting|reporting|writing|editing|compiled)\b)",
            max_words=80,
        ),
        _rule(
            "wire_credit",
            # Names follow: "Reporting by the Financial Times showed ..." is article text.
            r"^(?:additional reporting|reporting|writing|editing|compiled|edited|graphics?|"
            r"research)(?: by|:)\s+(?-i:[A-Z]).*(?:\)\s*$|;|\bediting by\b)",
            max_words=80,
        ),
        _rule(
            "live_blog",
            r"\blive blog\b.*\b(?:click|type)\b|\bin a news window\b",
            needs=("live blog", "news window"),
        ),
        _rule(
            "update_stamp",
            r"^(?:updated|last updated|published|posted|first published|originally published)"
            r"(?:\s+(?:at|on))?\s*:?\s*(?P<stamp>(?:\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|"
            r"oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b).{0,60})$",
            max_words=14,
        ),
        # -- photo, chart and video credits --------------------------------------------------
        _rule(
            "credit",
            r"^(?:photo|photograph|image|picture|pic|graphic|chart|illustration|video|footage|"
            r"credit|source|data source|image source|photo source|chart source|photo credit|"
            r"image credit)s?(?: (?:credit|source|by))?\s*:\s*\S",
            max_words=14,
            one_sentence=True,
        ),
        _rule(
            # A chart or table the author made, with its data source or what it shows:
            # "Chart by author. Data source: company filings." The whole caption goes.
            "author_credit",
            r"\b(?:chart|table|graph|image|photo|illustration|graphic)s? (?:by|courtesy of) "
            r"(?:the )?author\b",
            max_words=40,
            needs=("author",),
        ),
        _rule(
            "credit_by",
            r"^\(?(?:photo|image|picture|photograph)s? (?:by|courtesy of|credit)\b",
            max_words=14,
        ),
        _rule(
            "agency_credit",
            r"^(?:[\w.' -]{1,40}\s*/\s*)?(?:getty images|reuters?|afp|ap photo|associated press|"
            r"bloomberg|shutterstock(?:\.com)?|istock(?:photo)?|alamy|epa|xinhua|unsplash)"
            r"(?: via [\w ]+)?$",
            max_words=14,
        ),
        _rule(
            "chart_embed",
            r"\b(?:price|revenue|earnings)(?: and|,) (?:eps surprise|consensus)\b|"
            r"price-eps-surprise|price-consensus|\bdata by ycharts\b",
            max_words=14,
            needs=("surprise", "consensus", "ycharts"),
            one_sentence=True,
        ),
        # -- newsletters, subscriptions, accounts, feedback, advertising ----------------------
        _rule("signup_terms", r"^by (?:signing up|subscribing|clicking|registering|submitting)\b"),
        _rule(
            "feedback",
            r"^(?:notice|spot(?:ted)?|see|found) an? (?:error|typo|mistake)\b.{0,40}$|"
            r"^questions or comments about this article\b",
            max_words=30,
        ),
        _rule(
            "social",
            r"^(?:follow|join|like|find) us on\b|^you can follow (?:him|her|them|me|us)\b.{0,60}$",
            max_words=30,
        ),
        _rule(
            "syndication",
            r"^the post\b.*\bappeared first on\b|"
            r"^(?:this|the) (?:article|story|post) (?:was )?(?:originally )?appeared\b|"
            r"^(?:originally|first) published (?:on|in|at|by)\b",
        ),
        # -- disclaimers and disclosures -----------------------------------------------------
        _rule(
            "disclaimer",
            r"^disclaimers?\s*:|^disclosures?\s*:\s*\S|^past performance (?:is|does) (?:no|not)\b|"
            r"^(?:the )?(?:views|opinions)(?: (?:and|&) (?:opinions|views))? expressed (?:herein|"
            r"here|in this|above|by)\b",
        ),
        _rule(
            "disclaimer",
            r"\b(?:views|opinions)\b[^.]{0,160}\bdo(?:es)? not necessarily (?:reflect|represent)\b",
            needs=("necessarily",),
        ),
        _rule(
            "disclaimer",
            r"^(?:©|copyright\b)|\ball rights reserved\b",
            needs=("©", "copyright", "rights reserved"),
        ),
        _rule(
            "disclosure",
            r"^on the date of publication\b|^[\[(]?(?:in )?(?:full )?disclosure\s*[:,]",
        ),
        _rule(
            "disclosure",
            r"\b(?:has a|view the|see our|read our|under our)\b.{0,40}\bdisclosure policy\b",
            needs=("disclosure policy",),
        ),
        _rule("about_bio", r"^About [A-Z][\w.&'’ -]{1,40}:\s", flags=0),
        # -- promotions and calls to action --------------------------------------------------
        _rule(
            "promo_link",
            r":\s*(?:free stock analysis report|etf research reports?)\s*$",
            needs=("analysis report", "research report"),
        ),
        _rule(
            "promo_headline",
            r"^should you invest \$[\d,]+ in\b.*\?$|\bwhere to invest \$[\d,]+\b|"
            r"^before you (?:buy|invest in)\b.{0,80}\bconsider this:?$",
            max_words=30,
            needs=("invest", "consider this"),
        ),
        _rule(
            "promo_footnote",
            r"^\*[^*].{0,160}\b(?:returns? as of|prices used|was published on)\b",
            max_words=30,
        ),
        _rule(
            "url",
            # A bare domain in lower case: "Amazon.com" alone may be a listicle's heading.
            r"^(?:https?://\S+|www\.\S+|(?-i:[a-z0-9-]+(?:\.[a-z0-9-]+)*)\.(?:com|net|org|io|co|"
            r"info|news)(?:/\S*)?)$",
            max_words=1,
        ),
        _rule("email", r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+$", flags=0, max_words=1),
        _rule(
            "phone",
            # "+44 20 5550 0100" or "800-555-0199 ext. 12"; a row of years is not a phone.
            r"^(?:tel(?:ephone)?:?\s*|phone:?\s*)?(?:\+\d[\d ()./-]{6,}\d|"
            r"\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4})(?:\s*(?:ext\.?|x)\s*\d+)?$",
            max_words=6,
        ),
    )


# Calls to action: short lines that send the reader elsewhere. They close promotional blocks.
CTA_VERBS = (
    *("see", "get", "download", "claim", "grab", "unlock", "discover", "view", "read", "learn"),
    *("start", "try", "join", "sign up"),
)
CTA = re.compile(
    r"(?:>>+|»|→)\s*$|\bclick here\b|\bhere\s*>+|^click to\b|\bfree report\b|"
    rf"^(?:{'|'.join(CTA_VERBS)})"
    r"\b.{0,50}\b(?:stocks?|picks?|list|report|reports|free|now|here|more|newsletter|app|"
    r"trial|started|them)\s*[.!]?$",
    _I,
)
# Every match of CTA holds one of these (in lower case) or opens with one of CTA_VERBS (a test
# checks each branch): other lines are not searched.
CTA_MARKS = (">", "»", "→", "click", "free report")
CTA_MAX_WORDS = 15
# Words of link texts (research links, site sections): "AAPL Guru Analysis", "Top Tech Stocks".
LINK_WORDS = re.compile(
    r"\b(?:analysis|portfolio|more information|research|reports?|quote|profile|news|stocks|"
    r"articles|coverage|links|videos?|podcasts?|newsletters?|guides?)\b",
    _I,
)
MONTH_NAME = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b"
)
# A plain lower-case word opening a line: the rest of a sentence begun on the line above.
CONTINUATION = re.compile(r"[a-z]+[,;:]?(?:\s|$)")
# Separators of menu entries; a line without any is not a menu.
MENU_MARKS = ("|", "•", "·", "›", "»", "/")

# Sentences that promote, send the reader elsewhere, or disclaim: they may close a paragraph
# of genuine article text and are cut from it. The promotional ones are two patterns: openings,
# matched at the start of a sentence, and phrases found anywhere in it (a search tries every
# branch at every position, and one that must open the sentence fails at all but the first).
PROMO_OPENING = re.compile(
    r"(?:today,?\s+)?you can (?:download|sign up|subscribe|access)\b|"
    r"(?:today,?\s+)?you can (?:see|find|uncover|read|view|check|get|learn|explore|follow)\b.*"
    r"\b(?:here|our|free|click)\b|"
    r"(?:to )?(?:learn|read|find out|see|discover) more\b.*\b(?:here|our|click|visit|at|on)\b|"
    r"for more (?:on|about|information|details|news|coverage|analysis)\b.*\b(?:click|visit|see|"
    r"here|read|go to|view)\b|"
    r"click (?:here|to|below|the link)\b|"
    r"(?:please )?(?:visit|check out|view) our\b|"
    r"stay on top of\b.*\bwith (?:the|our)\b|"
    r"(?:download|get|claim|grab) (?:your |our |the |a |this )?free\b|"
    r"(?:sign up|subscribe|register)\b|"
    r"want (?:the latest|key|more|our|to (?:get|receive))\b.*\?|"
    # an editor's note on where the text comes from ("Note: The following is an excerpt from
    # the weekly outlook report.")
    r"(?:editor'?s |editor’s )?note:\s*(?:the following|this (?:article|story|post|report|piece))"
    r" (?:is|was) (?:an )?excerpt(?:ed)? from\b|"
    # a video's or a podcast's note on its own transcript ("A full transcript follows the video")
    r"(?:an? |the )?(?:full |complete )?transcript (?:follows|is below|appears below)"
    r"(?: (?:the|this) (?:video|audio|episode|podcast|clip))?\s*[.:]?$",
    _I,
)
PROMO_ANYWHERE = re.compile(
    r"\bplease (?:click|visit|check out|view)\b|\binvite you to (?:view|read|see|visit)\b|"
    r"\b(?:visit|check out|view|see|read) our\b.{0,60}\b(?:report|page|center|centre|channel|"
    r"coverage|newsletter|calendar|service|guide|tool)\b|"
    r"\bvisit [\w-]+\.(?:com|net|org|io)\b|"
    r"\bclick to get\b|\bfree report\b|>>+\s*$",
    _I,
)
# Either: a sentence that matches this is promotional.
PROMO_SENTENCE = re.compile(rf"^(?:{PROMO_OPENING.pattern})|{PROMO_ANYWHERE.pattern}", _I)
# A show's or a column's standing notice: its speakers may hold what they talk about. It may
# open a paragraph that goes on with the show's talk, and is then cut from the paragraph's head.
STANDING_NOTICE = re.compile(
    r"\bmay have (?:formal )?recommendations for or against\b|"
    r"\b(?:do not|don'?t|don’t) buy or sell (?:anything|any stock|any security) based "
    r"(?:solely )?on\b",
    _I,
)
# Lower-case words one of which every match of STANDING_NOTICE holds.
STANDING_NOTICE_TRIGGERS = ("for or against", "buy or sell")
DISCLAIMER_SENTENCE = re.compile(
    r"\bsolely for informational purposes\b|\bfor (?:general )?informational purposes only\b|"
    r"\b(?:is|are) not (?:intended (?:as|to be)|to be (?:construed|considered) as|a substitute for)"
    r" (?:investment|financial|professional|legal)\b|\bdoes not constitute\b|"
    r"\bnothing herein constitutes\b|\bpast performance is no guarantee\b|"
    r"\bsubject to the\b.{0,80}\b(?:terms|disclaimer|conditions|guidelines)\b|"
    r"\bhas a disclosure policy\b|\bview the .{0,40}disclosure policy\b|"
    r"\b(?:has|have|had|holds?|held|owns?|owned) (?:no |any |long |short )?positions? in\b.*"
    r"\b(?:stocks?|securities) mentioned\b|"
    r"\bhas (?:long |short )?positions in and recommends\b|"
    r"\brecommends the following options\b|"
    r"\bpositions? in (?:any of )?the (?:securities|stocks) mentioned\b|"
    r"\bmay be compensated for promoting\b|\bif you choose to subscribe through\b|"
    r"\b(?:opinions|views) (?:remain|are) (?:his|her|their|my|the author'?s) own\b|"
    + STANDING_NOTICE.pattern,
    _I,
)
# A sentence explaining how a figure shown by a tool is computed, just before the tool's link.
METHOD_SENTENCE = re.compile(
    r"\b(?:is|are) (?:determined|calculated|computed|derived) (?:by|using|from)\b", _I
)
# Vocabulary of promotional copy: second person, free offers, picks, hype.
PROMO_WORDS = re.compile(
    r"\b(?:you|your|our|free|bonus|subscribe|subscription|newsletters?|hand-?pick(?:ed|s)?|"
    r"must[- ]buys?|stock-picking|picks?|runners? up|home runs?|skyrocket|little-known|"
    r"stock advisor|analyst team|this report|monster returns|elite|immediate attention|"
    r"sign(?:ing)? up|inbox|go-to resource|special report)\b",
    _I,
)
LEGAL_WORDS = re.compile(
    r"\b(?:affiliat\w*|broker-dealer|investment advis[eo]r|advice|recommendation to buy|"
    r"informational|liability|guarantee|solicitation|terms and conditions|disclaimer|"
    r"securities laws?|investment decisions|not (?:be )?responsible|copyright)\b",
    _I,
)
BIO_START = re.compile(
    rf"^(?:{NAME}|He|She|They)(?:’s|'s)?\s+(?i:love|passion|interest|is an?|is the|has been|"
    r"has written|has covered|has provided|has contributed|started|joined|writes|covers|"
    r"lives|spent|holds an?|earned|particularly|enjoys|graduated|received|also has)\b"
)
# An author's bio that opens on the job: "As the growth strategist at Example Research, Ann Lee
# is focused on small caps". The job is a writer's (not an economist's or an analyst's, whom
# articles quote the same way) and the verb a career's.
BIO_AS_JOB = re.compile(
    r"^As (?:the|an?) (?:[\w-]+ ){0,5}(?:strategist|editor|writer|columnist|contributor|"
    rf"reporter) (?:at|for|with) [A-Z][\w.&'’ -]{{1,60}}?,? {NAME} (?:is focused on|focuses on|"
    r"specializes in|specialises in|covers|writes about|has covered)\b"
)
# An author box set as lines: a name, then the job alone ("Mark Lee" / "Senior Editor").
AUTHOR_NAME_LINE = re.compile(r"^[A-Z][a-z'’.-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2}$")
AUTHOR_JOB_LINE = re.compile(
    r"^(?:(?:Senior|Chief|Managing|Contributing|Associate|Executive|Staff|Lead|Deputy|Equity|"
    r"Stock|Market|Investment|Growth|Income|Value|ETF|Aggressive Growth) ){0,3}(?:Editor|"
    r"Strategist|Writer|Columnist|Reporter|Correspondent|Contributor)$|^Director of Research$"
)
# The note on a person that follows such a box: "Note: Ann Lee heads the research department".
AUTHOR_NOTE = re.compile(
    rf"^(?:Note:\s*)?{NAME}\s+(?:heads|leads|is|serves as|has been|joined|covers|writes)\b"
)
AUTHOR_NOTE_WORDS = re.compile(
    r"\b(?:expert|quoted|media|publishes|department|writer|editor|columnist|articles?|reports)\b",
    _I,
)
# What an author's bio talks about: the writing career, not the companies in the article.
BIO_WORDS = re.compile(
    r"\b(?:writer|writing|written|journalist|reporter|editor|contributor|columnist|author|"
    r"articles?|publications?|bachelor'?s?|master'?s|mba|degree|graduated|lives in|career|"
    r"years of experience|enthusiast|coverage of|blogger|on behalf of|content)\b",
    _I,
)
FEEDBACK_TRIGGERS = (
    "help us improve",
    "reporting any issues",
    "let us know",
    "your feedback",
    "newsletter",
    "media contact",
    "get started",
)
# Cheap substring prefilters (lower case) for the regexes above: one must occur for the regex
# to have a chance, and most article lines contain none.
LEGAL_TRIGGERS = (
    "affiliat",
    "broker-dealer",
    "advis",
    "advice",
    "recommendation to buy",
    "informational",
    "liabilit",
    "guarantee",
    "solicitation",
    "terms and conditions",
    "disclaimer",
    "securities law",
    "investment decisions",
    "responsible",
    "copyright",
)
# Lower-case words of which every match of PROMO_SENTENCE holds one, and of DISCLAIMER_SENTENCE
# (a test checks each branch): a line or a sentence holding none is not searched with them.
# The words of which every match of PROMO_ANYWHERE holds one (most sentences with a word of
# PROMO_TRIGGERS, "free" of "free cash flow", have none of them).
PROMO_ANYWHERE_TRIGGERS = (
    *("please", "invite you", "visit", "check out", "view our", "see our", "read our", "click"),
    *("free report", ">>"),
)
PROMO_TRIGGERS = (
    "you can",
    "learn more",
    "read more",
    "find out more",
    "see more",
    "discover more",
    "for more",
    "click",
    "please",
    "visit",
    "check out",
    "view our",
    "see our",
    "read our",
    "invite you",
    "stay on top",
    "free",
    "free report",
    "sign up",
    "subscribe",
    "register",
    "want ",
    ">>",
    "transcript",
    "excerpt",
)
DISCLAIMER_TRIGGERS = (
    "informational",
    "intended",
    "construed",
    "considered as",
    "substitute for",
    "constitute",
    "guarantee",
    "subject to the",
    "disclosure",
    "position",
    "recommends",
    "compensated",
    "his own",
    "her own",
    "their own",
    "my own",
    "author's own",
    "authors own",
    "subscribe",
    *STANDING_NOTICE_TRIGGERS,
)
SENTENCE_TRIGGERS = (*PROMO_TRIGGERS, *DISCLAIMER_TRIGGERS)


SITE_TAGLINE = re.compile(
    r"^(?P<name>[A-Z][\w.&'’]*[A-Z][\w.&'’]*)(?:\s*[-|–—:]\s*(?P<tag>.{2,90}))?$"
)
UPDATE_NOTE = re.compile(
    r"^(?:Adds|Updates?(?: with)?|Recasts|Rewrites|Corrects|Repeats|Refiles|Changes|Removes|"
    r"Fixes|Writethrough|ADDS|UPDATES?|RECASTS|CORRECTS|REPEATS|REFILES)\b[^.!?]{0,100}$"
)
# A chart's or a graphic's caption and its link: "Megacaps since 2020 https://example.com/g1".
# A dot counts only after a single capital letter ("U.S. megacaps"), not as a sentence's end.
URL_CAPTION = re.compile(r"^(?P<caption>(?:[^;.!?]|(?<=\b[A-Z])\.){2,200}?)\s+https?://\S+$")
CAPTION_BAD_END = re.compile(r"\b(?:to|at|on|visit|see|here|via|from|in|go|log)\s*:?$", _I)
