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


_THE_BEFORE = re.compile(r"\bthe[ \t]+$")
BIG_CITY_POP = 1_000_000
HOME_ONLY_POP = 10_000  # below this, a town abroad needs its country named for an outlet with a home
NAMESAKE_RATIO = 100  # a namesake this many times smaller than a big city abroad is not what a bare name means


def _candidates(m: Mention, gaz: Gazetteer, text: str = "") -> list[tuple[Place, bool]]:
    if m.region_only:
        return [(gaz.place(i), False) for i in gaz.region_names.get(m.key, ())]
    readings = gaz.readings(m.key)
    surface = text[m.start : m.end]
    if surface and surface.replace(".", "").isupper() and len(surface.replace(".", "")) <= 4:
        # Capitals are an acronym's: "EU" is the union whenever some place is written "EU", not the
        # French town Eu; otherwise only a place's own name counts ("ROME, Italy" in a dateline),
        # never an alternate spelling in lower case ("UKA" is UK Athletics, not "Uka" for Utah).
        written = set(gaz.acronyms.get(m.key, ()))
        if written:
            return [(p, alt) for p, alt in readings if _index_of(gaz, m.key, p) in written]
        return [(p, alt) for p, alt in readings if not alt and norm_key(p.name) == m.key]
    if len(readings) > 1 and _state_context(text, m):
        # "Bronx, New York", "New York Gov. Andrew Cuomo", "the New York border", "Missouri, New
        # York, North Carolina": the text says state, so the admin-1 region beats its city.
        states = [(p, alt) for p, alt in readings if p.feature == "region" and p.admin1]
        if states and any(p.feature == "city" for p, _ in readings) and not any(
            p.feature in ("country", "continent") for p, _ in readings
        ):
            return states
    if len(readings) > 1 and _THE_BEFORE.search(text[max(0, m.start - 8) : m.start]):
        # "the Middle East", "the EU": a town's name takes no article, so after a lower-case "the"
        # a country or an authored region wins over the village of that name (Middle East, Md.).
        wide = [(p, alt) for p, alt in readings if p.feature in ("country", "continent", "other")
                or p.authored]
        if wide:
            return wide
    return readings


_QUALIFIER_BEFORE = re.compile(r"[A-Z][\w.'’-]*,[ \t]*$")
_STATE_AFTER = re.compile(
    r"[ \t]+(?:Gov\.|Governor|governor|border|state|State|legislature|Legislature|Assembly|lawmakers)(?![\w-])"
)
_LIST_NEXT = re.compile(r",[ \t]+(?:and[ \t]+)?[A-Z]")


def _state_context(text: str, m: Mention) -> bool:
    """True where the text reads a name as a state: after "<town>, ", before "Gov."/"border"/"state"."""
    before = text[max(0, m.start - 40) : m.start]
    after = text[m.end : m.end + 16]
    if _STATE_AFTER.match(after):
        return True
    # A qualifier ("Bronx, New York"), unless the name opens a list of its own ("Paris, London, ...").
    return bool(_QUALIFIER_BEFORE.search(before)) and not _LIST_NEXT.match(after)


def _twin(p: Place, cs: list[tuple[Place, bool]]) -> bool:
    """True for a region that a town of its own name and country shares a name with."""
    return p.feature == "region" and any(
        c.feature == "city" and c.country == p.country and c.name == p.name for c, _ in cs
    )


def _index_of(gaz: Gazetteer, key: str, p: Place) -> int:
    for i in gaz.names.get(key, ()):
        j = i if i >= 0 else ~i
        if gaz.place(j) == p:
            return j
    return -1


def _prior(p: Place, m: Mention, gaz: Gazetteer, alt: bool = False, twin: bool = False) -> float:
    score = math.log10(p.population + 10)
    if alt:
        score -= 1.5  # "Salisbury" is a town of that name before it is Harare's colonial name
    if p.feature in ("country", "continent"):
        score += 3.0
    elif p.feature == "region":
        # A region reached through its short form ("Kharkiv") yields to the city of that name.
        # An admin-2 area known only by the bare name yields to a town of that name in its
        # country ("Birmingham", "Sheffield", "Chennai": the district around the city), and a
        # small one to any town ("Monte Carlo", a Brazilian municipality); "Essex" stays the county.
        own = norm_key(p.name) == m.key and (
            bool(p.admin1) or not alt or (not twin and p.population >= STRONG_POP)
        )
        score += 1.5 if own or m.region_only else -1.0
    if p.capital and not alt:
        score += 2.5  # not for an old or foreign name: "Salisbury" is not Harare in today's news
    if p.authored or p.feature == "other":
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
    cands = [_candidates(m, gaz, text) for m in mentions]
    priors = [[_prior(p, m, gaz, alt, _twin(p, cs)) for p, alt in cs] for m, cs in zip(mentions, cands, strict=True)]
    # Pass 1: confident anchors give the article's country context.
    context: Counter[str] = Counter()
    own: defaultdict[str, Counter[str]] = defaultdict(Counter)  # what ambiguous names gave it
    votes: defaultdict[str, Counter[str]] = defaultdict(Counter)  # what each name gave it
    anchors: list[tuple[Place, str]] = []  # (place, the name that gave it)
    for m, cs, pr in zip(mentions, cands, priors, strict=True):
        if not cs:
            continue
        scored = sorted(zip(pr, (p for p, _ in cs), strict=True), key=lambda t: t[0], reverse=True)
        top, best = scored[0]
        if best.feature == "country" or best.population >= STRONG_POP:
            if best.country:
                vote = 2 if best.feature == "country" else 1
                context[best.country] += vote
                votes[m.key][best.country] += vote
                rival = next((s for s, p in scored[1:] if p.country != best.country), None)
                if rival is not None and (
                    top - rival < ANCHOR_MARGIN or (home and _rival_home(scored, home)) or _rival_as_big(best, scored)
                ):
                    own[m.key][best.country] += vote
            if best.feature in ("city", "region") and best.lat is not None and all(a != best for a, _ in anchors):
                anchors.append((best, m.key))
    # Countries named by readings no rival in another country comes close to: only these vouch
    # for a small town abroad in an outlet's story ("Essex County" may be in four US states or
    # in Canada, and is no evidence that "Heathrow" is in Florida).
    firm = context.copy()
    for given in own.values():
        firm -= given
    # Pass 2: context- and distance-aware choice.
    base = context.copy()
    if home:
        base[home] += 1
    out: list[tuple[Mention, Place]] = []
    for m, cs, pr in zip(mentions, cands, priors, strict=True):
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
        for (p, _), prior in zip(cs, pr, strict=True):
            s = prior
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
        best = _big_city(best, cs, m, text)
        if best is None or not _supported(best, m, context, gaz, _only_reading(best, cs), home, firm):
            continue
        out.append((m, best))
    return out


