"""Cleaning report: gold items kept, gold boilerplate left, and cleaning speed on BBC News.

Run: ``.venv/bin/python -m bench.cleaning_report``

(a) every gold quote, number and location of the seed gold outside gold boilerplate must be
    in the body, at the aligned place: its text (whitespace and quote marks normalised) is found
    in the body and ``to_raw`` of that body span overlaps the gold span;
(b) how much gold-boilerplate text is left in the body (characters and percent);
(c) plain-text cleaning speed on BBC News (articles/s, one core);
(d) title-block sanity on BBC News, whose headlines are known.
"""

from __future__ import annotations

import json
import re
import time
from typing import Any

from newsledger.domain.cleaning import Cleaned, clean, to_raw

from .gold import CORPUS_DIR, SEEDS_DIR, load_seed_gold, outside_boilerplate

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»‹›″"} | {c: "'" for c in "‘’‚‛′`´"})
_SPACE = re.compile(r"\s+")
BBC = CORPUS_DIR / "bbc-news-2225" / "articles.jsonl"


def normalise(text: str) -> tuple[str, list[int]]:
    """Quote marks unified and whitespace runs folded to one space, with each char's source index."""
    text = text.translate(_QUOTES)
    out: list[str] = []
    index: list[int] = []
    for m in re.finditer(r"\s+|\S+", text):
        if m.group().isspace():
            out.append(" ")
            index.append(m.start())
        else:
            out.append(m.group())
            index.extend(range(m.start(), m.end()))
    return "".join(out), index


def locate(cleaned: Cleaned, norm_body: tuple[str, list[int]], item: dict[str, Any]) -> str | None:
    """None when the item is in the body at its aligned place, else why it is lost."""
    text = item.get("text") or item.get("surface") or ""
    needle = normalise(text)[0].strip()
    hay, index = norm_body
    found = False
    at = hay.find(needle)
    while at >= 0:
        found = True
        start, end = index[at], index[at + len(needle) - 1] + 1
        rs, re_ = to_raw(cleaned.alignment, start, end)
        if min(re_, item["end"]) > max(rs, item["start"]):
            return None
        at = hay.find(needle, at + 1)
    return "misaligned" if found else "not in body"


def seed_report(doc: dict[str, Any]) -> tuple[int, int, int, int]:
    """Print one seed's lines; return (items, lost, boilerplate chars, boilerplate chars left)."""
    raw: str = doc["raw"]
    cleaned = clean(raw, "text")
    norm_body = normalise(cleaned.body)
    bp = doc["boilerplate"]
    items = [
        (kind, it)
        for kind in ("quotes", "numbers", "locations")
        for it in outside_boilerplate(doc[kind], bp)
    ]
    # The headline and subheadlines are content: their items must survive like the story's.
    scored = items
    lost = [(k, it, why) for k, it in scored if (why := locate(cleaned, norm_body, it)) is not None]
    bp_chars = sum(b["end"] - b["start"] for b in bp)
    left = sum(
        max(0, min(re_, b["end"]) - max(rs, b["start"])) for b in bp for _, _, rs, re_ in cleaned.alignment
    )
    body_raw_start = cleaned.alignment[0][2]
    print(f"\n{doc['article']}: body starts at raw {body_raw_start} (gold body_start {doc['body_start']}); "
          f"title {cleaned.title!r}")
    print(f"  (a) gold items outside boilerplate (headline included) in the body: "
          f"{len(scored) - len(lost)}/{len(scored)} kept, {len(lost)} lost")
    for kind, it, why in lost:
        print(f"      LOST {kind[:-1]} {it['start']}-{it['end']} {(it.get('text') or it.get('surface'))!r}: {why}")
    pct = 100 * left / bp_chars if bp_chars else 0.0
    print(f"  (b) gold boilerplate left in the body: {left}/{bp_chars} chars ({pct:.1f}%)")
    return len(scored), len(lost), bp_chars, left


