"""Untrusted text -> Markdown that renders as the same text, never as markup.

Shared by the converter (article bodies) and the site plugin (names in lists and links), so
that a name escaped by one is found by the other.
"""

from __future__ import annotations

import re

#: Characters that Markdown, its extensions or HTML could read as syntax, as entities.
_ENTITIES = {
    "&": "&amp;", "<": "&lt;", ">": "&gt;", "\\": "&#92;", "`": "&#96;", "*": "&#42;",
    "_": "&#95;", "[": "&#91;", "]": "&#93;", "{": "&#123;", "}": "&#125;", "#": "&#35;",
    "|": "&#124;", "~": "&#126;", "^": "&#94;", "$": "&#36;", "!": "&#33;", ":": "&#58;",
    "=": "&#61;", "+": "&#43;", "(": "&#40;", ")": "&#41;", '"': "&quot;",
}  # fmt: skip
_SPECIAL = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")
#: Characters that only matter at the start of a block (lists, rules, headings, quotes).
_BLOCK_START = re.compile(r"^(\s*)([-+.!\d]|\d+(?=[.)]))")
_KEEP = re.compile(r"[!:()\"=+]")  # harmless inside running text when not at a block start


def escape_markdown(text: str) -> str:
    """Escape text so that Markdown renders it literally, as plain text."""
    escaped = _SPECIAL.sub(
        lambda m: m.group(0) if _KEEP.match(m.group(0)) else _ENTITIES[m.group(0)], text
    )
    return _BLOCK_START.sub(
        lambda m: m.group(1) + f"&#{ord(m.group(2)[0])};" + m.group(2)[1:], escaped
    )


#: What escape_text turns into entities: HTML's specials, and what Markdown could read as a
#: link, an attribute list or code.
_TEXT_SPECIAL = re.compile(r'[&<>"\[\]{}`\\]')
_TEXT_ENTITIES = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}


def escape_text(text: str, one_line: bool = True) -> str:
    """Escape a front-matter value: printed as it is by a theme, or read as Markdown when
    the front matter does not parse, it stays text. ``html.unescape`` reverses it. Lighter
    than ``escape_markdown`` (a title keeps its ``$`` and ``#``), and one line: whitespace
    runs, line breaks included, become one space (``one_line=False``: kept, for a file
    name)."""
    if one_line:
        text = " ".join(text.split())
    return _TEXT_SPECIAL.sub(
        lambda m: _TEXT_ENTITIES.get(m.group(0)) or f"&#{ord(m.group(0))};", text
    )
