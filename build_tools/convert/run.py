"""The driver: walk source_texts/, run the stages, write pages, report what happened.

Only this module (and the CLI) touches the disk. A manifest in ``.newsdocs-cache/``
remembers the hash of every converted source, so that a run with nothing changed loads no
model; without it, the manifest is rebuilt from the pages' front matter.
"""

from __future__ import annotations

import contextlib
import hashlib
import html
import json
import logging
import os
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from build_tools.convert.clean import clean
from build_tools.convert.pages import ARTICLES, base_slug, generator, make_page, page_directory
from build_tools.convert.pipeline import _worker_pool, article_record, extract_many
from build_tools.convert.read import MAX_SOURCE_BYTES, read_source
from build_tools.errors import SourceError
from build_tools.files import write_atomic
from build_tools.front_matter import FILE as FRONT_MATTER_FILE
from build_tools.front_matter import FrontMatterCache, parse
from build_tools.model import CACHE_DIR, Article
from build_tools.page import dumps, hand_edited

log = logging.getLogger("newsdocs")
MANIFEST = "manifest.json"


@dataclass
class Report:
    """What a conversion run did."""

    converted: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    failed: list[SourceError] = field(default_factory=list)
    #: Mistakes that leave the page as it is: a header ``drop`` that matches no name, a
    #: page edited by hand (kept; ``force`` writes it again).
    errors: list[SourceError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        count = len(self.errors)
        errors = f", {count} error{'s' if count > 1 else ''}" if count else ""
        return (
            f"{len(self.converted)} converted, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed, {len(self.failed)} failed{errors}"
        )


def find_sources(root: Path, report: Report) -> list[Path]:
    """Every ``*.txt`` under root, sorted; symlinks leading outside root are reported."""
    sources = []
    resolved_root = root.resolve()
    for directory, dirnames, filenames in os.walk(root, followlinks=False):
        for name in [d for d in dirnames if _is_link(Path(directory, d))]:
            report.failed.append(
                SourceError(
                    f"{root.name}/{Path(directory, name).relative_to(root).as_posix()}",
                    "is a symbolic link to a folder, not followed",
                    "move or copy the articles into source_texts/ instead of linking to them",
                )
            )
        dirnames[:] = sorted(d for d in dirnames if not _is_link(Path(directory, d)))
        for name in sorted(filenames):
            if not name.endswith(".txt"):
                continue
            path = Path(directory, name)
            shown = f"{root.name}/{_shown_path(path.relative_to(root))}"
            if not _valid_name(path.relative_to(root)):
                report.failed.append(SourceError(
                    shown, "has a file name that is not valid UTF-8 text",
                    "rename the file with letters, digits and dashes (e.g. my-article.txt)",
                ))  # fmt: skip
                continue
            try:
                linked = path.is_symlink()
                target = path.resolve() if linked else path
            except (OSError, RuntimeError) as error:  # a loop of links, a name too long
                report.failed.append(SourceError(
                    shown, f"cannot be read ({getattr(error, 'strerror', None) or error})",
                    "rename or move it (a shorter path, no loop of links), or remove it",
                ))  # fmt: skip
                continue
            if not linked and not _regular_file(path):
                report.failed.append(SourceError(
                    shown, "is not a regular file (a pipe, socket or device), not read",
                    "remove it, and save the article as a plain .txt file",
                ))  # fmt: skip
                continue
            if linked and (not target.is_relative_to(resolved_root) or not _regular_file(target)):
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


def _is_link(path: Path) -> bool:
    """A symbolic link, or a path the system cannot even look at (too long): not walked."""
    try:
        return path.is_symlink()
    except OSError:
        return True


def _valid_name(relative: Path) -> bool:
    """Whether a path under source_texts/ is text (a name os.walk gives with surrogates
    cannot be written into a page or a message)."""
    try:
        relative.as_posix().encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _shown_path(relative: Path) -> str:
    """A path as messages show it, undecodable bytes as \\xNN."""
    return (
        relative.as_posix().encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    )


def _regular_file(path: Path) -> bool:
    """A regular file: never a FIFO (reading one would wait forever) or a device."""
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def _safe_page(page: object) -> str | None:
    """A manifest's page path if it is one the converter could have written: relative,
    under articles/, a .md file, no '..' (the manifest is untrusted input)."""
    if not isinstance(page, str) or "\\" in page or "\x00" in page:
        return None
    parts = page.split("/")
    if parts[0] != ARTICLES or len(parts) < 3 or not page.endswith(".md"):
        return None
    if any(part in {"", ".", ".."} for part in parts) or parts[-1] == "index.md":
        return None
    return page


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
            loaded = json.loads(self.file.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError):
            loaded = None
        if isinstance(loaded, dict) and all(self._valid(entry) for entry in loaded.values()):
            self.entries = loaded
        else:  # absent, corrupt or crafted: rebuilt from the pages themselves
            self.entries = self._scan()

    @staticmethod
    def _valid(entry: object) -> bool:
        return (
            isinstance(entry, dict)
            and _safe_page(entry.get("page")) is not None
            and isinstance(entry.get("sha256"), str)
            and isinstance(entry.get("generator"), str)
        )

    def owns(self, source: str, page: str) -> bool | None:
        """Whether page is the converter's page of source: its own provenance says so (read
        from the page, never from a cache, which is untrusted like the manifest). A page
        the manifest names but that a person wrote (or another source made) is never
        overwritten or removed. None: the page is there but cannot be read."""
        path = self.docs / page
        if not _inside(self.docs, page):
            return False  # behind a symbolic link leading out of docs/articles/
        try:
            meta, _ = parse(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return False
        except (OSError, ValueError, UnicodeDecodeError, yaml.YAMLError):
            return None
        provenance = meta.get("provenance") if isinstance(meta, dict) else None
        if not isinstance(provenance, dict):
            return False
        return html.unescape(str(provenance.get("source_file", ""))) == f"source_texts/{source}"

    def _scan(self) -> dict[str, dict]:
        """Rebuild from the generated pages' front matter."""
        entries: dict[str, dict] = {}
        claimed: set[str] = set()
        for page in sorted((self.docs / ARTICLES).rglob("*.md")):
            relative = page.relative_to(self.docs).as_posix()
            if not _inside(self.docs, relative) or not _regular_file(page):
                continue  # a FIFO would hang the run, a link to /dev/zero never end
            if page.stat().st_size > 4 * MAX_SOURCE_BYTES:
                continue
            try:
                meta, _ = parse(page.read_text(encoding="utf-8"))
                provenance = meta.get("provenance") or {}
            except Exception:  # a hand-written page with broken front matter: not ours
                continue
            source = html.unescape(str(provenance.get("source_file", "")))
            if not source.startswith("source_texts/") or not provenance.get("generator"):
                continue
            name = source.removeprefix("source_texts/")
            if name in entries or name in claimed:  # a person's copy of a page: trust neither
                entries.pop(name, None)
                claimed.add(name)
                continue
            entries[name] = {
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


def assign_page(
    article: Article, source: str, manifest: Manifest, taken: set[str], docs_root: Path
) -> str:
    """The page path for an article: stable across runs, distinct from every other page.

    A source keeps its page while its title (and year) stay the same; a second article with
    the same title gets a suffix made from its source path, so slugs never swap. A path is
    free only if no page is there, or the page there is this source's: a page written by
    hand is never overwritten.
    """
    directory = page_directory(article)
    slug = base_slug(article)
    digest = hashlib.sha256(source.encode("utf-8", "surrogateescape")).hexdigest()

    def free(page: str) -> bool:
        if page in taken or (docs_root / page.removesuffix(".md") / "index.md").exists():
            return False  # x/index.md is served where x.md would be
        return not (docs_root / page).exists() or manifest.owns(source, page) is True

    current = manifest.entries.get(source, {}).get("page")
    if current and (docs_root / current).exists() and manifest.owns(source, current) is None:
        raise SourceError(  # a merge conflict in its page: a second page would stay forever
            article.source.label,
            f"its page docs/{current} cannot be read (its front matter does not parse: a"
            " merge conflict?)",
            "resolve the conflict or delete that page, then run make pages again",
        )
    wanted = f"{directory}/{slug}.md"
    candidates = [wanted, *(f"{directory}/{slug}-{digest[:n]}.md" for n in (6, 12, 24, 64))]
    if current in candidates and free(current):
        return current
    for page in candidates:
        if free(page):
            return page
    raise SourceError(  # 64 hex digits of SHA-256 taken: only by a page written to block it
        article.source.label, f"every page name for it is taken ({wanted})",
        "rename or remove the page written by hand at that path",
    )  # fmt: skip


def convert(
    sources_root: Path,
    docs_root: Path,
    *,
    cache_root: Path | None = None,
    progress: bool | None = None,
    batch_size: int = 32,
    nlp=None,
    force: bool = False,
) -> Report:
    """Convert every source under sources_root into a page under docs_root/articles. A page
    edited by hand is kept and reported, with the lines that differ, unless ``force``."""
    report = Report()
    cache_root = cache_root or sources_root.parent / CACHE_DIR
    front_matter = FrontMatterCache(cache_root / FRONT_MATTER_FILE)
    manifest = Manifest(docs_root, cache_root, front_matter)
    paths = find_sources(sources_root, report)
    present = {path.relative_to(sources_root).as_posix(): path for path in paths}
    pending: list[tuple[str, Path]] = []
    for source, path in present.items():
        digest = _sha256(path)
        if (
            digest is not None
            and manifest.is_current(source, digest)
            and not (_edited(docs_root, manifest.entries[source]["page"]))
        ):
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
                force,
            )
    try:
        manifest.save()
        front_matter.save()
    except OSError as error:
        report.warnings.append(
            f"{CACHE_DIR}/ could not be written ({error.strerror or error}): the next run"
            f" converts again; remove {CACHE_DIR} (a file, or a folder in the way) to mend it"
        )
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
    force: bool = False,
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
            articles, extract_many(records, batch_size, nlp, pool=pool), strict=True
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
            try:
                page = assign_page(article, source, manifest, taken, docs_root)
                taken.add(page)
                old = manifest.entries.get(source, {}).get("page")
                text = dumps(make_page(article, extraction))
                if not _inside(docs_root, page):
                    raise SourceError(
                        article.source.label,
                        f"its page docs/{page} would be outside docs/{ARTICLES}/ (a symbolic"
                        " link on the way)",
                        f"replace the link in docs/{ARTICLES}/ with a folder",
                    )
                edited = _edit_of(docs_root, page, text) if not force else None
                if edited is not None:
                    report.errors.append(SourceError(
                        f"docs/{page}", f"was edited by hand and is kept ({edited})",
                        f"make the change last in the header of source_texts/{source} (title,"
                        " date, source, url, author, tags, add, drop) or in entities.yml, then"
                        " run `make pages FORCE=1` to write the page again",
                    ))  # fmt: skip
                    continue
                write_atomic(docs_root / page, text)
            except SourceError as error:
                report.failed.append(error)
                continue
            except (ValueError, UnicodeError, yaml.YAMLError) as error:  # one page's failure
                report.failed.append(SourceError(
                    article.source.label, f"its page could not be made ({error})"[:300],
                    "this is a bug in newsdocs: report it with the file attached",
                ))  # fmt: skip
                continue
            except OSError as error:
                report.failed.append(SourceError(
                    article.source.label,
                    f"its page could not be written to docs/{page} ({error.strerror or error})",
                    "check that docs/articles/ is a writable folder with free space",
                ))  # fmt: skip
                continue
            if front_matter is not None:
                front_matter.read(text)  # the site reads it from the cache, not the YAML
            if extraction.unmatched_drops:
                report.errors.append(SourceError(
                    f"source_texts/{source}", "its header's drop matches no name: "
                    + "; ".join(extraction.unmatched_drops),
                    "correct the name (the nearest one the text has follows ~) or remove it",
                ))  # fmt: skip
            if old and old != page and manifest.owns(source, old):
                with contextlib.suppress(OSError):  # kept if it cannot go: no harm done
                    (docs_root / old).unlink()
            manifest.entries[source] = {  # a source in error is converted again next time
                "sha256": "" if extraction.unmatched_drops else article.source.sha256,
                "page": page,
                "generator": generator(),
            }
            report.converted.append(source)
            if len(report.converted) % 200 == 0:
                with contextlib.suppress(OSError):  # reported at the end of the run
                    manifest.save()  # a run that is killed loses little


def _edited(docs_root: Path, page: str) -> bool:
    """Whether a generated page was changed by hand since it was written."""
    try:
        return hand_edited((docs_root / page).read_text(encoding="utf-8")) is True
    except (OSError, UnicodeDecodeError):
        return False


def _edit_of(docs_root: Path, page: str, text: str) -> str | None:
    """The lines of a hand-edited page that differ from what the converter writes now, in
    short (``line 5: "people: Carl" -> "people: Carlos"``); None if the page is unedited."""
    try:
        current = (docs_root / page).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    if hand_edited(current) is not True:
        return None
    import difflib

    before, after = text.splitlines(), current.splitlines()
    changes = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal" and not all(line.startswith("  written:") for line in after[j1:j2]):
            old, new = _where_they_differ(" / ".join(before[i1:i2]), " / ".join(after[j1:j2]))
            changes.append(f"line {j1 + 1}: {old!r} -> {new!r}")
    return "; ".join(changes[:3]) + (f"; and {len(changes) - 3} more" if len(changes) > 3 else "")


def _where_they_differ(old: str, new: str, width: int = 80) -> tuple[str, str]:
    """Two lines cut to ``width`` characters around where they first differ ("..." marks
    a cut), so that a word changed late in a long paragraph shows."""
    same = (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b)
    common = next(same, min(len(old), len(new)))
    start = max(0, common - width // 3)

    def cut(line: str) -> str:
        piece = line[start : start + width]
        return ("..." if start else "") + piece + ("..." if start + width < len(line) else "")

    return cut(old), cut(new)


def _remove_deleted(
    present: dict[str, Path], manifest: Manifest, docs_root: Path, report: Report
) -> None:
    for source in sorted(set(manifest.entries) - set(present)):
        entry = manifest.entries.pop(source)
        if not manifest.owns(source, entry["page"]):
            continue  # not a page this source made: a person's, or gone already
        page = docs_root / entry["page"]
        try:
            page.unlink()
        except OSError as error:
            report.failed.append(SourceError(
                f"docs/{entry['page']}", f"is the page of a deleted source but cannot be"
                f" removed ({error.strerror or error})", "remove it by hand",
            ))  # fmt: skip
            continue
        report.removed.append(source)
        _prune_empty(page.parent, docs_root / ARTICLES)


def _prune_empty(directory: Path, stop: Path) -> None:
    with contextlib.suppress(OSError):  # a folder that stays is no harm
        while directory != stop and directory.is_dir() and not any(directory.iterdir()):
            directory.rmdir()
            directory = directory.parent


def _inside(docs_root: Path, page: str) -> bool:
    """Whether a page's path, links resolved, is inside docs/articles/."""
    try:
        return (docs_root / page).resolve().is_relative_to((docs_root / ARTICLES).resolve())
    except (OSError, RuntimeError):
        return False


def check_pages(sources_root: Path, docs_root: Path, nlp=None) -> list[str]:
    """What ``newsdocs pages --check`` reports, changing nothing: the run ``make pages``
    would make, done on a copy of docs/articles/, and every page it would write, change or
    remove; every source in error; every page edited by hand. Each names the file and the fix."""
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="newsdocs-check-") as folder:
        copy = Path(folder) / "docs"
        copy.mkdir()
        if (docs_root / ARTICLES).is_dir():
            shutil.copytree(docs_root / ARTICLES, copy / ARTICLES, symlinks=True)
        cache = Path(folder) / "cache"
        real_cache = sources_root.parent / CACHE_DIR
        if (real_cache / MANIFEST).is_file():
            cache.mkdir()
            shutil.copy(real_cache / MANIFEST, cache / MANIFEST)
        report = convert(sources_root, copy, cache_root=cache, progress=False, nlp=nlp)
        problems = [str(error) for error in [*report.failed, *report.errors]]
        before = _page_texts(docs_root / ARTICLES)
        after = _page_texts(copy / ARTICLES)
    for page in sorted(before.keys() | after.keys()):
        shown = f"docs/{ARTICLES}/{page}"
        if page not in after:
            problems.append(f"{shown}: is the page of a deleted source; run `make pages` (it"
                            " removes the page) and commit the change")  # fmt: skip
        elif page not in before:
            problems.append(f"{shown}: is missing (a new or renamed source); run `make pages`"
                            " and commit the new page")  # fmt: skip
        elif before[page] != after[page]:
            problems.append(f"{shown}: is out of date (its source or the converter changed);"
                            " run `make pages` and commit the change")  # fmt: skip
    return problems


def _page_texts(folder: Path) -> dict[str, bytes]:
    if not folder.is_dir():
        return {}
    return {path.relative_to(folder).as_posix(): path.read_bytes()
            for path in folder.rglob("*.md") if path.is_file()}  # fmt: skip
