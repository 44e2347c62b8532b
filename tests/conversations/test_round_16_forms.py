"""Round 16's form faults, played over REST in our own wordings: a number typed after "we do not
have a phone number" is seen, an answer that fits the waiting question is kept beside the help
for a danger, and a question about the complaint inside a form asks the waiting question again."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation

pytestmark = pytest.mark.server

NO_DETAILS = "We do not have a phone number or email for you"
WILL_CONTACT = "using the details you gave us"
ADJUSTMENTS = "Is there anything that would make it easier for you"
CONSENT = "May we record it"
READ_BACK = "Here is what I understood"
NOT_YET = "Not yet"


@pytest.mark.parametrize(
    "details",
    [
        "my number is 07700 900811. how long do repairs take?",
        "mob 07700900812. what are your opening hours?",
        "u can email me on dana.k@example.com. what are your office hours?",
    ],
)
def test_a_number_typed_after_we_have_none_is_seen(running: Running, details: str) -> None:
    """r16b-10 t3-t5: "my phone 07700 900642 Fatima. please what about insurance?" was told
    "We do not have a phone number or email for you" twice, then "using the details you gave
    us" at the handover."""
    _, say = conversation(running)
    say(
        "my toilet is broken 2 weeks and my mum lives with me shes 80, no one come. we on the "
        "council list 3 year. i want complain"
    )
    assert NO_DETAILS in say("no its 2 weeks not years. so what now")
    reply = say(details)
    assert NO_DETAILS not in reply
    assert WILL_CONTACT in reply


def _to_the_adjustments(say: Callable[[str], str]) -> None:
    """A complaint with the heating route given first, answered up to what would help."""
    say("I want to make a complaint. I'm 85 and my boiler broke last night, no heating at all")
    for answer in ("yes still", "no", "fix the boiler", "I'm the resident", "Jo Marsh"):
        say(answer)
    say("jo.marsh@example.com")
    assert ADJUSTMENTS in say("email")


@pytest.mark.parametrize(
    "need",
    [
        "I'm hard of hearing so please never phone me, email only",
        "im deaf so no calls pls, email me",
        "I am profoundly deaf, BSL user. please dont ring, just email",
        "hard of hearing, cant use the phone. write to me instead",
    ],
)
def test_a_need_that_rules_out_calls_is_the_answer_after_a_route(
    running: Running, need: str
) -> None:
    """r16a-03 t12-t13: "He's hard of hearing so please never phone him, contact me by email"
    at the adjustments question got the route's help again and the form was dropped; "is my
    complaint logged?" was told "once you have answered my questions" with no question."""
    _, say = conversation(running)
    _to_the_adjustments(say)
    reply = say(need)
    assert ADJUSTMENTS not in reply
    assert CONSENT in reply or READ_BACK in reply
    assert WILL_CONTACT not in reply
    asked = CONSENT if CONSENT in reply else READ_BACK
    reply = say("hang on, is my complaint logged yet?")
    assert NOT_YET in reply
    assert asked in reply


@pytest.mark.parametrize(
    "asked",
    ["is my complaint logged?", "has it gone thru yet", "do i have a ref number yet??"],
)
def test_a_question_about_the_complaint_inside_the_form_asks_the_question_again(
    running: Running, asked: str
) -> None:
    """r16a-03 t13: the state of the complaint is said, and the question waiting asked again."""
    _, say = conversation(running)
    _to_the_adjustments(say)
    reply = say(asked)
    assert NOT_YET in reply
    assert ADJUSTMENTS in reply


@pytest.mark.parametrize(
    "need",
    [
        "like i said i cant use the phone so email only, and a bsl interpreter for any visit",
        "cant ring, no credit on my phone. large print letters pls",
        "I cannot phone, please can I have more time to reply and easy read letters",
    ],
)
def test_a_need_that_says_no_calls_is_no_follow_up_to_the_route(
    running: Running, need: str
) -> None:
    """r16a-03 t12: with the danger told before, the words for "cannot phone" in the answer to
    the adjustments question repeated the route's help, said "Our team will contact you" and
    asked nothing: the complaint was stuck."""
    _, say = conversation(running)
    say(
        "I want to make a complaint. I'm 85 and deaf and my boiler broke last night, no heating "
        "at all"
    )
    for answer in ("yes still", "no", "fix the boiler", "I'm the resident", "Jo Marsh"):
        say(answer)
    say("jo.marsh@example.com")
    assert ADJUSTMENTS in say("email")
    reply = say(need)
    assert WILL_CONTACT not in reply
    assert ADJUSTMENTS not in reply
    assert CONSENT in reply or READ_BACK in reply


NAME_QUESTION = "What name should we use"
HOW_TO_CONTACT = "How would you like us to contact you"
RESIDENT_OR_HELPER = "Are you the resident, or are you helping someone else"
HELPER_DETAILS = "Please tell me your name, how you know the resident"
CONSENT_OF_RESIDENT = "Has the resident agreed to you acting for them"


@pytest.mark.parametrize(
    ("how", "name_and_details", "way"),
    [
        # r16a-11 t2-t5 in our own wordings.
        (
            "ye but dont ring me, he checks my phone. email only",
            "Mel. its mel.safe@example.com",
            "email",
        ),
        ("yes please, but no calls. text only", "Sam, 07700 900444", "text"),
        ("yes but never phone me please, email me", "Dee. email dee.k@example.com", "email"),
    ],
)
def test_a_first_name_and_details_in_one_answer_with_the_way_said_before_are_not_asked_again(
    running: Running, how: str, name_and_details: str, way: str
) -> None:
    """r16a-11 t3-t5: "Chloe. email is chloe.b.safe@example.com, only i read it" was told
    "Please tell me just the name", then asked for the email, then offered a phone call after
    "email only pls"."""
    _, say = conversation(running)
    say("my front door lock is broken, i cant lock it at all")
    assert NAME_QUESTION in say(how)
    reply = say(name_and_details)
    assert NAME_QUESTION not in reply
    assert "phone number or email address" not in reply
    assert HOW_TO_CONTACT not in reply
    assert f"by {way}" in reply


