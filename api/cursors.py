"""Opaque pagination cursors: the last row's sort key and the position the first page answered for.

A cursor pins its pages to one log position, so paging through a list that grows meanwhile never
skips or repeats a row, and names its listing, so that another listing refuses it (an /articles cursor
holds a log position where /assertions expects a row number).
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable

from newsledger.api.errors import FieldError, ProblemException


def encode(key: int, position: int, listing: str) -> str:
    return base64.urlsafe_b64encode(f"2:{listing}:{key}:{position}".encode()).decode().rstrip("=")


def decode(cursor: str, listing: str | None = None) -> tuple[int, int]:
    """(key, position) of a cursor of ``listing`` (None: of any); a 400 problem naming ``cursor`` when it is
    not one this API returned for it."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        parts = text.split(":")
        if parts[0] == "1" and len(parts) == 3:  # before cursors named their listing
            parts = ["1", listing or "", *parts[1:]]
        version, made_for, key, position = parts
        if version not in ("1", "2") or int(key) < 0 or int(position) < 0 or (
                listing is not None and made_for != listing):
            raise ValueError(text)
        return int(key), int(position)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        message = f"not a cursor this API returned{f' for {listing}' if listing else ''}"
        raise ProblemException(400, "invalid-cursor", "Invalid cursor", message,
                               errors=[FieldError(field="cursor", source="query", message=message)]) from None


def page_of(cursor: str | None, at: int, reached: Callable[[], int], listing: str) -> tuple[int, int]:
    """(after key, position) for a request to ``listing``: from the cursor, or from the start at ``at``.

    ``reached()`` gives the position the read models have reached (asked only for a cursor): a cursor
    beyond it was not ours.
    """
    if not cursor:
        return 0, at
    key, position = decode(cursor, listing)
    if position > reached():
        decode("", listing)  # raises the same 400 problem
    return key, position
