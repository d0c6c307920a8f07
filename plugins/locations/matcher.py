"""Finding place-name mentions: Aho-Corasick over folded text, then surface rules.

Exact names come from one pass of the gazetteer's automaton over the casefolded, transliterated
body, kept only on whole-word boundaries and (for most names) when capitalised as written. Surface
rules then turn "Kharkiv region" into a region mention and drop names that are part of a person's
name, a newspaper's name, or an ordinary English word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsledger.plugins.locations.gazetteer import Gazetteer, Place
from newsledger.plugins.locations.normalise import norm_key, norm_text
from newsledger.plugins.locations.vocabulary import (
    FACILITY_HEADS,
    FUNCTION_WORDS,
    GIVEN_NAME_PLACES,
    MEDIA_HEADS,
    NAME_PARTICLES,
    ORG_HEADS,
    PLACE_TYPE_WORDS,
    REGION_WORDS,
    TITLE_WORDS,
    TITLES,
)


@dataclass
class Mention:
    """A span of the body that names a place, with the gazetteer key(s) it may mean."""

    start: int
    end: int
    key: str
    region_only: bool = False  # "Kharkiv region", "region of Kherson": admin-1 candidates only
    fuzzy: bool = False
    in_org: bool = False
    cues: set[str] = field(default_factory=set)


# Short names ("US", "UK", "Va.") as whole tokens; a possessive ("UK’s") or a hyphenated
# lower-case word ("US-based") may follow.
_SHORT = re.compile(r"(?<![\w.'’-])[A-Z][A-Za-z.]{0,2}(?=['’]s\b|-[a-z]|[^\w'’-]|$)")
_WORD = re.compile(r"[A-Za-z][\w'’.-]*")
_SUFFIX = re.compile(r"[ \t]+(" + "|".join(REGION_WORDS) + r")\b", re.IGNORECASE)
_REGION_OF = re.compile(r"\b(?:" + "|".join(REGION_WORDS) + r") of[ \t]+$", re.IGNORECASE)
_VILLAGE_OF = re.compile(r"^[ \t]+(?:village|town|villages|towns)\s+of\b")
_NEXT_WORD = re.compile(r"^[ \t]+([A-Z][\w'’.-]*)")
# "X & Y" names a company or a firm unless both sides are places (then the gazetteer has the pair).
_AMPERSAND_AFTER = re.compile(r"^[ \t]*&[ \t]*([A-Z][\w'’-]*)")
_AMPERSAND_BEFORE = re.compile(r"([A-Z][\w'’-]*)[ \t]*&[ \t]*$")
_PREV_WORD = re.compile(r"([A-Za-z][\w'’.-]*)[ \t]+$")
# "Bank of America", "Bank of England": the place names a bank, and the bank is not in the place.
_ORG_OF = re.compile(r"\bBank[ \t]+of[ \t]+$")
# "Order of the Phoenix", "Lord of the Rings": a title; a town's name takes no "the".
_TITLE_OF_THE = re.compile(r"\b[A-Z][a-z]+[ \t]+of[ \t]+the[ \t]+$")
_END_OF_NAME = re.compile(
    r"(?:[ \t]*[^\w \t]|[ \t]*$|[ \t]+(?:and|or|is|was|has|had|will|in|on|at|for|with|by|to|from)\b)"
)
# "Anheuser-Busch", "T-Mobile": a capitalised word (or letter) joined by a hyphen before the name.
_HYPHEN_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][A-Za-z]*)-$")
# "A Lo Cicero", "S Taylor": an initial (and a particle) before the name; "A" and "I" only after a
# comma, semicolon or bracket, since elsewhere they are the article and the pronoun ("A Paris court").
_INITIAL_BEFORE = re.compile(r"(?:([,;(][ \t]*)|(?<![\w'’.-]))([A-Z])\.?[ \t]+(?:[A-Z][a-z]+[ \t]+)?$")
_INITIAL_NEXT = re.compile(r"^[ \t]+[A-Z]\.?[ \t]+([A-Z][a-z]+)\b")
# "the Bush administration", "the Bush Presidency": a person's term of office.
_OFFICE_AFTER = re.compile(r"^[ \t]+(?:administration|Administration|presidency|Presidency)\b")
_HYPHEN_AFTER = re.compile(r"^-([A-Z][A-Za-z]*)(?![\w'’-])")
# "Luca di Montezemolo", "Vincent van Gogh": a given name and a name particle before the name.
_PARTICLE_BEFORE = re.compile(
    r"(?<![\w'’.-])([A-Z][a-z]+)[ \t]+(?:" + "|".join(sorted(NAME_PARTICLES)) + r")[ \t]+$"
)
# "George V", "Henry VIII": a regnal number after a given name ("I" is left out: the pronoun).
_REGNAL = re.compile(r"(?:I{2,3}|IV|VI{0,3}|IX|XI{0,3}|XIV|XV|XVI)")
# "Bush/Kerry": a name joined by a slash to another capitalised word.
_SLASH_AFTER = re.compile(r"^/([A-Z][A-Za-z]+)(?![\w'’-])")
_SLASH_BEFORE = re.compile(r"(?<![\w'’/-])([A-Z][A-Za-z]+)/$")
# "Mobile Data Association": capitalised words after a name, ending in an organisation's head noun.
_ORG_AFTER = re.compile(r"^((?:[ \t]+[A-Z][\w'’-]*){1,4})")
_CAP_BEFORE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*[ \t]+$")
_CAP_AFTER = re.compile(r"[ \t]+[A-Z]")
_CAP_RUN_AFTER = re.compile(r"(?:[ \t]+[A-Z][\w'’-]*)*")


def exact_mentions(text: str, gaz: Gazetteer) -> list[Mention]:
    """Longest whole-word gazetteer names in ``text`` (leftmost-longest, non-overlapping)."""
    norm, offs = norm_text(text)
    n = len(norm)
    found: list[tuple[int, int, str]] = []
    lower_ok = gaz.lowercase_ok
    # iter_long: leftmost-longest, non-overlapping hits; far fewer than every substring hit.
    hits = list(gaz.automaton.iter_long(norm))
    for end_idx, key in hits:
        s = end_idx - len(key) + 1
        e = end_idx + 1
        # Cheapest test first: most hits are lower-case words ("of", "may") that are not names.
        first = text[s if offs is None else offs[s]]
        if not first.isupper() and key not in lower_ok:
            if " " in key:
                # "eastern Ghouta" in lower case hid the name "Ghouta" inside it: look again
                # from the next word (the tail is re-checked like any other hit).
                tail = s + key.index(" ") + 1
                hits.extend((tail + j, k) for j, k in gaz.automaton.iter_long(norm[tail:e]))
            continue
        if (s > 0 and norm[s - 1].isalnum()) or (e < n and norm[e].isalnum()):
            continue
        if offs is not None:
            s, e = offs[s], offs[e - 1] + 1
        found.append((s, e, key))
    for tok in _SHORT.finditer(text):
        key = tok.group(0).lower()
        if key in gaz.names:
            found.append((tok.start(), tok.end(), key))
        elif key.endswith(".") and key.count(".") == 1 and key[:-1] in gaz.names:
            found.append((tok.start(), tok.end() - 1, key[:-1]))  # "by the US.": the sentence's full stop
    found.sort(key=lambda t: (t[0], -(t[1] - t[0])))
    out: list[Mention] = []
    last_end = -1
    for s, e, key in found:
        if s >= last_end:
            out.append(Mention(s, e, key))
            last_end = e
    return out


# A lookahead, so that pairs overlap: in "the Security Council John Kirby" the pair "Council John"
# must not use up "John" before "John Kirby" is seen.
# The middle initial may come without its full stop, as British outlets write it ("George W Bush").
_PERSON = re.compile(r"\b(?=([A-Z][a-z]+)[ \t]+(?:[A-Z]\.?[ \t]+)?([A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b)")
_SPEECH_AFTER = re.compile(r"^[ \t]+(?:said|says|told|added|wrote|explained|argued|noted|asked)\b")


def person_tokens(text: str, gaz: Gazetteer) -> set[str]:
    """Words seen as part of "Given Surname" pairs: one sense per article ("Bryant said" later)."""
    out: set[str] = set()
    for first, last in _PERSON.findall(text):
        if first.lower() in FUNCTION_WORDS or first in TITLES or first.lower() in gaz.common_words:
            continue
        if f"{first.lower()} {last.lower()}" in gaz.names:
            continue
        if last.lower() in gaz.common_words and not _with_initial(text, first, last):
            continue
        out.add(last)
        if first in GIVEN_NAME_PLACES:
            out.add(first)
    return out


_MIDDLE_INITIAL = re.compile(r"[ \t]+[A-Z]\.?[ \t]+")


def _with_initial(text: str, first: str, last: str) -> bool:
    """True when ``first`` is a given name and a middle initial stands before ``last`` ("George W Bush"):
    then even a dictionary word ("Bush") is the surname. (A scan, not a regex built per name pair: that
    compiled a pattern for almost every pair of every article.)"""
    if not first.istitle():
        return False
    at = text.find(first)
    while at >= 0:
        if at == 0 or not _word_char(text[at - 1]):
            m = _MIDDLE_INITIAL.match(text, at + len(first))
            end = m.end() + len(last) if m is not None else -1
            if m is not None and text.startswith(last, m.end()) and (end == len(text) or not _word_char(text[end])):
                return True
        at = text.find(first, at + 1)
    return False


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"


def apply_surface_rules(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Region suffixes, person and newspaper names, common words, headline capitals."""
    persons = person_tokens(text, gaz)
    spans = {(m.start, m.end) for m in mentions}
    reasons = [drop_reason(text, m, gaz, persons, spans) for m in mentions]
    # One sense per article: a word once read as a person's surname ("John Kirby") is that
    # person when it comes back alone ("Kirby continued"), before or after.
    named = {text[m.start : m.end] for m, r in zip(mentions, reasons, strict=True) if r in _PERSON_REASONS}
    # So is a given name once read before a surname ("Maurice Greene", then "Maurice is ...").
    # Not when the article also puts the name after "in" or "at": then the place is its subject too.
    given = {text[m.start : m.end] for m, r in zip(mentions, reasons, strict=True) if r == "given name"} - {
        text[m.start : m.end] for m, r in zip(mentions, reasons, strict=True) if r is None and "locative" in m.cues
    }
    return [
        m for m, reason in zip(mentions, reasons, strict=True)
        if reason is None and not (named and _named_person(text, m, gaz, named))
        and not (given and _named_given(text, m, gaz, given))
    ]


