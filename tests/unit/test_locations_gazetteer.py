"""Unit tests of the compiled gazetteer: cache location and key, GeoNames content."""

from __future__ import annotations

from newsledger.plugins.locations import gazetteer
from newsledger.plugins.locations.normalise import norm_key, norm_text


def test_cache_dir_follows_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("NEWSLEDGER_CACHE_DIR", str(tmp_path))
    assert gazetteer.cache_dir() == tmp_path


def test_cache_key_is_stable():
    assert gazetteer.cache_key() == gazetteer.cache_key()


def test_admin1_regions_and_alternate_names_are_indexed():
    gaz = gazetteer.load()
    regions = [p for p in gaz.candidates("kharkiv oblast") if p.feature == "region"]
    assert regions and regions[0].geonames_id == 706482 and regions[0].lat is not None
    assert {p.geonames_id for p in gaz.candidates("izioum")} == {707292}


def test_norm_text_maps_offsets_back():
    norm, offs = norm_text("São Paulo’s mayor")
    assert norm.startswith("sao paulo's") and offs is None  # one-to-one folding keeps offsets
    text = "Straße to Kyiv"  # ß folds to two letters: offsets map back explicitly
    norm, offs = norm_text(text)
    assert norm == "strasse to kyiv"
    assert offs is not None and text[offs[norm.index("kyiv")] :].startswith("Kyiv")
    assert norm_key("  Kyïv  ") == "kyiv"
