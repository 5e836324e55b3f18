"""End to end: convert the seed with the model, build the site in a temporary folder."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from build_tools.convert.run import convert
from tests.conftest import ROOT, checked_warnings

pytestmark = pytest.mark.model
ARTICLE = "articles/undated/second-trump-kim-summit-planned-for-late-february"


@pytest.fixture(scope="module")
def site(tmp_path_factory, model_nlp) -> Path:
    project = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "source_texts", project / "source_texts")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("articles"))
    if (ROOT / "entities.yml").exists():
        shutil.copy(ROOT / "entities.yml", project / "entities.yml")
    report = convert(project / "source_texts", project / "docs", nlp=model_nlp, progress=False)
    assert not report.failed
    # A hand-written page where the plugin would generate one: the hand-written one wins.
    (project / "docs" / "dates").mkdir()
    (project / "docs" / "dates" / "index.md").write_text("# Dates\n\nWritten by hand.\n")
    records = build_site(project / "mkdocs.yml", project / "site")
    assert [r.getMessage() for r in records] == []  # what --strict would fail on
    return project / "site"


def build_site(config_file: Path, site_dir: Path, level: int = logging.WARNING) -> list:
    """Build with MkDocs in this process; the log records at ``level`` and above."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    records: list[logging.LogRecord] = []
    handler = logging.Handler(level=level)
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous, logger.level = logger.level, min(level, logger.getEffectiveLevel())
    try:
        build(load_config(str(config_file), site_dir=str(site_dir)))
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return records


def soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_a_hand_written_page_is_kept_over_a_generated_one(site):
    article = soup(site, "dates").select_one("article")
    assert article.get_text(" ", strip=True).endswith("Written by hand.")


def test_article_page(site):
    page = soup(site, ARTICLE)
    article = page.select_one("article")
    assert article.h1.get_text(strip=True).startswith(
        "Second Trump-Kim Summit Planned for Late February"
    )
    meta = article.select_one(".newsdocs-meta")
    assert "VOA News" in meta.get_text()
    body = [p for p in article.find_all("p", recursive=False)]
    assert len(body) == 12
    text = article.get_text()
    assert "Related posts" not in text and "Comments" not in text
    assert "for a lifting" in text
    links = {a.get_text(): a["href"] for a in meta.select("a")}
    assert links["Mike Pompeo"] == "../../../people/mike-pompeo/"
    summary = yaml.safe_load((ROOT / "docs" / f"{ARTICLE}.md").read_text("utf-8").split("---")[1])
    description = page.find("meta", attrs={"name": "description"})["content"]
    assert description == summary["summary"]  # the article's own, not the site's


def test_the_home_page_lists_the_newest_articles(site):
    home = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    newest = home.select_one("article ul.newsdocs-articles")
    assert newest is not None and newest.find("a")["href"] == f"{ARTICLE}/"
    assert home.find("a", string="All articles, by year and month")["href"] == "archive/"
    assert "newsdocs:newest" not in str(home)


def test_first_mention_in_body_links_to_entity_page(site):
    article = soup(site, ARTICLE).select_one("article")
    body_links = [
        (a.get_text(), a["href"]) for p in article.find_all("p", recursive=False) for a in p("a")
    ]
    assert ("Mike Pompeo", "../../../people/mike-pompeo/") in body_links
    assert ("U.S.", "../../../places/united-states/") in body_links
    assert len([t for t, _ in body_links if t == "Trump"]) <= 1
    assert not article.h1.find("a", href=lambda h: h and "people" in h)


def test_entity_pages_and_indexes(site):
    pompeo = soup(site, "people/mike-pompeo").select_one("article")
    assert pompeo.h1.get_text(strip=True).startswith("Mike Pompeo")
    item = pompeo.find("a", string="Second Trump-Kim Summit Planned for Late February")
    assert item is not None and item["href"] == f"../../{ARTICLE}/"
    assert "Secretary of State Mike Pompeo" in pompeo.get_text()  # the sentence naming him
    places = soup(site, "places").select_one("article")
    assert places.find("a", string="Stockholm") is not None
    assert soup(site, "tags").select_one("article").find("a") is not None
    assert soup(site, "archive").find("a", string="Undated") is not None
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<title>Second Trump-Kim Summit Planned for Late February</title>" in feed
    # Pagefind's index, not Material's (whose plugin indexes nothing in this mode).
    assert (site / "pagefind").is_dir() and not (site / "search").exists()


