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
sidebar marks them active, their footer links their neighbours), and so is every page
when something else may change what a template reads: another plugin or a hook that
handles ``on_page_context``, a template of the site's own that prints the build's time.
"""

from __future__ import annotations

import hashlib
import json
import os
import site
import sysconfig
import zlib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from markupsafe import Markup

#: The template a page whose output is kept renders with: the output, as it was.
REPLAY = "newsdocs-replay.html"
REPLAY_SOURCE = "{{ newsdocs_replay(page) }}"


#: Configuration that is no input of a page's template (where the site goes, what serve
#: watches) or is taken in by other means (the theme, plugins, scripts: below).
_NOT_READ = frozenset({"site_dir", "config_file_path", "watch", "theme", "plugins", "hooks",
                       "extra_javascript", "dev_addr"})  # fmt: skip


def site_key(config, nav) -> str | None:
    """What every page's output depends on besides the page: the configuration (every
    option but where the site goes), the navigation's titles, addresses and front matter
    (Material's sidebar and tabs read a page's icon and status), the theme's options and
    files as edited. None when a page's output may depend on more: a template that prints
    the build's time, another plugin or hook that changes the page's context."""
    files = sorted(_theme_files(config.theme.dirs))
    if any(path.endswith(".html") and _prints_build_time(path) for path, _ in files):
        return None
    plugins = []
    for name, plugin in config.plugins.items():
        options = getattr(plugin, "config", {})
        plugins.append([name, {key: options[key] for key in options}])
    parts = [
        {key: value for key, value in config.items() if key not in _NOT_READ},
        [[str(x), getattr(x, "type", ""), getattr(x, "defer", False),
          getattr(x, "async_", False)] for x in config.extra_javascript],
        {key: config.theme[key] for key in config.theme}, list(config.theme.dirs),
        plugins, str(nav), [[page.url, page.title, page.meta] for page in nav.pages], files,
    ]  # fmt: skip
    try:
        return _digest(parts)
    except (TypeError, ValueError):  # a value JSON cannot hold: render every page
        return None


def _prints_build_time(path: str) -> bool:
    try:
        return "build_date_utc" in Path(path).read_text(encoding="utf-8", errors="replace")
    except OSError:
        return True


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


def page_key(page, site: str) -> str:
    """What the template reads of one page outside the navigation, with the site's key
    (its other addresses and the navigation's links from it follow from its URL)."""
    return _digest([
        page.file.src_uri, page.url, page.title, page.content, _toc(page.toc), page.meta,
        page.edit_url, site,
    ])  # fmt: skip


def _digest(parts: list) -> str:
    """A digest of JSON-ready parts (``_plain`` for the rest). Raises TypeError for keys
    that are no strings or numbers (a date in a page's front matter)."""
    text = json.dumps(parts, default=_plain, ensure_ascii=False)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=20).hexdigest()


def _plain(value: object) -> object:
    """JSON data for what JSON cannot hold: a mapping's items (``config.extra`` is a
    UserDict), a set sorted, a date in ISO; else the type and its text, or the type alone
    when the text holds the object's address (new at every build)."""
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, (set, frozenset)):
        return sorted(map(str, value))
    if isinstance(value, tuple):
        return list(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    text = str(value)
    kind = f"<{type(value).__qualname__}>"
    return kind if " at 0x" in text else f"{kind} {text}"


class RenderCache:
    """The template's output of every page outside the navigation, from one build to
    the next of one ``mkdocs serve``."""

    def __init__(self) -> None:
        self.held: dict[str, tuple[str, bytes]] = {}  # src_uri -> (key, compressed output)
        self.keys: dict[str, str] = {}  # this build's keys
        self.replayed: set[str] = set()

    def prepare(self, pages: Iterable, outside: Callable[[object], bool], site: str | None) -> None:
        """Key this build's pages outside the navigation (``outside(page)``; the others are
        always rendered, and every page is when ``site`` is None); a page whose output is
        kept under its key is set to print it."""
        self.keys, self.replayed = {}, set()
        for page in pages if site is not None else ():
            if not outside(page):
                continue
            src_uri = page.file.src_uri
            try:
                key = self.keys[src_uri] = page_key(page, site)
            except (TypeError, ValueError):  # front matter JSON cannot hold: rendered
                continue
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
        if key is not None and src_uri not in self.replayed and output.strip():
            self.held[src_uri] = (key, zlib.compress(output.encode("utf-8"), 1))
