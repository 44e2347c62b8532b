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
