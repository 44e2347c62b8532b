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
ADDRESS = "What is the address of the home"
NOT_YET = "Not yet"


def _first(say: Callable[[str], str], first: str, choose: str = "formal complaint") -> str:
    """The first message, choosing a formal complaint in the resident's words if offered."""
    reply = say(first)
    return say(choose) if "make a formal complaint" in reply else reply


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
    # No heating for someone of 85 must be made safe within 24 hours: its address is asked.
    assert ADDRESS in say("email")
    assert ADJUSTMENTS in say("Flat 2, 8 Mill Lane")


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
    # No heating for someone of 85 must be made safe within 24 hours: its address is asked.
    assert ADDRESS in say("email")
    assert ADJUSTMENTS in say("Flat 2, 8 Mill Lane")
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
    say("my front door lock at 7 Elm Road is broken, i cant lock it at all")
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
    reply = _first(say, first)
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
    seen = _note_to_the_read_back(
        say,
        "CH: T Mrs Rita Shah 7 Elm Court, rep = son Dev (consent given on call). T has no "
        "kitchen light for 3 weeks, 2 missed appts. wants to complain",
    )
    assert CONSENT_OF_RESIDENT not in seen
    assert "The complaint is for: Mrs Rita Shah, 7 Elm Court" in seen


def _note_to_the_read_back(say: Callable[[str], str], note: str) -> str:
    """A call handler's note for a son helping his mother, answered to the read-back: all said."""
    reply = _first(say, note)
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
    return seen


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
    reply = _first(say, first)
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
    reply = _first(say, first)
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
    reply = _first(
        say, "I want to complain for my mum, her kitchen light has not worked for 3 weeks"
    )
    for answer in ("yes still", "no", "fix the light", "I'm helping someone else"):
        if HELPER_DETAILS in reply:
            break
        reply = say(answer)
    assert HELPER_DETAILS in reply
    assert HELPER_DETAILS not in say(again)


@pytest.mark.parametrize(
    "first",
    [
        # r16a-07 t1 in our own ESL wordings.
        "Hello, my English is little. Kitchen window is broken, cold air come in. I call 2 weeks "
        "ago nobody come. I want complain",
        "window in bedroom broken, glass crack. we report it last month, nobody come. i want "
        "make complaint",
    ],
)
def test_a_report_told_in_esl_is_not_asked_about_again(running: Running, first: str) -> None:
    """r16a-07 t3: "I call 2 weeks ago nobody come" was asked whether it was reported before."""
    _, say = conversation(running)
    reply = _first(say, first, "complaint yes")
    seen = reply
    if STILL in reply:
        seen += say("yes still broken")
    assert "reported to us before" not in seen


STILL = "Is this still happening now?"


@pytest.mark.parametrize(
    ("way", "need"),
    [
        ("phone please, and I need arabic interpreter", "arabic interpreter"),
        ("text, and i need a somali interpreter for calls", "somali interpreter"),
        ("phone. I need urdu translator please", "urdu translator"),
    ],
)
def test_an_interpreter_asked_for_beside_the_way_is_added_to_a_need_told_before(
    running: Running, way: str, need: str
) -> None:
    """r16a-07 t8: "my English is little" from the first message was kept, and the Arabic
    interpreter asked for at the contact question dropped."""
    _, say = conversation(running)
    _complaint_to_the_name(
        say, "my English is little. window is broken 3 weeks and nobody come, I want complain"
    )
    say("Samira Haddad")
    say("07700 900654")
    reply = say(way)
    assert READ_BACK in reply
    assert need in reply.lower()


@pytest.mark.parametrize(
    "answer",
    [
        "no. well actually yes i need more time to get to the door and i cant do stairs",
        "no... actually large print would help",
    ],
)
def test_a_need_told_after_a_first_no_is_kept(running: Running, answer: str) -> None:
    """r16a-04 t11: "no. well actually yes i need more time to get to the door" was read as no,
    and the read-back had no adjustments."""
    _, say = conversation(running)
    _complaint_to_the_name(say, "the repairs team never came about my leaking sink, 3 times now")
    say("Dee Clarke")
    say("07700 900982")
    assert ADJUSTMENTS in say("text")
    reply = say(answer)
    assert "To make things easier for you" in reply or CONSENT in reply


@pytest.mark.parametrize(
    "outcome",
    [
        "get it fixed so it stays fixed, and an explanation why it keeps breaking",
        "fix the lift properly this time and say sorry",
        "i want it fixed for good and compensation",
    ],
)
def test_what_would_put_it_right_beside_a_route_is_kept(running: Running, outcome: str) -> None:
    """r16a-04 t6: the outcome typed after the lift route was asked for again with buttons."""
    _, say = conversation(running)
    reply = _first(
        say,
        "i want to complain, lift broke 4 days in my block, im in a wheelchair on the 6th "
        "floor and cant get out",
    )
    for answer in ("yes still", "reported it thursday, no job number"):
        if OUTCOME in reply:
            break
        reply = say(answer)
    assert OUTCOME in reply
    assert OUTCOME not in say(outcome)


OUTCOME = "What would you like us to do to put things right?"


