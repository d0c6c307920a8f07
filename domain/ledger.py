"""The ledger application: the use cases that record article versions and extraction runs.

Extractors run only here, when a command is handled (ingest, revise, re-extract). Replays and
projections never call an extractor, so history stays reproducible after a plugin upgrade.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import IntegrityError, Notification
from eventsourcing.sqlite import SQLiteAggregateRecorder
from newsledger.domain.article import Article, article_id_for
from newsledger.domain.errors import AlreadyRetracted, ArticleNotFound, LedgerError
from newsledger.domain.extraction import Extraction, extraction_stream_id
from newsledger.domain.extractor import Extractor
from newsledger.domain.isolation import ExtractorRunner, assertion_records
from newsledger.domain.text import ArticleText


class ConflictingWrite(LedgerError):
    """Another writer recorded an event for the same stream first, again and again."""


@dataclass(frozen=True)
class Receipt:
    """What a write answers: the article, its version, what happened, and the log position."""

    id: str
    version: int
    outcome: str  # "new" | "revised" | "unchanged"
    position: int  # where the article reads as this version (unchanged and recorded earlier: the log head)
    retracted: str | None = None  # the retraction's reason: identical content to a retracted article is unchanged


class Ledger(Application):
    """Append-only store of article versions and the assertions derived from them."""

    name = "newsledger"

    def __init__(
        self,
        env: dict[str, str] | None = None,
        *,
        extractors: Sequence[Extractor] = (),
        inline_extraction: bool = True,
        extraction_budget: float = 5.0,
    ) -> None:
        super().__init__(env)
        self.extractors = {e.name: e for e in extractors}
        self.inline_extraction = inline_extraction
        self.runner = ExtractorRunner(extraction_budget)
        # wall time each write in flight in this process began: its events are committed (and stamped, see
        # save) at its end, after its extractors ran, so reads as of a time since then wait (writing_since)
        self._writes: dict[object, float] = {}
        self._writes_lock = threading.Lock()

    @contextmanager
    def _writing(self) -> Iterator[None]:
        token = object()
        with self._writes_lock:
            self._writes[token] = time.time()
        try:
            yield
        finally:
            with self._writes_lock:
                del self._writes[token]

    def writing_since(self) -> float | None:
        """When the oldest write still in flight in this process began (epoch seconds), or None.

        Events are stamped just before their transaction (see ``save``), which may wait for the store's
        write lock, so a time after this may yet get events stamped at or before it.
        """
        with self._writes_lock:
            return min(self._writes.values(), default=None)

    # -- writes -----------------------------------------------------------------------------

    def save(self, *objs: Any, **kwargs: Any) -> list[Any]:
        """Put events (or aggregates' pending events) in the store, each stamped as it is put there.

        An event is made before the extractors run on its version and committed after them, up to their
        time budget later; stamped when made, it would carry a time before a read as of that time could
        see it, in this process or any other. Stamped here, an event's time is its commit's, to within
        the transaction, and times rise with log positions.
        """
        events: list[Any] = []
        for obj in objs:
            if obj is not None:
                events.extend(obj.collect_events() if hasattr(obj, "collect_events") else [obj])
        stamp = datetime.now(UTC)
        stamped = []
        for e in events:
            stamped.append(replace(e, timestamp=stamp))
            stamp += timedelta(microseconds=1)
        return super().save(*stamped, **kwargs)


    def record(self, fields: dict[str, Any]) -> Receipt:
        """Record one prepared article (see ``submission.prepare``)."""
        return self.record_many([fields])[0]

    def record_many(self, batch: Sequence[dict[str, Any]]) -> list[Receipt]:
        """Record prepared articles in one transaction, with their inline extractions."""
        with self._writing():
            for _attempt in range(3):
                try:
                    return self._record_many(batch)
                except IntegrityError:
                    continue  # someone else wrote one of these streams first: decide again
        raise ConflictingWrite("the same article was written concurrently; try again")

    def _record_many(self, batch: Sequence[dict[str, Any]]) -> list[Receipt]:
        firsts: dict[UUID, Article.Ingested] = {}  # new articles, recorded by their first event alone
        pending: dict[UUID, Article] = {}  # articles already recorded, or new ones seen twice here
        lines: list[tuple[UUID, str, int, str | None]] = []  # per submission: article, outcome, version, retraction
        # In input order, each new version followed by its own extraction runs (superseded ones
        # included: a version revised later in the same batch is still a version), so that as of a
        # line's position the article reads as that line's version, with its assertions, and the
        # events' times rise with their positions (an as_of time resolves to a position).
        events: list[Any] = []
        stream_versions: dict[UUID, int] = {}  # extraction streams written in this batch: their last version
        extract = self.inline_extraction and bool(self.extractors)
        ids = [article_id_for(fields["url"], fields["content_hash"]) for fields in batch]
        existing = self._existing(ids)
        for article_id, fields in zip(ids, batch, strict=True):
            article = pending.get(article_id)
            if article is None and article_id in firsts:  # new in this batch, and submitted again
                article = pending[article_id] = firsts[article_id].mutate(None)
            if article is None and (existing is None or article_id in existing):
                article = self._find(article_id)
                if article is not None:
                    pending[article_id] = article
            if article is None:
                first = firsts[article_id] = Article.first_version(article_id, fields)
                events.append(first)
                lines.append((article_id, "new", 1, None))
                if extract:  # a new article has no runs yet: no need to ask the store for its streams
                    stream_versions.update((extraction_stream_id(article_id, n), 0) for n in self.extractors)
                    events.extend(self.extraction_events(first.mutate(None).text(), stream_versions=stream_versions))
            elif article.revise_if_changed(**{k: v for k, v in fields.items() if k != "url"}):
                events.extend(article.collect_events())  # this line's Revised event alone
                lines.append((article_id, "revised", article.version_number, None))
                if extract:
                    events.extend(self.extraction_events(article.text(), stream_versions=stream_versions))
            else:
                lines.append((article_id, "unchanged", article.version_number, article.retracted_reason))
        recordings = self.save(*events) if events else []
        # A line answers with the position of its version's last event (the article's and its
        # extractions'), so that a read as of that position sees the assertions derived from it.
        positions: dict[tuple[UUID, int], int] = {}
        for r in recordings:
            e = r.domain_event
            # A retraction is terminal, so an article event's aggregate version is its article version.
            key = (UUID(str(e.article_id)), e.article_version) if hasattr(e, "article_id") else (
                e.originator_id, e.originator_version)
            positions[key] = max(positions.get(key, 0), r.notification.id)
        head: int | None = None
        receipts = []
        for article_id, outcome, version, retracted in lines:
            position = positions.get((article_id, version))
            if position is None:  # unchanged, and recorded before this batch: the article reads so at the head
                head = self.head() if head is None else head
                position = head
            receipts.append(Receipt(str(article_id), version, outcome, position, retracted))
        return receipts

    def retract(self, article_id: str, reason: str) -> int:
        with self._writing():
            for _attempt in range(3):
                article = self.article(article_id)
                if article.retracted_reason is not None:  # a refused command records nothing
                    raise AlreadyRetracted(str(article.id), article.retracted_reason)
                article.retract(reason=reason)
                try:
                    return self.save(article)[-1].notification.id
                except IntegrityError:
                    continue  # another process wrote this article first: read it again and decide again
        raise ConflictingWrite("the same article was written concurrently; try again")

    def extraction_events(self, text: ArticleText, only: Iterable[str] | None = None, *,
                          stream_versions: dict[UUID, int] | None = None) -> list:
        """Run extractors on one article version; one Completed or Failed event per extractor.

        ``stream_versions`` (stream id -> its last version) carries the streams' versions between
        calls whose events are saved together (several versions of one article in one batch); a
        stream missing from it is looked up in the store.
        """
        events = []
        names = list(only) if only is not None else list(self.extractors)
        versions = stream_versions if stream_versions is not None else {}
        for name in names:
            extractor = self.extractors[name]
            stream = extraction_stream_id(text.id, name)
            if stream not in versions:
                last = self.recorder.select_events(stream, desc=True, limit=1)
                versions[stream] = last[0].originator_version if last else 0
            version = versions[stream] = versions[stream] + 1
            assertions, error = self.runner.run(extractor, text)
            common = dict(
                originator_id=stream,
                originator_version=version,
                timestamp=Extraction.Completed.create_timestamp(),
                article_id=text.id,
                article_version=text.version,
                extractor=name,
                extractor_version=extractor.version,
            )
            if error is None:
                events.append(Extraction.Completed(**common, assertions=assertion_records(assertions)))
            else:
                events.append(Extraction.Failed(**common, error=error))
        return events

    def reextract(self, article_id: str, names: Iterable[str]) -> int | None:
        """Run the named extractors on the article's current version; the log position or None."""
        with self._writing():
            article = self.article(article_id)
            if article.retracted_reason is not None:
                return None
            events = self.extraction_events(article.text(), names)
            if not events:
                return None
            return self.save(*events)[-1].notification.id

    def runs(self, article_id: str, extractor: str) -> list[Any]:
        """Every recorded run of one extractor on one article, oldest first."""
        return list(self.events.get(extraction_stream_id(article_id, extractor)))

    # -- reads ------------------------------------------------------------------------------

    def _existing(self, ids: list[UUID]) -> set[UUID] | None:
        """Which of these streams exist, in one query per batch (None: look each one up).

        A bulk ingest is mostly new articles; asking once per batch instead of once per article is
        most of the difference to a bare append (on PostgreSQL, one round trip instead of fifty). It
        reads the recorder's own table (eventsourcing is pinned to 9.5.6: SQLite stores ids as hex,
        PostgreSQL as uuid or text); other recorders fall back to the repository.
        """
        recorder = self.recorder
        if not ids:
            return set()
        if isinstance(recorder, SQLiteAggregateRecorder):
            found: set[UUID] = set()
            for start in range(0, len(ids), 500):  # within SQLite's variable limit
                chunk = ids[start : start + 500]
                with recorder.datastore.transaction(commit=False) as cursor:
                    cursor.execute(
                        f"SELECT DISTINCT originator_id FROM {recorder.events_table_name} "
                        f"WHERE originator_id IN ({','.join('?' * len(chunk))})",
                        [i.hex for i in chunk],
                    )
                    found.update(UUID(row[0]) for row in cursor.fetchall())
            return found
        if type(recorder).__module__ == "eventsourcing.postgres":  # imported only then: psycopg is an extra
            from eventsourcing.postgres import PostgresAggregateRecorder
            from psycopg.sql import SQL, Identifier

            assert isinstance(recorder, PostgresAggregateRecorder)
            datastore = recorder.datastore
            as_text = datastore.originator_id_type == "text"
            query = SQL("SELECT DISTINCT originator_id FROM {}.{} WHERE originator_id = ANY(%s)").format(
                Identifier(datastore.schema), Identifier(recorder.events_table_name))
            with datastore.transaction(commit=False) as cursor:
                cursor.execute(query, ([str(i) for i in ids] if as_text else ids,))
                return {UUID(str(row["originator_id"])) for row in cursor.fetchall()}
        return None

    def _find(self, article_id: UUID) -> Article | None:
        try:
            return self.repository.get(article_id)
        except AggregateNotFoundError:
            return None

    def article(self, article_id: str | UUID) -> Article:
        try:
            uid = UUID(str(article_id))
        except ValueError:
            raise ArticleNotFound(str(article_id)) from None
        article = self._find(uid)
        if article is None:
            raise ArticleNotFound(str(article_id))
        return article

    def head(self) -> int:
        return self.recorder.max_notification_id() or 0

    def log(self, after: int = 0, limit: int = 100) -> Sequence[Notification]:
        return self.recorder.select_notifications(start=after, limit=limit, inclusive_of_start=False)
