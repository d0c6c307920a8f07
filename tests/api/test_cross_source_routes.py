"""The cross-source routes (/places, /figures, /speakers, /quotes/clusters) through Litestar's TestClient."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsledger.plugins.manager import build_plugins

SEEDS = sorted((Path(__file__).resolve().parents[2] / "examples" / "seeds").glob("*.txt"))


@pytest.fixture
def seeded(make_api):
    plugins = build_plugins("numbers,quotes,locations", entry_points_enabled=False)
    api = make_api(plugins=plugins, extractors=plugins.extractors(), extraction_budget=300.0)
    positions = []
    for path in SEEDS:
        r = api.post_article(text=path.read_text(encoding="utf-8"), outlet=f"outlet-{path.stem[:3]}",
                             url=f"https://example.org/seeds/{path.stem}")
        assert r.status_code == 201, r.text
        positions.append(r.json()["position"])
    api.last = positions[-1]
    return api


def test_izyum_over_http(seeded):
    c = seeded.client
    page = c.get("/places", params={"name": "izium", "min_position": seeded.last}).json()
    assert page["position"] >= seeded.last
    [place] = [p for p in page["items"] if p["name"] == "Izyum"]
    assert {f["spelling"] for f in place["surface_forms"]} >= {"Izyum", "Izium", "Izioum", "Izyium"}
    one = c.get(f"/places/{place['geonames_id']}").json()
    assert one["geonames_id"] == place["geonames_id"] and len(one["articles_list"]) == place["articles"]
    assert c.get("/places/1").status_code == 404
    assert c.get("/places", params={"country": "UA"}).json()["items"]


def test_places_pages_do_not_skip_or_repeat(seeded):
    c = seeded.client
    everything = c.get("/places", params={"limit": 500, "min_position": seeded.last}).json()["items"]
    seen, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = c.get("/places", params=params).json()
        seen += [p["geonames_id"] for p in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == [p["geonames_id"] for p in everything]
    bad = c.get("/places", params={"cursor": "not-a-cursor"})
    assert bad.status_code == 400 and bad.headers["content-type"].startswith("application/problem+json")


def test_the_territory_disagreement_over_http(seeded):
    c = seeded.client
    page = c.get("/figures", params={"disagreements_only": "true", "min_position": seeded.last}).json()
    areas = [f for f in page["items"] if f["dimension"] == "area"]
    assert len(areas) == 1 and areas[0]["subject"] == "territory taken" and areas[0]["disagreement"]
    assert (areas[0]["min_value"], areas[0]["max_value"]) == (2000.0, 6000.0)
    assert [f["id"] for f in c.get("/figures", params={"unit": "mi2", "disagreements_only": "true"}).json()["items"]
            ] == [areas[0]["id"]]
    figure = c.get(f"/figures/{areas[0]['id']}").json()
    flagged = sorted(v["si_value"] for v in figure["items"] if v["in_disagreement"])
    assert flagged == [2000.0, 2500.0, 6000.0]
    assert c.get("/figures/0000").status_code == 404


def test_speakers_and_quote_clusters_over_http(seeded):
    c = seeded.client
    speakers = c.get("/speakers", params={"name": "zelensk", "min_position": seeded.last}).json()["items"]
    assert len(speakers) == 1 and len(speakers[0]["spellings"]) >= 2
    one = c.get(f"/speakers/{speakers[0]['spellings'][-1]}").json()
    assert one["name"] == speakers[0]["name"] and len(one["items"]) == speakers[0]["quotes"]
    clusters = c.get("/quotes/clusters").json()["items"]
    assert clusters[0]["articles"] == 3
    cluster = c.get(f"/quotes/clusters/{clusters[0]['id']}").json()
    assert len({q["outlet"] for q in cluster["items"]}) == 3
    assert any(d["op"] == "replace" for q in cluster["items"] for d in q["diff"])
    by_speaker = c.get("/quotes/clusters", params={"speaker": "zelensky"}).json()["items"]
    assert by_speaker and all("Zelensk" in " ".join(k["speakers"]) for k in by_speaker)
    assert c.get("/speakers/nobody%20at%20all").status_code == 404
    # a name that is no one's exact spelling finds the one speaker it names from the start of a word
    assert c.get("/speakers/Zelensk").json()["name"] == speakers[0]["name"]


def test_a_revision_is_invisible_as_of_earlier_positions(seeded):
    c = seeded.client
    path = [p for p in SEEDS if "2500km²" in p.read_text(encoding="utf-8")][0]
    text = path.read_text(encoding="utf-8").replace("2500km²", "6100km²").replace("Izioum", "Izyum")
    r = seeded.post_article(text=text, outlet=f"outlet-{path.stem[:3]}", url=f"https://example.org/seeds/{path.stem}")
    assert r.status_code == 201 and r.json()["version"] == 2
    now = r.json()["position"]

    def area_values(position: int) -> set[float]:
        items = c.get("/figures", params={"dimension": "area", "position": position}).json()["items"]
        return {v["si_value"] for f in items for v in c.get(f"/figures/{f['id']}",
                                                               params={"position": position}).json()["items"]}

    assert 2500.0 in area_values(seeded.last) and 6100.0 not in area_values(seeded.last)
    assert 6100.0 in area_values(now) and 2500.0 not in area_values(now)
    then = c.get("/places", params={"name": "izioum", "position": seeded.last}).json()
    assert then["position"] == seeded.last and then["items"]
    assert not c.get("/places", params={"name": "izioum", "position": now}).json()["items"]


def test_a_cursor_from_one_listing_is_refused_by_another(seeded):
    c = seeded.client
    articles = c.get("/articles", params={"limit": 1, "min_position": seeded.last}).json()["next_cursor"]
    places = c.get("/places", params={"limit": 1}).json()["next_cursor"]
    assert articles and places
    for path, cursor in (("/assertions", articles), ("/speakers", places), ("/figures", places)):
        r = c.get(path, params={"cursor": cursor})
        assert (r.status_code, r.json()["type"].rsplit("/", 1)[-1]) == (400, "invalid-cursor"), path
        assert [e["field"] for e in r.json()["errors"]] == ["cursor"], path
    assert c.get("/articles", params={"cursor": articles}).status_code == 200
    assert c.get("/places", params={"cursor": places}).status_code == 200
