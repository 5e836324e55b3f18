"""Article + Extraction -> ArticlePage (the page contract), and where the page goes."""

from __future__ import annotations

import bisect

from build_tools import __version__
from build_tools.model import KINDS, Article, Extraction, page_slug
from build_tools.page import ArticlePage, DateRef, GeoFact, Named, Position, Provenance

#: The converter's version: bump it on purpose whenever the pages it writes change (a new
#: field, another rule in extraction), so that every page is converted again. A refactor
#: that leaves the output as it was does not bump it, and rewrites no page.
CONVERTER_VERSION = 118
ARTICLES = "articles"


def generator() -> str:
    """``newsdocs 0.1.0+c3``: which converter made a page (CONVERTER_VERSION)."""
    return f"newsdocs {__version__}+c{CONVERTER_VERSION}"


def page_directory(article: Article) -> str:
    """``articles/<year>`` for dated articles, ``articles/undated`` otherwise."""
    date = article.publication_date
    return f"{ARTICLES}/{date.year:04d}" if date else f"{ARTICLES}/undated"


def base_slug(article: Article) -> str:
    """The page's name: never an index's (an article titled "Index" is index_.md)."""
    return page_slug(article.title)


class _Positions:
    """Offsets into ``Article.text`` (title and paragraphs joined by blank lines) ->
    Positions (paragraph, offsets within it)."""

    def __init__(self, article: Article) -> None:
        self.starts = []
        offset = 0
        for text in (article.title, *article.paragraphs):
            self.starts.append(offset)
            offset += len(text) + 2
        self.lengths = [len(article.title), *(len(p) for p in article.paragraphs)]

    def __call__(self, start: int, end: int) -> Position | None:
        number = bisect.bisect_right(self.starts, start) - 1
        first = self.starts[number]
        if end - first > self.lengths[number] or start >= end:
            return None  # across a paragraph break: no position
        return Position(number, start - first, end - first)


def make_page(article: Article, extraction: Extraction) -> ArticlePage:
    """The page of an article: its text, every name with where it is mentioned, the dates
    with their words and positions, tags, places' facts and provenance."""
    position = _Positions(article)
    at: dict[tuple[str, str], list[Position]] = {}
    for mention in extraction.mentions:
        where = position(mention.start, mention.end)
        if where is not None:
            at.setdefault((mention.kind, mention.name), []).append(where)
    named = {
        kind: tuple(Named(name, tuple(at.get((kind, name), ()))) for name in extraction.names(kind))
        for kind in KINDS
    }
    # One entry per value and words (as first written), with every place it is said.
    dates: dict[tuple[str, str], tuple[str, list[Position]]] = {}
    for date in extraction.dates:
        _, places = dates.setdefault((date.value, date.text.casefold()), (date.text, []))
        if (where := position(date.start, date.end)) is not None:
            places.append(where)
    return ArticlePage(
        title=article.title,
        paragraphs=article.paragraphs,
        date=article.publication_date,
        source=article.source_name,
        url=article.url,
        author=article.author,
        people=named["person"],
        places=named["place"],
        organizations=named["organization"],
        dates=tuple(
            DateRef(value, words, tuple(found)) for (value, _), (words, found) in dates.items()
        ),
        tags=extraction.tags,
        summary=article.paragraphs[0] if article.paragraphs else "",
        geo=tuple(GeoFact(p.name, p.country, p.latitude, p.longitude) for p in extraction.geo),
        provenance=Provenance(
            source_file=f"source_texts/{article.source.path}",
            sha256=article.source.sha256,
            encoding=article.source.encoding,
            stripped=article.trailer,
            generator=generator(),
        ),
    )
