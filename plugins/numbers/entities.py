"""Whose quantity it is and when: the entity named in its clause and the period its sentence names.

A company's sales are compared with that company's sales, never with another's; an athlete's medals
with that athlete's. The entity is the nearest name written before the quantity in its sentence
('TimeWarner said fourth quarter sales rose 2% to $11.1bn', 'Jones won five medals', "AOL's profit
rose 8%"). A capitalised word that opens the sentence is a name only when the article never writes it
in lower case ('Crude oil prices' is not a name, 'TimeWarner said' is). Only figures an actor owns
(money, shares, counts of things) are keyed by it: deaths and territory belong to an event, which the
figure's scope (the main country) stands for, and outlets name its actors differently.

A price or rate is a series over time: two values of it disagree only when they are of one period,
read from the years, months and quarters their sentences name.

Two articles tell one story when they name the same people, organisations and places: the names an
article writes with a capital (and never in lower case) are its story's names, which the grouping
compares (``disagreements.same_story``).
"""

from __future__ import annotations

import re

from newsledger.plugins.numbers.units import vocab

_NAME = re.compile(
    r"(?<![\w’'])[A-Z][\w&.-]*(?:[’']s\b)?"
    r"(?:[ \u00a0]+(?:(?:of|for|and|de|van)[ \u00a0]+)?[A-Z][\w&.-]*(?:[’']s\b)?)*"
)
_SENTENCE_START = re.compile(r"(?:[.!?][\"”’']?\s+|\n)")
_NOT_NAMES = vocab(
    "The A An This That These Those It Its He She His Her They Their We Our I You But And Or So If When While "
    "After Before Since As At In On Of For By From To With Without However Although Though Meanwhile Also "
    "Yet Still Last Next Some Many Most Much More Less Both Each Every All Any Such There Here Now Then "
    "Mr Mrs Ms Dr Sir Lord Lady"
)
_OPENING = "\"“‘'(-\u2013\u2014 "
_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec")
_CALENDAR = vocab(_MONTHS + " monday tuesday wednesday thursday friday saturday sunday")
_PERIOD = re.compile(
    rf"\b(?:(?P<year>(?:19|20)\d\d)(?![\d,])|(?P<month>{_MONTHS.replace(' ', '|')})\b"
    r"|(?P<quarter>(?:first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter|Q[1-4])\b)",
    re.IGNORECASE,
)
_MONTH_KEYS = {m[:3]: i + 1 for i, m in enumerate(_MONTHS.split()[:12])}
_QUARTER_KEYS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
# subjects measured again and again over time: a price, a rate, an index level
TIME_SERIES = vocab("price interest inflation unemployment growth")
_CLAUSE_EDGE = re.compile(r"[,;:()\u2013\u2014]\s*")
_RELATIVE = re.compile(r"(?:who|which|whose|that)\b")
_ANTECEDENT = re.compile(r"[A-Z][\w&.-]*(?:[ \u00a0]+[A-Z][\w&.-]*)*\s*$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|from|over|across|into|outside|inside|around|throughout|the)\s+$",
                           re.IGNORECASE)
REACH = 300  # characters before the quantity searched for its sentence's start


def _sentence_start(body: str, start: int) -> int:
    lo = max(0, start - REACH)
    ends = [m.end() for m in _SENTENCE_START.finditer(body, lo, start)]
    return ends[-1] if ends else lo


def _clause_start(body: str, s0: int, start: int) -> int:
    """Where the quantity's clause, in the sentence starting at ``s0``, begins; a relative clause ('Jones,
    who won five medals') keeps its antecedent, the words just before its comma."""
    edges = list(_CLAUSE_EDGE.finditer(body, s0, start))
    if not edges:
        return s0
    if _RELATIVE.match(body, edges[-1].end()):
        before = _ANTECEDENT.search(body, s0, edges[-1].start())
        return before.start() if before else edges[-1].end()
    return edges[-1].end()


