"""A browser harness for page tests: serve a folder on localhost, drive Debian's Chromium.

Playwright (from PyPI) drives ``/usr/bin/chromium`` (``.ci/setup-browser`` installs it);
Playwright never downloads a browser of its own. Requests that leave the local server are
answered with an empty response, so a page test needs no network and sees no error from a
missing web font.

Use it from a test module::

    from tests.browser import browser, served  # noqa: F401  (fixtures)

    @pytest.mark.browser
    def test_home(browser, served):
        visit = browser.visit(served(site_dir) + "index.html")
        assert visit.clean, visit.problems
"""

from __future__ import annotations

import functools
import http.server
import mimetypes
import os
import shutil
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


def unavailable() -> str | None:
    """Why no browser test can run here, or None when they can."""
    if not CHROMIUM.is_file():
        return f"{CHROMIUM} is missing: run .ci/setup-browser (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed: pip install -e '.[test]'"
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's name
        pass


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        # A browser that closes a connection early is not an error of the page under test.
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve folder on 127.0.0.1 at a free port in a thread; yield its base URL (ends in /)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@dataclass
class Visit:
    """What happened while a page was open: everything a page test may want to assert on."""

    url: str
    page: object  # playwright.sync_api.Page, still open until the next visit
    status: int | None = None
    dialogs: list[str] = field(default_factory=list)  # "alert: 1"
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)  # local requests that failed
    responses: list[str] = field(default_factory=list)  # the URL of every response, in order

    @property
    def problems(self) -> list[str]:
        return [
            *(f"dialog {d}" for d in self.dialogs),
            *(f"page error: {e}" for e in self.page_errors),
            *(f"console error: {e}" for e in self.console_errors),
            *(f"request failed: {r}" for r in self.failed_requests),
        ]

    @property
    def clean(self) -> bool:
        return not self.problems


class Browser:
    """One headless Chromium with a fresh profile; ``visit`` opens a page and records events."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._profile = tempfile.mkdtemp(prefix="newsdocs-chromium-")
        self._playwright = sync_playwright().start()
        try:
            self.context = self._playwright.chromium.launch_persistent_context(
                self._profile,
                executable_path=str(CHROMIUM),
                headless=True,
                args=CHROMIUM_ARGS,
                service_workers="block",
            )
        except BaseException:
            self._playwright.stop()
            shutil.rmtree(self._profile, ignore_errors=True)
            raise
        self.context.set_default_timeout(TIMEOUT_MS)
        self.context.route("**/*", self._offline)
        self._page = None
        self.blocked: list[str] = []  # requests to other hosts, answered empty

    def _offline(self, route) -> None:
        url = route.request.url
        if url.startswith(("http://127.0.0.1:", "http://localhost:")):
            route.continue_()
            return
        self.blocked.append(url)
        kind = mimetypes.guess_type(url.split("?")[0])[0] or "text/plain"
        route.fulfill(status=200, body=b"", content_type=kind)

    def visit(self, url: str, wait_until: str = "load", first: bool = False) -> Visit:
        """Open url in a new tab (closing the last one) and wait for its load event.

        Events keep being recorded on the returned Visit while its page stays open.
        first: empty the browser's cache before, as for a reader's first visit.
        """
        if self._page is not None:
            self._page.close()
        page = self._page = self.context.new_page()
        if first:
            self.context.new_cdp_session(page).send("Network.clearBrowserCache")
        visit = Visit(url, page)

        def on_dialog(dialog) -> None:
            visit.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda error: visit.page_errors.append(str(error)))
        page.on(
            "console",
            lambda message: message.type == "error" and visit.console_errors.append(message.text),
        )
        page.on("response", lambda response: visit.responses.append(response.url))
        page.on(
            "requestfailed",
            lambda request: visit.failed_requests.append(f"{request.url} ({request.failure})"),
        )
        response = page.goto(url, wait_until=wait_until)
        visit.status = response.status if response is not None else None
        return visit

    def close(self) -> None:
        """Close the browser and remove its profile."""
        try:
            self.context.close()
        finally:
            self._playwright.stop()
            shutil.rmtree(self._profile, ignore_errors=True)


_INLINE_SCRIPT = """() => Array.from(document.querySelectorAll("*")).flatMap(element =>
    Array.from(element.attributes)
        .filter(a => /^on/i.test(a.name) || /^\\s*(javascript|vbscript|data):/i.test(a.value))
        .map(a => `<${element.localName} ${a.name}="${a.value.slice(0, 60)}">`))"""


def inline_scripts(page) -> list[str]:
    """Event-handler attributes and script URLs in the live DOM (after the page's scripts)."""
    return page.evaluate(_INLINE_SCRIPT)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """A headless Chromium for the session; skips the test when none can run here."""
    reason = unavailable()
    if reason:
        pytest.skip(reason)
    instance = Browser()
    try:
        yield instance
    finally:
        instance.close()


@pytest.fixture(scope="session")
def served() -> Iterator[Callable[[Path], str]]:
    """``served(folder) -> base URL``: each folder is served once for the session."""
    urls: dict[Path, str] = {}
    with ExitStack() as stack:

        def url(folder: Path) -> str:
            folder = Path(folder).resolve()
            if folder not in urls:
                urls[folder] = stack.enter_context(serve(folder))
            return urls[folder]

        yield url


#: Where the browser tests save their screenshots: an artefact to look at (CI uploads it),
#: never committed (build/ is ignored). NEWSDOCS_SCREENSHOTS moves it.
SCREENSHOTS = Path(
    os.environ.get("NEWSDOCS_SCREENSHOTS")
    or Path(__file__).resolve().parents[1] / "build" / "screenshots"
)


def screenshot_path(name: str) -> Path:
    """The file for a screenshot called ``name`` (``phone-article``), its folder made."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"
