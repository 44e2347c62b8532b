"""Round 15's form faults (issue 16), played over REST in our own wordings: nothing asked twice
(whether it goes on, what would help), "person" inside an answer, no stray records, and
romanised Urdu beside English read as the repair it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation, store

pytestmark = pytest.mark.server

STILL = "Is this still happening now?"
EARLIER = "reported to us before"
OUTCOME = "What would you like us to do to put things right?"
ADJUSTMENTS = "Is there anything that would make it easier for you"
READ_BACK = "Here is what I understood"
HANDED_OVER = "pass you to a person"
NOTED_AS_REQUEST = "noted this as a request"
COMPLAINT_OFFER = "You can make a formal complaint"


def _to_the_outcome(say: Callable[[str], str], first: str, report: str = "no") -> None:
    """From the first message to the outcome question, answering what is asked on the way."""
    reply = _complaint(say, first)
    for _ in range(3):
        if STILL in reply:
            reply = say("yes still")
        elif EARLIER in reply:
            reply = say(report)
    assert OUTCOME in reply


def _complaint(say: Callable[[str], str], first: str) -> str:
    """The first message, choosing a formal complaint if it is offered."""
    reply = say(first)
    if COMPLAINT_OFFER in reply:
        reply = say("formal complaint please")
    return reply


@pytest.mark.parametrize(
    ("first", "answer"),
    [
        # r15c-02 t2 (a call handler), r15b-05 t4, r15c-05 t6 (ESL); text-speak.
        (
            "CH: caller c/o leaking bathroom ceiling since oct, reported x3, contractor no show "
            "twice. wants to complain",
            "yes still dripping, now its coming thru the light fitting, water running down the "
            "pull cord",
        ),
        (
            "i want to complain about the repairs team, they cancelled the job on my back door "
            "twice",
            "yeh the door still dont lock and i cant secure my home, anyone can walk in",
        ),
        (
            "i want to complain, the roofer cancelled 3 times",
            "ya still leakin, n now waters comin out the light switch in the hall",
        ),
        (
            "I want make complaint, the boiler is broken again and nobody come",
            "yes boiler still not work, no heating, my mother is 88 she is very cold",
        ),
    ],
)
def test_whether_it_goes_on_told_beside_a_danger_is_not_asked_again(
    running: Running, first: str, answer: str
) -> None:
    """r15c-02 t2, r15a-03 t2, r15b-05 t4: the route was given and the question asked again."""
    _, say = conversation(running)
    # Asked, or known already from the first message ("the boiler is broken again").
    _complaint(say, first)
    reply = say(answer)
    assert "0300 000 0999" in reply or "999" in reply
    assert STILL not in reply


@pytest.mark.parametrize(
    "answer",
    [
        "reported it to her in june, july and october, by phone. and last night one of them pulled "
        "a knife on my son on the stairs and said hed be back for him",
        "rang the asb line 3 times since summer. they threatened to stab my husband last nite",
    ],
)
def test_a_report_told_beside_a_danger_is_not_asked_for_again(
    running: Running, answer: str
) -> None:
    """r15b-18 t2-t3: "Is this about a repair or request you reported to us before?" three
    times, after the route; the danger is not kept as the report."""
    _, say = conversation(running)
    reply = _complaint(
        say,
        "the ASB officer has done nothing about the lads dealing on our stairwell. i want to make "
        "a complaint about how its been handled",
    )
    if STILL in reply:
        reply = say("yes still")
    assert EARLIER in reply
    reply = say(answer)
    assert "999" in reply
    assert EARLIER not in reply
    assert OUTCOME in reply


@pytest.mark.parametrize(
    "answer",
    [
        "Sorry, why are you giving me that number? Nobody is in danger, he was just rude. The fan "
        "has been fitted now, so no it's not still happening, but mum was without it for weeks.",
        "thats not what i asked. anyway its all sorted now, fan works, but i am still angry",
        "Nobody was hurt, he was just rude. It is no longer happening, the fan works now.",
    ],
)
def test_stopped_said_after_other_sentences_is_taken_and_the_choice_not_offered_again(
    running: Running, answer: str
) -> None:
    """r15a-02 t2: the choice already made was offered again and "Is this still happening
    now?" asked again after "so no it's not still happening"."""
    _, say = conversation(running)
    reply = _complaint(
        say,
        "I'm writing to complain for my mum. Twice an engineer was booked to replace her bathroom "
        "fan and twice nobody turned up, and when he came he was rude to her.",
    )
    assert STILL in reply
    reply = say(answer)
    assert STILL not in reply
    assert COMPLAINT_OFFER not in reply


