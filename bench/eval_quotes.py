"""Evaluation of the quotes extractor: seed gold, PolNeAR (dev/test) and speed on BBC News.

Run: ``.venv/bin/python -m bench.eval_quotes`` (add ``--splits train,dev,test`` to choose PolNeAR rows).
Scoring follows ../shared/gold/README.md through bench.gold; corpora that are absent are skipped.

PolNeAR protocol (documented because the corpus needs some choices):
- gold = primary annotator's attributions classified ``direct`` in quotes.jsonl; a discontinuous
  content span (a split quote “A,” he said, “B.”) is scored as one gold item per quote-mark-delimited
  fragment, since each half is a quote of its own on the wire;
- the primary annotator's ``mixed`` quotes (a quoted fragment inside reported speech, or a multi-
  paragraph quote whose last paragraph lacks its closing mark) are neither gold nor errors: a prediction
  inside one and not matching a direct gold item is ignored;
- speaker: correct when the predicted canonical speaker contains the gold mention's family name (case and
  apostrophe variants folded, as gold/README.md folds them for text: O’Neill = O'Neill). The family name is
  the last capitalised word of the part of the mention that names the speaker (cut at a comma, a bracket,
  of/who/from/at/in/for/and/with/on, and "to" after a lower-case word: "a longtime adviser to Trump" names no
  one), skipping titles and a lone quantifier ("One of the authors, Ari Fleischer," is Fleischer); after a
  title that takes "of" it is the name that follows ("Secretary of State John F. Kerry" is Kerry); for a pronoun or
  a nominal mention ("the president", "a spokesman") the family name of the nearest preceding named Source
  of the same (primary) annotator's file stands in; with no gold source, correct when none predicted.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from newsledger.domain.assertions import validate_assertion
from newsledger.domain.text import ArticleText
from newsledger.plugins.quotes.extractor import build

from bench.gold import CORPUS_DIR, Score, load_seed_gold, outside_boilerplate, score, table

_OPEN = "“\"‘'«„`"
_CLOSE = "”\"’'»"
_PRONOUNS = {"he", "she", "they", "i", "we", "it", "you", "him", "her", "them", "his", "their"}
_QUANTIFIERS = {"one", "two", "three", "four", "five", "some", "many", "most", "several", "both", "all", "each",
                "another", "few", "none", "either", "neither", "any"}
_TITLE_WORDS = {
    "mr", "mrs", "ms", "dr", "rep", "sen", "gov", "gen", "president", "senator", "governor", "secretary",
    "speaker", "former", "vice", "candidate", "nominee", "chairman", "chief", "director", "spokesman",
    "spokeswoman", "attorney", "general", "judge", "justice", "mayor", "sir", "lady", "rev", "prof",
}


def _run(extractor: Any, body: str, doc_id: str = "doc") -> list[Any]:
    article = ArticleText(id=doc_id, version=1, body=body)
    out = list(extractor.extract(article))
    for a in out:
        validate_assertion(a, article, extractor.name, extractor.version)
    return out


# a title that takes "of" before the name it goes with: "Secretary of State John F. Kerry", "Speaker of the
# House Rep. Paul Ryan", "master of ceremonies Asab Al-Tabchi" (but not "the president of the AFL-CIO")
_OF_TITLE_RE = re.compile(
    r"(?<!\b[Tt]he )(?<!\b[Aa] )(?<!\b[Aa]n )\b(?:[Ss]ecretary|[Cc]hief|[Dd]irector|[Ss]peaker|[Mm]aster|[Mm]inister"
    r"|[Cc]hairman|[Cc]hairwoman|[Pp]resident)\s+of\s+(?:the\s+)?(?P<rest>.+)$")
_ORG_WORDS = {"party", "committee", "union", "post", "times", "news", "campaign", "department", "foundation",
              "council", "house", "office"}
# where the part naming the speaker ends: "Gov. John Kasich of Ohio", "a longtime adviser to Trump" (after a
# lower-case word only: "Aides to Clinton" opens a sentence, "Paris to Prague" names places)
_CUT_RE = re.compile(r"\s(?:of|who|from|at|in|for|and|with|on)\s")
_CUT_TO_RE = re.compile(r"(?<![\w’'\-])[a-z][\w’'\-]*(?=\sto\s)")


def _speaker_part(segment: str) -> str:
    """The part of a comma segment that names the speaker."""
    part = _CUT_RE.split(" " + segment + " ")[0]
    to = _CUT_TO_RE.search(part)
    return part[: to.end()] if to else part


def _words(segment: str) -> list[str]:
    words = [re.sub(r"(’s|'s|’|')$", "", w).rstrip(".") for w in re.findall(r"[\w’'\-\.]+", segment)]
    return [w for w in words if w and w.lower() not in ("jr", "sr", "ii", "iii", "iv")]


def family_name(mention: str | None) -> str | None:
    """The family name in a speaker mention ("Rep. Jim Clyburn (D-S.C.), the ..." -> "Clyburn",
    "Google's chief executive, Laszlo Bock," -> "Bock", "Secretary of State John F. Kerry" -> "Kerry");
    None for a pronoun or a nominal mention ("the Florida senator", "a spokesman")."""
    if not mention:
        return None
    segments = re.sub(r"\([^)]*\)", " ", mention).split(",")
    quantifier = None
    for segment in segments:
        words = _words(_speaker_part(segment))
        if not words or words[-1].lower() in _PRONOUNS or not words[-1][0].isupper():
            continue
        if len(words) == 1 and words[0].lower() in _QUANTIFIERS:
            quantifier = quantifier or words[0]  # "One of the authors of that report, Ari Fleischer,": a name later
            continue
        if words[-1].lower() in _TITLE_WORDS:
            continue
        return words[-1]
    if quantifier is not None:
        return quantifier
    for segment in segments:
        m = _OF_TITLE_RE.search(segment.strip())
        if m is None:
            continue
        words = _words(re.split(r"\s(?:by|obtained|released)\s", _CUT_RE.split(" " + m.group("rest") + " ")[0])[0])
        if (len(words) >= 3 and all(w[0].isupper() for w in words[-2:])
                and words[-1].lower() not in _TITLE_WORDS | _ORG_WORDS):
            return words[-1]
    return None


def _fold(name: str) -> str:
    """Lower case with apostrophes unified (gold/README.md: "quote marks and apostrophes unified"), so
    that O’Neill and O'Neill are one family name."""
    return name.lower().replace("’", "'").replace("‘", "'")


