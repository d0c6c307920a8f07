"""Choosing one GeoNames place per mention, and recovering misspelt names by fuzzy matching.

Candidates are scored by size (log population), kind (countries and capitals first), the
article's country context (countries of places already resolved with confidence) and distance to
the other resolved places. Small places survive only with some support: their country is in the
context, a locative preposition precedes them, or another place of theirs is close by.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from functools import lru_cache

from newsledger.plugins.locations.gazetteer import Gazetteer, Place
from newsledger.plugins.locations.matcher import Mention
from newsledger.plugins.locations.normalise import norm_key
from newsledger.plugins.locations.sources import FREQUENT_ZIPF, haversine_km
from newsledger.plugins.locations.vocabulary import FUNCTION_WORDS, TITLES, _words
from rapidfuzz import fuzz, process

STRONG_POP = 100_000
UNIQUE_POP = 20_000  # a town this big whose name means nothing else needs no other support
ANCHOR_MARGIN = 1.0  # a reading this close to one in another country is ambiguous
FUZZY_CUTOFF = 88.0
_CAP_TOKEN = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:['’-][A-Za-z]+)?(?![\w'’-])")
_FUZZY_CUES = _words("in of near at from to into around outside towards toward is and via through")


def _candidates(m: Mention, gaz: Gazetteer) -> list[tuple[Place, bool]]:
    if m.region_only:
        return [(gaz.place(i), False) for i in gaz.region_names.get(m.key, ())]
    return gaz.readings(m.key)


def _prior(p: Place, m: Mention, gaz: Gazetteer, alt: bool = False) -> float:
    score = math.log10(p.population + 10)
    if alt:
        score -= 1.5  # "Salisbury" is a town of that name before it is Harare's colonial name
    if p.feature in ("country", "continent"):
        score += 3.0
    elif p.feature == "region":
        # A region reached through its short form ("Kharkiv") yields to the city of that name.
        score += 1.5 if norm_key(p.name) == m.key or m.region_only else -1.0
    if p.capital and not alt:
        score += 2.5  # not for an old or foreign name: "Salisbury" is not Harare in today's news
    if p.geonames_id is None or p.feature == "other":
        score += 3.0  # authored regions (Donbas, Middle East) are the usual sense of those names
    if p.feature == "other" and "locative" not in m.cues:
        # A named landmark is what "the White House" means; the town of that name is what "in
        # White House, Tenn." means.
        score += 2.0
    return score


def resolve(
    text: str, mentions: list[Mention], gaz: Gazetteer, home: str | None = None
) -> list[tuple[Mention, Place]]:
    """Pick a place for each mention; drop mentions that stay unsupported.

    ``home`` (the outlet's country) counts as one more place of that country when choosing
    between readings, but does not by itself make a small place a place (it is not ``context``).
    """
    cands = [_candidates(m, gaz) for m in mentions]
    # Pass 1: confident anchors give the article's country context.
    context: Counter[str] = Counter()
    own: defaultdict[str, Counter[str]] = defaultdict(Counter)  # what ambiguous names gave it
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)  # what each name gave it
    anchors: list[tuple[Place, str]] = []  # (place, the name that gave it)
    for m, cs in zip(mentions, cands, strict=True):
        if not cs:
            continue
        scored = sorted(((_prior(p, m, gaz, alt), p) for p, alt in cs), key=lambda t: t[0], reverse=True)
        top, best = scored[0]
        if best.feature == "country" or best.population >= STRONG_POP:
            if best.country:
                vote = 2 if best.feature == "country" else 1
                context[best.country] += vote
                votes[m.key][best.country] += vote
                rival = next((s for s, p in scored[1:] if p.country != best.country), None)
                if rival is not None and (top - rival < ANCHOR_MARGIN or (home and _rival_home(scored, home))):
                    own[m.key][best.country] += vote
            if best.feature in ("city", "region") and best.lat is not None and all(a != best for a, _ in anchors):
                anchors.append((best, m.key))
    # Pass 2: context- and distance-aware choice.
    base = context.copy()
    if home:
        base[home] += 1
    out: list[tuple[Mention, Place]] = []
    for m, cs in zip(mentions, cands, strict=True):
        if not cs:
            continue
        # An ambiguous name does not vote for its own reading: "Newcastle" (AU by size, GB close
        # behind) is no evidence that "Newcastle" is in Australia; the rest of the article (or
        # the outlet) decides. A clear reading ("Los Angeles") keeps its own vote.
        weights = base - own[m.key] if m.key in own else base
        if home and any(p.country == home for p, _ in cs):
            # The outlet's country weighs as much as any other country the rest of the article
            # names: "US" in a BBC story about Manchester United does not move Manchester to New
            # Hampshire. A nearby place (distance below) still does ("Manchester, New Hampshire").
            rest = context - votes[m.key]
            top_other = max((n for cc, n in rest.items() if cc != home), default=0)
            if weights[home] < top_other:
                weights = weights.copy()
                weights[home] = top_other
        best, best_score = None, -1e9
        for p, alt in cs:
            s = _prior(p, m, gaz, alt)
            if p.country and weights.get(p.country):
                s += 2.0 + min(weights[p.country], 4) * 0.5
            if p.lat is not None and p.feature == "city":
                # A name does not vouch for another reading of itself: Salé the region is no
                # evidence for Salé the town (it is the same word, not a second place).
                near = min(
                    (haversine_km(p.lat, p.lon, a.lat, a.lon) for a, key in anchors
                     if a is not p and (key != m.key or a == p)),
                    default=1e9,
                )
                s += 1.5 if near < 150 else 0.75 if near < 400 else 0.0
            if s > best_score:
                best, best_score = p, s
        if best is None or not _supported(best, m, context, gaz, _only_reading(best, cs)):
            continue
        out.append((m, best))
    return out


def _rival_home(scored: list[tuple[float, Place]], home: str) -> bool:
    """True when one of a name's readings lies in the outlet's country ("Sale" for the BBC): the
    name's own top reading (Salé, Morocco) is then no evidence of its country."""
    return any(p.country == home for _, p in scored[1:]) and scored[0][1].country != home


def _only_reading(best: Place, cs: list[tuple[Place, bool]]) -> bool:
    """True when ``best`` is the name's only reading, or a town whose other readings are all its
    own admin-1 region ("Kherson": the city, and Kherson Oblast around it)."""
    if len(cs) == 1:
        return True
    if best.feature != "city" or not best.admin1:
        return False
    return all(
        p == best or (p.feature == "region" and p.country == best.country and p.admin1 == best.admin1)
        for p, _ in cs
    )


def _supported(p: Place, m: Mention, context: Counter[str], gaz: Gazetteer, unique: bool = False) -> bool:
    if p.feature in ("country", "continent") or p.population >= STRONG_POP or m.region_only:
        return True
    if unique and p.population >= UNIQUE_POP and not _other_sense(m, gaz):
        return True  # "Izium": the one town of that name, a name of nothing (or no one) else
    if p.geonames_id is None or p.feature == "other":
        return True  # authored regions are chosen names, not accidents of a word list
    in_context = bool(p.country and context.get(p.country))
    if m.key in gaz.name_words:
        # "Paul", "Christmas", "Elon": a word of the dictionary's proper names; small places of
        # that name need both the country context and a locative preposition.
        return in_context and "locative" in m.cues
    return in_context or "locative" in m.cues


def _other_sense(m: Mention, gaz: Gazetteer) -> bool:
    """True when a name may well mean something else than its town: a dictionary word or first
    name, a frequent word or name ("Obama", "Rubio"), a short name or acronym ("OAS", "Oro")."""
    k = m.key
    return len(k) <= 4 or k in gaz.name_words or k in gaz.first_names or k in gaz.frequent_words


def fuzzy_mentions(text: str, taken: list[tuple[int, int]], context: Counter[str], gaz: Gazetteer) -> list[Mention]:
    """Capitalised words not in the gazetteer that closely match a town of a context country.

    Only tokens after a locative cue ("in", "of", "near", ...) are tried, against towns of the
    article's two leading countries sharing the first letter: misspellings and transliterations
    (Izyium, Banakliia) without turning surnames into towns.
    """
    countries = tuple(cc for cc, _ in context.most_common(2))
    if not countries:
        return []
    out: list[Mention] = []
    for tok in _CAP_TOKEN.finditer(text):
        s, e = tok.span()
        word = tok.group(0)
        if len(word) < 5 or any(a < e and s < b for a, b in taken):
            continue
        low = word.lower()
        if low in gaz.common_words or low in FUNCTION_WORDS or word in TITLES:
            continue
        prev = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, s - 20) : s])
        if not prev or prev.group(1).lower() not in _FUZZY_CUES:
            continue
        key = _fuzzy_key(norm_key(word), countries, gaz)
        if key is not None:
            out.append(Mention(s, e, key, fuzzy=True, cues={"locative"}))
    return out


@lru_cache(maxsize=8192)
def _fuzzy_key_cached(word: str, countries: tuple[str, ...], gaz_id: int) -> str | None:
    gaz = _GAZ_BY_ID[gaz_id]
    best: tuple[float, str] | None = None
    for cc in countries:
        pool = gaz.fuzzy_pool.get(cc, {}).get(word[0], ())
        pool = [k for k in pool if abs(len(k) - len(word)) <= 2]
        hit = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if hit and (best is None or hit[1] > best[0]):
            best = (hit[1], hit[0])
    return best[1] if best else None


_GAZ_BY_ID: dict[int, Gazetteer] = {}


@lru_cache(maxsize=8192)
def _frequent(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded on the first fuzzy candidate only

    return zipf_frequency(word, "en") >= FREQUENT_ZIPF


def _fuzzy_key(word: str, countries: tuple[str, ...], gaz: Gazetteer) -> str | None:
    if word in gaz.names or _frequent(word):
        return None  # a frequent word or name ("Google") is not a misspelt town ("Goole")
    _GAZ_BY_ID[id(gaz)] = gaz
    return _fuzzy_key_cached(word, countries, id(gaz))
