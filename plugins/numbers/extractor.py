"""The built-in ``numbers`` extractor: figures with value, normalised unit, hedge and source.

One ``finditer`` pass of a precompiled grammar (grammar.py) over the body; each hit is then
extended by a unit (units.py) or a counted noun, a bare number of people the text leaves
unnamed ('1,100 killed') counts people (implicit_people.py), hedges are read just before it, and the
speaker is read from its sentence (attribution.py). Calendar dates, years used as dates,
times of day, phone numbers and labels ("No. 10") are not numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from newsledger.domain.assertions import Assertion, make_assertion
from newsledger.domain.extractor import Extractor
from newsledger.domain.text import ArticleText
from newsledger.plugins.numbers import grammar as g
from newsledger.plugins.numbers import units as u
from newsledger.plugins.numbers.attribution import attributed_to, sentence_bounds
from newsledger.plugins.numbers.implicit_people import counts_people
from newsledger.plugins.numbers.units import vocab

NAME = "numbers"
VERSION = "1.3.0"  # 1.1: bare numbers of people ("1,100 killed") count people; 1.2: bare vague
#                    amounts ("hundreds killed") and four-digit counts ("more than 2000 killed")
#                    1.2.1: a number before a spelled name is not multiplied into it ('two Six Nations' is 2)
#                    1.2.2: an amount "of them" before a people event counts people ("thousands of them were killed")
#                    1.3.0: 'm' is metres or million by context; 'a quarter of a million'; periods, years not shares

_STOP = vocab(
    "the a an of in on at to for from by with and or nor but as than that which who whom whose is are "
    "was were be been being have has had will would could should may might can must do does did said "
    "says say told more less most least about over under per each every this these those it its their "
    "his her our your my not no so if then there here when where while after before since until ago "
    "later earlier also just only even still yet all both some any other another such same up down out "
    "off into onto upon via against among between through during without within across behind above "
    "below near around times percent cent they them we he she you i me us him"
)
_IRREGULAR_PLURALS = vocab("people children men women staff police personnel cattle sheep fish")
_YEAR_PREPS = vocab("in since by from until till to during of early late mid before after its their his her "
                    "the our this that last next")
# Glued 'm' without a currency sign is metres in sport ('800m', '400m runners'), million elsewhere.
_SPORT_M = vocab("runner runners race races sprint sprinter sprinters hurdles freestyle relay event events final "
                 "finals heat heats semi-final semi-finals title titles record records champion champions "
                 "butterfly backstroke breaststroke medley individual")
# A measured mark ('a best of 16.76m', 'took the long jump at 6.63m') is a length in metres: two decimals
# after one of these words in the same clause.
_ATHLETIC_BEFORE = re.compile(
    r"\b(?:jump(?:ed|ing|s)?|leap(?:t|ed|s)?|thr(?:ew|own|ow|ows|owing)|cleared|clearance|vault(?:ed)?|"
    r"best|record|mark|distance|height|javelin|discus|hammer|shot|put)\b[^.;!?\n]{0,40}$",
    re.IGNORECASE,
)
# a glued 'm' coordinated with one before it ('100m and 200m', '£5m or 6m') reads as that one does
_M_COORD_BEFORE = re.compile(r"(?P<cur>[£$€¥₹₽₴])?(?P<num>\d+(?:\.\d+)?)m\s*(?:and|or|to|-|–|,)\s*$")
# four-digit years coordinated ('restate 2000 and 2003 results', 'in 1998 or 2002'): the later one is a
# year too when it comes within a lifetime of the first
_YEAR_COORD_BEFORE = re.compile(r"(?<![\d,.])(?P<year>1\d{3}|20\d{2})\s*(?:and|or|to|-|–|,)\s*$")
YEAR_GAP = 50


@dataclass(slots=True)
class Hit:
    """One number found in the body, before it becomes an assertion."""

    start: int
    end: int
    value: float
    unit: str | None = None
    counted: str | None = None
    modifier: str | None = None


def _grp(body: str, m, name: str) -> str | None:
    """A group's text taken from the original body (tokens are matched on its lower-case form)."""
    start = m.start(name)
    return None if start < 0 else body[start:m.end(name)]


