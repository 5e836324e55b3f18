"""`make check` (tools/check.py): each contributor mistake fails it with a message that
names the file and the fix; a clean project passes."""

from __future__ import annotations

import re
import shutil

import pytest

from build_tools.convert.run import convert
from tests.conftest import ROOT
from tools.check import entities_problems, link_problems, run_checks, schema_problems


@pytest.fixture
def archive(project, blank_nlp):
    """The seed project with the repository's mkdocs.yml, entities.yml and hand pages,
    converted (with the model-free pipeline)."""
    for name in ("mkdocs.yml", "entities.yml"):
        shutil.copy(ROOT / name, project / name)
    for name in ("index.md", "contributing.md", "assets"):
        source = ROOT / "docs" / name
        copy = shutil.copytree if source.is_dir() else shutil.copy
        copy(source, project / "docs" / name)
    report = convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    assert not report.failed and not report.errors
    return project


def _problems(project, nlp):
    return [problem for _, found in run_checks(project, nlp=nlp) for problem in found]


def _page(project):
    [page] = (project / "docs" / "articles").rglob("*.md")
    return page


def test_a_clean_project_passes_every_check(archive, blank_nlp):
    assert _problems(archive, blank_nlp) == []


def test_a_front_matter_field_of_the_wrong_type_names_the_page_field_and_fix(archive):
    page = _page(archive)
    text = page.read_text(encoding="utf-8")
    page.write_text(re.sub(r"\ntags:\n(?:- .*\n)+", "\ntags: politics\n", text), "utf-8")
    [first, *_] = schema_problems(archive / "docs")
    assert first.startswith("docs/articles/") and ": tags: 'politics' is not of type" in first
    assert "`make pages FORCE=1` writes the page again" in first


def test_a_hand_edited_generated_page_fails_with_its_lines(archive, blank_nlp):
    page = _page(archive)
    page.write_text(page.read_text(encoding="utf-8").replace("Pyongyang", "Pjongjang"), "utf-8")
    problems = _problems(archive, blank_nlp)
    assert any("was edited by hand and is kept" in p and "Pjongjang" in p and "FORCE=1" in p
               for p in problems), problems  # fmt: skip


def test_a_broken_internal_link_fails_with_the_page_that_holds_it(archive, blank_nlp):
    index = archive / "docs" / "index.md"
    index.write_text(index.read_text(encoding="utf-8")
                     + '\n<a href="people/nobody/">nobody</a>\n', "utf-8")  # fmt: skip
    problems = _problems(archive, blank_nlp)
    assert problems == [
        "docs/index.md: link 'people/nobody/' leads to no page of the site;"
        " fix the link (or the page it names)"
    ]


def test_a_missing_anchor_is_a_problem(tmp_path):
    (tmp_path / "a.html").write_text('<a href="b.html#there">b</a><a href="#here">x</a>')
    (tmp_path / "b.html").write_text('<h2 id="elsewhere">B</h2>')
    problems = link_problems(tmp_path)
    assert len(problems) == 2
    assert "no anchor #there in b.html" in problems[0] and "no anchor #here" in problems[1]


def test_a_source_with_an_invalid_header_fails_with_the_source(archive, blank_nlp):
    [source] = (archive / "source_texts").glob("*.txt")
    source.write_text("---\ndate: someday\n---\n" + source.read_text(encoding="utf-8"), "utf-8")
    problems = _problems(archive, blank_nlp)
    assert any(p.startswith(f"{source.name}: ") or f"/{source.name}" in p.split(": ")[0]
               for p in problems), problems  # fmt: skip
    assert any("date" in p for p in problems)


def test_a_drop_or_ignore_that_matches_nothing_fails_with_the_nearest_name(archive, blank_nlp):
    entities = archive / "entities.yml"
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "ignore: []", "ignore: [Mike Pompei]"), "utf-8")  # fmt: skip
    [problem] = entities_problems(archive / "docs", entities)
    assert "ignore: 'Mike Pompei' matches no name" in problem  # as written, either name
    assert "did you mean 'Mike Pompeo'?" in problem
    entities.write_text(entities.read_text(encoding="utf-8").replace(
        "ignore: [Mike Pompei]", "  - name: Stephen Biegan\n    kind: person\nignore: []"),
        "utf-8")  # fmt: skip
    [problem] = entities_problems(archive / "docs", entities)
    assert "entities: 'Stephen Biegan' (person) matches no name" in problem
    assert "did you mean 'Stephen Biegun'?" in problem
    [source] = (archive / "source_texts").glob("*.txt")
    source.write_text("---\ndrop: {places: [Pyongyan]}\n---\n" + source.read_text("utf-8"),
                      "utf-8")  # fmt: skip
    problems = _problems(archive, blank_nlp)
    assert any("drop matches no name: places: Pyongyan ~ Pyongyang" in p for p in problems)


def test_the_workflows_pass_actionlint_and_a_broken_one_fails(tmp_path):
    from tools.check import actionlint_problems

    assert actionlint_problems(ROOT) == []
    workflows = tmp_path / ".github" / "workflows"
    workflows.mkdir(parents=True)
    (workflows / "x.yml").write_text(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    steps:\n"
        "      - run: echo ${{ github.nonexistent_context_value }}\n      - uses: \n",
        encoding="utf-8",
    )
    problems = actionlint_problems(tmp_path)
    assert problems and all(p.startswith("actionlint: .github/workflows/x.yml:") for p in problems)


def test_a_project_site_url_gives_a_styled_404_absolute_feed_links_and_a_full_sitemap(
    archive, monkeypatch
):
    """As the Pages workflow builds it: site_url, repo_url and edit_uri from the repository."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setenv("NEWSDOCS_SITE_URL", "https://example.github.io/archive/")
    monkeypatch.setenv("NEWSDOCS_REPO_URL", "https://github.com/example/archive")
    monkeypatch.setenv("NEWSDOCS_EDIT_URI", "edit/main/docs/")
    site = archive / "site"
    build(load_config(str(archive / "mkdocs.yml"), site_dir=str(site)))
    not_found = (site / "404.html").read_text(encoding="utf-8")
    assert 'href="/archive/assets/stylesheets/' in not_found  # styled below /archive/
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert "<link>https://example.github.io/archive/articles/" in feed
    pages = len(list(site.rglob("index.html")))
    assert (site / "sitemap.xml").read_text(encoding="utf-8").count("<loc>") == pages
    [article] = (site / "articles").rglob("index.html")
    html = article.read_text(encoding="utf-8")
    assert 'href="https://github.com/example/archive/edit/main/source_texts/' in html
    person = (site / "people" / "donald-trump" / "index.html").read_text(encoding="utf-8")
    assert "https://github.com/example/archive/issues/new?template=wrong-name.yml" in person
    assert "api.github.com" not in person and 'data-md-component="source"' not in person
