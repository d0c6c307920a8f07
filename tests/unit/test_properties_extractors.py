"""Properties of every built-in extractor on arbitrary text: no crash, valid spans, deterministic output.

Each extractor is called directly (not through the runner that turns exceptions into Failed
events), so a crash on some input fails here instead of hiding in a Failed run.
"""

from __future__ import annotations

from functools import cache

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from newsledger.domain.assertions import validate_assertion
from newsledger.domain.cleaning import EmptyArticle, clean
from newsledger.domain.text import ArticleText
from test_properties_strategies import any_bytes, any_html, any_text

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NAMES = ("numbers", "quotes", "locations")


@cache
def extractors() -> dict:
    from newsledger.plugins.manager import build_plugins

    found = {e.name: e for e in build_plugins(None, entry_points_enabled=False).extractors()}
    assert set(NAMES) <= set(found), f"built-in extractors missing: {set(NAMES) - set(found)}"
    return found


def article(body: str, title: str | None = None) -> ArticleText:
    return ArticleText(id="6c3e5f6a-1d2b-5c4d-8e9f-0a1b2c3d4e5f", version=2, body=body, title=title,
                       outlet="Example", url="https://example.org/a", published_at="2022-09-12")


def check(name: str, body: str, title: str | None = None) -> None:
    extractor = extractors()[name]
    text = article(body, title)
    first = extractor.extract(text)
    assert isinstance(first, list)
    for item in first:  # spans inside the body, text equal to the span, data of the kind's shape
        validate_assertion(item, text, extractor.name, extractor.version)
    assert len({a.id for a in first}) == len(first), "one span reported twice"
    assert extractor.extract(text) == first  # deterministic


@pytest.mark.parametrize("name", NAMES)
@SETTINGS
@given(body=any_text, title=st.one_of(st.none(), any_text))
def test_extractor_on_arbitrary_text(name: str, body: str, title: str | None) -> None:
    check(name, body, title)


@pytest.mark.parametrize("name", NAMES)
@SETTINGS
@given(raw=st.one_of(any_text, any_html.map(lambda h: ("html", h)), any_bytes))
def test_extractor_on_cleaned_input(name: str, raw: str | bytes | tuple[str, str]) -> None:
    """What the ledger really feeds an extractor: the cleaned body of text, HTML or undecodable bytes."""
    raw_format = "text"
    if isinstance(raw, tuple):
        raw_format, raw = raw
    elif isinstance(raw, bytes):
        raw = raw.decode("utf-8", errors="replace")
    try:
        cleaned = clean(raw, raw_format)
    except EmptyArticle:
        return
    check(name, cleaned.body, cleaned.title)
