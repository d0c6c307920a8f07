"""Line rules for boilerplate in scraped article text: vocabulary patterns, not site strings.

A line is boilerplate when it is short and made of the vocabulary of page furniture:
navigation ("Previous article"), reading prompts ("Read more", "Related Articles"), comment
forms, newsletter prompts, video-player residue, share buttons, syndication and copyright
footers, image credits, ads and cookie notices. Long lines (prose paragraphs) are never dropped
by these rules: page furniture is short.
"""

from __future__ import annotations

import re

MAX_LEN = 200  # longer lines are prose; no rule applies to them

_NAV = r"(?:previous|prev|next|older|newer)\s*(?:article|post|story|page)(?:s\b|\b|(?=[A-Z]))"

# Prompts that lead to other stories; as a whole short line they head a list of links.
_READ = (
    r"(?:read|see)\s+(?:more|also|next|full)\b|continue\s+reading|keep\s+reading|click\s+here|tap\s+here"
    r"|more\s+(?:from|on\s+this|stories|news|articles|in)\b|also\s+(?:read|see)\b|further\s+reading"
    r"|related(?:\s+(?:articles?|stories|posts?|content|news|coverage|topics|links|reading|videos?))?\s*:?\s*$"
    r"|related\s*:|recommended(?:\s+(?:for\s+you|stories|articles|reading|videos?))?\b"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|enjoy|be\s+interested)|most\s+(?:read|popular|viewed|shared|watched)\b"
    r"|trending(?:\s+(?:now|stories|news))?\s*$|top\s+stories\s*$|latest\s+(?:news|stories|articles|videos?)\s*$"
    r"|editor'?s\s+picks?\b|don'?t\s+miss\b|in\s+other\s+news\s*:?\s*$|what\s+to\s+read\s+next"
)

_COMMENT = (
    r"leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+)?comment|write\s+a\s+comment"
    r"|join\s+the\s+(?:conversation|discussion|debate)|comments?\s*(?:\(\d+\))?\s*$|\d+\s+comments?\s*$"
    r"|your\s+email\s+address\s+will\s+not\s+be\s+published|required\s+fields\s+are\s+marked"
    r"|save\s+my\s+name|(?:log|sign)\s+in\s+to\s+(?:comment|reply)|you\s+must\s+be\s+logged\s+in"
    r"|cancel\s+reply|notify\s+me\s+of|(?:view|show|hide)\s+comments|comments?\s+(?:are|is)\s+closed"
    r"|commenting\s+(?:is|has\s+been)\s+(?:closed|disabled)|comment\s+policy"
)

_NEWSLETTER = (
    r"newsletters?\s*$|sign[\s-]*up\b.{0,80}\b(?:newsletter|email|inbox|updates|alerts|briefing)"
    r"|subscribe\b|get\s+(?:the|our)\b.{0,40}\b(?:newsletter|email|briefing)|enter\s+your\s+e-?mail"
    r"|by\s+(?:signing\s+up|subscribing|clicking)|thank\s+you\s+for\s+(?:signing\s+up|subscribing)"
    r"|we\s*(?:'ll|will)\s+never\s+share|unsubscribe\s+at\s+any\s+time|already\s+a\s+subscriber"
    r"|(?:create|register\s+for)\s+(?:a\s+)?(?:free\s+)?account"
)

_PLAYER = (
    r"video\s+player\s+is\s+loading|play\s+video|this\s+is\s+a\s+modal\s+window"
    r"|(?:beginning|end)\s+of\s+dialog\s+window|escape\s+will\s+cancel|close\s+modal\s+dialog"
    r"|loaded\s*:\s*\d|progress\s*:\s*\d|stream\s+type\b|seek\s+to\s+live|current\s+time\s*[-\d]"
    r"|remaining\s+time\s*[-\d]|duration\s*(?:[-\d]|time)|playback\s+rate|\d(?:\.\d+)?x\s*$"
    r"|(?:captions|subtitles|descriptions|chapters)(?:\s+(?:settings|off)|\s*$)|audio\s+track\s*$"
    r"|(?:non-)?fullscreen\s*$|(?:un)?mute\s*$|(?:play|pause|replay|close|next|skip)\s*$|now\s+playing\b"
    r"|up\s+next\s*$|skip\s+ad|ad\s+\d+\s+of\s+\d+|text\s+colou?r\b|font\s+(?:size|family)\b"
    r"|reset\s+restore\s+all\s+settings|(?:media|video)\s+(?:is\s+)?(?:unavailable|cannot\s+be\s+played)"
    r"|your\s+browser\s+does\s+not\s+support|please\s+enable\s+javascript|javascript\s+is\s+(?:disabled|required)"
    r"|watch\s+(?:the\s+)?(?:full\s+)?video\s*$|videos?\s*$"
    r"|-?\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*-?\d{1,2}:\d{2}(?::\d{2})?)?\s*$"
)