def _named_given(text: str, m: Mention, gaz: Gazetteer, given: set[str]) -> bool:
    """A given name alone after its person was named ("Maurice"), unless one of the listed places
    named like people ("Sheffield"), a major place's own name ("Sydney"), or after "in"."""
    surface = text[m.start : m.end]
    if surface not in given or surface in GIVEN_NAME_PLACES or " " in m.key or m.region_only or "locative" in m.cues:
        return False
    return not _country_named(m.key, gaz) and not _major_named(m.key, gaz)


def _major_named(key: str, gaz: Gazetteer) -> bool:
    """True when ``key`` is the own name of a major place ("Sydney"), not another name of one
    ("Maurice" for Mauritius)."""
    return any(norm_key(p.name) == key and _major_place(p) for p in gaz.candidates(key))


def _named_person(text: str, m: Mention, gaz: Gazetteer, named: set[str]) -> bool:
    """The "person" rule of ``drop_reason`` for names found to be persons elsewhere in the text."""
    if text[m.start : m.end] not in named or " " in m.key or m.region_only or "locative" in m.cues:
        return False
    return not _major(m.key, gaz)


# A surname after a given name is evidence enough, but a place before a capitalised word
# ("Amherst College", "Columbus Council") is as often part of an organisation's name.
# A title before the name ("President Bush", "Mr Jordan") is evidence enough as well.
_PERSON_REASONS = frozenset({"surname", "title"})


