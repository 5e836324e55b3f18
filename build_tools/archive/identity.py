"""Who is who: one module decides it, in this order.

1. **In one document** (``document_names``, called by the converter's resolve stage): a
   shorter form of a person's name joins the one fuller name it is part of (``Biegun`` ->
   ``Stephen Biegun``), places take their gazetteer name, acronyms and shorter forms of
   organizations join a fuller name in the same text.
2. **Across the archive** (``ArchiveIdentity``, at build time): the kind a name takes by
   the archive's votes (a "person" the archive names more often as an organization takes
   that kind), one-word "people" no first name ever accompanies get no page, short names
   join a full name (``PersonIdentity``: Sarkozy -> Nicolas Sarkozy) as settled per article
   by its context, names that slugify alike are one entity.
3. **Curated** (``entities.yml``, ``Curated``): aliases, kinds, descriptions and names to
   ignore win over the model.

The result is one table (``ArchiveIdentity.table``: slug, canonical name, kind, aliases,
description) and ``ref(kind, name, article)``, which every page reads. One title list
(``names.TITLES``) serves the converter and this module.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import repeat
from pathlib import Path
from typing import NamedTuple

import yaml

from build_tools.front_matter import DuplicateKeyError, UniqueKeyLoader, load_yaml
from build_tools.gazetteer import gazetteer
from build_tools.model import KINDS, SECTION, Kind, page_slug
from build_tools.names import (
    NOT_SURNAMES,
    WORD_FIRST_NAMES,
    demonym,
    given_name,
    sex,
    written_in_lower_case,
)

#: Below this many articles an archive is small: every name gets a page, and a short name
#: joins its only full name at once. From it on, the archive is large enough to doubt a
#: one-word name never given with a first name (``ArchiveIdentity._unsure_people``) and to
#: ask the context before any merge (``build_identity``).
SMALL_ARCHIVE = 100
#: A name the archive gives one kind in this many times the articles of any other takes
#: that kind everywhere (the model's kind for one sentence is the weaker evidence).
MAJOR_SHARE = 2


class EntityRef(NamedTuple):
    """An entity: its kind and canonical name; it is its slug. (A tuple: cheap to hash.)"""

    kind: Kind
    name: str

    @property
    def slug(self) -> str:
        return page_slug(self.name)

    @property
    def src_uri(self) -> str:
        return f"{SECTION[self.kind]}/{self.slug}.md"


@dataclass(frozen=True)
class Entity:
    """One row of the identity table."""

    slug: str
    name: str
    kind: Kind
    aliases: tuple[str, ...]
    description: str


# --- 1. in one document ----------------------------------------------------------------


def name_tokens(name: str) -> tuple[str, ...]:
    """The words of a name, folded, without the dots, commas and quotation marks around
    them ('Robert "Bob" Klauer' holds "Bob Klauer")."""
    return tuple(token.strip(".,\"“”'‘’").casefold() for token in name.split())


def document_names(spans: list[tuple[Kind, str]]) -> dict[tuple[Kind, str], str | None]:
    """Who is who in one document: each (kind, surface form) -> its canonical name, None
    when ambiguous. People: a shorter form joins the one fuller name it is part of; places
    through the gazetteer; organizations: an acronym or a shorter form joins a fuller name,
    a legal name its short name."""
    names: dict[tuple[Kind, str], str | None] = {}
    # People: shorter forms join the unique fuller name they are part of.
    people = sorted(
        {text for kind, text in spans if kind == "person"}, key=lambda n: -len(n.split())
    )
    words = {name: frozenset(name_tokens(name)) for name in people}
    holders = word_index(words)
    for name in people:
        tokens = words[name]
        count = len(name_tokens(name))
        fuller = [
            other
            for other in (names_with_words(holders, tokens) if tokens else people)
            if len(name_tokens(other)) > count
        ]
        # Keep only the fullest names (a chain Kim Jong -> Kim Jong Un -> itself).
        roots = {names.get(("person", other)) or other for other in fuller}
        roots.discard(None)
        if not fuller:
            names[("person", name)] = _person_display(name)
        elif len(roots) == 1:
            names[("person", name)] = _person_display(roots.pop())
        else:
            names[("person", name)] = None  # "Kim" with two Kims in the text
    # Places through the gazetteer.
    places = gazetteer()
    for kind, text in spans:
        if kind == "place":
            names[("place", text)] = places.canonical_name(text) or _display(text)
    # Organizations: acronyms and shorter forms join a fuller name in the same text.
    organizations = sorted(
        {text for kind, text in spans if kind == "organization"}, key=lambda n: -len(n)
    )
    order = {name: number for number, name in enumerate(organizations)}
    by_acronym: dict[str, list[str]] = defaultdict(list)
    by_ending: dict[str, list[str]] = defaultdict(list)  # " United Nations" -> its fuller names
    for other in organizations:
        by_acronym[_acronym(other)].append(other)
        parts = other.split(" ")
        for cut in range(1, len(parts)):
            by_ending[" ".join(parts[cut:])].append(other)
    for name in organizations:
        found = [*(by_acronym.get(name, ()) if name.isupper() and len(name) >= 2 else ()),
                 *(by_ending.get(name, ()) if len(name.split()) > 1 else ())]  # fmt: skip
        found = [other for other in found if other != name and len(other) > len(name)]
        target = name
        if found:
            other = min(found, key=order.__getitem__)  # the first in the old order
            target = names.get(("organization", other)) or other
        names[("organization", name)] = _display(target)
    # "Hewlett-Packard Co." first, "Hewlett-Packard" after: news names a company with its
    # legal form once and goes on without it: one company, under the short name, when the
    # other is the short name and a legal form (not "Sun Microsystems Inc." beside "Sun",
    # which drops the trade too: the archive's joins decide that pair).
    present = set(organizations)
    holders: dict[str | None, list[tuple[Kind, str]]] = defaultdict(list)  # name -> forms
    for name in organizations:
        holders[names[("organization", name)]].append(("organization", name))
    for name in organizations:
        parts = name.split(" ")
        while len(parts) > 1 and parts[-1].rstrip(".,") in LEGAL_SUFFIXES:
            parts.pop()
        base = " ".join(parts).rstrip(",")
        if base == name or base not in present:
            continue
        was, company = names[("organization", name)], names[("organization", base)]
        if was != company:  # the legal name and the forms that joined it
            for key in holders.pop(was, ()):
                names[key] = company
                holders[company].append(key)
    return names


def word_index(words: Mapping[str, frozenset[str]]) -> dict[str, set[str]]:
    """Word -> the names that have it (an index: no pairwise loop over names)."""
    holders: dict[str, set[str]] = defaultdict(set)
    for name, tokens in words.items():
        for token in tokens:
            holders[token].add(name)
    return holders


def names_with_words(holders: Mapping[str, set[str]], tokens: frozenset[str]) -> set[str]:
    """The names that have every one of tokens."""
    sets = sorted((holders.get(token, set()) for token in tokens), key=len)
    return set.intersection(*sets) if sets else set()


def _display(name: str) -> str:
    """Title-case a name written in capitals (``HAVANA`` -> ``Havana``), keep acronyms."""
    if name.isupper() and (len(name) > 4 or " " in name) and not re.search(r"\d", name):
        return " ".join(w.capitalize() if len(w) > 3 else w for w in name.split())
    return name


#: A nickname in double quotation marks inside a person's name: 'Robert "Bob" Klauer',
#: 'David "Fathead" Newman' (obituaries, sports and music reports: BBC and the trials).
_NICKNAME = re.compile(r" [\"“][A-Z][\w.-]*[\"”](?= \S)")


def _person_display(name: str) -> str:
    """A person's name as a page shows it: without a nickname in quotation marks inside it
    ('Earl "Doc" Pruitt' is Earl Pruitt, whom "Pruitt" and "Doc Pruitt" join), and
    title-cased as ``_display`` does."""
    return _display(_NICKNAME.sub("", name))


def _acronym(name: str) -> str:
    """Initials of the capitalised words (``U.S. Immigration and Naturalization Service``
    -> ``INS``; a leading ``U.S.`` and similar abbreviations are skipped)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper() and "." not in w]
    return "".join(w[0] for w in words)


# --- 2. across the archive ---------------------------------------------------------------


#: A contextual choice needs this much evidence (one name found in a single article weighs
#: 1; one in every article, 0), and this lead over the runner-up.
MIN_EVIDENCE = 1.0
LEAD = 3.0
#: Names of one article that count as each other's context (a news article has tens).
CONTEXT_CAP = 300


def _words(name: str) -> frozenset[str]:
    return frozenset(name.casefold().split())


@dataclass
class PersonIdentity:
    """Archive-wide and per-article mapping of person names to page names."""

    confirm: bool = False  # a large archive: see the module's docstring
    merged: dict[str, str] = field(default_factory=dict)  # short -> full, whatever the context
    candidates: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by context
    first_names: set[str] = field(default_factory=set)  # only ever first words
    context: dict[str, Counter] = field(default_factory=dict)  # full -> co-mentioned evidence
    frequency: Counter = field(default_factory=Counter)  # name -> articles
    people: set[str] = field(default_factory=set)  # full names of people (two words or more)
    articles: int = 0

    def resolve(self, name: str, others: Iterable[str] = ()) -> str | None:
        """The page name for a person name in an article naming ``others`` (None: no page)."""
        if name in self.merged:
            return self.merged[name]
        candidates = self.candidates.get(name)
        if candidates is None:
            return name
        others = set(others) - {name}
        scores = sorted(((self._evidence(c, others), c) for c in candidates), reverse=True)
        best, winner = scores[0] if scores else (0.0, None)
        runner_up = scores[1][0] if len(scores) > 1 else 0.0
        if best >= MIN_EVIDENCE and best >= LEAD * runner_up:
            return winner
        return None if self.confirm or name in self.first_names else name

    def _evidence(self, candidate: str, others: set[str]) -> float:
        """How strongly an article's other names point to a candidate: the names the
        candidate's own articles share with it, each weighted by how rare it is in the
        archive (``London`` or ``BBC`` say little). In a large archive two of them must be
        other people's full names: a programme (``Rolf On Art``), a channel and a city do
        not tell Rolf Harris from Robert Harris, nor ``Manchester United`` and ``Alex
        Ferguson`` Alan Smith from Walter Smith."""
        seen = self.context.get(candidate, Counter())
        shared = [other for other in others if seen[other]]
        if sum(other in self.people for other in shared) < (2 if self.confirm else 1):
            return 0.0
        scale = math.log1p(max(1, self.articles))
        return sum(math.log1p(self.articles / self.frequency[other]) / scale for other in shared)


def _garbled(name: str) -> bool:
    """Whether a "full name" is a slip no short name should join: it ends with a title
    ("Mary Queen", "Beatle Sir")."""
    return name.split()[-1].casefold() in NOT_SURNAMES


def _initial(name: str) -> bool:
    """Whether a name is an initial and a surname, as team sheets write it (``G Henson``,
    ``R. Jones``)."""
    first, space, rest = name.partition(" ")
    return bool(space and rest) and len(first.rstrip(".")) == 1 and first[0].isupper()


def _part_of(short: str, full: str, given: bool = True) -> bool:
    """Whether a short name can stand for a full one: its last words (a surname: Sarkozy,
    Lula da Silva), its first and last words (Jose Reyes), or its first word when that is
    a known first name (Elvis). Not a word from the middle (Tel in Maccabi Tel Aviv), nor
    the start of a longer name (General Motors in General Motors Europe). ``given=False``:
    not by a first name either."""
    part, whole = short.casefold().split(), full.casefold().split()
    if whole[-len(part) :] == part:
        return True
    if _initial(short):  # a team sheet's "G Henson" stands for Gavin Henson
        rest = part[1:]
        return (
            len(whole) > len(rest)
            and whole[-len(rest) :] == rest
            and len(whole[0]) > 1
            and whole[0][0] == part[0][0]
        )
    if len(part) == 1:
        return given and part[0] == whole[0] and given_name(short)
    return part[0] == whole[0] and part[-1] == whole[-1]


def build_identity(
    articles: Iterable[Mapping[str, Iterable[str]]], confirm: bool = False
) -> PersonIdentity:
    """Learn the identities from the names of each article (``{"person": [...], ...}``);
    ``confirm``: a short name joins even its only full name on the context's word alone."""
    names_per_article = [
        {kind: list(names) for kind, names in article.items()} for article in articles
    ]
    people = {name for names in names_per_article for name in names.get("person", ())}
    by_word: dict[str, set[str]] = defaultdict(set)
    last_words: set[str] = set()
    for name in people:
        words = name.casefold().split()
        if len(words) > 1:
            last_words.add(words[-1])
            for word in words:
                by_word[word].add(name)
    identity = PersonIdentity(confirm=confirm)
    articles_of = Counter(
        name for names in names_per_article for name in set(names.get("person", ()))
    )
    middle = _middle_initials(people, articles_of)
    identity.merged.update(middle)
    grouped = {*middle, *middle.values()}
    for name in people:
        if name in grouped:
            continue  # one person already: "George W. Bush" is no part of "George H. W. Bush"
        words = _words(name)
        # An initial matches a first name by its letter: the words after it must be there.
        key = _words(name.split(" ", 1)[1]) if _initial(name) else words
        holders = set.intersection(*(by_word.get(word, set()) for word in key)) - {name}
        if words <= NOT_SURNAMES:
            continue  # "Sir", "Queen": a title, not a name
        fuller = {
            middle.get(other, other)  # "James Kopp": James C. Kopp is James Charles Kopp
            for other in holders
            if key < _words(other) and _part_of(name, other) and not _garbled(other)
        }
        if any(not _initial(other) for other in fuller):  # Sergio Parisse before S Parisse
            fuller = {other for other in fuller if not _initial(other)}
        # Keep the fullest forms only (Kim Jong -> Kim Jong Un, not both).
        fullest = {n for n in fuller if not any(_words(n) < _words(m) for m in fuller)}
        if len(fullest) == 1 and not confirm:
            identity.merged[name] = fullest.pop()
        elif fullest:
            if confirm:
                # Only a surname joins across articles: Charles may be Ray Charles, never
                # Charles Kennedy by his first name alone (none left: no page).
                fullest = {n for n in fullest if _part_of(name, n, given=False)}
            identity.candidates[name] = tuple(sorted(fullest))
            if len(words) == 1 and (
                next(iter(words)) not in last_words or given_name(name, strict=True)
            ):
                identity.first_names.add(name)
    # Evidence: every name but a short person name (itself ambiguous: Williams, Harry).
    identity.articles = len(names_per_article)
    identity.people = {name for name in people if " " in name and name not in identity.candidates}
    for names in names_per_article:
        flat = {
            identity.merged.get(name, name)
            for kind, values in names.items()
            for name in values
            if kind != "person" or name not in identity.candidates
        }
        identity.frequency.update(flat)
        if len(flat) > CONTEXT_CAP:  # a list of thousands of names (a hostile source)
            flat = set(sorted(flat)[:CONTEXT_CAP])  # bounds the pairs: no square of them
        for name in flat:
            if name in people and name not in identity.candidates:
                identity.context.setdefault(name, Counter()).update(flat - {name})
    _join_spellings(identity)
    _join_variants(identity)
    _follow_joins(identity)
    return identity


