"""The page contract: one article page, as the converter writes it and the site reads it.

``ArticlePage`` is the value; ``dumps`` gives its text (YAML front matter, then the body) and
``loads`` reads it back, checking every field: a page that breaks the contract raises
``PageError`` naming the file, the field and the fix. ``FIELDS`` describes each field once,
for the validator, the JSON Schema (``json_schema``, committed as
``schema/article-page.schema.json``) and the README.

Every text value is stored as ``escape_text`` leaves it: the characters HTML or Markdown
could read as markup are entities, so that a theme printing a field as it is, or Markdown
reading a page whose front matter does not parse, shows text and never runs it. Each name
carries where the body mentions it (``Position``): the site links and quotes mentions from
these positions and never searches the text for names.

Data flows one way: the converter builds ArticlePages, the archive reads them; neither
imports the other.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple
from urllib.parse import quote

import yaml

from build_tools import front_matter, timex
from build_tools.errors import PageError
from build_tools.markup import escape_markdown, escape_text
from build_tools.model import KINDS, SECTION, Kind


class Position(NamedTuple):
    """Where a mention is: paragraph 0 is the title, 1 the first paragraph of the body;
    ``start`` and ``end`` are character offsets into that paragraph's text. (A named tuple:
    a large archive holds hundreds of thousands, made on every build.)"""

    paragraph: int
    start: int
    end: int

    def __str__(self) -> str:
        return f"{self.paragraph}:{self.start}-{self.end}"


@dataclass(frozen=True)
class Named:
    """A canonical name of a person, place or organization and where the text names it."""

    name: str
    at: tuple[Position, ...] = ()


@dataclass(frozen=True)
class DateRef:
    """A date the article mentions: its TIMEX3 value, the words used, where."""

    value: str
    text: str
    at: tuple[Position, ...] = ()


@dataclass(frozen=True)
class GeoFact:
    """Gazetteer facts about a place named in the article."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None


@dataclass(frozen=True)
class Provenance:
    """Where the page came from and which converter made it."""

    source_file: str
    sha256: str
    encoding: str = "utf-8"
    stripped: tuple[str, ...] = ()
    generator: str = ""
    written: str = ""  # SHA-256 of the page as written, without its own line


@dataclass(frozen=True)
class ArticlePage:
    """One article page: front matter fields and the body's paragraphs, as plain text."""

    title: str
    paragraphs: tuple[str, ...]
    date: dt.date | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    people: tuple[Named, ...] = ()
    places: tuple[Named, ...] = ()
    organizations: tuple[Named, ...] = ()
    dates: tuple[DateRef, ...] = ()
    tags: tuple[str, ...] = ()
    summary: str = ""
    geo: tuple[GeoFact, ...] = ()
    provenance: Provenance | None = field(default=None, compare=False)

    def named(self, kind: Kind) -> tuple[Named, ...]:
        return getattr(self, SECTION[kind])

    def paragraph(self, number: int) -> str:
        """The text positions count in: 0 the title, 1 the body's first paragraph."""
        return self.title if number == 0 else self.paragraphs[number - 1]

    def text_of(self, position: Position) -> str:
        """The words at a position (title or paragraph)."""
        return self.paragraph(position.paragraph)[position.start : position.end]


