"""The HTML of an article page: its title, the block under it (date, source, entities,
dates, tags), its paragraphs with the first mention of each entity linked to its page, and
related articles. Mentions are linked where the page's stored positions say they are.
"""

from __future__ import annotations

from collections.abc import Iterable

from build_tools.archive.index import ArticleInfo, EntityIndex, EntityRef
from build_tools.archive.lists import Generated, Page, article_line
from build_tools.archive.urls import (
    KIND_NAME,
    KIND_TITLE,
    Links,
    escape,
    long_date,
    safe_url,
    tag_label,
    tag_uri,
)
from build_tools.model import KINDS, slugify
from build_tools.page import Position
from build_tools.timex import MONTH_NAMES, REFERENCES, date_key, date_label, date_page


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
    page.add(older_newer(article, index, links))
    return page.done()


#: Words a reader reads in a minute (for "3 min read").
READING_SPEED = 230


def reading_minutes(article: ArticleInfo) -> int:
    words = sum(len(paragraph.split()) for paragraph in article.paragraphs)
    return max(1, round(words / READING_SPEED))


def breadcrumb(article: ArticleInfo, links: Links) -> str:
    """The month of the archive the article is in, and its first tag."""
    uri = article.src_uri
    crumbs = [links.a("Archive", uri, "archive/index.md")]
    if article.date:
        month = f"{MONTH_NAMES[article.date.month - 1]} {article.date.year}"
        crumbs.append(links.a(month, uri, f"archive/{article.date.year:04d}.md", slugify(month)))
    if article.tags:
        crumbs.append(links.a(tag_label(article.tags[0]), uri, tag_uri(article.tags[0])))
    return '<nav class="newsdocs-crumbs" aria-label="Breadcrumb">' + " › ".join(crumbs) + "</nav>"


def older_newer(article: ArticleInfo, index: EntityIndex, links: Links) -> str:
    """Links to the article published just before and just after this one."""
    older, newer = index.neighbours(article)
    parts = []
    for other, css, rel, label in ((older, "older", "prev", "← Older: {}"),
                                   (newer, "newer", "next", "Newer: {} →")):  # fmt: skip
        if other is not None:
            href = links.href(article.src_uri, other.src_uri)
            text = escape(label.format(other.title))
            parts.append(f'<a class="newsdocs-{css}" href="{href}" rel="{rel}">{text}</a>')
    if not parts:
        return ""
    return (
        '<nav class="newsdocs-prevnext" aria-label="Older and newer articles"'
        f" data-search-exclude>{''.join(parts)}</nav>"
    )


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
    """The block under an article's title, compact (a phone shows the first paragraph on
    its first screen): the way back to the archive, date, source, author and reading time
    on one line; the people, places, organizations, dates and tags it names folded under
    one summary line. Out of the search index: an article is found by its own words."""
    uri = article.src_uri
    published = long_date(article.date) if article.date else "Date unknown"
    facts = [f"<time{_datetime(article)}>{published}</time>"]
    if article.source:
        facts.append(escape(article.source))
    if article.author:
        facts.append(f"By {escape(article.author)}")
    facts.append(f"{reading_minutes(article)} min read")
    if article.url and (url := safe_url(article.url)):
        facts.append(f'<a href="{escape(url)}" rel="nofollow noopener">Original article</a>')
    lines = []
    counts = []
    for kind in KINDS:
        refs = [r for r in index.article_entities.get(uri, []) if r.kind == kind]
        if refs:
            names = ", ".join(
                links.a(r.name, uri, r.src_uri) if index.has_page(r) else escape(r.name)
                for r in refs
            )
            lines.append(f"<strong>{KIND_TITLE[kind]}</strong> {names}")
            noun = KIND_NAME[kind] if len(refs) == 1 else KIND_TITLE[kind]
            counts.append(f"{len(refs)} {noun.casefold()}")
    dates = [(value, text) for value, text in article.dates if value not in REFERENCES]
    if dates:
        # One link per date, with the words the article used for it ("last month", "February");
        # not "now" or "the past": they name no time a reader could look up.
        words: dict[str, list[str]] = {}
        for value, text in dates:
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
        counts.append(f"{len(entries)} date{'' if len(entries) == 1 else 's'}")
    if article.tags:
        tags = ", ".join(links.a(tag_label(t), uri, tag_uri(t)) for t in article.tags)
        lines.append(f"<strong>Tags</strong> {tags}")
    head = f"{breadcrumb(article, links)}<p>{' · '.join(facts)}</p>"
    if lines:
        body = "".join(f"<p>{line}</p>" for line in lines)
        summary = "In this article: " + (", ".join(counts) if counts else "tags")
        head += f'<details class="newsdocs-names"><summary>{summary}</summary>{body}</details>'
    return f'<div class="newsdocs-meta" data-search-exclude>{head}</div>'


def related_block(article: ArticleInfo, index: EntityIndex, links: Links, limit: int = 5) -> str:
    """Articles that share specific names with this one, each with what it shares ("also
    about Tony Blair, Sheffield"). Out of the search index."""
    related = index.related(article, limit)
    if not related:
        return ""
    mine = {ref for ref in index.article_entities.get(article.src_uri, ()) if index.has_page(ref)}
    items = []
    for other in related:
        shared = [ref for ref in index.article_entities.get(other.src_uri, ()) if ref in mine]
        shared.sort(key=lambda ref: len(index.entities.get(ref, ())))  # the rarest first
        names = escape(", ".join(ref.name for ref in shared[:3]))
        also = f' <span class="newsdocs-also">also about {names}</span>' if shared else ""
        items.append(f"<li>{article_line(other, article.src_uri, links)}{also}</li>")
    return (
        '\n<section class="newsdocs-related" data-search-exclude><h2 id="related-articles">'
        f"Related articles</h2><ul>{''.join(items)}</ul></section>\n"
    )


def _datetime(article: ArticleInfo) -> str:
    return f' datetime="{article.date.isoformat()}"' if article.date else ""
