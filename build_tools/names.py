"""What a person's name is made of: given names (gender-guesser's list of about 40,000
first names from many countries) and the titles written before a name. The converter
strips titles from names; the archive's identity knows which titles are never surnames."""

from __future__ import annotations

import re
from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


@lru_cache(maxsize=65536)
def _gender(word: str) -> str:
    """gender-guesser's answer for a word (asked tens of thousands of times a build)."""
    return _detector().get_gender(word)


def given_name(word: str, strict: bool = False) -> bool:
    """Whether word is a known first name; ``strict``: known only as one (``David``, not
    ``Kim`` or ``Blair``, which the list marks as mostly or either)."""
    gender = _gender(word)
    return gender in {"male", "female"} if strict else gender not in {"unknown", "andy"}


#: First names that are also words news writes capitalised at a sentence's start and
#: lower case elsewhere: a person's when written mid-sentence ("centre Will Greenwood",
#: "singer Will Young"). Not the first-name list's loose entries: it calls "His", "One",
#: "Even" and "Just" first names too.
WORD_FIRST_NAMES = frozenset({"Will"})


def sex(word: str) -> str | None:
    """ "male" or "female" for a first name the list gives mostly to one sex, else None."""
    gender = _gender(word)
    return gender.removeprefix("mostly_") if gender.endswith("male") else None


#: Capitalised words the first-name list calls first names that are none before a
#: surname in the news: months and days ("June Grewcock"), words that start sentences
#: ("Will", "Said", "Mark"), seasons and feasts, offices and ranks, compass points.
NOT_GIVEN = frozenset({
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
    "Saturday", "Sunday", "Will", "Said", "Mark", "Bill", "Grant", "Rich", "Young", "Long",
    "Summer", "Christmas", "Easter", "Chase", "Hope", "Faith", "Major", "Prime", "General",
    "President", "Sir", "Lord", "King", "Queen", "Prince", "Saint", "St", "New", "North",
    "South", "East", "West", "Star", "Sun", "Sky", "Sunny", "Page", "Section", "Chapter",
})  # fmt: skip


#: Demonyms and nationality adjectives before a name ("Briton Clive Owen", "Frenchman").
DEMONYM = r"(?:(?:French|English|Scots|Welsh|Irish|Dutch|Cornish|Manx)(?:man|woman|men)|Briton|Spaniard|Swede|Dane|Scot|American|British|French|German|Italian|Spanish|Irish|Scottish|Welsh|English|Australian|Canadian|Russian|Chinese|Japanese|Dutch|Swedish|Norwegian|Danish|Belgian|Swiss|Austrian|Brazilian|Argentine|Argentinian|Mexican|Indian|Pakistani|Kenyan|Nigerian|South African|New Zealander|Kiwi|Aussie|Polish|Czech|Greek|Turkish|Portuguese|Croatian|Serbian|Romanian|Ukrainian|Israeli|Iranian|Iraqi|Egyptian|Jamaican|Cuban)"  # noqa: E501
_DEMONYM = re.compile(DEMONYM)


def demonym(word: str) -> bool:
    """Whether a word is a demonym or a nationality's adjective (``DEMONYM``)."""
    return _DEMONYM.fullmatch(word) is not None


#: Ranks and offices in the short forms British papers write without a full stop ("Prof
#: Reddy", "Gen Musharraf", "Sen John McCain", "Det Ch Insp Mark Jones"): titles before a
#: name, not roles. Not "PC" or "DC", which start names too (PC World, DC United).
SHORT_RANKS = frozenset(
    {"prof", "gen", "capt", "maj", "sgt", "cpl", "pte", "adm", "cmdr", "brig", "rev", "revd",
     "det", "insp", "supt", "ch insp", "ch supt", "sen", "gov", "col"}
)  # fmt: skip
#: The short ranks that are no name alone either ("Insp"); "Sen", "Gov" and "Col" are (Mr
#: Sen, Hun Sen).
RANKS_ALONE = SHORT_RANKS - {"sen", "gov", "col"}

