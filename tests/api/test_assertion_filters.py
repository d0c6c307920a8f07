"""GET /assertions finds a speaker and a place the way /speakers and /places do: under every spelling."""

from __future__ import annotations

from pathlib import Path

import pytest
from newsledger.plugins.manager import build_plugins

SEEDS = sorted((Path(__file__).resolve().parents[2] / "examples" / "seeds").glob("*.txt"))


@pytest.fixture
def seeded(make_api):
    plugins = build_plugins("numbers,quotes,locations", entry_points_enabled=False)
    api = make_api(plugins=plugins, extractors=plugins.extractors(), extraction_budget=300.0)
    for path in SEEDS:
        r = api.post_article(text=path.read_text(encoding="utf-8"), outlet=f"outlet-{path.stem[:3]}",
                             url=f"https://example.org/seeds/{path.stem}")
        assert r.status_code == 201, r.text
        api.last = r.json()["position"]
    return api


def assertions(api, **params) -> list[dict]:
    page = api.client.get("/assertions", params={"limit": 500, "min_position": api.last, **params})
    assert page.status_code == 200, page.text
    assert page.json()["next_cursor"] is None
    return page.json()["items"]


def test_the_speaker_filter_finds_every_spelling_speakers_groups(seeded):
    [zelensky] = seeded.client.get("/speakers", params={"name": "zelensk", "min_position": seeded.last}).json()["items"]
    assert len(zelensky["spellings"]) >= 2
    for spelling in zelensky["spellings"]:
        quotes = assertions(seeded, speaker=spelling)
        assert len(quotes) == zelensky["quotes"], spelling
        assert {q["data"]["speaker"] for q in quotes} == set(zelensky["spellings"])
    assert len(assertions(seeded, speaker="zelensk")) == zelensky["quotes"]
    assert assertions(seeded, speaker="nobody at all") == []


def test_the_place_filter_takes_any_spelling_and_the_geonames_id(seeded):
    [izyum] = [p for p in seeded.client.get("/places", params={"name": "izium", "min_position": seeded.last}
                                             ).json()["items"] if p["name"] == "Izyum"]
    by_name = assertions(seeded, place="Izyum")
    assert len(by_name) == izyum["mentions"] and {a["data"]["geonames_id"] for a in by_name} == {izyum["geonames_id"]}
    for place in ("Izium", "izioum", "Izyium", str(izyum["geonames_id"])):
        assert assertions(seeded, place=place) == by_name, place
    assert assertions(seeded, place="999999999") == []
    assert assertions(seeded, place="9" * 400) == []  # not an id: no error either


def test_the_filters_still_match_a_substring_without_the_cross_source_views(api):
    r = api.post_article(text="Hello Kyiv and Lviv")
    assert r.status_code == 201
    words = api.client.get("/assertions", params={"q": "kyi", "min_position": r.json()["position"]}).json()["items"]
    assert [w["text"] for w in words] == ["Kyiv"]
    assert api.client.get("/assertions", params={"speaker": "x", "place": "1"}).json()["items"] == []


def test_a_kind_no_extractor_asserts_is_a_400_naming_the_kinds_there_are(seeded):
    r = seeded.client.get("/assertions", params={"kind": "quotes", "min_position": seeded.last})
    assert r.status_code == 400, r.text
    problem = r.json()
    assert problem["errors"][0]["field"] == "kind"
    assert "'quotes'" in problem["detail"] and "location, number, quote" in problem["detail"]
    assert len(assertions(seeded, kind="quote")) > 0
    # a kind that exists stays an empty 200 when the other filters match nothing
    assert assertions(seeded, kind="quote", speaker="nobody at all") == []


def test_a_speaker_filter_matches_from_the_start_of_a_word_not_inside_one(seeded):
    # "zelensk" starts a word of Zelenskyy's name; "ensky" is inside it, as "ian" is inside Brian
    assert assertions(seeded, speaker="zelensk")
    assert assertions(seeded, speaker="ensky") == []
    assert seeded.client.get("/speakers", params={"name": "ensky", "min_position": seeded.last}).json()["items"] == []
