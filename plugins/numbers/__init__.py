"""Built-in plugin: the numbers extractor (and its cross-source projection)."""

from __future__ import annotations

from newsledger.plugins.hookspecs import hookimpl


@hookimpl
def register_extractors(register):  # noqa: ANN001 - pluggy passes the callback
    """Register the numbers extractor."""
    from newsledger.plugins.numbers.extractor import build

    register(build())


@hookimpl
def register_projections(register):  # noqa: ANN001 - pluggy passes the callback
    """Register the figures view (quantities of one dimension and subject across articles)."""
    from newsledger.plugins.numbers.figures import FiguresView

    register(FiguresView())


@hookimpl
def register_routes(register):  # noqa: ANN001 - pluggy passes the callback
    """Register /figures."""
    from newsledger.plugins.numbers.routes import FiguresController

    register(FiguresController)
