"""Extraction on the seed with the real en_core_web_sm model."""

from __future__ import annotations

import os

import pytest

from build_tools.convert.clean import clean
from build_tools.convert.pipeline import _worker_pool, article_record, extract_records
from build_tools.convert.read import read_source
from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.model


def extract_seed(tmp_path, model_nlp, header: str = ""):
    file = tmp_path / SEED.name
    file.write_text(header + SEED.read_text(encoding="utf-8"), encoding="utf-8")
    article = clean(read_source(file, tmp_path))
    return next(extract_records([article_record(article)], model_nlp))


def test_seed_people_places_organizations(tmp_path, model_nlp):
    found = extract_seed(tmp_path, model_nlp)
    assert set(found.people) == {
        "Donald Trump", "Kim Yong Chol", "Kim Jong Un", "Mike Pompeo", "Stephen Biegun",
        "Choe Son Hui",
    }  # fmt: skip
    assert len(found.people) == 6
    places = {
        "United States", "North Korea", "Pyongyang", "Singapore", "Vietnam", "Sweden",
        "Stockholm", "Korean Peninsula",
    }  # fmt: skip
    assert places <= set(found.places)
    assert set(found.places) - places <= {"Washington"}  # a metonym, still a place
    assert {"White House", "State Department"} <= set(found.organizations)
    assert set(found.organizations) == {"White House", "State Department"}


def test_seed_dates_with_a_publication_date(tmp_path, model_nlp):
    found = extract_seed(tmp_path, model_nlp, "---\ndate: 2019-01-19\n---\n")
    values = {(d.text, d.value) for d in found.dates}
    assert ("Saturday", "2019-01-19") in values
    assert ("Friday", "2019-01-18") in values
    assert ("late February", "2019-02") in values
    assert ("June", "2018-06") in values


def test_seed_without_a_date_invents_no_year(tmp_path, model_nlp):
    found = extract_seed(tmp_path, model_nlp)
    assert found.dates
    assert all(d.value.startswith("XXXX") or d.value.endswith("_REF") for d in found.dates)
    assert ("June", "XXXX-06") in {(d.text, d.value) for d in found.dates}


def test_the_committed_pages_are_what_the_converter_makes(tmp_path, model_nlp):
    """docs/articles/ is generated: after a change to the converter, `make pages` must be
    run and its pages committed (a clean checkout's `make site` then changes nothing)."""
    import shutil

    from build_tools.convert.run import convert

    shutil.copytree(ROOT / "source_texts", tmp_path / "source_texts")
    (tmp_path / "docs").mkdir()
    report = convert(tmp_path / "source_texts", tmp_path / "docs", nlp=model_nlp, progress=False)
    assert not report.failed
    made = {p.relative_to(tmp_path / "docs"): p.read_text("utf-8")
            for p in (tmp_path / "docs" / "articles").rglob("*.md")}  # fmt: skip
    committed = {p.relative_to(ROOT / "docs"): p.read_text("utf-8")
                 for p in (ROOT / "docs" / "articles").rglob("*.md")}  # fmt: skip
    assert made.keys() == committed.keys()
    stale = [str(path) for path in made if made[path] != committed[path]]
    assert stale == [], "run `make pages` and commit docs/articles/"


def test_only_the_sentences_whose_dates_need_a_tense_are_parsed(model_nlp):
    from build_tools.convert.nlp import SYNTAX, _Reading

    text = (
        "Talks Planned\n\nThe plan was agreed in 2004. Talks resumed on Tuesday in Hanoi. "
        "Prices rose last year."
    )
    (doc,) = model_nlp.pipe([text], disable=list(SYNTAX))
    reading = _Reading(doc)
    assert [text[a:b] for a, b in reading.sentences] == ["Talks resumed on Tuesday in Hanoi."]
    assert doc[3].is_sent_start  # the word after the headline's line break


