"""The Litestar app factory: the one place the HTTP app is wired (nothing happens at import time)."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version

import anyio
from litestar import Litestar, Router, get
from litestar.datastructures import State
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.static_files import create_static_files_router
from newsledger.api import routes_admin, routes_articles, routes_assertions, routes_events
from newsledger.api.auth import KeyCheck, RateLimiter, security_components
from newsledger.api.bootstrap import Services, bootstrap
from newsledger.api.errors import exception_handlers, problems, read_problems
from newsledger.api.keys import KeyStore
from newsledger.api.read_cache import ReadCache
from newsledger.api.reading import MAX_WAIT, dependencies
from newsledger.api.schemas import StrictStructSchemaPlugin
from newsledger.api.settings import Settings

log = logging.getLogger(__name__)

DESCRIPTION = """An auditable, event-sourced ledger of what the news says.

Every GET takes `position` (a log position) or `as_of` (RFC 3339) and answers with the `position` it is
for; `min_position` waits (up to 10 s) for the read models to reach a write's position. Writes need an
API key (`Authorization: Bearer <key>` or `X-API-Key`) with the `write` or `admin` scope. Errors are
RFC 9457 problem details (`application/problem+json`) with stable `type` URIs.
"""

ASSETS = "/schema/assets"


def _version() -> str:
    try:
        return version("newsledger")
    except PackageNotFoundError:
        return "0.0.0"


def _docs() -> tuple[list, list[SwaggerRenderPlugin]]:
    """Swagger UI served from the swagger-ui-bundle package: the default pages load it from CDNs."""
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:  # docs page without its assets; /schema/openapi.json still works
        return [], []
    assets = create_static_files_router(path=ASSETS, directories=[swagger_ui_path], include_in_schema=False,
                                        opt={"public": True})
    plugin = SwaggerRenderPlugin(js_url=f"{ASSETS}/swagger-ui-bundle.js", css_url=f"{ASSETS}/swagger-ui.css",
                                 standalone_preset_js_url=f"{ASSETS}/swagger-ui-standalone-preset.js",
                                 path="/swagger",
                                 favicon=f"<link rel='icon' type='image/png' href='{ASSETS}/favicon-32x32.png'>")
    return [assets], [plugin]


@get("/", include_in_schema=False, sync_to_thread=False, opt={"public": True})
def index() -> dict[str, str]:
    return {"name": "newsledger", "docs": "/schema", "openapi": "/schema/openapi.json", "health": "/health"}


def _documented(route: object) -> object:
    """Declare problem+json errors on a plugin's route handlers (plugins cannot import the api layer)."""
    handlers = [route] if isinstance(route, HTTPRouteHandler) else [
        v for v in vars(route).values() if isinstance(v, HTTPRouteHandler)] if isinstance(route, type) else []
    for handler in handlers:
        extra = read_problems(404) if "GET" in handler.http_methods else problems(401, 403, 404, 409, 422)
        handler.responses = {**extra, **(handler.responses or {})}
    return route


def create_app(settings: Settings | None = None, *, services: Services | None = None,
               max_wait: float = MAX_WAIT) -> Litestar:
    """Build the app for ``settings`` (default: from the environment).

    Pass ``services`` to reuse wired services (tests); otherwise they are built here and closed on
    shutdown. In the embedded role (``all``) the projector runs in a background thread of the app.
    """
    settings = settings or (services.settings if services is not None else Settings.from_env())
    owned = services is None
    services = services if services is not None else bootstrap(settings)
    keys = KeyStore(services.views, settings.api_keys)
    if settings.create_tables:
        keys.setup()
    @asynccontextmanager
    async def lifespan(app: Litestar) -> AsyncIterator[None]:
        thread, stop = None, threading.Event()
        if settings.role == "all":
            thread = threading.Thread(target=services.projector.run_forever, name="projector", daemon=True,
                                      args=(stop, settings.projector_interval))
            thread.start()
        try:
            yield
        finally:
            stop.set()
            if thread is not None:
                await anyio.to_thread.run_sync(thread.join, 10.0)
            if owned:
                services.close()

    api = Router("/", middleware=[KeyCheck()], route_handlers=[
        *routes_articles.ROUTES, *routes_assertions.ROUTES, *routes_events.ROUTES, *routes_admin.ROUTES,
        *map(_documented, services.routes),  # plugin routes: they may take `at`, `views` and `services`
    ])
    assets, render_plugins = _docs()
    return Litestar(
        route_handlers=[index, api, *assets],
        dependencies=dependencies(services, max_wait),
        exception_handlers=exception_handlers(),
        plugins=[StrictStructSchemaPlugin()],
        openapi_config=OpenAPIConfig(
            title="newsledger", version=_version(), description=DESCRIPTION, path="/schema",
            components=[security_components()], render_plugins=render_plugins, use_handler_docstrings=True,
        ),
        # A batch may carry several articles of up to max_body_bytes each; one article's size is checked
        # again, per field, when it is prepared (422 naming the field).
        request_max_body_size=4 * settings.max_body_bytes + 1024 * 1024,
        lifespan=[lifespan],
        logging_config=None,  # the process configures logging (server.serve); errors.py logs tracebacks
        state=State({"settings": settings, "api_keys": keys, "limiter": RateLimiter(settings.rate_limit_per_minute),
                     "services": services, "read_cache": ReadCache(settings.read_cache_bytes)}),
    )
