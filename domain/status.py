"""Readiness and lag: how far each projection and each extraction worker is behind the log head."""

from __future__ import annotations

from typing import Any

from newsledger.domain.projections.db import ViewDB


def worker_positions(views: ViewDB) -> dict[str, int]:
    try:
        rows = views.query("SELECT name, position FROM worker_tracking ORDER BY name")
    except Exception:  # noqa: BLE001 - no worker has ever run against this database
        return {}
    return {name: int(position) for name, position in rows}


def status(head: int, projections: dict[str, int], views: ViewDB, *, inline_extraction: bool = False) -> dict[str, Any]:
    """The log head, then each projection's and worker's position and lag.

    With ``inline_extraction`` (the embedded profile: every write runs the extractors itself) workers
    are listed but do not make the status lagging: a worker row there is left by a ``worker --once``
    that has finished, and what it has not read was already extracted when it was written.
    """
    workers = worker_positions(views)

    def entries(positions: dict[str, int]) -> list[dict[str, Any]]:
        return [{"name": n, "position": p, "lag": max(head - p, 0)} for n, p in positions.items()]

    lagging = any(p < head for p in projections.values()) or (
        not inline_extraction and any(p < head for p in workers.values()))
    return {"head": head, "status": "lagging" if lagging else "ok", "projections": entries(projections),
            "workers": entries(workers)}