def _is_plural(word: str) -> bool:
    if word in _IRREGULAR_PLURALS:
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous"))


def _counted(body: str, pos: int, reach: int = 3) -> tuple[str | None, int]:
    """The plural noun counted right after ``pos`` ('5,600 people', 'two front line positions')."""
    p = pos
    for _ in range(reach):
        wm = g.WORD_RE.match(body, p)
        if wm is None:
            break
        low = wm.group(1).lower()
        if low in _STOP or low.endswith("ly"):
            break
        if wm.group(1)[0].isupper() and (low in g.UNITS_WORDS or low in g.ORDINAL_WORDS):
            break  # a name starts: '10 Six Nations titles' counts no nations
        if _is_plural(low):
            return low, wm.end()
        p = wm.end()
    return None, pos


def _unit_after(body: str, pos: int) -> tuple[str | None, int]:
    """Normalised unit written right after ``pos`` and where it ends."""
    pm = u.POUNDS_RE.match(body, pos)
    if pm:
        return "GBP", pm.end()
    um = u.UNIT_RE.match(body, pos)
    if um is None:
        temp = u.GLUED_TEMPERATURE.get(body[pos:pos + 1])
        if temp and not body[pos + 1:pos + 2].isalnum():
            return temp, pos + 1
        return None, pos
    unit = u.UNIT_BY_GROUP[um.lastgroup]
    surface = um.group(0)
    if unit in u.GLUED_ONLY and surface[:1].isspace():
        return None, pos
    end = um.end()
    if unit == "lb" and surface.lower().endswith("of"):
        end -= 2
        while body[end - 1].isspace():
            end -= 1
    elif unit == "years":
        om = g.OLD_RE.match(body, end)
        if om:
            end = om.end()
    return unit, end


def _tail(body: str, hit: Hit, pos: int, allow_counted: bool = True) -> Hit:
    """Extend ``hit`` by the unit or counted noun after ``pos``."""
    unit, end = _unit_after(body, pos)
    if unit is not None:
        hit.unit, hit.end = unit, end
    elif allow_counted:
        noun, end = _counted(body, pos)
        if noun is not None:
            hit.unit, hit.counted, hit.end = u.counted_unit(noun), noun, end
    return hit


