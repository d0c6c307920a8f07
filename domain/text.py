"""What an extractor sees of an article: one immutable version of its cleaned body."""

from __future__ import annotations

import msgspec


class ArticleText(msgspec.Struct, frozen=True, kw_only=True):
    """One version of an article, as handed to extractors.

    Offsets of every assertion index ``body``; extractors must not assume anything about
    ``title``, ``outlet`` or ``url`` beyond being optional context.
    """

    id: str
    version: int
    body: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_at: str | None = None