def _middle_initials(people: Iterable[str], articles: Mapping[str, int]) -> dict[str, str]:
    """A name with a middle initial and the one name of the archive that writes that
    middle name in full, with the same first name and surname (``James C. Kopp``, ``James
    Charles Kopp``; American news writes both): one person, under the form more articles
    use (``George W. Bush`` over ``George Walker Bush``). Two middle names of the
    initial's letter (James Charles, James Christopher) join neither."""
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for name in people:
        words = name.split()
        if len(words) == 3 and not _initial(name):
            groups[(words[0].casefold(), words[2].casefold())].append(name)
    forms: dict[str, list[str]] = defaultdict(list)  # full middle name -> its initials
    for group in groups.values():
        for name in group:
            letter = name.split()[1].rstrip(".")
            if len(letter) != 1 or not letter.isupper():
                continue
            full = [other for other in group
                    if len(other.split()[1]) > 2 and other.split()[1][0] == letter]  # fmt: skip
            if len(full) == 1:
                forms[full[0]].append(name)
    joined = {}
    for full, initials in forms.items():
        named = [full, *sorted(initials)]
        main = max(named, key=lambda name: (articles.get(name, 0), name == full))
        joined.update({name: main for name in named if name != main})
    return joined


def _join_spellings(identity: PersonIdentity) -> None:
    """Two spellings of one person: the same surname, first names one letter apart
    (``Elliot`` / ``Eliot Spitzer``) or one a two-letter start of the other (team sheets'
    ``Ma Bergamasco`` / ``Mauro Bergamasco``), named beside the same names
    (``_named_alike``): the rarer joins the more frequent."""
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in identity.people:
        words = name.split()
        if len(words) == 2 and name not in identity.merged:
            by_surname[words[1]].append(name)
    for group in by_surname.values():
        if len(group) < 2:
            continue
        # The fuller first name first (Mauro before Ma), then the more frequent.
        group.sort(key=lambda n: (len(n.split()[0]) <= 2, -identity.frequency[n], n))
        for number, rare in enumerate(group):
            for common in group[:number]:
                if common in identity.merged or not _spelt_alike(
                    rare.split()[0], common.split()[0]
                ):
                    continue
                if _named_alike(identity, rare, common, alone=len(group) == 2):
                    identity.merged[rare] = common
                    break


def _named_alike(identity: PersonIdentity, one: str, other: str, alone: bool) -> bool:
    """Whether two spellings are named among the same people: two of the other's people;
    or, ``alone`` (no one else of the archive bears the surname) and for first names of
    one sex, a name of the other's articles that few articles name (Costas and Kostas
    Kenteris beside the IAAF; not Nick McCarthy of a band and Mick McCarthy of football
    beside London, nor Paul and Paula)."""
    mine, theirs = identity.context.get(one, {}), identity.context.get(other, {})
    shared = [n for n in mine if theirs.get(n)]
    limit = max(3, SPECIFIC_SHARE * identity.articles)  # both of them, and one
    return sum(n in identity.people for n in shared) >= 2 or (
        alone
        and _one_sex(one.split()[0], other.split()[0])
        and any(identity.frequency[n] <= limit for n in shared)
    )


#: Two full names this alike (difflib's ratio on their folded letters), word for word
#: with the same first letters, may be one name spelt two ways (``_join_variants``).
VARIANT_RATIO = 0.9
#: Words that tell two people of one name apart, never a slip: generations, Roman
#: numerals and ordinals ("Jr", "Henry VII" and "Henry VIII", "John Paul I" and "John Paul
#: II", "3rd").
_GENERATION = re.compile(
    r"(?=[ivx])x{0,3}(?:ix|iv|v?i{0,3})|jr|jnr|sr|snr|\d+(?:st|nd|rd|th)?", re.I
)
#: Names of one shape (``_join_variants``) compared with each other at most: a list of
#: thousands costs no square of them (a hostile source; of 20,000 synthetic people of
#: real first names and surnames, the largest group held about 200). A larger group joins
#: no spellings.
VARIANT_GROUP_CAP = 500


def _folded_words(name: str) -> list[str]:
    return ["".join(c for c in word.casefold() if c.isalnum()) for word in name.split()]


def _join_variants(identity: PersonIdentity) -> None:
    """One person's name spelt two ways across the archive, a transliteration or a slip
    after the first name (``Elene Likhotseva`` / ``Elena Likhovtseva``, ``Thomas Hayden
    Church`` / ``Thomas Haden Church``). Both names have as many words, with the same
    first letters, and first names that start with the same two letters, no initial; their
    folded letters are ``VARIANT_RATIO`` alike; they differ after the first word (a first
    name alone is ``_join_spellings``'s: Jon and John Smith are two), never in a generation
    or a number (Henry VII, Henry VIII); their first names are of one sex; no article names
    both among its full names (Mark Boucher and Mark Butcher in one match report); a
    surname that differs is borne by no other person of the archive (David Davis and
    David Davies, among the archive's Davises and Davieses, stay two); and they are named
    beside the same names (``_named_alike``; two people, when others bear the surname both
    spellings share: Thomas Haden Church beside Charlotte Church). The name more articles
    write is the page's (of two as common, the first by code point: no evidence tells).
    Groups of one shape above ``VARIANT_GROUP_CAP`` names are not compared."""
    bearers = Counter(  # (a spelling joined already bears nothing: "Mihail Khordokovsky")
        name.rsplit(" ", 1)[-1] for name in identity.people if name not in identity.merged
    )
    words = {
        name: _folded_words(name)
        for name in identity.people
        if name not in identity.merged and not _initial(name)
    }
    shapes: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for name, folded_words in words.items():
        shapes[(*(word[0] for word in name.split()), folded_words[0][:2])].append(name)
    for group in shapes.values():
        if len(group) > VARIANT_GROUP_CAP:
            continue
        group.sort(key=lambda n: (-identity.frequency[n], n))
        folded = {name: "".join(words[name]) for name in group}
        for number, rare in enumerate(group):
            for common in group[:number]:
                one, other = folded[rare], folded[common]
                if common in identity.merged or not (  # the lengths first: ratio <= theirs
                    2 * min(len(one), len(other)) >= VARIANT_RATIO * (len(one) + len(other))
                ):
                    continue
                # The words after the first that differ: none, the same name or a first
                # name two ways (``_join_spellings``'s).
                pairs = zip(words[rare][1:], words[common][1:], strict=True)  # one shape
                later = [(a, b) for a, b in pairs if a != b]
                last = rare.rsplit(" ", 1)[-1], common.rsplit(" ", 1)[-1]
                # No one else bears the surname (or either spelling of it).
                alone = sum(bearers[word] for word in set(last)) == 2
                if (
                    not later
                    or any(_GENERATION.fullmatch(word) for pair in later for word in pair)
                    or not _one_sex(rare.split()[0], common.split()[0])
                    or identity.context.get(rare, {}).get(common)  # named together
                    or (last[0] != last[1] and not alone)
                ):
                    continue
                matcher = difflib.SequenceMatcher(None, one, other)
                if (
                    matcher.quick_ratio() >= VARIANT_RATIO
                    and matcher.ratio() >= VARIANT_RATIO
                    and _named_alike(identity, rare, common, alone)
                ):
                    identity.merged[rare] = common
                    break


def _follow_joins(identity: PersonIdentity) -> None:
    """Every join to its last name: a short name joined to a spelling that joined another
    ("Yanukovich" -> Viktor Yanukovich -> Viktor Yanukovych), and the candidates of a short
    name the context settles. A spelling joined after the contexts were counted
    (``_join_spellings``, ``_join_variants``) gives its page its context and articles, and
    its name in other names' contexts becomes its page's: what its articles showed still
    counts."""
    for name in list(identity.merged):
        identity.merged[name] = _final(identity.merged, name)
    spelt = {name: target for name, target in identity.merged.items() if name in identity.context}
    for name, target in spelt.items():
        identity.context.setdefault(target, Counter()).update(identity.context.pop(name))
        identity.frequency[target] += identity.frequency.pop(name, 0)
    if spelt:
        for counter in identity.context.values():
            for name in spelt.keys() & counter.keys():
                counter[spelt[name]] += counter.pop(name)
    for name, candidates in identity.candidates.items():
        followed = tuple(dict.fromkeys(identity.merged.get(c, c) for c in candidates))
        identity.candidates[name] = followed


def _one_sex(one: str, other: str) -> bool:
    """Whether two first names are not known as a man's and a woman's (Paul, Paula)."""
    sexes = {sex(one), sex(other)}
    return not {"male", "female"} <= sexes


def _spelt_alike(one: str, other: str) -> bool:
    """First names of one person spelt two ways: one letter apart (both of four letters or
    more), one the two-letter start of the other (a team sheet's ``Ma`` for ``Mauro``;
    not a name of its own: ``Jo``, ``Ed``), or a short form of three letters or more that
    starts the other, of one sex (``Vince``, ``Vincent``)."""
    short, long = sorted((one, other), key=len)
    if len(short) == 2:
        return long.startswith(short) and len(long) > 3 and not given_name(short)
    if len(short) >= 3 and long.startswith(short) and len(long) - len(short) >= 2:
        # "Vince" of "Vincent", "Jon" of "Jonathan"; not "Chris" of "Christine".
        return _one_sex(short, long)
    if len(short) < 4 or len(long) - len(short) > 1:
        return False
    if len(one) == len(other):
        return sum(a != b for a, b in zip(one, other, strict=True)) == 1
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


