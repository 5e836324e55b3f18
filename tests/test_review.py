"""The review queue (``newsdocs review``): the doubtful entity pages, and fixes that work."""

from __future__ import annotations

import subprocess
import sys

from build_tools.archive.identity import load_curated
from build_tools.archive.index import EntityIndex
from build_tools.archive.review import format_entries, review
from build_tools.page import dumps
from tests.pages import article


def _articles():
    return [
        article("articles/1.md", "1", "x", organizations=["Bank of England", "Lib Dems"]),
        article("articles/2.md", "2", "x", organizations=["Bank of England", "Lib Dem"]),
        article("articles/3.md", "3", "x", organizations=["Bank", "Bank of England"]),
        article("articles/4.md", "4", "x", people=["M Bortolami"], places=["Paris"]),
        article("articles/5.md", "5", "x", people=["Jason Gardener"], places=["Paris"]),
        article("articles/6.md", "6", "x", people=["Tony Blair"], places=["Paris"]),
    ]


def _doubtful(index):
    return {entry.ref.name: entry for entry in review(index, limit=None)}


def test_the_queue_lists_short_forms_initials_and_near_duplicates_with_their_fix():
    entries = _doubtful(EntityIndex(_articles()))
    # The pair is listed once as near-duplicates (each of them, of two words and no body's
    # word, is doubted for that too: the bare index has not the names.yml that curates
    # the party's forms, as a site's has).
    lib = {n for n in ("Lib Dem", "Lib Dems") if "spelt almost" in entries[n].doubts[0].reason}
    assert len(lib) == 1 and set(entries) - {"Lib Dem", "Lib Dems"} == {"Bank", "M Bortolami"}
    assert "Tony Blair" not in entries and "Paris" not in entries
    assert "part of Bank of England" in entries["Bank"].doubts[0].reason
    assert "aliases: [Bank]" in entries["Bank"].doubts[0].fix
    assert entries["M Bortolami"].doubts[0].fix == "ignore: [M Bortolami]\n"
    assert "spelt almost like" in entries[lib.pop()].doubts[0].reason
    text = format_entries([entries["Bank"], entries["M Bortolami"]])
    assert "if wrong, add to entities.yml:" in text
    # A join's fix comes with the other one: the name may be no one's page at all.
    assert "aliases: [Bank]\n   or, if it names neither" in text
    assert text.count("ignore: [Bank]") == 1 and text.count("or, if it names neither") == 1


def test_a_name_of_several_words_inside_a_longer_name_more_articles_use_is_doubted():
    """ "BBC Radio" of "BBC Radio 4"; not the longer name, nor a name the longer one does
    not start with ("Wildlife Trust" of "Scottish Wildlife Trust")."""
    trust = "Scottish Wildlife Trust"
    articles = [
        article("articles/1.md", "1", "x", organizations=["BBC Radio 4", trust]),
        article("articles/2.md", "2", "x", organizations=["BBC Radio 4"]),
    ]
    articles += [
        article("articles/3.md", "3", "x", organizations=["BBC Radio", "Wildlife Trust"]),
        article("articles/4.md", "4", "x", organizations=["BBC Radio", "Wildlife Trust"]),
        article("articles/5.md", "5", "x", organizations=["BBC Radio 4", trust]),
        article("articles/6.md", "6", "x", organizations=[trust]),
    ]
    entries = _doubtful(EntityIndex(articles))
    assert "part of BBC Radio 4" in entries["BBC Radio"].doubts[0].reason
    assert "aliases: [BBC Radio]" in entries["BBC Radio"].doubts[0].fix
    assert {"BBC Radio 4", "Wildlife Trust", "Scottish Wildlife Trust"}.isdisjoint(entries)


def test_the_fix_the_queue_prints_joins_the_pages_when_added_to_entities_yml(tmp_path):
    entries = _doubtful(EntityIndex(_articles()))
    bank, initial = (entries[name].doubts[0].fix for name in ("Bank", "M Bortolami"))
    (tmp_path / "entities.yml").write_text(bank + initial, encoding="utf-8")
    curated = load_curated(tmp_path / "entities.yml")
    index = EntityIndex(_articles(), curated=curated)
    articles = index.articles
    bank = index.ref("organization", "Bank", next(a for a in articles if a.title == "3"))
    assert bank.name == "Bank of England"
    assert len(index.entities[bank]) == 3
    assert index.ref("person", "M Bortolami", articles[0]) is None
    assert {"Bank", "M Bortolami"}.isdisjoint(_doubtful(index))


