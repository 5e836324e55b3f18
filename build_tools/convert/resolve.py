"""Candidate mentions -> canonical people, places and organizations for one document.

The rules, in order:

1. tidy each span: drop a leading ``the``, a possessive, and titles before a person's name
   (``President Donald Trump`` -> ``Donald Trump``);
2. fix model slips: a title fragment tagged as an organization (``Secretary of State Mike
   Pompeo`` -> no ``State``), a headline fragment (an organization in the title that the
   body never mentions), a surname tagged as an organization or place (``Biegun``), two
   people joined by ``and`` (``Biegun and Choe``);
3. one canonical name per person: a name made of tokens of exactly one fuller name joins it
   (``Biegun`` -> ``Stephen Biegun``); one that fits two people (``Kim``) joins neither and
   is left out;
4. places through the gazetteer (``U.S.`` and ``the United States`` -> ``United States``),
   organizations by acronym and by shorter form (``NATO``, ``State Department``);
5. corrections from the source header (``add`` / ``drop``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache

from build_tools.archive.identity import (
    CLUB_WORDS,
    HEAD_WORDS,
    LEGAL_FORMS,
    LEGAL_SUFFIXES,
    apostrophe_name,
    document_names,
    holds_word_of,
    names_with_words,
    own_possessive,
    word_index,
)
from build_tools.archive.identity import name_tokens as _tokens
from build_tools.convert.clean import SCORE_RESULT, WIRE_RESULT
from build_tools.convert.nlp import Candidate, stop_words
from build_tools.gazetteer import Gazetteer, gazetteer
from build_tools.model import SECTION, Extraction, Kind, Mention, Place
from build_tools.names import (
    BODY_ROLES,
    DEMONYM,
    NOT_GIVEN,
    RANKS_ALONE,
    ROLES,
    TITLES,
    WORD_FIRST_NAMES,
    demonym,
    given_name,
    written_in_lower_case,
)

KIND_OF_LABEL: dict[str, Kind] = {
    "PERSON": "person",
    "GPE": "place",
    "LOC": "place",
    "ORG": "organization",
}
_LEADING = {*TITLES, *(f"{t}s" for t in TITLES if t.isalpha()), "tories", "tory"}
#: A nationality before a capitalised word: "Briton Clive Owen", "American Davenport".
_NATIONALITY_BEFORE = DEMONYM + r"\s+(?=[A-Z])"
_TITLE_RE = re.compile(
    r"^(?:(?i:"
    + "|".join(re.escape(t) for t in sorted(_LEADING, key=len, reverse=True))
    + r")\s+|"
    + _NATIONALITY_BEFORE
    + r")+"
)
_ROLE_BEFORE = re.compile(
    r"(?:secretary|minister|ministry|department|secretaries)\s+(?:of\s+)?(?:the\s+)?$", re.I
)
#: "Secretary of" before the "organization" "State": the rest of an office's name ("the
#: Secretary of State for Wales"), no body (not "general secretary of Unite").
_OFFICE_OF = re.compile(r"Secretar(?:y|ies) of $")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_NAME_TOKEN = re.compile(r"[^\W\d_][\w.'’-]*", re.UNICODE)
_JUNK = re.compile(r"^[\W\d_]*$|https?:|www\.|@")
#: Three or more words of one to three capitals: the columns of a results table.
_TABLE_HEADER = re.compile(r"(?:[A-Z]{1,3} ){2,}[A-Z]{1,3}")
#: "AT" or "VS" in capitals before a name in capitals, and "IN" before a known place: a
#: fixture list's "KANSAS CITY AT DETROIT", where the model takes "AT DETROIT" for a
#: name (not "ON SEMICONDUCTOR", "V FESTIVAL": other words in capitals start names).
_CAPITAL_LINK = re.compile(r"(?:AT|VS|IN) (?=[A-Z])")


_AGENCIES = r"AP|Reuters|AFP|UPI|Xinhua|CNN|dpa|DPA|Bloomberg|VOA|BBC|TASS|Itar-Tass|Kyodo|Yonhap"
_DATELINE = re.compile(
    r"^[ \t]*(?P<place>[A-Z][A-Z.'’\- ]*[A-Z.])(?:[ \t]*,[ \t]*(?P<region>[A-Z][A-Za-z.'’\- ]*?))?"
    r"[ \t]*\((?P<agency>" + _AGENCIES + r")\)[ \t]*(?:--|—|–|_|-|:)?",
)
_DATED_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]*[A-Z.])(?:[ \t]*,[ \t]*(?P<region>[A-Z][A-Za-z.'’\- ]*?))?"
    r"[ \t]+\d{4}-\d{2}-\d{2}[ \t]*$",
    re.MULTILINE,
)
#: A newspaper's own dateline, a dash after the place in capitals and its state or country
#: ("BOISE, Idaho — The council ...", "NAIROBI — "): its first paragraph's start, taken
#: when the gazetteer knows the place or its region (not a heading's "IPO FILING --").
_DASH_LINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’\- ]*[A-Z.])(?:,[ \t]*(?P<region>[A-Z][A-Za-z.'’\- ]*?))?"
    r"[ \t]+(?:—|–|--)[ \t]",
    re.MULTILINE,
)
#: A sentence after the dash, not a team sheet's or a preview's ("LIVERPOOL — Out:
#: Alisson", "IRELAND — H Keenan; C Nash", "NEW ZEALAND — 245 all out": a reviewer's).
_DATELINE_SENTENCE = re.compile(r"[A-Z][a-z]*\b")


def _first_paragraph(text: str, dashed: re.Match[str]) -> bool:
    """Whether a dash dateline starts the text's first paragraph after its title and a
    sentence follows it."""
    title_end = text.find("\n")
    first = re.search(r"\S", text[title_end:]) if title_end >= 0 else None
    if first is None or title_end + first.start() != dashed.start():
        return False
    head = text[dashed.end() : dashed.end() + 60]
    return bool(_DATELINE_SENTENCE.match(head)) and not re.search(r"[:;]", head[:30])


#: Dateline "places" that are organizations.
DATELINE_ORGANIZATIONS = frozenset({"UNITED NATIONS"})


def dateline(text: str) -> list[Candidate]:
    """Names in a wire dateline (``BUFFALO, N.Y. (AP) --``, ``LONDON 1996-08-30``) or a
    newspaper's (``BOISE, Idaho —``).

    Datelines are written in capitals, where the model is weakest; their shape is regular
    enough for a rule.
    """
    found = []
    match = _DATELINE.match(text)
    matches = [match] if match else []
    matches += [m for m in _DATED_LINE.finditer(text[:400]) if m.start() > 0 or not match]
    dashed = _DASH_LINE.search(text[:400])
    if not matches and dashed and _first_paragraph(text, dashed):
        places = gazetteer()
        region = dashed.group("region")
        if places.knows(dashed.group("place").title()) or (region and places.knows(region)):
            matches.append(dashed)
    for match in matches[:2]:
        place = match.group("place").strip()
        label = "ORG" if place in DATELINE_ORGANIZATIONS else "GPE"
        found.append(
            Candidate(match.start("place"), match.start("place") + len(place), place, label)
        )
        if match.group("region"):
            region = match.group("region").strip()
            start = match.start("region")
            found.append(Candidate(start, start + len(region), region, "GPE"))
        if "agency" in match.re.groupindex:
            found.append(
                Candidate(match.start("agency"), match.end("agency"), match.group("agency"), "ORG")
            )
    return found


#: A team sheet's item: a player (an initial, then one to four capitalised words), maybe a
#: minute ("Kezman 74", "Gerrard 79 og"), maybe a club, a captaincy or a substitute in
#: brackets ("G Thomas (Toulouse, capt)", "Gallas (Kezman 74)"); the closing bracket is
#: sometimes lost in copying.
_SHEET_WORD = r"[A-Z][\w'’.-]*[a-z]"
_SHEET_ITEM = re.compile(
    rf"(?P<name>(?:[A-Z]{{1,2}}\.? )?{_SHEET_WORD}(?: {_SHEET_WORD}){{0,3}})"
    r"(?: \d{1,3}(?: (?:og|pen))?)?"
    r"(?: ?\((?P<inside>[^()]*)\)?)?\.?"
)
_SHEET_LABEL = re.compile(r"[A-Z][\w ]{0,30}: ")
_MINUTE = re.compile(r"(?P<name>[A-Z][\w'’. -]*[a-z]) \d{1,3}(?:st|nd|rd|th)?(?: (?:og|pen))?")
#: A paragraph is a team sheet when it lists this many such items and little else.
SHEET_ITEMS = 5
#: A line-up's labels before its shorter lists, seen in football and rugby reports: "Subs
#: not used: Hamann, Harrison.", "Replacements: Fortey, Murphy, Daly ...". After one,
#: the items are players however few (the model read "Harrison" there as a place).
_BENCH_LABEL = re.compile(r"(?:Subs|Subs not used|Replacements): ", re.IGNORECASE)
#: Where a paragraph's next list starts, after its label ("... Ibehre. Subs Not Used:").
_NEXT_LABEL = re.compile(r"\.\s+(?=[A-Z][\w ]{0,30}: )")


def team_sheet(text: str) -> list[Candidate]:
    """The players and clubs of team sheets and scorer lists ("Cech, Paulo Ferreira, Terry,
    Gallas (Kezman 74) ...", "G Thomas (Toulouse, capt); K Morgan (Newport-Gwent) ..."),
    which the model reads as sentences: every item a person, a bracketed club an
    organization. Seen in the line-ups of football and rugby reports; a bench's list
    ("Subs not used: Hamann, Harrison.") however short, beside a sheet."""
    return [candidate for candidate, _ in _sheets(text)]


@lru_cache(maxsize=8)
def _sheets(text: str) -> tuple[tuple[Candidate, bool], ...]:
    """(Once per text: the kinds ask too.) ``team_sheet``'s candidates, each with whether
    a bench's list (``_BENCH_LABEL``) holds it. A paragraph's lists are read apart where
    a label starts the next ("... Ibehre. Subs Not Used: Morris, Wardley.")."""
    lists: list[tuple[int, str]] = []  # (start, text) of each list
    offset = 0
    for paragraph in text.split("\n"):
        cut = 0
        for match in _NEXT_LABEL.finditer(paragraph):
            lists.append((offset + cut, paragraph[cut : match.start() + 1]))
            cut = match.end()
        lists.append((offset + cut, paragraph[cut:]))
        offset += len(paragraph) + 1
    sheets: list[Candidate] = []
    benches: list[Candidate] = []
    for start, piece in lists:
        label = _SHEET_LABEL.match(piece)
        body_start = label.end() if label else 0
        items = [(m.start() + start, m.group(0)) for m in
                 re.finditer(r"[^,;]+", piece[body_start:])]  # fmt: skip
        items = [(at + body_start + len(item) - len(item.lstrip()), item.strip())
                 for at, item in items if item.strip()]  # fmt: skip
        bench = label is not None and _BENCH_LABEL.fullmatch(label[0]) is not None
        if bench:  # "Subs not used: None."
            items = [(at, item) for at, item in items
                     if item.rstrip(".").casefold() not in stop_words()]  # fmt: skip
        if len(items) < (1 if bench else SHEET_ITEMS):
            continue
        matched = [(at, _SHEET_ITEM.fullmatch(item)) for at, item in items]
        if sum(match is not None for _, match in matched) < 0.8 * len(items):
            continue
        found = benches if bench else sheets
        for at, match in matched:
            if match is None:
                continue
            found.append(Candidate(at, at + match.end("name"), match["name"], "PERSON"))
            inside = match["inside"]
            if inside and inside.strip():
                # "( Andreas Ogris 77th )", as Reuters spaces brackets: the name's own start
                where = at + match.start("inside") + len(inside) - len(inside.lstrip())
                inside = inside.strip()
                if substitute := _MINUTE.fullmatch(inside):
                    name = substitute["name"]
                    found.append(Candidate(where, where + len(name), name, "PERSON"))
                else:
                    club = inside.split(",")[0].strip()
                    if club[:1].isupper() and not club.isdigit():
                        found.append(Candidate(where, where + len(club), club, _side(club)))
    # A bench only beside a team sheet: a line-up's ("Subs: Paid." in prose is none).
    named = [(c, False) for c in sheets] + [(c, True) for c in benches if sheets]
    return tuple(sorted(named, key=lambda item: item[0].start))


def _bench_players(text: str) -> frozenset[tuple[int, int]]:
    """The (start, end) of the players a bench's list names (``_sheets``)."""
    return frozenset((c.start, c.end) for c, bench in _sheets(text)
                     if bench and c.label == "PERSON")  # fmt: skip


def _side(name: str) -> str:
    """The label of a team sheet's or a result's side: a country's (a national side, a
    place by the page rules) or a club's (an organization)."""
    places = gazetteer()
    national = places.canonical_name(name) in places.countries  # England's too
    return "GPE" if national else "ORG"


#: A result on a line of its own, as wire services list them: "Montrose 2 Ross County 1",
#: "Deportivo Coruna 1 Real Madrid 1" (the model takes many such clubs for people) ...
_RESULT_LINE = re.compile(rf"^[ \t]*{WIRE_RESULT}[ \t]*$", re.MULTILINE)
#: ... or as a round-up lists them: "Brighton 1-1 Norwich".
_SCORE_LINE = re.compile(rf"^[ \t]*{SCORE_RESULT}[ \t]*$", re.MULTILINE)


#: Result lines that make a results report: one or two lines may be an exit poll's.
RESULT_LINES = 4


@lru_cache(maxsize=8)
def result_lines(text: str) -> tuple[Candidate, ...]:
    """(Once per text: the team sheets and the kinds ask.) The two sides of each result
    line of a results report (``RESULT_LINES`` of them or
    more: not an exit poll's "Bush 51 Kerry 48"): clubs (organizations), or a
    country's side (a national team, a place by the page rules). A side named as a person
    is ("John Higgins 9 Mark Williams 7", snooker) leaves its line as the model read it,
    unless a club's last word ends it (Ross County, Leyton Orient)."""
    lines = [*_RESULT_LINE.finditer(text), *_SCORE_LINE.finditer(text)]
    if len(lines) < RESULT_LINES:
        return ()
    found = []
    for line in lines:
        sides = [line["home"], line["away"]]
        if any(looks_like_personal_name(side) and side.split()[-1] not in CLUB_WORDS
               for side in sides):  # fmt: skip
            continue
        for side in ("home", "away"):
            name = line[side]
            found.append(Candidate(line.start(side), line.end(side), name, _side(name)))
    return tuple(found)


def with_team_sheets(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Model candidates, with those overlapping a team sheet's names or a result line's
    sides replaced by them."""
    ruled = [*team_sheet(text), *result_lines(text)]
    if not ruled:
        return list(candidates)
    spans = sorted((c.start, c.end) for c in ruled)
    starts = [a for a, _ in spans]

    def overlaps(candidate: Candidate) -> bool:
        at = bisect.bisect_left(starts, candidate.end)
        return any(a < candidate.end and candidate.start < b for a, b in spans[max(0, at - 2) : at])

    kept = [c for c in candidates if not overlaps(c)]
    return sorted([*kept, *ruled], key=lambda c: c.start)


def with_dateline(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Model candidates, with those overlapping a dateline replaced by the dateline's names."""
    ruled = dateline(text)
    if not ruled:
        return list(candidates)
    kept = [c for c in candidates if not any(c.start < r.end and r.start < c.end for r in ruled)]
    return sorted([*kept, *ruled], key=lambda c: c.start)


_GIVEN_AND_SURNAME = re.compile(
    r"(?<![\w.’'-])(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?: [A-Z]\.)?|[A-Z]\.(?: ?[A-Z]\.)?)"
    r" (?:(?:van|von|de|der|da|del|di|du|la|le|bin|ibn|al|el)[ -])*"
    r"(?:Mc|Mac|O['’])?[A-Z][a-z][a-zA-Z'’-]*(?![\w-])"
)


def name_candidates(text: str, taken: Sequence[Candidate]) -> list[Candidate]:
    """People the model missed: a known given name or an initial, then a surname
    (``Pete Sampras``, ``P. Simmons``), where no candidate already stands."""
    spans = sorted((c.start, c.end) for c in taken)
    starts = [start for start, _ in spans]
    places = gazetteer()
    found = []
    for match in _GIVEN_AND_SURNAME.finditer(text):
        start, end, name = match.start(), match.end(), match.group(0)
        position = bisect.bisect_right(starts, end)
        if any(s < end and start < e for s, e in spans[max(0, position - 3) : position]):
            continue
        first, last = name.split()[0], name.split()[-1]
        if first in NOT_GIVEN or first.lower() in stop_words() or first.lower() in TITLES:
            continue
        if re.match(r" [A-Z]", text[end : end + 2]):
            continue  # part of a longer name the model saw no person in (Vice Foreign Minister)
        if places.is_place(last) or places.is_place(first):
            continue
        if _company_name(name) or _FACILITY.search(name) or last in NOT_GIVEN:
            continue
        if not first.endswith(".") and not given_name(first):
            continue
        found.append(Candidate(start, end, name, "PERSON"))
    return found


#: Local councils and police forces by their place's name ("Springfield City Council",
#: "Darlington Borough Council", "West Midlands Police"), which the model misses or cuts
#: to the place: the body's own words after up to three capitalised words, of which
#: ``local_bodies`` keeps the place's.
_COUNCIL = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]*[a-z] ){1,3})"
    r"(?:City|County|County Borough|Borough|District|Town|Parish|Metropolitan Borough"
    r"|Community) Council\b"
)
_POLICE = re.compile(
    r"(?<![\w'’-])((?:[A-Z][\w'’-]*[a-z] (?:and )?){1,3})(?:Police|Constabulary)\b"
)
#: A force named after its nation, which the model cuts to the place.
_NATIONAL_POLICE = re.compile(r"(?<![\w'’-])Police Scotland\b")
#: The head words of the bodies ``local_bodies`` finds.
_BODY_HEADS = frozenset({"Council", "Police", "Constabulary"})
#: A party's or a role's word joined to a council's place: "Labour-run Birmingham".
_RUN_BY = re.compile(r"-(?:run|led|controlled)$")


