"""`make serve` is a live preview: a saved source is converted as it is saved and the site
built again, once; a saved entities.yml rebuilds the site."""

from __future__ import annotations

import os
import shutil

import pytest
from mkdocs.config import load_config

from build_tools.convert.run import convert
from build_tools.mkdocs.livesource import POLL_MARGIN
from tests.conftest import ROOT


@pytest.fixture
def served(project, blank_nlp):
    for name in ("mkdocs.yml", "entities.yml"):
        shutil.copy(ROOT / name, project / name)
    shutil.copy(ROOT / "docs" / "index.md", project / "docs" / "index.md")
    convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    config = load_config(str(project / "mkdocs.yml"))
    plugin = config.plugins["newsdocs"]
    yield project, config, plugin
    plugin.on_startup(command="build", dirty=False)  # the instance outlives the test


class _Server:
    """What the plugin uses of MkDocs' live-reload server: ``watch``, and the watcher
    (``schedule``, ``unschedule``)."""

    def __init__(self, observer: bool = True) -> None:
        self.watched: list[str] = []
        self.scheduled: list[tuple[object, str]] = []
        if observer:
            self.observer = self

    def watch(self, path: str) -> None:
        self.watched.append(path)

    def schedule(self, handler, path: str, recursive: bool = False):
        self.scheduled.append((handler, path))
        return path

    def unschedule(self, watch) -> None:
        self.scheduled = [(h, path) for h, path in self.scheduled if path != watch]


@pytest.fixture
def conversions(monkeypatch):
    """The conversions the live preview runs (counted, not run; each "writes a page"),
    and the waits for the watcher's poll after them."""
    from build_tools.mkdocs import livesource

    runs = _Runs()
    monkeypatch.setattr(livesource, "convert_sources", lambda *paths: runs.append(paths) or 1)
    monkeypatch.setattr(livesource.time, "sleep", runs.waits.append)
    return runs


class _Runs(list):
    def __init__(self) -> None:
        super().__init__()
        self.waits: list[float] = []


def test_serve_converts_saved_sources_and_watches_entities_yml(served, conversions):
    project, config, plugin = served
    plugin.on_startup(command="serve", dirty=False)
    server = _Server()
    plugin.on_serve(server, config, builder=None)
    assert server.watched == [str(project / "entities.yml")]
    [(_, path)] = server.scheduled
    assert path == str(project / "source_texts")
    # What was saved while serve's first build ran is converted when the watch starts.
    assert conversions == [(project / "source_texts", project / "docs")]
    plugin.on_pre_build(config)  # the builds convert no more
    plugin.on_post_build(config)
    assert len(conversions) == 1


def test_a_server_without_a_watcher_rebuilds_on_a_saved_source(served):
    project, config, plugin = served
    plugin.on_startup(command="serve", dirty=False)
    server = _Server(observer=False)
    plugin.on_serve(server, config, builder=None)
    assert server.watched == [str(project / "source_texts"), str(project / "entities.yml")]
    assert plugin.live is None  # on_pre_build converts before each build


def _saved(path, text: str, seconds_ago: float = 0) -> str:
    """Write a source, dated ``seconds_ago``; its path as the watcher reports it."""
    import time

    path.write_text(text, encoding="utf-8")
    when = time.time() - seconds_ago
    os.utime(path, (when, when))
    return str(path)


def test_a_burst_of_saved_sources_converts_once_and_other_files_not(served, conversions):
    from watchdog.events import FileModifiedEvent

    project, config, plugin = served
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_serve(_Server(), config, builder=None)
    sources = project / "source_texts"
    paths = [_saved(sources / f"{n}.txt", f"Title {n}\n\nText.\n", 10) for n in range(3)]
    handler = _handler(plugin)
    for path in paths:  # a checkout: three events, one conversion
        handler.on_any_event(FileModifiedEvent(path))
    assert len(conversions) == 2  # the watch's start, and the checkout
    handler.on_any_event(FileModifiedEvent(_saved(sources / ".0.txt.swp", "x")))
    assert len(conversions) == 2  # an editor's file: no source
    handler.on_any_event(FileModifiedEvent(_saved(sources / "1.txt", "Again\n\nText.\n")))
    assert len(conversions) == 3  # written after the last conversion began


