"""Round 14 of the simulated residents (issue 16), played over REST in our own wordings: who the
complaint is for when an MP's office, a councillor or a call handler writes; answers with
several parts kept whole; corrections at the read-back that name its own lines, take out one
item of a list, or ask for a copy to the resident; a yes said as "that is correct now"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from tests.conftest import Running
from tests.conversations.test_conversation_repair import conversation
from tests.conversations.test_round_8_form import (
    to_the_contact_method_question,
    to_the_earlier_job_question,
)
from tests.conversations.test_round_9_form_danger import to_the_read_back
from tests.conversations.test_round_9_forms import LOGGED, READ_BACK, WHICH_PART
from tests.conversations.test_round_13_complaint_form import (
    CONSENT_QUESTION,
    HELPER_QUESTION,
    through_the_form,
)

pytestmark = pytest.mark.server

MP_OFFICE_WRITES = (
    "Good afternoon. I work in the constituency office of Sam Brown MP and I am writing on "
    "behalf of a constituent, Mrs Halima Osman of Flat 9, 4 Quay Street. She wants to complain "
    "that her broken kitchen window has not been repaired since September."
)


def test_an_mps_caseworker_is_not_asked_for_the_resident_and_the_mp_is_not_the_resident(
    running: Running,
) -> None:
    """r14d-04: the read-back said "The complaint is for: Jane Doe" (the MP), and the
    resident named in the first message was asked for again."""
    _, say = conversation(running)
    say(MP_OFFICE_WRITES)
    read_back = through_the_form(
        say,
        say("yes she reported it in September, no job number"),
        Thank_you_for_helping="Dan Field, caseworker for Sam Brown MP. The resident is Mrs "
        "Halima Osman, Flat 9, 4 Quay Street",
        agreed_to_you_acting="yes, she signed our consent form",
        What_name_should_we_use="Dan Field",
        phone_number_or_email="dan.field@example.org",
    )
    assert "The complaint is for: Mrs Halima Osman, Flat 9, 4 Quay Street" in read_back
    assert "The complaint is for: Sam Brown" not in read_back
    assert "You are helping them: Dan Field." in read_back


def test_a_councillor_is_the_helper_and_the_tenant_she_names_is_the_resident(
    running: Running,
) -> None:
    """r14d-09: "Cllr Priya Shah here ... A resident of yours, Mr Daniel Osei at 41 Kestrel
    House" was read back as "The complaint is for: Cllr Priya Shah"."""
    _, say = conversation(running)
    say(
        "Cllr Nadia Brook here, ward councillor for Millfield. A tenant of yours, Mr Femi Ade at "
        "12 Rook Court, came to see me: the lift in his block has been broken for six weeks and "
        "he cannot get his shopping up. He wants to make a complaint."
    )
    read_back = through_the_form(
        say,
        say("yes, he rang about it twice in October"),
        Thank_you_for_helping="All in my first message - Cllr Nadia Brook, his ward councillor; "
        "Femi Ade, 12 Rook Court.",
        agreed_to_you_acting="yes he has agreed",
        What_name_should_we_use="Nadia Brook. Email nadia.brook@example.org. Mr Ade's mobile is "
        "07700 900444 if you need him direct",
        # The name she opened with is not asked for again (round 15 r15d-09): the details are.
        phone_number_or_email="Email nadia.brook@example.org. Mr Ade's mobile is 07700 900444 "
        "if you need him direct",
    )
    assert "The complaint is for: Mr Femi Ade, 12 Rook Court" in read_back
    assert "The complaint is for: Cllr" not in read_back
    # The tenant's mobile is his, not the councillor's way to be contacted.
    assert "We will contact Nadia Brook by email (nadia.brook@example.org)" in read_back
    assert "(07700 900444)" not in read_back


def to_the_who_question(say: Callable[[str], str]) -> None:
    """A complaint with no earlier job and what would put it right, at "are you the resident"."""
    to_the_earlier_job_question(say)
    say("no")
    assert "resident, or are you helping" in say("get them fixed")


