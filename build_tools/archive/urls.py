"""Where pages are, links between them, and untrusted text made safe for HTML.

Free of MkDocs: ``Links`` computes URLs the way MkDocs serves ``docs/`` (directory URLs or
``.html``), for the plugin and for the files written for another engine alike.
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import re
from pathlib import Path
from urllib.parse import quote

from build_tools.front_matter import read_data
from build_tools.model import page_slug

KIND_TITLE = {"person": "People", "place": "Places", "organization": "Organizations"}
KIND_NAME = {"person": "Person", "place": "Place", "organization": "Organization"}


def escape(text: str) -> str:
    """Untrusted text -> HTML text."""
    return html.escape(text, quote=True)


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


class SourceLinks(Links):
    """Links between source files (``../people/x.md``), for an engine that resolves links
    against the page's source file and rewrites them itself (Zensical)."""

    def url(self, src_uri: str) -> str:
        return quote(src_uri, safe="/")

    def href(self, from_uri: str, to_uri: str, anchor: str = "") -> str:
        base = from_uri.split("/")[:-1]
        target = to_uri.split("/")
        common = 0
        while common < len(base) and common < len(target) - 1 and base[common] == target[common]:
            common += 1
        relative = "../" * (len(base) - common) + quote("/".join(target[common:]), safe="/")
        return relative + (f"#{quote(anchor)}" if anchor else "")


def long_date(value: dt.date) -> str:
    """A date as a reader says it: ``18 January 2019``."""
    from build_tools.timex import MONTH_NAMES

    return f"{value.day} {MONTH_NAMES[value.month - 1]} {value.year}"


def format_date(value: dt.date | None) -> str:
    return value.isoformat() if value else "undated"


def safe_url(url: str) -> str | None:
    """An http(s) URL made safe to put in a link, or None."""
    if not re.match(r"^https?://[^\s<>\"]+$", url or "", re.I):
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%-._~")


def tag_uri(tag: str) -> str:
    """``tags/politics.md``, a child ``tags/politics/diplomacy.md``: an own tag written
    ``Politics Diplomacy`` (``tags/politics-diplomacy.md``) never lands on the child's."""
    return "tags/" + "/".join(page_slug(part) for part in tag.split("/")) + ".md"


@functools.cache
def _topic_labels() -> dict[str, str]:
    """Tag id -> label of the topic vocabulary (``data/topics.yml``), as a reader reads it:
    ``Diplomacy``, not ``politics › diplomacy`` (the parent is shown as a link)."""
    data = read_data(Path(__file__).parents[1] / "data" / "topics.yml")
    labels = {}
    for topic in data["topics"]:
        labels[topic["id"]] = _capital(topic["label"])
        for child in topic.get("children") or ():
            labels[f"{topic['id']}/{child['id']}"] = _capital(child["label"])
    return labels


def _capital(label: str) -> str:
    return label[:1].upper() + label[1:]


def tag_label(tag: str) -> str:
    """A reader's label for a tag: the vocabulary's, or the tag itself (one's own)."""
    return _topic_labels().get(tag, tag)


def tag_parent(tag: str) -> str | None:
    """The parent of a second-level tag (``politics/diplomacy`` -> ``politics``)."""
    parent, slash, _ = tag.partition("/")
    return parent if slash else None