def drop_reason(text: str, m: Mention, gaz: Gazetteer, persons: set[str], spans: set[tuple[int, int]]) -> str | None:
    """Why mention ``m`` is not a place (None: keep it); may widen ``m`` to "X region" and add cues."""
    after = text[m.end : m.end + 40]
    before = text[max(0, m.start - 40) : m.start]
    suffix = _SUFFIX.match(after)
    if suffix and m.key in gaz.region_names:
        m.end += suffix.end()
        m.region_only = True
    elif m.key in gaz.region_names and (_REGION_OF.search(before) or _VILLAGE_OF.match(after)):
        m.region_only = True
    nxt = _NEXT_WORD.match(after)
    prev = _PREV_WORD.search(before)
    prev_word = prev.group(1) if prev else ""
    next_word = nxt.group(1) if nxt and not m.region_only else ""
    single = " " not in m.key
    surface = text[m.start : m.end]
    if surface.endswith(".") and surface.count(".") == 1 and not before.rstrip().endswith((",", "(")):
        return "abbreviation"  # "Va.", "Calif." name a state only as in "Gainesville, Va."
    if surface.isupper() and len(surface.replace(".", "")) <= 4 and not _acronym_ok(m.key, gaz):
        return "acronym"  # "CIS countries", "BOV shares": an acronym, not the hamlet of that name
    if _ORG_OF.search(before):
        return "organisation"  # "Bank of America" is no mention of the United States
    if _company(text, m, after, before, gaz, spans):
        return "company"  # "Johnson & Johnson", "Marks & Spencer"; not "Trinidad & Tobago"
    if _hyphenated(m, after, before, spans):
        return "compound"  # "Anheuser-Busch", "T-Mobile"; not "Israel-Gaza", "Sino-US"
    if (after[:1] == "/" or before[-1:] == "/") and _slashed(m, after, before, gaz, persons, spans):
        return "person"  # "the Bush/Kerry contest"; not "Mobile/Alabama", "Israel/Palestine"
    if (_TITLE_OF_THE.search(before) and _END_OF_NAME.match(after)
            and all(p.feature == "city" for p in gaz.candidates(m.key))):
        return "work title"  # "Harry Potter and the Order of the Phoenix"; not "Governor of the Krasnodar area"
    if next_word in MEDIA_HEADS:
        return "media"  # "The New York Times", "Kyiv Independent": a title, not a place
    if prev_word.rstrip(".") in TITLES:
        return "title"  # "President Lincoln", "Mr Jordan"
    single_word = " " not in m.key
    particle = _PARTICLE_BEFORE.search(before)
    if single_word and particle and not _major(m.key, gaz) and _given_word(particle.group(1), gaz):
        return "surname"  # "Luca di Montezemolo", "Leonardo da Vinci"
    if single_word and (next_word or prev_word[:1].isupper()) and in_title(text, m.start, m.end) and (
        not _major(m.key, gaz)
    ):
        return "work title"  # "How Green Was My Valley"
    if single_word and not _major(m.key, gaz) and _initial_before(before):
        return "surname"  # "A Lo Cicero (Italy)", "S Taylor (Scotland)"
    if single_word and not _major(m.key, gaz) and _OFFICE_AFTER.match(after):
        return "person"  # "the Bush administration"
    initial_next = _INITIAL_NEXT.match(after)
    if initial_next and single_word and m.key in gaz.given_names and not _country_named(m.key, gaz):
        return "given name"  # "Mary J Blige"
    # A small place named next ("Nancy Levan", "Charlotte Smith") is more likely a surname.
    # A given name that names only an admin-1 region ("Michael", a sheading of Man) is a name.
    next_is_place = nxt is not None and (m.end + nxt.start(1), m.end + nxt.end(1)) in spans and (
        _major(norm_key(next_word), gaz) and not _person_word(norm_key(next_word), gaz)
    )
    # A country's own name ("Jordan", "Chad") is a given name only by the list above; another name
    # of it is one like any other ("Maurice Greene" is no mention of Mauritius).
    given = surface in GIVEN_NAME_PLACES or (
        m.key in gaz.given_names and not next_word.isupper() and surface.istitle()
        and not _country_named(m.key, gaz)
    )
    surname_next = bool(next_word) and not next_is_place and next_word.lower() not in gaz.common_words
    # A title after a given name ("Mary Queen of Scots") is a person's too, and so is a dictionary
    # word after a name that is only another spelling of a town ("Salam Pax" is not Şaḩam, Oman).
    named_next = bool(next_word) and not next_is_place and (
        next_word in TITLES or all(alt for _, alt in gaz.readings(m.key))
    )
    if single and given and (surname_next or named_next):
        return "given name"  # "Jordan Peterson", "Nancy Levan": a given name before a surname
    # A given name that is no listed place-and-name before a capitalised word that names nothing
    # else: a surname even when it is a dictionary word ("George Bush", "George Raft"), unless the
    # word makes a team's, an organisation's or a facility's name ("Chester City", "Dudley Zoo").
    if (single and given and surface not in GIVEN_NAME_PLACES and not _major(m.key, gaz)
            and prev_word not in PLACE_TYPE_WORDS and _surname_word(next_word, next_is_place, gaz)):
        return "given name"
    if (single and m.key in gaz.given_names and surface.istitle() and _REGNAL.fullmatch(next_word.rstrip("."))
            and not _country_named(m.key, gaz)):
        return "given name"  # "George V", "Henry VIII"
    name_before = bool(prev_word) and prev_word[0].isupper() and _is_name_word(prev_word, before, gaz)
    if single and name_before and not _major(m.key, gaz):
        return "surname"  # "John Kirby": a surname after a given name
    base = m.start - len(before)
    # Only a major place before keeps this one a place; a small town named like a given name
    # ("Jack", Alabama; "George", South Africa) does not make "Jack Kirby" two places.
    prev_is_place = prev is not None and (base + prev.start(1), base + prev.end(1)) in spans and (
        _major(norm_key(prev_word), gaz)
    )
    if single and not prev_is_place and _given_before(prev_word, before, gaz, not _major(m.key, gaz)):
        return "surname"  # "Andrew Jordan", "Ray Payette"; "Jack Kirby, ..." opening a sentence
    if single and surname_next and not next_word.isupper() and not _major(m.key, gaz):
        return "before surname"  # "Vladislav Sokolov": a given name before a surname
    locative = prev_word.lower() in ("in", "at", "near", "from", "outside", "around", "into", "to", "towards")
    # "Conway said" is a person speaking; "the mayor of Izium said" is not.
    person = text[m.start : m.end] in persons or (_SPEECH_AFTER.match(after) and prev_word.lower() != "of")
    if single and person and not locative and not _major(m.key, gaz):
        return "person"  # "Bryant" after "Kobe Bryant"; "Conway said"
    if m.key in gaz.common_words and not _common_word_ok(text, m, gaz):
        return "common word"
    if locative:
        m.cues.add("locative")
    return None


