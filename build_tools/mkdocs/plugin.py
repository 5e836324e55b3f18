"""The ``newsdocs`` MkDocs plugin: a table of contents of the build, logic elsewhere."""

from __future__ import annotations

import gc
import json
import logging
import os
import shutil
from html import escape
from pathlib import Path
from urllib.parse import quote, urlencode

import jinja2
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel

from build_tools.archive.article import article_page
from build_tools.archive.feed import EntityFeeds, rss
from build_tools.archive.identity import load_curated
from build_tools.archive.index import EntityIndex, default_min_articles
from build_tools.archive.lists import NEWEST_MARKER, newest
from build_tools.archive.map import MAP_ASSETS
from build_tools.archive.search import (
    BackgroundIndexer,
    SearchError,
    bundle_count,
    bundle_name,
    entity_record,
)
from build_tools.archive.site import generated_pages, read_articles
from build_tools.archive.urls import KIND_NAME, Links, tag_label, tag_uri
from build_tools.errors import PageError
from build_tools.front_matter import FILE as FRONT_MATTER_FILE
from build_tools.front_matter import FrontMatterCache
from build_tools.markup import escape_text
from build_tools.mkdocs import parallel
from build_tools.mkdocs.config import NewsdocsConfig
from build_tools.mkdocs.fastpath import table_of_contents, without_markdown
from build_tools.mkdocs.keptsite import KeptSite, restore_active
from build_tools.mkdocs.livesource import LiveSources, convert_sources
from build_tools.mkdocs.navcache import NavCache, Translations, with_theme_prefix
from build_tools.mkdocs.parallel import ForkedPages
from build_tools.mkdocs.rendercache import REPLAY, REPLAY_SOURCE, RenderCache, site_key
from build_tools.model import CACHE_DIR, KINDS, SECTION
from build_tools.page import front_matter_of

log = logging.getLogger("mkdocs.plugins.newsdocs")


HERE = Path(__file__).parent
ASSETS = HERE.parent / "archive" / "assets"
#: The share of the pages the forked process renders: the parent also copies the static
#: files, renders the theme's own templates (the sitemap) and passes over the child's
#: pages (10,000 articles: at 0.5 the child was done first, at 0.6 the parent waited 5 s).
CHILD_SHARE = 0.55
PAGEFIND_ASSETS = ("assets/newsdocs-search.js", "assets/newsdocs-search.css")


ENTITY_SECTIONS = frozenset(SECTION.values())
SEARCHED_SECTIONS = ENTITY_SECTIONS | {"tags"}
#: Material's search boost of an entity or tag page over an article (whose title field is
#: already boosted): a search for "Tony Blair" lists his page first.
ENTITY_BOOST = 5
#: Articles in the feed of an entity or a tag.
ENTITY_FEED_SIZE = 10


def source_edit_url(repo_url: str | None, edit_uri: str | None, article) -> str | None:
    """Where "edit this page" leads for an article: its source ``.txt``, beside docs/ in the
    same branch (``edit/main/docs/`` -> ``edit/main/source_texts/x.txt``): the page itself
    is generated, and an edit there would not last."""
    provenance = article.page.provenance
    if not (repo_url and edit_uri) or provenance is None:
        return None
    prefix = edit_uri.strip("/").removesuffix("/docs").removesuffix("docs")
    parts = (repo_url.rstrip("/"), prefix.strip("/"), quote(provenance.source_file))
    return "/".join(part for part in parts if part)


def report_link(repo_url: str, page_url: str) -> str:
    """A paragraph linking to the "wrong name" issue form, with the page filled in."""
    address = f"{repo_url.rstrip('/')}/issues/new?" + urlencode(
        {"template": "wrong-name.yml", "title": f"Wrong name: {page_url}", "page": page_url}
    )
    return f'<p class="newsdocs-report"><a href="{escape(address)}">Report a wrong name</a></p>\n'