#: Every front-matter field: its JSON Schema and what it means (README, schema, errors).
FIELDS: dict[str, dict[str, Any]] = {
    "title": {"type": "string", "minLength": 1, "description": "the article's title"},
    "date": {"type": "string", "format": "date", "description": "publication date, YYYY-MM-DD"},
    "source": {"type": "string", "description": "who published it (VOA News)"},
    "url": {"type": "string", "pattern": "^https?://", "description": "where it was published"},
    "author": {"type": "string", "description": "who wrote it"},
    **{
        SECTION[kind]: {
            "type": "object",
            "additionalProperties": {"type": ["string", "null"], "pattern": r"^(\d+:\d+-\d+ ?)*$"},
            "description": f"canonical names of {SECTION[kind]}, each with where the text names"
            " it: 'paragraph:start-end' (paragraph 0 is the title), separated by spaces",
        }
        for kind in KINDS
    },
    "dates": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["value", "text"],
            "additionalProperties": False,
            "properties": {
                "value": {"type": "string", "description": "TIMEX3 value: 2019-01-18, 2019-W03"},
                "text": {"type": "string", "description": "the words the article used"},
                "at": {"type": "string", "pattern": r"^(\d+:\d+-\d+ ?)*$"},
            },
        },
        "description": "dates mentioned, with their TIMEX3 values and positions",
    },
    "tags": {"type": "array", "items": {"type": "string"}, "description": "topic tags"},
    "summary": {"type": "string", "description": "the lead paragraph"},
    "geo": {
        "type": "array",
        "items": {
            "type": "object",
            "required": ["name"],
            "additionalProperties": False,
            "properties": {
                "name": {"type": "string"},
                "country": {"type": "string", "pattern": "^[A-Z]{2}$"},
                "lat": {"type": "number", "minimum": -90, "maximum": 90},
                "lon": {"type": "number", "minimum": -180, "maximum": 180},
            },
        },
        "description": "country code and, for unambiguous cities, coordinates (GeoNames)",
    },
    "provenance": {
        "type": "object",
        "required": ["source_file", "sha256", "generator"],
        "additionalProperties": False,
        "properties": {
            "source_file": {"type": "string"},
            "sha256": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
            "encoding": {"type": "string"},
            "stripped": {"type": "array", "items": {"type": "string"}},
            "generator": {"type": "string"},
            "written": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        },
        "description": "the source file, the SHA-256 of its bytes, its encoding, the web"
        " trailer stripped from it, the converter that made the page, and the SHA-256 of the"
        " page as written (without this line): a hand edit shows as a mismatch",
    },
}
REQUIRED = ("title", "provenance")


def json_schema() -> dict:
    """The JSON Schema of an article page's front matter (dates as ISO strings)."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "newsdocs article page front matter",
        "type": "object",
        "required": list(REQUIRED),
        "additionalProperties": False,
        "properties": FIELDS,
    }


_HTTP_URL = re.compile(r"https?://[^\s<>\"]+")
#: Characters a URL keeps as they are; any other is percent-encoded.
_URL_SAFE = ":/?#[]@!$&'()*+,;=%-._~"


def http_url(text: str) -> str | None:
    """An http(s) address as pages store it (the scheme in lower case, characters a URL
    cannot hold percent-encoded), or None for anything else."""
    scheme, separator, rest = text.strip().partition("://")
    if not separator or scheme.lower() not in {"http", "https"} or not rest:
        return None
    url = f"{scheme.lower()}://{quote(rest, safe=_URL_SAFE)}"
    return url if _HTTP_URL.fullmatch(url) else None


# --- writing -------------------------------------------------------------------------------


def _positions(at: tuple[Position, ...]) -> str | None:
    return " ".join(str(position) for position in at) or None


def front_matter_of(page: ArticlePage) -> dict:
    """The page's front matter, in a fixed key order, every text escaped (``escape_text``)."""
    text = escape_text
    metadata: dict = {
        "title": text(page.title),
        "date": page.date,
        "source": text(page.source) if page.source else None,
        "url": text(page.url) if page.url else None,
        "author": text(page.author) if page.author else None,
        **{
            SECTION[kind]: {text(named.name): _positions(named.at) for named in page.named(kind)}
            for kind in KINDS
        },
        "dates": [
            {"value": date.value, "text": text(date.text)}
            | ({"at": _positions(date.at)} if date.at else {})
            for date in page.dates
        ],
        "tags": [text(tag) for tag in page.tags],
        "summary": text(page.summary),
        "geo": [
            {key: value for key, value in vars(fact).items() if value is not None}
            | {"name": text(fact.name)}
            for fact in page.geo
        ],
    }
    if page.provenance is not None:
        provenance = page.provenance
        metadata["provenance"] = {
            "source_file": text(provenance.source_file, one_line=False),
            "sha256": provenance.sha256,
            "encoding": provenance.encoding,
            "stripped": [text(line) for line in provenance.stripped],
            "generator": provenance.generator,
        }
        if provenance.written:
            metadata["provenance"]["written"] = provenance.written
    return {key: value for key, value in metadata.items() if value not in (None, [], {}, "")}


def body_of(page: ArticlePage) -> str:
    """The body: the title as a heading, then the paragraphs, escaped for Markdown."""
    parts = [f"# {escape_markdown(page.title)}"]
    parts.extend(escape_markdown(paragraph) for paragraph in page.paragraphs)
    return "\n\n".join(parts) + "\n"


