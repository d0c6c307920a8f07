"""The scaled deployment on a real PostgreSQL server, with real processes: nothing is lost or doubled.

Two API processes (``serve --role api``), two extraction workers (shards 0/2 and 1/2) and one
projector (``project --follow``) run as subprocesses against one database while four client threads
post BBC articles (some twice, some revised). Once ``status --json`` shows no lag, the log and the
read models are checked against the acknowledgements and against a from-scratch rebuild. The second
test kills a worker and the projector with SIGKILL halfway and restarts them.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from support import BBC, corpus, free_port

pytestmark = [pytest.mark.postgres, pytest.mark.multiprocess, pytest.mark.corpus]

CLIENTS = 4
ARTICLES = 1000


# -- processes ------------------------------------------------------------------------------------


class Cluster:
    """Starts newsledger processes against one database and kills every one of them at the end."""

    def __init__(self, database_url: str, logs: Path, **env: str) -> None:
        self.env = {
            **os.environ,
            "NEWSLEDGER_DATABASE_URL": database_url,
            "NEWSLEDGER_ENTRY_POINTS": "n",  # the built-in plugins only, whatever else is installed
            "NEWSLEDGER_RATE_LIMIT_PER_MINUTE": "0",  # the clients post as fast as they can
            "PYTHONUNBUFFERED": "1",
            **env,
        }
        self.logs = logs
        self.procs: dict[str, subprocess.Popen] = {}

    def cli(self, *args: str, timeout: float = 120, **env: str) -> str:
        """Run one newsledger command to completion; its standard output."""
        done = subprocess.run([sys.executable, "-m", "newsledger.api.cli", *args], env={**self.env, **env},
                              capture_output=True, text=True, timeout=timeout)
        assert done.returncode == 0, f"newsledger {' '.join(args)} failed:\n{done.stdout}\n{done.stderr}"
        return done.stdout

    def start(self, name: str, *args: str, **env: str) -> subprocess.Popen:
        log = open(self.logs / f"{name}.log", "ab")  # noqa: SIM115 - closed with the process
        proc = subprocess.Popen([sys.executable, "-m", "newsledger.api.cli", *args], env={**self.env, **env},
                                stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        self.procs[name] = proc
        return proc

    def kill(self, name: str) -> None:
        """SIGKILL: no clean-up code runs in the process."""
        proc = self.procs.pop(name)
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)

    def alive(self, name: str) -> bool:
        return name in self.procs and self.procs[name].poll() is None

    def log_of(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace")[-4000:] if path.exists() else ""

    def stop_all(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                try:  # the whole session: uvicorn's worker processes too
                    os.killpg(proc.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        for proc in self.procs.values():
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                pass
        self.procs.clear()

    def serve(self, name: str, workers: int = 1, role: str = "api") -> str:
        port = free_port()
        self.start(name, "serve", "--role", role, "--port", str(port), "--workers", str(workers))
        return f"http://127.0.0.1:{port}"

    def wait_healthy(self, base: str, name: str, timeout: float = 60) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.alive(name), f"{name} exited:\n{self.log_of(name)}"
            try:
                if httpx.get(f"{base}/health", timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"{name} not healthy after {timeout}s:\n{self.log_of(name)}")

    def wait_caught_up(self, workers: int, timeout: float = 360) -> dict[str, Any]:
        """Poll ``status --json`` until the head is still and every projection and worker is at it."""
        deadline = time.monotonic() + timeout
        previous = None
        report: dict[str, Any] = {}
        while time.monotonic() < deadline:
            report = json.loads(self.cli("status", "--json"))
            quiet = (report["status"] == "ok" and len(report["workers"]) == workers
                     and all(e["lag"] == 0 for e in report["projections"] + report["workers"]))
            if quiet and previous == report["head"]:
                return report
            previous = report["head"] if quiet else None
            time.sleep(0.5)
        logs = "\n".join(f"--- {n}\n{self.log_of(n)}" for n in self.procs)
        raise AssertionError(f"still lagging after {timeout}s: {report}\n{logs}")


# -- the workload ---------------------------------------------------------------------------------

def bbc_records(n: int) -> list[dict[str, Any]]:
    """``n`` BBC articles spread over every category (the file is sorted by category)."""
    lines = corpus(BBC).read_text(encoding="utf-8").splitlines()
    step = max(len(lines) // n, 1)
    return [json.loads(line) for line in lines[::step][:n]]


def workload(records: list[dict[str, Any]], run: str) -> list[dict[str, Any]]:
    """Each article once; every 10th again unchanged, every 20th again revised, ~30 posts later.

    The URLs carry a run tag so that two tests never share article ids.
    """
    def post(r: dict[str, Any], text: str) -> dict[str, Any]:
        return {"text": text, "title": r["title"], "outlet": "BBC", "url": f"https://www.bbc.co.uk/{run}/{r['id']}",
                "published_at": "2005-01-01"}

    jobs: list[dict[str, Any]] = []
    later: dict[int, list[dict[str, Any]]] = {}
    for i, r in enumerate(records):
        jobs.append(post(r, r["text"]))
        if i % 10 == 3:
            later.setdefault(i + 30, []).append(post(r, r["text"]))
        if i % 20 == 7:
            later.setdefault(i + 30, []).append(post(r, r["text"] + "\n\nThis story was updated with new figures."))
        jobs.extend(later.pop(i, []))
    for rest in later.values():
        jobs.extend(rest)
    return jobs


@dataclass
class Clients:
    """Client threads posting jobs from one queue; every answer is kept."""

    bases: list[str]
    key: str
    acks: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def run(self, jobs: list[dict[str, Any]], clients: int = CLIENTS) -> None:
        todo: queue.SimpleQueue = queue.SimpleQueue()
        for job in jobs:
            todo.put(job)
        threads = [threading.Thread(target=self._client, args=(i, todo), daemon=True) for i in range(clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(600)

    def _client(self, index: int, todo: queue.SimpleQueue) -> None:
        import httpx

        headers = {"Authorization": f"Bearer {self.key}"}
        with httpx.Client(base_url=self.bases[index % len(self.bases)], headers=headers, timeout=60) as http:
            while True:
                try:
                    job = todo.get_nowait()
                except queue.Empty:
                    return
                started = time.perf_counter()
                try:
                    r = http.post("/articles", json=job)
                except httpx.HTTPError as exc:
                    with self.lock:
                        self.errors.append(f"{job['url']}: {exc!r}")
                    continue
                with self.lock:
                    self.latencies.append(time.perf_counter() - started)
                    if r.status_code in (200, 201):
                        self.acks.append((job, r.json()))
                    else:
                        self.errors.append(f"{job['url']}: {r.status_code} {r.text[:300]}")


# -- the invariants -------------------------------------------------------------------------------

def open_services(database_url: str):
    from newsledger.api.bootstrap import bootstrap
    from newsledger.api.settings import Settings

    settings = Settings(database_url=database_url, create_tables=False, entry_points=False, role="api")
    return bootstrap(settings, setup_views=False)


def log_events(services) -> list[tuple[int, Any]]:
    out, after = [], 0
    while notes := services.ledger.log(after, 1000):
        out.extend((n.id, services.ledger.mapper.to_domain_event(n)) for n in notes)
        after = notes[-1].id
    return out


def extractor_versions() -> dict[str, str]:
    """The built-in extractors' versions, read when the processes start (others may edit the tree)."""
    from newsledger.plugins.manager import build_plugins

    return {e.name: e.version for e in build_plugins(None, entry_points_enabled=False).extractors()}


