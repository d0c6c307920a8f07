"""The log index: when each position was recorded, so an ``as_of`` time resolves to a position."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from newsledger.domain.projections.base import Projection, Tx
from newsledger.domain.projections.db import ViewDB


def utc_text(ts: datetime) -> str:
    """Fixed-width UTC text, so that string order is time order in SQLite and PostgreSQL alike."""
    return ts.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class LogIndex(Projection):
    name = "log_index"
    version = 1
    tables = ("log_index",)

    def create(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS log_index (position BIGINT PRIMARY KEY, at TEXT NOT NULL, "
            "type TEXT NOT NULL, stream_id TEXT NOT NULL, stream_version BIGINT NOT NULL)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS log_index_at ON log_index (at, position)")

    def apply(self, tx: Tx, event: Any, position: int) -> None:
        tx.execute(
            "INSERT INTO log_index (position, at, type, stream_id, stream_version) VALUES (?, ?, ?, ?, ?)",
            (position, utc_text(event.timestamp), type(event).__qualname__, str(event.originator_id),
             event.originator_version),
        )


def position_at(db: ViewDB, when: datetime) -> int:
    """The last position recorded at or before ``when`` (0 before the first event)."""
    rows = db.query("SELECT MAX(position) FROM log_index WHERE at <= ?", (utc_text(when),))
    return int(rows[0][0] or 0)
