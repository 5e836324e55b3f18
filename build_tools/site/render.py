"""EntityIndex -> HTML of the generated pages, and the additions to article pages.

Generated pages and the blocks added to articles are written as HTML here rather than as
Markdown for the site generator to render: a list of a thousand links costs Python-Markdown
far more than the whole article body, and these pages have no prose in them. Every name,
title and sentence comes from untrusted sources and is escaped here; links are relative
URLs computed by ``Links`` (and checked by the site tests, which follow every link).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import html
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple
from urllib.parse import quote

from build_tools.markup import escape_markdown
from build_tools.model import KINDS, SECTION, Kind, slugify
from build_tools.site.index import (
    ArticleInfo,
    EntityIndex,
    EntityRef,
    date_key,
    find_word,
    inside_longer,
    longer_names,
)

#: Front matter of generated pages: the theme's search indexes the articles, not the lists.
KIND_TITLE = {"person": "People", "place": "Places", "organization": "Organizations"}
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def escape(text: str) -> str:
    """Untrusted text -> HTML text."""
    return html.escape(text, quote=True)


def as_text(markdown_text: str) -> str:
    """Text of the article body (entities as the converter escaped it) -> safe HTML text."""
    return escape(html.unescape(markdown_text))


class Links:
    """Where each source page ends up on the site, and relative links between pages.

    ``directory_urls``: ``people/x.md`` is served at ``people/x/`` (the MkDocs default) or
    at ``people/x.html``.
    """

    def __init__(self, directory_urls: bool = True) -> None:
        self.directory_urls = directory_urls
        self._urls: dict[str, str] = {}
        self._split: dict[str, list[str]] = {}

    def url(self, src_uri: str) -> str:
        """The page's URL relative to the site root (``people/x/``; the home page: ``""``)."""
        url = self._urls.get(src_uri)
        if url is None:
            stem = src_uri.removesuffix(".md")
            directory, _, name = stem.rpartition("/")
            if self.directory_urls:
                url = f"{directory}/" if name == "index" else f"{stem}/"
                url = url.lstrip("/")
            else:
                url = f"{stem}.html"
            url = self._urls[src_uri] = quote(url, safe="/")
        return url

    def _parts(self, src_uri: str) -> list[str]:
        parts = self._split.get(src_uri)
        if parts is None:
            parts = self._split[src_uri] = self.url(src_uri).split("/")
        return parts

    def href(self, from_uri: str, to_uri: str, anchor: str = "") -> str:
        """Relative link from one page to another, as it would be written in the page."""
        base = self._parts(from_uri)[:-1]
        target = self._parts(to_uri)
        if not base or len(target) < 2 or base[0] != target[0]:  # most links: another section
            relative = "../" * len(base) + self.url(to_uri)
        else:
            common = 0
            while (common < len(base) and common < len(target) - 1
                   and base[common] == target[common]):  # fmt: skip
                common += 1
            relative = "../" * (len(base) - common) + "/".join(target[common:])
        return (relative or "./") + (f"#{quote(anchor)}" if anchor else "")

    def a(self, text: str, from_uri: str, to_uri: str, anchor: str = "") -> str:
        """A link with untrusted text."""
        return f'<a href="{self.href(from_uri, to_uri, anchor)}">{escape(text)}</a>'


@dataclass(frozen=True)
class Generated:
    """A generated page: its title, its HTML and its headings (level, id, text) for a
    table of contents."""

    title: str
    html: str
    headings: tuple[tuple[int, str, str], ...] = ()