def dumps(page: ArticlePage) -> str:
    """The whole page text. The same page always gives the same bytes. A page with a
    provenance records the SHA-256 of its own text (``written``, hashed without that line):
    ``hand_edited`` tells a page a person changed from the page the converter wrote."""
    if page.provenance is not None:
        page = replace(page, provenance=replace(page.provenance, written=""))
    meta = yaml.dump(
        front_matter_of(page), Dumper=front_matter.SafeDumper, **front_matter.DUMP_OPTIONS
    )
    text = f"---\n{meta}---\n\n{body_of(page)}"
    if page.provenance is None:
        return text
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    head, generator, rest = text.partition(_GENERATOR_LINE.search(text)[0])
    return f"{head}{generator}  written: {digest}\n{rest}"


_GENERATOR_LINE = re.compile(r"^  generator: .*\n", re.M)
_WRITTEN_LINE = re.compile(r"^  written: ([0-9a-f]{64})\n", re.M)


def hand_edited(text: str) -> bool | None:
    """Whether a generated page's text differs from what the converter wrote (its
    ``provenance.written`` hash); None for a page that records no hash (an older page)."""
    found = _WRITTEN_LINE.search(text)
    if found is None:
        return None
    unwritten = text[: found.start()] + text[found.end() :]
    return hashlib.sha256(unwritten.encode("utf-8")).hexdigest() != found[1]


# --- reading -------------------------------------------------------------------------------

_POSITION = re.compile(r"(\d{1,9}):(\d{1,9})-(\d{1,9})")
_POSITIONS = re.compile(r"\d{1,9}:\d{1,9}-\d{1,9}(?: \d{1,9}:\d{1,9}-\d{1,9})*")


def loads(text: str, path: str, cache: front_matter.FrontMatterCache | None = None) -> ArticlePage:
    """Read a page's text; PageError names the field and the fix when it breaks the contract."""
    return from_front_matter(*_front_matter(text, path, cache), path)


def read_article(
    text: str, path: str, cache: front_matter.FrontMatterCache | None = None
) -> tuple[ArticlePage, str] | None:
    """(page, body) of an article page; None for a page without provenance (written by
    hand); PageError when it breaks the contract."""
    meta, body = _front_matter(text, path, cache)
    return (from_front_matter(meta, body, path), body) if is_article(meta) else None


