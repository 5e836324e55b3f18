"""The ``newsdocs extract`` contract, through the real command."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SEED

pytestmark = pytest.mark.model
KEYS = ["id", "people", "places", "organizations", "tags", "mentions", "dates"]


def run_extract(lines: list[str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "build_tools", "extract"],
        input="\n".join(lines) + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"NEWSDOCS_JOBS": "1", "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_extract_follows_the_contract():
    seed = SEED.read_text(encoding="utf-8")
    records = [
        {"id": "seed", "text": seed, "dct": "2019-01-19"},
        {"id": 7, "text": "Mr. Biegun met Stephen Biegun's team in Paris on Friday."},
    ]
    result = run_extract([json.dumps(r, ensure_ascii=False) for r in records])
    assert result.returncode == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["seed", 7]
    for record, found in zip(records, out, strict=True):
        assert list(found) == KEYS
        text = record["text"]
        for mention in found["mentions"]:
            assert mention["kind"] in {"person", "place", "organization"}
            assert 0 <= mention["start"] < mention["end"] <= len(text)
            section = {"person": "people", "place": "places", "organization": "organizations"}
            assert mention["name"] in found[section[mention["kind"]]]
        for date in found["dates"]:
            assert text[date["start"] : date["end"]] == date["text"]
    seed_out = out[0]
    assert "Donald Trump" in seed_out["people"] and "Kim" not in seed_out["people"]
    assert {"start": 66, "end": 78, "kind": "person", "name": "Donald Trump"} in seed_out[
        "mentions"
    ]
    assert seed[84:92] == "Saturday"
    assert {"start": 84, "end": 92, "text": "Saturday", "value": "2019-01-19"} in seed_out["dates"]
    assert seed_out["tags"][0].startswith("politics")
    assert out[1]["people"] == ["Stephen Biegun"]
    assert {d["value"] for d in out[1]["dates"]} == {"XXXX-WXX-5"}  # no dct: no year


def test_extract_rejects_bad_lines_clearly():
    result = run_extract(['{"id": 1, "text": "ok"}', "not json"])
    assert result.returncode != 0
    assert "line 2 is not JSON" in result.stderr
    result = run_extract(['{"id": 1, "text": "x", "dct": "yesterday"}'])
    assert result.returncode != 0 and "dct must be YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize(("force", "flag"), [("FORCE=1", True), ("FORCE=", False)])
def test_make_pages_force_writes_hand_edited_pages_again_as_the_docs_say(force, flag):
    """The README and the converter's message say `make pages FORCE=1` after a hand edit:
    the Makefile passes it on as --force (it did not, as a contributor found)."""
    done = subprocess.run(
        ["make", "-n", "-o", ".venv/.installed", "pages", force],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    [command] = [line for line in done.stdout.splitlines() if "newsdocs pages" in line]
    assert command.endswith(" --force") is flag
