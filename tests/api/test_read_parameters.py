"""Read parameters are checked the same way on every read route: a bad one is a 400 naming it."""

from __future__ import annotations

import pytest
from litestar import get
from test_errors_and_limits import is_problem


@get("/plugin-read", operation_id="pluginRead", sync_to_thread=False)
def plugin_read(at: int) -> dict[str, int]:
    """A plugin route that takes the read position, as /places, /figures and /speakers do."""
    return {"position": at}


@pytest.fixture
def api_with_plugin_route(make_api):
    api = make_api(routes=[plugin_read])
    r = api.post_article(text="Hello Kyiv and Lviv", url="https://example.org/a")
    assert r.status_code == 201, r.text
    api.article_id = r.json()["id"]
    api.last = r.json()["position"]
    return api


def read_routes(api) -> list[str]:
    a = api.article_id
    return ["/articles", f"/articles/{a}", f"/articles/{a}/history", f"/articles/{a}/assertions", "/assertions",
            "/events", "/extractors", "/plugin-read"]


@pytest.mark.parametrize("parameter", ["position", "min_position"])
@pytest.mark.parametrize("value", [-1, -5, 10**15 + 1])
def test_a_log_position_out_of_range_is_a_400_naming_it_on_every_read_route(api_with_plugin_route, parameter, value):
    api = api_with_plugin_route
    for path in read_routes(api):
        body = is_problem(api.client.get(path, params={parameter: value}), 400, "validation")
        assert [(e["field"], e["source"]) for e in body["errors"]] == [(parameter, "query")], path
        assert parameter in body["detail"] and str(value) in body["detail"]


def test_valid_positions_still_answer_for_themselves(api_with_plugin_route):
    api = api_with_plugin_route
    for path in read_routes(api):
        r = api.client.get(path, params={"position": api.last, "min_position": 0})
        assert r.status_code == 200, (path, r.text)
        assert r.json().get("position", api.last) == api.last
    assert api.client.get("/plugin-read", params={"position": 0}).json() == {"position": 0}


def test_a_negative_after_or_last_event_id_is_a_400_naming_it(api_with_plugin_route):
    api = api_with_plugin_route
    body = is_problem(api.client.get("/events", params={"after": -1}), 400, "validation")
    assert body["errors"][0]["field"] == "after"
    body = is_problem(api.client.get("/events/stream", params={"idle": 0}, headers={"Last-Event-ID": "-1"}), 400,
                      "validation")
    assert [(e["field"], e["source"]) for e in body["errors"]] == [("Last-Event-ID", "header")]


def test_the_built_in_cross_source_routes_refuse_a_negative_position_too(make_api):
    from newsledger.plugins.manager import build_plugins

    plugins = build_plugins("numbers,quotes,locations", entry_points_enabled=False)
    api = make_api(plugins=plugins, extractors=[])
    for path in ("/places", "/places/707292", "/figures", "/speakers", "/speakers/x", "/quotes/clusters"):
        for parameter in ("position", "min_position"):
            body = is_problem(api.client.get(path, params={parameter: -1}), 400, "validation")
            assert body["errors"][0]["field"] == parameter, path


def test_an_as_of_whose_plus_the_query_string_read_as_a_space_is_refused_saying_to_write_percent_2b(
        api_with_plugin_route):
    api = api_with_plugin_route
    for path in read_routes(api):
        # typed verbatim: the query string decodes this '+' as a space
        body = is_problem(api.client.get(f"{path}?as_of=2026-11-22T09:02:28.5+02:00"), 400, "validation")
        assert [(e["field"], e["source"]) for e in body["errors"]] == [("as_of", "query")], path
        assert "%2B" in body["detail"] and "as_of=2026-11-22T09:02:28.5%2B02:00" in body["detail"], body
    assert api.client.get("/events?as_of=2020-01-01T09:02:28.5%2B02:00").json()["position"] == 0


def test_an_as_of_that_is_a_date_alone_is_refused_with_the_instants_to_write_instead(api_with_plugin_route):
    api = api_with_plugin_route
    for path in read_routes(api):
        body = is_problem(api.client.get(path, params={"as_of": "2026-11-22"}), 400, "validation")
        assert [(e["field"], e["source"]) for e in body["errors"]] == [("as_of", "query")], path
        assert "2026-11-22T23:59:59.999999Z" in body["detail"] and "2026-11-22T00:00:00Z" in body["detail"]
    assert api.client.get("/events", params={"as_of": "2020-01-01T23:59:59.999999Z"}).json()["position"] == 0


def test_a_query_parameter_a_route_does_not_take_is_a_400_naming_it(api_with_plugin_route):
    # a typo answered as if it were not there gives wrong data that looks right
    for path in read_routes(api_with_plugin_route):
        body = is_problem(api_with_plugin_route.client.get(path, params={"limt": 5}), 400, "validation")
        assert [(e["field"], e["source"]) for e in body["errors"]] == [("limt", "query")], path
        assert "limt" in body["detail"], path


def test_articles_filter_by_outlet_and_category_in_any_case(api):
    api.post_article(text="Kyiv news today.", url="https://example.org/k", outlet="BBC News", category="World")
    api.post_article(text="Football scores today.", url="https://example.org/f", outlet="BBC News", category="Sport")
    last = api.client.get("/events").json()["position"]
    titles = [a["url"] for a in api.client.get("/articles", params={"outlet": "bbc news", "category": "sport",
                                                                   "min_position": last}).json()["items"]]
    assert titles == ["https://example.org/f"]


def test_a_kind_no_extractor_asserts_is_a_400_on_an_articles_assertions_too(api_with_plugin_route):
    a = api_with_plugin_route.article_id
    params = {"kind": "quotes", "min_position": api_with_plugin_route.last}
    body = is_problem(api_with_plugin_route.client.get(f"/articles/{a}/assertions", params=params), 400, "validation")
    assert "quotes" in body["detail"]



def test_an_empty_query_parameter_is_a_400_naming_it_on_every_read_route(api_with_plugin_route):
    # "/places?name=" answered every place and "/articles?outlet=" none: neither is what was asked
    for path, name in (("/articles", "outlet"), ("/assertions", "q"), ("/events", "include"), ("/articles", "cursor")):
        body = is_problem(api_with_plugin_route.client.get(path, params={name: ""}), 400, "validation")
        assert [(e["field"], e["source"]) for e in body["errors"]] == [(name, "query")], path


def test_an_extractor_no_one_loaded_or_ran_is_a_400_not_an_empty_page(api_with_plugin_route):
    a = api_with_plugin_route.article_id
    for path in ("/assertions", f"/articles/{a}/assertions"):
        params = {"extractor": "quote", "min_position": api_with_plugin_route.last}
        body = is_problem(api_with_plugin_route.client.get(path, params=params), 400, "validation")
        assert [e["field"] for e in body["errors"]] == ["extractor"] and "'quote'" in body["detail"], path
