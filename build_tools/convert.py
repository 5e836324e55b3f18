"""The driver: walk source_texts/, run the stages, write pages, report what happened.

Only this module (and the CLI) touches the disk. A manifest in ``.newsdocs-cache/``
remembers the hash of every converted source, so that a run with nothing changed loads no
model; without it, the manifest is rebuilt from the pages' front matter.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import multiprocessing
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from build_tools.clean import clean
from build_tools.dates import resolve_dates
from build_tools.errors import SourceError
from build_tools.front_matter import FILE as FRONT_MATTER_FILE
from build_tools.front_matter import FrontMatterCache
from build_tools.model import CACHE_DIR, Article, Extraction
from build_tools.pages import ARTICLES, base_slug, generator, page_directory, render, write_atomic
from build_tools.read import read_source
from build_tools.resolve import extraction as build_extraction
from build_tools.tags import assign_tags

log = logging.getLogger("newsdocs")
MANIFEST = "manifest.json"


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
    from build_tools.extract import analyse

    for record, analysis in zip(records, analyse((r.text for r in records), nlp), strict=True):
        dates = resolve_dates(
            ((d.start, d.end, d.text, d.tense) for d in analysis.dates),
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
    from build_tools.resolve import dateline

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
    for record, extraction in zip(
        records, _extract_in_batches(inputs, batch_size, nlp), strict=True
    ):
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


@dataclass
class Report:
    """What a conversion run did."""

    converted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[SourceError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{len(self.converted)} converted, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed"
        )


def find_sources(root: Path, report: Report) -> list[Path]:
    """Every ``*.txt`` under root, sorted; symlinks leading outside root are reported."""
    sources = []
    resolved_root = root.resolve()
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        for name in [d for d in dirnames if Path(directory, d).is_symlink()]:
            report.failed.append(
                SourceError(
                    f"{root.name}/{Path(directory, name).relative_to(root).as_posix()}",
                    "is a symbolic link to a folder, not followed",
                    "move or copy the articles into source_texts/ instead of linking to them",
                )
            )
        dirnames[:] = sorted(d for d in dirnames if not Path(directory, d).is_symlink())
        for name in sorted(filenames):
            if not name.endswith(".txt"):
                continue
            path = Path(directory, name)
            if path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(resolved_root) or not target.is_file():
                    report.failed.append(
                        SourceError(
                            f"{root.name}/{path.relative_to(root).as_posix()}",
                            "is a symbolic link to a file outside source_texts/, not followed",
                            "copy the article into source_texts/ instead of linking to it",
                        )
                    )
                    continue
            sources.append(path)
    return sources


class Manifest:
    """Source path -> {sha256, page, generator}, kept in the cache and checked against disk."""

    def __init__(
        self, docs: Path, cache: Path, front_matter: FrontMatterCache | None = None
    ) -> None:
        self.docs = docs
        self.file = cache / MANIFEST
        self.front_matter = front_matter or FrontMatterCache(None)
        self.entries: dict[str, dict] = {}
        try:
            self.entries = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = self._scan()

    def _scan(self) -> dict[str, dict]:
        """Rebuild from the generated pages' front matter."""
        entries: dict[str, dict] = {}
        for page in sorted((self.docs / ARTICLES).rglob("*.md")):
            try:
                meta, _ = self.front_matter.read(page.read_text(encoding="utf-8"))
                provenance = meta.get("provenance") or {}
            except Exception:  # a hand-written page with broken front matter: not ours
                continue
            source = str(provenance.get("source_file", ""))
            if not source.startswith("source_texts/") or not provenance.get("generator"):
                continue
            entries[source.removeprefix("source_texts/")] = {
                "sha256": provenance.get("sha256"),
                "page": page.relative_to(self.docs).as_posix(),
                "generator": provenance.get("generator"),
            }
        return entries

    def is_current(self, source: str, sha256: str) -> bool:
        entry = self.entries.get(source)
        return (
            entry is not None
            and entry.get("sha256") == sha256
            and entry.get("generator") == generator()
            and (self.docs / entry["page"]).is_file()
        )

    def save(self) -> None:
        self.file.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(self.file, json.dumps(self.entries, indent=1, sort_keys=True))


def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def assign_page(article: Article, source: str, manifest: Manifest, taken: set[str]) -> str:
    """The page path for an article: stable across runs, distinct from every other page.

    A source keeps its page while its title (and year) stay the same; a second article with
    the same title gets a suffix made from its source path, so slugs never swap.
    """
    directory = page_directory(article)
    slug = base_slug(article)
    suffixed = f"{directory}/{slug}-{hashlib.sha1(source.encode('utf-8')).hexdigest()[:6]}.md"
    current = manifest.entries.get(source, {}).get("page")
    if current in {f"{directory}/{slug}.md", suffixed} and current not in taken:
        return current
    wanted = f"{directory}/{slug}.md"
    return wanted if wanted not in taken else suffixed


