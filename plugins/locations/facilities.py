"""Streets, buildings and other named facilities: "Royal Street", "Manila Cathedral", "Guma LGA".

No gazetteer installed here lists streets or buildings, so they are recognised by form: one to
four capitalised words (or ordinals, "14th") followed by a head noun of the ``FACILITY_HEADS``
vocabulary. They are located where the text locates them: a place named inside them ("Manila"
in "Manila Cathedral") or else the nearest city the article names. Without either they are left
out rather than reported with no coordinates.
"""

from __future__ import annotations

import re

from newsledger.plugins.locations.gazetteer import Place
from newsledger.plugins.locations.matcher import Mention, in_title
from newsledger.plugins.locations.normalise import norm_key
from newsledger.plugins.locations.vocabulary import FACILITY_HEADS, FUNCTION_WORDS, MEDIA_HEADS, TITLES

_NAME_WORD = r"(?:[A-Z][\w'’.-]*|\d+(?:st|nd|rd|th))"
_HEADS = "|".join(sorted((re.escape(h) for h in FACILITY_HEADS), key=len, reverse=True))
_FACILITY = re.compile(rf"(?<![\w'’.-])((?:{_NAME_WORD}[ \t]+){{1,4}})({_HEADS})(?![\w'’-])")
_NEXT_CAP = re.compile(r"^[ \t]+([A-Z][\w'’.-]*)")
_MAX_ANCHOR_CHARS = 3000  # a city named further away than this says little about the street


def _trim(words: list[str]) -> int:
    """How many leading words are not part of the name ("The", "In", "Mr")."""
    n = 0
    for w in words:
        if w.lower() in FUNCTION_WORDS or w.rstrip(".") in TITLES:
            n += 1
        else:
            break
    return n


def facility_spans(text: str) -> list[tuple[int, int]]:
    """Spans of "<Capitalised words> <head noun>" names, in document order."""
    out = []
    for mt in _FACILITY.finditer(text):
        words = mt.group(1).split()
        skip = _trim(words)
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
        out.append((start, mt.end()))
    return out


def add_facilities(text: str, resolved: list[tuple[Mention, Place]]) -> list[tuple[Mention, Place]]:
    """``resolved`` with facility names added; a place named inside a facility becomes the facility."""
    spans = facility_spans(text)
    if not spans:
        return resolved
    cities = [(m.start, p) for m, p in resolved if p.feature == "city" and p.lat is not None]
    out: list[tuple[Mention, Place]] = []
    covered: set[int] = set()
    for s, e in spans:
        inner = [(i, p) for i, (m, p) in enumerate(resolved) if s <= m.start and m.end <= e]
        if any(resolved[i][0].start == s and resolved[i][0].end == e for i, _ in inner):
            continue  # the gazetteer knows the whole name ("Orange County"): keep its reading
        if inner:
            anchor = inner[0][1]
            covered.update(i for i, _ in inner)
        else:
            near = min(cities, key=lambda c: abs(c[0] - s), default=None)
            if near is None or abs(near[0] - s) > _MAX_ANCHOR_CHARS:
                continue
            anchor = near[1]
        surface = " ".join(text[s:e].split())
        place = Place(None, surface, anchor.lat, anchor.lon, anchor.country, "other", 0)
        out.append((Mention(s, e, norm_key(surface)), place))
    taken = [(m.start, m.end) for m, _ in out]
    for i, (m, p) in enumerate(resolved):
        if i in covered or any(a < m.end and m.start < b for a, b in taken):
            continue
        out.append((m, p))
    return sorted(out, key=lambda r: r[0].start)