class ArchiveIdentity:
    """Who is who across the archive, from every article's canonical names: the kind
    votes, the unsure one-word people, the merges of short names, and ``entities.yml``.

    ``ref(kind, name, src_uri)`` is the entity a name of an article stands for; ``table()``
    lists every entity once, with its kind, its names and its curated description.
    """

    def __init__(
        self,
        articles: Iterable[tuple[str, Mapping[Kind, Iterable[str]]]],
        curated: Curated | None = None,
        merge_surnames: bool = True,
        paragraphs: Sequence[Sequence[str]] = (),
        acronyms: Iterable[Mapping[str, str]] = (),
        short_names: Iterable[Mapping[str, str]] = (),
        cues: Mapping[str, Counter[str]] | None = None,
        towns: Iterable[Mapping[str, Kind]] = (),
        sports: Iterable[bool] = (),
        clubs: Iterable[frozenset[str]] = (),
        sporting: Iterable[bool] = (),
    ) -> None:
        articles = [
            (src_uri, {k: tuple(v) for k, v in names.items()}) for src_uri, names in articles
        ]
        # A town's kind in an article, read from the article before any vote: a sports
        # report's clubs are organizations (Liverpool beat Everton), and a town another
        # article writes "in X" is a place (a concert in Bristol).
        self.towns = {
            src_uri: found for (src_uri, _), found in zip(articles, towns, strict=False) if found
        }
        self.town_names = {name for found in self.towns.values() for name in found}
        #: Towns a team sport's report names as its clubs (Sale, Reading): names, whatever
        #: the archive writes in lower case.
        self.clubs_of_towns = {
            name
            for found in self.towns.values()
            for name, kind in found.items()
            if kind == "organization"
        }
        #: Team sports' reports, where nicknames stand for teams (``Curated.team``).
        self.sports = {
            src_uri for (src_uri, _), sport in zip(articles, sports, strict=False) if sport
        }
        # Clubs the model called people ("sacked as Valencia coach"): organizations of
        # their article, unless one of the archive's people bears the name as a surname
        # ("Foley squad" of Anthony Foley; Foley is a town too).
        surnames = {
            name.rsplit(" ", 1)[-1]
            for _, names in articles
            for name in names["person"]
            if " " in name
        }
        #: Each article's names whose kind the article itself tells: (name, the model's
        #: kind there, the article's), its towns and its clubs called people.
        self.moves: dict[str, list[tuple[str, Kind, Kind]]] = defaultdict(list)
        for src_uri, found in self.towns.items():
            for name, kind in found.items():
                other: Kind = "place" if kind == "organization" else "organization"
                self.moves[src_uri].append((name, other, kind))
        # A club's town that an article of no sport makes a body is the town there
        # ("rotated between Blackpool, Bournemouth and Brighton"), but a word that article
        # writes in lower case too ("a sale" beside Sale) or a club it writes as a business
        # or a speaker ("Wigan said", "Crewe shares fell", a reviewer's example).
        # (``sporting``: whether each article has a sport's tag, any sport's.)
        for (src_uri, names), sport, texts in zip(articles, sporting, paragraphs, strict=False):
            clubs_named = [
                name
                for name in names["organization"]
                if name in self.clubs_of_towns and name not in self.towns.get(src_uri, {})
            ]
            if sport or not clubs_named:
                continue
            text = " ".join(texts)
            for name in clubs_named:
                if not written_in_lower_case(name, text) and not _club_business(name, text):
                    self.moves[src_uri].append((name, "organization", "place"))
        for (src_uri, _), found in zip(articles, clubs, strict=False):
            for name in sorted(found - surnames):
                self.moves[src_uri].append((name, "person", "organization"))
        for src_uri, names in articles:
            for name, old, new in self.moves.get(src_uri, ()):
                if name in names[old]:
                    names[old] = tuple(n for n in names[old] if n != name)
                    names[new] = tuple(dict.fromkeys((*names[new], name)))
        #: Each article's short names of the companies it names in full first ("Sun" of
        #: "Sun Microsystems Inc."): that company's in the article (``_resolve_article``).
        self.short_names = {
            src_uri: found
            for (src_uri, _), found in zip(articles, short_names, strict=False)
            if found
        }
        self.curated = curated or Curated()
        self.curated_entities = self.curated.entities()
        self.cues = cues or {}
        self.kind_votes: dict[str, Counter[Kind]] = defaultdict(Counter)
        for _, names in articles:
            for kind in KINDS:
                for name in names[kind]:
                    self.kind_votes[name][kind] += 1
        large = len(articles) >= SMALL_ARCHIVE
        self.unsure = self._unsure_people() if large else set()
        # "Finding Nemo", "Network Computing", "Massive Attack": a "person" whose first word
        # is no first name and which the archive writes as a common word; "Nomad Digital",
        # "Shark Tale": one whose first word is no name at all and whose last is a word.
        firsts = {first for name in self.kind_votes if (first := _unknown_first(name))}
        lasts = {_last_word(name) for name in self.kind_votes if _no_given_name(name)}
        tagged = {name: cue["capitalised"] for name, cue in self.cues.items()}
        self.common, self.common_firsts, self.untagged = (
            common_words(
                (text for found in paragraphs for text in found),
                self.kind_votes,
                firsts | lasts,
                tagged,
            )
            if large
            else (frozenset(), frozenset(), frozenset())
        )
        # An article's acronyms for its organizations count as named there: "the Welsh Rugby
        # Union (WRU)" is one name of its article, and WRU alone elsewhere joins it.
        written = list(acronyms)
        #: Names an article spells a listed term's acronym out beside ("the Global System
        #: for Mobiles (GSM)", "Multimedia Messaging Services (MMS)"): that term, no body.
        terms = _knowledge().not_entities
        self.spelt_terms = {
            name for found in written for acronym, name in found.items() if _key(acronym) in terms
        }
        self.organizations = organization_forms(
            [names["organization"] for _, names in articles],
            written=written or None,
            context=[{n for kind in KINDS for n in names[kind]} for _, names in articles],
            paragraphs=paragraphs or None,
        )
        # A short name the archive writes after one fuller name in most of its articles
        # ("Bayern Munich ... Bayern", "Marsh & McLennan ... Marsh") is that name's
        # everywhere; not one mostly on its own ("BBC", "BT" beside "BT Openzone"). (A
        # company's legal name joins its short name in its own article only: below.)
        joined: dict[str, Counter[str]] = defaultdict(Counter)
        for found in self.short_names.values():
            for short, full in found.items():
                if not legal_name(full):
                    joined[short][full] += 1
        named = Counter(name for _, names in articles for name in set(names["organization"]))
        #: Short names -> the fuller name they stand for across the archive (settled as
        #: that name is: "Phillips" of "Phillips Idowu", a person).
        self.short_forms = {
            short: full
            for short, fulls in joined.items()
            if len(fulls) == 1 and short not in self.organizations
            for full, count in fulls.items()
            if 2 * count > named[short]
        }
        #: Names that are other names' forms or have forms of their own.
        self.formed = {*self.organizations, *self.organizations.values()}
        self._settled: dict[tuple[Kind, str], tuple[Kind, str] | None] = {}
        #: Names whose kind the archive's evidence set (``_settle``), for ``decided``.
        self.evidenced: set[str] = set()
        self.people = (
            build_identity((self._settled_names(names) for _, names in articles), confirm=large)
            if merge_surnames
            else PersonIdentity()
        )
        self.resolved: dict[tuple[str, Kind, str], EntityRef | None] = {}
        # One entity per slug: names that slugify alike ("Mercedes-Benz", "Mercedes Benz")
        # are one page, named as first seen.
        self.by_slug: dict[tuple[Kind, str], EntityRef] = {}
        for kind, name in sorted(self.curated.entities()):  # a curated name names its page
            self._one_per_slug(EntityRef(kind, name))
        for src_uri, names in articles:
            self._resolve_article(src_uri, names)
        #: Folded name -> as the articles write it: of its spellings, the one of the most
        #: articles ("White House", not a headline's "WHITE HOUSE"), then the first in order.
        self.names_seen: dict[str, str] = {}
        for name in sorted(self.kind_votes, key=lambda n: (-sum(self.kind_votes[n].values()), n)):
            self.names_seen.setdefault(_key(name), name)

    def nearest_name(self, name: str) -> str | None:
        """The archive's name nearest to ``name`` (a typo's), as the articles write it."""
        import difflib

        found = difflib.get_close_matches(_key(name), self._seen_keys, n=1, cutoff=0.8)
        return self.names_seen[found[0]] if found else None

    @cached_property
    def _seen_keys(self) -> list[str]:
        """The folded names, in order (sorted once, asked for every name checked)."""
        return sorted(self.names_seen)

    def unmatched_ignores(self) -> list[tuple[str, str | None]]:
        """Names ``ignore`` lists that no article names, as entities.yml writes them, each
        with the nearest name the archive has (a typo should not pass in silence)."""
        return [
            (name, self.nearest_name(name))
            for key, name in sorted(self.curated.ignore_entries.items())
            if key not in self.names_seen
        ]

    @property
    def merged(self) -> dict[str, str]:
        """Short person names merged into a full one whatever the context."""
        return self.people.merged

    def _unsure_people(self) -> set[str]:
        """One-word "people" the archive never gives with a first name and that are no
        known first name: in the BBC archive three in four are products, clubs, places or
        common words the model took for names (Nokia, Lazio, Premiership, Danger); and
        titles alone (Sir, Queen)."""
        people = [name for name, votes in self.kind_votes.items() if votes["person"]]
        # Surnames: last words of full names that start with a first name or an initial
        # ("Save Betamax" and "Fostering Network" make no surname of Betamax or Network).
        surnames = {
            words[-1].casefold()
            for words in (name.split() for name in people if " " in name)
            if len(words[0].rstrip(".")) == 1 or given_name(words[0])
        }
        return {
            name
            for name in people
            if " " not in name
            and (
                name.casefold() in NOT_SURNAMES  # "Sir", "Queen" alone
                or (name.casefold() not in surnames and not given_name(name))
            )
        }

    def _settled_names(self, names: Mapping[Kind, Iterable[str]]) -> dict[Kind, list[str]]:
        """An article's names under the kind they finally take (curated list, archive vote):
        a "person" the archive calls an organization or a place does not join people."""
        settled: dict[Kind, list[str]] = {kind: [] for kind in KINDS}
        for kind in KINDS:
            for name in names[kind]:
                value = self._curated(kind, name)
                if value is not None:
                    settled[value[0]].append(value[1])
        return settled

    def _curated(self, kind: Kind, name: str) -> tuple[Kind, str] | None:
        """The curated (kind, name); a "person" the archive names more often as a place or
        an organization (``Labour``, ``General Motors``) takes that kind. (Once per name:
        the votes and unsure names are known before the first call.)"""
        try:
            return self._settled[kind, name]
        except KeyError:
            value = self._settled[kind, name] = self._settle(kind, name)
            return value

    def _settle(self, kind: Kind, name: str) -> tuple[Kind, str] | None:
        """The (kind, name) a name of a kind stands for (None: no page). A name the curated
        knowledge lists, ignores or renames is as it says; any other is settled by the
        archive's evidence, then by the model's kind. A name whose kind the evidence set
        goes in ``self.evidenced``."""
        value = self.curated.resolve(kind, name)
        if value != (kind, name) or self.curated.lists(name):
            return value
        courtesy, _, rest = name.partition(" ")
        if kind != "person" and courtesy.rstrip(".") in COURTESY and rest[:1].isupper():
            return self.curated.resolve("person", rest)  # "Mr Balls", "Mr Ebbers": a person
        if kind != "person" and (major := self._major_kind(name)):
            self.evidenced.add(name)
            # A country is a place, whoever else shares its name ("troops in Jordan").
            if major != kind and not (kind == "place" and name in gazetteer().countries):
                return self._settle(major, name)
        if kind == "organization" and name in self.common and name not in self.clubs_of_towns:
            return None  # "Budget", "Office", "Digital": a word, not a name (not Sale, a club)
        if (
            kind != "person"  # a surname alone: the people's identity settles it
            and name in self.untagged
            and not (kind == "place" and gazetteer().knows(name))  # Manchester of Man Utd
        ):
            return None  # "Nations", "Bank", "World": the model's slip, not a name
        if kind != "place" and self._work(name):
            return None  # "the film Vera Drake", "the game Grand Theft Auto"
        if kind != "place" and self._second_of_pair(name):
            return None  # "Nielsen/NetRatings": a piece of the name before the slash's
        if kind != "person" and (
            _last_word(name) in EVENT_WORDS
            or (_LAW.search(name) and _last_word(name) not in BODY_WORDS)
            or (_last_word(name) == "International" and self._sport_only(name))
        ):
            return None  # "Grand Slam", "UN Convention", "Convention on Human Rights"
        # (After the work, pair and event rules: "the film King of New York".)
        if (
            kind != "person"
            and title_holder(name)
            and not (kind == "place" and gazetteer().knows(name))  # Prince of Wales Island
            and not (kind == "organization" and self._venue(name))  # a theatre's "at X"
        ):
            self.evidenced.add(name)
            return self.curated.resolve("person", name)  # "the Prince of Wales": a person
        if kind == "organization":
            if portfolio(name) and name not in self.organizations:
                return None  # "Health" of "Health Secretary John Reid": no ministry named
            if name in self.short_forms:
                return self._curated(kind, self.short_forms[name])  # "Bayern": Bayern Munich
            if (main := self.organizations.get(name)) and self._work(main):
                return None  # "Rip Guard", a form of RipGuard's, which is a technology
            if self._shaped_as_none(name):
                return None  # "Phantom of the Opera"; "House of Commons, European Parliament"
            if self._venue(name):
                self.evidenced.add(name)
                return "place", name  # "at Old Trafford", "at Murrayfield": a ground
            if self._person(name):
                self.evidenced.add(name)
                return "person", name  # "Marion Jones ... Jones said", "coach Sven-Goran..."
            if name in gazetteer().countries:
                return "place", name  # a country (its national team): a place
            # Another form's page, under its curated name if it has one.
            return self.curated.resolve(kind, self.organizations.get(name, name))
        if kind == "place":
            if self._written_as(name, "firm", FIRM_SHARE):
                self.evidenced.add(name)
                return self._curated("organization", name)  # "research firm Jupiter"
            if self._written_as(name, "event", EVENT_SHARE):
                return None  # "Wimbledon champion", "the Wimbledon title": the tournament
            return self._unknown_place(name)
        cues = self.cues.get(name, {})
        # Once is enough for a full name whose first word is no first name for certain
        # (Morgan Stanley, Freddie Mac; "a go at Gary Neville" needs two, and so does a
        # word alone: "at Gatwick", "at Bernabeu"); and never in fewer than a twentieth of
        # the mentions ("angry at Tony Blair" twice in 200).
        needed = 1 if " " in name and not person_shaped(name) else COMPANY_CUES
        if cues.get("company", 0) >= max(needed, COMPANY_SHARE * cues.get("mentions", 0)):
            self.evidenced.add(name)
            if self._venue(name):
                return "place", name  # "at Anfield" in team sports' reports: a ground
            return "organization", self.organizations.get(name, name)
        votes = self.kind_votes.get(name)
        if votes:
            best, count = max(votes.items(), key=lambda item: (item[1], item[0] == "person"))
            # (Not an "organization" named as people are: "singer Kenzie" is a person.) The
            # kind's own settlement: no page for "Closer", a "place" no gazetteer knows.
            if best != "person" and count > votes["person"] and not self._person(name):
                return self._curated(best, name)
        if courtesy.rstrip(".").casefold() in RANKS and rest[:1].isupper():
            # "Gen Pervez Musharraf" is Pervez Musharraf's; "Gen Musharraf", "General
            # Election": a rank and one word, no name the archive can give a page; nor
            # "General Motors Europe", which starts with a body the archive names (not
            # "Gen Than Shwe", whose first name no list knows, as a reviewer showed).
            if " " not in rest or self._body_first(name):
                return None
            return self._curated("person", rest)
        if name in self.unsure:
            return None  # not a person we can name, and nothing else either
        first = _unknown_first(name)
        # (A first name that is also a word, "Will" of Will Young, leaves a person.)
        worded = (first in self.common_firsts and first not in WORD_FIRST_NAMES) or (
            _no_given_name(name) and _last_word(name) in self.common_firsts
        )
        if first and worded:
            return _other_kind(self.kind_votes.get(name), name)  # a title, band, product
        return value

    def _body_first(self, name: str) -> bool:
        """Whether a name's first words are an organization's the archive names ("General
        Motors" of "General Motors Europe")."""
        words = name.split()
        return any(
            self.kind_votes.get(" ".join(words[:size]), Counter())["organization"]
            for size in range(2, len(words))
        )

    def decided(self, name: str) -> bool:
        """Whether a name's kind came from knowledge or from the archive's evidence (a
        clear majority of its articles, the words around its mentions, a sports report's
        clubs), not from the model's sentence-by-sentence kinds alone. (Known once every
        name is settled: the index settles all before any page is made.)"""
        return (
            self.curated.lists(name)
            or name in self.evidenced
            or name in gazetteer().countries
            or name in self.town_names
        )

    def _work(self, name: str) -> bool:
        """Whether the archive writes a name as a work, event or technology is written
        (``BEFORE_CUE``, ``AFTER_CUE``, ``PRODUCT_AFTER``), in enough of its mentions;
        never a curated one."""
        cues = self.cues.get(name)
        if not cues or self.curated.lists(name):
            return False
        mentions = cues["mentions"]
        return (
            work_cues(cues) >= max(WORK_CUES, WORK_SHARE * mentions)
            or (
                cues["titled"] >= max(1, WORK_ALONE_SHARE * mentions)
                and not cues["speaks"]
                and not person_shaped(name)  # "a biopic entitled Kinsey" of Alfred Kinsey
            )
            or cues["fragment"] >= max(WORK_CUES, FRAGMENT_SHARE * mentions)
            # (A listed name's piece, unless it speaks: "MSN said" beside "MSN Messenger".)
            or (cues["piece"] >= max(WORK_CUES, FRAGMENT_SHARE * mentions) and not cues["speaks"])
            # (Of a name the model calls a body: a person's is written before a device's
            # noun too, "the Dyson device".)
            or (
                cues["product"] >= max(WORK_CUES, PRODUCT_SHARE * mentions)
                and not cues["speaks"]
                and not cues["business"]
                and self._model_says_body(name)
            )
            or (
                cues["title"] >= max(WORK_CUES, TITLE_SHARE * mentions)
                and cues["screen"] > cues["music"]
            )
        )

    def _model_says_body(self, name: str) -> bool:
        """Whether the model calls a name an organization in more articles than a person."""
        votes = self.kind_votes.get(name, Counter())
        return votes["organization"] > votes["person"]

    def _second_of_pair(self, name: str) -> bool:
        """Whether the archive writes a one-word name only right after another and a
        slash: the second half of a joint name ("analysts Nielsen/NetRatings",
        "InStat/MDR") or a team sheet's country ("Sebastien Bruno (Sale/ENG)"), no page of
        its own; never a poll's sponsor ("a Reuters/Ipsos poll"). (A curated name is
        settled before.)"""
        cues = self.cues.get(name)
        return bool(cues) and " " not in name and 0 < cues["mentions"] == cues["slashed"]

    def _person(self, name: str) -> bool:
        """Whether an "organization" named as people are (a first name, then a surname
        the articles go on to write alone) in at least half of its articles (and two)."""
        cues = self.cues.get(name)
        if not cues or self.curated.lists(name) or _last_word(name) in CLUB_WORDS:
            return False
        articles = self.kind_votes.get(name, Counter())["organization"]
        if cues["surname"] >= max(2, articles / 2):
            return True
        if cues["solo"] == cues["articles"] and not cues["placed"] and _player_shaped(name):
            return True  # "her opponent Marion Bartoli", "defeat to Taylor Dent"
        # "England coach Sven-Goran Eriksson", "stars Thomas Haden Church": a person's role
        # before the name in a quarter of its mentions, or a person's full name listed
        # next to it ("John Magnier and JP McManus"), and never a business's words.
        # (A word alone, "singer Kenzie", too; but never one written as a business is.)
        least = max(1, ROLE_SHARE * cues["mentions"])
        if " " not in name and cues["business"]:
            return False
        return not cues["company"] and (cues["role"] >= least or cues["paired"] >= least)

    def _venue(self, name: str) -> bool:
        """Whether team sports' reports write an "organization" (or a "person" written as
        a business is, "at Anfield") as a ground is written, "at X", whatever kind the
        model gives each mention (but a town's place mentions: "lost at Bolton" is the
        club's), in ``VENUE_CUES`` mentions of as many reports and ``VENUE_SHARE`` of all
        (Old Trafford, Murrayfield, Twickenham; one report's "formerly at Saracens ... he
        was at Saracens" is a career, not a ground); never a curated one."""
        cues = self.cues.get(name)
        if not cues or self.curated.lists(name):
            return False
        return (
            cues["venue"] >= max(VENUE_CUES, VENUE_SHARE * cues["mentions"])
            and cues["venue_reports"] >= VENUE_CUES
        )

    def _written_as(self, name: str, cue: str, share: float) -> bool:
        """Whether a one-word "place" has a cue (``mention_cues``) in ``share`` of its
        mentions, and ``WORK_CUES``: "firm" ("research firm Jupiter", "Jupiter analyst":
        an analysts' firm the model took for a place; a country's organization is the
        country still), "event" ("Wimbledon champion": the tournament), "located" ("moved
        to Malibu"). Never a curated name."""
        cues = self.cues.get(name)
        if not cues or self.curated.lists(name):
            return False
        return cues[cue] >= max(WORK_CUES, share * cues["mentions"])

    def _sport_only(self, name: str) -> bool:
        """Whether every article naming a name is a sports report: there "X International"
        is a meeting or a tournament ("Sydney International", "Norwich Union
        International"), elsewhere a body (Amnesty International, News International)."""
        cues = self.cues.get(name)
        return bool(cues) and cues["sport"] == cues["articles"]

    def _shaped_as_none(self, name: str) -> bool:
        """Whether an "organization" is no body: a term spelt out (``spelt_terms``), or by
        its shape a title (``_title``), neither ever written speaking ("X said"), or a
        list (``_listed``); the shapes never of a name that is another's form or has forms
        of its own ("Pfizer, Inc." of Pfizer; "People for the Ethical Treatment of
        Animals", which PETA stands for)."""
        speaks = self.cues.get(name, {}).get("speaks")
        if name in self.spelt_terms and not speaks:
            return True
        if name in self.formed:
            return False
        return (self._title(name) and not speaks) or self._listed(name)

    def _listed(self, name: str) -> bool:
        """Whether a comma parts an organization's name into a list: "A, B and C" whose
        parts are all names of the archive ("Microsoft, Sony and Nintendo"; not the
        "Department for Culture, Media and Sport"), or "A, B" but for a body and its place
        ("House of Commons, European Parliament", "Bernal, Jamie Foxx"; not the "University
        of California, Berkeley"). The BBC archive's 30 names with a comma the model called
        organizations were all lists or fragments but four bodies named "A, B and C"."""
        if ", " not in name:
            return False
        if _LIST_END.search(name):
            return all(part in self.kind_votes for part in _LIST_PARTS.split(name))
        return not gazetteer().knows(name.rsplit(", ", 1)[1])

    def _title(self, name: str) -> bool:
        """Whether an "organization" is named "X of Y" (or "X for Y") with no head word of
        a body (``HEAD_WORDS``) in it and no place the gazetteer knows as its Y (Lloyd's
        of London, Transport for London): a work's title."""
        found = _OF_FOR.search(name)
        if found is None or holds_word_of(name, HEAD_WORDS):
            return False
        return not gazetteer().knows(name[found.end() :])

    def _major_kind(self, name: str) -> Kind | None:
        """The kind the archive gives a name in at least ``MAJOR_SHARE`` times as many
        articles as any other kind (Edinburgh the city, Chelsea the club), else None: one
        name, two kinds in about equal measure (Leicester the city and the club) stay two."""
        votes = self.kind_votes.get(name)
        if not votes or len(+votes) < 2:
            return None
        if name in self.unsure:  # "Blackburn", "United": no person page to join
            votes = Counter({kind: count for kind, count in votes.items() if kind != "person"})
            if len(+votes) < 2:
                return None
        (first, top), (_, second) = votes.most_common(2)
        return first if top >= MAJOR_SHARE * second else None

    def _resolve_article(self, src_uri: str, names: Mapping[Kind, Iterable[str]]) -> None:
        """Settle every name of an article, people in the context of the others."""
        curated = {
            (kind, name): self._curated(kind, name) for kind in KINDS for name in names[kind]
        }
        for name, old, new in self.moves.get(src_uri, ()):  # its kind in this article
            # The archive's majority still settles the name (a club named in two reports
            # of a town the archive names in forty is the town's page): per-article kinds
            # alone gave "London", "Paris" and "Dublin" club pages from away fixtures.
            curated[(old, name)] = curated[(new, name)]
        for short, full in self.short_names.get(src_uri, {}).items():
            if not legal_name(full):
                continue  # the archive's form or none (``__init__``)
            # (Only a short name the archive settles as an organization of its own: not a
            # curated one, a word, "Time", nor a place, "Singapore Airlines Ltd ...
            # Singapore said" where the archive names the country.)
            # An article's own full legal name wins over the archive's short form
            # ("Phillips Petroleum Co. ... Phillips said", where the archive's Phillips
            # is Phillips Idowu).
            own = ("organization", short)
            form = self.short_forms.get(short)
            alone = self._curated("organization", form) if form else own
            if ("organization", full) in curated and curated.get(own) == alone:
                curated[own] = curated[("organization", full)]
        # "The European Commission ... the Commission said": a body's head word alone is
        # the one body its article names with that head (not two: "the Council" of an
        # article naming the Arts Council and the European Council; nor a head that is a
        # show's or a country's name too: "The Office", "the Union").
        bodies = names["organization"]
        for word in bodies:
            if word in ANAPHORIC_HEADS and not self.curated.lists(word):
                heads = [name for name in bodies if name != word and _head(name) == word]
                if len(heads) == 1:
                    curated[("organization", word)] = curated[("organization", heads[0])]
        if src_uri in self.sports:  # "Saints" of a report naming Southampton
            named = [name for kind in KINDS for name in names[kind]]
            for kind, name in curated:
                if (team := self.curated.team(name, named)) is not None:
                    as_named = next(((k, team) for k in KINDS if (k, team) in curated), None)
                    curated[(kind, name)] = (
                        curated[as_named] if as_named else self._curated(_team_kind(team), team)
                    )
                elif self.curated.nickname(name):
                    # "the Tigers", "Boro", "Blues fans" of a report naming none of their
                    # teams (or two): some team's, no page of their own.
                    curated[(kind, name)] = None
        others = {self.people.merged.get(value[1], value[1]) for value in curated.values() if value}
        for (kind, name), value in curated.items():
            ref = None
            if value is not None:
                final_kind, final_name = value
                if final_kind == "person":
                    final_name = self.people.resolve(final_name, others)
                    if final_name and self._unnamed(final_name):
                        final_name = None
                ref = self._one_per_slug(EntityRef(final_kind, final_name)) if final_name else None
            self.resolved[(src_uri, kind, name)] = ref

    def _unnamed(self, name: str) -> bool:
        """An initial and a surname no full name of the archive joins (``R Corrigan`` of a
        team sheet): the archive cannot name the person, so no page (in a large archive;
        a curated name keeps its page). In the BBC archive such pages were 24 of 25 wrong."""
        return self.people.confirm and _initial(name) and not self.curated.lists(name)

    def _unknown_place(self, name: str) -> tuple[Kind, str] | None:
        """A "place" no gazetteer knows (no country, city, subdivision or geographic
        description: ``Alcatel``, ``Sideways``, ``Spybot``) is no place page: it takes the
        other kind the archive gives it, if any, else it has no page. In the BBC archive
        three in five such "places" were companies, works, people or fragments."""
        places = gazetteer()
        # A town of 5,000 people too (Kinsale, Malton, Okehampton), for a name the
        # articles call a place only: not one they call a body or a person too (Zara,
        # Blair, a reviewer's), nor in sports reports alone ("Charlton", the club).
        votes = self.kind_votes.get(name, Counter())
        town = not (votes["organization"] or votes["person"] or self._sport_only(name))
        if places.knows(name, towns=town):
            # A city's other name, when the archive also uses the name it goes by now:
            # one page, under that name (Bombay and Mumbai, Peking and Beijing).
            current = places.current_name(name)
            if current and self.kind_votes.get(current, Counter())["place"]:
                return "place", current
            # The gazetteer's name of an "organization" its articles made a place
            # ("in Washington DC": Washington); the converter's places have theirs.
            return "place", places.canonical_name(name) or name
        if self._venue(name):
            self.evidenced.add(name)
            return "place", name  # a ground no gazetteer knows, "at Ibrox"
        others = votes["organization"] + votes["person"]
        if (
            votes["organization"]
            and votes["place"] >= MAJOR_SHARE * others  # all its mentions, one page
            and self._written_as(name, "located", LOCATED_SHARE)
            and not self.cues[name]["speaks"]  # "Yukos said" (cues known: read above)
        ):
            self.evidenced.add(name)
            return "place", name  # "moved to Malibu", "the Rover factory in Longbridge"
        if votes["person"] > votes["organization"] and full_name(name):
            return "person", name
        if not votes["organization"] and full_name(name) and self._surname_borne(name):
            self.evidenced.add(name)
            return "person", name  # "Rio Ferdinand", a "place" to the model: Ferdinand's
        return ("organization", name) if votes["organization"] else None

    def _surname_borne(self, name: str) -> bool:
        """Whether the archive's people bear a full name's last word, after its first
        initial once ("G Jenkins" of Gethin Jenkins) or alone in two articles ("Ferdinand"
        of Rio Ferdinand); not a word a gazetteer knows as a place ("England" of Age
        Concern England) nor a building's or a street's ("Albert Hall", "Trent Bridge":
        Hall and Bridge are surnames too, as a reviewer showed)."""
        last = _last_word(name)
        if last in SITE_WORDS or gazetteer().knows(last):
            return False
        initial = name[0]
        votes = self.kind_votes
        return (
            votes.get(last, Counter())["person"] >= 2
            or votes.get(f"{initial} {last}", Counter())["person"] >= 1
            or votes.get(f"{initial}. {last}", Counter())["person"] >= 1
        )

    def ref(self, kind: Kind, name: str, src_uri: str | None = None) -> EntityRef | None:
        """The entity a name stands for in an article (None: ignored or ambiguous)."""
        if src_uri is not None and (src_uri, kind, name) in self.resolved:
            return self.resolved[(src_uri, kind, name)]
        value = self._curated(kind, name)
        if value is None:
            return None
        kind, name = value
        if kind == "person":
            name = self.people.merged.get(name, name)
        return self._one_per_slug(EntityRef(kind, name))

    def _one_per_slug(self, ref: EntityRef) -> EntityRef:
        return self.by_slug.setdefault((ref.kind, ref.slug), ref)

    def table(self) -> list[Entity]:
        """Every entity once: its slug, canonical name, kind, the names that stand for it in
        the articles, and its curated description."""
        names: dict[EntityRef, set[str]] = defaultdict(set)
        for (_, _, name), ref in self.resolved.items():
            if ref is not None:
                names[ref].add(name)
        return sorted(
            (
                Entity(ref.slug, ref.name, ref.kind, tuple(sorted(names[ref] - {ref.name})),
                       self.curated.description(ref.kind, ref.name))
                for ref in set(self.by_slug.values())
            ),
            key=lambda entity: (entity.kind, entity.slug),
        )  # fmt: skip


