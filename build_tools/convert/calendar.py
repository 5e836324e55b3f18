"""The calendar the date rules read: month, weekday and season names, number words,
references to the present, past and future, and the holidays (fixed days, days counted
from Easter, the nth weekday of a month)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import partial

from dateutil.easter import easter

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}


WEEKDAYS = {
    name: number
    for number, names in enumerate(
        [
            ("monday", "mon"),
            ("tuesday", "tue", "tues"),
            ("wednesday", "wed"),
            ("thursday", "thu", "thurs"),
            ("friday", "fri"),
            ("saturday", "sat"),
            ("sunday", "sun"),
        ],
        start=1,
    )
    for name in names
}


SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}


NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "several": None, "few": None, "a few": None, "some": None, "many": None,
}  # fmt: skip


ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "last": 4, "final": 4}  # fmt: skip


PRESENT = {"now", "currently", "today's", "at present", "present", "the present", "nowadays",
           "these days", "right now", "at the moment", "this time"}  # fmt: skip


PAST = {"recently", "the past", "in the past", "previously", "formerly", "earlier", "lately",
        "once", "recent years", "recent months", "recent weeks", "recent days", "years ago",
        "decades ago", "the old days", "past", "former times", "the recent past"}  # fmt: skip


FUTURE = {"the future", "future", "soon", "the near future", "later", "in the future",
          "the coming years", "coming years", "the years ahead", "the long term",
          "the long run", "the coming months", "the coming weeks", "the coming days",
          "the months ahead", "the weeks ahead", "the near term", "the short term",
          "near term", "short term", "a later date", "future quarters", "future years"}  # fmt: skip


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))


def _fixed(month: int, day: int, year: int) -> dt.date:
    return dt.date(year, month, day)


def _from_easter(days: int, year: int) -> dt.date:
    """Days from Easter Sunday (dateutil's Western Easter)."""
    return easter(year) + dt.timedelta(days=days)


def _by_weekday(month: int, weekday: int, nth: int, days: int, year: int) -> dt.date:
    """Days from the nth weekday of a month (Thanksgiving: the 4th Thursday of November)."""
    return _nth_weekday(year, month, weekday, nth) + dt.timedelta(days=days)


#: Every holiday the dates know, by name: the day it falls on in a given year. The names
#: are also what ``find_named_periods`` looks for in a text (capitalised).
_HOLIDAYS: dict[str, Callable[[int], dt.date]] = {
    "christmas": partial(_fixed, 12, 25), "christmas day": partial(_fixed, 12, 25),
    "christmas eve": partial(_fixed, 12, 24), "boxing day": partial(_fixed, 12, 26),
    "new year's day": partial(_fixed, 1, 1), "new year's eve": partial(_fixed, 12, 31),
    "independence day": partial(_fixed, 7, 4), "halloween": partial(_fixed, 10, 31),
    "valentine's day": partial(_fixed, 2, 14), "bastille day": partial(_fixed, 7, 14),
    "easter": partial(_from_easter, 0), "easter sunday": partial(_from_easter, 0),
    "easter day": partial(_from_easter, 0), "easter monday": partial(_from_easter, 1),
    "easter saturday": partial(_from_easter, -1), "holy saturday": partial(_from_easter, -1),
    "good friday": partial(_from_easter, -2), "maundy thursday": partial(_from_easter, -3),
    "palm sunday": partial(_from_easter, -7), "ash wednesday": partial(_from_easter, -46),
    "thanksgiving": partial(_by_weekday, 11, 4, 4, 0),
    "thanksgiving day": partial(_by_weekday, 11, 4, 4, 0),
    "black friday": partial(_by_weekday, 11, 4, 4, 1),  # the day after Thanksgiving
    "cyber monday": partial(_by_weekday, 11, 4, 4, 4),  # the Monday after it
    "election day": partial(_by_weekday, 11, 1, 1, 1),  # the Tuesday after November's 1st Monday
    "memorial day": partial(_by_weekday, 6, 1, 1, -7),  # May's last Monday
    "labor day": partial(_by_weekday, 9, 1, 1, 0), "labour day": partial(_by_weekday, 9, 1, 1, 0),
}  # fmt: skip


def _holiday(name: str, year: int) -> dt.date | None:
    rule = _HOLIDAYS.get(name)
    return rule(year) if rule else None
