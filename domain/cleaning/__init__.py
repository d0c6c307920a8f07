"""Text cleaning: raw article input (plain text or HTML) to the body extractors read.

Public contract (implemented in the modules of this package):

- ``clean(raw: str, raw_format: str) -> Cleaned`` with ``raw_format`` in {"text", "html"}.
- ``Cleaned``: ``body``, ``title``, ``published_at`` and ``alignment`` (body offsets -> raw offsets).
- ``to_raw(alignment, start, end) -> (raw_start, raw_end)`` maps any body span into the raw input.
- ``EmptyArticle(ValueError)``: raised when nothing is left after cleaning.

Plain text: newlines normalised; HTML entities repaired, broken ones included ('&laquo ;',
'&amp;quot;'), curly quotes kept; the headline and subheadlines opening the body once (their
repeats and a repeated standfirst dropped); boilerplate lines dropped; glued tokens split;
paragraphs separated by one blank line. HTML: the document is built with lxml (so a bare fragment
such as one ``<p>`` is a page too) and read by trafilatura (favor_precision, date metadata) plus
the same line rules; the headline (the page's ``<h1>``, else og:title, else ``<title>``, without
the site name) opens the body once; each paragraph is aligned to its place in the raw HTML
(outside comments, scripts, styles, tags and entities), the text between words to the raw text
between them.
"""

from __future__ import annotations

from .model import Cleaned, EmptyArticle, Segment, to_raw
from .plaintext import clean_text

__all__ = ["Cleaned", "EmptyArticle", "Segment", "clean", "to_raw"]


def clean(raw: str, raw_format: str) -> Cleaned:
    """Clean one raw article; ``raw_format`` is "text" or "html". Raises ``EmptyArticle``."""
    if raw_format == "text":
        return clean_text(raw)
    if raw_format == "html":
        from .fromhtml import clean_html  # trafilatura takes ~0.2 s to import: only when HTML comes

        return clean_html(raw)
    raise ValueError(f"unknown raw_format {raw_format!r} (expected 'text' or 'html')")
