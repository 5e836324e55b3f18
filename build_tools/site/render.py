"""EntityIndex -> Markdown of the generated pages, and the article page additions.

Every name, title and sentence comes from untrusted sources and is escaped here; links are
relative ``.md`` paths so that MkDocs checks them (``mkdocs build --strict``).
"""

from __future__ import annotations

import datetime as dt
import html
import posixpath
import re
from collections import defaultdict
from urllib.parse import quote

from build_tools.markup import escape_link_text, escape_markdown
from build_tools.model import KINDS, SECTION, Kind, slugify
from build_tools.site.index import ArticleInfo, EntityIndex, EntityRef, find_word

#: Front matter of generated pages: the theme's search indexes the articles, not the lists.
GENERATED = "---\nsearch:\n  exclude: true\n---\n"
KIND_TITLE = {"person": "People", "place": "Places", "organization": "Organizations"}
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def rel(from_uri: str, to_uri: str) -> str:
    """Relative link from one source page to another (``../../people/x.md``).

    Both are clean paths under docs/; this is posixpath.relpath without its checks, which
    cost more than the rest of a generated page.
    """
    source = from_uri.split("/")[:-1]
    target = to_uri.split("/")
    common = 0
    for a, b in zip(source, target[:-1], strict=False):
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(source) - common) + target[common:])


def link(text: str, from_uri: str, to_uri: str, anchor: str = "") -> str:
    target = rel(from_uri, to_uri) + (f"#{anchor}" if anchor else "")
    return f"[{escape_link_text(text)}]({target})"


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value else "undated"


def safe_url(url: str) -> str | None:
    """An http(s) URL made safe to put in a Markdown link, or None."""
    if not re.match(r"^https?://[^\s<>\"]+$", url or "", re.I):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


def _article_line(article: ArticleInfo, from_uri: str) -> str:
    return f"{format_date(article.date)} · {link(article.title, from_uri, article.src_uri)}"


def tag_uri(tag: str) -> str:
    return f"tags/{slugify(tag.replace('/', ' '))}.md"


def tag_label(tag: str) -> str:
    from build_tools.tags import tag_label as label

    try:
        return label(tag)
    except Exception:  # a tag from a header that is not in the vocabulary
        return tag


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def date_label(value: str) -> str:
    """A reader's label for a TIMEX3 value (``2019-02`` -> February 2019)."""
    if value in REFERENCES:
        return REFERENCES[value]
    year, _, rest = value.partition("-")
    year_text = "" if year.startswith("X") else f" {year}"
    if re.fullmatch(r"\d{4}|XXXX", year) and not rest:
        return year if year_text else "a year"
    if re.fullmatch(r"\d{3}", year) and not rest:
        return f"the {year}0s"
    if match := re.fullmatch(r"(\d{2})-(\d{2})", rest):
        month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12:
            return f"{day} {MONTH_NAMES[month - 1]}{year_text}"
    if re.fullmatch(r"\d{2}", rest) and 1 <= int(rest) <= 12:
        return f"{MONTH_NAMES[int(rest) - 1]}{year_text}"
    if match := re.fullmatch(r"W(\d{2}|XX)(?:-(\d|WE))?", rest):
        week, day = match.groups()
        if day and day.isdigit() and 1 <= int(day) <= 7:
            name = WEEKDAY_NAMES[int(day) - 1]
            return name if week == "XX" else f"{name} of week {int(week)}{year_text}"
        if week == "XX":
            return "a weekend" if day == "WE" else "a week"
        where = f"week {int(week)} of{year_text}" if year_text else f"week {int(week)}"
        return f"the weekend of {where}" if day == "WE" else where
    if match := re.fullmatch(r"Q([1-4X])", rest):
        return f"Q{match.group(1)}{year_text}".replace("QX", "a quarter")
    if rest == "XX-XX":
        return "a day"
    if rest in SEASON_NAMES:
        return f"{SEASON_NAMES[rest]}{year_text}"
    return value


def date_page(value: str) -> str:
    year = value[:4]
    return f"dates/{year}.md" if year.isdigit() else "dates/unresolved.md"


# --- article pages -------------------------------------------------------------------------


