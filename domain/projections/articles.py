"""The articles view: one row per article version, valid between two log positions."""

from __future__ import annotations

from typing import Any

from newsledger.domain.projections.base import Projection, Tx, as_of
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.log_index import utc_text

COLUMNS = ("article_id", "version", "url", "outlet", "title", "published_at", "received_at", "category",
           "external_id", "retracted", "body", "first_position", "valid_from", "valid_to", "at")


class ArticlesView(Projection):
    name = "articles"
    version = 1
    topics = ("Article.Ingested", "Article.Revised", "Article.Retracted")
    tables = ("articles",)

    def create(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS articles (article_id TEXT NOT NULL, version BIGINT NOT NULL, "
            "url TEXT, outlet TEXT, title TEXT, published_at TEXT, received_at TEXT, category TEXT, "
            "external_id TEXT, retracted TEXT, body TEXT NOT NULL, first_position BIGINT NOT NULL, "
            "valid_from BIGINT NOT NULL, valid_to BIGINT, at TEXT NOT NULL, PRIMARY KEY (article_id, valid_from))"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS articles_order ON articles (first_position, valid_from)")
        tx.execute("CREATE INDEX IF NOT EXISTS articles_open ON articles (article_id, valid_to)")

    def apply(self, tx: Tx, event: Any, position: int) -> None:
        kind = type(event).__qualname__
        article_id = str(event.originator_id)
        prev = tx.execute(
            f"SELECT {', '.join(COLUMNS)} FROM articles WHERE article_id = ? AND valid_to IS NULL", (article_id,)
        )
        row = dict(zip(COLUMNS, prev[0], strict=True)) if prev else None
        if row is not None:
            tx.execute("UPDATE articles SET valid_to = ? WHERE article_id = ? AND valid_to IS NULL",
                       (position, article_id))
        if kind == "Article.Retracted":
            assert row is not None
            row.update(retracted=event.reason)
        else:
            row = {
                "article_id": article_id,
                "version": (row["version"] + 1) if row else 1,
                "url": getattr(event, "url", None) if row is None else row["url"],
                "outlet": event.outlet,
                "title": event.title,
                "published_at": event.published_at,
                "received_at": utc_text(event.received_at),
                "category": event.category,
                "external_id": event.external_id,
                "retracted": None,
                "body": event.body,
                "first_position": row["first_position"] if row else position,
            }
        row.update(valid_from=position, valid_to=None, at=utc_text(event.timestamp))
        tx.execute(
            f"INSERT INTO articles ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
            [row[c] for c in COLUMNS],
        )


def get_article(db: ViewDB, article_id: str, position: int) -> dict[str, Any] | None:
    rows = db.query(
        f"SELECT {', '.join(COLUMNS)} FROM articles WHERE article_id = ? AND {as_of()}",
        (article_id, position, position),
    )
    return dict(zip(COLUMNS, rows[0], strict=True)) if rows else None


def list_articles(
    db: ViewDB, position: int, *, after: int = 0, limit: int = 50, outlet: str | None = None,
    category: str | None = None,
) -> list[dict[str, Any]]:
    """Articles as of ``position``, in the order they were first recorded (cursor: first_position);
    ``outlet`` and ``category`` match in any case."""
    where, params = [as_of(), "first_position > ?"], [position, position, after]
    for column, value in (("outlet", outlet), ("category", category)):
        if value is not None:
            where.append(f"LOWER({column}) = ?")
            params.append(value.lower())
    cols = [c for c in COLUMNS if c != "body"]
    rows = db.query(
        f"SELECT {', '.join(cols)} FROM articles WHERE {' AND '.join(where)} ORDER BY first_position LIMIT ?",
        (*params, limit),
    )
    return [dict(zip(cols, r, strict=True)) for r in rows]


def versions(db: ViewDB, article_id: str, position: int) -> list[dict[str, Any]]:
    """Every version row recorded up to ``position``, oldest first."""
    cols = [c for c in COLUMNS if c != "body"]
    rows = db.query(
        f"SELECT {', '.join(cols)} FROM articles WHERE article_id = ? AND valid_from <= ? ORDER BY valid_from",
        (article_id, position),
    )
    return [dict(zip(cols, r, strict=True)) for r in rows]
