"""Working days for the landlord's nation, for the Code's deadlines (6.2 to 6.14).

The rule, written down: a working day is Monday to Friday and not a bank holiday in the landlord's
nation (from the `holidays` package, substitute days included). Time is UK local time. A contact
received on a working day starts its clock that day, so "acknowledge within 5 working days" is the
5th working day after it. A contact received on a non-working day starts its clock on the next
working day, which then counts as day 0.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from functools import cached_property
from zoneinfo import ZoneInfo

import holidays

UK_TIME = ZoneInfo("Europe/London")
SUBDIVISIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern_ireland": "NIR"}


class WorkingCalendar:
    def __init__(self, nation: str) -> None:
        self.nation = nation
        self._subdivision = SUBDIVISIONS[nation]

    @cached_property
    def _holidays(self) -> holidays.HolidayBase:
        return holidays.country_holidays("GB", subdiv=self._subdivision)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() < 5 and day not in self._holidays

    def holiday_name(self, day: date) -> str | None:
        return self._holidays.get(day)

    def clock_start(self, received: datetime) -> date:
        """Day 0 of the clock for something received at `received` (aware, any zone)."""
        day = received.astimezone(UK_TIME).date()
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return day

    def add_working_days(self, start: date, days: int) -> date:
        day = start
        for _ in range(days):
            day += timedelta(days=1)
            while not self.is_working_day(day):
                day += timedelta(days=1)
        return day

    def next_opening(self, now: datetime, opens: time, closes: time) -> datetime | None:
        """None while the office is open; otherwise when it next opens, in UK time."""
        local = now.astimezone(UK_TIME)
        if self.is_working_day(local.date()) and opens <= local.time() < closes:
            return None
        day = local.date() if local.time() < opens else local.date() + timedelta(days=1)
        while not self.is_working_day(day):
            day += timedelta(days=1)
        return datetime.combine(day, opens, tzinfo=UK_TIME)
