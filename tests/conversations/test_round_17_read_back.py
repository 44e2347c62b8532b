"""Round 17 at the read-back, played over REST in our own wordings: a correction changes only the
part it names (a night worker's "text only" stays), a time to call is the contact time, a
helper's split contact wishes (the resident's own way and time, a copy to a councillor, a firm's
reference) are held and read back, and a typed correction is not answered with the part menu."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import to_the_earlier_job_question
from tests.conversations.test_round_9_forms import LOGGED, READ_BACK, WHICH_PART

pytestmark = pytest.mark.server

NAME_QUESTION = "What name should we use when we contact you?"
HELPER_OPENING = (
    "Hi, I'm a support worker helping my client Ms Tanya Bell (she's here and happy for me to "
    "do this). Her boiler has been broken for three weeks and two engineer visits were "
    "cancelled. She wants to complain."
)


def night_worker_read_back(say: Callable[[str], str]) -> str:
    """A tenant who works nights and wants texts only, with a stray phrase in the earlier job."""
    to_the_earlier_job_question(say)
    say("rang it in tues, dunno the job no, well gutted")
    say("get them fixed")
    say("I'm the tenant")
    say("Rob Tate")
    say("07700 900561 text only dont ring me i work nights")
    read_back = say("no")
    assert READ_BACK in read_back and "by text only (07700 900561)" in read_back
    return read_back


def helper_read_back(say: Callable[[str], str], details: str) -> str:
    """A support worker's complaint for a resident, up to the read-back."""
    say(HELPER_OPENING)
    say("no")
    say("she wants the boiler fixed this week and an apology")
    say("Jo Marsh")
    reply = say(details)
    if "How would you like us to contact you" in reply:
        reply = say("email")
    # A boiler out for three weeks in winter is made safe within 24 hours: where is asked.
    assert "What is the address of the home" in reply
    say("Flat 1, 4 Birch Close")
    read_back = say("no")
    assert READ_BACK in read_back
    return read_back


@pytest.mark.parametrize(
    ("typed", "earlier"),
    [
        (
            "the reported before bit still says well gutted. should just say rang on tues by phone",
            "rang on tues by phone",
        ),
        (
            "reported before line still has well gutted in it. it should say phoned it in tuesday",
            "phoned it in tuesday",
        ),
    ],
)
def test_new_words_for_one_line_leave_text_only_alone(
    running: Running, typed: str, earlier: str
) -> None:
    """r17a-02 t12 (serious): "by phone" in the new words changed "text only" to "by phone"."""
    _, say = conversation(running)
    night_worker_read_back(say)
    reply = say(typed)
    assert f"It is about a request you reported before: {earlier}" in reply
    assert "by text only (07700 900561)" in reply
    assert "Correction:" not in reply
    assert LOGGED in say("yes thats right")


@pytest.mark.parametrize(
    "typed",
    [
        "the door bit is what i want changing, add flat 9. and take out well gutted",
        "take out well gutted pls. and add flat 9",
    ],
)
def test_an_addition_and_a_removal_typed_together_are_both_made(
    running: Running, typed: str
) -> None:
    """r17a-02 t9 was answered "Which part would you like to change?"."""
    _, say = conversation(running)
    night_worker_read_back(say)
    reply = say(typed)
    assert WHICH_PART not in reply
    assert "well gutted" not in reply
    assert "lat 9" in reply.split("What went wrong:")[1].split("It is still")[0]
    assert "by text only (07700 900561)" in reply


@pytest.mark.parametrize(
    ("typed", "time"),
    [
        ("no - NOT evenings. mornings only. rest is right", "mornings only"),
        ("needs to say after 2pm only, he's at the hospital mornings", "after 2pm"),
        ("only after 5pm pls", "after 5pm"),
    ],
)
def test_a_time_to_contact_changes_the_contact_time_not_the_menu(
    running: Running, typed: str, time: str
) -> None:
    """r17a-07 t7 got the which-part menu; t12 replaced the hearing adjustment."""
    _, say = conversation(running)
    night_worker_read_back(say)
    reply = say(typed)
    assert WHICH_PART not in reply
    assert f"by text only, {time} (07700 900561)" in reply


def test_a_time_given_with_the_number_is_kept_when_the_way_is_asked(running: Running) -> None:
    """r17a-07 t10-11: "07700 900845, afternoons only" then "phone call" lost the time."""
    _, say = conversation(running)
    night_worker_read_back(say)
    say('/correct_definition{"definition_part": "contact"}')
    say("Rob Tate")
    asked = say("07700 900845, afternoons only, not mornings")
    reply = say("phone call") if "How would you like us to contact you" in asked else asked
    assert "by phone, afternoons only (07700 900845)" in reply


@pytest.mark.parametrize(
    "details",
    [
        "Please email me, Jo, on jo.marsh@support.example, and Tanya by text on 07700 900288 "
        "but not before 2pm",
        "email me at jo.marsh@support.example. tanya's mobile is 07700 900288, text her not "
        "before 2pm",
    ],
)
def test_a_helpers_answer_with_both_contacts_is_read_back_as_each_ones(
    running: Running, details: str
) -> None:
    """r17a-06 t4-5: read back "Sam Reid by email, not before 2pm (sam@..., 07700 900288)"."""
    _, say = conversation(running)
    read_back = helper_read_back(say, details)
    assert "We will contact Jo Marsh by email (jo.marsh@support.example)." in read_back
    assert "We will also text Ms Tanya Bell on 07700 900288, not before 2pm." in read_back


def test_a_helpers_split_contact_corrected_at_the_read_back(running: Running) -> None:
    """r17a-06 t6-7, r17a-08 t9-10, r17a-13 t8: the resident's number, a copy to the councillor
    and the firm's reference each held as theirs, and the helper's own email kept."""
    _, say = conversation(running)
    helper_read_back(say, "jo.marsh@support.example")
    reply = say("Tanya's mobile is 07700 900288, not mine. Text Tanya, only after 2pm.")
    assert "We will contact Jo Marsh by email (jo.marsh@support.example)." in reply
    assert "We will also text Ms Tanya Bell on 07700 900288, after 2pm." in reply
    reply = say("And please copy cllr.shah@council.example into emails.")
    assert "We will contact Jo Marsh by email (jo.marsh@support.example)." in reply
    assert "We will also copy our emails to cllr.shah@council.example." in reply
    reply = say("No - my email is jo.marsh@support.example. The councillor's is only copied in.")
    assert WHICH_PART not in reply
    assert "We will contact Jo Marsh by email (jo.marsh@support.example)." in reply
    reply = say("Please also record our reference PL/NOW/0412 with the contact details.")
    assert "We will also quote your reference PL/NOW/0412." in reply
    assert "job 0412" not in reply
    assert LOGGED in say("yes thats right")


def test_a_day_is_not_taken_as_the_name(running: Running) -> None:
    """r17a-01 t9 read back "We will contact Sunday"."""
    _, say = conversation(running)
    say("water is coming through my kitchen ceiling from the flat above")
    reply = say("yes please, my mobile is 07700 900412. It's Sunday so I'm guessing not today")
    assert NAME_QUESTION in reply
