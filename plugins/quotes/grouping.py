"""Speakers and quote clusters, computed from the quote rows valid at one position.

Speakers: spellings of one name ('Volodymyr Zelensky' / 'Volodymyr Zelenskyy') fold together when
their initials agree and their letters nearly do, and a family name alone ('Zelenskyy') joins the one
person it names. Clusters: one quote as several articles render it
(translations, trimmed openings, 'goals'/'objectives'); candidates share content words, and link
when rapidfuzz finds them near-duplicates. A short scare quote ("significant") is the same quote
only when the same speaker said it: many people say "delighted". Each member carries a token diff
against the first wording.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from typing import Any

from newsledger.plugins.quotes.speakers import given_names as _given_names
from rapidfuzz import fuzz
from unidecode import unidecode

NAME_MATCH = 92.0  # letters of two spellings of one name (Zelensky/Zelenskyy 97, Joan/John Smith 90)
LONE_MATCH = 94.0  # a family name alone: Zelenskyy/Zelensky 94, but Cameroon/Cameron 92
QUOTE_MATCH = 80.0
COMMON = 50  # a word in more quotes than this does not make two quotes candidates
SHORT = 3  # a quote of this many words or fewer ("significant", "a hell of a") is one quote only for one speaker
STOP = frozenset(" ".join((
    "the a an and or but of to in on at for by with from as is are was were be been it its this that",
    "these those we our us you your they them their he his she her i my me not no so if than then",
    "there have has had will would can could do does did which who what all any very",
)).split())
WORD = re.compile(r"[a-z0-9]+")


def fold(text: str) -> str:
    """Lower-case ASCII words separated by single spaces."""
    return " ".join(WORD.findall(unidecode(text).lower()))


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _same_name(a: str, b: str) -> bool:
    ta, tb = a.split(), b.split()
    if len(ta) < 2 or len(ta) != len(tb) or any(x[0] != y[0] for x, y in zip(ta, tb, strict=True)):
        return False
    return fuzz.ratio(a, b) >= NAME_MATCH


def _spells_surname(lone: str, surname: str) -> bool:
    if lone == surname:
        return True
    return min(len(lone), len(surname)) >= 6 and fuzz.ratio(lone, surname) >= LONE_MATCH


def _person_name(name: str, given: dict[str, str]) -> bool:
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() for w in words) and "-" not in words[0] and \
        not words[0].isupper() and fold(words[0]) in given


def _join_lone_surnames(names: list[str], keys: list[str], members: list[int], union: _Union) -> None:
    """A one-word name ('Zelenskyy', from an article that never gives the full name) joins the one person
    whose family name it spells; with two such people ('Clinton': Hillary and Bill) it stays apart. Only a
    person's name is joined: a given name and a family name ('Volodymyr Zelensky', not 'Financial Times')."""
    lone = [i for i in members
            if len(keys[i].split()) == 1 and len(keys[i]) >= 4 and names[i][:1].isupper() and not names[i].isupper()]
    if not lone:
        return
    given = _given_names()
    surnames = [(j, keys[j].split()[-1]) for j in members if _person_name(names[j], given)]
    for i in lone:
        people = {union.find(j) for j, surname in surnames if _spells_surname(keys[i], surname)}
        if len(people) == 1:
            union.join(i, people.pop())


