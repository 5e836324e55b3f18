"""Hostile input, round two: the cases the first table did not list, each built on the fly."""

from __future__ import annotations

import json
import os
import re
import shutil
import stat
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from build_tools.archive.export import read_config
from build_tools.archive.feed import rss
from build_tools.archive.identity import Curated, load_curated
from build_tools.archive.index import EntityIndex
from build_tools.archive.site import generated_pages
from build_tools.archive.urls import Links
from build_tools.convert.run import MANIFEST, convert
from build_tools.front_matter import FILE as FRONT_MATTER_FILE
from build_tools.model import CACHE_DIR
from build_tools.page import loads
from tests.conftest import ROOT, SEED, checked_warnings
from tests.pages import article
from tests.test_hostile import SCRIPT, build_hostile_site, live_markup


def run(project: Path, nlp):
    return convert(project / "source_texts", project / "docs", nlp=nlp, progress=False)


def pages(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}


# -- 1. no script from a source, whatever the configuration -----------------------------------


def test_without_the_plugin_no_page_of_ours_runs_script(tmp_path, blank_nlp, caplog):
    """mkdocs.yml without newsdocs: Material prints the front matter as it is, and a page
    whose front matter broke (a merge conflict) is rendered as Markdown, front matter and
    all. The texts are stored escaped, so neither makes live markup."""
    site = build_hostile_site(tmp_path, blank_nlp)
    config = read_config(tmp_path / "mkdocs.yml")
    config["plugins"] = ["search"]
    config.pop("not_in_nav", None)
    (tmp_path / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    page = next((tmp_path / "docs" / "articles").rglob("*script*.md"))
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("summary:", "<<<<<<< HEAD\nsummary:", 1), encoding="utf-8")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    shutil.rmtree(site)
    build(load_config(str(tmp_path / "mkdocs.yml"), site_dir=str(site), strict=False))
    checked_warnings(caplog)  # MkDocs' notes on pages outside the navigation
    built = sorted((site / "articles").rglob("index.html"))
    assert built
    for html_file in built:
        problems = live_markup(html_file.read_text(encoding="utf-8"))
        assert not problems, (html_file, problems)


# -- 2. reserved names ---------------------------------------------------------------------


def test_no_name_takes_an_index_or_another_tags_page():
    info = article(
        "articles/2024/a.md", "A", "Index met Feed at the archive.", "2024-01-02",
        people=["Index", "Feed"], organizations=["Assets"],
        tags=("index", "politics/diplomacy", "politics-diplomacy", "politics/2"),
    )  # fmt: skip
    index = EntityIndex([info])
    made = generated_pages(index, Links(), Curated())
    assert made["people/index.md"].title == "People"
    assert made["people/index_.md"].title == "Index"
    assert made["people/feed_.md"].title == "Feed"
    assert made["organizations/assets_.md"].title == "Assets"
    assert made["tags/index.md"].title == "Tags"
    assert made["tags/index_.md"].title == "index"
    listed = {uri for uri, page in made.items() if "articles/2024/a/" in page.html}
    for uri in ("tags/politics/diplomacy.md", "tags/politics-diplomacy.md", "tags/politics/2_.md"):
        assert uri in listed, uri


# -- 3. one bad file never stops the run -------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
def test_a_fifo_and_an_undecodable_file_name_fail_alone(project, blank_nlp):
    sources = project / "source_texts"
    os.mkfifo(sources / "pipe.txt")
    bad = os.fsencode(sources) + b"/caf\xe9.txt"
    with open(bad, "wb") as file:
        file.write(b"A title\n\nA paragraph about Paris.\n")
    (sources / "zz-later.txt").write_text("Later\n\nMore text.\n", encoding="utf-8")
    report = run(project, blank_nlp)
    failed = {error.path: str(error) for error in report.failed}
    assert (
        "source_texts/pipe.txt" in failed
        and "not a regular file" in failed["source_texts/pipe.txt"]
    )
    assert "source_texts/caf\\xe9.txt" in failed, failed
    assert "rename" in failed["source_texts/caf\\xe9.txt"]
    assert sorted(report.converted) == ["000_a49fabdc9f5aaa25.txt", "zz-later.txt"]
    assert (project / CACHE_DIR / MANIFEST).is_file()


