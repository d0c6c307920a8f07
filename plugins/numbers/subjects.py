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
MONEY_FAMILY = ("money",)
# subject key -> (surfaces, dimensions whose quantities the word may describe from context). Synonyms
# fold to one key; plural forms are listed, not guessed. Lengths and durations get no context subject:
# a distance or a span of time is about two points the words around it rarely name.
SUBJECT_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "territory": ("territory territories land lands ground area areas", ("area",)),
    "troops": ("troops soldiers servicemen fighters personnel troop soldier", PEOPLE),
    "inhabitants": ("inhabitants residents population people inhabitant resident persons", PEOPLE),
    "aid": ("aid assistance funding package", MONEY_FAMILY),
    "budget": ("budget spending expenditure", MONEY_FAMILY),
    "cost": ("cost costs price prices", MONEY_FAMILY),
    "debt": ("debt loans loan", MONEY_FAMILY),
    "revenue": ("revenue revenues sales profit profits income", MONEY_FAMILY),
    "inflation": ("inflation", ("percent",)),
    "unemployment": ("unemployment jobless", ("percent",)),
    "growth": ("growth gdp", ("percent",)),
    "votes": ("votes vote voters ballots turnout", ("percent", "count")),
}
SUBJECTS: dict[str, str] = {w: key for key, (words, _) in SUBJECT_GROUPS.items() for w in words.split()}
# people counted by where they live only: 'a population of 1.2 million' is a figure without any event
POPULATION = vocab("population inhabitants")

# What happened to what is counted, read from the quantity's clause: 'floods killed 1,100 people',
# '33 million people were affected', '2500km² have been taken over', 'the bridge cost £250m'. Two
# quantities are one figure only when they share this event: deaths are compared with deaths, never
# with the people affected. event key -> (surfaces, dimension families it applies to).
EVENT_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "killed": ("killed kill kills killing dead died die dies dying death deaths fatalities perished toll "
               "drowned", PEOPLE),
    "injured": ("injured injure injuring injuries wounded wounding hurt hospitalised hospitalized", PEOPLE),
    "affected": ("affected affecting affects impacted", PEOPLE),
    "displaced": ("displaced homeless fled flee fleeing refugees uprooted", PEOPLE),
    "evacuated": ("evacuated evacuate evacuating evacuees evacuation", PEOPLE),
    "missing": ("missing", PEOPLE),
    "rescued": ("rescued rescuing", PEOPLE),
    "arrested": ("arrested arrests detained detaining jailed imprisoned prisoners captives detainees captured",
                 PEOPLE),
    "deployed": ("deployed deploying deploy deployment massed amassed stationed", PEOPLE),
    "employed": ("employs employ employed employing employees workforce", PEOPLE),
    "taken": ("captured recaptured liberated retaken regained seized taken reclaimed freed", ("area",)),
    "lost": ("lost ceded", ("area",)),
    "occupied": ("occupied occupies occupy controlled controls", ("area",)),
    "burned": ("burned burnt burning scorched", ("area",)),
    "flooded": ("flooded submerged inundated", ("area",)),
    "cost": ("cost costs costing bill", MONEY_FAMILY),
    "price": ("price prices priced", MONEY_FAMILY),
    "revenue": ("revenue revenues sales turnover", MONEY_FAMILY),
    "profit": ("profit profits earnings", MONEY_FAMILY),
    "loss": ("loss losses", MONEY_FAMILY),
    "debt": ("debt debts loans loan borrowed borrowing owes owed", MONEY_FAMILY),
    "aid": ("aid assistance donated donations pledged grant grants", MONEY_FAMILY),
    "budget": ("budget budgets spending spend spent expenditure", MONEY_FAMILY),
    "investment": ("invest invested investing investment investments", MONEY_FAMILY),
    "fine": ("fined fine fines penalty penalties damages compensation", MONEY_FAMILY),
    "pay": ("salary salaries wages wage paid pay bonus bonuses fee fees", MONEY_FAMILY),
    "deal": ("bought buy buying acquisition takeover bid offer offered deal sold sell selling", MONEY_FAMILY),
    "value": ("valued valuing worth valuation", MONEY_FAMILY),
    "raised": ("raised raise raising", MONEY_FAMILY),
    "tax": ("tax taxes", MONEY_FAMILY),
    "inflation": ("inflation", ("percent",)),
    "unemployment": ("unemployment jobless", ("percent",)),
    "growth": ("growth gdp", ("percent",)),
    "interest": ("interest", ("percent",)),
    "stake": ("stake", ("percent",)),
    "votes": ("votes vote voters voted ballots turnout", ("percent", "count")),
}
EVENTS: dict[tuple[str, str], str] = {(w, fam): key for key, (words, fams) in EVENT_GROUPS.items()
                                      for w in words.split() for fam in fams}
