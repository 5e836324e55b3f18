"""Render part of a large site's pages in a forked copy of the build.

MkDocs renders one page at a time, and in a large archive Material's template takes about
as long as everything before it. Once every page's content is ready (``on_env``), the
plugin forks: the child renders the pages it is given with MkDocs' own ``_build_page``
(the same template, context and plugin events) and writes them; the parent renders those
pages through an empty template, whose output MkDocs does not write, and the others as
usual. The parent still runs every page's ``on_page_context``, so plugins that collect
from it (search) see every page. The child's warnings and errors come back through a pipe
and are logged by the parent, where ``--strict`` counts them.

POSIX only (``os.fork``); the plugin uses it for ``mkdocs build`` of a large archive on a
machine with two cores or more.
"""

from __future__ import annotations

import json
import logging
import os
import signal
from collections.abc import Callable, Sequence

#: The template the parent renders the child's pages with: empty, so MkDocs writes nothing.
ELSEWHERE = "newsdocs-rendered-elsewhere.html"


def available() -> bool:
    """Whether a second process can render pages here: fork, and a second core."""
    return hasattr(os, "fork") and (os.cpu_count() or 1) >= 2


def share(items: Sequence, fraction: float) -> list:
    """About ``fraction`` of items, spread evenly over them (0.5: every other one)."""
    return [item for number, item in enumerate(items, 1)
            if int(number * fraction) > int((number - 1) * fraction)]  # fmt: skip


class _Collect(logging.Handler):
    def __init__(self, records: list[tuple[int, str, str]]) -> None:
        super().__init__(logging.WARNING)
        self.records = records

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.name, record.getMessage()))


class _SkipNotice(logging.Filter):
    """Drops MkDocs' "Page skipped ... empty output" for the pages the child writes."""

    def __init__(self, src_uris: set[str]) -> None:
        super().__init__()
        self.src_uris = src_uris

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not (
            message.startswith("Page skipped: '")
            and message[len("Page skipped: '") :].split("'", 1)[0] in self.src_uris
        )


class ForkedPages:
    """A child process rendering ``pages`` with ``render``; ``finish`` waits for it."""

    def __init__(self, pages: Sequence, render: Callable[[object], None]) -> None:
        self.src_uris = {page.file.src_uri for page in pages}
        read, write = os.pipe()
        self.pid = os.fork()
        if self.pid == 0:  # pragma: no cover - the child, measured by its output
            os.close(read)
            _child(pages, render, write)
        os.close(write)
        self._read = read
        self._notice = _SkipNotice(self.src_uris)
        logging.getLogger("mkdocs.commands.build").addFilter(self._notice)

    def finish(self) -> bool:
        """Wait for the child and log what it logged; whether it rendered every page."""
        try:
            with os.fdopen(self._read, "rb") as stream:
                data = stream.read()
            _, status = os.waitpid(self.pid, 0)
        finally:
            logging.getLogger("mkdocs.commands.build").removeFilter(self._notice)
        try:
            records = json.loads(data or b"[]")
        except ValueError:
            records = [[logging.ERROR, "mkdocs.plugins.newsdocs", "unreadable report"]]
        for level, name, message in records:
            logging.getLogger(name).log(level, message)
        return os.waitstatus_to_exitcode(status) == 0

    def stop(self) -> None:
        """The build failed: end the child without waiting for its pages."""
        logging.getLogger("mkdocs.commands.build").removeFilter(self._notice)
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self._read)


def _child(
    pages: Sequence, render: Callable[[object], None], write: int
) -> None:  # pragma: no cover
    """Render the pages, report the log records through ``write``, and exit."""
    records: list[tuple[int, str, str]] = []
    status = 0
    try:
        # Pipes to other processes (Pagefind's) must close when the parent closes them.
        os.closerange(3, write)
        os.closerange(write + 1, 1 << 16)
        logger = logging.getLogger("mkdocs")
        for handler in list(logger.handlers):
            logger.removeHandler(handler)  # the parent prints what the child logs
        logger.addHandler(_Collect(records))
        logger.propagate = False
        for page in pages:
            render(page)
    except BaseException as error:  # noqa: BLE001 - reported to the parent
        records.append((logging.ERROR, "mkdocs.plugins.newsdocs", f"page rendering: {error!r}"))
        status = 1
    finally:
        try:
            with os.fdopen(write, "wb") as stream:
                stream.write(json.dumps(records).encode("utf-8"))
        finally:
            os._exit(status)