def _person_word(key: str, gaz: Gazetteer) -> bool:
    """True for a clearly male or female given name that no country or big city has for its name
    (its places are admin-1 regions at most: "Michael", "Kerry")."""
    return key in gaz.given_names and not any(
        p.feature in ("country", "continent", "other") or p.population >= 1_000_000 or p.authored
        for p in gaz.candidates(key)
    )


def _given_word(word: str, gaz: Gazetteer) -> bool:
    return word.lower() in gaz.given_names and word.lower() not in FUNCTION_WORDS and word not in TITLES


def _surname_word(word: str, is_place: bool, gaz: Gazetteer) -> bool:
    """True when a capitalised ``word`` after a given name reads as a surname."""
    if not word or is_place or len(word) < 2 or not word.istitle() or not word.isalpha():
        return False
    low = word.lower()
    return low not in FUNCTION_WORDS and low not in TITLE_WORDS and not _head_word(word, gaz)


def _head_word(word: str, gaz: Gazetteer) -> bool:
    """True for a word that makes a place's name a team's, an organisation's, an event's or a
    facility's ("City", "Council", "Cup", "Street"), or a plural ("Bradford Bulls", "Leeds Rhinos")."""
    if word in ORG_HEADS or word in PLACE_TYPE_WORDS or word in FACILITY_HEADS or word in MEDIA_HEADS:
        return True
    low = word.lower()
    return low.endswith("s") and low[:-1] in gaz.common_words


