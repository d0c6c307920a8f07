"""Answers at a log position are kept per process; a new event moves current reads on, never old ones."""

from __future__ import annotations

from newsledger.api.read_cache import ReadCache

STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
CHANGED = "Kyiv said on Tuesday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
URL = "https://example.org/news/cache"


def test_current_reads_follow_new_events_and_past_reads_stay_put(database_url, make_api):
    api = make_api(database_url)
    c, cache = api.client, api.client.app.state.read_cache
    p1 = api.post_article(text=STORY, url=URL).json()["position"]
    first = c.get("/assertions", params={"min_position": p1})
    hits = cache.hits
    again = c.get("/assertions", params={"position": first.json()["position"]})
    assert again.content == first.content and cache.hits == hits + 1

    p2 = api.post_article(text=CHANGED, url=URL).json()["position"]
    now = c.get("/assertions", params={"min_position": p2}).json()
    assert now["position"] >= p2 and "Tuesday" in {a["text"] for a in now["items"]}
    current = c.get("/assertions").json()  # no position: the latest, not the page kept for p1
    assert current["position"] >= p2 and "Monday" not in {a["text"] for a in current["items"]}
    past = c.get("/assertions", params={"position": first.json()["position"]})
    assert past.content == first.content


def test_errors_are_not_kept(make_api):
    api = make_api()
    missing = "00000000-0000-0000-0000-000000000000"
    assert api.client.get(f"/articles/{missing}/assertions").status_code == 404
    assert len(api.client.app.state.read_cache) == 0


def test_the_cache_is_bounded_by_bytes_least_recently_used_first():
    cache = ReadCache(max_bytes=800)
    for n in range(8):
        cache.put(("q", n), b"x" * 100)
    assert cache.get(("q", 0)) is not None  # now the most recently used
    cache.put(("q", 8), b"y" * 100)
    assert cache.get(("q", 1)) is None and cache.get(("q", 0)) is not None
    assert cache.size <= 800
    cache.put(("big",), b"z" * 101)  # over an eighth of the budget: not kept
    assert cache.get(("big",)) is None


def test_a_zero_budget_keeps_nothing():
    cache = ReadCache(max_bytes=0)
    cache.put(("q",), b"{}")
    assert cache.get(("q",)) is None and len(cache) == 0
