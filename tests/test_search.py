"""Search that stays light: Pagefind in Material's header, tried in a real browser."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

from build_tools.archive.export import read_config
from build_tools.convert.run import convert
from tests.conftest import ROOT
from tests.pages import article as make_article

pytestmark = pytest.mark.model


def build(project: Path, plugin_options: dict) -> Path:
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    config = read_config(ROOT / "mkdocs.yml")
    config["plugins"] = ["search", {"newsdocs": plugin_options}]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    mkdocs_build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    return project / "site"


@pytest.fixture(scope="module")
def pagefind_site(tmp_path_factory, model_nlp) -> Path:
    project = tmp_path_factory.mktemp("pagefind")
    shutil.copytree(ROOT / "source_texts", project / "source_texts")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("articles"))
    (project / "source_texts" / "pompeo-in-hanoi.txt").write_text(
        "Pompeo Arrives in Hanoi\n\nSecretary of State Mike Pompeo arrived in Hanoi on "
        "Tuesday for talks with Vietnamese officials.\n",
        encoding="utf-8",
    )
    report = convert(project / "source_texts", project / "docs", nlp=model_nlp, progress=False)
    assert not report.failed
    # One article per bundle: the search box must query both (mergeIndex).
    return build(project, {"search": "pagefind", "search_bundle_size": 1})


def test_pagefind_indexes_articles_in_bundles_with_filters(pagefind_site):
    for name in ("pagefind", "pagefind-2"):
        bundle = pagefind_site / name
        entry = json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
        # One article a bundle; the first also holds the entity and tag pages' records.
        pages = entry["languages"]["en"]["page_count"]
        assert pages == 1 if name == "pagefind-2" else pages > 1
        assert (bundle / "pagefind-ui.js").is_file()
        assert any((bundle / "filter").iterdir()), "no filter files"
    assert not (pagefind_site / "pagefind-3").exists()
    script = (pagefind_site / "assets" / "newsdocs-search.js").read_text("utf-8")
    assert script.startswith('var newsdocsBundles = ["pagefind-2/"];')
    # Material's plugin writes no index in this mode: the first query loads Pagefind only.
    assert not (pagefind_site / "search" / "search_index.json").exists()


@pytest.mark.browser
def test_a_query_finds_the_article_and_transfers_little(pagefind_site, browser, served):
    base = served(pagefind_site)
    visit = browser.visit(base + "index.html")
    page = visit.page
    page.wait_for_function("() => document.querySelector('#newsdocs-search input') !== null")
    # What the query loads, weighed from the files served (reading a response's body in
    # the event handler could stall the page under load).
    loaded: list[str] = []
    page.on("response", lambda response: loaded.append(response.url))
    page.fill("#newsdocs-search input", "Pompeo")
    page.wait_for_selector(".pagefind-ui__result-link")
    page.screenshot(path=str(pagefind_site.parent / "search.png"))
    header = page.locator(".md-header").bounding_box()
    assert header is not None and header["height"] < 100, "the results must not stretch the header"
    page.wait_for_function(
        "() => document.querySelectorAll('.pagefind-ui__result-link').length >= 2"
    )
    titles = page.locator(".pagefind-ui__result-link").all_inner_texts()
    assert any("Second Trump-Kim Summit" in title for title in titles)
    assert any("Pompeo Arrives in Hanoi" in title for title in titles)  # the second bundle
    links = page.locator(".pagefind-ui__result-link")
    hrefs = [links.nth(n).get_attribute("href") for n in range(links.count())]
    assert hrefs[0] == "/people/mike-pompeo/", hrefs  # his page first, then the articles
    assert any(href.startswith("/articles/") for href in hrefs[1:]), hrefs
    files = [pagefind_site / unquote(urlsplit(url).path).lstrip("/") for url in set(loaded)]
    size = sum(file.stat().st_size for file in files if file.is_file())
    assert 0 < size < 1_000_000, f"{size} bytes for the first query"
    assert visit.clean, visit.problems


def test_material_search_when_asked_for(tmp_path, model_nlp):
    """Pagefind at every size by default; Material's own index with ``search: material``."""
    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    shutil.copytree(ROOT / "docs", tmp_path / "docs", ignore=shutil.ignore_patterns("articles"))
    convert(tmp_path / "source_texts", tmp_path / "docs", nlp=model_nlp, progress=False)
    site = build(tmp_path, {"search": "material"})
    assert not (site / "pagefind").exists()
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    records = {doc["location"]: doc for doc in index["docs"]}
    assert records["people/mike-pompeo/"].get("boost") == 5  # above the articles naming him
    assert "Second Trump-Kim" not in records["people/mike-pompeo/"]["text"]  # not its list
    article_text = " ".join(d["text"] for loc, d in records.items() if loc.startswith("articles/"))
    assert "Pompeo" in article_text
    assert "In this article" not in article_text and "min read" not in article_text


