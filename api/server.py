"""Runs the app on uvicorn: ``newsledger serve``. Each worker process builds its own app from the env."""

from __future__ import annotations

import logging
import os

from litestar import Litestar
from newsledger.api.settings import Settings


def app_factory() -> Litestar:
    """The uvicorn factory (``--factory``): one app per worker, from the environment."""
    from newsledger.api.app import create_app

    return create_app(Settings.from_env())


def prepare(settings: Settings) -> None:
    """Create the tables once, before the workers start: the event store's tables are eventsourcing's own
    DDL, which two processes creating at once on PostgreSQL would race over (the read models' tables take
    turns through ``ViewDB.schema``)."""
    from newsledger.api.bootstrap import bootstrap
    from newsledger.api.keys import KeyStore

    services = bootstrap(settings)
    try:
        KeyStore(services.views).setup()
    finally:
        services.close()


def serve(host: str = "127.0.0.1", port: int = 8000, workers: int = 1, *, access_log: bool = False,
          log_level: str = "info") -> None:
    import uvicorn

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    from newsledger.api.store_access import check_store

    settings = Settings.from_env()
    check_store(settings)  # refuse to start, in one line, rather than answer every request with a traceback
    if workers > 1:
        if settings.database_url.startswith("memory:"):
            raise ValueError("several workers need a shared database: set NEWSLEDGER_DATABASE_URL")
        if settings.create_tables:
            prepare(settings)
        os.environ["NEWSLEDGER_CREATE_TABLES"] = "n"  # the workers inherit it
    uvicorn.run("newsledger.api.server:app_factory", factory=True, host=host, port=port, workers=workers,
                access_log=access_log, log_level=log_level, timeout_graceful_shutdown=5)
