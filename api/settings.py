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


ROLES = ("all", "api")
TRUE = ("1", "y", "yes", "true", "on")
FALSE = ("0", "n", "no", "false", "off")


class _Reader:
    """Reads one variable at a time, refusing what it cannot read with a one-line SettingsError."""

    def __init__(self, env: Mapping[str, str]) -> None:
        self.env = env

    def flag(self, name: str, default: bool) -> bool:
        value = self.env.get(name)
        if value is None:
            return default
        spelled = value.strip().lower()
        if spelled in TRUE or spelled in FALSE:
            return spelled in TRUE
        raise SettingsError(f"{name} must be one of {'/'.join(TRUE)} or {'/'.join(FALSE)} (got {value!r})")

    def number(self, name: str, default: float, kind: type, *, least: float, what: str,
               above: bool = False) -> float:
        value = self.env.get(name)
        if value is None:
            return default
        try:
            number = kind(value.strip())
        except ValueError:
            number = None
        if (number is None or number != number or abs(number) == float("inf") or number < least
                or (above and number == least)):
            raise SettingsError(f"{name} must be {what} (got {value!r})")
        return number

    def choice(self, name: str, default: str, choices: tuple[str, ...]) -> str:
        value = self.env.get(name)
        if value is None:
            return default
        if value.strip().lower() not in choices:
            raise SettingsError(f"{name} must be one of {', '.join(choices)} (got {value!r})")
        return value.strip().lower()


def _check_api_keys(value: str) -> None:
    from newsledger.api.keys import parse_env_keys

    try:
        parse_env_keys(value)
    except ValueError as exc:
        raise SettingsError(str(exc)) from None


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
        """The settings in ``environ`` (default: the process environment). A value this installation cannot
        read is a SettingsError naming the variable and what it must be, never a silent default."""
        env = os.environ if environ is None else environ
        read = _Reader(env)
        api_keys = env.get("NEWSLEDGER_API_KEYS", "")
        _check_api_keys(api_keys)
        return cls(
            database_url=env.get("NEWSLEDGER_DATABASE_URL", DEFAULT_DATABASE_URL),
            max_body_bytes=int(read.number("NEWSLEDGER_MAX_BODY_BYTES", DEFAULT_MAX_BYTES, int, least=1,
                                           what="a whole number of bytes, 1 or more")),
            load_plugins=env.get("NEWSLEDGER_LOAD_PLUGINS"),
            entry_points=read.flag("NEWSLEDGER_ENTRY_POINTS", True),
            extraction_budget=read.number("NEWSLEDGER_EXTRACTION_BUDGET", 5.0, float, least=0, above=True,
                                          what="a number of seconds above 0"),
            role=read.choice("NEWSLEDGER_ROLE", "all", ROLES),
            create_tables=read.flag("NEWSLEDGER_CREATE_TABLES", True),
            api_keys=api_keys,
            open_reads=read.flag("NEWSLEDGER_OPEN_READS", True),
            rate_limit_per_minute=int(read.number("NEWSLEDGER_RATE_LIMIT_PER_MINUTE", 600, int, least=0,
                                                  what="a whole number of requests, 0 or more (0: no limit)")),
            projector_interval=read.number("NEWSLEDGER_PROJECTOR_INTERVAL", 0.2, float, least=0, above=True,
                                           what="a number of seconds above 0"),
            read_cache_bytes=int(read.number("NEWSLEDGER_READ_CACHE_MB", 64, float, least=0,
                                             what="a number of megabytes, 0 or more (0: off)") * 1024 * 1024),
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