def _slashed(
    m: Mention, after: str, before: str, gaz: Gazetteer, persons: set[str], spans: set[tuple[int, int]]
) -> bool:
    """True for a name joined by a slash to a person's name or, when it is a dictionary word itself,
    to any capitalised word that is not a place (a pair of names: "the Bush/Kerry contest")."""
    if " " in m.key or _major(m.key, gaz):
        return False
    pair = _SLASH_AFTER.match(after)
    if pair:
        start = m.end + pair.start(1)
    else:
        pair = _SLASH_BEFORE.search(before)
        if not pair:
            return False
        start = m.start - len(before) + pair.start(1)
    word = pair.group(1)
    if word in persons:
        return True
    # The other side is a place when the gazetteer has it and it is no word or name ("Reading/Leeds").
    key = norm_key(word)
    place = any(s == start for s, _ in spans) and key not in gaz.common_words and not _person_word(key, gaz)
    return m.key in gaz.common_words and not place


def in_title(text: str, start: int, end: int) -> bool:
    """True when the span sits in a run of capitalised words with two or more question words,
    verbs or pronouns ("How Green Was My Valley"): the title of a work, not a place's name. A
    title-case headline, which capitalises every word, is not such a run."""
    left = text[max(0, start - 80) : start]
    if " " not in text[start:end] and not _CAP_AFTER.match(text[end : end + 4]) and not _CAP_BEFORE.search(left):
        return False  # no capitalised word beside the name: the common case, answered at once
    line_start = max(text.rfind("\n", 0, start) + 1, start - 80)
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = text[line_start:start]
    i = len(left)
    while mt := _CAP_BEFORE.search(left[:i]):
        i = mt.start()
    right = _CAP_RUN_AFTER.match(text[end : min(line_end, end + 80)])
    words = (left[i:] + text[start:end] + right.group(0)).split()
    if len(words) < 3 or sum(w.lower() in TITLE_WORDS for w in words) < 2:
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_words = _WORD.findall(text[line_start:line_end])
    return sum(1 for w in line_words if w[0].isupper()) / len(line_words) <= 0.6


