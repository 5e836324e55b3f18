from __future__ import annotations

import datetime as dt

import pytest

from build_tools.convert.dates import normalise, resolve_dates, tense_matters

SATURDAY = dt.date(2019, 1, 19)


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        ("Saturday", "past", "2019-01-19"),  # said Saturday, written that Saturday
        ("Friday", "past", "2019-01-18"),
        ("Friday", "future", "2019-01-25"),
        ("late February", "future", "2019-02"),
        ("June", "past", "2018-06"),
        ("June", "future", "2019-06"),
        ("the weekend", "future", "2019-W03-WE"),
        ("Jan. 18, 2019", None, "2019-01-18"),
        ("18 January 2019", None, "2019-01-18"),
        ("February 2018", None, "2018-02"),
        ("Dec. 30", "past", "2018-12-30"),
        ("Saturday, Oct. 13", "past", "2018-10-13"),
        ("Friday, Oct. 13", "past", "2017-10-13"),  # the nearest year it is a Friday
        ("today", None, "2019-01-19"),
        ("yesterday", None, "2019-01-18"),
        ("last week", None, "2019-W02"),
        ("next month", None, "2019-02"),
        ("last year", None, "2018"),
        ("two years ago", None, "2017"),
        ("the first quarter", "future", "2019-Q1"),
        ("this summer", None, "2019-SU"),
        ("1998", None, "1998"),
        ("the 1990s", None, "199X"),
        ("now", None, "PRESENT_REF"),
        ("recently", None, "PAST_REF"),
        ("Thanksgiving Day", None, "2018-11-22"),  # the nearer one: last November
        ("Christmas", "future", "2019-12-25"),
        ("last Christmas", None, "2018-12-25"),
        ("Valentine's Day", None, "2019-02-14"),
    ],
)
def test_values_resolved_against_the_publication_date(text, tense, value):
    assert normalise(text, tense, SATURDAY) == value


@pytest.mark.parametrize(
    ("text", "value"),
    [("June", "XXXX-06"), ("late February", "XXXX-02"), ("Saturday", "XXXX-WXX-6"),
     ("March 3", "XXXX-03-03"), ("2019-01-18", "2019-01-18")],
)  # fmt: skip
def test_without_a_publication_date_no_year_is_invented(text, value):
    assert normalise(text, "past", None) == value


@pytest.mark.parametrize("text", ["three years", "the past five years", "several months", "x"])
def test_durations_and_non_dates_give_none(text):
    assert normalise(text, None, SATURDAY) is None


def test_a_headline_date_takes_the_value_of_the_same_expression_in_the_body():
    dates = resolve_dates(
        [(10, 23, "Late February", "past"), (40, 53, "late February", "future")], SATURDAY, 30
    )
    assert [(d.text, d.value) for d in dates] == [
        ("Late February", "2019-02"),
        ("late February", "2019-02"),
    ]


def test_last_and_next_holiday_on_the_day_itself():
    christmas = dt.date(2019, 12, 25)
    assert normalise("last Christmas", None, christmas) == "2018-12-25"
    assert normalise("next Christmas", None, christmas) == "2020-12-25"
    assert normalise("Christmas", None, christmas) == "2019-12-25"


@pytest.mark.parametrize(
    ("text", "matters"),
    [
        ("Tuesday", True),
        ("in March", True),
        ("March 3", True),
        ("the quarter", True),
        ("the fourth quarter", True),
        ("Christmas", True),
        ("the weekend", True),
        ("2004", False),
        ("March 3, 2005", False),
        ("last year", False),
        ("yesterday", False),
        ("the 1990s", False),
    ],
)
def test_tense_matters_only_where_it_changes_the_value(text, matters):
    assert tense_matters(text) is matters


@pytest.mark.parametrize(
    ("text", "value"),
    [("the year-ago third quarter", "1988-Q3"), ("the year-earlier third quarter", "1988-Q3"),
     ("next year's first quarter", "1990-Q1"), ("the current fiscal year", "1989")],
)  # fmt: skip
def test_quarters_and_years_a_year_away(text, value):
    [date] = resolve_dates([(0, len(text), text, "past")], dt.date(1989, 10, 30))
    assert date.value == value


def test_a_year_ago_is_the_quarter_last_reported_rather_than_a_forecast():
    """In a company report of October 1989, ``a year ago`` compares with the quarter named
    before it; once a quarter that has ended (reported) is named, a forecast for the third
    quarter of 1990 does not replace it, but with none it does."""
    dct = dt.date(1989, 10, 26)
    forecast = (30, 55, "the third quarter of 1990", "future")
    reported = resolve_dates(
        [(0, 17, "the third quarter", "past"), forecast, (60, 70, "a year ago", None)], dct
    )
    assert [d.value for d in reported] == ["1989-Q3", "1990-Q3", "1988-Q3"]
    alone = resolve_dates([forecast, (60, 70, "a year ago", None)], dct)
    assert [d.value for d in alone] == ["1990-Q3", "1989-Q3"]


