"""The worst single sources we could construct under the limits, converted one at a time.

A source under 1 MB must convert in under 30 s and 1 GB on the 2-core machine (issue 15).
Each case below is shaped to hit one cost: the model's tokens, the parser's sentences, the
names resolved against each other, the dates normalised, and a text over the word limit,
which must be refused at once. ``make bench`` runs them after the archive sizes.
"""

from __future__ import annotations

import random
from pathlib import Path

from tools.bench import _environment, _newsdocs, format_table, human_bytes, run_step

LIMIT_SECONDS = 30.0
LIMIT_BYTES = 1_000_000_000
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
FIRST = ("John", "Mary", "Peter", "Anna", "David", "Sarah", "James", "Laura", "Tom", "Emma")
SYLLABLES = ("ka", "lo", "mi", "ra", "to", "ne", "su", "vi", "de", "po", "zu", "ba")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {''.join(rng.choice(SYLLABLES) for _ in range(3)).title()}"


def worst_sources() -> dict[str, str]:
    """Case -> source text, each just under the word limit (the last one over it)."""
    rng = random.Random(15)
    cases = {
        "a weekday in each of 12,400 paragraphs (the parser reads every one)":
            "\n\n".join(f"On {rng.choice(DAYS)}." for _ in range(12_400)),
        "12,400 two-word paragraphs (the model's tokens)":
            "\n\n".join(f"Ab {n % 97}." for n in range(12_400)),
        "8,000 names, ten to a paragraph (names against names)":
            "\n\n".join(" ".join(f"{_name(rng)} met." for _ in range(10)) for _ in range(800)),
        "1,650 sentences of names, dates and places":
            "\n\n".join(f"{_name(rng)} said on {rng.choice(DAYS)} that {_name(rng)} would visit"
                        " Paris in March." for _ in range(1_650)),
        "100,000 short paragraphs, 790 kB (over the word limit: refused)":
            "\n\n".join(f"Ab {n % 97}." for n in range(100_000)),
    }  # fmt: skip
    return {case: f"Worst case\n\n{text}\n" for case, text in cases.items()}


def bench_worst(root: Path, code: Path, timeout: float) -> list[dict]:
    """Convert each worst source alone (its own project folder); the figures of each."""
    results = []
    for number, (case, text) in enumerate(worst_sources().items()):
        project = root / f"worst-{number}"
        (project / "source_texts").mkdir(parents=True)
        (project / "source_texts" / "worst.txt").write_text(text, encoding="utf-8")
        step = run_step([*_newsdocs(), "pages", "--no-progress"], project,
                        project / "convert.log", timeout, _environment(code))  # fmt: skip
        refused = "failed" in step.output and "1 failed" in step.output
        results.append({
            "case": case, "bytes": len(text.encode("utf-8")), "seconds": step.seconds,
            "peak": step.peak_rss, "outcome": "refused" if refused else
            ("converted" if step.ok else f"error {step.returncode}"),
            "within": step.seconds < LIMIT_SECONDS and step.peak_rss < LIMIT_BYTES,
        })  # fmt: skip
    return results


def worst_table(results: list[dict]) -> str:
    rows = [
        [r["case"], human_bytes(r["bytes"]), r["outcome"], f"{r['seconds']:.1f} s",
         human_bytes(r["peak"]), "yes" if r["within"] else "NO"]
        for r in results
    ]  # fmt: skip
    return format_table(
        ["worst single source", "size", "outcome", "conversion", "peak memory", "< 30 s, < 1 GB"],
        rows,
    )