def _known_places(words: str, places: Gazetteer) -> bool:
    """Whether the gazetteer knows a place's name, or one of two joined by "and" (a force's
    "Avon and Somerset", "Devon and Cornwall")."""
    if places.knows(words):
        return True
    parts = words.split(" and ")
    return len(parts) == 2 and all(places.knows(part) for part in parts)


def local_bodies(text: str, taken: Sequence[Candidate]) -> list[Candidate]:
    """Councils and police forces named by their place (``_COUNCIL``, ``_POLICE``,
    ``_NATIONAL_POLICE``), in place of the model's candidates inside them; none where a
    candidate runs across the name's edge. The place is the longest run of the words
    before the body's that the gazetteer knows ("Los Angeles" of "Former Los Angeles City
    Council"); a council's, when it knows none, the words after any sentence's, title's or
    party's ("Eastbury City Council"); a force's, none."""
    places = gazetteer()
    found = []
    for pattern in (_COUNCIL, _POLICE):
        for match in pattern.finditer(text):
            words = match.group(1).split()
            # Not the end of another body's name: "Birmingham City Council and West ..."
            heads = [n for n, word in enumerate(words) if word in _BODY_HEADS]
            if heads:
                words = words[heads[-1] + 1 :]
            if words[:1] == ["and"]:
                words = words[1:]
            if not words:
                continue
            place = next(
                (
                    " ".join(words[-size:])
                    for size in range(len(words), 0, -1)
                    if words[-size] != "and" and _known_places(" ".join(words[-size:]), places)
                ),
                None,
            )
            if place is None:
                while words and (
                    words[0].lower() in stop_words()
                    or words[0].lower() in TITLES
                    or _RUN_BY.search(words[0])
                ):
                    words = words[1:]  # "Meanwhile", "Former", "Labour-run"
                if pattern is _POLICE or not words:
                    continue
                place = " ".join(words)  # "Tunbridge Wells", "Rhondda Cynon Taf"
            start = match.end(1) - len(place) - 1
            found.append(Candidate(start, match.end(), text[start : match.end()], "ORG"))
    found += [
        Candidate(match.start(), match.end(), match.group(0), "ORG")
        for match in _NATIONAL_POLICE.finditer(text)
    ]
    if not found:
        return list(taken)
    kept = [
        body
        for body in found
        if not any(
            c.start < body.end
            and body.start < c.end
            and not (body.start <= c.start and c.end <= body.end)
            for c in taken
        )
    ]
    inside = [c for c in taken if not any(b.start <= c.start and c.end <= b.end for b in kept)]
    return sorted([*inside, *kept], key=lambda c: c.start)


#: An initial at the start of a list item, before a surname the model took without it:
#: "..., G Easterby, Humphreys" (team sheets), "(M Horan"; at a line's start not A or I,
#: which start sentences.
_INITIAL_BEFORE = re.compile(
    r"(?:(?<=[,;:(/])[ \t]*(?P<listed>[A-Z])|(?:\A|(?<=\n))[ \t]*(?P<line>[B-HJ-Z]))\.?[ \t]$"
)


