"""The archive core outlives MkDocs: Zensical builds the seed archive from the files it
writes, with the same entity pages linking to the same articles."""

from __future__ import annotations

import posixpath
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup

from build_tools.archive.export import export
from tests.conftest import ROOT

ZENSICAL = Path(sys.executable).with_name("zensical")


def entity_links(site: Path) -> dict[str, set[str]]:
    """Entity page -> the article pages it links to (site paths, resolved)."""
    found = {}
    for kind in ("people", "places", "organizations"):
        for page in sorted((site / kind).glob("*/index.html")):
            here = page.relative_to(site).parent.as_posix()
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            content = soup.select_one("article") or soup
            found[here] = {
                posixpath.normpath(posixpath.join(here, unquote(a["href"]))).rstrip("/")
                for a in content.select("a[href]")
                if "articles/" in posixpath.normpath(posixpath.join(here, a["href"]))
            }
    return found


def test_zensical_builds_the_same_entity_pages_as_mkdocs(tmp_path):
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    for name in ("mkdocs.yml", "entities.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    mkdocs = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
                            cwd=tmp_path, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert mkdocs.returncode == 0, mkdocs.stderr
    out = tmp_path / "build" / "zensical"
    assert export(tmp_path, out) > 0
    zensical = subprocess.run([str(ZENSICAL), "build", "--strict"], cwd=out,
                              capture_output=True, text=True, timeout=300)  # fmt: skip
    assert zensical.returncode == 0, zensical.stdout + zensical.stderr
    by_mkdocs, by_zensical = entity_links(tmp_path / "site"), entity_links(out / "site")
    assert by_mkdocs and by_mkdocs.keys() == by_zensical.keys()
    for page, articles in by_mkdocs.items():
        assert articles and by_zensical[page] == articles, page
    article = next((out / "site" / "articles").rglob("index.html")).read_text(encoding="utf-8")
    assert 'href="../../../people/donald-trump/"' in article  # links rewritten to the site's