#: A one-word name the archive writes in lower case at least this often (of its uses after
#: a lower-case word, where a capital is no sentence start) is a common word.
COMMON_SHARE = 0.8
#: A one-word name the model tags in under this share of the archive's capitalised uses
#: of it after a lower-case word ("the United Nations", "the Bank of England", "World
#: Cup", "the House") is no name of its own: the model's slip on a word of longer names.
TAGGED_SHARE = 0.125
#: An acronym the archive also writes in the plural at least this often (and twice) is a
#: count noun: "PVRs", "DJs", "GPs", "MEPs"; no organization is written so ("BBCs").
PLURAL_SHARE = 0.2
#: A word after a lower-case word or a comma (where a capital is no sentence start). The
#: leading space lets the scan jump from space to space: 2.2 times faster than a pattern
#: that starts with its look-behind (0.54 s against 1.17 s over 10,000 articles).
_WORD_AFTER = re.compile(r" (?<=[a-z,;] )([A-Za-z][a-z]+)\b")
#: An acronym and its plural "s"; that it starts a word is checked on each match (a
#: look-behind made the scan four times slower).
_ACRONYM_WORD = re.compile(r"([A-Z][A-Z0-9&]{1,5})(s?)\b")


def common_words(
    texts: Iterable[str],
    names: Iterable[str],
    words: Iterable[str] = (),
    tagged: Mapping[str, int] | None = None,
) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Names that are words, not names, by how the archive's own text writes them:

    - one-word capitalised names (``Budget``, ``Office``, ``Digital``) that it mostly
      writes in lower case mid-sentence: headline words and fragments the model took for
      organizations or people (in the BBC archive 12 of 17 such names were no entity);
    - acronyms it also writes in the plural (``PVRs``, ``LCDs``, ``MSPs``): things and
      roles, not organizations (in the BBC archive 8 of 9 such pages were no entity),
      and such plurals themselves (``MPs``);
    and, apart (the second set), of ``words`` (capitalised words, given alone), those it
    writes in lower case mid-sentence at least three times and at least as often as
    capitalised.
    """
    names = list(names)
    candidates = {name.casefold(): name for name in names if re.fullmatch("[A-Z][a-z]+", name)}
    extra = {word.casefold(): word for word in words}
    candidates.update({folded: word for folded, word in extra.items() if folded not in candidates})
    acronyms = {name for name in names if re.fullmatch("[A-Z][A-Z0-9&]{1,5}", name)}
    seen: Counter[str] = Counter()  # every word after a lower-case one, as written
    singular: Counter[str] = Counter()
    plural: Counter[str] = Counter()
    for text in texts:
        seen.update(_WORD_AFTER.findall(text))
        for match in _ACRONYM_WORD.finditer(text):
            acronym, start = match[1], match.start()
            before = text[start - 1] if start else " "
            if acronym in acronyms and not (before.isalnum() or before in "_&-"):
                (plural if match[2] else singular)[acronym] += 1
    # A candidate is [A-Z][a-z]+ folded: the scan sees it in these two forms only.
    lower = Counter({word: seen[word] for word in candidates})
    upper = Counter({word: seen[word.capitalize()] for word in candidates})
    found = {
        candidates[word]
        for word, count in lower.items()
        if count >= COMMON_SHARE * (count + upper[word]) and count + upper[word] >= 5
    }
    worded = {extra[word] for word in extra if lower[word] >= 3 and lower[word] >= upper[word]}
    found |= {
        name
        for name, count in plural.items()
        if count >= 2 and count >= PLURAL_SHARE * (count + singular[name])
    }
    # And the plural itself, taken for a name ("MPs", "NGOs", "MSCPs").
    found |= {name for name in names if re.fullmatch("[A-Z][A-Z0-9&]{1,5}s", name)}
    # The third set: one-word names the model tags (``tagged``: its mentions, capitalised
    # after a lower-case word) in under ``TAGGED_SHARE`` of the archive's such uses.
    untagged = {
        candidates[word]
        for word, count in upper.items()
        if tagged is not None
        and count >= 10
        and candidates[word] in tagged
        and tagged[candidates[word]] < TAGGED_SHARE * count
    }
    return frozenset(found), frozenset(worded), frozenset(untagged)


def _unknown_first(name: str) -> str | None:
    """The first word of a name of two words or more when it is no known first name and
    no initial (``Finding`` of ``Finding Nemo``); else None."""
    words = name.split()
    if len(words) < 2 or not re.fullmatch("[A-Z][a-z]+", words[0]):
        return None
    return None if given_name(words[0], True) else words[0]


def _no_given_name(name: str) -> bool:
    """Whether a name of two words or more starts with a word no first-name list holds,
    not even as a rare one (``Nomad``, ``Shark``; not ``Sky``, ``Chris``)."""
    first = _unknown_first(name)
    return bool(first) and not given_name(first)


def _team_kind(team: str) -> Kind:
    """A country's team is the country (a place); any other team an organization."""
    return "place" if team in gazetteer().countries else "organization"