def test_a_call_handler_is_not_a_representative_and_the_tenant_on_the_line_complains(
    running: Running,
) -> None:
    """r14d-05, r14d-16: a call handler was asked for the resident's consent, "im staff not a
    rep" was ignored, and the resident was read back as her own helper."""
    _, say = conversation(running)
    to_the_who_question(say)
    after = say("im the call handler, T is Mrs June Pollard, 3 Fern Way, she is on the phone now")
    assert CONSENT_QUESTION not in after
    assert HELPER_QUESTION not in after
    read_back = through_the_form(say, after, phone_number_or_email="07700 900321")
    assert "You are helping them" not in read_back
    assert "contact Mrs June Pollard by" in read_back


def test_staff_not_a_rep_at_the_consent_question_makes_the_tenant_the_complainant(
    running: Running,
) -> None:
    """r14d-05: "im staff not a rep lol. shes on the line" got the consent question again."""
    _, say = conversation(running)
    to_the_who_question(say)
    assert HELPER_QUESTION in say('/choose{"choice": "someone_else"}')
    asked = say("Mrs June Pollard, 3 Fern Way")
    assert CONSENT_QUESTION in asked
    after = say("no I'm staff, not a rep. she's on the line herself")
    assert CONSENT_QUESTION not in after
    read_back = through_the_form(
        say, after, What_name_should_we_use="June Pollard", phone_number_or_email="07700 900321"
    )
    assert "You are helping them" not in read_back


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        # r14c-02: "fix the problem and apology" was read back as "Fix the problem".
        ("fix the problem and an apology", "fix the problem and an apology"),
        # r14c-20: "fix damp + mould treatment, compo" was cut to the first button.
        ("fix the problem + some compo", "fix the problem + some compo"),
    ],
)
def test_an_outcome_with_several_parts_is_kept_whole(
    running: Running, typed: str, kept: str
) -> None:
    _, say = conversation(running)
    to_the_earlier_job_question(say)
    say("no")
    read_back = through_the_form(say, say(typed))
    assert f"You would like: {kept}\n" in read_back


def test_taking_out_one_item_of_a_numbered_message_keeps_the_others(running: Running) -> None:
    """r14b-06 (SERIOUS): "take out the rent bit" removed the fan and mould, which shared a
    sentence with the rent question, and said it was done."""
    _, say = conversation(running)
    say(
        "two things. 1) the kitchen extractor has not worked since October and grease is "
        "building up on the walls 2) can I pay my rent by card? I always paid at the bank. "
        "3) i rang about the extractor three times and nobody came"
    )
    read_back = through_the_form(say, say("/affirm"))
    assert "kitchen extractor" in read_back
    reply = say("nearly right but take the rent bit out, that is not my complaint")
    what_went_wrong = reply.split("What went wrong:")[-1].split("\n")[0]
    assert "kitchen extractor has not worked since October" in what_went_wrong
    assert "rent" not in what_went_wrong
    assert "paid at the bank" not in what_went_wrong
    assert "nobody came" in what_went_wrong


@pytest.mark.parametrize(
    "correction",
    [
        # r14b-07: stored whole as what they would like.
        "The 'you would like' should say a new boiler and £200 for the heaters. Otherwise fine.",
        # r14a-14: "The 'you would like' bit is wrong." was stored as what they would like.
        "The 'you would like' bit is wrong. What I want is a new boiler and £200 for the heaters.",
        "No! I want: a new boiler and £200 for the heaters.",
    ],
)
def test_a_correction_naming_the_read_backs_own_line_keeps_only_the_new_words(
    running: Running, correction: str
) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say(correction)
    assert "You would like: " in reply
    wanted = reply.split("You would like: ")[1].split("\n")[0]
    assert wanted.lower().rstrip(".") == "a new boiler and £200 for the heaters", wanted


