"""Topic tags for articles, from a controlled vocabulary (the IPTC Media Topics).

The vocabulary (``data/topics.yml``) lists the 17 top-level IPTC subjects and, under each,
second-level subjects with hand-written keywords and phrases. Tagging is lexical: the
title and body are tokenised, phrases are matched longest-first, and each matched keyword
adds evidence to its subject. A tag is ``parent/child`` when the child's keywords carry
enough of the parent's evidence, otherwise the top-level id alone; tags come most
relevant first.

Scoring, in short: a keyword found in the body scores ``weight * log2(1 + n)`` (``n``
counts occurrences, those in the lead paragraph counting extra), so repetition has
diminishing returns; the body total is divided by ``sqrt(tokens / length_ref)`` so long
articles do not pile up weak evidence; a keyword in the title adds ``title_weight *
weight``. Weak (ambiguous) keywords can confirm a subject but add at most as much as its
other keywords. A top-level subject counts each keyword once, at its highest weight in
its subtree. The first tag is the best subject; further tags must reach ``min_score`` and
``secondary_ratio`` of the best score. One editorial rule overrides the order: a story on
a policy domain (crime, schools, health ...) driven by political actors leads with
politics, as news desks file it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from build_tools.errors import NewsdocsError
from build_tools.front_matter import UniqueKeyLoader

__all__ = [
    "TagSettings",
    "Topic",
    "Vocabulary",
    "VocabularyError",
    "assign_tags",
    "load_vocabulary",
    "tag_label",
    "tokenize",
    "topic_scores",
]

#: Separator between parent and child in a tag id, and in a tag's human label.
SEPARATOR = "/"
LABEL_SEPARATOR = " › "
#: Weight of each keyword list in the vocabulary file.
LIST_WEIGHTS: dict[str, float] = {"keywords": 1.0, "strong": 2.0, "weak": 0.5}

_DEFAULT_RESOURCE = "data/topics.yml"
_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_KEYWORD_TOKEN = re.compile(r"(?:[^\W\d_]+|\d+)\*?")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TOPIC_KEYS = frozenset({"id", "label", "code", "children", *LIST_WEIGHTS})


class VocabularyError(NewsdocsError, ValueError):
    """The vocabulary file is missing, malformed or inconsistent."""


@dataclass(frozen=True)
class Topic:
    """One subject of the vocabulary: a top-level IPTC subject or one of its children."""

    id: str  # "politics" or "politics/diplomacy"
    label: str
    parent: str | None = None
    code: str | None = None  # IPTC media topic code, e.g. "medtop:11000000"
    keywords: tuple[tuple[str, float], ...] = ()  # (keyword as written, weight)

    @property
    def top(self) -> str:
        """The id of the top-level subject this topic belongs to."""
        return self.parent or self.id


@dataclass(frozen=True)
class TagSettings:
    """Weights and thresholds of the scorer; the defaults suit news articles."""

    title_weight: float = 2.0  # a title keyword counts this many times its weight
    lead_tokens: int = 60  # the opening of the body ...
    lead_weight: float = 1.5  # ... counts this much per occurrence
    length_ref: int = 250  # body tokens above which scores are damped by sqrt(len/ref)
    min_score: float = 2.0  # a top-level subject needs at least this score
    secondary_ratio: float = 0.25  # ... and this share of the best subject's score
    child_share: float = 0.3  # a child needs this share of its parent's score ...
    min_child_score: float = 1.0  # ... and at least this score to be named
    second_child_ratio: float = 0.7  # a second child of one parent: share of the first
    weak_cap: float = 1.0  # weak keywords add at most this multiple of the other evidence
    # Political framing: a story on a policy domain (crime, schools, health ...) in which
    # political actors (government, parliament, parties, elections) carry at least
    # ``frame_ratio`` of that domain's score is tagged politics first. 0 turns it off.
    # Stories led by an event (a crime, a trial) keep their subject first.
    frame_ratio: float = 0.5
    frame_subject: str = "politics"
    frame_actors: tuple[str, ...] = ("government", "parliament", "parties", "election")
    framed_subjects: tuple[str, ...] = (
        "crime-law-justice",
        "education",
        "environment",
        "health",
        "labour",
        "society",
    )
    frame_event_tags: tuple[str, ...] = ("crime-law-justice/crime", "crime-law-justice/judiciary")


@dataclass(frozen=True)
class _Pattern:
    """A keyword (or its plural) compiled to tokens; ``group`` names the keyword."""

    tokens: tuple[str, ...]
    prefix: tuple[bool, ...]  # token i matches any word starting with tokens[i]
    case_sensitive: bool
    group: int  # singular and plural of one keyword share a group, counted once

    def matches(self, lower: list[str], original: list[str], start: int) -> bool:
        """Whether the pattern matches the token list at ``start``."""
        words = original if self.case_sensitive else lower
        for offset, (token, is_prefix) in enumerate(zip(self.tokens, self.prefix, strict=True)):
            word = words[start + offset]
            if not (word.startswith(token) if is_prefix else word == token):
                return False
        return True


@dataclass(frozen=True)
class _Group:
    """The topics one keyword gives evidence to."""

    children: tuple[tuple[int, float], ...]  # (topic position, weight), second-level
    tops: tuple[tuple[int, float], ...]  # (topic position, weight), top-level


class _Matcher:
    """Longest-first phrase matcher: an index from first word to candidate patterns."""

    def __init__(self, patterns: list[_Pattern], groups: list[_Group]) -> None:
        self.patterns = patterns
        self.groups = groups
        self._exact: dict[str, list[int]] = {}
        self._prefix: dict[str, list[int]] = {}
        for index, pattern in enumerate(patterns):
            first = pattern.tokens[0].lower()
            table = self._prefix if pattern.prefix[0] else self._exact
            table.setdefault(first, []).append(index)
        self._prefix_lengths = sorted({len(key) for key in self._prefix})
        self._cache: dict[str, tuple[int, ...]] = {}
        self._pairs: dict[tuple[str, str], tuple[int, ...]] = {}

    def candidates(self, word: str) -> tuple[int, ...]:
        """Patterns that may start at a word (lowercase), longest first."""
        found = self._cache.get(word)
        if found is None:
            ids = list(self._exact.get(word, ()))
            for length in self._prefix_lengths:
                if length > len(word):
                    break
                ids.extend(self._prefix.get(word[:length], ()))
            found = tuple(sorted(ids, key=lambda i: -len(self.patterns[i].tokens)))
            if len(self._cache) < 200_000:
                self._cache[word] = found
        return found

    def following(self, word: str, second: str) -> tuple[int, ...]:
        """``candidates(word)`` without the patterns whose second token, lower case and
        whole, is not ``second``: they cannot match there ("the" starts 15 patterns)."""
        key = (word, second)
        found = self._pairs.get(key)
        if found is None:
            found = tuple(
                index for index in self.candidates(word)
                if (pattern := self.patterns[index]).case_sensitive or len(pattern.tokens) < 2
                or pattern.prefix[1] or pattern.tokens[1] == second
            )  # fmt: skip
            if len(self._pairs) < 200_000:
                self._pairs[key] = found
        return found

    def scan(self, original: list[str]) -> Iterator[tuple[int, int]]:
        """Yield ``(position, keyword group)`` for each match, longest match first."""
        lower = [word.lower() for word in original]
        size = len(lower)
        position = 0
        while position < size:
            best = 0
            hits: list[int] = []
            word = lower[position]
            found = self.candidates(word)
            if len(found) > 1 and position + 1 < size:
                found = self.following(word, lower[position + 1])
            for index in found:
                pattern = self.patterns[index]
                length = len(pattern.tokens)
                if length < best:
                    break
                # A one-word pattern found by its (lower-case) first word matches already.
                if (length == 1 and not pattern.case_sensitive) or (
                    position + length <= size and pattern.matches(lower, original, position)
                ):
                    best = length
                    hits.append(index)
            for group in dict.fromkeys(self.patterns[index].group for index in hits):
                yield position, group
            position += best or 1


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The controlled vocabulary: topics in file order, with a compiled keyword matcher."""

    topics: tuple[Topic, ...]
    source: str = ""
    _index: Mapping[str, int] = field(default_factory=dict, repr=False)
    _matcher: _Matcher | None = field(default=None, repr=False)

    @classmethod
    def from_mapping(cls, data: Any, source: str = "<mapping>") -> Vocabulary:
        """Build and check a vocabulary from the parsed YAML document."""
        topics = _parse_topics(data, source)
        index = {topic.id: position for position, topic in enumerate(topics)}
        return cls(topics, source, index, _compile(topics, index))

    def __contains__(self, tag: object) -> bool:
        return tag in self._index

    def __len__(self) -> int:
        return len(self.topics)

    def topic(self, tag: str) -> Topic:
        """The topic with this tag id; KeyError if the vocabulary has none."""
        try:
            return self.topics[self._index[tag]]
        except KeyError:
            raise KeyError(f"unknown topic tag: {tag!r}") from None

    @property
    def top_level(self) -> tuple[Topic, ...]:
        """The top-level subjects, in file order."""
        return tuple(topic for topic in self.topics if topic.parent is None)

    def children(self, tag: str) -> tuple[Topic, ...]:
        """The second-level subjects under a top-level subject."""
        return tuple(topic for topic in self.topics if topic.parent == tag)


