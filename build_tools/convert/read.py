"""Bytes on disk -> Source: encoding, line ends and the optional YAML header."""

from __future__ import annotations

import codecs
import datetime as dt
import difflib
import hashlib
import html
import re
from pathlib import Path

import ftfy
import yaml
from charset_normalizer import from_bytes

from build_tools.errors import SourceError
from build_tools.front_matter import DuplicateKeyError, UniqueKeys, load_yaml
from build_tools.model import Source, slugify
from build_tools.page import http_url

#: Keys a source header may carry, with what each is for (shown in errors and the README).
HEADER_FIELDS = {
    "title": "the title, when the first line is not it",
    "date": "publication date, YYYY-MM-DD",
    "source": "who published it, e.g. VOA News",
    "url": "where it was published (http or https)",
    "author": "who wrote it",
    "tags": "extra topic tags, a list",
    "add": "names to add: {people: [...], places: [...], organizations: [...]}",
    "drop": "names to drop: {people: [...], places: [...], organizations: [...]}",
}
CORRECTION_KINDS = ("people", "places", "organizations")

#: File signatures of formats people save by mistake under a .txt name.
_MAGIC = (
    (b"%PDF-", "PDF"), (b"\x89PNG", "PNG image"), (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"PK\x03\x04", "ZIP (or Word/OpenDocument)"),
    (b"{\\rtf", "RTF"), (b"\xd0\xcf\x11\xe0", "Microsoft Office"), (b"\x1f\x8b", "gzip"),
    (b"<!DOCTYPE html", "HTML"), (b"<html", "HTML"),
)  # fmt: skip
#: Larger sources are refused: an article is a few kilobytes, and the model reads at most
#: a million characters at a time.
MAX_SOURCE_BYTES = 1_000_000
#: Entries a header list (tags, add, drop) may hold: 30,000 added names made 30,000 pages.
MAX_LIST = 100

_FTFY = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=False,
)


def decode(raw: bytes, path: str) -> tuple[str, str, list[str]]:
    """Decode source bytes; return (text, encoding, warnings).

    UTF-8 (with or without BOM) and UTF-16/32 with a BOM are taken as they are; anything else
    is detected, with a warning that names the file. Binary data is refused.
    """
    warnings: list[str] = []
    for bom, encoding in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if raw.startswith(bom):
            try:
                return raw.decode(encoding), encoding, warnings
            except UnicodeDecodeError as error:
                raise SourceError(
                    path,
                    f"the file starts with a {encoding} byte-order mark but is not valid {encoding}"
                    f" ({error.reason} at byte {error.start})",
                    "save it again as UTF-8",
                ) from None
    for magic, kind in _MAGIC:
        if raw.startswith(magic):
            raise SourceError(
                path,
                f"this is a {kind} file, binary data and not text",
                "save the article as a plain text file (.txt, UTF-8), or remove this file",
            )
    if b"\x00" in raw:
        raise SourceError(
            path,
            "this looks like a binary file, not text (it contains NUL bytes)",
            "save the article as plain text (.txt, UTF-8) or remove the file",
        )
    try:
        return raw.decode("utf-8"), "utf-8", warnings
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None or best.encoding is None:
        raise SourceError(
            path,
            "the text encoding could not be recognised; this may not be a text file",
            "save the article as plain text in UTF-8",
        )
    encoding = best.encoding
    # Detection on a short text often confuses the single-byte Western code pages; for an
    # English-language archive cp1252 (which holds the curly quotes 0x93/0x94 that Windows
    # editors write) is the likely one whenever it decodes the bytes.
    if encoding.startswith(("cp125", "latin", "iso8859", "mac_", "cp850", "cp437")):
        try:
            text, encoding = raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            text = raw.decode(encoding)
    else:
        text = raw.decode(encoding)
    warnings.append(f"{path}: not UTF-8; read it as {encoding}. Save it as UTF-8 to be sure.")
    return text, encoding, warnings


