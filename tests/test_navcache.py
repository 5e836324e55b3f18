"""NavCache: which pages may share the navigation Material rendered for another."""

from __future__ import annotations

from types import SimpleNamespace

from build_tools.mkdocs.navcache import NavCache


def _page(url: str, parent=None):
    return SimpleNamespace(url=url, parent=parent)


def test_pages_out_of_the_navigation_share_by_place_and_others_render_their_own():
    home, people = _page(""), _page("people/")
    cache = NavCache(SimpleNamespace(pages=[home, people]), frozenset({"assets", "search"}))
    one, two = _page("articles/2005/01/a/"), _page("articles/2005/02/b/")
    assert cache.key(one, "../../../..") == cache.key(two, "../../../..") is not None
    assert cache.key(_page("people/x/"), "../..") != cache.key(_page("places/y/"), "../..")
    assert cache.key(people, "..") is None  # in the navigation: its tab is active
    assert cache.key(_page("people/x/", parent=people), "../..") is None
    # Beside the static files (a logo under assets/) links depend on the page itself.
    assert cache.key(_page("assets/about/"), "../..") is None
    assert cache.asset_key(_page("assets/about/"), "../..") is None
