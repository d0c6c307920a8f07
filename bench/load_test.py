"""A bounded load test of the scaled profile on loopback: mixed reads and writes from several clients.

Starts, against a fresh PostgreSQL database, one API server (``serve --role api --workers 2``), two
extraction workers and one projector, seeds a few BBC articles, then runs ``--clients`` threads for
``--seconds``. Each client mixes writes (new articles, revisions of its own earlier ones, identical
re-posts) with reads (article lists and pages, assertions, history, the cross-source views, health,
and a read-your-writes GET with ``min_position``). Prints throughput, p50/p99 latency per operation
and overall, and every error (target: zero).

    bash tests/postgres.sh .venv/bin/python -m bench.load_test --seconds 60
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bench.bench_e2e import Processes, load_bbc
from bench.common import fresh_database

WRITE_SHARE = 0.2


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(int(p * len(ordered)), len(ordered) - 1)]


class Load:
    """Client threads and what they measured."""

    def __init__(self, base: str, key: str, records: list[dict[str, Any]], seconds: float) -> None:
        self.base, self.key, self.records = base, key, records
        self.deadline = time.monotonic() + seconds
        self.lock = threading.Lock()
        self.latency: dict[str, list[float]] = defaultdict(list)
        self.errors: list[str] = []
        self.ids: list[tuple[str, int]] = []  # (article id, write position): others read with min_position
        self.next_record = 0

    def take_record(self) -> dict[str, Any]:
        with self.lock:
            r = self.records[self.next_record % len(self.records)]
            self.next_record += 1
            return r

    def client(self, index: int) -> None:
        import httpx

        rng = random.Random(index)
        mine: list[dict[str, Any]] = []  # this client's posts, for revisions and re-posts
        with httpx.Client(base_url=self.base, headers={"Authorization": f"Bearer {self.key}"}, timeout=30) as http:
            while time.monotonic() < self.deadline:
                op, request = self.pick(rng, mine)
                started = time.perf_counter()
                try:
                    method, path, *kw = request
                    r = http.request(method, path, **(kw[0] if kw else {}))
                    ok = r.status_code < 400
                except httpx.HTTPError as exc:
                    r, ok = None, False
                    detail = repr(exc)
                took = time.perf_counter() - started
                with self.lock:
                    self.latency[op].append(took)
                    if not ok:
                        detail = detail if r is None else f"{r.status_code} {r.text[:200]}"
                        self.errors.append(f"{op}: {detail}")
                if ok and op.startswith("post") and r is not None:
                    receipt = r.json()
                    if receipt.get("position"):
                        with self.lock:
                            self.ids.append((receipt["id"], receipt["position"]))
                    if op == "post new":
                        mine.append(request[2]["json"])
                    if receipt.get("position") and rng.random() < 0.5:  # read your own write
                        self.timed(http, "get own write (min_position)", "GET", f"/articles/{receipt['id']}",
                                   params={"min_position": receipt["position"]})

    def timed(self, http: Any, op: str, method: str, url: str, **kw: Any) -> None:
        started = time.perf_counter()
        try:
            r = http.request(method, url, **kw)
            error = None if r.status_code < 400 else f"{r.status_code} {r.text[:200]}"
        except Exception as exc:  # noqa: BLE001 - counted as an error
            error = repr(exc)
        with self.lock:
            self.latency[op].append(time.perf_counter() - started)
            if error:
                self.errors.append(f"{op}: {error}")

    def pick(self, rng: random.Random, mine: list[dict[str, Any]]) -> tuple[str, tuple]:
        if rng.random() < WRITE_SHARE:
            roll = rng.random()
            if mine and roll < 0.15:
                job = dict(rng.choice(mine), text=rng.choice(mine)["text"] + f"\n\nUpdated {rng.random():.6f}.")
                return "post revision", ("POST", "/articles", {"json": job})
            if mine and roll < 0.25:
                return "post again", ("POST", "/articles", {"json": rng.choice(mine)})
            r = self.take_record()
            job = {"text": r["text"], "title": r["title"], "outlet": "BBC", "published_at": "2005-01-01",
                   "url": f"https://www.bbc.co.uk/load/{r['id']}/{rng.random():.9f}"}
            return "post new", ("POST", "/articles", {"json": job})
        with self.lock:
            some = rng.choice(self.ids) if self.ids else None
        roll = rng.random()
        # An id learnt from a write is read with that write's position as min_position (as a client
        # handed a receipt would): without it, a read may come before the projector and get a 404.
        if some and roll < 0.25:
            return "get article", ("GET", f"/articles/{some[0]}", {"params": {"min_position": some[1]}})
        if some and roll < 0.40:
            return "get assertions", ("GET", f"/articles/{some[0]}/assertions", {"params": {"min_position": some[1]}})
        if some and roll < 0.45:
            return "get history", ("GET", f"/articles/{some[0]}/history", {"params": {"min_position": some[1]}})
        if roll < 0.60:
            return "list articles", ("GET", "/articles", {"params": {"limit": 20}})
        if roll < 0.75:
            return "list assertions", ("GET", "/assertions", {"params": {"kind": rng.choice(
                ["number", "quote", "location"]), "limit": 50}})
        if roll < 0.85:
            return "cross-source view", ("GET", rng.choice(["/places", "/speakers", "/quotes/clusters", "/figures"]))
        return "health", ("GET", "/health")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--api-workers", type=int, default=2)
    args = parser.parse_args()
    server = os.environ.get("NEWSLEDGER_TEST_POSTGRES_URL")
    if not server:
        sys.exit("needs NEWSLEDGER_TEST_POSTGRES_URL: run under bash tests/postgres.sh")
    records = load_bbc(None)
    with fresh_database(server) as url, tempfile.TemporaryDirectory(prefix="newsledger-load-") as tmp:
        procs = Processes({"NEWSLEDGER_DATABASE_URL": url, "NEWSLEDGER_CREATE_TABLES": "n"}, Path(tmp))
        try:
            procs.cli("init-db", NEWSLEDGER_CREATE_TABLES="y")
            key = json.loads(procs.cli("keys", "add", "load", "--scope", "write", "--json"))["key"]
            base = procs.serve("--role", "api", "--workers", str(args.api_workers))
            for i in range(2):
                procs.start(f"worker-{i}", "worker", "--shard", f"{i}/2")
            procs.start("projector", "project", "--follow", "--interval", "0.05")
            load = Load(base, key, records, args.seconds)
            threads = [threading.Thread(target=load.client, args=(i,), daemon=True) for i in range(args.clients)]
            started = time.monotonic()
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            elapsed = time.monotonic() - started
            status = json.loads(procs.cli("status", "--json"))
        finally:
            procs.close()
    every = [x for values in load.latency.values() for x in values]
    print(f"load test: {args.clients} clients, {elapsed:.0f}s, scaled profile (PostgreSQL, serve --role api "
          f"--workers {args.api_workers}, 2 extraction workers, 1 projector)")
    print(f"{len(every)} requests, {len(every) / elapsed:.0f} requests/s; p50 {percentile(every, 0.5) * 1000:.1f} ms, "
          f"p99 {percentile(every, 0.99) * 1000:.1f} ms; {len(load.errors)} errors")
    print(f"{'operation':<30} {'count':>7} {'p50 ms':>8} {'p99 ms':>8}")
    for op, values in sorted(load.latency.items(), key=lambda kv: -len(kv[1])):
        print(f"{op:<30} {len(values):>7} {percentile(values, 0.5) * 1000:>8.1f} {percentile(values, 0.99) * 1000:>8.1f}")
    lag = {e["name"]: e["lag"] for e in status["projections"] + status["workers"]}
    print(f"at the end: log head {status['head']}, lag {lag}")
    for e in load.errors[:10]:
        print(f"  error: {e}")
    sys.exit(1 if load.errors else 0)


if __name__ == "__main__":
    main()