def test_a_sentence_starts_after_a_line_break_and_not_after_spaces(model_nlp):
    """The first word after a line break (and the blank lines or spaces after it) starts a
    sentence for the entity recognizer; spaces inside a line (``Tony  Blair``) do not."""
    from build_tools.convert.nlp import SYNTAX

    text = "Tony  Blair spoke\n\n  \nGordon Brown replied  twice\nto Mr  Howard"
    (doc,) = model_nlp.pipe([text], disable=list(SYNTAX))
    starts = [token.text for token in doc[1:] if token.is_sent_start]
    assert starts == ["Gordon", "to"]


def test_tenses_from_parsed_sentences_agree_with_the_whole_parse(tmp_path, model_nlp):
    """Parsing only the sentences that need it gives the seed's dates the tenses the whole
    pipeline gives them (in the body: a headline's tense is not used), but one: the whole
    parse hangs ``probably the end of February`` on ``said`` across a missing space
    (``talks.”We’ve agreed to meet``), the sentence alone on ``agreed to meet``."""
    from build_tools.convert.nlp import SENTENCES, analyse, clause_tense

    text = SEED.read_text(encoding="utf-8")
    (analysis,) = analyse([text], model_nlp)
    (whole,) = model_nlp.pipe([text], disable=[SENTENCES])
    body = text.index("\n")
    tensed = [d for d in analysis.dates if d.tense is not None and d.start > body]
    differ = [
        (date.text, date.tense)
        for date in tensed
        if date.tense != clause_tense(whole.char_span(date.start, date.end, "expand"))
    ]
    assert len(tensed) >= 4
    assert differ == [("the end of February", "present")]


@pytest.mark.parametrize(
    ("sentence", "date", "tense"),
    [
        # A weekday in the possessive that names a thing done that day is past, whatever
        # the clause ("would look for ways around"); a thing to come keeps the clause's.
        ("His relatives said they would look for ways to get around Wednesday's ruling.",
         "Wednesday", "past"),
        ("France will face Croatia in Sunday's final.", "Sunday", "future"),
        # "until" looks ahead, unless its clause ended then: past perfect, an opening
        # "Until", a verb of lasting.
        ("Until Thursday, they had not called Kopp a suspect.", "Thursday", "past"),
        ("He stayed in hospital until Sunday.", "Sunday", "past"),
        ("The road was closed until Friday.", "Friday", "prospective"),
        ("Officials postponed until Tuesday any action on the case.", "Tuesday", "prospective"),
        ("The court will sit until Friday.", "Friday", "prospective"),
        # The preposition of a day and its part: "until Tuesday morning" looks ahead too.
        ("Officials postponed until Tuesday morning any action on the case.", "Tuesday",
         "prospective"),
        # A date moved forward, a day ahead: prospective even in a past clause.
        ("The offer was extended to Nov. 16.", "Nov. 16", "prospective"),
        ("Traders squared their positions ahead of the weekend.", "the weekend", "prospective"),
        # "through" ends a span either way: no tense, the nearest month.
        ("Sales rose this year through August.", "August", None),
        # A record "set on" a day was set then; "set for" would be a plan.
        ("The index closed near its record high set on Aug. 6.", "Aug. 6", "past"),
        # An infinitive of purpose under a past verb tells of that time, not of a plan; a
        # complement ("agreed to meet") is still a plan.
        ("The government held a ceremony to mark the country's entry into the alliance on "
         "Friday.", "Friday", None),
        ("They agreed to meet on Friday.", "Friday", "prospective"),
        # A plan made, or a thing done, in the past: no tense ("settled" is no "set").
        ("Protesters planned a large march on Saturday.", "Saturday", None),
        ("The sprinter set a world record on Monday.", "Monday", None),
        ("The two sides settled the dispute on Monday.", "Monday", "past"),
    ],
)  # fmt: skip
def test_the_tense_a_date_takes_from_its_clause(model_nlp, sentence, date, tense):
    from build_tools.convert.nlp import analyse

    (analysis,) = analyse([f"Headline\n\n{sentence}"], model_nlp)
    assert [(d.text, d.tense) for d in analysis.dates if d.text == date] == [(date, tense)]


