"""Property-based tests: any text converts to a page that reads back, or fails cleanly.

Hypothesis runs derandomized (the same examples on every run) with no example database,
so CI is stable; a blank pipeline keeps each example fast.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import frontmatter
import markdown
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from build_tools.clean import clean
from build_tools.convert import convert
from build_tools.errors import SourceError
from build_tools.markup import escape_markdown
from build_tools.model import MAX_SLUG_LENGTH, slugify
from build_tools.read import read_source
from build_tools.site import index as index_module
from build_tools.site.index import ArticleInfo, find_word, first_sentences
from build_tools.site.render import _paragraph_spans, plain_body
from tests.conftest import ROOT
from tests.test_hostile import SLUG

STABLE = settings(
    max_examples=100,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
#: Any text: control characters included, surrogates excluded (they cannot be saved).
ANY_TEXT = st.text(st.characters(exclude_categories=("Cs",)))
#: Text shaped like an article: a title line, a blank line, paragraphs of any text.
ARTICLE = st.builds(
    lambda title, paragraphs: title + "\n\n" + "\n\n".join(paragraphs),
    st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=80),
    st.lists(ANY_TEXT, min_size=1, max_size=4),
)


def convert_one(data: bytes, nlp) -> None:
    """Convert a single source holding data: a page that reads back, or a clean error."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "source_texts").mkdir()
        source = root / "source_texts/article.txt"
        source.write_bytes(data)
        try:
            expected = clean(read_source(source, root / "source_texts"))
        except SourceError:
            expected = None
        report = convert(root / "source_texts", root / "docs", nlp=nlp, progress=False)
        pages = list((root / "docs").rglob("*.md"))
        if expected is None:
            # (That messages name the file from the project root is test_hostile's concern.)
            [error] = report.failed
            assert isinstance(error, SourceError) and error.problem and error.hint
            assert error.path.endswith("article.txt") and str(error).startswith(error.path)
            assert pages == [] and report.converted == []
            return
        assert report.converted == ["article.txt"] and not report.failed
        [page] = pages
        assert page.resolve().is_relative_to((root / "docs/articles").resolve())
        post = frontmatter.loads(page.read_text(encoding="utf-8"))
        assert post["title"] == expected.title
        assert post["summary"] == expected.paragraphs[0]
        assert post["provenance"]["source_file"] == "source_texts/article.txt"


@STABLE
@given(text=ANY_TEXT)
def test_any_text_converts_to_a_page_that_reads_back_or_fails_cleanly(text, blank_nlp):
    convert_one(text.encode("utf-8"), blank_nlp)


@STABLE
@given(text=ARTICLE)
def test_any_article_shaped_text_reads_back(text, blank_nlp):
    convert_one(text.encode("utf-8"), blank_nlp)


@STABLE
@given(title=ANY_TEXT, author=ANY_TEXT)
def test_any_header_values_read_back(title, author, blank_nlp):
    header = yaml.safe_dump({"title": title, "author": author}, allow_unicode=True)
    convert_one(f"---\n{header}---\nFirst line\n\nThe text.\n".encode(), blank_nlp)


@STABLE
@given(text=ANY_TEXT)
def test_slug_is_a_safe_non_empty_name_inside_articles(text):
    slug = slugify(text)
    assert SLUG.match(slug), slug
    assert len(slug) <= MAX_SLUG_LENGTH
    folder = os.path.join("docs", "articles", "2019")
    assert os.path.dirname(os.path.normpath(os.path.join(folder, f"{slug}.md"))) == folder
    assert slugify(text) == slug  # the same name every time


#: The Markdown extensions of the project's mkdocs.yml and MkDocs' built-in ones.
EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "md_in_html", "admonition"]
CONFIGS = {"toc": {"permalink": True}}
#: Lines that look like text, with Markdown's syntax characters in them more often than not.
LINE = st.lists(
    st.sampled_from(
        [*"ab &#;:-+*_`<>[]{}|!=~\\.1 ", "!!!", "&amp;", "&#42;", "\u00a0", "\u0661", "[TOC]"]
    )
).map("".join)


