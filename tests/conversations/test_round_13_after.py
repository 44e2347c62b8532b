"""Round 13 of the simulated residents (issue 16), played over REST in our own wordings:
outside the complaint form. What the chat says it has recorded, Stage 2 asked about while its
question is open, and questions that got no answer."""

from __future__ import annotations

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_9_form_danger import to_the_read_back

pytestmark = pytest.mark.server

READ_BACK = "Is that right?"
NOT_NOTED = "No, I have not noted a repair or request yet."
CARRIES_ON = "carries on as normal"


def test_a_separate_job_asked_for_at_the_read_back_is_not_said_to_be_booked(
    running: Running,
) -> None:
    """r13b-12 (serious): "the window is a separate repair, can you book that in too?" at the
    read-back was told "Yes. Your repair or request carries on as normal" with nothing noted, and
    "is my window booked?" after logging got "I can't answer that one myself"."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say(
        "mostly right. the kitchen tap is a separate repair though, could you book it in as well?"
    )
    assert NOT_NOTED in reply
    assert CARRIES_ON not in reply
    # Not added to the complaint: the read-back is asked again as it was.
    assert "kitchen tap" not in reply
    assert READ_BACK in reply
    assert "Your complaint is logged" in say("yes that's right")
    after = say("so is the tap booked in or do i need to phone?")
    assert NOT_NOTED in after
    assert "can't answer that one" not in after


def test_is_the_stage_2_logged_while_its_question_is_open_says_not_yet(running: Running) -> None:
    """r13d-04 (serious): a call handler's "so is the st2 request actually logged now? new ref?
    date?" asked while the check waited for contact details was told no Stage 2 request had been
    taken, and invited to make a new complaint."""
    _, say = conversation(running)
    say("calling for a tenant, Ms Amira Khan, she wants complaint CMP-2026-999951 taken to stage 2")
    reply = say("is that stage 2 actually logged then, does she get a new reference and a date?")
    assert "Not yet. I pass your request for Stage 2 on as soon as" in reply
    assert "I have not taken a Stage 2 request" not in reply
    assert "tell me what went wrong" not in reply


def test_who_to_tell_about_drug_dealing_is_the_asb_team(running: Running) -> None:
    """r13b-06: "who do i tell about the lads dealing outside my block" got opening hours, then
    the council about bin collections."""
    _, say = conversation(running)
    reply = say(
        "what time do you open tuesday. and who do i speak to about the blokes selling drugs by "
        "the bin shed every night"
    )
    assert "To report anti-social behaviour, call our ASB team" in reply
    assert "call the police on 101" in reply


def test_a_message_to_pass_on_goes_to_a_person_and_cancelling_it_with_bye_is_answered(
    running: Running,
) -> None:
    """r13d-06: "cant you just pass a message on to them?" was offered a new complaint, and
    "actually dont bother the person, ill email complaints myself. bye" got no reply at all."""
    _, say = conversation(running)
    say("hello, please withdraw my complaint CMP-2026-999118, the plumber came and fixed it")
    assert "I'll pass you to a person" in say(
        "can't you just pass a message on to them for me? i'll forget to call"
    )
    reply = say("actually never mind the person, i'll just email the complaints team myself. bye")
    assert "cancelled your request for a person" in reply
    assert "Goodbye" in reply
    assert "carry on here with you" not in reply
    assert "can't answer that one" not in reply


def test_coming_back_to_do_the_complaint_starts_it(running: Running) -> None:
    """r13d-07: "lets do the complaint about the stairwell now" after leaving the form was
    offered the choice again."""
    _, say = conversation(running)
    say("The cleaner hasnt done our landing for 5 weeks, bags of rubbish everywhere and it reeks.")
    say("complaint")
    assert "I have not logged a complaint" in say("wait, cancel that. i'll phone on monday")
    reply = say("oh go on then, kids are busy. lets do the complaint about the landing now")
    assert "take the details of your complaint" in reply
    assert "What would you like to do?" not in reply


def test_have_i_got_a_reference_after_choosing_put_right_is_answered(running: Running) -> None:
    """r13a-05: "forget the formal complaint, just get someone to fix the fan" was ignored, and
    "have i got a reference number for this or what" got "I can't answer that one"."""
    _, say = conversation(running)
    say(
        "the extractor fan in my bathroom has been broken for 3 weeks, nobody has come. i want "
        "to complain"
    )
    put_right = say(
        "actually forget the formal complaint, it will take forever. just send someone to fix "
        "the fan"
    )
    assert "without a formal complaint" in put_right
    reply = say("have i got a reference number for this or what")
    assert "can't answer that one" not in reply
    assert "does not get a complaint reference" in reply


def test_does_complaining_do_anything_is_answered_at_a_form_question(running: Running) -> None:
    """r13c-06: "like does complaining actually do anything" got "Goodbye"."""
    _, say = conversation(running)
    say("the heating in my flat has been off since tuesday and nobody came. i want to complain")
    reply = say("like does complaining actually do anything")
    assert "Yes, it can. Every complaint is read and answered" in reply
    assert "Goodbye" not in reply


def test_have_you_got_my_number_after_a_route_is_answered_plainly(running: Running) -> None:
    """r13c-07: "ok i call that number. you have my phone yes?" got only "using the details you
    gave us"."""
    _, say = conversation(running)
    say(
        "boiler not working 5 days, radiators cold. my number is 07999 000 321, fix it before "
        "my mum comes back from hospital"
    )
    reply = say("ok i call that number. you have my phone yes?")
    assert "Yes. I have the phone number or email you gave me" in reply


