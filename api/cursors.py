"""Opaque pagination cursors: the last row's sort key and the position the first page answered for.

A cursor pins its pages to one log position, so paging through a list that grows meanwhile never
skips or repeats a row.
"""

from __future__ import annotations

import base64
import binascii
from collections.abc import Callable

from newsledger.api.errors import FieldError, ProblemException


def encode(key: int, position: int) -> str:
    return base64.urlsafe_b64encode(f"1:{key}:{position}".encode()).decode().rstrip("=")


def decode(cursor: str) -> tuple[int, int]:
    """(key, position) of a cursor; a 400 problem naming ``cursor`` when it is not one of ours."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        version, key, position = text.split(":")
        if version != "1" or int(key) < 0 or int(position) < 0:
            raise ValueError(text)
        return int(key), int(position)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        message = "not a cursor this API returned"
        raise ProblemException(400, "invalid-cursor", "Invalid cursor", message,
                               errors=[FieldError(field="cursor", source="query", message=message)]) from None


def page_of(cursor: str | None, at: int, reached: Callable[[], int]) -> tuple[int, int]:
    """(after key, position) for a request: from the cursor, or from the start at ``at``.

    ``reached()`` gives the position the read models have reached (asked only for a cursor): a cursor
    beyond it was not ours.
    """
    if not cursor:
        return 0, at
    key, position = decode(cursor)
    if position > reached():
        decode("")  # raises the same 400 problem
    return key, position
