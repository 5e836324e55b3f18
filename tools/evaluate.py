"""Score extractor output against the gold evaluation sets in ``shared/data/eval``.

Pure standard library. Three scorers, each returning ``{key: Score}``:

* :func:`score_documents` - document-level people/places/organizations
  (``news-entities-dev.jsonl``), matched on folded name or alias.
* :func:`score_mentions` - CoNLL-2003 mention spans (``conll2003-dev.jsonl``),
  exact span + type for PER/LOC/ORG.
* :func:`score_timexes` - TempEval-3 style DATE scoring (``tempeval3-dev.jsonl``),
  strict / relaxed / value.

Gold and predicted records are matched by ``id``. A gold document without a
prediction is scored as an empty prediction (everything is a false negative);
predicted records whose id is not in the gold set are ignored. Duplicate ids on
either side raise ``ValueError``.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

Record = Mapping[str, Any]

DOCUMENT_KINDS: tuple[str, ...] = ("people", "places", "organizations")
MENTION_LABELS: tuple[str, ...] = ("PER", "LOC", "ORG")
KIND_TO_LABEL: dict[str, str] = {"person": "PER", "place": "LOC", "organization": "ORG"}
TIMEX_KEYS: tuple[str, ...] = ("strict", "relaxed", "value")


@dataclass(frozen=True)
class Score:
    """True-positive / false-positive / false-negative counts."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __post_init__(self) -> None:
        if min(self.tp, self.fp, self.fn) < 0:
            raise ValueError(f"negative count in {self!r}")

    @property
    def precision(self) -> float:
        """tp / (tp + fp), or 0.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn), or 0.0 when there is no gold."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall, or 0.0 when undefined."""
        denominator = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / denominator if denominator else 0.0

    def __add__(self, other: object) -> Score:
        if not isinstance(other, Score):
            return NotImplemented
        return Score(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    def __radd__(self, other: object) -> Score:
        # Lets ``sum(scores.values())`` work with its default start value 0.
        if other == 0:
            return self
        return NotImplemented


# --------------------------------------------------------------------- folding

# Deleted outright, so "U.S." == "US" and "O'Brien" == "OBrien".
_DELETE = frozenset(".'`´‘’ʼ′")
_WHITESPACE = re.compile(r"\s+")


def fold(name: str) -> str:
    """Fold a name for comparison: case, accents, punctuation, spacing, leading "the".

    Periods and apostrophes are deleted ("U.S." -> "us"); every other Unicode
    punctuation character (commas, quotes, hyphens, dashes, brackets, slashes)
    becomes a space, so "Dar-es-Salaam" == "Dar es Salaam". Whitespace is then
    collapsed and stripped, and one leading "the " is dropped.
    """
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    chars: list[str] = []
    for char in decomposed:
        if unicodedata.combining(char) or char in _DELETE:
            continue
        chars.append(" " if unicodedata.category(char).startswith("P") else char)
    folded = _WHITESPACE.sub(" ", "".join(chars)).strip()
    if folded.startswith("the "):
        folded = folded[4:]
    return folded


# ------------------------------------------------------------------- helpers


def _index_by_id(records: Iterable[Record], side: str) -> dict[str, Record]:
    """Map id -> record, rejecting duplicate ids."""
    index: dict[str, Record] = {}
    for record in records:
        key = record["id"]
        if key in index:
            raise ValueError(f"duplicate id in {side} records: {key!r}")
        index[key] = record
    return index


def _paired(
    gold_records: Iterable[Record], predicted_records: Iterable[Record]
) -> list[tuple[Record, Record]]:
    """Pair every gold record with its prediction (an empty dict when missing)."""
    gold = _index_by_id(gold_records, "gold")
    predicted = _index_by_id(predicted_records, "predicted")
    return [(record, predicted.get(key, {})) for key, record in gold.items()]


def _span(item: Mapping[str, Any], start_key: str, end_key: str) -> tuple[int, int]:
    """Read a (start, end) char span, rejecting empty or negative spans."""
    start, end = int(item[start_key]), int(item[end_key])
    if start < 0 or end <= start:
        raise ValueError(f"invalid span {start}:{end} in {dict(item)!r}")
    return start, end


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """Number of characters shared by two half-open spans."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# ------------------------------------------------------- document-level names


def _max_matching(candidates: list[list[int]], n_gold: int) -> int:
    """Size of a maximum bipartite matching (prediction i -> gold in candidates[i])."""
    owner: list[int | None] = [None] * n_gold

    def augment(pred: int, seen: set[int]) -> bool:
        for gold in candidates[pred]:
            if gold in seen:
                continue
            seen.add(gold)
            current = owner[gold]
            if current is None or augment(current, seen):
                owner[gold] = pred
                return True
        return False

    return sum(augment(pred, set()) for pred in range(len(candidates)))


def score_documents(
    gold_records: Iterable[Record], predicted_records: Iterable[Record]
) -> dict[str, Score]:
    """Score document-level people/places/organizations lists.

    A predicted name matches a gold entity when ``fold(name)`` equals the folded
    canonical name or one of the folded aliases. Each gold entity absorbs at most
    one predicted name: a second predicted name for the same entity (e.g. both
    "United States" and "U.S.", or the same name listed twice) is a false
    positive. When a name fits several gold entities, a maximum one-to-one
    matching is used, so tp is as large as possible. Unmatched predictions are
    false positives, unmatched gold entities false negatives.
    """
    totals = {kind: Score() for kind in DOCUMENT_KINDS}
    for gold, predicted in _paired(gold_records, predicted_records):
        for kind in DOCUMENT_KINDS:
            entities = gold.get(kind) or []
            forms = [
                {fold(entity["name"]), *(fold(alias) for alias in entity.get("aliases") or [])}
                for entity in entities
            ]
            names = [fold(name) for name in predicted.get(kind) or []]
            candidates = [
                [i for i, entity_forms in enumerate(forms) if name and name in entity_forms]
                for name in names
            ]
            tp = _max_matching(candidates, len(entities))
            totals[kind] += Score(tp, len(names) - tp, len(entities) - tp)
    return totals


# ---------------------------------------------------------------- CoNLL spans


def conll_char_spans(record: Record) -> list[tuple[int, int, str]]:
    """Convert CoNLL ``entities`` (sent, start_tok, end_tok) to char spans in ``text``.

    Tokens are joined by single spaces and sentences by ``"\\n"``; ``end_tok``
    is exclusive, as is the returned end offset. All labels, MISC included, are
    returned in entity order. Raises ``ValueError`` if a span does not reproduce
    the entity's ``text``.
    """
    text: str = record["text"]
    token_starts: list[list[int]] = []
    token_ends: list[list[int]] = []
    offset = 0
    for sentence in text.split("\n"):
        starts: list[int] = []
        ends: list[int] = []
        position = offset
        for token in sentence.split(" "):
            starts.append(position)
            ends.append(position + len(token))
            position += len(token) + 1
        token_starts.append(starts)
        token_ends.append(ends)
        offset += len(sentence) + 1

    spans: list[tuple[int, int, str]] = []
    for entity in record.get("entities") or []:
        sent, first, last = entity["sent"], entity["start_tok"], entity["end_tok"]
        if not 0 <= first < last <= len(token_starts[sent]):
            raise ValueError(f"token range out of bounds in {record['id']!r}: {entity!r}")
        start, end = token_starts[sent][first], token_ends[sent][last - 1]
        if "text" in entity and text[start:end] != entity["text"]:
            raise ValueError(
                f"span {start}:{end} gives {text[start:end]!r}, expected {entity['text']!r}"
            )
        spans.append((start, end, entity["label"]))
    return spans


def score_mentions(
    gold_records: Iterable[Record], predicted_records: Iterable[Record]
) -> dict[str, Score]:
    """Score predicted ``mentions`` against CoNLL-2003 gold, per PER/LOC/ORG.

    A prediction is a true positive when its (start, end) and its kind
    (person->PER, place->LOC, organization->ORG) exactly equal a gold entity not
    matched yet. MISC gold is not scored, and a prediction whose span exactly
    equals a MISC gold span is ignored (neither tp nor fp); any other unmatched
    prediction is a false positive of its own label, including a repeat of an
    already matched span. Unmatched gold PER/LOC/ORG are false negatives. An
    unknown ``kind`` raises ``ValueError``.
    """
    totals = {label: Score() for label in MENTION_LABELS}
    for gold, predicted in _paired(gold_records, predicted_records):
        remaining: set[tuple[int, int, str]] = set()
        misc: set[tuple[int, int]] = set()
        for start, end, label in conll_char_spans(gold):
            if label in totals:
                remaining.add((start, end, label))
            else:
                misc.add((start, end))
        for mention in predicted.get("mentions") or []:
            kind = mention["kind"]
            if kind not in KIND_TO_LABEL:
                raise ValueError(f"unknown mention kind {kind!r} in {predicted['id']!r}")
            start, end = _span(mention, "start", "end")
            key = (start, end, KIND_TO_LABEL[kind])
            if key in remaining:
                remaining.remove(key)
                totals[key[2]] += Score(tp=1)
            elif (start, end) not in misc:
                totals[key[2]] += Score(fp=1)
        for _start, _end, label in remaining:
            totals[label] += Score(fn=1)
    return totals


# -------------------------------------------------------------------- timexes


def _greedy_match(
    gold: list[tuple[int, int]], predicted: list[tuple[int, int]], exact: bool
) -> dict[int, int]:
    """Match gold index -> predicted index, one-to-one, gold in document order.

    Each gold span takes the unused prediction with the largest overlap
    (exact extent only when ``exact``); ties go to the earlier prediction.
    """
    used: set[int] = set()
    pairs: dict[int, int] = {}
    for g, gold_span in enumerate(gold):
        best, best_overlap = None, 0
        for p, pred_span in enumerate(predicted):
            if p in used or (exact and pred_span != gold_span):
                continue
            overlap = _overlap(gold_span, pred_span)
            if overlap > best_overlap:
                best, best_overlap = p, overlap
        if best is not None:
            used.add(best)
            pairs[g] = best
    return pairs


def _timex_counts(
    pairs: dict[int, int],
    dates: list[tuple[int, int]],
    preds: list[tuple[int, int]],
    others: list[tuple[int, int]],
) -> Score:
    """Score one matching; unmatched predictions overlapping ``others`` are not fp."""
    matched = set(pairs.values())
    fp = sum(
        1
        for p, span in enumerate(preds)
        if p not in matched and not any(_overlap(span, other) for other in others)
    )
    return Score(len(pairs), fp, len(dates) - len(pairs))


def score_timexes(
    gold_records: Iterable[Record], predicted_records: Iterable[Record]
) -> dict[str, Score]:
    """TempEval-3 style scoring of predicted ``dates`` against gold DATE timexes.

    Only gold timexes of type DATE are targets. Matching is one-to-one: gold
    DATEs are taken in document order and each takes the unused prediction with
    the largest character overlap (ties: earliest prediction).

    * ``strict``: a match needs the exact extent (start and end equal).
    * ``relaxed``: a match needs any overlap (at least one shared character).
    * ``value``: uses the relaxed pairs; tp = pairs whose predicted ``value``
      equals the gold value (exact string after stripping whitespace),
      fp = predictions left unmatched + pairs with a wrong value,
      fn = gold DATEs left unmatched + pairs with a wrong value. So
      P = correct / predictions and R = correct / gold, as in TempEval-3.

    A prediction left unmatched that overlaps a gold TIME, DURATION or SET
    timex is ignored (not a false positive), since those are not DATE gold.
    """
    totals = {key: Score() for key in TIMEX_KEYS}
    for gold, predicted in _paired(gold_records, predicted_records):
        dates: list[tuple[int, int]] = []
        date_values: list[str] = []
        others: list[tuple[int, int]] = []
        for timex in gold.get("timexes") or []:
            span = _span(timex, "start_char", "end_char")
            if timex["type"] == "DATE":
                dates.append(span)
                date_values.append(str(timex["value"]).strip())
            else:
                others.append(span)
        predicted_dates = predicted.get("dates") or []
        preds = [_span(date, "start", "end") for date in predicted_dates]
        pred_values = [str(date.get("value") or "").strip() for date in predicted_dates]

        strict = _greedy_match(dates, preds, exact=True)
        totals["strict"] += _timex_counts(strict, dates, preds, others)

        relaxed = _greedy_match(dates, preds, exact=False)
        score = _timex_counts(relaxed, dates, preds, others)
        totals["relaxed"] += score

        wrong = sum(1 for g, p in relaxed.items() if pred_values[p] != date_values[g])
        totals["value"] += Score(score.tp - wrong, score.fp + wrong, score.fn + wrong)
    return totals


# ----------------------------------------------------------------- I/O, table


def load_jsonl(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a UTF-8 JSONL file into a list of dicts, skipping blank lines."""
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def format_table(title: str, scores: Mapping[str, Score]) -> str:
    """Render scores as a plain-text table: P, R, F1 (3 decimals), tp, fp, fn."""
    width = max([len("key"), *(len(key) for key in scores)])
    header = f"{'key':<{width}}  {'P':>5}  {'R':>5}  {'F1':>5}  {'tp':>6}  {'fp':>6}  {'fn':>6}"
    lines = [title, header, "-" * len(header)]
    for key, score in scores.items():
        lines.append(
            f"{key:<{width}}  {score.precision:5.3f}  {score.recall:5.3f}  {score.f1:5.3f}"
            f"  {score.tp:>6}  {score.fp:>6}  {score.fn:>6}"
        )
    return "\n".join(lines)