def metadata_block(article: ArticleInfo, index: EntityIndex) -> str:
    """The block under an article's title: date, source, entities, dates and tags as links."""
    uri = article.src_uri
    lines = []
    facts = [f"**Published** {format_date(article.date)}"]
    if article.source:
        facts.append(f"**Source** {escape_markdown(article.source)}")
    if article.url and (url := safe_url(article.url)):
        facts.append(f"[Original article]({url})")
    lines.append(" · ".join(facts))
    for kind in KINDS:
        refs = [r for r in index.article_entities.get(uri, []) if r.kind == kind]
        if refs:
            links = ", ".join(
                link(r.name, uri, r.src_uri) if index.has_page(r) else escape_markdown(r.name)
                for r in refs
            )
            lines.append(f"**{KIND_TITLE[kind]}** {links}")
    if article.dates:
        seen: list[str] = []
        for value, text in article.dates:
            entry = f"{link(date_label(value), uri, date_page(value), value.lower())}"
            if text and text.casefold() != date_label(value).casefold():
                entry += f" ({escape_markdown(text)})"
            if entry not in seen:
                seen.append(entry)
        lines.append("**Dates mentioned** " + ", ".join(seen))
    if article.tags:
        tags = ", ".join(link(tag_label(t), uri, tag_uri(t)) for t in article.tags)
        lines.append(f"**Tags** {tags}")
    inner = "\n\n".join(lines)
    return f'<div class="newsdocs-meta" markdown>\n\n{inner}\n\n</div>\n'


_PROTECTED = re.compile(
    r"\[[^\]]*\]\([^)]*\)|`[^`]*`|<[^>]*>|&#?\w+;", re.DOTALL
)  # links, code, raw HTML, entities


def link_mentions(markdown: str, article: ArticleInfo, index: EntityIndex) -> str:
    """Link the first mention of each entity in the body to its page.

    Never inside a heading, a link, code or raw HTML: only paragraphs of running text.
    """
    uri = article.src_uri
    owner: dict[str, EntityRef] = {}
    for ref in index.article_entities.get(uri, []):
        if not index.has_page(ref):
            continue
        for name in article.names[ref.kind]:
            if name == ref.name or index.ref(ref.kind, name, article) == ref:
                for form in (name, *article.aliases.get(name, ())):
                    owner.setdefault(escape_markdown(form), ref)
        owner.setdefault(escape_markdown(ref.name), ref)
    forms: dict[EntityRef, list[str]] = {}
    for form, ref in owner.items():
        forms.setdefault(ref, []).append(form)
    blocks = markdown.split("\n\n")
    prose = [
        number
        for number, block in enumerate(blocks)
        if block.strip()
        and block.lstrip()[0] not in "#<`>|"
        and not block.startswith(("    ", "\t"))
    ]
    links: dict[int, list[tuple[int, int, EntityRef]]] = {}
    for ref, names in forms.items():
        for number in prose:
            block = blocks[number]
            taken = [(s, e) for s, e, _ in links.get(number, [])]
            protected = [m.span() for m in _PROTECTED.finditer(block)] + taken
            best = None
            for name in names:
                position = find_word(block, name)
                while position >= 0 and any(
                    s < position + len(name) and position < e for s, e in protected
                ):
                    position = find_word(block, name, position + 1)
                if position >= 0 and (best is None or position < best[0]):
                    best = (position, position + len(name))
            if best is not None:
                links.setdefault(number, []).append((*best, ref))
                break
    for number, found in links.items():
        block = blocks[number]
        for start, end, ref in sorted(found, reverse=True):
            block = f"{block[:start]}[{block[start:end]}]({rel(uri, ref.src_uri)}){block[end:]}"
        blocks[number] = block
    return "\n\n".join(blocks)


def pagefind_body(markdown: str, article: ArticleInfo, index: EntityIndex) -> str:
    """Add an article's Pagefind filters (by kind and year) as hidden elements; Pagefind
    indexes the article pages only (see ``run_pagefind``)."""
    filters = []
    for ref in index.article_entities.get(article.src_uri, []):
        value = html.escape(f"{ref.kind}:{ref.name}", quote=True)
        filters.append(f'<span data-pagefind-filter="{value}"></span>')
    if article.date:
        filters.append(f'<span data-pagefind-filter="year:{article.date.year}"></span>')
        filters.append(f'<span data-pagefind-meta="date:{article.date.isoformat()}"></span>')
    hidden = "".join(filters)
    return f"{markdown}\n\n<div hidden>{hidden}</div>\n"


