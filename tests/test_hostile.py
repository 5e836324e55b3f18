"""Hostile and broken input (issue 5): a clear error or a correct page, never a crash.

Every bad input is generated here, in a temporary folder; nothing is committed. Most cases
share one conversion run (a blank pipeline, no model), so that the run's failure list and
"one bad file does not stop the others" are checked together.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import frontmatter
import pytest
import yaml
from bs4 import BeautifulSoup

from build_tools.archive.export import read_config
from build_tools.convert.run import Report, convert
from build_tools.errors import SourceError
from build_tools.model import MAX_SLUG_LENGTH
from build_tools.page import loads
from tests.conftest import ROOT, SEED

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
#: File names Windows refuses (committed pages must check out everywhere).
WINDOWS_RESERVED = {"con", "prn", "aux", "nul"} | {
    f"{device}{number}" for device in ("com", "lpt") for number in "123456789"
}
#: The collision suffix ``-abcdef`` a second article with the same title gets.
SUFFIX = 7

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(2)>"
JS_LINK = "[click me](javascript:alert(3))"
HTML_BLOCK = '<div onclick="alert(4)">a raw HTML block</div>'
JINJA = "{{ config.site_name }} {% raw %}"
#: Strings that must reach readers as visible text, never as markup.
HOSTILE_STRINGS = (SCRIPT, IMG, JS_LINK, HTML_BLOCK, JINJA)

_rng = random.Random(5)  # fixed: the same bytes on every run
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10" + _rng.randbytes(512)
PDF = (  # a small PDF with no NUL byte: only its header says it is not text
    b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Length 44 >>\nstream\nBT /F1 24 Tf 100 700 Td (Hello) Tj ET\nendstream\n"
    b"endobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
)
RANDOM = _rng.randbytes(4096) + b"\x00" + _rng.randbytes(1024)
BODY = "\n\nPresident Donald Trump met Kim Jong Un in Paris on Friday, officials said.\n"


def _header(fields: str, text: str = "Header Test" + BODY) -> bytes:
    return f"---\n{fields}\n---\n{text}".encode()


#: Sources that must fail: path under source_texts/ -> (bytes, words the message must hold).
FAILING: dict[str, tuple[bytes, tuple[str, ...]]] = {
    "empty.txt": (b"", ("no text",)),
    "whitespace.txt": (b"  \n\t\n\xc2\xa0 \r\n\n", ("no text",)),
    "title-only.txt": (b"Only a Title\n", ("no article text",)),
    "trailer-only.txt": ("– – –\n\nVOA News\n\nComments\n".encode(), ("no article text",)),
    "binary/image.txt": (PNG, ("binary",)),
    "binary/document.txt": (PDF, ("not text",)),
    "binary/random.txt": (RANDOM, ("binary",)),
    "binary/nul-in-text.txt": (b"A Title\n\nSome text\x00 with a NUL byte.\n", ("binary",)),
    "header/not-yaml.txt": (
        _header("date: 2019-01-19\ntitle: Talks: what next"),
        ("not valid YAML", "line 3", "mapping values are not allowed here", "quote"),
    ),
    "header/list.txt": (_header("- date\n- 2019-01-19"), ("mapping", "list")),
    "header/python-tag.txt": (b"", ("header", "python/object/apply")),  # filled in by the test
    "header/impossible-date.txt": (_header("date: 2019-02-30"), ("date", "2019-02-30")),
    "header/date-number.txt": (_header("date: 12"), ("date", "12")),
    "header/tags-mapping.txt": (_header("tags: {politics: 1}"), ("tags", "list")),
    "header/no-fences.txt": (
        b"date: 2024-03-15\nsource: AP\n\nA Title\n\nSome text.\n",
        ("header fields (date:, source:)", "'---'"),
    ),
    "header/tag-typo.txt": (
        _header("tags: [politcs/diplomacy]"),
        ("politcs/diplomacy", "not in the topic vocabulary", "write 'politics/diplomacy'"),
    ),
    "header/title-list.txt": (_header("title: [one, two]"), ("title", "text")),
    "header/add-list.txt": (_header("add: [Jane Doe]"), ("add", "people")),
    "header/url-javascript.txt": (_header("url: javascript:alert(1)"), ("url", "http")),
    "header/unknown-field.txt": (_header("titel: Typo"), ("titel",)),
}

#: Sources that must become pages: path -> (bytes, title, texts the body must hold).
CONVERTING: dict[str, tuple[bytes, str, tuple[str, ...]]] = {
    "encodings/latin-1.txt": (
        "Café in Zürich\n\nThe café served crème brûlée to the visitors.\n".encode("latin-1"),
        "Café in Zürich",
        ("crème brûlée",),
    ),
    "encodings/windows-1252.txt": (
        b"Quotes From Windows\n\nHe said \x93hello\x94 and left \x96 twice.\n",
        "Quotes From Windows",
        ("He said “hello” and left – twice.",),
    ),
    "encodings/utf-16.txt": (
        "UTF-16 Title\n\nCafé “x” in the body.\n".encode("utf-16"),
        "UTF-16 Title",
        ("Café “x” in the body.",),
    ),
    "encodings/utf-8-bom.txt": (
        "\ufeffBOM Title\n\nBody after a byte-order mark.\n".encode(),
        "BOM Title",
        ("Body after a byte-order mark.",),
    ),
    "encodings/line-ends.txt": (
        b"Mixed Line Ends\r\n\r\nParagraph one.\rParagraph two.\n\nParagraph three.\r\n",
        "Mixed Line Ends",
        ("Paragraph one.", "Paragraph two.", "Paragraph three."),
    ),
    "encodings/mojibake.txt": (
        "Mojibake Repaired\n\nThe minister\u00e2\u20ac\u2122s plan was \u00e2\u20ac\u0153bold\u00e2\u20ac\x9d.\n".encode(),  # noqa: E501
        "Mojibake Repaired",
        ("The minister’s plan was “bold”.",),
    ),
    "markup/script.txt": (
        f"{SCRIPT} in a Title\n\nTrump said {SCRIPT} on Friday.\n".encode(),
        f"{SCRIPT} in a Title",
        (f"Trump said {SCRIPT} on Friday.",),
    ),
    "markup/img.txt": (f"{IMG}\n\nAn image: {IMG}\n".encode(), IMG, (f"An image: {IMG}",)),
    "markup/js-link.txt": (f"{JS_LINK}\n\n{JS_LINK} here.\n".encode(), JS_LINK, (JS_LINK,)),
    "markup/html-block.txt": (
        f"A Raw HTML Block\n\n{HTML_BLOCK}\n\nAfter the block.\n".encode(),
        "A Raw HTML Block",
        (HTML_BLOCK, "After the block."),
    ),
    "markup/jinja.txt": (
        f"{JINJA}\n\nThe {{{{ jinja }}}} text and {{% raw %}} stay as they are.\n".encode(),
        JINJA,
        ("The {{ jinja }} text and {% raw %} stay as they are.",),
    ),
    "markup/dashes.txt": (
        b"A Rule in the Body\n\nBefore the rule.\n---\nAfter the rule.\n\nThe end of it.\n",
        "A Rule in the Body",
        ("Before the rule.", "---", "After the rule.", "The end of it."),
    ),
    "titles/colon-hash-quotes.txt": (
        "Talks: \"Kim's\" #1 plan — 'final' # not a comment\n\nBody text here.\n".encode(),
        "Talks: \"Kim's\" #1 plan — 'final' # not a comment",
        ("Body text here.",),
    ),
    "titles/punctuation.txt": (b"!?!? --- ???\n\nBody text here.\n", "!?!? --- ???", ()),
    "titles/chinese.txt": (
        "朝鲜与美国举行第二次峰会\n\n两国领导人将在二月底会面。\n".encode(),
        "朝鲜与美国举行第二次峰会",
        ("两国领导人将在二月底会面。",),
    ),
    "titles/arabic.txt": (
        "قمة ثانية بين ترامب وكيم\n\nسيلتقي الزعيمان في أواخر فبراير.\n".encode(),
        "قمة ثانية بين ترامب وكيم",
        ("سيلتقي الزعيمان في أواخر فبراير.",),
    ),
    "titles/long.txt": (
        ("A Very Long Title " * 60 + "\n\nBody text here.\n").encode(),
        ("A Very Long Title " * 60).strip(),
        ("Body text here.",),
    ),
    "titles/reserved-name.txt": (b"Con\n\nA page that must check out on Windows.\n", "Con", ()),
    "CON.txt": (b"From a File Named CON\n\nBody text here.\n", "From a File Named CON", ()),
    "nested/deep/..%2F..%2Fetc%2Fpasswd.txt": (b"Percent Name\n\nBody.\n", "Percent Name", ()),
    "nested/deep/..\\..\\etc\\passwd.txt": (b"Backslash Name\n\nBody.\n", "Backslash Name", ()),
    "nested/etc/passwd.txt": (b"Etc Passwd\n\nBody.\n", "Etc Passwd", ()),
    "nested/deep/....txt": (b"Dots Name\n\nBody.\n", "Dots Name", ()),
}


# -- helpers ---------------------------------------------------------------------------------


def write_sources(sources: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = sources / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def run(project: Path, nlp) -> Report:
    return convert(project / "source_texts", project / "docs", nlp=nlp, progress=False)


def failures(report: Report) -> dict[str, SourceError]:
    """Failures by source path under source_texts/ (whether or not the message says so)."""
    return {error.path.removeprefix("source_texts/"): error for error in report.failed}


def pages_by_source(docs: Path) -> dict[str, Path]:
    """Source path under source_texts/ -> its page, from the pages' provenance."""
    found = {}
    for page in sorted((docs / "articles").rglob("*.md")):
        provenance = loads(page.read_text(encoding="utf-8"), str(page)).provenance
        found[provenance.source_file.removeprefix("source_texts/")] = page
    return found


