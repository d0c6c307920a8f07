"""The extraction worker: follows the log and records one run per article version and extractor version.

In the scaled deployment the API records article events only; workers turn each new article version
(and each article whose extractor version changed) into ``Extraction.Completed``/``Failed`` events.
Work is split by a stable hash of the article id (``shard``/``shards``); each worker keeps its own
tracking position in the view database. A run is recorded at most once per (article version,
extractor version): the worker checks the extraction stream first, and the store's unique
(stream, version) constraint settles a race between two writers.
"""

from __future__ import annotations

import logging
import threading
import zlib

from eventsourcing.persistence import IntegrityError
from newsledger.domain.ledger import Ledger
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.projector import type_name
from newsledger.domain.projections.runs import stale

log = logging.getLogger(__name__)

TRACKING_DDL = (
    "CREATE TABLE IF NOT EXISTS worker_tracking (name TEXT PRIMARY KEY, position BIGINT NOT NULL, "
    "updated_at TEXT)"
)
ARTICLE_EVENTS = ("Article.Ingested", "Article.Revised")


def in_shard(article_id: str, shard: int, shards: int) -> bool:
    return zlib.crc32(str(article_id).encode()) % shards == shard


class ExtractionWorker:
    """Runs the ledger's extractors for the articles of one shard, following the log."""

    def __init__(self, ledger: Ledger, views: ViewDB, *, shard: int = 0, shards: int = 1, batch: int = 100) -> None:
        if not 0 <= shard < shards:
            raise ValueError(f"shard {shard} is not in 0..{shards - 1}")
        self.ledger, self.views = ledger, views
        self.shard, self.shards, self.batch = shard, shards, batch
        self.name = f"extraction-{shard}-of-{shards}"
        with views.schema() as tx:
            tx.execute(TRACKING_DDL)
            if not tx.execute("SELECT 1 FROM worker_tracking WHERE name = ?", (self.name,)):
                tx.execute("INSERT INTO worker_tracking (name, position) VALUES (?, 0)", (self.name,))

    def position(self) -> int:
        rows = self.views.query("SELECT position FROM worker_tracking WHERE name = ?", (self.name,))
        return int(rows[0][0]) if rows else 0

    def _advance(self, position: int) -> None:
        with self.views.transaction() as tx:
            tx.execute("UPDATE worker_tracking SET position = ? WHERE name = ? AND position < ?",
                       (position, self.name, position))

    def ensure_runs(self, article_id: str, version: int | None = None) -> int:
        """Record the missing runs on one article version (default: the current); the number recorded.

        Every version gets its runs, superseded ones included (the projections keep a late run on a
        superseded version out of the current views), so each article version has exactly one run
        per extractor version. All of an article's runs are saved in one transaction.
        """
        article = self.ledger.article(article_id)
        if article.retracted_reason is not None:
            return 0
        text = article.text(version)
        for _attempt in range(3):
            todo = []
            for name, extractor in self.ledger.extractors.items():
                done = {(e.article_version, e.extractor_version) for e in self.ledger.runs(article_id, name)}
                if (text.version, extractor.version) not in done:
                    todo.append(name)
            if not todo:
                return 0
            try:
                self.ledger.save(*self.ledger.extraction_events(text, todo))
                return len(todo)
            except IntegrityError:
                continue  # another writer recorded one of these streams first: check again
        return 0

    def run_once(self) -> int:
        """Handle one batch of the log; the number of notifications read."""
        start = self.position()
        notes = self.ledger.recorder.select_notifications(start=start, limit=self.batch, inclusive_of_start=False)
        for note in notes:
            if type_name(note.topic) in ARTICLE_EVENTS and in_shard(str(note.originator_id), self.shard, self.shards):
                try:
                    # A retraction is terminal, so an Ingested/Revised event's aggregate version is its
                    # article version.
                    self.ensure_runs(str(note.originator_id), note.originator_version)
                except Exception:  # noqa: BLE001 - never let one article stop the worker
                    log.exception("extraction of %s failed", note.originator_id)
        if notes:
            self._advance(notes[-1].id)
        return len(notes)

    def catch_up_stale(self) -> int:
        """Articles of this shard whose current version lacks a run by the current extractor versions."""
        versions = {n: e.version for n, e in self.ledger.extractors.items()}
        todo = {a for a, _ in stale(self.views, versions) if in_shard(a, self.shard, self.shards)}
        return sum(self.ensure_runs(a) for a in todo)

    def run_forever(self, stop: threading.Event, interval: float = 0.2) -> None:
        while not stop.is_set():
            try:
                busy = self.run_once()
            except Exception:  # noqa: BLE001 - the next poll retries the same batch
                log.exception("worker batch failed")
                busy = 0
            if not busy:
                stop.wait(interval)

