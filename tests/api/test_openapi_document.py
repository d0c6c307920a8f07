"""The committed OpenAPI document is current and says what the API does (problem+json, SSE, security)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsledger.api.openapi import document

COMMITTED = Path(__file__).resolve().parents[2] / "openapi" / "openapi.json"


@pytest.fixture(scope="module")
def spec() -> dict:
    return json.loads(document())


def test_the_committed_openapi_document_is_current(spec):
    committed = json.loads(COMMITTED.read_text())
    assert committed == spec, "openapi/openapi.json is stale: run `make openapi` and commit it"


def operations(spec: dict):
    for path, item in spec["paths"].items():
        for method, op in item.items():
            yield path, method, op


def test_every_operation_has_an_id_a_description_and_problem_errors(spec):
    ids = []
    for path, method, op in operations(spec):
        ids.append(op["operationId"])
        assert op.get("description"), f"{method} {path} has no docstring"
        for status, response in op["responses"].items():
            if int(status) >= 400:
                assert list(response["content"]) == ["application/problem+json"], (path, status)
    assert len(ids) == len(set(ids))


def test_request_bodies_refuse_unknown_fields(spec):
    schemas = spec["components"]["schemas"]
    for name in ("ArticleIn", "RetractionIn", "RunsIn"):
        assert schemas[name]["additionalProperties"] is False


def test_the_event_stream_is_declared_as_server_sent_events(spec):
    ok = spec["paths"]["/events/stream"]["get"]["responses"]["200"]
    assert list(ok["content"]) == ["text/event-stream"]


def test_writes_declare_the_api_key_security_schemes(spec):
    assert set(spec["components"]["securitySchemes"]) == {"bearer", "apiKey"}
    for path, method, op in operations(spec):
        if method == "post":
            assert op["security"] == [{"bearer": []}, {"apiKey": []}], path


def test_every_read_takes_a_read_position(spec):
    for path, method, op in operations(spec):
        if method == "get" and path not in ("/health", "/events/stream"):
            names = {p["name"] for p in op.get("parameters", [])}
            assert {"position", "as_of", "min_position"} <= names, path


def test_the_docs_page_loads_nothing_from_a_cdn(api):
    page = api.client.get("/schema")
    assert page.status_code == 200 and "swagger-ui-bundle.js" in page.text
    assert "https://" not in page.text
    assert api.client.get("/schema/assets/swagger-ui-bundle.js").status_code == 200
