"""Pages given their HTML without Python-Markdown: what touches MkDocs' page internals.

Generated pages and article pages are HTML made by the archive core; MkDocs would set up
Python-Markdown for each of them (0.3 ms a page with nothing to convert). ``without_markdown``
replaces the page's render step for that page only.
"""

from __future__ import annotations

import html
import re

from mkdocs.structure.toc import TableOfContents, get_toc

#: The id of an HTML element (MkDocs collects them as the anchors a page has).
_ID = re.compile(r'<[^<>]*?\sid="([^"]*)"')


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