def related_block(article: ArticleInfo, index: EntityIndex, limit: int = 5) -> str:
    related = index.related(article, limit)
    if not related:
        return ""
    items = "\n".join(f"- {_article_line(other, article.src_uri)}" for other in related)
    return f"\n\n## Related articles {{: .newsdocs-related }}\n\n{items}\n"


# --- generated pages -----------------------------------------------------------------------


def entity_link(ref: EntityRef, from_uri: str, index: EntityIndex) -> str:
    """A link to the entity's page; to its one article when it has no page of its own."""
    if index.has_page(ref):
        return link(ref.name, from_uri, ref.src_uri)
    article = index.entities[ref][0].article
    return link(ref.name, from_uri, article.src_uri)


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


def pager(src_uri: str, pages: list[tuple[str, list, int]], number: int) -> str:
    """``Pages: 1 2 3`` links between the pages of a list."""
    if len(pages) < 2:
        return ""
    current = pages[number - 1][0]
    links = [str(n) if n == number else f"[{n}]({rel(current, uri)})" for uri, _, n in pages]
    return "Pages: " + " · ".join(links)


def kind_index(kind: Kind, index: EntityIndex) -> str:
    """``/people/`` and friends: every entity of the kind with its article count."""
    uri = f"{SECTION[kind]}/index.md"
    entities = index.of_kind(kind)
    lines = [f"# {KIND_TITLE[kind]}", "", f"{len(entities)} {SECTION[kind]} in the archive."]
    top = sorted(entities, key=lambda item: (-len(item[1]), item[0].name))[:20]
    if top:
        lines += ["", "## Most mentioned", ""]
        lines += [f"- {entity_link(ref, uri, index)} ({len(apps)})" for ref, apps in top]
    groups: dict[str, list[str]] = defaultdict(list)
    for ref, apps in entities:
        initial = ref.name[:1].upper()
        initial = initial if initial.isalpha() and initial.isascii() else "#"
        groups[initial].append(f"- {entity_link(ref, uri, index)} ({len(apps)})")
    lines += ["", "## A to Z"]
    for initial in sorted(groups):
        heading = "Other" if initial == "#" else initial
        lines += ["", f"### {heading}", "", *groups[initial]]
    return GENERATED + "\n".join(lines) + "\n"


def entity_pages(
    ref: EntityRef, index: EntityIndex, description: str = "", size: int = 200
) -> dict[str, str]:
    """A page per entity (more when long): its articles newest first, with date and the
    sentence naming it, and the names most often mentioned with it."""
    appearances = index.entities[ref]
    count = len(appearances)
    noun = "article" if count == 1 else "articles"
    pages = paged(ref.src_uri, appearances, size)
    result = {}
    for uri, chunk, number in pages:
        lines = [f"# {escape_markdown(ref.name)}", ""]
        if description and number == 1:
            lines += [escape_markdown(description), ""]
        back = link(KIND_TITLE[ref.kind], uri, f"{SECTION[ref.kind]}/index.md")
        lines += [f"{back} · mentioned in {count} {noun}.", "", "## Articles", ""]
        for appearance in chunk:
            line = f"- {_article_line(appearance.article, uri)}"
            if appearance.sentence:
                line += f"  \n  {appearance.sentence}"
            lines.append(line)
        if navigation := pager(uri, pages, number):
            lines += ["", navigation]
        with_whom = [(o, n) for o, n in index.co_mentioned(ref) if index.has_page(o)]
        if with_whom and number == 1:
            lines += ["", "## Often mentioned with", ""]
            lines.append(", ".join(f"{link(o.name, uri, o.src_uri)} ({n})" for o, n in with_whom))
        result[uri] = GENERATED + "\n".join(lines) + "\n"
    return result


