"""Working days of a Vietnamese public office, for the appointment date on a receipt.

Processing times are counted in working days from acceptance (`processing_days` in the catalogue):
Saturdays, Sundays and public holidays do not count, and Saturdays that the government swaps for a
day of a long holiday ("làm bù") do. The holidays are data, one entry per year, in
`config/holidays.json`, because only the lunar ones follow a rule: each year the Prime Minister
approves the arrangement of Tết and National Day and the ministry announces the swapped days. That
file must be updated every year (its "about" says when and from what).

A year missing from the table is counted with weekends and the four fixed solar holidays only, and
`WorkCalendar.covers` says so: the date is then only an estimate.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DEFAULT_FILE = "holidays.json"

# Labour Code 2019, Art. 112: 1/1, 30/4, 1/5 and 2/9 fall on the same solar day every year; when
# one falls on a weekly day off, the next working day is off instead (clause 3).
_FIXED_SOLAR = ((1, 1), (4, 30), (5, 1), (9, 2))


class HolidayTableError(ValueError):
    """A holiday file that cannot be used; the message names the file, the year and the entry."""


@dataclass(frozen=True, slots=True)
class HolidayYear:
    """One year's days off (weekends inside a holiday included or not: either way they are off)
    and the weekend days worked instead of a swapped weekday."""

    year: int
    days_off: frozenset[date]
    working_days: frozenset[date]
    source: str = ""


@dataclass(frozen=True, slots=True)
class WorkCalendar:
    """Which days a public office works, by its per-year holiday table."""

    years: dict[int, HolidayYear] = field(default_factory=dict)

    def covers(self, year: int) -> bool:
        """Whether `year` has an entry; if not, only weekends and fixed solar holidays count."""
        return year in self.years

    def is_working_day(self, day: date) -> bool:
        entry = self.years.get(day.year)
        if entry is None:
            return day.weekday() < 5 and day not in _fixed_solar_days_off(day.year)
        if day in entry.working_days:
            return True
        return day.weekday() < 5 and day not in entry.days_off

    def add_working_days(self, start: date, days: int) -> date:
        """The day `days` working days after `start`. With 0, `start` itself when it is a working
        day, else the next one: a dossier handed in on a Saturday is processed from Monday."""
        if days < 0:
            raise ValueError(f"working days must not be negative, got {days}")
        current = start
        if days == 0:
            while not self.is_working_day(current):
                current += timedelta(days=1)
            return current
        remaining = days
        while remaining > 0:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        if not self.covers(current.year) or not self.covers(start.year):
            log.warning("no holiday table for %d: the date counts weekends only", current.year)
        return current


@cache
def _fixed_solar_days_off(year: int) -> frozenset[date]:
    off: set[date] = set()
    for month, day in _FIXED_SOLAR:
        holiday = date(year, month, day)
        off.add(holiday)
        if holiday.weekday() >= 5:
            substitute = holiday + timedelta(days=1)
            while substitute.weekday() >= 5 or substitute in off:
                substitute += timedelta(days=1)
            off.add(substitute)
    return frozenset(off)


def _day(file: str, where: str, value: Any) -> date:
    if not isinstance(value, str):
        raise HolidayTableError(f"{file}: {where}: expected a date like 2026-02-14, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise HolidayTableError(f"{file}: {where}: {value!r} is not a date like 2026-02-14") from None


def _days_between(first: date, last: date) -> Iterable[date]:
    current = first
    while current <= last:
        yield current
        current += timedelta(days=1)


def parse_holidays(text: str, file: str = DEFAULT_FILE) -> WorkCalendar:
    """The calendar of a holiday table in JSON; `file` only names the source in errors."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise HolidayTableError(f"{file}: line {exc.lineno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("years"), dict):
        raise HolidayTableError(f'{file}: expected an object with "years"')
    years: dict[int, HolidayYear] = {}
    for key, entry in data["years"].items():
        if not key.isdigit() or not isinstance(entry, dict):
            raise HolidayTableError(f"{file}: years.{key}: expected a year and an object")
        year = int(key)
        off: set[date] = set()
        for i, span in enumerate(entry.get("days_off", [])):
            where = f"years.{key}.days_off[{i}]"
            if not isinstance(span, dict):
                raise HolidayTableError(f"{file}: {where}: expected an object with from, to, name")
            first = _day(file, f"{where}.from", span.get("from"))
            last = _day(file, f"{where}.to", span.get("to"))
            if last < first or (last - first).days > 14:
                raise HolidayTableError(f"{file}: {where}: {first} to {last} is not a holiday span")
            off.update(_days_between(first, last))
        worked: set[date] = set()
        for i, item in enumerate(entry.get("working_days", [])):
            where = f"years.{key}.working_days[{i}]"
            day = _day(file, f"{where}.date", item.get("date") if isinstance(item, dict) else None)
            if day.weekday() < 5:
                raise HolidayTableError(f"{file}: {where}: {day} is a weekday, already worked")
            worked.add(day)
        for day in off | worked:
            if day.year != year:
                raise HolidayTableError(f"{file}: years.{key}: {day} is not in {year}")
        if off & worked:
            raise HolidayTableError(f"{file}: years.{key}: {min(off & worked)} is both off and worked")
        years[year] = HolidayYear(year, frozenset(off), frozenset(worked), str(entry.get("source", "")))
    return WorkCalendar(years)


def load_holidays(path: str | Path | None = None) -> WorkCalendar:
    """The holiday table `path`, or the embedded `config/holidays.json`."""
    if path is None:
        return _embedded()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise HolidayTableError(f"{path}: cannot read: {exc}") from None
    return parse_holidays(text, str(path))


@cache
def _embedded() -> WorkCalendar:
    text = resources.files("config").joinpath(DEFAULT_FILE).read_text(encoding="utf-8")
    return parse_holidays(text, DEFAULT_FILE)
