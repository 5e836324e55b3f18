"""Cleaning that generalises: real articles wrapped in the header and trailer of 16 site
styles (tests/site_styles.py) come out with their title, source and every paragraph, and
nothing of the page around them."""

from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.convert.clean import clean
from build_tools.convert.read import read_source
from tests.conftest import BBC, SEED
from tests.site_styles import STYLES, wrap


def _article(path: Path):
    return clean(read_source(path, path.parent))


def _check(plain, path: Path, style, tmp_path: Path) -> None:
    copy = tmp_path / f"{style.name.replace(' ', '-')}-{path.parent.name}-{path.name}"
    copy.write_text(wrap(plain.title, list(plain.paragraphs), style), encoding="utf-8")
    wrapped = _article(copy)
    where = f"{style.name}: {path.parent.name}/{path.name}"
    assert wrapped.title == plain.title, where
    assert wrapped.paragraphs == plain.paragraphs, (where, set(wrapped.paragraphs)
                                                    ^ set(plain.paragraphs))  # fmt: skip
    assert wrapped.source_name == style.source, where
    furniture = [line.strip() for line in (*style.header, *style.trailer) if line.strip()]
    kept = " ".join(wrapped.paragraphs)
    assert not [line for line in furniture if len(line) > 12 and line in kept], where


@pytest.mark.parametrize("style", STYLES, ids=[style.name for style in STYLES])
def test_the_seed_survives_every_site_style(style, tmp_path):
    _check(_article(SEED), SEED, style, tmp_path)  # its own trailer is not wrapped


def test_the_styles_are_sixteen_and_distinct():
    assert len(STYLES) >= 15
    assert len({(style.header, style.trailer) for style in STYLES}) == len(STYLES)


@pytest.mark.corpus
@pytest.mark.skipif(not BBC.is_dir(), reason="needs ../shared/data/corpus/bbc-fulltext")
def test_bbc_articles_survive_every_site_style(tmp_path):
    """Every 7th BBC article (212 of 1,485, all five sections) in each of the 16 styles."""
    files = sorted(BBC.glob("*/*.txt"))[::7]
    for path in files:
        plain = _article(path)
        for style in STYLES:
            _check(plain, path, style, tmp_path)
