"""Built-in plugin: the quotes extractor (and its cross-source projection)."""

from __future__ import annotations

from newsledger.plugins.hookspecs import hookimpl


@hookimpl
def register_extractors(register):  # noqa: ANN001 - pluggy passes the callback
    """Register the quotes extractor."""
    from newsledger.plugins.quotes.extractor import build

    register(build())


@hookimpl
def register_projections(register):  # noqa: ANN001 - pluggy passes the callback
    """Register the quotes view behind /speakers and /quotes/clusters."""
    from newsledger.plugins.quotes.clusters import QuotesView

    register(QuotesView())


@hookimpl
def register_routes(register):  # noqa: ANN001 - pluggy passes the callback
    """Register /speakers and /quotes/clusters."""
    from newsledger.plugins.quotes.routes import QuoteClustersController, SpeakersController

    register(SpeakersController)
    register(QuoteClustersController)
