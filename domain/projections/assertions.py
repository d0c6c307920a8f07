"""The assertions view: every assertion of every extraction run, valid between two log positions.

A new run of an extractor on an article closes the rows of its previous run; a revision or a
retraction of the article closes all of the article's rows. Nothing is deleted.

Each row also keeps its wire form (``wire``): the JSON of the assertion as the HTTP API serves it,
encoded once when the row is written, up to the ``valid_to`` value (the only field that changes
later, and which a read as of a position serves as null, as known then: see ``_KNOWN_VALID_TO``).
A read page is then assembled from stored bytes instead of decoding and re-encoding every
assertion's ``data`` on every request.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import msgspec
from newsledger.domain.projections.assertion_rows import (
    SEQ_SCALE,
    ArticleCopy,
    AssertionRowsView,
    insert_rows,
)
from newsledger.domain.projections.base import LIKE, Tx, as_of, like_pattern
from newsledger.domain.projections.db import ViewDB
from newsledger.domain.projections.log_index import utc_text

COLUMNS = ("seq", "id", "kind", "start_offset", "end_offset", "text", "data", "extractor", "extractor_version",
           "article_id", "article_version", "outlet", "speaker", "place", "unit", "place_id", "valid_from", "valid_to",
           "at", "wire")
#: the fields of an assertion on the wire, in order (the API's ``AssertionOut``); ``valid_to`` comes last
WIRE_FIELDS = ("id", "kind", "start", "end", "text", "data", "extractor", "extractor_version", "article_id",
               "article_version", "outlet", "valid_from", "valid_to")
_OPEN_TAIL = "null}"


def wire_prefix(assertion: dict[str, Any], outlet: str | None, valid_from: int) -> str:
    """The assertion's wire JSON up to its ``valid_to`` value: ``{"id":...,"valid_to":``.

    ``data`` keys are sorted, as the view has always served them; append ``null}`` or ``<pos>}``.
    """
    data = msgspec.Raw(msgspec.json.encode(assertion["data"], order="deterministic"))
    values = (assertion["id"], assertion["kind"], assertion["start"], assertion["end"], assertion["text"], data,
              assertion["extractor"], assertion["extractor_version"], assertion["article_id"],
              assertion["article_version"], outlet, valid_from, None)
    text = msgspec.json.encode(dict(zip(WIRE_FIELDS, values, strict=True))).decode()
    if not text.endswith(_OPEN_TAIL):
        raise AssertionError(text[-40:])
    return text[: -len(_OPEN_TAIL)]


# ``valid_to`` as known at the read position, in every row a query as of P serves. A row served as of P
# is valid at P, so its stored ``valid_to`` is null or a later position: as of P nothing has closed it
# yet, and the answer says null. Serving the stored value would let an answer as of P show what
# happened after P, and change (and disagree with an earlier, cached copy) when a later event closes it.
_KNOWN_VALID_TO = "NULL AS valid_to"
#: the whole wire JSON of a row as of a position (``valid_to`` null, as above) as UTF-8 bytes, completed
#: in SQL (no per-row Python work on a read, no decoding to str and encoding back)
_WIRE = f"wire || '{_OPEN_TAIL}'"
WIRE_SQL = {"sqlite": f"CAST({_WIRE} AS BLOB)", "postgres": f"convert_to({_WIRE}, 'UTF8')"}


class AssertionsView(AssertionRowsView):
    name = "assertions"
    version = 5  # 5: place_id (a location's GeoNames id), for the place filter
    row_tables = ("assertions",)
    articles_table = "assertion_articles"

    def create_rows(self, tx: Tx) -> None:
        # In SQLite only ``INTEGER PRIMARY KEY`` makes seq the rowid: rows are stored in seq order and
        # every index carries seq for free (BIGINT would add a hidden rowid and a second seq index).
        key = "INTEGER PRIMARY KEY" if tx.dialect == "sqlite" else "BIGINT PRIMARY KEY"
        tx.execute(
            f"CREATE TABLE IF NOT EXISTS assertions (seq {key}, id TEXT NOT NULL, kind TEXT NOT NULL, "
            "start_offset BIGINT NOT NULL, end_offset BIGINT NOT NULL, text TEXT NOT NULL, data TEXT NOT NULL, "
            "extractor TEXT NOT NULL, extractor_version TEXT NOT NULL, article_id TEXT NOT NULL, "
            "article_version BIGINT NOT NULL, outlet TEXT, speaker TEXT, place TEXT, unit TEXT, place_id BIGINT, "
            "valid_from BIGINT NOT NULL, valid_to BIGINT, at TEXT NOT NULL, wire TEXT NOT NULL)"
        )
        # Covering indexes in seq order: a page walks an index in cursor order and tests validity
        # there, touching the table only for the rows it returns, however many rows history holds.
        tx.execute("CREATE INDEX IF NOT EXISTS assertions_article "
                   "ON assertions (article_id, seq, valid_from, valid_to)")
        tx.execute("CREATE INDEX IF NOT EXISTS assertions_open ON assertions (article_id, extractor, valid_to)")
        tx.execute("CREATE INDEX IF NOT EXISTS assertions_kind ON assertions (kind, seq, valid_from, valid_to)")
        tx.execute("CREATE INDEX IF NOT EXISTS assertions_valid ON assertions (seq, valid_from, valid_to)")

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
                _int(data.get("geonames_id")) if a["kind"] == "location" else None,
                position, None, at, wire_prefix(a, article["outlet"], position),
            ))
        insert_rows(tx, "assertions", COLUMNS, rows)


def _str(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _row(r: tuple) -> dict[str, Any]:
    d = dict(zip(COLUMNS, r, strict=True))
    d["data"] = json.loads(d["data"])
    return d


def query_assertions(db: ViewDB, position: int, **filters: Any) -> list[dict[str, Any]]:
    """Assertions valid at ``position``, filtered, in stable ``seq`` order after the cursor.

    Each row is as known at ``position``: ``valid_to`` is None (a later event that closed the row is
    not known then), so the answer as of a position never changes.

    Filters (keywords): ``article_id``, ``kind``, ``extractor`` (equal), ``unit``, ``outlet`` (equal in any case),
    ``speaker`` (case-insensitive, from the start of a word), ``place``, ``q`` (case-insensitive substring), ``after``
    (a seq) and ``limit``.
    ``speaker_names`` (exact spellings) widens ``speaker`` and ``place_ids`` (GeoNames ids) widens
    ``place``: a row matches the substring or one of these (the cross-source views resolve them).
    """
    return [_row(r) for r in _select(db, COLUMNS, position, **filters)]


def recorded(db: ViewDB, column: str, value: str) -> bool:
    """Some extraction run, at any position, asserted ``kind`` (``column``) or was by ``extractor`` ``value``."""
    if column not in ("kind", "extractor"):
        raise ValueError(column)
    return bool(db.query(f"SELECT 1 FROM assertions WHERE {column} = ? LIMIT 1", (value,)))


def query_wires(db: ViewDB, position: int, **filters: Any) -> list[tuple[int, bytes]]:
    """``(seq, wire JSON bytes)`` of the rows ``query_assertions`` would answer, for serving as they are."""
    return _select(db, ("seq", WIRE_SQL[db.dialect]), position, **filters)


def _select(
    db: ViewDB,
    columns: tuple[str, ...],
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
    speaker_names: Sequence[str] = (),
    place_ids: Sequence[int] = (),
    after: int = 0,
    limit: int = 100,
) -> list[tuple]:
    columns = tuple(_KNOWN_VALID_TO if c == "valid_to" else c for c in columns)
    where, params = [as_of(), "seq > ?"], [position, position, after]
    for column, value in (("article_id", article_id), ("kind", kind), ("extractor", extractor)):
        if value is not None:
            where.append(f"{column} = ?")
            params.append(value)
    # unit codes and outlet names are the same whatever their case ("gbp" is GBP, "bbc news" BBC News); no
    # index has these columns first, so comparing them in lower case costs no index
    for column, value in (("outlet", outlet), ("unit", unit)):
        if value is not None:
            where.append(f"LOWER({column}) = ?")
            params.append(value.lower())
    for column, value, exact_column, exact in (("speaker", speaker, "speaker", speaker_names),
                                               ("place", place, "place_id", place_ids), ("text", q, "text", ())):
        if value is not None:  # the words (a substring of the text), or one of the values the caller resolved it to
            # a speaker is matched from the start of a word: "Jones" and "zelensk" find Marion Jones and
            # Volodymyr Zelenskyy, "ian" does not find Brian nor "one" Frank Stone
            words = column == "speaker"
            either = [f"' ' || LOWER({column}) {LIKE}" if words else f"LOWER({column}) {LIKE}"] + (
                [f"{exact_column} IN ({_marks(exact)})"] if exact else [])
            where.append(f"({' OR '.join(either)})")
            pattern = like_pattern(value.lower().strip(), before="% ") if words else like_pattern(value.lower())
            params += [pattern, *exact]
    # Unfiltered, SQLite would walk the table itself in seq (rowid) order, reading every wide row to
    # test its validity; the narrow covering index answers the validity test and only the rows served
    # are read, so a long history costs what a short one does.
    source = "assertions INDEXED BY assertions_valid" if db.dialect == "sqlite" and len(where) == 2 else "assertions"
    return db.query(
        f"SELECT {', '.join(columns)} FROM {source} WHERE {' AND '.join(where)} ORDER BY seq LIMIT ?",
        (*params, limit),
    )


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))
