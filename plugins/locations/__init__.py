"""Built-in plugin: the locations extractor (and its cross-source projection)."""

from __future__ import annotations

from newsledger.plugins.hookspecs import hookimpl


@hookimpl
def register_extractors(register):  # noqa: ANN001 - pluggy passes the callback
    """Register the locations extractor."""
    from newsledger.plugins.locations.extractor import build

    register(build())


@hookimpl
def register_projections(register):  # noqa: ANN001 - pluggy passes the callback
    """Register the places view (one place, every spelling, every article)."""
    from newsledger.plugins.locations.places import PlacesView

    register(PlacesView())


@hookimpl
def register_routes(register):  # noqa: ANN001 - pluggy passes the callback
    """Register /places."""
    from newsledger.plugins.locations.routes import PlacesController

    register(PlacesController)
