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
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

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


def test_an_article_and_the_next_one_stay_within_the_transfer_budget(browser, served, site):
    base = served(site)
    visit = browser.visit(base + ARTICLE, first=True)
    page = visit.page
    page.wait_for_load_state("networkidle")  # the sitemap, and all else loaded after "load"
    first_urls = list(visit.responses)
    first, first_table = weigh(site, base, first_urls)
    print(f"First visit to {ARTICLE}:\n{first_table}")

    with page.expect_response(base + FOLLOW_UP_ARTICLE):
        page.click("nav.newsdocs-prevnext a")
    page.wait_for_function("() => /Pompeo Says/.test(document.querySelector('h1').textContent)")
    settle(page, visit.responses)
    new_urls = [url for url in visit.responses[len(first_urls) :] if url not in first_urls]
    then, then_table = weigh(site, base, new_urls)
    print(f"Then {FOLLOW_UP_ARTICLE}, new files only:\n{then_table}")

    assert first <= FIRST_VISIT_BUDGET, f"first visit over budget:\n{first_table}"
    assert then <= NEXT_ARTICLE_BUDGET, f"next article over budget:\n{then_table}"
    assert visit.clean, visit.problems
