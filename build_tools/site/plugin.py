"""The ``newsdocs`` MkDocs plugin: a table of contents of the build, logic elsewhere."""

from __future__ import annotations

import html
import json
import logging
import re
from pathlib import Path

import jinja2
import markdown
import yaml
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.toc import TableOfContents, get_toc

from build_tools.front_matter import FILE as FRONT_MATTER_FILE
from build_tools.front_matter import FrontMatterCache
from build_tools.model import CACHE_DIR, KINDS, SECTION
from build_tools.site import parallel, render
from build_tools.site.config import NewsdocsConfig
from build_tools.site.curated import load_curated
from build_tools.site.feed import rss
from build_tools.site.index import SMALL_ARCHIVE, EntityIndex, article_info
from build_tools.site.parallel import ForkedPages
from build_tools.site.search import BackgroundIndexer, SearchError, bundle_count, bundle_name

log = logging.getLogger("mkdocs.plugins.newsdocs")


HERE = Path(__file__).parent
#: The id of an HTML element (MkDocs collects them as the anchors a page has).
_ID = re.compile(r'<[^<>]*?\sid="([^"]*)"')
#: The share of the pages the forked process renders: the parent also copies the static
#: files, renders the theme's own templates (the sitemap) and passes over the child's
#: pages (10,000 articles: at 0.5 the child was done first, at 0.6 the parent waited 5 s).
CHILD_SHARE = 0.55
PAGEFIND_ASSETS = ("assets/newsdocs-search.js", "assets/newsdocs-search.css")