@pytest.mark.parametrize(
    ("answer", "kept", "left"),
    [
        # r16b-06 t9, r16b-14 t7, r16a-12 t11 in our own wordings.
        ("I told you - large print letters, she can't see well", "large print", "I told you"),
        ("already said: T has dementia. no letters to T", "T has dementia", "already said"),
        ("As I said, she is deaf, so text me not her", "she is deaf", "As I said"),
    ],
)
def test_the_protest_is_not_stored_as_what_would_help(
    running: Running, answer: str, kept: str, left: str
) -> None:
    """r16b-06 t10, r16b-14 t8: "I told you - no phone calls, because of her anxiety" was read
    back as what would help, protest and all."""
    _, say = conversation(running)
    _complaint_to_the_name(say, "the repairs team never came about my leaking sink, 3 times now")
    say("Dee Clarke")
    say("07700 900982")
    assert ADJUSTMENTS in say("text")
    reply = say(answer)
    if CONSENT in reply:
        reply = say("yes record it")
    assert READ_BACK in reply
    assert kept in reply
    assert left not in reply.split("To make things easier for you:")[1]


def _to_the_read_back(say: Callable[[str], str], first: str, outcome: str = "fix it") -> str:
    """A resident's complaint answered to the read-back."""
    _complaint_to_the_name(say, first)
    say("Dee Clarke")
    say("07700 900982")
    say("text")
    reply = say("no")
    assert READ_BACK in reply
    return reply


@pytest.mark.parametrize(
    "second_thoughts",
    [
        "actually can u just get it fixed, i dont want the hassle of a complaint, just get "
        "someone out",
        "i dont want a complaint anymore. just fix the mould",
        "forget the complaint, just send someone to fix it",
    ],
)
def test_giving_up_the_complaint_at_the_read_back_leaves_it(
    running: Running, second_thoughts: str
) -> None:
    """r16a-01 t11-t12: "just get it fixed, i dont want the hassle of a complaint" at the
    read-back got "Which part would you like to change?" twice."""
    _, say = conversation(running)
    _to_the_read_back(say, "black mould in my sons bedroom, reported in october, nobody came")
    reply = say(second_thoughts)
    assert "Which part would you like to change" not in reply
    assert "without a formal complaint" in reply
    assert "Your complaint is logged" not in reply


@pytest.mark.parametrize(
    "correction",
    [
        "not all right. the water stop but ceiling is still broken, this is the problem",
        "it says it has stopped. the ceiling problem is not stopped",
        "wrong, the leak stopped but the ceiling is still stained and damp",
    ],
)
def test_it_goes_on_can_be_put_right_at_the_read_back(running: Running, correction: str) -> None:
    """r16a-02 t10-t12: "the water stop but ceiling is still broken" left "It has stopped"."""
    _, say = conversation(running)
    reply = _first(
        say, "water came through my bathroom ceiling from the flat above, i want to complain"
    )
    if STILL in reply:
        reply = say("no it has stopped")
    for answer in ("no", "fix the ceiling", "I'm the resident"):
        if NAME_QUESTION in reply:
            break
        reply = say(answer)
    say("Tom Nowak")
    say("07700 900461")
    say("phone")
    read_back = say("no")
    assert "It has stopped." in read_back
    reply = say(correction)
    assert "It is still happening." in reply


@pytest.mark.parametrize("stepping_away", ["im calling 999 now", "hang on, someones at the door"])
def test_stepping_away_at_the_read_back_is_no_no(running: Running, stepping_away: str) -> None:
    """r16a-11 t15-t16: "im calling 999 now" got "Which part would you like to change?", then so
    did "did my complaint go through? i said yes before"."""
    _, say = conversation(running)
    _to_the_read_back(say, "the repairs team never came about my leaking sink, 3 times now")
    reply = say(stepping_away)
    assert "Which part would you like to change" not in reply
    assert READ_BACK in reply
    reply = say("ok im back. did my complaint go through? i said yes before")
    assert "Your complaint is logged" in reply


def test_contact_wishes_are_not_what_they_would_like(running: Running) -> None:
    """r16b-01 t5: "also please dont ring her she cant hear it, text only to my mobile ...,
    im Sandra her daughter" was read back as what they would like."""
    _, say = conversation(running)
    reply = _first(
        say, "the repairs team never came about my leaking sink, 3 times now. i want to complain"
    )
    for answer in ("yes still", "no"):
        if OUTCOME in reply:
            break
        reply = say(answer)
    assert OUTCOME in reply
    say(
        "fix the sink and something for the days off work. also please dont ring me, text only "
        "to my mobile 07700 900881"
    )
    for answer in ("I'm the resident", "Dee Clarke", "no"):
        reply = say(answer)
        if READ_BACK in reply:
            break
    assert READ_BACK in reply
    wanted = reply.split("You would like:")[1].split("\n")[0]
    assert "fix the sink" in wanted
    assert "07700 900881" not in wanted
    assert "text only" not in wanted


@pytest.mark.parametrize(
    "note",
    [
        "CH: T Mrs Rita Shah 7 Elm Court, rep = son Dev (consent verbal only so far). no kitchen "
        "light 3 weeks, 2 missed appts. wants to complain",
    ],
)
def test_consent_given_on_the_phone_is_read_back_as_such(running: Running, note: str) -> None:
    """Consent told as verbal read back as "They have agreed to this." as if written."""
    _, say = conversation(running)
    seen = _note_to_the_read_back(say, note)
    assert "They have agreed to this on the phone." in seen
