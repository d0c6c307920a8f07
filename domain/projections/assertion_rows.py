"""The lifecycle every assertion-derived read model shares.

Rows are append-only with ``valid_from``/``valid_to`` positions. A revision or a retraction of an
article closes all of its rows; a new extraction run closes the rows of that extractor's previous
run on the article; a late run on a superseded article version (possible when extraction workers run
apart from the API) is history only and never becomes current. Each view keeps its own copy of
the article fields it needs, so it never reads another projection's tables.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Sequence
from typing import Any

from newsledger.domain.projections.base import Projection, Tx

# A row's seq orders rows stably for cursors: the run's log position, then the rank in the run.
SEQ_SCALE = 1_000_000


class ArticleCopy(dict):
    """The view's own copy of an article's latest version: version, outlet, title (and body)."""


class AssertionRowsView(Projection):
    """Base of views built from ``Extraction.Completed`` assertions (core and plugin views alike)."""

    topics = ("Article.Ingested", "Article.Revised", "Article.Retracted", "Extraction.Completed")
    #: tables whose rows have ``article_id``, ``extractor``, ``valid_from`` and ``valid_to`` columns
    row_tables: tuple[str, ...] = ()
    #: the view's own copy of article fields (created by ``create``)
    articles_table: str = ""
    #: keep the body in the copy (to read the words around an assertion)
    keep_body: bool = False

    @property
    def tables(self) -> tuple[str, ...]:  # type: ignore[override]
        return (*self.row_tables, self.articles_table)

    @abstractmethod
    def create_rows(self, tx: Tx) -> None:
        """Create the row tables and their indexes (idempotent)."""

    @abstractmethod
    def insert(self, tx: Tx, event: Any, position: int, article: ArticleCopy) -> None:
        """Insert the rows of one run (``event``: Extraction.Completed) recorded at ``position``."""

    def create(self, tx: Tx) -> None:
        self.create_rows(tx)
        tx.execute(
            f"CREATE TABLE IF NOT EXISTS {self.articles_table} (article_id TEXT PRIMARY KEY, "
            "version BIGINT NOT NULL, outlet TEXT, title TEXT, body TEXT)"
        )

    def apply(self, tx: Tx, event: Any, position: int) -> None:
        kind = type(event).__qualname__
        if kind.startswith("Article."):
            article_id = str(event.originator_id)
            self._close(tx, position, "article_id = ?", (article_id,))
            if kind != "Article.Retracted":
                tx.execute(f"DELETE FROM {self.articles_table} WHERE article_id = ?", (article_id,))
                tx.execute(
                    f"INSERT INTO {self.articles_table} (article_id, version, outlet, title, body) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (article_id, event.originator_version, event.outlet, event.title,
                     event.body if self.keep_body else None),
                )
            return
        found = tx.execute(f"SELECT version, outlet, title, body FROM {self.articles_table} WHERE article_id = ?",
                           (event.article_id,))
        article = ArticleCopy(zip(("version", "outlet", "title", "body"), found[0], strict=True)) if found else (
            ArticleCopy(version=event.article_version, outlet=None, title=None, body=None))
        if event.article_version < article["version"]:
            return  # a late run on a superseded version: history only, never current
        self._close(tx, position, "article_id = ? AND extractor = ?", (event.article_id, event.extractor))
        self.insert(tx, event, position, article)

    def _close(self, tx: Tx, position: int, where: str, params: Sequence[Any]) -> None:
        for table in self.row_tables:
            tx.execute(f"UPDATE {table} SET valid_to = ? WHERE {where} AND valid_to IS NULL", (position, *params))


def insert_rows(tx: Tx, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    if rows:
        tx.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})", rows)
