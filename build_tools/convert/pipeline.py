"""The converter's stages in one straight line, for one text or many.

``read -> clean`` give an Article (``read.py``, ``clean.py``); then, for each text:
``nlp.analyse`` (the model: name and date candidates) -> ``dates.resolve_dates`` (TIMEX3
values) -> ``resolve.resolve`` (canonical names) -> ``tags.assign_tags`` -> Extraction;
``pages.make_page`` turns an Article and its Extraction into the page. ``newsdocs pages``,
``newsdocs extract`` and ``make eval`` all run ``extract_many``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from build_tools.convert.dates import is_clock_time, resolve_dates
from build_tools.convert.resolve import extraction as build_extraction
from build_tools.convert.tags import assign_tags
from build_tools.model import Article, Extraction

log = logging.getLogger("newsdocs")


@dataclass(frozen=True)
class TextRecord:
    """One text to extract from: the text, its publication date, where the title ends."""

    text: str
    publication_date: dt.date | None = None
    title_end: int = 0
    corrections: dict = field(default_factory=dict, hash=False, compare=False)
    extra_tags: tuple[str, ...] = ()


def extract_records(records: Sequence[TextRecord], nlp=None) -> Iterator[Extraction]:
    """Run the whole extraction (model, rules, dates, tags) over texts, in order."""
    from build_tools.convert.nlp import analyse

    for record, analysis in zip(records, analyse((r.text for r in records), nlp), strict=True):
        dates = resolve_dates(
            (
                (d.start, d.end, d.text, d.tense)
                for d in analysis.dates
                if not is_clock_time(record.text, d.start, d.end)
            ),  # fmt: skip
            record.publication_date,
            record.title_end,
        )
        title = record.text[: record.title_end]
        tags = assign_tags(title, record.text[record.title_end :])
        tags = tuple(dict.fromkeys((*tags, *record.extra_tags)))
        yield build_extraction(
            record.text,
            analysis.candidates,
            dates,
            record.title_end,
            record.corrections,
            tags,
        )


def title_end(text: str) -> int:
    """Where a headline ends, when a raw text starts with a line that is not a sentence."""
    from build_tools.convert.resolve import dateline

    first, newline, _ = text.partition("\n")
    if (
        newline
        and not dateline(first)
        and len(first) < 200
        and not first.rstrip().endswith((".", "”", '"'))
    ):
        return len(first)
    return 0


def extract_jsonl(records: Sequence[dict], nlp=None, batch_size: int = 32) -> Iterator[dict]:
    """The ``newsdocs extract`` contract: {id, text, dct?} in, entities and dates out.

    Offsets are character offsets into ``text``; no cleaning of title or trailer.
    """
    inputs = [
        TextRecord(
            record["text"],
            dt.date.fromisoformat(str(record["dct"])[:10]) if record.get("dct") else None,
            title_end(record["text"]),
        )
        for record in records
    ]
    for record, extraction in zip(records, extract_many(inputs, batch_size, nlp), strict=True):
        if isinstance(extraction, str):
            log.error("record %r could not be analysed: %s", record.get("id"), extraction)
            extraction = Extraction((), (), (), (), ())
        yield {
            "id": record.get("id"),
            "people": list(extraction.people),
            "places": list(extraction.places),
            "organizations": list(extraction.organizations),
            "tags": list(extraction.tags),
            "mentions": [
                {"start": m.start, "end": m.end, "kind": m.kind, "name": m.name}
                for m in extraction.mentions
            ],
            "dates": [
                {"start": d.start, "end": d.end, "text": d.text, "value": d.value}
                for d in extraction.dates
            ],
        }


def article_record(article: Article) -> TextRecord:
    header = article.source.header
    return TextRecord(
        text=article.text,
        publication_date=article.publication_date,
        title_end=len(article.title),
        corrections={key: header[key] for key in ("add", "drop") if key in header},
        extra_tags=tuple(header.get("tags", ())),
    )


@contextlib.contextmanager
def _worker_pool(texts: int, batch_size: int, nlp=None, jobs: int | None = None):
    """A pool of worker processes that each load the model once (``jobs``, by default one
    per core), or None when the texts are few or a model was given: then this process
    extracts."""
    jobs = jobs or default_jobs()
    if nlp is not None or jobs < 2 or texts <= 2 * batch_size:
        yield None
        return
    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    with context.Pool(jobs, initializer=_worker_init) as pool:
        yield pool


def extract_many(
    records: list[TextRecord], batch_size: int, nlp=None, jobs: int | None = None, pool=None
) -> Iterable[Extraction | str]:
    """Extractions in input order, or for a text that made extraction fail, the reason
    (so that one bad text fails alone).

    Runs in the given pool of workers, in a new one when there are many texts, or here.
    """
    batches = [records[start : start + batch_size] for start in range(0, len(records), batch_size)]
    with contextlib.ExitStack() as stack:
        if pool is None:
            pool = stack.enter_context(_worker_pool(len(records), batch_size, nlp, jobs))
        if pool is not None:
            for results in pool.imap(_worker_extract, batches):
                yield from results
            return
        from build_tools.convert.nlp import load_model

        nlp = nlp if nlp is not None else load_model()
        for batch in batches:
            yield from _safe_extract(batch, nlp)


def _safe_extract(batch: list[TextRecord], nlp) -> list[Extraction | str]:
    """Extract a batch; when it fails, each text alone, so that one bad text fails alone."""
    try:
        return list(extract_records(batch, nlp))
    except Exception:  # noqa: BLE001 - isolate the text that caused it
        results: list[Extraction | str] = []
        for record in batch:
            try:
                results.extend(extract_records([record], nlp))
            except Exception as error:  # noqa: BLE001
                results.append(f"{type(error).__name__}: {error}")
        return results


def default_jobs() -> int:
    """Worker processes for conversion: NEWSDOCS_JOBS, or one per available core."""
    configured = os.environ.get("NEWSDOCS_JOBS", "")
    if configured.isdigit() and int(configured) > 0:
        return int(configured)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _worker_init() -> None:
    # One BLAS thread per worker, set before this process loads numpy: the workers are
    # one per core already, and OpenBLAS's own threads (one per core in each worker)
    # contended with them (the BBC corpus converted 7-8% slower). A setting of the
    # user's stays.
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
    from build_tools.convert.nlp import load_model

    load_model()


def _worker_extract(batch: list[TextRecord]) -> list[Extraction | str]:
    from build_tools.convert.nlp import load_model

    return _safe_extract(batch, load_model())
