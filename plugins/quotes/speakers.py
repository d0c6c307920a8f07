"""People and organisations named in an article, unified across spellings, for speaker resolution.

Rule-based: a capitalised run of words ("Ukrainian President Volodymyr Zelenskyy") is split into its
title part and its name part; a name is a person when a title precedes it or its first word is a known
given name. Later mentions by surname, title ("the president") or pronoun resolve to people named
earlier; spelling variants (Zelensky / Zelenskyy / Zelenszky) join one person with rapidfuzz.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

from newsledger.plugins.quotes.lexicon import (
    AFFILIATIONS,
    BEFORE_BASE_VERB,
    FEMALE_WORDS,
    GROUP_NOUNS,
    MALE_WORDS,
    NAME_CONNECTORS,
    ORG_NOUNS,
    ORG_WORDS,
    PLACE_PREFIXES,
    SPEECH_VERBS,
    STOP_CAPS,
    SUBORDINATE_RANKS,
    TITLE_ALIASES,
    TITLES,
    words,
)
from newsledger.plugins.quotes.places import country_names, place_given_names
from rapidfuzz import fuzz

_NAME_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z][\w’'\-]*(?:&[A-Z][\w’'\-]*)?\.?)"  # ("B&B", "AT&T": one word)
# The first word starts with the capital and checks the character before it afterwards (a fixed-width
# lookbehind): a pattern that opens with a character class lets the regex engine skip ahead to capitals.
_FIRST_NAME_WORD = r"[A-Z](?<![\w’'&].)(?:\.(?:[A-Z]\.)+|[\w’'\-]*(?:&[A-Z][\w’'\-]*)?\.?)"
_RUN_RE = re.compile(
    rf"({_FIRST_NAME_WORD}(?:[ \u00a0]+(?:(?:{'|'.join(sorted(NAME_CONNECTORS))})[ \u00a0]+)?{_NAME_WORD})*)"
)
_HYPHEN_MODIFIER_RE = re.compile(r"[A-Z][\w’'.]*-[a-z][\w\-]*")
_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+|[A-Z][a-z]?\.")
_POSSESSIVE = ("’s", "'s", "’", "'")
_OWNER_POSSESSIVE = _POSSESSIVE[:2]
_ABBREVIATED_TITLES = words(
    "mr mrs ms dr sen rep gov gen lt col sgt capt prof rev adm st maj cmdr atty supt hon pres sec"
)
_NOT_NAME_WORDS = TITLES | STOP_CAPS | ORG_WORDS
_OPENING_VERBS = frozenset(v for v in SPEECH_VERBS if v.endswith("ed"))
_NAME_TAIL_STOP = STOP_CAPS | NAME_CONNECTORS
_TOKEN_RE = re.compile(r"\S+")
_ALL_INITIALS_RE = re.compile(r"(?:[A-Z]\.)+")
# "Christie's been making the case": 's as 'has' / 'is', the name still the subject
_CONTRACTION_RE = re.compile(
    r"[’']s\s+(?:been|going|got|gotten|not|never|always|already|also|just|still|now|done|become|said|told|"
    r"running|trying|making|saying|expected|likely|a|an)\b"
)
_PREPOSITIONS = frozenset(
    ["by", "of", "for", "to", "with", "from", "about", "on", "at", "in", "against", "than", "like", "and",
     "toward", "towards", "under", "over", "between", "among", "into", "onto", "as", "including", "via",
     "behind", "after", "before", "beside", "besides", "near", "around", "through", "without", "during", "since",
     "until", "upon", "across", "alongside", "despite", "unlike", "versus", "vs", "beyond", "within", "except"]
)
_MODIFIERS = frozenset(
    ["former", "acting", "senior", "assistant", "interim", "associate", "chief", "head", "vice", "deputy",
     "executive", "official", "general", "major", "host", "author", "editor", "father", "chair", "leader"]
)
_MODIFIER_RE = re.compile(
    rf"\s+(?:[a-z\-]+\s+){{0,2}}?(?:{'|'.join(sorted(t for t in TITLES if t.isalpha()))}|consultant|ally|"
    r"strategist|adviser|advisor|aide|campaign)\s+[A-Z]"
)
_HONORIFICS = frozenset(["mr", "mrs", "ms", "dr", "miss", "sir", "lady", "lord", "rev", "prof"])
_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
_SURNAME_MATCH = 85.0
_SUBJECT_HE_SHE_RE = re.compile(r"(?<![\w’'])(?:[Hh]e|[Ss]he)(?![\w’'])")
# an unnamed subject opening the sentence, a name set off after it: "One pastor supporting Mr. Doe, Xalys Roe"
_UNNAMED_OPENING_RE = re.compile(r"(?:[Oo]ne|[Aa]n?|[Aa]nother)\s+[a-z]")
_UNNAMED_LEAD_RE = re.compile(r"(?:^|[.!?][”\"’']?\s+)(?:[Oo]ne|[Aa]n?|[Aa]nother)\s+[a-z]"
                             r"(?:[^,.!?;:“”\"]|(?<=\b[MD]r)\.|(?<=\bMrs)\.|(?<=\bMs)\.)*,$")
_SENTENCE_BREAK_RE = re.compile(r"[.!?][”\"’']?\s+(?=[A-Z“\"‘'])")
_GENDER_PRONOUN_RE = re.compile(r"(?<![\w’'])(?:[Hh](?:e|is|im|ers?)|[Ss]he)(?![\w’'])")
_LISTENER_VERBS = frozenset(["told", "tell", "tells", "telling", "asked", "ask", "asks", "asking", "pressed",
                             "answered", "called", "calls", "praised", "accused", "cited", "urged"])
_MALE_PRONOUNS = frozenset(["he", "his", "him"])
# words that may follow the name of an inverted attribution ("…,” said Mark Doe, who …", "said Doe in …")
_AFTER_INVERTED_NAME = frozenset(["who", "whose", "whom", "which", "that", "when", "while", "adding", "noting",
                                  "told", "said", "says", "wrote", "jr", "sr", "or", "recently", "last", "later"])
_NEXT_WORD_RE = re.compile(r"\s+([a-z]+)\b")
# last words of newspapers' and magazines' names
_PRESS_WORDS = frozenset([
    "news", "times", "post", "journal", "herald", "tribune", "daily", "gazette", "register", "leader", "star", "globe",
    "mail", "telegraph", "guardian", "chronicle", "advocate", "observer", "independent", "examiner", "inquirer",
    "sun", "express", "mirror", "bee", "courier", "dispatch", "press", "review", "magazine", "newspaper", "standard",
    "record", "sentinel", "monitor"])
# "Zentrix said that it would", "Zentrix told investors that its reserves": an organisation
_IT_AFTER_RE = re.compile(r"(?:’s|'s|’|')?\s+(?:[a-z]+\s+){0,4}?(?:it|its)\b(?!’s|'s)")
_NUMBER_AFTER_RE = re.compile(r" (\d{1,2})\b")
# "Sanders protesters interrupted", "the Christie supporter retorted": the name qualifies the people who act
_DEPENDENT_AFTER_RE = re.compile(
    r"\s+(?:supporters?|protesters|demonstrators|fans|backers|loyalists|aides|advisers|staffers|allies|surrogates|"
    r"voters|volunteers|donors)\b(?!\s+[A-Z])")
# "Roe believes that the Doe campaign took voters for granted": the campaign acts, not Doe
_THEIR_BODY_RE = re.compile(r"\s+(?:campaign|administration)\s+[a-z]")
_MAN_ROLES = frozenset(w for w in MALE_WORDS if w.endswith("man"))  # spokesman, chairman, …
_CLAUSE_OPENERS = frozenset(["when", "but", "and", "as", "after", "before", "if", "while", "since", "then", "so", "yet",
                             "or", "because", "though", "although", "once", "until", "unless", "whether"])
_HYPHEN_PREFIXES = ("pro", "anti", "non", "post", "pre")
_STOP_SURNAME_APPOSITIVE_RE = re.compile(r",\s+(?:who|whose|a|an|the)\s")
_DETERMINERS = frozenset(["a", "an", "the", "this", "that", "every", "each", "one"])
# "…, Michael Howard has said.", "…, Ben Carson said Monday."
_REPORTED_BY_RE = re.compile(
    r"\s+(?:has\s+|had\s+)?(?:said|says)(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?)?\s*[.!?]")
# nouns that end the name of a thing, never a person's ("Paris Agreement", "Jane Roe Act", "Art Deco")
_THING_NOUNS = words(
    "agreement agreements accord accords treaty act amendment community communities problem problems plan "
    "program programme initiative doctrine movement deco era rule rules")
_MONTH_SURNAMES = frozenset(["may", "june", "april", "august"])
# a word that acts: "HP declined", "RT’s editor", "HP, the printer firm" (a verb is checked after), "reports BFMTV"
_ACTING_RE = re.compile(r"(?<![\w’'])(\w+)(?:\s+([a-z]+)\b|(?=[’']s\b|,\s+(?:the|a|an)\s))")
_SOURCED_RE = re.compile(r"\b(?:said|says|reported|reports|told|according to|quoted by)\s+(?=(\w+)\b)")
# "Jason Miller, a spokesman for the transition,": the role an appositive gives the name before it
_APPOSITIVE_ROLE_RE = re.compile(
    r",\s+(?:an?|the|[A-Z][\w’'\-]*(?:’s|'s))\s+(?:[\w’'\-]+\s+){0,4}?([a-z][\w\-]*)(?=\s+(?:for|of|at|to|with|from|in|based)\b|,"
    r"|\s+(who)\b)")
# "Yukiya Doe, director general of the Atomic Agency,": a role with no article, of a named organisation (also
# after what kind it is: "Xlyse Roe, president of the rights group Acme")
_BARE_ROLE_RE = re.compile(r",\s+((?:[a-z][\w\-]*\s+){1,3})(?:of|for|at)\s+(?:the\s+(?:[a-z][\w\-]*\s+){0,3})?[A-Z]")
# "Franson Roe, 18, from Lee County, disagrees": an age set off by commas after the name
_AGE_AFTER_RE = re.compile(r",\s+\d{1,3},")
_QUANTIFIERS = words("many more most some several few other all both numerous")
# "Doe, who was …" (not "Korn, who are …": a band, a group)
_WHO_AFTER_RE = re.compile(r",\s+who\s+(?!are\b|were\b|have\b|do\b|themselves\b)")
# common verbs of narrative whose past tense does not end in -ed (a table of general English)
_IRREGULAR_VERBS = words(
    "was is has had does did said says told thought knew felt got gets went goes came comes saw sees made "
    "makes took takes gave gives began begins left leaves kept keeps found finds became becomes wrote writes "
    "spoke speaks heard hears sat stood ran runs lost won paid met put let would will could can should might "
    "may must grew meant brought sent spent held wants loves hates likes knows thinks feels seems"
)


def _verb_like(word: str) -> bool:
    """A lower-case word that can be the verb after a subject ("thought", "was", "snored", "says"); other
    words ending in -s are mostly plural nouns ("German authorities")."""
    return word in _IRREGULAR_VERBS or word in SPEECH_VERBS or word.endswith("ed")


@lru_cache(maxsize=1)
def _name_list() -> tuple[dict[str, str], frozenset[str], frozenset[str]]:
    """gender-guesser's offline name list, read once: given name -> 'm' / 'f' / '?', the names it calls
    only "mostly" one gender, and those of them it lists for both genders (by country)."""
    try:
        from gender_guesser.detector import Detector
    except ImportError:  # the rules still work, with fewer people recognised
        return {}, frozenset(), frozenset()
    det = Detector(case_sensitive=False)
    out: dict[str, str] = {}
    weak: set[str] = set()
    both: set[str] = set()
    # the list also holds words that are never a given name in English text ("the", "his", "to", "in")
    never = STOP_CAPS - words("april may june august march")
    for name in det.names:
        if name.lower() in never:
            continue
        g = det.get_gender(name)
        out[name.lower()] = "m" if g in ("male", "mostly_male") else "f" if g in (
            "female", "mostly_female") else "?"
        if g in ("mostly_male", "mostly_female"):
            weak.add(name.lower())
            kinds = set(det.names[name])
            if "andy" in kinds or (kinds & {"male", "mostly_male"} and kinds & {"female", "mostly_female"}):
                both.add(name.lower())  # ("Bernie": mostly female in Ireland, mostly male in the USA)
    return out, frozenset(weak), frozenset(both)


@lru_cache(maxsize=1)
def english_words() -> frozenset[str]:
    """The lower-case words of an English word list (web2), read once: a capitalised one that opens a run
    ("Whatever Bloomberg", "Polar Express") is no given name."""
    try:
        from english_words import get_english_words_set
    except ImportError:  # (then no unknown word is taken for a given name)
        return frozenset()
    return frozenset(w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower())


def given_names() -> dict[str, str]:
    """Lower-cased given name -> 'm' / 'f' / '?' from gender-guesser's offline name list."""
    return _name_list()[0]


