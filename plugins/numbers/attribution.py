"""Who asserts a figure: 'X said ...', '... said X', 'according to X' in the same sentence."""

from __future__ import annotations

import re

from newsledger.plugins.numbers.units import vocab

# A name: capitalised words, joined by the small words of organisation names ('Institute for War Studies',
# 'Council on Foreign Relations', 'Ministry of Defence'); letters only, so digits glued to its last word
# ('Studies2500km²') are not part of it.
_WORD = r"[A-Z](?:[^\W\d_]|(?![’']s\b)[’'.-](?=[^\W\d_]))*"
_NAME = rf"{_WORD}(?:[ \u00a0]+(?:(?:of|for|on|the|de|van)[ \u00a0]+)*{_WORD})*"
_VERBS = r"(?:said|says|told|tells|added|claimed|claims|estimated|estimates|announced|reported|stated|stating)"
_BEFORE = re.compile(rf"(?<![\w’'])(?P<who>{_NAME})\s+(?:has\s+|had\s+|have\s+)?{_VERBS}\b")
_AFTER = re.compile(rf"\b(?:{_VERBS}|[Aa]ccording\s+to)\s+(?:the\s+)?(?P<who>{_NAME})(?P<poss>[’']s\b)?")
_ROLES = vocab(
    "company firm group bank government ministry department agency council commission report study survey "
    "police army military spokesman spokeswoman spokesperson regulator watchdog union club board"
)
# 'the company said': a speaker named by its role, kept as written (the name it stands for is sentences away)
_ROLE_BEFORE = re.compile(rf"\b(?P<who>[Tt]he\s+(?:{'|'.join(sorted(_ROLES))}))\s+(?:has\s+|had\s+|have\s+)?{_VERBS}\b")
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
    for m in _BEFORE.finditer(sentence):
        who = _clean(m.group("who"))
        if who:
            return who
    role = _ROLE_BEFORE.search(sentence)
    for m in _AFTER.finditer(sentence):
        if m.group("poss"):
            continue  # 'said AOL's profit rose': AOL owns the profit, the speaker is someone else
        if role is not None and role.start() < m.start():
            break
        who = _clean(m.group("who"))
        if who:
            return who
    return "the " + role.group("who").split()[-1] if role else None
