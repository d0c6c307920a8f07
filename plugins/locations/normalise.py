"""Name normalisation shared by the gazetteer and the matcher: casefold + unidecode, offset-safe."""

from __future__ import annotations

from functools import lru_cache

from unidecode import unidecode


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    # Per-character folding keeps a map back to the original offsets.
    if ch.isascii():
        return ch.lower()
    if ch in "\u2018\u2019\u02bc\u2032":
        return "'"
    return unidecode(ch).casefold()


def norm_key(name: str) -> str:
    """The lookup key of a place name: ASCII, casefolded, single-spaced."""
    return " ".join("".join(_fold_char(c) for c in name).split())


def norm_text(text: str) -> tuple[str, list[int] | None]:
    """Fold ``text`` for matching; return it and, unless identity, the original offset of each char.

    The offset list has one extra entry (``len(text)``) so that an end offset maps too.
    """
    if text.isascii():
        return text.lower(), None
    # Fast path: fold each distinct non-ASCII character once; when every fold is one character
    # (é -> e, ’ -> ') offsets stay the identity. Symbols that fold longer (£ -> PS) become a space.
    table: dict[int, str] = {}
    for ch in {c for c in text if not c.isascii()}:
        folded = _fold_char(ch)
        if len(folded) == 1:
            table[ord(ch)] = folded
        elif not ch.isalpha():
            table[ord(ch)] = " "
        else:
            table = {}
            break
    else:
        return text.translate(table).lower(), None
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(text):
        folded = _fold_char(ch)
        out.append(folded)
        offsets.extend([i] * len(folded))
    offsets.append(len(text))
    return "".join(out), offsets
