"""``make eval``: run the extractor on the dev sets and print the scores.

Uses ``extract_jsonl``, the same code as ``newsdocs extract`` and page conversion.
"""

from __future__ import annotations

import time
from pathlib import Path

from build_tools.evaluate import (
    format_table,
    load_jsonl,
    score_documents,
    score_mentions,
    score_timexes,
)

DATASETS = {
    "news-entities-dev.jsonl": "document-level entities (news-entities-dev)",
    "conll2003-dev.jsonl": "mention-level entities (CoNLL-2003 dev)",
    "tempeval3-dev.jsonl": "DATE timexes (TempEval-3 dev)",
}
BBC_SECTIONS = {
    "business": "economy-business-finance",
    "entertainment": "arts-culture-entertainment-media",
    "politics": "politics",
    "sport": "sport",
    "tech": "science-technology",
}


def _predict(gold: list[dict], nlp) -> tuple[list[dict], float]:
    from build_tools.convert import extract_jsonl

    records = [{"id": g["id"], "text": g["text"], "dct": g.get("dct")} for g in gold]
    started = time.perf_counter()
    predicted = list(extract_jsonl(records, nlp))
    return predicted, time.perf_counter() - started


def topic_agreement(corpus: Path) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """Share of BBC articles whose first tag's top level matches the editors' section."""
    from build_tools.tags import assign_tags

    agree = total = 0
    per_section: dict[str, tuple[int, int]] = {}
    for section, topic in BBC_SECTIONS.items():
        hits = count = 0
        for file in sorted((corpus / section).glob("*.txt")):
            title, _, body = file.read_text(encoding="utf-8", errors="replace").partition("\n")
            tags = assign_tags(title, body)
            hits += bool(tags) and tags[0].split("/")[0] == topic
            count += 1
        per_section[section] = (hits, count)
        agree, total = agree + hits, total + count
    return agree, total, per_section


def run(data: Path, limit: int | None = None) -> int:
    """Print every score that can be computed from the data found; 0 when it ran."""
    if not data.is_dir():
        print(
            f"newsdocs eval: {data} not found; skipping (the dev sets live in ../shared/data/eval)"
        )
        return 0
    from build_tools.extract import load_model

    nlp = load_model()
    scorers = {
        "news-entities-dev.jsonl": score_documents,
        "conll2003-dev.jsonl": score_mentions,
        "tempeval3-dev.jsonl": score_timexes,
    }
    for name, title in DATASETS.items():
        path = data / name
        if not path.is_file():
            print(f"{title}: {path} not found, skipped\n")
            continue
        gold = load_jsonl(path)[:limit]
        predicted, seconds = _predict(gold, nlp)
        print(
            format_table(
                f"{title}: {len(gold)} docs, {seconds:.1f} s", scorers[name](gold, predicted)
            )
        )
        print()
    corpus = data.parent / "corpus" / "bbc-fulltext"
    if corpus.is_dir():
        agree, total, per_section = topic_agreement(corpus)
        print(
            f"Topic agreement on the BBC corpus (first tag's top level vs folder): "
            f"{agree}/{total} = {agree / total:.3f}"
        )
        for section, (hits, count) in per_section.items():
            print(f"  {section:<14} {hits}/{count} = {hits / count:.3f}")
    else:
        print(f"Topic agreement: {corpus} not found, skipped")
    return 0
