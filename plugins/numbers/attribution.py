"""Who asserts a figure: 'X said ...', '... said X', 'according to X' in the same sentence."""

from __future__ import annotations

import re

from newsledger.plugins.numbers.units import vocab

_NAME = r"[A-Z][\w’'.-]*(?:[ \u00a0]+(?:of[ \u00a0]+|the[ \u00a0]+|de[ \u00a0]+|van[ \u00a0]+)?[A-Z][\w’'.-]*)*"
_VERBS = r"(?:said|says|told|tells|added|claimed|claims|estimated|estimates|announced|reported|stated|stating)"
_BEFORE = re.compile(rf"(?<![\w’'])(?P<who>{_NAME})\s+(?:has\s+|had\s+|have\s+)?{_VERBS}\b")
_AFTER = re.compile(rf"\b(?:{_VERBS}|[Aa]ccording\s+to)\s+(?:the\s+)?(?P<who>{_NAME})")
_SENT_END = re.compile(r"[.!?][\"”’']?(?=\s)|\n")

# Titles and roles in front of a name: the speaker is the name after them.
_TITLES = vocab(
    "President Mr Mrs Ms Miss Dr Prof Professor Sir Dame Lord Lady Minister Chancellor Secretary "
    "Colonel General Gen Lieutenant Major Captain Admiral Commander Chief Senator Governor Mayor "
    "King Queen Prince Princess Pope Spokesman Spokeswoman Spokesperson Premier Prime Deputy "
    "Foreign Defence Defense Health Home Interior Economy Finance Vice Ambassador Judge Justice "
    "Rev Reverend Saint St Coach Manager Director Chairman CEO Editor Analyst"
)
_NOT_NAMES = vocab("He She They It We I You This That There The A An But And")


def sentence_bounds(body: str, start: int, end: int) -> tuple[int, int]:
    """Start and end of the sentence around ``body[start:end]`` (cheap punctuation rule)."""
    s0 = max(body.rfind(". ", 0, start), body.rfind("? ", 0, start), body.rfind("! ", 0, start),
             body.rfind("\n", 0, start), body.rfind(".” ", 0, start), body.rfind('." ', 0, start))
    s0 = 0 if s0 < 0 else s0 + 1
    m = _SENT_END.search(body, end)
    return s0, (m.end() if m else len(body))


def _clean(name: str) -> str | None:
    words = name.replace("\u00a0", " ").split()
    while words and words[0] in ("The", "the"):
        words = words[1:]
    for i in range(len(words) - 1, -1, -1):
        if words[i].rstrip(".") in _TITLES and i < len(words) - 1:
            words = words[i + 1 :]
            break
    if not words or (len(words) == 1 and words[0] in _NOT_NAMES):
        return None
    return " ".join(words).rstrip(".,")


def attributed_to(sentence: str) -> str | None:
    """The speaker named in ``sentence`` as written, titles stripped; None when there is none."""
    if "said" not in sentence and "ccording" not in sentence and "told" not in sentence \
            and "says" not in sentence and "claim" not in sentence and "estimat" not in sentence \
            and "announced" not in sentence and "reported" not in sentence and "stat" not in sentence \
            and "added" not in sentence:
        return None
    for rx in (_BEFORE, _AFTER):
        for m in rx.finditer(sentence):
            who = _clean(m.group("who"))
            if who:
                return who
    return None
