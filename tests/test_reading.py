"""The reading experience of article and entity pages (issue 16): a compact block under the
title, no "now" among dates, reading time, older and newer articles, a breadcrumb, related
articles with what they share; entity pages with their span, a chart and a place's country."""

from __future__ import annotations

from bs4 import BeautifulSoup

from build_tools.archive.article import article_page
from build_tools.archive.index import EntityIndex
from build_tools.archive.lists import entity_pages, mentions_chart
from build_tools.archive.urls import Links
from tests.pages import article

LINKS = Links(True)
WORDS = " ".join(["word"] * 460)  # two minutes at 230 words a minute


def _archive():
    return [
        article("articles/2019/a.md", "Summit in Madrid", f"Tony Blair met Jose Zapatero in"
                f" Madrid. {WORDS}", "2019-01-10", people=["Tony Blair", "Jose Zapatero"],
                places=["Madrid", "Spain"], tags=("politics/diplomacy",),
                dates=({"value": "PRESENT_REF", "text": "now"},
                       {"value": "2019-01-09", "text": "Wednesday"})),
        article("articles/2019/b.md", "Blair in Spain", "Tony Blair visited Madrid, Spain.",
                "2019-02-03", people=["Tony Blair"], places=["Madrid", "Spain"]),
        article("articles/2019/c.md", "Markets", "Shares rose.", "2019-03-01"),
    ]  # fmt: skip


def _html(made) -> BeautifulSoup:
    return BeautifulSoup(made.html, "html.parser")


def test_the_block_under_the_title_is_compact_and_out_of_search():
    index = EntityIndex(_archive())
    page = _html(article_page(index.by_uri["articles/2019/a.md"], index, LINKS))
    meta = page.select_one(".newsdocs-meta")
    assert meta.has_attr("data-search-exclude")
    crumbs = [a.get_text() for a in meta.select(".newsdocs-crumbs a")]
    assert crumbs == ["Archive", "January 2019", "Politics › Diplomacy"] or crumbs[:2] == [
        "Archive", "January 2019"]  # fmt: skip
    first_line = meta.find("p").get_text(" ", strip=True)
    assert "10 January 2019" in first_line and "2 min read" in first_line
    names = meta.select_one("details.newsdocs-names")
    assert names.summary.get_text().startswith("In this article: 2 people, 2 places, 1 date")
    dates = names.get_text()
    assert "Wednesday" in dates and "now" not in dates and "present" not in dates


def test_older_and_newer_articles_by_publication_date():
    index = EntityIndex(_archive())
    page = _html(article_page(index.by_uri["articles/2019/b.md"], index, LINKS))
    older = page.select_one("a.newsdocs-older")
    newer = page.select_one("a.newsdocs-newer")
    assert older.get_text() == "← Older: Summit in Madrid" and older["rel"] == ["prev"]
    assert newer.get_text() == "Newer: Markets →" and newer["href"] == "../c/"
    first = _html(article_page(index.by_uri["articles/2019/a.md"], index, LINKS))
    assert first.select_one("a.newsdocs-older") is None


def test_related_articles_say_what_they_share():
    index = EntityIndex(_archive())
    page = _html(article_page(index.by_uri["articles/2019/b.md"], index, LINKS))
    related = page.select_one("section.newsdocs-related")
    assert related.has_attr("data-search-exclude")
    [item] = related.select("li")
    assert "Summit in Madrid" in item.get_text()
    assert item.select_one(".newsdocs-also").get_text().startswith("also about ")
    assert "Tony Blair" in item.get_text() and "Markets" not in related.get_text()


def test_an_entity_page_gives_its_span_chart_and_a_places_country():
    index = EntityIndex(_archive())
    blair = index.ref("person", "Tony Blair")
    [(_, made)] = entity_pages(blair, index, LINKS).items()
    page = _html(made)
    text = page.get_text(" ", strip=True)
    assert "mentioned in 2 articles, from 10 January 2019 to 3 February 2019" in text
    svg = page.select_one("figure.newsdocs-chart svg")
    assert svg["role"] == "img" and len(svg.select("rect")) == 2  # January, February
    assert page.select_one("ul.newsdocs-articles").has_attr("data-search-exclude")
    madrid = index.ref("place", "Madrid")
    [(_, made)] = entity_pages(madrid, index, LINKS).items()
    country = _html(made).find("a", string="Spain")
    assert country is not None and country["href"] == "../spain/"


def test_the_chart_counts_months_and_goes_by_year_over_three_years():
    import datetime as dt

    months = mentions_chart("X", [dt.date(2019, 1, 5), dt.date(2019, 1, 9), dt.date(2019, 4, 1)])
    svg = BeautifulSoup(months, "html.parser")
    titles = [t.get_text() for t in svg.select("rect title")]
    assert titles == ["January 2019: 2", "February 2019: 0", "March 2019: 0", "April 2019: 1"]
    years = mentions_chart("X", [dt.date(2001, 1, 1), dt.date(2009, 6, 1)])
    assert len(BeautifulSoup(years, "html.parser").select("rect")) == 9