@lru_cache(maxsize=8)
def _load_cached(path: str | None) -> Vocabulary:
    if path is None:
        source = f"build_tools/{_DEFAULT_RESOURCE}"
        try:
            text = (
                resources.files("build_tools")
                .joinpath(_DEFAULT_RESOURCE)
                .read_text(encoding="utf-8")
            )
        except (FileNotFoundError, ModuleNotFoundError):  # pragma: no cover - broken install
            text = (Path(__file__).parents[1] / _DEFAULT_RESOURCE).read_text(encoding="utf-8")
    else:
        source = path
        try:
            text = Path(path).read_text(encoding="utf-8")
        except OSError as error:
            raise VocabularyError(f"{path}: cannot read the vocabulary ({error})") from error
    try:
        data = yaml.load(text, Loader=UniqueKeyLoader)  # noqa: S506 (a safe loader)
    except yaml.YAMLError as error:
        raise VocabularyError(f"{source}: not valid YAML ({error})") from error
    return Vocabulary.from_mapping(data, source)


def load_vocabulary(path: str | Path | None = None) -> Vocabulary:
    """Load (once, then from cache) the packaged vocabulary, or the YAML file at ``path``."""
    return _load_cached(None if path is None else str(Path(path).resolve()))


def topic_scores(
    title: str,
    text: str,
    *,
    vocabulary: Vocabulary | None = None,
    settings: TagSettings | None = None,
) -> dict[str, float]:
    """Evidence score of every topic with any evidence, highest first (for inspection)."""
    vocab = vocabulary or load_vocabulary()
    scores = _score(title, text, vocab, settings or TagSettings())
    ordered = sorted(
        (position for position, score in enumerate(scores) if score > 0),
        key=lambda position: (-scores[position], position),
    )
    return {vocab.topics[position].id: round(scores[position], 4) for position in ordered}


