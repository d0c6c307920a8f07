"""POST /articles/{id}/retraction, and writes to a retracted article: what is refused, and with which words."""

from __future__ import annotations

PROBLEM = "application/problem+json"
URL = "https://example.org/news/retracted"
STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
CHANGED = "Kyiv said on Tuesday that troops had advanced further.\n\nThe Mayor of Izium welcomed them."


def retracted(api, **body) -> dict:
    receipt = api.post_article(**body).json()
    r = api.client.post(f"/articles/{receipt['id']}/retraction", json={"reason": "wrong town"}, headers=api.headers())
    assert r.status_code == 201, r.text
    return receipt


def test_identical_content_to_a_retracted_article_records_nothing_and_says_it_is_retracted(api):
    receipt = retracted(api, text=STORY, url=URL)
    head = api.services.ledger.head()
    again = api.post_article(text=STORY, url=URL)
    assert again.status_code == 200, again.text
    assert again.json() == {"id": receipt["id"], "version": 1, "outcome": "unchanged", "position": head,
                            "retracted": "wrong town"}
    assert api.services.ledger.head() == head


def test_identical_content_without_a_url_to_a_retracted_article_is_unchanged_too(api):
    retracted(api, text=STORY)  # a content id, as `newsledger ingest examples/seeds` gives the seeds
    again = api.post_article(text=STORY)
    assert again.status_code == 200 and again.json()["retracted"] == "wrong town"


def test_different_content_for_a_retracted_article_is_still_refused_as_a_revision(api):
    retracted(api, text=STORY, url=URL)
    r = api.post_article(text=CHANGED, url=URL)
    assert r.status_code == 409 and r.json()["type"].endswith("/article-retracted")
    assert "cannot be revised" in r.json()["detail"]


def test_a_batch_repeating_a_retracted_article_fails_no_item(api):
    receipt = retracted(api, text=STORY, url=URL)
    r = api.client.post("/articles/batch", headers=api.headers(),
                        json=[{"text": STORY, "url": URL}, {"text": CHANGED, "url": URL}])
    items = r.json()["items"]
    assert [(i["status"], i["outcome"], i["retracted"]) for i in items] == [
        (200, "unchanged", "wrong town"), (409, "failed", None)]
    assert items[0]["id"] == receipt["id"]


def test_a_second_retraction_says_the_article_is_already_retracted(api):
    receipt = retracted(api, text=STORY, url=URL)
    again = api.client.post(f"/articles/{receipt['id']}/retraction", json={"reason": "again"}, headers=api.headers())
    assert again.status_code == 409 and again.headers["content-type"].startswith(PROBLEM)
    assert again.json()["detail"] == (f"article {receipt['id']} is already retracted (reason: 'wrong town'); "
                                      "a retraction is recorded once")


def test_a_retraction_without_a_body_says_that_a_reason_is_required(api):
    receipt = api.post_article(text=STORY, url=URL).json()
    r = api.client.post(f"/articles/{receipt['id']}/retraction", headers=api.headers())
    assert r.status_code == 400 and r.headers["content-type"].startswith(PROBLEM)
    body = r.json()
    assert body["type"].endswith("/empty-body")
    assert body["detail"] == 'the body is empty; send one JSON object {"reason": "..."}'
    assert body["errors"] == [{"field": "reason", "source": "body", "message": "missing: `reason`"}]
    now = api.client.get(f"/articles/{receipt['id']}", params={"min_position": api.services.ledger.head()})
    assert now.json()["retracted"] is None  # nothing was recorded


def test_a_retraction_with_an_empty_object_names_the_missing_reason(api):
    receipt = api.post_article(text=STORY, url=URL).json()
    r = api.client.post(f"/articles/{receipt['id']}/retraction", json={}, headers=api.headers())
    assert r.status_code == 400 and r.json()["errors"][0]["field"] == "reason"