def test_the_mps_office_question_is_answered_and_the_outcome_kept(running: Running) -> None:
    """r13d-05: "... Could you also tell me whether the MP's office will be copied into the
    response?" was ignored and stored as part of what would put it right."""
    _, say = conversation(running)
    say(
        "I'm a caseworker for the MP, writing for Mrs Nowak at 3 Fir Road. Her front door lock "
        "has been broken for a month and nobody has fixed it, she wants to complain"
    )
    say("formal complaint")
    say("yes still broken")
    say("no")
    reply = say(
        "A new door with a working lock urgently, and an explanation of the delay. Could you "
        "also tell me whether the MP's office will be copied into the response?"
    )
    assert "Yes, if the resident agrees." in reply
    assert "What would you like us to do to put things right?" not in reply


def test_stage_2_without_a_reference_asks_who_they_are_and_how_to_reach_them(
    running: Running,
) -> None:
    """r13d-17: "I'd like it escalated please. Don't have the ref number." was handed to a
    person with nothing that identifies her complaint; "will they email me" (r13b-05) was not
    answered."""
    _, say = conversation(running)
    reply = say(
        "Hi, I got an answer to my complaint about the bin store not being cleaned and I want it "
        "escalated please. I don't have the reference."
    )
    assert "please tell me your name, your address, and a phone number or email" in reply
    after = say("so has my stage 2 actually been recorded or not? and will they email me")
    assert "They will reply here in this conversation" in after


def test_phone_not_email_at_the_read_back_changes_the_way_to_contact(running: Running) -> None:
    """r13a-15 (serious): "contact me by PHONE call not email" at the read-back handed the chat
    to a person with the complaint not logged."""
    _, say = conversation(running)
    say("i want to make a formal complaint, the caretaker hasnt cleaned the bin store in a month")
    say("yes still happening")
    say("no")
    say("get it cleaned regularly")
    say('/choose{"choice": "resident"}')
    say("Dana Wells, 4 Ash House")
    say("07700 900737")
    say('/choose{"choice": "email"}')
    assert READ_BACK in say("no")
    reply = say("contact me by PHONE call not email")
    assert "pass you to a person" not in reply
    assert "We will contact Dana Wells by phone" in reply
    assert READ_BACK in reply


def test_a_sons_two_questions_after_stage_2_are_both_answered(running: Running) -> None:
    """r13a-06: "who will they contact, me or dad? ... And is there a reference for this stage 2
    request?" got only "a person will read this", twice."""
    _, say = conversation(running)
    say("I'm writing for my dad, his complaint CMP-2026-999942 needs to go to stage 2 please")
    assert "pass you to a person" in say("I don't have the details he gave")
    reply = say(
        "ok. who will they contact, me or dad? Dad's hard of hearing so it needs to be me "
        "really. And is there a reference for this stage 2 request?"
    )
    assert "We contact the resident, in the way they asked." in reply
    assert "Your Stage 2 request keeps the reference your complaint already has" in reply
