"""Given a views database the real projections built, when the API benchmark fills it with synthetic
assertion rows, then every row goes into the projection's current columns and reads back as an assertion."""

from __future__ import annotations

from support import EXAMPLE_SEEDS, command_line


def test_the_api_benchmark_fills_the_assertions_view_the_projection_creates(tmp_path, monkeypatch):
    from newsledger.domain.projections.assertions import query_assertions
    from newsledger.domain.projections.db import ViewDB

    from bench.bench_api import fill

    run = command_line(tmp_path, monkeypatch, plugins="")
    run("ingest", str(EXAMPLE_SEEDS))
    run("project")
    views = tmp_path / "data" / "newsledger.views.sqlite"

    fill(views, 30, articles=3)

    db = ViewDB(f"sqlite:///{views}")
    try:
        rows = query_assertions(db, 10**9, kind="location", extractor="synthetic", limit=100)
        head = db.query("SELECT MAX(position) FROM log_index")[0][0]
        assert db.query("SELECT COUNT(*) FROM assertions WHERE extractor = 'synthetic'")[0][0] == 30
    finally:
        db.close()
    assert rows and all(r["place_id"] is not None and r["valid_from"] <= head for r in rows)
