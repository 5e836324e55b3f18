"""The HTML of an article page: its title, the block under it (date, source, entities,
dates, tags), its paragraphs with the first mention of each entity linked to its page, and
related articles. Mentions are linked where the page's stored positions say they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from build_tools.archive.index import ArticleInfo, EntityIndex, EntityRef
from build_tools.archive.lists import Generated, Page, article_line
from build_tools.archive.urls import KIND_TITLE, Links, escape, safe_url, tag_label, tag_uri
from build_tools.model import KINDS, slugify
from build_tools.page import Position
from build_tools.timex import date_key, date_label, date_page


def article_page(
    article: ArticleInfo,
    index: EntityIndex,
    links: Links,
    link_mentions: bool = True,
    related: int = 5,
) -> Generated:
    """The whole HTML of an article's page, and its heading for the table of contents."""
    page = Page(article.title, heading_id=slugify(article.title))
    page.add(metadata_block(article, index, links))
    links_at = first_mentions(article, index) if link_mentions else {}
    for number, paragraph in enumerate(article.paragraphs, 1):
        page.add(f"<p>{linked_text(paragraph, links_at.get(number, ()), article, links)}</p>")
    if related:
        page.add(related_block(article, index, links, related))
    return page.done()


def first_mentions(
    article: ArticleInfo, index: EntityIndex
) -> dict[int, list[tuple[Position, EntityRef]]]:
    """Paragraph number -> (position, entity) of the first mention in the body of each
    entity that has a page."""
    found: dict[int, list[tuple[Position, EntityRef]]] = {}
    for ref, positions in index.positions.get(article.src_uri, {}).items():
        first = min((p for p in positions if p.paragraph > 0), default=None)
        if first is not None and index.has_page(ref):
            found.setdefault(first.paragraph, []).append((first, ref))
    return found


def linked_text(
    text: str, mentions: Iterable[tuple[Position, EntityRef]], article: ArticleInfo, links: Links
) -> str:
    """A paragraph as HTML, its mentions linked (positions that overlap: the first wins)."""
    pieces, last = [], 0
    for position, ref in sorted(mentions):
        if position.start < last:
            continue
        pieces.append(escape(text[last : position.start]))
        target = links.href(article.src_uri, ref.src_uri)
        pieces.append(f'<a href="{target}">{escape(text[position.start : position.end])}</a>')
        last = position.end
    pieces.append(escape(text[last:]))
    return "".join(pieces)


def metadata_block(article: ArticleInfo, index: EntityIndex, links: Links) -> str:
    """The block under an article's title: date, source, entities, dates and tags as links."""
    uri = article.src_uri
    published = article.date.isoformat() if article.date else "date unknown"
    facts = [f"<strong>Published</strong> {published}"]
    if article.source:
        facts.append(f"<strong>Source</strong> {escape(article.source)}")
    if article.author:
        facts.append(f"<strong>By</strong> {escape(article.author)}")
    if article.url and (url := safe_url(article.url)):
        facts.append(f'<a href="{escape(url)}" rel="nofollow noopener">Original article</a>')
    lines = [" · ".join(facts)]
    for kind in KINDS:
        refs = [r for r in index.article_entities.get(uri, []) if r.kind == kind]
        if refs:
            names = ", ".join(
                links.a(r.name, uri, r.src_uri) if index.has_page(r) else escape(r.name)
                for r in refs
            )
            lines.append(f"<strong>{KIND_TITLE[kind]}</strong> {names}")
    if article.dates:
        # One link per date, with the words the article used for it ("last month", "February").
        words: dict[str, list[str]] = {}
        for value, text in article.dates:
            said = words.setdefault(value, [])
            known = {date_label(value).casefold(), *(other.casefold() for other in said)}
            if text and text.casefold() not in known:
                said.append(text)
        entries = []
        for value, said in words.items():
            entry = links.a(date_label(value), uri, date_page(value), slugify(date_key(value)))
            if said:
                entry += f" ({', '.join(escape(text) for text in said)})"
            entries.append(entry)
        lines.append("<strong>Dates mentioned</strong> " + ", ".join(entries))
    if article.tags:
        tags = ", ".join(links.a(tag_label(t), uri, tag_uri(t)) for t in article.tags)
        lines.append(f"<strong>Tags</strong> {tags}")
    body = "".join(f"<p>{line}</p>" for line in lines)
    return f'<div class="newsdocs-meta">{body}</div>'


def related_block(article: ArticleInfo, index: EntityIndex, links: Links, limit: int = 5) -> str:
    related = index.related(article, limit)
    if not related:
        return ""
    items = "".join(f"<li>{article_line(other, article.src_uri, links)}</li>" for other in related)
    return (
        '\n<section class="newsdocs-related"><h2 id="related-articles">Related articles</h2>'
        f"<ul>{items}</ul></section>\n"
    )
