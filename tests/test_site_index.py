"""The build-time index and page rendering, without MkDocs and without a model."""

from __future__ import annotations

import json
import os
import re
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import pytest

from build_tools.archive.article import article_page, metadata_block
from build_tools.archive.feed import rss
from build_tools.archive.identity import (
    SMALL_ARCHIVE,
    Curated,
    EntityRef,
    build_identity,
    common_words,
    load_curated,
    organization_forms,
)
from build_tools.archive.index import EntityIndex, parse_article
from build_tools.archive.lists import archive_pages, dates_pages, entity_pages, kind_index
from build_tools.archive.urls import Links
from build_tools.errors import PageError
from build_tools.front_matter import load_yaml
from build_tools.page import Position
from build_tools.timex import date_label
from tests.pages import article

LINKS = Links()


def entity_page(ref, index, description=""):
    page = entity_pages(ref, index, LINKS, description)[ref.src_uri]
    return page.html


def same_story_twice(body, **names):
    """Two articles of one body and names (a name needs two for a page): their index."""
    articles = [article(f"articles/{n}.md", f"{n}", body, **names) for n in range(2)]
    return EntityIndex(articles), articles


def test_hand_written_pages_are_not_articles():
    assert parse_article("articles/about.md", "# About\n\nHello.\n") is None
    with pytest.raises(PageError, match="front matter is not valid YAML"):
        parse_article("articles/x.md", "---\ntitle: [unclosed\n---\n")


def test_surnames_merge_across_the_archive_unless_ambiguous():
    a = article("articles/a.md", "A", "x", people=["Nicolas Sarkozy", "Kim Jong Un"])
    b = article("articles/b.md", "B", "x", people=["Sarkozy", "Kim", "Kim Yong Chol"])
    identity = build_identity([{"person": list(x.names["person"])} for x in (a, b)])
    assert identity.merged == {"Sarkozy": "Nicolas Sarkozy"}
    assert identity.candidates == {"Kim": ("Kim Jong Un", "Kim Yong Chol")}
    index = EntityIndex([a, b])
    names = [ref.name for ref, _ in index.of_kind("person")]
    # "Kim" only ever starts the names it could stand for: no page says which Kim it is.
    assert names == ["Kim Jong Un", "Kim Yong Chol", "Nicolas Sarkozy"]
    assert [app.article.src_uri for app in index.entities[index.ref("person", "Sarkozy")]] == [
        "articles/b.md",
        "articles/a.md",
    ]


def test_an_ambiguous_surname_is_settled_by_context_and_first_names_get_no_page():
    articles = [
        article("articles/1.md", "1", "x", people=["Tony Blair", "Gordon Brown"],
                organizations=["Labour"]),
        article("articles/2.md", "2", "x", people=["Tony Blair", "Alan Milburn"],
                organizations=["Labour"]),
        article("articles/3.md", "3", "x", people=["Cherie Blair", "Alan Sugar"],
                organizations=["Vogue"]),
        article("articles/4.md", "4", "x", people=["Blair", "Gordon Brown", "Alan"],
                organizations=["Labour"]),
        article("articles/5.md", "5", "x", people=["Blair"], places=["Paris"]),
    ]  # fmt: skip
    index = EntityIndex(articles)
    context = index.by_uri["articles/4.md"]
    assert index.ref("person", "Blair", context).name == "Tony Blair"
    assert index.ref("person", "Alan", context) is None  # which Alan?
    assert index.ref("person", "Blair", index.by_uri["articles/5.md"]).name == "Blair"
    assert "Alan" not in [ref.name for ref, _ in index.of_kind("person")]


def test_curated_entities_alias_ignore_and_kind(tmp_path):
    curated_file = tmp_path / "entities.yml"
    curated_file.write_text(
        "entities:\n"
        "  - {name: Donald Trump, kind: person, aliases: [Donald J. Trump], description: A.}\n"
        "  - {name: Georgia, kind: place, aliases: [Georgia Tech Group]}\n"
        "ignore: [Related Posts]\n",
        encoding="utf-8",
    )
    curated = load_curated(curated_file)
    a = article("articles/a.md", "A", "x", people=["Donald J. Trump", "Related Posts"])
    b = article("articles/b.md", "B", "x", organizations=["Georgia Tech Group"])
    index = EntityIndex([a, b], curated=curated)
    assert [r.name for r, _ in index.of_kind("person")] == ["Donald Trump"]
    assert [r.name for r, _ in index.of_kind("place")] == ["Georgia"]
    assert index.of_kind("organization") == []
    ref = index.ref("person", "Donald J. Trump")
    assert "A." in entity_page(ref, index, curated.description("person", "Donald Trump"))


def test_first_mentions_are_linked_where_the_page_says_and_text_stays_text():
    body = (
        "A [link about Trump](https://x.org) and `code`, then U.S. President "
        "Donald Trump spoke. Trump again.\n\n"
        "Later, Trump. AT&T too. <script>alert(1)</script>"
    )
    info = article(
        "articles/2019/a.md",
        "Title",
        body,
        "2019-01-19",
        people=["Donald Trump"],
        places=["United States"],
        organizations=["AT&T"],
        aliases={"Donald Trump": ["Trump"], "United States": ["U.S."]},
    )
    index = EntityIndex([info])
    linked = article_page(info, index, LINKS).html
    assert "[link about " in linked and "https://x.org" in linked  # text, not a link
    assert '<a href="https://x.org">' not in linked
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in linked and "<script>" not in linked
    people, places = "../../../people/donald-trump/", "../../../places/united-states/"
    assert f'<a href="{people}">Trump</a>](https' in linked  # the first mention, as stored
    assert f'<a href="{places}">U.S.</a> President' in linked
    assert linked.count(f'href="{people}"') == 2  # the body's first mention and the block
    assert '<a href="../../../organizations/at-t/">AT&amp;T</a>' in linked
    block = metadata_block(info, index, LINKS)
    assert f'<a href="{people}">Donald Trump</a>' in block
    assert '<time datetime="2019-01-19">19 January 2019</time>' in block


def test_links_between_pages_follow_the_site_urls():
    assert LINKS.href("articles/2019/a.md", "people/x.md") == "../../../people/x/"
    assert LINKS.href("people/index.md", "people/x.md") == "x/"
    assert LINKS.href("people/x.md", "people/index.md") == "../"
    assert LINKS.href("people/x.md", "people/x/2.md") == "2/"
    assert LINKS.href("index.md", "dates/2019.md", "2019-01-18") == "dates/2019/#2019-01-18"
    assert LINKS.href("people/x.md", "index.md") == "../../"
    flat = Links(directory_urls=False)
    assert flat.href("articles/2019/a.md", "people/x.md") == "../../people/x.html"
    assert flat.href("people/index.md", "people/x.md") == "x.html"


def test_kind_index_lists_entities_with_a_table_of_contents():
    a = article("articles/a.md", "A", "x", people=["Mike Pompeo", "Émile Zola"])
    generated = kind_index("person", EntityIndex([a]), LINKS)["people/index.md"]
    assert generated.title == "People"
    assert '<a href="mike-pompeo/">Mike Pompeo</a> (1)' in generated.html
    assert (3, "m", "M") in generated.headings and (3, "other", "Other") in generated.headings


def test_untrusted_names_are_escaped_in_generated_pages():
    info = article(
        "articles/a.md",
        "<script>alert(1)</script>",
        "Text naming <b>Evil</b> here.",
        people=["<img src=x onerror=alert(1)>"],
    )
    index = EntityIndex([info])
    ref = index.of_kind("person")[0][0]
    text = entity_page(ref, index) + metadata_block(info, index, LINKS)
    assert "<img" not in text and "<script" not in text
    assert "&lt;img src=x onerror=alert(1)&gt;" in text


def test_related_articles_share_specific_entities():
    common = {"places": ["United States"]}
    a = article("articles/a.md", "A", "x", "2019-01-01", people=["Mike Pompeo"], **common)
    b = article("articles/b.md", "B", "x", "2019-01-02", people=["Mike Pompeo"], **common)
    c = article("articles/c.md", "C", "x", "2019-01-03", people=["Jane Doe"], **common)
    index = EntityIndex([a, b, c])
    assert [r.src_uri for r in index.related(a)] == ["articles/b.md"]


def test_date_labels():
    assert date_label("2019-01-18") == "18 January 2019"
    assert date_label("XXXX-06") == "June"
    assert date_label("2019-W03-WE") == "the weekend of 19 January 2019"  # its Saturday
    assert date_label("2019-W03") == "the week of 14 January 2019"  # its Monday
    assert date_label("2019-W03-2") == "Tuesday 15 January 2019"
    assert date_label("2019-QX") == "a quarter of 2019"
    assert date_label("PRESENT_REF") == "the present"
    assert date_label("198X") == date_label("198") == "the 1980s"
    assert date_label("19") == "the 20th century"
    assert date_label("20") == "the 21st century"
    assert date_label("1990-H1") == "the first half of 1990"
    assert date_label("XXXX-H2") == "the second half of a year"


def test_names_that_slugify_alike_are_one_entity_with_one_page():
    a = article("articles/a.md", "A", "x", "2019-01-03", organizations=["Mercedes-Benz"])
    b = article("articles/b.md", "B", "x", "2019-01-02", organizations=["Mercedes Benz"])
    c = article("articles/c.md", "C", "x", "2019-01-01", organizations=["Mercedes Benz"])
    index = EntityIndex([a, b, c])
    index.min_articles = 2
    refs = {index.ref("organization", name, x) for name, x in
            (("Mercedes-Benz", a), ("Mercedes Benz", b), ("Mercedes Benz", c))}  # fmt: skip
    assert len(refs) == 1
    ref = refs.pop()
    assert index.has_page(ref) and len(index.entities[ref]) == 3
    # Named by the form most articles use (two of three here).
    assert '<a href="../../organizations/mercedes-benz/">Mercedes Benz</a>' in metadata_block(
        a, index, LINKS
    )


def test_a_person_the_archive_names_more_often_as_an_organization_takes_that_kind():
    a = article("articles/a.md", "A", "x", people=["Labour"])
    b = article("articles/b.md", "B", "x", organizations=["Labour"])
    c = article("articles/c.md", "C", "x", organizations=["Labour"], people=["Gordon Brown"])
    index = EntityIndex([a, b, c])
    assert index.ref("person", "Labour", a).kind == "organization"
    assert [r.name for r, _ in index.of_kind("person")] == ["Gordon Brown"]
    assert len(index.entities[index.ref("organization", "Labour", b)]) == 3


def test_a_name_the_archive_calls_an_organization_joins_no_person():
    """ "General Motors" tagged a person once and an organization twice is no person, so it
    cannot join "General Motors Europe" (itself tagged a person once)."""
    articles = [
        article("articles/1.md", "1", "x", people=["General Motors"]),
        article("articles/2.md", "2", "x", organizations=["General Motors"]),
        article("articles/3.md", "3", "x", organizations=["General Motors"]),
        article("articles/4.md", "4", "x", people=["General Motors Europe"]),
        article("articles/5.md", "5", "x", people=["Sarkozy", "Nicolas Sarkozy"]),
    ]
    index = EntityIndex(articles)
    assert "General Motors" not in index.identity.merged
    assert index.identity.merged == {"Sarkozy": "Nicolas Sarkozy"}
    assert index.ref("person", "General Motors", articles[0]).kind == "organization"


def test_a_short_name_joins_a_full_name_only_as_its_surname_or_first_name():
    people = [
        ["Nicolas Sarkozy", "Sarkozy"],
        ["Jose Antonio Reyes", "Jose Reyes"],
        ["Maccabi Tel Aviv", "Tel"],
        ["Premiership Fulham", "Premiership"],
        ["Elvis Presley", "Elvis"],
        ["Beatle Sir", "Sir"],
        ["Mary Queen", "Mary"],
    ]
    articles = [{"person": names} for names in people]
    identity = build_identity(articles)
    assert identity.merged == {
        "Sarkozy": "Nicolas Sarkozy",
        "Jose Reyes": "Jose Antonio Reyes",
        "Elvis": "Elvis Presley",
    }  # not Mary into "Mary Queen", a slip of the model


def test_one_word_people_never_given_with_a_first_name_get_no_page_in_a_large_archive():
    filler = [article(f"articles/f{n}.md", f"F{n}", "x", places=["Paris"]) for n in range(98)]
    a = article("articles/a.md", "A", "x", people=["Nokia", "Sir", "Gerrard", "Konchesky"])
    b = article("articles/b.md", "B", "x", people=["Steven Gerrard", "Paul Konchesky"])
    index = EntityIndex([*filler, a, b])
    assert {r.name for r, _ in index.of_kind("person")} == {"Steven Gerrard", "Paul Konchesky"}
    assert index.ref("person", "Nokia", a) is None and index.ref("person", "Sir", a) is None
    small = EntityIndex([a, b])  # too few articles to tell: every name keeps its page
    assert "Nokia" in {r.name for r, _ in small.of_kind("person")}


def test_hostile_date_values_give_safe_anchors_and_table_of_contents():
    from build_tools.mkdocs.fastpath import table_of_contents
    from build_tools.timex import date_page

    hostile = '2019"><img src=x onerror=alert(1)>'
    a = article("articles/a.md", "A", "x", dates=[{"value": hostile, "text": "x"}])
    index = EntityIndex([a])
    page = dates_pages(index, LINKS)[date_page(hostile)]  # no year: "Year unknown"
    toc = table_of_contents(page.headings)
    assert all("<" not in item.url and '"' not in item.url for item in toc)
    assert "<img" not in page.html and "<img" not in metadata_block(a, index, LINKS)


def test_king_is_a_surname_and_curated_one_word_names_keep_their_page(tmp_path):
    identity = build_identity([{"person": ["Mervyn King", "King"]}])
    assert identity.merged == {"King": "Mervyn King"}
    curated_file = tmp_path / "entities.yml"
    curated_file.write_text("entities:\n  - {name: Ronaldinho, kind: person}\n", "utf-8")
    filler = [article(f"articles/f{n}.md", f"F{n}", "x", places=["Paris"]) for n in range(99)]
    a = article("articles/a.md", "A", "x", people=["Ronaldinho", "Nokia"])
    index = EntityIndex([*filler, a], curated=load_curated(curated_file))
    assert {r.name for r, _ in index.of_kind("person")} == {"Ronaldinho"}


def test_in_a_large_archive_a_surname_joins_only_with_the_contexts_word():
    """``confirm`` (archives of 100 articles or more): even a surname that fits one full
    name needs two of that person's co-mentioned people in the article; a lone first name
    joins no one; an unsettled short name gets no page rather than one of its own."""
    articles = [
        {"person": ["Stuart Pearce", "Alan Curbishley", "Kevin Keegan"]},
        {"person": ["Stuart Pearce", "Alan Curbishley", "Kevin Keegan"]},
        {"person": ["Pearce", "Alan Curbishley", "Kevin Keegan"]},
        {"person": ["Pearce", "Patsy Rowlands"], "organization": ["National Theatre"]},
        {"person": ["Audrey Tautou", "Dan Brown", "Ron Howard"]},
        {"person": ["Audrey", "Dan Brown", "Ron Howard"]},
    ]
    identity = build_identity(articles, confirm=True)
    football = {"Alan Curbishley", "Kevin Keegan"}
    assert identity.resolve("Pearce", football) == "Stuart Pearce"
    assert identity.resolve("Pearce", {"Alan Curbishley"}) is None  # one person: not enough
    assert identity.resolve("Pearce", {"Patsy Rowlands", "National Theatre"}) is None
    assert identity.resolve("Audrey", {"Dan Brown", "Ron Howard"}) is None
    small = build_identity(articles)
    assert small.merged["Pearce"] == "Stuart Pearce"
    assert small.merged["Audrey"] == "Audrey Tautou"


def test_names_with_markdown_characters_are_linked_as_text():
    body = "Shares of E*Trade and C# Corp rose; AT&T fell."
    info = article("articles/a.md", "Title", body, organizations=["E*Trade", "C# Corp", "AT&T"])
    linked = article_page(info, EntityIndex([info]), LINKS).html
    assert '<a href="../../organizations/e-trade/">E*Trade</a>' in linked
    assert '<a href="../../organizations/c-corp/">C# Corp</a>' in linked
    assert '<a href="../../organizations/at-t/">AT&amp;T</a>' in linked


def test_a_date_said_twice_is_one_link_with_the_words_the_article_used():
    dates = [
        {"value": "2024-02", "text": "last month"},
        {"value": "2024-02", "text": "February"},
        {"value": "2024-02", "text": "Last month"},
        {"value": "2024-03-13", "text": "Wednesday"},
    ]
    info = article("articles/a.md", "A", "x", "2024-03-14", dates=dates, author="Maria <b>")
    block = metadata_block(info, EntityIndex([info]), LINKS)
    assert "By Maria &lt;b&gt;" in block
    undated = article("articles/b.md", "B", "x")
    assert "<time>Date unknown</time>" in metadata_block(undated, EntityIndex([undated]), LINKS)
    assert block.count(">February 2024</a>") == 1
    assert ">February 2024</a> (last month, February)," in block  # "Last month": said
    assert ">13 March 2024</a> (Wednesday)" in block


