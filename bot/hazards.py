"""Awaab's Law clocks: when a report of a potential hazard makes the landlord aware of it, the
Regulations set deadlines (policy_rules/hazards.yml). Hours run on the clock; working days
leave out weekends and the bank holidays of the landlord's nation."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from string import Formatter

from bot.calendar import UK_TIME, WorkingCalendar
from bot.casestore.domain import HazardClock
from bot.definition import long_date
from bot.policy import Policy
from bot.policy.schema import Duration, HazardKind, twelve_hour


def hazard_clocks(
    categories: tuple[str, ...], aware_at: datetime, policy: Policy, calendar: WorkingCalendar
) -> list[HazardClock]:
    """The clocks a report of these dangers starts, where the law applies in the landlord's
    nation. A step counted from the investigation is given its latest date: counted from the
    investigation's own due date."""
    clocks = []
    for category in categories:
        kind_id = policy.urgency[category].hazard if category in policy.urgency else None
        kind = policy.hazards.get(kind_id or "")
        if kind is None or policy.landlord.nation not in kind.nations:
            continue
        due: dict[str, datetime | date] = {}
        for step in kind.steps:
            start = aware_at if step.counted_from == "awareness" else due[kind.steps[0].id]
            due[step.id] = _add(start, step.within, calendar)
        clocks.append(HazardClock(category, kind.id, aware_at, due))
    return clocks


def _add(start: datetime | date, within: Duration, calendar: WorkingCalendar) -> datetime | date:
    if within.unit == "hours":
        if not isinstance(start, datetime):
            raise ValueError("a step in hours must count from a moment, not a day")
        return start + timedelta(hours=within.amount)
    if within.unit != "working_days":
        raise ValueError(f"Awaab's Law steps run in hours or working days, not {within.unit}")
    first_day = calendar.clock_start(start) if isinstance(start, datetime) else start
    return calendar.add_working_days(first_day, within.amount)


def when(moment: datetime | date) -> str:
    """A due time as a resident reads it: '4pm on Saturday 5 December 2026' or a day."""
    if isinstance(moment, datetime):
        local = moment.astimezone(UK_TIME)
        return f"{twelve_hour(local.time())} on {long_date(local.date())}"
    return long_date(moment)


def clock_lines(clocks: Sequence[HazardClock], policy: Policy, audience: str) -> list[str]:
    """What happens next and by when, for the resident ('resident') or staff ('staff')."""
    lines = []
    for clock in clocks:
        kind: HazardKind = policy.hazards[clock.kind]
        template = kind.tell_resident if audience == "resident" else kind.tell_staff
        line = template.format(**{step: when(moment) for step, moment in clock.due.items()})
        if line not in lines:
            lines.append(line)
    return lines


def clock_lines_said(said: Iterable[str], policy: Policy) -> list[str]:
    """The lines telling the resident a clock's due dates among what the assistant said: a
    question after a route ("is someone actually coming to look at the mould?") is answered
    with them again (round 16 r16a-01 got the emergency repairs line)."""
    shapes = [
        re.compile(
            "".join(
                re.escape(literal) + ("(.+?)" if field else "")
                for literal, field, _, _ in Formatter().parse(kind.tell_resident)
            )
            + "$"
        )
        for kind in policy.hazards.values()
    ]
    found = [text for text in said if any(shape.match(text) for shape in shapes)]
    return list(dict.fromkeys(found))
