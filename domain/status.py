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


def status(head: int, projections: dict[str, int], views: ViewDB) -> dict[str, Any]:
    """The log head, then each projection's and worker's position and lag."""
    workers = worker_positions(views)

    def entries(positions: dict[str, int]) -> list[dict[str, Any]]:
        return [{"name": n, "position": p, "lag": max(head - p, 0)} for n, p in positions.items()]

    lagging = any(p < head for p in projections.values()) or any(p < head for p in workers.values())
    return {"head": head, "status": "lagging" if lagging else "ok", "projections": entries(projections),
            "workers": entries(workers)}