def dropped_lines(raw: str, cleaned: Cleaned) -> list[str]:
    """Raw lines with no character in the body (what the cleaner removed), for the eye."""
    covered = bytearray(len(raw))
    for bs, be, rs, re_ in cleaned.alignment:
        if be - bs == re_ - rs:
            covered[rs:re_] = b"\x01" * (re_ - rs)
    out, pos = [], 0
    for line in raw.split("\n"):
        if line.strip() and not any(covered[pos:pos + len(line)]):
            out.append(line.strip())
        pos += len(line) + 1
    return out


def speed(rounds: int = 3) -> None:
    """Print plain-text cleaning speed on BBC News (best of ``rounds``)."""
    if not BBC.exists():
        print("\n(c) BBC corpus not found: speed not measured")
        return
    arts = [json.loads(line) for line in BBC.open(encoding="utf-8")]
    variants = {
        "text field": [a["text"] for a in arts],
        "headline + text (original file layout)": [a["title"] + "\n\n" + a["text"] for a in arts],
    }
    print(f"\n(c) plain-text cleaning speed on BBC News ({len(arts)} articles, one core, best of {rounds}):")
    for name, texts in variants.items():
        mb = sum(len(t.encode()) for t in texts) / 1e6
        best_wall = best_cpu = float("inf")
        for _ in range(rounds):
            w0, c0 = time.perf_counter(), time.process_time()
            for t in texts:
                clean(t, "text")
            best_wall = min(best_wall, time.perf_counter() - w0)
            best_cpu = min(best_cpu, time.process_time() - c0)
        # CPU time is the one-core figure; wall time also counts waiting for a busy machine
        print(f"  {name:<40} {len(texts) / best_cpu:>8.0f} articles/s CPU ({mb / best_cpu:5.1f} MB/s), "
              f"{len(texts) / best_wall:>6.0f} articles/s wall")


def bbc_title_block() -> None:
    """Print how often the title block is right on BBC News (headline known from the corpus)."""
    if not BBC.exists():
        return
    arts = [json.loads(line) for line in BBC.open(encoding="utf-8")]
    title_ok = lost_first = false_title = 0
    for a in arts:
        out = clean(a["title"] + "\n\n" + a["text"], "text")
        title_ok += out.title == clean(a["title"] + "\n\nx.", "text").title  # same entity repair
        first = a["text"].split("\n", 1)[0].strip()
        lead = out.body.split("\n\n", 1)[-1] if out.title else out.body  # the body opens with the headline
        lost_first += not lead.startswith(clean(first, "text").body)
        false_title += clean(a["text"], "text").title is not None
    n = len(arts)
    print(f"\n(d) title block on BBC News ({n} articles):")
    print(f"  headline + text: title = the headline {title_ok}/{n}; first paragraph lost to the title block "
          f"{lost_first}/{n}")
    print(f"  text without its headline: a first paragraph taken for a title {false_title}/{n}")


def main() -> None:
    """Run the whole report."""
    docs = load_seed_gold()
    totals = [0, 0, 0, 0]
    print("Cleaning report on the seed gold (plain-text path)")
    for doc in docs:
        for i, v in enumerate(seed_report(doc)):
            totals[i] += v
    n, lost, bp, left = totals
    print(f"\nALL GOLD SEEDS: (a) {n - lost}/{n} gold items kept at their place, {lost} lost; "
          f"(b) boilerplate left {left}/{bp} chars ({100 * left / bp if bp else 0:.1f}%)")
    gold_names = {d["article"] for d in docs}
    print("\nLines dropped from the seeds without gold (independent check, by eye):")
    for path in sorted(SEEDS_DIR.glob("*.txt")):
        if path.stem in gold_names:
            continue
        raw = path.read_text(encoding="utf-8")
        for line in dropped_lines(raw, clean(raw, "text")):
            print(f"  {path.stem[:3]}: {line[:100]!r}")
    speed()
    bbc_title_block()


if __name__ == "__main__":
    main()
