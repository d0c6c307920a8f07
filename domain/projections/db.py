"""A small SQL layer over sqlite3 and psycopg for the read models.

SQL is written once with ``?`` placeholders and portable types (BIGINT, TEXT, DOUBLE PRECISION);
PostgreSQL gets ``%s``. SQLite connections are per thread (WAL, busy timeout); PostgreSQL uses a pool.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from newsledger.domain.projections.base import Tx
from newsledger.domain.store import sqlite_file


class _SqliteTx(Tx):
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.dialect = "sqlite"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return self.conn.execute(sql, params).fetchall()

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)


class _PgTx(Tx):
    def __init__(self, conn: Any) -> None:
        self.conn = conn
        self.dialect = "postgres"

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        cur = self.conn.execute(sql.replace("?", "%s"), params)
        return cur.fetchall() if cur.description else []

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.conn.cursor() as cur:
                cur.executemany(sql.replace("?", "%s"), rows)


class ViewDB:
    """Connections to the read-model database: ``memory://``, ``sqlite:///PATH`` or ``postgresql://``."""

    def __init__(self, url: str) -> None:
        self.url = url
        parts = urlsplit(url)
        self._local = threading.local()
        self._memory: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._pool = None
        if parts.scheme == "memory":
            self.dialect = "sqlite"
            self._memory = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        elif parts.scheme == "sqlite":
            self.dialect = "sqlite"
            self._path = sqlite_file(url) or unquote(parts.path)  # (no file named: SQLite's own error)
            Path(self._path).parent.mkdir(parents=True, exist_ok=True)
        elif parts.scheme in ("postgresql", "postgres"):
            from psycopg_pool import ConnectionPool

            self.dialect = "postgres"
            conninfo = url.replace("postgres://", "postgresql://", 1)
            self._pool = ConnectionPool(conninfo, min_size=1, max_size=8, open=True, kwargs={"autocommit": True})
        else:
            raise ValueError(f"unsupported view database URL {url!r}")

    def _sqlite(self) -> sqlite3.Connection:
        if self._memory is not None:
            return self._memory
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self._path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            self._local.conn = conn
        return conn

    @contextmanager
    def transaction(self, *, write: bool = True) -> Iterator[Tx]:
        """One transaction; writers on SQLite take the write lock up front (BEGIN IMMEDIATE)."""
        if self._pool is not None:
            with self._pool.connection() as conn, conn.transaction():
                yield _PgTx(conn)
            return
        with self._lock if self._memory is not None else _nolock():
            conn = self._sqlite()
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            try:
                yield _SqliteTx(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextmanager
    def schema(self) -> Iterator[Tx]:
        """A write transaction for ``CREATE … IF NOT EXISTS`` and other table changes. Processes that create
        the same table at once on PostgreSQL race (a duplicate ``pg_type`` row fails one of them), so they take
        turns on a transaction-scoped advisory lock; SQLite's ``BEGIN IMMEDIATE`` already serialises them."""
        with self.transaction() as tx:
            if tx.dialect == "postgres":
                tx.execute("SELECT pg_advisory_xact_lock(hashtext('newsledger.schema'))")
            yield tx

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        """A read outside an explicit transaction."""
        if self._pool is not None:
            with self._pool.connection() as conn:
                cur = conn.execute(sql.replace("?", "%s"), params)
                return cur.fetchall() if cur.description else []
        with self._lock if self._memory is not None else _nolock():
            return self._sqlite().execute(sql, params).fetchall()

    @contextmanager
    def exclusive(self, name: str, stop: threading.Event | None = None, poll: float = 1.0,
                  on_wait: Callable[[], None] | None = None) -> Iterator[bool]:
        """Hold a lease named ``name`` while the block runs; wait for it while another process holds it.

        PostgreSQL: a session advisory lock on a dedicated connection; SQLite: an flock on a file
        beside the database. Both are released by the operating system when the holder dies, so a
        standby takes over. Yields False if ``stop`` was set before the lease was obtained.
        ``on_wait`` is called once, when the lease is found taken and the wait begins.
        """
        waited = False

        def stopped() -> bool:
            nonlocal waited
            if not waited and on_wait is not None:
                on_wait()
            waited = True
            return _stopped_after(poll, stop)

        if self._pool is not None:
            import psycopg

            conn = psycopg.connect(self.url.replace("postgres://", "postgresql://", 1), autocommit=True)
            try:
                while not conn.execute("SELECT pg_try_advisory_lock(hashtext(%s))", (name,)).fetchone()[0]:
                    if stopped():
                        yield False
                        return
                yield True
            finally:
                conn.close()
            return
        if self._memory is not None:
            yield True
            return
        import fcntl

        with open(f"{self._path}.{name}.lock", "a+b") as handle:
            while True:
                try:
                    fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if stopped():
                        yield False
                        return
            try:
                yield True
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        if self._memory is not None:
            self._memory.close()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()


@contextmanager
def _nolock() -> Iterator[None]:
    yield


def _stopped_after(poll: float, stop: threading.Event | None) -> bool:
    """Wait ``poll`` seconds before trying the lease again; True if ``stop`` was set meanwhile."""
    if stop is None:
        time.sleep(poll)
        return False
    return stop.wait(poll)