def speaker_has(pred: str | None, family: str) -> bool:
    return bool(pred) and re.search(rf"(?<!\w){re.escape(_fold(family))}(?!\w)", _fold(pred)) is not None


# -- seed gold ---------------------------------------------------------------------------------------
def _seed_speaker_ok(pred: Any, gold: dict[str, Any]) -> bool:
    """Case-insensitive equality, or the same family name (last word) per gold/README.md."""
    p, g = pred.data.get("speaker"), gold.get("speaker")
    if not p or not g:
        return not p and not g
    if _fold(p) == _fold(g):
        return True
    return _fold(p.split()[-1]) == _fold(g.split()[-1])


def eval_seeds(extractor: Any) -> list[tuple[str, Score]]:
    """Seed gold rows: one per seed plus the total."""
    rows, total = [], Score()
    try:
        docs = load_seed_gold()
    except FileNotFoundError:
        return []
    for doc in docs:
        bp = doc.get("boilerplate", [])
        gold = outside_boilerplate(doc["quotes"], bp)
        pred = [
            a for a in _run(extractor, doc["raw"], doc["article"])
            if not any(b["start"] <= a.start and a.end <= b["end"] for b in bp)
        ]
        s = score(pred, gold, span=lambda a: (a.start, a.end), gold_span=lambda g: (g["start"], g["end"]),
                  attr_ok=_seed_speaker_ok)
        rows.append((doc["article"], s))
        total.add(s)
    rows.append(("seeds total", total))
    return rows


MISSES: list[tuple[str, Any, dict[str, Any]]] | None = None  # (text, prediction, gold) of speaker errors


def mention_kind(mention: str | None, has_source: bool = True) -> str:
    """'name', 'pronoun', 'nominal' ("the senator") or 'none' (no source) for a speaker mention."""
    if not has_source or not mention:
        return "none"
    if family_name(mention):
        return "name"
    first = mention.split()[0].lower().strip(",.")
    return "pronoun" if first in _PRONOUNS else "nominal"


def _print_misses(limit: int, kind: str | None = None) -> None:
    """Speaker errors by gold mention kind x predicted surface kind, then ``limit`` examples (only those of
    ``kind``, "gold/predicted" as the breakdown prints it, when given)."""
    counts: dict[tuple[str, str], int] = defaultdict(int)
    shown = []
    for text, a, g in MISSES or []:
        pk = "no speaker" if a.data.get("speaker") is None else mention_kind(a.data.get("speaker_surface"))
        gk = mention_kind(g["mention"], g["has_source"])
        counts[(gk, pk)] += 1
        if kind is None or kind == f"{gk}/{pk}":
            shown.append((text, a, g))
    print("speaker errors: gold mention kind / predicted surface kind")
    for (gk, pk), n in sorted(counts.items(), key=lambda kv: -kv[1]):
        print(f"  {gk:8} / {pk:10} {n}")
    for text, a, g in shown[:limit]:
        ctx = text[max(0, a.start - 300): a.end + 150].replace("\n", " | ")
        print(f"\n[{g['doc']}] gold={g['mention']!r} fam={g['family']!r} pred={a.data.get('speaker')!r} "
              f"surface={a.data.get('speaker_surface')!r}\n   …{ctx}…")