class NewsdocsPlugin(BasePlugin[NewsdocsConfig]):
    """Collect the articles' front matter, then generate index, entity and archive pages.

    Generated pages and the blocks added to articles are HTML made by ``render``: they skip
    Markdown, which would cost more than everything else in a large build.
    """

    index: EntityIndex
    pagefind = False
    indexer: BackgroundIndexer | None = None
    command = "build"
    nav = None
    forked: ForkedPages | None = None
    title_markdown: markdown.Markdown | None = None
    toc_marker = "[TOC]"

    def on_startup(self, command, dirty) -> None:
        self.command = command

    def on_config(self, config):
        """Choose the search and the entity-page threshold from the size of the archive."""
        articles = Path(config.docs_dir) / self.config.articles_dir
        count = sum(1 for _ in articles.rglob("*.md")) if articles.is_dir() else 0
        large = count >= self.config.large_archive
        # Most names appear in one or two articles: once the archive has a hundred, a page
        # each would outnumber the articles (7,900 pages for 1,000 articles) and hold one
        # line. Below a hundred every name gets a page; above, a name needs two articles, and
        # one more per thousand (10 at 10,000), which keeps the pages in step with the archive.
        self.min_articles = self.config.entity_min_articles or (
            max(2, count // 1000) if count >= SMALL_ARCHIVE else 1
        )
        self.links = render.Links(config.use_directory_urls)
        mode = self.config.search
        self.pagefind = mode == "pagefind" or (mode == "auto" and large)
        self.parallel = self.config.parallel == "on" or (
            self.config.parallel == "auto" and large and self.command == "build"
        )
        if self.pagefind:
            config.theme.dirs.insert(0, str(HERE / "theme"))
            config.extra_css.append(PAGEFIND_ASSETS[1])
            config.extra_css.append("pagefind/pagefind-ui.css")
            config.extra_javascript.append("pagefind/pagefind-ui.js")
            config.extra_javascript.append(PAGEFIND_ASSETS[0])
        return config

    def on_files(self, files: Files, config) -> Files:
        prefix = self.config.articles_dir.strip("/") + "/"
        articles = []
        self.front_matter: dict[str, dict] = {}
        root = Path(config.config_file_path).parent
        cache = FrontMatterCache(root / CACHE_DIR / FRONT_MATTER_FILE)
        for file in files.documentation_pages():
            if file.src_uri.startswith(prefix):
                try:
                    meta, body = cache.read(file.content_string)
                except (yaml.YAMLError, ValueError):  # ValueError: a date like 2019-02-30
                    continue  # not an article of ours: MkDocs reports it
                info = article_info(file.src_uri, meta, body)
                if info is not None:
                    articles.append(info)
                    # Read once: MkDocs gets the body, and the metadata in on_page_markdown.
                    self.front_matter[file.src_uri] = meta
                    file.content_string = body
        cache.save(prune=True)
        self.title_markdown = self._title_markdown(config)
        curated_path = root / self.config.entities_file
        try:
            self.curated = load_curated(curated_path)
        except ValueError as error:
            raise PluginError(str(error)) from None
        self.index = EntityIndex(
            articles, merge_surnames=self.config.merge_surnames, curated=self.curated
        )
        self.index.min_articles = self.min_articles
        if self.pagefind:
            self._start_search(files, config)
        self.generated = self._generated_pages()
        for src_uri in list(self.generated):
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=""))
            else:
                del self.generated[src_uri]  # a hand-written page of that name wins
        if self.config.feed:
            if not config.site_url:
                log.info("feed.xml has links relative to the site: set site_url in mkdocs.yml"
                         " to the address the site is published at, for feed readers")  # fmt: skip
            urls = {file.src_uri: file.url for file in files}
            feed = rss(self.index.articles, config.site_name, config.site_url or "", urls,
                       self.config.feed_size)  # fmt: skip
            files.append(File.generated(config, "feed.xml", content=feed))
        return files

    def _title_markdown(self, config) -> markdown.Markdown | None:
        """The Markdown that renders plain articles' titles (``render.plain_body``), or
        None where their paragraphs must go to Markdown too: an extension that could
        change plain text, or another plugin that edits pages' Markdown after this one.
        (Decided here, once every plugin's ``on_config`` has run.)"""
        extensions = config.markdown_extensions
        if not all(isinstance(name, str) and name in render.PLAIN_SAFE_EXTENSIONS
                   for name in extensions):  # fmt: skip
            return None
        editors = config.plugins.events.get("page_markdown", [])
        if any(getattr(event, "__self__", None) is not self for event in editors):
            return None
        self.toc_marker = str((config.mdx_configs or {}).get("toc", {}).get("marker", "[TOC]"))
        return markdown.Markdown(extensions=extensions, extension_configs=config.mdx_configs or {})

    def _plain_article(self, page, body: str) -> bool:
        """Give a plain article its HTML: the title through Markdown (its id, permalink
        and table of contents are the toc extension's), the paragraphs as they are."""
        plain = render.plain_body(body, self.toc_marker) if self.title_markdown else None
        if plain is None:
            return False
        title, paragraphs = plain
        converter = self.title_markdown
        converter.reset()
        heading = converter.convert(title)
        toc = get_toc(getattr(converter, "toc_tokens", []))
        without_markdown(page, f"{heading}\n{paragraphs}" if paragraphs else heading, toc)
        return True

    def _start_search(self, files: Files, config) -> None:
        """Start indexing the articles with Pagefind beside the build; add the search UI."""
        size = self.config.search_bundle_size
        count = bundle_count(len(self.index.articles), size)
        bundles = [f"{bundle_name(number)}/" for number in range(2, count + 1)]
        script = f"var newsdocsBundles = {json.dumps(bundles)};\n"
        for asset in PAGEFIND_ASSETS:
            content = (HERE / asset).read_text(encoding="utf-8")
            if asset.endswith(".js"):
                content = script + content
            files.append(File.generated(config, asset, content=content))
        try:
            self.indexer = BackgroundIndexer(self.index.articles, self.index, self.links.url, size)
        except SearchError as error:
            raise PluginError(str(error)) from None

    def _generated_pages(self) -> dict[str, render.Generated]:
        index, links = self.index, self.links
        pages: dict[str, render.Generated] = {}
        for kind in KINDS:
            pages[f"{SECTION[kind]}/index.md"] = render.kind_index(kind, index, links)
            for ref, _ in index.of_kind(kind):
                if index.has_page(ref):
                    description = self.curated.description(ref.kind, ref.name)
                    pages.update(
                        render.entity_pages(ref, index, links, description, self.config.list_size)
                    )
        tags = index.tags()
        pages["tags/index.md"] = render.tags_index(tags, links)
        for tag, articles in tags.items():
            pages.update(render.tag_pages(tag, articles, links, self.config.list_size))
        pages.update(render.archive_pages(index, links))
        pages.update(render.dates_pages(index, links))
        return pages

    @event_priority(100)  # first: other plugins see the article's front matter
    def on_page_markdown(self, markdown: str, page, config, files: Files) -> str:
        meta = self.front_matter.get(page.file.src_uri)
        if meta is not None:
            # Themes print front-matter values as they are (the title, the author in an
            # attribute): an article's, from untrusted text, reach them as text.
            page.meta = as_text(meta)
        generated = self.generated.get(page.file.src_uri)
        if generated is not None:
            # Lists of links: not for search.
            page.meta = {"title": html.escape(generated.title), "search": {"exclude": True}}
            without_markdown(page, generated.html, table_of_contents(generated.headings))
            return ""
        article = self.index.by_uri.get(page.file.src_uri)
        if self.pagefind:
            page.meta["search"] = {"exclude": True}  # Pagefind indexes the articles instead
        if article is not None:
            if article.summary:  # the page's <meta name="description">, for search engines
                page.meta["description"] = html.escape(article.summary)
            page.meta["tags"] = [html.escape(render.tag_label(tag)) for tag in article.tags]
            if self._plain_article(page, markdown):
                return ""
        return markdown

    def on_page_content(self, content: str, page, config, files: Files) -> str:
        article = self.index.by_uri.get(page.file.src_uri)
        if article is None:
            if render.NEWEST_MARKER in content:  # a hand-written page asks for the newest
                listing = render.newest(self.index, self.links, page.file.src_uri)
                content = content.replace(render.NEWEST_MARKER, listing)
            return content
        if self.config.link_mentions:
            content = render.link_mentions(content, article, self.index, self.links)
        content = render.add_to_article(
            content, render.metadata_block(article, self.index, self.links)
        )
        if self.config.related_articles:
            content += render.related_block(
                article, self.index, self.links, self.config.related_articles
            )
        return content

    def on_nav(self, nav, config, files: Files):
        self.nav = nav
        return nav

    @event_priority(-100)  # last: the child gets the environment as every plugin left it
    def on_env(self, env, config, files: Files):
        """Hand CHILD_SHARE of the pages to a forked copy of the build (see ``parallel``)."""
        if not (self.parallel and parallel.available()) or self.nav is None:
            return env
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

    def on_post_build(self, config) -> None:
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

    def on_build_error(self, error) -> None:
        if self.forked is not None:
            forked, self.forked = self.forked, None
            forked.stop()
        if self.indexer is not None:
            indexer, self.indexer = self.indexer, None
            indexer.discard()


