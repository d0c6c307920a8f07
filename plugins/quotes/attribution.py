"""Who said a quote: speech-verb patterns around the quote marks, resolved to a named speaker.

Patterns, in order of trust: right after the quote (“…,” he said / “…,” said X / “…,” X told
reporters / “…,” according to X), before it in the same sentence (X said: “…” / X said the move was
“…”), then the conventions that carry a speaker over (split quotes, a stand-alone quote paragraph
after an attributed one, a colon-ended lead-in paragraph, the sentence after a paragraph-opening
quote).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from newsledger.plugins.quotes.lexicon import (
    AFFILIATIONS,
    AUXILIARIES,
    BEFORE_BASE_VERB,
    GROUP_NOUNS,
    HONORIFICS,
    ORG_NOUNS,
    ORG_WORDS,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    PRONOUNS_OTHER,
    SPEECH_VERBS,
    STOP_CAPS,
    TITLES,
    WEAK_VERBS,
    words,
)
from newsledger.plugins.quotes.speakers import _OPENING_PARTICIPLE_RE, Mention, Registry, ranked_title, text_end

_VERB_ALT = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# (no verb after "of": "the secretary of state said", "a number of reports")
_VERB = (rf"(?<!\bof\s)(?:according\s+to|went\s+on|shot\s+back|fired\s+back|pointed\s+out|points\s+out|{_VERB_ALT})"
         r"(?![\w’'\-])")
_STRONG_VERB_ALT = "|".join(sorted(SPEECH_VERBS - WEAK_VERBS, key=len, reverse=True))
_HEAD_VERB_RE = re.compile(
    rf"(?<![\w’'\-])(?<!\bof\s)(?:[Aa]ccording\s+to|went\s+on|fired\s+back|shot\s+back|pointed\s+out|points\s+out|put\s+it|puts\s+it|"
    rf"{_STRONG_VERB_ALT})(?![\w’'\-])"
)
_AUX = rf"(?:(?:{'|'.join(sorted(AUXILIARIES))})\s+)*"
_NP_CHARS = r"[^,;:!?“”\"«»\n—–(]"
# “…,” he said / “…,” Pentagon spokesman Patrick Ryder said / “…,” Rep. X (D-S.C.), the leader, said
_TAIL_SUBJECT_RE = re.compile(
    rf"^[\s,;:—–\-]*(?P<np>[^\s,;:!?“”\"«»—–(\-]{_NP_CHARS}{{0,100}}?(?:\sof\s[A-Z]{_NP_CHARS}{{1,80}}?)?(?:\s*\([^)\n]{{0,40}}\))?"
    rf"(?:,(?:[^,;:!?“”\"«»\n]|“[^“”\"«»\n]{{1,40}}”(?=\s\w)){{1,80}},|,\s+who\s+(?:is|was)\s+[^,;:!?“”\"«»\n]{{1,60}}?)?)"
    rf"\s+{_AUX}(?P<v>{_VERB})"
)
_VERB_FIRST_RE = re.compile(rf"(?!state\b)(?:{_VERB})")  # lower case: "State spokesman", "state Sen." are no verbs
# “…,” said Pentagon spokesman Patrick Ryder / “…,” according to X
_TAIL_VERB_RE = re.compile(
    rf"^[\s,;:—–\-]*(?:{_AUX})(?P<v>{_VERB})\s+(?P<np>(?:(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Lt|Col|Sgt|Capt|"
    rf"Prof|St|Jr|Sr|Rev|Ft|Maj|Adm|Del|[A-Z])\.\s*|[^,;:!?“”\"«»\n(.—–])+)"
)
# “…” ― Steve Quinlan (reader comments, epigraphs)
# “…” — Mark Twain; an embedded tweet: “…” — Chuck Schumer (@SenSchumer) December 8, 2016
_TAIL_DASH_RE = re.compile(
    r"^\s*[―—–]\s*(?P<np>[A-Z][^,;:!?“”\"«»\n(]{1,60}?)(?:\s*\(@\w+\)[\w ,]*)?[\s.]*$")
_REPORTS_MORE_RE = re.compile(
    r"\s+(?:(?:he|she|they|that|the|his|her|there|we|i|these)\s+[\w’'\-]+\s+\w+|an?\s+(?:kind|sort|series|number|lot)\s+of\b)")
_NOUN_LIKE_VERBS = words("press report post charge note claim tweet text email answer mark call quote echo")
_IN_A_NOUN_RE = re.compile(r"\b(?:in|on|via|with|through|from)\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,2}$")
_NOUN_FORMS = _NOUN_LIKE_VERBS | words("chant promise pledge vow answer reply remark comment cry shout boast joke quip")
_ARTICLE_BEFORE_RE = re.compile(r"\b(?:a|an|the|this|that|his|her|its|their|our)\s+(?:[\w\-]+\s+){1,2}$")
_TITLE_ALT = "|".join(sorted((t for t in TITLES if t.isalpha()), key=len, reverse=True))
_LATER_VERB_RE = re.compile(rf"\s+{_AUX}(?P<v>{_VERB})")
_PASSIVE_AUX = words("was were is are be been being get gets got")
_ADDRESSEE_VERBS = words("told tell tells telling asked ask asks asking pressed answered")
_NP_CUT_RE = re.compile(
    r"\s(?:on|in|at|during|after|before|when|while|who|which|that|to|from|last|this|told|with|as|for|involved|familiar"
    r"|close|knowledgeable|briefed|speaking)\b.*",
    re.S,
)
_ABBREV = words(
    "mr mrs ms dr rep sen gov gen lt col sgt capt prof st jr sr no vs u.s rev ft mt hon atty supt cmdr maj del "
    "cpl pvt brig jan feb aug sept oct nov dec inc corp co ltd mass calif fla wash ariz"
)
_SENT_END_RE = re.compile(r"[.!?…][\"”’')]*\s+(?=[\"“‘'«(]{0,2}[A-Z0-9])")  # (two marks: the NYT's '' quotes)
_ATTRIBUTIVE_DETERMINERS = words("a an the his its their our")
_DETERMINERS = words("the a an his her their its our this that one another")
_OTHER_GENDER_WINDOW = 600  # characters before a pronoun read for a person it fits better than the speaker
_CLAUSE_WORDS = words("he she his her they their it its we put but")
_FINITE_VERBS = words("is was were are has had have will would")
_NOT_NP_START = words(
    "in on at during after before when while who which that to from last this with as for by about of "
    "into over under and but or so because if though although than then there here how what why where "
    "not no is was were are be been being has had have do does did will would can could should may might "
    "more most very also just only even still"
)
_DEFINITE = words("the this that its his her their")
_RELATIVE_END_RE = re.compile(r"\s(?:that|which|whom)\s+(?:\S+\s+){0,2}\S+\s*$")
_CAP = r"[A-Z][\w’'\-]*"
_ORG_OF_RE = re.compile(
    rf"(?:[Tt]he\s+)?(?P<name>(?:{_CAP}\s+)*?(?P<head>{_CAP})\s+of\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+)?{_CAP})*)"
)
_QUOTED_AS_RE = re.compile(r"\s+(?P<np>[^,;:!?“”\"«»\n]{1,80}?)\s+as\s+(?:saying|telling|writing)\b")
_ADVERBS = words("now often never always again too already soon")
_FEMALE_NOUNS = words("woman actress mother wife widow daughter sister businesswoman girl grandmother")
_MALE_NOUNS = words("man actor father husband son brother businessman boy grandfather")
# someone the text introduces without a name: "A 29-year-old Berlin woman …", "a spokeswoman said", "The woman who
# started it all …" (the pronoun after it is hers; no name of the article is)
_UNNAMED_PERSON_RE = {
    g: re.compile(rf"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Aa]nother)\s+(?:[\w’'\-]+\s+){{0,4}}?"
                  rf"(?:{'|'.join(sorted(nouns | {'spokes' + ('woman' if g == 'f' else 'man')}))})\b(?![’'\-])")
    for g, nouns in (("f", _FEMALE_NOUNS), ("m", _MALE_NOUNS))}
# "One California delegate said he tried …": someone introduced without a name whom his own clause calls he or she
_UNNAMED_SAID_PRONOUN_RE = {
    g: re.compile(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'\-]+\s+){{0,3}}?[a-z]+\s+(?:said|says|told\s+\w+)\s+"
                  rf"(?:that\s+)?{p}\b")
    for g, p in (("f", "she"), ("m", "he"))}
_PRONOUN_OPENING_RE = {"f": re.compile(r"She\b"), "m": re.compile(r"He\b")}


def _described_as(gender: str, body: str, lo: int, hi: int):
    """The descriptions of someone unnamed of that gender in ``body[lo:hi]``, in order."""
    found = list(_UNNAMED_PERSON_RE[gender].finditer(body, lo, hi)) + list(
        _UNNAMED_SAID_PRONOUN_RE[gender].finditer(body, lo, hi))
    return sorted(found, key=lambda m: m.start())


# "…, who spoke on the condition of anonymity", "…, who did not want to be quoted by name": someone left unnamed
_ANONYMOUS_RE = re.compile(
    r",\s+who\s+[^.;“”\"]{0,120}?\b(?:anonymity|anonymously|by\s+name|be\s+named|be\s+identified"
    r"|(?:his|her|their)\s+(?:full\s+|last\s+)?name)\b")
_PERSON_NOUNS = _FEMALE_NOUNS | _MALE_NOUNS | words(
    "developer mogul star singer rapper veteran worker student teacher lawyer writer comedian candidate "
    "frontrunner front-runner billionaire politician lawmaker nominee congressman senator governor mayor "
    "businessman entrepreneur investor doctor physician scientist professor economist activist"
)
_BY_AUTHOR_RE = re.compile(
    r"(?P<doc>\w+)\s+(?:(?:published|released|written|issued|commissioned|conducted)\s+)?by\s+(?P<who>.+)$")
_TRAILING_NAME_RE = re.compile(r"(?:[A-Z][\w&’'.\-]*\s+)*[A-Z][\w&’'.\-]*$")
_DOC_NOUNS = words("letter email e-mail memo release statement editorial transcript note message tweet ad post")
_APPOSED_BEFORE_VERB_RE = re.compile(r",\s+((?:[A-Z][\w’'\-.]*\s+){0,3}[A-Z][\w’'\-]*),\s*$")
_TITLE_CLAUSE_RE = re.compile(rf",\s+the\s+(?:[a-z\-]+\s+){{0,2}}(?:{_TITLE_ALT})\s*$", re.IGNORECASE)
_TITLE_AFTER_RE = re.compile(rf"\s+(?:{_TITLE_ALT})\b")
_SPOKES = words("spokesman spokeswoman spokesperson")
# organisations a description names by their trade ("the airline said"), and ones named after a word of their
# name ("the ministry" for "the Ruritanian Foreign Ministry")
_COMPANY_NOUNS = words("airline carrier retailer insurer lender carmaker automaker bank chain supermarket operator "
                       "manufacturer maker giant conglomerate broadcaster corporation studio publisher label watchdog "
                       "regulator station")
_PRESS_NOUNS = words("newspaper paper tabloid daily broadsheet magazine weekly")
_NAMED_ORG_NOUNS = words("ministry department institute commission council")
# "Ruritania’s foreign ministry"
_OWNED_BODY_RE = re.compile(
    r"(?<![\w’'])[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,2}(?:’s|'s)\s+(?:[a-z][\w\-]*\s+){0,2}"
    rf"(?P<noun>{'|'.join(sorted(_NAMED_ORG_NOUNS))})\b")
_AUTHORED_NOUNS = _DOC_NOUNS | words("report study survey poll analysis paper book column article")
# people described through someone else: "a Trump supporter", "the senior Cruz adviser", "Obama's former
# campaign strategist" are not Trump, Cruz or Obama (a spokesman, an office or a campaign speaks for its principal)
_DEPENDENT_NOUNS = words(
    "supporter supporters adviser advisor aide ally confidant veteran staffer strategist friend friends donor "
    "voter fan critic operative loyalist surrogate backer insider employee volunteer associate narrator "
    "announcer moderator host interviewer biographer lawyer attorney"
)
_DEPENDENT_GROUPS = words(
    "supporters advisers advisors aides allies staffers strategists donors voters fans critics operatives loyalists "
    "surrogates backers insiders employees volunteers associates protesters demonstrators biographers lawyers "
    "attorneys friends")
_INVERTED_RE = re.compile(
    r"\s*([A-Z][a-z]+)\s+((?:(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|[A-Z])\.\s*|[^,;:!?\n(.—])+)[,:]?[^:]*?$"
)
_NAME_COLON_RE = re.compile(r"\s*((?:[A-Z][\w’'\-.]*\s+){0,2}[A-Z][\w’'\-]*)\s*:\s*$")
_OPENING_PRONOUN_RE = re.compile(r"\s*(?:[^,.;:“”\"]{1,90},\s*)?([Hh]e|[Ss]he)\s+(?!\w+(?:’s|'s)\b)")
_PRONOUN_AND_RE = re.compile(r"(?:^|[,;]\s*)([Hh]e|[Ss]he)\s+[a-z]+(?:\s+[a-z]+){0,3}\s+(?:and|but)\s*$")
_AFTER_QUOTE_AND_RE = re.compile(r"[”’\"'],?\s+(?:and|but|while|whereas)\s+$")
_CLAUSE_NOT_SUBJECT = words("who whom whose which that a an the his her their its and or but also then who’s")
# "At Sunday night’s debate, Sanders compared …": a name opening the clause, before its verb
_OPENING_NAME_RE = re.compile(
    r"\s*(?:[^,;:“”\"\n]{1,60},\s+)?(?:[Tt]he\s+)?((?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*)\s+[a-z]+"
)
_CLOSING_CLAUSE_RE = re.compile(
    rf"^[^“”\"«»\n]*,\s+(?P<np>(?:[A-Z][\w’'.\-]*\s+){{0,3}}[A-Z][\w’'\-]*|[Hh]e|[Ss]he)\s+{_AUX}(?P<v>{_VERB})"
    r"(?:\s+[\w’'\-]+){0,3}\s*[.!?]?\s*$"
)
_MESSAGE_RE = re.compile(
    r"\b(?:a|an|the|his|her|their|its)\s+(?:\w+\s+)?(?:statement|words|message|tweet|post|memo|letter|email|"
    r"remarks|speech|response|reply)\b[^,:]*[,:]\s*$"
)
_ADVERBIAL_START_RE = re.compile(
    r"(?:to|on|in|at|during|with|from|for|about|over|after|before|last|this|earlier|later|yesterday|today|tonight"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
# "From Jane Roe's Facebook post: “…”", "Roe’s dictum to his interns (repeated often) was, “…”": the owner's words
_OWNER_MESSAGE_RE = re.compile(
    r"(?:^|[,;])\s*(?:(?:From|In|from|in)\s+)?(?P<owner>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3}?)(?:’s|'s|’|')\s+"
    r"(?:[\w\-]+\s+){0,2}?(?:post|tweet|statement|message|dictum|motto|response|reply|letter|email|e-mail|memo|"
    r"remarks|speech|answer|retort|comment|comments|words|advice)"
    r"(?:\s+[^A-Z“”\"«».!?;:,]{1,60}?)?(?:\s+(?:was|is|reads?|said|says|stated|states|continued|continues))?\s*[:,]\s*$")
_OWNED_ORG_RE = re.compile(
    r"(?:’s|'s|’|')\s+(?:[a-z][\w\-]*\s+){0,3}(?P<org>(?:[A-Z][\w&’'.\-]*\s+){0,4}[A-Z][\w&’'.\-]*)\s*$")
_QUOTE_FROM_RE = re.compile(
    r"\s*(?:That|The|This|Those|These)\s+(?:quote|quotation|line|lines|remark|remarks|comment|comments|words)\s+"
    r"(?:(?:came|comes|is|was|were|are)\s+)?from\s+(?P<np>(?:the\s+)?(?:[A-Z][\w’'.\-]*\s+)*[A-Z][\w’'\-]*)")
_OPENING_PREPOSITIONS = words(
    "outside inside across near around behind beyond along below above beneath throughout alongside amid toward "
    "towards")
_SUBJECT_SET_OFF_RE = re.compile(
    r"\s*(?:(?:And|But|Yet)\s+)?([A-Z][\w’'.\-]*(?:\s+[\w’'.\-]+){0,4}),[^“”\"«»]+,\s*$")  # ("And Edu, 26, added:")
# "…, when a young boy shouted, “…”": an unnamed subject of its own clause right before the verb, no name in it
_UNNAMED_SUBJECT_RE = re.compile(
    r"(?:^|[,;]\s*|\b(?:when|as|while|after|before|until|because|and|but|where|then)\s+)(?P<np>(?:[Aa]n?|[Oo]ne|"
    r"[Aa]nother|[Tt]he)\s+(?:[a-z][\w\-]*\s+|[A-Z][\w\-]*\s+(?=[\w\-]+\s)){0,2}[a-z][\w\-]*)"
    # ("a White House official who spoke anonymously said", "Another source speaking to Fox News said")
    r"(?:\s+(?:who|that)\s(?!(?:the|a|an|his|her|their|its|he|she|they|we|I)\b|[A-Z])[^,;:“”\"]*|\s+(?:[a-z]+ing|familiar|close|involved|knowledgeable|briefed)\s[^,;:“”\"]*)?"
    r"\s*$")
# what follows a verb that introduces the quote: "said, “…”", "said Wednesday: “…”", "noted that “…”"
_INTRODUCES_RE = re.compile(
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight))?"
    r"\s*(?:[,:]\s*$|$|that\b)")
_THE_DOCUMENTS = words("minutes lawsuit complaint filing suit ruling order document documents letters notes")
_CALLED_FOR_RE = re.compile(
    r"(?:,[^,;“”\"«»\n]{1,100},)?\s+(?:(?:has|have|had|also|again|repeatedly|recently|once|long|\w+ly)\s+)*"
    r"(?:called|calls)\s+for(?:\s+(?:a|an|the))?\s*$")
_SUBJECT_VERB_DASH_RE = re.compile(r"(?:^|[,;]\s*)\s*(?:When|As|After|Before|While|when|as|after|before|while)\s+"
                                   r"(?:[A-Z][\w’'.\-]*\s+){1,3}[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}\s*(?:--|—|–)\s*$")
_NAME_WHO_RE = re.compile(
    r"((?:(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*\s+and\s+)?(?:[A-Z][\w’'.\-]*\s+){0,3}[A-Z][\w’'\-]*),?\s+who\s+"
    r"(?:\w+\s+)?$")
_TEXT_NOUNS = words("transcript transcripts excerpt excerpts text texts")
_PARA_BREAK_RE = re.compile(r"\n\s*")
_DOC_ALT = "|".join(sorted(words(
    "letter email e-mail memo memorandum post statement release report study affidavit filing complaint lawsuit "
    "editorial column article ad advert advertisement sign note message tweet website site page document poster "
    "flier flyer mailer leaflet brochure petition survey poll notice banner headline footnote transcript video clip"),
    key=len, reverse=True))
# a document opening a sentence as its subject: "The email, released by …, was sent", "Thursday's memo from the
# panel seemed", "A letter this month to the board from the staff association …"
_DOC_SUBJECT_RE = re.compile(
    rf"[\s\"“‘']*(?:[A-Z][^,;:“”\"]{{0,80}},\s+)?(?:(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+"
    rf"(?:(?P<mod>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){{0,2}})\s+(?=[a-z]))?|"
    rf"(?P<owner>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){{0,3}})(?:’s|'s)\s+)"
    rf"(?:[\w\-]+\s+){{0,3}}?(?:{_DOC_ALT})\b(?!\s+(?:of|that|said|says|to)\b)(?!’s|'s|-)"
    rf"(?:\s+(?:[^.;:,“”\"]{{0,30}}?\s)?(?:from|(?:written|signed|sent|authored)\s+by)\s+(?P<by>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){{0,3}}))?")
# another subject opening a sentence: a pronoun, or an organisation or person described
_OTHER_SUBJECT_RE = re.compile(
    r"[\s\"“‘']*(?:(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)\b|(?:[Tt]he|[Aa]n?)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:company|firm|group|government|ministry|agency|campaign|committee|president|official|spokesman|spokeswoman)\b)")
# a definite description of an organisation opening a sentence as its subject: "The prime minister's office said",
# "Tom Poe’s campaign immediately backtracked"
_ORG_DESC_SUBJECT_RE = re.compile(
    r"\s*(?:[A-Z][^,;:“”\"]{0,80},\s+)?(?P<np>(?:[Tt]he|[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?(?:’s|'s))\s+"
    r"(?:[\w’'\-]+\s+){0,3}?(?:campaign|company|firm|group|ministry|office|"
    r"agency|department|newspaper|paper|airline|bank|carrier|retailer|regulator|watchdog|committee|commission|"
    r"council|board|union|organisation|organization|foundation|network|broadcaster|corporation))\b(?![’'\-])"
    r"(?:\s+(?:also|has|had|have|then|later|again|[a-z]+ly))*\s+(?:[a-z]+(?:ed|s)|said|told|wrote)\b")
_IN_DOCUMENT_RE = re.compile(
    r"[^.“”\"]{0,60}?\bin\s+(?:the|a|an|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:statement|affidavit|letter|email|e-mail|memo|filing|complaint|report|post|release)\b")
# documents whose writer "the letter said" goes to, as the text introduced them
_DOC_OWNED_NOUNS = _DOC_NOUNS | words(
    "article report study survey poll lawsuit suit complaint filing ruling book passage column clip video advert "
    "advertisement document affidavit memorandum")
_DOC_SYNONYMS = {"suit": "lawsuit", "e-mail": "email", "memorandum": "memo", "advertisement": "ad", "advert": "ad"}
_DOC_LOOKBACK = 2500
_DOC_WORD_RE = re.compile(r"\b(?:" + "|".join(sorted(_DOC_OWNED_NOUNS, key=len, reverse=True)) + r")\b(?![’'\-])")
_IN_DOC_LEAD_RE = re.compile(r"(?:^|,\s*)\s*[Ii]n\s+(?:a|an|the|his|her|its|their)\s+(?:[\w\-]+\s+){0,3}$")
_THE_BEFORE_RE = re.compile(r"\b[Tt]he\s+(?:[\w\-]+\s+){0,2}$")
_DOC_POSSESSIVE_RE = re.compile(
    r"(?P<owner>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3})(?:’s|'s|’)\s+"
    r"(?:(?!(?:a|an|the|this|that|his|her|its|their)\s)[\w\-]+\s+){0,2}$")
_DOC_MODIFIER_RE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Tt]his)\s+(?:\d{4}\s+)?(?P<owner>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,3})"
    r"\s+(?:[a-z][\w\-]*\s+){0,2}$")
_DOC_FROM_RE = re.compile(
    r",?\s+(?:(?:written|signed|sent|published|issued|commissioned|conducted|filed)\s+)?(?:from|by)\s+(?:the\s+)?"
    r"(?:(?:a|an)\s+[a-z\s\-]{0,40}?\bnamed\s+)?"
    r"(?P<owner>[A-Z][\w.&\-]*(?:\s+(?:of\s+)?[A-Z][\w.&\-]*){0,4})")
_DOC_ISSUER_RE = re.compile(
    r"\b(?:issued|issues|released|releases|sent|sends|provided|filed|posted|posts|published|wrote|writes|penned|"
    r"signed|said|says|announced|announces|releasing|unveiled|launched|ran|running|aired|put\s+out|responded|"
    r"stated|confirmed|declared)\b")
# the subject right before a verb: capitalised words ("President Jane Roe", "Republican Party of Ruritania") or a
# short definite description ("the business mogul", "The Roe campaign on Tuesday")
_NAME_BEFORE_RE = re.compile(
    r"((?:[A-Z][\w.&’'\-]*\s+(?:of\s+(?:the\s+)?)?){0,4}[A-Z][\w.&’'\-]*|\b[Tt]he\s+(?:[A-Z][\w.&’'\-]*\s+){0,2}"
    r"(?:[a-z][\w\-]*\s+){0,3}[a-z][\w\-]*)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday))?"
    rf"\s+(?:[a-z]+ly\s+)?{_AUX}(?:is\s+|was\s+)?$")
_AFTER_COMMA_NAME_RE = re.compile(
    r"[^,.]{0,30}?,\s+(?:[Tt]he\s+)?(?:[A-Z][\w.&’'\-]*\s+){0,3}[A-Z][\w.&’'\-]*\s+(?P<verb>[a-z]+)\b")
# "an Acme spokesman", "a spokeswoman for the Acme Group"
_SPOKES_OF_RE = re.compile(
    r"(?P<org>(?:[A-Z][\w&.\-]*\s+){0,3}[A-Z][\w&.\-]*)(?:’s|'s)?\s+spokes(?:man|woman|person)\b|"
    r"\bspokes(?:man|woman|person)\s+for\s+(?:the\s+)?(?P<org2>(?:[A-Z][\w&.\-]*\s+(?:of\s+)?){0,3}[A-Z][\w&.\-]*)|"
    r"\b(?P<desc>[Tt]he\s+(?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)(?:’s|'s)\s+spokes(?:man|woman|person)\b")
_PERSON_WORDS = words("tycoon mogul magnate star heir heiress boss host guru celebrity veteran chief radioman icon "
                      "champion champ medallist medalist athlete coach captain skipper youngster rookie international "
                      "favourite favorite teenager prodigy forward prop lock centre center wing fly-half scrum-half "
                      "full-back fullback half-back quarterback guard shortstop pivot "
                      "legend hopeful frontrunner front-runner underdog incumbent challenger pundit insider outsider "
                      "widow widower victim survivor suspect defendant plaintiff witness nominee")
_PERSON_SUFFIXES = ("er", "or", "ist", "ian", "ant", "ent", "man", "woman", "eon", "ess", "ee", "ate", "-old")
_INVERTED_VERBS = words("said says added adds wrote writes asked asks continued replied noted declared told")
_GAP_STOP = r"(?:the|of|a|an|his|her|its|their|to|in|on|for|with|and|or|by|at|from)\s"
# words an unnamed person introduced before may be called by later ("a young child … the boy asked")
_SAME_PERSON = {"boy": ("boy", "child", "kid", "youngster"), "girl": ("girl", "child", "kid", "youngster")}
_UNNAMED_ONLY = words("person narrator announcer voice voiceover voice-over")
_NUMBER_WORDS = words("two three four five both")
_ORDINALS = words("second third fourth other latter")
_COLLECTIVE_NOUNS = words("crowd audience")
_MODERATOR_RE = re.compile(r"\b[Mm]oderators?\s+((?:[A-Z][\w’'.\-]*\s+){1,2}[A-Z][\w’'\-]*)")
_ORG_OR_DOC_NOUNS = ORG_NOUNS | _COMPANY_NOUNS | _NAMED_ORG_NOUNS | _AUTHORED_NOUNS | _THE_DOCUMENTS
_WRITTEN_NOUNS = _AUTHORED_NOUNS | _THE_DOCUMENTS
_DOC_OR_TEXT_NOUNS = _DOC_NOUNS | _TEXT_NOUNS
_NOT_OPENING_NAME = STOP_CAPS | _OPENING_PREPOSITIONS  # ("Transcript as follows:", "Outside the arena, …")
_ALL_PRONOUNS = PRONOUNS_MALE | PRONOUNS_FEMALE | PRONOUNS_OTHER
_MAX_REPEATS = 8  # earlier copies of one description read back (each reads the one before it)
_PARTICIPLE_CUES = words("while before after when then by")  # "… while adding, “…”"
_WORD_RE = re.compile(r"[\w’'\-\.&]+")
# “…,” Cecelia Purner, 67, a retired representative in Allentown, Pa., said: appositives after the name
_OPEN_APPOSITIVE_RE = re.compile(
    rf",\s+(?:the|a|an|his|her|its|their)\s[^,;“”\"«»\n]{{1,120}}?\s{_AUX}(?P<v>{_VERB})"
)
# “…,” Mr Roe, Ruritania's chief executive said / “…,” Jane Roe, OFHEO director said / “…,” Jane Roe, executive
# director of the Ruritania Bank - one of its creditors - said / “…,” Jane Roe, from Ruritania Bank told Reuters: a
# role or an affiliation opens the appositive no comma closes
_OPEN_ROLE_APPOSITIVE_RE = re.compile(
    rf",\s+(?:(?:[A-Z][\w’'&.\-]*\s+){{0,3}}(?:[a-z\-]+\s+){{0,2}}(?:{_TITLE_ALT})\b|(?:from|of|at)\s+(?:the\s+)?[A-Z])"
    rf"[^,;“”\"«»\n]{{0,100}}?(?:\s+[-—–])?\s+{_AUX}(?P<v>{_VERB})")
_NOTHING_REPORTED_RE = re.compile(r"\s*(?:(?:on|in|at|to|during|last|this)\b[^“”\"«»]*)?[.!?]?\s*$")
_KNOWN_AS_RE = re.compile(
    r"((?:the|a|an|one)\s[^,;:]{1,60}?)\s+(?:known|identified|referred\s+to)\s+(?:only\s+)?as\s+"
    r"(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+)?)\s*$")
_DESCRIBED_RE = re.compile(r"[\s,;:—–\-]*(?:another|a|an|the|his|her|their|its|one)\s[^,;:!?“”\"«»\n]{1,60},\s+")
_APPOSED_NAME_RE = re.compile(r",\s+")
_ROLE_WORDS_RE = re.compile(r"(?!(?:a|an|the|one|his|her|its|their)\s)(?:[a-z][\w\-]*\s+){1,3}(?=[A-Z])")
# a pronoun or a short description, its verb (after auxiliaries), then the object's place: "he said of ",
# "the host told ", "He has declared "
_OBJECT_AFTER_RE = re.compile(
    rf"(?:[Hh]e|[Ss]he|(?:[Tt]he|[Tt]his)(?:\s+[\w’'\-]+){{0,3}}\s+[a-z][\w’'\-]*)\s+{_AUX}[a-z]+\s+"
    r"(?:(?:of|to|about|at|toward|towards|with)\s+)?(?:[a-z]+\s+){0,2}?")
_APPOSITIVES_VERB_RE = re.compile(rf",[^“”\"«»\n]{{1,200}}?,\s+{_AUX}(?P<v>{_VERB})")


def _person_like(noun: str) -> bool:
    """A noun that can describe a person ("tycoon", "organizer", "neurosurgeon"), not a thing or a body
    ("community", "hall")."""
    return noun in _PERSON_NOUNS or noun in TITLES or noun in _PERSON_WORDS or noun.endswith(_PERSON_SUFFIXES)


def _key_word(word: str) -> str:
    return word.lower().rstrip(".")


def _nominal(verb: str, before: str, introduced: bool) -> bool:
    """A speech-verb form used as an adjective or a noun: a participle after a determiner ("in a written
    statement"), a form in -s after a possessive ("Clinton’s emails, “…”"; ``introduced``: a comma or colon
    introduces the quote, else "called Trump's remarks “racist”" keeps 'remarks' for the clause's subject)."""
    prev = before.split()[-1:]
    if not prev:
        return False
    if verb.lower() in _NOUN_LIKE_VERBS and _IN_A_NOUN_RE.search(before):
        return True  # "saying in a Trumpian post on Twitter: “…”": the noun, after its preposition and article
    low = verb.lower()
    if low in _NOUN_FORMS and not prev[0].lower().endswith("s") and (
            prev[0].lower() not in _NOT_NP_START and prev[0].lower() not in AUXILIARIES
            and prev[0].lower() not in PRONOUNS_OTHER) and _ARTICLE_BEFORE_RE.search(before):
        return True  # "reprised the caustic chant “…”": a base form after an article and a singular word is a noun
    if verb.endswith(("en", "ed")):
        return prev[0] in _ATTRIBUTIVE_DETERMINERS
    return introduced and verb.endswith("s") and prev[0].endswith(("’s", "'s", "s’", "s'"))


@dataclass
class Speaker:
    """A resolved attribution: canonical name (or None) and the words written at the attribution."""

    name: str | None
    surface: str
    at: int  # where the attribution is, for ordering


def _false_stop(body: str, lo: int, m: re.Match[str]) -> bool:
    """The stop ``m`` ends an abbreviation or an initial ("Sen.", "J."), not a sentence (``lo``: read no word from
    before it); a stop after a closing parenthesis ends the sentence ("Sen. Ted Kennedy (D-Mass.).")."""
    word = body[max(lo, m.start() - 5): m.start() + 1].split()
    w = word[-1].lower().rstrip(".") if word else ""
    return (w in _ABBREV or (len(w) == 1 and w.isalpha()) or "." in w) and not w.endswith(")")


def sentence_end(body: str, start: int, limit: int) -> int:
    """End of the sentence running from ``start`` (not past ``limit``), skipping abbreviations."""
    for m in _SENT_END_RE.finditer(body, start, limit):
        if not _false_stop(body, start, m):
            return m.start() + 1
    return limit


def sentence_start(body: str, end: int, limit: int) -> int:
    """Start of the sentence that ``end`` lies in (not before ``limit``)."""
    start = limit
    # the look-ahead must see the capital (or the opening mark and the capital) at ``end`` itself
    for m in _SENT_END_RE.finditer(body, limit, min(len(body), end + 3)):
        if m.end() > end:
            break
        if not _false_stop(body, limit, m):
            start = m.end()
    return start


def _group(words: list[str], low: list[str], surface: str, start: int) -> Speaker | None:
    """A group or an unnamed source ("officials", "an intelligence source") named by its words, up to a relative
    clause ("an intelligence source, who was not authorized …"); words with a finite verb before any relative
    clause ("government was going to", read out of a clause) are a clause, not a speaker."""
    rel = next((k for k, w in enumerate(low) if k and w in ("who", "which", "that")), len(low))
    if any(w in _FINITE_VERBS for w in low[1:rel]) or low[0] in SPEECH_VERBS:
        return None  # (nor is "said that her campaign")
    noun = next((k for k, w in enumerate(low) if w in GROUP_NOUNS), 0)
    rel = next((k for k in range(noun + 1, rel) if low[k].endswith("ed")), rel)  # "a source involved in …"
    if low[0] in _NOT_NP_START or low[0].endswith("ing") or any(
            w in _CLAUSE_WORDS or w.endswith("ly") for w in low[1:rel]):
        return None  # "aides and his fundraising", "passing around … government", "report specifically but"
    words = words[:rel]
    return Speaker(" ".join(words[1:] if low[0] in _DETERMINERS else words), surface, start)


class Resolver:
    """Resolves attribution noun phrases to speakers using the article's name registry."""

    def __init__(self, body: str, registry: Registry):
        self.body = body
        self.reg = registry
        self._repeats = 0  # how deep _repeated_description is reading earlier copies of a description
        self.last_speaker: str | None = None
        self.last_speaker_at = -1  # end of the last quote credited to ``last_speaker``
        self._unnamed: tuple[str, int] | None = None  # (gender, where) of the last he/she read as someone unnamed
        self.prev_quote: tuple[int, Speaker | None] | None = None  # end of the quote before and its attribution

    def sentence_of(self, pos: int) -> int:
        """Start of the sentence containing ``pos``."""
        para = self.body.rfind("\n", 0, pos) + 1
        return sentence_start(self.body, pos, para)

    def noun_phrase(self, start: int, end: int) -> Speaker | None:
        """Resolve the noun phrase ``body[start:end]`` ("he", "the president", "Kirby", "officials")."""
        text = self.body[start:end]
        lead = len(text) - len(text.lstrip(" ,;:—–-"))
        text = text.strip(" ,;:—–-")
        start += lead
        if not text:
            return None
        words = _WORD_RE.findall(text)
        if not words or len(words) > 14:
            return None
        low = [w.lower().rstrip(".") for w in words]
        for suffix in ("’s", "'s"):
            if low[0].endswith(suffix):
                low[0] = low[0][: -len(suffix)]
        surface = text
        if low[0] in PRONOUNS_MALE or low[0] in PRONOUNS_FEMALE:
            if len(words) > 2:
                return None
            gender = "m" if low[0] in PRONOUNS_MALE else "f"
            if self._unnamed_antecedent(start, gender) or self._unnamed_goes_on(start, gender):
                self._unnamed = (gender, start)
                return Speaker(None, text, start)
            controlled = self._in_controlled_participle(start)
            reported = self._reported_names(start)
            later = self._named_later(start)
            ent = self.reg.last_person(start, gender, self.sentence_of, exclude=later | controlled | reported)
            recent = self._recent_speaker(start, gender, controlled | reported)
            speaker = self.reg.by_name(recent) if recent is not None else None
            if speaker is not None and (id(speaker) in reported or id(speaker) in later):
                recent = None  # “…,” he said of Trump: not Trump
            elif speaker is not None and speaker.gender_weak and speaker.gender != gender:
                # “…,” Sanders wrote. ¶ “…,” he continued: the pronoun that carries the speaker on tells the
                # gender a name list only guessed ("Bernie" is mostly female there)
                speaker.set_gender(gender)
            return Speaker(recent or (ent.canonical if ent else None), text, start)
        if low[0] in PRONOUNS_OTHER:
            if len(words) > 2:
                return None
            if low[0] == "it":
                # "…,” it added: an organisation (or a country acting as one), the one named last
                return Speaker(self._it_speaker(start), text, start)
            ent = self.reg.by_name(self.last_speaker) if low[0] == "they" and self.last_speaker else None
            if ent is not None and ent.person and not self.reg.lone_org(ent):
                # "“…,” they argued" after one person quoted: a group, not that one person
                return Speaker(None, text, start)
            return Speaker(self.last_speaker if low[0] in ("they", "we") else None, text, start)
        if low[0] in _NOT_NP_START and not (
            words[0][0].isupper() and self.reg.mention_in(start, start + len(text))
        ):
            return None  # "said in a statement", "said that ...": not a speaker
        if low[0] == "the" and 2 <= len(low) <= 4 and words[-1].islower() and low[-1].isalpha():
            if low[-1] in _UNNAMED_ONLY or (len(low) == 2 and low[1] in _NUMBER_WORDS) or low[1] in _ORDINALS:
                # "the person added", "the narrator says", "the two write", "the second official said": someone
                # the text does not name, not the person named last
                return Speaker(None, surface, start)
            if low[-1] in _COLLECTIVE_NOUNS:
                # "“Out!” the crowd yelled": the crowd, not the one it answers
                return Speaker(low[-1], surface, start)
            if low[-1] == "moderator":
                # "the moderator said": the one named as moderator before ("moderator Jane Roe"), else no one
                named = ([None] + list(_MODERATOR_RE.finditer(self.body, max(0, start - 3000), start)))[-1]
                sp = self.noun_phrase(named.start(1), named.end(1)) if named is not None else None
                return Speaker(sp.name if sp is not None else None, surface, start)
        org = _ORG_OF_RE.fullmatch(text)
        if org is not None and _key_word(org.group("head")) in ORG_WORDS:
            # "Britain’s Ministry of Defense", "the Bank of England": one organisation, not "Defense"
            return Speaker(org.group("name"), surface, start)
        pair = self._joint(start, start + len(text))
        if pair is not None:
            return Speaker(pair, surface, start)
        mention = self.reg.head_mention_in(start, start + len(text) + 1)
        if mention is not None and (self._describes(mention) or self.reg.adjectival(mention)):
            mention = None  # (nor "anti-Trump signs")
        if low[-1] in _DEPENDENT_GROUPS and words[-1].islower() and mention is not None and self._describes_other(
                mention, start + len(text)) and self.body[mention.end: mention.end + 1] not in ("’", "'"):
            # "Clinton advisers say", "Sanders protesters interrupted": the group, not the one it is named for
            return Speaker(" ".join(words[1:] if low[0] in _DETERMINERS else words), surface, start)
        if low[-1] in _DEPENDENT_NOUNS and words[-1].islower() and (
                mention is None or self._describes_other(mention, start + len(text))):
            # "a Trump supporter": someone unnamed; "the senior Cruz adviser", "Obama's former campaign
            # strategist": someone named before, not the man the phrase names
            owner = mention.entity if mention is not None else None
            if low[0] in ("a", "an", "one", "another", "some"):
                return Speaker(None, surface, start)
            if low[0] in _DEFINITE and re.search(
                    rf"\b(?:[Aa]n?|[Oo]ne)\s+(?:[\w’'\-]+\s+){{0,4}}{re.escape(words[-1])}\b", self.body[:start]):
                return Speaker(None, surface, start)  # "said a senior Cruz adviser. … said the senior Cruz adviser"
            if low[0] in _DEFINITE or words[0].endswith(("’s", "'s")):
                ent = self.reg.last_person(start, "?", self.sentence_of, exclude=self._named_later(start))
                return Speaker(ent.canonical if ent is not None and ent is not owner else None, surface, start)
        if mention is not None:
            owned = self._owned_org(mention, start + len(text))
            return owned or Speaker(mention.entity.canonical, surface, start)
        again = self._repeated_description(words, low, start)
        if again is not None and again.person:
            return Speaker(again.canonical, surface, start)
        comma = text.find(",")
        if comma > 0:
            lead_words = text[:comma].split()
            if 0 < len(lead_words) <= 4 and all(w[0].isupper() for w in lead_words) and (
                    _key_word(lead_words[0]) not in STOP_CAPS):
                # "Xinhua, the official Chinese news agency, wrote": the name before its description
                sp = self.noun_phrase(start, start + comma)
                if sp is not None and sp.name:
                    return Speaker(sp.name, surface, start)
        by = _BY_AUTHOR_RE.search(text)
        if by is not None and by.group("doc").lower() in _AUTHORED_NOUNS:
            # "a report published by UK-based research consultancy Analysys": its author
            author = _TRAILING_NAME_RE.search(by.group("who"))
            if author is not None:
                return Speaker(author.group().rstrip("."), surface, start)
            return self.noun_phrase(start + by.start("who"), start + len(text))
        titles = [w for w in low if w in TITLES and w not in ("former", "acting", "senior", "assistant")]
        if (len(low) <= 5 and low[0] in _DEFINITE and words[-1].islower()
                and (low[-1] in _PERSON_NOUNS or low[-1].endswith("-year-old"))):
            # "the New York businessman said", "the 46-year-old said": the person named last
            gender = "f" if low[-1] in _FEMALE_NOUNS else "m" if low[-1] in _MALE_NOUNS else "?"
            if (low[0] == "the" and self._introduced_unnamed(_SAME_PERSON.get(
                    low[-1], (words[-1],)), start)) or _ANONYMOUS_RE.match(self.body, start + len(text)):
                # "One man in Manchester … interrupted: ¶ “…,” the man shouted": the unnamed one introduced just
                # before, not the last person named; "said the woman, who did not want to be named": no one named
                if gender != "?":
                    self._unnamed = (gender, start)  # (a he/she after it is the same unnamed person)
                return Speaker(None, surface, start)
            ent = self.reg.last_person(start, gender, self.sentence_of, exclude=self._named_later(start))
            return Speaker(ent.canonical if ent else None, surface, start)
        if len(low) <= 4 and low[0] in _DEFINITE and not titles and text[1:] == text[1:].lower():
            if low[-1] in _NAMED_ORG_NOUNS:
                # "the ministry said": the organisation named last with that word in its name ("the Ruritanian
                # Foreign Ministry"), or no one (not a person, nor another organisation)
                named = self.reg.last_named_org(start, low[-1])
                if named is None:
                    # "Ruritania’s foreign ministry … the ministry said": as the text named it
                    owned = [m for m in _OWNED_BODY_RE.finditer(self.body, max(0, start - 1500), start)
                             if m.group("noun") == low[-1]]
                    named = " ".join(owned[-1].group().split()) if owned else None
                return Speaker(named, surface, start)
            if low[-1] in _PRESS_NOUNS or low[-2:] == ["editorial", "board"]:
                # "the newspaper admitted", "the editorial board wrote": the paper named last ("the Union Leader"),
                # not another organisation named since
                press = self.reg.last_press(start)
                if press is not None:
                    return Speaker(press, surface, start)
            if low[-1] in ORG_NOUNS or low[-1] in _COMPANY_NOUNS:
                # "the newspaper wrote", "the firm said": the organisation named last, never a person ("Zentrix
                # hired Tom Poe. … the company said": Zentrix)
                ent = self.reg.by_name(self.last_speaker) if self.last_speaker is not None else None
                last = self.last_speaker if ent is None or not ent.person or self.reg.lone_org(ent) else None
                return Speaker(self.reg.last_subject_org(start, self.sentence_of, lone=True)
                               or self.reg.last_org(start) or last, surface, start)
            if low[-1] in _DOC_OWNED_NOUNS:
                # "the letter continues": the sender the text gave the letter when it brought it up ("Acme sent
                # a letter", "a letter from Acme", "a Daily Acme article", "Tom Poe's memo"), else no one
                return Speaker(self._document_owner(low[-1], start, start + len(text)), surface, start)
            if (low[0] == "the" and len(low) >= 2 and low[-1] not in GROUP_NOUNS and low[-1].isalpha()
                    and not low[-1].endswith("s")):
                # "the gambling tycoon told Reuters": a singular description of someone named before (not "… greeted
                # by an organizer. “…,” the organizer told them": the unnamed one introduced just before)
                if low[-1] not in _NOT_NP_START and self._introduced_unnamed((words[-1],), start):
                    return Speaker(None, surface, start)
                if "of" in low[2:] and low[low.index("of", 2) - 1].endswith("s"):
                    return Speaker(None, surface, start)  # ("wrote the authors of the “…”": several, unnamed)
                lead = self.body[self.sentence_of(start): start].rstrip()
                verb = lead.split()[-1].lower() if lead else ""
                # (the subject: opening the sentence, after the quote, or after an inverted verb, "“…,” said the X";
                # not an object, "describing the team as “…”")
                subject = not lead or lead[-1] in "”’\"',—" or (
                    verb in _INVERTED_VERBS and lead[: -len(verb)].rstrip()[-1:] in ("”", "’", '"', "'", ","))
                if subject and not _person_like(low[-1]) and not any(
                        w in _NOT_NP_START or w in _DETERMINERS or w.endswith("ed") for w in low[1:]):
                    # ("The intelligence community has concluded “…”", "“…,” the club said"): no one named
                    return Speaker(None, surface, start)
                ent = self.reg.last_person(start, "?", self.sentence_of, exclude=self._named_later(start))
                return Speaker(ent.canonical if ent else None, surface, start)
        if len(low) == 2 and low[0] in _DEFINITE and low[1] in TITLES:
            # "the spokesman": the spokesman named before ("transition spokesman Jason Miller"), if any
            ent = self.reg.last_with_title(low[1], start)
            if ent is not None:
                return Speaker(ent.canonical, surface, start)
        if len(low) == 2 and low[0] in ("a", "an", "the", "one", "another") and low[1] in _SPOKES:
            # "Zentrix denied it. A spokesman said: “…”", "an Acme spokeswoman said … the spokeswoman said": no one
            # named, speaking for the organisation the text gives them
            org = self._spokes_org(start)
            if org is not None:
                # (a person's spokesman speaks for the person: "Tom Poe’s spokesman … the spokesman said" is Tom Poe,
                # as "Tom Poe’s spokesman said" is)
                ent = self.reg.by_name(org)
                person = ent is not None and ent.person and not self.reg.lone_org(ent)
                return Speaker(org if person else f"{org} {words[1]}", surface, start)
        if low[0] in GROUP_NOUNS or (len(low) > 1 and low[0] in _DETERMINERS and low[1] in GROUP_NOUNS):
            return _group(words, low, surface, start)
        # capitalised words, and a number that goes on a name ("Radio 1 said", "Channel 4 News")
        caps = [w for i, w in enumerate(words) if (w[0].isupper() and w.lower().rstrip(".") not in STOP_CAPS)
                or (w.isdigit() and i > 0 and words[i - 1][0].isupper()
                    and words[i - 1].lower() not in STOP_CAPS)]
        if caps and not titles and len(caps) >= len(words) - 2:
            # an organisation or an unregistered single name ("the Pentagon", "Reuters", "Kirby")
            # (not a party word: "one Republican" is no Republican National Committee)
            ent = self.reg.by_word(caps[-1].rstrip(".")) if len(caps) == 1 and _key_word(
                caps[-1]) not in AFFILIATIONS else None
            if ent is not None:
                return Speaker(ent.canonical, surface, start)
            mods = [w for w, lw in zip(words[:-1], low[:-1], strict=True) if lw not in _DETERMINERS]
            if (words[-1].islower() and words[-1].isalpha() and low[-1] not in _NOT_NP_START
                    and not low[-1].endswith("ly") and low[-1] not in _ADVERBS
                    and mods and all(w[:1].isupper() for w in mods)):
                # "a Russian diplomat", "Russian officials": the description, not its adjective
                return Speaker(" ".join(words[1:] if low[0] in _DETERMINERS else words), surface, start)
            return Speaker(" ".join(caps).rstrip("."), surface, start)
        if low[0] in HONORIFICS and len(words) == 2 and words[1][:1].isupper():
            # "Mr Fox" with no Fox registered: Fox, not the last man called Mr
            ent = self.reg.by_word(words[1].rstrip("."))
            return Speaker(ent.canonical if ent is not None and ent.person else words[1].rstrip("."), surface, start)
        if titles and len(words) == 1 and words[0][:1].isupper():
            # "“…,” King says" after "Mark King": a surname that is also a title word ("King", "Bishop", "Major")
            ent = self.reg.by_word(words[0].rstrip("."))
            if ent is not None and ent.person and ent.surname_low == low[0]:
                return Speaker(ent.canonical, surface, start)
        if titles:
            # "a senior official", "one district GOP leader": an indefinite introduces someone new, not the
            # person last named with the title
            indefinite = low[0] in ("a", "an", "one", "another", "some")
            # ("the vice president": not the president)
            title = ranked_title(low, len(low) - 1 - low[::-1].index(titles[-1]))
            ent = None if indefinite else self.reg.last_with_title(title, start)
            if ent is None and caps and low[0] in ("the", "this") and titles[-1] in _SPOKES:
                # "the M&S spokesman" with no spokesman named: unnamed, speaking for the organisation it names
                return Speaker(" ".join(words[1:]).rstrip("."), surface, start)
            if ent is None and low[0] in ("the", "this"):
                # "the senator" with no senator named: the person the text is about (not "another unnamed official
                # … said the official": that one)
                if self._introduced_unnamed((words[-1],), start):
                    return Speaker(None, surface, start)
                ent = self.reg.last_person(start, "?", self.sentence_of, exclude=self._named_later(start))
            if ent is None and low[0] in ("a", "an", "one") and caps:
                # "a Twitter spokesman": unnamed, but the organisation it speaks for is the speaker's name
                return Speaker(" ".join(words[1:]).rstrip("."), surface, start)
            return Speaker(ent.canonical if ent else None, surface, start)
        if any(w in GROUP_NOUNS for w in low):
            return _group(words, low, surface, start)
        return None

    def _it_speaker(self, start: int) -> str | None:
        """Who "it" at ``start`` stands for: the speaker of the quote just before (in this paragraph or the one
        before) when that quote's attribution was an organisation or a document ("…,” the company said. ¶ “…,” it
        added"), a document the sentences before are about ("The memo … ¶ “…,” it said": its owner, if named, else
        no one), the organisation that opened this sentence or the one before ("Zentrix said … “…,” it added"),
        else the organisation named last."""
        prev = self.prev_quote
        if prev is not None and prev[1] is not None and prev[0] <= start and len(
                _PARA_BREAK_RE.findall(self.body, prev[0], start)) <= 1 and self._org_attribution(prev[1], prev[0]):
            at, sp = prev
            others = {n for k, n in self.reg.orgs if at <= k < start} | {
                m.entity.canonical for m in self.reg.mentions_between(at, start) if not m.entity.person}
            if others <= {sp.name}:
                return sp.name
        doc = self._document_subject(start)
        if doc is not None:
            return doc[0]
        s0 = self.sentence_of(start)
        before = text_end(self.body, s0)
        lo = self.sentence_of(before - 1) if before > 0 and "\n\n" not in self.body[before:s0] else s0
        for at, end in ((s0, start), (lo, s0)) if lo < s0 else ((s0, start),):
            m = _ORG_DESC_SUBJECT_RE.match(self.body, at, end) if self.body[at: at + 1] not in "“\"‘'«" else None
            if m is not None:
                # "The prime minister's office said … It added": the organisation the description stands for
                sp = self.noun_phrase(m.start("np"), m.end("np"))
                return sp.name if sp is not None else None
        if "according to" in self.body[lo:start]:
            return self.reg.last_actor(start)  # ("Acme did X, according to the Zentrix Group. It said …": the source)
        return self.reg.last_subject_org(start, self.sentence_of, start - lo, lone=True) or self.reg.last_actor(start)

    def _org_attribution(self, sp: Speaker, at: int) -> bool:
        """The attribution ``sp`` of a quote ending at ``at`` is an organisation's or a document's ("the company
        said", "it added", "Acme said", "Tom Poe wrote in the affidavit")."""
        low = [w.lower() for w in sp.surface.split()]
        if not low:
            return False
        if low == ["it"] or (low[0] in ("the", "its", "this", "a", "an") and low[-1] in _ORG_OR_DOC_NOUNS):
            return True
        if _IN_DOCUMENT_RE.match(self.body, at, sentence_end(self.body, at, min(len(self.body), at + 200))):
            return True
        if not sp.name:
            return False
        ent = self.reg.by_name(sp.name)
        if ent is not None:
            return not ent.person or self.reg.lone_org(ent)
        # (a name no mention registered: an organisation's one word, "Zentrix", or words of one, "Acme Group")
        return any(n == sp.name for _, n in self.reg.orgs) or " " not in sp.name or any(
            _key_word(w) in ORG_WORDS for w in sp.name.split())

    def _document_subject(self, start: int) -> tuple[str | None] | None:
        """A document that the sentences before ``start`` (in its paragraph or the one before, outside quotes) are
        about, opening one of them as its subject ("The email, released on Monday, was sent …", "Thursday's memo
        from the panel seemed …"): its owner, named with a possessive or "from"/"by" ("Acme's memo"), or None;
        no document when a name or another subject opens a sentence nearer to ``start``."""
        pos = self.sentence_of(start)
        m = _DOC_SUBJECT_RE.match(self.body, pos, start)
        breaks = 0
        for _ in range(4):
            if m is not None:
                owner = m.group("owner") or m.group("mod") or m.group("by")
                if owner is not None and _key_word(owner.split()[0]) in STOP_CAPS:
                    owner = None
                if owner is not None:
                    ent = self.reg.by_word(owner.split()[-1])
                    owner = ent.canonical if ent is not None else owner
                return (owner,)
            if pos <= 0:
                return None
            end = text_end(self.body, pos)
            breaks += len(_PARA_BREAK_RE.findall(self.body, end, pos))
            if breaks > 1 or end <= 0:
                return None
            pos = self.sentence_of(end - 1)
            first = self.body[pos: pos + 1]
            if first in "“\"‘'«":
                continue  # a sentence of a quote
            m = _DOC_SUBJECT_RE.match(self.body, pos, end)
            if m is None and (self.reg.mention_in(pos, pos + 30) is not None
                              or _OTHER_SUBJECT_RE.match(self.body, pos, end) is not None):
                return None  # "Mark Doe said …", "The company said …", "He added …": another subject
        return None

    def _document_owner(self, noun: str, start: int, end: int) -> str | None:
        """Who wrote the document ``noun`` ("letter") the text brought up before ``start`` (outside quotes, within
        a few paragraphs): its owner's possessive ("Tom Poe's memo"), a name modifying it ("a Daily Acme article"),
        "from"/"by" after it ("a letter from Jane Roe"), or whoever issued it ("Acme sent a letter", "Roe said in a
        statement", "In a statement, Acme said"); a mention with "the" reads back to an earlier one, from the one at
        ``start`` .. ``end`` itself ("Tom Poe posted the clip: “…”"). None if the text does not say; with no
        earlier mention, the issuer of the sentence before ("Acme announced it. “…,” the release said")."""
        key = _DOC_SYNONYMS.get(noun, noun)
        cands = []
        for m in _DOC_WORD_RE.finditer(self.body, max(0, start - _DOC_LOOKBACK), end):
            if _DOC_SYNONYMS.get(m.group(), m.group()) == key:
                para = self.body.rfind("\n", 0, m.start()) + 1
                lead = self.body[para: m.start()]
                prev = lead.split()[-1:]
                if prev and prev[0].lower() in BEFORE_BASE_VERB:
                    continue  # ("failing to report fraud": a verb)
                if lead.count("“") <= lead.count("”") and lead.count('"') % 2 == 0:
                    cands.append(m)  # (outside a quote)
        for m in reversed(cands):
            s0 = self.sentence_of(m.start())
            before = self.body[s0: m.start()]
            owner = _DOC_POSSESSIVE_RE.search(before) or _DOC_MODIFIER_RE.search(before)
            at = s0
            if owner is None:
                owner, at = _DOC_FROM_RE.match(self.body, m.end(), min(len(self.body), m.end() + 80)), 0
            if owner is not None and _key_word(owner.group("owner").split()[0]) not in STOP_CAPS:
                sp = self.noun_phrase(at + owner.start("owner"), at + owner.end("owner"))
                return sp.name if sp is not None else None
            if _IN_DOC_LEAD_RE.search(before):
                # "In its latest report, the OECD cut …": the subject after the comma
                end = sentence_end(self.body, m.end(), min(len(self.body), m.end() + 200))
                return self._issuer(m.end(), end, after=True)
            issuer = self._issuer(s0, m.start())
            if issuer is not None or not _THE_BEFORE_RE.search(before):
                return issuer  # ("a letter", "its report" brought it up; "the report" reads back)
        # no sentence brought it up (each mention says "the release"): who issued it in the sentence before the first
        s0 = self.sentence_of(cands[0].start() if cands else start)
        end = text_end(self.body, s0)
        if end <= 0:  # (the sentence before may be in the paragraph before)
            return None
        ps = self.sentence_of(end - 1)
        return None if self.body[ps: ps + 1] in "“\"‘'«" else self._issuer(ps, end)

    def _issuer(self, lo: int, hi: int, after: bool = False) -> str | None:
        """The name (or short description) right before the last verb of issuing or saying in ``lo`` .. ``hi``
        ("President Jane Roe released", "the Acme Party of Ruritania announced"; ``after``: the first verb, after a
        comma)."""
        verbs = list(_DOC_ISSUER_RE.finditer(self.body, lo, hi))
        if after and (named := _AFTER_COMMA_NAME_RE.match(self.body, lo, hi)) is not None and (
                not verbs or named.end() <= verbs[0].start()):
            verbs = [named]  # "In its latest report, the OECD cut …": the name after the comma and its verb
        if not verbs:
            return None
        v = verbs[0] if after else verbs[-1]
        vstart = v.start("verb") if v.re is _AFTER_COMMA_NAME_RE else v.start()
        subj = _NAME_BEFORE_RE.search(self.body, lo, vstart)
        if subj is None:
            # "Tom Poe, who starred in “Acme,” posted the clip": the name that opens the sentence
            first = self.reg.first_mention_in(lo, vstart)
            opens = first is not None and self.body[lo: first.title_start].strip() in ("", "The", "the")
            owner = first is not None and self.body[first.end: first.end + 2] in ("’s", "'s")
            return first.entity.canonical if opens and not owner else None
        if _key_word(subj.group(1).split()[0]) in _NOT_NP_START or _key_word(
                (self.body[lo: subj.start(1)].split() or [""])[-1]) in _NOT_NP_START:
            return None  # ("the woman from Ruritania says": not Ruritania)
        sp = self.noun_phrase(subj.start(1), subj.end(1))
        return sp.name if sp is not None else None

    def _introduced_unnamed(self, nouns: tuple[str, ...], start: int) -> bool:
        """Someone one of ``nouns`` names ("organizer"; "boy", "child") was introduced without a name in this or the
        paragraph before ``start`` ("greeted by an organizer", "another unnamed official"; not "an organizer, Jane
        Roe," nor "a theme of the chancellor's")."""
        para = self.body.rfind("\n", 0, start)
        lo = self.body.rfind("\n", 0, text_end(self.body, max(0, para))) + 1 if para > 0 else 0
        window = self.body[max(lo, start - 1500, 0): start]
        if not any(noun in window for noun in nouns):
            return False  # (the pattern needs the noun itself)
        alt = "|".join(re.escape(noun) for noun in nouns)
        return re.search(rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:(?!{_GAP_STOP})[\w’'\-]+\s+){{0,4}}(?:{alt})\b"
                         r"(?![,\s]+[A-Z])(?![’'\-])", window) is not None

    def _spokes_org(self, start: int) -> str | None:
        """The organisation an unnamed spokesperson at ``start`` speaks for: the one named with a spokesperson in
        this or the paragraph before ("an Acme spokesman", "a spokeswoman for Acme"), else the organisation that
        opened this or the sentence before ("Zentrix denied it. “…,” a spokesman said")."""
        s0 = self.sentence_of(start)
        end = text_end(self.body, s0)
        lo = self.sentence_of(end - 1) if end > 0 else s0  # (also in the paragraph before)
        para = self.body.rfind("\n", 0, s0) + 1
        prev_para = self.body.rfind("\n", 0, max(0, text_end(self.body, para))) + 1
        found = None
        for m in _SPOKES_OF_RE.finditer(self.body, max(prev_para, start - 600, 0), start):
            found = m
        if found is not None and found.group("desc"):
            # "the prime minister’s spokesman": the one named with that title ("Prime Minister Jane Roe"), if any
            ent = self.reg.last_with_title(found.group("desc").split()[-1].lower(), start)
            return ent.canonical if ent is not None else None
        if found is not None:
            org = (found.group("org") or found.group("org2")).split()
            ends = [k for k, w in enumerate(org[:-1]) if w.endswith(".") and len(w) > 2]
            org = org[ends[-1] + 1:] if ends else org  # ("… ran by Labour. A spokeswoman said": not "Labour. A")
            while org and _key_word(org[0]) in STOP_CAPS:
                org = org[1:]
            if org:
                named = self.reg.mention_in(found.start(), found.end())
                return named.entity.canonical if named is not None and named.entity.person else " ".join(org)
        return self.reg.last_subject_org(start, self.sentence_of, start - lo, lone=True)

    def _repeated_description(self, words: list[str], low: list[str], start: int):
        """A definite description that repeats one used before in the article ("the Russian leader" …
        "the Russian leader said"): the person the earlier one referred to, the one named right beside it
        ("the Russian leader, Jan Roe,") or else the one the earlier description is read as."""
        if not (low[0] == "the" and 3 <= len(low) <= 5 and words[-1].islower() and low[-1].isalpha()
                and low[-1] not in ORG_NOUNS and low[-1] not in _DOC_NOUNS and low[-1] not in GROUP_NOUNS
                and not low[-1].endswith("s")):
            return None
        pat = r"\b[Tt]he\s+" + r"\s+".join(re.escape(w) for w in words[1:]) + r"\b"
        prev = None
        for m in re.compile(pat).finditer(self.body, 0, start):
            prev = m
        if prev is None:
            return None
        beside = [m for m in self.reg.mentions_between(prev.end(), prev.end() + 60)
                  if m.entity.person and m.title_start - prev.end() <= 2]
        if beside:
            return beside[0].entity
        if self._repeats >= _MAX_REPEATS:
            return None  # (an article repeating one description over and over: read no further back)
        self._repeats += 1
        try:
            earlier = self.noun_phrase(prev.start(), prev.end())  # (as the earlier one is read, first to last)
        finally:
            self._repeats -= 1
        return self.reg.by_name(earlier.name) if earlier is not None and earlier.name else None

    def _unnamed_antecedent(self, start: int, gender: str) -> bool:
        """The he/she at ``start`` stands for someone the sentence before (or its own) introduced without a name
        ("A 29-year-old Berlin woman received probation after … “Filth out!” she wrote", "a spokeswoman said. She
        added"): no person of that gender is named after the description, up to the pronoun."""
        s0 = self.sentence_of(start)
        para = self.body.rfind("\n", 0, start) + 1
        lead = self.body[para:start].rstrip(" ,")
        if lead.endswith(("”", '"')):
            # (“We like it. We saw a good response,” he added: the sentence before the whole quote)
            close = para + len(lead) - 1
            opening = self.body.rfind("“" if lead.endswith("”") else '"', para, close)
            s0 = self.sentence_of(opening) if opening >= 0 else s0
        prev = text_end(self.body, s0)
        lo = self.sentence_of(prev - 1) if prev > 0 else s0
        if lo > 0 and _PRONOUN_OPENING_RE[gender].match(self.body, lo):
            # ("One delegate said he tried …. He was unable to …, he said. “…,” he said": the sentence before that)
            before = text_end(self.body, lo)
            lo = self.sentence_of(before - 1) if before > 0 else lo
        found = None
        for m in _described_as(gender, self.body, lo, start):
            at = self.sentence_of(m.start())
            para = self.body[self.body.rfind("\n", 0, at) + 1: at]
            if not self.body[at: m.start()].strip(" “‘\"'") and para.count("“") == para.count("”") and (
                    para.count('"') % 2 == 0):
                found = m  # (the description opens its sentence, outside a quote: it is its subject)
        if found is None:
            return False
        if self.last_speaker_at > found.start() and self.last_speaker is not None:
            ent = self.reg.by_name(self.last_speaker)
            if ent is None or ent.first is None and ent.gender == "?":
                return False  # ("A spokesman for Acme said “…”", credited to Acme: the pronoun goes on with it)
        # ("The 48-year-old actor crossed …, which he said …": a definite description may be someone named before)
        since = found.start() - _OTHER_GENDER_WINDOW if found.group()[:1] in "Tt" else found.start()
        # (a bare name of no known gender, "A spokesman for distributor Toho said", is no person the pronoun needs)
        return not any(m.entity.person and (m.entity.gender == gender or (m.entity.gender == "?" and (
            m.entity.first is not None or m.entity.titles))) for m in self.reg.mentions_between(max(0, since), start))

    def _unnamed_goes_on(self, start: int, gender: str) -> bool:
        """The last he/she of this gender stood for someone unnamed, and no quote went to a named speaker since, nor
        was a person of that gender named as a subject ("A woman … “…,” she said. … “…,” she said"): this one too."""
        if self._unnamed is None or self._unnamed[0] != gender:
            return False
        at = self._unnamed[1]
        if self.last_speaker_at > at or start - at > 1500:
            return False
        return not any(m.entity.person and m.entity.gender in ("?", gender) and self.reg.subject_like(m)
                       for m in self.reg.mentions_between(at, start))

    def _reported_names(self, start: int) -> frozenset[int]:
        """A name the quote the he/she at ``start`` attributes goes straight on from, as its predicate ("Mr Poe
        “made the decisions,” he told the court"): it is inside what the pronoun's one says, so not who says it
        (binding principle C, as in "He told the court Mr Poe made the decisions")."""
        base = max(0, start - 6)
        lead = self.body[base: start].rstrip()
        if not lead.endswith(("”", '"')):
            return frozenset()
        close = base + len(lead) - 1
        opening = self.body.rfind("“" if lead.endswith("”") else '"', 0, close)
        if opening < 0:
            return frozenset()
        s0 = self.sentence_of(opening)
        return frozenset(id(m.entity) for m in self.reg.mentions_between(s0, opening)
                         if m.entity.person and not self.body[m.end: opening].strip())

    def _named_later(self, start: int) -> frozenset[int]:
        """The people the verb after the pronoun or description at ``start`` takes as its object or
        complement ("“…,” he said of Trump", "he told Rubio", "He has declared Cruz to be …"): a name the
        subject commands cannot be the subject's own (binding principle C)."""
        m = _OBJECT_AFTER_RE.match(self.body, start)
        if m is None:
            return frozenset()
        named = self.reg.mentions_between(m.end(), m.end() + 60)
        if not named or named[0].title_start != m.end() or not named[0].entity.person:
            return frozenset()
        return frozenset([id(named[0].entity)])

    def _describes(self, mention: Mention) -> bool:
        """A name that is no person's, before a title: "The She Hate Me director" describes its director."""
        return not mention.entity.person and _TITLE_AFTER_RE.match(self.body, mention.end) is not None

    def _describes_other(self, mention: Mention, end: int) -> bool:
        """The name only qualifies the person the phrase describes ("a Trump supporter", "one former Cruz
        aide", "the ad’s narrator"): the phrase ends in a dependent noun after the name, nothing but lower-case
        words between."""
        rest = self.body[mention.end:end]
        rest = rest[2:] if rest[:2] in ("’s", "'s") else rest
        tail = rest.split()
        return bool(tail) and all(w.islower() for w in tail) and (
            tail[-1].strip(".") in _DEPENDENT_NOUNS or tail[-1].strip(".") in _DEPENDENT_GROUPS)

    def _joint(self, start: int, end: int) -> str | None:
        """“…,” state Senate leader Phil Berger and House Speaker Tim Moore, both Republicans, said: two
        people named side by side speak together ("Phil Berger and Tim Moore")."""
        text = self.body[start:end]
        cut = text.find(" and ")
        if cut < 0:
            return None
        first = [m for m in self.reg.mentions_between(start, start + cut) if m.entity.person]
        second = [m for m in self.reg.mentions_between(start + cut + 5, end) if m.entity.person]
        if not first or not second:
            return None
        gap = self.body[start + cut + 5: second[0].title_start].split()
        if gap and not (len(gap) <= 4 and all(w.islower() for w in gap) and gap[-1] in TITLES):
            return None  # (but "X and chief operating officer Y": a role in lower case before the second name)
        if first[-1].end != start + cut or first[-1].entity is second[0].entity:
            return None
        if not all(e.first is not None or e.titles for e in (first[-1].entity, second[0].entity)):
            return None  # ("said Economic and Fiscal Policy Minister X": one word read as a name is no second speaker)
        return f"{first[-1].entity.canonical} and {second[0].entity.canonical}"

    def _in_controlled_participle(self, start: int) -> frozenset[int]:
        """The people named inside a participle phrase that opens the pronoun's own sentence ("Asked about
        her vote if Clinton faces Trump, she replied …", "Responding to Doe, he said …"): the phrase's unspoken
        subject is the pronoun, so a name inside it is its object or complement, not the pronoun's antecedent
        (and it does not take the turn from the current speaker)."""
        end = text_end(self.body, start)
        if end == 0 or self.body[end - 1] != ",":
            return frozenset()
        s0 = self.sentence_of(start)
        inside = [m for m in self.reg.mentions_between(s0, start) if m.entity.person]
        if not inside or _OPENING_PARTICIPLE_RE.match(self.body[s0: inside[0].start]) is None:
            return frozenset()
        return frozenset(id(m.entity) for m in inside)

    def _recent_speaker(self, start: int, gender: str, skip: frozenset[int] = frozenset()) -> str | None:
        """The speaker of the quote just before, when no other person of that gender was named since
        (“…,” Smith said. ¶ “…,” he added): the discourse keeps its current speaker."""
        if self.last_speaker is None or self.last_speaker_at < 0 or start - self.last_speaker_at > 1500:
            return None
        ent = self.reg.by_name(self.last_speaker)
        if ent is None or not ent.person or (ent.gender not in ("?", gender) and not ent.gender_guessed):
            return None  # a gender guessed from the given name alone does not break the chain …
        mentions = self.reg.mentions
        if ent.gender not in ("?", gender) and not ent.gender_weak and any(
                m.entity is not ent and m.entity.person and m.entity.gender == gender
                # (not as an owner, "Poe’s plan", unless the text's own pronouns give that gender: "Roe’s posts
                # include one …. “…,” she posted", Roe called "she" elsewhere)
                and (self.body[m.end: m.end + 2] not in ("’s", "'s") or not m.entity.gender_guessed)
                for m in mentions[bisect_left(mentions, start - _OTHER_GENDER_WINDOW, key=lambda mt: mt.start):
                                  bisect_left(mentions, start, key=lambda mt: mt.start)]):
            return None  # … unless someone that pronoun fits was named just before ("Jane Roe … Tom Poe")
        lo = bisect_left(mentions, self.last_speaker_at, key=lambda mt: mt.start)
        for mention in mentions[lo:]:
            if mention.start >= start:
                break
            if mention.start >= self.last_speaker_at and mention.entity is not ent and mention.entity.person and (
                    id(mention.entity) not in skip) and (
                    # ("Bernie Roe, who …, rallied voters. He said …. “…,” he said": a name the list only guessed
                    # to be of the other gender, called by the pronoun's gender twice in the text, the subject the
                    # pronoun goes on with)
                    mention.entity.gender in ("?", gender) or (mention.entity.votes[gender == "f"] >= 2 and
                                                               self.reg.weak_fits(mention, start, self.sentence_of))
                    ) and (
                    (self.reg.subject_like(mention) and not self._passing_object(mention, gender)
                     and not self.reg.fronts_body(mention))
                    or self.reg.speaks_in_relative(mention)):
                return None
        return self.last_speaker

    def _passing_object(self, mention: Mention, gender: str) -> bool:
        """A name the text mentions only as a verb's object ("… did give Poe some credit", "he told Poe") does not
        take the turn from the current speaker, unless its sentence's subject is someone the pronoun cannot be
        ("Jane Roe replaced Poe. He was reassigned": then the object is who the text goes on about)."""
        if not self.reg.object_of_verb(mention):
            return False
        return not any(
            m.entity.person and m.entity.gender not in ("?", gender) and self.reg.subject_like(m)
            for m in self.reg.mentions_between(self.sentence_of(mention.start), mention.start))

    def tail(self, pos: int, limit: int, whole: bool = True) -> Speaker | None:
        """Attribution right after a closing mark, ``pos`` .. ``limit``; ``whole``: the quote is a full utterance
        (not a fragment inside a running sentence)."""
        end = sentence_end(self.body, pos, limit)
        seg = self.body[pos:end]
        m = _QUOTE_FROM_RE.match(seg)
        if m is not None and whole:
            # “…” That quote from Ruritanian Commissioner Jane Roe appeared …: the sentence after it names its source
            sp = self.noun_phrase(pos + m.start("np"), pos + m.end("np"))
            if sp is not None and sp.name:
                return sp
        m = _TAIL_SUBJECT_RE.match(seg)
        if m is not None and _VERB_FIRST_RE.match(m.group("np")):
            m = None  # “…,” said former secretary of state Hillary Clinton: "state" is no verb after "said …"
        np_end_rel = m.end("np") if m else 0
        if m and m.group("v").lower() in _NOUN_LIKE_VERBS and re.match(r"\s+(?:[A-Z]|(?:" + _TITLE_ALT + r")\b)",
                                                                        seg[m.end("v"):]):
            # "White House press secretary Josh Earnest said": "press" was a noun of the subject
            m2 = _LATER_VERB_RE.search(seg, m.end("v"), min(len(seg), m.end("v") + 80))
            if m2 is not None:
                m, np_end_rel = m2, m2.start()
        if (m and m.re is _TAIL_SUBJECT_RE and _REPORTS_MORE_RE.match(seg, m.end("v"))
                and self.closing_stop(pos) in (".", "!", "?")
                and m.group("np").split()[0].lower() not in _ALL_PRONOUNS):
            # “… in a political campaign.” Ohio Gov. John Kasich said he would have fired him: a new
            # sentence reporting what someone else said, not the quote's attribution
            m = None
        if m and m.re is _TAIL_SUBJECT_RE and _RELATIVE_END_RE.search(m.group("np").split(",")[0]):
            # “…,” one of the regions that Russia has declared sovereign: the verb is the relative clause's
            m = None
        if m and m.re is _TAIL_SUBJECT_RE and "," in m.group("np") and (
                _key_word(m.group("np").split(",")[0]) in STOP_CAPS
                or (m.group("v").lower().endswith("ing") and seg[: m.start("v")].rstrip().endswith(","))):
            # “… a liar.” However, he held his fire on Ben Carson, calling him …: a sentence adverb is no subject
            # and a participle after a comma no attribution verb
            m = None
        np_text = seg[m.start("np") if m and m.re is _TAIL_SUBJECT_RE else 0: np_end_rel]
        if m and len(np_text.split()) > 12 and m.re is _TAIL_SUBJECT_RE and "," in np_text:
            # “…,” Texas delegate Mark Doe, wearing a hat and “Roe 2016” pins, said: a long appositive; the
            # noun phrase before it names the speaker
            np_end_rel = m.start("np") + np_text.index(",")
            np_text = np_text[: np_text.index(",")]
        of = np_text.find(" of ")
        if m and len(np_text.split()) > 12 and m.re is _TAIL_SUBJECT_RE and of > 0 and "," not in np_text and any(
                k.entity.person and k.end == pos + m.start("np") + of
                for k in self.reg.mentions_between(pos + m.start("np"), pos + m.start("np") + of)):
            # “…,” experts Jane Roe and Mark Doe of the Ruritanian Institute for Science and International Security
            # wrote: a long organisation after the names; the names before its "of" are the speakers
            np_end_rel = m.start("np") + of
            np_text = np_text[:of]
        quoted = _QUOTED_AS_RE.match(seg, m.end("v")) if m and m.group("v").lower() == "quoted" else None
        if quoted is not None:
            # “…,” the paper quoted Acme chief Tom Poe as saying: the one quoted, not the paper (or no one named:
            # "quoted an unnamed executive as saying")
            named = [k for k in self.reg.mentions_between(pos + quoted.start("np"), pos + quoted.end("np"))
                     if k.end <= pos + quoted.end("np")]
            if named and named[-1].entity.person and named[-1].end == pos + quoted.end("np"):
                return self.named(named[-1])
            return Speaker(None, quoted.group("np"), pos + quoted.start("np"))
        if m and len(np_text.split()) <= 12:
            np_start = pos + (m.start("np") if m.re is _TAIL_SUBJECT_RE else len(seg) - len(seg.lstrip(" ,;:—–-")))
            np_end = pos + np_end_rel
            sp = self.noun_phrase(np_start, np_end)
            if sp is not None:
                np_words = self.body[np_start:np_end].split()
                titled = any(w.lower() in TITLES for w in np_words)
                if titled and self.reg.mention_in(np_start, np_end) is None and (
                    sp.name is None or self.reg.last_with_title(np_words[-1].lower(), np_start)
                    is None
                ):
                    # "the coordinator told reporters at the Council John Kirby": a name later on
                    later = self.reg.mention_in(pos + m.end("v"), end)
                    gap = self.body[pos + m.end("v"): later.start] if later is not None else ""
                    listener = m.group("v").lower() in _ADDRESSEE_VERBS and re.fullmatch(
                        r"(?:\s+[A-Z][\w’'.]*)*\s*", gap)  # "told The Atlantic’s Jeffrey Goldberg"
                    clause = re.search(r"\b(?:when|if|that|because|after|while|who|which|he|she|they)\b", gap)
                    if (later is not None and later.entity.person and not listener and clause is None
                            and self.reg.subject_like(later)):
                        return Speaker(later.entity.canonical, sp.surface, sp.at)
                return sp
        m = _TAIL_DASH_RE.match(seg)
        if m:
            return self.noun_phrase(pos + m.start("np"), pos + m.end("np"))
        lead = len(seg) - len(seg.lstrip(" ,;:—–-"))
        near = self.reg.mentions_between(pos + lead, pos + lead + 80)  # bisected: this runs for most quotes
        first = near[0] if near else None
        if first is not None and first.title_start == pos + lead:
            m = _APPOSITIVES_VERB_RE.match(seg, first.end - pos)
            if m is not None and not m.group("v").lower().startswith("according"):
                return Speaker(first.entity.canonical, self.body[first.start: pos + m.start()], first.start)
            if first.entity.person:
                m = _OPEN_APPOSITIVE_RE.match(seg, first.end - pos)
                if m is not None and not m.group("v").lower().startswith("according"):
                    # “…,” Nate Silver, the polling guru who founded the site tweeted: no comma closes it
                    return self.named(first)
                m = _OPEN_ROLE_APPOSITIVE_RE.match(seg, first.end - pos)
                if m is not None and not m.group("v").lower().startswith("according") and not (
                        self.closing_stop(pos) == "." and not _NOTHING_REPORTED_RE.match(seg, m.end("v"))):
                    # (“….” Jane Roe, economist at X said the bank may …: a new sentence reporting her, not the
                    # quote's)
                    return self.named(first)
        m = _DESCRIBED_RE.match(seg)
        if m is not None:
            # “…,” another friend, Mariam Emara told CNN: the name after the description, no comma closing it
            person = self._person_at(pos + m.end())
            if person is not None and _LATER_VERB_RE.match(self.body, person.end):
                return self.named(person)
        m = _TAIL_VERB_RE.match(seg)
        if m:
            after = _APPOSED_NAME_RE.match(seg, m.end("np"))
            described = m.group("np")[:1].islower() or re.match(r"[A-Z][\w.\-]*(?:’s|'s)\s+[a-z]", m.group("np"))
            if after is not None and described and not m.group("v").lower().startswith("according"):
                # “…,” said his best friend at college, Bruce Turry, who …: the name set beside the description
                # (“…,” exhorted Clinton's introducer, actress Jamie Lee Curtis)
                person = self._person_at(pos + after.end())
                role = _ROLE_WORDS_RE.match(seg, after.end())
                if person is None and role is not None and all(
                        self.body[k.end: k.end + 2] in ("’s", "'s")
                        for k in self.reg.mentions_between(pos + m.start("np"), pos + m.end("np"))):
                    # (“…,” said Doe's introducer, actress Jane Roe: a role in lower case before the name that
                    # ends the clause; not "said Gov. Mark Doe, a Roe backer" nor ", referring to Roe's …")
                    person = self._person_at(pos + role.end())
                    if person is not None and self.body[person.end: person.end + 1] not in (".", ",", ";", ""):
                        person = None
                if person is not None:
                    return self.named(person)
            np = m.group("np")
            known = _KNOWN_AS_RE.match(np)
            if known is not None and known.group(1)[:1].islower():
                # “…,” said the base chief known as Bob: the description names him by the name it gives
                name = known.group("name")
                ent = self.reg.by_word(name.split()[-1])
                return Speaker(ent.canonical if ent is not None and ent.person else name, np.rstrip(),
                               pos + m.start("np"))
            cut = _NP_CUT_RE.search(np)
            if cut:
                np = np[: cut.start()]
            np = np.rstrip()
            if np:
                return self.noun_phrase(pos + m.start("np"), pos + m.start("np") + len(np))
        m = _CLOSING_CLAUSE_RE.search(seg)
        if m is not None and whole and self.closing_stop(pos) not in (".", "!", "?"):
            # “I have made it clear …” and against the Brady law, Clinton said.: the clause that ends the sentence
            return self.noun_phrase(pos + m.start("np"), pos + m.end("np"))
        return None

    def named(self, mention: Mention) -> Speaker:
        """The speaker a name mention stands for, with the name as written."""
        return Speaker(mention.entity.canonical, self.body[mention.start: mention.end], mention.start)

    def _owner(self, start: int, end: int) -> Speaker | None:
        """The person or organisation a possessive names ("Tom Poe's" in "Tom Poe's Facebook post")."""
        mention = self.reg.mention_in(start, end + 1)
        if mention is not None:
            return self.named(mention)
        word = self.body[start:end].split()[-1].rstrip(".").lower()
        for earlier in reversed(self.reg.mentions_between(max(0, start - 3000), start)):
            if earlier.entity.person and earlier.entity.surname_low == word:
                # ("From Bush's post" absorbed into the run "Bush's Facebook": the Bush named last before it)
                return Speaker(earlier.entity.canonical, self.body[start:end], start)
        return self.noun_phrase(start, end)

    def _owned_org(self, mention: Mention, end: int) -> Speaker | None:
        """"X's hometown Burlington Free Press wrote": the organisation named after an owner's possessive (and
        a description), up to ``end``, speaks, not the owner."""
        owned = _OWNED_ORG_RE.match(self.body, mention.end, end)
        if owned is None or _key_word(owned.group("org").split()[-1]) not in ORG_WORDS:
            return None
        return Speaker(owned.group("org"), owned.group("org"), owned.start("org"))

    def _person_at(self, at: int) -> Mention | None:
        """The person whose name (with its title) starts exactly at ``at``."""
        named = self.reg.mentions_between(at, at + 60)
        if named and named[0].title_start == at and named[0].entity.person:
            return named[0]
        return None

    def speaks_after(self, mention: Mention) -> bool:
        """A speech verb follows the name, directly ("Mr. Hannity said") or after its appositive ("Sam Lau, the
        party's communications director said")."""
        body = self.body
        nxt = body[mention.end: mention.end + 30].split()[:3]
        if any(w.strip(",.").lower() in SPEECH_VERBS for w in nxt):
            return True
        return bool(_APPOSITIVES_VERB_RE.match(body, mention.end) or _OPEN_APPOSITIVE_RE.match(body, mention.end))

    def closing_stop(self, pos: int) -> str:
        """The punctuation that ends the quote whose closing mark ends at ``pos`` ("." in “… campaign.”)."""
        return self.body[max(0, pos - 4): pos].rstrip("”’\"' »")[-1:]

    def _clause_subject(self, start: int, before: str) -> Mention | None:
        """The subject of the clause that ends at the verb, when an introductory phrase precedes it ("At a
        rally for Ted Cruz yesterday, Beck said"): the nearest comma-free stretch before the verb, unless
        that stretch is a relative clause or an appositive ("Clinton, who beat Sanders, said")."""
        cut = max(before.rfind(","), before.rfind(";"), before.rfind("—"))
        if cut < 0:
            return None
        clause = before[cut + 1:]
        first = clause.split()[:2]
        if len(first) == 2 and first[0].lower() in ("but", "and", "yet") and first[1][:1].isupper():
            first = first[1:]  # "…, but Parry explained:": a new clause, with its own subject
        if not first or first[0].lower() in _CLAUSE_NOT_SUBJECT:
            return None
        found = None
        for mention in self.reg.mentions_between(start + cut + 1, start + len(before)):
            if self.reg.subject_like(mention):
                found = found or mention
        return found

    def _coordinated_subject(self, start: int, before: str) -> Mention | None:
        """Ted Cruz accuses Obama of “leading from behind” and Donald Trump says he’s “losing the war”: after
        a quote and "and", the name right before the verb is the subject of a clause of its own."""
        named = self.reg.mentions_between(start, start + len(before))
        if not named:
            return None
        last = named[-1]
        if self.body[last.end: start + len(before)].strip() or not last.entity.person:
            return None
        if _AFTER_QUOTE_AND_RE.search(self.body, start, last.title_start) is None:
            return None
        return last

    def attributed_after(self, pos: int, limit: int) -> bool:
        """Words right after the closing mark at ``pos`` attribute the quote ("… the note says", "…, said one of
        the advisers"), whether or not they name anyone."""
        seg = self.body[pos: sentence_end(self.body, pos, limit)]
        m = _TAIL_SUBJECT_RE.match(seg)
        return (m is not None and len(m.group("np").split()) <= 6) or _TAIL_VERB_RE.match(seg) is not None

    def main_subject(self, start: int, end: int) -> Speaker | None:
        """The person a sentence running ``start`` .. ``end`` is about: its first subject-like person, or a
        capitalised name that opens it (after an introductory phrase) followed by a verb; a he / she that
        opens it refers back."""
        m = _OPENING_PRONOUN_RE.match(self.body, start, end)
        if m is not None:
            return self.noun_phrase(m.start(1), m.end(1))
        opening = None
        for mention in self.reg.mentions_between(start, end):
            if mention.entity.person and self.reg.subject_like(mention):
                if not self.reg.in_opening_clause(start, mention):
                    return self.named(mention)
                opening = opening or mention  # "When Trump used the words, “…”": no other subject follows
        if opening is not None:
            return self.named(opening)
        m = _OPENING_NAME_RE.match(self.body, start, end)
        if m is None or _key_word(m.group(1).split()[0]) in _NOT_OPENING_NAME or _key_word(
                m.group(1).split()[-1]) in _DOC_NOUNS:
            return None  # "Transcript as follows:", "Outside the arena, protesters …" name no one
        mention = self.reg.mention_at(m.start(1))
        if mention is not None and self.reg.qualifies(mention):
            return None  # "Poe supporters cheered, chanting “…”": the supporters, not Poe
        nxt = self.body[m.end(1): m.end(1) + 20].split()[:1]
        if mention is None and nxt and nxt[0].strip(".,:") in _DOC_OR_TEXT_NOUNS and not any(
                at == m.start(1) for at, _ in self.reg.orgs):
            return None  # "Partial transcript as follows:": an adjective of the text, no one's name
        return self.noun_phrase(m.start(1), m.end(1))

    def head(self, start: int, end: int) -> Speaker | None:
        """Attribution before an opening mark in the same sentence, ``start`` .. ``end``."""
        seg = self.body[start:end]
        introduced = seg.rstrip().endswith((",", ":"))  # a comma or a colon introduces the quote
        m = _INVERTED_RE.match(seg)
        verb = m.group(1).lower() if m else ""
        # (a base form opening the sentence is an imperative or a noun, no inverted attribution: "State calls
        # … ‘…’", "Tell them: “…”"; inverted verbs are finite: "Said X", "Adds X")
        base = verb in SPEECH_VERBS and any(verb + e in SPEECH_VERBS for e in ("s", "d", "ed")) and verb != "read"
        if m and verb in SPEECH_VERBS and verb not in WEAK_VERBS and not base:
            # "Said Dorothy Poynter, who grew up with him, “…”" / "Continued Stone: “…”"
            sp = self.noun_phrase(start + m.start(2), start + m.end(2))
            if sp is not None and sp.name:
                return sp
        m = _OWNER_MESSAGE_RE.search(seg) if introduced else None
        if m is not None:
            sp = self._owner(start + m.start("owner"), start + m.end("owner"))
            if sp is not None:
                return sp
        m = _CALLED_FOR_RE.search(seg)
        if m is not None:
            # "Gov. Jane Roe has also broadly called for “boots on the ground”": the words she called for are hers
            named = self.reg.mention_in(start, start + m.start())
            if named is not None and named.entity.person and named.end == start + m.start() and (
                    self.reg.subject_like(named)):
                return self.named(named)
        if seg.rstrip().endswith(("--", "—", "–")):
            # "including the former candidate Mitt Romney -- ‘It is disqualifying …’ --": the name just before
            named = self.reg.mention_in(start, end)
            if named is not None and named.entity.person and not self.body[named.end: end].strip(" \u00a0-—–"):
                return self.named(named)
            if _SUBJECT_VERB_DASH_RE.search(seg):
                # "When Trump finally wrapped up — “I will fight for you!” — the balloons …": the words break into
                # the clause of the one who said them
                sp = self.main_subject(start, end)
                if sp is not None and sp.name and (ent := self.reg.by_name(sp.name)) is not None and ent.person:
                    return sp
        # ("in a written statement", "an emailed statement": a participle after a determiner is an adjective)
        # ("Clinton’s emails, “…”": a plural noun after a possessive, before a quote the comma introduces)
        verbs = [v for v in _HEAD_VERB_RE.finditer(seg) if not _nominal(v.group(), seg[: v.start()], introduced)]
        for v in reversed(verbs):
            # "according to X, “…”" / "said Rep. X: “…”": the speaker follows the verb
            after = seg[v.end():]
            m = re.match(r"\s+((?:(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|[A-Z])\.\s*|[^,;:!?\n(.])+)[,:]?\s*$", after)
            addressee = v.group().lower() in _ADDRESSEE_VERBS  # "told Fox News," names the listener
            according = v.group().lower().startswith("according")
            prev = seg[: v.start()].split()[-1:]
            if addressee and v is verbs[-1] and prev and prev[0] in _PASSIVE_AUX and introduced:
                # "Roe was asked by host Mark Doe, who backs her, “…?”": the agent asks; "Roe was asked, “…?”":
                # someone unnamed does, not the subject
                by = re.match(r"\s+by\s+([^,;:!?\n(]+)", after)
                sp = self.noun_phrase(start + v.end() + by.start(1), start + v.end() + by.end(1)) if by else None
                return sp if sp is not None else Speaker(None, " ".join(seg[: v.end()].split()[-2:]), start + v.start())
            # ("said Thursday on Twitter, “…”", "responds to Mills with, “…”": no speaker after the verb)
            adverbial = m is not None and not according and _ADVERBIAL_START_RE.match(m.group(1)) is not None
            if m and not addressee and not adverbial and (according or introduced):
                sp = self.noun_phrase(start + v.end() + m.start(1), start + v.end() + m.end(1))
                if sp is not None:
                    return sp
            if according:
                m2 = re.match(r"\s+([^,;:!?\n]{1,60}?)(?:,|$)", after)
                if m2:
                    sp = self.noun_phrase(start + v.end() + m2.start(1), start + v.end() + m2.end(1))
                    if sp is not None:
                        return sp
                continue
            before = seg[: v.start()]
            last = before.split()[-1:]
            if v.group().lower().endswith("ing") and (
                    before.rstrip().endswith(",") or (last and last[0] in _PARTICIPLE_CUES)):
                # "Spicer said, adding, “…”" / "Sanders compared himself to Clinton, saying, “…”": the
                # participle's subject is the main clause's, not the name nearest to it
                if v is not verbs[0]:
                    continue
                sp = self.main_subject(self.sentence_of(start), start + v.start())
                if sp is not None:
                    return sp
            words = before.split()
            while words and words[-1].lower() in AUXILIARIES:
                words.pop()
            last = words[-1].lower().rstrip("’'s") if words else ""
            who = _NAME_WHO_RE.search(before) if last == "who" else None
            if who is not None and before[: who.start(1)].split()[-1:] in (["of"], ["in"], ["at"]):
                who = None  # ("Princess X of Romania, the daughter of ex-King Y of Romania, who said": not a place)
            if who is not None and " and " in who.group(1) and before[: who.start(1)].rstrip().endswith(","):
                # ("Will Smith, Patti LaBelle and Stevie Wonder, who joked": the end of a list; the last one)
                who = _NAME_WHO_RE.search(before, who.start(1) + who.group(1).index(" and ") + 5)
            if who is not None:
                # "… Patti LaBelle and Stevie Wonder, who joked, “…”", "this tweet from Jane Roe who tweeted, “…”": the
                # name the relative clause is about
                named = self.reg.mention_in(start + who.start(1), start + who.end(1) + 1)
                if named is not None and named.entity.person and named.end == start + who.end(1) and (
                        " and " not in who.group(1)):
                    return self.named(named)
                sp = self.noun_phrase(start + who.start(1), start + who.end(1))
                if sp is not None and sp.name:
                    return sp
            if last in PRONOUNS_MALE or last in PRONOUNS_FEMALE or last in PRONOUNS_OTHER:
                at = before.rfind(words[-1])
                sp = self.noun_phrase(start + at, start + at + len(words[-1]))
                if sp is not None:
                    return sp
            if words and words[-1].lower() in ("and", "but") and v is verbs[-1]:
                # "She tells the story of how he wooed her … and recites, … the line: “…”": a second verb of the
                # sentence's subject ("When Robby Mook was asked …, he laughed and said": the pronoun's)
                m = _PRONOUN_AND_RE.search(before)
                if m is not None:
                    sp = self.noun_phrase(start + m.start(1), start + m.end(1))
                    if sp is not None and sp.name:
                        return sp
                sp = self.main_subject(self.sentence_of(start), start + v.start())
                if sp is not None and sp.name:
                    return sp
            appositive = _APPOSED_BEFORE_VERB_RE.search(before)
            if appositive is not None:
                # "The Shadow Secretary of State for the Family, Theresa May, said:": the name set off by commas
                person = self.reg.mention_in(start + appositive.start(1), start + appositive.end(1))
                if person is not None and person.entity.person:
                    return self.named(person)
            lead = _SUBJECT_SET_OFF_RE.match(before) if before.rstrip().endswith(",") and not v.group().endswith(
                "ing") else None
            first = lead.group(1).split()[0] if lead is not None else ""
            if lead is not None and _key_word(first) not in _NOT_OPENING_NAME and not (
                    first.lower().endswith(("ing", "ed", "ly")) or first.isupper() or " and " in lead.group(1)
                    or self._person_at(start + v.end() + len(after) - len(after.lstrip())) is not None):
                # ("Ultimately, there will be, says Mr X, …": the verb's subject follows it)
                # "Others, reacting to the Mark Doe shooting, shouted, “…”": the subject before the phrase set off
                # by commas, not a name inside the phrase
                sp = self.noun_phrase(start + lead.start(1), start + lead.end(1))
                if sp is not None and sp.name:
                    return sp
            mention = self._coordinated_subject(start, before) or self._clause_subject(start, before)
            unnamed = _UNNAMED_SUBJECT_RE.search(before) if not v.group().endswith("ing") and (
                _INTRODUCES_RE.match(after)) else None
            np_words = unnamed.group("np").split() if unnamed is not None else []
            while np_words and np_words[-1] in AUXILIARIES:
                np_words.pop()  # "The president also said"
            if any(w in SPEECH_VERBS or w in _FINITE_VERBS for w in np_words) or len(np_words) < 2 or (
                    np_words[0].lower() == "the" and np_words[-1] in _WRITTEN_NOUNS):
                unnamed = None  # ("the company says the article continues": a clause; "the minutes added": a text)
            if mention is None and unnamed is not None:
                # "…, when a young boy shouted, “…”": that one, not a name elsewhere in the sentence
                np_end = start + unnamed.start("np") + len(" ".join(np_words))
                sp = self.noun_phrase(start + unnamed.start("np"), np_end)
                if sp is not None or np_words[0].lower() != "the" or np_words[-1].endswith("s"):
                    return sp if sp is not None else Speaker(None, self.body[start + unnamed.start("np"): np_end],
                                                             start + unnamed.start("np"))
            if mention is None and not _TITLE_CLAUSE_RE.search(before):
                # ("Writing in the Northern Echo, the Bishop said": the title is the subject, below)
                mention = self.reg.first_mention_in(start, start + len(before))
            if mention is not None and not self._describes(mention) and not self.reg.qualifies(mention):
                return self._owned_org(mention, start + len(before)) or self.named(mention)
            cut = max(before.rfind(","), before.rfind(";"), before.rfind(":"), before.rfind("—"))
            np_start = cut + 1
            words = before[np_start:].split()
            while words and words[-1].lower() in AUXILIARIES:
                words.pop()
            while words and (not words[0][:1].isalnum() or (len(words) > 2 and words[0].lower() in (
                    "but", "and", "so", "yet", "or"))):
                words.pop(0)  # "~ As Vulture put it", "But as The Hill pointed out"
            if len(words) > 1 and words[0].lower() == "as":
                words.pop(0)  # "As Vulture put it, “…”": the subject of 'as … put it'
            if not words:
                continue
            if len(words) > 6:
                words = words[-4:]
            np_text = " ".join(words)
            np_pos = before.rfind(np_text)
            if np_pos < 0:
                continue
            sp = self.noun_phrase(start + np_pos, start + np_pos + len(np_text))
            if sp is not None:
                return sp
        if seg.rstrip().endswith(":"):
            # "Frank Newport and Jim Harter: “…”", a headline "Trump Addresses Munich Attack: ‘…’"
            mention = self.reg.first_mention_in(start, end)
            if mention is not None and mention.entity.person:
                return self.named(mention)
            m = _NAME_COLON_RE.match(seg)
            if m and m.group(1).split()[0].lower().rstrip(".") not in STOP_CAPS:
                # a headline "Kasich: ‘We Are Going …’": the name alone, as the article spells it elsewhere
                ent = self.reg.by_word(m.group(1).split()[-1])
                name = ent.canonical if ent is not None and ent.person else m.group(1)
                return Speaker(name, m.group(1), start + m.start(1))
            # "the Illinois Board of Elections was conclusive in its findings: “…”": the sentence's subject
            sp = self.main_subject(start, end)
            if sp is not None and sp.name:
                return sp
        if introduced and _MESSAGE_RE.search(seg):
            # "Trump issued a statement, “…”" / "When Trump used the words, “…”": the subject's own message
            sp = self.main_subject(self.sentence_of(start), end)
            if sp is not None and sp.name:
                return sp
        if introduced:
            # "He then adopted an accent and joked, “…”" / "She then addressed them again: “…”": the
            # pronoun that opens the sentence is the subject of the verb that introduces the quote
            m = _OPENING_PRONOUN_RE.match(seg)
            if m:
                sp = self.noun_phrase(start + m.start(1), start + m.end(1))
                if sp is not None and sp.name:
                    return sp
        return None