def normalise_text(text: str, path: str, warnings: list[str]) -> str:
    """Unify line ends, repair mojibake (``â€™``) and drop control characters."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fixed = ftfy.fix_text(text, _FTFY)
    if fixed != text and ftfy.fix_encoding(text) != text:
        warnings.append(f"{path}: repaired mis-decoded characters (mojibake such as â€™).")
    return _NOT_TEXT.sub("", fixed)


def decode_references(body: str) -> str:
    """The characters of the numeric character references a page saved as text kept
    ("caf&#233;", "&#163;1.8m", "Pascal Pap&#233;", "Blair&#39;s": 13 in the BBC corpus),
    as a browser reads them (``html.unescape``: "&#146;" is cp1252's ’; a surrogate, an
    impossible number or a control is nothing); a line break or a tab written so is a
    space, never a new line or paragraph. Only the body: a header is YAML, where "#"
    starts a comment. Named references ("&lt;b&gt;", "&amp;") stay as written. Whatever
    the characters, the page escapes them as text. Mojibake the references spelt
    ("Caf&#195;&#169;") is repaired after."""
    if "&#" not in body:
        return body
    decoded = _NUMERIC_REFERENCE.sub(_character, body)
    if "\u00bf" in decoded:
        decoded = _LOST_APOSTROPHE.sub("\u2019", decoded)
    # (ftfy keeps line separators the references spell as separators, "&#226;&#128;&#168;",
    # and they are spaces too.)
    fixed = ftfy.fix_text(decoded, _FTFY_SPELT)
    return _NOT_TEXT.sub("", _SEPARATORS.sub(" ", fixed))


_NUMERIC_REFERENCE = re.compile(r"&#(?:[0-9]{1,8}|[xX][0-9a-fA-F]{1,8});")
_FTFY_SPELT = _FTFY._replace(fix_line_breaks=False)
_SEPARATORS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
#: An inverted question mark inside a word is an apostrophe a publishing system lost
#: ("person&#191;s health", "Mr Blair&#191;s government"): no English word holds one.
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u00bf(?=[A-Za-z])")


def _character(found: re.Match[str]) -> str:
    """A numeric reference's character; white space is a space (a line or paragraph
    separator too), and a reference to no character (a surrogate, "&#0;") is none."""
    character = html.unescape(found[0])
    return " " if character.isspace() else character.replace("\ufffd", "")


#: Characters that are no text: controls but tab and line feed, noncharacters (U+FFFE,
#: U+FFFF, U+FDD0-U+FDEF and their like in every plane), lone surrogates. XML cannot hold
#: them (the feed), and no reader wants them.
_NOT_TEXT = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ufdd0-\ufdef\ud800-\udfff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


class _HeaderLoader(UniqueKeys, yaml.SafeLoader):
    """Safe YAML that leaves dates as text, so that a bad one gets our own message."""


_HeaderLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _short(value: str, width: int) -> str:
    """A value quoted in a message, cut to ``width`` characters with "..." where cut."""
    return value if len(value) <= width else value[: width - 3] + "..."


def split_header(text: str, path: str) -> tuple[dict, str]:
    """Split an optional ``---`` YAML header from the text and validate it."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        fields = [line.partition(":")[0].strip().casefold() for line in lines[:2] if ":" in line]
        if len(fields) == 2 and all(field in HEADER_FIELDS for field in fields):
            # "date: 2024-03-15" then "source: AP" would become the title and the text.
            raise SourceError(
                path,
                f"the file starts with header fields ({fields[0]}:, {fields[1]}:) but no"
                " '---' line before them",
                "put a line with '---' before the header fields and another after them",
            )
        return {}, text
    for index in range(1, len(lines)):
        if lines[index].strip() in {"---", "..."}:
            break
    else:
        raise SourceError(
            path,
            "the header starts with '---' but never ends",
            "add a line with '---' after the header fields",
        )
    header_text = "\n".join(lines[1:index])
    body = "\n".join(lines[index + 1 :])
    try:
        header = load_yaml(header_text, _HeaderLoader)
    except DuplicateKeyError as error:
        raise SourceError(
            path,
            f"the header has a field twice (line {error.problem_mark.line + 2}: {error.problem})",
            "keep one line per field, with the value you mean",
        ) from None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 2}: " if mark is not None else ""
        raise SourceError(
            path,
            f"the header is not valid YAML ({where}{error.problem})",
            "quote values that contain ': ' or '#', or fix the indentation",
        ) from None
    except (yaml.YAMLError, ValueError) as error:
        raise SourceError(
            path,
            f"the header is not valid YAML ({error})",
            "check the dates (YYYY-MM-DD, a real day) and quote unusual values",
        ) from None
    if header is None:
        header = {}
    if not isinstance(header, dict):
        raise SourceError(
            path,
            f"the header must be a mapping of fields, not a {type(header).__name__}",
            "write one 'field: value' per line, e.g. 'date: 2019-01-19'",
        )
    return validate_header(header, path), body