def body_text(page: Path) -> str:
    """The page's body as a reader sees it (entities decoded)."""
    return html.unescape(frontmatter.loads(page.read_text(encoding="utf-8")).content)


def assert_actionable(error: SourceError, name: str, *words: str) -> None:
    """The message names the file, says what is wrong and what to do, in a line or two."""
    message = str(error)
    assert message.startswith(f"source_texts/{name}: "), f"does not name the file: {message!r}"
    assert error.problem and error.hint, f"no problem or no hint on what to do: {message!r}"
    for word in words:
        assert word.casefold() in message.casefold(), f"{word!r} not in {message!r}"
    assert len(message) < 400 and "\n" not in message, f"too long for a summary: {message!r}"
    assert "Traceback" not in message and "Error(" not in message, message


# -- the shared bad-input run ----------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, blank_nlp) -> tuple[Path, Report]:
    """All bad inputs beside the seed, converted in one run."""
    project = tmp_path_factory.mktemp("corpus")
    sources = project / "source_texts"
    sources.mkdir()
    (project / "docs").mkdir()
    shutil.copy(SEED, sources / SEED.name)
    files = {name: data for name, (data, _) in FAILING.items()}
    files |= {name: data for name, (data, *_) in CONVERTING.items()}
    marker = project / "pwned"
    files["header/python-tag.txt"] = _header(
        f'title: !!python/object/apply:os.system ["touch {marker}"]'
    )
    write_sources(sources, files)
    outside = project / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("Xyzzy Outside Title\n\nXyzzy text.\n", "utf-8")
    (sources / "links").mkdir()
    (sources / "links/outside.txt").symlink_to(outside / "secret.txt")
    (sources / "links/folder").symlink_to(outside, target_is_directory=True)
    report = run(project, blank_nlp)
    assert not marker.exists(), "a YAML tag in a header ran a command"
    return project, report