@pytest.mark.parametrize(
    "agreed",
    [
        # r14d-04: asked which part to change.
        "That is correct now, thank you.",
        # r14b-07: asked which part to change.
        "Close enough, yes",
    ],
)
def test_a_yes_in_other_words_logs_the_complaint(running: Running, agreed: str) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say(agreed)
    assert LOGGED in reply
    assert WHICH_PART not in reply


def test_a_copy_for_the_resident_by_post_keeps_the_helpers_email(running: Running) -> None:
    """r14a-06 (SERIOUS): "please send Lee a copy of letters by post to 5 Mill Lane" replaced
    the support worker's email with a letter to the tenant's address."""
    _, say = conversation(running)
    say(
        "I'm a support worker helping one of your tenants, Mr Owen Price at 8 Reed Street. He "
        "asked me to complain that the repairs team left his back door hanging off its hinges."
    )
    read_back = through_the_form(
        say,
        say("/affirm"),
        Thank_you_for_helping="I'm Zara Holt, his support worker. Owen Price, 8 Reed Street",
        agreed_to_you_acting="yes he asked me to",
        What_name_should_we_use="Zara Holt",
        phone_number_or_email="zara.holt@example.org",
    )
    assert "We will contact Zara Holt by email (zara.holt@example.org)" in read_back
    reply = say("Nearly. Please also send Owen a copy of any letters by post to 8 Reed Street.")
    assert READ_BACK in reply
    assert "We will contact Zara Holt by email (zara.holt@example.org)" in reply
    assert "a copy of any letters by post to 8 Reed Street" in reply


def test_the_complaint_is_that_replaces_what_went_wrong_not_the_earlier_report(
    running: Running,
) -> None:
    """r14c-17: "not quite, the complaint is that i reported him 3 times since october and the
    asb team never called me back" was stored under "reported before"."""
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say("not really, the complaint is that i asked 4 times and the caretaker never came")
    assert "What went wrong: i asked 4 times and the caretaker never came\n" in reply
    assert "reported before: i asked" not in reply


@pytest.mark.parametrize(
    "first",
    [
        # r14c-16: "only phone for repair 4 time" in the first message.
        "my kitchen tap is leaking for 2 weeks, i phone for repair 3 time and nobody come. i want "
        "to complain",
        # r14d-16: a call handler's "3rd call".
        "caller Ms T Baker 4 Vale Rd, c/o broken entry door, 4th call, nobody attended, wants to "
        "complain",
    ],
)
def test_calls_counted_in_the_first_message_are_the_earlier_report(
    running: Running, first: str
) -> None:
    """r14c-16, r14c-03, r14d-16: asked whether it was reported before after "called 4 times"
    or "3rd call"."""
    _, say = conversation(running)
    say(first)
    read_back = through_the_form(say, say("/affirm"))
    assert "It is about a request you reported before:" in read_back


def test_no_adjustments_with_more_said_after_it_needs_nothing(running: Running) -> None:
    """r14c-20: "no adjustments. ive told him to ..." was stored as what would help."""
    _, say = conversation(running)
    to_the_contact_method_question(say)
    say("Phone call")
    reply = say("no adjustments. I will be at my sister's most evenings this week anyway")
    assert READ_BACK in reply
    assert "To make things easier for you" not in reply


@pytest.mark.parametrize(
    ("agreed", "added"),
    [
        # r14d-12: logged without "my son have asthma".
        ("yes correct. also please write that the caretaker was told about it twice",
         "The caretaker was told about it twice"),
        # r14d-05: "pls note the gas smell on the case" never reached the record.
        ("yes thats right. also pls note the missing fence panel at the back on the case",
         "The missing fence panel at the back"),
    ],
)  # fmt: skip
def test_an_addition_beside_the_yes_is_made_and_read_back_before_logging(
    running: Running, agreed: str, added: str
) -> None:
    _, say = conversation(running)
    to_the_read_back(say)
    reply = say(agreed)
    assert LOGGED not in reply
    assert READ_BACK in reply
    assert added in reply.split("What went wrong:")[-1].split("\n")[0]
    assert LOGGED in say("yes")
