"""The title block at the top of a plain-text article: headline, its repeats, subheadlines.

Scraped text often starts with a masthead, the headline (sometimes several times, in variant
wordings), a subheadline and a standfirst that the body repeats. The block ends at the first
line that reads like prose: a long line, or one ending a sentence that is neither a repeat of a
block line nor a paragraph the article repeats further down.
"""

from __future__ import annotations

import re

from rapidfuzz.fuzz import ratio

from .boilerplate import is_boilerplate

MAX_BLOCK_LINES = 10
MAX_HEADING_WORDS = 20
MAX_TAGLINE_WORDS = 6  # 'Focus on the big picture.' -- a tagline, even with a full stop
NEAR_DUP = 80.0  # rapidfuzz ratio (0-100) of normalised lines: a variant of the headline
# Inside a title block already found, a line this close to an earlier one is a variant wording of it
# ('US marked «changing dynamics»...' under 'The United States noted a “change in dynamics”...').
VARIANT = 70.0

_CLOSERS = "\"'”’»)]*\u00a0 "
_NOT_HEADING_END = frozenset(".,;:(-–—/&")
_KEY_DROP = re.compile(r"[\W_]+")
DATELINE = re.compile(r"(?i).*\b(?:published|updated|posted)\b")  # a dateline is not the title


def key(line: str) -> str:
    """A comparison key: lowercase words only (quotes, entities' punctuation and spaces folded)."""
    return _KEY_DROP.sub(" ", line.lower()).strip()


def headingish(line: str) -> bool:
    """True when a line reads like a headline: short and not ending a declarative sentence."""
    if len(line) > 250 or line.count(" ") >= MAX_HEADING_WORDS:
        return False
    end = line.rstrip(_CLOSERS)
    if end.endswith(("...", "…")):  # a cut-off headline: 'My memories of Marley...'
        return True
    return end[-1:] not in _NOT_HEADING_END


def is_near_dup(k: str, keys: list[str], cutoff: float = NEAR_DUP) -> int | None:
    for i, other in enumerate(keys):
        if other and (k == other or ratio(k, other, score_cutoff=cutoff)):
            return i
    return None


def title_block(raw: str, lines: list[tuple[int, int, int]]) -> tuple[int, int | None]:
    """``(k, title_index)``: the first ``k`` lines form the title block; the title is line ``title_index``.

    The title is the first headline line that the block repeats (mastheads are not repeated),
    else the first line that is not page furniture. ``(0, None)`` when the text starts with prose.
    """
    if not lines:
        return 0, None
    s, e, _ = lines[0]
    first = raw[s:e]
    if _wrapped(raw, lines, 0) or not (headingish(first) or reappears(raw, first, e)):
        return 0, None
    keys = [key(first)]
    longest = len(first)
    title: int | None = None
    last_dup = 0
    tagline: int | None = None  # first short full sentence after the last repeat: a tagline or a lead
    k = 1
    while k < len(lines) and k < MAX_BLOCK_LINES:
        s, e, _ = lines[k]
        line = raw[s:e]
        if _wrapped(raw, lines, k):
            break
        # a variant of a block line has about its length; skip the comparison for long prose
        lk = key(line) if e - s <= 2 * longest else ""
        dup = is_near_dup(lk, keys) if len(lk) >= 8 else None
        if dup is not None:
            if title is None:
                title = dup
            last_dup, tagline = k, None
        elif (headingish(line) and line.rstrip(_CLOSERS)[-1:] not in "?!") or reappears(raw, line, e):
            pass  # a subheadline (a question is a lead, not a subheadline) or a repeated standfirst
        elif line.count(" ") < MAX_TAGLINE_WORDS:
            tagline = k if tagline is None else tagline
        else:
            break
        keys.append(lk or key(line))
        longest = max(longest, e - s)
        k += 1
    if tagline is not None and tagline > last_dup:
        # a masthead tagline comes before the (repeated) headline; after it, a short sentence is the lead
        k = tagline
    if title is None:
        title = next((i for i in range(k) if _title_candidate(raw[lines[i][0]:lines[i][1]])), None)
    return k, title


def _title_candidate(line: str) -> bool:
    return headingish(line) and not is_boilerplate(line) and DATELINE.match(line) is None


def _wrapped(raw: str, lines: list[tuple[int, int, int]], i: int) -> bool:
    """True when line ``i`` is hard-wrapped prose rather than a headline."""
    s, e, blk = lines[i]
    if i + 1 >= len(lines) or lines[i + 1][2] != blk:
        return False
    # the next line goes on in lowercase, or this one is long and stops mid-sentence (hard wrap)
    return raw[lines[i + 1][0]].islower() or (e - s >= 60 and raw[e - 1] not in ".!?\"”’»)")


def reappears(raw: str, line: str, after: int) -> bool:
    """A paragraph at the top that the article repeats later: a standfirst copy."""
    return len(line) >= 40 and raw.find(line, after) >= 0


# ' | ', ' - ', ' – ', ' — ', ' · ', ' • ', ' » ', ' :: ' between a page title and the site's name; never ': '
_SITE_SEP = re.compile(r"\s+(?:[|–—·•»]|-|::)\s+")
MAX_SITE_WORDS = 4


def without_site_name(title: str, site_name: str | None = None) -> str:
    """A page title (``<title>``, og:title) without the site's name before or after it.

    'Blasts hit Melitopol, 12 injured | BBC News' -> 'Blasts hit Melitopol, 12 injured'. A part is
    the site's name when it is ``site_name`` (or contains it), else when it is the last part after a
    pipe or a short run of capitalised words ('The Daily Example', 'Kyiv Independent').
    """
    parts = _SITE_SEP.split(title.strip())
    if len(parts) < 2:
        return title.strip()
    site = set(key(site_name).split()) if site_name else set()

    def is_site(part: str) -> bool:
        words = set(key(part).split())
        return bool(site and words) and len(words) <= MAX_SITE_WORDS and (site <= words or words <= site)

    n = len(parts)
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    if len(parts) == n:  # no part is the known site name: a short name-like last part is
        last = parts[-1].split()
        pipe = _SITE_SEP.findall(title)[-1].strip() == "|"
        if len(last) <= MAX_SITE_WORDS and (pipe or all(w[0].isupper() for w in last)):
            parts.pop()
    return _join(title, parts)


def _join(title: str, parts: list[str]) -> str:
    """The stretch of ``title`` from the first to the last of ``parts`` (separators kept as written)."""
    start = title.index(parts[0])
    end = title.index(parts[-1], start) + len(parts[-1])
    return title[start:end].strip()
