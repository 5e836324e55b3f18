"""EntityIndex -> HTML of the generated pages: indexes, entity, tag, archive and dates pages.

Written as HTML rather than Markdown for the site generator to render: a list of a thousand
links costs Python-Markdown far more than a whole article, and these pages have no prose.
Every name, title and sentence comes from untrusted sources and is escaped here; links are
relative URLs computed by ``Links`` (the site tests follow every link).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from urllib.parse import quote

from build_tools.archive.index import ArticleInfo, DateMention, EntityIndex, EntityRef
from build_tools.archive.urls import (
    KIND_TITLE,
    Links,
    escape,
    format_date,
    long_date,
    tag_label,
    tag_parent,
    tag_uri,
)
from build_tools.model import SECTION, Kind, slugify
from build_tools.timex import MONTH_NAMES, DatePage, date_label, date_page_of, value_order


@dataclass(frozen=True)
class Generated:
    """A generated page: its title, its HTML and its headings (level, id, text) for a
    table of contents."""

    title: str
    html: str
    headings: tuple[tuple[int, str, str], ...] = ()


class Page:
    """Builds one generated page: headings are recorded for the table of contents."""

    def __init__(self, title: str, heading_id: str | None = None) -> None:
        """``heading_id``: the title's heading gets this id, a permalink and an entry in the
        table of contents (as an article's title does)."""
        self.title = title
        self.parts: list[str] = []
        self.headings: list[tuple[int, str, str]] = []
        if heading_id:
            self.heading(1, title, heading_id)
        else:
            self.parts.append(f"<h1>{escape(title)}</h1>")

    def heading(self, level: int, text: str, anchor: str | None = None) -> None:
        anchor = slugify(anchor or text) or f"section-{len(self.headings) + 1}"
        self.headings.append((level, anchor, text))
        self.parts.append(
            f'<h{level} id="{escape(anchor)}">{escape(text)}'
            f'<a class="headerlink" href="#{quote(anchor)}" title="Permanent link">&para;</a>'
            f"</h{level}>"
        )

    def add(self, html_text: str) -> None:
        self.parts.append(html_text)

    def items(self, items: list[str], css: str = "", searched: bool = True) -> None:
        """A list; ``searched=False`` keeps it out of the search index (an entity page is
        found by its name, not by the titles it lists)."""
        if items:
            attribute = (f' class="{css}"' if css else "") + (
                "" if searched else " data-search-exclude"
            )
            self.parts.append(
                f"<ul{attribute}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
            )

    def done(self) -> Generated:
        return Generated(self.title, "\n".join(self.parts) + "\n", tuple(self.headings))


def article_line(article: ArticleInfo, from_uri: str, links: Links) -> str:
    return f"{format_date(article.date)} · {links.a(article.title, from_uri, article.src_uri)}"


#: Where a hand-written page (the home page) wants the newest articles listed.
NEWEST_MARKER = "<!-- newsdocs:newest -->"


def newest(index: EntityIndex, links: Links, from_uri: str, count: int = 10) -> str:
    """The newest articles with their leads, a link to the archive for the rest, and the
    people, places and topics most in the news in the archive's latest month."""
    items = []
    for article in index.articles[:count]:
        item = article_line(article, from_uri, links)
        if article.summary:
            item += f'<br><span class="newsdocs-sentence">{escape(article.summary)}</span>'
        items.append(f"<li>{item}</li>")
    if not items:
        return ""
    more = links.a("All articles, by year and month", from_uri, "archive/index.md")
    return (f'<ul class="newsdocs-articles">{"".join(items)}</ul><p>{more}</p>'
            + in_the_news(index, links, from_uri))  # fmt: skip


#: Names listed per kind under "In the news".
IN_THE_NEWS = 8


def in_the_news(index: EntityIndex, links: Links, from_uri: str) -> str:
    """The people, places, organizations and topics named in the most articles of the
    latest month of the archive (by publication date)."""
    dated = [article for article in index.articles if article.date]
    if not dated:
        return ""
    latest = max(article.date for article in dated)
    month = [a for a in dated if (a.date.year, a.date.month) == (latest.year, latest.month)]
    counts: dict[EntityRef, int] = defaultdict(int)
    topics: dict[str, int] = defaultdict(int)
    for article in month:
        for ref in index.article_entities.get(article.src_uri, ()):
            if index.has_page(ref):
                counts[ref] += 1
        for tag in article.tags:
            topics[tag] += 1
    rows = []
    for kind in ("person", "place", "organization"):
        top = sorted((r for r in counts if r.kind == kind), key=lambda r: (-counts[r], r.name))
        if top:
            names = ", ".join(f"{links.a(r.name, from_uri, r.src_uri)} ({counts[r]})"
                              for r in top[:IN_THE_NEWS])  # fmt: skip
            rows.append(f"<p><strong>{KIND_TITLE[kind]}</strong> {names}</p>")
    if topics:
        top_tags = sorted(topics, key=lambda t: (-topics[t], t))[:IN_THE_NEWS]
        names = ", ".join(f"{links.a(tag_label(t), from_uri, tag_uri(t))} ({topics[t]})"
                          for t in top_tags)  # fmt: skip
        rows.append(f"<p><strong>Topics</strong> {names}</p>")
    if not rows:
        return ""
    title = f"{MONTH_NAMES[latest.month - 1]} {latest.year}"
    heading = f'<h2 id="in-the-news">In the news in {escape(title)}</h2>'
    body = "".join(rows)
    return heading + f'<div class="newsdocs-in-the-news" data-search-exclude>{body}</div>'


def entity_link(ref: EntityRef, from_uri: str, index: EntityIndex, links: Links) -> str:
    """A link to the entity's page; a name without a page of its own is plain text, with
    a link to its newest article (it does not look like an entity link)."""
    if index.has_page(ref):
        return links.a(ref.name, from_uri, ref.src_uri)
    article = index.entities[ref][0].article
    return (f'{escape(ref.name)} <span class="newsdocs-in">in'
            f" {links.a(article.title, from_uri, article.src_uri)}</span>")  # fmt: skip


def paged(src_uri: str, items: list, size: int) -> list[tuple[str, list, int]]:
    """Split a long list over pages: ``people/x.md``, ``people/x/2.md``, ...

    Returns (src_uri, items, page number); a bounded page keeps the build linear.
    """
    size = max(1, size)
    chunks = [items[start : start + size] for start in range(0, len(items), size)] or [[]]
    base = src_uri.removesuffix(".md")
    return [
        (src_uri if number == 1 else f"{base}/{number}.md", chunk, number)
        for number, chunk in enumerate(chunks, 1)
    ]


def pager(pages: list[tuple[str, list, int]], number: int, links: Links) -> str:
    """``Pages: 1 · 2 · 3`` links between the pages of a list."""
    if len(pages) < 2:
        return ""
    current = pages[number - 1][0]
    items = [str(n) if n == number else links.a(str(n), current, uri) for uri, _, n in pages]
    return '<p class="newsdocs-pager">Pages: ' + " · ".join(items) + "</p>"


#: An index with more names than this lists them on a page per letter (a phone scrolls a
#: 500-name page; 4,000 names at 10,000 articles made a 580 KB page).
LETTER_PAGES_OVER = 500


def kind_index(kind: Kind, index: EntityIndex, links: Links) -> dict[str, Generated]:
    """``/people/`` and friends: every entity of the kind with its article count; over
    LETTER_PAGES_OVER names, the A to Z on a page per letter (``people/a-z/b.md``)."""
    uri = f"{SECTION[kind]}/index.md"
    entities = index.of_kind(kind)
    section = escape(SECTION[kind])
    page = Page(KIND_TITLE[kind])
    page.add(f"<p>{len(entities)} {section} in the archive.</p>")
    # A filter that needs no server (assets/newsdocs-map.js): type to narrow the lists.
    filter_box = ('<p><input type="search" class="newsdocs-filter" placeholder="Filter names"'
                  f' aria-label="Filter {section}"></p>')  # fmt: skip
    page.add(filter_box)
    # Named in more than one article: on a small archive, the A to Z list says it all.
    top = sorted(
        (item for item in entities if len(item[1]) > 1),
        key=lambda item: (-len(item[1]), item[0].name),
    )[:20]
    if top:
        page.heading(2, "Most mentioned")
        page.items([f"{entity_link(ref, uri, index, links)} ({len(apps)})" for ref, apps in top])
    groups: dict[str, list[tuple[EntityRef, int]]] = defaultdict(list)
    for ref, apps in entities:
        initial = ref.name[:1].upper()
        initial = initial if initial.isalpha() and initial.isascii() else "#"
        groups[initial].append((ref, len(apps)))
    page.heading(2, "A to Z")
    pages: dict[str, Generated] = {}

    def lines(initial: str, at_uri: str) -> list[str]:
        return [f"{entity_link(ref, at_uri, index, links)} ({n})" for ref, n in groups[initial]]

    if len(entities) <= LETTER_PAGES_OVER:
        for initial in sorted(groups):
            page.heading(3, _letter_title(initial))
            page.items(lines(initial, uri))
        pages[uri] = page.done()
        return pages
    letters = []
    for initial in sorted(groups):
        letter_uri = f"{SECTION[kind]}/a-z/{'other' if initial == '#' else initial.lower()}.md"
        title = f"{KIND_TITLE[kind]}: {_letter_title(initial)}"
        letter = Page(title)
        back = links.a(KIND_TITLE[kind], letter_uri, uri)
        letter.add(f"<p>{back} › {len(groups[initial])} {section} under"
                   f" {escape(_letter_title(initial))}.</p>{filter_box}")  # fmt: skip
        letter.items(lines(initial, letter_uri))
        pages[letter_uri] = letter.done()
        letters.append(f"{links.a(_letter_title(initial), uri, letter_uri)}"
                       f" ({len(groups[initial])})")  # fmt: skip
    page.add('<p class="newsdocs-letters">' + " · ".join(letters) + "</p>")
    pages[uri] = page.done()
    return pages


def _letter_title(initial: str) -> str:
    return "Other" if initial == "#" else initial


def entity_pages(
    ref: EntityRef, index: EntityIndex, links: Links, description: str = "", size: int = 200
) -> dict[str, Generated]:
    """A page per entity (more when long): its articles newest first, with date and the
    sentence naming it, and the names most often mentioned with it."""
    appearances = index.entities[ref]
    count = len(appearances)
    noun = "article" if count == 1 else "articles"
    pages = paged(ref.src_uri, appearances, size)
    with_whom = [(o, n) for o, n in index.co_mentioned(ref) if index.has_page(o)]
    result = {}
    dated = [a.article.date for a in appearances if a.article.date]
    for uri, chunk, number in pages:
        page = Page(ref.name)
        if description and number == 1:
            page.add(f'<p class="newsdocs-description">{escape(description)}</p>')
        elif ref.kind == "person" and number == 1 and (called := person_roles(ref, index)):
            page.add(f'<p class="newsdocs-description">Named in the articles as'
                     f" {escape(called)}.</p>")  # fmt: skip
        back = links.a(KIND_TITLE[ref.kind], uri, f"{SECTION[ref.kind]}/index.md")
        span = ""
        if dated:
            first, last = min(dated), max(dated)
            span = (f", from {long_date(first)} to {long_date(last)}" if first != last
                    else f", on {long_date(first)}")  # fmt: skip
        where = place_line(ref, index, links, uri) if ref.kind == "place" else ""
        page.add(f"<p>{back} · mentioned in {count} {noun}{span}.{where}</p>")
        if number == 1 and ref.kind == "place":
            page.add(place_figure(ref.name))
        if number == 1 and len(dated) >= 2:
            page.add(mentions_chart(ref.name, dated))
        page.heading(2, "Articles")
        items = []
        for appearance in chunk:
            item = article_line(appearance.article, uri, links)
            if appearance.sentence:
                item += f'<br><span class="newsdocs-sentence">{escape(appearance.sentence)}</span>'
            items.append(item)
        page.items(items, "newsdocs-articles", searched=False)
        if navigation := pager(pages, number, links):
            page.add(navigation)
        if with_whom and number == 1:
            page.heading(2, "Often mentioned with")
            names = ", ".join(f"{links.a(o.name, uri, o.src_uri)} ({n})" for o, n in with_whom)
            page.add(f"<p data-search-exclude>{names}</p>")
        result[uri] = page.done()
    return result


def person_roles(ref: EntityRef, index: EntityIndex) -> str:
    """The roles the articles write before a person's name, with their years (``roles``)."""
    from build_tools.archive.roles import roles

    def mentions():
        for appearance in index.entities[ref]:
            article = appearance.article
            year = article.date.year if article.date else None
            for at in index.positions[article.src_uri].get(ref, ()):
                yield article.src_uri, article.page.paragraph(at.paragraph), at.start, year

    return roles(mentions())


def place_line(ref: EntityRef, index: EntityIndex, links: Links, from_uri: str) -> str:
    """`` In Spain.`` for a place with a country (a link when the country has a page)."""
    from build_tools.gazetteer import gazetteer

    places = gazetteer()
    info = places.info(ref.name)
    if info is None or not info.country:
        return ""
    country = places.country_name(info.country)
    if not country or country == ref.name:
        return ""
    other = EntityRef("place", country)
    name = links.a(country, from_uri, other.src_uri) if index.has_page(other) else escape(country)
    return f" In {name}."


def place_figure(name: str) -> str:
    """The small map of a place with known coordinates (``placemap``); else nothing."""
    from build_tools.archive.placemap import place_map
    from build_tools.gazetteer import gazetteer

    places = gazetteer()
    where = places.coordinates(name)
    if where is None:
        return ""
    info = places.info(name)
    country = info.country if info else None
    return place_map(name, where[0], where[1], country, name in places.countries)


#: The chart covers at most this many months; a longer span is drawn by year.
CHART_MONTHS = 36


def mentions_chart(name: str, dates: list) -> str:
    """A small bar chart of articles per month (per year over ``CHART_MONTHS``), as inline
    SVG made at build time, with its figures as text for screen readers."""
    first, last = min(dates), max(dates)
    months = (last.year - first.year) * 12 + last.month - first.month + 1
    by_year = months > CHART_MONTHS
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for day in dates:
        counts[(day.year, 0 if by_year else day.month)] += 1
    if by_year:
        keys = [(year, 0) for year in range(first.year, last.year + 1)]
    else:
        keys = [(first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1)
                for n in range(months)]  # fmt: skip
    top = max(counts.values())
    width, height, gap = 240, 40, 1
    bar = max(2.0, (width - gap * len(keys)) / len(keys))
    bars = []
    for number, key in enumerate(keys):
        value = counts.get(key, 0)
        tall = round(height * value / top, 1)
        label = str(key[0]) if by_year else f"{MONTH_NAMES[key[1] - 1]} {key[0]}"
        bars.append(f'<rect x="{round(number * (bar + gap), 1)}" y="{height - tall}"'
                    f' width="{round(bar, 1)}" height="{tall}"><title>{label}: {value}</title>'
                    "</rect>")  # fmt: skip
    span = "year" if by_year else "month"
    summary = f"Articles naming {name} per {span}, {len(dates)} in all"
    total_width = round(len(keys) * (bar + gap), 1)
    return (f'<figure class="newsdocs-chart"><svg role="img" viewBox="0 0 {total_width} {height}"'
            f' width="{total_width}" height="{height}" aria-label="{escape(summary)}">'
            f"{''.join(bars)}</svg><figcaption>Articles per {span}</figcaption>"
            "</figure>")  # fmt: skip


def tags_index(tags: dict[str, list[ArticleInfo]], links: Links) -> Generated:
    """Every tag (``EntityIndex.tags``) with its count, children under their parents."""
    uri = "tags/index.md"
    page = Page("Tags")
    page.add("<p>Topics from the IPTC Media Topics vocabulary, and those sources add.</p>")
    parents: dict[str, list[str]] = defaultdict(list)
    for tag in tags:
        parents[tag.split("/")[0]].append(tag)
    items = []
    for parent in sorted(parents):
        children = [t for t in parents[parent] if t != parent]
        if parent in tags:
            item = f"{links.a(tag_label(parent), uri, tag_uri(parent))} ({len(tags[parent])})"
        else:
            item = escape(tag_label(parent))
        if children:
            item += "<ul>" + "".join(
                f"<li>{links.a(tag_label(c), uri, tag_uri(c))} ({len(tags[c])})</li>"
                for c in children
            ) + "</ul>"  # fmt: skip
        items.append(item)
    page.items(items)
    return page.done()


def tag_pages(
    tag: str, articles: list[ArticleInfo], links: Links, size: int = 200
) -> dict[str, Generated]:
    """The articles of a tag, newest first, over as many pages as needed."""
    pages = paged(tag_uri(tag), articles, size)
    result = {}
    for uri, chunk, number in pages:
        page = Page(tag_label(tag))
        trail = [links.a("All tags", uri, "tags/index.md")]
        if (parent := tag_parent(tag)) is not None:
            trail.append(links.a(tag_label(parent), uri, tag_uri(parent)))
        count = len(articles)
        noun = "article" if count == 1 else "articles"
        page.add(f"<p>{' › '.join(trail)} · {count} {noun}, newest first.</p>")
        page.items([article_line(article, uri, links) for article in chunk], searched=False)
        if navigation := pager(pages, number, links):
            page.add(navigation)
        result[uri] = page.done()
    return result


def archive_pages(index: EntityIndex, links: Links) -> dict[str, Generated]:
    """``archive/index.md`` (years with counts) and one page per year, by month."""
    by_year: dict[str, list[ArticleInfo]] = defaultdict(list)
    for article in index.articles:
        by_year[f"{article.date.year:04d}" if article.date else "undated"].append(article)
    pages = {}
    home = Page("Archive")
    home.add(f"<p>{len(index.articles)} articles.</p>")
    items = []
    for year in sorted(by_year, key=lambda year: (year != "undated", year), reverse=True):
        uri = f"archive/{year}.md"
        label = "Undated" if year == "undated" else year
        items.append(f"{links.a(label, 'archive/index.md', uri)} ({len(by_year[year])})")
        page = Page(f"Published in {label}" if year != "undated" else label)
        count = len(by_year[year])
        noun = "article" if count == 1 else "articles"
        back = links.a("Archive", uri, "archive/index.md")
        page.add(f"<p>{back} › {count} {noun} published in {label}, newest first.</p>")
        months: dict[int, list[ArticleInfo]] = defaultdict(list)
        for article in by_year[year]:
            months[article.date.month if article.date else 0].append(article)
        for month in sorted(months, reverse=True):
            if month:
                page.heading(2, f"{MONTH_NAMES[month - 1]} {year}")
            page.items([article_line(article, uri, links) for article in months[month]])
        pages[uri] = page.done()
    home.items(items)
    pages["archive/index.md"] = home.done()
    return pages


#: Articles listed under one date on a dates page, newest first: at 10,000 articles a year's
#: page listed every mention of "2005" and weighed 0.9 MB (2.1 MB for the past, present and
#: future); the date's own count says how many more there are.
DATE_LIST_SIZE = 25


def _date_line(mention: DateMention, from_uri: str, links: Links) -> str:
    """The article, and the sentence in which it speaks of the date, its words marked."""
    line = article_line(mention.article, from_uri, links)
    sentence = mention.sentence() or f"<mark>{escape(mention.text)}</mark>"
    return f'{line}<br><span class="newsdocs-sentence">{sentence}</span>'


def dates_pages(index: EntityIndex, links: Links) -> dict[str, Generated]:
    """``dates/index.md`` and a page per year (decade, century...) of the dates articles
    mention (``date_page_of``)."""
    by_page: dict[DatePage, dict[str, list]] = defaultdict(dict)
    for value, mentions in index.dates().items():
        by_page[date_page_of(value)][value] = mentions
    pages = {}
    published_years = {f"{a.date.year:04d}" for a in index.articles if a.date}
    home = Page("Dates mentioned")
    home.add(
        "<p>Dates the articles talk about: a page per year, and for decades and centuries "
        "spoken of as such; then dates whose year is unknown, and the past, present and "
        "future the articles speak of.</p>"
    )
    items = []
    for page_of, values in sorted(by_page.items(), key=lambda item: item[0].order, reverse=True):
        uri = page_of.uri
        # Articles, as every other index counts (not mentions).
        count = len({m.article.src_uri for ms in values.values() for m in ms})
        items.append(f"{links.a(page_of.title, 'dates/index.md', uri)} ({count})")
        # Two axes a reader must tell apart: the time an article talks about (here) and
        # when it was published (the archive).
        page = Page(f"Mentioned: {page_of.title}")
        intro = (f"<p>{links.a('Dates mentioned', uri, 'dates/index.md')} › the dates in"
                 f" {escape(page_of.title)} that the articles talk about, each with the"
                 " article and the sentence that speaks of it.")  # fmt: skip
        if page_of.title in published_years:
            archive = links.a(f"Published in {page_of.title}", uri, f"archive/{page_of.title}.md")
            intro += f" For the articles written in {escape(page_of.title)}: {archive}."
        page.add(intro + "</p>")
        for value in sorted(values, key=value_order):
            page.heading(2, date_label(value), value)
            mentions = values[value]
            page.items([_date_line(mention, uri, links) for mention in mentions[:DATE_LIST_SIZE]],
                       "newsdocs-articles", searched=False)  # fmt: skip
            if len(mentions) > DATE_LIST_SIZE:
                more = len(mentions) - DATE_LIST_SIZE
                page.add(f'<p class="newsdocs-more">The newest {DATE_LIST_SIZE} of'
                         f" {len(mentions)} articles; {more} older ones speak of it"
                         " too.</p>")  # fmt: skip
        pages[uri] = page.done()
    home.items(items)
    pages["dates/index.md"] = home.done()
    return pages
