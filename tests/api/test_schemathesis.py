"""Property-based tests of every operation against the in-process app: no 5xx, responses conform."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]


@pytest.fixture(scope="module")
def api_schema(request):
    from newsledger.api.app import create_app
    from newsledger.api.bootstrap import bootstrap
    from newsledger.api.settings import Settings
    from newsledger.plugins.manager import build_plugins
    from support import capitals_extractor

    test_settings = Settings(database_url="memory://", load_plugins="", entry_points=False, projector_interval=0.02,
                             rate_limit_per_minute=0)
    plugins = build_plugins("", entry_points_enabled=False)
    plugins.extractors = lambda: [capitals_extractor()]
    services = bootstrap(test_settings, plugins=plugins)
    app = create_app(services=services, max_wait=0.5)
    key = app.state.api_keys.add("schemathesis", "admin")
    request.addfinalizer(services.close)
    loaded = schemathesis.openapi.from_asgi("/schema/openapi.json", app)
    loaded.key = key
    return loaded


# schemathesis's pytest integration (from_fixture) breaks on pytest 9; drive its strategies directly.
SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
OPERATIONS = [(path, method.upper()) for path, item in SPEC["paths"].items() for method in item]


@schemathesis.hook
def map_query(context, query):
    """Keep event streams short: they close after `idle` seconds without events."""
    if query and context.operation.path == "/events/stream" and "idle" in query:
        try:
            query["idle"] = min(float(query["idle"]), 0.2)
        except (TypeError, ValueError):
            pass
    return query


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_every_operation_conforms_and_never_answers_5xx(api_schema, path, method):
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {api_schema.key}"}

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()
