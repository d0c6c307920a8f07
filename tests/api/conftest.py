"""The app under test: create_app(test settings) with a real, cheap extractor, behind a TestClient."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from litestar.testing import TestClient
from support import capitals_extractor


@dataclass
class Api:
    """A TestClient with keys of every scope."""

    client: TestClient
    keys: dict[str, str]
    services: Any

    def headers(self, scope: str = "admin") -> dict[str, str]:
        return {"Authorization": f"Bearer {self.keys[scope]}"}

    def post_article(self, scope: str = "write", **body: Any):
        return self.client.post("/articles", json=body, headers=self.headers(scope))


@pytest.fixture
def make_api(make_services) -> Iterator[Callable[..., Api]]:
    """Build an app on a database URL (default: memory) with the 'capitals' extractor and keys."""
    from newsledger.api.app import create_app

    clients = []

    def make(database_url: str = "memory://", extractors: list | None = None, routes: list | None = None,
             max_wait: float = 10.0, **settings: Any) -> Api:
        settings.setdefault("projector_interval", 0.02)
        services = make_services(database_url, extractors=extractors or [capitals_extractor()], **settings)
        if routes:
            services.routes.extend(routes)
        app = create_app(services=services, max_wait=max_wait)
        store = app.state.api_keys
        keys = {scope: store.add(f"test-{scope}", scope) for scope in ("read", "write", "admin")}
        client = TestClient(app, raise_server_exceptions=False)
        client.__enter__()
        clients.append(client)
        return Api(client, keys, services)

    yield make
    for c in clients:
        c.__exit__(None, None, None)


@pytest.fixture
def api(make_api) -> Api:
    return make_api()
