"""TIMEX3 date values: what is valid, a reader's label, the order of time, and the dates
page each is listed on. The converter writes these values and the site shows them; both
use this module (no other holds month or weekday names for display).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import re
from typing import NamedTuple

MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}


def _ordinal(number: int) -> str:
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"{number}{suffix}"


def _monday(year: str, week: str) -> dt.date | None:
    """The Monday of an ISO week, when its year and number are known and real."""
    if not (year.isdigit() and week.isdigit()):
        return None
    try:
        monday = dt.date.fromisocalendar(int(year), int(week), 1)
        monday + dt.timedelta(days=6)  # the whole week in the calendar (not in 9999's W52)
    except (ValueError, OverflowError):
        return None
    return monday


def _day_label(day: dt.date) -> str:
    return f"{day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


@functools.cache
def date_label(value: str) -> str:
    """A reader's label for a TIMEX3 value (``2019-02`` -> February 2019)."""
    if value in REFERENCES:
        return REFERENCES[value]
    year, _, rest = value.partition("-")
    year_text = "" if year.startswith("X") else f" {year}"
    if re.fullmatch(r"\d{4}|XXXX", year) and not rest:
        return year if year_text else "a year"
    if re.fullmatch(r"\d{3}X?", year) and not rest:
        return f"the {year[:3]}0s"  # 198 and 198X: the 1980s
    if re.fullmatch(r"\d{2}", year) and not rest:
        return f"the {_ordinal(int(year) + 1)} century"  # TimeML's 19: the 20th century
    if match := re.fullmatch(r"H([12])", rest):
        half = "first" if match.group(1) == "1" else "second"
        return f"the {half} half of{year_text}" if year_text else f"the {half} half of a year"
    if match := re.fullmatch(r"(\d{2})-(\d{2})", rest):
        month, day = (int(g) for g in match.groups())
        if 1 <= month <= 12:
            return f"{day} {MONTH_NAMES[month - 1]}{year_text}"
    if re.fullmatch(r"\d{2}", rest) and 1 <= int(rest) <= 12:
        return f"{MONTH_NAMES[int(rest) - 1]}{year_text}"
    if match := re.fullmatch(r"W(\d{2}|XX)(?:-(\d|WE))?", rest):
        week, day = match.groups()
        monday = _monday(year, week)
        if day and day.isdigit() and 1 <= int(day) <= 7:
            name = WEEKDAY_NAMES[int(day) - 1]
            if monday is None:
                return name if week == "XX" else f"{name} of week {int(week)}{year_text}"
            return f"{name} {_day_label(monday + dt.timedelta(days=int(day) - 1))}"
        if week == "XX":
            return "a weekend" if day == "WE" else "a week"
        if monday is None:
            where = f"week {int(week)} of{year_text}" if year_text else f"week {int(week)}"
            return f"the weekend of {where}" if day == "WE" else where
        if day == "WE":  # "the weekend of 23 November 2024": its Saturday
            return f"the weekend of {_day_label(monday + dt.timedelta(days=5))}"
        return f"the week of {_day_label(monday)}"  # its Monday
    if match := re.fullmatch(r"Q([1-4X])", rest):
        if match.group(1) == "X":
            return f"a quarter of{year_text}" if year_text else "a quarter"
        return f"Q{match.group(1)}{year_text}"
    if rest == "XX-XX":
        return f"a day in{year_text}" if year_text else "a day"
    if rest in SEASON_NAMES:
        return f"{SEASON_NAMES[rest]}{year_text}"
    return value


class DatePage(NamedTuple):
    """A page of the dates index: where it is, its title, and its place in the index."""

    uri: str
    title: str
    order: tuple[int, int]  # listed in decreasing order: years newest first, a decade after
    # its years, a century after its decades; then the unknown years, then the references


UNRESOLVED = DatePage("dates/unresolved.md", "Year unknown", (-1, 0))
REFERENCES_PAGE = DatePage("dates/past-present-future.md", "Past, present and future", (-2, 0))


