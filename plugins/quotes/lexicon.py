"""General English vocabulary the quote attribution rules rely on (no article-specific strings).

All sets are lower-case; callers lower-case (and strip a trailing '.') before looking up.
"""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """A word list written as one whitespace-separated string."""
    return frozenset(text.split())


# Verbs of saying, in the inflections that occur in attributions ("he said", "says X", "is stating").
_SPEECH_STEMS = (
    "say said says saying tell told tells telling add added adds adding continue continued continues "
    "note noted notes write wrote writes writing written tweet tweeted tweets post posted posts "
    "state stated states stating declare declared declares explain explained explains ask asked asks "
    "reply replied replies respond responded responds insist insisted insists argue argued argues "
    "claim claimed claims claiming warn warned warns warning announce announced announces "
    "recall recalled recalls remark remarked remarks acknowledge acknowledged acknowledges "
    "admit admitted admits concede conceded concedes complain complained complains counter countered "
    "caution cautioned cautions predict predicted predicts suggest suggested suggests observe observed "
    "emphasize emphasized emphasises emphasised stress stressed stresses joke joked jokes quip quipped "
    "boast boasted boasts urge urged urges vow vowed vows promise promised promises pledge pledged "
    "yell yelled shout shouted exclaim exclaimed repeat repeated repeats conclude concluded concludes "
    "agree agreed agrees confirm confirmed confirms report reported reports wonder wondered wonders "
    "muse mused lament lamented laments charge charged maintain maintained maintains reiterate "
    "reiterated reiterates reveal revealed reveals cite cited citing describe described describes "
    "call called calls calling mark marked marks "
    "tout touted touts assert asserted asserts announce declared opine opined "
    "chant chanted chanting chants sing sang sings read reads testify testified testifies "
    "scoff scoffed snap snapped retort retorted muse mutter muttered whisper whispered "
    "interject interjected begin began begins recount recounted recounts "
    "predict insist explain blast blasted blasts slam slammed slams mock mocked mocks "
    "accuse accused accuses praise praised praises proclaim proclaimed proclaims "
    "answer answered answers press pressed presses fume fumed fumes demand demanded demands "
    "cry cried scream screamed sigh sighed laugh laughed groan groaned text texted email emailed "
    "emails estimate estimated estimates gush gushed rage raged apologize apologized share shared "
    "commented commenting "
    "adding noting tweeting declaring explaining asking replying responding insisting arguing "
    "warning announcing recalling acknowledging admitting complaining predicting suggesting "
    "stressing urging vowing promising repeating concluding confirming reporting revealing "
    "describing touting asserting emailing texting answering pressing demanding continuing "
    "telling writing posting observing "
    # past-tense forms only: the bare forms are also nouns ("the Tulsa protest", "a question")
    "assured assures barked confessed confesses echoed beamed boomed affirmed affirms cracked "
    "retaliated interrupted jeered gloated blared demurred elaborated elaborates questioned recited "
    "recites quoted shouting interjecting remarking protested inquired remembered reacted fretted griped "
    "surmised recommended advised exhorted exhorts"
)
SPEECH_VERBS: frozenset[str] = words(_SPEECH_STEMS)
# Words before a verb's base form: "to hold Roe accountable", "did give Roe credit", "the report" after "failing to".
BEFORE_BASE_VERB: frozenset[str] = words("to did does do will would can could should must may might not never")
# Ranks before a title that make it a lesser office: "Vice President X" is not "the president".
SUBORDINATE_RANKS: frozenset[str] = words("vice deputy assistant lieutenant lt under associate")
# Verbs that characterise something in the subject's words: "Roe called the plan “a disgrace”", "blasted Acme for its
# “outrageous practices”", "likened the rules to “…”" (the fragment after them is the subject's).
CHARACTERISING_VERBS: frozenset[str] = words(
    "called calls calling labeled labelled labels labeling labelling dubbed dubs termed terms branded brands "
    "described describes describing blasted blasts slammed slams mocked mocks denounced denounces decried decries "
    "praised praises hailed hails thanked thanks lauded lauds accused accuses criticized criticised criticizes "
    "condemned condemns touted touts promised promises vowed vows pledged pledges urged urges warned warns "
    "admitted admits insisted insists likened likens dismissed dismisses characterized characterised characterizes"
)
# Verbs that only attribute when followed or preceded by a speaker, never as narrative
# ("called", "marked", "read" are frequent non-speech uses): accepted in the tail pattern only.
WEAK_VERBS: frozenset[str] = words(
    "call called calls calling mark marked marks read reads begin began begins cite cited citing "
    "describe described describes blast blasted blasts slam slammed slams mock mocked mocks "
    "accuse accused accuses praise praised praises charge charged share shared laugh laughed "
    "estimate estimated estimates cry cried sigh sighed press pressed presses reporting touting "
    "describing calling"
)

AUXILIARIES: frozenset[str] = words(
    "also then later again once further previously repeatedly has had have is was were are would will "
    "had been later simply flatly just recently earlier only even already quickly bluntly "
    "reportedly publicly privately angrily proudly told has"
)

