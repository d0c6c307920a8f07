"""Settings, read from the environment once into one typed object."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

import msgspec
from newsledger.domain.submission import DEFAULT_MAX_BYTES

DEFAULT_DATABASE_URL = "sqlite:///data/newsledger.sqlite"


class SettingsError(ValueError):
    """The settings ask for something this installation cannot do (a one-line message for the operator)."""


def require_postgres_driver() -> None:
    """PostgreSQL URLs need psycopg and psycopg_pool, which only the ``postgres`` extra installs; without
    them eventsourcing fails deep inside with "Failed to resolve persistence module topic"."""
    try:
        import psycopg  # noqa: F401
        import psycopg_pool  # noqa: F401
    except ImportError as exc:
        raise SettingsError(
            f"NEWSLEDGER_DATABASE_URL is a PostgreSQL URL but its driver is not installed ({exc}): "
            "install the postgres extra, pip install -e '.[postgres]' (psycopg)"
        ) from None


class Settings(msgspec.Struct, kw_only=True, frozen=True):
    """Everything configurable, with the embedded SQLite default."""

    database_url: str = DEFAULT_DATABASE_URL
    max_body_bytes: int = DEFAULT_MAX_BYTES
    load_plugins: str | None = None  # None: every plugin; "": none; "a,b": only those
    entry_points: bool = True
    extraction_budget: float = 5.0
    role: str = "all"  # all | api (no inline extraction or projection: the scaled profile)
    create_tables: bool = True
    api_keys: str = ""  # comma-separated "name:scope:sha256hex" entries for deployments
    open_reads: bool = True
    rate_limit_per_minute: int = 600
    projector_interval: float = 0.2
    read_cache_bytes: int = 64 * 1024 * 1024  # per process; answers at a position never change (0: off)

    def __post_init__(self) -> None:
        if self.database_url.startswith(("postgresql:", "postgres:")):
            require_postgres_driver()  # every process fails at start, in one line, not at its first write

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ

        def flag(name: str, default: bool) -> bool:
            value = env.get(name)
            return default if value is None else value.strip().lower() in ("1", "y", "yes", "true", "on")

        return cls(
            database_url=env.get("NEWSLEDGER_DATABASE_URL", DEFAULT_DATABASE_URL),
            max_body_bytes=int(env.get("NEWSLEDGER_MAX_BODY_BYTES", DEFAULT_MAX_BYTES)),
            load_plugins=env.get("NEWSLEDGER_LOAD_PLUGINS"),
            entry_points=flag("NEWSLEDGER_ENTRY_POINTS", True),
            extraction_budget=float(env.get("NEWSLEDGER_EXTRACTION_BUDGET", 5.0)),
            role=env.get("NEWSLEDGER_ROLE", "all"),
            create_tables=flag("NEWSLEDGER_CREATE_TABLES", True),
            api_keys=env.get("NEWSLEDGER_API_KEYS", ""),
            open_reads=flag("NEWSLEDGER_OPEN_READS", True),
            rate_limit_per_minute=int(env.get("NEWSLEDGER_RATE_LIMIT_PER_MINUTE", 600)),
            projector_interval=float(env.get("NEWSLEDGER_PROJECTOR_INTERVAL", 0.2)),
            read_cache_bytes=int(float(env.get("NEWSLEDGER_READ_CACHE_MB", 64)) * 1024 * 1024),
        )

    @property
    def inline_extraction(self) -> bool:
        return self.role == "all"

    def views_url(self) -> str:
        """Read models live beside the events: a sibling SQLite file, or the same PostgreSQL database."""
        if self.database_url.startswith("sqlite:"):
            path = Path(self.database_url[len("sqlite:///") :])
            return "sqlite:///" + str(path.with_name(path.stem + ".views" + (path.suffix or ".sqlite")))
        return self.database_url
