"""Helpers shared by the benchmark commands: corpora, fresh stores, timing."""

from __future__ import annotations

import json
import os
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
    import psycopg

    name = f"b_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield server.rsplit("/", 1)[0] + "/" + name
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def timed(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started
