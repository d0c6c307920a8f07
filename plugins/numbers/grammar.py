"""Precompiled patterns of the numbers grammar: number tokens, scales, dates, times, hedges.

Everything here is compiled once at import; the extractor makes one ``finditer`` pass over
the body with ``TOKEN_RE`` and only looks at the few characters around each hit.
"""

from __future__ import annotations

import heapq
import re

from text_to_num import text2num

UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 1e6, "billion": 1e9, "trillion": 1e12, "dozen": 12,
}
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "sixtieth": 60, "seventieth": 70, "eightieth": 80, "ninetieth": 90, "hundredth": 100,
    "thousandth": 1000, "millionth": 1e6,
}
TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SCALES = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6,
    "billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12, "t": 1e12,
}
# Vague amounts are valued at their base (gold README: 'hundreds of' -> 100).
VAGUE_BASE = {
    "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    "tens": 10, "dozen": 12, "hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9,
}



def trie_pattern(words) -> str:
    """A regex alternation of ``words`` factored as a trie: fails after one character, not 36."""
    tree: dict = {}
    for w in words:
        node = tree
        for c in w:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(c) + emit(sub) for c, sub in sorted(node.items()) if c]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return "(?:" + body + ")?"
        return body

    return emit(tree)


_NW = trie_pattern(UNITS_WORDS)
_ORD = trie_pattern(ORDINAL_WORDS)
# Currency signs written before the number; letter prefixes ('US$', 'HK$') and codes ('USD 5')
# are read back from the text before the sign (DOLLAR_PREFIX_RE, CODE_BEFORE_RE).
_CUR = r"[£$€¥₹₽₴]"
DOLLAR_PREFIX_RE = re.compile(r"\b(?:US|AU|A|CA|C|HK|NZ|S|R)$")
CODE_BEFORE_RE = re.compile(r"\b(?:USD|EUR|GBP|Rs\.?)[ \u00a0]?$")

# Spelled tokens, tried left to right at each word start (on the lower-cased body, same
# offsets: three times faster than IGNORECASE): vague amounts before plain number words
# ('hundreds of' before 'hundred'), compound ordinals before cardinals ('twenty-first').
_WORD_TOKEN = (
    r"(?=[a-z])(?<![a-z0-9_])(?:(?P<vague>(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions|billions)(?:\s+of)?"
    r"|(?:tens|hundreds|thousands|millions|billions|dozens|scores)\s+of"
    r"|(?:several|a\s+few)\s+(?:hundred|thousand|million|billion|dozen)"
    r"|(?:hundreds|thousands|millions|billions|dozens|scores)(?!\s+of\b))\b)"
    r"|(?P<frac>(?:a|one|two|three|four)[ -](?:halves|half|thirds?|quarters?|fifths?|tenths?)\b)"
    r"|(?P<half>half\b)"
    r"|(?P<aunit>an?\s+(?=(?:year|month|week|day|hour|decade|century)\b))"
    rf"|(?P<ordw>(?:(?:{TENS})[- ])?{_ORD}\b)"
    rf"|(?P<words>(?:a\s+(?=(?:hundred|thousand|million|billion|dozen)\b))?{_NW}"
    rf"(?:(?:[ -]|\s+and\s+){_NW})*\b))"
)
WORD_TOKEN_RE = re.compile(_WORD_TOKEN)
WORD_TOKEN_RE_ANYCASE = re.compile(_WORD_TOKEN.replace("(?=[a-z])(?<![a-z0-9_])", r"\b"), re.IGNORECASE)
# Digits, with an optional currency sign and minus sign.
NUM_TOKEN_RE = re.compile(
    rf"(?=[£$€¥₹₽₴\d−-])(?P<cur>{_CUR})?(?P<neg>[-−](?=\d))?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
)


def tokens(body: str):
    """Number tokens of ``body`` in document order, offsets into ``body``.

    Two cheap scans (digits, spelled words) merged by position beat one big alternation.
    """
    low = body.lower()
    words = WORD_TOKEN_RE.finditer(low) if len(low) == len(body) else WORD_TOKEN_RE_ANYCASE.finditer(body)
    return heapq.merge(words, NUM_TOKEN_RE.finditer(body), key=_start)


def _start(m: re.Match) -> int:
    return m.start()


SCALE_RE = re.compile(
    r"(?:[ \u00a0]?(?P<sw>thousand|million|billion|trillion|mn|mln|bn|tn|trn)|(?P<sg>m|bn|k)|(?P<sc>b|t))(?![A-Za-z²])",
    re.IGNORECASE,
)
ORD_SUFFIX_RE = re.compile(r"(?:st|nd|rd|th)(?![A-Za-z])", re.IGNORECASE)

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b"
)
# "24 February", "5th of May"; "February 24", "Feb. 21" (month names are case-sensitive).
DATE_AFTER_RE = re.compile(rf"(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}")
DATE_BEFORE_RE = re.compile(rf"{_MONTH}\.?\s+(?:the\s+)?$")
# Times of day: "10:30", "3pm", "3 p.m.", "10.30 GMT"; also "1990s", ratios and dates "5/6".
TIME_AFTER_RE = re.compile(
    r"(?::\d|\s?[ap]\.?m\b\.?|\s?o'clock|\s(?:GMT|BST|CET|EST|EDT|PST|UTC|local\s+time)\b|/\d|s\b|'s\b)",
    re.IGNORECASE,
)
# Phone numbers and codes: a digit group directly followed by more digit groups.
DIGIT_RUN_RE = re.compile(r"(?:[ \u00a0]\d{3,})+")
# Numbers that label things rather than count them: "No. 10", "Section 427", "Flight 370".
LABEL_BEFORE_RE = re.compile(
    r"(?:\bNo\.?|#|\b(?:number|Number|Section|Row|Room|Flight|Route|Article|Chapter|Page|page|Episode"
    r"|Level|Grade|Platform|Gate|Channel|Radio|Bus|Track|Highway|Interstate|Apollo|Windows|Version|version"
    r"|Formula|Category|Category|Stage|Ward|Block|Floor|Unit|Court|Zone|Tier|Division|League|Series))\s*$"
)

