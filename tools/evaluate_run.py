"""``make eval``: run the extractor on the dev sets and print the scores.

Uses ``extract_jsonl``, the same code as ``newsdocs extract`` and page conversion.
"""

from __future__ import annotations

import time
from pathlib import Path

from tools.evaluate import (
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
    from build_tools.convert.pipeline import extract_jsonl

    records = [{"id": g["id"], "text": g["text"], "dct": g.get("dct")} for g in gold]
    started = time.perf_counter()
    predicted = list(extract_jsonl(records, nlp))
    return predicted, time.perf_counter() - started


def topic_agreement(corpus: Path) -> tuple[int, int, dict[str, tuple[int, int]]]:
    """Share of BBC articles whose first tag's top level matches the editors' section."""
    from build_tools.convert.tags import assign_tags

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


def archive_identity(corpus: Path, nlp=None) -> dict:
    """One identity per person across the BBC archive.

    Converts every article (no pages written), builds the site's EntityIndex and counts
    the person pages whose name is a strict token subset of another person page's name
    (``Blair`` beside ``Tony Blair``): each is a missed merge or an ambiguous short name.
    """
    import random

    from build_tools.archive.index import ArticleInfo, EntityIndex
    from build_tools.convert.pipeline import TextRecord, extract_many
    from build_tools.model import KINDS, SECTION
    from build_tools.page import ArticlePage, Named

    files = sorted(corpus.glob("*/*.txt"))
    texts = [file.read_text(encoding="utf-8", errors="replace") for file in files]
    records = [TextRecord(text, None, max(text.find("\n"), 0)) for text in texts]
    articles = []
    for number, extraction in enumerate(extract_many(records, 32, nlp)):
        if isinstance(extraction, str):
            continue
        title, _, body = texts[number].partition("\n")
        page = ArticlePage(
            title=title,
            paragraphs=tuple(p for p in body.split("\n") if p.strip()),
            **{SECTION[kind]: tuple(Named(n) for n in extraction.names(kind)) for kind in KINDS},
        )
        articles.append(ArticleInfo(f"articles/{number}.md", page))
    index = EntityIndex(articles)
    people = [ref.name for ref, _ in index.of_kind("person")]
    token_sets = {name: frozenset(name.casefold().split()) for name in people}
    subsets = sorted(
        name
        for name, tokens in token_sets.items()
        if any(tokens < other for other in token_sets.values())
    )
    merges = sorted(
        {
            (short, ref.name)
            for (_, kind, short), ref in index.identity.resolved.items()
            if kind == "person" and ref is not None and ref.name != short
        }
    )
    sample = random.Random(0).sample(merges, min(50, len(merges)))
    return {
        "articles": len(articles),
        "person_pages": len(people),
        "subset_pages": subsets,
        "merges": len(merges),
        "sample": sorted(sample),
    }


def extraction_speed(
    corpus: Path, nlp, count: int = 150, rounds: int = 3
) -> tuple[float, float, float]:
    """Articles per second over BBC articles, one process: bare spaCy (the model's whole
    pipeline through ``nlp.pipe``: tok2vec, tagger, parser, entity recognizer), its entity
    recognizer alone, and the whole extraction (recognizer on every text, tagger and parser
    on the sentences that need them, rules, dates, tags).

    They take turns, ``rounds`` times each, and each keeps its best round: on a shared
    machine a single run of each drifts by more than the difference measured.
    """
    from build_tools.convert.nlp import SENTENCES, SYNTAX
    from build_tools.convert.pipeline import TextRecord, extract_records

    files = sorted(corpus.glob("*/*.txt"))
    files = files[:: max(1, len(files) // count)][:count]
    texts = [file.read_text(encoding="utf-8", errors="replace") for file in files]
    records = [TextRecord(text, None, max(text.find("\n"), 0)) for text in texts]
    list(extract_records(records[:8], nlp))  # warm up the model and the rules
    runs = {
        "bare": lambda: nlp.pipe(texts, batch_size=32, disable=[SENTENCES]),
        "ner": lambda: nlp.pipe(texts, batch_size=32, disable=[SENTENCES, *SYNTAX]),
        "ours": lambda: extract_records(records, nlp),
    }
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(rounds):
        for name, make in runs.items():
            started = time.perf_counter()
            for _ in make():
                pass
            best[name] = min(best[name], time.perf_counter() - started)
    return tuple(len(texts) / best[name] for name in runs)


def run(data: Path, limit: int | None = None) -> int:
    """Print every score that can be computed from the data found; 0 when it ran."""
    if not data.is_dir():
        print(f"make eval: {data} not found; skipping (the dev sets live in ../shared/data/eval)")
        return 0
    from build_tools.convert.nlp import load_model

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
        bare, ner, full = extraction_speed(corpus, nlp)
        print(
            f"\nExtraction speed, one process, 150 BBC articles, best of 3: bare spaCy "
            f"(whole pipeline) {bare:.1f} articles/s, its entity recognizer alone {ner:.1f}, "
            f"our extraction {full:.1f} ({bare / full - 1:+.1%} time over bare spaCy)"
        )
        identity = archive_identity(corpus, nlp)
        share = len(identity["subset_pages"]) / max(1, identity["person_pages"])
        print(
            f"\nOne identity per person on the BBC corpus ({identity['articles']} articles): "
            f"{identity['person_pages']} person pages, {len(identity['subset_pages'])} "
            f"({share:.2%}) named by a strict token subset of another page's name; "
            f"{identity['merges']} short names merged archive-wide"
        )
        print("  subset names:", ", ".join(identity["subset_pages"][:40]))
        print("  sample of merges:", "; ".join(f"{a} -> {b}" for a, b in identity["sample"]))
    else:
        print(f"Topic agreement: {corpus} not found, skipped")
    if (data / "entity-pages-dev.labels.json").is_file() and corpus.is_dir():
        print_entity_pages(data, nlp)
    return 0


def print_entity_pages(data: Path, nlp=None) -> dict:
    """Entity-page precision on the BBC dev archive and the check archives (``_CHECKS``;
    tools/entity_pages.py)."""
    from tools.bench import format_table as grid
    from tools.entity_pages import run as pages_run

    started = time.perf_counter()
    found = pages_run(data, nlp)
    print(
        f"\nEntity pages of the BBC archive ({found['converted']} articles, "
        f"{len(found['pages'])} pages, {time.perf_counter() - started:.0f} s): "
        "precision = ok pages / labelled pages; halves by a hash of the slug"
    )
    headers = ["half", "kind", "pages", "ok", "by pages", "by articles", "unlabelled"]
    print(grid(headers, found["rows"]))
    labels = ", ".join(f"{label} {count}" for label, count in sorted(found["labels"].items()))
    print(
        f"  labels: {labels}; ok pages of the shared labels lost: {len(found['ok_lost'])}"
        f" ({'; '.join(found['ok_lost'][:20])}), ok pages gained: {found['ok_gained']}"
    )
    if found["unlabelled"]:
        print("  unlabelled:", "; ".join(found["unlabelled"][:60]))
    print(_queue_line(found["queue"]))
    for key, title in _CHECKS:
        if found[key]:
            _print_check(title, found[key], headers)
    return found


#: The check archives ``entity_pages.run`` scores beside the BBC one, and their headings
#: (each takes its article and page counts).
_CHECKS = (
    ("conll", "the CoNLL-2003 dev archive ({} Reuters articles, {} pages), labelled from its"
              " gold entities (a check, not a development set; duplicates not told apart)"),
    ("tempeval", "the TempEval-3 dev archive ({} articles of 1989-2000, {} pages), labelled"
                 " by hand (tools/labels/entity-pages-tempeval.json; a check, not a"
                 " development set)"),
)  # fmt: skip


def _print_check(title: str, found: dict, headers: list[str]) -> None:
    """A check archive's table, labels and wrong pages, then what it has of its review
    queue's figures, its labels' right pages lost and its unlabelled pages."""
    from tools.bench import format_table as grid

    print(f"\nEntity pages of {title.format(found['converted'], len(found['pages']))}")
    print(grid(headers, found["rows"]))
    labels = ", ".join(f"{label} {count}" for label, count in sorted(found["labels"].items()))
    print(f"  labels: {labels}; wrong: {'; '.join(found['wrong'][:40])}")
    if "queue" in found:
        print(_queue_line(found["queue"]))
    if "ok_lost" in found:
        print(f"  ok pages of its labels lost: {'; '.join(found['ok_lost']) or 'none'}")
    if found.get("unlabelled"):
        print("  unlabelled:", "; ".join(found["unlabelled"][:40]))


def _queue_line(queue: dict) -> str:
    """The review queue's figures (``entity_pages.queue_figures``) as one line."""
    first = queue["first"]
    return (
        f"  review queue (`newsdocs review`): {queue['entries']} entries, "
        f"{queue['wrong_listed']} of them wrong, of the archive's {queue['wrong_pages']} wrong "
        f"pages; truly wrong among the first {first}: {queue['first_n']} (half A's first "
        f"{first}: {queue['first_n_A']} of its {queue['wrong_pages_A']} wrong pages, half B's: "
        f"{queue['first_n_B']} of {queue['wrong_pages_B']})"
        + (f", among the first 10: {queue['first_10']}" if first != 10 else "")
    )


def main(argv: list[str] | None = None) -> int:
    import argparse
    import logging

    parser = argparse.ArgumentParser(prog="python -m tools.evaluate_run", description=__doc__)
    parser.add_argument("--data", default="../shared/data/eval")
    parser.add_argument("--limit", type=int, default=None, help="documents per set")
    args = parser.parse_args(argv)
    logging.basicConfig(format="warning: %(message)s", level=logging.WARNING)
    return run(Path(args.data), limit=args.limit)


if __name__ == "__main__":
    raise SystemExit(main())
