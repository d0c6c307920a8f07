"""The quotes view: every quote of every article with its speaker and outlet, as of a position.

Rows are append-only with ``valid_from``/``valid_to`` log positions: a new extraction run closes the
article's rows from that extractor, a revision or retraction closes all of the article's rows. The
view keeps its own copy of the article's outlet and title. Speakers and quote clusters (one quote
across outlets) are computed at read time from the rows valid at the position (see ``grouping``),
so an as-of read is exact.
"""

from __future__ import annotations

from typing import Any

from newsledger.domain.projections.assertion_rows import SEQ_SCALE, ArticleCopy, AssertionRowsView, insert_rows
from newsledger.domain.projections.base import Tx, as_of
from newsledger.domain.projections.db import ViewDB
from newsledger.plugins.quotes.grouping import names_match, speakers

COLUMNS = ("seq", "assertion_id", "article_id", "article_version", "outlet", "title", "extractor", "text",
           "speaker", "speaker_surface", "partial", "start_offset", "end_offset", "valid_from", "valid_to")


class QuotesView(AssertionRowsView):
    name = "quote_clusters"
    version = 2
    row_tables = ("quote_rows",)
    articles_table = "quote_articles"

    def create_rows(self, tx: Tx) -> None:
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

    def insert(self, tx: Tx, event: Any, position: int, article: ArticleCopy) -> None:
        outlet, title = article["outlet"], article["title"]
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
        insert_rows(tx, "quote_rows", COLUMNS, rows)

    def widen(self, views: ViewDB, position: int, field: str, value: str) -> list[str]:
        """The /assertions speaker filter finds one person under every spelling /speakers groups."""
        return speaker_spellings(views, position, value) if field == "speaker" else []


def speaker_spellings(db: ViewDB, position: int, name: str) -> list[str]:
    """Every spelling of every speaker ``name`` matches at ``position``, as /speakers?name= matches."""
    return sorted({n for s in speakers(quotes_at(db, position)) if names_match(name, s["spellings"])
                   for n in s["spellings"]})


def quotes_at(db: ViewDB, position: int) -> list[dict[str, Any]]:
    """Every quote valid at ``position``, in log order."""
    rows = db.query(f"SELECT {', '.join(COLUMNS)} FROM quote_rows WHERE {as_of()} ORDER BY seq", (position, position))
    return [dict(zip(COLUMNS, r, strict=True)) for r in rows]
