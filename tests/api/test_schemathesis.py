"""Property-based tests of every operation against the in-process app: no 5xx, responses conform."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from litestar.testing import TestClient
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
    from newsledger.plugins.manager import DEFAULT_PLUGINS, build_plugins, short_name
    from support import capitals_extractor

    # The built-in plugins (their routes are in the document), with a cheap extractor in place of theirs.
    test_settings = Settings(database_url="memory://", load_plugins=None, entry_points=False,
                             projector_interval=0.02, rate_limit_per_minute=0)
    plugins = build_plugins(",".join(short_name(m) for m in DEFAULT_PLUGINS), entry_points_enabled=False)
    plugins.extractors = lambda: [capitals_extractor()]
    services = bootstrap(test_settings, plugins=plugins)
    app = create_app(services=services, max_wait=5)
    key = app.state.api_keys.add("schemathesis", "admin")
    client = TestClient(app)  # runs the lifespan: the projector thread
    client.__enter__()
    request.addfinalizer(services.close)
    request.addfinalizer(lambda: client.__exit__(None, None, None))
    loaded = schemathesis.openapi.from_asgi("/schema/openapi.json", app)
    loaded.key = key
    return loaded


# schemathesis's pytest integration (from_fixture) breaks on pytest 9; drive its strategies directly.
SPEC = json.loads((Path(__file__).resolve().parents[2] / "openapi" / "openapi.json").read_text())
OPERATIONS = [(path, method.upper()) for path, item in SPEC["paths"].items() for method in item]


@pytest.mark.parametrize(("path", "method"), OPERATIONS, ids=[f"{m} {p}" for p, m in OPERATIONS])
def test_every_operation_conforms_and_never_answers_5xx(api_schema, path, method):
    operation = api_schema[path][method]
    headers = {"Authorization": f"Bearer {api_schema.key}"}

    @given(case=operation.as_strategy())
    @settings(max_examples=20, deadline=None, suppress_health_check=list(HealthCheck), database=None)
    def check(case):
        if path == "/events/stream":  # streams close after `idle` seconds without events: keep them short
            case.query = {**(case.query or {}), "idle": 0.1}
        case.call_and_validate(headers=headers, checks=CHECKS)

    check()
