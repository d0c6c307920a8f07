"""Cleaning of HTML articles: the page is parsed (a fragment becomes a document), trafilatura extracts
the text, the line rules tidy it, the headline opens the body, and each paragraph is aligned word by
word to where its text occurs in the raw HTML (outside tags, scripts and styles; else to the page)."""

from __future__ import annotations

import html
import re
from bisect import bisect_right
from typing import NamedTuple

import trafilatura
from lxml.etree import ParserError, iterwalk
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from .boilerplate import is_boilerplate, is_list_heading
from .model import Cleaned, EmptyArticle, Segment
from .titles import key, without_site_name

WINDOW = 2000  # how far past the previous word the next one may be (markup, long link URLs)
NEAR = 200  # how far apart the opening words of a paragraph may be when finding where it starts
OPENING_WORDS = 4
_TOKEN = re.compile(r"\w+|[^\w\s]")  # words and punctuation marks, found one by one
_MARKUP_LEAD = re.compile(r"(?:\s|<[^<>]*>)*")
# Raw stretches that are not page text: comments, scripts, styles and tags (an unclosed one runs to the end).
_MARKUP = re.compile(r"<!--.*?(?:-->|\Z)|<(script|style)\b.*?(?:</\1\s*>|\Z)|<[A-Za-z/!?][^>]*(?:>|\Z)", re.S | re.I)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # libxml2 refuses these
_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*>")  # lxml refuses an encoding declaration in a str
_PARSER = HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)
_H1 = re.compile(r"<h1\b[^>]*>", re.I)
_H1_CLOSE = re.compile(r"</h1\s*>", re.I)
_BLOCK_END = re.compile(r"</?(?:p|h[1-6]|li|div|td|th|tr|dd|dt|blockquote|figcaption|br)\b", re.I)
_ANY_TAG = re.compile(r"<[^>]*>")
_TITLE = re.compile(r"<title\b[^>]*>", re.I)
_META = re.compile(r"<meta\b[^>]*>", re.I)
_ATTR = re.compile(r"""([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")
_OG_TITLE = ("og:title", "twitter:title")
_OG_SITE = ("og:site_name", "application-name")
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_NOT_TEXT = frozenset(("script", "style", "template", "noscript", "head", "title"))
_FURNITURE = frozenset(("nav", "aside", "footer", "form", "menu", "dialog"))  # their headings are no content
_STANDFIRST = frozenset(
    ("standfirst", "dek", "subtitle", "subheadline", "subhead", "strapline", "lede", "lead", "intro")
)
_BYLINE = frozenset(("byline", "author", "authors", "date", "dateline", "time", "timestamp", "published", "meta"))
_CLASS_WORD = re.compile(r"[a-z]+")  # 'article__standfirst', 'c-dek' -> words
MAX_SUBHEADLINES = 3
_EDGE = 30  # how much of a paragraph's key must meet a heading on either side


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


def parse(raw: str) -> HtmlElement | None:
    """The page as an lxml document; a fragment ('<p>...</p>', bare text) gets its html and body.

    trafilatura refuses a lone element it parses itself ('empty HTML tree', logged as an error),
    so the document is built here and handed over whole.
    """
    text = _XML_DECLARATION.sub("", _NOT_XML.sub("", raw), count=1)
    if not text.strip():
        return None
    try:
        return document_fromstring(text, parser=_PARSER)
    except (ParserError, ValueError):  # nothing but comments or processing instructions
        return None


def clean_html(raw: str) -> Cleaned:
    """Clean an HTML page (see the package docstring)."""
    tree = parse(raw)
    if tree is None or not tree.text_content().strip():  # trafilatura would only warn that it found nothing
        raise EmptyArticle("no article text found in the HTML")
    heading = headline(tree)  # before trafilatura: it works on a copy, but read the page as written
    doc = trafilatura.bare_extraction(
        tree, favor_precision=True, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (doc.text or "") if doc is not None else ""
    published_at = (doc.date or None) if doc is not None else None
    if heading is None and doc is not None and doc.title:  # a JSON-LD headline, an h2
        heading = (without_site_name(doc.title, doc.sitename), "")
    if heading is not None and (not heading[0] or is_boilerplate(heading[0]) or is_list_heading(heading[0])):
        heading = None  # 'Related articles' as the first h2 of a page without a title
    title = heading[0] if heading else None
    title_key = key(title) if title else None
    paragraphs = []
    in_list = False
    for line in text.split("\n"):
        line = line.strip()
        if not line:
            continue
        if is_list_heading(line):
            in_list = True  # trafilatura keeps no blank lines: the rest is the list of links
            continue
        if in_list or is_boilerplate(line) or (title_key is not None and key(line) == title_key):
            continue
        paragraphs.append(line)
    if not paragraphs:
        raise EmptyArticle("no article text found in the HTML")
    # trafilatura drops headings outside the container it reads (all of them when it finds none, as in
    # a fragment): the subheadlines under the h1 and the section headings between kept paragraphs come back
    items = _stream(tree)
    subs = subheadlines(items, title) if heading is not None and heading[1] == "h1" else []
    sub_keys = {key(s) for s in subs}
    paragraphs = [p for p in paragraphs if key(p) not in sub_keys]
    paragraphs = with_section_headings(items, [title] if title else [], subs, paragraphs)
    page = Page(raw)
    segs: list[Segment] = []
    b = cursor = 0
    if heading is not None:  # the headline is content too: it opens the body, once
        cursor = align_headline(page, heading[0], heading[1], segs)
        b = len(heading[0])
    paragraphs = [*subs, *paragraphs]
    for para in paragraphs:
        if b:
            segs.append((b, b + 2, cursor, cursor))  # the paragraph break: no raw text of its own
            b += 2
        cursor = align_paragraph(page, para, b, cursor, segs)
        b += len(para)
    body = "\n\n".join([title, *paragraphs] if title else paragraphs)
    return Cleaned(body=body, title=title, published_at=published_at, alignment=segs)


def headline(tree: HtmlElement) -> tuple[str, str] | None:
    """``(headline, where)``: the page's h1, else its og:title, else its ``<title>``, without the site name.

    ``where`` is "h1", "og" or "title". Of several h1s, the one the page title names is the headline
    (others are logos or section names), else the first that is not the site's name.
    """
    site = _meta(tree, _OG_SITE)
    og = _meta(tree, _OG_TITLE)
    title_el = tree.find("head/title")
    page_title = _text(title_el) if title_el is not None else ""
    h1s = [t for t in (_text(h) for h in tree.iter("h1")) if t]
    named = key(og or page_title)
    pick = next((h for h in h1s if len(h1s) > 1 and named.startswith(key(h))), None)
    site_key = key(site) if site else None
    pick = pick or next((h for h in h1s if key(h) != site_key), None)
    if pick:
        return pick, "h1"
    if og and (text := without_site_name(og, site)):
        return text, "og"
    if page_title and (text := without_site_name(page_title, site)):
        return text, "title"
    return None


class Item(NamedTuple):
    """A stretch of page text in reading order: a whole heading (``level`` 1-6) or a text node (level 0)."""

    level: int
    text: str
    el: HtmlElement  # the heading, or the element whose text or tail the text node is


def _stream(tree: HtmlElement) -> list[Item]:
    """The page text in reading order, each heading as one item; scripts, styles and furniture skipped."""
    body = tree.find("body")
    items: list[Item] = []
    furniture = 0  # how many nav, aside... elements we are in
    skip: HtmlElement | None = None  # a heading or script we are in: its text is taken whole or not at all
    for event, el in iterwalk(body if body is not None else tree, events=("start", "end")):
        if not isinstance(el.tag, str):
            continue
        if event == "start":
            if skip is not None:
                continue
            furniture += el.tag in _FURNITURE
            if el.tag in _HEADINGS or el.tag in _NOT_TEXT:
                skip = el
                if el.tag in _HEADINGS and (text := _text(el)):
                    items.append(Item(0 if furniture else int(el.tag[1]), text, el))
            elif el.text and el.text.strip():
                items.append(Item(0, el.text, el))
            continue
        if skip is not None and skip is not el:
            continue
        skip = None
        furniture -= el.tag in _FURNITURE
        if el.tail and el.tail.strip() and (parent := el.getparent()) is not None:
            items.append(Item(0, el.tail, parent))
    return items


def subheadlines(items: list[Item], title: str) -> list[str]:
    """The h2-h4s and standfirst (by its class: 'standfirst', 'dek', 'subtitle'...) right under the h1 headline.

    Only a byline or a dateline may come between them; the first other text ends them.
    """
    k = key(title)
    start = next((i + 1 for i, it in enumerate(items) if it.level == 1 and key(it.text) == k), None)
    if start is None:
        return []
    subs: list[str] = []
    seen: set[HtmlElement] = set()
    for it in items[start : start + 12]:
        if len(subs) == MAX_SUBHEADLINES:
            break
        if 2 <= it.level <= 4:
            if is_boilerplate(it.text) or is_list_heading(it.text):
                break
            subs.append(it.text)
            continue
        box = _classed(it.el, _STANDFIRST)
        if box is not None:
            if box not in seen and (text := _text(box)) and not is_boilerplate(text):
                seen.add(box)
                subs.append(text)
            continue
        if it.level or _classed(it.el, _BYLINE) is None:
            break
    return [s for s in dict.fromkeys(subs) if key(s) != k]


def with_section_headings(items: list[Item], before: list[str], subs: list[str], paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with the headings the page has right between two of them put back in place.

    A run of headings (nothing but markup between them) is kept when the page text before it ends
    the previous paragraph (or the headline and subheadlines) and the text after it starts the next:
    the headings of a navigation or link list have links around them, not the article's paragraphs.
    """
    known = {key(t) for t in (*before, *subs, *paragraphs)}
    parts: list[str] = []  # the page text as one key, with where each item starts and ends in it
    spans: list[tuple[int, int]] = []
    at = 0
    for it in items:
        if k := key(it.text):
            at += 1 if parts else 0
            parts.append(k)
        spans.append((at, at + len(k)))
        at += len(k)
    flat = " ".join(parts)
    keys = [key(p) for p in paragraphs]
    opening = [*before, *subs]
    insert: dict[int, list[str]] = {}
    i = 0
    while i < len(items):
        if not items[i].level:
            i += 1
            continue
        j = i
        while j < len(items) and items[j].level:
            j += 1
        run = [it.text for it in items[i:j] if it.level >= 2]
        run = [t for t in run if key(t) not in known and not is_boilerplate(t) and not is_list_heading(t)]
        if run:
            head, tail = spans[i][0], spans[j - 1][1]
            head -= 1 if head and flat[head - 1] == " " else 0
            tail += 1 if flat[tail : tail + 1] == " " else 0
            for n, k in enumerate(keys):
                prev = keys[n - 1] if n else (key(opening[-1]) if opening else "")
                if k and prev and flat.startswith(k[:_EDGE], tail) and flat.endswith(prev[-_EDGE:], 0, head):
                    insert.setdefault(n, []).extend(run)
                    known.update(key(t) for t in run)
                    break
        i = j
    return [t for n, p in enumerate(paragraphs) for t in (*insert.get(n, ()), p)]


def _classed(el: HtmlElement, words: frozenset[str]) -> HtmlElement | None:
    """``el`` or a near ancestor whose class or id has one of ``words`` (not one holding a heading)."""
    for n, a in enumerate((el, *el.iterancestors())):
        if n > 3 or a.tag in ("body", "html", "article", "main") or next(a.iter(*_HEADINGS), None) is not None:
            return None
        names = f"{a.get('class') or ''} {a.get('id') or ''}".lower()
        if words & set(_CLASS_WORD.findall(names)):
            return a
    return None


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _meta(tree: HtmlElement, names: tuple[str, ...]) -> str | None:
    for meta in tree.iter("meta"):
        name = (meta.get("property") or meta.get("name") or "").strip().lower()
        if name in names and (content := " ".join((meta.get("content") or "").split())):
            return content
    return None


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
        if name and content and _value(name)[0].strip().lower() in _OG_TITLE:
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
