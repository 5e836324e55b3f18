"""Tests for tools.evaluate (pure Python, no spaCy)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tools.evaluate import (
    Score,
    conll_char_spans,
    fold,
    format_table,
    load_jsonl,
    score_documents,
    score_mentions,
    score_timexes,
)

EVAL_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "eval"


# ---------------------------------------------------------------------- Score


def test_score_zero_counts_give_zero_not_error() -> None:
    empty = Score()
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)


def test_score_only_fp_or_only_fn() -> None:
    assert Score(fp=3).precision == 0.0
    assert Score(fp=3).recall == 0.0
    assert Score(fn=2).recall == 0.0
    assert Score(fn=2).f1 == 0.0


def test_score_values() -> None:
    score = Score(tp=3, fp=1, fn=2)
    assert score.precision == pytest.approx(0.75)
    assert score.recall == pytest.approx(0.6)
    assert score.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))
    assert Score(tp=5).f1 == 1.0


def test_score_addition_and_sum() -> None:
    total = Score(1, 2, 3) + Score(10, 20, 30)
    assert total == Score(11, 22, 33)
    assert sum([Score(1, 0, 0), Score(0, 1, 0), Score(0, 0, 1)]) == Score(1, 1, 1)
    with pytest.raises(TypeError):
        Score() + 1  # noqa: B018


def test_score_is_frozen_and_rejects_negative() -> None:
    score = Score(1, 1, 1)
    with pytest.raises(AttributeError):
        score.tp = 2  # type: ignore[misc]
    with pytest.raises(ValueError):
        Score(tp=-1)


# -------------------------------------------------------------------- folding


@pytest.mark.parametrize(
    ("left", "right"),
    [
        ("U.S.", "US"),
        ("u.s.", "US"),
        ("The New York Times", "new york times"),
        ("São Paulo", "Sao Paulo"),
        ("Dar-es-Salaam", "Dar es Salaam"),
        ("O’Brien", "O'Brien"),
        ("  Buffalo,   N.Y. ", "buffalo ny"),
        ("``Che''", "Che"),
        ("STRASSE", "straße"),
    ],
)
def test_fold_equal(left: str, right: str) -> None:
    assert fold(left) == fold(right)


def test_fold_exact_output() -> None:
    assert fold("The U.S. Embassy") == "us embassy"
    assert fold("Théâtre  du\tSoleil") == "theatre du soleil"


def test_fold_keeps_distinctions() -> None:
    assert fold("Kenya") != fold("Kenyan")
    # only a leading "the " is dropped, not "the" inside or a word starting with it
    assert fold("Theodore Roosevelt") == "theodore roosevelt"
    assert fold("Bank of the West") == "bank of the west"


# ----------------------------------------------------------- score_documents


def _news_gold() -> dict:
    return {
        "id": "d1",
        "people": [
            {"name": "Charles Schumer", "aliases": ["Chuck Schumer", "Schumer"]},
            {"name": "P.J. Crowley", "aliases": []},
        ],
        "places": [
            {"name": "United States", "aliases": ["U.S."]},
            {"name": "Nairobi", "aliases": ["NAIROBI"]},
        ],
        "organizations": [{"name": "New York Times", "aliases": []}],
    }


def test_documents_alias_and_folded_matches() -> None:
    predicted = {
        "id": "d1",
        "people": ["Schumer", "PJ Crowley"],
        "places": ["US", "nairobi"],
        "organizations": ["The New York Times"],
    }
    scores = score_documents([_news_gold()], [predicted])
    assert scores == {
        "people": Score(2, 0, 0),
        "places": Score(2, 0, 0),
        "organizations": Score(1, 0, 0),
    }


def test_documents_second_name_for_same_entity_is_fp() -> None:
    predicted = {
        "id": "d1",
        "people": ["Charles Schumer", "Chuck Schumer"],
        "places": ["United States", "U.S.", "United States", "Mombasa"],
        "organizations": [],
    }
    scores = score_documents([_news_gold()], [predicted])
    assert scores["people"] == Score(tp=1, fp=1, fn=1)  # Crowley missed
    assert scores["places"] == Score(tp=1, fp=3, fn=1)  # Nairobi missed
    assert scores["organizations"] == Score(tp=0, fp=0, fn=1)


def test_documents_ambiguous_name_uses_best_assignment() -> None:
    gold = {
        "id": "d",
        "people": [
            {"name": "Elian Gonzalez", "aliases": ["Gonzalez"]},
            {"name": "Juan Miguel Gonzalez", "aliases": ["Gonzalez"]},
        ],
    }
    # "Gonzalez" fits both; the full name fits only the first -> both can be matched.
    predicted = {"id": "d", "people": ["Gonzalez", "Elian Gonzalez"]}
    assert score_documents([gold], [predicted])["people"] == Score(2, 0, 0)


def test_documents_missing_prediction_and_extra_ids() -> None:
    gold = [_news_gold(), {"id": "d2", "people": [{"name": "Clinton", "aliases": []}]}]
    predicted = [{"id": "d2", "people": ["Clinton"]}, {"id": "unknown", "people": ["X"]}]
    scores = score_documents(gold, predicted)
    assert scores["people"] == Score(tp=1, fp=0, fn=2)
    assert scores["places"] == Score(tp=0, fp=0, fn=2)


def test_documents_duplicate_predicted_id_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate"):
        score_documents([_news_gold()], [{"id": "d1"}, {"id": "d1"}])


# -------------------------------------------------------------- CoNLL spans


def _conll_record() -> dict:
    return {
        "id": "c1",
        "text": "EU rejects German call .\nPeter Blackburn in Brussels",
        "entities": [
            {"text": "EU", "label": "ORG", "sent": 0, "start_tok": 0, "end_tok": 1},
            {"text": "German", "label": "MISC", "sent": 0, "start_tok": 2, "end_tok": 3},
            {"text": "Peter Blackburn", "label": "PER", "sent": 1, "start_tok": 0, "end_tok": 2},
            {"text": "Brussels", "label": "LOC", "sent": 1, "start_tok": 3, "end_tok": 4},
        ],
    }


def test_conll_char_spans_two_sentences() -> None:
    record = _conll_record()
    spans = conll_char_spans(record)
    assert spans == [(0, 2, "ORG"), (11, 17, "MISC"), (25, 40, "PER"), (44, 52, "LOC")]
    assert [record["text"][s:e] for s, e, _ in spans] == [
        "EU",
        "German",
        "Peter Blackburn",
        "Brussels",
    ]


def test_conll_char_spans_detects_inconsistent_entity_text() -> None:
    record = _conll_record()
    record["entities"][0] = {"text": "EX", "label": "ORG", "sent": 0, "start_tok": 0, "end_tok": 1}
    with pytest.raises(ValueError):
        conll_char_spans(record)


@pytest.mark.corpus
def test_conll_char_spans_real_first_record() -> None:
    path = EVAL_DIR / "conll2003-dev.jsonl"
    if not path.is_file():
        pytest.skip(f"evaluation data not found at {path}")
    with path.open(encoding="utf-8") as handle:
        record = json.loads(handle.readline())
    spans = conll_char_spans(record)
    assert record["id"] == "conll2003-dev-001"
    assert len(spans) == len(record["entities"]) == 49
    # LEICESTERSHIRE (headline, token 2), LONDON (dateline), West Indian, Phil Simmons
    assert spans[:4] == [(10, 24, "ORG"), (66, 72, "LOC"), (84, 95, "MISC"), (108, 120, "PER")]
    for (start, end, label), entity in zip(spans, record["entities"], strict=True):
        assert record["text"][start:end] == entity["text"]
        assert label == entity["label"]


# ----------------------------------------------------------- score_mentions


def test_mentions_exact_span_and_type() -> None:
    predicted = {
        "id": "c1",
        "mentions": [
            {"start": 0, "end": 2, "kind": "organization", "name": "EU"},  # tp ORG
            {"start": 11, "end": 17, "kind": "place", "name": "German"},  # MISC span: ignored
            {"start": 25, "end": 30, "kind": "person", "name": "Peter"},  # partial: fp PER
            {"start": 44, "end": 52, "kind": "organization", "name": "Brussels"},  # wrong type
            {"start": 0, "end": 2, "kind": "organization", "name": "EU"},  # repeat: fp ORG
        ],
    }
    scores = score_mentions([_conll_record()], [predicted])
    assert scores == {
        "PER": Score(tp=0, fp=1, fn=1),
        "LOC": Score(tp=0, fp=0, fn=1),
        "ORG": Score(tp=1, fp=2, fn=0),
    }


def test_mentions_partial_overlap_with_misc_is_fp() -> None:
    predicted = {"id": "c1", "mentions": [{"start": 11, "end": 22, "kind": "place", "name": "x"}]}
    assert score_mentions([_conll_record()], [predicted])["LOC"] == Score(tp=0, fp=1, fn=1)


def test_mentions_unknown_kind_rejected() -> None:
    predicted = {"id": "c1", "mentions": [{"start": 0, "end": 2, "kind": "misc", "name": "EU"}]}
    with pytest.raises(ValueError, match="kind"):
        score_mentions([_conll_record()], [predicted])


# ----------------------------------------------------------- score_timexes


def _timex_gold() -> dict:
    text = "On Friday, August 7, 1998 at 10:35 a.m. for three days, last year."
    timexes = []
    for surface, kind, value in [
        ("Friday, August 7, 1998", "DATE", "1998-08-07"),
        ("10:35 a.m.", "TIME", "1998-08-07T10:35"),
        ("three days", "DURATION", "P3D"),
        ("last year", "DATE", "1997"),
    ]:
        start = text.index(surface)
        timexes.append(
            {
                "text": surface,
                "type": kind,
                "value": value,
                "start_char": start,
                "end_char": start + len(surface),
            }
        )
    return {"id": "t1", "dct": "1998-08-08", "text": text, "timexes": timexes}


def _date(text: str, surface: str, value: str) -> dict:
    start = text.index(surface)
    return {"start": start, "end": start + len(surface), "text": surface, "value": value}


def test_timexes_strict_relaxed_value() -> None:
    gold = _timex_gold()
    text = gold["text"]
    predicted = {
        "id": "t1",
        "dates": [
            _date(text, "Friday", "1998-08-07"),  # partial extent, right value
            _date(text, "last year", "1998"),  # exact extent, wrong value
            _date(text, "10:35 a.m.", "1998-08-07"),  # overlaps TIME gold: not fp
            _date(text, "three", "XXXX"),  # overlaps DURATION gold: not fp
        ],
    }
    scores = score_timexes([gold], [predicted])
    assert scores["strict"] == Score(tp=1, fp=1, fn=1)
    assert scores["relaxed"] == Score(tp=2, fp=0, fn=0)
    assert scores["value"] == Score(tp=1, fp=1, fn=1)


def test_timexes_each_gold_matches_one_prediction() -> None:
    gold = _timex_gold()
    text = gold["text"]
    predicted = {
        "id": "t1",
        "dates": [
            _date(text, "Friday", "1998-08-07"),
            _date(text, "August 7, 1998", "1998-08-07"),  # larger overlap wins
            _date(text, "On", "1998"),  # no overlap with anything: fp
        ],
    }
    scores = score_timexes([gold], [predicted])
    assert scores["relaxed"] == Score(tp=1, fp=2, fn=1)
    assert scores["strict"] == Score(tp=0, fp=3, fn=2)
    assert scores["value"] == Score(tp=1, fp=2, fn=1)


def test_timexes_no_prediction_record() -> None:
    scores = score_timexes([_timex_gold()], [])
    assert all(score == Score(tp=0, fp=0, fn=2) for score in scores.values())


# ---------------------------------------------------------------- I/O, table


def test_load_jsonl_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "x.jsonl"
    path.write_text('{"id": "a", "name": "Zürich"}\n\n{"id": "b"}\n', encoding="utf-8")
    assert load_jsonl(path) == [{"id": "a", "name": "Zürich"}, {"id": "b"}]


def test_format_table() -> None:
    table = format_table("NER", {"PER": Score(3, 1, 2), "LOC": Score()})
    lines = table.splitlines()
    assert lines[0] == "NER"
    per = lines[3].split()
    assert per == ["PER", "0.750", "0.600", "0.667", "3", "1", "2"]
    assert lines[4].split() == ["LOC", "0.000", "0.000", "0.000", "0", "0", "0"]


# ------------------------------------------------ entity pages labelled from gold NER


def _gold_article(uri: str, source: str, body: str, **names):
    import dataclasses

    from build_tools.page import Provenance
    from tests.pages import article

    info = article(uri, "T", body, "1996-08-30", **names)
    page = dataclasses.replace(info.page, provenance=Provenance(source, "0" * 64))
    return type(info)(uri, page)


def test_gold_labels_read_each_page_from_its_articles_gold_entities() -> None:
    from build_tools.archive.index import EntityIndex
    from tools.entity_pages import gold_labels

    body = (
        "Jordan beat Syria at Old Trafford in the Premier League. Deportivo Coruna won. "
        "Al Unser Jr raced."
    )
    info = _gold_article(
        "articles/1996/a.md", "source_texts/doc-1.txt", body,
        places=["Jordan"], organizations=["Old Trafford", "Premier"],
        people=["Deportivo Coruna", "Al Unser Jr"],
    )  # fmt: skip
    other = _gold_article(
        "articles/1996/b.md", "source_texts/doc-2.txt", "Schedule : Jordan .",
        organizations=["Schedule"], places=["Jordan"],
    )  # fmt: skip
    gold = {
        "doc-1": {"entities": [
            {"text": "Jordan", "label": "LOC"}, {"text": "Syria", "label": "LOC"},
            {"text": "Old Trafford", "label": "LOC"},
            {"text": "Premier League", "label": "MISC"},
            {"text": "Deportivo Coruna", "label": "ORG"}, {"text": "Al Unser", "label": "PER"},
        ]},
        "doc-2": {"entities": [{"text": "Jordan", "label": "LOC"}]},
    }  # fmt: skip
    labels = gold_labels(EntityIndex([info, other]), gold)
    assert labels == {
        "place:Jordan": "ok",
        "organization:Old Trafford": "wrong-kind:place",
        "organization:Premier": "bad-name",  # a piece of a gold name
        "person:Deportivo Coruna": "wrong-kind:organization",
        "person:Al Unser Jr": "bad-name",  # a gold name and more
        "organization:Schedule": "not-entity",  # no gold name at all
    }


def test_conll_sources_keep_the_headline_first_and_the_dateline_date(tmp_path: Path) -> None:
    from tools.entity_pages import write_conll_sources

    gold = tmp_path / "gold.jsonl"
    text = "SOCCER - A BEAT B .\nBUCHAREST 1996-08-31\nA beat B 2-1 ."
    gold.write_text(json.dumps({"id": "c-1", "text": text, "entities": []}) + "\n")
    records = write_conll_sources(gold, tmp_path / "src")
    written = (tmp_path / "src" / "c-1.txt").read_text(encoding="utf-8")
    assert list(records) == ["c-1"]
    header = "---\ndate: 1996-08-31\nsource: Reuters\n---\n"
    assert written.startswith(header + "SOCCER - A BEAT B .\n\nBUCHAREST 1996-08-31\n\n")


def test_the_review_queue_figures_count_the_truly_wrong_entries_it_ranks_first() -> None:
    """``make eval`` reports how many of ``newsdocs review``'s first entries are truly
    wrong pages, in all and in each half's own first entries, against the archive's
    wrong pages (those the queue does not list too)."""
    from build_tools.archive.index import EntityIndex
    from tests.pages import article
    from tools.entity_pages import pages_of, queue_figures

    body = "Lib Dem and Lib Dems met Gordon Brown at DRM. Sony said so. Lib Dems said no."
    names = {"organizations": ["Lib Dem", "Lib Dems", "DRM", "Sony"], "people": ["Gordon Brown"]}
    index = EntityIndex([article(f"articles/{n}.md", "T", body, **names) for n in range(2)])
    index.min_articles = 2
    # The queue ranks Lib Dem (a near-duplicate), then DRM and Sony (one doubt each);
    # Lib Dems, a third wrong page, raises no doubt (written as a body speaks).
    labels = {
        "organization:Lib Dem": "dup:organization:Lib Dems",
        "organization:Lib Dems": "bad-name:Liberal Democrats",
        "organization:DRM": "not-entity",
        "organization:Sony": "ok",
        "person:Gordon Brown": "ok",
    }
    figures = queue_figures(index, pages_of(index), labels, first=1)
    assert figures["entries"] == 3
    assert (figures["wrong_listed"], figures["wrong_pages"]) == (2, 3)
    assert (figures["first_n"], figures["first_10"]) == (1, 2)
    halves = {"Lib Dem": "A", "Lib Dems": "A", "DRM": "A", "Sony": "B", "Gordon Brown": "B"}
    assert halves == {page.name: page.half for page in pages_of(index)}
    # Half A's first entry (Lib Dem) is wrong, of its three wrong pages; half B's (Sony)
    # is right, and it has none.
    assert (figures["first_n_A"], figures["wrong_pages_A"]) == (1, 3)
    assert (figures["first_n_B"], figures["wrong_pages_B"]) == (0, 0)


def test_tempeval_sources_take_the_id_as_title_and_the_document_date(tmp_path: Path) -> None:
    from build_tools.convert.read import read_source
    from tools.entity_pages import TEMPEVAL_LABELS, write_tempeval_sources

    gold = tmp_path / "gold.jsonl"
    text = "NAIROBI, Kenya (AP) _\n\nBombs exploded Friday, witnesses said."
    record = {"id": "APW19980807.0261", "dct": "1998-08-07", "text": text, "timexes": []}
    gold.write_text(json.dumps(record) + "\n")
    assert write_tempeval_sources(gold, tmp_path / "src") == 1
    source = read_source(tmp_path / "src" / "APW19980807.0261.txt", tmp_path / "src")
    assert source.header == {
        "title": "APW19980807.0261", "date": dt.date(1998, 8, 7), "source": "APW",
    }  # fmt: skip
    assert source.text.startswith("NAIROBI, Kenya (AP) _\n\nBombs exploded Friday")
    # The labels hold a label of the five forms and a short reason, nothing more.
    labels = json.loads(TEMPEVAL_LABELS.read_text("utf-8"))
    forms = ("ok", "not-entity", "wrong-kind:", "dup:", "bad-name:")
    assert labels and all(value["label"].startswith(forms) for value in labels.values())
    assert all(set(value) <= {"label", "why"} for value in labels.values())