def assign_tags(
    title: str,
    text: str,
    *,
    max_tags: int = 4,
    vocabulary: Vocabulary | None = None,
    settings: TagSettings | None = None,
) -> tuple[str, ...]:
    """Topic tags for an article, most relevant first; () when nothing is supported.

    Each tag is a vocabulary id: ``parent/child`` when the second-level subject's keywords
    support it, otherwise the top-level subject alone. At most one tag per top-level
    subject, except that a second child may follow when it is nearly as strong.
    """
    if max_tags < 0:
        raise ValueError(f"max_tags must be >= 0, not {max_tags}")
    if max_tags == 0:
        return ()
    vocab = vocabulary or load_vocabulary()
    config = settings or TagSettings()
    scores = _score(title, text, vocab, config)
    tops = sorted(
        (position for position, topic in enumerate(vocab.topics) if topic.parent is None),
        key=lambda position: (-scores[position], position),
    )
    if not tops:
        return ()
    best = scores[tops[0]]
    if best < config.min_score:
        return ()
    floor = max(config.min_score, config.secondary_ratio * best)
    chosen: list[tuple[float, int, str]] = []  # (score, order, tag)
    for top in tops:
        top_score = scores[top]
        if top_score < floor:
            break
        parent = vocab.topics[top]
        children = sorted(
            (vocab._index[child.id] for child in vocab.children(parent.id)),
            key=lambda position: (-scores[position], position),
        )
        child_floor = max(config.min_child_score, config.child_share * top_score)
        named = [position for position in children if scores[position] >= child_floor]
        if not named:
            chosen.append((top_score, len(chosen), parent.id))
            continue
        first = named[0]
        chosen.append((top_score, len(chosen), vocab.topics[first].id))
        for second in named[1:2]:
            if scores[second] >= max(floor, config.second_child_ratio * scores[first]):
                chosen.append((scores[second], len(chosen), vocab.topics[second].id))
    chosen.sort(key=lambda item: (-item[0], item[1]))
    tags = [tag for _, _, tag in chosen]
    if _politically_framed(tags, scores, vocab, config):
        framed = next(tag for tag in tags if tag.split(SEPARATOR)[0] == config.frame_subject)
        tags.remove(framed)
        tags.insert(0, framed)
    return tuple(tags[:max_tags])