def test_the_feed_links_to_the_publisher_only_with_the_articles_own_url():
    with_url = article("articles/a.md", "A", "x", "2024-03-14", source="Reuters & Co",
                       url="https://example.com/story")  # fmt: skip
    without = article("articles/b.md", "B", "x", "2024-03-13", source="AP")
    urls = {"articles/a.md": "articles/a/", "articles/b.md": "articles/b/"}
    for site_url, permalink in (("", "false"), ("https://news.example.org/x/", "true")):
        feed = ET.fromstring(rss([with_url, without], "Site", site_url, urls, 10))
        first, second = feed.findall("channel/item")
        assert first.find("source").get("url") == "https://example.com/story"
        assert first.findtext("source") == "Reuters & Co"  # text, escaped once, by XML
        assert second.find("source") is None  # where AP's article is, nobody said
        assert first.find("guid").get("isPermaLink") == permalink
    assert first.findtext("link") == "https://news.example.org/x/articles/a/"


def test_mentions_are_where_the_page_says_never_searched_for():
    body = (
        "Lisbon plans a bridge across the Tagus River. Mota-Engil and Acciona bid.\n\n"
        "Tagus, the estuary group, objected. Engil Ltd, a small firm, did not."
    )
    at = {"Tagus": (Position(2, 0, 5),), "Engil": (Position(2, 36, 41),),
          "Tagus River": (Position(1, 33, 44),), "Mota-Engil": (Position(1, 46, 56),)}  # fmt: skip
    info = article(
        "articles/2024/a.md",
        "Bridge",
        body,
        "2024-03-14",
        at=at,
        places=["Tagus River", "Lisbon"],
        organizations=["Tagus", "Engil", "Mota-Engil"],
    )
    index = EntityIndex([info])
    organization = index.ref("organization", "Tagus", info)
    assert index.entities[organization][0].sentence == "Tagus, the estuary group, objected."
    engil = index.ref("organization", "Engil", info)
    assert index.entities[engil][0].sentence == "Engil Ltd, a small firm, did not."
    linked = article_page(info, index, LINKS).html
    assert 'the <a href="../../../places/tagus-river/">Tagus River</a>' in linked
    assert '<a href="../../../organizations/tagus/">Tagus</a>, the estuary' in linked
    assert '<a href="../../../organizations/mota-engil/">Mota-Engil</a> and' in linked
    assert '<a href="../../../organizations/engil/">Engil</a> Ltd' in linked


def test_indexes_count_articles_put_the_unknown_last_and_gather_tags_under_parents():
    a = article("articles/a.md", "A", "x", "2024-03-14", people=["Ann Lee"],
                tags=["politics/diplomacy"],
                dates=[{"value": "2024-02", "text": "February"},
                       {"value": "2024-03-13", "text": "Wednesday"},
                       {"value": "XXXX-06", "text": "June"}])  # fmt: skip
    b = article("articles/b.md", "B", "x", None, people=["Ann Lee", "Bo Chen"],
                tags=["politics"], dates=[{"value": "2024-02", "text": "February"}])  # fmt: skip
    index = EntityIndex([a, b])
    archive = archive_pages(index, LINKS)["archive/index.md"].html
    assert archive.index(">2024</a>") < archive.index(">Undated</a>")
    dates = dates_pages(index, LINKS)["dates/index.md"].html
    assert ">2024</a> (2)" in dates  # two articles (three dates)
    assert dates.index(">2024</a>") < dates.index(">Year unknown</a>")
    assert [t.src_uri for t in index.tags()["politics"]] == ["articles/a.md", "articles/b.md"]
    people = kind_index("person", index, LINKS)["people/index.md"].html
    assert "Most mentioned" in people and ">Ann Lee</a> (2)</li></ul>\n<h2" in people
    alone = EntityIndex([article("articles/c.md", "C", "x", people=["Ann Lee", "Bo Chen"])])
    assert "Most mentioned" not in kind_index("person", alone, LINKS)["people/index.md"].html


def test_a_year_page_lists_its_dates_in_the_order_of_time():
    values = ["2025-09", "2025-H2", "2025-03-03", "2025-W10", "2025-Q1", "2025"]
    a = article(
        "articles/a.md", "A", "x", "2025-12-31", dates=[{"value": v, "text": v} for v in values]
    )
    page = dates_pages(EntityIndex([a]), LINKS)["dates/2025.md"].html
    labels = ["2025", "Q1 2025", "the week of 3 March 2025", "3 March 2025",
              "the second half of 2025", "September 2025"]  # fmt: skip
    positions = [page.index(f">{label}<") for label in labels]
    assert positions == sorted(positions)


def test_decades_and_centuries_have_their_own_dates_page_after_their_years():
    a = article("articles/a.md", "A", "x", "1999-03-14",
                dates=[{"value": "1985", "text": "1985"},
                       {"value": "198X", "text": "the 1980s"},
                       {"value": "198", "text": "the early 1980s"},
                       {"value": "19", "text": "the 20th century"},
                       {"value": "1990-H1", "text": "the first half of 1990"},
                       {"value": "XXXX-06", "text": "June"},
                       {"value": "FUTURE_REF", "text": "the coming months"}])  # fmt: skip
    pages = dates_pages(EntityIndex([a]), LINKS)
    assert set(pages) == {"dates/index.md", "dates/1990.md", "dates/1985.md",
                          "dates/1980s.md", "dates/20th-century.md", "dates/unresolved.md",
                          "dates/past-present-future.md"}  # fmt: skip
    home = pages["dates/index.md"].html
    order = [">1990</a>", ">1985</a>", ">1980s</a>", ">20th century</a>", ">Year unknown</a>",
             ">Past, present and future</a>"]  # fmt: skip
    assert [home.index(label) for label in order] == sorted(home.index(label) for label in order)
    decade = pages["dates/1980s.md"].html
    assert decade.count(">the 1980s<a") == 1  # 198X and 198: one decade, one heading
    assert decade.count("articles/a/") == 1
    assert "the first half of 1990" in pages["dates/1990.md"].html


def test_an_alias_never_takes_another_entitys_name():
    body = "Georgia Smith, known as Georgia, flew to Georgia on Monday."
    at = {"Georgia Smith": (Position(1, 0, 13), Position(1, 24, 31)),
          "Georgia": (Position(1, 41, 48),)}  # fmt: skip
    info = article("articles/2024/a.md", "A", body, "2024-03-14", people=["Georgia Smith"],
                   places=["Georgia"], at=at)  # fmt: skip
    linked = article_page(info, EntityIndex([info]), LINKS).html
    assert '<a href="../../../people/georgia-smith/">Georgia Smith</a>' in linked
    assert 'flew to <a href="../../../places/georgia/">Georgia</a>' in linked


def test_other_forms_of_an_organizations_name_join_its_page():
    articles = [
        ["CBI", "Confederation of British Industry"], ["UKIP", "UK Independence Party"],
        ["JP Morgan"], ["JPMorgan"], ["JPMorgan"], ["Amazon.com"], ["Amazon"],
        ["US Securities and Exchange Commission"], ["Securities and Exchange Commission"],
        ["SEC", "US Securities and Exchange Commission"], ["Securities & Exchange Commission"],
        ["Strategic Export Controls"],  # one article, never beside SEC: SEC is the Commission
        ["NEC", "National Executive Committee"], *[["Nippon Electric Company"]] * 2,  # two
        ["Trade and Industry"], ["Department of Trade and Industry"],  # a portfolio
        ["Health"],  # no "Department of Health" named: left apart
        ["UK Treasury"], ["Treasury"],  # a one-word name after the country: left apart
        ["BBC Radio 4"], ["Radio 4"], ["Radio 1"], ["BBC Radio 1", "BBC"], ["Capital Radio 1"],
        ["CIA"], ["Channel Islands AC"],  # never side by side: left apart
        ["ABC", "Australian Broadcasting Corporation", "American Broadcasting Company"],
        *[["Verizon", "Verizon Communications", "CBS", "CBS TV", "Sony", "Sony Pictures"]] * 2,
        ["Lenovo"], ["Lenovo"], ["Lenovo Group"],  # one article: no page to join
        *[["Warner Bros."], ["Warner Bros"]] * 2, ["Warner Brothers"],
        *[["Real", "Barcelona"], ["Real Networks", "Nasdaq"]] * 2,  # never together
        *[["Emirates", "Emirates Airlines", "Emirates Group"]] * 2,  # two legal forms
        ["Intel", "AMD"], ["Intel"], ["Intel Corp.", "AMD"],  # a legal form, once
        ["Dow Jones", "Wall Street Journal"], ["Dow Jones"],
        ["Dow Jones & Co.", "Wall Street Journal"],  # a legal form after "&"
        ["Next", "Marks & Spencer"], ["Next"], ["Next Inc.", "Apple"],  # never together
        ["Institute of Fiscal Studies"], ["Institute for Fiscal Studies"],  # as frequent
        ["Economic Social Research Council"], ["Economic and Social Research Council"],
        ["BBC Radio Four"], ["BBC Radio 4"], ["Marks and Spencer"], ["Marks & Spencer"],
        ["Gazprom and Rosneft", "Gazprom", "Rosneft"], ["Gazprom-Rosneft"],  # two names
        ["Arsenal, Real Madrid"], ["Arsenal and Real Madrid"],  # a list
        ["Channel Four"], ["Channel 4"],  # as frequent: the digit
        *[["Department of Education", "Bush"], ["Department for Education", "Blair"]] * 2,
    ]  # fmt: skip
    assert organization_forms(articles, context=[set(names) for names in articles]) == {
        "Warner Bros.": "Warner Bros",  # as written mid-sentence
        "Warner Brothers": "Warner Bros",
        "Verizon": "Verizon Communications",  # the legal name; another company stays apart
        "CBS TV": "CBS",  # the outlet, without its medium
        "CBI": "Confederation of British Industry",
        "UKIP": "UK Independence Party",
        "JP Morgan": "JPMorgan",
        "Amazon.com": "Amazon",
        "US Securities and Exchange Commission": "Securities and Exchange Commission",
        "SEC": "Securities and Exchange Commission",
        "Securities & Exchange Commission": "Securities and Exchange Commission",
        "Trade and Industry": "Department of Trade and Industry",
        "Radio 4": "BBC Radio 4",
        "Radio 1": "BBC Radio 1",
        "Intel Corp.": "Intel",  # beside AMD, as Intel is
        "Dow Jones & Co.": "Dow Jones",
        "Institute of Fiscal Studies": "Institute for Fiscal Studies",
        "Economic Social Research Council": "Economic and Social Research Council",
        "BBC Radio Four": "BBC Radio 4",
        "Marks and Spencer": "Marks & Spencer",
        "Channel Four": "Channel 4",
    }  # ABC expands two ways: neither; an owner's name in full is no acronym; the US
    # Department of Education and the British one, each of two articles, stay apart


def test_a_middle_initial_joins_the_name_that_writes_the_middle_name_in_full():
    """American news writes "James C. Kopp" and "James Charles Kopp": one person, and
    "James Kopp" is him too. "John A. Smith" stays apart when the archive has two middle
    names of that letter."""
    from build_tools.archive.identity import build_identity

    identity = build_identity([
        {"person": ["James C. Kopp"]}, {"person": ["James Charles Kopp"]},
        {"person": ["James Kopp"]}, {"person": ["John A. Smith"]},
        {"person": ["John Adam Smith"]}, {"person": ["John Alan Smith"]},
        *[{"person": ["George W. Bush"]}] * 3, {"person": ["George Walker Bush"]},
        *[{"person": ["George H. W. Bush"]}] * 2,
    ])  # fmt: skip
    assert identity.resolve("James C. Kopp") == "James Charles Kopp"
    assert identity.resolve("James Kopp") == "James Charles Kopp"
    assert identity.resolve("John A. Smith") == "John A. Smith"
    assert identity.resolve("George Walker Bush") == "George W. Bush"  # as most write it
    assert identity.resolve("George W. Bush") == "George W. Bush"  # not his father's part


def test_a_team_sheets_initial_joins_the_full_name_in_context():
    """``G Henson`` in a team sheet is Gavin Henson where the article's other players are
    his team-mates elsewhere in the archive (a large archive asks the context)."""
    infos = []
    for n in range(50):
        mates = [f"Alan Jones{n}", f"Ben Smith{n}"]
        infos.append(article(f"articles/f{n}.md", "T", "x", people=["Gavin Henson", *mates]))
        infos.append(article(f"articles/s{n}.md", "T", "x", people=["G Henson", *mates]))
    index = EntityIndex(infos)
    assert index.ref("person", "G Henson", infos[-1]).name == "Gavin Henson"
    assert "G Henson" not in [ref.name for ref, _ in index.of_kind("person")]


