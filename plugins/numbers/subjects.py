"""What a quantity is about: its dimension (unit family) and a normalised subject key.

Two figures are "the same figure" when they measure the same dimension (areas, lengths, money in
one currency, counts of people, ...) of the same subject ('territory', 'troops', 'killed'). The
subject comes from the assertion's counted noun, else from an ``of <noun>`` phrase right after the
quantity, else from subject words in its sentence and the sentence before. General vocabulary only.
"""

from __future__ import annotations

import re

from newsledger.plugins.numbers.units import vocab

AREA = vocab("km2 mi2 m2 ha acre ft2")
LENGTH = vocab("km mi m cm mm ft yd in nmi")
MASS = vocab("t kg g mg lb")
MONEY = vocab("USD GBP EUR GBX cent JPY CNY INR RUB UAH CHF ILS MYR")
DAYS = {"years": 365.25, "months": 30.44, "weeks": 7.0, "days": 1.0, "hours": 1 / 24, "decades": 3652.5,
        "centuries": 36525.0}
SKIP = vocab("ordinal")  # ranks are not quantities of anything

PEOPLE = ("people", "count")
# subject key -> (surfaces, dimensions whose quantities the word may describe from context). Synonyms
# fold to one key; plural forms are listed, not guessed. Lengths and durations get no context subject:
# a distance or a span of time is about two points the words around it rarely name.
SUBJECT_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "territory": ("territory territories land lands ground area areas", ("area",)),
    "troops": ("troops soldiers servicemen fighters personnel troop soldier", PEOPLE),
    "inhabitants": ("inhabitants residents population people inhabitant resident", PEOPLE),
    "killed": ("killed dead deaths died death fatalities", PEOPLE),
    "wounded": ("wounded injured injuries", PEOPLE),
    "displaced": ("displaced refugees fled evacuated evacuees", PEOPLE),
    "prisoners": ("prisoners captives detainees captured", PEOPLE),
    "aid": ("aid assistance funding package", ("money",)),
    "budget": ("budget spending expenditure", ("money",)),
    "cost": ("cost costs price prices", ("money",)),
    "debt": ("debt loans loan", ("money",)),
    "revenue": ("revenue revenues sales profit profits income", ("money",)),
    "inflation": ("inflation", ("percent",)),
    "unemployment": ("unemployment jobless", ("percent",)),
    "growth": ("growth gdp", ("percent",)),
    "votes": ("votes vote voters ballots turnout", ("percent", "count")),
}
SUBJECTS: dict[str, str] = {w: key for key, (words, _) in SUBJECT_GROUPS.items() for w in words.split()}
# what happened to the people counted: '5,600 people have been killed' is a death toll
FATES = ("killed", "wounded", "displaced", "prisoners")

# a counted noun folds through SUBJECTS, else through a crude singular ('districts' -> 'district')
STOP = vocab("the a an its their his her our this that these those of from in on at to for by with and or "
             "since which who as than into over under across about")
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def dimension(unit: str | None, si_unit: str | None) -> tuple[str, float] | None:
    """(dimension, factor to its comparable base) for a unit; None for units that measure nothing."""
    if unit is None or unit in SKIP:
        return None
    if unit in AREA or si_unit == "km2":
        return "area", 1.0
    if unit in LENGTH or si_unit == "km":
        return "length", 1.0
    if unit in MONEY:
        return f"money:{unit}", 1.0  # no exchange rates in the ledger: compare within one currency
    if unit in DAYS:
        return "duration", DAYS[unit]
    if unit in ("people", "troops"):
        return "people", 1.0
    if unit in MASS:
        return "mass", 1.0
    return unit, 1.0  # count, percent, points, ...: their own dimension


def singular(word: str) -> str:
    w = word.lower()
    if w in SUBJECTS:
        return SUBJECTS[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith("s") and not w.endswith("ss") and len(w) > 3:
        return w[:-1]
    return w


DETERMINERS = vocab("the a an its their his her our")


def _of_phrase(after: str) -> str | None:
    """The head noun of 'of [the] [adjectives] NOUN' right after a quantity ('of territory from ...')."""
    m = re.match(r"\s+of\s+", after)
    if not m:
        return None
    pos, head = m.end(), None
    for tok in WORD.finditer(after, pos, pos + 60):
        if any(c in after[pos:tok.start()] for c in ",.;:()\n"):
            break
        low = tok.group().lower()
        pos = tok.end()
        if head is None and low in DETERMINERS:
            continue
        if low in STOP:
            break
        head = low
        if low in SUBJECTS:  # 'of Russian soldiers': stop at the subject word
            break
    return singular(head) if head else None


def _window(body: str, start: int, end: int) -> tuple[str, int]:
    """The quantity's sentence and the one before it, and the offset of the window in the body."""
    lo = max(0, start - 600)
    ends = [m.end() for m in SENTENCE_END.finditer(body, lo, start)]
    begin = ends[-2] if len(ends) >= 2 else lo
    stop = SENTENCE_END.search(body, end)
    return body[begin:stop.end() if stop else len(body)], begin


def _family(dim: str) -> str:
    return dim.split(":", 1)[0]


def _fate(after: str) -> str | None:
    """'... people have been killed': a fate word in the rest of the clause after a count of people."""
    clause = re.split(r"[.!?;:,\n]", after, maxsplit=1)[0]
    for tok in list(WORD.finditer(clause))[:8]:
        key = SUBJECTS.get(tok.group().lower())
        if key in FATES:
            return key
    return None


def subject(body: str | None, start: int, end: int, counted: str | None, dim: str) -> str:
    """The subject key of the quantity at ``body[start:end]`` ('' when nothing says what it counts)."""
    family = _family(dim)
    if counted:
        key = singular(counted.split()[-1])
        if family == "people" and key in ("inhabitants", "troops") and body:
            key = _fate(body[end:end + 120]) or key
        return key
    if not body:
        return ""
    found = _of_phrase(body[end:end + 80])
    if found:
        return found
    window, offset = _window(body, start, end)
    best: tuple[int, str] | None = None
    for tok in WORD.finditer(window):
        key = SUBJECTS.get(tok.group().lower())
        if key is None or family not in SUBJECT_GROUPS[key][1]:
            continue
        distance = abs(offset + tok.start() - start)
        if best is None or distance < best[0]:
            best = (distance, key)
    return best[1] if best else ""
