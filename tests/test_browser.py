"""Untrusted text stays text, in a real browser: the hostile site served and opened in Chromium.

No dialog, no page error, no console error, no inline handler in the live DOM, and the
hostile text visible as text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.page import loads
from tests.browser import inline_scripts
from tests.test_hostile import IMG, SCRIPT, SITE_SOURCES, build_hostile_site, pages_by_source

pytestmark = pytest.mark.browser
ENTITY_SECTIONS = ("people/", "places/", "organizations/", "tags/")
#: True once Material's search shows results for a query (arg true) or is empty (arg false).
PAGEFIND_FORM = '<form action="javascript:void(0);">'
SEARCH_DONE = """done => /matching/i.test(
    document.querySelector(".md-search-result__meta").textContent) === done"""


@pytest.fixture(scope="module")
def site(tmp_path_factory, blank_nlp) -> Path:
    # Material's own search: its renderer is tested here; Pagefind's below.
    return build_hostile_site(tmp_path_factory.mktemp("browser-site"), blank_nlp,
                              {"search": "material"})  # fmt: skip


def article_url(site: Path, source: str) -> str:
    """The URL path of the page made from a source, from the pages' provenance."""
    docs = site.parent / "docs"
    page = pages_by_source(docs)[source].relative_to(docs)
    return page.with_suffix("").as_posix() + "/"


def problems(visit) -> list[str]:
    """Everything wrong with a visited page: status, dialogs, errors, inline handlers."""
    found = [] if visit.status == 200 else [f"status {visit.status}"]
    return found + visit.problems + [f"live in the DOM: {h}" for h in inline_scripts(visit.page)]


def expect_clean(visit) -> None:
    assert problems(visit) == [], visit.url


@pytest.mark.parametrize("source", SITE_SOURCES)
def test_hostile_article_and_its_entity_pages_run_no_script(browser, served, site, source):
    base = served(site)
    visit = browser.visit(base + article_url(site, source))
    found = {visit.url: problems(visit)}
    page_file = pages_by_source(site.parent / "docs")[source]
    title = loads(page_file.read_text("utf-8"), str(page_file)).title
    assert visit.page.locator("article h1").inner_text().startswith(title)
    links = visit.page.eval_on_selector_all(
        "article .newsdocs-meta a[href]", "links => links.map(a => a.href)"
    )
    entity_pages = sorted({url for url in links if url.startswith(base) and any(
        section in url for section in ENTITY_SECTIONS)})  # fmt: skip
    assert entity_pages, f"{source}: no entity or tag page linked"
    for url in entity_pages:
        entity = browser.visit(url)
        found[url] = problems(entity)
        assert entity.page.locator("article h1").inner_text().strip(), url
    assert {url.removeprefix(base): p for url, p in found.items() if p} == {}


def test_hostile_text_is_visible_as_text(browser, served, site):
    visit = browser.visit(served(site) + article_url(site, "hostile/body.txt"))
    text = visit.page.locator("article").inner_text()
    assert f"{SCRIPT} in a Title" in visit.page.locator("article h1").inner_text()
    for hostile in (
        SCRIPT,
        "<img src=x onerror=alert(2)>",
        "[click me](javascript:alert(3))",
        '<div onclick="alert(4)">a raw HTML block</div>',
        "{{ config.site_name }} {% raw %}",
    ):
        assert hostile in text
    assert visit.page.title().startswith(f"{SCRIPT} in a Title")
    expect_clean(visit)


def test_header_fields_show_as_text_and_links_are_http(browser, served, site):
    visit = browser.visit(served(site) + article_url(site, "hostile/header.txt"))
    # The title in the top bar (Material's header) is text too.
    topic = visit.page.locator("[data-md-component=header-topic]").first
    assert f"{IMG} Headline" in topic.inner_text()
    meta = visit.page.locator("article .newsdocs-meta")
    assert SCRIPT in meta.inner_text()  # the source, shown as text
    hrefs = meta.evaluate("block => Array.from(block.querySelectorAll('a')).map(a => a.href)")
    assert all(href.startswith(("http://", "https://")) for href in hrefs), hrefs
    expect_clean(visit)


def test_searching_hostile_text_runs_no_script(browser, served, site):
    """Material's search renders titles, texts and tags of the results as HTML."""
    visit = browser.visit(served(site), wait_until="networkidle")
    page = visit.page
    search = page.locator("input.md-search__input")
    meta = page.locator(".md-search-result__meta")
    found = {}
    # "alert" last: its results are the hostile article's, whose filters (names) then show
    # (empty filters are hidden).
    for query in ("trump", "script", "img", "onclick", "alert"):
        search.click()
        search.fill("")
        page.wait_for_function(SEARCH_DONE, arg=False)
        search.press_sequentially(query)  # typed: Material searches on key events
        page.wait_for_function(SEARCH_DONE, arg=True)
        page.wait_for_timeout(200)  # images in the results load, handlers would fire
        found[query] = meta.inner_text()
    assert "No matching" not in found["alert"], found
    assert visit.clean, visit.problems
    assert inline_scripts(page) == []


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory, blank_nlp) -> Path:
    root = tmp_path_factory.mktemp("browser-pagefind")
    return build_hostile_site(root, blank_nlp, {"search": "pagefind"})


def test_searching_hostile_text_with_pagefind_runs_no_script(browser, served, pagefind_site):
    """Pagefind's UI renders result excerpts as HTML: the records must carry text only."""
    visit = browser.visit(served(pagefind_site), wait_until="networkidle")
    page = visit.page
    page.wait_for_function("() => document.querySelector('#newsdocs-search input') !== null")
    found = {}
    # "alert" last: its results are the hostile article's, whose filters (names) then show
    # (empty filters are hidden).
    for query in ("trump", "script", "img", "onclick", "alert"):
        page.fill("#newsdocs-search input", query)
        page.wait_for_function(
            "q => document.querySelector('.pagefind-ui__message') &&"
            " document.querySelector('.pagefind-ui__message').textContent.includes(q)",
            arg=query,
        )
        page.wait_for_timeout(300)  # images in the results load, handlers would fire
        found[query] = page.locator(".pagefind-ui__result-excerpt").all_inner_texts()
    assert any("alert(" in excerpt for excerpt in found["alert"]), found
    labels = page.locator(".pagefind-ui__filter-label").all_text_contents()
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert any("<img src=x onerror=alert(2)>" in label for label in labels), labels
    assert any("<" in title for title in titles), titles  # titles show as text too
    assert visit.clean, visit.problems
    # The one javascript: URL is Pagefind UI's own search form, not from any text.
    assert [s for s in inline_scripts(page) if s != PAGEFIND_FORM] == []