def entity(body: str | None, start: int) -> str | None:
    """The name (lower case, possessive dropped) nearest before ``body[start]`` in its clause, if any.

    A name after a preposition of place ('the bridge in Glasgow') says where, not whose.
    """
    if not body:
        return None
    s0 = _sentence_start(body, start)
    c0 = _clause_start(body, s0, start)
    found = None
    while s0 < start and body[s0] in _OPENING:  # a sentence may open with a quote: '"The price of oil'
        s0 += 1
    for m in _NAME.finditer(body, c0, start):
        words = m.group().replace("\u00a0", " ").split()
        if len(words) == 1 and (words[0] in _NOT_NAMES or len(words[0].rstrip(".")) < 2):
            continue  # 'I', 'There' inside a quote, the 'L' of 'Blue Gene/L': no one's name
        if m.start() == s0 and words[0] in _NOT_NAMES:
            words = words[1:]
        elif m.start() == s0 and len(words) == 1 and re.search(rf"\b{re.escape(words[0].lower())}\b", body):
            continue  # a sentence's first word the article also writes in lower case: 'Crude oil prices'
        words = [w for w in words if w.lower().rstrip(".") not in _CALENDAR]
        if not words or _PLACE_BEFORE.search(body, max(0, m.start() - 12), m.start()):
            continue
        name = " ".join(words)
        found = re.sub(r"[’']s$", "", name).rstrip(".").lower()
    return found or None


def period(body: str | None, start: int, end: int) -> str | None:
    """The years, months and quarters named in the quantity's sentence ('2004 q4'); None when none is."""
    if not body:
        return None
    s0 = _sentence_start(body, start)
    stop = _SENTENCE_START.search(body, end)
    marks = set()
    for m in _PERIOD.finditer(body, s0, stop.start() if stop else len(body)):
        if m.group("year"):
            marks.add(m.group("year"))
        elif m.group("month"):
            if m.group("month")[0].islower():
                continue  # months are written with a capital: 'may' and 'march' are verbs
            marks.add(f"m{_MONTH_KEYS[m.group('month').lower()[:3]]}")
        else:
            q = m.group("quarter").lower()
            marks.add(f"q{q[1]}" if q.startswith("q") else f"q{_QUARTER_KEYS[re.split('[ -]', q)[0]]}")
    return " ".join(sorted(marks)) or None


ACTOR_FAMILIES = ("money", "percent", "count")


def keyed(subject: str, family: str, body: str | None, start: int) -> str:
    """``subject`` of the entity that owns the quantity ('revenue of timewarner'), where one is named."""
    if not subject or family not in ACTOR_FAMILIES:
        return subject
    who = entity(body, start)
    return f"{subject} of {who}" if who else subject


def time_series(subject: str) -> bool:
    """Is ``subject`` a price or rate measured over time (its first word: 'price', 'interest', ...)?"""
    return subject.split(" ", 1)[0] in TIME_SERIES


_LOWER_WORD = re.compile(r"\b[a-z][a-z'’-]*\b")
_JOINERS = vocab("of for and de van")


def story_names(body: str | None) -> list[str]:
    """The names an article writes (lower case, sorted, each word once): 'kharkiv', 'timewarner'.

    A capitalised word the article also writes in lower case is an ordinary word that opens a sentence
    or a headline ('Floods', 'Quarterly'), not a name; function words and calendar words are not names.
    """
    if not body:
        return []
    lower = set(_LOWER_WORD.findall(body))
    out = set()
    for m in _NAME.finditer(body):
        for word in m.group().replace("\u00a0", " ").split():
            if word in _NOT_NAMES or word in _JOINERS:
                continue
            w = re.sub(r"[’']s$", "", word).strip(".-&").lower()
            if len(w) >= 2 and w not in lower and w not in _CALENDAR:
                out.add(w)
    return sorted(out)
