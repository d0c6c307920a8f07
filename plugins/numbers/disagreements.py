"""Group quantities into figures and flag disagreements between articles.

A figure is every quantity of one dimension and subject within one scope (the article's main
country: a stand-in for "articles about one event"). Each value becomes an interval from its hedge
('more than 6,000' is [6000, inf), 'around 2,000' is [1800, 2200], 'hundreds of' is [100, 1000));
two articles disagree when their intervals do not meet even after widening each by ``TOLERANCE``.

Numbers an order of magnitude or more apart are not a disagreement but two different things the
words around them failed to tell apart ('two people were killed' in a crash, 'flu killed 12,000'):
such a pair is never flagged, and a figure whose firm values span ``MAX_SPREAD`` or more mixes
unrelated numbers and is not flagged at all.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from newsledger.plugins.numbers.entities import time_series
from newsledger.plugins.numbers.figures import figure_id

TOLERANCE = 0.05  # each side widened by 5%: points further than ~10% apart disagree
MAX_RATIO = 10.0  # two values this far apart are about different things, not in disagreement
MAX_SPREAD = 1000.0  # a figure spanning three orders of magnitude mixes unrelated numbers

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


def disagreeing_pairs(values: list[dict[str, Any]], series: bool = False) -> list[tuple[int, int]]:
    """Index pairs of values from different articles whose intervals do not meet (vague ones left out).

    ``series``: the values are of a price or rate, which only values of one named period contradict.
    """
    spans = [interval(v["base_value"], v["modifier"], bool(v["approximate"])) for v in values]
    ok = [not vague(v["modifier"]) for v in values]
    out = []
    for i in range(len(values)):
        for j in range(i + 1, len(values)):
            if not (ok[i] and ok[j]) or values[i]["article_id"] == values[j]["article_id"]:
                continue
            if series and not (values[i].get("period") and values[i].get("period") == values[j].get("period")):
                continue  # a price or rate moves: values of different (or unknown) periods do not contradict
            a, b = sorted((values[i]["base_value"], values[j]["base_value"]))
            if not _meet(spans[i], spans[j]) and a > 0 and b / a < MAX_RATIO:
                out.append((i, j))
    return out


def group(values: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Figures from value rows: dimension + subject + scope, with their values and disagreement."""
    by_key: dict[tuple[str, str, str | None], list[dict[str, Any]]] = defaultdict(list)
    for v in values:
        if v["subject"]:  # a quantity of nothing in particular cannot be compared with another
            by_key[(v["dimension"], v["subject"], v["scope"])].append(v)
    figures = []
    for (dim, subj, scope), members in by_key.items():
        # spread and range over the figures given; vague amounts only when nothing else is
        firm = [m["base_value"] for m in members if not vague(m["modifier"])]
        points = [b for b in (firm or [m["base_value"] for m in members]) if b > 0] or [0.0]
        mixed = min(points) > 0 and max(points) / min(points) >= MAX_SPREAD
        pairs = [] if mixed else disagreeing_pairs(members, series=time_series(subj))
        figures.append({
            "id": figure_id(dim, subj, scope), "dimension": dim, "subject": subj, "scope": scope,
            "values": members, "articles": len({m["article_id"] for m in members}),
            "outlets": sorted({m["outlet"] for m in members if m["outlet"]}),
            "disagreement": bool(pairs),
            "disagreeing": sorted({members[k]["assertion_id"] for p in pairs for k in p}),
            "spread": (max(points) / min(points)) if min(points) > 0 else 1.0,
            "min": min(points), "max": max(points),
            "first_seq": members[0]["seq"],
        })
    return figures