def test_search_record_is_text_with_filters():
    import datetime as dt

    from build_tools.archive.index import EntityIndex
    from build_tools.archive.search import article_record

    article = make_article("articles/2019/talks.md", "<b>Talks</b>",
                           "Mike Pompeo & aides met *officials*.", "2019-01-19",
                           people=["Mike Pompeo", "<i>X</i>"], places=["Hanoi"])  # fmt: skip
    assert article.date == dt.date(2019, 1, 19)
    index = EntityIndex([article])
    record = article_record(article, index, "articles/2019/talks/")
    assert record["url"] == "articles/2019/talks/"
    assert record["content"] == "&lt;b&gt;Talks&lt;/b&gt;\nMike Pompeo &amp; aides met *officials*."
    assert record["meta"] == {"title": "<b>Talks</b>", "date": "2019-01-19"}  # shown as text
    assert record["filters"] == {
        "person": ["Mike Pompeo", "&lt;i&gt;X&lt;/i&gt;"],  # Pagefind's UI shows them as HTML
        "place": ["Hanoi"],
        "year": ["2019"],
    }
    index.min_articles = 2  # a large archive: names in one article get no page, no filter
    assert article_record(article, index, "x/")["filters"] == {"year": ["2019"]}


def test_bundles_of_a_failed_build_are_thrown_away(tmp_path):
    from build_tools.archive.index import EntityIndex
    from build_tools.archive.search import BackgroundIndexer

    pages = [make_article(f"articles/{n}.md", f"T{n}", f"Text {n}.") for n in range(3)]
    index = EntityIndex(pages)
    kept = BackgroundIndexer(index.articles, index, lambda uri: uri, bundle_size=2)
    assert kept.finish(tmp_path) == ["pagefind", "pagefind-2"]
    assert (tmp_path / "pagefind-2" / "pagefind-entry.json").is_file()
    dropped = BackgroundIndexer(index.articles, index, lambda uri: uri, bundle_size=2)
    output = dropped._output
    dropped.discard()
    assert not output.exists()


def test_an_interrupted_build_leaves_no_pagefind_folder(tmp_path):
    """Ctrl-C ends a build without MkDocs' build-error event: the bundles' temporary
    folder still goes when Python exits."""
    script = (
        "from build_tools.archive.index import EntityIndex\n"
        "from build_tools.archive.search import BackgroundIndexer\n"
        "from tests.pages import article\n"
        "page = article('articles/a.md', 'A', 'Text.')\n"
        "index = EntityIndex([page])\n"
        "indexer = BackgroundIndexer(index.articles, index, lambda uri: uri, bundle_size=2)\n"
        "raise KeyboardInterrupt\n"
    )
    environment = {**os.environ, "TMPDIR": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], env=environment, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)  # fmt: skip
    assert "KeyboardInterrupt" in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_topic_is_weighed_below_a_name_of_the_same_words():
    """The party's page and the topic "Labour" share a title: a tag's label goes in a field
    of its own, which the search box weighs below a name (the ranking itself is tested in
    a browser on the BBC archive, tests/test_browser_bbc.py)."""
    from build_tools.archive.search import entity_record

    party = entity_record("Labour", "Organization", 120, "", "organizations/labour/")
    topic = entity_record("Labour", "Topic", 40, "", "tags/labour/", field="topic")
    assert party["meta"]["name"] == "Labour" and "name" not in topic["meta"]
    assert topic["meta"]["topic"] == "Labour"


def test_a_bundle_whose_entry_file_trails_the_answer_is_awaited(tmp_path, monkeypatch):
    """Pagefind's writes may trail its answer: an entry file whole a moment later is
    awaited (``WRITE_GRACE``), and the bundle is not written again."""
    import threading

    from build_tools.archive import search

    real_write = search.PagefindService.write
    writes = []

    def write(self, output):
        real_write(self, output)
        writes.append(output)
        entry = output / "pagefind-entry.json"
        whole = entry.read_text("utf-8")
        entry.write_text("", "utf-8")
        threading.Timer(0.3, entry.write_text, (whole, "utf-8")).start()

    monkeypatch.setattr(search.PagefindService, "write", write)
    record = search.entity_record("Ofcom", "Organization", 2, "", "organizations/ofcom/")
    names = search.write_bundles([record], 1, 10, tmp_path)
    entry = json.loads((tmp_path / names[0] / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1 and len(writes) == 1


def test_a_bundle_pagefind_leaves_incomplete_is_written_again(tmp_path, monkeypatch):
    """An empty pagefind-entry.json (seen once in many test runs): the bundle is written
    again; twice empty, the build fails and says why."""
    from build_tools.archive import search

    real_write = search.PagefindService.write
    spoilt = []

    def write(self, output):
        real_write(self, output)
        if len(spoilt) < limit:
            spoilt.append(output)
            (output / "pagefind-entry.json").write_text("", "utf-8")

    monkeypatch.setattr(search.PagefindService, "write", write)
    monkeypatch.setattr(search, "WRITE_GRACE", 0.1)  # the spoilt file never mends
    record = search.entity_record("Ofcom", "Organization", 2, "", "organizations/ofcom/")
    limit = 1
    names = search.write_bundles([record], 1, 10, tmp_path / "once")
    entry = json.loads((tmp_path / "once" / names[0] / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == 1 and len(spoilt) == 1
    limit = 3
    with pytest.raises(search.SearchError, match="incomplete twice"):
        search.write_bundles([record], 1, 10, tmp_path / "twice")