def _digits(body: str, m) -> Hit | int | None:
    """A number written with digits; an int is 'skip up to here' (phone numbers)."""
    cur, txt = _grp(body, m, "cur"), _grp(body, m, "num")
    s = m.start("cur") if cur else m.start("num")
    e = m.end("num")
    if cur == "$":  # 'US$58', 'HK$3'
        pm = g.DOLLAR_PREFIX_RE.search(body, max(0, s - 2), s)
        if pm:
            cur, s = body[pm.start():m.end("cur")], pm.start()
    elif cur is None:  # 'USD 5', 'Rs 500'
        pm = g.CODE_BEFORE_RE.search(body, max(0, s - 4), s)
        if pm:
            cur, s = pm.group(0), pm.start()
    negative = bool(cur) and m.start("neg") >= 0  # '$-99.99'
    if _grp(body, m, "neg") and cur is None:
        # a minus sign only where no number stands before it ('-10C', not '10-15' or '10 - 15')
        s = m.start("neg")
        before = body[max(0, s - 12):s].rstrip()
        if (s == 0 or body[s - 1] in " \t\n(") and not (before and before[-1].isdigit()):
            negative = True
        else:
            s = m.start("num")
    prev = body[s - 1] if s else " "
    if prev.isdigit() or prev in ".,:+/#^" or (prev == "-" and s >= 2 and body[s - 2].isalpha()):
        return None
    glued_letter = prev.isalpha()
    if not cur:
        if g.TIME_AFTER_RE.match(body, e):
            return None
        if g.LABEL_BEFORE_RE.search(body, max(0, s - 12), s):
            return None
    value = float(txt.replace(",", ""))
    if negative:
        value = -value
    plain_int = "," not in txt and "." not in txt
    if not cur and plain_int:
        om = g.ORD_SUFFIX_RE.match(body, e)
        if value <= 31 and (g.DATE_AFTER_RE.match(body, e) or g.DATE_BEFORE_RE.search(body, max(0, s - 16), s)):
            return None
        if om:
            return None if glued_letter else Hit(s, om.end(), value, "ordinal")
        run = g.DIGIT_RUN_RE.match(body, e)
        if run:
            return run.end()
        if len(txt) >= 7:
            return None
    hit = Hit(s, e, value, u.CURRENCY_PREFIX.get(cur.strip()) if cur else None)
    sm = g.SCALE_RE.match(body, e)
    if sm and not cur and sm.group("sg") and sm.group("sg").lower() == "m" and not _million_m(body, txt, s, sm.end()):
        return _tail(body, Hit(s, sm.end(), value, "m"), sm.end(), allow_counted=False)  # '800m', '400m runners'
    if sm and (cur or not sm.group("sc")):  # '$2.174T', '€10B' only after a currency sign
        hit.value *= g.SCALES[(sm.group("sw") or sm.group("sg") or sm.group("sc")).lower()]
        hit.end = sm.end()
    else:
        sm = None
        half = g.AND_A_HALF_RE.match(body, e)
        if half:
            hit.value += 0.5
            hit.end = half.end()
    if cur:
        return None if glued_letter else hit
    _tail(body, hit, hit.end)
    if hit.unit is None and body[hit.end:hit.end + 1].isalpha():
        return None  # glued to letters: a code or model name ('06F6', 'i7', 'LGA1156')
    if glued_letter and (hit.unit is None or hit.counted is not None or body[e:e + 1].isspace()):
        return None
    if hit.unit is None and plain_int and _after_name(body, s):
        return None  # a name's number, not an amount: 'PlayStation 3', 'Radio 4', 'Apollo 11'
    # a year used as a date unless it carries a unit, directly counts a plural noun or counts people;
    # one coordinated with a year before it is a year too ('restate 2000 and 2003 results')
    if (plain_int and not sm and len(txt) == 4 and 1000 <= value <= 2100
            and ((hit.unit is None and not _counts_as_amount(body, s, e)) or (hit.counted is not None and (
                _prev_word(body, s) in _YEAR_PREPS or g.WORD_RE.match(body, e).group(1).lower() != hit.counted))
                 or ((hit.unit is None or hit.counted is not None) and _after_year(body, s, value)))):
        return None
    if prev in "-–" and s >= 2 and body[s - 2].isdigit() and hit.unit is None:
        return None  # second half of a score or of a bare range: '1-0', '28-17'
    return hit


def _counts_as_amount(body: str, s: int, e: int) -> bool:
    """Is the bare four-digit ``body[s:e]`` an amount, not a year?

    It is when a hedge of quantity stands before it ('more than 2000', 'some 1200') or it counts
    people ('1500 injured', 'killed 1300'), and no word of time stands before it or its hedge
    ('in 2000', 'since 1999', 'the 2016 election', 'in about 1850', 'the crash in 2014 killed').
    """
    mod = g.MODIFIER_RE.search(body, max(0, s - 30), s)
    hedge = " ".join(mod.group(1).lower().split()) if mod else None
    before = mod.start(1) if mod else s
    if _prev_word(body, before) in _YEAR_PREPS:
        return False
    return hedge in g.AMOUNT_HEDGES or counts_people(body, s, e, before if mod else None)


def _million_m(body: str, txt: str, s: int, pos: int) -> bool:
    """Is the glued 'm' of ``txt`` at ``s`` a million ('2.5m people') rather than metres ('800m')?

    A sport word after it ('200m finals') or a measured mark before it ('a best of 16.76m') says
    metres; 'of', a plural or people after it say million; a decimal is a million elsewhere. A number
    coordinated with one before it shares its reading ('100m and 200m finals', '£5m and 6m').
    """
    coord = _M_COORD_BEFORE.search(body, max(0, s - 24), s)
    if coord is not None and (coord.start() == 0 or not body[coord.start() - 1].isdigit()):
        num = coord.group("num")
        return bool(coord.group("cur")) or _million_m(body, num, coord.start("num"), coord.end("num") + 1)
    wm = g.WORD_RE.match(body, pos)
    word = wm.group(1).lower() if wm else ""
    if word in _SPORT_M:
        return False
    if word == "of" or _is_plural(word) or word in u.PEOPLE_NOUNS:
        return True
    if "." in txt:
        return not (len(txt.rsplit(".", 1)[1]) == 2 and _ATHLETIC_BEFORE.search(body, max(0, s - 60), s))
    return False


