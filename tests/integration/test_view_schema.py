"""Given several processes that create the read-model tables at once on PostgreSQL (two extraction
workers starting together), when they create them, then they take turns and none fails."""

from __future__ import annotations

import threading

from newsledger.domain.projections.db import ViewDB
from newsledger.domain.worker import TRACKING_DDL


def test_a_schema_change_waits_for_another_in_progress(postgres_url):
    first, second = ViewDB(postgres_url), ViewDB(postgres_url)
    holding, release, entered = threading.Event(), threading.Event(), threading.Event()

    def hold() -> None:
        with first.schema() as tx:
            tx.execute(TRACKING_DDL)
            holding.set()
            release.wait(10)

    def follow() -> None:
        with second.schema() as tx:
            entered.set()
            tx.execute(TRACKING_DDL)

    try:
        a = threading.Thread(target=hold)
        a.start()
        assert holding.wait(10)
        b = threading.Thread(target=follow)
        b.start()
        assert not entered.wait(0.5), "a second schema change ran while the first was still open"
        release.set()
        a.join(10)
        b.join(10)
        assert entered.is_set()
    finally:
        release.set()
        first.close()
        second.close()


def test_workers_creating_their_table_at_once_all_succeed(postgres_url):
    dbs = [ViewDB(postgres_url) for _ in range(6)]
    start = threading.Barrier(len(dbs))
    errors: list[BaseException] = []

    def create(db: ViewDB) -> None:
        try:
            start.wait(10)
            with db.schema() as tx:
                tx.execute(TRACKING_DDL)
        except BaseException as exc:  # noqa: BLE001 - collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=create, args=(db,)) for db in dbs]
    try:
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    finally:
        for db in dbs:
            db.close()
    assert errors == []
