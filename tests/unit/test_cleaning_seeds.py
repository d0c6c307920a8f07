"""The cleaner on the real seed articles (read from ../shared at test time; skipped when absent)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from newsledger.domain.cleaning import clean, to_raw

SHARED = Path(__file__).resolve().parents[3] / "shared"
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"


def seed_files() -> list[Path]:
    if not SEEDS.exists():
        pytest.skip(f"{SEEDS} is not available")
    return sorted(SEEDS.glob("*.txt"))


def gold_docs() -> list[dict]:
    if not GOLD.exists():
        pytest.skip(f"{GOLD} is not available")
    docs = []
    for path in sorted(GOLD.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        doc["raw"] = (SEEDS / f"{doc['article']}.txt").read_text(encoding="utf-8")
        docs.append(doc)
    return docs


def test_the_story_follows_the_headline_block_where_the_gold_says_it_starts():
    for doc in gold_docs():
        out = clean(doc["raw"], "text")
        assert out.body.startswith(out.title), doc["article"]  # the headline is content too
        story = doc["raw"][doc["body_start"] : doc["body_start"] + 30]
        at = out.body.index("\n\n" + story) + 2
        assert to_raw(out.alignment, at, at + len(story)) == (doc["body_start"], doc["body_start"] + len(story))


def test_no_gold_boilerplate_is_left_in_the_body():
    for doc in gold_docs():
        out = clean(doc["raw"], "text")
        for b in doc["boilerplate"]:
            for _, _, rs, re_ in out.alignment:
                assert min(re_, b["end"]) <= max(rs, b["start"]), (doc["article"], b["why"])


def test_gold_items_in_the_body_map_back_onto_their_gold_spans():
    for doc in gold_docs():
        out = clean(doc["raw"], "text")
        raw = doc["raw"]
        for kind in ("quotes", "numbers", "locations"):
            for item in doc[kind]:
                if any(
                    b["start"] <= item["start"] and item["end"] <= b["end"] for b in doc["boilerplate"]
                ):
                    continue
                surface = raw[item["start"]:item["end"]]
                hits = []
                at = out.body.find(surface)
                while at >= 0:
                    hits.append(to_raw(out.alignment, at, at + len(surface)))
                    at = out.body.find(surface, at + 1)
                assert (item["start"], item["end"]) in hits, (doc["article"], kind, surface)


def test_every_seed_cleans_with_a_title_and_a_valid_alignment():
    for path in seed_files():
        raw = path.read_text(encoding="utf-8")
        out = clean(raw, "text")
        assert out.body and "\n\n\n" not in out.body
        for bs, be, rs, re_ in out.alignment:
            if be - bs == re_ - rs:
                assert out.body[bs:be] == raw[rs:re_]
        for marker in ("Previous article", "Next article", "Leave a Reply", "will not be published",
                       "Related Articles", "published here with permission", "&laquo"):
            assert marker not in out.body, (path.name, marker)