def test_run_fails_exactly_the_bad_files_and_converts_all_others(corpus):
    project, report = corpus
    expected = {*FAILING, "links/outside.txt", "links/folder"}
    failed = set(failures(report))
    assert failed == expected, (
        f"should fail but did not: {sorted(expected - failed)}; "
        f"failed but should not: {sorted(failed - expected)}"
    )
    assert len(report.failed) == len(expected), "a file was reported twice"
    assert sorted(report.converted) == sorted([SEED.name, *CONVERTING])
    assert set(pages_by_source(project / "docs")) == {SEED.name, *CONVERTING}


@pytest.mark.parametrize("name", FAILING)
def test_bad_file_fails_with_a_message_people_can_act_on(corpus, name):
    project, report = corpus
    error = failures(report).get(name)
    assert error is not None, f"{name} did not fail; converted: {name in report.converted}"
    assert_actionable(error, name, *FAILING[name][1])
    assert name not in pages_by_source(project / "docs")


@pytest.mark.parametrize("name", CONVERTING)
def test_awkward_file_becomes_a_correct_page(corpus, name):
    project, report = corpus
    _, title, texts = CONVERTING[name]
    page = pages_by_source(project / "docs").get(name)
    assert page is not None, f"no page for {name}: {failures(report).get(name)}"
    assert loads(page.read_text(encoding="utf-8"), str(page)).title == title
    body = body_text(page)
    assert body.startswith(f"# {title}\n")
    for text in texts:
        assert text in body
    assert "\r" not in page.read_text(encoding="utf-8") and "\ufeff" not in body
    # The page name: a usable slug inside docs/articles/, bounded, valid on every system.
    assert page.resolve().is_relative_to((project / "docs/articles").resolve())
    assert SLUG.match(page.stem) and len(page.stem) <= MAX_SLUG_LENGTH + SUFFIX, page.stem
    assert page.stem not in WINDOWS_RESERVED, f"{page.name} cannot be checked out on Windows"