def test_a_source_written_again_in_the_tick_a_conversion_began_is_converted(served, conversions):
    """A file system's clock ticks coarsely: a source written again in the tick the last
    conversion began keeps its time, and is converted again all the same."""
    from watchdog.events import FileModifiedEvent

    project, config, plugin = served
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_serve(_Server(), config, builder=None)
    path = project / "source_texts" / "new.txt"
    _saved(path, "First\n\nText.\n")
    with plugin.live.lock:
        plugin.live.convert()  # began just after the write
    written = os.stat(path).st_mtime_ns
    path.write_text("Second\n\nText.\n", encoding="utf-8")
    os.utime(path, ns=(written, written))  # the same tick
    _handler(plugin).on_any_event(FileModifiedEvent(str(path)))
    assert len(conversions) == 3


def test_the_watch_waits_a_poll_after_writing_pages_and_skips_rewritten_same_files(
    served, conversions
):
    """After a conversion that wrote pages, the watcher's thread waits out one of its
    polls (``timeout``), so MkDocs hears of every page at once and builds once; a source
    written again with the same text in the tick a conversion began converts nothing."""
    from watchdog.events import FileModifiedEvent

    project, config, plugin = served
    plugin.on_startup(command="serve", dirty=False)
    server = _Server()
    server.timeout = 0.5  # MkDocs' polling interval
    plugin.on_serve(server, config, builder=None)
    assert conversions.waits == []  # serve's watcher has not started: nothing to wait for
    path = project / "source_texts" / "new.txt"
    _saved(path, "New\n\nText.\n")
    _handler(plugin).on_any_event(FileModifiedEvent(str(path)))
    assert conversions.waits == [0.5 + POLL_MARGIN]
    written = os.stat(path).st_mtime_ns
    path.write_text("New\n\nText.\n", encoding="utf-8")  # the same text, in the same tick
    os.utime(path, ns=(written, written))
    _handler(plugin).on_any_event(FileModifiedEvent(str(path)))
    assert len(conversions) == 2


def test_a_sources_folder_removed_inside_or_events_lost_convert(served, conversions):
    from watchdog.events import DirDeletedEvent, DirMovedEvent, FileSystemEvent

    project, config, plugin = served
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_serve(_Server(), config, builder=None)
    sources = project / "source_texts"
    handler = _handler(plugin)
    handler.on_any_event(DirDeletedEvent(str(sources / "2004")))  # its sources' pages go
    handler.on_any_event(DirMovedEvent(str(sources / "2005"), str(project / "elsewhere")))
    lost = FileSystemEvent(str(sources))
    lost.event_type = "events_lost"  # too many events for the watcher to report each
    handler.on_any_event(lost)
    assert len(conversions) == 4


def test_mkdocs_serve_clean_converts_saved_sources_between_builds_too(served, conversions):
    """`mkdocs serve --clean` starts the plugin as a build would: its watcher converts,
    and not while a build runs."""
    project, config, plugin = served
    plugin.on_startup(command="build", dirty=False)
    plugin.on_serve(_Server(), config, builder=None)
    plugin.on_pre_build(config)
    assert plugin.live.lock.locked()
    plugin.on_post_build(config)
    assert not plugin.live.lock.locked()


def _handler(plugin):
    from build_tools.mkdocs.livesource import SourceSaved

    return SourceSaved(plugin.live)


def test_a_source_saved_during_a_build_is_converted_after_it(served, conversions):
    import threading

    from watchdog.events import FileModifiedEvent

    project, config, plugin = served
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_serve(_Server(), config, builder=None)
    plugin.on_pre_build(config)  # a build runs
    saved = FileModifiedEvent(_saved(project / "source_texts" / "new.txt", "New\n\nText.\n"))
    watcher = threading.Thread(target=_handler(plugin).on_any_event, args=(saved,))
    watcher.start()
    watcher.join(timeout=0.5)
    assert watcher.is_alive() and len(conversions) == 1  # waits for the build to end
    plugin.on_post_build(config)
    watcher.join(timeout=10)
    assert not watcher.is_alive() and len(conversions) == 2


