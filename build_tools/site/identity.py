"""One identity per person across the archive.

A short name (``Sarkozy``) whose words all belong to exactly one fuller name known in the
archive joins it. A short name that fits several (``Blair``: Tony, Cherie) is settled per
article by context: the candidate whose other articles share the most names with this
article wins when it clearly leads (twice the runner-up's score and at least two shared
names); otherwise the short name keeps a page of its own. A lone first name (one that only
ever starts the full names it fits, or that is known only as a first name: ``Alan``,
``David``) says nothing about who is meant when the context does not settle it, and gets no
page.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from build_tools.names import given_name

#: A contextual choice needs this many shared names, and this lead over the runner-up.
MIN_SHARED = 2.0
LEAD = 2.0


def _words(name: str) -> frozenset[str]:
    return frozenset(name.casefold().split())


@dataclass
class PersonIdentity:
    """Archive-wide and per-article mapping of person names to page names."""

    merged: dict[str, str] = field(default_factory=dict)  # unique: short -> full
    ambiguous: dict[str, tuple[str, ...]] = field(default_factory=dict)  # short -> fulls
    first_names: set[str] = field(default_factory=set)  # ambiguous, only ever first words
    context: dict[str, Counter] = field(default_factory=dict)  # full -> co-mentioned names
    frequency: Counter = field(default_factory=Counter)  # name -> articles

    def resolve(self, name: str, others: Iterable[str] = ()) -> str | None:
        """The page name for a person name in an article naming ``others`` (None: no page)."""
        if name in self.merged:
            return self.merged[name]
        candidates = self.ambiguous.get(name)
        if not candidates:
            return name
        total = max(1, sum(self.frequency.values()))
        scores = []
        others = set(others) - {name}
        for candidate in candidates:
            seen = self.context.get(candidate, Counter())
            score = sum(
                math.log(1 + total / self.frequency[other]) for other in others if seen[other]
            ) / math.log(1 + total)
            scores.append((score, candidate))
        scores.sort(reverse=True)
        best, runner_up = scores[0][0], scores[1][0] if len(scores) > 1 else 0.0
        if best >= MIN_SHARED * 0.5 and best >= LEAD * runner_up:
            return scores[0][1]
        return None if name in self.first_names else name


#: Titles the model sometimes takes for a name, or glues to one ("Beatle Sir"); not King,
#: Prince or Lord, which are surnames too (Mervyn King).
TITLE_WORDS = frozenset({"sir", "dame", "lady", "queen", "princess"})


def _garbled(name: str) -> bool:
    """Whether a "full name" is a slip no short name should join: it ends with a title
    ("Mary Queen", "Beatle Sir")."""
    return name.split()[-1].casefold() in TITLE_WORDS


def _part_of(short: str, full: str) -> bool:
    """Whether a short name can stand for a full one: its last words (a surname: Sarkozy,
    Lula da Silva), its first and last words (Jose Reyes), or its first word when that is
    a known first name (Elvis). Not a word from the middle (Tel in Maccabi Tel Aviv), nor
    the start of a longer name (General Motors in General Motors Europe)."""
    part, whole = short.casefold().split(), full.casefold().split()
    if whole[-len(part) :] == part:
        return True
    if len(part) == 1:
        return part[0] == whole[0] and given_name(short)
    return part[0] == whole[0] and part[-1] == whole[-1]


def build_identity(articles: Iterable[Mapping[str, Iterable[str]]]) -> PersonIdentity:
    """Learn the identities from the names of each article (``{"person": [...], ...}``)."""
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
    identity = PersonIdentity()
    for name in people:
        words = _words(name)
        holders = set.intersection(*(by_word.get(word, set()) for word in words)) - {name}
        if words <= TITLE_WORDS:
            continue  # "Sir", "Queen": a title, not a name
        fuller = {
            other
            for other in holders
            if words < _words(other) and _part_of(name, other) and not _garbled(other)
        }
        # Keep the fullest forms only (Kim Jong -> Kim Jong Un, not both).
        fullest = {n for n in fuller if not any(_words(n) < _words(m) for m in fuller)}
        if len(fullest) == 1:
            identity.merged[name] = fullest.pop()
        elif fullest:
            identity.ambiguous[name] = tuple(sorted(fullest))
            if len(words) == 1 and (
                next(iter(words)) not in last_words or given_name(name, strict=True)
            ):
                identity.first_names.add(name)
    for names in names_per_article:
        flat = {identity.merged.get(name, name) for values in names.values() for name in values}
        identity.frequency.update(flat)
        for name in flat:
            if name in people and name not in identity.ambiguous:
                identity.context.setdefault(name, Counter()).update(flat - {name})
    return identity
