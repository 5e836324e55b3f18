"""Docs stay honest: every plugin option, header field and front-matter field is in the README."""

from __future__ import annotations

import re

import pytest

from build_tools.convert.read import HEADER_FIELDS
from build_tools.mkdocs.config import NewsdocsConfig
from build_tools.page import FIELDS
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("option", [name for name, _ in NewsdocsConfig._schema])
def test_every_plugin_option_is_documented(option):
    assert f"`{option}`" in README


@pytest.mark.parametrize("field", sorted(HEADER_FIELDS))
def test_every_header_field_is_documented(field):
    assert f"\n{field}:" in README or f"`{field}`" in README


@pytest.mark.parametrize("field", sorted(FIELDS))
def test_every_front_matter_field_is_documented(field):
    assert f"`{field}`" in README, field


def _anchor(heading: str) -> str:
    """GitHub's anchor of a heading: lower case, punctuation but "-" and "_" dropped,
    spaces as "-"."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_the_readmes_links_to_its_own_sections_lead_to_headings():
    anchors = {_anchor(line.lstrip("#")) for line in README.splitlines() if line.startswith("#")}
    links = re.findall(r"\]\(#([^)]+)\)", README)
    assert links, "the README's contents list links to its sections"
    assert [link for link in links if link not in anchors] == []
