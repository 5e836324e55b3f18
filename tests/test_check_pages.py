"""Hand edits last or are refused; `newsdocs pages --check` sees drift and changes nothing;
a header `drop` that matches no name is an error."""

from __future__ import annotations

from build_tools.convert.run import check_pages, convert
from build_tools.page import dumps, hand_edited, loads


def _pages(project):
    return sorted((project / "docs" / "articles").rglob("*.md"))


def _convert(project, nlp, **options):
    return convert(project / "source_texts", project / "docs", progress=False, nlp=nlp,
                   **options)  # fmt: skip


def test_a_page_records_the_hash_of_what_was_written(project, blank_nlp):
    _convert(project, blank_nlp)
    [page] = _pages(project)
    text = page.read_text(encoding="utf-8")
    assert hand_edited(text) is False
    assert hand_edited(text.replace("Pompeo", "Pompeio", 1)) is True
    assert dumps(loads(text, "x")) == text  # read and written again: the same bytes


def test_a_hand_edit_is_kept_reported_with_its_lines_and_forced_away(project, blank_nlp):
    _convert(project, blank_nlp)
    [page] = _pages(project)
    written = page.read_text(encoding="utf-8")
    edited = written.replace("\n  Mike Pompeo:", "\n  Mike Pompeio:", 1)
    assert edited != written
    page.write_text(edited, encoding="utf-8")
    problems = check_pages(project / "source_texts", project / "docs", nlp=blank_nlp)
    assert page.read_text(encoding="utf-8") == edited  # --check changes nothing
    [problem] = problems
    assert "was edited by hand and is kept" in problem and "Mike Pompeio" in problem
    assert "make pages FORCE=1" in problem and "source_texts/" in problem
    report = _convert(project, blank_nlp)  # make pages: kept, and said so
    assert page.read_text(encoding="utf-8") == edited
    assert [e.path for e in report.errors] == [f"docs/{page.relative_to(project / 'docs')}"]
    report = _convert(project, blank_nlp, force=True)
    assert page.read_text(encoding="utf-8") == written and not report.errors
    assert check_pages(project / "source_texts", project / "docs", nlp=blank_nlp) == []


def test_check_names_missing_stale_and_orphan_pages(project, blank_nlp):
    sources = project / "source_texts"
    assert check_pages(sources, project / "docs", nlp=blank_nlp)[0].endswith(
        "is missing (a new or renamed source); run `make pages` and commit the new page"
    )
    _convert(project, blank_nlp)
    assert check_pages(sources, project / "docs", nlp=blank_nlp) == []
    [source] = sources.glob("*.txt")
    source.write_text(source.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    [stale] = check_pages(sources, project / "docs", nlp=blank_nlp)
    assert "is out of date" in stale
    source.unlink()
    [orphan] = check_pages(sources, project / "docs", nlp=blank_nlp)
    assert "is the page of a deleted source" in orphan
    assert len(_pages(project)) == 1  # nothing removed by the check


def test_a_drop_that_matches_no_name_is_an_error_with_the_nearest(project, blank_nlp):
    [source] = (project / "source_texts").glob("*.txt")
    text = source.read_text(encoding="utf-8")
    source.write_text("---\ndrop: {people: [Mike Pompei], places: [Pyongyang]}\n---\n" + text,
                      encoding="utf-8")  # fmt: skip
    report = _convert(project, blank_nlp)
    [error] = report.errors
    assert "its header's drop matches no name: people: Mike Pompei ~ Mike Pompeo" in str(error)
    assert "Pyongyang" not in str(error)  # that drop matched, and the place is gone
    [page] = _pages(project)
    assert "Pyongyang:" not in page.read_text(encoding="utf-8")
    again = _convert(project, blank_nlp)  # not silenced by the manifest on the next run
    assert len(again.errors) == 1


def test_a_word_changed_late_in_a_long_paragraph_shows_in_the_report():
    """The report cuts the two lines around where they differ: cut at their start, a word
    changed past 80 characters showed as two equal strings (a contributor's report)."""
    from build_tools.convert.run import _where_they_differ

    line = "Mayor Eleanor Vance said the plan would bring new life to the waterfront and that a"
    old, new = _where_they_differ(
        line + " packed chamber agreed.", line + " crowded chamber agreed."
    )
    assert old != new and "packed" in old and "crowded" in new
    assert old.startswith("...") and len(old) <= 86
    assert _where_they_differ("people: Carl", "people: Carlos") == (
        "people: Carl",
        "people: Carlos",
    )
