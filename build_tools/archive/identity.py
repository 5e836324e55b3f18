"""One identity per person across the archive.

A short name (``Sarkozy``) stands for one of the fuller names known in the archive whose
words it has (``_part_of``). Which one, if any, is settled per article by context: the
candidate whose own articles share the most evidence with this article wins when it
clearly leads the runner-up (``PersonIdentity.resolve``).

In a large archive (``confirm=True``) that holds even for a short name that fits one full
name only (in the BBC archive ``Audrey``, Lord Callaghan's wife, would join Audrey Tautou,
``Mrs Pearce`` Stuart Pearce), only a surname joins across articles, and a short name the
context does not settle gets no page (the article keeps it in its front matter). In a small
archive a short name that fits one full name joins it at once, one that fits several keeps
a page of its own when the context does not settle it, unless it is a lone first name (one
that only ever starts the full names it fits, or that is known only as a first name:
``Alan``, ``David``), which says nothing about who is meant.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from build_tools.names import given_name

#: A contextual choice needs this much evidence (one name found in a single article weighs
#: 1; one in every article, 0), and this lead over the runner-up.
MIN_EVIDENCE = 1.0
LEAD = 3.0


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


#: Titles the model sometimes takes for a name, or glues to one ("Beatle Sir"); not King,
#: Prince or Lord, which are surnames too (Mervyn King).
TITLE_WORDS = frozenset({"sir", "dame", "lady", "queen", "princess"})


def _garbled(name: str) -> bool:
    """Whether a "full name" is a slip no short name should join: it ends with a title
    ("Mary Queen", "Beatle Sir")."""
    return name.split()[-1].casefold() in TITLE_WORDS


def _part_of(short: str, full: str, given: bool = True) -> bool:
    """Whether a short name can stand for a full one: its last words (a surname: Sarkozy,
    Lula da Silva), its first and last words (Jose Reyes), or its first word when that is
    a known first name (Elvis). Not a word from the middle (Tel in Maccabi Tel Aviv), nor
    the start of a longer name (General Motors in General Motors Europe). ``given=False``:
    not by a first name either."""
    part, whole = short.casefold().split(), full.casefold().split()
    if whole[-len(part) :] == part:
        return True
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
        for name in flat:
            if name in people and name not in identity.candidates:
                identity.context.setdefault(name, Counter()).update(flat - {name})
    return identity
