"""The re-extraction use case: run extractors again where their version changed (or everywhere)."""

from __future__ import annotations

from dataclasses import dataclass

from newsledger.domain.ledger import Ledger
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.runs import stale


@dataclass(frozen=True)
class Reextraction:
    runs: int  # extraction runs recorded
    articles: int  # articles that needed at least one
    position: int | None  # log position of the last run recorded


def reextract_stale(ledger: Ledger, views: ViewDB, names: list[str], *, everything: bool = False) -> Reextraction:
    """Re-run the named extractors on the current version of each article they have not read at their
    current version (every article with ``everything``). Reads the runs view: catch it up first.
    """
    versions = {n: ledger.extractors[n].version for n in names}
    todo: dict[str, list[str]] = {}
    for article_id, name in stale(views, versions, everything=everything):
        todo.setdefault(article_id, []).append(name)
    runs, position = 0, None
    for article_id, todo_names in todo.items():
        recorded = ledger.reextract(article_id, todo_names)
        if recorded is not None:
            runs, position = runs + len(todo_names), recorded
    return Reextraction(runs=runs, articles=len(todo), position=position)