def test_a_replaced_or_renamed_sources_folder_is_watched_again(served, conversions, caplog):
    from watchdog.events import DirDeletedEvent

    from tests.conftest import checked_warnings

    project, config, plugin = served
    plugin.on_startup(command="serve", dirty=False)
    server = _Server()
    plugin.on_serve(server, config, builder=None)
    sources = project / "source_texts"
    shutil.rmtree(sources)
    _handler(plugin).on_any_event(DirDeletedEvent(str(sources)))
    assert "was removed or moved" in checked_warnings(caplog)[0]
    sources.mkdir()
    _saved(sources / "back.txt", "Back\n\nText.\n")
    plugin.on_pre_build(config)  # the next build watches it again and converts
    plugin.on_post_build(config)
    assert [path for _, path in server.scheduled] == [str(sources)]
    assert len(conversions) == 2
    # Renamed, and another made, with no event (inotify reports no move of its folder).
    sources.rename(project / "old-sources")
    sources.mkdir()
    plugin.on_pre_build(config)
    plugin.on_post_build(config)
    assert len(conversions) == 3
    # mkdocs.yml names another folder: that one is watched, the other no more.
    other = project / "other"
    other.mkdir()
    plugin.config.sources_dir = "other"
    plugin.on_pre_build(config)
    plugin.on_post_build(config)
    assert [path for _, path in server.scheduled] == [str(other)]
    assert conversions[-1] == (other, project / "docs")


@pytest.mark.model
def test_a_saved_source_is_converted_before_the_first_serve_build_only(served):
    project, config, plugin = served
    [source] = (project / "source_texts").glob("*.txt")
    [page] = (project / "docs" / "articles").rglob("*.md")
    lines = source.read_text(encoding="utf-8").split("\n", 1)
    source.write_text("Live preview title\n" + lines[1], encoding="utf-8")
    plugin.on_startup(command="build", dirty=False)
    plugin.on_pre_build(config)  # mkdocs build converts nothing: `make pages` does
    assert "Live preview title" not in page.read_text(encoding="utf-8")
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_pre_build(config)
    [page] = (project / "docs" / "articles").rglob("*.md")
    assert page.read_text(encoding="utf-8").startswith("---\ntitle: Live preview title\n")
    plugin.on_serve(_Server(), config, builder=None)  # the watcher converts from now on
    source.write_text("Another title\n" + lines[1], encoding="utf-8")
    plugin.on_pre_build(config)
    plugin.on_post_build(config)
    assert "Another title" not in page.read_text(encoding="utf-8")


@pytest.mark.model
def test_mkdocs_serve_builds_once_per_saved_source(served, tmp_path):
    """A real ``mkdocs serve``: a saved source is converted and the site built once (the
    page written into docs/ made a second build, and a second reload, before)."""
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    project, _, _ = served
    shutil.copy(ROOT / "docs" / "contributing.md", project / "docs" / "contributing.md")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w") as out:
        server = subprocess.Popen(command, cwd=project, stdout=out, stderr=out, env=env)
    try:

        def logged(text: str, count: int = 1, within: float = 120) -> None:
            deadline = time.monotonic() + within
            while log.read_text().count(text) < count:
                assert server.poll() is None, log.read_text()
                assert time.monotonic() < deadline, f"no {text!r} in:\n{log.read_text()}"
                time.sleep(0.1)

        logged("Serving on")
        [source] = (project / "source_texts").glob("*.txt")
        lines = source.read_text(encoding="utf-8").split("\n", 1)
        source.write_text("Live preview title\n" + lines[1], encoding="utf-8")
        logged("Reloading browsers")
        time.sleep(3)  # six of the watcher's polls: time for a second build to start
        shown = log.read_text()
        assert "live preview: 1 converted" in shown
        assert shown.count("Building documentation") == 2, shown  # the first, and one
        assert shown.count("Reloading browsers") == 1, shown
        assert shown.count("pages unchanged, not rendered again") == 1  # not the first build
        [page] = (project / "docs" / "articles").rglob("*.md")
        address = page.relative_to(project / "docs").with_suffix("").as_posix()
        url = f"http://127.0.0.1:{port}/{address}/"
        with urllib.request.urlopen(url, timeout=10) as response:
            assert "Live preview title" in response.read().decode()
    finally:
        server.terminate()
        server.wait(timeout=30)


