"""Round 12 of the simulated residents (issue 16), played over REST in our own wordings: form
answers are stored as what they are. A parent who says it is her tenancy is the resident, "a
phone call" at another question is how to contact them (not a request for a person), taking a
handover back carries on with the question that was waiting, and a need told beside a phone
number is recorded with the complaint once consent is given."""

from __future__ import annotations

import re

import pytest

from bot.casestore.engine import make_engine
from bot.casestore.services import CaseStore
from bot.policy import Policy
from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import WHO, to_the_earlier_job_question
from tests.conversations.test_round_9_forms import ASK_NAME, HANDOVER, LOGGED, READ_BACK
from tests.conversations.test_round_12_read_back import answering

pytestmark = pytest.mark.server

HELPER_QUESTION = "Thank you for helping"
CONSENT_TO_RECORD = "May we record it with your complaint"
HARD_OF_HEARING = "my home phone 01632 960 458, I'm in most days. I'm a bit hard of hearing"
REFERENCE = re.compile(r"CMP-\d{4}-\d{6}")
# A resident who tells of a hearing need beside the number, which is then asked about.
TO_THE_CONSENT_QUESTION = (
    "no",
    "get them fixed",
    "I'm the resident",
    "Joan Hill",
    f"{HARD_OF_HEARING} so please speak slowly",
)


def test_a_mum_who_says_it_is_her_tenancy_is_the_resident(running: Running) -> None:
    """r12d-02: "im his mum its my tenancy" was taken for a helper, and "no im the tenant lol
    its my flat. Kayleigh Morris ..." was ignored, then asked for her name again."""
    _, say = conversation(running)
    assert WHO in answering(say, "no", "get the lights fixed before my son trips")
    asked = say("im his mum, its my flat")
    assert HELPER_QUESTION not in asked
    assert ASK_NAME in asked


def test_a_tenant_taken_for_a_helper_can_say_so_and_her_name_is_kept(running: Running) -> None:
    """r12d-02: at the helper's question, "no I'm the tenant, it's my flat. <name>" was asked
    about the resident's consent; her name was asked again."""
    _, say = conversation(running)
    assert HELPER_QUESTION in answering(say, "no", "get them fixed", "I'm helping someone else")
    reply = say("no I'm the tenant, it's my flat. Kayleigh Morris")
    assert "agreed to you acting for them" not in reply
    assert ASK_NAME not in reply
    assert "phone number or email" in reply


def test_a_phone_call_at_the_consent_question_is_the_way_to_contact_not_a_person(
    running: Running,
) -> None:
    """r12a-16: "phone call" typed when the consent question was waiting handed the chat to a
    person and dropped the form."""
    _, say = conversation(running)
    assert CONSENT_TO_RECORD in answering(say, *TO_THE_CONSENT_QUESTION)
    reply = say("a phone call is best")
    assert HANDOVER not in reply
    assert CONSENT_TO_RECORD in reply


def test_taking_a_handover_back_asks_the_waiting_question_and_records_the_need(
    running: Running, policy: Policy
) -> None:
    """r12a-16: after "i didnt ask for a person ... can we finish the complaint?" nothing was
    asked, "ok so what do you need next?" got no way back into the form; the hearing need told
    beside the number was never recorded."""
    _, say = conversation(running)
    assert CONSENT_TO_RECORD in answering(say, *TO_THE_CONSENT_QUESTION)
    assert HANDOVER in say("can I talk to a real person")
    back = say("sorry no, I didnt ask for a person. can we finish the complaint here?")
    assert CONSENT_TO_RECORD in back
    assert READ_BACK in say("yes you can record it")
    logged = say("yes")
    assert LOGGED in logged
    reference = REFERENCE.search(logged)
    assert reference is not None
    complaint = CaseStore(make_engine(running.database_url), policy).complaint(reference.group())
    assert complaint is not None
    [adjustment] = complaint.adjustments
    assert adjustment.need_id == "hearing"
    assert adjustment.consent_to_record


