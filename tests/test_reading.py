"""The reading experience of article and entity pages (issue 16): a compact block under the
title, no "now" among dates, reading time, older and newer articles, a breadcrumb, related
articles with what they share; entity pages with their span, a chart and a place's country."""

from __future__ import annotations

from bs4 import BeautifulSoup

from build_tools.archive.article import article_page
from build_tools.archive.identity import EntityRef
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


def test_feeds_per_entity_announced_in_the_head_open_graph_and_search_records(project, blank_nlp):
    """The seed site: a feed per entity page, each parsed by feedparser; the page heads
    announce the site's feed and their own; Open Graph on articles."""
    import shutil

    import feedparser
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    from build_tools.convert.run import convert
    from tests.conftest import ROOT

    for name in ("mkdocs.yml", "entities.yml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copytree(ROOT / "docs" / "assets", project / "docs" / "assets")
    for name in ("index.md", "contributing.md"):
        shutil.copy(ROOT / "docs" / name, project / "docs" / name)
    convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    site = project / "site"
    build(load_config(str(project / "mkdocs.yml"), site_dir=str(site)))
    feeds = sorted(site.glob("*/*.xml")) + [site / "feed.xml"]
    assert site / "people" / "mike-pompeo.xml" in feeds
    for feed in feeds:
        parsed = feedparser.parse(feed.read_bytes())
        assert not parsed.bozo, (feed, parsed.bozo_exception)
        assert parsed.entries
    pompeo = feedparser.parse((site / "people" / "mike-pompeo.xml").read_bytes())
    assert pompeo.feed.title == "Mike Pompeo"
    assert pompeo.entries[0].title == "Second Trump-Kim Summit Planned for Late February"
    head = BeautifulSoup((site / "people" / "mike-pompeo" / "index.html").read_text("utf-8"),
                         "html.parser").head  # fmt: skip
    alternates = [link["href"] for link in head.select('link[rel~="alternate"]')]
    assert alternates == ["../../feed.xml", "../mike-pompeo.xml"]
    [page] = (site / "articles").rglob("index.html")
    article_head = BeautifulSoup(page.read_text("utf-8"), "html.parser").head
    og = {m["property"]: m["content"] for m in article_head.select("meta[property]")}
    assert og["og:type"] == "article" and og["og:title"].startswith("Second Trump-Kim Summit")
    assert (site / "pagefind" / "pagefind-entry.json").is_file()  # one engine at every size


def test_dates_and_archive_pages_tell_their_two_axes_apart():
    from build_tools.archive.lists import archive_pages, dates_pages

    articles = _archive()
    articles[2] = article("articles/2019/c.md", "Markets", "Shares rose in 2018.", "2019-03-01",
                          dates=({"value": "2018", "text": "2018"},
                                 {"value": "2019-01-09", "text": "Wednesday"}))  # fmt: skip
    index = EntityIndex(articles)
    dates = dates_pages(index, LINKS)
    assert dates["dates/2019.md"].title == "Mentioned: 2019"
    intro = _html(dates["dates/2019.md"]).p
    assert intro.find("a", string="Published in 2019")["href"] == "../../archive/2019/"
    assert _html(dates["dates/2018.md"]).find("a", string="Published in 2018") is None
    # Each entry: the article, and the sentence that speaks of the date, its words marked.
    entry = _html(dates["dates/2018.md"]).select_one(".newsdocs-articles li")
    assert entry.a.get_text() == "Markets"
    assert entry.select_one(".newsdocs-sentence").get_text() == "Shares rose in 2018."
    assert entry.select_one(".newsdocs-sentence mark").get_text() == "2018"
    archive = archive_pages(index, LINKS)["archive/2019.md"]
    assert archive.title == "Published in 2019"
    assert "3 articles published in 2019" in _html(archive).p.get_text()


def test_a_tag_reads_as_its_plain_label_with_its_parent_as_a_link():
    from build_tools.archive.lists import tag_pages
    from build_tools.archive.urls import tag_label

    assert tag_label("politics/diplomacy") == "Diplomacy"
    assert tag_label("lisbon-transport") == "lisbon-transport"  # one's own tag, as written
    index = EntityIndex(_archive())
    [(_, made)] = tag_pages("politics/diplomacy", index.tags()["politics/diplomacy"], LINKS).items()
    assert made.title == "Diplomacy"
    intro = _html(made).p
    assert intro.find("a", string="Politics")["href"] == "../"  # tags/politics/
    assert "1 article, newest first." in intro.get_text()


def test_the_home_page_gives_leads_and_what_is_in_the_news_in_the_latest_month():
    from build_tools.archive.lists import newest

    articles = _archive()
    articles.append(article("articles/2019/d.md", "Blair again", "Tony Blair spoke.",
                            "2019-03-05", people=["Tony Blair"], tags=("politics",),
                            summary="Tony Blair spoke about Madrid."))  # fmt: skip
    index = EntityIndex(articles)
    home = BeautifulSoup(newest(index, LINKS, "index.md"), "html.parser")
    first = home.select_one("ul.newsdocs-articles li")
    assert "Blair again" in first.get_text() and "Tony Blair spoke about Madrid." in first.text
    assert home.find("h2").get_text() == "In the news in March 2019"
    news = home.select_one(".newsdocs-in-the-news")
    assert news.has_attr("data-search-exclude")
    assert "Tony Blair (1)" in news.get_text() and "Politics (1)" in news.get_text()
    assert "Jose Zapatero" not in news.get_text()  # named in January only


def test_a_name_without_a_page_is_plain_text_with_its_article_in_the_index():
    from build_tools.archive.lists import kind_index

    index = EntityIndex(_archive())
    index.min_articles = 2  # Tony Blair (2 articles) has a page, Jose Zapatero (1) none
    people = _html(kind_index("person", index, LINKS)["people/index.md"])
    assert people.find("a", string="Tony Blair")["href"] == "tony-blair/"  # from /people/
    item = next(li for li in people.select("li") if "Jose Zapatero" in li.get_text())
    assert item.find("a", string="Jose Zapatero") is None  # no entity link
    assert item.select_one(".newsdocs-in a").get_text() == "Summit in Madrid"
    assert people.select_one("input.newsdocs-filter") is not None


def test_a_long_sentence_is_cut_around_the_words_it_marks():
    from build_tools.archive.index import MAX_SENTENCE, marked_sentence

    text = " ".join(["before"] * 80) + " in March 2004 " + " ".join(["after"] * 80) + "."
    start = text.index("March 2004")
    made = BeautifulSoup(marked_sentence(text, start, start + 10), "html.parser")
    assert made.mark.get_text() == "March 2004"
    shown = made.get_text()
    assert shown.startswith("… before") and shown.endswith("after …")
    assert len(shown) <= MAX_SENTENCE + 4
    assert marked_sentence("<b>1999</b> was.", 3, 7) == "&lt;b&gt;<mark>1999</mark>&lt;/b&gt; was."


def test_a_place_page_has_a_small_map_of_the_place_in_its_country():
    from build_tools.archive.placemap import HEIGHT, WIDTH

    index = EntityIndex(_archive())
    madrid = _html(entity_pages(EntityRef("place", "Madrid"), index, LINKS)["places/madrid.md"])
    svg = madrid.select_one("figure.newsdocs-placemap svg")
    assert svg["role"] == "img" and svg["aria-label"] == "Map: Madrid"
    pin = svg.select_one("circle.newsdocs-pin")  # Madrid in the middle of the map
    assert abs(float(pin["cx"]) - WIDTH / 2) < 1 and abs(float(pin["cy"]) - HEIGHT / 2) < 1
    assert svg.select_one(".newsdocs-land--own")["d"].startswith("M")  # Spain, shaded
    assert len(str(svg)) < 10_000  # the outlines around it, not the world
    spain = _html(entity_pages(EntityRef("place", "Spain"), index, LINKS)["places/spain.md"])
    assert spain.select_one(".newsdocs-land--own")["d"] and not spain.select("circle")


def test_an_outline_across_the_date_line_is_one_shape():
    from build_tools.archive.placemap import _box, world

    fiji = next(country for country in world() if country.numeric == "242")
    west, _, east, _ = _box(max(fiji.rings, key=len))
    assert east - west < 10  # 177 to 182 degrees, not -180 to 180


def test_a_long_index_lists_its_names_on_a_page_per_letter(monkeypatch):
    from build_tools.archive import lists

    monkeypatch.setattr(lists, "LETTER_PAGES_OVER", 1)
    index = EntityIndex(_archive())  # two people: Jose Zapatero, Tony Blair
    pages = lists.kind_index("person", index, LINKS)
    assert set(pages) == {"people/index.md", "people/a-z/j.md", "people/a-z/t.md"}
    home = _html(pages["people/index.md"])
    letters = {a.get_text(): a["href"] for a in home.select(".newsdocs-letters a")}
    assert letters == {"J": "a-z/j/", "T": "a-z/t/"}
    t = _html(pages["people/a-z/t.md"])
    assert t.h1.get_text() == "People: T"
    assert t.find("a", string="Tony Blair")["href"] == "../../tony-blair/"
    assert t.find("a", string="People")["href"] == "../../"
    assert t.select_one("input.newsdocs-filter") is not None
    assert "Jose Zapatero" not in t.get_text()


def test_a_date_lists_its_newest_articles_and_counts_the_rest(monkeypatch):
    from build_tools.archive import lists

    monkeypatch.setattr(lists, "DATE_LIST_SIZE", 2)
    articles = [
        article(f"articles/2019/{n}.md", f"Story {n}", "It happened in 2018.",
                f"2019-01-{n + 10}", dates=({"value": "2018", "text": "2018"},))
        for n in range(5)
    ]  # fmt: skip
    page = _html(lists.dates_pages(EntityIndex(articles), LINKS)["dates/2018.md"])
    assert [a.get_text() for a in page.select(".newsdocs-articles li > a")] == [
        "Story 4", "Story 3"]  # fmt: skip
    assert page.select_one(".newsdocs-more").get_text() == (
        "The newest 2 of 5 articles; 3 older ones speak of it too.")  # fmt: skip


def test_a_date_with_a_full_stop_inside_keeps_the_rest_of_its_sentence():
    from build_tools.archive.index import marked_sentence

    text = "He left. It was on Sept. 5 2003 that the vote came. Then more."
    start = text.index("Sept.")
    made = BeautifulSoup(marked_sentence(text, start, start + 12), "html.parser")
    assert made.get_text() == "It was on Sept. 5 2003 that the vote came."
    assert made.mark.get_text() == "Sept. 5 2003"


def test_no_entity_takes_the_letter_pages_folder():
    from build_tools.model import page_slug

    assert page_slug("A-Z") != "a-z"  # people/a-z/ holds the index's letter pages