# --- a serve's next build renders again only the pages that changed ------------------------


def _serve_build(project, site, plugin_options: dict | None = None):
    """One build as ``mkdocs serve``'s builder makes it (the configuration loaded again;
    MkDocs keeps the plugin instance); the plugin."""
    from mkdocs.commands.build import build

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.site_url = "http://127.0.0.1:8000/"
    build(config, serve_url=config.site_url)
    return config.plugins["newsdocs"]


def _files(site) -> dict[str, bytes]:
    """The built site's pages and feeds (the search index and sitemap aside)."""
    return {name: data for name, data in _every_file(site).items()
            if name.endswith((".html", ".xml"))}  # fmt: skip


@pytest.fixture
def serving(project, blank_nlp):
    """A project of two articles (the seed, and one about Jane Doe in Paris) under
    ``mkdocs serve`` (Material's search; sources converted by the test)."""
    import yaml

    from build_tools.archive.export import read_config

    second = project / "source_texts" / "second.txt"
    second.write_text("Paris Talks\n\nDonald Trump met Kim in Paris on Friday.\n", "utf-8")
    config = read_config(ROOT / "mkdocs.yml")
    config["plugins"] = ["search", {"newsdocs": {"search": "material", "sources_dir": ""}}]
    (project / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    for name in ("index.md", "contributing.md"):
        shutil.copy(ROOT / "docs" / name, project / "docs" / name)
    convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    plugin = load_config(str(project / "mkdocs.yml")).plugins["newsdocs"]
    plugin.on_startup(command="serve", dirty=False)
    yield project, plugin, second
    plugin.on_startup(command="build", dirty=False)  # the instance outlives the test


def test_a_serve_rebuild_renders_only_changed_pages_and_builds_the_same_site(
    serving, blank_nlp, tmp_path
):
    project, plugin, second = serving
    site = tmp_path / "served"
    _serve_build(project, site)
    cache = plugin.render_cache
    first = _files(site)
    assert cache.keys and not cache.replayed  # nothing kept before the first build
    assert "articles/undated/paris-talks/index.html" in first

    _serve_build(project, site)  # nothing saved: every page outside the navigation kept
    assert cache.replayed == set(cache.keys)
    assert "index.md" not in cache.keys and "people/index.md" not in cache.keys
    assert _files(site) == first

    second.write_text(
        "Paris Talks\n\nDonald Trump met Jane Doe in Paris on Friday.\n", encoding="utf-8"
    )
    convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    _serve_build(project, site)
    again = {uri for uri in cache.keys if uri not in cache.replayed}
    assert "articles/undated/paris-talks.md" in again  # its text changed
    assert "people/jane-doe.md" in again  # a page the change made
    assert {"places/pyongyang.md", "people/mike-pompeo.md"} <= cache.replayed  # the seed's
    served = _files(site)
    assert "Jane Doe" in served["articles/undated/paris-talks/index.html"].decode()
    assert served == _rendered_whole(project, plugin, tmp_path / "whole")


def _every_file(site) -> dict[str, bytes]:
    """Every file of a built site but the sitemap (it dates the build)."""
    return {
        path.relative_to(site).as_posix(): path.read_bytes()
        for path in sorted(site.rglob("*"))
        if path.is_file() and not path.name.startswith("sitemap.xml")
    }


def test_serve_keeps_its_site_folder_and_writes_only_what_changed(serving, blank_nlp, tmp_path):
    """A serve rebuild leaves the files it would write the same as they were (a page, a
    theme's file, a feed), writes the ones that changed, and removes the ones it no
    longer makes (a removed article's page, an entity page gone with it): the folder is
    the site a build into an empty folder makes, file for file."""
    from mkdocs import utils
    from mkdocs.structure.files import File

    write, copy = utils.write_file, File.copy_file
    project, plugin, second = serving
    site = tmp_path / "served"
    note = project / "docs" / "note.txt"  # a static file
    note.write_text("AAAA", encoding="utf-8")
    site.mkdir()
    (site / "before.html").write_text("a file from before serve", encoding="utf-8")
    _serve_build(project, site)
    assert not (site / "before.html").exists()  # the first build empties it, as MkDocs does
    assert (utils.write_file, File.copy_file) == (write, copy)  # restored after the build
    kept = {  # the seed's: a page, a feed, and Material's style sheet
        name: (site / name).stat().st_mtime_ns
        for name in ("places/pyongyang/index.html", "places/pyongyang.xml",
                     next(site.glob("assets/stylesheets/main.*.css")).relative_to(site))
    }  # fmt: skip
    pages = site / "articles" / "undated" / "paris-talks" / "index.html"
    before = pages.stat().st_mtime_ns

    second.write_text(
        "Paris Talks\n\nDonald Trump met Jane Doe in Paris on Friday.\n", encoding="utf-8"
    )
    convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    copied = (site / "note.txt").stat()  # replaced by an older file of the same size
    note.write_text("BBBB", encoding="utf-8")
    os.utime(note, ns=(copied.st_atime_ns - 10**10, copied.st_mtime_ns - 10**10))
    _serve_build(project, site)
    assert (site / "note.txt").read_text("utf-8") == "BBBB"
    assert plugin.kept.unchanged > plugin.kept.rewritten > 0
    assert {name: (site / name).stat().st_mtime_ns for name in kept} == kept
    assert pages.stat().st_mtime_ns != before and "Jane Doe" in pages.read_text("utf-8")
    assert (site / "people" / "jane-doe" / "index.html").is_file()
    assert _every_file(site) == _every_file(_built_fresh(project, plugin, tmp_path / "fresh"))

    second.unlink()  # the article goes, and Jane Doe's page with it
    convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    _serve_build(project, site)
    assert not pages.parent.exists() and not (site / "people" / "jane-doe").exists()
    assert _every_file(site) == _every_file(_built_fresh(project, plugin, tmp_path / "fresh2"))


def test_a_kept_site_takes_a_file_that_became_a_folder_and_back(serving, tmp_path):
    """A static file's address that becomes a folder's (docs/extra, then docs/extra/a.txt)
    and back: the kept folder makes room, as an emptied one has it."""
    project, plugin, _ = serving
    site, docs = tmp_path / "served", project / "docs"
    (docs / "extra").write_text("a file", encoding="utf-8")
    _serve_build(project, site)
    (docs / "extra").unlink()
    (docs / "extra").mkdir()
    (docs / "extra" / "a.txt").write_text("in a folder", encoding="utf-8")
    _serve_build(project, site)
    assert (site / "extra" / "a.txt").read_text("utf-8") == "in a folder"
    shutil.rmtree(docs / "extra")
    (docs / "extra").write_text("a file again", encoding="utf-8")
    _serve_build(project, site)
    assert (site / "extra").read_text("utf-8") == "a file again"
    assert _every_file(site) == _every_file(_built_fresh(project, plugin, tmp_path / "fresh"))


def test_a_kept_site_rewrites_a_file_whose_name_is_as_long_as_names_go(serving, tmp_path):
    """A static file of a 255-byte name, the longest most file systems take, is kept and
    then rewritten: the temporary file it is written through is named apart from it."""
    project, plugin, _ = serving
    site, name = tmp_path / "served", "n" * 251 + ".txt"
    (project / "docs" / name).write_text("first", encoding="utf-8")
    _serve_build(project, site)
    (project / "docs" / name).write_text("second", encoding="utf-8")
    _serve_build(project, site)
    assert (site / name).read_text("utf-8") == "second"
    assert _every_file(site) == _every_file(_built_fresh(project, plugin, tmp_path / "fresh"))


def test_serve_dirty_or_forked_empties_its_site_folder_as_mkdocs_does(serving, tmp_path):
    """A ``--dirty`` build writes only changed pages, and a build forked in two writes
    half its pages from another process: neither keeps the folder (each would remove
    pages as stale)."""
    from mkdocs import utils

    project, plugin, _ = serving
    write = utils.write_file
    for dirty, parallel in ((True, "off"), (False, "on")):
        plugin.on_startup(command="serve", dirty=dirty)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
        plugin.config.parallel = parallel
        plugin.on_config(config)
        plugin.on_pre_build(config)
        assert plugin.kept is None and utils.write_file is write
        plugin.on_post_build(config)
    plugin.config.parallel = "auto"
    plugin.on_startup(command="serve", dirty=False)


def test_a_build_that_does_not_keep_the_folder_makes_the_next_one_empty_it(serving, tmp_path):
    """What a build that did not keep the folder wrote is no kept site's: the next kept
    build empties the folder, as MkDocs does, before it writes."""
    project, plugin, _ = serving
    site = tmp_path / "served"
    _serve_build(project, site)
    import yaml

    config = project / "mkdocs.yml"
    kept = config.read_text("utf-8")
    options = yaml.safe_load(kept)
    options["plugins"][1]["newsdocs"]["parallel"] = "on"  # MkDocs' own functions
    config.write_text(yaml.safe_dump(options), encoding="utf-8")
    try:
        _serve_build(project, site)
        assert plugin.kept is None and not plugin.kept_sites
    finally:
        config.write_text(kept, encoding="utf-8")
    (site / "left.html").write_text("a file no kept build wrote", encoding="utf-8")
    _serve_build(project, site)
    assert not (site / "left.html").exists()
    assert _every_file(site) == _every_file(_built_fresh(project, plugin, tmp_path / "fresh"))


def test_a_serve_build_cut_short_leaves_mkdocs_own_functions_to_the_next(serving, tmp_path):
    """An interrupt (no build-error event) between the start of a serve build and its end:
    the next build, a plain ``mkdocs build`` of the same process, writes and empties the
    folder with MkDocs' own functions."""
    from mkdocs import utils
    from mkdocs.structure.files import File

    from build_tools.mkdocs.keptsite import KeptSite

    project, plugin, _ = serving
    own = (utils.clean_directory, utils.write_file, File.copy_file)
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    plugin.on_config(config)
    plugin.on_pre_build(config)  # ... and no on_post_build nor on_build_error
    assert (utils.clean_directory, utils.write_file, File.copy_file) != own
    plugin.on_startup(command="build", dirty=False)
    assert (utils.clean_directory, utils.write_file, File.copy_file) == own
    plugin.on_startup(command="serve", dirty=False)
    plugin.on_config(config)
    plugin.on_pre_build(config)  # a serve build again, cut short again
    other = KeptSite(str(tmp_path / "elsewhere"))
    other.start()  # another kept site's build starts: the first one's functions go
    other.restore()
    assert (utils.clean_directory, utils.write_file, File.copy_file) == own
    plugin.on_startup(command="serve", dirty=False)


def _built_fresh(project, plugin, site):
    """A serve build of the project into an empty folder."""
    assert not site.exists()
    _serve_build(project, site)
    return site


def _rendered_whole(project, plugin, site) -> dict[str, bytes]:
    """The site as a serve build with every page rendered makes it (the cache kept)."""
    kept, plugin.render_cache = plugin.render_cache, None
    try:
        _serve_build(project, site)
    finally:
        plugin.render_cache = kept
    return _files(site)


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize(
    "change",
    ["a navigation page's icon", "the site's description", "a script's type", "extra",
     "the theme's language"],
)  # fmt: skip
def test_a_serve_rebuild_renders_again_what_the_configuration_changes(serving, tmp_path, change):
    """Material's sidebar reads the icon in a navigation page's front matter, its head
    the site's description and each script's type, its footer ``extra``, every part the
    theme's language: each edit renders every page again."""
    project, plugin, _ = serving
    config = project / "mkdocs.yml"
    site = tmp_path / "served"
    _serve_build(project, site)
    if change == "a navigation page's icon":
        index = project / "docs" / "index.md"
        index.write_text("---\nicon: material/home\n---\n" + index.read_text("utf-8"), "utf-8")
    elif change == "the site's description":
        _edit(config, "site_description: ", "site_description: Edited. ")
    elif change == "extra":  # Material's footer reads config.extra (a UserDict)
        _edit(config, "extra_css:", "extra:\n  generator: false\nextra_css:")
    elif change == "the theme's language":  # a Locale object in the theme's options
        _edit(config, "theme:\n", "theme:\n  language: fr\n")
    else:
        _edit(config, "extra_css:", "extra_javascript:\n- path: x.js\n  type: module\nextra_css:")
    _serve_build(project, site)
    assert not plugin.render_cache.replayed
    assert _files(site) == _rendered_whole(project, plugin, tmp_path / "whole")


def test_a_page_with_a_date_for_a_front_matter_key_is_rendered_under_serve(serving, tmp_path):
    project, plugin, _ = serving
    page = project / "docs" / "contributing.md"
    page.write_text("---\n2024-01-01: launch\n---\n" + page.read_text("utf-8"), "utf-8")
    _serve_build(project, tmp_path / "served")
    _serve_build(project, tmp_path / "served")
    assert "contributing.md" not in plugin.render_cache.keys  # no key: rendered each time
    assert plugin.render_cache.replayed  # the others are kept


def test_a_serve_build_forked_in_two_keeps_nothing_for_the_next(serving, tmp_path):
    """With ``parallel: on`` the parent renders the child's pages empty: nothing of that
    build is kept, and the next one without it writes every page."""
    project, plugin, _ = serving
    config = project / "mkdocs.yml"
    site = tmp_path / "served"
    _serve_build(project, site)
    _edit(config, "search: material", "parallel: 'on'\n    search: material")
    _serve_build(project, site)
    assert plugin.render_cache is None
    _edit(config, "parallel: 'on'\n    ", "")
    _serve_build(project, site)
    assert _files(site) == _rendered_whole(project, plugin, tmp_path / "whole")


def test_a_hook_that_changes_the_page_context_turns_the_cache_off(serving, tmp_path):
    project, plugin, _ = serving
    (project / "hook.py").write_text(
        "def on_page_context(context, page, config, nav):\n    return context\n", "utf-8"
    )
    _edit(project / "mkdocs.yml", "plugins:", "hooks:\n- hook.py\nplugins:")
    _serve_build(project, tmp_path / "served")
    _serve_build(project, tmp_path / "served")
    assert not plugin.render_cache.keys and not plugin.render_cache.replayed


def test_a_serve_rebuild_renders_again_after_a_template_is_edited(serving, tmp_path):
    project, plugin, _ = serving
    overrides = project / "overrides" / "partials"
    overrides.mkdir(parents=True)
    copyright = overrides / "copyright.html"
    copyright.write_text("<p>Archive of record</p>", encoding="utf-8")
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(
        text.replace("theme:\n", "theme:\n  custom_dir: overrides\n", 1), encoding="utf-8"
    )
    site = tmp_path / "served"
    _serve_build(project, site)
    article = site / "articles" / "undated" / "paris-talks" / "index.html"
    assert "Archive of record" in article.read_text(encoding="utf-8")
    copyright.write_text("<p>Archive of the newsroom</p>", encoding="utf-8")
    os.utime(copyright, ns=(1, 1))  # edited, whatever the clock's resolution
    _serve_build(project, site)
    assert not plugin.render_cache.replayed
    assert "Archive of the newsroom" in article.read_text(encoding="utf-8")


def test_mkdocs_build_keeps_no_page_output(project, blank_nlp, tmp_path):
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for name in ("index.md", "contributing.md"):
        shutil.copy(ROOT / "docs" / name, project / "docs" / name)
    convert(project / "source_texts", project / "docs", progress=False, nlp=blank_nlp)
    from mkdocs.commands.build import build

    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    build(config)
    assert config.plugins["newsdocs"].render_cache is None
    assert config.plugins["newsdocs"].kept is None  # the site folder emptied, as MkDocs does
