"""The log index: when each position was recorded, so an ``as_of`` time resolves to a position.

An event is stamped just before its transaction (``Ledger.save``), which may still wait for the
store's write lock, and logs written by earlier versions stamped an event when it was made (before its
extractors ran): a write can land after a later-stamped one, so the stamps along the log need not be in
order. The index therefore keeps, for each position, the latest stamp up to it (``at``): the time by
which that position and everything before it had been stamped.
``at`` never decreases along the log, so an ``as_of`` time resolves to a prefix of the log, and once
the log holds a position stamped after a time, no later write can change that time's answer (see
``recorded_by``). The values come from the events alone: a rebuilt index holds the same.
"""

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
    version = 2  # 2: ``at`` is the latest stamp up to the position (it was the position's own stamp)
    tables = ("log_index",)

    def create(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS log_index (position BIGINT PRIMARY KEY, at TEXT NOT NULL, "
            "type TEXT NOT NULL, stream_id TEXT NOT NULL, stream_version BIGINT NOT NULL)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS log_index_at ON log_index (at, position)")

    def apply(self, tx: Tx, event: Any, position: int) -> None:
        latest = tx.execute("SELECT MAX(at) FROM log_index")[0][0]  # the previous position's, via the index
        at = max(utc_text(event.timestamp), latest or "")
        tx.execute(
            "INSERT INTO log_index (position, at, type, stream_id, stream_version) VALUES (?, ?, ?, ?, ?)",
            (position, at, type(event).__qualname__, str(event.originator_id), event.originator_version),
        )


def position_at(db: ViewDB, when: datetime) -> int:
    """The last position stamped, with every position before it, at or before ``when`` (0 before the first)."""
    rows = db.query("SELECT MAX(position) FROM log_index WHERE at <= ?", (utc_text(when),))
    return int(rows[0][0] or 0)


def recorded_by(db: ViewDB, position: int, when: datetime) -> bool:
    """The index holds ``position`` and it was stamped after ``when``: ``when``'s answer is final.

    Every later position's ``at`` is at least this one's, so no write still to come can resolve
    ``when`` to a position beyond the one it resolves to now.
    """
    rows = db.query("SELECT at FROM log_index WHERE position = ?", (position,))
    return bool(rows) and rows[0][0] > utc_text(when)
