"""The API's promises, through Litestar's TestClient, on memory, a SQLite file and PostgreSQL."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from support import capitals_extractor

STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
CHANGED = "Kyiv said on Tuesday that troops had advanced further.\n\nThe Mayor of Izium welcomed them."
URL = "https://example.org/news/1"


def words(page: dict) -> set[str]:
    return {a["text"] for a in page["items"]}


def test_a_revised_article_reads_as_its_first_version_as_of_an_earlier_position(database_url, make_api):
    api = make_api(database_url)
    c = api.client
    first = api.post_article(text=STORY, url=URL, outlet="Example")
    assert first.status_code == 201, first.text
    assert first.json()["outcome"] == "new" and first.json()["version"] == 1
    time.sleep(0.01)  # as_of below is taken strictly between the two writes
    between = datetime.now(UTC).isoformat()
    time.sleep(0.01)
    again = api.post_article(text=STORY, url=URL, outlet="Example")
    assert again.status_code == 200 and again.json()["outcome"] == "unchanged"
    assert again.json()["position"] == first.json()["position"]  # the log head: nothing was recorded since
    second = api.post_article(text=CHANGED, url=URL, outlet="Example")
    assert second.status_code == 201 and second.json()["version"] == 2
    article_id, p1, p2 = first.json()["id"], first.json()["position"], second.json()["position"]

    now = c.get(f"/articles/{article_id}", params={"min_position": p2}).json()
    assert now["version"] == 2 and "Tuesday" in now["body"] and now["position"] >= p2
    then = c.get(f"/articles/{article_id}", params={"position": p1}).json()
    assert then["version"] == 1 and "Monday" in then["body"] and then["position"] == p1
    by_time = c.get(f"/articles/{article_id}", params={"as_of": between}).json()
    assert by_time["version"] == 1 and by_time["position"] == p1

    old = c.get(f"/articles/{article_id}/assertions", params={"position": p1}).json()
    new = c.get(f"/articles/{article_id}/assertions", params={"position": p2}).json()
    assert "Monday" in words(old) and "Monday" not in words(new) and "Tuesday" in words(new)
    assert old["position"] == p1

    history = c.get(f"/articles/{article_id}/history", params={"position": p2}).json()
    assert [v["version"] for v in history["versions"]] == [1, 2]
    assert [(r["article_version"], r["status"]) for r in history["runs"]] == [(1, "completed"), (2, "completed")]


def test_a_re_extraction_is_invisible_as_of_earlier_positions(database_url, make_api):
    api = make_api(database_url)
    receipt = api.post_article(text=STORY, url=URL).json()
    api.services.ledger.extractors["capitals"] = capitals_extractor("2")
    run = api.client.post("/extractors/capitals/runs", json={"which": "stale"}, headers=api.headers("admin"))
    assert run.status_code == 200, run.text
    assert run.json()["runs"] == 1
    c = api.client
    before = c.get("/assertions", params={"position": receipt["position"]}).json()
    after = c.get("/assertions", params={"min_position": run.json()["position"]}).json()
    assert {a["extractor_version"] for a in before["items"]} == {"1"}
    assert {a["extractor_version"] for a in after["items"]} == {"2"}
    rerun = c.post("/extractors/capitals/runs", json={}, headers=api.headers("admin")).json()
    assert rerun["runs"] == 0  # nothing stale any more


def test_a_retraction_closes_the_assertions_but_not_the_past(database_url, make_api):
    api = make_api(database_url)
    receipt = api.post_article(text=STORY, url=URL).json()
    c = api.client
    r = c.post(f"/articles/{receipt['id']}/retraction", json={"reason": "wrong town"}, headers=api.headers())
    assert r.status_code == 201
    now = c.get(f"/articles/{receipt['id']}", params={"min_position": r.json()["position"]}).json()
    assert now["retracted"] == "wrong town"
    assert c.get(f"/articles/{receipt['id']}/assertions").json()["items"] == []
    assert c.get(f"/articles/{receipt['id']}/assertions", params={"position": receipt["position"]}).json()["items"]
    again = c.post(f"/articles/{receipt['id']}/retraction", json={"reason": "again"}, headers=api.headers())
    assert again.status_code == 409 and again.headers["content-type"].startswith("application/problem+json")
    revise = api.post_article(text=CHANGED, url=URL)
    assert revise.status_code == 409 and revise.json()["type"].endswith("/article-retracted")


def test_pages_follow_a_cursor_pinned_to_one_position(database_url, make_api):
    api = make_api(database_url)
    batch = "\n".join(f'{{"text": "Story {n} from Kyiv and Lviv.", "url": "https://example.org/{n}"}}'
                      for n in range(7))
    r = api.client.post("/articles/batch", content=batch, headers={**api.headers(), "content-type":
                                                                   "application/x-ndjson"})
    assert r.status_code == 200 and r.json()["recorded"] == 7
    c = api.client
    page = c.get("/articles", params={"limit": 3, "min_position": r.json()["position"]}).json()
    seen = [a["id"] for a in page["items"]]
    pinned = page["position"]
    api.post_article(text="A late story from Odesa.", url="https://example.org/late")
    while page["next_cursor"]:
        page = c.get("/articles", params={"limit": 3, "cursor": page["next_cursor"]}).json()
        assert page["position"] == pinned
        seen += [a["id"] for a in page["items"]]
    assert len(seen) == len(set(seen)) == 7

    pages, cursor = [], None
    while True:
        params = {"limit": 4, "kind": "capital", **({"cursor": cursor} if cursor else {"position": pinned})}
        got = c.get("/assertions", params=params).json()
        pages += [a["id"] + a["article_id"] for a in got["items"]]
        cursor = got["next_cursor"]
        if not cursor:
            break
    assert len(pages) == len(set(pages)) == 21  # 3 capitals in each of 7 stories


def test_the_event_log_pages_by_position_and_streams_resumably(database_url, make_api):
    api = make_api(database_url)
    receipt = api.post_article(text=STORY, url=URL).json()
    api.post_article(text=CHANGED, url=URL)
    c = api.client
    events = c.get("/events", params={"min_position": receipt["position"]}).json()
    types = [e["type"] for e in events["items"]]
    assert types[:2] == ["Article.Ingested", "Extraction.Completed"]
    assert "raw" not in events["items"][0]["payload"]
    raw = c.get("/events", params={"limit": 1, "include": "raw"}).json()
    assert raw["items"][0]["payload"]["raw"] == STORY and raw["next_after"] == 1
    stream = c.get("/events/stream", params={"idle": 0.2}, headers={"Last-Event-ID": "2"})
    assert stream.headers["content-type"].startswith("text/event-stream")
    ids = [int(line[3:].strip()) for line in stream.text.splitlines() if line.startswith("id:")]
    assert ids and ids[0] == 3 and ids == sorted(ids)


def test_health_reports_the_log_head_and_each_projection(database_url, make_api):
    api = make_api(database_url)
    receipt = api.post_article(text=STORY, url=URL).json()
    api.client.get("/assertions", params={"min_position": receipt["position"]})
    health = api.client.get("/health").json()
    assert health["head"] >= receipt["position"]
    assert {p["name"] for p in health["projections"]} >= {"articles", "assertions", "runs", "log_index"}


def test_health_reports_extraction_workers_and_their_lag(database_url, make_api):
    from newsledger.domain.worker import ExtractionWorker

    api = make_api(database_url, role="api")  # the scaled profile: extraction is the workers' job
    api.post_article(text=STORY, url=URL)
    worker = ExtractionWorker(api.services.ledger, api.services.views, shard=0, shards=1)
    behind = api.client.get("/health").json()
    assert behind["workers"] == [{"name": "extraction-0-of-1", "position": 0, "lag": behind["head"]}]
    assert behind["status"] == "lagging"
    while worker.run_once():
        pass
    caught_up = {w["name"]: w["lag"] for w in api.client.get("/health").json()["workers"]}
    assert caught_up == {"extraction-0-of-1": 0}


def test_health_of_the_embedded_service_is_not_held_lagging_by_a_finished_worker(database_url, make_api):
    from newsledger.domain.worker import ExtractionWorker

    api = make_api(database_url)  # the embedded profile: every write runs the extractors itself
    api.post_article(text=STORY, url=URL)
    worker = ExtractionWorker(api.services.ledger, api.services.views, shard=0, shards=1)
    while worker.run_once():  # what `newsledger worker --once` does, then it exits
        pass
    receipt = api.post_article(text=CHANGED, url=URL).json()
    api.client.get("/assertions", params={"min_position": receipt["position"]})
    health = api.client.get("/health").json()
    assert all(p["lag"] == 0 for p in health["projections"])
    assert health["workers"][0]["lag"] > 0  # still listed, as it is
    assert health["status"] == "ok"