def date_page_of(value: str) -> DatePage:
    """The dates page a value is listed on: its year's, its decade's (``198X`` and ``198``:
    the 1980s), its century's (``19``: the 20th century), the page of the past, present and
    future, or that of dates whose year is unknown."""
    year = value.partition("-")[0]
    if re.fullmatch(r"\d{4}", year):
        return DatePage(f"dates/{year}.md", year, (int(year), 2))
    if re.fullmatch(r"\d{3}X?", year) and year == value:
        decade = f"{year[:3]}0s"
        return DatePage(f"dates/{decade}.md", decade, (int(year[:3]) * 10, 1))
    if re.fullmatch(r"\d{2}", year) and year == value:
        century = f"{_ordinal(int(year) + 1)} century"
        return DatePage(f"dates/{century.replace(' ', '-')}.md", century, (int(year) * 100, 0))
    return REFERENCES_PAGE if value in REFERENCES else UNRESOLVED


def date_page(value: str) -> str:
    return date_page_of(value).uri


def value_order(value: str) -> tuple:
    """Dates on one page in the order of time: the year, then what starts earlier first,
    the longer first (a half before its first quarter, a month before its first day)."""
    year, _, rest = value.partition("-")
    if not year.isdigit() or len(year) != 4:
        return (1, value)
    start, length = 1, 0  # day of the year it starts on; the wider, the smaller
    if match := re.fullmatch(r"H([12])", rest):
        start, length = 1 + 181 * (int(match[1]) - 1), 1
    elif match := re.fullmatch(r"Q([1-4])", rest):
        start, length = 1 + 91 * (int(match[1]) - 1), 2
    elif rest in SEASON_NAMES:
        start, length = {"SP": 60, "SU": 152, "FA": 244, "WI": 335}[rest], 2
    elif match := re.fullmatch(r"(\d{2})(?:-(\d{2}))?", rest):
        with contextlib.suppress(ValueError):
            day = dt.date(int(year), int(match[1]), int(match[2] or 1))
            start, length = day.timetuple().tm_yday, 4 if match[2] else 3
    elif (match := re.fullmatch(r"W(\d{2})(?:-(\d|WE))?", rest)) and (
        monday := _monday(year, match[1])
    ):
        offset = 0 if not match[2] else 5 if match[2] == "WE" else int(match[2]) - 1
        day = monday + dt.timedelta(days=offset)
        start = day.timetuple().tm_yday if day.year == int(year) else 1
        length = 4 if match[2] and match[2] != "WE" else 3.5
    elif rest:
        return (0, 999, 9, value)
    return (0, start, length, value)


_VALUE = re.compile(
    r"(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|(?P<year>\d{2}|\d{3}X?|\d{4}|XXXX)"
    r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?"
    r"|-Q[1-4X]|-H[12]|-(?:SP|SU|FA|WI))?"
    r"(?:T(?:MO|AF|EV|NI|DT|\d{2}(?::\d{2})?))?)"
)


def is_value(value: str) -> bool:
    """Whether value is a TIMEX3 date value newsdocs writes: ``2019-02-17``, ``2019-02``,
    ``2019-W07-WE``, ``2019-Q1``, ``2019-H2``, ``2019-SU``, ``198X``, ``19``, ``XXXX-06``,
    ``PAST_REF``, and a real day when one is given (no 2019-02-30)."""
    match = _VALUE.fullmatch(value)
    if match is None:
        return False
    year, month, day = match["year"], match["month"], match["day"]
    if year and year.isdigit() and len(year) == 4 and year == "0000":
        return False  # no year 0
    if month and month.isdigit() and not 1 <= int(month) <= 12:
        return False
    if day and day.isdigit():
        try:
            dt.date(int(year) if year.isdigit() and len(year) == 4 else 2000,
                    int(month) if month.isdigit() else 1, int(day))  # fmt: skip
        except ValueError:
            return False
    return True


def date_key(value: str) -> str:
    """One key per date the dates index lists: a decade is ``198`` whether TimeML wrote it
    ``198X`` (the 1980s) or ``198`` (the early 1980s, with a mod)."""
    return value[:3] if re.fullmatch(r"\d{3}X", value) else value