def with_initials(text: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Give back to a one-word person the initial before it in a list (``G Easterby``
    beside ``S Easterby`` is another player): without it, the surname would join the only
    Easterby known elsewhere."""
    found = []
    previous_end = 0
    for candidate in candidates:
        if candidate.label == "PERSON" and " " not in candidate.text:
            # The initial's few characters, never inside the candidate before.
            window = max(previous_end, candidate.start - 4)
            if match := _INITIAL_BEFORE.search(text, window, candidate.start):
                begin = match.start("listed") if match["listed"] else match.start("line")
                candidate = Candidate(begin, candidate.end, text[begin : candidate.end], "PERSON")
        found.append(candidate)
        previous_end = max(previous_end, candidate.end)
    return found


#: After a one-word "person": a family or pair of them ("the Agnelli family"), or a role
#: and a name, which make the word a film's or a show's title ("Ray star Jamie Foxx",
#: "Ray's Taylor Hackford").
_GROUP_OR_TITLE_AFTER = re.compile(
    r"[ \t]+(?:(?:family|families|dynasty|clan|brothers|sisters)\b"
    r"|(?:star|actor|actress|director|producer)[ \t]+[A-Z])"
    r"|['’]s[ \t]+[A-Z][a-z]+[ \t]+[A-Z][a-z]"
)


#: A storm's name: "Hurricane Mitch ... Mitch killed about 10,000 people", "claims from
#: Hurricane Hugo ... $36 million from Hugo". The article's every mention of the name is
#: the storm's, no person's (nor a place's or a body's).
_STORM = re.compile(r"\b(?:Hurricane|Typhoon|Cyclone|Tropical Storm) ([A-Z][a-z]+)\b")


def _storm_names(text: str) -> frozenset[str]:
    """The names an article gives storms (``_STORM``), but one it also writes alone after a
    person's title ("Prince Andrew ... after Hurricane Andrew", as a reviewer showed; not
    "Speaker Dennis Hastert" beside "Hurricane Dennis")."""
    named = set(_STORM.findall(text))
    if not named:
        return frozenset()
    return frozenset(name for name in named if not _after_title(name, text))


def _after_title(name: str, text: str) -> bool:
    """Whether a text writes a name alone after a person's title ("Prince Andrew",
    "Speaker Dennis"; "Mr Cheshire", "Det Sgt Cheshire", "Councillor Wiltshire")."""
    return any(
        before.casefold() in TITLES
        for before in re.findall(rf"(\w+)\.? {re.escape(name)}\b(?! [A-Z])", text)
    )


def _not_a_person_here(text: str, candidate: Candidate) -> bool:
    return (
        candidate.label == "PERSON"
        and " " not in candidate.text
        and bool(_GROUP_OR_TITLE_AFTER.match(text, candidate.end))
    )


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    text: str
    kind: Kind


_TRAILING_LOWER = re.compile(r"(?:\s+(?![a-z]{1,3}-[A-Z])[a-z][\w'’-]*)+$")
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "del", "di", "du", "la", "le", "bin", "ibn", "al",
     "el", "dos", "das", "ter", "ten", "y", "e"}
)  # fmt: skip
_TRAILING_NUMBER = re.compile(r"(?:\s+[\d.,:/-]+)+$")
#: A numbered station or channel keeps its number ("BBC Radio 4", "Channel 4": 88 mentions
#: in the BBC corpus were cut to "BBC Radio" and "Channel").
_NUMBERED_STATION = re.compile(r"\b(?:Radio|Channel)\s+\d{1,2}$")
_EDGE_PUNCT = " ,;:-–—\"“”‘’'`()[]"
#: Descriptions of missions, not names ("the U.S. Embassy", "American embassies").
_EMBASSY = re.compile(r"^(?:[\w.]+\s+)?(?:Embass(?:y|ies)|Consulates?)$", re.I)
#: Buildings and other facilities: neither organizations nor places.
_FACILITY = re.compile(
    r"\s(?:House|Building|Tower|Towers|Hall|Stadium|Airport|Hotel|Theater|Theatre|Square|"
    r"Street|Avenue|Road|Drive|Terrace|Boulevard|Bridge|Prison|Jail|"
    r"Correctional Center|Correctional Facility|Mall|Arena)$"
    r"|^Port of\s"
)
#: Facility words that are not also common surnames.
_NOT_SURNAME = re.compile(
    r"\s(?:Building|Stadium|Airport|Hotel|Theater|Theatre|Square|Street|Avenue|Road|Drive|"
    r"Terrace|Boulevard|Prison|Jail|Mall|Arena)$"
)
_FACILITY_KEEP = frozenset({"White House", "Government House", "Downing Street"})
#: Last words that make a "person" an organization, with the identity's words of a
#: company's full and legal names (Millard Fillmore Suburban Hospital;
#: Warner Bros, Lehman Brothers, Scissor Sisters, Royal Mail, Sky Movies, the John Peel
#: Trust; BAE Systems, Cairn Energy, Walt Disney Co., LIN Broadcasting: the 13 "people"
#: of the BBC and TempEval archives that end in a company's words are all companies), and
#: keep a role's cut from taking a body for its person.
#: Last words of papers that stand alone for the paper ("records obtained by the Gazette",
#: a "person" to the model: the paper, whether or not the text names it in full); not "Times",
#: "Post", "Mail" or "Telegraph", which are papers of their own ("The Times" beside the
#: Financial Times).
_PAPERS = frozenset(
    {"Gazette", "Herald", "Tribune", "Chronicle", "Journal", "Observer", "Examiner",
     "Inquirer", "Dispatch"}
)  # fmt: skip


_ORGANIZATION_END = re.compile(
    r"\s(?:"
    + "|".join(
        sorted(
            LEGAL_FORMS | LEGAL_SUFFIXES | {
                "Hospital", "University", "College", "Institute", "Foundation", "Bank",
                "Church", "Party", "Association", "Council", "Committee", "Agency",
                "Department", "Ministry", "Library", "School", "Times", "News", "Post", "Club",
                "Commission", "Service", "Services", "Society", "Union", "Motors", "Media",
                "Sport", "Records", "Pictures", "Studios", "Telecom", "Bros", "Brothers",
                "Sisters", "Mail", "Movies", "Trust", "Fund", "Appeal", "Charity", "Campaign",
                "Centre", "Broadcasting", "Partners", "Associates", "Securities",
                "Electronics", "Computer", "Capital", "Investments", "Insurance",
                "Entertainment", "Software", "Energy", "Pharmaceuticals", "LLP", "AFC", "FC",
                "Center",
            }
            # Papers and railways the model calls people ("Billings Gazette", "Telegraph
            # Herald", "BNSF Railway": a trial's); not "Courier" (Jim Courier).
            | _PAPERS | {"Telegraph", "Railway", "Railways"}
        )
    )
    + r")\.?$"
)  # fmt: skip
#: Two words ending in "Co" without its full stop: a surname too ("Zaldy Co"); Reuters'
#: "Walt Disney Co" has three.
_SURNAME_CO = re.compile(r"\S+ Co")


#: First words of football clubs abroad, before their town's name ("Atletico Madrid",
#: "Deportivo Coruna", "Real Sociedad", "Inter Milan", "Sporting Lisbon", "Dynamo Kiev"),
#: which the model calls people or places: organizations. (Not "Racing": "Racing Stripes"
#: is a film.)
_CLUB_START = re.compile(
    r"(?:Atletico|Atlético|Deportivo|Real|Sporting|Inter|Olympique|Dynamo|Dinamo|Spartak"
    r"|Lokomotiv|Borussia) [A-Z]"
)
#: Last words that only football clubs' names end in ("Aston Villa", a person and a place
#: in two BBC articles; "Bristol Rovers", "Wigan Athletic", "Plymouth Argyle"): not City,
#: Town, United or County, which towns, firms and shows end in too.
_CLUB_END = re.compile(
    r"[A-Z][\w'’.-]*(?: (?:&|and|[A-Z][\w'’.-]*))* "
    r"(?:Villa|Rovers|Wanderers|Athletic|Albion|Hotspur|Argyle|Alexandra)"
)
#: A courtesy title or a rank before a surname or a full name: a person, whatever the model
#: says ("Mr Ebbers" and "Mr Cable", ORG; "Mr Hague", GPE: 38 such "organizations" and
#: "places" in 33 BBC articles; "Ch Supt Gillian Kearney", ORG, in police reports). Not
#: "Dr" (Dr Pepper), "Miss" (Miss World), "Lady", "Lord" (Lord Howe Island), "Gen" (Gen
#: Re) or "Det" alone (Det Norske Veritas), nor a name that runs on past a possessive
#: ("Mr Brown's International Finance Facility").
_COURTESY_NAME = re.compile(
    r"(?:(?:Det|Ch|Chief|Assistant|Deputy|Acting|Detective) )*"
    r"(?:Mr|Mrs|Ms|Sir|Dame|Prof|Sgt|Insp|Supt|Capt|Maj|Rev|Cllr|Councillor"
    r"|Superintendent|Inspector|Sergeant|Constable)\.?"
    r"(?: (?:van|de|der|von|Van|De|Von))* [A-Z][\w’'-]*[\w](?: [A-Z][\w’'-]*[\w])?"
    r"(?:['’]s?)?"
)
#: The rest of a town's name that runs on after a hyphen, which the model leaves out:
#: "Stratford" + "-upon-Avon", "Stockton" + "-on-Tees" (BBC), "Southend" + "-on-Sea".
_TOWN_ON_RIVER = re.compile(
    r"-(?:on|upon|under|le|in|by|en|sur)-(?!(?:Chief|Law|Command|Waiting|Residence)\b)"
    r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b"
)
#: Rivers, lakes and mountains ("the River Wend", "Loch Lomond", "Mount Everest"), which
#: the model calls people ("River" is a first name too) or bodies: places. A "person" so
#: named without "the" may be one (River Phoenix, Lake Bell), but for a loch's; a body's
#: name runs on ("Mount Vernon Hospital"). BBC: the River Thames, Loch Lomond.
_LANDMARK = re.compile(r"(?:River|Loch|Lough|Lake|Mount|Mt\.?) [A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
#: An Irish or a British county named as such ("County Durham", "Co Meath"), which the
#: model calls a person: a place, when the gazetteer knows the county's own name.
_COUNTY = re.compile(r"(?:County|Co\.?) ([A-Z][a-z]+)")
#: A saint's name is a place's in the news ("St Katharine's dock", "St Kitts", "St
#: Helens"; a club's at times, "St Johnstone"), or a saint's, no page's: no person's
#: (``_saints_place``).
_SAINT = re.compile(r"(?:St|St\.|Saint) [A-Z]")


def _company_name(text: str) -> bool:
    """Whether a name ends as a company's or another body's does (``_ORGANIZATION_END``)."""
    return bool(_ORGANIZATION_END.search(text)) and not _SURNAME_CO.fullmatch(text)


#: Last words of events, awards and works that the model takes for people ("Grammy Awards",
#: "Da Vinci Code", "Ulster Schools' Cup"): not people, and not organizations either.
#: Last words of competitions, awards, shows and laws the model calls organizations or
#: places ("Heineken Cup", "Bafta Interactive Awards", "Consumer Electronics Show",
#: "Data Protection Act", "Singer World Series", "Dubai Desert Classic"): events and
#: works, not bodies or places.
_EVENT_END = re.compile(
    r"\s(?:Cup|Awards?|Trophy|Prize|Festival|Show|Championships?|Open|Games|Olympics|Tour|"
    r"Act|Bill|Grand Prix|Marathon|Cross Country|Series|Classic|Invitational)$"
)
_WORK_OR_EVENT_END = re.compile(
    r"\s(?:Cup|Awards?|Trophy|Prize|Code|Festival|Show|Tour|Championships?|Open|Games|"
    r"Series|Album|Film|Movie|Book|Report|Format)$"
)
#: A product's model after its maker's name: capitals and two digits or more ("Orange
#: E200", "Airbus A300s", "Mercedes Benz C180"; a number alone is cut off already). Not
#: an age group's team ("Iceland U21").
_MODEL_NUMBER = re.compile(r"\s(?!U\d\d$)[A-Z]{1,3}\d{2,}[A-Za-z]*$")
#: Honours and post-nominal letters after a name ("Frank Field MP").
#: Letters after a person's name: offices (MP; TD, MLA and MS of the Irish, Northern Irish
#: and Welsh parliaments), a barrister's (QC, KC, SC, BL), honours and degrees.
_POST_NOMINAL = re.compile(
    r"(?:,?\s+(?:MP|MEP|MSP|AM|TD|MLA|MS|QC|KC|SC|BL|JP|OBE|MBE|CBE|KBE|DBE|PhD|MD))+$"
)
#: A road's number: British and Irish A, B, M and N roads ("A66", "M6", "A1(M)"), an
#: American interstate ("I-95"); the model takes them for bodies or places.
_ROAD = re.compile(r"[ABMN]\d{1,4}(?:\(M\))?|I-\d{1,3}")
_TIME_ZONES = frozenset({"GMT", "EST", "EDT", "PST", "PDT", "CST", "CDT", "UTC", "BST", "CET"})
_DIRECTIONS = frozenset(
    {"North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"}
)
_ADJECTIVE_COMPOUND = re.compile(r"^(?:[A-Z][\w.]*-)+[A-Z][a-z]+(?:an|ese|ish|i|ic)$")


def tidy(candidate: Candidate, kind: Kind, before: str = "") -> _Span | None:
    """Trim ``the``, possessives, punctuation, trailing common words and (for people)
    titles from a span; None when what is left is not a name. ``before``: the text just
    before the span (a person's name mid-sentence keeps a first name that is also a
    stop word: "centre Will Greenwood", "singer Will Young")."""
    start, text = candidate.start, candidate.text
    lead = len(text) - len(text.lstrip(_EDGE_PUNCT))
    start, text = start + lead, text[lead:]
    for pattern in (_LEADING_THE, _TITLE_RE if kind == "person" else None):
        match = pattern.match(text) if pattern else None
        if match:
            start, text = start + match.end(), text[match.end() :]
    text = re.split(r"\s+(?:v|vs\.?)\s+|\s*\(", text)[0]  # "X v Y" fixtures, "Name (Club"
    if _TABLE_HEADER.fullmatch(text):
        return None  # "W L PCT GB", "P W D L F A PTS": a results table's columns
    if text.isupper() and (lead_word := _CAPITAL_LINK.match(text)):
        rest = text[lead_word.end() :]
        if lead_word[0] != "IN " or gazetteer().knows(rest):  # "AT DETROIT", "IN LONDON"
            start, text = start + lead_word.end(), rest
    boundary = _NEXT_SENTENCE.search(text)
    if boundary and boundary.group(1) in _SENTENCE_STARTS:
        text = text[: boundary.start() + 1]  # "Warner Bros. However": a sentence began
    text = text.rstrip(_EDGE_PUNCT)
    if not (kind == "organization" and own_possessive(text)):  # "McDonald's" keeps its "'s"
        text = _POSSESSIVE.sub("", text).rstrip(_EDGE_PUNCT)
    text = _TRAILING_LOWER.sub("", text)  # "Comoros archipelago" -> "Comoros"
    if kind == "person":
        # "Wales physio Mark Davies", "Nevertheless Franz Ferdinand": the name is what
        # follows the last lower-case word or leading stop word.
        words = text.split(" ")
        cut = 0
        named_mid_sentence = _MID_SENTENCE.search(before) is not None
        for number, word in enumerate(words[:-1]):
            if (word[:1].islower() and word.lower() in TITLES) or (
                number == cut
                and word.lower() in stop_words()
                and not (number == 0 and named_mid_sentence and word in WORD_FIRST_NAMES)
            ):
                cut = number + 1
        if cut == 0 and _described(words):
            cut = 1
        if cut:
            dropped = len(" ".join(words[:cut])) + 1
            start, text = start + dropped, text[dropped:]
    elif kind == "organization" and " " in text:
        # "Balco boss Victor Conte": a role and a person's full name after the body's (not
        # "Friends of the late John Peel Trust", whose last word is a body's).
        words = text.split(" ")
        role = max((n for n, word in enumerate(words[:-2]) if word in ROLES), default=None)
        if (
            role is not None
            and given_name(words[role + 1], strict=True)
            and not _company_name(text)
        ):
            dropped = len(" ".join(words[: role + 1])) + 1
            start, text, kind = start + dropped, text[dropped:], "person"
    if not (kind == "organization" and _NUMBERED_STATION.search(text)):
        text = _TRAILING_NUMBER.sub("", text)  # "G. Kersey 63" in a score table
    if kind == "person":
        text = _POST_NOMINAL.sub("", text)  # "Frank Field MP"
    if kind == "person" and text.endswith(".") and len(text.split()[-1]) > 3:
        text = text[:-1]  # a sentence's full stop, not an initial
    end = start + len(text)
    if not text or _JUNK.search(text) or not (text[0].isupper() or text[0].isdigit()):
        return None
    if kind == "person" and (
        not _NAME_TOKEN.search(text)
        or re.search(r"\b[A-Z]{2,}s$", text)  # "Labour MPs"
        or demonym(text)  # "Welshman"
        or text.rstrip(".").casefold() in RANKS_ALONE  # "Insp" alone
    ):
        return None
    return _Span(start, end, " ".join(text.split()), kind)


#: A full stop and a capitalised word inside a span: one of these there starts a sentence
#: ("Warner Bros. However"; not "Co. Down", "U.S. First Army", "Dr. Who", "U.S. All-Stars").
_NEXT_SENTENCE = re.compile(r"\.\s+([A-Z][a-z]+)\b")
_SENTENCE_STARTS = frozenset(
    {"However", "But", "And", "The", "It", "He", "She", "They", "We", "This", "That",
     "These", "Those", "Its", "His", "Her", "Their", "Meanwhile", "Also", "In", "On", "At",
     "If", "When", "While", "After", "Before", "So", "Yet", "Now", "There", "Some", "Many",
     "Most", "An", "As", "For", "Last", "Earlier", "Later", "Although", "Though", "Since",
     "Then", "Both", "Our", "My", "Your", "You", "What", "Why", "How", "Where", "Such",
     "Each", "Even", "Still", "Instead", "Indeed", "Next", "Once", "Because", "Despite",
     "During", "With", "Without", "Until", "Unless", "Yesterday", "Today", "Mr", "Mrs",
     "Ms", "Dr"}
)  # fmt: skip
#: A role noun written before a name at the start of a sentence ("Backbencher", "Novelist").
_ROLE_NOUN = re.compile(r"[A-Z][a-z]{3,}(?:er|or|ist|ian|ant|ent)s?")


def _described(words: list[str]) -> bool:
    """Whether the first of three or more words is a role noun before a full name:
    "Backbencher Stephen Pound" (a known first name follows a word that is none)."""
    return (
        len(words) >= 3
        and bool(_ROLE_NOUN.fullmatch(words[0]))
        and not given_name(words[0])
        and given_name(words[1], strict=True)
    )


def is_not_a_name(span: _Span) -> bool:
    """Spans the model tags that the annotation guidelines do not count as names."""
    text = span.text
    if text in _TIME_ZONES or _EMBASSY.match(text) or _ADJECTIVE_COMPOUND.match(text):
        return True
    if _ROAD.fullmatch(text):
        return True  # "the A66", "the N25": a road's number, no name of a page
    if span.kind == "place" and text in _DIRECTIONS:
        return True
    if span.kind == "person" and (
        _WORK_OR_EVENT_END.search(text) or re.search(r"\s(?:of|the|and)\s|['’]\s", text)
    ):
        return True  # "Ring of Fire", "Ulster Schools' Cup"
    if span.kind != "person" and _EVENT_END.search(text):
        return True  # "Davis Cup", "Australian Open", "Data Protection Act": no body
    if span.kind != "place" and _MODEL_NUMBER.search(text):
        return True  # "Orange E200", "Airbus A300s", "Mercedes Benz C180": a product
    facility = _FACILITY if span.kind != "person" else _NOT_SURNAME
    return bool(facility.search(text)) and text not in _FACILITY_KEEP


class _Document:
    """Resolution state for one text."""

    def __init__(self, text: str, title_end: int, sport: bool = False) -> None:
        self.text = text
        self.title_end = title_end
        self.body = text[title_end:]
        #: A sports report (by its topic tags) or a results table, where towns name
        #: teams ("gave Newport an unlikely 3-0 win"): the place rules hold back.
        self.sport = sport or _looks_like_results(text)

    @cached_property
    def scores(self) -> bool:
        """Whether the text has lines of scores ("Surrey 245 and 120-3": a team, not the
        county); asked only of a place before a number."""
        return _numbered_lines(self.text)

    def in_title(self, span: _Span) -> bool:
        return span.start < self.title_end


def resolve(
    text: str,
    candidates: Sequence[Candidate],
    title_end: int = 0,
    corrections: Mapping[str, Mapping[str, list[str]]] | None = None,
    sport: bool = False,
) -> tuple[tuple[Mention, ...], dict[Kind, tuple[str, ...]], tuple[str, ...]]:
    """Canonical mentions, the per-kind name lists (in order of first mention), and the
    header's ``drop`` entries that matched no name (``people: Caris``, a typo). ``sport``:
    whether the text is a sports report (its topic tags say so)."""
    document = _Document(text, title_end, sport)
    candidates = with_dateline(text, candidates)
    candidates = with_team_sheets(text, candidates)
    candidates = local_bodies(text, candidates)
    candidates = sorted([*candidates, *name_candidates(text, candidates)], key=lambda c: c.start)
    storms = _storm_names(text)
    candidates = [
        c
        for c in with_initials(text, candidates)
        if not _not_a_person_here(text, c) and c.text not in storms and not _STORM.fullmatch(c.text)
    ]
    spans = _tidy_all(text, _with_own_possessives(text, candidates))
    clubs = _clubs_by_first_word(spans)
    spans = [replace(span, kind="organization") if span.text in clubs else span for span in spans]
    spans = _split_conjoined(spans)
    spans = _drop_fragments(spans, document)
    if document.sport:
        spans = _town_and_nickname(spans, text)
    spans = _reclassify(spans, document)
    teams = _teams_by_last_word(spans, text, document.sport)
    spans = [
        replace(span, kind="organization")
        if span.text in teams or (span.text in _PAPERS and _written_the(span.text, text))
        else span
        for span in spans
    ]
    names = document_names([(span.kind, span.text) for span in spans])
    names.update({("organization", word): club for word, club in clubs.items()})
    names.update({("organization", word): team for word, team in teams.items()})
    mentions = [
        Mention(span.start, span.end, span.kind, names[(span.kind, span.text)], span.text)
        for span in spans
        if names.get((span.kind, span.text))
    ]
    mentions = _propagate(mentions, text)
    mentions, unmatched = _apply_corrections(mentions, corrections or {})
    by_kind: dict[Kind, list[str]] = {"person": [], "place": [], "organization": []}
    for mention in mentions:
        if mention.name not in by_kind[mention.kind]:
            by_kind[mention.kind].append(mention.name)
    for kind, names_to_add in _additions(corrections or {}):
        for name in names_to_add:
            if name not in by_kind[kind]:
                by_kind[kind].append(name)
    return tuple(mentions), {kind: tuple(names) for kind, names in by_kind.items()}, unmatched


def _propagate(mentions: list[Mention], text: str) -> list[Mention]:
    """Tag the other occurrences of a resolved name (one sense per discourse).

    The model finds some mentions of ``Lebed`` and misses others; a surface form that
    resolved to one entity in this text is that entity wherever it recurs (also in
    capitals, as in headlines). Forms that stand for several entities are left alone.
    """
    meanings: dict[str, set[tuple[Kind, str]]] = {}
    for mention in mentions:
        form = text[mention.start : mention.end]
        if len(form) < 3 or not form[0].isupper():
            continue
        variants = {form, form.upper()} if len(form) >= 4 else {form}
        for variant in variants:
            meanings.setdefault(variant, set()).add((mention.kind, mention.name))
    # A surname alone stands for the one person of the text who bears it.
    places = gazetteer()
    surnames: dict[str, set[tuple[Kind, str]]] = {}
    for mention in mentions:
        words = mention.name.split()
        if mention.kind == "person" and len(words) > 1 and len(words[-1]) > 2:
            surnames.setdefault(words[-1], set()).add(("person", mention.name))
    for surname, people in surnames.items():
        if surname not in meanings and not places.is_place(surname):
            meanings[surname] = people
    forms = {form: next(iter(m)) for form, m in meanings.items() if len(m) == 1}
    if not forms:
        return mentions
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    taken = sorted((m.start, m.end) for m in mentions)
    starts = [start for start, _ in taken]
    added = []
    for match in pattern.finditer(text):
        position = bisect.bisect_right(starts, match.start())
        neighbours = taken[max(0, position - 1) : position + 1]
        if any(s < match.end() and match.start() < e for s, e in neighbours):
            continue
        kind, name = forms[match.group(0)]
        added.append(Mention(match.start(), match.end(), kind, name, match.group(0)))
    return sorted([*mentions, *added], key=lambda m: (m.start, m.end))


def _with_own_possessives(text: str, candidates: Iterable[Candidate]) -> list[Candidate]:
    """Organizations the model ends before an "'s" of their own name ("McDonald" of
    "McDonald's"), with it (``own_possessive``); and names the model ends before an
    apostrophe inside their own, as a person or a body ("Destiny" of "Destiny's Child"),
    whole and a body (``apostrophe_name``)."""
    found = []
    for candidate in candidates:
        ending = text[candidate.end : candidate.end + 2]
        if (
            candidate.label in ("ORG", "PERSON")
            and ending[:1] in ("'", "’")
            and (end := apostrophe_name(text, candidate.start)) is not None
            and end > candidate.end + 2
        ):
            candidate = Candidate(candidate.start, end, text[candidate.start : end], "ORG")
        elif (
            candidate.label == "ORG"
            and ending in ("'s", "’s")
            and own_possessive(candidate.text + ending)
            and not text[candidate.end + 2 : candidate.end + 3].isalnum()
        ):
            candidate = Candidate(candidate.start, candidate.end + 2, candidate.text + ending,
                                  candidate.label)  # fmt: skip
        found.append(candidate)
    return found


#: The end of the text before a word that no sentence starts with: a lower-case word or
#: a comma, then a space.
_MID_SENTENCE = re.compile(r"[a-z,;] $")


def _tidy_all(text: str, candidates: Iterable[Candidate]) -> list[_Span]:
    candidates = list(candidates)
    people = [c.text for c in candidates if c.label == "PERSON"]
    spans = []
    for candidate in candidates:
        kind = KIND_OF_LABEL.get(candidate.label)
        if kind is None:
            continue
        if kind != "person" and _COURTESY_NAME.fullmatch(candidate.text.rstrip(_EDGE_PUNCT)):
            kind = "person"  # "Mr Ebbers", "Mr Hague", "Prof Reddy's" (ORG, GPE)
        span = tidy(candidate, kind, text[max(0, candidate.start - 2) : candidate.start])
        if span is None or is_not_a_name(span):
            continue
        if town := _TOWN_ON_RIVER.match(text, span.end):
            # "Stratford-upon-Avon", "Croft-on-Tees": a town, not its first word
            end = town.end()
            span = _Span(span.start, end, text[span.start : end], "place")
        if span.kind == "person" and _company_name(span.text):
            span = replace(span, kind="organization")
        elif span.kind != "organization" and (
            _CLUB_START.match(span.text)
            or (
                _CLUB_END.fullmatch(span.text)
                and not given_name(span.text.split(" ", 1)[0], strict=True)  # David Villa
            )
        ):
            span = replace(span, kind="organization")  # "a move to Atletico Madrid"
        elif (
            span.kind != "place"
            and _LANDMARK.fullmatch(span.text)
            and not _ORGANIZATION_END.search(span.text)  # "Mount Vernon Hospital"
            and (
                span.kind != "person"
                or span.text.startswith(("Loch ", "Lough "))
                or _THE_BEFORE.search(text, max(0, span.start - 5), span.start)
            )
        ):
            span = replace(span, kind="place")  # "the River Wend", "Loch Lomond"
        elif (
            span.kind != "place"
            and (county := _COUNTY.fullmatch(span.text))
            and gazetteer().knows(county[1])
        ):
            span = replace(span, kind="place")  # "County Durham", "Co Meath"
        elif span.kind == "person" and _SAINT.match(span.text):
            place = _saints_place(text, span, people)
            if place is False:
                continue  # "the letters of St Paul", "St Valentine": no name of a page
            if place:
                span = replace(span, kind="place")  # "St Katharine's dock", "St Kitts"
        spans.append(span)
    return spans


def _saints_place(text: str, span: _Span, people: Sequence[str]) -> bool | None:
    """Whether a "person" named as a saint ("St X") is a place: one the gazetteer knows
    ("St Louis"), a saint's name no first name ("St Kitts", "St Johnstone") or one with
    its "'s" ("St Katharine's dock"); a saint himself ("the letters of St Paul", "Saint
    Laurent" the brand) is no page's, and a person's surname stays his ("Ian St John ...
    St John said"): None, the span kept as it is."""
    if any(person.endswith(f" {span.text}") for person in people):
        return None
    saint, _, rest = span.text.partition(" ")
    return (
        (saint != "Saint" and gazetteer().knows(span.text))
        or not given_name(rest.split(" ", 1)[0], strict=True)
        or text.startswith(("'s", "’s"), span.end)
    )


def _clubs_by_first_word(spans: Iterable[_Span]) -> dict[str, str]:
    """The clubs abroad an article names (``_CLUB_START``) by their first word, which
    alone is the club there ("Atletico Madrid ... Atletico sporting director"); a word
    two clubs start ("Real Madrid", "Real Sociedad") is neither's."""
    found: dict[str, set[str]] = {}
    for span in spans:
        if span.kind == "organization" and _CLUB_START.match(span.text):
            found.setdefault(span.text.split(" ", 1)[0], set()).add(span.text)
    return {word: next(iter(clubs)) for word, clubs in found.items() if len(clubs) == 1}


def _teams_by_last_word(spans: Sequence[_Span], text: str, sport: bool) -> dict[str, str]:
    """The teams a sports report names in full, a town's name and a nickname, by the
    nickname, which alone, written "the X" at least once, is the team there ("the Buffalo
    Bills ... the Bills", "Oklahoma City Thunder ... The Thunder"), whatever kind the model
    gave it; and, in any report, a paper by the last word of its name ("the Billings
    Gazette ... told the Gazette"). Not a word two of its bodies end in ("Berwick Rangers",
    "Glasgow Rangers"), nor one a person's name ends in ("Wales Jones" beside Stephen
    Jones); nor the last word of a name the model took for a body's that is no town's and a
    word ("Sven-Goran Eriksson", "Cricket Australia ... the Australia side"). (``document_
    names`` joins shorter forms of two words or more, "Blue Jackets", already.)"""
    places = gazetteer()
    found: dict[str, set[str]] = {}
    for span in spans:
        town, _, word = span.text.rpartition(" ")
        if (
            span.kind == "organization"
            and town
            and (word in _PAPERS or (sport and places.is_place(town)))
            and _written_the(word, text)
        ):
            found.setdefault(word, set()).add(span.text)
    surnames = _surnames(spans)
    return {
        word: next(iter(teams))
        for word, teams in found.items()
        if len(teams) == 1 and word not in surnames
    }


def _surnames(spans: Iterable[_Span]) -> set[str]:
    """The last words of the people's full names a text gives."""
    return {span.text.rsplit(" ", 1)[1] for span in spans
            if span.kind == "person" and " " in span.text}  # fmt: skip


def _written_the(name: str, text: str) -> bool:
    """Whether a text writes a name after "the" ("the Bills", "The Grizzlies")."""
    return re.search(rf"\b[Tt]he {re.escape(name)}\b", text) is not None


def _town_and_nickname(spans: list[_Span], text: str) -> list[_Span]:
    """A town and the nickname after it, which the model splits in a sports report ("the
    Winnipeg Jets": a place and a person; "the Toledo Mud Hens"): one team. The nickname
    is one or two capitalised words ending in "s" that start with no first name and end
    no person's name of the text (not "Wales Williams"), the town one the gazetteer knows
    as a place."""
    places = gazetteer()
    surnames = _surnames(spans)
    merged: list[_Span] = []
    for span in spans:
        previous = merged[-1] if merged else None
        words = span.text.split()
        if (
            previous is not None
            and previous.kind == "place"
            and span.kind != "place"
            and previous.end + 1 == span.start
            and text[previous.end] == " "
            and len(words) <= 2
            and all(word[:1].isupper() and word[1:].islower() for word in words)
            and words[-1].endswith("s")
            and not given_name(words[0])
            and words[-1] not in surnames
            and places.is_place(previous.text)
        ):
            merged[-1] = _Span(previous.start, span.end, text[previous.start : span.end],
                               "organization")  # fmt: skip
            continue
        merged.append(span)
    return merged


def _split_conjoined(spans: list[_Span]) -> list[_Span]:
    """Split ``Biegun and Choe`` into two people when both are known people's names, and
    list items run together by the model (``Romania - Cosmin Contra``)."""
    person_tokens = {t for s in spans if s.kind == "person" for t in _tokens(s.text)}
    places = gazetteer()
    result = []
    for span in spans:
        if " - " in span.text:
            offset = 0
            for part in span.text.split(" - "):
                position = span.text.index(part, offset)
                offset = position + len(part)
                if not part.strip() or not part[0].isupper():
                    continue
                kind: Kind = "place" if places.is_place(part) else span.kind
                if kind != "place" and looks_like_personal_name(part):
                    kind = "person"
                result.append(_Span(span.start + position, span.start + offset, part, kind))
            continue
        if span.kind == "organization" and "/" in span.text:
            left, _, right = span.text.partition("/")
            if len(left) > 1 and len(right) > 1 and left[0].isupper() and right[0].isupper():
                result.append(_Span(span.start, span.start + len(left), left, span.kind))
                result.append(_Span(span.end - len(right), span.end, right, span.kind))
                continue
        parts = re.split(r"\s+(?:and|&)\s+", span.text, maxsplit=1)
        if (
            len(parts) == 2
            and span.kind == "organization"
            and _tokens(parts[0])
            and set(_tokens(parts[0])) <= person_tokens
            and not set(_tokens(parts[1])) <= person_tokens
        ):
            # "Reno and Immigration and Naturalization Service"
            second = span.text.index(parts[1], len(parts[0]))
            result.append(_Span(span.start, span.start + len(parts[0]), parts[0], "person"))
            result.append(_Span(span.start + second, span.end, parts[1], span.kind))
            continue
        if len(parts) == 2 and all(
            _tokens(part) and set(_tokens(part)) <= person_tokens for part in parts
        ):
            second = span.text.rindex(parts[1])
            result.append(_Span(span.start, span.start + len(parts[0]), parts[0], "person"))
            result.append(_Span(span.start + second, span.end, parts[1], "person"))
        else:
            result.append(span)
    return result


def _drop_fragments(spans: list[_Span], document: _Document) -> list[_Span]:
    """Drop title fragments and headline fragments that the model tagged as names."""
    people_starts = {s.start for s in spans if s.kind == "person"}
    # (Or in a list of people: "up against Blanchett, Heather Craney and Meryl Streep";
    # not an item of another list, "Garissa, Mandera, Migori, Homa Bay and Nairobi".)
    of_people = {
        item.start
        for items in _lists(document.text, spans)
        if _mostly(items, "person")
        for item in items
    }
    kept = []
    for span in spans:
        if span.kind == "organization":
            before = document.text[max(0, span.start - 30) : span.start]
            follows_person = span.end + 1 in people_starts or (
                span.end + 2 in people_starts and span.start in of_people
            )
            if follows_person and (_ROLE_BEFORE.search(before) or len(span.text.split()) == 1):
                continue  # "Secretary of State Mike Pompeo": State is part of the title
            if span.text == "State" and _OFFICE_OF.search(before):
                continue  # "the Secretary of State for Wales": part of an office's name
            if document.in_title(span) and span.text not in document.body:
                continue  # "Trump-Kim Summit Planned": a headline fragment
            if _cut_from_office(span, document.text):
                continue  # "New Home" of "New Home Secretary", "Crown" of "Crown Prince"
        if document.in_title(span) and span.kind != "organization":
            # Title-case headlines fool the model; keep what the body confirms.
            last = span.text.split()[-1]
            if span.text not in document.body and last not in document.body:
                continue
        kept.append(span)
    return kept


#: The last words of offices (``names.TITLES``) that the model's organizations run into:
#: "New Home" + "Secretary", "Crown" + "Prince", "Defense" + "Minister".
_OFFICES = frozenset({"secretary", "minister", "prince", "princess", "chancellor"})
_NEXT_WORDS = re.compile(r" ([A-Z][a-z]+)(?: ([A-Z][a-z]+))?")


def _cut_from_office(span: _Span, text: str) -> bool:
    """Whether an organization ends inside an office's title: its last word and the one
    or two capitalised words after it are a title that ends in an office (``_OFFICES``:
    "New Home Secretary", "Shadow Home Secretary", "Crown Princess", "Finance Minister";
    not "Liberal Democrat", a party)."""
    after = _NEXT_WORDS.match(text, span.end)
    if after is None:
        return False
    last = span.text.rsplit(" ", 1)[-1].lower()
    words = [word.lower() for word in after.groups() if word]
    return any(
        words[count - 1] in _OFFICES and " ".join([last, *words[:count]]) in TITLES
        for count in range(1, len(words) + 1)
    )


def looks_like_personal_name(text: str) -> bool:
    """Two or three capitalised words starting with a known given name (``Wasim Akram``)."""
    words = text.split()
    if not 2 <= len(words) <= 3 or text.isupper():
        return False
    if not all(w[:1].isupper() or w in {"van", "der", "de", "von", "bin", "al"} for w in words):
        return False
    if _company_name(text) or _FACILITY.search(text):
        return False
    if gazetteer().is_place(words[0]):
        return False  # "Kenya Airways", not a woman called Kenya
    return given_name(words[0])


#: A person's role in lower case just before a name ("wing", "spinner", "secretary-general").
_PERSON_ROLE_BEFORE = re.compile(r"(?<![\w'’-])([a-z][a-z-]+) $")
#: A word of a person's name: a capital, then lower case ("Mkhize", "Holt-Bernard").
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)*")