def test_a_weekday_before_the_date_it_names_is_one_date(model_nlp):
    from build_tools.convert.nlp import analyse

    text = "Funds Lose\n\nOf that, $14 million seeped out Friday Oct. 13 alone, the fund said."
    (analysis,) = analyse([text], model_nlp)
    assert [d.text for d in analysis.dates] == ["Friday Oct. 13"]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # Dates the model leaves out, found by rule.
        ("Late Monday, officials said the talks would go on.", ["Monday"]),
        ("There were no cancellations after the Aug. 7 bombings in Nairobi.", ["Aug. 7"]),
        # "Now," opening a sentence is a discourse marker; "For now" is a time.
        ("Now, he says, the plan has failed.", []),
        ("For now, though, the plan stands.", ["now"]),
        # A date that another date is counted from.
        ("The day before last Tuesday's hearing, lawyers met.", ["The day before last Tuesday's"]),
        ("The talks are set for the week of March 6.", ["the week of March 6"]),
        # A year inside a span of time is a date of its own.
        ("Sales fell 3% in the first nine months of 1997.", ["1997"]),
        # ... but a date that ends "of the year" is one date.
        ("He was suspended until the end of the year by the federation.", ["the end of the year"]),
        # Holidays and quarters named by their months win over the model's dates and names
        # inside them: "Black Friday" is no Friday, "Easter Sunday" no building.
        ("Shoppers queued for Black Friday sales at dawn.", ["Black Friday"]),
        ("Kiptum won on Easter Sunday after rain on Easter Saturday.",
         ["Easter Sunday", "Easter Saturday"]),
        ("Power was cut over the Christmas weekend.", ["the Christmas weekend"]),
        ("GDP grew 0.1% in the October-to-December quarter, figures showed.",
         ["the October-to-December quarter"]),
        ("Ships sailed to Christmas Island on Monday.", ["Monday"]),
        # Dates found by rule never overlap: not also the "Monday" of "Cyber Monday".
        ("Cyber Monday sales rose sharply this year.", ["Cyber Monday", "this year"]),
        ("Good Friday fell early.", ["Good Friday"]),
        ("He will face Kipchoge in Berlin later in the year.", ["later in the year"]),
        # "today's youth" is our times, not the day of publication.
        ("It is a big issue for today's youth, Castro said.", []),
    ],
)  # fmt: skip
def test_date_expressions_found_and_left_out(model_nlp, text, dates):
    from build_tools.convert.nlp import analyse

    (analysis,) = analyse([f"Headline\n\n{text}"], model_nlp)
    assert [d.text for d in analysis.dates] == dates


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('Weir told BBC Radio Five Live: "We will see."', "BBC Radio Five Live"),
        ('Ms Brankin told BBC Radio Scotland: "No."', "BBC Radio Scotland"),
        ("The Sunday Telegraph said the plan was evidence.", "Sunday Telegraph"),
        ("The Department for Education and Skills would not comment.",
         "The Department for Education and Skills"),
        ("The Department for Culture, Media and Sport agreed.",
         "The Department for Culture, Media and Sport"),
        ("The book, by Sunday Telegraph journalist Robert Peston, said so.", "Sunday Telegraph"),
        ("Analyst Nick Van den Brul of BNP Paribas described the results.", "BNP Paribas"),
        ("The firms accused were Altria Group, RJ Reynolds Tobacco and others.",
         "RJ Reynolds Tobacco"),
    ],
)  # fmt: skip
def test_names_the_model_cuts_in_two_are_joined(model_nlp, text, name):
    from build_tools.convert.nlp import joined_entities

    assert name in [ent.text for ent in joined_entities(model_nlp(text))]


