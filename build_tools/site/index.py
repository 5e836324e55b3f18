"""Front matter of all article pages -> EntityIndex: who, where, when, and with whom.

Built once per build, before any page that depends on it is rendered. Free of MkDocs types:
it takes (src_uri, page text) pairs and gives plain values.
"""

from __future__ import annotations

import bisect
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
from build_tools.markup import escape_markdown
from build_tools.model import KINDS, SECTION, Kind, slugify
from build_tools.names import given_name
from build_tools.site.curated import Curated
from build_tools.site.identity import TITLE_WORDS, PersonIdentity, build_identity

T = TypeVar("T")
_SENTENCE = re.compile(r"(?<=[.!?])[”\"’']?\s+(?=[“\"‘A-Z0-9&])")
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
    """What the site needs to know about one article page."""

    src_uri: str
    title: str
    date: dt.date | None
    source: str | None
    url: str | None
    summary: str
    names: dict[Kind, tuple[str, ...]]
    aliases: dict[str, tuple[str, ...]]
    dates: tuple[tuple[str, str], ...]  # (value, text)
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...] = field(repr=False, default=())
    author: str | None = None

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


def _as_date(value: object) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(str(item) for item in value if isinstance(item, str | int) and str(item).strip())


def parse_article(src_uri: str, text: str) -> ArticleInfo | None:
    """Read an article page; None when it is not a newsdocs article (a hand-written page)."""
    try:
        meta, content = front_matter.parse(text)
    except (yaml.YAMLError, ValueError):  # ValueError: a date like 2019-02-30, as the plugin
        return None
    return article_info(src_uri, meta, content)


def article_info(src_uri: str, meta: object, content: str) -> ArticleInfo | None:
    """An article from its page's front matter and body; None when it is not one."""
    if not isinstance(meta, dict):
        return None
    if not isinstance(meta.get("provenance"), dict) or "title" not in meta:
        return None
    aliases = meta.get("aliases") if isinstance(meta.get("aliases"), dict) else {}
    dates = tuple(
        (str(item["value"]), str(item.get("text", "")))
        for item in meta.get("dates") or []
        if isinstance(item, dict) and item.get("value")
    )
    paragraphs = tuple(
        block.strip()
        for block in content.split("\n\n")
        if block.strip() and not block.lstrip().startswith("#")
    )
    url = meta.get("url")
    return ArticleInfo(
        src_uri=src_uri,
        title=str(meta["title"]),
        date=_as_date(meta.get("date")),
        source=str(meta["source"]) if meta.get("source") else None,
        url=str(url) if isinstance(url, str) and url.startswith(("http://", "https://")) else None,
        summary=str(meta.get("summary", "")),
        names={kind: _strings(meta.get(SECTION[kind])) for kind in KINDS},
        aliases={str(k): _strings(v) for k, v in aliases.items()},
        dates=dates,
        tags=_strings(meta.get("tags")),
        paragraphs=paragraphs,
        author=str(meta["author"]) if meta.get("author") else None,
    )


def date_key(value: str) -> str:
    """One key per date the dates index lists: a decade is ``198`` whether TimeML wrote it
    ``198X`` (the 1980s) or ``198`` (the early 1980s, with a mod)."""
    return value[:3] if re.fullmatch(r"\d{3}X", value) else value


def find_word(text: str, word: str, start: int = 0) -> int:
    """Index of the first whole-word occurrence of word in text (not inside a longer word,
    a hyphenated name such as Mota-Engil, or an HTML entity), or -1; plain str.find, no
    regex to compile per name. A hyphen joins capitalised words only: London-based,
    US-led and pro-Kremlin still name London, the US and the Kremlin."""
    while True:
        index = text.find(word, start)
        if index < 0:
            return -1
        before = text[index - 1] if index else " "
        end = index + len(word)
        after = text[end] if end < len(text) else " "
        if (
            not (before.isalnum() or before in "_#&")
            and not (after.isalnum() or after == "_")
            and not (before == "-" and _capital_word_ends_at(text, index - 1))
            and not (after == "-" and text[end + 1 : end + 2].isupper())
        ):
            return index
        start = index + 1