def _named_after_role(span: _Span, text: str, places: Gazetteer) -> bool:
    """Whether a body's name of two or three words written as people's are stands just
    after a person's role (``names.ROLES``: "wing Sibusiso Mkhize", "spinner Kunal
    Rawat", whose first names no list holds) and is no body's, town's or company's name
    ("skipper Manchester United", "chairman Labour MP")."""
    words = span.text.split()
    role = _PERSON_ROLE_BEFORE.search(text, max(0, span.start - 20), span.start)
    return (
        role is not None
        and role[1] in ROLES
        and role[1] not in BODY_ROLES  # "broadcaster Virgin Radio", "champion Borussia Dortmund"
        and 2 <= len(words) <= 3
        and all(_NAME_WORD.fullmatch(word) for word in words)
        and not holds_word_of(span.text, _BODY_NAME_WORDS)
        and not places.knows(span.text, towns=True)
        and not _company_name(span.text)
    )


def _named_after_place(name: str) -> bool:
    """Whether a name starts with a large place's that is no first name ("Glasgow Rugby",
    "Belfast Harbour"; not "Kenya Smith")."""
    first = name.split()[0]
    return gazetteer().is_major_place(first) and not given_name(first)


def _reclassify(spans: list[_Span], document: _Document) -> list[_Span]:
    """Give one kind to a surface form.

    A surname the model called an organization or a place is a person when a fuller name in
    the text holds it (``Biegun``, ``Reno`` with ``Janet Reno``); a lone one-word "person"
    the gazetteer knows as a place is that place (``Havana``); a lone one-word "person"
    that the text also writes in lower case is a common word (``Rescued``).
    """
    places = gazetteer()
    # (Not a "person" named after a large place, which is a body below: "Belfast Harbour"
    # holds no person's surname, and "Belfast" stays the city.)
    full_people = [
        s.text
        for s in spans
        if s.kind == "person" and len(s.text.split()) > 1 and not _named_after_place(s.text)
    ]
    person_tokens = {t for name in full_people for t in _tokens(name)}
    # A town the article names as a body only "in X" ("South Africa in Durban"): where
    # things happen, not a club; not where it also writes the body ("Liverpool said").
    in_town: dict[str, bool] = {}
    for span in spans:
        if span.kind == "organization":
            in_town[span.text] = in_town.get(span.text, True) and _in_town(
                span, document.text, places
            )
    votes: dict[str, Counter] = {}
    for span in spans:
        kind = span.kind
        if kind == "organization" and in_town[span.text]:
            kind = "place"
        votes.setdefault(span.text, Counter())[kind] += 1
    sports = document.sport
    holders = word_index({full: frozenset(_tokens(full)) for full in full_people})
    held_by: dict[str, bool] = {}
    # A side of a result line is a team wherever the text names it ("Ross County").
    sides = {c.text: KIND_OF_LABEL[c.label] for c in result_lines(document.text)}
    # A bench's players, though a one-word name be a town's too ("Subs not used: Hamann,
    # Harrison."; not an unlabelled list's items: "Argentina (4), Kenya, Tunisia" are
    # sides).
    players = _bench_players(document.text)
    # Where "the town of", "residents of" or a local noun ("Dundee taxi driver") name a
    # place, and the names they give: a place wherever the text names it, unless it acts
    # as a body there too ...
    placed = {match.start(1): match[1] for match in _PLACE_OF.finditer(document.text)}
    # ... and the mentions that a list of towns makes places, there only ("Offices in Leeds
    # and Halifax shut. Halifax cut its rates.": a reviewer's).
    here: set[int] = set()
    if not sports:
        here.update(_listed_towns(document.text, spans, places))
        placed.update(
            (span.start, span.text)
            for span in spans
            if not span.text.isupper()  # not an acronym: "a UN man"
            and _LOCAL_AFTER.match(document.text, span.end)
            and places.knows(span.text, towns=True)
        )
        # ... and the towns people are of ("Dennis Thibodeau, 66, of Hampden") ...
        placed.update(_home_towns(document.text, spans, places))
        # ... and the town of its dateline ("FLAGSTAFF — ... Flagstaff has ...") ...
        placed.update(
            (town.start, town.text.title() if town.text.isupper() else town.text)
            for town in dateline(document.text)
            if town.label == "GPE"
        )
    # ... and the names written before "area", "neighbourhood" or "region" ("Shrewsbury's
    # Frankwell area", "the Pilbara region"), outside results tables: a name of one word
    # not in capitals, or of several that end as a place's do ("the Catterick Garrison
    # area"; not "the Hampshire Constabulary area", "the NHS Grampian area").
    areas = {
        span.text
        for span in spans
        if not sports
        and _AREA_AFTER.match(document.text, span.end)
        and _AREA_BEFORE.search(document.text, max(0, span.start - 12), span.start)
        and not _IN_THE_BOX.search(document.text, max(0, span.start - 16), span.start)
        and (
            (" " not in span.text and not span.text.isupper())
            or span.text.rsplit(" ", 1)[-1] in _PLACE_HEADS
        )
    }
    placed_names = frozenset(placed.values()) | areas
    place_edges = (
        frozenset(s.start for s in spans if s.kind == "place"),
        frozenset(s.end for s in spans if s.kind == "place"),
    )
    bodies = set() if sports else _listed_bodies(document.text, spans)
    result = []
    for span in spans:
        if span.text in sides:
            result.append(replace(span, kind=sides[span.text]))
            continue
        if span.kind == "organization" and (nationality := _NATIONALITY.match(span.text)):
            # "American Davenport" of Lindsay Davenport's report, "Frenchman Gilles Simon":
            # a player's nationality and name, which the model took for a body's name.
            named = span.text[nationality.end() :]
            rest = frozenset(_tokens(named))
            # (The fuller name that bears the rest must start with a given name: not "Munich
            # Re", a "person" once to the model, beside "Swiss Re".)
            if looks_like_personal_name(named) or (
                rest <= person_tokens
                and any(
                    given_name(holder.split(" ", 1)[0])
                    for holder in names_with_words(holders, rest) - {named}
                )
            ):
                start = span.start + nationality.end()
                result.append(replace(span, start=start, text=named, kind="person"))
                continue
        tokens = _tokens(span.text)
        # Part of another person's fuller name in this text (not merely of itself).
        held = held_by.get(span.text)
        if held is None:
            held = held_by[span.text] = (
                bool(tokens)
                and set(tokens) <= person_tokens
                and bool(names_with_words(holders, frozenset(tokens)) - {span.text})
            )
        # The majority label of this surface form in the text (first seen on a tie).
        kind = max(votes[span.text].items(), key=lambda item: item[1])[0]
        if kind != "person":
            country = places.canonical_name(span.text) in places.countries
            if held and not country:
                kind = "person"
            elif (
                kind == "organization"
                and not places.is_place(span.text)
                and looks_like_personal_name(span.text)
            ):
                kind = "person"  # the model's "Wasim Akram" (ORG)
            elif span.kind != "place" and _named_after_role(span, document.text, places):
                kind = "person"  # "wing Sibusiso Mkhize", "spinner Kunal Rawat" (ORG)
            elif (
                kind == "place" and document.scores and _SCORE_AFTER.match(document.text, span.end)
            ):
                kind = "organization"  # "Surrey 245 and 120-3": a team, not the county
            elif (
                kind == "place"
                and len(tokens) > 1
                and not places.is_place(span.text)
                and places.is_major_place(span.text.split()[0])
                and (
                    span.text.split()[-1] not in _GEOGRAPHIC_WORDS
                    or span.text.split()[-1] in _CLUB_WORDS
                )
            ):
                kind = "organization"  # "Manchester United", "Washington Post", "Hull City"
        elif len(tokens) > 1 and _named_after_place(span.text):
            kind = "organization"  # "Glasgow Rugby", "Milton Keynes Dons": a team or firm
        elif len(tokens) == 1 and not held:
            if (
                places.is_major_place(span.text)
                and not votes[span.text]["person"] > 1
                and (span.start, span.end) not in players
            ):
                kind = "place"
            elif (
                _SHIRE.fullmatch(span.text)
                and places.knows(span.text)
                and not sports
                and not _CRICKET.search(document.text)
                # (Shires are surnames too: "Mr Cheshire", a reviewer's; "X said" is no sign,
                # "in Badminton, Gloucestershire said" is the place.)
                and not _after_title(span.text, document.text)
            ):
                kind = "place"  # "Herefordshire and Worcestershire", "Yorkshire millionaire"
            elif written_in_lower_case(span.text, document.text):
                continue
        if (
            kind == "person"
            and not held
            and (span.start, span.end) not in players
            and not given_name(span.text.split()[0])
            # Of several words, a place's last word or a name the gazetteer knows: not "a
            # partner in Narendra Modi", whose first name no list holds (a reviewer's).
            and (
                len(tokens) == 1
                or span.text.split()[-1] in _PLACE_HEADS
                or places.knows(span.text, towns=True)  # "in Chipping Sodbury"
            )
            and _placed(span.text, document.text, _PERSON_ACTS, _WHERE)
        ):
            kind = "place"  # "in Kaiapoi", "near Youghal", "in Baglan, Margam and Taibach"
        elif (
            kind == "organization"
            and not held
            and not sports
            # (The gazetteer knows "Derby County" and "White House" as descriptions.)
            and (
                places.is_place(span.text)
                or (
                    # (A small town's name of one word is many a brand's too: "Students
                    # in Trinity were told", a reviewer's.)
                    places.knows(span.text, towns=" " in span.text)
                    and not holds_word_of(span.text, _BODY_NAME_WORDS)
                )
            )
            and _placed(span.text, document.text, _BODY_ACTS, _BODY_WHERE)
        ):
            kind = "place"  # "the hospital in Truro", "a conference in Manchester"
        if (
            kind != "place"
            and not held
            and (
                span.start in placed
                or span.start in here
                or (span.text in placed_names and not _acts(span.text, document.text))
            )
        ):
            kind = "place"  # "the village of Millbrook", "residents of Engerwitzdorf"
        elif (
            kind == "person"
            and votes[span.text]["person"] == 1
            and not held
            and not sports
            and _listed_with_place(span, place_edges, document.text)
            and places.knows(span.text)
            and not given_name(span.text.split()[0])
        ):
            kind = "place"  # "Preston and Bolton", "Gloucestershire and Hampshire"
        if span.start in bodies and kind != "organization":
            kind = "organization"  # "IBM, Nokia, Oracle and RealNetworks"
        if kind == "organization" and places.is_curated(span.text):
            kind = "place"  # Capitol Hill
        if (
            kind == "organization"
            and span.text.rpartition(" ")[2] in _NATURE_HEADS
            and not _acts(span.text, document.text)
        ):
            kind = "place"  # "Spruce Woods Provincial Park", "San Francisco Peaks"
        if (
            kind == "organization"
            and _BASED.match(document.text, span.end)
            and places.knows(span.text)
        ):
            kind = "place"  # "Aberdeen-based", "Bristol band": the town, not its club
        if (
            kind == "organization"
            and len(tokens) == 1
            and written_in_lower_case(span.text, document.text)
        ):
            continue  # "Trade", "Freedom": words the text also writes in lower case
        if kind == "person" and span.kind != "person":
            # "Guy Mansfield QC" (ORG): a person's name without its letters, as ``tidy``
            # leaves the model's people.
            text = _POST_NOMINAL.sub("", span.text)
            span = replace(span, end=span.start + len(text), text=text)
        result.append(replace(span, kind=kind) if kind != span.kind else span)
    return result