def test_it_is_over_said_at_the_12_month_question_is_not_asked_again(running: Running) -> None:
    """r15b-11 t3: "no its over, fence is fine now" and then "Is this still happening now?"."""
    _, say = conversation(running)
    say(
        "back in summer 2024 ur window fitters knocked down part of my garden fence and never "
        "put it back, i paid 350 quid to get it redone in sept 2024 and i want that back"
    )
    say("no its all over now, fence is fine, i just want my money back")
    reply = say("formal complaint")
    assert STILL not in reply
    assert EARLIER in reply


def test_back_again_said_before_the_choice_is_not_asked_again(running: Running) -> None:
    """r15b-12: "Its out again now, since thursday" in the first message."""
    _, say = conversation(running)
    say(
        "The lift in our block has been breaking down every few weeks since 2021. Its out "
        "again now, since thursday, and ive complained loads of times"
    )
    reply = say("Formal complaint yes")
    assert STILL not in reply


def test_an_interpreter_asked_for_before_the_complaint_is_not_asked_about_again(
    running: Running, policy: Policy
) -> None:
    """r15c-10 t9: "needs romanian interp for callback" at the first message, then asked
    "Is there anything that would make it easier"."""
    _, say = conversation(running)
    _complaint(
        say,
        "T on line, ltd english. bathroom fan not working 3 wks, rang twice, nobody came. "
        "needs romanian interp for callback. wants to complain",
    )
    for answer in ("yes still", "no", "fix the fan", "caller is the tenant, im the call handler"):
        say(answer)
    say("Elena Dumitru")
    say("07700 900418")
    reply = say("phone")
    assert ADJUSTMENTS not in reply
    assert READ_BACK in reply
    assert "romanian" in reply.lower()


def test_an_interpreter_asked_for_beside_a_danger_at_the_contact_question_is_kept(
    running: Running,
) -> None:
    """r15c-06 t10: "phone call, in portuguese if you can" was followed by the adjustments
    question (and, beside a route, the contact question again)."""
    _, say = conversation(running)
    _complaint(say, "I want to make a complaint, my heating has not worked for 2 weeks")
    for answer in ("yes still", "no", "fix the heating", "I'm the resident", "Mariana Costa"):
        say(answer)
    say("07700 900555")
    reply = say("phone call, in portuguese if you can, my english is not so good on phone")
    assert ADJUSTMENTS not in reply
    assert "How would you like us to contact you" not in reply
    assert "by phone (07700 900555)" in reply
    assert "portuguese" in reply.lower()


@pytest.mark.parametrize(
    "need",
    [
        "At least one week's written notice of any visit, and a named contact person.",
        "she has anxiety so a named person please and letters not calls",
        "same person each time pls, she gets confused",
    ],
)
def test_a_person_named_as_what_would_help_is_no_handover(running: Running, need: str) -> None:
    """r15a-05 t9, t11: "a named contact person" handed the helper over, complaint unlogged."""
    _, say = conversation(running)
    _complaint(say, "I want to make a complaint, the repair to my window was cancelled twice")
    for answer in ("yes still", "no", "fix the window", "I'm the resident", "Dee Parker"):
        say(answer)
    say("07700 900321")
    say("phone")
    reply = say(need)
    assert HANDED_OVER not in reply
    assert "not logged yet" not in reply


def test_the_time_of_night_said_last_is_no_leaving(running: Running) -> None:
    """ "i have to wedge a chair against it at nite" stopped the complaint ("nite" is a goodbye
    said last)."""
    _, say = conversation(running)
    assert STILL in _complaint(
        say, "i want to complain about the repairs team, they cancelled my back door job twice"
    )
    reply = say("yeh the door still dont lock, i have to wedge a chair against it at nite")
    assert "I've stopped" not in reply
    assert EARLIER in reply


@pytest.mark.parametrize(
    "message",
    [
        "get it properly sorted, find where the damp is coming from. and can i get compensation "
        "for this? his bedding is ruined",
        "Get the lift working. Actually, can I make the complaint in my own name?",
        "fix the roof and say sorry. how long will all this take",
    ],
)
def test_what_would_put_it_right_beside_a_question_is_kept(running: Running, message: str) -> None:
    """r15a-01 t5, r15a-07 t4: the question was answered and the outcome asked for again."""
    _, say = conversation(running)
    _to_the_outcome(
        say,
        "I want to make a complaint, the repairs to my home were cancelled three times",
        report="yes, rang in october and november, no job number",
    )
    reply = say(message)
    assert OUTCOME not in reply
    assert "resident, or are you helping someone else" in reply