# -- PolNeAR ----------------------------------------------------------------------------------------
def _fragments(text: str, spans: list[list[int]]) -> list[tuple[int, int]]:
    """Quote-mark-delimited units of a (possibly discontinuous) content span."""
    units: list[list[int]] = []
    for s, e in sorted(spans):
        frag = text[s:e].strip()
        if units:
            ps, pe = units[-1]
            prev = text[ps:pe].rstrip(" .,;:!?—–-")
            gap = text[pe:s]
            joined = "\n" not in gap and (not prev.endswith(tuple(_CLOSE)) or not frag.startswith(tuple(_OPEN)))
            if joined:
                units[-1][1] = e
                continue
        units.append([s, e])
    return [(s, e) for s, e in units]


def _sources(ann: Path) -> list[tuple[int, str]]:
    """(start, surface) of every Source span of one BRAT file, in text order."""
    out = []
    for line in ann.read_text(encoding="utf-8").splitlines():
        m = re.match(r"T\d+\tSource (\d+) \d+[^\t]*\t(.*)", line)
        if m:
            out.append((int(m.group(1)), m.group(2)))
    return sorted(out)


def load_polnear(split_names: list[str]) -> tuple[dict[str, list[dict[str, Any]]], dict[str, list[dict[str, Any]]]]:
    """PolNeAR documents per split and the primary annotator's attributions per document ({} if absent)."""
    root = CORPUS_DIR / "polnear"
    docs: dict[str, list[dict[str, Any]]] = defaultdict(list)
    quotes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    if not (root / "documents.jsonl").exists() or not (root / "quotes.jsonl").exists():
        return docs, quotes
    for line in (root / "documents.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        if d["split"] in split_names:
            docs[d["split"]].append(d)
    for line in (root / "quotes.jsonl").open(encoding="utf-8"):
        q = json.loads(line)
        if q["primary"] and q["split"] in split_names:
            quotes[q["doc_id"]].append(q)
    return docs, quotes


def _polnear(split_names: list[str], extractor: Any) -> tuple[list[tuple[str, Score]], list[tuple[str, Score]]]:
    """One row per split, and the speaker accuracy of each split by the kind of the gold mention."""
    docs, quotes = load_polnear(split_names)
    if not docs:
        return [], []
    rows, kind_rows = [], []
    for split in split_names:
        total = Score()
        kinds: dict[str, Score] = defaultdict(Score)
        for doc in docs[split]:
            total.add(_score_polnear_doc(doc, quotes.get(doc["id"], []), extractor, kinds))
        rows.append((f"PolNeAR {split} ({len(docs[split])} docs)", total))
        kind_rows += [(f"{split}: {kind}", kinds[kind]) for kind in ("name", "nominal", "pronoun", "none")]
    return rows, kind_rows


def polnear_gold(doc: dict[str, Any], quotes: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list]:
    """Gold direct-quote fragments of one document (start, end, family, has_source, mention) and the
    spans of its mixed quotes (neither gold nor errors)."""
    text = doc["text"]
    ann_dir = CORPUS_DIR / "polnear" / "data" / doc["split"] / "attributions"
    anns = sorted(p for p in ann_dir.glob(f"{doc['id']}_*.ann") if re.fullmatch(
        re.escape(doc["id"]) + r"_[^_]+\.ann", p.name))
    # the proxy speaker comes from the file of the annotator whose quotes are gold (the primary one): the
    # 20 articles annotated by all six annotators have six files, and sorting does not put it first
    primary = {q["annotator"] for q in quotes}
    own = [p for p in anns if p.stem.rsplit("_", 1)[1] in primary]
    anns = own or anns
    sources = _sources(anns[0]) if anns else []
    gold, dont_care = [], []
    for q in quotes:
        if q["quote_type"] == "direct":
            src_at = q["speaker_spans"][0][0] if q["speaker_spans"] else q["start"]
            fam = family_name(q["speaker"])
            if fam is None and q["has_source"]:
                named = [family_name(s) for at, s in sources if at <= src_at]
                named = [n for n in named if n]
                fam = named[-1] if named else None
            for s, e in _fragments(text, q["content_spans"]):
                gold.append({"start": s, "end": e, "family": fam, "has_source": q["has_source"],
                             "mention": q["speaker"], "doc": doc["id"]})
        else:
            dont_care.extend(tuple(s) for s in q["content_spans"])
    return gold, dont_care


def _score_polnear_doc(doc: dict[str, Any], quotes: list[dict[str, Any]], extractor: Any,
                       kinds: dict[str, Score] | None = None) -> Score:
    """The document's score; ``kinds`` (gold mention kind -> Score) counts the speaker checks by kind."""
    text = doc["text"]
    gold, dont_care = polnear_gold(doc, quotes)
    pred = _run(extractor, text, doc["id"])

    def inside_mixed(a: Any) -> bool:
        overlaps_gold = any(min(a.end, g["end"]) > max(a.start, g["start"]) for g in gold)
        return not overlaps_gold and any(min(a.end, e) > max(a.start, s) for s, e in dont_care)

    pred = [a for a in pred if not inside_mixed(a)]

    def speaker_ok(a: Any, g: dict[str, Any]) -> bool:
        if g["family"] is None:
            ok = a.data.get("speaker") is None if not g["has_source"] else False
        else:
            ok = speaker_has(a.data.get("speaker"), g["family"])
        if MISSES is not None and not ok:
            MISSES.append((text, a, g))
        if kinds is not None:
            k = kinds[mention_kind(g["mention"], g["has_source"])]
            k.attr_n += 1
            k.attr_ok += ok
        return ok

    return score(pred, gold, span=lambda a: (a.start, a.end), gold_span=lambda g: (g["start"], g["end"]),
                 attr_ok=speaker_ok)


def kind_table(rows: list[tuple[str, Score]]) -> str:
    """Speaker accuracy by the kind of the gold speaker mention: a name is checked as written; a pronoun or a
    description against the README's proxy (the nearest earlier named source in the annotator's file)."""
    lines = ["Speaker accuracy by gold mention kind (pronoun, nominal: scored against the proxy)",
             f"{'split: kind':<28}{'quotes':>8}{'speaker acc':>20}"]
    for name, s in rows:
        acc = f"{s.attr_accuracy:.3f} ({s.attr_ok}/{s.attr_n})" if s.attr_n else "-"
        lines.append(f"{name:<28}{s.attr_n:>8}{acc:>20}")
    return "\n".join(lines)


# -- speed ------------------------------------------------------------------------------------------
def eval_speed(extractor: Any) -> str | None:
    """Articles per second on BBC News (one core, after a warm-up article)."""
    path = CORPUS_DIR / "bbc-news-2225" / "articles.jsonl"
    if not path.exists():
        return None
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    t0 = time.perf_counter()
    extractor.extract(ArticleText(id="warm", version=1, body=texts[0]))
    warm = time.perf_counter() - t0
    articles = [ArticleText(id=f"bbc{i}", version=1, body=t) for i, t in enumerate(texts)]
    n_quotes = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for a in articles:
        n_quotes += len(extractor.extract(a))
    dt, cpu = time.perf_counter() - t0, time.process_time() - c0
    chars = sum(len(t) for t in texts) / len(texts)
    return (
        f"Speed on BBC News: {len(texts)} articles (avg {chars:.0f} chars), {dt:.2f} s, "
        f"{len(texts) / dt:.0f} articles/s, {1000 * dt / len(texts):.2f} ms/article, "
        f"CPU {len(texts) / cpu:.0f} articles/s ({1000 * cpu / len(texts):.2f} ms/article), "
        f"{n_quotes} quotes; first call (loads the given-name list) {1000 * warm:.0f} ms"
    )


def main(argv: list[str] | None = None) -> None:
    """Print the three evaluation tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", default="train,dev,test", help="PolNeAR splits to score")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--misses", type=int, default=None, metavar="N",
                    help="print speaker errors by kind and N examples (use with --splits train,dev)")
    ap.add_argument("--kind", default=None, metavar="GOLD/PRED",
                    help="with --misses: only examples of one error kind, e.g. 'name/no speaker'")
    args = ap.parse_args(argv)
    global MISSES
    if args.misses is not None:
        MISSES = []
    extractor = build()
    rows = eval_seeds(extractor)
    print(table("Quotes: seed gold (raw seed text, boilerplate excluded)", rows, "speaker acc")
          if rows else "Seed gold absent: skipped")
    print()
    rows, kind_rows = _polnear([s for s in args.splits.split(",") if s], extractor)
    print(table("Quotes: PolNeAR direct quotes, primary annotator (tune: train+dev, report: test)",
                rows, "speaker acc") if rows else "PolNeAR absent: skipped")
    print()
    if kind_rows:
        print(kind_table(kind_rows))
        print()
    if MISSES is not None:
        _print_misses(args.misses, args.kind)
        print()
    if not args.no_speed:
        print(eval_speed(extractor) or "BBC News absent: speed skipped")


if __name__ == "__main__":
    main()
