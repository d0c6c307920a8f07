"""The result of cleaning and the body -> raw offset mapping (``to_raw``)."""

from __future__ import annotations

from bisect import bisect_right
from operator import itemgetter

import msgspec

Segment = tuple[int, int, int, int]  # (body_start, body_end, raw_start, raw_end)

_BODY_START = itemgetter(0)


class EmptyArticle(ValueError):
    """Raised when cleaning leaves no body text at all."""


class Cleaned(msgspec.Struct, frozen=True, kw_only=True):
    """A cleaned article body with its metadata and its alignment back to the raw input.

    ``alignment`` is a list of segments ``(body_start, body_end, raw_start, raw_end)`` in body
    order, covering the body without gaps. A segment whose body and raw lengths are equal was
    copied verbatim (``body[bs:be] == raw[rs:re]``); any other segment (a repaired entity, an
    inserted space, a paragraph separator) maps as a whole to its raw span.
    """

    body: str
    title: str | None = None
    published_at: str | None = None
    alignment: list[Segment] = msgspec.field(default_factory=list)


def _point(seg: Segment, pos: int, as_end: bool) -> int:
    bs, be, rs, re_ = seg
    if be - bs == re_ - rs:  # verbatim: offsets shift one to one
        return rs + (pos - bs)
    return re_ if as_end else rs


def to_raw(alignment: list[Segment], start: int, end: int) -> tuple[int, int]:
    """Raw span ``(raw_start, raw_end)`` of ``body[start:end]``.

    Verbatim segments map character for character; a span touching a non-verbatim segment is
    widened to that segment's whole raw span. Empty spans map to an empty raw span. Offsets
    outside the body are clamped to its ends.
    """
    if not alignment:
        return (0, 0)
    body_len = alignment[-1][1]
    start = min(max(start, 0), body_len)
    end = min(max(end, start), body_len)
    i = bisect_right(alignment, start, key=_BODY_START) - 1
    seg = alignment[max(i, 0)]
    if start == seg[1] and i + 1 < len(alignment):  # start at a segment's end: the next one holds it
        seg = alignment[i + 1]
    raw_start = _point(seg, start, as_end=False)
    if end == start:
        return (raw_start, raw_start)
    # the segment holding the last character of the span
    j = bisect_right(alignment, end - 1, key=_BODY_START) - 1
    raw_end = _point(alignment[max(j, 0)], end, as_end=True)
    return (raw_start, max(raw_end, raw_start))
