"""Property-based tests: any text converts to a page that reads back, or fails cleanly.

Hypothesis runs derandomized (the same examples on every run) with no example database,
so CI is stable; a blank pipeline keeps each example fast.
"""

from __future__ import annotations

import html
import logging
import os
import re
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools.convert.clean import clean
from build_tools.convert.read import read_source
from build_tools.convert.run import convert
from build_tools.errors import SourceError
from build_tools.model import MAX_SLUG_LENGTH, slugify
from build_tools.page import ArticlePage, Named, Position, Provenance, dumps, loads
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
        converter_log = logging.getLogger("newsdocs")
        converter_log.disabled = True  # its warnings are checked here, in the report
        try:
            report = convert(root / "source_texts", root / "docs", nlp=nlp, progress=False)
        finally:
            converter_log.disabled = False
        assert all(w.startswith("source_texts/article.txt: ") for w in report.warnings)
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
        post = loads(page.read_text(encoding="utf-8"), str(page))
        assert post.title == expected.title
        assert post.summary == expected.paragraphs[0]
        assert post.provenance.source_file == "source_texts/article.txt"


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


#: Text with the characters Markdown, HTML and YAML read as syntax, more often than not.
TEXT = st.lists(
    st.sampled_from(
        [*"ab &#;:-+*_`<>[]{}|!=~\\.1 '\"", "&amp;", "&#42;", "\u00a0", "\u0661", "---", "\n"]
    ),
    min_size=1,
).map("".join)


@STABLE
@given(
    title=TEXT, paragraphs=st.lists(TEXT, min_size=1, max_size=3), names=st.lists(TEXT, max_size=3)
)
def test_a_page_reads_back_as_it_was_written(title, paragraphs, names):
    """dumps then loads is the identity on the contract's values (text as one line each),
    and no text of the front matter has a character HTML would read as markup."""
    title = " ".join(title.split()) or "T"
    paragraphs = tuple(" ".join(p.split()) for p in paragraphs if p.split()) or ("x",)
    first = paragraphs[0]
    people = tuple(
        Named(" ".join(n.split()), (Position(1, 0, len(first)),))
        for n in dict.fromkeys(names)
        if n.split()
    )
    people = tuple({n.name: n for n in people}.values())
    page = ArticlePage(
        title,
        paragraphs,
        summary=first,
        people=people,
        provenance=Provenance(
            "source_texts/<x>.txt", "0" * 64, stripped=("<b>",), generator="test"
        ),
    )
    text = dumps(page)
    front = text.split("\n---\n", 1)[0]
    assert "<" not in front and ">" not in front
    assert loads(text, "x.md") == page


@STABLE
@given(text=TEXT, cuts=st.lists(st.integers(0, 60), max_size=6))
def test_linking_mentions_keeps_the_paragraphs_text(text, cuts):
    """Whatever the positions, the linked paragraph shows exactly the paragraph's text."""
    from build_tools.archive.article import linked_text
    from build_tools.archive.index import EntityRef
    from build_tools.archive.urls import Links
    from tests.pages import article

    bounds = sorted({min(c, len(text)) for c in cuts})
    mentions = [
        (Position(1, a, b), EntityRef("person", f"N{a}"))
        for a, b in zip(bounds, bounds[1:], strict=False)
        if a < b
    ]
    html_text = linked_text(text, mentions, article("articles/a.md", "T"), Links())
    assert html.unescape(re.sub(r"<a [^<>]*>|</a>", "", html_text)) == text
    assert "<" not in re.sub(r"<a [^<>]*>|</a>", "", html_text)  # no other tag
