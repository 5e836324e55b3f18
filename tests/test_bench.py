"""The benchmark's pure helpers: the corpus multiplier, page rewriting, payloads, the table."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from build_tools.model import slugify
from build_tools.page import ArticlePage, Named, Position, Provenance, dumps, hand_edited, loads
from tools.bench import (
    FIRST_DATE,
    LAST_DATE,
    CorpusArticle,
    format_table,
    human_bytes,
    multiply,
    parse_summary,
    ratio,
    rewrite_page,
    search_payload,
)

CORPUS = [
    CorpusArticle("business/001.txt", "Shares rise", "\nMarkets rose.\n"),
    CorpusArticle("sport/001.txt", "Cup final", "\nA goal.\n"),
    CorpusArticle("sport/002.txt", "Cup final", "\nThe same headline, another story.\n"),
    CorpusArticle("tech/001.txt", "New phones", "\nPhones.\n"),
]


def test_multiply_gives_distinct_titles_slugs_and_paths():
    sources = multiply(CORPUS, 50)
    assert len(sources) == 50
    assert len({s.title for s in sources}) == 50
    assert len({slugify(s.title) for s in sources}) == 50
    assert len({s.path for s in sources}) == 50
    # the duplicated headline is told apart even in the first round
    assert sum(s.title.startswith("Cup final") for s in sources[:4]) == 2
    assert "Cup final (part 2)" in {s.title for s in sources[:4]}


def test_multiply_cycles_over_the_corpus_with_part_numbers():
    sources = multiply(CORPUS, 12)
    assert [s.base for s in sources[4:8]] == [s.base for s in sources[:4]]
    assert all("(part " in s.title for s in sources[4:])
    assert sources[0].path.split("/")[0] == CORPUS[sources[0].base].name.split("/")[0]


def test_multiply_is_deterministic_and_prefix_stable():
    assert multiply(CORPUS, 10) == multiply(CORPUS, 10)
    assert multiply(CORPUS, 20)[:10] == multiply(CORPUS, 10)
    assert multiply(CORPUS, 10, seed=1) != multiply(CORPUS, 10, seed=2)


def test_multiply_spreads_dates_over_several_years():
    sources = multiply(CORPUS, 400)
    dates = [s.publication_date for s in sources]
    assert all(FIRST_DATE <= date <= LAST_DATE for date in dates)
    assert len({date.year for date in dates}) >= 5


def test_multiply_with_fewer_distinct_articles():
    sources = multiply(CORPUS, 9, distinct=2)
    assert len({s.base for s in sources}) == 2
    assert [s.base for s in sources[2:4]] == [s.base for s in sources[:2]]


def test_multiply_refuses_an_empty_corpus():
    with pytest.raises(ValueError):
        multiply([], 3)


def test_source_text_has_a_header_with_the_date():
    source = multiply(CORPUS, 1)[0]
    text = source.text(CORPUS)
    assert text.startswith(f"---\ndate: {source.publication_date.isoformat()}\n")
    assert f"---\n{source.title}\n" in text
    assert text.endswith(CORPUS[source.base].rest)


TEMPLATE = dumps(
    ArticlePage(
        "Cup final: a goal",
        ("Jane Doe scored a goal.",),
        date=dt.date(2016, 5, 1),
        people=(Named("Jane Doe", (Position(1, 0, 8),)),),
        provenance=Provenance("source_texts/sport/00001.txt", "a" * 64, generator="newsdocs x"),
    )
)


def test_rewrite_page_changes_title_date_and_provenance_only():
    text = rewrite_page(
        TEMPLATE, "Cup final: a goal (part 3)", dt.date(2021, 2, 3), "source_texts/b.txt", "b" * 64
    )
    page, template = loads(text, "b.md"), loads(TEMPLATE, "a.md")
    assert page.title == "Cup final: a goal (part 3)"
    assert page.date == dt.date(2021, 2, 3)
    assert page.people == template.people and page.paragraphs == template.paragraphs
    assert replace(page.provenance, written="") == Provenance(
        "source_texts/b.txt", "b" * 64, generator="newsdocs x"
    )
    assert hand_edited(text) is False  # its written hash is its own
    assert "\n# Cup final: a goal (part 3)\n\nJane Doe scored a goal.\n" in text


def test_parse_summary_takes_the_last_summary_line():
    output = "converting\nnewsdocs: 3 converted, 0 unchanged, 0 removed, 1 failed\n"
    output += "newsdocs: 0 converted, 4 unchanged, 0 removed, 0 failed\n"
    assert parse_summary(output) == {"converted": 0, "unchanged": 4, "removed": 0, "failed": 0}
    assert parse_summary("nothing") is None


def test_material_search_payload(tmp_path):
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text('{"docs": []}' * 100)
    workers = tmp_path / "assets" / "javascripts" / "workers"
    workers.mkdir(parents=True)
    (workers / "search.1234.min.js").write_text("x" * 50)
    payload = search_payload(tmp_path)
    assert payload is not None and payload.engine == "material"
    assert payload.raw == 1200 + 50
    assert payload.gzip < payload.raw
    assert payload.files == (
        "search/search_index.json",
        "assets/javascripts/workers/search.1234.min.js",
    )


def test_pagefind_payload_takes_the_largest_chunk_and_every_filter(tmp_path):
    bundle = tmp_path / "pagefind"
    for name, size in {
        "pagefind.js": 10, "pagefind-entry.json": 5, "wasm.en.pagefind": 100,
        "pagefind.en_1.pf_meta": 20, "index/en_a.pf_index": 30, "index/en_b.pf_index": 70,
        "filter/en_p.pf_filter": 8, "filter/en_y.pf_filter": 4,
        "fragment/en_1.pf_fragment": 3, "fragment/en_2.pf_fragment": 5,
    }.items():  # fmt: skip
        (bundle / name).parent.mkdir(parents=True, exist_ok=True)
        (bundle / name).write_bytes(b"x" * size)
    payload = search_payload(tmp_path)
    assert payload is not None and payload.engine == "pagefind"
    assert "pagefind/index/en_b.pf_index" in payload.files
    assert "pagefind/index/en_a.pf_index" not in payload.files
    assert payload.raw == 10 + 5 + 100 + 20 + 70 + 8 + 4 + 5 * 4
    second = tmp_path / "pagefind-2"
    sizes = {"pagefind.js": 10, "pagefind-entry.json": 5, "wasm.en.pagefind": 100,
             "index/en_a.pf_index": 40, "fragment/en_1.pf_fragment": 12}  # fmt: skip
    for name, size in sizes.items():
        (second / name).parent.mkdir(parents=True, exist_ok=True)
        (second / name).write_bytes(b"x" * size)
    merged = search_payload(tmp_path)
    assert merged is not None and "pagefind-2/index/en_a.pf_index" in merged.files
    # the second bundle's entry, wasm and chunk; five fragments of the mean of 3, 5 and 12.
    assert merged.raw == 10 + 5 + 100 + 20 + 70 + 8 + 4 + 10 + 5 + 100 + 40 + 5 * 20 // 3


def test_no_search_payload_without_search(tmp_path):
    assert search_payload(tmp_path) is None


def test_format_table_pads_columns():
    table = format_table(["figure", "a"], [["seconds", "1.5 s"], ["pages", "12,000"]])
    assert table.splitlines() == [
        "| figure  | a      |",
        "| ------- | ------ |",
        "| seconds | 1.5 s  |",
        "| pages   | 12,000 |",
    ]


def test_ratio_and_bytes():
    assert ratio(3.0, 2.0) == "1.50×"
    assert ratio(None, 2.0) == ratio(1.0, 0) == ""
    assert human_bytes(999) == "999 B"
    assert human_bytes(1_500_000) == "1.5 MB"
    assert human_bytes(None) == "n/a"


def test_the_faster_run_of_a_build_is_kept_with_every_run_and_the_largest_peak(tmp_path):
    from tools.bench import Step, _best_build

    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text("<p>a</p>", encoding="utf-8")

    def step(seconds: float, peak: int, code: int = 0) -> Step:
        return Step(["mkdocs"], seconds, peak, peak, code)

    best = _best_build(None, step(50.0, 300), site, 10)
    best = _best_build(best, step(40.0, 200), site, 10)
    best = _best_build(best, step(45.0, 100, code=1), site, 10)  # a failed run never wins
    assert best["seconds"] == 40.0 and best["ok"]
    assert best["runs"] == [50.0, 40.0, 45.0]
    assert best["peak_rss"] == 300
    assert best["ms_per_page"] == 40_000.0


def test_the_faster_cold_conversion_is_kept_with_every_run_and_a_failure_stops_it():
    from tools.bench import Step, _best_conversion

    def step(seconds: float, peak: int, code: int = 0) -> Step:
        return Step(["newsdocs", "pages"], seconds, peak, peak, code, group_rss=peak)

    best = _best_conversion(None, step(64.0, 700), 1485)
    best = _best_conversion(best, step(58.0, 650), 1485)
    assert best["seconds"] == 58.0 and best["runs"] == [64.0, 58.0]
    assert best["articles_per_second"] == 1485 / 58.0 and best["peak_rss"] == 700
    assert best["max_process_rss"] == best["group_rss"] == 700  # each the largest of the runs
    slower = _best_conversion(best, step(70.0, 600), 1485)
    assert slower["seconds"] == 58.0 and slower["runs"] == [64.0, 58.0, 70.0]
    failed = _best_conversion(best, step(5.0, 100, code=1), 1485)  # the failure is shown
    assert not failed["ok"] and failed["articles_per_second"] is None