def test_a_helper_who_gives_their_name_with_their_role_is_not_asked_it_again(
    running: Running,
) -> None:
    """r12a-10: "advocate is Priya Shah from Age UK" was followed by "What name should we use",
    and the next answer was stored as the name."""
    _, say = conversation(running)
    assert HELPER_QUESTION in answering(say, "no", "get them fixed", "I'm helping someone else")
    say("the advocate is Omar Haddad, for Mr Piotr Zielinski, 22 Mill Lane")
    reply = say("yes signed consent form")
    assert ASK_NAME not in reply
    assert "phone number or email" in reply


def test_me_with_a_name_at_the_resident_question_keeps_the_name(running: Running) -> None:
    """r12a-14, r12d-12: "me. Lee Harding flat 8 Beech House" was asked for the name again."""
    _, say = conversation(running)
    reply = answering(say, "no", "get them fixed", "me, Shannon Kelly 8 Ash Grove")
    assert ASK_NAME not in reply
    assert "phone number or email" in reply


def test_a_name_typed_again_impatiently_is_the_name_not_a_question(running: Running) -> None:
    """r12d-12: "shannon kelly?? just said" at the name question got "I can't answer that one
    myself", and "just said" was later read back as the name."""
    _, say = conversation(running)
    reply = answering(say, "no", "get them fixed", "I'm the resident", "dawn hughes?? just said")
    assert "can't answer" not in reply
    assert "phone number or email" in reply


def test_a_tenant_read_back_as_a_helper_is_made_the_resident(running: Running) -> None:
    """r12d-02: "no its not for someone else its me, im the tenant" at the read-back was not
    applied, and the complaint was logged as her helping herself."""
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    for answer in (
        "no",
        "get them fixed",
        "I'm helping someone else",
        "Kayleigh Morris, 14 Brook Court, my mum",
        "yes",
        "Kayleigh",
        "07700 900555",
        "text",
    ):
        say(answer)
    assert "You are helping them" in say("no")
    reply = say("no it's not for someone else, it's me, I'm the tenant")
    assert READ_BACK in reply
    assert "You are helping them" not in reply
    assert "The complaint is for" not in reply


def test_a_helper_naming_the_resident_with_the_address_is_not_asked_again(
    running: Running,
) -> None:
    """r12d-06, r12a-05: "its her tenancy, im her son ... shes Margaret Doyle, flat 3, 9 Canal
    St. im Liam" was asked for all of it again."""
    _, say = conversation(running)
    reply = answering(
        say, "no", "an apology", "I'm his daughter, he's Mr Brian Cole, 12 Elm Road. I'm Sara Cole"
    )
    assert HELPER_QUESTION not in reply
    assert "agreed to you acting for them" in reply


def test_coming_back_to_a_left_complaint_keeps_what_went_wrong(running: Running) -> None:
    """r12d-06, r12d-16: after leaving and coming back, what went wrong was read back as "can we
    carry on where we were" or "Right I've had a cup of tea. Let's do it."."""
    _, say = conversation(running)
    say(
        "the cleaner has not done our stairs since september and there is rubbish on every "
        "landing, I have rung twice"
    )
    say("Make a formal complaint")
    assert "I have not logged a complaint" in say("cancel")
    say("right, I've had a cup of tea. can we carry on where we were please?")
    reply = say("Make a formal complaint")
    answers = {
        "still happening": "yes it is",
        "reported to us before": "no",
        "put things right": "clean the stairs every week",
        "helping someone else": "I'm the resident",
        "What name": "Dawn Hughes",
        "phone number or email": "dawn.hughes@example.org",
        "How would you like us to contact you": "email",
        "make it easier": "no",
    }
    for _ in range(len(answers) + 2):
        if READ_BACK in reply:
            break
        asked = [words for question, words in answers.items() if question in reply]
        assert asked, reply
        reply = say(asked[-1])
    assert "What went wrong: the cleaner has not done our stairs since september" in reply
    assert "cup of tea" not in reply
