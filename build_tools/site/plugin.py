"""The ``newsdocs`` MkDocs plugin: a table of contents of the build, logic elsewhere."""

from __future__ import annotations

import html
import logging
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


class NewsdocsPlugin(BasePlugin[NewsdocsConfig]):
    """Collect the articles' front matter, then generate index, entity and archive pages."""

    index: EntityIndex

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
                description = self.curated.description(ref.kind, ref.name)
                pages[ref.src_uri] = render.entity_page(ref, index, description)
        pages["tags/index.md"] = render.tags_index(index)
        for tag, articles in index.tags().items():
            pages[render.tag_uri(tag)] = render.tag_page(tag, articles)
        pages.update(render.archive_pages(index))
        pages.update(render.dates_pages(index))
        return pages

    def on_page_markdown(self, markdown: str, page, config, files: Files) -> str:
        article = self.index.by_uri.get(page.file.src_uri)
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
        if self.config.related_articles:
            markdown += render.related_block(article, self.index, self.config.related_articles)
        return markdown
