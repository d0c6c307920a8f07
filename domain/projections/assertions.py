"""The assertions view: every assertion of every extraction run, valid between two log positions.

A new run of an extractor on an article closes the rows of its previous run; a revision or a
retraction of the article closes all of the article's rows. Nothing is deleted.
"""

from __future__ import annotations

import json
from typing import Any

from newsledger.domain.projections.assertion_rows import (
    SEQ_SCALE,
    ArticleCopy,
    AssertionRowsView,
    insert_rows,
)
from newsledger.domain.projections.base import Tx, as_of
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.log_index import utc_text

COLUMNS = ("seq", "id", "kind", "start_offset", "end_offset", "text", "data", "extractor", "extractor_version",
           "article_id", "article_version", "outlet", "speaker", "place", "unit", "valid_from", "valid_to", "at")


class AssertionsView(AssertionRowsView):
    name = "assertions"
    version = 3
    row_tables = ("assertions",)
    articles_table = "assertion_articles"

    def create_rows(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS assertions (seq BIGINT PRIMARY KEY, id TEXT NOT NULL, kind TEXT NOT NULL, "
            "start_offset BIGINT NOT NULL, end_offset BIGINT NOT NULL, text TEXT NOT NULL, data TEXT NOT NULL, "
            "extractor TEXT NOT NULL, extractor_version TEXT NOT NULL, article_id TEXT NOT NULL, "
            "article_version BIGINT NOT NULL, outlet TEXT, speaker TEXT, place TEXT, unit TEXT, "
            "valid_from BIGINT NOT NULL, valid_to BIGINT, at TEXT NOT NULL)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS assertions_article ON assertions (article_id, valid_from)")
        tx.execute("CREATE INDEX IF NOT EXISTS assertions_open ON assertions (article_id, extractor, valid_to)")
        tx.execute("CREATE INDEX IF NOT EXISTS assertions_kind ON assertions (kind, seq)")
        tx.execute("CREATE INDEX IF NOT EXISTS assertions_from ON assertions (valid_from)")

    def insert(self, tx: Tx, event: Any, position: int, article: ArticleCopy) -> None:
        at = utc_text(event.timestamp)
        rows = []
        for rank, a in enumerate(event.assertions):
            data = a["data"]
            rows.append((
                position * SEQ_SCALE + rank, a["id"], a["kind"], a["start"], a["end"], a["text"],
                json.dumps(data, ensure_ascii=False, sort_keys=True), a["extractor"], a["extractor_version"],
                a["article_id"], a["article_version"], article["outlet"], _str(data.get("speaker")),
                _str(data.get("name")) if a["kind"] == "location" else None, _str(data.get("unit")),
                position, None, at,
            ))
        insert_rows(tx, "assertions", COLUMNS, rows)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _row(r: tuple) -> dict[str, Any]:
    d = dict(zip(COLUMNS, r, strict=True))
    d["data"] = json.loads(d["data"])
    return d


def query_assertions(
    db: ViewDB,
    position: int,
    *,
    article_id: str | None = None,
    kind: str | None = None,
    extractor: str | None = None,
    speaker: str | None = None,
    place: str | None = None,
    unit: str | None = None,
    outlet: str | None = None,
    q: str | None = None,
    after: int = 0,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Assertions valid at ``position``, filtered, in stable ``seq`` order after the cursor."""
    where, params = [as_of(), "seq > ?"], [position, position, after]
    for column, value in (("article_id", article_id), ("kind", kind), ("extractor", extractor),
                          ("outlet", outlet), ("unit", unit)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    for column, value in (("speaker", speaker), ("place", place), ("text", q)):
        if value is not None:
            where.append(f"LOWER({column}) LIKE ?")
            params.append(f"%{value.lower()}%")
    rows = db.query(
        f"SELECT {', '.join(COLUMNS)} FROM assertions WHERE {' AND '.join(where)} ORDER BY seq LIMIT ?",
        (*params, limit),
    )
    return [_row(r) for r in rows]