def _after_year(body: str, s: int, value: float) -> bool:
    """Does the year-like ``body[s:...]`` follow a year it is coordinated with ('2000 and 2003')?"""
    ym = _YEAR_COORD_BEFORE.search(body, max(0, s - 12), s)
    return ym is not None and 0 < value - int(ym.group("year")) <= YEAR_GAP


def _after_name(body: str, s: int) -> bool:
    """True when a capitalised word (not the first of its sentence) stands right before ``s``."""
    if s < 2 or body[s - 1] != " ":
        return False
    i = s - 2
    while i >= 0 and (body[i].isalnum() or body[i] in "-'’"):
        i -= 1
    word = body[i + 1:s - 1]
    if not word or not word[0].isupper():
        return False
    j = i
    while j >= 0 and body[j] in " \t":
        j -= 1
    return j >= 0 and body[j] not in '.!?"“”\n:'


def _sentence_initial(body: str, s: int) -> bool:
    j = s - 1
    while j >= 0 and body[j] in " \t\"“‘'(":
        j -= 1
    return j < 0 or body[j] in ".!?\n:"


def _prev_word(body: str, s: int) -> str:
    chunk = body[max(0, s - 12):s].split()
    return chunk[-1].lower() if chunk else ""


def _name_cut(body: str, s: int, e: int) -> int:
    """End of the spelled number ``body[s:e]`` before a capitalised word that starts a name.

    'two Six Nations' is 'two' before the name 'Six Nations', not two times (or plus) six; a
    number in title case ('Two Hundred Killed') is whole.
    """
    if body[s].isupper():
        return e
    for w in _NAME_WORD_RE.finditer(body, s, e):
        if w.start() > s and w.group(0)[0].isupper():
            return s + len(body[s:w.start()].rstrip(" -").removesuffix(" and").rstrip(" -"))
    return e


def _words(body: str, m) -> Hit | None:
    if m.start() >= 2 and body[m.start() - 1] == "-" and body[m.start() - 2].isalpha():
        return None  # 'multi-million'
    if _grp(body, m, "words")[0].isupper() and not _sentence_initial(body, m.start()):
        return None  # part of a name: 'Six Nations', 'Big Four'
    end = _name_cut(body, m.start(), m.end())
    value = g.words_value(body[m.start():end])
    if value is None:
        return None
    half = g.AND_A_HALF_RE.match(body, end)
    if half:
        value, end = value + 0.5, half.end()
    hit = _tail(body, Hit(m.start(), end, value), end)
    if value == 1 and (hit.unit is None or hit.counted is not None):
        return None  # 'one of', 'one people': a single thing, not a count
    return hit


_NAME_WORD_RE = re.compile(r"[A-Za-z]+")


def _ordinal_word(body: str, m) -> Hit | None:
    txt = _grp(body, m, "ordw")
    if txt[0].isupper() and not _sentence_initial(body, m.start()):
        return None  # part of a name: 'First Minister', 'Second Life'
    low = txt.lower()
    if low == "second":
        if _prev_word(body, m.start()) in ("a", "per", "every", "split", "each", "one", "fraction"):
            return None
        if body.startswith("-hand", m.end()):
            return None
    if g.DATE_AFTER_RE.match(body, m.end()):
        return None
    return Hit(m.start(), m.end(), g.ordinal_words_value(txt), "ordinal")


