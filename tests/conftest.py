"""Shared fixtures: stores on every backend, and wired services."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The server started by tests/postgres.sh; required in CI (NEWSLEDGER_REQUIRE_POSTGRES=1)."""
    url = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")
    if not url:
        if os.environ.get("NEWSLEDGER_REQUIRE_POSTGRES") == "1":
            pytest.fail("NEWSLEDGER_REQUIRE_POSTGRES=1 but no PostgreSQL server: run the suite with make test")
        pytest.skip("no PostgreSQL server (run the suite with make test)")
    return url


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty database on the test server, dropped afterwards."""
    import psycopg

    name = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = postgres_server.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(postgres_server, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same scenario on the in-memory store, a SQLite file and PostgreSQL."""
    if request.param == "memory":
        return "memory://"
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path}/ledger.sqlite"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def make_services(tmp_path: Path):
    """Build wired services (the CLI's and the app's composition root) for a database URL."""
    from newsledger.api.bootstrap import bootstrap
    from newsledger.api.settings import Settings
    from newsledger.plugins.manager import Plugins, build_plugins

    made = []

    def make(database_url: str = "memory://", extractors=None, plugins: Plugins | None = None, **kw):
        settings = Settings(database_url=database_url, load_plugins="", entry_points=False, **kw)
        plugins = plugins or build_plugins("", entry_points_enabled=False)
        if extractors is not None:
            plugins.extractors = lambda: list(extractors)  # type: ignore[method-assign]
        services = bootstrap(settings, plugins=plugins)
        made.append(services)
        return services

    yield make
    for s in made:
        s.close()
