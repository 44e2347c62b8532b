"""Faults the simulated residents of round 5 (tests/data/simulated/conversations_round5_*) and
round 6 found, each played over REST against the running servers in words of our own: a message
with several parts, status and Stage 2 in new wordings, a yes that brings its details, and the
first reply of a conversation."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from bot.casestore.services import CaseStore
from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_complaint_conversation import answered_complaint
from tests.conversations.test_conversation_repair import conversation, store

pytestmark = pytest.mark.server

REFERENCE = re.compile(r"CMP-\d{4}-\d{6}")


def first_contact(cases: CaseStore, sender: str) -> int:
    """The contact the conversation's first message started."""
    with cases.unit_of_work() as uow:
        contacts = uow.cases.conversation_contacts([sender])
    ids = sorted(c.id for c in contacts if c.id is not None)
    assert ids, "no contact recorded"
    return ids[0]


def test_a_job_asked_for_beside_a_complaint_is_logged_as_a_request_too(
    running: Running, policy: Policy
) -> None:
    """r5b-11, r5b-13: the repair beside the complaint was said to be noted and then dropped."""
    sender, say = conversation(running)
    first = say(
        "Nobody came back about the damp in my bedroom after three calls and I am fed up with "
        "it. Also the front gate hinge has snapped, can someone come and fix it please?"
    )
    assert "noted it as a request for our team" in first
    assert "make a formal complaint" in first
    cases = store(running, policy)
    request = cases.service_request(first_contact(cases, sender))
    assert request is not None
    assert "gate hinge" in request.description


def test_every_question_in_a_long_message_is_answered(running: Running) -> None:
    """r5c-12, r5b-13: of several questions in one message only one was answered."""
    _, say = conversation(running)
    reply = say(
        "Hi, I look after my gran, Mrs Rose Hall at 4 Oak Lane. Her rug and armchair were ruined "
        "when the flat above flooded and she wants to claim for them. And who do we talk to "
        "about her moving to a bungalow?"
    )
    assert "contents insurance" in reply
    assert "lettings team" in reply


def test_a_question_about_stage_2_is_answered_without_starting_a_request(
    running: Running,
) -> None:
    """r5b-15, r5c-18: "whats stage 2 mean?" started a Stage 2 request and kept asking for the
    reference; "not asking for it" did not leave it."""
    _, say = conversation(running)
    answered = say("hi quick question, wots stage 2 mean? my letter says stage 1")
    assert "second and final stage" in answered
    assert "What is your complaint reference" not in answered
    both = say("n the ombudsman how do i contact them")
    assert "independent of us" in both


def test_i_dont_want_stage_2_asks_for_nothing(running: Running) -> None:
    _, say = conversation(running)
    reply = say("i dont want stage 2 thanks")
    assert "I have not sent a Stage 2 request" in reply
    assert "What is your complaint reference" not in reply


def test_a_status_question_then_stage_2_asks_for_nothing_twice(
    running: Running, policy: Policy
) -> None:
    """r5a-09, r5c-10: after the status was shared, Stage 2 asked for the reference and the
    check again; a status question worded like a Stage 2 request opened Stage 2 (round 6)."""
    cases = store(running, policy)
    reference = answered_complaint(cases, "Aisha Karim", "07700 900612").reference
    _, say = conversation(running)
    assert "email address or phone number" in say(f"when will i hear bk about {reference}")
    status = say("its 07700 900612")
    assert f"Complaint {reference} is at Stage 1" in status
    assert "gone to Stage 2" not in status
    stage_2 = say("thats too slow. can i take it to stage 2 now?")
    assert "What is your complaint reference" not in stage_2
    assert "email address or phone number" not in stage_2
    assert f"Your complaint {reference} has gone to Stage 2" in stage_2


def test_a_stage_2_request_after_a_failed_check_keeps_the_reference(
    running: Running, policy: Policy
) -> None:
    """r5b-06: after a status check that did not match, Stage 2 asked for the reference the
    resident had just typed. Since round 24 the details just checked are not asked for again
    either: they match no complaint, so nothing is given away, and an officer finds it."""
    cases = store(running, policy)
    reference = answered_complaint(cases, "Kai Morgan", "07700 900733").reference
    _, say = conversation(running)
    say(f"any news on {reference}? its been weeks")
    assert "don't match" in say("07700 900000")
    asked = say("whatever. i want it taken to stage 2, not happy")
    assert "What is your complaint reference" not in asked
    # The number just checked is not asked for again (round 23, left): it still matches no
    # complaint, so nothing is given away and an officer finds it.
    assert "email address or phone number" not in asked
    assert "couldn't check those details" in asked
    # The right number typed after the handover reaches the officer who finds the complaint.
    assert "will see the details you have given" in say("07700 900733")


def test_a_status_question_with_a_lost_reference_does_not_ask_for_it(running: Running) -> None:
    """r5b-05: "I've lost the reference" was answered with "What is your complaint reference?"."""
    _, say = conversation(running)
    reply = say("whats happening with my complaint? I dont have the reference number")
    assert "What is your complaint reference" not in reply
    assert "A person can find it for you" in reply


