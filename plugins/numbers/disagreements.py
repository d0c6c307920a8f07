"""Group quantities into figures and flag disagreements between articles.

A figure is every quantity of one dimension and subject within one scope (the article's main
country: a stand-in for "articles about one event"). Each value becomes an interval from its hedge
('more than 6,000' is [6000, inf), 'around 2,000' is [1800, 2200], 'hundreds of' is [100, 1000));
two articles disagree when their intervals do not meet even after widening each by ``TOLERANCE``.

Numbers an order of magnitude or more apart are not a disagreement but two different things the
words around them failed to tell apart ('two people were killed' in a crash, 'flu killed 12,000'):
such a pair is never flagged, and a figure whose firm values span ``MAX_SPREAD`` or more mixes
unrelated numbers and is not flagged at all.

Two sources disagree only when they report the same quantity of the same story. The scope and the
subject cannot tell stories apart (a film division's profit, a drug maker's and a telecom's are all
'profit' in the US), so the articles' names decide: two articles tell one story when the rarer names
they share (people, organisations, places resolved to one id across spellings) make up at least
``STORY_OVERLAP`` of the names of the article that writes fewer, and they share ``STORY_NAMES`` or
more. Values of one dimension and subject from articles of different stories are different figures;
within a figure, only values of articles that tell one story are compared.
"""

from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations
from typing import Any

from newsledger.plugins.numbers.entities import time_series
from newsledger.plugins.numbers.figures import figure_id

TOLERANCE = 0.05  # each side widened by 5%: points further than ~10% apart disagree
MAX_RATIO = 10.0  # two values this far apart are about different things, not in disagreement
MAX_SPREAD = 1000.0  # a figure spanning three orders of magnitude mixes unrelated numbers
STORY_OVERLAP = 0.2  # weighted share of names two articles of one story have in common (seeds: 0.26 and up;
#                      unrelated BBC stories sharing 'US' or 'UK': under 0.1)
STORY_NAMES = 2  # one shared name ('Pakistan', 'Labour') is a topic, not a story

LOWER_BOUNDS = ("more than", "over", "at least", "above", "upwards of", "in excess of", "more then", "beyond")
UPPER_BOUNDS = ("less than", "under", "up to", "fewer than", "below", "at most", "no more than")
NEAR_BELOW = ("nearly", "almost", "close to", "just under", "approaching")
APPROXIMATE = ("about", "around", "roughly", "some", "approximately", "an estimated", "estimated", "circa",
               "approx", "nearly", "almost")
VAGUE = ("hundreds", "thousands", "tens", "dozens", "millions", "billions", "several", "many", "scores")


def interval(base: float, modifier: str | None, approximate: bool) -> tuple[float, float]:
    """The range of values a hedged quantity allows."""
    m = (modifier or "").lower().strip()
    if vague(m):  # 'hundreds of' is valued at its base: up to ten times it
        return base, base * 10
    if m in LOWER_BOUNDS:
        return base, math.inf
    if m in UPPER_BOUNDS:
        return 0.0, base
    if m in NEAR_BELOW:
        return base * 0.9, base
    if m in APPROXIMATE or approximate:
        return base * 0.9, base * 1.1
    return base, base


def _meet(a: tuple[float, float], b: tuple[float, float]) -> bool:
    lo_a, hi_a = a[0] * (1 - TOLERANCE), a[1] * (1 + TOLERANCE)
    lo_b, hi_b = b[0] * (1 - TOLERANCE), b[1] * (1 + TOLERANCE)
    return lo_a <= hi_b and lo_b <= hi_a


def vague(modifier: str | None) -> bool:
    """'hundreds of', 'several thousand': an order of magnitude, not a figure anyone gives."""
    return (modifier or "").lower().split(" ")[0] in VAGUE


def same_story(a: dict[str, float] | None, b: dict[str, float] | None) -> bool:
    """Do two articles, given their names weighted by rarity, tell one story?

    Values built without stories (``None``) are taken as one story.
    """
    if a is None or b is None:
        return True
    shared = a.keys() & b.keys()
    if len(shared) < STORY_NAMES:
        return False
    smaller = min(sum(a.values()), sum(b.values()))
    return sum(a[n] for n in shared) >= STORY_OVERLAP * smaller


