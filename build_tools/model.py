"""Plain values that flow through the converter, and the one slug function.

Data flows one way: bytes on disk -> Source -> Article -> Extraction -> page on disk.
None of these types knows about spaCy or MkDocs.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from slugify import slugify as _slugify

#: The converter's and the site's caches, beside source_texts/ and mkdocs.yml (not in git).
CACHE_DIR = ".newsdocs-cache"
Kind = Literal["person", "place", "organization"]
KINDS: tuple[Kind, ...] = ("person", "place", "organization")
#: Front-matter key (and site section) for each kind of entity.
SECTION: dict[Kind, str] = {"person": "people", "place": "places", "organization": "organizations"}

MAX_SLUG_LENGTH = 80
#: File names Windows refuses, whatever the extension.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))}
)


@lru_cache(maxsize=65536)
def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Return the URL-safe identity of a title or an entity name.

    The converter and the site plugin both use this, so a link written by one lands on a
    page made by the other. Text with no Latin transliteration (only punctuation, say)
    still gets a stable, non-empty slug derived from its hash.
    """
    slug = _slugify(text, max_length=max_length, word_boundary=True, save_order=True)
    if not slug:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
        slug = f"untitled-{digest}"
    if slug.split("-")[0] in WINDOWS_RESERVED and len(slug.split("-")) == 1:
        slug = f"{slug}-page"  # con.md cannot be checked out on Windows
    return slug


#: Names of pages and folders the site makes itself: an entity or a tag slug never takes
#: one (``people/index.md`` is the people index, not a person called Index).
RESERVED_SLUGS = frozenset(
    {"index", "feed", "assets", "search", "pagefind", "sitemap", "404", "people", "places",
     "organizations", "dates", "tags", "archive", "map", "articles", "a-z"}
)  # fmt: skip


@lru_cache(maxsize=65536)
def page_slug(name: str) -> str:
    """The slug of an entity's or a tag's page: ``slugify``, with ``_`` after a reserved
    name or a number (``index_``, ``2_``: a page number is ``x/2.md``). slugify never
    writes ``_``, so no other name can take that slug."""
    slug = slugify(name)
    whole = _slugify(name, save_order=True)
    if len(whole) > len(slug) and slug != whole:
        # Cut at 80 characters, two long names could share a page: the cut one carries a
        # hash of the whole name.
        digest = hashlib.sha256(whole.encode("utf-8")).hexdigest()[:8]
        slug = f"{slug[: MAX_SLUG_LENGTH - 9].rstrip('-')}-{digest}"
    return f"{slug}_" if slug in RESERVED_SLUGS or slug.isdigit() else slug


@dataclass(frozen=True)
class Source:
    """A source file as read from disk: decoded text plus the optional YAML header."""

    path: str  # relative to the sources root, with forward slashes
    text: str  # decoded, line ends normalised to \n, header removed
    sha256: str  # of the raw bytes
    header: dict = field(default_factory=dict, hash=False, compare=False)
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()
    shown: str = ""  # the path as messages show it: source_texts/x.txt

    @property
    def label(self) -> str:
        return self.shown or self.path


@dataclass(frozen=True)
class Article:
    """A cleaned article: title, body paragraphs and what the trailer told us."""

    source: Source
    title: str
    paragraphs: tuple[str, ...]
    publication_date: dt.date | None = None
    source_name: str | None = None
    url: str | None = None
    author: str | None = None
    trailer: tuple[str, ...] = ()  # non-blank lines stripped from the end

    @property
    def text(self) -> str:
        """Title and paragraphs as one text, the form extraction offsets refer to."""
        return "\n\n".join((self.title, *self.paragraphs))


@dataclass(frozen=True)
class Mention:
    """One entity mention: character offsets into the extracted text and its canonical name."""

    start: int
    end: int
    kind: Kind
    name: str
    text: str


@dataclass(frozen=True)
class DateMention:
    """A date expression with its TIMEX3 value (``2019-01-18``, ``2019-02``, ``XXXX-02``)."""

    start: int
    end: int
    text: str
    value: str


@dataclass(frozen=True)
class Place:
    """Gazetteer facts about a place, where the name is unambiguous."""

    name: str
    country: str | None = None  # ISO 3166-1 alpha-2
    latitude: float | None = None
    longitude: float | None = None


@dataclass(frozen=True)
class Extraction:
    """Everything extraction found in one text."""

    people: tuple[str, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]
    mentions: tuple[Mention, ...]
    dates: tuple[DateMention, ...]
    tags: tuple[str, ...] = ()
    geo: tuple[Place, ...] = ()
    #: The source header's ``drop`` entries that matched no name ("people: Caris ~ Carlos").
    unmatched_drops: tuple[str, ...] = ()

    def names(self, kind: Kind) -> tuple[str, ...]:
        return {"person": self.people, "place": self.places, "organization": self.organizations}[
            kind
        ]
