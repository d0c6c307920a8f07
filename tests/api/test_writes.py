"""The write routes: POST /articles and POST /articles/batch answer what each article became, and say why not."""

from __future__ import annotations

import json

from newsledger.api.openapi import document

PROBLEM = "application/problem+json"
URL = "https://x.test/d1"
A = "Kyiv said on Monday that troops had advanced.\n\nThe Mayor of Izium welcomed them."
B = "Kyiv said on Tuesday that troops had advanced further.\n\nThe Mayor of Izium welcomed them."
BOM = b"\xef\xbb\xbf"


def problem(response, status: int, slug: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body = response.json()
    assert body["type"] == f"https://newsledger.dev/problems/{slug}" and body["status"] == status
    return body


def post_batch(api, content: bytes, media: str = "application/json"):
    return api.client.post("/articles/batch", content=content, headers={**api.headers(), "content-type": media})


def test_a_batch_answers_each_item_with_its_own_version_and_position(api):
    r = api.client.post("/articles/batch", headers=api.headers(),
                        json=[{"text": A, "url": URL}, {"text": B, "url": URL}, {"text": A, "url": URL}])
    items = r.json()["items"]
    assert [(i["outcome"], i["version"]) for i in items] == [("new", 1), ("revised", 2), ("revised", 3)]
    assert items[0]["position"] < items[1]["position"] < items[2]["position"] == r.json()["position"]
    for item in items:  # as of its own position, the article reads as that item's version
        got = api.client.get(f"/articles/{item['id']}", params={"position": item["position"], "min_position":
                                                                item["position"]}).json()
        assert got["version"] == item["version"]


def test_every_version_recorded_in_a_batch_gets_its_extraction_runs(api):
    r = api.client.post("/articles/batch", headers=api.headers(),
                        json=[{"text": A, "url": URL}, {"text": B, "url": URL}, {"text": A, "url": URL}])
    position = r.json()["position"]
    article_id = r.json()["items"][0]["id"]
    history = api.client.get(f"/articles/{article_id}/history", params={"min_position": position}).json()
    assert [run["article_version"] for run in history["runs"]] == [1, 2, 3]
    as_of_v2 = api.client.get(f"/articles/{article_id}/assertions",
                              params={"position": r.json()["items"][1]["position"]}).json()
    assert "Tuesday" in {a["text"] for a in as_of_v2["items"]}


def test_an_unchanged_article_answers_200_with_a_log_position(api):
    first = api.post_article(text=A, url=URL).json()
    again = api.post_article(text=A, url=URL)
    assert again.status_code == 200
    assert again.json()["outcome"] == "unchanged" and again.json()["position"] >= first["position"]


def test_the_single_and_the_batch_routes_accept_the_same_fields(api):
    from newsledger.api.schemas import ArticleIn
    from newsledger.domain.submission import Submission

    assert ArticleIn.__struct_fields__ == Submission.__struct_fields__
    single = api.post_article(text=A, source="Feed Z")
    assert single.status_code == 201, single.text
    got = api.client.get(f"/articles/{single.json()['id']}", params={"min_position": single.json()["position"]})
    assert got.json()["outlet"] == "Feed Z"
    batch = api.client.post("/articles/batch", json=[{"text": B, "source": "Feed Z"}], headers=api.headers())
    assert batch.json()["items"][0]["status"] == 201


def test_source_is_an_alias_of_outlet_and_two_different_values_are_refused(api):
    body = problem(api.post_article(text=A, outlet="Feed Y", source="Feed Z"), 422, "invalid-article")
    assert body["errors"][0]["field"] == "source" and "alias" in body["detail"]
    assert api.post_article(text=A, outlet="Feed Z", source="Feed Z").status_code == 201
    batch = api.client.post("/articles/batch", json=[{"text": B, "outlet": "Feed Y", "source": "Feed Z"}],
                            headers=api.headers()).json()
    assert (batch["items"][0]["status"], batch["items"][0]["field"]) == (422, "source")


def test_a_body_that_is_not_json_is_415(api):
    for media, content in [("text/plain", b"Kyiv news"), ("application/xml", b"<a>Kyiv</a>"),
                           ("application/x-www-form-urlencoded", b"text=Kyiv+news")]:
        r = api.client.post("/articles", content=content, headers={**api.headers(), "content-type": media})
        assert media in problem(r, 415, "unsupported-media-type")["detail"]
        problem(post_batch(api, b'[{"text": "Kyiv news"}]', media), 415, "unsupported-media-type")
    assert api.client.post("/articles", content=json.dumps({"text": A}), headers={
        **api.headers(), "content-type": "application/json; charset=utf-8"}).status_code == 201


def test_the_openapi_document_declares_415_for_both_writes():
    spec = json.loads(document())
    for path in ("/articles", "/articles/batch"):
        assert list(spec["paths"][path]["post"]["responses"]["415"]["content"]) == [PROBLEM]
        assert "413" in spec["paths"][path]["post"]["responses"]


def test_a_batch_whose_whole_body_is_malformed_or_empty_is_400(api):
    problem(post_batch(api, b'[{"text":'), 400, "malformed-json")
    problem(post_batch(api, b""), 400, "empty-body")
    problem(post_batch(api, b"\n\n", "application/x-ndjson"), 400, "empty-body")
    assert post_batch(api, b"[]").json() == {"items": [], "recorded": 0, "failed": 0, "new": 0, "revised": 0,
                                             "unchanged": 0, "position": None}


def test_an_empty_body_says_what_is_missing(api):
    r = api.client.post("/articles", content=b"", headers={**api.headers(), "content-type": "application/json"})
    body = problem(r, 400, "empty-body")
    assert "text" in body["detail"] and body["errors"][0]["field"] == "text"
    body = problem(api.post_article(), 422, "invalid-article")
    assert "'text' or 'html'" in body["detail"]


def test_a_batch_item_with_an_unknown_field_names_it(api):
    items = api.client.post("/articles/batch", json=[{"text": A, "colour": "red"}, {"text": 7}],
                            headers=api.headers()).json()["items"]
    assert [(i["status"], i["field"]) for i in items] == [(400, "colour"), (400, "text")]
    # the same mistakes in POST /articles are 400s too: one status for one mistake
    for body in ({"text": A, "colour": "red"}, {"text": 7}):
        assert api.client.post("/articles", json=body, headers=api.headers()).status_code == 400


def test_a_json_body_opening_with_a_byte_order_mark_is_accepted(api):
    headers = {**api.headers(), "content-type": "application/json"}
    single = api.client.post("/articles", content=BOM + json.dumps({"text": A}).encode(), headers=headers)
    assert single.status_code == 201, single.text
    batch = post_batch(api, BOM + json.dumps([{"text": B}]).encode())
    assert batch.json()["items"][0]["status"] == 201
    lines = post_batch(api, BOM + json.dumps({"text": B + " Again."}).encode(), "application/x-ndjson")
    assert lines.json()["items"][0]["status"] == 201


def test_an_article_over_the_size_limit_is_413_naming_the_field(make_api):
    api = make_api(max_body_bytes=1000)
    body = problem(api.post_article(text="Kyiv " * 400), 413, "article-too-large")
    assert body["errors"][0]["field"] == "text" and "over the limit of 1000" in body["detail"]
    items = api.client.post("/articles/batch", json=[{"html": "<p>Kyiv</p>" * 200}, {"text": A}],
                            headers=api.headers()).json()["items"]
    assert [(i["status"], i["field"]) for i in items] == [(413, "html"), (201, None)]


def test_the_same_url_with_its_default_port_is_the_same_article(api):
    first = api.post_article(text=A, url="https://example.com/news/izium").json()
    again = api.post_article(text=A, url="https://example.com:443/news/izium").json()
    assert (again["id"], again["outcome"]) == (first["id"], "unchanged")


def test_make_run_prints_a_demo_curl_for_its_own_port_with_a_body_that_records(api, tmp_path, monkeypatch):
    import re
    import shlex
    from pathlib import Path

    from click.testing import CliRunner
    from newsledger.api.cli import main

    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    assert "demo-key --url http://$(HOST):$(PORT)" in makefile
    monkeypatch.setenv("NEWSLEDGER_DATABASE_URL", f"sqlite:///{tmp_path}/ledger.sqlite")
    out = CliRunner().invoke(main, ["demo-key", "--url", "http://127.0.0.1:8765"]).output
    curl = shlex.split(re.search(r"try: (curl .*)", out).group(1))
    assert curl[-1] == "http://127.0.0.1:8765/articles"
    r = api.client.post("/articles", content=curl[curl.index("-d") + 1],
                        headers={**api.headers(), "content-type": "application/json"})
    assert r.status_code == 201, r.text


def test_a_batch_counts_as_recorded_only_the_items_that_recorded_a_version(api):
    api.post_article(text=A, url=URL)
    items = [{"text": A, "url": URL}, {"text": B, "url": "https://x.test/d2"}, {"html": ""}]
    mixed = api.client.post("/articles/batch", headers=api.headers(), json=items).json()
    assert {k: mixed[k] for k in ("recorded", "new", "revised", "unchanged", "failed")} == {
        "recorded": 1, "new": 1, "revised": 0, "unchanged": 1, "failed": 1}
    same = api.client.post("/articles/batch", headers=api.headers(), json=[{"text": A, "url": URL}] * 2).json()
    assert (same["recorded"], same["unchanged"]) == (0, 2)