def as_text(value):
    """Front matter with every string in it escaped for HTML (dates, numbers as they are)."""
    if isinstance(value, str):
        return html.escape(value)
    if isinstance(value, list):
        return [as_text(item) for item in value]
    if isinstance(value, dict):
        return {key: as_text(item) for key, item in value.items()}
    return value


def without_markdown(page, content: str, toc: TableOfContents | None = None) -> None:
    """Give a page its HTML in place of MkDocs' Markdown rendering, which MkDocs calls next
    (``page.render``, this page's own now): setting up Python-Markdown costs 0.3 ms a page
    even with nothing to convert, and a large archive has ten thousand such pages."""

    def render(config, files) -> None:
        del page.render  # the class's method again
        page.content = content
        page.toc = toc if toc is not None else get_toc([])
        page.present_anchor_ids = {html.unescape(anchor) for anchor in _ID.findall(content)}

    page.render = render


def table_of_contents(headings: tuple[tuple[int, str, str], ...]) -> TableOfContents:
    """The page's table of contents from its (level, id, text) headings."""
    tokens: list[dict] = []
    for level, anchor, text in headings:
        token = {"level": level, "id": anchor, "name": html.escape(text), "children": []}
        siblings = tokens
        while siblings and siblings[-1]["level"] < level:
            siblings = siblings[-1]["children"]
        siblings.append(token)
    return get_toc(tokens)  # type: ignore[arg-type]
