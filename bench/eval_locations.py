"""Evaluation of the locations extractor: seed gold, GeoWebNews, TR-News, LGL, and speed on BBC.

Run: ``.venv/bin/python -m bench.eval_locations`` (add ``--quick`` to skip the speed section).
Scoring follows ../shared/gold/README.md through bench.gold (one-to-one span matching); resolution
is right when the GeoNames id matches, or (gold without id) the canonical name, or the coordinates
are within 161 km. Corpora that are absent are skipped.

Convention differences, left scored as they are (no gold item is dropped to gain points):
GeoWebNews annotates places inside organisation names (``Embedded_Non_Lit``), sometimes as the
whole organisation ("Bank of Japan", "University of Alberta"), and inside newspaper titles
("Washington" in "The Washington Post"). The extractor follows the seed gold instead: a place
inside an organisation name is reported as the place-name span only ("UK" in "UK Ministry of
Defence", which misses a whole-organisation gold span by the half-overlap rule), and a place
inside a newspaper or masthead title is not reported ("The New York Times", "London Daily").
Streets and buildings (gold with coordinates but no GeoNames id) are scored by distance.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsledger.domain.assertions import validate_assertion
from newsledger.domain.text import ArticleText
from newsledger.plugins.locations import gazetteer
from newsledger.plugins.locations.extractor import NAME, VERSION, build
from newsledger.plugins.locations.normalise import norm_key

from bench.gold import CORPUS_DIR, Score, load_seed_gold, match, outside_boilerplate, table

EXTRACT = build().extract
# GeoWebNews toponym classes a place-name extractor should find (the paper's toponyms minus
# adjectival modifiers, demonyms, languages and coercions, which our conventions do not annotate).
GWN_TYPES = {
    "Literal", "Metonymic", "Mixed", "Literal_Modifier", "Non_Literal_Modifier",
    "Embedded_Literal", "Embedded_Non_Lit",
}
GWN_DONT_CARE = {"Demonym", "Language", "Coercion"}
ADJ_SUFFIXES = ("ish", "ese", "ian", "ean", "an", "ic", "i", "ns", "ese")


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def resolved_ok(pred: dict[str, Any], gold: dict[str, Any]) -> bool | None:
    """Resolution check of one matched pair; None when gold has nothing to compare with."""
    gid = gold.get("geonames_id")
    if gid is not None and pred.get("geonames_id") == gid:
        return True
    near = gold.get("lat") is not None and pred.get("lat") is not None
    if near and km(pred["lat"], pred["lon"], gold["lat"], gold["lon"]) <= 161:
        return True
    canonical = gold.get("canonical")
    if gid is None and canonical:
        return norm_key(canonical) == norm_key(pred.get("name") or "")
    if gid is None and gold.get("lat") is None:
        return None
    return False


def score_doc(body: str, doc_id: str, gold: list[dict], dont_care: list[tuple[int, int]] = ()) -> Score:
    """Extract from ``body`` and score against ``gold`` (dicts with start/end + resolution fields)."""
    article = ArticleText(id=doc_id, version=1, body=body)
    preds = [validate_assertion(a, article, NAME, VERSION) for a in EXTRACT(article)]
    preds = [p for p in preds if not any(s < p.end and p.start < e for s, e in dont_care)]
    pairs = match(preds, gold, span=lambda p: (p.start, p.end), gold_span=lambda g: (g["start"], g["end"]))
    s = Score(tp=len(pairs), fp=len(preds) - len(pairs), fn=len(gold) - len(pairs))
    for p, g in pairs:
        ok = resolved_ok(p.data, g)
        if ok is not None:
            s.attr_n += 1
            s.attr_ok += int(ok)
    return s


def eval_seeds() -> list[tuple[str, Score]]:
    rows, total = [], Score()
    for doc in load_seed_gold():
        boiler = doc["boilerplate"]
        gold = outside_boilerplate(doc["locations"], boiler)
        s = score_doc(doc["raw"], doc["article"], gold, [(b["start"], b["end"]) for b in boiler])
        rows.append((doc["article"], s))
        total.add(s)
    return rows + [("seed total", total)]


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]


def eval_gwn() -> list[tuple[str, Score]]:
    folder = CORPUS_DIR / "geowebnews"
    if not (folder / "documents.jsonl").exists():
        return []
    docs = {d["id"]: d for d in _jsonl(folder / "documents.jsonl")}
    topo: dict[str, list[dict]] = {}
    for t in _jsonl(folder / "toponyms.jsonl"):
        if t.get("field") == "text":
            topo.setdefault(t["doc_id"], []).append(t)
    dev, test = Score(), Score()
    # The ids run 0..319 with gaps; "gwn-0..gwn-99" / "gwn-100..gwn-199" of gold/README.md are read
    # as the first and second hundred documents in file order (ids alone would leave 102 unused).
    for n, (doc_id, doc) in enumerate(docs.items()):
        items = topo.get(doc_id, [])
        gold = [t for t in items if t["type"] in GWN_TYPES and t.get("modifier_type") != "Adjective"]
        dont = [
            (t["start"], t["end"]) for t in items
            if t["type"] in GWN_DONT_CARE or (t["type"] in GWN_TYPES and t.get("modifier_type") == "Adjective")
        ]
        (dev if n < 100 else test).add(score_doc(doc["text"], doc_id, gold, dont))
    return [("GeoWebNews dev (docs 1-100)", dev), ("GeoWebNews test (101-200)", test)]


def _looks_demonym(t: dict, gaz: gazetteer.Gazetteer) -> bool:
    """TR-News/LGL annotate demonyms ("Turkish" -> Turkey); our convention does not."""
    surface = t["text"]
    return norm_key(surface) not in gaz.names and surface.lower().endswith(ADJ_SUFFIXES) and (
        norm_key(t.get("name") or "") != norm_key(surface)
    )


def eval_geonames_corpus(name: str, label: str) -> list[tuple[str, Score]]:
    folder = CORPUS_DIR / name
    if not (folder / "documents.jsonl").exists():
        return []
    gaz = gazetteer.load()
    topo: dict[str, list[dict]] = {}
    for t in _jsonl(folder / "toponyms.jsonl"):
        topo.setdefault(t["doc_id"], []).append(t)
    total = Score()
    for doc in _jsonl(folder / "documents.jsonl"):
        items = topo.get(doc["id"], [])
        gold = [t for t in items if not _looks_demonym(t, gaz)]
        dont = [(t["start"], t["end"]) for t in items if _looks_demonym(t, gaz)]
        total.add(score_doc(doc["text"], doc["id"], gold, dont))
    return [(label, total)]


_STARTUP = """
import time, sys
t = time.perf_counter()
from newsledger.domain.text import ArticleText
from newsledger.plugins.locations.extractor import build
build().extract(ArticleText(id="x", version=1, body="Fighting near Izyum in the Kharkiv region of Ukraine."))
print(time.perf_counter() - t)
"""


def startup_seconds(cache_dir: str) -> float:
    """Import + first extract in a fresh process with the given cache directory."""
    env = dict(os.environ, NEWSLEDGER_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", _STARTUP], env=env, capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1])


def eval_speed() -> list[str]:
    path = CORPUS_DIR / "bbc-news-2225" / "articles.jsonl"
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        cold = startup_seconds(tmp)
        warm = startup_seconds(tmp)
    lines.append(f"start-up (import + first extract): cold cache {cold:.2f} s, warm cache {warm:.2f} s")
    if path.exists():
        texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
        arts = [ArticleText(id=str(i), version=1, body=t) for i, t in enumerate(texts)]
        EXTRACT(arts[0])
        t0 = time.perf_counter()
        n = sum(len(EXTRACT(a)) for a in arts)
        dt = time.perf_counter() - t0
        avg = sum(len(t) for t in texts) / len(texts)
        lines.append(
            f"BBC: {len(arts)} articles (avg {avg:.0f} chars) in {dt:.2f} s = {len(arts) / dt:.0f} articles/s, "
            f"{1000 * dt / len(arts):.2f} ms/article, {n} locations"
        )
    return lines


def main() -> None:
    """Print every table."""
    print(table("Locations: seed gold (raw seed text, boilerplate excluded)", eval_seeds(), "resolution"))
    print()
    gwn = eval_gwn()
    if gwn:
        print(table("Locations: GeoWebNews (toponyms without adjectives/demonyms)", gwn, "acc@161km"))
        print()
    rows = eval_geonames_corpus("tr-news", "TR-News") + eval_geonames_corpus("lgl", "LGL")
    if rows:
        print(table("Locations: TR-News and LGL (demonym gold spans excluded)", rows, "acc@161km"))
        print()
    if "--quick" not in sys.argv:
        print("\n".join(eval_speed()))


if __name__ == "__main__":
    main()
