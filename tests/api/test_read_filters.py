"""Read filters mean what they say: literal text, one rule for empty values, times outside the calendar refused."""

from __future__ import annotations

import pytest
from test_assertion_filters import assertions, seeded  # noqa: F401 - the seeded app is a fixture
from test_errors_and_limits import is_problem

READS = ["/articles", "/assertions", "/events", "/extractors", "/places"]


@pytest.mark.parametrize("path", READS)
def test_an_as_of_before_year_one_in_utc_is_a_400_naming_as_of_not_a_500(make_api, path):
    from newsledger.plugins.manager import build_plugins

    plugins = build_plugins("locations", entry_points_enabled=False)
    api = make_api(plugins=plugins, extractors=plugins.extractors())
    body = is_problem(api.client.get(f"{path}?as_of=0001-01-01T00:00:00%2B00:01"), 400, "validation")
    assert [e["field"] for e in body["errors"]] == ["as_of"] and "0001-01-01T00:00:00Z" in body["detail"]
    assert api.client.get(f"{path}?as_of=0001-01-01T00:00:00Z").json()["position"] == 0


def test_percent_and_underscore_in_a_text_filter_are_those_characters_not_wildcards(seeded):  # noqa: F811
    r = seeded.post_article(text="Prices rose 5% in May, officials said, and 50 people left the town of Izium.",
                            url="https://example.org/percent")
    seeded.last = r.json()["position"]
    everything = assertions(seeded)
    percents = assertions(seeded, q="%")
    assert percents and len(percents) < len(everything) and all("%" in a["text"] for a in percents)
    five = assertions(seeded, kind="number", q="5%")
    assert five and all("5%" in a["text"] for a in five)
    assert assertions(seeded, q="_") == []
    assert assertions(seeded, place="%") == []
    assert assertions(seeded, speaker="Z_lensky") == [] and assertions(seeded, speaker="Zelensky")
    places = seeded.client.get("/places", params={"min_position": seeded.last, "name": "Iz_um"}).json()
    assert places["items"] == []


@pytest.mark.parametrize("field", ["kind", "extractor", "unit", "outlet", "speaker", "place", "q"])
def test_an_empty_assertions_filter_is_a_400_naming_it(api, field):
    body = is_problem(api.client.get(f"/assertions?{field}="), 400, "validation")
    assert [(e["field"], e["source"]) for e in body["errors"]] == [(field, "query")]


def test_unit_and_outlet_filters_match_in_any_case(seeded):  # noqa: F811
    r = seeded.post_article(text="The council spent £40m on roads, officials said.", url="https://example.org/gbp",
                            outlet="BBC News")
    seeded.last = r.json()["position"]
    pounds = assertions(seeded, unit="GBP")
    outlet = "BBC News"
    assert pounds and assertions(seeded, unit="gbp") == pounds
    assert assertions(seeded, outlet="bbc news") == assertions(seeded, outlet=outlet) != []


LISTINGS = ["/articles", "/assertions", "/places", "/speakers", "/figures", "/quotes/clusters"]


@pytest.mark.parametrize("path", LISTINGS)
def test_a_cursor_that_is_not_ours_is_the_same_invalid_cursor_problem_on_every_listing(seeded, path):  # noqa: F811
    body = is_problem(seeded.client.get(path, params={"cursor": "garbage"}), 400, "invalid-cursor")
    assert [(e["field"], e["source"]) for e in body["errors"]] == [("cursor", "query")]


@pytest.mark.parametrize("path", ["/articles", "/assertions", "/places"])
def test_a_cursor_with_a_different_explicit_position_is_a_400_and_with_the_same_one_pages_on(seeded, path):  # noqa: F811
    first = seeded.client.get(path, params={"limit": 1, "min_position": seeded.last}).json()
    cursor, pinned = first["next_cursor"], first["position"]
    assert cursor is not None
    body = is_problem(seeded.client.get(path, params={"limit": 1, "cursor": cursor, "position": pinned - 1}), 400,
                      "validation")
    assert {e["field"] for e in body["errors"]} == {"cursor", "position"} and str(pinned) in body["detail"]
    same = seeded.client.get(path, params={"limit": 1, "cursor": cursor, "position": pinned})
    assert same.status_code == 200 and same.json()["position"] == pinned
