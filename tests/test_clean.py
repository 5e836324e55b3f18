from __future__ import annotations

from pathlib import Path

import pytest

from build_tools.convert.clean import clean, join_paragraphs, mend, split_trailer
from build_tools.convert.read import read_source
from build_tools.errors import SourceError
from build_tools.model import Source
from tests.conftest import SEED


def source(text: str, header: dict | None = None) -> Source:
    return Source(path="x.txt", text=text, sha256="0", header=header or {})


def test_seed_title_source_paragraphs_and_trailer():
    article = clean(read_source(SEED, SEED.parent))
    assert article.title == "Second Trump-Kim Summit Planned for Late February"
    assert article.source_name == "VOA News"
    assert len(article.paragraphs) == 12
    assert article.trailer == ("– – –", "VOA News", "Related posts", "Comments")
    body = "\n".join(article.paragraphs)
    for cruft in ("Related posts", "Comments", "VOA News", "– – –", "\u00a0"):
        assert cruft not in body
    assert "demands for a lifting of punishing sanctions" in body
    assert "said of the talks.” We’ve agreed" in body
    assert "“incredible”" in body  # typographic quotes kept


def test_trailer_source_line_only_after_the_body_ends():
    lines = ["First paragraph.", "", "Reuters", "", "Last paragraph.", "", "– – –", "AP", "Share"]
    body, stripped, signed = split_trailer(lines)
    assert body[-1] == "Last paragraph."
    assert stripped == ["– – –", "AP", "Share"]
    assert signed == "AP"


def test_a_short_last_paragraph_is_not_taken_for_a_source():
    body, stripped, signed = split_trailer(["He said no.", "", "The End of an Era"])
    assert signed is None and stripped == []
    assert body[-1] == "The End of an Era"


def test_broken_lines_are_joined_and_one_paragraph_per_line_is_kept():
    assert join_paragraphs(["demands for a", "lifting of sanctions."]) == [
        "demands for a lifting of sanctions."
    ]
    assert join_paragraphs(["One sentence.", "Another paragraph.", "", "Third."]) == [
        "One sentence.",
        "Another paragraph.",
        "Third.",
    ]
    assert join_paragraphs(["It ended.", "and then it went on."]) == [
        "It ended. and then it went on."
    ]
    # A results list, one result a line, is no broken line; a line before it still joins.
    assert join_paragraphs(["The results of", "Saturday", "Montrose 2 Ross County 1",
                            "Falkirk 1 Dundee 1", "Hull 2-1 Crystal Palace",
                            "Derby 1-0 Preston", "Reading play on Tuesday."]) == [
        "The results of Saturday", "Montrose 2 Ross County 1", "Falkirk 1 Dundee 1",
        "Hull 2-1 Crystal Palace", "Derby 1-0 Preston", "Reading play on Tuesday.",
    ]  # fmt: skip


def test_missing_space_after_closing_quote_is_mended():
    assert mend("the talks.”We’ve agreed") == "the talks.” We’ve agreed"
    assert mend("an “incredible” meeting") == "an “incredible” meeting"


def test_an_ampersand_that_lost_its_reference_is_mended():
    """TempEval's wire texts write "&amp;" as "amp": "Standard amp Poor's" is Standard &
    Poor's; the word "amp" is left alone."""
    assert mend("retained Donaldson, Lufkin amp Jenrette Securities Inc. and Standard amp"
                " Poor's Corp.") == ("retained Donaldson, Lufkin & Jenrette Securities Inc."
                                     " and Standard & Poor's Corp.")  # fmt: skip
    assert mend("a Marshall amp and an Amp Ltd share") == "a Marshall amp and an Amp Ltd share"
    assert mend("the cheap amp Fender sold") == "the cheap amp Fender sold"


def test_header_date_and_source_win_over_trailer():
    import datetime as dt

    article = clean(
        source("Title\n\nBody text.\n\nVOA News", {"date": dt.date(2019, 1, 19), "source": "X"})
    )
    assert article.source_name == "X"
    assert article.publication_date == dt.date(2019, 1, 19)
    assert article.trailer == ("VOA News",)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("", "no text"), ("   \n\u00a0\n", "no text"), ("Only a title\n", "no article text")],
)
def test_empty_inputs_are_clear_errors(text: str, problem: str):
    with pytest.raises(SourceError, match=problem) as error:
        clean(source(text))
    assert error.value.path == "x.txt"
    assert error.value.hint


def test_line_endings_and_nbsp_lines(tmp_path: Path):
    raw = "Title\r\n\r\nA paragraph that is\r\nbroken.\r\n\u00a0\r\n \u00a0 \rComments\r"
    file = tmp_path / "a.txt"
    file.write_bytes(raw.encode("utf-8"))
    article = clean(read_source(file, tmp_path))
    assert article.paragraphs == ("A paragraph that is broken.",)
    assert article.trailer == ("Comments",)