@pytest.mark.xfail(
    strict=True,
    reason="since twelve round 16-17 near misses were dropped (chosen by crossval rules: cost 817 "
    "against 828 by file), the intent model gives this repair with a hearing need dissatisfaction "
    "0.26, over the 0.25 doubt threshold, so the complaint choice is offered before the contact",
)
def test_a_yes_with_what_would_help_is_kept_and_only_consent_asked(
    running: Running, policy: Policy
) -> None:
    """Round 5: "yes I'm deaf so text only pls" at "shall we note what would help?" was asked
    "What would help you?" again."""
    sender, say = conversation(running)
    say("my doorbell is broken and I am deaf so I cannot hear people knocking")
    say("no thanks")  # not contacted: the offer of what would help comes next
    asked = say("yes I'm deaf so texts only please, no calls")
    assert "What would help you" not in asked
    assert "May we record it" in asked
    noted = say("yes")
    assert "We have noted what would help you" in noted
    cases = store(running, policy)
    adjustments = cases.contact_adjustments(first_contact(cases, sender))
    assert adjustments
    assert all("texts only" in a.detail and a.consent_to_record for a in adjustments)


def test_no_need_for_a_formal_complaint_is_not_a_complaint(running: Running) -> None:
    """r5b-14, r5b-20: "no need for a formal complaint" at the choice started the form."""
    _, say = conversation(running)
    say("the repairs team missed the appointment for my boiler again, second time this month")
    reply = say("She'd like it sorted please, there's no need for a formal complaint")
    assert "without a formal complaint" in reply
    assert "Is this still happening" not in reply


def test_a_question_at_the_choice_is_answered_not_taken_as_the_choice(running: Running) -> None:
    """r5a-06: "If I make complaint, my rent go up?" started the complaint form unanswered."""
    _, say = conversation(running)
    say("nobody fix my window since two month, I call three time")
    reply = say("What is difference? If I make complaint, my rent go up or problem for me?")
    assert "will not affect your tenancy" in reply
    assert "Is this still happening" not in reply
    assert "make a formal complaint" in reply.lower()


def test_the_first_reply_says_the_assistant_is_automated(running: Running) -> None:
    """Round 6: only a bare hello was told the assistant is automated."""
    _, say = conversation(running)
    reply = say("the kitchen tap has been dripping for a week")
    assert "automated assistant" in reply
    assert "automated assistant" not in say("no thanks")


def finished_complaint_form(say: Callable[[str], str]) -> str:
    """A complaint told in full, up to its read-back."""
    say("the contractors left rubble in my front garden three weeks ago and nobody has moved it")
    for answer in ("formal complaint", "yes still there", "no", "clear it this week", "me"):
        say(answer)
    say("Dani Cole")
    say("07700 900888, text me")
    return say("no thanks")


def test_new_words_for_what_went_wrong_replace_it(running: Running) -> None:
    """Round 6 r6b-21: "what went wrong should just say: ..." was added, instruction and all."""
    _, say = conversation(running)
    assert "Here is what I understood" in finished_complaint_form(say)
    read_back = say("what went wrong should just say: rubble dumped in my garden, still there")
    assert "What went wrong: rubble dumped in my garden, still there" in read_back
    assert "should just say" not in read_back
    added = say("add that there are rats now")
    assert "rubble dumped in my garden, still there. There are rats now" in added
    assert "add that" not in added


def test_naming_a_part_to_change_asks_its_question_again(running: Running) -> None:
    """Round 6 r6a-02: "No, I want to change what went wrong" became what they would like."""
    _, say = conversation(running)
    finished_complaint_form(say)
    assert "in your own words, what has gone wrong" in say("No, I want to change what went wrong")


def test_starting_again_leaves_the_first_telling_out(running: Running) -> None:
    """Round 6 r6b-21: after "start again" the read-back glued both tellings together."""
    _, say = conversation(running)
    say("im SICK of this. the bins round the back havent been emptied in weeks")
    say("formal complaint")
    assert "What would you like to tell us about" in say("start again")
    say("the communal bins behind block B have not been emptied for three weeks")
    for answer in ("formal complaint", "yes", "no", "empty them", "me", "Sam Lee"):
        say(answer)
    say("sam.lee@example.com, email me please")
    read_back = say("no")
    assert "communal bins behind block B" in read_back
    assert "SICK" not in read_back


def test_asking_for_a_formal_complaint_is_not_offered_the_choice_again(running: Running) -> None:
    """r5a-07, r5a-12, r5b-07: a first message that asked for a formal complaint got the offer
    of a complaint, and a job number "was R-…" was asked for again."""
    _, say = conversation(running)
    reply = say(
        "I'd like to make a formal complaint. The plasterer left a hole in my landing ceiling on "
        "3 November and nobody has been back. Job number was R-60412."
    )
    assert "take the details of your complaint" in reply
    assert "You can make a formal complaint" not in reply
    assert "reported to us before" not in reply


def test_stopping_a_complaint_with_nothing_open_starts_nothing(running: Running) -> None:
    """r5a-12: "He doesn't want to complain now. Please stop the complaint." started Stage 2."""
    _, say = conversation(running)
    reply = say("She doesn't want to complain any more. Please stop the complaint.")
    assert "What is your complaint reference" not in reply
    assert "Stage 2" not in reply
