"""The seed site's HTML, as committed golden files: a review shows what a change did to the
output. Regenerate on purpose with ``NEWSDOCS_GOLDEN=write make test-fast`` (or pytest
tests/test_golden.py) and commit the diff with the change that made it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
#: The pages compared: an article, a person, a place, the indexes, a dates page.
PAGES = (
    "articles/undated/second-trump-kim-summit-planned-for-late-february",
    "people/donald-trump",
    "places/pyongyang",
    "people",
    "places",
    "organizations",
    "tags",
    "dates",
    "archive",
)


def content(html: str) -> str:
    """The page's own content (the theme's frame and its asset hashes left out), one tag a
    line so that a diff is readable."""
    article = BeautifulSoup(html, "html.parser").select_one("article")
    text = str(article) if article else html
    return re.sub(r">\s*<", ">\n<", text).strip() + "\n"


@pytest.fixture(scope="module")
def seed_site(tmp_path_factory):
    project = tmp_path_factory.mktemp("golden")
    shutil.copytree(ROOT / "docs", project / "docs")
    for name in ("mkdocs.yml", "entities.yml"):
        shutil.copy(ROOT / name, project / name)
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], cwd=project,
                   check=True, capture_output=True, timeout=300)  # fmt: skip
    return project / "site"


@pytest.mark.parametrize("page", PAGES)
def test_the_seed_site_matches_its_golden_html(seed_site, page):
    made = content((seed_site / page / "index.html").read_text(encoding="utf-8"))
    golden = GOLDEN / f"{page.replace('/', '__')}.html"
    if os.environ.get("NEWSDOCS_GOLDEN") == "write":
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(made, encoding="utf-8")
    assert golden.is_file(), f"no golden file: run NEWSDOCS_GOLDEN=write pytest {__file__}"
    assert made == golden.read_text(encoding="utf-8"), (
        f"{page} changed: if on purpose, run NEWSDOCS_GOLDEN=write pytest tests/test_golden.py"
        " and commit the golden files with the change"
    )


def test_no_page_asks_another_host_for_anything(seed_site):
    """Fonts, scripts, styles and images come from the site itself (links to the original
    article are links, not requests)."""
    for page in seed_site.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag in soup.select("link[href], script[src], img[src], iframe[src], source[src]"):
            address = tag.get("href") or tag.get("src")
            if tag.name == "link" and "alternate" in (tag.get("rel") or []):
                continue
            assert not re.match(r"^(https?:)?//", address), (page, address)
