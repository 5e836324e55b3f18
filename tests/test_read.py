from __future__ import annotations

import codecs
import datetime as dt
from pathlib import Path

import pytest

from build_tools.convert.read import read_source
from build_tools.errors import SourceError


def write(tmp_path: Path, data: bytes, name: str = "a.txt") -> Path:
    file = tmp_path / name
    file.write_bytes(data)
    return file


def test_utf8_with_bom(tmp_path):
    source = read_source(write(tmp_path, codecs.BOM_UTF8 + "Title\n\nBody “x”.".encode()), tmp_path)
    assert source.text.startswith("Title") and "“x”" in source.text
    assert source.warnings == ()


def test_utf16_with_bom(tmp_path):
    source = read_source(write(tmp_path, "Title\n\nCafé “x”.".encode("utf-16")), tmp_path)
    assert "Café “x”." in source.text


def test_windows_1252_curly_quotes_are_detected_with_a_warning(tmp_path):
    data = b"Title\n\nHe said \x93hello\x94 and left \x96 twice. " * 3
    source = read_source(write(tmp_path, data), tmp_path)
    assert "“hello”" in source.text
    assert source.encoding == "cp1252"
    assert any("a.txt" in w and "UTF-8" in w for w in source.warnings)


def test_mojibake_is_repaired(tmp_path):
    source = read_source(write(tmp_path, "Title\n\nIt\u00e2\u20ac\u2122s here.".encode()), tmp_path)
    assert "It’s here." in source.text


def test_character_references_a_saved_page_kept_are_its_characters(tmp_path):
    # As in the BBC corpus: "Pascal Pap&#233;", "&#163;1.8m", "Mr Blair&#191;s government".
    data = (
        b"Caf&#233; sold for &#163;1.8m\n\n"
        b"Pascal Pap&#xE9; said Mr Blair&#191;s plan &#60;b&#62; &lt;i&gt;. O&#39;Neill"
        b" read &#147;it&#148; &#150; Caf&#195;&#169;&#10;&#10;on&#9;&#0;&#55357;&#99999999;."
    )
    source = read_source(write(tmp_path, data), tmp_path)
    assert source.text.startswith("Café sold for £1.8m\n\n")
    assert "Pascal Papé said Mr Blair’s plan <b> &lt;i&gt;." in source.text
    # As a browser reads them: cp1252's quotes, mojibake repaired, a line break a space,
    # nothing for no character; named references stay as written.
    assert "O'Neill read “it” – Café  on ." in source.text
    assert source.text.count("\n") == 2
    # Line separators the references spell as UTF-8 ("&#226;&#128;&#168;") are spaces too.
    spelt = b"Title\n\nOne&#226;&#128;&#168;two&#226;&#128;&#169;three&#x2028;four."
    source = read_source(write(tmp_path, spelt, "s.txt"), tmp_path)
    assert source.text == "Title\n\nOne two three four."


def test_a_header_is_read_before_any_reference_is(tmp_path):
    """ "#" starts a YAML comment: a reference in the header is read after the YAML (the
    title as the text's first line would be), and one in the text cannot write a header
    ("&#45;&#45;&#45;&#10;add: ...")."""
    data = b"---\ntitle: Issue &#35;5 &#60;b&#62; out\n---\nBody &#35;5.\n\nText."
    source = read_source(write(tmp_path, data), tmp_path)
    assert source.header == {"title": "Issue #5 <b> out"}
    assert source.text.startswith("Body #5.")
    forged = b"&#45;&#45;&#45;&#10;add: {people: [Evil]}&#10;&#45;&#45;&#45;&#10;Title\n\nText."
    source = read_source(write(tmp_path, forged, "f.txt"), tmp_path)
    assert source.header == {} and source.text.startswith("--- add: {people: [Evil]} --- Title")


def test_binary_file_is_refused(tmp_path):
    with pytest.raises(SourceError, match="binary"):
        read_source(write(tmp_path, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), tmp_path)


def test_header_fields(tmp_path):
    text = "---\ndate: 2019-01-19\nsource: VOA News\nurl: https://example.org/x\n---\nTitle\n\nB."
    source = read_source(write(tmp_path, text.encode()), tmp_path)
    assert source.header == {
        "date": dt.date(2019, 1, 19),
        "source": "VOA News",
        "url": "https://example.org/x",
    }
    assert source.text == "Title\n\nB."


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("title: a: b: c", r"not valid YAML \(line 2: mapping values are not allowed"),
        ("- a\n- b", "must be a mapping"),
        ("x: !!python/object/apply:os.system ['true']", "not valid YAML"),
        ("date: 2019-02-30", "not a valid date: .2019-02-30."),
        ("date: tomorrow", "not a valid date"),
        ("url: javascript:alert(1)", "http"),
        (
            "url: ftp://gazette.example/news/" + "a" * 60,
            r"not 'ftp://gazette\.example/news/a+\.\.\.'",
        ),
        ("colour: red", "unknown header field 'colour'"),
        ("add: [x]", "must map people/places/organizations"),
        # YAML keeps the last of two in silence: the first date would be lost.
        ("date: 2019-01-19\nsource: A\ndate: 2019-01-20", r"a field twice \(line 4: .*'date'"),
        ("drop: {places: [X], places: [Y]}", "a field twice .*'places'"),
    ],
)
def test_bad_headers_are_clear_errors(tmp_path, header, message):
    file = write(tmp_path, f"---\n{header}\n---\nTitle\n\nBody.".encode())
    with pytest.raises(SourceError, match=message) as error:
        read_source(file, tmp_path)
    assert str(error.value).startswith(f"{tmp_path.name}/a.txt: ")
    assert error.value.hint


def test_header_tags_are_the_vocabularys_or_ones_own_but_no_near_miss(tmp_path):
    text = "---\ntags: [politics/diplomacy, Lisbon Transport, Politics]\n---\nTitle\n\nB."
    source = read_source(write(tmp_path, text.encode()), tmp_path)
    assert source.header["tags"] == ["politics/diplomacy", "lisbon-transport", "politics"]
    file = write(tmp_path, b"---\ntags: [politcs/diplomacy]\n---\nTitle\n\nB.", "b.txt")
    with pytest.raises(SourceError, match="nearly 'politics/diplomacy'") as error:
        read_source(file, tmp_path)
    assert "write 'politics/diplomacy'" in error.value.hint
    for near, meant in (("politics/diplomcy", "politics/diplomacy"), ("politcs", "politics")):
        file = write(tmp_path, f"---\ntags: [{near}]\n---\nTitle\n\nB.".encode(), "c.txt")
        with pytest.raises(SourceError, match=f"nearly '{meant}'"):
            read_source(file, tmp_path)
    own = ["economy-business-finance/tourism", "conflict-war-peace/gaza", "science-technology/ai"]
    text = f"---\ntags: [{', '.join(own)}]\n---\nTitle\n\nB."
    assert read_source(write(tmp_path, text.encode(), "d.txt"), tmp_path).header["tags"] == own


def test_header_fields_without_the_header_lines_are_refused_in_any_case(tmp_path):
    for start in ("date: 2024-03-15\nsource: AP", "Title: Hotels\nDate: 2024-03-15"):
        file = write(tmp_path, f"{start}\n\nHotels Full\n\nB.".encode())
        with pytest.raises(SourceError, match="no '---' line"):
            read_source(file, tmp_path)
    text = "Source: the Guardian said\n\nIt rained.\n"  # one line: a title, as written
    assert read_source(write(tmp_path, text.encode()), tmp_path).text.startswith("Source:")