def convert(
    sources_root: Path,
    docs_root: Path,
    *,
    cache_root: Path | None = None,
    progress: bool | None = None,
    batch_size: int = 32,
    nlp=None,
) -> Report:
    """Convert every source under sources_root into a page under docs_root/articles."""
    report = Report()
    cache_root = cache_root or sources_root.parent / CACHE_DIR
    front_matter = FrontMatterCache(cache_root / FRONT_MATTER_FILE)
    manifest = Manifest(docs_root, cache_root, front_matter)
    paths = find_sources(sources_root, report)
    present = {path.relative_to(sources_root).as_posix(): path for path in paths}
    pending: list[tuple[str, Path]] = []
    for source, path in present.items():
        digest = _sha256(path)
        if digest is not None and manifest.is_current(source, digest):
            report.unchanged.append(source)
        else:
            pending.append((source, path))
    _remove_deleted(present, manifest, docs_root, report)
    taken = {entry["page"] for source, entry in manifest.entries.items() if source in present} - {
        manifest.entries.get(source, {}).get("page") for source, _ in pending
    }
    # Workers load the model while this process reads and cleans the sources.
    with _worker_pool(len(pending), batch_size, nlp) as pool:
        articles: list[tuple[str, Article]] = []
        for source, path in pending:
            try:
                article = clean(read_source(path, sources_root))
            except SourceError as error:
                report.failed.append(error)
                continue
            report.warnings.extend(article.source.warnings)
            articles.append((source, article))
        if articles:
            _convert_articles(
                articles,
                manifest,
                docs_root,
                taken,
                report,
                progress,
                batch_size,
                nlp,
                pool,
                front_matter,
            )
    manifest.save()
    front_matter.save()
    for warning in report.warnings:
        log.warning(warning)
    return report


def _convert_articles(
    articles: list[tuple[str, Article]],
    manifest: Manifest,
    docs_root: Path,
    taken: set[str],
    report: Report,
    progress: bool | None,
    batch_size: int,
    nlp=None,
    pool=None,
    front_matter: FrontMatterCache | None = None,
) -> None:
    from tqdm import tqdm

    records = [article_record(article) for _, article in articles]
    bar = tqdm(
        total=len(articles),
        desc="converting",
        unit="article",
        disable=(not sys.stderr.isatty()) if progress is None else not progress,
        file=sys.stderr,
    )
    with bar:
        for (source, article), extraction in zip(
            articles, _extract_in_batches(records, batch_size, nlp, pool=pool), strict=True
        ):
            bar.update(1)
            if isinstance(extraction, str):
                report.failed.append(
                    SourceError(
                        article.source.label,
                        f"could not be analysed ({extraction[:200]})",
                        "this is a bug in newsdocs: report it with the file attached",
                    )
                )
                continue
            page = assign_page(article, source, manifest, taken)
            taken.add(page)
            old = manifest.entries.get(source, {}).get("page")
            text = render(article, extraction)
            write_atomic(docs_root / page, text)
            if front_matter is not None:
                front_matter.read(text)  # the site reads it from the cache, not the YAML
            if old and old != page:
                (docs_root / old).unlink(missing_ok=True)
            manifest.entries[source] = {
                "sha256": article.source.sha256,
                "page": page,
                "generator": generator(),
            }
            report.converted.append(source)
            if len(report.converted) % 200 == 0:
                manifest.save()  # a run that is killed loses little


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


def _extract_in_batches(
    records: list[TextRecord], batch_size: int, nlp=None, jobs: int | None = None, pool=None
) -> Iterable[Extraction | str]:
    """Extractions in input order, or for a text that made extraction fail, the reason.

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
        from build_tools.extract import load_model

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
    from build_tools.extract import load_model

    load_model()


def _worker_extract(batch: list[TextRecord]) -> list[Extraction | str]:
    from build_tools.extract import load_model

    return _safe_extract(batch, load_model())


def _remove_deleted(
    present: dict[str, Path], manifest: Manifest, docs_root: Path, report: Report
) -> None:
    for source in sorted(set(manifest.entries) - set(present)):
        page = docs_root / manifest.entries.pop(source)["page"]
        if page.is_file():
            page.unlink()
            report.removed.append(source)
            _prune_empty(page.parent, docs_root / ARTICLES)


def _prune_empty(directory: Path, stop: Path) -> None:
    while directory != stop and directory.is_dir() and not any(directory.iterdir()):
        directory.rmdir()
        directory = directory.parent
