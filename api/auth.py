"""Who may call what: API keys by scope, and a per-key rate limit.

A route declares the scope it needs in ``opt={"scope": "write"}`` (reads default to ``read``,
``opt={"public": True}`` needs nothing). Reads are open unless ``open_reads`` is off. The rate limit
counts per key and per process (a token bucket; with N workers a key gets up to N times the rate).
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass

import anyio
from litestar.enums import ScopeType
from litestar.middleware import ASGIMiddleware
from litestar.openapi.spec import Components, SecurityScheme
from litestar.types import ASGIApp, Receive, Scope, Send
from newsledger.api.errors import ProblemException
from newsledger.api.keys import Key, KeyStore, allows

SECURITY = [{"bearer": []}, {"apiKey": []}]


def security_components() -> Components:
    return Components(security_schemes={
        "bearer": SecurityScheme(type="http", scheme="bearer", description="Authorization: Bearer <key>"),
        "apiKey": SecurityScheme(type="apiKey", name="X-API-Key", security_scheme_in="header",
                                 description="X-API-Key: <key>"),
    })


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """A token bucket per key: ``per_minute`` requests a minute, bursts up to the same number."""

    def __init__(self, per_minute: int) -> None:
        self.capacity = float(max(per_minute, 1))
        self.refill = self.capacity / 60.0
        self.enabled = per_minute > 0
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def take(self, name: str) -> float:
        """0 if allowed, else the seconds to wait."""
        if not self.enabled:
            return 0.0
        now = time.monotonic()
        with self._lock:
            b = self._buckets.get(name)
            if b is None:
                b = self._buckets[name] = _Bucket(self.capacity, now)
            b.tokens = min(self.capacity, b.tokens + (now - b.updated) * self.refill)
            b.updated = now
            if b.tokens >= 1:
                b.tokens -= 1
                return 0.0
            return (1 - b.tokens) / self.refill


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope["headers"]:  # ASGI header names are lower case
        if key == name:
            return value.decode("latin-1")
    return None


def presented_key(scope: Scope) -> str | None:
    auth = _header(scope, b"authorization")
    if auth:
        scheme, _, value = auth.partition(" ")
        if scheme.lower() == "bearer" and value.strip():
            return value.strip()
        return ""  # present but not a bearer token: refused below
    key = _header(scope, b"x-api-key")
    return key.strip() if key is not None else None


class KeyCheck(ASGIMiddleware):
    """Checks the key against the route's scope and the key's rate limit, before the route runs.

    A middleware rather than a guard: Litestar copies the route handler for every guard call, which
    costs an open read more than the check itself. The common case (an open read without a key) reads
    no database; a presented key is looked up in a worker thread.
    """

    scopes = (ScopeType.HTTP,)

    async def handle(self, scope: Scope, receive: Receive, send: Send, next_app: ASGIApp) -> None:
        await authorize(scope)
        await next_app(scope, receive, send)


async def authorize(scope: Scope) -> None:
    """Raise the 401/403/429 problem for a request its key does not allow, else return."""
    opt = scope["route_handler"].opt
    if opt.get("public"):
        return
    state = scope["litestar_app"].state
    needed = opt.get("scope", "read")
    given = presented_key(scope)
    key: Key | None = None
    if given is not None:
        store: KeyStore = state.api_keys
        key = await anyio.to_thread.run_sync(store.check, given) if given else None
        if key is None:
            raise ProblemException(401, "unauthorized", "Unknown API key", "the API key presented is not known",
                                   headers={"WWW-Authenticate": 'Bearer realm="newsledger"'})
        wait = state.limiter.take(key.name)
        if wait > 0:
            raise ProblemException(429, "rate-limited", "Too many requests",
                                   f"key {key.name!r} is over its limit of {int(state.limiter.capacity)} "
                                   "requests a minute", headers={"Retry-After": str(math.ceil(wait))})
    if needed == "read" and state.settings.open_reads:
        return
    if key is None:
        raise ProblemException(401, "unauthorized", "API key required",
                               f"this operation needs a key with the {needed!r} scope "
                               "(Authorization: Bearer <key> or X-API-Key)",
                               headers={"WWW-Authenticate": 'Bearer realm="newsledger"'})
    if not allows(key.scope, needed):
        raise ProblemException(403, "forbidden", "Insufficient scope",
                               f"key {key.name!r} has scope {key.scope!r}; this operation needs {needed!r}")