class _Page:
    """Builds one generated page: headings are recorded for the table of contents."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.parts: list[str] = [f"<h1>{escape(title)}</h1>"]
        self.headings: list[tuple[int, str, str]] = []

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

    def items(self, items: list[str], css: str = "") -> None:
        if items:
            attribute = f' class="{css}"' if css else ""
            self.parts.append(
                f"<ul{attribute}>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
            )

    def done(self) -> Generated:
        return Generated(self.title, "\n".join(self.parts) + "\n", tuple(self.headings))


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value else "undated"


def safe_url(url: str) -> str | None:
    """An http(s) URL made safe to put in a link, or None."""
    if not re.match(r"^https?://[^\s<>\"]+$", url or "", re.I):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


def _article_line(article: ArticleInfo, from_uri: str, links: Links) -> str:
    return f"{format_date(article.date)} · {links.a(article.title, from_uri, article.src_uri)}"


def tag_uri(tag: str) -> str:
    return f"tags/{slugify(tag.replace('/', ' '))}.md"


@functools.cache
def tag_label(tag: str) -> str:
    from build_tools.tags import tag_label as label

    try:
        return label(tag)
    except Exception:  # a tag from a header that is not in the vocabulary
        return tag


WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _monday(year: str, week: str) -> dt.date | None:
    """The Monday of an ISO week, when its year and number are known and real."""
    if not (year.isdigit() and week.isdigit()):
        return None
    try:
        return dt.date.fromisocalendar(int(year), int(week), 1)
    except ValueError:
        return None


def _day_label(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


@functools.cache
def date_label(value: str) -> str:
    """A reader's label for a TIMEX3 value (``2019-02`` -> February 2019)."""
    if value in REFERENCES:
        return REFERENCES[value]
    year, _, rest = value.partition("-")
    year_text = "" if year.startswith("X") else f" {year}"
    if re.fullmatch(r"\d{4}|XXXX", year) and not rest:
        return year if year_text else "a year"
    if re.fullmatch(r"\d{3}X?", year) and not rest:
        return f"the {year[:3]}0s"  # 198 and 198X: the 1980s
    if re.fullmatch(r"\d{2}", year) and not rest:
        return f"the {_ordinal(int(year) + 1)} century"  # TimeML's 19: the 20th century
    if match := re.fullmatch(r"H([12])", rest):
        half = "first" if match.group(1) == "1" else "second"
        return f"the {half} half of{year_text}" if year_text else f"the {half} half of a year"
    if match := re.fullmatch(r"(\d{2})-(\d{2})", rest):
        month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12:
            return f"{day} {MONTH_NAMES[month - 1]}{year_text}"
    if re.fullmatch(r"\d{2}", rest) and 1 <= int(rest) <= 12:
        return f"{MONTH_NAMES[int(rest) - 1]}{year_text}"
    if match := re.fullmatch(r"W(\d{2}|XX)(?:-(\d|WE))?", rest):
        week, day = match.groups()
        monday = _monday(year, week)
        if day and day.isdigit() and 1 <= int(day) <= 7:
            name = WEEKDAY_NAMES[int(day) - 1]
            if monday is None:
                return name if week == "XX" else f"{name} of week {int(week)}{year_text}"
            return f"{name} {_day_label(monday + dt.timedelta(days=int(day) - 1))}"
        if week == "XX":
            return "a weekend" if day == "WE" else "a week"
        if monday is None:
            where = f"week {int(week)} of{year_text}" if year_text else f"week {int(week)}"
            return f"the weekend of {where}" if day == "WE" else where
        if day == "WE":  # "the weekend of 23 November 2024": its Saturday
            return f"the weekend of {_day_label(monday + dt.timedelta(days=5))}"
        return f"the week of {_day_label(monday)}"  # its Monday
    if match := re.fullmatch(r"Q([1-4X])", rest):
        if match.group(1) == "X":
            return f"a quarter of{year_text}" if year_text else "a quarter"
        return f"Q{match.group(1)}{year_text}"
    if rest == "XX-XX":
        return f"a day in{year_text}" if year_text else "a day"
    if rest in SEASON_NAMES:
        return f"{SEASON_NAMES[rest]}{year_text}"
    return value


class DatePage(NamedTuple):
    """A page of the dates index: where it is, its title, and its place in the index."""

    uri: str
    title: str
    order: tuple[int, int]  # listed in decreasing order: years newest first, a decade after
    # its years, a century after its decades; then the unknown years, then the references


UNRESOLVED = DatePage("dates/unresolved.md", "Year unknown", (-1, 0))
REFERENCES_PAGE = DatePage("dates/past-present-future.md", "Past, present and future", (-2, 0))


