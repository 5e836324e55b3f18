"""Docs stay honest: every plugin option, header field and front-matter field is in the README."""

from __future__ import annotations

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