def test_non_utf8_sources_are_read_with_a_warning_that_names_them(corpus):
    _, report = corpus
    for name in ("encodings/latin-1.txt", "encodings/windows-1252.txt"):
        assert any(w.startswith(f"source_texts/{name}: ") for w in report.warnings), name
    assert any(w.startswith("source_texts/encodings/mojibake.txt: ") for w in report.warnings)


def test_symlinks_out_of_source_texts_are_not_followed_and_are_reported(corpus):
    project, report = corpus
    errors = failures(report)
    for name in ("links/outside.txt", "links/folder"):
        assert name in errors, f"{name} not reported; failures: {sorted(errors)}"
        assert_actionable(errors[name], name, "link")
    for page in (project / "docs/articles").rglob("*.md"):
        assert "Xyzzy" not in page.read_text(encoding="utf-8"), page


@pytest.mark.parametrize(
    ("name", "wording"),
    [
        (
            "header/not-yaml.txt",
            r"source_texts/header/not-yaml\.txt: the header is not valid YAML "
            r"\(line 3: mapping values are not allowed here\); quote .*",
        ),
        ("empty.txt", r"source_texts/empty\.txt: the file has no text; .*remove the file"),
        (
            "header/impossible-date.txt",
            r"source_texts/header/impossible-date\.txt: .*'date'.*2019-02-30.*; .*YYYY-MM-DD.*",
        ),
        ("binary/image.txt", r"source_texts/binary/image\.txt: .*binary.*; .*plain text.*"),
        ("header/list.txt", r"source_texts/header/list\.txt: .*mapping.*list; .*field: value.*"),
    ],
)
def test_error_message_wording(corpus, name, wording):
    """A few messages as a contributor reads them in the run's summary."""
    error = failures(corpus[1]).get(name)
    assert error is not None and re.fullmatch(wording, str(error)), str(error)


# -- very large inputs, each beside a good file --------------------------------------------


