"""Round 16's form faults that need no server: the language is what is hard on the phone, not
the phone, and "has it gone thru" asks whether the complaint is logged."""

from __future__ import annotations

import pytest

from bot.definition import contact_preference
from bot.recorded import asks_if_recorded


@pytest.mark.parametrize(
    ("said", "way"),
    [
        # r15c-06 t10 and our own wordings.
        ("phone call, in portuguese if you can, my english is not so good on phone", "phone"),
        ("text me pls, my english not good on the phone", "text"),
        ("my English is not good on phone so email please", "email"),
        ("ring me with a polish interpreter, my english is not great on the phone", "phone"),
    ],
)
def test_english_not_good_on_the_phone_does_not_rule_out_the_way_asked_for(
    said: str, way: str
) -> None:
    assert contact_preference(said) == way


@pytest.mark.parametrize(
    "said", ["im not good on the phone, email me", "not good with phones. email pls"]
)
def test_a_person_not_good_on_the_phone_still_has_it_ruled_out(said: str) -> None:
    assert contact_preference(said) == "email"


@pytest.mark.parametrize(
    "asked", ["has it gone thru yet", "has my complaint gone thru?", "has the complaint went thru"]
)
def test_gone_thru_asks_if_the_complaint_is_logged(asked: str) -> None:
    assert asks_if_recorded(asked) == "complaint"
