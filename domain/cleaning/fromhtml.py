"""Cleaning of HTML articles: the page is parsed (a fragment becomes a document), trafilatura extracts
the text, the line rules tidy it, the headline opens the body, and each paragraph is aligned word by
word to where its text occurs in the raw HTML (outside tags, scripts and styles; else to the page)."""

from __future__ import annotations

import re

import trafilatura
from lxml.etree import ParserError
from lxml.html import HtmlElement, HTMLParser, document_fromstring

from .boilerplate import is_boilerplate, is_list_heading
from .htmlalign import Page, align_headline, align_paragraph
from .htmlstructure import headline, stream, subheadlines, with_section_headings
from .model import Cleaned, EmptyArticle, Segment
from .titles import key, without_site_name

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")  # libxml2 refuses these
_XML_DECLARATION = re.compile(r"\s*<\?xml[^>]*>")  # lxml refuses an encoding declaration in a str
_PARSER = HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)


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
    items = stream(tree)
    subs = subheadlines(items, title) if heading is not None and heading[1] == "h1" else []
    sub_keys = {key(s) for s in subs}
    paragraphs = [p for p in paragraphs if key(p) not in sub_keys]
    paragraphs = with_section_headings(items, [title, *subs] if title else subs, paragraphs)
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
