"""Date expressions -> TIMEX3 values, resolved against the publication date.

``normalise("Friday", "past", date(2019, 1, 19))`` gives ``2019-01-18``. Without a
publication date no year is invented: ``June`` gives ``XXXX-06``. Durations (``three
years``) are not dates mentioned and give ``None``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from functools import lru_cache

from build_tools.convert.calendar import (
    FUTURE,
    MONTHS,
    NUMBERS,
    ORDINALS,
    PAST,
    PRESENT,
    SEASONS,
    WEEKDAYS,
    _holiday,
)
from build_tools.model import DateMention
from build_tools.timex import is_value

#: A publication date for asking whether a text is a date at all.
_REFERENCE = dt.date(2000, 6, 15)


_MONTH = r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"


_YEAR = r"(?P<year>\d{4})"


_WEEKDAY = r"\b(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b\.?"


_PATTERNS = [
    ("iso", re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?")),
    ("slash", re.compile(r"(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})")),
    ("mdy", re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}")),
    ("dmy", re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}")),
    ("my", re.compile(rf"{_MONTH},?\s+(?:of\s+)?{_YEAR}")),
    ("md", re.compile(rf"{_MONTH}\s+{_DAY}\b")),
    ("dm", re.compile(rf"{_DAY}\s+(?:of\s+)?{_MONTH}")),
    ("weekday", re.compile(rf"(?:(?P<rel>last|next|this|coming|past)\s+)?{_WEEKDAY}")),
    ("month", re.compile(rf"(?:(?P<rel>last|next|this|coming|past)\s+)?{_MONTH}")),
]


_AGO = re.compile(
    r"(?P<count>\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"\s+(?P<unit>day|week|month|year|decade)s?\s+(?P<dir>ago|earlier|before|from now|later|hence)"
)


_RELATIVE = re.compile(
    r"(?P<rel>this|last|next|past|previous|coming|current|the same|that|the previous|"
    r"the next|the past|the last|the coming|the current)\s+"
    r"(?P<unit>day|week|weekend|month|year|quarter|season|spring|summer|autumn|fall|winter|"
    r"decade|century)\b"
)


#: "coming months", "past years": an unnamed time before or after now.
_PLURAL_REF = re.compile(
    r"^(?:the )?(?:(?P<future>coming|upcoming|future)|past|recent|previous|prior)\s+"
    r"(?:days|weeks|months|quarters|years|decades)$"
)


_QUARTER = re.compile(
    r"(?:(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final)\s+(?:fiscal\s+)?quarter"
    r"|\bq(?P<num>[1-4])\b)(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>\d{4}))?"
)


_HALF = re.compile(
    r"(?P<ord>first|second|last|latter)\s+half\b(?!-)"
    r"(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>\d{4})|(?:the|this|last|next|that)\s+"
    r"(?:fiscal\s+)?year\b))?"
)


_THIS_PAST_SEASON = re.compile(r"\bthis past (?P<season>spring|summer|autumn|fall|winter)\b")


_SEASON = re.compile(
    r"(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<year>\d{4}))?"
)


_DECADE = re.compile(r"(?:(?P<century>\d{2})|')(?P<decade>\d)0'?s")


_YEAR_ONLY = re.compile(r"(?:(?:fiscal|calendar|the year|year|fy)\s*)?(?P<year>1[6-9]\d\d|20\d\d)")


_DURATION = re.compile(
    r"^(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following|recent)\s+)?"
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
    r"a few|many|some|\d+-|a couple of|hundreds of|thousands of)\s*"
    r"(?:\w+\s+)?(?:days?|weeks?|months?|years?|decades?|centuries|century|quarters?)(?:\s+old)?$"
)


_NOISE = re.compile(
    r"\b(?:early|earlier|late|later|mid|the|of|in|on|at|by|since|until|till|from|during|"
    r"beginning|start|end|middle|around|about|before|after|this|next|last|coming|past|"
    r"morning|afternoon|evening|night|overnight|day|days)\b"
)


_COUNTS = "two|three|four|five|six"


#: A day counted from a date, or the week of a date: "the day after Christmas".
_AROUND_A_DAY = re.compile(
    rf"^(?:(?P<week>week of)|(?:(?:(?:a|one) )?day|(?P<count>{_COUNTS}) days) "
    r"(?P<dir>before|after)) (?P<day>.+)$"
)


_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))


#: "the October-to-December quarter (last year)": a quarter named by its months.
_MONTHS_QUARTER = re.compile(
    rf"(?P<first>{_MONTH_NAMES})\.?(?:-to-|\s+to\s+|-|–)(?P<last>{_MONTH_NAMES})\.?\s+"
    r"(?:quarter|period)(?:\s+(?:of\s+)?(?P<year>\d{4})|\s+(?P<shift>last|this|next) year)?"
)


#: Words that put a quarter or a period a year before or after the publication year.
_YEAR_SHIFT = re.compile(
    r"\b(?P<next>next year)\b|\b(?:last year|year-ago|year-earlier|year earlier|a year ago|"
    r"prior-year|previous year)\b"
)


def _year_shift(text: str) -> int:
    """``next year's first quarter``: 1; ``the year-ago third quarter``: -1; else 0."""
    match = _YEAR_SHIFT.search(text)
    return 0 if match is None else 1 if match["next"] else -1


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _pick_year(month: int, day: int | None, tense: str | None, dct: dt.date) -> int:
    """Year of a month (and day) mentioned without one, from the tense of its clause
    (compared by month, as HeidelTime does)."""
    tense = "future" if tense == "prospective" else tense
    if tense == "past":
        return dct.year if month <= dct.month else dct.year - 1
    if tense == "future":
        return dct.year if month >= dct.month else dct.year + 1
    # No tense: the nearest such month.
    distance = (month - dct.month) % 12
    if distance == 0:
        return dct.year
    return (
        dct.year + (1 if dct.month + distance > 12 else 0)
        if distance <= 6
        else (dct.year - (1 if month > dct.month else 0))
    )