def date_page_of(value: str) -> DatePage:
    """The dates page a value is listed on: its year's, its decade's (``198X`` and ``198``:
    the 1980s), its century's (``19``: the 20th century), the page of the past, present and
    future, or that of dates whose year is unknown."""
    year = value.partition("-")[0]
    if re.fullmatch(r"\d{4}", year):
        return DatePage(f"dates/{year}.md", year, (int(year), 2))
    if re.fullmatch(r"\d{3}X?", year) and year == value:
        decade = f"{year[:3]}0s"
        return DatePage(f"dates/{decade}.md", decade, (int(year[:3]) * 10, 1))
    if re.fullmatch(r"\d{2}", year) and year == value:
        century = f"{_ordinal(int(year) + 1)} century"
        return DatePage(f"dates/{century.replace(' ', '-')}.md", century, (int(year) * 100, 0))
    return REFERENCES_PAGE if value in REFERENCES else UNRESOLVED


def date_page(value: str) -> str:
    return date_page_of(value).uri


def _value_order(value: str) -> tuple:
    """Dates on one page in the order of time: the year, then what starts earlier first,
    the longer first (a half before its first quarter, a month before its first day)."""
    year, _, rest = value.partition("-")
    if not year.isdigit() or len(year) != 4:
        return (1, value)
    start, length = 1, 0  # day of the year it starts on; the wider, the smaller
    if match := re.fullmatch(r"H([12])", rest):
        start, length = 1 + 181 * (int(match[1]) - 1), 1
    elif match := re.fullmatch(r"Q([1-4])", rest):
        start, length = 1 + 91 * (int(match[1]) - 1), 2
    elif rest in SEASON_NAMES:
        start, length = {"SP": 60, "SU": 152, "FA": 244, "WI": 335}[rest], 2
    elif match := re.fullmatch(r"(\d{2})(?:-(\d{2}))?", rest):
        with contextlib.suppress(ValueError):
            day = dt.date(int(year), int(match[1]), int(match[2] or 1))
            start, length = day.timetuple().tm_yday, 4 if match[2] else 3
    elif (match := re.fullmatch(r"W(\d{2})(?:-(\d|WE))?", rest)) and (
        monday := _monday(year, match[1])
    ):
        offset = 0 if not match[2] else 5 if match[2] == "WE" else int(match[2]) - 1
        day = monday + dt.timedelta(days=offset)
        start = day.timetuple().tm_yday if day.year == int(year) else 1
        length = 4 if match[2] and match[2] != "WE" else 3.5
    elif rest:
        return (0, 999, 9, value)
    return (0, start, length, value)


# --- article pages -------------------------------------------------------------------------


#: Python-Markdown extensions that leave a plain paragraph as it is (``plain_body``), by
#: the names MkDocs configures them with.
PLAIN_SAFE_EXTENSIONS = frozenset(
    name
    for short in ("toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition")
    for name in (short, f"markdown.extensions.{short}")
)
#: What Markdown could read as syntax in a line of text: inline markup, HTML, a ``&`` or
#: ``#`` outside an entity (``&#42;``), a line break; space at its ends.
_NOT_PLAIN = re.compile(
    r"[\\`*_\[\]<>{}|\t\r\n\x02\x03]|&(?!#[0-9]+;|#x[0-9a-fA-F]+;|[a-zA-Z0-9]+;)|(?<!&)#"
    r"|^\s|\s$"
)
#: Every character _NOT_PLAIN starts with but space: where none is in a paragraph and it
#: neither starts nor ends with space, it is plain (five times faster to rule out).
_MAYBE_NOT_PLAIN = re.compile(r"[\\`*_\[\]<>{}|\t\r\n\x02\x03&#]")
#: A block marker at the start of a paragraph: heading, list (any digit: ``\\d`` is what
#: Markdown matches), quote, rule, fence, admonition.
_BLOCK_MARK = re.compile(r"[-+#>=~!]|\d")