def _fraction(body: str, m) -> Hit | None:
    """'two-thirds of' -> percent; 'a quarter of a million students' -> 250,000 students; 'the preceding
    three quarters' counts quarters; 'a third term' stays an ordinal.

    A fraction is a share only where 'of' follows or it is written as one word ('two-thirds'):
    'three quarters' alone are periods.
    """
    txt = _grp(body, m, "frac")
    scale = _SCALE_OF_RE.match(body, m.end())
    if scale:
        value = g.fraction_value(txt) * g.SCALES[scale.group(1).lower()]
        return _tail(body, Hit(m.start(), scale.end(), value), scale.end())
    of = g.OF_RE.match(body, m.end())
    word = re.split(r"[ -]", txt)[-1].lower()
    if not of and " " in txt and word in _PERIOD_FRACTIONS and txt[0] not in "aA":
        return Hit(m.start(), m.end(), float(g.UNITS_WORDS[txt.split()[0].lower()]), "count", counted=word)
    if of or not txt.lower().startswith("a"):
        return Hit(m.start(), m.end(), round(g.fraction_value(txt) * 100, 6), "percent")
    if word in g.ORDINAL_WORDS:
        return Hit(m.end() - len(word), m.end(), float(g.ORDINAL_WORDS[word]), "ordinal")
    return None


# 'a quarter of a million', 'half a million': the fraction scales the amount
_SCALE_OF_RE = re.compile(r"[ \u00a0]+(?:of[ \u00a0]+)?an?[ \u00a0]+(thousand|million|billion)\b", re.IGNORECASE)
# plural fractions that are also periods or parts of a game: 'three quarters', 'two halves'
_PERIOD_FRACTIONS = frozenset({"quarters", "halves"})


def _half(body: str, m) -> Hit | None:
    s, e = m.start(), m.end()
    scale = _SCALE_OF_RE.match(body, e)
    if scale:  # 'half a million people'
        return _tail(body, Hit(s, scale.end(), 0.5 * g.SCALES[scale.group(1).lower()]), scale.end())
    am = g.HALF_A_RE.match(body, e)
    if am:
        unit, end = _unit_after(body, am.end() - 1)
        return Hit(s, end, 0.5, unit) if unit else None
    if g.HALF_SKIP_BEFORE_RE.search(body, max(0, s - 10), s):
        return None
    if g.HALF_PCT_RE.match(body, e):
        return Hit(s, e, 50.0, "percent")
    return None


def _vague(body: str, m) -> Hit | None:
    words = _grp(body, m, "vague").lower().split()
    if words[0] in ("several", "a"):
        value = float(g.VAGUE_BASE[words[-1]])
    elif len(words) >= 3:  # 'tens of thousands (of)'
        value = float(g.VAGUE_BASE[words[0]] * g.VAGUE_BASE[words[2]])
    else:
        value = float(g.VAGUE_BASE[words[0]])
    if words[-1] != "of" and words[0] not in ("several", "a"):
        return _bare_vague(body, m, value, words)
    hit = _tail(body, Hit(m.start(), m.end(), value), m.end())
    if hit.unit is None:
        amount_end = m.start() + len(_grp(body, m, "vague").rsplit(None, 1)[0])  # 'thousands' of 'thousands of'
        if not counts_people(body, m.start(), amount_end):
            return None
        # 'thousands of them were killed': people, named before
        hit.end, hit.unit, hit.counted = amount_end, "people", "people"
    hit.modifier = " ".join(words)
    return hit


def _bare_vague(body: str, m, value: float, words: list[str]) -> Hit | None:
    """'hundreds killed', 'killed dozens', 'thousands more troops': a vague amount without 'of'.

    It is a number only where it counts something: a plural noun right after it (past 'more'), or
    people, by an event only people undergo. 'Tens of thousands' is a number on its own, as a bare
    '10,000' is. 'By the thousands', 'in their thousands' say how, not how many; 'scores' is also
    a verb ('he scores goals'), so it counts people only.
    """
    hit = Hit(m.start(), m.end(), value, modifier=" ".join(words))
    if g.VAGUE_MANNER_BEFORE_RE.search(body, max(0, m.start() - 16), m.start()):
        return None
    if body[m.start()].isupper() and not _sentence_initial(body, m.start()):
        return None  # part of a name: 'Mega Millions numbers'
    more = g.MORE_RE.match(body, m.end())
    after = more.end() if more else m.end()
    if words[0] != "scores":
        noun, end = _counted(body, after, reach=1)
        if noun is not None:
            hit.unit, hit.counted, hit.end = u.counted_unit(noun), noun, end
            return hit
    if counts_people(body, m.start(), after):
        hit.unit = hit.counted = "people"
        return hit
    return hit if len(words) == 3 else None