# Words of a clause that never name its event: auxiliaries, reporting verbs (who says it, not what
# happened), hedges and verbs of change ('rose to', 'reached'), which tell a value, not what it counts.
NEUTRAL = vocab(
    "is are was were be been being has have had having will would could should may might can must do does did "
    "get gets got said says say told tell tells according reported reports claimed claims announced estimated "
    "estimates added stated believed thought expected confirmed revealed showed shows suggested described "
    "rose rise rises risen rising fell fall falls fallen falling increased increase increases decreased "
    "jumped climbed dropped grew grown reached reach reaches hit totalled totaled totalling stood stands "
    "soared surged plunged slumped doubled tripled halved topped exceeded passed numbered compared "
    "approximately nearly almost around about some more less than over under up down just only now "
    "still already also"
)
# a few irregular past forms, folded to one key so 'won' and 'wins' are one event
IRREGULAR = {"won": "win", "wins": "win", "winning": "win", "lost": "lose", "loses": "lose", "losing": "lose",
             "sold": "sell", "sells": "sell", "made": "make", "makes": "make", "took": "take", "takes": "take",
             "gave": "give", "gives": "give", "spent": "spend", "paid": "pay", "bought": "buy", "cut": "cut",
             "cuts": "cut", "scored": "score", "scores": "score", "played": "play", "plays": "play",
             "saw": "see", "sees": "see", "drew": "draw", "draws": "draw", "beat": "beat", "beats": "beat",
             "built": "build", "sent": "send", "held": "hold", "holds": "hold", "kept": "keep", "met": "meet",
             "left": "leave", "ran": "run", "runs": "run"}
# where a clause ends for the event search: a conjunction starts another predicate
CLAUSE_WORDS = vocab("and but or while whereas including includes which who when after before because")
CLAUSE_END = re.compile(r"[.!?;:,()\n\u2013\u2014]")
KNOWN_REACH, VERB_REACH = 10, 5  # words from the quantity: a listed event word, any other verb

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


INVARIANT = vocab("series species")  # one and many alike: 'three series' is not 'sery'


def singular(word: str) -> str:
    w = word.lower()
    if w in SUBJECTS:
        return SUBJECTS[w]
    if w in INVARIANT:
        return w
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "sses", "xes", "zes")):  # 'matches', 'taxes'
        return w[:-2]
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


# number words and scales inside a quantity's text, before the words that qualify what it counts
NUMBER_WORDS = vocab(
    "a an and of half quarter quarters third thirds zero one two three four five six seven eight nine ten eleven "
    "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred hundreds thousand thousands million millions billion billions trillion dozen dozens "
    "m bn k tens scores several few"
)


def _qualifiers(text: str) -> list[str]:
    """The words between the number and the counted noun of ``text`` ('four gold medals' -> ['gold'])."""
    words = [w.lower() for w in WORD.findall(text)][:-1]
    while words and words[0] in NUMBER_WORDS:
        words = words[1:]
    return [w for w in words if w not in STOP]


def _window(body: str, start: int, end: int) -> tuple[str, int]:
    """The quantity's sentence and the one before it, and the offset of the window in the body."""
    lo = max(0, start - 600)
    ends = [m.end() for m in SENTENCE_END.finditer(body, lo, start)]
    begin = ends[-2] if len(ends) >= 2 else lo
    stop = SENTENCE_END.search(body, end)
    return body[begin:stop.end() if stop else len(body)], begin