def _rival_as_big(best: Place, scored: list[tuple[float, Place]]) -> bool:
    """True when a reading in another country is at least as populous as the top one ("Georgia":
    the country, and the US state with more people): the name alone says nothing of its country."""
    return any(p.country != best.country and p.population >= best.population for _, p in scored[1:])


def _big_city(best: Place | None, cs: list[tuple[Place, bool]], m: Mention, text: str) -> Place | None:
    """A city of a million or more over a namesake a hundred times smaller: "born in Melbourne" in
    a British story about a Welsh actress is Melbourne, Australia, not the Derbyshire village,
    unless the text qualifies the name ("Melbourne, Derbyshire", "Moscow, Idaho")."""
    if best is None or best.feature != "city":
        return best
    big = max((p for p, alt in cs if p.feature == "city" and not alt), key=lambda p: p.population, default=None)
    if big is None or big is best or big.population < BIG_CITY_POP or best.population * NAMESAKE_RATIO > big.population:
        return best
    if re.match(r"[ \t]*,[ \t]*[A-Z]", text[m.end : m.end + 4]):
        return best  # "Melbourne, Derbyshire": the qualifier chose the reading
    return big


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


def _supported(
    p: Place, m: Mention, context: Counter[str], gaz: Gazetteer, unique: bool = False, home: str | None = None,
    firm: Counter[str] | None = None,
) -> bool:
    if p.feature in ("country", "continent") or p.population >= STRONG_POP or m.region_only:
        return True
    if unique and p.population >= UNIQUE_POP and not _other_sense(m, gaz):
        return True  # "Izium": the one town of that name, a name of nothing (or no one) else
    if p.authored or p.feature == "other":
        return True  # authored regions are chosen names, not accidents of a word list
    in_context = bool(p.country and context.get(p.country))
    if home and p.population < HOME_ONLY_POP and p.country != home and not (
        firm if firm is not None else context
    ).get(p.country or ""):
        # A village abroad that nothing else in the story points to: "cash from Heathrow" in
        # the BBC is not Heathrow, Florida, whatever the preposition.
        return False
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
    out: list[Mention] = []
    countries_found: dict[str, str] = {}
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
        country = None if key is not None else _fuzzy_country(norm_key(word), gaz)
        if country is not None:
            key = country  # "in Kazahkstan": a misspelt country, anywhere
            countries_found[word] = country
        if key is not None:
            out.append(Mention(s, e, key, fuzzy=True, cues={"locative"}))
    return _repeats(text, out, countries_found, taken) if countries_found else out


_POSSESSIVE = re.compile(r"['’]s$")


def _repeats(text: str, found: list[Mention], keys: dict[str, str], taken: list[tuple[int, int]]) -> list[Mention]:
    """``found`` and every other mention of the misspelt countries in ``keys``: a misspelling once
    read as a country ("in Kazahkstan") is that country wherever it comes back ("Kazahkstan is")."""
    starts = {m.start for m in found}
    out = list(found)
    for tok in _CAP_TOKEN.finditer(text):
        s = tok.start()
        word = _POSSESSIVE.sub("", tok.group(0))
        key = keys.get(word)
        e = s + len(word)
        if key is None or s in starts or any(a < e and s < b for a, b in taken):
            continue
        out.append(Mention(s, e, key, fuzzy=True))
    return sorted(out, key=lambda m: m.start)


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


def _fuzzy_country(word: str, gaz: Gazetteer) -> str | None:
    if word in gaz.names or _frequent(word):
        return None
    pool = [k for k in gaz.country_keys if k[0] == word[0] and abs(len(k) - len(word)) <= 2]
    hit = process.extractOne(word, pool, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    # "Angolan", "Ethiopians": the country's name and an ending is its people, not a misspelling.
    return hit[0] if hit and not word.startswith(hit[0]) else None


@lru_cache(maxsize=8192)
def _frequent(word: str) -> bool:
    from wordfreq import zipf_frequency  # loaded on the first fuzzy candidate only

    return zipf_frequency(word, "en") >= FREQUENT_ZIPF


def _fuzzy_key(word: str, countries: tuple[str, ...], gaz: Gazetteer) -> str | None:
    if word in gaz.names or _frequent(word):
        return None  # a frequent word or name ("Google") is not a misspelt town ("Goole")
    _GAZ_BY_ID[id(gaz)] = gaz
    return _fuzzy_key_cached(word, countries, id(gaz))