OCTOBER_1989 = dt.date(1989, 10, 30)  # a Monday


@pytest.mark.parametrize(
    ("text", "tense", "value"),
    [
        # A part of the day said before "today" or "yesterday" is that day.
        ("late yesterday", "past", "1989-10-29"),
        ("later today", "future", "1989-10-30"),
        # Halves, and two quarters that make one.
        ("the last half of 1989", None, "1989-H2"),
        ("the first two quarters of 1990", None, "1990-H1"),
        ("the last half of the '80s", None, "198X"),  # a decade, not this year's half
        # Plural units after "coming" or "past" name no one time.
        ("coming months", None, "FUTURE_REF"),
        ("past years", None, "PAST_REF"),
        ("previous years", None, "PAST_REF"),
        ("the near term", None, "FUTURE_REF"),
        ("the past century", None, None),  # the last hundred years: a span
        ("this past spring", "past", "1989-SP"),
        ("last spring", "past", "1988-SP"),
        # A day counted from another, and the week of a day.
        ("the week of Nov. 6", "future", "1989-W45"),
        ("the day after Christmas", "past", "1988-12-26"),
        ("two days before Christmas", "future", "1989-12-23"),
        # Easter moves; its week is the one nearest the publication date.
        ("Easter", "future", "1990-04-15"),
        ("Good Friday", "past", "1989-03-24"),
        ("Easter week", "past", "1989-W12"),  # months away: the tense decides
        ("Easter Saturday", "past", "1989-03-25"),
        ("Black Friday", "future", "1989-11-24"),  # the day after Thanksgiving
        ("Cyber Monday", "future", "1989-11-27"),
        ("Boxing Day", "past", "1988-12-26"),
        ("the Christmas weekend", "past", "1988-W51-WE"),
        # A quarter named by its months, in the year its last month last came (or said).
        ("the July-to-September quarter", "past", "1989-Q3"),
        ("the October-to-December quarter", "past", "1988-Q4"),
        ("the October-to-December quarter of 1987", None, "1987-Q4"),
        ("the March-to-May period", "past", None),  # no quarter
        ("Christmas week", "past", "1988-W51"),
    ],
)  # fmt: skip
def test_more_values_against_a_publication_date(text, tense, value):
    assert normalise(text, tense, OCTOBER_1989) == value


def _values(candidates, dct=OCTOBER_1989):
    spans, position = [], 0
    for text, tense in candidates:
        spans.append((position, position + len(text), text, tense))
        position += len(text) + 10
    return [(d.text, d.value) for d in resolve_dates(spans, dct)]


@pytest.mark.parametrize(
    ("candidates", "value"),
    [
        # "that year", "the following month": the last date as precise, in the text.
        ([("June 1998", None), ("later that year", "past")], "1998"),
        ([("May 22, 1995", None), ("the following year", "past")], "1996"),
        ([("March 1989", None), ("The following month", "past")], "1989-04"),
        ([("Oct. 23, 1988", None), ("1990", None), ("Earlier that day", "past")], "1988-10-23"),
        ([("Friday", "past"), ("the previous Friday", "past")], "1989-10-20"),
        ([("the second quarter", "past"), ("that quarter", "past")], "1989-Q2"),
        ([("the third quarter", "past"), ("the 1988 quarter", "past")], "1988-Q3"),
        ([("the third quarter", "past"), ("the quarter a year ago", None)], "1988-Q3"),
        ([("the third quarter", "past"), ("The latest quarter's", "past")], "1989-Q3"),
    ],
)  # fmt: skip
def test_dates_that_refer_to_an_earlier_date_in_the_text(candidates, value):
    assert _values(candidates)[-1] == (candidates[-1][0], value)


@pytest.mark.parametrize(
    ("text", "tense", "dct", "value"),
    [
        # TimeML: "the end of the year" is the year (mod END), the month's end the month.
        ("the end of the year", "future", OCTOBER_1989, "1989"),
        ("the start of the year", "past", OCTOBER_1989, "1989"),
        ("year's end", "prospective", OCTOBER_1989, "1989"),
        ("the end of the month", None, OCTOBER_1989, "1989-10"),
        ("earlier in the year", "past", OCTOBER_1989, "1989"),
        # In a past clause in January, the year just ended.
        ("the end of the year", "past", dt.date(2019, 1, 10), "2018"),
        ("the end of the year", "future", dt.date(2019, 1, 10), "2019"),
    ],
)  # fmt: skip
def test_the_end_of_a_year_or_a_month(text, tense, dct, value):
    assert _values([(text, tense)], dct) == [(text, value)]


def test_that_year_with_no_year_before_it_is_no_date():
    assert _values([("that year", "past"), ("1988", None)]) == [("1988", "1988")]


