"""API keys: read < write < admin scopes, stored only as SHA-256 hashes, compared in constant time.

Keys live in an ``api_keys`` table of the views database (created here, not a projection: keys are
operational state, not facts of the log). Deployments may also pass ``name:scope:sha256hex`` entries
in ``NEWSLEDGER_API_KEYS``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime

from newsledger.domain.projections.db import ViewDB

SCOPES = ("read", "write", "admin")
PREFIX = "nl_"
DDL = ("CREATE TABLE IF NOT EXISTS api_keys (name TEXT PRIMARY KEY, scope TEXT NOT NULL, "
       "hash TEXT NOT NULL, created_at TEXT NOT NULL)")


def digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


def allows(granted: str, needed: str) -> bool:
    """admin covers write covers read."""
    return SCOPES.index(granted) >= SCOPES.index(needed)


@dataclass(frozen=True)
class Key:
    name: str
    scope: str
    hash: str
    created_at: str | None = None
    source: str = "database"  # database | environment


def parse_env_keys(value: str) -> list[Key]:
    """``name:scope:sha256hex`` entries, comma-separated (NEWSLEDGER_API_KEYS)."""
    keys = []
    for entry in filter(None, (e.strip() for e in value.split(","))):
        parts = entry.split(":")
        if len(parts) != 3 or parts[1] not in SCOPES or len(parts[2]) != 64:
            raise ValueError(f"NEWSLEDGER_API_KEYS: expected name:scope:sha256hex, got {entry!r}")
        keys.append(Key(parts[0], parts[1], parts[2].lower(), source="environment"))
    return keys


class KeyStore:
    """Adds, lists, revokes and checks keys; lookups are cached for a few seconds."""

    def __init__(self, db: ViewDB, env_keys: str = "", cache_seconds: float = 2.0) -> None:
        self.db = db
        self.env = parse_env_keys(env_keys)
        self.cache_seconds = cache_seconds
        self._cache: tuple[float, list[Key]] | None = None
        self._lock = threading.Lock()

    def setup(self) -> None:
        with self.db.schema() as tx:
            tx.execute(DDL)

    def add(self, name: str, scope: str) -> str:
        """Store a new key's hash and return the key (shown once). Raises ValueError if NAME exists."""
        if scope not in SCOPES:
            raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
        if not name or len(name) > 100:
            raise ValueError("a key needs a name of 1 to 100 characters")
        key = PREFIX + secrets.token_urlsafe(32)
        now = datetime.now(UTC).isoformat()
        with self.db.transaction() as tx:
            if tx.execute("SELECT 1 FROM api_keys WHERE name = ?", (name,)):
                raise ValueError(f"a key named {name!r} exists; revoke it first")
            tx.execute("INSERT INTO api_keys (name, scope, hash, created_at) VALUES (?, ?, ?, ?)",
                       (name, scope, digest(key), now))
        self._cache = None
        return key

    def rotate(self, name: str, scope: str) -> str:
        """Replace the key named NAME (or create it)."""
        self.revoke(name)
        return self.add(name, scope)

    def revoke(self, name: str) -> bool:
        with self.db.transaction() as tx:
            found = bool(tx.execute("SELECT 1 FROM api_keys WHERE name = ?", (name,)))
            tx.execute("DELETE FROM api_keys WHERE name = ?", (name,))
        self._cache = None
        return found

    def list(self) -> list[Key]:
        rows = self.db.query("SELECT name, scope, hash, created_at FROM api_keys ORDER BY name")
        return [*(Key(*r) for r in rows), *self.env]

    def _keys(self) -> list[Key]:
        now = time.monotonic()
        with self._lock:
            if self._cache is None or now - self._cache[0] > self.cache_seconds:
                self._cache = (now, self.list())
            return self._cache[1]

    def check(self, presented: str) -> Key | None:
        """The key matching PRESENTED, comparing every stored hash in constant time."""
        wanted = digest(presented)
        match = None
        for key in self._keys():
            if hmac.compare_digest(key.hash, wanted):  # no early exit: timing does not tell which
                match = key
        return match