def entity_page(ref: EntityRef, index: EntityIndex, description: str = "") -> str:
    """The first page of an entity's list."""
    return entity_pages(ref, index, description)[ref.src_uri]


def tags_index(index: EntityIndex) -> str:
    uri = "tags/index.md"
    tags = index.tags()
    lines = ["# Tags", "", "Topics from the IPTC Media Topics vocabulary.", ""]
    parents: dict[str, list[str]] = defaultdict(list)
    for tag in tags:
        parents[tag.split("/")[0]].append(tag)
    for parent in sorted(parents):
        children = [t for t in parents[parent] if t != parent]
        count = len(tags.get(parent, []))
        if parent in tags:
            lines.append(f"- {link(tag_label(parent), uri, tag_uri(parent))} ({count})")
        else:
            lines.append(f"- {escape_markdown(tag_label(parent))}")
        lines += [
            f"    - {link(tag_label(child), uri, tag_uri(child))} ({len(tags[child])})"
            for child in children
        ]
    return GENERATED + "\n".join(lines) + "\n"


def tag_pages(tag: str, articles: list[ArticleInfo], size: int = 200) -> dict[str, str]:
    """The articles of a tag, newest first, over as many pages as needed."""
    pages = paged(tag_uri(tag), articles, size)
    result = {}
    for uri, chunk, number in pages:
        lines = [f"# {escape_markdown(tag_label(tag))}", "", link("All tags", uri, "tags/index.md")]
        lines += ["", *(f"- {_article_line(article, uri)}" for article in chunk)]
        if navigation := pager(uri, pages, number):
            lines += ["", navigation]
        result[uri] = GENERATED + "\n".join(lines) + "\n"
    return result


def archive_pages(index: EntityIndex) -> dict[str, str]:
    """``archive/index.md`` (years and months with counts) and one page per year."""
    by_year: dict[str, list[ArticleInfo]] = defaultdict(list)
    for article in index.articles:
        by_year[f"{article.date.year:04d}" if article.date else "undated"].append(article)
    pages = {}
    lines = ["# Archive", "", f"{len(index.articles)} articles.", ""]
    for year in sorted(by_year, reverse=True):
        page = f"archive/{year}.md"
        label = "Undated" if year == "undated" else year
        lines.append(f"- {link(label, 'archive/index.md', page)} ({len(by_year[year])})")
        body = [f"# {label}", "", link("Archive", page, "archive/index.md"), ""]
        months: dict[int, list[ArticleInfo]] = defaultdict(list)
        for article in by_year[year]:
            months[article.date.month if article.date else 0].append(article)
        for month in sorted(months, reverse=True):
            if month:
                body += [f"## {MONTH_NAMES[month - 1]} {year}", ""]
            body += [f"- {_article_line(article, page)}" for article in months[month]]
            body.append("")
        pages[page] = GENERATED + "\n".join(body)
    pages["archive/index.md"] = GENERATED + "\n".join(lines) + "\n"
    return pages


def dates_pages(index: EntityIndex) -> dict[str, str]:
    """``dates/index.md`` and a page per year of the dates articles mention."""
    by_page: dict[str, dict[str, list]] = defaultdict(dict)
    for value, mentions in index.dates().items():
        by_page[date_page(value)][value] = mentions
    pages = {}
    lines = ["# Dates mentioned", "", "Dates the articles talk about, by year.", ""]
    for page in sorted(by_page, reverse=True):
        year = posixpath.basename(page).removesuffix(".md")
        label = "Year unknown" if year == "unresolved" else year
        count = sum(len(m) for m in by_page[page].values())
        lines.append(f"- {link(label, 'dates/index.md', page)} ({count})")
        body = [f"# {label}", "", link("Dates mentioned", page, "dates/index.md"), ""]
        for value in sorted(by_page[page]):
            body += [f"## {escape_markdown(date_label(value))} {{#{value.lower()}}}", ""]
            for text, article in by_page[page][value]:
                body.append(f"- {_article_line(article, page)} ({escape_markdown(text)})")
            body.append("")
        pages[page] = GENERATED + "\n".join(body)
    pages["dates/index.md"] = GENERATED + "\n".join(lines) + "\n"
    return pages