def test_a_day_before_a_club_stays_a_date(model_nlp):
    from build_tools.convert.nlp import joined_entities

    found = [(ent.text, ent.label_) for ent in joined_entities(model_nlp("On Sunday Arsenal won."))]
    assert ("Sunday", "DATE") in found


def test_capitals_before_a_name_join_it_and_other_words_do_not(model_nlp):
    """Capitals the model left before a name join it (BNP Paribas), not a country's ("UK"
    before "Treasury" is the UK's) nor a title ("the CEO Sony"); words before "and" join
    no body's name ("the Government and Local Government Association": two bodies)."""
    from spacy.tokens import Doc

    from build_tools.convert.nlp import joined_entities

    def names(words, tags):
        doc = Doc(model_nlp.vocab, words=words, ents=tags)
        return [ent.text for ent in joined_entities(doc)]

    assert names(["of", "BNP", "Paribas"], ["O", "O", "B-ORG"]) == ["BNP Paribas"]
    assert names(["of", "UK", "Treasury"], ["O", "O", "B-ORG"]) == ["Treasury"]
    assert names(["the", "CEO", "Sony", "said"], ["O", "O", "B-ORG", "O"]) == ["Sony"]
    lga = ["the", "Government", "and", "Local", "Government", "Association"]
    assert names(lga, ["O", "O", "O", "B-ORG", "I-ORG", "I-ORG"]) == [
        "Local Government Association"
    ]
    # A day joins a paper's name, not any organization's ("on Sunday BBC Sport said").
    day = ["on", "Sunday", "BBC", "Sport", "said"]
    assert names(day, ["O", "B-DATE", "B-ORG", "I-ORG", "O"]) == ["Sunday", "BBC Sport"]


