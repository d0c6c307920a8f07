"""GET /datelines: the places stories are datelined from, as of any log position."""

from __future__ import annotations

import msgspec
from litestar import get
from newsledger.domain.projections import ViewDB
from newsledger.domain.projections.base import as_of


class DatelinePlace(msgspec.Struct, kw_only=True):
    place: str
    articles: int


class DatelinesPage(msgspec.Struct, kw_only=True):
    items: list[DatelinePlace]
    position: int  # the log position the answer is for


@get("/datelines", operation_id="listDatelines", sync_to_thread=True)
def list_datelines(at: int, views: ViewDB) -> DatelinesPage:
    """Places stories are datelined from, most articles first, as of the read position."""
    rows = views.query(f"SELECT place, COUNT(*) FROM dateline_places WHERE {as_of()} GROUP BY place "
                       "ORDER BY COUNT(*) DESC, place", (at, at))
    return DatelinesPage(items=[DatelinePlace(place=p, articles=n) for p, n in rows], position=at)
