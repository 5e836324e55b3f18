"""What a reader downloads (issue 16): the first visit to an article, and the next article
opened from a link on it, stay within a budget.

Every response the page receives in Chromium is recorded (the HTML, stylesheets, scripts,
fonts, search data, images; after the load event too, until the network is idle) and
counted by the size of the file it came from, compressed as a web server would send it:
the test server does not compress, so a text file (HTML, CSS, JavaScript, JSON, XML, SVG)
counts as its gzip -6 size, any other file (images, fonts, Pagefind's index, which is
compressed already) as it is. HTTP headers are not counted.

The second article is opened as a reader opens it: a click on the older/newer link, which
Material's instant navigation fetches without reloading the page. Only URLs the first visit
did not load count: the browser holds the others.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import pytest

from tests.browser import Visit
from tests.test_browser_reading import ARTICLE, FOLLOW_UP, FOLLOW_UP_ARTICLE, build_site

pytestmark = pytest.mark.browser

FIRST_VISIT_BUDGET = 250_000  # bytes, compressed
NEXT_ARTICLE_BUDGET = 30_000
#: Files a web server compresses on the way (GitHub Pages gzips these types).
TEXT = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest"}


@pytest.fixture(scope="module")
def site(tmp_path_factory, blank_nlp, served) -> Path:
    return build_site(tmp_path_factory.mktemp("transfer-site"), blank_nlp,
                      {"follow-up.txt": FOLLOW_UP}, served)  # fmt: skip


def transfer_size(site: Path, base: str, url: str) -> int:
    """The bytes a web server would send for url (below base, served from site)."""
    assert url.startswith(base), f"{url}: not from the site"
    file = site / unquote(urlsplit(url).path).lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    data = file.read_bytes()
    return len(gzip.compress(data, compresslevel=6, mtime=0)) if file.suffix in TEXT else len(data)


def weigh(site: Path, base: str, urls: list[str]) -> tuple[int, str]:
    """The total transfer of urls (each once), and a table of them, heaviest first."""
    sizes = sorted(((transfer_size(site, base, url), url) for url in dict.fromkeys(urls)),
                   reverse=True)  # fmt: skip
    total = sum(size for size, _ in sizes)
    lines = [f"{size:>9,} {url.removeprefix(base)}" for size, url in sizes]
    return total, "\n".join([*lines, f"{total:>9,} in all, {len(sizes)} files"])


def settle(page, responses: list[str], quiet_ms: int = 500) -> None:
    """Wait until the page has received no response for quiet_ms (what Playwright's
    "networkidle" does for a page load, after a navigation that loads no document)."""
    for _ in range(20):
        seen = len(responses)
        page.wait_for_timeout(quiet_ms)
        if len(responses) == seen:
            return


@dataclass(frozen=True)
class Walk:
    """What a reader downloaded: the first visit to an article, then its older/newer link."""

    first: int  # bytes, compressed
    first_table: str
    then: int  # bytes of the files the first visit did not load
    then_table: str
    next_url: str
    visit: Visit  # the page, still open


def first_and_next(browser, site: Path, base: str, article: str) -> Walk:
    """Open article (below base, served from site) with an empty cache, wait for the
    network to be idle, then click its first older/newer link; weigh both steps."""
    visit = browser.visit(base + article, first=True)
    page = visit.page
    page.wait_for_load_state("networkidle")  # the sitemap, and all else loaded after "load"
    first_urls = list(visit.responses)
    first, first_table = weigh(site, base, first_urls)

    link = page.locator("nav.newsdocs-prevnext a").first
    next_url = urljoin(page.url, link.get_attribute("href"))
    heading = page.inner_text("h1")
    with page.expect_response(next_url):
        link.click()
    page.wait_for_function(
        "([url, heading]) => location.href === url"
        " && document.querySelector('h1').innerText !== heading",
        arg=[next_url, heading],
    )
    settle(page, visit.responses)
    new_urls = [url for url in visit.responses[len(first_urls) :] if url not in first_urls]
    then, then_table = weigh(site, base, new_urls)
    return Walk(first, first_table, then, then_table, next_url, visit)


def test_an_article_and_the_next_one_stay_within_the_transfer_budget(browser, served, site):
    base = served(site)
    walk = first_and_next(browser, site, base, ARTICLE)
    print(f"First visit to {ARTICLE}:\n{walk.first_table}")
    print(f"Then {FOLLOW_UP_ARTICLE}, new files only:\n{walk.then_table}")

    assert walk.next_url == base + FOLLOW_UP_ARTICLE
    assert "Pompeo Says" in walk.visit.page.inner_text("h1")
    assert walk.first <= FIRST_VISIT_BUDGET, f"first visit over budget:\n{walk.first_table}"
    assert walk.then <= NEXT_ARTICLE_BUDGET, f"next article over budget:\n{walk.then_table}"
    assert walk.visit.clean, walk.visit.problems
