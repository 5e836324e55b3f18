"""Article pages -> EntityIndex: who, where, when, and with whom.

Built once per build, before any page that depends on it is rendered. Free of MkDocs types:
it takes ArticleInfos (a page of the contract and its place in the site) and gives plain
values; mentions are where the pages say they are, never searched for in the text.
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import NamedTuple, TypeVar

import yaml

from build_tools import front_matter
from build_tools.archive.curated import Curated
from build_tools.archive.identity import TITLE_WORDS, PersonIdentity, build_identity
from build_tools.model import KINDS, SECTION, Kind, slugify
from build_tools.names import given_name
from build_tools.page import ArticlePage, Position, from_front_matter, is_article, loads
from build_tools.timex import date_key

T = TypeVar("T")
#: Where a sentence ends: after . ! or ?, not after an abbreviation (U.S., Mr., Dr.).
_SENTENCE = re.compile(
    r"(?<=[.!?])(?<!\.[A-Z]\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bDr\.)(?<!\bSt\.)(?<!\bMs\.)"
    r"[”\"’']?\s+(?=[“\"‘A-Z0-9&])"
)
MAX_SENTENCE = 320
#: Below this many articles an archive is small: every name gets a page, and a short name
#: joins its only full name at once. From it on, the archive is large enough to doubt a
#: one-word name never given with a first name (``EntityIndex._unsure_people``) and to ask
#: the context before any merge (``identity.build_identity``).
SMALL_ARCHIVE = 100
#: Entities in more articles than this say little about relatedness and are skipped, which
#: also keeps the cost per article constant as the archive grows.
RELATED_CAP = 100


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


class EntityRef(NamedTuple):
    """An entity: its kind and canonical name; it is its slug. (A tuple: cheap to hash.)"""

    kind: Kind
    name: str

    @property
    def slug(self) -> str:
        return slugify(self.name)

    @property
    def src_uri(self) -> str:
        return f"{SECTION[self.kind]}/{self.slug}.md"


@dataclass(frozen=True)
class Appearance:
    """One article that mentions an entity, with the sentence that mentions it."""

    article: ArticleInfo
    sentence: str


def parse_article(src_uri: str, text: str) -> ArticleInfo | None:
    """Read an article page (PageError when it breaks the contract); None for a page
    written by hand, which has no provenance."""
    try:
        meta, body = front_matter.NO_CACHE.read(text)
    except (yaml.YAMLError, ValueError):
        loads(text, src_uri)  # raises PageError, naming the field and the fix
        raise
    if not is_article(meta):
        return None
    return ArticleInfo(src_uri, from_front_matter(meta, body, src_uri))


def sentence_at(text: str, position: int) -> str:
    """The sentence of a paragraph around a character offset, shortened when long."""
    start = 0
    for separator in _SENTENCE.finditer(text):
        if separator.start() > position:
            return _shorten(text[start : separator.start()])
        start = separator.end()
    return _shorten(text[start:])


def first_sentences(
    article: ArticleInfo, positions: Mapping[T, Iterable[Position]]
) -> dict[T, str]:
    """For each key, the sentence of the body around its first position (the title's are
    left out: a headline is no sentence to quote)."""
    found: dict[T, str] = {}
    for key, at in positions.items():
        first = min((p for p in at if p.paragraph > 0), default=None)
        if first is not None:
            found[key] = sentence_at(article.paragraphs[first.paragraph - 1], first.start)
    return found


def _shorten(sentence: str) -> str:
    if len(sentence) <= MAX_SENTENCE:
        return sentence
    cut = sentence.rfind(" ", 0, MAX_SENTENCE)
    return sentence[: cut if cut > 0 else MAX_SENTENCE] + " …"


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
        self.curated = curated or Curated()
        self.kind_votes: dict[str, Counter[Kind]] = defaultdict(Counter)
        for article in self.articles:
            for kind in KINDS:
                for name in article.names[kind]:
                    self.kind_votes[name][kind] += 1
        large = len(self.articles) >= SMALL_ARCHIVE
        self.unsure = self._unsure_people() if large else set()
        self._settled: dict[tuple[Kind, str], tuple[Kind, str] | None] = {}
        self.identity = (
            build_identity(
                (self._settled_names(a) for a in self.articles),
                confirm=large,
            )
            if merge_surnames
            else PersonIdentity()
        )
        self.resolved: dict[tuple[str, Kind, str], EntityRef | None] = {}
        # One entity per slug: names that slugify alike ("Mercedes-Benz", "Mercedes Benz")
        # are one page, named as first seen.
        self.by_slug: dict[tuple[Kind, str], EntityRef] = {}
        self.entities: dict[EntityRef, list[Appearance]] = defaultdict(list)
        self.article_entities: dict[str, list[EntityRef]] = {}
        self._postings: dict[EntityRef, tuple[tuple[str, ...], float] | None] = {}
        #: Where each article names each entity (from the pages' stored positions).
        self.positions: dict[str, dict[EntityRef, list[Position]]] = {}
        for article in self.articles:  # newest first, so appearances are too
            self._resolve_article(article)
            positions: dict[EntityRef, list[Position]] = {}
            for kind in KINDS:
                for named in article.page.named(kind):
                    ref = self.ref(kind, named.name, article)
                    if ref is not None:
                        positions.setdefault(ref, []).extend(named.at)
            sentences = first_sentences(article, positions)
            for ref in positions:
                self.entities[ref].append(Appearance(article, sentences.get(ref, "")))
            self.article_entities[article.src_uri] = list(positions)
            self.positions[article.src_uri] = positions

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
                name.casefold() in TITLE_WORDS  # "Sir", "Queen" alone
                or (name.casefold() not in surnames and not given_name(name))
            )
        }

    def _settled_names(self, article: ArticleInfo) -> dict[Kind, list[str]]:
        """An article's names under the kind they finally take (curated list, archive vote):
        a "person" the archive calls an organization or a place does not join people."""
        names: dict[Kind, list[str]] = {kind: [] for kind in KINDS}
        for kind in KINDS:
            for name in article.names[kind]:
                value = self._curated(kind, name)
                if value is not None:
                    names[value[0]].append(value[1])
        return names

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
        value = self.curated.resolve(kind, name)
        if value is None or value[0] != "person" or value[1] != name:
            return value
        votes = self.kind_votes.get(name)
        if votes:
            best, count = max(votes.items(), key=lambda item: (item[1], item[0] == "person"))
            if best != "person" and count > votes["person"]:
                return best, name
        if name in self.unsure and not self.curated.lists(name):
            return None  # not a person we can name, and nothing else either
        return value

    def _resolve_article(self, article: ArticleInfo) -> None:
        """Settle every name of an article, people in the context of the others."""
        curated = {
            (kind, name): self._curated(kind, name)
            for kind in KINDS
            for name in article.names[kind]
        }
        others = {
            self.identity.merged.get(value[1], value[1]) for value in curated.values() if value
        }
        for (kind, name), value in curated.items():
            ref = None
            if value is not None:
                final_kind, final_name = value
                if final_kind == "person":
                    final_name = self.identity.resolve(final_name, others)
                ref = self._one_per_slug(EntityRef(final_kind, final_name)) if final_name else None
            self.resolved[(article.src_uri, kind, name)] = ref

    def ref(self, kind: Kind, name: str, article: ArticleInfo | None = None) -> EntityRef | None:
        """The entity a name stands for in an article (None: ignored or ambiguous)."""
        if article is not None and (article.src_uri, kind, name) in self.resolved:
            return self.resolved[(article.src_uri, kind, name)]
        value = self._curated(kind, name)
        if value is None:
            return None
        kind, name = value
        if kind == "person":
            name = self.identity.merged.get(name, name)
        return self._one_per_slug(EntityRef(kind, name))

    def _one_per_slug(self, ref: EntityRef) -> EntityRef:
        return self.by_slug.setdefault((ref.kind, ref.slug), ref)

    #: Entities named in fewer articles get no page of their own (set by the site).
    min_articles = 1

    def has_page(self, ref: EntityRef) -> bool:
        """Whether the entity gets a page: named in at least ``min_articles`` articles."""
        return len(self.entities.get(ref, ())) >= self.min_articles

    def of_kind(self, kind: Kind) -> list[tuple[EntityRef, list[Appearance]]]:
        """Entities of a kind with their appearances; one per slug, by name."""
        seen = set(self.by_slug.values())
        return sorted(
            (
                (ref, apps)
                for ref, apps in self.entities.items()
                if ref.kind == kind and ref in seen
            ),
            key=lambda item: item[0].name.casefold(),
        )

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
            counts.update(self.article_entities[appearance.article.src_uri])
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

    def dates(self) -> dict[str, list[tuple[str, ArticleInfo]]]:
        """Date value -> (text, article) pairs, for the dates index."""
        mentioned: dict[str, list[tuple[str, ArticleInfo]]] = defaultdict(list)
        for article in self.articles:
            for value, text in article.dates:
                value = date_key(value)
                if not any(a is article for _, a in mentioned[value][-3:]):
                    mentioned[value].append((text, article))
        return dict(sorted(mentioned.items()))
