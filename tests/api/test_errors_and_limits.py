"""Every error is RFC 9457 problem+json with a stable type; bad input never gets a 500."""

from __future__ import annotations

import logging

from litestar import get

PROBLEM = "application/problem+json"


def is_problem(response, status: int, slug: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["type"] == f"https://newsledger.dev/problems/{slug}" and body["status"] == status
    assert body["title"] and body["title"] != body.get("detail")
    return body


def test_validation_errors_name_the_field(api):
    body = is_problem(api.client.get("/articles", params={"limit": 0}), 400, "validation")
    assert body["errors"][0]["field"] == "limit" and body["errors"][0]["source"] == "query"
    body = is_problem(api.post_article(text="Hello Kyiv", when="now"), 400, "validation")
    assert body["errors"][0]["field"] == "when"
    body = is_problem(api.post_article(text=7), 400, "validation")
    assert body["errors"][0]["field"] == "text"


def test_an_article_without_text_or_html_is_refused_naming_the_field(api):
    body = is_problem(api.post_article(url="https://example.org/x"), 422, "invalid-article")
    assert body["errors"][0]["field"] == "text"
    body = is_problem(api.post_article(text="Kyiv", published_at="not a date"), 422, "invalid-article")
    assert body["errors"][0]["field"] == "published_at"


def test_unknown_and_malformed_ids_are_404(api):
    is_problem(api.client.get("/articles/00000000-0000-0000-0000-000000000000"), 404, "article-not-found")
    is_problem(api.client.get("/articles/not-a-uuid/history"), 404, "article-not-found")
    is_problem(api.client.get("/articles/%00%ff/assertions"), 404, "article-not-found")
    is_problem(api.client.post("/articles/nope/retraction", json={"reason": "x"}, headers=api.headers()), 404,
               "article-not-found")
    is_problem(api.client.post("/extractors/nope/runs", json={}, headers=api.headers()), 404,
               "extractor-not-found")
    is_problem(api.client.get("/no/such/route"), 404, "not-found")
    is_problem(api.client.delete("/articles"), 405, "method-not-allowed")


def test_read_positions_are_checked(api):
    is_problem(api.client.get("/assertions", params={"position": 10**9}), 422, "invalid-position")
    is_problem(api.client.get("/assertions", params={"as_of": "2999-01-01T00:00:00Z"}), 422, "invalid-position")
    is_problem(api.client.get("/assertions", params={"as_of": "2020-01-01T00:00:00"}), 400, "validation")
    is_problem(api.client.get("/assertions", params={"as_of": "2020-01-01T00:00:00Z", "position": 0}), 400,
               "validation")
    is_problem(api.client.get("/assertions", params={"as_of": "yesterday"}), 400, "validation")
    is_problem(api.client.get("/assertions", params={"cursor": "garbage"}), 400, "invalid-cursor")
    assert api.client.get("/assertions", params={"as_of": "2020-01-01T00:00:00Z"}).json()["position"] == 0


def test_a_lagging_projector_answers_503_with_retry_after(make_api):
    api = make_api(max_wait=0.2, role="api")  # role api: no projector in the service
    receipt = api.post_article(text="Hello Kyiv and Lviv").json()
    body = is_problem(api.client.get("/assertions", params={"min_position": receipt["position"]}), 503,
                      "not-caught-up")
    assert "position" in body["detail"]


def test_a_body_over_the_limit_is_413(make_api):
    api = make_api(max_body_bytes=1000)
    big = "Kyiv " * 2_000_000
    is_problem(api.client.post("/articles", content=f'{{"text": "{big}"}}', headers={
        **api.headers(), "content-type": "application/json"}), 413, "body-too-large")
    body = is_problem(api.post_article(text="Kyiv " * 400), 413, "article-too-large")
    assert body["errors"][0]["field"] == "text"


def test_batch_items_fail_one_by_one(api):
    r = api.client.post("/articles/batch", json=[{"text": "Hello Kyiv"}, {"html": ""}, {"text": "x", "bad": 1}, 3],
                        headers=api.headers())
    assert r.status_code == 200
    assert [i["status"] for i in r.json()["items"]] == [201, 422, 400, 400]
    assert r.json()["items"][1]["field"] == "html"
    is_problem(api.client.post("/articles/batch", content=b"<html>", headers={
        **api.headers(), "content-type": "text/html"}), 415, "unsupported-media-type")


def test_an_unexpected_error_is_a_logged_500_problem(make_api, caplog):
    @get("/boom", operation_id="boom", sync_to_thread=False)
    def boom() -> None:
        raise RuntimeError("kaput")

    api = make_api(routes=[boom])
    with caplog.at_level(logging.ERROR, logger="newsledger.api.errors"):
        body = is_problem(api.client.get("/boom"), 500, "internal")
    assert "kaput" not in body.get("detail", "")
    assert any(r.exc_info and "kaput" in str(r.exc_info[1]) for r in caplog.records)