@pytest.mark.parametrize(
    "answer",
    [
        "I'd like the lift fixed and help for my neighbour until it is. And I'd like the "
        "complaint to be from me, as a resident.",
        "get the lift working asap. its my own complaint btw",
    ],
)
def test_saying_they_are_the_resident_beside_another_answer_is_not_asked_again(
    running: Running, answer: str
) -> None:
    """r15a-07 t5: "I'd like the complaint to be from me, as a resident" and then "Are you the
    resident, or are you helping someone else?"."""
    _, say = conversation(running)
    _to_the_outcome(
        say, "I want to make a complaint, the lift has been out three weeks, I reported it twice"
    )
    reply = say(answer)
    assert "resident, or are you helping someone else" not in reply
    assert "What name should we use" in reply


@pytest.mark.parametrize(
    "answer",
    [
        "Resident - flat 12 Nightingale Court. A few neighbours feel the same but I'm just doing "
        "it for myself.",
        "its my own complaint, nobody else",
        "me, doing this for myself not the others",
    ],
)
def test_doing_it_for_themself_is_the_resident(running: Running, answer: str) -> None:
    """r15a-13 t6: "I'm just doing it for myself" was taken for a helper, and the form then
    asked her for a resident's details and consent."""
    _, say = conversation(running)
    _to_the_outcome(
        say, "I want to make a complaint, nobody has cleaned our stairs since September"
    )
    assert "resident, or are you helping someone else" in say("get the cleaning restarted")
    reply = say(answer)
    assert "Thank you for helping" not in reply
    assert "What name should we use" in reply


@pytest.mark.parametrize(
    ("first", "asked"),
    [
        (
            "call handler here. caller Mr Kwame Osei T at 7 Kings Walk. c/o roof leak into "
            "kitchen, reported x3 since sept, no one attended. wants to make formal complaint",
            "What is the best phone number or email",
        ),
        (
            "CH: caller is Daniel Price, son of T Mr Alan Price, 31 Moor Lane. c/o gas service "
            "overdue since Aug, 2 appts missed, no call. son wants formal complaint",
            "Has the resident agreed",
        ),
        (
            "Good evening. I am a solicitor acting for your tenant Mr Tomasz Nowak of Flat 3, 22 "
            "Quarry Road. The damp has been reported since March. He wants a formal complaint.",
            "Has the resident agreed",
        ),
        (
            "my mums kitchen tap been leaking since friday, plumber never came. want to complain",
            "Thank you for helping",
        ),
    ],
)
def test_who_is_complaining_told_in_the_first_message_is_not_asked_again(
    running: Running, first: str, asked: str
) -> None:
    """r15a-03, r15a-14, r15d-06: "Are you the resident, or are you helping someone else?"
    after the first message said so."""
    _, say = conversation(running)
    _to_the_outcome(say, first, report="yes, reported twice, no job number")
    reply = say("fix it properly and an explanation")
    assert "resident, or are you helping someone else" not in reply
    assert asked in reply


@pytest.mark.parametrize(
    ("details", "consent"),
    [
        (
            "Rep name is Karen Bell. She is the daughter. Resident is Mrs Joan Bell, 7 Mill Court.",
            "yes she agreed",
        ),
        ("Lee Brennan. dad is Frank Brennan, 12 Hill Road", "ye hes asked me to sort it"),
        ("im his son Raj Patel, dad is Mr Dev Patel at 3 Oak Close", "yes"),
    ],
)
def test_a_helper_who_gave_their_name_with_the_resident_is_not_asked_it_again(
    running: Running, details: str, consent: str
) -> None:
    """r15d-04 t7, r15a-06: the helper's name was given beside the resident's and then asked."""
    _, say = conversation(running)
    _to_the_outcome(
        say, "I want to make a complaint for my dad, his boiler repair was cancelled twice"
    )
    say("fix the boiler")
    say(details)
    reply = say(consent)
    assert "What name should we use" not in reply
    assert "phone number or email" in reply


def test_a_councillor_who_opened_with_their_name_is_not_asked_it(running: Running) -> None:
    """r15d-09 t5: "Cllr Dev Mistry here, ..." and then "What name should we use"."""
    _, say = conversation(running)
    _to_the_outcome(
        say,
        "Cllr Dev Mistry here, ward councillor for Eastfield. I'm raising a complaint on behalf "
        "of a resident, Ms Kayleigh Price at 5 Orchard House. The door entry was never fixed "
        "after three reports.",
        report="yes, reported in october, no job number",
    )
    say("Door entry repaired this week and an explanation")
    reply = say("Yes she has, in writing by email.")
    assert "What name should we use" not in reply