@pytest.mark.parametrize(
    ("text", "word", "generic"),
    [
        ("It is a symbol for today's youth.", "today", True),
        ("He spoke in today's session.", "today", False),
        ("I would choose the people of tomorrow.", "tomorrow", True),
        ("The vote is set for tomorrow.", "tomorrow", False),
        ("The quarter-to-quarter comparison was poor.", "The quarter", True),
        ("Sales in the October-to-December period rose.", "October", False),
        ("That is all for now from us. This is VOA Today.", "Today", True),
        ('Baker, speaking on ABC News\' "This Week," said so.', "This Week", True),
        ('She said it on NBC\'s "Today" show in the morning.', "Today", True),
        ("Today, I am here to tell you we have a suspect.", "Today", False),
        ("(The books are out.) Now this is not because they sell.", "Now", False),
        ("Vote On Budget Expected This Week", "This Week", False),  # a title-case headline
    ],
)  # fmt: skip
def test_date_words_that_name_no_time(text, word, generic):
    from build_tools.convert.datespans import generic_use

    start = text.index(word)
    assert generic_use(text, start, start + len(word)) is generic


def test_expressions_found_by_rule():
    from build_tools.convert.datespans import find_expressions

    text = "Now, he says. For now it holds. Late Monday the Aug. 7 vote, which may 5 times fail."
    assert [text[a:b] for a, b in find_expressions(text)] == ["now", "Monday", "Aug. 7"]
    # A weekday before a capitalised word is a name (The Sunday Telegraph), but before a
    # month it is a date.
    text = "The Sunday Telegraph said so on Friday Oct. 13."
    assert [text[a:b] for a, b in find_expressions(text)] == ["Friday", "Oct. 13"]


@pytest.mark.parametrize(
    ("text", "tense", "dct", "value"),
    [
        # A day counted from a date whose year is unknown keeps what is known.
        ("the day after Monday's", "past", None, "XXXX-WXX-2"),
        ("the week of March 6", "future", None, "XXXX-03-06"),
        ("the day before Feb. 29", "past", dt.date(2023, 3, 20), "2023-02"),  # no such day
        ("the days before Christmas", "past", OCTOBER_1989, None),  # a vague time, no day
        # Halves of a year only: not of a century, a decade, a dozen.
        ("the last half-century", "past", OCTOBER_1989, None),
        ("the latter half of the decade", "past", OCTOBER_1989, None),
        ("the last half dozen years", "past", OCTOBER_1989, None),
        ("the first half of fiscal 1990", None, OCTOBER_1989, "1990-H1"),
        ("first-half profits", "past", OCTOBER_1989, "1989-H1"),
        ("the last two quarters", "past", OCTOBER_1989, None),  # the two just gone, no half
        # "this past fall" is the last fall to have begun.
        ("this past fall", "past", dt.date(1999, 2, 10), "1998-FA"),
    ],
)  # fmt: skip
def test_values_that_keep_what_is_known_and_no_more(text, tense, dct, value):
    assert normalise(text, tense, dct) == value


def test_the_end_of_the_month_in_its_first_days_in_a_past_clause_is_the_last_one():
    assert _values([("the end of the month", "past")], dt.date(2019, 3, 2)) == [
        ("the end of the month", "2019-02")
    ]
    assert _values([("the end of the month", "future")], dt.date(2019, 3, 2)) == [
        ("the end of the month", "2019-03")
    ]


@pytest.mark.parametrize(
    "text",
    [
        'He said, "Today is the day we win," and left.',
        "He said, “Now we must act together,” and left.",
        "LONDON (Reuters) - Today the chancellor will speak.",
        "The vote was close… Today the party meets again.",
        "- Today the chancellor will speak to us all.",
    ],
)
def test_a_time_word_opening_a_sentence_is_a_time(text):
    from build_tools.convert.datespans import generic_use

    word = "Today" if "Today" in text else "Now"
    start = text.index(word)
    assert generic_use(text, start, start + len(word)) is False


def test_a_weekday_after_a_capitalised_word_inside_a_sentence_is_a_name():
    from build_tools.convert.datespans import find_expressions

    for text, found in [
        ("Shares crashed on Black Monday, wiping billions.", []),
        ("Results of Super Tuesday came in.", []),
        ("Police Monday said the man fled.", ["Monday"]),
        ("Late Monday, officials said so.", ["Monday"]),
    ]:
        assert [text[a:b] for a, b in find_expressions(text)] == found, text


def test_a_time_of_day_in_four_digits_is_no_year():
    from build_tools.convert.dates import is_clock_time

    text = "Shares were at 1800 GMT on Monday, broadcast from 1700 local time, as in 1900 (the"
    at = {number: text.index(number) for number in ("1800", "1700", "1900")}
    assert is_clock_time(text, at["1800"], at["1800"] + 4)
    assert is_clock_time(text, at["1700"], at["1700"] + 4)
    assert not is_clock_time(text, at["1900"], at["1900"] + 4)
    assert not is_clock_time("in 1999 hours of work", 3, 7)  # 19:99 is no time
