"""GET /extractors and POST /extractors/{name}/runs: what runs now, what the log records, and where."""

from __future__ import annotations

from support import capitals_extractor

STORY = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."


def _recorded(body: dict) -> list[tuple[str, str, int]]:
    return [(r["extractor"], r["version"], r["completed"]) for r in body["recorded"]]


def test_extractors_as_of_a_past_position_record_the_versions_that_ran_then_beside_those_loaded_now(make_api):
    api = make_api()
    p1 = api.post_article(text=STORY, url="https://example.org/a").json()["position"]
    api.services.ledger.extractors["capitals"] = capitals_extractor("2")  # an upgrade after p1
    p2 = api.client.post("/extractors/capitals/runs", json={}, headers=api.headers()).json()["position"]

    then = api.client.get("/extractors", params={"position": p1}).json()
    assert then["position"] == p1
    assert [(e["name"], e["version"]) for e in then["items"]] == [("capitals", "2")]  # loaded now, labelled so
    assert _recorded(then) == [("capitals", "1", 1)]  # version 2 did not exist as of p1
    assert then["recorded"][0]["first_position"] <= p1

    now = api.client.get("/extractors", params={"min_position": p2}).json()
    assert _recorded(now) == [("capitals", "1", 1), ("capitals", "2", 1)]
    assert api.client.get("/extractors", params={"position": p1}).json() == then


def test_a_re_extraction_with_nothing_stale_answers_the_log_head_as_its_position(make_api):
    api = make_api()
    written = api.post_article(text=STORY, url="https://example.org/b").json()["position"]
    run = api.client.post("/extractors/capitals/runs", json={"which": "stale"}, headers=api.headers())
    assert run.status_code == 200, run.text
    body = run.json()
    assert body["runs"] == 0 and body["position"] == api.services.ledger.head() >= written


def test_a_re_extraction_without_a_body_runs_as_with_an_empty_object(make_api):
    api = make_api(extractors=[capitals_extractor()])
    api.post_article(text=STORY, url="https://example.org/izium")
    run = api.client.post("/extractors/capitals/runs", headers=api.headers())
    assert run.status_code == 200, run.text
    assert run.json()["runs"] == 0 and run.json()["position"] == api.services.ledger.head()


def test_the_openapi_document_says_the_body_of_a_re_extraction_may_be_left_out():
    import json

    from newsledger.api.openapi import document

    body = json.loads(document())["paths"]["/extractors/{name}/runs"]["post"]["requestBody"]
    assert body["required"] is False