def weak_given_names() -> frozenset[str]:
    """Given names gender-guesser calls only "mostly" one gender (Bernie, Lindsey, Chris): a guess a title
    or the text may overrule."""
    return _name_list()[1]


def two_sided_given_names() -> frozenset[str]:
    """The "mostly" names gender-guesser lists as one gender in some countries and the other (or either) in
    others (Bernie, Lee, Terry, Robin; not Mary or Chris): a guess worth nothing without the text's pronouns."""
    return _name_list()[2]


def _sure_gender(word: str, given: dict[str, str]) -> str | None:
    """'m' or 'f' when the name list is sure of the given name ``word`` (not only "mostly" one gender), else None."""
    key = _given_key(word, given)
    gender = given.get(key, "?")
    return gender if gender != "?" and key not in weak_given_names() else None


def _same_surname(a: str, b: str) -> bool:
    """Equal, or a spelling variant of a long enough name (Zelensky / Zelenskyy; not Bush / Rush)."""
    a, b = a.lower(), b.lower()
    if a == b:
        return True
    return (min(len(a), len(b)) >= 6 and a[0] == b[0] and not _demonym_of(a, b)
            and fuzz.ratio(a, b) >= _SURNAME_MATCH)


def _demonym_of(a: str, b: str) -> bool:
    """One is the other's demonym ("russian" / "russia", "syrian" / "syria"): not one name spelt two ways."""
    return a == b + "n" or b == a + "n"


def _key(word: str) -> str:
    return word.lower().rstrip(".")


def text_end(body: str, pos: int) -> int:
    """``pos`` moved back over the whitespace before it: len(body[:pos].rstrip()) without copying the text."""
    while pos > 0 and body[pos - 1].isspace():
        pos -= 1
    return pos


def ranked_title(words: list[str], i: int) -> str:
    """The title ``words[i]`` (aliases unified: "sen" is "senator"), with the rank before it that makes it a lesser
    office ("vice president", "deputy secretary")."""
    title = TITLE_ALIASES.get(words[i], words[i])
    return f"{words[i - 1]} {title}" if i > 0 and words[i - 1] in SUBORDINATE_RANKS else title


@dataclass
class Entity:
    """One person or organisation of the article."""

    canonical: str
    surname: str
    first: str | None
    person: bool
    gender: str = "?"
    gender_guessed: bool = False  # the gender comes from the given-name list only, not the text
    gender_weak: bool = False  # … from a name the list calls only "mostly" male or female
    titles: set[str] = field(default_factory=set)
    mentions: list[int] = field(default_factory=list)  # start offsets, in order
    votes: tuple[int, int] = (0, 0)  # he/his/him and she/her soon after a mention of the name, outside quotes

    def __post_init__(self) -> None:
        self.surname_low = self.surname.lower()

    def set_gender(self, gender: str) -> None:
        """The gender the text itself gives (no longer a guess from the given-name list)."""
        self.gender, self.gender_guessed, self.gender_weak = gender, False, False


@dataclass
class Mention:
    """A name found in the text, linked to its entity."""

    start: int
    end: int
    entity: Entity
    title_start: int  # start of the title words before the name (== start when none)


def _is_org(tokens: list[tuple[str, int, int]]) -> bool:
    """A run ending with an organisation word ("The Wall Street Journal") or an acronym ("FBI")."""
    last = tokens[-1][0]
    return _key(last) in ORG_WORDS or (2 <= len(last) <= 6 and last.isupper() and last.isalpha())


def _ends_sentence(word: str) -> bool:
    """A word that closes a sentence ("president." — not the abbreviation "Sen.")."""
    return word[-1:] in "!?”\"" or (word.endswith(".") and _key(word) not in _ABBREVIATED_TITLES)


def _given_key(word: str, given: dict[str, str]) -> str:
    """The key to look ``word`` up among given names: a hyphenated name by its parts ("Jo-Renee" -> "renee")."""
    k = _key(word)
    if k in given or "-" not in k:
        return k
    return next((p for p in reversed(k.split("-")) if p in given), k)


def _given_or_initial(token: str, given: dict[str, str]) -> bool:
    k = _key(token)
    return (k in given and k not in TITLES) or _INITIALS_RE.fullmatch(token) is not None


def _split_run(
    tokens: list[tuple[str, int, int]], given: dict[str, str]
) -> tuple[list[str], list[tuple[str, int, int]]]:
    """Split a capitalised run into leading title/organisation/stop words and the trailing name."""
    cut = 0
    for i, (tok, _, _) in enumerate(tokens):
        k = tok.lower().rstrip(".")  # _key, inlined: the hottest loop of the name scan
        # a title or stop word ("A." is an initial, "James A. Lewis", not the article); a sentence-opening
        # verb is not a given name: "Continued Stone: “…”"
        if (k in _NOT_NAME_WORDS and not (len(tok) == 2 and tok[1] == ".")) or (i == 0 and k in _OPENING_VERBS):
            cut = i + 1
    if cut == len(tokens) and cut >= 2 and _key(tokens[-2][0]) in _HONORIFICS:
        cut -= 1  # "Mr. King": a surname that is also a title word
    elif cut == len(tokens) and cut >= 2 and _given_or_initial(tokens[-2][0], given):
        # "Amy Pope", "Representative Peter T. King": a given name before a title word makes it a surname
        cut = len(tokens) - 2
        while cut > 0 and _given_or_initial(tokens[cut - 1][0], given):
            cut -= 1
    head = [_key(t) for t, _, _ in tokens[:cut]]
    return head, tokens[cut:]


_OPENING_CLAUSE_RE = re.compile(
    r"\s*(?:(?:And|But)\s+)?(?:Ever\s+since|Even\s+though|Even\s+if|When|Whenever|If|Although|Though|Since|After|Before"
    r"|While|Because|Once|Until|Unless|Whether)\s[^,;:“”\"]*$")
_OPENING_PARTICIPLE_RE = re.compile(r"\s*([A-Z][a-z]{2,}(?:ed|ing))\s[^,;:“”\"]*$")  # "Asked …", "Speaking …"
_KIN_BEFORE_RE = re.compile(
    r"(?:\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur)|[A-Z][\w\-]*(?:’s|'s|’|'))\s+(?:[a-z\-]+\s+)?(?:wife|husband|son|daughter|father|mother|brother"
    r"|sister|friend|partner|boyfriend|girlfriend|fianc[ée]e?|niece|nephew|aunt|uncle|cousin|grandson|granddaughter"
    r"|grandmother|grandfather|mom|dad|stepfather|stepmother|widow|widower),\s*$")
_WHO_SAID_RE = re.compile(
    r"(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:,[^,.;:“”\"]{0,90})?,\s+who\s+(?:also\s+|has\s+|had\s+|later\s+)?"
    r"(?:said|says|told|tells|added|wrote|argued|noted|warned|explained)\b")
