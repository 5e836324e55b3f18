"""Article pages for tests, made through the page contract (positions found by regex here:
in tests, not in the build)."""

from __future__ import annotations

import datetime as dt
import re

from build_tools.archive.index import ArticleInfo
from build_tools.model import KINDS, SECTION
from build_tools.page import ArticlePage, DateRef, Named, Position, Provenance

PROVENANCE = Provenance("source_texts/x.txt", "0" * 64, generator="test")


def positions_of(paragraphs: tuple[str, ...], forms) -> tuple[Position, ...]:
    found = []
    for number, text in enumerate(paragraphs, 1):
        for form in forms:
            for match in re.finditer(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", text):
                found.append(Position(number, match.start(), match.end()))
    return tuple(sorted(found))


def article(
    uri: str,
    title: str,
    body: str = "x",
    date: str | None = None,
    *,
    aliases: dict | None = None,
    at: dict | None = None,
    dates=(),
    **fields,
) -> ArticleInfo:
    """An ArticleInfo: names given per kind (``people=[...]``) are found in the body with
    their ``aliases``; ``at`` gives a name's positions outright."""
    paragraphs = tuple(p for p in body.split("\n\n") if p)
    named = {}
    for kind in KINDS:
        names = fields.pop(SECTION[kind], ())
        named[SECTION[kind]] = tuple(
            Named(
                name,
                (at or {}).get(name)
                or positions_of(paragraphs, (name, *(aliases or {}).get(name, ()))),
            )
            for name in names
        )
    return ArticleInfo(
        uri,
        ArticlePage(
            title=title,
            paragraphs=paragraphs,
            date=dt.date.fromisoformat(date) if date else None,
            dates=tuple(
                DateRef(d["value"], d["text"], positions_of(paragraphs, (d["text"],)))
                for d in dates
            ),  # fmt: skip
            provenance=PROVENANCE,
            **named,
            **fields,
        ),
    )
