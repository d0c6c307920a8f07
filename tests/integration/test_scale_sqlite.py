"""The embedded SQLite profile killed with SIGKILL during a bulk ingest: nothing acknowledged is lost,
nothing is half-written, and the projections catch up after a restart.

Acknowledgements are what the process said before it died: the ``ingest --json`` lines it printed
(each is printed after its batch committed) or the HTTP 200/201 answers of ``serve``.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_scale_postgres import (
    Clients,
    Cluster,
    bbc_records,
    check_acks,
    check_no_duplicate_assertions,
    check_rebuild,
    check_runs,
    extractor_versions,
    log_events,
    open_services,
    workload,
)

pytestmark = [pytest.mark.multiprocess, pytest.mark.corpus]

ARTICLES = 1000
CLI_BATCH = 50  # newsledger ingest records 50 input lines per transaction


def feed(tmp_path: Path, n: int) -> Path:
    """A JSON-lines feed of ``n`` BBC articles (written under tmp: the corpus is only read)."""
    path = tmp_path / "feed.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for r in bbc_records(n):
            f.write(json.dumps({"text": r["text"], "title": r["title"], "outlet": "BBC",
                                "url": f"https://www.bbc.co.uk/{r['id']}"}) + "\n")
    return path


def check_store(url: str, versions: dict[str, str]) -> tuple[Any, list]:
    services = open_services(url)
    events = log_events(services)
    # Inline extraction: every article version has its runs, in the same transaction as the article.
    check_runs(events, versions, every_version=True)
    return services, events


def test_ingest_killed_mid_bulk_loses_no_acknowledged_article_and_writes_no_half_batch(tmp_path):
    versions = extractor_versions()
    path = feed(tmp_path, ARTICLES)
    url = f"sqlite:///{tmp_path}/ledger.sqlite"
    cluster = Cluster(url, tmp_path)
    acked: list[dict[str, Any]] = []
    try:
        proc = subprocess.Popen([sys.executable, "-m", "newsledger.api.cli", "ingest", str(path), "--json"],
                                env=cluster.env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                start_new_session=True, text=True)
        cluster.procs["ingest"] = proc
        assert proc.stdout is not None
        for line in proc.stdout:
            acked.append(json.loads(line))
            if len(acked) >= ARTICLES * 3 // 10:
                proc.send_signal(signal.SIGKILL)
                break
        acked.extend(json.loads(line) for line in proc.stdout)  # printed before the kill: acknowledged too
        proc.wait(10)
        assert proc.returncode == -signal.SIGKILL, "the ingest finished before the kill: make the feed longer"
    finally:
        cluster.stop_all()
    assert all(a["outcome"] == "new" for a in acked)

    services, events = check_store(url, versions)
    try:
        for a in acked:  # every acknowledged article, at the version it was acknowledged with
            assert services.ledger.article(a["id"]).version_number == a["version"]
        kinds = Counter(type(e).__qualname__ for _, e in events)
        # Whole batches only: the batch in flight at the kill is all there or not there at all.
        assert kinds["Article.Ingested"] % CLI_BATCH == 0
        assert len(acked) <= kinds["Article.Ingested"] <= len(acked) + CLI_BATCH
        assert sum(kinds.values()) == kinds["Article.Ingested"] * (1 + len(versions))
        print(f"\nkilled after {len(acked)} acknowledged lines; {kinds['Article.Ingested']} articles recorded")
    finally:
        services.close()

    # Restart: the same feed again; what was recorded is unchanged, the rest is new.
    again = [json.loads(x) for x in cluster.cli("ingest", str(path), "--json", timeout=300).splitlines()]
    outcomes = Counter(a["outcome"] for a in again)
    assert outcomes["new"] + outcomes["unchanged"] == ARTICLES and outcomes["unchanged"] >= len(acked)
    cluster.cli("project")
    report = json.loads(cluster.cli("status", "--json"))
    assert report["status"] == "ok", report
    services, events = check_store(url, versions)
    try:
        check_acks(services, [({"text": r["text"]}, a) for r, a in zip(bbc_records(ARTICLES), again, strict=True)])
        check_no_duplicate_assertions(services)
        check_rebuild(services, f"sqlite:///{tmp_path}/rebuilt.sqlite")
    finally:
        services.close()


def test_embedded_service_killed_while_posting_and_projecting_restarts_and_catches_up(tmp_path):
    import httpx

    versions = extractor_versions()
    jobs = workload(bbc_records(600), "embedded")
    url = f"sqlite:///{tmp_path}/ledger.sqlite"
    # A slower projector poll leaves a backlog, so that the kill is likely to land mid-batch.
    cluster = Cluster(url, tmp_path, NEWSLEDGER_PROJECTOR_INTERVAL="1.0")
    try:
        key = json.loads(cluster.cli("keys", "add", "loader", "--scope", "write", "--json"))["key"]
        base = cluster.serve("embedded", role="all")
        cluster.wait_healthy(base, "embedded")
        clients = Clients([base], key)
        poster = threading.Thread(target=clients.run, args=(jobs,), daemon=True)
        poster.start()
        while len(clients.acks) < len(jobs) // 3:
            assert poster.is_alive()
            time.sleep(0.02)
        health = httpx.get(f"{base}/health", timeout=10).json()
        cluster.kill("embedded")  # the writer and its projector thread, mid-flight
        poster.join(120)
        acks_before = list(clients.acks)
        print(f"\nkilled after {len(acks_before)} acknowledged posts; just before: head {health['head']}, "
              f"projections at {health['position']}")
        assert acks_before and clients.errors  # posts after the kill fail: they are not acknowledged

        base = cluster.serve("embedded-restarted", role="all")
        cluster.wait_healthy(base, "embedded-restarted")
        deadline = time.monotonic() + 120
        while True:
            health = httpx.get(f"{base}/health", timeout=10).json()
            if health["position"] >= health["head"]:
                break
            assert time.monotonic() < deadline, f"projections not caught up: {health}"
            time.sleep(0.2)
    finally:
        cluster.stop_all()
    services, _ = check_store(url, versions)
    try:
        check_acks(services, acks_before)
        check_no_duplicate_assertions(services)
        check_rebuild(services, f"sqlite:///{tmp_path}/rebuilt.sqlite")
    finally:
        services.close()
