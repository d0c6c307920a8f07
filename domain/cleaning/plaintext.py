"""Cleaning of plain-text articles: lines -> title block, boilerplate, repairs -> body + alignment."""

from __future__ import annotations

import re

from .boilerplate import is_boilerplate, is_list_heading
from .dates import find_date
from .entities import repair_entities
from .glue import glue_points, has_candidates
from .model import Cleaned, EmptyArticle, Segment
from .titles import DATELINE, VARIANT, headingish, is_near_dup, key, reappears, title_block

# A stripped line: from its first to its last non-space character, never across a line break.
_LINE_RE = re.compile(r"\S(?:[^\n\r\x0b\x0c\x85\u2028\u2029]*\S)?")
_BREAKS_RE = re.compile(r"\r\n?|[\n\x0b\x0c\x85\u2028\u2029]")

Line = tuple[int, int, int]  # (raw_start, raw_end, block number); blocks are split by blank lines


def split_lines(raw: str) -> list[Line]:
    """Non-empty stripped lines with their raw offsets and block numbers (any newline convention)."""
    out: list[Line] = []
    block = 0
    prev_end = -1
    for m in _LINE_RE.finditer(raw):
        s = m.start()
        if prev_end >= 0:
            gap = raw[prev_end:s]
            if gap != "\n" and (gap == "\n\n" or len(_BREAKS_RE.findall(gap)) >= 2):
                block += 1
        out.append((s, m.end(), block))
        prev_end = m.end()
    return out


def _repair(raw: str, s: int, e: int, b: int, segs: list[Segment], parts: list[str]) -> int:
    """Append line ``raw[s:e]`` to the body at offset ``b``, repairing entities and glued tokens."""
    text = raw[s:e]
    edits: list[tuple[int, int, str]] = repair_entities(text, s) if "&" in text else []
    if has_candidates(text):
        spans = [(a, z) for a, z, _ in edits]
        for p in glue_points(text, s):
            if not any(a < p < z for a, z in spans):  # never split inside an entity
                edits.append((p, p, " "))
        edits.sort()
    pos = s
    for a, z, rep in edits:
        if a > pos:
            b = _add(segs, parts, raw[pos:a], b, pos, a)
        b = _add(segs, parts, rep, b, a, z)
        pos = z
    if pos < e:
        b = _add(segs, parts, raw[pos:e], b, pos, e)
    return b


def _add(segs: list[Segment], parts: list[str], text: str, b: int, rs: int, re_: int) -> int:
    """Append ``text`` (from raw[rs:re_]) at body offset ``b``; merge contiguous verbatim runs."""
    be = b + len(text)
    verbatim = be - b == re_ - rs
    if segs and verbatim:
        pbs, pbe, prs, pre = segs[-1]
        if pbe == b and pre == rs and pbe - pbs == pre - prs:
            segs[-1] = (pbs, be, prs, re_)
            parts.append(text)
            return be
    segs.append((b, be, rs, re_))
    parts.append(text)
    return be


def repaired(raw: str, s: int, e: int) -> str:
    """The repaired text of one raw line (used for the title)."""
    parts: list[str] = []
    _repair(raw, s, e, 0, [], parts)
    return "".join(parts)


def body_lines(raw: str, lines: list[Line], first: int, title: str | None) -> list[Line]:
    """The lines after the title block that are article text (boilerplate and lists dropped)."""
    sizes: dict[int, int] = {}
    for _, _, blk in lines:
        sizes[blk] = sizes.get(blk, 0) + 1
    kept: list[Line] = []
    list_block = -1  # block of the link list being dropped, -1 when none
    title_key = key(title) if title else None
    title_len = len(title) if title else 0
    for i in range(first, len(lines)):
        s, e, blk = lines[i]
        text = raw[s:e]
        if "&" in text:  # judge the line as it will read: '&copy; 2022', '&nbsp;'
            text = repaired(raw, s, e).strip()
            if not text:
                continue
        if list_block >= 0:
            if blk == list_block:
                continue
            if sizes[blk] >= 2 or headingish(text):  # the list goes on: more links
                list_block = blk
                continue
            list_block = -1
        if e - s <= 60 and is_list_heading(text):
            list_block = blk
            continue
        if is_boilerplate(text):
            continue
        if title_key is not None and abs(e - s - title_len) <= 12 and key(text) == title_key:
            continue  # the headline repeated inside the body
        kept.append((s, e, blk))
    return kept


def headline_lines(raw: str, lines: list[Line], k: int, t: int | None) -> list[Line]:
    """The title block as content: the headline and subheadlines, once each.

    Mastheads before the headline, variant repeats of a headline and standfirsts the article repeats
    further down are left out; what remains is what the outlet says above the story, where quotes,
    figures and places appear too.
    """
    if t is None:
        return []
    kept: list[Line] = []
    keys: list[str] = []
    block_end = lines[k - 1][1]  # a standfirst is a line the story repeats below the block
    for s, e, blk in lines[t:k]:
        text = raw[s:e]
        line_key = key(text)
        variant = len(line_key) >= 8 and is_near_dup(line_key, keys, VARIANT) is not None
        keys.append(line_key)
        if not (variant or is_boilerplate(text) or DATELINE.match(text) or reappears(raw, text, block_end)):
            kept.append((s, e, blk))
    return kept


def clean_text(raw: str) -> Cleaned:
    """Clean a plain-text article (see the package docstring for the rules)."""
    lines = split_lines(raw)
    k, t = title_block(raw, lines)
    title = (repaired(raw, lines[t][0], lines[t][1]).strip() or None) if t is not None else None
    published_at = None
    for s, e, _ in lines[:k]:
        published_at = find_date(raw[s:e])
        if published_at:
            break
    kept = body_lines(raw, lines, k, title)
    if kept:
        kept = headline_lines(raw, lines, k, t) + kept
    if not kept and k:  # only a title block (a one-line note): its text is the body
        kept = body_lines(raw, lines, 0, None)
    if not kept:
        raise EmptyArticle("nothing left after cleaning")
    segs: list[Segment] = []
    parts: list[str] = []
    b = 0
    prev: Line | None = None
    for line in kept:
        s, e, blk = line
        if prev is not None:
            sep = "\n" if blk == prev[2] else "\n\n"
            gap_start = prev[1]
            if raw[gap_start:s] == sep:
                b = _add(segs, parts, sep, b, gap_start, s)
            else:  # newlines normalised or lines dropped in between: anchor at the previous line's end
                b = _add(segs, parts, sep, b, gap_start, gap_start)
        b = _repair(raw, s, e, b, segs, parts)
        prev = line
    return Cleaned(body="".join(parts), title=title, published_at=published_at, alignment=segs)
