"""The front matter cache: YAML read once, the same values back from JSON."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from build_tools.front_matter import FrontMatterCache

PAGE = (
    "---\ntitle: 'A: title'\ndate: 2019-01-19\npeople:\n- Mike Pompeo\n"
    "dates:\n- value: '2019-01-18'\n  text: Friday\nprovenance: {sha256: abc}\n---\n"
    "# A: title\n\nBody.\n"
)


def test_values_come_back_the_same_from_the_cache_file(tmp_path):
    path = tmp_path / "cache" / "front-matter.json"
    first = FrontMatterCache(path)
    meta, body = first.read(PAGE)
    assert meta["date"] == dt.date(2019, 1, 19) and body == "# A: title\n\nBody.\n"
    first.save()
    second = FrontMatterCache(path)
    cached, _ = second.read(PAGE)
    assert cached == meta and isinstance(cached["date"], dt.date)
    assert cached["dates"][0]["value"] == "2019-01-18"  # a string stays a string


def test_a_mapping_keeps_the_pages_order_through_the_cache_file(tmp_path):
    page = "---\npeople:\n  Zoe Ball: 1:0-8\n  Adam Ant: 2:0-8\n---\nBody.\n"
    first = FrontMatterCache(tmp_path / "front-matter.json")
    first.read(page)
    first.save()
    cached, _ = FrontMatterCache(tmp_path / "front-matter.json").read(page)
    assert list(cached["people"]) == ["Zoe Ball", "Adam Ant"]  # order of appearance


def test_an_edited_page_is_parsed_again_and_stale_entries_are_pruned(tmp_path, monkeypatch):
    path = tmp_path / "front-matter.json"
    cache = FrontMatterCache(path)
    cache.read(PAGE)
    cache.save()
    edited = PAGE.replace("Mike Pompeo", "Stephen Biegun")
    cache = FrontMatterCache(path)
    calls = []
    real_load = yaml.load
    monkeypatch.setattr(yaml, "load", lambda *a, **k: calls.append(1) or real_load(*a, **k))
    assert cache.read(edited)[0]["people"] == ["Stephen Biegun"]
    assert cache.read(PAGE)[0]["people"] == ["Mike Pompeo"]
    assert len(calls) == 1  # only the edited page was parsed
    cache.save(prune=True)
    assert len(FrontMatterCache(path)._entries) == 2
    only_edited = FrontMatterCache(path)
    only_edited.read(edited)
    only_edited.save(prune=True)
    assert len(FrontMatterCache(path)._entries) == 1


def test_broken_front_matter_raises_and_a_broken_cache_is_ignored(tmp_path):
    path = tmp_path / "front-matter.json"
    path.write_text("{not json", encoding="utf-8")
    cache = FrontMatterCache(path)
    with pytest.raises(yaml.YAMLError):
        cache.read("---\ntitle: [unclosed\n---\nbody\n")
    assert cache.read("no front matter\n") == ({}, "no front matter\n")


def test_values_json_would_change_are_never_cached(tmp_path):
    page = "---\ntitle: T\naliases: {1: [One]}\nx: {$date: '2019-01-01'}\n---\nbody\n"
    cache = FrontMatterCache(tmp_path / "front-matter.json")
    meta, _ = cache.read(page)
    cache.save()
    again, _ = FrontMatterCache(tmp_path / "front-matter.json").read(page)
    assert again == meta and 1 in again["aliases"] and again["x"] == {"$date": "2019-01-01"}


def test_a_key_written_twice_is_refused_at_its_second_line_as_written():
    """YAML keeps the last of two equal keys in silence; the unique-key loader names the
    second as written ("true" after "yes", both True), and lets a merge ("<<") through,
    with a key written beside it overriding the merged one, as YAML does."""
    from build_tools.front_matter import DuplicateKeyError, UniqueKeyLoader

    with pytest.raises(DuplicateKeyError, match="duplicate key 'true'") as error:
        yaml.load("yes: 1\nb: 2\ntrue: 3\n", Loader=UniqueKeyLoader)  # noqa: S506
    assert error.value.problem_mark.line == 2
    merged = yaml.load("<<: {title: X, source: A}\ntitle: Y\n", Loader=UniqueKeyLoader)  # noqa: S506
    assert merged == {"title": "Y", "source": "A"}
