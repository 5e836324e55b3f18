"""The archive core's entry points: read the article pages, build the index, make every
generated page. The MkDocs plugin and the Zensical writer both call these.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from build_tools.archive import lists
from build_tools.archive.identity import Curated
from build_tools.archive.index import ArticleInfo, EntityIndex
from build_tools.archive.lists import Generated
from build_tools.archive.map import MAP_URI, map_page
from build_tools.archive.urls import Links
from build_tools.errors import PageError
from build_tools.front_matter import FrontMatterCache
from build_tools.model import KINDS
from build_tools.page import read_article


@dataclass
class ArticlePages:
    """The article pages of a site, read through the page contract."""

    articles: list[ArticleInfo] = field(default_factory=list)
    bodies: dict[str, str] = field(default_factory=dict)  # src_uri -> body, for articles
    errors: list[PageError] = field(default_factory=list)


def read_articles(pages: Iterable[tuple[str, str]], cache: FrontMatterCache,
                  shown: str = "docs/") -> ArticlePages:  # fmt: skip
    """Read (src_uri, text) pages of the articles folder. A page without provenance is
    written by hand and not an article; one that breaks the contract is an error (never
    skipped: the site generator would render its text without our escaping)."""
    found = ArticlePages()
    for src_uri, text in pages:
        try:
            read = read_article(text, shown + src_uri, cache)
        except PageError as error:
            found.errors.append(error)
            continue
        if read is not None:
            found.articles.append(ArticleInfo(src_uri, read[0]))
            found.bodies[src_uri] = read[1]
    return found


def generated_pages(
    index: EntityIndex, links: Links, curated: Curated, list_size: int = 200
) -> dict[str, Generated]:
    """Every page the archive adds: an index per kind, a page per entity, tags, the archive
    by year and month, and the dates mentioned."""
    pages: dict[str, Generated] = {}
    for kind in KINDS:
        pages.update(lists.kind_index(kind, index, links))
        for ref, _ in index.of_kind(kind):
            if index.has_page(ref):
                description = curated.description(ref.kind, ref.name)
                pages.update(lists.entity_pages(ref, index, links, description, list_size))
    tags = index.tags()
    pages["tags/index.md"] = lists.tags_index(tags, links)
    for tag, articles in tags.items():
        pages.update(lists.tag_pages(tag, articles, links, list_size))
    pages.update(lists.archive_pages(index, links))
    pages.update(lists.dates_pages(index, links))
    pages[MAP_URI] = map_page(index, links)
    return pages
