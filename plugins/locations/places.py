"""The places view: one place (GeoNames id) with every spelling and every article that mentions it.

One row per location mention, append-only with ``valid_from``/``valid_to`` log positions: a new
extraction run closes the article's rows from that extractor, a revision or retraction closes all of
the article's rows. The view keeps its own copy of the article's outlet and title. Places and their
spellings are aggregated in SQL over the rows valid at the read position.
"""

from __future__ import annotations

from typing import Any

from newsledger.domain.projections.assertion_rows import SEQ_SCALE, ArticleCopy, AssertionRowsView, insert_rows
from newsledger.domain.projections.base import LIKE, Tx, as_of, like_pattern
from newsledger.domain.projections.db import ViewDB

COLUMNS = ("seq", "assertion_id", "article_id", "article_version", "outlet", "title", "extractor", "surface",
           "spelling", "start_offset", "end_offset", "geonames_id", "name", "country", "feature", "lat", "lon",
           "metonymy", "valid_from", "valid_to")


MAX_ID = 2**53  # the largest GeoNames id /places/{geonames_id} takes


def spelling(surface: str) -> str:
    """Spelling identity of a surface form: case and spacing folded ('kyiv' = 'Kyiv')."""
    return " ".join(surface.split()).casefold()


class PlacesView(AssertionRowsView):
    name = "places"
    version = 2
    row_tables = ("place_mentions",)
    articles_table = "place_articles"

    def create_rows(self, tx: Tx) -> None:
        tx.execute(
            "CREATE TABLE IF NOT EXISTS place_mentions (seq BIGINT PRIMARY KEY, assertion_id TEXT NOT NULL, "
            "article_id TEXT NOT NULL, article_version BIGINT NOT NULL, outlet TEXT, title TEXT, "
            "extractor TEXT NOT NULL, surface TEXT NOT NULL, spelling TEXT NOT NULL, start_offset BIGINT NOT NULL, "
            "end_offset BIGINT NOT NULL, geonames_id BIGINT NOT NULL, name TEXT NOT NULL, country TEXT, "
            "feature TEXT, lat DOUBLE PRECISION, lon DOUBLE PRECISION, metonymy BIGINT NOT NULL, "
            "valid_from BIGINT NOT NULL, valid_to BIGINT)"
        )
        tx.execute("CREATE INDEX IF NOT EXISTS place_mentions_place ON place_mentions (geonames_id, valid_from)")
        tx.execute("CREATE INDEX IF NOT EXISTS place_mentions_open ON place_mentions (article_id, extractor, valid_to)")
        tx.execute("CREATE INDEX IF NOT EXISTS place_mentions_from ON place_mentions (valid_from)")

    def insert(self, tx: Tx, event: Any, position: int, article: ArticleCopy) -> None:
        rows = []
        for rank, a in enumerate(event.assertions):
            d = a["data"]
            # Only resolved places can be one place across articles; unresolved names stay in /assertions.
            if a["kind"] != "location" or not isinstance(d.get("geonames_id"), int):
                continue
            rows.append((
                position * SEQ_SCALE + rank, a["id"], a["article_id"], a["article_version"], article["outlet"],
                article["title"], a["extractor"], a["text"], spelling(a["text"]), a["start"], a["end"],
                d["geonames_id"], d.get("name") or a["text"], d.get("country"), d.get("feature"), d.get("lat"),
                d.get("lon"), int(bool(d.get("metonymy"))), position, None,
            ))
        insert_rows(tx, "place_mentions", COLUMNS, rows)

    def widen(self, views: ViewDB, position: int, field: str, value: str) -> list[int]:
        """The /assertions place filter finds a place by any spelling or GeoNames id /places resolves."""
        return place_ids(views, position, value) if field == "place" else []


PLACE = ("geonames_id, MIN(name), MIN(country), MIN(feature), MIN(lat), MIN(lon), COUNT(*), "
         "COUNT(DISTINCT article_id), COUNT(DISTINCT spelling)")


_NAMED = f"(LOWER(name) {LIKE} OR spelling {LIKE})"  # a name's canonical form or a spelling contains it


def _place(r: tuple) -> dict[str, Any]:
    keys = ("geonames_id", "name", "country", "feature", "lat", "lon", "mentions", "articles", "spellings")
    return dict(zip(keys, r, strict=True))


