"""The reader's walk in Chromium (issue 16): home -> article -> person -> place -> map, on a
desktop and a phone; no console error, no request to another host (fonts included); the map
draws every place with coordinates, and a marker opens its place page. Screenshots of each
page type are saved under the test's temporary folder (artefacts, not committed)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from build_tools.convert.run import convert
from tests.browser import screenshot_path
from tests.conftest import ROOT

pytestmark = pytest.mark.browser

VIEWPORTS = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
ARTICLE = "articles/undated/second-trump-kim-summit-planned-for-late-february/"
#: A second article for the seed, dated and naming the same people: with it an article page
#: shows related articles and a link to the older or newer one, and the archive and the
#: dates have a year's page.
FOLLOW_UP = """---
date: 2019-01-21
source: VOA News
---
Pompeo Says North Korea Talks Made Progress

Secretary of State Mike Pompeo said on Monday that talks with North Korea in Stockholm had \
made progress toward a second summit between President Donald Trump and Kim Jong Un.

Pompeo told reporters that the working-level meetings were "a good start" and that the \
United States would keep sanctions on Pyongyang until North Korea gave up its weapons.

Trump said on Saturday that he and Kim Jong Un would meet near the end of February. The \
White House has not said where the summit will be held.
"""
FOLLOW_UP_ARTICLE = "articles/2019/pompeo-says-north-korea-talks-made-progress/"


def build_site(
    root: Path,
    nlp,
    sources: dict[str, str] | None = None,
    served: Callable[[Path], str] | None = None,
) -> Path:
    """The repository's site (the seed, docs/, mkdocs.yml, entities.yml) built in root, with
    more sources (file name -> text) beside the seed; its site folder.

    served: serve the site first and build it with that URL as site_url, as the Pages
    workflow does: Material's instant navigation only takes links its sitemap lists, and
    the sitemap holds absolute URLs made from site_url.
    """
    shutil.copytree(ROOT / "source_texts", root / "source_texts")
    for name, text in (sources or {}).items():
        (root / "source_texts" / name).write_text(text, encoding="utf-8")
    return build_sources(root, nlp, served)


def build_sources(root: Path, nlp, served: Callable[[Path], str] | None = None) -> Path:
    """The sources in root/source_texts converted with nlp and built in root/site, with the
    repository's docs/, mkdocs.yml and entities.yml around them; its site folder.

    served: as for build_site.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
    for name in ("mkdocs.yml", "entities.yml"):
        shutil.copy(ROOT / name, root / name)
    convert(root / "source_texts", root / "docs", progress=False, nlp=nlp)
    site = root / "site"
    site.mkdir()
    options = {"site_url": served(site)} if served else {}
    build(load_config(str(root / "mkdocs.yml"), site_dir=str(site), **options))
    return site


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory, blank_nlp) -> Path:
    return build_site(tmp_path_factory.mktemp("reading-site"), blank_nlp)


@pytest.mark.parametrize("device", VIEWPORTS)
def test_the_walk_home_article_person_place_map(browser, served, seed_site, device):
    base = served(seed_site)
    browser.blocked.clear()
    walk = ["", ARTICLE, "people/mike-pompeo/", "places/pyongyang/", "map/"]
    for step in walk:
        visit = browser.visit(base + step)
        visit.page.set_viewport_size(VIEWPORTS[device])
        assert visit.status == 200, step
        if step == "map/":
            visit.page.wait_for_selector("#newsdocs-map[data-markers]")
        width = visit.page.evaluate("document.documentElement.scrollWidth")
        assert width <= VIEWPORTS[device]["width"], (step, "wider than the screen", width)
        visit.page.screenshot(
            path=str(screenshot_path(f"walk-{device}-{step.split('/')[0] or 'home'}"))
        )
        assert visit.clean, (step, visit.problems)
    assert browser.blocked == []  # no font, tile or script from another host


def test_the_map_draws_every_place_and_a_marker_opens_its_page(browser, served, seed_site):
    visit = browser.visit(served(seed_site) + "map/")
    page = visit.page
    page.wait_for_selector("#newsdocs-map[data-markers]")
    listed = page.locator("ul.newsdocs-places li").count()
    assert listed >= 3
    assert page.get_attribute("#newsdocs-map", "data-markers") == str(listed)
    markers = page.locator("path.newsdocs-marker")
    assert markers.count() == listed
    first = markers.first  # markers may overlap (a country is marked at its capital)
    target = first.get_attribute("data-href")
    first.dispatch_event("click")
    page.wait_for_url("**/places/**")
    assert page.url.endswith(target.removeprefix("..")), (page.url, target)
    assert visit.clean, visit.problems


def test_the_first_paragraph_starts_on_a_phones_first_screen(browser, served, seed_site):
    visit = browser.visit(served(seed_site) + ARTICLE)
    visit.page.set_viewport_size(VIEWPORTS["phone"])
    top = visit.page.evaluate(
        "() => document.querySelector('article > p:not(.newsdocs-meta p)')"
        ".getBoundingClientRect().top"
    )
    assert top < 844 * 0.75, top  # well within the first screen of a 390 x 844 phone


def test_an_index_filter_box_narrows_the_names_without_a_server(browser, served, seed_site):
    visit = browser.visit(served(seed_site) + "people/")
    page = visit.page
    page.fill("input.newsdocs-filter", "pomp")
    visible = [text for text in page.locator("article li:visible").all_inner_texts()]
    assert visible and all("Pompeo" in text for text in visible), visible
    page.fill("input.newsdocs-filter", "")
    assert page.locator("article li:visible").count() > len(visible)
    assert visit.clean, visit.problems


@pytest.mark.parametrize("device", VIEWPORTS)
def test_a_reader_searches_a_name_and_opens_its_page(browser, served, seed_site, device):
    """On a phone the search opens from the header's button, then fills the screen."""
    base = served(seed_site)
    visit = browser.visit(base + ARTICLE)
    page = visit.page
    page.set_viewport_size(VIEWPORTS[device])
    box = page.locator("#newsdocs-search input.pagefind-ui__search-input")
    if device == "phone":
        assert not box.is_visible()  # hidden until asked for
        page.click("label.md-header__button[for='__search']")
    box.wait_for(state="visible")
    box.fill("Mike Pompeo")
    first = page.locator("#newsdocs-search .pagefind-ui__result-link").first
    first.wait_for()
    assert first.inner_text() == "Mike Pompeo"
    first.click()
    page.wait_for_url(base + "people/mike-pompeo/")
    assert page.inner_text("h1") == "Mike Pompeo"
    assert visit.clean, visit.problems
