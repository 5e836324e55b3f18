"""Front matter of pages, read once: YAML parsed on first sight, then kept as JSON by the
hash of its text.

The converter fills the cache as it writes pages and the site plugin reads from it, so a
build parses YAML only for pages edited by hand since (10,000 pages: 2.6 s of YAML against
0.3 s). The key is the front matter's own text, so an entry can never be stale; entries
no page uses any more are dropped when the plugin saves.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from pathlib import Path

import yaml

from build_tools.files import write_atomic

#: Named by format: a cache of the first format (mappings sorted by key) is not read.
FILE = "front-matter-2.json"
#: libyaml's safe loader and emitter when the PyYAML wheel has them (the emitter gives the
#: same bytes as the Python one on the 1,485 BBC pages, 4x faster), else the Python ones.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping names a key twice (PyYAML would keep the last value in silence)."""

    def __init__(self, key: str, mark: yaml.Mark) -> None:
        super().__init__(None, None, f"duplicate key '{key}'", mark)
        self.key = key


class UniqueKeys:
    """A loader's mixin that refuses a key written twice in one mapping (YAML forbids it;
    PyYAML keeps the last, and what came before is lost without a word)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: set = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue  # "<<: {...}": PyYAML merges it below, and a key written may override
            key = self.construct_object(key_node, deep=deep)  # type: ignore[attr-defined]
            try:
                if key in seen:  # the line of its second writing, the key as written there
                    written = key_node.value if isinstance(key_node.value, str) else str(key)
                    raise DuplicateKeyError(written, key_node.start_mark)
                seen.add(key)
            except TypeError:  # an unhashable key ("? [a, b]"): PyYAML's own error says where
                break
        return super().construct_mapping(node, deep=deep)  # type: ignore[misc]


class UniqueKeyLoader(UniqueKeys, SafeLoader):
    """The safe loader, refusing keys written twice."""


#: How pages' front matter is written: keys in order, block style, long lines kept whole
#: (stable diffs).
DUMP_OPTIONS = {"sort_keys": False, "allow_unicode": True, "width": 1_000_000}


#: Front matter as MkDocs finds it (``mkdocs.utils.meta.YAML_RE``): a page MkDocs reads
#: front matter from is one whose front matter the contract checks.
_FRONT = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def split(text: str) -> tuple[str | None, str]:
    """(front matter text, body) of a page, as MkDocs splits it."""
    if not text.startswith("---"):
        return None, text
    match = _FRONT.match(text)
    if match is None:
        return None, text
    return match.group(1), text[match.end() :]


#: How deep YAML may nest: a page is three levels deep, a header two.
MAX_DEPTH = 40


def _depth(text: str) -> int:
    """An upper bound of the YAML's nesting: brackets opened at once, and the indentation
    (in spaces and list dashes) of its most indented line."""
    depth = deepest = 0
    brackets = text.count("[") + text.count("{")
    for character in text if brackets > MAX_DEPTH else ():  # few brackets: no deeper
        if character in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif character in "]}":
            depth = max(0, depth - 1)
    indent = max((len(m.group(0)) for m in re.finditer(r"^[ -]*", text, re.MULTILINE)), default=0)
    return max(deepest, min(brackets, MAX_DEPTH) if brackets <= MAX_DEPTH else 0, indent // 2)


def read_data(path: Path) -> object:
    """One of the package's own data files (``data/*.yml``), read with libyaml when the
    wheel has it: topics.yml took 0.8 s with the pure-Python loader, on every build."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)  # noqa: S506


def load_yaml(text: str, loader: type = SafeLoader) -> object:
    """YAML from an untrusted file, with a safe loader and none of YAML's bombs: no alias
    (a few hundred bytes of them expand to gigabytes) and no nesting deeper than Python's
    stack. Raises yaml.YAMLError."""
    if _depth(text) > MAX_DEPTH:  # libyaml recurses in C: too deep and Python crashes
        raise yaml.YAMLError(f"the YAML is nested more than {MAX_DEPTH} levels deep")
    if ("&" in text or "*" in text) and any(
        isinstance(event, yaml.AliasEvent) for event in yaml.parse(text, Loader=loader)
    ):
        raise yaml.YAMLError("aliases (*name) are not allowed: write each value out")
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 (a safe loader)
    except RecursionError:
        raise yaml.YAMLError("the YAML is nested too deeply") from None


def parse(text: str) -> tuple[object, str]:
    """(metadata, body) of a page, read with libyaml (no cache); raises yaml.YAMLError."""
    front, body = split(text)
    return ({}, body) if front is None else (_load(front), body)


def _load(front: str) -> object:
    return load_yaml(front) or {}


def _encode(value: object) -> object:
    if isinstance(value, dt.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    raise TypeError(f"cannot cache a {type(value).__name__} from front matter")


def _decode(value: dict) -> object:
    if len(value) == 1:
        if "$date" in value:
            return dt.date.fromisoformat(value["$date"])
        if "$datetime" in value:
            return dt.datetime.fromisoformat(value["$datetime"])
    return value


class FrontMatterCache:
    """Parsed front matter by the SHA-1 of its text, in a JSON file (or in memory only)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self._entries: dict[str, object] = {}
        self._used: set[str] = set()
        self._changed = False
        if path is not None:
            try:
                loaded = json.loads(path.read_text(encoding="utf-8"), object_hook=_decode)
            except (OSError, ValueError, RecursionError):  # absent, corrupt or crafted
                loaded = {}
            if isinstance(loaded, dict):
                self._entries = loaded

    def read(self, text: str) -> tuple[object, str]:
        """(metadata, body) of a page; raises yaml.YAMLError for broken front matter."""
        front, body = split(text)
        if front is None:
            return {}, body
        key = hashlib.sha1(front.encode("utf-8")).hexdigest()
        self._used.add(key)
        if key in self._entries:
            return self._entries[key], body
        meta = _load(front)
        if self.path is None:  # no file to keep it in: nothing to remember
            return meta, body
        try:
            same = json.loads(json.dumps(meta, default=_encode), object_hook=_decode) == meta
        except (TypeError, ValueError):
            same = False
        if not same:  # a value JSON cannot hold as it is (a number as a key): parse each time
            return meta, body
        self._entries[key] = meta
        self._changed = True
        return meta, body

    def save(self, prune: bool = False) -> None:
        """Write the cache when it changed; ``prune``: keep only entries read this run."""
        if self.path is None:
            return
        if prune and set(self._entries) != self._used:
            self._entries = {k: v for k, v in self._entries.items() if k in self._used}
            self._changed = True
        if not self._changed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # The entries in a fixed order (the file is the same for the same pages); inside
        # each, the page's own order: `people` lists names in order of appearance.
        entries = {key: self._entries[key] for key in sorted(self._entries)}
        write_atomic(self.path, json.dumps(entries, default=_encode))
        self._changed = False


#: Reads without a cache (for one page, or a test).
NO_CACHE = FrontMatterCache(None)
