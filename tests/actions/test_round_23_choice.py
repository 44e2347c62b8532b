"""Round 23: a call handler who opened with "call handler here. cust reports ..." types for the
resident on the line, who is then never asked whether she is the resident, nor read back as her
own helper."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet

from actions.choice import already_told
from tests.actions.test_round_22_record22 import tracker


@pytest.mark.parametrize(
    "first",
    [
        # Round 23 r23a-06 t12-t16.
        "call handler here. cust reports break in overnight, front door frame split, wont lock",
        "CSA typing, tenant says the boiler has been off 3 days and nobody rang back",
        "im just logging the call, res says mould back in the bedroom again after the works",
    ],
)
def test_staff_typing_for_the_resident_is_the_resident_complaining(first: str) -> None:
    told = tracker("Make a formal complaint", slots={"requested_slot": None}, before=[first])
    assert SlotSet("acting_for", "resident") in already_told(told)


def test_a_relative_on_the_line_is_still_the_helper() -> None:
    first = "call handler here. T is Mrs Faith Okonjo, daughter Grace on the line for her"
    told = tracker("Make a formal complaint", slots={"requested_slot": None}, before=[first])
    assert SlotSet("acting_for", "resident") not in already_told(told)