def test_the_identity_table_lists_each_entity_once_with_its_names(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text("entities:\n  - {name: Donald Trump, description: Described.}\n", "utf-8")
    infos = [
        article("articles/a.md", "A", "Donald Trump and Trump.", people=["Donald Trump", "Trump"]),
        article("articles/b.md", "B", "Trump spoke.", people=["Trump"]),
    ]
    index = EntityIndex(infos, curated=load_curated(path))
    [trump] = [row for row in index.identity.table() if row.kind == "person"]
    assert (trump.slug, trump.name, trump.description) == (
        "donald-trump",
        "Donald Trump",
        "Described.",
    )
    assert trump.aliases == ("Trump",)


def test_a_place_no_gazetteer_knows_takes_its_other_kind_or_no_page():
    """ "Alcatel" tagged a place twice and an organization once is a company; "Machinist"
    (a film the model took for a place) has no page; "Scotland" (an ISO 3166-2 subdivision),
    "Indian Ocean" and "Kenduskeag Stream" (geographic descriptions) stay places."""
    articles = [
        article("articles/1.md", "1", "x", places=["Alcatel", "Scotland", "Machinist"]),
        article(
            "articles/2.md",
            "2",
            "x",
            places=["Alcatel", "Indian Ocean", "Machinist", "Kenduskeag Stream"],
        ),  # fmt: skip
        article("articles/3.md", "3", "x", organizations=["Alcatel"]),
        article("articles/4.md", "4", "x", places=["Enrico Bondi"], people=["Enrico Bondi"]),
        article("articles/5.md", "5", "x", people=["Enrico Bondi"]),
    ]
    index = EntityIndex(articles)
    assert index.ref("place", "Alcatel", articles[0]).kind == "organization"
    assert index.ref("place", "Machinist", articles[0]) is None
    assert index.ref("place", "Enrico Bondi", articles[3]).kind == "person"
    assert {r.name for r, _ in index.of_kind("place")} == {
        "Scotland", "Indian Ocean", "Kenduskeag Stream"
    }  # fmt: skip
    assert len(index.entities[index.ref("organization", "Alcatel", articles[2])]) == 3


def test_a_small_town_the_articles_call_a_place_has_a_page():
    """Towns of 5,000 to 15,000 people, which the gazetteer's cities leave out (trials:
    Kinsale, Malton, Okehampton, 12 such pages, none wrong; BBC: Davos, Stanley Park):
    places the articles name get their page. Not "Charlton" in sports reports alone (the
    club), nor a name no gazetteer knows ("Machinist", a film)."""
    from build_tools.gazetteer import gazetteer

    assert not gazetteer().knows("Kinsale") and gazetteer().knows("Kinsale", towns=True)
    sport = ("sport/football",)
    articles = [
        article("articles/1.md", "1", "x", places=["Kinsale", "Machinist"]),
        article("articles/2.md", "2", "x", places=["Kinsale", "Machinist"]),
        article("articles/3.md", "3", "x", places=["Charlton"], tags=sport),
        article("articles/4.md", "4", "x", places=["Charlton"], tags=sport),
    ]
    index = EntityIndex(articles)
    assert [r.name for r, _ in index.of_kind("place") if index.has_page(r)] == ["Kinsale"]
    # Not a name the articles call a body or a person too: Zara's place mentions join the
    # company, as before the small towns (a reviewer's example).
    zara = [
        article("articles/z1.md", "z1", "x", organizations=["Zara"]),
        *(article(f"articles/z{n}.md", f"z{n}", "x", places=["Zara"]) for n in (2, 3)),
    ]
    index = EntityIndex(zara)
    assert index.ref("place", "Zara", zara[1]) == EntityRef("organization", "Zara")


def test_curated_places_and_what_the_gazetteer_knows():
    from build_tools.gazetteer import gazetteer

    places = gazetteer()
    known = [
        "Rajasthan",
        "Hertfordshire",
        "West Yorkshire",
        "Frankfurt",
        "Gulf of Mexico",
        "River Thames",
        "Eastern Europe",
        "North East",
        "the Caribbean",
        "Darfur",
    ]
    assert all(places.knows(name) for name in known), [n for n in known if not places.knows(n)]
    assert not any(places.knows(name) for name in ["Alcatel", "Spybot", "Closer", "FRA"])


def test_the_gazetteer_kept_in_the_cache_is_the_one_built(tmp_path):
    """A process loads the gazetteer a former one kept (every fact as built); a cache
    that cannot be read is built again and written over; one that cannot be written is
    only not kept."""
    from build_tools.gazetteer import _STATE, Gazetteer, _state, load_or_build

    built = Gazetteer()
    assert set(vars(built)) == {*_STATE, "_towns"}  # nothing left out of the cache
    kept = tmp_path / "cache" / "gazetteer.json"
    first = load_or_build(kept)
    assert kept.is_file() and _state(first) == _state(built)
    loaded = load_or_build(kept)
    assert _state(loaded) == _state(built)
    assert loaded.coordinates("Liverpool") == built.coordinates("Liverpool") is not None
    assert loaded.current_name("Bombay") == "Mumbai" and loaded.knows("Darfur")
    assert loaded.is_town("Liverpool") and not loaded.is_town("France")
    kept.write_text('{"canonical": {', encoding="utf-8")  # a write cut short
    assert _state(load_or_build(kept)) == _state(built)
    assert _state(load_or_build(kept)) == _state(built)  # written again, whole
    for wrong in ({"places": []}, {"canonical": []}, {"places": {"London": "GB"}}):
        kept.write_text(json.dumps({**_state(built), **wrong}), encoding="utf-8")
        assert _state(load_or_build(kept)) == _state(built), wrong  # not ours: built again
    older = kept.with_name("gazetteer-0123456789abcdef.json")
    other = kept.with_name("gazetteer-fedcba9876543210.json")  # another checkout's
    for path in (older, other):
        path.write_text("{}", encoding="utf-8")
    os.utime(older, (1, 1))
    kept.unlink()
    load_or_build(kept)
    assert not older.exists()  # unused for a month, it goes when a new one is kept
    assert other.exists()  # one in use stays
    blocked = tmp_path / "file"
    blocked.write_text("", encoding="utf-8")
    assert _state(load_or_build(blocked / "gazetteer.json")) == _state(built)


def test_a_one_word_organization_the_archive_writes_in_lower_case_is_a_word():
    """In a large archive "Budget" (a headline word), written "the budget" in the text,
    has no page; "Reuters", never written in lower case, keeps its page."""
    body = "Reuters said the budget was late and the budget office agreed with Reuters."
    articles = [
        article(f"articles/{n}.md", f"T{n}", body, organizations=["Budget", "Reuters"])
        for n in range(SMALL_ARCHIVE)
    ]
    index = EntityIndex(articles)
    assert [r.name for r, _ in index.of_kind("organization")] == ["Reuters"]
    small = EntityIndex(articles[:3])  # a small archive says too little: both keep a page
    assert len(small.of_kind("organization")) == 2


def test_a_town_a_team_sports_report_names_as_its_club_is_no_common_word():
    """ "Sale" the rugby club: the archive writes "a sale" in lower case far more often,
    but rugby reports name the town as a club, so it keeps its page; a "Sale" no sports
    report names stays a word."""
    body = "The shop had a sale, the sale went well, a sale like the sale Sale had."
    shops = [article(f"articles/{n}.md", f"T{n}", body, organizations=["Sale"])
             for n in range(SMALL_ARCHIVE)]  # fmt: skip
    assert EntityIndex(shops).of_kind("organization") == []
    rugby = [article(f"articles/r{n}.md", f"R{n}", "Sale beat Bath.", organizations=["Sale"],
                     tags=("sport/rugby",)) for n in range(2)]  # fmt: skip
    index = EntityIndex(shops + rugby)
    assert [r.name for r, _ in index.of_kind("organization")] == ["Sale"]


def test_an_acronym_the_archive_writes_in_the_plural_is_a_thing_not_an_organization():
    """ "PVR" (also "PVRs") is a device and has no page, nor has the plural "MPs"; "BBC",
    never plural, keeps its page, as does "CBI" written in the plural once only."""
    body = "A PVR from the BBC. PVRs sold well, the BBC and CBI said. The PVR works. MPs met."
    articles = [
        article(f"articles/{n}.md", f"T{n}", body + (" Two CBIs." if n == 0 else ""),
                organizations=["PVR", "BBC", "CBI", "MPs"])
        for n in range(SMALL_ARCHIVE)
    ]  # fmt: skip
    index = EntityIndex(articles)
    assert [r.name for r, _ in index.of_kind("organization")] == ["BBC", "CBI"]


def test_common_words_counts_an_acronym_only_where_a_word_starts():
    """A plural counts where the acronym is a word of its own (at the start of a text, after
    a space or a bracket), not inside one ("e-PVRs", "2PVRs", "&PVRs"): with the two
    plurals of its own "PVR" is a thing; "BBC", never plural, is none."""
    names = ["PVR", "BBC"]
    texts = ["PVRs sold.", "Two (PVRs) and a PVR.", "e-PVRs, x-PVRs, 2PVRs, &PVRs and the BBC"]
    assert common_words(texts, names)[0] == {"PVR"}
    assert common_words(texts[2:], names)[0] == frozenset()
    # A capitalised word counts after a lower-case word or a comma only.
    written = ["The budget. Budget day, budget cuts and a budget, budget and Budget."]
    assert common_words(written, ["Budget"])[0] == {"Budget"}  # 4 lower, 1 capitalised


def test_a_country_tagged_an_organization_is_a_place():
    """ "Slovakia" (the model's organization: its national team, by the page rules a place)
    joins the place page; "Nokia" stays an organization."""
    articles = [
        article("articles/1.md", "1", "x", organizations=["Slovakia", "Nokia"]),
        article("articles/2.md", "2", "x", places=["Slovakia"]),
    ]
    index = EntityIndex(articles)
    assert index.ref("organization", "Slovakia", articles[0]) == EntityRef("place", "Slovakia")
    assert [r.name for r, _ in index.of_kind("organization")] == ["Nokia"]
    assert len(index.entities[EntityRef("place", "Slovakia")]) == 2


def test_the_uk_nations_are_countries_marked_at_their_capitals():
    """England, Scotland, Wales and Northern Ireland, which GeoNames lists as no country:
    news and sport write them as countries (trials: "Wales" the model's organization in
    two local-news sets; BBC: "Scotland", "England" its people), so a country's rules
    hold ("Wales" a body: the place), and each is on the map at its capital, in GB."""
    from build_tools.gazetteer import gazetteer

    places = gazetteer()
    for nation, capital in [("Wales", "Cardiff"), ("Northern Ireland", "Belfast")]:
        assert nation in places.countries and not places.is_town(nation)
        assert places.info(nation).country == "GB"
        assert places.coordinates(nation) == places.coordinates(capital)
    articles = [article(f"articles/{n}.md", f"{n}", "x", organizations=["Wales"]) for n in (1, 2)]
    index = EntityIndex(articles)
    assert index.ref("organization", "Wales", articles[0]) == EntityRef("place", "Wales")


def test_a_portfolio_is_its_ministry_or_no_page():
    """ "Health" of "Health Secretary John Reid" and "Mines" of "Mines Minister David
    Michael" (the model's organizations; BBC, a trial) get no page; "Transport" joins the
    ministry the archive names ("Department for Transport"); "Health Service" is a body."""
    articles = [
        article("articles/1.md", "1", "x", organizations=["Health", "Mines", "Transport"]),
        article("articles/2.md", "2", "x", organizations=["Health", "Mines", "Health Service"]),
        article("articles/3.md", "3", "x", organizations=["Department for Transport"]),
        article("articles/4.md", "4", "x", organizations=["Transport", "Health Service"]),
        # A band and a journal named by one portfolio's word (a reviewer's examples).
        article("articles/5.md", "5", "x", organizations=["Justice", "Science"]),
        article("articles/6.md", "6", "x", organizations=["Justice", "Science"]),
    ]
    index = EntityIndex(articles)
    pages = [r.name for r, _ in index.of_kind("organization") if index.has_page(r)]
    assert pages == ["Department for Transport", "Health Service", "Justice", "Science"]
    assert len(index.entities[EntityRef("organization", "Department for Transport")]) == 3


def test_a_person_whose_first_word_is_a_common_word_is_no_person():
    """ "Finding Nemo" (no first name; the archive writes "finding" in lower case) has no
    person page, nor has "Shark Tale" (no first name at all, and "tale" is a word);
    "Massive Attack", also called an organization, takes that kind; "Kenenisa Bekele" (no
    first name we know, never a lower-case word) stays a person, and so does "Will Young"
    (a first name, if also a word the archive writes: "will")."""
    body = (
        "Kenenisa Bekele won, finding form and finding pace; a massive attack followed, "
        "a tale of a tale of a tale. Will Young will sing, he will."
    )
    articles = [
        article(f"articles/{n}.md", f"T{n}", body,
                people=["Finding Nemo", "Kenenisa Bekele", "Massive Attack", "Shark Tale",
                        "Will Young"],
                organizations=["Massive Attack"] if n < 3 else [])
        for n in range(SMALL_ARCHIVE)
    ]  # fmt: skip
    index = EntityIndex(articles)
    assert [r.name for r, _ in index.of_kind("person")] == ["Kenenisa Bekele", "Will Young"]
    assert index.ref("person", "Massive Attack", articles[5]) == EntityRef(
        "organization", "Massive Attack")  # fmt: skip
    assert index.ref("person", "Finding Nemo", articles[5]) is None


def test_a_citys_former_name_joins_the_page_of_the_name_it_goes_by():
    """ "Bombay" and "Mumbai" in one archive: one page, Mumbai; "Peking" alone keeps its
    name (the archive does not use "Beijing"); "Cologne" is no other name of Mumbai."""
    articles = [
        article("articles/1.md", "1", "x", places=["Bombay", "Peking"]),
        article("articles/2.md", "2", "x", places=["Mumbai", "Cologne"]),
    ]
    index = EntityIndex(articles)
    assert index.ref("place", "Bombay", articles[0]) == EntityRef("place", "Mumbai")
    assert len(index.entities[EntityRef("place", "Mumbai")]) == 2
    assert {r.name for r, _ in index.of_kind("place")} == {"Mumbai", "Peking", "Cologne"}


def test_a_name_the_archive_gives_one_kind_far_more_often_takes_that_kind():
    """ "Edinburgh", a place in four articles and an organization in two, is one place
    page; "Leicester", the city and the club in equal measure, keeps both pages; three
    organizations to four places is no majority either."""
    places = [
        article(f"articles/{n}.md", f"T{n}", "x", places=["Edinburgh", *(["Leicester"] * (n < 2))])
        for n in range(4)
    ]
    clubs = [
        article(f"articles/o{n}.md", f"O{n}", "x", organizations=["Edinburgh", "Leicester"])
        for n in range(3)
    ]
    index = EntityIndex(places + clubs[:2])
    assert index.ref("organization", "Edinburgh", clubs[0]) == EntityRef("place", "Edinburgh")
    assert len(index.entities[EntityRef("place", "Edinburgh")]) == 6
    assert [r.name for r, _ in index.of_kind("organization")] == ["Leicester"]
    index = EntityIndex(places + clubs)
    assert {r.name for r, _ in index.of_kind("organization")} == {"Edinburgh", "Leicester"}


def test_an_initial_no_full_name_joins_has_no_page_in_a_large_archive():
    """A team sheet's ``R Corrigan`` names nobody the archive can name; ``G Henson`` joins
    Gavin Henson, named elsewhere. In a small archive every name keeps its page."""
    filler = [article(f"articles/f{n}.md", f"F{n}", "x", places=["Paris"]) for n in range(98)]
    a = article("articles/a.md", "A", "x", people=["R Corrigan", "G Henson"])
    b = article("articles/b.md", "B", "x", people=["R Corrigan", "Gavin Henson"])
    index = EntityIndex([*filler, a, b])
    assert index.ref("person", "R Corrigan", a) is None
    assert {r.name for r, _ in index.of_kind("person")} == {"Gavin Henson"}
    assert "R Corrigan" in {r.name for r, _ in EntityIndex([a, b]).of_kind("person")}


def test_an_acronym_an_article_spells_out_joins_its_expansion_where_contexts_meet():
    """ "the Welsh Rugby Union (WRU)", one name of its article, makes WRU alone elsewhere
    the same page when those articles share a player with it; NEC alone, among electronics
    makers, is not the National Executive Committee another article spells out."""
    spelled = article(
        "articles/1.md", "1", "The Welsh Rugby Union (WRU) backed Gareth Jenkins.",
        organizations=["Welsh Rugby Union"], people=["Gareth Jenkins"],
        aliases={"Welsh Rugby Union": ["WRU"]},
    )  # fmt: skip
    alone = article("articles/2.md", "2", "The WRU and Gareth Jenkins agreed.",
                    organizations=["WRU"], people=["Gareth Jenkins"])  # fmt: skip
    labour = article(
        "articles/3.md", "3", "Labour's National Executive Committee (NEC) met Tony Blair.",
        organizations=["National Executive Committee", "Labour"], people=["Tony Blair"],
        aliases={"National Executive Committee": ["NEC"]},
    )  # fmt: skip
    makers = article("articles/4.md", "4", "NEC and Sony make screens.",
                     organizations=["NEC", "Sony"])  # fmt: skip
    index = EntityIndex([spelled, alone, labour, makers])
    assert index.ref("organization", "WRU", alone) == EntityRef("organization", "Welsh Rugby Union")
    assert len(index.entities[EntityRef("organization", "Welsh Rugby Union")]) == 2
    assert index.ref("organization", "NEC", makers) == EntityRef("organization", "NEC")


def test_an_acronym_joins_the_expansion_its_article_writes_untagged():
    """ "EA's Need for Speed ... Electronic Arts, the world's biggest games publisher": the
    model tagged only EA there, but the article writes the one expansion the archive has,
    so EA is Electronic Arts; not where the article only writes a longer word ("Electronic
    Artsy"), nor an acronym no article of its spells out (CIA beside Channel Islands AC)."""
    games = article("articles/1.md", "1",
                    "EA's Need for Speed sold well. Electronic Arts, the biggest publisher.",
                    organizations=["EA"])  # fmt: skip
    again = article("articles/2.md", "2", "Electronic Arts and EA Sports agreed.",
                    organizations=["Electronic Arts"])  # fmt: skip
    third = article("articles/3.md", "3", "Electronic Arts said so.",
                    organizations=["Electronic Arts"])  # fmt: skip
    other = article("articles/4.md", "4", "EA said so. The Electronic Artsy show.",
                    organizations=["EA"])  # fmt: skip
    spies = [article(f"articles/c{n}.md", f"c{n}", "The CIA said so.", organizations=["CIA"])
             for n in range(2)]  # fmt: skip
    club = [article(f"articles/i{n}.md", f"i{n}", "Channel Islands AC won.",
                    organizations=["Channel Islands AC"]) for n in range(2)]  # fmt: skip
    index = EntityIndex([games, again, third, *spies, *club])
    arts = EntityRef("organization", "Electronic Arts")
    assert index.ref("organization", "EA", games) == arts
    assert len(index.entities[arts]) == 3
    assert index.ref("organization", "CIA", spies[0]) == EntityRef("organization", "CIA")
    alone = article("articles/5.md", "5", "EA said.", organizations=["EA"])
    index = EntityIndex([other, again, third, alone])
    assert index.ref("organization", "EA", other) == EntityRef("organization", "EA")


def test_an_acronym_does_not_join_an_expansion_that_ends_a_longer_name():
    """ "the North American Court of Arbitration for Sport (CAS)" writes the Court of
    Arbitration for Sport's name only as the end of a longer one: CAS stays apart from the
    Court another article names ("America's National Football League", whose capitalised
    word before is an owner, still names the League); and paragraphs, when given, are one
    tuple an article."""
    text = "The North American Court of Arbitration for Sport (CAS) ruled. CAS said so."
    north = [article(f"articles/n{n}.md", f"n{n}", text, organizations=["CAS"])
             for n in range(2)]  # fmt: skip
    court = [article(f"articles/c{n}.md", f"c{n}", "The Court of Arbitration for Sport said.",
                     organizations=["Court of Arbitration for Sport"])
             for n in range(2)]  # fmt: skip
    index = EntityIndex([*north, *court])
    assert index.ref("organization", "CAS", north[0]) == EntityRef("organization", "CAS")
    league = article("articles/l.md", "l", "NFL stars joined America's National Football League.",
                     organizations=["NFL"])  # fmt: skip
    full = [article(f"articles/f{n}.md", f"f{n}", "The National Football League said.",
                    organizations=["National Football League"]) for n in range(2)]  # fmt: skip
    index = EntityIndex([league, *full])
    assert index.ref("organization", "NFL", league).name == "National Football League"
    with pytest.raises(ValueError):
        organization_forms([["NFL"], ["National Football League"]], paragraphs=[("NFL stars.",)])


def test_a_person_written_as_businesses_are_written_is_an_organization():
    """ "analysts at Merrill Lynch", "shares in Merrill Lynch": an organization, whatever the
    model said; one "a go at Gary Neville" leaves a person a person."""
    articles = [
        article("articles/1.md", "1", "Analysts at Merrill Lynch agreed.",
                people=["Merrill Lynch"]),
        article("articles/2.md", "2", "Shares in Merrill Lynch fell. Merrill Lynch said so.",
                people=["Merrill Lynch"]),
        article("articles/3.md", "3", "Vieira had a go at Gary Neville, said Gary Neville.",
                people=["Gary Neville"]),
        article("articles/4.md", "4", "Gary Neville played.", people=["Gary Neville"]),
    ]  # fmt: skip
    index = EntityIndex(articles)
    assert index.ref("person", "Merrill Lynch", articles[1]) == EntityRef(
        "organization", "Merrill Lynch")  # fmt: skip
    assert [r.name for r, _ in index.of_kind("person")] == ["Gary Neville"]
    # Once is enough where the first word is no first name for certain.
    stories = [
        article("articles/m1.md", "M1", "Analysts at Morgan Stanley agreed.",
                people=["Morgan Stanley"]),
        article("articles/m2.md", "M2", "Morgan Stanley rose.", people=["Morgan Stanley"]),
    ]  # fmt: skip
    assert [r.name for r, _ in EntityIndex(stories).of_kind("organization")] == ["Morgan Stanley"]
    # A trade's noun before it: "media giant Vivendi Universal", "distributor X".
    trades = ("media giant", "games giants", "retailer", "distributor", "carmaker", "insurer",
              "airline", "studio", "studios")  # fmt: skip
    for trade in trades:
        stories = [article(f"articles/v{n}.md", f"V{n}", f"The {trade} Vivendi Universal said so.",
                           people=["Vivendi Universal"]) for n in range(2)]  # fmt: skip
        assert [r.name for r, _ in EntityIndex(stories).of_kind("person")] == [], trade


def test_a_person_written_before_newspaper_is_the_paper():
    """ "told the Herald newspaper" twice: the paper, an organization (the model's person);
    a proprietor whose papers are named ("Murdoch newspapers"), in full or not ("the
    Desmond newspapers ... Mr Desmond", a reviewer's example), stays a person."""
    body = (
        "He told the Herald newspaper so. Quoted in the Herald newspaper, he said no. Rupert"
        " Murdoch bought it. Murdoch newspapers backed him. Rupert Murdoch said so. The"
        " Desmond newspapers grew. Mr Desmond met him."
    )
    names = {"people": ["Herald", "Rupert Murdoch", "Desmond"]}
    articles = [article(f"articles/{n}.md", f"{n}", body, aliases={"Rupert Murdoch": ["Murdoch"]},
                        **names) for n in range(2)]  # fmt: skip
    index = EntityIndex(articles)
    assert index.ref("person", "Herald", articles[0]) == EntityRef("organization", "Herald")
    assert [r.name for r, _ in index.of_kind("person")] == ["Desmond", "Rupert Murdoch"]


def test_a_name_a_courtesy_title_starts_is_a_person():
    """ "Mr Balls", which the model called an organization, is Ed Balls's page."""
    articles = [
        article("articles/1.md", "1", "x", organizations=["Mr Balls"], people=["Gordon Brown"]),
        article("articles/2.md", "2", "x", people=["Ed Balls", "Gordon Brown"]),
    ]
    index = EntityIndex(articles)
    assert index.ref("organization", "Mr Balls", articles[0]) == EntityRef("person", "Ed Balls")
    assert index.of_kind("organization") == []


def test_a_title_of_rank_of_a_place_is_its_holder_a_person():
    """ "the Prince of Wales", "the Archbishop of Canterbury", which the model called an
    organization and a place: people. Not "Prince of Egypt", a film data/names.yml lists,
    nor "the film King of New York", written as a work is, nor "Prince of Wales Island",
    a place, nor "the Queen of Hearts", no place."""
    body = (
        "The Prince of Wales and the Archbishop of Canterbury watched Prince of Egypt and"
        " the film King of New York on Prince of Wales Island with the Queen of Hearts."
    )
    articles = [
        article(f"articles/{n}.md", f"{n}", body,
                organizations=["Prince of Wales", "Prince of Egypt", "King of New York",
                               "Queen of Hearts"],
                places=["Archbishop of Canterbury", "Prince of Wales Island"])
        for n in range(2)
    ]  # fmt: skip
    index = EntityIndex(articles, curated=load_curated(Path("no-such-file.yml")))
    prince = index.ref("organization", "Prince of Wales", articles[0])
    assert prince == EntityRef("person", "Prince of Wales")
    assert index.ref("place", "Archbishop of Canterbury", articles[0]).kind == "person"
    assert index.ref("organization", "Prince of Egypt", articles[0]) is None
    assert index.ref("organization", "King of New York", articles[0]) is None
    island = index.ref("place", "Prince of Wales Island", articles[0])
    assert island == EntityRef("place", "Prince of Wales Island")
    assert [r.name for r, _ in index.of_kind("person")] == [
        "Archbishop of Canterbury", "Prince of Wales"
    ]  # fmt: skip


def test_a_name_written_as_a_work_is_written_has_no_page():
    """ "the film Open Water", "Open Water actress": a work, no organization; a browser
    ("Net browser Opera"), a share index ("the Nasdaq stock index") or a drug ("the
    steroid THG") neither; a company named once
    beside a technology ("the Sony format") stays, and so does a body the BBC will not
    vouch for ("the so-called Islamic State")."""
    body = ("The film Open Water won. Open Water actress Imelda Staunton thanked Sony. The"
            " Skulls program hit phones. The FTSE 100 index fell. Net browser Opera gained."
            " The Nasdaq stock index rose. He took the steroid THG. The so-called Islamic"
            " State grew. The Nikkei 225 share index fell.")  # fmt: skip
    names = ["Open Water", "Sony", "Skulls", "FTSE", "Opera", "Nasdaq", "THG", "Islamic State",
             "Nikkei"]  # fmt: skip
    articles = [
        article(f"articles/{n}.md", f"{n}", body, organizations=names) for n in range(3)
    ] + [article("articles/s.md", "s", "The Sony format. Sony said.", organizations=["Sony"])]
    index = EntityIndex(articles)
    assert index.ref("organization", "Open Water", articles[0]) is None
    assert index.ref("organization", "Skulls", articles[0]) is None  # a virus, a program
    assert index.ref("organization", "FTSE", articles[0]) is None  # a share index
    assert index.ref("organization", "Nasdaq", articles[0]) is None  # "stock index" too
    assert index.ref("organization", "Nikkei", articles[0]) is None  # "225 share index"
    # An exchange that speaks keeps its page, though it names an index too.
    exchange = [
        article(f"articles/x{n}.md", f"x{n}", "Nasdaq said so. The Nasdaq stock index rose.",
                organizations=["Nasdaq"])
        for n in range(3)
    ]  # fmt: skip
    assert EntityIndex(exchange).ref("organization", "Nasdaq", exchange[0]) is not None
    for term in ("Opera", "THG"):
        assert index.ref("organization", term, articles[0]) is None, term
    assert index.ref("organization", "Islamic State", articles[0]) is not None
    assert [r.name for r, _ in index.of_kind("organization")] == ["Islamic State", "Sony"]
    # The noun a name is "called" or "dubbed" by: a technology's is a work's cue, a
    # firm's a business's; not the verb ("the carmaker named Carlos Ghosn as its chief").
    verb = [article(f"articles/g{n}.md", f"g{n}", "The carmaker named Carlos Ghosn as chief.",
                    people=["Carlos Ghosn"]) for n in range(2)]  # fmt: skip
    assert [r.name for r, _ in EntityIndex(verb).of_kind("person")] == ["Carlos Ghosn"]
    body = "A technology called Visual Radio came. Its maker, a firm called Visual Radio, grew."
    for named in (body.split(" Its")[0], body.replace("technology", "firm")):
        named_twice = [
            article(f"articles/v{n}.md", f"v{n}", f"{named} Visual Radio won.",
                    organizations=["Visual Radio"]) for n in range(2)
        ]  # fmt: skip
        found = [r.name for r, _ in EntityIndex(named_twice).of_kind("organization")]
        assert found == ([] if "technology" in named else ["Visual Radio"]), named


def test_a_games_name_before_a_medal_or_a_title_is_an_event():
    """ "World and Commonwealth 100m champion Kim Collins", "a Pan American silver medal":
    the Games, no organization; a club written once before "gold" keeps its page, and so
    do a medal target's and a gold card's ("the UK Sport medal target", "a Visa gold
    card"), as a reviewer showed."""
    bodies = (
        "World and Commonwealth 100m champion Kim Collins ran. A Pan American gold medal."
        " Arsenal gold shirts sold. Arsenal won.",
        "The Commonwealth 200m champion ran. She has a Pan American silver medal. Arsenal lost.",
        "The UK Sport medal target. A Visa gold card. UK Sport said so. Visa rose.",
        "The UK Sport medal target. A Visa gold card. UK Sport met. Visa fell.",
    )
    names = {
        "organizations": ["Commonwealth", "Pan American", "Arsenal", "UK Sport", "Visa"],
        "people": ["Kim Collins"],
    }
    articles = [article(f"articles/{n}.md", f"{n}", body, **names) for n, body in enumerate(bodies)]
    index = EntityIndex(articles)
    assert index.ref("organization", "Commonwealth", articles[0]) is None
    assert index.ref("organization", "Pan American", articles[0]) is None
    assert [r.name for r, _ in index.of_kind("organization")] == ["Arsenal", "UK Sport", "Visa"]


def test_a_name_of_few_mentions_written_once_as_a_work_has_no_page():
    """ "an offering entitled Underexposure" once in its two mentions: a work. A body
    that speaks ("Sky said") and a person's name ("a biopic entitled Alfred Kinsey") keep
    their pages, and so does a company a tenth of whose mentions name a technology, and
    one another work word precedes once ("the software Novell sells")."""
    cued = (
        "An offering entitled Underexposure. The channel entitled Sky. Sky said so. A"
        " biopic entitled Alfred Kinsey. The Sony format. Sony grew. Sony rose. Sony fell."
        " The software Novell sells. Novell grew. The ruling entitled Parmalat investors"
        " to damages."
    )
    plain = ("Underexposure ran. Sky grew. Alfred Kinsey wrote. Sony sold. Sony won. Novell"
             " won. Parmalat fell.")  # fmt: skip
    names = {"organizations": ["Underexposure", "Sky", "Sony", "Novell", "Parmalat"],
             "people": ["Alfred Kinsey"]}  # fmt: skip
    articles = [article(f"articles/{n}.md", f"{n}", text, **names)
                for n, text in enumerate((cued, plain))]  # fmt: skip
    index = EntityIndex(articles)
    assert index.ref("organization", "Underexposure", articles[0]) is None
    assert [r.name for r, _ in index.of_kind("organization")] == [
        "Novell", "Parmalat", "Sky", "Sony"]  # fmt: skip
    assert [r.name for r, _ in index.of_kind("person")] == ["Alfred Kinsey"]


def test_a_name_mostly_written_before_a_products_noun_is_no_body():
    """ "the Cell processor", "EV-DO technology", "the Microsoft Mobile phone" in a third of
    their mentions: a product, a technology, no organization. A maker written so in fewer
    ("Nokia handsets" once in four), one that speaks ("the Sony handset ... Sony said") or
    is written as a business is ("Qualcomm chips ... shares in Qualcomm"), a regulator's
    inquiry ("the Ofcom inquiry") and a person the model names ("the Dyson device")
    keep their pages."""
    cued = (
        "The Cell processor is fast. The Cell chip ships. Cell grew. EV-DO technology"
        " spreads. EV-DO technology costs. The Microsoft Mobile phone sold. The Microsoft"
        " Mobile phone won. Nokia handsets sold. Nokia grew. The Sony handset sold. The Sony"
        " handset won. Sony said so. Qualcomm chips sold. Qualcomm chips won. Shares in"
        " Qualcomm rose. The Ofcom inquiry sat. The Ofcom inquiry reported. The Dyson"
        " device sold. The Dyson device won."
    )
    plain = (
        "Cell fell. EV rose. Microsoft Mobile fell. Nokia won. Nokia fell. Sony won. Qualcomm"
        " won. Ofcom ruled. Dyson spoke."
    )
    names = {
        "organizations": ["Cell", "EV", "Microsoft Mobile", "Nokia", "Sony", "Qualcomm", "Ofcom"],
        "people": ["Dyson"],
    }
    ev = tuple(Position(1, m.start(), m.end()) for m in re.finditer("EV", cued))
    articles = [
        article("articles/0.md", "0", cued, at={"EV": ev}, **names),  # "EV" of "EV-DO"
        article("articles/1.md", "1", plain, **names),
    ]
    index = EntityIndex(articles)
    for name in ("Cell", "EV", "Microsoft Mobile"):
        assert index.ref("organization", name, articles[0]) is None, name
    assert [r.name for r, _ in index.of_kind("organization")] == [
        "Nokia", "Ofcom", "Qualcomm", "Sony"]  # fmt: skip
    assert [r.name for r, _ in index.of_kind("person")] == ["Dyson"]


def test_a_name_written_only_after_another_and_a_slash_has_no_page():
    """ "analysts Nielsen/NetRatings": NetRatings is the joint name's second half, no page
    of its own (Nielsen keeps its page); a name also written alone keeps it, and so do a
    poll's sponsors ("a Reuters/Ipsos poll", "an NBC/Wall Street Journal survey"), a name
    of two words ("ABC/Washington Post") and a curated name."""
    body = (
        "Analysts Nielsen/NetRatings said so. Nielsen grew. Sony/BMG rose. BMG fell. A"
        " Reuters/Ipsos poll and an NBC/Wall Street Journal survey. Vodafone/Verizon."
        " ABC/Washington Post. An Edison/Mitofsky exit poll, a Reuters/Zogby Poll."
    )
    names = ["Nielsen", "NetRatings", "Sony", "BMG", "Reuters", "Ipsos", "NBC",
             "Wall Street Journal", "Vodafone", "Verizon", "ABC", "Washington Post", "Edison",
             "Mitofsky", "Zogby"]  # fmt: skip
    articles = [article(f"articles/{n}.md", f"{n}", body, organizations=names) for n in range(2)]
    curated = Curated(entries={"verizon": ("organization", "Verizon")})
    index = EntityIndex(articles, curated=curated)
    assert index.ref("organization", "NetRatings", articles[0]) is None
    assert [r.name for r, _ in index.of_kind("organization")] == [
        "ABC", "BMG", "Edison", "Ipsos", "Mitofsky", "NBC", "Nielsen", "Reuters", "Sony",
        "Verizon", "Vodafone", "Wall Street Journal", "Washington Post", "Zogby"]  # fmt: skip


def test_a_short_name_after_a_companys_full_legal_name_is_that_company():
    """News agencies name a company in full first, then short: "Sun Microsystems Inc.
    ... Sun said", "Rally's Inc. ... Rally". In that article the short name is the
    company's; elsewhere "Sun" (the newspaper) keeps its own page, and so does a short
    name written before the full one, one written "the X" ("Dow Jones & Co. ... the Dow
    fell"), one two full names start, and a curated one."""
    wire = ("Sun Microsystems Inc. rose. Sun said so. Rally's Inc. fell. Rally lost."
            " BBC grew. BBC Worldwide Ltd sold it. Dow Jones & Co. rose. The Dow fell."
            " Ace Foods Inc. and Ace Tools Ltd met. Ace won. United Technologies Corp. grew."
            " United flew.")  # fmt: skip
    names = ["Sun Microsystems Inc.", "Sun", "Rally's Inc.", "Rally", "BBC Worldwide Ltd",
             "BBC", "Dow Jones & Co.", "Dow", "Ace Foods Inc.", "Ace Tools Ltd", "Ace",
             "United Technologies Corp.", "United"]  # fmt: skip
    # Where the converter puts each short name: its own mentions, not the full name's.
    shorts = {"Sun": "said", "Rally": "lost", "BBC": "grew", "Dow": "fell", "Ace": "won",
              "United": "flew"}  # fmt: skip
    at = {short: (Position(1, start := wire.index(f"{short} {verb}"), start + len(short)),)
          for short, verb in shorts.items()}  # fmt: skip
    articles = [article(f"articles/w{n}.md", f"W{n}", wire, organizations=names, at=at)
                for n in range(2)]  # fmt: skip
    articles += [article(f"articles/p{n}.md", f"P{n}", "The Sun said so. The BBC said so.",
                         organizations=["Sun", "BBC"]) for n in range(2)]  # fmt: skip
    curated = Curated(entries={"united": ("organization", "United Airlines")})
    index = EntityIndex(articles, curated=curated)
    wire_article, paper = index.by_uri["articles/w0.md"], index.by_uri["articles/p0.md"]
    sun = EntityRef("organization", "Sun Microsystems Inc.")
    assert index.ref("organization", "Sun", wire_article) == sun
    assert index.ref("organization", "Rally", wire_article).name == "Rally's Inc."
    assert index.ref("organization", "Sun", paper) == EntityRef("organization", "Sun")
    assert len(index.entities[EntityRef("organization", "Sun")]) == 2
    for short in ("BBC", "Dow", "Ace"):
        assert index.ref("organization", short, wire_article).name == short, short
    assert index.ref("organization", "United", wire_article).name == "United Airlines"
    # The headline's short name does not stop the join; a short name the archive makes a
    # place, or the article writes in lower case, stays what it is.
    body = ("Sun Microsystems Inc. rose. Sun said so. Singapore Airlines Ltd flew. Singapore"
            " said so. Time Warner Inc. grew. Time magazine sold in time.")  # fmt: skip
    names = ["Sun Microsystems Inc.", "Sun", "Singapore Airlines Ltd", "Singapore",
             "Time Warner Inc.", "Time"]  # fmt: skip
    shorts = {"Sun": "said", "Singapore": "said", "Time": "magazine"}
    at = {short: (Position(0, 0, 3),) * (short == "Sun")
          + (Position(1, start := body.index(f"{short} {verb}"), start + len(short)),)
          for short, verb in shorts.items()}  # fmt: skip
    wires = [article(f"articles/v{n}.md", "Sun to cut jobs", body, organizations=names, at=at)
             for n in range(2)]  # fmt: skip
    places = [article(f"articles/s{n}.md", f"S{n}", "In Singapore.", places=["Singapore"])
              for n in range(6)]  # fmt: skip
    index = EntityIndex(wires + places)
    wire_article = index.by_uri["articles/v0.md"]
    assert index.ref("organization", "Sun", wire_article) == sun
    assert index.ref("organization", "Singapore", wire_article) == EntityRef("place", "Singapore")
    assert index.ref("organization", "Time", wire_article) == EntityRef("organization", "Time")


def test_a_form_of_a_works_name_is_no_body_either():
    """ "Rip Guard", a spelling of RipGuard's, which the archive writes as a technology
    ("its new RipGuard technology"): no page under either spelling."""
    work = [article(f"articles/w{n}.md", f"W{n}", "Its new RipGuard technology works.",
                    organizations=["RipGuard"]) for n in range(3)]  # fmt: skip
    spelt = [article(f"articles/s{n}.md", f"S{n}", "Rip Guard grew.",
                     organizations=["Rip Guard"]) for n in range(2)]  # fmt: skip
    index = EntityIndex(work + spelt)
    assert [r.name for r, _ in index.of_kind("organization")] == []
    assert index.ref("organization", "Rip Guard", index.by_uri["articles/s0.md"]) is None


def test_a_short_name_mostly_written_after_one_fuller_name_is_that_name():
    """ "Bayern Munich won. Bayern said so." in two articles of three naming Bayern: Bayern
    is Bayern Munich's short name, in the third article too. The BBC, written after "BBC
    News" once but alone twice, keeps its page; so does a name after a person's
    ("EADS Philippe Camus ... EADS") and one the article names first ("Ace ... Ace
    Foods")."""
    body = ("Bayern Munich won. Bayern said so. BBC News ran it. BBC said so. EADS Philippe"
            " Camus spoke. EADS said so. Ace won. Ace Foods grew.")  # fmt: skip
    names = ["Bayern Munich", "Bayern", "BBC News", "BBC", "EADS Philippe Camus", "EADS",
             "Ace", "Ace Foods"]  # fmt: skip
    shorts = {"Bayern": "said", "BBC": "said", "EADS": "said", "Ace": "won"}
    at = {short: (Position(1, start := body.index(f"{short} {verb}"), start + len(short)),)
          for short, verb in shorts.items()}  # fmt: skip
    articles = [article(f"articles/{n}.md", f"{n}", body, organizations=names, at=at)
                for n in range(2)]  # fmt: skip
    articles += [article(f"articles/a{n}.md", f"A{n}", "Bayern lost. BBC said so.",
                         organizations=["Bayern", "BBC"] if n == 0 else ["BBC"])
                 for n in range(3)]  # fmt: skip
    index = EntityIndex(articles)
    bayern = EntityRef("organization", "Bayern Munich")
    assert index.ref("organization", "Bayern", index.by_uri["articles/a0.md"]) == bayern
    assert len(index.entities[bayern]) == 3
    names = [r.name for r, _ in index.of_kind("organization")]
    assert "Bayern" not in names
    assert {"BBC", "BBC News", "EADS", "Ace", "Ace Foods"} <= set(names)


def test_a_short_name_after_two_fuller_names_or_an_office_is_no_ones_form():
    """ "Sky" after "Sky News" in two articles and after "Sky Sports" in a third is
    neither's; "Mid-Bedfordshire" after "Mid-Bedfordshire MP" (an office) is no body's;
    and an article's own full legal name wins over the archive's short form ("Phillips
    Petroleum Co. ... Phillips said", where the archive's Phillips is Phillips Idowu)."""

    def story(uri, body, names):
        shorts = [name for name in names if " " not in name]
        at = {short: (Position(1, start := body.rindex(f"{short} said"), start + len(short)),)
              for short in shorts}  # fmt: skip
        return article(uri, uri, body, organizations=names, at=at)

    articles = [
        *(story(f"articles/n{n}.md", "Sky News ran. Sky said so.", ["Sky News", "Sky"])
          for n in range(2)),
        story("articles/s.md", "Sky Sports ran. Sky said so.", ["Sky Sports", "Sky"]),
        *(story(f"articles/m{n}.md", "Mid-Bedfordshire MP Nadine Dorries. Mid-Bedfordshire"
                " said so.", ["Mid-Bedfordshire MP", "Mid-Bedfordshire"]) for n in range(2)),
        *(story(f"articles/i{n}.md", "Phillips Idowu jumped. Phillips said so.",
                ["Phillips Idowu", "Phillips"]) for n in range(2)),
        story("articles/p.md", "Phillips Petroleum Co. rose. Phillips said so.",
              ["Phillips Petroleum Co.", "Phillips"]),
    ]  # fmt: skip
    index = EntityIndex(articles)
    for uri, short in (("n0", "Sky"), ("s", "Sky"), ("m0", "Mid-Bedfordshire")):
        assert index.ref("organization", short, index.by_uri[f"articles/{uri}.md"]).name == short
    assert index.ref("organization", "Phillips", index.by_uri["articles/i0.md"]).name == (
        "Phillips Idowu")  # fmt: skip
    assert index.ref("organization", "Phillips", index.by_uri["articles/p.md"]) == EntityRef(
        "organization", "Phillips Petroleum Co.")  # fmt: skip


def test_an_x_of_y_organization_without_a_bodys_head_word_is_a_title():
    """ "Phantom of the Opera", "World of Warcraft": no body's head word (Bank, House,
    University...), no place after "of", never speaking: a title, no page. House of Lords
    (a head word), Bank of England and Transport for London (places) and Children of Peace
    (it speaks) stay."""
    body = (
        "Phantom of the Opera opened. World of Warcraft sold. Bank of England rose. The"
        " House of Lords sat. Transport for London met. Children of Peace said so."
    )
    names = ["Phantom of the Opera", "World of Warcraft", "Bank of England", "House of Lords",
             "Transport for London", "Children of Peace"]  # fmt: skip
    articles = [article(f"articles/{n}.md", f"{n}", body, organizations=names) for n in range(2)]
    index = EntityIndex(articles)
    assert sorted(r.name for r, _ in index.of_kind("organization")) == [
        "Bank of England", "Children of Peace", "House of Lords", "Transport for London",
    ]  # fmt: skip
    # A name an acronym stands for is a body's: "People for the Ethical Treatment of
    # Animals" of PETA (named together once, the acronym's page takes the full name).
    peta = "People for the Ethical Treatment of Animals"
    both = [article("articles/p.md", "p", "x", organizations=[peta, "PETA"]),
            article("articles/q.md", "q", "x", organizations=["PETA"])]  # fmt: skip
    assert EntityIndex(both).ref("organization", peta, both[0]) == EntityRef("organization", peta)


def test_an_organization_a_comma_parts_into_a_list_has_no_page():
    """ "House of Commons, European Parliament" is two names, and "Microsoft, Sony and
    Nintendo" three the archive names alone; "Department for Culture, Media and Sport" is
    one, and so is a body and its place ("University of California, Berkeley"). "Pfizer,
    Inc." is a form of Pfizer's, whatever its comma."""
    names = ["House of Commons, European Parliament", "Department for Culture, Media and Sport",
             "Microsoft, Sony and Nintendo", "Microsoft", "Sony", "Nintendo",
             "University of California, Berkeley"]  # fmt: skip
    articles = [article(f"articles/{n}.md", f"{n}", "x", organizations=names) for n in range(2)]
    pfizer = [article("articles/p.md", "p", "x", organizations=["Pfizer, Inc.", "Pfizer"]),
              article("articles/q.md", "q", "x", organizations=["Pfizer"])]  # fmt: skip
    index = EntityIndex(articles + pfizer)
    assert [r.name for r, _ in index.of_kind("organization")] == [
        "Department for Culture, Media and Sport", "Microsoft", "Nintendo", "Pfizer", "Sony",
        "University of California, Berkeley"]  # fmt: skip
    assert index.ref("organization", "Pfizer, Inc.", pfizer[0]) == EntityRef(
        "organization", "Pfizer"
    )


def test_a_word_the_model_rarely_tags_where_the_archive_writes_it_has_no_page():
    """ "Nations", tagged in two of the hundred articles that write "the United Nations",
    is the model's slip; "Nokia", tagged wherever it is written, keeps its page."""
    body = "Officials of the United Nations met staff of Nokia."
    articles = [
        article(f"articles/{n}.md", f"T{n}", body,
                organizations=["United Nations", "Nokia", *(["Nations"] * (n < 2))],
                aliases={"Nations": ["Nations"]})
        for n in range(SMALL_ARCHIVE)
    ]  # fmt: skip
    index = EntityIndex(articles)
    assert index.ref("organization", "Nations", articles[0]) is None
    assert {r.name for r, _ in index.of_kind("organization")} == {"United Nations", "Nokia"}


def curated_name(name: str) -> str:
    """The name data/names.yml gives an organization's other name."""
    return load_curated(Path("no-such-file.yml")).resolve("organization", name)[1]


def test_the_project_knowledge_names_a_page_whatever_form_an_article_spells_out():
    """BT, spelled out as "British Telecom (BT)" in one article, stays BT's page; the
    Commons and the Labour Party take the names of data/names.yml."""
    spelled = article("articles/1.md", "1", "British Telecom (BT) and Ofcom met.",
                      organizations=["British Telecom", "Ofcom"],
                      aliases={"British Telecom": ["BT"]})  # fmt: skip
    alone = article("articles/2.md", "2", "BT and Ofcom met in the Commons.",
                    organizations=["BT", "Ofcom", "Commons", "Labour Party"])  # fmt: skip
    index = EntityIndex([spelled, alone], curated=load_curated(Path("no-such-file.yml")))
    assert index.ref("organization", "British Telecom", spelled) == EntityRef("organization", "BT")
    assert index.ref("organization", "BT", alone) == EntityRef("organization", "BT")
    assert index.ref("organization", "Commons", alone).name == "House of Commons"
    assert index.ref("organization", "Labour Party", alone).name == "Labour"
    assert curated_name("Standard & Poor") == "Standard & Poor's"
    assert curated_name("Big Board") == "New York Stock Exchange"  # its nickname
    assert curated_name("Irish Lions") == "British and Irish Lions"  # cut at "and"
    party = article("articles/5.md", "5", "Sinn Fein and Fine Gael.",
                    people=["Sinn Fein", "Fine Gael"])  # fmt: skip
    index = EntityIndex([party], curated=load_curated(Path("no-such-file.yml")))
    assert index.ref("person", "Sinn Fein", party) == EntityRef("organization", "Sinn Féin")
    assert index.ref("person", "Fine Gael", party) == EntityRef("organization", "Fine Gael")
    charity = article("articles/4.md", "4", "x", people=["Age Concern"])
    assert EntityIndex([charity], curated=load_curated(Path("no-such-file.yml"))).ref(
        "person", "Age Concern", charity
    ) == EntityRef("organization", "Age Concern")  # named as people are
    # A business named as a person is, which the model calls a person: a company.
    bank = article("articles/3.md", "3", "Merrill Lynch said so.", people=["Merrill Lynch"])
    index = EntityIndex([bank], curated=load_curated(Path("no-such-file.yml")))
    assert index.ref("person", "Merrill Lynch", bank) == EntityRef("organization", "Merrill Lynch")


def test_agencies_state_bodies_and_companies_take_one_page_under_any_of_their_names():
    """An agency's acronym and its spelling without a hyphen, a parliament's metonym, a
    department's common misnaming and a bank's short forms: one page each, under the
    name data/names.yml gives, whichever kind the model gave the form."""
    agency = article("articles/1.md", "1", "AFP reported it.", organizations=["AFP"])
    spelled = article("articles/2.md", "2", "Agence France Presse said so.",
                      organizations=["Agence France Presse"])  # fmt: skip
    state = article("articles/3.md", "3", "Holyrood and the DWP.", places=["Holyrood"],
                    organizations=["Department of Work and Pensions"])  # fmt: skip
    bank = article("articles/4.md", "4", "JPMorgan and JP Morgan Chase.",
                   people=["JP Morgan"], organizations=["JPMorgan"])  # fmt: skip
    index = EntityIndex([agency, spelled, state, bank],
                        curated=load_curated(Path("no-such-file.yml")))  # fmt: skip
    afp = EntityRef("organization", "Agence France-Presse")
    assert index.ref("organization", "AFP", agency) == afp
    assert index.ref("organization", "Agence France Presse", spelled) == afp
    assert index.ref("place", "Holyrood", state) == EntityRef("organization", "Scottish Parliament")
    assert (index.ref("organization", "Department of Work and Pensions", state).name
            == "Department for Work and Pensions")  # fmt: skip
    chase = EntityRef("organization", "JPMorgan Chase")
    assert index.ref("person", "JP Morgan", bank) == chase
    assert index.ref("organization", "JPMorgan", bank) == chase


def test_the_project_knowledge_gives_each_name_one_meaning():
    """No form of data/names.yml stands for two organizations, and none is both an
    organization's name and a name that is no entity or a team's nickname: a form the
    file gave twice would take whichever entry came last."""
    from build_tools.archive.identity import _key

    data = load_yaml(Path("build_tools/data/names.yml").read_text(encoding="utf-8"))
    forms = Counter(
        folded
        for name, aliases in data["organizations"].items()
        for folded in {_key(form) for form in (name, *aliases)}
    )
    assert [form for form, count in forms.items() if count > 1] == []
    others = {_key(term) for terms in data["not_entities"].values() for term in terms}
    others |= {_key(nickname) for nickname in data["teams"]}
    assert sorted(set(forms) & others) == []


def test_share_indices_and_everyday_abbreviations_get_no_page():
    """ "the FTSE 100's decline" (BBC, 5 articles; a trial), "a GP surgery" and "CCTV
    footage" (both trials): the model's organizations, no body's names."""
    names = ["FTSE", "FTSE 100", "GP", "CCTV", "Nokia"]
    articles = [article(f"articles/{n}.md", f"{n}", "x", organizations=names) for n in range(2)]
    index = EntityIndex(articles, curated=load_curated(Path("no-such-file.yml")))
    assert [r.name for r, _ in index.of_kind("organization") if index.has_page(r)] == ["Nokia"]


def test_a_body_named_by_its_kind_alone_gets_no_page():
    """ "the Council voted", "the Church said", "the Government" (trials of local news:
    5 pages in 2 sets, no gold name): every town has one, so no one referent; a body a
    country has one of names it (Parliament), and a kind's full name is a name."""
    names = ["Council", "Church", "Government", "Workforce", "Parliament", "Church of England"]
    articles = [article(f"articles/{n}.md", f"{n}", "x", organizations=names) for n in range(2)]
    singer, *more = (
        article(f"articles/s{n}.md", f"s{n}", "x", people=["Charlotte Church", "Church"])
        for n in range(3)
    )
    index = EntityIndex([*articles, singer, *more], curated=load_curated(Path("none.yml")))
    paged = [r.name for r, _ in index.of_kind("organization") if index.has_page(r)]
    assert sorted(paged) == ["Church of England", "Parliament"]
    # Organizations only: the singer Charlotte Church is "Church" too (a reviewer's).
    assert index.ref("person", "Church", singer) == EntityRef("person", "Charlotte Church")


def test_a_football_reports_towns_are_its_clubs_and_a_town_written_in_x_is_a_place():
    """ "Southampton beat Everton" in a football report: the club, an organization; "in
    Southampton" in the same report and Southampton in a business story: the town."""
    report = article("articles/1.md", "1", "Southampton beat Everton at home.",
                     places=["Southampton"], organizations=["Everton"],
                     tags=("sport/football",))  # fmt: skip
    venue = article("articles/2.md", "2", "Fans met in Southampton.",
                    places=["Southampton"], tags=("sport/football",))  # fmt: skip
    business = article("articles/3.md", "3", "Southampton docks grew.",
                       places=["Southampton"], tags=("economy-business-finance",))  # fmt: skip
    second = article("articles/4.md", "4", "Southampton drew with Everton.",
                     places=["Southampton"], tags=("sport/football",))  # fmt: skip
    index = EntityIndex([report, second, venue, business])
    assert index.ref("place", "Southampton", report) == EntityRef("organization", "Southampton")
    assert index.ref("place", "Southampton", venue) == EntityRef("place", "Southampton")
    assert index.ref("place", "Southampton", business) == EntityRef("place", "Southampton")
    # Outside sports reports, a town the model calls an organization and the article writes
    # "in X" is the town; a company named like one ("Halifax said") stays a company.
    gig = article("articles/5.md", "5", "A show in Southampton. Halifax said so.",
                  organizations=["Southampton", "Halifax"])  # fmt: skip
    index = EntityIndex([report, second, venue, business, gig])
    assert index.ref("organization", "Southampton", gig) == EntityRef("place", "Southampton")
    assert index.ref("organization", "Halifax", gig) == EntityRef("organization", "Halifax")


def test_an_organization_the_gazetteer_knows_written_in_x_or_city_of_x_is_the_place():
    """Not only towns: "a ceremony in Washington DC" is Washington, under the gazetteer's
    name; "the Brazilian city of Porto Alegre" the city; "Apple's store in Brazil" leaves
    Apple, and "shares in Google" (a place of GeoNames too) the company."""
    text = ("A ceremony in Washington DC. The Brazilian city of Porto Alegre. Shares in Google."
            " Offices in Bombay.")  # fmt: skip
    at = {"Washington DC": (Position(1, 14, 27),), "Porto Alegre": (Position(1, 51, 63),),
          "Google": (Position(1, 75, 81),), "Bombay": (Position(1, 94, 100),)}  # fmt: skip
    news = article("articles/1.md", "1", text, organizations=list(at), at=at)
    index = EntityIndex([news])
    assert index.ref("organization", "Washington DC", news) == EntityRef("place", "Washington")
    assert index.ref("organization", "Porto Alegre", news) == EntityRef("place", "Porto Alegre")
    assert index.ref("organization", "Bombay", news) == EntityRef("place", "Bombay")  # Mumbai's
    assert index.ref("organization", "Google", news) == EntityRef("organization", "Google")
    # Not what the gazetteer merely knows of ("a split in Hamas"), not "Of X" opening a
    # paragraph; in a team sport's report only towns are clubs (a state is not).
    text = "Of Halifax the bank said little. A split in Hamas went to the city."
    at = {"Halifax": (Position(1, 3, 10),), "Hamas": (Position(1, 44, 49),)}
    other = article("articles/2.md", "2", text, organizations=list(at), at=at)
    report = article("articles/3.md", "3", "Florida beat Texas.", places=["Florida"],
                     tags=("sport/american-sports",))  # fmt: skip
    growth = article("articles/4.md", "4", "Growth in Nokia's sales.", organizations=["Nokia"])
    index = EntityIndex([news, other, report, growth])
    assert index.ref("organization", "Nokia", growth) == EntityRef("organization", "Nokia")
    assert index.ref("organization", "Halifax", other) == EntityRef("organization", "Halifax")
    assert index.ref("organization", "Hamas", other) == EntityRef("organization", "Hamas")
    assert index.ref("place", "Florida", report) == EntityRef("place", "Florida")


def test_a_town_the_model_calls_a_person_in_a_team_report_is_a_club_when_written_as_one():
    """ "sacked as Valencia coach": a town the model took for a person, with a club's
    words beside it, is the club; a team sheet's "Clichy" (no such words) stays a person,
    and so do a manager ("Ferguson's side", "joined Ferguson", and "Ferguson said": a
    speaker), a player ("a foul against Taylor") and the surname of one of the archive's
    people ("Anthony Foley" in one report, "Foley squad" in another)."""
    football, rugby = ("sport/football",), ("sport/rugby",)
    sacked = article(
        "articles/a.md",
        "a",
        "Claudio Ranieri was sacked as Valencia coach.",
        people=["Claudio Ranieri", "Valencia"],
        tags=football,
    )
    sheet = article(
        "articles/b.md",
        "b",
        "Arsenal: Almunia, Lauren, Clichy, Henry.",
        people=["Almunia", "Lauren", "Clichy", "Henry"],
        organizations=["Arsenal"],
        tags=football,
    )
    staff = article(
        "articles/e.md",
        "e",
        "Ferguson's side won, and Ferguson said Smith had joined Ferguson's old club. A "
        "foul against Taylor.",
        people=["Ferguson", "Taylor"],
        tags=football,
    )
    foley = article(
        "articles/c.md", "c", "Anthony Foley scored.", people=["Anthony Foley"], tags=rugby
    )
    side = article("articles/d.md", "d", "Foley squad won.", people=["Foley"], tags=rugby)
    index = EntityIndex([sacked, sheet, staff, foley, side])
    assert index.ref("person", "Valencia", sacked) == EntityRef("organization", "Valencia")
    assert index.ref("person", "Clichy", sheet) == EntityRef("person", "Clichy")
    assert index.ref("person", "Ferguson", staff).kind == "person"
    assert index.ref("person", "Taylor", staff).kind == "person"
    assert index.ref("person", "Foley", side).kind == "person"


def test_a_ground_team_sports_reports_write_at_is_a_place():
    """ "at Murrayfield" in two rugby reports: a ground, a place (CoNLL's "at Old
    Trafford", twice); "at Chelsea" once among many mentions of the club leaves it an
    organization, and so does one report's "formerly at Saracens ... was at Saracens" (a
    career: one report)."""
    reports = [
        article(f"articles/{n}.md", f"{n}", "Scotland lost at Murrayfield. Chelsea won. Chelsea.",
                organizations=["Murrayfield", "Chelsea"], tags=("sport/rugby",))
        for n in range(2)
    ] + [article("articles/c.md", "c", "His time at Chelsea.", organizations=["Chelsea"],
                 tags=("sport/football",)),
         article("articles/s.md", "s", "Brown, formerly at Saracens. He was at Saracens.",
                 organizations=["Saracens"], tags=("sport/rugby",))]  # fmt: skip
    index = EntityIndex(reports)
    assert index.ref("organization", "Murrayfield", reports[0]) == EntityRef("place", "Murrayfield")
    assert [r.name for r, _ in index.of_kind("organization")] == ["Chelsea", "Saracens"]


def test_a_ground_is_read_at_whatever_kind_the_model_gives_each_mention():
    """ "at Anfield" whether the model calls the mention a person, a place or an
    organization: the ground is a place, not a company written "at X" (the BBC archive's
    Anfield, 12 articles, and Twickenham, written so under all three kinds; CoNLL's
    Headingley), its place mentions too when no gazetteer knows it (Ibrox). One report,
    however often it writes "at X", makes no ground; nor do a town's place mentions make
    its club a ground ("Everton lost at Bolton")."""
    football = ("sport/football",)
    reports = [
        article("articles/p1.md", "p1", "Liverpool won at Anfield. Anfield roared.",
                people=["Anfield"], tags=football),
        article("articles/p2.md", "p2", "Chelsea drew at Anfield on Tuesday.",
                people=["Anfield"], tags=football),
        article("articles/l.md", "l", "Everton lost at Anfield.", places=["Anfield"],
                tags=football),
        article("articles/o.md", "o", "The Anfield board met.", organizations=["Anfield"],
                tags=football),
    ]  # fmt: skip
    index = EntityIndex(reports)
    kinds = ("person", "person", "place", "organization")
    for report, kind in zip(reports, kinds, strict=True):
        assert index.ref(kind, "Anfield", report) == EntityRef("place", "Anfield")
    # Only the place mentions write "at Anfield" here: they count.
    placed = [
        article(f"articles/t{n}.md", f"t{n}", "England lost at Anfield.", places=["Anfield"],
                tags=football)
        for n in range(2)
    ] + [article(f"articles/b{n}.md", f"b{n}", "The Anfield board met.",
                 organizations=["Anfield"], tags=football) for n in range(2)]  # fmt: skip
    index = EntityIndex(placed)
    assert index.ref("organization", "Anfield", placed[2]).kind == "place"
    # and the place mentions of a ground no gazetteer knows are that place too
    assert index.ref("place", "Anfield", placed[0]) == EntityRef("place", "Anfield")
    once = [article("articles/x.md", "x", "Liverpool won at Anfield, at Anfield again.",
                    organizations=["Anfield"], tags=football),
            article("articles/y.md", "y", "Anfield said no.", organizations=["Anfield"],
                    tags=football)]  # fmt: skip
    assert EntityIndex(once).ref("organization", "Anfield", once[0]).kind == "organization"
    towns = [
        article(f"articles/e{n}.md", f"e{n}", "Everton lost at Bolton.", places=["Bolton"],
                organizations=["Everton"], tags=football)
        for n in range(2)
    ] + [article(f"articles/w{n}.md", f"w{n}", "Bolton beat Everton.",
                 organizations=["Bolton", "Everton"], tags=football) for n in range(3)]  # fmt: skip
    index = EntityIndex(towns)
    assert index.ref("organization", "Bolton", towns[2]) == EntityRef("organization", "Bolton")


def test_a_teams_nickname_in_a_sports_report_is_the_team_its_article_names():
    """data/names.yml's nicknames, in football, rugby and cricket reports: "Saints" of a
    report naming Southampton is the club, of one naming Northampton Saints that club, of
    a report naming neither no club and no page (some team's; a story on a band keeps its
    "Saints"); "Reds" beside Queensland Reds is that team; "Blues" beside Birmingham City
    and Chelsea is unknown, no page either; "Man Utd", two
    words, is Manchester United unnamed; the All Blacks are New Zealand, a place; an NBA
    report's Spurs are not Tottenham; entities.yml's entries and ignores win."""
    curated = load_curated(Path("no-such-file.yml"))
    football, rugby = ("sport/football",), ("sport/rugby",)

    def report(body: str, tags: tuple[str, ...], organizations=(), people=()):
        number = next(numbers)
        return article(f"articles/{number}.md", f"{number}", body, tags=tags,
                       organizations=list(organizations), people=list(people))  # fmt: skip

    numbers = iter(range(1, 100))
    south = report("Southampton lost. Saints fans sang.", football, ["Southampton", "Saints"])
    north = report("Northampton Saints won. Saints led.", rugby, ["Northampton Saints", "Saints"])
    neither = report("Saints lost. Man Utd won.", football, ["Saints", "Man Utd"])
    band = report("Spurs and Saints played a gig.", ("arts-culture-entertainment",),
                  ["Spurs", "Saints"])  # fmt: skip
    spurs = report("Spurs beat Tottenham's rivals. Tottenham won.", football,
                   ["Spurs", "Tottenham"])  # fmt: skip
    blacks = report("The All Blacks won.", rugby, people=["All Blacks"])
    reds = report("Queensland Reds won. The Reds led.", rugby, ["Queensland Reds", "Reds"])
    blues = report("Birmingham City v Chelsea. Blues fans sang.", football,
                   ["Birmingham City", "Chelsea", "Blues"])  # fmt: skip
    nba = report("San Antonio beat Detroit. The Spurs led.", ("sport/american-sports",),
                 ["Spurs"])  # fmt: skip
    owls = report("Sheffield Wednesday won the Sheffield derby. Blades.", football,
                  ["Sheffield Wednesday", "Blades", "Sheffield"])  # fmt: skip
    tykes = report(
        "Barnsley beat Leeds. Tykes fans sang.", football, ["Barnsley", "Leeds", "Tykes"]
    )
    tigers = report("Leicester won at Bath. Tigers led.", rugby, ["Leicester", "Bath", "Tigers"])
    articles = [south, north, neither, band, spurs, blacks, reds, blues, nba, owls, tigers, tykes]
    index = EntityIndex(articles, curated=curated)
    assert index.ref("organization", "Saints", south) == EntityRef("organization", "Southampton")
    assert index.ref("organization", "Saints", north).name == "Northampton Saints"
    assert index.ref("organization", "Saints", neither) is None
    assert index.ref("organization", "Man Utd", neither).name == "Manchester United"
    assert index.ref("organization", "Saints", band).name == "Saints"
    assert index.ref("organization", "Spurs", spurs).name == "Tottenham"
    assert index.ref("organization", "Spurs", nba).name == "Spurs"
    assert index.ref("person", "All Blacks", blacks) == EntityRef("place", "New Zealand")
    assert index.ref("organization", "Reds", reds).name == "Queensland Reds"
    assert index.ref("organization", "Blues", blues) is None
    assert index.ref("organization", "Blades", owls) is None  # not the town
    assert index.ref("organization", "Tigers", tigers).name == "Leicester"  # the club
    assert index.ref("organization", "Tykes", tykes).name == "Barnsley"
    own = Curated(entries={"saints": ("organization", "Saints FC")}, ignored={"spurs"},
                  teams=curated.teams)  # fmt: skip
    index = EntityIndex(articles, curated=own)
    assert index.ref("organization", "Saints", south) == EntityRef("organization", "Saints FC")
    assert index.ref("organization", "Spurs", spurs) is None


def test_peoples_technologies_illnesses_and_the_budget_have_no_page():
    """data/names.yml lists words of the news that are no entity: peoples and faiths,
    technologies, illnesses, honours, the news year's events and competitions, festivals
    and trade shows, kinds of music and film, television's shows, fiction's characters,
    languages, schooling's abbreviations, government papers; a product's line or version
    ("Windows Vista", "Mac Mini", "Half-Life 2", "GameBoy Advance"), not a body a
    technology starts ("PC World")."""
    names = ["Scots", "Frenchman", "Islam", "SMS", "BSE", "OBE", "Budget", "Champions League",
             "Ofcom", "Windows Vista", "Mac Mini", "PC World", "Serie A", "R&B",
             "EastEnders", "Half-Life 2", "GameBoy Advance", "Freeview", "Live 8",
             "CES", "Bollywood", "Latin", "PE", "White Paper", "Unicode"]  # fmt: skip
    articles = [article(f"articles/{n}.md", f"{n}", "x", organizations=names,
                        people=["Harry Potter", "James Bond", "Billy Elliot", "Colin McRae Rally"])
                for n in range(2)]  # fmt: skip
    index = EntityIndex(articles, curated=load_curated(Path("no-such-file.yml")))
    assert [r.name for r, _ in index.of_kind("organization")] == ["Ofcom", "PC World"]
    assert index.of_kind("person") == []


def test_films_books_shows_games_and_drugs_of_the_news_years_have_no_page():
    """data/names.yml lists the news years' films, books, records, shows, games,
    programs, devices and drugs, which the model takes for bodies, people and places
    ("Million Dollar Baby", "Little Britain", "BitTorrent", "Vioxx"); not those named as
    places or people are ("Notting Hill", "Casablanca", "Ray"), nor a company that
    shares a program's name ("Skype")."""
    works = ["Million Dollar Baby", "The Aviator", "Sideways", "Ocean's Twelve",
             "Da Vinci Code", "Little Britain", "Crime Scene Investigation", "Halo 2",
             "GTA San Andreas", "BitTorrent", "Kazaa", "Vioxx", "Herceptin",
             "Concorde"]  # fmt: skip
    articles = [article(f"articles/{n}.md", f"{n}", "x", organizations=[*works, "Skype"],
                        places=["Garden State", "Notting Hill", "Casablanca"],
                        people=["Super Size Me", "Ray"])
                for n in range(2)]  # fmt: skip
    maker = [article(f"articles/m{n}.md", f"m{n}", "The Airbus A380 flew. Airbus staff cheered.",
                     organizations=["Airbus"]) for n in range(2)]  # fmt: skip
    index = EntityIndex(articles + maker, curated=load_curated(Path("no-such-file.yml")))
    # (A product's maker, whose name starts a listed product's, keeps its page.)
    assert [r.name for r, _ in index.of_kind("organization")] == ["Airbus", "Skype"]
    assert [r.name for r, _ in index.of_kind("place")] == ["Casablanca", "Notting Hill"]
    assert [r.name for r, _ in index.of_kind("person")] == ["Ray"]


def test_a_listed_term_an_article_spells_out_has_no_page():
    """ "Multimedia Messaging Services (MMS)": MMS is a technology of data/names.yml, and
    so is what an article spells it out as; a body whose initials merely spell a listed
    term keeps its page (the Rashtriya Swayamsevak Sangh is no RSS feed)."""
    body = "Multimedia Messaging Services (MMS) and the Rashtriya Swayamsevak Sangh grew."
    at = {"Multimedia Messaging Services": (Position(1, 0, 29), Position(1, 31, 34)),
          "Rashtriya Swayamsevak Sangh": (Position(1, 44, 71),)}  # fmt: skip
    articles = [article(f"articles/{n}.md", f"{n}", body, organizations=list(at), at=at)
                for n in range(2)]  # fmt: skip
    index = EntityIndex(articles)
    assert [r.name for r, _ in index.of_kind("organization")] == ["Rashtriya Swayamsevak Sangh"]


def test_entities_yml_wins_over_the_projects_names_of_no_entity(tmp_path):
    """An entities.yml entry for a name data/names.yml calls no entity ("Big Brother",
    "Championship" as an alias) gives it a page; a product's first word that is a
    person's first name ("Mac Collins") leaves the person."""
    path = tmp_path / "entities.yml"
    path.write_text("entities:\n  - {name: Football League Championship, kind: organization,"
                    " aliases: [Championship]}\n  - {name: Big Brother, kind: organization}\n",
                    "utf-8")  # fmt: skip
    curated = load_curated(path)
    assert curated.resolve("organization", "Championship") == (
        "organization", "Football League Championship")  # fmt: skip
    assert curated.resolve("organization", "Big Brother") == ("organization", "Big Brother")
    assert curated.resolve("person", "Mac Collins") == ("person", "Mac Collins")
    assert curated.resolve("organization", "Xbox 360") is None
    # A body named after its product is a body ("Linux Foundation", "BlackBerry Ltd").
    for body in ("Linux Foundation", "BlackBerry Ltd"):
        assert curated.resolve("organization", body) == ("organization", body)


def test_a_piece_of_a_longer_name_joined_by_of_has_no_page():
    """ "Azkaban" of "the Prisoner of Azkaban", "Rings" of "Lord of the Rings": pieces of
    titles; "Globe" of "the Golden Globe", which data/names.yml lists, too, and "Ocean" of
    "Ocean's Twelve", a listed name the converter's possessives cut; but not a body written
    speaking ("MSN said", beside "MSN Messenger"); "Jelena Jankovic of Serbia" is still a
    person."""
    body = (
        "Critics liked Prisoner of Azkaban and Lord of the Rings, said Jelena Jankovic of Serbia."
        " It won the Golden Globe. MSN said MSN Messenger users grew, and MSN Messenger won."
        " Ocean's Twelve topped the box office."
    )
    index, _ = same_story_twice(
        body,
        organizations=["Azkaban", "Rings", "Ofcom", "Globe", "MSN", "Ocean"],
        people=["Jelena Jankovic"],
    )
    assert [r.name for r, _ in index.of_kind("organization")] == ["MSN", "Ofcom"]
    assert [r.name for r, _ in index.of_kind("person")] == ["Jelena Jankovic"]


def test_a_piece_of_a_body_named_x_for_y_has_no_page():
    """ "Digital Inclusion" of "the Alliance for Digital Inclusion", "Mobile Communications"
    of "the Lab for Mobile Communications" (after a quote, too): the rest of a body's
    name after its head word and "for"; not after another word ("The MP for Sedgefield",
    "a bid by Chelsea for Arsenal's keeper"), a word other names take too ("the Club for
    Arsenal", as a reviewer showed) or before a person ("the Campaign for Nelson
    Mandela's release")."""
    body = (
        'The Alliance for Digital Inclusion and the "Lab for Mobile Communications" met the'
        " MP for Sedgefield. A bid by Chelsea for Arsenal's keeper failed. The Club for"
        " Arsenal joined the Campaign for Nelson Mandela's release."
    )
    index, _ = same_story_twice(
        body,
        organizations=["Digital Inclusion", "Mobile Communications", "Arsenal"],
        people=["Nelson Mandela"],
    )
    assert [r.name for r, _ in index.of_kind("organization")] == ["Arsenal"]
    assert [r.name for r, _ in index.of_kind("person")] == ["Nelson Mandela"]
    index, _ = same_story_twice(body, organizations=["Nelson Mandela"])  # the model's slip
    assert [(r.kind, r.name) for r, _ in index.entities.items() if index.has_page(r)] == [
        ("organization", "Nelson Mandela")
    ]


def test_a_two_word_body_of_a_one_against_one_sports_report_is_a_player():
    """In tennis or athletics reports the model calls players bodies ("her opponent Marion
    Bartoli", "defeat to Andy Murray"): two capitalised words, the first a first name,
    that name no body, club, event, sport, nationality or place are the player, unless
    written "the X", "at X" or "in X" ("at Roland Garros", "the Ryder Cup"). Not "Team
    GB", "Birchfield Harriers", "Stanford University", "Tennis Australia", "Sky Sports",
    "Milton Keynes", "American Davenport", "Scot Ferrier", "Lawn Tennis Association",
    "Phillips Idowu" (no first name), nor a player's name in a football or golf report,
    whose clubs and sponsors are named as people are."""
    body = ("Her opponent Marion Bartoli retired after defeat to Andy Murray; Phillips Idowu"
            " jumped. Team GB, Birchfield Harriers, Stanford University, Tennis Australia,"
            " Sky Sports, Milton Keynes and the Lawn Tennis Association met American"
            " Davenport at Roland Garros and the Ryder Cup. Scot Ferrier lost.")  # fmt: skip
    bodies = ["Marion Bartoli", "Andy Murray", "Phillips Idowu", "Team GB",
              "Birchfield Harriers", "Stanford University", "Tennis Australia", "Sky Sports",
              "Milton Keynes", "Lawn Tennis Association", "American Davenport",
              "Roland Garros", "Ryder Cup", "Scot Ferrier"]  # fmt: skip
    for tag in ("sport/tennis", "sport/athletics"):
        articles = [article(f"articles/{n}.md", f"{n}", body, organizations=bodies, tags=(tag,))
                    for n in range(2)]  # fmt: skip
        index = EntityIndex(articles)
        assert [r.name for r, _ in index.of_kind("person")] == ["Andy Murray", "Marion Bartoli"]
        assert len(list(index.of_kind("organization"))) == len(bodies) - 2
    for other in ("sport/football", "sport/golf"):  # clubs, sponsors: "Augusta National"
        articles = [article(f"articles/{n}.md", f"{n}", body, organizations=bodies,
                            tags=("sport/tennis",) if n else (other,))
                    for n in range(2)]  # fmt: skip
        assert [r.name for r, _ in EntityIndex(articles).of_kind("person")] == []


def test_an_organization_named_and_written_as_a_person_is_a_person():
    """ "Marion Jones ... Jones said", in both articles: a person, whatever the model said;
    "Sheffield United ... United won" stays a club."""
    index, articles = same_story_twice(
        "Marion Jones sued. Jones said so. Sheffield United lost; United won later.",
        organizations=["Marion Jones", "Sheffield United"],
    )
    assert index.ref("organization", "Marion Jones", articles[0]) == EntityRef(
        "person", "Marion Jones")  # fmt: skip
    assert [r.name for r, _ in index.of_kind("organization")] == ["Sheffield United"]
    index, articles = same_story_twice(
        "Jean-Philippe Grandclaude scored. Grandclaude ran on.",
        organizations=["Jean-Philippe Grandclaude"],
    )  # a hyphenated first name
    assert [r.name for r, _ in index.of_kind("person")] == ["Jean-Philippe Grandclaude"]
    # A person's role before the name ("coach X"), and no business's words; "analysts at
    # William Hill" keeps the bookmaker an organization even beside "boss William Hill".
    index, _ = same_story_twice(
        "England coach Sven-Goran Eriksson spoke. Analysts at William Hill and boss William"
        " Hill agreed.",
        organizations=["Sven-Goran Eriksson", "William Hill"],
    )
    assert [r.name for r, _ in index.of_kind("person")] == ["Sven-Goran Eriksson"]
    assert [r.name for r, _ in index.of_kind("organization")] == ["William Hill"]
    index, _ = same_story_twice(  # two initials: "JP McManus", not the bank JP Morgan
        "The tycoon JP McManus and John Magnier met. JP Morgan said so. Chart stars Franz"
        " Ferdinand and European champion FC Porto played.",
        organizations=["JP McManus", "JP Morgan", "Franz Ferdinand", "FC Porto"],
        people=["John Magnier"],
    )  # not a band after a plural role, nor a club named by its city
    assert [r.name for r, _ in index.of_kind("person")] == ["John Magnier", "JP McManus"]
    assert [r.name for r, _ in index.of_kind("organization")] == [
        "FC Porto", "Franz Ferdinand", "JP Morgan"]  # fmt: skip
    # No role, but a person's full name joined to it by "and": "tycoons John Magnier and
    # JP McManus"; JP Morgan beside banks, or beside its chief ("Jamie Dimon, JP Morgan's
    # chief"), stays a bank.
    index, _ = same_story_twice(
        "The tycoons John Magnier and JP McManus met. Irishmen JP McManus and John Magnier"
        " agreed. JP Morgan, Goldman Sachs and Citigroup said so. Jamie Dimon, JP Morgan's"
        " chief, and Jamie Dimon, JP Morgan's head, agreed.",
        organizations=["JP McManus", "JP Morgan", "Goldman Sachs", "Citigroup"],
        people=["John Magnier", "Jamie Dimon"],
    )
    assert [r.name for r, _ in index.of_kind("person")] == [
        "Jamie Dimon", "John Magnier", "JP McManus"]  # fmt: skip
    assert "JP Morgan" in [r.name for r, _ in index.of_kind("organization")]


def test_a_word_alone_after_a_persons_role_is_a_person():
    """ "Blazin' Squad singer Kenzie": a one-word "organization" a person's role precedes
    is a person, and so is its mention the model called a person in a third article; not
    after a role a business takes too ("oil producer Yukos"), nor a name written as a
    business is ("comedian Boots ... shares in Boots")."""
    body = (
        "The rapper Kenzie won. Oil producer Yukos fell. The comedian Boots joined. Shares in"
        " Boots rose. Market leader Nokia grew. Chip designer Arm and broadcaster Mediaset"
        " and the broadcaster RAI grew."
    )
    bodies = ["Kenzie", "Yukos", "Boots", "Nokia", "Arm", "Mediaset", "RAI"]
    articles = [article(f"articles/{n}.md", f"{n}", body, organizations=bodies) for n in range(2)]
    articles.append(article("articles/2.md", "2", "Kenzie won.", people=["Kenzie"]))
    index = EntityIndex(articles)
    assert [(r.name, len(a)) for r, a in index.of_kind("person")] == [("Kenzie", 3)]
    assert [r.name for r, _ in index.of_kind("organization")] == [
        "Arm", "Boots", "Mediaset", "Nokia", "RAI", "Yukos"]  # fmt: skip


def test_a_title_among_words_of_the_screen_is_a_work_and_among_music_a_band():
    """ "favour The Machinist for best film": a film, no page; "The Streets' new album": a
    band, an organization."""
    index, _ = same_story_twice(
        "Critics favour The Machinist for best film.\n\nFans love The Streets' album.",
        organizations=["Machinist", "Streets"],
    )
    assert [r.name for r, _ in index.of_kind("organization")] == ["Streets"]


def test_a_rank_and_one_word_is_no_person_and_a_rank_before_a_full_name_is_dropped():
    """ "General Election", "Gen Musharraf" and "General Motors Europe" (the model's
    "person", beside the archive's General Motors) name nobody the archive can give a page;
    "Gen Pervez Musharraf" is Pervez Musharraf and "Gen Than Shwe" Than Shwe."""
    people = ["General Election", "Gen Musharraf", "Gen Pervez Musharraf", "General Motors Europe",
              "Gen Than Shwe"]  # fmt: skip
    index, articles = same_story_twice("x", people=people, organizations=["General Motors"])
    for name in ("General Election", "Gen Musharraf", "General Motors Europe"):
        assert index.ref("person", name, articles[0]) is None
    assert [r.name for r, _ in index.of_kind("person")] == ["Pervez Musharraf", "Than Shwe"]


def test_two_spellings_of_one_persons_name_among_the_same_people_are_one_page():
    """ "Yassir Arafat" and "Yasser Arafat", each named with Ariel Sharon and Mahmoud
    Abbas, are one person; "Ma Bergamasco" of a team sheet is Mauro Bergamasco; "Sean
    Smith" and "Sian Smith", who share nobody, stay two."""
    people = ["Ariel Sharon", "Mahmoud Abbas"]
    articles = [
        article("articles/1.md", "1", "x", people=["Yasser Arafat", *people]),
        article("articles/2.md", "2", "x", people=["Yasser Arafat", *people]),
        article("articles/3.md", "3", "x", people=["Yassir Arafat", *people]),
        article("articles/4.md", "4", "x", people=["Mauro Bergamasco", *people]),
        article("articles/5.md", "5", "x", people=["Mauro Bergamasco", *people]),
        article("articles/6.md", "6", "x", people=["Ma Bergamasco", *people]),
        article("articles/7.md", "7", "x", people=["Sean Smith", "Tony Blair"]),
        article("articles/8.md", "8", "x", people=["Sian Smith", "Gordon Brown"]),
    ]
    index = EntityIndex(articles)
    assert index.ref("person", "Yassir Arafat", articles[2]).name == "Yasser Arafat"
    assert index.ref("person", "Ma Bergamasco", articles[5]).name == "Mauro Bergamasco"
    assert index.ref("person", "Sian Smith", articles[7]).name == "Sian Smith"
    # A surname no one else bears: a name few articles name is enough (the IAAF, for
    # Kenteris); not London, which many name, nor for Paul and Paula.
    runners = [article(f"articles/k{n}.md", f"K{n}", "x", people=[name], organizations=["IAAF"])
               for n, name in enumerate(["Kostas Kenteris"] * 2 + ["Costas Kenteris"])]  # fmt: skip
    mccarthy = [article(f"articles/c{n}.md", f"C{n}", "x", people=[name], places=["London"])
                for n, name in enumerate(["Mick McCarthy"] * 2 + ["Nick McCarthy"])]  # fmt: skip
    redfern = [article(f"articles/r{n}.md", f"R{n}", "x", people=[name], organizations=["Ofsted"])
               for n, name in enumerate(["Paul Redfern"] * 2 + ["Paula Redfern"])]  # fmt: skip
    london = [article(f"articles/l{n}.md", f"L{n}", "x", places=["London"]) for n in range(3)]
    index = EntityIndex(articles + runners + mccarthy + redfern + london)
    assert index.ref("person", "Costas Kenteris", runners[2]).name == "Kostas Kenteris"
    assert index.ref("person", "Sian Smith", articles[7]).name == "Sian Smith"
    assert index.ref("person", "Nick McCarthy", mccarthy[2]).name == "Nick McCarthy"
    assert index.ref("person", "Paula Redfern", redfern[2]).name == "Paula Redfern"
    # The two-letter form joins the full first name whichever is named more; "Ed" is a
    # name of its own.
    more = [article(f"articles/m{n}.md", f"M{n}", "x", people=["Ma Bergamasco", *people])
            for n in range(3)]  # fmt: skip
    jo = [article(f"articles/j{n}.md", f"J{n}", "x", people=[name, *people])
          for n, name in enumerate(["Ed Smith", "Edward Smith", "Edward Smith"])]  # fmt: skip
    index = EntityIndex(articles + more + jo)
    assert index.ref("person", "Ma Bergamasco", more[0]).name == "Mauro Bergamasco"
    assert index.ref("person", "Ed Smith", jo[0]).name == "Ed Smith"
    # A short form that starts the full first name, of one sex: "Vince" of "Vincent"
    # (the BBC's Vince Cable, Jon Thomas of Wales); "Chris" is not "Christine".
    short = [article(f"articles/v{n}.md", f"V{n}", "x", people=[name, *people])
             for n, name in enumerate(["Vince Cable", "Vince Cable", "Vincent Cable",
                                       "Chris Hoy", "Chris Hoy", "Christine Hoy"])]  # fmt: skip
    index = EntityIndex(short)
    assert index.ref("person", "Vincent Cable", short[2]).name == "Vince Cable"
    assert index.ref("person", "Christine Hoy", short[5]).name == "Christine Hoy"


def _pages_of_spellings(spellings, people=("Ariel Sharon", "Mahmoud Abbas"), others=()):
    """The page name of each spelling, one article per spelling written (beside
    ``people``), and ``others``: more articles, each a list of people."""
    written = [article(f"articles/w{n}.md", f"W{n}", "x", people=[name, *people])
               for n, name in enumerate(spellings)]  # fmt: skip
    more = [article(f"articles/o{n}.md", f"O{n}", "x", people=names)
            for n, names in enumerate(others)]  # fmt: skip
    index = EntityIndex(written + more)
    return {name: index.ref("person", name, page).name
            for name, page in zip(spellings, written, strict=True)}  # fmt: skip


def test_a_name_spelt_two_ways_after_the_first_name_is_one_page():
    """A transliteration or a slip after the first name ("Elene Likhotseva" of Elena
    Likhovtseva, "Thomas Hayden Church" of Thomas Haden Church), among the same people,
    joins the name more articles write."""
    pages = _pages_of_spellings(
        ["Elena Likhovtseva"] * 2 + ["Elene Likhotseva"]
        + ["Thomas Haden Church"] * 2 + ["Thomas Hayden Church"]
    )  # fmt: skip
    assert pages["Elene Likhotseva"] == "Elena Likhovtseva"
    assert pages["Thomas Hayden Church"] == "Thomas Haden Church"
    # A spelling a first name's spelling joined already bears no surname of its own.
    pages = _pages_of_spellings(["Mikhail Khodorkovsky"] * 3 + ["Mikhail Khordokovsky"] * 2
                                + ["Mihail Khordokovsky"])  # fmt: skip
    assert set(pages.values()) == {"Mikhail Khodorkovsky"}
    # The name more articles write, whatever the alphabet says; of two as common, the
    # first in alphabetical order.
    assert set(_pages_of_spellings(["Ben Whishaw", "Ben Wishaw", "Ben Wishaw"]).values()) == {
        "Ben Wishaw"
    }
    assert set(_pages_of_spellings(["Viktor Yanukovych", "Viktor Yanukovich"]).values()) == {
        "Viktor Yanukovich"
    }
    # A short name joined to a spelling that joined another ends at the page's name.
    spellings = ["Viktor Yanukovych"] * 3 + ["Viktor Yanukovich"]
    company = ["Leonid Kuchma", "Ariel Sharon"]
    written = [article(f"articles/{n}.md", f"{n}", "x", people=[name, *company])
               for n, name in enumerate(spellings)]  # fmt: skip
    short = article(
        "articles/s.md", "S", "x", people=["Yanukovich", "Leonid Kuchma", "Ariel Sharon"]
    )
    index = EntityIndex([*written, short])
    assert index.ref("person", "Yanukovich", short).name == "Viktor Yanukovych"
    assert [r.name for r, _ in index.of_kind("person")] == [
        "Ariel Sharon", "Leonid Kuchma", "Viktor Yanukovych"]  # fmt: skip


def test_what_a_joined_spelling_was_named_beside_still_settles_short_names():
    """In an archive of 100 articles, a surname alone is settled by the names beside it:
    those of a spelling that joined another count for the page it joined ("Yanukovich"
    beside Yushchenko and Tymoshenko, as the rare spelling was), and a spelling's page
    stands for it beside others ("Kuchma" beside Viktor Yanukovich, a spelling of the
    Viktor Yanukovych beside whom Leonid Kuchma was named)."""
    filler = [article(f"articles/f{n}.md", f"F{n}", "x", people=[f"Filler{n} Person{n}"])
              for n in range(100)]  # fmt: skip
    ukraine = ["Viktor Yushchenko", "Yulia Tymoshenko"]
    mideast = ["Ariel Sharon", "Mahmoud Abbas"]
    beside = ["Viktor Yanukovich", "Yulia Tymoshenko"]
    spec = ([["Viktor Yanukovych", *mideast]] * 6 + [["Viktor Yanukovich", *mideast, *ukraine]]
            + [["Leonid Kuchma", *beside]] * 2
            + [["Yanukovich", *ukraine], ["Kuchma", *beside]])  # fmt: skip
    written = [article(f"articles/{n}.md", f"{n}", "x", people=people)
               for n, people in enumerate(spec)]  # fmt: skip
    index = EntityIndex(written + filler)
    assert index.ref("person", "Viktor Yanukovich", written[6]).name == "Viktor Yanukovych"
    assert index.ref("person", "Yanukovich", written[-2]).name == "Viktor Yanukovych"
    assert index.ref("person", "Kuchma", written[-1]).name == "Leonid Kuchma"


def test_names_alike_of_two_people_stay_two_pages():
    """Names less alike (Andy Robertson, Andy Robinson), of two sexes (Paul Redfearn,
    Paula Redfern), named beside nobody in common, named in one article (Mark Boucher and
    Mark Butcher in one match report), apart in a generation (Henry VII, Henry VIII), or
    in a first name alone (Jon and John Smith, John and Jon O'Neill however the apostrophe
    is written); a surname another person of the archive bears (David Davis, David
    Davies); an initial (S Perugini, S Peruggini); a spelling like a joined one only."""
    pages = _pages_of_spellings(
        ["Andy Robertson"] * 2 + ["Andy Robinson"] + ["Paul Redfearn"] * 2 + ["Paula Redfern"]
        + ["Henry VIII"] * 2 + ["Henry VII"] + ["John Smith"] * 2 + ["Jon Smith"]
        + ["John O'Neill"] * 2 + ["Jon O’Neill"] + ["S Perugini"] * 2 + ["S Peruggini"]
        + ["Viktor Yanukovych"] * 3 + ["Viktor Yanukovich"] * 2 + ["Viktor Yanukowich"]
    )  # fmt: skip
    for name in ("Andy Robinson", "Paula Redfern", "Henry VII", "Jon Smith", "Jon O’Neill",
                 "S Peruggini"):  # fmt: skip
        assert pages[name] == name
    assert pages["Viktor Yanukovich"] == "Viktor Yanukovych"
    assert pages["Viktor Yanukowich"] == "Viktor Yanukowich"  # alike to the joined one only
    apart = _pages_of_spellings(["Mark Hewitt"] * 2 + ["Mark Hewett"], people=["Tony Blair"])
    assert apart["Mark Hewett"] == "Mark Hewitt"  # the control: beside the same person
    apart = _pages_of_spellings(
        ["Mark Hewitt"] * 2 + ["Mark Hewett"], people=[],
        others=[["Mark Hewitt", "Tony Blair"], ["Mark Hewett", "Gordon Brown"]],
    )  # fmt: skip
    assert apart["Mark Hewett"] == "Mark Hewett"
    together = _pages_of_spellings(["Mark Boucher"] * 2 + ["Mark Butcher"],
                                   others=[["Mark Boucher", "Mark Butcher"]])  # fmt: skip
    assert together["Mark Butcher"] == "Mark Butcher"
    davies = _pages_of_spellings(["David Davis"] * 2 + ["David Davies"],
                                 others=[["Steve Davis"], ["Jonathan Davies"]])  # fmt: skip
    assert davies["David Davies"] == "David Davies"
    alone = _pages_of_spellings(["David Davis"] * 2 + ["David Davies"])
    assert alone["David Davies"] == "David Davis"  # the control: no other bearer
    # Beside one name in common only (a studio), a surname others bear asks for more.
    for others, joined in (([], True), (["Charlotte Church"], False)):
        films = [
            article(
                f"articles/c{n}.md", f"C{n}", "x", people=[name], organizations=["Fox Searchlight"]
            )
            for n, name in enumerate(["Thomas Haden Church"] * 2 + ["Thomas Hayden Church"])
        ]
        extra = [article("articles/x.md", "X", "x", people=others)] if others else []
        index = EntityIndex(films + extra)
        name = index.ref("person", "Thomas Hayden Church", films[2]).name
        assert (name == "Thomas Haden Church") is joined


def test_laws_treaties_and_competitions_by_their_last_word_have_no_page():
    """ "Grand Slam", "European Indoors", "World Indoor Tournament", "UN Convention":
    events and laws, and so are a treaty named by its subject ("European Convention on
    Human Rights", "Treaty of Rome");
    "Amnesty International" and the "Convention of Scottish Local Authorities" (a body)
    are organizations."""
    index, _ = same_story_twice("x", organizations=[
        "Grand Slam", "European Indoors", "UN Convention", "Amnesty International",
        "World Indoor Tournament",
        "European Convention on Human Rights", "Treaty of Rome",
        "Convention of Scottish Local Authorities",
        "Treaty of Waitangi Fisheries Commission"])  # fmt: skip
    assert [r.name for r, _ in index.of_kind("organization")] == [
        "Amnesty International", "Convention of Scottish Local Authorities",
        "Treaty of Waitangi Fisheries Commission"]  # fmt: skip
    # In sports reports, and only there, "X International" is a meeting.
    reports = [article(f"articles/s{n}.md", f"{n}", "x", tags=("sport/tennis",),
                       organizations=["Sydney International"]) for n in range(2)]  # fmt: skip
    news = [article("articles/n.md", "n", "x", organizations=["Sydney International"])]
    assert EntityIndex(reports).of_kind("organization") == []
    assert [r.name for r, _ in EntityIndex(reports + news).of_kind("organization")] == [
        "Sydney International"
    ]


def test_a_few_business_words_around_a_much_named_person_leave_a_person():
    """Twice "angry at Tony Blair" among a hundred mentions: still a person (a share of
    the mentions, not a count, makes an organization)."""
    body = "Unions were angry at Tony Blair. " + "Tony Blair spoke. " * 49
    index, _ = same_story_twice(body, people=["Tony Blair"])
    assert [r.name for r, _ in index.of_kind("person")] == ["Tony Blair"]


def test_curated_names_are_kept_from_the_courtesy_and_event_word_rules(tmp_path):
    """ "Dr Pepper" and "Kyoto Protocol", listed in entities.yml, keep their pages."""
    file = tmp_path / "entities.yml"
    file.write_text("entities:\n  - name: Dr Pepper\n    kind: organization\n"
                    "  - name: Kyoto Protocol\n    kind: organization\n")  # fmt: skip
    index, _ = same_story_twice("x", organizations=["Dr Pepper", "Kyoto Protocol"])
    index = EntityIndex(index.articles, curated=load_curated(file))
    assert {r.name for r, _ in index.of_kind("organization")} == {"Dr Pepper", "Kyoto Protocol"}


def test_a_country_stays_a_place_whoever_shares_its_name():
    """Eddie Jordan named as "Jordan" in four articles, the country in two: the country's
    mentions stay the place."""
    people = [article(f"articles/p{n}.md", f"P{n}", "x", people=["Jordan", "Eddie Jordan"])
              for n in range(4)]  # fmt: skip
    places = [article(f"articles/c{n}.md", f"C{n}", "Troops in Jordan.", places=["Jordan"])
              for n in range(2)]  # fmt: skip
    index = EntityIndex(people + places)
    assert index.ref("place", "Jordan", places[0]) == EntityRef("place", "Jordan")


def test_a_hostile_one_word_organization_with_a_trailing_space_is_no_crash():
    """A page's organization "Jean-Paul " (one word and a space) in a text that writes it."""
    index, _ = same_story_twice("Jean-Paul said so.", organizations=["Jean-Paul "])
    assert [r.name for r, _ in index.of_kind("person")] == []


def test_a_bodys_head_word_alone_is_the_one_body_its_article_names_so():
    """ "The European Commission ... the Commission said": one page (and of "X of Y", X
    heads); not when two bodies of the article share the head ("the Council" beside the
    Arts Council and the European Council)."""
    for body in ("European Commission", "Commission for Racial Equality"):
        index, _ = same_story_twice(
            f"The {body} acted. The Commission said so.",
            organizations=[body, "Commission"],
        )
        assert [r.name for r, _ in index.of_kind("organization")] == [body]
    index, _ = same_story_twice(
        "The Arts Council and the European Council met. The Council said so.",
        organizations=["Arts Council", "European Council", "Council"],
    )
    assert "Council" in [r.name for r, _ in index.of_kind("organization")]
    index, _ = same_story_twice(  # a show's name too (a reviewer's example)
        "The Office won a Golden Globe. The Foreign Office said so.",
        organizations=["Office", "Foreign Office"],
    )
    assert "Office" in [r.name for r, _ in index.of_kind("organization")]


def test_a_place_written_as_a_firm_is_in_most_mentions_is_a_firm():
    """ "research firm Jupiter", "Jupiter analyst Nate Elliott": the model's place is an
    organization; London, written "a London analyst" once in three, stays a place, and
    so do a country, whatever its mentions, and Seoul, "Seoul analysts" and "Seoul
    research" (the plural, lower case: a reviewer's examples)."""
    for body in (
        "Analysts at research firm Jupiter agreed.",
        "Jupiter analyst Nate Elliott spoke.",
    ):
        body += " A London analyst said London and London grew. Peru Ltd and Peru analyst said so."
        body += " Seoul analysts and Seoul research staff agreed."  # the plural, lower case
        index, _ = same_story_twice(body, places=["Jupiter", "London", "Peru", "Seoul"])
        assert [r.name for r, _ in index.of_kind("organization")] == ["Jupiter"]
        assert [r.name for r, _ in index.of_kind("place")] == ["London", "Peru", "Seoul"]


def test_an_unknown_place_named_as_a_person_whose_surname_people_bear_is_a_person():
    """ "Rio Ferdinand", a place to the model, is a person where the archive's people
    bear "Ferdinand" in two articles (or "G Jenkins", Gethin Jenkins, in one); not
    "Stanley Park", whose "Park" nobody bears, "Age Concern England", whose last word is a
    place, nor "Albert Hall", a building's name."""
    places = ["Rio Ferdinand", "Gethin Jenkins", "Stanley Park", "Age Concern England",
              "Albert Hall", "Simon Champion"]  # fmt: skip
    people = ["Ferdinand", "G Jenkins", "England", "Hall", "Champion"]
    articles = [
        *(article(f"articles/{n}.md", f"{n}", "x", places=places) for n in range(2)),
        article("articles/p.md", "p", "x", people=people),
        article("articles/q.md", "q", "x", people=["Ferdinand", "Hall"]),
    ]
    index = EntityIndex(articles)
    refs = {name: index.ref("place", name, articles[0]) for name in places}
    assert refs == {
        "Rio Ferdinand": EntityRef("person", "Rio Ferdinand"),
        "Gethin Jenkins": EntityRef("person", "Gethin Jenkins"),
        "Stanley Park": EntityRef("place", "Stanley Park"),  # a town's name too: a place
        "Age Concern England": None,
        "Albert Hall": None,  # a building: Hall is a surname too (a reviewer's example)
        "Simon Champion": None,  # "Champion" alone once: not enough
    }


def test_a_clubs_town_the_model_calls_a_body_outside_sport_is_the_town():
    """Bournemouth, a club in football reports, is the town in a politics article that
    the model made it a body in ("rotated between Blackpool, Bournemouth and Brighton");
    a report of any sport keeps the club ("Damien Traille (Biarritz)" under "sport"), and
    so do an article writing the word in lower case ("Sale's sale") and one writing the
    club as a speaker or a business ("Sale said so", a reviewer's example); a town no
    report calls a club (Nokia) stays a body."""
    stories = [
        ("Bournemouth beat Sale.", "sport/football", ["Bournemouth", "Sale"]),
        ("Bournemouth beat Sale.", "sport/football", ["Bournemouth", "Sale"]),
        ("Blackpool, Bournemouth and Brighton host it. Nokia and Sale won.",
         "politics/parties", ["Bournemouth", "Sale", "Nokia"]),
        ("Bournemouth, Nokia and Sale won.", "politics", ["Bournemouth", "Sale", "Nokia"]),
        ("Sale voted.", "politics", ["Sale"]),
        ("Bournemouth and Sale met. Sale said so.", "politics", ["Bournemouth", "Sale"]),
        ("The Duke of Bournemouth said so.", "politics", ["Bournemouth"]),  # the Duke's
        ("Damien Traille (Bournemouth) starts.", "sport", ["Bournemouth"]),
        ("Nokia had a sale and Sale had one.", "economy-business-finance", ["Sale", "Nokia"]),
    ]  # fmt: skip
    articles = [
        article(f"articles/{n}.md", f"{n}", body, organizations=bodies, tags=(tag,))
        for n, (body, tag, bodies) in enumerate(stories)
    ]
    index = EntityIndex(articles)
    kinds = {
        name: [index.ref("organization", name, a).kind for a in articles
               if name in a.names["organization"]]
        for name in ("Bournemouth", "Sale", "Nokia")
    }  # fmt: skip
    town, club = "place", "organization"
    assert kinds == {
        "Bournemouth": [club, club, town, town, town, town, club],
        "Sale": [club, club, town, town, town, club, club],
        "Nokia": [club] * 3,
    }


def test_a_place_written_as_its_event_in_most_mentions_has_no_place_page():
    """ "Wimbledon champion Maria Sharapova", "the Wimbledon final": the tournament, no
    place page; London, a "London champion" once in three mentions, stays a place."""
    body = (
        "Wimbledon champion Maria Sharapova won. She reached the Wimbledon final. A London"
        " champion ran in London, and London cheered."
    )
    index, articles = same_story_twice(body, places=["Wimbledon", "London"])
    assert index.ref("place", "Wimbledon", articles[0]) is None
    assert [r.name for r, _ in index.of_kind("place")] == ["London"]


def test_a_person_the_archive_mostly_calls_a_place_is_settled_as_that_place():
    """ "Closer" (a film), a place to the model in three articles and a person in two: the
    person's mentions take the place's settlement, no page, as no gazetteer knows the
    "place"; Mauritius, so split, is the island's page in all five."""
    articles = [
        *(article(f"articles/p{n}.md", f"p{n}", "x", places=["Closer", "Mauritius"])
          for n in range(3)),
        *(article(f"articles/q{n}.md", f"q{n}", "x", people=["Closer", "Mauritius"])
          for n in range(2)),
    ]  # fmt: skip
    index = EntityIndex(articles)
    assert index.ref("person", "Closer", articles[3]) is None
    assert [(r.name, len(a)) for r, a in index.of_kind("place")] == [("Mauritius", 5)]
    assert index.of_kind("person") == []


def test_an_unknown_place_the_model_also_calls_a_body_is_a_place_where_put_on_a_map():
    """Longbridge, a place to the model in two articles ("the factory in Longbridge",
    "moved to Longbridge") and a body in one ("Rover's Longbridge plant"), is a place in
    all three. Not a firm written "shares in X" (Yukos), nor one that speaks ("Nokix
    said"), nor one the model calls a body in more than half the articles it calls it a
    place (Vexa), nor one written so in under a quarter of its mentions (Zorin) or before
    a possessive ("growth in Qorx's sales"), nor a name the model never calls a body
    ("his role in Closer": no page, as before)."""
    stories = [
        ("The Rover factory in Longbridge closed. Shares in Yukos fell.",
         ["Longbridge", "Yukos"], []),
        ("Workers moved to Longbridge. Shares in Yukos rose.", ["Longbridge", "Yukos"], []),
        ("Rover's Longbridge plant shut. Yukos made oil.", [], ["Longbridge", "Yukos"]),
        ("A plant in Nokix. A plant in Vexa.", ["Nokix", "Vexa"], []),
        ("A move to Nokix. A move to Vexa.", ["Nokix", "Vexa"], []),
        ("Nokix said so. Vexa made it.", [], ["Nokix", "Vexa"]),
        ("Vexa made it.", [], ["Vexa"]),
        ("Offices in Vexa. Growth in Qorx's sales.", ["Vexa", "Qorx"], []),
        ("Growth in Qorx's sales. Qorx grew.", ["Qorx"], []),
        ("Qorx made it.", [], ["Qorx"]),
        ("A plant in Zorin. Zorin grew. Zorin grew. Zorin grew. Zorin grew.", ["Zorin"], []),
        ("A move to Zorin. Zorin grew. Zorin grew. Zorin grew. Zorin grew.", ["Zorin"], []),
        ("Zorin made it.", [], ["Zorin"]),
        ("She starred in Closer.", ["Closer"], []),
        ("His role in Closer won praise.", ["Closer"], []),
    ]  # fmt: skip
    articles = [
        article(f"articles/{n}.md", f"{n}", body, places=places, organizations=bodies)
        for n, (body, places, bodies) in enumerate(stories)
    ]
    index = EntityIndex(articles)
    town = EntityRef("place", "Longbridge")
    assert index.ref("place", "Longbridge", articles[0]) == town
    assert index.ref("organization", "Longbridge", articles[2]) == town
    for name, at in (("Yukos", 0), ("Nokix", 3), ("Vexa", 3), ("Qorx", 7), ("Zorin", 10)):
        assert index.ref("place", name, articles[at]) == EntityRef("organization", name), name
    assert index.ref("place", "Closer", articles[13]) is None