def plain_body(markdown: str, toc_marker: str = "[TOC]") -> tuple[str, str] | None:
    """An article body as the converter writes it (``# Title``, then paragraphs of text
    escaped by ``markup.escape_markdown``): its title line, for Markdown, and the HTML
    Python-Markdown makes of its paragraphs, each one ``<p>`` with the text as it is.
    None for any other body, which goes to Markdown whole. Markdown takes 1.5 ms for an
    article, as long as the theme's template; for the title line alone, 0.2 ms."""
    blocks = markdown.strip("\n").split("\n\n")
    if not blocks[0].startswith("# ") or "\n" in blocks[0]:
        return None
    paragraphs = blocks[1:]
    for block in paragraphs:
        if not block or _BLOCK_MARK.match(block):
            return None
        if (_MAYBE_NOT_PLAIN.search(block) or block[0].isspace() or block[-1].isspace()) and (
            _NOT_PLAIN.search(block)
        ):
            return None
        if block == toc_marker:
            return None  # the toc extension puts the table of contents there
    return blocks[0] + "\n", "\n".join(f"<p>{block}</p>" for block in paragraphs)


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
                entry += f" ({', '.join(as_text(text) for text in said)})"
            entries.append(entry)
        lines.append("<strong>Dates mentioned</strong> " + ", ".join(entries))
    if article.tags:
        tags = ", ".join(links.a(tag_label(t), uri, tag_uri(t)) for t in article.tags)
        lines.append(f"<strong>Tags</strong> {tags}")
    body = "".join(f"<p>{line}</p>" for line in lines)
    return f'<div class="newsdocs-meta">{body}</div>\n'


def _paragraph_spans(content: str) -> list[tuple[int, int]]:
    """Where the text of each ``<p>...</p>`` is (as ``<p>(.*?)</p>`` would find it)."""
    spans = []
    start = content.find("<p>")
    while start >= 0:
        end = content.find("</p>", start + 3)
        if end < 0:
            break
        spans.append((start + 3, end))
        start = content.find("<p>", end + 4)
    return spans


#: Links, code and tags inside a rendered paragraph: never linked into.
_PROTECTED = re.compile(r"<a\b[^>]*>.*?</a>|<code>.*?</code>|<[^>]*>", re.DOTALL)


def _shown(*names: str) -> tuple[str, ...]:
    """The non-empty forms the rendered body shows of these names."""
    return tuple(shown for name in names for shown in _as_shown(name) if shown)


@functools.lru_cache(maxsize=1 << 16)
def _as_shown(name: str) -> tuple[str, str]:
    """A name as the rendered body shows it: escaped for Markdown by the converter
    (``E&#42;Trade``, ``AT&amp;T``), or, where that escape differs at the start of a line
    (``&#43;Plus``), as plain escaped HTML."""
    return escape_markdown(name), html.escape(name, quote=False)


def link_mentions(content: str, article: ArticleInfo, index: EntityIndex, links: Links) -> str:
    """Link the first mention of each entity in the rendered body to its page.

    Works on the HTML of the body: only paragraphs, never inside a heading, a link, code
    or a tag; names are matched as the text shows them (``AT&amp;T``, ``E&#42;Trade``).
    """
    uri = article.src_uri
    # Each name of the article, the entity it stands for here (index.ref once per name),
    # and the forms the body shows of it and of its aliases.
    named = [
        (kind, name, index.ref(kind, name, article), _shown(name),
         _shown(*article.aliases.get(name, ())))
        for kind in KINDS
        for name in article.names[kind]
    ]  # fmt: skip
    # Names first, then aliases: an alias ("Georgia" for Georgia Smith) never takes the
    # name of another entity (the place Georgia) from it.
    owner: dict[str, EntityRef] = {}
    linked = [ref for ref in index.article_entities.get(uri, []) if index.has_page(ref)]
    for aliases in (False, True):
        for ref in linked:
            for kind, name, entity, own, of_aliases in named:
                if kind == ref.kind and (name == ref.name or entity == ref):
                    for shown in of_aliases if aliases else own:
                        owner.setdefault(shown, ref)
            if not aliases:
                for shown in _shown(ref.name):
                    owner.setdefault(shown, ref)
    if not owner:
        return content
    paragraphs = _paragraph_spans(content)
    texts = [content[start:end] for start, end in paragraphs]
    every_text = "\n".join(texts)
    forms: dict[EntityRef, list[str]] = {}
    for form, ref in owner.items():
        if form in every_text:  # a form not in the text is in no paragraph
            forms.setdefault(ref, []).append(form)
    # Every name as shown, by what it stands for (with a page or not), so that a name
    # inside another one's longer name is not taken for a mention.
    shown_by: dict[object, set[str]] = {}
    for kind, name, entity, own, of_aliases in named:
        for shown in (*own, *of_aliases):
            shown_by.setdefault(owner.get(shown) or entity or (kind, name), set()).add(shown)
    for ref, ref_forms in forms.items():
        shown_by.setdefault(ref, set()).update(ref_forms)
    longer = longer_names(shown_by)
    found: dict[int, list[tuple[int, int, EntityRef]]] = {}
    protected = [
        [m.span() for m in _PROTECTED.finditer(text)] if "<" in text else [] for text in texts
    ]
    for ref, names in forms.items():
        for number, text in enumerate(texts):
            blocked = None
            best = None
            for name in names:
                position = find_word(text, name)
                if position < 0:
                    continue
                if blocked is None:
                    blocked = protected[number] + [(s, e) for s, e, _ in found.get(number, [])]
                while position >= 0 and (
                    any(s < position + len(name) and position < e for s, e in blocked)
                    or ((ref, name) in longer
                        and inside_longer(text, position, len(name), longer[ref, name]))
                ):  # fmt: skip
                    position = find_word(text, name, position + 1)
                if position >= 0 and (best is None or position < best[0]):
                    best = (position, position + len(name))
            if best is not None:
                found.setdefault(number, []).append((*best, ref))
                break
    if not found:
        return content
    pieces, last = [], 0
    for number, (start, end) in enumerate(paragraphs):
        if number not in found:
            continue
        text = texts[number]
        for first, after, ref in sorted(found[number], reverse=True):
            target = links.href(uri, ref.src_uri)
            text = f'{text[:first]}<a href="{target}">{text[first:after]}</a>{text[after:]}'
        pieces += [content[last:start], text]
        last = end
    pieces.append(content[last:])
    return "".join(pieces)


