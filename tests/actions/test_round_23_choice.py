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


@pytest.mark.parametrize(
    ("text", "details"),
    [
        # Round 23 r23b-04 t8-t9: read back "by text only (dean.m@example.com)".
        ("whatsapp only pls 07700 900789, i dont check emails", "07700 900789"),
        ("text me on 07700 900123 instead", "07700 900123"),
    ],
)
def test_details_given_with_the_way_to_use_them_replace_the_ones_held(
    text: str, details: str
) -> None:
    from actions.contact import told_beside

    told = tracker(
        text,
        slots={"requested_slot": "contact_preference", "contact_details": "dean.m@example.com"},
    )
    assert told_beside(told)["contact_details"].replace(" ", "") == details.replace(" ", "")


def test_details_given_at_another_question_do_not_replace_the_ones_held() -> None:
    from actions.contact import told_beside

    told = tracker(
        "no nothing thanks, my old number was 07700 900555",
        slots={"requested_slot": "adjustments_needed", "contact_details": "dean.m@example.com"},
    )
    assert "contact_details" not in told_beside(told)
