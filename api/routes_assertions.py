"""Assertions across articles, as of a read position."""

from __future__ import annotations

from typing import Annotated

from litestar import Response, get
from litestar.datastructures import State
from litestar.params import Parameter
from newsledger.api import cursors
from newsledger.api.bootstrap import Services
from newsledger.api.errors import read_problems
from newsledger.api.reading import check_names, run_read
from newsledger.api.routes_articles import Cursor, Filter, Limit, assertions_page
from newsledger.api.schemas import AssertionsPage
from newsledger.domain.projections.assertions import query_wires
from newsledger.domain.projections.db import ViewDB

Search = Annotated[str | None, Parameter(max_length=500, description="Case-insensitive substring of the field.")]
Words = Annotated[str | None, Parameter(max_length=500,
                                         description="Case-insensitive, from the start of a word of the name.")]


@get("/assertions", operation_id="listAssertions", tags=["assertions"], responses=read_problems())
async def list_assertions(at: int, state: State, kind: Filter = None, extractor: Filter = None, unit: Filter = None,
                          outlet: Filter = None, speaker: Words = None, place: Search = None, q: Search = None,
                          cursor: Cursor = None, limit: Limit = 100) -> Response[AssertionsPage]:
    """Assertions valid at the read position across articles, in stable log order.

    Filters: `kind` and `extractor` match exactly, `unit` and `outlet` exactly but in any case ("gbp" finds
    GBP); `speaker` matches the speaker's name
    from the start of a word ("zelensk" finds Volodymyr Zelenskyy, "ian" does not find Brian); `place`
    and `q` (the asserted text) match a case-insensitive substring. `speaker` also matches every spelling of the
    speakers it names (as /speakers groups them); `place` also matches the places it names by any
    spelling or by GeoNames id (as /places resolves them). A `kind` that no loaded extractor asserts and
    no run ever recorded is a 400 naming the kinds there are: an empty page would hide a typo. An empty
    filter (`outlet=`) is a 400 naming it, as on every route. `%` and `_` are literal characters.
    """
    # not dependencies: see routes_articles.article_assertions
    return await run_read(state.services, state.read_cache, _page, at, cursor, limit, kind, extractor, unit, outlet,
                          speaker, place, q)


def _page(views: ViewDB, services: Services, at: int, cursor: str | None, limit: int, kind: str | None,
          extractor: str | None, unit: str | None, outlet: str | None, speaker: str | None, place: str | None,
          q: str | None) -> AssertionsPage:
    after, position = cursors.page_of(cursor, at, services.projector.position, "assertions")
    # the loaded views that know more of a name (every spelling of a speaker, a place's GeoNames id) widen it
    names = _widened(services, views, position, "speaker", speaker)
    ids = _widened(services, views, position, "place", place)
    wires = query_wires(views, position, after=after, limit=limit, kind=kind, extractor=extractor, unit=unit,
                        outlet=outlet, speaker=speaker, place=place, q=q, speaker_names=names, place_ids=ids)
    if not wires:
        check_names(services, views, kind, extractor)
    return assertions_page(wires, limit, position)


def _widened(services: Services, views: ViewDB, position: int, field: str, value: str | None) -> list:
    if value is None:
        return []
    return sorted({v for p in services.projector.projections.values() for v in p.widen(views, position, field, value)})


ROUTES = [list_assertions]
