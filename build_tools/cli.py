"""The ``newsdocs`` command: pages, extract, review."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import sys
from pathlib import Path

from build_tools import __version__


def _pages(args: argparse.Namespace) -> int:
    from build_tools.convert.run import convert

    sources, docs = Path(args.sources), Path(args.docs)
    if not sources.is_dir():
        print(f"newsdocs: {sources}: no such folder; create it and put .txt articles in it",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.check:
        from build_tools.convert.run import check_pages

        problems = check_pages(sources, docs)
        for problem in problems:
            print(f"error: {problem}", file=sys.stderr)
        plural = "" if len(problems) == 1 else "s"
        print(f"newsdocs pages --check: {len(problems) or 'no'} problem{plural}", file=sys.stderr)
        return 1 if problems else 0
    report = convert(sources, docs, progress=args.progress, force=args.force)
    for error in [*report.failed, *report.errors]:
        print(f"error: {error}", file=sys.stderr)
    print(f"newsdocs: {report.summary()}", file=sys.stderr)
    return 1 if report.failed or report.errors else 0


def _read_records(stream) -> list[dict]:
    records = []
    for number, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            raise SystemExit(f"newsdocs extract: line {number} is not JSON ({error})") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise SystemExit(f'newsdocs extract: line {number} needs a "text" string')
        if record.get("dct"):
            try:
                dt.date.fromisoformat(str(record["dct"])[:10])
            except ValueError:
                raise SystemExit(
                    f"newsdocs extract: line {number}: dct must be YYYY-MM-DD"
                ) from None
        records.append(record)
    return records


def _extract(args: argparse.Namespace) -> int:
    from build_tools.convert.pipeline import extract_jsonl

    stream = sys.stdin if args.input == "-" else open(args.input, encoding="utf-8")  # noqa: SIM115
    with stream:
        records = _read_records(stream)
    for result in extract_jsonl(records):
        sys.stdout.write(json.dumps(result, ensure_ascii=False) + "\n")
    return 0


def _review(args: argparse.Namespace) -> int:
    from build_tools.archive.identity import load_curated
    from build_tools.archive.index import EntityIndex, default_min_articles
    from build_tools.archive.review import format_entries, review
    from build_tools.archive.site import read_articles
    from build_tools.front_matter import FrontMatterCache
    from build_tools.model import KINDS

    docs = Path(args.docs)
    # entities.yml beside the docs folder, as a project has it (for the default docs: here).
    entities = docs.parent / "entities.yml" if args.entities is None else Path(args.entities)
    if args.entities is not None and not entities.is_file():  # a typo is no curation
        print(f"newsdocs review: {args.entities!r}: no such file; check the path given to"
              " --entities", file=sys.stderr)  # fmt: skip
        return 2
    folder = docs / args.articles_dir
    if not folder.is_dir():
        print(f"newsdocs review: {folder}: no such folder; run `make pages` first",
              file=sys.stderr)  # fmt: skip
        return 2
    pages = ((p.relative_to(docs).as_posix(), p.read_text(encoding="utf-8", errors="replace"))
             for p in sorted(folder.rglob("*.md")))  # fmt: skip
    found = read_articles(pages, FrontMatterCache(None), f"{docs.name}/")
    for error in found.errors:
        print(f"error: {error}", file=sys.stderr)
    try:
        curated = load_curated(entities)
    except ValueError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    index = EntityIndex(found.articles, curated=curated)
    index.min_articles = args.min_articles or default_min_articles(len(index.articles))
    entries = review(index, args.limit)
    print(format_entries(entries) if entries else "newsdocs review: no doubtful entity page")
    pages = sum(1 for kind in KINDS for ref, _ in index.of_kind(kind) if index.has_page(ref))
    print(f"\nnewsdocs review: {len(entries)} doubtful of {pages} entity pages listed; fix"
          f" a wrong one in {entities}, then rebuild", file=sys.stderr)  # fmt: skip
    return 1 if found.errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="newsdocs", description=__doc__)
    parser.add_argument("--version", action="version", version=f"newsdocs {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    pages = commands.add_parser("pages", help="convert source_texts/ into docs/articles/")
    pages.add_argument("--sources", default="source_texts")
    pages.add_argument("--docs", default="docs")
    pages.add_argument(
        "--progress", action=argparse.BooleanOptionalAction, default=None,
        help="show a progress bar (default: when the terminal is interactive)",
    )  # fmt: skip
    pages.add_argument(
        "--check",
        action="store_true",
        help="change nothing; exit 1 if docs/articles/ is out of step with the"
        " sources and the converter, or a page was edited by hand",
    )
    pages.add_argument(
        "--force",
        action="store_true",
        help="write pages edited by hand again (their edits are lost)",
    )
    pages.set_defaults(run=_pages)
    extract = commands.add_parser(
        "extract", help="JSONL {id, text, dct?} in, JSONL entities and dates out"
    )
    extract.add_argument("input", nargs="?", default="-", help="a JSONL file, or - for stdin")
    extract.set_defaults(run=_extract)
    queue = commands.add_parser(
        "review", help="list the entity pages most likely wrong, with the entities.yml fix"
    )
    queue.add_argument("--docs", default="docs", help="the site's docs folder (default: docs)")
    queue.add_argument(
        "--articles-dir", default="articles",
        help="the articles' folder in it, as the plugin's articles_dir (default: articles)",
    )  # fmt: skip
    queue.add_argument(
        "--entities", default=None,
        help="the curated entities file (default: entities.yml beside the docs folder, if"
        " there is one)",
    )  # fmt: skip
    queue.add_argument("--limit", type=int, default=50, help="entries to list (0: all)")
    queue.add_argument(
        "--min-articles",
        type=int,
        default=0,
        help="articles a name needs for a page (default: as the site)",
    )
    queue.set_defaults(run=_review)
    args = parser.parse_args(argv)
    logging.basicConfig(format="warning: %(message)s", level=logging.WARNING)
    return args.run(args)


if __name__ == "__main__":
    raise SystemExit(main())
