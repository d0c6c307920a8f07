"""Where events live: a database URL becomes the eventsourcing environment of the ledger."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

from newsledger.domain.errors import LedgerError

# Chosen once, before the first event is stored: the JSON and msgspec formats are incompatible.
MAPPER_ENV = {"TRANSCODER_TOPIC": "eventsourcing.persistence:JSONTranscoder"}


class BadDatabaseURL(LedgerError):
    """NEWSLEDGER_DATABASE_URL is not one of memory://, sqlite:///PATH, postgresql://..."""


def sqlite_file(url: str) -> str | None:
    """The file a ``sqlite:///PATH`` URL names: ``sqlite:///data/x.sqlite`` is relative (one slash after the
    empty host), ``sqlite:////tmp/x.sqlite`` absolute; None for another scheme, a host or no path."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if parts.scheme != "sqlite" or parts.netloc or path in ("", "/"):
        return None
    return path[1:] if path.startswith("/") else path


def store_env(url: str, *, create_table: bool = True) -> dict[str, str]:
    """eventsourcing settings for ``memory://``, ``sqlite:///PATH`` or ``postgresql://U:P@H:PORT/DB``."""
    parts = urlsplit(url)
    env = dict(MAPPER_ENV)
    env["CREATE_TABLE"] = "y" if create_table else "n"
    if parts.scheme == "memory":
        env["PERSISTENCE_MODULE"] = "eventsourcing.popo"
    elif parts.scheme == "sqlite":
        db = sqlite_file(url)
        if db is None:
            raise BadDatabaseURL(f"expected sqlite:///PATH, got {url!r}")
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        env.update(PERSISTENCE_MODULE="eventsourcing.sqlite", SQLITE_DBNAME=db, SQLITE_LOCK_TIMEOUT="30")
    elif parts.scheme in ("postgresql", "postgres"):
        if not parts.hostname or not parts.path.strip("/"):
            raise BadDatabaseURL(f"expected postgresql://USER:PASSWORD@HOST:PORT/DB, got {url!r}")
        env.update(
            PERSISTENCE_MODULE="eventsourcing.postgres",
            POSTGRES_DBNAME=unquote(parts.path.strip("/")),
            POSTGRES_HOST=parts.hostname,
            POSTGRES_PORT=str(parts.port or 5432),
            POSTGRES_USER=unquote(parts.username or ""),
            POSTGRES_PASSWORD=unquote(parts.password or ""),
            POSTGRES_POOL_SIZE="5",
            POSTGRES_MAX_OVERFLOW="10",
            POSTGRES_CONNECT_TIMEOUT="10",
        )
    else:
        raise BadDatabaseURL(f"unsupported database URL {url!r}: use memory://, sqlite:///PATH or postgresql://")
    return env