def validate_header(header: dict, path: str) -> dict:
    """Check header field names and types; return a clean copy."""
    clean: dict = {}
    for key, value in header.items():
        if key not in HEADER_FIELDS:
            known = ", ".join(HEADER_FIELDS)
            raise SourceError(path, f"unknown header field {key!r}", f"use one of: {known}")
        if value is None:
            continue
        if key == "date":
            clean[key] = _parse_date(value, path)
        elif key in {"title", "source", "author", "url"}:
            if not isinstance(value, str | int | float):
                raise SourceError(
                    path, f"header field {key!r} must be text", f"write '{key}: some text'"
                )
            value = " ".join(_NOT_TEXT.sub("", str(value)).split())
            if key == "url":
                url = http_url(value)
                if url is None:
                    raise SourceError(
                        path,
                        f"header field 'url' must be an http(s) address, not {_short(value, 60)!r}",
                        "write the full address, starting with https://",
                    )
                value = url
            else:  # "title: Caf&#233;", as the text's first line would be
                value = " ".join(decode_references(value).split())
            clean[key] = value
        elif key == "tags":
            tags = []
            for tag in _string_list(value, key, path):
                parts = [slugify(part) for part in tag.split("/")[:2]]
                tags.append(_checked_tag("/".join(parts), tag, path))
            clean[key] = tags
        else:  # add / drop
            if not isinstance(value, dict) or any(k not in CORRECTION_KINDS for k in value):
                raise SourceError(
                    path,
                    f"header field {key!r} must map people/places/organizations to lists",
                    f"write e.g. '{key}: {{people: [Jane Doe]}}'",
                )
            clean[key] = {
                kind: _string_list(names, f"{key}.{kind}", path)
                for kind, names in value.items()
                if names
            }
    return clean


def _parse_date(value: object, path: str) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise SourceError(
            path,
            f"header field 'date' is not a valid date: {_short(str(value), 40)!r}",
            "write the publication date as YYYY-MM-DD, e.g. 'date: 2019-01-19'",
        ) from None


def _checked_tag(tag: str, written: str, path: str) -> str:
    """A header tag: one of the topic vocabulary, or one of the contributor's own, but not
    a near miss of a vocabulary tag (``politcs/diplomacy``, ``politics/diplomcy``), which
    would start a tag page of its own beside the real one. Parent and child are compared
    apart: ``economy-business-finance/tourism`` is one's own, not a near ``/trade``."""
    from build_tools.convert.tags import (
        load_vocabulary,  # the vocabulary, only for headers with tags
    )

    vocabulary = load_vocabulary()
    if tag in vocabulary:
        return tag
    parent, _, child = tag.partition("/")
    meant = None
    if parent not in vocabulary:
        tops = [topic.id for topic in vocabulary.topics if topic.parent is None]
        near = difflib.get_close_matches(parent, tops, n=1, cutoff=0.85)
        if near:
            meant = f"{near[0]}/{child}" if child else near[0]
    elif child:
        children = [t.id.partition("/")[2] for t in vocabulary.topics if t.parent == parent]
        near = difflib.get_close_matches(child, children, n=1, cutoff=0.85)
        meant = f"{parent}/{near[0]}" if near else None
    if meant:
        raise SourceError(
            path,
            f"header tag {written!r} is not in the topic vocabulary, but nearly {meant!r}",
            f"write '{meant}' (the list: build_tools/data/topics.yml), or a tag of your own"
            " that is not a near miss of one",
        )
    return tag


def _string_list(value: object, key: str, path: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise SourceError(
            path, f"header field {key!r} must be a list of names", f"write '{key}: [a, b]'"
        )
    if len(value) > MAX_LIST:
        raise SourceError(
            path,
            f"header field {key!r} lists {len(value):,} entries; at most {MAX_LIST}",
            "keep the names the article is about; the site makes a page for each",
        )
    return [clean for v in value if (clean := " ".join(_NOT_TEXT.sub("", str(v)).split()))]


def read_source(file: Path, root: Path) -> Source:
    """Read one source file into a Source, or raise SourceError saying what to fix."""
    path = file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()
    shown = f"{root.name}/{path}"
    try:
        size = file.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(
                shown,
                f"the file is {size / 1e6:.1f} MB; articles of up to "
                f"{MAX_SOURCE_BYTES / 1e6:.0f} MB are converted",
                "split it into one file per article, or remove it",
            )
        raw = file.read_bytes()
    except OSError as error:
        raise SourceError(shown, f"cannot be read ({error.strerror})", "check the file") from None
    text, encoding, warnings = decode(raw, shown)
    text = normalise_text(text, shown, warnings)
    header, body = split_header(text, shown)
    body = decode_references(body)
    return Source(
        path=path,
        text=body,
        sha256=hashlib.sha256(raw).hexdigest(),
        header=header,
        encoding=encoding,
        warnings=tuple(warnings),
        shown=shown,
    )