#: ... before an organization's name: "American Davenport" (not "American Express", a
#: body's name, unless a person of the text bears the rest).
_NATIONALITY = re.compile(_NATIONALITY_BEFORE)
_GEOGRAPHIC_WORDS = frozenset(
    {"City", "County", "Province", "State", "Region", "Valley", "Island", "Islands", "Bay",
     "Sea", "River", "Mountains", "Hills", "Coast", "Peninsula", "Strait", "Straits", "Gulf",
     "Lake", "Desert", "Basin", "Delta", "Heights", "Highlands", "Plains", "District", "Area"}
)  # fmt: skip
#: A county named by its shire ("Leicestershire", "Yorkshire"), no one's name alone.
_SHIRE = re.compile(r"[A-Z][a-z]+shire")
#: ... but in a cricket report the county's side ("beat Yorkshire", "Warwickshire
#: captain Tim Munton"), which the model takes for a person too.
_CRICKET = re.compile(r"\b(?:wickets?|innings|cricket|bowl(?:ed|ing|er|ers)?|batting)\b", re.I)
#: Last words of clubs named after their town ("Manchester City", "Ipswich Town"): a
#: place's name with one of them that the gazetteer does not know is a club.
_CLUB_WORDS = frozenset({"City", "Town", "United", "Rovers", "Athletic", "Albion", "Wanderers"})
#: After a place's name, where someone or something is from: "-based", "-born", and the
#: people and bands a town is said of ("Bristol band", "Norfolk farmer", "Leeds group
#: Kaiser Chiefs", "Essex act Prodigy": "group" or "act" before a name; not the Tata
#: group), "duo", "man" or "teenager", which a club's players are too ("Leicester
#: duo", "Southampton teenager Theo Walcott"), nor
#: "singer", "students" or "family", which a band, a university, a club or a company take
#: ("Texas singer Sharleen Spiteri", "Columbia students", "the Chelsea family").
_BASED = re.compile(
    r"-(?:based|born)\b| (?:band|architect|farmer|businessman|businesswoman|pensioner"
    r"|residents?|natives?)\b| (?:group|act) (?=[A-Z])"
)
#: "in X" before a town the model took for a club or a firm ("facing South Africa in
#: Durban", "a show in Bristol"): the town; not a club or firm one buys into, within
#: four words before "in" ("invest in Liverpool", "invest £450m in Liverpool", "a stake
#: in Leeds"), nor one whose part is named ("in Chelsea's defence").
_WORDS_BEFORE = re.compile(r"[^\s]+")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_BUYING_INTO = re.compile(r"(?:invest\w*|stakes?|shares?|interests?|holdings?)\W*", re.I)