_TITLE_MODIFIER_RE = re.compile(r"\d{4}|[a-z]+(?:al|ial|ic|an|ary|ior|ing|ive)|former|then|top|chief|vice|ex")
_HEADLINE_VERBS = frozenset(
    # (not "will", "can", "did": George Will, a surname)
    ["is", "are", "was", "were", "has", "says", "said", "tells", "told", "calls", "called", "slams", "speaks",
     "urges", "warns", "wants", "gets", "makes", "takes", "isn’t", "isn't", "won’t", "won't", "hits", "blasts",
     "rips", "knocks", "praises", "defends",
     "attacks", "vows", "pledges", "admits", "denies", "explains", "reveals", "claims", "responds", "answers",
     "addresses", "delivers", "talks", "announces", "backs", "endorses", "rejects", "accuses", "asks"])
_TOKEN_WORD_RE = re.compile(r"[\w’'\-]+")
_NOT_AFTER_SUBJECT = frozenset(["and", "or"])
_CLAUSE_LEAD_RE = re.compile(r"(?:;|\bbut)\s*(?:the)?$")
_OF_ORG_RE = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w’'&.\-]*(?:\s+(?:of\s+|the\s+)*[A-Z][\w’'&.\-]*)*")
_CONJUNCTION_LIKE = frozenset(["and", "as", "after", "before", "since", "until", "including"])
_PRONOUN_WORDS = (("m", "He", "he"), ("f", "She", "she"))
# (a conjunction opening the sentence too: "When he took the stage after Mr. Doe's introduction, he said")
_SUBJECT_PRONOUN = {g: re.compile(rf"(?:^\s*|[,;:—–]\s*|\s-\s+|\b(?i:and|but|that|as|because|when|while|which"
                                  rf"|where|if|though|although|since|after|before|until|once)\s+)"
                                  rf"(?:{cap}|{low})\b") for g, cap, low in _PRONOUN_WORDS}


_OPENING_LINK = r"(?:(?:But|And|Yet|Still|So|Then|Later|Now|Instead),?\s+)"  # "But he suggested …"
_OPENING_SUBJECT_PRONOUN = {g: re.compile(rf"[\"“‘']?(?:{cap}|{_OPENING_LINK}{low})\s+(?!\w+(?:’s|'s)\b)")
                            for g, cap, low in _PRONOUN_WORDS}


# "In an essay in December, he wrote …": the pronoun after an introductory phrase (no name may come before it)
_INTRO_SUBJECT_PRONOUN = {g: re.compile(rf"[^,.;:“”\"\n]{{1,90}},\s+{low}\s+(?!\w+(?:’s|'s)\b)")
                          for g, _, low in _PRONOUN_WORDS}


# forms that are no transitive verb before a name ("was Roe", "a man named Roe": the name is the subject of what
# follows)
_NOT_OBJECT_VERBS = words(
    "was is are were be been being has had have does did do will would can could should must may might named "
    "called nicknamed dubbed titled")


_LEADING_PREPOSITION_RE = re.compile(
    r"(?:Like|Unlike|For|To|With|Without|Besides|Beyond|Against|Of)\s+(?:[A-Z][\w.’'\-]*\s+)*$")