#: Titles and roles written before a person's name (a set: the converter asks of every
#: word; regexes built from it put the longest first).
TITLES = frozenset(
    {
    "president", "vice president", "president-elect", "prime minister", "deputy prime minister",
    "secretary of state", "secretary", "secretary-general", "secretary general",
    "foreign minister", "vice foreign minister", "deputy foreign minister", "defense minister",
    "defence minister", "finance minister", "interior minister", "minister", "chancellor",
    "senator", "sen.", "sens.", "representative", "rep.", "reps.", "congressman", "congresswoman",
    "governor", "gov.", "lt. gov.", "mayor", "ambassador", "envoy", "judge", "justice",
    "chief justice", "attorney general", "attorney", "mr.", "mrs.", "ms.", "miss", "mr", "mrs",
    "ms", "dr.", "dr", "prof.", "professor", "gen.", "general", "lt.", "lt", "col.", "colonel",
    "maj.", "major", "capt.", "captain", "sgt.", "sergeant", "adm.", "admiral", "cmdr.",
    "commander", "cpl.", "pvt.", "officer", "detective", "insp.", "inspector", "chief",
    "king", "queen", "prince", "princess", "crown prince", "crown princess", "pope", "rev.",
    "reverend", "father", "bishop",
    "archbishop", "cardinal", "rabbi", "imam", "sheikh", "ayatollah", "sir", "dame", "lord",
    "lady", "baroness", "baron", "chairman", "chairwoman", "chair", "premier", "speaker",
    "leader", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "director",
    "spokesman", "spokeswoman", "spokesperson", "st.", "u.s.", "former", "late", "acting",
    "deputy", "assistant", "special", "special envoy", "special representative", "chief executive",
    "ceo", "president and ceo", "first lady", "dj", "mp", "mep", "councillor", "cllr",
    "cllr.", "councilman", "councilwoman",
    # Occupations and descriptions headline writers put before a name ("Rapper Kanye West").
    "rapper", "singer", "actor", "actress", "comic", "comedian", "comedy", "star", "veteran",
    "presenter", "broadcaster", "author", "writer", "novelist", "poet", "artist", "designer",
    "film-maker", "filmmaker", "producer", "musician", "guitarist", "drummer", "dancer",
    "model", "chef", "tycoon", "billionaire", "businessman", "businesswoman", "entrepreneur",
    "boss", "chief executive officer", "chairman and chief executive", "founder", "analyst",
    "economist", "scientist", "doctor", "lawyer", "barrister", "solicitor",
    "campaigner", "activist", "fellow", "team-mate", "teammate", "winger",
    "forward", "full-back", "fly-half", "scrum-half", "flanker", "prop", "hooker", "lock",
    "centre", "skipper", "sprinter", "hurdler", "athlete", "champion", "world champion",
    "olympic champion", "boxer", "golfer", "cyclist", "jockey", "trainer", "referee", "umpire",
    "batsman", "bowler", "keeper", "shadow chancellor", "home secretary", "foreign secretary",
    "culture secretary", "tory", "labour", "lib dem", "conservative", "liberal democrat",
    "physio", "physiotherapist", "assistant manager", "owner",
    # Positions of cricket, rugby and North American sports ("spinner Kunal Rawat", "wing
    # Sibusiso Mkhize", "quarterback Cody Lindgren").
    "spinner", "seamer", "opener", "paceman", "all-rounder", "wicketkeeper", "wicket-keeper",
    "wing", "quarterback", "pitcher", "shortstop", "linebacker", "goaltender", "goalie",
    "defenceman", "defenseman",
    # Offices and honorifics of Irish and Nigerian news ("Tánaiste Micheál Martin",
    # "Alhaji Musa Danladi").
    "taoiseach", "tánaiste", "tanaiste", "alhaji", "alhaja",
    # Police and local offices ("Assistant Chief Constable David Warcup", "Superintendent
    # Pedro", "Councilmember Eunisses Hernandez").
    "constable", "chief constable", "superintendent", "chief superintendent", "commissioner",
    "councilmember", "council member", "alderman", "alderwoman", "assemblyman",
    "assemblywoman", "assemblymember", "sheriff",
    }
) | SHORT_RANKS  # fmt: skip
#: The one-word roles of ``TITLES``: what a person is, written just before the name
#: ("England coach X", "Balco boss X"); not "former", "acting" and such, courtesy titles,
#: ranks that are also words ("general", "major") or a party's name.
ROLES = frozenset(
    title for title in TITLES if title.isalpha() or ("-" in title and " " not in title)
) - {"former", "late", "acting", "deputy", "assistant", "special", "labour", "tory",
     "conservative", "miss", "mr", "mrs", "ms", "dr", "sir", "dame", "lord", "lady", "father",
     "fellow", "model", "comedy", "general", "major", "justice", "alhaji", "alhaja",
     *SHORT_RANKS}  # fmt: skip

#: The roles that a business, a club or a country takes too, written just before its name
#: ("market leader Nokia", "oil producer Yukos", "champion Chelsea", "premier Wen",
#: "broadcaster Virgin Radio", "owner Yeahronimo Media Ventures", "industry analyst
#: Jupiter Research"): no sign that the name after them is a person's.
BODY_ROLES = frozenset(
    {"analyst", "boss", "broadcaster", "chair", "champion", "chief", "designer", "director",
     "economist", "founder", "king", "leader", "manager", "officer", "owner", "premier",
     "producer", "representative", "star", "trainer", "veteran"}
)  # fmt: skip

#: Titles that are never surnames: alone, or glued to a name ("Beatle Sir"), they name no
#: one (King, Prince, Lord and Major are surnames too: Mervyn King; "Insp" is none).
NOT_SURNAMES = frozenset({"sir", "dame", "lady", "queen", "princess"}) | RANKS_ALONE
assert TITLES >= NOT_SURNAMES


def written_in_lower_case(word: str, text: str) -> bool:
    """Whether a Title-case word is one the same text also writes in lower case: a word,
    not a name ("Trade", "Freedom"; "Time Warner Inc. ... Time magazine ... in time")."""
    if word.isupper() or not word.isalpha():
        return False
    return word.lower() in _lower_words(text)


@lru_cache(maxsize=8)
def _lower_words(text: str) -> frozenset[str]:
    """The words of a text written in lower case (once per text, not once per name)."""
    return frozenset(re.findall(r"\b[a-z]\w*\b", text))