#: What joins the last items of a list: "and", "or", ", and" (not a comma alone: "King
#: Hussein of Jordan, Bush said").
_LIST_AFTER = re.compile(r",? (?:and|or) ")
_LIST_BEFORE = re.compile(r",? (?:and|or) $")


def _listed_with_place(span: _Span, place_edges: tuple[frozenset, frozenset], text: str) -> bool:
    """Whether a name stands in a list beside a place the model named ("Preston and
    Bolton", "between Loughborough and Melton Mowbray"): a list's items are of one kind.
    ``place_edges``: the starts and the ends of the text's place spans."""
    starts, ends = place_edges
    if text.startswith(("'s", "’s", "'", "’"), span.end):
        return False  # "Texas and Bush's ranch": someone's
    after = _LIST_AFTER.match(text, span.end)
    if after and after.end() in starts:
        return True
    before = _LIST_BEFORE.search(text, max(0, span.start - 6), span.start)
    return before is not None and before.start() in ends


#: Words after a place's name that say it is one: "the Frankwell area", "the Nutana
#: neighbourhood", "the Pilbara region".
_AREA_AFTER = re.compile(r" (?:area|neighbou?rhood|district|region|suburb)\b")
#: ... after "the" or a possessive ("the Frankwell area", "Cincinnati's Northside
#: neighborhood"): not "in Labour areas", "Taliban areas of Helmand", whose X holds or
#: votes for the area (a reviewer's examples) ...
_AREA_BEFORE = re.compile(r"(?:\bthe|['’]s) $")
#: ... nor a side's penalty area ("inside the Fulham area") in a report no tag calls sport.
_IN_THE_BOX = re.compile(r"\b(?:inside|into|edge of) the $")
#: Words that say the name after them is a place's: "the town of Kirkcaldy", "the village
#: of X", "residents of Engerwitzdorf", "mayor of Dubuque" (not "the state of", a
#: condition too); wherever the text names it ("Flood warning for Millbrook"), unless it
#: also speaks or plays there, as a club or a firm does ("the city of Liverpool ...
#: Liverpool said").
_PLACE_OF = re.compile(
    r"\b(?:town|village|hamlet|city|island|suburb|county|province|region|district|borough"
    r"|[Rr]esidents|[Ii]nhabitants|[Mm]ayors?) of ([A-Z][\w'’-]*(?: [A-Z][\w'’-]*)?)"
)