def test_newsdocs_review_reads_the_pages_and_prints_the_queue(tmp_path):
    folder = tmp_path / "docs" / "articles"
    folder.mkdir(parents=True)
    for info in _articles():
        (tmp_path / "docs" / info.src_uri).write_text(dumps(info.page), encoding="utf-8")
    done = subprocess.run(  # no entities.yml beside docs/: no curation
        [sys.executable, "-m", "build_tools.cli", "review", "--docs", str(tmp_path / "docs")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "organization page 'Bank'" in done.stdout
    assert "aliases: [Bank]" in done.stdout
    assert "doubtful of 7 entity pages" in done.stderr, done.stdout
    missing = subprocess.run(
        [sys.executable, "-m", "build_tools.cli", "review", "--docs", str(tmp_path / "none")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert missing.returncode == 2 and "run `make pages` first" in missing.stderr
    # A file named on purpose that is not there is a typo, not "no curation".
    typo = subprocess.run(
        [sys.executable, "-m", "build_tools.cli", "review", "--docs", str(tmp_path / "docs"),
         "--entities", str(tmp_path / "entites.yml")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert typo.returncode == 2 and "entites.yml': no such file" in typo.stderr
    # Run from elsewhere, the project's entities.yml (beside docs/) is read: "Bank" ignored.
    (tmp_path / "entities.yml").write_text("ignore: [Bank]\n", encoding="utf-8")
    curated = subprocess.run(
        [sys.executable, "-m", "build_tools.cli", "review", "--docs", str(tmp_path / "docs")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert curated.returncode == 0 and "page 'Bank'" not in curated.stdout, curated.stderr
    assert "doubtful of 6 entity pages" in curated.stderr


def test_titles_are_doubted_and_kinds_the_evidence_settled_are_not():
    """ "The Machinist" written mid-sentence is doubted as a title; "Chelsea", a club in
    two articles and a place in one (a clear majority), raises no split-kind doubt, nor
    does a place of one word no gazetteer knows that the evidence made one (a ground:
    "at Murrayfield" in two rugby reports)."""
    films = [
        article(f"articles/f{n}.md", f"F{n}", "Critics favour The Machinist this year.",
                organizations=["Machinist"])
        for n in range(2)
    ]  # fmt: skip
    clubs = [
        article(f"articles/c{n}.md", f"C{n}", "Chelsea won.", organizations=["Chelsea"])
        for n in range(2)
    ] + [article("articles/p.md", "P", "Chelsea is in London.", places=["Chelsea"])]
    grounds = [
        article(f"articles/g{n}.md", f"G{n}", "Scotland lost at Murrayfield.",
                organizations=["Murrayfield"], tags=("sport/rugby",))
        for n in range(2)
    ]  # fmt: skip
    index = EntityIndex(films + clubs + grounds)
    entries = _doubtful(index)
    assert "The Machinist" in entries["Machinist"].doubts[0].reason
    assert "Chelsea" not in entries
    assert index.ref("organization", "Murrayfield", grounds[0]).kind == "place"
    assert "Murrayfield" not in entries


def test_one_word_people_surnames_of_people_and_works_are_doubted():
    """A "person" of one word (Destiny), an organization named as a person page's surname
    (Idowu, beside Phillips Idowu) with the alias that would join them, and a name written
    as a film is ("the film Ray") are doubted; a full name is not, but for a work cue
    ("the biopic Alfred Kinsey"), at half its weight."""
    articles = [
        article(f"articles/{n}.md", f"{n}", "Destiny sang. Phillips Idowu jumped. Idowu won."
                f" I saw {'the film' if n else 'that'} Ray on Sunday. Ray was long. Ray."
                f" We saw {'the biopic' if n else 'that'} Alfred Kinsey. Alfred Kinsey was long.",
                people=["Destiny", "Phillips Idowu", "Alfred Kinsey"],
                organizations=["Idowu", "Ray"])
        for n in range(2)
    ]  # fmt: skip
    entries = _doubtful(EntityIndex(articles))
    assert "one word" in entries["Destiny"].doubts[0].reason
    idowu = entries["Idowu"].doubts
    assert any("surname of Phillips Idowu" in doubt.reason for doubt in idowu)
    assert any("aliases: [Idowu]" in doubt.fix for doubt in idowu)
    assert any("as a work" in doubt.reason for doubt in entries["Ray"].doubts)
    assert "Phillips Idowu" not in entries

    # A person's full name written so is more often the work's subject: half the weight.
    def work(name):
        return next(doubt for doubt in entries[name].doubts if "as a work" in doubt.reason)

    assert work("Alfred Kinsey").weight == work("Ray").weight / 2


def test_a_name_written_as_a_speaker_or_a_body_counts_its_doubts_half():
    """Two one-word organizations of two articles, equally doubtful: "Ofwat", which the
    articles write as a body is ("Ofwat said", "an Ofwat spokesman"), comes after
    "RipGuard", written as neither, and its doubts weigh half as much."""
    body = "Ofwat said prices rose, an Ofwat spokesman added. RipGuard came out."
    articles = [
        article(f"articles/{n}.md", f"{n}", body, organizations=["Ofwat", "RipGuard"])
        for n in range(2)
    ]
    queue = review(EntityIndex(articles), limit=None)
    assert [entry.ref.name for entry in queue] == ["RipGuard", "Ofwat"]
    speaker, other = queue[1].doubts[0], queue[0].doubts[0]
    assert speaker.reason == other.reason and speaker.weight == other.weight / 2


def test_an_organization_of_several_words_and_no_body_word_in_two_articles_is_doubted(
    tmp_path,
):
    """ "Seafarers' Identity Document" (a plan's, a product's or a document's name has no
    body's word) is doubted; not a name with a body's, a company's, a club's or an
    outlet's word (or its plural), one written as a body speaks or trades, one curated,
    one in three articles, one named in sports reports only, nor a name of one word
    (another doubt's)."""
    doubted = "Seafarers' Identity Document"
    kept = {
        "Seafarers Welfare Board": "Seafarers Welfare Board",
        "Seafarers Holdings": "Seafarers Holdings",
        "Seafarers Unions": "Seafarers Unions",
        "Seafarers TV": "Seafarers TV",
        "Seafarers Rovers": "Seafarers Rovers",
        "Seafarers Aid": "Seafarers Aid said",
        "Seafarers Line": "shares in Seafarers Line",
        "Seafarers Charter": "Seafarers Charter",
    }
    body = f"On {doubted} and Seafarersco. "
    body += ". ".join(f"Then {text}" for text in kept.values()) + "."
    names = [doubted, "Seafarersco", *kept]
    articles = [article(f"articles/{n}.md", f"{n}", body, organizations=names) for n in range(2)]
    player = "Interactive Media Player"
    articles += [
        article(f"articles/p{n}.md", f"p{n}", f"On {player}.", organizations=[player])
        for n in range(3)
    ]
    articles += [
        article(f"articles/s{n}.md", f"s{n}", "Leeds Tykes won.", tags=["sport/rugby"],
                organizations=["Leeds Tykes"])
        for n in range(2)
    ]  # fmt: skip
    entities = tmp_path / "entities.yml"
    entities.write_text(
        "entities:\n  - name: Seafarers Charter\n    kind: organization\n", encoding="utf-8"
    )
    entries = _doubtful(EntityIndex(articles, curated=load_curated(entities)))
    doubt = entries[doubted].doubts[0]
    assert doubt.reason.startswith("several words in 2 articles, none a body's")
    assert doubt.fix == "ignore: [Seafarers' Identity Document]\n"
    assert set(entries).isdisjoint([*kept, player, "Leeds Tykes"])
    assert not any("several words" in d.reason for d in entries["Seafarersco"].doubts)
