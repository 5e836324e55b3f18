"""Live preview: serve's site folder is kept from one build to the next.

``mkdocs serve`` empties its site folder before every build and writes every file again:
at 1,000 articles, 6,500 files in 2,600 folders, for one saved source. On this machine
removing them took 1.4 s and writing them into empty folders 1.6 s, against 0.2 s to
compare them with what the last build wrote. Under serve the plugin keeps the folder
(Material's projects plugin, too, replaces MkDocs' emptying of it): for the build's span
MkDocs' writing functions write a file only when its bytes differ from the file there,
and copy a static file only when its source is not the file it copied last time (path,
size, times, inode); a file is written beside its place and moved over it, so that the
server never sends half of one. After the build, the files the last build wrote and this
one did not (a removed article's page, an entity page no longer made) are removed, and
the folders they leave empty. Files MkDocs never wrote (Pagefind's bundles, which the
plugin moves into place whole) are not its business. A kept site's first build, and the
first after a build that did not keep it, empties the folder as MkDocs does. Not for
``--dirty`` builds (MkDocs writes only changed pages: the others would look stale) nor
with ``parallel: on`` (a forked second process writes its pages out of sight).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path

from mkdocs import utils
from mkdocs.structure.files import File

#: What a copied file's source was: its path, size, modification and change times, inode.
Signature = tuple[str, int, int, int, int]
#: The one kept site whose functions stand in for MkDocs' now, if any.
_active: KeptSite | None = None
#: The name a file is written under in its folder before it is moved over its place.
_TEMPORARY = ".newsdocs.tmp"


class KeptSite:
    """The files a serve build writes into one site folder, kept across builds."""

    def __init__(self, site_dir: str) -> None:
        self.site_dir = os.path.abspath(site_dir)
        #: Files of the site folder the last build wrote (absolute paths).
        self.written: set[str] = set()
        #: Static files copied -> their source as it was then.
        self.copied: dict[str, Signature] = {}
        self._now: set[str] = set()
        self._saved: tuple[Callable, Callable, Callable] | None = None
        #: No build has ended here yet: MkDocs empties the folder first (what was there
        #: before, or what a build that did not keep it wrote, is no file of ours).
        self.fresh = True
        #: Files this build wrote, and files it found as they were.
        self.rewritten = 0
        self.unchanged = 0

    def _ours(self, path: str) -> str | None:
        path = os.path.abspath(path)
        return path if path.startswith(self.site_dir + os.sep) else None

    def start(self) -> None:
        """Stand in for MkDocs' emptying, writing and copying during the build (``finish``
        and ``abort`` put MkDocs' own back)."""
        global _active
        restore_active()  # (a build cut short by an interrupt, which no event reports)
        clean, write, copy = utils.clean_directory, utils.write_file, File.copy_file
        self._saved = (clean, write, copy)
        _active = self
        self._now = set()
        self.rewritten = self.unchanged = 0

        def clean_directory(directory: str) -> None:
            if self.fresh or os.path.abspath(directory) != self.site_dir:
                clean(directory)

        def write_file(content: bytes, output_path: str) -> None:
            path = self._ours(output_path)
            if path is None:
                write(content, output_path)
            else:
                self._write(path, content)

        def copy_file(file: File, dirty: bool = False) -> None:
            path = self._ours(file.abs_dest_path)
            if path is None or dirty:
                copy(file, dirty)
            elif file.abs_src_path is None:
                self._write(path, file.content_bytes)
            else:
                self._copy(os.path.abspath(file.abs_src_path), path)

        utils.clean_directory, utils.write_file = clean_directory, write_file
        File.copy_file = copy_file  # type: ignore[method-assign]

    def _write(self, path: str, content: bytes) -> None:
        self._now.add(path)
        if _holds(path, content):
            self.unchanged += 1
            return
        self.rewritten += 1
        self.copied.pop(path, None)
        self._replace(path, lambda temporary: Path(temporary).write_bytes(content))

    def _copy(self, source: str, path: str) -> None:
        self._now.add(path)
        if source == path:
            return  # a plugin wrote it into the site folder itself
        found = os.stat(source)
        signature = (source, found.st_size, found.st_mtime_ns, found.st_ctime_ns, found.st_ino)
        if self.copied.get(path) == signature and os.path.isfile(path):
            self.unchanged += 1
            return
        self.rewritten += 1
        self._replace(path, lambda temporary: shutil.copyfile(source, temporary))
        self.copied[path] = signature

    def _replace(self, path: str, make: Callable[[str], object]) -> None:
        """Make a file beside path (``make`` writes it) and move it over path; a file
        where path needs a folder, or a folder where it needs a file, that this build did
        not write (a page's address that became a folder's) is removed first."""
        folder = os.path.dirname(path)
        try:
            os.makedirs(folder, exist_ok=True)
        except (FileExistsError, NotADirectoryError):
            blocking = folder
            while not os.path.isfile(blocking) and blocking.startswith(self.site_dir + os.sep):
                blocking = os.path.dirname(blocking)
            if blocking in self._now or not os.path.isfile(blocking):
                raise
            os.remove(blocking)
            os.makedirs(folder, exist_ok=True)
        if os.path.isdir(path) and not any(p.startswith(path + os.sep) for p in self._now):
            shutil.rmtree(path)
        temporary = os.path.join(folder, _TEMPORARY)
        try:
            make(temporary)
            os.replace(temporary, path)
        except BaseException:
            with suppress(OSError):
                os.remove(temporary)
            raise

    def restore(self) -> None:
        """Put MkDocs' own functions back (the build is over, or was cut short)."""
        global _active
        if self._saved is not None:
            utils.clean_directory, utils.write_file, File.copy_file = self._saved
            self._saved = None
            if _active is self:
                _active = None

    def finish(self) -> int:
        """The build is over: remove what the last build wrote and this one did not, and
        the folders left empty; return how many files went."""
        self.restore()
        stale = self.written - self._now
        folded = {path.casefold(): path for path in self._now} if stale else {}
        for path in sorted(stale):
            self.copied.pop(path, None)
            now = folded.get(path.casefold())
            if now is not None and os.path.exists(path) and os.path.samefile(path, now):
                continue  # "Notes" renamed "notes" where case is not told apart: the new one
            if not os.path.isfile(path):
                continue  # gone, or a folder of this build's files now
            os.remove(path)
            folder = Path(path).parent
            while str(folder).startswith(self.site_dir + os.sep):
                try:
                    folder.rmdir()  # only when empty
                except OSError:
                    break
                folder = folder.parent
        self.written = self._now
        self.fresh = False
        return len(stale)

    def abort(self) -> None:
        """The build failed: what either build wrote may be in the folder."""
        self.restore()
        self.written |= self._now


def restore_active() -> None:
    """MkDocs' own functions again, whichever kept site stands in for them now."""
    if _active is not None:
        _active.restore()


def _holds(path: str, content: bytes) -> bool:
    """Whether the file at path holds these bytes."""
    try:
        if os.stat(path).st_size != len(content):
            return False
        with open(path, "rb") as found:
            return found.read() == content
    except OSError:
        return False
