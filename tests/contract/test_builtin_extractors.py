"""Every built-in extractor, obtained through the plugin manager, passes the contract test-kit."""

from __future__ import annotations

from functools import cache

from newsledger.plugins.manager import build_plugins
from newsledger.plugins.testing import ExtractorContract


@cache
def built() -> dict:
    """The built-ins as the plugin manager registers them (built once, when a test first asks)."""
    return {e.name: e for e in build_plugins("numbers,quotes,locations", entry_points_enabled=False).extractors()}


class TestNumbersContract(ExtractorContract):
    extractor = property(lambda self: built()["numbers"])


class TestQuotesContract(ExtractorContract):
    extractor = property(lambda self: built()["quotes"])


class TestLocationsContract(ExtractorContract):
    extractor = property(lambda self: built()["locations"])


def test_the_three_built_ins_register_through_the_plugin_manager():
    assert set(built()) == {"numbers", "quotes", "locations"}
    assert {e.plugin for e in built().values()} == {"numbers", "quotes", "locations"}
