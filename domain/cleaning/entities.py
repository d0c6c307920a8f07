"""HTML entity repair for plain text, including broken and double-escaped entities.

Handles ``&laquo;``, ``&laquo`` (legacy, no semicolon), ``&laquo ;`` (space before the
semicolon), ``&amp;quot;`` (escaped twice), ``&#171;`` and ``&#xAB;``. Curly quotes and every
other character are left exactly as they are (no ftfy-style quote straightening).
"""

from __future__ import annotations

import re
from html.entities import html5

# '&' (optionally an escaped '&amp;' in front), then a numeric or named reference, then an
# optional space and semicolon: the broken forms seen in scraped text.
ENTITY_RE = re.compile(
    r"&(?:amp;)*(?:#(?P<dec>[0-9]{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6})|(?P<name>[A-Za-z][A-Za-z0-9]{1,31}))"
    r"(?P<semi> ?;)?"
)

# Windows-1252 code points that numeric references in scraped text usually mean (HTML5 rule).
_CP1252 = {
    0x80: "\u20ac", 0x82: "\u201a", 0x83: "\u0192", 0x84: "\u201e", 0x85: "\u2026", 0x86: "\u2020",
    0x87: "\u2021", 0x88: "\u02c6", 0x89: "\u2030", 0x8A: "\u0160", 0x8B: "\u2039", 0x8C: "\u0152",
    0x8E: "\u017d", 0x91: "\u2018", 0x92: "\u2019", 0x93: "\u201c", 0x94: "\u201d", 0x95: "\u2022",
    0x96: "\u2013", 0x97: "\u2014", 0x98: "\u02dc", 0x99: "\u2122", 0x9A: "\u0161", 0x9B: "\u203a",
    0x9C: "\u0153", 0x9E: "\u017e", 0x9F: "\u0178",
}


def _numeric(code: int) -> str | None:
    if code in _CP1252:
        return _CP1252[code]
    if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code < 0x20 and code not in (9, 10):
        return None
    return chr(code)


def _decode(m: re.Match[str]) -> str | None:
    """The character(s) an entity match stands for, or None when it is not an entity."""
    if m["dec"] is not None:
        return _numeric(int(m["dec"]))
    if m["hex"] is not None:
        return _numeric(int(m["hex"], 16))
    name = m["name"]
    if m["semi"]:
        return html5.get(name + ";")
    # Without a semicolon only the legacy names count ('&amp', '&laquo'); 'AT&T' stays.
    return html5.get(name)


def repair_entities(text: str, base: int) -> list[tuple[int, int, str]]:
    """Entity repairs in ``text`` (which starts at raw offset ``base``).

    Returns ``(raw_start, raw_end, replacement)`` for each entity, in order; the text between
    them is to be copied verbatim.
    """
    out: list[tuple[int, int, str]] = []
    for m in ENTITY_RE.finditer(text):
        rep = _decode(m)
        if rep is None:
            continue
        out.append((base + m.start(), base + m.end(), rep))
    return out