def check_runs(events: list[tuple[int, Any]], current: dict[str, str], *, every_version: bool) -> Counter:
    """Exactly one run per (article version, extractor version); never two for any version.

    ``every_version`` demands a run for every version, superseded ones included (workers and the
    inline mode both record them, also for a version revised again within one batch).
    """
    versions: dict[str, int] = {}
    for _, e in events:
        kind = type(e).__qualname__
        if kind in ("Article.Ingested", "Article.Revised"):
            versions[str(e.originator_id)] = e.originator_version
    runs = Counter(
        (str(e.article_id), e.article_version, e.extractor, e.extractor_version)
        for _, e in events if type(e).__qualname__ in ("Extraction.Completed", "Extraction.Failed")
    )
    doubled = {k: n for k, n in runs.items() if n > 1}
    assert not doubled, f"{len(doubled)} runs recorded twice, e.g. {next(iter(doubled.items()))}"
    assert current, "no extractors loaded"
    missing = [
        (a, v, name) for a, last in versions.items() for v in (range(1, last + 1) if every_version else [last])
        for name, ev in current.items() if (a, v, name, ev) not in runs
    ]
    if missing:
        seen = Counter((k[2], k[3]) for k in runs)
        raise AssertionError(f"{len(missing)} runs missing, e.g. {missing[:3]}; recorded runs by extractor "
                             f"version: {dict(seen)}; current versions: {current}")
    unknown = {k[0] for k in runs} - set(versions)
    assert not unknown, f"runs for articles that are not in the log: {sorted(unknown)[:3]}"
    return runs