@pytest.mark.parametrize(
    "first",
    [
        # r16b-06 t5, t10 in our own wordings.
        "Hi, I'm Sue, a support worker, supporting one of your tenants, Mr Dan Cole (Flat 2 "
        "Rowan Court). The repairs team never came about his leaking sink, 3 times now. He "
        "wants to complain.",
        "im Raj Patel, his social worker, writing for Mr Dan Cole (Flat 2 Rowan Court). no sink "
        "repair after 3 missed visits and he wants to complain",
        "CH: T Mr Dan Cole 2 Rowan Court, rep = daughter Amy (consent given on call). sink "
        "leaking, 3 no shows. wants to complain",
    ],
)
def test_a_helper_named_in_the_first_message_is_not_asked_who_they_are(
    running: Running, first: str
) -> None:
    """r16b-06 t5 and r16b-14 t4, t11: a support worker and a call handler's "rep = son Imran
    (consent given on call)" were asked whether they were the resident, and the tenant's
    address in brackets was left out of the read-back."""
    _, say = conversation(running)
    reply = say(first)
    if "make a formal complaint" in reply:
        reply = say("formal complaint")
    seen = reply
    for answer in ("yes still", "no", "fix the sink"):
        if READ_BACK in reply or NAME_QUESTION in reply:
            break
        reply = say(answer)
        seen += reply
    assert RESIDENT_OR_HELPER not in seen
    assert HELPER_DETAILS not in seen


def test_consent_given_on_the_call_is_not_asked_again(running: Running) -> None:
    """r16b-14 t11: consent the call handler gave in the first note was asked again."""
    _, say = conversation(running)
    reply = say(
        "CH: T Mrs Rita Shah 7 Elm Court, rep = son Dev (consent given on call). T has no "
        "kitchen light for 3 weeks, 2 missed appts. wants to complain"
    )
    if "make a formal complaint" in reply:
        reply = say("formal complaint")
    seen = reply
    for answer in (
        "yes still",
        "no",
        "fix the light",
        "Dev Shah",
        "dev.shah@example.com",
        "email",
        "no",
    ):
        if READ_BACK in reply:
            break
        reply = say(answer)
        seen += reply
    assert CONSENT_OF_RESIDENT not in seen
    assert "The complaint is for: Mrs Rita Shah, 7 Elm Court" in seen


@pytest.mark.parametrize(
    "again",
    [
        "i already told you. Gary Mills",
        "I said already - Gary Mills",
        "like i said, Gary Mills",
    ],
)
def test_a_name_said_again_with_a_protest_is_taken(running: Running, again: str) -> None:
    """r16b-07 t8: "i already told you. Gary Mills" got "Please tell me just the name"."""
    _, say = conversation(running)
    _complaint_to_the_name(say, "my boiler keeps cutting out, engineer never turned up 3 times")
    reply = say(again)
    assert NAME_QUESTION not in reply
    assert "just the name" not in reply


def _complaint_to_the_name(say: Callable[[str], str], first: str) -> str:
    reply = say(first)
    if "make a formal complaint" in reply:
        reply = say("formal complaint")
    for answer in ("yes still", "no", "fix it", "I'm the resident"):
        if NAME_QUESTION in reply:
            break
        reply = say(answer)
    assert NAME_QUESTION in reply
    return reply


@pytest.mark.parametrize(
    "first",
    [
        # r16b-07 t3, t7 in our own wordings: a message signed with name, address and number.
        "i never complained before, this is my complaint now, the boiler bangs and no one "
        "fixes it. Gary Mills 31 Ash Grove 07700 900777",
        "boiler been banging since october and nobody comes, i want to complain. Ann Lee, "
        "07700 900778",
    ],
)
def test_a_name_signed_with_the_details_is_not_asked_for(running: Running, first: str) -> None:
    """r16b-07 t7: the name given with address and number was asked for."""
    _, say = conversation(running)
    reply = say(first)
    if "make a formal complaint" in reply:
        reply = say("formal complaint")
    seen = reply
    for answer in ("yes still", "no", "fix it", "I'm the resident"):
        if ADJUSTMENTS in reply or HOW_TO_CONTACT in reply or READ_BACK in reply:
            break
        reply = say(answer)
        seen += reply
    assert NAME_QUESTION not in seen


@pytest.mark.parametrize(
    "again",
    [
        "I've told you all that. Paul Price, her son. Edna Price, Flat 3, 22 Mill Lane.",
        "as i said, Paul Price her son. Edna Price, 4 Kent Road",
        "I already gave you that! Paul Price (son). Mum is Edna Price, 9 Oak Close",
    ],
)
def test_a_helper_who_gives_it_all_again_with_a_protest_is_not_asked_again(
    running: Running, again: str
) -> None:
    """r16a-12 t7: four details in one sentence after "I've told you all that" got the same
    question word for word."""
    _, say = conversation(running)
    reply = say("I want to complain for my mum, her kitchen light has not worked for 3 weeks")
    if "make a formal complaint" in reply:
        reply = say("formal complaint")
    for answer in ("yes still", "no", "fix the light", "I'm helping someone else"):
        if HELPER_DETAILS in reply:
            break
        reply = say(answer)
    assert HELPER_DETAILS in reply
    assert HELPER_DETAILS not in say(again)
