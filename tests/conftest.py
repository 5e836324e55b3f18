"""Shared fixtures: paths to the seed and shared data, and a model-free spaCy pipeline."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

#: The browser harness's fixtures (``browser``, ``served``) for every test module.
pytest_plugins = ["tests.browser"]

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEED = ROOT / "source_texts" / "000_a49fabdc9f5aaa25.txt"
BBC = SHARED / "data" / "corpus" / "bbc-fulltext"
EVAL = SHARED / "data" / "eval"


@pytest.fixture(scope="session")
def blank_nlp():
    """``spacy.blank("en")`` with an entity ruler for the seed's names: rules, no model."""
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler")
    people = ["Donald Trump", "Trump", "Kim", "Kim Jong Un", "Mike Pompeo", "Jane Doe"]
    places = ["U.S.", "United States", "North Korea", "Pyongyang", "Stockholm", "Paris"]
    ruler.add_patterns(
        [{"label": "PERSON", "pattern": name} for name in people]
        + [{"label": "GPE", "pattern": name} for name in places]
        + [{"label": "ORG", "pattern": "White House"}, {"label": "DATE", "pattern": "Friday"}]
    )
    return nlp


@pytest.fixture(scope="session")
def model_nlp():
    """The real en_core_web_sm model (tests that use it are marked ``model``)."""
    from build_tools.convert.nlp import load_model

    return load_model()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder with source_texts/ holding the seed and an empty docs/."""
    (tmp_path / "source_texts").mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy(SEED, tmp_path / "source_texts" / SEED.name)
    return tmp_path


@pytest.fixture(autouse=True)
def _no_unchecked_warnings(caplog):
    """Fail a test that leaves a logged warning unchecked (as MkDocs' own tests do): a test
    that expects one reads it with ``checked_warnings(caplog)``, which clears them."""
    caplog.set_level(logging.WARNING)
    yield
    left = [
        f"{record.name}: {record.getMessage()}"
        for record in caplog.get_records("call")
        if record.levelno >= logging.WARNING
    ]
    assert not left, "unchecked warnings (read them with checked_warnings(caplog)):\n" + "\n".join(
        left
    )


def checked_warnings(caplog) -> list[str]:
    """The warnings logged so far in this test, which then count as checked."""
    found = [r.getMessage() for r in caplog.get_records("call") if r.levelno >= logging.WARNING]
    caplog.clear()
    return found
