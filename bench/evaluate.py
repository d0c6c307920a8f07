"""The evaluation command: every extractor scored against gold, through the real pipeline.

    make eval                                     # everything (a few minutes), its extras installed first
    .venv/bin/python -m bench.evaluate            # the same, once `make install-test` has installed quantulum3
    .venv/bin/python -m bench.evaluate --quick    # seeds through the pipeline and the speed table only

1. Seed gold through the pipeline: each seed is cleaned as ingest cleans it, the three extractors
   read the cleaned body, and every predicted span is mapped back into the raw seed through the
   cleaner's alignment before it is matched to gold (rules of ../shared/gold/README.md, bench.gold).
2. The public corpora, per task (bench.eval_numbers, bench.eval_quotes, bench.eval_locations).
3. Speed on BBC, one core: the three extractors together on cleaned bodies, median of 3 runs.
"""

from __future__ import annotations

import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from newsledger.domain.cleaning import clean, to_raw
from newsledger.domain.text import ArticleText
from newsledger.plugins.manager import build_plugins

from bench import eval_locations, eval_numbers, eval_quotes
from bench.common import bbc_records
from bench.gold import Score, load_seed_gold, outside_boilerplate, score, table


class Mapped:
    """A predicted assertion with its span mapped into the raw input."""

    def __init__(self, start: int, end: int, data: dict[str, Any]) -> None:
        self.start, self.end, self.data = start, end, data


def pipeline_predictions(raw: str, doc_id: str, extractors: dict) -> dict[str, list[Mapped]]:
    cleaned = clean(raw, "text")
    article = ArticleText(id="00000000-0000-4000-8000-000000000000", version=1, body=cleaned.body,
                          title=cleaned.title)
    out: dict[str, list[Mapped]] = {}
    for name, extractor in extractors.items():
        out[name] = [Mapped(*to_raw(cleaned.alignment, a.start, a.end), a.data) for a in extractor.extract(article)]
    return out


def seed_tables(extractors: dict) -> str:
    rules: dict[str, tuple[str, Callable | None, Callable | None, str]] = {
        "numbers": ("numbers", lambda p, g: eval_numbers.same_value(p.data["value"], g["value"])
                    and eval_numbers.units_equal(p.data.get("unit"), g["unit"]), None, "-"),
        "quotes": ("quotes", None, eval_quotes._seed_speaker_ok, "speaker acc"),
        "locations": ("locations", None, lambda p, g: bool(eval_locations.resolved_ok(p.data, g)), "resolution"),
    }
    rows: dict[str, list[tuple[str, Score]]] = {k: [] for k in rules}
    totals = {k: Score() for k in rules}
    for doc in load_seed_gold():
        preds = pipeline_predictions(doc["raw"], doc["article"], extractors)
        bp = doc["boilerplate"]
        for name, (gold_key, compatible, attr_ok, _) in rules.items():
            gold = outside_boilerplate(doc[gold_key], bp)
            pred = [p for p in preds[name] if not any(b["start"] <= p.start and p.end <= b["end"] for b in bp)]
            s = score(pred, gold, span=lambda p: (p.start, p.end), gold_span=lambda g: (g["start"], g["end"]),
                      compatible=compatible, attr_ok=attr_ok)
            rows[name].append((doc["article"], s))
            totals[name].add(s)
    blocks = []
    for name, (_, _, _, attr) in rules.items():
        rows[name].append(("all seeds", totals[name]))
        title = f"Seed gold through the pipeline (clean -> extract -> map to raw): {name}"
        if name == "numbers":
            title += " (match = span + value + unit)"
        blocks.append(table(title, rows[name], attr_name=attr))
    return "\n\n".join(blocks)


def speed_table(extractors: dict, runs: int = 3) -> str:
    records = bbc_records()
    if not records:
        return "Speed: BBC corpus not found"
    articles = []
    for i, r in enumerate(records):
        cleaned = clean(r["text"], "text")
        articles.append(ArticleText(id=f"00000000-0000-4000-8000-{i:012d}", version=1, body=cleaned.body))
    lines = [f"Speed on BBC ({len(articles)} cleaned articles, one core, median of {runs} runs)",
             f"{'extractor':<22}{'articles/s':>12}{'ms/article':>12}"]
    together = []
    per: dict[str, list[float]] = {n: [] for n in extractors}
    for _ in range(runs):
        total = 0.0
        for name, ex in extractors.items():
            started = time.process_time()
            for a in articles:
                ex.extract(a)
            elapsed = time.process_time() - started
            per[name].append(elapsed)
            total += elapsed
        together.append(total)
    for name, times in per.items():
        t = statistics.median(times)
        lines.append(f"{name:<22}{len(articles) / t:>12.0f}{1000 * t / len(articles):>12.2f}")
    t = statistics.median(together)
    lines.append(f"{'all three together':<22}{len(articles) / t:>12.0f}{1000 * t / len(articles):>12.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    quick = "--quick" in argv
    if not quick and importlib.util.find_spec("quantulum3") is None:
        # the full run scores quantulum3 beside ours; say so now, not minutes in with a traceback
        sys.exit("bench.evaluate: quantulum3 (the numbers peer, in the [test] extra) is not installed: run "
                 "`make eval`, or `.venv/bin/pip install -e '.[test]'` first; --quick runs without it")
    extractors = {e.name: e for e in build_plugins("numbers,quotes,locations", entry_points_enabled=False).extractors()}
    print(seed_tables(extractors), end="\n\n", flush=True)
    print(speed_table(extractors), end="\n\n", flush=True)
    if quick:
        return
    print("== numbers: public corpora ==", flush=True)
    eval_numbers.main([])
    print("== quotes: public corpora ==", flush=True)
    eval_quotes.main([])
    print("== locations: public corpora ==", flush=True)
    eval_locations.main()


if __name__ == "__main__":
    main()