def _front_matter(
    text: str, path: str, cache: front_matter.FrontMatterCache | None
) -> tuple[object, str]:
    """(metadata, body) of a page; a front matter that cannot be read is a PageError."""
    try:
        return (cache or front_matter.NO_CACHE).read(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f" (line {mark.line + 2})" if mark is not None else ""
        hint = (
            "resolve the merge conflict (remove the <<<<<<<, ======= and >>>>>>> lines)"
            if "<<<<<<<" in text or "\n=======" in text
            else "fix the YAML, or run `make pages` to write the page again"
        )
        raise PageError(
            path, "front matter", f"is not valid YAML{where}: {error.problem}", hint
        ) from None
    except (yaml.YAMLError, ValueError) as error:  # ValueError: a date such as 2019-02-30
        hint = ("write dates as YYYY-MM-DD (a real day)" if isinstance(error, ValueError)
                else "run `make pages` to write the page again")  # fmt: skip
        raise PageError(path, "front matter", f"cannot be read ({error})", hint) from None


def is_article(meta: object) -> bool:
    """Whether front matter is an article's (it has a provenance); other pages under the
    articles folder are written by hand and left to the site generator."""
    return isinstance(meta, dict) and "provenance" in meta


def paragraphs_of(body: str) -> tuple[str, tuple[str, ...]]:
    """(title, paragraphs) of a body as ``body_of`` writes it, back to plain text."""
    blocks = [block.strip() for block in body.strip("\n").split("\n\n") if block.strip()]
    title = ""
    if blocks and blocks[0].startswith("# "):
        title = html.unescape(blocks.pop(0)[2:].strip())
    return title, tuple(html.unescape(" ".join(block.split())) for block in blocks)


def from_front_matter(meta: object, body: str, path: str) -> ArticlePage:
    """An ArticlePage from parsed front matter and the body; PageError when one is wrong."""
    if not isinstance(meta, dict):
        raise PageError(
            path,
            "front matter",
            f"is a {type(meta).__name__}, not a mapping",
            "write one 'field: value' per line",
        )
    for key in meta:
        if key not in FIELDS:
            raise PageError(
                path,
                str(key),
                "is not a field of an article page",
                f"remove it; the fields are {', '.join(FIELDS)}",
            )
    for key in REQUIRED:
        if key not in meta:
            raise PageError(path, key, "is missing", "run `make pages` to write the page again")
    check = _Checker(path)
    title = check.text(meta, "title", required=True)
    _, paragraphs = paragraphs_of(body)
    lengths = [len(title), *(len(p) for p in paragraphs)]
    names = {kind: check.named(meta, SECTION[kind], lengths) for kind in KINDS}
    return ArticlePage(
        title=title,
        paragraphs=paragraphs,
        date=check.date(meta),
        source=check.text(meta, "source"),
        url=check.url(meta),
        author=check.text(meta, "author"),
        people=names["person"],
        places=names["place"],
        organizations=names["organization"],
        dates=check.dates(meta, lengths),
        tags=tuple(check.strings(meta, "tags")),
        summary=check.text(meta, "summary") or "",
        geo=check.geo(meta),
        provenance=check.provenance(meta),
    )


class _Checker:
    """Field readers that raise PageError naming the field, the problem and the fix."""

    def __init__(self, path: str) -> None:
        self.path = path

    def fail(self, key: str, problem: str, hint: str) -> PageError:
        return PageError(self.path, key, problem, hint)

    def text(self, meta: dict, key: str, required: bool = False) -> str | None:
        value = meta.get(key)
        if value is None or value == "":
            if required:
                raise self.fail(key, "is empty", f"write the {key} as text")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            raise self.fail(
                key, f"is a {type(value).__name__}, not text", f"write '{key}: some text'"
            )
        return unescape(str(value))

    def strings(self, meta: dict, key: str) -> list[str]:
        value = meta.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "is not a list of text", f"write '{key}: [a, b]'")
        return [unescape(v) for v in value]

    def date(self, meta: dict) -> dt.date | None:
        value = meta.get("date")
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raise self.fail(
            "date",
            f"is not a date: {str(value)[:40]!r}",
            "write the publication date as YYYY-MM-DD",
        )

    def url(self, meta: dict) -> str | None:
        url = self.text(meta, "url")
        if url is not None and not _HTTP_URL.fullmatch(url):
            raise self.fail(
                "url",
                f"is not an http(s) address: {url[:60]!r}",
                "write the full address, starting with https://",
            )
        return url

    def positions(self, value: object, key: str, lengths: list[int]) -> tuple[Position, ...]:
        if value is None or value == "":
            return ()
        if not isinstance(value, str):
            raise self.fail(
                key,
                f"has {value!r} for positions",
                "write positions as 'paragraph:start-end', separated by spaces",
            )
        if _POSITIONS.fullmatch(value):  # the usual case, checked at once
            found = [Position(int(p), int(s), int(e)) for p, s, e in _POSITION.findall(value)]
            if all(p < len(lengths) and s < e <= lengths[p] for p, s, e in found):
                return tuple(found)
        found = []
        for part in value.split():
            match = _POSITION.fullmatch(part)
            if not match:
                raise self.fail(
                    key,
                    f"has a position {part!r} that is not paragraph:start-end",
                    "write e.g. '2:14-26' (paragraph 2, characters 14 to 26)",
                )
            paragraph, start, end = (int(g) for g in match.groups())
            if paragraph >= len(lengths) or not start < end <= lengths[paragraph]:
                raise self.fail(
                    key,
                    f"has a position {part!r} outside the text",
                    "run `make pages` to write the page again, or remove the position",
                )
            found.append(Position(paragraph, start, end))
        return tuple(found)

    def named(self, meta: dict, key: str, lengths: list[int]) -> tuple[Named, ...]:
        value = meta.get(key)
        if value is None:
            return ()
        if not isinstance(value, dict):
            raise self.fail(
                key,
                f"is a {type(value).__name__}, not a mapping of names",
                f"write one name per line under '{key}:', as 'Jane Doe: 1:0-8'"
                " (where the text names her) or 'Jane Doe:'",
            )
        named = []
        for name, positions in value.items():
            if not isinstance(name, str) or not name.strip():
                raise self.fail(key, f"has a name {name!r} that is not text", "quote the name")
            named.append(Named(unescape(name), self.positions(positions, f"{key}.{name}", lengths)))
        return tuple(named)

    def dates(self, meta: dict, lengths: list[int]) -> tuple[DateRef, ...]:
        value = meta.get("dates")
        if value is None:
            return ()
        hint = "write each date as '- {value: 2019-02, text: late February}'"
        if not isinstance(value, list):
            raise self.fail("dates", "is not a list", hint)
        found = []
        for number, item in enumerate(value, 1):
            key = f"dates[{number}]"
            if not isinstance(item, dict) or set(item) - {"value", "text", "at"}:
                raise self.fail(key, "is not a mapping of value, text and at", hint)
            date_value = item.get("value")
            if not isinstance(date_value, str) or not timex.is_value(date_value):
                raise self.fail(
                    f"{key}.value",
                    f"{date_value!r} is not a TIMEX3 date value",
                    "write e.g. 2019-02-17, 2019-02, 2019-W07, XXXX-02 or PAST_REF",
                )
            words = item.get("text")
            if not isinstance(words, str):
                raise self.fail(f"{key}.text", "is not text", hint)
            found.append(
                DateRef(
                    date_value,
                    unescape(words),
                    self.positions(item.get("at"), f"{key}.at", lengths),
                )
            )
        return tuple(found)

    def geo(self, meta: dict) -> tuple[GeoFact, ...]:
        value = meta.get("geo")
        if value is None:
            return ()
        hint = "write each place as '- {name: Pyongyang, country: KP, lat: 39.0, lon: 125.7}'"
        if not isinstance(value, list):
            raise self.fail("geo", "is not a list", hint)
        facts = []
        for number, item in enumerate(value, 1):
            key = f"geo[{number}]"
            if not isinstance(item, dict) or set(item) - {"name", "country", "lat", "lon"}:
                raise self.fail(key, "is not a mapping of name, country, lat and lon", hint)
            name, country = item.get("name"), item.get("country")
            lat, lon = item.get("lat"), item.get("lon")
            if not isinstance(name, str) or (
                country is not None
                and not (isinstance(country, str) and re.fullmatch("[A-Z]{2}", country))
            ):
                raise self.fail(key, "needs a name and a two-letter country code", hint)
            for coordinate, limit in ((lat, 90), (lon, 180)):
                if coordinate is not None and (
                    isinstance(coordinate, bool)
                    or not isinstance(coordinate, int | float)
                    or not -limit <= coordinate <= limit
                ):
                    raise self.fail(key, f"has an impossible coordinate {coordinate!r}", hint)
            facts.append(GeoFact(unescape(name), country, lat, lon))
        return tuple(facts)

    def provenance(self, meta: dict) -> Provenance:
        value = meta.get("provenance")
        hint = "run `make pages` to write the page again"
        if not isinstance(value, dict):
            raise self.fail("provenance", "is not a mapping", hint)
        extra = set(value) - {"source_file", "sha256", "encoding", "stripped", "generator",
                              "written"}  # fmt: skip
        if extra:
            raise self.fail(f"provenance.{sorted(extra)[0]}", "is not a provenance field", hint)
        fields = {}
        for key in ("source_file", "sha256", "encoding", "generator"):
            item = value.get(key, "utf-8" if key == "encoding" else None)
            if not isinstance(item, str):
                raise self.fail(f"provenance.{key}", "is missing or not text", hint)
            fields[key] = item
        stripped = value.get("stripped") or []
        if not isinstance(stripped, list) or not all(isinstance(s, str) for s in stripped):
            raise self.fail("provenance.stripped", "is not a list of lines", hint)
        return Provenance(
            source_file=unescape(fields["source_file"]),
            sha256=fields["sha256"],
            encoding=fields["encoding"],
            stripped=tuple(unescape(line) for line in stripped),
            generator=fields["generator"],
            written=value["written"] if isinstance(value.get("written"), str) else "",
        )


def unescape(text: str) -> str:
    """Text as ``escape_text`` stored it -> plain text."""
    return html.unescape(text) if "&" in text else text


def main(argv: list[str] | None = None) -> int:
    """``python -m build_tools.page``: print the JSON Schema (``schema/`` holds it)."""
    import json
    import sys

    sys.stdout.write(json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