def list_places(db: ViewDB, position: int, *, name: str | None = None, country: str | None = None,
                after: tuple[int, int] | None = None, limit: int = 50) -> list[dict[str, Any]]:
    """Places mentioned at ``position``, most mentioned first (then by id), after a (mentions, id) cursor.

    ``name`` matches the canonical name or any spelling (case-insensitive substring).
    """
    where, params = [as_of()], [position, position]
    if country is not None:
        where.append("country = ?")
        params.append(country.upper())
    if name is not None:
        where.append(f"geonames_id IN (SELECT geonames_id FROM place_mentions WHERE {as_of()} AND {_NAMED})")
        pattern = like_pattern(name.casefold())
        params += [position, position, pattern, pattern]
    having, hparams = "", []
    if after is not None:
        having = " HAVING COUNT(*) < ? OR (COUNT(*) = ? AND geonames_id > ?)"
        hparams = [after[0], after[0], after[1]]
    rows = db.query(
        f"SELECT {PLACE} FROM place_mentions WHERE {' AND '.join(where)} GROUP BY geonames_id{having} "
        "ORDER BY COUNT(*) DESC, geonames_id LIMIT ?", (*params, *hparams, limit))
    places = [_place(r) for r in rows]
    forms = spellings(db, position, [p["geonames_id"] for p in places])
    for p in places:
        p["surface_forms"] = forms.get(p["geonames_id"], [])
    return places


def ids_named(db: ViewDB, position: int, name: str) -> list[int]:
    """The ids of the places ``list_places(name=...)`` lists at ``position``, in id order."""
    rows = db.query(
        f"SELECT DISTINCT geonames_id FROM place_mentions WHERE {as_of()} AND {_NAMED} ORDER BY geonames_id",
        (position, position, *[like_pattern(name.casefold())] * 2))
    return [r[0] for r in rows]


def spellings(db: ViewDB, position: int, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """Every spelling of these places at ``position``: its most used surface form, mentions, articles."""
    if not ids:
        return {}
    rows = db.query(
        f"SELECT geonames_id, spelling, surface, COUNT(*), COUNT(DISTINCT article_id) FROM place_mentions "
        f"WHERE {as_of()} AND geonames_id IN ({', '.join('?' * len(ids))}) "
        "GROUP BY geonames_id, spelling, surface ORDER BY geonames_id, spelling, COUNT(*) DESC, surface",
        (position, position, *ids))
    out: dict[int, dict[str, dict[str, Any]]] = {}
    for gid, spell, surface, mentions, articles in rows:
        forms = out.setdefault(gid, {})
        if spell not in forms:  # rows come most used surface first within a spelling
            forms[spell] = {"spelling": surface, "mentions": 0, "articles": 0}
        forms[spell]["mentions"] += mentions
        forms[spell]["articles"] = max(forms[spell]["articles"], articles)
    return {gid: sorted(f.values(), key=lambda f: (-f["mentions"], f["spelling"])) for gid, f in out.items()}


def get_place(db: ViewDB, position: int, geonames_id: int) -> dict[str, Any] | None:
    """One place at ``position`` with its spellings and every article that mentions it (None if none)."""
    rows = db.query(f"SELECT {PLACE} FROM place_mentions WHERE {as_of()} AND geonames_id = ? GROUP BY geonames_id",
                    (position, position, geonames_id))
    if not rows:
        return None
    place = _place(rows[0])
    place["surface_forms"] = spellings(db, position, [geonames_id]).get(geonames_id, [])
    mentions = db.query(
        f"SELECT article_id, article_version, outlet, title, surface, start_offset, end_offset, assertion_id "
        f"FROM place_mentions WHERE {as_of()} AND geonames_id = ? ORDER BY seq", (position, position, geonames_id))
    articles: dict[str, dict[str, Any]] = {}
    for article_id, version, outlet, title, surface, start, end, assertion_id in mentions:
        a = articles.setdefault(article_id, {"article_id": article_id, "article_version": version, "outlet": outlet,
                                             "title": title, "mentions": []})
        a["mentions"].append({"assertion_id": assertion_id, "text": surface, "start": start, "end": end})
    place["articles_list"] = list(articles.values())
    return place


def place_ids(views: ViewDB, position: int, place: str) -> list[int]:
    """The GeoNames ids ``place`` names at ``position``, as /places resolves it.

    An id itself (as /places/{geonames_id}), and every place whose canonical name or a spelling
    contains ``place`` (as /places?name=): 'Izium', 'izyum' and '707292' all name Izyum. The
    /assertions place filter uses it (PlacesView.widen).
    """
    text = place.strip()
    ids = [int(text)] if text.isascii() and text.isdigit() and int(text) <= MAX_ID else []
    return sorted({*ids, *ids_named(views, position, place)})