def _weekday(weekday: int, rel: str | None, tense: str | None, dct: dt.date) -> dt.date:
    """The date of a weekday near the publication date.

    News reports what happened: only a future auxiliary or a plan (``will meet Friday``,
    ``scheduled to close Monday``) or ``next`` looks ahead; the publication day's own name
    is that day.
    """
    if weekday == dct.isoweekday() and rel is None:
        return dct
    tense = "future" if tense == "prospective" else tense
    back = (dct.isoweekday() - weekday) % 7
    forward = (weekday - dct.isoweekday()) % 7
    if rel == "last" or rel == "past":
        return dct - dt.timedelta(days=back or 7)
    if rel in {"next", "coming"}:
        return dct + dt.timedelta(days=forward or 7)
    if rel == "this":
        return (
            dct + dt.timedelta(days=forward) if tense == "future" else dct - dt.timedelta(days=back)
        )
    if tense == "future":
        return dct + dt.timedelta(days=forward or 7)
    if tense == "present":
        return dct + dt.timedelta(days=forward) if forward < back else dct - dt.timedelta(days=back)
    return dct - dt.timedelta(days=back)


def normalise(text: str, tense: str | None = None, dct: dt.date | None = None) -> str | None:
    """TIMEX3 value of a date expression, or None for durations and what is not a date."""
    return _normalise(text, tense, dct)


_UNITS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"])}  # fmt: skip


_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7,
         "eighty": 8, "ninety": 9}  # fmt: skip


_SPELLED_YEAR = re.compile(
    r"\b(?:(?P<hundreds>nineteen|eighteen)\s+(?P<tens>" + "|".join(_TENS) + r")"
    r"(?:[\s-](?P<unit>" + "|".join(list(_UNITS)[1:]) + r"))?|(?:the year )?two thousand)\b"
)


_SPELLED_DECADE = re.compile(
    r"\b(?:the )?(?P<tens>" + "|".join(word[:-1] for word in _TENS) + r")ies\b"
)


_CENTURY = re.compile(r"\b(?P<number>\d{1,2})(?:st|nd|rd|th) century\b")


def _spelled_numbers(t: str) -> str:
    """``nineteen ninety-six`` -> ``1996``; ``the nineties`` -> ``the 1990s``."""

    def year(match: re.Match) -> str:
        if match.group("hundreds") is None:
            return "2000"
        century = 19 if match.group("hundreds") == "nineteen" else 18
        unit = _UNITS.get(match.group("unit") or "zero", 0)
        return str(century * 100 + _TENS[match.group("tens")] * 10 + unit)

    t = _SPELLED_YEAR.sub(year, t)
    return _SPELLED_DECADE.sub(lambda m: f"the 19{_TENS[m.group('tens') + 'y']}0s", t)


