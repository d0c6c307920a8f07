"""Plugins: the pluggy hook specifications, the plugin manager and the built-in extractors."""

from newsledger.plugins.hookspecs import hookimpl, hookspec

__all__ = ["hookimpl", "hookspec"]