def check_acks(services, acks: list[tuple[dict[str, Any], dict[str, Any]]]) -> None:
    """Every acknowledged write is in the ledger, with the text that was posted as that version."""
    missing = []
    for job, receipt in acks:
        try:
            article = services.ledger.article(receipt["id"])
        except Exception as exc:  # noqa: BLE001 - reported below
            missing.append((receipt, repr(exc)))
            continue
        if article.version_number < receipt["version"] or \
                article.get_version(receipt["version"])["raw"] != job["text"]:
            missing.append((receipt, "version or text differs"))
    assert not missing, f"{len(missing)} acknowledged writes missing, e.g. {missing[:3]}"


def table_rows(db, table: str) -> list[tuple]:
    return sorted((tuple(r) for r in db.query(f"SELECT * FROM {table}")), key=repr)


def check_rebuild(services, rebuild_views_url: str) -> dict[str, int]:
    """Every projection's tables equal, row for row, the same projections rebuilt from the log."""
    from newsledger.domain.projections.core import core_projections
    from newsledger.domain.projections.db import ViewDB
    from newsledger.domain.projections.projector import Projector

    fresh = ViewDB(rebuild_views_url)
    try:
        projector = Projector(services.ledger, fresh, [*core_projections(), *services.plugins.projections()])
        projector.setup()
        projector.catch_up()
        sizes = {}
        for p in projector.projections.values():
            for table in p.tables:
                live, rebuilt = table_rows(services.views, table), table_rows(fresh, table)
                if live != rebuilt:
                    extra = [r for r in live if r not in set(rebuilt)][:2]
                    lost = [r for r in rebuilt if r not in set(live)][:2]
                    raise AssertionError(f"{table}: {len(live)} live rows vs {len(rebuilt)} rebuilt; "
                                         f"only live: {extra}; only rebuilt: {lost}")
                sizes[table] = len(live)
        assert projector.positions() == services.projector.positions()
        return sizes
    finally:
        fresh.close()


def check_no_duplicate_assertions(services) -> int:
    rows = services.views.query("SELECT id, COUNT(*) FROM assertions WHERE valid_to IS NULL GROUP BY id "
                                "HAVING COUNT(*) > 1")
    assert not rows, f"{len(rows)} assertion ids valid twice, e.g. {rows[:3]}"
    rows = services.views.query("SELECT id, valid_from, COUNT(*) FROM assertions GROUP BY id, valid_from "
                                "HAVING COUNT(*) > 1")
    assert not rows, f"{len(rows)} assertions recorded twice by one event, e.g. {rows[:3]}"
    return services.views.query("SELECT COUNT(*) FROM assertions WHERE valid_to IS NULL")[0][0]


def check_everything(database_url: str, rebuild_url: str, clients: Clients, jobs: list[dict[str, Any]],
                     versions: dict[str, str]) -> None:
    assert not clients.errors, f"{len(clients.errors)} failed posts, e.g. {clients.errors[:3]}"
    assert len(clients.acks) == len(jobs)
    services = open_services(database_url)
    try:
        events = log_events(services)
        articles = {str(e.originator_id) for _, e in events if type(e).__qualname__ == "Article.Ingested"}
        assert len(articles) == len({j["url"] for j in jobs})
        outcomes = Counter(r["outcome"] for _, r in clients.acks)
        revised = sum(1 for _, e in events if type(e).__qualname__ == "Article.Revised")
        assert revised == outcomes["revised"] > 0 and outcomes["unchanged"] > 0
        check_acks(services, clients.acks)
        runs = check_runs(events, versions, every_version=True)
        valid = check_no_duplicate_assertions(services)
        sizes = check_rebuild(services, rebuild_url)
        print(f"\n{len(events)} events, {len(articles)} articles, {revised} revisions, {len(runs)} runs, "
              f"{valid} valid assertions; outcomes {dict(outcomes)}; tables {sizes}")
    finally:
        services.close()