#: Words after a town's name that make someone local to it ("Dundee taxi driver", "Bishop
#: Auckland man jailed", "Halifax council", "a Highland councillor"); not "driver"
#: ("Toyota driver"), "people" ("Amazon people"), "family" ("the Kennedy family"),
#: "academy", "women" or "school" (a club's, a university's: a reviewer's), nor one before
#: a name, a club's player's ("Southampton teenager Theo Walcott"); a mayor and a school
#: board are a town's, also before a name ("Former Dubuque mayor Bob Klauer", "the
#: Lawrence school board").
_LOCAL_AFTER = re.compile(
    r" (?:(?:man|woman|boy|girl|teen(?:ager)?s?|pensioners?|couple|mum|dad|taxi|council"
    r"|councillors?|residents|pupils)\b(?! [A-Z])|mayor\b|school (?:board|district)s?\b)"
)
#: What stands between a person's name and the town they are of or from: "Dennis
#: Thibodeau, 66, of Hampden", "Sen. Curtis Mahlberg of Kearney", "Heather Beaton (Rob)
#: of Bible Hill" (an obituary's spouse), "Joss Stone, 17, from Devon", "Motorcycle racer
#: Roy Tansley, from Derby".
_HOME_OF = re.compile(r"(?:, \d{1,3},| \([^()\n]{1,40}\))? of |, (?:\d{1,3}, )?from ")


def _home_towns(text: str, spans: Sequence[_Span], places: Gazetteer) -> dict[int, str]:
    """The towns people are said to be of or from, where each starts: a name the
    gazetteer knows, just after a person's full name (not "Duke of Edinburgh", "Kings of
    Leon") and ``_HOME_OF``, which the model took for a body or a person. Not a name with
    a body's word ("Brad Wernle, from Automotive News Europe"), nor a university's town
    ("Professor Ann Smith of Cambridge", where the text names Cambridge University)."""
    people = {span.end for span in spans if span.kind == "person" and " " in span.text}
    return {
        span.start: span.text
        for span in spans
        if span.kind != "place"
        and text.endswith((" of ", " from "), 0, span.start)
        and any(
            _HOME_OF.fullmatch(text, end, span.start)
            for end in people
            if 0 < span.start - end <= 48
        )
        and places.knows(span.text, towns=True)
        and not holds_word_of(span.text, _BODY_NAME_WORDS)  # "from Automotive News Europe"
        and not _university(span.text).search(text)
    }


def _university(town: str) -> re.Pattern[str]:
    """ "University of X" or "X University" in a text."""
    town = re.escape(town)
    return re.compile(rf"\b(?:University of {town}|{town} University)\b")


#: An item of a list of names: one or more capitalised words.
_ITEM = r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*)*"
#: A list of names after a word that says where ("a warning for Donegal, Sligo and Mayo",
#: "Applications from England and Wales", "School boards in Rutland and Burlington") ...
_TOWN_LIST = re.compile(
    rf"\b(?:in|at|from|to|for|between|near|nearby)\s+"
    rf"(?P<list>{_ITEM}(?:, {_ITEM})*,? (?:and|or) {_ITEM})(?![\w'’-])"
)
#: ... or a route's ends ("flood warnings from Welshpool to Bewdley", "the Midleton to
#: Youghal greenway", "the London to Leeds express") ...
_ROUTE = re.compile(rf"\b(?:from|[Tt]he)\s+(?P<list>{_ITEM} to {_ITEM})(?![\w'’-])")
_LIST_SEPARATOR = re.compile(r",? (?:and|or) |, | to ")
#: ... nor one after words that make its items a university's or a club's ("studied at
#: Oxford and Cambridge", "researchers at Cardiff and Swansea", "joined from Wigan and
#: Chelsea", "played for Bolton and Wigan": a reviewer's).
_CAREER_BEFORE = re.compile(
    r"\b(?:stud(?:y|ies|ied|ying|ents?)|degrees?|graduat\w*|research\w*|scientists?"
    r"|professors?|academics?|lecturers?|educated|join\w*|sign\w*|transferr?\w*|play\w*"
    r"|loan\w*|interest)\s+$",
    re.IGNORECASE,
)


def _listed_towns(text: str, spans: Sequence[_Span], places: Gazetteer) -> set[int]:
    """The towns of a text's lists of towns and routes: where each item the model named
    as a body starts (the people of "from London to Darwin" stay people). Every item of
    the list is one the gazetteer knows, small towns too (not a name in capitals: "between
    Dublin and IRA men"), and one at least is a place to the model, since the gazetteer
    has many bodies' names for towns' ("Shares in Toyota and Honda", "at Harvard and
    Stanford"). Not a list that mixes countries and towns ("in Oxford, UK, and Nokia
    began"), one of whose items acts as a body does ("Honda said"), one a word in "s"
    follows, a plural or a verb ("Michigan and Stanford universities", "and Nokia begins";
    not "express", nor "has" or "was", which follow a place too: ``_AFTER_PLACE``), nor
    one a university's or a club's (``_CAREER_BEFORE``)."""
    kinds = {(span.start, span.end): span.kind for span in spans}
    towns: set[int] = set()
    for match in (*_TOWN_LIST.finditer(text), *_ROUTE.finditer(text)):
        word = (following := _FOLLOWING.match(text, match.end())) and following[1]
        if (
            word and word.endswith("s") and not word.endswith("ss") and word not in _AFTER_PLACE
        ) or _CAREER_BEFORE.search(text, max(0, match.start() - 30), match.start()):
            continue
        items, start = [], match.start("list")
        for item in _LIST_SEPARATOR.split(match["list"]):
            start = text.index(item, start)
            items.append((start, item, kinds.get((start, start + len(item)))))
            start += len(item)
        countries = {places.canonical_name(item) in places.countries for _, item, _ in items}
        if (
            len(countries) > 1
            or not any(kind == "place" for _, _, kind in items)
            or not all(places.knows(item, towns=not item.isupper()) for _, item, _ in items)
            or any(_acts(item, text) for _, item, _ in items)
        ):
            continue
        # (Only an item the model named alone: not one of "Doncaster, Hartlepool, North
        # Tyneside", one span of the model's.)
        towns.update(
            start
            for start, item, kind in items
            if kind == "organization" or (kind == "person" and not _personal(item))
        )
    return towns


#: What stands between the items of a list of names: ", ", " and ", ", and ", " or ".
_BETWEEN_ITEMS = re.compile(r", (?:and |or )?| (?:and|or) ")


def _listed_bodies(text: str, spans: Sequence[_Span]) -> set[int]:
    """Where the items of a list of bodies start that the model took for people or places
    ("IBM, Nokia, Oracle and RealNetworks"; Nokia a town too): a list more than half of
    whose names are bodies to the model. Not a person's full name in it ("Intel, Apple
    and Bill Gates"), nor a place the gazetteer knows; and not in a sports report, whose
    lists are players' (``sports``, the caller's)."""
    return {start for items in _lists(text, spans) for start in _other_items(items, text)}


def _lists(text: str, spans: Sequence[_Span]) -> Iterator[list[_Span]]:
    """The text's names, in lists: names one after another between which stand only
    ``_BETWEEN_ITEMS`` (a name alone is a list of one)."""
    items: list[_Span] = []
    for span in sorted(spans, key=lambda span: span.start):
        if items and not _BETWEEN_ITEMS.fullmatch(text, items[-1].end, span.start):
            yield items
            items = []
        items.append(span)
    if items:
        yield items


#: "and" and a capitalised word after a list's last item, which the model did not take
#: for a name: the item runs on ("Interpol and Echo and the Bunnymen").
_RUNS_ON = re.compile(r" and (?:the )?[A-Z]")


def _mostly(items: Sequence[_Span], kind: Kind) -> bool:
    """Whether more than half of a list's names are of ``kind`` to the model."""
    return 2 * sum(item.kind == kind for item in items) > len(items)


def _other_items(items: Sequence[_Span], text: str) -> Iterable[int]:
    """The starts of ``_listed_bodies``'s items in one list (``items``)."""
    if not _mostly(items, "organization") or any(_place_shaped(item.text) for item in items):
        return  # (nor a list a place's name is in: "Aberdeen South, Dumfriesshire")
    last = items[-1] if _RUNS_ON.match(text, items[-1].end) else None
    for item in items:
        if (
            item.kind != "organization"
            and item is not last
            and not looks_like_personal_name(item.text)
            # (Nor a place the gazetteer knows: "spread to the Midlands, Merseyside,
            # Bristol and Leeds", the model's bodies but Bristol.)
            and not gazetteer().knows(item.text, towns=True)
        ):
            yield item.start


def _place_shaped(name: str) -> bool:
    """A county's name ("Dumfriesshire") or one a place's word or a point of the compass
    ends ("Cynon Valley", "Aberdeen South")."""
    last = name.rpartition(" ")[2]
    return bool(_SHIRE.fullmatch(name)) or last in _PLACE_WORDS or last in _COMPASS_WORDS


_COMPASS_WORDS = frozenset({"North", "South", "East", "West", "Central"})


def _personal(name: str) -> bool:
    """Whether a name may be a person's: its first word is a first name, and its last no
    place's word ("Homa Bay", "Russell Springs" are towns)."""
    words = name.split()
    return given_name(words[0]) and words[-1] not in _PLACE_WORDS


@lru_cache(maxsize=256)
def _acts(name: str, text: str) -> bool:
    """Whether the text has a name speak, act or play as a body does: "Liverpool said",
    "Toyota's profits rose", "Leeds beat Hull"; not its people ("residents of X said")."""
    return any(
        not text.endswith(("of ", "in "), 0, match.start())
        for match in re.finditer(rf"\b{re.escape(name)}(?:['’]s)? (?:{_ACTIONS})\b", text)
    )


_ACTIONS = (
    "said|says|told|announced|reported|won|beat|lost|drew|scored|signed|sold|bought|"
    "profits?|shares?|fans|manager|players?|chairman|boss"
)


def _in_town(span: _Span, text: str, places: Gazetteer) -> bool:
    """Whether an organization's mention is a town's, written "in X" (``_BUYING_INTO``;
    the words read back stop at a sentence's end). Asked of every organization's mention:
    the cheap tests first, the words before only after "in"."""
    if text.startswith(("'", "’"), span.end) or not places.is_town(span.text):
        return False
    before = _SENTENCE_END.split(text[max(0, span.start - 60) : span.start])[-1]
    words = _WORDS_BEFORE.findall(before)
    return (
        bool(words)
        and words[-1] in ("in", "In")
        and not any(_BUYING_INTO.fullmatch(word) for word in words[-5:-1])
    )


def _where(cues: str) -> re.Pattern[str]:
    """Where a place's name stands: after one of ``cues``, alone or as an item of a list
    the cue leads ("in Baglan, Margam and Taibach"); a cue that starts its sentence or a
    quotation is capitalised ("In Sherbrooke, the mayor ...", '"In Homa Bay and Migori we
    have'); or after a word of the region or the neighbours, in lower case ("across
    Tairāwhiti and northern Hawke's Bay", "TDs from neighbouring Limerick and Clare")."""
    return re.compile(
        rf"(?P<cue>\b(?:{cues}|{_REGION})|^[\"“‘']?(?i:{cues}))\s+(?P<the>the\s+)?"
        rf"(?P<list>(?:{_ITEM}(?:, | and | or |, and ))*)$"
    )


