"""HTTP methods: HEAD wherever GET is, OPTIONS listing every method of a path, a 405 saying what is allowed."""

from __future__ import annotations

import time

STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."


def _caught_up(api) -> None:
    """Wait (bounded) until /health says every read model has caught up: its body says "lagging" or "ok"
    (and the lags), so a GET and a HEAD either side of the catch-up would differ in length."""
    for _ in range(400):
        if api.client.get("/health").json()["status"] == "ok":
            return
        time.sleep(0.025)
    raise AssertionError("the read models did not catch up within 10 s")


def test_head_answers_wherever_get_does_with_its_headers_and_no_body(api):
    receipt = api.post_article(text=STORY, url="https://example.org/head").json()
    _caught_up(api)
    for path in ("/health", "/articles", f"/articles/{receipt['id']}", "/"):
        got = api.client.get(path, params={"position": receipt["position"]} if path != "/health" else None)
        head = api.client.head(path, params={"position": receipt["position"]} if path != "/health" else None)
        assert head.status_code == 200, (path, head.text)
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-length"] == str(len(got.content))


def test_head_where_there_is_no_get_is_405(api):
    r = api.client.head("/articles/batch")
    assert r.status_code == 405 and r.headers["allow"] == "OPTIONS, POST"


def test_options_lists_every_method_of_a_path(api):
    r = api.client.options("/articles")
    assert r.status_code == 204 and r.headers["allow"] == "GET, HEAD, OPTIONS, POST"
    assert api.client.options("/health").headers["allow"] == "GET, HEAD, OPTIONS"
    assert api.client.options("/articles/batch").headers["allow"] == "OPTIONS, POST"


def test_a_method_not_allowed_says_which_are(api):
    r = api.client.delete("/articles")
    assert r.status_code == 405 and r.headers["content-type"].startswith("application/problem+json")
    assert r.json()["detail"] == "DELETE is not allowed on /articles; allowed: GET, HEAD, OPTIONS, POST"
    assert r.headers["allow"] == "GET, HEAD, OPTIONS, POST"
