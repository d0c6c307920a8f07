"""Properties of the cleaner on arbitrary text, HTML and bytes: no crash, a sound alignment, determinism."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from newsledger.domain.cleaning import Cleaned, EmptyArticle, clean, to_raw
from test_properties_strategies import any_bytes, any_html, any_text

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def clean_or_none(raw: str, raw_format: str) -> Cleaned | None:
    """The cleaned article, or None when nothing is left (the one refusal the contract allows)."""
    try:
        return clean(raw, raw_format)
    except EmptyArticle:
        return None


def check_cleaned(raw: str, raw_format: str) -> None:
    first = clean_or_none(raw, raw_format)
    assert clean_or_none(raw, raw_format) == first  # deterministic
    if first is None:
        return
    body = first.body
    assert isinstance(body, str) and body.strip()
    assert "\r" not in body
    # The alignment covers the body without gaps, in order, and points inside the raw input.
    segments = first.alignment
    assert segments and segments[0][0] == 0 and segments[-1][1] == len(body)
    for (bs, be, rs, re_), nxt in zip(segments, [*segments[1:], None], strict=True):
        assert 0 <= bs <= be and 0 <= rs <= re_ <= len(raw)
        if be - bs == re_ - rs:
            assert body[bs:be] == raw[rs:re_], "a verbatim segment must copy the raw text"
        if nxt is not None:
            assert nxt[0] == be
    # Any body span maps to a raw span inside the input.
    for start, end in ((0, len(body)), (len(body) // 3, len(body) // 2), (len(body) - 1, len(body))):
        rs, re_ = to_raw(segments, start, end)
        assert 0 <= rs <= re_ <= len(raw)


@SETTINGS
@given(any_text)
def test_clean_text_never_crashes_and_aligns(raw: str) -> None:
    check_cleaned(raw, "text")


@SETTINGS
@given(any_html)
def test_clean_html_never_crashes_and_aligns(raw: str) -> None:
    check_cleaned(raw, "html")


@SETTINGS
@given(any_bytes)
def test_clean_arbitrary_bytes_decoded_with_replacement(data: bytes) -> None:
    raw = data.decode("utf-8", errors="replace")
    check_cleaned(raw, "text")
    check_cleaned(raw, "html")