#: A point of the compass from a place: "west of Kamloops", "north-east of Leeds".
_COMPASS = r"(?:north|south)(?:-?(?:east|west))?|east|west"
#: A region of a place, or its neighbours: "northern Hawke's Bay", "north Omaha",
#: "central Java", "neighbouring Arunachal Pradesh".
_REGION = rf"(?:{_COMPASS})(?:ern)?|central|neighbou?ring"
#: After "in", "near", "outside", "across", "around", "the edge/outskirts/centre/heart
#: of" or "west of" ...
_WHERE = _where(
    rf"in|near|outside|across|around|(?:edge|outskirts|centre|center|heart|{_COMPASS}) of"
)
#: ... for a body's name, not "across" or "around" ("the debate around Meta", "the crisis
#: around Chelsea", "problems across Google and YouTube": a reviewer's examples).
_BODY_WHERE = _where(rf"in|near|outside|(?:edge|outskirts|centre|center|heart|{_COMPASS}) of")
#: ... but not after words that put a work, a product, a firm or a side's player there:
#: "appeared in X", "a hole in X", "a stake in X", "bring in X", "published in X".
_NOT_WHERE = re.compile(
    r"\b(?:interests?|confidence|faith|trust|belief|roles?|parts?|star(?:s|red|ring)?"
    r"|appear\w*|play\w*|cast|characters?|episodes?|series|films?|shows?|holes?|flaws?|bugs?"
    r"|vulnerabilit\w+|features?|stakes?|shares?|invest\w*|holdings?|bring\w*|brought"
    r"|call\w*|drafted|pencilled|players?|signings?|replacements?|talent|find|career|spell"
    r"|publish\w*|wr[io]te|written|editorials?|articles?|interview\w*|columns?|quoted"
    r"|adverts?|partners?|ally|allies|friends?|rivals?|mentors?|successors?|heroe?s?|served"
    r"|serving|voted|sworn|swore|governments?)\b(?:\s+\S+){0,5}\s+in$",
    re.IGNORECASE,
)
#: The rest of a list after one of its items: ", Taibach", " and Taibach".
_LIST_REST = re.compile(rf"(?:, {_ITEM})*,? (?:and|or) (?:the )?[A-Z]")
#: A lower-case word after a name ...
_FOLLOWING = re.compile(r" ([a-z]+)")
#: ... or after the list a name starts ("in Thatcher and Major governments": a
#: reviewer's example) ...
_AFTER_LIST = re.compile(rf"(?:(?:, |,? (?:and|or) ){_ITEM})+ ([a-z]+)")
#: ... that a place's name is followed by ("in Kaiapoi on Monday", "in Nenagh town");
#: others say the name qualifies a noun ("in Conservative hands", "in Xbox Live traffic")
#: or starts a clause ("in Oxford, UK, and Nokia begins").
_AFTER_PLACE = frozenset(
    {"on", "at", "and", "or", "in", "where", "when", "last", "this", "after", "before",
     "since", "for", "to", "with", "from", "by", "during", "near", "is", "was", "has",
     "had", "have", "were", "are", "will", "would", "earlier", "yesterday", "today",
     "overnight", "until", "town", "city", "state", "county", "district", "province",
     "village", "island", "islands", "region"}
)  # fmt: skip
#: ... and, of a name the gazetteer knows, these ("in India but", "in Madrid despite",
#: "in Yate and Thornbury between March and May"); not of a name it does not know ("a lot
#: of Blair in Starmer but", "a general in Rodri but": a reviewer's examples).
_AFTER_KNOWN_PLACE = frozenset({"between", "amid", "despite", "while", "because", "but"})
#: Last words of places' names ("Broughty Ferry", "Canary Wharf", "Point Pleasant Park").
_PLACE_HEADS = frozenset(
    {"Ferry", "Park", "Wharf", "Bridge", "Cross", "Green", "Heath", "Hill", "Hills", "Beach",
     "Bay", "Point", "Vale", "Valley", "Garrison", "Common", "End", "Town", "Village",
     "Estate", "Harbour", "Creek", "Springs", "Falls", "Island", "Marsh", "Moor", "Wood",
     "Woods", "Fields", "Grove", "Sands", "Head", "Mills"}
)  # fmt: skip
#: Last words of places' names of either kind.
_PLACE_WORDS = _GEOGRAPHIC_WORDS | _PLACE_HEADS
#: "is", "was", "has" after a name: a body acting, unless a place's cue stands before it.
_BE_OR_HAVE = re.compile(r"\s+(?:is|was|has|have|had)\b")
#: Last words of parks and of nature's places, which the model takes for bodies
#: ("Spruce Woods Provincial Park", "San Francisco Peaks", "Kenduskeag Stream": a trial's;
#: "Central Park", "Yellowstone National Park": BBC); not "Mountain" ("Wolverton
#: Mountain", a song) nor "Hill" ("Grange Hill", a show).
_NATURE_HEADS = frozenset(
    {"Park", "Peaks", "Stream", "Lake", "River", "Gardens", "Creek", "Falls", "Glacier"}
)
#: A capitalised word after a name: a longer name's ("Google Cloud").
_NAME_GOES_ON = re.compile(r" [A-Z][a-z]")
#: After a name, what a person does ("X said", "X has"), and what a body does.
_PERSON_ACTS = re.compile(
    r",? who\b|\s+(?:said|says|told|added|explained|insisted|admitted|wrote|was|is|has|had)\b"
)
_BODY_ACTS = re.compile(
    rf"\s+(?:{_ACTIONS}|spokes\w+|chief|executive|director|board|owners?|has|have|is|was"
    r"|who)\b"
)
#: Words of a body's or a club's name ("Derby County", "White House").
_BODY_NAME_WORDS = HEAD_WORDS | CLUB_WORDS


@lru_cache(maxsize=256)
def _placed(name: str, text: str, acts: re.Pattern[str], where: re.Pattern[str]) -> bool:
    """Whether a text writes a name where a place stands (``where``: "in Kaiapoi", "near
    Youghal", "in Baglan, Margam and Taibach") and never as its kind acts (``acts``:
    "Ludlow said", "Amazon's chief executive"). Not someone's ("in Smith's view"), a
    longer name's, a work's, a firm's or a person's (``_NOT_WHERE``), nor a name a
    lower-case word follows that no place's is followed by (``_AFTER_PLACE``: "in Google
    searches"), unless it stands alone after its cue and the gazetteer has it as a place
    ("the hospital in Truro declared")."""
    places = gazetteer()
    placed = False
    for match in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w-])", text):
        start, end = match.span()
        if text.startswith(("'s", "’s"), end):
            if acts.match(text, end + 2):
                return False  # "Amazon's chief executive"
            continue
        if text.startswith(("'", "’"), end) or _NAME_GOES_ON.match(text, end):
            continue
        before = _SENTENCE_END.split(text[max(0, start - 80) : start])[-1]  # this sentence's
        cue = where.search(before)
        if acts.match(text, end) and (cue is None or not _BE_OR_HAVE.match(text, end)):
            return False  # (not "west of Kamloops was expanded": the order was)
        if cue is None or _NOT_WHERE.search(before, 0, cue.end("cue")):
            continue
        listed = bool(cue["list"])
        if listed and before.endswith(", ") and not _LIST_REST.match(text, end):
            continue  # "in County Hall, Fine Gael councillor ...": no list
        after_list = None if listed else _AFTER_LIST.match(text, end)
        following = after_list or _FOLLOWING.match(text, end)
        if (
            following
            and following[1] not in _AFTER_PLACE
            and not (following[1] in _AFTER_KNOWN_PLACE and places.knows(name, towns=True))
            and (listed or (cue["the"] and not after_list) or not places.is_place(name))
        ):
            continue  # (after "the", a name before a noun qualifies it: "the Wimbledon final")
        if cue["the"] and not (
            places.knows(name, towns=True) or name.rpartition(" ")[2] in _PLACE_WORDS
        ):
            continue  # "in the Cynon Valley", "in the Maldives"; not "in the Premiership"
        placed = True
    return placed


_SCORE_AFTER = re.compile(r"[ \t]+\d{1,3}(?![\d-]{3})\b")


#: Topic tags of sports whose teams are named after towns ("gave Newport an unlikely 3-0
#: win"); not tennis, golf or athletics ("a champion in Melbourne": the town), nor a
#: sport a business story touches (a second tag: a reviewer's "football fans ... in Truro").
_TEAM_SPORTS = frozenset(
    {"sport", "sport/football", "sport/rugby", "sport/cricket", "sport/american-sports"}
)


def _numbered_lines(text: str) -> bool:
    """Several lines with two numbers or more: a results table, or a report full of scores
    (where a place's name before a score is a team's)."""
    return sum(len(_NUMBER.findall(line)) >= 2 for line in text.split("\n")) >= 4


def _looks_like_results(text: str) -> bool:
    """A sports results table or team sheet: two lines or more with two numbers or more
    and few words in lower case ("Hearts 2-1 Livingston", "Riise 1, Nunez 113.",
    "Dudek, Finnan, Traore (Biscan 67), ..."); not paragraphs of prose with numbers in
    them ("Whitcombe, 44, admitted 12 counts"; ``_numbered_lines`` counts those: BBC, 70
    articles of no sport's)."""
    return sum(_tabular(line) for line in text.split("\n")) >= 2


#: A word of a line (its first letter says whether it is written in lower case).
_LINE_WORD = re.compile(r"[^\W_][\w'’.-]*")


def _tabular(line: str) -> bool:
    """Whether a line has two numbers or more, not sums or shares ("Revenue: £45.6m (2022:
    £40.2m)": a company's results, a reviewer's example), and at most 3 words in 10 in
    lower case."""
    if len(_NUMBER.findall(_AMOUNT.sub(" ", line))) < 2:
        return False
    words = _LINE_WORD.findall(line)
    return 10 * sum(word[0].islower() for word in words) <= 3 * len(words)


_NUMBER = re.compile(r"\b\d+\b")
_AMOUNT = re.compile(r"[£$€¥]\s?\d[\d,.]*\w*|\d[\d,.]*\s?(?:%|per ?cent\b)")


def _apply_corrections(
    mentions: list[Mention], corrections: Mapping[str, Mapping[str, list[str]]]
) -> tuple[list[Mention], tuple[str, ...]]:
    """The mentions without the header's ``drop`` names, and the drops that matched none
    (as ``people: Caris``, each with the nearest name of that kind, if any, after ``~``)."""
    import difflib

    drop = corrections.get("drop", {})
    dropped = {
        (kind, name.casefold()): f"{section}: {name}"
        for kind, section in SECTION.items()
        for name in drop.get(section, [])
    }
    found = {(m.kind, m.name.casefold()) for m in mentions}
    unmatched = []
    for (kind, key), entry in dropped.items():
        if (kind, key) not in found:
            names = sorted({m.name for m in mentions if m.kind == kind})
            near = difflib.get_close_matches(entry.split(": ", 1)[1], names, n=1, cutoff=0.6)
            unmatched.append(entry + (f" ~ {near[0]}" if near else ""))
    return [m for m in mentions if (m.kind, m.name.casefold()) not in dropped], tuple(unmatched)


def _additions(corrections: Mapping[str, Mapping[str, list[str]]]) -> list[tuple[Kind, list[str]]]:
    add = corrections.get("add", {})
    return [(kind, list(add.get(section, []))) for kind, section in SECTION.items()]


def place_facts(places: Iterable[str]) -> tuple[Place, ...]:
    """Gazetteer facts (country, coordinates) for the places that have them."""
    known = gazetteer()
    return tuple(info for name in places if (info := known.info(name)) is not None)


def extraction(
    text: str,
    candidates: Sequence[Candidate],
    dates,
    title_end: int = 0,
    corrections: Mapping | None = None,
    tags: tuple[str, ...] = (),
) -> Extraction:
    """Bundle resolved mentions, names, dates and tags into an Extraction."""
    sport = bool(tags) and tags[0] in _TEAM_SPORTS  # its first tag: what it is about
    mentions, by_kind, unmatched = resolve(text, candidates, title_end, corrections, sport)
    return Extraction(
        people=by_kind["person"],
        places=by_kind["place"],
        organizations=by_kind["organization"],
        mentions=mentions,
        dates=tuple(dates),
        tags=tags,
        geo=place_facts(by_kind["place"]),
        unmatched_drops=unmatched,
    )
