"""Live preview of a saved source: converted as it is saved, so that ``mkdocs serve``
builds once.

MkDocs watches docs/, and rebuilds the site when any file there changes. A source
converted at the start of a build writes its page into docs/, which MkDocs sees after
that build, so every save built the site twice and reloaded the browser twice. Converted
when the watcher reports the save, the page is written before the build: docs/ changes
once, and MkDocs builds once.

A conversion and a build never run at once (``LiveSources.lock``, which the plugin holds
from ``on_pre_build`` to the build's end): a page is not replaced while a build reads the
pages, and a source's error is not logged during a build, where ``strict: true`` would
count it against that build.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

log = logging.getLogger("mkdocs.plugins.newsdocs")

#: A source written this close before a conversion began may have been written again in
#: the same tick of the file system's clock, its time unchanged: its digest tells.
RACY_NS = 100_000_000
#: Beyond the watcher's poll, the time its look at a large docs/ takes (10,000 pages).
POLL_MARGIN = 0.25


def convert_sources(sources: Path, docs: Path) -> bool:
    """Convert the sources that changed since the last run into docs/ (the model loads on
    the first change only), and report it; a source in error is reported, the others
    are converted. Whether a page was written or removed."""
    from build_tools.convert.run import convert

    started = time.perf_counter()
    report = convert(sources, docs, progress=False)
    for error in [*report.failed, *report.errors]:
        log.warning(f"live preview: {error}")
    if report.converted or report.removed:
        log.info(f"live preview: {report.summary()} in {time.perf_counter() - started:.1f} s")
    return bool(report.converted or report.removed)


class LiveSources:
    """The sources folder under ``mkdocs serve``: watched on serve's watcher (its thread
    converts a saved source), converted once when the watch starts (what was saved before
    it), watched again when mkdocs.yml names another folder or the folder was replaced."""

    def __init__(self, observer) -> None:
        self.observer = observer
        self.lock = threading.Lock()
        self.sources: Path | None = None
        self.docs: Path | None = None
        self.watch = None
        #: The folder itself was removed or moved: the watcher no longer reports it.
        self.lost = False
        #: The watched folder's device and inode: a folder of the same name put in its place
        #: is another, which the watch does not see (inotify reports no move of the root).
        self.folder: tuple[int, int] | None = None
        #: Each source's modification time when the last conversion began, and that time;
        #: the digests of those written just before it (``RACY_NS``).
        self.seen: dict[str, int] = {}
        self.seen_at = 0
        self.racy: dict[str, str | None] = {}

    def follow(self, sources: Path, docs: Path) -> None:
        """Watch ``sources`` (if not watched already) and convert what changed in it; the
        caller holds ``lock``."""
        watched = self.watch is not None and not self.lost and _folder(sources) == self.folder
        if watched and (sources, docs) == (self.sources, self.docs):
            return
        self.stop()
        self.sources, self.docs, self.lost = sources, docs, False
        self.folder = _folder(sources)
        if sources.is_dir():
            self.watch = self.observer.schedule(SourceSaved(self), str(sources), recursive=True)
            self.convert()

    def stop(self) -> None:
        """Watch the folder no more (a folder removed is no longer watched already)."""
        if self.watch is not None:
            with contextlib.suppress(KeyError):
                self.observer.unschedule(self.watch)
            self.watch = None

    def convert(self) -> bool:
        """Convert the changed sources (the caller holds ``lock``); whether pages changed."""
        if self.sources is None or self.docs is None or not self.sources.is_dir():
            return False
        self.seen_at = time.time_ns()
        self.seen = {path: mtime for path in _sources_in(self.sources)
                     if (mtime := _modified(path)) is not None}  # fmt: skip
        self.racy = {path: _digest(path) for path, mtime in self.seen.items()
                     if mtime >= self.seen_at - RACY_NS}  # fmt: skip
        return convert_sources(self.sources, self.docs)

    def changed(self, path: str) -> bool:
        """Whether a source may differ from what the last conversion read: written or
        removed since it began, or written just before it with other contents."""
        mtime = _modified(path)
        if mtime != self.seen.get(path):
            return True
        return path in self.racy and _digest(path) != self.racy[path]


class SourceSaved(FileSystemEventHandler):
    """Converts the sources when a ``.txt`` under the folder is saved, moved or removed
    and differs from what the last conversion read (a checkout of a hundred sources
    converts once, not a hundred times); other files (an editor's swap file) are not
    sources.

    It runs on the watcher's thread, which reports docs/'s changes, the pages just
    written among them, once it is done. An error is logged, not raised: it would stop
    the watcher, and the live preview with it."""

    def __init__(self, live: LiveSources) -> None:
        self.live = live

    def on_any_event(self, event: FileSystemEvent) -> None:
        live = self.live
        paths = [os.fsdecode(event.src_path)]
        if event.event_type == "moved":
            paths.append(os.fsdecode(event.dest_path))
        if event.is_directory and Path(paths[0]) == live.sources:
            if event.event_type in {"deleted", "moved"}:
                with live.lock:  # (a warning during a build would count against it)
                    live.lost = True
                    log.warning(
                        f"live preview: {paths[0]} was removed or moved: its sources are"
                        " converted at the next build once it is back"
                    )
            return
        # A folder of sources removed or moved is reported as one event, not a file's;
        # events lost (too many at once) say nothing of which.
        whole = event.event_type == "events_lost" or (
            event.is_directory and event.event_type in {"deleted", "moved"}
        )
        if not whole and not any(path.endswith(".txt") and live.changed(path) for path in paths):
            return
        with live.lock:
            try:
                written = live.convert()
            except Exception as error:  # noqa: BLE001 - the preview goes on; the cause is shown
                log.error(f"live preview: converting {live.sources} failed: {error!r}")
                return
            if written:
                # Wait out one of the watcher's polls: every page written is then reported
                # to MkDocs at once, which builds once (a poll between two of the pages'
                # writes, and the other's report during the build, built twice).
                time.sleep(getattr(live.observer, "timeout", 0) + POLL_MARGIN)


def _sources_in(folder: Path) -> list[str]:
    return [
        os.path.join(directory, name)
        for directory, _, names in os.walk(folder)
        for name in names
        if name.endswith(".txt")
    ]


def _modified(path: str) -> int | None:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None


def _digest(path: str) -> str | None:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError:
        return None


def _folder(path: Path) -> tuple[int, int] | None:
    try:
        found = path.stat()
    except OSError:
        return None
    return found.st_dev, found.st_ino
