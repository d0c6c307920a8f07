"""The datelines read model: which place each article's current version is datelined from, at every position."""

from __future__ import annotations

from typing import Any

from newsledger.domain.projections import Projection, Tx

NAME = "datelines"  # the extractor whose runs this view reads


class DatelinesView(Projection):
    """One row per dateline, valid from the position of the run that found it until the article is revised
    or retracted, or the extractor runs on it again.

    Rows are only appended or closed (``valid_to``), so a read as of any position is the same query.
    """

    name = "datelines"
    version = 2  # bump to have the view rebuilt from the log (2: revisions and retractions close rows)
    # event type names, as in `newsledger log`
    topics = ("Extraction.Completed", "Article.Revised", "Article.Retracted")
    tables = ("dateline_places",)

    def create(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS dateline_places (article_id TEXT NOT NULL, article_version BIGINT NOT NULL, "
            "place TEXT NOT NULL, valid_from BIGINT NOT NULL, valid_to BIGINT)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS dateline_places_open ON dateline_places (article_id, valid_to)")

    def apply(self, tx: Tx, event: Any, position: int) -> None:
        if type(event).__qualname__ != "Extraction.Completed":
            # a new version's dateline is only known once the extractor has run on it; a retracted
            # article has none
            _close(tx, str(event.originator_id), position)
            return
        if event.extractor != NAME:
            return
        (newest,) = tx.execute("SELECT MAX(article_version) FROM dateline_places WHERE article_id = ?",
                               (event.article_id,))
        if newest[0] is not None and newest[0] > event.article_version:
            return  # a late run on a superseded version is history only (scaled mode)
        _close(tx, event.article_id, position)
        for a in event.assertions:  # plain dicts in the assertion wire format
            tx.execute("INSERT INTO dateline_places VALUES (?, ?, ?, ?, NULL)",
                       (a["article_id"], a["article_version"], a["data"]["place"], position))


def _close(tx: Tx, article_id: str, position: int) -> None:
    """End the article's open rows at ``position``."""
    tx.execute("UPDATE dateline_places SET valid_to = ? WHERE article_id = ? AND valid_to IS NULL",
               (position, article_id))
