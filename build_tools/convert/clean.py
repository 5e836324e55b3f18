"""Source -> Article: title, body paragraphs, and the web trailer stripped and recorded."""

from __future__ import annotations

import re

from build_tools.errors import SourceError
from build_tools.model import Article, Source

#: Longer articles are refused: the model reads a few thousand words a second when every
#: sentence needs its parse, and a conversion must stay under 30 s whatever the text (the
#: longest BBC article has 4,432 words; long-form journalism rarely passes 20,000).
MAX_WORDS = 25_000
_TOKEN = re.compile(r"\w+|[^\w\s]")
#: Lines that web pages leave after an article (compared case-insensitively, without
#: trailing punctuation).
CRUFT_LINES = frozenset(
    {
        "related posts",
        "related",
        "related articles",
        "related stories",
        "comments",
        "comment",
        "leave a comment",
        "leave a reply",
        "share",
        "share this",
        "share this article",
        "share this story",
        "share on facebook",
        "share on twitter",
        "tweet",
        "email",
        "print",
        "like this",
        "loading",
        "advertisement",
        "read more",
        "see also",
        "more from this author",
        "click to share on twitter",
        "click to share on facebook",
        "click to print",
        "click to email this to a friend",
    }
)
#: News organisations that commonly sign a wire story on its last line.
SOURCE_NAMES = frozenset(
    {
        "ap", "associated press", "afp", "reuters", "voa", "voa news", "bbc", "bbc news",
        "cnn", "xinhua", "upi", "dpa", "efe", "ansa", "kyodo", "yonhap", "tass", "al jazeera",
    }
)  # fmt: skip
_SEPARATOR = re.compile(r"^[\s\-–—_*=~•·.#]+$")
_SOURCE_SHAPE = re.compile(r"^[A-Z][\w&.'’-]*(?: [A-Z][\w&.'’-]*){0,4}$")
_BLANK = re.compile(r"^[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]*$")
_SENTENCE_END = re.compile(r"[.!?:;…”\"’')\]]$")
_QUOTE_SPACE = re.compile(r"([.!?,…]”)(?=[A-Z“‘])")


def is_blank(line: str) -> bool:
    """True for lines of only spaces, non-breaking spaces or other invisible space."""
    return bool(_BLANK.match(line))


def _key(line: str) -> str:
    return re.sub(r"[\s:.…!]+$", "", line.strip()).casefold()


def _looks_like_source(line: str) -> bool:
    key = _key(line)
    return key in SOURCE_NAMES or (
        bool(_SOURCE_SHAPE.match(line.strip())) and key.split()[-1] in {"news", "press", "wire"}
    )


def split_trailer(lines: list[str]) -> tuple[list[str], list[str], str | None]:
    """Remove the web trailer from the end of the body lines.

    Returns (body lines, stripped non-blank lines in reading order, source name or None).
    A short source line (``VOA News``) counts as trailer only after the body has ended,
    that is at the very end or among separators and cruft lines.
    """
    end = len(lines)
    stripped: list[str] = []
    source: str | None = None
    while end > 0:
        line = lines[end - 1]
        if is_blank(line):
            end -= 1
            continue
        text = line.strip()
        if _SEPARATOR.match(text) and len(text.replace(" ", "")) >= 2 or _key(text) in CRUFT_LINES:
            stripped.append(text)
            end -= 1
            continue
        if source is None and _looks_like_source(text):
            source = text
            stripped.append(text)
            end -= 1
            continue
        break
    stripped.reverse()
    return lines[:end], stripped, source


def join_paragraphs(lines: list[str]) -> list[str]:
    """Group lines into paragraphs.

    Blank lines separate paragraphs. Inside a block, a line that does not end a sentence, or
    one followed by a line starting in lower case, is a broken line and is joined to the next
    (``for a`` / ``lifting``); otherwise each line is its own paragraph, as in sources saved
    with one paragraph per line.
    """
    paragraphs: list[str] = []
    current: list[str] = []  # the lines of the paragraph so far (joined once: linear)
    for line in lines:
        text = " ".join(line.split())
        if not text:
            if current:
                paragraphs.append(" ".join(current))
            current = []
            continue
        if not current:
            current = [text]
        elif not _SENTENCE_END.search(current[-1][-2:]) or text[0].islower():
            current.append(text)
        else:
            paragraphs.append(" ".join(current))
            current = [text]
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def mend(paragraph: str) -> str:
    """Mend a missing space after a closing quote (``talks.”We’ve``)."""
    return _QUOTE_SPACE.sub(r"\1 ", paragraph)


def clean(source: Source) -> Article:
    """Turn a Source into an Article, or raise SourceError when there is no article in it."""
    lines = source.text.split("\n")
    header = source.header
    start = 0
    while start < len(lines) and is_blank(lines[start]):
        start += 1
    if start == len(lines):
        raise SourceError(
            source.label,
            "the file has no text",
            "put the title on the first line and the article below it, or remove the file",
        )
    if header.get("title"):
        title = " ".join(header["title"].split())  # one line: a title is one heading
    else:
        title = " ".join(lines[start].split())
        start += 1
    body, trailer, signed = split_trailer(lines[start:])
    paragraphs = [mend(p) for p in join_paragraphs(body)]
    if not paragraphs:
        raise SourceError(
            source.label,
            f"the file has a title ({title[:60]!r}) but no article text under it",
            "add the article's paragraphs below the title",
        )
    words = sum(len(paragraph.split()) for paragraph in (title, *paragraphs))
    # Words and signs, as the model counts tokens ("Paris,Paris," is four, not one word).
    tokens = sum(len(_TOKEN.findall(paragraph)) for paragraph in (title, *paragraphs))
    if words > MAX_WORDS or tokens > 2 * MAX_WORDS:
        raise SourceError(
            source.label,
            f"the article has {words:,} words ({tokens:,} words and signs); articles of up"
            f" to {MAX_WORDS:,} words (and {2 * MAX_WORDS:,} words and signs) are"
            " converted (reading one takes the model about a second per 5,000 words)",
            "split it into one file per article, or remove it",
        )
    return Article(
        source=source,
        title=mend(title),
        paragraphs=tuple(paragraphs),
        publication_date=header.get("date"),
        source_name=header.get("source") or signed,
        url=header.get("url"),
        author=header.get("author"),
        trailer=tuple(trailer),
    )