PRONOUNS_MALE: frozenset[str] = frozenset({"he", "him", "he’s", "he's"})
PRONOUNS_FEMALE: frozenset[str] = frozenset({"she", "her", "she’s", "she's"})
PRONOUNS_OTHER: frozenset[str] = frozenset({"they", "we", "i", "it", "you"})

# Titles and roles that precede or stand for a person ("President X", "the coordinator").
TITLES: frozenset[str] = words(
    """president vice prime minister secretary senator sen rep representative congressman congresswoman
    gov governor mayor spokesman spokeswoman spokesperson coordinator chairman chairwoman chair director
    chief general gen colonel col lieutenant lt sergeant sgt captain capt commander admiral adm major
    ambassador judge justice attorney candidate nominee leader king queen prince princess pope
    chancellor mr mrs ms dr miss sir lord lady professor prof officer adviser advisor aide analyst
    economist manager ceo founder executive head deputy premier emir sheikh rabbi reverend rev
    father bishop archbishop cardinal prosecutor commissioner inspector superintendent sheriff detective constable
    councillor councilman councilwoman councilor lawmaker legislator strategist pollster correspondent
    reporter columnist editor author host anchor official minister president-elect nominee
    sen. rep. gov. gen. mr. mrs. ms. dr. prof. lt. col. sgt. capt. adm. rev. st. hon
    ex-president former acting interim assistant senior associate
    businessman businesswoman billionaire activist campaigner organizer organiser
    manager chairperson treasurer clerk delegate del speaker
    comedian actor actress singer rapper musician hacker alderman alderwoman recorder advocate whip
    editor-in-chief publisher commentator pastor imam filmmaker producer novelist journalist
    co-chairman co-chair vice-chairman vice-president co-founder film-maker olympian athlete sprinter
    coach striker skipper"""
)
# Titles that name a role held by one person at a time, resolvable to someone named earlier.
HONORIFICS: frozenset[str] = words("mr mrs ms miss dr sir lady lord prof")
FEMALE_WORDS: frozenset[str] = words(
    "mrs ms miss lady queen princess congresswoman spokeswoman chairwoman businesswoman "
    "councilwoman wife mother sister daughter"
)
MALE_WORDS: frozenset[str] = words(
    "mr sir lord king prince congressman spokesman chairman businessman councilman husband "
    "father brother son"
)
TITLE_ALIASES: dict[str, str] = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general", "col": "colonel",
    "lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "adm": "admiral", "prof": "professor",
    "congressman": "representative", "congresswoman": "representative", "spokeswoman": "spokesman",
    "spokesperson": "spokesman", "chairwoman": "chairman", "chair": "chairman", "del": "delegate",
}

# Words that make a capitalised run an organisation, place or outlet rather than a person.
ORG_WORDS: frozenset[str] = words(
    """house council ministry department agency committee party press news times post journal network
    inc corp co ltd llc university institute association union office court senate congress pentagon
    kremlin army navy forces force commission bureau foundation campaign group company bank fund
    service services administration government parliament assembly organization organisation center
    centre board club church media channel television radio magazine review tribune herald daily
    street road avenue square republic kingdom states state city county region province oblast river
    sea mountains airport station hospital school college reuters cnn bbc nbc cbs abc msnbc fox twitter
    facebook instagram youtube council guard guards police democrats republicans gop federation
    alliance coalition secretariat cabinet staff team times-picayune initiative project"""

)

# Nouns for an organisation: "the newspaper wrote" (the one named last), "copy protection firm Macrovision".
ORG_NOUNS: frozenset[str] = words(
    "newspaper paper magazine outlet site website network group organization organisation company firm "
    "agency foundation committee board union broadcaster channel publication"
)

# Capitalised words that start sentences or name dates: never part of a name.
STOP_CAPS: frozenset[str] = words(
    """the a an in on at but and or if when while as for this that these those it he she we they i his
    her their our my its after before since despite with without according yesterday today tomorrow
    tonight monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december there here what who why how where which
    then so not no yes also just now still even some many most all every each other another both
    from to by of into over under during about against between through because though although
    however meanwhile instead indeed later earlier last next first second third new
    like unlike whether until unless upon amid among within asked once
    see does did was were is are has had have neither nor maybe perhaps yet several interestingly following using enter
    mr mrs ms dr one two three four five six seven eight nine ten none
    someone somebody nobody everyone everybody anyone anybody"""
)
NAME_CONNECTORS: frozenset[str] = words("de da van von der den del la le al bin ibn di du el")
GROUP_NOUNS: frozenset[str] = words(
    """officials official sources source aides aide spokesman spokeswoman spokesperson campaign
    statement ministry police authorities experts analysts critics supporters residents witnesses
    people voters organizers organisers lawyers attorneys agency company government administration
    protesters demonstrators delegates activists judges jury panel
    office department report reports poll survey"""
)
# First words of place names that gender-guesser also lists as given names ("San Jose", "Santa Fe").
PLACE_PREFIXES: frozenset[str] = words(
    "san santa los las new fort saint st port mount lake el la north south east west des le puerto rio"
)

# Parties and political labels written before a name ("Republican Donald Trump", "Democrat Hillary Clinton").
AFFILIATIONS: frozenset[str] = words(
    "republican republicans democrat democrats democratic gop independent libertarian conservative liberal labour "
    "tory green socialist progressive"
)
