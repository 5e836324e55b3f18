"""The page contract: one definition, a committed JSON Schema, and broken pages that stop
the build with a message naming the file and the field."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import jsonschema
import pytest
import yaml

from build_tools import front_matter
from build_tools.errors import PageError
from build_tools.page import json_schema, loads
from tests.conftest import ROOT

SCHEMA = ROOT / "schema" / "article-page.schema.json"
SEED_PAGE = next((ROOT / "docs" / "articles").rglob("*.md"))


def as_json(value):
    """Front matter as JSON would hold it (dates as ISO text), for the JSON Schema."""
    return json.loads(json.dumps(value, default=lambda v: v.isoformat()))


def test_the_committed_schema_is_the_one_the_contract_makes():
    assert json.loads(SCHEMA.read_text(encoding="utf-8")) == json_schema(), (
        "schema/article-page.schema.json is stale: run "
        "`.venv/bin/python -m build_tools.page > schema/article-page.schema.json`"
    )


def test_the_schema_validates_every_committed_page_and_refuses_a_wrong_type():
    validator = jsonschema.Draft202012Validator(json_schema())
    pages = sorted((ROOT / "docs" / "articles").rglob("*.md"))
    assert pages
    for page in pages:
        meta, _ = front_matter.NO_CACHE.read(page.read_text(encoding="utf-8"))
        validator.validate(as_json(meta))
    meta["people"] = ["Donald Trump"]
    assert not validator.is_valid(as_json(meta))


BROKEN = {
    "people as a list": (
        lambda text: text.replace("people:\n  Donald Trump:", "people:\n- Donald Trump\n- x:"),
        "people is a list, not a mapping of names",
    ),
    "a merge conflict": (
        lambda text: text.replace("summary:", "<<<<<<< HEAD\nsummary:", 1).replace(
            "geo:", "=======\nsummary: <script>alert(1)</script>\n>>>>>>> b\ngeo:", 1
        ),
        "front matter is not valid YAML",
    ),
    "an impossible date": (
        lambda text: text.replace("source: VOA News", "date: 2019-02-30\nsource: VOA News"),
        "front matter cannot be read",
    ),
    "an unknown field": (
        lambda text: text.replace("source: VOA News", "sauce: VOA News"),
        "sauce is not a field of an article page",
    ),
    "a position outside the text": (
        lambda text: text.replace("Mike Pompeo: 9:116-127", "Mike Pompeo: 9:116-99999"),
        "people.Mike Pompeo has a position '9:116-99999' outside the text",
    ),
    "a date value that is none": (
        lambda text: text.replace("value: XXXX-06", "value: June"),
        "dates[6].value 'June' is not a TIMEX3 date value",
    ),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_page_that_breaks_the_contract_is_an_error_naming_the_field(case):
    change, message = BROKEN[case]
    text = change(SEED_PAGE.read_text(encoding="utf-8"))
    with pytest.raises(PageError) as error:
        loads(text, "docs/articles/x.md")
    assert str(error.value).startswith(f"docs/articles/x.md: {message}"), str(error.value)
    assert error.value.hint


@pytest.mark.parametrize("case", ["a merge conflict", "people as a list"])
def test_mkdocs_build_fails_on_a_broken_article_page(tmp_path, case):
    shutil.copytree(ROOT / "docs", tmp_path / "docs")
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    shutil.copy(ROOT / "entities.yml", tmp_path / "entities.yml")
    page = tmp_path / "docs" / SEED_PAGE.relative_to(ROOT / "docs")
    change, message = BROKEN[case]
    page.write_text(change(page.read_text(encoding="utf-8")), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"],
        cwd=tmp_path, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode != 0
    assert f"docs/{page.relative_to(tmp_path / 'docs').as_posix()}: {message}" in done.stderr
    assert not (tmp_path / "site" / "articles").exists() or not any(
        "<script>alert(1)" in p.read_text() for p in (tmp_path / "site").rglob("*.html")
    )


def test_a_page_reads_back_the_same_and_its_text_is_escaped():
    text = SEED_PAGE.read_text(encoding="utf-8")
    page = loads(text, "x.md")
    assert page.text_of(page.people[0].at[0]) == "Donald Trump"
    meta = yaml.safe_load(text.split("---\n")[1])
    assert meta["title"] == page.title  # nothing to escape in this one
