"""Numbers that count people without naming them: '1,100 killed', 'at least 40 dead', 'the death toll rose to 90'.

News leaves the noun out when what happened can only happen to people, so a bare number right before
such an event word ('12 injured', '300 were missing', '12 of them were killed'), or right after a verb
or toll that names one ('the blast killed 23', 'the death toll has risen to 740'), counts people.
Only bare numbers qualify (no unit, no counted noun: '12 injured players' counts players, 'rose 12
percent' is a share), and dates and years are dropped before this rule is asked.
"""

from __future__ import annotations

import re

# what only happens to people, written right after the number ('1,100 killed', '5,000 fled')
_AFTER_WORDS = ("killed|dead|died|injured|wounded|hurt|missing|displaced|homeless|fled|arrested|detained|jailed|"
                "evacuated|rescued|affected|trapped|drowned|perished|infected|hospitali[sz]ed")
# auxiliaries and hedges between the number and that word ('31 were wounded', '300 are still missing')
_AUX = (r"(?:were|was|are|is|have|has|had|been|remain|remained|remains|still|later|reportedly|feared|"
        r"confirmed|presumed|believed|now|also|already)")
# ('12 of them were killed': the people are named before; 'of them' leaves the count theirs)
AFTER_RE = re.compile(rf"(?:[ \u00a0]+of[ \u00a0]+(?:them|those|us))?[ \u00a0]+(?:{_AUX}[ \u00a0]+){{0,3}}"
                      rf"(?:{_AFTER_WORDS})(?![\w-])", re.IGNORECASE)

# a verb done to people right before the number ('killed 23', 'injuring 57'), or a death toll with
# words of change in between ('death toll climbed to', 'toll from the quake stands at', 'deaths reached')
_VERBS = ("killed|killing|kills|injured|injuring|injures|wounded|wounding|arrested|arresting|detained|detaining|"
          "evacuated|evacuating|displaced|displacing|rescued|rescuing|hospitali[sz]ed")
_TOLLS = r"toll|deaths|fatalities|casualties"  # not "tally": a goal tally is not a death toll
_CHANGE = (r"(?:has|have|had|is|was|are|were|now|been|rose|risen|rises|rise|climbed|climbs|jumped|reached|"
           r"reaches|stands|stood|at|to|of|hit|hits|passed|passes|increased|grew|grown|officially|already|put|numbered|"
           r"totalled|totaled|topped|surpassed|exceeded|soared)")
BEFORE_RE = re.compile(
    rf"(?:\b(?:{_VERBS})|\b(?:{_TOLLS})(?:\s+(?:from|in|after|of)\s+(?:the\s+|this\s+|last\s+)?[A-Za-z'’-]+"
    rf"(?:\s+[A-Za-z'’-]+)?)?(?:\s+{_CHANGE})*)\s+$",
    re.IGNORECASE,
)
REACH = 80  # characters before the number searched for a toll; the clause rarely runs longer


def counts_people(body: str, start: int, end: int, modifier_start: int | None = None) -> bool:
    """Does the bare number at ``body[start:end]`` count people the text leaves unnamed?

    ``modifier_start`` is where its hedge begins ('more than 740'): the toll or verb stands before it.
    """
    if AFTER_RE.match(body, end):
        return True
    before = modifier_start if modifier_start is not None else start
    lo = max(0, before - REACH)
    chunk = body[lo:before]
    for stop in ".;:!?\n()":  # stay in the clause: 'Deaths fell. 12 ...' is not a toll
        cut = chunk.rfind(stop)
        if cut >= 0:
            chunk = chunk[cut + 1:]
    return BEFORE_RE.search(chunk) is not None