def _politically_framed(
    tags: list[str], scores: list[float], vocab: Vocabulary, config: TagSettings
) -> bool:
    """Whether a policy-domain story should lead with politics (see ``TagSettings``)."""
    if not config.frame_ratio or not tags:
        return False
    first = tags[0].split(SEPARATOR)[0]
    if first not in config.framed_subjects or tags[0] in config.frame_event_tags:
        return False
    if not any(tag.split(SEPARATOR)[0] == config.frame_subject for tag in tags):
        return False
    actors = sum(
        scores[vocab._index[tag]]
        for tag in (f"{config.frame_subject}{SEPARATOR}{actor}" for actor in config.frame_actors)
        if tag in vocab
    )
    return actors >= config.frame_ratio * scores[vocab._index[first]]


def tag_label(tag: str, *, vocabulary: Vocabulary | None = None) -> str:
    """Human label of a tag: the IPTC label, or "parent label › child label"."""
    vocab = vocabulary or load_vocabulary()
    topic = vocab.topic(tag)
    if topic.parent is None:
        return topic.label
    return f"{vocab.topic(topic.parent).label}{LABEL_SEPARATOR}{topic.label}"


def tokenize(text: str) -> list[str]:
    """Word tokens of a text, case kept: letters and digits apart, possessive 's dropped."""
    return _TOKEN.findall(_POSSESSIVE.sub("", text))


# --- scoring -------------------------------------------------------------------------


def _score(title: str, text: str, vocab: Vocabulary, config: TagSettings) -> list[float]:
    """Score of every topic (by vocabulary position) for one article."""
    matcher = vocab._matcher
    scores = [0.0] * len(vocab.topics)
    weak = [0.0] * len(vocab.topics)
    if matcher is None:
        return scores
    body = tokenize(text or "")
    counts: dict[int, float] = {}
    for position, group in matcher.scan(body):
        weight = config.lead_weight if position < config.lead_tokens else 1.0
        counts[group] = counts.get(group, 0.0) + weight
    in_title = {group for _, group in matcher.scan(tokenize(title or ""))}
    damping = math.sqrt(max(1.0, len(body) / config.length_ref))
    for group in counts.keys() | in_title:
        evidence = math.log2(1.0 + counts.get(group, 0.0)) / damping
        if group in in_title:
            evidence += config.title_weight
        targets = matcher.groups[group]
        for topic, weight in (*targets.children, *targets.tops):
            if weight < LIST_WEIGHTS["keywords"]:  # from the weak list
                weak[topic] += weight * evidence
            else:
                scores[topic] += weight * evidence
    # ambiguous words confirm a subject but cannot make one on their own
    return [
        score + min(extra, config.weak_cap * score)
        for score, extra in zip(scores, weak, strict=True)
    ]


# --- loading and compiling -----------------------------------------------------------


