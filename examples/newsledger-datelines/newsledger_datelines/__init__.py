"""An outside newsledger plugin: the dateline of a story ("WASHINGTON –", "KYIV, Ukraine (AP) —"), a view of
the places stories are datelined from, and GET /datelines over it."""

from __future__ import annotations

import re

from newsledger.domain.assertions import make_assertion
from newsledger.domain.extractor import Extractor
from newsledger.domain.text import ArticleText
from newsledger.plugins import hookimpl

NAME, VERSION = "datelines", "0.1.0"
# An upper-case place (optionally ", Region" and an agency in brackets) then a dash, at a paragraph start.
DATELINE = re.compile(
    r"(?m)^(?P<place>[A-Z][A-Z .'-]{2,40}?)(?:, (?P<region>[A-Z][A-Za-z .]{1,30}))?"
    r"(?: \((?P<agency>[A-Za-z]{2,12})\))? ?[–—-] "
)


def extract(article: ArticleText) -> list:
    """The first dateline of the article, if it has one."""
    m = DATELINE.search(article.body)
    if m is None:
        return []
    return [
        make_assertion(
            article, extractor=NAME, extractor_version=VERSION, kind="dateline",
            start=m.start("place"), end=m.end("place"),
            data={"place": m.group("place").title(), "region": m.group("region"), "agency": m.group("agency")},
        )
    ]


def build() -> Extractor:
    return Extractor(name=NAME, version=VERSION, extract=extract, kinds=("dateline",),
                     description="The dateline that opens a story")


@hookimpl
def register_extractors(register):  # noqa: ANN001
    """Register the datelines extractor."""
    register(build())


@hookimpl
def register_projections(register):  # noqa: ANN001
    """Register the datelines view (fed by the extractor's runs)."""
    from newsledger_datelines.view import DatelinesView

    register(DatelinesView())


@hookimpl
def register_routes(register):  # noqa: ANN001
    """Register GET /datelines."""
    from newsledger_datelines.routes import list_datelines

    register(list_datelines)
