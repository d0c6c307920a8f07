"""Alignment of HTML body text to the raw page: each paragraph is placed where its opening words occur
close together (outside tags, comments, scripts and styles), then aligned word by word, the text
between words to the raw text between them; the headline maps to the h1, og:title or <title> it came from."""

from __future__ import annotations

import html
import re
from bisect import bisect_right

from .htmlstructure import OG_TITLE
from .model import Segment
from .titles import key

WINDOW = 2000  # how far past the previous word the next one may be (markup, long link URLs)
NEAR = 200  # how far apart the opening words of a paragraph may be when finding where it starts
OPENING_WORDS = 4
_TOKEN = re.compile(r"\w+|[^\w\s]")  # words and punctuation marks, found one by one
_MARKUP_LEAD = re.compile(r"(?:\s|<[^<>]*>)*")
# Raw stretches that are not page text: comments, scripts, styles and tags (an unclosed one runs to the end).
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<[A-Za-z/!?][^>]*(?:>|\Z)", re.S | re.I)
_H1 = re.compile(r"<h1\b[^>]*>", re.I)
_H1_CLOSE = re.compile(r"</h1\s*>", re.I)
_BLOCK_END = re.compile(r"</?(?:p|h[1-6]|li|div|td|th|tr|dd|dt|blockquote|figcaption|br)\b", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<title\b[^>]*>", re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


class Page:
    """The raw HTML with where its text lies (outside tags, comments, scripts and styles)."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        spans = [m.span() for m in _MARKUP.finditer(raw)]
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def is_tag(self, at: int) -> bool:
        """True when a tag (not a comment, script or style) starts at ``at``."""
        i = bisect_right(self._starts, at) - 1
        return i >= 0 and self._starts[i] == at and self.raw[at + 1 : at + 2] not in ("!", "?")

    def is_text(self, at: int) -> bool:
        i = bisect_right(self._starts, at) - 1
        return i < 0 or at >= self._ends[i]


def align_headline(page: Page, title: str, where: str, segs: list[Segment]) -> int:
    """Append the segments of the headline (body offset 0) from where it was read; return the raw cursor."""
    raw = page.raw
    if where == "og" and (value := _og_value(page)) is not None:
        vs, ve = value
        words = _TOKEN.findall(title)
        rs = raw.find(words[0], vs, ve)
        re_ = raw.rfind(words[-1], max(rs, vs), ve) + len(words[-1])
        if rs < 0 or re_ < rs + len(words[-1]):
            rs, re_ = vs, ve
        _whole(raw, title, 0, rs, re_, segs)
        return re_
    anchor = 0
    if where == "h1":
        k = key(title)
        for m in _H1.finditer(raw):
            close = _H1_CLOSE.search(raw, m.end())
            inner = raw[m.end() : close.start() if close else len(raw)]
            if page.is_tag(m.start()) and key(html.unescape(_ANY_TAG.sub("", inner))) == k:
                anchor = m.end()
                break
    elif where == "title":
        anchor = next((m.end() for m in _TITLE.finditer(raw) if page.is_tag(m.start())), 0)
    return align_paragraph(page, title, 0, anchor, segs)


def _og_value(page: Page) -> tuple[int, int] | None:
    """The raw span of the og:title (or twitter:title) meta tag's content."""
    for m in _META.finditer(page.raw):
        if not page.is_tag(m.start()):
            continue
        attrs = {a.group(1).lower(): a for a in _ATTR.finditer(m.group())}
        name = attrs.get("property") or attrs.get("name")
        content = attrs.get("content")
        if name and content and _value(name)[0].strip().lower() in OG_TITLE:
            _, group = _value(content)
            return m.start() + content.start(group), m.start() + content.end(group)
    return None


def _value(attr: re.Match[str]) -> tuple[str, int]:
    group = next(g for g in (2, 3, 4) if attr.group(g) is not None)
    return attr.group(group), group


def _whole(raw: str, text: str, b: int, rs: int, re_: int, segs: list[Segment]) -> None:
    """``text`` at body offset ``b`` maps as a whole to ``raw[rs:re_]``, verbatim only if it is a copy."""
    if re_ - rs == len(text) and raw[rs:re_] != text:  # same length, other text: widen by one char
        re_ = re_ + 1 if re_ < len(raw) else re_
        rs = rs - 1 if re_ - rs == len(text) and rs > 0 else rs
    segs.append((b, b + len(text), rs, re_))


def align_paragraph(page: Page, para: str, b: int, cursor: int, segs: list[Segment]) -> int:
    """Append the segments of ``para`` (at body offset ``b``); return the new raw cursor.

    The paragraph starts where its opening words occur close together in the page text, searched
    from ``cursor`` on, then before it. From there words are found in order (each within ``WINDOW``
    of the previous one) and copied verbatim; what lies between found words (spaces, words with
    entities or markup inside) maps to the raw text between them. A paragraph none of whose words
    is found maps to the page.
    """
    raw = page.raw
    tokens = list(_TOKEN.finditer(para))
    opening = _opening(page, tokens, cursor)
    first, pos = opening if opening is not None else (0, cursor)
    found: list[tuple[int, int, int]] = []  # (para start, para end, raw start) of words found
    for m in tokens[first:]:
        word = m.group()
        at = _find(page, word, pos, pos + WINDOW + len(word))
        if at >= 0:
            found.append((m.start(), m.end(), at))
            pos = at + len(word)
    if not found:
        segs.append((b, b + len(para), 0, len(raw)))
        return cursor
    if found[0][0] == 0:
        prev_r = found[0][2]
    elif opening is not None:  # words before the opening ones ('&ldquo;'): from the tag before them
        lo = max(0, found[0][2] - NEAR)
        prev_r = max(lo, raw.rfind(">", lo, found[0][2]) + 1)
    else:
        prev_r = cursor
    prev_p = 0
    for ps, pe, rs in found:
        if ps > prev_p:
            _gap(raw, para, segs, b + prev_p, b + ps, prev_r, rs, para[prev_p:ps])
        segs.append((b + ps, b + pe, rs, rs + pe - ps))
        prev_p, prev_r = pe, rs + pe - ps
    if prev_p < len(para):  # unfound words at the end ('&rdquo;'): up to the block's end, else the window's
        end = min(len(raw), prev_r + WINDOW)
        if (block_end := _BLOCK_END.search(raw, prev_r, end)) is not None:
            end = block_end.start()
        _gap(raw, para, segs, b + prev_p, b + len(para), prev_r, end, para[prev_p:])
    return prev_r


def _opening(page: Page, tokens: list[re.Match[str]], cursor: int) -> tuple[int, int] | None:
    """``(i, at)``: token ``i`` opens the paragraph at raw ``at``, followed closely by the next words.

    The first few tokens are tried in turn (one may be written as an entity), after ``cursor`` first.
    """
    n = len(page.raw)
    for i in range(min(3, len(tokens))):
        words = [m.group() for m in tokens[i : i + OPENING_WORDS]]
        for lo, hi in ((cursor, n), (0, cursor)):
            at = _find(page, words[0], lo, hi)
            while at >= 0:
                if _follows(page, words[1:], at + len(words[0])):
                    return i, at
                at = _find(page, words[0], at + 1, hi)
    return None


def _follows(page: Page, words: list[str], pos: int) -> bool:
    for word in words:
        at = _find(page, word, pos, pos + NEAR + len(word))
        if at < 0:
            return False
        pos = at + len(word)
    return True


def _find(page: Page, word: str, pos: int, limit: int) -> int:
    """Where ``word`` occurs as page text (not in markup, an entity or a longer word) in ``[pos, limit)``."""
    raw = page.raw
    alnum_start, alnum_end = word[0].isalnum(), word[-1].isalnum()
    at = raw.find(word, pos, limit)
    while at >= 0:
        before = raw[at - 1] if at else " "
        after = raw[at + len(word)] if at + len(word) < len(raw) else " "
        ok = page.is_text(at)
        if alnum_start and (before.isalnum() or before in "&#_"):
            ok = False
        if alnum_end and (after.isalnum() or after == "_"):
            ok = False
        if ok:
            return at
        at = raw.find(word, at + 1, limit)
    return -1


def _gap(raw: str, para: str, segs: list[Segment], bs: int, be: int, rs: int, re_: int, text: str) -> None:
    """A body stretch between found words: spaces anchor at a point, the rest maps to the raw text
    between the words without the surrounding markup; never mistaken for a verbatim copy."""
    core = text.strip()
    if not core:
        segs.append((bs, be, rs, rs))
        return
    lead = len(text) - len(text.lstrip())
    trail = len(text) - len(text.rstrip())
    between = raw[rs:re_]
    a = rs + _MARKUP_LEAD.match(between).end()
    z = re_
    while z > a:  # drop trailing spaces and tags
        if raw[z - 1].isspace():
            z -= 1
        elif raw[z - 1] == ">" and (lt := raw.rfind("<", a, z - 1)) >= 0:
            z = lt
        else:
            break
    if lead:
        segs.append((bs, bs + lead, a, a))
    cs, ce = bs + lead, be - trail
    if ce - cs == z - a and raw[a:z] != core:  # same length, other text: widen by one char
        if z < len(raw):
            z += 1
        elif a > 0:
            a -= 1
        else:
            z = a
    segs.append((cs, ce, a, z))
    if trail:
        segs.append((ce, be, z, z))
