"""Repair of tokens glued together by careless scraping ("Studies2500km²", "CNNUkrainian").

Only boundaries that are clearly glued get a space; ordinary mixed-case and alphanumeric
tokens stay whole: "McDonald", "iPhone", "TimeWarner", "JPMorgan", "COVID-19", "km²", "3rd",
"G7", "MH17", "3Com", "50Mbps", "html5".
"""

from __future__ import annotations

import re

# Cheap scan first (it starts with a character class, so the regex engine skips fast): the
# first character after a possible glued boundary, an uppercase letter or a digit.
CANDIDATE_RE = re.compile(r"[A-Z](?=[a-z])(?<=[A-Z0-9.!?”’»%²³][A-Z])|[0-9](?=[0-9])(?<=[a-z][0-9])")

# The exact boundary rules, tried at each candidate position.
POINT_RE = re.compile(
    "|".join(
        (
            # an acronym of 3+ capitals glued to a capitalised word: "CNNUkrainian" -> "CNN Ukrainian"
            # (two capitals are too often a brand: "JPMorgan", "ZDNet")
            r"(?P<acr>(?<=[A-Z]{3})(?=[A-Z][a-z]{2}))",
            # a word of four or more letters glued to a number: "Studies2500" (not "html5")
            r"(?P<word>(?<=[a-z]{4})(?=[0-9]{2}))",
            # a number glued to a capitalised word: "2022Ukraine" (not "3Com", "50Mbps")
            r"(?<=[0-9]{2})(?=[A-Z][a-z]{2})(?![KMGTP]i?(?:bps|bit|byte))",
            # a sentence end glued to the next sentence: "years.The", "said.”The"
            r"(?P<sent>(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][”’»])(?=[A-Z][a-z]))",
            # a percent sign or a squared/cubed unit glued to a word: "km²The"
            r"(?<=[%²³])(?=[A-Z][a-z]{2})",
        )
    )
)
_WORD_START_BAD = set("@#/.:_-")


def has_candidates(text: str) -> bool:
    """Fast test: could ``text`` contain a glued boundary at all?"""
    return CANDIDATE_RE.search(text) is not None


def glue_points(text: str, base: int) -> list[int]:
    """Raw offsets (``base`` + index in ``text``) where a space must be inserted."""
    points = []
    for c in CANDIDATE_RE.finditer(text):
        at = c.start()
        m = POINT_RE.match(text, at)
        if m is None:
            continue
        if m["acr"] is not None and not _acronym_starts_word(text, at):
            continue
        if m["word"] is not None and not _word_starts_cleanly(text, at):
            continue
        if m["sent"] is not None and _in_address(text, at):
            continue
        points.append(base + at)
    return points


def _acronym_starts_word(text: str, at: int) -> bool:
    i = at
    while i > 0 and "A" <= text[i - 1] <= "Z":
        i -= 1
    return i == 0 or not text[i - 1].isalpha()


def _word_starts_cleanly(text: str, at: int) -> bool:
    """The letters before ``at`` form a plain word ("Studies"), not a handle or an address."""
    i = at
    while i > 0 and "a" <= text[i - 1] <= "z":
        i -= 1
    if i > 0 and text[i - 1].isalpha():
        i -= 1  # one capital may start the word: "Studies"
    if i == 0:
        return True
    prev = text[i - 1]
    return not (prev.isalnum() or prev in _WORD_START_BAD)


def _in_address(text: str, at: int) -> bool:
    """True when the '.' before ``at`` is inside a web address or domain ("Halo.Bungie.Org")."""
    left = text.rfind(" ", 0, at) + 1
    right = text.find(" ", at)
    token = text[left:] if right < 0 else text[left:right]
    return token.count(".") > 1 or "/" in token or "@" in token
