"""Opaque cursors for the built-in plugins' cross-source lists (places, speakers, clusters, figures).

A cursor carries the read position of the first page and the sort key of the last row served, so
every page of one listing answers for the same position and never skips or repeats a row. Plugins
may not import the API package, so this small helper lives with the built-in plugins.
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import Annotated, Any, TypeVar

from litestar.exceptions import ValidationException
from litestar.params import Parameter

T = TypeVar("T")

#: the query parameters the cross-source lists share
Limit = Annotated[int, Parameter(ge=1, le=500, description="Page size (1 to 500).")]
Cursor = Annotated[str | None, Parameter(max_length=1000, description="The `next_cursor` of the previous page.")]
Text = Annotated[str | None, Parameter(max_length=200)]


def encode(position: int, key: Sequence[Any], listing: str) -> str:
    raw = json.dumps([2, position, list(key), listing], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(cursor: str, listing: str | None = None) -> tuple[int, list[Any]]:
    """(position, last key) of a cursor of ``listing`` (None: of any); a 400 problem naming ``cursor`` when
    it is not one this API returned for it (another listing's keys sort differently)."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        parts = json.loads(raw)
        version, position, key, made_for = parts if len(parts) == 4 else [*parts, listing]
        if version not in (1, 2) or not isinstance(position, int) or position < 0 or not isinstance(key, list) or (
                listing is not None and made_for != listing):
            raise ValueError(raw)
        return position, key
    except (ValueError, TypeError, UnicodeDecodeError, binascii.Error):
        message = f"not a cursor this API returned{f' for {listing}' if listing else ''}"
        raise ValidationException(message, extra=[{"key": "cursor", "source": "query", "message": message}]) from None


def start(cursor: str | None, at: int, listing: str) -> tuple[int, list[Any] | None]:
    """(position, key after which to continue) for a request to ``listing``: from the cursor, else the read
    position."""
    if not cursor:
        return at, None
    position, key = decode(cursor, listing)
    if position > at:  # a cursor from the future was not issued by us
        decode("", listing)
    return position, key


def page(items: Sequence[T], sort_key: Callable[[T], list[Any]], after: list[Any] | None, limit: int,
         position: int, listing: str) -> tuple[list[T], str | None]:
    """The page of ``items`` in ``sort_key`` order after ``after``, and the next cursor (for ``listing``)."""
    rest = sorted((i for i in items if after is None or sort_key(i) > after), key=sort_key)
    chosen = rest[:limit]
    more = len(rest) > limit
    return chosen, encode(position, sort_key(chosen[-1]), listing) if more and chosen else None
