"""Live preview of a saved source: converted as it is saved, so that ``mkdocs serve``
builds once.

MkDocs watches docs/, and rebuilds the site when any file there changes. A source
converted at the start of a build writes its page into docs/, which MkDocs sees after
that build, so every save built the site twice and reloaded the browser twice. Converted
when the watcher reports the save, the page is written before the build: docs/ changes
once, and MkDocs builds once.
"""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler

log = logging.getLogger("mkdocs.plugins.newsdocs")


def convert_sources(sources: Path, docs: Path) -> None:
    """Convert the sources that changed since the last run into docs/ (the model loads on
    the first change only), and report it; a source in error is reported, the others
    are converted."""
    from build_tools.convert.run import convert

    started = time.perf_counter()
    report = convert(sources, docs, progress=False)
    for error in [*report.failed, *report.errors]:
        log.warning(f"live preview: {error}")
    if report.converted or report.removed:
        log.info(f"live preview: {report.summary()} in {time.perf_counter() - started:.1f} s")


class SourceSaved(FileSystemEventHandler):
    """Converts the sources when a file under source_texts/ is saved, moved or removed.

    It runs on the watcher's thread: the watcher reports docs/'s changes, the page just
    written among them, once the conversion is done. One conversion runs at a time, and
    an error is logged, not raised (it would stop the watcher and the live preview)."""

    def __init__(self, sources: Path, docs: Path) -> None:
        self.sources = sources
        self.docs = docs
        self.lock = threading.Lock()

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.is_directory or event.event_type in {"opened", "closed", "closed_no_write"}:
            return
        with self.lock:
            try:
                convert_sources(self.sources, self.docs)
            except Exception as error:  # noqa: BLE001 - the preview goes on; the cause is shown
                log.error(f"live preview: converting {self.sources.name}/ failed: {error!r}")
