"""Write the whole archive as files for another engine: ``python -m build_tools.archive.export``.

Every page the MkDocs plugin makes at build time (article pages with their links and
blocks, indexes, entity, tag, archive and dates pages, the feed) is written as a Markdown
file of HTML blocks into a folder of its own, beside a copy of ``docs/``'s other files and a
configuration without plugins. Zensical, Material's successor, which runs no MkDocs
plugin, builds the same archive from there (``make zensical``).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

import yaml

from build_tools.archive.article import article_page
from build_tools.archive.feed import rss
from build_tools.archive.identity import load_curated
from build_tools.archive.index import EntityIndex, default_min_articles
from build_tools.archive.lists import NEWEST_MARKER, Generated, newest
from build_tools.archive.site import generated_pages, read_articles
from build_tools.archive.urls import Links, SourceLinks, escape
from build_tools.files import write_atomic
from build_tools.front_matter import FrontMatterCache

ARTICLES = "articles"
#: The file that marks a folder as the export's own (only such a folder's docs/ is replaced).
MARKER = ".newsdocs-export"


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads it: ``!ENV [NAME, default]`` from the environment, and
    a ``!!python/name:`` (Material's emoji functions) kept as its text; nothing runs."""


def _environment(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(loader.construct_scalar(node))
    names = loader.construct_sequence(node)
    for name in names[:-1] if len(names) > 1 else names:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if len(names) > 1 else None


_ConfigLoader.add_constructor("!ENV", _environment)
_ConfigLoader.add_multi_constructor(
    "tag:yaml.org,2002:python/", lambda loader, suffix, node: f"!!python/{suffix}"
)


def read_config(path: Path) -> dict:
    """An mkdocs.yml as MkDocs reads it (``!ENV`` resolved), without MkDocs."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506


def _page_text(generated: Generated, meta: dict) -> str:
    """A page for the engine: front matter as JSON (YAML that cannot break, with every
    text already escaped), then the HTML blocks."""
    front = "\n".join(
        f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in meta.items()
    )
    return f"---\n{front}\n---\n\n{generated.html}"


def export(project: Path, out: Path, config_file: str = "mkdocs.yml") -> int:
    """Write the archive of ``project`` (its mkdocs.yml, docs/ and entities.yml) into
    ``out``: ``out/mkdocs.yml`` and ``out/docs/``. Returns the number of pages written."""
    config = yaml.load((project / config_file).read_text(encoding="utf-8"), _ConfigLoader) or {}
    docs = project / config.get("docs_dir", "docs")
    plugins = config.get("plugins") or []
    if isinstance(plugins, dict):  # plugins written as a mapping
        plugins = [{name: value} for name, value in plugins.items()]
    options = next((p["newsdocs"] for p in plugins
                    if isinstance(p, dict) and "newsdocs" in p), None) or {}  # fmt: skip
    articles_dir = options.get("articles_dir", ARTICLES).strip("/")
    pages = {p.relative_to(docs).as_posix(): p for p in sorted(docs.rglob("*")) if p.is_file()}
    sources = ((uri, pages[uri].read_text(encoding="utf-8")) for uri in pages
               if uri.startswith(f"{articles_dir}/") and uri.endswith(".md"))  # fmt: skip
    found = read_articles(sources, FrontMatterCache(None), f"{docs.name}/")
    if found.errors:
        raise SystemExit("\n".join(f"error: {error}" for error in found.errors))
    if not found.articles:
        raise SystemExit(
            f"error: no article page in {docs.name}/{articles_dir}/; run `make pages`,"
            " or set the plugin's articles_dir to the folder of the articles"
        )
    try:
        curated = load_curated(project / options.get("entities_file", "entities.yml"))
    except ValueError as error:
        raise SystemExit(f"error: {error}") from None
    index = EntityIndex(found.articles, merge_surnames=options.get("merge_surnames", True),
                        curated=curated)  # fmt: skip
    count = len(index.articles)
    index.min_articles = options.get("entity_min_articles") or default_min_articles(count)
    links = SourceLinks()
    written: dict[str, str] = {}
    served = Links(config.get("use_directory_urls", True))
    taken = {served.url(uri) for uri in pages if uri.endswith(".md")}
    for uri, made in generated_pages(index, links, curated, options.get("list_size", 200)).items():
        if served.url(uri) not in taken:  # a hand-written page at that address wins
            written[uri] = _page_text(made, {"title": escape(made.title),
                                             "search": {"exclude": True}})  # fmt: skip
    for article in index.articles:
        made = article_page(article, index, links, options.get("link_mentions", True),
                            options.get("related_articles", 5))  # fmt: skip
        meta = {"title": escape(article.title)}
        if article.summary:
            meta["description"] = escape(article.summary)
        written[article.src_uri] = _page_text(made, meta)
    target = out / "docs"
    project_root, out_root = project.resolve(), out.resolve()
    if project_root.is_relative_to(out_root) or out_root.is_relative_to(docs.resolve()):
        raise SystemExit(
            f"error: --out {out} holds the project or lies in its docs/; write"
            " the export into a folder of its own (default build/zensical)"
        )
    if out.exists() and not out.is_dir():
        raise SystemExit(f"error: --out {out} is a file; give a folder (default build/zensical)")
    if (target.is_symlink() or (out / MARKER).is_symlink()) and (out / MARKER).exists():
        raise SystemExit(f"error: {target} is a link; remove it, or choose another --out")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise SystemExit(f"error: {out} holds files the export did not write; choose an"
                         " empty or new --out folder (default build/zensical)")  # fmt: skip
    if target.exists():
        shutil.rmtree(target)
    out.mkdir(parents=True, exist_ok=True)
    (out / MARKER).write_text("written by python -m build_tools.archive.export\n", "utf-8")
    for uri, path in pages.items():
        if uri in written:
            continue
        destination = target / uri
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = path.read_bytes().decode("utf-8", "replace") if uri.endswith(".md") else ""
        if NEWEST_MARKER in text:
            destination.write_text(text.replace(NEWEST_MARKER, newest(index, links, uri)), "utf-8")
        else:
            shutil.copyfile(path, destination)
    for uri, text in written.items():
        write_atomic(target / uri, text)
    if options.get("feed", True) and "feed.xml" not in pages:  # a hand-written feed wins
        urls = {article.src_uri: served.url(article.src_uri) for article in index.articles}
        feed = rss(index.articles, config.get("site_name", ""), config.get("site_url") or "",
                   urls, options.get("feed_size", 50))  # fmt: skip
        (target / "feed.xml").write_bytes(feed)
    engine = {key: value for key, value in config.items()
              if key not in {"plugins", "docs_dir", "site_dir", "strict", "validation",
                             "not_in_nav"}}  # fmt: skip
    engine.update(docs_dir="docs", site_dir="site", extra={**config.get("extra", {}),
                                                           "generator": False})  # fmt: skip
    write_atomic(out / "mkdocs.yml", yaml.safe_dump(engine, sort_keys=False, allow_unicode=True))
    return len(written)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m build_tools.archive.export",
                                     description=__doc__.split("\n\n")[0])  # fmt: skip
    parser.add_argument("--project", default=".", help="folder holding mkdocs.yml")
    parser.add_argument("--out", default="build/zensical", help="folder to write into")
    args = parser.parse_args(argv)
    count = export(Path(args.project), Path(args.out))
    sys.stdout.write(f"newsdocs: {count} pages written to {args.out}/docs\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
