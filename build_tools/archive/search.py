"""Search for large archives: Pagefind records made from the entity index, indexed beside
the build.

Pagefind normally reads the built HTML after the build; here every article becomes a
record (title, text, date, and filters by person, place, organization and year) as soon as
the index is known, and the Pagefind binary indexes them in its own process while the site
generator renders pages. Large archives are split into bundles of ``bundle_size`` articles
written one after the other (Pagefind's memory grows with the bundle: about 170 MB per
thousand articles); the search box queries all of them at once (``mergeIndex``).
Free of MkDocs types.
"""

from __future__ import annotations

import base64
import contextlib
import html
import itertools
import json
import shutil
import subprocess
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from build_tools.archive.index import ArticleInfo, EntityIndex

#: Where the bundles go under the site: pagefind/, pagefind-2/, ...
BUNDLE_NAMES = "pagefind"


class SearchError(RuntimeError):
    """Pagefind failed; the message says what to do."""


def bundle_name(number: int) -> str:
    return BUNDLE_NAMES if number == 1 else f"{BUNDLE_NAMES}-{number}"


def bundle_count(articles: int, bundle_size: int) -> int:
    return max(1, -(-articles // max(1, bundle_size)))


def article_record(article: ArticleInfo, index: EntityIndex, url: str) -> dict:
    """A Pagefind record: the article's text, title, date and filters (year, and the
    people, places and organizations that have a page).

    Pagefind's UI (1.5) shows the excerpt and the filter values as HTML, the title as
    text, and does not escape a record's content: content and filter values go in escaped.
    """
    text = "\n".join(article.paragraphs)
    text = html.escape(f"{article.title}\n{text}", quote=False)
    filters: dict[str, list[str]] = {}
    for ref in index.article_entities.get(article.src_uri, ()):
        # Only names with a page of their own: a list of every name named once would make
        # the filter files, which the first query loads whole, the largest download.
        if index.has_page(ref):
            filters.setdefault(ref.kind, []).append(html.escape(ref.name, quote=False))
    meta = {"title": article.title}
    if article.date:
        filters["year"] = [str(article.date.year)]
        meta["date"] = article.date.isoformat()
    return {
        "url": url,
        "content": text,
        "language": "en",
        "meta": meta,
        "filters": filters,
    }


def entity_record(
    title: str, kind: str, count: int, description: str, url: str, field: str = "name"
) -> dict:
    """A Pagefind record for an entity or tag page: its name (the title, and first and
    twice in the content: a short record that says the name ranks above the articles that
    mention it once among hundreds of words), what it is, and its article count. A tag's
    label goes in ``field="topic"``, weighed below a name: the Labour party's page comes
    before the topic "Labour" (work and employment)."""
    noun = "article" if count == 1 else "articles"
    about = f"{kind} in {count} {noun}." + (f" {description}" if description else "")
    content = html.escape(f"{title}. {title}. {about}", quote=False)
    # The name again in a field of its own, which the search box weighs above the text
    # (META_WEIGHTS): "Europe" finds the Europe page before an article that says it nine
    # times (Pagefind's term frequency saturates, and every title holding the word gets
    # the same bonus).
    meta = {"title": title, "kind": f"{kind} · {count} {noun}", field: title}
    return {"url": url, "content": content, "language": "en", "meta": meta, "filters": {}}


def pagefind_executable() -> Path:
    """The Pagefind binary from the pagefind[bin] wheel (or PAGEFIND_BINARY_PATH)."""
    try:
        from pagefind.service import get_executable
    except ImportError:
        get_executable = None
    executable = get_executable() if get_executable else None
    if executable is None or not Path(executable).exists():
        raise SearchError(
            "the Pagefind binary was not found; run 'make install' (it comes with the "
            "pagefind[bin] package), or set 'search: material' for the newsdocs plugin"
        )
    return Path(executable)


class PagefindService:
    """One ``pagefind --service`` process: records in, a bundle written out.

    Speaks the service's protocol (base64 JSON messages ended by commas) directly: requests
    are written without waiting, responses read by a thread, so that indexing runs at the
    speed of the binary.
    """

    def __init__(self, executable: Path, config: dict | None = None) -> None:
        self._log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self.process = subprocess.Popen(
            [str(executable), "--service"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._log,
        )
        self._lock = threading.Condition()
        self._answers: dict[int, dict] = {}
        self._waiting: set[int] = set()
        self._errors: list[str] = []
        self._sent = 0
        self._answered = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()
        try:
            self.index_id = self.request({"type": "NewIndex", "config": config or {}})["index_id"]
        except BaseException:
            self.process.kill()
            self.close()
            raise

    def _read(self) -> None:
        assert self.process.stdout is not None
        buffer = bytearray()
        try:
            while chunk := self.process.stdout.read1(1 << 16):
                buffer += chunk
                while (end := buffer.find(b",")) >= 0:
                    message = json.loads(base64.b64decode(bytes(buffer[:end])))
                    del buffer[: end + 1]
                    self._answer(message)
        except (OSError, ValueError) as error:  # a broken pipe or message: end waits
            self._errors.append(f"unreadable answer ({error})")
        finally:
            with self._lock:
                self._answered = -1  # the process ended, or its answers cannot be read
                self._lock.notify_all()

    def _answer(self, message: dict) -> None:
        number = message.get("message_id")
        payload = message.get("payload") or {}
        if number is None and payload.get("original_message"):  # a message it could not parse
            with contextlib.suppress(ValueError, AttributeError):
                number = json.loads(payload["original_message"]).get("message_id")
        with self._lock:
            self._answered += 1
            if payload.get("type") == "Error":
                self._errors.append(str(payload.get("message")))
            if number in self._waiting:
                self._answers[number] = payload
            self._lock.notify_all()

    def send(self, payload: dict, wait: bool = False) -> int:
        assert self.process.stdin is not None
        with self._lock:
            self._sent += 1
            number = self._sent
            if wait:
                self._waiting.add(number)
        message = json.dumps({"message_id": number, "payload": payload}).encode("utf-8")
        try:
            self.process.stdin.write(base64.b64encode(message) + b",")
            if wait:
                self.process.stdin.flush()
        except BrokenPipeError:
            raise SearchError(f"Pagefind stopped: {self._stderr()}") from None
        return number

    def request(self, payload: dict) -> dict:
        number = self.send(payload, wait=True)
        with self._lock:
            self._lock.wait_for(lambda: number in self._answers or self._answered < 0)
            if number not in self._answers:
                raise SearchError(f"Pagefind stopped: {self._stderr()}")
            answer = self._answers.pop(number)
        if answer.get("type") == "Error":
            raise SearchError(f"Pagefind refused a request: {answer.get('message')}")
        return answer

    def add(self, record: dict) -> None:
        self.send({"type": "AddRecord", "index_id": self.index_id, **record})

    def write(self, output: Path) -> None:
        """Wait for every record, then write the bundle to output."""
        self.request({"type": "WriteFiles", "index_id": self.index_id, "output_path": str(output)})
        if self._errors:
            raise SearchError(f"Pagefind refused {len(self._errors)} records: {self._errors[0]}")

    def close(self) -> None:
        try:
            if self.process.stdin:
                with contextlib.suppress(OSError):  # Pagefind may have died already
                    self.process.stdin.close()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        finally:
            self._log.close()

    def _stderr(self) -> str:
        self._log.seek(0)
        return self._log.read()[-2000:].decode("utf-8", "replace").strip() or "no message"


def write_bundles(
    records: Iterable[dict],
    count: int,
    bundle_size: int,
    output: Path,
    executable: Path | None = None,
    stop: threading.Event | None = None,
    pages: Iterable[dict] = (),
) -> list[str]:
    """Index records into bundles of bundle_size under output; return the bundle names.
    ``pages`` (the entity and tag pages' records) go into the first bundle besides its
    share of ``records``. Once ``stop`` is set, no more bundles are written."""
    executable = executable or pagefind_executable()
    names = []
    iterator = iter(records)
    for number in range(1, bundle_count(count, bundle_size) + 1):
        bundle = itertools.islice(iterator, bundle_size)
        first = next(bundle, None)
        if first is None and number > 1:
            break  # the records ran out early (a failed build stopped them)
        extra = pages if number == 1 else ()
        batch = [*extra, *([first] if first is not None else []), *bundle]
        name = bundle_name(number)
        # Once in many test runs Pagefind left an empty pagefind-entry.json: a bundle is
        # awaited (``WRITE_GRACE``), checked, and written again once before the build
        # fails with the reason.
        for attempt in range(2):
            service = PagefindService(executable, {"force_language": "en"})
            try:
                for record in batch:
                    service.add(record)
                if stop is not None and stop.is_set():
                    return names  # the build failed: writing it would only make it wait
                service.write(output / name)
                _await_complete(output / name)
            finally:
                service.close()
            if _complete(output / name):
                names.append(name)
                break
            shutil.rmtree(output / name, ignore_errors=True)
            if attempt:
                raise SearchError(
                    f"Pagefind wrote the search bundle {name} incomplete twice (an empty "
                    "pagefind-entry.json); run the build again, and report it if it persists"
                )
    return names


#: Seconds a bundle's entry file may take to appear whole after Pagefind answers that it
#: wrote the bundle, before the service is closed: its writes may trail its answer (an
#: empty pagefind-entry.json, once in many test runs, and twice in a row on a machine
#: loaded by a second build).
WRITE_GRACE = 5.0


def _await_complete(bundle: Path) -> None:
    """Wait until a bundle's entry file holds JSON, for ``WRITE_GRACE`` seconds at most
    (the caller checks it again once Pagefind is closed)."""
    deadline = time.monotonic() + WRITE_GRACE
    while not _complete(bundle) and time.monotonic() < deadline:
        time.sleep(0.02)


def _complete(bundle: Path) -> bool:
    """Whether a bundle's entry file is there and holds JSON."""
    try:
        json.loads((bundle / "pagefind-entry.json").read_text("utf-8"))
    except (OSError, ValueError):
        return False
    return True


def _stop_and_remove(stop: threading.Event, thread: threading.Thread, output: Path) -> None:
    stop.set()
    if thread.is_alive():
        thread.join(timeout=60)
    shutil.rmtree(output, ignore_errors=True)


class BackgroundIndexer:
    """write_bundles in a thread (the binary does the work in its own process), so that the
    site generator renders pages meanwhile; ``finish`` moves the bundles into the site."""

    def __init__(
        self,
        articles: Sequence[ArticleInfo],
        index: EntityIndex,
        url: Callable[[str], str],
        bundle_size: int,
        pages: Sequence[dict] = (),
    ) -> None:
        self.count = len(articles)
        self._pages = pages  # records of entity and tag pages, in the first bundle
        self.bundle_size = bundle_size
        self._executable = pagefind_executable()  # a missing binary fails the build at once
        self._articles = articles
        self._index = index
        self._url = url
        self._output = Path(tempfile.mkdtemp(prefix="newsdocs-pagefind-"))
        self._error: BaseException | None = None
        self.names: list[str] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        # Removed by finish() or discard(), or when Python exits (an interrupted build,
        # which MkDocs does not report to plugins): then Pagefind is stopped first.
        self._remove_output = weakref.finalize(
            self, _stop_and_remove, self._stop, self._thread, self._output
        )
        self._thread.start()

    def _records(self) -> Iterable[dict]:
        for article in self._articles:
            if self._stop.is_set():
                return  # the build failed: no need to index the rest
            yield article_record(article, self._index, self._url(article.src_uri))

    def _run(self) -> None:
        try:
            self.names = write_bundles(
                self._records(),
                self.count,
                self.bundle_size,
                self._output,
                self._executable,
                self._stop,
                self._pages,
            )
        except BaseException as error:  # noqa: BLE001 - reported by finish()
            self._error = error

    def discard(self) -> None:
        """Stop feeding Pagefind (the bundle under way is not written), wait for the thread
        and throw its bundles away (the build failed)."""
        self._remove_output()

    def finish(self, site_dir: Path) -> list[str]:
        """Wait for the bundles and move them into site_dir; return their names."""
        self._thread.join()
        try:
            if self._error is not None:
                if isinstance(self._error, SearchError):
                    raise self._error
                raise SearchError(f"Pagefind indexing failed: {self._error!r}") from self._error
            for name in self.names:
                target = site_dir / name
                if target.exists():
                    shutil.rmtree(target)
                shutil.move(str(self._output / name), str(target))
            return self.names
        finally:
            self._remove_output()