#: The end of a name that lists its subjects, "Department for Culture, Media and Sport".
_LIST_END = re.compile(r", [^,]* (?:and|&) [^,]*$")
_LIST_PARTS = re.compile(r", | and | & ")


def _club_business(name: str, text: str) -> bool:
    """Whether a text writes a club as a business or a speaker is written: "Wigan said",
    "Crewe shares", "Leeds chairman", "shares in Leeds" (not "the Duke of Edinburgh
    said", the Duke)."""
    escaped = re.escape(name)
    after = rf"(?<!of )\b{escaped}(?:'s|’s)? {_CLUB_BUSINESS}\b"
    return re.search(rf"{after}|\b(?:shares|stakes?) in {escaped}\b", text) is not None


#: Words after a club's name that a business or a speaker takes (``_club_business``).
_CLUB_BUSINESS = r"(?:said|says|shares|plc|chairman|board|fans|manager|boss)"


def _head(name: str) -> str:
    """A body's head word: its last, or the last before "of" or "for" ("Commission" of
    the European Commission and of the Commission for Racial Equality)."""
    found = _OF_FOR.search(name)
    return _last_word(name[: found.start()] if found else name)


def _last_word(name: str) -> str:
    return name.rsplit(" ", 1)[-1]


def _other_kind(votes: Counter[Kind] | None, name: str) -> tuple[Kind, str] | None:
    """The kind besides person the archive gives a name most often, or None."""
    others = [(count, kind) for kind, count in (votes or {}).items() if kind != "person" and count]
    return (max(others)[1], name) if others else None


