"""One identity per person across the archive.

A short name (``Sarkozy``) stands for one of the fuller names known in the archive whose
words it has (``_part_of``). Which one, if any, is settled per article by context: the
candidate whose other articles share the most names with this article wins when it clearly
leads (twice the runner-up's score and at least two shared names' worth). In a large
archive that holds even for a short name that fits one full name only: in the BBC archive
``Audrey`` (Lord Callaghan's wife) would join Audrey Tautou, ``Mrs Pearce`` Stuart Pearce,
``E Miller`` Mark Miller. A short name the context does not settle gets no page there (the
article keeps it in its front matter); in a small archive (``confirm=False``) it joins its
only full name at once, or keeps a page of its own, unless it is a lone first name (one
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

    merged: dict[str, str] = field(default_factory=dict)  # short -> full, whatever the context
    candidates: dict[str, tuple[str, ...]] = field(default_factory=dict)  # by context
    first_names: set[str] = field(default_factory=set)  # only ever first words
    given_only: set[str] = field(default_factory=set)  # fit their full names as first names
    context: dict[str, Counter] = field(default_factory=dict)  # full -> co-mentioned evidence
    frequency: Counter = field(default_factory=Counter)  # name -> articles
    people: set[str] = field(default_factory=set)  # full names of people (two words or more)
    articles: int = 0
    keep_unsettled: bool = True  # whether a short name the context does not settle has a page
    min_people: int = 1  # other people's full names a contextual choice needs

    def resolve(self, name: str, others: Iterable[str] = ()) -> str | None:
        """The page name for a person name in an article naming ``others`` (None: no page).

        A candidate's evidence is the names its own articles share with this one, each
        weighted by how rare it is in the archive (``London`` or ``BBC`` say little), and
        ``min_people`` of them (two in a large archive) must be other people's full names:
        a programme (``Rolf On Art``), a channel and a city do not tell Rolf Harris from
        Robert Harris, nor Manchester United and Alex Ferguson Alan Smith from Walter Smith.
        In a large archive a lone first name joins no one across articles.
        """
        if name in self.merged:
            return self.merged[name]
        candidates = self.candidates.get(name)
        if not candidates:
            return name
        if name in self.given_only and not self.keep_unsettled:
            return None  # Andrew (a reader from Derby), Jamie (and the Magic Torch)
        scale = math.log1p(max(1, self.articles))
        others = set(others) - {name}
        scores = []
        for candidate in candidates:
            seen = self.context.get(candidate, Counter())
            shared = [other for other in others if seen[other]]
            score = 0.0
            if sum(other in self.people for other in shared) >= self.min_people:
                score = sum(
                    math.log1p(self.articles / self.frequency[other]) / scale for other in shared
                )
            scores.append((score, candidate))
        scores.sort(reverse=True)
        best, runner_up = scores[0][0], scores[1][0] if len(scores) > 1 else 0.0
        if best >= MIN_EVIDENCE and best >= LEAD * runner_up:
            return scores[0][1]
        return name if self.keep_unsettled and name not in self.first_names else None


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
    identity = PersonIdentity(keep_unsettled=not confirm, min_people=2 if confirm else 1)
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
            # In a large archive only a surname joins across articles: Charles may be
            # Ray Charles, never Charles Kennedy by his first name alone.
            by_surname = {n for n in fullest if _part_of(name, n, given=False)}
            if confirm and not by_surname:
                identity.given_only.add(name)
            elif confirm:
                fullest = by_surname
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