def speakers(quotes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Speakers with their spellings, quotes, outlets and surface forms, most quoted first.

    A description in lower case ("spokesman", "officials") names nobody in particular: forty quotes of
    forty spokesmen are not one speaker, so it is left out (its quotes keep it; /assertions finds them).
    """
    quotes = [q for q in quotes if q["speaker"] and q["speaker"] != q["speaker"].lower()]
    names = sorted({q["speaker"] for q in quotes})
    keys = [fold(n) for n in names]
    union = _Union(len(names))
    by_initial: dict[str, list[int]] = defaultdict(list)
    for i, k in enumerate(keys):
        by_initial[k.split()[-1][:1] if k else ""].append(i)
    for members in by_initial.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if keys[i] == keys[j] or _same_name(keys[i], keys[j]):
                    union.join(i, j)
        _join_lone_surnames(names, keys, members, union)
    groups: dict[int, list[str]] = defaultdict(list)
    for i, n in enumerate(names):
        groups[union.find(i)].append(n)
    spelling_of = {n: root for root, ns in groups.items() for n in ns}
    out: dict[int, dict[str, Any]] = {}
    for q in quotes:
        if not q["speaker"]:
            continue
        s = out.setdefault(spelling_of[q["speaker"]], {"spellings": Counter(), "quotes": [], "outlets": set(),
                                                        "surfaces": Counter(), "articles": set()})
        s["spellings"][q["speaker"]] += 1
        s["quotes"].append(q)
        s["articles"].add(q["article_id"])
        if q["outlet"]:
            s["outlets"].add(q["outlet"])
        if q["speaker_surface"]:
            s["surfaces"][q["speaker_surface"]] += 1
    result = []
    for s in out.values():
        ranked = sorted(s["spellings"].items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))
        result.append({"name": ranked[0][0], "spellings": [n for n, _ in ranked], "quotes": s["quotes"],
                       "articles": len(s["articles"]), "outlets": sorted(s["outlets"]),
                       "surface_forms": [n for n, _ in sorted(s["surfaces"].items(), key=lambda kv: (-kv[1], kv[0]))]})
    result.sort(key=lambda s: (-len(s["quotes"]), s["name"]))
    return result


def _similar(a: str, b: str, na: int, nb: int) -> float:
    score = fuzz.ratio(a, b)
    short, long_ = min(na, nb), max(na, nb)
    if short >= 5 and short >= 0.4 * long_:  # a trimmed or partial rendering of the same words
        score = max(score, fuzz.token_set_ratio(a, b))
    return score


def diff(reference: str, variant: str) -> list[dict[str, str]]:
    """Word-level differences from ``reference`` to ``variant`` (case and punctuation ignored)."""
    ra, va = reference.split(), variant.split()
    ops = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(a=[fold(w) for w in ra], b=[fold(w) for w in va],
                                                        autojunk=False).get_opcodes():
        if tag != "equal":
            ops.append({"op": tag, "reference": " ".join(ra[i1:i2]), "variant": " ".join(va[j1:j2])})
    return ops


def names_match(pattern: str, names: list[str]) -> bool:
    """``pattern`` is in one of ``names`` from the start of a word ("Jones" and "zelensk" are in Marion Jones
    and Volodymyr Zelenskyy, "ian" is not in Brian), case, accents and punctuation folded."""
    needle = f" {fold(pattern)}"
    return needle != " " and any(needle in f" {fold(n)}" for n in names)


def canonical_names(found: list[dict[str, Any]]) -> dict[str, str]:
    """Spelling -> the speaker's canonical name, from ``speakers()``."""
    return {spelling: s["name"] for s in found for spelling in s["spellings"]}


def _same_speaker(a: dict[str, Any], b: dict[str, Any], names: dict[str, str]) -> bool:
    return bool(a["speaker"]) and names.get(a["speaker"], a["speaker"]) == names.get(b["speaker"], b["speaker"])


def clusters(quotes: list[dict[str, Any]], names: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Quotes rendered by two or more articles: members (first wording first) with their diffs.

    ``names`` maps speaker spellings to canonical names (``canonical_names``) for the cluster's speakers.
    """
    names = names or {}
    folded = [fold(q["text"]) for q in quotes]
    tokens = [f.split() for f in folded]
    content = [{t for t in ts if len(t) >= 3 and t not in STOP} for ts in tokens]
    index: dict[str, list[int]] = defaultdict(list)
    for i, words in enumerate(content):
        for w in words:
            index[w].append(i)
    shared: Counter[tuple[int, int]] = Counter()
    for ids in index.values():
        if len(ids) > COMMON:
            continue
        for x, i in enumerate(ids):
            for j in ids[x + 1:]:
                shared[(i, j)] += 1
    union = _Union(len(quotes))
    for (i, j), n in shared.items():
        if n >= min(2, len(content[i]), len(content[j])) and \
                _similar(folded[i], folded[j], len(tokens[i]), len(tokens[j])) >= QUOTE_MATCH and \
                (min(len(tokens[i]), len(tokens[j])) > SHORT or _same_speaker(quotes[i], quotes[j], names)):
            union.join(i, j)
    members: dict[int, list[int]] = defaultdict(list)
    for i in range(len(quotes)):
        members[union.find(i)].append(i)
    out = []
    for ids in members.values():
        group = [quotes[i] for i in sorted(ids, key=lambda i: quotes[i]["seq"])]
        if len({q["article_id"] for q in group}) < 2:
            continue
        ref = group[0]["text"]
        speakers_seen = Counter(names.get(q["speaker"], q["speaker"]) for q in group if q["speaker"])
        out.append({
            "id": group[0]["assertion_id"], "text": ref, "quotes": group,
            "diffs": [diff(ref, q["text"]) for q in group],
            "speakers": [n for n, _ in speakers_seen.most_common()],
            "articles": len({q["article_id"] for q in group}),
            "outlets": sorted({q["outlet"] for q in group if q["outlet"]}),
            "first_seq": group[0]["seq"],
        })
    out.sort(key=lambda c: (-c["articles"], c["first_seq"]))
    return out
