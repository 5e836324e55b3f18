"""The roles the articles write before a person's name, for entity pages (issue 16)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from build_tools.archive.identity import EntityRef
from build_tools.archive.index import EntityIndex
from build_tools.archive.lists import entity_pages
from build_tools.archive.roles import role_before, roles
from build_tools.archive.urls import Links
from tests.pages import article


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Home Secretary David Blunkett said", "David", "Home Secretary"),
        ("the Chelsea boss Jose Mourinho", "Jose", "Chelsea boss"),
        ("US Secretary of State Colin Powell", "Colin", "US Secretary of State"),
        ("The Liberal Democrat leader Charles Kennedy", "Charles", "Liberal Democrat leader"),
        ("he told striker Wayne Rooney", "Wayne", "Striker"),
        ("the former Lazio midfielder Dennis Wise", "Dennis", "Former Lazio midfielder"),
        ("Since President Bush took office", "Bush", "President"),
        ("said Mr Tony Blair", "Tony", None),  # a courtesy, not a role
        ("says Prof Raj Reddy", "Raj", None),  # a rank's short form, not a role
        ("Assistant Chief Constable David Warcup said", "David", "Assistant Chief Constable"),
        ("Arsenal, Thierry Henry", "Thierry", None),  # a comma between: no role
        ("ANALYSIS: Jim Smith", "Jim", None),
    ],
)
def test_the_role_written_before_a_name(text, name, role):
    assert role_before(text, text.index(name)) == role


def test_roles_by_articles_with_their_years_one_of_each_variant():
    mentions = [
        ("a", "Prime Minister Tony Blair", 15, 2004),
        ("b", "Prime Minister Tony Blair", 15, 2005),
        ("c", "UK Prime Minister Tony Blair", 18, 2005),  # a variant of the first
        ("c", "Labour leader Tony Blair", 14, 2005),
        ("d", "Chief Tony Blair", 6, 2005),  # says little alone
    ]
    assert roles(mentions) == "Prime Minister (2004–2005), Labour leader (2005)"
    assert roles([("a", "Mr Tony Blair", 3, 2005)]) == ""


def test_a_person_page_opens_with_the_roles_unless_curated():
    body = "Home Secretary David Blunkett spoke. Later David Blunkett left."
    index = EntityIndex([
        article("articles/a.md", "A", body, "2004-05-01", people=["David Blunkett"]),
        article("articles/b.md", "B", "Home Secretary David Blunkett won.", "2005-01-02",
                people=["David Blunkett"]),
    ])  # fmt: skip
    ref = EntityRef("person", "David Blunkett")
    page = BeautifulSoup(entity_pages(ref, index, Links(True))["people/david-blunkett.md"].html,
                         "html.parser")  # fmt: skip
    line = page.select_one(".newsdocs-description").get_text()
    assert line == "Named in the articles as Home Secretary (2004–2005)."
    curated = entity_pages(ref, index, Links(True), description="MP for Sheffield.")
    assert "Named in" not in curated["people/david-blunkett.md"].html
