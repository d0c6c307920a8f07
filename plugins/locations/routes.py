"""GET /places and GET /places/{geonames_id}: one place, every spelling, every article."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter
from newsledger.domain.projections.db import ViewDB
from newsledger.plugins import paging
from newsledger.plugins.locations.places import MAX_ID, get_place, list_places
from newsledger.plugins.paging import Cursor, Limit, Text


class Spelling(msgspec.Struct, kw_only=True):
    """One way the articles write the place (case and spacing folded; the most used form shown)."""

    spelling: str
    mentions: int
    articles: int


class Mention(msgspec.Struct, kw_only=True):
    assertion_id: str
    text: str
    start: int
    end: int


class PlaceArticle(msgspec.Struct, kw_only=True):
    """An article version that mentions the place, with its mentions."""

    article_id: str
    article_version: int
    outlet: str | None
    title: str | None
    mentions: list[Mention]


class PlaceSummary(msgspec.Struct, kw_only=True):
    """A GeoNames place as the articles valid at the read position mention it."""

    geonames_id: int
    name: str
    country: str | None
    feature: str | None
    lat: float | None
    lon: float | None
    mentions: int
    articles: int
    surface_forms: list[Spelling]


class PlacesPage(msgspec.Struct, kw_only=True):
    items: list[PlaceSummary]
    next_cursor: str | None
    position: int


class Place(PlaceSummary, kw_only=True):
    position: int
    articles_list: list[PlaceArticle]


def _summary(p: dict[str, Any]) -> dict[str, Any]:
    return {k: p[k] for k in ("geonames_id", "name", "country", "feature", "lat", "lon", "mentions", "articles")} | {
        "surface_forms": [Spelling(**f) for f in p["surface_forms"]]}


class PlacesController(Controller):
    """Cross-source places of the locations plugin (place data: GeoNames, CC-BY)."""

    path = "/places"
    tags = ["places"]

    @get("/", operation_id="listPlaces", sync_to_thread=True)
    def list_places(self, at: int, views: ViewDB, name: Text = None,
                    country: Annotated[str | None, Parameter(min_length=2, max_length=2)] = None,
                    cursor: Cursor = None, limit: Limit = 50) -> PlacesPage:
        """Places mentioned at the read position, most mentioned first, each with every spelling.

        `name` matches the canonical name or any spelling (case-insensitive substring); `country` is
        an ISO 3166-1 alpha-2 code. Only places resolved to a GeoNames id are listed.
        """
        position, after = paging.start(cursor, at, "places")
        key = None
        if after is not None:
            if len(after) != 2 or not all(isinstance(k, int) for k in after):
                paging.decode("", "places")
            key = (-after[0], after[1])
        rows = list_places(views, position, name=name, country=country, after=key, limit=limit + 1)
        more = len(rows) > limit
        rows = rows[:limit]
        next_cursor = paging.encode(position, [-rows[-1]["mentions"], rows[-1]["geonames_id"]],
                                    "places") if more else None
        return PlacesPage(items=[PlaceSummary(**_summary(p)) for p in rows], next_cursor=next_cursor,
                          position=position)

    @get("/{geonames_id:int}", operation_id="getPlace", sync_to_thread=True)
    def get_place(self, geonames_id: Annotated[int, Parameter(ge=0, le=MAX_ID)], at: int, views: ViewDB) -> Place:
        """One place with every spelling and every article (with outlet) mentioning it at the read position."""
        p = get_place(views, at, geonames_id)
        if p is None:
            raise NotFoundException(f"no article mentions place {geonames_id} as of position {at}")
        articles = [PlaceArticle(**{**a, "mentions": [Mention(**m) for m in a["mentions"]]})
                    for a in p["articles_list"]]
        return Place(**_summary(p), position=at, articles_list=articles)