def _stories(members: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Split values into the stories of their articles: articles linked by ``same_story``, in log order."""
    articles: dict[str, dict[str, float] | None] = {}
    for m in members:
        articles.setdefault(m["article_id"], m.get("story"))
    root = {a: a for a in articles}

    def find(a: str) -> str:
        while root[a] != a:
            root[a] = root[root[a]]
            a = root[a]
        return a

    order = {a: k for k, a in enumerate(articles)}
    for a, b in combinations(articles, 2):  # each pair once, in log order
        if find(a) != find(b) and same_story(articles[a], articles[b]):
            first, then = sorted((find(a), find(b)), key=order.__getitem__)
            root[then] = first  # a story is named by its first article
    out: dict[str, list[dict[str, Any]]] = {}
    for m in members:
        out.setdefault(find(m["article_id"]), []).append(m)
    return list(out.values())


def disagreeing_pairs(values: list[dict[str, Any]], series: bool = False) -> list[tuple[int, int]]:
    """Index pairs of values from different articles of one story whose intervals do not meet (vague ones
    left out).

    ``series``: the values are of a price or rate, which only values of one named period contradict.
    """
    spans = [interval(v["base_value"], v["modifier"], bool(v["approximate"])) for v in values]
    ok = [not vague(v["modifier"]) for v in values]
    by_article: dict[str, list[int]] = defaultdict(list)
    for k, v in enumerate(values):
        if ok[k]:
            by_article[v["article_id"]].append(k)
    out = []
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if not (ok[i] and ok[j]) or values[i]["article_id"] == values[j]["article_id"]:
                continue
            if not same_story(values[i].get("story"), values[j].get("story")):
                continue  # two stories of one kind ('profit' in the US) do not contradict each other
            if series and not (values[i].get("period") and values[i].get("period") == values[j].get("period")):
                continue  # a price or rate moves: values of different (or unknown) periods do not contradict
            a, b = sorted((values[i]["base_value"], values[j]["base_value"]))
            if _meet(spans[i], spans[j]) or a <= 0 or b / a >= MAX_RATIO:
                continue
            if any(_meet(spans[k], spans[j]) for k in by_article[values[i]["article_id"]]) or any(
                    _meet(spans[k], spans[i]) for k in by_article[values[j]["article_id"]]):
                continue  # each article also gives the other's value ('from £20m to £15m'): two things, one account
            out.append((i, j))
    return out


def group(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures from value rows: dimension + subject + scope + story, with their values and disagreement."""
    by_key: dict[tuple[str, str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for v in values:
        if v["subject"]:  # a quantity of nothing in particular cannot be compared with another
            by_key[(v["dimension"], v["subject"], v["scope"])].append(v)
    figures = []
    for (dim, subj, scope), same_key in by_key.items():
        for members in _stories(same_key):
            figures.append(_figure(dim, subj, scope, members))
    return figures


def _figure(dim: str, subj: str, scope: str | None, members: list[dict[str, Any]]) -> dict[str, Any]:
    """One figure: the values of one dimension, subject, scope and story."""
    # spread and range over the figures given; vague amounts only when nothing else is
    firm = [m["base_value"] for m in members if not vague(m["modifier"])]
    points = [b for b in (firm or [m["base_value"] for m in members]) if b > 0] or [0.0]
    mixed = min(points) > 0 and max(points) / min(points) >= MAX_SPREAD
    pairs = [] if mixed else disagreeing_pairs(members, series=time_series(subj))
    return {
        "id": figure_id(dim, subj, scope, members[0]["article_id"]), "dimension": dim, "subject": subj,
        "scope": scope,
        "values": members, "articles": len({m["article_id"] for m in members}),
        "outlets": sorted({m["outlet"] for m in members if m["outlet"]}),
        "disagreement": bool(pairs),
        "disagreeing": sorted({members[k]["assertion_id"] for p in pairs for k in p}),
        "spread": (max(points) / min(points)) if min(points) > 0 else 1.0,
        "min": min(points), "max": max(points),
        "first_seq": members[0]["seq"],
    }
