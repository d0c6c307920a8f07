"""The extraction runs view: every Completed or Failed run, for history and re-extraction."""

from __future__ import annotations

from typing import Any

from newsledger.domain.projections.base import Projection, Tx
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.log_index import utc_text

COLUMNS = ("position", "article_id", "article_version", "extractor", "extractor_version", "status", "error",
           "assertion_count", "at")


class RunsView(Projection):
    name = "runs"
    version = 1
    topics = ("Extraction.Completed", "Extraction.Failed")
    tables = ("extraction_runs",)

    def create(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS extraction_runs (position BIGINT PRIMARY KEY, article_id TEXT NOT NULL, "
            "article_version BIGINT NOT NULL, extractor TEXT NOT NULL, extractor_version TEXT NOT NULL, "
            "status TEXT NOT NULL, error TEXT, assertion_count BIGINT NOT NULL, at TEXT NOT NULL)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS runs_article ON extraction_runs (article_id, position)")
        # covers ``versions_recorded`` (created on every start, so no rebuild is needed to add it)
        tx.execute("CREATE INDEX IF NOT EXISTS runs_extractor "
                   "ON extraction_runs (extractor, extractor_version, position, status)")

    def apply(self, tx: Tx, event: Any, position: int) -> None:
        completed = type(event).__qualname__ == "Extraction.Completed"
        tx.execute(
            f"INSERT INTO extraction_runs ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
            (position, event.article_id, event.article_version, event.extractor, event.extractor_version,
             "completed" if completed else "failed", None if completed else event.error,
             len(event.assertions) if completed else 0, utc_text(event.timestamp)),
        )


def runs_of(db: ViewDB, article_id: str, position: int) -> list[dict[str, Any]]:
    rows = db.query(
        f"SELECT {', '.join(COLUMNS)} FROM extraction_runs WHERE article_id = ? AND position <= ? ORDER BY position",
        (article_id, position),
    )
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows]


def versions_recorded(db: ViewDB, position: int) -> list[dict[str, Any]]:
    """Every (extractor, version) with runs recorded up to ``position``: how many completed and failed,
    and the positions of the first and last, by extractor name then first position."""
    rows = db.query(
        "SELECT extractor, extractor_version, "
        "SUM(CASE WHEN status = 'completed' THEN 1 ELSE 0 END), SUM(CASE WHEN status = 'failed' THEN 1 ELSE 0 END), "
        "MIN(position), MAX(position) FROM extraction_runs WHERE position <= ? "
        "GROUP BY extractor, extractor_version ORDER BY extractor, MIN(position)",
        (position,),
    )
    keys = ("extractor", "version", "completed", "failed", "first_position", "last_position")
    return [dict(zip(keys, (e, v, *map(int, rest)), strict=True)) for e, v, *rest in rows]


def stale(db: ViewDB, versions: dict[str, str], *, everything: bool = False) -> list[tuple[str, str]]:
    """(article id, extractor) pairs whose current version has no run by the current extractor version.

    Reads the current article versions from the articles view; retracted articles are skipped.
    """
    current = db.query("SELECT article_id, version FROM articles WHERE valid_to IS NULL AND retracted IS NULL "
                       "ORDER BY first_position")
    done = {
        (a, int(v), e, ev)
        for a, v, e, ev in db.query("SELECT article_id, article_version, extractor, extractor_version "
                                    "FROM extraction_runs")
    }
    out = []
    for article_id, version in current:
        for name, ext_version in versions.items():
            if everything or (article_id, int(version), name, ext_version) not in done:
                out.append((article_id, name))
    return out
