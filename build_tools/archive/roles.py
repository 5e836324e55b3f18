"""The roles the articles give a person: the title written before the name ("Home
Secretary David Blunkett", "Chelsea boss Jose Mourinho"), which the converter strips from
the name, read back at the name's stored positions; with the years they were written in.

An entity page without a curated description opens with them: "Home Secretary (2004-2005),
Labour MP (2005)". A role is the words just before the name, ending in a title or role
word of ``names.TITLES`` (not a courtesy such as Mr or Sir), with the capitalised words
that qualify it (Home, Shadow, Chelsea, US); nothing when a comma or a full stop stands
between.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from build_tools.names import SHORT_RANKS, TITLES

#: Titles that say nothing of what a person does: courtesies, and words that qualify a
#: role rather than name one.
_NOT_ROLES = frozenset({
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "dr", "dr.", "sir", "dame", "lord", "lady",
    "st.", "u.s.", "former", "late", "acting", "deputy", "assistant", "special", "father",
    "tory", "labour", "lib dem", "conservative", "liberal democrat", "lt", "lt.", "rev.",
    "prof.", "gen.", "col.", "maj.", "capt.", "sgt.", "adm.", "cmdr.", "cpl.", "pvt.", "insp.",
    "sen.", "sens.", "rep.", "reps.", "gov.", "lt. gov.", "alhaji", "alhaja",
})  # fmt: skip
_ROLES = frozenset(t for t in TITLES if t not in _NOT_ROLES and t not in SHORT_RANKS)
_LONGEST = max(len(role.split()) for role in _ROLES)
#: Words that start a sentence or a clause rather than qualify a role.
_LEADING = frozenset({
    "the", "a", "an", "and", "but", "as", "when", "after", "while", "his", "her", "their",
    "its", "our", "then", "new", "now", "under", "earlier", "later", "last", "yesterday",
    "today", "meanwhile", "outgoing", "since", "if", "with", "for", "in", "on", "at", "by",
    "from", "also", "so", "yet", "both", "says", "said", "told", "this", "that", "to", "of",
})  # fmt: skip
#: Role words that alone say little of what a person does.
_GENERIC = frozenset({"chief", "boss", "leader", "star", "veteran", "head", "officer", "owner"})
_WINDOW = 60


def role_before(text: str, start: int) -> str | None:
    """The role written just before ``text[start:]`` (a name), or None: the longest role of
    ``_ROLES`` ending one space before the name, and up to three capitalised words (or
    "former") before it, with no punctuation between."""
    before = text[max(0, start - _WINDOW) : start]
    if not before.endswith(" ") or before.endswith("  "):
        return None
    words = before[:-1].split(" ")
    if start > _WINDOW:
        words = words[1:]  # perhaps cut
    for size in range(min(_LONGEST, len(words)), 0, -1):
        if " ".join(words[-size:]).casefold() in _ROLES:
            break
    else:
        return None
    role, rest = words[-size:], words[:-size]
    if any(not word or not (word[-1].isalnum() or word[-1] == ".") for word in role):
        return None  # "Arsenal, striker": a comma inside
    qualifiers: list[str] = []
    for word in reversed(rest[-3:]):
        if not word or not word[-1].isalnum():
            break  # a comma, a colon, a full stop: another clause
        if not (word[:1].isupper() or word == "former"):
            break
        qualifiers.insert(0, word)
    words = qualifiers + role
    while words and words[0].casefold() in _LEADING:
        words.pop(0)  # "Since President Bush": the sentence's word, not the role's
    if not words or words[-1].casefold() in _NOT_ROLES:
        return None
    phrase = " ".join(words)
    return phrase[:1].upper() + phrase[1:]


def roles(mentions: Iterable[tuple[str, str, int, int | None]], limit: int = 3) -> str:
    """One line from (article, paragraph text, start, year) of a person's mentions: the
    roles the articles give the name, in most articles first, each with its years; ""
    when none."""
    articles: dict[str, set[str]] = defaultdict(set)
    years: dict[str, set[int]] = defaultdict(set)
    spelled: dict[str, str] = {}
    for article, text, start, year in mentions:
        role = role_before(text, start)
        if role is None:
            continue
        key = role.casefold()
        articles[key].add(article)
        spelled.setdefault(key, role)
        if year:
            years[key].add(year)
    counts = {key: len(found) for key, found in articles.items()}
    ranked = [key for key, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    # One of "Prime Minister" and "UK Prime Minister", the one in more articles; "Chief"
    # alone says little at all.
    kept: list[str] = []
    for key in ranked:
        if key not in _GENERIC and not any(
            key.endswith(" " + other) or other.endswith(" " + key) for other in kept
        ):
            kept.append(key)
    parts = []
    for key in kept[:limit]:
        span = sorted(years[key])
        when = "" if not span else f" ({span[0]})" if len(span) == 1 else f" ({span[0]}–{span[-1]})"
        parts.append(spelled[key] + when)
    return ", ".join(parts)