# Hedge words before a number (kept out of the span, reported as ``modifier``).
MODIFIER_RE = re.compile(
    r"\b(more\s+than|less\s+than|fewer\s+than|up\s+to|at\s+least|at\s+most|as\s+many\s+as"
    r"|as\s+much\s+as|as\s+few\s+as|as\s+little\s+as|close\s+to|upwards\s+of|in\s+excess\s+of"
    r"|just\s+over|just\s+under|well\s+over|well\s+under|an\s+estimated|approximately|roughly"
    r"|nearly|almost|about|around|some|over|under|estimated|circa|exactly|precisely|only|just"
    r"|below|above|barely|almost|about)\s+$",
    re.IGNORECASE,
)
EXACT_MODIFIERS = frozenset({"exactly", "precisely", "only", "just"})
# Hedges that make a four-digit number an amount rather than a year ('more than 2000', 'some 1200');
# 'about 2005' (concerning, or a time of day), 'around 2010', 'circa 1900', 'up to 2015' and 'over 2015'
# are said of years too.
AMOUNT_HEDGES = frozenset({
    "more than", "less than", "fewer than", "at least", "at most", "as many as", "as much as", "as few as",
    "as little as", "upwards of", "in excess of", "just over", "just under", "well over", "well under",
    "an estimated", "estimated", "approximately", "roughly", "nearly", "almost", "some", "close to",
})

# Connectors of a range or alternative: the unit of the second number applies to the first.
RANGE_RE = re.compile(r"[-–—]?\s*(?:-|–|—|to|or|and)\s*", re.IGNORECASE)

# "half a year", "half of", "half the", "already half taken".
HALF_A_RE = re.compile(r"\s+an?\s+(?=(?:year|month|week|day|hour|decade|century|mile|kilomet)\w*\b)",
                       re.IGNORECASE)
HALF_PCT_RE = re.compile(r"\s+(?:of\b|the\b|their\b|its\b|his\b|her\b|[a-z]+ed\b|taken\b|gone\b|done\b)")
HALF_SKIP_BEFORE_RE = re.compile(r"(?:\bthe|\bfirst|\bsecond|\bthird|\blast|\ba|\band|\bone|-)\s*$",
                                 re.IGNORECASE)

FRACTIONS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5,
             "fifths": 5, "tenth": 10, "tenths": 10}
AND_A_HALF_RE = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
OF_RE = re.compile(r"\s+of\b")
# A bare vague amount saying how, not how many ('by the thousands', 'in their hundreds'), and the
# 'more' a bare one may take before what it counts ('hundreds more were injured').
VAGUE_MANNER_BEFORE_RE = re.compile(r"\b(?:by|in|into)\s+(?:the|their|its|our|your)\s+$", re.IGNORECASE)
MORE_RE = re.compile(r"[ \u00a0]+more\b", re.IGNORECASE)

WORD_RE = re.compile(r"[ \u00a0]+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
OLD_RE = re.compile(r"[- ]old\b")


def words_value(text: str) -> float | None:
    """Value of a spelled number ('thirty', 'two hundred and five', 'a dozen'); None if invalid."""
    low = text.lower().replace("-", " ")
    parts = [w for w in low.split() if w not in ("and", "a")]
    if len(parts) == 1:
        return float(UNITS_WORDS[parts[0]])
    try:
        return float(text2num(" ".join(parts), "en"))
    except ValueError:
        return _fallback_words(parts)


def _fallback_words(parts: list[str]) -> float | None:
    """Lenient spelled-number parser for what text2num rejects ('a dozen', 'two million')."""
    total, current = 0.0, 0.0
    for w in parts:
        v = UNITS_WORDS.get(w)
        if v is None:
            return None
        if v == 100:
            current = (current or 1) * 100
        elif v >= 1000:
            total += (current or 1) * v
            current = 0
        elif w == "dozen":
            current = (current or 1) * 12
        elif current % 100 and not (v < 10 and current % 100 >= 20 and current % 10 == 0):
            return None  # 'two six' ('two Six Nations'), 'ten three': not one number; 'twenty two' is
        else:
            current += v
    return total + current


def fraction_value(text: str) -> float:
    """Value of 'two-thirds', 'a quarter' (0.667, 0.25)."""
    num, den = text.lower().replace("-", " ").split()
    return (1.0 if num in ("a", "one") else float(UNITS_WORDS[num])) / FRACTIONS[den]


def ordinal_words_value(text: str) -> float:
    """Value of 'first', 'twenty-first'."""
    low = text.lower().replace(" ", "-")
    if "-" in low:
        tens, unit = low.split("-", 1)
        return float(UNITS_WORDS[tens] + ORDINAL_WORDS[unit])
    return float(ORDINAL_WORDS[low])
