"""Shared scoring rules of ../shared/gold/README.md: one-to-one matching and P/R/F1.

Every evaluation (seed gold and public corpora) matches predicted to gold items the same way:
in document order, one-to-one, by span overlap of at least half of the gold span.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
GOLD_DIR = SHARED / "gold"
SEEDS_DIR = SHARED / "corpus" / "seeds"
CORPUS_DIR = SHARED / "corpus"


@dataclass
class Score:
    """Counts of one task, with the derived P/R/F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    attr_ok: int = 0  # matched pairs whose attribute (speaker, resolution, value) is right
    attr_n: int = 0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.attr_ok += other.attr_ok
        self.attr_n += other.attr_n

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def attr_accuracy(self) -> float:
        return self.attr_ok / self.attr_n if self.attr_n else 0.0


def overlaps_enough(pred: tuple[int, int], gold: tuple[int, int]) -> bool:
    """True when the predicted span covers at least half of the gold span."""
    inter = min(pred[1], gold[1]) - max(pred[0], gold[0])
    return inter > 0 and inter * 2 >= gold[1] - gold[0]


def match(
    pred: Sequence[Any],
    gold: Sequence[Any],
    span: Callable[[Any], tuple[int, int]],
    gold_span: Callable[[Any], tuple[int, int]] | None = None,
    compatible: Callable[[Any, Any], bool] | None = None,
) -> list[tuple[Any, Any]]:
    """Pair predicted and gold items one-to-one in document order by span overlap.

    ``compatible(p, g)`` may add a condition (e.g. value and unit equal for numbers).
    """
    gold_span = gold_span or span
    pairs: list[tuple[Any, Any]] = []
    used: set[int] = set()
    for g in sorted(gold, key=gold_span):
        gs = gold_span(g)
        for i, p in enumerate(sorted(pred, key=span)):
            if i in used:
                continue
            if overlaps_enough(span(p), gs) and (compatible is None or compatible(p, g)):
                used.add(i)
                pairs.append((p, g))
                break
    return pairs


def score(
    pred: Sequence[Any],
    gold: Sequence[Any],
    span: Callable[[Any], tuple[int, int]],
    gold_span: Callable[[Any], tuple[int, int]] | None = None,
    compatible: Callable[[Any, Any], bool] | None = None,
    attr_ok: Callable[[Any, Any], bool] | None = None,
) -> Score:
    """Match and count; ``attr_ok`` scores an attribute on matched pairs."""
    pairs = match(pred, gold, span, gold_span, compatible)
    s = Score(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    if attr_ok is not None:
        s.attr_n = len(pairs)
        s.attr_ok = sum(1 for p, g in pairs if attr_ok(p, g))
    return s


def load_seed_gold() -> list[dict[str, Any]]:
    """The seed gold files, each with the seed's raw text under ``raw``."""
    out = []
    for path in sorted(GOLD_DIR.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["raw"] = (SEEDS_DIR / f"{doc['article']}.txt").read_text(encoding="utf-8")
        out.append(doc)
    return out


def outside_boilerplate(items: Iterable[dict[str, Any]], boilerplate: Sequence[dict[str, Any]]) -> list:
    """Gold items not inside any boilerplate span (the only ones scored)."""
    def inside(item: dict[str, Any]) -> bool:
        return any(b["start"] <= item["start"] and item["end"] <= b["end"] for b in boilerplate)

    return [i for i in items if not inside(i)]


def table(title: str, rows: list[tuple[str, Score]], attr_name: str = "attr acc") -> str:
    """A fixed-width table: one row per corpus or seed."""
    lines = [title, f"{'set':<28}{'tp':>6}{'fp':>6}{'fn':>6}{'P':>8}{'R':>8}{'F1':>8}{attr_name:>20}"]
    for name, s in rows:
        attr = f"{s.attr_accuracy:.3f} ({s.attr_ok}/{s.attr_n})" if s.attr_n else "-"
        lines.append(
            f"{name:<28}{s.tp:>6}{s.fp:>6}{s.fn:>6}{s.precision:>8.3f}{s.recall:>8.3f}{s.f1:>8.3f}{attr:>20}"
        )
    return "\n".join(lines)
