"""Live preview: a page that a save did not change is not rendered again.

``mkdocs serve`` builds the whole site after every save, and most of a build is Material's
template, rendered for every page: at 1,000 articles, 2,600 pages for one changed source.
Under serve the plugin keeps what the template made of each page outside the navigation
(articles, entity and tag pages), keyed by everything the template reads of it: its
content, table of contents, metadata, title and addresses, the navigation as the page sees
it, the site's configuration and the theme's own files. At the next build a page whose key
is unchanged prints the kept output through a template that does nothing else; MkDocs
still runs the page's events (``on_page_context``, ``on_post_page``) and writes it, so
other plugins see every page. Pages in the navigation are always rendered (their
sidebar marks them active, their footer links their neighbours).
"""

from __future__ import annotations

import hashlib
import json
import os
import site
import sysconfig
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from markupsafe import Markup

#: The template a page whose output is kept renders with: the output, as it was.
REPLAY = "newsdocs-replay.html"
REPLAY_SOURCE = "{{ newsdocs_replay(page) }}"


def site_key(config, nav) -> str:
    """What every page's output depends on besides the page: the configuration the
    templates read, the navigation's titles and addresses, the theme's files as edited."""
    theme = {key: config.theme[key] for key in sorted(config.theme)}
    parts = [
        str(config.site_name), str(config.site_url), str(config.repo_url),
        str(config.repo_name), str(config.edit_uri), str(config.copyright),
        config.use_directory_urls, config.extra, [str(x) for x in config.extra_css],
        [str(x) for x in config.extra_javascript], theme, list(config.theme.dirs), str(nav),
        sorted(_theme_files(config.theme.dirs)),
    ]  # fmt: skip
    return _digest(parts)


def _installed() -> tuple[str, ...]:
    """Folders of installed packages (a theme there does not change under serve)."""
    found = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    found.update(getattr(site, "getsitepackages", list)())
    return tuple(str(Path(folder).resolve()) + os.sep for folder in found)


def _theme_files(folders: Iterable[str]) -> Iterable[tuple[str, int]]:
    """(path, modification time) of the theme's files outside installed packages: a
    ``custom_dir``'s overrides, our own partials."""
    installed = _installed()
    for folder in folders:
        if (str(Path(folder).resolve()) + os.sep).startswith(installed):
            continue
        for root, _, files in os.walk(folder):
            for name in files:
                path = os.path.join(root, name)
                try:
                    yield path, os.stat(path).st_mtime_ns
                except OSError:
                    yield path, -1


def _toc(items) -> list:
    return [[item.title, item.id, item.level, _toc(item.children)] for item in items]


def page_key(page, where: object, site: str) -> str:
    """What the template reads of one page, with ``where`` (the navigation's key as the
    page sees it) and the site's key."""
    return _digest([
        page.file.src_uri, page.url, page.title, page.content, _toc(page.toc), page.meta,
        page.edit_url, page.canonical_url, page.abs_url, where, site,
    ])  # fmt: skip


def _digest(parts: list) -> str:
    text = json.dumps(parts, sort_keys=True, default=repr, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


class RenderCache:
    """The template's output of every page outside the navigation, from one build to
    the next of one ``mkdocs serve``."""

    def __init__(self) -> None:
        self.held: dict[str, tuple[str, bytes]] = {}  # src_uri -> (key, compressed output)
        self.keys: dict[str, str] = {}  # this build's keys
        self.replayed: set[str] = set()

    def prepare(self, pages: Iterable, where: Callable[[object], object], site: str) -> None:
        """Key this build's pages (``where(page)``: None for a page that is always
        rendered); a page whose output is kept under its key is set to print it."""
        self.keys, self.replayed = {}, set()
        for page in pages:
            place = where(page)
            if place is None:
                continue
            src_uri = page.file.src_uri
            key = self.keys[src_uri] = page_key(page, place, site)
            held = self.held.get(src_uri)
            if held is not None and held[0] == key:
                page.meta["template"] = REPLAY
                self.replayed.add(src_uri)
        for src_uri in self.held.keys() - self.keys.keys():
            del self.held[src_uri]  # gone, or in the navigation now

    def output(self, page) -> Markup:
        """The kept output of a page set to print it (the REPLAY template's function)."""
        return Markup(zlib.decompress(self.held[page.file.src_uri][1]).decode("utf-8"))

    def keep(self, page, output: str) -> None:
        """Keep what the template made of a page, before other plugins' ``on_post_page``."""
        src_uri = page.file.src_uri
        key = self.keys.get(src_uri)
        if key is not None and src_uri not in self.replayed:
            self.held[src_uri] = (key, zlib.compress(output.encode("utf-8"), 1))
