"""Assertions across articles, as of a read position."""

from __future__ import annotations

from typing import Annotated

from litestar import get
from litestar.datastructures import State
from litestar.params import Parameter
from newsledger.api import cursors
from newsledger.api.bootstrap import Services
from newsledger.api.errors import read_problems
from newsledger.api.reading import run_read
from newsledger.api.routes_articles import Cursor, Filter, Limit, assertions_page
from newsledger.api.schemas import AssertionsPage
from newsledger.domain.projections.assertions import query_wires
from newsledger.domain.projections.db import ViewDB

Search = Annotated[str | None, Parameter(max_length=500, description="Case-insensitive substring of the field.")]


@get("/assertions", operation_id="listAssertions", tags=["assertions"], responses=read_problems())
async def list_assertions(at: int, state: State, kind: Filter = None, extractor: Filter = None, unit: Filter = None,
                          outlet: Filter = None, speaker: Search = None, place: Search = None, q: Search = None,
                          cursor: Cursor = None, limit: Limit = 100) -> AssertionsPage:
    """Assertions valid at the read position across articles, in stable log order.

    Filters: `kind`, `extractor`, `unit` and `outlet` match exactly; `speaker`, `place` and `q` (the
    asserted text) match a case-insensitive substring.
    """
    services: Services = state.services  # not a dependency: see routes_articles.article_assertions
    views = services.views
    return await run_read(views, _page, views, services, at, cursor, limit,
                          dict(kind=kind, extractor=extractor, unit=unit, outlet=outlet, speaker=speaker,
                               place=place, q=q))


def _page(views: ViewDB, services: Services, at: int, cursor: str | None, limit: int,
          filters: dict[str, str | None]) -> AssertionsPage:
    after, position = cursors.page_of(cursor, at, services.projector.position() if cursor else at)
    return assertions_page(query_wires(views, position, after=after, limit=limit, **filters), limit, position)


ROUTES = [list_assertions]
