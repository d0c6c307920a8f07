"""The quotes view: every quote of every article with its speaker and outlet, as of a position.

Rows are append-only with ``valid_from``/``valid_to`` log positions: a new extraction run closes the
article's rows from that extractor, a revision or retraction closes all of the article's rows. The
view keeps its own copy of the article's outlet and title. Speakers and quote clusters (one quote
across outlets) are computed at read time from the rows valid at the position (see ``grouping``),
so an as-of read is exact.
"""

from __future__ import annotations

from typing import Any

from newsledger.domain.projections.base import Projection, Tx, as_of
from newsledger.domain.projections.db import ViewDB

SEQ_SCALE = 1_000_000
COLUMNS = ("seq", "assertion_id", "article_id", "article_version", "outlet", "title", "extractor", "text",
           "speaker", "speaker_surface", "partial", "start_offset", "end_offset", "valid_from", "valid_to")


class QuotesView(Projection):
    name = "quote_clusters"
    version = 1
    topics = ("Article.Ingested", "Article.Revised", "Article.Retracted", "Extraction.Completed")
    tables = ("quote_rows", "quote_articles")

    def create(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS quote_rows (seq BIGINT PRIMARY KEY, assertion_id TEXT NOT NULL, "
            "article_id TEXT NOT NULL, article_version BIGINT NOT NULL, outlet TEXT, title TEXT, "
            "extractor TEXT NOT NULL, text TEXT NOT NULL, speaker TEXT, speaker_surface TEXT, "
            "partial BIGINT NOT NULL, start_offset BIGINT NOT NULL, end_offset BIGINT NOT NULL, "
            "valid_from BIGINT NOT NULL, valid_to BIGINT)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS quote_rows_open ON quote_rows (article_id, extractor, valid_to)")
        tx.execute("CREATE INDEX IF NOT EXISTS quote_rows_from ON quote_rows (valid_from)")
        tx.execute("CREATE INDEX IF NOT EXISTS quote_rows_speaker ON quote_rows (speaker, valid_from)")
        tx.execute("CREATE TABLE IF NOT EXISTS quote_articles (article_id TEXT PRIMARY KEY, outlet TEXT, title TEXT)")

    def apply(self, tx: Tx, event: Any, position: int) -> None:
        kind = type(event).__qualname__
        if kind.startswith("Article."):
            article_id = str(event.originator_id)
            tx.execute("UPDATE quote_rows SET valid_to = ? WHERE article_id = ? AND valid_to IS NULL",
                       (position, article_id))
            if kind != "Article.Retracted":
                tx.execute("DELETE FROM quote_articles WHERE article_id = ?", (article_id,))
                tx.execute("INSERT INTO quote_articles (article_id, outlet, title) VALUES (?, ?, ?)",
                           (article_id, event.outlet, event.title))
            return
        tx.execute("UPDATE quote_rows SET valid_to = ? WHERE article_id = ? AND extractor = ? AND valid_to IS NULL",
                   (position, event.article_id, event.extractor))
        found = tx.execute("SELECT outlet, title FROM quote_articles WHERE article_id = ?", (event.article_id,))
        outlet, title = found[0] if found else (None, None)
        rows = []
        for rank, a in enumerate(event.assertions):
            if a["kind"] != "quote":
                continue
            d = a["data"]
            speaker = d.get("speaker") if isinstance(d.get("speaker"), str) else None
            surface = d.get("speaker_surface") if isinstance(d.get("speaker_surface"), str) else None
            rows.append((position * SEQ_SCALE + rank, a["id"], a["article_id"], a["article_version"], outlet, title,
                         a["extractor"], a["text"], speaker, surface, int(bool(d.get("partial"))), a["start"],
                         a["end"], position, None))
        tx.executemany(f"INSERT INTO quote_rows ({', '.join(COLUMNS)}) VALUES ({', '.join('?' * len(COLUMNS))})",
                       rows)


def quotes_at(db: ViewDB, position: int) -> list[dict[str, Any]]:
    """Every quote valid at ``position``, in log order."""
    rows = db.query(f"SELECT {', '.join(COLUMNS)} FROM quote_rows WHERE {as_of()} ORDER BY seq", (position, position))
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows]