def test_a_bodys_name_the_model_starts_after_its_and_is_whole(model_nlp):
    """ "the Pew Internet and American Life Project": capitals no entity holds between
    "the" and "and", before a body's name, are its start; a tagged name before "and" is
    a name of its own ("Sony and Microsoft Association"), and so are an office ("the Prime
    Minister"), a body named by one word ("the Government"), and words the article writes
    on their own elsewhere ("Fire Brigades Union" alone after "the Pew Internet and Fire
    Brigades Union")."""
    from spacy.tokens import Doc

    from build_tools.convert.nlp import joined_entities

    def names(words, tags):
        doc = Doc(model_nlp.vocab, words=words, ents=tags)
        return [ent.text for ent in joined_entities(doc)]

    pew = ["by", "the", "Pew", "Internet", "and", "American", "Life", "Project", "."]
    tags = ["O", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert names(pew, tags) == ["Pew Internet and American Life Project"]
    assert names(pew[:-2] + ["Show", "."], tags) == ["American Life Show"]  # no body's end
    fco = ["at", "the", "Foreign", "and", "Commonwealth", "Office"]
    assert names(fco, ["O"] * 4 + ["B-ORG", "I-ORG"]) == ["Foreign and Commonwealth Office"]
    assert names(["by"] + pew[2:], ["O"] + tags[2:]) == ["American Life Project"]  # no "the"
    sony = ["the", "Sony", "and", "Microsoft", "Association"]
    assert names(sony, ["O", "B-ORG", "O", "B-ORG", "I-ORG"]) == ["Sony", "Microsoft Association"]
    office = ["the", "Prime", "Minister", "and", "Local", "Government", "Association"]
    assert names(office, ["O"] * 4 + ["B-ORG", "I-ORG", "I-ORG"]) == [
        "Local Government Association"
    ]  # an office is no body's first words
    fbu = ["the", "Government", "and", "Fire", "Brigades", "Union"]
    assert names(fbu, ["O"] * 3 + ["B-ORG", "I-ORG", "I-ORG"]) == ["Fire Brigades Union"]
    alone = ["the", "Pew", "Internet", "and", "Fire", "Brigades", "Union", ".", "Fire",
             "Brigades", "Union", "said"]  # fmt: skip
    tags = ["O"] * 4 + ["B-ORG", "I-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert names(alone, tags) == ["Fire Brigades Union", "Fire Brigades Union"]


def test_a_common_word_the_model_tags_before_a_bodys_and_is_its_start(model_nlp):
    """ "the Public" + "and" + "Commercial Services Union", both tagged: a word the
    article writes in lower case too ("the public sector") is the body's first word;
    "the Sony" + "and" + "Microsoft Association" stays two names, and so do a common
    word the article also writes capitalised on its own, "the Fed" before a name with an
    "and" of its own, and "the Royal Mail", two words."""
    from spacy.tokens import Doc

    from build_tools.convert.nlp import joined_entities

    def names(words, tags):
        doc = Doc(model_nlp.vocab, words=words, ents=tags)
        return [ent.text for ent in joined_entities(doc)]

    pcs = ["the", "public", "sector", ";", "the", "Public", "and", "Commercial", "Services",
           "Union", "said"]  # fmt: skip
    tags = ["O"] * 5 + ["B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    assert names(pcs, tags) == ["Public and Commercial Services Union"]
    sony = ["the", "Sony", "and", "Microsoft", "Association"]
    assert names(sony, ["O", "B-ORG", "O", "B-ORG", "I-ORG"]) == [
        "Sony", "Microsoft Association"]  # fmt: skip
    again = [*pcs, ".", "Public", "said"]
    assert names(again, [*tags, "O", "B-ORG", "O"]) == [
        "Public", "Commercial Services Union", "Public"]  # fmt: skip
    assert names(pcs[:-2] + ["Show", "said"], tags) == ["Public", "Commercial Services Show"]
    fed = ["fed", "fears", ";", "the", "Fed", "and", "Securities", "and", "Exchange",
           "Commission"]  # fmt: skip
    assert names(fed, ["O"] * 4 + ["B-ORG", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG"]) == [
        "Fed",
        "Securities and Exchange Commission",
    ]  # a name with an "and" of its own
    mail = ["royal", "warrant", ";", "the", "Royal", "Mail", "and", "Postal", "Services",
            "Commission"]  # fmt: skip
    assert names(mail, ["O"] * 4 + ["B-ORG", "I-ORG", "O", "B-ORG", "I-ORG", "I-ORG"]) == [
        "Royal Mail",
        "Postal Services Commission",
    ]  # two words: a name of its own
    paper = ["three", "times", ";", "the", "Times", "and", "Press", "Complaints", "Commission"]
    assert names(paper, ["O"] * 4 + ["B-ORG", "O", "B-ORG", "I-ORG", "I-ORG"]) == [
        "Times",
        "Press Complaints Commission",
    ]  # a newspaper: a name of its own


def test_a_towns_name_the_model_cuts_in_two_is_one_place(model_nlp):
    """ "Newton" (a place) + "Aycliffe" (a person): the gazetteer's Newton Aycliffe; not
    "Jordan" + "Henderson", which names no place."""
    from spacy.tokens import Doc

    from build_tools.convert.nlp import joined_entities

    words = ["in", "Newton", "Aycliffe", "and", "Jordan", "Henderson"]
    doc = Doc(model_nlp.vocab, words=words,
              ents=["O", "B-GPE", "B-PERSON", "O", "B-GPE", "B-PERSON"])  # fmt: skip
    assert [(e.text, e.label_) for e in joined_entities(doc)] == [
        ("Newton Aycliffe", "GPE"), ("Jordan", "GPE"), ("Henderson", "PERSON")]  # fmt: skip


def test_a_first_name_the_model_leaves_out_joins_the_name_after_it(model_nlp):
    """ "Charlize" + "Theron", "Trevor" + "Nelson" (a town to the model): one person. Not
    a title ("Judge"), an honorific ("Pastor"), a nationality, a month, a stop word ("His
    Graceland"), a word that starts sentences ("Said"), a word the article writes in lower
    case ("Rose Williams ... shares rose"), no first name ("Wing Dominici"), a body's
    name, nor a place before a capitalised word ("the Flora London Marathon")."""
    from spacy.tokens import Doc

    from build_tools.convert.nlp import joined_entities

    tagged = [
        ("include", "O"), ("Charlize", "O"), ("Theron", "B-PERSON"), ("and", "O"),
        ("DJ", "O"), ("Trevor", "O"), ("Nelson", "B-GPE"), (";", "O"), ("the", "O"),
        ("Flora", "O"), ("London", "B-GPE"), ("Marathon", "O"), (";", "O"), ("Said", "O"),
        ("Williams", "B-PERSON"), (",", "O"), ("Argentine", "O"), ("Coria", "B-PERSON"),
        ("and", "O"), ("Prince", "O"), ("Charles", "B-PERSON"), ("met", "O"), ("in", "O"),
        ("June", "O"), ("Grewcock", "B-PERSON"), ("and", "O"), ("Crystal", "O"),
        ("Palace", "B-ORG"), ("fans", "O"), (",", "O"), ("Wing", "O"), ("Dominici", "B-PERSON"),
        (",", "O"), ("Pastor", "O"), ("Allmen", "B-PERSON"), ("at", "O"), ("His", "O"),
        ("Graceland", "B-GPE"), (",", "O"), ("Rose", "O"), ("Jones", "B-PERSON"), ("as", "O"),
        ("shares", "O"), ("rose", "O"), (",", "O"), ("Judge", "O"), ("Clark", "B-PERSON"),
    ]  # fmt: skip
    words, ents = zip(*tagged, strict=True)
    doc = Doc(model_nlp.vocab, words=list(words), ents=list(ents))
    assert [(e.text, e.label_) for e in joined_entities(doc)] == [
        ("Charlize Theron", "PERSON"), ("Trevor Nelson", "PERSON"), ("London", "GPE"),
        ("Williams", "PERSON"), ("Coria", "PERSON"), ("Charles", "PERSON"),
        ("Grewcock", "PERSON"), ("Palace", "ORG"), ("Dominici", "PERSON"),
        ("Allmen", "PERSON"), ("Graceland", "GPE"), ("Jones", "PERSON"),
        ("Clark", "PERSON")]  # fmt: skip


def test_a_country_named_x_and_y_is_one_place(model_nlp):
    from build_tools.convert.nlp import joined_entities

    found = [ent.text for ent in joined_entities(model_nlp("Serbia and Montenegro beat Italy."))]
    assert "Serbia and Montenegro" in found
    found = [ent.text for ent in joined_entities(model_nlp("France and Germany agreed."))]
    assert {"France", "Germany"} <= set(found)


def test_a_department_and_a_company_after_and_stay_two(model_nlp):
    from build_tools.convert.nlp import joined_entities

    text = "The Department of Health and Microsoft signed a deal."
    assert "Microsoft" in [ent.text for ent in joined_entities(model_nlp(text))]


def _blas_threads() -> str | None:
    return os.environ.get("OPENBLAS_NUM_THREADS")


def test_conversion_workers_run_one_blas_thread_each_unless_told(monkeypatch):
    """One worker per core, each with one BLAS thread (OpenBLAS's own threads, one per
    core in each worker, made the conversion slower); a setting of the user's stays."""
    monkeypatch.delenv("OPENBLAS_NUM_THREADS", raising=False)
    with _worker_pool(100, 1, jobs=2) as pool:
        assert pool.apply(_blas_threads) == "1"
    assert _blas_threads() is None  # this process is left as it was
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "3")
    with _worker_pool(100, 1, jobs=2) as pool:
        assert pool.apply(_blas_threads) == "3"
