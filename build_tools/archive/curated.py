"""The curated ``entities.yml``: aliases, kind overrides, descriptions and names to ignore.

Applied at build time, so that a correction needs no re-conversion::

    entities:
      - name: Donald Trump
        kind: person
        aliases: [Donald J. Trump, President Trump]
        description: 45th and 47th president of the United States.
    ignore: [Related Posts]
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from build_tools.model import KINDS, Kind


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@dataclass
class Curated:
    """Lookups over the curated entries."""

    entries: dict[str, tuple[Kind, str]] = field(default_factory=dict)  # folded alias -> entity
    descriptions: dict[tuple[Kind, str], str] = field(default_factory=dict)
    ignored: set[str] = field(default_factory=set)

    def resolve(self, kind: Kind, name: str) -> tuple[Kind, str] | None:
        """The curated (kind, name) for an extracted name; None when it is to be ignored."""
        key = _key(name)
        if key in self.ignored:
            return None
        return self.entries.get(key, (kind, name))

    def lists(self, name: str) -> bool:
        """Whether the curated file names this (as an entity or an alias)."""
        return _key(name) in self.entries

    def description(self, kind: Kind, name: str) -> str:
        return self.descriptions.get((kind, name), "")


def load_curated(path: Path) -> Curated:
    """Read entities.yml (an absent file means no curation); ValueError says what to fix."""
    curated = Curated()
    if not path.is_file():
        return curated
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{path.name}: not valid YAML ({error})") from None
    if not isinstance(data, dict):
        raise ValueError(f"{path.name}: expected 'entities:' and 'ignore:' at the top level")
    for number, entry in enumerate(data.get("entities") or [], 1):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ValueError(f"{path.name}: entity {number} needs a 'name'")
        kind = entry.get("kind", "person")
        if kind not in KINDS:
            raise ValueError(
                f"{path.name}: entity {entry['name']!r} has kind {kind!r}; use one of "
                + ", ".join(KINDS)
            )
        name = entry["name"].strip()
        for alias in (name, *(entry.get("aliases") or [])):
            curated.entries[_key(str(alias))] = (kind, name)
        if entry.get("description"):
            curated.descriptions[(kind, name)] = str(entry["description"]).strip()
    curated.ignored = {_key(str(name)) for name in data.get("ignore") or []}
    return curated
