"""End-to-end ingest throughput: HTTP posts, extraction and projection until everything is caught up.

Profiles measured on the BBC corpus (or its first ``--limit`` articles):
- ``pg-1`` / ``pg-2``: the scaled profile on PostgreSQL: one API process (``serve --role api``),
  1 or 2 extraction workers (``worker --shard I/N``), one projector (``project --follow``);
- ``sqlite``: the embedded default (``serve``: inline extraction, projector thread), one SQLite file.
Four client threads post the articles; the clock stops when every worker and projection has reached
the log head. ``--profile`` then records the time of one extraction worker and of the projector
catching up on the same articles in-process (cProfile), and prints the top functions.

PostgreSQL comes from NEWSLEDGER_TEST_POSTGRES_URL; run under the throwaway server:
    bash tests/postgres.sh .venv/bin/python -m bench.bench_e2e --limit 500 --profile
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import queue
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

from bench.common import BBC, bbc_records, free_port, fresh_database, wait_up

CLIENTS = 4


def load_bbc(limit: int | None) -> list[dict[str, Any]]:
    records = bbc_records(limit)
    if not records:
        sys.exit(f"{BBC} is not available")
    return records


def jobs_for(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    run = uuid.uuid4().hex[:8]
    return [{"text": r["text"], "title": r["title"], "outlet": "BBC", "published_at": "2005-01-01",
             "url": f"https://www.bbc.co.uk/{run}/{r['id']}"} for r in records]


class Processes:
    """newsledger subprocesses against one database; all killed on exit."""

    def __init__(self, env: dict[str, str], logs: Path) -> None:
        self.env = {**os.environ, "NEWSLEDGER_ENTRY_POINTS": "n", "NEWSLEDGER_RATE_LIMIT_PER_MINUTE": "0",
                    "PYTHONUNBUFFERED": "1", **env}
        self.logs = logs
        self.procs: list[subprocess.Popen] = []

    def cli(self, *args: str, **env: str) -> str:
        done = subprocess.run([sys.executable, "-m", "newsledger.api.cli", *args], env={**self.env, **env},
                              capture_output=True, text=True, timeout=300, check=False)
        if done.returncode:
            raise RuntimeError(f"newsledger {' '.join(args)}: {done.stderr}")
        return done.stdout

    def start(self, name: str, *args: str) -> subprocess.Popen:
        with open(self.logs / f"{name}.log", "ab") as log:
            proc = subprocess.Popen([sys.executable, "-m", "newsledger.api.cli", *args], env=self.env,
                                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(proc)
        return proc

    def serve(self, *args: str) -> str:
        port = free_port()
        self.start(f"serve-{port}", "serve", "--port", str(port), *args)
        base = f"http://127.0.0.1:{port}"
        wait_up(f"{base}/health", timeout=60)
        return base

    def close(self) -> None:
        for p in self.procs:
            if p.poll() is None:
                try:
                    os.killpg(p.pid, signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for p in self.procs:
            try:
                p.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(p.pid, signal.SIGKILL)
                p.wait(5)


def post_all(base: str, key: str, jobs: list[dict[str, Any]], clients: int = CLIENTS) -> tuple[int, int]:
    """Post every job from ``clients`` threads; (acknowledged, errors)."""
    import httpx

    todo: queue.SimpleQueue = queue.SimpleQueue()
    for j in jobs:
        todo.put(j)
    counts = {"ok": 0, "error": 0}
    lock = threading.Lock()

    def client() -> None:
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {key}"}, timeout=60) as http:
            while True:
                try:
                    job = todo.get_nowait()
                except queue.Empty:
                    return
                try:
                    ok = http.post("/articles", json=job).status_code in (200, 201)
                except httpx.HTTPError:
                    ok = False
                with lock:
                    counts["ok" if ok else "error"] += 1

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return counts["ok"], counts["error"]


def caught_up(database_url: str, workers: int, started: float, timeout: float = 1800) -> dict[str, float]:
    """Seconds (from ``started``) until the workers and then the projections reached a still head."""
    from newsledger.api.bootstrap import bootstrap
    from newsledger.api.settings import Settings
    from newsledger.domain.status import status

    services = bootstrap(Settings(database_url=database_url, create_tables=False, entry_points=False, role="api"),
                         setup_views=False)
    marks: dict[str, float] = {}
    previous = None
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            report = status(services.ledger.head(), services.projector.positions(), services.views)
            if len(report["workers"]) >= workers and all(w["lag"] == 0 for w in report["workers"]):
                marks.setdefault("extracted", time.monotonic() - started)
            else:
                marks.pop("extracted", None)
            if report["status"] == "ok" and len(report["workers"]) >= workers and previous == report["head"]:
                marks["projected"] = time.monotonic() - started
                marks["head"] = report["head"]
                return marks
            previous = report["head"] if report["status"] == "ok" else None
            time.sleep(0.25)
        raise RuntimeError(f"not caught up after {timeout}s: {report}")
    finally:
        services.close()


def run_postgres(server_url: str, records: list[dict[str, Any]], workers: int, logs: Path) -> dict[str, Any]:
    with fresh_database(server_url) as url:
        procs = Processes({"NEWSLEDGER_DATABASE_URL": url, "NEWSLEDGER_CREATE_TABLES": "n"}, logs)
        try:
            procs.cli("init-db", NEWSLEDGER_CREATE_TABLES="y")
            key = json.loads(procs.cli("keys", "add", "bench", "--scope", "write", "--json"))["key"]
            base = procs.serve("--role", "api")
            for i in range(workers):
                procs.start(f"worker-{i}", "worker", "--shard", f"{i}/{workers}", "--interval", "0.1")
            procs.start("projector", "project", "--follow", "--interval", "0.1")
            time.sleep(3)  # let the workers and the projector import and connect before the clock starts
            started = time.monotonic()
            ok, errors = post_all(base, key, jobs_for(records))
            posted = time.monotonic() - started
            marks = caught_up(url, workers, started)
        finally:
            procs.close()
    return {"profile": f"pg-{workers}", "articles": len(records), "acknowledged": ok, "errors": errors,
            "posted_s": posted, **marks}


def run_sqlite(records: list[dict[str, Any]], logs: Path) -> dict[str, Any]:
    import httpx

    url = f"sqlite:///{logs}/ledger.sqlite"
    procs = Processes({"NEWSLEDGER_DATABASE_URL": url}, logs)
    try:
        key = json.loads(procs.cli("keys", "add", "bench", "--scope", "write", "--json"))["key"]
        base = procs.serve()
        started = time.monotonic()
        ok, errors = post_all(base, key, jobs_for(records))
        posted = time.monotonic() - started
        while True:  # extraction is inline: the projector thread is all that may still run
            health = httpx.get(f"{base}/health", timeout=10).json()
            if health["position"] >= health["head"]:
                break
            time.sleep(0.1)
        done = time.monotonic() - started
    finally:
        procs.close()
    return {"profile": "sqlite", "articles": len(records), "acknowledged": ok, "errors": errors,
            "posted_s": posted, "extracted": posted, "projected": done, "head": health["head"]}


def top(profile: cProfile.Profile, n: int = 15) -> str:
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("tottime").print_stats(n)
    lines = out.getvalue().splitlines()
    start = next(i for i, line in enumerate(lines) if "ncalls" in line)
    return "\n".join(lines[start:start + n + 1])


def profile_in_process(server_url: str, records: list[dict[str, Any]]) -> None:
    """Articles recorded without extraction, then one worker and the projector catch up under cProfile."""
    from newsledger.api.bootstrap import bootstrap
    from newsledger.api.settings import Settings
    from newsledger.domain.ingest import ingest
    from newsledger.domain.submission import Submission
    from newsledger.domain.worker import ExtractionWorker

    with fresh_database(server_url) as url:
        services = bootstrap(Settings(database_url=url, entry_points=False, role="api"))
        try:
            subs = [Submission(text=j["text"], title=j["title"], url=j["url"], outlet=j["outlet"])
                    for j in jobs_for(records)]
            t = time.perf_counter()
            for i in range(0, len(subs), 50):
                ingest(services.ledger, subs[i:i + 50])
            print(f"\nrecording {len(subs)} articles (no extraction, batches of 50): {time.perf_counter() - t:.1f}s")
            worker = ExtractionWorker(services.ledger, services.views)
            worker.ensure_runs(str(services.ledger.log(0, 1)[0].originator_id))  # warm the gazetteer
            for phase, step in (("extraction worker", worker.run_once), ("projector", services.projector.run_once)):
                prof = cProfile.Profile()
                t = time.perf_counter()
                prof.enable()
                while step():
                    pass
                prof.disable()
                print(f"\n{phase}: {time.perf_counter() - t:.1f}s for {len(subs)} articles; top functions "
                      "by own time:")
                print(top(prof))
        finally:
            services.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--limit", type=int, default=None, help="Only the first N BBC articles (default: all).")
    parser.add_argument("--profiles", default="sqlite,pg-1,pg-2", help="Comma-separated: sqlite, pg-1, pg-2.")
    parser.add_argument("--profile", action="store_true", help="Also profile a worker and the projector.")
    args = parser.parse_args()
    records = load_bbc(args.limit)
    server = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")
    results = []
    for name in args.profiles.split(","):
        with tempfile.TemporaryDirectory(prefix="newsledger-bench-") as tmp:
            if name == "sqlite":
                results.append(run_sqlite(records, Path(tmp)))
            else:
                if not server:
                    print(f"{name}: skipped (no NEWSLEDGER_TEST_POSTGRES_URL; run under tests/postgres.sh)")
                    continue
                results.append(run_postgres(server, records, int(name.split("-")[1]), Path(tmp)))
        r = results[-1]
        print(f"{r['profile']:<7} {r['articles']} articles: posted in {r['posted_s']:.1f}s "
              f"({r['articles'] / r['posted_s']:.0f}/s), extracted at {r['extracted']:.1f}s, projected at "
              f"{r['projected']:.1f}s -> {r['articles'] / r['projected']:.1f} articles/s end to end; "
              f"{r['errors']} errors; log head {r['head']}", flush=True)
    by = {r["profile"]: r for r in results}
    if "pg-1" in by and "pg-2" in by:
        ratio = by["pg-1"]["projected"] / by["pg-2"]["projected"]
        print(f"scaling 1 -> 2 extraction workers on PostgreSQL: x{ratio:.2f} end-to-end throughput "
              f"(extraction alone: x{by['pg-1']['extracted'] / by['pg-2']['extracted']:.2f})")
    if args.profile and server:
        profile_in_process(server, records)


if __name__ == "__main__":
    main()
