"""Working days for appointment dates: weekends, Tết and the other holidays of the table, swapped
Saturdays, and a year the table does not have."""

from __future__ import annotations

import json
from datetime import date

import pytest

from egov.portal.contract import add_working_days
from egov.workdays import HolidayTableError, load_holidays, parse_holidays

CALENDAR = load_holidays()


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        # Tết Bính Ngọ: off Saturday 14/2 to Sunday 22/2/2026.
        (date(2026, 2, 12), 1, date(2026, 2, 13)),
        (date(2026, 2, 12), 2, date(2026, 2, 23)),
        (date(2026, 2, 13), 3, date(2026, 2, 25)),
        # Tết Ất Tỵ: off 25/1 to 2/2/2025; seven days from the Friday before it.
        (date(2025, 1, 24), 7, date(2025, 2, 11)),
        # Giỗ Tổ 2025 on Monday 7/4; 30/4 to 4/5 off, Saturday 26/4 worked instead of Friday 2/5.
        (date(2025, 4, 4), 1, date(2025, 4, 8)),
        (date(2025, 4, 25), 1, date(2025, 4, 26)),
        (date(2025, 4, 29), 1, date(2025, 5, 5)),
        # Giỗ Tổ 2026 falls on Sunday 26/4: Monday 27/4 off in its place; 30/4–3/5 off.
        (date(2026, 4, 24), 1, date(2026, 4, 28)),
        (date(2026, 4, 29), 1, date(2026, 5, 4)),
        # Quốc khánh 2026: 29/8 to 2/9, Saturday 22/8 worked.
        (date(2026, 8, 21), 1, date(2026, 8, 22)),
        (date(2026, 8, 28), 1, date(2026, 9, 3)),
        # New Year 2026: 1/1 to 4/1, Saturday 10/1 worked.
        (date(2025, 12, 31), 1, date(2026, 1, 5)),
        (date(2026, 1, 9), 1, date(2026, 1, 10)),
        # Plain weeks: the weekend never counts.
        (date(2025, 3, 7), 1, date(2025, 3, 10)),
        (date(2025, 3, 1), 5, date(2025, 3, 7)),
    ],
)
def test_working_days(start: date, days: int, expected: date) -> None:
    assert CALENDAR.add_working_days(start, days) == expected


def test_zero_days_is_today_or_the_next_working_day() -> None:
    assert CALENDAR.add_working_days(date(2025, 2, 28), 0) == date(2025, 2, 28)
    assert CALENDAR.add_working_days(date(2025, 3, 1), 0) == date(2025, 3, 3)  # Saturday
    assert CALENDAR.add_working_days(date(2026, 2, 16), 0) == date(2026, 2, 23)  # in Tết
    assert CALENDAR.add_working_days(date(2026, 1, 10), 0) == date(2026, 1, 10)  # a worked Saturday


def test_the_portal_counts_with_the_same_table() -> None:
    assert add_working_days(date(2026, 2, 12), 2) == date(2026, 2, 23)


def test_a_year_missing_from_the_table_keeps_weekends_and_fixed_holidays() -> None:
    assert not CALENDAR.covers(2031)
    assert CALENDAR.covers(2026)
    # 2/9/2031 is a Tuesday; 1/1/2033 a Saturday, so Monday 3/1/2033 is off in its place.
    assert not CALENDAR.is_working_day(date(2031, 9, 2))
    assert CALENDAR.add_working_days(date(2031, 9, 1), 1) == date(2031, 9, 3)
    assert not CALENDAR.is_working_day(date(2033, 1, 3))
    assert CALENDAR.add_working_days(date(2032, 12, 31), 1) == date(2033, 1, 4)


def test_negative_days_are_refused() -> None:
    with pytest.raises(ValueError):
        CALENDAR.add_working_days(date(2026, 1, 5), -1)


def _table(**year: object) -> str:
    return json.dumps({"years": {"2027": year}})


@pytest.mark.parametrize(
    ("year", "problem"),
    [
        ({"days_off": [{"from": "2027-02-05", "to": "2027-02-01"}]}, "not a holiday span"),
        ({"days_off": [{"from": "2027-02-30", "to": "2027-03-01"}]}, "not a date"),
        ({"days_off": [{"from": "2028-02-01", "to": "2028-02-02"}]}, "not in 2027"),
        ({"working_days": [{"date": "2027-02-03"}]}, "a weekday"),
        (
            {
                "days_off": [{"from": "2027-02-06", "to": "2027-02-07"}],
                "working_days": [{"date": "2027-02-06"}],
            },
            "both off and worked",
        ),
    ],
)
def test_bad_tables_are_refused_with_the_entry(year: dict, problem: str) -> None:
    with pytest.raises(HolidayTableError) as caught:
        parse_holidays(_table(**year), "office-holidays.json")
    assert problem in str(caught.value)
    assert "office-holidays.json: years.2027" in str(caught.value)


def test_embedded_table_lists_every_holiday_the_law_names() -> None:
    """Each year of the table holds 1/1, Tết (five working days at least), Giỗ Tổ, 30/4, 1/5, 2/9
    and the day next to it: a year typed in half is caught here."""
    for year, entry in CALENDAR.years.items():
        for month, day in ((1, 1), (4, 30), (5, 1), (9, 2)):
            assert date(year, month, day) in entry.days_off, (year, month, day)
        assert {date(year, 9, 1), date(year, 9, 3)} & entry.days_off, year
        weekdays_off = [d for d in entry.days_off if d.weekday() < 5]
        assert len(weekdays_off) >= 1 + 5 + 1 + 2 + 2, year
