"""Material's navigation rendered once per place in the site, not once per page.

Every page renders the whole navigation (the sidebar and the tabs): at 10,000 articles that
was a third of the template time. For a page that is not in the navigation, nothing in it is
active, and what it renders depends only on where the page is: the links relative to it.
``NavCache.key`` is that (the way back to the site's root and the relative link of every
page in the navigation); our ``partials/nav.html`` and ``partials/tabs.html`` render
Material's own partial once per key and reuse it. Pages in the navigation are rendered as
usual, so the active item is marked as Material marks it.
"""

from __future__ import annotations

from jinja2 import BaseLoader, ChoiceLoader, FileSystemLoader, PrefixLoader
from mkdocs.utils import get_relative_url

#: The prefix under which our partials reach the theme's own (Material's, or a custom_dir's).
PREFIX = "theme"


class NavCache:
    def __init__(self, nav, static_roots: frozenset[str] = frozenset()) -> None:
        #: The first folder of every static file's URL (assets, search, pagefind, ...).
        self.static_roots = static_roots
        self.in_nav = {id(page) for page in nav.pages}
        self.urls = [page.url for page in nav.pages]
        self.held: dict[tuple[str, tuple | str], str] = {}

    def outside(self, page) -> bool:
        """Whether a page is outside the navigation: nothing in it is marked active, and no
        neighbour is linked from its footer."""
        return (
            page is not None and id(page) not in self.in_nav and not getattr(page, "parent", None)
        )

    def key(self, page, base_url: str) -> tuple | None:
        """What the navigation rendered for ``page`` depends on; None: not to be reused."""
        if not self.outside(page):
            return None
        if self.asset_key(page, base_url) is None:
            return None  # beside the static files: the logo's link depends on the page too
        return (base_url, *(get_relative_url(url, page.url) for url in self.urls))

    def asset_key(self, page, base_url: str) -> str | None:
        """What a part that links only to the site's static files (stylesheets, scripts,
        the search worker) depends on: the way back to the root, for a page outside the
        folders those files are in; None: not to be reused."""
        url = getattr(page, "url", None)
        if url is None or url.split("/", 1)[0] in self.static_roots:
            return None
        return base_url

    def get(self, part: str, key: tuple | str | None) -> str | None:
        return self.held.get((part, key)) if key is not None else None

    def keep(self, part: str, key: tuple | str | None, html: str) -> str:
        if key is not None:
            self.held[(part, key)] = html
        return html


def with_theme_prefix(loader: BaseLoader, theme_dirs: list[str], ours: set[str]) -> ChoiceLoader:
    """``loader``, and the theme's templates without ours under ``theme/``: our partial
    ``partials/nav.html`` includes ``theme/partials/nav.html``, Material's."""
    theirs = FileSystemLoader([folder for folder in theme_dirs if folder not in ours])
    return ChoiceLoader([loader, PrefixLoader({PREFIX: theirs})])


class Translations:
    """Material's ``lang.t(key)``, computed once per key by Material's own macro (the
    language's table, then English's) and kept: the macro builds the whole table at each
    call, 17 calls a page."""

    def __init__(self, env, config) -> None:
        self.env, self.config = env, config
        self.held: dict[str, str] = {}

    def __call__(self, key: str) -> str:
        try:
            return self.held[key]
        except KeyError:
            template = self.env.get_template(f"{PREFIX}/partials/language.html")
            module = template.make_module({"config": self.config})
            found = self.held[key] = str(module.t(key))
            return found
