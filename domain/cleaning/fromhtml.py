"""Cleaning of HTML articles: trafilatura extracts the text, the line rules tidy it, and each
paragraph is aligned word by word to where its text occurs in the raw HTML (else to the page)."""

from __future__ import annotations

import re

import trafilatura

from .boilerplate import is_boilerplate, is_list_heading
from .model import Cleaned, EmptyArticle, Segment
from .titles import key

WINDOW = 2000  # how far past the previous word the next one may be (markup, long link URLs)
_TOKEN = re.compile(r"\w+|[^\w\s]")  # words and punctuation marks, found one by one
_MARKUP_LEAD = re.compile(r"(?:\s|<[^<>]*>)*")


def clean_html(raw: str) -> Cleaned:
    """Clean an HTML page (see the package docstring)."""
    doc = trafilatura.bare_extraction(
        raw, favor_precision=True, with_metadata=True, include_comments=False, include_tables=False
    )
    text = (doc.text or "") if doc is not None else ""
    title = (doc.title or None) if doc is not None else None
    published_at = (doc.date or None) if doc is not None else None
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
    segs: list[Segment] = []
    b = 0
    cursor = 0
    for i, para in enumerate(paragraphs):
        if i:
            segs.append((b, b + 2, cursor, cursor))  # the paragraph break: no raw text of its own
            b += 2
        cursor = align_paragraph(raw, para, b, cursor, segs)
        b += len(para)
    body = "\n\n".join(paragraphs)
    return Cleaned(body=body, title=title, published_at=published_at, alignment=segs)


def align_paragraph(raw: str, para: str, b: int, cursor: int, segs: list[Segment]) -> int:
    """Append the segments of ``para`` (at body offset ``b``); return the new raw cursor.

    Words are found in order in the raw HTML (each within ``WINDOW`` of the previous one) and
    copied verbatim; what lies between found words (spaces, words with entities or markup inside)
    maps to the raw text between them. A paragraph none of whose words is found maps to the page.
    """
    found: list[tuple[int, int, int]] = []  # (para start, para end, raw start) of words found
    pos = cursor
    for m in _TOKEN.finditer(para):
        word = m.group()
        at = _find(raw, word, pos)
        if at >= 0:
            found.append((m.start(), m.end(), at))
            pos = at + len(word)
    if not found:
        segs.append((b, b + len(para), 0, len(raw)))
        return cursor
    prev_p, prev_r = 0, found[0][2] if found[0][0] == 0 else cursor
    for ps, pe, rs in found:
        if ps > prev_p:
            _gap(raw, para, segs, b + prev_p, b + ps, prev_r, rs, para[prev_p:ps])
        segs.append((b + ps, b + pe, rs, rs + pe - ps))
        prev_p, prev_r = pe, rs + pe - ps
    if prev_p < len(para):  # unfound words at the end: up to the end of the window
        end = min(len(raw), prev_r + WINDOW)
        _gap(raw, para, segs, b + prev_p, b + len(para), prev_r, end, para[prev_p:])
    return prev_r


def _find(raw: str, word: str, pos: int) -> int:
    """Where ``word`` occurs as text (not inside a tag, an entity or a longer word) after ``pos``."""
    limit = pos + WINDOW + len(word)
    alnum_start, alnum_end = word[0].isalnum(), word[-1].isalnum()
    at = raw.find(word, pos, limit)
    while at >= 0:
        before = raw[at - 1] if at else " "
        after = raw[at + len(word)] if at + len(word) < len(raw) else " "
        ok = raw.rfind("<", 0, at) <= raw.rfind(">", 0, at)  # not inside a tag
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
