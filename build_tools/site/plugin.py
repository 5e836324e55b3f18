"""The ``newsdocs`` MkDocs plugin: a table of contents of the build, logic elsewhere."""

from __future__ import annotations

import html
import logging
import subprocess
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from build_tools.model import KINDS, SECTION
from build_tools.site import render
from build_tools.site.config import NewsdocsConfig
from build_tools.site.curated import load_curated
from build_tools.site.feed import rss
from build_tools.site.index import EntityIndex, parse_article

log = logging.getLogger("mkdocs.plugins.newsdocs")


HERE = Path(__file__).parent
PAGEFIND_ASSETS = ("assets/newsdocs-search.js", "assets/newsdocs-search.css")


class NewsdocsPlugin(BasePlugin[NewsdocsConfig]):
    """Collect the articles' front matter, then generate index, entity and archive pages."""

    index: EntityIndex
    pagefind = False

    def on_config(self, config):
        """Choose the search and the entity-page threshold from the size of the archive."""
        articles = Path(config.docs_dir) / self.config.articles_dir
        count = sum(1 for _ in articles.rglob("*.md")) if articles.is_dir() else 0
        large = count >= self.config.large_archive
        # In a large archive most names appear once or twice: a page each would outnumber
        # the articles. One per thousand articles (at least two) keeps the pages in step.
        self.min_articles = self.config.entity_min_articles or (
            max(2, count // 1000) if large else 1
        )
        mode = self.config.search
        self.pagefind = mode == "pagefind" or (mode == "auto" and large)
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
        for file in files.documentation_pages():
            if file.src_uri.startswith(prefix):
                info = parse_article(file.src_uri, file.content_string)
                if info is not None:
                    articles.append(info)
        curated_path = Path(config.config_file_path).parent / self.config.entities_file
        try:
            self.curated = load_curated(curated_path)
        except ValueError as error:
            raise PluginError(str(error)) from None
        self.index = EntityIndex(
            articles, merge_surnames=self.config.merge_surnames, curated=self.curated
        )
        self.index.min_articles = self.min_articles
        if self.pagefind:
            for asset in PAGEFIND_ASSETS:
                content = (HERE / asset).read_text(encoding="utf-8")
                files.append(File.generated(config, asset, content=content))
        for src_uri, content in self._generated_pages().items():
            if files.get_file_from_path(src_uri) is None:
                files.append(File.generated(config, src_uri, content=content))
        if self.config.feed:
            urls = {file.src_uri: file.url for file in files}
            feed = rss(self.index.articles, config.site_name, config.site_url or "", urls,
                       self.config.feed_size)  # fmt: skip
            files.append(File.generated(config, "feed.xml", content=feed))
        return files

    def _generated_pages(self) -> dict[str, str]:
        index = self.index
        pages: dict[str, str] = {}
        for kind in KINDS:
            pages[f"{SECTION[kind]}/index.md"] = render.kind_index(kind, index)
            for ref, _ in index.of_kind(kind):
                if index.has_page(ref):
                    description = self.curated.description(ref.kind, ref.name)
                    pages.update(
                        render.entity_pages(ref, index, description, self.config.list_size)
                    )
        pages["tags/index.md"] = render.tags_index(index)
        for tag, articles in index.tags().items():
            pages.update(render.tag_pages(tag, articles, self.config.list_size))
        pages.update(render.archive_pages(index))
        pages.update(render.dates_pages(index))
        return pages

    def on_page_markdown(self, markdown: str, page, config, files: Files) -> str:
        article = self.index.by_uri.get(page.file.src_uri)
        if self.pagefind:
            page.meta["search"] = {"exclude": True}  # Pagefind indexes the articles instead
        if article is None:
            return markdown
        # Themes print the title and tags from the front matter as they are: make them text.
        page.meta["title"] = html.escape(article.title)
        page.meta["tags"] = [html.escape(render.tag_label(tag)) for tag in article.tags]
        if self.config.link_mentions:
            markdown = render.link_mentions(markdown, article, self.index)
        block = render.metadata_block(article, self.index)
        head, _, rest = markdown.partition("\n")
        # Under the title when the page starts with one, else at the top.
        has_title = head.startswith("# ")
        markdown = f"{head}\n\n{block}{rest}" if has_title else f"{block}\n{markdown}"
        if self.pagefind:
            markdown = render.pagefind_body(markdown, article, self.index)
        if self.config.related_articles:
            markdown += render.related_block(article, self.index, self.config.related_articles)
        return markdown

    def on_post_build(self, config) -> None:
        if self.pagefind:
            run_pagefind(Path(config.site_dir))


def run_pagefind(site_dir: Path) -> None:
    """Index the built articles with Pagefind (the binary ships in the pagefind-bin wheel)."""
    command = [
        sys.executable, "-m", "pagefind", "--site", str(site_dir), "--quiet",
        "--glob", "articles/**/*.html", "--root-selector", "article.md-content__inner",
        "--exclude-selectors", ".headerlink, .newsdocs-meta, .newsdocs-related",
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise PluginError(
            f"Pagefind could not index {site_dir}: {result.stderr.strip() or result.stdout}; "
            "check that pagefind[bin] is installed (make install), or set 'search: material'"
        )
    log.info("Pagefind indexed %s", site_dir)