# -- 4. pages of people are never overwritten or deleted ---------------------------------------


def test_a_hand_written_page_at_a_new_sources_path_is_kept(project, blank_nlp):
    hand = project / "docs/articles/undated/second-trump-kim-summit-planned-for-late-february.md"
    hand.parent.mkdir(parents=True)
    hand.write_text("# Mine\n\nWritten by hand.\n", encoding="utf-8")
    report = run(project, blank_nlp)
    assert report.converted and not report.failed
    assert hand.read_text(encoding="utf-8") == "# Mine\n\nWritten by hand.\n"
    [page] = [p for p in (project / "docs/articles/undated").glob("*.md") if p != hand]
    assert page.stem.startswith("second-trump-kim-summit-planned-for-late-february-")


@pytest.mark.parametrize(
    "target", ["../../outside.md", "index.md", "/tmp/x.md", "articles/../../x.md"]
)
def test_a_crafted_manifest_deletes_nothing(project, blank_nlp, target):
    outside = project / "outside.md"
    outside.write_text("keep\n", encoding="utf-8")
    (project / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    hand = project / "docs/articles/2019/hand.md"
    hand.parent.mkdir(parents=True)
    hand.write_text("# Hand\n", encoding="utf-8")
    cache = project / CACHE_DIR
    cache.mkdir()
    entries = {name: {"sha256": "0", "page": page, "generator": "x"} for name, page in
               (("gone.txt", target), ("gone2.txt", "articles/2019/hand.md"))}  # fmt: skip
    (cache / MANIFEST).write_text(json.dumps(entries), encoding="utf-8")
    report = run(project, blank_nlp)
    assert report.converted == ["000_a49fabdc9f5aaa25.txt"] and report.removed == []
    assert outside.read_text(encoding="utf-8") == "keep\n"
    assert (project / "docs" / "index.md").is_file() and hand.is_file()


# -- 5. two articles never share a page ----------------------------------------------------------


def test_equal_titles_get_distinct_pages_even_when_a_suffix_is_taken(project, blank_nlp):
    text = SEED.read_text(encoding="utf-8")
    for name in ("a.txt", "b.txt"):
        (project / "source_texts" / name).write_text(text, encoding="utf-8")
    first = run(project, blank_nlp)
    assert len(first.converted) == 3 and not first.failed
    made = pages(project / "docs")
    assert len(made) == 3
    sources = {loads(t.decode(), p).provenance.source_file for p, t in made.items()}
    assert len(sources) == 3


# -- 6. one character never breaks the feed ------------------------------------------------------


def test_noncharacters_never_break_the_feed(project, blank_nlp):
    (project / "source_texts" / "odd.txt").write_text(
        "Odd \uffff title \x0b here\n\nText \ufdd0 body.\n", encoding="utf-8"
    )
    run(project, blank_nlp)
    made = [loads(t.decode(), p) for p, t in pages(project / "docs").items()]
    assert all("\uffff" not in page.title and "\x0b" not in page.title for page in made)
    assert all("\ufdd0" not in "".join(page.paragraphs) for page in made)
    hostile = article("articles/a.md", "A \uffff \x01 title", "x \ufffe y", "2024-01-01")
    ET.fromstring(rss([hostile], "Site \uffff", "", {"articles/a.md": "a/"}, 10))


# -- also wrong ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("entities:\n  - {name: X, aliases: 5}\n", "'aliases' must be a list"),
        ("entities:\n  - {name: X, aliases: Y}\n", "'aliases' must be a list"),
        ("entities:\n  - {name: ''}\n", "needs a 'name'"),
        ("entities:\n  - {name: X, alias: [Y]}\n", "unknown field 'alias'"),
        ("entitys:\n  - {name: X}\n", "unknown key 'entitys'"),
        ("ignore: White House\n", "'ignore' must be a list"),
        # Two fixes pasted one under the other: the first list would be lost in silence.
        (
            "entities:\n  - {name: X}\nignore: [Y]\nentities:\n  - {name: Z}\n",
            r"line 4: duplicate key 'entities'; merge them into one",
        ),
        ("entities:\n  - {name: X, kind: person, kind: place}\n", "duplicate key 'kind'"),
    ],
)
def test_entities_file_mistakes_are_errors_that_say_what_to_do(tmp_path, text, says):
    path = tmp_path / "entities.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=says):
        load_curated(path)


