"""HTTP API benchmark: newsledger's read routes beside a Litestar hello-world, served the same way.

    .venv/bin/python -m bench.bench_api [--duration 3] [--rounds 7] [--connections 32] [--scale-duration 10] [--skip-scale]

All servers run on uvicorn with 2 workers on loopback; the load comes from `wrk` when installed
(apt-get install wrk), else from a small asyncio+httpx generator. Rounds alternate the targets and
each round's ratio to hello-world is taken; the median over rounds is reported (the machine's
background load changes by 2x within seconds). The routes are measured as served (the per-process
read cache on: a repeated question at one position is answered from its encoded bytes) and, for
reference, with the cache off (NEWSLEDGER_READ_CACHE_MB=0: every request queries the views).
Then the as-of query, cache off, is measured on a views database filled with 10,000 and with
1,000,000 synthetic assertion rows.
Targets: >= 50% of the hello-world rate; as-of p99 at 1M rows within 1.5x of its p99 at 10k rows.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

import httpx
from newsledger.domain.projections.assertions import COLUMNS, wire_prefix

from bench.common import free_port, wait_up

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
HELLO = '''
from litestar import Litestar, get

@get("/", sync_to_thread=False)
def hello() -> dict[str, str]:
    return {"hello": "world"}

app = Litestar([hello], logging_config=None)
'''


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()


def _ms(text: str) -> float:
    value, unit = float(re.match(r"[\d.]+", text).group()), re.sub(r"[\d.]+", "", text)
    return value * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def load_wrk(url: str, duration: int, connections: int) -> dict[str, float]:
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency", url],
                         capture_output=True, text=True, check=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = _ms(re.search(r"\n\s+50%\s+(\S+)", out).group(1))
    p99 = _ms(re.search(r"\n\s+99%\s+(\S+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": rps, "p50": p50, "p99": p99, "non2xx": int(errors.group(1)) if errors else 0}


def load_httpx(url: str, duration: int, connections: int) -> dict[str, float]:
    async def run() -> tuple[list[float], int]:
        latencies: list[float] = []
        bad = 0
        deadline = time.perf_counter() + duration
        async with httpx.AsyncClient(limits=httpx.Limits(max_connections=connections)) as client:
            async def worker() -> None:
                nonlocal bad
                while time.perf_counter() < deadline:
                    t = time.perf_counter()
                    r = await client.get(url)
                    latencies.append((time.perf_counter() - t) * 1000)
                    bad += r.status_code >= 300
            await asyncio.gather(*(worker() for _ in range(connections)))
        return latencies, bad

    lat, bad = asyncio.run(run())
    q = statistics.quantiles(lat, n=100)
    return {"rps": len(lat) / duration, "p50": q[49], "p99": q[98], "non2xx": bad}


def load(url: str, duration: int, connections: int) -> dict[str, float]:
    check = httpx.get(url, timeout=30)
    if check.status_code != 200:
        raise RuntimeError(f"{url}: {check.status_code} {check.text[:300]}")
    return (load_wrk if shutil.which("wrk") else load_httpx)(url, duration, connections)


def newsledger(env: dict[str, str], *args: str) -> str:
    return subprocess.run([str(BIN / "newsledger"), *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def serve(env: dict[str, str], port: int) -> subprocess.Popen:
    proc = subprocess.Popen([str(BIN / "newsledger"), "serve", "--workers", "2", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_up(f"http://127.0.0.1:{port}/health", proc)
    return proc


def synthetic_row(n: int, kind: str, seq: int, valid_from: int, valid_to: int | None,
                  articles: int = 10_000) -> tuple:
    """One assertions row in the projection's column order (``COLUMNS``, read from the projection module).

    The columns the benchmark has no value for (one a later projection version adds) are null: nullable
    ones still insert, and a NOT NULL one fails naming itself, instead of a ``KeyError`` here.
    """
    a = {"id": f"syn{n:08d}", "kind": kind, "start": 0, "end": 4, "text": "text", "data": {},
         "extractor": "synthetic", "extractor_version": "1", "article_id": f"00000000-0000-0000-0000-{n % articles:012d}",
         "article_version": 1}
    known = {**a, "seq": seq, "start_offset": 0, "end_offset": 4, "data": "{}", "outlet": "Synthetic",
             "unit": "km2" if kind == "number" else None,
             "place": "Izyum" if kind == "location" else None, "place_id": 707753 if kind == "location" else None,
             "valid_from": valid_from, "valid_to": valid_to, "at": "2020-01-01T00:00:00.000000Z",
             "wire": wire_prefix(a, "Synthetic", valid_from)}
    return tuple(known.get(c) for c in COLUMNS)


def fill(views: Path, rows: int, articles: int = 10_000) -> None:
    """Synthetic assertion history: rows opened and closed at log positions up to the head."""
    db = sqlite3.connect(views)
    head = db.execute("SELECT MAX(position) FROM log_index").fetchone()[0]
    start = db.execute("SELECT COALESCE(MAX(seq), 0) FROM assertions").fetchone()[0] + 1
    rng = random.Random(7)
    kinds = ("number", "quote", "location")
    batch = []
    insert = f"INSERT INTO assertions ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})"
    for n in range(rows):
        valid_from = rng.randint(1, head)
        valid_to = None if rng.random() < 0.5 else rng.randint(valid_from + 1, head + 1)
        batch.append(synthetic_row(n, kinds[n % 3], start + n, valid_from, valid_to, articles))
        if len(batch) == 50_000:
            db.executemany(insert, batch)
            batch.clear()
    db.executemany(insert, batch)
    db.commit()
    db.execute("ANALYZE")
    db.close()


def median_of(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def fmt(name: str, r: dict[str, float], ratio: float | None = None) -> str:
    """One result line; ``ratio``: its rate over the hello-world rate."""
    shown = f"{ratio:6.1%}" if ratio is not None else "     -"
    return (f"{name:<44} {r['rps']:>9.0f} req/s  p50 {r['p50']:7.2f} ms  p99 {r['p99']:7.2f} ms  "
            f"vs hello {shown}  non-2xx {r['non2xx']}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--duration", type=int, default=3, help="seconds of load per target and round")
    ap.add_argument("--rounds", type=int, default=7, help="rounds over all targets (medians are reported)")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--scale-duration", type=int, default=10, help="seconds of load per as-of scaling target")
    ap.add_argument("--skip-scale", action="store_true", help="skip the 10k vs 1M rows as-of comparison")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsledger-bench-"))
    env = {**os.environ, "NEWSLEDGER_DATABASE_URL": f"sqlite:///{work}/ledger.sqlite", "NEWSLEDGER_ENTRY_POINTS": "n",
           "NEWSLEDGER_RATE_LIMIT_PER_MINUTE": "0"}
    print(f"load generator: {'wrk' if shutil.which('wrk') else 'httpx (asyncio)'}, {args.connections} connections, "
          f"{args.duration} s per target per round, {args.rounds} rounds, servers: uvicorn, 2 workers, loopback", flush=True)
    newsledger(env, "ingest", str(REPO / "examples" / "seeds"))
    newsledger(env, "project")
    views = work / "ledger.views.sqlite"
    db = sqlite3.connect(views)
    article_id = db.execute("SELECT article_id FROM assertions GROUP BY article_id ORDER BY COUNT(*) DESC").fetchone()[0]
    head = db.execute("SELECT MAX(position) FROM log_index").fetchone()[0]
    as_of = db.execute("SELECT at FROM log_index WHERE position = ?", (max(head // 2, 1),)).fetchone()[0]
    db.close()
    (work / "hello.py").write_text(HELLO)
    hello_port = free_port()
    hello = subprocess.Popen([sys.executable, "-m", "uvicorn", "hello:app", "--app-dir", str(work), "--workers", "2",
                              "--port", str(hello_port), "--no-access-log", "--log-level", "warning"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    servers: list[subprocess.Popen] = []
    uncached = {**env, "NEWSLEDGER_READ_CACHE_MB": "0"}
    try:
        wait_up(f"http://127.0.0.1:{hello_port}/", hello)
        port, cold_port = free_port(), free_port()
        servers.append(serve(env, port))
        servers.append(serve(uncached, cold_port))
        targets = {"hello": f"http://127.0.0.1:{hello_port}/"}
        for label, p in (("", port), (" (cache off)", cold_port)):
            base = f"http://127.0.0.1:{p}"
            targets[f"GET /articles/{{id}}/assertions{label}"] = f"{base}/articles/{article_id}/assertions"
            targets[f"GET /assertions?as_of=...{label}"] = f"{base}/assertions?as_of={quote(as_of)}"
        # Rounds alternate the targets (every server up, only one loaded at a time), so a change in the
        # machine's background load hits the baseline and the routes alike.
        rounds: dict[str, list[dict[str, float]]] = {name: [] for name in targets}
        for _ in range(args.rounds):
            for name, url in targets.items():
                rounds[name].append(load(url, args.duration, args.connections))
    finally:
        for proc in (hello, *servers):
            stop(proc)
    results = {name: median_of(runs) for name, runs in rounds.items()}

    print(fmt("Litestar hello-world GET /", results["hello"]))
    for name in list(targets)[1:]:
        # the ratio of each round (its two loads seconds apart) is what the noise leaves comparable
        ratios = [r["rps"] / h["rps"] for r, h in zip(rounds[name], rounds["hello"], strict=True)]
        print(fmt(name, results[name], statistics.median(ratios)) +
              f"  (rounds: {', '.join(f'{x:.0%}' for x in ratios)})")
    if args.skip_scale:
        return
    scale = {}
    for rows in (10_000, 1_000_000):
        copy = work / f"rows{rows}"
        copy.mkdir()
        for f in work.glob("ledger*.sqlite*"):
            shutil.copy(f, copy / f.name)
        t = time.perf_counter()
        fill(copy / "ledger.views.sqlite", rows)
        print(f"filled {rows:,} synthetic assertion rows in {time.perf_counter() - t:.1f} s", flush=True)
        env_rows = {**uncached, "NEWSLEDGER_DATABASE_URL": f"sqlite:///{copy}/ledger.sqlite"}
        port = free_port()
        server = serve(env_rows, port)
        try:
            for kind in ("", "&kind=number"):
                url = f"http://127.0.0.1:{port}/assertions?as_of={quote(as_of)}{kind}"
                load(url, 2, args.connections)  # warm-up, not measured: the first reads page the indexes in
                scale[(rows, kind)] = load(url, args.scale_duration, args.connections)
                print(fmt(f"as_of {rows:>9,} rows{' kind=number' if kind else ''}", scale[(rows, kind)],
                          scale[(rows, kind)]["rps"] / results["hello"]["rps"]), flush=True)
        finally:
            stop(server)
    for kind in ("", "&kind=number"):
        small, big = scale[(10_000, kind)]["p99"], scale[(1_000_000, kind)]["p99"]
        print(f"as-of p99 1M / 10k rows{' (kind=number)' if kind else ''}: {big:.2f} / {small:.2f} ms = "
              f"{big / small:.2f}x (target <= 1.5x)")
    print(json.dumps({k: v for k, v in results.items()}, indent=None))
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
