from __future__ import annotations

import datetime as dt

import pytest

from build_tools.dates import normalise, resolve_dates, tense_matters

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