def _parse_topics(data: Any, source: str) -> tuple[Topic, ...]:
    """Check the YAML structure and flatten it into topics, parents before children."""
    if not isinstance(data, dict) or not isinstance(data.get("topics"), list):
        raise VocabularyError(f"{source}: expected a mapping with a 'topics' list")
    topics: list[Topic] = []
    seen: set[str] = set()

    def make(entry: Any, parent: str | None) -> Topic:
        where = f"{source}: topic under {parent!r}" if parent else f"{source}: top-level topic"
        if not isinstance(entry, dict):
            raise VocabularyError(f"{where} is not a mapping")
        unknown = sorted(set(entry) - _TOPIC_KEYS)
        if unknown:
            raise VocabularyError(f"{where} has unknown key(s): {', '.join(map(str, unknown))}")
        if parent and entry.get("children"):
            raise VocabularyError(f"{where} has children; only two levels are supported")
        local = entry.get("id")
        if not isinstance(local, str) or not _ID.match(local):
            raise VocabularyError(f"{where} has a missing or malformed id: {local!r}")
        tag = f"{parent}{SEPARATOR}{local}" if parent else local
        if tag in seen:
            raise VocabularyError(f"{source}: duplicate topic id {tag!r}")
        seen.add(tag)
        label = entry.get("label")
        if not isinstance(label, str) or not label.strip():
            raise VocabularyError(f"{source}: topic {tag!r} has no label")
        code = entry.get("code")
        if code is not None and not isinstance(code, str):
            raise VocabularyError(f"{source}: topic {tag!r} has a non-text code")
        keywords: list[tuple[str, float]] = []
        for key, weight in LIST_WEIGHTS.items():
            values = entry.get(key) or []
            if not isinstance(values, list):
                raise VocabularyError(f"{source}: {tag!r} {key} is not a list")
            for value in values:
                if not isinstance(value, str) or not _KEYWORD_TOKEN.search(value):
                    raise VocabularyError(
                        f"{source}: {tag!r} {key} has a bad keyword {value!r}; quote it"
                    )
                keywords.append((value.strip(), weight))
        return Topic(tag, label.strip(), parent, code, tuple(keywords))

    for entry in data["topics"]:
        top = make(entry, None)
        topics.append(top)
        children = entry.get("children") or []
        if not isinstance(children, list):
            raise VocabularyError(f"{source}: children of {top.id!r} are not a list")
        for child in children:
            topics.append(make(child, top.id))
    return tuple(topics)


def _plural(word: str) -> str | None:
    """A simple English plural of a lowercase word, or None when not worth guessing."""
    if len(word) < 3 or not word.isalpha():
        return None
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def _compile(topics: tuple[Topic, ...], index: Mapping[str, int]) -> _Matcher:
    """Compile every keyword (and its plural) into patterns indexed by first word."""
    Spec = tuple[tuple[str, ...], tuple[bool, ...], bool]
    # spec -> {topic position: weight}; the same keyword in several topics is one spec
    specs: dict[Spec, dict[int, float]] = {}
    group_of: dict[Spec, Spec] = {}  # plural spec -> its singular's spec
    for position, topic in enumerate(topics):
        for keyword, weight in topic.keywords:
            case_sensitive = keyword != keyword.lower()
            text = _POSSESSIVE.sub("", keyword if case_sensitive else keyword.lower())
            raw = _KEYWORD_TOKEN.findall(text)
            tokens = tuple(token.rstrip("*") for token in raw)
            prefix = tuple(token.endswith("*") for token in raw)
            spec = (tokens, prefix, case_sensitive)
            group_of.setdefault(spec, spec)
            variants = [spec]
            plural = None if case_sensitive or prefix[-1] else _plural(tokens[-1])
            if plural:
                plural_spec = ((*tokens[:-1], plural), prefix, case_sensitive)
                group_of[plural_spec] = group_of[spec]
                variants.append(plural_spec)
            for variant in variants:
                targets = specs.setdefault(variant, {})
                targets[position] = max(weight, targets.get(position, 0.0))
    group_ids: dict[Spec, int] = {}
    merged: list[dict[int, float]] = []
    patterns: list[_Pattern] = []
    for spec, targets in specs.items():
        root = group_of[spec]
        while group_of[root] != root:
            root = group_of[root]
        if root not in group_ids:
            group_ids[root] = len(merged)
            merged.append({})
        group = group_ids[root]
        for position, weight in targets.items():
            merged[group][position] = max(weight, merged[group].get(position, 0.0))
        patterns.append(_Pattern(spec[0], spec[1], spec[2], group))
    groups: list[_Group] = []
    for targets in merged:
        children: dict[int, float] = {}
        tops: dict[int, float] = {}
        for position, weight in targets.items():
            topic = topics[position]
            if topic.parent is not None:
                children[position] = weight
            top = index[topic.top]
            # a top-level subject counts each keyword once, at its highest weight
            tops[top] = max(weight, tops.get(top, 0.0))
        groups.append(_Group(tuple(children.items()), tuple(tops.items())))
    return _Matcher(patterns, groups)
