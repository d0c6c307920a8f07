"""GET /figures and GET /figures/{id}: quantities of one dimension and subject across articles."""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from litestar import Controller, get
from litestar.exceptions import NotFoundException
from litestar.params import Parameter
from newsledger.domain.projections.db import ViewDB
from newsledger.plugins import paging
from newsledger.plugins.numbers.disagreements import group, vague
from newsledger.plugins.numbers.figures import values_at
from newsledger.plugins.numbers.subjects import dimension as dimension_of
from newsledger.plugins.paging import Cursor, Limit, Text

BASE_UNITS = {"area": "km2", "length": "km", "duration": "days", "people": "people", "mass": "t"}



class FigureValue(msgspec.Struct, kw_only=True):
    """One article's quantity, as the numbers extractor read it."""

    assertion_id: str
    article_id: str
    article_version: int
    outlet: str | None
    text: str
    start: int
    end: int
    value: float
    unit: str | None
    si_value: float | None
    si_unit: str | None
    base_value: float
    counted: str | None
    modifier: str | None
    approximate: bool
    vague: bool
    attributed_to: str | None
    in_disagreement: bool


class FigureSummary(msgspec.Struct, kw_only=True):
    """A figure: quantities of one dimension and subject in articles of one scope (main country)."""

    id: str
    dimension: str
    subject: str
    scope: str | None
    base_unit: str | None
    articles: int
    outlets: list[str]
    values: int
    min_value: float  # in base_unit, over the firm values (vague ones only when there are no others)
    max_value: float
    spread: float  # max_value / min_value
    disagreement: bool


class FiguresPage(msgspec.Struct, kw_only=True):
    items: list[FigureSummary]
    next_cursor: str | None
    position: int


class Figure(FigureSummary, kw_only=True):
    """A figure with every value; ``in_disagreement`` marks values another article contradicts."""

    position: int
    items: list[FigureValue]


def _base_unit(dim: str) -> str | None:
    return dim.split(":", 1)[1] if dim.startswith("money:") else BASE_UNITS.get(dim, dim)


def _summary(f: dict[str, Any]) -> dict[str, Any]:
    return dict(id=f["id"], dimension=f["dimension"], subject=f["subject"], scope=f["scope"],
                base_unit=_base_unit(f["dimension"]), articles=f["articles"], outlets=f["outlets"],
                values=len(f["values"]), min_value=f["min"], max_value=f["max"], spread=f["spread"],
                disagreement=f["disagreement"])


def _value(v: dict[str, Any], disagreeing: set[str]) -> FigureValue:
    return FigureValue(
        assertion_id=v["assertion_id"], article_id=v["article_id"], article_version=v["article_version"],
        outlet=v["outlet"], text=v["text"], start=v["start_offset"], end=v["end_offset"], value=v["value"],
        unit=v["unit"], si_value=v["si_value"], si_unit=v["si_unit"], base_value=v["base_value"],
        counted=v["counted"], modifier=v["modifier"], approximate=bool(v["approximate"]),
        vague=vague(v["modifier"]), attributed_to=v["attributed_to"],
        in_disagreement=v["assertion_id"] in disagreeing,
    )


def _sort_key(f: dict[str, Any]) -> list[Any]:
    # a fact-checker reads the clearest conflicts first: few articles, values close to each other (a tight
    # spread is one story told two ways; a wide one is more likely different stories of one kind)
    if f["disagreement"]:
        return [0, f["articles"], round(f["spread"], 6), f["id"]]
    return [1, -f["articles"], 0.0, f["id"]]


class FiguresController(Controller):
    """Cross-source figures of the numbers plugin."""

    path = "/figures"
    tags = ["figures"]

    @get("/", operation_id="listFigures", sync_to_thread=True)
    def list_figures(self, at: int, views: ViewDB, dimension: Text = None, unit: Text = None, subject: Text = None,
                     country: Text = None, disagreements_only: bool = False,
                     min_articles: Annotated[int, Parameter(ge=1, le=1000)] = 2, cursor: Cursor = None,
                     limit: Limit = 50) -> FiguresPage:
        """Figures valid at the read position: disagreements first, the clearest first (fewest articles, then
        the smallest spread), then the other figures by number of articles.

        A figure groups the quantities of one dimension (`area`, `length`, `people`, `money:USD`,
        `percent`, `count`, ...) and subject (`territory taken`, `troops deployed`, `killed`, `cost`, ...) in
        articles with the same main country (`scope`; filter: `country`). Values from different articles whose
        ranges (hedges included: 'more than', 'around') do not meet within about 10% are a disagreement. `unit`
        selects the figures of that unit's dimension (`km2` and `mi2` are both areas);
        `disagreements_only=true` keeps only flagged figures; `min_articles` (default 2) drops
        figures seen in fewer articles.
        """
        position, after = paging.start(cursor, at, "figures")
        if unit is not None:
            found = dimension_of(unit, None)
            dimension = found[0] if found else unit
        figures = [f for f in group(values_at(views, position, dimension=dimension, subject=subject))
                   if f["articles"] >= min_articles and (not disagreements_only or f["disagreement"])
                   and (country is None or (f["scope"] or "").lower() == country.lower())]
        chosen, next_cursor = paging.page(figures, _sort_key, after, limit, position, "figures")
        return FiguresPage(items=[FigureSummary(**_summary(f)) for f in chosen], next_cursor=next_cursor,
                           position=position)

    @get("/{figure_id:str}", operation_id="getFigure", sync_to_thread=True)
    def get_figure(self, figure_id: Annotated[str, Parameter(max_length=64)], at: int, views: ViewDB) -> Figure:
        """One figure with every value from every article, as of the read position (404 if none)."""
        for f in group(values_at(views, at)):
            if f["id"] == figure_id:
                disagreeing = set(f["disagreeing"])
                return Figure(**_summary(f), position=at,
                              items=[_value(v, disagreeing) for v in f["values"]])
        raise NotFoundException(f"no figure {figure_id} as of position {at}")
