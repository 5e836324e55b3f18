"""The driver on disk: determinism, the cache, removals, slugs. A blank pipeline, no model."""

from __future__ import annotations

import shutil
from pathlib import Path

from build_tools.convert.run import convert
from build_tools.page import loads


def pages(docs: Path) -> dict[str, bytes]:
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}


def run(project: Path, nlp):
    return convert(project / "source_texts", project / "docs", nlp=nlp, progress=False)


def test_convert_twice_changes_nothing_and_skips_unchanged(project, blank_nlp):
    report = run(project, blank_nlp)
    assert report.converted == ["000_a49fabdc9f5aaa25.txt"] and not report.failed
    first = pages(project / "docs")
    assert list(first) == ["articles/undated/second-trump-kim-summit-planned-for-late-february.md"]
    report = run(project, blank_nlp)
    assert report.unchanged == ["000_a49fabdc9f5aaa25.txt"] and not report.converted
    assert pages(project / "docs") == first
    # Without the cache, the manifest is rebuilt from the pages and the bytes stay the same.
    shutil.rmtree(project / ".newsdocs-cache")
    report = run(project, blank_nlp)
    assert report.unchanged and pages(project / "docs") == first


def test_front_matter_fields(project, blank_nlp):
    sources = project / "source_texts"
    text = (sources / "000_a49fabdc9f5aaa25.txt").read_text(encoding="utf-8")
    (sources / "dated.txt").write_text(
        "---\ndate: 2019-01-19\nurl: https://www.voanews.com/a/x\n---\n" + text, encoding="utf-8"
    )
    run(project, blank_nlp)
    page = project / "docs/articles/2019/second-trump-kim-summit-planned-for-late-february.md"
    meta = loads(page.read_text(encoding="utf-8"), str(page))
    assert meta.title == "Second Trump-Kim Summit Planned for Late February"
    assert str(meta.date) == "2019-01-19"
    assert meta.source == "VOA News"
    assert meta.url == "https://www.voanews.com/a/x"
    people = [named.name for named in meta.people]
    assert "Donald Trump" in people and "Kim" not in people
    assert meta.places[0].name == "United States"
    # Every mention where the page says: the text there is the name or one of its forms.
    assert meta.text_of(meta.people[0].at[0]) in {"Donald Trump", "Trump"}
    assert ("2019-01-18", "Friday") in [(d.value, d.text) for d in meta.dates]
    assert meta.summary.startswith("U.S. President Donald Trump said Saturday")
    assert meta.provenance.source_file == "source_texts/dated.txt"
    assert len(meta.provenance.sha256) == 64
    assert meta.provenance.stripped == ("– – –", "VOA News", "Related posts", "Comments")


def test_deleted_source_removes_its_page_and_hand_pages_are_kept(project, blank_nlp):
    hand = project / "docs/articles/about.md"
    hand.parent.mkdir(parents=True)
    hand.write_text("# About\n\nWritten by hand.\n", encoding="utf-8")
    run(project, blank_nlp)
    (project / "source_texts/000_a49fabdc9f5aaa25.txt").unlink()
    report = run(project, blank_nlp)
    assert report.removed == ["000_a49fabdc9f5aaa25.txt"]
    assert pages(project / "docs") == {"articles/about.md": b"# About\n\nWritten by hand.\n"}


def test_same_titles_get_distinct_stable_slugs_and_renames_move_pages(project, blank_nlp):
    sources = project / "source_texts"
    for name in ("b.txt", "c.txt"):
        (sources / name).write_text("Same Title\n\nSome text.\n", encoding="utf-8")
    run(project, blank_nlp)
    before = {p for p in pages(project / "docs") if "same-title" in p}
    assert len(before) == 2 and "articles/undated/same-title.md" in before
    # A newcomer with the same title, sorting first, does not take an existing slug.
    (sources / "a.txt").write_text("Same Title\n\nOther text.\n", encoding="utf-8")
    run(project, blank_nlp)
    after = {p for p in pages(project / "docs") if "same-title" in p}
    assert before < after and len(after) == 3
    # A renamed source moves its page; the old one is removed.
    (sources / "c.txt").rename(sources / "d.txt")
    run(project, blank_nlp)
    moved = {p for p in pages(project / "docs") if "same-title" in p}
    assert len(moved) == 3 and moved != after


def test_a_bad_file_fails_alone_and_keeps_its_page(project, blank_nlp):
    sources = project / "source_texts"
    (sources / "ok.txt").write_text("Fine Title\n\nText.\n", encoding="utf-8")
    run(project, blank_nlp)
    page = project / "docs/articles/undated/fine-title.md"
    old = page.read_bytes()
    (sources / "ok.txt").write_text("---\ndate: [\n---\nFine Title\n\nNew.\n", encoding="utf-8")
    (sources / "new.txt").write_text("New Title\n\nText.\n", encoding="utf-8")
    report = run(project, blank_nlp)
    assert [e.path for e in report.failed] == ["source_texts/ok.txt"]
    assert "not valid YAML" in str(report.failed[0])
    assert report.converted == ["new.txt"]
    assert page.read_bytes() == old


def test_the_summary_counts_errors_in_words():
    from build_tools.convert.run import Report
    from build_tools.errors import SourceError

    one = SourceError("a.txt", "a drop matches no name")
    assert Report().summary() == "0 converted, 0 unchanged, 0 removed, 0 failed"
    assert Report(errors=[one]).summary().endswith("0 failed, 1 error")
    assert Report(errors=[one, one]).summary().endswith("0 failed, 2 errors")
