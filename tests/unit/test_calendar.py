"""The Code's clock: weekends and the nation's bank holidays do not count."""

from __future__ import annotations

from datetime import date, datetime, time, timezone

import pytest

from bot.calendar import UK_TIME, WorkingCalendar

england = WorkingCalendar("england")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def test_christmas_and_the_substitute_boxing_day_are_skipped() -> None:
    # 26 Dec 2026 is a Saturday, so Boxing Day's bank holiday moves to Monday 28 December.
    assert england.holiday_name(date(2026, 12, 28)) is not None
    received = england.clock_start(utc(2026, 12, 24, 10, 0))
    assert received == date(2026, 12, 24)
    # 25 (holiday), 26-27 (weekend), 28 (substitute) skipped; then 29, 30, 31, 1 Jan holiday, 4, 5.
    assert england.add_working_days(received, 5) == date(2027, 1, 5)


def test_received_on_christmas_day_starts_the_next_working_day() -> None:
    assert england.clock_start(utc(2026, 12, 25, 9, 0)) == date(2026, 12, 29)


def test_easter_weekend_counts_from_tuesday() -> None:
    # Good Friday 3 April 2026, Easter Monday 6 April 2026.
    start = england.clock_start(utc(2026, 4, 3, 12, 0))
    assert start == date(2026, 4, 7)
    assert england.add_working_days(start, 10) == date(2026, 4, 21)


def test_late_evening_utc_in_summer_is_already_the_next_uk_day() -> None:
    # 23:30 UTC on Friday 5 June 2026 is 00:30 on Saturday in London: the clock starts Monday.
    assert england.clock_start(utc(2026, 6, 5, 23, 30)) == date(2026, 6, 8)


@pytest.mark.parametrize(
    ("nation", "day", "working"),
    [
        ("scotland", date(2026, 1, 2), False),  # 2 January is a Scottish bank holiday
        ("england", date(2026, 1, 2), True),
        ("northern_ireland", date(2026, 3, 17), False),  # St Patrick's Day
        ("wales", date(2026, 3, 17), True),
    ],
)
def test_each_nation_has_its_own_bank_holidays(nation: str, day: date, working: bool) -> None:
    assert WorkingCalendar(nation).is_working_day(day) is working


OPENS, CLOSES = time(8), time(18)


@pytest.mark.parametrize(
    ("now", "opening"),
    [
        # Monday 23 November 2026, 10am UK time: open, a person can reply now.
        (datetime(2026, 11, 23, 10, 0, tzinfo=UK_TIME), None),
        # Friday evening: next Monday at 8am.
        (datetime(2026, 11, 27, 19, 30, tzinfo=UK_TIME), datetime(2026, 11, 30, 8, 0)),
        # Early on a weekday morning: 8am the same day.
        (datetime(2026, 11, 24, 6, 15, tzinfo=UK_TIME), datetime(2026, 11, 24, 8, 0)),
        # Christmas Eve evening: Christmas Day and Boxing Day (a Saturday, so Monday 28th is the
        # substitute day) are closed, so the office opens on Tuesday 29 December.
        (datetime(2026, 12, 24, 18, 0, tzinfo=UK_TIME), datetime(2026, 12, 29, 8, 0)),
    ],
)
def test_next_opening_skips_evenings_weekends_and_bank_holidays(
    now: datetime, opening: datetime | None
) -> None:
    found = england.next_opening(now, OPENS, CLOSES)
    assert (found and found.replace(tzinfo=None)) == opening
