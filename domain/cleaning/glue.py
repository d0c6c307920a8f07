"""Repair of tokens glued together by careless scraping ("Studies2500km²", "CNNUkrainian").

Only boundaries that are clearly glued get a space; ordinary mixed-case and alphanumeric
tokens stay whole: "McDonald", "iPhone", "TimeWarner", "COVID-19", "km²", "3rd", "G7", "MH17",
"3Com", "50Mbps", "html5".
"""

from __future__ import annotations

import re

# Each branch matches the left side of a glued boundary; a space is inserted at its end.
GLUE_RE = re.compile(
    "|".join(
        (
            # an acronym of 3+ capitals glued to a capitalised word: "CNNUkrainian" -> "CNN Ukrainian"
            # (two capitals are too often a brand: "JPMorgan", "ZDNet")
            r"(?<![A-Za-z])[A-Z]{3,}(?=[A-Z][a-z]{2,})",
            # a word of four or more letters glued to a number: "Studies2500" (not "html5")
            r"(?<![\w@#/.:_-])[A-Za-z][a-z]{3,}(?=\d\d)",
            # a number glued to a capitalised word: "2022Ukraine" (not "3Com", "50Mbps", "10GHz")
            r"(?<=\d\d)(?=[A-Z][a-z]{2,})(?![KMGTP]i?(?:bps|bit|byte))",
            # a sentence end glued to the next sentence: "years.The", "said.”The"
            r"(?P<sent>(?<=[a-z][a-z][.!?])(?=[A-Z][a-z])|(?<=[a-z][.!?][”’»])(?=[A-Z][a-z]))",
            # a percent sign or a squared/cubed unit glued to a word: "km²The"
            r"(?<=[%²³])(?=[A-Z][a-z]{2,})",
        )
    )
)


def glue_points(text: str, base: int) -> list[int]:
    """Raw offsets (``base`` + index in ``text``) where a space must be inserted."""
    points = []
    for m in GLUE_RE.finditer(text):
        at = m.end()
        if m["sent"] is not None and _in_address(text, at):
            continue
        points.append(base + at)
    return points


def _in_address(text: str, at: int) -> bool:
    """True when the '.' before ``at`` is inside a web address or domain ("Halo.Bungie.Org")."""
    left = text.rfind(" ", 0, at) + 1
    right = text.find(" ", at)
    token = text[left:] if right < 0 else text[left:right]
    return token.count(".") > 1 or "/" in token or "@" in token
