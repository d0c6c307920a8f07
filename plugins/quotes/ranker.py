"""Who "he" / "she" (or "the senator") at an attribution is: a learned ranking of the people named before.

Each person named earlier in the article is a candidate; a few features (recency, gender agreement,
subject position, who spoke the quotes before, the choice of the hand-written rule) are combined by a
logistic regression whose coefficients live in ``data/antecedent_ranker.json`` (trained by
``bench/train_quotes.py`` on PolNeAR train; pure Python at run time). The highest-scoring candidate wins.
"""

from __future__ import annotations

import json
import math
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

from newsledger.plugins.quotes.lexicon import SPEECH_VERBS, TITLE_ALIASES
from newsledger.plugins.quotes.speakers import Entity, Registry

MAX_CANDIDATES = 8  # distinct people, nearest first: farther ones are almost never meant
_DATA = Path(__file__).resolve().parent / "data" / "antecedent_ranker.json"

FEATURES = (
    "bias", "rank0", "rank1", "rank2", "log_rank", "compat_rank0", "compat_rank1",
    "gender_agree", "gender_agree_guess", "gender_clash", "gender_clash_guess", "gender_unknown",
    "log_chars", "newlines", "same_para", "same_sentence",
    "last_speaker", "log_quotes_by", "spoke_any", "subject", "speaks_after",
    "log_mentions", "first_person", "rule_choice", "title_match", "titled",
    "source_rank0", "source_rank1", "log_source_chars", "ever_source",
)
_FAR = 20000
# Recorded decisions for training (bench/train_quotes.py sets a dict: attribution offset -> candidates).
RECORDER: dict[int, list[tuple[str, list[float]]]] | None = None


@lru_cache(maxsize=1)
def _weights() -> list[float] | None:
    """The trained coefficients, in FEATURES order; None when absent (the rule decides alone)."""
    if not _DATA.exists():
        return None
    data = json.loads(_DATA.read_text(encoding="utf-8"))
    if list(data["features"]) != list(FEATURES):
        return None  # trained for another feature set: do not misapply
    return [float(w) for w in data["weights"]]


def _candidates(reg: Registry, before: int) -> list[tuple[Entity, int]]:
    """(entity, start of its last mention before ``before``) of the nearest distinct people."""
    mentions = reg.mentions
    hi = bisect_left(mentions, before, key=lambda mt: mt.start)
    seen: set[int] = set()
    out: list[tuple[Entity, int]] = []
    for k in range(hi - 1, -1, -1):
        m = mentions[k]
        ent = m.entity
        if not ent.person or id(ent) in seen:
            continue
        seen.add(id(ent))
        out.append((ent, k))
        if len(out) >= MAX_CANDIDATES:
            break
    return out


def _speaking(reg: Registry, body: str) -> list[bool]:
    """Per mention: reported speaking ("X said", "said X", "according to X"), cached on the registry."""
    cached = getattr(reg, "_speaking", None)
    if cached is not None and len(cached) == len(reg.mentions):
        return cached
    out = []
    for m in reg.mentions:
        after = body[m.end: m.end + 40].split()[:4]
        before = body[max(0, m.title_start - 25): m.title_start].split()[-2:]
        out.append(
            any(w.strip(",.").lower() in SPEECH_VERBS for w in after)
            or (bool(before) and before[-1].strip(",").lower() in SPEECH_VERBS)
            or [w.lower() for w in before] == ["according", "to"]
        )
    reg._speaking = out  # type: ignore[attr-defined]
    return out


def _last_source(reg: Registry, speaking: list[bool], hi: int) -> dict[int, int]:
    """id(entity) -> start of its last speaking mention among the first ``hi`` mentions."""
    out: dict[int, int] = {}
    for k in range(hi - 1, -1, -1):
        if speaking[k]:
            out.setdefault(id(reg.mentions[k].entity), reg.mentions[k].start)
    return out


def rank(
    reg: Registry, body: str, at: int, gender: str, *, rule: str | None, last_speaker: str | None,
    spoken: dict[str, int], sentence_of, title: str | None = None,
) -> str | None:
    """The canonical name of the person the pronoun (or description) at ``at`` most likely refers to.

    ``gender``: 'm', 'f' or '?'; ``rule``: the hand-written rule's choice (a feature); ``spoken``:
    quotes credited so far per canonical name; ``title``: the title word of a description ("senator").
    Returns ``rule`` when there is no model or no candidate.
    """
    weights = _weights()
    cands = _candidates(reg, at)
    if not cands or (weights is None and RECORDER is None):
        return rule
    title = TITLE_ALIASES.get(title, title) if title else None
    para_start = body.rfind("\n", 0, at) + 1
    sent_start = sentence_of(at)
    first_person = next((m.entity for m in reg.mentions if m.entity.person), None)
    speaking = _speaking(reg, body)
    hi = bisect_left(reg.mentions, at, key=lambda mt: mt.start)
    sources = _last_source(reg, speaking, hi)
    order = sorted((-sources[id(e)], id(e)) for e, _ in cands if id(e) in sources)
    src_rank = {ident: r for r, (_, ident) in enumerate(order)}
    rows: list[tuple[str, list[float]]] = []
    compat_rank = 0
    for r, (ent, k) in enumerate(cands):
        m = reg.mentions[k]
        known = not ent.gender_guessed
        agree = gender != "?" and ent.gender == gender
        clash = gender != "?" and ent.gender not in ("?", gender)
        compatible = not clash
        nxt = body[m.end: m.end + 30].split()[:3]
        n_mentions = sum(1 for s in ent.mentions if s < at)
        quotes_by = spoken.get(ent.canonical, 0)
        f = [
            1.0, float(r == 0), float(r == 1), float(r == 2), math.log1p(r),
            float(compatible and compat_rank == 0), float(compatible and compat_rank == 1),
            float(agree and known), float(agree and not known), float(clash and known), float(clash and not known),
            float(ent.gender == "?"),
            math.log1p(max(0, at - m.end)) / 5.0, min(body.count("\n", m.end, at), 12) / 4.0,
            float(m.start >= para_start), float(m.start >= sent_start),
            float(ent.canonical == last_speaker), math.log1p(quotes_by), float(quotes_by > 0),
            float(reg.subject_like(m)), float(any(w.strip(",.").lower() in SPEECH_VERBS for w in nxt)),
            math.log1p(n_mentions), float(ent is first_person), float(ent.canonical == rule),
            float(title is not None and title in ent.titles), float(bool(ent.titles)),
            float(src_rank.get(id(ent)) == 0), float(src_rank.get(id(ent)) == 1),
            math.log1p(at - sources.get(id(ent), at - _FAR)) / 5.0, float(id(ent) in sources),
        ]
        if compatible:
            compat_rank += 1
        rows.append((ent.canonical, f))
    if RECORDER is not None:
        RECORDER[at] = rows
    if weights is None:
        return rule
    best, best_score = rule, -math.inf
    for name, f in rows:
        s = sum(w * x for w, x in zip(weights, f, strict=True))
        if s > best_score:
            best, best_score = name, s
    return best
