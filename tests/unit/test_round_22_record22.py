"""Round 22 (issue 16 and the record parts of issue 14), in the rules and the form's answers: a
phone's low battery is no alarm's battery, so a gas route told before stands and the team's
contact promise keeps to the 24-hour clock (r22a-01 t6-t7 "07700 900123 but dont ring for an
hour my battery is low" was promised contact "by Wednesday"); the request reported before keeps
only the sentences that tell of the report (r22a-06 t10); the failure told with the choice to
complain is part of what went wrong (r22a-06 t2)."""

from __future__ import annotations

import pytest

from actions.complaint_form import report_sentences
from bot.definition import name_in
from bot.policy import Policy
from bot.triage.safety import taken_back
from tests.unit.conftest import Match


@pytest.mark.parametrize(
    "said",
    [
        "07700 900456, dont ring for a bit my battery is low",
        "text me, my phone is on low battery",
        "low battery on my mobile so email please",
    ],
)
def test_a_phones_battery_takes_no_route_back(said: str, match: Match, policy: Policy) -> None:
    found = match(said)
    assert not found.past_danger, said
    assert "gas" not in taken_back(found, policy, guessed=set()), said


@pytest.mark.parametrize(
    "said",
    [
        "the alarm is chirping, battery is low",
        "its only the battery, the smoke alarm is fine",
        "my co alarm battery is low",
    ],
)
def test_an_alarms_battery_still_tells_the_danger_is_over(said: str, match: Match) -> None:
    assert match(said).past_danger, said


@pytest.mark.parametrize(
    ("said", "kept"),
    [
        (
            "ive told him get out and ring 999. hes out now. reported it mon 7th and wed 9th",
            "reported it mon 7th and wed 9th",
        ),
        ("yes I rang in June. we are all outside now, the smell is awful.", "yes I rang in June."),
        ("ok we are out. job 55821", "job 55821"),
        ("Rang on Monday and again Tuesday", "Rang on Monday and again Tuesday"),
    ],
)
def test_the_request_reported_before_is_only_the_report(said: str, kept: str) -> None:
    assert report_sentences(said) == kept


@pytest.mark.parametrize(
    "said",
    [
        # Round 22 r22a-04 t4, and "ok were outside now" in record22's replay.
        "eh?? its just a drip not a flood. why emergency",
        "ok were outside now",
        "what do you mean its an emergency",
    ],
)
def test_a_sentence_typed_at_the_name_question_is_no_name(said: str) -> None:
    assert name_in(said) is None
