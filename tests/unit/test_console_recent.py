"""What the console remembers for a case store outage is bounded in time and in number."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.console.recent import Recent

START = datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc)


def test_an_entry_is_forgotten_once_it_has_not_been_remembered_for_the_time_kept() -> None:
    now = [START]
    recent: Recent[int, str] = Recent(timedelta(minutes=30), lambda: now[0])
    recent.remember(1, "call one")
    now[0] += timedelta(minutes=29)
    assert recent.recall(1) == "call one"
    recent.remember(1, "call one")  # seen again: kept for another 30 minutes
    now[0] += timedelta(minutes=29)
    assert recent.recall(1) == "call one"
    now[0] += timedelta(minutes=1)
    assert recent.recall(1) is None
    assert recent.recall(2) is None


def test_only_the_most_recent_entries_are_kept_and_one_can_be_forgotten_at_once() -> None:
    recent: Recent[int, int] = Recent(timedelta(minutes=30), lambda: START, most=3)
    for number in range(5):
        recent.remember(number, number)
    assert [recent.recall(n) for n in range(5)] == [None, None, 2, 3, 4]
    recent.forget(3)
    assert recent.recall(3) is None