@pytest.mark.parametrize(
    "outcome",
    [
        "sorry for my wife, and tap fixed by other person. and different man next time",
        "an apology and send a different person to fix it",
        "fix it, proper person this time not him",
    ],
)
def test_a_person_named_as_what_would_put_it_right_is_no_handover(
    running: Running, outcome: str
) -> None:
    """r15c-09 t4: "tap fixed by other person" as the outcome was read as asking for a person."""
    _, say = conversation(running)
    assert EARLIER in _complaint(
        say, "I want to complain, the plumber was rude to my wife and the tap still leaks"
    )
    assert OUTCOME in say("yes reported 2 weeks ago, no job number")
    reply = say(outcome)
    assert HANDED_OVER not in reply
    assert "resident, or are you helping someone else" in reply


def _no_request_logged(running: Running, policy: Policy, sender: str) -> None:
    cases = store(running, policy)
    with cases.unit_of_work() as uow:
        contacts = uow.cases.conversation_contacts([sender])
    assert all(cases.service_request(c.id) is None for c in contacts if c.id is not None)


@pytest.mark.parametrize("name", ["Mrs Joan Ward", "Joan Ward", "Mrs J. Ward"])
def test_a_name_typed_mid_form_is_not_a_new_request(
    running: Running, policy: Policy, name: str
) -> None:
    """r15d-12 t10: "Mrs Farah Begum" at the consent question was noted as a request with a
    promise of a call about nothing."""
    sender, say = conversation(running)
    _complaint(
        say,
        "I want to make a complaint for my mum, her mould came back and the repair was "
        "cancelled twice",
    )
    for answer in ("yes still", "no", "fix the mould"):
        say(answer)
    say("Lisa Ward, her daughter. mum is Mrs Joan Ward, 4 Elm Road")
    reply = say(name)
    assert NOTED_AS_REQUEST not in reply
    assert "Has the resident agreed" in reply
    _no_request_logged(running, policy, sender)


def _logged(say: Callable[[str], str]) -> None:
    _complaint(say, "I want to make a complaint, the bathroom fan was never fixed after 3 visits")
    for answer in ("yes still", "no", "fix the fan", "I'm the resident", "Amy Clarke"):
        say(answer)
    say("07700 900555")
    say("phone")
    assert READ_BACK in say("no")
    assert "Your complaint is logged" in say("yes")


@pytest.mark.parametrize(
    "closing",
    [
        # Closing remarks already end the conversation on main; kept here so they stay so.
        "ok thats all, ending call",
        "thanks bye, T happy",
        "ok ill tell him, ending call",
        "Mrs Farah Begum",
    ],
)
def test_after_logging_a_sign_off_or_a_name_records_nothing_new(
    running: Running, policy: Policy, closing: str
) -> None:
    """r15d-04 t13, r15d-12, r15a-02: a sign-off or a name after logging was a new request."""
    sender, say = conversation(running)
    _logged(say)
    reply = say(closing)
    assert NOTED_AS_REQUEST not in reply
    assert COMPLAINT_OFFER not in reply
    _no_request_logged(running, policy, sender)


@pytest.mark.parametrize(
    "question",
    [
        "if im not happy with what they say on the 30th what then",
        "and if im still not happy after that what happens",
        "ok if the answer is rubbish wot do i do",
    ],
)
def test_after_logging_what_if_not_happy_is_answered_not_offered_a_new_complaint(
    running: Running, question: str
) -> None:
    """r15a-15 t3: the Stage 2 question without a question mark got the complaint offer."""
    _, say = conversation(running)
    _logged(say)
    reply = say(question)
    assert "Stage 2" in reply
    assert COMPLAINT_OFFER not in reply


@pytest.mark.parametrize(
    "message",
    [
        "mera boiler kharab hai 3 din se, please fix",
        "hamara kitchen tap leaking hai 2 hafte se, plz send plumber",
        "ghar mein heating kaam nahi kar rahi, please send someone asap",
    ],
)
def test_romanised_urdu_beside_english_is_logged_as_the_repair_with_the_interpreter_offer(
    running: Running, policy: Policy, message: str
) -> None:
    """Task 5: a repair typed in Urdu and English letters got only the other-language route."""
    sender, say = conversation(running)
    reply = say(message)
    assert "This message looks like it is in Urdu" not in reply
    assert NOTED_AS_REQUEST in reply
    assert "interpreter" in reply
    cases = store(running, policy)
    with cases.unit_of_work() as uow:
        contacts = uow.cases.conversation_contacts([sender])
    assert any(cases.service_request(c.id) for c in contacts if c.id is not None)