def _holiday_date(holiday: str, text: str, tense: str | None, dct: dt.date) -> dt.date:
    """The occurrence of a holiday meant: the one before the publication date after
    ``last`` or in a past clause, the one after it after ``next`` or in a future clause,
    else the nearer one ("was found Thanksgiving Day" written in January: last November)."""
    days = [_holiday(holiday, dct.year + offset) for offset in (-1, 0, 1)]
    previous = max(day for day in days if day is not None and day <= dct)
    following = min(day for day in days if day is not None and day >= dct)
    if text.startswith("last "):  # on the day itself, "last Christmas" is a year ago
        return max(day for day in days if day is not None and day < dct)
    if text.startswith("next "):
        return min(day for day in days if day is not None and day > dct)
    if tense == "past":
        return previous
    if tense == "future":
        return following
    return previous if dct - previous <= following - dct else following


def _normalise(text: str, tense: str | None, dct: dt.date | None) -> str | None:
    t = " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:")
    t = re.sub(r"^(?:the|on|in|at|by|since|during|until)\s+", "", t)
    t = _spelled_numbers(t)
    if not t:
        return None
    if match := _AROUND_A_DAY.match(t):  # "the week of March 6", "the day after Christmas"
        value = _normalise(match["day"], tense, dct)
        count = NUMBERS.get(match["count"] or "a") or 1
        shift = 0 if match["week"] else count if match["dir"] == "after" else -count
        if value is not None and (weekday := re.fullmatch(r"XXXX-WXX-([1-7])", value)):
            return f"XXXX-WXX-{(int(weekday[1]) - 1 + shift) % 7 + 1}"  # no publication date
        if value is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return value  # "the week of March 6" with no year known: the day, as written
        day = dt.date.fromisoformat(value)
        return _week(day) if match["week"] else (day + dt.timedelta(days=shift)).isoformat()
    holiday = re.sub(r"^(?:last|next|this) ", "", t)
    holiday, week, rest = holiday.partition(" week")  # "Easter week", "Christmas weekend"
    period = week.strip() + rest
    if dct is not None and holiday and _holiday(holiday, dct.year) is not None:
        if period in {"week", "weekend"}:  # "as Easter week began": an Easter days away
            bare = t.removesuffix(" " + period)
            day = _holiday_date(holiday, bare, None, dct)
            if abs((day - dct).days) > 7:
                day = _holiday_date(holiday, bare, tense, dct)
            return _week(day) + ("-WE" if period == "weekend" else "")
        if not period:
            return _holiday_date(holiday, t, tense, dct).isoformat()
    if match := _MONTHS_QUARTER.fullmatch(t):  # "the October-to-December quarter"
        first, last = MONTHS[match["first"]], MONTHS[match["last"]]
        if last - first != 2 or first % 3 != 1:
            return None
        if match["year"]:
            year = int(match["year"])
        elif dct is None:
            return f"XXXX-Q{last // 3}"
        elif match["shift"]:
            year = dct.year + (
                1 if match["shift"] == "next" else -1 if match["shift"] == "last" else 0
            )
        else:
            year = _pick_year(last, None, tense, dct)
        return f"{year}-Q{last // 3}"
    if match := _CENTURY.search(t):
        return f"{int(match.group('number')) - 1:02d}"
    if t in {"several years ago", "a few years ago", "years ago", "some years ago"}:
        return "PAST_REF"
    if t in {"the near future", "near future", "one day", "some day", "someday"}:
        return "FUTURE_REF"
    # "late yesterday", "later today": the day itself.
    t = re.sub(r"^(?:early|earlier|late|later)\s+(?=(?:today|yesterday|tomorrow|tonight)\b)", "", t)
    if t in {"today", "this day", "today's", "tonight"}:
        return dct.isoformat() if dct else "XXXX-XX-XX"
    if t in {"yesterday", "tomorrow"}:
        if not dct:
            return "XXXX-XX-XX"
        return (dct + dt.timedelta(days=-1 if t == "yesterday" else 1)).isoformat()
    if t in {"weekend", "week-end"}:
        return _relative("this", "weekend", tense, dct)
    if t in PRESENT:
        return "PRESENT_REF"
    if t in PAST:
        return "PAST_REF"
    if t in FUTURE:
        return "FUTURE_REF"
    for name, pattern in _PATTERNS:
        match = pattern.search(t)
        if match is None:
            continue
        groups = match.groupdict()
        if name in {"iso", "slash", "mdy", "dmy", "my"}:
            year = int(groups["year"])
            if year < 100:
                year += 1900 if year > 30 else 2000
            month = int(groups["month"]) if groups["month"].isdigit() else MONTHS[groups["month"]]
            if not 1 <= month <= 12:
                continue
            if groups.get("day"):
                day = int(groups["day"])
                try:
                    return dt.date(year, month, day).isoformat()
                except ValueError:
                    continue
            return f"{year:04d}-{month:02d}"
        if name in {"md", "dm"}:
            month, day = MONTHS[groups["month"]], int(groups["day"])
            if not 1 <= day <= 31:
                continue
            if dct is None:
                return f"XXXX-{month:02d}-{day:02d}"
            year = _pick_year(month, day, tense, dct)
            named = re.search(_WEEKDAY, t)
            if named:  # "Friday, Oct. 13": the nearest year in which it is a Friday
                weekday = WEEKDAYS[named["weekday"]]
                for candidate in (year, year - 1, year + 1):
                    with contextlib.suppress(ValueError):
                        if dt.date(candidate, month, day).isoweekday() == weekday:
                            year = candidate
                            break
            try:
                return dt.date(year, month, day).isoformat()
            except ValueError:
                continue
        if name == "weekday":
            weekday = WEEKDAYS[groups["weekday"]]
            if dct is None:
                return f"XXXX-WXX-{weekday}"
            return _weekday(weekday, groups.get("rel"), tense, dct).isoformat()
        if name == "month":
            # "may" and "mar" are words too: alone, or with a date-like neighbour only.
            if (
                groups["month"] in {"may", "mar"}
                and t != groups["month"]
                and not re.search(r"\b(?:early|late|mid|end|beginning|last|next|this)\b", t)
            ):
                continue
            month = MONTHS[groups["month"]]
            if dct is None:
                return f"XXXX-{month:02d}"
            rel = groups.get("rel")
            if rel in {"last", "past"}:
                year = dct.year if month < dct.month else dct.year - 1
            elif rel in {"next", "coming"}:
                year = dct.year if month > dct.month else dct.year + 1
            else:
                year = _pick_year(month, None, tense, dct)
            return f"{year:04d}-{month:02d}"
    match = _AGO.search(t)
    if match:
        return _ago(match, dct)
    t = re.sub(r"(first|second|third|fourth|last)-(quarter|half)", r"\1 \2", t)
    match = _QUARTER.search(t)
    if match:
        number = ORDINALS.get(match["ord"] or "", 0) or int(match["num"] or 0)
        year_in_text = match["year"] or (
            m.group(0) if (m := re.search(r"\b(?:19|20)\d\d\b", t)) else None
        )
        if year_in_text:
            return f"{year_in_text}-Q{number}"
        if dct is not None and (shift := _year_shift(t)):
            return f"{dct.year + shift}-Q{number}"
        if dct is None:
            return f"XXXX-Q{number}"
        current = (dct.month - 1) // 3 + 1
        year = dct.year
        if tense == "past" and number > current or ("last" in t.split() and number >= current):
            year -= 1
        return f"{year}-Q{number}"
    t = re.sub(r"\bfirst two quarters\b", "first half", t)  # a half year
    match = _HALF.search(t)
    if match and (_DECADE.search(t) or re.match(r"\s+(?:of|dozen)\b", t[match.end() :])):
        match = None  # "the last half of the '80s", "of the decade", "half-century"
    if match:
        half = 1 if match["ord"] == "first" else 2
        year = match["year"] or (str(dct.year) if dct else "XXXX")
        return f"{year}-H{half}"
    if match := _PLURAL_REF.match(t):
        return "FUTURE_REF" if match["future"] else "PAST_REF"
    if (match := _THIS_PAST_SEASON.search(t)) and dct is not None:
        # The last such season to have begun: "this past fall" is last year's in February.
        code = SEASONS[match["season"]]
        begun = dct.month >= {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        return f"{dct.year - (not begun)}-{code}"
    match = _RELATIVE.search(t)
    if match:
        return _relative(match["rel"], match["unit"], tense, dct)
    match = _SEASON.search(t)
    if match:
        code = SEASONS[match["season"]]
        if match["year"]:
            return f"{match['year']}-{code}"
        return f"{dct.year}-{code}" if dct else f"XXXX-{code}"
    if _DURATION.match(t):
        return None
    match = _DECADE.search(t)
    if match:
        century = match["century"] or (str(dct.year)[:2] if dct else "19")
        # TempEval-3 writes "the 1990s" as 199X and "the early 1990s" as 199 (with a mod).
        modified = re.search(r"\b(?:early|late|mid)\b", t)
        return f"{century}{match['decade']}" + ("" if modified else "X")
    match = _YEAR_ONLY.search(t)
    if match and not _NOISE.sub("", t.replace(match.group(0), "")).strip(" ,-'"):
        return match["year"]
    if match and re.fullmatch(r"(?:\w+\s+)?\d{4}", t):
        return match["year"]
    return None


def _ago(match: re.Match, dct: dt.date | None) -> str | None:
    count = match["count"]
    number = int(count) if count.isdigit() else NUMBERS.get(count)
    if number is None:
        return None
    sign = -1 if match["dir"] in {"ago", "earlier", "before"} else 1
    unit = match["unit"]
    if dct is None:
        return {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX"}.get(unit, "XXXX")
    if unit == "day":
        return (dct + dt.timedelta(days=sign * number)).isoformat()
    if unit == "week":
        return _week(dct + dt.timedelta(weeks=sign * number))
    if unit == "month":
        year, month = _shift_month(dct.year, dct.month, sign * number)
        return f"{year:04d}-{month:02d}"
    if unit == "decade":
        return str((dct.year + sign * 10 * number) // 10)
    return str(dct.year + sign * number)


def _relative(rel: str, unit: str, tense: str | None, dct: dt.date | None) -> str | None:
    rel = rel.removeprefix("the ")
    delta = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel in {"same", "that"}:
        return None  # anchored on another date in the text, not on the publication date
    if rel == "past" and unit in {"decade", "century"}:
        return None  # "the past century": the last hundred years, a span
    if dct is None:
        return {
            "day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE",
            "month": "XXXX-XX", "quarter": "XXXX-QX", "decade": "XXX", "century": "XX",
        }.get(unit, "XXXX")  # fmt: skip
    if unit == "day":
        return (dct + dt.timedelta(days=delta)).isoformat()
    if unit == "week":
        return _week(dct + dt.timedelta(weeks=delta))
    if unit == "weekend":
        if delta == 0:
            # The weekend of the publication week; when written on a Monday about the past,
            # the one just gone.
            day = dct - dt.timedelta(days=3) if tense == "past" and dct.isoweekday() < 3 else dct
        else:
            day = dct + dt.timedelta(weeks=delta)
        return f"{_week(day)}-WE"
    if unit == "month":
        year, month = _shift_month(dct.year, dct.month, delta)
        return f"{year:04d}-{month:02d}"
    if unit == "quarter":
        year, month = _shift_month(dct.year, dct.month, 3 * delta)
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if unit in SEASONS:
        return f"{dct.year + delta}-{SEASONS[unit]}"
    if unit == "decade":
        return str(dct.year // 10 + delta)
    if unit == "century":
        return str(dct.year // 100 + delta)
    if unit == "season":
        return None
    return str(dct.year + delta)


_QUARTER_NOW = re.compile(
    r"^(?:the |its |their )?(?:latest |most recent |current |just-ended |recent )?"
    r"(?:quarter|period|fiscal quarter)$"
)


_YEAR_BEFORE = re.compile(
    r"^(?:the |a )?(?:year-earlier|year-ago|year earlier|comparable|same|corresponding)"
    r"(?: quarter| period)?(?: (?:a )?year (?:ago|earlier))?(?: last year)?$|"
    r"^a year (?:ago|earlier)$|^last year's (?:quarter|period)$|"
    r"^(?:the )?(?:quarter|period) (?:a year (?:ago|earlier)|last year)$"
)


_YEAR_QUARTER = re.compile(r"^(?:the )?(?P<year>(?:19|20)\d\d) (?:fiscal )?(?:quarter|period)$")


_THIS_YEAR = re.compile(
    r"^(?:(?:early|earlier|late|later) in )?(?:the )?(?:(?:full|fiscal|current|calendar) ){0,2}"
    r"year$"
)


_YEAR_END = re.compile(
    r"^(?:around |about )?(?:the )?(?:(?:end|start|beginning|middle) of (?:the|this) year|"
    r"year end|year's end|end-of-year)$"
)


_MONTH_END = re.compile(r"^(?:the )?(?:end|start|beginning|middle) of (?:the|this) month$")


def _in_context(
    text: str, tense: str | None, dct: dt.date | None, last_quarter: tuple[int, int] | None
) -> str | None:
    """Values that depend on the text around them, as in company reports: ``the quarter``
    is the quarter last mentioned; ``a year ago`` the same quarter a year before."""
    t = " ".join(text.lower().replace("’", "'").split()).removesuffix("'s")
    if dct is None:
        return None
    if _QUARTER_NOW.match(t) and "period" not in t or t in {"the latest period", "the period"}:
        if "current" in t:
            return f"{dct.year}-Q{(dct.month - 1) // 3 + 1}"
        if last_quarter:
            return f"{last_quarter[0]}-Q{last_quarter[1]}"
        quarter = (dct.month - 1) // 3 + 1
        if tense == "past":  # the quarter just reported
            year, quarter = (dct.year, quarter - 1) if quarter > 1 else (dct.year - 1, 4)
            return f"{year}-Q{quarter}"
        return f"{dct.year}-Q{quarter}"
    if (match := _YEAR_QUARTER.match(t)) and last_quarter:  # "in the 1988 quarter"
        return f"{match['year']}-Q{last_quarter[1]}"
    if _YEAR_BEFORE.match(t):
        if last_quarter:
            return f"{last_quarter[0] - 1}-Q{last_quarter[1]}"
        return str(dct.year - 1)
    if _THIS_YEAR.match(t):
        return str(dct.year)
    if t in {"year-end", "the year-end"}:
        return f"{dct.year}-12-31"
    if _YEAR_END.match(t):
        # TimeML: "the end of the year" is the year (with mod END); in a past clause early
        # in the year, the one just ended.
        just_ended = tense == "past" and dct.month == 1 and "end" in t
        return str(dct.year - just_ended)
    if _MONTH_END.match(t):
        # In a past clause in a month's first week, the end of the month just gone.
        back = -1 if tense == "past" and dct.day <= 7 and "end" in t else 0
        year, month = _shift_month(dct.year, dct.month, back)
        return f"{year:04d}-{month:02d}"
    return None


_ANAPHORA = re.compile(
    r"^(?:(?:earlier|later|early|late) )?(?:in |on |during )?"
    r"(?:(?:that|the same|that same) (?P<unit>day|week|month|quarter|year)"
    r"|the following (?P<next>day|week|month|year)|the next (?P<next_day>day)"
    r"|the (?:previous|preceding) (?P<previous_day>day))$"
)


_PREVIOUS_WEEKDAY = re.compile(r"^the (?:previous|preceding) " + _WEEKDAY + "$")


_GRAIN = {"day": r"\d{4}-\d{2}-\d{2}", "week": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}",
          "year": r"\d{4}"}  # fmt: skip


def _anaphora(text: str, said: list[str], last_quarter: tuple[int, int] | None) -> str | None:
    """``that year``, ``the following month``, ``earlier that day``: the value of the last
    date in the text that is as precise, shifted when asked (TimeML's anaphoric dates).
    Without such a date before it, None: ``that year`` alone names no year."""
    t = " ".join(text.lower().replace("’", "'").split()).strip(" ,.;:").removesuffix("'s")
    if weekday := _PREVIOUS_WEEKDAY.match(t):  # "down 4.5% from the previous Friday"
        anchor = next((v for v in reversed(said) if re.fullmatch(_GRAIN["day"], v)), None)
        if anchor is None:
            return None
        day = dt.date.fromisoformat(anchor)
        back = (day.isoweekday() - WEEKDAYS[weekday["weekday"]]) % 7 or 7
        return (day - dt.timedelta(days=back)).isoformat()
    match = _ANAPHORA.match(t)
    if match is None:
        return None
    unit = match["unit"] or match["next"] or match["next_day"] or match["previous_day"]
    step = -1 if match["previous_day"] else 0 if match["unit"] else 1
    if unit == "quarter":
        return f"{last_quarter[0]}-Q{last_quarter[1]}" if last_quarter else None
    grain = re.compile(_GRAIN[unit])
    anchor = next((m.group(0) for v in reversed(said) if (m := grain.match(v))), None)
    if anchor is None:
        return None
    if unit == "year":
        return str(int(anchor) + step)
    if unit == "month":
        year, month = _shift_month(int(anchor[:4]), int(anchor[5:7]), step)
        return f"{year:04d}-{month:02d}"
    day = dt.date.fromisoformat(anchor)
    if unit == "week":
        return _week(day + dt.timedelta(weeks=step))
    return (day + dt.timedelta(days=step)).isoformat()


def is_date(text: str) -> bool:
    """Whether text is a date expression on its own (with or without its context)."""
    return bool(
        normalise(text, None, _REFERENCE)
        or _in_context(text, None, _REFERENCE, (2000, 1))
        or _anaphora(text, ["2000-01-03"], (2000, 1))
    )


#: Publication dates on every weekday and in every quarter, and the tenses a clause can
#: have: a date expression whose value is the same under all of them needs no parse.
_PROBE_DATES = tuple(dt.date(2001, 1, 1) + dt.timedelta(days=days) for days in range(0, 364, 53))


_TENSES = (None, "past", "present", "future", "prospective")


@lru_cache(maxsize=8192)
def tense_matters(text: str) -> bool:
    """Whether the value of a date expression depends on the tense of its clause
    (``Tuesday``, ``in March``, ``the quarter``), so that extraction parses its sentence
    only then (``2004``, ``last year``, ``March 3, 2005`` need no parse)."""
    for dct in _PROBE_DATES:
        values = {
            _in_context(text, tense, dct, None) or normalise(text, tense, dct) for tense in _TENSES
        }
        if len(values) > 1:
            return True
    return False


_CLOCK = re.compile(
    r"(?:[01]\d|2[0-3])[0-5]\d(?:\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|PST|PDT|ET|PT"
    r"|local time|hrs|hours|h)\b)",
    re.I,
)


def is_clock_time(text: str, start: int, end: int) -> bool:
    """Whether a "year" is a time of day written as four digits before a time zone
    (``at 1800 GMT``, ``from 1700 local time``: BBC style), not the year 1800."""
    return (
        bool(_CLOCK.match(text[start : end + 12].strip())) and text[start:end].strip()[:4].isdigit()
    )


def resolve_dates(
    candidates: Iterable[tuple[int, int, str, str | None]],
    dct: dt.date | None,
    title_end: int = 0,
) -> tuple[DateMention, ...]:
    """Normalise date candidates ``(start, end, text, tense)``; drop what is not a date.

    Headlines carry no reliable tense (``Summit Planned for Late February``): a date in the
    title takes the value of the same expression in the body when there is one.
    """
    body_values: dict[str, str] = {}
    resolved: list[tuple[int, int, str, str | None]] = []
    last_quarter: tuple[int, int] | None = None
    reported = False  # whether a quarter that has ended was named
    said: list[str] = []  # the values of the body's dates so far, for "that year"
    for start, end, text, tense in sorted(candidates):
        if start < title_end:
            resolved.append((start, end, text, None))
            continue
        value = _safe(_in_context, text, tense, dct, last_quarter) or _safe(
            _anaphora, text, said, last_quarter
        )
        if value is None:
            value = _safe(normalise, text, tense, dct)
            # Only a quarter named in the text sets the context, not one inferred from it;
            # once a reported (ended) quarter is named, a forecast does not replace it.
            if value and (match := re.fullmatch(r"(\d{4})-Q([1-4])", value)):
                quarter = (int(match.group(1)), int(match.group(2)))
                ended = dct is None or (quarter[0], quarter[1] * 3) < (dct.year, dct.month)
                if ended or not reported:
                    last_quarter, reported = quarter, reported or ended
        resolved.append((start, end, text, value))
        if value is not None:
            body_values.setdefault(text.casefold(), value)
            said.append(value)
    mentions = []
    for start, end, text, value in resolved:
        if start < title_end:
            value = body_values.get(text.casefold()) or _safe(normalise, text, None, dct)
        if value is not None and is_value(value):
            mentions.append(DateMention(start, end, text, value))
    return tuple(mentions)


def _safe(function, *arguments) -> str | None:
    """A value, or None where the calendar ends (a date of 9999 and "next year", of 0001
    and "last year": no such year)."""
    try:
        return function(*arguments)
    except (OverflowError, ValueError):
        return None
