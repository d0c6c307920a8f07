"""The structure of an HTML page the text extractor does not keep: its headline (h1, og:title or
<title>, without the site name), the subheadlines and standfirst under the headline, and the section
headings between the article's paragraphs (not those of navigation, asides or link lists)."""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml.etree import iterwalk
from lxml.html import HtmlElement

from .boilerplate import is_boilerplate, is_list_heading
from .titles import key, without_site_name

OG_TITLE = ("og:title", "twitter:title")
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


def headline(tree: HtmlElement) -> tuple[str, str] | None:
    """``(headline, where)``: the page's h1, else its og:title, else its ``<title>``, without the site name.

    ``where`` is "h1", "og" or "title". Of several h1s, the one the page title names is the headline
    (others are logos or section names), else the first that is not the site's name.
    """
    site = _meta(tree, _OG_SITE)
    og = _meta(tree, OG_TITLE)
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


def stream(tree: HtmlElement) -> list[Item]:
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


def with_section_headings(items: list[Item], opening: list[str], paragraphs: list[str]) -> list[str]:
    """``paragraphs`` with the headings the page has right between two of them put back in place.

    A run of headings (nothing but markup between them) is kept when the page text before it ends
    the previous paragraph (or the last of ``opening``, the headline and subheadlines) and the text after it
    starts the next: the headings of a navigation or link list have links around them, not paragraphs.
    """
    known = {key(t) for t in (*opening, *paragraphs)}
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
