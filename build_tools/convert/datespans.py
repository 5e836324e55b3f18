"""Where the dates are in a text, by rule: holidays and quarters named by their months,
weekdays and month-day dates the model misses, the words that lead into a date (``the day
before``), and time words used for something else (``today's youth``, ``BBC Radio 4's
Today``). The model's module (``nlp``) calls these; ``dates`` gives the values."""

from __future__ import annotations

import re

from build_tools.convert.calendar import _HOLIDAYS, MONTHS, WEEKDAYS
from build_tools.convert.dates import (
    _COUNTS,
    _DAY,
    _MONTH,
    _MONTHS_QUARTER,
    _REFERENCE,
    _WEEKDAY,
    _YEAR,
    normalise,
)

_DAY_OF_MONTH = re.compile(rf"{_MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?")


def weekday_and_its_date(first: str, second: str) -> bool:
    """Whether ``first`` is a weekday's name alone and ``second`` a month and day: one date
    written in two parts (``Friday`` + ``Oct. 13``), which the model may give as two."""
    return bool(re.fullmatch(_WEEKDAY, first.lower()) and _DAY_OF_MONTH.fullmatch(second.lower()))


_EXTRA = re.compile(
    r"\b(?:"
    r"now|currently|recently|nowadays|today|yesterday|tomorrow|"
    r"(?:earlier|later) (?:in the year|this (?:year|month|week))|"
    r"the (?:near |distant )?future|the (?:recent )?past|the (?:near|short) term|"
    r"recent (?:days|weeks|months|years)|"
    r"(?:the )?(?:first|second|third|fourth)[- ]quarter|(?:the )?(?:first|second)[- ]half|"
    r"the (?:latest|last|most recent|current|comparable|same|year-earlier|year-ago|"
    r"previous|prior) (?:quarter|period)|"
    r"the quarter|the year-earlier|year-earlier|year-ago|year-end|"
    r"the (?:(?:full|fiscal|current|calendar) ){1,2}year|"
    r"(?:(?:january|february|march|april|may|june|july|august|september|october|november|"
    r"december) )?nineteen (?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|the year two thousand"
    r")\b",
    re.IGNORECASE,
)


#: Month and weekday names as written: "September", "Sept.", "May", "Monday".
_FULL_MONTHS = [
    max((name for name, number in MONTHS.items() if number == month), key=len).capitalize()
    for month in range(1, 13)
]


_SHORT_MONTHS = [name.capitalize() for name in MONTHS if name.capitalize() not in _FULL_MONTHS]


_WRITTEN_MONTH = rf"(?:{'|'.join(_FULL_MONTHS)}|(?:{'|'.join(_SHORT_MONTHS)})\.)"


_WEEKDAY_NAMES = frozenset(name.capitalize() for name in WEEKDAYS if name.endswith("day"))


#: Capitalised days and dates the model sometimes leaves out ("Late Monday", "the Aug. 7
#: bombings"); case matters here, so "may 5" in a sentence is not May 5. A weekday before a
#: capitalised word other than a month is a name ("The Sunday Telegraph").
_NAMED_DAY = re.compile(
    rf"\b(?:{'|'.join(sorted(_WEEKDAY_NAMES))})\b(?!\s+(?!{_WRITTEN_MONTH})[A-Z])"
    rf"|\b{_WRITTEN_MONTH}\s+\d{{1,2}}\b(?!,\d|\.\d)(?:,\s+\d{{4}}\b)?"
)


#: Nouns after "today's" that make it mean "of our times": "today's youth".
_OF_OUR_TIMES = (
    "world", "youth", "young", "society", "generation", "children", "kids", "teenagers",
    "students", "families", "economy", "marketplace", "standards", "terms", "dollars",
    "computers", "technology", "culture", "music", "media", "consumers", "workers", "life",
    "personal computers", "global", "modern",
)  # fmt: skip


_GENERIC_AFTER = re.compile(r"(?:'s|’s)\s+(?:" + "|".join(_OF_OUR_TIMES) + r")\b", re.IGNORECASE)


#: Time words written with a capital in the middle of a sentence are names.
_CAPITAL_TIME_WORD = re.compile(r"\b(?:Today|Tonight|Tomorrow|Yesterday|Now|Week|Weekend)\b")


#: What may come before the first word of a sentence: the end of another (and its closing
#: quote), a line break, a quotation opened after a comma or colon ('He said, "Today...'),
#: a dash after a dateline, a list bullet.
_SENTENCE_OPENING = re.compile(
    r"(?:^|[.!?:;…][)\]\"'”’]*|\n|[,:]\s*[\"“‘'`(\[]+|\s[-–—]{1,2}|(?:^|\n)\s*[-–—*•])"
    r"[\s\"'`“‘(\[]*$"
)


def _opens_sentence(text: str, position: int) -> bool:
    """Whether a sentence starts at ``position`` (looking at what comes before it)."""
    return _SENTENCE_OPENING.search(text, max(0, position - 40), position) is not None