# -- the tests ------------------------------------------------------------------------------------

@pytest.fixture
def rebuild_url(postgres_url: str):
    """A second empty database on the same server, for the from-scratch rebuild."""
    import psycopg

    base, name = postgres_url.rsplit("/", 1)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}_rebuild"')
    yield f"{base}/{name}_rebuild"
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}_rebuild" WITH (FORCE)')


def start_cluster(cluster: Cluster) -> tuple[list[str], str]:
    cluster.cli("init-db", NEWSLEDGER_CREATE_TABLES="y")
    key = json.loads(cluster.cli("keys", "add", "loader", "--scope", "write", "--json"))["key"]
    bases = [cluster.serve("api-a"), cluster.serve("api-b")]
    for shard in (0, 1):
        cluster.start(f"worker-{shard}", "worker", "--shard", f"{shard}/2", "--interval", "0.1")
    cluster.start("projector", "project", "--follow", "--interval", "0.1")
    for base, name in zip(bases, ("api-a", "api-b"), strict=True):
        cluster.wait_healthy(base, name)
    return bases, key


def test_two_apis_two_workers_one_projector_lose_and_double_nothing(postgres_url, rebuild_url, tmp_path):
    jobs = workload(bbc_records(ARTICLES), f"run-{uuid.uuid4().hex[:8]}")
    versions = extractor_versions()
    cluster = Cluster(postgres_url, tmp_path, NEWSLEDGER_CREATE_TABLES="n")
    try:
        bases, key = start_cluster(cluster)
        clients = Clients(bases, key)
        started = time.monotonic()
        clients.run(jobs)
        posted = time.monotonic() - started
        report = cluster.wait_caught_up(workers=2)
        print(f"\n{len(jobs)} posts in {posted:.1f}s; caught up at head {report['head']} after "
              f"{time.monotonic() - started:.1f}s")
        for name in ("api-a", "api-b", "worker-0", "worker-1", "projector"):
            assert cluster.alive(name), f"{name} died:\n{cluster.log_of(name)}"
    finally:
        cluster.stop_all()
    check_everything(postgres_url, rebuild_url, clients, jobs, versions)


def test_a_worker_and_the_projector_killed_halfway_and_restarted_lose_and_double_nothing(
        postgres_url, rebuild_url, tmp_path):
    jobs = workload(bbc_records(ARTICLES), f"run-{uuid.uuid4().hex[:8]}")
    versions = extractor_versions()
    cluster = Cluster(postgres_url, tmp_path, NEWSLEDGER_CREATE_TABLES="n")
    try:
        bases, key = start_cluster(cluster)
        clients = Clients(bases, key)
        # A standby projector waits for the lease; after the holder is killed it must take over.
        cluster.start("projector-standby", "project", "--follow", "--interval", "0.1")
        poster = threading.Thread(target=clients.run, args=(jobs,), daemon=True)
        poster.start()
        killed = restarted = False
        while poster.is_alive() or not restarted:
            done = len(clients.acks) + len(clients.errors)
            if not killed and done >= len(jobs) // 2:
                cluster.kill("worker-0")
                cluster.kill("projector")
                killed = True
            if killed and not restarted and (done >= 3 * len(jobs) // 4 or not poster.is_alive()):
                cluster.start("worker-0", "worker", "--shard", "0/2", "--interval", "0.1")
                cluster.start("projector-restarted", "project", "--follow", "--interval", "0.1")
                restarted = True
            time.sleep(0.05)
        poster.join()
        report = cluster.wait_caught_up(workers=2)
        print(f"\ncaught up at head {report['head']}")
        for name in ("api-a", "api-b", "worker-0", "worker-1", "projector-standby", "projector-restarted"):
            assert cluster.alive(name), f"{name} died:\n{cluster.log_of(name)}"
        holders = [n for n in ("projector-standby", "projector-restarted") if "holds the lease" in cluster.log_of(n)]
        assert holders == ["projector-standby"], "the standby should hold the lease after the kill"
    finally:
        cluster.stop_all()
    check_everything(postgres_url, rebuild_url, clients, jobs, versions)
