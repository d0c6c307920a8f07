"""Helpers shared by the benchmark commands: corpora, fresh stores, timing."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from bench.gold import CORPUS_DIR

BBC = CORPUS_DIR / "bbc-news-2225" / "articles.jsonl"


def bbc_records(limit: int | None = None) -> list[dict]:
    """The BBC corpus records (title, text, ...), or an empty list where it is absent."""
    if not BBC.exists():
        return []
    with BBC.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f]
    return rows[:limit] if limit else rows


@contextmanager
def sqlite_url() -> Iterator[str]:
    with tempfile.TemporaryDirectory() as d:
        yield f"sqlite:///{d}/bench.sqlite"


@contextmanager
def postgres_url() -> Iterator[str | None]:
    """A fresh database on the server of NEWSLEDGER_TEST_POSTGRES_URL (tests/postgres.sh), or None."""
    server = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")
    if not server:
        yield None
        return
    with fresh_database(server) as url:
        yield url


@contextmanager
def fresh_database(server_url: str) -> Iterator[str]:
    """A new, empty database on the PostgreSQL server of ``server_url``, dropped afterwards."""
    import psycopg

    name = f"b_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen | None = None, timeout: float = 90) -> None:
    """Wait until ``url`` answers below 500 (raises if ``proc`` exits first or time runs out)."""
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not come up")


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started
