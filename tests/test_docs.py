"""Docs stay honest: every plugin option, header field and front-matter field is in the README."""

from __future__ import annotations

import datetime as dt

import pytest

from build_tools.model import Article, DateMention, Extraction, Mention, Place, Source
from build_tools.pages import front_matter
from build_tools.read import HEADER_FIELDS
from build_tools.site.config import NewsdocsConfig
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", [name for name, _ in NewsdocsConfig._schema])
def test_every_plugin_option_is_documented(option):
    assert f"`{option}`" in README


@pytest.mark.parametrize("field", sorted(HEADER_FIELDS))
def test_every_header_field_is_documented(field):
    assert f"\n{field}:" in README or f"`{field}`" in README


def test_every_front_matter_field_is_documented():
    source = Source("x.txt", "T\n\nBody.", "0" * 64, {"add": {}}, "utf-8", (), "source_texts/x.txt")
    article = Article(source, "T", ("Body.",), dt.date(2019, 1, 19), "VOA", "https://x.org",
                      "Jane", ("Comments",))  # fmt: skip
    extraction = Extraction(
        ("Jane Doe",), ("Paris",), ("UN",),
        (Mention(0, 4, "person", "Jane Doe", "Jane"),),
        (DateMention(0, 1, "Friday", "2019-01-18"),), ("politics",),
        (Place("Paris", "FR", 48.85, 2.35),),
    )  # fmt: skip
    fields = front_matter(article, extraction)
    assert len(fields) == 14  # every field filled in
    for field in fields:
        assert f"`{field}`" in README, field