def _within_prose(text: str, start: int) -> bool:
    """Whether ``start`` is inside a sentence (not at its start) on a line of prose, not a
    title-case headline."""
    if _opens_sentence(text, start):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    words = text[line_start : line_end if line_end >= 0 else len(text)].split()
    return sum(word[:1].islower() for word in words) >= 3


def generic_use(text: str, start: int, end: int) -> bool:
    """Whether a date word names no time here: ``today's youth``, ``the people of
    tomorrow``, ``quarter-to-quarter``."""
    word = text[start:end].lower().replace("’", "'").removesuffix("'s")
    after = text[end : end + 30]
    if word and after.lower().startswith(f"-to-{word.split()[-1]}"):
        return True  # "quarter-to-quarter", "day-to-day"; not "October-to-December"
    if _CAPITAL_TIME_WORD.search(text, start, end) and _within_prose(text, start):
        return True  # a name: "This is VOA Today.", ABC News' "This Week'
    if word == "today":
        return bool(
            _GENERIC_AFTER.match(text, end if text[end - 2 : end] not in {"'s", "’s"} else end - 2)
        )
    if word == "tomorrow":
        return text[max(0, start - 3) : start].lower() == "of " and not after.startswith(("'", "’"))
    return False


#: The same words before a date the model found: "the day before" + "last Tuesday's".
_LEAD_IN = re.compile(
    rf"\b(?:(?:(?:the|a|one) day|(?:{_COUNTS}) days) (?:before|after)|the week of) $",
    re.IGNORECASE,
)


def lead_in(text: str, start: int) -> int:
    """Where a date starting at ``start`` really starts: before words that count another
    day from it ("the day before" + "last Tuesday's hearing"), if any."""
    match = _LEAD_IN.search(text, max(0, start - 24), start)
    return match.start() if match else start


def find_expressions(text: str) -> list[tuple[int, int]]:
    """Date expressions a model often misses (``now``, ``third-quarter``, ``the quarter``,
    ``Late Monday``), in the order of the text."""
    found = [
        match.span()
        for match in _EXTRA.finditer(text)
        # "Now," opening a sentence is a discourse marker ("Now, he says, ..."), not a time.
        if not (
            match.group(0).lower() == "now"
            and text.startswith(",", match.end())
            and _opens_sentence(text, match.start())
        )
    ]
    named = [match.span() for match in _NAMED_DAY.finditer(text) if not _in_a_name(text, match)]
    return sorted([*found, *named])


#: Capitalised words that may come before a day's name without making a name of it.
_BEFORE_A_DAY = frozenset(
    {"late", "early", "last", "next", "this", "on", "by", "since", "until", "before", "after",
     "from", "through", "every", "each", "only", "that", "the", "and", "but", "or", "of"}
)  # fmt: skip


_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w'’-]*)[ \t]+$")


def _in_a_name(text: str, match: re.Match) -> bool:
    """Whether a weekday found by rule is part of a name: after a capitalised word inside a
    sentence ("on Black Monday", "Super Tuesday", "Ruby Tuesday")."""
    if not match.group(0)[0].isupper() or match.group(0).split()[0] not in _WEEKDAY_NAMES:
        return False
    previous = _PREVIOUS_WORD.search(text, max(0, match.start() - 30), match.start())
    if previous is None or not previous[1][0].isupper():
        return False
    if previous[1].lower() in _BEFORE_A_DAY:
        return False
    return not _opens_sentence(text, previous.start())


def _capitalised(name: str) -> str:
    return " ".join(word[:1].upper() + word[1:] for word in name.split())


#: Holidays as written, and their weeks and weekends ("Easter week", "the Christmas
#: weekend"); "last Christmas" too.
_NAMED_HOLIDAY = re.compile(
    r"\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his) )?(?:"
    + "|".join(sorted(map(_capitalised, _HOLIDAYS), key=len, reverse=True))
    + r")(?: week(?:end)?)?\b"
)


#: A quarter named by its months, as written in a text.
_QUARTER_BY_MONTHS = re.compile(r"\b(?:the\s+)?" + _MONTHS_QUARTER.pattern + r"\b", re.IGNORECASE)


def find_named_periods(text: str) -> list[tuple[int, int]]:
    """Holidays and quarters named by their months (``Black Friday``, ``the Christmas
    weekend``, ``the October-to-December quarter``), which win over any date the model
    found inside them ("Black Friday" is no Friday, "the October-to-December quarter" no
    October). Months that make no quarter ("the March-to-May period") are left alone."""
    holidays = [match.span() for match in _NAMED_HOLIDAY.finditer(text)]
    quarters = [
        match.span()
        for match in _QUARTER_BY_MONTHS.finditer(text)
        if normalise(match.group(0), None, _REFERENCE)
    ]
    return sorted(holidays + quarters)