#: Two capitalised words, as a player is named ("Taylor Dent", "Phillips Idowu").
_TWO_WORDS = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)? [A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?")


def _player_shaped(name: str) -> bool:
    """Whether a name is shaped as a player's: two capitalised words, the first a first
    name and no nationality, neither a body's, a club's, an event's or a sport's word
    (``SOLO_CLUB_WORDS``), the whole no place (``Marion Bartoli``, ``Andy Murray``; not
    ``Team GB``, ``Athletics Kenya``, ``Tennis Australia``, ``Birchfield Harriers``,
    ``American Davenport``, ``Scot Ferrier``, ``Sky Sports``, ``Stanford University``,
    ``Milton Keynes``): in tennis and athletics reports, where the model calls players
    bodies, such an "organization" never written "the X", "at X" or "in X" is a
    player."""
    if _TWO_WORDS.fullmatch(name) is None:
        return False
    first, last = name.split()
    return (
        given_name(first)
        and not demonym(first)  # "Scot Ferrier": "Scot" is a first name too
        and not any(
            word in HEAD_WORDS
            or word in CLUB_WORDS
            or word in EVENT_WORDS
            or word in SOLO_CLUB_WORDS
            for word in (first, last)
        )
        and not gazetteer().knows(name)
    )


#: Words of the names of clubs, bodies and broadcasters of sports played one against one:
#: a sport's name ("Welsh Athletics", "Tennis Australia", "British Cycling"), "Harriers"
#: (Birchfield Harriers), "Sports" and "Channel" (Sky Sports, the Discovery Channel team).
SOLO_CLUB_WORDS = frozenset(
    {"Athletics", "Tennis", "Golf", "Boxing", "Cycling", "Harriers", "Sports", "Channel"}
)


@lru_cache(maxsize=65536)
def person_shaped(name: str) -> bool:
    """A full name (``full_name``), or one whose first word is a hyphenated first name
    (``Jean-Philippe Grandclaude``). Not two capitals: ``AC Milan``, ``MG Rover``."""
    first = name.split(" ", 1)[0]
    return full_name(name) or (
        " " in name and "-" in first and given_name(first.split("-", 1)[0], True)
    )


@lru_cache(maxsize=65536)
def full_name(name: str) -> bool:
    """A known first name (or an initial) and more: ``Enrico Bondi``; not ``West Brom`` or
    ``Jailhouse Rock``, which no first name starts."""
    words = name.split()
    return len(words) >= 2 and (len(words[0].rstrip(".")) == 1 or given_name(words[0], True))


def holds_word_of(name: str, words: frozenset[str]) -> bool:
    """Whether a word of a name (split at spaces and hyphens), or its singular, is one of
    ``words``: "Local Authorities", "Chambers", "United Nations" hold ``HEAD_WORDS``'."""
    return any(
        word in words or word[:-1] in words or f"{word[:-3]}y" in words
        for word in re.split(r"[\s-]+", name)
    )


def _letters(name: str) -> str:
    return "".join(character for character in name.casefold() if character.isalnum())


#: Last words of clubs' names, which the articles also write alone ("Sheffield United ...
#: United won"): no surname.
CLUB_WORDS = frozenset(
    {"United", "City", "Rovers", "Wanderers", "Athletic", "Town", "Albion", "Palace", "Villa",
     "Hotspur", "Rangers", "County", "Forest", "Argyle", "Wednesday", "Orient", "Alexandra"}
)  # fmt: skip

#: Ranks and offices the converter's titles may miss in their short forms ("Gen
#: Musharraf"): a person's name is what follows them. Not royal or religious titles,
#: which are part of how such people are named (King Abdullah, Pope John Paul).
RANKS = frozenset(
    {"gen", "general", "col", "colonel", "lt", "capt", "sgt", "maj", "adm", "cmdr", "cpl",
     "pvt", "gov", "sen", "rep", "prof"}
)  # fmt: skip

#: Last words of laws and treaties and of competitions the converter's own list (its
#: ``_EVENT_END``) lacks: no organization or place ends so.
EVENT_WORDS = frozenset(
    {"Convention", "Treaty", "Protocol", "Accord", "Accords", "Directive", "Indoor",
     "Indoors", "Slam", "Tournament"}
)  # fmt: skip

#: A treaty or a law named by its subject ("the European Convention on Human Rights",
#: "the Treaty of Amsterdam", "the Directive on the Patentability of ..."): no body.
_LAW = re.compile(
    r"\b(?:Convention|Treaty|Protocol|Accord|Directive|Charter|Declaration) on\b"
    r"|\b(?:Treaty|Protocol) of\b"
)
#: Last words of a body's name, whatever its first words name: a treaty ("Treaty of
#: Waitangi Fisheries Commission"), or more than one thing joined by "and" (the
#: converter's "the Pew Internet and American Life Project", "the Public and Commercial
#: Services Union").
BODY_WORDS = frozenset(
    {"Commission", "Council", "Committee", "Authority", "Organisation", "Organization",
     "Agency", "Tribunal", "Court", "Secretariat", "Office", "Board", "Union", "Project",
     "Association", "Society", "Societies", "Institute", "Exchange", "Federation", "Trust",
     "Foundation", "Centre", "Center", "Forum"}
)  # fmt: skip

#: Head words of bodies that stand alone for the one body of their article that they head
#: ("the Commission"): ``BODY_WORDS`` but those that name other things alone ("The Office",
#: a show, beside the Foreign Office; "leave the Union" beside the European Union, as a
#: reviewer showed; "the Exchange", "the Trust", "the Centre").
ANAPHORIC_HEADS = BODY_WORDS - {
    "Office", "Union", "Project", "Exchange", "Trust", "Centre", "Center", "Forum"}  # fmt: skip

_OF_FOR = re.compile(r" (?:of|for) (?:the )?")

#: An "organization" named as people are, with a person's role (``names.ROLES``: "England
#: coach Sven-Goran Eriksson") just before it in this share of its mentions and no
#: business's words, is a person.
ROLE_SHARE = 0.25

#: Courtesy titles: a name they start is a person's, whatever the model said.
COURTESY = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr"})
#: A title of rank or of a see, "of" and a place of one to three words: its holder, a
#: person ("the Prince of Wales", "the Archbishop of Canterbury", "the King of Belgium",
#: "the Duchess of Cornwall"), whom the model calls an organization or a place. (The
#: page is the title's, whoever held it in each article: "the Prince of Wales" was
#: Charles until 2022.) Works so named are listed in data/names.yml ("The Prince of
#: Egypt", a film; "King of Queens", a show) or written as works are ("the film King of
#: New York"), and win; so do places ("Prince of Wales Island") and venues.
_TITLE_OF = re.compile(
    r"(?:Prince|Princess|Duke|Duchess|Earl|Countess|Marquess|King|Queen|Archbishop|Bishop)"
    r" of (?P<place>[A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})"
)


def title_holder(name: str) -> bool:
    """Whether a name is a title of rank or of a see of a place the gazetteer knows."""
    match = _TITLE_OF.fullmatch(name)
    return bool(match) and gazetteer().knows(match["place"])


#: Words around a name that a business or a band takes, never a person: "analysts at X",
#: "shares in X", "the firm X", "media giant X", "X shares", "X plc", "X chief executive"
#: (a trade's noun before it: "distributor X", "carmaker X"). A "person"
#: written so ``COMPANY_CUES`` times is an organization (Merrill Lynch, Morgan Stanley,
#: William Hill, Fannie Mae, Warner Bros, Scissor Sisters). Once is not enough: "a go at
#: Gary Neville", "looked at Gavin".
_COMPANY_BEFORE = (
    r"at|shares in|firm|bank|company|group|owners?|chain|label|band|giant|giants|retailer"
    r"|distributor|carmaker|insurer|airline|studio|studios"
)
_COMPANY_AFTER = r"shares|Ltd|Inc|plc|analysts?|chief executive|boss"
#: ... and, after a one-word name, a paper's words ("told the Herald newspaper"; not a
#: proprietor's papers, "the Murdoch newspapers ... Mr Murdoch", as a reviewer showed).
_PAPER_AFTER = r"newspaper|magazine|tabloid"
COMPANY_CUES = 2
COMPANY_SHARE = 0.05
#: Words around a name that a work, an event or a technology takes ("the film Vera Drake",
#: "the game Grand Theft Auto", "the UWB standard", "Vera Drake actress", "Brit award",
#: "Net browser Opera", "the steroid THG", "Commonwealth 100m champion", "a Commonwealth
#: silver medal"; not "so-called", which the BBC writes before
#: names it will not vouch for, "the so-called Islamic State", nor "program" or "drug",
#: before a company a clause follows: "the drug Merck withdrew"), or a share index
#: (``_INDEX_AFTER``):
#: a person or organization written so in ``WORK_CUES`` mentions and ``WORK_SHARE`` of its
#: mentions is none (not "star", which clubs and bands take too, nor "play", "title").
_WORK_BEFORE = (
    r"film|movie|films|series|sitcom|drama|comedy|documentary|musical|album|single|song"
    r"|game|games|novel|book|programme|sequel|thriller|epic|biopic|remake|opera|festival|fair"
    r"|exhibition|event|tournament|competition|championship|award|awards|prize|trophy|treaty"
    r"|convention|format|technology|standard|software|console|version|browser|steroid"
    r"|entitled"
)
_WORK_AFTER = (
    r"actor|actress|actors|sequel|soundtrack|creator|festival|fair|awards?|prize|trophy"
    r"|format|technology|standard|software|console|(?:\d+m )?champion|championships?|finalist"
    r"|(?:gold|silver|bronze) medal(?:list)?s?|medallists?"
    r"|contestants?|tournament|virus|worm|program"
)
#: After a share index's name ("the FTSE 100 index", "the FTSE 100 share index", "the
#: Nasdaq stock index", "the Dow Jones Industrial Average"): a work's cue, unless the
#: name also speaks or is written as a business is ("Nasdaq said", "shares in Nasdaq":
#: the exchange, which names its index).
_INDEX_AFTER = (
    r"(?:\d+ )?(?:(?:stock|share) )?(?:index|indexes)|(?:stock |share )?indices"
    r"|Industrial Average"
)
#: The word just before a mention (case aside) and the words just after it: the group
#: that matched names the cue.
BEFORE_CUE = {
    word: cue
    for cue, words in (("work", _WORK_BEFORE), ("company", _COMPANY_BEFORE))
    for word in words.replace("owners?", "owner|owners").split("|")
}
AFTER_CUE = re.compile(
    rf"\s(?:(?P<company>{_COMPANY_AFTER})|(?P<paper>{_PAPER_AFTER})|(?P<work>{_WORK_AFTER})"
    rf"|(?P<index>{_INDEX_AFTER}))\b"
)
WORK_CUES = 2
WORK_SHARE = 0.1


def work_cues(cues: Mapping[str, int]) -> int:
    """How many of a name's mentions are written as a work's, an event's or a
    technology's are ("the film X"), a share index's among them ("X stock index") unless
    the name also speaks or is written as a business is (the exchange, which names its
    index): the identity's and the review queue's one count."""
    index = 0 if cues["speaks"] or cues["business"] else cues["index"]
    return cues["work"] + index


#: Words after an organization's mention that make it a thing made: a chip, a handset, a
#: technology ("the Cell processor", "EV-DO technology", "the Microsoft Mobile phone").
#: Makers take them too ("Nokia handsets", "Intel chips", "Motorola phones"), in a few
#: of their mentions: a name written so in ``PRODUCT_SHARE`` of its mentions (and
#: ``WORK_CUES``) that never speaks and is never written with a business's words ("shares
#: in X", "X shares") is none. (BBC half A: three such names, all wrong pages; no right
#: page of the three dev archives has a share above a quarter. Not "inquiry": "the Ofcom
#: inquiry" is a regulator's, as a reviewer showed.)
PRODUCT_AFTER = re.compile(
    r"(?:-[A-Z0-9]+)? (?:chips?|processors?|phones?|handsets?|consoles?|devices?|technology"
    r"|technologies|software|platform|browser|format|standard)\b"
)
PRODUCT_SHARE = 1 / 3
#: ... or "entitled X" once, in a name of few mentions, when that is this share of them,
#: the name never speaks and is no person's ("an Iraqi-German offering entitled
#: Underexposure", and once more unmarked; not the other work words once: "the software
#: Novell sells", "the Pentagon program").
WORK_ALONE_SHARE = 0.25
#: A name written after a capitalised "The" mid-sentence in this share of its mentions
#: (and ``WORK_CUES``) is a title: a film or a show when words of the screen surround
#: those mentions more often than words of music ("The Aviator", "The Simpsons"; a band,
#: "The Streets", is an organization).
TITLE_SHARE = 0.3
SCREEN_WORDS = re.compile(
    r"\b(?:film|films|movie|movies|box office|cinemas?|actor|actress|starring|stars|director"
    r"|directed|oscars?|show|series|episodes?|sitcom|drama|comedy|cartoon|channel|viewers|tv"
    r"|television|games?|console|musical|play|stage|novel|book)\b",
    re.IGNORECASE,
)
MUSIC_WORDS = re.compile(
    r"\b(?:bands?|group|singer|frontman|frontwoman|guitarist|drummer|albums?|gigs?|tour"
    r"|singles?|rock|pop|indie|music|songs?|charts?|festival|record label)\b",
    re.IGNORECASE,
)
#: A name that is, in this share of its mentions, a piece of a longer one joined by "of"
#: ("Harry Potter and the Prisoner of Azkaban", "Lord of the Rings") is no name itself.
FRAGMENT_SHARE = 0.5
#: Last words of buildings, streets and grounds, which are surnames too: a "place" so
#: named is no person whose surname the archive's people bear ("Albert Hall").
SITE_WORDS = frozenset(
    {"Hall", "House", "Court", "Bridge", "Road", "Street", "Square", "Park", "Gardens",
     "Garden", "Lane", "Avenue", "Place", "Hill", "Green", "Cross", "Wharf", "Market",
     "Field", "Fields", "Castle", "Palace", "Abbey", "Tower", "Towers", "Centre", "Center",
     "Arena", "Stadium", "Island", "Way", "Row", "Gate", "End", "Wood", "Heath", "Common",
     "Vale", "Bay", "Point", "Harbour", "Station", "Airport", "Church", "Chapel", "College",
     "School", "Hospital", "Prison", "Theatre", "Lodge", "Manor", "Farm", "Mill"}
)  # fmt: skip
#: A one-word "place" written as an event named after it is ("Wimbledon champion") in this
#: share of its mentions is the event (BBC: Wimbledon, 4 of 5; Hollywood, 3 of 67).
EVENT_SHARE = 0.5
#: A "place" written as a firm is ("research firm X", "X analyst") in ``WORK_CUES``
#: mentions and this share of all is a firm (BBC: Jupiter, 3 of its 7 mentions; London, 0
#: of 245).
FIRM_SHARE = 0.4
#: A one-word "place" no gazetteer knows, which the model calls a place in twice the
#: articles of anything else (``MAJOR_SHARE``) and an organization at times ("Rover's
#: Longbridge plant", "Malibu rum"), that never speaks ("X said") and is written after a
#: word that puts it on a map ("moved to Malibu", "the factory in Longbridge") in
#: ``WORK_CUES`` mentions and this share of all, is a place, not the organization (towns
#: and districts below the gazetteer's size: BBC Malibu, 2 of 3; no other name of the
#: three dev archives that the model calls both above 0.17: Longbridge, whose "at
#: Longbridge" is not counted, BT, Freeview). Not a "place" the model never calls an
#: organization: names written so are works ("his role in Closer"), companies ("at
#: Cisco") and players as often as places.
LOCATED_SHARE = 0.25
#: An "organization" that team sports' reports write "at X" (a ground: "at Old Trafford",
#: "at Murrayfield") in this many mentions and this share of all is a place. Clubs are
#: written so too ("his time at Chelsea"), but in fewer of their mentions. (Two, in two
#: reports: CoNLL's Old Trafford, "at" in its two mentions, was a club.)
VENUE_CUES = 2
VENUE_SHARE = 0.4


#: The words ``cue_before`` looks at last: any other word before a mention is no cue.
#: Words between a noun and the name it gives ("a technology called Visual Radio", "a
#: firm named X"): the noun before them is the cue.
_NAMING = frozenset({"called", "named", "dubbed"})
CUE_WORDS = frozenset({*BEFORE_CUE, "in", *_NAMING})


def cue_before(text: str, start: int) -> str | None:
    """The cue ("company", "work") of the word before ``start`` in ``text``, if any."""
    if start < 2 or text[start - 1] != " ":
        return None
    space = text.rfind(" ", max(0, start - 24), start - 1)
    if space < 0 and start > 24:
        return None  # no word of 23 letters or fewer before it: no cue (and no long slice)
    word = text[space + 1 : start - 1].casefold()
    if word == "in" and space > 0:  # "shares in"
        previous = text.rfind(" ", max(0, space - 12), space)
        word = text[previous + 1 : start - 1].casefold()
    elif word in _NAMING and space > 0:  # "a technology called X": the noun's cue
        previous = text.rfind(" ", max(0, space - 24), space)
        word = text[previous + 1 : space].casefold()
        # (After "a" or "an" only: "the carmaker named Carlos Ghosn as its chief" is the
        # verb, as a reviewer showed.)
        article = text.rfind(" ", max(0, previous - 4), previous)
        if previous <= 0 or text[article + 1 : previous].casefold() not in ("a", "an"):
            return None
    return BEFORE_CUE.get(word)


#: The word after a mention, and the possessive between them that the converter strips
#: from names ("Ocean" of "Ocean's Twelve").
_NEXT_WORD = re.compile(r"((?:'s|’s)? )([\w&+-]+)")


def in_listed_term(text: str, start: int, end: int, before: str) -> bool:
    """Whether the word before a mention (``before``) or the one after it makes it a name
    ``data/names.yml`` lists as no entity: "Globe" of "Golden Globe", "Academy" of
    "Academy Awards", "Ocean" of "Ocean's Twelve"; not a product's maker, whose name
    starts the product's ("Airbus" of "Airbus A380", "Nintendo" of "Nintendo DS")."""
    known = _knowledge()
    words = text[start:end]
    # (The listed names' first and last words first: few mentions need the joined key.)
    if before.casefold() in known.term_firsts and _key(f"{before} {words}") in known.not_entities:
        return True
    after = _NEXT_WORD.match(text, end)
    if after is None or after[2].casefold() not in known.term_lasts:
        return False
    key = _key(f"{words}{after[1]}{after[2]}")
    return key in known.not_entities and key not in known.products


#: An acronym as articles write one: two to six capitals (digits and & inside).
ACRONYM = re.compile(r"[A-Z][A-Z0-9&]{1,5}")


def _acronyms(name: str) -> set[str]:
    """What a name's initials may be written as: its capitalised words' first letters,
    a word in capitals counting whole (``UK Independence Party``: UIP and UKIP)."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w[0].isupper() and "." not in w]
    if len(words) < 2:
        return set()
    return {"".join(w[0] for w in words), "".join(w if w.isupper() else w[0] for w in words)}


#: A government's portfolios, which name an office with the word after them ("Health
#: Secretary John Reid", "Culture, Media and Sport Secretary Tessa Jowell"; a trial's
#: "Mines Minister David Michael"), and the model tags as a body: a ministry's page when
#: the archive names the ministry (``organization_forms``: "Department for Transport"),
#: else none. BBC: 6 such names; the trials: 2.
PORTFOLIOS = frozenset(
    {"Health", "Education", "Culture", "Media", "Sport", "Sports", "Transport", "Defence",
     "Defense", "Home", "Foreign", "Trade", "Industry", "Environment", "Energy", "Justice",
     "Finance", "Interior", "Housing", "Work", "Pensions", "Employment", "Agriculture",
     "Mines", "Communities", "Children", "Schools", "Science", "Technology", "Tourism",
     "Immigration", "Economy", "Development", "Security", "Veterans", "Commerce",
     "Fisheries", "Rural", "Affairs", "Families", "Skills", "Universities", "Climate",
     "Digital", "Arts", "Heritage", "Water", "Planning", "Local", "Government",
     "Transportation"}
)  # fmt: skip
_PORTFOLIO_WORDS = re.compile(r",\s*|\s+(?:and|&)\s+|\s+")


#: ... of them, those no body is named alone: not "Justice" (a band), "Science" (a journal),
#: "Arts" or "Digital" (a reviewer's examples).
PORTFOLIOS_ALONE = frozenset(
    {"Health", "Education", "Transport", "Transportation", "Defence", "Defense", "Home",
     "Foreign", "Trade", "Environment", "Housing", "Pensions", "Employment", "Agriculture",
     "Mines", "Communities", "Tourism", "Immigration", "Fisheries"}
)  # fmt: skip


def portfolio(name: str) -> bool:
    """Whether a name is a portfolio's words only ("Health", "Trade and Industry")."""
    words = _PORTFOLIO_WORDS.split(name)
    if len(words) == 1:
        return name in PORTFOLIOS_ALONE
    return all(word in PORTFOLIOS for word in words)


def organization_forms(
    articles: list[Iterable[str]],
    written: list[Mapping[str, str]] | None = None,
    context: list[set[str]] | None = None,
    paragraphs: Sequence[Sequence[str]] | None = None,
) -> dict[str, str]:
    """Other forms of an organization's name across the archive -> the name its page
    takes: an acronym the archive expands in one way only (another named in one article,
    never beside it, aside), named beside its expansion in an article, a country before it
    or not (UKIP, SEC; on its own, CIA would have been Channel Islands AC) or ``written``
    for it there ("the Welsh Rugby Union (WRU)", which the converter made one name) when
    the articles naming the acronym alone share a name with the expansion's (``context``:
    each article's names; NEC the electronics maker is not Labour's National Executive
    Committee), a web
    address (Amazon.com), the same letters spaced or cased otherwise (JP Morgan, JPMorgan:
    an acronym in capitals, else the most frequent form), the same words but for "of"/
    "for", "and"/"&"/"the" and numbers in words (``_plain``: Institute of/for Fiscal
    Studies, BBC Radio Four), a ministry's portfolio (Trade and Industry). Patterns seen
    across the BBC archive, each in several articles; two referents that share a form
    are left apart."""
    frequency: Counter[str] = Counter(name for names in articles for name in set(names))
    names = set(frequency)
    forms: dict[str, str] = {}
    contexts = _Contexts(context) if context else None
    by_letters: dict[str, list[str]] = defaultdict(list)
    for name in names:
        by_letters[_letters(_unabbreviated(name))].append(name)
    for group in by_letters.values():
        if len(group) > 1:
            # An acronym in capitals, else the form most articles use (CIA, not Cia), as
            # written mid-sentence ("Warner Bros", not a sentence's last "Warner Bros.").
            main = max(group, key=lambda n: (n.isupper(), n[-1] != ".", frequency[n], "-" in n, n))
            forms.update({name: main for name in group if name != main})
    # Spellings: "of" for "for", with or without "and", "&" or "the", a number in words
    # (``_plain``): a spelling of one article joins; two of pages of their own (two
    # articles each) join when named together or beside a specific name in common (the
    # US Department of Education is not the British Department for Education).
    known = names | contexts.where.keys() if contexts else names  # names of any kind
    by_spelling: dict[str, list[str]] = defaultdict(list)
    for name in names - forms.keys():
        # Two names, "Arsenal, Real Madrid" or "Gazprom and Rosneft" (each a name of the
        # archive, of any kind), are no form of one: no connecting word of theirs is dropped.
        two = "," in name or any(
            first in known and second in known
            for first, _, second in (name.partition(f" {word} ") for word in ("and", "&"))
        )
        if not two:
            by_spelling[_letters(_plain(name))].append(name)
    for group in by_spelling.values():
        if len(group) > 1:
            # The form most articles use; of two as frequent, the one with digits ("BBC
            # Radio 4", not "Four") and with every word (``_fullness``).
            main = max(
                group,
                key=lambda n: (frequency[n], _digits(n), _fullness(n), n),
            )
            for name in group:
                if name != main and (
                    contexts is None
                    or frequency[name] < 2
                    or contexts.together(name, main)
                    or contexts.share(name, main)
                ):
                    forms[name] = main
    expansions: dict[str, set[str]] = defaultdict(set)
    for name in names:
        for acronym in _acronyms(name):
            expansions[acronym].add(name)
    together: dict[str, set[str]] = defaultdict(set)  # acronym -> names beside it
    # (The paragraphs, when given, are the articles' own, one tuple each.)
    texts = repeat(()) if paragraphs is None else paragraphs
    for article, found in zip(articles, texts, strict=paragraphs is not None):
        present = set(article)
        # An expansion the article writes that the model did not tag ("EA's Need for
        # Speed ... Electronic Arts, the world's biggest games publisher") is named there
        # too.
        present |= {
            expansion
            for name in present
            if name.isupper() and 2 <= len(name) <= 6
            for expansion in expansions.get(name, ())
            if any(_written_in(expansion, text) for text in found)
        }
        # "US Securities and Exchange Commission" beside SEC names the Commission.
        present |= {
            rest for name in article
            if (split := name.partition(" "))[0] in _COUNTRY_PREFIXES and (rest := split[2])
        }  # fmt: skip
        for name in present:
            if name.isupper() and 2 <= len(name) <= 6 and name in expansions:
                together[name] |= present & expansions[name]
    for acronym, expanded in together.items():
        # One expansion but for its spellings ("Securities & Exchange Commission"); another
        # named in one article only, never beside the acronym, leaves it the one ("SEC" and
        # "Strategic Export Controls").
        finals = {_final(forms, name) for name in expanded}
        others = {_final(forms, name) for name in expansions[acronym]} - finals
        if len(finals) == 1 and all(frequency[other] < 2 for other in others):
            forms.setdefault(acronym, next(iter(finals)))
    if written and contexts:
        spelled: dict[str, set[str]] = defaultdict(set)  # acronym -> what articles spell
        for found in written:
            for acronym, name in found.items():
                spelled[acronym].add(name)
        for acronym, (name, *others) in spelled.items():
            if others or acronym not in names or acronym in forms:
                continue  # two expansions, or no page of its own to join
            if name in expansions[acronym] and contexts.share(acronym, name):
                forms[acronym] = name
    by_first_word: dict[str, list[str]] = defaultdict(list)  # "Radio 4" -> ["BBC Radio 4"]
    for name in names:
        owner, _, rest = name.partition(" ")
        if rest and owner.isupper() and len(owner) >= 2:
            by_first_word[rest].append(name)
    for name in names:
        stem = re.sub(r"\.(?:com|co\.uk|net|org)$", "", name)
        if stem != name:
            same = [other for other in names if other != name and _letters(other) == _letters(stem)]
            if len(same) == 1:
                forms.setdefault(name, same[0])
        # "Trade and Industry" (Secretary), "Constitutional Affairs": a ministry named by
        # its portfolio, when the archive names the ministry in full.
        ministry = next(
            (f"{head} {name}" for head in _MINISTRIES if f"{head} {name}" in names), None
        )
        if ministry:
            forms.setdefault(name, ministry)
        # "US Securities and Exchange Commission", "US Court of Appeals": the country
        # before a name of two words or more that the archive also uses alone.
        country, _, rest = name.partition(" ")
        if country in _COUNTRY_PREFIXES and " " in rest and rest in names:
            forms.setdefault(name, rest)
        # "Radio 4", "Radio Five Live": a broadcaster's station, which the archive also
        # names with its owner's acronym before it ("BBC Radio 4"), and one owner only.
        if " " in name and not name.split(" ", 1)[0].isupper():
            owners = [o for o in by_first_word.get(name, ()) if o.split(" ", 1)[0] in names]
            if len(owners) == 1:
                forms.setdefault(name, owners[0])
    # "Verizon" and "Verizon Communications", "CBS" and "CBS TV": a company's name with
    # and without the words of its trade, an outlet's with and without its medium, when
    # both are names of pages (two articles each) named together or beside a specific name
    # in common (not a football report's "Real" and Real Networks): one page, under the
    # company's full name and the outlet's. A name two such words follow (Emirates
    # Airlines, Emirates Group) joins neither. A legal form alone ("Intel Corp.", "Hewlett-
    # Packard Co.", "Dow Jones & Co."), in one article or more, joins the page of the name
    # without it.
    legal: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        base, _, last = name.rpartition(" ")
        # ("Pfizer, Inc.", "Dow Jones & Co.", "Bear, Stearns & Co")
        base, last = base.removesuffix(" &").rstrip(","), last.rstrip(".")
        if (
            (last in LEGAL_FORMS or last in MEDIA or last in LEGAL_SUFFIXES)
            and base in names
            # A legal name in one article ("Intel Corp.") joins the page of its company;
            # the other joins need two pages.
            and frequency[base] >= 2
            and (last in LEGAL_SUFFIXES or frequency[name] >= 2)
            and contexts is not None
            and (contexts.together(base, name) or contexts.share(base, name))
        ):
            if last in LEGAL_FORMS:
                legal[base].append(name)
            else:
                forms.setdefault(name, base)
    for base, (name, *others) in legal.items():
        if not others:
            forms.setdefault(base, name)
    # Chains end at a name that is no other's form.
    return {name: _final(forms, name) for name in forms if _final(forms, name) != name}


#: Last words of a company's full name that its short name drops (Lucent Technologies,
#: SBC Communications): not "Pictures", "Motors" or "Music", which name another company
#: of a group (Sony Pictures, Mitsubishi Motors).
LEGAL_FORMS = frozenset(
    {"Communications", "Technologies", "Networks", "International", "Group", "Holdings",
     "Airlines", "Airways", "Industries", "Systems"}
)  # fmt: skip
#: A company's legal form alone (with or without its full stop), which its page's name
#: leaves out: "Hewlett-Packard Co." is Hewlett-Packard's.
LEGAL_SUFFIXES = frozenset(
    {"Inc", "Corp", "Corporation", "Co", "Company", "Ltd", "Limited", "plc", "PLC", "Plc",
     "LLC", "AG", "SA", "NV"}
)  # fmt: skip


def legal_name(name: str) -> bool:
    """Whether a name ends in a company's legal form ("Sun Microsystems Inc.")."""
    return " " in name and name.rsplit(" ", 1)[1].rstrip(".,") in LEGAL_SUFFIXES


#: Head words of an institution's name "X of Y": a body's last words (``BODY_WORDS``), a
#: company's (``LEGAL_FORMS``, ``LEGAL_SUFFIXES``: "Banc of America Securities", "First
#: of America Bank Corp") and these (Bank of England, House of Lords, University of
#: Michigan, Nation of Islam, Friends of the Earth). An "organization" of that shape none
#: of whose words is one, nor whose Y is a place, and which is never written speaking
#: ("X said"), is a title ("Phantom of the Opera", "World of Warcraft", "Boulevard of
#: Broken Dreams": 22 names of the BBC archive, 5 of them pages, are works, fragments and
#: a technology; one is a body's garbled name).
HEAD_WORDS = (
    BODY_WORDS
    | LEGAL_FORMS
    | LEGAL_SUFFIXES
    | frozenset(
        {"Academy", "Administration", "Alliance", "Archdiocese", "Army",
         "Assembly", "Bank", "Brigade", "Bureau", "Cabinet", "Campaign", "Capital", "Chamber",
         "Church", "Circuit", "Club", "Coalition", "College", "Confederation", "Conference",
         "Congress", "Department", "Diocese", "Directorate", "Division", "Executive", "Force",
         "Friends", "Front", "Fund", "Government", "Guard", "Guild", "Hospital", "House",
         "Inspectorate", "Institution", "Insurance", "Investments", "Laboratory", "League",
         "Library", "Management", "Ministry", "Movement", "Museum", "Nation", "Navy",
         "Network", "News", "Orchestra", "Order", "Parliament", "Partners", "Party", "Police",
         "Port", "Rally", "School", "Securities", "Senate", "Service", "Theatre", "Times",
         "University", "Voice"}
    )
)  # fmt: skip
#: An outlet's medium after its name (CBS TV, BBC News Online): the outlet.
MEDIA = frozenset({"TV", "Online"})


#: Abbreviated words of companies' names, written in full ("Warner Bros", "Warner Brothers").
_ABBREVIATIONS = {"Bros": "Brothers", "Corp": "Corporation", "Intl": "International"}
_ABBREVIATED = re.compile(rf"\b({'|'.join(_ABBREVIATIONS)})\b\.?")


def _unabbreviated(name: str) -> str:
    return _ABBREVIATED.sub(lambda found: _ABBREVIATIONS[found.group(1)], name)


#: Words a body's name is written with or without, or with one for the other, after its
#: first word: "Institute of/for Fiscal Studies", "Economic (and) Social Research
#: Council", "Marks & Spencer", "International Federation of (the) Phonographic Industry".
_CONNECTIVES = frozenset({"of", "for", "and", "&", "the"})
#: Numbers written as words or digits: "BBC Radio Four", "BBC Radio 4"; "Channel Four".
_NUMBER_WORDS = {
    word: str(number)
    for number, word in enumerate(
        ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"), start=1
    )
}


def _plain(name: str) -> str:
    """A name as its other spellings are also written: abbreviations in full, numbers in
    digits, no connecting words after the first word (``Office of National Statistics``
    and ``Office for National Statistics`` are one)."""
    first, *rest = _unabbreviated(name).split() or [""]
    words = (_NUMBER_WORDS.get(w.casefold(), w) for w in rest if w.casefold() not in _CONNECTIVES)
    return " ".join((first, *words))


def _digits(name: str) -> bool:
    return any(character.isdigit() for character in name)


def _fullness(name: str) -> tuple[int, int]:
    """How many connecting words a name keeps, and how many are "for": of two forms as
    frequent, "Economic and Social Research Council" is the full name, and "Institute for
    Fiscal Studies" the deliberate one ("of" is the form writers fall back on)."""
    words = [word.casefold() for word in name.split()[1:]]
    return sum(word in _CONNECTIVES for word in words), words.count("for")


#: A name in more than this share of the articles tells nothing of a context ("BBC").
SPECIFIC_SHARE = 0.02


class _Contexts:
    """Each article's names, with where each name is: whether two names' articles meet."""

    def __init__(self, context: list[set[str]]) -> None:
        # An article of thousands of names (a hostile list) lends at most CONTEXT_CAP of
        # them: each ``share`` stays bounded, not the square of the names.
        self.context = [
            names if len(names) <= CONTEXT_CAP else set(sorted(names)[:CONTEXT_CAP])
            for names in context
        ]
        self.where: dict[str, list[int]] = defaultdict(list)
        self.frequency: Counter[str] = Counter()
        for number, names in enumerate(context):
            for name in names:
                self.where[name].append(number)
            self.frequency.update(names)

    def together(self, one: str, other: str) -> bool:
        """Whether an article names both."""
        return not set(self.where.get(one, ())).isdisjoint(self.where.get(other, ()))

    def share(self, one: str, other: str) -> bool:
        """Whether the articles naming ``one`` (and not ``other``) name a name that the
        articles naming ``other`` also name, among names in at most ``SPECIFIC_SHARE`` of
        them."""
        beside_at = set(self.where.get(other, ()))
        alone = [self.context[n] for n in self.where.get(one, ()) if n not in beside_at]
        beside = [self.context[n] for n in beside_at]
        near = set().union(*alone) & set().union(*beside) - {one, other}
        limit = max(2, SPECIFIC_SHARE * len(self.context))
        return any(self.frequency[name] <= limit for name in near)


_COUNTRY_PREFIXES = frozenset({"US", "U.S.", "UK"})
#: Last words of a body named after a product (folded, as ``Curated`` keys are).
_BODY_ENDS = frozenset(
    word.casefold()
    for word in (*LEGAL_SUFFIXES, "Foundation", "Group", "Trust", "Society", "Association",
                 "Institute", "Council")
)  # fmt: skip
#: How a ministry's name starts before its portfolio ("Department for Transport").
_MINISTRIES = ("Department for", "Department of", "Ministry of", "Ministry for")


#: The capitalised words that may come before a name a text writes on its own.
_DETERMINERS = frozenset({"The", "A", "An"})
_WORD_BEFORE = re.compile(r"(\S+) $")
_SENTENCE_ENDS = frozenset('.!?"“')


def _written_in(name: str, text: str) -> bool:
    """Whether a paragraph writes a name on its own: whole words ("Electronic Arts", not
    "Electronic Artsy"), not the end of a longer name ("the North American Court of
    Arbitration for Sport" is not the Court of Arbitration for Sport)."""
    at = text.find(name)
    while at >= 0:
        end = at + len(name)
        # (A capitalised word just before it, but an article, an owner "America's" or a
        # sentence's first word, makes it the end of a longer name.)
        window = text[max(0, at - 40) : at]
        before = _WORD_BEFORE.search(window)
        longer = False
        if before is not None:
            word, lead = before[1], window[: before.start(1)].rstrip(" ")
            first = lead[-1:] in _SENTENCE_ENDS if lead else at <= 40
            longer = (
                word[:1].isupper()
                and not first
                and word not in _DETERMINERS
                and not word.endswith(("'s", "’s"))
            )
        whole = not (at and text[at - 1].isalnum()) and not text[end : end + 1].isalnum()
        if whole and not longer:
            return True
        at = text.find(name, end)
    return False


def _final(forms: Mapping[str, str], name: str) -> str:
    seen = {name}
    while name in forms and forms[name] not in seen:
        name = forms[name]
        seen.add(name)
    return name


# --- 3. curated -------------------------------------------------------------------------


def _key(name: str) -> str:
    return " ".join(name.replace("’", "'").split()).casefold()  # as gazetteer._key folds


@dataclass
class Curated:
    """Lookups over the curated entries."""

    entries: dict[str, tuple[Kind, str]] = field(default_factory=dict)  # folded alias -> entity
    descriptions: dict[tuple[Kind, str], str] = field(default_factory=dict)
    ignored: set[str] = field(default_factory=set)
    #: Entries from the project's knowledge (data/names.yml), not from entities.yml: they
    #: rename and re-kind, but give no page of their own below the article threshold.
    known: set[str] = field(default_factory=set)
    #: entities.yml's own ignore list: folded name -> as written there.
    ignore_entries: dict[str, str] = field(default_factory=dict)
    #: Folded products of data/names.yml, whose names start their lines' (Windows Vista).
    products: frozenset[str] = frozenset()
    #: Folded nickname -> the teams it stands for in sports reports, each by its names
    #: (data/names.yml; the first is the team's full name).
    teams: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    #: Folded kinds of body named alone ("Council", "Church"): no organization's page.
    kinds_of_body: frozenset[str] = frozenset()

    def team(self, name: str, named: Iterable[str]) -> str | None:
        """The team a nickname of a football, rugby or cricket report stands for, as its
        article names it (``named``): a team the article names that ends in the nickname
        ("Queensland Reds"), else the one team of the nickname's list the article names,
        by one of the team's names in data/names.yml or a longer form ("Leicester" of
        Leicester Tigers; not the town Sheffield for the Blades, which names.yml does not
        give). With none named, a nickname of two words or more (Man Utd, All Blacks)
        still stands for its one team; a one-word nickname is many teams' (Reds, Spurs,
        Saints), and two of its teams named leave it unknown. None: no nickname, no team
        known, or a name entities.yml lists or ignores."""
        if not self.nickname(name):
            return None
        teams = self.teams[_key(name)]
        named = tuple(named)
        own = [other for other in named if other.endswith(" " + name)]
        if own:
            return own[0] if len(own) == 1 else None  # "Queensland Reds", "San Antonio Spurs"
        found = {
            names[0]: other
            for names in teams
            for other in named
            if any(other == team or other.startswith(team + " ") for team in names)
        }
        if len(found) == 1:
            return next(iter(found.values()))
        if not found and len(teams) == 1 and " " in name:
            return teams[0][0]  # "Man Utd", "All Blacks": one team's
        return None  # two of its teams named (Birmingham City and Chelsea), or none

    def nickname(self, name: str) -> bool:
        """Whether a name is a team's nickname of data/names.yml that entities.yml neither
        lists nor ignores (``team`` reads it)."""
        key = _key(name)
        return (
            key in self.teams
            and key not in self.ignored
            and (not self.lists(name) or key in self.known)
        )

    def resolve(self, kind: Kind, name: str) -> tuple[Kind, str] | None:
        """The curated (kind, name) for an extracted name; None when it is to be ignored."""
        key = _key(name)
        if key in self.ignored:
            return None
        if kind == "organization" and key in self.kinds_of_body and key not in self.entries:
            return None  # "the Council", "the Church": a kind of body, not one
        if key not in self.entries and " " in key and self._product_line(kind, key):
            return None  # "Windows Genuine Advantage", "Xbox 360": a product
        return self.entries.get(key, (kind, name))

    def _product_line(self, kind: Kind, key: str) -> bool:
        """Whether a product of data/names.yml (of three words at most) starts a folded
        name, its line's or version's; not a person's first name ("Mac Collins"), nor a
        body named after its product ("Linux Foundation", "BlackBerry Ltd")."""
        words = key.split(" ", 3)
        if kind == "person" and given_name(words[0]):
            return False
        if key.rsplit(" ", 1)[-1].rstrip(".") in _BODY_ENDS:
            return False
        return any(" ".join(words[:end]) in self.products for end in range(1, len(words)))

    def lists(self, name: str) -> bool:
        """Whether the curated file names this (as an entity or an alias)."""
        return _key(name) in self.entries

    def description(self, kind: Kind, name: str) -> str:
        return self.descriptions.get((kind, name), "")

    def entities(self) -> set[tuple[Kind, str]]:
        """Every entity entities.yml describes, (kind, canonical name)."""
        return {value for key, value in self.entries.items() if key not in self.known}


#: The fields of an entry of entities.yml, and of the file.
ENTRY_FIELDS = ("name", "kind", "aliases", "description")
FILE_FIELDS = ("entities", "ignore")


@lru_cache(maxsize=1)
def _knowledge() -> _Knowledge:
    """``data/names.yml``: organizations' other names, names that are no entity (by
    category), and the teams each nickname stands for."""
    data = load_yaml((Path(__file__).parents[1] / "data" / "names.yml").read_text("utf-8"))
    forms = {
        _key(alias): ("organization", name)
        for name, aliases in data["organizations"].items()
        for alias in (name, *aliases)
    }
    not_entities = data["not_entities"]
    terms = frozenset(_key(name) for names in not_entities.values() for name in names)
    words = [term.split(" ") for term in terms if " " in term]
    return _Knowledge(
        forms,
        terms,
        frozenset(_key(name) for name in not_entities["products"]),
        {
            _key(nickname): tuple(
                (team,) if isinstance(team, str) else tuple(team) for team in teams
            )
            for nickname, teams in data["teams"].items()
        },
        tuple(
            form
            for name, aliases in data["organizations"].items()
            for form in (name, *aliases)
            if re.search(r"'\S* ", form)
        ),
        frozenset(term[0] for term in words),
        frozenset(term[-1] for term in words),
        frozenset(_key(name) for name in data["kinds_of_body"]),
    )


def own_possessive(name: str) -> bool:
    """Whether data/names.yml gives an organization a name ending in "'s" of its own
    (McDonald's, Moody's, Sainsbury's): not a possessive to strip."""
    key = _key(name)
    return key.endswith("'s") and key in _knowledge().forms


def apostrophe_name(text: str, start: int) -> int | None:
    """The end of a name data/names.yml gives an apostrophe of its own inside it
    ("Destiny's Child", "Blazin' Squad"), written at ``start`` of ``text``; else None."""
    for form in _knowledge().inner_apostrophes:  # as names.yml writes it, case and all
        end = start + len(form)
        if text[start:end].replace("’", "'") == form and not text[end : end + 1].isalnum():
            return end
    return None


class _Knowledge(NamedTuple):
    forms: dict[str, tuple[Kind, str]]
    not_entities: frozenset[str]
    products: frozenset[str]
    teams: dict[str, tuple[tuple[str, ...], ...]]
    #: Names with an apostrophe inside them, before a word ("Destiny's Child").
    inner_apostrophes: tuple[str, ...] = ()
    #: First and last words of the names of several words ``not_entities`` holds (folded).
    term_firsts: frozenset[str] = frozenset()
    term_lasts: frozenset[str] = frozenset()
    kinds_of_body: frozenset[str] = frozenset()


def load_curated(path: Path) -> Curated:
    """Read entities.yml (an absent file means no curation) over the project's knowledge
    of names (``data/names.yml``); ValueError names the entry, the field and the fix."""
    known = _knowledge()
    curated = Curated(
        entries=dict(known.forms),
        known=set(known.forms),
        ignored=set(known.not_entities),
        products=known.products,
        teams=known.teams,
        kinds_of_body=known.kinds_of_body,
    )
    if not path.exists() and not path.is_symlink():
        return curated
    if not path.is_file() or path.stat().st_size > 5_000_000:  # a folder, a FIFO, /dev/zero
        raise ValueError(f"{path.name}: not a file of curated entities; make it a YAML file")
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), UniqueKeyLoader) or {}
    except UnicodeDecodeError:
        raise ValueError(f"{path.name}: not UTF-8 text; save it as UTF-8") from None
    except DuplicateKeyError as error:
        # Fixes pasted one under the other ("entities:" twice): all but the last are lost.
        raise ValueError(
            f"{path.name}, line {error.problem_mark.line + 1}: {error.problem}; merge them into"
            " one (one 'entities:' list of '- name:' entries, one 'ignore:' list of names)"
        ) from None
    except yaml.YAMLError as error:
        raise ValueError(f"{path.name}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected 'entities:' and 'ignore:' at the top level")
    for key in data:
        if key not in FILE_FIELDS:
            raise ValueError(f"{path.name}: unknown key {key!r}; use {' and '.join(FILE_FIELDS)}")
    entities = data.get("entities") or []
    if not isinstance(entities, list):
        raise ValueError(f"{path.name}: 'entities' must be a list of '- name: ...' entries")
    for number, entry in enumerate(entities, 1):
        where = f"{path.name}: entity {number}"
        if not isinstance(entry, dict):
            raise ValueError(f"{where} must be a mapping ('- name: Jane Doe')")
        for key in entry:
            if key not in ENTRY_FIELDS:
                raise ValueError(f"{where}: unknown field {key!r}; use {', '.join(ENTRY_FIELDS)}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"{where} needs a 'name' (text, not empty)")
        name = " ".join(name.split())
        kind = entry.get("kind", "person")
        if kind not in KINDS:
            raise ValueError(f"{where} ({name!r}) has kind {kind!r}; use one of {', '.join(KINDS)}")
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(
            isinstance(alias, str) and alias.strip() for alias in aliases
        ):
            raise ValueError(f"{where} ({name!r}): 'aliases' must be a list of names, as"
                             " 'aliases: [Donald J. Trump, President Trump]'")  # fmt: skip
        description = entry.get("description")
        if description is not None and not isinstance(description, str):
            raise ValueError(f"{where} ({name!r}): 'description' must be text")
        for alias in (name, *aliases):
            curated.entries[_key(alias)] = (kind, name)
            curated.ignored.discard(_key(alias))  # over data/names.yml's not_entities
        if description and description.strip():
            curated.descriptions[(kind, name)] = " ".join(description.split())
    ignore = data.get("ignore") or []
    if not isinstance(ignore, list) or not all(isinstance(n, str) and n.strip() for n in ignore):
        raise ValueError(
            f"{path.name}: 'ignore' must be a list of names, as 'ignore: [Related Posts]'"
        )
    curated.ignored |= {_key(name) for name in ignore}
    curated.ignore_entries = {_key(name): name for name in ignore}
    return curated
