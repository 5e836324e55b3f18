"""Issue 16 on a real archive: 300 BBC articles (and the seed), converted with the real model
and built in a temporary folder, tried in Chromium as a reader would.

- Search: the three people, places and organizations with the most articles, as the site's
  index pages list them, are each typed in the site's search box (Pagefind's UI in the
  header, on an article page); the first result must be that name's page.
- Transfer: the first visit to the heaviest article page, then its older/newer link, stay
  within the budgets of ``test_browser_transfer`` (counted the same way).

The BBC sources are the benchmark's: ``tools.bench`` picks them in a seeded order from all
five sections and gives each a YAML header with a publication date.
"""

from __future__ import annotations

import re
import shutil
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup

from build_tools.model import KINDS, SECTION
from tests.conftest import BBC, ROOT
from tests.test_browser_reading import build_sources
from tests.test_browser_transfer import FIRST_VISIT_BUDGET, NEXT_ARTICLE_BUDGET, first_and_next
from tools.bench import CATEGORIES, load_corpus, multiply, write_sources

pytestmark = [pytest.mark.browser, pytest.mark.model]
needs_bbc = pytest.mark.skipif(not BBC.is_dir(), reason=f"needs the BBC corpus at {BBC}")

ARTICLES = 300
#: Names searched per kind of page.
TOP = 3
#: Results shown when a search does not find its page first.
SHOWN = 5
#: Pagefind UI's message once the results of a query are in ("Searching for ..." before).
SEARCH_DONE = """q => {
    const message = document.querySelector('#newsdocs-search .pagefind-ui__message');
    const results = document.querySelector('#newsdocs-search .pagefind-ui__results');
    return message !== null && message.textContent.trim().endsWith(` for ${q}`)
        && (results === null || results.querySelector('.pagefind-ui__loading') === null);
}"""
COUNT = re.compile(r"\((\d+)\)\s*$")


@pytest.fixture(scope="module")
def bbc_site(tmp_path_factory, model_nlp, served) -> Path:
    """300 BBC articles (the benchmark's seeded selection and dates), built with site_url."""
    root = tmp_path_factory.mktemp("bbc-site")
    corpus = load_corpus(BBC)
    sources = multiply(corpus, ARTICLES)
    write_sources(sources, corpus, root / "source_texts")
    sections = Counter(source.path.split("/")[0] for source in sources)
    assert set(sections) == set(CATEGORIES), sections
    started = time.perf_counter()
    site = build_sources(root, model_nlp, served)
    print(f"{ARTICLES} BBC articles converted and built in {time.perf_counter() - started:.1f} s")
    assert len(list((root / "docs" / "articles").rglob("*.md"))) == ARTICLES
    return site


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory, model_nlp, served) -> Path:
    """The repository's seed, converted with the real model, built with site_url."""
    root = tmp_path_factory.mktemp("seed-site")
    shutil.copytree(ROOT / "source_texts", root / "source_texts")
    return build_sources(root, model_nlp, served)


def most_named(site: Path, kind: str, count: int = TOP) -> list[tuple[str, str]]:
    """The count names of a kind with the most articles among those that have a page, as
    the site's index page lists them (ties by address): (the title of its page, its path)."""
    section = SECTION[kind]
    index = BeautifulSoup((site / section / "index.html").read_text("utf-8"), "html.parser")
    articles: dict[str, int] = {}
    for link in index.select("article li > a"):
        number = COUNT.search(link.parent.get_text())
        if number and not link["href"].startswith(".."):  # a page of its own, not an article
            articles[link["href"]] = int(number.group(1))
    ranked = sorted(articles, key=lambda href: (-articles[href], href))[:count]
    named = []
    for href in ranked:
        path = f"{section}/{href}"
        page = BeautifulSoup((site / path / "index.html").read_text("utf-8"), "html.parser")
        named.append((page.h1.get_text(strip=True), path))
    return named


def heaviest_article(site: Path) -> str:
    """The path of the largest article page (the most names, links and related articles)."""
    pages = site.glob("articles/*/*/index.html")
    page = max(pages, key=lambda file: (file.stat().st_size, file.as_posix()))
    return page.parent.relative_to(site).as_posix() + "/"


def search(page, query: str) -> list[tuple[str, str]]:
    """Type query in the site's search box; the results shown first: (URL, title)."""
    box = page.locator("#newsdocs-search input.pagefind-ui__search-input")
    box.click()
    box.fill(query)
    page.wait_for_function(SEARCH_DONE, arg=query)
    links = page.locator("#newsdocs-search .pagefind-ui__result-link")
    return [
        (urljoin(page.url, links.nth(n).get_attribute("href")), links.nth(n).inner_text())
        for n in range(min(links.count(), SHOWN))
    ]


def check_search(browser, site: Path, base: str) -> None:
    """Each of the most named people, places and organizations is found first."""
    queries = [(kind, *named) for kind in KINDS for named in most_named(site, kind)]
    assert len(queries) >= len(KINDS), queries  # at least one page of each kind
    visit = browser.visit(base + heaviest_article(site))
    page = visit.page
    page.wait_for_selector("#newsdocs-search input.pagefind-ui__search-input")
    missed = []
    for kind, name, path in queries:
        results = search(page, name)
        found = results[0][0] if results else None
        print(f"{kind:<12} {name!r:<28} -> {found and found.removeprefix(base)}")
        if found != base + path:
            shown = "\n".join(f"    {url.removeprefix(base)} {title!r}" for url, title in results)
            missed.append(f"{kind} {name!r}: expected {path}, got\n{shown or '    nothing'}")
    assert not missed, "a name's page is not the first result:\n" + "\n".join(missed)
    assert visit.clean, visit.problems


@pytest.mark.corpus
@needs_bbc
def test_a_name_finds_its_page_first_on_the_bbc_archive(browser, served, bbc_site):
    check_search(browser, bbc_site, served(bbc_site))


def test_a_name_finds_its_page_first_on_the_seed(browser, served, seed_site):
    check_search(browser, seed_site, served(seed_site))


@pytest.mark.corpus
@needs_bbc
def test_a_bbc_article_and_the_next_one_stay_within_the_transfer_budget(browser, served, bbc_site):
    """The heaviest article page, then its older/newer neighbour."""
    base = served(bbc_site)
    article = heaviest_article(bbc_site)
    walk = first_and_next(browser, bbc_site, base, article)
    print(f"First visit to {article}:\n{walk.first_table}")
    print(f"Then {walk.next_url.removeprefix(base)}, new files only:\n{walk.then_table}")
    assert walk.first <= FIRST_VISIT_BUDGET, f"first visit over budget:\n{walk.first_table}"
    assert walk.then <= NEXT_ARTICLE_BUDGET, f"next article over budget:\n{walk.then_table}"
    assert walk.visit.clean, walk.visit.problems


@pytest.mark.corpus
@needs_bbc
def test_every_feed_of_the_bbc_archive_parses(bbc_site):
    """The site's feed and one per entity and tag page, each read by feedparser."""
    import feedparser

    feeds = [path for path in bbc_site.rglob("*.xml") if path.name != "sitemap.xml"]
    assert len(feeds) > 100  # the site's, and one per entity and tag page
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.bozo_exception)
        assert parsed.entries and parsed.feed.title, feed