def test_a_50_mb_text_is_refused_with_a_size_error_and_the_rest_converted(project, blank_nlp):
    """Decision: an archive article is never 50 MB; it is refused early, by its size."""
    paragraph = b"The committee met again on Tuesday to discuss the budget and the plan.\n\n"
    with open(project / "source_texts/huge.txt", "wb") as file:
        file.write(b"A Huge Article\n\n")
        file.write(paragraph * (50_000_000 // len(paragraph) + 1))
    started = time.monotonic()
    report = run(project, blank_nlp)
    elapsed = time.monotonic() - started
    assert report.converted == [SEED.name]
    [error] = report.failed
    assert_actionable(error, "huge.txt", "MB")
    assert elapsed < 15, f"refusing a 50 MB file took {elapsed:.1f} s"


def test_a_5_mb_line_without_newline_fails_cleanly(project, blank_nlp):
    (project / "source_texts/line.txt").write_bytes(b"word " * 1_000_000)
    report = run(project, blank_nlp)
    assert report.converted == [SEED.name]
    [error] = report.failed
    assert_actionable(error, "line.txt")


# -- slugs, renames, deletions ------------------------------------------------------------


def test_same_titles_get_distinct_slugs_that_never_swap(project, blank_nlp):
    sources = project / "source_texts"
    for name in ("x1.txt", "x2.txt"):
        (sources / name).write_text(f"Same Title\n\nText of {name}.\n", encoding="utf-8")
    run(project, blank_nlp)
    first = pages_by_source(project / "docs")
    assert first["x1.txt"] != first["x2.txt"]
    (sources / "x0.txt").write_text("Same Title\n\nText of x0.txt.\n", encoding="utf-8")
    report = run(project, blank_nlp)
    assert report.converted == ["x0.txt"]
    second = pages_by_source(project / "docs")
    assert {k: second[k] for k in first} == first, "existing pages moved"
    assert len({second["x0.txt"], second["x1.txt"], second["x2.txt"]}) == 3
    # A fresh clone has no cache: the pages alone keep every slug where it was.
    shutil.rmtree(project / ".newsdocs-cache")
    report = run(project, blank_nlp)
    assert not report.converted and not report.removed
    assert pages_by_source(project / "docs") == second
    for source, page in second.items():
        assert f"Text of {source}." in body_text(page) or source == SEED.name


def test_renamed_source_moves_its_page_and_the_old_one_goes(project, blank_nlp):
    sources = project / "source_texts"
    for name in ("a.txt", "b.txt"):
        (sources / name).write_text("Same Title\n\nShared words.\n", encoding="utf-8")
    (sources / "unique.txt").write_text("Unique Title\n\nOwn words.\n", encoding="utf-8")
    run(project, blank_nlp)
    before = pages_by_source(project / "docs")
    (sources / "b.txt").rename(sources / "c.txt")
    (sources / "unique.txt").rename(sources / "renamed.txt")
    report = run(project, blank_nlp)
    assert sorted(report.removed) == ["b.txt", "unique.txt"]
    assert sorted(report.converted) == ["c.txt", "renamed.txt"]
    after = pages_by_source(project / "docs")
    assert set(after) == {SEED.name, "a.txt", "c.txt", "renamed.txt"}
    assert after["a.txt"] == before["a.txt"]
    assert not before["b.txt"].exists() or before["b.txt"] in after.values()
    assert len(list((project / "docs/articles").rglob("*.md"))) == 4


def test_deleted_source_removes_its_page_and_empty_folder(project, blank_nlp):
    sources = project / "source_texts"
    (sources / "dated.txt").write_text("---\ndate: 2018-03-04\n---\nOld News" + BODY, "utf-8")
    run(project, blank_nlp)
    page = pages_by_source(project / "docs")["dated.txt"]
    assert page.parent.name == "2018"
    (sources / "dated.txt").unlink()
    report = run(project, blank_nlp)
    assert report.removed == ["dated.txt"] and not report.failed
    assert not page.exists() and not page.parent.exists()
    assert set(pages_by_source(project / "docs")) == {SEED.name}


# -- untrusted text stays text: the built site ----------------------------------------------

#: Sources for the site: hostile titles, bodies and header fields (names, tags, links).
SITE_SOURCES: dict[str, bytes] = {
    "hostile/body.txt": (
        f"{SCRIPT} in a Title\n\n"
        f"President Donald Trump said {SCRIPT} in Paris on Friday.\n\n"
        f"{IMG} and <svg onload=alert(5)> and <iframe src=javascript:alert(6)></iframe>\n\n"
        f'{JS_LINK} and <javascript:alert(7)> and <a href="javascript:alert(8)">a link</a>\n\n'
        f"{HTML_BLOCK}\n\n"
        "[a reference][1] and ![an image](javascript:alert(9))\n\n"
        "[1]: javascript:alert(10)\n\n"
        'A paragraph with attributes {: onclick="alert(11)" }\n\n'
        f"{JINJA} and {{% include 'x' %}}\n\n"
        "Before the rule.\n---\nAfter the rule.\n"
    ).encode(),
    "hostile/header.txt": _header(
        yaml.safe_dump(
            {
                "date": "2019-01-19",
                "source": SCRIPT,
                "author": f'Jane" onmouseover="alert(14)"><script>alert(15)</script>{IMG}',
                "url": 'https://example.com/"><script>alert(12)</script>',
                "tags": [SCRIPT, f"politics/{IMG}"],
                "add": {
                    "people": [SCRIPT, IMG],
                    "places": [JS_LINK],
                    "organizations": [HTML_BLOCK],
                },
            },
            allow_unicode=True,
        ),
        f"{IMG} Headline\n\n"
        f"Jane Doe said {SCRIPT} and {IMG} to {JS_LINK} at {HTML_BLOCK} on Friday.\n",
    ),
    "hostile/jinja.txt": (
        f"{JINJA}\n\nKim Jong Un read {{{{ page.title }}}} and {{% raw %}} in Stockholm.\n"
    ).encode(),
    "hostile/quotes.txt": (
        "Talks: \"Kim's\" #1 plan — 'final' </title><script>alert(13)</script>\n\n"
        "Mike Pompeo said <!-- a comment --> and &lt;b&gt; and &amp; stay.\n"
    ).encode(),
}


def build_hostile_site(root: Path, nlp, plugin_options: dict | None = None) -> Path:
    """Convert SITE_SOURCES beside the seed and build the site with MkDocs; return site/.

    plugin_options: options of the newsdocs plugin (``{"search": "pagefind"}``)."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    (root / "source_texts").mkdir()
    shutil.copy(SEED, root / "source_texts" / SEED.name)
    write_sources(root / "source_texts", SITE_SOURCES)
    shutil.copy(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    if plugin_options:
        config = read_config(ROOT / "mkdocs.yml")
        config["plugins"] = ["search", {"newsdocs": plugin_options}]
        (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=shutil.ignore_patterns("articles"))
    if (ROOT / "entities.yml").exists():
        shutil.copy(ROOT / "entities.yml", root / "entities.yml")
    report = convert(root / "source_texts", root / "docs", nlp=nlp, progress=False)
    assert not report.failed, [str(error) for error in report.failed]
    config = load_config(str(root / "mkdocs.yml"), site_dir=str(root / "site"), strict=False)
    build(config)
    return root / "site"


_RCDATA = re.compile(r"(<(title|textarea)\b[^>]*>)(.*?)(</\2\s*>)", re.S | re.I)


def live_markup(markup: str) -> list[str]:
    """What in an HTML fragment would run or link to script, and so must never come from text."""
    problems = []
    # A browser reads <title> and <textarea> as text up to their end tag: so does this check.
    markup = _RCDATA.sub(lambda m: m[1] + html.escape(m[3]) + m[4], markup)
    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(True):
        if tag.name in {"iframe", "object", "embed", "base", "frame", "meta"} and (
            tag.name != "meta" or tag.get("http-equiv")
        ):
            problems.append(f"<{tag.name}> element")
        # The theme's scripts and the plugin's (assets/newsdocs-*.js, Pagefind's UI); a JSON
        # data block runs nothing, and holds no "<" that could close it.
        source = tag.get("src", "")
        theme_script = "assets/javascripts/" in source or bool(
            re.search(r"(?:^|/)(?:assets/newsdocs-[\w-]+|pagefind/pagefind-ui)\.js$", source)
        )
        data = tag.get("type") == "application/json" and "<" not in (tag.string or "")
        if (
            tag.name == "script"
            and not data
            and ("alert(" in (tag.string or "") or tag.has_attr("src") and not theme_script)
        ):
            problems.append(f"script: {str(tag)[:80]}")
        if tag.name == "img" and tag.get("src") == "x":
            problems.append(f"img from a source: {str(tag)[:80]}")
        for attribute, value in tag.attrs.items():
            if attribute.lower().startswith("on"):
                problems.append(f"{attribute}= on <{tag.name}>")
            if attribute.lower() in {"href", "src", "action", "formaction", "xlink:href"}:
                scheme = urlsplit(re.sub(r"[\x00-\x20]", "", str(value))).scheme.lower()
                if scheme not in {"", "http", "https"}:
                    problems.append(f"{attribute}={str(value)[:60]!r} on <{tag.name}>")
    return problems


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory, blank_nlp) -> Path:
    return build_hostile_site(tmp_path_factory.mktemp("hostile-site"), blank_nlp)


def test_no_page_of_the_site_holds_live_markup_from_a_source(hostile_site):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 20  # articles, entities, indexes, tags, archive, dates
    problems = {}
    for page in pages:
        found = live_markup(page.read_text(encoding="utf-8"))
        if found:
            problems[page.relative_to(hostile_site).as_posix()] = found
    assert problems == {}


def test_hostile_text_is_shown_as_text(hostile_site):
    page = hostile_site / "articles/undated/script-alert-1-script-in-a-title/index.html"
    article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("article")
    assert article.h1.get_text().startswith(f"{SCRIPT} in a Title")
    text = article.get_text()
    for hostile in (SCRIPT, IMG, JS_LINK, HTML_BLOCK, JINJA, "{: onclick="):
        assert hostile in text
    assert article.find("hr") is None, "a '---' line in a source became a rule"
    # Entity pages for names made of markup show the names as text too.
    for section in ("people", "places", "organizations"):
        for index in (hostile_site / section).glob("*/index.html"):
            heading = BeautifulSoup(index.read_text("utf-8"), "html.parser").select_one("h1")
            assert heading is not None and heading.get_text(strip=True), index


def test_feed_is_well_formed_and_its_html_is_inert(hostile_site):
    feed = ET.parse(hostile_site / "feed.xml").getroot()
    items = feed.findall("channel/item")
    titles = {item.findtext("title") for item in items}
    assert f"{SCRIPT} in a Title" in titles
    for item in items:
        # RSS readers render <description> as HTML: escaped text must stay escaped there.
        assert live_markup(item.findtext("description") or "") == [], item.findtext("title")
        assert urlsplit(item.findtext("link") or "").scheme in {"", "http", "https"}


@pytest.fixture(scope="module")
def material_search_site(tmp_path_factory, blank_nlp) -> Path:
    """The hostile site with Material's search (the default, Pagefind, writes no index of
    Material's)."""
    return build_hostile_site(tmp_path_factory.mktemp("hostile-material"), blank_nlp,
                              {"search": "material"})  # fmt: skip


def test_search_index_holds_no_live_markup(material_search_site):
    """Material's search shows title, text and tags of each entry as HTML."""
    index = json.loads((material_search_site / "search/search_index.json").read_text("utf-8"))
    assert len(index["docs"]) > 10  # the articles, entity and tag pages are in it
    problems = [
        (doc["location"], field, found)
        for doc in index["docs"]
        for field, value in doc.items()
        for item in (value if isinstance(value, list) else [value])
        if field != "location" and (found := live_markup(str(item)))
    ]
    assert problems == []


# -- nothing half-written: the command killed mid-run -------------------------------------

#: Articles converted before the killed runs; as many again are added for them.
ARTICLES = 100
CLI = [sys.executable, "-m", "build_tools", "pages", "--sources", "source_texts",
       "--docs", "docs", "--no-progress"]  # fmt: skip


def _env() -> dict[str, str]:
    """One process: a pool's workers each load the model, slower for a hundred pages."""
    extra = {"NEWSDOCS_JOBS": "1", "PYTHONPATH": str(ROOT)}
    return os.environ | extra


def _written_since(articles: Path, since_ns: int) -> int:
    count = 0
    for directory, _, names in os.walk(articles):
        for name in names:
            if name.endswith(".md") and not name.startswith("."):
                with contextlib.suppress(FileNotFoundError):  # replaced meanwhile
                    count += os.stat(os.path.join(directory, name)).st_mtime_ns >= since_ns
    return count


def _kill_after(project: Path, pages: int, since_ns: int) -> bool:
    """Run the command, SIGKILL it (and its workers) once `pages` pages were written since
    since_ns; return whether it was killed rather than done before that."""
    process = subprocess.Popen(
        CLI, cwd=project, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        start_new_session=True,
    )  # fmt: skip
    killed = False
    try:
        deadline = time.monotonic() + 120
        while process.poll() is None and time.monotonic() < deadline:
            if _written_since(project / "docs/articles", since_ns) >= pages:
                os.killpg(process.pid, signal.SIGKILL)
                killed = True
                break
            time.sleep(0.005)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    return killed


def _snapshot(docs: Path) -> dict[str, bytes]:
    """Every page, after checking that it is whole and nothing else is visible to MkDocs."""
    pages = {}
    for path in sorted((docs / "articles").rglob("*")):
        if path.is_dir() or path.name.startswith("."):
            continue
        relative = path.relative_to(docs).as_posix()
        assert path.suffix == ".md", f"a file MkDocs would publish: {relative}"
        data = path.read_bytes()
        post = frontmatter.loads(data.decode("utf-8"))
        assert loads(data.decode("utf-8"), relative).provenance.sha256, relative
        assert post.content.startswith("# ") and len(post.content.splitlines()) > 2, relative
        pages[relative] = data
    return pages


def _finish(project: Path) -> tuple[int, str]:
    done = subprocess.run(CLI, cwd=project, env=_env(), capture_output=True, text=True,
                          timeout=300)  # fmt: skip
    return done.returncode, done.stderr


def _article(number: int, version: str) -> str:
    return (
        f"Article {number:03d} on the Summit\n\n"
        f"President Donald Trump met Kim Jong Un in Hanoi on Friday ({version} version).\n\n"
        f"The White House said more talks were planned for next month, in story {number}.\n"
    )


@pytest.mark.model  # the real model, through the CLI in a subprocess
def test_a_killed_run_leaves_only_whole_pages_and_the_next_run_finishes(tmp_path):
    project = tmp_path
    sources = project / "source_texts"
    sources.mkdir()
    (project / "docs").mkdir()
    for number in range(ARTICLES):
        (sources / f"{number:03d}.txt").write_text(_article(number, "old"), encoding="utf-8")
    code, stderr = _finish(project)
    assert code == 0, stderr
    old = _snapshot(project / "docs")
    assert len(old) == ARTICLES
    # Every source changes and as many new ones come: killed runs at several points.
    for number in range(2 * ARTICLES):
        (sources / f"{number:03d}.txt").write_text(_article(number, "new"), encoding="utf-8")
    snapshots = []
    since = time.time_ns()
    for pages in (1, ARTICLES // 2, 3 * ARTICLES // 2):
        assert _kill_after(project, pages, since), f"the run ended before page {pages}"
        snapshots.append(_snapshot(project / "docs"))
    code, stderr = _finish(project)
    assert code == 0, stderr
    new = _snapshot(project / "docs")
    assert len(new) == 2 * ARTICLES and set(old) < set(new)
    assert all(new[page] != old[page] for page in old)
    for snapshot in snapshots:
        assert set(old) <= set(snapshot), "a page went missing while it was rewritten"
        for page, data in snapshot.items():
            assert data in (old.get(page), new[page]), f"{page} is neither old nor new"
    code, stderr = _finish(project)
    assert code == 0 and "newsdocs: 0 converted" in stderr, stderr


@pytest.mark.model  # the real model, through the CLI in a subprocess
def test_command_reports_every_failure_keeps_old_pages_and_exits_non_zero(tmp_path):
    project = tmp_path
    sources = project / "source_texts"
    sources.mkdir()
    (project / "docs").mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (sources / name).write_text(f"Title {name}\n\nFirst words of {name}.\n", "utf-8")
    code, stderr = _finish(project)
    assert code == 0, stderr
    before = _snapshot(project / "docs")
    (sources / "a.txt").write_text("---\ntitle: a: b\n---\nTitle a\n\nNew.\n", "utf-8")
    (sources / "b.txt").write_text("Title b.txt\n\nSecond words of b.txt.\n", "utf-8")
    (sources / "d.txt").write_bytes(PNG)
    (sources / "e.txt").write_text("", "utf-8")
    code, stderr = _finish(project)
    assert code != 0
    lines = stderr.splitlines()
    for name in ("a.txt", "d.txt", "e.txt"):
        assert any(line.startswith(f"error: source_texts/{name}: ") for line in lines), stderr
    assert lines[-1] == "newsdocs: 1 converted, 1 unchanged, 0 removed, 3 failed", stderr
    after = _snapshot(project / "docs")
    assert after["articles/undated/title-a-txt.md"] == before["articles/undated/title-a-txt.md"]
    assert "Second words" in after["articles/undated/title-b-txt.md"].decode()
    assert set(after) == set(before)
