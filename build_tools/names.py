"""Given names, from gender-guesser's list of about 40,000 first names from many countries."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=1)
def _detector():
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=False)


def given_name(word: str, strict: bool = False) -> bool:
    """Whether word is a known first name; ``strict``: known only as one (``David``, not
    ``Kim`` or ``Blair``, which the list marks as mostly or either)."""
    gender = _detector().get_gender(word)
    return gender in {"male", "female"} if strict else gender not in {"unknown", "andy"}
