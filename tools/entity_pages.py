"""Entity-page precision: the person, place and organization pages of the BBC archive, as a
reader meets them, scored against hand labels (``make eval``).

The archive is built as ``../shared/data/eval/entity-pages-dev.md`` says (every BBC article
with a dated header, converted in a temporary folder, never committed); each page the site
would make is looked up in the shared labels and, for pages a changed extractor adds, in
``tools/labels/entity-pages-added.json`` (names and labels only). Pages are split in two
halves by a hash of their slug: rules are written looking at one half only, and both are
reported.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ADDED = Path(__file__).parent / "labels" / "entity-pages-added.json"
KINDS = ("person", "place", "organization")


@dataclass(frozen=True)
class EntityPage:
    kind: str
    name: str
    slug: str
    articles: int

    @property
    def key(self) -> str:
        return f"{self.kind}:{self.name}"

    @property
    def half(self) -> str:
        """ "A" or "B", by a hash of the slug (stable across runs and builds)."""
        return "AB"[int(hashlib.sha256(self.slug.encode("utf-8")).hexdigest(), 16) % 2]


def write_sources(corpus: Path, sources: Path) -> int:
    """The dev archive's sources: every BBC article with the recipe's dated header."""
    files = sorted(corpus.glob("*/*.txt"), key=lambda f: (f.parent.name, f.name))
    sources.mkdir(parents=True, exist_ok=True)
    for number, file in enumerate(files):
        date = dt.date(2004, 1, 1) + dt.timedelta(days=(number * 7919) % 730)
        text = file.read_bytes().decode("utf-8", errors="replace")
        header = f"---\ndate: {date.isoformat()}\nsource: BBC News\n---\n"
        (sources / f"{file.parent.name}-{file.name}").write_text(header + text, encoding="utf-8")
    return len(files)


def archive_pages(docs: Path, entities_file: Path | None = None) -> list[EntityPage]:
    """The entity pages the site makes of docs/articles (the plugin's defaults)."""
    from build_tools.archive.identity import load_curated
    from build_tools.archive.index import EntityIndex, default_min_articles
    from build_tools.archive.site import read_articles
    from build_tools.front_matter import FrontMatterCache

    pages = ((p.relative_to(docs).as_posix(), p.read_text(encoding="utf-8"))
             for p in sorted((docs / "articles").rglob("*.md")))  # fmt: skip
    found = read_articles(pages, FrontMatterCache(None))
    curated = load_curated(entities_file) if entities_file else None
    index = EntityIndex(found.articles, curated=curated)
    count = len(index.articles)
    index.min_articles = default_min_articles(count)
    return [
        EntityPage(ref.kind, ref.name, ref.slug, len(appearances))
        for kind in KINDS
        for ref, appearances in index.of_kind(kind)
        if index.has_page(ref)
    ]


def load_labels(shared: Path) -> dict[str, str]:
    """Key -> label, the shared dev labels first, then ours for pages they lack."""
    labels = {key: value["label"] for key, value in json.loads(shared.read_text("utf-8")).items()}
    if ADDED.is_file():
        for key, value in json.loads(ADDED.read_text("utf-8")).items():
            labels.setdefault(key, value["label"] if isinstance(value, dict) else value)
    return labels


def score(pages: list[EntityPage], labels: dict[str, str]) -> list[list[str]]:
    """Rows of the table: precision per kind and overall, by pages and by articles, for
    both halves and in all, with the count of unlabelled pages."""
    rows = []
    for half in ("A", "B", "all"):
        for kind in (*KINDS, "all"):
            chosen = [p for p in pages if (half == "all" or p.half == half)
                      and (kind == "all" or p.kind == kind)]  # fmt: skip
            labelled = [p for p in chosen if p.key in labels]
            ok = [p for p in labelled if labels[p.key] == "ok"]
            by_pages = len(ok) / len(labelled) if labelled else 0.0
            weight = sum(p.articles for p in labelled)
            by_articles = sum(p.articles for p in ok) / weight if weight else 0.0
            rows.append([half, kind, str(len(chosen)), str(len(ok)),
                         f"{by_pages:.3f}", f"{by_articles:.3f}",
                         str(len(chosen) - len(labelled))])  # fmt: skip
    return rows


def run(data: Path, nlp=None) -> dict:
    """Build the dev archive, list its entity pages and score them; the figures."""
    from build_tools.convert.run import convert

    shared = data / "entity-pages-dev.labels.json"
    corpus = data.parent / "corpus" / "bbc-fulltext"
    labels = load_labels(shared)
    with tempfile.TemporaryDirectory(prefix="newsdocs-pages-") as folder:
        root = Path(folder)
        write_sources(corpus, root / "source_texts")
        report = convert(root / "source_texts", root / "docs", nlp=nlp, progress=False)
        pages = archive_pages(root / "docs", Path(__file__).parents[1] / "entities.yml")
    by_label = Counter(labels.get(p.key, "unlabelled").split(":")[0] for p in pages)
    shared_ok = {
        key
        for key, value in json.loads(shared.read_text("utf-8")).items()
        if value["label"] == "ok"
    }  # fmt: skip (the shared labels alone)
    now = {p.key for p in pages}
    return {
        "converted": len(report.converted),
        "failed": len(report.failed),
        "pages": pages,
        "rows": score(pages, labels),
        "labels": by_label,
        "unlabelled": sorted(p.key for p in pages if p.key not in labels),
        "ok_lost": sorted(shared_ok - now),
        "ok_gained": len({p.key for p in pages if labels.get(p.key) == "ok"} - shared_ok),
    }


def main() -> int:
    """``python -m tools.entity_pages``: this measure alone (about two minutes)."""
    import logging

    from tools.evaluate_run import print_entity_pages

    logging.basicConfig(format="warning: %(message)s", level=logging.ERROR)
    print_entity_pages(Path(__file__).parents[2] / "shared" / "data" / "eval")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