def test_every_link_between_pages_lands_on_a_page(site):
    """Generated pages and article blocks are HTML written by the plugin, not checked by
    MkDocs: every relative link of every page must reach a built page (and its anchor)."""
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        document = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for anchor in document.select("article a[href]"):
            href = anchor["href"]
            if href.startswith(("http:", "https:", "mailto:", "#")):
                continue
            path, _, fragment = href.partition("#")
            target = (page.parent / path).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {href}")
            elif fragment and f'id="{fragment}"' not in target.read_text(encoding="utf-8"):
                broken.append(f"{page.relative_to(site)}: {href} (no such anchor)")
    assert broken == []


def test_pages_rendered_in_a_second_process_are_the_same(site):
    """``parallel: on`` forks the build and lets the child render every other page: the
    site is the same, byte for byte, and MkDocs says nothing of the pages it skipped."""
    project = site.parent
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "  - newsdocs\n" in config
    forked = project / "mkdocs-parallel.yml"
    forked.write_text(config.replace("  - newsdocs\n", "  - newsdocs:\n      parallel: 'on'\n"))
    records = build_site(forked, project / "site-parallel", level=logging.INFO)
    assert not [r.getMessage() for r in records if r.levelno >= logging.WARNING]
    assert not [r.getMessage() for r in records if "Page skipped" in r.getMessage()]
    assert [r for r in records if "rendered by a second process" in r.getMessage()]
    pages = sorted(path.relative_to(site) for path in site.rglob("*.html"))
    assert len(pages) > 10
    assert pages == sorted(p.relative_to(project / "site-parallel")
                           for p in (project / "site-parallel").rglob("*.html"))  # fmt: skip
    for page in pages:
        assert (project / "site-parallel" / page).read_bytes() == (site / page).read_bytes(), page


def test_the_navigation_rendered_once_per_place_is_the_one_material_renders(site, monkeypatch):
    """The sidebar and tabs of pages not in the navigation, and the parts that link to the
    site's assets, come from ``NavCache``: with it turned off (every page renders
    Material's own) the site is the same, byte for byte; a page in the navigation marks its
    own tab active."""
    from build_tools.mkdocs import navcache

    project = site.parent
    monkeypatch.setattr(navcache.NavCache, "key", lambda self, page, base_url: None)
    monkeypatch.setattr(navcache.NavCache, "asset_key", lambda self, page, base_url: None)
    build_site(project / "mkdocs.yml", project / "site-uncached")
    pages = sorted(path.relative_to(site) for path in site.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        assert (project / "site-uncached" / page).read_bytes() == (site / page).read_bytes(), page
    soup = BeautifulSoup((site / "people" / "index.html").read_text("utf-8"), "html.parser")
    active = soup.select(".md-tabs__item--active a")
    assert [a.get_text(strip=True) for a in active] == ["People"]


def test_links_to_anchors_of_pages_built_without_markdown_are_checked(site, tmp_path, caplog):
    """Articles and generated pages get their HTML without MkDocs' Markdown, but MkDocs
    still knows their anchors: a link to the article's title or an entity page's section
    builds quietly under ``--strict``, a link to a missing anchor is reported."""
    project = tmp_path / "project"
    shutil.copytree(site.parent / "docs", project / "docs")
    config = (site.parent / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nstrict: true\n" in config
    # Not strict, to see every warning; strict would fail on any of them.
    config = config.replace("\nstrict: true\n", "\nstrict: false\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    title = ARTICLE.rsplit("/", 1)[1]
    (project / "docs" / "links.md").write_text(
        f"# Links\n\n[The summit]({ARTICLE}.md#{title}), "
        "[Trump's articles](people/donald-trump.md#articles), "
        "[nowhere](people/donald-trump.md#no-such-section).\n",
        encoding="utf-8",
    )
    records = build_site(project / "mkdocs.yml", project / "site")
    assert [r.getMessage() for r in records] == [
        "Doc file 'links.md' contains a link 'people/donald-trump.md#no-such-section', but "
        "the doc 'people/donald-trump.md' does not contain an anchor '#no-such-section'."
    ]
    checked_warnings(caplog)
