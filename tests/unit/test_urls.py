"""Canonical URLs: one article, one id, however the link was decorated."""

from __future__ import annotations

import pytest
from newsledger.domain.urls import canonical_url


@pytest.mark.parametrize("decorated", [
    "https://example.com:443/news/izium", "https://EXAMPLE.com/news/izium/", "https://example.com/news/izium#top",
    "https://example.com/news/izium?utm_source=x&fbclid=1&gclid=2", "https://example.com:/news/izium",
])
def test_a_decorated_link_canonicalises_to_the_plain_one(decorated):
    assert canonical_url(decorated) == "https://example.com/news/izium"


def test_the_default_port_of_each_scheme_is_dropped_and_no_other():
    assert canonical_url("http://example.com:80/a") == "http://example.com/a"
    assert canonical_url("http://example.com:443/a") == "http://example.com:443/a"
    assert canonical_url("https://example.com:8443/a") == "https://example.com:8443/a"
