"""Quote-mark pairing: where the quoted words are, paragraph by paragraph.

Handles typographic (“ ” ‘ ’ « » „), straight (" ' and the '' / `` digraphs) and malformed HTML-entity
marks (``&laquo ;``), a paragraph-opening quote left open because it continues into the next paragraph
(the newspaper convention), and a closing mark whose opening mark is missing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# One alternation for every mark; entities first so that '&quot;' is not read as '&' + ';'.
_MARK_RE = re.compile(
    r"&(?:laquo|raquo|ldquo|rdquo|bdquo|quot|lsquo|rsquo)\s?;|``|'''|''|[“”«»„‟\"‘’']"
)
_PARA_RE = re.compile(r"[^\n]+")
_ENTITY_ROLE = {"laquo": "<", "ldquo": "<", "bdquo": "<", "raquo": ">", "rdquo": ">", "quot": "?"}
_OPEN_BEFORE = frozenset(" \t\u00a0([{—–-/:;,\u2014")
_CLOSE_AFTER = frozenset(" \t\u00a0)]}.,;:!?—–-/\u2014\u2026")
_UTTERANCE_END = frozenset(".,!?…")
_SENTENCE_CLOSE = frozenset(".!?…")
_FEET_INCHES_RE = re.compile(r"(?<![\w.])\d[’']\d{1,2}$")
_SENTENCE_END_RE = re.compile(r"[.!?…][\"”’']?\s+(?=[\"“‘'«A-Z0-9])")


@dataclass
class Quote:
    """One quoted stretch: ``start:end`` are the words inside the marks (whitespace trimmed)."""

    start: int
    end: int
    open_at: int  # position of the opening mark, -1 when it is missing
    close_at: int  # position of the closing mark, -1 when the quote runs to the paragraph end
    close_end: int  # just after the closing mark (or ``end`` when there is none)
    para: int  # index of the paragraph
    para_start: int
    para_end: int
    single: bool = False  # delimited by single quotes
    continued: bool = False  # opened here, left open: continues into the next paragraph (or the next quote)


def paragraphs(body: str) -> list[tuple[int, int]]:
    """Non-empty lines of the body as (start, end)."""
    return [(m.start(), m.end()) for m in _PARA_RE.finditer(body) if m.group().strip()]


def _role(body: str, m: re.Match[str]) -> tuple[str, str]:
    """(family, role): family 'd' double / 's' single; role '<' open, '>' close, '?' either, '' none."""
    tok = m.group()
    s, e = m.start(), m.end()
    prev = body[s - 1] if s > 0 else " "
    nxt = body[e] if e < len(body) else " "
    if tok.startswith("&"):
        name = tok[1:].rstrip("; ").lower()
        if name in ("lsquo", "rsquo"):
            return "s", "<" if name == "lsquo" else ">"
        return "d", _ENTITY_ROLE.get(name, "?")
    if tok in ("“", "«", "„", "``", "‟"):
        # A sloppy “ after a word and before a space closes (“text“): rare but cheap to handle.
        if tok == "“" and prev not in _OPEN_BEFORE and not prev.isspace() and (nxt.isspace() or nxt in ".,"):
            return "d", ">"
        if tok == "“" and prev == "," and nxt.isspace():
            return "d", ">"  # “Apparently not,“ he said: a sloppy “ after the quote's own comma closes it
        return "d", "<"
    if tok in ("”", '"') and prev.isdigit() and _FEET_INCHES_RE.search(body, max(0, s - 6), s):
        return "d", ""  # a height, 6’2” or 5'11": the inch mark after the foot mark, no quote mark
    if tok in ("”", "»"):
        if tok == "”" and (prev.isspace() or prev in "([") and nxt.isalnum():
            return "d", "<"  # ”text” written with the same mark on both sides
        return "d", ">"
    if tok == "'''":
        # a nested single quote ending with the double one (''the word 'old-school,''' said X): a closing
        # mark after a word or punctuation, an opening one after a space
        return "d", "<" if prev.isspace() or prev in "([" or s == 0 else ">"
    if tok in ('"', "''"):
        if prev.isspace() or prev in _OPEN_BEFORE or s == 0:
            return "d", "<" if not nxt.isspace() else "?"
        if nxt.isspace() or nxt in _CLOSE_AFTER:
            return "d", ">"
        return "d", "?"
    # single marks: an apostrophe between letters (don’t, Ukraine’s) is not a quote mark
    if prev.isalnum() and nxt.isalnum():
        return "s", ""
    if tok == "‘":
        return ("s", "<") if not prev.isalnum() else ("s", "")
    if prev.isspace() or prev in "([—–-\u2014" or s == 0:
        return ("s", "<") if nxt.isalnum() else ("s", "")
    if nxt.isspace() or nxt in _CLOSE_AFTER:
        return "s", ">"
    return "s", ""


def _trimmed(body: str, start: int, end: int) -> tuple[int, int]:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    return start, end


def _orphan_start(body: str, para_start: int, last_close: int, close_at: int) -> int:
    """Start of a quote whose opening mark is missing: the sentence after the previous quote's
    attribution ("…,” he said. They left supplies.”), or the paragraph start."""
    if last_close < 0:
        return para_start
    m = _SENTENCE_END_RE.search(body, last_close, close_at)
    return m.end() if m else -1


def find_quotes(body: str) -> list[Quote]:
    """Every quoted stretch of ``body`` in document order (nested single quotes inside double ones are
    not reported separately)."""
    out: list[Quote] = []
    for pi, (ps, pe) in enumerate(paragraphs(body)):
        d_open = -1  # end of a pending double opening mark
        d_open_at = -1
        s_open = -1
        s_open_at = -1
        last_close = -1
        for m in _MARK_RE.finditer(body, ps, pe):
            fam, role = _role(body, m)
            if not role:
                continue
            if (role == "<" and d_open >= 0 and m.group() == '"' and body[m.start() - 1] in _UTTERANCE_END
                    and m.start() - 1 >= d_open):
                role = ">"  # "… to different audiences,"Katie Packer said: glued to the next word, it closes
            if fam == "d":
                if d_open < 0 and role in "<?":
                    d_open, d_open_at = m.end(), m.start()
                    s_open = -1
                    continue
                if d_open >= 0 and role in ">?":
                    a, b = _trimmed(body, d_open, m.start())
                    if b > a:
                        out.append(Quote(a, b, d_open_at, m.start(), m.end(), pi, ps, pe))
                    d_open = -1
                    last_close = m.end()
                    continue
                if d_open >= 0 and role == "<":
                    a, b = _trimmed(body, d_open, m.start())
                    if b > a and body[b - 1] in _SENTENCE_CLOSE and b < m.start():
                        # “I am glad … commemoration. “Once again …”: paragraphs run together, the first
                        # left open as a quote that goes on in the next paragraph is
                        out.append(Quote(a, b, d_open_at, -1, b, pi, ps, pe, continued=True))
                    d_open, d_open_at = m.end(), m.start()  # else the earlier opening mark was stray
                    continue
                # a closing mark with no opening mark: only trust it right after an utterance's end
                if role == ">" and m.start() > ps and body[m.start() - 1] in _UTTERANCE_END:
                    start = _orphan_start(body, ps, last_close, m.start())
                    if start >= 0:
                        a, b = _trimmed(body, start, m.start())
                        if b > a:
                            out.append(Quote(a, b, -1, m.start(), m.end(), pi, ps, pe))
                    last_close = m.end()
                continue
            if d_open >= 0:
                continue  # single marks nested inside a double quote
            if role == "<" and s_open < 0:
                s_open, s_open_at = m.end(), m.start()
            elif role == ">" and s_open >= 0:
                a, b = _trimmed(body, s_open, m.start())
                if b > a:
                    out.append(Quote(a, b, s_open_at, m.start(), m.end(), pi, ps, pe, single=True))
                s_open = -1
                last_close = m.end()
        if d_open >= 0:
            a, b = _trimmed(body, d_open, pe)
            if b > a:
                out.append(Quote(a, b, d_open_at, -1, b, pi, ps, pe, continued=True))
    return out
