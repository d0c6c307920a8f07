"""Cleaning of HTML articles: trafilatura extracts the text, the line rules tidy it, and each
paragraph is aligned to where its text occurs verbatim in the raw HTML (else to the whole page)."""

from __future__ import annotations

import trafilatura

from .boilerplate import is_boilerplate, is_list_heading
from .model import Cleaned, EmptyArticle, Segment
from .titles import key


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
    whole = (0, len(raw))
    for i, para in enumerate(paragraphs):
        if i:
            segs.append((b, b + 2, cursor, cursor))  # the paragraph break: no raw text of its own
            b += 2
        at = raw.find(para, cursor)
        if at < 0:
            at = raw.find(para)
        if at >= 0:
            segs.append((b, b + len(para), at, at + len(para)))
            cursor = max(cursor, at + len(para))
        else:  # entities or markup inside the paragraph: map it to the whole page
            segs.append((b, b + len(para), *whole))
        b += len(para)
    body = "\n\n".join(paragraphs)
    return Cleaned(body=body, title=title, published_at=published_at, alignment=segs)