def test_an_ignore_entry_that_matches_nothing_is_reported_with_the_nearest_name(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text("ignore: [White Hose, Nobody At All]\n", encoding="utf-8")
    info = article("articles/a.md", "A", "The White House said.", organizations=["White House"])
    caps = article("articles/b.md", "B", "THE WHITE HOUSE SAID", organizations=["WHITE HOUSE"])
    again = article("articles/c.md", "C", "The White House said.", organizations=["White House"])
    index = EntityIndex([info, caps, again], curated=load_curated(path))
    assert index.identity.unmatched_ignores() == [  # as written, either of them
        ("Nobody At All", None),
        ("White Hose", "White House"),  # the spelling of most articles, not the first sorted
    ]


def test_a_look_alike_spelling_never_renames_a_curated_entity(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text("entities:\n  - {name: Donald Trump, description: Described.}\n", "utf-8")
    new = article(
        "articles/b.md", "B", "Donald-Trump spoke.", "2024-02-01", people=["Donald-Trump"]
    )
    old = article(
        "articles/a.md", "A", "Donald Trump spoke.", "2024-01-01", people=["Donald Trump"]
    )
    index = EntityIndex([new, old], curated=load_curated(path))
    [(ref, appearances)] = index.of_kind("person")
    assert ref.name == "Donald Trump" and len(appearances) == 2
    made = generated_pages(index, Links(), index.identity.curated)
    assert "Described." in made["people/donald-trump.md"].html


def test_curated_entities_have_a_page_below_the_threshold(tmp_path):
    path = tmp_path / "entities.yml"
    path.write_text("entities:\n  - {name: Kim Jong Un}\n", encoding="utf-8")
    infos = [article(f"articles/{n}.md", "A", "Kim Jong Un spoke. Ann Lee too.",
                     people=["Kim Jong Un", "Ann Lee"]) for n in range(1)]  # fmt: skip
    index = EntityIndex(infos, curated=load_curated(path))
    index.min_articles = 2
    assert index.has_page(index.ref("person", "Kim Jong Un"))
    assert not index.has_page(index.ref("person", "Ann Lee"))


def test_pages_are_written_with_the_umasks_mode(project, blank_nlp):
    previous = os.umask(0o022)
    try:
        run(project, blank_nlp)
    finally:
        os.umask(previous)
    [page] = (project / "docs" / "articles").rglob("*.md")
    assert stat.S_IMODE(page.stat().st_mode) == 0o644


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_docs_folder_is_a_failure_not_a_traceback(project, blank_nlp):
    (project / "docs").chmod(0o500)
    try:
        report = run(project, blank_nlp)
    finally:
        (project / "docs").chmod(0o700)
    [error] = report.failed
    assert "could not be written" in str(error) and "writable" in str(error)


def test_a_file_where_the_articles_folder_should_be_is_a_failure(project, blank_nlp):
    (project / "docs" / "articles").write_text("not a folder\n", encoding="utf-8")
    report = run(project, blank_nlp)
    [error] = report.failed
    assert "could not be written" in str(error), str(error)


def test_a_header_url_in_capitals_is_kept_as_a_link(project, blank_nlp):
    text = SEED.read_text(encoding="utf-8")
    (project / "source_texts" / SEED.name).write_text(
        "---\nurl: HTTPS://Example.com/a b\n---\n" + text, encoding="utf-8"
    )
    run(project, blank_nlp)
    [made] = [loads(t.decode(), p) for p, t in pages(project / "docs").items()]
    assert made.url == "https://Example.com/a%20b"


def test_the_hostile_site_is_still_safe(tmp_path, blank_nlp):
    site = build_hostile_site(tmp_path, blank_nlp)
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert SCRIPT not in text, html_file
    assert ROOT.is_dir()


# -- 7. a small file never costs much -----------------------------------------------------------


def test_an_article_over_the_word_limit_is_refused_at_once(project, blank_nlp):
    from build_tools.convert.clean import MAX_WORDS

    words = " ".join(["word"] * 50)
    paragraphs = "\n\n".join([words] * (MAX_WORDS // 50 + 1))
    (project / "source_texts" / "long.txt").write_text(f"Long\n\n{paragraphs}\n", "utf-8")
    report = run(project, blank_nlp)
    failed = {error.path: str(error) for error in report.failed}
    assert "words and signs) are converted" in failed["source_texts/long.txt"]
    assert "split it" in failed["source_texts/long.txt"]


def test_a_long_text_is_read_in_pieces_with_its_findings_at_their_offsets(blank_nlp):
    from build_tools.convert import nlp as nlp_module

    paragraph = "Donald Trump met Kim Jong Un in Paris on Friday."
    text = "\n\n".join([paragraph] * 3000)  # 150,000 characters: three pieces
    assert len(nlp_module.pieces(text)) > 1
    assert "".join(piece for _, piece in nlp_module.pieces(text)) == text
    [whole] = nlp_module.analyse([text], blank_nlp)
    assert len(whole.candidates) == 3 * 3000  # Donald Trump, Kim Jong Un, Paris
    for candidate in whole.candidates:
        assert text[candidate.start : candidate.end] == candidate.text
    assert {d.text for d in whole.dates} == {"Friday"} and len(whole.dates) == 3000


# -- the red team's findings ---------------------------------------------------------------------


def test_a_lone_surrogate_in_a_header_fails_nothing(project, blank_nlp):
    text = SEED.read_text(encoding="utf-8")
    (project / "source_texts" / "odd.txt").write_text(
        '---\nsource: "\\ud800 VOA"\nauthor: "A \\udfff B"\n---\n' + text, encoding="utf-8"
    )
    report = run(project, blank_nlp)
    assert not report.failed and len(report.converted) == 2
    made = [loads(t.decode(), p) for p, t in pages(project / "docs").items()]
    assert {page.source for page in made} == {"VOA News", "VOA"}


def test_two_long_names_alike_for_80_characters_keep_two_pages():
    from build_tools.model import page_slug

    stem = "Alexander " * 10
    peace, war = page_slug(stem + "Foundation for Peace"), page_slug(stem + "Foundation for War")
    assert peace != war and len(peace) <= 80 and len(war) <= 80
    assert page_slug("Index") == "index_" and page_slug("Donald Trump") == "donald-trump"


def build_quietly(project: Path, caplog) -> list[str]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"), strict=False))
    return checked_warnings(caplog)


def seed_site_project(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    for name in ("mkdocs.yml", "entities.yml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def set_options(project: Path, **options) -> None:
    config = read_config(project / "mkdocs.yml")
    config["plugins"] = ["search", {"newsdocs": options}]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")


def test_a_misspelt_articles_folder_or_entities_file_is_a_warning(tmp_path, caplog):
    project = seed_site_project(tmp_path)
    set_options(project, articles_dir="Articles", entities_file="entitie.yml")
    warnings = build_quietly(project, caplog)
    assert any("no article page in docs/Articles" in w for w in warnings), warnings
    assert any("entitie.yml does not exist" in w for w in warnings), warnings


@pytest.mark.parametrize(("option", "value"), [("feed_size", -1), ("list_size", 0),
                                               ("articles_dir", "../docs")])  # fmt: skip
def test_an_option_that_would_build_a_wrong_site_stops_the_build(tmp_path, option, value, caplog):
    from mkdocs.exceptions import Abort, PluginError

    project = seed_site_project(tmp_path)
    set_options(project, **{option: value})
    with pytest.raises((Abort, PluginError)):
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")))
    [message] = checked_warnings(caplog)
    assert f"newsdocs option '{option}' must be" in message


def test_a_hand_written_feed_is_kept(tmp_path, caplog):
    project = seed_site_project(tmp_path)
    (project / "docs" / "feed.xml").write_text("<rss>mine</rss>\n", encoding="utf-8")
    build_quietly(project, caplog)
    assert (project / "site" / "feed.xml").read_text(encoding="utf-8") == "<rss>mine</rss>\n"


def test_the_zensical_export_reads_what_mkdocs_reads_and_links_the_feed_right(tmp_path):
    import os

    from build_tools.archive.export import export

    project = seed_site_project(tmp_path)
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    config = re.sub(r"\nsite_url: .*\n", "\nsite_url: !ENV [NEWSDOCS_TEST_URL, 'https://x.org/']\n",
                    config)  # fmt: skip
    config += "use_directory_urls: false\n"
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    os.environ.pop("NEWSDOCS_TEST_URL", None)
    export(project, project / "build")
    feed = ET.parse(project / "build" / "docs" / "feed.xml")
    links = [item.findtext("link") for item in feed.iter("item")]
    assert links == [
        "https://x.org/articles/undated/second-trump-kim-summit-planned-for-late-february.html"
    ]


BOMB = "".join(
    f"  - &a{n} [{', '.join(['x'] * 10) if n == 0 else ', '.join([f'*a{n - 1}'] * 10)}]\n"
    for n in range(9)
)


@pytest.mark.parametrize(
    "header",
    [f"date:\n{BOMB}", "date: " + "[" * 5000 + "]" * 5000 + "\n"],
    ids=["alias bomb", "deep nesting"],
)
def test_yaml_bombs_in_a_header_fail_that_file_at_once(project, blank_nlp, header):
    (project / "source_texts" / "bomb.txt").write_text(f"---\n{header}---\nT\n\nText.\n", "utf-8")
    report = run(project, blank_nlp)
    [error] = report.failed
    assert error.path == "source_texts/bomb.txt" and "not valid YAML" in str(error)
    assert report.converted == ["000_a49fabdc9f5aaa25.txt"]


def test_a_yaml_bomb_in_a_page_or_in_entities_yml_is_refused():
    from build_tools.errors import PageError

    seed_page = next((ROOT / "docs" / "articles").rglob("*.md")).read_text(encoding="utf-8")
    with pytest.raises(PageError, match="aliases"):
        loads(seed_page.replace("summary:", f"bomb:\n{BOMB}summary:", 1), "x.md")


def test_a_loop_of_links_and_a_punctuation_wall_fail_alone(project, blank_nlp):
    (project / "source_texts" / "loop.txt").symlink_to("loop.txt")
    (project / "source_texts" / "wall.txt").write_text("W\n\n" + "Paris," * 60_000, "utf-8")
    report = run(project, blank_nlp)
    failed = {error.path: str(error) for error in report.failed}
    assert "cannot be read" in failed["source_texts/loop.txt"]
    assert "words and signs" in failed["source_texts/wall.txt"]
    assert report.converted == ["000_a49fabdc9f5aaa25.txt"]


def test_a_page_whose_front_matter_line_has_a_trailing_space_is_still_checked(tmp_path, caplog):
    project = seed_site_project(tmp_path)
    [page] = (project / "docs" / "articles").rglob("*.md")
    text = page.read_text(encoding="utf-8").replace("---\n", "--- \n", 1)
    page.write_text(text.rstrip("\n") + "\n\n<script>alert(9)</script>\n", encoding="utf-8")
    build_quietly(project, caplog)
    built = next((project / "site" / "articles").rglob("index.html")).read_text("utf-8")
    assert "<script>alert(9)" not in built and "&lt;script&gt;alert(9)" in built


def test_whitespace_in_a_file_name_never_multiplies_pages(project, blank_nlp):
    seed = project / "source_texts" / SEED.name
    seed.rename(project / "source_texts" / "trump  kim\u00a0summit.txt")
    for _ in range(3):
        report = run(project, blank_nlp)
        assert not report.failed
    assert len(pages(project / "docs")) == 1 and report.converted == []


def test_a_conflicted_page_fails_its_source_instead_of_making_a_second(project, blank_nlp):
    run(project, blank_nlp)
    [page] = (project / "docs" / "articles").rglob("*.md")
    page.write_text(page.read_text("utf-8").replace("source:", "<<<<<<< HEAD\nsource:", 1), "utf-8")
    (project / "source_texts" / SEED.name).write_text(
        SEED.read_text("utf-8") + "\nMore.\n", "utf-8"
    )
    report = run(project, blank_nlp)
    [error] = report.failed
    assert "cannot be read" in str(error) and "merge conflict" in str(error)
    assert len(pages(project / "docs")) == 1


def test_a_poisoned_cache_never_deletes_a_page_written_by_hand(project, blank_nlp):
    import hashlib

    notes = project / "docs/articles/notes/my-notes.md"
    notes.parent.mkdir(parents=True)
    notes.write_text("---\ntitle: My notes\n---\n# My notes\n", encoding="utf-8")
    cache = project / CACHE_DIR
    cache.mkdir()
    key = hashlib.sha1(b"title: My notes\n").hexdigest()
    (cache / FRONT_MATTER_FILE).write_text(json.dumps({key: {"title": "My notes", "provenance":
        {"source_file": "source_texts/gone.txt", "generator": "x"}}}), "utf-8")  # fmt: skip
    entry = {"sha256": "0", "page": "articles/notes/my-notes.md", "generator": "x"}
    (cache / MANIFEST).write_text(json.dumps({"gone.txt": entry}), "utf-8")
    report = run(project, blank_nlp)
    assert report.removed == [] and notes.is_file()


def test_a_linked_articles_folder_leading_outside_gets_nothing_written(
    project, blank_nlp, tmp_path_factory
):
    outside = tmp_path_factory.mktemp("outside")
    (project / "docs" / "articles").mkdir()
    (project / "docs" / "articles" / "undated").symlink_to(outside)
    report = run(project, blank_nlp)
    [error] = report.failed
    assert "symbolic link" in str(error) and not any(outside.iterdir())


def test_a_cache_folder_in_the_way_is_a_warning_not_a_traceback(project, blank_nlp, caplog):
    (project / CACHE_DIR).write_text("not a folder\n", encoding="utf-8")
    report = run(project, blank_nlp)
    assert report.converted and any("could not be written" in w for w in report.warnings)
    assert any("could not be written" in w for w in checked_warnings(caplog))


def test_a_hand_written_page_at_a_generated_address_wins(tmp_path, caplog):
    project = seed_site_project(tmp_path)
    mine = project / "docs" / "people" / "donald-trump" / "index.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("# My notes\n\nHand-written.\n", encoding="utf-8")
    build_quietly(project, caplog)
    built = (project / "site" / "people" / "donald-trump" / "index.html").read_text("utf-8")
    assert "Hand-written." in built


def test_a_new_article_never_takes_the_address_of_a_hand_written_page(project, blank_nlp):
    mine = project / "docs/articles/undated/second-trump-kim-summit-planned-for-late-february"
    mine.mkdir(parents=True)
    (mine / "index.md").write_text("# Essay\n", encoding="utf-8")
    run(project, blank_nlp)
    [page] = [p for p in (project / "docs/articles/undated").glob("*.md")]
    assert page.stem.startswith("second-trump-kim-summit-planned-for-late-february-")


def test_the_export_never_writes_over_the_project(tmp_path):
    from build_tools.archive.export import export

    project = seed_site_project(tmp_path)
    with pytest.raises(SystemExit, match="holds the project"):
        export(project, project)
    (project / "mine" / "docs").mkdir(parents=True)
    with pytest.raises(SystemExit, match="holds files the export did not write"):
        export(project, project / "mine")
    assert (project / "docs" / "index.md").is_file()


# -- red team, round two -------------------------------------------------------------------------


def test_yaml_nested_deeper_than_the_c_parser_can_take_is_refused():
    import yaml as pyyaml

    from build_tools.front_matter import load_yaml

    with pytest.raises(pyyaml.YAMLError, match="nested more than"):
        load_yaml("x: " + "[" * 25_000 + "]" * 25_000)


@pytest.mark.parametrize(
    "body",
    [
        "\n".join(["a"] * 150_000),  # joined line by line: was quadratic
        ", ".join(["Jones"] * 20_000) + ".",  # a common-word search per name: was quadratic
    ],
    ids=["150,000 lines", "20,000 names in one line"],
)
def test_long_sources_are_refused_or_read_in_linear_time(project, blank_nlp, body):
    import time

    (project / "source_texts" / "long.txt").write_text(f"Long\n\n{body}\n", "utf-8")
    started = time.perf_counter()
    run(project, blank_nlp)
    assert time.perf_counter() - started < 20


def test_a_title_of_thousands_of_words_counts_toward_the_limit(project, blank_nlp):
    (project / "source_texts" / "t.txt").write_text("a " * 60_000 + "\n\nShort body.\n", "utf-8")
    report = run(project, blank_nlp)
    assert any("words" in str(error) for error in report.failed)


def test_dates_where_the_calendar_ends_are_no_dates_not_failures():
    import datetime as dt

    from build_tools.convert.dates import resolve_dates
    from build_tools.timex import is_value, value_order

    late, early = dt.date(9999, 12, 31), dt.date(1, 1, 1)
    found = resolve_dates([(0, 9, "next year", "future"), (10, 21, "the weekend", "future"),
                           (22, 30, "tomorrow", "future")], late)  # fmt: skip
    assert all(is_value(d.value) for d in found)
    found = resolve_dates([(0, 9, "last year", "past"), (10, 18, "in March", "past")], early)
    assert all(is_value(d.value) for d in found)
    value_order("9999-W52-WE")  # no OverflowError


def test_too_many_names_in_a_header_list_is_a_failure(project, blank_nlp):
    names = ", ".join(f"Person {n}" for n in range(500))
    text = SEED.read_text(encoding="utf-8")
    (project / "source_texts" / "many.txt").write_text(
        f"---\nadd: {{people: [{names}]}}\n---\n{text}", "utf-8"
    )
    report = run(project, blank_nlp)
    [error] = report.failed
    assert "at most 100" in str(error)


def test_a_crafted_manifest_nested_too_deep_is_rebuilt(project, blank_nlp):
    (project / CACHE_DIR).mkdir()
    (project / CACHE_DIR / MANIFEST).write_text("[" * 3000 + "]" * 3000, encoding="utf-8")
    report = run(project, blank_nlp)
    assert report.converted and not report.failed


def test_a_persons_copy_of_a_page_is_never_deleted(project, blank_nlp):
    run(project, blank_nlp)
    [page] = (project / "docs/articles").rglob("*.md")
    copy = project / "docs/articles/vetted/mine.md"
    copy.parent.mkdir()
    copy.write_text(page.read_text("utf-8"), encoding="utf-8")
    shutil.rmtree(project / CACHE_DIR)
    (project / "source_texts" / SEED.name).write_text(
        SEED.read_text("utf-8") + "\nMore.\n", "utf-8"
    )
    run(project, blank_nlp)
    assert copy.is_file()


def test_a_page_not_in_utf8_stops_the_build_with_the_fix(tmp_path, caplog):
    from mkdocs.exceptions import Abort, PluginError

    project = seed_site_project(tmp_path)
    [page] = (project / "docs" / "articles").rglob("*.md")
    page.write_bytes(page.read_text("utf-8").replace("VOA News", "VOA Nëws").encode("cp1252"))
    with pytest.raises((Abort, PluginError)):
        build_quietly(project, caplog)
    assert any("is not UTF-8 text" in r.getMessage() for r in caplog.records)
    caplog.clear()


def test_the_export_never_replaces_a_configuration_it_did_not_write(tmp_path):
    from build_tools.archive.export import export

    project = seed_site_project(tmp_path)
    other = tmp_path / "other"
    other.mkdir()
    (other / "mkdocs.yml").write_text("site_name: MY OWN PROJECT\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="holds files the export did not write"):
        export(project, other)
    assert (other / "mkdocs.yml").read_text(encoding="utf-8") == "site_name: MY OWN PROJECT\n"
    export(project, tmp_path / "fresh")
    export(project, tmp_path / "fresh")  # its own folder: written again


def test_an_entities_file_that_is_no_file_stops_the_build(tmp_path):
    (tmp_path / "entities.yml").mkdir()
    with pytest.raises(ValueError, match="not a file of curated entities"):
        load_curated(tmp_path / "entities.yml")


def test_one_article_of_thousands_of_names_makes_a_bounded_number_of_pages():
    from build_tools.archive.index import CO_MENTION_CAP

    names = [f"Person Number{n}" for n in range(1000)]
    info = article("articles/a.md", "A", " ".join(f"{n} met." for n in names), people=names)
    index = EntityIndex([info])
    with_pages = [ref for ref, _ in index.of_kind("person") if index.has_page(ref)]
    assert len(with_pages) == CO_MENTION_CAP