@STABLE
@given(title=LINE, paragraphs=st.lists(LINE, max_size=4), escaped=st.booleans())
def test_a_plain_article_body_skips_markdown_for_the_same_html(title, paragraphs, escaped):
    """The site's fast path for article bodies (``render.plain_body``: the title line to
    Markdown, the paragraphs as they are) gives Markdown's HTML exactly, or declines: for
    raw Markdown, and for bodies escaped as the converter escapes them, which it must take
    when its lines are text (starting with a letter)."""
    write = escape_markdown if escaped else str
    body = "\n\n".join([f"# {write(title)}", *map(write, paragraphs)]) + "\n"
    whole = markdown.markdown(body, extensions=EXTENSIONS, extension_configs=CONFIGS)
    plain = plain_body(body)
    if plain is not None:
        title_line, html_text = plain
        heading = markdown.markdown(title_line, extensions=EXTENSIONS, extension_configs=CONFIGS)
        assert (f"{heading}\n{html_text}" if html_text else heading) == whole
    lines = [title, *paragraphs]
    if escaped and all(line.strip() == line and line[:1].isalpha() for line in lines):
        assert plain is not None, body


def test_the_archives_article_bodies_skip_markdown():
    articles = sorted((ROOT / "docs" / "articles").rglob("*.md"))
    assert articles
    for article in articles:
        body = frontmatter.loads(article.read_text(encoding="utf-8")).content
        assert plain_body(body) is not None, article


#: Text of sentences: words, names, the ends of sentences, quotes and spaces.
SENTENCE_TEXT = st.lists(
    st.sampled_from(
        ["Mr", "Smith", "Tony", "Blair", "A", "a", "1", "&", "#", "_", ".", "!", "?", " ",
         "  ", "\n", "\u201d", '"', "\u2019", "'", "\u201c", "E&#42;Trade", "Mr. Smith",
         "Blair. Tony", "Tony Blair. A", "Tony Blair", "-", "Mota-Engil"]
    ),
    max_size=30,
).map("".join)  # fmt: skip
NAMES = st.lists(
    st.sampled_from(
        [
            "Smith",
            "Mr. Smith",
            "Tony Blair",
            "Blair",
            "A",
            "a",
            "E*Trade",
            "Engil",
            "Mota-Engil",
            "",
        ]
    ),
    max_size=3,
)


@STABLE
@given(paragraphs=st.lists(SENTENCE_TEXT, max_size=4), forms=st.lists(NAMES, max_size=4))
@example(paragraphs=["Tony Blair spoke. Blair left."], forms=[["Blair"], ["Tony Blair"]])
@example(paragraphs=["Mota-Engil builds. Engil. Mota-Engil"], forms=[["Engil"], ["Mota-Engil"]])
def test_the_first_sentence_naming_an_entity_is_found_as_by_reading_sentence_by_sentence(
    paragraphs, forms
):
    """``index.first_sentences`` searches the whole body at once; it finds what reading
    each sentence in turn finds: a whole-word form that is not part of another entity's
    longer name there (``Blair`` in ``Tony Blair``, when Tony Blair is someone else)."""
    paragraphs = [p.strip() for p in paragraphs if p.strip()]
    article = ArticleInfo("articles/a.md", "T", None, None, None, "", {}, {}, (), (),
                          tuple(paragraphs))  # fmt: skip
    keyed = dict(enumerate(forms))
    sentences = [s for paragraph in paragraphs for s in index_module._SENTENCE.split(paragraph)]

    def names(sentence, name, others):
        at = find_word(sentence, name)
        while at >= 0:
            spans = [(start, start + len(other)) for other in others
                     if len(other) > len(name) and name in other
                     for start in range(len(sentence))
                     if find_word(sentence, other, start) == start]  # fmt: skip
            if not any(start <= at and at + len(name) <= end for start, end in spans):
                return True
            at = find_word(sentence, name, at + 1)
        return False

    expected = {}
    for key, forms_of_key in keyed.items():
        others = {escape_markdown(n) for k, ns in keyed.items() if k != key for n in ns if n}
        for sentence in sentences:
            if any(names(sentence, escape_markdown(n), others) for n in forms_of_key if n):
                expected[key] = index_module._shorten(sentence)
                break
    assert first_sentences(article, keyed) == expected


@STABLE
@given(content=st.lists(st.sampled_from(["<p>", "</p>", "<p", "p>", "a", "\n", "<"])).map("".join))
def test_paragraph_spans_are_what_the_paragraph_pattern_finds(content):
    pattern = re.compile(r"<p>(.*?)</p>", re.DOTALL)
    assert _paragraph_spans(content) == [m.span(1) for m in pattern.finditer(content)]