def _capital_word_ends_at(text: str, hyphen: int) -> bool:
    """Whether a capitalised word ends before text[hyphen] (Mota- in Mota-Engil, not the
    pro- of pro-Kremlin or the London- of London-based read backwards)."""
    start = hyphen
    while start > 0 and text[start - 1].isalnum():
        start -= 1
    return start < hyphen and text[start].isupper()


def longer_names(names: Mapping[T, Iterable[str]]) -> dict[tuple[T, str], list[str]]:
    """For each (key, name), the other keys' names that contain it: ``Tagus`` (an
    organization) in ``Tagus River`` (a place) is not a mention of the organization."""
    every = "\x00".join(name for forms in names.values() for name in forms)
    longer: dict[tuple[T, str], list[str]] = {}
    for key, forms in names.items():
        for name in forms:
            if name and every.count(name) > 1:  # in another name, or named twice
                inside = [
                    other
                    for other_key, others in names.items()
                    if other_key != key
                    for other in others
                    if len(other) > len(name) and name in other
                ]
                if inside:
                    longer[key, name] = inside
    return longer


def inside_longer(text: str, position: int, length: int, longer: Iterable[str],
                  low: int = 0, high: int | None = None) -> bool:  # fmt: skip
    """Whether the word at text[position:position + length] is part of a whole-word
    occurrence of one of the longer names, within text[low:high]."""
    high = len(text) if high is None else high
    for name in longer:
        at = find_word(text, name, max(low, position + length - len(name)))
        while 0 <= at <= position:
            if at + len(name) <= high:
                return True
            at = find_word(text, name, at + 1)
    return False


def first_sentences(article: ArticleInfo, forms: Mapping[T, Iterable[str]]) -> dict[T, str]:
    """For each key, the first sentence of the body naming one of its forms."""
    body = "\n".join(article.paragraphs)
    spans = []  # (start, end) of each sentence in body, as _SENTENCE.split cuts them
    offset = 0
    for paragraph in article.paragraphs:
        start = 0
        for separator in _SENTENCE.finditer(paragraph):
            spans.append((offset + start, offset + separator.start()))
            start = separator.end()
        spans.append((offset + start, offset + len(paragraph)))
        offset += len(paragraph) + 1
    starts = [start for start, _ in spans]
    escaped = {key: {escape_markdown(n) for n in names if n} for key, names in forms.items()}
    longer = longer_names(escaped)
    found: dict[T, str] = {}
    for key, names in escaped.items():
        best = len(spans)
        for name in names:
            # A whole word of the body inside one sentence is a whole word of that sentence
            # (sentences are parted by space and quotes); one across two is in neither.
            position = find_word(body, name)
            while position >= 0:
                number = bisect.bisect_right(starts, position) - 1
                if number >= best:
                    break
                start, end = spans[number]
                if position + len(name) <= end and not (
                    (key, name) in longer
                    and inside_longer(body, position, len(name), longer[key, name], start, end)
                ):
                    best = number
                    break
                position = find_word(body, name, position + 1)
        if best < len(spans):
            start, end = spans[best]
            found[key] = _shorten(body[start:end])
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
        for article in self.articles:  # newest first, so appearances are too
            self._resolve_article(article)
            forms: dict[EntityRef, set[str]] = {}
            for kind in KINDS:
                for name in article.names[kind]:
                    ref = self.ref(kind, name, article)
                    if ref is not None:
                        forms.setdefault(ref, set()).update((name, *article.aliases.get(name, ())))
            sentences = first_sentences(article, forms)
            for ref in forms:
                self.entities[ref].append(Appearance(article, sentences.get(ref, "")))
            self.article_entities[article.src_uri] = list(forms)

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
