"""Article + Extraction -> Markdown page with YAML front matter; atomic, deterministic writes."""

from __future__ import annotations

import hashlib
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import frontmatter

from build_tools import __version__
from build_tools.front_matter import DUMP_OPTIONS, SafeDumper
from build_tools.markup import escape_markdown
from build_tools.model import SECTION, Article, Extraction, slugify

#: The modules and data whose change changes the pages: a page made by another version of
#: any of them is converted again.
CONVERTER_FILES = (
    "read.py", "clean.py", "extract.py", "resolve.py", "dates.py", "tags.py", "gazetteer.py",
    "markup.py", "model.py", "names.py", "pages.py", "data/places.yml", "data/topics.yml",
)  # fmt: skip


@lru_cache(maxsize=1)
def converter_fingerprint() -> str:
    """A short hash of the converter's code and data (and the model's version)."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).parent
    for name in CONVERTER_FILES:
        digest.update(name.encode() + b"\0" + (package / name).read_bytes())
    return digest.hexdigest()[:12]


GENERATOR = f"newsdocs {__version__}"
ARTICLES = "articles"


def generator() -> str:
    """``newsdocs 0.1.0+<fingerprint>``: which converter made a page."""
    return f"{GENERATOR}+{converter_fingerprint()}"


def page_directory(article: Article) -> str:
    """``articles/<year>`` for dated articles, ``articles/undated`` otherwise."""
    date = article.publication_date
    return f"{ARTICLES}/{date.year:04d}" if date else f"{ARTICLES}/undated"


def base_slug(article: Article) -> str:
    return slugify(article.title)


def front_matter(article: Article, extraction: Extraction) -> dict:
    """The page's metadata, in a fixed key order (see the README for each field)."""
    aliases: dict[str, list[str]] = {}
    for mention in extraction.mentions:
        forms = aliases.setdefault(mention.name, [])
        if mention.text != mention.name and mention.text not in forms:
            forms.append(mention.text)
    metadata: dict = {
        "title": article.title,
        "date": article.publication_date,
        "source": article.source_name,
        "url": article.url,
        "author": article.author,
        SECTION["person"]: list(extraction.people),
        SECTION["place"]: list(extraction.places),
        SECTION["organization"]: list(extraction.organizations),
        "dates": _unique_dates(extraction),
        "tags": list(extraction.tags),
        "summary": article.paragraphs[0] if article.paragraphs else "",
        "aliases": {name: sorted(forms) for name, forms in sorted(aliases.items()) if forms},
        "geo": [
            {
                key: value
                for key, value in (
                    ("name", place.name),
                    ("country", place.country),
                    ("lat", place.latitude),
                    ("lon", place.longitude),
                )
                if value is not None
            }
            for place in extraction.geo
        ],
        "provenance": {
            "source_file": f"source_texts/{article.source.path}",
            "sha256": article.source.sha256,
            "encoding": article.source.encoding,
            "stripped": list(article.trailer),
            "generator": generator(),
        },
    }
    return {key: value for key, value in metadata.items() if value not in (None, [], {}, "")}


def _unique_dates(extraction: Extraction) -> list[dict]:
    seen: set[tuple[str, str]] = set()
    dates = []
    for mention in extraction.dates:
        key = (mention.value, mention.text.casefold())
        if key not in seen:
            seen.add(key)
            dates.append({"value": mention.value, "text": mention.text})
    return dates


def body(article: Article) -> str:
    """The article as Markdown: an escaped heading and escaped paragraphs."""
    parts = [f"# {escape_markdown(article.title)}"]
    parts.extend(escape_markdown(paragraph) for paragraph in article.paragraphs)
    return "\n\n".join(parts) + "\n"


def render(article: Article, extraction: Extraction) -> str:
    """The whole page text. The same input always gives the same bytes."""
    post = frontmatter.Post(body(article), **front_matter(article, extraction))
    text = frontmatter.dumps(post, Dumper=SafeDumper, **DUMP_OPTIONS)
    return text + "\n"


def write_atomic(path: Path, text: str) -> bool:
    """Write text to path atomically; return False when the file already holds it."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True