#: Where a hand-written page (the home page) wants the newest articles listed.
NEWEST_MARKER = "<!-- newsdocs:newest -->"


def newest(index: EntityIndex, links: Links, from_uri: str, count: int = 10) -> str:
    """The newest articles as a list, with a link to the archive for the rest."""
    items = "".join(
        f"<li>{_article_line(article, from_uri, links)}</li>" for article in index.articles[:count]
    )
    more = links.a("All articles, by year and month", from_uri, "archive/index.md")
    return f'<ul class="newsdocs-articles">{items}</ul><p>{more}</p>' if items else ""


def add_to_article(content: str, *blocks: str) -> str:
    """Put blocks under the article's title (its first ``<h1>``), or at the top."""
    end = content.find("</h1>")
    if end < 0:
        return "".join(blocks) + content
    end += len("</h1>")
    return content[:end] + "\n" + "".join(blocks) + content[end:]


def related_block(article: ArticleInfo, index: EntityIndex, links: Links, limit: int = 5) -> str:
    related = index.related(article, limit)
    if not related:
        return ""
    items = "".join(f"<li>{_article_line(other, article.src_uri, links)}</li>" for other in related)
    return (
        '\n<section class="newsdocs-related"><h2 id="related-articles">Related articles</h2>'
        f"<ul>{items}</ul></section>\n"
    )


# --- generated pages -----------------------------------------------------------------------


def entity_link(ref: EntityRef, from_uri: str, index: EntityIndex, links: Links) -> str:
    """A link to the entity's page; to its one article when it has no page of its own."""
    if index.has_page(ref):
        return links.a(ref.name, from_uri, ref.src_uri)
    article = index.entities[ref][0].article
    return links.a(ref.name, from_uri, article.src_uri)


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


