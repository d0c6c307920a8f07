"""Streets, buildings and other named facilities: "Royal Street", "Manila Cathedral", "Guma LGA".

No gazetteer installed here lists streets or buildings, so they are recognised by form: one to
four capitalised words (or ordinals, "14th") followed by a head noun of the ``FACILITY_HEADS``
vocabulary. They are located only where the text locates them: a place named inside them
("Manila" in "Manila Cathedral") or in the same phrase ("Downing Street in London", "London's
Trafalgar Square", "the Dnipro River near Kherson"). Otherwise they are reported with no
coordinates, country or GeoNames id: a city named elsewhere in the article says nothing about
where a street is, and guessing it put Downing Street in Brussels.
"""

from __future__ import annotations

import re

from newsledger.plugins.locations.gazetteer import Gazetteer, Place
from newsledger.plugins.locations.matcher import Mention, _given_word, in_title
from newsledger.plugins.locations.normalise import norm_key
from newsledger.plugins.locations.vocabulary import FACILITY_HEADS, FUNCTION_WORDS, MEDIA_HEADS, TITLES

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))"
_HEADS = "|".join(sorted((re.escape(h) for h in FACILITY_HEADS), key=len, reverse=True))
_FACILITY = re.compile(rf"(?<![\w'’.-])((?:{_NAME_WORD}[ \t]+){{1,4}})({_HEADS})(?![\w'’-])")
_NEXT_CAP = re.compile(r"^[ \t]+([A-Z][\w'’.-]*)")
# Between a facility and the place that locates it: "Downing Street in London", "X, Kent", "the
# Dnipro River near Kherson", "Y on the outskirts of Z" is not covered (too loose).
_ANCHOR_AFTER = re.compile(
    r"^(?:,|[ \t]+(?:in|near|at|outside|of|off)|,[ \t]+(?:in|near|outside))[ \t]+"
    r"(?:(?:the|central|north|south|east|west|northern|southern|eastern|western|downtown)[ \t]+){0,2}$"
)
# Between the place and the facility it locates: "London's Trafalgar Square", "Kherson's Antonivskyi Bridge".
_ANCHOR_BEFORE = re.compile(r"^['’]s[ \t]+(?:(?:famous|main|central|historic|old)[ \t]+)?$")
# Heads that are also surnames: a given name before them is a person ("Nathan Lane", "Thomas Haden
# Church") unless the text sets the name as a place ("on Nathan Lane", "at John Knox Church").
_SURNAME_HEADS = frozenset({"Lane", "Church", "Park", "Temple", "Chapel", "Castle", "Forest", "Bridges"})
# A work's title, not a place: "her book Small Island", "Small Island, Levy's fourth novel".
_WORKS = r"(?:book|novel|film|movie|album|single|song|play|musical|opera|series|show|sitcom|drama|documentary)"
_WORK_BEFORE = re.compile(rf"\b{_WORKS}[ \t]+$")
_WORK_AFTER = re.compile(rf"^,[ \t]+(?:the|an?|[A-Z][\w'’-]*['’]s)[ \t]+(?:[a-z]+[ \t]+)?{_WORKS}\b")
_PLACE_CUE = re.compile(r"(?:^|[^\w])(?:in|on|at|along|off|near|into|from|to|the|of)[ \t]+$")


def _trim(words: list[str]) -> int:
    """How many leading words are not part of the name ("The", "In", "Mr")."""
    n = 0
    for w in words:
        if w.lower() in FUNCTION_WORDS or w.rstrip(".") in TITLES:
            n += 1
        else:
            break
    return n


def _sentence_end(word: str) -> bool:
    """True for a word closing a sentence ("Thursday.", "Brolin."), not an initial or an
    abbreviation ("J.", "St.", "U.S.")."""
    if not word.endswith("."):
        return False
    core = word[:-1]
    return len(core) > 2 and "." not in core and core not in TITLES and core.isalpha()