def _org_name_after(after: str) -> bool:
    """True when capitalised words follow that end in an organisation's head noun, at least one of
    them between ("Data Association"), none a place's type ("Borough Council": the town's own)."""
    run = _ORG_AFTER.match(after)
    if not run:
        return False
    words = run.group(1).split()
    for j, w in enumerate(words):
        if w in PLACE_TYPE_WORDS:
            return False
        if w in ORG_HEADS:
            return j > 0
    return False


def _is_name_word(word: str, before: str, gaz: Gazetteer) -> bool:
    """True when the capitalised word before a place looks like a given name, not a sentence start."""
    w = word.rstrip(".,")
    if w.lower() in FUNCTION_WORDS or w.lower() in gaz.common_words or w.isupper():
        return False
    head = before.rstrip()[: -len(word)].rstrip()
    return not head or head[-1] not in ".!?\n\"“"


def _company(text: str, m: Mention, after: str, before: str, gaz: Gazetteer, spans: set[tuple[int, int]]) -> bool:
    """True for a name joined by "&" to a word that does not start a major place name."""
    amp = _AMPERSAND_AFTER.match(after)
    if amp:
        other = m.end + amp.start(1)
    else:
        amp = _AMPERSAND_BEFORE.search(before)
        if not amp:
            return False
        other = m.start - len(before) + amp.start(1)
    ends = [e for s, e in spans if s == other]
    return not (ends and _major(norm_key(text[other : ends[0]]), gaz))


def _initial_before(before: str) -> bool:
    initial = _INITIAL_BEFORE.search(before)
    return bool(initial) and (initial.group(2) not in "AI" or initial.group(1) is not None)


def _hyphenated(m: Mention, after: str, before: str, spans: set[tuple[int, int]]) -> bool:
    """True for a name joined by a hyphen to a capitalised word that is not a place itself.

    "Anheuser-Busch" and "T-Mobile" are companies; "Israel-Gaza" and "US-China" join two places,
    and "Sino-US", "Anglo-French" join a combining form (ending in "o") to a place.
    """
    hyph = _HYPHEN_BEFORE.search(before)
    if hyph:
        word, start = hyph.group(1), m.start - len(before) + hyph.start(1)
        if _name_part(word) and not word.endswith("o") and not any(s == start for s, _ in spans):
            return True
    hyph = _HYPHEN_AFTER.match(after)
    if hyph and _name_part(hyph.group(1)) and len(hyph.group(1)) > 1:
        start = m.end + hyph.start(1)
        return not any(s == start for s, _ in spans)
    return False


def _name_part(word: str) -> bool:
    """A single letter ("T-Mobile") or a capitalised word that is no adjective ("Asian-Pacific") or
    acronym ("Fairfax-GMU", "IBA-Karachi": a place beside an organisation's initials). D, R and I
    are the parties of American politicians' home towns ("Rep. Bobby Harrell, R-Charleston")."""
    if len(word) == 1:
        return word not in "DRI"
    return word.istitle() and not word.lower().endswith(_ADJ_ENDINGS)


