"""The pull loop that feeds projections from the notification log, exactly once.

Each batch is applied in one view-database transaction that also advances every projection's
tracking position past every notification read (used or not, so waits always end). The tracking
rows are locked first (FOR UPDATE / BEGIN IMMEDIATE) and re-read, so two runners of the same
projection can never both apply an event: the second sees the first's position and skips.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from typing import Any

from newsledger.domain.projections.base import Projection, Tx
from newsledger.domain.projections.db import ViewDB

TRACKING_DDL = (
    "CREATE TABLE IF NOT EXISTS projection_tracking ("
    "name TEXT PRIMARY KEY, version BIGINT NOT NULL, position BIGINT NOT NULL)"
)


def type_name(topic: str) -> str:
    """'newsledger.domain.article:Article.Ingested' -> 'Article.Ingested'."""
    return topic.rsplit(":", 1)[-1]


class Projector:
    """Runs a set of projections over a ledger's notification log into one view database."""

    def __init__(self, ledger: Any, db: ViewDB, projections: Sequence[Projection], batch: int = 500) -> None:
        self.ledger = ledger
        self.db = db
        self.projections = {p.name: p for p in projections}
        self.batch = batch
        self._progress = threading.Condition()
        # The last position read or reached, and when (monotonic): reads answer from it without a query.
        self._known: tuple[int, float] | None = None

    def setup(self) -> list[str]:
        """Create tables; rebuild (from position 0) every projection whose version changed."""
        rebuilt = []
        with self.db.schema() as tx:
            tx.execute(TRACKING_DDL)
            known = {name: version for name, version in tx.execute("SELECT name, version FROM projection_tracking")}
            for p in self.projections.values():
                if known.get(p.name) != p.version:
                    if p.name in known:
                        rebuilt.append(p.name)
                    self._reset(tx, p)
                else:
                    p.create(tx)
        self._known = None
        return rebuilt

    def _reset(self, tx: Tx, p: Projection) -> None:
        p.drop(tx)
        p.create(tx)
        tx.execute("DELETE FROM projection_tracking WHERE name = ?", (p.name,))
        tx.execute("INSERT INTO projection_tracking (name, version, position) VALUES (?, ?, 0)", (p.name, p.version))

    def rebuild(self, name: str) -> None:
        if name not in self.projections:
            raise KeyError(name)
        with self.db.schema() as tx:
            self._reset(tx, self.projections[name])
        self._known = None

    def positions(self) -> dict[str, int]:
        rows = dict(self.db.query("SELECT name, position FROM projection_tracking"))
        return {name: int(rows.get(name, 0)) for name in self.projections}

    def position(self) -> int:
        """The log position every projection has reached: what a read can answer for."""
        positions = self.positions()
        reached = min(positions.values()) if positions else self.ledger.head()
        self._known = (reached, time.monotonic())
        return reached

    def read_position(self, max_age: float = 0.05) -> int:
        """``position()``, answered from memory when it was read (or reached here) under ``max_age`` s ago.

        Reads call this on every request: this process's projector updates it after each batch, and
        another process's progress (a projector worker, another API worker) shows within ``max_age``.
        A write's position is waited for with ``min_position`` (``wait_for`` reads the database).
        """
        known = self.known_position(max_age)
        return self.position() if known is None else known

    def known_position(self, max_age: float = 0.05) -> int | None:
        """The remembered position if it is under ``max_age`` s old, else None (no database read)."""
        known = self._known
        return known[0] if known is not None and time.monotonic() - known[1] < max_age else None

    def run_once(self) -> int:
        """Apply one batch; the number of notifications read (0 when caught up)."""
        if not self.projections:
            return 0
        start = min(self.positions().values())
        notes = self.ledger.recorder.select_notifications(start=start, limit=self.batch, inclusive_of_start=False)
        if not notes:
            return 0
        with self.db.transaction() as tx:
            lock = " FOR UPDATE" if tx.dialect == "postgres" else ""
            current = {n: int(p) for n, p in tx.execute(f"SELECT name, position FROM projection_tracking{lock}")}
            for note in notes:
                kind = type_name(note.topic)
                event = None
                for p in self.projections.values():
                    if note.id <= current.get(p.name, 0) or (p.topics and kind not in p.topics):
                        continue
                    if event is None:
                        event = self.ledger.mapper.to_domain_event(note)
                    p.apply(tx, event, note.id)
            last = notes[-1].id
            for name in self.projections:
                if current.get(name, 0) < last:
                    tx.execute("UPDATE projection_tracking SET position = ? WHERE name = ?", (last, name))
        # Every projection is now at ``last`` or beyond; never step back from a position already answered.
        known = self._known
        if known is None or last >= known[0]:
            self._known = (last, time.monotonic())
        with self._progress:
            self._progress.notify_all()
        return len(notes)

    def catch_up(self) -> int:
        total = 0
        while n := self.run_once():
            total += n
        return total

    def wait_for(self, position: int, timeout: float) -> bool:
        """Block (bounded) until every projection has reached ``position``; True if it has."""
        deadline = time.monotonic() + timeout
        while self.position() < position:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return False
            with self._progress:
                self._progress.wait(min(remaining, 0.05))
        return True

    def run_forever(self, stop: threading.Event, interval: float = 0.2) -> None:
        """Poll the log until ``stop`` is set; a bounded interval keeps followers correct."""
        while not stop.is_set():
            try:
                busy = self.run_once()
            except Exception:  # keep the loop alive; the next poll retries the same batch
                import logging

                logging.getLogger(__name__).exception("projection batch failed")
                busy = 0
            if not busy:
                stop.wait(interval)