def find_numbers(body: str) -> list[Hit]:
    """All numbers in ``body`` in document order, non-overlapping."""
    hits: list[Hit] = []
    last = 0
    for m in g.tokens(body):
        if m.start() < last:
            continue
        kind = m.lastgroup
        if kind == "num":
            hit = _digits(body, m)
            if isinstance(hit, int):
                last = hit
                continue
        elif kind == "words":
            hit = _words(body, m)
        elif kind == "ordw":
            hit = _ordinal_word(body, m)
        elif kind == "vague":
            hit = _vague(body, m)
        elif kind == "half":
            hit = _half(body, m)
        elif kind == "frac":
            hit = _fraction(body, m)
        else:  # 'a month': only with a hedge ('about a month'), else it is not a figure
            mod = g.MODIFIER_RE.search(body, max(0, m.start() - 30), m.start())
            unit, end = _unit_after(body, m.end() - 1)
            hit = Hit(m.start(), end, 1.0, unit) if mod and unit else None
        if hit is None:
            continue
        hedge_start = None
        if hit.modifier is None:
            mod = g.MODIFIER_RE.search(body, max(0, hit.start - 30), hit.start)
            if mod:
                hit.modifier = " ".join(mod.group(1).lower().split())
                hedge_start = mod.start(1)
        if hit.unit is None and counts_people(body, hit.start, hit.end, hedge_start):
            hit.unit = hit.counted = "people"  # '1,100 killed', 'the death toll rose to 90'
        hits.append(hit)
        last = hit.end
    _share_range_units(body, hits)
    return hits


def _share_range_units(body: str, hits: list[Hit]) -> None:
    """'8 or 9 euros', '10-15 km': the unit written once applies to both numbers."""
    for a, b in pairwise(hits):
        if a.unit is None and b.unit not in (None, "ordinal") and g.RANGE_RE.fullmatch(body, a.end, b.start):
            a.unit, a.counted = b.unit, b.counted
    # a bare number right before '-<digits>' whose second half was dropped is a score: '1-0'
    hits[:] = [h for h in hits if not (h.unit is None and body[h.end:h.end + 1] in ("-", "–")
                                       and body[h.end + 1:h.end + 2].isdigit())]


def extract(article: ArticleText) -> list[Assertion]:
    """Number assertions of one article version (pure and deterministic)."""
    body = article.body
    out: list[Assertion] = []
    speakers: dict[int, str | None] = {}
    for hit in find_numbers(body):
        s0, s1 = sentence_bounds(body, hit.start, hit.end)
        if s0 not in speakers:
            speakers[s0] = attributed_to(body[s0:s1])
        si_value, si_unit = u.si(hit.value, hit.unit)
        data = {
            "value": hit.value,
            "unit": hit.unit,
            "si_value": si_value,
            "si_unit": si_unit,
            "counted": hit.counted,
            "modifier": hit.modifier,
            "approximate": hit.modifier is not None and hit.modifier not in g.EXACT_MODIFIERS,
            "attributed_to": speakers[s0],
        }
        out.append(make_assertion(article, extractor=NAME, extractor_version=VERSION, kind="number",
                                  start=hit.start, end=hit.end, data=data))
    return out


def build() -> Extractor:
    """The numbers extractor, ready to register."""
    return Extractor(
        name=NAME,
        version=VERSION,
        extract=extract,
        kinds=("number",),
        description="Figures with value, normalised unit (SI for areas and lengths), counted noun, "
        "hedge and the speaker who asserts them; dates and times are not numbers.",
    )
