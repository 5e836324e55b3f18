"""`make serve` is a live preview: a saved source or entities.yml rebuilds the site, and
the plugin converts what changed before the build."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.config import load_config

from build_tools.convert.run import convert
from tests.conftest import ROOT


@pytest.fixture
def served(project, blank_nlp):
    for name in ("mkdocs.yml", "entities.yml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copy(ROOT / "docs" / "index.md", project / "docs" / "index.md")
    convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["newsdocs"]
    return project, config, plugin


class _Server:
    def __init__(self) -> None:
        self.watched: list[str] = []

    def watch(self, path: str) -> None:
        self.watched.append(path)


def test_serve_watches_the_sources_and_entities_yml(served):
    project, config, plugin = served
    server = _Server()
    plugin.on_serve(server, config, builder=None)
    assert server.watched == [str(project / "source_texts"), str(project / "entities.yml")]


@pytest.mark.model
def test_a_saved_source_is_converted_before_the_rebuild_under_serve_only(served):
    project, config, plugin = served
    [source] = (project / "source_texts").glob("*.txt")
    [page] = (project / "docs" / "articles").rglob("*.md")
    lines = source.read_text(encoding="utf-8").split("\n", 1)
    source.write_text("Live preview title\n" + lines[1], encoding="utf-8")
    plugin.on_startup(command="build", dirty=False)
    plugin.on_pre_build(config)  # mkdocs build converts nothing: `make pages` does
    assert "Live preview title" not in page.read_text(encoding="utf-8")
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_pre_build(config)
    [page] = (project / "docs" / "articles").rglob("*.md")
    assert page.read_text(encoding="utf-8").startswith("---\ntitle: Live preview title\n")
