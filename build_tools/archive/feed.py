"""RSS 2.0 feeds of the newest articles, the site's and one per entity and tag page
(escaped by the XML writer, never by hand)."""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from build_tools.archive.index import ArticleInfo

#: Characters XML 1.0 cannot hold: one of them in a title would make the whole feed
#: unreadable to every feed reader.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def rss(
    articles: list[ArticleInfo],
    site_name: str,
    site_url: str,
    urls: dict[str, str],
    size: int,
    title: str | None = None,
    page: str = "",
    indent: bool = True,
) -> bytes:
    """The feed's bytes; ``urls`` maps an article's src_uri to its URL under the site.

    Without a ``site_url`` the links are relative to the site's root: readable, but no
    permalinks (feed readers need absolute ones; the plugin says so at build time)."""
    base = site_url.rstrip("/") + "/" if site_url else "/"
    permalink = "true" if urlsplit(base).scheme in ("http", "https") else "false"
    channel_root = ET.Element("rss", version="2.0")
    channel = ET.SubElement(channel_root, "channel")
    ET.SubElement(channel, "title").text = _xml_text(title or site_name)
    ET.SubElement(channel, "link").text = base + page
    ET.SubElement(channel, "description").text = _xml_text(
        f"Newest articles about {title} in {site_name}"
        if title
        else f"Newest articles in {site_name}"
    )
    for article in articles[:size]:
        channel.append(_item(article, base + urls.get(article.src_uri, ""), permalink))
    if indent:  # the site's feed, for people who read it; entity feeds are many: not
        ET.indent(channel_root)
    return ET.tostring(channel_root, encoding="utf-8", xml_declaration=True)


def _item(article: ArticleInfo, link: str, permalink: str) -> ET.Element:
    item = ET.Element("item")
    # The title is plain text; readers render the description as HTML, so its text is
    # escaped for HTML (and the XML writer escapes that again for XML).
    ET.SubElement(item, "title").text = _xml_text(article.title)
    ET.SubElement(item, "link").text = link
    ET.SubElement(item, "guid", isPermaLink=permalink).text = link
    if article.date:
        moment = dt.datetime.combine(article.date, dt.time(12), tzinfo=dt.UTC)
        ET.SubElement(item, "pubDate").text = email.utils.format_datetime(moment)
    ET.SubElement(item, "description").text = _xml_text(html.escape(article.summary))
    if article.source and article.url:
        # RSS's <source> names where the item came from and needs a URL for it: the
        # original article's (the publisher's own feed is not known).
        ET.SubElement(item, "source", url=article.url).text = _xml_text(article.source)
    return item


class EntityFeeds:
    """The feeds of the entity and tag pages: an article is in the feeds of all its names,
    so its ``<item>`` is written once (by the XML writer) and reused."""

    def __init__(self, site_name: str, site_url: str, urls: dict[str, str]) -> None:
        self.site_name, self.urls = site_name, urls
        self.base = site_url.rstrip("/") + "/" if site_url else "/"
        self.permalink = "true" if urlsplit(self.base).scheme in ("http", "https") else "false"
        self._items: dict[str, str] = {}

    def _item(self, article: ArticleInfo) -> str:
        found = self._items.get(article.src_uri)
        if found is None:
            link = self.base + self.urls.get(article.src_uri, "")
            item = _item(article, link, self.permalink)
            found = self._items[article.src_uri] = ET.tostring(item, encoding="unicode")
        return found

    def feed(self, articles: list[ArticleInfo], title: str, page: str, size: int) -> bytes:
        head = rss([], self.site_name, self.base if self.base != "/" else "", self.urls, 0,
                   title=title, page=page, indent=False).decode()  # fmt: skip
        items = "".join(self._item(article) for article in articles[:size])
        return head.replace("</channel>", items + "</channel>", 1).encode("utf-8")
