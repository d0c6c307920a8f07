"""Whether the store can be opened and written, asked once when a command or the server starts.

A read-only directory, a path through a regular file or a schema nobody created (NEWSLEDGER_CREATE_TABLES=n
before ``newsledger init-db``) is then one line for the operator, not a traceback at the first write, nor a
server that starts and gives every request an empty reply. What still goes wrong later (a full disk) is
described in one line by ``store_failure``.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from pathlib import Path

from eventsourcing.persistence import PersistenceError
from newsledger.api.settings import Settings
from newsledger.domain.store import sqlite_file

# What the event store (eventsourcing) and the read models (sqlite3 on the embedded default) raise.
STORE_ERRORS: tuple[type[Exception], ...] = (PersistenceError, sqlite3.Error)
EVENTS_TABLE = "stored_events"  # eventsourcing's table of the event log


class StoreUnavailable(Exception):
    """The store cannot be opened or written (a one-line message for the operator)."""


def sqlite_path(url: str) -> Path | None:
    """The file of a ``sqlite:///PATH`` URL, as the event store opens it (None for other stores)."""
    path = sqlite_file(url)
    return Path(path) if path is not None else None


def describe(settings: Settings) -> str:
    """The store as the operator named it: the SQLite file, or the database URL without its password."""
    path = sqlite_path(settings.database_url)
    return str(path) if path is not None else settings.database_url.split("@")[-1]


def check_store(settings: Settings, *, tables: bool = True) -> None:
    """Raise StoreUnavailable unless the embedded store's files can be opened and written (and, with
    ``tables`` and NEWSLEDGER_CREATE_TABLES=n, hold the event log's table). Other stores are checked by
    their first query (see ``store_failure``)."""
    events = sqlite_path(settings.database_url)
    views = sqlite_path(settings.views_url())
    if events is None or views is None:
        return
    for path in (events, views):
        _check_writable(path)
    if tables and not settings.create_tables and not _has_events_table(events):
        raise StoreUnavailable(
            f"the store {events} has no event log yet and NEWSLEDGER_CREATE_TABLES is off: "
            "run `newsledger init-db` first (or unset NEWSLEDGER_CREATE_TABLES)")


def _check_writable(path: Path) -> None:
    directory = path.parent
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise StoreUnavailable(f"cannot open the store {path}: {directory} is not a directory") from None
    except OSError as exc:
        raise StoreUnavailable(f"cannot open the store {path}: {_reason(exc)}") from None
    if path.is_dir():
        raise StoreUnavailable(f"cannot open the store {path}: it is a directory")
    # SQLite writes beside the file (its -wal and -shm files), so the directory must take new files.
    try:
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".newsledger-probe-"):
            pass
    except OSError as exc:
        raise StoreUnavailable(f"cannot write the store {path}: {_reason(exc)} (its folder {directory})") from None
    for existing in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        if existing.exists():
            try:
                os.close(os.open(existing, os.O_RDWR))
            except OSError as exc:
                raise StoreUnavailable(f"cannot write the store {path}: {_reason(exc)} ({existing})") from None


def _has_events_table(path: Path) -> bool:
    if not path.exists():
        return False
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            return bool(db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (EVENTS_TABLE,)).fetchall())
        finally:
            db.close()
    except sqlite3.Error as exc:
        raise StoreUnavailable(f"cannot open the store {path}: {exc}") from None


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def store_failure(settings: Settings, exc: Exception) -> str:
    """One line for a store error met after start-up: a full disk, a missing table, a lost connection."""
    reason = " ".join(str(exc).split()) or type(exc).__name__
    where = describe(settings)
    if is_full(exc):
        return f"the store {where} is full ({reason})"
    if "no such table" in reason or ("relation" in reason and "does not exist" in reason):
        return (f"the store {where} lacks its tables ({reason}): run `newsledger init-db` first "
                "(or unset NEWSLEDGER_CREATE_TABLES)")
    if "readonly" in reason or "read-only" in reason or "unable to open" in reason:
        return f"cannot write the store {where}: {reason}"
    return f"the store {where} failed: {reason}"


def is_full(exc: Exception) -> bool:
    """SQLite's "database or disk is full" (SQLITE_FULL), PostgreSQL's "No space left on device"."""
    text = str(exc).lower()
    return "disk is full" in text or "no space left" in text


def open_services(settings: Settings | None = None, *, tables: bool = True):
    """The services of a command: the settings from the environment, the store checked, then wired."""
    from newsledger.api.bootstrap import bootstrap

    settings = settings if settings is not None else Settings.from_env()
    check_store(settings, tables=tables)
    return bootstrap(settings)