def kind_index(kind: Kind, index: EntityIndex, links: Links) -> Generated:
    """``/people/`` and friends: every entity of the kind with its article count."""
    uri = f"{SECTION[kind]}/index.md"
    entities = index.of_kind(kind)
    page = _Page(KIND_TITLE[kind])
    page.add(f"<p>{len(entities)} {SECTION[kind]} in the archive.</p>")
    # Named in more than one article: on a small archive, the A to Z list says it all.
    top = sorted(
        (item for item in entities if len(item[1]) > 1),
        key=lambda item: (-len(item[1]), item[0].name),
    )[:20]
    if top:
        page.heading(2, "Most mentioned")
        page.items([f"{entity_link(ref, uri, index, links)} ({len(apps)})" for ref, apps in top])
    groups: dict[str, list[str]] = defaultdict(list)
    for ref, apps in entities:
        initial = ref.name[:1].upper()
        initial = initial if initial.isalpha() and initial.isascii() else "#"
        groups[initial].append(f"{entity_link(ref, uri, index, links)} ({len(apps)})")
    page.heading(2, "A to Z")
    for initial in sorted(groups):
        page.heading(3, "Other" if initial == "#" else initial)
        page.items(groups[initial])
    return page.done()


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
    for uri, chunk, number in pages:
        page = _Page(ref.name)
        if description and number == 1:
            page.add(f"<p>{escape(description)}</p>")
        back = links.a(KIND_TITLE[ref.kind], uri, f"{SECTION[ref.kind]}/index.md")
        page.add(f"<p>{back} · mentioned in {count} {noun}.</p>")
        page.heading(2, "Articles")
        items = []
        for appearance in chunk:
            item = _article_line(appearance.article, uri, links)
            if appearance.sentence:
                item += f'<br><span class="newsdocs-sentence">{as_text(appearance.sentence)}</span>'
            items.append(item)
        page.items(items, "newsdocs-articles")
        if navigation := pager(pages, number, links):
            page.add(navigation)
        if with_whom and number == 1:
            page.heading(2, "Often mentioned with")
            names = ", ".join(f"{links.a(o.name, uri, o.src_uri)} ({n})" for o, n in with_whom)
            page.add(f"<p>{names}</p>")
        result[uri] = page.done()
    return result


def tags_index(tags: dict[str, list[ArticleInfo]], links: Links) -> Generated:
    """Every tag (``EntityIndex.tags``) with its count, children under their parents."""
    uri = "tags/index.md"
    page = _Page("Tags")
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
        page = _Page(tag_label(tag))
        page.add(f"<p>{links.a('All tags', uri, 'tags/index.md')}</p>")
        page.items([_article_line(article, uri, links) for article in chunk])
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
    home = _Page("Archive")
    home.add(f"<p>{len(index.articles)} articles.</p>")
    items = []
    for year in sorted(by_year, key=lambda year: (year != "undated", year), reverse=True):
        uri = f"archive/{year}.md"
        label = "Undated" if year == "undated" else year
        items.append(f"{links.a(label, 'archive/index.md', uri)} ({len(by_year[year])})")
        page = _Page(label)
        page.add(f"<p>{links.a('Archive', uri, 'archive/index.md')}</p>")
        months: dict[int, list[ArticleInfo]] = defaultdict(list)
        for article in by_year[year]:
            months[article.date.month if article.date else 0].append(article)
        for month in sorted(months, reverse=True):
            if month:
                page.heading(2, f"{MONTH_NAMES[month - 1]} {year}")
            page.items([_article_line(article, uri, links) for article in months[month]])
        pages[uri] = page.done()
    home.items(items)
    pages["archive/index.md"] = home.done()
    return pages


def dates_pages(index: EntityIndex, links: Links) -> dict[str, Generated]:
    """``dates/index.md`` and a page per year (decade, century...) of the dates articles
    mention (``date_page_of``)."""
    by_page: dict[DatePage, dict[str, list]] = defaultdict(dict)
    for value, mentions in index.dates().items():
        by_page[date_page_of(value)][value] = mentions
    pages = {}
    home = _Page("Dates mentioned")
    home.add(
        "<p>Dates the articles talk about: a page per year, and for decades and centuries "
        "spoken of as such; then dates whose year is unknown, and the past, present and "
        "future the articles speak of.</p>"
    )
    items = []
    for page_of, values in sorted(by_page.items(), key=lambda item: item[0].order, reverse=True):
        uri = page_of.uri
        # Articles, as every other index counts (not mentions).
        count = len({article.src_uri for m in values.values() for _, article in m})
        items.append(f"{links.a(page_of.title, 'dates/index.md', uri)} ({count})")
        page = _Page(page_of.title)
        page.add(f"<p>{links.a('Dates mentioned', uri, 'dates/index.md')}</p>")
        for value in sorted(values, key=_value_order):
            page.heading(2, date_label(value), value)
            page.items(
                [
                    f"{_article_line(article, uri, links)} ({as_text(text)})"
                    for text, article in values[value]
                ]
            )
        pages[uri] = page.done()
    home.items(items)
    pages["dates/index.md"] = home.done()
    return pages