_FOOTER = (
    r"©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4})|.{0,200}?\ball\s+rights\s+reserved"
    r"|(?:this|the)\s+(?:article|story|post|piece|content|report)\s+(?:was\s+|has\s+been\s+|is\s+)?"
    r"(?:first\s+|originally\s+)?(?:appeared|published|republished|syndicated|reproduced|reprinted)\b"
    r"|(?:originally|first)\s+(?:appeared|published)\s+(?:in|on|at|by)\b|republished\s+(?:with|under|from)\b"
    r"|reprinted\s+(?:with|from)\b|.{0,120}?\b(?:published|reproduced|used)\s+(?:here\s+)?with\s+permission"
    r"|(?:additional\s+)?reporting\s+by\b|(?:writing|editing|edited)\s+by\b"
    r"|(?:follow|like)\s+us\s+on\b|(?:the\s+)?views\s+expressed\b|disclaimer\s*:"
)

_CREDIT = (
    r"(?:photo|image|picture|pic|photograph|illustration|graphic|file\s+photo|main\s+image|top\s+image"
    r"|header\s+image|featured\s+image|cover\s+image)s?\s*(?:credit|courtesy|source|copyright|by\b|:|©|\|)"
    r"|(?:image\s+|photo\s+)?credits?\s*:|image\s+copyright\b"
    r"|.{0,50}?(?:/|\bvia\b|\|)\s*(?:getty(?:\s+images)?|afp|reuters|ap|epa(?:-efe)?|shutterstock|alamy"
    r"|pa(?:\s+media|\s+images|\s+wire)?|anadolu(?:\s+agency)?|tass|sputnik|ria\s+novosti|xinhua|ukrinform"
    r"|bloomberg|nurphoto|sopa\s+images)(?:\s+via\s+getty\s+images)?\s*\)?\.?\s*$"
    r"|(?:getty\s+images|ap\s+photo|shutterstock|alamy)\b.{0,60}$"
)

_MISC = (
    r"advertisements?\s*$|sponsored(?:\s+content)?\s*$|promoted(?:\s+(?:content|stories))?\s*$|ads?\s*$"
    r"|story\s+continues\s+below|skip\s+to\s+(?:main\s+)?content|jump\s+to\b|back\s+to\s+top"
    r"|(?:we|this\s+(?:site|website))\s+uses?\s+cookies|cookie\s+(?:policy|settings|preferences)"
    r"|accept\s+(?:all\s+)?cookies|loading\W*$|please\s+wait\b|click\s+to\s+(?:enlarge|expand)"
    r"|(?:tags?|topics?|categories|filed\s+under|posted\s+(?:in|under))\s*:|(?:open|close)\s+(?:menu|search)"
    r"|(?:menu|search|log\s*in|sign\s*in|register|home)\s*$"
)

_SHARE_LINE = re.compile(
    r"(?:(?:share|shares|tweet|e-?mail|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram"
    r"|messenger|flipboard|copy\s+link|copy\s+url|copy|link|save|bookmark|this|article|story|page|on|via|x)"
    r"(?:\W+|$))+",
    re.IGNORECASE,
)
_SHARE_CORE = re.compile(
    r"share|tweet|e-?mail|print|facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|copy\s+link",
    re.IGNORECASE,
)

BOILERPLATE_RE = re.compile(
    r"\W{0,3}(?:" + "|".join((_NAV, _READ, _COMMENT, _NEWSLETTER, _PLAYER, _FOOTER, _CREDIT, _MISC)) + ")",
    re.IGNORECASE,
)
# A whole short line heading a list of other stories ("Related Articles", "Read also:").
LIST_HEADING_RE = re.compile(r"\W{0,3}(?:" + _READ + r")\W*$", re.IGNORECASE)
_HAS_WORD = re.compile(r"[^\W_]")


def is_boilerplate(line: str) -> bool:
    """True when a stripped, non-empty line is page furniture rather than article text."""
    if len(line) > MAX_LEN:
        return False
    if _HAS_WORD.search(line) is None:  # '×', '***', '|': glyphs without words
        return True
    if BOILERPLATE_RE.match(line) is not None:
        return True
    return _SHARE_LINE.fullmatch(line) is not None and _SHARE_CORE.search(line) is not None


def is_list_heading(line: str) -> bool:
    """True when a short line announces a list of links to other stories."""
    return len(line) <= 60 and LIST_HEADING_RE.match(line) is not None
