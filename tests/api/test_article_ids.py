"""Article ids are UUIDs, and a UUID's hex digits are case-insensitive: every route taking one says so."""

from __future__ import annotations

STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."


def test_every_article_route_finds_the_article_by_its_id_in_upper_case(api):
    receipt = api.post_article(text=STORY, url="https://example.org/ids").json()
    upper, at = receipt["id"].upper(), {"min_position": receipt["position"]}
    c = api.client
    one = c.get(f"/articles/{upper}", params=at)
    assert one.status_code == 200 and one.json()["id"] == receipt["id"]
    history = c.get(f"/articles/{upper}/history", params=at)
    assert history.status_code == 200 and history.json()["id"] == receipt["id"]
    assertions = c.get(f"/articles/{upper}/assertions", params=at)
    assert assertions.status_code == 200 and assertions.json()["items"]
    assert assertions.json() == c.get(f"/articles/{receipt['id']}/assertions", params=at).json()
    retraction = c.post(f"/articles/{upper}/retraction", json={"reason": "wrong town"}, headers=api.headers())
    assert retraction.status_code == 201 and retraction.json()["id"] == receipt["id"]


def test_an_id_that_is_no_uuid_is_still_404(api):
    assert api.client.get("/articles/NOT-A-UUID").json()["type"].endswith("/article-not-found")
