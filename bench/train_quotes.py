"""Train the antecedent ranker of the quotes extractor (plugins/quotes/ranker.py) on PolNeAR train.

Run: ``.venv/bin/python -m bench.train_quotes`` (needs scikit-learn, a training-time dependency only:
``.venv/bin/pip install scikit-learn``). It runs the extractor over PolNeAR train with the ranker
recording every pronoun / description it resolves (the candidates and their features), labels a
candidate positive when it contains the gold speaker's family name (the scoring rule of
bench/eval_quotes.py), fits a logistic regression and writes its coefficients to
plugins/quotes/data/antecedent_ranker.json. Top-1 accuracy on train and dev is printed against the
hand-written rule. The corpus is read here only; nothing of its text goes into the JSON.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

from newsledger.plugins.quotes import ranker
from newsledger.plugins.quotes.extractor import _Article

from bench.eval_quotes import load_polnear, polnear_gold, speaker_has
from bench.gold import overlaps_enough

_RULE = ranker.FEATURES.index("rule_choice")


def decisions(split: str) -> list[list[tuple[list[float], bool]]]:
    """One group per resolved quote of ``split`` whose gold speaker is known: (features, is right)."""
    docs, quotes = load_polnear([split])
    groups = []
    for doc in docs[split]:
        gold, _ = polnear_gold(doc, quotes.get(doc["id"], []))
        ranker.RECORDER = {}
        state = _Article(doc["text"])
        state.attribute()
        rec, ranker.RECORDER = ranker.RECORDER, None
        for i, q in enumerate(state.quotes):
            sp = state.speakers[i]
            if sp is None or sp.at not in rec or not state.keep(i):
                continue
            g = next((g for g in gold if overlaps_enough((q.start, q.end), (g["start"], g["end"]))), None)
            if g is None or not g["family"]:
                continue
            groups.append([(f, speaker_has(name, g["family"])) for name, f in rec[sp.at]])
    return groups


def top1(groups: list[list[tuple[list[float], bool]]], weights: list[float] | None) -> tuple[int, int, int]:
    """(right by the model, right by the rule, groups with a right candidate at all)."""
    model = rule = reachable = 0
    for g in groups:
        if any(ok for _, ok in g):
            reachable += 1
        if weights is not None:
            best = max(g, key=lambda fo: sum(w * x for w, x in zip(weights, fo[0], strict=True)))
            model += best[1]
        rule += any(ok for f, ok in g if f[_RULE])
    return model, rule, reachable


def main(argv: list[str] | None = None) -> None:
    """Fit, report, write the coefficients."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--C", type=float, default=1.0, help="inverse regularisation strength")
    ap.add_argument("--dry-run", action="store_true", help="report only; do not write the JSON")
    args = ap.parse_args(argv)
    from sklearn.linear_model import LogisticRegression

    saved = ranker._DATA.read_bytes() if ranker._DATA.exists() else None
    ranker._weights.cache_clear()
    ranker._DATA = ranker._DATA.with_suffix(".absent")  # record the rule-only run, not a previous model
    try:
        train, dev = decisions("train"), decisions("dev")
    finally:
        ranker._DATA = ranker._DATA.with_suffix(".json")
        ranker._weights.cache_clear()
    # pairwise (a right candidate minus a wrong one of the same decision): the ranking is what matters,
    # not the calibration of each candidate's probability
    x: list[list[float]] = []
    y: list[int] = []
    for g in train:
        for fp, okp in g:
            if not okp:
                continue
            for fn, okn in g:
                if okn:
                    continue
                d = [a - b for a, b in zip(fp[1:], fn[1:], strict=True)]
                x.append(d)
                y.append(1)
                x.append([-v for v in d])
                y.append(0)
    clf = LogisticRegression(C=args.C, max_iter=5000, fit_intercept=False)
    clf.fit(x, y)
    weights = [0.0] + [float(w) for w in clf.coef_[0]]
    for name, groups in (("train", train), ("dev", dev)):
        model, rule, reachable = top1(groups, weights)
        print(f"{name}: {len(groups)} resolutions, reachable {reachable}, rule {rule}, model {model}")
    for name, w in zip(ranker.FEATURES, weights, strict=True):
        print(f"  {name:20} {w:+.3f}")
    if args.dry_run:
        return
    ranker._DATA.parent.mkdir(exist_ok=True)
    out: dict[str, Any] = {
        "about": "logistic regression over antecedent candidates; bench/train_quotes.py, PolNeAR train",
        "C": args.C, "features": list(ranker.FEATURES), "weights": [round(w, 5) for w in weights],
    }
    ranker._DATA.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {ranker._DATA}" + (" (replaced)" if saved else ""))


if __name__ == "__main__":
    main()
