"""Assertions across articles, as of a read position."""

from __future__ import annotations

from typing import Annotated

from litestar import get
from litestar.params import Parameter
from newsledger.api import cursors
from newsledger.api.bootstrap import Services
from newsledger.api.errors import read_problems
from newsledger.api.routes_articles import Cursor, Filter, Limit, assertions_page
from newsledger.api.schemas import AssertionsPage
from newsledger.domain.projections.assertions import query_assertions
from newsledger.domain.projections.db import ViewDB

Search = Annotated[str | None, Parameter(max_length=500, description="Case-insensitive substring of the field.")]


@get("/assertions", operation_id="listAssertions", sync_to_thread=True, tags=["assertions"], responses=read_problems())
def list_assertions(at: int, views: ViewDB, services: Services, kind: Filter = None, extractor: Filter = None,
                    unit: Filter = None, outlet: Filter = None, speaker: Search = None, place: Search = None,
                    q: Search = None, cursor: Cursor = None, limit: Limit = 100) -> AssertionsPage:
    """Assertions valid at the read position across articles, in stable log order.

    Filters: `kind`, `extractor`, `unit` and `outlet` match exactly; `speaker`, `place` and `q` (the
    asserted text) match a case-insensitive substring.
    """
    after, position = cursors.page_of(cursor, at, services.projector.position())
    rows = query_assertions(views, position, kind=kind, extractor=extractor, unit=unit, outlet=outlet,
                            speaker=speaker, place=place, q=q, after=after, limit=limit)
    return assertions_page(rows, limit, position)


ROUTES = [list_assertions]