class Registry:
    """Every person and organisation mention of one article, in document order."""

    def __init__(self, body: str, excluded: list[tuple[int, int]]):
        self.body = body
        self.entities: list[Entity] = []
        self.mentions: list[Mention] = []
        self._by_start: dict[int, Mention] = {}
        self._start_list: list[int] = []
        self.orgs: list[tuple[int, str]] = []  # (start, name) of organisation mentions outside quotes
        self._acting: set[str] | None = None  # the words that act somewhere in the article (_modifier_acronym)
        self._tokens: frozenset[str] | None = None  # every word as written (_common)
        self._unlinked: list[tuple[str, int, int, bool]] = []  # lone unknown words: (word, start, end, bare)
        self._stop_surnames: dict[str, Entity] = {}  # surnames that are stop words ("Al From"): key -> person
        self._scan(excluded)
        self._link_forward()
        self._pronoun_antecedents(excluded)
        self._unknown_names_by_pronoun(excluded)
        self._gender_from_pronouns(excluded)

    # -- building ---------------------------------------------------------------------------
    def _scan(self, excluded: list[tuple[int, int]]) -> None:
        given = given_names()
        body = self.body
        ex_i = 0
        for m in _RUN_RE.finditer(body):
            g = m.group()
            if " " not in g and _key(g) in STOP_CAPS:
                if self._stop_surnames and _key(g) in self._stop_surnames:
                    self._stop_word_mention(m.start(), m.end(), excluded)
                continue  # fast path: a lone sentence-opening word ("The", "But")
            while ex_i < len(excluded) and excluded[ex_i][1] <= m.start():
                ex_i += 1
            inside = ex_i < len(excluded) and excluded[ex_i][0] <= m.start() < excluded[ex_i][1]
            ms = m.start()
            if " " in g or "\u00a0" in g:
                tokens = [(t.group(), ms + t.start(), ms + t.end()) for t in _TOKEN_RE.finditer(g)]
            else:
                tokens = [(g, ms, m.end())]  # most runs are one word: no tokenising
            # a word ending with a full stop ends the sentence, and the name: "Obama. Among Latinos"; the
            # words after it are a run of their own ("the Middle East. Clinton’s response was:")
            for ti, (tok, _, _) in enumerate(tokens[:-1]):
                if tok.endswith(".") and _key(tok) not in TITLES and not _INITIALS_RE.fullmatch(tok):
                    self._add_run(tokens[: ti + 1], inside, given)
                    tokens = tokens[ti + 1:]
                    while len(tokens) > 1 and _key(tokens[0][0]) in STOP_CAPS:
                        tokens = tokens[1:]
                    break
            for ti in range(1, len(tokens)):
                if _key(tokens[ti][0]) in _HEADLINE_VERBS:
                    # a headline in title case: "Donald Trump Is Right", "Glenn Beck Says Trump …": a name
                    # ends before its verb (what follows is the headline's, not a name; the body names it)
                    head = tokens[:ti]
                    if (len(head) == 1 and not self._common(head[0][0])) or (
                            len(head) in (2, 3) and _key(head[0][0]) in given):
                        tokens = head
                    break
            self._add_run(tokens, inside, given)

    def _add_run(self, tokens: list[tuple[str, int, int]], inside: bool, given: dict[str, str]) -> None:
        """Record the person or organisation a capitalised run names (a run inside a quote only as an
        organisation or to unify a spelling, never as an antecedent)."""
        body = self.body
        ms = tokens[0][1]
        # an owner's possessive starts the name after it: "NBC’s Dante Chinni"
        for ti in range(len(tokens) - 2, -1, -1):
            if tokens[ti][0].endswith(_OWNER_POSSESSIVE) or (
                    tokens[ti][0].endswith(("s’", "s'")) and len(tokens[ti][0]) > 3
                    and _key(tokens[ti + 1][0]) in given):  # "Sky Networks' Jane Roe" (not "Musicians' Union")
                tokens = tokens[ti + 1:]
                break
        # a hyphenated modifier opens the run, not the name: "Texas-based Matt Mackowiak", "Co-anchor Jane Roe"
        while len(tokens) > 1 and _HYPHEN_MODIFIER_RE.fullmatch(tokens[0][0]):
            tokens = tokens[1:]
        # strip a possessive or a sentence-final period from the last word
        last, ls, le = tokens[-1]
        for suf in _POSSESSIVE:
            if last.endswith(suf) and len(last) > len(suf):
                last, le = last[: -len(suf)], le - len(suf)
                break
        if last.endswith(".") and not _ALL_INITIALS_RE.fullmatch(last) and _key(last) not in TITLES:
            last, le = last[:-1], le - 1
        tokens[-1] = (last, ls, le)
        head, name = _split_run(tokens, given)
        name = self._after_common_words(name, given)
        before = body[max(0, ms - 40): ms].rsplit(None, 2)[-2:]  # the two words before the run
        office = _key(before[0]) if len(before) == 2 and before[1] == "for" else ""
        if office in TITLES or office.endswith("secretary"):  # (also "Undersecretary", "Under-Secretary")
            # "Undersecretary for Political Affairs Wendy Sherman": the office's name, then the person's
            j = next((j for j in range(1, len(name) - 1) if given.get(_key(name[j][0]), "?") != "?"), 0)
            if j:
                name, head = name[j:], [office if office in TITLES else "secretary"]
        if before and _key(before[-1]) in TITLES and not _ends_sentence(before[-1]):
            head = [_key(w) for w in before[-2:] if _key(w) in TITLES] + head
        # drop trailing connectors/suffix-only tails and trailing stop words
        while name and _key(name[-1][0]) in _NAME_TAIL_STOP and not (
                len(name) >= 2 and _key(name[-1][0]) in _MONTH_SURNAMES and _key(name[-2][0]) in given) and not (
                len(name) == 2 and _key(name[0][0]) in given and not inside and self._stop_word_surname(name[-1])):
            name = name[:-1]  # (but "Theresa May", "Brian May": a month after a given name is a surname)
        if len(before) == 2 and before[1] == "of" and before[0][:1].isupper() and _key(before[0]) in ORG_WORDS:
            # "Ministry of Defense said", "the Bank of England": the end of an organisation's name, no person
            if not inside:
                tail = " ".join(["of"] + [t for t, _, _ in tokens])
                if self.orgs and self.orgs[-1][1].endswith(before[0]) and ms - self.orgs[-1][0] < 80:
                    self.orgs[-1] = (self.orgs[-1][0], f"{self.orgs[-1][1]} {tail}")  # "Business Council of …"
                else:
                    self.orgs.append((ms, f"{before[0]} {tail}"))
            return
        # "copy protection firm Macrovision", "US magazine Mobile PC": the name an organisation noun introduces
        named_org = bool(before) and before[-1].isalpha() and before[-1].islower() and before[-1] in ORG_NOUNS
        if not inside and (named_org or _is_org(tokens)) and not self._modifier_acronym(tokens):
            # kept apart from people: the antecedent of "it" and "the newspaper"
            org = [t for t, _, _ in tokens]
            while org and _key(org[0]) in STOP_CAPS and _key(org[0]) != "new":  # "New York City"
                org = org[1:]
            if org:
                self.orgs.append((tokens[0][1], " ".join(org)))
        if not name or named_org:
            return
        words = [t for t, _, _ in name]
        titled = any(h in TITLES and h not in _MODIFIERS for h in head)
        if any(_key(w) in ORG_WORDS for w in words) and not (
                head and head[-1] in TITLES and head[-1] not in _MODIFIERS):
            return  # an organisation, but "Mr Fox", "co-chairman Liam Fox", "Ms Post": a name after a title is a person
        first = _given_key(words[0], given)
        nxt = body[name[-1][2]: name[-1][2] + 12].lower().split()
        # ("the woman from Georgia says": the name after a preposition is not the one who speaks)
        speaks = bool(nxt) and nxt[0].strip(",.") in SPEECH_VERBS and not (
            before and before[-1] in _PREPOSITIONS)
        if not speaks and before:
            # "…,” said Benard Dreyer": the one who speaks is a person (not the listener of "told")
            prev = before[-1].lower().strip(",")
            speaks = prev in SPEECH_VERBS and prev not in _LISTENER_VERBS and (
                len(before) < 2 or before[-2][-1:] in ",”\"’'—–-")  # (not "De Blasio says Chelsea explosion …")
            if speaks and nxt and nxt[0].isalpha() and body[name[-1][2]: name[-1][2] + 2].strip()[:1].islower() and (
                    nxt[0] not in _PREPOSITIONS and nxt[0] not in _AFTER_INVERTED_NAME):
                speaks = False  # "…, added Latin hits including …": the capitalised word modifies a noun
        if any(len(w) > 2 and w.isupper() and _key(w) not in _SUFFIXES and not _ALL_INITIALS_RE.fullmatch(w)
               for w in words) or (first in PLACE_PREFIXES and not self._surname_alone(words, before)):
            return  # a dateline ("DES MOINES"), an acronym or a place ("San Jose")
        lone = (len(words) == 1 and not head and not titled
                and self._lone_given_name(first, name[0][1], name[0][2], given))
        role = _APPOSITIVE_ROLE_RE.match(body, name[-1][2], name[-1][2] + 90)
        described = role is not None and ((role.group(1) in TITLES and role.group(1) not in _MODIFIERS)
                                          or role.group(2) is not None)
        bare = _BARE_ROLE_RE.match(body, name[-1][2], name[-1][2] + 90) if len(words) >= 2 else None
        if bare is not None and (bare.group(1).split()[0] not in TITLES or bare.group(1).split()[0] in _MODIFIERS):
            bare = None
        # ("Asab Tabchi, a Syrian engineer who …": 'who' relates a clause to a person)
        # "Akhil Johri, the chief financial officer, noted": an appositive gives a person's role
        # "Meanwhile Doe, who was honored …": 'who' relates a clause to a person only
        who = (len(words) == 1 and not inside and _WHO_AFTER_RE.match(body, name[-1][2]) is not None
               and words[0].lower() not in AFFILIATIONS and not self._generic(words[0])
               and not (before and (_key(before[-1]) in _PREPOSITIONS or _key(before[-1]) in _DETERMINERS)))
        aged = _AGE_AFTER_RE.match(body, name[-1][2]) is not None
        person = titled or speaks or lone or who or (
            len(words) >= 2 and (first in given or described or bare is not None or aged))
        if speaks and not (titled or lone or who) and len(words) == 1 and self._common(words[0]):
            person = False  # "Cost estimates, he added", "Prosecutors say": a word the text also writes in lower case
        if person and not titled and len(words) == 1 and (_key(words[0]) in GROUP_NOUNS or (
                before and _key(before[-1]) in _QUANTIFIERS) or (head and head[-1] in _QUANTIFIERS)):
            # "Analysts noted", "many more Latinos said": a group, not someone he/she can be (nor "Most Southern
            # states that …": an adjective before a noun that looks like a speech verb)
            person = False
        if person and not titled and len(words) >= 2 and _key(words[-1]) in _THING_NOUNS:
            person = False  # "the Paris Agreement", "the Latino Community": a thing named, no one's name
        hint = "f" if any(h in FEMALE_WORDS for h in head) else "m" if any(h in MALE_WORDS for h in head) else "?"
        if hint == "m" and all(h in _MAN_ROLES for h in head if h in MALE_WORDS) and _sure_gender(
                words[0], given) == "f":
            hint = "?"  # "Acme spokesman Jane Roe": a role word in -man said of a woman the given name shows
        ent = self._link(words, person, head, given, hint, lone)
        if ent is not None and len(words) == 2 and _key(words[-1]) in STOP_CAPS:
            self._stop_surnames[_key(words[-1])] = ent  # "said Al From, who …": "From said" is him too
        if ent is None:
            if not inside and len(words) == 1 and not any(h in TITLES for h in head):
                # (bare: no title or organisation word before it; a clause-opening "When" or "But" is none)
                self._unlinked.append((words[0], name[0][1], name[0][2], all(h in _CLAUSE_OPENERS for h in head)))
            return
        if inside:
            return  # names inside quotes are not antecedents of 'he' / 'she'
        start, end = name[0][1], name[-1][2]
        title_start = tokens[0][1] if head and titled else start
        if described and role.group(2) is None:
            ent.titles.add(TITLE_ALIASES.get(role.group(1), role.group(1)))
        self._add_mention(start, end, ent, title_start)

    def _add_mention(self, start: int, end: int, ent: Entity, title_start: int | None = None) -> None:
        """Record a mention of ``ent`` at ``start`` .. ``end`` (its title from ``title_start``)."""
        mention = Mention(start, end, ent, start if title_start is None else title_start)
        ent.mentions.append(start)
        self.mentions.append(mention)
        self._by_start[start] = mention

    def _stop_word_surname(self, token: tuple[str, int, int]) -> bool:
        """A stop word after a given name is the surname when the name goes on as a subject or with an
        appositive ("said Al From, who helped found it", "Al From said"), not a word of a headline."""
        end = token[2]
        if _STOP_SURNAME_APPOSITIVE_RE.match(self.body, end):
            return True
        nxt = _NEXT_WORD_RE.match(self.body, end)
        return nxt is not None and nxt.group(1) in SPEECH_VERBS

    def _stop_word_mention(self, start: int, end: int, excluded: list[tuple[int, int]]) -> None:
        """"From agreed …" after "Al From": the surname alone, before a verb, outside quotes, is his mention."""
        nxt = _NEXT_WORD_RE.match(self.body, end)
        if nxt is None or not _verb_like(nxt.group(1)) or any(a <= start < b for a, b in excluded):
            return
        self._add_mention(start, end, self._stop_surnames[_key(self.body[start:end])])

    def _link_forward(self) -> None:
        """A surname alone before the article names its bearer in full ("Obama also addressed …" before
        "President Obama"): the same person, as a surname after the full name is."""
        added = False
        # (where each was first named by the scan: a surname linked here does not move it, so "Trump" in a headline
        # does not keep every "Trump" between it and the first one the scan recognised from being linked)
        named_at = {id(e): e.mentions[0] for e in self.entities if e.mentions}
        for word, start, end, bare in self._unlinked:
            k = word.lower()
            if not bare:
                continue
            if k in AFFILIATIONS or self._common(word):
                continue  # "the Democratic caucus": an adjective, no one's name
            ent = next((e for e in self.entities if e.person and e.surname_low == k and e.mentions
                        and e.mentions[0] > start), None)
            if ent is None:
                ent = next((e for e in self.entities if e.person and e.surname_low == k and e.mentions
                            and named_at[id(e)] > start), None)
                if ent is not None and not self._acts(end):
                    ent = None
            if ent is None:
                continue
            self._add_mention(start, end, ent)
            ent.mentions.sort()
            added = True
        if added:
            self.mentions.sort(key=lambda m: m.start)

    def _acts(self, end: int) -> bool:
        """The word ending at ``end`` is an owner or a subject: "Trump’s pledge", "Trump finally wrapped up"."""
        return self.body[end: end + 2] in _OWNER_POSSESSIVE or self._verb_follows(end)

    def _verb_follows(self, end: int) -> bool:
        """A verb follows the word ending at ``end`` (an adverb may come between: "Doe finally wrapped up")."""
        nxt = [w.strip(",") for w in self.body[end: end + 40].split()[:2]]
        return bool(nxt) and nxt[0].islower() and (_verb_like(nxt[0]) or (
            nxt[0].endswith("ly") and len(nxt) > 1 and _verb_like(nxt[1])))

    def _pronoun_antecedents(self, excluded: list[tuple[int, int]]) -> None:
        """A lone unknown word as a clause's subject ("Carson defied the question, …"), with the next he or
        she of the text (outside quotes, before any other person is named, in the same or the next
        paragraph) as its subject too: a person called by surname, of the pronoun's gender."""
        made: dict[str, Entity] = {}
        added = False
        for word, start, end, _ in self._unlinked:
            if start in self._by_start:
                continue
            k = word.lower()
            ent = made.get(k)
            if ent is None:
                if k in AFFILIATIONS or k in GROUP_NOUNS or self._common(word) or not self._opens_clause(start, end):
                    continue
                para = self.body.rfind("\n", 0, start) + 1
                if any(m.entity.person and para <= m.start < start for m in self.mentions):
                    continue  # the paragraph is about someone named before it: the pronoun is more likely theirs
                gender = self._next_subject_pronoun(end, excluded)
                if gender is None:
                    continue
                ent = Entity(word, word, None, True, gender)
                self.entities.append(ent)
                made[k] = ent
            self._add_mention(start, end, ent)
            added = True
        if added:
            self.mentions.sort(key=lambda m: m.start)

    def _unknown_names_by_pronoun(self, excluded: list[tuple[int, int]]) -> None:
        """Two or three capitalised words whose first is no given name the list knows, opening a sentence as
        its subject ("Xalys Roe is listed as the chair …", "Xalys Roe, director of the group, said"), with a
        he/she as a subject in that sentence or the next and no one that pronoun could stand for named
        between: a person of the pronoun's gender."""
        vocab = english_words()
        if not vocab:
            return  # (without the word list no first word can be told from an English word)
        given = given_names()
        body = self.body
        for mention in self.mentions:
            ent = mention.entity
            if ent.person or ent.first is None or _given_key(ent.first, given) in given or self._common(ent.first):
                continue
            if ent.first.lower() in vocab:
                continue  # ("Polar Express is based on …. …, which he said": an English word names no one)
            if not 2 <= len(ent.canonical.split()) <= 3 or mention.title_start != mention.start:
                continue
            lead = body[max(0, mention.start - 80): mention.start]
            lead = lead[lead.rfind("\n") + 1:].rstrip()
            unnamed = _UNNAMED_LEAD_RE.search(lead)
            if lead and not lead.endswith((".", "!", "?", ".”", '."', "?”", '?"')) and unnamed is None:
                continue  # (not opening its sentence: "… for Xalys Roe"; but "One pastor backing Doe, Xalys Roe")
            nxt = _NEXT_WORD_RE.match(body, mention.end)
            if body[mention.end: mention.end + 1] != "," and (nxt is None or not (
                    _verb_like(nxt.group(1)) or (unnamed is not None and nxt.group(1) == "of"))):
                continue
            para_end = body.find("\n", mention.end)
            limit = min(mention.end + 300, para_end if para_end >= 0 else len(body))
            p = _SUBJECT_HE_SHE_RE.search(body, mention.end, limit)
            while p is not None and any(a <= p.start() < b for a, b in excluded):
                p = _SUBJECT_HE_SHE_RE.search(body, p.end(), limit)
            if p is None or len(_SENTENCE_BREAK_RE.findall(body, mention.end, p.start())) > 1:
                continue
            gender = "m" if p.group().lower() == "he" else "f"
            if any(m.entity.person and m.entity.gender in ("?", gender)
                   for m in self.mentions_between(mention.end, p.start())):
                continue  # ("Acme Holdings fired Tom Poe. He said": Poe)
            ent.person, ent.gender = True, gender

    def _opens_clause(self, start: int, end: int) -> bool:
        """The word opens its sentence or clause and a verb follows it (an adverb may come between)."""
        before = self.body[max(0, start - 30): start]
        before = before[before.rfind("\n") + 1:].split()
        if before and not (before[-1][-1] in ".!?;:" or _key(before[-1]) in ("meanwhile", "but", "and", "then")):
            return False
        return self._verb_follows(end)

    def _next_subject_pronoun(self, end: int, excluded: list[tuple[int, int]]) -> str | None:
        """The gender of the first subject he / she after ``end`` (outside quotes, within the paragraph or
        the next one), or None if a person is named first."""
        body = self.body
        para_end = body.find("\n", end)
        if para_end < 0:
            para_end = len(body)
        else:
            nxt = body.find("\n", para_end + 1)
            while nxt == para_end + 1:  # blank lines
                para_end, nxt = nxt, body.find("\n", nxt + 1)
            para_end = nxt if nxt >= 0 else len(body)
        limit = min(para_end, end + 600)
        first_person = next((m.start for m in self.mentions if m.start >= end), len(body))
        for p in re.finditer(r"(?<![\w’'])([Hh]e|[Ss]he)(?![\w’'])", body[end:limit]):
            at = end + p.start()
            if at >= first_person:
                return None
            if any(a <= at < b for a, b in excluded):
                continue
            return "m" if p.group(1).lower() in _MALE_PRONOUNS else "f"
        return None

    def _modifier_acronym(self, tokens: list[tuple[str, int, int]]) -> bool:
        """An acronym only ever used as a modifier in the article ("DVD ripping", "the CD player"): a thing,
        not an organisation (one acts somewhere: "HP declined", "RT’s editor", "HP, the printer firm")."""
        word = tokens[-1][0]  # ("CDP-101 CD player", "Current DVD ripping": the last word)
        if not (word.isupper() and word.isalpha()) or _key(word) in ORG_WORDS:
            return False
        if self._acting is None:
            self._acting = {
                m.group(1) for m in _ACTING_RE.finditer(self.body)
                if m.group(1).isupper() and (m.group(2) is None or _verb_like(m.group(2)))
            } | {m.group(1) for m in _SOURCED_RE.finditer(self.body)}
        return word not in self._acting

    def _after_common_words(
        self, name: list[tuple[str, int, int]], given: dict[str, str]
    ) -> list[tuple[str, int, int]]:
        """The name after common words that open its run: "Republican Donald Trump", "Journalist Jorge Ramos",
        "Using Ted Cruz" (a word the article also writes in lower case, or a party) before a given name."""
        for j in range(1, len(name) - 1):
            k = _key(name[j][0])
            if k not in given or given[k] == "?" or k in TITLES:
                continue
            if all(_key(t) in AFFILIATIONS or self._common(t) for t, _, _ in name[:j]) and not any(
                    self._common(t) for t, _, _ in name[j + 1:]):
                return name[j:]
            break
        return name

    def _surname_alone(self, words: list[str], before: list[str]) -> bool:
        """A word that opens place names ("West", "North") alone, as the surname of a person named in full
        before ("Cornel West … West said"), not after a determiner or preposition ("in the West")."""
        if len(words) != 1 or (before and (_key(before[-1]) in _DETERMINERS or _key(before[-1]) in _PREPOSITIONS)):
            return False
        sl = words[0].lower()
        return any(e.person and e.first is not None and e.surname_low == sl for e in self.entities)

    def _common(self, word: str) -> bool:
        """The article also writes ``word`` in lower case: a common word, not a name."""
        if self._tokens is None:  # the article's words, once (a regex per word cost a compile each)
            self._tokens = frozenset(_TOKEN_WORD_RE.findall(self.body))
        return word.lower() in self._tokens

    def _lone_given_name(self, key: str, start: int, end: int, given: dict[str, str]) -> bool:
        """A given name alone as the subject of a verb ("Melanie thought …", "Kevin was snoring"): a person
        the article calls by first name. Not a place that is also a name ("Charlotte remains"), not after
        a preposition or article ("in Orlando", "a Marine"), not a word the article also writes in lower
        case ("hope", "will")."""
        if given.get(key, "?") == "?" or key in _NOT_NAME_WORDS:
            return False
        if self.body[end: end + 1] == "," and _KIN_BEFORE_RE.search(self.body, max(0, start - 40), start):
            return True  # "his wife, Jane, offered a preview", "Her father, Brad, 39, worried" (even a place's name)
        if key in place_given_names():
            return False
        nxt = _NEXT_WORD_RE.match(self.body, end)
        if nxt is None or not _verb_like(nxt.group(1)):
            return False
        prev = self.body[max(0, start - 20): start].split()[-1:]
        if prev and (_key(prev[0]) in _PREPOSITIONS or _key(prev[0]) in _DETERMINERS):
            return False
        return not self._common(key)

    def _gender_from_pronouns(self, excluded: list[tuple[int, int]]) -> None:
        """Gender from the text: a he/his/him or she/her soon after a person's mention votes for that
        person. A clear majority overrides the given-name guess (name lists call "Bernie" or "Rand"
        female)."""
        if not self.mentions:
            return
        votes: dict[int, list[int]] = {}
        starts = [m.start for m in self.mentions]
        ex_i = 0
        body = self.body
        for p in _GENDER_PRONOUN_RE.finditer(body):
            at = p.start()
            while ex_i < len(excluded) and excluded[ex_i][1] <= at:
                ex_i += 1
            if ex_i < len(excluded) and excluded[ex_i][0] <= at:
                continue  # a pronoun inside a quote refers from the speaker's point of view
            i = bisect_right(starts, at) - 1
            while i >= 0 and not self.mentions[i].entity.person:
                i -= 1
            if i < 0 or at - self.mentions[i].end > 160 or "\n" in body[self.mentions[i].end: at]:
                continue
            # "Jan Brewer, an early supporter of Trump, … she said": the subject, not the object nearer by
            # (a possessive or object pronoun stays with the nearest name: "Mukasey criticized
            # Clinton's email use ... her career")
            j = i - 1
            subject_pronoun = p.group().lower() in ("he", "she")
            while subject_pronoun and not self.subject_like(self.mentions[i]) and j >= 0 and (
                    at - self.mentions[j].end <= 160):
                if self.mentions[j].entity.person and self.subject_like(self.mentions[j]) and "\n" not in body[
                        self.mentions[j].end: at]:
                    i = j
                    break
                j -= 1
            ent = self.mentions[i].entity
            v = votes.setdefault(id(ent), [0, 0, 0])
            v[0 if p.group().lower() in _MALE_PRONOUNS else 1] += 1
            if subject_pronoun and self._quote_right_after_subject(self.mentions[i], at, excluded, ex_i):
                v[2] += 1
        for ent in self.entities:
            v = votes.get(id(ent))
            if v is None:
                continue
            m, f, own = v
            ent.votes = (m, f)
            against = (m, f)[ent.gender == "m"] > (m, f)[ent.gender == "f"]
            if ent.gender_guessed and not ent.gender_weak and against and not own:
                # "Clinton said Trump …. She added …": the pronouns near a name often stand for someone else (the
                # subject, an earlier speaker); only a name the list calls "mostly" one gender gives way to them
                pass
            elif m >= 2 and m >= 3 * f:
                ent.set_gender("m")
            elif f >= 2 and f >= 3 * m:
                ent.set_gender("f")
            elif ent.gender_weak and against and max(m, f) >= 3 and max(m, f) >= 2 * min(m, f):
                # "Bernie Roe" (a name the list calls mostly female) with five he and two she near it (the others
                # about someone named beside him): the text's majority, not the list
                ent.set_gender("m" if m > f else "f")
            elif ent.gender == "?" and ent.person and ent.first is not None and (m, f) in ((1, 0), (0, 1)):
                # "… joined by Xlyse Roe, president of the group. She said …": a full name of no known gender, the one
                # pronoun near it says which
                ent.gender = "m" if m else "f"
            elif own and ent.gender_guessed and (m, f) in ((1, 0), (0, 1)):
                # "Former governor Jan Roe, an early supporter, calls it a priority. “…,” she said": the
                # attribution of the quote right after the sentence the name opens is hers, whatever the list says
                ent.set_gender("m" if m else "f")

    def _quote_right_after_subject(self, mention: Mention, at: int, excluded: list[tuple[int, int]],
                                   ex_i: int) -> bool:
        """The pronoun at ``at`` attributes a quote that closes right before it ("“…,” she said"), and that
        quote opens the sentence right after one whose subject is ``mention``, in the same paragraph."""
        if ex_i == 0 or not self.subject_like(mention):
            return False
        q0, q1 = excluded[ex_i - 1]
        if q0 < mention.end or self.body[q1: at].strip(" ,”’\"'") != "" or "\n" in self.body[mention.end: q0]:
            return False
        lead = self.body[mention.end: q0].rstrip(" \u201c\u2018\"'")
        if not lead.endswith((".", ":")):
            return False
        # the name opens its sentence (after its title): not "In that sense, Sandy Hook wasn't …"
        opening = self.body[max(0, mention.title_start - 200): mention.title_start]
        opening = re.split(r"[.!?][\"'”’]?\s+|\n", opening)[-1]
        if "," in opening or len(opening.split()) > 3:
            return False
        # others named in an appositive beside it ("Jan Roe, an early supporter of Mark Doe, calls …") do not count
        after = mention.end
        if self.body[after: after + 1] == ",":
            comma = self.body.find(",", after + 1, q0)
            after = comma if comma > 0 else after
        return not any(m.entity.person for m in self.mentions_between(after, q0))

    def _link(
        self, words: list[str], person: bool, head: list[str], given: dict[str, str], hint: str = "?",
        lone: bool = False,
    ) -> Entity | None:
        """Find (or create) the entity ``words`` names; None for an unknown single word."""
        words = [w for w in words if _key(w) not in _SUFFIXES] or words
        surname = words[-1]
        # "De Blasio" opening a sentence: the particle is part of the surname, not a given name
        first = words[0] if len(words) >= 2 and _key(words[0]) not in NAME_CONNECTORS else None
        best: Entity | None = None
        # lower-cased once here: this loop runs for every capitalised run against every entity
        sl = surname.lower()
        sk = _key(surname)
        f0 = _key(first)[:1] if first is not None else ""
        fuzzy = len(sl) >= 6
        for ent in reversed(self.entities):
            if first is None and ent.first and sk == _key(ent.first) and ent.person:
                best = ent
                break
            if hint != "?" and ent.gender not in ("?", hint) and not ent.gender_weak:
                continue  # "Mrs. Clinton" is not Bill Clinton (but "Mr. Sanders" is Bernie Sanders)
            el = ent.surname_low
            same = el == sl or (fuzzy and len(el) >= 6 and el[0] == sl[0] and abs(len(el) - len(sl)) <= 1
                                 and not _demonym_of(sl, el) and fuzz.ratio(sl, el) >= _SURNAME_MATCH)
            if same and (first is None or ent.first is None or f0 == _key(ent.first)[:1]) and not (
                    first is not None and ent.first is not None and self._other_sex(first, ent.first, given)):
                best = ent
                break
        if best is not None and first is None and best.first is not None and best.surname_low == sl:
            # a surname alone, shared by two people named in full ("Tom Ebeling", "Betsy Ebeling"): the one
            # the article has named more often, the one it is about
            namesakes = [e for e in self.entities if e.first is not None and e.surname_low == best.surname_low
                         and e.person and (hint == "?" or e.gender in ("?", hint))]
            if len(namesakes) > 1:
                # (of two named as often, the one named last: "Jane Roe, daughter of Tom Roe, … Jane Roe won. Roe said")
                best = max(namesakes, key=lambda e: (len(e.mentions), e.mentions[-1] if e.mentions else -1))
        if best is None:
            if len(words) < 2 and not person:
                return None
            best = Entity(" ".join(words), surname, first, person)
            self.entities.append(best)
        elif first is not None and best.first is None:
            best.canonical, best.first = " ".join(words), first  # upgrade a surname to the full name
        best.person = best.person or person
        # "Vice President Joe Biden", "Deputy Secretary X", "Lt. Gov. Y": a lesser office, not "the president",
        # "the secretary" or "the governor"
        # (kept as the lesser office itself: "the vice president" is him)
        best.titles |= {ranked_title(head, i) for i, h in enumerate(head) if h in TITLES}
        if hint != "?" and best.gender_weak and best.gender != hint:
            best.set_gender(hint)
        if best.gender == "?":
            if any(h in FEMALE_WORDS for h in head):
                best.gender = "f"
            elif any(h in MALE_WORDS for h in head) and hint != "?":
                best.gender = "m"
            elif first is not None or lone:
                key = _given_key(first if first is not None else surname, given)
                best.gender = given.get(key, "?")
                best.gender_guessed = best.gender != "?"
                best.gender_weak = best.gender_guessed and key in weak_given_names()
        return best

    @staticmethod
    def _other_sex(a: str, b: str, given: dict[str, str]) -> bool:
        """Two given names the list is sure are of different genders ("Janie" and "Jimi" Hendrix): two people
        sharing a surname and an initial, not one."""
        ga, gb = _sure_gender(a, given), _sure_gender(b, given)
        return ga is not None and gb is not None and ga != gb

    # -- queries ----------------------------------------------------------------------------
    def mention_at(self, start: int) -> Mention | None:
        """The name mention that starts at ``start``, if any."""
        return self._by_start.get(start)

    def mention_in(self, start: int, end: int) -> Mention | None:
        """The last name mention lying within ``start:end``."""
        within = self.mentions_between(start, end)
        return within[-1] if within else None

    def mentions_between(self, start: int, end: int) -> list[Mention]:
        """The name mentions lying within ``start:end``, in order."""
        lo = bisect_right(self._starts(), start - 1)
        out = []
        for mention in self.mentions[lo:]:
            if mention.start >= end:
                break
            if mention.end <= end:
                out.append(mention)
        return out

    def _starts(self) -> list[int]:
        if len(self._start_list) != len(self.mentions):
            self._start_list = [m.start for m in self.mentions]
        return self._start_list

    def head_mention_in(self, start: int, end: int) -> Mention | None:
        """The name an attribution noun phrase is about: the last one before any comma, bracket or
        'of' / 'at' / 'from' ("Clinton ally James Carville" -> Carville; "Brian Fallon, a spokesman for X"
        -> Fallon; "Jeffrey Lewis of the James Martin Center" -> Lewis)."""
        text = self.body[start:end]
        cut = min((i for i in (text.find(","), text.find("("), text.find(" of "), text.find(" at "),
                               text.find(" from ")) if i > 0), default=len(text))
        found = self.mention_in(start, start + cut + 1)
        comma = text.find(",")
        if found is not None and self.body[found.end: found.end + 1] in ("’", "'") and comma >= cut:
            # "Ms. Merkel's spokesman, Steffen Seibert" / "Rep. Duncan Hunter’s chief of staff, Joe Kasper": the
            # owner's name is not the subject; the person named after the comma is
            later = self.mentions_between(start + comma + 1, end)
            later = [m for m in later if m.entity.person and m.entity is not found.entity]
            if later:
                return later[0]
        return found or self.mention_in(start, end)

    def first_mention_in(self, start: int, end: int) -> Mention | None:
        """The first subject-like name mention within ``start:end`` (else the first one)."""
        within = self.mentions_between(start, end)
        found = next((m for m in within if self.subject_like(m)), None)
        # (no name glued into an adjective: "holding anti-Trump signs and chanting “…”" is no one named's)
        return found or next((m for m in within if not self.adjectival(m)), None)

    def subject_like(self, mention: Mention) -> bool:
        """Not a possessive ("Trump's remarks"), not a modifier ("Obama consultant Cornell Belcher") and
        not the object of a preposition ("by Sen. X")."""
        after = self.body[mention.end: mention.end + 60]
        if (after[:1] in ("’", "'") and not _CONTRACTION_RE.match(after)) or _MODIFIER_RE.match(after) or (
                self.qualifies(mention)):
            return False
        if self.adjectival(mention):
            return False  # "pro-Roe demonstrators marched": the name makes an adjective
        before = self.body[max(0, mention.start - 60): mention.start]
        words = before[before.rfind("\n") + 1:].split()  # a paragraph (or a headline) ended: the name opens one
        titled = False
        while words and (words[-1][:1].isupper() or _key(words[-1]) in TITLES):
            if _key(words[-1]) in _PREPOSITIONS and _key(words[-1]) not in _CONJUNCTION_LIKE:
                return False  # "Of Sanders, McCaskill said": a preposition that opens the sentence
            if words[-1][-1] in ".!?:;”\"," and _key(words[-1]) not in TITLES:
                # the previous sentence or an introductory phrase ended: the name opens the clause
                # ("Speaking in Salem, New Hampshire, Trump went after Bush")
                return True
            popped = words.pop()
            if _key(popped) in TITLES:  # skip the title part: "by Minnesota Sen. Al Franken"
                titled = True
            if len(words) >= 2 and words[-1] == "of" and _key(words[-2]) in TITLES:
                words = words[:-1]  # "Secretary of State John Kerry": the title goes on over "of"
            if titled and len(words) >= 2 and words[-1] in ("and", "&") and words[-2][:1].isupper() and (
                    words[-2][-1] not in ".!?:;”\",") and _key(popped) not in TITLES:
                # "Economy and Labour Minister Jane Roe": the office's name goes on over "and" (not "Mrs. Roe and
                # former President Tom Roe": two people)
                words = words[:-1]
        extra = 0
        while titled and words and extra < 4 and (_TITLE_MODIFIER_RE.fullmatch(words[-1]) or (
                words[-1][:1].isupper() and words[-1][-1] not in ".!?:;”\",")):
            # "a booster of 2012 GOP presidential nominee Mitt Romney": the title's own modifiers
            words.pop()
            extra += 1
        while titled and len(words) >= 2 and words[-1] == "and" and _key(words[-2]) in TITLES:
            # "Former prosecutor and New York City Mayor Rudy Giuliani": two titles joined by "and"
            words = words[:-2]
            while words and (_key(words[-1]) in TITLES or _TITLE_MODIFIER_RE.fullmatch(words[-1])):
                words.pop()
        if not mention.entity.person and before.split()[-1:] == words[-1:] and len(words) >= 2 and words[-1] in (
                "the", "a", "an") and _key(words[-2]) in _PREPOSITIONS:
            words.pop()  # "X of the Armenian Patriarchate": an organisation after a preposition and its article
        if not words or _key(words[-1]) not in _PREPOSITIONS:
            return True
        # "as Mr. McDonough suggested", "as Archbishop X of the Y Patriarchate told": the subject of a clause of
        # its own (past the organisation it belongs to)
        of = _OF_ORG_RE.match(self.body, mention.end)
        nxt = self.body[of.end() if of else mention.end: mention.end + 80].split()[:1]
        return (_key(words[-1]) in ("as", "after", "before", "since", "until") and bool(nxt) and nxt[0].islower()
                and _verb_like(nxt[0].strip(",.")))

    def object_of_verb(self, mention: Mention) -> bool:
        """The name (with its title) right after a verb is its object, not a subject: "Roe tried to hold Poe
        accountable", "did give Poe some credit", "inviting Poe to …", "told Poe" (but a speech verb before a name
        is an inverted attribution: "said Poe")."""
        before = self.body[max(0, mention.title_start - 30): mention.title_start]
        words = before.split()
        if not words or before[-1:] not in (" ", "\u00a0") or not words[-1].isalpha() or not words[-1].islower():
            return False  # (punctuation between: "Asked about it, Poe said")
        verb = words[-1]
        if verb in _NOT_OBJECT_VERBS or verb in _PREPOSITIONS or (verb in SPEECH_VERBS and verb not in _LISTENER_VERBS):
            return False
        if verb.endswith(("ed", "ing")) or verb in _IRREGULAR_VERBS or verb in _LISTENER_VERBS:
            return True
        return len(words) >= 2 and words[-2].lower() in BEFORE_BASE_VERB  # "to hold Poe", "did give Poe"

    def adjectival(self, mention: Mention) -> bool:
        """The name is glued into an adjective ("pro-Roe demonstrators", "anti-Trump signs")."""
        before = self.body[max(0, mention.start - 5): mention.start]
        return before.endswith("-") and before[:-1].lower().lstrip(" -").endswith(_HYPHEN_PREFIXES)

    def qualifies(self, mention: Mention) -> bool:
        """The name qualifies a group noun after it ("Sanders protesters interrupted", "the Christie supporter
        retorted"): the people of the group act, not the one named."""
        return _DEPENDENT_AFTER_RE.match(self.body, mention.end) is not None

    def fronts_body(self, mention: Mention) -> bool:
        """The name only names the campaign or administration that acts ("the Doe campaign took voters for
        granted"): no subject a he/she goes back to."""
        return _THEIR_BODY_RE.match(self.body, mention.end) is not None

    def speaks_in_relative(self, mention: Mention) -> bool:
        """A relative clause after the name has it speak ("… was supported by Sen. Dianne Feinstein of
        California, the ranking Democrat, who said …"): the one the text goes on quoting."""
        return _WHO_SAID_RE.match(self.body, mention.end) is not None

    def in_opening_clause(self, sentence: int, mention: Mention) -> bool:
        """The name is inside the subordinate clause that opens its sentence ("When Mr. Clinton had trouble
        joining a club, Mr. Trump boasted …", "Ever since she endorsed Mrs. Clinton, Ms. Warren …", "Asked
        whether Mr. Clinton would …, Mrs. Clinton shook her head"): the subject of the sentence comes after it."""
        text = self.body[sentence: mention.start]
        if _OPENING_CLAUSE_RE.match(text) is not None:
            return True
        m = _OPENING_PARTICIPLE_RE.match(text)
        return m is not None and m.group(1).lower() not in given_names()

    def last_person(self, before: int, gender: str = "?", sentence_of=None, _depth: int = 0,
                    exclude: frozenset[int] = frozenset()) -> Entity | None:
        """The person named most recently before ``before`` whose gender does not contradict.

        With ``sentence_of`` (offset -> start of its sentence), the subject of the nearest sentence
        naming a candidate wins over a later object or possessive ("Ryan said the onus is on Trump.
        “…,” he said" -> Ryan), the usual preference of pronoun resolution for subjects.
        """
        nearest: Mention | None = None
        for mention in reversed(self.mentions):
            if mention.start >= before:
                continue
            ent = mention.entity
            if not ent.person or id(ent) in exclude or self._country(ent):
                continue
            if gender != "?" and ent.gender not in ("?", gender) and not self.weak_fits(mention, before, sentence_of):
                continue
            nearest = mention
            break
        if nearest is None and gender != "?":
            # no one of the pronoun's gender named: anyone, but not a man or woman by a given name the list is
            # sure of ("Tom Poe spoke. Yin Aung Doe, a doctor, said she …": she is not Tom Poe)
            other = self.last_person(before, "?", sentence_of, _depth, exclude)
            if other is not None and other.gender not in ("?", gender) and self._sure_given(other):
                return None
            return other
        if nearest is None or sentence_of is None:
            return nearest.entity if nearest else None
        if _REPORTED_BY_RE.match(self.body, nearest.end):
            # "Blair has failed, Michael Howard has said. … the Conservative leader said": the one reported
            # saying it is who the text goes on about, not the subject of what he said
            return nearest.entity
        s0 = sentence_of(nearest.start)
        # the person named before the sentence of ``nearest``, when that sentence is not about its names
        chained = gender in ("m", "f") and s0 > 0 and _depth < 3

        found: list[Entity | None] = []

        def before_sentence() -> Entity | None:  # (read once, whichever rule asks)
            if not found:
                found.append(self.last_person(s0, gender, sentence_of, _depth + 1, exclude))
            return found[0]

        if chained:
            intro = _INTRO_SUBJECT_PRONOUN[gender].match(self.body, s0)
            if _OPENING_SUBJECT_PRONOUN[gender].match(self.body, s0) or (
                    intro is not None and intro.end() <= nearest.start):
                # "She has faced controversies …, investigating his wife, Hillary Clinton, …. “…,” she said": a
                # sentence whose subject is the pronoun goes on about the one it stood for; the names inside are
                # not its subject
                earlier = before_sentence()
                if earlier is not None:
                    return earlier
        # "One pastor supporting Mr. Doe, Xalys Roe of the church, said …": the name set off after an unnamed
        # subject is the subject; a name inside the description before it is not
        set_off = s0
        if _UNNAMED_OPENING_RE.match(self.body, s0):
            set_off = next((m.start for m in self.mentions_between(s0, nearest.end) if m.entity.person
                            and _UNNAMED_LEAD_RE.match(self.body[s0: m.start].rstrip())), s0)
        # "States vote in order, he noted, so it may be clear whether Doe will be the nominee. “…,” he said": a name
        # after the pronoun in its own sentence is in what that pronoun's one says, not who goes on speaking
        pronoun = _SUBJECT_PRONOUN[gender].search(self.body[s0: nearest.start]) if chained else None
        said = pronoun
        if said is not None:
            verb = self.body[s0 + said.end(): s0 + said.end() + 20].split()[:1]
            if not verb or verb[0].strip(",.") not in SPEECH_VERBS:
                said = None  # (only "he noted", "he said": not "After … that he understands …, Doe said")
        for mention in self.mentions[bisect_left(self._starts(), set_off):]:
            if mention.start > nearest.start or (said is not None and mention.start >= s0 + said.end()):
                break
            ent = mention.entity
            fits = gender == "?" or ent.gender in ("?", gender) or self.weak_fits(mention, before, sentence_of)
            if ent.person and id(ent) not in exclude and not self._country(ent) and fits and ((
                    self.subject_like(mention) and not self.in_opening_clause(s0, mention)
                    and not self.fronts_body(mention))
                    or self.speaks_in_relative(mention)):
                return ent
        if pronoun is not None or (chained and _LEADING_PREPOSITION_RE.match(self.body, s0, nearest.title_start)):
            # "Though that transition was seamless, he said, the loyalists to Joe Biden …. “…,” he said": the
            # sentence naming the candidate is about someone the pronoun already stood for, named before it (also
            # in a clause of its own: "… 30 applicants, which he said were split between Doe and Loe"); "Like
            # Allen, their days begin at 4:30 a.m. “…,” he told me": a name in a phrase that opens a sentence about
            # something else is no subject; the one the text was about before it
            earlier = before_sentence()
            if earlier is not None:
                return earlier
        return nearest.entity

    @staticmethod
    def _sure_given(ent: Entity) -> bool:
        """The person's given name is one the name list calls only male or only female (John, Mary), and
        that is the gender the registry holds."""
        return ent.first is not None and _sure_gender(ent.first, given_names()) == ent.gender

    def weak_fits(self, mention: Mention, before: int, sentence_of) -> bool:
        """A gender the name list only guessed as "mostly" the other one ("Bernie"), which the text's own
        pronouns near the name contradict more often than they confirm (or as often, none at all, for a name the
        list gives both genders), gives way to a he/she whose sentence
        follows the one that has the name as its subject ("Sanders wasn’t impressed. ¶ “…,” he noted"): the
        pronoun continues the subject just named."""
        ent = mention.entity
        if not ent.gender_weak or sentence_of is None:
            return False
        against, confirming = ent.votes[0 if ent.gender == "f" else 1], ent.votes[1 if ent.gender == "f" else 0]
        # (the text's pronouns near the name lean to the pronoun's gender, or none says anything of a name the
        # list gives both genders: "Bernie Roe tried to hold Tom Poe accountable. ¶ “…,” he said")
        if against < confirming or (against == confirming and (
                ent.first is None or _given_key(ent.first, given_names()) not in two_sided_given_names())):
            return False
        own = sentence_of(before)
        prev = text_end(self.body, own)
        if prev > 0 and mention.start < sentence_of(prev - 1) and _OPENING_SUBJECT_PRONOUN[
                "m" if ent.gender == "f" else "f"].match(self.body, sentence_of(prev - 1)):
            # "Bernie Roe rallied voters. He said his revolution would win. ¶ “…,” he said": a sentence between
            # whose subject is the pronoun goes on with the name
            own = sentence_of(prev - 1)
            prev = text_end(self.body, own)
        if prev <= 0 or mention.start < sentence_of(prev - 1) or mention.start >= before:
            return False
        s0 = sentence_of(mention.start)
        nxt = self.body[mention.end: mention.end + 20].split()[:1]
        verb = bool(nxt) and _verb_like(re.sub(r"n[’']t$", "", nxt[0].strip(",.")))  # the subject before its verb
        # (or before a relative clause: "Bernie Roe, who has represented Vermont for years, rallied …")
        verb = verb or _WHO_AFTER_RE.match(self.body, mention.end) is not None
        return verb and self.subject_like(mention) and not self.in_opening_clause(s0, mention)

    @staticmethod
    def _country(ent: Entity) -> bool:
        """A country named alone ("China announced …"): it may act and speak, but no he / she / "the senator"
        refers to it."""
        return ent.first is None and not ent.titles and ent.surname_low in country_names()

    def last_org(self, before: int, window: int = 3000) -> str | None:
        """The organisation named most recently before ``before`` (within ``window`` characters)."""
        for start, name in reversed(self.orgs):
            if start < before:
                return name if before - start <= window else None
        return None

    def last_subject_org(self, before: int, sentence_of, window: int = 1500, lone: bool = False) -> str | None:
        """The organisation that last opened a sentence as its subject ("Business Insider also commented …",
        "The Acme Foundation did not want …") within ``window`` characters before ``before``: what "the
        group" or "the company" said refers to, rather than an organisation named in passing since ("telling
        Fox 35 that …"); ``lone``: also a one-word name with no given name, title, gender or he / she after it
        ("Zentrix said it would …" before "the firm said"), which the name list cannot tell from a surname, named
        more than once or as a speaker (not "Consumer demand will …")."""
        given = given_names()
        cands = self._recent_names(
            before, window,
            # (lone: not "DJ Rob Da Bank", a person whose name ends in an organisation word)
            lambda name: not (lone and given.get(_key(name.split()[0]), "?") != "?"),
            lambda m: (not m.entity.person and (not self._generic(m.entity.canonical) or (
                lone and " " in m.entity.canonical and m.entity.canonical.split()[-1][:1].isupper()
                and not self._country(m.entity))))  # ("US Airways had to cancel …": a name, not "Experts")
            or (lone and m.entity.person and self._lone_candidate(m)))
        for at, name in cands:
            lead = self.body[sentence_of(at): at].strip()
            end = self.body.find(name, at, at + len(name) + 5)  # (an organisation's start may be its "The")
            # the sentence's subject, or a clause's ("GMAC has been a strong contributor but GM said …")
            opens = lead in ("", "The", "the") or _CLAUSE_LEAD_RE.search(lead) is not None
            nxt = _NEXT_WORD_RE.match(self.body, end + len(name)) if end >= 0 else None
            number = _NUMBER_AFTER_RE.match(self.body, end + len(name)) if lone and end >= 0 else None
            if number is not None:  # "Radio 1 said …": the number goes on the name
                name, nxt = f"{name} {number.group(1)}", _NEXT_WORD_RE.match(self.body, number.end())
            if opens and nxt is not None and nxt.group(1) not in _NOT_AFTER_SUBJECT:
                return name  # (not "Veterans Simon and Garfunkel were …": the name is part of a longer subject)
        return None

    def _recent_names(self, before: int, window: int, org_ok=None, mention_ok=None) -> list[tuple[int, str]]:
        """(start, name) of the organisations and of the mentions (those ``org_ok`` / ``mention_ok`` accept)
        within ``window`` characters before ``before``, the latest first."""
        cands = [(at, name) for at, name in self.orgs
                 if before - window <= at < before and (org_ok is None or org_ok(name))]
        cands += [(m.start, m.entity.canonical) for m in self.mentions_between(max(0, before - window), before)
                  if mention_ok is None or mention_ok(m)]
        return sorted(cands, reverse=True)

    @staticmethod
    def _initials_only(ent: Entity) -> bool:
        """The given name is initials ("JP Morgan")."""
        return ent.first is not None and len(ent.first) <= 3 and ent.first.isupper()

    def _lone_candidate(self, m: Mention) -> bool:
        """The name at ``m`` may be a company's that "the company" goes to: a lone name (``lone_org``) named more
        than once or as a speaker, not a common word opening a sentence ("Consumer demand will …") nor a plural
        ("Experts said"); or a name that "it"/"its" follows ("Novartis said that it would …", "Shell told investors
        that its reserves …", whatever he / she the name list or a nearby pronoun gave it)."""
        ent = m.entity
        name = ent.canonical
        if not (ent.first is None or self._initials_only(ent)) or ent.titles or self._country(ent) or (
                " " in name and ent.first is None and not name.split()[-1][:1].isupper()):
            return False
        it = any(_IT_AFTER_RE.match(self.body, self._by_start[k].end) for k in ent.mentions[:8] if k in self._by_start)
        if (ent.gender != "?" or ent.votes != (0, 0)) and not it:
            return False
        plural = name.lower().endswith(("ans", "ats", "ists", "ers", "ics"))  # ("Democrats", "Republicans")
        if self._generic(name) and not (" " in name and name.split()[-1][:1].isupper()) and not (it and not plural):
            return False  # ("US Airways had to cancel …" is a name; "Experts said" is no one's)
        nxt = _NEXT_WORD_RE.match(self.body, m.end)
        return it or len(ent.mentions) > 1 or (nxt is not None and nxt.group(1) in SPEECH_VERBS)

    def lone_org(self, ent: Entity) -> bool:
        """A name that may be a company's ("Zentrix", "JP Morgan"): no given name (but initials), title, gender or
        he / she votes, and no country."""
        return ((ent.first is None or self._initials_only(ent)) and not ent.titles and ent.gender == "?"
                and ent.votes == (0, 0) and (" " not in ent.canonical or ent.first is not None)
                and not self._country(ent))

    def last_named_org(self, before: int, noun: str, window: int = 3000) -> str | None:
        """The organisation named last before ``before`` (within ``window``) whose name has the word ``noun``
        ("the Ruritanian Foreign Ministry" for "the ministry")."""
        for _, name in self._recent_names(before, window, mention_ok=lambda m: not m.entity.person):
            if noun in name.lower().split():
                return name
        return None

    def last_press(self, before: int, window: int = 3000) -> str | None:
        """The newspaper or magazine named last before ``before`` (within ``window``): a name ending in a word of a
        paper's title ("The Daily Acme News", "the Union Leader"), what "the newspaper" and "the editorial board"
        refer to."""
        for _, name in self._recent_names(
                before, window, mention_ok=lambda m: m.entity.first is None and not m.entity.titles):
            if _key(name.split()[-1]) in _PRESS_WORDS and len(name.split()) > 1:
                return name
        return None

    def last_actor(self, before: int, window: int = 3000) -> str | None:
        """What "it" said refers to: the organisation named most recently before ``before``, or a later
        one-word name that acts like one ("Russia announced … it announced"): no given name, no title, no
        gender, followed by a verb of saying."""
        org = next(((at, name) for at, name in reversed(self.orgs) if at < before), None)
        for mention in reversed(self.mentions):
            if mention.start >= before:
                continue
            if (org is not None and mention.start < org[0]) or before - mention.start > window:
                break
            ent = mention.entity
            nxt = _NEXT_WORD_RE.match(self.body, mention.end)
            if (ent.first is None and not ent.titles and ent.gender == "?" and nxt is not None
                    and nxt.group(1) in SPEECH_VERBS and not self._generic(ent.canonical)):
                return ent.canonical
        return org[1] if org is not None and before - org[0] <= window else None

    def _generic(self, name: str) -> bool:
        """A capitalised common noun opening a sentence ("Experts say", "Consumer groups said"), not a name."""
        low = name.lower()
        return low in GROUP_NOUNS or (low.endswith("s") and not name.isupper()) or self._common(name)

    def last_with_title(self, title: str, before: int) -> Entity | None:
        """The person most recently named before ``before`` with ``title`` ("the president")."""
        title = TITLE_ALIASES.get(title, title)
        for mention in reversed(self.mentions):
            if mention.start < before and title in mention.entity.titles:
                return mention.entity
        return None

    def by_name(self, canonical: str) -> Entity | None:
        """The entity whose canonical name is ``canonical``."""
        for ent in reversed(self.entities):
            if ent.canonical == canonical:
                return ent
        return None

    def by_word(self, word: str) -> Entity | None:
        """An entity whose surname (or given name) is ``word``, allowing spelling variants."""
        for ent in reversed(self.entities):
            if _same_surname(word, ent.surname):
                return ent
            if ent.first and word.lower() == ent.first.lower():
                return ent
        return None
