"""Article pages -> EntityIndex: who, where, when, and with whom.

Built once per build, before any page that depends on it is rendered. Free of MkDocs types:
it takes ArticleInfos (a page of the contract and its place in the site) and gives plain
values; mentions are where the pages say they are, never searched for in the text.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from html import escape
from typing import TypeVar

from build_tools.archive.identity import (
    ACRONYM,
    AFTER_CUE,
    BEFORE_CUE,
    BODY_WORDS,
    CUE_WORDS,
    MUSIC_WORDS,
    PRODUCT_AFTER,
    SCREEN_WORDS,
    SMALL_ARCHIVE,
    ArchiveIdentity,
    Curated,
    EntityRef,
    cue_before,
    in_listed_term,
    legal_name,
    person_shaped,
)
from build_tools.gazetteer import gazetteer
from build_tools.model import KINDS, Kind
from build_tools.names import BODY_ROLES, ROLES, TITLES, given_name, written_in_lower_case
from build_tools.page import ArticlePage, Position, read_article
from build_tools.timex import date_key

T = TypeVar("T")
#: Where a sentence ends: after . ! or ?, not after an abbreviation (U.S., Mr., Dr.).
_SENTENCE = re.compile(
    r"(?<=[.!?])(?<!\.[A-Z]\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMs\.)"
    r"[”\"’']?\s+(?=[“\"‘A-Z0-9&])"
)
MAX_SENTENCE = 320
#: Entities in more articles than this say little about relatedness and are skipped, which
#: also keeps the cost per article constant as the archive grows.
RELATED_CAP = 100
#: Names of one article that count for "often mentioned with" (a news article has tens).
CO_MENTION_CAP = 300


def default_min_articles(count: int) -> int:
    """How many articles a name needs for a page of its own, by default: one below
    ``SMALL_ARCHIVE`` articles; above, two, and one more per thousand (10 at 10,000), which
    keeps the entity pages in step with the archive (else each would hold one line)."""
    return max(2, count // 1000) if count >= SMALL_ARCHIVE else 1


@dataclass(frozen=True)
class ArticleInfo:
    """An article page of the site: where it is, and its page (the contract's value)."""

    src_uri: str
    page: ArticlePage
    names: dict[Kind, tuple[str, ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = {kind: tuple(n.name for n in self.page.named(kind)) for kind in KINDS}
        object.__setattr__(self, "names", names)

    title = property(lambda self: self.page.title)
    date = property(lambda self: self.page.date)
    source = property(lambda self: self.page.source)
    url = property(lambda self: self.page.url)
    author = property(lambda self: self.page.author)
    summary = property(lambda self: self.page.summary)
    tags = property(lambda self: self.page.tags)
    paragraphs = property(lambda self: self.page.paragraphs)

    @property
    def dates(self) -> tuple[tuple[str, str], ...]:
        """(value, words) of each date mentioned."""
        return tuple((date.value, date.text) for date in self.page.dates)

    @property
    def sort_key(self) -> tuple:
        return (self.date or dt.date.min, self.title, self.src_uri)


@dataclass(frozen=True)
class Appearance:
    """One article that mentions an entity, with the sentence that mentions it."""

    article: ArticleInfo
    sentence: str


@dataclass(frozen=True)
class DateMention:
    """An article that mentions a date: the words it used, and where."""

    text: str
    article: ArticleInfo
    at: tuple[Position, ...]

    def sentence(self) -> str:
        """HTML: the sentence (the headline's words when only the title says it) with the
        date's words marked; empty when the page holds no position for them."""
        for position in sorted(self.at, key=lambda p: (p.paragraph == 0, p)):
            text = self.article.page.paragraph(position.paragraph)
            if position.end <= len(text):
                return marked_sentence(text, position.start, position.end)
        return ""


def parse_article(src_uri: str, text: str) -> ArticleInfo | None:
    """Read an article page (PageError when it breaks the contract); None for a page
    written by hand, which has no provenance."""
    found = read_article(text, src_uri)
    return ArticleInfo(src_uri, found[0]) if found else None


@functools.lru_cache(maxsize=4096)
def _separators(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Where the sentences of a paragraph are separated: (starts, ends) of each gap. Kept
    for the paragraphs in use: an article's names are looked up in the same paragraphs."""
    gaps = [(found.start(), found.end()) for found in _SENTENCE.finditer(text)]
    return tuple(start for start, _ in gaps), tuple(end for _, end in gaps)


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """Where the sentence of a paragraph around a character offset starts and ends."""
    starts, ends = _separators(text)
    after = bisect.bisect_right(starts, position)  # the first gap that starts past it
    return (ends[after - 1] if after else 0), (starts[after] if after < len(starts) else len(text))


def sentence_at(text: str, position: int) -> str:
    """The sentence of a paragraph around a character offset, shortened when long."""
    start, end = sentence_bounds(text, position)
    return _shorten(text[start:end])


def marked_sentence(text: str, start: int, end: int) -> str:
    """HTML: the sentence around ``text[start:end]``, those words in ``<mark>``; a long
    sentence is cut to about MAX_SENTENCE characters around them."""
    first, last = sentence_bounds(text, start)
    last = max(last, sentence_bounds(text, end - 1)[1])  # "Sept. 5": a break inside the words
    before, words, after = text[first:start], text[start:end], text[end:last]
    room = max(0, MAX_SENTENCE - len(words)) // 2
    if len(before) > room:
        cut = before.find(" ", len(before) - room)
        before = "… " + before[cut + 1 if cut >= 0 else len(before) - room :]
    if len(after) > room:
        cut = after.rfind(" ", 0, room)
        after = after[: cut if cut > 0 else room] + " …"
    return f"{escape(before)}<mark>{escape(words)}</mark>{escape(after)}"


def first_sentences(
    article: ArticleInfo, positions: Mapping[T, Iterable[Position]]
) -> dict[T, str]:
    """For each key, the sentence of the body around its first position (the title's are
    left out: a headline is no sentence to quote)."""
    found: dict[T, str] = {}
    for key, at in positions.items():
        first = min((p for p in at if p.paragraph > 0), default=None)
        if first is not None:
            found[key] = sentence_at(article.page.paragraph(first.paragraph), first.start)
    return found


def _shorten(sentence: str) -> str:
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    cut = sentence.rfind(" ", 0, MAX_SENTENCE)
    return sentence[: cut if cut > 0 else MAX_SENTENCE] + " …"


def acronyms_of(article: ArticleInfo) -> dict[str, str]:
    """The acronyms an article writes for its organizations (the converter joins "the
    Welsh Rugby Union (WRU)" into one name): acronym -> the organization's name."""
    found: dict[str, str] = {}
    for named in article.page.named("organization"):
        for position in named.at:
            text = article.page.text_of(position)
            if text != named.name and ACRONYM.fullmatch(text):
                found.setdefault(text, named.name)
    return found


def short_names_of(article: ArticleInfo) -> dict[str, str]:
    """An article's short names of the organizations it first names in full, as news
    writes them: "Sun" after "Sun Microsystems Inc.", "Compaq" after "Compaq Computer
    Corp.", "Rally" after "Rally's Inc." (a legal form), "Bayern" after "Bayern Munich",
    "Marsh" after "Marsh & McLennan" (the rest of the full name capitalised words, no
    first name: not "EADS Philippe Camus", "Arsenal to Real Madrid"); short name -> full
    name, one full name that the short one starts, named before it in the article."""
    # (Where the body names each first: a headline writes the short name, "Sun to cut jobs".)
    first = {
        named.name: min(at for at in named.at if at.paragraph)[:2]
        for named in article.page.named("organization")
        if any(at.paragraph for at in named.at)
    }
    full_names = [name for name in first if " " in name]
    if not full_names:
        return {}
    text = "\n".join(article.paragraphs)
    found = {}
    for named in article.page.named("organization"):
        name = named.name
        if name not in first:
            continue
        longer = [full for full in full_names if first[full] < first[name] and _full_of(name, full)]
        # (Not a name written "the X", a short name of something else: "Dow Jones & Co.
        # ... the Dow fell", "Sun Microsystems Inc. ... The Sun newspaper"; nor a word the
        # article writes in lower case: "Time Warner Inc. ... Time magazine ... in time".)
        if (
            len(longer) == 1
            and not any(
                article.page.paragraph(at.paragraph).endswith(_THE, 0, at.start) for at in named.at
            )
            and not written_in_lower_case(name, text)
        ):
            found[name] = longer[0]
    return found


def _full_of(short: str, full: str) -> bool:
    """Whether ``full`` is a fuller name that ``short`` starts (``short_names_of``)."""
    if legal_name(full):
        return full.startswith((f"{short} ", f"{short}'s ", f"{short}’s "))
    if not full.startswith(f"{short} "):
        return False
    rest = full[len(short) + 1 :].split()
    return len(rest) <= 3 and all(
        (word[:1].isupper() or word[:1].isdigit() or word == "&")
        and not given_name(word, True)
        and word.casefold() not in TITLES  # "Mid-Bedfordshire MP": an office, no name
        for word in rest
    )


_THE = ("the ", "The ")
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz,;")
_INITIALS = re.compile(r"[A-Z]{2} [A-Z][a-z]")  # "JP McManus", "KP Robertson"
#: Words before a town that make it the place, even in a sports report ("in Liverpool").
_LOCATIVE = frozenset({"in", "from", "near", "outside"})
_AT = frozenset({" at ", "at "})
#: Outside sports reports, "from X" is as often a company's ("rights from Paramount").
_IN = frozenset(
    {"in", "near", "outside", *(f"{noun} of" for noun in ("city", "town", "state", "province"))}
)
_ENDS = frozenset('.!?"')
#: Words after a name that only a person or a body takes: it speaks, or has a spokesman,
#: a chairman or shares ("X said", "an X spokesman", "X's chief executive"; not "workers",
#: "officials", which common words take: "aid workers"). The
#: review queue holds a page written so as likelier right (``review.SPEAKER_WEIGHT``).
_SPEAKS = re.compile(
    r"(?:'s|’s)? (?:(?:has|had|have|also|later|then|now) )?(?:said|says|told|announced|added"
    r"|claimed|denied|insisted|confirmed|warned|argued|stated)\b|(?:'s|’s)? (?:spokes(?:man"
    r"|woman|person)|chief executive|chairman|shares)\b"
)
_OF_THE = frozenset({"of", "the", "for"})  # the word before a piece of a longer name
#: A body's head word, then "for", then a mention: the rest of the body's name ("Alliance
#: for Digital Inclusion", "Lab for Mobile Communications"); not "MP for Sedgefield", "The
#: Aviator for Oscar", nor the words that head other names too ("Club for Arsenal", "The
#: Times for Tony Blair", as a reviewer showed). (BBC archive: three articles; their two
#: pages were fragments.)
_FOR_HEADS = BODY_WORDS | {
    "Alliance", "Campaign", "Coalition", "Department", "Ministry", "Fund", "Movement",
    "Partnership", "Network", "Lab", "Labs", "Laboratory", "Bank", "School", "College",
    "University", "Academy", "Service",
}  # fmt: skip
#: Words before a work's title that nothing else takes ("a film entitled X").
_TITLED = frozenset({"entitled", "titled"})
_POLL = re.compile(r"(?: [\w-]+)? (?:polls?|polling|surveys?)\b", re.IGNORECASE)
#: "entitled X to" is the verb: "the ruling entitled Parmalat investors to damages".
_ENTITLED_TO = re.compile(r"(?: [\w'’-]+){0,3} to\b")


#: The topics (data/topics.yml) whose clubs are named after towns; in tennis, athletics
#: or golf a town is where the event is.
_TEAM_SPORTS = frozenset(
    f"sport/{sport}" for sport in ("football", "rugby", "cricket", "american-sports")
)


#: Sports played one against one (or each for oneself): their reports' bodies are few
#: and named as bodies are (the IAAF, the Lawn Tennis Association). Not golf, cycling or
#: boxing, whose clubs, teams and promoters are named as people are ("Augusta National
#: chairman", "Liberty Seguros rider", "Top Rank"), as a reviewer showed.
_SOLO_SPORTS = frozenset(f"sport/{sport}" for sport in ("tennis", "athletics"))


#: Words before a name that a player's name never follows, in those reports.
_PLACED = frozenset({"the", "at", "in"})
#: Words that put what follows them on a map ("moved to Malibu", "the factory in
#: Longbridge"): a place's cue, in any article; a town's words (``_IN``) and words of
#: motion. Not "from" nor "at", a company's as often ("rights from Paramount", "he worked
#: at Yukos"), as a reviewer showed.
_ON_A_MAP = _IN | {"to", "into", "around", "across"}


#: Reports whose teams data/names.yml's nicknames name (not North American sports': the
#: San Antonio Spurs are not Tottenham).
_NICKNAME_SPORTS = frozenset(f"sport/{sport}" for sport in ("football", "rugby", "cricket"))


#: A club's words beside a town the model took for a person in a team sport's report:
#: its staff or players after it ("sacked as Valencia coach"), a club or a move before
#: it ("French club side Narbonne", "played for Ajax"). Not a possessive ("Ferguson's
#: side": the manager's) nor "against X", which a player takes too.
_CLUB_AFTER = re.compile(
    r" (?:coach|manager|boss|chairman|captain|striker|midfielder|defender|goalkeeper"
    r"|keeper|winger|fans|supporters|side|squad)\b(?!-)"
)
_CLUB_BEFORE = re.compile(r"\b(?:club|side|played for|joined|joining) $")


def clubs_called_people(article: ArticleInfo) -> frozenset[str]:
    """One-word "people" of a team sport's report that are towns the gazetteer knows,
    written with a club's words beside a mention (``_CLUB_AFTER``, ``_CLUB_BEFORE``) and
    never as a speaker ("Ferguson told reporters"): the clubs (BBC: Valencia, Narbonne,
    Ajax; the archive keeps its people's surnames, ``ArchiveIdentity``)."""
    page = article.page
    if not _TEAM_SPORTS.intersection(page.tags):
        return frozenset()
    places = gazetteer()
    found = set()
    for named in page.named("person"):
        if " " in named.name or not places.is_town(named.name):
            continue
        around = [(page.paragraph(p.paragraph), p) for p in named.at]
        if any(_SPEAKS.match(text, p.end) for text, p in around):
            continue
        if any(
            _CLUB_AFTER.match(text, p.end)
            or _CLUB_BEFORE.search(text, max(0, p.start - 16), p.start)
            for text, p in around
        ):
            found.add(named.name)
    return frozenset(found)


def towns_of(article: ArticleInfo) -> dict[str, Kind]:
    """The kind of each town (the gazetteer's city or town: no country, which is its
    national team and a place by the page rules) an article names as a place or an
    organization, where the article itself tells: in a team sport's report (its tags),
    a club, unless mostly written "in X", "from X" (Liverpool beat Everton); elsewhere,
    a place when mostly written "in X", "near X" or "the city of X" (a concert in
    Bristol; and so any place the gazetteer names: "in Washington DC", "the Brazilian
    city of Porto Alegre")."""
    page = article.page
    team = bool(_TEAM_SPORTS.intersection(page.tags))
    places = gazetteer()
    found: dict[str, Kind] = {}
    for kind in ("place", "organization") if team else ("organization",):
        for named in page.named(kind):
            # (Outside sports reports, any place the gazetteer names: a country, a state,
            # an alias, "Washington DC", a large city's former name, "Arbil"; not all it
            # knows, which holds a Google and a Hamas among large cities' other names.)
            if not (
                places.is_town(named.name)
                or (
                    not team
                    and (places.canonical_name(named.name) or places.current_name(named.name))
                )
            ):
                continue
            venue = 0
            for position in named.at:
                text, start = page.paragraph(position.paragraph), position.start
                space = text.rfind(" ", max(0, start - 12), start - 1)
                word = text[space + 1 : start - 1].casefold() if space >= 0 or start <= 12 else ""
                if word == "of" and not team and space > 0:
                    before = text.rfind(" ", max(0, space - 10), space)
                    word = "of" if before < 0 else text[before + 1 : space].casefold() + " of"
                # (Outside reports, not before a possessive: "growth in Nokia's sales".)
                owner = text.startswith(("'s", "’s"), position.end)
                venue += start > 1 and (
                    word in _LOCATIVE
                    if team
                    else word in _IN and not owner and cue_before(text, start) != "company"
                )
            if team and 2 * venue < len(named.at):
                found[named.name] = "organization"
            elif not team and 2 * venue > len(named.at):
                found[named.name] = "place"
    return found


def _surname_alone(paragraphs: Iterable[str], name: str) -> bool:
    """Whether an article writes a full name's last word alone, as news writes a person
    after the first mention ("Marion Jones ... Jones said")."""
    *rest, last = name.split() or [""]
    if not rest or not last:
        return False  # one word (a hostile page's "Jean-Paul "): no surname to find
    for text in paragraphs:
        at = text.find(last)
        while at >= 0:
            end = at + len(last)
            joined = text.endswith(rest[-1] + " ", 0, at) or (at and text[at - 1].isalnum())
            follows = text[end : end + 2]
            if not joined and not (
                follows[:1].isalnum() or (follows[:1] == " " and follows[1:].isupper())
            ):
                return True
            at = text.find(last, end)
    return False


def _in_longer_name(text: str, start: int, end: int, after: bool = True, head: bool = True) -> bool:
    """Whether a mention is joined by "of" or "of the" to a capitalised word before it,
    or (``after``) after it: a piece of a longer name ("Prisoner of Azkaban", "Lord of the
    Rings", "Eternal Sunshine of the Spotless Mind"); or (``head``) by "for" or "for the"
    to a body's head word before it ("the Alliance for Digital Inclusion"). Not the join
    after for people ("Jelena Jankovic of Serbia"), nor "for" for people or for a body
    named as people are ("the Campaign for Nelson Mandela's release")."""
    if after and text.startswith(" of ", end):
        word = end + 8 if text.startswith("the ", end + 4) else end + 4
        if text[word : word + 1].isupper():
            return True
    for joined in (" for ", " for the ") if head else ():
        if start > len(joined) and text.startswith(joined, start - len(joined)):
            at = start - len(joined)
            word = text[text.rfind(" ", max(0, at - 40), at) + 1 : at]
            return word.lstrip("(\"'“‘—–-") in _FOR_HEADS
    if start > 4 and text.startswith(" of ", start - 4):
        at = start - 4
    elif start > 8 and text.startswith(" of the ", start - 8):
        at = start - 8
    else:
        return False
    word = text.rfind(" ", max(0, at - 40), at) + 1  # bounded: a long paragraph stays linear
    sentence_start = word < 2 or text[word - 2] in '.!?"'  # "Officials of the UN"
    return text[word : word + 1].isupper() and not sentence_start


def _full_names_at(page: ArticlePage) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """Where an article's people of two words or more start and end: (paragraph, offset)."""
    starts, ends = set(), set()
    for named in page.named("person"):
        if " " in named.name:
            for at in named.at:
                starts.add((at.paragraph, at.start))
                ends.add((at.paragraph, at.end))
    return starts, ends


def _beside_person(
    text: str, at: Position, people: tuple[set[tuple[int, int]], set[tuple[int, int]]]
) -> bool:
    """Whether a mention and a person's full name are joined by "and" ("John Magnier and
    JP McManus", "Thomas Haden Church and Virginia Madsen"); not by a comma, which also
    sets a person beside a company ("Jamie Dimon, JP Morgan's chief")."""
    starts, ends = people
    if text.startswith(" and ", at.end) and (at.paragraph, at.end + 5) in starts:
        return True
    return text.endswith(" and ", 0, at.start) and (at.paragraph, at.start - 5) in ends


#: The roles that say a one-word "organization" is a person ("rapper Kenzie", "comedian
#: Sacha"): ``ROLES`` but those a business, a club or a country takes too (``BODY_ROLES``;
#: "broadcaster RAI", "chip designer Arm", "fund manager Jupiter", "industry analyst
#: Gartner", as a reviewer showed), and positions and offices that are words too ("prop",
#: "lock", "centre", "forward", "speaker"). (An earlier try took every role: "sector
#: leader Omnicom".)
_ONE_WORD_ROLES = ROLES - BODY_ROLES - {"centre", "forward", "lock", "prop", "speaker"}


#: A firm's words around a one-word "place": before it ("research firm Jupiter") and after
#: it ("Jupiter analyst", "Jupiter Research"); a place takes them in few of its mentions
#: ("a London analyst"), a firm the model took for a place in many. Not the plural nor
#: "research" in lower case: "Seoul analysts expect", "the Harwell research centre", as a
#: reviewer showed.
_FIRM_BEFORE = frozenset({"firm", "company", "consultancy", "consultants"})
_FIRM_AFTER = re.compile(r" (?:analyst|Research|Ltd|Inc|plc|chief executive)\b")


def _sports_report(page: ArticlePage) -> bool:
    """Whether an article has a sport's tag, any sport's (the bare "sport" too)."""
    return any(tag.startswith("sport") for tag in page.tags)


def mention_cues(articles: Iterable[ArticleInfo]) -> dict[str, Counter[str]]:
    """What the words around each mention say, over the archive, per name: ``mentions``;
    ``capitalised``, mentions after a lower-case word; of people and organizations,
    ``company``, a "person" written as only a business or a band is ("at Merrill Lynch",
    "shares in William Hill", "Fannie Mae shares"), and ``work``, written as a work, event
    or technology is ("the film Vera Drake", "the game Grand Theft Auto", "the UWB
    standard"), ``fragment``, a piece of a longer name ("Prisoner of Azkaban"), and
    ``piece``, a piece of a name ``data/names.yml`` lists as no entity ("the Golden
    Globe"), ``title``, after a capitalised "The" mid-sentence ("favour The Aviator"), with
    ``screen`` and ``music``, such mentions with words of film and television or of music
    around them; ``articles`` and ``sport``, the articles naming it and those of them that
    are sports reports (any sport), ``solo``, of a sport played one against one (tennis,
    athletics), and ``placed``, mentions there after "the", "at"
    or "in"; of
    any kind, ``venue``, "at X" in a team sport's report (``venue_reports``: in how many
    reports; the model calls a ground a person, a place or a body; not a town's place
    mentions, "lost at Bolton"), and of organizations
    named as people
    are, ``paired``, joined by "and" to a person's full name ("John Magnier and JP McManus");
    of both, ``speaks``, what only a person or a body is written with ("X said", "an X
    spokesman"), ``slashed``, written right after another word and a slash
    ("Nielsen/NetRatings", a player's "Sale/ENG"; not a poll's sponsor, "NBC/Wall Street
    Journal poll"), ``titled``, after "entitled" or "titled", ``product``, before a
    product's noun ("the Cell processor", ``PRODUCT_AFTER``), and ``business``, of an
    organization, a business's words around it ("shares in X"); of one-word places,
    ``firm`` ("research firm X"), ``event`` ("X champion") and ``located``, after a word
    that puts it on a map ("moved to X")."""
    found: dict[str, Counter[str]] = defaultdict(Counter)
    for article in articles:
        page = article.page
        team = bool(_TEAM_SPORTS.intersection(page.tags))
        sport = _sports_report(page)
        solo = bool(_SOLO_SPORTS.intersection(page.tags))
        people: tuple[set[tuple[int, int]], set[tuple[int, int]]] | None = None
        counted: set[str] = set()  # names whose article is counted (once per article)
        for kind in KINDS:
            company = kind == "person"
            for named in page.named(kind):
                name = named.name
                one_word = " " not in name
                # "at X" of any kind ("at Twickenham", a place, a person or a body to the
                # model), but a town's place mentions, "lost at Bolton", are its club's.
                venue = team and (kind != "place" or not gazetteer().is_town(name))
                if kind == "place" and not one_word:
                    continue  # of places, only one-word names' capitalised uses are read
                cues = found[name]
                cues["mentions"] += len(named.at)
                if name not in counted:
                    counted.add(name)
                    cues["articles"] += 1
                    cues["sport"] += sport  # articles that are sports reports
                    cues["solo"] += solo  # of sports played one against one
                shaped = kind == "organization" and not one_word and person_shaped(name)
                if shaped:
                    cues["surname"] += _surname_alone(page.paragraphs, name)
                # Named as people are, or by two initials and a surname ("JP McManus"; JP
                # Morgan too, which no person's role precedes; not "AC Milan", whose last
                # word is a place): the role and business cues are read.
                as_person = shaped or (
                    kind == "organization"
                    and _INITIALS.match(name) is not None
                    and not gazetteer().knows(name.rsplit(" ", 1)[-1])
                )
                if as_person and people is None:
                    people = _full_names_at(page)
                grounds = cues["venue"]
                for position in named.at:
                    text = page.paragraph(position.paragraph)
                    start, end = position.start, position.end
                    spaced = start > 1 and text[start - 1] == " "
                    if one_word and spaced and text[start - 2] in _LOWER:
                        cues["capitalised"] += 1  # as ``common_words`` counts the words
                    # The word before the mention, read once for every cue that needs it.
                    space = text.rfind(" ", max(0, start - 24), start - 1) if spaced else -1
                    if space < 0 and start > 24:
                        spaced = False  # a word of 24 letters or more: none of the cues'
                    before = text[space + 1 : start - 1] if spaced else ""
                    word = before.casefold()
                    if venue and word == "at":
                        cues["venue"] += 1  # "at Old Trafford", in a team sport's report
                    if kind == "place":
                        # "research firm Jupiter", "Jupiter analyst"; "Wimbledon champion"
                        cues["firm"] += word in _FIRM_BEFORE or bool(_FIRM_AFTER.match(text, end))
                        cues["located"] += (  # "moved to Malibu"; not "shares in X",
                            word in _ON_A_MAP  # nor "growth in X's sales"
                            and not text.startswith(("'s", "’s"), end)
                            and cue_before(text, start) != "company"
                        )
                        after = AFTER_CUE.match(text, end)
                        cue = after.lastgroup if after else BEFORE_CUE.get(word)
                        cues["event"] += cue == "work"
                        continue
                    if start > 1 and text[start - 1] == "/" and text[start - 2].isalnum():
                        # "Nielsen/NetRatings", "InStat/MDR"; not a poll's second sponsor
                        # ("an NBC/Wall Street Journal poll", "a Reuters/Ipsos survey").
                        cues["slashed"] += not _POLL.match(text, end)
                    if solo and word in _PLACED:
                        cues["placed"] += 1  # "the Davis Cup", "at Roland Garros": no player
                    if before in _TITLED and not _ENTITLED_TO.match(text, end):
                        cues["titled"] += 1  # "an offering entitled Underexposure"
                    if as_person and before in ROLES:
                        cues["role"] += 1  # "England coach X" (not "stars": a band, a team)
                    elif one_word and kind == "organization" and before in _ONE_WORD_ROLES:
                        cues["role"] += 1  # "Blazin' Squad singer Kenzie"
                    if as_person and _beside_person(text, position, people):
                        cues["paired"] += 1  # "John Magnier and JP McManus"
                    if (before in _OF_THE or text.startswith(" of ", end)) and _in_longer_name(
                        text, start, end, after=not company, head=not (company or as_person)
                    ):
                        cues["fragment"] += 1  # "Prisoner of Azkaban", "Lord of the Rings"
                    elif in_listed_term(text, start, end, before):
                        cues["piece"] += 1  # "the Golden Globe", "Academy Awards"
                    if before == "The" and space > 0 and text[space - 1] not in _ENDS:
                        cues["title"] += 1  # "favour The Aviator": a title (or a band)
                        around = text[max(0, start - 50) : end + 50]
                        cues["screen"] += bool(SCREEN_WORDS.search(around))
                        cues["music"] += bool(MUSIC_WORDS.search(around))
                    if _SPEAKS.match(text, end):
                        cues["speaks"] += 1  # "X said", "an X spokesman"
                    if PRODUCT_AFTER.match(text, end):
                        cues["product"] += 1  # "the Cell processor", "EV-DO technology"
                    cue = cue_before(text, start) if word in CUE_WORDS else None
                    if cue is None and (after := AFTER_CUE.match(text, end)):
                        cue = after.lastgroup
                        if cue == "paper":  # "the Herald newspaper"; not "Murdoch newspapers"
                            cue = "company" if one_word else None
                    if cue in ("work", "index") or (cue == "company" and (company or as_person)):
                        cues[cue] += 1
                    elif cue == "company":
                        cues["business"] += 1  # "shares in X", "X shares": a business's
                if cues["venue"] > grounds:
                    cues["venue_reports"] += 1  # reports writing "at X"
    return found


class EntityIndex:
    """All articles and entities of a site, with the lookups the pages need."""

    def __init__(
        self,
        articles: Iterable[ArticleInfo],
        merge_surnames: bool = True,
        curated: Curated | None = None,
    ) -> None:
        self.articles = sorted(articles, key=lambda a: a.sort_key, reverse=True)
        self.by_uri = {article.src_uri: article for article in self.articles}
        self._order = {article.src_uri: number for number, article in enumerate(self.articles)}
        self.identity = ArchiveIdentity(
            ((a.src_uri, a.names) for a in self.articles), curated or Curated(), merge_surnames,
            paragraphs=[a.paragraphs for a in self.articles],
            acronyms=[acronyms_of(a) for a in self.articles],
            short_names=[short_names_of(a) for a in self.articles],
            cues=mention_cues(self.articles),
            towns=[towns_of(a) for a in self.articles],
            clubs=[clubs_called_people(a) for a in self.articles],
            sports=[bool(_NICKNAME_SPORTS.intersection(a.page.tags)) for a in self.articles],
            sporting=[_sports_report(a.page) for a in self.articles],
        )  # fmt: skip
        self.entities: dict[EntityRef, list[Appearance]] = defaultdict(list)
        self.article_entities: dict[str, list[EntityRef]] = {}
        self._postings: dict[EntityRef, tuple[tuple[str, ...], float] | None] = {}
        #: The earliest place an entity takes among its article's names (0: the first).
        self.rank: dict[EntityRef, int] = {}
        #: Where each article names each entity (from the pages' stored positions).
        self.positions: dict[str, dict[EntityRef, list[Position]]] = {}
        for article in self.articles:  # newest first, so appearances are too
            positions: dict[EntityRef, list[Position]] = {}
            for kind in KINDS:
                for named in article.page.named(kind):
                    ref = self.identity.ref(kind, named.name, article.src_uri)
                    if ref is not None:
                        positions.setdefault(ref, []).extend(named.at)
            sentences = first_sentences(article, positions)
            for ref in positions:
                self.entities[ref].append(Appearance(article, sentences.get(ref, "")))
            self.article_entities[article.src_uri] = list(positions)
            for rank, ref in enumerate(positions):  # how early an article names it
                self.rank[ref] = min(rank, self.rank.get(ref, rank))
            self.positions[article.src_uri] = positions

    def ref(self, kind: Kind, name: str, article: ArticleInfo | None = None) -> EntityRef | None:
        """The entity a name stands for in an article (None: ignored or ambiguous)."""
        return self.identity.ref(kind, name, article.src_uri if article else None)

    #: Entities named in fewer articles get no page of their own (set by the site).
    min_articles = 1

    def has_page(self, ref: EntityRef) -> bool:
        """Whether the entity gets a page: named in at least ``min_articles`` articles, or
        in one when entities.yml describes it (curated entities always have a page), and
        among the first names of one of them."""
        count = len(self.entities.get(ref, ()))
        if count and (ref.kind, ref.name) in self.identity.curated_entities:
            return True
        # An article naming thousands (a list, a hostile source) gives pages to its first
        # CO_MENTION_CAP names only: 12,400 names in one source made 12,400 pages.
        return count >= self.min_articles and self.rank.get(ref, 0) < CO_MENTION_CAP

    def of_kind(self, kind: Kind) -> list[tuple[EntityRef, list[Appearance]]]:
        """Entities of a kind with their appearances; one per slug, by name."""
        seen = set(self.identity.by_slug.values())
        return sorted(
            (
                (ref, apps)
                for ref, apps in self.entities.items()
                if ref.kind == kind and ref in seen
            ),
            key=lambda item: item[0].name.casefold(),
        )

    def neighbours(self, article: ArticleInfo) -> tuple[ArticleInfo | None, ArticleInfo | None]:
        """The articles published just before and just after this one (None at an end;
        undated articles come before every dated one)."""
        number = self._order[article.src_uri]  # newest first
        older = self.articles[number + 1] if number + 1 < len(self.articles) else None
        newer = self.articles[number - 1] if number > 0 else None
        return older, newer

    def related(self, article: ArticleInfo, limit: int = 5) -> list[ArticleInfo]:
        """Articles sharing the most specific entities and tags, through the inverted index.

        An entity that appears in a large share of the archive says little; its weight
        falls with its document frequency, and very common ones are skipped, so the cost
        per article stays bounded as the archive grows.
        """
        scores: dict[str, float] = {}
        get = scores.get
        for ref in self.article_entities.get(article.src_uri, ()):
            posting = self._posting(ref)
            if posting is not None:
                uris, weight = posting
                for uri in uris:
                    scores[uri] = get(uri, 0.0) + weight
        scores.pop(article.src_uri, None)
        # Only a score over 1 counts; ties go to the first URI.
        ranked = heapq.nsmallest(limit, [(-score, uri) for uri, score in scores.items()
                                         if score > 1.0])  # fmt: skip
        return [self.by_uri[uri] for _, uri in ranked]

    def _posting(self, ref: EntityRef) -> tuple[tuple[str, ...], float] | None:
        """The articles naming ref and the weight it gives relatedness; None when it is too
        common to say anything (computed once per entity)."""
        try:
            return self._postings[ref]
        except KeyError:
            appearances = self.entities[ref]
            posting = None
            if len(appearances) <= RELATED_CAP:
                weight = math.log(1 + len(self.articles) / len(appearances))
                posting = tuple(appearance.article.src_uri for appearance in appearances), weight
            self._postings[ref] = posting
            return posting

    def co_mentioned(self, ref: EntityRef, limit: int = 10) -> list[tuple[EntityRef, int]]:
        """The entities most often named in the same articles as ref."""
        counts: Counter[EntityRef] = Counter()
        for appearance in self.entities[ref]:
            # An article naming thousands (a list, a hostile source) counts its first
            # CO_MENTION_CAP: co-mentions cost at most that per appearance, not the square
            # of its names.
            counts.update(self.article_entities[appearance.article.src_uri][:CO_MENTION_CAP])
        del counts[ref]
        top = heapq.nsmallest(limit, counts.items(), key=lambda item: (-item[1], item[0].name))
        return top

    def tags(self) -> dict[str, list[ArticleInfo]]:
        """Tag -> articles, newest first; a child tag also lists under its parent."""
        tagged: dict[str, list[ArticleInfo]] = defaultdict(list)
        for article in self.articles:
            with_parents = (t for child in article.tags for t in (child.split("/")[0], child))
            for tag in dict.fromkeys(with_parents):
                tagged[tag].append(article)
        return dict(sorted(tagged.items()))

    def dates(self) -> dict[str, list[DateMention]]:
        """Date value -> its mentions, an article once each, for the dates pages."""
        mentioned: dict[str, list[DateMention]] = defaultdict(list)
        for article in self.articles:
            for date in article.page.dates:
                value = date_key(date.value)
                if not any(m.article is article for m in mentioned[value][-3:]):
                    mentioned[value].append(DateMention(date.text, article, date.at))
        return dict(sorted(mentioned.items()))
