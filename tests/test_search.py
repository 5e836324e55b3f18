"""Search that stays light: Pagefind in Material's header, tried in a real browser."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from build_tools.convert import convert
from tests.conftest import ROOT

pytestmark = pytest.mark.model


def build(project: Path, plugin_options: dict) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    config["plugins"] = ["search", {"newsdocs": plugin_options}]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    return project / "site"


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory, model_nlp) -> Path:
    project = tmp_path_factory.mktemp("pagefind")
    shutil.copytree(ROOT / "source_texts", project / "source_texts")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("articles"))
    report = convert(project / "source_texts", project / "docs", nlp=model_nlp, progress=False)
    assert not report.failed
    return build(project, {"search": "pagefind"})


def test_pagefind_indexes_articles_with_filters(pagefind_site):
    bundle = pagefind_site / "pagefind"
    assert (bundle / "pagefind-entry.json").is_file()
    assert (bundle / "pagefind-ui.js").is_file()
    filters = {path.name for path in (bundle / "filter").iterdir()}
    assert filters, "no filter files"
    article = next((pagefind_site / "articles").rglob("index.html")).read_text("utf-8")
    assert 'data-pagefind-filter="person:Mike Pompeo"' in article
    # Material's own index carries nothing in this mode: the first query loads Pagefind only.
    index = (pagefind_site / "search" / "search_index.json").read_text("utf-8")
    assert "Pompeo" not in index


@pytest.mark.browser
def test_a_query_finds_the_article_and_transfers_little(pagefind_site, browser, served):
    base = served(pagefind_site)
    visit = browser.visit(base + "index.html")
    page = visit.page
    page.wait_for_function("() => document.querySelector('#newsdocs-search input') !== null")
    loaded: list[int] = []
    page.on("response", lambda response: loaded.append(len(response.body() or b"")))
    page.fill("#newsdocs-search input", "Pompeo")
    page.wait_for_selector(".pagefind-ui__result-link")
    page.screenshot(path=str(pagefind_site.parent / "search.png"))
    header = page.locator(".md-header").bounding_box()
    assert header is not None and header["height"] < 100, "the results must not stretch the header"
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert any("Second Trump-Kim Summit" in title for title in titles)
    assert sum(loaded) < 1_000_000, f"{sum(loaded)} bytes for the first query"
    assert visit.clean, visit.problems


def test_material_search_stays_for_small_sites(tmp_path, model_nlp):
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("articles"))
    convert(tmp_path / "source_texts", tmp_path / "docs", nlp=model_nlp, progress=False)
    site = build(tmp_path, {})
    assert not (site / "pagefind").exists()
    assert "Pompeo" in (site / "search" / "search_index.json").read_text("utf-8")
