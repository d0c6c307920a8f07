"""Quality and speed of the numbers extractor (gold/README.md rules), with quantulum3 as the peer.

Run: ``.venv/bin/python -m bench.eval_numbers`` (add ``--quick`` to skip quantulum3 and the speed run).
1. seed gold (raw seed text; boilerplate excluded from gold and predictions)
2. quantulum3-tests (dev: tune here)
3. NewsQuant / CQE sets (test): value + normalised unit per sentence, ours and quantulum3
4. speed on the BBC corpus: articles/s, ours vs quantulum3, and the ratio
A corpus that is absent is skipped with a note.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsledger.domain.text import ArticleText
from newsledger.plugins.numbers.extractor import extract
from newsledger.plugins.numbers.units import CURRENCY_PREFIX, UNIT_BY_GROUP

from bench.gold import CORPUS_DIR, Score, load_seed_gold, match, outside_boilerplate, score, table

# One table for every unit name that is not ours (quantulum3's units, CQE's normalised units):
# -> our normalised unit id. Anything not listed is a counted noun, i.e. "count".
UNIT_MAP = {
    "square kilometre": "km2", "kilometre": "km", "mile": "mi", "square mile": "mi2", "metre": "m",
    "square metre": "m2", "centimetre": "cm", "millimetre": "mm", "foot": "ft", "inch": "in", "yard": "yd",
    "square foot": "ft2", "hectare": "ha", "acre": "acre", "nautical mile": "nmi",
    "kilogram": "kg", "gram": "g", "milligram": "mg", "tonne": "t", "metric ton": "t", "ton": "t",
    "short ton": "t", "pound-mass": "lb", "litre": "l", "millilitre": "ml", "gallon": "gal", "barrel": "barrel",
    "pound sterling": "GBP", "dollar": "USD", "united states dollar": "USD", "euro": "EUR",
    "japanese yen": "JPY", "yen": "JPY", "chinese yuan": "CNY", "yuan": "CNY", "indian rupee": "INR",
    "rupee": "INR", "russian ruble": "RUB", "swiss franc": "CHF", "shekel": "ILS", "israeli new shekel": "ILS",
    "malaysian ringgit": "MYR", "australian dollar": "AUD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
    "new zealand dollar": "NZD", "penny": "GBX", "cent": "cent",
    "percentage": "percent", "percent": "percent", "percentage point": "pp", "basis point": "bp", "point": "points",
    "year": "years", "year of age": "years", "month": "months", "month of age": "months", "week": "weeks",
    "week of age": "weeks", "day": "days", "day of age": "days", "hour": "hours", "minute": "minutes",
    "second": "seconds", "decade": "decades", "century": "centuries",
    "mile per hour": "mph", "kilometre per hour": "km/h",
    "degree celsius": "degC", "celsius": "degC", "degree fahrenheit": "degF", "fahrenheit": "degF", "degree": "deg",
    "degree angle": "deg", "horsepower": "hp", "gigabyte": "GB", "megabyte": "MB", "terabyte": "TB",
    "megabit": "Mb", "gigahertz": "GHz", "megahertz": "MHz", "kilowatt": "kW", "megawatt": "MW",
    "gigawatt": "GW", "kilowatt hour": "kWh", "ordinal": "ordinal",
}
OUR_UNITS = frozenset(UNIT_MAP.values()) | frozenset(UNIT_BY_GROUP.values()) | frozenset(CURRENCY_PREFIX.values())
COUNT_LIKE = frozenset({"count", "people", "troops"})


def canon(unit: str | None) -> str:
    """Our unit id for any unit name; counted nouns, bare numbers and counts all become 'count'."""
    if unit is None:
        return "count"
    if unit in OUR_UNITS and unit not in COUNT_LIKE:
        return unit
    return UNIT_MAP.get(unit.lower(), "count")


def same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-9)


def units_equal(pred: str | None, gold: str | None) -> bool:
    """Equal after normalisation; a counted noun stands in for 'count' (gold README)."""
    return pred == gold or canon(pred) == canon(gold)


# ---------------------------------------------------------------- 1. seed gold
def seed_table() -> str:
    rows: list[tuple[str, Score]] = []
    total = Score()
    for doc in load_seed_gold():
        art = ArticleText(id=doc["article"], version=1, body=doc["raw"])
        bp = doc["boilerplate"]
        preds = outside_boilerplate(
            [{"start": a.start, "end": a.end, **a.data} for a in extract(art)], bp)
        gold = outside_boilerplate(doc["numbers"], bp)
        s = score(preds, gold, span=lambda x: (x["start"], x["end"]),
                  compatible=lambda p, g: same_value(p["value"], g["value"]) and units_equal(p["unit"], g["unit"]),
                  attr_ok=lambda p, g: (p.get("modifier") or None) == (g.get("modifier") or None))
        rows.append((doc["article"], s))
        total.add(s)
    rows.append(("all seeds", total))
    return table("1. seed gold (raw text), match = span + value + unit", rows, attr_name="modifier acc")


# ------------------------------------------------------- quantulum3 as a peer
def _quantulum():
    warnings.filterwarnings("ignore")
    from quantulum3 import parser  # imported only here: it is slow and optional

    parser.parse("warm up 5 km and $3")  # loads its tables once, outside any timing
    return parser


def q3_items(parser: Any, text: str) -> list[dict[str, Any]]:
    out = []
    for q in parser.parse(text):
        out.append({"start": q.span[0], "end": q.span[1], "value": float(q.value), "unit": q.unit.name})
    return out


def our_items(text: str, doc_id: str = "s") -> list[dict[str, Any]]:
    art = ArticleText(id=doc_id, version=1, body=text)
    return [{"start": a.start, "end": a.end, **a.data} for a in extract(art)]


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _corpus_and_systems(root: Path, parser: Any | None) -> tuple[list[dict[str, Any]], dict, dict]:
    """Sentences, gold quantities by sentence id, and the systems to score (ours, quantulum3 if loaded)."""
    sents = _read_jsonl(root / "sentences.jsonl")
    gold_by: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for q in _read_jsonl(root / "quantities.jsonl"):
        gold_by[q["doc_id"]].append(q)
    systems = {"ours": lambda t: our_items(t)}
    if parser is not None:
        systems["quantulum3"] = lambda t: q3_items(parser, t)
    return sents, gold_by, systems


# ----------------------------------------------------- 2. quantulum3-tests (dev)
def q3tests_table(parser: Any | None) -> str:
    root = CORPUS_DIR / "quantulum3-tests"
    if not (root / "sentences.jsonl").exists():
        return "2. quantulum3-tests: corpus absent, skipped"
    sents, gold_by, systems = _corpus_and_systems(root, parser)
    rows = []
    for name, run in systems.items():
        total = Score()
        for s in sents:
            preds = run(s["text"])
            total.add(score(preds, gold_by[s["id"]], span=lambda x: (x["start"], x["end"]),
                            compatible=lambda p, g: same_value(p["value"], float(g["value"]))
                            and units_equal(p["unit"], g["unit"])))
        rows.append((name, total))
    return table("2. quantulum3-tests (dev), match = span + value + unit", rows)


# ------------------------------------------------------- 3. NewsQuant (test)
def _value_ok(p: dict[str, Any], g: dict[str, Any]) -> bool:
    if g["value"] is not None:
        return same_value(p["value"], g["value"])
    return same_value(p["value"], g["value_low"]) or same_value(p["value"], g["value_high"])


def sentence_score(preds: list[dict[str, Any]], gold: list[dict[str, Any]]) -> Score:
    """Per-sentence matching without spans: value (a range matches either end) + unit.

    Uses the shared one-to-one matcher with every item on one span. The other end of a
    matched range, when also predicted, is not counted as a false positive.
    """
    def compatible(p: dict[str, Any], g: dict[str, Any]) -> bool:
        return _value_ok(p, g) and units_equal(p["unit"], g["normalized_unit"])

    one = lambda _x: (0, 1)  # noqa: E731 - no spans in this corpus
    pairs = match(preds, gold, span=one, compatible=compatible)
    used = {id(p) for p, _ in pairs}
    fp = 0
    for p in preds:
        if id(p) in used:
            continue
        if any(g["value"] is None and compatible(p, g) for _, g in pairs):
            continue  # second end of a range already matched
        fp += 1
    return Score(tp=len(pairs), fp=fp, fn=len(gold) - len(pairs))


def newsquant_table(parser: Any | None) -> str:
    root = CORPUS_DIR / "newsquant-cqe"
    if not (root / "sentences.jsonl").exists():
        return "3. NewsQuant: corpus absent, skipped"
    sents, gold_by, systems = _corpus_and_systems(root, parser)
    rows = []
    for name, run in systems.items():
        per_set: dict[str, Score] = defaultdict(Score)
        for s in sents:
            # the gold does not annotate ordinals (SOURCE.md): neither system is scored on them
            preds = [p for p in run(s["text"]) if p["unit"] != "ordinal"]
            per_set[s["set"]].add(sentence_score(preds, gold_by[s["id"]]))
        for set_name in sorted(per_set, key=lambda k: (k != "NewsQuant", k)):
            rows.append((f"{name} {set_name}", per_set[set_name]))
    return table("3. NewsQuant + Recognizers-Text (test), match = value + unit per sentence", rows)


# ------------------------------------------------------------- 4. speed (BBC)
def speed_table(parser: Any | None, q3_sample: int = 200) -> str:
    path = CORPUS_DIR / "bbc-news-2225" / "articles.jsonl"
    if not path.exists():
        return "4. speed: BBC corpus absent, skipped"
    docs = _read_jsonl(path)
    arts = [ArticleText(id=d["id"], version=1, body=d["text"], title=d["title"]) for d in docs]
    kb = sum(len(a.body) for a in arts) / len(arts) / 1024
    t0 = time.perf_counter()
    n_found = sum(len(extract(a)) for a in arts)
    ours = len(arts) / (time.perf_counter() - t0)
    lines = ["4. speed on BBC News (one process, one core, time.perf_counter)",
             f"ours        {len(arts):>5} articles (avg {kb:.1f} KB)  {ours:>9.1f} articles/s  "
             f"({1000 / ours:.2f} ms/article, {n_found} numbers)"]
    if parser is not None:
        sample = arts[:q3_sample]
        t0 = time.perf_counter()
        for a in sample:
            parser.parse(a.body)
        q3 = len(sample) / (time.perf_counter() - t0)
        t0 = time.perf_counter()
        for a in sample:
            extract(a)
        ours_same = len(sample) / (time.perf_counter() - t0)
        lines.append(f"quantulum3  {len(sample):>5} articles              {q3:>9.1f} articles/s")
        lines.append(f"ours        {len(sample):>5} articles (same sample) {ours_same:>9.1f} articles/s")
        lines.append(f"ratio ours/quantulum3 on the same sample: {ours_same / q3:.1f}x")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Print the four tables."""
    argv = sys.argv[1:] if argv is None else argv
    parser = None if "--quick" in argv else _quantulum()
    for block in (seed_table, lambda: q3tests_table(parser), lambda: newsquant_table(parser),
                  lambda: speed_table(parser)):
        print(block(), end="\n\n", flush=True)


if __name__ == "__main__":
    main()
