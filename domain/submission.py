"""What a client submits (one article) and how it becomes the fields of an article version."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import msgspec
from newsledger.domain.article import content_hash
from newsledger.domain.cleaning import EmptyArticle, clean
from newsledger.domain.errors import InvalidSubmission
from newsledger.domain.urls import canonical_url

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class ArticleTooLarge(InvalidSubmission):
    """The article's text or html is over the size limit (over HTTP: 413, not 422)."""


class Submission(msgspec.Struct, kw_only=True, forbid_unknown_fields=True):
    """One article as submitted: ``text`` or ``html``, with optional metadata.

    ``id`` is the feed's own identifier for the article (kept, not used as the ledger id);
    ``source`` is an alias of ``outlet`` (common in public corpora): give either, or both with the
    same value; two different values are refused rather than one silently dropped.
    """

    text: str | None = None
    html: str | None = None
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published_at: str | None = None
    id: str | None = None
    source: str | None = None
    category: str | None = None


def prepare(
    sub: Submission, *, max_bytes: int = DEFAULT_MAX_BYTES, received_at: datetime | None = None
) -> dict[str, Any]:
    """Validate and clean a submission into the fields of ``Article.Ingested``/``Revised``, and
    ``given_title`` (the client's title or None), which the ledger reads but never records.

    Raises InvalidSubmission naming the field at fault; nothing is recorded for it.
    """
    if (sub.text is None) == (sub.html is None):
        raise InvalidSubmission("exactly one of 'text' or 'html' is required", field="text")
    raw_format = "text" if sub.text is not None else "html"
    raw = sub.text if sub.text is not None else sub.html
    assert raw is not None
    size = len(raw.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise ArticleTooLarge(f"{raw_format} is {size} bytes, over the limit of {max_bytes}", field=raw_format)
    if not raw.strip():
        raise InvalidSubmission(f"{raw_format} is empty", field=raw_format)
    if "\x00" in raw:
        raise InvalidSubmission(f"{raw_format} contains NUL characters", field=raw_format)
    try:
        url = canonical_url(sub.url)
    except ValueError as exc:
        raise InvalidSubmission(str(exc), field="url") from None
    outlet = _outlet(sub.outlet, sub.source)
    published_at = _iso_date(sub.published_at)
    try:
        cleaned = clean(raw, raw_format)
    except EmptyArticle as exc:
        raise InvalidSubmission(f"no article text left after cleaning: {exc}", field=raw_format) from None
    given_title = sub.title.strip() if sub.title and sub.title.strip() else None
    title = given_title or cleaned.title
    return {
        "url": url,
        "outlet": outlet,
        "title": title,
        "published_at": published_at or cleaned.published_at,
        "received_at": received_at or datetime.now(UTC),
        "raw": raw,
        "raw_format": raw_format,
        "body": cleaned.body,
        "content_hash": content_hash(title, cleaned.body),
        "alignment": [list(seg) for seg in cleaned.alignment],
        "external_id": sub.id,
        "category": sub.category,
        # not recorded: whether the title came from the client, so that re-submitting the same input is
        # "unchanged" even when a newer cleaner reads another title or body from it (Article.revise_if_changed)
        "given_title": given_title,
    }


def _outlet(outlet: str | None, source: str | None) -> str | None:
    """``outlet``, or its alias ``source``; both may be given only with the same value."""
    if outlet and source and outlet.strip() != source.strip():
        raise InvalidSubmission(
            f"'source' is an alias of 'outlet'; they differ ({outlet!r}, {source!r}): give one", field="source")
    return outlet or source


def _iso_date(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    text = value.strip()
    try:
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidSubmission(
            f"published_at is not an ISO 8601 date or time: {value!r}", field="published_at"
        ) from None
    return parsed.isoformat()