def _family(dim: str) -> str:
    return dim.split(":", 1)[0]


def _event_word(low: str, family: str) -> tuple[str, bool] | None:
    """(event key, listed) for a word of the clause; None for words that name no event."""
    key = EVENTS.get((low, family))
    if key is not None:
        return key, True
    if low in NEUTRAL or low in STOP or family not in PEOPLE:  # money and shares: only listed events
        return None
    if low in IRREGULAR:
        return IRREGULAR[low], False
    if len(low) > 4 and low.endswith("ed") and not low.endswith("eed"):  # a past form: 'played', 'attended'
        return low, False  # the word itself: a subject is made of words ('managed'), never of stems ('manag')
    return None


def _clause_words(text: str, backwards: bool) -> list[str]:
    """The words between the quantity and its clause's edge, nearest first."""
    edges = list(CLAUSE_END.finditer(text))
    if edges:
        text = text[edges[-1].end():] if backwards else text[:edges[0].start()]
    words = [w.lower() for w in WORD.findall(text)]
    if backwards:
        words.reverse()
    out = []
    for w in words[:KNOWN_REACH]:
        if w in CLAUSE_WORDS:
            break
        out.append(w)
    return out


def event(body: str, start: int, end: int, family: str) -> str | None:
    """What happened to what ``body[start:end]`` counts, from its clause ('killed', 'cost', 'win').

    A listed event word wins over any other verb; the nearest wins among equals, the words before
    the quantity on a tie.
    """
    best: tuple[int, int, str] | None = None
    for backwards, text in ((True, body[max(0, start - 200):start]), (False, body[end:end + 200])):
        for distance, word in enumerate(_clause_words(text, backwards)):
            found = _event_word(word, family)
            if found is None or (not found[1] and distance >= VERB_REACH):
                continue
            rank = (0 if found[1] else 1, distance, found[0])
            if best is None or rank[:2] < best[:2]:
                best = rank
            if found[1]:  # a listed word ends the search this way; another verb may still give way to one
                break
    return best[2] if best else None


def _noun(body: str | None, start: int, end: int, counted: str | None, family: str) -> str:
    """The noun the quantity counts or measures ('' when the words around it do not say).

    Things counted keep the words that qualify them: 'four gold medals' are not 'five medals'.
    """
    if counted:
        noun = singular(counted.split()[-1])
        return " ".join([*_qualifiers(body[start:end]), noun]) if body and family == "count" else noun
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


def subject(body: str | None, start: int, end: int, counted: str | None, dim: str) -> str:
    """The subject key of the quantity at ``body[start:end]`` ('' when nothing says what it counts).

    Counts of people, counts of things and areas need an event ('killed', 'affected', 'win', 'taken'):
    the key is the event for people in general ('killed'), else the noun and the event ('troops
    killed', 'game win', 'territory taken'); without one the quantity is compared with nothing.
    Money and percentages are keyed by the event of their clause ('cost', 'revenue', 'inflation').
    Other dimensions keep their noun.
    """
    family = _family(dim)
    if family not in ("people", "count", "area", "money", "percent"):
        return _noun(body, start, end, counted, family)
    what = event(body, start, end, family) if body else None
    if family in ("money", "percent"):
        return what or ""
    if counted and (counted.split()[-1].lower(), family) in EVENTS:  # '1,300 deaths', '50,000 refugees'
        return EVENTS[(counted.split()[-1].lower(), family)]
    noun = _noun(body, start, end, counted, family)
    if what is None:
        return "population" if family == "people" and _population(body, start, end) else ""
    if family == "people" and noun in ("", "inhabitants", "person", "individual", "victim", "citizen"):
        return what
    return f"{noun} {what}".strip()


def _population(body: str | None, start: int, end: int) -> bool:
    """'a population of 1.2 million', '20,000 inhabitants': people counted by where they live."""
    if not body:
        return False
    near = [w.lower() for w in WORD.findall(body[max(0, start - 30):start] + " " + body[start:end + 20])]
    return any(w in POPULATION for w in near)
