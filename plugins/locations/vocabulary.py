"""General English vocabulary the location rules use (titles, function words, newspaper heads)."""

from __future__ import annotations

from pathlib import Path

_DATA = Path(__file__).resolve().parent / "data"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words that turn "X region" / "region of X" into the admin-1 region.
REGION_WORDS = ("region", "oblast", "province", "governorate", "prefecture", "voivodeship", "krai", "oblasts")

# Titles before a person's name: "President Lincoln", "Mr Jordan".
TITLES = _words(
    """Mr Mrs Ms Miss Dr Prof President Gen General Sen Senator Rep Representative Gov Governor Mayor
    Minister Secretary Judge Justice Rev Sir Dame Lord Lady King Queen Prince Princess Pope Saint
    Coach Captain Capt Lt Col Colonel Sgt Sergeant Officer Detective Chief Commissioner Ambassador
    Chancellor Premier Pastor Father Brother Sister Uncle Aunt Spokesman Spokeswoman"""
)

# Second words that make "<place> X" the name of a newspaper or broadcaster.
MEDIA_HEADS = _words(
    """Times Post Journal Herald Tribune Daily Gazette Chronicle Independent Telegraph Observer Express
    Mirror Guardian Today Star Sun Globe Courier Examiner Inquirer Register Dispatch Bulletin
    Sentinel Enquirer Review Monitor Reporter Press Record Democrat Republican Advertiser Argus
    Standard Mail Recorder Beacon Ledger Pravda Weekly"""
)

# Capitalised words that start sentences or headings and never are given names.
FUNCTION_WORDS = _words(
    """a an the in on at of for from to by with and or but as near into onto over under after before
    since during between across around outside inside through throughout towards toward about
    against among amid via per if when while where though although because so yet not no nor
    this that these those his her its their our my your we they he she it i you"""
)

# Verbs that make a capital city the government acting (metonymy): "Moscow said", "Kyiv denied".
AGENT_VERBS = _words(
    """said says say claimed claims denied denies announced announces accused accuses warned warns
    insisted insists ordered orders captured captures launched launches responded responds rejected
    rejects agreed agrees refused refuses sent sends wants wanted demanded demands threatened
    threatens retaliated retook recaptured withdrew seized annexed invaded condemned blamed
    believes believed hopes hoped vowed confirmed confirms admitted admits has had have"""
)
# Nouns after a capital's possessive that make it the state acting: "Moscow's forces".
AGENT_NOUNS = _words("forces troops army government officials authorities leadership military regime")

# Buildings that stand for the people who work in them ("the White House said"): canonical names.
SEATS_OF_POWER = frozenset({"White House"})
# Nouns after a seat of power that make it the institution: "White House officials", "spokesman".
INSTITUTION_NOUNS = _words(
    """official officials spokesman spokeswoman spokesperson press staff aide aides adviser advisers
    advisor advisors counsel chief source sources statement team budget lawyer lawyers correspondent
    official's policy plan plans"""
)
# Words before "(the) <seat of power>" that make it the building: "outside the White House".
LITERAL_BEFORE = _words(
    """at in inside outside into to near from around toward towards on across past visit visits
    visited visiting leave leaves left leaving enter entered entering reached toured"""
)


def _given_names() -> frozenset[str]:
    lines = (_DATA / "given_name_places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


# Place names that are also common given names ("Jordan Peterson").
GIVEN_NAME_PLACES = _given_names()

# Head nouns that make "<Capitalised words> X" a street, building or other named facility:
# "Royal Street", "Manila Cathedral", "Dubai World Trade Centre", "Guma Local Government Area".
# ("House", "University", "College", "Office" are left out: mostly organisations in news text.)
FACILITY_HEADS = (
    "Street", "St.", "Avenue", "Ave.", "Road", "Rd.", "Boulevard", "Blvd.", "Lane", "Highway", "Freeway",
    "Expressway", "Square", "Plaza", "Park", "Bridge", "Tunnel", "Cathedral", "Church", "Chapel", "Mosque",
    "Temple", "Synagogue", "Basilica", "Abbey", "Hospital", "Airport", "Station", "Stadium", "Arena",
    "Centre", "Center", "Estate", "Canal", "Gardens", "Palace", "Castle", "Mountains", "Hills", "Valley",
    "Island", "Islands", "Peninsula", "River", "Bay", "Beach", "Creek", "Harbour", "Harbor", "Racecourse",
    "Prison", "Forest", "Delta", "Township", "County", "Parish", "District", "Local Government Area", "LGA",
    "Hall", "Mall", "Market", "Pier", "Wharf", "Heights",
)

# Capitalised words after a place's name that make it part of a team's, an organisation's or a
# place's own longer name ("Chester City", "Dudley Council", "Kerry Group"), not a surname.
ORG_HEADS = _words(
    """Association Institute Institution Society Group Council Foundation Federation Union Company
    Corporation Corp Agency Authority Commission Committee Trust Party League Board Bank Club Academy
    School University College Museum Gallery Zoo Orchestra Festival Fund Partnership Network Alliance
    Organisation Organization Service Services Industries Holdings Airways Airlines Ltd Plc Inc Police
    Constabulary Cup Trophy Open Championship Championships Games Prize Award Awards International
    Masters Classic Marathon Grand Film"""
)
# Words of a place's own administrative name: "Reading Borough Council" is the town's council.
PLACE_TYPE_WORDS = _words(
    """City Town County Borough District Metropolitan Municipal Regional Region State Area Village Parish
    United Rovers Athletic Wanderers Albion Wednesday Olympic North South East West Central Greater"""
)
# Particles between a given name and a surname: "Luca di Montezemolo", "Ludwig van Beethoven".
NAME_PARTICLES = _words("di de da del della degli van von der den du dos das do ter ten")
# Capitalised words that make a run of capitalised words a title ("How Green Was My Valley"),
# not a name: a place's or a facility's name is not made of questions, verbs and pronouns.
TITLE_WORDS = _words(
    """how what why who when where which was were is are am be been my your his her our their its me
    you we he she they do does did can could will would shall should must not"""
)
