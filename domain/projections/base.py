"""The projection interface that built-in and third-party read models implement."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any


class Tx(ABC):
    """One open transaction on the view database (``?`` placeholders)."""

    dialect: str

    @abstractmethod
    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]: ...

    @abstractmethod
    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...


class Projection(ABC):
    """A read model built from the event log.

    ``apply`` is called for every event whose type name (e.g. ``"Extraction.Completed"``) is in
    ``topics`` (all events when empty), inside the transaction that also advances the projection's
    tracking position, so each event is applied exactly once. View rows should be append-only with
    ``valid_from``/``valid_to`` positions. Bump ``version`` to have the projection rebuilt from the log.
    """

    name: str = ""
    version: int = 1
    topics: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()

    @abstractmethod
    def create(self, tx: Tx) -> None:
        """Create the tables and indexes (idempotent: CREATE ... IF NOT EXISTS)."""

    def drop(self, tx: Tx) -> None:
        for table in self.tables:
            tx.execute(f"DROP TABLE IF EXISTS {table}")

    @abstractmethod
    def apply(self, tx: Tx, event: Any, position: int) -> None:
        """Fold one event recorded at ``position`` into the view."""

    def widen(self, views: Any, position: int, field: str, value: str) -> Sequence[Any]:
        """Exact values the core assertions filter ``field`` (``speaker``, ``place``) should also match for
        ``value`` at ``position``: a view that knows every spelling of a name says so here. None by default."""
        return ()


def as_of(alias: str = "") -> str:
    """The one query path: rows valid at position ``?``."""
    p = f"{alias}." if alias else ""
    return f"{p}valid_from <= ? AND ({p}valid_to IS NULL OR {p}valid_to > ?)"


#: LIKE with a backslash as its escape character: what ``like_pattern`` escapes is matched literally
LIKE = "LIKE ? ESCAPE '\\'"


def like_pattern(text: str, *, before: str = "%", after: str = "%") -> str:
    """A pattern for ``LIKE`` (above) that matches ``text`` literally, between ``before`` and ``after``: a filter
    for "5%" or "Iz_um" finds those characters, not every row (SQLite and PostgreSQL alike)."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"{before}{escaped}{after}"