_ADJ_ENDINGS = ("an", "ish", "ese", "ic", "i")


def _acronym_ok(key: str, gaz: Gazetteer) -> bool:
    """Capitals of up to four letters name a country, a region, an authored place or a sizeable town."""
    return any(
        p.feature in ("country", "continent", "other") or (p.feature == "region" and p.admin1)
        or p.authored or p.capital or p.population >= 50_000
        for p in gaz.candidates(key)
    )


def _given_before(word: str, before: str, gaz: Gazetteer, minor: bool = False) -> bool:
    """True when ``word`` (just before a place name) is a clearly male or female first name.

    A word opening a sentence is a name only before a minor place ("Jack Kirby, Frank Miller and
    ..."): before a major one it is as often a verb or a modal ("Will Jordan ...?"). Words in
    capitals (headlines) are not names.
    """
    if not word or not word[0].isupper() or word.isupper() or word.lower() not in gaz.given_names:
        return False
    if word.lower() in FUNCTION_WORDS or word.rstrip(".") in TITLES:
        return False
    head = before.rstrip()[: -len(word)].rstrip()
    return minor or (bool(head) and head[-1] not in ".!?\n\"“:")


def _country_named(key: str, gaz: Gazetteer) -> bool:
    """True when ``key`` is the own name of a country or continent (not an alias: "Maurice")."""
    return any(p.feature in ("country", "continent") and norm_key(p.name) == key for p in gaz.candidates(key))


def _major(key: str, gaz: Gazetteer) -> bool:
    # (Asked for nearly every capitalised word of every article: kept per gazetteer.)
    known = gaz.__dict__.setdefault("_major_keys", {})
    found = known.get(key)
    if found is None:
        found = known[key] = any(_major_place(p) for p in gaz.candidates(key))
    return found


def _major_place(p: Place) -> bool:
    """A country, continent, admin-1 region, city of a million or authored place.

    Authored names (EU, Middle East) are major too: they were chosen because news uses them.
    Admin-2 areas (no admin-1 code) are not: "Gard", "Lopez" are surnames more often.
    """
    return (
        p.feature in ("country", "continent") or (p.feature == "region" and bool(p.admin1))
        or p.population >= 1_000_000 or p.authored or p.feature == "other"
    )


def _common_word_ok(text: str, m: Mention, gaz: Gazetteer) -> bool:
    """A name that is also an English word ("Nice", "Split", "Of") counts only in running text.

    Countries ("Turkey", "China", "Chad") always count; other places need a capital letter in the
    middle of a sentence of a line that is not a title-case headline, and some size.
    """
    cands = gaz.candidates(m.key)
    if any(p.feature in ("country", "continent", "other") or p.authored for p in cands):
        return True  # countries, and authored names (EU, Atlantic) chosen for this table
    surface = text[m.start : m.end]
    nxt = _NEXT_WORD.match(text[m.end : m.end + 40])
    if nxt and not surface.isupper() and nxt.group(1).isupper() and norm_key(nxt.group(1)) not in gaz.names:
        return False  # part of a product's name: "Mobile PC"
    # The town decides, not an admin region of the same name ("Berlin" the Land, "Rabat" the region).
    best = max((p for p in cands if p.feature == "city"), key=lambda p: p.population, default=None)
    if best is None or best.population < 100_000:
        return False  # "Western" (a Ghanaian region), "March" (an English town)
    line_start = text.rfind("\n", 0, m.start) + 1
    before = text[line_start : m.start].rstrip(" \"“'‘(")
    big = best.capital or best.population >= 1_000_000
    if not big and not surface.isupper() and _org_name_after(text[m.end : m.end + 60]):
        return False  # part of an organisation's name: "Mobile Data Association"
    if big and surface.isupper() and len(surface) > 3:
        return True  # a dateline: "MANILA, Philippines"
    if not before or before[-1] in ".!?:":
        return False  # sentence start: "Nice to see", "Reading the report"
    if big:
        return True  # "the Berlin-based company", "Manila" (not manila paper) mid-sentence
    line_end = text.find("\n", m.end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    words = _WORD.findall(line)
    if len(words) >= 3:
        caps = sum(1 for w in words if w[0].isupper())
        if caps / len(words) > 0.6:
            return False  # a title-case headline capitalises every word
    return True
