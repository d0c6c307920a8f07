"""The Litestar app factory: the one place the HTTP app is wired (nothing happens at import time)."""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from typing import Any

import anyio
from litestar import Litestar, Router, get
from litestar.datastructures import State
from litestar.handlers import HTTPRouteHandler
from litestar.openapi import OpenAPIConfig
from litestar.openapi.plugins import SwaggerRenderPlugin
from litestar.static_files import create_static_files_router
from litestar.types import Receive, Scope, Send
from litestar.utils import normalize_path
from newsledger.api import routes_admin, routes_articles, routes_assertions, routes_events
from newsledger.api.auth import KeyCheck, RateLimiter, security_components
from newsledger.api.bootstrap import Services, bootstrap
from newsledger.api.errors import allow_header, exception_handlers, problems, read_problems
from newsledger.api.keys import KeyStore
from newsledger.api.query_names import reject_unknown_query
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


METHODS = ("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT")


class LedgerApp(Litestar):
    """Litestar answering HEAD wherever GET is, and OPTIONS with every method of a path.

    Litestar 2 routes HEAD only to explicit HEAD handlers (declaring one beside every GET would double the
    OpenAPI operations and their ids), and its automatic OPTIONS answer lists the methods of the first
    handler registered for a path only (OPTIONS /articles said `OPTIONS, POST`: litestar#4169). Both are
    mended here, once, for every route, plugins' included.
    """

    async def __call__(self, scope: Any, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if scope["method"] == "HEAD" and not self._routes(scope, "HEAD") and self._routes(scope, "GET"):
                scope = {**scope, "method": "GET"}  # a copy: the server still knows the request as HEAD
                send = _headers_only(send)
            elif scope["method"] == "OPTIONS" and self._routes(scope, "OPTIONS"):
                send = _allowing(send, allow_header(m for m in METHODS if self._routes(scope, m)))
        await super().__call__(scope, receive, send)

    def _routes(self, scope: Scope, method: str) -> bool:
        """Whether a handler answers ``method`` at the scope's path (the router's own, cached, lookup)."""
        path = scope["path"]
        if root := scope.get("root_path", ""):
            path = path.split(root, maxsplit=1)[-1]
        try:
            self.asgi_router.handle_routing(path=normalize_path(path), method=method)  # type: ignore[arg-type]
        except Exception:  # no route, or none for this method
            return False
        return True


def _headers_only(send: Send) -> Send:
    """A ``send`` that ends the response after its headers: a HEAD answer has no body, and a stream
    (Server-Sent Events) ends at once instead of running for a client that reads nothing."""
    ended = False

    async def send_headers(message: Any) -> None:
        nonlocal ended
        if message["type"] == "http.response.body":
            if ended:
                return
            ended = True
            message = {"type": "http.response.body", "body": b"", "more_body": False}
        await send(message)

    return send_headers


def _allowing(send: Send, allow: str) -> Send:
    """A ``send`` that sets the ``allow`` header of an OPTIONS answer that has one to ``allow``."""

    async def send_allow(message: Any) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            if any(name.lower() == b"allow" for name, _ in headers):
                headers = [(n, v) for n, v in headers if n.lower() != b"allow"] + [(b"allow", allow.encode())]
                message = {**message, "headers": headers}
        await send(message)

    return send_allow


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

    api = Router("/", middleware=[KeyCheck()], before_request=reject_unknown_query, route_handlers=[
        *routes_articles.ROUTES, *routes_assertions.ROUTES, *routes_events.ROUTES, *routes_admin.ROUTES,
        *map(_documented, services.routes),  # plugin routes: they may take `at`, `views` and `services`
    ])
    assets, render_plugins = _docs()
    return LedgerApp(
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
