"""Every built-in extractor, obtained through the plugin manager, passes the contract test-kit."""

from __future__ import annotations

from newsledger.plugins.manager import build_plugins
from newsledger.plugins.testing import ExtractorContract

_BUILT = {e.name: e for e in build_plugins("numbers,quotes,locations", entry_points_enabled=False).extractors()}


class TestNumbersContract(ExtractorContract):
    extractor = _BUILT["numbers"]


class TestQuotesContract(ExtractorContract):
    extractor = _BUILT["quotes"]


class TestLocationsContract(ExtractorContract):
    extractor = _BUILT["locations"]


def test_the_three_built_ins_register_through_the_plugin_manager():
    assert set(_BUILT) == {"numbers", "quotes", "locations"}
    assert {e.plugin for e in _BUILT.values()} == {"numbers", "quotes", "locations"}
