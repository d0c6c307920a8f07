"""Built-in plugin: the numbers extractor (and its cross-source projection)."""

from __future__ import annotations

from newsledger.plugins.hookspecs import hookimpl


@hookimpl
def register_extractors(register):  # noqa: ANN001 - pluggy passes the callback
    """Register the numbers extractor."""
    from newsledger.plugins.numbers.extractor import build

    register(build())