class NewsdocsPlugin(BasePlugin[NewsdocsConfig]):
    """Collect the articles' front matter, then generate index, entity and archive pages.

    Generated pages and the blocks added to articles are HTML made by ``render``: they skip
    Markdown, which would cost more than everything else in a large build.
    """

    index: EntityIndex
    pagefind = False
    indexer: BackgroundIndexer | None = None
    command = "build"
    dirty = False
    parallel = False  # (on_config decides)
    nav = None
    forked: ForkedPages | None = None
    #: Under ``mkdocs serve``: the pages' output from one build to the next (``rendercache``).
    render_cache: RenderCache | None = None
    #: Under ``mkdocs serve``: the site folder, kept from one build to the next (``keptsite``).
    kept: KeptSite | None = None
    #: Under ``mkdocs serve``, the sources the watcher converts as they are saved
    #: (``on_serve``), and whether this build holds their lock.
    live: LiveSources | None = None
    holding = False

    def __init__(self) -> None:
        super().__init__()
        self.kept_sites: dict[str, KeptSite] = {}  # site folder -> its kept site

    def on_serve(self, server, config, builder):
        """Live preview: a saved entities.yml rebuilds the site (mkdocs.yml and docs/ are
        watched already), and a saved source is converted as the watcher reports it
        (``livesource``): the page it writes into docs/ rebuilds the site, once."""
        root = Path(config.config_file_path).parent
        sources = self._sources(config)
        if sources is not None and sources.exists():
            observer = getattr(server, "observer", None)
            if observer is None:  # a server without MkDocs 1.6's watcher: on_pre_build converts
                server.watch(str(sources))
            else:
                self.live = LiveSources(observer)
                with self.live.lock:  # (what was saved during the first build, too)
                    self.live.follow(sources, Path(config.docs_dir))
                log.info(f"live preview: {sources.name}/ is converted as its files are saved")
        entities = root / self.config.entities_file
        if entities.exists():
            server.watch(str(entities))
        return server

    def _sources(self, config) -> Path | None:
        if not self.config.sources_dir:
            return None
        return Path(config.config_file_path).parent / self.config.sources_dir

    def on_pre_build(self, config) -> None:
        """Under ``mkdocs serve``, convert the sources that changed since the last build
        before the first build (after it, as they are saved: ``on_serve``); a source in
        error is reported and the rest of the site still builds. From the first build on,
        no conversion runs while a build does (``LiveSources.lock``)."""
        sources = self._sources(config)
        if self.live is not None:  # (`mkdocs serve --clean` too, whose command is build)
            self.live.lock.acquire()
            self.holding = True
            if sources is None:
                self.live.stop()
            else:  # the folder mkdocs.yml names now, or the folder again if it was replaced
                self.live.follow(sources, Path(config.docs_dir))
        elif self.command == "serve" and sources is not None and sources.is_dir():
            # A few changed sources are converted here, the model loaded once per serve
            # (its load is cached); many (a first run) in worker processes.
            convert_sources(sources, Path(config.docs_dir))
        # MkDocs empties the site folder next: under serve it is kept instead, but for a
        # --dirty build (MkDocs leaves out unchanged pages) and a build forked in two (the
        # second process writes its pages out of this one's sight).
        self.kept = None
        self.on_shutdown()  # MkDocs' own functions, whatever a build cut short left
        if self.command == "serve" and not self.dirty and not self.parallel:
            site_dir = os.path.abspath(config.site_dir)
            self.kept = self.kept_sites.setdefault(site_dir, KeptSite(site_dir))
            self.kept.start()
        else:  # (what this build writes is no kept site's: the next one starts afresh)
            self.kept_sites.clear()

    def _release(self) -> None:
        """The build is over: a saved source may be converted (``on_pre_build``)."""
        if self.holding and self.live is not None:
            self.holding = False
            self.live.lock.release()

    def on_startup(self, command, dirty) -> None:
        self.on_shutdown()  # (a build of the last serve cut short by an interrupt)
        self.command = command
        self.dirty = dirty
        self.live = None
        self.holding = False
        self.render_cache = None  # a serve's pages are kept from its first build on
        self.kept = None  # ... and its site folder (by folder: serve's is one)
        self.kept_sites = {}

    def on_shutdown(self) -> None:
        restore_active()

    def on_config(self, config):
        """Check the options; choose the search and the entity-page threshold from the size
        of the archive."""
        self.feeds: dict[str, tuple[str, str]] = {}  # entity or tag page -> (feed, name)
        self._check_options(config)
        articles = Path(config.docs_dir) / self.config.articles_dir
        count = sum(1 for _ in articles.rglob("*.md")) if articles.is_dir() else 0
        large = count >= self.config.large_archive
        # Most names appear in one or two articles: once the archive has a hundred, a page
        # each would outnumber the articles (7,900 pages for 1,000 articles) and hold one
        # line. Below a hundred every name gets a page; above, a name needs two articles, and
        # one more per thousand (10 at 10,000), which keeps the pages in step with the archive.
        self.min_articles = self.config.entity_min_articles or default_min_articles(count)
        self.links = Links(config.use_directory_urls)
        mode = self.config.search
        # One engine at every size (Pagefind: nothing is downloaded before the reader
        # searches; Material's index, 1.2 MB gzip at 1,000 articles, loads with every page).
        self.pagefind = mode in ("pagefind", "auto")
        self.parallel = self.config.parallel == "on" or (
            self.config.parallel == "auto" and large and self.command == "build"
        )
        # Our partials: the repository link without the call to the host's API, always;
        # Pagefind's search box for a large archive.
        config.theme.dirs.insert(0, str(HERE / "theme"))
        config.extra_javascript.append(MAP_ASSETS[0])  # draws /map/, after instant navigation
        if self.pagefind:
            self._quiet_material_search(config)
            config.theme.dirs.insert(0, str(HERE / "pagefind-theme"))
            config.extra_css.append(PAGEFIND_ASSETS[1])
            config.extra_css.append("pagefind/pagefind-ui.css")
            config.extra_javascript.append("pagefind/pagefind-ui.js")
            config.extra_javascript.append(PAGEFIND_ASSETS[0])
        return config

    @staticmethod
    def _quiet_material_search(config) -> None:
        """With Pagefind, Material's search plugin stays (its header button opens our box)
        but indexes nothing: every page is excluded from its index, yet it still went
        over every page's HTML (1.4 s of a 10,000-article build) and wrote an empty
        index. Its page and post-build handlers are taken out of the build's events."""
        search = config.plugins.get("material/search")
        if search is None:
            return
        for event in ("page_context", "post_build"):
            handlers = config.plugins.events[event]
            handlers[:] = [h for h in handlers if getattr(h, "__self__", None) is not search]

    def _check_options(self, config) -> None:
        """Options that would build a wrong site without a word are errors or warnings."""
        for name, least in (("feed_size", 0), ("related_articles", 0), ("list_size", 1),
                            ("search_bundle_size", 1), ("large_archive", 1)):  # fmt: skip
            if self.config[name] < least:
                raise PluginError(f"newsdocs option '{name}' must be {least} or more, not"
                                  f" {self.config[name]}")  # fmt: skip
        if (self.config.entity_min_articles or 1) < 1:
            raise PluginError("newsdocs option 'entity_min_articles' must be 1 or more")
        folder = self.config.articles_dir.strip("/")
        if (
            not folder
            or folder.startswith(".")
            or ".." in folder.split("/")
            or Path(self.config.articles_dir).is_absolute()
        ):
            raise PluginError(f"newsdocs option 'articles_dir' must be a folder inside docs/,"
                              f" not {self.config.articles_dir!r} (default: articles)")  # fmt: skip
        defaults = NewsdocsConfig()
        holder = Path(config.docs_dir) / folder
        if folder != defaults.articles_dir and (
            not holder.is_dir() or not any(holder.rglob("*.md"))
        ):
            log.warning(
                f"newsdocs option 'articles_dir': no article page in docs/{folder}; the"
                " archive has no articles (the converter writes docs/articles)"
            )
        entities = Path(config.config_file_path).parent / self.config.entities_file
        if self.config.entities_file != defaults.entities_file and not entities.is_file():
            log.warning(f"newsdocs option 'entities_file': {self.config.entities_file} does"
                        " not exist beside mkdocs.yml; nothing is curated")  # fmt: skip

    def on_files(self, files: Files, config) -> Files:
        """Read every article through the page contract, build the index, add the pages."""
        if self.command == "build":
            # From here to on_env the build makes millions of objects that all live on (the
            # index, the pages' HTML): Python's cycle collector would go over them again and
            # again for nothing (3-6 s of 10,000 articles' build). It runs again in on_env.
            gc.disable()
        prefix = self.config.articles_dir.strip("/") + "/"
        root = Path(config.config_file_path).parent
        cache = FrontMatterCache(root / CACHE_DIR / FRONT_MATTER_FILE)
        files_of = {
            f.src_uri: f for f in files.documentation_pages() if f.src_uri.startswith(prefix)
        }
        docs = f"{Path(config.docs_dir).name}/"
        texts, unreadable = [], []
        for uri, file in files_of.items():
            try:
                texts.append((uri, file.content_string))
            except (OSError, UnicodeDecodeError):  # a FIFO is no page; cp1252 no UTF-8
                unreadable.append(PageError(f"{docs}{uri}", "the page", "is not UTF-8 text",
                                            "save it as UTF-8, or run `make pages`"))  # fmt: skip
        found = read_articles(texts, cache, docs)
        found.errors[:0] = unreadable
        if found.errors:
            for error in found.errors:
                log.error(str(error))
            raise PluginError(
                f"{len(found.errors)} article page(s) break the page contract (see above); an"
                " article page is never built without it"
            )
        for src_uri, body in found.bodies.items():
            files_of[src_uri].content_string = body  # read once: MkDocs gets the body alone
        try:
            cache.save(prune=True)
        except OSError as error:  # a file or folder in the cache's way: only slower
            log.warning(f"{CACHE_DIR}/ could not be written ({error.strerror or error});"
                        f" remove what is in the way (rm -r {CACHE_DIR})")  # fmt: skip
        try:
            self.curated = load_curated(root / self.config.entities_file)
        except ValueError as error:
            raise PluginError(str(error)) from None
        self.index = EntityIndex(
            found.articles, merge_surnames=self.config.merge_surnames, curated=self.curated
        )
        self.index.min_articles = self.min_articles
        for name, nearest in self.index.identity.unmatched_ignores():
            hint = f" (did you mean {nearest!r}?)" if nearest else ""
            log.warning(f"{self.config.entities_file}: ignore entry {name!r} matches no name in"
                        f" the archive{hint}; correct it or remove it")  # fmt: skip
        if self.pagefind:
            mine = [f.src_uri for f in files if f.src_uri.split("/")[0].startswith("pagefind")]
            if mine:
                raise PluginError(
                    f"docs/{mine[0]}: the folders pagefind/ and pagefind-N/ hold"
                    " the search index, which replaces them; move the file"
                )
            self._start_search(files, config)
        self.generated = generated_pages(
            self.index, self.links, self.curated, self.config.list_size
        )
        # A page written by hand wins over a generated one at the same address, whatever
        # its file is called (people/x.md and people/x/index.md are both people/x/).
        taken = {file.url for file in files}
        for src_uri in list(self.generated):
            if self.links.url(src_uri) in taken or files.get_file_from_path(src_uri):
                del self.generated[src_uri]
                log.info(f"docs/: a page written by hand takes {self.links.url(src_uri)};"
                         " the archive's page for that address is not made")  # fmt: skip
            else:
                files.append(File.generated(config, src_uri, content=""))
        for asset in MAP_ASSETS:  # the map's script and the libraries it loads
            if files.get_file_from_path(asset) is None:
                files.append(
                    File.generated(config, asset, content=(ASSETS.parent / asset).read_bytes())
                )
        if self.config.feed and files.get_file_from_path("feed.xml") is not None:
            log.info("docs/feed.xml is written by hand: the archive's feed is not made")
        elif self.config.feed:
            if not config.site_url:
                log.info("feed.xml has links relative to the site: set site_url in mkdocs.yml"
                         " to the address the site is published at, for feed readers")  # fmt: skip
            urls = {file.src_uri: file.url for file in files}
            feed = rss(self.index.articles, config.site_name, config.site_url or "", urls,
                       self.config.feed_size)  # fmt: skip
            files.append(File.generated(config, "feed.xml", content=feed))
            self._entity_feeds(files, config, urls)
        return files

    def _entity_feeds(self, files: Files, config, urls: dict[str, str]) -> None:
        """A feed per entity and tag page (``people/jane-doe.xml`` beside its page), with
        its newest articles: a reader follows a name."""
        size = min(self.config.feed_size, ENTITY_FEED_SIZE)
        wanted: list[tuple[str, str, list]] = []  # (page, name, articles newest first)
        for kind in KINDS:
            for ref, appearances in self.index.of_kind(kind):
                if ref.src_uri in self.generated and self.index.has_page(ref):
                    wanted.append((ref.src_uri, ref.name, [a.article for a in appearances]))
        for tag, articles in self.index.tags().items():
            if tag_uri(tag) in self.generated:
                wanted.append((tag_uri(tag), tag_label(tag), articles))
        feeds = EntityFeeds(config.site_name, config.site_url or "", urls)
        for page, name, articles in wanted:
            path = page.removesuffix(".md") + ".xml"
            if files.get_file_from_path(path) is not None:
                continue  # a file of that name written by hand wins
            content = feeds.feed(articles, name, urls.get(page, ""), size)
            files.append(File.generated(config, path, content=content))
            self.feeds[page] = (path, name)

    def _feeds_of(self, src_uri: str, config) -> list[dict[str, str]]:
        """The feeds a page announces in its head: the site's, and its own if it has one."""
        found = []
        if self.config.feed:
            found.append({"title": escape_text(f"{config.site_name}: newest articles"),
                          "href": "feed.xml"})  # fmt: skip
        if src_uri in self.feeds:
            path, name = self.feeds[src_uri]
            found.append({"title": escape_text(f"{name}: newest articles"), "href": path})
        return found

    def _search_pages(self) -> list[dict]:
        """Search records of the entity and tag pages: found first for their name."""
        records = []
        for kind in KINDS:
            for ref, appearances in self.index.of_kind(kind):
                if self.index.has_page(ref):
                    about = self.curated.description(ref.kind, ref.name)
                    url = self.links.url(ref.src_uri)
                    count = len(appearances)
                    records.append(entity_record(ref.name, KIND_NAME[kind], count, about, url))
        for tag, articles in self.index.tags().items():
            records.append(entity_record(tag_label(tag), "Topic", len(articles), "",
                                         self.links.url(tag_uri(tag)), field="topic"))  # fmt: skip
        return records

    def _start_search(self, files: Files, config) -> None:
        """Start indexing the articles with Pagefind beside the build; add the search UI."""
        size = self.config.search_bundle_size
        pages = self._search_pages()
        count = bundle_count(len(self.index.articles), size)
        bundles = [f"{bundle_name(number)}/" for number in range(2, count + 1)]
        script = f"var newsdocsBundles = {json.dumps(bundles)};\n"
        for asset in PAGEFIND_ASSETS:
            content = (ASSETS.parent / asset).read_text(encoding="utf-8")
            if asset.endswith(".js"):
                content = script + content
            files.append(File.generated(config, asset, content=content))
        try:
            self.indexer = BackgroundIndexer(self.index.articles, self.index, self.links.url, size,
                                             pages)  # fmt: skip
        except SearchError as error:
            raise PluginError(str(error)) from None

    @event_priority(100)  # first: other plugins see the article's front matter
    def on_page_markdown(self, markdown: str, page, config, files: Files) -> str:
        if not config.repo_url:
            page.edit_url = None  # else MkDocs makes a relative "edit/main/..." link to nowhere
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            # An entity or tag page is a search record of its own, ranked above the
            # articles for its name (its lists are marked out of the index); the indexes,
            # the archive and the dates pages are lists of links: not for search.
            section, _, rest = page.file.src_uri.partition("/")
            record = (section in SEARCHED_SECTIONS and rest not in ("index.md", "")
                      and not rest.startswith("a-z/"))  # fmt: skip
            search = {"boost": ENTITY_BOOST} if record and not self.pagefind else {"exclude": True}
            page.meta = {"title": escape_text(generated.title), "search": search,
                         "newsdocs_feeds": self._feeds_of(page.file.src_uri, config)}  # fmt: skip
            if record and section != "tags":
                page.meta["newsdocs_og"] = {
                    "type": "website", "title": escape_text(generated.title), "description": ""
                }  # fmt: skip
            made = generated.html
            page.edit_url = None  # generated: nothing to edit; a wrong name is reported
            if config.repo_url and record and section in ENTITY_SECTIONS:
                address = (config.site_url or "") + self.links.url(page.file.src_uri)
                made += report_link(config.repo_url, address)
            without_markdown(page, made, table_of_contents(generated.headings))
            return ""
        article = self.index.by_uri.get(page.file.src_uri)
        if self.pagefind:  # Pagefind indexes the articles instead: Material's index is empty
            page.meta["search"] = {"exclude": True}
        if article is None:
            return markdown
        # Every text of the front matter, escaped: themes print fields as they are.
        page.meta = front_matter_of(article.page)
        if article.summary:  # the page's <meta name="description">, for search engines
            page.meta["description"] = escape_text(article.summary)
        page.meta["tags"] = [escape_text(tag_label(tag)) for tag in article.tags]
        page.meta["newsdocs_feeds"] = self._feeds_of(page.file.src_uri, config)
        page.meta["newsdocs_og"] = {"type": "article", "title": escape_text(article.title),
                                    "description": escape_text(article.summary)}  # fmt: skip
        if self.pagefind:
            page.meta["search"] = {"exclude": True}
        made = article_page(article, self.index, self.links, self.config.link_mentions,
                            self.config.related_articles)  # fmt: skip
        page.edit_url = source_edit_url(config.repo_url, config.edit_uri, article)
        without_markdown(page, made.html, table_of_contents(made.headings))
        return ""

    def on_page_content(self, content: str, page, config, files: Files) -> str:
        if NEWEST_MARKER in content:  # a hand-written page asks for the newest articles
            content = content.replace(
                NEWEST_MARKER, newest(self.index, self.links, page.file.src_uri)
            )
        return content

    def on_nav(self, nav, config, files: Files):
        self.nav = nav
        return nav

    @event_priority(-100)  # last: the child gets the environment as every plugin left it
    def on_env(self, env, config, files: Files):
        """Render the navigation once per place (``navcache``); hand CHILD_SHARE of the
        pages to a forked copy of the build (see ``parallel``)."""
        if self.command == "build" and not gc.isenabled():
            gc.enable()
            gc.freeze()  # what is made so far stays: not scanned again, nor copied by a fork
        if self.nav is not None:
            ours = {str(HERE / "theme"), str(HERE / "pagefind-theme")}
            env.loader = with_theme_prefix(env.loader, config.theme.dirs, ours)
            static = frozenset(
                f.url.split("/", 1)[0] for f in files if not f.is_documentation_page()
            )
            env.globals["newsdocs_nav"] = NavCache(self.nav, static)
            env.globals["newsdocs_t"] = Translations(env, config)
        if not (self.parallel and parallel.available()) or self.nav is None:
            if self.command == "serve" and self.nav is not None:
                self._replay_unchanged(env, config, files)
            return env
        self.render_cache = None  # the parent renders the child's pages empty: none kept
        from mkdocs.commands.build import _build_page

        doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
        pages = parallel.share([file.page for file in doc_files], CHILD_SHARE)

        def render_page(page) -> None:  # MkDocs' own page build, in the child
            excluded = page.file.inclusion.is_excluded()
            _build_page(page, config, doc_files, self.nav, env, excluded=excluded)

        self.forked = parallel.ForkedPages(pages, render_page)
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({parallel.ELSEWHERE: ""}), env.loader])
        for page in pages:
            page.meta["template"] = parallel.ELSEWHERE
        return env

    def _replay_unchanged(self, env, config, files: Files) -> None:
        """Live preview: the pages outside the navigation that this build would render as
        the last one did print the last one's output (``rendercache``)."""
        first = self.render_cache is None
        if first:
            self.render_cache = RenderCache()
        pages = [file.page for file in files.documentation_pages() if file.page is not None]
        search = {config.plugins.get(name) for name in ("search", "material/search")}
        others = [  # a plugin or hook of the site that changes what a page's template reads
            handler for handler in config.plugins.events["page_context"]
            if getattr(handler, "__self__", None) not in {self, *search} - {None}
        ]  # fmt: skip
        site = site_key(config, self.nav) if not others else None
        self.render_cache.prepare(pages, env.globals["newsdocs_nav"].outside, site)
        env.loader = jinja2.ChoiceLoader([jinja2.DictLoader({REPLAY: REPLAY_SOURCE}), env.loader])
        env.globals["newsdocs_replay"] = self.render_cache.output
        if not first:  # (serve's first build has no last output to keep)
            log.info(
                "live preview: %d of %d pages unchanged, not rendered again",
                len(self.render_cache.replayed), len(pages),
            )  # fmt: skip

    @event_priority(100)  # first: the template's own output, before other plugins change it
    def on_post_page(self, output: str, page, config) -> str:
        if self.render_cache is not None:  # under serve only (on_startup)
            self.render_cache.keep(page, output)
        return output

    @event_priority(-100)  # last: a saved source's conversion waits for the whole build
    def on_post_build(self, config) -> None:
        try:
            self._post_build(config)
        finally:
            if self.kept is not None:
                stale = self.kept.finish()
                log.debug("live preview: %d files written again, %d as they were, %d removed",
                          self.kept.rewritten, self.kept.unchanged, stale)  # fmt: skip
            self._release()

    def _post_build(self, config) -> None:
        gc.unfreeze()  # the build's objects may go now (a serve's next build, a test's next)
        if self.forked is not None:
            forked, self.forked = self.forked, None
            if not forked.finish():
                raise PluginError("the pages given to the second process were not all built")
            log.info("%d pages were rendered by a second process", len(forked.src_uris))
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            try:
                names = indexer.finish(Path(config.site_dir))
            except SearchError as error:
                raise PluginError(f"Pagefind could not index the articles: {error}") from None
            log.info("Pagefind indexed %d articles in %s", indexer.count, ", ".join(names))
            if self.kept is not None:  # serve's kept folder: a bundle the archive outgrew
                for bundle in Path(config.site_dir).glob(f"{bundle_name(1)}-*"):
                    if bundle.name not in names:
                        shutil.rmtree(bundle, ignore_errors=True)

    def on_build_error(self, error) -> None:
        if self.kept is not None:
            self.kept.abort()
        self._release()
        gc.enable()
        gc.unfreeze()
        if self.forked is not None:
            forked, self.forked = self.forked, None
            forked.stop()
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.discard()
