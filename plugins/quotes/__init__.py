"""Built-in plugin: the quotes extractor (and its cross-source projection)."""

from __future__ import annotations

from newsledger.plugins.hookspecs import hookimpl


@hookimpl
def register_extractors(register):  # noqa: ANN001 - pluggy passes the callback
    """Register the quotes extractor."""
    from newsledger.plugins.quotes.extractor import build

    register(build())