def _person(text: str, start: int, words: list[str], head: str, gaz: Gazetteer | None) -> bool:
    """True for "<given name> [<surname>] <surname-like head>": a person, not a place."""
    if gaz is None or head not in _SURNAME_HEADS or not 1 <= len(words) <= 2:
        return False
    if not _given_word(words[0], gaz) or not all(w.isalpha() and w.istitle() for w in words):
        return False
    return not _PLACE_CUE.search(text[max(0, start - 12) : start])


def facility_spans(text: str, gaz: Gazetteer | None = None) -> list[tuple[int, int]]:
    """Spans of "<Capitalised words> <head noun>" names, in document order.

    A name never runs across a sentence end ("Thursday. Market"), and with ``gaz`` (for its given
    names) a first name before a surname-like head is a person ("Nathan Lane")."""
    out = []
    works: set[str] = set()
    for mt in _FACILITY.finditer(text):
        words = mt.group(1).split()
        ends = [i for i, w in enumerate(words) if _sentence_end(w)]
        skip = ends[-1] + 1 if ends else 0
        skip += _trim(words[skip:])
        if skip == len(words):
            continue
        nxt = _NEXT_CAP.match(text[mt.end() : mt.end() + 30])
        if nxt and nxt.group(1) in MEDIA_HEADS:
            continue  # "Wall Street Journal"
        start = mt.start()
        for w in words[:skip]:
            start = text.index(w, start) + len(w)
        while text[start] in " \t":
            start += 1
        if in_title(text, start, mt.end()):
            continue  # "How Green Was My Valley": a film's title, not a valley
        if _person(text, start, words[skip:], mt.group(2), gaz):
            continue
        if _WORK_BEFORE.search(text[max(0, start - 20) : start]) or _WORK_AFTER.match(text[mt.end() : mt.end() + 60]):
            works.add(" ".join(text[start : mt.end()].split()))
            continue
        out.append((start, mt.end()))
    return [(s, e) for s, e in out if " ".join(text[s:e].split()) not in works]


def _phrase_anchor(text: str, s: int, e: int, resolved: list[tuple[Mention, Place]]) -> Place | None:
    """The place that locates the facility ``text[s:e]`` in the same phrase, if one does."""
    for m, p in resolved:
        if p.lat is None:
            continue
        if e <= m.start <= e + 40 and _ANCHOR_AFTER.match(text[e : m.start]):
            return p
        if s - 30 <= m.end <= s and _ANCHOR_BEFORE.match(text[m.end : s]):
            return p
    return None


def add_facilities(
    text: str, resolved: list[tuple[Mention, Place]], gaz: Gazetteer | None = None
) -> list[tuple[Mention, Place]]:
    """``resolved`` with facility names added; a place named inside a facility becomes the facility."""
    spans = facility_spans(text, gaz)
    if not spans:
        return resolved
    out: list[tuple[Mention, Place]] = []
    covered: set[int] = set()
    for s, e in spans:
        inner = [(i, p) for i, (m, p) in enumerate(resolved) if s <= m.start and m.end <= e]
        if any(resolved[i][0].start == s and resolved[i][0].end == e for i, _ in inner):
            continue  # the gazetteer knows the whole name ("Orange County"): keep its reading
        if inner:
            anchor: Place | None = inner[0][1]
            covered.update(i for i, _ in inner)
        else:
            anchor = _phrase_anchor(text, s, e, resolved)
        surface = " ".join(text[s:e].split())
        if anchor is None:
            place = Place(None, surface, None, None, None, "other", 0)
        else:
            place = Place(None, surface, anchor.lat, anchor.lon, anchor.country, "other", 0)
        out.append((Mention(s, e, norm_key(surface)), place))
    taken = [(m.start, m.end) for m, _ in out]
    for i, (m, p) in enumerate(resolved):
        if i in covered or any(a < m.end and m.start < b for a, b in taken):
            continue
        out.append((m, p))
    return sorted(out, key=lambda r: r[0].start)
