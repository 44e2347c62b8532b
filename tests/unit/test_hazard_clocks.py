"""Golden Awaab's Law due times: hours run on the clock through weekends and clock changes;
working days skip weekends and England's bank holidays; the law applies only where the policy
says (England)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone

import pytest

from bot.calendar import WorkingCalendar
from bot.hazards import clock_lines, hazard_clocks
from bot.policy import Policy

ENGLAND = WorkingCalendar("england")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)


def test_an_emergency_hazard_must_be_made_safe_within_24_hours_even_over_a_weekend(
    policy: Policy,
) -> None:
    [clock] = hazard_clocks(("gas",), utc(2026, 12, 4, 16, 0), policy, ENGLAND)
    assert (clock.kind, clock.due) == ("emergency", {"make_safe": utc(2026, 12, 5, 16, 0)})
    assert clock_lines([clock], policy, "resident") == [
        "We must check this and make it safe within 24 hours, by 4pm on Saturday 5 December 2026."
    ]


def test_24_hours_is_elapsed_time_across_the_autumn_clock_change(policy: Policy) -> None:
    [clock] = hazard_clocks(("flooding",), utc(2026, 10, 24, 11, 0), policy, ENGLAND)
    assert clock.due["make_safe"] == utc(2026, 10, 25, 11, 0)
    assert "by 11am on Sunday 25 October 2026" in clock_lines([clock], policy, "resident")[0]


@pytest.mark.parametrize(
    ("aware", "investigate", "summary", "safety_work"),
    [
        # Christmas: the 25th, Boxing Day observed on the 28th and New Year's Day are skipped.
        (utc(2026, 12, 16, 10, 0), date(2027, 1, 4), date(2027, 1, 7), date(2027, 1, 11)),
        # Reported on a Saturday: the clock starts on Monday.
        (utc(2026, 12, 19, 10, 0), date(2027, 1, 7), date(2027, 1, 12), date(2027, 1, 14)),
        # Easter: Good Friday and Easter Monday are skipped.
        (utc(2027, 3, 25, 9, 0), date(2027, 4, 12), date(2027, 4, 15), date(2027, 4, 19)),
        # Reported at 11.30pm on a Friday: that Friday is still day 0.
        (utc(2026, 11, 27, 23, 30), date(2026, 12, 11), date(2026, 12, 16), date(2026, 12, 18)),
    ],
)
def test_significant_damp_and_mould_deadlines_count_working_days(
    policy: Policy, aware: datetime, investigate: date, summary: date, safety_work: date
) -> None:
    [clock] = hazard_clocks(("damp_mould_health",), aware, policy, ENGLAND)
    assert clock.kind == "significant_damp_mould"
    assert clock.due == {
        "investigate": investigate,
        "written_summary": summary,
        "safety_work": safety_work,
    }


def test_the_law_starts_no_clock_outside_england_or_for_risks_to_people(policy: Policy) -> None:
    welsh = replace(policy, landlord=replace(policy.landlord, nation="wales"))
    assert hazard_clocks(("gas",), utc(2026, 12, 4, 9, 0), welsh, WorkingCalendar("wales")) == []
    assert (
        hazard_clocks(("domestic_abuse", "self_harm"), utc(2026, 12, 4, 9), policy, ENGLAND) == []
    )
