"""Pages rendered in a forked process: what comes back to the build."""

from __future__ import annotations

import logging
import os
import time
import types

import pytest

from build_tools.mkdocs import parallel
from build_tools.mkdocs.parallel import ForkedPages
from tests.conftest import checked_warnings

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork (POSIX)")


def pages(*uris: str) -> list:
    return [types.SimpleNamespace(file=types.SimpleNamespace(src_uri=uri)) for uri in uris]


def test_the_childs_warnings_and_failure_reach_the_build(tmp_path, caplog):
    def render(page) -> None:
        if page.file.src_uri == "b.md":
            raise ValueError("broken template")
        logging.getLogger("mkdocs.plugins.x").warning("odd page %s", page.file.src_uri)
        (tmp_path / page.file.src_uri).write_text("done", encoding="utf-8")

    forked = ForkedPages(pages("a.md", "b.md", "c.md"), render)
    with caplog.at_level(logging.WARNING):
        assert forked.finish() is False
    assert (tmp_path / "a.md").read_text(encoding="utf-8") == "done"
    assert not (tmp_path / "c.md").exists()  # the child stops at the first failure
    messages = checked_warnings(caplog)
    assert "odd page a.md" in messages
    assert any("broken template" in message for message in messages)


def test_a_failed_build_stops_the_child_at_once():
    forked = ForkedPages(pages("a.md"), lambda page: time.sleep(60))
    started = time.monotonic()
    forked.stop()
    assert time.monotonic() - started < 10


def test_mkdocs_notice_of_a_skipped_page_is_dropped_for_the_childs_pages_only():
    notice = parallel._SkipNotice({"a.md"})

    def record(message: str) -> logging.LogRecord:
        return logging.LogRecord("mkdocs.commands.build", logging.INFO, "", 0, message, (), None)

    assert not notice.filter(record("Page skipped: 'a.md'. Generated empty output."))
    assert notice.filter(record("Page skipped: 'b.md'. Generated empty output."))
    assert notice.filter(record("Building page a.md"))


def test_a_share_of_the_pages_is_spread_over_them():
    assert parallel.share(range(10), 0.5) == [1, 3, 5, 7, 9]
    assert len(parallel.share(range(1000), 0.55)) == 550
    assert parallel.share(range(4), 0) == [] and parallel.share(range(4), 1) == [0, 1, 2, 3]
